"""Calendars: months, periods and dates — the only place where periods become dates.

`Month` and `Unit`, the strict reader of what project leads write (`parse_date`), the
German and English labels (`format_date`), and `Calendar`, which turns a plan's integer
periods into first and last days; `grid_columns`, the columns of a period grid (one per
period, or weeks and months for a long plan).

Examples
--------
>>> from psp.calendars import Calendar, Month
>>> Calendar(Month(2020, 9).first_day).last_day(11)
datetime.date(2021, 8, 31)
"""

from typing import TYPE_CHECKING

from psp._support.lazy import on_first_use
from psp.calendars._calendar import (
    FIRST_YEAR,
    LAST_YEAR,
    Calendar,
    Lang,
    Month,
    Unit,
    day_label,
    format_date,
    parse_date,
)

if TYPE_CHECKING:
    from psp.calendars._columns import MAX_FINE_COLUMNS, ColumnChoice, GridColumns, grid_columns

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_FINE_COLUMNS",
    "Calendar",
    "ColumnChoice",
    "GridColumns",
    "Lang",
    "Month",
    "Unit",
    "day_label",
    "format_date",
    "grid_columns",
    "parse_date",
]

# A period grid's columns, loaded on first use (a schedule printed as JSON needs none).
__getattr__, __dir__ = on_first_use("psp.calendars", dict.fromkeys(
    ("MAX_FINE_COLUMNS", "ColumnChoice", "GridColumns", "grid_columns"),
    "psp.calendars._columns"), globals())
