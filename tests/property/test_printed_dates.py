"""Laws on the dates users read: every output prints the same dates, and they obey the plan.

Each law reads a printed form — the JSON, the CSV, the text table, the month grid, the
Mermaid block and the Gantt chart's artists — never the engine's periods, and checks it
against the plan's links, constraints and end with date arithmetic of its own.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from typing import Any

import matplotlib.dates as mdates
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

import psp
from psp import export
from psp.testing.strategies import plans

ONE_DAY = dt.timedelta(days=1)


def shifted(plan: psp.Project, day: dt.date, periods: int) -> dt.date:
    """``day`` moved by whole periods, keeping its place (a month's first or last day)."""
    if plan.unit is psp.Unit.MONTH:
        if day.day == 1:
            return day + relativedelta(months=periods)
        return day + relativedelta(months=periods, day=31)
    return day + dt.timedelta(days=periods * (7 if plan.unit is psp.Unit.WEEK else 1))


def printed(plan: psp.Project, s: psp.Schedule) -> dict[str, Any]:
    return json.loads(export.as_json(s))


def kinds(plan: psp.Project) -> dict[str, str]:
    return {t.id: t.kind.value for t in plan.tasks}


def check_links(plan: psp.Project, rows: dict[str, dict[str, str]], early: bool) -> None:
    """Each link between the printed dates: the successor's date is not before the demand.

    Work that finishes on a day lets other work start on the next day (FS), and work that
    starts on a day lets other work finish on the day before (SF); every other pair,
    milestones included, compares the dates themselves.
    """
    kind = kinds(plan)
    start, finish = ("start", "finish") if early else ("late_start", "late_finish")
    for link in plan.links:
        p, q = rows[link.predecessor], rows[link.successor]
        from_finish = link.type.value in ("FS", "FF")
        to_finish = link.type.value in ("FF", "SF")
        ref = dt.date.fromisoformat(p[finish if from_finish else start])
        ref = shifted(plan, ref, link.lag)
        target = dt.date.fromisoformat(q[finish if to_finish else start])
        work = kind[link.predecessor] == "work" and kind[link.successor] == "work"
        if work and from_finish and not to_finish:
            assert target >= ref + ONE_DAY, (link, ref, target)
        elif work and not from_finish and to_finish:
            assert target >= ref - ONE_DAY, (link, ref, target)
        else:
            assert target >= ref, (link, ref, target)


PLANS = plans(max_tasks=9, not_after=True)


@st.composite
def plans_with_progress(draw: st.DrawFn) -> psp.Project:
    """Random plans, some with a status date part way through (and tasks not started)."""
    plan = draw(PLANS)
    if draw(st.booleans()):
        return plan
    s = psp.schedule(plan)
    offset = draw(st.integers(0, max(s.finish_period, 1) * (31 if plan.unit.value == "month"
                                                            else 7)))
    status = plan.start + dt.timedelta(days=offset)
    idle = draw(st.lists(st.sampled_from([t.id for t in plan.tasks
                                          if not t.is_level_of_effort] or ["-"]),
                         max_size=2, unique=True))
    idle = [i for i in idle if i != "-"]
    return psp.apply(plan, psp.Progress(status, not_started=idle))


@given(plans_with_progress())
def test_every_link_holds_between_the_printed_early_and_late_dates(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    data = printed(plan, s)
    rows = {t["id"]: t for t in data["tasks"]}
    check_links(plan, rows, early=True)
    unfinished = {t.id for t in s if t.progress != "finished"}  # reported or assumed
    late_plan = psp.Project(plan.name, plan.start, unit=plan.unit, tasks=plan.tasks,
                            links=[lk for lk in plan.links
                                   if {lk.predecessor, lk.successor} <= unfinished])
    check_links(late_plan, rows, early=False)
    for row in data["tasks"]:  # links hold, so nothing has less than no room
        assert row["free_float"] >= 0, row


@given(plans_with_progress())
def test_the_printed_finish_and_end_bound_every_printed_date(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    data = printed(plan, s)
    finish = dt.date.fromisoformat(data["project"]["finish"])
    kind = kinds(plan)
    end = plan.end
    done = {t.id for t in s if t.progress == "finished"}  # what is done has no late dates
    begun = {t.id for t in s if t.progress != "planned"}
    for row in data["tasks"]:
        if kind[row["id"]] == "level_of_effort":
            continue
        assert dt.date.fromisoformat(row["finish"]) <= finish, row
        if end is not None and row["total_float"] >= 0 and row["id"] not in done:
            assert dt.date.fromisoformat(row["late_finish"]) <= end, row
    for c in plan.constraints:
        row = next(r for r in data["tasks"] if r["id"] == c.task)
        if c.is_start and c.task not in begun:
            assert dt.date.fromisoformat(row["start"]) >= c.date, (c, row)
        if not c.is_start and row["total_float"] >= 0 and c.task not in done:
            assert dt.date.fromisoformat(row["late_finish"]) <= c.date, (c, row)
    if end is not None:  # the slack says whether the end is met, in whole periods
        met = finish <= end
        assert (data["project"]["slack"] >= 0) == met


def text_dates(s: psp.Schedule) -> dict[str, tuple[str, str]]:
    """Start and finish columns of the printed text table, cut at the header's offsets."""
    lines = s.to_text(lang="de").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("Nr. "))
    header = lines[at]
    begin, end, after = header.index("Beginn"), header.index("Ende"), header.index("Dauer")
    out = {}
    for line in lines[at + 1:]:
        if not line.strip():
            break
        ident = line.split()[0]
        out[ident] = (line[begin:end].strip(), line[end:after].strip())
    return out


def grid_months(s: psp.Schedule) -> dict[str, tuple[str, str]]:
    table = export.psp_table(s)
    months = table.header[3:-1]
    out = {}
    for row in table.rows:
        marked = [months[i] for i, cell in enumerate(row[3:-1]) if cell]
        if marked:
            out[row[0]] = (marked[0], marked[-1])
    return out


def mermaid_dates(s: psp.Schedule) -> dict[str, tuple[dt.date, dt.date]]:
    out = {}
    for line in export.mermaid(s).splitlines():
        if ":" not in line or line.strip().startswith(("title", "dateFormat", "axisFormat")):
            continue
        title, _, spec = line.partition(":")
        parts = [p.strip() for p in spec.split(",")]
        ident = title.split()[0]
        first = dt.date.fromisoformat(parts[-2])
        if parts[-1] == "0d":
            out[ident] = (first, first)
        else:  # Mermaid's end is exclusive
            out[ident] = (first, dt.date.fromisoformat(parts[-1]) - ONE_DAY)
    return out


def label(day: dt.date) -> str:
    return psp.Month.from_date(day).label(lang="de")


@given(plans_with_progress())
def test_every_output_shows_the_same_month_for_every_task_and_milestone(
    plan: psp.Project,
) -> None:
    assume(plan.unit is psp.Unit.MONTH)
    s = psp.schedule(plan)
    data = printed(plan, s)
    rows = {t["id"]: t for t in data["tasks"]}
    in_csv = {r["id"]: r for r in csv.DictReader(io.StringIO(export.as_csv(s)))}
    text, grid, mer = text_dates(s), grid_months(s), mermaid_dates(s)
    chart = psp.gantt(s, legend=False)
    for task_id, row in rows.items():
        start, finish = (dt.date.fromisoformat(row["start"]),
                         dt.date.fromisoformat(row["finish"]))
        assert (in_csv[task_id]["start"], in_csv[task_id]["finish"]) == (
            row["start"], row["finish"])
        assert text[task_id] == (label(start), label(finish)), task_id
        assert grid[task_id] == (label(start), label(finish)), task_id
        if task_id in mer:
            assert mer[task_id] == (start, finish), task_id
        if task_id in chart.milestones:
            (x,), _ = chart.milestones[task_id].get_data()
            assert mdates.num2date(x).date() == start, task_id
        else:
            bar = chart.bars[task_id]
            assert mdates.num2date(bar.get_x()).date() == start
            assert mdates.num2date(bar.get_x() + bar.get_width()).date() == finish + ONE_DAY
    chart.figure.clear()


MILESTONE_PLAN = """
[project]
name = "M"
start = "2021-01"
end = "31.12.2021"
[[task]]
id = "a"
duration = 3
[[task]]
id = "M1"
duration = 0
not_before = "2021-06"
[[task]]
id = "M2"
duration = 0
depends = ["M1"]
"""


def test_a_milestone_after_a_not_before_milestone_is_not_dated_before_it() -> None:
    """Issue 8: M2 was dated 31.05.2021, before M1 (01.06.2021), and so was the finish."""
    s = psp.schedule(psp.loads(MILESTONE_PLAN))
    assert s["M1"].start == s["M2"].start == dt.date(2021, 6, 1)
    assert s.finish == dt.date(2021, 6, 30)  # June holds a date, so the project runs in June


def test_a_floating_milestone_is_never_late_after_the_end() -> None:
    """Issue 8: its late finish was 01.07.2021 with the end on 30.06.2021."""
    s = psp.schedule(psp.loads("""
[project]
name = "M"
start = "2021-01"
end = "30.06.2021"
[[task]]
id = "a"
duration = 6
[[task]]
id = "M"
duration = 0
depends = [{ id = "a", type = "SS", lag = 1 }]
"""))
    assert s["M"].start == dt.date(2021, 2, 1)
    assert s["M"].late_finish <= dt.date(2021, 6, 30)
    assert s["M"].total_float == 4  # Feb 1 … Jun 1: four whole months on its side


def test_the_text_table_prints_m1_in_february_like_every_other_output() -> None:
    """Issue 8: `psp schedule` printed M1 in Mär'21 while JSON said 28.02.2021."""
    s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    assert s["M1"].start == dt.date(2021, 2, 28)
    assert text_dates(s)["M1"] == ("Feb'21", "Feb'21")
    assert grid_months(s)["M1"] == ("Feb'21", "Feb'21")


def test_progress_never_breaks_a_link() -> None:
    """Issue 8: 1.3 not started on 15.10.2020 left 1.5 (FF from 1.3) finishing in Okt'20."""
    plan = psp.load("examples/digitale_werkstatt.toml")
    r = psp.replan(plan, [psp.Progress("2020-10-15", not_started=["1.3"])])
    s = r.after
    assert (s["1.3"].start, s["1.3"].finish) == (dt.date(2020, 11, 1), dt.date(2020, 12, 31))
    assert s["1.5"].finish == dt.date(2020, 12, 31)  # it runs on until 1.3 finishes
    assert s["1.3"].free_float >= 0
    assert s.finish == dt.date(2021, 10, 31) and s.slack == -2  # the end is missed
    described = r.describe_changes(lang="en")[0]
    assert "1.3" in described and "not started" in described


@given(plans_with_progress())
def test_printed_critical_chains_join_only_linked_tasks(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    data = printed(plan, s)
    linked = {(lk.predecessor, lk.successor) for lk in plan.links}
    chains = data["critical_chains"]
    for chain in chains:
        assert all((a, b) in linked for a, b in itertools.pairwise(chain)), chain
    assert {t for chain in chains for t in chain} == set(data["critical_path"])
    lines = s.to_text(lang="en").splitlines()
    at = max(n for n, line in enumerate(lines) if line.startswith("critical path"))
    shown = [lines[at].split(": ", 1)[1]] if ": " in lines[at] else [
        line.strip() for line in lines[at + 1:]]
    assert shown == ([" → ".join(c) for c in chains] or ["—"])
