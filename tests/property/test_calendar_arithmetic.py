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


@given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
       st.sampled_from(["day", "week", "workday"]), st.integers(-800, 800), st.integers(0, 800))
def test_a_run_of_days_reads_as_each_day_s_own_iso_text(start: dt.date, unit: str, low: int,
                                                        count: int) -> None:
    if unit == "workday" and start.weekday() > 4:
        start -= dt.timedelta(days=start.weekday() - 4)
    cal = Calendar(start, unit)
    run = range(low, low + count)
    try:
        expected = [cal.first_day(p).isoformat() for p in run]
    except DateRangeError:
        with pytest.raises(DateRangeError):
            cal.iso_first_days(run)
        return
    assert cal.iso_first_days(run) == expected
    assert cal.iso_first_days(list(run)[::-1]) == expected[::-1]


@pytest.mark.parametrize("unit", ["day", "week"])
def test_a_column_reaching_past_9999_names_the_period(unit: str) -> None:
    cal = Calendar(dt.date(9999, 12, 1), unit)
    with pytest.raises(DateRangeError, match="period 5000 of a plan in"):
        cal.last_days([0, 1, 5000])
    assert cal.last_days([0])[0] == dt.date(9999, 12, 1 if unit == "day" else 7)


# Working days, counted by hand: step day by day and skip Saturdays and Sundays.
weekdays = st.dates(dt.date(1000, 1, 1), dt.date(9000, 12, 31)).filter(
    lambda d: d.weekday() < 5)


def _by_hand(start: dt.date, day: dt.date) -> int:
    """Working days in (start, day] — or minus those in [day, start) when day is earlier."""
    one = dt.timedelta(days=1)
    if day >= start:
        span = [start + one * n for n in range(1, (day - start).days + 1)]
        return sum(d.weekday() < 5 for d in span)
    span = [day + one * n for n in range((start - day).days)]
    return -sum(d.weekday() < 5 for d in span)


@given(weekdays, st.integers(-60, 60))
def test_a_working_day_plan_counts_monday_to_friday(start: dt.date, p: int) -> None:
    cal = Calendar(start, "workday")
    day = cal.first_day(p)
    assert day.weekday() < 5
    assert cal.last_day(p) == day
    assert _by_hand(start, day) == p
    assert cal.period_of(day) == p


@given(weekdays, st.integers(-30, 30))
def test_a_weekend_day_falls_in_the_friday_before(start: dt.date, shift: int) -> None:
    cal = Calendar(start, "workday")
    friday = start + dt.timedelta(days=4 - start.weekday() + 7 * shift)
    for weekend in (friday + dt.timedelta(days=1), friday + dt.timedelta(days=2)):
        assert cal.period_of(weekend) == cal.period_of(friday)
        assert cal.boundary_on_or_after(weekend) == cal.period_of(friday) + 1
        assert cal.first_day(cal.boundary_on_or_after(weekend)) == friday + dt.timedelta(days=3)


def test_a_working_day_plan_starts_on_a_working_day() -> None:
    from psp.errors import DateAlignmentError
    with pytest.raises(DateAlignmentError, match=r"04\.01\.2003, a Saturday"):
        Calendar(dt.date(2003, 1, 4), "workday")
    # by hand: from Tuesday 07.01.2003, working day 4 is Monday 13.01.2003
    assert Calendar(dt.date(2003, 1, 7), "workday").first_day(4) == dt.date(2003, 1, 13)
