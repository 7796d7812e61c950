"""What the chart exporters share: days as matplotlib date numbers, a figure as inline SVG.

matplotlib is imported inside each function, so importing this module costs nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

__all__ = ["day_number", "day_of", "inline_svg"]


def day_number(day: dt.date) -> float:
    """matplotlib's date number of a day's midnight (honouring the user's date epoch).

    Examples
    --------
    >>> day_of(day_number(dt.date(2021, 3, 1)) + 0.5)
    datetime.date(2021, 3, 1)
    """
    return day.toordinal() + _epoch_offset()


_OFFSETS: dict[str, float] = {}


def _epoch_offset() -> float:
    """Date number minus ordinal, for the date epoch now set (a chart converts many days)."""
    from matplotlib.dates import date2num, get_epoch

    epoch = get_epoch()  # type: ignore[no-untyped-call]
    if epoch not in _OFFSETS:
        probe = dt.date(2000, 1, 1)
        number = float(date2num(dt.datetime(2000, 1, 1)))  # type: ignore[no-untyped-call]
        _OFFSETS[epoch] = number - probe.toordinal()
    return _OFFSETS[epoch]


def day_of(number: float) -> dt.date:
    """The day a matplotlib date number falls on (see `day_number`)."""
    from matplotlib.dates import num2date

    day: dt.date = num2date(number).date()  # type: ignore[no-untyped-call]
    return day


def inline_svg(figure: Any) -> str:
    """A figure as an ``<svg>`` element for an HTML page: no XML prolog, no date stamp."""
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    return svg[svg.index("<svg"):]
