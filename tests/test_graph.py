"""Whole-plan validation: every problem at once, each with its code, entry and key."""

from __future__ import annotations

from pathlib import Path

import pytest

import psp
from psp import Link, Month, Project, Task

ERRORS = Path(__file__).parent / "data" / "errors"
CASES = sorted(ERRORS.glob("*.toml"))


def expected_codes(path: Path) -> list[str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect:"), f"{path.name} must say which codes it expects"
    return sorted(first.removeprefix("# expect:").split())


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_error_case_files_raise_exactly_their_annotated_codes(path: Path) -> None:
    with pytest.raises(psp.PlanError) as info:
        psp.load(path)
    err = info.value
    codes = list(err.codes) if isinstance(err, psp.ValidationError) else [err.code]
    assert sorted(codes) == expected_codes(path)
    assert str(path) in str(err)  # every problem names the file
    if isinstance(err, psp.ValidationError):
        assert all(p.file == str(path) and p.entry for p in err.problems)


def test_there_are_error_cases_for_every_problem_the_issue_names() -> None:
    covered = {code for path in CASES for code in expected_codes(path)}
    assert {"unknown-task", "duplicate-id", "self-link", "loe-link", "cycle", "invalid-field",
            "constraint-before-start", "date-unreadable", "date-misaligned"} <= covered


def test_a_cycle_names_its_tasks_in_order() -> None:
    with pytest.raises(psp.ValidationError) as info:
        psp.load(ERRORS / "cycle.toml")
    (problem,) = info.value.problems
    assert "a → b → c → a" in problem.message
    assert problem.entry == "task a" and problem.key == "depends"


def test_an_unknown_link_names_the_task_and_the_missing_id() -> None:
    with pytest.raises(psp.ValidationError) as info:
        psp.load(ERRORS / "unknown_link.toml")
    assert str(info.value.problems[0]).endswith(
        "unknown_link.toml: task 1.3: depends: depends on '1.9', which is not a task of this plan"
    )


def test_a_bad_date_shows_the_text_it_could_not_read() -> None:
    with pytest.raises(psp.ValidationError) as info:
        psp.load(ERRORS / "bad_date.toml")
    messages = [str(p) for p in info.value.problems]
    assert any("end: cannot read '31.13.2021'" in m for m in messages)
    assert any("task 3.1: not_before: cannot read 'Juni'" in m for m in messages)


def test_two_separate_cycles_are_both_reported() -> None:
    tasks = [Task(i, duration=1) for i in "abcde"]
    links = [Link("a", "b"), Link("b", "a"), Link("c", "d"), Link("d", "e"), Link("e", "c")]
    found = psp.problems(Project("x", Month(2020, 1), tasks=tasks, links=links))
    assert [p.code for p in found] == ["cycle", "cycle"]
    assert {p.entry for p in found} == {"task a", "task c"}


def test_a_link_to_a_missing_successor_is_reported() -> None:
    plan = Project("x", Month(2020, 1), tasks=[Task("a", duration=1)], links=[Link("a", "zz")])
    (problem,) = psp.problems(plan)
    assert problem.code == "unknown-task" and "zz" in problem.message


def test_validate_returns_a_valid_plan_unchanged() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    assert psp.validate(plan) is plan
    assert psp.problems(plan) == []


def test_schedule_refuses_an_invalid_plan_with_all_its_problems() -> None:
    plan = Project("x", Month(2020, 1), tasks=[Task("a", duration=1), Task("a", duration=2)],
                   links=[Link("a", "a")])
    with pytest.raises(psp.ValidationError) as info:
        psp.schedule(plan)
    assert sorted(info.value.codes) == ["duplicate-id", "self-link"]


def test_a_misaligned_start_names_the_key() -> None:
    with pytest.raises(psp.ValidationError) as info:
        psp.load(ERRORS / "misaligned_start.toml")
    (problem,) = info.value.problems
    assert (problem.entry, problem.key) == ("project", "start")
    assert "15.09.2020" in problem.message
