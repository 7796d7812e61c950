"""iCalendar export, read back with the icalendar library: dates, stable UIDs, task spans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

import psp
from psp.io._ics import dumps_ics


def _events(text: str) -> dict[str, tuple[dt.date, dt.date, str]]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): (e["DTSTART"].dt, e["DTEND"].dt, str(e["SUMMARY"]))
            for e in calendar.walk("VEVENT")}


def _plan() -> psp.Project:
    return psp.Project(
        "Schulungen", "2021-01", end="2021-12-31", id="werkstatt",
        tasks=[psp.Task("T", "Training", duration=3), psp.Task("M", "Bericht", duration=0)],
        links=[psp.Link("T", "M")],
        constraints=[psp.Constraint("T", "finish_no_later_than", "2021-04-30")])


def test_milestones_deadlines_and_the_end_are_all_day_events() -> None:
    events = _events(dumps_ics(_plan(), lang="en"))
    # the milestone follows a task of Jan–Mar: psp dates it 31 March (reached at the end)
    assert events == {
        "milestone.M.werkstatt@psp": (dt.date(2021, 3, 31), dt.date(2021, 4, 1),
                                      "Milestone M: Bericht"),
        "deadline.T.werkstatt@psp": (dt.date(2021, 4, 30), dt.date(2021, 5, 1),
                                     "Deadline T: Training"),
        "end.werkstatt@psp": (dt.date(2021, 12, 31), dt.date(2022, 1, 1),
                              "Contractual end: Schulungen"),
    }


def test_a_second_export_keeps_every_uid() -> None:
    first = dumps_ics(_plan(), stamp=dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    later = psp.apply(_plan(), psp.Delay("T", by=1))
    second = dumps_ics(later, stamp=dt.datetime(2021, 2, 1, tzinfo=dt.UTC))
    assert set(_events(first)) == set(_events(second))
    assert _events(second)["milestone.M.werkstatt@psp"][0] == dt.date(2021, 4, 30)


def test_task_spans_on_request() -> None:
    events = _events(dumps_ics(_plan(), spans=True))
    assert events["task.T.werkstatt@psp"][:2] == (dt.date(2021, 1, 1), dt.date(2021, 4, 1))
    assert "task.M.werkstatt@psp" not in events


def test_the_door_writes_a_calendar_and_refuses_to_read_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.ics"
    notes = psp.io.write(_plan(), path)
    assert [n.code for n in notes] == ["calendar-only"]
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    with pytest.raises(psp.UsageError, match="writes iCalendar files but does not read them"):
        psp.io.read(path)
