"""The plan model: immutable `Project`, `Package`, `Task`, `Link` and `Constraint`.

Construction checks what one object can check by itself (types, ranges, a
milestone's duration). What needs the whole plan (unknown ids, cycles, …) is
checked by `psp.validate`, which reports every problem at once; `psp.schedule`
and `psp.load` run it for you.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from psp._errors import FieldError, FieldTypeError, UnknownIdError
from psp._money import MoneyError, Rounding, parse_decimal, parse_money
from psp._render import html_table
from psp._time import FIRST_YEAR, LAST_YEAR, Calendar, Month, Unit

if TYPE_CHECKING:
    from psp._engine import Schedule

E = TypeVar("E", bound=enum.StrEnum)
T = TypeVar("T")

__all__ = [
    "Actual",
    "Constraint",
    "ConstraintKind",
    "CostRules",
    "Link",
    "LinkType",
    "Package",
    "Portfolio",
    "Position",
    "Project",
    "Task",
    "TaskKind",
]


class LinkType(enum.StrEnum):
    """How a successor depends on its predecessor (the lag is added to the predecessor's date).

    ``FS`` finish-to-start, ``SS`` start-to-start, ``FF`` finish-to-finish, ``SF`` start-to-finish.
    """

    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


class TaskKind(enum.StrEnum):
    """Work (duration ≥ 1), a milestone (duration 0), or level of effort (spans the project)."""

    WORK = "work"
    MILESTONE = "milestone"
    LEVEL_OF_EFFORT = "level_of_effort"


class ConstraintKind(enum.StrEnum):
    """A date constraint on a task; the plan file writes them as ``not_before`` / ``not_after``."""

    START_NO_EARLIER_THAN = "start_no_earlier_than"
    FINISH_NO_LATER_THAN = "finish_no_later_than"


# --- field checks: each names the field, what was expected and what came ---------------------


def _check_id(owner: str) -> Any:
    def check(_inst: object, attr: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise FieldTypeError(owner, attr.name, "an id (text)", value)
        if not value or value != value.strip() or "=" in value or not value.isprintable():
            raise FieldError(
                owner, attr.name, "a non-empty id without surrounding spaces or '='", value
            )

    return check


def _check_name(owner: str) -> Any:
    def check(_inst: object, attr: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise FieldTypeError(owner, attr.name, "one name (text)", value)
        if not value.strip() or value != value.strip() or not value.isprintable():
            raise FieldError(owner, attr.name, "a name without surrounding spaces", value)

    return check


def _check_text(owner: str) -> Any:
    def check(_inst: object, attr: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise FieldTypeError(owner, attr.name, "text", value)

    return check


def _check_int(owner: str, low: int | None = None) -> Any:
    def check(_inst: object, attr: attrs.Attribute[int], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldTypeError(owner, attr.name, "a whole number of periods", value)
        if low is not None and value < low:
            raise FieldError(owner, attr.name, f"a whole number of periods ≥ {low}", value)

    return check


def _to_enum(kind: type[E], owner: str, field: str, value: object) -> E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if value.strip().lower() == member.value.lower():
                return member
    choices = ", ".join(m.value for m in kind)
    raise FieldError(owner, field, f"one of {choices}", value)


def _to_owners(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        raise FieldTypeError(
            "Task", "owners", "a list of names: ['3win', 'AGIT'], or '3win+AGIT' in a file",
            value)
    if not isinstance(value, Iterable):
        raise FieldTypeError("Task", "owners", "a set of names", value)
    names = list(value)
    for owner in names:  # before hashing: a dict or list in the set would fail obscurely
        if not isinstance(owner, str) or not owner.strip() or owner != owner.strip():
            raise FieldError("Task", "owners", "non-empty names without surrounding spaces", owner)
    return tuple(dict.fromkeys(names))  # as written, each name once


def _to_day(owner: str, field: str, value: object, *, edge: str) -> dt.date:
    if isinstance(value, Month):
        return value.first_day if edge == "start" else value.last_day
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise FieldTypeError(owner, field, "a datetime.date or a psp.Month", value)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:  # else it could not be written back
        raise FieldError(owner, field, f"a date in the years {FIRST_YEAR} to {LAST_YEAR}",
                         value)
    return value


def _tuple_of(kind: type[T], owner: str, field: str, value: object) -> tuple[T, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise FieldTypeError(owner, field, f"a sequence of {kind.__name__}", value)
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise FieldTypeError(owner, field, f"{kind.__name__} objects", item)
    return items


# attrs converters must be named functions for mypy to see their types.
def _link_type(value: object) -> LinkType:
    return _to_enum(LinkType, "Link", "type", value)


def _task_kind(value: object) -> TaskKind:
    return _to_enum(TaskKind, "Task", "kind", value)


def _constraint_kind(value: object) -> ConstraintKind:
    return _to_enum(ConstraintKind, "Constraint", "kind", value)


def _unit(value: object) -> Unit:
    return _to_enum(Unit, "Project", "unit", value)


def _start(value: object) -> dt.date:
    return _to_day("Project", "start", value, edge="start")


def _end(value: object) -> dt.date | None:
    return None if value is None else _to_day("Project", "end", value, edge="end")


def _packages(value: object) -> tuple[Package, ...]:
    return _tuple_of(Package, "Project", "packages", value)


def _tasks(value: object) -> tuple[Task, ...]:
    return _tuple_of(Task, "Project", "tasks", value)


def _links(value: object) -> tuple[Link, ...]:
    return _tuple_of(Link, "Project", "links", value)


def _constraints(value: object) -> tuple[Constraint, ...]:
    return _tuple_of(Constraint, "Project", "constraints", value)


# --- the model -----------------------------------------------------------------------------


@attrs.frozen
class Package:
    """A work package (*Arbeitspaket*), e.g. ``Package("AP1", "Grundlagenermittlung …")``.

    Examples
    --------
    >>> Package("AP3", "Umsetzung der Schulungsmaßnahmen").id
    'AP3'
    """

    id: str = attrs.field(validator=_check_id("Package"))
    name: str = attrs.field(default="", validator=_check_text("Package"))


def _default_kind(task: Task) -> TaskKind:
    return TaskKind.MILESTONE if task.duration == 0 else TaskKind.WORK


@attrs.frozen
class Task:
    """One task: an id, a name, its package, its owners and its duration in periods.

    A duration of 0 makes a milestone. ``kind=TaskKind.LEVEL_OF_EFFORT`` makes a
    task that spans the whole project (no duration, no links), like ongoing
    financial administration.

    Examples
    --------
    >>> t = Task("1.3", "Marktanalyse", package="AP1", owners=["3win", "AGIT"], duration=2)
    >>> t.kind, t.owners, t.owner_label
    (<TaskKind.WORK: 'work'>, ('3win', 'AGIT'), '3win+AGIT')
    >>> Task("M1", "Konzeption abgeschlossen").kind
    <TaskKind.MILESTONE: 'milestone'>
    >>> Task("1.3", duration=-1)
    Traceback (most recent call last):
    ...
    psp._errors.FieldError: Task.duration: expected a whole number of periods ≥ 0, got -1
    """

    id: str = attrs.field(validator=_check_id("Task"))
    name: str = attrs.field(default="", validator=_check_text("Task"))
    package: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(_check_id("Task")), kw_only=True
    )
    owners: tuple[str, ...] = attrs.field(default=(), converter=_to_owners, kw_only=True)
    duration: int = attrs.field(default=0, validator=_check_int("Task", 0), kw_only=True)
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


@attrs.frozen
class Link:
    """A dependency: ``successor`` waits for ``predecessor`` (type and lag in periods).

    A negative lag is a lead. ``Link("1.1", "1.2", "SS")`` lets 1.2 start with 1.1.

    Examples
    --------
    >>> Link("2.2", "2.3", "SS", lag=1)
    Link(predecessor='2.2', successor='2.3', type=<LinkType.SS: 'SS'>, lag=1)
    """

    predecessor: str = attrs.field(validator=_check_id("Link"))
    successor: str = attrs.field(validator=_check_id("Link"))
    type: LinkType = attrs.field(
        default=LinkType.FS, converter=_link_type
    )
    lag: int = attrs.field(default=0, validator=_check_int("Link"), kw_only=True)


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

    task: str = attrs.field(validator=_check_id("Constraint"))
    kind: ConstraintKind = attrs.field(converter=_constraint_kind)
    date: dt.date = attrs.field()

    def __attrs_post_init__(self) -> None:
        edge = "start" if self.kind is ConstraintKind.START_NO_EARLIER_THAN else "end"
        object.__setattr__(self, "date", _to_day("Constraint", "date", self.date, edge=edge))

    @property
    def is_start(self) -> bool:
        """True for *start no earlier than*, which bounds a start rather than a finish."""
        return self.kind is ConstraintKind.START_NO_EARLIER_THAN


def _optional_day(value: object) -> dt.date | None:
    return None if value is None else _to_day("Actual", "finish", value, edge="end")


def _actual_start(value: object) -> dt.date:
    return _to_day("Actual", "start", value, edge="start")


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

    task: str = attrs.field(validator=_check_id("Actual"))
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
    return _tuple_of(Actual, "Project", "actuals", value)


def _status(value: object) -> dt.date | None:
    return None if value is None else _to_day("Project", "status", value, edge="start")


def _moved_instant(old: Calendar, new: Calendar, day: dt.date) -> dt.date:
    """A date moved to the same place in the same period of a new calendar."""
    period = old.period_of(day)
    if day == old.last_day(period):  # a period's last day stays a last day
        return new.last_day(period)
    offset = (day - old.first_day(period)).days
    return min(new.first_day(period) + dt.timedelta(days=offset), new.last_day(period))


# Larger amounts are typing errors, not budgets; they would also outgrow exact arithmetic.
MONEY_LIMIT = Decimal(10) ** 12


def _decimal(owner: str, field: str, value: object, *, money: bool = True) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise FieldTypeError(owner, field, "a number", value)
    expected = ("an amount in euros (78400, or German text 78.400,00 €)" if money
                else "a number (0.5, or German text 0,5)")
    try:
        amount = parse_money(value) if money else parse_decimal(value)
    except (MoneyError, ArithmeticError, ValueError):
        raise FieldError(owner, field, expected, value) from None
    if not amount.is_finite() or abs(amount) >= MONEY_LIMIT:
        raise FieldError(owner, field, f"{expected}, finite and below 10^12", value)
    return amount


def _fte(value: object) -> Decimal:
    fte = _decimal("Position", "fte", value, money=False)
    if not 0 < fte <= 10_000:
        raise FieldError("Position", "fte", "a share of full-time posts > 0 (0.5, 1, 2)", value)
    return fte


def _yearly_cost(value: object) -> Decimal | None:
    return None if value is None else _decimal("Position", "yearly_cost", value)


def _total(value: object) -> Decimal | None:
    return None if value is None else _decimal("Position", "total", value)


def _funding_base(value: object) -> Decimal | None:
    return None if value is None else _decimal("Position", "funding_base", value)


def _rate(value: object) -> Decimal:
    if isinstance(value, str) and value.strip().endswith("%"):
        rate = _decimal("Position", "funding_rate", value.strip()[:-1].strip(),
                        money=False) / 100
    else:
        rate = _decimal("Position", "funding_rate", value, money=False)
    if not 0 <= rate <= 1:
        raise FieldError("Position", "funding_rate",
                         "a share from 0 to 1, or a text like '80 %'", value)
    return rate


def _optional_start(value: object) -> dt.date | None:
    return None if value is None else _to_day("Position", "start", value, edge="start")


def _optional_end(value: object) -> dt.date | None:
    return None if value is None else _to_day("Position", "end", value, edge="end")


@attrs.frozen
class Position:
    """A post that costs money while it runs: FTE × a pay grade's (or a given) yearly cost.

    Or a lump sum (``total``) spread evenly over the months it runs, like a contract.
    It runs from ``start`` to ``end``; without them, during its ``task`` (as
    scheduled) or its project. A ``funding_rate`` (0.8 or ``"80 %"``) funds that share
    of the cost, or of ``funding_base`` per FTE-year when one is given.

    Examples
    --------
    >>> p = Position("hybrid", fte=1, pay_grade="EG 11", funding_rate="80 %",
    ...              funding_base="70.620 €", start=Month(2020, 1), end=Month(2022, 8))
    >>> p.fte, p.funding_rate, p.funding_base, p.end
    (Decimal('1'), Decimal('0.8'), Decimal('70620'), datetime.date(2022, 8, 31))
    """

    id: str = attrs.field(validator=_check_id("Position"))
    name: str = attrs.field(default="", validator=_check_text("Position"))
    fte: Decimal = attrs.field(default=Decimal(1), converter=_fte, kw_only=True)
    pay_grade: str | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(_check_name("Position")))
    yearly_cost: Decimal | None = attrs.field(default=None, converter=_yearly_cost,
                                              kw_only=True)
    total: Decimal | None = attrs.field(default=None, converter=_total, kw_only=True)
    funding_rate: Decimal = attrs.field(default=Decimal(0), converter=_rate, kw_only=True)
    funding_base: Decimal | None = attrs.field(default=None, converter=_funding_base,
                                               kw_only=True)
    start: dt.date | None = attrs.field(default=None, converter=_optional_start, kw_only=True)
    end: dt.date | None = attrs.field(default=None, converter=_optional_end, kw_only=True)
    task: str | None = attrs.field(default=None, kw_only=True,
                                   validator=attrs.validators.optional(_check_id("Position")))
    owner: str | None = attrs.field(default=None, kw_only=True,
                                    validator=attrs.validators.optional(_check_name("Position")))

    def __attrs_post_init__(self) -> None:
        given = [k for k in ("pay_grade", "yearly_cost", "total") if getattr(self, k) is not None]
        if len(given) != 1:
            raise FieldError("Position", "pay_grade/yearly_cost/total",
                             "exactly one of pay_grade, yearly_cost and total", given)
        if self.start is not None and self.end is not None and self.end < self.start:
            raise FieldError("Position", "end", f"a date after its start {self.start}", self.end)


def _positions(value: object) -> tuple[Position, ...]:
    return _tuple_of(Position, "Project", "positions", value)


def _optional_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or value != value.strip() or "=" in value:
        raise FieldError("Project", "id", "a non-empty id without surrounding spaces or '='",
                         value)
    return value


def _grades(value: object) -> tuple[tuple[str, Decimal], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    if not isinstance(items, Iterable):
        raise FieldTypeError("CostRules", "pay_grades", "a mapping of grade to yearly cost",
                             value)
    pairs = []
    for item in items:
        grade, amount = item
        if not isinstance(grade, str) or not grade.strip():
            raise FieldError("CostRules", "pay_grades", "grade names as text", grade)
        pairs.append((grade, _decimal("CostRules", f"pay_grades.{grade}", amount)))
    return tuple(sorted(pairs))


def _step(value: object) -> Decimal:
    step = _decimal("CostRules", "round_to", value, money=False)
    if not Decimal("0.01") <= step <= 1_000_000:
        raise FieldError("CostRules", "round_to", "a step from 0.01 (a cent) to 1000000",
                         value)
    return step


def _mode(value: object) -> str:
    if not isinstance(value, str) or value not in Rounding.MODES:
        raise FieldError("CostRules", "rounding", f"one of {', '.join(Rounding.MODES)}", value)
    return str(value)


@attrs.frozen
class CostRules:
    """Pay grades (yearly cost per FTE) and how money cells are rounded.

    Examples
    --------
    >>> rules = CostRules({"EG 11": "78.400 €", "EG 13": 79300}, round_to=100)
    >>> rules.yearly_cost("EG 13"), rules.rounder(Decimal("26133.33"))
    (Decimal('79300'), Decimal('26100'))
    """

    pay_grades: tuple[tuple[str, Decimal], ...] = attrs.field(default=(), converter=_grades)
    round_to: Decimal = attrs.field(default=Decimal("0.01"), converter=_step, kw_only=True)
    rounding: str = attrs.field(default="half_up", converter=_mode, kw_only=True)

    def yearly_cost(self, grade: str) -> Decimal:
        """The yearly cost of one FTE in a pay grade (`UnknownIdError` when unknown)."""
        for name, amount in self.pay_grades:
            if name == grade:
                return amount
        raise UnknownIdError("pay grade", grade, (name for name, _ in self.pay_grades))

    @property
    def rounder(self) -> Rounding:
        """The rounding of every money cell."""
        return Rounding(self.round_to, self.rounding)

    def merged(self, other: CostRules) -> CostRules:
        """These rules with ``other``'s pay grades added (``other`` wins on a clash)."""
        grades = dict(self.pay_grades) | dict(other.pay_grades)
        return attrs.evolve(self, pay_grades=grades)


def _check_calendar(project: Project, _attr: attrs.Attribute[Unit], unit: Unit) -> None:
    Calendar(project.start, unit)  # raises when the start does not begin a period


@attrs.frozen
class Project:
    """A plan: name, start, contractual end, unit, packages, tasks, links and constraints.

    Links and constraints are kept in the order of the tasks they belong to (the
    successor's, the constrained task's), so two plans that say the same thing
    compare equal however they were put together.

    Progress is what was reported: a ``status`` date, ``actuals`` and the tasks that
    have ``not_started``. Every other task counts as done, or started, as planned where
    the status date and its predecessors allow; the engine works that out each time, so
    nothing assumed is ever stored as if it had been reported.

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

    name: str = attrs.field(validator=_check_text("Project"))
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
        default=(), converter=_links, kw_only=True
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
    id: str | None = attrs.field(default=None, converter=_optional_id, kw_only=True)
    rules: CostRules = attrs.field(factory=CostRules, kw_only=True)
    _index: dict[str, int] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, int] = {}
        for position, task in enumerate(self.tasks):
            index.setdefault(task.id, position)  # duplicates are reported by validate()
        object.__setattr__(self, "_index", index)
        # A canonical order makes equality independent of how the plan was assembled,
        # and is the order the plan file writes them in.
        last = len(self.tasks)
        links = sorted(self.links, key=lambda link: index.get(link.successor, last))
        constraints = sorted(
            self.constraints, key=lambda c: (index.get(c.task, last), not c.is_start)
        )
        actuals = sorted(self.actuals, key=lambda a: index.get(a.task, last))
        object.__setattr__(self, "links", tuple(links))
        object.__setattr__(self, "constraints", tuple(constraints))
        object.__setattr__(self, "actuals", tuple(actuals))

    @property
    def calendar(self) -> Calendar:
        """The calendar that turns this plan's periods into dates."""
        return Calendar(self.start, self.unit)

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
        for package in self.packages:
            if package.id == package_id:
                return package
        raise UnknownIdError("package", package_id, (p.id for p in self.packages))

    def tasks_in(self, package_id: str) -> tuple[Task, ...]:
        """The tasks of one work package, in plan order."""
        return tuple(t for t in self.tasks if t.package == package_id)

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
            rows += [("task", t.id) for t in self.tasks if t.package == package.id]
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
        end = "—" if self.end is None else f"{self.end:%d.%m.%Y}"
        caption = (f"{self.name} — Beginn {self.start:%d.%m.%Y}, Vertragsende {end}, "
                   f"{len(self.tasks)} Aufgaben in {len(self.packages)} Arbeitspaketen")
        return html_table(["Nr.", "Aufgabe", "AP", "Verantwortlich", "Dauer", "nach"], rows,
                          caption=caption)

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
        return attrs.evolve(self, start=new.start, end=end, constraints=constraints,
                            status=status, actuals=actuals)

    def schedule(self) -> Schedule:
        """Shortcut for `psp.schedule` (the critical path method on this plan)."""
        from psp._engine import schedule  # shortcut: the engine is a layer above the model

        return schedule(self)

    # Replanning shortcuts: each builds a change value and hands it to psp.apply, a layer
    # above; the plan itself never changes.

    def delay(self, target: str, *, until: dt.date | Month | str | None = None,
              by: int | None = None) -> Project:
        """A new plan in which a task (or every task of a package) starts later.

        ``until``: start no earlier than this month; ``by``: N periods after its current
        early start. Shortcut for ``psp.apply(plan, psp.Delay(...))``.

        Examples
        --------
        >>> import psp
        >>> plan = psp.load("examples/digitale_werkstatt.toml")
        >>> plan.delay("3.1", until="2021-06").schedule().slack
        -3
        >>> plan.delay("AP3", by=2).schedule()["3.2"].start
        datetime.date(2021, 5, 1)
        """
        from psp._replan import Delay, apply  # shortcut: replanning is a layer above

        return apply(self, Delay(target, until=until, by=by))

    def extend(self, *, to: dt.date | Month | str) -> Project:
        """A new plan with another contractual end (later or earlier).

        Examples
        --------
        >>> import psp
        >>> psp.load("examples/digitale_werkstatt.toml").extend(to="31.12.2021").schedule().slack
        4
        """
        from psp._replan import Extend, apply  # shortcut: replanning is a layer above

        return apply(self, Extend(to))

    def with_duration(self, task_id: str, duration: int) -> Project:
        """A new plan in which one task takes ``duration`` periods (0: a milestone).

        Examples
        --------
        >>> import psp
        >>> psp.load("examples/digitale_werkstatt.toml").with_duration("3.1", 5).schedule().slack
        -1
        """
        from psp._replan import SetDuration, apply  # shortcut: replanning is a layer above

        return apply(self, SetDuration(task_id, duration))

    def with_link(self, predecessor: str, successor: str, type: LinkType | str = LinkType.FS,
                  *, lag: int = 0) -> Project:
        """A new plan with one more link.

        Examples
        --------
        >>> import psp
        >>> plan = psp.load("examples/digitale_werkstatt.toml").with_link("4.4", "4.5")
        >>> plan.schedule()["4.5"].start
        datetime.date(2021, 9, 1)
        """
        from psp._replan import AddLink, apply  # shortcut: replanning is a layer above

        return apply(self, AddLink(Link(predecessor, successor, type, lag=lag)))

    def without_link(self, predecessor: str, successor: str,
                     type: LinkType | str | None = None) -> Project:
        """A new plan without the links from one task to another (of one type, or all).

        Examples
        --------
        >>> import psp
        >>> plan = psp.load("examples/digitale_werkstatt.toml").without_link("2.10", "3.1")
        >>> plan.schedule()["3.1"].start
        datetime.date(2021, 2, 1)
        """
        from psp._replan import RemoveLink, apply  # shortcut: replanning is a layer above

        kind = None if type is None else LinkType(str(type).upper())
        return apply(self, RemoveLink(predecessor, successor, kind))

    def with_progress(self, *, status: dt.date | Month | str,
                      actual: dict[str, Any] | None = None) -> Project:
        """A new plan with a status date and actual dates ``{task: (start, finish or None)}``.

        Finished tasks keep their actual dates, started ones their actual start (and
        finish their remaining duration), and no unfinished work is scheduled before the
        status date. ``{task: None}`` says a task has not started. Tasks not named count as
        done, or started, as planned where the status date and their predecessors allow.

        Examples
        --------
        >>> import psp
        >>> plan = psp.load("examples/digitale_werkstatt.toml")
        >>> late = plan.with_progress(status="2021-03-29", actual={"3.1": None})
        >>> late.schedule()["3.1"].start, late.schedule().slack
        (datetime.date(2021, 4, 1), -1)
        """
        from psp._replan import apply, progress_from_mapping  # shortcut: a layer above

        return apply(self, progress_from_mapping(status, actual))


def _projects(value: object) -> tuple[Project, ...]:
    return _tuple_of(Project, "Portfolio", "projects", value)


@attrs.frozen
class Portfolio:
    """Several projects on one time axis (a *project of projects*), with shared cost rules.

    ``links`` join tasks of different projects; their ends are written
    ``project:task`` (``Link("kita:1.2", "ehrenamt:1.1")``).

    Examples
    --------
    >>> p = Portfolio("Modellregion", [Project("Kita", Month(2020, 1), id="kita")])
    >>> p.project("kita").name
    'Kita'
    """

    name: str = attrs.field(validator=_check_text("Portfolio"))
    projects: tuple[Project, ...] = attrs.field(default=(), converter=_projects)
    rules: CostRules = attrs.field(factory=CostRules, kw_only=True)
    links: tuple[Link, ...] = attrs.field(default=(), converter=_links, kw_only=True)

    @property
    def keys(self) -> tuple[str, ...]:
        """Each project's key: its id, else ``project1``, ``project2`` … by position.

        The one place that names projects: qualified task ids (``kita:1.1``), schedules
        and cost reports all use it.

        Examples
        --------
        >>> both = [Project("A", Month(2020, 1), id="a"), Project("B", Month(2020, 1))]
        >>> Portfolio("P", both).keys
        ('a', 'project2')
        """
        return tuple(p.id or f"project{n}" for n, p in enumerate(self.projects, start=1))

    def project(self, project_id: str) -> Project:
        """The project with this key (`UnknownIdError` when there is none)."""
        for key, project in zip(self.keys, self.projects, strict=True):
            if key == project_id:
                return project
        raise UnknownIdError("project", project_id, self.keys)
