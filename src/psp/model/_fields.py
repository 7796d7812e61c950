"""Field checks shared by the model: each names the field, the expectation and the value."""

from __future__ import annotations

import collections
import datetime as dt
import enum
import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeVar, cast

import attrs

from psp._support.money import parse_decimal, parse_money
from psp.calendars import FIRST_YEAR, LAST_YEAR, Month, parse_date
from psp.errors import DateParseError, DateRangeError, FieldError, FieldTypeError, MoneyError

E = TypeVar("E", bound=enum.StrEnum)
T = TypeVar("T")

def is_id(value: object) -> bool:
    """Whether a value can be an id: non-empty printable text, no surrounding spaces, no '='.

    Examples
    --------
    >>> is_id("1.3"), is_id(" 1.3"), is_id("a=b"), is_id(3)
    (True, False, False, False)
    """
    return (isinstance(value, str) and value.isprintable() and "=" not in value
            and value == value.strip() and value != "")


def are_ids(values: Sequence[object]) -> bool:
    """Whether every value is an id (`is_id`), checked column by column, not one by one.

    For reading large plans. Text of a subclass of ``str`` gives ``False``; `is_id`
    then decides one value at a time.

    Examples
    --------
    >>> are_ids(["1.3", "AP1"]), are_ids(["1.3", " AP1"]), are_ids(["a", ""]), are_ids([])
    (True, False, False, True)
    """
    if not only(str, values):
        return False
    texts = cast("Sequence[str]", values)
    joined = "".join(texts)
    # Printable and '='-free together is printable and '='-free one by one.
    return (joined.isprintable() and "=" not in joined and all(texts)
            and all(map(str.__eq__, texts, map(str.strip, texts))))


def only(cls: type, values: Iterable[object]) -> bool:
    """Whether every value's type is exactly ``cls`` (``bool`` is not ``int`` here).

    Examples
    --------
    >>> only(int, [1, 2]), only(int, [1, True]), only(str, [])
    (True, False, True)
    """
    return set(map(type, values)) <= {cls}


def slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """Each field's slot setter of a frozen attrs class, in field order.

    For the plain constructors of large plans: a slot's own setter skips the attribute
    lookup of ``object.__setattr__`` (a third of the time of building a link).

    Examples
    --------
    >>> from psp.model import Link
    >>> set_pred, set_succ, set_type, set_lag = slot_setters(Link)
    >>> link = Link("a", "b")
    >>> set_lag(link, 2)
    >>> link.lag
    2
    """
    return tuple(cls.__dict__[field.name].__set__ for field in attrs.fields(cls))


def from_columns(cls: type[T], setters: Sequence[Callable[[Any, Any], None]],
                 columns: Sequence[Sequence[Any]]) -> list[T]:
    """Objects of a frozen attrs class, one per row of ``columns``, no call per object.

    For the plain constructors of large plans: each column goes into its slot of every
    object through the slot's setter (`slot_setters`), in one ``map``. Nothing is checked:
    the caller has checked the columns.

    Examples
    --------
    >>> from psp.model import Link, LinkType
    >>> from_columns(Link, slot_setters(Link), (["a"], ["b"], [LinkType.SS], [1]))
    [Link(predecessor='a', successor='b', type=<LinkType.SS: 'SS'>, lag=1)]
    """
    made = list(map(object.__new__, itertools.repeat(cls, len(columns[0]))))
    for setter, column in zip(setters, columns, strict=True):
        collections.deque(map(setter, made, column), maxlen=0)  # runs the calls, keeps nothing
    return made


def check_id(owner: str) -> Any:
    def check(_inst: object, attr: attrs.Attribute[str], value: object) -> None:
        if is_id(value):
            return
        if not isinstance(value, str):
            raise FieldTypeError(owner, attr.name, "an id (text)", value)
        raise FieldError(owner, attr.name, "a non-empty id without surrounding spaces or '='",
                         value)

    return check


def check_name(owner: str) -> Any:
    def check(_inst: object, attr: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise FieldTypeError(owner, attr.name, "one name (text)", value)
        if not value.strip() or value != value.strip() or not value.isprintable():
            raise FieldError(owner, attr.name, "a name without surrounding spaces", value)

    return check


def check_text(owner: str) -> Any:
    def check(_inst: object, attr: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str):
            raise FieldTypeError(owner, attr.name, "text", value)

    return check


def check_int(owner: str, low: int | None = None) -> Any:
    def check(_inst: object, attr: attrs.Attribute[int], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldTypeError(owner, attr.name, "a whole number of periods", value)
        if low is not None and value < low:
            raise FieldError(owner, attr.name, f"a whole number of periods ≥ {low}", value)

    return check


def exact_member(kind: type[E], value: object) -> E | None:
    """The member whose value is exactly ``value``, as files usually write it ("SS"), or None.

    Examples
    --------
    >>> from psp.model import LinkType
    >>> exact_member(LinkType, "SS"), exact_member(LinkType, "ss")
    (<LinkType.SS: 'SS'>, None)
    """
    # The cast's type as text: ``E | None`` written out would build a union on every call.
    return cast("E | None", kind._value2member_map_.get(value)) if isinstance(value, str) else None


def to_enum(kind: type[E], owner: str, field: str, value: object) -> E:
    if isinstance(value, kind):
        return value
    exact = exact_member(kind, value)
    if exact is not None:
        return exact
    if isinstance(value, str):
        for member in kind:
            if value.strip().lower() == member.value.lower():
                return member
    choices = ", ".join(m.value for m in kind)
    raise FieldError(owner, field, f"one of {choices}", value)


def to_day(owner: str, field: str, value: object, *, edge: Literal["start", "end"]) -> dt.date:
    """A date as the plan file writes it: a date, a `Month`, or text (``2021-06``, ``31.08.2021``).

    A month alone stands for its first day (``edge="start"``) or its last day.
    """
    if isinstance(value, Month):
        return value.first_day if edge == "start" else value.last_day
    if isinstance(value, str):
        try:
            return parse_date(value, edge=edge)
        except (DateParseError, DateRangeError) as err:
            raise FieldError(owner, field, f"a date like 2021-06 or 31.08.2021 ({err})",
                             value) from None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise FieldTypeError(owner, field, "a date, a psp.Month or a text like 2021-06", value)
    if not in_years(value):  # else it could not be written back
        raise FieldError(owner, field, f"a date in the years {FIRST_YEAR} to {LAST_YEAR}",
                         value)
    return value


def in_years(day: dt.date) -> bool:
    """Whether a date lies in the years a plan file can hold (`FIRST_YEAR`–`LAST_YEAR`)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def tuple_of(kind: type[T], owner: str, field: str, value: object) -> tuple[T, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise FieldTypeError(owner, field, f"a sequence of {kind.__name__}", value)
    items = tuple(value)
    if set(map(type, items)) <= {kind}:  # the common case, in one pass in C
        return items
    for item in items:
        if not isinstance(item, kind):
            raise FieldTypeError(owner, field, f"{kind.__name__} objects", item)
    return items


# attrs converters must be named functions for mypy to see their types.

MONEY_LIMIT = Decimal(10) ** 12


def decimal(owner: str, field: str, value: object, *, money: bool = True) -> Decimal:
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


