"""The engine: validation of a whole plan, the critical path method, portfolio scheduling.

`validate` and `problems` check a plan and build its network (a topological order and
the links as index arrays); `schedule` runs the forward and backward passes over it and
returns a `Schedule`; `flatten` and `schedule_portfolio` put a portfolio's projects on one
time axis.

Examples
--------
>>> from psp.engine import schedule
>>> from psp.model import Link, Project, Task
>>> plan = Project("Demo", "2020-09", tasks=[Task("a", duration=2), Task("b", duration=1)],
...                links=[Link("a", "b")])
>>> schedule(plan).finish
datetime.date(2020, 11, 30)
"""

from typing import TYPE_CHECKING

from psp._support.lazy import on_first_use
from psp.engine._cpm import (
    Bound,
    MissedDeadline,
    PackageSchedule,
    Schedule,
    TaskProgress,
    TaskSchedule,
    schedule,
)
from psp.engine._network import problems, validate, with_constraints

if TYPE_CHECKING:
    from psp.engine._events import EventWarning, Outside, event_warnings, task_span
    from psp.engine._portfolio import (
        PortfolioSchedule,
        ProjectSummary,
        flatten,
        restore,
        schedule_portfolio,
    )

# Loaded on first use: scheduling one plan needs neither events nor portfolios.
_LATER = dict.fromkeys(("EventWarning", "Outside", "event_warnings", "task_span"),
                       "psp.engine._events") | dict.fromkeys(
    ("PortfolioSchedule", "ProjectSummary", "flatten", "restore", "schedule_portfolio"),
    "psp.engine._portfolio")


__getattr__, __dir__ = on_first_use("psp.engine", _LATER, globals())


__all__ = [
    "Bound",
    "EventWarning",
    "MissedDeadline",
    "Outside",
    "PackageSchedule",
    "PortfolioSchedule",
    "ProjectSummary",
    "Schedule",
    "TaskProgress",
    "TaskSchedule",
    "event_warnings",
    "flatten",
    "problems",
    "restore",
    "schedule",
    "schedule_portfolio",
    "task_span",
    "validate",
    "with_constraints",
]
