"""Whole-plan validation: every problem at once, each with its code, entry and key."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

import psp
import psp.cli
from psp import Link, Month, Project, Task

ERRORS = Path(__file__).parent / "data" / "errors"
CASES = sorted(ERRORS.glob("*.toml"))


def expected_codes(path: Path) -> list[str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect:"), f"{path.name} must say which codes it expects"
    return sorted(first.removeprefix("# expect:").split())


def read_and_schedule(path: Path) -> None:
    """What every command does first: read the plan or portfolio, then schedule it."""
    portfolio = psp.load_portfolio(path)
    if len(portfolio.projects) > 1 or portfolio.links:
        psp.schedule_portfolio(portfolio)
    else:
        psp.schedule(portfolio.projects[0])


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_error_case_files_raise_exactly_their_annotated_codes(path: Path) -> None:
    with pytest.raises(psp.PlanError) as info:
        read_and_schedule(path)
    err = info.value
    codes = list(err.codes) if isinstance(err, psp.ValidationError) else [err.code]
    assert sorted(codes) == expected_codes(path)
    if isinstance(err, psp.ValidationError):
        assert all(p.entry for p in err.problems)
    # What the user reads: one line per problem, each naming the file, no traceback.
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        assert psp.cli.main(["check", str(path)]) == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == len(codes) and all(line.startswith(f"{path}: ") for line in lines)
    assert all(len(line) < 400 for line in lines)  # a 40 KB text is not echoed whole


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
