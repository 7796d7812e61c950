"""The calendar's integer arithmetic: months agree with relativedelta, columns with single days.

psp counts months as ``year·12 + month − 1`` with a table of month lengths; relativedelta
(an independent implementation) is the oracle for every conversion a plan makes.
"""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from psp import Calendar, Month
from psp.errors import DateRangeError

firsts = st.builds(dt.date, st.integers(1000, 9000), st.integers(1, 12), st.just(1))
periods = st.integers(-1200, 9000)
days = st.dates(dt.date(1000, 1, 1), dt.date(9998, 12, 31))


@given(firsts, periods)
def test_a_period_begins_and_ends_where_relativedelta_says(start: dt.date, p: int) -> None:
    cal = Calendar(start)
    assert cal.first_day(p) == start + relativedelta(months=p)
    assert cal.last_day(p) == start + relativedelta(months=p, day=31)


@given(firsts, days)
def test_a_day_falls_in_the_period_relativedelta_counts(start: dt.date, day: dt.date) -> None:
    delta = relativedelta(day.replace(day=1), start)
    assert Calendar(start).period_of(day) == delta.years * 12 + delta.months


@given(st.dates(dt.date(1500, 1, 1), dt.date(8500, 12, 31)), st.integers(-6000, 6000))
def test_months_add_and_subtract_as_relativedelta_does(day: dt.date, n: int) -> None:
    month = Month(day)
    expected = day.replace(day=1) + relativedelta(months=n)  # 500 years either way: in range
    assert (month + n).first_day == expected
    assert (month + n) - month == n
    assert month.last_day == day + relativedelta(day=31)


def test_february_has_29_days_in_leap_years_only() -> None:
    # by hand: 2000 and 2024 are leap years, 1900 and 2100 are not
    assert [Month(y, 2).last_day.day for y in (1900, 2000, 2023, 2024, 2100)] == [
        28, 29, 28, 29, 28]


starts = st.dates(dt.date(1000, 1, 1), dt.date(9000, 12, 31))
units = st.sampled_from(["day", "week", "month"])


@given(starts, units, st.lists(st.integers(-3000, 3000), max_size=20))
def test_whole_columns_of_days_are_each_periods_own(start: dt.date, unit: str,
                                                    ps: list[int]) -> None:
    cal = Calendar(start.replace(day=1) if unit == "month" else start, unit)
    assert cal.first_days(ps) == [cal.first_day(p) for p in ps]
    assert cal.last_days(ps) == [cal.last_day(p) for p in ps]
    step = {"day": 1, "week": 7}.get(unit)
    if step:  # the days of a period, counted by hand
        assert [(b - cal.start).days for b in cal.first_days(ps)] == [p * step for p in ps]
        assert [(e - b).days for b, e in zip(cal.first_days(ps), cal.last_days(ps),
                                               strict=True)] == [step - 1] * len(ps)


@pytest.mark.parametrize("unit", ["day", "week"])
def test_a_column_reaching_past_9999_names_the_period(unit: str) -> None:
    cal = Calendar(dt.date(9999, 12, 1), unit)
    with pytest.raises(DateRangeError, match="period 5000 of a plan in"):
        cal.last_days([0, 1, 5000])
    assert cal.last_days([0])[0] == dt.date(9999, 12, 1 if unit == "day" else 7)
