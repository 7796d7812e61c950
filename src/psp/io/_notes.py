"""What a reader of another tool's file could not take over as it was: notes, one per kind.

A reader never changes what the file says without saying so. Each kind of loss or
approximation becomes one `Note` naming every entry it touched; `Reading` carries the
plan and its notes; `ConversionWarning` is how `psp.io.load` reports them to callers who
only want the plan.
"""

from __future__ import annotations

import warnings

import attrs

from psp.model import CostRules, Project

__all__ = ["ConversionWarning", "Note", "Reading", "left_out"]


class ConversionWarning(UserWarning):
    """A file was read or written with something dropped or approximated (see `Note`)."""


@attrs.frozen
class Note:
    """One kind of loss or approximation, and every entry it touched.

    Examples
    --------
    >>> print(Note("elapsed-duration", "elapsed durations counted in working days",
    ...            ("Task UID 8", "Task UID 9")))
    elapsed-duration: elapsed durations counted in working days (Task UID 8, Task UID 9)
    """

    code: str
    message: str
    entries: tuple[str, ...] = ()

    def __str__(self) -> str:
        shown = ", ".join(self.entries[:8])
        more = f" and {len(self.entries) - 8} more" if len(self.entries) > 8 else ""
        where = f" ({shown}{more})" if self.entries else ""
        return f"{self.code}: {self.message}{where}"


@attrs.frozen
class Reading:
    """A plan read from another tool's file, with what could not be taken over as it was.

    Examples
    --------
    >>> import psp
    >>> r = Reading(psp.Project("Demo", "2021-01"))
    >>> r.plan.name, r.notes
    ('Demo', ())
    """

    plan: Project
    notes: tuple[Note, ...] = ()

    def warn(self, file: str) -> Project:
        """Issue each note as a `ConversionWarning` naming the file; return the plan."""
        for note in self.notes:
            warnings.warn(f"{file}: {note}", ConversionWarning, stacklevel=3)
        return self.plan


class Notes:
    """Notes gathered while reading, one per code, entries in the order met."""

    def __init__(self) -> None:
        self._found: dict[str, tuple[str, list[str]]] = {}

    def add(self, code: str, message: str, entry: str | None = None) -> None:
        """Record that ``entry`` met the loss ``code`` (worded by ``message``)."""
        entries = self._found.setdefault(code, (message, []))[1]
        if entry is not None and entry not in entries:
            entries.append(entry)

    def done(self) -> tuple[Note, ...]:
        """The notes, one per code."""
        return tuple(Note(code, message, tuple(entries))
                     for code, (message, entries) in self._found.items())


def left_out(project: Project, fmt: str, *, holds_id: bool = False) -> tuple[Note, ...]:
    """What a format named ``fmt`` cannot hold of a plan: budget positions, cost rules,
    events, three-point estimates, risk events and, unless it ``holds_id``, the plan's id.

    Examples
    --------
    >>> import psp
    >>> [str(n) for n in left_out(psp.Project("Demo", "2021-01", id="demo"), "GanttProject")]
    ["project-id: GanttProject holds no project id: 'demo' left out"]
    """
    notes = Notes()
    for position in project.positions:
        notes.add("positions", f"{fmt} holds no budget positions: left out",
                  f"position {position.id}")
    if project.rules != CostRules():
        notes.add("cost-rules", f"{fmt} holds no pay grades or cost rules: left out")
    if project.id is not None and not holds_id:
        notes.add("project-id", f"{fmt} holds no project id: {project.id!r} left out")
    for event in project.events:
        notes.add("events", f"{fmt} holds no dated events: left out", f"event {event.id}")
    for estimate in project.estimates:
        notes.add("estimates", f"{fmt} holds no three-point estimates: optimistic and "
                  "pessimistic left out", f"task {estimate.task}")
    for risk in project.risks:
        notes.add("risks", f"{fmt} holds no risk events: left out", f"risk {risk.id}")
    return notes.done()
