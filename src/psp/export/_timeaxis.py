"""A chart's two-tier date axis, at the top and the bottom: months under years, say.

The first tier names the periods (months, or quarters and then years for a long month
plan; weeks or days for a week or day plan); the second tier the spans that hold them
(years; months for a short week or day plan), with a long tick at each boundary. Both
tiers are shown above and below the chart, so that a tall chart has its dates at hand
wherever one looks.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any, Literal

import attrs

from psp.calendars import Calendar, Lang, Unit, day_label
from psp.export._figures import day_number as _num

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["Tier", "date_tiers", "draw_date_axes"]

Span = Literal["month", "quarter", "year"]

_MONTHS_SHOWN = 36  # up to three years a month each, then quarters
_QUARTERS_SHOWN = 120  # up to ten years in quarters, then years
_LABELS_SHOWN = 30  # more labels in a tier than this are thinned to every n-th
_DAYS = {"month": 30.4, "quarter": 91.3, "year": 365.2}


@attrs.frozen
class Tier:
    """One row of date labels: the boundaries (date numbers), a label centred in each span.

    Attributes
    ----------
    kind : str
        What one span is: ``period``, ``month``, ``quarter`` or ``year``.
    bounds : tuple of float
        The date numbers of the boundaries, first to last.
    labels : tuple of str
        A label per span between two boundaries (``""`` where thinned out).
    """

    kind: str
    bounds: tuple[float, ...]
    labels: tuple[str, ...]

    @property
    def centres(self) -> tuple[float, ...]:
        """The middle of each span, where its label sits."""
        return tuple((a + b) / 2 for a, b in zip(self.bounds, self.bounds[1:], strict=False))


def _next(day: dt.date, span: Span) -> dt.date:
    months = {"month": 1, "quarter": 3, "year": 12}[span]
    index = day.year * 12 + day.month - 1 + months
    first = (index // months) * months if span != "month" else index
    return dt.date(first // 12, first % 12 + 1, 1)


def _label(day: dt.date, span: Span, lang: Lang, *, with_year: bool) -> str:
    if span == "year":
        return str(day.year)
    if span == "quarter":
        return f"Q{(day.month - 1) // 3 + 1}"
    return day_label(day, Unit.MONTH, lang=lang, year=with_year)


def _spans(start: dt.date, end: dt.date, span: Span, lang: Lang, *,
           with_year: bool = False) -> Tier:
    """The calendar spans from ``start`` to ``end`` (exclusive), cut at both ends."""
    bounds, labels, day = [start], [], start
    while day < end:
        following = min(_next(day, span), end)
        # a sliver of a span at either end has no room for its label
        wide = (following - day).days >= 0.3 * _DAYS[span]
        labels.append(_label(day, span, lang, with_year=with_year) if wide else "")
        bounds.append(following)
        day = following
    return Tier(span, tuple(map(_num, bounds)), _thinned(labels))


def _thinned(labels: list[str]) -> tuple[str, ...]:
    step = max(1, math.ceil(len(labels) / _LABELS_SHOWN))
    return tuple(text if n % step == 0 else "" for n, text in enumerate(labels))


def _period_label(cal: Calendar, period: int, lang: Lang) -> str:
    """A week or day without its month and year, which the tier below names."""
    return day_label(cal.first_day(period), cal.unit, lang=lang, year=False)


def _months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def date_tiers(cal: Calendar, first: int, last: int, *,
               lang: Lang = "de") -> tuple[Tier, Tier | None]:
    """The two rows of date labels for periods ``first`` to ``last`` (boundaries).

    Parameters
    ----------
    cal : Calendar
        The plan's calendar.
    first, last : int
        The first and last period boundary shown.
    lang : {"de", "en"}
        The language of month names and week labels.

    Returns
    -------
    tuple of Tier
        The first tier (next to the chart) and the second (outside it), or None when
        the first already names years.

    Examples
    --------
    >>> from psp.calendars import Month
    >>> months, years = date_tiers(Calendar(Month(2020, 9).first_day), 0, 16)
    >>> months.labels[:5], years.labels
    (('Sep', 'Okt', 'Nov', 'Dez', 'Jan'), ('2020', '2021'))
    >>> quarters, years = date_tiers(Calendar(Month(2020, 9).first_day), 0, 60, lang="en")
    >>> quarters.kind, quarters.labels[:3], years.labels[0]
    ('quarter', ('Q3', 'Q4', 'Q1'), '2020')
    >>> weeks, months = date_tiers(Calendar(dt.date(2020, 8, 31), "week"), 0, 6)
    >>> weeks.labels, months.labels
    (('KW36', 'KW37', 'KW38', 'KW39', 'KW40', 'KW41'), ('', "Sep'20", "Okt'20"))
    """
    start, end = cal.first_day(first), cal.first_day(last)
    months = _months_between(start, end) + (end.day > 1)
    if cal.unit is Unit.MONTH:
        if months > _QUARTERS_SHOWN:
            return _spans(start, end, "year", lang), None
        near = _spans(start, end, "month" if months <= _MONTHS_SHOWN else "quarter", lang)
        return near, _spans(start, end, "year", lang)
    bounds = [_num(d) for d in cal.first_days(range(first, last + 1))]
    near = Tier("period", tuple(bounds),
                _thinned([_period_label(cal, p, lang) for p in range(first, last)]))
    if months > _MONTHS_SHOWN:
        return near, _spans(start, end, "year", lang)
    return near, _spans(start, end, "month", lang, with_year=True)


def draw_date_axes(ax: Axes, tiers: tuple[Tier, Tier | None], *,
                   bottom: Axes | None = None) -> dict[str, Any]:
    """Both tiers along the top and the bottom of ``ax``; returns the outer tier's axes.

    The first tier is ``ax``'s own minor tick labels (on both sides); the second is a
    secondary x axis on each side, its labels further out, a long tick at each of its
    boundaries. ``ax``'s major ticks stay the period boundaries (the grid lines),
    unlabelled.

    Parameters
    ----------
    ax : matplotlib Axes
        The chart, its x axis in date numbers.
    tiers : tuple of Tier
        From `date_tiers`.
    bottom : matplotlib Axes, optional
        Axes below ``ax`` sharing its x axis (a load chart): the bottom tiers go under
        it instead.

    Returns
    -------
    dict
        ``{"bottom": axes, "top": axes}`` of the second tier (empty without one).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from psp.calendars import Month
    >>> ax = Figure().add_subplot()
    >>> outer = draw_date_axes(ax, date_tiers(Calendar(Month(2020, 9).first_day), 0, 16))
    >>> [t.get_text() for t in outer["top"].get_xticklabels(minor=True)]
    ['2020', '2021']
    """
    from matplotlib.ticker import NullFormatter

    near, far = tiers
    below = ax if bottom is None else bottom
    ax.xaxis.set_major_formatter(NullFormatter())
    for axes in {id(ax): ax, id(below): below}.values():  # shared axes share their ticks
        axes.set_xticks(near.centres, near.labels, minor=True, fontsize=8)
        axes.tick_params(axis="x", which="minor", length=0, top=axes is ax,
                         labeltop=axes is ax, labelbottom=axes is below)
        axes.tick_params(axis="x", which="major", length=4, top=axes is ax)
    if far is None:
        return {}
    outer: dict[str, Any] = {}
    for side, axes in (("bottom", below), ("top", ax)):
        axis = axes.secondary_xaxis(side)  # type: ignore[arg-type]
        axis.set_xticks(far.bounds, [""] * len(far.bounds))
        axis.set_xticks(far.centres, far.labels, minor=True, fontsize=8, fontweight="bold")
        axis.tick_params(axis="x", which="major", length=24, color="#888888")
        axis.tick_params(axis="x", which="minor", length=0, pad=14)
        outer[side] = axis
    return outer
