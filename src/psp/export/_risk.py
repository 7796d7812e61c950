"""Pictures of a schedule risk: the S-curve, the histogram of the finish, the tornado chart.

Each panel is drawn with collections on an axes it is given (or a new figure), and what
it drew is returned (`RiskChart`), so tests read the chart's own artists.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any

import attrs

from psp._support.extras import require
from psp._support.words import LABELS
from psp.calendars import Lang, Unit, day_label
from psp.export._figures import day_number, day_of, inline_svg
from psp.risk import RiskReport, percent

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["KINDS", "RiskChart", "risk_chart", "risk_html"]

KINDS = ("curve", "histogram", "tornado")
"""The panels `risk_chart` draws."""

_BLUE, _GREY, _RED, _ORANGE = "#1f5fa8", "#9aa5b1", "#c0392b", "#e67e22"


@attrs.define
class RiskChart:
    """What a risk chart drew: the figure, each panel's axes and artists.

    ``curve`` is the S-curve (a LineCollection of one step path: x finish dates as
    matplotlib date numbers, y the share finished by then); ``ends`` the contractual
    end's line; ``bars`` the histogram (a PolyCollection, one bar per finish);
    ``tornado`` its bars (one per row of ``rows``, top down) and ``rows`` the labels.

    Examples
    --------
    >>> import psp
    >>> report = psp.simulate(psp.load("examples/digitale_werkstatt_risiko.toml"),
    ...                       samples=1000, seed=1)
    >>> chart = psp.export.risk_chart(report)
    >>> sorted(chart.axes)
    ['curve', 'histogram', 'tornado']
    """

    figure: Figure
    axes: dict[str, Axes] = attrs.field(factory=dict)
    curve: Any = None
    ends: Any = None
    bars: Any = None
    tornado: Any = None
    rows: list[str] = attrs.field(factory=list)


def risk_chart(report: RiskReport, *, kind: str = "all", ax: Axes | None = None,
               lang: Lang = "de", rows: int = 10) -> RiskChart:
    """Draw a risk report: S-curve, histogram of the finish and tornado chart.

    Parameters
    ----------
    report : RiskReport
        From `psp.simulate`.
    kind : {"all", "curve", "histogram", "tornado"}
        One panel, or all three on one figure.
    ax : matplotlib Axes, optional
        Where to draw one panel; a new figure when omitted.
    lang : {"de", "en"}
        Labels and dates.
    rows : int
        The tornado's rows: the tasks and risks that move the finish most.

    Returns
    -------
    RiskChart

    Examples
    --------
    >>> import psp
    >>> report = psp.simulate(psp.load("examples/digitale_werkstatt_risiko.toml"),
    ...                       samples=1000, seed=1)
    >>> chart = psp.export.risk_chart(report, kind="curve")
    >>> ys = [y for _, y in chart.curve.get_segments()[0]]
    >>> float(ys[-1])
    1.0
    """
    require("matplotlib", extra="plot")
    kinds = KINDS if kind == "all" else (kind,)
    if kind != "all" and kind not in KINDS:
        raise ValueError(f"kind must be 'all' or one of {', '.join(KINDS)}, not {kind!r}")
    if ax is not None and kind == "all":
        raise ValueError("ax= draws one panel: say kind='curve', 'histogram' or 'tornado'")
    if ax is None:
        from matplotlib.figure import Figure

        figure = Figure(figsize=(9, 3.6 * len(kinds)), layout="constrained")
        axes: list[Axes] = list(figure.subplots(len(kinds), 1, squeeze=False)[:, 0])
    else:
        figure, axes = ax.get_figure(), [ax]  # type: ignore[assignment]
    chart = RiskChart(figure)
    draw = {"curve": _curve, "histogram": _histogram, "tornado": _tornado}
    for name, target in zip(kinds, axes, strict=True):
        chart.axes[name] = target
        draw[name](report, target, chart, lang, rows)
    return chart


def _date_axis(ax: Axes, lang: Lang) -> None:
    """Month ticks labelled as psp labels months (``Sep'21``), thinned to about a dozen."""
    from matplotlib.dates import MonthLocator
    from matplotlib.ticker import FuncFormatter

    low, high = ax.get_xlim()
    months = max(1, round((high - low) / 30.4))
    locator = MonthLocator(interval=max(1, -(-months // 12)))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda x, _pos: day_label(day_of(x), Unit.MONTH, lang=lang)))


def _curve(report: RiskReport, ax: Axes, chart: RiskChart, lang: Lang, _rows: int) -> None:
    from matplotlib.collections import LineCollection

    words = LABELS["risk"][lang]
    points = report.cumulative()
    path = [(day_number(report.percentile(0)) - 1, 0.0)]
    level = 0.0
    for day, share in points:
        x = day_number(day)
        path += [(x, level), (x, share)]
        level = share
    path.append((path[-1][0] + 1, level))
    chart.curve = LineCollection([path], colors=_BLUE, linewidths=2)
    ax.add_collection(chart.curve)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel(words["cumulative"])
    _end_line(report, ax, chart, lang)
    ax.autoscale_view(scaley=False)
    _date_axis(ax, lang)
    ax.set_title(words["title"].format(name=report.project.name), loc="left")


def _end_line(report: RiskReport, ax: Axes, chart: RiskChart, lang: Lang) -> None:
    from matplotlib.collections import LineCollection

    end = report.project.end
    if end is None:
        return
    x = day_number(end)
    chart.ends = LineCollection([[(x, 0), (x, 1.05)]], colors=_RED, linestyles="--")
    ax.add_collection(chart.ends)
    ax.annotate(report.headline(lang=lang), (x, report.p_end or 0), xytext=(6, -14),
                textcoords="offset points", color=_RED)


def _histogram(report: RiskReport, ax: Axes, chart: RiskChart, lang: Lang,
               _rows: int) -> None:
    from matplotlib.collections import PolyCollection

    words = LABELS["risk"][lang]
    cal = report.project.calendar
    boxes = []
    colours = []
    end = report.project.end
    for boundary, count in report.finish_counts:
        first, last = cal.first_day(boundary - 1), cal.last_day(boundary - 1)
        share = count / report.samples
        x0, x1 = day_number(first), day_number(last + dt.timedelta(days=1))
        pad = (x1 - x0) * 0.08
        boxes.append([(x0 + pad, 0), (x0 + pad, share), (x1 - pad, share), (x1 - pad, 0)])
        colours.append(_BLUE if end is None or last <= end else _ORANGE)
    chart.bars = PolyCollection(boxes, facecolors=colours, edgecolors="none")
    ax.add_collection(chart.bars)
    ax.set_ylabel(words["share"])
    ax.set_xlabel(words["finish"])
    ax.autoscale_view()
    ax.set_ylim(0, None)
    _date_axis(ax, lang)


def _tornado(report: RiskReport, ax: Axes, chart: RiskChart, lang: Lang, rows: int) -> None:
    from matplotlib.collections import PolyCollection

    words = LABELS["risk"][lang]
    factors = [(t.id, t.sensitivity, _BLUE) for t in report.tasks if t.sensitivity]
    factors += [(f"{r.id} ({percent(r.probability, lang)})", r.correlation, _RED)
                for r in report.risks if r.correlation]
    factors.sort(key=lambda f: -abs(f[1] or 0))
    shown = factors[:rows]
    boxes = []
    for n, (_, value, _) in enumerate(shown):
        y = len(shown) - 1 - n  # the strongest on top
        boxes.append([(0, y - 0.35), (0, y + 0.35), (value, y + 0.35), (value, y - 0.35)])
    chart.tornado = PolyCollection(boxes, facecolors=[c for _, _, c in shown],
                                   edgecolors="none")
    chart.rows = [label for label, _, _ in shown]
    ax.add_collection(chart.tornado)
    ax.set_yticks(range(len(shown)), list(reversed(chart.rows)))
    ax.set_xlim(-1, 1)
    ax.set_ylim(-0.7, max(len(shown), 1) - 0.3)
    ax.axvline(0, color=_GREY, linewidth=0.8)
    ax.set_xlabel(words["tornado"])


def risk_html(report: RiskReport, *, lang: Lang = "de") -> str:
    """A risk report as one HTML page: its tables and its pictures inline (SVG).

    Parameters
    ----------
    report : RiskReport
        From `psp.simulate`.
    lang : {"de", "en"}
        Labels and dates.

    Returns
    -------
    str
        A complete page (doctype, UTF-8), opened without a network.

    Examples
    --------
    >>> import psp
    >>> report = psp.simulate(psp.load("examples/digitale_werkstatt_risiko.toml"),
    ...                       samples=500, seed=1)
    >>> page = psp.export.risk_html(report, lang="en")
    >>> page.startswith("<!DOCTYPE html>"), "<svg" in page
    (True, True)
    """
    title = LABELS["risk"][lang]["title"].format(name=report.project.name)
    svg = inline_svg(risk_chart(report, lang=lang).figure)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head><body>"
            f"{report.to_html(lang=lang)}{svg}</body></html>\n")

