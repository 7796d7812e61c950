"""Hypothesis strategies for psp plans: DAGs by construction, shrinking towards simple plans.

Every strategy is built with ``st.composite`` and has keyword knobs for size,
link types, lags, constraints and units. Failing examples shrink towards few
tasks, FS links, zero lags, duration 1 and no constraints.

Examples
--------
>>> import psp
>>> from hypothesis import given, settings
>>> @settings(max_examples=10, derandomize=True)
... @given(plans(max_tasks=5, link_types=["FS"]))
... def test_fs_plans_schedule(plan):
...     s = psp.schedule(plan)
...     assert all(s[l.successor].start_period >= s[l.predecessor].finish_period + l.lag
...                for l in plan.links)
>>> test_fs_plans_schedule()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from psp.calendars import Calendar, Month, Unit
from psp.engine import schedule
from psp.engine._network import network
from psp.model import (
    Actual,
    Constraint,
    ConstraintKind,
    Distribution,
    Estimate,
    Event,
    EventKind,
    Link,
    LinkType,
    Package,
    Portfolio,
    Project,
    Risk,
    Task,
    TaskKind,
)
from psp.replanning._replan import AddLink, Change, Delay, Extend, Progress, RemoveLink, SetDuration

__all__ = ["changes", "delays", "months", "plans", "portfolios", "progressed", "uncertain"]


FIRST_MONTH = Month(1990, 1)
LAST_MONTH = Month(2090, 12)


@st.composite
def months(  # noqa: D417 (hypothesis supplies draw)
    draw: st.DrawFn, *, min_value: Month = FIRST_MONTH, max_value: Month = LAST_MONTH
) -> Month:
    """Calendar months between two months (inclusive); shrinks towards ``min_value``.

    Parameters
    ----------
    min_value, max_value : Month
        The range to draw from.

    Returns
    -------
    Month
        A drawn month (through hypothesis).

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, derandomize=True)
    ... @given(months(min_value=Month(2020, 1), max_value=Month(2020, 12)))
    ... def test_in_2020(m):
    ...     assert m.year == 2020
    >>> test_in_2020()
    """
    span = max_value - min_value
    assert isinstance(span, int)
    return min_value + draw(st.integers(0, span))


_KINDS = ("work", "milestone", "level_of_effort")


@st.composite
def plans(  # noqa: D417 (hypothesis supplies draw)
    draw: st.DrawFn,
    *,
    min_tasks: int = 1,
    max_tasks: int = 10,
    max_duration: int = 6,
    max_predecessors: int = 3,
    link_types: Sequence[LinkType | str] = ("FS", "SS", "FF", "SF"),
    max_lag: int = 2,
    leads: bool = True,
    milestones: bool = True,
    level_of_effort: bool = True,
    not_before: bool = True,
    not_after: bool = False,
    end: bool | None = None,
    units: Sequence[Unit | str] = ("month",),
    start: st.SearchStrategy[Month] | None = None,
    shuffle: bool = True,
    events: bool = False,
) -> Project:
    """Valid plans: tasks with durations, acyclic links of the given types, optional dates.

    Parameters
    ----------
    min_tasks, max_tasks : int
        How many tasks.
    max_duration : int
        Longest duration in periods.
    max_predecessors : int
        Most links into one task.
    link_types : sequence of LinkType or str
        Which link types to draw (the first is what failing examples shrink to).
    max_lag : int
        Largest lag, and with ``leads`` also the largest lead.
    leads : bool
        Whether negative lags (leads) may appear.
    milestones, level_of_effort : bool
        Whether such tasks may appear.
    not_before, not_after : bool
        Whether *start no earlier than* / *finish no later than* constraints may appear.
    end : bool or None
        ``True``: always a contractual end; ``False``: never; ``None``: either.
    units : sequence of Unit or str
        The period units to draw from.
    start : strategy of Month, optional
        The project's first month (default: `months`).
    shuffle : bool
        List the tasks in a random order (links always point forward in draw order).
    events : bool
        Add up to four dated events (`psp.Event`) on any day from a month before the
        start to a month after the horizon, each of any kind, belonging to a task, a
        package or nothing, some with participants and a note.

    Returns
    -------
    Project
        A drawn, valid plan.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, derandomize=True)
    ... @given(plans(max_tasks=8, end=True))
    ... def test_has_end(plan):
    ...     assert plan.end is not None
    >>> test_has_end()
    """
    unit = Unit(draw(st.sampled_from([Unit(u) for u in units])))
    month = draw(start if start is not None else months())
    if unit is Unit.MONTH:
        first = month.first_day
    else:
        first = month.first_day.replace(day=draw(st.integers(1, 28)))
    if unit is Unit.WORKDAY and first.weekday() >= 5:  # a plan of working days starts on one
        first += dt.timedelta(days=7 - first.weekday())
    cal = Calendar(first, unit)
    kinds = [k for k in _KINDS if k == "work" or (k == "milestone" and milestones)
             or (k == "level_of_effort" and level_of_effort)]
    types = [LinkType(t) for t in link_types]
    count = draw(st.integers(min_tasks, max_tasks))
    tasks: list[Task] = []
    links: list[Link] = []
    constraints: list[Constraint] = []
    scheduled: list[str] = []
    horizon = count * (max_duration + max_lag) + 1
    for number in range(count):
        task_id = f"{number + 1}"
        kind = TaskKind(draw(st.sampled_from(kinds)))
        duration = draw(st.integers(1, max_duration)) if kind is TaskKind.WORK else 0
        package = draw(st.sampled_from([None, "P1", "P2"]))
        owners = draw(st.lists(st.sampled_from(["A", "B"]), unique=True))
        tasks.append(Task(task_id, f"Task {task_id}", package=package, duration=duration,
                          kind=kind, owners=owners))
        if kind is TaskKind.LEVEL_OF_EFFORT:
            continue
        if scheduled:
            preds = draw(st.lists(st.sampled_from(scheduled), max_size=max_predecessors,
                                  unique=True))
            for pred in preds:
                link_type = draw(st.sampled_from(types))
                lag = draw(st.integers(-max_lag if leads else 0, max_lag))
                links.append(Link(pred, task_id, link_type, lag=lag))
        if not_before and draw(st.booleans()):
            period = draw(st.integers(0, horizon))
            # A milestone's not-before may also be a period's last day (reached at its end).
            at_end = kind is TaskKind.MILESTONE and draw(st.booleans())
            constraints.append(Constraint(task_id, ConstraintKind.START_NO_EARLIER_THAN,
                                          cal.instant(period + at_end, at_end=at_end)))
        if not_after and draw(st.booleans()):
            boundary = draw(st.integers(1, horizon))
            constraints.append(Constraint(task_id, ConstraintKind.FINISH_NO_LATER_THAN,
                                          cal.last_day(boundary - 1)))
        scheduled.append(task_id)
    if shuffle:
        tasks = draw(st.permutations(tasks))
    has_end = draw(st.booleans()) if end is None else end
    end_day = cal.last_day(draw(st.integers(1, horizon)) - 1) if has_end else None
    used = sorted({t.package for t in tasks if t.package is not None})
    drawn = draw(_events(first, cal.last_day(horizon), tasks)) if events else []
    return Project(
        "Generated plan",
        first,
        end=end_day,
        unit=unit,
        packages=[Package(p, f"Package {p}") for p in used],
        tasks=tasks,
        links=links,
        constraints=constraints,
        events=drawn,
    )


@st.composite
def _events(draw: st.DrawFn, first: dt.date, last: dt.date,
            tasks: list[Task]) -> list[Event]:
    """Up to four events around a plan's span, each tied to a task, a package or nothing."""
    found = []
    for number in range(draw(st.integers(0, 4))):
        day = draw(st.dates(first - dt.timedelta(days=31), last + dt.timedelta(days=31)))
        task = draw(st.sampled_from([None, *tasks]))
        package = None if task is None else draw(st.sampled_from([None, task.package]))
        if task is None and draw(st.booleans()):
            package = draw(st.sampled_from([None, *sorted(
                {t.package for t in tasks if t.package is not None})]))
        found.append(Event(
            f"E{number + 1}", draw(st.sampled_from(["", "Kick-off", "Workshop Süd"])), day,
            task=None if task is None or draw(st.booleans()) else task.id, package=package,
            kind=draw(st.sampled_from(list(EventKind))),
            participants=draw(st.none() | st.integers(0, 500)),
            note=draw(st.sampled_from(["", "hybrid (vor Ort & digital)"]))))
    return found


@st.composite
def progressed(draw: st.DrawFn, plan: Project) -> Project:  # noqa: D417
    """``plan`` with what happened by a drawn status date in its span, or (shrinking
    towards it) unchanged.

    Each task that should have begun by the status date went as planned, is reported
    with its planned dates (finished if it ended by then), or is reported not started;
    level-of-effort tasks follow their neighbours and get no report.

    Parameters
    ----------
    plan : Project
        A plan without progress.

    Returns
    -------
    Project
        The plan, in half the draws with ``status``, ``actuals`` and ``not_started``.

    Examples
    --------
    >>> import psp
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, derandomize=True)
    ... @given(plans(max_tasks=5).flatmap(progressed))
    ... def test_reported_dates_hold(plan):
    ...     s = psp.schedule(plan)
    ...     assert all(s[a.task].start == a.start for a in plan.actuals)
    >>> test_reported_dates_hold()
    """
    if not draw(st.booleans()):
        return plan
    s = schedule(plan)
    status = draw(st.integers(1, max(s.finish_period, 1)))
    actuals, idle = [], []
    for ts in s:
        if ts.kind is TaskKind.LEVEL_OF_EFFORT or ts.start_period >= status:
            continue
        what = draw(st.sampled_from(["as planned", "reported", "not started"]))
        if what == "not started":
            idle.append(ts.id)
        elif what == "reported":
            done = ts.finish_period <= status
            finish = ts.start if ts.kind is TaskKind.MILESTONE else ts.finish
            actuals.append(Actual(ts.id, ts.start, finish if done else None))
    return attrs.evolve(plan, status=plan.calendar.first_day(status), actuals=actuals,
                        not_started=idle)


@st.composite
def portfolios(  # noqa: D417 (hypothesis supplies draw)
    draw: st.DrawFn,
    *,
    max_projects: int = 4,
    max_tasks: int = 6,
    max_links: int = 4,
    units: Sequence[Unit | str] = ("month", "day"),
    progress: bool = True,
) -> Portfolio:
    """Valid portfolios: projects from `plans` (each with or without an end, some with
    not-after dates, in one unit) and links from an earlier project to a later one.

    Shrinks towards one project without progress or links.

    Parameters
    ----------
    max_projects, max_tasks : int
        How many projects, and the most tasks of each.
    max_links : int
        The most links between projects (of any type, lags −1 to 2).
    units : sequence of Unit or str
        The units to draw the portfolio's one unit from.
    progress : bool
        Whether projects may report progress (see `progressed`).

    Returns
    -------
    Portfolio
        Projects keyed ``p0``, ``p1`` …; links only from a lower key to a higher one, so
        they never close a cycle.

    Examples
    --------
    >>> import psp
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, derandomize=True)
    ... @given(portfolios())
    ... def test_every_project_is_summarised(pf):
    ...     ps = psp.schedule_portfolio(pf)
    ...     assert [s.id for s in ps.summaries] == list(pf.keys)
    >>> test_every_project_is_summarised()
    """
    unit = draw(st.sampled_from(list(units)))
    # A project of level of effort alone needs an end: within a portfolio its effort is
    # bounded by the project's start and finish, and would have no time at all.
    each = plans(max_tasks=max_tasks, units=[unit], not_after=True).filter(
        lambda p: p.end is not None or not all(t.is_level_of_effort for t in p.tasks))
    drawn = draw(st.lists(each, min_size=1, max_size=max_projects))
    projects = []
    for n, plan in enumerate(drawn):
        if progress:
            plan = draw(progressed(plan))
        projects.append(attrs.evolve(plan, id=f"p{n}"))
    links: list[Link] = []
    for _ in range(draw(st.integers(0, max_links)) if len(projects) > 1 else 0):
        first, second = sorted(draw(st.lists(st.integers(0, len(projects) - 1), min_size=2,
                                             max_size=2, unique=True)))
        ends = []
        for k in (first, second):
            work = [t.id for t in projects[k].tasks if not t.is_level_of_effort]
            if work:
                ends.append(f"p{k}:{draw(st.sampled_from(work))}")
        if len(ends) == 2 and all((lk.predecessor, lk.successor) != tuple(ends) for lk in links):
            links.append(Link(ends[0], ends[1], draw(st.sampled_from(["FS", "SS", "FF", "SF"])),
                              lag=draw(st.integers(-1, 2))))
    return Portfolio("Generated portfolio", projects, links=links)


def _movable(plan: Project) -> list[str]:
    started = {a.task for a in plan.actuals}
    return [t.id for t in plan.tasks if not t.is_level_of_effort and t.id not in started]


@st.composite
def delays(draw: st.DrawFn, plan: Project, *, max_by: int = 3,  # noqa: D417
           packages: bool = True, until: bool = True) -> Delay:
    """Delays that apply to ``plan``: a task (or package) ``by`` N periods, or ``until`` a month.

    Shrinks towards the first task and ``by=0``.

    Parameters
    ----------
    plan : Project
        The plan the delay is for (it needs at least one task that can move).
    max_by : int
        Largest ``by``.
    packages : bool
        Whether a package id may be the target.
    until : bool
        Whether ``until=`` delays may appear (else only ``by=``).

    Returns
    -------
    Delay
        A drawn delay of a task or package of ``plan``.

    Examples
    --------
    >>> import psp
    >>> from hypothesis import given, settings
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> @settings(max_examples=10, derandomize=True)
    ... @given(delays(plan))
    ... def test_a_delay_never_makes_the_plan_shorter(delay):
    ...     assert psp.schedule(psp.apply(plan, delay)).finish >= schedule(plan).finish
    >>> test_a_delay_never_makes_the_plan_shorter()
    """
    targets = _movable(plan)
    if packages:
        targets += [p.id for p in plan.packages if any(
            t.package == p.id for t in plan.tasks if t.id in targets)]
    target = draw(st.sampled_from(targets))
    if until and draw(st.booleans()):
        horizon = schedule(plan).horizon_period + max_by
        return Delay(target, until=plan.calendar.first_day(draw(st.integers(0, horizon))))
    return Delay(target, by=draw(st.integers(0, max_by)))


@st.composite
def uncertain(draw: st.DrawFn, plan: Project, *, max_spread: int = 3,  # noqa: D417
              risks: bool = True, max_risks: int = 3, max_delay: int = 3) -> Project:
    """``plan`` with three-point estimates on some of its tasks and, optionally, risk events.

    Shrinks towards no estimates and no risks.

    Parameters
    ----------
    plan : Project
        The plan to make uncertain.
    max_spread : int
        How far ``optimistic`` and ``pessimistic`` may lie from the duration.
    risks : bool
        Whether risk events may appear.
    max_risks : int
        The most risk events.
    max_delay : int
        The largest delay of a risk event, in periods.

    Returns
    -------
    Project
        The plan with ``estimates`` and ``risks``.

    Examples
    --------
    >>> import psp
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, derandomize=True)
    ... @given(plans(max_tasks=5).flatmap(uncertain))
    ... def test_estimates_hold_the_duration(plan):
    ...     for e in plan.estimates:
    ...         assert e.optimistic <= plan.task(e.task).duration <= e.pessimistic
    >>> test_estimates_hold_the_duration()
    """
    estimates = []
    for task in plan.tasks:
        if task.kind is not TaskKind.WORK or not draw(st.booleans()):
            continue
        low = draw(st.integers(max(1, task.duration - max_spread), task.duration))
        high = draw(st.integers(task.duration, task.duration + max_spread))
        kind = draw(st.sampled_from(list(Distribution)))
        estimates.append(Estimate(task.id, optimistic=low, pessimistic=high, distribution=kind))
    found = []
    targets = _movable(plan) + [p.id for p in plan.packages]
    if risks and targets:
        for number in range(draw(st.integers(0, max_risks))):
            hit = draw(st.lists(st.sampled_from(targets), min_size=1, max_size=3, unique=True))
            delay = {t: draw(st.integers(0, max_delay)) for t in hit}
            probability = draw(st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.9, 1.0]))
            found.append(Risk(f"r{number}", probability=probability, delay=delay))
    return attrs.evolve(plan, estimates=estimates, risks=found)


@st.composite
def changes(draw: st.DrawFn, plan: Project, *, max_changes: int = 4,  # noqa: D417
            progress: bool = False) -> list[Change]:
    """Lists of changes that apply to ``plan`` one after the other.

    Delays, extensions (later or earlier), new durations, links added forward in a
    topological order (so no cycle can form), links removed, and, with
    ``progress=True``, a status date at the end.

    Parameters
    ----------
    plan : Project
        The plan the changes are for.
    max_changes : int
        Most changes in one list (progress comes on top).
    progress : bool
        Whether a `Progress` (status date, as planned) may close the list.

    Returns
    -------
    list of Change
        The drawn changes, each valid for the plan it will be applied to.

    Examples
    --------
    >>> import psp
    >>> from hypothesis import given, settings
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> @settings(max_examples=10, derandomize=True)
    ... @given(changes(plan))
    ... def test_replan_never_touches_the_baseline(steps):
    ...     psp.replan(plan, steps)
    ...     assert plan == psp.load("examples/digitale_werkstatt.toml")
    >>> test_replan_never_touches_the_baseline()
    """
    cal = plan.calendar
    now = schedule(plan)
    order = [plan.tasks[i].id for i in network(plan).order]
    work = [t.id for t in plan.tasks if t.kind is TaskKind.WORK]
    removable = list(plan.links)
    present = {(lk.predecessor, lk.successor, lk.type) for lk in plan.links}
    found: list[Change] = []
    for _ in range(draw(st.integers(0, max_changes))):
        kind = draw(st.sampled_from(["delay", "extend", "duration", "add", "remove"]))
        if kind == "delay" and _movable(plan):
            found.append(draw(delays(plan)))
        elif kind == "extend":
            boundary = draw(st.integers(1, now.horizon_period + 6))
            found.append(Extend(cal.last_day(boundary - 1)))
        elif kind == "duration" and work:
            found.append(SetDuration(draw(st.sampled_from(work)), draw(st.integers(1, 8))))
        elif kind == "add" and len(order) >= 2:
            first = draw(st.integers(0, len(order) - 2))
            second = draw(st.integers(first + 1, len(order) - 1))
            link = Link(order[first], order[second], draw(st.sampled_from(list(LinkType))),
                        lag=draw(st.integers(-1, 2)))
            key = (link.predecessor, link.successor, link.type)
            if key not in present:  # a second link of the same type is an error
                present.add(key)
                found.append(AddLink(link))
        elif kind == "remove" and removable:
            gone = removable.pop(draw(st.integers(0, len(removable) - 1)))
            present.discard((gone.predecessor, gone.successor, gone.type))
            found.append(RemoveLink(gone.predecessor, gone.successor, gone.type))
    if progress and draw(st.booleans()):
        found.append(Progress(cal.first_day(0) + dt.timedelta(
            days=draw(st.integers(0, max(now.horizon_period, 1) * 31)))))
    return found
