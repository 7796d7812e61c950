"""The plan model: immutable values for plans, budgets and portfolios.

`Project` (with `Package`, `Task`, `Link`, `Constraint`, `Actual` and dated `Event`s),
the budget (`Position`, `CostRules`) and `Portfolio`. Construction checks what one object
can check by itself; what needs the whole plan is checked by `psp.validate`. What each link type
demands of its two tasks is defined once here (`LinkType`).

Examples
--------
>>> from psp.model import Link, Project, Task
>>> plan = Project("Demo", "2020-09", tasks=[Task("a", duration=2), Task("b", duration=1)],
...                links=[Link("a", "b")])
>>> plan.task("b").duration
1
"""

from typing import TYPE_CHECKING

from psp._support.lazy import on_first_use
from psp.model._budget import CostRules, Position
from psp.model._links import Link, LinkType, plain_link, plain_links, qualified_links
from psp.model._plan import (
    Actual,
    Constraint,
    ConstraintKind,
    Package,
    Project,
    Task,
    TaskKind,
    plain_constraint,
    plain_task,
    plain_tasks,
    qualified_tasks,
)
from psp.model._portfolio import Portfolio

if TYPE_CHECKING:
    from psp.model._events import Event, EventKind, event_table
    from psp.model._risk import Distribution, Estimate, Risk

__all__ = [
    "Actual",
    "Constraint",
    "ConstraintKind",
    "CostRules",
    "Distribution",
    "Estimate",
    "Event",
    "EventKind",
    "Link",
    "LinkType",
    "Package",
    "Portfolio",
    "Position",
    "Project",
    "Risk",
    "Task",
    "TaskKind",
    "event_table",
    "plain_constraint",
    "plain_link",
    "plain_links",
    "plain_task",
    "plain_tasks",
    "qualified_links",
    "qualified_tasks",
]

# Loaded on first use: a plan without events or risks needs neither.
_LATER = dict.fromkeys(("Event", "EventKind", "event_table"), "psp.model._events") | dict.fromkeys(
    ("Distribution", "Estimate", "Risk"), "psp.model._risk")
__getattr__, __dir__ = on_first_use("psp.model", _LATER, globals())
