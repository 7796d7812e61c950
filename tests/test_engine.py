"""The engine on hand-computed cases: each link type with lags and leads, constraints, LoE."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

import pytest

import psp
import psp.cli
import psp.export
from psp import Constraint, ConstraintKind, Link, Month, Project, Task

SNET = ConstraintKind.START_NO_EARLIER_THAN
FNLT = ConstraintKind.FINISH_NO_LATER_THAN


def two_tasks(link_type: str, lag: int, *, d_pred: int = 3, d_succ: int = 2) -> psp.Schedule:
    plan = Project("x", Month(2020, 9), tasks=[Task("p", duration=d_pred),
                                                Task("s", duration=d_succ)],
                   links=[Link("p", "s", link_type, lag=lag)])
    return psp.schedule(plan)


# p occupies periods 0,1,2 (ES 0, EF 3); s lasts 2. Expected ES of s by the definitions:
#   FS: s starts when p finishes + lag        -> 3 + lag
#   SS: s starts when p starts + lag          -> 0 + lag
#   FF: s finishes when p finishes + lag      -> 3 + lag - 2
#   SF: s finishes when p starts + lag        -> 0 + lag - 2
# and never before the project start (0).
@pytest.mark.parametrize(
    ("link_type", "lag", "start"),
    [
        ("FS", 0, 3), ("FS", 2, 5), ("FS", -1, 2), ("FS", -5, 0),
        ("SS", 0, 0), ("SS", 2, 2), ("SS", -1, 0),
        ("FF", 0, 1), ("FF", 2, 3), ("FF", -1, 0), ("FF", -3, 0),
        ("SF", 0, 0), ("SF", 3, 1), ("SF", 5, 3), ("SF", -1, 0),
    ],
)
def test_each_link_type_with_lag_and_lead(link_type: str, lag: int, start: int) -> None:
    s = two_tasks(link_type, lag)
    assert s["p"].start_period == 0
    assert s["s"].start_period == start
    assert s["s"].finish_period == start + 2
    assert s.finish_period == max(3, start + 2)


def test_late_dates_and_floats_by_hand_for_an_ss_link_with_lag() -> None:
    # p: 0-3. s: SS +2 -> 2-4. Finish 4. Late: s LF 4 LS 2; p LS <= LS(s) - 2 = 0 -> LF 3,
    # but p also LF <= 4: min -> 3. TF(p) = 0, FF(p) = 0; TF(s) = 0.
    s = two_tasks("SS", 2)
    assert (s["p"].late_start_period, s["p"].late_finish_period, s["p"].total_float) == (0, 3, 0)
    assert (s["s"].late_start_period, s["s"].late_finish_period, s["s"].total_float) == (2, 4, 0)
    assert s.critical_path == ("p", "s")


def test_free_float_counts_against_the_computed_finish_for_tasks_with_successors() -> None:
    # p: 0-10, s: SS from p but not before period 20 (0-indexed) -> 20-21; the project ends at 21.
    # The SS link leaves p 20 periods of room, the finish only 11: free float 11, total 11.
    plan = Project("x", Month(2020, 1),
                   tasks=[Task("p", duration=10), Task("s", duration=1)],
                   links=[Link("p", "s", "SS")],
                   constraints=[Constraint("s", SNET, Month(2020, 1) + 20)])
    s = psp.schedule(plan)
    assert s["s"].start_period == 20 and s.finish_period == 21
    assert (s["p"].free_float, s["p"].total_float) == (11, 11)


def test_not_before_and_not_after() -> None:
    plan = Project("x", Month(2020, 9), end=dt.date(2021, 8, 31),
                   tasks=[Task("a", duration=2), Task("b", duration=3)],
                   links=[Link("a", "b")],
                   constraints=[Constraint("a", SNET, Month(2020, 12)),
                                Constraint("a", FNLT, Month(2021, 1))])
    s = psp.schedule(plan)
    assert (s["a"].start, s["a"].finish) == (dt.date(2020, 12, 1), dt.date(2021, 1, 31))
    assert (s["b"].start, s["b"].finish) == (dt.date(2021, 2, 1), dt.date(2021, 4, 30))
    # Late: b LF = end (12) -> LS 9; a LF <= min(9, deadline 5) = 5 -> TF(a) = 5 - 5 = 0.
    assert (s["a"].late_finish_period, s["a"].total_float) == (5, 0)
    assert (s["b"].late_start_period, s["b"].total_float) == (9, 4)
    assert s.critical_path == ("a",)


def test_a_missed_deadline_gives_negative_float() -> None:
    plan = Project("x", Month(2020, 9), tasks=[Task("a", duration=4)],
                   constraints=[Constraint("a", FNLT, Month(2020, 10))])
    assert psp.schedule(plan)["a"].total_float == -2


def test_contractual_end_sets_late_dates_and_slack() -> None:
    base = Project("x", Month(2020, 9), tasks=[Task("a", duration=3)])
    early = psp.schedule(base)
    assert (early.end, early.slack, early["a"].total_float) == (None, None, 0)
    late = psp.schedule(Project("x", Month(2020, 9), end=dt.date(2020, 12, 31),
                   tasks=[Task("a", duration=3)]))
    assert (late.slack, late["a"].total_float, late["a"].late_finish_period) == (1, 1, 4)
    missed = psp.schedule(Project("x", Month(2020, 9), end=dt.date(2020, 9, 30),
                     tasks=[Task("a", duration=3)]))
    assert (missed.slack, missed["a"].total_float, missed.critical_path) == (-2, -2, ("a",))


def test_level_of_effort_spans_to_the_later_of_end_and_finish() -> None:
    loe = Task("4.1", kind="level_of_effort")
    work = Task("a", duration=5)
    short_end = Project("x", Month(2020, 9), end=dt.date(2020, 11, 30), tasks=[loe, work])
    long_end = Project("x", Month(2020, 9), end=dt.date(2021, 6, 30), tasks=[loe, work])
    s1, s2 = psp.schedule(short_end), psp.schedule(long_end)
    assert (s1["4.1"].start, s1["4.1"].finish) == (dt.date(2020, 9, 1), dt.date(2021, 1, 31))
    assert (s2["4.1"].start, s2["4.1"].finish) == (dt.date(2020, 9, 1), dt.date(2021, 6, 30))
    for s in (s1, s2):
        assert not s["4.1"].critical
        assert "4.1" not in s.critical_path
        assert (s["4.1"].total_float, s["4.1"].free_float) == (0, 0)
    assert s1.finish == dt.date(2021, 1, 31)  # LoE does not make the plan longer


def test_milestones_are_dated_by_what_drives_them() -> None:
    plan = Project("x", Month(2020, 9), tasks=[
        Task("kickoff"), Task("a", duration=2), Task("done"), Task("gate")],
        links=[Link("kickoff", "a"), Link("a", "done")],
        constraints=[Constraint("gate", SNET, Month(2021, 6))])
    s = psp.schedule(plan)
    assert s["kickoff"].start == s["kickoff"].finish == dt.date(2020, 9, 1)
    assert s["done"].start == s["done"].finish == dt.date(2020, 10, 31)  # after a finishes
    assert s["gate"].start == dt.date(2021, 6, 1)  # not before June: on 1 June
    assert s["done"].periods == range(2, 2)


def test_package_roll_up() -> None:
    s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    ap2 = s.package("AP2")
    assert (ap2.start, ap2.finish) == (dt.date(2020, 11, 1), dt.date(2021, 2, 28))
    assert ap2.critical and ap2.task_ids[0] == "2.1" and len(ap2.task_ids) == 12
    assert [p.id for p in s.packages] == ["AP1", "AP2", "AP3", "AP4"]
    ap4 = s.package("AP4")  # level of effort spans the project
    assert (ap4.start, ap4.finish) == (dt.date(2020, 9, 1), dt.date(2021, 8, 31))
    with pytest.raises(psp.UnknownIdError):
        s.package("AP9")


def test_unknown_task_lookup_is_a_key_error_naming_the_id() -> None:
    s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    with pytest.raises(KeyError) as info:
        s["9.9"]
    assert isinstance(info.value, psp.PlanError)
    assert "no task '9.9'" in str(info.value)
    assert "3.1" in s and "9.9" not in s and len(s) == 25


def test_an_empty_plan_schedules() -> None:
    s = psp.schedule(Project("leer", Month(2020, 9)))
    assert (s.finish_period, s.critical_path, len(s)) == (0, (), 0)


def test_a_chain_of_100000_tasks_schedules_without_recursion() -> None:
    n = 100_000
    tasks = [Task(f"t{i}", duration=1) for i in range(n)]
    links = [Link(f"t{i}", f"t{i + 1}") for i in range(n - 1)]
    s = psp.schedule(Project("chain", Month(2000, 1), unit="day", tasks=tasks, links=links))
    assert s.finish_period == n
    assert s[f"t{n - 1}"].start == dt.date(2000, 1, 1) + dt.timedelta(days=n - 1)
    assert len(s.critical_path) == n


def test_dates_beyond_the_calendar_are_a_clear_error() -> None:
    plan = Project("long", Month(9990, 1), tasks=[Task("a", duration=200)])
    s = psp.schedule(plan)  # periods are fine
    with pytest.raises(psp.DateRangeError, match=r"period 199 .* outside the years 1 to 9999"):
        _ = s["a"].finish


def test_the_duration_paradox_is_real_and_documented() -> None:
    """Lengthening a task pulled by its finish (FF) can make others, and the plan, earlier.

    v must finish with p (FF). w starts with v (SS) and is long. A longer v starts
    earlier, so w starts earlier and the project ends earlier: a known property of
    CPM with start-to-start and finish-to-finish links (Elmaghraby & Kamburowski, 1992).
    """
    def plan(d_v: int) -> psp.Schedule:
        return psp.schedule(Project("x", Month(2020, 1),
                       tasks=[Task("p", duration=10), Task("v", duration=d_v),
                              Task("w", duration=20)],
                       links=[Link("p", "v", "FF"), Link("v", "w", "SS")]))
    short, longer = plan(2), plan(5)
    assert (short["w"].start_period, short.finish_period) == (8, 28)
    assert (longer["w"].start_period, longer.finish_period) == (5, 25)


def test_facts_restated_from_taskjugglers_depends_case() -> None:
    """TaskJuggler's scheduler test ``Depends.tjp`` (GPL; facts restated, file not copied).

    Project start 2007-04-02; t1 lasts one calendar week; t2 depends on t1; t3 depends on
    t2 with a one-week calendar gap; TaskJuggler fixes t1 to end 2007-04-09, t2 to run
    2007-04-09 – 2007-04-16 and t3 2007-04-23 – 2007-04-30. Its ends are exclusive
    (midnight), so psp's inclusive finishes are the day before. And a task that depends on
    another's start (``onstart``) begins with it, as SS does.
    """
    week = 7
    plan = Project("tj", dt.date(2007, 4, 2), unit="day", tasks=[
        Task("t1", duration=week), Task("t2", duration=week), Task("t3", duration=week),
        Task("t4", duration=week), Task("t5", duration=week)],
        links=[Link("t1", "t2"), Link("t2", "t3", lag=week), Link("t3", "t4", lag=4),
               Link("t4", "t5", "SS")])
    s = psp.schedule(plan)
    assert s["t1"].finish == dt.date(2007, 4, 9) - dt.timedelta(days=1)
    assert (s["t2"].start, s["t2"].finish) == (dt.date(2007, 4, 9), dt.date(2007, 4, 15))
    assert (s["t3"].start, s["t3"].finish) == (dt.date(2007, 4, 23), dt.date(2007, 4, 29))
    assert s["t5"].start == s["t4"].start


DEADLINE_PLAN = """
[project]
name = "Frist"
start = "2021-01"
end = "30.09.2021"
[[task]]
id = "a"
duration = 4
[[task]]
id = "b"
duration = 2
depends = ["a"]
not_after = "2021-04"
"""


def test_a_missed_deadline_is_said_in_every_output(tmp_path: Path) -> None:
    """Issue 8: b finishes Jun'21, due 30.04.2021 — only 'GP -2' said so before."""
    s = psp.schedule(psp.loads(DEADLINE_PLAN))
    # a: Jan–Apr, b: May–Jun; due end of April: two months late (by hand).
    assert [(m.id, m.not_after, m.finish, m.by) for m in s.deadlines_missed] == [
        ("b", dt.date(2021, 4, 30), dt.date(2021, 6, 30), 2)]
    assert "Termin verfehlt: b endet 30.06.2021, spätestens 30.04.2021 (2 Monate zu spät)" \
        in s.to_text().splitlines()
    assert "deadline missed: b finishes 2021-06-30, due 2021-04-30 (2 months late)" \
        in s.to_text(lang="en")
    assert "Termin verfehlt: b endet 30.06.2021" in s._repr_html_()
    data = json.loads(psp.export.as_json(s))
    assert data["project"]["deadlines_missed"] == [
        {"id": "b", "not_after": "2021-04-30", "finish": "2021-06-30", "by": 2}]
    chart = psp.gantt(s)
    assert "Termin verfehlt: b (+2 Monate)" in chart.ax.get_title(loc="left")
    chart.figure.clear()
    plan_file = tmp_path / "frist.toml"
    plan_file.write_text(DEADLINE_PLAN, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert psp.cli.main(["check", str(plan_file)]) == 0  # a warning, not a problem
        assert psp.cli.main(["check", str(plan_file), "--strict"]) == 1
    assert f"{plan_file}: task b: not_after: warning: finishes 2021-06-30" in out.getvalue()
