"""GanttProject: a file in GanttProject's form read by hand, what psp writes, round trips.

The hand-written file ``tests/data/gan/werkstatt-hand.gan`` has the start dates
GanttProject computes; the expected dates below are worked out by counting weekdays from
its dependencies (Monday 1 March 2021 is day 0).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as StdET
from pathlib import Path

import attrs
import pytest

import psp
from psp.export import as_json
from psp.io import dumps_gan, load_gan, loads_gan
from tests.outline import in_outline_order

HAND = Path(__file__).parent.parent / "data" / "gan" / "werkstatt-hand.gan"


def d(day: int, month: int = 3) -> dt.date:
    return dt.date(2021, month, day)


def test_a_hand_written_file_gets_ganttprojects_dates() -> None:
    reading = load_gan(HAND)
    s = psp.schedule(reading.plan)
    # Analyse Mon–Fri; Konzept FS after it (Mon 8 – Wed 10); Bau SS +2 working days after
    # Konzept (Wed 10, 4 days to Mon 15); Test FF +1 after Bau: ends Tue 16, so Mon 15–Tue 16;
    # Zwischenbericht SF +3 after Analyse's start would end by Wed 3, its earliest begin
    # holds it to Thu 4 – Fri 5; Abnahmetermin placed by hand on Mon 22.
    expected = {"T1": (d(1), d(5)), "T2": (d(8), d(10)), "T5": (d(10), d(15)),
                "T6": (d(15), d(16)), "T8": (d(22), d(22)), "T9": (d(4), d(5))}
    assert {t: (s[t].start, s[t].finish) for t in expected} == expected
    # the milestone follows Konzept: the boundary GanttProject dates Thu 11 March
    assert reading.plan.calendar.first_day(s["T3"].start_period) == d(11)


def test_nesting_becomes_packages_and_allocations_owners() -> None:
    plan = load_gan(HAND).plan
    assert [(p.id, p.name) for p in plan.packages] == [("P0", "AP1 Konzeption"),
                                                       ("P4", "AP2 Umsetzung")]
    assert {t.id: t.package for t in plan.tasks} == {
        "T1": "P0", "T2": "P0", "T3": "P0", "T5": "P4", "T6": "P4", "T8": "P4", "T9": None}
    assert {t.id: t.owners for t in plan.tasks if t.owners} == {
        "T1": ("Anna",), "T2": ("Anna", "Ben"), "T8": ("Carla",)}
    assert plan.task("T3").kind is psp.TaskKind.MILESTONE
    assert {(link.predecessor, link.successor, str(link.type), link.lag)
            for link in plan.links} == {("T1", "T2", "FS", 0), ("T1", "T9", "SF", 3),
                                        ("T2", "T3", "FS", 0), ("T2", "T5", "SS", 2),
                                        ("T5", "T6", "FF", 1)}


def test_percent_complete_becomes_progress_at_a_taken_status_date() -> None:
    plan = load_gan(HAND).plan
    assert {(a.task, a.start, a.finish) for a in plan.actuals} == {
        ("T1", d(1), d(5)), ("T2", d(8), None), ("T9", d(4), d(5))}
    assert plan.status == d(9)  # the day after the last reported date (Konzept began 8 March)


def test_what_psp_cannot_hold_is_said_once_per_kind() -> None:
    notes = {n.code: n.entries for n in load_gan(HAND).notes}
    assert notes == {
        "holidays": ("year=2021 month=4 date=2",),
        "task-notes": ("task id=1",),
        "custom-columns": ("task id=1",),
        "nested-summary": ("task id=7",),
        "summary-owner": ("allocation task-id=4",),
        "no-status-date": ("project",),
        "start-kept": ("task id=8",),
    }


def test_another_unit_widens_what_does_not_fill_its_periods() -> None:
    reading = load_gan(HAND, unit="week")
    plan = reading.plan
    assert plan.unit is psp.Unit.WEEK and plan.start == d(1)
    # Bau runs Wed 10 – Mon 15 March: it touches the weeks from 8 and 15 March
    assert plan.task("T5").duration == 2
    assert "rounded" in {n.code for n in reading.notes}


def test_a_rubber_link_keeps_the_later_date_as_not_before() -> None:
    text = """<project name="Rubber"><tasks>
      <task id="0" name="A" meeting="false" start="2021-03-01" duration="2">
        <depend id="1" type="2" difference="0" hardness="Rubber"/></task>
      <task id="1" name="B" meeting="false" start="2021-03-08" duration="2"/>
    </tasks></project>"""
    reading = loads_gan(text)
    assert [n.code for n in reading.notes] == ["rubber-link", "start-kept"]
    assert psp.schedule(reading.plan)["T1"].start == d(8)


def test_a_calendar_working_every_day_gives_a_plan_in_days() -> None:
    text = """<project name="Every day"><calendars><day-types>
      <default-week id="1" name="default" sun="0" mon="0" tue="0" wed="0" thu="0" fri="0"
       sat="0"/></day-types></calendars><tasks>
      <task id="0" name="A" meeting="false" start="2021-03-05" duration="3">
        <depend id="1" type="2" difference="-1" hardness="Strong"/></task>
      <task id="1" name="B" meeting="false" start="2021-03-07" duration="1"/>
    </tasks></project>"""
    plan = loads_gan(text).plan
    s = psp.schedule(plan)
    assert plan.unit is psp.Unit.DAY
    assert (s["T0"].finish, s["T1"].start) == (d(7), d(7))  # a lead of one day: Sunday


# --- writing ---------------------------------------------------------------------------


def test_written_tasks_carry_psps_dates_and_links_sit_on_the_predecessor() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    root = StdET.fromstring(dumps_gan(plan))
    s = psp.schedule(plan)
    week = root.find("calendars/day-types/default-week")
    assert week is not None and {week.get(day) for day in ("sat", "sun", "mon")} == {"0"}
    ids = {}
    for node in root.iter("task"):
        psp_id = next(c.get("value") for c in node.iter("customproperty")
                      if c.get("taskproperty-id") == "tpc0")
        ids[node.get("id")] = psp_id
        if psp_id not in plan or node.get("meeting") == "true":
            continue
        ts = s[psp_id]
        end = dt.date.fromisoformat(node.get("start", "")) + dt.timedelta(
            days=int(node.get("duration", "")) - 1)
        assert (node.get("start"), end) == (ts.start.isoformat(), ts.finish), psp_id
    written = {(ids[n.get("id")], ids[dep.get("id")]) for n in root.iter("task")
               for dep in n.findall("depend")}
    assert written == {(link.predecessor, link.successor) for link in plan.links}
    top = [ids[n.get("id")] for n in root.findall("tasks/task")]
    assert top == [p.id for p in plan.packages]


def test_a_plan_in_working_days_is_written_with_ganttprojects_week() -> None:
    plan = load_gan(HAND).plan
    root = StdET.fromstring(dumps_gan(plan))
    week = root.find("calendars/day-types/default-week")
    assert week is not None
    assert [week.get(day) for day in ("mon", "fri", "sat", "sun")] == ["0", "0", "1", "1"]
    by_name = {n.get("name"): n for n in root.iter("task")}
    assert by_name["Bau"].get("duration") == "4"
    depends = by_name["Konzept"].findall("depend")
    assert [(dep.get("type"), dep.get("difference")) for dep in depends] == [("2", "0"),
                                                                           ("1", "2")]
    assert by_name["Analyse"].get("complete") == "100"


def _as_written(plan: psp.Project) -> psp.Project:
    """The plan as GanttProject gives it back: in outline order, without budget positions."""
    return attrs.evolve(in_outline_order(plan), positions=())


@pytest.mark.parametrize("example", ["examples/digitale_werkstatt.toml",
                                     "examples/digitale_modellregion.toml"])
def test_both_examples_round_trip(example: str) -> None:
    portfolio = psp.load_portfolio(example)
    plan = portfolio.projects[0] if len(portfolio.projects) == 1 else psp.flatten(portfolio)
    again = loads_gan(dumps_gan(plan))
    assert again.plan == _as_written(plan)
    assert again.notes == ()
    assert as_json(psp.schedule(again.plan)) == as_json(psp.schedule(_as_written(plan)))


def test_a_hand_written_file_round_trips_after_its_first_reading() -> None:
    plan = load_gan(HAND).plan
    assert loads_gan(dumps_gan(plan)).plan == plan
