"""The plan file: TOML 1.1 in (``rtoml`` where installed, else ``tomli``), canonical TOML out.

Reading collects every problem of every entry, then validates the whole plan,
and raises one `ValidationError` naming the file, the entry (``task 1.3``) and
the key of each problem. Writing produces a canonical file that reads back to an
equal plan. The writer is our own (about fifty lines) because the file's layout
matters to the people who read and diff it: ``depends`` stays an inline list
under its task, which general TOML writers turn into ``[[task.depends]]`` tables.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import operator
import os
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from itertools import chain, compress, count, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from psp._support.files import write_text
from psp._support.memory import paused_collector
from psp.calendars import Unit, parse_date
from psp.engine._network import portfolio_problems
from psp.engine._network import problems as plan_problems
from psp.errors import (
    DateAlignmentError,
    DateParseError,
    DateRangeError,
    FieldError,
    FileReadError,
    PlanFileError,
    Problem,
    ValidationError,
    did_you_mean,
)
from psp.io._tomltext import parse
from psp.model import (
    Actual,
    Constraint,
    ConstraintKind,
    CostRules,
    Link,
    LinkType,
    Package,
    Portfolio,
    Position,
    Project,
    Task,
    TaskKind,
    plain_link,
    plain_links,
    plain_task,
    plain_tasks,
)
from psp.model._fields import only

if TYPE_CHECKING:  # loaded where a plan has events, estimates or risks
    from psp.model._events import Event
    from psp.model._risk import Estimate, Risk

__all__ = ["dump_toml", "dumps", "dumps_portfolio", "from_dict", "load_portfolio", "load_toml",
           "loads", "loads_portfolio"]

# What people write for a key, and the key psp knows for it.
_SYNONYMS = {"dependencies": "depends", "predecessors": "depends", "after": "depends",
             "owner": "owners", "responsible": "owners", "wp": "package",
             "work_package": "package", "title": "name", "length": "duration",
             "from": "id", "deadline": "not_after", "earliest": "not_before",
             "datum": "date", "day": "date", "when": "date", "type": "kind"}

_PROJECT_KEYS = ("name", "start", "end", "unit", "status", "id")
_POSITION_KEYS = ("id", "name", "fte", "pay_grade", "yearly_cost", "total", "funding_rate",
                  "funding_base", "start", "end", "task", "owner")
_COST_KEYS = ("round_to", "rounding")
_PACKAGE_KEYS = ("id", "name")
_TASK_KEYS = (
    "id", "package", "name", "owners", "duration", "depends",
    "not_before", "not_after", "level_of_effort", "milestone", "actual_start", "actual_finish",
    "not_started", "optimistic", "pessimistic", "distribution",
)
_LINK_KEYS = ("id", "type", "lag")
_EVENT_KEYS = ("id", "name", "date", "task", "package", "kind", "note", "participants")
_RISK_KEYS = ("id", "name", "probability", "delay", "not_before")
_ESTIMATE_KEYS = ("optimistic", "pessimistic", "distribution")
# Problems that only make sense once the project header could be read.
_DATE_CODES = frozenset({"constraint-before-start", "date-misaligned", "end-before-start"})


class _Reader:
    """Collects problems while turning the TOML tables into model objects."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.idle: list[str] = []  # tasks said not to have started

    def problem(self, code: str, message: str, entry: str, key: str | None = None) -> None:
        self.problems.append(Problem(code, message, entry, key))

    def keys(self, table: dict[str, Any], allowed: tuple[str, ...], entry: str) -> None:
        for key in table:
            if key not in allowed:
                hint = did_you_mean(key, allowed, synonyms=_SYNONYMS)
                self.problem("unknown-key", f"unknown key{hint} (known: {', '.join(allowed)})",
                             entry, key)

    def flag(self, table: dict[str, Any], key: str, entry: str) -> bool:
        """A true/false key (false when absent); anything else is a problem."""
        value = table.get(key, False)
        if isinstance(value, bool):
            return value
        self.problem("wrong-type", f"expected true or false, got {value!r}", entry, key)
        return False

    def build(
        self, entry: str, make: Callable[[], Any], key: str | None = None,
        *, date_key: str | None = None,
    ) -> Any:
        """Run a constructor; turn its error into a problem of this entry and key."""
        try:
            return make()
        except FieldError as err:
            self.problem(err.code, err.detail, entry, key or err.field)
        except (DateAlignmentError, DateParseError) as err:
            self.problem(err.code, str(err), entry, date_key)
        return None

    def date(self, table: dict[str, Any], key: str, entry: str, edge: str) -> dt.date | None:
        value = table.get(key)
        if value is None:
            return None
        try:
            return parse_date(value, edge="start" if edge == "start" else "end")
        except (DateParseError, DateRangeError) as err:
            self.problem(err.code, str(err), entry, key)
            return None

    def table_list(self, data: dict[str, Any], name: str) -> list[dict[str, Any]]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(map(isinstance, value, repeat(dict))):
            self.problem("wrong-type", f"expected [[{name}]] tables", name)
            return []
        return value


def _read_project(reader: _Reader, data: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    header = data.get("project")
    if not isinstance(header, dict):
        reader.problem("missing-key", "a [project] table with name and start is required", "file",
                       "project")
        return {}, False
    reader.keys(header, _PROJECT_KEYS, "project")
    ok = True
    for key in ("name", "start"):
        if key not in header:
            reader.problem("missing-key", "required", "project", key)
            ok = False
    start = reader.date(header, "start", "project", "start")
    end = reader.date(header, "end", "project", "end")
    fields = {"name": header.get("name", ""), "start": start, "end": end,
              "unit": header.get("unit", Unit.MONTH),
              "status": reader.date(header, "status", "project", "start"),
              "id": header.get("id")}
    if start is None:
        return fields, False
    probe = reader.build(
        "project",
        lambda: Project(fields["name"], start, end=end, unit=fields["unit"], id=fields["id"]),
        date_key="start",
    )
    return fields, ok and probe is not None


def _read_links(reader: _Reader, task_id: str, value: Any, entry: str) -> list[Link]:
    if not isinstance(value, list):
        reader.problem("wrong-type", "expected a list of ids or { id = … } tables", entry,
                       "depends")
        return []
    links = []
    for item in value:
        make: Callable[[], Link]
        if isinstance(item, str):
            make = functools.partial(Link, item, task_id)
        elif isinstance(item, dict):
            reader.keys(item, _LINK_KEYS, entry)
            if "id" not in item:
                reader.problem("missing-key", "each { … } in depends needs an id", entry,
                               "depends")
                continue
            make = functools.partial(
                Link, item["id"], task_id, item.get("type", LinkType.FS), lag=item.get("lag", 0)
            )
        else:
            reader.problem("wrong-type", f"expected an id or {{ id = … }}, got {item!r}", entry,
                           "depends")
            continue
        link = reader.build(entry, make, "depends")
        if link is not None:
            links.append(link)
    return links


def _task_kind(reader: _Reader, table: dict[str, Any], entry: str, *,
               loe: bool) -> TaskKind | None:
    """The kind the file states (level of effort, milestone), or None for the default."""
    milestone = reader.flag(table, "milestone", entry)
    if loe:
        if "duration" in table:
            reader.problem("invalid-field", "level of effort spans the project: no duration",
                           entry, "duration")
        if "depends" in table:
            reader.problem("loe-link", "level of effort spans the project: no links",
                           entry, "depends")
        return TaskKind.LEVEL_OF_EFFORT
    if milestone:
        return TaskKind.MILESTONE
    if "duration" not in table:
        reader.problem("missing-key", "required (0 for a milestone)", entry, "duration")
    return None


def _task_dates(reader: _Reader, table: dict[str, Any], task_id: str,
                entry: str) -> tuple[list[Constraint], list[Actual]]:
    """A task's not_before / not_after and its actual dates."""
    constraints = []
    for key, kind, edge in (
        ("not_before", ConstraintKind.START_NO_EARLIER_THAN, "start"),
        ("not_after", ConstraintKind.FINISH_NO_LATER_THAN, "end"),
    ):
        day = reader.date(table, key, entry, edge)
        if day is not None:
            constraints.append(Constraint(task_id, kind, day))
    actuals = []
    started = reader.date(table, "actual_start", entry, "start")
    finished = reader.date(table, "actual_finish", entry, "end")
    if started is None and "actual_finish" in table and "actual_start" not in table:
        reader.problem("missing-key", "an actual finish needs an actual start", entry,
                       "actual_start")
    elif started is not None:
        actuals.append(Actual(task_id, started, finished))
    return constraints, actuals


_PLAIN_TASK_KEYS = frozenset({"id", "package", "name", "owners", "duration", "depends"})
_PLAIN_LINK_KEYS = frozenset(_LINK_KEYS)
_FS = "FS"  # a link's type where the file gives none


def _plain_task(table: dict[str, Any]) -> tuple[Task, list[Link]] | None:
    """A task with plain keys only, read without the careful path's bookkeeping.

    Most tasks of a large plan look like this; ``None`` for anything else or anything
    wrong, which the careful path (`_read_task`) then reads and words.
    """
    if not table.keys() <= _PLAIN_TASK_KEYS or "duration" not in table:
        return None
    task = plain_task(table.get("id"), table.get("name", ""), package=table.get("package"),
                      owners=table.get("owners", ()), duration=table["duration"])
    depends = table.get("depends", [])
    if task is None or not isinstance(depends, list):
        return None
    links = []
    for item in depends:
        fields = _link_fields(item)
        link = None if fields is None else plain_link(fields[0], task.id, *fields[1:])
        if link is None:
            return None
        links.append(link)
    return task, links


def _link_fields(item: object) -> tuple[object, object, object] | None:
    """A ``depends`` entry's predecessor, type and lag: a bare id is an FS link without lag.

    ``None`` for a table with keys beyond those (the careful path says which).
    """
    if not isinstance(item, dict):
        return item, _FS, 0
    if not item.keys() <= _PLAIN_LINK_KEYS:
        return None
    return item.get("id"), item.get("type", _FS), item.get("lag", 0)


def _link_columns(entries: list[Any]) -> tuple[list[object], list[object], list[object]] | None:
    """`_link_fields` of every entry at once: predecessors, types and lags as columns.

    Each table is looked up once per key, in C; the bare ids stand as they are.
    """
    kinds: list[object] = [_FS] * len(entries)
    lags: list[object] = [0] * len(entries)
    at = list(compress(count(), map(operator.is_, map(type, entries), repeat(dict))))
    if not at:
        return entries, kinds, lags
    tables = list(map(entries.__getitem__, at))
    if not all(map(_PLAIN_LINK_KEYS.issuperset, tables)):
        return None
    predecessors = list(entries)
    for n, predecessor, kind, lag in zip(
            at, map(dict.get, tables, repeat("id")),
            map(dict.get, tables, repeat("type"), repeat(_FS)),
            map(dict.get, tables, repeat("lag"), repeat(0)), strict=True):
        predecessors[n], kinds[n], lags[n] = predecessor, kind, lag
    return predecessors, kinds, lags


def _plain_tables(tables: list[dict[str, Any]]) -> tuple[list[Task], list[Link]] | None:
    """Every task at once when every table is plain (`_plain_task`), else ``None``.

    Column by column, without a call per task or link: what most tasks of a large plan
    look like. Anything else goes task by task.
    """
    if not (all(map(_PLAIN_TASK_KEYS.issuperset, tables))
            and all(map(dict.__contains__, tables, repeat("duration")))):
        return None
    ids = _column(tables, "id", None)
    tasks = plain_tasks(ids, _column(tables, "name", ""), _column(tables, "package", None),
                        _column(tables, "owners", ()), _column(tables, "duration", None))
    depends = _column(tables, "depends", [])
    if tasks is None or not only(list, depends):
        return None
    columns = _link_columns(list(chain.from_iterable(depends)))
    if columns is None:
        return None
    successors = list(chain.from_iterable(map(repeat, ids, map(len, depends))))
    links = plain_links(columns[0], successors, columns[1], columns[2])
    return None if links is None else (tasks, links)


def _column(tables: list[dict[str, Any]], key: str, default: object) -> list[Any]:
    return list(map(dict.get, tables, repeat(key), repeat(default)))


def _task_estimate(reader: _Reader, table: dict[str, Any], task_id: str,
                   entry: str) -> list[Estimate]:
    """A task's three-point estimate; a side left out is the duration itself."""
    if not any(key in table for key in _ESTIMATE_KEYS):
        return []
    duration = table.get("duration", 0)
    low, high = table.get("optimistic"), table.get("pessimistic")
    # A side left out is the duration; kept on the written side's side of it, so that a
    # wrong written value is worded against the duration, not against a value nobody wrote.
    if isinstance(duration, int) and isinstance(low, int) and high is None:
        high = max(duration, low)
    if isinstance(duration, int) and isinstance(high, int) and low is None:
        low = min(duration, high)
    fields = {"optimistic": duration if low is None else low,
              "pessimistic": duration if high is None else high}
    if "distribution" in table:
        fields["distribution"] = table["distribution"]
    from psp.model._risk import Estimate  # loaded for plans with estimates only

    estimate = reader.build(entry, lambda: Estimate(task_id, **fields))
    return [] if estimate is None else [estimate]


_Parts = tuple[Task | None, list[Link], list[Constraint], list[Actual], list["Estimate"]]


def _read_task(reader: _Reader, table: dict[str, Any], number: int) -> _Parts:
    plain = _plain_task(table)
    if plain is not None:
        return plain[0], plain[1], [], [], []
    task_id: Any = table.get("id")
    entry = f"task {task_id}" if isinstance(task_id, str) and task_id else f"task #{number}"
    reader.keys(table, _TASK_KEYS, entry)
    if "id" not in table:
        reader.problem("missing-key", "required", entry, "id")
        return None, [], [], [], []
    loe = reader.flag(table, "level_of_effort", entry)
    kind = _task_kind(reader, table, entry, loe=loe)
    duration = 0 if loe else table.get("duration", 0)
    task = reader.build(
        entry,
        lambda: Task(
            task_id,
            table.get("name", ""),
            package=table.get("package"),
            owners=table.get("owners", ()),
            duration=duration,
            **({"kind": kind} if kind is not None else {}),
        ),
    )
    if not isinstance(task_id, str):
        return task, [], [], [], []
    links = [] if loe else _read_links(reader, task_id, table.get("depends", []), entry)
    constraints, actuals = _task_dates(reader, table, task_id, entry)
    estimates = _task_estimate(reader, table, task_id, entry)
    if reader.flag(table, "not_started", entry):
        reader.idle.append(task_id)
    if task is None:
        # A stand-in keeps the id known, so links to a broken task are not reported twice.
        with contextlib.suppress(FieldError):
            task = Task(task_id, duration=1)
    return task, links, constraints, actuals, estimates


def _read_rules(reader: _Reader, data: dict[str, Any]) -> CostRules:
    grades = data.get("pay_grades", {})
    costs = data.get("costs", {})
    if not isinstance(grades, dict) or not isinstance(costs, dict):
        reader.problem("wrong-type", "expected [pay_grades] and [costs] tables", "file")
        return CostRules()
    reader.keys(costs, _COST_KEYS, "costs")
    parts = [{"pay_grades": grades}, *({k: costs[k]} for k in _COST_KEYS if k in costs)]
    fields: dict[str, Any] = {}
    for part in parts:  # each on its own, so every bad one is reported
        try:
            CostRules(**part)
            fields |= part
        except FieldError as err:  # a grade's amount, or one of the [costs] keys
            entry, _, key = err.field.partition(".")
            if entry != "pay_grades":
                entry, key = "costs", err.field
            reader.problem(err.code, err.detail, entry, key)
    return CostRules(**fields)


def _read_positions(reader: _Reader, data: dict[str, Any]) -> list[Position]:
    found = []
    for number, table in enumerate(reader.table_list(data, "position"), start=1):
        ident: Any = table.get("id")
        entry = f"position {ident}" if isinstance(ident, str) else f"position #{number}"
        reader.keys(table, _POSITION_KEYS, entry)
        if "id" not in table:
            reader.problem("missing-key", "required", entry, "id")
            continue
        fields = {k: table[k] for k in _POSITION_KEYS[2:] if k in table}
        for key, edge in (("start", "start"), ("end", "end")):
            if key in fields:
                day = reader.date(table, key, entry, edge)
                if day is None:
                    fields.pop(key)
                else:
                    fields[key] = day
        make = functools.partial(Position, ident, table.get("name", ""), **fields)
        position = reader.build(entry, make)
        if position is not None:
            found.append(position)
    return found


def _read_entries(reader: _Reader, data: dict[str, Any], name: str, keys: tuple[str, ...],
                  required: tuple[str, ...], make: Callable[..., Any]) -> list[Any]:
    """The ``[[name]]`` tables built by ``make(id, name, **the other keys)``, each entry's
    unknown and missing keys and bad values reported."""
    found = []
    for number, table in enumerate(reader.table_list(data, name), start=1):
        ident: Any = table.get("id")
        entry = f"{name} {ident}" if isinstance(ident, str) else f"{name} #{number}"
        reader.keys(table, keys, entry)
        missing = [key for key in required if key not in table]
        for key in missing:
            reader.problem("missing-key", "required", entry, key)
        if missing:
            continue
        fields = {k: table[k] for k in keys[2:] if k in table}
        built = reader.build(entry, functools.partial(make, ident, table.get("name", ""),
                                                      **fields))
        if built is not None:
            found.append(built)
    return found


def _read_events(reader: _Reader, data: dict[str, Any]) -> list[Event]:
    return _read_entries(reader, data, "event", _EVENT_KEYS, ("id", "date"), _event)


def _read_risks(reader: _Reader, data: dict[str, Any]) -> list[Risk]:
    return _read_entries(reader, data, "risk", _RISK_KEYS, ("id", "probability"), _risk)


def _event(*args: Any, **fields: Any) -> Event:
    from psp.model._events import Event  # loaded for plans with events only

    return Event(*args, **fields)


def _risk(*args: Any, **fields: Any) -> Risk:
    from psp.model._risk import Risk  # loaded for plans with risks only

    return Risk(*args, **fields)


# Tables read together: a chunk's tables stay in the processor's cache while each of its
# columns is read (100,000 tables as one chunk: 437 ms; in chunks of 1,024: about 260 ms).
_CHUNK = 1024


def _read_tasks(reader: _Reader, tables: list[dict[str, Any]]) -> tuple[
        list[Task], list[Link], list[Constraint], list[Actual], list[Estimate]]:
    """Every task table's parts: chunks of plain tables together, the others one by one."""
    tasks: list[Task] = []
    links: list[Link] = []
    constraints: list[Constraint] = []
    actuals: list[Actual] = []
    estimates: list[Estimate] = []
    for first in range(0, len(tables), _CHUNK):
        chunk = tables[first:first + _CHUNK]
        plain = _plain_tables(chunk)
        if plain is not None:
            tasks += plain[0]
            links += plain[1]
            continue
        for number, table in enumerate(chunk, start=first + 1):
            task, task_links, task_constraints, task_actuals, task_estimates = _read_task(
                reader, table, number)
            if task is not None:
                tasks.append(task)
            links += task_links
            constraints += task_constraints
            actuals += task_actuals
            estimates += task_estimates
    return tasks, links, constraints, actuals, estimates


def _from_data(data: dict[str, Any], file: str, *, check_grades: bool = True) -> Project:
    reader = _Reader()
    reader.keys(data, ("project", "package", "task", "event", "risk", "position",
                       "pay_grades", "costs"), "file")
    rules = _read_rules(reader, data)
    positions = _read_positions(reader, data)
    fields, header_ok = _read_project(reader, data)
    packages = [
        p
        for number, table in enumerate(reader.table_list(data, "package"), start=1)
        if (p := _read_package(reader, table, number)) is not None
    ]
    tasks, links, constraints, actuals, estimates = _read_tasks(
        reader, reader.table_list(data, "task"))
    events = _read_events(reader, data)
    risks = _read_risks(reader, data)
    start = fields.get("start") if header_ok else None
    project = Project(
        fields["name"] if header_ok else "",
        start or dt.date(2000, 1, 1),
        end=fields.get("end") if header_ok else None,
        unit=fields["unit"] if header_ok else Unit.DAY,
        packages=packages,
        tasks=tasks,
        links=links,
        constraints=constraints,
        status=fields.get("status") if header_ok else None,
        actuals=actuals,
        not_started=reader.idle,
        positions=positions,
        events=events,
        estimates=estimates,
        risks=risks,
        rules=rules,
        id=fields.get("id") if header_ok else None,
    )
    found = reader.problems + [
        p for p in plan_problems(project) if header_ok or p.code not in _DATE_CODES
    ]
    if check_grades:  # in a portfolio, grades may come from its top; it checks them there
        found += _grade_problems(project, CostRules())
    if found:
        raise ValidationError(p.in_file(file) for p in found)
    return project


def _read_package(reader: _Reader, table: dict[str, Any], number: int) -> Package | None:
    package_id: Any = table.get("id")
    entry = f"package {package_id}" if isinstance(package_id, str) else f"package #{number}"
    reader.keys(table, _PACKAGE_KEYS, entry)
    if "id" not in table:
        reader.problem("missing-key", "required", entry, "id")
        return None
    package: Package | None = reader.build(
        entry, lambda: Package(package_id, table.get("name", ""))
    )
    return package


def loads(text: str, *, file: str = "<string>") -> Project:
    """Read a plan from TOML text and validate it.

    Parameters
    ----------
    text : str
        A plan file's text.
    file : str
        The name problems give as their file.

    Returns
    -------
    Project
        The validated plan.

    Raises
    ------
    TomlSyntaxError
        When the text is not TOML (with line and column).
    ValidationError
        With every problem of every entry, each naming ``file``, the entry and the key.

    Examples
    --------
    >>> plan = loads('''
    ... [project]
    ... name = "Demo"
    ... start = "Sep 2020"
    ... [[task]]
    ... id = "a"
    ... duration = 2
    ... [[task]]
    ... id = "b"
    ... duration = 1
    ... depends = [{ id = "a", type = "SS", lag = 1 }]
    ... ''')
    >>> plan.start
    datetime.date(2020, 9, 1)
    >>> plan.links
    (Link(predecessor='a', successor='b', type=<LinkType.SS: 'SS'>, lag=1),)
    >>> loads('[project]\\nname = "x"\\nstart = "Smarch 2020"', file="plan.toml")
    Traceback (most recent call last):
    ...
    psp.errors.ValidationError: the plan has 1 problem:
      plan.toml: project: start: cannot read 'Smarch 2020' as a month or date; did you mean ...
    >>> loads('[portfolio]\\nname = "P"\\n[[project]]\\nname = "A"', file="p.toml")
    Traceback (most recent call last):
    ...
    psp.errors.PlanFileError: p.toml: a portfolio file ([portfolio], [[project]]): read it ...
    """
    with paused_collector():
        data = parse(text, file)
        if "portfolio" in data or isinstance(data.get("project"), list):
            raise PlanFileError(file, "a portfolio file ([portfolio], [[project]]): read it "
                                      "with psp.load_portfolio")
        return _from_data(data, file)


def from_dict(data: dict[str, Any], *, source: str = "<dict>") -> Project:
    """Build a plan from the plan file's own words, given as Python values.

    The same keys as the file (``[project]``, ``[[package]]``, ``[[task]]`` with
    ``depends``, ``not_before``, ``not_after`` …), read by the same reader, with the
    same errors: each names ``source``, the entry and the key.

    Parameters
    ----------
    data : dict
        ``{"project": {...}, "package": [...], "task": [...], "position": [...]}``.
    source : str
        The name problems give as their file.

    Returns
    -------
    Project
        The validated plan.

    Examples
    --------
    >>> plan = from_dict({
    ...     "project": {"name": "Demo", "start": "2020-09", "end": "31.12.2020"},
    ...     "task": [{"id": "a", "duration": 2},
    ...              {"id": "b", "duration": 1, "owners": "Uni+Stadt",
    ...               "depends": [{"id": "a", "type": "SS", "lag": 1}],
    ...               "not_after": "2020-11"}]})
    >>> plan.links, plan.task("b").owners
    ((Link(predecessor='a', successor='b', type=<LinkType.SS: 'SS'>, lag=1),), ('Uni', 'Stadt'))
    >>> from_dict({"project": {"name": "x", "start": "2020-09"},
    ...            "task": [{"id": "b", "duration": 1, "depends": ["zz"]}]})
    Traceback (most recent call last):
    ...
    psp.errors.ValidationError: the plan has 1 problem:
      <dict>: task b: depends: depends on 'zz', which is not a task of this plan
    """
    if "portfolio" in data or isinstance(data.get("project"), list):
        raise PlanFileError(source, "a portfolio's data: read it with psp.load_portfolio")
    with paused_collector():
        return _from_data(data, source)


def _read(path: str | os.PathLike[str]) -> tuple[str, str]:
    """A plan file's name and text (UTF-8); errors name the file."""
    name = os.fspath(path)
    try:
        text = Path(name).read_text(encoding="utf-8-sig")  # a BOM from Windows editors is fine
    except OSError as err:
        raise FileReadError(name, f"cannot read the plan file: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise FileReadError(name, f"not UTF-8 text: {err.reason} at byte {err.start}") from None
    return name, text


def load_toml(path: str | os.PathLike[str]) -> Project:
    """Read a psp plan file (TOML, UTF-8) and validate it; `psp.io.load` for any format."""
    name, text = _read(path)
    return loads(text, file=name)


# --- writing -------------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


def _string(value: str) -> str:
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _date_text(project: Project, day: dt.date, *, edge: str) -> str:
    # A month form only where it reads back to the very same day.
    if project.unit is Unit.MONTH:
        first = day.replace(day=1)
        if edge == "start" and day == first:
            return f"{day:%Y-%m}"
        if edge == "end" and parse_date(f"{day:%Y-%m}", edge="end") == day:
            return f"{day:%Y-%m}"
    return day.isoformat()


def _link_text(link: Link) -> str:
    if link.type is LinkType.FS and link.lag == 0:
        return _string(link.predecessor)
    parts = [f"id = {_string(link.predecessor)}"]
    if link.type is not LinkType.FS:
        parts.append(f"type = {_string(link.type.value)}")
    if link.lag:
        parts.append(f"lag = {link.lag}")
    return "{ " + ", ".join(parts) + " }"


def dumps(project: Project) -> str:
    """Write a plan as canonical TOML; `loads` reads it back to an equal plan.

    Parameters
    ----------
    project : Project
        The plan to write.

    Returns
    -------
    str
        The plan file's text, canonical: equal plans give equal text.

    Raises
    ------
    ValidationError
        For what the file form cannot hold: a link to, or a constraint on, a task
        the plan lacks, or two constraints of one kind on one task.

    Examples
    --------
    >>> from psp import Project, Task, Link, Month
    >>> plan = Project("Demo", Month(2020, 9), tasks=[Task("a", duration=2),
    ...     Task("b", owners=["AGIT", "3win"], duration=1)], links=[Link("a", "b", "SS")])
    >>> print(dumps(plan))
    [project]
    name = "Demo"
    start = "2020-09"
    unit = "month"
    <BLANKLINE>
    [[task]]
    id = "a"
    duration = 2
    <BLANKLINE>
    [[task]]
    id = "b"
    owners = ["AGIT", "3win"]
    duration = 1
    depends = [{ id = "a", type = "SS" }]
    <BLANKLINE>
    >>> loads(dumps(plan)) == plan
    True
    """
    unwritable = _unwritable(project)
    if unwritable:
        raise ValidationError(unwritable)
    return "\n".join(_plan_lines(project, nested=False)) + "\n"


def _unwritable(project: Project) -> list[Problem]:
    """What a plan holds that its file cannot: dangling links, doubled constraints."""
    found = [
        Problem("unknown-task", "a link to a task the plan lacks cannot be written",
                f"link {link.predecessor} → {link.successor}")
        for link in project.links
        if link.successor not in project
    ]
    seen: set[tuple[str, bool]] = set()
    for c in project.constraints:
        if c.task not in project:
            found.append(Problem("unknown-task", "constrains a task the plan lacks",
                                 f"task {c.task}"))
        elif (c.task, c.is_start) in seen:
            found.append(Problem("duplicate-constraint", "only one of each kind can be "
                                 "written", f"task {c.task}"))
        seen.add((c.task, c.is_start))
    owners_of_actuals = Counter(a.task for a in project.actuals)
    found += [
        Problem("duplicate-actual" if t in project else "unknown-task",
                "these actual dates cannot be written", f"task {t}")
        for t, count in owners_of_actuals.items() if count > 1 or t not in project
    ]
    return found


def _plan_lines(project: Project, *, nested: bool) -> list[str]:
    """A plan's tables; ``nested``: as one ``[[project]]`` of a portfolio file."""
    def table(name: str) -> str:
        return f"[[project.{name}]]" if nested else f"[[{name}]]"

    lines = ["[[project]]" if nested else "[project]", *_header_lines(project)]
    for package in project.packages:
        lines += ["", table("package"), f"id = {_string(package.id)}"]
        if package.name:
            lines.append(f"name = {_string(package.name)}")
    links: dict[str, list[Link]] = {}
    for link in project.links:
        links.setdefault(link.successor, []).append(link)
    actuals = {a.task: a for a in project.actuals}
    constraints = {(c.task, c.is_start): c for c in project.constraints}
    estimates = {e.task: e for e in project.estimates}
    for task in project.tasks:
        lines += ["", table("task"), *_task_lines(project, task, links.get(task.id, []),
                                                  constraints, actuals.get(task.id))]
        if task.id in estimates:
            lines += _estimate_lines(estimates[task.id])
    for event in project.events:
        lines += ["", table("event"), *_event_lines(event)]
    for risk in project.risks:
        lines += ["", table("risk"), *_risk_lines(project, risk)]
    lines += _rules_lines(project.rules, prefix="project." if nested else "")
    for position in project.positions:
        lines += ["", table("position"), *_position_lines(position)]
    return lines


def _estimate_lines(estimate: Estimate) -> list[str]:
    from psp.model._risk import Distribution

    lines = [f"optimistic = {estimate.optimistic}", f"pessimistic = {estimate.pessimistic}"]
    if estimate.distribution is not Distribution.TRIANGULAR:
        lines.append(f"distribution = {_string(estimate.distribution.value)}")
    return lines


def _risk_lines(project: Project, risk: Risk) -> list[str]:
    lines = [f"id = {_string(risk.id)}"]
    if risk.name:
        lines.append(f"name = {_string(risk.name)}")
    lines.append(f"probability = {risk.probability!r}")  # repr: reads back to the same float
    if risk.delay:
        delays = ", ".join(f"{_string(target)} = {n}" for target, n in risk.delay)
        lines.append(f"delay = {{ {delays} }}")
    if risk.not_before:
        days = ", ".join(f'{_string(target)} = "{_date_text(project, day, edge="start")}"'
                         for target, day in risk.not_before)
        lines.append(f"not_before = {{ {days} }}")
    return lines


def _event_lines(event: Event) -> list[str]:
    from psp.model._events import EventKind

    lines = [f"id = {_string(event.id)}"]
    if event.name:
        lines.append(f"name = {_string(event.name)}")
    lines.append(f'date = "{event.date.isoformat()}"')
    for key in ("task", "package"):
        value = getattr(event, key)
        if value is not None:
            lines.append(f"{key} = {_string(value)}")
    if event.kind is not EventKind.EVENT:
        lines.append(f"kind = {_string(event.kind.value)}")
    if event.note:
        lines.append(f"note = {_string(event.note)}")
    if event.participants is not None:
        lines.append(f"participants = {event.participants}")
    return lines


def _header_lines(project: Project) -> list[str]:
    lines = [f"name = {_string(project.name)}"]
    if project.id is not None:
        lines.append(f"id = {_string(project.id)}")
    if project.unit is Unit.MONTH and project.start.day == 1:
        lines.append(f'start = "{project.start:%Y-%m}"')
    else:
        lines.append(f'start = "{project.start.isoformat()}"')
    if project.end is not None:
        lines.append(f'end = "{project.end.isoformat()}"')
    lines.append(f"unit = {_string(project.unit.value)}")
    if project.status is not None:
        lines.append(f'status = "{project.status.isoformat()}"')
    return lines


def _task_lines(project: Project, task: Task, depends: list[Link],
                constraints: dict[tuple[str, bool], Constraint],
                actual: Actual | None) -> list[str]:
    lines = [f"id = {_string(task.id)}"]
    if task.package is not None:
        lines.append(f"package = {_string(task.package)}")
    if task.name:
        lines.append(f"name = {_string(task.name)}")
    if task.owners:
        owners = ", ".join(_string(o) for o in task.owners)  # in the order written
        lines.append(f"owners = [{owners}]")
    lines.append("level_of_effort = true" if task.is_level_of_effort
                 else f"duration = {task.duration}")
    if depends:
        lines.append(f"depends = [{', '.join(_link_text(lk) for lk in depends)}]")
    for is_start, key in ((True, "not_before"), (False, "not_after")):
        found = constraints.get((task.id, is_start))
        if found is not None:
            edge = "start" if is_start else "end"
            lines.append(f'{key} = "{_date_text(project, found.date, edge=edge)}"')
    if task.id in project.not_started:
        lines.append("not_started = true")
    if actual is not None:
        lines.append(f'actual_start = "{actual.start.isoformat()}"')
        if actual.finish is not None:
            lines.append(f'actual_finish = "{actual.finish.isoformat()}"')
    return lines


def _number_text(amount: Decimal) -> str:
    """A TOML number that reads back to the same value: ``0.5``, ``100``."""
    return format(amount.normalize(), "f")


def _german(amount: Decimal) -> str:
    """``200800.00`` as ``200.800,00``: the digits as written, German separators."""
    places = max(-int(amount.as_tuple().exponent), 0)
    return f"{amount:,.{places}f}".translate(str.maketrans(",.", ".,"))


def _money_text(amount: Decimal) -> str:
    """Euros as the plan files of the seeds write them: ``"78.400 €"``, ``"200.800,00 €"``.

    Cents are kept as written; an amount with finer digits is written as a number.
    """
    if -int(amount.as_tuple().exponent) > 2:
        return _number_text(amount)
    return _string(f"{_german(amount)} €")


def _rate_text(rate: Decimal) -> str:
    """A funding rate as a percentage, ``"55,55 %"``, when two decimals hold it exactly."""
    percent = (rate * 100).normalize()
    if -int(percent.as_tuple().exponent) > 2:
        return _number_text(rate)
    return _string(f"{_german(percent)} %")


def _rules_lines(rules: CostRules, *, prefix: str = "") -> list[str]:
    lines: list[str] = []
    if rules.pay_grades:
        lines += ["", f"[{prefix}pay_grades]"]
        lines += [f"{_string(grade)} = {_money_text(amount)}" for grade, amount in
                  rules.pay_grades]
    if rules != CostRules(rules.pay_grades):
        lines += ["", f"[{prefix}costs]", f"round_to = {_number_text(rules.round_to)}",
                  f"rounding = {_string(rules.rounding)}"]
    return lines


def _position_lines(position: Position) -> list[str]:
    lines = [f"id = {_string(position.id)}"]
    if position.name:
        lines.append(f"name = {_string(position.name)}")
    if position.total is None or position.fte != 1:  # a lump sum has no post to state
        lines.append(f"fte = {_number_text(position.fte)}")
    for key in ("pay_grade", "task", "owner"):
        value = getattr(position, key)
        if value is not None:
            lines.append(f"{key} = {_string(value)}")
    for key in ("yearly_cost", "total", "funding_base"):
        value = getattr(position, key)
        if value is not None:
            lines.append(f"{key} = {_money_text(value)}")
    if position.funding_rate:
        lines.append(f"funding_rate = {_rate_text(position.funding_rate)}")
    for key in ("start", "end"):
        value = getattr(position, key)
        if value is not None:
            lines.append(f'{key} = "{value.isoformat()}"')
    return lines


def dump_toml(project: Project, path: str | os.PathLike[str]) -> None:
    """Write a psp plan file (UTF-8), replaced only once complete; `psp.io.dump` for any format.
    """
    text = dumps(project)
    write_text(path, text)


_PORTFOLIO_KEYS = ("portfolio", "project", "pay_grades", "costs", "link")
_CROSS_LINK_KEYS = ("from", "to", "type", "lag")
_PROJECT_PARTS = ("package", "task", "event", "position", "pay_grades", "costs")


def loads_portfolio(text: str, *, file: str = "<string>") -> Portfolio:
    """Read a portfolio: several ``[[project]]`` tables, or one plan (a portfolio of one).

    Each ``[[project]]`` has ``id``, ``name``, ``start``, ``end`` … and nested
    ``[[project.package]]``, ``[[project.task]]``, ``[[project.position]]``;
    ``[pay_grades]`` and ``[costs]`` at the top apply to every project.

    Parameters
    ----------
    text : str
        A portfolio file's (or a plan file's) text.
    file : str
        The name problems give as their file.

    Returns
    -------
    Portfolio
        The validated portfolio.

    Raises
    ------
    TomlSyntaxError, ValidationError
        As `loads`; problems name the project (``project kita: task 1.1: …``).

    Examples
    --------
    >>> pf = loads_portfolio('''
    ... [portfolio]
    ... name = "Modellregion"
    ... [pay_grades]
    ... "EG 11" = "78.400 €"
    ... [[project]]
    ... id = "kita"
    ... name = "KITA Messenger"
    ... start = "2020-01"
    ... end = "30.06.2021"
    ... [[project.position]]
    ... id = "kita-1"
    ... fte = 0.5
    ... pay_grade = "EG 11"
    ... ''')
    >>> pf.name, pf.project("kita").positions[0].fte, pf.rules.yearly_cost("EG 11")
    ('Modellregion', Decimal('0.5'), Decimal('78400'))
    """
    with paused_collector():
        return _portfolio_from_text(text, file)


def _portfolio_from_text(text: str, file: str) -> Portfolio:
    data = parse(text, file)
    if not isinstance(data.get("project"), list) or not data["project"]:
        project = _from_data(data, file)
        return Portfolio(project.name, [project], rules=project.rules)
    reader = _Reader()
    reader.keys(data, _PORTFOLIO_KEYS, "file")
    header = data.get("portfolio", {})
    if not isinstance(header, dict):
        header = {}
    reader.keys(header, ("name",), "portfolio")
    rules = _read_rules(reader, data)
    found = list(reader.problems)
    projects = _read_projects(data["project"], file, found)
    found += _project_key_problems(projects, rules)
    links = _read_cross_links(reader, data)
    found += [p for p in reader.problems if p not in found]
    portfolio = Portfolio(str(header.get("name", "")), projects, rules=rules, links=links)
    if not found:  # the projects are sound: can they share one time axis?
        found = portfolio_problems(portfolio)
    if found:
        raise ValidationError(p.in_file(file) for p in found)
    return portfolio


def _read_projects(tables: list[Any], file: str, found: list[Problem]) -> list[Project]:
    """Each ``[[project]]`` read as a plan file of its own; problems name the project."""
    projects = []
    for number, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            found.append(Problem("wrong-type", "expected [[project]] tables", "file"))
            continue
        ident = table.get("id")
        where = f"project {ident}" if isinstance(ident, str) else f"project #{number}"
        part: dict[str, Any] = {
            "project": {k: v for k, v in table.items() if k not in _PROJECT_PARTS}}
        part.update({k: table[k] for k in _PROJECT_PARTS if k in table})
        try:
            projects.append(_from_data(part, file, check_grades=False))
        except ValidationError as err:
            found += [attrs.evolve(p, entry=f"{where}: {p.entry}" if p.entry else where,
                                   file=None) for p in err.problems]
    return projects


def _project_key_problems(projects: list[Project], rules: CostRules) -> list[Problem]:
    """Every project has an id of its own, and its pay grades are known."""
    found = []
    ids = [p.id for p in projects]
    for ident in sorted({i for i in ids if ids.count(i) > 1 and i is not None}):
        found.append(Problem("duplicate-id", "two projects use this id", f"project {ident}"))
    for project in projects:
        if project.id is None:
            found.append(Problem("missing-key", "each [[project]] of a portfolio needs an id",
                                 f"project {project.name}", "id"))
    for project in projects:
        found += _grade_problems(project, rules, f"project {project.id}: ")
    return found


def _read_cross_links(reader: _Reader, data: dict[str, Any]) -> list[Link]:
    """The ``[[link]]`` tables joining tasks of different projects."""
    links = []
    for number, table in enumerate(reader.table_list(data, "link"), start=1):
        entry = f"link #{number}"
        reader.keys(table, _CROSS_LINK_KEYS, entry)
        if "from" not in table or "to" not in table:
            reader.problem("missing-key", "a [[link]] needs from and to (project:task)", entry)
            continue
        link = reader.build(entry, functools.partial(
            Link, table["from"], table["to"], table.get("type", LinkType.FS),
            lag=table.get("lag", 0)))
        if link is not None:
            links.append(link)
    return links


def _grade_problems(project: Project, rules: CostRules, where: str = "") -> list[Problem]:
    known = dict(rules.merged(project.rules).pay_grades)
    return [Problem("unknown-pay-grade",
                    f"pay grade {p.pay_grade!r} is not in [pay_grades] "
                    f"(known: {', '.join(known) or 'none'})", f"{where}position {p.id}",
                    "pay_grade")
            for p in project.positions if p.pay_grade is not None and p.pay_grade not in known]


def load_portfolio(path: str | os.PathLike[str]) -> Portfolio:
    """Read a portfolio file (or a single plan file, as a portfolio of one).

    Parameters
    ----------
    path : str or path-like
        A portfolio file, or a plan file (read as a portfolio of one).

    Returns
    -------
    Portfolio
        The validated portfolio.

    Examples
    --------
    >>> pf = load_portfolio("examples/digitale_modellregion.toml")
    >>> [p.id for p in pf.projects][:3]
    ['kita', 'ehrenamt', 'arbeitswissenschaft']
    """
    name, text = _read(path)
    return loads_portfolio(text, file=name)


def dumps_portfolio(portfolio: Portfolio) -> str:
    """Write a portfolio as canonical TOML; `loads_portfolio` reads it back equal.

    Parameters
    ----------
    portfolio : Portfolio
        The portfolio to write.

    Returns
    -------
    str
        The portfolio file's text.

    Examples
    --------
    >>> pf = load_portfolio("examples/digitale_modellregion.toml")
    >>> loads_portfolio(dumps_portfolio(pf)) == pf
    True
    """
    lines = ["[portfolio]", f"name = {_string(portfolio.name)}"]
    lines += _rules_lines(portfolio.rules)
    for project in portfolio.projects:
        unwritable = _unwritable(project)
        if unwritable:
            raise ValidationError(unwritable)
        lines += [*_plan_lines(project, nested=True), ""]
    for link in portfolio.links:
        lines += ["[[link]]", f"from = {_string(link.predecessor)}",
                  f"to = {_string(link.successor)}", f"type = {_string(link.type.value)}",
                  f"lag = {link.lag}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
