"""GanttProject (``.gan``): read a plan from it and write one that GanttProject opens.

Reading. Top-level tasks with subtasks become packages and every task below them (at any
depth) their tasks; a summary task deeper down is no package (noted). GanttProject counts
in days of its calendar: Monday to Friday → ``workday``, every day → ``day``; another
week is read as Monday to Friday (noted). A ``<depend>`` sits on the predecessor and keeps
its type (1 SS, 2 FS, 3 FF, 4 SF) and ``difference`` (the lag in days). An *earliest
begin* (``thirdDate``) becomes ``not_before``, and so does the date of a task GanttProject
shows later than its links demand (a task placed by hand, or held by a *rubber* link):
GanttProject keeps such a task where it is, and so does psp (noted). Resources allocated
to a task become its owners. Percent complete becomes progress; GanttProject has no
status date, so the day after the last reported date is taken (noted). Holidays are not
modelled (noted). With ``unit=`` durations and lags convert through their dates; what does
not fill whole periods is rounded outwards (noted).

Writing. Packages become top-level tasks holding their tasks; durations and lags are days
(working days in a plan of them, with GanttProject's Monday-to-Friday week; calendar days
otherwise, with every day working), so GanttProject draws psp's early dates. A milestone
is dated on the first day after its boundary, where GanttProject puts it. ``not_before``
is the earliest begin, owners are resources with allocations, progress is percent
complete. What GanttProject has no field for (the unit, the project's start and end, the
status date, ``not_after``, actual dates, level of effort, psp's ids) goes into three
custom columns psp reads back: ``psp-id``, ``psp`` and ``psp-plan``.
"""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import attrs

from psp._support.files import write_text
from psp.calendars import Calendar, Unit
from psp.engine import Schedule, schedule, validate
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

__all__ = ["dump_gan", "dumps_gan", "load_gan", "loads_gan", "lost"]

TYPE_OF = {"1": LinkType.SS, "2": LinkType.FS, "3": LinkType.FF, "4": LinkType.SF}
CODE_OF = {t: c for c, t in TYPE_OF.items()}
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ORIGIN = dt.date(1, 1, 1)  # a Monday: day and working-day counts start here
_EARLIEST_BEGIN = "1"  # thirdDate-constraint: the task begins no earlier than thirdDate
_COLUMNS = {"psp-id": "tpc0", "psp": "tpc1", "psp-plan": "tpc2"}
_DEFAULT_COLUMNS = ("type", "priority", "info", "name", "begindate", "enddate", "duration",
                    "completion", "coordinator", "predecessorsr")


# --- reading -------------------------------------------------------------------------------


@attrs.define
class _Depend:
    """One <depend>: the successor's GanttProject id, the type code, the lag in days."""

    successor: str
    type: LinkType
    days: int
    entry: str


@attrs.define
class _Row:
    """One <task> as the file gives it."""

    gan_id: str
    entry: str
    name: str
    depth: int
    top: str  # the GanttProject id of its top-level task
    summary: bool
    milestone: bool
    start: dt.date | None
    days: int
    complete: int
    node: ET.Element
    custom: dict[str, str]
    depends: list[_Depend] = attrs.Factory(list)
    id: str = ""
    package: str | None = None

    def flags(self) -> dict[str, str]:
        """psp's own words for this task (the ``psp`` column): ``key=value`` or ``key``."""
        return _words(self.custom.get("psp", ""))


def _words(text: str) -> dict[str, str]:
    """``key=value`` and bare ``key`` words as a mapping (a bare key maps to "")."""
    found = {}
    for word in text.split():
        key, _, value = word.partition("=")
        found[key] = value
    return found


class _File:
    """The parsed file, and what reading it found: problems (errors) and notes."""

    def __init__(self, root: ET.Element, name: str) -> None:
        self.root, self.name = root, name
        self.problems: list[Problem] = []
        self.notes = Notes()
        self.columns: dict[str, tuple[str, str]] = {}  # id → (name, default)
        self.own = False  # written by psp (its psp-plan column is there)

    def problem(self, code: str, message: str, entry: str, key: str | None = None) -> None:
        self.problems.append(Problem(code, message, entry, key, self.name))

    def integer(self, node: ET.Element, key: str, entry: str, low: int = 0) -> int:
        text = node.get(key, "").strip()
        if not text:
            return 0
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if value < low:
            self.problem("not-a-number", f"expected a whole number from {low}, got {text!r}",
                         entry, key)
            return 0
        return value

    def date(self, node: ET.Element, key: str, entry: str) -> dt.date | None:
        text = node.get(key, "").strip()
        if not text:
            return None
        return _day(self, text, entry, key)


def _day(f: _File, text: str, entry: str, key: str) -> dt.date | None:
    """An ISO date, or a problem naming the entry and key."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        f.problem("date-unreadable", f"expected a date like 2021-03-01, got {text!r}", entry,
                  key)
        return None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        f.problem("date-out-of-range", f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, "
                  f"got {text!r}", entry, key)
        return None
    return day


def loads_gan(data: str | bytes, *, file: str = "<string>",
              unit: Unit | str | None = None) -> Reading:
    """Read GanttProject text (``.gan``): the plan and what could not be taken over as it was.

    Parameters
    ----------
    data : str or bytes
        The file's content.
    file : str
        The name errors and notes give it.
    unit : Unit or str, optional
        The plan's unit; by default the file's (see the module's description).

    Returns
    -------
    Reading
        ``plan`` (validated) and ``notes``: one per kind of loss or approximation.

    Raises
    ------
    PlanFileError
        When the text is not XML, declares a DTD or entities, or is no GanttProject file.
    ValidationError
        When entries are unreadable or the plan has problems; every one is listed, each
        naming the file, the task and the attribute.

    Examples
    --------
    >>> text = '''<project name="Demo">
    ...   <tasks>
    ...     <task id="0" name="Plan" meeting="false" start="2021-03-01" duration="2">
    ...       <depend id="1" type="2" difference="0" hardness="Strong"/></task>
    ...     <task id="1" name="Do" meeting="false" start="2021-03-03" duration="3"/>
    ...   </tasks></project>'''
    >>> plan = loads_gan(text).plan
    >>> link = plan.links[0]
    >>> plan.unit.value, [(t.id, t.duration) for t in plan.tasks], link.type.value, link.lag
    ('workday', [('T0', 2), ('T1', 3)], 'FS', 0)
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    f = _File(parse(raw, file, root="project", what="a GanttProject file"), file)
    chosen = None if unit is None else to_enum(Unit, "GanttProject", "unit", unit)
    plan = validated(file, lambda: _read_plan(f, chosen))
    return Reading(plan, f.notes.done())


def load_gan(path: str | os.PathLike[str], *, unit: Unit | str | None = None) -> Reading:
    """Read a GanttProject file (see `loads_gan`).

    Parameters
    ----------
    path : str or path-like
        The file.
    unit : Unit or str, optional
        The plan's unit; by default the file's.

    Returns
    -------
    Reading

    Examples
    --------
    >>> r = load_gan("tests/data/gan/werkstatt-hand.gan")
    >>> r.plan.unit.value, len(r.plan.packages), r.plan.start
    ('workday', 2, datetime.date(2021, 3, 1))
    """
    from psp._support.files import read_bytes

    name, data = read_bytes(path)
    return loads_gan(data, file=name, unit=unit)


def _read_plan(f: _File, unit: Unit | None) -> Project:
    f.columns = _columns(f)
    f.own = any(name == "psp-plan" for name, _default in f.columns.values())
    rows = _rows(f)
    facts = _words(next((d for n, d in f.columns.values() if n == "psp-plan"), ""))
    file_unit = _file_unit(f)
    chosen = unit or _unit_word(f, facts.get("unit")) or file_unit
    days = Calendar(_ORIGIN, file_unit)
    leaves = [r for r in rows if not r.summary and r.start is not None]
    start = _plan_start(f, facts, leaves, chosen)
    if f.problems:
        raise ValidationError(f.problems)
    cal = Calendar(start, chosen)
    spans = {r.gan_id: _span(f, r, days, cal) for r in leaves}
    packages = _packages(f, rows)
    _ids(f, rows, {p.id for p in packages})
    owners = _owners(f, rows)
    tasks = [_task(r, spans[r.gan_id], owners.get(r.gan_id, [])) for r in rows
             if not r.summary and not _is_package(r)]
    links = _links(f, rows, spans, days, cal)
    constraints = [c for r in rows if not r.summary for c in _constraints(f, r, cal)]
    status = _date_word(f, facts, "status")
    actuals, idle = _progress(f, [r for r in rows if r.gan_id in spans], spans, cal)
    if actuals and status is None and not f.own:
        status = _assumed_status(f, actuals)
    if f.problems:
        raise ValidationError(f.problems)
    plan = Project(f.root.get("name") or Path(f.name).stem, start,
                   end=_date_word(f, facts, "end"), unit=chosen, packages=packages,
                   tasks=tasks, links=links, constraints=constraints, status=status,
                   actuals=actuals, not_started=idle, id=facts.get("id") or None)
    return plan if f.own else _kept_starts(f, plan, rows, spans, cal)


def _columns(f: _File) -> dict[str, tuple[str, str]]:
    """The custom columns: id → (name, default value)."""
    return {node.get("id", ""): (node.get("name", ""), node.get("defaultvalue", ""))
            for node in f.root.iterfind("tasks/taskproperties/taskproperty")
            if node.get("type") == "custom"}


def _rows(f: _File) -> list[_Row]:
    """Every <task> in outline order, with its depth and top-level task."""
    rows: list[_Row] = []
    tasks = f.root.find("tasks")
    stack = [(node, 1, "") for node in reversed(tasks.findall("task"))] \
        if tasks is not None else []
    seen: set[str] = set()
    while stack:
        node, depth, top = stack.pop()
        row = _row(f, node, depth, top)
        if row.gan_id in seen:
            f.problem("duplicate-id", f"the task id {row.gan_id!r} is used twice", row.entry,
                      "id")
        seen.add(row.gan_id)
        rows.append(row)
        stack.extend((child, depth + 1, row.top) for child in reversed(node.findall("task")))
    return rows


def _row(f: _File, node: ET.Element, depth: int, top: str) -> _Row:
    gan_id = node.get("id", "").strip()
    entry = f"task id={gan_id}" if gan_id else f"task {node.get('name', '')!r}"
    if not gan_id:
        f.problem("missing-key", "a GanttProject task has an id", entry, "id")
    summary = node.find("task") is not None
    custom = {f.columns[c.get("taskproperty-id", "")][0]: c.get("value", "")
              for c in node.iterfind("customproperty")
              if c.get("taskproperty-id", "") in f.columns}
    start = f.date(node, "start", entry)
    if start is None and not summary and not node.get("start", "").strip():
        f.problem("missing-key", "a GanttProject task has a start date", entry, "start")
    days = f.integer(node, "duration", entry)
    row = _Row(gan_id, entry, node.get("name", ""), depth, top or gan_id, summary,
               node.get("meeting") == "true" or days == 0, start, days,
               f.integer(node, "complete", entry), node, custom)
    row.depends = [_depend(f, d, entry) for d in node.iterfind("depend")]
    if (node.findtext("notes") or "").strip():
        f.notes.add("task-notes", "psp keeps no notes on tasks: they were left out", entry)
    if set(custom) - set(_COLUMNS):
        f.notes.add("custom-columns", "psp keeps no custom columns: their values were left "
                    "out", entry)
    return row


def _depend(f: _File, node: ET.Element, entry: str) -> _Depend:
    code = node.get("type", "2").strip()
    if code not in TYPE_OF:
        f.problem("link-type", f"expected a dependency type 1 (SS), 2 (FS), 3 (FF) or 4 (SF), "
                  f"got {code!r}", entry, "depend type")
    text = node.get("difference", "0").strip() or "0"
    try:
        days = int(text)
    except ValueError:
        f.problem("not-a-number", f"expected a whole number of days, got {text!r}", entry,
                  "depend difference")
        days = 0
    if node.get("hardness", "Strong") == "Rubber":
        f.notes.add("rubber-link", "a rubber dependency lets its task lie later: read as a "
                    "link, the task's own date kept as not_before", entry)
    return _Depend(node.get("id", "").strip(), TYPE_OF.get(code, LinkType.FS), days, entry)


def _file_unit(f: _File) -> Unit:
    """Monday to Friday → working days, every day → days; holidays are noted."""
    week = f.root.find("calendars/day-types/default-week")
    weekend = {d for d in _WEEKDAYS if week is not None and week.get(d) == "1"} \
        if week is not None else {"sat", "sun"}
    for holiday in f.root.iter("date"):
        f.notes.add("holidays", "psp does not model holidays: they were ignored",
                    " ".join(f"{k}={holiday.get(k, '')}" for k in ("year", "month", "date")))
    if not weekend:
        return Unit.DAY
    if weekend != {"sat", "sun"}:
        f.notes.add("other-calendar", "a week other than Monday to Friday was read as "
                    "Monday to Friday", "calendars")
    return Unit.WORKDAY


def _unit_word(f: _File, word: str | None) -> Unit | None:
    if word is None:
        return None
    if word not in set(Unit):
        f.problem("invalid-field", f"expected a unit ({', '.join(Unit)}), got {word!r}",
                  "psp-plan", "unit")
        return None
    return Unit(word)


def _date_word(f: _File, facts: dict[str, str], key: str) -> dt.date | None:
    text = facts.get(key)
    return _day(f, text, "psp-plan", key) if text else None


def _plan_start(f: _File, facts: dict[str, str], leaves: list[_Row], unit: Unit) -> dt.date:
    """psp's own start, else the earliest task's, moved to a day a period of ``unit`` begins."""
    day = _date_word(f, facts, "start") or min(
        (r.start for r in leaves if r.start is not None), default=None)
    if day is None:
        f.problem("missing-key", "a GanttProject file with no dated task has no start", "tasks",
                  "start")
        return dt.date(2000, 1, 3)
    if unit is Unit.MONTH:
        return day.replace(day=1)
    if unit is Unit.WORKDAY and day.weekday() >= 5:
        return day + dt.timedelta(days=7 - day.weekday())
    return day


@attrs.frozen
class _Span:
    """A task's place in the plan's periods: start and end boundary."""

    start: int
    end: int


def _span(f: _File, row: _Row, days: Calendar, cal: Calendar) -> _Span:
    """Its boundaries in ``cal``; what does not fill whole periods is widened and noted."""
    assert row.start is not None
    first = days.boundary_on_or_after(row.start)
    day = days.first_day(first)
    begin = cal.period_of(day)
    exact = cal.first_day(begin) == day
    if row.milestone:
        end = begin = begin if exact else begin + 1
    else:
        last = days.last_day(first + row.days - 1)
        end = cal.period_of(last) + 1
        exact = exact and cal.last_day(end - 1) == last
    if not exact:
        f.notes.add("rounded", f"dates not on {cal.unit.value} boundaries were widened to "
                    f"whole {cal.unit.value}s", row.entry)
    return _Span(begin, end)


def _is_package(row: _Row) -> bool:
    return row.depth == 1 and (row.summary or "package" in row.flags())


def _packages(f: _File, rows: list[_Row]) -> list[Package]:
    """Top-level summary tasks (and psp's empty packages); deeper summaries are noted."""
    packages: list[Package] = []
    ids: dict[str, str] = {}
    for row in rows:
        if _is_package(row):
            wanted = row.custom.get("psp-id", "")
            row.id = wanted if is_id(wanted) and wanted not in ids.values() \
                else f"P{row.gan_id}"
            ids[row.gan_id] = row.id
            packages.append(Package(row.id, row.name))
        elif row.summary:
            f.notes.add("nested-summary", "a summary task below the top level is no package "
                        "of its own: its tasks belong to their top-level package", row.entry)
    for row in rows:
        row.package = ids.get(row.top) if row.depth > 1 else None
    return packages


def _ids(f: _File, rows: list[_Row], taken: set[str]) -> None:
    """Each task's id: psp's where usable and unique, else T and its GanttProject id."""
    tasks = [r for r in rows if not r.summary and not _is_package(r)]
    wanted = [r.custom.get("psp-id", "") for r in tasks]
    counts = Counter(wanted)
    for row, word in zip(tasks, wanted, strict=True):
        good = is_id(word) and counts[word] == 1 and word not in taken
        row.id = word if good else f"T{row.gan_id}"
    seen = set(taken)
    for row in tasks:
        while row.id in seen:
            row.id = f"{row.id}_"
        seen.add(row.id)


def _owners(f: _File, rows: list[_Row]) -> dict[str, list[str]]:
    """Resource names by task, in the order of the allocations."""
    names = {r.get("id", ""): r.get("name", "").strip() for r in f.root.iterfind(
        "resources/resource")}
    kinds = {r.gan_id: r for r in rows}
    owners: dict[str, list[str]] = {}
    for node in f.root.iterfind("allocations/allocation"):
        task, resource = node.get("task-id", ""), node.get("resource-id", "")
        entry = f"allocation task-id={task}"
        if task not in kinds or resource not in names:
            f.problem("unknown-task", f"an allocation names a task or resource the file does "
                      f"not have: task {task!r}, resource {resource!r}", entry)
        elif kinds[task].summary or _is_package(kinds[task]):
            f.notes.add("summary-owner", "a resource allocated to a summary task was dropped "
                        "(psp's owners belong to tasks)", entry)
        elif names[resource] and names[resource] not in owners.setdefault(task, []):
            owners[task].append(names[resource])
    return owners


def _task(row: _Row, span: _Span, owners: list[str]) -> Task:
    if "level_of_effort" in row.flags():
        return Task(row.id, row.name, package=row.package, owners=owners,
                    kind=TaskKind.LEVEL_OF_EFFORT)
    return Task(row.id, row.name, package=row.package, owners=owners,
                duration=0 if row.milestone else span.end - span.start)


def _links(f: _File, rows: list[_Row], spans: dict[str, _Span], days: Calendar,
           cal: Calendar) -> list[Link]:
    by_id = {r.gan_id: r for r in rows}
    links = []
    for row in rows:
        for dep in row.depends:
            after = by_id.get(dep.successor)
            if after is None:
                f.problem("unknown-task", f"a dependency names the task {dep.successor!r}, "
                          "which the file does not have", dep.entry, "depend id")
            elif row.gan_id not in spans or after.gan_id not in spans:
                f.notes.add("summary-link", "a dependency of a summary task was dropped "
                            "(psp links tasks)", dep.entry)
            else:
                lag = _lag(f, dep, spans[row.gan_id], days, cal)
                links.append(Link(row.id, after.id, dep.type, lag=lag))
    return links


def _lag(f: _File, dep: _Depend, span: _Span, days: Calendar, cal: Calendar) -> int:
    """The lag in periods: from the predecessor's date the link starts at, ``days`` on."""
    anchor = span.end if dep.type.from_finish else span.start
    target = days.first_day(days.boundary_on_or_after(cal.first_day(anchor)) + dep.days)
    period = cal.period_of(target)
    if cal.first_day(period) != target:
        f.notes.add("rounded", f"dates not on {cal.unit.value} boundaries were widened to "
                    f"whole {cal.unit.value}s", dep.entry)
        period += 1
    return period - anchor


def _constraints(f: _File, row: _Row, cal: Calendar) -> list[Constraint]:
    found = []
    begin = f.date(row.node, "thirdDate", row.entry)
    if begin is not None and row.node.get("thirdDate-constraint", "") == _EARLIEST_BEGIN:
        found.append(Constraint(row.id, ConstraintKind.START_NO_EARLIER_THAN,
                                _earliest(f, row, cal, begin)))
    elif begin is not None:
        f.notes.add("constraint-dropped", "a third date that is no earliest begin was "
                    "dropped", row.entry)
    text = row.flags().get("not_after")
    finish = _day(f, text, row.entry, "psp not_after") if text else None
    if finish is not None:
        found.append(Constraint(row.id, ConstraintKind.FINISH_NO_LATER_THAN, finish))
    return found


def _earliest(f: _File, row: _Row, cal: Calendar, day: dt.date) -> dt.date:
    """An earliest begin as psp's not_before: the day itself where a period (or, for a
    milestone, a boundary) lies there, else the next period's first day (noted)."""
    period = cal.period_of(day)
    if day == cal.first_day(period) or (row.milestone and day == cal.last_day(period)):
        return day
    f.notes.add("rounded", f"dates not on {cal.unit.value} boundaries were widened to "
                f"whole {cal.unit.value}s", row.entry)
    return cal.first_day(period + 1)


def _progress(f: _File, rows: list[_Row], spans: dict[str, _Span],
              cal: Calendar) -> tuple[list[Actual], set[str]]:
    """psp's own actual dates where it wrote them, else percent complete at the file's
    dates."""
    actuals, idle = [], set()
    for row in rows:
        if _is_package(row):
            continue
        flags = row.flags()
        if "not_started" in flags:
            idle.add(row.id)
        if "actual" in flags:
            actuals.append(_actual(f, row, flags["actual"]))
        elif not f.own and row.complete > 0:
            span = spans[row.gan_id]
            day = cal.first_day(span.start)
            finish = (day if row.milestone else cal.last_day(span.end - 1)) \
                if row.complete >= 100 else None
            actuals.append(Actual(row.id, day, finish))
    return actuals, idle


def _actual(f: _File, row: _Row, text: str) -> Actual:
    begun, _, done = text.partition("/")
    start = _day(f, begun, row.entry, "psp actual")
    finish = _day(f, done, row.entry, "psp actual") if done else None
    return Actual(row.id, start or dt.date(2000, 1, 3), finish)


def _assumed_status(f: _File, actuals: list[Actual]) -> dt.date:
    """GanttProject keeps no status date: the day after the last reported date."""
    status = max(max(a.start, a.finish or a.start) for a in actuals) + dt.timedelta(days=1)
    f.notes.add("no-status-date", "GanttProject keeps no status date: the day after the last "
                f"reported date, {status.isoformat()}, was taken", "project")
    return status


def _kept_starts(f: _File, plan: Project, rows: list[_Row], spans: dict[str, _Span],
                 cal: Calendar) -> Project:
    """A task GanttProject shows later than its links demand keeps its start (not_before)."""
    early = schedule(validate(plan))
    reported = {a.task for a in plan.actuals}
    added = []
    for row in rows:
        span = spans.get(row.gan_id)
        if span is None or _is_package(row) or row.id in reported or "level_of_effort" in \
                row.flags():
            continue
        if span.start > early[row.id].start_period:
            added.append(Constraint(row.id, ConstraintKind.START_NO_EARLIER_THAN,
                                    cal.first_day(span.start)))
            f.notes.add("start-kept", "a task placed later than its links demand keeps its "
                        "date as not_before", row.entry)
    return attrs.evolve(plan, constraints=(*plan.constraints, *added)) if added else plan


# --- writing -------------------------------------------------------------------------------


@attrs.frozen
class _Facts:
    """What every task's element needs, worked out once per plan."""

    project: Project
    s: Schedule
    ids: dict[str, str]
    out_of: dict[str, list[Link]]
    starts: dict[str, Constraint]
    ends: dict[str, list[Constraint]]
    actuals: dict[str, Actual]


def _facts(project: Project) -> _Facts:
    out_of: dict[str, list[Link]] = {}
    for link in project.links:
        out_of.setdefault(link.predecessor, []).append(link)
    ends: dict[str, list[Constraint]] = {}
    for c in project.constraints:
        if not c.is_start:
            ends.setdefault(c.task, []).append(c)
    return _Facts(project, schedule(project), {}, out_of,
                  {c.task: c for c in project.constraints if c.is_start}, ends,
                  {a.task: a for a in project.actuals})


def dumps_gan(project: Project) -> str:
    """The plan as GanttProject text (``.gan``), with psp's schedule as the tasks' dates.

    Parameters
    ----------
    project : Project
        The plan.

    Returns
    -------
    str
        The XML text; what GanttProject has no field for is kept in psp's custom columns.

    Examples
    --------
    >>> import psp
    >>> text = dumps_gan(psp.load("examples/digitale_werkstatt.toml"))
    >>> [line.strip()[:40] for line in text.splitlines() if 'id="2"' in line][:2]
    ['<depend id="2" type="1" difference="0" h', '<task id="2" name="Planung der gesamten ']
    >>> loads_gan(text).plan.tasks == psp.load("examples/digitale_werkstatt.toml").tasks
    True
    """
    facts = _facts(project)
    root = ET.Element("project", {
        "name": project.name, "company": "", "webLink": "",
        "view-date": project.start.isoformat(), "view-index": "0",
        "gantt-divider-location": "300", "resource-divider-location": "300",
        "version": "3.2", "locale": "de"})
    ET.SubElement(root, "description")
    ET.SubElement(root, "view", {"zooming-state": "default:3", "id": "gantt-chart"})
    ET.SubElement(root, "view", {"id": "resource-table"})
    _write_calendar(root, project.unit is Unit.WORKDAY)
    tasks = ET.SubElement(root, "tasks", {"empty-milestones": "true"})
    _write_columns(tasks, project)
    _number(facts)
    for package, members in grouped(project):
        parent = tasks if package is None else _write_package(tasks, facts, package, members)
        for task in members:
            _write_task(parent, facts, task)
    _write_resources(root, facts)
    for name in ("vacations", "previous"):
        ET.SubElement(root, name)
    ET.SubElement(root, "roles", {"roleset-name": "Default"})
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _write_calendar(root: ET.Element, workdays: bool) -> None:
    types = ET.SubElement(ET.SubElement(root, "calendars"), "day-types")
    for n in ("0", "1"):
        ET.SubElement(types, "day-type", {"id": n})
    week = {"id": "1", "name": "default"}
    week.update({d: "1" if workdays and d in ("sat", "sun") else "0"
                 for d in ("sun", *_WEEKDAYS[:6])})
    ET.SubElement(types, "default-week", week)
    ET.SubElement(types, "only-show-weekends", {"value": "false"})
    ET.SubElement(types, "overriden-day-types")
    ET.SubElement(types, "days")


def _write_columns(tasks: ET.Element, project: Project) -> None:
    columns = ET.SubElement(tasks, "taskproperties")
    for n, name in enumerate(_DEFAULT_COLUMNS):
        ET.SubElement(columns, "taskproperty", {
            "id": f"tpd{n}", "name": name, "type": "default",
            "valuetype": "icon" if n < 3 else "date" if "date" in name else
            "int" if name in ("duration", "completion") else "text"})
    plan = {"unit": project.unit.value, "start": project.start.isoformat(),
            "end": project.end and project.end.isoformat(),
            "status": project.status and project.status.isoformat(), "id": project.id}
    defaults = {"psp-plan": " ".join(f"{k}={v}" for k, v in plan.items() if v)}
    for name, column in _COLUMNS.items():
        ET.SubElement(columns, "taskproperty", {
            "id": column, "name": name, "type": "custom", "valuetype": "text",
            "defaultvalue": defaults.get(name, "")})


def _number(facts: _Facts) -> None:
    """GanttProject's ids: whole numbers in outline order."""
    n = 0
    for package, members in grouped(facts.project):
        for key in ([] if package is None else [package.id]) + [t.id for t in members]:
            facts.ids[key] = str(n)
            n += 1


def _write_package(tasks: ET.Element, facts: _Facts, package: Package,
                   members: list[Task]) -> ET.Element:
    cal, s = facts.project.calendar, facts.s
    first = min((s[t.id].start_period for t in members), default=0)
    last = max((s[t.id].finish_period for t in members), default=first + 1)
    node = ET.SubElement(tasks, "task", {
        "id": facts.ids[package.id], "name": package.name, "meeting": "false",
        "start": cal.first_day(first).isoformat(),
        "duration": str(max(cal.days_between(first, last), 1)), "complete": "0",
        "expand": "true"})
    _custom(node, "psp-id", package.id)
    _custom(node, "psp", "" if members else "package")
    return node


def _write_task(parent: ET.Element, facts: _Facts, task: Task) -> None:
    project, ts = facts.project, facts.s[task.id]
    cal = project.calendar
    milestone = task.kind is TaskKind.MILESTONE
    # the task's own duration (a span stretched by progress is the schedule's, not the plan's)
    end = ts.finish_period if task.is_level_of_effort else ts.start_period + task.duration
    attributes = {
        "id": facts.ids[task.id], "name": task.name, "meeting": str(milestone).lower(),
        "start": cal.first_day(ts.start_period).isoformat(),
        "duration": "0" if milestone else str(cal.days_between(ts.start_period, end)),
        "complete": str(_percent(facts, task, end)), "expand": "true"}
    begin = facts.starts.get(task.id)
    if begin is not None:
        attributes.update({"thirdDate": begin.date.isoformat(),
                           "thirdDate-constraint": _EARLIEST_BEGIN})
    node = ET.SubElement(parent, "task", attributes)
    for link in facts.out_of.get(task.id, []):
        anchor = end if link.type.from_finish else ts.start_period
        ET.SubElement(node, "depend", {
            "id": facts.ids[link.successor], "type": CODE_OF[link.type],
            "difference": str(cal.days_between(anchor, anchor + link.lag)),
            "hardness": "Strong"})
    _custom(node, "psp-id", task.id)
    _custom(node, "psp", _flags(facts, task))


def _custom(node: ET.Element, column: str, value: str) -> None:
    if value:
        ET.SubElement(node, "customproperty", {"taskproperty-id": _COLUMNS[column],
                                               "value": value})


def _flags(facts: _Facts, task: Task) -> str:
    """psp's words for what GanttProject has no field for."""
    words = ["level_of_effort"] if task.is_level_of_effort else []
    words += [f"not_after={c.date.isoformat()}" for c in facts.ends.get(task.id, [])]
    actual = facts.actuals.get(task.id)
    if actual is not None:
        finish = "" if actual.finish is None else actual.finish.isoformat()
        words.append(f"actual={actual.start.isoformat()}/{finish}")
    if task.id in facts.project.not_started:
        words.append("not_started")
    return " ".join(words)


def _percent(facts: _Facts, task: Task, finish_period: int) -> int:
    """100 when finished, the elapsed share of its span at the status date when running."""
    project, actual = facts.project, facts.actuals.get(task.id)
    if actual is None or project.status is None:
        return 0
    if actual.finish is not None:
        return 100
    cal = project.calendar
    begun, now = cal.period_of(actual.start), cal.boundary_on_or_after(project.status)
    span = max(finish_period - begun, 1)
    return max(1, min(99, round(100 * (now - begun) / span)))


def _write_resources(root: ET.Element, facts: _Facts) -> None:
    tasks = facts.project.tasks
    owners = {name: str(n) for n, name in enumerate(dict.fromkeys(
        o for t in tasks for o in t.owners))}
    resources = ET.SubElement(root, "resources")
    for name, n in owners.items():
        ET.SubElement(resources, "resource", {"id": n, "name": name, "function": "Default:0",
                                              "contacts": "", "phone": ""})
    allocations = ET.SubElement(root, "allocations")
    for task in tasks:
        for name in task.owners:
            ET.SubElement(allocations, "allocation", {
                "task-id": facts.ids[task.id], "resource-id": owners[name],
                "function": "Default:0", "responsible": "true", "load": "100.0"})


def lost(project: Project) -> tuple[Note, ...]:
    """What a GanttProject file cannot hold of a plan: budget positions, cost rules, events.

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
    return left_out(project, "GanttProject", holds_id=True)


def dump_gan(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the plan as a GanttProject file (see `dumps_gan`); never half a file.

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
    ...     target = pathlib.Path(folder) / "plan.gan"
    ...     dump_gan(plan, target)
    ...     again = load_gan(target).plan
    >>> again == attrs.evolve(plan, positions=())  # GanttProject holds no budget
    True
    """
    text = dumps_gan(project)
    write_text(path, text)
