"""Replanning: changes as values, applied to a plan without touching it, and the `Replan`.

A change is a small frozen value (`Delay`, `Extend`, `SetDuration`, `AddLink`,
`RemoveLink`, `Progress`) that can be stored, shown and replayed. `apply` returns a
new, validated plan; `replan` applies a list of changes one after the other and
compares the schedules before and after: what moved, by how much, and why.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from psp._support.compat import lang_keyword
from psp._support.render import html_table, shorten, text_table
from psp._support.words import HEADINGS, periods, phrase
from psp.calendars import Lang, Month, Unit, format_date, parse_date
from psp.engine._cpm import Bound, Schedule, TaskProgress, TaskSchedule, schedule
from psp.engine._network import validate, with_constraints
from psp.errors import ChangeError, DateParseError, FieldError, UnknownIdError
from psp.model import (
    Actual,
    Constraint,
    ConstraintKind,
    Link,
    LinkType,
    Project,
    TaskKind,
)

__all__ = [
    "AddLink",
    "Cause",
    "CauseKind",
    "Change",
    "Delay",
    "Extend",
    "Moved",
    "Progress",
    "RemoveLink",
    "Replan",
    "SetDuration",
    "TaskShift",
    "apply",
    "replan",
]

DateLike = dt.date | Month | str


def _day(value: object, *, edge: str, field: str, owner: str) -> dt.date:
    if isinstance(value, Month):
        return value.first_day if edge == "start" else value.last_day
    if isinstance(value, str | dt.date):
        return parse_date(value, edge="start" if edge == "start" else "end")
    raise FieldError(owner, field, "a date, a psp.Month or a text like 2021-06", value)


def _when(plan: Project, day: dt.date, lang: Lang) -> str:
    """A date as a plan shows it: ``Jun'21`` in a plan of months, else the date."""
    if plan.unit is Unit.MONTH:
        return Month.from_date(day).label(lang=lang)
    return format_date(day, lang=lang)


# --- the changes ---------------------------------------------------------------------------


def _until(value: object) -> dt.date | None:
    return None if value is None else _day(value, edge="start", field="until", owner="Delay")


@attrs.frozen
class Delay:
    """A task, or every task of a package, starts no earlier than ``until`` or ``by`` later.

    ``until`` adds a *start no earlier than* constraint (a later existing one stays);
    ``by=N`` asks for a start N periods after the task's current early start.

    Examples
    --------
    >>> Delay("3.1", until=Month(2021, 6))
    Delay(target='3.1', until=datetime.date(2021, 6, 1), by=None)
    >>> Delay.from_string("AP3=+2")
    Delay(target='AP3', until=None, by=2)
    """

    target: str
    until: dt.date | None = attrs.field(default=None, converter=_until, kw_only=True)
    by: int | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if (self.until is None) == (self.by is None):
            raise FieldError("Delay", "until/by", "exactly one of until= and by=",
                             (self.until, self.by))
        if self.by is not None and (isinstance(self.by, bool) or not isinstance(self.by, int)
                                    or self.by < 0):
            raise FieldError("Delay", "by", "a whole number of periods ≥ 0", self.by)

    @classmethod
    def from_string(cls, text: str) -> Delay:
        """Read ``ID=MONTH`` (until) or ``ID=+N`` (by N periods), as the CLI takes them.

        Examples
        --------
        >>> Delay.from_string("3.1=2021-06").until
        datetime.date(2021, 6, 1)
        """
        target, sep, value = text.partition("=")
        if not sep or not target.strip() or not value.strip():
            raise DateParseError(text, "ID=MONTH (3.1=2021-06) or ID=+N (AP3=+2)")
        value = value.strip()
        if re.fullmatch(r"\+\d+", value):
            return cls(target.strip(), by=int(value[1:]))
        return cls(target.strip(), until=parse_date(value))

    @lang_keyword
    def describe(self, plan: Project, *, lang: Lang = "de") -> str:
        """The change in words."""
        if self.until is not None:
            when = _when(plan, self.until, lang)
            return phrase("change.delay.until", lang, task=self.target, when=when)
        span = periods(self.by or 0, plan.unit, lang)
        return phrase("change.delay.by", lang, task=self.target, span=span)


def _to(value: object) -> dt.date:
    return _day(value, edge="end", field="to", owner="Extend")


@attrs.frozen
class Extend:
    """A new contractual end (later or earlier; an earlier end simply yields less slack).

    Examples
    --------
    >>> Extend(to="31.12.2021")
    Extend(to=datetime.date(2021, 12, 31))
    """

    to: dt.date = attrs.field(converter=_to)

    @lang_keyword
    def describe(self, plan: Project, *, lang: Lang = "de") -> str:
        """The change in words."""
        old = "—" if plan.end is None else format_date(plan.end, lang=lang)
        new = format_date(self.to, lang=lang)
        return phrase("change.extend", lang, old=old, new=new)


@attrs.frozen
class SetDuration:
    """A task's new duration in periods (0 makes it a milestone).

    Examples
    --------
    >>> SetDuration("3.1", 5)
    SetDuration(task='3.1', duration=5)
    """

    task: str
    duration: int

    @lang_keyword
    def describe(self, plan: Project, *, lang: Lang = "de") -> str:
        """The change in words."""
        span = periods(self.duration, plan.unit, lang)
        return phrase("change.duration", lang, task=self.task, span=span)


@attrs.frozen
class AddLink:
    """A new link between two tasks.

    Examples
    --------
    >>> AddLink(Link("2.4", "3.2"))
    AddLink(link=Link(predecessor='2.4', successor='3.2', type=<LinkType.FS: 'FS'>, lag=0))
    """

    link: Link

    @lang_keyword
    def describe(self, plan: Project, *, lang: Lang = "de") -> str:
        """The change in words."""
        lk = self.link
        lag = f" {lk.lag:+d}" if lk.lag else ""
        link = f"{lk.predecessor} → {lk.successor} ({lk.type.value}{lag})"
        return phrase("change.add_link", lang, link=link)


@attrs.frozen
class RemoveLink:
    """Remove the links from one task to another (of one type, or all types).

    Examples
    --------
    >>> RemoveLink("2.4", "3.1")
    RemoveLink(predecessor='2.4', successor='3.1', type=None)
    """

    predecessor: str
    successor: str
    type: LinkType | None = None

    @lang_keyword
    def describe(self, plan: Project, *, lang: Lang = "de") -> str:
        """The change in words."""
        kind = "" if self.type is None else f" ({self.type.value})"
        return phrase("change.remove_link", lang,
                      link=f"{self.predecessor} → {self.successor}{kind}")


def _actual_tuple(value: Iterable[Actual] | Mapping[str, tuple[Any, Any]]) -> tuple[Actual, ...]:
    if not isinstance(value, Mapping):
        return tuple(value)
    found = []
    for task_id, dates in value.items():
        if not isinstance(dates, tuple | list) or len(dates) != 2:
            raise FieldError("Progress", f"actual.{task_id}", "(start, finish or None)", dates)
        start, finish = dates
        found.append(Actual(task_id,
                            _day(start, edge="start", field="actual", owner="Progress"),
                            None if finish is None else
                            _day(finish, edge="end", field="actual", owner="Progress")))
    return tuple(found)


def _id_set(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _status(value: object) -> dt.date:
    return _day(value, edge="start", field="status", owner="Progress")


@attrs.frozen
class Progress:
    """A status date and what really happened by then.

    ``actual`` gives tasks' actual dates, as `Actual` values or as a mapping
    ``{task: (start, finish or None)}``; ``not_started`` names tasks that have not
    begun. Every other task counts as done as planned when its planned finish lies on
    or before the status date, and as started as planned when its planned start does.

    Examples
    --------
    >>> Progress("2021-03-29", not_started=["3.1"]).status
    datetime.date(2021, 3, 29)
    >>> Progress("2021-04-15", actual={"3.1": ("2021-03", None)}).actual
    (Actual(task='3.1', start=datetime.date(2021, 3, 1), finish=None),)
    """

    status: dt.date = attrs.field(converter=_status)
    actual: tuple[Actual, ...] = attrs.field(default=(), converter=_actual_tuple, kw_only=True)
    not_started: frozenset[str] = attrs.field(default=frozenset(), converter=_id_set,
                                              kw_only=True)

    @lang_keyword
    def describe(self, plan: Project, *, lang: Lang = "de") -> str:
        """The change in words."""
        day = format_date(self.status, lang=lang)
        text = phrase("change.status", lang, date=day)
        if self.not_started:
            text += phrase("change.not_started", lang, tasks=", ".join(sorted(self.not_started)))
        return text


Change = Delay | Extend | SetDuration | AddLink | RemoveLink | Progress


# --- applying changes ----------------------------------------------------------------------


def _targets(plan: Project, target: str) -> list[str]:
    if target in plan:
        return [target]
    if any(p.id == target for p in plan.packages):
        return [t.id for t in plan.tasks_in(target) if not t.is_level_of_effort]
    known = [t.id for t in plan.tasks] + [p.id for p in plan.packages]
    raise UnknownIdError("task or package", target, known)


def _delay(plan: Project, change: Delay) -> Project:
    ids = _targets(plan, change.target)
    started = {a.task for a in plan.actuals}
    for task_id in ids:
        if plan.task(task_id).is_level_of_effort:
            raise ChangeError(f"{task_id} is level of effort: it spans the project and "
                              "cannot be delayed")
        if task_id in started:
            raise ChangeError(f"{task_id} has already started: record its actual dates "
                              "instead of delaying it")
    cal = plan.calendar
    if change.until is not None:
        if change.until < plan.start:
            raise ChangeError(f"cannot delay {change.target} until {format_date(change.until)}:"
                              f" that lies before the project start {format_date(plan.start)}")
        cal.start_period(change.until, what="a delay's date")  # on a period boundary
        wanted = dict.fromkeys(ids, change.until)
    else:  # N periods later on the same side: a milestone at a period's end stays there
        now = schedule(plan)  # the plan keeps it: a replan from the baseline reuses it
        wanted = {}
        for task_id in ids:
            ts = now[task_id]
            wanted[task_id] = cal.instant(ts.start_period + (change.by or 0),
                                          at_end=ts.at_period_end and ts.task.duration == 0)
    earlier = {c.task: c.date for c in plan.constraints if c.is_start}
    constraints = [c for c in plan.constraints if not (c.is_start and c.task in wanted)]
    for task_id, day in wanted.items():
        # a delay never pulls a start forward
        bound = max(day, earlier[task_id]) if task_id in earlier else day
        constraints.append(Constraint(task_id, ConstraintKind.START_NO_EARLIER_THAN, bound))
    return with_constraints(plan, constraints)  # tasks and links unchanged: not checked again


def _set_duration(plan: Project, change: SetDuration) -> Project:
    task = plan.task(change.task)
    if task.is_level_of_effort:
        raise ChangeError(f"{task.id} is level of effort: it has no duration of its own")
    kind = TaskKind.MILESTONE if change.duration == 0 else TaskKind.WORK
    new = attrs.evolve(task, duration=change.duration, kind=kind)
    return attrs.evolve(plan, tasks=[new if t.id == task.id else t for t in plan.tasks])


def _remove_link(plan: Project, change: RemoveLink) -> Project:
    def matches(link: Link) -> bool:
        return (link.predecessor == change.predecessor and link.successor == change.successor
                and (change.type is None or link.type == change.type))

    kept = [link for link in plan.links if not matches(link)]
    if len(kept) == len(plan.links):
        kind = "" if change.type is None else f" of type {change.type.value}"
        raise ChangeError(f"there is no link{kind} from {change.predecessor} to "
                          f"{change.successor}")
    return attrs.evolve(plan, links=kept)


def _progress(plan: Project, change: Progress) -> Project:
    """The reported progress, merged: what is given wins; the rest the engine assumes."""
    given = {a.task: a for a in change.actual}
    for task_id in [*given, *change.not_started]:
        plan.task(task_id)  # an unknown id is an error here, not later
    if change.status < plan.start:
        raise ChangeError(f"the status date {format_date(change.status)} lies before the "
                          f"project start {format_date(plan.start)}")
    idle = (plan.not_started - set(given)) | change.not_started
    actuals = {a.task: a for a in plan.actuals} | given
    kept = [a for t in plan.tasks if (a := actuals.get(t.id)) is not None and t.id not in idle]
    return attrs.evolve(plan, status=change.status, actuals=kept, not_started=idle)


def apply(plan: Project, *changes: Change) -> Project:
    """The plan with changes applied one after the other; ``plan`` itself is never modified.

    Parameters
    ----------
    plan : Project
        The plan to change.
    *changes : Change
        `Delay`, `Extend`, `SetDuration`, `AddLink`, `RemoveLink` or `Progress` values,
        applied in the order given.

    Returns
    -------
    Project
        A new, validated plan.

    Raises
    ------
    UnknownIdError
        For a task or package the plan lacks.
    ChangeError
        For a change that cannot apply (a delay before the project start, a link
        that is not there, a delay of a task that has started …).
    ValidationError
        When the changed plan is not valid (a new link that closes a cycle, an actual
        finish before its start …); every problem is listed.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> later = apply(plan, Delay("3.1", until=Month(2021, 6)))
    >>> psp.schedule(later)["3.1"].start, psp.schedule(plan)["3.1"].start
    (datetime.date(2021, 6, 1), datetime.date(2021, 3, 1))
    >>> psp.schedule(apply(plan, Delay("AP3", until="2021-06"), Extend(to="31.12.2021"))).slack
    1
    """
    for change in changes:
        plan = _apply_one(plan, change)
    return plan


def _apply_one(plan: Project, change: Change) -> Project:
    if isinstance(change, Delay):
        new = _delay(plan, change)
    elif isinstance(change, Extend):
        if change.to < plan.start:
            raise ChangeError(f"the new end {format_date(change.to)} lies before the project "
                              f"start {format_date(plan.start)}")
        new = attrs.evolve(plan, end=change.to)
    elif isinstance(change, SetDuration):
        new = _set_duration(plan, change)
    elif isinstance(change, AddLink):
        new = attrs.evolve(plan, links=[*plan.links, change.link])
    elif isinstance(change, RemoveLink):
        new = _remove_link(plan, change)
    elif isinstance(change, Progress):
        new = _progress(plan, change)
    else:
        raise TypeError(f"not a psp change: {change!r}")
    return validate(new)


# --- the result ----------------------------------------------------------------------------


class CauseKind(enum.StrEnum):
    """What made a task move in a replan."""

    LINK = "link"
    """A link from a predecessor (`Cause.link`)."""
    NOT_BEFORE = "not_before"
    """The task's *start no earlier than* date (`Cause.date`)."""
    STATUS = "status"
    """No unfinished work before the status date (`Cause.date`)."""
    ACTUAL = "actual"
    """Actual dates were reported."""
    PROJECT_START = "project_start"
    """The project start."""
    DURATION = "duration"
    """Its planned duration changed (`Cause.durations`: before, after)."""
    LEVEL_OF_EFFORT = "level_of_effort"
    """It spans the project, and the project's finish moved."""


@attrs.frozen
class Cause:
    """Why a task moved: the kind, and the link, date or durations behind it.

    Prose is made from it where it is printed (`describe`); nothing reads prose back.

    Examples
    --------
    >>> import psp
    >>> r = psp.replan(psp.load("examples/digitale_werkstatt.toml"), [Delay("3.1", by=1)])
    >>> cause = r.shift("4.5").cause
    >>> cause.kind, cause.link.predecessor, cause.link.type
    (<CauseKind.LINK: 'link'>, '3.1', <LinkType.FS: 'FS'>)
    >>> cause.describe(Unit.MONTH, lang="en")
    'after 3.1 finishes (FS)'
    """

    kind: CauseKind
    link: Link | None = None
    date: dt.date | None = None
    durations: tuple[int, int] | None = None

    @lang_keyword
    def describe(self, unit: Unit, *, lang: Lang = "de") -> str:
        """The cause in words, dates as a plan of ``unit`` prints them."""
        if self.kind is CauseKind.LINK:
            assert self.link is not None
            lag = f" {self.link.lag:+d}" if self.link.lag else ""
            words = phrase(f"cause.link.{self.link.type.value}", lang,
                           task=self.link.predecessor)
            return f"{words} ({self.link.type.value}{lag})"
        if self.kind is CauseKind.NOT_BEFORE:
            assert self.date is not None
            text = f"{self.date:%m/%Y}" if unit is Unit.MONTH else format_date(self.date, lang=lang)
            return phrase("cause.not_before", lang, date=text)
        if self.kind is CauseKind.STATUS:
            assert self.date is not None
            return phrase("cause.status", lang, date=format_date(self.date, lang=lang))
        if self.kind is CauseKind.DURATION:
            assert self.durations is not None
            old, new = self.durations
            return phrase("cause.duration", lang, old=old, new=new)
        return phrase(f"cause.{self.kind.value}", lang)


class Moved(enum.StrEnum):
    """Which of a task's dates a `TaskShift` explains."""

    START = "start"
    FINISH = "finish"
    RUN = "run"
    """A level-of-effort task's run, which ends with the project."""


@attrs.frozen(repr=False)
class TaskShift:
    """How far one task moved, in periods, and why (the driver of its new start).

    ``cause`` is `None` for a task that did not move; ``reason`` and ``explanation``
    are the prose, in the language the shift was asked for.

    Examples
    --------
    >>> import psp
    >>> r = psp.replan(psp.load("examples/digitale_werkstatt.toml"), [Delay("3.1", by=1)])
    >>> shift = r.shift("4.5", lang="en")
    >>> shift.start_shift, shift.moved, shift.date
    (1, <Moved.START: 'start'>, datetime.date(2021, 8, 1))
    >>> shift.reason
    "4.5 starts Aug'21: after 3.1 finishes (FS)"
    """

    id: str
    start_shift: int
    finish_shift: int
    cause: Cause | None = None
    moved: Moved | None = None
    date: dt.date | None = None
    unit: Unit = attrs.field(default=Unit.MONTH, repr=False)
    lang: Lang = attrs.field(default="de", repr=False)

    def __repr__(self) -> str:
        why = f": {self.reason}" if self.cause is not None else ""
        return f"<TaskShift {self.id} {self.start_shift:+d}/{self.finish_shift:+d}{why}>"

    @property
    def explanation(self) -> str:
        """The cause in words (``after 3.1 finishes (FS)``), empty when nothing moved."""
        return "" if self.cause is None else self.cause.describe(self.unit, lang=self.lang)

    @property
    def reason(self) -> str:
        """What moved, when to, and why: ``4.5 starts Aug'21: after 3.1 finishes (FS)``."""
        if self.cause is None or self.moved is None or self.date is None:
            return ""
        when = (Month.from_date(self.date).label(lang=self.lang) if self.unit is Unit.MONTH
                else format_date(self.date, lang=self.lang))
        what = phrase(f"moved.{self.moved.value}", self.lang, task=self.id, when=when)
        return f"{what}: {self.explanation}"


_BOUND_CAUSES = {Bound.START: CauseKind.PROJECT_START, Bound.NOT_BEFORE: CauseKind.NOT_BEFORE,
                 Bound.STATUS: CauseKind.STATUS, Bound.ACTUAL: CauseKind.ACTUAL}


def _cause(not_before: dict[str, dt.date], plan: Project, before: TaskSchedule,
           after: TaskSchedule) -> tuple[Cause, Moved, dt.date] | None:
    """Why ``after`` differs from ``before``, which date moved, and where to."""
    if after.task.is_level_of_effort and after.finish_period != before.finish_period:
        return Cause(CauseKind.LEVEL_OF_EFFORT), Moved.RUN, after.finish
    if after.start_period == before.start_period:
        if after.finish_period == before.finish_period:
            return None
        if after.progress != TaskProgress.PLANNED:
            return Cause(CauseKind.ACTUAL), Moved.FINISH, after.finish
        return (Cause(CauseKind.DURATION, durations=(before.duration, after.duration)),
                Moved.FINISH, after.finish)
    driver = after.driver
    if isinstance(driver, Link):
        return Cause(CauseKind.LINK, link=driver), Moved.START, after.start
    kind = _BOUND_CAUSES[driver]
    date = None
    if kind is CauseKind.NOT_BEFORE:
        date = not_before[after.id]
    elif kind is CauseKind.STATUS:
        date = plan.status or plan.start
    return Cause(kind, date=date), Moved.START, after.start


@attrs.frozen(repr=False)
class Replan:
    """A baseline and a replanned plan, their schedules, and what moved and why.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> r = replan(plan, [Delay("3.1", until="2021-06"), Extend(to="31.12.2021")])
    >>> r.before.slack, r.after.slack
    (0, 1)
    >>> shift = r.shift("4.4", lang="en")
    >>> shift.start_shift, shift.finish_shift, shift.reason
    (3, 3, "4.4 starts Oct'21: after 3.1 finishes (FS)")
    """

    baseline: Project
    plan: Project
    changes: tuple[Change, ...]
    before: Schedule
    after: Schedule
    # The plan each change was applied to (derivable, so not part of equality).
    stages: tuple[Project, ...] = attrs.field(
        default=attrs.Factory(lambda self: _stages(self.baseline, self.changes)[0],
                              takes_self=True),
        eq=False, repr=False, kw_only=True)

    _not_before: dict[str, dt.date] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # the not-before date behind each start it sets, looked up once per task
        object.__setattr__(self, "_not_before", {c.task: c.date for c in self.plan.constraints
                                                 if c.is_start})

    @lang_keyword
    def shift(self, task_id: str, *, lang: Lang = "de") -> TaskShift:
        """How far one task moved and why (`UnknownIdError` for an unknown id)."""
        return self._shift(self.before[task_id], self.after[task_id], lang)

    def _shift(self, old: TaskSchedule, new: TaskSchedule, lang: Lang) -> TaskShift:
        found = _cause(self._not_before, self.plan, old, new)
        cause, moved, date = (None, None, None) if found is None else found
        return TaskShift(new.id, new.start_period - old.start_period,
                         new.finish_period - old.finish_period, cause, moved, date,
                         self.plan.unit, lang)

    @lang_keyword
    def shifts(self, *, lang: Lang = "de", moved_only: bool = False) -> list[TaskShift]:
        """Every task's shift in plan order (only those that moved, if asked)."""
        return [shift for shift, _old, _new in self._shifts(lang, moved_only=moved_only)]

    def _shifts(self, lang: Lang, *,
                moved_only: bool) -> list[tuple[TaskShift, TaskSchedule, TaskSchedule]]:
        """The shifts with the two task schedules behind each: each built once per task.

        Which tasks moved is read off the two schedules' periods first, so a replan in
        which few tasks move builds few objects however large the plan.
        """
        before, after = self.before, self.after
        old_start, old_finish = before.start_periods, before.finish_periods
        new_start, new_finish = after.start_periods, after.finish_periods
        where = before.positions
        found = []
        for i, task in enumerate(self.plan.tasks):
            j = where.get(task.id)
            if j is None:
                continue
            if moved_only and (old_start[j] == new_start[i] and old_finish[j] == new_finish[i]):
                continue
            old, new = before.at(j), after.at(i)
            found.append((self._shift(old, new, lang), old, new))
        return found

    @property
    def late_tasks(self) -> tuple[str, ...]:
        """Tasks that finish after the (new) contractual end."""
        end = self.after.end
        if end is None:
            return ()
        return tuple(t.id for t in self.after
                     if not t.task.is_level_of_effort and t.finish > end)

    @property
    def durations_unchanged(self) -> bool:
        """True when no task's planned duration changed (what a cost-neutral extension needs)."""
        old = {t.id: t.duration for t in self.baseline.tasks}
        return all(old.get(t.id) == t.duration for t in self.plan.tasks)

    @lang_keyword
    def verdict(self, *, lang: Lang = "de") -> str:
        """Whether the contractual end holds, in words, before and after."""
        return f"{_verdict(self.before, lang)} → {_verdict(self.after, lang)}"

    @lang_keyword
    def describe_changes(self, *, lang: Lang = "de") -> list[str]:
        """Each change in words, each against the plan it was applied to."""
        return [change.describe(plan, lang=lang)
                for change, plan in zip(self.changes, self.stages, strict=True)]

    @lang_keyword
    def to_text(self, *, lang: Lang = "de") -> str:
        """The replan for a terminal: changes, verdict, and every task that moved."""
        head = phrase("replan.changes", lang, changes="; ".join(self.describe_changes(lang=lang)))
        heads, rows = self._rows(lang)
        table = text_table(heads, rows, align="<<<>>" + "<") if rows else (
            phrase("replan.nothing_moves", lang))
        lines = [self.plan.name, head, self.verdict(lang=lang)]
        if self.late_tasks:
            lines.append(phrase("replan.late", lang, tasks=", ".join(self.late_tasks)))
        return "\n".join([*lines, "", table])

    def _rows(self, lang: Lang) -> tuple[list[str], list[list[str]]]:
        heads = list(HEADINGS["replan"][lang])
        rows = []
        for s, old, new in self._shifts(lang, moved_only=True):
            rows.append([s.id, _span(self.baseline, old, lang), _span(self.plan, new, lang),
                         f"{s.start_shift:+d}", f"{s.finish_shift:+d}", s.explanation])
        return heads, rows

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        moved = len(self.shifts(moved_only=True))
        return (f"<Replan {shorten(self.plan.name, 40)!r}: {len(self.changes)} changes, "
                f"finish {self.before.finish.isoformat()} → {self.after.finish.isoformat()}, "
                f"{moved} tasks moved>")

    def _repr_html_(self) -> str:
        heads, rows = self._rows("de")
        changes = "; ".join(self.describe_changes(lang="de"))
        return (f"<div class='psp-replan'><p><b>{html.escape(self.plan.name)}</b><br>"
                f"{html.escape(changes)}<br>{html.escape(self.verdict(lang='de'))}</p>"
                f"{html_table(heads, rows)}</div>")


def _span(plan: Project, ts: TaskSchedule, lang: Lang) -> str:
    first, last = _when(plan, ts.start, lang), _when(plan, ts.finish, lang)
    return first if first == last else f"{first}–{last}"


def _verdict(s: Schedule, lang: Lang) -> str:
    finish = format_date(s.finish, lang=lang)
    if s.end is None or s.slack is None:
        return phrase("verdict.no_end", lang, finish=finish)
    end = format_date(s.end, lang=lang)
    if s.slack == 0:
        return phrase("verdict.exact", lang, end=end)
    if s.slack < 0:
        span = periods(abs(s.slack), s.project.unit, lang)
        return phrase("verdict.missed", lang, end=end, span=span, finish=finish)
    span = periods(s.slack, s.project.unit, lang, case="dative")
    return phrase("verdict.slack", lang, end=end, span=span, finish=finish)


def replan(plan: Project, changes: Iterable[Change]) -> Replan:
    """Apply changes one after the other and compare the schedules before and after.

    Parameters
    ----------
    plan : Project
        The baseline; it is never modified.
    changes : iterable of Change
        Applied one after the other.

    Returns
    -------
    Replan
        Both plans and schedules, each task's shift and its cause, the end-date verdict.

    Raises
    ------
    UnknownIdError, ChangeError, ValidationError
        As `apply`; the baseline is never modified.

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> r = replan(plan, [Delay("3.1", until="2021-06")])
    >>> for part in r.verdict(lang="en").split(" → "):
    ...     print(part)
    contractual end 2021-08-31 met exactly
    contractual end 2021-08-31 missed by 3 months (computed finish 2021-11-30)
    >>> r.late_tasks
    ('3.1', '3.2', '3.3', '4.2', '4.4', '4.5')
    """
    steps = tuple(changes)
    # held while the changes apply: the plan remembers its schedule only while it is in
    # use, and a delay by some periods starts from it
    before = schedule(plan)
    stages, new = _stages(plan, steps)
    return Replan(plan, new, steps, before, schedule(new), stages=stages)


def _stages(plan: Project, changes: tuple[Change, ...]) -> tuple[tuple[Project, ...], Project]:
    """Each plan a change was applied to, and the plan after the last one."""
    stages = []
    for change in changes:
        stages.append(plan)
        plan = apply(plan, change)
    return tuple(stages), plan
