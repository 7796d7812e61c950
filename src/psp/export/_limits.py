"""How large a chart or a table may grow before it is refused, and the checks themselves.

A plan with a typing error (a 32,000-month task, an end in 9998) would otherwise keep a
command drawing for minutes and write a file no viewer opens. The limits are generous
for real plans: a century of months, a decade of days, 1,500 chart rows.
"""

from __future__ import annotations

from psp.engine._cpm import Schedule
from psp.errors import SizeError

__all__ = ["MAX_CHART_ROWS", "MAX_PERIODS", "check_chart", "check_rows", "check_table"]

MAX_PERIODS = 5_000
"""Columns of a table, and periods on a chart's time axis."""

MAX_CHART_ROWS = 1_500
"""Rows of a chart (packages and tasks): at 100 dpi (the default) about 41,000 pixels high,
at 150 dpi about 61,000 (matplotlib renders up to 65,536 pixels a side)."""


def _check_periods(schedule: Schedule, what: str) -> None:
    end = schedule.end_period
    count = max(schedule.horizon_period, 0 if end is None else end, 1)
    if count > MAX_PERIODS:
        unit = schedule.project.unit.value
        raise SizeError(f"{what} of this plan would span {count:,} {unit}s (at most "
                        f"{MAX_PERIODS:,}): check its durations and dates, or plan in coarser "
                        "periods (weeks or months)")


def check_table(schedule: Schedule) -> None:
    """Refuse a month grid wider than `MAX_PERIODS` columns.

    Parameters
    ----------
    schedule : Schedule
        The schedule to tabulate.

    Returns
    -------
    None
        It raises `SizeError` instead of returning when the table would be too wide.

    Examples
    --------
    >>> import psp
    >>> check_table(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))  # 12 columns
    """
    _check_periods(schedule, "a table (a column per period)")


def check_chart(schedule: Schedule) -> None:
    """Refuse a Gantt chart whose time axis would span more than `MAX_PERIODS` periods.

    Parameters
    ----------
    schedule : Schedule
        The schedule to draw.

    Returns
    -------
    None
        It raises `SizeError` instead of returning when the chart would be too long.

    Examples
    --------
    >>> import psp
    >>> check_chart(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))  # 12 months
    """
    _check_periods(schedule, "a chart")


def check_rows(rows: int) -> None:
    """Refuse a chart of more than `MAX_CHART_ROWS` rows, naming what draws less.

    Parameters
    ----------
    rows : int
        The rows the chart would have.

    Returns
    -------
    None
        It raises `SizeError` instead of returning when the chart would be too tall.

    Examples
    --------
    >>> check_rows(1_500)
    >>> check_rows(1_501)
    Traceback (most recent call last):
    ...
    psp.errors.SizeError: a chart of 1,501 rows is taller than a viewer opens (at most 1,500): ...
    """
    if rows > MAX_CHART_ROWS:
        raise SizeError(f"a chart of {rows:,} rows is taller than a viewer opens (at most "
                        f"{MAX_CHART_ROWS:,}): draw one row per work package (level=\"package\","
                        " --level package), some packages (packages=…, --packages AP1,AP2) or "
                        "a date window (start=…, end=…, --start, --end)")
