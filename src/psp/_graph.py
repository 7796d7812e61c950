"""Whole-plan validation: every problem at once, and the plan as a DAG for the engine.

networkx does the graph work (the acyclicity check, the topological order,
strongly connected components and one named cycle in each).
"""

from __future__ import annotations

from collections import Counter

import attrs
import networkx as nx

from psp._errors import DateAlignmentError, Problem, ValidationError
from psp._model import Link, Project, TaskKind
from psp._time import format_date

__all__ = ["Network", "network", "problems", "validate"]


@attrs.frozen(eq=False)
class Network:
    """A valid plan as the engine needs it: tasks by position, links as index pairs.

    ``order`` lists the positions of the scheduled tasks (all but level of effort)
    in a topological order; ``links`` holds ``(predecessor, successor, link)``
    with the positions of both ends, in plan order.
    """

    project: Project
    order: tuple[int, ...]
    links: tuple[tuple[int, int, Link], ...]


def _task_problems(project: Project) -> list[Problem]:
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


def _link_problems(project: Project) -> list[Problem]:
    found: list[Problem] = []
    seen: set[tuple[str, str, str]] = set()
    for link in project.links:
        entry = f"task {link.successor}"
        if link.successor not in project:
            found.append(
                Problem(
                    "unknown-task",
                    f"a link from {link.predecessor} goes to {link.successor!r}, "
                    "which is not a task of this plan",
                    f"link {link.predecessor} → {link.successor}",
                )
            )
            continue
        if link.predecessor not in project:
            found.append(
                Problem(
                    "unknown-task",
                    f"depends on {link.predecessor!r}, which is not a task of this plan",
                    entry,
                    "depends",
                )
            )
            continue
        if link.predecessor == link.successor:
            found.append(Problem("self-link", "depends on itself", entry, "depends"))
            continue
        for end in (link.predecessor, link.successor):
            if project.task(end).is_level_of_effort:
                found.append(
                    Problem(
                        "loe-link",
                        f"{end} is level of effort: it spans the project and takes no links",
                        entry,
                        "depends",
                    )
                )
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
    return found


def _date_problems(project: Project) -> list[Problem]:
    found: list[Problem] = []
    cal = project.calendar
    if project.end is not None:
        if project.end < project.start:
            found.append(
                Problem(
                    "end-before-start",
                    f"{format_date(project.end)} is before the start {format_date(project.start)}",
                    "project",
                    "end",
                )
            )
        else:
            try:
                cal.end_boundary(project.end, what="the end")
            except DateAlignmentError as err:
                found.append(Problem(err.code, str(err), "project", "end"))
    kinds_seen: set[tuple[str, bool]] = set()
    for c in project.constraints:
        entry = f"task {c.task}"
        key = "not_before" if c.is_start else "not_after"
        if c.task not in project:
            found.append(Problem("unknown-task", "constrains a task this plan lacks", entry, key))
            continue
        if project.task(c.task).kind is TaskKind.LEVEL_OF_EFFORT:
            found.append(
                Problem("loe-constraint", "level of effort spans the project", entry, key)
            )
        if (c.task, c.is_start) in kinds_seen:
            found.append(Problem("duplicate-constraint", "given more than once", entry, key))
        kinds_seen.add((c.task, c.is_start))
        if c.date < project.start:
            found.append(
                Problem(
                    "constraint-before-start",
                    f"{format_date(c.date)} lies before the project start "
                    f"{format_date(project.start)}",
                    entry,
                    key,
                )
            )
            continue
        try:
            if c.is_start:
                cal.start_period(c.date, what="a start-no-earlier-than date")
            else:
                cal.end_boundary(c.date, what="a finish-no-later-than date")
        except DateAlignmentError as err:
            found.append(Problem(err.code, str(err), entry, key))
    return found


def _graph(project: Project) -> tuple[nx.DiGraph[int], list[tuple[int, int, Link]]]:
    """The DiGraph of links whose ends exist, differ and are not level of effort."""
    index: dict[str, int] = {}
    for i, task in enumerate(project.tasks):
        index.setdefault(task.id, i)  # a duplicate id is reported elsewhere; use the first
    scheduled = [i for i, t in enumerate(project.tasks) if not t.is_level_of_effort]
    edges: list[tuple[int, int, Link]] = []
    for link in project.links:
        u, v = index.get(link.predecessor), index.get(link.successor)
        if u is None or v is None or u == v:
            continue
        if project.tasks[u].is_level_of_effort or project.tasks[v].is_level_of_effort:
            continue
        edges.append((u, v, link))
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_nodes_from(scheduled)
    graph.add_edges_from((u, v) for u, v, _link in edges)
    return graph, edges


def _cycle_problems(project: Project, graph: nx.DiGraph[int]) -> list[Problem]:
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


def _analyse(project: Project) -> tuple[list[Problem], Network | None]:
    found = _task_problems(project) + _link_problems(project) + _date_problems(project)
    graph, edges = _graph(project)
    try:
        order = tuple(nx.topological_sort(graph))
    except nx.NetworkXUnfeasible:
        found += _cycle_problems(project, graph)
        return found, None
    if found:
        return found, None
    return found, Network(project, order, tuple(edges))


def problems(project: Project) -> list[Problem]:
    """Every problem of a plan, in plan order; an empty list for a valid plan.

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
    psp._errors.ValidationError: the plan has 1 problem:
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
