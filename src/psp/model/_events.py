"""Events: dated points inside a plan (a kick-off, a workshop, a council meeting).

An event is day-exact whatever the plan's unit: a month plan may hold the kick-off on
22.09.2020. It may belong to a task or a work package; it never moves with them and
never moves them. That it lies inside the project and inside its task's span is
checked against the schedule (`psp.engine.event_warnings`): an event that does not is
a warning, not an error, since events are facts that happened where they happened.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from psp._support.render import Table
from psp._support.words import HEADINGS, LABELS, phrase
from psp.calendars import Lang, Month, format_date, parse_date
from psp.errors import DateParseError, DateRangeError, FieldError, FieldTypeError
from psp.model._fields import check_id, check_text, in_years, to_enum

__all__ = ["Event", "EventKind", "event_table"]


class EventKind(enum.StrEnum):
    """What kind of event: an event in general, or one of the kinds councils report."""

    EVENT = "event"
    """An event (*Veranstaltung*): a kick-off, an information day."""
    MEETING = "meeting"
    """A meeting of a board, a working group, a council committee (*Sitzung*)."""
    WORKSHOP = "workshop"
    PRESENTATION = "presentation"
    """Results presented (*Präsentation*)."""
    PUBLICATION = "publication"
    """Something published: a magazine, a paper (*Veröffentlichung*)."""
    DEADLINE = "deadline"
    """A date something is due by (*Frist*)."""


_DAY_EXPECTED = "a day like 22.09.2020 or 2020-09-22 (an event is day-exact)"


def _day(value: object) -> dt.date:
    if isinstance(value, Month):
        raise FieldError("Event", "date", _DAY_EXPECTED, str(value))
    if isinstance(value, str):
        try:
            first, last = parse_date(value, edge="start"), parse_date(value, edge="end")
        except (DateParseError, DateRangeError) as err:
            raise FieldError("Event", "date", _DAY_EXPECTED, value) from err
        if first != last:  # a month alone: which of its days?
            raise FieldError("Event", "date", _DAY_EXPECTED, value)
        return first
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise FieldTypeError("Event", "date", _DAY_EXPECTED, value)
    if not in_years(value):
        raise FieldError("Event", "date", "a date in psp's years", value)
    return value


def _kind(value: object) -> EventKind:
    return to_enum(EventKind, "Event", "kind", value)


def _participants(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldTypeError("Event", "participants", "a whole number of people", value)
    if value < 0:
        raise FieldError("Event", "participants", "a whole number of people ≥ 0", value)
    return value


@attrs.frozen
class Event:
    """A dated point in a plan: id, name, day, and optionally the task or package it belongs to.

    ``kind`` says what it is (`EventKind`); ``note`` is free text; ``participants``
    the number of people who came, when it is known.

    Examples
    --------
    >>> e = Event("kickoff", "Kick-off auf dem CHIO-Gelände", "22.09.2020",
    ...           package="AP1", participants=130)
    >>> e.date, e.kind, e.package
    (datetime.date(2020, 9, 22), <EventKind.EVENT: 'event'>, 'AP1')
    >>> Event("x", date="2020-09")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    psp.errors.FieldError: Event.date: expected a day like 22.09.2020 ... got '2020-09'
    """

    id: str = attrs.field(validator=check_id("Event"))
    name: str = attrs.field(default="", validator=check_text("Event"))
    date: dt.date = attrs.field(default=None, converter=_day)
    task: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_id("Event")), kw_only=True)
    package: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_id("Event")), kw_only=True)
    kind: EventKind = attrs.field(default=EventKind.EVENT, converter=_kind, kw_only=True)
    note: str = attrs.field(default="", validator=check_text("Event"), kw_only=True)
    participants: int | None = attrs.field(default=None, converter=_participants,
                                           kw_only=True)


def event_table(events: Iterable[Event], *, lang: Lang = "de") -> Table:
    """The events as a table: id, date, name, kind, the task or package, and the note.

    The note gains the participants when they are known. Every output that lists a
    plan's events (the schedule's text, the Projektstrukturplan table, status reports)
    prints this table, so an event reads the same in each.

    Parameters
    ----------
    events : iterable of Event
        In the order to list them (a plan keeps its events in date order).
    lang : {"de", "en"}
        The language of the headings, the kinds and the dates.

    Returns
    -------
    Table
        One row per event, titled ``Termine`` / ``Events``.

    Examples
    --------
    >>> t = event_table([Event("kickoff", "Kick-off", "22.09.2020", package="AP1",
    ...                        participants=130)], lang="en")
    >>> t.header
    ('id', 'date', 'event', 'kind', 'of', 'note')
    >>> t.rows[0]
    ('kickoff', '2020-09-22', 'Kick-off', 'event', 'AP1', '130 participants')
    """
    rows = []
    for event in events:
        note = [phrase("event.participants", lang, count=event.participants)] if (
            event.participants is not None) else []
        if event.note:
            note.append(event.note)
        rows.append((event.id, format_date(event.date, lang=lang), event.name,
                     phrase(f"event.kind.{event.kind.value}", lang),
                     event.task or event.package or "", "; ".join(note)))
    return Table(HEADINGS["events"][lang], rows, title=LABELS["gantt"][lang]["events"])
