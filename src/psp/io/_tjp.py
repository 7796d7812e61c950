"""TaskJuggler (``.tjp``), written only: a project TaskJuggler 3 schedules to psp's dates.

Packages become tasks holding their tasks; owners become resources, named ``responsible``
for their tasks (not allocated, so TaskJuggler does not level them). Durations are
calendar days (``duration``) — or working days (``length``) in a plan of them — counted
from psp's schedule, so a month keeps its own length instead of TaskJuggler's 30.4 days.
Links are ``depends`` with ``gapduration`` (``gaplength``): FS from the predecessor's end,
SS ``onstart``; FF and SF bound the successor's end, which TaskJuggler cannot, so they are
written as the start they imply where that gap is not negative and otherwise left out
(noted). A ``not_before`` is a milestone the task depends on; ``not_after`` is
``maxend`` (TaskJuggler warns when it is missed); the status date is ``now`` and progress
``complete``; level-of-effort tasks keep their scheduled span.
"""

from __future__ import annotations

import datetime as dt
import os
import re

import attrs

from psp._support.files import write_text
from psp.calendars import Calendar, Unit
from psp.engine import Schedule, TaskSchedule, schedule
from psp.io._notes import Note, Notes, left_out
from psp.io._shared import grouped
from psp.model import Actual, Link, LinkType, Project, Task, TaskKind

__all__ = ["dump_tjp", "dumps_tjp", "lost"]

_NOT_AN_ID = re.compile(r"[^A-Za-z0-9_]")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ids(project: Project) -> dict[str, str]:
    """TaskJuggler ids (letters, digits, ``_``; no leading digit), unique, with full paths."""
    local: dict[str, str] = {}
    taken: set[str] = set()
    for key in [p.id for p in project.packages] + [t.id for t in project.tasks]:
        word = "t_" + _NOT_AN_ID.sub("_", key)
        while word in taken:
            word += "_"
        taken.add(word)
        local[key] = word
    return {t.id: (f"{local[t.package]}.{local[t.id]}" if t.package else local[t.id])
            for t in project.tasks} | {p.id: local[p.id] for p in project.packages}


def dumps_tjp(project: Project) -> str:
    """The plan as a TaskJuggler 3 project (see the module's description).

    Parameters
    ----------
    project : Project
        The plan.

    Returns
    -------
    str
        The ``.tjp`` text.

    Examples
    --------
    >>> import psp
    >>> text = dumps_tjp(psp.load("examples/digitale_werkstatt.toml"))
    >>> print(text.splitlines()[0])
    project plan "Digitale Werkstatt für den Mittelstand – MACH 4.0" 2020-09-01 - 2021-09-01 {
    >>> print(next(line.strip() for line in text.splitlines() if "depends" in line))
    depends t_AP1.t_1_1 { onstart gapduration 0d }
    """
    return "\n".join(_lines(project, schedule(project), Notes())) + "\n"


@attrs.define
class _Writer:
    """What every task's lines need, worked out once per plan; the bounds found on the way."""

    project: Project
    s: Schedule
    notes: Notes
    ids: dict[str, str]
    resources: dict[str, str]
    into: dict[str, list[Link]]
    starts: dict[str, dt.date]
    ends: dict[str, list[dt.date]]
    actuals: dict[str, Actual]
    bounds: dict[str, dt.date] = attrs.Factory(dict)


def _writer(project: Project, s: Schedule, notes: Notes) -> _Writer:
    owners = dict.fromkeys(o for t in project.tasks for o in t.owners)
    into: dict[str, list[Link]] = {}
    for link in project.links:
        into.setdefault(link.successor, []).append(link)
    ends: dict[str, list[dt.date]] = {}
    for c in project.constraints:
        if not c.is_start:
            ends.setdefault(c.task, []).append(c.date)
    return _Writer(project, s, notes, _ids(project),
                   {name: f"r{n}" for n, name in enumerate(owners, start=1)}, into,
                   {c.task: c.date for c in project.constraints if c.is_start}, ends,
                   {a.task: a for a in project.actuals})


def _lines(project: Project, s: Schedule, notes: Notes) -> list[str]:
    w = _writer(project, s, notes)
    end = max(project.end or s.finish, s.finish) + dt.timedelta(days=1)
    key = "t_" + _NOT_AN_ID.sub("_", project.id) if project.id else "plan"
    lines = [f"project {key} {_quoted(project.name)} {project.start} - {end} {{",
             '  timezone "Europe/Berlin"', '  timeformat "%Y-%m-%d"']
    if project.status is not None:
        lines.append(f"  now {project.status}")
    lines.append("}")
    lines += [f"resource {r} {_quoted(name)}" for name, r in w.resources.items()]
    for package, members in grouped(project):
        indent = "" if package is None else "  "
        if package is not None:
            lines.append(f"task {w.ids[package.id]} {_quoted(package.name)} {{")
        for task in members:
            lines += [indent + line for line in _task(w, task)]
        if package is not None:
            lines.append("}")
    for bounded in (t.id for t in project.tasks if t.id in w.bounds):
        # one milestone per bound, for its task to depend on
        lines += [f"task {_bound_id(w.ids, bounded)} {_quoted(f'not before: {bounded}')} {{",
                  "  milestone", f"  start {w.bounds[bounded]}", "}"]
    return lines


def _task(w: _Writer, task: Task) -> list[str]:
    ts, cal = w.s[task.id], w.project.calendar
    body = []
    if task.kind is TaskKind.MILESTONE:
        body.append("milestone")
    else:
        if task.is_level_of_effort:
            w.notes.add("level-of-effort", "TaskJuggler has no level-of-effort tasks: the "
                        "span psp scheduled was written as a duration", f"task {task.id}")
        days = cal.days_between(ts.start_period, ts.finish_period)
        body.append(f"{_span_word(cal)} {days}d")
    links = w.into.get(task.id, [])
    depends = [d for link in links if (d := _depend(cal, w.s, link, w.ids, w.notes))]
    # beyond its written links: its not_before, or its start where a link was left out
    bound = _day(cal, ts) if len(depends) < len(links) else w.starts.get(task.id)
    if bound is not None:
        w.bounds[task.id] = bound
        depends.append(f"depends {_bound_id(w.ids, task.id)}")
    if not depends:
        body.append(f"start {_day(cal, ts)}")
    body += depends
    body += [f"maxend {day + dt.timedelta(days=1)}" for day in w.ends.get(task.id, [])]
    if task.owners:
        body.append("responsible " + ", ".join(w.resources[o] for o in task.owners))
    actual = w.actuals.get(task.id)
    if actual is not None:
        body.append(f"complete {100 if actual.finish is not None else 50}")
    word = w.ids[task.id].split(".")[-1]
    return [f"task {word} {_quoted(task.name)} {{", *("  " + b for b in body), "}"]


def _span_word(cal: Calendar) -> str:
    return "length" if cal.unit is Unit.WORKDAY else "duration"


def _gap_word(cal: Calendar) -> str:
    return "gaplength" if cal.unit is Unit.WORKDAY else "gapduration"


def _day(cal: Calendar, ts: TaskSchedule) -> dt.date:
    """The day a task starts as TaskJuggler counts it: a milestone at the start of the day
    after its boundary."""
    return cal.first_day(ts.start_period)


def _depend(cal: Calendar, s: Schedule, link: Link, ids: dict[str, str],
            notes: Notes) -> str | None:
    """The link as a bound on the successor's start; None (noted) when TaskJuggler cannot
    say it."""
    before, after = s[link.predecessor], s[link.successor]
    anchor = before.finish_period if link.type.from_finish else before.start_period
    shift = link.lag - (after.finish_period - after.start_period if link.type.to_finish else 0)
    gap = cal.days_between(anchor, anchor + shift) if cal.unit is not Unit.WORKDAY else shift
    if gap < 0:
        notes.add("tjp-link", "TaskJuggler knows no leads nor links to a task's end that "
                  "come before its start: left out, the successor's start kept instead",
                  f"{link.predecessor} → {link.successor}")
        return None
    on = "onstart " if not link.type.from_finish else ""
    if link.type in (LinkType.FF, LinkType.SF) and shift != link.lag:
        notes.add("tjp-end-link", "a link to a task's end was written as the start it implies",
                  f"{link.predecessor} → {link.successor}")
    return f"depends {ids[link.predecessor]} {{ {on}{_gap_word(cal)} {gap}d }}"


def _bound_id(ids: dict[str, str], task: str) -> str:
    return f"nb_{ids[task].split('.')[-1]}"


def lost(project: Project) -> tuple[Note, ...]:
    """What a TaskJuggler file does not hold as psp does (budget, events, links it cannot say …).

    Parameters
    ----------
    project : Project
        The plan.

    Returns
    -------
    tuple of Note

    Examples
    --------
    >>> import psp
    >>> [n.code for n in lost(psp.load("examples/digitale_werkstatt.toml"))]
    ['tjp-link', 'level-of-effort', 'positions']
    """
    notes = Notes()
    _lines(project, schedule(project), notes)
    if project.actuals:
        notes.add("tjp-progress", "TaskJuggler gets percent complete, not the actual dates")
    return (*notes.done(), *left_out(project, "TaskJuggler", holds_id=True))


def dump_tjp(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the plan as a TaskJuggler project (see `dumps_tjp`); never half a file.

    Parameters
    ----------
    project : Project
        The plan.
    path : str or path-like
        The ``.tjp`` file.

    Returns
    -------
    None

    Examples
    --------
    >>> import psp, tempfile, pathlib
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     dump_tjp(plan, pathlib.Path(folder) / "plan.tjp")
    ...     (pathlib.Path(folder) / "plan.tjp").read_text(encoding="utf-8").count("milestone")
    6
    """
    text = dumps_tjp(project)
    write_text(path, text)
