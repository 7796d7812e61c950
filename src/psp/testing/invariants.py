"""Invariants of schedules and replans, as assertions for property tests.

Each function checks one law and raises `InvariantError` (an ``AssertionError``)
naming the task that breaks it; it returns ``None`` when the law holds. Use them
with the strategies in `psp.testing.strategies`, on psp's plans or your own.

Examples
--------
>>> import psp
>>> plan = psp.load("examples/digitale_werkstatt.toml")
>>> links_hold(psp.schedule(plan))
>>> no_date_earlier(psp.schedule(plan), psp.schedule(psp.apply(plan, psp.Delay("3.1", by=2))))
>>> no_date_earlier(psp.schedule(psp.apply(plan, psp.Delay("3.1", by=2))), psp.schedule(plan))
Traceback (most recent call last):
...
psp.testing.invariants.InvariantError: 3.1: early start 8 became 6, earlier
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from psp.calendars import Unit
from psp.engine._cpm import Schedule, TaskSchedule
from psp.replanning._replan import Replan

__all__ = [
    "InvariantError",
    "extended_by",
    "finish_unchanged",
    "links_hold",
    "no_date_earlier",
    "only_task_moved",
    "progress_respected",
    "same_replan",
    "shifted_by",
]


class InvariantError(AssertionError):
    """A law of schedules does not hold; the message names the task and the values."""


def _fail(task: str, message: str) -> InvariantError:
    return InvariantError(f"{task}: {message}")


def _open(s: Schedule) -> list[TaskSchedule]:
    return [t for t in s if not t.task.is_level_of_effort]


def links_hold(schedule: Schedule) -> None:
    """Every link and *not before* holds in the early dates; late dates respect every link.

    Links into tasks with actual dates are not checked: what happened, happened.

    Parameters
    ----------
    schedule : Schedule
        The schedule to check.

    Returns
    -------
    None
        It raises `InvariantError` naming the task when the law fails.

    Examples
    --------
    >>> import psp
    >>> links_hold(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))
    """
    for link in schedule.project.links:
        p, s = schedule[link.predecessor], schedule[link.successor]
        if s.progress == "planned" and not link.holds(
            (p.start_period, p.finish_period), (s.start_period, s.finish_period)
        ):
            raise _fail(s.id, f"early dates break {link.type.value} {link.lag:+d} "
                              f"from {p.id}")
        if "finished" not in (p.progress, s.progress) and not link.holds(
            (p.late_start_period, p.late_finish_period),
            (s.late_start_period, s.late_finish_period)
        ):
            raise _fail(p.id, f"late dates break {link.type.value} {link.lag:+d} to {s.id}")
    for c in schedule.project.constraints:
        t = schedule[c.task]
        if c.is_start and t.progress == "planned" and t.start < c.date:
            raise _fail(t.id, f"starts {t.start}, before its not_before {c.date}")


def _working_days_on(day: dt.date, count: int) -> dt.date:
    """The day ``count`` working days after ``day`` (before it when negative), step by step."""
    step = dt.timedelta(days=1 if count >= 0 else -1)
    for _ in range(abs(count)):
        day += step
        while day.weekday() >= 5:
            day += step
    return day


def shifted_by(before: Schedule, after: Schedule, periods: int) -> None:
    """Every date moved by exactly ``periods`` (months, weeks, days or working days); nothing
    else changed.

    Floats, critical flags, the critical path and progress stay as they were.

    Parameters
    ----------
    before, after : Schedule
        The schedules of a plan and of the same plan moved to a new start.
    periods : int
        By how many periods it moved.

    Returns
    -------
    None
        It raises `InvariantError` naming the task when the law fails.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> shifted_by(psp.schedule(plan), psp.schedule(plan.with_start(psp.Month(2021, 2))), 5)
    """
    one_day = dt.timedelta(days=1)

    def moved(day: dt.date, *, finish: bool) -> dt.date:
        if before.project.unit is Unit.WORKDAY:  # a working day is its own boundary
            return _working_days_on(day, periods)
        if before.project.unit is Unit.MONTH:
            step: relativedelta | dt.timedelta = relativedelta(months=periods)
        else:
            step = dt.timedelta(days=periods * (7 if before.project.unit is Unit.WEEK else 1))
        # A finish is the day before a boundary: move the boundary, then step back.
        return day + one_day + step - one_day if finish else day + step

    if after.critical_path != before.critical_path:
        raise _fail("project", f"critical path {before.critical_path} became "
                               f"{after.critical_path}")
    for a, b in zip(before, after, strict=True):
        instant = a.start_period == a.finish_period
        pairs = [("start", a.start, b.start, instant and a.at_period_end),
                 ("finish", a.finish, b.finish, not instant or a.at_period_end)]
        for name, old, new, is_finish in pairs:
            if new != moved(old, finish=is_finish):
                raise _fail(a.id, f"{name} {old} moved to {new}, not by {periods} periods")
        if (a.total_float, a.free_float, a.critical, a.progress) != (
                b.total_float, b.free_float, b.critical, b.progress):
            raise _fail(a.id, "float, critical flag or progress changed with the start")


def no_date_earlier(before: Schedule, after: Schedule) -> None:
    """No early start or finish became earlier, and neither did the computed finish.

    Parameters
    ----------
    before, after : Schedule
        The schedules before and after a change that can only delay.

    Returns
    -------
    None
        It raises `InvariantError` naming the task when the law fails.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> longer = psp.apply(plan, psp.SetDuration("2.3", 3))
    >>> no_date_earlier(psp.schedule(plan), psp.schedule(longer))
    """
    for a in before:
        b = after[a.id]
        if b.start_period < a.start_period:
            raise _fail(a.id, f"early start {a.start_period} became {b.start_period}, earlier")
        if b.finish_period < a.finish_period:
            raise _fail(a.id, f"early finish {a.finish_period} became {b.finish_period}, earlier")
    if after.finish_period < before.finish_period:
        raise _fail("project", f"finish {before.finish} became {after.finish}, earlier")


def only_task_moved(before: Schedule, after: Schedule, task_id: str) -> None:
    """No task but ``task_id`` has other early dates (level of effort aside).

    Parameters
    ----------
    before, after : Schedule
        The two schedules.
    task_id : str
        The one task allowed to move.

    Returns
    -------
    None
        It raises `InvariantError` naming the task when the law fails.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> later = psp.apply(plan, psp.Delay("2.6", by=3))
    >>> only_task_moved(psp.schedule(plan), psp.schedule(later), "2.6")
    """
    for a in _open(before):
        b = after[a.id]
        if a.id != task_id and (a.start_period, a.finish_period) != (b.start_period,
                                                                     b.finish_period):
            raise _fail(a.id, f"moved from {a.start_period}–{a.finish_period} to "
                              f"{b.start_period}–{b.finish_period} though only {task_id} "
                              "was delayed")


def finish_unchanged(before: Schedule, after: Schedule) -> None:
    """The computed finish is the same.

    Parameters
    ----------
    before, after : Schedule
        The two schedules.

    Returns
    -------
    None
        It raises `InvariantError` when the law fails.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> finish_unchanged(psp.schedule(plan), psp.schedule(psp.apply(plan, psp.Delay("1.2", by=10))))
    """
    if after.finish_period != before.finish_period:
        raise _fail("project", f"finish {before.finish} became {after.finish}")


def extended_by(before: Schedule, after: Schedule, periods: int) -> None:
    """Early dates unchanged; every open task's total float and the slack moved by ``periods``.

    Parameters
    ----------
    before, after : Schedule
        The schedules before and after an extension.
    periods : int
        By how many periods the end moved.

    Returns
    -------
    None
        It raises `InvariantError` naming the task when the law fails.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> extended = psp.apply(plan, psp.Extend(to="31.12.2021"))
    >>> extended_by(psp.schedule(plan), psp.schedule(extended), 4)
    """
    if before.slack is None or after.slack is None or after.slack - before.slack != periods:
        raise _fail("project", f"slack {before.slack} became {after.slack}, not {periods:+d}")
    for a in _open(before):
        b = after[a.id]
        if (a.start_period, a.finish_period) != (b.start_period, b.finish_period):
            raise _fail(a.id, "early dates changed with the contractual end")
        if a.progress != "finished" and b.total_float - a.total_float != periods:
            raise _fail(a.id, f"total float {a.total_float} became {b.total_float}, "
                              f"not {periods:+d}")


def progress_respected(schedule: Schedule) -> None:
    """No unfinished work starts before the status date; actual dates are kept exactly.

    Parameters
    ----------
    schedule : Schedule
        A schedule of a plan with progress.

    Returns
    -------
    None
        It raises `InvariantError` naming the task when the law fails.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> progress_respected(psp.schedule(psp.apply(plan, psp.Progress("2021-03-29"))))
    """
    plan = schedule.project
    actual = {a.task: a for a in plan.actuals}
    for t in _open(schedule):
        a = actual.get(t.id)
        if a is None:  # not reported: unless assumed done or started as planned …
            if t.progress == "planned" and plan.status is not None and (
                    t.finish_period > t.start_period) and (
                    t.start < plan.status):
                raise _fail(t.id, f"unfinished work starts {t.start}, before the status date "
                                  f"{plan.status}")
            continue
        if t.start != a.start:
            raise _fail(t.id, f"actual start {a.start} shown as {t.start}")
        if a.finish is not None and t.finish != a.finish:
            raise _fail(t.id, f"actual finish {a.finish} shown as {t.finish}")
        if a.finish is None and plan.status is not None and t.finish < plan.status and (
                t.finish_period > t.start_period):
            raise _fail(t.id, f"started but shown finished {t.finish}, before the status date")


def same_replan(a: Replan, b: Replan) -> None:
    """Two replans reach the same plan, schedules and shifts.

    Parameters
    ----------
    a, b : Replan
        Two replans that should agree.

    Returns
    -------
    None
        It raises `InvariantError` naming the first difference.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> steps = [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")]
    >>> same_replan(psp.replan(plan, steps), psp.replan(psp.apply(plan, steps[0]), steps[1:]))
    Traceback (most recent call last):
    ...
    psp.testing.invariants.InvariantError: project: the baselines differ
    """
    if a.baseline != b.baseline:
        raise _fail("project", "the baselines differ")
    if a.plan != b.plan:
        raise _fail("project", "the replanned plans differ")
    if a.after != b.after:
        raise _fail("project", "the new schedules differ")
    for x, y in zip(a.shifts(), b.shifts(), strict=True):
        if x != y:
            raise _fail(x.id, f"{x} differs from {y}")
