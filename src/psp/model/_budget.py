"""The budget side of a plan: positions (posts and lump sums) and the rules for money."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from psp._support.money import Rounding
from psp.errors import FieldError, FieldTypeError, UnknownIdError
from psp.model._fields import check_id, check_name, check_text, decimal, to_day

__all__ = ["CostRules", "Position"]


def _fte(value: object) -> Decimal:
    fte = decimal("Position", "fte", value, money=False)
    if not 0 < fte <= 10_000:
        raise FieldError("Position", "fte", "a share of full-time posts > 0 (0.5, 1, 2)", value)
    return fte


def _yearly_cost(value: object) -> Decimal | None:
    return None if value is None else decimal("Position", "yearly_cost", value)


def _total(value: object) -> Decimal | None:
    return None if value is None else decimal("Position", "total", value)


def _funding_base(value: object) -> Decimal | None:
    return None if value is None else decimal("Position", "funding_base", value)


def _rate(value: object) -> Decimal:
    if isinstance(value, str) and value.strip().endswith("%"):
        rate = decimal("Position", "funding_rate", value.strip()[:-1].strip(),
                        money=False) / 100
    else:
        rate = decimal("Position", "funding_rate", value, money=False)
    if not 0 <= rate <= 1:
        raise FieldError("Position", "funding_rate",
                         "a share from 0 to 1, or a text like '80 %'", value)
    return rate


def _optional_start(value: object) -> dt.date | None:
    return None if value is None else to_day("Position", "start", value, edge="start")


def _optional_end(value: object) -> dt.date | None:
    return None if value is None else to_day("Position", "end", value, edge="end")


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
    ...              funding_base="70.620 €", start="2020-01", end="2022-08")
    >>> p.fte, p.funding_rate, p.funding_base, p.end
    (Decimal('1'), Decimal('0.8'), Decimal('70620'), datetime.date(2022, 8, 31))
    """

    id: str = attrs.field(validator=check_id("Position"))
    name: str = attrs.field(default="", validator=check_text("Position"))
    fte: Decimal = attrs.field(default=Decimal(1), converter=_fte, kw_only=True)
    pay_grade: str | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(check_name("Position")))
    yearly_cost: Decimal | None = attrs.field(default=None, converter=_yearly_cost,
                                              kw_only=True)
    total: Decimal | None = attrs.field(default=None, converter=_total, kw_only=True)
    funding_rate: Decimal = attrs.field(default=Decimal(0), converter=_rate, kw_only=True)
    funding_base: Decimal | None = attrs.field(default=None, converter=_funding_base,
                                               kw_only=True)
    start: dt.date | None = attrs.field(default=None, converter=_optional_start, kw_only=True)
    end: dt.date | None = attrs.field(default=None, converter=_optional_end, kw_only=True)
    task: str | None = attrs.field(default=None, kw_only=True,
                                   validator=attrs.validators.optional(check_id("Position")))
    owner: str | None = attrs.field(default=None, kw_only=True,
                                    validator=attrs.validators.optional(check_name("Position")))

    def __attrs_post_init__(self) -> None:
        given = [k for k in ("pay_grade", "yearly_cost", "total") if getattr(self, k) is not None]
        if len(given) != 1:
            raise FieldError("Position", "pay_grade/yearly_cost/total",
                             "exactly one of pay_grade, yearly_cost and total", given)
        if self.start is not None and self.end is not None and self.end < self.start:
            raise FieldError("Position", "end", f"a date after its start {self.start}", self.end)


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
        pairs.append((grade, decimal("CostRules", f"pay_grades.{grade}", amount)))
    return tuple(sorted(pairs))


def _step(value: object) -> Decimal:
    step = decimal("CostRules", "round_to", value, money=False)
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


