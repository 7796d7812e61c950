"""The main example, figure by figure, against shared/reference/digitale-werkstatt.md.

Expected values are the reference's own figures (and, for floats the reference does
not list, hand computation from its rules: see the comments).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import psp
from psp import Constraint, ConstraintKind, Month

D = dt.date
EXAMPLE = "examples/digitale_werkstatt.toml"


@pytest.fixture(scope="module")
def plan() -> psp.Project:
    return psp.load(EXAMPLE)


def span(s: psp.Schedule, task_id: str) -> tuple[str, str]:
    t = s[task_id]
    return Month.from_date(t.start).label(lang="en"), Month.from_date(t.finish).label(lang="en")


def test_the_example_models_the_seed(plan: psp.Project) -> None:
    assert plan.start == D(2020, 9, 1) and plan.end == D(2021, 8, 31)
    assert [p.id for p in plan.packages] == ["AP1", "AP2", "AP3", "AP4"]
    ids = [t.id for t in plan.tasks]
    assert ids == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
                   "2.7", "2.8", "2.9", "2.10", "2.11", "M1", "3.1", "3.2", "3.3", "4.1", "4.2",
                   "4.3", "4.4", "4.5"]
    assert plan.task("1.3").owners == ("3win", "AGIT")  # as the seed writes them
    assert plan.task("2.2").name == (
        "Konzeption der 10 Weiterbildungen in der realen Produktionsumgebung")
    assert plan.task("4.1").is_level_of_effort and plan.task("4.3").is_level_of_effort


def test_every_seed_task_name_and_owner_is_in_the_example_verbatim(plan: psp.Project) -> None:
    seed = Path(__file__).parent / "data" / "seed_projektstrukturplan.tsv"
    rows = [line.split("\t") for line in seed.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    assert len(rows) == 24
    for task_id, name, owner in rows:
        task = plan.task(task_id)
        assert task.name == name.strip(), task_id
        assert task.owners == tuple(owner.strip().split("+")), task_id


def test_scenario_1_baseline(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    assert s.finish == D(2021, 8, 31)
    assert s.slack == 0
    assert s.critical_path == ("1.1", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.10", "3.1",
                               "4.2", "4.4", "4.5")
    assert span(s, "3.1") == ("Mar'21", "Jun'21")
    assert (s["3.1"].start, s["3.1"].finish) == (D(2021, 3, 1), D(2021, 6, 30))
    for loe in ("4.1", "4.3"):
        assert (s[loe].start, s[loe].finish) == (D(2020, 9, 1), D(2021, 8, 31))
    # Floats by hand from the rules (end = boundary 12):
    #   1.2 has no successor: LF 12, EF 2 -> 10.  2.4 feeds 3.1 (LS 6), EF 5 -> 1.
    #   2.6 has no successor: LF 12, EF 5 -> 7.   M1 at 6, LF 12 -> 6.
    #   3.2/3.3 end with 3.1 at 10, LF 12 -> 2.
    floats = {"1.2": 10, "2.4": 1, "2.6": 7, "M1": 6, "3.2": 2, "3.3": 2, "2.5": 6, "2.11": 6}
    assert {k: s[k].total_float for k in floats} == floats
    assert s["M1"].start == D(2021, 2, 28)  # reached when 2.11 finishes


def test_scenario_2_delay_misses_the_end_by_three_months(plan: psp.Project) -> None:
    delayed = attrs.evolve(plan, constraints=[
        Constraint("3.1", ConstraintKind.START_NO_EARLIER_THAN, Month(2021, 6))])
    s = psp.schedule(delayed)
    assert s.finish == D(2021, 11, 30)
    assert s.slack == -3
    assert s.critical_path == ("3.1", "4.2", "4.4", "4.5")
    assert span(s, "3.1") == ("Jun'21", "Sep'21")
    assert span(s, "4.2") == ("Jun'21", "Nov'21")
    assert span(s, "4.4") == span(s, "4.5") == ("Oct'21", "Nov'21")
    assert span(s, "4.1") == span(s, "4.3") == ("Sep'20", "Nov'21")
    assert s["3.1"].total_float == -3


def test_scenario_3_extension_restores_one_month(plan: psp.Project) -> None:
    extended = attrs.evolve(plan, end=D(2021, 12, 31), constraints=[
        Constraint("3.1", ConstraintKind.START_NO_EARLIER_THAN, Month(2021, 6))])
    s = psp.schedule(extended)
    assert s.finish == D(2021, 11, 30)
    assert s.slack == 1
    assert s.critical_path == ("3.1", "4.2", "4.4", "4.5")
    assert span(s, "4.1") == span(s, "4.3") == ("Sep'20", "Dec'21")
    assert s["1.1"].total_float == 4
