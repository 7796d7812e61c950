"""The plan model: immutable `Project`, `Package`, `Task`, `Link` and `Constraint`.

Construction checks what one object can check by itself (types, ranges, a
milestone's duration). What needs the whole plan (unknown ids, cycles, …) is
checked by `psp.validate`, which reports every problem at once; `psp.schedule`
and `psp.load` run it for you.
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice, repeat
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import attrs

from psp._support.columns import repeated
from psp._support.render import html_table
from psp._support.words import HEADINGS, phrase
from psp.calendars import Calendar, Month, Unit, format_date
from psp.errors import FieldError, FieldTypeError, UnknownIdError
from psp.model._budget import CostRules, Position
from psp.model._fields import (
    are_ids,
    check_id,
    check_int,
    check_text,
    from_columns,
    in_years,
    is_id,
    only,
    slot_setters,
    to_day,
    to_enum,
    tuple_of,
)
from psp.model._links import Link, LinkType, links

if TYPE_CHECKING:  # loaded where a plan has events, estimates or risks
    from psp.model._events import Event
    from psp.model._risk import Estimate, Risk

T = TypeVar("T")

__all__ = ["Actual", "Constraint", "ConstraintKind", "Package", "Project", "Task", "TaskKind",
           "plain_constraint", "plain_task", "plain_tasks"]


class TaskKind(enum.StrEnum):
    """Work (duration ≥ 1), a milestone (duration 0), or level of effort (spans the project)."""

    WORK = "work"
    MILESTONE = "milestone"
    LEVEL_OF_EFFORT = "level_of_effort"


class ConstraintKind(enum.StrEnum):
    """A date constraint on a task; the plan file writes them as ``not_before`` / ``not_after``."""

    START_NO_EARLIER_THAN = "start_no_earlier_than"
    FINISH_NO_LATER_THAN = "finish_no_later_than"


def _to_owners(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        # "3win+AGIT" is how the seed writes shared ownership: both owners. A comma could
        # be a list or part of a name ("Müller, Hans"): refuse to guess.
        if "," in value:
            raise FieldTypeError(
                "Task", "owners", "a list of names: ['3win', 'AGIT'], or '3win+AGIT'", value)
        value = [part.strip() for part in value.split("+") if part.strip()]
    if not isinstance(value, Iterable):
        raise FieldTypeError("Task", "owners", "a set of names", value)
    names = list(value)
    for owner in names:  # before hashing: a dict or list in the set would fail obscurely
        if not isinstance(owner, str) or not owner.strip() or owner != owner.strip():
            raise FieldError("Task", "owners", "non-empty names without surrounding spaces", owner)
    return tuple(dict.fromkeys(names))  # as written, each name once




def _task_kind(value: object) -> TaskKind:
    return to_enum(TaskKind, "Task", "kind", value)


def _constraint_kind(value: object) -> ConstraintKind:
    return to_enum(ConstraintKind, "Constraint", "kind", value)


def _unit(value: object) -> Unit:
    return to_enum(Unit, "Project", "unit", value)


def _start(value: object) -> dt.date:
    return to_day("Project", "start", value, edge="start")


def _end(value: object) -> dt.date | None:
    return None if value is None else to_day("Project", "end", value, edge="end")


def _packages(value: object) -> tuple[Package, ...]:
    return tuple_of(Package, "Project", "packages", value)


def _tasks(value: object) -> tuple[Task, ...]:
    return tuple_of(Task, "Project", "tasks", value)


def _constraints(value: object) -> tuple[Constraint, ...]:
    return tuple_of(Constraint, "Project", "constraints", value)


# --- the model -----------------------------------------------------------------------------


@attrs.frozen
class Package:
    """A work package (*Arbeitspaket*), e.g. ``Package("AP1", "Grundlagenermittlung …")``.

    Examples
    --------
    >>> Package("AP3", "Umsetzung der Schulungsmaßnahmen").id
    'AP3'
    """

    id: str = attrs.field(validator=check_id("Package"))
    name: str = attrs.field(default="", validator=check_text("Package"))


def _kind_for(duration: int) -> TaskKind:
    """The kind of a task not given one: a milestone without duration, else work."""
    return TaskKind.MILESTONE if duration == 0 else TaskKind.WORK


def _default_kind(task: Task) -> TaskKind:
    return _kind_for(task.duration)


@attrs.frozen
class Task:
    """One task: an id, a name, its package, its owners and its duration in periods.

    A duration of 0 makes a milestone. ``kind=TaskKind.LEVEL_OF_EFFORT`` makes a
    task that spans the whole project (no duration, no links), like ongoing
    financial administration.

    Examples
    --------
    >>> t = Task("1.3", "Marktanalyse", package="AP1", owners="3win+AGIT", duration=2)
    >>> t.kind, t.owners, t.owner_label
    (<TaskKind.WORK: 'work'>, ('3win', 'AGIT'), '3win+AGIT')
    >>> Task("M1", "Konzeption abgeschlossen").kind
    <TaskKind.MILESTONE: 'milestone'>
    >>> Task("1.3", duration=-1)
    Traceback (most recent call last):
    ...
    psp.errors.FieldError: Task.duration: expected a whole number of periods ≥ 0, got -1
    """

    id: str = attrs.field(validator=check_id("Task"))
    name: str = attrs.field(default="", validator=check_text("Task"))
    package: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(check_id("Task")), kw_only=True
    )
    owners: tuple[str, ...] = attrs.field(default=(), converter=_to_owners, kw_only=True)
    duration: int = attrs.field(default=0, validator=check_int("Task", 0), kw_only=True)
    kind: TaskKind = attrs.field(
        default=attrs.Factory(_default_kind, takes_self=True),
        converter=_task_kind,
        kw_only=True,
    )

    @kind.validator
    def _check_kind(self, _attr: attrs.Attribute[TaskKind], kind: TaskKind) -> None:
        if kind is TaskKind.WORK and self.duration == 0:
            raise FieldError("Task", "duration", "≥ 1 for work (0 makes a milestone)", 0)
        if kind is TaskKind.MILESTONE and self.duration != 0:
            raise FieldError("Task", "duration", "0 for a milestone", self.duration)
        if kind is TaskKind.LEVEL_OF_EFFORT and self.duration != 0:
            raise FieldError(
                "Task", "duration", "none for level of effort (it spans the project)", self.duration
            )

    @property
    def is_level_of_effort(self) -> bool:
        """True for a task that spans the project instead of having a duration."""
        return self.kind is TaskKind.LEVEL_OF_EFFORT

    @property
    def owner_label(self) -> str:
        """The owners as the seed writes them: ``3win+AGIT``, in the order given."""
        return "+".join(self.owners)


def plain_task(task_id: object, name: object = "", *, package: object = None,
               owners: object = (), duration: object = 1) -> Task | None:
    """``Task(...)`` for work or a milestone when every value is plainly valid.

    For reading large plans: the checks of `Task` in one expression, the fields set
    without a call per field. ``None`` when any value is not plainly valid;
    ``Task(...)`` then says why.

    Parameters
    ----------
    task_id : object
        The id, as read.
    name, package, owners, duration : object
        As `Task` takes them (a duration of 0 makes a milestone).

    Returns
    -------
    Task or None

    Examples
    --------
    >>> plain_task("1.3", "Marktanalyse", owners="3win+AGIT", duration=2) == Task(
    ...     "1.3", "Marktanalyse", owners="3win+AGIT", duration=2)
    True
    >>> plain_task("1.3", duration=-1) is None
    True
    """
    if (type(duration) is not int or duration < 0 or not isinstance(name, str)
            or not is_id(task_id) or not (package is None or is_id(package))):
        return None
    try:
        names = () if owners == () else _to_owners(owners)
    except FieldError:
        return None
    task: Task = _new(Task)
    _set_id(task, task_id)
    _set_name(task, name)
    _set_package(task, package)
    _set_owners(task, names)
    _set_duration(task, duration)
    _set_kind(task, _kind_for(duration))
    return task


def plain_tasks(ids: Sequence[object], names: Sequence[object], packages: Sequence[object],
                owners: Sequence[object], durations: Sequence[object]) -> list[Task] | None:
    """`plain_task` for whole columns: the checks column by column, no call per task.

    For reading large plans, where most tasks are plain; ``None`` when any value is not
    plainly valid, and `plain_task` or ``Task(...)`` then says which one.

    Parameters
    ----------
    ids, names, packages, owners, durations : sequence of object
        One value per task, as `plain_task` takes them (``None``: no package; ``()``:
        no owners).

    Returns
    -------
    list of Task or None

    Examples
    --------
    >>> tasks = plain_tasks(["a", "M"], ["Analyse", ""], ["AP1", None], ["3win+AGIT", ()], [2, 0])
    >>> tasks == [Task("a", "Analyse", package="AP1", owners="3win+AGIT", duration=2),
    ...           Task("M", package=None)]
    True
    >>> plain_tasks(["a", "b"], ["", ""], [None, None], [(), ()], [1, -1]) is None
    True
    """
    if not (only(int, durations) and min(cast("Sequence[int]", durations), default=0) >= 0
            and only(str, names) and are_ids(ids)
            and are_ids([p for p in packages if p is not None])):
        return None
    try:
        names_of = [() if o == () else _to_owners(o) for o in owners]
    except FieldError:
        return None
    kinds = list(map(_kind_for, cast("Sequence[int]", durations)))
    return from_columns(Task, _SETTERS, (ids, names, packages, names_of, durations, kinds))


def _in_order(items: tuple[T, ...], keys: list[int]) -> tuple[T, ...]:
    """``items`` stably sorted by ``keys``; as they are when they are in order already."""
    if all(map(operator.le, keys, islice(keys, 1, None))):
        return items
    return tuple(map(items.__getitem__, sorted(range(len(items)), key=keys.__getitem__)))


_new = object.__new__
_SETTERS = slot_setters(Task)
_set_id, _set_name, _set_package, _set_owners, _set_duration, _set_kind = _SETTERS


def qualified_tasks(groups: Sequence[tuple[str, Sequence[Task]]]) -> list[Task]:
    """Copies of valid tasks with their project's key and ``:`` before their ids and packages.

    For a portfolio's merged plan, all projects at once, column by column: a task without
    a package goes to its project's (the key itself). Nothing is checked again: a key is a
    valid id, and ``key:`` before a valid id gives a valid id.

    Parameters
    ----------
    groups : sequence of (str, sequence of Task)
        Each project's key (``"kita"``) and its valid tasks.

    Returns
    -------
    list of Task
        The copies, group after group.

    Examples
    --------
    >>> copies = qualified_tasks([("kita", [Task("1.1", "Konzept", package="AP1", duration=2)]),
    ...                           ("egov", [Task("1.1", duration=1)])])
    >>> copies == [Task("kita:1.1", "Konzept", package="kita:AP1", duration=2),
    ...            Task("egov:1.1", package="egov", duration=1)]
    True
    """
    sizes = [len(group) for _, group in groups]
    keys = repeated([key for key, _ in groups], sizes)
    prefixes = repeated([f"{key}:" for key, _ in groups], sizes)
    tasks = [task for _, group in groups for task in group]
    packages: list[str] = keys  # where no task names a package: each in its project's
    own = [task.package for task in tasks]
    if not only(type(None), own):
        packages = [key if package is None else prefix + package for key, prefix, package in
                    zip(keys, prefixes, own, strict=True)]
    return from_columns(Task, _SETTERS, (
        list(map(operator.add, prefixes, [task.id for task in tasks])),
        [task.name for task in tasks], packages, [task.owners for task in tasks],
        [task.duration for task in tasks], [task.kind for task in tasks]))


@attrs.frozen
class Constraint:
    """A date constraint: a task starts no earlier than, or finishes no later than, a date.

    For a plan in months use the first day of the month for a start and the last
    day for a finish, or pass a `Month` and let psp pick the right day.

    Examples
    --------
    >>> c = Constraint("3.1", ConstraintKind.START_NO_EARLIER_THAN, Month(2021, 6))
    >>> c.date
    datetime.date(2021, 6, 1)
    """

    task: str = attrs.field(validator=check_id("Constraint"))
    kind: ConstraintKind = attrs.field(converter=_constraint_kind)
    date: dt.date = attrs.field()

    def __attrs_post_init__(self) -> None:
        edge: Literal["start", "end"] = (
            "start" if self.kind is ConstraintKind.START_NO_EARLIER_THAN else "end")
        object.__setattr__(self, "date", to_day("Constraint", "date", self.date, edge=edge))

    @property
    def is_start(self) -> bool:
        """True for *start no earlier than*, which bounds a start rather than a finish."""
        return self.kind is ConstraintKind.START_NO_EARLIER_THAN


def plain_constraint(task_id: object, kind: object, day: object) -> Constraint | None:
    """``Constraint(task_id, kind, day)`` when every value is plainly valid.

    For building large plans from checked parts (a portfolio's deadlines): the checks
    of `Constraint` in one expression, the fields set without a call per field.
    ``None`` when a value is not plainly valid (a date as text, a `Month`); ``Constraint(...)``
    then converts it or says why.

    Parameters
    ----------
    task_id : object
        The task's id.
    kind : object
        A `ConstraintKind`.
    day : object
        A `datetime.date` in psp's years.

    Returns
    -------
    Constraint or None

    Examples
    --------
    >>> day = dt.date(2021, 6, 30)
    >>> kind = ConstraintKind.FINISH_NO_LATER_THAN
    >>> plain_constraint("3.1", kind, day) == Constraint("3.1", kind, day)
    True
    >>> plain_constraint("3.1", kind, "2021-06") is None
    True
    """
    if (not isinstance(kind, ConstraintKind) or day.__class__ is not dt.date
            or not in_years(day) or not is_id(task_id)):
        return None
    constraint: Constraint = _new(Constraint)
    _set_task(constraint, task_id)
    _set_constraint_kind(constraint, kind)
    _set_date(constraint, day)
    return constraint


_set_task, _set_constraint_kind, _set_date = slot_setters(Constraint)


def _optional_day(value: object) -> dt.date | None:
    return None if value is None else to_day("Actual", "finish", value, edge="end")


def _actual_start(value: object) -> dt.date:
    return to_day("Actual", "start", value, edge="start")


@attrs.frozen
class Actual:
    """What really happened to a task: when it started and, once done, when it finished.

    ``finish=None`` means started and still running. In a plan measured in months,
    give months (or the first and last day of one); a milestone has one date, used as
    both start and finish.

    Examples
    --------
    >>> Actual("1.1", Month(2020, 9), Month(2020, 10))
    Actual(task='1.1', start=datetime.date(2020, 9, 1), finish=datetime.date(2020, 10, 31))
    """

    task: str = attrs.field(validator=check_id("Actual"))
    start: dt.date = attrs.field(converter=_actual_start)
    finish: dt.date | None = attrs.field(default=None, converter=_optional_day)

    @property
    def finished(self) -> bool:
        """True once the task has an actual finish."""
        return self.finish is not None


def _ids(value: object) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise FieldTypeError("Project", "not_started", "a set of task ids", value)
    ids = list(value)
    for ident in ids:
        if not isinstance(ident, str):
            raise FieldTypeError("Project", "not_started", "task ids (text)", ident)
    return frozenset(ids)


def _actuals(value: object) -> tuple[Actual, ...]:
    return tuple_of(Actual, "Project", "actuals", value)


def _status(value: object) -> dt.date | None:
    return None if value is None else to_day("Project", "status", value, edge="start")


def _moved_instant(old: Calendar, new: Calendar, day: dt.date) -> dt.date:
    """A date moved to the same place in the same period of a new calendar."""
    period = old.period_of(day)
    if day == old.last_day(period):  # a period's last day stays a last day
        return new.last_day(period)
    offset = (day - old.first_day(period)).days
    return min(new.first_day(period) + dt.timedelta(days=offset), new.last_day(period))


# Larger amounts are typing errors, not budgets; they would also outgrow exact arithmetic.
def _positions(value: object) -> tuple[Position, ...]:
    return tuple_of(Position, "Project", "positions", value)


def _none(value: object) -> bool:
    """Whether a plan's list of optional entries is empty (its kind need not be loaded)."""
    return type(value) in (tuple, list) and not value


def _estimates(value: object) -> tuple[Estimate, ...]:
    if _none(value):
        return ()
    from psp.model._risk import Estimate  # loaded for plans with estimates only

    return tuple_of(Estimate, "Project", "estimates", value)


def _risks(value: object) -> tuple[Risk, ...]:
    if _none(value):
        return ()
    from psp.model._risk import Risk  # loaded for plans with risks only

    return tuple_of(Risk, "Project", "risks", value)


def _events(value: object) -> tuple[Event, ...]:
    if _none(value):
        return ()
    from psp.model._events import Event  # loaded for plans with events only

    return tuple_of(Event, "Project", "events", value)


def _optional_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or value != value.strip() or "=" in value:
        raise FieldError("Project", "id", "a non-empty id without surrounding spaces or '='",
                         value)
    return value


def _check_calendar(project: Project, _attr: attrs.Attribute[Unit], unit: Unit) -> None:
    Calendar(project.start, unit)  # raises when the start does not begin a period


@attrs.frozen
class Project:
    """A plan: name, start, contractual end, unit, packages, tasks, links and constraints.

    ``events`` are dated points inside it (`Event`): day-exact whatever the unit, kept
    in date order (then id), so equal plans compare equal.

    Links and constraints are kept in the order of the tasks they belong to (the
    successor's, the constrained task's), so two plans that say the same thing
    compare equal however they were put together.

    Progress is what was reported: a ``status`` date, ``actuals`` and the tasks that
    have ``not_started``. Every other task counts as done, or started, as planned where
    the status date and its predecessors allow; the engine works that out each time, so
    nothing assumed is ever stored as if it had been reported.

    Uncertainty is optional: ``estimates`` (`Estimate`, three-point durations, kept in
    task order) and ``risks`` (`Risk`, events that may delay tasks). The deterministic
    schedule ignores both; `psp.simulate` samples them.

    Examples
    --------
    >>> import datetime as dt
    >>> p = Project(
    ...     "Demo", Month(2020, 9), end=dt.date(2020, 12, 31),
    ...     tasks=[Task("a", duration=2), Task("b", duration=1)],
    ...     links=[Link("a", "b")],
    ... )
    >>> p.start, p.task("b").duration, p.calendar.last_day(3)
    (datetime.date(2020, 9, 1), 1, datetime.date(2020, 12, 31))
    """

    name: str = attrs.field(validator=check_text("Project"))
    start: dt.date = attrs.field(converter=_start)
    end: dt.date | None = attrs.field(default=None, converter=_end, kw_only=True)
    unit: Unit = attrs.field(
        default=Unit.MONTH,
        converter=_unit,
        validator=_check_calendar,
        kw_only=True,
    )
    packages: tuple[Package, ...] = attrs.field(
        default=(), converter=_packages, kw_only=True
    )
    tasks: tuple[Task, ...] = attrs.field(
        default=(), converter=_tasks, kw_only=True
    )
    links: tuple[Link, ...] = attrs.field(
        default=(), converter=links, kw_only=True
    )
    constraints: tuple[Constraint, ...] = attrs.field(
        default=(), converter=_constraints, kw_only=True
    )
    status: dt.date | None = attrs.field(default=None, converter=_status, kw_only=True)
    actuals: tuple[Actual, ...] = attrs.field(default=(), converter=_actuals, kw_only=True)
    not_started: frozenset[str] = attrs.field(default=frozenset(), converter=_ids,
                                              kw_only=True)
    positions: tuple[Position, ...] = attrs.field(default=(), converter=_positions,
                                                  kw_only=True)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events, kw_only=True)
    estimates: tuple[Estimate, ...] = attrs.field(default=(), converter=_estimates,
                                                  kw_only=True)
    risks: tuple[Risk, ...] = attrs.field(default=(), converter=_risks, kw_only=True)
    id: str | None = attrs.field(default=None, converter=_optional_id, kw_only=True)
    rules: CostRules = attrs.field(factory=CostRules, kw_only=True)
    _index: dict[str, int] = attrs.field(init=False, eq=False, repr=False, hash=False)
    # What is worked out once per plan (it never changes): its calendar, the tasks grouped
    # by package, the packages by id, its links' successors' positions, and the engine's
    # network and schedule. Not part of the plan's value.
    _memo: dict[str, Any] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_memo", {})
        # Each id's first position (duplicates are reported by validate()): built from the
        # back, so the first position is written last.
        last = len(self.tasks)
        index = dict(zip([t.id for t in reversed(self.tasks)], range(last - 1, -1, -1),
                         strict=True))
        object.__setattr__(self, "_index", index)
        # A canonical order makes equality independent of how the plan was assembled,
        # and is the order the plan file writes them in.
        successors = list(map(index.get, [link.successor for link in self.links], repeat(last)))
        links = _in_order(self.links, successors)
        # each link's successor's position, in the links' order (the number of tasks where
        # the plan has no such task): the network starts from it
        self._memo["successors"] = successors if links is self.links else sorted(successors)
        constraints = _in_order(self.constraints, [
            2 * index.get(c.task, last) + (c.kind is not ConstraintKind.START_NO_EARLIER_THAN)
            for c in self.constraints])
        actuals = sorted(self.actuals, key=lambda a: index.get(a.task, last))
        object.__setattr__(self, "links", tuple(links))
        object.__setattr__(self, "constraints", tuple(constraints))
        object.__setattr__(self, "actuals", tuple(actuals))
        if self.events:
            events = sorted(self.events, key=lambda e: (e.date, e.id))
            object.__setattr__(self, "events", tuple(events))
        if self.estimates:
            estimates = sorted(self.estimates, key=lambda e: index.get(e.task, last))
            object.__setattr__(self, "estimates", tuple(estimates))

    @property
    def calendar(self) -> Calendar:
        """The calendar that turns this plan's periods into dates."""
        found = self._memo.get("calendar")
        if found is None:
            found = self._memo["calendar"] = Calendar(self.start, self.unit)
        return found

    def task(self, task_id: str) -> Task:
        """The task with this id.

        Raises
        ------
        UnknownIdError
            When there is none (also a ``KeyError``).
        """
        try:
            return self.tasks[self._index[task_id]]
        except KeyError:
            raise UnknownIdError("task", task_id, self._index) from None

    def package(self, package_id: str) -> Package:
        """The work package with this id (`UnknownIdError` when there is none)."""
        packages = self._memo.get("packages")
        if packages is None:
            packages = self._memo["packages"] = {}
            for package in self.packages:
                packages.setdefault(package.id, package)  # the first, as validate() names
        try:
            return packages[package_id]  # type: ignore[no-any-return]
        except KeyError:
            raise UnknownIdError("package", package_id, packages) from None

    def members(self, package_id: str | None) -> list[int]:
        """The positions of one package's tasks in plan order (``None``: of no package).

        The tasks are grouped once per plan, so asking for every package costs one
        pass over the tasks.

        Examples
        --------
        >>> p = Project("x", Month(2020, 9), packages=[Package("AP1")],
        ...             tasks=[Task("a", package="AP1", duration=1), Task("b", duration=1)])
        >>> p.members("AP1"), p.members(None), p.members("AP9")
        ([0], [1], [])
        """
        groups = self._memo.get("members")
        if groups is None:
            groups = self._memo["members"] = {}
            for position, task in enumerate(self.tasks):
                groups.setdefault(task.package, []).append(position)
        return groups.get(package_id, [])  # type: ignore[no-any-return]

    def tasks_in(self, package_id: str) -> tuple[Task, ...]:
        """The tasks of one work package, in plan order."""
        return tuple(self.tasks[i] for i in self.members(package_id))

    def __iter__(self) -> Iterator[Task]:
        return iter(self.tasks)

    def outline(self) -> list[tuple[str, str]]:
        """The plan's rows top-down, as tables and charts show them.

        ``("package", id)`` for each work package followed by ``("task", id)`` for each of
        its tasks, in plan order; tasks without a (known) package come last.

        Examples
        --------
        >>> p = Project("x", Month(2020, 9), packages=[Package("AP1")],
        ...             tasks=[Task("b", duration=1), Task("a", package="AP1", duration=1)])
        >>> p.outline()
        [('package', 'AP1'), ('task', 'a'), ('task', 'b')]
        """
        known = {p.id for p in self.packages}
        rows: list[tuple[str, str]] = []
        for package in self.packages:
            rows.append(("package", package.id))
            rows += [("task", self.tasks[i].id) for i in self.members(package.id)]
        rows += [("task", t.id) for t in self.tasks if t.package not in known]
        return rows

    def _repr_html_(self) -> str:
        """The plan as Jupyter shows it: its facts and one row per task."""
        preds: dict[str, list[str]] = {}
        for link in self.links:
            lag = f"{link.lag:+d}" if link.lag else ""
            kind = "" if link.type is LinkType.FS and not lag else f" {link.type.value}{lag}"
            preds.setdefault(link.successor, []).append(f"{link.predecessor}{kind}")
        rows = []
        for task in self.tasks:
            size = ("LoE" if task.is_level_of_effort else
                    "◆" if task.kind is TaskKind.MILESTONE else str(task.duration))
            rows.append([task.id, task.name, task.package or "", task.owner_label, size,
                         ", ".join(preds.get(task.id, []))])
        end = "—" if self.end is None else format_date(self.end)
        caption = phrase("plan.caption", "de", name=self.name, start=format_date(self.start),
                         end=end, tasks=len(self.tasks), packages=len(self.packages))
        return html_table(list(HEADINGS["plan"]["de"]), rows, caption=caption)

    def __len__(self) -> int:
        return len(self.tasks)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._index

    def with_start(self, start: dt.date | Month) -> Project:
        """The same plan moved to a new start; the end and every constraint move with it.

        The shift is a whole number of periods, so every date of the schedule moves
        by exactly that many months (or weeks, days). A status date or an actual date
        keeps its place within its period: a period's last day stays a last day, any
        other day keeps its distance from the period's first day (at most to its end).

        Examples
        --------
        >>> import datetime as dt
        >>> p = Project("Demo", Month(2020, 9), end=dt.date(2021, 2, 28))
        >>> p.with_start(Month(2021, 1)).end
        datetime.date(2021, 6, 30)
        """
        old = self.calendar
        new = Calendar(_start(start), self.unit)

        def moved(day: dt.date, *, edge: str) -> dt.date:
            # Same period number, new calendar: one step from the new start. A milestone's
            # not-before may end a period; it keeps ending one.
            period = old.period_of(day)
            if edge == "start" and day != old.first_day(period):
                edge = "end"
            return new.first_day(period) if edge == "start" else new.last_day(period)

        end = None if self.end is None else moved(self.end, edge="end")
        constraints = [
            attrs.evolve(c, date=moved(c.date, edge="start" if c.is_start else "end"))
            for c in self.constraints
        ]
        status = None if self.status is None else _moved_instant(old, new, self.status)
        actuals = [
            attrs.evolve(
                a,
                start=_moved_instant(old, new, a.start),
                finish=None if a.finish is None else _moved_instant(old, new, a.finish),
            )
            for a in self.actuals
        ]
        events = [attrs.evolve(e, date=_moved_instant(old, new, e.date)) for e in self.events]
        return attrs.evolve(self, start=new.start, end=end, constraints=constraints,
                            status=status, actuals=actuals, events=events)
