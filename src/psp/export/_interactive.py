"""The interactive Gantt chart: a plotly figure to hover, zoom and save as one HTML file.

plotly is imported inside `plotly_gantt` (extra ``psp[interactive]``). The figure shows
what the static chart shows, in the same colours: packages dark, critical tasks
vermillion, others sky blue, level of effort hatched, milestones as diamonds, the
baseline as pale ghosts, the contractual ends and the status date as lines; at a status
date the work still to do is lighter. Hovering a bar gives its id, name, owners, dates,
floats and, for a replan, why it moved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from psp._support.extras import require
from psp._support.render import shorten
from psp._support.words import LABELS
from psp.calendars import Lang, format_date
from psp.engine._cpm import Schedule, TaskSchedule
from psp.export._gantt import (
    CRITICAL,
    NORMAL,
    PACKAGE,
    Drawable,
    _date_marks,
    _done_days,
    _lighter,
    _resolve,
    _rows,
)
from psp.export._limits import check_chart
from psp.replanning._replan import Replan

if TYPE_CHECKING:
    from plotly.graph_objects import Figure

__all__ = ["plotly_gantt", "write_html"]

_DAY_MS = 86_400_000  # plotly's date axis counts a bar's length in milliseconds


def plotly_gantt(schedule: Drawable, *, baseline: Schedule | None = None, lang: Lang = "de",
                 title: str | None = None,
                 level: Literal["auto", "task", "package"] = "auto",
                 packages: Iterable[str] | None = None) -> Figure:
    """An interactive Gantt chart (plotly): hover for a task's facts, drag to zoom.

    Parameters
    ----------
    schedule : Schedule, Replan, PortfolioSchedule, Project or Portfolio
        What to draw, as `psp.gantt` takes it; a Replan draws its baseline as ghosts and
        says in each moved task's hover text why it moved.
    baseline : Schedule, optional
        Ghost bars (default: the Replan's baseline, if any).
    lang : {"de", "en"}
        Labels, dates and reasons.
    title : str, optional
        Default: the project's name.
    level : {"auto", "task", "package"}
        A row per task or per work package, as in `psp.gantt`.
    packages : iterable of str, optional
        Only these work packages.

    Returns
    -------
    plotly.graph_objects.Figure
        One bar trace per kind (packages, critical, not critical, level of effort, done,
        baseline), milestones as a scatter trace, the date lines as shapes.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> fig = plotly_gantt(psp.replan(plan, [psp.Delay("3.1", until="2021-06")]), lang="en")
    >>> [trace.name for trace in fig.data]  # doctest: +NORMALIZE_WHITESPACE
    ['work package', 'critical', 'not critical', 'level of effort', 'baseline',
     'milestone']
    >>> critical = fig.data[1]
    >>> i = [facts[0] for facts in critical.customdata].index("3.1")
    >>> critical.base[i], critical.x[i] // 86_400_000  # 1 June, 122 days to 30 September
    ('2021-06-01', 122)
    >>> critical.customdata[i][-1]
    "3.1 starts Jun'21: start no earlier than 06/2021"
    """
    require("plotly", extra="interactive")
    import plotly.graph_objects as go

    reasons = _reasons(schedule, lang)
    drawn, ghosts, _summaries = _resolve(schedule, baseline)
    check_chart(drawn)
    words = LABELS["gantt"][lang]
    rows, _chosen = _rows(drawn, level, packages, None, events=words["events"])
    rows = [row for row in rows if row[0] != "events"]
    labels = _labels(drawn, rows)
    figure = go.Figure()
    for trace in _traces(drawn, ghosts, rows, labels, reasons, words, lang):
        figure.add_trace(trace)
    _lines(figure, drawn, ghosts, words, lang)
    figure.update_layout(
        title=title if title is not None else drawn.project.name, barmode="overlay",
        height=160 + 24 * len(rows), hovermode="closest", template="plotly_white",
        legend={"orientation": "h", "yanchor": "top", "y": -0.06},
        margin={"l": 10, "r": 10, "t": 60, "b": 10})
    figure.update_xaxes(type="date", showgrid=True, side="top", mirror="allticks",
                        ticks="outside")
    figure.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed")
    return figure


def _reasons(what: Drawable, lang: Lang) -> dict[str, str]:
    """For a replan, why each moved task moved (the prose of `TaskShift.reason`)."""
    if not isinstance(what, Replan):
        return {}
    return {shift.id: shift.reason for shift in what.shifts(lang=lang, moved_only=True)}


def _labels(schedule: Schedule, rows: list[tuple[str, str]]) -> list[str]:
    """A unique label per row: its id and (shortened) name."""
    project = schedule.project
    names = [project.package(ident).name if kind == "package" else schedule[ident].task.name
             for kind, ident in rows]
    return [shorten(f"{ident}  {name}", 60) for (_kind, ident), name in zip(rows, names,
                                                                             strict=True)]


def _facts(ts: TaskSchedule, reason: str, lang: Lang) -> list[object]:
    return [ts.id, ts.task.name, ts.task.owner_label or "–", format_date(ts.start, lang=lang),
            format_date(ts.finish, lang=lang), ts.total_float, ts.free_float, reason]


_HOVER = {
    "de": ("<b>%{customdata[0]}</b> %{customdata[1]}<br>Verantwortlich: %{customdata[2]}"
           "<br>%{customdata[3]} – %{customdata[4]}<br>Gesamtpuffer %{customdata[5]}, "
           "freier Puffer %{customdata[6]}<br>%{customdata[7]}<extra></extra>"),
    "en": ("<b>%{customdata[0]}</b> %{customdata[1]}<br>owners: %{customdata[2]}"
           "<br>%{customdata[3]} – %{customdata[4]}<br>total float %{customdata[5]}, "
           "free float %{customdata[6]}<br>%{customdata[7]}<extra></extra>"),
}


def _bar(name: str, entries: list[tuple[str, dt.date, dt.date, list[object]]], *,
         colour: str, lang: Lang, **style: Any) -> Any:
    """One horizontal bar trace on a date axis: ``(row label, first day, last day, facts)``."""
    import plotly.graph_objects as go

    return go.Bar(
        name=name, orientation="h", y=[e[0] for e in entries],
        base=[e[1].isoformat() for e in entries],
        x=[((e[2] - e[1]).days + 1) * _DAY_MS for e in entries],
        customdata=[e[3] for e in entries], hovertemplate=_HOVER[lang],
        marker={"color": colour, **style.pop("marker", {})}, **style)


def _traces(schedule: Schedule, baseline: Schedule | None, rows: list[tuple[str, str]],
            labels: list[str], reasons: dict[str, str], words: dict[str, str],
            lang: Lang) -> list[Any]:
    """The bar and milestone traces, a trace per kind of mark (only kinds that occur)."""
    import plotly.graph_objects as go

    kinds: dict[str, list[tuple[str, dt.date, dt.date, list[object]]]] = {
        "package": [], "critical": [], "normal": [], "loe": [], "done": [], "baseline": []}
    diamonds: list[tuple[str, dt.date, list[object], bool]] = []
    status = schedule.project.status
    for (kind, ident), label in zip(rows, labels, strict=True):
        if kind == "package":
            rolled = schedule.package(ident)
            if rolled.start is not None and rolled.finish is not None:
                kinds["package"].append((label, rolled.start, rolled.finish, [
                    ident, rolled.package.name, "–", format_date(rolled.start, lang=lang),
                    format_date(rolled.finish, lang=lang), "", "", ""]))
            continue
        ts = schedule[ident]
        facts = _facts(ts, reasons.get(ident, ""), lang)
        if baseline is not None and ident in baseline:
            old = baseline[ident]
            if old.finish_period > old.start_period:
                kinds["baseline"].append((label, old.start, old.finish,
                                          _facts(old, "", lang)))
        if ts.finish_period == ts.start_period:
            diamonds.append((label, ts.start, facts, ts.critical))
            continue
        key = "loe" if ts.task.is_level_of_effort else "critical" if ts.critical else "normal"
        kinds[key].append((label, ts.start, ts.finish, facts))
        if status is not None and key != "loe":
            done = _done_days(ts, status)
            if done > 0:
                last = ts.start + dt.timedelta(days=done - 1)
                kinds["done"].append((label, ts.start, last, facts))
    light = status is not None
    styles: dict[str, dict[str, Any]] = {
        "package": {"colour": PACKAGE, "width": 0.3},
        "critical": {"colour": _lighter(CRITICAL) if light else CRITICAL, "width": 0.6,
                     "marker": {"line": {"color": "black", "width": 1.5}}},
        "normal": {"colour": _lighter(NORMAL) if light else NORMAL, "width": 0.6},
        "loe": {"colour": "white", "width": 0.6,
                "marker": {"pattern": {"shape": "/", "fgcolor": "#666666"},
                           "line": {"color": "#666666", "width": 1}}},
        "done": {"colour": NORMAL, "width": 0.6,
                 "marker": {"color": [CRITICAL if schedule[f[3][0]].critical  # type: ignore[index]
                                      else NORMAL for f in kinds["done"]]}},
        "baseline": {"colour": "rgba(85,85,85,0.25)", "width": 0.2, "offset": 0.2},
    }
    names = {"package": words["package"], "critical": words["critical"],
             "normal": words["normal"], "loe": words["loe"], "done": words["done"],
             "baseline": words["baseline"]}
    traces = [_bar(names[kind], entries, lang=lang, **styles[kind])
              for kind, entries in kinds.items() if entries]
    if diamonds:
        traces.append(go.Scatter(
            name=words["milestone"], mode="markers", y=[d[0] for d in diamonds],
            x=[d[1].isoformat() for d in diamonds], customdata=[d[2] for d in diamonds],
            hovertemplate=_HOVER[lang],
            marker={"symbol": "diamond", "size": 12, "line": {"color": "black", "width": 1},
                    "color": [CRITICAL if d[3] else PACKAGE for d in diamonds]}))
    return traces


def _lines(figure: Figure, schedule: Schedule, baseline: Schedule | None,
           words: dict[str, str], lang: Lang) -> None:
    """The contractual end (old and new) and the status date as vertical lines."""
    dashes = {"end": "dash", "old_end": "dot", "status": "dashdot"}
    for key, at, colour, shown in _date_marks(schedule, baseline):
        dash = dashes[key]
        figure.add_vline(x=at.isoformat(), line={"color": colour, "dash": dash, "width": 1.5},
                         annotation_text=f"{words[key]} {format_date(shown, lang=lang)}",
                         annotation_position="top left", annotation_font_size=10)


def write_html(figure: Figure, path: Any, *, lang: Lang = "de") -> None:
    """Save an interactive chart as one self-contained HTML file (plotly.js inside).

    Opening it needs no network: the page carries plotly's script itself (about 4.5 MB).

    Parameters
    ----------
    figure : plotly.graph_objects.Figure
        From `plotly_gantt`.
    path : path-like
        The file to write (callers write atomically).
    lang : {"de", "en"}
        The page's language.

    Returns
    -------
    None

    Examples
    --------
    >>> import psp, tempfile, pathlib
    >>> fig = plotly_gantt(psp.load("examples/digitale_werkstatt.toml"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_html(fig, pathlib.Path(folder) / "plan.html")
    ...     page = (pathlib.Path(folder) / "plan.html").read_text(encoding="utf-8")
    >>> page.splitlines()[:2], '<script src="http' in page
    (['<!doctype html>', '<html lang="de">'], False)
    >>> '<meta charset="utf-8" />' in page and "Plotly.newPlot" in page
    True
    """
    html = figure.to_html(include_plotlyjs=True, full_html=True,
                          config={"displaylogo": False, "scrollZoom": True})
    html = html.replace("<html>", f'<html lang="{lang}">', 1)  # plotly sets the charset
    with open(path, "w", encoding="utf-8") as out:
        out.write(html)

