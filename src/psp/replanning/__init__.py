"""Replanning: changes as values, applied to a plan without touching it.

`Delay`, `Extend`, `SetDuration`, `AddLink`, `RemoveLink` and `Progress` say what
happened; `apply` makes the new, validated plan; `replan` applies a list of changes and
compares the schedules before and after in a `Replan` (each task's shift and its cause).

Examples
--------
>>> import psp
>>> from psp.replanning import Delay, Extend, replan
>>> plan = psp.load("examples/digitale_werkstatt.toml")
>>> r = replan(plan, [Delay("AP3", until="2021-06"), Extend("31.12.2021")])
>>> r.after.finish
datetime.date(2021, 11, 30)
"""

from psp.replanning._replan import (
    AddLink,
    Cause,
    CauseKind,
    Change,
    Delay,
    Extend,
    Moved,
    Progress,
    RemoveLink,
    Replan,
    SetDuration,
    TaskShift,
    apply,
    replan,
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
