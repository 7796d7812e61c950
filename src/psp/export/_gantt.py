"""The Gantt chart, drawn with matplotlib onto a given Axes or a new Figure.

matplotlib is imported inside `gantt`, so ``import psp`` stays light. The chart never
uses pyplot, never changes rcParams and never calls ``show()``: it draws and returns
what it drew (`Gantt`), so tests and users can read positions and styles back.

Colours come from the Okabe–Ito palette (distinguishable with colour-blindness), and
every distinction also has a second cue: critical bars are dark with a heavy edge,
the baseline is a dashed, hatched ghost bar below, level of effort is hatched.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from psp._support.extras import require
from psp._support.render import shorten
from psp._support.words import LABELS, periods, phrase
from psp.analysis._costs import CostReport
from psp.calendars import Calendar, Lang, Month, Unit, format_date
from psp.engine._cpm import Schedule, TaskSchedule
from psp.engine._cpm import schedule as schedule_plan
from psp.engine._portfolio import PortfolioSchedule, ProjectSummary, schedule_portfolio
from psp.export._figures import day_number as _num
from psp.export._limits import check_chart
from psp.model import Portfolio, Project
from psp.replanning._replan import Replan

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = ["Gantt", "gantt"]

CRITICAL = "#D55E00"  # vermillion
NORMAL = "#9AD0F0"  # a light Okabe-Ito sky blue: far lighter than CRITICAL in greyscale
NORMAL_EDGE = "#0B4F7C"
PACKAGE = "#222222"
FLOAT = "#8C8C8C"
END = "#000000"
OLD_END = "#6E6E6E"
STATUS = "#009E73"  # bluish green
EVENT = "#CC79A7"  # reddish purple: no bar or line has it




@attrs.define(eq=False)
class Gantt:
    """What `gantt` drew: the figure, the axes and every artist by task id.

    ``bars``, ``baseline_bars``, ``float_tails`` and ``package_bars`` map ids to
    matplotlib Rectangles whose x and width are matplotlib date numbers; ``rows``
    lists the ids from top to bottom (``y`` = row number). The plan's events are one
    collection of markers (``event_marks``), each at midday of its day on the row of
    its task or package (else on a last row of their own); ``events`` maps an event's
    id to its index in it. In Jupyter the object shows itself as the chart.

    Examples
    --------
    >>> import psp
    >>> g = psp.gantt(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))
    >>> g.rows[:3], len(g.bars), sorted(g.milestones)
    (['AP1', '1.1', '1.2'], 24, ['M1'])
    """

    figure: Figure
    ax: Axes
    rows: list[str] = attrs.field(factory=list)
    bars: dict[str, Any] = attrs.field(factory=dict)
    package_bars: dict[str, Any] = attrs.field(factory=dict)
    baseline_bars: dict[str, Any] = attrs.field(factory=dict)
    float_tails: dict[str, Any] = attrs.field(factory=dict)
    milestones: dict[str, Any] = attrs.field(factory=dict)
    end_lines: dict[str, Any] = attrs.field(factory=dict)
    status_line: Any = None
    arrows: list[Any] = attrs.field(factory=list)
    events: dict[str, int] = attrs.field(factory=dict)
    event_marks: Any = None
    legend: Any = None
    load_ax: Any = None
    load_bars: dict[str, list[Any]] = attrs.field(factory=dict)

    def savefig(self, path: str, **kwargs: Any) -> None:
        """Save the figure (PNG, SVG, PDF …, by the file's ending)."""
        self.figure.savefig(path, **kwargs)

    def show(self) -> None:
        """Show the chart in a window from a plain script (the one place pyplot is used).

        The figure is handed to pyplot for the window and released when it closes; in
        Jupyter, just let the chart be the cell's value instead.
        """
        import matplotlib.pyplot as plt

        own_canvas = self.figure.canvas
        manager = plt.figure().canvas.manager
        assert manager is not None
        manager.canvas.figure = self.figure
        self.figure.set_canvas(manager.canvas)
        try:
            plt.show()
        finally:
            plt.close(manager.num)
            self.figure.set_canvas(own_canvas)

    def __repr__(self) -> str:
        return (f"<Gantt: {len(self.rows)} rows, {len(self.bars)} bars, "
                f"{len(self.milestones)} milestones>")

    def _repr_png_(self) -> bytes:
        out = io.BytesIO()
        self.figure.savefig(out, format="png", dpi=100)
        return out.getvalue()


def _span(ts: TaskSchedule) -> tuple[float, float]:
    """Left edge and width in date numbers: from the start day to the end of the finish day."""
    if ts.finish_period == ts.start_period:  # midday of its printed date: in the right month
        return _num(ts.start) + 0.5, 0.0
    left = _num(ts.start)
    return left, _num(ts.finish + dt.timedelta(days=1)) - left


def _literal(texts: Iterable[Text]) -> None:
    """Show text as written: matplotlib would read a pair of ``$`` as a formula."""
    for text in texts:
        text.set_parse_math(False)


def _label(text: str, width: int) -> str:
    return shorten(" ".join(text.split()), width)


def _time_axis(ax: Axes, cal: Calendar, first: int, last: int, lang: Lang) -> None:
    """Grid lines at period boundaries, labels in the middle of periods, year separators."""
    from matplotlib.ticker import FixedLocator, NullFormatter

    bounds = [_num(cal.first_day(p)) for p in range(first, last + 1)]
    ax.xaxis.set_major_locator(FixedLocator(bounds))
    ax.xaxis.set_major_formatter(NullFormatter())
    count = last - first
    step = max(1, math.ceil(count / 30))
    middles = [(bounds[i] + bounds[i + 1]) / 2 for i in range(0, count, step)]
    ax.xaxis.set_minor_locator(FixedLocator(middles))
    labels = [cal.label(first + i, lang=lang) for i in range(0, count, step)]
    ax.set_xticks(middles, labels, minor=True, fontsize=8,
                  rotation=0 if count / step <= 18 else 90)
    ax.tick_params(axis="x", which="minor", length=0)
    ax.tick_params(axis="x", which="major", length=4)
    ax.grid(axis="x", which="major", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    for p in range(first + 1, last):
        day = cal.first_day(p)
        if day.month == 1 and (cal.unit is not Unit.MONTH or day.day == 1) and (
                cal.first_day(p - 1).year != day.year):
            ax.axvline(_num(day), color="#888888", linewidth=1.2, zorder=0.5)
    margin = (bounds[-1] - bounds[0]) * 0.012  # so lines on the last boundary stay visible
    ax.set_xlim(bounds[0] - margin, bounds[-1] + margin)


def gantt(
    schedule: Schedule | Replan | PortfolioSchedule | Project | Portfolio,
    *,
    baseline: Schedule | None = None,
    ax: Axes | None = None,
    lang: Lang = "de",
    title: str | None = None,
    arrows: bool = False,
    float_tails: bool = True,
    legend: bool = True,
    name_width: int = 48,
    load: CostReport | None = None,
    load_ax: Axes | None = None,
) -> Gantt:
    """Draw a Gantt chart of a schedule (or of a `Replan`, with its baseline as ghosts).

    Rows are grouped by work package (a summary bar each); critical tasks are dark
    vermillion with a heavy edge, others sky blue with a thin grey float tail up to
    their late finish; milestones are diamonds; level of effort is hatched. The
    contractual end (old and new when they differ) and the status date are vertical
    lines. It draws onto ``ax`` or a new Figure sized to the number of rows, and
    returns what it drew. It never calls ``plt.show()`` and never changes global
    matplotlib settings.

    Parameters
    ----------
    schedule : Schedule, Replan, PortfolioSchedule, Project or Portfolio
        What to draw; a Replan draws its new schedule over its baseline; a portfolio
        draws every project's packages and tasks, project by project; a plan or a
        portfolio is scheduled first.
    baseline : Schedule, optional
        Ghost bars behind the bars (default: the Replan's baseline, if any).
    ax : matplotlib Axes, optional
        Where to draw; a new Figure when omitted.
    lang : {"de", "en"}
        Labels: ``Sep'20 … Dez'21`` or ``Sep'20 … Dec'21``.
    title : str, optional
        Default: the project's name.
    arrows : bool
        Draw dependency arrows.
    float_tails : bool
        Draw each non-critical task's total float as a thin tail.
    legend : bool
        Draw a legend.
    name_width : int
        Longer task names end in an ellipsis.
    load : CostReport, optional
        Draw the FTE load per owner and month as stacked bars under the chart.
    load_ax : matplotlib Axes, optional
        Where to draw the load when ``ax`` is given.

    Returns
    -------
    Gantt
        What was drawn: the figure, the axes and every artist by task id.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> g = gantt(psp.replan(plan, [psp.Delay("3.1", until="2021-06"),
    ...                             psp.Extend(to="31.12.2021")]), lang="en")
    >>> bar = g.bars["3.1"]
    >>> import matplotlib.dates as mdates
    >>> mdates.num2date(bar.get_x()).date(), bar.get_facecolor() == g.bars["4.4"].get_facecolor()
    (datetime.date(2021, 6, 1), True)
    >>> sorted(g.end_lines)
    ['end', 'old_end']
    >>> gantt(plan).rows == gantt(psp.schedule(plan)).rows  # a plan is scheduled first
    True
    """
    require("matplotlib", extra="plot")
    schedule, baseline, summaries = _resolve(schedule, baseline)
    check_chart(schedule)
    if baseline is not None:
        check_chart(baseline)
    words = LABELS["gantt"][lang]
    rows = schedule.project.outline()
    if any(e.task is None and e.package is None for e in schedule.project.events):
        rows.append(("events", words["events"]))
    figure, ax, load_ax, own_figure = _axes(rows, ax, legend=legend, load=load,
                                            load_ax=load_ax)
    drawn = Gantt(figure, ax)
    labels = []
    for y, (kind, ident) in enumerate(rows):
        drawn.rows.append(ident)
        if kind == "package":
            labels.append(_package_row(drawn, schedule, y, ident, name_width))
        elif kind == "events":
            labels.append(ident)
        else:
            labels.append(_task_row(drawn, schedule, baseline, y, ident, name_width,
                                    float_tails=float_tails))
    if arrows:
        _arrows(ax, schedule, rows, drawn)
    if schedule.project.events:
        _events(drawn, schedule, rows)
    first, last = _periods_shown(schedule, baseline)
    _time_axis(ax, schedule.calendar, first, last, lang)
    _row_axis(ax, rows, labels)
    handles = _date_lines(drawn, schedule, baseline, words, lang)
    _title(ax, schedule, summaries, title, words, lang)
    if load is not None and load_ax is not None:
        _load(load_ax, load, lang, drawn)
    if legend:
        _legend(drawn, schedule, handles, words, own_figure=own_figure)
    return drawn


Drawable = Schedule | Replan | PortfolioSchedule | Project | Portfolio


def _periods_shown(schedule: Schedule, baseline: Schedule | None) -> tuple[int, int]:
    """The first and last period boundary on the time axis.

    From the project start (late dates before it, of a plan behind schedule, would only
    push the bars into a corner) to the last finish, the contractual end or the last
    event; an event before the start widens it to the left.
    """
    last = max([schedule.horizon_period] + (
        [baseline.horizon_period] if baseline is not None else []))
    if schedule.end_period is not None:
        last = max(last, schedule.end_period)
    first = 0
    days = [e.date for e in schedule.project.events]
    if days:
        cal = schedule.calendar
        first = min(first, cal.period_of(min(days)))
        last = max(last, cal.period_of(max(days)) + 1)
    return first, max(last, first + 1)


def _resolve(
    what: Drawable, baseline: Schedule | None
) -> tuple[Schedule, Schedule | None, tuple[ProjectSummary, ...] | None]:
    """The schedule to draw, its baseline, and a portfolio's project summaries."""
    if isinstance(what, Project):
        what = schedule_plan(what)
    elif isinstance(what, Portfolio):
        what = schedule_portfolio(what)
    if isinstance(what, Replan):
        return what.after, what.before if baseline is None else baseline, None
    if isinstance(what, PortfolioSchedule):  # its projects' rows, project by project
        return what.schedule, baseline, what.summaries
    return what, baseline, None


def _axes(rows: list[tuple[str, str]], ax: Axes | None, *, legend: bool,
          load: CostReport | None, load_ax: Axes | None
          ) -> tuple[Figure, Axes, Axes | None, bool]:
    """The figure and axes to draw on: the caller's, or a new Figure sized to the rows."""
    from matplotlib.figure import Figure

    if ax is not None:
        if load is not None and load_ax is None:
            raise ValueError("with ax=…, also give load_ax=… to draw the load")
        return ax.get_figure(), ax, load_ax, False  # type: ignore[return-value]
    height = 1.6 + 0.27 * len(rows) + (0.6 if legend else 0) + (2.2 if load else 0)
    figure = Figure(figsize=(13, height), layout="constrained")
    if load is None:
        return figure, figure.add_subplot(), None, True
    top, bottom = figure.subplots(2, 1, sharex=True,
                                  height_ratios=[max(len(rows), 4) * 0.27, 2.0])
    return figure, top, bottom, True


def _package_row(drawn: Gantt, schedule: Schedule, y: int, ident: str, width: int) -> str:
    """A work package's summary bar; returns its row label."""
    from matplotlib.patches import Rectangle

    rolled = schedule.package(ident)
    if rolled.start is not None and rolled.finish is not None:
        left = _num(rolled.start)
        right = _num(rolled.finish + dt.timedelta(days=1))
        bar = Rectangle((left, y - 0.12), right - left, 0.24, facecolor=PACKAGE,
                        edgecolor=PACKAGE, zorder=3)
        drawn.ax.add_patch(bar)
        drawn.package_bars[ident] = bar
    return _label(f"{ident}  {rolled.package.name}", width)


def _task_row(drawn: Gantt, schedule: Schedule, baseline: Schedule | None, y: int,
              ident: str, width: int, *, float_tails: bool) -> str:
    """A task's bar (or diamond), its ghost and its float tail; returns its row label."""
    ts = schedule[ident]
    owners = f" ({ts.task.owner_label})" if ts.task.owners else ""
    if baseline is not None and ident in baseline:
        _ghost(drawn, baseline[ident], y)
    left, span = _span(ts)
    if span == 0:
        colour = CRITICAL if ts.critical else PACKAGE
        (marker,) = drawn.ax.plot([left], [y], marker="D", markersize=8, color=colour,
                                  markeredgecolor="black", linestyle="none", zorder=5)
        drawn.milestones[ident] = marker
    else:
        _task_bar(drawn, ts, y, left, span)
        if float_tails and not ts.critical and not ts.task.is_level_of_effort \
                and ts.total_float > 0:
            _float_tail(drawn, ts, y, left + span)
    return _label(f"{ident}  {ts.task.name}", width - len(owners)) + owners


def _ghost(drawn: Gantt, old: TaskSchedule, y: int) -> None:
    """The baseline's bar behind a task: hatched, dashed; a hollow diamond for a milestone."""
    from matplotlib.patches import Rectangle

    left, span = _span(old)
    if span == 0:
        (marker,) = drawn.ax.plot([left], [y + 0.26], marker="D", markersize=6,
                                  markerfacecolor="none", markeredgecolor="#555555",
                                  linestyle="none", zorder=2)
        drawn.baseline_bars[old.id] = marker
        return
    ghost = Rectangle((left, y + 0.16), span, 0.2, fill=False, edgecolor="#555555",
                      linestyle="--", hatch="....", linewidth=0.8, zorder=2)
    drawn.ax.add_patch(ghost)
    drawn.baseline_bars[old.id] = ghost


def _task_bar(drawn: Gantt, ts: TaskSchedule, y: int, left: float, span: float) -> None:
    from matplotlib.patches import Rectangle

    if ts.task.is_level_of_effort:
        style: dict[str, Any] = {"facecolor": "white", "edgecolor": "#666666",
                                 "hatch": "////", "linewidth": 0.8, "zorder": 3}
    elif ts.critical:
        style = {"facecolor": CRITICAL, "edgecolor": "black", "linewidth": 1.6, "zorder": 4}
    else:
        style = {"facecolor": NORMAL, "edgecolor": NORMAL_EDGE, "linewidth": 0.6,
                 "zorder": 4}
    bar = Rectangle((left, y - 0.3), span, 0.45, **style)
    drawn.ax.add_patch(bar)
    drawn.bars[ts.id] = bar


def _float_tail(drawn: Gantt, ts: TaskSchedule, y: int, left: float) -> None:
    from matplotlib.patches import Rectangle

    right = _num(ts.late_finish + dt.timedelta(days=1))
    tail = Rectangle((left, y - 0.1), right - left, 0.06, facecolor=FLOAT, edgecolor="none",
                     zorder=3)
    drawn.ax.add_patch(tail)
    drawn.float_tails[ts.id] = tail


def _events(drawn: Gantt, schedule: Schedule, rows: list[tuple[str, str]]) -> None:
    """Every event as one marker in one collection, at midday of its day, labelled by id."""
    y_of = {ident: y for y, (kind, ident) in enumerate(rows) if kind != "events"}
    last_row = len(rows) - 1
    xs, ys = [], []
    for n, event in enumerate(schedule.project.events):
        owner = event.task or event.package
        xs.append(_num(event.date) + 0.5)
        ys.append(y_of[owner] if owner is not None else last_row)
        drawn.events[event.id] = n
    drawn.event_marks = drawn.ax.scatter(xs, ys, marker="v", s=70, c=EVENT,
                                         edgecolors="black", linewidths=0.6, zorder=7)
    if len(xs) <= _EVENT_LABELS:
        for event, x, y in zip(schedule.project.events, xs, ys, strict=True):
            drawn.ax.annotate(event.id, (x, y), xytext=(0, 6), textcoords="offset points",
                              ha="center", va="bottom", fontsize=6, color="#6B2C55",
                              zorder=7, annotation_clip=True).set_parse_math(False)


_EVENT_LABELS = 40  # more labels than this only cover each other


def _row_axis(ax: Axes, rows: list[tuple[str, str]], labels: list[str]) -> None:
    """One label per row, top down; packages in bold."""
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    _literal(ax.get_yticklabels())  # "Budget $5 bis $10" is text, not a formula
    for tick, (kind, _ident) in zip(ax.get_yticklabels(), rows, strict=True):
        if kind != "task":
            tick.set_fontweight("bold")
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.tick_params(axis="y", length=0)


def _date_lines(drawn: Gantt, schedule: Schedule, baseline: Schedule | None,
                words: dict[str, str], lang: Lang) -> list[Any]:
    """The contractual end (old and new), the status date; returns their legend handles."""
    from matplotlib.lines import Line2D

    ax, handles = drawn.ax, []
    lines: list[tuple[str, dt.date, str, Literal["--", ":", "-."], dt.date]] = []
    if schedule.end is not None:
        lines.append(("end", schedule.end + dt.timedelta(days=1), END, "--", schedule.end))
    old_end = None if baseline is None else baseline.end
    if old_end is not None and old_end != schedule.end:
        lines.append(("old_end", old_end + dt.timedelta(days=1), OLD_END, ":", old_end))
    status = schedule.project.status
    if status is not None:
        lines.append(("status", status, STATUS, "-.", status))
    for key, at, colour, style, shown in lines:
        width = 1.4 if key == "status" else 1.6
        line = ax.axvline(_num(at), color=colour, linestyle=style, linewidth=width, zorder=6)
        if key == "status":
            drawn.status_line = line
        else:
            drawn.end_lines[key] = line
        handles.append(Line2D([], [], color=colour, linestyle=style, linewidth=width,
                              label=f"{words[key]} {format_date(shown, lang=lang)}"))
    return handles


def _title(ax: Axes, schedule: Schedule, summaries: tuple[ProjectSummary, ...] | None,
           title: str | None, words: dict[str, str], lang: Lang) -> None:
    """The name, the finish and slack (or a portfolio's last finish), missed deadlines."""
    project = schedule.project
    heading = project.name if title is None else title
    facts = f"{words['finish']} {format_date(schedule.finish, lang=lang)}"
    if summaries is not None:  # a portfolio: each project has its own finish and end
        latest = max(s.finish for s in summaries)
        facts = (f"{len(summaries)} {words['projects']} · {words['last']} "
                 f"{format_date(latest, lang=lang)}")
    elif schedule.slack is not None:
        facts += f" · {words['slack']} {periods(schedule.slack, project.unit, lang, sign=True)}"
    missed = [] if summaries is not None else list(schedule.deadlines_missed)
    if missed:  # said out loud, not left to a float column
        word = phrase("chart.deadline_missed", lang)
        facts += " · " + word + ": " + ", ".join(
            f"{m.id} ({periods(m.by, project.unit, lang, sign=True)})" for m in missed)
    ax.set_title(f"{heading}\n{facts}", fontsize=10, loc="left", parse_math=False)


def _legend(drawn: Gantt, schedule: Schedule, handles: list[Any], words: dict[str, str],
            *, own_figure: bool) -> None:
    """One entry per kind of mark actually drawn, then the date lines."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    work = [schedule[i] for i in drawn.bars if not schedule[i].task.is_level_of_effort]
    candidates: list[tuple[bool, Any]] = [
        (any(t.critical for t in work),
         Patch(facecolor=CRITICAL, edgecolor="black", linewidth=1.6, label=words["critical"])),
        (any(not t.critical for t in work),
         Patch(facecolor=NORMAL, edgecolor=NORMAL_EDGE, label=words["normal"])),
        (bool(drawn.float_tails), Patch(facecolor=FLOAT, label=words["float"])),
        (any(schedule[i].task.is_level_of_effort for i in drawn.bars),
         Patch(facecolor="white", edgecolor="#666666", hatch="////", label=words["loe"])),
        (bool(drawn.milestones),
         Line2D([], [], marker="D", color=PACKAGE, markeredgecolor="black", linestyle="none",
                label=words["milestone"])),
        (bool(drawn.baseline_bars),
         Patch(fill=False, edgecolor="#555555", linestyle="--", hatch="....",
               label=words["baseline"])),
        (bool(drawn.events),
         Line2D([], [], marker="v", color=EVENT, markeredgecolor="black", linestyle="none",
                label=words["event"])),
    ]
    everything = [mark for shown, mark in candidates if shown] + handles
    if own_figure:
        drawn.legend = drawn.figure.legend(handles=everything, loc="outside lower center",
                                           ncols=min(len(everything), 5), fontsize=8,
                                           frameon=False)
    else:
        drawn.legend = drawn.ax.legend(handles=everything, fontsize=7, loc="upper right")
    _literal(drawn.legend.get_texts())


# Okabe–Ito without the vermillion, which marks critical tasks in the chart above.
_LOAD_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442",
                 "#000000")
_LOAD_HATCHES = ("", "//", "..", "xx", "\\\\", "++", "--", "oo")


def _load(ax: Axes, report: CostReport, lang: Lang, drawn: Gantt) -> None:
    """Stacked bars: FTE per owner and month; colour and hatch tell owners apart."""
    from matplotlib.patches import Rectangle

    load = report.load()
    bottoms: dict[Month, float] = {}
    for n, (owner, per) in enumerate(load.items()):
        bars: list[Any] = []
        for month, fte in per.items():
            left = _num(month.first_day)
            width = _num(month.last_day + dt.timedelta(days=1)) - left
            bottom = bottoms.get(month, 0.0)
            bar = Rectangle((left, bottom), width, float(fte),
                            facecolor=_LOAD_COLOURS[n % len(_LOAD_COLOURS)],
                            hatch=_LOAD_HATCHES[n // len(_LOAD_COLOURS) % len(_LOAD_HATCHES)],
                            edgecolor="white", linewidth=0.5, label=owner if not bars else None)
            ax.add_patch(bar)
            bars.append(bar)
            bottoms[month] = bottom + float(fte)
        drawn.load_bars[owner] = bars
    ax.set_ylim(0, max(bottoms.values(), default=1.0) * 1.15)
    ax.set_ylabel(phrase("chart.fte", lang), fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    if load:
        owners = ax.legend(fontsize=7, loc="upper left", ncols=min(len(load), 4), frameon=False)
        _literal(owners.get_texts())
    drawn.load_ax = ax


def _arrows(ax: Axes, schedule: Schedule, rows: list[tuple[str, str]], drawn: Gantt) -> None:
    """One thin arrow per link, from the predecessor's end (or start) to the successor."""
    y_of = {ident: y for y, (_kind, ident) in enumerate(rows)}
    for link in schedule.project.links:
        p, s = schedule[link.predecessor], schedule[link.successor]
        p_left, p_width = _span(p)
        s_left, s_width = _span(s)
        x0 = p_left + (p_width if link.type.from_finish else 0.0)
        x1 = s_left + (s_width if link.type.to_finish else 0.0)
        arrow = ax.annotate(
            "", xy=(x1, y_of[s.id]), xytext=(x0, y_of[p.id]),
            arrowprops={"arrowstyle": "->", "color": "#777777", "linewidth": 0.5, "alpha": 0.8,
                        "connectionstyle": "angle,angleA=0,angleB=90,rad=0",
                        "shrinkA": 0, "shrinkB": 4},
            zorder=2,
        )
        drawn.arrows.append(arrow)
