"""Months, calendars and parsing: every form project leads write, and every error."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

import psp
from psp import Calendar, Month, parse_date


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [
        ("2020-09", 2020, 9),
        ("2020-9", 2020, 9),
        ("09/2020", 2020, 9),
        ("09.2020", 2020, 9),
        ("Sep 2020", 2020, 9),
        ("Sept. 2020", 2020, 9),
        ("September 2020", 2020, 9),
        ("März 2021", 2021, 3),
        ("Maerz 2021", 2021, 3),
        ("Mär'21", 2021, 3),
        ("März'21", 2021, 3),
        ("Mar'21", 2021, 3),
        ("Mar-21", 2021, 3),
        ("Dez'21", 2021, 12),
        ("Okt 20", 2020, 10),
        ("Okt. 20", 2020, 10),
        ("oktober 2020", 2020, 10),
        ("Mai 2021", 2021, 5),
        ("May 2021", 2021, 5),
        ("Jänner 2022", 2022, 1),
        ("  Juni 2021 ", 2021, 6),
        ("Jun’21", 2021, 6),
        ("31.08.2021", 2021, 8),
        ("2021-08-31", 2021, 8),
    ],
)
def test_month_parse_reads_what_project_leads_write(text: str, year: int, month: int) -> None:
    assert Month.from_string(text) == Month(year, month)


@pytest.mark.parametrize(
    "text", ["", "Smarch 2021", "2021-13", "13/2021", "00.2021", "2021", "Sep", "Mär 202",
             "31.02.2021", "2021-02-30", "1.1.21", "Sep 2020 extra"],
)
def test_month_parse_rejects_and_shows_the_text(text: str) -> None:
    with pytest.raises(psp.DateParseError) as info:
        Month.from_string(text)
    assert repr(text) in str(info.value)
    assert info.value.code == "date-unreadable"
    assert isinstance(info.value, ValueError) and isinstance(info.value, psp.PlanError)


def test_parse_date_months_stand_for_their_first_or_last_day() -> None:
    assert parse_date("2021-02") == dt.date(2021, 2, 1)
    assert parse_date("2021-02", edge="end") == dt.date(2021, 2, 28)
    assert parse_date("Feb 2024", edge="end") == dt.date(2024, 2, 29)
    assert parse_date("31.08.2021", edge="start") == dt.date(2021, 8, 31)  # a date stays a date
    assert parse_date(dt.date(2021, 8, 31)) == dt.date(2021, 8, 31)
    with pytest.raises(psp.DateParseError):
        parse_date(dt.datetime(2021, 8, 31, 12, 0))  # type: ignore[arg-type]


def test_labels_german_by_default_and_english_on_request() -> None:
    expected_de = ["Sep'20", "Okt'20", "Nov'20", "Dez'20", "Jan'21", "Feb'21", "Mär'21",
                   "Apr'21", "Mai'21", "Jun'21", "Jul'21", "Aug'21", "Sep'21", "Okt'21",
                   "Nov'21", "Dez'21"]
    cal = Calendar(dt.date(2020, 9, 1))
    assert [cal.label(p) for p in range(16)] == expected_de
    assert cal.label(6, lang="en") == "Mar'21" and cal.label(15, lang="en") == "Dec'21"
    assert str(Month(2020, 9)) == "2020-09"


def test_month_arithmetic() -> None:
    assert Month(2020, 9) + 4 == Month(2021, 1)
    assert 4 + Month(2020, 9) == Month(2021, 1)
    assert Month(2021, 1) - 4 == Month(2020, 9)
    assert Month(2021, 1) - Month(2020, 9) == 4
    assert Month(2020, 9) - Month(2021, 1) == -4
    assert Month(2020, 9) < Month(2020, 10) < Month(2021, 1)


@pytest.mark.parametrize(("field", "value"), [("year", 0), ("month", 13), ("month", "9")])
def test_month_fields_are_checked(field: str, value: object) -> None:
    args = {"year": 2020, "month": 9, field: value}
    with pytest.raises(psp.FieldError, match=f"Month.{field}: expected"):
        Month(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize("start", [dt.date(2020, 1, 1), dt.date(2020, 2, 1), dt.date(2021, 8, 1)])
def test_month_calendar_matches_the_stdlib_over_twenty_years(start: dt.date) -> None:
    """First and last days come from ``calendar.monthrange``, not from dateutil."""
    cal = Calendar(start)
    year, month = start.year, start.month
    for period in range(240):
        days = calendar.monthrange(year, month)[1]
        assert cal.first_day(period) == dt.date(year, month, 1)
        assert cal.last_day(period) == dt.date(year, month, days)
        assert cal.period_of(dt.date(year, month, days)) == period
        assert cal.end_boundary(dt.date(year, month, days)) == period + 1
        month += 1
        if month == 13:
            year, month = year + 1, 1
    assert cal.first_day(-1) == Month.from_date(start).__sub__(1).first_day  # type: ignore[union-attr]
    assert cal.period_of(start - dt.timedelta(days=1)) == -1


def test_a_month_plan_must_start_on_the_first() -> None:
    with pytest.raises(psp.DateAlignmentError, match="first day of a month"):
        Calendar(dt.date(2020, 9, 15))


def test_alignment_errors_say_which_day_would_do() -> None:
    cal = Calendar(dt.date(2020, 9, 1))
    with pytest.raises(psp.DateAlignmentError, match=r"30\.08\.2021 is not, 31\.08\.2021"):
        cal.end_boundary(dt.date(2021, 8, 30))
    with pytest.raises(psp.DateAlignmentError, match=r"15\.06\.2021 is not, 01\.06\.2021"):
        cal.start_period(dt.date(2021, 6, 15))


def test_week_and_day_calendars() -> None:
    weeks = Calendar(dt.date(2020, 8, 31), "week")  # a Monday
    assert weeks.first_day(1) == dt.date(2020, 9, 7)
    assert weeks.last_day(0) == dt.date(2020, 9, 6)
    assert weeks.period_of(dt.date(2020, 9, 13)) == 1
    assert weeks.label(0) == "KW36'20" and weeks.label(0, lang="en") == "W36'20"
    with pytest.raises(psp.DateAlignmentError, match="last day of a week"):
        weeks.end_boundary(dt.date(2020, 9, 7))
    days = Calendar(dt.date(2020, 9, 15), "day")
    assert days.first_day(16) == days.last_day(16) == dt.date(2020, 10, 1)
    assert days.label(0) == "15.09.20" and days.label(0, lang="en") == "2020-09-15"


def test_format_date() -> None:
    assert psp.format_date(dt.date(2021, 12, 31)) == "31.12.2021"
    assert psp.format_date(dt.date(2021, 12, 31), lang="en") == "2021-12-31"


def test_periods_outside_the_calendar_raise_a_plan_error() -> None:
    cal = Calendar(dt.date(9999, 1, 1))
    assert cal.last_day(11) == dt.date(9999, 12, 31)
    with pytest.raises(psp.DateRangeError, match="period 12"):
        cal.first_day(12)
    with pytest.raises(psp.DateRangeError):
        Calendar(dt.date(1, 1, 1), "day").first_day(-1)
