"""The methods psp 0.1 had on its model and result classes, kept for one release.

They made the model import the engine, replanning and the exporters, which sit above it.
psp 0.2 spells each as a plain function (``psp.schedule(plan)``, ``psp.apply(plan,
psp.Delay(...))``, ``psp.gantt(schedule)``); the old methods are attached here, above
every layer they reach, and warn with the new spelling. They go in psp 0.3.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from typing import Any

from psp.calendars import Lang, Month
from psp.engine import PackageSchedule, PortfolioSchedule, Schedule, TaskSchedule, schedule
from psp.model import Link, LinkType, Project
from psp.replanning import (
    AddLink,
    Delay,
    Extend,
    Progress,
    RemoveLink,
    Replan,
    SetDuration,
    apply,
)

__all__: list[str] = []


def _plan_schedule(self: Project) -> Schedule:
    return schedule(self)


def _delay(self: Project, target: str, *, until: dt.date | Month | str | None = None,
           by: int | None = None) -> Project:
    return apply(self, Delay(target, until=until, by=by))


def _extend(self: Project, *, to: dt.date | Month | str) -> Project:
    return apply(self, Extend(to))


def _with_duration(self: Project, task_id: str, duration: int) -> Project:
    return apply(self, SetDuration(task_id, duration))


def _with_link(self: Project, predecessor: str, successor: str,
               type: LinkType | str = LinkType.FS, *, lag: int = 0) -> Project:
    return apply(self, AddLink(Link(predecessor, successor, type, lag=lag)))


def _without_link(self: Project, predecessor: str, successor: str,
                  type: LinkType | str | None = None) -> Project:
    kind = None if type is None else LinkType(str(type).upper())
    return apply(self, RemoveLink(predecessor, successor, kind))


def _with_progress(self: Project, *, status: dt.date | Month | str,
                   actual: dict[str, Any] | None = None) -> Project:
    given = actual or {}
    return apply(self, Progress(status, actual={k: v for k, v in given.items() if v is not None},
                                not_started=[k for k, v in given.items() if v is None]))


def _gantt(self: Schedule | Replan | PortfolioSchedule, **options: Any) -> Any:
    from psp.export import gantt

    target = self.schedule if isinstance(self, PortfolioSchedule) else self
    return gantt(target, **options)


def _critical_path_table(self: Schedule, lang: Lang = "de") -> Any:
    from psp.export import critical_path_table

    return critical_path_table(self, lang=lang)


def _amendment_table(self: Replan, *, format: str = "markdown", lang: Lang = "de") -> str:
    from psp.export import amendment_table

    return amendment_table(self, format=format, lang=lang)


_SHIMS: dict[type, dict[str, tuple[Callable[..., Any], str]]] = {
    Project: {
        "schedule": (_plan_schedule, "psp.schedule(plan)"),
        "delay": (_delay, "psp.apply(plan, psp.Delay(target, until=…, by=…))"),
        "extend": (_extend, "psp.apply(plan, psp.Extend(to))"),
        "with_duration": (_with_duration, "psp.apply(plan, psp.SetDuration(task, duration))"),
        "with_link": (_with_link, "psp.apply(plan, psp.AddLink(psp.Link(…)))"),
        "without_link": (_without_link, "psp.apply(plan, psp.RemoveLink(…))"),
        "with_progress": (_with_progress, "psp.apply(plan, psp.Progress(status, …))"),
    },
    Schedule: {
        "gantt": (_gantt, "psp.gantt(schedule)"),
        "critical_path_table": (_critical_path_table,
                                "psp.export.critical_path_table(schedule)"),
    },
    Replan: {
        "gantt": (_gantt, "psp.gantt(replan)"),
        "amendment_table": (_amendment_table, "psp.export.amendment_table(replan)"),
    },
    PortfolioSchedule: {"gantt": (_gantt, "psp.gantt(portfolio_schedule.schedule)")},
}


def _task_alias(new: str) -> Callable[[TaskSchedule], Any]:
    return lambda self: getattr(self, new)


def _array(new: str) -> Callable[[Schedule], Any]:
    return lambda self: tuple(getattr(t, new) for t in self)


_RENAMED: dict[type, dict[str, str]] = {
    TaskSchedule: {"early_start": "start_period", "early_finish": "finish_period",
                   "late_start_date": "late_start", "late_finish_date": "late_finish"},
    PackageSchedule: {"early_start": "start_period", "early_finish": "finish_period"},
}
_ARRAYS = {"early_start": "start_period", "early_finish": "finish_period",
           "late_start": "late_start_period", "late_finish": "late_finish_period",
           "total_float": "total_float", "free_float": "free_float", "critical": "critical",
           "progress": "progress"}


def _attach_property(cls: type, name: str, getter: Callable[[Any], Any], new: str) -> None:
    def get(self: Any) -> Any:
        warnings.warn(f"{cls.__name__}.{name} is deprecated and goes in psp 0.3; use {new}",
                      DeprecationWarning, stacklevel=2)
        return getter(self)

    get.__doc__ = f"Deprecated since psp 0.2 (removed in 0.3): use ``{new}``."
    setattr(cls, name, property(get))


def _attach(cls: type, name: str, method: Callable[..., Any], new: str) -> None:
    def shim(self: Any, *args: Any, **kwargs: Any) -> Any:
        warnings.warn(f"{cls.__name__}.{name}() is deprecated and goes in psp 0.3; use {new}",
                      DeprecationWarning, stacklevel=2)
        return method(self, *args, **kwargs)

    shim.__name__, shim.__qualname__ = name, f"{cls.__name__}.{name}"
    shim.__doc__ = f"Deprecated since psp 0.2 (removed in 0.3): use ``{new}``."
    setattr(cls, name, shim)


for _cls, _methods in _SHIMS.items():
    for _name, (_method, _new) in _methods.items():
        _attach(_cls, _name, _method, _new)
for _cls, _names in _RENAMED.items():
    for _old, _new in _names.items():
        _attach_property(_cls, _old, _task_alias(_new), _new)
for _old, _new in _ARRAYS.items():  # the engine's arrays, now private
    _attach_property(Schedule, _old, _array(_new), f"[t.{_new} for t in schedule]")
