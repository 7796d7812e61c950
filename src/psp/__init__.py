"""psp: project schedules (*Projektstrukturpläne*) in exact calendar months.

Model a plan as work packages, tasks, links and constraints; compute its
schedule with the critical path method; read and write it as a TOML plan file.

Examples
--------
>>> import psp
>>> plan = psp.load("examples/digitale_werkstatt.toml")
>>> s = psp.schedule(plan)
>>> s.finish, s.slack, s["3.1"].start
(datetime.date(2021, 8, 31), 0, datetime.date(2021, 3, 1))
"""

from typing import TYPE_CHECKING, Any

from psp import _deprecated  # noqa: F401 (attaches the old methods for one release)
from psp._support.money import format_money, parse_money
from psp.analysis import (
    CostCell,
    CostComparison,
    CostReport,
    PositionCost,
    compare_costs,
    costs,
)
from psp.calendars import Calendar, Month, Unit, format_date, parse_date
from psp.engine import (
    Bound,
    MissedDeadline,
    PackageSchedule,
    PortfolioSchedule,
    ProjectSummary,
    Schedule,
    TaskProgress,
    TaskSchedule,
    flatten,
    problems,
    restore,
    schedule,
    schedule_portfolio,
    validate,
)
from psp.errors import (
    ChangeError,
    DateAlignmentError,
    DateParseError,
    DateRangeError,
    FieldError,
    FieldTypeError,
    FileError,
    FileReadError,
    FileWriteError,
    MissingExtraError,
    MoneyError,
    PlanError,
    PlanFileError,
    Problem,
    SizeError,
    TomlSyntaxError,
    UnknownIdError,
    UsageError,
    ValidationError,
)
from psp.io import (
    dump,
    dumps,
    dumps_portfolio,
    from_dict,
    load,
    load_portfolio,
    loads,
    loads_portfolio,
)
from psp.model import (
    Actual,
    Constraint,
    ConstraintKind,
    CostRules,
    Link,
    LinkType,
    Package,
    Portfolio,
    Position,
    Project,
    Task,
    TaskKind,
)
from psp.replanning import (
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

if TYPE_CHECKING:
    from psp import export  # noqa: F401 (loaded on first use)
    from psp.export import Gantt, gantt

    __version__: str

# Drawing and property testing pull in matplotlib and hypothesis: load them on first use.
_LAZY = {"Gantt": "psp.export", "gantt": "psp.export", "export": None, "testing": None}


def __getattr__(name: str) -> Any:
    import importlib

    if name == "__version__":  # importlib.metadata costs a third of `import psp`: on demand
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("psp")
        except PackageNotFoundError:  # run from a source tree that was never installed
            return "0.0.0+unknown"
    if name not in _LAZY:
        raise AttributeError(f"module 'psp' has no attribute {name!r}")
    source = _LAZY[name]
    if source is None:
        return importlib.import_module(f"psp.{name}")
    return getattr(importlib.import_module(source), name)


__all__ = [
    "Actual",
    "AddLink",
    "Bound",
    "Calendar",
    "Cause",
    "CauseKind",
    "Change",
    "ChangeError",
    "Constraint",
    "ConstraintKind",
    "CostCell",
    "CostComparison",
    "CostReport",
    "CostRules",
    "DateAlignmentError",
    "DateParseError",
    "DateRangeError",
    "Delay",
    "Extend",
    "FieldError",
    "FieldTypeError",
    "FileError",
    "FileReadError",
    "FileWriteError",
    "Gantt",
    "Link",
    "LinkType",
    "MissedDeadline",
    "MissingExtraError",
    "MoneyError",
    "Month",
    "Moved",
    "Package",
    "PackageSchedule",
    "PlanError",
    "PlanFileError",
    "Portfolio",
    "PortfolioSchedule",
    "Position",
    "PositionCost",
    "Problem",
    "Progress",
    "Project",
    "ProjectSummary",
    "RemoveLink",
    "Replan",
    "Schedule",
    "SetDuration",
    "SizeError",
    "Task",
    "TaskKind",
    "TaskProgress",
    "TaskSchedule",
    "TaskShift",
    "TomlSyntaxError",
    "Unit",
    "UnknownIdError",
    "UsageError",
    "ValidationError",
    "__version__",
    "apply",
    "compare_costs",
    "costs",
    "dump",
    "dumps",
    "dumps_portfolio",
    "flatten",
    "format_date",
    "format_money",
    "from_dict",
    "gantt",
    "load",
    "load_portfolio",
    "loads",
    "loads_portfolio",
    "parse_date",
    "parse_money",
    "problems",
    "replan",
    "restore",
    "schedule",
    "schedule_portfolio",
    "validate",
]
