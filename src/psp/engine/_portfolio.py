"""Scheduling a portfolio: all its projects on one time axis, links across projects allowed.

The portfolio is flattened into one plan whose ids are qualified by project
(``kita:1.1``, packages ``kita:AP1``). Every task of a project starts no earlier than
its project's start and has its project's contractual end as a *finish no later than*,
so late dates, float and slack stay per project while links may cross projects. The
engine then schedules the one plan in a single pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from psp._support.compat import lang_keyword
from psp._support.render import html_table, shorten
from psp._support.words import HEADINGS, phrase
from psp.calendars import Lang, format_date
from psp.engine._cpm import Schedule, TaskProgress, TaskSchedule, schedule
from psp.engine._network import portfolio_problems, with_constraints
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
    plain_link,
    plain_task,
)

__all__ = ["PortfolioSchedule", "ProjectSummary", "flatten", "restore", "schedule_portfolio"]

SNET = ConstraintKind.START_NO_EARLIER_THAN
FNLT = ConstraintKind.FINISH_NO_LATER_THAN


def flatten(portfolio: Portfolio) -> Project:
    """The portfolio as one plan with ``project:id`` ids (see the module's description).

    A level-of-effort task runs from its project's start to its project's end (its
    bounds); the plan's status date is the latest of the projects'. Each task's deadline
    is its own project's end, or without one its project's computed finish: flatten runs
    one provisional scheduling pass to find those finishes.

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
    return _with_deadlines(portfolio, _merged(portfolio))


@attrs.define
class _Parts:
    """The entries of a flat plan, gathered project by project."""

    packages: list[Package] = attrs.Factory(list)
    tasks: list[Task] = attrs.Factory(list)
    links: list[Link] = attrs.Factory(list)
    constraints: list[Constraint] = attrs.Factory(list)
    actuals: list[Actual] = attrs.Factory(list)
    idle: list[str] = attrs.Factory(list)
    events: list[Event] = attrs.Factory(list)


def _merged(portfolio: Portfolio) -> Project:
    """The projects as one plan with qualified ids, before any deadline is given."""
    found = portfolio_problems(portfolio)
    if found:
        raise ValidationError(found)
    parts = _Parts()
    for pid, project in zip(portfolio.keys, portfolio.projects, strict=True):
        _qualify(parts, pid, project)
    statuses = [p.status for p in portfolio.projects if p.status is not None]
    ends = [p.end for p in portfolio.projects if p.end is not None]
    return Project(portfolio.name, min(p.start for p in portfolio.projects),
                   end=max(ends) if ends else None, unit=portfolio.projects[0].unit,
                   packages=parts.packages, tasks=parts.tasks,
                   links=[*parts.links, *portfolio.links], constraints=parts.constraints,
                   status=max(statuses) if statuses else None, actuals=parts.actuals,
                   not_started=parts.idle, events=parts.events)


def _qualify(parts: _Parts, pid: str, project: Project) -> None:
    """One project's entries with ``pid:`` ids; each task starts no earlier than its project."""
    parts.packages.append(Package(pid, project.name))
    parts.packages += [Package(f"{pid}:{pkg.id}", f"{project.name} – {pkg.name}")
                       for pkg in project.packages]
    own = {(c.task, c.is_start): c for c in project.constraints}
    for task in project.tasks:
        qualified = f"{pid}:{task.id}"
        package = f"{pid}:{task.package}" if task.package else pid
        # checked once already: built without a second round of checks where it can be
        copy = None if task.is_level_of_effort else plain_task(
            qualified, task.name, package=package, owners=task.owners, duration=task.duration)
        parts.tasks.append(copy or attrs.evolve(task, id=qualified, package=package))
        snet = own.get((task.id, True))
        day = project.start if snet is None else max(snet.date, project.start)
        parts.constraints.append(plain_constraint(qualified, SNET, day)
                                 or Constraint(qualified, SNET, day))
        fnlt = own.get((task.id, False))
        if fnlt is not None:
            parts.constraints.append(attrs.evolve(fnlt, task=qualified))
    for lk in project.links:
        pred, succ = f"{pid}:{lk.predecessor}", f"{pid}:{lk.successor}"
        parts.links.append(plain_link(pred, succ, lk.type, lk.lag)
                           or attrs.evolve(lk, predecessor=pred, successor=succ))
    parts.actuals += [attrs.evolve(a, task=f"{pid}:{a.task}") for a in project.actuals]
    parts.idle += [f"{pid}:{task_id}" for task_id in project.not_started]
    parts.events += [attrs.evolve(
        e, id=f"{pid}:{e.id}", task=None if e.task is None else f"{pid}:{e.task}",
        package=pid if e.package is None and e.task is None else
        None if e.package is None else f"{pid}:{e.package}") for e in project.events]


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
    draft = _merged(portfolio)  # the end and not-before dates need no scheduling pass
    if flat.end != draft.end:
        raise ChangeError("a portfolio has one contractual end per project: change the "
                          "project's end in the file instead of extending the portfolio")
    bounds = {c.task: c.date for c in flat.constraints if c.is_start}
    given = {c.task: c.date for c in draft.constraints if c.is_start}
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


def _with_deadlines(portfolio: Portfolio, draft: Project) -> Project:
    """Give every task its own project's deadline, as if the project were scheduled alone.

    Early dates do not depend on deadlines, so one provisional pass finds each
    project's computed finish. A project's deadline is its contractual end, or without
    one its own finish; its level-of-effort tasks run to the later of end and finish.
    """
    provisional = schedule(draft)
    cal, index, tasks = draft.calendar, draft._index, draft.tasks
    finishes = provisional._finish_boundaries()
    extra: list[Constraint] = []
    own = {(c.task, c.is_start): c for c in draft.constraints}
    for pid, project in zip(portfolio.keys, portfolio.projects, strict=True):
        mine = [index[f"{pid}:{task.id}"] for task in project.tasks]
        finish = _finish(project, mine, provisional, finishes)
        end = None if project.end is None else cal.end_boundary(project.end)
        deadline = finish if end is None else end
        for i in mine:
            task_id = tasks[i].id
            bound = max(deadline, finish) if tasks[i].is_level_of_effort else deadline
            old = own.pop((task_id, False), None)
            if bound <= 0:  # nothing but instants at the very start: no date to give
                if old is not None:
                    extra.append(old)
                continue
            day = cal.last_day(bound - 1)
            if old is not None and old.date < day:
                day = old.date
            extra.append(plain_constraint(task_id, FNLT, day) or Constraint(task_id, FNLT, day))
    kept = [c for c in draft.constraints if c.is_start or (c.task, False) in own]
    return with_constraints(draft, [*kept, *extra])


def _finish(project: Project, mine: list[int], flat: Schedule, finishes: list[int]) -> int:
    """A project's finish boundary as if scheduled alone: its work's latest finish."""
    tasks = flat.project.tasks
    return max((finishes[i] for i in mine if not tasks[i].is_level_of_effort),
               default=flat.calendar.period_of(project.start))


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
    critical_chains: tuple[tuple[str, ...], ...] = ()


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
    flat = flatten(portfolio)
    s = schedule(flat)
    order = {task_id: n for n, task_id in enumerate(s.critical_path)}
    finishes = s._finish_boundaries()
    free, total, progress = list(s._free_float), s._total_float, s._progress
    tasks, index = flat.tasks, flat._index
    summaries = []
    for pid, project in zip(portfolio.keys, portfolio.projects, strict=True):
        mine = [index[f"{pid}:{task.id}"] for task in project.tasks]
        finish = _finish(project, mine, s, finishes)  # as alone
        open_tasks = [i for i in mine if not tasks[i].is_level_of_effort
                      and progress[i] is not TaskProgress.FINISHED]
        for i in open_tasks:  # free float counts against its own project's finish
            free[i] = min(free[i], finish - finishes[i])
        end = None if project.end is None else s.calendar.end_boundary(project.end)
        least = min((total[i] for i in open_tasks), default=0)
        path = tuple(tasks[i].id for i in open_tasks if total[i] == least)
        path = tuple(sorted(path, key=lambda i: order.get(i, len(order))))
        offset = s.calendar.period_of(project.start)  # dated as the project alone would be
        summaries.append(ProjectSummary(pid, project,
                                        project.calendar.boundary_date(finish - offset),
                                        None if end is None else end - finish, path,
                                        s.chains(path)))
    s = attrs.evolve(s, free_float=tuple(free))
    return PortfolioSchedule(portfolio, s, tuple(summaries))
