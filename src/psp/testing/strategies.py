"""Hypothesis strategies for psp plans: DAGs by construction, shrinking towards simple plans.

Every strategy is built with ``st.composite`` and has keyword knobs for size,
link types, lags, constraints and units. Failing examples shrink towards few
tasks, FS links, zero lags, duration 1 and no constraints.

Examples
--------
>>> from hypothesis import given, settings
>>> @settings(max_examples=10, derandomize=True)
... @given(plans(max_tasks=5, link_types=["FS"]))
... def test_fs_plans_schedule(plan):
...     s = plan.schedule()
...     assert all(s[l.successor].early_start >= s[l.predecessor].early_finish
...                for l in plan.links)
>>> test_fs_plans_schedule()
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from psp._model import Constraint, ConstraintKind, Link, LinkType, Package, Project, Task, TaskKind
from psp._time import Calendar, Month, Unit

__all__ = ["months", "plans"]


FIRST_MONTH = Month(1990, 1)
LAST_MONTH = Month(2090, 12)


@st.composite
def months(
    draw: st.DrawFn, *, min_value: Month = FIRST_MONTH, max_value: Month = LAST_MONTH
) -> Month:
    """Calendar months between two months (inclusive); shrinks towards ``min_value``.

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
        tasks.append(Task(task_id, f"Task {task_id}", package=package, duration=duration,
                          kind=kind, owners=draw(st.sets(st.sampled_from(["A", "B"])))))
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
            constraints.append(Constraint(task_id, ConstraintKind.START_NO_EARLIER_THAN,
                                          cal.first_day(period)))
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
    return Project(
        "Generated plan",
        first,
        end=end_day,
        unit=unit,
        packages=[Package(p, f"Package {p}") for p in used],
        tasks=tasks,
        links=links,
        constraints=constraints,
    )
