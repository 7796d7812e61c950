"""Reading and writing plan files: lossless round trips, and errors that say where."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

import psp
from psp import Constraint, ConstraintKind, Link, Month, Package, Project, Task

EXAMPLE = Path("examples/digitale_werkstatt.toml")


def test_the_example_round_trips(tmp_path: Path) -> None:
    plan = psp.load(EXAMPLE)
    text = psp.dumps(plan)
    assert psp.loads(text) == plan
    target = tmp_path / "plan.toml"
    psp.dump(plan, target)
    assert psp.load(target) == plan
    assert psp.dumps(psp.load(target)) == text  # canonical: a second write changes nothing


def test_the_issue_key_names_are_read() -> None:
    plan = psp.loads('''
[project]
name = "Demo"
start = "2020-09"
end = "31.08.2021"
unit = "month"

[[package]]
id = "AP1"
name = "Grundlagen"

[[task]]
id = "1.1"
package = "AP1"
name = "Klären"
owners = ["AGIT"]
duration = 1

[[task]]
id = "1.3"
package = "AP1"
name = "Marktanalyse"
owners = ["3win", "AGIT"]
duration = 2
depends = ["1.1", { id = "1.1", type = "SS", lag = 0 }]
not_before = "2021-06"
not_after  = "2021-08"

[[task]]
id = "4.1"
level_of_effort = true
''')
    assert plan.end == dt.date(2021, 8, 31)
    assert plan.links == (Link("1.1", "1.3"), Link("1.1", "1.3", "SS"))
    assert plan.constraints == (
        Constraint("1.3", ConstraintKind.START_NO_EARLIER_THAN, dt.date(2021, 6, 1)),
        Constraint("1.3", ConstraintKind.FINISH_NO_LATER_THAN, dt.date(2021, 8, 31)),
    )
    assert plan.task("4.1").kind is psp.TaskKind.LEVEL_OF_EFFORT
    assert plan.package("AP1") == Package("AP1", "Grundlagen")


def test_shared_owners_toml_dates_and_milestones() -> None:
    plan = psp.loads('''
[project]
name = "Demo"
start = 2020-09-01
end = 2021-08-31
[[task]]
id = "a"
owners = "3win+AGIT"
duration = 1
[[task]]
id = "M1"
milestone = true
depends = ["a"]
''')
    assert plan.start == dt.date(2020, 9, 1) and plan.end == dt.date(2021, 8, 31)
    assert plan.task("a").owners == ("3win", "AGIT")
    assert plan.task("M1").kind is psp.TaskKind.MILESTONE


def test_week_and_day_plans_round_trip() -> None:
    for unit, start, end in (("week", "2020-08-31", "2020-10-04"), ("day", "2020-09-15", None)):
        plan = Project("x", dt.date.fromisoformat(start), unit=unit,
                       end=None if end is None else dt.date.fromisoformat(end),
                       tasks=[Task("a", duration=3), Task("b", duration=2)],
                       links=[Link("a", "b", "FF", lag=-1)],
                       constraints=[Constraint("a", "start_no_earlier_than",
                                               dt.date.fromisoformat(start) + dt.timedelta(7))])
        assert psp.loads(psp.dumps(plan)) == plan


def test_text_with_quotes_backslashes_and_control_characters_survives() -> None:
    name = 'Zitat "x" \\ Pfad\tTab\nZeile \x01 – Ümlaut ✓'
    plan = Project(name, Month(2020, 9), tasks=[Task("a\\b", name, duration=1,
                                                     owners={'A "B"'})])
    text = psp.dumps(plan)
    tomllib.loads(text)  # valid TOML
    assert psp.loads(text) == plan


def test_dumps_keeps_misaligned_dates_exactly() -> None:
    # An invalid plan (constraint not on a month boundary) is still written losslessly.
    plan = Project("x", Month(2020, 9), tasks=[Task("a", duration=1)],
                   constraints=[Constraint("a", "start_no_earlier_than", dt.date(2021, 6, 15))])
    assert 'not_before = "2021-06-15"' in psp.dumps(plan)
    with pytest.raises(psp.ValidationError):
        psp.loads(psp.dumps(plan))


def test_dumps_refuses_what_the_file_cannot_hold() -> None:
    plan = Project("x", Month(2020, 9), tasks=[Task("a", duration=1)], links=[Link("a", "zz")])
    with pytest.raises(psp.ValidationError, match="zz"):
        psp.dumps(plan)


def test_errors_name_file_entry_and_key() -> None:
    with pytest.raises(psp.ValidationError) as info:
        psp.loads('[project]\nname = "x"\nstart = "2020-09"\n[[task]]\nid = "1.3"\n'
                  'duration = 2\ndepends = [{ id = "1.1", type = "XX" }]\n', file="plan.toml")
    (problem,) = info.value.problems
    assert (problem.file, problem.entry, problem.key, problem.code) == (
        "plan.toml", "task 1.3", "depends", "invalid-field")
    assert "one of FS, SS, FF, SF" in str(problem)


def test_a_missing_file_is_a_file_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(psp.FileReadError) as info:
        psp.load(missing)
    assert str(missing) in str(info.value) and isinstance(info.value, OSError)
    with pytest.raises(psp.FileReadError, match="cannot read"):
        psp.load(tmp_path)  # a folder


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "latin1.toml"
    target.write_bytes('[project]\nname = "Überwachung"\n'.encode("latin-1"))
    with pytest.raises(psp.FileReadError, match="not UTF-8"):
        psp.load(target)


def test_toml_syntax_errors_give_the_line(tmp_path: Path) -> None:
    with pytest.raises(psp.TomlSyntaxError, match=r"bad\.toml: not valid TOML: .*line 2"):
        psp.loads('[project]\nname = \n', file="bad.toml")


def test_dump_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("original", encoding="utf-8")
    bad = Project("x", Month(2020, 9), tasks=[Task("a", duration=1)], links=[Link("a", "zz")])
    with pytest.raises(psp.ValidationError):
        psp.dump(bad, target)
    assert target.read_text(encoding="utf-8") == "original"
    assert list(tmp_path.iterdir()) == [target]


def test_status_and_actuals_round_trip() -> None:
    plan = psp.apply(psp.load(EXAMPLE), psp.Progress(
        "2021-03-29", actual={"2.4": ("2020-12", "2021-02")}, not_started=["3.1"]))
    text = psp.dumps(plan)
    assert 'status = "2021-03-29"' in text
    assert 'actual_start = "2020-12-01"\nactual_finish = "2021-02-28"' in text
    again = psp.loads(text)
    assert again == plan and psp.schedule(again) == psp.schedule(plan)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """Issue 8: a file saved by a Windows editor starts with a UTF-8 BOM."""
    text = Path("examples/digitale_werkstatt.toml").read_text(encoding="utf-8")
    marked = tmp_path / "bom.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert psp.load(marked) == psp.load("examples/digitale_werkstatt.toml")


def test_load_on_a_portfolio_file_says_to_use_load_portfolio() -> None:
    with pytest.raises(psp.PlanFileError) as err:
        psp.load("examples/digitale_modellregion.toml")
    assert str(err.value) == ("examples/digitale_modellregion.toml: a portfolio file "
                              "([portfolio], [[project]]): read it with psp.load_portfolio")


def large_plan_text(count: int, special: dict[int, str]) -> str:
    """``count`` chained tasks; task number ``k`` (from 1) written as ``special[k]``."""
    tables = [special.get(k, f'[[task]]\nid = "t{k}"\nduration = {k % 3}\n'
                             + (f'depends = ["t{k - 1}", {{ id = "t{k - 2}", type = "SS", '
                                f'lag = 1 }}]\n' if k > 2 else ""))
              for k in range(1, count + 1)]
    return '[project]\nname = "Big"\nstart = "2021-01-01"\nunit = "day"\n\n' + "\n".join(tables)


def test_a_large_plan_reads_the_same_however_its_tasks_are_written() -> None:
    # Task 1500 takes the careful path (a not_before), the others the plain one in chunks.
    special = {1500: '[[task]]\nid = "t1500"\nduration = 2\ndepends = ["t1499"]\n'
                     'not_before = "2021-03-01"\n'}
    plan = psp.loads(large_plan_text(2100, special))
    assert [t.id for t in plan.tasks] == [f"t{k}" for k in range(1, 2101)]
    assert [t.duration for t in plan.tasks[:4]] == [1, 2, 0, 1]
    assert plan.tasks[2].kind is psp.TaskKind.MILESTONE
    assert len(plan.links) == 2 * 2098 - 1  # task 1500 has one link
    assert plan.links[:2] == (Link("t2", "t3"), Link("t1", "t3", "SS", lag=1))
    assert [lk for lk in plan.links if lk.successor == "t1500"] == [Link("t1499", "t1500")]
    assert plan.constraints == (
        Constraint("t1500", ConstraintKind.START_NO_EARLIER_THAN, dt.date(2021, 3, 1)),)


def test_a_problem_deep_in_a_large_plan_names_its_task_number() -> None:
    special = {2050: '[[task]]\nduration = 1\n', 1030: '[[task]]\nid = "t1030"\nduration = -1\n'}
    with pytest.raises(psp.ValidationError) as err:
        psp.loads(large_plan_text(2100, special), file="big.toml")
    lines = [line.strip() for line in str(err.value).splitlines()]
    assert "big.toml: task #2050: id: required" in lines
    assert any(line.startswith("big.toml: task t1030: duration:") for line in lines)
