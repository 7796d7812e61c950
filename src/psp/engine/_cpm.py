"""The schedule engine: the critical path method over all four link types.

A link from p to v demands that one of v's dates (its start for FS/SS, its finish for
FF/SF) is not before one of p's (its finish for FS/FF, its start for SS/SF) plus the
lag. The passes count time in half periods, so that a milestone's date — the last day
before a period boundary or the first day after it — is part of the arithmetic (see
the notes above `_forward`). The forward pass takes the largest demand per task in
topological order, the backward pass the smallest, each link read once:
O(tasks + links), no recursion.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import operator
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from psp._support.compat import lang_keyword
from psp._support.extras import require
from psp._support.render import Table, grid_html, html_table, shorten, text_table
from psp._support.words import HEADINGS, periods, phrase
from psp.calendars import Calendar, Lang, Unit, format_date
from psp.engine._network import Network, actual_span, constraint_bounds, network
from psp.errors import Problem, UnknownIdError, ValidationError
from psp.model import (
    Actual,
    ConstraintKind,
    Link,
    Package,
    Project,
    Task,
    TaskKind,
)

if TYPE_CHECKING:
    from psp.calendars import GridColumns

__all__ = ["FILLED", "MILESTONE", "RECORD_FIELDS", "Bound", "MissedDeadline", "PackageSchedule",
           "PassInputs", "Schedule", "TaskProgress", "TaskSchedule", "month_grid",
           "pass_inputs", "schedule"]

K = TypeVar("K")
V = TypeVar("V")

_GRID_PERIODS, _GRID_ROWS = 120, 500



def _span_dates(
    cal: Calendar, start: int, finish: int, *, at_end: bool = False
) -> tuple[dt.date, dt.date]:
    if finish == start:  # an instant: a milestone (or an empty span)
        day = cal.instant(start, at_end=at_end)
        return day, day
    return cal.first_day(start), cal.last_day(finish - 1)


RECORD_FIELDS = ("id", "package", "name", "owners", "kind", "duration", "start", "finish",
                 "late_start", "late_finish", "total_float", "free_float", "critical")
"""A task's fields in records, the JSON form and the CSV, in this order."""


class Bound(enum.StrEnum):
    """What sets a task's early start when no link does."""

    START = "start"
    """The project start."""
    NOT_BEFORE = "not_before"
    """The task's *start no earlier than* date."""
    STATUS = "status"
    """The status date: no unfinished work is scheduled before it."""
    ACTUAL = "actual"
    """The task's actual start."""


class TaskProgress(enum.StrEnum):
    """Where a task stands: reported or assumed from the status date."""

    PLANNED = "planned"
    STARTED = "started"
    FINISHED = "finished"


@attrs.frozen(repr=False)
class TaskSchedule:
    """One task's place in a schedule: early and late periods, their dates, float.

    A bare time word is a date: ``start``, ``finish`` (the early dates: first day of the
    first period, last day of the last), ``late_start``, ``late_finish``. The same in
    periods, counted from the project start (0), ends in ``_period``: ``finish_period``
    is the boundary after the last occupied period, so ``finish_period - start_period``
    is the ``duration``. ``name``, ``package``, ``owners`` and ``kind`` are the task's.

    ``driver`` says what sets the early start: the `Link` whose demand it meets, or a
    `Bound` (the project start, a *not before*, the status date, actual dates).
    ``progress`` is a `TaskProgress`: planned, started or finished.

    A milestone occupies no period: it sits on a boundary. One that is reached
    when a predecessor finishes (``at_period_end``) is dated on the last day
    before the boundary (M1 after 2.11: 28.02.2021); any other milestone on the
    first day after it (a kick-off on the project's first day, a milestone
    *not before June* on 1 June).

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> t = s["3.1"]
    >>> t.start, t.finish, t.total_float, t.critical
    (datetime.date(2021, 3, 1), datetime.date(2021, 6, 30), 0, True)
    >>> t.start_period, t.finish_period, t.late_finish
    (6, 10, datetime.date(2021, 6, 30))
    """

    task: Task = attrs.field(repr=False)
    start_period: int
    finish_period: int
    late_start_period: int
    late_finish_period: int
    total_float: int
    free_float: int
    critical: bool
    at_period_end: bool = attrs.field(repr=False)
    calendar: Calendar = attrs.field(repr=False)
    driver: Link | Bound = Bound.START
    progress: TaskProgress = TaskProgress.PLANNED
    late_at_period_end: bool = attrs.field(default=False, repr=False)

    @property
    def id(self) -> str:
        """The task's id."""
        return self.task.id

    def _dates(self, start: int, finish: int, *, late: bool = False) -> tuple[dt.date, dt.date]:
        side = self.late_at_period_end if late else self.at_period_end
        return _span_dates(self.calendar, start, finish, at_end=side)

    def __repr__(self) -> str:
        flag = ", critical" if self.critical else ""
        return (f"<TaskSchedule {self.id}: {self.start.isoformat()} → "
                f"{self.finish.isoformat()}, late {self.late_start.isoformat()} → "
                f"{self.late_finish.isoformat()}, float {self.total_float}/{self.free_float}"
                f"{flag}, {self.progress.value}>")

    @property
    def name(self) -> str:
        """The task's name."""
        return self.task.name

    @property
    def package(self) -> str | None:
        """The id of the task's work package, or ``None``."""
        return self.task.package

    @property
    def owners(self) -> tuple[str, ...]:
        """The task's owners, in the order written."""
        return self.task.owners

    @property
    def kind(self) -> TaskKind:
        """Work, milestone or level of effort."""
        return self.task.kind

    @property
    def duration(self) -> int:
        """The scheduled duration in periods (a task in progress may run longer than planned)."""
        return self.finish_period - self.start_period

    @property
    def start(self) -> dt.date:
        """Early start date."""
        return self._dates(self.start_period, self.finish_period)[0]

    @property
    def finish(self) -> dt.date:
        """Early finish date (the last day of the last period)."""
        return self._dates(self.start_period, self.finish_period)[1]

    @property
    def late_start(self) -> dt.date:
        """Late start date."""
        return self._dates(self.late_start_period, self.late_finish_period, late=True)[0]

    @property
    def late_finish(self) -> dt.date:
        """Late finish date."""
        return self._dates(self.late_start_period, self.late_finish_period, late=True)[1]

    @property
    def periods(self) -> range:
        """The periods the task occupies at its early dates (empty for a milestone)."""
        return range(self.start_period, self.finish_period)

    def to_record(self) -> dict[str, Any]:
        """The task's row as plain values: what `Schedule.to_records` lists.

        Examples
        --------
        >>> import psp
        >>> psp.schedule(psp.load("examples/digitale_werkstatt.toml"))["M1"].to_record()["kind"]
        'milestone'
        """
        values = (self.id, self.package, self.name, self.task.owner_label, self.kind.value,
                  self.duration, self.start, self.finish, self.late_start, self.late_finish,
                  self.total_float, self.free_float, self.critical)
        return dict(zip(RECORD_FIELDS, values, strict=True))


@attrs.frozen
class PackageSchedule:
    """A work package rolled up from its tasks: earliest start, latest finish.

    ``start_period``/``finish_period`` (and the dates) are ``None`` for a package without
    tasks.

    Examples
    --------
    >>> import psp
    >>> ap3 = psp.schedule(psp.load("examples/digitale_werkstatt.toml")).package("AP3")
    >>> ap3.start, ap3.finish, ap3.task_ids
    (datetime.date(2021, 3, 1), datetime.date(2021, 6, 30), ('3.1', '3.2', '3.3'))
    """

    package: Package
    task_ids: tuple[str, ...]
    start_period: int | None
    finish_period: int | None
    critical: bool
    calendar: Calendar = attrs.field(repr=False)
    start: dt.date | None = None
    """The earliest start date of its tasks, as printed for them (milestones included)."""
    finish: dt.date | None = None
    """The latest finish date of its tasks, as printed for them."""

    @property
    def id(self) -> str:
        """The package's id."""
        return self.package.id


@attrs.frozen
class MissedDeadline:
    """A task that finishes after its *finish no later than* date, and by how many periods.

    Examples
    --------
    >>> import datetime as dt
    >>> MissedDeadline("3.1", dt.date(2021, 5, 31), dt.date(2021, 6, 30), 1).by
    1
    """

    id: str
    not_after: dt.date
    finish: dt.date
    by: int


@attrs.frozen(repr=False)
class Schedule:
    """The result of `schedule`: per task early/late periods and float, the project's finish.

    Index it by task id; iterate it for every task in plan order.

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> s.finish, s.slack
    (datetime.date(2021, 8, 31), 0)
    >>> " ".join(s.critical_path)
    '1.1 1.3 1.4 1.5 2.1 2.2 2.3 2.10 3.1 4.2 4.4 4.5'
    >>> s["1.2"].total_float, s["1.2"].free_float
    (10, 10)
    """

    project: Project
    # Per task, in plan order: the engine's arrays. Users read them through s["3.1"].
    _start_periods: tuple[int, ...] = attrs.field(repr=False)
    _finish_periods: tuple[int, ...] = attrs.field(repr=False)
    _late_start_periods: tuple[int, ...] = attrs.field(repr=False)
    _late_finish_periods: tuple[int, ...] = attrs.field(repr=False)
    _total_float: tuple[int, ...] = attrs.field(repr=False)
    _free_float: tuple[int, ...] = attrs.field(repr=False)
    _critical: tuple[bool, ...] = attrs.field(repr=False)
    _at_period_end: tuple[bool, ...] = attrs.field(repr=False)
    critical_path: tuple[str, ...]
    finish_period: int
    _driver_code: tuple[int, ...] = attrs.field(repr=False)
    _progress: tuple[TaskProgress, ...] = attrs.field(repr=False)
    _late_at_period_end: tuple[bool, ...] = attrs.field(repr=False)
    _index: dict[str, int] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", self.project._index)  # the plan's, not a copy

    # --- the project as a whole -------------------------------------------------------

    @property
    def calendar(self) -> Calendar:
        """The plan's calendar (periods ⇄ dates)."""
        return self.project.calendar

    @property
    def start(self) -> dt.date:
        """The project start date."""
        return self.project.start

    @property
    def end_period(self) -> int | None:
        """The contractual end as a period boundary, or ``None`` without one."""
        if self.project.end is None:
            return None
        return self.calendar.end_boundary(self.project.end)

    @property
    def end(self) -> dt.date | None:
        """The contractual end date, or ``None``."""
        return self.project.end

    @property
    def finish(self) -> dt.date:
        """The computed finish: the last day of the last period any task occupies."""
        return self.calendar.boundary_date(self.finish_period)

    @property
    def slack(self) -> int | None:
        """Contractual end − computed finish in periods (negative: the end is missed)."""
        end = self.end_period
        return None if end is None else end - self.finish_period

    @property
    def critical_chains(self) -> tuple[tuple[str, ...], ...]:
        """The critical path as driving chains (see `chains`).

        Examples
        --------
        >>> import psp
        >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
        >>> s.critical_chains[:2]
        (('1.1', '1.3', '1.5', '2.1', '2.3', '2.10', '3.1', '4.2'), ('1.1', '1.4', '1.5'))
        """
        ranked = list(map(self._index.__getitem__, self.critical_path))
        return self._chains(ranked, set(ranked))

    def chains(self, ids: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        """Tasks as chains along driving links, covering them all, in O(their tasks + links).

        A link *drives* when it leaves less than a whole period between the two tasks'
        early dates. Each consecutive pair of a chain is linked by such a link. A chain
        starts at a task not yet shown (after the driving predecessor where it joins an
        earlier chain, so that task is named in both) and runs on, preferring tasks not
        yet shown, until it ends or meets a chain already shown.
        """
        index = self._index
        members = set(map(index.__getitem__, ids))
        # the critical path's order, then the others in plan order
        ranked = [v for v in map(index.__getitem__, self.critical_path) if v in members]
        return self._chains(ranked + sorted(members.difference(ranked)), members)

    def _chains(self, ranked: list[int], members: set[int]) -> tuple[tuple[str, ...], ...]:
        """`chains` of ``members``, begun in the order of ``ranked`` (each member once)."""
        tasks = self.project.tasks
        drives, driven_by = self._driving(members)
        shown: set[int] = set()
        chains: list[tuple[str, ...]] = []
        for v in ranked:
            if v in shown:
                continue
            chain = [driven_by[v], v] if v in driven_by else [v]
            shown.add(v)
            while nxt := drives.get(chain[-1]):
                fresh = [w for w in nxt if w not in shown]
                chain.append((fresh or nxt)[0])
                if not fresh:
                    break  # it joins a chain already shown
                shown.add(chain[-1])
            chains.append(tuple(tasks[i].id for i in chain))
        return tuple(chains)

    def _driving(self, members: set[int]) -> tuple[dict[int, list[int]], dict[int, int]]:
        """Among ``members``: whom each drives, and each one's first driver (in link order)."""
        links = self.project.links
        net = network(self.project)  # kept with the plan: no second validation
        into, pred, pred_lag, pred_kind = net.into, net.pred, net.pred_lag, net.pred_kind
        at = {i: self._instants(i) for i in members}
        drives: dict[int, list[int]] = {}
        driven_by: dict[int, int] = {}
        for v in sorted(members):  # the links into each, in the plan's order of links
            for j in range(into[v], into[v + 1]):
                u = pred[j]
                if u not in members:
                    continue
                kind = pred_kind[j]
                # An SF link's lag in half periods: whether its two tasks meet follows
                # the schedule's spans (`_room`), not the planned durations (the network's).
                lag = 2 * links[net.pred_link[j]].lag if kind == 2 else pred_lag[j]
                if _room(kind, lag, at[u], at[v]) < 2:
                    drives.setdefault(u, []).append(v)
                    driven_by.setdefault(v, u)
        return drives, driven_by

    def _instants(self, i: int) -> tuple[int, int]:
        """A task's early start and finish in half periods (notes above `_forward`)."""
        es, ef = self._start_periods[i], self._finish_periods[i]
        if ef == es:
            x = 2 * es - self._at_period_end[i]
            return x, x
        return 2 * es, 2 * ef - 1

    @property
    def deadlines_missed(self) -> tuple[MissedDeadline, ...]:
        """Every *finish no later than* a task misses, in plan order, with how late it is.

        Examples
        --------
        >>> import psp
        >>> from psp import Constraint, Month, Project, Task
        >>> plan = Project("x", Month(2021, 1), tasks=[Task("a", duration=3)],
        ...     constraints=[Constraint("a", "finish_no_later_than", Month(2021, 2))])
        >>> [(m.id, m.finish, m.by) for m in psp.schedule(plan).deadlines_missed]
        [('a', datetime.date(2021, 3, 31), 1)]
        """
        cal = self.calendar
        found = []
        for c in self.project.constraints:
            if c.is_start:
                continue
            ts = self[c.task]
            if ts.finish > c.date and ts.progress != "finished":
                late = cal.period_of(ts.finish) + 1 - cal.end_boundary(c.date)
                found.append(MissedDeadline(c.task, c.date, ts.finish, late))
        return tuple(found)

    @property
    def horizon_period(self) -> int:
        """The later of the contractual end and the computed finish (level of effort ends here)."""
        end = self.end_period
        return self.finish_period if end is None else max(end, self.finish_period)

    # --- tasks -------------------------------------------------------------------------

    @property
    def start_periods(self) -> tuple[int, ...]:
        """Every task's early start period, in plan order (what ``s[id].start_period`` reads)."""
        return self._start_periods

    @property
    def finish_periods(self) -> tuple[int, ...]:
        """Every task's early finish boundary, in plan order."""
        return self._finish_periods

    @property
    def positions(self) -> Mapping[str, int]:
        """Each task id's position in plan order (a read-only view of the plan's index)."""
        return MappingProxyType(self._index)

    def at(self, position: int) -> TaskSchedule:
        """The task at a position in plan order (``s.at(0)`` is the plan's first task).

        Examples
        --------
        >>> import psp
        >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
        >>> s.at(s.positions["3.1"]) == s["3.1"]
        True
        """
        return self._task(position)

    def _task(self, i: int) -> TaskSchedule:
        return TaskSchedule(
            self.project.tasks[i],
            self._start_periods[i],
            self._finish_periods[i],
            self._late_start_periods[i],
            self._late_finish_periods[i],
            self._total_float[i],
            self._free_float[i],
            self._critical[i],
            self._at_period_end[i],
            self.calendar,
            self._driver(self._driver_code[i]),
            self._progress[i],
            self._late_at_period_end[i],
        )

    def _driver(self, code: int) -> Link | Bound:
        if code >= 0:
            return self.project.links[code]
        return _BOUNDS[code]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per task in plan order, with dates as dates: for data tools.

        Keys: ``id``, ``package``, ``name``, ``owners`` (as the plan file writes them,
        ``3win+AGIT``), ``kind``, ``duration`` (periods), ``start``, ``finish``,
        ``late_start``, ``late_finish``, ``total_float``, ``free_float``, ``critical`` —
        the columns of the CSV form.

        Examples
        --------
        >>> import psp
        >>> rows = psp.schedule(psp.load("examples/digitale_werkstatt.toml")).to_records()
        >>> [rows[2][k] for k in ("id", "owners", "duration", "start", "critical")]
        ['1.3', '3win+AGIT', 2, datetime.date(2020, 9, 1), True]
        """
        return [dict(zip(RECORD_FIELDS, row, strict=True)) for row in self.rows()]

    def rows(self, *, iso: bool = False) -> Iterator[tuple[Any, ...]]:
        """Each task's record as a tuple in `RECORD_FIELDS` order, in plan order.

        The `columns` side by side: what every tabular output (records, JSON, CSV) is
        made of. ``iso=True`` gives the dates as ISO text.

        Examples
        --------
        >>> import psp
        >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
        >>> next(r for r in s.rows(iso=True) if r[0] == "M1")[6:10]
        ('2021-02-28', '2021-02-28', '2021-08-31', '2021-08-31')
        """
        return zip(*self.columns(iso=iso), strict=True)

    def columns(self, *, iso: bool = False,
                dates: Callable[[dt.date], Any] | None = None) -> tuple[Sequence[Any], ...]:
        """The records' columns in `RECORD_FIELDS` order, one value per task in plan order.

        Built from the engine's arrays, each date worked out once per period.
        ``iso=True`` gives the dates as ISO text; ``dates`` shows each date another way
        (once per distinct date: JSON's quoted text, say).

        Examples
        --------
        >>> import psp
        >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
        >>> ids, *_, start, finish, late_start, late_finish, total_float, free_float, critical = (
        ...     s.columns(iso=True))
        >>> ids[:3], start[:3], total_float[:3]
        (['1.1', '1.2', '1.3'], ['2020-09-01', '2020-09-01', '2020-09-01'], (0, 10, 0))
        >>> s.columns(dates=lambda day: day.year)[6][:2]
        [2020, 2020]
        """
        tasks = self.project.tasks
        days = self._days(shown=dates) if dates else self._days(iso=iso)
        start, finish = _date_columns(self._start_periods, self._finish_periods,
                                      self._at_period_end, days)
        late_start, late_finish = _date_columns(
            self._late_start_periods, self._late_finish_periods, self._late_at_period_end, days)
        return (
            [t.id for t in tasks], [t.package for t in tasks], [t.name for t in tasks],
            _each_once([t.owners for t in tasks], "+".join),
            _each_once([t.kind for t in tasks], operator.attrgetter("value")),
            list(map(operator.sub, self._finish_periods, self._start_periods)),
            start, finish, late_start, late_finish, self._total_float, self._free_float,
            self._critical)

    def _days(self, *, iso: bool = False,
              shown: Callable[[dt.date], Any] | None = None) -> _Days:
        """For whole columns, the first day of each period and the last day before each
        boundary, each day worked out once and ``shown`` (``iso``: as ISO text).

        Where the schedule's periods lie close together (most plans), tables cover its
        span (`_period_table`); otherwise each day is looked up by its period.
        """
        show: Callable[[dt.date], Any] = dt.date.isoformat if iso else shown or _same
        cal, n = self.calendar, len(self._start_periods)
        starts = (self._start_periods, self._late_start_periods)
        ends = (self._finish_periods, self._late_finish_periods)
        if n:
            first, last = min(map(min, starts)), max(map(max, starts))
            after, until = min(map(min, ends)), max(map(max, ends))  # boundaries
            if max(last, until) - min(first, after - 1, 0) <= _TABLE_SPAN * n:
                def firsts(span: range) -> list[Any]:
                    return (cal.iso_first_days(span) if iso
                            else list(map(show, cal.first_days(span))))

                if cal.single_day:  # a period's last day is its first
                    low = min(first, after - 1)
                    return _turned(_period_table(firsts, low, max(last, until - 1)), low)

                def lasts_before(boundaries: range) -> list[Any]:
                    return list(map(show, cal.last_days(range(boundaries.start - 1,
                                                              boundaries.stop - 1))))

                return (functools.partial(_looked_up, _period_table(firsts, first, last)),
                        functools.partial(_looked_up,
                                          _period_table(lasts_before, after, until)))
        firsts_known: dict[int, Any] = {}  # early and late dates share most days
        lasts_known = firsts_known if cal.single_day else {}
        return (functools.partial(_each_day, firsts_known, cal.first_days, show),
                functools.partial(_each_day_before, lasts_known, cal.last_days, show))

    def _finish_boundaries(self) -> list[int]:
        """Per task, the period boundary after the day it finishes (its dates' rule)."""
        return _finish_boundaries(self._start_periods, self._finish_periods, self._at_period_end)

    def to_dataframe(self) -> Any:
        """`to_records` as a pandas ``DataFrame`` indexed by task id (needs ``psp[pandas]``).

        Examples
        --------
        >>> import psp
        >>> df = psp.schedule(psp.load("examples/digitale_werkstatt.toml")).to_dataframe()
        >>> df.loc["3.1", "start"], int(df.loc["3.1", "total_float"])
        (Timestamp('2021-03-01 00:00:00'), 0)
        """
        pandas = require("pandas", extra="pandas")
        frame = pandas.DataFrame.from_records(self.to_records(), index="id")
        for column in ("start", "finish", "late_start", "late_finish"):
            frame[column] = pandas.to_datetime(frame[column])
        return frame

    def __getitem__(self, task_id: str) -> TaskSchedule:
        try:
            return self._task(self._index[task_id])
        except KeyError:
            raise UnknownIdError("task", task_id, self._index) from None

    def __iter__(self) -> Iterator[TaskSchedule]:
        return (self._task(i) for i in range(len(self.project.tasks)))

    def __len__(self) -> int:
        return len(self.project.tasks)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._index

    def _rollup(self, package: Package) -> PackageSchedule:
        members = self.project.members(package.id)
        spans = [self._task(i) for i in members]
        return PackageSchedule(
            package,
            tuple(self.project.tasks[i].id for i in members),
            min((self._start_periods[i] for i in members), default=None),
            max((self._finish_periods[i] for i in members), default=None),
            any(self._critical[i] for i in members),
            self.calendar,
            min((t.start for t in spans), default=None),
            max((t.finish for t in spans), default=None),
        )

    @property
    def packages(self) -> tuple[PackageSchedule, ...]:
        """Every work package rolled up from its tasks, in plan order."""
        return tuple(self._rollup(p) for p in self.project.packages)

    def package(self, package_id: str) -> PackageSchedule:
        """One work package rolled up (`UnknownIdError` when there is none)."""
        return self._rollup(self.project.package(package_id))

    # --- display -------------------------------------------------------------------------

    def table(
        self, lang: Lang = "de", *, name_width: int | None = None
    ) -> tuple[list[str], list[list[str]], list[str]]:
        """Header, rows and a CSS class per row (package / task / critical) for display.

        Names are cut to ``name_width`` characters when it is given.
        """

        def name(text: str) -> str:
            return text if name_width is None else shorten(text, name_width)

        heads = list(HEADINGS["schedule"][lang])
        label = self._label(lang)
        rows: list[list[str]] = []
        classes: list[str] = []
        for kind, ident in self.project.outline():
            if kind == "package":
                rolled = self.package(ident)
                span = (
                    ["", ""]
                    if rolled.start is None or rolled.finish is None
                    else [label(rolled.start), label(rolled.finish)]
                )
                rows.append([rolled.id, name(rolled.package.name), "", *span,
                             "", "", "", ""])
                classes.append("package")
                continue
            ts = self[ident]
            loe = ts.task.kind is TaskKind.LEVEL_OF_EFFORT
            dur = "LoE" if loe else str(ts.duration)
            rows.append([
                ts.id, name(ts.task.name), ts.task.owner_label,
                label(ts.start),
                label(ts.finish),
                dur,
                "" if loe else str(ts.total_float),
                "" if loe else str(ts.free_float),
                "*" if ts.critical else "",
            ])
            classes.append("critical" if ts.critical else "task")
        return heads, rows, classes

    def _label(self, lang: Lang) -> _Labeler:
        return _Labeler(self.calendar, lang)

    @lang_keyword
    def summary(self, *, lang: Lang = "de") -> list[str]:
        """The lines above the table: name, start, finish, end, slack, critical path."""
        words = HEADINGS["summary"][lang]
        parts = [f"{words[0]} {format_date(self.start, lang=lang)}",
                 f"{words[1]} {format_date(self.finish, lang=lang)}"]
        if self.end is not None and self.slack is not None:
            parts.append(f"{words[2]} {format_date(self.end, lang=lang)}")
            parts.append(f"{words[3]} {periods(self.slack, self.project.unit, lang, sign=True)}")
        lines = [self.project.name, " · ".join(parts)]
        lines += [_missed_text(m, self.project.unit, lang) for m in self.deadlines_missed]
        return [*lines, _chains_text(self.critical_chains, lang)]

    @lang_keyword
    def to_text(self, *, lang: Lang = "de") -> str:
        """The schedule as a plain-text table with its summary (what ``str`` shows).

        Examples
        --------
        >>> import psp
        >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
        >>> print(s.to_text(lang="en").splitlines()[1])
        start 2020-09-01 · computed finish 2021-08-31 · contractual end 2021-08-31 · slack +0 months
        """
        heads, rows, _ = self.table(lang, name_width=48)
        *top, path = self.summary(lang=lang)
        table = text_table(heads, rows, align="<<<<<>>><")
        tail = []
        if self.project.events:
            from psp.model import event_table  # loaded for plans with events only

            tail = ["", event_table(self.project.events, lang=lang).to_text()]
        return "\n".join([*top, "", table, "", path, *tail])

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        slack = "" if self.slack is None else f", slack {self.slack:+d}"
        return (f"<Schedule {shorten(self.project.name, 40)!r}: {len(self)} tasks, "
                f"{self.start.isoformat()} → {self.finish.isoformat()}{slack}>")

    def _repr_html_(self) -> str:
        heads, rows, classes = self.table()
        head, *facts, path = self.summary()
        line = " · ".join(facts)
        style = (
            ".psp-schedule tr.package td{font-weight:bold}"
            ".psp-schedule tr.critical td{color:#B03A00;font-weight:600}"
        )
        table = html_table(heads, rows, caption=f"{head} — {line}", row_classes=classes)
        return (
            f'<div class="psp-schedule"><style>{style}</style>{table}'
            f"<p>{path}</p>{self._grid_html()}</div>"
        )

    def _grid_html(self) -> str:
        # A notebook shows the month grid of a plan a reader can take in at a glance.
        if self.horizon_period > _GRID_PERIODS or len(self) > _GRID_ROWS:
            return ""
        table = month_grid(self)
        return grid_html(table, range(3, len(table.header) - 1), shown=[MILESTONE])


_ID = operator.attrgetter("id")

# How many periods per task a table of the schedule's span may hold: never many more
# periods than tasks (beyond that, each day is worked out by its period).
_TABLE_SPAN = 2
# Whole columns of periods to their first days, and of boundaries to the days before them.
_Days = tuple[Callable[[Sequence[int]], list[Any]], Callable[[Sequence[int]], list[Any]]]


def _room(kind: int, lag: int, before: tuple[int, int], after: tuple[int, int]) -> int:
    """Half periods between what a link demands and its successor's early date.

    ``kind`` is the network's code of the link's type (1: from the predecessor's
    finish, 2: to the successor's finish); ``lag`` is in half periods; ``before`` and
    ``after`` are the predecessor's and the successor's early start and finish instants.
    """
    (p_start, p_finish), (s_start, s_finish) = before, after
    ref = p_finish if kind & 1 else p_start
    target = s_finish if kind & 2 else s_start
    meet = kind == 2 and p_finish > p_start and s_finish > s_start  # SF between work
    return target - (lag - meet) - ref


def _date_columns(starts: tuple[int, ...], finishes: tuple[int, ...], at_end: tuple[bool, ...],
                  days: _Days) -> tuple[list[Any], list[Any]]:
    """Start and finish dates of spans, by the rule of `TaskSchedule.start`/`finish`.

    Work runs from its first period's first day to its last period's last day; a
    milestone (``start == finish``) sits on one day: the last day before its boundary
    when it is reached at a period's end, else the first day after it.
    """
    first_days, days_before = days
    begin = first_days(starts)
    end = days_before(finishes)
    for i in itertools.compress(range(len(starts)), map(operator.eq, starts, finishes)):
        if at_end[i]:
            begin[i] = end[i]
        else:
            end[i] = begin[i]
    return begin, end


def _period_table(entries: Callable[[range], list[Any]], low: int, high: int) -> list[Any]:
    """The entries of periods ``low`` … ``high``, indexed by period: periods 0 … high in
    place, those before 0 from the end (down to ``low``); places below ``low`` hold ``None``.

    Examples
    --------
    >>> table = _period_table(lambda span: [f"p{p}" for p in span], -2, 1)
    >>> table[-2], table[-1], table[0], table[1]
    ('p-2', 'p-1', 'p0', 'p1')
    >>> _period_table(lambda span: list(span), 2, 3)
    [None, None, 2, 3]
    """
    pad = max(low, 0)
    return [None] * pad + entries(range(pad, high + 1)) + entries(range(min(low, 0), 0))


def _turned(table: list[Any], low: int) -> _Days:
    """Periods of one day each, from their `_period_table` down to ``low``: each period's
    own entry, and at each boundary the entry of the period before it (the table turned
    by one place: the entry of period −1 moves to boundary 0).

    Examples
    --------
    >>> own, before = _turned(_period_table(lambda span: [f"p{p}" for p in span], -2, 2), -2)
    >>> own([-2, 0, 2]), before([-1, 0, 1, 3])
    (['p-2', 'p0', 'p2'], ['p-2', 'p-1', 'p0', 'p2'])
    >>> _turned(_period_table(lambda span: list(span), 1, 2), 1)[1]([2, 3])
    [1, 2]
    """
    before = [*table[-1:], *table[:-1]] if low < 0 else [None, *table]
    return functools.partial(_looked_up, table), functools.partial(_looked_up, before)


def _looked_up(table: list[Any], periods: Sequence[int]) -> list[Any]:
    """Each period's entry of a table (a period before the start: from its end)."""
    return list(map(table.__getitem__, periods))


def _each_day(known: dict[int, Any], days: Callable[[Sequence[int]], list[dt.date]],
              shown: Callable[[dt.date], Any], periods: Sequence[int]) -> list[Any]:
    """Each period's day, worked out once per period: ``known`` keeps them for later calls."""
    new = list(set(periods) - known.keys())
    known.update(zip(new, map(shown, days(new)), strict=True))
    return list(map(known.__getitem__, periods))


def _each_day_before(known: dict[int, Any], days: Callable[[Sequence[int]], list[dt.date]],
                     shown: Callable[[dt.date], Any], boundaries: Sequence[int]) -> list[Any]:
    """`_each_day` of the period before each boundary."""
    return _each_day(known, days, shown, list(map(operator.sub, boundaries, itertools.repeat(1))))


def _same(day: dt.date) -> dt.date:
    return day


def _each_once(values: list[K], shown: Callable[[K], V]) -> list[V]:
    """``shown`` of each value, worked out once per distinct value (dates, owners, kinds)."""
    done = {value: shown(value) for value in set(values)}
    return list(map(done.__getitem__, values))


def _chains_text(chains: tuple[tuple[str, ...], ...], lang: Lang) -> str:
    """One chain per line; "→" only ever joins linked tasks."""
    title, plural = HEADINGS["summary"][lang][4:6]
    if len(chains) <= 1:
        return f"{title}: {' → '.join(chains[0]) if chains else '—'}"
    return "\n".join([f"{plural} ({len(chains)}):", *(f"  {' → '.join(c)}" for c in chains)])


def _missed_text(missed: MissedDeadline, unit: Unit, lang: Lang) -> str:
    return phrase("deadline.missed", lang, task=missed.id,
                  finish=format_date(missed.finish, lang=lang),
                  due=format_date(missed.not_after, lang=lang),
                  late=periods(missed.by, unit, lang))


@attrs.frozen(eq=False, repr=False)  # a helper: neither compared nor shown
class _Labeler:
    calendar: Calendar
    lang: Lang
    _seen: dict[dt.date, str] = attrs.field(factory=dict, init=False)

    def __call__(self, day: dt.date) -> str:
        """A printed date as the table shows it: its month in a plan of months."""
        found = self._seen.get(day)  # a large plan prints few distinct dates, many times
        if found is None:
            cal = self.calendar
            found = (cal.label(cal.period_of(day), lang=self.lang) if cal.unit is Unit.MONTH
                     else format_date(day, lang=self.lang))
            self._seen[day] = found
        return found


def schedule(project: Project) -> Schedule:
    """Compute early and late dates, float and the critical path of a plan.

    The rules (``shared/reference``, "Rules"): early dates by a forward pass over
    the links and *start-no-earlier-than* constraints, never before the project
    start; late dates by a backward pass from the contractual end when set (else
    from the computed finish) and any *finish-no-later-than* constraints; total
    float = late start − early start (negative when the plan is behind); free
    float = how far a task can slip without moving any successor's early dates or
    the computed finish; the critical path = the tasks with the smallest total
    float, in topological order. Level-of-effort tasks run from the project start
    to the later of the contractual end and the computed finish (narrowed by their own
    *not before* / *not after*), have no float of their own (reported as 0) and are
    never critical.

    Parameters
    ----------
    project : Project
        The plan; it is validated first.

    Returns
    -------
    Schedule
        Per task its early and late dates, floats and progress; the finish, the slack
        and the critical path.

    Raises
    ------
    ValidationError
        When the plan has problems; all of them are listed.

    Examples
    --------
    >>> from psp import Project, Task, Link, Month
    >>> plan = Project("Demo", Month(2020, 9), tasks=[
    ...     Task("a", duration=2), Task("b", duration=3), Task("c", duration=1)],
    ...     links=[Link("a", "c"), Link("b", "c", "FF")])
    >>> s = schedule(plan)
    >>> [(t.id, t.start_period, t.finish_period, t.total_float) for t in s]
    [('a', 0, 2, 0), ('b', 0, 3, 0), ('c', 2, 3, 0)]
    >>> s.finish
    datetime.date(2020, 11, 30)
    """
    # A plan never changes, so neither does its schedule: the plan remembers it while it
    # is in use. Weakly, since a schedule refers to its plan: a strong memo would make a
    # reference cycle that only the cyclic collector frees.
    remembered = project._memo.get("schedule")
    found = None if remembered is None else remembered()
    if found is None:
        found = schedule_within(project, None)
        project._memo["schedule"] = weakref.ref(found)
    return found


class Within(Protocol):
    """What a portfolio adds to the passes over its merged plan (`psp.engine._portfolio`).

    The passes call it at three points; it changes the bounds or floats in place.
    """

    def bound_starts(self, bounds: Bounds) -> None:
        """Before the forward pass: each task starts no earlier than its project."""

    def bound_finishes(self, finishes: list[int], bounds: Bounds) -> None:
        """After it, given each task's early finish boundary: each task's deadline."""

    def own_free_float(self, ff: list[int], finishes: list[int],
                       finished: list[bool]) -> None:
        """After the backward pass: free float against each task's own project's finish."""


def schedule_within(project: Project, within: Within | None) -> Schedule:
    """`schedule`, with a portfolio's bounds on its merged plan (none: the plan alone).

    Not remembered by the plan: its schedule alone differs.
    """
    net = network(project)
    assumed = () if project.status is None else _assumed_progress(project, net, within)
    return _schedule(project, net, (*project.actuals, *assumed), within)


@attrs.define(eq=False, repr=False)  # the passes' working state: neither compared nor shown
class Bounds:
    """Per task: the earliest start boundary and what set it, a milestone's side there,
    the finish-no-later-than boundaries and the not-before boundaries."""

    lower: list[int]
    source: list[int]
    at_end: list[bool]
    upper: dict[int, int]
    snet_of: dict[int, int]


def _bounds(project: Project, within: Within | None) -> Bounds:
    """The project start, each not-before and not-after, and the status date as bounds."""
    tasks, cal, index = project.tasks, project.calendar, project._index
    n = len(tasks)
    bounds = Bounds([0] * n, [START] * n, [False] * n, {}, {})
    for c, (bound, at_end) in zip(project.constraints, constraint_bounds(project),
                                  strict=True):
        i = index[c.task]
        if c.kind is not ConstraintKind.START_NO_EARLIER_THAN:
            bounds.upper[i] = bound
            continue
        bounds.at_end[i] = at_end
        bounds.lower[i] = max(bounds.lower[i], bound)
        bounds.snet_of[i] = bounds.lower[i]
        bounds.source[i] = NOT_BEFORE
    if within is not None:
        within.bound_starts(bounds)
    if project.status is not None:  # no unfinished work before the status date
        status = cal.boundary_on_or_after(project.status)
        for i in range(n):
            if status > bounds.lower[i] or (status == bounds.lower[i] and bounds.at_end[i]):
                bounds.lower[i], bounds.source[i], bounds.at_end[i] = status, STATUS, False
    return bounds


def _pin_actuals(project: Project, actuals: tuple[Actual, ...], dur: list[int],
                 bounds: Bounds) -> tuple[list[TaskProgress], dict[int, int]]:
    """Each task's progress and the start periods actual dates pin; durations follow them."""
    cal, index = project.calendar, project._index
    progress = [TaskProgress.PLANNED] * len(dur)
    pinned: dict[int, int] = {}
    for a in actuals:
        i = index[a.task]
        start, finish, bounds.at_end[i] = actual_span(cal, project.tasks[i], a)
        pinned[i], bounds.source[i] = start, ACTUAL
        if finish is None:  # started: still running on the status date, so past its period
            progress[i] = TaskProgress.STARTED
            running = 0 if project.status is None else cal.period_of(project.status) + 1
            dur[i] = max(dur[i], running - start)
        else:
            progress[i] = TaskProgress.FINISHED
            dur[i] = finish - start
    return progress, pinned


def _schedule(project: Project, net: Network, actuals: tuple[Actual, ...],
              within: Within | None = None) -> Schedule:
    """The passes, with the reported and the assumed actual dates."""
    tasks = project.tasks
    dur = [t.duration for t in tasks]
    bounds = _bounds(project, within)
    progress, pinned = _pin_actuals(project, actuals, dur, bounds)
    finished = ([p is TaskProgress.FINISHED for p in progress] if pinned  # reported or assumed
                else [False] * len(dur))
    incoming: Incoming = (net.into, net.pred, net.pred_lag, net.pred_kind, net.pred_link)
    outgoing: Outgoing = (net.out, net.succ, net.succ_lag, net.succ_kind)

    order, at_end = net.order, bounds.at_end
    low = [2 * b - e for b, e in zip(bounds.lower, at_end, strict=True)]  # bounds as instants
    for i, start in pinned.items():
        low[i] = 2 * start - (at_end[i] and dur[i] == 0)
    length = [2 * d - 1 if d > 0 else 0 for d in dur]  # finish instant − start instant
    first, driver = _forward(order, length, low, bounds.source, pinned, finished, incoming)
    for v in pinned:  # a task in progress whose FF/SF predecessor is late runs longer
        dur[v] = max(dur[v], (length[v] + 1) // 2)
    es = [(f + 1) // 2 for f in first]
    ef = list(map(operator.add, es, dur))
    for v in order:
        at_end[v] = dur[v] == 0 and first[v] % 2 == 1
    finishes = []
    if within is not None:  # a portfolio's deadlines follow from the early finishes
        finishes = _finish_boundaries(es, ef, at_end)
        within.bound_finishes(finishes, bounds)
    # The finish ends the last period a printed date falls in (F // 2 is that period of
    # a finish instant F).
    last = max(map(operator.add, map(first.__getitem__, order), map(length.__getitem__, order)),
               default=-2)  # none: the finish is 0
    finish = last // 2 + 1
    end = None if project.end is None else project.calendar.end_boundary(project.end)
    tf, latest, ff = _backward(order, _caps(len(tasks), finish if end is None else end,
                                            bounds.upper), finish, length, first, finished,
                               outgoing)
    ls = [(x + 1) // 2 for x in latest]
    late_at_end = [d == 0 and x % 2 == 1 for d, x in zip(dur, latest, strict=True)]
    lf = list(map(operator.add, ls, dur))
    span = finish if end is None else max(end, finish)
    _span_level_of_effort(project, net.loe, bounds, span, (es, ef, ls, lf, tf, ff))
    if within is not None:
        within.own_free_float(ff, finishes, finished)
    critical = _critical(order, tf, finished)
    path = itertools.compress(order, map(critical.__getitem__, order))  # in path order
    return Schedule(
        project, tuple(es), tuple(ef), tuple(ls), tuple(lf), tuple(tf), tuple(ff),
        tuple(critical), tuple(at_end), tuple(map(_ID, map(tasks.__getitem__, path))),
        finish, tuple(driver), tuple(progress), tuple(late_at_end),
    )


@attrs.frozen(eq=False, repr=False)  # the passes' inputs: neither compared nor shown
class PassInputs:
    """What the passes over a plan start from, before any duration is known.

    For a simulation that runs the passes with other durations (`psp.simulate`): the
    network, each task's lowest start instant (``low``: the project start, its
    not-before, the status date) and what set it, the deadlines (``upper``), and the
    tasks that have started or finished (``pinned``: start periods; ``floor``: a
    finished task's actual length, a started one's least length by the status date).
    Progress nobody reported is assumed from the plan as written.
    """

    net: Network
    at_end: tuple[bool, ...]
    lower: tuple[int, ...]
    upper: Mapping[int, int]
    pinned: Mapping[int, int]
    finished: tuple[bool, ...]
    floor: tuple[int, ...]
    end: int | None

    def low(self, durations: Sequence[int]) -> list[int]:
        """Each task's lowest start instant (pinned: its actual start) for these durations."""
        low = [2 * b - e for b, e in zip(self.lower, self.at_end, strict=True)]
        for i, start in self.pinned.items():
            low[i] = 2 * start - (self.at_end[i] and durations[i] == 0)
        return low


def pass_inputs(project: Project) -> PassInputs:
    """The inputs of `schedule`'s passes that do not depend on durations (`PassInputs`)."""
    net = network(project)
    assumed = () if project.status is None else _assumed_progress(project, net, None)
    bounds = _bounds(project, None)
    floor = [0] * len(project.tasks)
    progress, pinned = _pin_actuals(project, (*project.actuals, *assumed), floor, bounds)
    end = None if project.end is None else project.calendar.end_boundary(project.end)
    return PassInputs(net, tuple(bounds.at_end), tuple(bounds.lower),
                      MappingProxyType(dict(bounds.upper)), MappingProxyType(pinned),
                      tuple(p is TaskProgress.FINISHED for p in progress), tuple(floor), end)


def _finish_boundaries(es: Sequence[int], ef: Sequence[int],
                       at_end: Sequence[bool]) -> list[int]:
    """Per task, the boundary after the day it finishes: work's finish boundary; a
    milestone's own boundary when it is dated at the end of the period before, else the
    next one."""
    return [f if f > s else s + (not e) for s, f, e in zip(es, ef, at_end, strict=True)]


def _span_level_of_effort(project: Project, loe: list[int], bounds: Bounds, span: int,
                          columns: tuple[list[int], ...]) -> None:
    """Level of effort runs the project's whole span, narrowed by its own bounds."""
    empty = []
    for i in loe:
        begin = bounds.snet_of.get(i, 0)
        close = min(span, bounds.upper.get(i, span))
        if close <= begin and (i in bounds.snet_of or i in bounds.upper):
            empty.append(_empty_effort(project.tasks[i], project.calendar, begin, close))
        for column, value in zip(columns, (begin, close, begin, close, 0, 0), strict=True):
            column[i] = value
    if empty:
        raise ValidationError(empty)


def _critical(order: list[int], tf: list[int], finished: list[bool]) -> list[bool]:
    """Open work with the least total float; what is done cannot be critical."""
    if len(order) == len(tf) and not any(finished):  # every task in the passes and open
        least = min(tf, default=0)
        return list(map(least.__eq__, tf))
    critical = [False] * len(tf)
    open_work = [v for v in order if not finished[v]]
    least = min((tf[v] for v in open_work), default=0)
    for v in open_work:
        critical[v] = tf[v] == least
    return critical


def _empty_effort(task: Task, cal: Calendar, begin: int, close: int) -> Problem:
    """Level of effort that its own bounds leave no time: an error, not a silent nothing."""
    return Problem(
        "loe-empty",
        f"level of effort from {format_date(cal.first_day(begin))} has no time: the project "
        f"runs until {format_date(cal.last_day(close - 1))}",
        f"task {task.id}", "not_before")


# Where an early start comes from, when no link sets it (links are >= 0: their positions).
START, NOT_BEFORE, STATUS, ACTUAL = -1, -2, -3, -4
_BOUNDS = {START: Bound.START, NOT_BEFORE: Bound.NOT_BEFORE, STATUS: Bound.STATUS,
           ACTUAL: Bound.ACTUAL}


# Links between instants. Periods are whole, but a milestone sits *between* two periods
# and is dated on one side: the last day of the period before (reached when something
# finishes) or the first day of the period after (set by a start, a not-before date, the
# status date, the project start). The passes count time in half periods so that this
# side is part of the arithmetic: boundary b is the instant 2b-1 when dated at the end
# of period b-1 and 2b when dated at the start of period b; a work task occupying
# periods s … f-1 starts at 2s and finishes at 2f-1. A link from p to v demands
#
#     target(v) >= ref(p) + lag2
#
# with ref(p) p's start or finish instant, target(v) v's start or finish instant, and
# lag2 = 2·lag (2·lag−1 for SF between two work tasks, which may meet at one boundary).
# Between work tasks this is exactly the period rule; into and out of milestones it
# keeps every link true on the printed dates.

Incoming = tuple[list[int], list[int], list[int], list[int], list[int]]
Outgoing = tuple[list[int], list[int], list[int], list[int]]


def _ref(j_kind: int, first: int, length: int) -> int:
    """A task's start instant, or its finish instant when the link leaves its finish."""
    return first + length if j_kind & 1 else first


def _run_on(v: int, first: list[int], length: list[int], incoming: Incoming) -> None:
    """A task in progress finishes no earlier than its FF and SF predecessors allow."""
    into, pred, pred_lag, pred_kind, _ = incoming
    for j in range(into[v], into[v + 1]):
        if pred_kind[j] & 2:
            p = pred[j]
            need = _ref(pred_kind[j], first[p], length[p]) + pred_lag[j] - first[v]
            if need > length[v]:
                length[v] = need + 1 - need % 2  # work finishes at a period's end: odd


def _forward(
    order: list[int], length: list[int], low: list[int], source: list[int],
    pinned: dict[int, int], finished: list[bool], incoming: Incoming,
) -> tuple[list[int], list[int]]:
    """Start instants, and what drives each: a link's position or the bound that holds.

    A task in progress may run on: its ``length`` grows in place.
    """
    into, pred, pred_lag, pred_kind, pred_link = incoming
    first = list(low)
    driver = list(source)
    for v in order:
        if pinned and v in pinned:  # it has started: its actual start stands
            if not finished[v]:
                _run_on(v, first, length, incoming)
            continue
        lo, hi = into[v], into[v + 1]
        if lo == hi:
            continue  # no links: its bound stands
        own = length[v]
        best, who = first[v], source[v]
        for j in range(lo, hi):
            p, kind = pred[j], pred_kind[j]
            need = first[p] + pred_lag[j]
            if kind & 1:  # from p's finish
                need += length[p]
            if kind & 2:  # on v's finish
                need -= own
            if own > 0:
                need += need & 1  # work starts at the beginning of a period: even
            # A link explains a start better than the bare project start or status date it
            # ties with: it would hold without them.
            if need > best or (need == best and who in (START, STATUS)):
                best, who = need, pred_link[j]
        first[v], driver[v] = best, who
    return first, driver


def _caps(n: int, horizon: int, upper: dict[int, int]) -> list[int]:
    """Per task, the boundary it must finish by: the horizon, or its deadline before it."""
    caps = [horizon] * n
    for u, bound in upper.items():
        if bound < horizon:
            caps[u] = bound
    return caps


def _backward(
    order: list[int], caps: list[int], finish: int, length: list[int],
    first: list[int], finished: list[bool], outgoing: Outgoing,
) -> tuple[list[int], list[int], list[int]]:
    """Total float, the latest start instants and free float, in one pass over the links.

    The total float is how many whole periods a task's start may move before its cap
    (the horizon or a deadline) or an open successor's latest instant is passed; the free float
    how many it may move before an open successor's early instant or the computed
    ``finish`` is.
    """
    out, succ, succ_lag, succ_kind = outgoing
    latest = list(first)
    tf = [0] * len(length)
    ff = [0] * len(length)
    done = any(finished)
    for u in reversed(order):
        if done and finished[u]:  # done: no room left, and it no longer constrains anything
            continue
        own, start = length[u], first[u]
        bound = 2 * caps[u] - 1 - own
        free = 2 * finish - 1 - start - own
        for j in range(out[u], out[u + 1]):
            v = succ[j]
            if done and finished[v]:
                continue
            kind = succ_kind[j]
            # what v's bounded instant allows, less the lag, as a shift of u's start
            gap = -succ_lag[j]
            if kind & 2:
                gap += length[v]
            if kind & 1:
                gap -= own
            if latest[v] + gap < bound:
                bound = latest[v] + gap
            if first[v] + gap - start < free:
                free = first[v] + gap - start
        if own > 0:
            bound -= bound & 1  # work starts at the beginning of a period
        # A milestone's latest instant may lie on the other side (it may move within a
        # period); its own float counts whole periods, so its side stays the same.
        latest[u] = bound
        tf[u] = (bound - start) // 2
        ff[u] = free // 2
    return tf, latest, ff


def _assumed_progress(project: Project, net: Network,
                      within: Within | None) -> tuple[Actual, ...]:
    """The actual dates of tasks nobody reported on: as planned, as far as allowed.

    A task counts as done when its planned finish lies on or before the status date,
    as started when its planned start does — but only where its predecessors have got
    far enough through every link type, and never when it is said not to have started.
    """
    # The plan as planned; its network is the same (progress changes no link).
    fresh = _schedule(attrs.evolve(project, status=None, actuals=(), not_started=()), net, (),
                      within)
    status = project.status
    assert status is not None
    reported = {a.task: a for a in project.actuals}
    state: dict[str, Actual | None] = {}
    incoming: dict[str, list[Link]] = {}
    for link in project.links:
        incoming.setdefault(link.successor, []).append(link)

    def reached(link: Link) -> bool:
        # A task cannot have started as planned while its FS predecessor is unfinished.
        actual = state.get(link.predecessor)
        return actual is not None and (not link.type.from_finish or actual.finished)

    def allowed(task_id: str, *, finish: bool) -> bool:
        return all(reached(lk) for lk in incoming.get(task_id, [])
                   if lk.type.to_finish == finish)

    for position in net.order:
        ts = fresh._task(position)
        actual = reported.get(ts.id)
        if ts.id in project.not_started:
            actual = None
        elif actual is None:
            actual = _as_planned(ts, status)
            if actual is not None and not allowed(ts.id, finish=False):
                actual = None
            if actual is not None and actual.finished and not allowed(ts.id, finish=True):
                # running on; a milestone is reached or not
                actual = None if ts.task.duration == 0 else attrs.evolve(actual, finish=None)
        state[ts.id] = actual
    return tuple(a for task_id, a in state.items() if a is not None and task_id not in reported)


def _as_planned(ts: TaskSchedule, status: dt.date) -> Actual | None:
    if ts.finish <= status and (ts.finish_period > ts.start_period or ts.start <= status):
        return Actual(ts.id, ts.start, ts.finish)
    if ts.start < status and ts.finish_period > ts.start_period:
        return Actual(ts.id, ts.start, None)
    return None


FILLED, MILESTONE = "■", "◆"


def _marks(ts: TaskSchedule, grid: GridColumns) -> list[str]:
    marks = [""] * len(grid.labels)
    if ts.finish_period == ts.start_period:  # a milestone sits in the column of its date
        where = grid.column_at(ts.start)
        if where is not None:
            marks[where] = MILESTONE
        return marks
    for column in grid.span(ts.start_period, ts.finish_period):
        marks[column] = FILLED
    return marks


def month_grid(schedule: Schedule, *, lang: Lang = "de", columns: str = "auto",
               iso: bool = False) -> Table:
    """The Projektstrukturplan: a row per package and task, a column per period, marked.

    Occupied periods hold ``■``, a milestone ``◆`` in the period it closes; package rows
    span their tasks; critical tasks are marked in the last column. A long day or week
    plan shows weeks or months (`psp.calendars.grid_columns`), a column marked when any
    of its periods is.

    Examples
    --------
    >>> import psp
    >>> t = month_grid(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))
    >>> t.header[3:7], t.header[-1]
    (("Sep'20", "Okt'20", "Nov'20", "Dez'20"), 'krit.')
    >>> row = next(r for r in t.rows if r[0] == "3.1")
    >>> "".join(c or "." for c in row[3:-1]), row[-1]
    ('......■■■■..', '*')
    >>> "".join(c or "." for c in next(r for r in t.rows if r[0] == "M1")[3:-1])
    '.....◆......'
    """
    from psp.calendars import grid_columns  # loaded for grids only

    grid = grid_columns(schedule.calendar, max(schedule.horizon_period, 1), columns=columns,
                        lang=lang, iso=iso)
    nr, name, owner, crit = HEADINGS["grid"][lang]
    header = [nr, name, owner, *grid.labels, crit]
    rows, kinds = [], []
    for kind, ident in schedule.project.outline():
        if kind == "package":
            rows.append([ident, schedule.project.package(ident).name, "",
                         *_package_marks(schedule, ident, grid), ""])
            kinds.append("package")
            continue
        ts = schedule[ident]
        rows.append([ident, ts.task.name, ts.task.owner_label, *_marks(ts, grid),
                     "*" if ts.critical else ""])
        kinds.append("critical" if ts.critical else
                     "loe" if ts.task.is_level_of_effort else "task")
    return Table(header, rows, kinds=kinds, title=schedule.project.name)


def _package_marks(schedule: Schedule, ident: str, grid: GridColumns) -> list[str]:
    rolled = schedule.package(ident)
    marks = [""] * len(grid.labels)
    if rolled.start is not None and rolled.finish is not None:
        cal = schedule.calendar
        for column in grid.span(cal.period_of(rolled.start), cal.period_of(rolled.finish) + 1):
            marks[column] = FILLED
    return marks
