"""Where a plan's events lie against its schedule: inside the project, inside their task.

An event is a fact on a day; the schedule is a forecast. When the two disagree — a
workshop tied to a task that now runs later, a meeting after the contractual end — psp
says so as a warning that names both, and moves nothing.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from psp._support.words import phrase
from psp.calendars import Lang, format_date
from psp.engine._cpm import Schedule, TaskSchedule
from psp.model import Event

__all__ = ["EventWarning", "Outside", "event_warnings", "task_span"]


class Outside(enum.StrEnum):
    """What an event lies outside of."""

    PROJECT = "project"
    TASK = "task"
    PACKAGE = "package"


@attrs.frozen
class EventWarning:
    """An event outside the project, or outside the span of the task or package it belongs to.

    ``first`` and ``last`` are the span's days; ``owner`` the task's or package's id
    (``None`` for the project).

    Examples
    --------
    >>> import psp
    >>> plan = psp.Project("Demo", "2020-09", end="2020-10",
    ...                    tasks=[psp.Task("a", duration=2)],
    ...                    events=[psp.Event("late", "Abschluss", "05.11.2020")])
    >>> (w,) = event_warnings(psp.schedule(plan))
    >>> w.outside, w.last
    (<Outside.PROJECT: 'project'>, datetime.date(2020, 10, 31))
    >>> w.message(lang="en")
    'event late on 2020-11-05 lies outside the project (2020-09-01 to 2020-10-31)'
    """

    event: Event
    outside: Outside
    owner: str | None
    first: dt.date
    last: dt.date

    def message(self, *, lang: Lang = "de") -> str:
        """The warning in words, dates as ``lang`` writes them."""
        return phrase(f"event.outside.{self.outside.value}", lang, event=self.event.id,
                      owner=self.owner, date=format_date(self.event.date, lang=lang),
                      first=format_date(self.first, lang=lang),
                      last=format_date(self.last, lang=lang))


def task_span(ts: TaskSchedule) -> tuple[dt.date, dt.date]:
    """The days an event tied to a task may fall on: its start to its finish.

    A milestone sits on a period boundary; the period it is dated in counts as its
    span, so the council meeting on 27.11. belongs to the milestone of November.

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> task_span(s["M1"])
    (datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))
    """
    if ts.finish_period > ts.start_period:
        return ts.start, ts.finish
    cal = ts.calendar
    period = cal.period_of(ts.start)
    return cal.first_day(period), cal.last_day(period)


def _project_span(schedule: Schedule) -> tuple[dt.date, dt.date]:
    end = schedule.end
    return schedule.start, max(schedule.finish, end) if end is not None else schedule.finish


def event_warnings(schedule: Schedule) -> tuple[EventWarning, ...]:
    """Every event outside the project or outside its task's or package's span, in date order.

    The project runs from its start to its contractual end (or its computed finish,
    when that is later or there is no end).

    Parameters
    ----------
    schedule : Schedule
        A scheduled plan with events.

    Returns
    -------
    tuple of EventWarning
        Empty when every event lies where it belongs.

    Examples
    --------
    >>> import psp
    >>> plan = psp.Project("Demo", "2020-09", end="2020-12", tasks=[psp.Task("a", duration=2)],
    ...                    events=[psp.Event("ws", "Workshop", "15.12.2020", task="a")])
    >>> [w.message(lang="en") for w in event_warnings(psp.schedule(plan))]
    ['event ws on 2020-12-15 lies outside task a (2020-09-01 to 2020-10-31)']
    """
    found = []
    first, last = _project_span(schedule)
    for event in schedule.project.events:
        if not first <= event.date <= last:
            found.append(EventWarning(event, Outside.PROJECT, None, first, last))
        if event.task is not None:
            low, high = task_span(schedule[event.task])
            if not low <= event.date <= high:
                found.append(EventWarning(event, Outside.TASK, event.task, low, high))
        elif event.package is not None:
            rolled = schedule.package(event.package)
            if rolled.start is not None and rolled.finish is not None and not (
                    rolled.start <= event.date <= rolled.finish):
                found.append(EventWarning(event, Outside.PACKAGE, event.package,
                                          rolled.start, rolled.finish))
    return tuple(found)
