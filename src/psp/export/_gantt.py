"""The Gantt chart, drawn with matplotlib onto a given Axes or a new Figure.

matplotlib is imported inside `gantt`, so ``import psp`` stays light. The chart never
uses pyplot, never changes rcParams and never calls ``show()``: it draws and returns
what it drew (`Gantt`), so tests and users can read positions and styles back.

Colours come from the Okabe–Ito palette (distinguishable with colour-blindness), and
every distinction also has a second cue: critical bars are dark with a heavy edge,
the baseline is a dashed, hatched ghost bar below, level of effort is hatched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from psp._support.extras import require
from psp._support.render import shorten
from psp._support.words import LABELS, periods, phrase
from psp.analysis._costs import CostReport
from psp.calendars import Calendar, Lang, Month, Unit, format_date, parse_date
from psp.engine._cpm import Schedule, TaskProgress, TaskSchedule
from psp.engine._cpm import schedule as schedule_plan
from psp.engine._portfolio import PortfolioSchedule, ProjectSummary, schedule_portfolio
from psp.errors import PlanError, SizeError, UsageError
from psp.export._figures import day_number as _num
from psp.export._limits import check_chart, check_rows
from psp.export._timeaxis import date_tiers, draw_date_axes
from psp.model import Link, Portfolio, Project
from psp.replanning._replan import Replan

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = ["MAX_TASK_ROWS", "Gantt", "Mark", "gantt"]

CRITICAL = "#D55E00"  # vermillion
NORMAL = "#9AD0F0"  # a light Okabe-Ito sky blue: far lighter than CRITICAL in greyscale
NORMAL_EDGE = "#0B4F7C"
PACKAGE = "#222222"
FLOAT = "#8C8C8C"
END = "#000000"
OLD_END = "#6E6E6E"
STATUS = "#009E73"  # bluish green
EVENT = "#CC79A7"  # reddish purple: no bar or line has it




def _nth(values: Any, index: int) -> Any:
    """A collection's property of one member: collections repeat a single value for all."""
    return values[index % len(values)] if len(values) else None


@attrs.frozen
class Mark:
    """One task's mark inside a collection the chart drew: a bar, a tail, a diamond.

    A chart of thousands of tasks draws a few collections, not an artist per task; a
    mark reads its own part back with the names of matplotlib's ``Rectangle`` and
    ``Line2D`` (``get_x``, ``get_width``, ``get_facecolor``, ``get_data`` …). x and
    widths are matplotlib date numbers.

    Examples
    --------
    >>> import psp
    >>> g = psp.gantt(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))
    >>> import matplotlib.dates as mdates
    >>> bar = g.bars["3.1"]
    >>> bar.collection is g.artists["bars"], mdates.num2date(bar.get_x()).date()
    (True, datetime.date(2021, 3, 1))
    """

    collection: Any
    index: int
    marker: str | None = None

    def _corners(self) -> Any:
        return self.collection.get_paths()[self.index].vertices

    def get_x(self) -> float:
        """The left edge."""
        return float(self._corners()[:, 0].min())

    def get_y(self) -> float:
        """The lower edge in data (the row axis runs downward: the edge nearer the top)."""
        return float(self._corners()[:, 1].min())

    def get_width(self) -> float:
        """From the left edge to the right edge."""
        corners = self._corners()[:, 0]
        return float(corners.max() - corners.min())

    def get_height(self) -> float:
        """The extent along the row axis."""
        corners = self._corners()[:, 1]
        return float(corners.max() - corners.min())

    def get_data(self) -> tuple[list[float], list[float]]:
        """A diamond's position as ``([x], [y])``, as ``Line2D.get_data`` gives it."""
        x, y = self.collection.get_offsets()[self.index]
        return [float(x)], [float(y)]

    def get_marker(self) -> str | None:
        """``"D"`` for a diamond, ``None`` for a bar."""
        return self.marker

    def get_facecolor(self) -> tuple[float, ...]:
        """RGBA."""
        return tuple(float(v) for v in _nth(self.collection.get_facecolor(), self.index))

    def get_edgecolor(self) -> tuple[float, ...]:
        """RGBA."""
        return tuple(float(v) for v in _nth(self.collection.get_edgecolor(), self.index))

    def get_linewidth(self) -> float:
        """The edge's width in points."""
        return float(_nth(self.collection.get_linewidth(), self.index))

    def get_linestyle(self) -> str:
        """``"-"`` for a solid edge, ``"--"`` for a dashed one."""
        _offset, dashes = _nth(self.collection.get_linestyle(), self.index)
        return "--" if dashes else "-"

    def get_hatch(self) -> str | None:
        """The hatch pattern (level of effort, baseline), else ``None``."""
        hatch: str | None = self.collection.get_hatch()
        return hatch


@attrs.define(eq=False)
class Gantt:
    """What `gantt` drew: the figure, the axes, and every task's mark by id.

    Each kind of mark is one matplotlib collection (``artists``: ``bars``, ``efforts``,
    ``packages``, ``package_chains``, ``float_tails``, ``ghosts``, ``milestones``,
    ``ghost_milestones``, ``arrows``, ``arrow_heads_down``, ``arrow_heads_up``), so a
    chart of thousands of tasks stays a few artists. ``bars``, ``baseline_bars``,
    ``float_tails``, ``package_bars`` and ``milestones`` map ids to a `Mark`, which reads
    its own part of its collection; ``arrows`` lists one `Mark` per drawn link. ``rows``
    lists the ids from top to bottom (``y`` = row number); ``level`` says whether a row is
    a task or a work package. The plan's events are one collection of markers (``event_marks``),
    each at midday of its day on the row of its task or package (else on a last row of
    their own); ``events`` maps an event's id to its index in it. In Jupyter the object
    shows itself as the chart.

    Examples
    --------
    >>> import psp
    >>> g = psp.gantt(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))
    >>> g.rows[:3], len(g.bars), sorted(g.milestones), g.level
    (['AP1', '1.1', '1.2'], 24, ['M1'], 'task')
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
    artists: dict[str, Any] = attrs.field(factory=dict)
    level: str = "task"
    arrow_choice: str = "none"
    legend: Any = None
    load_ax: Any = None
    load_bars: dict[str, list[Any]] = attrs.field(factory=dict)
    date_axes: dict[str, Any] = attrs.field(factory=dict)
    done_bars: dict[str, Any] = attrs.field(factory=dict)
    at_status: bool = False

    def savefig(self, path: Any, *, paper: Literal["a4", "a3"] | None = None,
                **kwargs: Any) -> None:
        """Save the figure (PNG, SVG, PDF …, by the file's ending or ``format=``).

        SVG keeps its text as text (searchable and editable in a drawing program), not
        as outlines; global matplotlib settings stay as they are. With ``paper`` the
        chart is laid out on that page in landscape (a PDF to print), its row labels
        as large as the rows allow; a chart with more rows than a page can show
        legibly is refused (`SizeError`) with the options that draw fewer.

        Examples
        --------
        >>> import psp, io
        >>> g = psp.gantt(psp.load("examples/digitale_werkstatt.toml"))
        >>> out = io.BytesIO()
        >>> g.savefig(out, format="pdf", paper="a4")
        >>> b"/MediaBox [ 0 0 841.88" in out.getvalue()  # 297 × 210 mm, in points
        True
        >>> g.figure.get_size_inches().round(1).tolist()  # the figure itself is unchanged
        [13.0, 10.0]
        """
        import matplotlib

        with matplotlib.rc_context({"svg.fonttype": "none"}), self._on_paper(paper):
            self.figure.savefig(path, **kwargs)

    @contextlib.contextmanager
    def _on_paper(self, paper: str | None) -> Iterator[None]:
        """The figure laid out on a landscape page for as long as it is saved."""
        if paper is None:
            yield
            return
        if paper not in PAPER_SIZES:
            raise UsageError(f"paper: expected one of {', '.join(PAPER_SIZES)}, got "
                             f"{paper!r}")
        width, height = PAPER_SIZES[paper]
        labels = self.ax.get_yticklabels()
        # the rows share what the title, the date tiers and the legend leave of the page
        room = (height - 2.6) * 72 * _LABEL_SHARE  # points of label height for all rows
        size = min(8.0, room / max(len(self.rows), 1))
        if size < _SMALLEST_PRINT:
            larger = "take A3, " if paper == "a4" else ""
            raise SizeError(f"a chart of {len(self.rows):,} rows does not fit on an "
                            f"{paper.upper()} page legibly (at most "
                            f"{int(room / _SMALLEST_PRINT):,} rows): {larger}draw one row "
                            "per work package (--level package), some packages "
                            "(--packages) or a date window (--start, --end)")
        wide, high = (float(v) for v in self.figure.get_size_inches())
        sizes = [t.get_fontsize() for t in labels]
        self.figure.set_size_inches(width, height)
        for label in labels:
            label.set_fontsize(size)
        try:
            yield
        finally:
            self.figure.set_size_inches(wide, high)
            for label, old in zip(labels, sizes, strict=True):
                label.set_fontsize(old)

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


def _time_axis(drawn: Gantt, cal: Calendar, first: int, last: int, lang: Lang) -> None:
    """Grid lines at period boundaries, two tiers of dates at the top and the bottom
    (`psp.export._timeaxis`), year separators."""
    from matplotlib.ticker import FixedLocator

    ax = drawn.ax
    bounds = [_num(d) for d in cal.first_days(range(first, last + 1))]
    ax.xaxis.set_major_locator(FixedLocator(bounds))
    drawn.date_axes = draw_date_axes(ax, date_tiers(cal, first, last, lang=lang),
                                     bottom=drawn.load_ax)
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
    arrows: bool | Literal["critical", "all", "none"] = "critical",
    float_tails: bool = True,
    legend: bool = True,
    name_width: int = 48,
    load: CostReport | None = None,
    load_ax: Axes | None = None,
    level: Literal["auto", "task", "package"] = "auto",
    packages: Iterable[str] | None = None,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> Gantt:
    """Draw a Gantt chart of a schedule (or of a `Replan`, with its baseline as ghosts).

    Rows are grouped by work package (a summary bar each); critical tasks are dark
    vermillion with a heavy edge, others sky blue with a thin grey float tail up to
    their late finish; milestones are diamonds; level of effort is hatched; the links
    that drive the critical path are blue arrows. The contractual end (old and new when
    they differ) and the status date are vertical lines. It draws onto ``ax`` or a new
    Figure sized to the number of rows, and returns what it drew. It never calls
    ``plt.show()`` and never changes global matplotlib settings.

    A plan of more than `MAX_TASK_ROWS` task rows is drawn one row per work package
    (``level="auto"``), its critical tasks marked inside each package's bar; the chart
    says so under its title. ``level``, ``packages`` and ``start``/``end`` choose the
    part to draw; more than `MAX_CHART_ROWS` rows are refused (`SizeError`).

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
    arrows : {"critical", "all", "none"} or bool
        Dependency arrows: the links along the critical chains (default), every link
        (``True``) or none (``False``).
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
    level : {"auto", "task", "package"}
        A row per task, a row per work package, or (``auto``) per task up to
        `MAX_TASK_ROWS` tasks.
    packages : iterable of str, optional
        Draw only these work packages (and their tasks).
    start, end : date or text, optional
        Draw only what runs in this window (``2021-03``, ``31.12.2021``); the time axis
        shows the window.

    Returns
    -------
    Gantt
        What was drawn: the figure, the axes and every task's mark by id.

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
    >>> gantt(plan, level="package", packages=["AP3"]).rows
    ['AP3']
    """
    require("matplotlib", extra="plot")
    schedule, baseline, summaries = _resolve(schedule, baseline)
    check_chart(schedule)
    if baseline is not None:
        check_chart(baseline)
    words = LABELS["gantt"][lang]
    window = _window(schedule.calendar, start, end)
    rows, chosen = _rows(schedule, level, packages, window, events=words["events"])
    figure, ax, load_ax, own_figure = _axes(rows, ax, legend=legend, load=load,
                                            load_ax=load_ax)
    drawn = Gantt(figure, ax, level=chosen, at_status=schedule.project.status is not None,
                  load_ax=load_ax if load is not None else None)
    labels = _draw_rows(drawn, schedule, baseline, rows, name_width, float_tails=float_tails)
    _arrows(drawn, schedule, rows, _arrow_choice(arrows))
    if schedule.project.events:
        _events(drawn, schedule, rows)
    first, last = _periods_shown(schedule, baseline)
    if window is not None:
        first, last = max(first, window[0]), min(last, window[1])
    _time_axis(drawn, schedule.calendar, first, last, lang)
    _row_axis(ax, rows, labels)
    handles = _date_lines(drawn, schedule, baseline, words, lang, summaries=summaries)
    note = None
    if chosen == "package" and level == "auto":
        note = phrase("chart.package_level", lang, tasks=_count(len(schedule.project), lang))
    _title(ax, schedule, summaries, title, words, lang, note=note)
    if load is not None and load_ax is not None:
        _load(load_ax, load, lang, drawn)
    if legend:
        _legend(drawn, schedule, handles, words, own_figure=own_figure)
    return drawn


MAX_TASK_ROWS = 400
"""Above this many task rows, ``level="auto"`` draws one row per work package."""

PAPER_SIZES = {"a4": (297 / 25.4, 210 / 25.4), "a3": (420 / 25.4, 297 / 25.4)}
"""Landscape pages a chart can be laid out on (width, height in inches)."""

_SMALLEST_PRINT = 4.0  # points: the smallest row label still legible on paper
_LABEL_SHARE = 0.85  # of a row's height, its label's


def _count(number: int, lang: Lang) -> str:
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "de" else text


def _arrow_choice(arrows: bool | str) -> str:
    if arrows is True or arrows is False:
        return "all" if arrows else "none"
    if arrows not in ("critical", "all", "none"):
        raise UsageError(f"arrows: expected 'critical', 'all', 'none' or a bool, got {arrows!r}")
    return arrows


def _window(cal: Calendar, start: dt.date | str | None,
            end: dt.date | str | None) -> tuple[int, int] | None:
    """The periods ``[first, last)`` a date window covers, or ``None`` for the whole plan."""
    if start is None and end is None:
        return None
    first = 0 if start is None else cal.period_of(_day(start, "start", first_day=True))
    last = None if end is None else cal.period_of(_day(end, "end", first_day=False)) + 1
    if last is not None and last <= first:
        raise UsageError(f"end: {end!r} lies before start {start!r}: nothing to draw")
    return first, (10**9 if last is None else last)


def _day(value: dt.date | str, key: str, *, first_day: bool) -> dt.date:
    """A window edge: a date, or text as a plan file writes it (a month: its first or last day)."""
    try:
        return parse_date(value, edge="start" if first_day else "end")
    except PlanError as err:
        raise UsageError(f"{key}: {err}") from None


def _rows(schedule: Schedule, level: str, packages: Iterable[str] | None,
          window: tuple[int, int] | None, *, events: str) -> tuple[list[tuple[str, str]], str]:
    """The rows to draw top-down and the level they are drawn at."""
    if level not in ("auto", "task", "package"):
        raise UsageError(f"level: expected 'auto', 'task' or 'package', got {level!r}")
    project = schedule.project
    rows = project.outline()
    if packages is not None:
        wanted = {project.package(ident).id for ident in packages}  # names an unknown one
        rows = [row for row in rows if (row[1] if row[0] == "package" else
                                        project.task(row[1]).package) in wanted]
    if window is not None:
        rows = _in_window(schedule, rows, window)
    tasks = sum(kind == "task" for kind, _ident in rows)
    chosen = level if level != "auto" else "package" if tasks > MAX_TASK_ROWS else "task"
    if chosen == "package":
        known = {p.id for p in project.packages}
        rows = [row for row in rows if row[0] == "package"
                or project.task(row[1]).package not in known]
    if any(e.task is None and e.package is None for e in project.events):
        rows.append(("events", events))
    check_rows(len(rows))
    return rows, chosen


def _in_window(schedule: Schedule, rows: list[tuple[str, str]],
               window: tuple[int, int]) -> list[tuple[str, str]]:
    """Tasks that run in the window, and the packages that hold one."""
    first, last = window
    kept: list[tuple[str, str]] = []
    package: tuple[str, str] | None = None  # the package row above, until a task keeps it
    for kind, ident in rows:
        if kind == "package":
            package = (kind, ident)
            continue
        ts = schedule[ident]
        if ts.start_period < last and max(ts.finish_period, ts.start_period + 1) > first:
            if package is not None and ts.task.package == package[1]:
                kept.append(package)
                package = None
            kept.append((kind, ident))
    return kept


def _draw_rows(drawn: Gantt, schedule: Schedule, baseline: Schedule | None,
               rows: list[tuple[str, str]], width: int, *, float_tails: bool) -> list[str]:
    """Every row's marks, drawn as a few collections; returns the row labels."""
    marks = _Marks()
    labels = []
    chains = drawn.level == "package"
    for y, (kind, ident) in enumerate(rows):
        drawn.rows.append(ident)
        if kind == "package":
            labels.append(_package_row(marks, schedule, y, ident, width, chains=chains))
        elif kind == "events":
            labels.append(ident)
        else:
            labels.append(_task_row(marks, schedule, baseline, y, ident, width,
                                    float_tails=float_tails))
    _draw(drawn, marks)
    return labels


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


@attrs.define
class _Marks:
    """What the rows ask to draw, gathered so that each kind is one collection."""

    packages: list[tuple[str, int, float, float]] = attrs.Factory(list)
    chains: list[tuple[int, float, float]] = attrs.Factory(list)  # a package row's critical
    bars: list[tuple[str, int, float, float, bool]] = attrs.Factory(list)
    efforts: list[tuple[str, int, float, float]] = attrs.Factory(list)
    tails: list[tuple[str, int, float, float]] = attrs.Factory(list)
    ghosts: list[tuple[str, int, float, float]] = attrs.Factory(list)
    diamonds: list[tuple[str, float, int, bool]] = attrs.Factory(list)
    done: list[tuple[str, int, float, float, bool]] = attrs.Factory(list)  # at the status
    ghost_diamonds: list[tuple[str, float, int]] = attrs.Factory(list)


def _package_row(marks: _Marks, schedule: Schedule, y: int, ident: str, width: int,
                 *, chains: bool) -> str:
    """A work package's summary bar (at package level with its critical tasks inside)."""
    rolled = schedule.package(ident)
    if rolled.start is not None and rolled.finish is not None:
        left = _num(rolled.start)
        marks.packages.append((ident, y, left, _num(rolled.finish) + 1 - left))
        if chains:
            for ts in map(schedule.__getitem__, rolled.task_ids):
                if ts.critical and ts.finish_period > ts.start_period:
                    x, span = _span(ts)
                    marks.chains.append((y, x, span))
    return _label(f"{ident}  {rolled.package.name}", width)


def _task_row(marks: _Marks, schedule: Schedule, baseline: Schedule | None, y: int,
              ident: str, width: int, *, float_tails: bool) -> str:
    """A task's bar (or diamond), its ghost and its float tail; returns its row label."""
    ts = schedule[ident]
    owners = f" ({ts.task.owner_label})" if ts.task.owners else ""
    if baseline is not None and ident in baseline:
        old = baseline[ident]
        x, span = _span(old)
        if span == 0:
            marks.ghost_diamonds.append((ident, x, y))
        else:
            marks.ghosts.append((ident, y, x, span))
    left, span = _span(ts)
    if span == 0:
        marks.diamonds.append((ident, left, y, ts.critical))
    elif ts.task.is_level_of_effort:
        marks.efforts.append((ident, y, left, span))
    else:
        marks.bars.append((ident, y, left, span, ts.critical))
        status = schedule.project.status
        if status is not None:
            done = _done_days(ts, status)  # date numbers count days
            if done > 0:
                marks.done.append((ident, y, left, done, ts.critical))
        if float_tails and ts.total_float > 0:  # critical too, when the end lies beyond
            late = _num(ts.late_finish) + 1
            marks.tails.append((ident, y, left + span, late - left - span))
    return _label(f"{ident}  {ts.task.name}", width - len(owners)) + owners


def _done_days(ts: TaskSchedule, status: dt.date) -> int:
    """Days of a task's bar done at the status date: all of a finished task, the days
    elapsed of a started one (psp records no percent complete), none of a planned one."""
    days = (ts.finish - ts.start).days + 1
    if ts.progress is TaskProgress.FINISHED:
        return days
    if ts.progress is TaskProgress.STARTED:
        return min(max((status - ts.start).days, 0), days)
    return 0


def _lighter(colour: str, share: float = 0.62) -> str:
    """``colour`` mixed with ``share`` of white: the part of a bar still to do."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02X}" for c in rgb)


def _boxes(ax: Axes, boxes: list[tuple[int, float, float]], *, zorder: float,
           **style: Any) -> Any:
    """Rectangles as one collection: ``(row, left, width)`` each, and in ``style`` the
    ``rows`` key: where in its row a rectangle begins and how high it is."""
    import numpy as np
    from matplotlib.collections import PolyCollection

    bottom, height = style.pop("rows")
    table = np.asarray(boxes, dtype=float).reshape(-1, 3)
    y0, x0 = table[:, 0] + bottom, table[:, 1]
    x1, y1 = x0 + table[:, 2], y0 + height
    corners = np.stack([np.column_stack(pair) for pair in
                        ((x0, y0), (x0, y1), (x1, y1), (x1, y0))], axis=1)
    collection = PolyCollection(list(corners), closed=True, zorder=zorder, **style)
    ax.add_collection(collection, autolim=False)
    return collection


def _draw(drawn: Gantt, marks: _Marks) -> None:
    """Each kind of mark as one collection; `Gantt` maps ids to their place in it."""
    _collect(drawn, "packages", marks.packages, drawn.package_bars, zorder=3,
             rows=(-0.12, 0.24), facecolors=PACKAGE, edgecolors=PACKAGE)
    if marks.chains:
        drawn.artists["package_chains"] = _boxes(
            drawn.ax, marks.chains, zorder=3.5, rows=(-0.12, 0.24), facecolors=CRITICAL,
            edgecolors="black", linewidths=0.8)
    _collect(drawn, "ghosts", marks.ghosts, drawn.baseline_bars, zorder=2, rows=(0.16, 0.2),
             facecolors="none", edgecolors="#555555", linestyles="--", hatch="....",
             linewidths=0.8)
    _collect(drawn, "float_tails", marks.tails, drawn.float_tails, zorder=3,
             rows=(-0.1, 0.06), facecolors=FLOAT, edgecolors="none")
    _collect(drawn, "efforts", marks.efforts, drawn.bars, zorder=3, rows=(-0.3, 0.45),
             facecolors="white", edgecolors="#666666", hatch="////", linewidths=0.8)
    critical = [m[4] for m in marks.bars]
    # at a status date a bar is the work still to do, lighter; what is done lies over it
    face = (CRITICAL, NORMAL) if not drawn.at_status else (_lighter(CRITICAL), _lighter(NORMAL))
    _collect(drawn, "bars", [m[:4] for m in marks.bars], drawn.bars, zorder=4,
             rows=(-0.3, 0.45), facecolors=[face[0] if c else face[1] for c in critical],
             edgecolors=["black" if c else NORMAL_EDGE for c in critical],
             linewidths=[1.6 if c else 0.6 for c in critical])
    _collect(drawn, "done", [m[:4] for m in marks.done], drawn.done_bars, zorder=4.2,
             rows=(-0.3, 0.45), facecolors=[CRITICAL if m[4] else NORMAL for m in marks.done],
             edgecolors=["black" if m[4] else NORMAL_EDGE for m in marks.done],
             linewidths=[1.6 if m[4] else 0.6 for m in marks.done])
    _diamonds(drawn, marks)


def _collect(drawn: Gantt, name: str, entries: list[tuple[str, int, float, float]],
             target: dict[str, Any], **style: Any) -> None:
    """``(id, row, left, width)`` entries as one collection; each id's `Mark` into ``target``."""
    if not entries:
        return
    collection = _boxes(drawn.ax, [entry[1:] for entry in entries], **style)
    target.update({entry[0]: Mark(collection, n) for n, entry in enumerate(entries)})
    drawn.artists[name] = collection


def _diamonds(drawn: Gantt, marks: _Marks) -> None:
    """Milestones as one scatter of diamonds; the baseline's as hollow ones above them."""
    ax = drawn.ax
    if marks.diamonds:
        diamonds = ax.scatter([m[1] for m in marks.diamonds], [m[2] for m in marks.diamonds],
                              marker="D", s=64, c=[CRITICAL if m[3] else PACKAGE
                                                   for m in marks.diamonds],
                              edgecolors="black", linewidths=1.0, zorder=5)
        drawn.milestones = {m[0]: Mark(diamonds, n, "D") for n, m in enumerate(marks.diamonds)}
        drawn.artists["milestones"] = diamonds
    if marks.ghost_diamonds:
        ghosts = ax.scatter([m[1] for m in marks.ghost_diamonds],
                            [m[2] + 0.26 for m in marks.ghost_diamonds], marker="D", s=36,
                            facecolors="none", edgecolors="#555555", zorder=2)
        drawn.baseline_bars.update({m[0]: Mark(ghosts, n, "D")
                                    for n, m in enumerate(marks.ghost_diamonds)})
        drawn.artists["ghost_milestones"] = ghosts


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
                words: dict[str, str], lang: Lang, *,
                summaries: tuple[ProjectSummary, ...] | None = None) -> list[Any]:
    """The contractual end (old and new; a portfolio's: each project's), the status date;
    returns their legend handles."""
    from matplotlib.lines import Line2D

    ax, handles = drawn.ax, []
    if summaries is not None:
        handles += _project_ends(drawn, summaries, words)
    lines = [line for line in _date_marks(schedule, baseline)
             if summaries is None or line[0] != "end"]
    styles: dict[str, tuple[float, Literal["-.", "--", ":"]]] = {
        "status": (1.4, "-."), "end": (1.6, "--"), "old_end": (1.6, ":")}
    for key, at, colour, shown in lines:
        width, style = styles[key]
        line = ax.axvline(_num(at), color=colour, linestyle=style, linewidth=width, zorder=6)
        if key == "status":
            drawn.status_line = line
        else:
            drawn.end_lines[key] = line
        handles.append(Line2D([], [], color=colour, linestyle=style, linewidth=width,
                              label=f"{words[key]} {format_date(shown, lang=lang)}"))
    return handles


def _date_marks(schedule: Schedule, baseline: Schedule | None
                ) -> list[tuple[str, dt.date, str, dt.date]]:
    """The vertical lines of a chart: ``(key, day it is drawn at, colour, date named)``.

    An end is drawn at the start of the day after it (its day is still in the plan); the
    old end only when it differs; the status date at its own start.
    """
    lines = []
    if schedule.end is not None:
        lines.append(("end", schedule.end + dt.timedelta(days=1), END, schedule.end))
    old_end = None if baseline is None else baseline.end
    if old_end is not None and old_end != schedule.end:
        lines.append(("old_end", old_end + dt.timedelta(days=1), OLD_END, old_end))
    status = schedule.project.status
    if status is not None:
        lines.append(("status", status, STATUS, status))
    return lines


def _project_ends(drawn: Gantt, summaries: tuple[ProjectSummary, ...],
                  words: dict[str, str]) -> list[Any]:
    """A line at each project's contractual end, named by the projects ending there
    (``end_lines["end:kita"]``); one legend entry for them all."""
    from matplotlib.lines import Line2D
    from matplotlib.transforms import blended_transform_factory

    ends: dict[dt.date, list[str]] = {}
    for summary in summaries:
        if summary.project.end is not None:
            ends.setdefault(summary.project.end, []).append(summary.id)
    ax = drawn.ax
    where = blended_transform_factory(ax.transData, ax.transAxes)
    for end, ids in sorted(ends.items()):
        x = _num(end + dt.timedelta(days=1))
        line = ax.axvline(x, color=END, linestyle="--", linewidth=1.2, zorder=6)
        drawn.end_lines.update({f"end:{ident}": line for ident in ids})
        ax.text(x, 0.995, " " + ", ".join(ids), transform=where, rotation=90, ha="right",
                va="top", fontsize=6, color=END, zorder=6, parse_math=False)
    if not ends:
        return []
    return [Line2D([], [], color=END, linestyle="--", linewidth=1.2,
                   label=words["project_end"])]


def _title(ax: Axes, schedule: Schedule, summaries: tuple[ProjectSummary, ...] | None,
           title: str | None, words: dict[str, str], lang: Lang, *,
           note: str | None = None) -> None:
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
    lines = [heading, facts] + ([note] if note else [])
    ax.set_title("\n".join(lines), fontsize=10, loc="left", parse_math=False)


def _legend(drawn: Gantt, schedule: Schedule, handles: list[Any], words: dict[str, str],
            *, own_figure: bool) -> None:
    """One entry per kind of mark actually drawn, then the date lines."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    work = [schedule[i] for i in drawn.bars if not schedule[i].task.is_level_of_effort]
    face = (CRITICAL, NORMAL) if not drawn.at_status else (_lighter(CRITICAL), _lighter(NORMAL))
    candidates: list[tuple[bool, Any]] = [
        (any(t.critical for t in work),
         Patch(facecolor=face[0], edgecolor="black", linewidth=1.6, label=words["critical"])),
        (any(not t.critical for t in work),
         Patch(facecolor=face[1], edgecolor=NORMAL_EDGE, label=words["normal"])),
        (bool(drawn.done_bars),
         Patch(facecolor=NORMAL, edgecolor=NORMAL_EDGE, label=words["done"])),
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
        (bool(drawn.arrows),
         Line2D([], [], color=ARROW, linewidth=0.9, marker=">", markersize=4,
                label=words["critical_link" if drawn.arrow_choice == "critical" else "link"])),
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


ARROW = "#0072B2"  # Okabe-Ito blue: no bar, tail or line has it


def _arrow_links(schedule: Schedule, choice: str) -> list[Link]:
    """The links to draw: all, or those along the critical chains (they drive the finish)."""
    if choice == "all":
        return list(schedule.project.links)
    pairs = {pair for chain in schedule.critical_chains for pair in itertools.pairwise(chain)}
    return [link for link in schedule.project.links
            if (link.predecessor, link.successor) in pairs]


def _arrows(drawn: Gantt, schedule: Schedule, rows: list[tuple[str, str]], choice: str) -> None:
    """A link as an elbow: along the predecessor's row from its finish (its start for SS
    and SF), then across the rows to the successor's start (its finish for FF and SF).

    The shafts are one line collection, the heads one scatter per direction.
    """
    drawn.arrow_choice = choice
    if choice == "none":
        return
    y_of = {ident: y for y, (kind, ident) in enumerate(rows) if kind == "task"}
    shafts, heads, drawn_links = [], [], []
    for link in _arrow_links(schedule, choice):
        if link.predecessor not in y_of or link.successor not in y_of:
            continue  # one end is not drawn (a package row, a window, a filter)
        p_left, p_width = _span(schedule[link.predecessor])
        s_left, s_width = _span(schedule[link.successor])
        x0 = p_left + (p_width if link.type.from_finish else 0.0)
        x1 = s_left + (s_width if link.type.to_finish else 0.0)
        y0, y1 = y_of[link.predecessor], y_of[link.successor]
        tip = y1 - 0.32 if y1 > y0 else y1 + 0.32  # the bar's edge, not its middle
        shafts.append([(x0, y0), (x1, y0), (x1, tip)])
        heads.append((x1, tip, y1 > y0))
        drawn_links.append(link)
    if not shafts:
        return
    from matplotlib.collections import LineCollection

    lines = LineCollection(shafts, colors=ARROW, linewidths=0.9, zorder=6)
    drawn.ax.add_collection(lines, autolim=False)
    drawn.artists["arrows"] = lines
    drawn.arrows = [Mark(lines, n) for n in range(len(shafts))]
    for down, marker in ((True, "v"), (False, "^")):  # markers point the same way on screen
        points = [(x, y) for x, y, d in heads if d == down]
        if points:
            drawn.artists[f"arrow_heads_{'down' if down else 'up'}"] = drawn.ax.scatter(
                [x for x, _ in points], [y for _, y in points], marker=marker, s=36, c=ARROW,
                linewidths=0, zorder=6)
