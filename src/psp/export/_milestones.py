"""Milestone charts: the milestone trend analysis (MTA) and the milestone overview.

The MTA puts report dates on x and forecast dates on y, on the same scale, with the
diagonal where the two meet: a line that rises slips, a flat line holds, and a line
ends where it reaches the diagonal. The overview puts every milestone and event of a
plan on one time axis, one lane per work package (a field of action, a strand).

Both draw with collections (a few artists however many milestones), onto a given Axes
or a new Figure, never through pyplot, and return what they drew.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from typing import TYPE_CHECKING, Any

import attrs

from psp._support.extras import require
from psp._support.render import shorten
from psp._support.words import LABELS
from psp.analysis._trend import MilestoneTrend
from psp.calendars import Lang, Month, format_date
from psp.engine import Schedule
from psp.engine import schedule as schedule_plan
from psp.export._figures import day_number as _num
from psp.export._figures import day_of as _day
from psp.export._figures import inline_svg
from psp.model import Project, TaskKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["MilestoneChart", "milestone_overview", "mta_chart", "mta_html"]

_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
            "#000000")
_LABELS = 40  # more labels than this only cover each other
_LEVELS = (8, -9, 26, -27)  # label offsets in points: above, below, higher, lower


@attrs.define(eq=False)
class MilestoneChart:
    """What a milestone chart drew: the figure, the axes, the collections, and per id
    where its points are (``points[id]``: indices into ``marks``'s offsets).

    ``lines`` is the MTA's LineCollection (one segment list per milestone, in the order
    of ``ids``), ``diagonal`` its diagonal; ``lanes`` the overview's lanes, top down, and
    ``spans`` its PolyCollection of each lane's work package span (one per package, in
    lane order).

    Examples
    --------
    >>> import psp
    >>> chart = psp.milestone_overview(psp.load("examples/digitale_werkstatt.toml"))
    >>> chart.points["M1"], len(chart.marks.get_offsets())
    ([0], 1)
    """

    figure: Figure
    ax: Axes
    ids: list[str] = attrs.field(factory=list)
    marks: Any = None
    lines: Any = None
    diagonal: Any = None
    lanes: list[str] = attrs.field(factory=list)
    points: dict[str, list[int]] = attrs.field(factory=dict)
    spans: Any = None

    def savefig(self, path: str, **kwargs: Any) -> None:
        """Save the figure (PNG, SVG, PDF …, by the file's ending)."""
        self.figure.savefig(path, **kwargs)

    def _repr_png_(self) -> bytes:
        out = io.BytesIO()
        self.figure.savefig(out, format="png", dpi=100)
        return out.getvalue()


def _date_axis(axis: Any, first: dt.date, last: dt.date, lang: Lang) -> None:
    """Month ticks (or quarters, years on long spans) labelled as the plan prints months."""
    from matplotlib.dates import MonthLocator, YearLocator
    from matplotlib.ticker import FuncFormatter

    months = (last.year - first.year) * 12 + last.month - first.month
    locator = (MonthLocator() if months <= 18  # type: ignore[no-untyped-call]
               else MonthLocator(bymonth=(1, 4, 7, 10))  # type: ignore[no-untyped-call]
               if months <= 60 else YearLocator())  # type: ignore[no-untyped-call]
    axis.set_major_locator(locator)

    def label(value: float, _pos: int) -> str:
        day = _day(value)
        return Month.from_date(day).label(lang=lang) if months <= 60 else str(day.year)

    axis.set_major_formatter(FuncFormatter(label))


def mta_chart(trend: MilestoneTrend, *, ax: Axes | None = None, lang: Lang = "de",
              title: str | None = None) -> MilestoneChart:
    """Draw the milestone trend analysis: forecasts (y) against report dates (x).

    Each milestone is a line through its forecasts, one point per version (x its report
    date, y its forecast); in the first version that has it reached, the line ends on
    the diagonal at the day it was reached. Events are drawn dashed.

    Parameters
    ----------
    trend : MilestoneTrend
        From `psp.milestone_trend`.
    ax : matplotlib Axes, optional
        Where to draw; a new Figure when omitted.
    lang : {"de", "en"}
        Labels and month names.
    title : str, optional
        Default: ``Meilensteintrendanalyse: <name>``.

    Returns
    -------
    MilestoneChart

    Examples
    --------
    >>> import psp, datetime as dt
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> later = psp.apply(plan, psp.Delay("2.10", by=1), psp.Progress("2021-02-15"))
    >>> t = psp.milestone_trend([plan, later], report_dates=[dt.date(2021, 1, 15), None])
    >>> chart = mta_chart(t)
    >>> [len(segment) for segment in chart.lines.get_segments()]
    [2]
    """
    require("matplotlib", extra="plot")
    from matplotlib.collections import LineCollection

    words = LABELS["trend"][lang]
    figure, ax = _figure(ax, (9, 7))
    drawn = MilestoneChart(figure, ax)
    segments: list[list[tuple[float, float]]] = []
    colours: list[str] = []
    styles: list[str] = []
    xs: list[float] = []
    ys: list[float] = []
    point_colours: list[str] = []
    for n, series in enumerate(trend.series):
        points = []
        for day, forecast in zip(trend.report_dates, series.forecasts, strict=True):
            if forecast is None:
                continue
            if forecast.reached:  # the line ends on the diagonal, on the day it was reached
                points.append((_num(forecast.date), _num(forecast.date)))
                break
            points.append((_num(day), _num(forecast.date)))
        colour = _COLOURS[n % len(_COLOURS)]
        drawn.ids.append(series.id)
        drawn.points[series.id] = list(range(len(xs), len(xs) + len(points)))
        segments.append(points)
        colours.append(colour)
        styles.append("--" if series.is_event else "-")
        xs += [p[0] for p in points]
        ys += [p[1] for p in points]
        point_colours += [colour] * len(points)
    drawn.lines = LineCollection(segments, colors=colours, linestyles=styles, linewidths=1.6,
                                 zorder=3)
    ax.add_collection(drawn.lines)
    drawn.marks = ax.scatter(xs, ys, c=point_colours, s=28, zorder=4, edgecolors="black",
                             linewidths=0.4)
    days = [*trend.report_dates, *(f.date for s in trend.series for f in s.known)]
    low, high = _num(min(days)) - 15, _num(max(days)) + 15
    (drawn.diagonal,) = ax.plot([low, high], [low, high], color="#555555", linewidth=1.0,
                                zorder=2)
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_aspect("equal", adjustable="box")
    if len(segments) <= _LABELS:
        for series, points in zip(trend.series, segments, strict=True):
            if points:
                ax.annotate(series.id, points[-1], xytext=(5, 0), textcoords="offset points",
                            va="center", fontsize=7).set_parse_math(False)
    _date_axis(ax.xaxis, min(days), max(days), lang)
    _date_axis(ax.yaxis, min(days), max(days), lang)
    ax.tick_params(axis="x", labelrotation=90, labelsize=7)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel(words["report"], fontsize=8)
    ax.set_ylabel(words["forecast"], fontsize=8)
    ax.grid(color="#E5E5E5", linewidth=0.6)
    ax.set_title(title or words["title"].format(name=trend.name), fontsize=10, loc="left",
                 parse_math=False)
    return drawn


def _figure(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.get_figure(), ax  # type: ignore[return-value]
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, layout="constrained")
    return figure, figure.add_subplot()


def milestone_overview(plan: Schedule | Project, *, ax: Axes | None = None,
                       lang: Lang = "de", title: str | None = None) -> MilestoneChart:
    """Draw every milestone and event of a plan on one time axis, one lane per work package.

    Milestones are diamonds at their scheduled date, events triangles at their day;
    each carries its name and date. A light bar shows each work package's span. What
    belongs to no package gets a last lane of its own.

    Parameters
    ----------
    plan : Schedule or Project
        The plan (scheduled first) or its schedule.
    ax : matplotlib Axes, optional
        Where to draw; a new Figure when omitted.
    lang : {"de", "en"}
        Labels and month names.
    title : str, optional
        Default: ``Meilensteinübersicht: <name>``.

    Returns
    -------
    MilestoneChart

    Examples
    --------
    >>> import psp
    >>> chart = milestone_overview(psp.load("examples/digitale_werkstatt.toml"))
    >>> chart.lanes, chart.ids
    (['AP1', 'AP2', 'AP3', 'AP4'], ['M1'])
    """
    require("matplotlib", extra="plot")
    s = plan if isinstance(plan, Schedule) else schedule_plan(plan)
    project = s.project
    words = LABELS["trend"][lang]
    items = _overview_items(s)
    lanes = [p.id for p in project.packages]
    if any(lane is None or lane not in lanes for _i, _n, _d, lane, _e in items):
        lanes.append("")
    figure, ax = _figure(ax, (12, 1.6 + 0.9 * max(len(lanes), 1)))
    drawn = MilestoneChart(figure, ax, lanes=lanes)
    xs: list[float] = []
    ys: list[int] = []
    markers: list[tuple[str, str, bool]] = []
    for ident, name, day, lane, is_event in items:
        y = lanes.index(lane if lane in lanes else "")
        drawn.ids.append(ident)
        drawn.points[ident] = [len(xs)]
        xs.append(_num(day) + 0.5)
        ys.append(y)
        markers.append((ident, name, is_event))
    event_flags = [m[2] for m in markers]
    from matplotlib.markers import MarkerStyle

    drawn.marks = ax.scatter(xs, ys, c=["#CC79A7" if e else "#222222" for e in event_flags],
                             s=60, zorder=4, edgecolors="black", linewidths=0.6)
    shapes = {flag: MarkerStyle("v" if flag else "D") for flag in (False, True)}
    shape = {flag: m.get_path().transformed(m.get_transform()) for flag, m in shapes.items()}
    drawn.marks.set_paths([shape[flag] for flag in event_flags])
    drawn.spans = _package_spans(ax, s, lanes)
    if len(xs) <= _LABELS:
        seen: dict[int, int] = {}
        for (ident, name, _e), x, y in zip(markers, xs, ys, strict=True):
            # neighbours in a lane take turns on four levels, so their labels do not meet
            level = _LEVELS[seen.setdefault(y, 0) % len(_LEVELS)]
            seen[y] += 1
            ax.annotate(f"{shorten(name or ident, 32)}\n{format_date(_day(x), lang=lang)}",
                        (x, y), xytext=(0, level), textcoords="offset points",
                        ha="center", va="top" if level < 0 else "bottom",
                        fontsize=6).set_parse_math(False)
    names = {p.id: f"{p.id}  {p.name}" for p in project.packages}
    ax.set_yticks(range(len(lanes)), [names.get(lane, words["other"]) for lane in lanes],
                  fontsize=8)
    ax.set_ylim(len(lanes) - 0.4, -0.8)
    days = [i[2] for i in items] or [project.start]
    first, last = min(*days, project.start), max(*days, s.finish)
    ax.set_xlim(_num(first) - 10, _num(last) + 10)
    _date_axis(ax.xaxis, first, last, lang)
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
    for y in range(len(lanes)):
        ax.axhline(y, color="#DDDDDD", linewidth=0.8, zorder=1)
    ax.set_title(title or words["overview"].format(name=project.name), fontsize=10,
                 loc="left", parse_math=False)
    return drawn


def _package_spans(ax: Axes, s: Schedule, lanes: list[str]) -> Any:
    """A light bar per work package lane from its first start to its last finish."""
    from matplotlib.collections import PolyCollection

    boxes = []
    for y, lane in enumerate(lanes):
        if not lane:
            continue
        rolled = s.package(lane)
        if rolled.start is None or rolled.finish is None:
            continue
        left, right = _num(rolled.start), _num(rolled.finish + dt.timedelta(days=1))
        boxes.append([(left, y - 0.12), (right, y - 0.12), (right, y + 0.12),
                      (left, y + 0.12)])
    spans = PolyCollection(boxes, facecolors="#DCEAF5", edgecolors="#9AB7CF", linewidths=0.5,
                           zorder=2)
    ax.add_collection(spans)
    return spans


def _overview_items(s: Schedule) -> list[tuple[str, str, dt.date, str | None, bool]]:
    """(id, name, day, lane, is_event) of every milestone and event, by day."""
    project = s.project
    items = [(ts.id, ts.name, ts.start, ts.package, False)
             for ts in s if ts.kind is TaskKind.MILESTONE]
    for e in project.events:
        lane = e.package or (project.task(e.task).package if e.task else None)
        items.append((e.id, e.name, e.date, lane, True))
    return sorted(items, key=lambda item: (item[2], item[0]))


def mta_html(trend: MilestoneTrend, *, lang: Lang = "de") -> str:
    """The MTA as one self-contained HTML page: the chart as inline SVG, then its table.

    Parameters
    ----------
    trend : MilestoneTrend
        From `psp.milestone_trend`.
    lang : {"de", "en"}
        Labels, month names and dates.

    Returns
    -------
    str
        The page.

    Examples
    --------
    >>> import psp, datetime as dt
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> page = mta_html(psp.milestone_trend([plan], report_dates=[dt.date(2021, 1, 15)]))
    >>> page.count("<svg"), "<td>M1</td>" in page
    (1, True)
    """
    svg = inline_svg(mta_chart(trend, lang=lang).figure)
    table = trend.table(lang=lang)
    title = html.escape(table.title)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>body{{font-family:system-ui,sans-serif;"
            "max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px "
            "solid #ccc;padding:.2em .5em}svg{max-width:100%;height:auto}</style></head>"
            f"<body>\n<h1>{title}</h1>\n{svg}\n"
            f"{attrs.evolve(table, title='').to_html()}\n</body></html>\n")
