"""MS Project XML (MSPDI): read a plan from it and write one that MS Project and ProjectLibre open.

Reading. Summary tasks of outline level 1 become packages; deeper tasks keep their
top-level summary as package and their WBS code as id; links keep their type and lag;
*start no earlier than* becomes ``not_before``, *finish no later than* and deadlines
``not_after``; resources assigned to a task become its owners; the status date, actual
dates and percent complete become progress. The unit comes from the file: whole
calendar months → ``month``; a calendar working every day → ``day`` (``week`` when every
duration and lag is whole weeks); otherwise MS Project's working days → ``workday``.
Whatever psp cannot hold as it is (elapsed or sub-day durations, other calendars,
holidays, the constraints psp does not have, links on summary tasks) is approximated or
dropped and listed in one `Note` per kind.

Writing. Packages become summary tasks, tasks keep their ids as WBS codes, owners become
resources with assignments, and psp's schedule gives every task its dates, floats and
critical flag. The calendar matches the unit: MS Project's standard week (Monday to
Friday) for a plan in working days, otherwise a calendar working every day, so that MS
Project recomputes psp's dates. Elements follow the schema's order, as MS Project needs.

Times of day: a period starts at 08:00 and ends at 17:00 (8 hours a day).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import attrs

from psp._support.files import write_text
from psp.calendars import Calendar, Unit
from psp.engine import Schedule, TaskSchedule, schedule
from psp.errors import Problem, ValidationError
from psp.io._notes import Note, Notes, Reading, left_out
from psp.io._shared import grouped, validated
from psp.io._xml import FIRST_YEAR, LAST_YEAR, parse
from psp.model import (
    Actual,
    Constraint,
    ConstraintKind,
    Link,
    LinkType,
    Package,
    Project,
    Task,
    TaskKind,
)
from psp.model._fields import is_id, to_enum

__all__ = ["dump_mspdi", "dumps_mspdi", "load_mspdi", "loads_mspdi", "lost"]

NS = "http://schemas.microsoft.com/project"
TYPE_OF = {"0": LinkType.FF, "1": LinkType.FS, "2": LinkType.SF, "3": LinkType.SS}
CODE_OF = {t: c for c, t in TYPE_OF.items()}
# Duration and lag formats (the schema's DurationFormat): 3 m, 5 h, 7 d, 9 w, 11 mo, 19 %;
# one more (4, 6, …) is the elapsed form; 32 more is the estimated ("?") form.
_ELAPSED = {4, 6, 8, 10, 12, 20}
_PERCENT = {19, 20}
_MONTHS = {11, 12}
_DAY, _WEEK, _ELAPSED_MONTH = 7, 9, 12
# ConstraintType: 0 ASAP, 1 ALAP, 2 must start on, 3 must finish on, 4 SNET, 5 SNLT,
# 6 FNET, 7 FNLT.
_SNET, _FNLT = "4", "7"
_OPEN, _CLOSE = dt.time(8), dt.time(17)
_HOURS_A_DAY = 8
_TENTHS_A_DAY = _HOURS_A_DAY * 60 * 10
_ELAPSED_MONTH_TENTHS = 30 * 24 * 60 * 10  # MS Project's elapsed month: 30 days
_PSP_FIELD = "188743731"  # Text1, given the alias "psp" when psp writes the file
_DURATION = re.compile(r"-?PT(\d+(?:\.\d+)?)H(\d+(?:\.\d+)?)M(\d+(?:\.\d+)?)S")


# --- reading -------------------------------------------------------------------------------


@attrs.frozen
class _RawLink:
    """One <PredecessorLink> as the file gives it, its numbers read once."""

    predecessor: str
    type: str
    cross_project: bool
    tenths: float
    format: int


@attrs.define
class _Row:
    """One <Task> as the file gives it."""

    uid: str
    entry: str
    name: str
    level: int
    wbs: str
    summary: bool
    milestone: bool
    hours: float
    elapsed: bool
    start: dt.datetime | None
    finish: dt.datetime | None
    node: ET.Element
    links: list[_RawLink]
    kind: str = ""
    package: str | None = None
    id: str = ""


class _File:
    """The parsed file and what reading it found: problems (errors) and notes."""

    def __init__(self, root: ET.Element, name: str) -> None:
        self.root, self.name = root, name
        self.ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        self.problems: list[Problem] = []
        self.notes = Notes()
        self.owners: dict[str, list[str]] = {}
        self.psp_field = False

    def tag(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name

    def all(self, node: ET.Element, path: str) -> list[ET.Element]:
        return node.findall("/".join(map(self.tag, path.split("/"))))

    def text(self, node: ET.Element, name: str, default: str = "") -> str:
        found = node.find(self.tag(name))
        return default if found is None or found.text is None else found.text.strip()

    def problem(self, code: str, message: str, entry: str, key: str | None = None) -> None:
        self.problems.append(Problem(code, message, entry, key, self.name))

    def number(self, node: ET.Element, name: str, entry: str, default: float = 0) -> float:
        text = self.text(node, name)
        if not text:
            return default
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.problem("not-a-number", f"expected a number, got {text!r}", entry, name)
            return default
        return value

    def moment(self, node: ET.Element, name: str, entry: str) -> dt.datetime | None:
        text = self.text(node, name)
        if not text:
            return None
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            self.problem("date-unreadable", f"expected a date and time like "
                         f"2021-03-01T08:00:00, got {text!r}", entry, name)
            return None
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            self.problem("date-out-of-range", f"expected a year from {FIRST_YEAR} to "
                         f"{LAST_YEAR}, got {text!r}", entry, name)
            return None
        return moment.replace(tzinfo=None)

    def hours(self, node: ET.Element, name: str, entry: str) -> float:
        text = self.text(node, name)
        if not text:
            return 0.0
        match = _DURATION.fullmatch(text)
        if match is None:
            self.problem("duration-unreadable", f"expected a duration like PT40H0M0S, got "
                         f"{text!r}", entry, name)
            return 0.0
        hours = float(match[1]) + float(match[2]) / 60 + float(match[3]) / 3600
        return -hours if text.startswith("-") else hours


def loads_mspdi(data: str | bytes, *, file: str = "<string>",
                unit: Unit | str | None = None) -> Reading:
    """Read MS Project XML (MSPDI) text: the plan and what could not be taken over as it was.

    Parameters
    ----------
    data : str or bytes
        The file's content.
    file : str
        The name errors and notes give it.
    unit : Unit or str, optional
        The plan's unit; by default chosen from the file (see the module's description).

    Returns
    -------
    Reading
        ``plan`` (validated) and ``notes``: one per kind of loss or approximation.

    Raises
    ------
    PlanFileError
        When the text is not XML, declares a DTD or entities, or is no MS Project file.
    ValidationError
        When entries are unreadable or the plan has problems; every one is listed, each
        naming the file, the element and the field.

    Examples
    --------
    >>> text = '''<Project xmlns="http://schemas.microsoft.com/project">
    ...   <Name>Demo</Name><StartDate>2021-03-01T08:00:00</StartDate>
    ...   <Tasks>
    ...     <Task><UID>1</UID><Name>Plan</Name><OutlineLevel>1</OutlineLevel>
    ...       <Duration>PT16H0M0S</Duration></Task>
    ...     <Task><UID>2</UID><Name>Do</Name><OutlineLevel>1</OutlineLevel>
    ...       <Duration>PT24H0M0S</Duration>
    ...       <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type>
    ...       </PredecessorLink></Task>
    ...   </Tasks></Project>'''
    >>> plan = loads_mspdi(text).plan
    >>> plan.unit.value, [(t.id, t.duration) for t in plan.tasks], plan.links[0].predecessor
    ('workday', [('T1', 2), ('T2', 3)], 'T1')
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    f = _File(parse(raw, file, root="Project", what="an MS Project XML file"), file)
    chosen = None if unit is None else to_enum(Unit, "MS Project XML", "unit", unit)
    plan = validated(file, lambda: _read_plan(f, chosen))
    return Reading(plan, f.notes.done())


def load_mspdi(path: str | os.PathLike[str], *, unit: Unit | str | None = None) -> Reading:
    """Read an MS Project XML file (see `loads_mspdi`).

    Parameters
    ----------
    path : str or path-like
        The file.
    unit : Unit or str, optional
        The plan's unit; by default chosen from the file.

    Returns
    -------
    Reading

    Examples
    --------
    >>> r = load_mspdi("tests/data/mspdi/mspdirelations.xml")
    >>> r.plan.unit.value, len(r.plan.tasks), r.plan.start
    ('workday', 5, datetime.date(2006, 9, 21))
    """
    from psp._support.files import read_bytes

    name, data = read_bytes(path)
    return loads_mspdi(data, file=name, unit=unit)


def _read_plan(f: _File, unit: Unit | None) -> Project:
    root = f.root
    start = f.moment(root, "StartDate", "Project")
    if start is None:
        f.problem("missing-key", "an MS Project file gives its start date", "Project",
                  "StartDate")
        raise ValidationError(f.problems)
    rows = _rows(f)
    if f.problems:
        raise ValidationError(f.problems)
    workdays = _calendar_works_weekdays_only(f)
    f.owners, f.psp_field = _owners(f), _has_psp_field(f)
    summary = next((r for r in rows if r.kind == "project"), None)
    written = None if summary is None else _psp_kind(f, summary).removeprefix("unit=")
    chosen = unit or (Unit(written) if written in set(Unit) else
                      _unit(f, rows, start.date(), workdays))
    first = _first_day(start.date(), chosen)
    cal = Calendar(first, chosen)
    packages = _packages(rows)
    _ids(rows, {p.id for p in packages})
    tasks = [_task(f, row, cal, workdays) for row in rows if row.kind == "task"]
    by_uid = {row.uid: row for row in rows}
    links = [link for row in rows if row.kind == "task"
             for link in _links(f, row, by_uid, cal, workdays)]
    constraints = [c for row in rows if row.kind == "task" for c in _constraints(f, row, cal)]
    status = f.moment(root, "StatusDate", "Project")
    actuals, idle = _progress(f, rows, cal, status)
    if actuals and status is None:
        status = _assumed_status(f, actuals)
    if f.problems:
        raise ValidationError(f.problems)
    end = None if summary is None else _end(f, summary, cal)
    name = f.text(root, "Name") or f.text(root, "Title") or Path(f.name).stem
    return Project(name, first, end=end, unit=chosen, packages=packages, tasks=tasks,
                   links=links, constraints=constraints,
                   status=None if status is None else status.date(), actuals=actuals,
                   not_started=idle)


def _first_day(day: dt.date, unit: Unit) -> dt.date:
    """The plan's start: the file's, moved to the first day of its month in a month plan."""
    if unit is Unit.MONTH:
        return day.replace(day=1)
    if unit is Unit.WORKDAY and day.weekday() >= 5:
        return day + dt.timedelta(days=7 - day.weekday())
    return day


def _calendar_works_weekdays_only(f: _File) -> bool:
    """Whether the project's calendar is MS Project's standard week (or not given)."""
    uid = f.text(f.root, "CalendarUID", "1")
    cal = next((c for c in f.all(f.root, "Calendars/Calendar") if f.text(c, "UID") == uid), None)
    if cal is None:
        return True
    name = f"Calendar {f.text(cal, 'Name') or uid}"
    # DayType 1 is Sunday … 7 Saturday; 0 marks an exception, as <Exceptions> do
    working = {f.text(day, "DayType"): f.text(day, "DayWorking")
               for day in f.all(cal, "WeekDays/WeekDay")}
    if "0" in working or f.all(cal, "Exceptions/Exception"):
        f.notes.add("calendar-exceptions", "psp counts no holidays or other exceptions of "
                    "the calendar: dates around them differ from MS Project's", name)
    if all(working.get(str(d)) == "1" for d in range(1, 8)):
        return False
    standard = {str(d): "1" if 2 <= d <= 6 else "0" for d in range(1, 8)}
    if any(working.get(d, usual) != usual for d, usual in standard.items()):
        f.notes.add("other-calendar", "psp knows working days from Monday to Friday or every "
                    "day: this calendar's week was read as Monday to Friday", name)
    return True


def _rows(f: _File) -> list[_Row]:
    """The file's tasks, each with its outline level, summary flag and duration."""
    rows: list[_Row] = []
    minutes_a_day = f.number(f.root, "MinutesPerDay", "Project", 480) or 480
    for node in f.all(f.root, "Tasks/Task"):
        if f.text(node, "IsNull") == "1":
            continue
        uid = f.text(node, "UID")
        entry = f"Task UID {uid}"
        fmt = int(f.number(node, "DurationFormat", entry, _DAY)) % 32 or _DAY
        elapsed = fmt in _ELAPSED
        hours = f.hours(node, "Duration", entry)
        if not elapsed:  # working hours, counted in days of the file's length
            hours = hours * _HOURS_A_DAY * 60 / minutes_a_day
        if f.text(node, "Manual") == "1":
            f.notes.add("manual-task", "a manually scheduled task is scheduled from its links "
                        "like any other: MS Project kept the dates typed in", entry)
        rows.append(_Row(
            uid, entry, f.text(node, "Name"), int(f.number(node, "OutlineLevel", entry, 1)),
            f.text(node, "WBS"), f.text(node, "Summary") == "1",
            f.text(node, "Milestone") == "1", hours, elapsed,
            f.moment(node, "Start", entry), f.moment(node, "Finish", entry), node,
            [_raw_link(f, link, entry) for link in f.all(node, "PredecessorLink")]))
    _outline(f, rows)
    return rows


def _raw_link(f: _File, node: ET.Element, entry: str) -> _RawLink:
    return _RawLink(f.text(node, "PredecessorUID"), f.text(node, "Type", "1"),
                    f.text(node, "CrossProject") == "1", f.number(node, "LinkLag", entry),
                    int(f.number(node, "LagFormat", entry, _DAY)) % 32)


def _outline(f: _File, rows: list[_Row]) -> None:
    """Which row is the project, a package, a dropped summary or a task, and its package."""
    package: str | None = None
    for row in rows:
        if row.level <= 0:
            row.kind = "project"
        elif row.level == 1 and row.summary:
            row.kind, package = "package", row.uid
        elif row.summary:
            row.kind = "summary"
            f.notes.add("nested-summary", "a summary task below outline level 1 is no package "
                        "of its own: its tasks belong to their top-level package", row.entry)
        else:
            row.kind = "task"
            row.package = package if row.level > 1 else None
        if row.level == 1 and not row.summary:
            package = None


def _packages(rows: list[_Row]) -> list[Package]:
    """Each package's id: its WBS code where that is a usable id not taken, else P and its
    UID; its tasks' package follows."""
    taken: set[str] = set()
    ids: dict[str, str] = {}
    for row in (r for r in rows if r.kind == "package"):
        row.id = row.wbs if is_id(row.wbs) and row.wbs not in taken else f"P{row.uid}"
        taken.add(row.id)
        ids[row.uid] = row.id
    for row in rows:
        if row.package is not None:
            row.package = ids[row.package]
    return [Package(r.id, r.name) for r in rows if r.kind == "package"]


def _ids(rows: list[_Row], taken: set[str]) -> None:
    """Each task's id: its WBS code where that is a usable, unique id, else T and its UID."""
    tasks = [r for r in rows if r.kind == "task"]
    counts: dict[str, int] = {}
    for row in tasks:
        counts[row.wbs] = counts.get(row.wbs, 0) + 1
    for row in tasks:
        good = is_id(row.wbs) and counts[row.wbs] == 1 and row.wbs not in taken
        row.id = row.wbs if good else f"T{row.uid}"
    seen = set(taken)
    for row in tasks:  # a T-name may meet a WBS code of the same text
        while row.id in seen:
            row.id = f"{row.id}_"
        seen.add(row.id)


def _unit(f: _File, rows: list[_Row], start: dt.date, workdays: bool) -> Unit:
    work = [r for r in rows if r.kind == "task" and not _is_milestone(r)]
    links = [link for r in rows for link in r.links]
    if start.day == 1 and work and all(_whole_months(r) for r in work) and all(
            _month_lag(link) for link in links):
        return Unit.MONTH
    if workdays:
        return Unit.WORKDAY
    if work and all(r.hours % (7 * _HOURS_A_DAY) == 0 for r in work) and all(
            link.tenths % (7 * _TENTHS_A_DAY) == 0 for link in links):
        return Unit.WEEK
    return Unit.DAY


def _whole_months(row: _Row) -> bool:
    if row.start is None or row.finish is None:
        return False
    begin, close = row.start, row.finish
    last = (close.date() + dt.timedelta(days=1)).day == 1
    return begin.day == 1 and begin.time() <= _OPEN and last and close.time() >= _CLOSE


def _month_lag(link: _RawLink) -> bool:
    return link.tenths == 0 or (link.format in _MONTHS
                                and link.tenths % _ELAPSED_MONTH_TENTHS == 0)


def _is_milestone(row: _Row) -> bool:
    return row.milestone or row.hours == 0


def _task(f: _File, row: _Row, cal: Calendar, workdays: bool) -> Task:
    owners = f.owners.get(row.uid, [])
    if _psp_kind(f, row) == TaskKind.LEVEL_OF_EFFORT:
        return Task(row.id, row.name, package=row.package, owners=owners,
                    kind=TaskKind.LEVEL_OF_EFFORT)
    if _is_milestone(row):
        if row.hours:
            f.notes.add("milestone-duration", "a milestone has no duration in psp: its "
                        "duration was dropped", row.entry)
        return Task(row.id, row.name, package=row.package, owners=owners, duration=0)
    return Task(row.id, row.name, package=row.package, owners=owners,
                duration=_periods(f, row, cal, workdays))


def _periods(f: _File, row: _Row, cal: Calendar, workdays: bool) -> int:
    """A work task's duration in the plan's periods."""
    if cal.unit is Unit.MONTH and row.start is not None:
        return _months(f, row, cal, row.start)
    if row.elapsed and workdays and row.start is not None and row.finish is not None:
        f.notes.add("elapsed-duration", "an elapsed duration is counted in the working days "
                    "MS Project scheduled it over", row.entry)
        begin, close = _working_span(cal, row.start, row.finish)
        return max(close - begin, 1)
    days = row.hours / (24 if row.elapsed else _HOURS_A_DAY)
    size = 7 if cal.unit is Unit.WEEK else 1
    periods = days / (5 if workdays and size == 7 else size)
    if periods != int(periods):
        f.notes.add("partial-period", f"a duration of part of a {cal.unit.value} was rounded "
                    "up to whole ones", row.entry)
    return max(math.ceil(periods - 1e-9), 1)


def _months(f: _File, row: _Row, cal: Calendar, start: dt.datetime) -> int:
    """A duration in months: as psp wrote it (days from its start), else the months its
    dates cover."""
    if f.psp_field or row.finish is None:
        days = math.ceil(row.hours / (24 if row.elapsed else _HOURS_A_DAY) - 1e-9)
        last = start.date() + dt.timedelta(days=max(days, 1) - 1)
    else:
        last = row.finish.date() - dt.timedelta(days=row.finish.time() <= _OPEN)
    return max(cal.period_of(last) - cal.period_of(start.date()) + 1, 1)


def _working_span(cal: Calendar, start: dt.datetime, finish: dt.datetime) -> tuple[int, int]:
    """The periods a span of MS Project's date-times covers: (first, boundary after last)."""
    begin = cal.boundary_on_or_after(start.date()) if start.time() >= _CLOSE \
        else cal.period_of(start.date())
    close = cal.period_of(finish.date()) + (finish.time() > _OPEN)
    return begin, close


def _owners(f: _File) -> dict[str, list[str]]:
    """The names of the resources assigned to each task (by task UID), in file order."""
    names = {f.text(r, "UID"): f.text(r, "Name") for r in f.all(f.root, "Resources/Resource")}
    owners: dict[str, list[str]] = {}
    for a in f.all(f.root, "Assignments/Assignment"):
        name = names.get(f.text(a, "ResourceUID"), "")
        if name:
            owners.setdefault(f.text(a, "TaskUID"), []).append(name)
    return owners


def _has_psp_field(f: _File) -> bool:
    """Whether the file gives psp's custom field (Text1 with the alias "psp")."""
    return any(f.text(a, "FieldID") == _PSP_FIELD and f.text(a, "Alias") == "psp"
               for a in f.all(f.root, "ExtendedAttributes/ExtendedAttribute"))


def _psp_kind(f: _File, row: _Row) -> str:
    """The kind psp wrote into its own custom field, when the file has that field."""
    if not f.psp_field:
        return ""
    return next((f.text(a, "Value") for a in f.all(row.node, "ExtendedAttribute")
                 if f.text(a, "FieldID") == _PSP_FIELD), "")


def _links(f: _File, row: _Row, by_uid: dict[str, _Row], cal: Calendar,
           workdays: bool) -> Iterator[Link]:
    for raw in row.links:
        other = by_uid.get(raw.predecessor)
        if raw.cross_project:
            f.notes.add("cross-project-link", "a link to another project's task was dropped",
                        row.entry)
            continue
        if other is None:
            f.problem("unknown-task", f"no task with UID {raw.predecessor!r}",
                      row.entry, "PredecessorLink")
            continue
        if other.kind != "task":
            f.notes.add("summary-link", "a link from a summary task was dropped (psp links "
                        "tasks, not packages)", row.entry)
            continue
        kind = TYPE_OF.get(raw.type)
        if kind is None:
            f.problem("link-type", f"expected 0 (FF), 1 (FS), 2 (SF) or 3 (SS), got "
                      f"{raw.type!r}", row.entry, "PredecessorLink/Type")
            continue
        yield Link(other.id, row.id, kind, lag=_lag(f, raw, row, cal, workdays))


def _lag(f: _File, raw: _RawLink, row: _Row, cal: Calendar, workdays: bool) -> int:
    tenths, fmt = raw.tenths, raw.format
    if not tenths:
        return 0
    if fmt in _PERCENT:
        f.notes.add("percent-lag", "a lag in percent of the predecessor's duration was "
                    "dropped", row.entry)
        return 0
    if cal.unit is Unit.MONTH:
        periods = tenths / _ELAPSED_MONTH_TENTHS
    else:
        days = tenths / (24 * 600 if fmt in _ELAPSED else _TENTHS_A_DAY)
        if fmt in _ELAPSED and workdays:
            f.notes.add("elapsed-lag", "an elapsed lag is counted as working days", row.entry)
        periods = days / (7 if cal.unit is Unit.WEEK else 1)
    if periods != round(periods):
        f.notes.add("partial-lag", f"a lag of part of a {cal.unit.value} was rounded to whole "
                    "ones", row.entry)
    return round(periods)


_APPROXIMATED = {"2": (True, "“must start on” was read as not_before"),
                 "3": (False, "“must finish on” was read as not_after")}


def _constraints(f: _File, row: _Row, cal: Calendar) -> list[Constraint]:
    found = []
    code = f.text(row.node, "ConstraintType", "0")
    day = f.moment(row.node, "ConstraintDate", row.entry)
    if code in (_SNET, _FNLT) and day is not None:
        found.append(_constraint(row, cal, code == _SNET, day))
    elif code in _APPROXIMATED and day is not None:
        is_start, message = _APPROXIMATED[code]
        f.notes.add(f"constraint-{code}", message, row.entry)
        found.append(_constraint(row, cal, is_start, day))
    elif code not in ("0", ""):
        f.notes.add(f"constraint-{code}", "a constraint psp does not have (as late as "
                    "possible, start no later than, finish no earlier than) was dropped",
                    row.entry)
    deadline = f.moment(row.node, "Deadline", row.entry)
    if deadline is not None and not any(not c.is_start for c in found):
        found.append(_constraint(row, cal, False, deadline))
    return _within(f, row, cal, found)


def _within(f: _File, row: _Row, cal: Calendar, found: list[Constraint]) -> list[Constraint]:
    """The constraints that lie within the plan: one before its start binds nothing."""
    kept = [c for c in found if c.date >= cal.start]
    if len(kept) < len(found):
        f.notes.add("constraint-before-start", "a constraint dated before the project start "
                    "was dropped (it binds nothing)", row.entry)
    return kept


def _constraint(row: _Row, cal: Calendar, is_start: bool, moment: dt.datetime) -> Constraint:
    """A not-before on the first period that starts at or after the moment; a not-after on
    the last period that ends by it."""
    if is_start:
        day = _instant(cal, moment) if _is_milestone(row) else _start_on_or_after(cal, moment)
        return Constraint(row.id, ConstraintKind.START_NO_EARLIER_THAN, day)
    return Constraint(row.id, ConstraintKind.FINISH_NO_LATER_THAN, _finish_by(cal, moment))


def _start_on_or_after(cal: Calendar, moment: dt.datetime) -> dt.date:
    """The first day of the first period beginning at or after an MS Project moment."""
    day = moment.date() + dt.timedelta(days=moment.time() >= _CLOSE)  # that day's work is over
    return cal.first_day(cal.boundary_on_or_after(day))


def _finish_by(cal: Calendar, moment: dt.datetime) -> dt.date:
    """The last day of the last period ending at or before an MS Project moment."""
    day = moment.date() - dt.timedelta(days=moment.time() <= _OPEN)  # that day's work not begun
    period = cal.period_of(day)
    return cal.last_day(period if cal.last_day(period) == day else period - 1)


def _instant(cal: Calendar, moment: dt.datetime) -> dt.date:
    """A milestone's date: the day a period ends on when the moment closes it, else the
    first day of a period beginning at or after it."""
    if moment.time() >= _CLOSE and moment.date() == cal.last_day(cal.period_of(moment.date())):
        return moment.date()
    return cal.first_day(cal.boundary_on_or_after(moment.date()))


def _assumed_status(f: _File, actuals: list[Actual]) -> dt.datetime:
    """A status date for a file with progress but none: its current date, else the day after
    the last actual date."""
    last = max(max(a.start, a.finish or a.start) for a in actuals) + dt.timedelta(days=1)
    current = f.moment(f.root, "CurrentDate", "Project")
    status = current if current is not None and current.date() >= last else \
        dt.datetime.combine(last, _OPEN)
    f.notes.add("no-status-date", "the file reports progress without a status date: "
                f"{status.date().isoformat()} was taken", "Project")
    return status


def _progress(f: _File, rows: list[_Row], cal: Calendar,
              status: dt.datetime | None) -> tuple[list[Actual], set[str]]:
    actuals, idle = [], set()
    for row in (r for r in rows if r.kind == "task"):
        begun = f.moment(row.node, "ActualStart", row.entry)
        done = f.moment(row.node, "ActualFinish", row.entry)
        percent = f.text(row.node, "PercentComplete")
        if begun is None and percent not in ("", "0") and row.start is not None:
            begun, done = row.start, (row.finish if percent == "100" else None)
        if begun is None:
            if status is not None and percent == "0":
                idle.add(row.id)
            continue
        if _is_milestone(row):
            day = _instant(cal, begun)
            actuals.append(Actual(row.id, day, day if done is not None else None))
            continue
        first = _start_on_or_after(cal, begun) if begun.time() >= _CLOSE else \
            cal.first_day(cal.period_of(begun.date()))
        actuals.append(Actual(row.id, first, None if done is None else
                              max(_finish_by(cal, done), cal.last_day(cal.period_of(first)))))
    return actuals, idle


def _end(f: _File, summary: _Row, cal: Calendar) -> dt.date | None:
    deadline = f.moment(summary.node, "Deadline", summary.entry)
    if deadline is None:
        return None
    return _finish_by(cal, deadline)


# --- writing -------------------------------------------------------------------------------


class _Writer:
    """Builds the XML in the schema's element order."""

    def __init__(self) -> None:
        self.root = ET.Element("Project", xmlns=NS)

    @staticmethod
    def add(parent: ET.Element, *pairs: tuple[str, object]) -> ET.Element:
        """Children in the order given (the schema's), skipping values of None."""
        for name, value in pairs:
            if value is not None:
                ET.SubElement(parent, name).text = _xml_text(value)
        return parent


def _xml_text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return str(value)


def _opening(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, _OPEN)


def _closing(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, _CLOSE)


def _hours(hours: float) -> str:
    return f"PT{int(hours)}H0M0S"


def dumps_mspdi(project: Project) -> str:
    """The plan and its schedule as MS Project XML (MSPDI), in the schema's element order.

    Parameters
    ----------
    project : Project
        The plan; it is scheduled to give every task its dates, floats and critical flag.

    Returns
    -------
    str
        The XML text (UTF-8 declared).

    Raises
    ------
    ValidationError
        When the plan cannot be scheduled.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> again = loads_mspdi(dumps_mspdi(plan)).plan
    >>> again.tasks == plan.tasks and again.links == plan.links
    True
    """
    facts = _facts(project)  # one schedule for the header and every task
    w = _Writer()
    workdays = project.unit is Unit.WORKDAY
    w.add(w.root, ("SaveVersion", 12), ("Name", project.name), ("Title", project.name),
          ("ScheduleFromStart", True), ("StartDate", _opening(project.start)),
          ("FinishDate", _closing(facts.s.finish)), ("CalendarUID", 1),
          ("DefaultStartTime", "08:00:00"), ("DefaultFinishTime", "17:00:00"),
          ("MinutesPerDay", 480), ("MinutesPerWeek", 2400 if workdays else 3360),
          ("DaysPerMonth", 20 if workdays else 30), ("DurationFormat", _DAY),
          ("HonorConstraints", True), ("WeekStartDay", 1),
          ("StatusDate", None if project.status is None else _opening(project.status)))
    fields = ET.SubElement(w.root, "ExtendedAttributes")
    w.add(ET.SubElement(fields, "ExtendedAttribute"), ("FieldID", _PSP_FIELD),
          ("FieldName", "Text1"), ("Alias", "psp"))
    _write_calendar(w, workdays)
    _write_tasks(w, facts)
    _write_resources(w, project)
    ET.indent(w.root)
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + \
        ET.tostring(w.root, encoding="unicode") + "\n"


def _write_calendar(w: _Writer, workdays: bool) -> None:
    cal = w.add(ET.SubElement(ET.SubElement(w.root, "Calendars"), "Calendar"),
                ("UID", 1), ("Name", "Standard" if workdays else "psp: every day"),
                ("IsBaseCalendar", True), ("BaseCalendarUID", -1))
    days = ET.SubElement(cal, "WeekDays")
    for day_type in range(1, 8):  # 1 Sunday … 7 Saturday
        working = not workdays or 2 <= day_type <= 6
        day = w.add(ET.SubElement(days, "WeekDay"), ("DayType", day_type),
                    ("DayWorking", working))
        if working:
            times = ET.SubElement(ET.SubElement(day, "WorkingTimes"), "WorkingTime")
            w.add(times, ("FromTime", "08:00:00"), ("ToTime", "17:00:00"))


@attrs.frozen
class _Facts:
    """What every task's element needs, worked out once per plan."""

    project: Project
    s: Schedule
    uids: dict[str, int]
    starts: dict[str, Constraint]
    ends: dict[str, Constraint]
    actuals: dict[str, Actual]
    into: dict[str, list[Link]]


def _facts(project: Project) -> _Facts:
    into: dict[str, list[Link]] = {}
    for link in project.links:
        into.setdefault(link.successor, []).append(link)
    return _Facts(project, schedule(project),
                  {t.id: n for n, t in enumerate(project.tasks, start=1)},
                  {c.task: c for c in project.constraints if c.is_start},
                  {c.task: c for c in project.constraints if not c.is_start},
                  {a.task: a for a in project.actuals}, into)


def _write_tasks(w: _Writer, facts: _Facts) -> None:
    project = facts.project
    tasks = ET.SubElement(w.root, "Tasks")
    first_uid = len(project.tasks)
    w.add(ET.SubElement(tasks, "Task"), ("UID", 0), ("ID", 0), ("Name", project.name),
          ("WBS", 0), ("OutlineNumber", 0), ("OutlineLevel", 0),
          ("Start", _opening(project.start)), ("Finish", _closing(facts.s.finish)),
          ("Summary", True),
          ("Deadline", None if project.end is None else _closing(project.end)))
    w.add(ET.SubElement(tasks[0], "ExtendedAttribute"), ("FieldID", _PSP_FIELD),
          ("Value", f"unit={project.unit.value}"))  # so that psp reads back the same unit
    row = 1
    for n, (package, members) in enumerate(grouped(project), start=1):
        level = 1
        if package is not None:
            w.add(ET.SubElement(tasks, "Task"), ("UID", first_uid + n), ("ID", row),
                  ("Name", package.name), ("WBS", package.id), ("OutlineNumber", n),
                  ("OutlineLevel", 1), ("Summary", True))
            row, level = row + 1, 2
        for task in members:
            _write_task(w, ET.SubElement(tasks, "Task"), facts, task, (row, level))
            row += 1


def _dates(ts: TaskSchedule) -> tuple[dt.datetime, dt.datetime, dt.datetime, dt.datetime]:
    """Early start and finish, late start and finish, as MS Project's date-times."""
    if ts.kind is TaskKind.MILESTONE:
        early = _instant_moment(ts.start, ts.at_period_end)
        late = _instant_moment(ts.late_start, ts.late_at_period_end)
        return early, early, late, late
    return (_opening(ts.start), _closing(ts.finish), _opening(ts.late_start),
            _closing(ts.late_finish))


def _write_task(w: _Writer, node: ET.Element, facts: _Facts, task: Task,
                place: tuple[int, int]) -> None:
    row, level = place
    project, ts = facts.project, facts.s[task.id]
    cal = project.calendar
    start, finish, late_start, late_finish = _dates(ts)
    days = cal.days_between(ts.start_period, ts.start_period + task.duration)
    snet, fnlt = facts.starts.get(task.id), facts.ends.get(task.id)
    actual = facts.actuals.get(task.id)
    w.add(node, ("UID", facts.uids[task.id]), ("ID", row), ("Name", task.name), ("Type", 1),
          ("WBS", task.id), ("OutlineLevel", level), ("Start", start), ("Finish", finish),
          ("Duration", _hours(days * _HOURS_A_DAY)),
          ("DurationFormat", _WEEK if project.unit is Unit.WEEK else _DAY),
          ("Milestone", task.kind is TaskKind.MILESTONE), ("Summary", False),
          ("Critical", ts.critical), ("EarlyStart", start), ("EarlyFinish", finish),
          ("LateStart", late_start), ("LateFinish", late_finish),
          ("FreeSlack", _slack(cal, ts.free_float, ts.finish_period)),
          ("TotalSlack", _slack(cal, ts.total_float, ts.start_period)),
          ("PercentComplete", _percent(project, task, actual)),
          ("ActualStart", None if actual is None else _begun(cal, task, actual.start)),
          ("ActualFinish", None if actual is None or actual.finish is None
           else _closing(actual.finish)),
          ("ConstraintType", _SNET if snet else _FNLT if fnlt else 0),
          ("ConstraintDate", _begun(cal, task, snet.date) if snet else
           _closing(fnlt.date) if fnlt else None),
          ("Deadline", _closing(fnlt.date) if snet and fnlt else None))
    for link in facts.into.get(task.id, []):
        w.add(ET.SubElement(node, "PredecessorLink"),
              ("PredecessorUID", facts.uids[link.predecessor]), ("Type", CODE_OF[link.type]),
              ("CrossProject", False), ("LinkLag", _lag_tenths(project.unit, link.lag)),
              ("LagFormat", _ELAPSED_MONTH if project.unit is Unit.MONTH
               else _WEEK if project.unit is Unit.WEEK else _DAY))
    if task.is_level_of_effort:
        w.add(ET.SubElement(node, "ExtendedAttribute"), ("FieldID", _PSP_FIELD),
              ("Value", TaskKind.LEVEL_OF_EFFORT.value))


def _begun(cal: Calendar, task: Task, day: dt.date) -> dt.datetime:
    """When a start on ``day`` happens: a milestone on a period's last day at its close."""
    period = cal.period_of(day)
    at_end = task.kind is TaskKind.MILESTONE and day == cal.last_day(period) \
        and day != cal.first_day(period)
    return _instant_moment(day, at_end)


def _instant_moment(day: dt.date, at_end: bool) -> dt.datetime:
    return _closing(day) if at_end else _opening(day)


def _slack(cal: Calendar, periods: int, at: int) -> int:
    """A float of ``periods`` from period ``at``, in MS Project's tenths of a working minute."""
    return cal.days_between(at, at + periods) * _TENTHS_A_DAY


def _lag_tenths(unit: Unit, lag: int) -> int:
    if unit is Unit.MONTH:
        return lag * _ELAPSED_MONTH_TENTHS
    return lag * _TENTHS_A_DAY * (7 if unit is Unit.WEEK else 1)


def _percent(project: Project, task: Task, actual: Actual | None) -> int | None:
    """100 when finished, 50 when started, 0 when reported not started; else left out."""
    if actual is not None:
        return 100 if actual.finish is not None else 50
    return 0 if task.id in project.not_started else None


def _write_resources(w: _Writer, project: Project) -> None:
    owners = list(dict.fromkeys(o for t in project.tasks for o in t.owners))
    resources = ET.SubElement(w.root, "Resources")
    uid = {name: n for n, name in enumerate(owners, start=1)}
    for name, n in uid.items():
        w.add(ET.SubElement(resources, "Resource"), ("UID", n), ("ID", n), ("Name", name),
              ("Type", 1))
    assignments = ET.SubElement(w.root, "Assignments")
    count = 0
    for task_uid, task in enumerate(project.tasks, start=1):
        for owner in task.owners:
            count += 1
            w.add(ET.SubElement(assignments, "Assignment"), ("UID", count),
                  ("TaskUID", task_uid), ("ResourceUID", uid[owner]), ("Units", 1))


def lost(project: Project) -> tuple[Note, ...]:
    """What MS Project XML cannot hold of a plan: budget positions, cost rules, events, its id.

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
    ['positions']
    """
    return left_out(project, "MS Project XML")


def dump_mspdi(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the plan as an MS Project XML file (see `dumps_mspdi`); never half a file.

    Parameters
    ----------
    project : Project
        The plan.
    path : str or path-like
        The file to write.

    Returns
    -------
    None

    Examples
    --------
    >>> import psp, tempfile, pathlib
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = pathlib.Path(folder) / "plan.xml"
    ...     dump_mspdi(plan, target)
    ...     again = load_mspdi(target).plan
    >>> again == attrs.evolve(plan, positions=())  # MS Project XML holds no budget
    True
    """
    text = dumps_mspdi(project)
    write_text(path, text)
