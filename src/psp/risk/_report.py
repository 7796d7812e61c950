"""`RiskReport`: what a simulation found, as structured values that print themselves.

The finish distribution is kept whole (how many samples finished at each period
boundary), so every probability, percentile and picture is read from one table. Text,
Markdown, HTML and JSON are made here, at the edge, from those values.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import attrs

from psp._support.render import Table
from psp._support.words import LABELS, unit_name
from psp.calendars import Lang, format_date
from psp.model import Project

__all__ = ["PERCENTILES", "DeadlineOdds", "RiskImpact", "RiskReport", "TaskRisk", "percent"]

PERCENTILES = (10, 50, 80, 90, 95)
"""The percentiles every report names (``P10`` … ``P95``)."""

_SHOWN = 10  # rows of the task table in text, Markdown and HTML (JSON has all)


def percent(p: float, lang: Lang = "de") -> str:
    """A probability as whole percent; never 0 % or 100 % unless it is exactly that.

    Examples
    --------
    >>> percent(0.834), percent(0.0004), percent(0.9996, "en"), percent(1.0)
    ('83 %', '< 1 %', '> 99%', '100 %')
    """
    space = " " if lang == "de" else ""
    if 0 < p < 0.005:
        return f"< 1{space}%"
    if 0.995 <= p < 1:
        return f"> 99{space}%"
    return f"{round(p * 100)}{space}%"


def _decimal(value: float, lang: Lang, places: int = 2) -> str:
    text = f"{value:+.{places}f}" if value else f"{0:.{places}f}"
    return text.replace(".", ",") if lang == "de" else text


@attrs.frozen
class TaskRisk:
    """One task: its criticality index and its sensitivity.

    ``criticality`` is the share of samples in which the task is critical (it has the
    least total float). ``sensitivity`` is Spearman's rank correlation of its drawn
    duration with the finish; ``None`` when its duration does not vary.

    Examples
    --------
    >>> import psp
    >>> report = psp.simulate(psp.load("examples/digitale_werkstatt_risiko.toml"),
    ...                       samples=1000, seed=3)
    >>> t = next(t for t in report.tasks if t.id == "3.1")
    >>> t.criticality, t.sensitivity > 0
    (1.0, True)
    """

    id: str
    criticality: float
    sensitivity: float | None


@attrs.frozen
class RiskImpact:
    """One risk event: how often it happened and how much it moved the finish.

    ``impact`` is the mean finish when it happened less the mean finish when it did
    not, in periods; ``correlation`` the rank correlation of its happening with the
    finish. Both ``None`` when it happened in every sample or in none.

    Examples
    --------
    >>> import psp
    >>> report = psp.simulate(psp.load("examples/digitale_werkstatt_risiko.toml"),
    ...                       samples=1000, seed=3)
    >>> r = report.risks[0]
    >>> r.id, r.probability, 2.5 < r.impact < 3.5
    ('pandemie', 0.4, True)
    """

    id: str
    name: str
    probability: float
    occurred: float
    impact: float | None
    correlation: float | None


@attrs.frozen
class DeadlineOdds:
    """A *finish no later than*: the share of samples in which its task meets it.

    Examples
    --------
    >>> import psp
    >>> from psp import Constraint, Estimate, Month, Project, Task
    >>> plan = Project("x", Month(2021, 1), tasks=[Task("a", duration=2)],
    ...     constraints=[Constraint("a", "finish_no_later_than", Month(2021, 2))],
    ...     estimates=[Estimate("a", optimistic=1, pessimistic=3)])
    >>> odds = psp.simulate(plan, samples=4000, seed=1).deadlines[0]
    >>> odds.id, odds.date, round(odds.p, 1)  # exactly 7/8: P(a ≤ 2 months)
    ('a', datetime.date(2021, 2, 28), 0.9)
    """

    id: str
    date: dt.date
    p: float


@attrs.frozen
class RiskReport:
    """The result of `psp.simulate`: how likely the finish and every deadline are.

    ``finish_counts`` holds the whole distribution: each finish boundary a sample
    reached (a period index: the finish is the last day before it) and how many did.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt_risiko.toml")
    >>> report = psp.simulate(plan, samples=2000, seed=2021)
    >>> print(report.headline(lang="en"))
    P(finish ≤ 2021-08-31) = 12%
    >>> report.risks[0].id, report.risks[0].impact > 2
    ('pandemie', True)
    """

    project: Project
    samples: int
    seed: int
    finish_counts: tuple[tuple[int, int], ...]
    planned_period: int
    tasks: tuple[TaskRisk, ...]
    risks: tuple[RiskImpact, ...]
    deadlines: tuple[DeadlineOdds, ...]

    # --- the distribution -----------------------------------------------------------

    def _date(self, boundary: int) -> dt.date:
        return self.project.calendar.boundary_date(boundary)

    @property
    def planned(self) -> dt.date:
        """The deterministic finish (every duration as planned, no risk event)."""
        return self._date(self.planned_period)

    def probability(self, day: dt.date) -> float:
        """The share of samples that finish on or before ``day``.

        Examples
        --------
        >>> import psp
        >>> plan = psp.load("examples/digitale_werkstatt_risiko.toml")
        >>> report = psp.simulate(plan, samples=1000, seed=7)
        >>> report.probability(plan.end) == report.p_end
        True
        """
        done = sum(count for boundary, count in self.finish_counts
                   if self._date(boundary) <= day)
        return done / self.samples

    @property
    def p_end(self) -> float | None:
        """The probability of meeting the contractual end (None without one)."""
        end = self.project.end
        return None if end is None else self.probability(end)

    def percentile(self, q: float) -> dt.date:
        """The earliest finish that at least ``q`` percent of the samples meet.

        Examples
        --------
        >>> import psp
        >>> report = psp.simulate(psp.load("examples/digitale_werkstatt_risiko.toml"),
        ...                       samples=1000, seed=7)
        >>> report.percentile(0) <= report.percentile(50) <= report.percentile(100)
        True
        """
        need = math.ceil(self.samples * q / 100 - 1e-9)
        seen = 0
        for boundary, count in self.finish_counts:
            seen += count
            if seen >= need:
                return self._date(boundary)
        return self._date(self.finish_counts[-1][0])

    @property
    def percentiles(self) -> dict[str, dt.date]:
        """P10, P50, P80, P90 and P95 as dates."""
        return {f"P{q}": self.percentile(q) for q in PERCENTILES}

    def cumulative(self) -> list[tuple[dt.date, float]]:
        """Each finish date a sample reached and the share finished by then (the S-curve)."""
        found, seen = [], 0
        for boundary, count in self.finish_counts:
            seen += count
            found.append((self._date(boundary), seen / self.samples))
        return found

    def deciding_tasks(self) -> list[TaskRisk]:
        """The tasks by how much they decide the finish: sensitivity, then criticality."""
        return sorted(self.tasks, key=lambda t: (-abs(t.sensitivity or 0), -t.criticality))

    # --- outputs --------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (dates as ISO text, probabilities as fractions)."""
        return {
            "project": self.project.name,
            "samples": self.samples,
            "seed": self.seed,
            "planned": self.planned.isoformat(),
            "end": None if self.project.end is None else self.project.end.isoformat(),
            "percentiles": {k: v.isoformat() for k, v in self.percentiles.items()},
            "p_end": self.p_end,
            "distribution": [{"finish": day.isoformat(), "p": p}
                             for day, p in self.cumulative()],
            "deadlines": [{"id": d.id, "date": d.date.isoformat(), "p": d.p}
                          for d in self.deadlines],
            "tasks": [{"id": t.id, "criticality": t.criticality, "sensitivity": t.sensitivity}
                      for t in self.tasks],
            "risks": [{"id": r.id, "name": r.name, "probability": r.probability,
                       "occurred": r.occurred, "impact": r.impact,
                       "correlation": r.correlation} for r in self.risks],
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def odds(self, *, lang: Lang = "de") -> tuple[str, str]:
        """What the headline says, in two parts: ``("P(Ende ≤ 31.08.2021)", "12 %")``, or
        ``("P80", "31.10.2021")`` for a plan without a contractual end."""
        if self.project.end is None or self.p_end is None:
            return "P80", format_date(self.percentile(80), lang=lang)
        when = LABELS["risk"][lang]["p_end"].format(
            date=format_date(self.project.end, lang=lang))
        return when, percent(self.p_end, lang)

    def headline(self, *, lang: Lang = "de") -> str:
        """``P(Ende ≤ 31.08.2021) = 12 %``, or the P80 finish for a plan without an end."""
        what, value = self.odds(lang=lang)
        return f"{what} = {value}"

    def tables(self, *, lang: Lang = "de", rows: int | None = _SHOWN) -> list[Table]:
        """The report's tables: percentiles, deadlines, deciding tasks, risks."""
        words = LABELS["risk"][lang]
        found = [Table(tuple(self.percentiles),
                       [tuple(format_date(d, lang=lang) for d in self.percentiles.values())],
                       title=words["percentiles"])]
        if self.deadlines:
            found.append(Table(
                (words["id"], words["deadline"], words["p"]),
                [(d.id, format_date(d.date, lang=lang), percent(d.p, lang))
                 for d in self.deadlines], title=words["deadlines"]))
        found.append(self._task_table(lang, rows))
        if self.risks:
            found.append(self._risk_table(lang))
        return found

    def _task_table(self, lang: Lang, rows: int | None) -> Table:
        words = LABELS["risk"][lang]
        ranked = self.deciding_tasks()
        shown = ranked if rows is None else ranked[:rows]
        body = [(t.id, self.project.task(t.id).name, percent(t.criticality, lang),
                 words["none"] if t.sensitivity is None else _decimal(t.sensitivity, lang))
                for t in shown]
        if len(shown) < len(ranked):
            body.append(("", words["more"].format(count=len(ranked) - len(shown)), "", ""))
        return Table((words["id"], words["task"], words["criticality"],
                      words["sensitivity"]), body, title=words["tasks"])

    def _risk_table(self, lang: Lang) -> Table:
        words = LABELS["risk"][lang]
        unit = str(self.project.unit)
        body = []
        for r in self.risks:
            impact = words["none"] if r.impact is None else (
                f"{_decimal(r.impact, lang, 1)} {unit_name(unit, lang)}")
            body.append((r.id, r.name, percent(r.probability, lang),
                         percent(r.occurred, lang), impact))
        return Table((words["id"], words["risk"], words["probability"], words["occurred"],
                      words["impact"]), body, title=words["risks"])

    def _lines(self, lang: Lang) -> list[str]:
        words = LABELS["risk"][lang]
        count = f"{self.samples:,}".replace(",", "." if lang == "de" else ",")
        facts = [f"{words['planned']} {format_date(self.planned, lang=lang)}"]
        if self.project.end is not None:
            facts.append(f"{words['end']} {format_date(self.project.end, lang=lang)}")
        return [words["title"].format(name=self.project.name),
                words["samples"].format(samples=count, seed=self.seed),
                " · ".join(facts), self.headline(lang=lang)]

    def to_text(self, *, lang: Lang = "de") -> str:
        """The report for a terminal."""
        parts = ["\n".join(self._lines(lang))]
        parts += [t.to_text() for t in self.tables(lang=lang)]
        return "\n\n".join(parts)

    def to_markdown(self, *, lang: Lang = "de") -> str:
        """The report as Markdown."""
        title, *rest = self._lines(lang)
        parts = [f"# {title}", "\n\n".join(rest)]
        parts += [t.to_markdown() for t in self.tables(lang=lang)]
        return "\n\n".join(parts)

    def to_html(self, *, lang: Lang = "de") -> str:
        """The report as an HTML fragment (what Jupyter shows)."""
        from html import escape

        title, *rest = self._lines(lang)
        head = f"<h3>{escape(title)}</h3>" + "".join(f"<p>{escape(x)}</p>" for x in rest)
        return head + "".join(t.to_html() for t in self.tables(lang=lang))

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()
