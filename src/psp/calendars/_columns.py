"""The columns of a period grid: one per period, or coarser (weeks, months) for long plans.

A day plan of two years has 730 periods; a table with a column each is unreadable and
a workbook of it unprintable. Its grid shows weeks or months instead, each column
marked when a task occupies any of its periods.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Literal, get_args

import attrs

from psp.calendars._calendar import Calendar, Lang, Month, Unit, day_label
from psp.errors import UsageError

__all__ = ["MAX_FINE_COLUMNS", "ColumnChoice", "GridColumns", "grid_columns"]

ColumnChoice = Literal["auto", "period", "week", "month"]
_Kind = Literal["period", "week", "month"]

MAX_FINE_COLUMNS = 120
"""Columns a grid shows before ``columns="auto"`` turns to coarser ones (ten years of months,
two years of weeks)."""

_FINER: dict[Unit, tuple[_Kind, ...]] = {
    Unit.MONTH: ("period",),
    Unit.WEEK: ("period", "month"),
    Unit.DAY: ("period", "week", "month"),
    Unit.WORKDAY: ("period", "week", "month"),
}


@attrs.frozen
class GridColumns:
    """The columns of a grid: their labels and first days, and each period's columns.

    Attributes
    ----------
    kind : {"period", "week", "month"}
        What one column is.
    labels : tuple of str
        A label per column.
    first_days : tuple of datetime.date
        The first day of each column.
    column_of : tuple of int
        The column of each period's first day, in order (never decreasing).
    last_column_of : tuple of int
        The column of each period's last day (the next one where a week straddles
        two months).
    last_day : datetime.date
        The last day the grid shows.
    """

    kind: _Kind
    labels: tuple[str, ...]
    first_days: tuple[dt.date, ...]
    column_of: tuple[int, ...]
    last_column_of: tuple[int, ...]
    last_day: dt.date

    def span(self, first_period: int, end_period: int) -> range:
        """The columns that hold periods ``first_period`` to ``end_period - 1`` (those shown).

        Examples
        --------
        >>> cols = grid_columns(Calendar(dt.date(2021, 1, 4), "day"), 365, columns="month")
        >>> cols.span(20, 40), cols.span(-5, 0), cols.span(360, 400)  # to 3 January 2022
        (range(0, 2), range(0, 0), range(11, 13))
        """
        first, end = max(first_period, 0), min(end_period, len(self.column_of))
        if first >= end:
            return range(0)
        return range(self.column_of[first], self.last_column_of[end - 1] + 1)

    def column_at(self, day: dt.date) -> int | None:
        """The column that holds ``day`` (None outside the columns).

        Examples
        --------
        >>> cols = grid_columns(Calendar(dt.date(2021, 1, 4), "day"), 365, columns="month")
        >>> cols.column_at(dt.date(2021, 2, 28)), cols.column_at(dt.date(2020, 12, 31))
        (1, None)
        """
        if not self.first_days or not self.first_days[0] <= day <= self.last_day:
            return None
        return bisect.bisect_right(self.first_days, day) - 1


def _key(day: dt.date, kind: str) -> tuple[int, int] | dt.date:
    if kind == "week":
        year, week, _ = day.isocalendar()
        return (year, week)
    if kind == "month":
        return (day.year, day.month)
    return day


def _label(first: dt.date, kind: str, unit: Unit, lang: Lang, iso: bool) -> str:
    shown = {"month": Unit.MONTH, "week": Unit.WEEK}.get(kind, unit)
    if not iso:
        return day_label(first, shown, lang=lang)
    return str(Month.from_date(first)) if shown is Unit.MONTH else first.isoformat()


def _choose(unit: Unit, days: list[dt.date], columns: str) -> _Kind:
    allowed = _FINER[unit]
    if columns != "auto":
        if columns not in get_args(ColumnChoice):
            raise UsageError(f"columns must be one of auto, period, week, month, not "
                             f"{columns!r}")
        return next((kind for kind in allowed if kind == columns), "period")
    for kind in allowed:
        if kind == "period" and len(days) <= MAX_FINE_COLUMNS:
            return kind
        if kind != "period" and len({_key(d, kind) for d in days}) <= MAX_FINE_COLUMNS:
            return kind
    return allowed[-1]


def grid_columns(calendar: Calendar, count: int, *, columns: str = "auto",
                 lang: Lang = "de", iso: bool = False) -> GridColumns:
    """The columns that show ``count`` periods of a plan.

    ``"auto"`` shows a column per period while there are at most `MAX_FINE_COLUMNS`, else
    the finest of weeks (day plans) and months that fits, else months. A month plan
    always shows months; a week plan is never shown in weeks of a different cut.

    Parameters
    ----------
    calendar : Calendar
        The plan's calendar.
    count : int
        The periods to show (0 to ``count - 1``).
    columns : {"auto", "period", "week", "month"}
        What one column is.
    lang : {"de", "en"}
        The language of the labels.
    iso : bool
        ISO labels (``2020-09``, ``2020-08-31``), as a CSV file for machines carries them.

    Returns
    -------
    GridColumns

    Raises
    ------
    UsageError
        For a ``columns`` that is none of these.

    Examples
    --------
    >>> cal = Calendar(dt.date(2021, 1, 4), "day")
    >>> grid_columns(cal, 10).labels[:3]
    ('04.01.21', '05.01.21', '06.01.21')
    >>> year = grid_columns(cal, 365)
    >>> year.kind, len(year.labels), year.labels[:2], year.column_of[6:8]
    ('week', 53, ("KW01'21", "KW02'21"), (0, 1))
    >>> grid_columns(cal, 365, columns="month", lang="en").labels[:2]
    ("Jan'21", "Feb'21")
    """
    days = calendar.first_days(range(count))
    kind = _choose(calendar.unit, days, columns)
    labels: list[str] = []
    firsts: list[dt.date] = []
    column_of: list[int] = []
    last_column_of: list[int] = []
    last: object = None
    for first_day, last_day in zip(days, calendar.last_days(range(count)), strict=True):
        # a week may end in the next month; a period is a column of its own
        for day in (first_day,) if kind == "period" else (first_day, last_day):
            key = _key(day, kind)
            if key != last:
                last = key
                firsts.append(day if kind == "period" else _column_start(day, kind))
                labels.append(_label(firsts[-1], kind, calendar.unit, lang, iso))
            if day is first_day:
                column_of.append(len(labels) - 1)
        last_column_of.append(len(labels) - 1)
    return GridColumns(kind, tuple(labels), tuple(firsts), tuple(column_of),
                       tuple(last_column_of), calendar.last_day(count - 1))


def _column_start(day: dt.date, kind: str) -> dt.date:
    if kind == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)
