"""Scheduling a portfolio: all its projects on one time axis, links across projects allowed.

The portfolio is flattened into one plan whose ids are qualified by project
(``kita:1.1``, packages ``kita:AP1``). Every task of a project starts no earlier than
its project's start and has its project's contractual end as a *finish no later than*,
so late dates, float and slack stay per project while links may cross projects. The
engine then schedules the one plan in a single pass.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import itertools
import operator
from collections.abc import Iterator, Sequence

import attrs

from psp._support.columns import repeated
from psp._support.compat import lang_keyword
from psp._support.memory import paused_collector
from psp._support.render import html_table, shorten
from psp._support.words import HEADINGS, phrase
from psp.calendars import Lang, format_date
from psp.engine._cpm import (
    NOT_BEFORE,
    Bounds,
    Schedule,
    TaskProgress,
    TaskSchedule,
    schedule_within,
)
from psp.engine._network import (
    network,
    portfolio_problems,
    qualified_position,
    with_constraints,
)
from psp.errors import ChangeError, ValidationError
from psp.model import (
    Actual,
    Constraint,
    ConstraintKind,
    Event,
    Link,
    Package,
    Portfolio,
    Project,
    Task,
    plain_constraint,
    qualified_links,
    qualified_tasks,
)

__all__ = ["PortfolioSchedule", "ProjectSummary", "flatten", "restore", "schedule_portfolio"]

SNET = ConstraintKind.START_NO_EARLIER_THAN
FNLT = ConstraintKind.FINISH_NO_LATER_THAN


def flatten(portfolio: Portfolio) -> Project:
    """The portfolio as one plan with ``project:id`` ids (see the module's description).

    A level-of-effort task runs from its project's start to its project's end (its
    bounds); the plan's status date is the latest of the projects'. Each task's deadline
    is its own project's end, or without one its project's computed finish: these are
    the bounds `schedule_portfolio` works with, written out as constraints.

    Parameters
    ----------
    portfolio : Portfolio
        Its projects, and the links between them.

    Returns
    -------
    Project
        One plan with ``project:task`` ids, each task bounded by its project's start and
        end.

    Raises
    ------
    ValidationError
        When the projects use different units or a cross-project link names a project
        or task that does not exist (with every problem listed).

    Examples
    --------
    >>> import psp
    >>> flat = flatten(psp.load_portfolio("examples/digitale_modellregion.toml"))
    >>> flat.start, [p.id for p in flat.packages][:2]
    (datetime.date(2019, 8, 1), ['kita', 'ehrenamt'])
    """
    merged = _merged(portfolio)
    within = _Within.of(portfolio, merged)
    schedule_within(merged, within)
    cal, tasks = merged.calendar, merged.tasks
    not_before = _not_before(portfolio)
    own_after = {c.task: c for c in merged.constraints if not c.is_start}
    constraints = []
    for i, task in enumerate(tasks):
        day = not_before[task.id]
        constraints.append(plain_constraint(task.id, SNET, day) or Constraint(task.id, SNET, day))
        bound = within.upper.get(i)
        if bound is None:
            if task.id in own_after:
                constraints.append(own_after[task.id])
            continue
        day = cal.last_day(bound - 1)
        constraints.append(plain_constraint(task.id, FNLT, day) or Constraint(task.id, FNLT, day))
    return with_constraints(merged, constraints)


def _not_before(portfolio: Portfolio) -> dict[str, dt.date]:
    """Each ``project:task``'s not-before date: its own, or its project's start, the later."""
    found = {}
    for pid, project in zip(portfolio.keys, portfolio.projects, strict=True):
        own = {c.task: c.date for c in project.constraints if c.is_start}
        for task in project.tasks:
            day = own.get(task.id)
            found[f"{pid}:{task.id}"] = project.start if day is None else max(day, project.start)
    return found


@attrs.define
class _Within:
    """A portfolio's projects within its merged plan (`psp.engine._cpm.Within`).

    Each project's tasks are a range of the merged plan's. A task starts no earlier than
    its project's start; its deadline is its project's end, or without one the project's
    finish as if scheduled alone; level of effort runs to the later of the two. Free float
    counts against the task's own project's finish. The bounds are worked out a column
    (each task's) at a time.
    """

    spans: list[range]
    starts: list[int]
    ends: list[int | None]
    efforts: list[int]  # the level-of-effort tasks' positions
    finishes: list[int] = attrs.Factory(list)  # each project's, once the passes ran
    upper: dict[int, int] = attrs.Factory(dict)  # each task's deadline boundary, the same

    @classmethod
    def of(cls, portfolio: Portfolio, merged: Project) -> _Within:
        cal, spans, first = merged.calendar, [], 0
        for project in portfolio.projects:
            spans.append(range(first, first + len(project.tasks)))
            first += len(project.tasks)
        return cls(spans, [cal.period_of(p.start) for p in portfolio.projects],
                   [None if p.end is None else cal.end_boundary(p.end)
                    for p in portfolio.projects],
                   list(network(merged).loe))  # validated once: the passes use it next

    def _column(self, values: list[int]) -> list[int]:
        """Each task's entry of a per-project list."""
        return repeated(values, [len(span) for span in self.spans])

    def project_column(self) -> list[int]:
        """Each task's project, by its place in the portfolio."""
        return self._column(list(range(len(self.spans))))

    def _project_of(self, task: int) -> int:
        return bisect.bisect_right(self.spans, task, key=operator.attrgetter("start")) - 1

    def bound_starts(self, bounds: Bounds) -> None:
        lower, at_end, snet_of = bounds.lower, bounds.at_end, bounds.snet_of
        own = {i: (bound, at_end[i]) for i, bound in snet_of.items()}
        size = len(lower)
        lower[:] = self._column(self.starts)
        at_end[:] = [False] * size
        bounds.source[:] = [NOT_BEFORE] * size
        snet_of.clear()  # only level of effort reads them (`_span_level_of_effort`)
        snet_of.update((i, lower[i]) for i in self.efforts)
        for i, (bound, side) in own.items():
            # an own not-before stands unless it lies before its project's start
            if bound > lower[i] or (bound == lower[i] and not side):
                lower[i], at_end[i], snet_of[i] = bound, side, bound

    def bound_finishes(self, finishes: list[int], bounds: Bounds) -> None:
        upper = bounds.upper
        own = dict(upper)
        work = list(finishes)
        for i in self.efforts:  # level of effort leaves its project's finish alone
            work[i] = self.starts[self._project_of(i)]
        # every task finishes after its project's start: max(work, default=start)
        self.finishes = [max(work[span.start:span.stop], default=start)
                         for span, start in zip(self.spans, self.starts, strict=True)]
        deadlines = [finish if end is None else end
                     for finish, end in zip(self.finishes, self.ends, strict=True)]
        column = self._column(deadlines)
        if min(deadlines, default=1) > 0:
            upper.update(enumerate(column))
        else:  # a deadline at the plan's start boundary is none
            upper.update((i, bound) for i, bound in enumerate(column) if bound > 0)
        for i in self.efforts:  # level of effort runs to the later of the two
            k = self._project_of(i)
            upper.pop(i, None)
            if (latest := max(deadlines[k], self.finishes[k])) > 0:
                upper[i] = latest
        for i, bound in own.items():  # an own not-after stands where it is earlier
            if upper.get(i, bound) >= bound:
                upper[i] = bound
        self.upper = upper

    def own_free_float(self, ff: list[int], finishes: list[int], finished: list[bool]) -> None:
        room = map(operator.sub, self._column(self.finishes), finishes)
        own = [f if f < r else r for f, r in zip(ff, room, strict=True)]
        for i in itertools.chain(self.efforts, itertools.compress(range(len(ff)), finished)):
            own[i] = ff[i]  # level of effort and finished work keep theirs
        ff[:] = own


@attrs.define
class _Parts:
    """The entries of a merged plan, gathered project by project."""

    packages: list[Package] = attrs.Factory(list)
    tasks: list[Task] = attrs.Factory(list)
    links: list[Link] = attrs.Factory(list)
    constraints: list[Constraint] = attrs.Factory(list)
    actuals: list[Actual] = attrs.Factory(list)
    idle: list[str] = attrs.Factory(list)
    events: list[Event] = attrs.Factory(list)


def _merged(portfolio: Portfolio) -> Project:
    """The projects as one plan with qualified ids, with their own constraints only."""
    found = portfolio_problems(portfolio)
    if found:
        raise ValidationError(found)
    parts = _Parts()
    projects, keys = portfolio.projects, portfolio.keys
    statuses = [p.status for p in projects if p.status is not None]
    ends = [p.end for p in projects if p.end is not None]
    incoming = _incoming(portfolio)
    with paused_collector():
        # all projects at once, column by column (`qualified_tasks`)
        parts.tasks = qualified_tasks([(k, p.tasks) for k, p in zip(keys, projects, strict=True)])
        own = qualified_links([(k, p.links) for k, p in zip(keys, projects, strict=True)])
        first = 0
        for pid, project in zip(keys, projects, strict=True):
            last = first + len(project.links)
            _qualify(parts, pid, project, own[first:last], incoming.get(pid, []))
            first = last
        return Project(portfolio.name, min(p.start for p in projects),
                       end=max(ends) if ends else None, unit=projects[0].unit,
                       packages=parts.packages, tasks=parts.tasks,
                       links=parts.links, constraints=parts.constraints,
                       status=max(statuses) if statuses else None, actuals=parts.actuals,
                       not_started=parts.idle, events=parts.events)


def _incoming(portfolio: Portfolio) -> dict[str, list[tuple[int, Link]]]:
    """The links across projects by the key of their successor's project, with its position."""
    projects = dict(zip(portfolio.keys, portfolio.projects, strict=True))
    found: dict[str, list[tuple[int, Link]]] = {}
    for link in portfolio.links:
        # portfolio_problems has checked that every successor exists
        key, position = qualified_position(projects, link.successor) or ("", 0)
        found.setdefault(key, []).append((position, link))
    return found


def _qualify(parts: _Parts, pid: str, project: Project, own: list[Link],
             incoming: list[tuple[int, Link]]) -> None:
    """One project's entries but its tasks with ``pid:`` ids; ``own`` are its links so.

    The links across projects into it join its own links in the plan's order (by
    successor, its own first), so the merged plan need not sort them all again.
    """
    mine = f"{pid}:"
    parts.packages.append(Package(pid, project.name))
    parts.packages += [Package(mine + pkg.id, f"{project.name} – {pkg.name}")
                       for pkg in project.packages]
    cut = 0
    for position, link in sorted(incoming, key=operator.itemgetter(0)):  # stable
        # the plan's links are in order by successor: a binary search finds the place
        after = bisect.bisect_right(project.links, position, lo=cut,
                                    key=lambda own_link: project._index[own_link.successor])
        parts.links += own[cut:after]
        parts.links.append(link)
        cut = after
    parts.links += own[cut:]
    if project.constraints:
        parts.constraints += [attrs.evolve(c, task=mine + c.task) for c in project.constraints]
    if project.actuals:
        parts.actuals += [attrs.evolve(a, task=mine + a.task) for a in project.actuals]
    parts.idle += [mine + task_id for task_id in project.not_started]
    if project.events:
        parts.events += [attrs.evolve(
            e, id=mine + e.id, task=None if e.task is None else mine + e.task,
            package=pid if e.package is None and e.task is None else
            None if e.package is None else mine + e.package) for e in project.events]


def restore(portfolio: Portfolio, flat: Project) -> Portfolio:
    """The portfolio again, with what a replan changed in its flat plan.

    Durations, *not before* dates later than the project's start (delays), the status
    date, reported actual dates and tasks not started go back to their projects;
    everything else — ids, packages, positions, pay grades, cost rules, links, the
    projects' ends and deadlines — stays as the portfolio has it.

    Parameters
    ----------
    portfolio : Portfolio
        The portfolio the flat plan came from.
    flat : Project
        Its flat plan after changes (from `flatten`, then `apply`).

    Returns
    -------
    Portfolio
        The portfolio with each project's changed tasks, links and progress.

    Raises
    ------
    ChangeError
        When the flat plan's contractual end moved: each project has its own end.

    Examples
    --------
    >>> import psp
    >>> pf = psp.load_portfolio("examples/digitale_modellregion.toml")
    >>> later = psp.apply(flatten(pf), psp.Delay("kita:laufzeit", by=0))
    >>> restore(pf, later) == pf
    True
    """
    draft = _merged(portfolio)  # the end and status date need no scheduling pass
    if flat.end != draft.end:
        raise ChangeError("a portfolio has one contractual end per project: change the "
                          "project's end in the file instead of extending the portfolio")
    bounds = {c.task: c.date for c in flat.constraints if c.is_start}
    given = _not_before(portfolio)
    projects = []
    for pid, project in zip(portfolio.keys, portfolio.projects, strict=True):
        mine = f"{pid}:"
        tasks = [attrs.evolve(t, duration=flat.task(mine + t.id).duration,
                              kind=flat.task(mine + t.id).kind) for t in project.tasks]
        own = [c for c in project.constraints
               if not c.is_start or bounds[mine + c.task] == given[mine + c.task]]
        moved = [Constraint(t.id, SNET, bounds[mine + t.id]) for t in project.tasks
                 if bounds[mine + t.id] != given[mine + t.id]]
        actuals = [attrs.evolve(a, task=a.task.removeprefix(mine))
                   for a in flat.actuals if a.task.startswith(mine)]
        idle = {t.removeprefix(mine) for t in flat.not_started if t.startswith(mine)}
        projects.append(attrs.evolve(
            project, tasks=tasks, constraints=[*own, *moved], actuals=actuals,
            not_started=idle, status=flat.status if flat.status != draft.status
            else project.status))
    return attrs.evolve(portfolio, projects=projects)


@attrs.frozen
class ProjectSummary:
    """One project within a portfolio's schedule: its finish, slack and critical path.

    Examples
    --------
    >>> import psp
    >>> s = schedule_portfolio(psp.load_portfolio("examples/digitale_modellregion.toml"))
    >>> egov = s.project("egov")
    >>> egov.finish, egov.slack, egov.critical_path
    (datetime.date(2022, 8, 31), 0, ('egov:laufzeit',))
    """

    id: str
    project: Project
    finish: dt.date
    slack: int | None
    critical_path: tuple[str, ...]
    _schedule: Schedule | None = attrs.field(default=None, eq=False, repr=False,
                                             alias="schedule")
    """The portfolio's flat schedule, which the chains are read from when asked for."""

    @property
    def critical_chains(self) -> tuple[tuple[str, ...], ...]:
        """The critical path as driving chains, worked out when asked for (`Schedule.chains`).

        Examples
        --------
        >>> import psp
        >>> s = schedule_portfolio(psp.load_portfolio("examples/digitale_modellregion.toml"))
        >>> s.project("egov").critical_path, s.project("egov").critical_chains
        (('egov:laufzeit',), (('egov:laufzeit',),))
        """
        return () if self._schedule is None else self._schedule.chains(self.critical_path)


def _chains(summary: ProjectSummary) -> str:
    """A project's critical chains: "→" within a chain, "; " between chains."""
    return "; ".join(" → ".join(chain) for chain in summary.critical_chains) or "—"


@attrs.frozen(repr=False)
class PortfolioSchedule:
    """A portfolio scheduled together: the flat `Schedule` and a summary per project.

    Index it by ``project:task``.

    Examples
    --------
    >>> import psp
    >>> pf = psp.load_portfolio("examples/digitale_modellregion.toml")
    >>> ps = schedule_portfolio(pf)
    >>> ps.project("kita").finish, ps.project("kita").slack
    (datetime.date(2021, 6, 30), 0)
    """

    portfolio: Portfolio
    schedule: Schedule
    summaries: tuple[ProjectSummary, ...]

    def project(self, project_id: str) -> ProjectSummary:
        """One project's summary (`UnknownIdError` when there is none)."""
        for summary in self.summaries:
            if summary.id == project_id:
                return summary
        self.portfolio.project(project_id)  # raises UnknownIdError
        raise AssertionError("unreachable")

    def __getitem__(self, qualified_id: str) -> TaskSchedule:
        return self.schedule[qualified_id]

    def __iter__(self) -> Iterator[TaskSchedule]:
        return iter(self.schedule)

    @lang_keyword
    def to_text(self, *, lang: Lang = "de") -> str:
        """A line per project (finish, end, slack, critical path), then the schedule."""
        lines = [self.portfolio.name, ""]
        for row in self._rows(lang):
            lines.append(phrase("portfolio.project", lang, project=row[0], finish=row[2],
                                end=row[3], slack=row[4], path=row[5]))
        return "\n".join([*lines, "", self.schedule.to_text(lang=lang)])

    def _rows(self, lang: Lang) -> list[list[str]]:
        return [[s.id, s.project.name, format_date(s.finish, lang=lang),
                 "—" if s.project.end is None else format_date(s.project.end, lang=lang),
                 "—" if s.slack is None else f"{s.slack:+d}", _chains(s)]
                for s in self.summaries]

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return (f"<PortfolioSchedule {shorten(self.portfolio.name, 40)!r}: "
                f"{len(self.summaries)} projects, {len(self.schedule)} tasks, "
                f"finish {self.schedule.finish.isoformat()}>")

    def _repr_html_(self) -> str:
        return html_table(list(HEADINGS["portfolio"]["de"]), self._rows("de"),
                          caption=self.portfolio.name) + self.schedule._repr_html_()


def schedule_portfolio(portfolio: Portfolio) -> PortfolioSchedule:
    """Schedule every project of a portfolio together, on one time axis.

    Parameters
    ----------
    portfolio : Portfolio
        The projects to schedule together.

    Returns
    -------
    PortfolioSchedule
        The flat schedule and a summary (finish, slack, critical path) per project.

    Examples
    --------
    >>> import psp
    >>> pf = psp.loads_portfolio(\'\'\'
    ... [[project]]
    ... id = "a"
    ... name = "A"
    ... start = "2021-01"
    ... [[project.task]]
    ... id = "1"
    ... duration = 3
    ... [[project]]
    ... id = "b"
    ... name = "B"
    ... start = "2021-02"
    ... [[project.task]]
    ... id = "1"
    ... duration = 2
    ... [[link]]
    ... from = "a:1"
    ... to = "b:1"
    ... \'\'\')
    >>> ps = schedule_portfolio(pf)
    >>> ps["b:1"].start, ps.project("b").finish
    (datetime.date(2021, 4, 1), datetime.date(2021, 5, 31))
    """
    with paused_collector():  # a hundred thousand new objects in no cycle
        return _schedule_portfolio(portfolio)


_ID = operator.attrgetter("id")


def _critical_paths(s: Schedule, within: _Within) -> list[tuple[str, ...]]:
    """Each project's critical path: its open tasks of least total float, in path order.

    Column by column: the tasks of least float in their own project are chosen in one
    pass, then ordered by project and by their place on the portfolio's critical path
    (the tasks off it last, in plan order).
    """
    tasks, finished, n = s.project.tasks, TaskProgress.FINISHED, len(s.project.tasks)
    place = [n] * n
    collections.deque(map(place.__setitem__, map(s._index.__getitem__, s.critical_path),
                          itertools.count()), maxlen=0)  # runs the calls, keeps nothing
    closed = max(s._total_float, default=0) + 1  # above every open task's float
    total: Sequence[int] = s._total_float
    if within.efforts or finished in s._progress:  # level of effort and done work: closed
        total = list(s._total_float)
        for i in itertools.chain(within.efforts, itertools.compress(
                itertools.count(), map(operator.is_, s._progress, itertools.repeat(finished)))):
            total[i] = closed
    sizes = [len(span) for span in within.spans]
    # a project with no open task has no least float: a bound no task has
    least = [m if (m := min(total[span.start:span.stop], default=closed)) < closed
             else closed + 1 for span in within.spans]
    project = within.project_column()
    chosen = sorted(itertools.compress(range(n), map(operator.eq, total, repeated(least, sizes))),
                    key=lambda i: project[i] * (n + 1) + place[i])
    ids = list(map(_ID, map(tasks.__getitem__, chosen)))
    counts = collections.Counter(map(project.__getitem__, chosen))
    ends = itertools.accumulate(counts.get(k, 0) for k in range(len(sizes)))
    return [tuple(ids[a:b]) for a, b in itertools.pairwise(itertools.chain((0,), ends))]


def _schedule_portfolio(portfolio: Portfolio) -> PortfolioSchedule:
    merged = _merged(portfolio)
    within = _Within.of(portfolio, merged)
    s = schedule_within(merged, within)
    summaries = []
    for pid, project, finish, end, path in zip(
            portfolio.keys, portfolio.projects, within.finishes, within.ends,
            _critical_paths(s, within), strict=True):
        offset = s.calendar.period_of(project.start)  # dated as the project alone would be
        summaries.append(ProjectSummary(pid, project,
                                        project.calendar.boundary_date(finish - offset),
                                        None if end is None else end - finish, path,
                                        schedule=s))
    return PortfolioSchedule(portfolio, s, tuple(summaries))
