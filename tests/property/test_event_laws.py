"""Events: the same day in the plan file, the warnings, the chart and every printed output."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given

import psp
from psp.engine import Outside, event_warnings
from psp.export import as_json
from psp.model import TaskKind
from psp.testing.strategies import plans

UNITS = ("month", "week", "day", "workday")


@given(plans(events=True, units=UNITS, not_after=True))
def test_a_plan_with_events_reads_back_equal(plan: psp.Project) -> None:
    assert psp.loads(psp.dumps(plan)) == plan


def _inside_task(ts: psp.TaskSchedule, day: dt.date) -> bool:
    """A second formulation: inside the periods the task occupies, or a milestone's period."""
    cal = ts.calendar
    if ts.kind is TaskKind.MILESTONE or ts.finish_period == ts.start_period:
        return cal.period_of(day) == cal.period_of(ts.start)
    return ts.start_period <= cal.period_of(day) < ts.finish_period


@given(plans(events=True, units=UNITS))
def test_a_warning_is_given_exactly_for_events_outside_their_span(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    warned = {(w.event.id, w.outside) for w in event_warnings(s)}
    last = s.finish if s.end is None else max(s.finish, s.end)
    for event in plan.events:
        outside = not plan.start <= event.date <= last
        assert ((event.id, Outside.PROJECT) in warned) == outside
        if event.task is not None:
            assert ((event.id, Outside.TASK) in warned) == (
                not _inside_task(s[event.task], event.date))


@given(plans(events=True, units=UNITS))
def test_every_output_prints_each_event_on_its_own_day(plan: psp.Project) -> None:
    from matplotlib.dates import date2num

    s = psp.schedule(plan)
    data = json.loads(as_json(s, indent=None))
    assert [(e["id"], e["date"]) for e in data.get("events", [])] == [
        (e.id, e.date.isoformat()) for e in plan.events]
    lines = s.to_text(lang="en").splitlines()
    for event in plan.events:
        assert any(line.split()[:2] == [event.id, event.date.isoformat()] for line in lines)
    if plan.events:
        g = psp.gantt(s)
        xs = [x for x, _y in g.event_marks.get_offsets()]
        days = [date2num(dt.datetime(e.date.year, e.date.month, e.date.day)) + 0.5
                for e in plan.events]
        assert xs == days
