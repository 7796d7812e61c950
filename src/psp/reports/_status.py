"""The status report (*Sachstandsbericht*): what stands where on a status date.

Every fact comes from the plan, its progress and its schedule (and, given a baseline,
from comparing the two schedules as a replan does): which tasks are done, running and
not yet started, which are late against the baseline and why, the events held since the
last report and the next ones, milestones reached and next, deadlines missed or in
danger, the slack against the contractual end. The report holds them as values
(`psp.reports._report`), where they are also put into words.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from psp.calendars import parse_date
from psp.engine import Schedule, TaskProgress, TaskSchedule, schedule
from psp.errors import UsageError
from psp.model import Project, TaskKind
from psp.replanning import Progress, Replan, apply
from psp.reports._report import (
    DeadlineState,
    DeadlineStatus,
    PackageStatus,
    State,
    StatusReport,
    TaskStatus,
)

__all__ = ["status_report"]

_STATES = {TaskProgress.FINISHED: State.DONE, TaskProgress.STARTED: State.RUNNING,
           TaskProgress.PLANNED: State.NOT_STARTED}




def _as_of(plan: Project, status: dt.date | None) -> tuple[Project, dt.date]:
    """The plan with its progress as of the status date (given, else the plan's own)."""
    if status is None:
        if plan.status is None:
            raise UsageError("a status report needs a status date: give status=… "
                             "(--status DATE) or set [project] status in the plan")
        return plan, plan.status
    if plan.status == status:
        return plan, status
    if plan.status is not None and status < plan.status:
        raise UsageError(f"the status date {status.isoformat()} lies before the plan's own "
                         f"status {plan.status.isoformat()}: its progress was reported later")
    return apply(plan, Progress(status)), status


def _state(ts: TaskSchedule, status: dt.date) -> State:
    """As the engine has it; level of effort, which spans the project, by its dates."""
    if not ts.task.is_level_of_effort:
        return _STATES[ts.progress]
    if ts.finish <= status:
        return State.DONE
    return State.RUNNING if ts.start <= status else State.NOT_STARTED


def _elapsed(ts: TaskSchedule, status: dt.date) -> Fraction:
    days = (ts.finish - ts.start).days + 1
    gone = (status - ts.start).days + 1
    return min(max(Fraction(gone, days), Fraction(0)), Fraction(1))


def _task_statuses(s: Schedule, status: dt.date,
                   compared: Replan | None) -> tuple[TaskStatus, ...]:
    found = []
    for ts in s:
        state = _state(ts, status)
        elapsed = _elapsed(ts, status) if state is State.RUNNING else None
        old = late = cause = None
        if compared is not None and ts.id in compared.before:
            old = compared.before[ts.id].finish
            shift = compared.shift(ts.id)
            if shift.finish_shift > 0:
                late, cause = shift.finish_shift, shift.cause
        found.append(TaskStatus(ts, state, elapsed, old, late, cause))
    return tuple(found)


def _package_statuses(s: Schedule, tasks: tuple[TaskStatus, ...]) -> tuple[PackageStatus, ...]:
    by_id = {t.id: t for t in tasks}
    found = []
    for rolled in s.packages:
        members = [by_id[i] for i in rolled.task_ids]
        counts = {state: sum(t.state is state for t in members) for state in State}
        state = (State.DONE if members and counts[State.DONE] == len(members) else
                 State.NOT_STARTED if counts[State.NOT_STARTED] == len(members) else
                 State.RUNNING)
        found.append(PackageStatus(
            rolled.id, rolled.package.name, state, rolled.start, rolled.finish,
            counts[State.DONE], counts[State.RUNNING], counts[State.NOT_STARTED],
            sum(t.late_by is not None for t in members)))
    return tuple(found)


def _deadlines(s: Schedule, tasks: dict[str, TaskStatus]) -> tuple[DeadlineStatus, ...]:
    cal = s.calendar
    missed = {m.id: m for m in s.deadlines_missed}
    found = []
    for c in s.project.constraints:
        if c.is_start:
            continue
        ts = s[c.task]
        if c.task in missed:
            found.append(DeadlineStatus(c.task, c.date, ts.finish, DeadlineState.MISSED,
                                        missed[c.task].by))
        elif tasks[c.task].state is not State.DONE and (
                cal.period_of(ts.finish) + 1 == cal.end_boundary(c.date)):
            found.append(DeadlineStatus(c.task, c.date, ts.finish, DeadlineState.ENDANGERED,
                                        0))
    return tuple(found)


def status_report(plan: Project, *, status: dt.date | str | None = None,
                  since: dt.date | str | None = None, baseline: Project | None = None,
                  upcoming: int = 5) -> StatusReport:
    """The status report of a plan on a status date (*Sachstandsbericht*).

    Tasks are done, running or not started as the schedule has them on the status date:
    as reported (actual dates, tasks not started), else as planned where the status date
    and their predecessors allow (what `psp.Progress` assumes).

    Parameters
    ----------
    plan : Project
        The current plan with its progress.
    status : date or str, optional
        The report's date (default: the plan's ``[project] status``). A later date than
        the plan's own status assumes progress as planned up to it.
    since : date or str, optional
        The date of the last report: events held and milestones reached after it are
        listed (default: everything up to the status date).
    baseline : Project, optional
        The plan the project was approved with: tasks that now finish later are late,
        with the reason a replan gives.
    upcoming : int
        How many of the next events and milestones to list.

    Returns
    -------
    StatusReport

    Raises
    ------
    UsageError
        Without a status date, or with one before the plan's own status.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> r = status_report(plan, status="2021-01-15")
    >>> [t.id for t in r.in_state(State.RUNNING)]
    ['2.3', '2.4', '2.5', '2.6', '2.7', '4.1', '4.3']
    >>> r.tasks[0].state, r.in_state(State.RUNNING)[0].elapsed
    (<State.DONE: 'done'>, Fraction(23, 31))
    >>> [m.id for m in r.milestones_next]
    ['M1']
    """
    current, day = _as_of(plan, _date(status, "status"))
    after = _date(since, "since")
    if after is not None and after > day:
        raise UsageError(f"--since {after.isoformat()} lies after the status date "
                         f"{day.isoformat()}")
    s = schedule(current)
    compared = None if baseline is None else Replan(baseline, current, (), schedule(baseline),
                                                    s)
    tasks = _task_statuses(s, day, compared)
    by_id = {t.id: t for t in tasks}
    events = current.events
    held = tuple(e for e in events if e.date <= day and (after is None or e.date > after))
    upcoming_events = tuple(e for e in events if e.date > day)[:upcoming]
    milestones = sorted((t for t in tasks if t.task.kind is TaskKind.MILESTONE),
                        key=lambda t: (t.task.start, t.id))
    reached = tuple(t for t in milestones if t.state is State.DONE
                    and (after is None or t.task.start > after))
    ahead = tuple(t for t in milestones if t.state is not State.DONE)[:upcoming]
    return StatusReport(current, s, day, after, None if compared is None else compared.before,
                        tasks, _package_statuses(s, tasks), held, upcoming_events, reached,
                        ahead, _deadlines(s, by_id))


def _date(value: dt.date | str | None, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(value)
    except ValueError as err:
        raise UsageError(f"{what}: {err}") from None
