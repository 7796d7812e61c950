"""Exact calendar time: `Month`, `Unit`, `Calendar` and the parsing of what project leads write.

The engine works on integer *periods* counted from the project start (period 0).
A `Calendar` turns a period into its first and last day. Each conversion is one
step from the start, never a chain of one-month steps (chained steps clamp at short
months, 31.01 → 28.02 → 28.03 …, and drift): a month is the integer ``year·12 + month − 1``,
so period ``p`` of a plan starting in month ``m`` is month ``m + p``, and its last day
comes from a table of month lengths (February's by the Gregorian leap rule).

A task occupying periods ``s … f-1`` is written as the half-open pair
``(s, f)``; ``f`` is a *boundary*. Its start date is the first day of period
``s``, its finish date the last day of period ``f-1``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from typing import Literal, cast

import attrs

from psp._support.compat import lang_keyword
from psp._support.words import MONTH_NAMES
from psp.errors import (
    DateAlignmentError,
    DateParseError,
    DateRangeError,
    FieldError,
    FieldTypeError,
    did_you_mean,
)

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Calendar",
    "Lang",
    "Month",
    "Unit",
    "day_label",
    "format_date",
    "parse_date",
]

Lang = Literal["de", "en"]

_DE_ABBR, _EN_ABBR = MONTH_NAMES["de"]["short"], MONTH_NAMES["en"]["short"]
_DE_FULL, _EN_FULL = MONTH_NAMES["de"]["full"], MONTH_NAMES["en"]["full"]


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for table in (_DE_ABBR, _EN_ABBR, _DE_FULL, _EN_FULL):
        for number, name in enumerate(table, start=1):
            names[name.lower()] = number
    # Spellings seen in German and Austrian documents and in ASCII-only exports.
    extra = {"jän": 1, "jänner": 1, "mrz": 3, "maerz": 3, "mae": 3, "sept": 9}
    names.update(extra)
    return names


_MONTH_NAMES = _month_names()

# The ways a date or a month is written, as patterns `re` compiles on first use and keeps
# (compiling all of them as the module loads would cost every command a few milliseconds).
_ISO_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_DE_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_ISO_MONTH = r"(\d{4})-(\d{1,2})"
_NUM_MONTH = r"(\d{1,2})[/.](\d{4})"
_NAMED_MONTH = r"([^\W\d_]+)\.?\s*['’‘´`-]?\s*(\d{4}|\d{2})"

# Month names as people write them in full, for suggestions ("Septmber" → "September").
_SPELLED = list(dict.fromkeys((*_DE_FULL, *_EN_FULL)))

_LONGEST = 40  # "September 2021", "2021-08-31": a date fits with room to spare
_FORMS = (
    "a month like 2020-09, 09/2020, 09.2020, Sep 2020, März 2021, Mär'21, "
    "or a date like 31.08.2021 or 2021-08-31"
)


class Unit(enum.StrEnum):
    """The length of one period of a plan: a calendar month (default), a week, a day, or a
    working day (Monday to Friday, as MS Project's standard calendar counts)."""

    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    WORKDAY = "workday"


def _workdays_before(ordinal: int) -> int:
    """How many working days (Monday to Friday) come before a day, counted from 01.01.0001.

    That day was a Monday, so whole weeks count five and the rest of the week its
    weekday (a Saturday or Sunday counts the week's five).
    """
    weeks, weekday = divmod(ordinal - 1, 7)
    return 5 * weeks + min(weekday, 5)


def _workday(count: int) -> dt.date:
    """The working day with ``count`` working days before it (`_workdays_before`'s inverse)."""
    weeks, weekday = divmod(count, 5)
    return dt.date.fromordinal(7 * weeks + weekday + 1)


def _check_int(owner: str, field: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldTypeError(owner, field, "a whole number", value)
    if not low <= value <= high:
        raise FieldError(owner, field, f"a whole number from {low} to {high}", value)
    return value


@attrs.frozen(order=True, init=False)
class Month:
    """A calendar month: ``Month(2020, 9)`` is September 2020, so is ``Month("2020-09")``.

    Months add and subtract whole months, know their first and last day, and
    print as ``2020-09``; `Month.label` gives the short form used in
    *Projektstrukturpläne* (``Sep'20``). One argument is read as the plan file reads
    a month (`Month.from_string`) or taken from a date.

    Examples
    --------
    >>> Month("Sep 2020") == Month(2020, 9) == Month(dt.date(2020, 9, 14))
    True
    >>> m = Month(2020, 9)
    >>> m + 6, (m + 6).label(), (m + 6).label(lang="en")
    (Month(year=2021, month=3), "Mär'21", "Mar'21")
    >>> Month(2021, 2).last_day
    datetime.date(2021, 2, 28)
    >>> Month(2021, 12) - Month(2020, 9)
    15
    """

    year: int = attrs.field()
    month: int = attrs.field()

    def __init__(self, year: int | str | dt.date, month: int | None = None) -> None:
        if month is not None:
            self.__attrs_init__(cast(int, year), month)  # the validators check both
        elif isinstance(year, str):
            self.__attrs_init__(*_read(year)[0].as_tuple())
        elif isinstance(year, dt.date) and not isinstance(year, dt.datetime):
            self.__attrs_init__(year.year, year.month)
        else:
            raise FieldTypeError("Month", "month", "a month 1–12, or one text like 2020-09",
                                 None)

    def as_tuple(self) -> tuple[int, int]:
        """``(year, month)``.

        Examples
        --------
        >>> Month(2020, 9).as_tuple()
        (2020, 9)
        """
        return self.year, self.month

    @year.validator
    def _check_year(self, _attr: attrs.Attribute[int], value: int) -> None:
        _check_int("Month", "year", value, 1, 9998)

    @month.validator
    def _check_month(self, _attr: attrs.Attribute[int], value: int) -> None:
        _check_int("Month", "month", value, 1, 12)

    @classmethod
    def from_date(cls, day: dt.date) -> Month:
        """The month a date falls in.

        Examples
        --------
        >>> Month.from_date(dt.date(2021, 8, 31))
        Month(year=2021, month=8)
        """
        return cls(day.year, day.month)

    @classmethod
    def from_string(cls, text: str) -> Month:
        """Read a month as project leads write it.

        Accepts ``2020-09``, ``09/2020``, ``09.2020``, ``Sep 2020``, ``September 2020``,
        German names and abbreviations (``März 2021``, ``Mär'21``, ``Dez'21``, ``Okt 20``)
        and full dates (``01.09.2020``, ``2020-09-01``: the month they fall in).
        A two-digit year means 20xx.

        Raises
        ------
        DateParseError
            When the text is none of these; the error shows the text.

        Examples
        --------
        >>> Month.from_string("Mär'21"), Month.from_string("09/2020"), Month.from_string("Okt 20")
        (Month(year=2021, month=3), Month(year=2020, month=9), Month(year=2020, month=10))
        """
        month, _day = _read(text)
        return month

    @property
    def first_day(self) -> dt.date:
        """The first day of the month."""
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day of the month (28, 29, 30 or 31)."""
        return _last_of(_month_number(self))

    def __add__(self, months: int) -> Month:
        if isinstance(months, bool) or not isinstance(months, int):
            return NotImplemented
        try:
            first = _first_of(_month_number(self) + months)
        except ValueError:
            raise DateRangeError(f"{self} + {months} months lies outside the years 1 to "
                                 "9999") from None
        return Month.from_date(first)

    def __radd__(self, months: int) -> Month:
        return self.__add__(months)

    def __sub__(self, other: Month | int) -> int | Month:
        if isinstance(other, Month):
            return _month_number(self) - _month_number(other)
        if isinstance(other, int) and not isinstance(other, bool):
            return self + (-other)
        return NotImplemented

    @lang_keyword
    def label(self, *, lang: Lang = "de") -> str:
        """The short label of a month column: ``Sep'20``, German by default.

        Examples
        --------
        >>> Month(2021, 12).label(), Month(2021, 12).label(lang="en")
        ("Dez'21", "Dec'21")
        """
        names = _EN_ABBR if lang == "en" else _DE_ABBR
        return f"{names[self.month - 1]}'{self.year % 100:02d}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _month_number(day: dt.date | Month) -> int:
    """A month as one integer, ``year·12 + month − 1``: months add and subtract as numbers."""
    return day.year * 12 + day.month - 1


def _first_of(number: int) -> dt.date:
    """The first day of month ``number`` (see `_month_number`)."""
    year, month = divmod(number, 12)
    return dt.date(year, month + 1, 1)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(number: int) -> int:
    """The days of month ``number``: 28, 29, 30 or 31."""
    year, month = divmod(number, 12)
    leap = month == 1 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return _MONTH_DAYS[month] + leap


def _last_of(number: int) -> dt.date:
    """The last day of month ``number``."""
    year, month = divmod(number, 12)
    return dt.date(year, month + 1, _month_length(number))


_DAY_TEXTS = tuple(f"{day:02d}" for day in range(1, 32))


def _iso_run(first: dt.date, count: int) -> list[str]:
    """``count`` consecutive days from ``first`` as ISO text, written month by month.

    A month's days share its ``YYYY-MM-`` prefix: one concatenation per day instead
    of a date object and its formatting (a span of decades has tens of thousands of days).
    """
    days: list[str] = []
    number, skip = _month_number(first), first.day - 1
    while len(days) < count:
        year, month = divmod(number, 12)
        take = min(_month_length(number) - skip, count - len(days))
        days += map(f"{year:04d}-{month + 1:02d}-".__add__, _DAY_TEXTS[skip:skip + take])
        number, skip = number + 1, 0
    return days


def _two_digit_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


FIRST_YEAR, LAST_YEAR = 1000, 9998
"""Plans live in these years: every date has four digits and a period after it."""


def _check_year(text: object, year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateRangeError(f"{text!s} lies outside the years {FIRST_YEAR} to {LAST_YEAR} "
                             "that plans may use")


def _make_date(original: str, year: int, month: int, day: int) -> dt.date:
    _check_year(original, year)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateParseError(original, "a real calendar date") from None


def _read(text: object) -> tuple[Month, dt.date | None]:
    """Read ``text`` as a month or a date; a date comes back as the second item."""
    if not isinstance(text, str):
        raise DateParseError(repr(text), _FORMS)
    s = text.strip()
    if len(s) > _LONGEST:  # no date is this long; and the patterns stay linear in time
        raise DateParseError(s[:_LONGEST] + "…", _FORMS)
    if m := re.fullmatch(_ISO_DATE, s):
        day = _make_date(text, int(m[1]), int(m[2]), int(m[3]))
        return Month.from_date(day), day
    if m := re.fullmatch(_DE_DATE, s):
        day = _make_date(text, int(m[3]), int(m[2]), int(m[1]))
        return Month.from_date(day), day
    if m := re.fullmatch(_ISO_MONTH, s):
        year, number = int(m[1]), int(m[2])
    elif m := re.fullmatch(_NUM_MONTH, s):
        year, number = int(m[2]), int(m[1])
    elif (m := re.fullmatch(_NAMED_MONTH, s)) and m[1].lower() in _MONTH_NAMES:
        year, number = _two_digit_year(m[2]), _MONTH_NAMES[m[1].lower()]
    elif m:  # a word where a month's name belongs: name the closest
        raise DateParseError(text, _FORMS, suggestion=did_you_mean(m[1], _SPELLED))
    else:
        raise DateParseError(text, _FORMS)
    if not 1 <= number <= 12:
        raise DateParseError(text, _FORMS)
    _check_year(text, year)
    return Month(year, number), None


def parse_date(text: str | dt.date, *, edge: Literal["start", "end"] = "start") -> dt.date:
    """Read a date; a month alone stands for its first day (``edge="start"``) or last day.

    ``datetime.date`` values pass through unchanged (TOML has native dates).

    Parameters
    ----------
    text : str or datetime.date
        What a project lead wrote: ``2021-06``, ``Mär'21``, ``31.08.2021`` …
    edge : {"start", "end"}
        The day a month alone stands for: its first or its last.

    Returns
    -------
    datetime.date

    Raises
    ------
    DateParseError
        When the text is not a month or a date; the error shows the text.
    DateRangeError
        For a year before 1000 or after 9998.

    Examples
    --------
    >>> parse_date("31.08.2021"), parse_date("Aug 2021", edge="end")
    (datetime.date(2021, 8, 31), datetime.date(2021, 8, 31))
    >>> parse_date("2021-06")
    datetime.date(2021, 6, 1)
    """
    if isinstance(text, dt.datetime):
        raise DateParseError(str(text), "a date without a time of day")
    if isinstance(text, dt.date):
        _check_year(text.isoformat(), text.year)
        return text
    month, day = _read(text)
    if day is not None:
        return day
    return month.first_day if edge == "start" else month.last_day


@lang_keyword
def format_date(day: dt.date, *, lang: Lang = "de") -> str:
    """A date as people read it: ``31.08.2021`` in German, ISO ``2021-08-31`` in English.

    Parameters
    ----------
    day : datetime.date
        The date.
    lang : {"de", "en"}
        German ``31.08.2021`` or ISO ``2021-08-31``.

    Returns
    -------
    str

    Examples
    --------
    >>> format_date(dt.date(2021, 8, 31)), format_date(dt.date(2021, 8, 31), lang="en")
    ('31.08.2021', '2021-08-31')
    """
    return day.isoformat() if lang == "en" else f"{day:%d.%m.%Y}"


def _check_start(cal: Calendar, _attr: attrs.Attribute[dt.date], value: dt.date) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise FieldTypeError("Calendar", "start", "a datetime.date", value)
    if cal.unit is Unit.MONTH and value.day != 1:
        raise DateAlignmentError(
            f"a plan in months starts on the first day of a month, not on {format_date(value)}"
        )
    if cal.unit is Unit.WORKDAY and value.weekday() >= 5:
        raise DateAlignmentError(
            "a plan in working days starts on a working day (Monday to Friday), not on "
            f"{format_date(value)}, a {value:%A}"
        )


@attrs.frozen
class Calendar:
    """Periods ⇄ dates for one plan: the start day and the unit of a period.

    Examples
    --------
    >>> cal = Calendar(dt.date(2020, 9, 1))
    >>> cal.first_day(6), cal.last_day(11), cal.month(6)
    (datetime.date(2021, 3, 1), datetime.date(2021, 8, 31), Month(year=2021, month=3))
    >>> cal.period_of(dt.date(2021, 6, 15))
    9
    >>> cal.end_boundary(dt.date(2021, 8, 31))
    12
    """

    start: dt.date = attrs.field(validator=_check_start)
    unit: Unit = attrs.field(default=Unit.MONTH, converter=Unit)

    def first_day(self, period: int) -> dt.date:
        """The first day of a period (periods before 0 lie before the project start)."""
        try:
            if self.unit is Unit.MONTH:
                return _first_of(_month_number(self.start) + period)
            if self.unit is Unit.WORKDAY:
                return _workday(self._first_workday + period)
            return self.start + dt.timedelta(days=period * self._days)
        except (OverflowError, ValueError):
            raise self._out_of_range(period) from None

    def last_day(self, period: int) -> dt.date:
        """The last day of a period."""
        if self.unit is Unit.WORKDAY:  # a working day is its period's first and last day
            return self.first_day(period)
        try:
            if self.unit is Unit.MONTH:
                return _last_of(_month_number(self.start) + period)
            return self.start + dt.timedelta(days=(period + 1) * self._days - 1)
        except (OverflowError, ValueError):
            raise self._out_of_range(period) from None

    def days_between(self, period: int, boundary: int) -> int:
        """Days from the start of ``period`` to ``boundary`` (working days in a plan of
        them), negative when the boundary lies before; how tools counting days see a span.

        Examples
        --------
        >>> cal = Calendar(dt.date(2021, 1, 1))
        >>> cal.days_between(1, 3), cal.days_between(1, 0)
        (59, -31)
        """
        if self.unit is Unit.WORKDAY:
            return boundary - period
        return (self.first_day(boundary) - self.first_day(period)).days

    def first_days(self, periods: Sequence[int]) -> list[dt.date]:
        """`first_day` of each period, worked out together (for whole columns of a table).

        Examples
        --------
        >>> Calendar(dt.date(2021, 1, 4), "week").first_days([0, 2])
        [datetime.date(2021, 1, 4), datetime.date(2021, 1, 18)]
        """
        if self.unit is Unit.MONTH or self.unit is Unit.WORKDAY:
            return list(map(self.first_day, periods))
        return self._days_at(periods, 0)

    def last_days(self, periods: Sequence[int]) -> list[dt.date]:
        """`last_day` of each period, worked out together.

        Examples
        --------
        >>> Calendar(dt.date(2021, 1, 4), "week").last_days([0, 2])
        [datetime.date(2021, 1, 10), datetime.date(2021, 1, 24)]
        """
        if self.unit is Unit.MONTH or self.unit is Unit.WORKDAY:
            return list(map(self.last_day, periods))
        return self._days_at(periods, self._days - 1)

    def iso_first_days(self, periods: Sequence[int]) -> list[str]:
        """`first_days` as ISO text (``YYYY-MM-DD``), a run of days written month by month.

        Examples
        --------
        >>> Calendar(dt.date(2021, 2, 27), "day").iso_first_days(range(3))
        ['2021-02-27', '2021-02-28', '2021-03-01']
        """
        if self.unit is Unit.DAY and isinstance(periods, range) and periods.step == 1 and periods:
            self.last_day(periods[-1])  # the run's end lies within the years 1 to 9999
            return _iso_run(self.first_day(periods[0]), len(periods))
        return list(map(dt.date.isoformat, self.first_days(periods)))

    def _days_at(self, periods: Sequence[int], offset: int) -> list[dt.date]:
        """The day ``offset`` days into each period of a plan in days or weeks."""
        base = self.start.toordinal() + offset
        try:
            return list(map(dt.date.fromordinal,
                            map(base.__add__, map(self._days.__mul__, periods))))
        except (OverflowError, ValueError):  # name the first period out of range
            day = self.last_day if offset else self.first_day
            for period in periods:
                day(period)
            raise

    def _out_of_range(self, period: int) -> DateRangeError:
        return DateRangeError(
            f"period {period} of a plan in {self.unit.value}s starting {format_date(self.start)} "
            "lies outside the years 1 to 9999"
        )

    @property
    def single_day(self) -> bool:
        """Whether each period is one day, its first day and its last (days, working days).

        Examples
        --------
        >>> Calendar(dt.date(2021, 1, 4), "workday").single_day, Calendar(
        ...     dt.date(2021, 1, 4), "week").single_day
        (True, False)
        """
        return self.unit is Unit.DAY or self.unit is Unit.WORKDAY

    @property
    def _days(self) -> int:
        return 7 if self.unit is Unit.WEEK else 1

    @property
    def _first_workday(self) -> int:
        return _workdays_before(self.start.toordinal())

    def period_of(self, day: dt.date) -> int:
        """The period a day falls in (a weekend day: the Friday's, in a plan of working days)."""
        if self.unit is Unit.MONTH:
            return _month_number(day) - _month_number(self.start)
        if self.unit is Unit.WORKDAY:
            return _workdays_before(day.toordinal() + 1) - 1 - self._first_workday
        return (day - self.start).days // self._days

    def month(self, period: int) -> Month:
        """The calendar month in which a period begins."""
        return Month.from_date(self.first_day(period))

    def start_period(self, day: dt.date, *, what: str = "a start") -> int:
        """The period that begins on ``day``; an error when ``day`` begins none."""
        period = self.period_of(day)
        if self.first_day(period) != day:
            raise DateAlignmentError(
                f"{what} must be the first day of a {self.unit.value}: "
                f"{format_date(day)} is not, {format_date(self.first_day(period))} would be"
            )
        return period

    def end_boundary(self, day: dt.date, *, what: str = "an end") -> int:
        """The boundary after the period that ends on ``day``; an error when none ends then."""
        period = self.period_of(day)
        if self.last_day(period) != day:
            raise DateAlignmentError(
                f"{what} must be the last day of a {self.unit.value}: "
                f"{format_date(day)} is not, {format_date(self.last_day(period))} would be"
            )
        return period + 1

    def milestone_bound(
        self, day: dt.date, *, what: str = "a milestone's date"
    ) -> tuple[int, bool]:
        """The boundary and side (``at_end``) of a milestone dated ``day``; `instant`'s inverse.

        A milestone's date is the first day of a period (the boundary before it) or the
        last day of one (the boundary after it, reached at the period's end).

        Examples
        --------
        >>> cal = Calendar(dt.date(2020, 9, 1))
        >>> cal.milestone_bound(dt.date(2021, 2, 28)), cal.milestone_bound(dt.date(2021, 3, 1))
        ((6, True), (6, False))
        """
        period = self.period_of(day)
        if day == self.first_day(period):
            return period, False
        if day == self.last_day(period):
            return period + 1, True
        raise DateAlignmentError(
            f"{what} must be the first or last day of a {self.unit.value}: "
            f"{format_date(day)} is neither"
        )

    def boundary_on_or_after(self, day: dt.date) -> int:
        """The first period boundary not before ``day`` begins (a status date's boundary).

        Work that must not start before ``day`` starts at this period.

        Examples
        --------
        >>> cal = Calendar(dt.date(2020, 9, 1))
        >>> [cal.boundary_on_or_after(dt.date(2021, m, d)) for m, d in ((3, 29), (4, 1), (4, 2))]
        [7, 7, 8]
        """
        period = self.period_of(day)
        return period if self.first_day(period) == day else period + 1

    def instant(self, boundary: int, *, at_end: bool) -> dt.date:
        """The date of a milestone at a period boundary: the one rule every output uses.

        A boundary lies between two periods, so it has two dates: the last day of the
        period before it (``at_end=True``: reached when something finishes) and the first
        day of the period after it (``at_end=False``: set by a start, a *not before*
        date, the status date or the project start). The engine decides the side; this
        method only turns the pair into a date.

        Examples
        --------
        >>> cal = Calendar(dt.date(2020, 9, 1))
        >>> cal.instant(6, at_end=True), cal.instant(6, at_end=False)
        (datetime.date(2021, 2, 28), datetime.date(2021, 3, 1))
        """
        return self.last_day(boundary - 1) if at_end else self.first_day(boundary)

    def boundary_date(self, boundary: int) -> dt.date:
        """The date of an instant between periods, as used for milestones.

        A milestone is reached at the end of the period before it (the last day of
        ``boundary - 1``); one at or before the project start is dated on the first
        day of its period, so a kick-off is never dated before the project begins.
        """
        return self.last_day(boundary - 1) if boundary > 0 else self.first_day(boundary)

    @lang_keyword
    def label(self, period: int, *, lang: Lang = "de") -> str:
        """The column label of a period: ``Sep'20``, ``KW36'20`` / ``W36'20``, ``01.09.20``
        (a day or working day).

        Examples
        --------
        >>> Calendar(dt.date(2020, 8, 31), "week").label(0)
        "KW36'20"
        """
        return day_label(self.first_day(period), self.unit, lang=lang)


def day_label(day: dt.date, unit: Unit, *, lang: Lang = "de", year: bool = True) -> str:
    """The label of the month, ISO week or day ``day`` lies in: ``Sep'20``, ``KW36'20`` /
    ``W36'20``, ``01.09.20`` / ``2020-09-01``; without ``year``: ``Sep``, ``KW36``, ``01``
    (for a chart whose second tier names the year or month).

    Examples
    --------
    >>> day_label(dt.date(2020, 9, 3), Unit.WEEK), day_label(dt.date(2020, 9, 3), Unit.DAY)
    ("KW36'20", '03.09.20')
    >>> day_label(dt.date(2020, 9, 3), Unit.WEEK, lang="en", year=False)
    'W36'
    """
    if unit is Unit.MONTH:
        return (Month.from_date(day).label(lang=lang) if year
                else MONTH_NAMES[lang]["short"][day.month - 1])
    if unit is Unit.WEEK:
        iso_year, week, _ = day.isocalendar()
        name = f"{'W' if lang == 'en' else 'KW'}{week:02d}"
        return f"{name}'{iso_year % 100:02d}" if year else name
    if not year:
        return f"{day.day:02d}"
    return day.isoformat() if lang == "en" else f"{day:%d.%m.%y}"
