"""A schedule as data: the fixed JSON form, CSV and plain text."""

from __future__ import annotations

import itertools
import json
import warnings
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring as json_text
from typing import TYPE_CHECKING, Any

from psp._support.render import csv_text
from psp.calendars import Lang
from psp.engine._cpm import RECORD_FIELDS, Schedule

if TYPE_CHECKING:  # a schedule's JSON needs no replanning loaded
    from psp.replanning import Cause, Replan

__all__ = ["as_csv", "as_dict", "as_json"]


def as_dict(schedule: Schedule | Replan, *, lang: Lang = "de") -> dict[str, Any]:
    """The schedule in the fixed JSON form (ISO dates, floats in periods).

    ``{"project": {"start", "finish", "end", "slack", "deadlines_missed": [{"id",
    "not_after", "finish", "by"}]}, "critical_path": [ids], "critical_chains": [[ids]],
    "tasks": [{"id", "package", "name", "owners", "kind", "duration", "start", "finish",
    "late_start", "late_finish", "total_float", "free_float", "critical"}]}``: per task
    the columns of the CSV (``package`` is ``None`` when there is none); ``end`` and
    ``slack`` are ``None`` without a contractual end. A plan with events adds
    ``"events": [{"id", "name", "date", "kind", "task", "package", "note",
    "participants"}]`` in date order.

    Parameters
    ----------
    schedule : Schedule or Replan
        What to write.
    lang : {"de", "en"}
        The language of a replan's reasons.

    Returns
    -------
    dict
        Plain values, ready for ``json.dumps``.

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> for key, value in as_dict(s)["tasks"][10].items():
    ...     print(f"{key:12} {value}")
    id           2.6
    package      AP2
    name         Untersuchen, Darstellen und Bewerten von Varianten
    owners       3win
    kind         work
    duration     1
    start        2021-01-01
    finish       2021-01-31
    late_start   2021-08-01
    late_finish  2021-08-31
    total_float  7
    free_float   7
    critical     False

    A `Replan` gives the new schedule in that form plus ``"changes"`` (every task that
    moved: ``id``, ``start_shift``, ``finish_shift`` in periods, ``reason`` in ``lang``,
    ``cause`` as values: ``{"kind", "link": {"from", "to", "type", "lag"}, "date",
    "durations"}``, each part ``None`` where it does not apply)
    and ``"baseline"`` (``finish``, ``end``, ``slack`` before the changes).
    """
    if not isinstance(schedule, Schedule):  # a Replan
        return {**as_dict(schedule.after), **_replan_part(schedule, lang)}
    return {
        "project": _project(schedule),
        "critical_path": list(schedule.critical_path),
        "critical_chains": [list(chain) for chain in schedule.critical_chains],
        "tasks": [dict(zip(RECORD_FIELDS, row, strict=True))
                  for row in schedule.rows(iso=True)],
        **_events(schedule),
    }


def _events(schedule: Schedule) -> dict[str, Any]:
    """The ``events`` part of the JSON form, when the plan has events."""
    if not schedule.project.events:
        return {}
    return {"events": [
        {"id": e.id, "name": e.name, "date": e.date.isoformat(), "kind": e.kind.value,
         "task": e.task, "package": e.package, "note": e.note, "participants": e.participants}
        for e in schedule.project.events]}


def _replan_part(replan: Replan, lang: Lang) -> dict[str, Any]:
    """What a replan's JSON adds to its new schedule's: the changes and the baseline."""
    before = _project(replan.before)
    return {
        "changes": [
            {"id": s.id, "start_shift": s.start_shift, "finish_shift": s.finish_shift,
             "reason": s.reason, "cause": _cause(s.cause)}
            for s in replan.shifts(lang=lang, moved_only=True)
        ],
        "baseline": {k: before[k] for k in ("finish", "end", "slack")},
    }


def _project(schedule: Schedule) -> dict[str, Any]:
    """The ``project`` part of the JSON form: the whole plan's dates and deadlines."""
    return {
        "start": schedule.start.isoformat(),
        "finish": schedule.finish.isoformat(),
        "end": None if schedule.end is None else schedule.end.isoformat(),
        "slack": schedule.slack,
        "deadlines_missed": [
            {"id": m.id, "not_after": m.not_after.isoformat(),
             "finish": m.finish.isoformat(), "by": m.by}
            for m in schedule.deadlines_missed
        ],
    }


def _cause(cause: Cause | None) -> dict[str, Any] | None:
    if cause is None:
        return None
    link = cause.link
    return {
        "kind": cause.kind.value,
        "link": None if link is None else {"from": link.predecessor, "to": link.successor,
                                           "type": link.type.value, "lag": link.lag},
        "date": None if cause.date is None else cause.date.isoformat(),
        "durations": None if cause.durations is None else list(cause.durations),
    }


def as_json(schedule: Schedule | Replan, *, indent: int | None = 2, lang: Lang = "de") -> str:
    """`as_dict` as JSON text (UTF-8 characters kept, not escaped).

    Parameters
    ----------
    schedule : Schedule or Replan
        What to write.
    indent : int or None
        JSON indentation (``None``: one line).
    lang : {"de", "en"}
        The language of a replan's reasons.

    Returns
    -------
    str

    Examples
    --------
    >>> import psp, json
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> json.loads(as_json(s))["critical_path"][-1]
    '4.5'
    """
    if indent is not None:
        return json.dumps(as_dict(schedule, lang=lang), indent=indent, ensure_ascii=False)
    if not isinstance(schedule, Schedule):  # a Replan
        return _compact(schedule.after, {**_events(schedule.after),
                                         **_replan_part(schedule, lang)})
    return _compact(schedule, _events(schedule))


def _compact(schedule: Schedule, extra: dict[str, Any]) -> str:
    """``json.dumps(as_dict(...))`` to the character, the tasks written from columns.

    A dict per task is what makes the JSON of a large plan slow; here each column is
    encoded in one pass (packages and kinds once per value) and each row is one join
    of its keys and values. ``extra`` keys follow the tasks, as in `as_dict`.
    """
    head = json.dumps({"project": _project(schedule),
                       "critical_path": list(schedule.critical_path),
                       "critical_chains": [list(c) for c in schedule.critical_chains]},
                      ensure_ascii=False)
    n = len(schedule.project.tasks)
    # Each row but the first closes the one before it, so one join makes the whole text.
    keys = [itertools.chain(_KEYS[:min(n, 1)], itertools.repeat("}, " + _KEYS[0], n - 1)),
            *(itertools.repeat(key, n) for key in _KEYS[1:])]
    values = [encode(column) for encode, column in
              zip(_ENCODERS, schedule.columns(iso=True), strict=True)]
    rows = map("".join, zip(*itertools.chain.from_iterable(zip(keys, values, strict=True)),
                            strict=True))
    tail = json.dumps(extra, ensure_ascii=False)[1:-1]
    return "".join([f'{head[:-1]}, "tasks": [', *rows,
                    f'{"}" if n else ""}]{", " if tail else ""}{tail}}}'])


def _texts(values: Sequence[str]) -> list[str]:
    return list(map(json_text, values))


def _numbers(values: Sequence[int]) -> list[str]:
    return list(map(int.__repr__, values))


def _flags(values: Sequence[bool]) -> list[str]:
    return list(map(_FLAG.__getitem__, values))


def _dates(values: list[str]) -> list[str]:
    """ISO dates as they come: digits and dashes, between the quotes `_KEYS` holds."""
    return values


def _few(values: Sequence[str | None]) -> list[str]:
    """A column of few distinct texts or ``None`` (packages, kinds), each encoded once."""
    codes = {value: "null" if value is None else json_text(value) for value in set(values)}
    return list(map(codes.__getitem__, values))


_FLAG = {True: "true", False: "false"}
# How each column of `RECORD_FIELDS` is written. Dates come as ISO text (nothing to
# escape): their quotes are part of the text around them, in `_KEYS`.
_ENCODERS: tuple[Callable[[Any], list[str]], ...] = (
    _texts, _few, _texts, _texts, _few, _numbers, _dates, _dates, _dates, _dates,
    _numbers, _numbers, _flags)


def _key(n: int) -> str:
    """The text before the ``n``-th value of a task's object: comma, key and quotes."""
    after_date = n > 0 and _ENCODERS[n - 1] is _dates
    return (("{" if n == 0 else '", ' if after_date else ", ") + f'"{RECORD_FIELDS[n]}": '
            + ('"' if _ENCODERS[n] is _dates else ""))


_KEYS = tuple(map(_key, range(len(RECORD_FIELDS))))


def as_csv(schedule: Schedule, *, excel: bool = False) -> str:
    """One row per task: ids, names, owners, ISO dates, floats in periods, ``critical`` 0/1.

    Parameters
    ----------
    schedule : Schedule
        The schedule.
    excel : bool
        As German Excel opens it: ``;``, a byte order mark, ids kept as text
        (`psp._support.render.csv_text`).

    Returns
    -------
    str
        The CSV text, a header row first (the fields of `Schedule.to_records`).

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> print(as_csv(s).splitlines()[0])
    id,package,name,owners,kind,duration,start,finish,late_start,late_finish,total_float,free_float,critical
    >>> import csv, io
    >>> next(csv.reader(io.StringIO(as_csv(s, excel=True)[1:].splitlines()[1]),
    ...                 delimiter=";"))[:2]
    ['="1.1"', 'AP1']
    """
    return csv_text(RECORD_FIELDS, schedule.rows(iso=True), excel=excel)


def as_text(schedule: Schedule, *, lang: Lang = "de") -> str:
    """Deprecated since psp 0.2 (removed in 0.3): use ``schedule.to_text(lang=…)``.

    It only forwarded to `Schedule.to_text`.
    """
    warnings.warn("psp.export.as_text() is deprecated and goes in psp 0.3; use "
                  "schedule.to_text(lang)", DeprecationWarning, stacklevel=2)
    return schedule.to_text(lang=lang)
