"""Whole-plan validation: every problem at once, and the plan as a DAG for the engine.

The topological order comes from Kahn's algorithm over flat index arrays, which
the engine needs anyway (measured: 0.15 s for 100,000 tasks and 200,000 links,
where building a networkx graph and sorting it took 0.75 s of a 1 s budget).
When tasks are left over, they lie on cycles, and networkx names them: strongly
connected components, then one cycle in each (``find_cycle``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate, islice
from typing import cast

import attrs

from psp.calendars import Calendar, Unit, format_date
from psp.errors import DateAlignmentError, Problem, ValidationError
from psp.model import (
    Actual,
    Constraint,
    ConstraintKind,
    LinkType,
    Portfolio,
    Project,
    Task,
    TaskKind,
)

__all__ = ["Network", "actual_span", "compress", "constraint_bounds", "network",
           "portfolio_problems", "problems", "qualified_position", "risk_targets", "validate",
           "with_constraints"]


@attrs.frozen(eq=False, repr=False)  # arrays of a whole plan: neither compared nor shown
class Network:
    """A valid plan as the engine needs it: tasks by position, links as index arrays.

    Built once per plan (a plan is immutable; `network` keeps it with the plan), so
    validating on load and scheduling later share one pass over the links. It holds no
    reference back to its plan: a plan and its memo make no reference cycle, so they are
    freed the moment they are no longer used, not at the cyclic collector's next run.

    ``order`` lists the positions of the scheduled tasks (all but level of effort) in
    a topological order. The links are grouped by successor (``into``: compressed rows
    of ``pred``, ``pred_lag``, ``pred_kind`` and ``pred_link``, the link's position in
    ``project.links``) and by predecessor (``out``: ``succ``, ``succ_lag``,
    ``succ_kind``); that is what the passes read. ``kind`` is 1 when the link leaves the
    predecessor's finish, plus 2 when it bounds the successor's finish; ``lag`` is in
    half periods (see the notes in `psp.engine._cpm`).
    """

    order: list[int]
    into: list[int]
    pred: list[int]
    pred_lag: list[int]
    pred_kind: list[int]
    pred_link: list[int]
    out: list[int]
    succ: list[int]
    succ_lag: list[int]
    succ_kind: list[int]
    loe: list[int]
    """The positions of the level-of-effort tasks (outside the DAG)."""


def compress(n: int, rows: list[int], *columns: list[int]) -> tuple[list[int], list[list[int]]]:
    """Group parallel columns by row (compressed sparse rows), keeping each row's order.

    Returns ``offsets`` and the regrouped columns: the entries of row ``r`` are
    ``column[offsets[r]:offsets[r + 1]]``. A stable sort by row does the grouping
    (linear when the rows come in order, as a plan's links do by successor); flat lists
    keep large plans cheap where a list per task would allocate hundreds of thousands of
    small containers.

    Examples
    --------
    >>> compress(3, [2, 0, 2], [10, 11, 12])
    ([0, 1, 1, 3], [[11, 10, 12]])
    """
    counts = [0] * n
    for r in rows:
        counts[r] += 1
    offsets = list(accumulate(counts, initial=0))
    if all(map(operator.le, rows, islice(rows, 1, None))):  # already grouped
        return offsets, [list(column) for column in columns]
    permutation = sorted(range(len(rows)), key=rows.__getitem__)
    return offsets, [list(map(column.__getitem__, permutation)) for column in columns]


def _task_problems(project: Project) -> list[Problem]:
    index, packages = project._index, {p.id for p in project.packages}
    if (len(index) == len(project.tasks) and len(packages) == len(project.packages)
            and packages.isdisjoint(index)
            and {t.package for t in project.tasks} <= packages | {None}):
        return []  # the common case, checked in whole-set operations
    found: list[Problem] = []
    package_ids = Counter(p.id for p in project.packages)
    for package_id, count in package_ids.items():
        if count > 1:
            found.append(
                Problem("duplicate-id", f"{count} packages use this id", f"package {package_id}")
            )
    task_ids = Counter(t.id for t in project.tasks)
    for task_id, count in task_ids.items():
        if count > 1:
            found.append(Problem("duplicate-id", f"{count} tasks use this id", f"task {task_id}"))
        if task_id in package_ids:
            found.append(
                Problem("duplicate-id", "a package has the same id", f"task {task_id}", "id")
            )
    for task in project.tasks:
        if task.package is not None and task.package not in package_ids:
            found.append(
                Problem(
                    "unknown-package",
                    f"{task.package!r} is not a package of this plan",
                    f"task {task.id}",
                    "package",
                )
            )
    return found


def _link_problems(
    project: Project, index: dict[str, int], loe: set[int]
) -> tuple[list[Problem], list[int], list[int], list[int]]:
    """Problems of the links, and the DAG's links as (tails, heads, link positions)."""
    found: list[Problem] = []
    tails: list[int] = []
    heads: list[int] = []
    positions: list[int] = []
    seen: set[tuple[str, str, str]] = set()
    for k, link in enumerate(project.links):
        entry = f"task {link.successor}"
        u, v = index.get(link.predecessor), index.get(link.successor)
        if v is None:
            found.append(
                Problem(
                    "unknown-task",
                    f"a link from {link.predecessor} goes to {link.successor!r}, "
                    "which is not a task of this plan",
                    f"link {link.predecessor} → {link.successor}",
                )
            )
            continue
        if u is None:
            found.append(
                Problem(
                    "unknown-task",
                    f"depends on {link.predecessor!r}, which is not a task of this plan",
                    entry,
                    "depends",
                )
            )
            continue
        if u == v:
            found.append(Problem("self-link", "depends on itself", entry, "depends"))
            continue
        if u in loe or v in loe:
            for end, position in ((link.predecessor, u), (link.successor, v)):
                if position in loe:
                    found.append(
                        Problem(
                            "loe-link",
                            f"{end} is level of effort: it spans the project and takes no links",
                            entry,
                            "depends",
                        )
                    )
            continue
        key = (link.predecessor, link.successor, link.type.value)
        if key in seen:
            found.append(
                Problem(
                    "duplicate-link",
                    f"depends on {link.predecessor} ({link.type.value}) more than once",
                    entry,
                    "depends",
                )
            )
        seen.add(key)
        tails.append(u)
        heads.append(v)
        positions.append(k)
    return found, tails, heads, positions


def _date_problems(project: Project) -> list[Problem]:
    found = _end_problems(project)
    if _dates_clean(project):
        return found
    kinds_seen: set[tuple[str, bool]] = set()
    for c in project.constraints:
        entry = f"task {c.task}"
        key = "not_before" if c.is_start else "not_after"
        if c.task not in project:
            found.append(Problem("unknown-task", "constrains a task this plan lacks", entry, key))
            continue
        if (c.task, c.is_start) in kinds_seen:
            found.append(Problem("duplicate-constraint", "given more than once", entry, key))
        kinds_seen.add((c.task, c.is_start))
        found += _constraint_date_problems(project, c, entry, key)
    return found


def _dates_clean(project: Project) -> bool:
    """Whether no constraint has a problem, checked on whole lists (each date once).

    A plan with a problem takes the careful path, which words it.
    """
    constraints = project.constraints
    if not constraints:
        return True
    tasks = [c.task for c in constraints]
    kinds = [c.kind for c in constraints]
    if (not project._index.keys() >= set(tasks)
            or len(set(zip(tasks, kinds, strict=True))) < len(tasks)
            or min(c.date for c in constraints) < project.start):
        return False
    try:
        constraint_bounds(project)
    except DateAlignmentError:
        return False
    return True


def constraint_bounds(project: Project) -> list[tuple[int, bool]]:
    """Each constraint's bound as ``(boundary, at_end)``, worked out once per distinct date.

    A not-before bounds a start period (a milestone's may sit at a period's end: then
    ``at_end``), a not-after a finish boundary. Raises `DateAlignmentError` for a date
    off the boundary it bounds.
    """
    bounds: list[tuple[int, bool]] | None = project._memo.get("constraint_bounds")
    if bounds is not None:
        return bounds
    cal, index, tasks = project.calendar, project._index, project.tasks
    done: dict[tuple[dt.date, int], tuple[int, bool]] = {}
    bounds = []
    for c in project.constraints:
        side = _side(c, tasks[index[c.task]])
        bound = done.get((c.date, side))
        if bound is None:
            bound = done[c.date, side] = _bound(cal, c.date, side)
        bounds.append(bound)
    project._memo["constraint_bounds"] = bounds
    return bounds


_START, _INSTANT, _FINISH = range(3)
SNET = ConstraintKind.START_NO_EARLIER_THAN


def _side(c: Constraint, task: Task) -> int:
    """What a constraint's date bounds: a start, a milestone's instant, or a finish."""
    if c.kind is not SNET:
        return _FINISH
    return _INSTANT if task.kind is TaskKind.MILESTONE else _START


def _bound(cal: Calendar, day: dt.date, side: int) -> tuple[int, bool]:
    if side == _INSTANT:  # a milestone: either side of a boundary
        return cal.milestone_bound(day, what="a milestone's not-before date")
    if side == _START:
        return cal.start_period(day, what="a start-no-earlier-than date"), False
    return cal.end_boundary(day, what="a finish-no-later-than date"), False


def _end_problems(project: Project) -> list[Problem]:
    if project.end is None:
        return []
    if project.end < project.start:
        return [Problem("end-before-start", f"{format_date(project.end)} is before the start "
                        f"{format_date(project.start)}", "project", "end")]
    try:
        project.calendar.end_boundary(project.end, what="the end")
    except DateAlignmentError as err:
        return [Problem(err.code, str(err), "project", "end")]
    return []


def _constraint_date_problems(project: Project, c: Constraint, entry: str,
                              key: str) -> list[Problem]:
    """A constraint's date: not before the start, and on the period boundary it bounds."""
    cal = project.calendar
    if c.date < project.start:
        return [Problem("constraint-before-start", f"{format_date(c.date)} lies before the "
                        f"project start {format_date(project.start)}", entry, key)]
    try:
        _bound(cal, c.date, _side(c, project.task(c.task)))
    except DateAlignmentError as err:
        return [Problem(err.code, str(err), entry, key)]
    return []


def actual_span(cal: Calendar, task: Task, actual: Actual) -> tuple[int, int | None, bool]:
    """An actual as periods: (start, finish boundary or None, a milestone dated at_end).

    Raises `DateAlignmentError` when a date is not on a period boundary.
    """
    if task.duration == 0:  # a milestone: one instant, dated on either side of a boundary
        boundary, at_end = cal.milestone_bound(actual.start, what="a milestone's actual date")
        return boundary, boundary, at_end
    start = cal.start_period(actual.start, what="an actual start")
    if actual.finish is None:
        return start, None, False
    return start, cal.end_boundary(actual.finish, what="an actual finish"), False


def _progress_problems(project: Project) -> list[Problem]:
    found: list[Problem] = []
    status = project.status
    if status is not None and status < project.start:
        found.append(Problem("status-outside-plan",
                             f"the status date {format_date(status)} lies before the project "
                             f"start {format_date(project.start)}", "project", "status"))
    reported = {a.task for a in project.actuals}
    for task_id in sorted(project.not_started):
        found += _idle_problems(project, task_id, reported)
    seen: set[str] = set()
    for actual in project.actuals:
        entry = f"task {actual.task}"
        if (actual.task in seen and actual.task in project
                and not project.task(actual.task).is_level_of_effort):
            found.append(Problem("duplicate-actual", "given more than once", entry,
                                 "actual_start"))
        seen.add(actual.task)
        found += _actual_problems(project, actual, entry)
    return found


def _idle_problems(project: Project, task_id: str, reported: set[str]) -> list[Problem]:
    """A task said not to have started: one of this plan's, with a start of its own."""
    entry, key = f"task {task_id}", "not_started"
    found = []
    if task_id not in project:
        found.append(Problem("unknown-task", "is said not to have started but is not a "
                             "task of this plan", entry, key))
    elif project.task(task_id).is_level_of_effort:
        found.append(Problem("loe-actual", "level of effort spans the project: it has no "
                             "start of its own", entry, key))
    elif task_id in reported:
        found.append(Problem("conflicting-progress", "has an actual start and is said not "
                             "to have started", entry, key))
    if project.status is None:
        found.append(Problem("actual-without-status", "progress needs a status date "
                             "([project] status)", entry, key))
    return found


def _actual_problems(project: Project, actual: Actual, entry: str) -> list[Problem]:
    """One task's actual dates: its own, in order, within start and status, aligned."""
    if actual.task not in project:
        return [Problem("unknown-task", "has actual dates but is not a task of this plan",
                        entry, "actual_start")]
    task = project.task(actual.task)
    if task.is_level_of_effort:
        return [Problem("loe-actual", "level of effort spans the project: no actual dates",
                        entry, "actual_start")]
    status = project.status
    found = []
    if status is None:
        found.append(Problem("actual-without-status", "actual dates need a status date "
                             "([project] status)", entry, "actual_start"))
    if actual.finish is not None and actual.finish < actual.start:
        return [*found, Problem("actual-finish-before-start",
                                f"finished {format_date(actual.finish)}, before it started "
                                f"{format_date(actual.start)}", entry, "actual_finish")]
    for key, day in (("actual_start", actual.start), ("actual_finish", actual.finish)):
        if day is not None and status is not None and day > status:
            found.append(Problem("actual-after-status", f"{format_date(day)} lies after the "
                                 f"status date {format_date(status)}", entry, key))
        if day is not None and day < project.start:
            found.append(Problem("actual-before-start",
                                 f"{format_date(day)} lies before the project start",
                                 entry, key))
    if task.duration == 0 and actual.finish not in (None, actual.start):
        return [*found, Problem("invalid-field", "a milestone has one date: actual_finish "
                                "must equal actual_start", entry, "actual_finish")]
    try:
        actual_span(project.calendar, task, actual)
    except DateAlignmentError as err:
        found.append(Problem(err.code, str(err), entry, "actual_start"))
    return found


def _position_problems(project: Project) -> list[Problem]:
    found: list[Problem] = []
    cal = project.calendar
    seen: set[str] = set()
    for position in project.positions:
        entry = f"position {position.id}"
        if position.id in seen:
            found.append(Problem("duplicate-id", "two positions use this id", entry))
        seen.add(position.id)
        if position.task is not None and position.task not in project:
            found.append(Problem("unknown-task", f"runs during {position.task!r}, which is not "
                                 "a task of this plan", entry, "task"))
        if position.start is not None and position.start < project.start:
            found.append(Problem("position-outside-project",
                                 f"starts {format_date(position.start)}, before the project "
                                 f"starts {format_date(project.start)}", entry, "start"))
        if (position.end is not None and project.end is not None
                and position.end > project.end):
            found.append(Problem("position-outside-project",
                                 f"ends {format_date(position.end)}, after the project ends "
                                 f"{format_date(project.end)}", entry, "end"))
        try:
            if position.start is not None:
                cal.start_period(position.start, what="a position's start")
            if position.end is not None:
                cal.end_boundary(position.end, what="a position's end")
        except DateAlignmentError as err:
            found.append(Problem(err.code, str(err), entry))
    return found


def _event_problems(project: Project) -> list[Problem]:
    """Duplicate event ids, and events that belong to a task or package the plan lacks."""
    found: list[Problem] = []
    seen: set[str] = set()
    packages = {p.id for p in project.packages}
    for event in project.events:
        entry = f"event {event.id}"
        if event.id in seen:
            found.append(Problem("duplicate-id", "two events use this id", entry))
        seen.add(event.id)
        if event.task is not None and event.task not in project:
            found.append(Problem("unknown-task", f"belongs to {event.task!r}, which is not a "
                                 "task of this plan", entry, "task"))
        if event.package is not None and event.package not in packages:
            found.append(Problem("unknown-package", f"belongs to {event.package!r}, which is "
                                 "not a work package of this plan", entry, "package"))
        elif (event.task is not None and event.package is not None and event.task in project
              and project.task(event.task).package != event.package):
            found.append(Problem("invalid-field", f"belongs to task {event.task}, which is not "
                                 f"in work package {event.package}", entry, "package"))
    return found


def _estimate_problems(project: Project) -> list[Problem]:
    """Three-point estimates: one per task of work, ``optimistic ≤ duration ≤ pessimistic``."""
    found: list[Problem] = []
    seen: set[str] = set()
    for estimate in project.estimates:
        entry = f"task {estimate.task}"
        if estimate.task in seen:
            found.append(Problem("duplicate-estimate", "estimated more than once", entry,
                                 "optimistic"))
        seen.add(estimate.task)
        if estimate.task not in project:
            found.append(Problem("unknown-task", "an estimate for a task this plan lacks",
                                 entry, "optimistic"))
            continue
        task = project.task(estimate.task)
        if task.kind is not TaskKind.WORK:
            found.append(Problem("invalid-field", f"a {task.kind.value.replace('_', ' ')} has "
                                 "no duration to estimate", entry, "optimistic"))
            continue
        d = task.duration
        for key, value, low, high, expected in (
            ("optimistic", estimate.optimistic, 1, d, f"at least 1 and at most the duration ({d})"),
            ("pessimistic", estimate.pessimistic, d, None, f"at least the duration ({d})"),
        ):
            if value < low or (high is not None and value > high):
                found.append(Problem("invalid-field", f"expected {expected}, got {value}",
                                     entry, key))
    return found


def risk_targets(project: Project, target: str) -> tuple[str, ...]:
    """The tasks a risk's target names: the task itself, or every task of the package."""
    if target in project:
        return (target,)
    return tuple(project.tasks[i].id for i in project.members(target))


def _risk_problems(project: Project) -> list[Problem]:
    """Risk events: unique ids, known targets that can move, dates on period starts."""
    found: list[Problem] = []
    seen: set[str] = set()
    packages = {p.id for p in project.packages}
    for risk in project.risks:
        entry = f"risk {risk.id}"
        if risk.id in seen:
            found.append(Problem("duplicate-id", "two risks use this id", entry))
        seen.add(risk.id)
        effects = [("delay", t) for t, _ in risk.delay]
        effects += [("not_before", t) for t, _ in risk.not_before]
        for key, target in effects:
            if target not in project and target not in packages:
                found.append(Problem("unknown-task", f"names {target!r}, which is neither a "
                                     "task nor a work package of this plan", entry, key))
            elif target in project and project.task(target).is_level_of_effort:
                found.append(Problem("invalid-field", f"{target} is level of effort: it spans "
                                     "the project and cannot be delayed", entry, key))
        for target, day in risk.not_before:
            tasks = risk_targets(project, target)
            if tasks:  # the date bounds a start, as a task's own not_before does
                found += _constraint_date_problems(project, Constraint(
                    tasks[0], ConstraintKind.START_NO_EARLIER_THAN, day), entry, "not_before")
    return found


def _cycle_problems(
    project: Project, tails: list[int], heads: list[int], stuck: set[int]
) -> list[Problem]:
    """Name one cycle in each strongly connected part of what could not be ordered."""
    import networkx as nx  # only a plan with a cycle needs it: keeps `import psp` light

    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_edges_from((u, v) for u, v in zip(tails, heads, strict=True)
                         if u in stuck and v in stuck)
    found = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        cycle = [u for u, _v in nx.find_cycle(graph.subgraph(component))]
        first = cycle.index(min(cycle))  # start at the task listed first in the plan
        cycle = cycle[first:] + cycle[:first]
        names = [project.tasks[i].id for i in cycle]
        path = " → ".join([*names, names[0]])
        found.append(
            Problem(
                "cycle",
                f"the links form a cycle: {path} (each waits for the one before it)",
                f"task {names[0]}",
                "depends",
            )
        )
    found.sort(key=lambda p: p.message)
    return found


def _topological_order(scheduled: list[int], waiting: list[int], out: list[int],
                       succ: list[int]) -> list[int]:
    """Kahn's algorithm over compressed rows; fewer than ``scheduled`` entries means a cycle."""
    order = [i for i in scheduled if waiting[i] == 0]
    for u in order:  # grows while it is read: a FIFO queue
        for v in succ[out[u]:out[u + 1]]:
            waiting[v] -= 1
            if waiting[v] == 0:
                order.append(v)
    return order


def _clean_links(project: Project, index: dict[str, int],
                 loe: set[int]) -> tuple[list[int], list[int]] | None:
    """Every link's (tails, heads) when no link has a problem, else ``None``.

    Whole-list checks, so a valid plan costs a few passes in C; `_link_problems` then
    words the problems of a plan that has any.
    """
    links, n = project.links, len(project.tasks)
    found_tails = list(map(index.get, [link.predecessor for link in links]))
    heads: list[int] = project._memo["successors"]  # looked up as the plan was made
    if None in found_tails or n in heads:
        return None
    tails = cast(list[int], found_tails)
    if any(map(operator.eq, tails, heads)):
        return None
    if loe and not (loe.isdisjoint(tails) and loe.isdisjoint(heads)):
        return None
    # Two links between the same tasks may differ in type: the careful path tells.
    if len(set(map(operator.add, map(n.__mul__, tails), heads))) < len(links):
        return None
    return tails, heads


_KIND = {t: t.from_finish + 2 * t.to_finish for t in LinkType}  # see Network


def _build(project: Project, scheduled: list[int], loe: list[int], tails: list[int],
           heads: list[int], positions: list[int]) -> tuple[list[int], Network | None]:
    """A topological order and the DAG as compressed arrays (``None`` on a cycle)."""
    tasks, links, n = project.tasks, project.links, len(project.tasks)
    work = [t.duration > 0 for t in tasks]
    kind = [_KIND[links[k].type] for k in positions]
    # Work that may finish as another starts (SF): the two meet at one boundary.
    lag2 = [2 * links[k].lag - (c == 2 and work[u] and work[v])
            for k, c, u, v in zip(positions, kind, tails, heads, strict=True)]
    out, (succ, succ_lag, succ_kind) = compress(n, tails, heads, lag2, kind)
    into, (pred, pred_lag, pred_kind, pred_link) = compress(n, heads, tails, lag2, kind,
                                                             positions)
    waiting = [into[i + 1] - into[i] for i in range(n)]
    order = _topological_order(scheduled, waiting, out, succ)
    if len(order) < len(scheduled):
        return order, None
    return order, Network(order, into, pred, pred_lag, pred_kind, pred_link, out,
                          succ, succ_lag, succ_kind, loe)


def _analyse(project: Project) -> tuple[list[Problem], Network | None]:
    """The plan's problems and, when it has none, its network: worked out once per plan."""
    memo = project._memo
    if "network" not in memo:
        memo["network"] = _analysis(project)
    found, net = memo["network"]
    return list(found), net


def _analysis(project: Project) -> tuple[list[Problem], Network | None]:
    index = project._index
    kinds = [t.kind for t in project.tasks]
    loe = set(itertools.compress(itertools.count(), map(
        operator.is_, kinds, itertools.repeat(TaskKind.LEVEL_OF_EFFORT))))
    clean = _clean_links(project, index, loe)
    if clean is None:
        found, tails, heads, positions = _link_problems(project, index, loe)
    else:
        (tails, heads), found, positions = clean, [], list(range(len(project.links)))
    found = (_task_problems(project) + found + _date_problems(project)
             + _progress_problems(project) + _position_problems(project)
             + (_event_problems(project) if project.events else [])
             + (_estimate_problems(project) if project.estimates else [])
             + (_risk_problems(project) if project.risks else []))
    scheduled = [i for i in range(len(kinds)) if i not in loe] if loe else list(range(len(kinds)))
    order, net = _build(project, scheduled, sorted(loe), tails, heads, positions)
    if net is None:
        found += _cycle_problems(project, tails, heads, set(scheduled) - set(order))
    if found:
        return found, None
    return found, net


def problems(project: Project) -> list[Problem]:
    """Every problem of a plan, in plan order; an empty list for a valid plan.

    Parameters
    ----------
    project : Project
        The plan to check.

    Returns
    -------
    list of Problem
        Every problem, each naming its entry and key; empty for a valid plan.

    Examples
    --------
    >>> from psp import Project, Task, Link, Month
    >>> plan = Project("Demo", Month(2020, 9), tasks=[Task("a", duration=1)],
    ...                links=[Link("a", "a"), Link("x", "a")])
    >>> for problem in problems(plan):
    ...     print(problem.code, "|", problem)
    self-link | task a: depends: depends on itself
    unknown-task | task a: depends: depends on 'x', which is not a task of this plan
    """
    return _analyse(project)[0]


def validate(project: Project) -> Project:
    """Return the plan unchanged when it is valid; else raise one error listing every problem.

    Parameters
    ----------
    project : Project
        The plan to check.

    Returns
    -------
    Project
        The same plan, when it has no problem.

    Raises
    ------
    ValidationError
        With ``problems``: unknown or duplicate ids, self-links, links to or from
        level-of-effort tasks, cycles (their tasks named in order), misaligned or
        out-of-plan dates.

    Examples
    --------
    >>> from psp import Project, Task, Link, Month
    >>> plan = Project("Demo", Month(2020, 9),
    ...     tasks=[Task("a", duration=1), Task("b", duration=1)],
    ...     links=[Link("a", "b"), Link("b", "a")])
    >>> validate(plan)
    Traceback (most recent call last):
    ...
    psp.errors.ValidationError: the plan has 1 problem:
      task a: depends: the links form a cycle: a → b → a (each waits for the one before it)
    """
    network(project)
    return project


def network(project: Project) -> Network:
    """The plan as a validated DAG; raises `ValidationError` with every problem otherwise."""
    found, net = _analyse(project)
    if net is None:
        raise ValidationError(found)
    return net


def with_constraints(project: Project, constraints: Iterable[Constraint]) -> Project:
    """The plan with other constraints, its network carried over when it is valid.

    ``attrs.evolve(project, constraints=constraints)``, except that a valid plan's
    tasks and links are not checked again: only the new constraints' dates are. A
    delay and a portfolio's deadlines change nothing else.

    Parameters
    ----------
    project : Project
        The plan.
    constraints : iterable of Constraint
        All of the new plan's constraints.

    Returns
    -------
    Project

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> later = psp.Constraint("3.1", "start_no_earlier_than", psp.Month(2021, 6))
    >>> new = with_constraints(plan, [*plan.constraints, later])
    >>> psp.schedule(new)["3.1"].start
    datetime.date(2021, 6, 1)
    """
    _, net = _analyse(project)
    changed = attrs.evolve(project, constraints=constraints)
    if net is not None:  # a valid plan: its tasks, links and progress have no problem
        dates = _date_problems(changed)
        changed._memo["network"] = (dates, None if dates else net)
    return changed


def qualified_position(projects: dict[str, Project], qualified_id: str) -> tuple[str, int] | None:
    """The project key and task position a ``project:task`` id names, or ``None``.

    A key may itself hold a colon: each colon is tried as the split.

    Examples
    --------
    >>> import datetime as dt
    >>> from psp import Project, Task
    >>> plan = Project("A", dt.date(2021, 1, 1), tasks=[Task("x"), Task("y")])
    >>> qualified_position({"a:b": plan}, "a:b:y"), qualified_position({"a": plan}, "a:z")
    (('a:b', 1), None)
    """
    cut = qualified_id.find(":")
    while cut >= 0:
        key = qualified_id[:cut]
        project = projects.get(key)
        if project is not None:
            position = project._index.get(qualified_id[cut + 1:])
            if position is not None:
                return key, position
        cut = qualified_id.find(":", cut + 1)
    return None


def portfolio_problems(portfolio: Portfolio) -> list[Problem]:
    """What keeps a portfolio's projects off one time axis (each project is checked alone).

    One unit for all; in weeks, every project starting on the same weekday (else no
    period boundary is shared); links across projects between tasks that exist.

    Examples
    --------
    >>> import datetime as dt
    >>> from psp import Portfolio, Project
    >>> pf = Portfolio("P", [Project("A", dt.date(2021, 1, 4), unit="week", id="a"),
    ...                      Project("B", dt.date(2021, 1, 5), unit="week", id="b")])
    >>> print(portfolio_problems(pf)[0])
    project b: start: a week of this portfolio starts on a Monday (project a), not on a Tuesday
    """
    found: list[Problem] = []
    if not portfolio.projects:
        return [Problem("missing-key", "a portfolio needs at least one project", "portfolio")]
    units = {p.unit for p in portfolio.projects}
    if len(units) > 1:
        found.append(Problem("mixed-units", "all projects of a portfolio need one unit, not "
                             f"{', '.join(sorted(u.value for u in units))}", "portfolio"))
    first_key, first = portfolio.keys[0], portfolio.projects[0]
    for key, project in zip(portfolio.keys, portfolio.projects, strict=True):
        if project.unit is Unit.WEEK and (project.start - first.start).days % 7:
            found.append(Problem(
                "misaligned-projects",
                f"a week of this portfolio starts on a {first.start:%A} (project {first_key}), "
                f"not on a {project.start:%A}", f"project {key}", "start"))
    projects = dict(zip(portfolio.keys, portfolio.projects, strict=True))
    for link in portfolio.links:
        for end in (link.predecessor, link.successor):
            if qualified_position(projects, end) is None:
                found.append(Problem("unknown-task", f"{end!r} is no project:task of this "
                                     "portfolio", f"link {link.predecessor} → {link.successor}"))
    return found
