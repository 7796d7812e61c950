"""Deliberately simple reference computations the engine is checked against.

Nothing here shares code with psp's engine: links are read straight from their
definitions (FS: the successor starts after the predecessor finishes, …) and
dates are found by relaxing violated links until nothing changes, in whatever
order the links come. Slow (O(tasks × links)) and obviously right.
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

import psp


def link_holds(link: psp.Link, pred: tuple[int, int], succ: tuple[int, int]) -> bool:
    """Whether ``(start, finish)`` periods of predecessor and successor satisfy a link."""
    (p_start, p_finish), (s_start, s_finish), lag = pred, succ, link.lag
    return {
        "FS": s_start >= p_finish + lag,
        "SS": s_start >= p_start + lag,
        "FF": s_finish >= p_finish + lag,
        "SF": s_finish >= p_start + lag,
    }[link.type.value]


def lower_bounds(project: psp.Project) -> dict[str, int]:
    """Each scheduled task's earliest start allowed by the project start and not_before.

    A milestone's not_before on the last day of a period means the boundary after it.
    """
    cal = project.calendar
    bounds = {t.id: 0 for t in project.tasks if not t.is_level_of_effort}
    for c in project.constraints:
        if c.is_start:
            period = cal.period_of(c.date)
            after = c.date != cal.first_day(period)  # only a milestone's may be a last day
            bounds[c.task] = max(bounds[c.task], period + after)
    return bounds


# Time in half periods (see the engine's notes, restated here from the rule's wording):
# boundary b is the instant 2b-1 when a date is the last day of period b-1 and 2b when
# it is the first day of period b. A work task occupying periods s … f-1 starts at 2s
# and finishes at 2f-1; a milestone starts and finishes at its one instant.


def _length(project: psp.Project) -> dict[str, int]:
    return {t.id: max(2 * t.duration - 1, 0) for t in project.tasks}


def _lag2(project: psp.Project, link: psp.Link) -> int:
    dur = {t.id: t.duration for t in project.tasks}
    meet = link.type.value == "SF" and dur[link.predecessor] > 0 and dur[link.successor] > 0
    return 2 * link.lag - meet  # work may finish just as other work starts


def early_instants(project: psp.Project, extra: dict[str, int] | None = None) -> dict[str, int]:
    """Least start instants satisfying every link; ``extra`` adds lower bounds (instants)."""
    length = _length(project)
    cal = project.calendar
    first = {t.id: 0 for t in project.tasks if not t.is_level_of_effort}
    for c in project.constraints:
        if c.is_start:  # the start of a period, or (a milestone's) the end of one
            period = cal.period_of(c.date)
            at = 2 * period if c.date == cal.first_day(period) else 2 * period + 1
            first[c.task] = max(first[c.task], at)
    for task_id, bound in (extra or {}).items():
        first[task_id] = max(first[task_id], bound)
    changed = True
    while changed:
        changed = False
        for link in project.links:
            p, s = link.predecessor, link.successor
            ref = first[p] + (length[p] if link.type.value in ("FS", "FF") else 0)
            need = ref + _lag2(project, link)
            if link.type.value in ("FF", "SF"):  # on the successor's finish
                need -= length[s]
            if length[s] > 0:
                need += need % 2  # work starts at the beginning of a period
            if first[s] < need:
                first[s] = need
                changed = True
    return first


def early_starts(project: psp.Project, extra: dict[str, int] | None = None) -> dict[str, int]:
    """Least early starts (periods) satisfying every link; ``extra`` adds lower bounds."""
    instants = early_instants(project, {t: 2 * b for t, b in (extra or {}).items()})
    return {t: (x + 1) // 2 for t, x in instants.items()}


def largest_slip(
    project: psp.Project, task_id: str, still_fine: Callable[[dict[str, int]], bool]
) -> int:
    """How far a task can be pushed past its early date, in whole periods on the same side,
    while ``still_fine(new start instants)``."""
    base = early_instants(project)
    slip = 0
    while still_fine(early_instants(project, {task_id: base[task_id] + 2 * (slip + 1)})):
        slip += 1
    return slip


def finish_of(project: psp.Project, instants: dict[str, int]) -> int:
    """The boundary after the last period any printed date falls in."""
    length = _length(project)
    return max(((x + length[t]) // 2 + 1 for t, x in instants.items()), default=0)


def late_finishes(project: psp.Project, horizon: int) -> dict[str, int]:
    """Greatest late finishes satisfying every link, at most ``horizon`` and not_after.

    A milestone's latest instant may lie on either side of a boundary.
    """
    cal = project.calendar
    length = _length(project)
    dur = {t.id: t.duration for t in project.tasks}
    early = early_instants(project)
    limit = dict.fromkeys(early, horizon)
    for c in project.constraints:
        if not c.is_start:
            limit[c.task] = min(limit[c.task], cal.period_of(c.date) + 1)

    def latest(task_id: str, x: int) -> int:  # work starts at the beginning of a period
        return x - x % 2 if dur[task_id] > 0 else x

    late = {t: latest(t, 2 * limit[t] - 1 - length[t]) for t in early}
    changed = True
    while changed:
        changed = False
        for link in project.links:
            p, s = link.predecessor, link.successor
            target = late[s] + (length[s] if link.type.value in ("FF", "SF") else 0)
            allow = target - _lag2(project, link)
            if link.type.value in ("FS", "FF"):
                allow -= length[p]
            if late[p] > allow:
                late[p] = latest(p, allow)
                changed = True
    return {t: (x + 1) // 2 + dur[t] for t, x in late.items()}


def early_starts_bellman_ford(project: psp.Project) -> dict[str, int]:
    """Early starts as longest paths from a source, by networkx's Bellman-Ford."""
    dur = {t.id: t.duration for t in project.tasks}
    graph: nx.DiGraph[str] = nx.DiGraph()
    source = object()
    graph.add_node(source)
    for task_id, bound in lower_bounds(project).items():
        graph.add_edge(source, task_id, weight=-bound)
    for link in project.links:
        weight = link.lag
        if link.type.value in ("FS", "FF"):
            weight += dur[link.predecessor]
        if link.type.value in ("FF", "SF"):
            weight -= dur[link.successor]
        # Parallel links: keep the strongest.
        old = graph.get_edge_data(link.predecessor, link.successor, {"weight": 0 + 10**9})
        graph.add_edge(link.predecessor, link.successor, weight=min(old["weight"], -weight))
    dist = nx.single_source_bellman_ford_path_length(graph, source)
    return {t: -d for t, d in dist.items() if t is not source}
