"""The status report's facts as values, and the words they print as.

`StatusReport` holds the facts (`psp.reports._status` gathers them); every output —
Markdown, HTML, text, Word — is made from one list of `sections`, so a fact reads the
same in each. Nothing here computes a fact, and no text is read back.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import io
from fractions import Fraction
from typing import Any

import attrs

from psp._support.render import Table
from psp._support.words import LABELS, periods
from psp.calendars import Lang, format_date
from psp.engine import Schedule, TaskSchedule
from psp.export._figures import inline_svg
from psp.export._gantt import Gantt, gantt
from psp.model import Event, Project, event_table
from psp.replanning import Cause
from psp.replanning._replan import _verdict

__all__ = ["DeadlineState", "DeadlineStatus", "PackageStatus", "Section", "State",
           "StatusReport", "TaskStatus", "as_dict", "chart_png", "chart_svg", "html_body",
           "html_page", "markdown", "percent", "sections", "state_text", "text"]


class State(enum.StrEnum):
    """Where a task or work package stands on the status date."""

    DONE = "done"
    RUNNING = "running"
    NOT_STARTED = "not_started"


@attrs.frozen
class TaskStatus:
    """One task on the status date.

    ``elapsed`` is the share of its span (start to finish, in days, the status date
    counted) that lies behind a running task; ``None`` otherwise. ``late_by`` is how
    many periods later it finishes than in the baseline (``None`` without a baseline or
    when it is not late); ``cause`` is why it moved, as a replan says it.
    """

    task: TaskSchedule
    state: State
    elapsed: Fraction | None = None
    baseline_finish: dt.date | None = None
    late_by: int | None = None
    cause: Cause | None = None

    @property
    def id(self) -> str:
        """The task's id."""
        return self.task.id


@attrs.frozen
class PackageStatus:
    """A work package on the status date: done when all its tasks are, not started when
    none is, running otherwise; its span and how many tasks stand where."""

    id: str
    name: str
    state: State
    start: dt.date | None
    finish: dt.date | None
    done: int
    running: int
    not_started: int
    late: int


class DeadlineState(enum.StrEnum):
    """A deadline missed by the schedule, or met without a period to spare."""

    MISSED = "missed"
    ENDANGERED = "endangered"


@attrs.frozen
class DeadlineStatus:
    """A task's *finish no later than* that is missed (``by`` periods) or endangered
    (its task, unfinished, ends in the deadline's own period: no period to spare)."""

    id: str
    not_after: dt.date
    finish: dt.date
    state: DeadlineState
    by: int


@attrs.frozen(repr=False)
class StatusReport:
    """A plan's status on a date, as facts (see `status_report`).

    Print it with `to_markdown`, `to_html`, `to_text` or `to_dict`; write it to Word
    with `psp.reports.write_docx`.

    Examples
    --------
    >>> import psp
    >>> r = psp.status_report(psp.load("examples/digitale_werkstatt.toml"), status="2021-03-15")
    >>> r.finish, r.slack, [t.id for t in r.milestones_reached]
    (datetime.date(2021, 8, 31), 0, ['M1'])
    >>> print(r.to_text(lang="en").splitlines()[5])
    17 done · 6 running · 2 not started
    """

    plan: Project
    schedule: Schedule
    status: dt.date
    since: dt.date | None
    baseline: Schedule | None
    tasks: tuple[TaskStatus, ...]
    packages: tuple[PackageStatus, ...]
    events_held: tuple[Event, ...]
    events_next: tuple[Event, ...]
    milestones_reached: tuple[TaskStatus, ...]
    milestones_next: tuple[TaskStatus, ...]
    deadlines: tuple[DeadlineStatus, ...]

    @property
    def finish(self) -> dt.date:
        """The computed finish."""
        return self.schedule.finish

    @property
    def end(self) -> dt.date | None:
        """The contractual end."""
        return self.schedule.end

    @property
    def slack(self) -> int | None:
        """Periods between the computed finish and the contractual end (negative: missed)."""
        return self.schedule.slack

    def in_state(self, state: State) -> tuple[TaskStatus, ...]:
        """The tasks in one state, in plan order."""
        return tuple(t for t in self.tasks if t.state is state)

    @property
    def late(self) -> tuple[TaskStatus, ...]:
        """The tasks that finish later than in the baseline."""
        return tuple(t for t in self.tasks if t.late_by is not None)

    def to_markdown(self, *, lang: Lang = "de") -> str:
        """The report as Markdown: headings, facts and tables."""
        return markdown(self, lang)

    def to_html(self, *, lang: Lang = "de", chart: bool = False) -> str:
        """The report as one HTML page; ``chart`` embeds the Gantt chart as SVG."""
        return html_page(self, lang, chart=chart)

    def to_text(self, *, lang: Lang = "de") -> str:
        """The report for a terminal."""
        return text(self, lang)

    def to_dict(self) -> dict[str, object]:
        """The facts as plain values (ISO dates), ready for ``json.dumps``."""
        return as_dict(self)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self.in_state(s))} {s.value}" for s in State)
        return f"<StatusReport {self.plan.name!r} on {self.status.isoformat()}: {counts}>"

    def _repr_html_(self) -> str:
        return html_body(self, "de", chart=False)


@attrs.frozen
class Section:
    """A heading, lines of facts, and a table (or ``None``); ``level`` 0 is the title."""

    title: str
    lines: tuple[str, ...] = ()
    table: Table | None = None
    level: int = 1


def percent(share: Fraction) -> str:
    """A share as whole percent, halves rounded up: ``Fraction(1, 4)`` → ``25 %``.

    Examples
    --------
    >>> percent(Fraction(1, 8)), percent(Fraction(2, 3))
    ('13 %', '67 %')
    """
    return f"{int(share * 100 + Fraction(1, 2))} %"


def state_text(task: TaskStatus, lang: Lang) -> str:
    """``läuft (45 %)``, ``erledigt``, ``nicht begonnen``."""
    words = LABELS["report"][lang]
    if task.state is State.RUNNING and task.elapsed is not None:
        return f"{words['running']} ({percent(task.elapsed)})"
    return words[task.state.value]


def _head(words: dict[str, str], key: str) -> tuple[str, ...]:
    return tuple(words[f"head.{key}"].split("|"))


def _day(day: dt.date | None, lang: Lang) -> str:
    return "—" if day is None else format_date(day, lang=lang)


def sections(report: StatusReport, lang: Lang) -> list[Section]:
    """The report's sections in order: the facts, then one table per subject."""
    words = LABELS["report"][lang]
    plan, unit = report.plan, report.plan.unit
    lines = [words["status"].format(date=_day(report.status, lang))]
    if report.since is not None:
        lines.append(words["since"].format(date=_day(report.since, lang)))
    lines.append(words["term"].format(start=_day(plan.start, lang), end=_day(plan.end, lang)))
    lines.append(_verdict(report.schedule, lang))
    lines.append(words["counts"].format(**{s.value: len(report.in_state(s)) for s in State}))
    if report.baseline is not None:
        lines.append(words["late_count"].format(count=len(report.late)))
    found: list[Section | None] = [
        Section(words["title"].format(name=plan.name), tuple(lines), level=0)]
    found.append(Section(words["packages"], table=Table(_head(words, "packages"), [
        (p.id, p.name, words[p.state.value], _day(p.start, lang), _day(p.finish, lang),
         str(p.done), str(p.running), str(p.not_started), str(p.late))
        for p in report.packages])) if report.packages else None)
    found.append(_task_section(report, lang))
    if report.baseline is not None:
        found.append(Section(words["late"], table=Table(_head(words, "late"), [
            (t.id, t.task.name, _day(t.baseline_finish, lang), _day(t.task.finish, lang),
             periods(t.late_by or 0, unit, lang, sign=True),
             "" if t.cause is None else t.cause.describe(unit, lang=lang))
            for t in report.late])))
    held = words["held"] if report.since is not None else words["held_all"]
    found.append(Section(held, table=event_table(report.events_held, lang=lang)))
    found.append(Section(words["next_events"], table=event_table(report.events_next,
                                                                  lang=lang)))
    found.append(Section(words["reached"], table=Table(_head(words, "reached"), [
        (t.id, t.task.name, _day(t.task.start, lang)) for t in report.milestones_reached])))
    found.append(Section(words["next_milestones"], table=Table(
        _head(words, "next_milestones"),
        [(t.id, t.task.name, _day(t.task.start, lang),
          periods(t.task.total_float, unit, lang)) for t in report.milestones_next])))
    found.append(Section(words["deadlines"], table=Table(_head(words, "deadlines"), [
        (d.id, report.schedule[d.id].name, _day(d.not_after, lang), _day(d.finish, lang),
         words["missed"].format(span=periods(d.by, unit, lang))
         if d.state is DeadlineState.MISSED else words["endangered"])
        for d in report.deadlines])))
    return [s for s in found if s is not None]


def _task_section(report: StatusReport, lang: Lang) -> Section:
    words = LABELS["report"][lang]
    head = _head(words, "tasks")
    compared = report.baseline is not None
    if compared:
        head += _head(words, "baseline")
    rows = []
    for t in report.tasks:
        row = [t.id, t.task.name, t.task.task.owner_label, state_text(t, lang),
               _day(t.task.start, lang), _day(t.task.finish, lang)]
        if compared:
            row += [_day(t.baseline_finish, lang),
                    "" if t.late_by is None else periods(t.late_by, report.plan.unit, lang,
                                                         sign=True)]
        rows.append(tuple(row))
    kinds = ["done" if t.state is State.DONE else "running" if t.state is State.RUNNING
             else "task" for t in report.tasks]
    return Section(words["tasks"], table=Table(head, rows, kinds=kinds))


def markdown(report: StatusReport, lang: Lang) -> str:
    """The report as Markdown."""
    none = LABELS["report"][lang]["none"]
    out: list[str] = []
    for section in sections(report, lang):
        out += [f"{'#' * (section.level + 1)} {section.title}", ""]
        out += [f"- {line}" for line in section.lines]
        if section.lines:
            out.append("")
        if section.table is not None:
            table = attrs.evolve(section.table, title="")
            out += [table.to_markdown() if table.rows else f"*{none}*", ""]
    return "\n".join(out)


def text(report: StatusReport, lang: Lang) -> str:
    """The report for a terminal."""
    none = LABELS["report"][lang]["none"]
    out: list[str] = []
    for section in sections(report, lang):
        rule = "=" if section.level == 0 else "-"
        out += [section.title, rule * len(section.title), *section.lines]
        if section.table is not None:
            body = (attrs.evolve(section.table, title="").to_text(width=60)
                    if section.table.rows else none)
            out.append(body)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;color:#222}"
          "table{border-collapse:collapse;margin:.5em 0 1.5em}"
          "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
          "th{background:#f0f0f0}tr.done td{color:#555}tr.running td{font-weight:600}"
          "svg{max-width:100%;height:auto}")


def html_body(report: StatusReport, lang: Lang, *, chart: bool) -> str:
    """The report's sections as HTML (for a page, or Jupyter)."""
    none = html.escape(LABELS["report"][lang]["none"])
    out = ['<div class="psp-status">']
    for section in sections(report, lang):
        tag = f"h{section.level + 1}"
        out.append(f"<{tag}>{html.escape(section.title)}</{tag}>")
        if section.lines:
            out.append("<ul>" + "".join(f"<li>{html.escape(line)}</li>"
                                        for line in section.lines) + "</ul>")
        if section.table is not None:
            table = attrs.evolve(section.table, title="")
            out.append(table.to_html() if table.rows else f"<p><em>{none}</em></p>")
        if section.level == 0 and chart:
            out.append(f"<h2>{html.escape(LABELS['report'][lang]['chart'])}</h2>"
                       f"{chart_svg(report, lang)}")
    out.append("</div>")
    return "\n".join(out)


def html_page(report: StatusReport, lang: Lang, *, chart: bool) -> str:
    """The report as one self-contained HTML page (the chart, if any, inline as SVG)."""
    title = html.escape(LABELS["report"][lang]["title"].format(name=report.plan.name))
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{_STYLE}</style></head><body>\n"
            f"{html_body(report, lang, chart=chart)}\n</body></html>\n")


def chart_svg(report: StatusReport, lang: Lang) -> str:
    """The Gantt chart of the report's schedule (with the baseline as ghosts) as SVG text."""
    return inline_svg(_chart(report, lang).figure)


def chart_png(report: StatusReport, lang: Lang) -> bytes:
    """The Gantt chart of the report's schedule as PNG bytes (for Word)."""
    out = io.BytesIO()
    _chart(report, lang).figure.savefig(out, format="png", dpi=150)
    return out.getvalue()


def _chart(report: StatusReport, lang: Lang) -> Gantt:
    return gantt(report.schedule, baseline=report.baseline, lang=lang)


def as_dict(report: StatusReport) -> dict[str, Any]:
    """The facts as plain values: dates in ISO form, shares as numbers, states as words."""
    def task(t: TaskStatus) -> dict[str, Any]:
        return {"id": t.id, "state": t.state.value,
                "elapsed": None if t.elapsed is None else float(t.elapsed),
                "start": t.task.start.isoformat(), "finish": t.task.finish.isoformat(),
                "baseline_finish": _iso(t.baseline_finish), "late_by": t.late_by,
                "cause": None if t.cause is None else t.cause.kind.value}

    def event(e: Any) -> dict[str, Any]:
        return {"id": e.id, "name": e.name, "date": e.date.isoformat(), "kind": e.kind.value}

    return {
        "project": report.plan.name, "status": report.status.isoformat(),
        "since": _iso(report.since), "finish": report.finish.isoformat(),
        "end": _iso(report.end), "slack": report.slack,
        "packages": [{"id": p.id, "state": p.state.value, "done": p.done,
                      "running": p.running, "not_started": p.not_started, "late": p.late}
                     for p in report.packages],
        "tasks": [task(t) for t in report.tasks],
        "events_held": [event(e) for e in report.events_held],
        "events_next": [event(e) for e in report.events_next],
        "milestones_reached": [{"id": t.id, "date": t.task.start.isoformat()}
                               for t in report.milestones_reached],
        "milestones_next": [{"id": t.id, "date": t.task.start.isoformat(),
                             "total_float": t.task.total_float}
                            for t in report.milestones_next],
        "deadlines": [{"id": d.id, "not_after": d.not_after.isoformat(),
                       "finish": d.finish.isoformat(), "state": d.state.value, "by": d.by}
                      for d in report.deadlines],
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
