"""A schedule as data: the fixed JSON form, CSV and plain text."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from psp._support.render import spreadsheet_safe
from psp.calendars import Lang
from psp.engine._cpm import Schedule
from psp.replanning._replan import Replan

__all__ = ["as_csv", "as_dict", "as_json", "as_text"]


def as_dict(schedule: Schedule | Replan, *, lang: Lang = "de") -> dict[str, Any]:
    """The schedule in the fixed JSON form (ISO dates, floats in periods).

    ``{"project": {"start", "finish", "end", "slack", "deadlines_missed": [{"id",
    "not_after", "finish", "by"}]}, "critical_path": [ids], "critical_chains": [[ids]],
    "tasks": [{"id", "name", "package", "owners", "kind", "duration", "start", "finish",
    "late_start", "late_finish", "total_float", "free_float", "critical"}]}``: per task
    the columns of the CSV (``package`` is ``None`` when there is none); ``end`` and
    ``slack`` are ``None`` without a contractual end.

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> for key, value in as_dict(s)["tasks"][10].items():
    ...     print(f"{key:12} {value}")
    id           2.6
    name         Untersuchen, Darstellen und Bewerten von Varianten
    package      AP2
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
    moved: ``id``, ``start_shift``, ``finish_shift`` in periods, ``reason`` in ``lang``)
    and ``"baseline"`` (``finish``, ``end``, ``slack`` before the changes).
    """
    if isinstance(schedule, Replan):
        before = as_dict(schedule.before)["project"]
        data = as_dict(schedule.after)
        data["changes"] = [
            {"id": s.id, "start_shift": s.start_shift, "finish_shift": s.finish_shift,
             "reason": s.reason}
            for s in schedule.shifts(lang, moved_only=True)
        ]
        data["baseline"] = {k: before[k] for k in ("finish", "end", "slack")}
        return data
    return {
        "project": {
            "start": schedule.start.isoformat(),
            "finish": schedule.finish.isoformat(),
            "end": None if schedule.end is None else schedule.end.isoformat(),
            "slack": schedule.slack,
            "deadlines_missed": [
                {"id": m.id, "not_after": m.not_after.isoformat(),
                 "finish": m.finish.isoformat(), "by": m.by}
                for m in schedule.deadlines_missed
            ],
        },
        "critical_path": list(schedule.critical_path),
        "critical_chains": [list(chain) for chain in schedule.critical_chains],
        "tasks": [
            {
                "id": t.id,
                "start": t.start.isoformat(),
                "finish": t.finish.isoformat(),
                "late_start": t.late_start.isoformat(),
                "late_finish": t.late_finish.isoformat(),
                "total_float": t.total_float,
                "free_float": t.free_float,
                "critical": t.critical,
            }
            for t in schedule
        ],
    }


def as_json(schedule: Schedule | Replan, *, indent: int | None = 2, lang: Lang = "de") -> str:
    """`as_dict` as JSON text (UTF-8 characters kept, not escaped).

    Examples
    --------
    >>> import psp, json
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> json.loads(as_json(s))["critical_path"][-1]
    '4.5'
    """
    return json.dumps(as_dict(schedule, lang=lang), indent=indent, ensure_ascii=False)


CSV_COLUMNS = (
    "id", "package", "name", "owners", "kind", "duration", "start", "finish",
    "late_start", "late_finish", "total_float", "free_float", "critical",
)


def as_csv(schedule: Schedule) -> str:
    """One row per task: ids, names, owners, ISO dates, floats in periods, ``critical`` 0/1.

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> print(as_csv(s).splitlines()[0])
    id,package,name,owners,kind,duration,start,finish,late_start,late_finish,total_float,free_float,critical
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for t in schedule:
        writer.writerow([
            *(spreadsheet_safe(text) for text in (t.id, t.task.package or "", t.task.name,
                                                  t.task.owner_label)),
            t.task.kind.value,
            t.duration, t.start.isoformat(), t.finish.isoformat(),
            t.late_start.isoformat(), t.late_finish.isoformat(),
            t.total_float, t.free_float, int(t.critical),
        ])
    return out.getvalue()


def as_text(schedule: Schedule, *, lang: Lang = "de") -> str:
    """The readable table ``str(schedule)`` shows, German labels by default.

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> print(as_text(s, lang="en").splitlines()[-1])
      3.1 → 4.5
    """
    return schedule.to_text(lang)
