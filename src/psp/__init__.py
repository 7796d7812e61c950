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

from psp._costs import (
    CostCell,
    CostComparison,
    CostReport,
    PositionCost,
    compare_costs,
    costs,
)
from psp._engine import MissedDeadline, PackageSchedule, Schedule, TaskSchedule, schedule
from psp._errors import (
    ChangeError,
    DateAlignmentError,
    DateParseError,
    DateRangeError,
    FieldError,
    FieldTypeError,
    FileReadError,
    PlanError,
    PlanFileError,
    Problem,
    SizeError,
    TomlSyntaxError,
    UnknownIdError,
    UsageError,
    ValidationError,
)
from psp._graph import problems, validate
from psp._model import (
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
from psp._money import MoneyError, format_money, parse_money
from psp._planfile import (
    dump,
    dumps,
    dumps_portfolio,
    load,
    load_portfolio,
    loads,
    loads_portfolio,
)
from psp._portfolio import (
    PortfolioSchedule,
    ProjectSummary,
    flatten,
    restore,
    schedule_portfolio,
)
from psp._replan import (
    AddLink,
    Change,
    Delay,
    Extend,
    Progress,
    RemoveLink,
    Replan,
    SetDuration,
    TaskShift,
    apply,
    replan,
)
from psp._time import Calendar, Month, Unit, format_date, parse_date
from psp.export import Gantt, gantt

__version__ = "0.1.0"

__all__ = [
    "Actual",
    "AddLink",
    "Calendar",
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
    "FileReadError",
    "Gantt",
    "Link",
    "LinkType",
    "MissedDeadline",
    "MoneyError",
    "Month",
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
