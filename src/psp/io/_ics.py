"""iCalendar (``.ics``), written only: a plan's dates for the calendars project leads keep.

One all-day event per milestone (on psp's milestone date), per deadline (``not_after``:
the day it falls on), per event of the plan (`psp.Event`, on its day), for the
contractual end and, with ``spans=True``, per task (its
early start to its early finish). Every event's ``UID`` is built from the plan's key (its
``id``, else its name), the kind and the task's id, so exporting the plan again updates
the events in a calendar instead of adding them twice; ``SEQUENCE`` counts nothing, and
``DTSTAMP`` is when the file was written (or ``stamp``). Written with ``icalendar``
(extra ``psp[ics]``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from typing import Any

from psp._support.extras import require
from psp._support.files import write_atomically
from psp._support.words import periods, phrase
from psp._version import __version__
from psp.calendars import Lang, format_date
from psp.engine import TaskSchedule, schedule
from psp.io._notes import Note, Notes
from psp.model import Event, Project, TaskKind

__all__ = ["dump_ics", "dumps_ics", "lost", "plan_key"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def plan_key(project: Project) -> str:
    """The plan's part of every UID: its id, else its name in safe characters.

    Examples
    --------
    >>> import psp
    >>> plan_key(psp.Project("Digitale Werkstatt für KMU", "2021-01"))
    'digitale-werkstatt-fur-kmu'
    """
    letters = unicodedata.normalize("NFKD", project.id or project.name)
    plain = "".join(c for c in letters if not unicodedata.combining(c))
    return _UNSAFE.sub("-", plain).strip("-").lower() or "plan"


def dumps_ics(project: Project, *, spans: bool = False, lang: Lang = "de",
              stamp: dt.datetime | None = None) -> str:
    """The plan's milestones, deadlines, contractual end (and task spans) as iCalendar text.

    Parameters
    ----------
    project : Project
        The plan.
    spans : bool
        Also one event per task, from its early start to its early finish.
    lang : {"de", "en"}
        The language of the events' titles.
    stamp : datetime, optional
        The ``DTSTAMP`` (in UTC); by default now.

    Returns
    -------
    str
        The calendar (``\\r\\n`` line ends, as RFC 5545 has them).

    Examples
    --------
    >>> import psp
    >>> text = dumps_ics(psp.load("examples/digitale_werkstatt.toml"), lang="en")
    >>> [line[:40] for line in text.splitlines() if line.startswith("SUMMARY")]
    ['SUMMARY:Milestone M1: Konzeption abgesch', 'SUMMARY:Contractual end: Digitale Werkst']
    """
    icalendar = require("icalendar", extra="ics")
    s = schedule(project)
    key = plan_key(project)
    when = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//psp//psp {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", project.name)
    for ts in s:
        if ts.kind is TaskKind.MILESTONE:
            calendar.add_component(_event(
                icalendar, f"milestone.{ts.id}.{key}@psp", when, ts.start, ts.start,
                phrase("ics.milestone", lang, id=ts.id, name=ts.name),
                _facts(project, ts, lang)))
    for c in project.constraints:
        if not c.is_start:
            task = project.task(c.task)
            calendar.add_component(_event(
                icalendar, f"deadline.{c.task}.{key}@psp", when, c.date, c.date,
                phrase("ics.deadline", lang, id=c.task, name=task.name),
                _facts(project, s[c.task], lang)))
    if project.end is not None:
        calendar.add_component(_event(icalendar, f"end.{key}@psp", when, project.end,
                                      project.end, phrase("ics.end", lang, name=project.name),
                                      project.name))
    for event in project.events:
        calendar.add_component(_event(
            icalendar, f"event.{event.id}.{key}@psp", when, event.date, event.date,
            phrase("ics.event", lang, id=event.id, name=event.name or event.id),
            _event_facts(project, event, lang)))
    if spans:
        for ts in s:
            if ts.kind is not TaskKind.MILESTONE:
                calendar.add_component(_event(
                    icalendar, f"task.{ts.id}.{key}@psp", when, ts.start, ts.finish,
                    phrase("ics.task", lang, id=ts.id, name=ts.name),
                    _facts(project, ts, lang)))
    text: str = calendar.to_ical().decode("utf-8")
    return text


def _event(icalendar: Any, uid: str, when: dt.datetime, first: dt.date, last: dt.date,
           summary: str, description: str) -> Any:
    """An all-day event from ``first`` to ``last`` (``DTEND`` is the day after, as RFC
    5545 counts all-day events)."""
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", when)
    event.add("dtstart", first)
    event.add("dtend", last + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a plan's date does not make anyone busy
    return event


def _event_facts(project: Project, event: Event, lang: Lang) -> str:
    """The project, the event's kind, what it belongs to, its participants and note."""
    parts = [project.name, phrase(f"event.kind.{event.kind.value}", lang)]
    owner = event.task or event.package
    if owner is not None:
        parts.append(owner)
    if event.participants is not None:
        parts.append(phrase("event.participants", lang, count=event.participants))
    if event.note:
        parts.append(event.note)
    return " · ".join(parts)


def _facts(project: Project, ts: TaskSchedule, lang: Lang) -> str:
    return phrase("ics.facts", lang, project=project.name, date=format_date(ts.start, lang=lang),
                  float=periods(ts.total_float, project.unit.value, lang))


def lost(project: Project) -> tuple[Note, ...]:
    """What a calendar does not hold of a plan: everything but its dates.

    Parameters
    ----------
    project : Project
        The plan.

    Returns
    -------
    tuple of Note
        One note: the calendar holds dates, not the plan (it is not read back).

    Examples
    --------
    >>> import psp
    >>> [n.code for n in lost(psp.load("examples/digitale_werkstatt.toml"))]
    ['calendar-only']
    """
    notes = Notes()
    notes.add("calendar-only", "a calendar holds the plan's dates (milestones, deadlines, "
              "events, the end), not the plan: psp does not read it back")
    return notes.done()


def dump_ics(project: Project, path: str | os.PathLike[str], *, spans: bool = False,
             lang: Lang = "de") -> None:
    """Write the plan's dates as an iCalendar file (see `dumps_ics`); never half a file.

    Parameters
    ----------
    project : Project
        The plan.
    path : str or path-like
        The ``.ics`` file.
    spans : bool
        Also one event per task.
    lang : {"de", "en"}
        The language of the events' titles.

    Returns
    -------
    None

    Examples
    --------
    >>> import psp, tempfile, pathlib
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     dump_ics(plan, pathlib.Path(folder) / "plan.ics")
    ...     (pathlib.Path(folder) / "plan.ics").read_bytes().count(b"BEGIN:VEVENT")
    2
    """
    text = dumps_ics(project, spans=spans, lang=lang)
    write_atomically(path, lambda partial: partial.write_bytes(text.encode("utf-8")))
