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
    """Each scheduled task's earliest start allowed by the project start and not_before."""
    cal = project.calendar
    bounds = {t.id: 0 for t in project.tasks if not t.is_level_of_effort}
    for c in project.constraints:
        if c.is_start:
            bounds[c.task] = max(bounds[c.task], cal.period_of(c.date))
    return bounds


def early_starts(project: psp.Project, extra: dict[str, int] | None = None) -> dict[str, int]:
    """Least early starts satisfying every link; ``extra`` adds start lower bounds."""
    dur = {t.id: t.duration for t in project.tasks}
    start = lower_bounds(project)
    for task_id, bound in (extra or {}).items():
        start[task_id] = max(start[task_id], bound)
    changed = True
    while changed:
        changed = False
        for link in project.links:
            p, s, lag = link.predecessor, link.successor, link.lag
            p_start, p_finish = start[p], start[p] + dur[p]
            need = {
                "FS": p_finish + lag,  # s starts after p finishes
                "SS": p_start + lag,  # s starts after p starts
                "FF": p_finish + lag - dur[s],  # s finishes after p finishes
                "SF": p_start + lag - dur[s],  # s finishes after p starts
            }[link.type.value]
            if start[s] < need:
                start[s] = need
                changed = True
    return start


def largest_slip(
    project: psp.Project, task_id: str, still_fine: Callable[[dict[str, int]], bool]
) -> int:
    """How far a task can be pushed past its early start while ``still_fine(new starts)``."""
    base = early_starts(project)
    slip = 0
    while still_fine(early_starts(project, {task_id: base[task_id] + slip + 1})):
        slip += 1
    return slip


def finish_of(project: psp.Project, starts: dict[str, int]) -> int:
    dur = {t.id: t.duration for t in project.tasks}
    return max((s + dur[t] for t, s in starts.items()), default=0)


def late_finishes(project: psp.Project, horizon: int) -> dict[str, int]:
    """Greatest late finishes satisfying every link, at most ``horizon`` and not_after."""
    cal = project.calendar
    dur = {t.id: t.duration for t in project.tasks}
    finish = {t.id: horizon for t in project.tasks if not t.is_level_of_effort}
    for c in project.constraints:
        if not c.is_start:
            finish[c.task] = min(finish[c.task], cal.period_of(c.date) + 1)
    changed = True
    while changed:
        changed = False
        for link in project.links:
            p, s, lag = link.predecessor, link.successor, link.lag
            s_start, s_finish = finish[s] - dur[s], finish[s]
            allow = {
                "FS": s_start - lag,
                "SS": s_start - lag + dur[p],
                "FF": s_finish - lag,
                "SF": s_finish - lag + dur[p],
            }[link.type.value]
            if finish[p] > allow:
                finish[p] = allow
                changed = True
    return finish


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
