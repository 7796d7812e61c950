"""Milestone trend analysis (*Meilensteintrendanalyse*, MTA): forecasts across plan versions.

Each version of a plan is a report: on its report date it forecasts a date for every
milestone (the schedule's milestone date) and every event (its day). Read over the
versions, the forecasts show which milestones hold, slip or are pulled in. A forecast
on or before its report date has been reached (a milestone the schedule has finished,
an event whose day has come): that is where its line meets the diagonal of the chart.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

import attrs

from psp._support.render import Table
from psp._support.words import LABELS, periods
from psp.calendars import Lang, Month, format_date
from psp.engine import TaskProgress, schedule
from psp.errors import UsageError
from psp.model import Project, TaskKind

__all__ = ["Forecast", "MilestoneSeries", "MilestoneTrend", "Trend", "milestone_trend",
           "month_shift"]


class Trend(enum.StrEnum):
    """The verdict on a milestone: its last forecast against its first."""

    STABLE = "stable"
    SLIPPING = "slipping"
    PULLED_IN = "pulled_in"


@attrs.frozen
class Forecast:
    """One version's forecast of one milestone, and whether it had been reached."""

    date: dt.date
    reached: bool


def month_shift(first: dt.date, last: dt.date) -> int | None:
    """Whole months from one date to another when they are the same day of their months
    (or both a month's last day), else ``None``.

    Examples
    --------
    >>> month_shift(dt.date(2018, 2, 28), dt.date(2018, 3, 31))
    1
    >>> month_shift(dt.date(2018, 3, 13), dt.date(2018, 3, 20)) is None
    True
    """
    def month_end(day: dt.date) -> bool:
        return day == Month.from_date(day).last_day

    if first.day != last.day and not (month_end(first) and month_end(last)):
        return None
    return (last.year - first.year) * 12 + last.month - first.month


@attrs.frozen
class MilestoneSeries:
    """A milestone's (or event's) forecasts, one per version (``None`` where a version
    lacks it), and the verdict from its first forecast to its last."""

    id: str
    name: str
    lane: str | None
    is_event: bool
    forecasts: tuple[Forecast | None, ...]

    @property
    def known(self) -> tuple[Forecast, ...]:
        """The forecasts of the versions that have it, in order."""
        return tuple(f for f in self.forecasts if f is not None)

    @property
    def shift_days(self) -> int:
        """Days from the first forecast to the last (positive: later)."""
        known = self.known
        return (known[-1].date - known[0].date).days

    @property
    def shift_months(self) -> int | None:
        """The same shift in whole months, when it is one (see `month_shift`)."""
        known = self.known
        return month_shift(known[0].date, known[-1].date)

    @property
    def trend(self) -> Trend:
        """Stable, slipping or pulled in: the last forecast against the first."""
        days = self.shift_days
        return Trend.STABLE if days == 0 else Trend.SLIPPING if days > 0 else Trend.PULLED_IN

    def verdict(self, *, lang: Lang = "de") -> str:
        """``stabil``, ``verschoben um 1 Monat``, ``vorgezogen um 5 Tage``."""
        words = LABELS["trend"][lang]
        if self.trend is Trend.STABLE:
            return words["stable"]
        months, days = self.shift_months, abs(self.shift_days)
        span = periods(abs(months), "month", lang) if months else periods(days, "day", lang)
        return words[self.trend.value].format(span=span)


@attrs.frozen(repr=False)
class MilestoneTrend:
    """Milestone forecasts across plan versions (see `milestone_trend`).

    ``labels`` and ``report_dates`` name the versions in order; ``series`` holds one
    `MilestoneSeries` per milestone or event, in the order of their first forecast.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> t = psp.milestone_trend([plan, psp.apply(plan, psp.Delay("2.10", by=2))],
    ...                         report_dates=[dt.date(2021, 1, 15), dt.date(2021, 2, 1)])
    >>> print(t.to_text(lang="en"))  # doctest: +NORMALIZE_WHITESPACE
    Milestone trend analysis: Digitale Werkstatt für den Mittelstand – MACH 4.0
    <BLANKLINE>
    id  milestone                 2021-01-15  2021-02-01  trend
    M1  Konzeption abgeschlossen  2021-02-28  2021-04-30  slipping by 2 months
    <BLANKLINE>
    """

    name: str
    labels: tuple[str, ...]
    report_dates: tuple[dt.date, ...]
    series: tuple[MilestoneSeries, ...]

    def __getitem__(self, ident: str) -> MilestoneSeries:
        for series in self.series:
            if series.id == ident:
                return series
        raise KeyError(ident)

    def table(self, *, lang: Lang = "de", iso: bool = False) -> Table:
        """One row per milestone: its forecast in each version (✓ once reached), the verdict.

        The header names each version by its report date.
        """
        words = LABELS["trend"][lang]

        def day(value: dt.date) -> str:
            return value.isoformat() if iso else format_date(value, lang=lang)

        head = (words["id"], words["name"], *(day(d) for d in self.report_dates),
                words["verdict"])
        rows = []
        for s in self.series:
            cells = ["" if f is None else day(f.date) + (" ✓" if f.reached else "")
                     for f in s.forecasts]
            rows.append((s.id, s.name, *cells, s.verdict(lang=lang)))
        return Table(head, rows, title=words["title"].format(name=self.name))

    def to_text(self, *, lang: Lang = "de") -> str:
        """The table for a terminal, with its title."""
        return self.table(lang=lang).to_text(width=40) + "\n"

    def to_markdown(self, *, lang: Lang = "de") -> str:
        """The table in Markdown, under its title."""
        table = self.table(lang=lang)
        return f"## {table.title}\n\n{table.to_markdown()}\n"

    def to_csv(self, *, lang: Lang = "en", excel: bool = False) -> str:
        """The table as CSV, ISO dates (``excel``: as German Excel opens it)."""
        return self.table(lang=lang, iso=True).to_csv(excel=excel)

    def to_dict(self) -> dict[str, object]:
        """Plain values: the versions and every series' forecasts, shift and trend."""
        return {
            "name": self.name,
            "versions": [{"label": label, "report_date": d.isoformat()}
                         for label, d in zip(self.labels, self.report_dates, strict=True)],
            "milestones": [
                {"id": s.id, "name": s.name, "lane": s.lane, "event": s.is_event,
                 "forecasts": [None if f is None else {"date": f.date.isoformat(),
                                                       "reached": f.reached}
                               for f in s.forecasts],
                 "trend": s.trend.value, "shift_days": s.shift_days,
                 "shift_months": s.shift_months}
                for s in self.series],
        }

    def __repr__(self) -> str:
        return (f"<MilestoneTrend {self.name!r}: {len(self.labels)} versions, "
                f"{len(self.series)} milestones>")

    def _repr_html_(self) -> str:
        return self.table().to_html()


def _points(plan: Project, report: dt.date) -> dict[str, tuple[str, str | None, bool,
                                                                 Forecast]]:
    """Each milestone's and event's (name, lane, is_event, forecast) in one version."""
    found: dict[str, tuple[str, str | None, bool, Forecast]] = {}
    s = schedule(plan)
    for ts in s:
        if ts.kind is TaskKind.MILESTONE:
            reached = ts.progress is TaskProgress.FINISHED or (
                plan.status is None and ts.start <= report)
            found[ts.id] = (ts.name, ts.package, False, Forecast(ts.start, reached))
    for event in plan.events:
        lane = event.package or (plan.task(event.task).package if event.task else None)
        found.setdefault(event.id, (event.name, lane, True,
                                    Forecast(event.date, event.date <= report)))
    return found


def milestone_trend(plans: Sequence[Project], *,
                    report_dates: Sequence[dt.date | None] | None = None,
                    labels: Sequence[str] | None = None) -> MilestoneTrend:
    """Every milestone's and event's forecast in each plan version, and its trend.

    Parameters
    ----------
    plans : sequence of Project
        The versions of one plan, oldest first.
    report_dates : sequence of date or None, optional
        Each version's report date (default, and where ``None``: its ``[project]
        status``). Report dates must not go backwards.
    labels : sequence of str, optional
        Each version's name (default: its report date).

    Returns
    -------
    MilestoneTrend

    Raises
    ------
    UsageError
        For no versions, a version without a report date, dates that go backwards, or
        lengths that do not match.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> later = psp.apply(plan, psp.Delay("2.10", by=1), psp.Progress("2021-02-15"))
    >>> t = milestone_trend([plan, later], report_dates=[dt.date(2021, 1, 15), None])
    >>> [f.date for f in t["M1"].forecasts], t["M1"].verdict(lang="en")
    ([datetime.date(2021, 2, 28), datetime.date(2021, 3, 31)], 'slipping by 1 month')
    """
    if not plans:
        raise UsageError("a milestone trend needs at least one plan version")
    given = list(report_dates) if report_dates is not None else [None] * len(plans)
    names = list(labels) if labels is not None else None
    if len(given) != len(plans) or (names is not None and len(names) != len(plans)):
        raise UsageError("give one report date and one label per plan version")
    dates: list[dt.date] = []
    for number, (plan, day) in enumerate(zip(plans, given, strict=True), start=1):
        found = day or plan.status
        if found is None:
            label = names[number - 1] if names else f"version {number}"
            raise UsageError(f"{label}: a plan version needs a report date: set [project] "
                             "status in it (or read the versions with --git)")
        if dates and found < dates[-1]:
            raise UsageError(f"version {number}: its report date {found.isoformat()} lies "
                             f"before the one before it ({dates[-1].isoformat()}): give the "
                             "versions oldest first")
        dates.append(found)
    per_version = [_points(plan, day) for plan, day in zip(plans, dates, strict=True)]
    order: dict[str, tuple[str, str | None, bool]] = {}
    for points in per_version:
        for ident, (name, lane, is_event, _f) in sorted(points.items(),
                                                        key=lambda kv: kv[1][3].date):
            order.setdefault(ident, (name, lane, is_event))
    series = tuple(
        MilestoneSeries(ident, name, lane, is_event,
                        tuple(p[ident][3] if ident in p else None for p in per_version))
        for ident, (name, lane, is_event) in order.items())
    return MilestoneTrend(plans[-1].name,
                          tuple(names) if names else tuple(d.isoformat() for d in dates),
                          tuple(dates), series)
