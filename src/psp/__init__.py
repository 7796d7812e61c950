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

if TYPE_CHECKING:  # what each name is, for type checkers and editors; loaded on first use
    from psp import export, risk  # noqa: F401 (loaded on first use)
    from psp._support.money import (
        format_money,
        parse_money,
    )
    from psp.analysis import (
        CostCell,
        CostComparison,
        CostReport,
        MilestoneTrend,
        PositionCost,
        compare_costs,
        costs,
        milestone_trend,
    )
    from psp.calendars import (
        Calendar,
        Month,
        Unit,
        format_date,
        parse_date,
    )
    from psp.engine import (
        Bound,
        EventWarning,
        MissedDeadline,
        PackageSchedule,
        PortfolioSchedule,
        ProjectSummary,
        Schedule,
        TaskProgress,
        TaskSchedule,
        event_warnings,
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
    from psp.export import Gantt, gantt, milestone_overview, mta_chart, plotly_gantt
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
        Distribution,
        Estimate,
        Event,
        EventKind,
        Link,
        LinkType,
        Package,
        Portfolio,
        Position,
        Project,
        Risk,
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
    from psp.reports import StatusReport, status_report
    from psp.risk import RiskReport, simulate

    __version__: str

# Where each public name lives. `import psp` loads none of them: a command or a notebook
# pays for the parts it uses (io, export and testing load on first use).
_SOURCES = {
    "format_money": "psp._support.money",
    "parse_money": "psp._support.money",
    "CostCell": "psp.analysis",
    "CostComparison": "psp.analysis",
    "CostReport": "psp.analysis",
    "PositionCost": "psp.analysis",
    "compare_costs": "psp.analysis",
    "costs": "psp.analysis",
    "Calendar": "psp.calendars",
    "Month": "psp.calendars",
    "Unit": "psp.calendars",
    "format_date": "psp.calendars",
    "parse_date": "psp.calendars",
    "Bound": "psp.engine",
    "MissedDeadline": "psp.engine",
    "PackageSchedule": "psp.engine",
    "PortfolioSchedule": "psp.engine",
    "ProjectSummary": "psp.engine",
    "Schedule": "psp.engine",
    "TaskProgress": "psp.engine",
    "TaskSchedule": "psp.engine",
    "flatten": "psp.engine",
    "problems": "psp.engine",
    "restore": "psp.engine",
    "schedule": "psp.engine",
    "schedule_portfolio": "psp.engine",
    "validate": "psp.engine",
    "ChangeError": "psp.errors",
    "DateAlignmentError": "psp.errors",
    "DateParseError": "psp.errors",
    "DateRangeError": "psp.errors",
    "FieldError": "psp.errors",
    "FieldTypeError": "psp.errors",
    "FileError": "psp.errors",
    "FileReadError": "psp.errors",
    "FileWriteError": "psp.errors",
    "MissingExtraError": "psp.errors",
    "MoneyError": "psp.errors",
    "PlanError": "psp.errors",
    "PlanFileError": "psp.errors",
    "Problem": "psp.errors",
    "SizeError": "psp.errors",
    "TomlSyntaxError": "psp.errors",
    "UnknownIdError": "psp.errors",
    "UsageError": "psp.errors",
    "ValidationError": "psp.errors",
    "dump": "psp.io",
    "dumps": "psp.io",
    "dumps_portfolio": "psp.io",
    "from_dict": "psp.io",
    "load": "psp.io",
    "load_portfolio": "psp.io",
    "loads": "psp.io",
    "loads_portfolio": "psp.io",
    "Actual": "psp.model",
    "Constraint": "psp.model",
    "ConstraintKind": "psp.model",
    "CostRules": "psp.model",
    "Link": "psp.model",
    "LinkType": "psp.model",
    "Package": "psp.model",
    "Portfolio": "psp.model",
    "Position": "psp.model",
    "Project": "psp.model",
    "Task": "psp.model",
    "TaskKind": "psp.model",
    "AddLink": "psp.replanning",
    "Cause": "psp.replanning",
    "CauseKind": "psp.replanning",
    "Change": "psp.replanning",
    "Delay": "psp.replanning",
    "Extend": "psp.replanning",
    "Moved": "psp.replanning",
    "Progress": "psp.replanning",
    "RemoveLink": "psp.replanning",
    "Replan": "psp.replanning",
    "SetDuration": "psp.replanning",
    "TaskShift": "psp.replanning",
    "apply": "psp.replanning",
    "replan": "psp.replanning",
    "Gantt": "psp.export",
    "gantt": "psp.export",
    "plotly_gantt": "psp.export",
    "Event": "psp.model",
    "EventKind": "psp.model",
    "EventWarning": "psp.engine",
    "event_warnings": "psp.engine",
    "status_report": "psp.reports",
    "StatusReport": "psp.reports",
    "milestone_trend": "psp.analysis",
    "MilestoneTrend": "psp.analysis",
    "milestone_overview": "psp.export",
    "mta_chart": "psp.export",
    "Distribution": "psp.model",
    "Estimate": "psp.model",
    "Risk": "psp.model",
    "RiskReport": "psp.risk",
    "simulate": "psp.risk",
}
_SUBPACKAGES = frozenset({"export", "io", "risk", "testing"})


def __getattr__(name: str) -> Any:
    """Load a public name on first use (PEP 562), then keep it in the module."""
    import importlib

    if name == "__version__":
        from psp._version import __version__

        return __version__
    if name in _SUBPACKAGES:
        value = importlib.import_module(f"psp.{name}")
    elif name in _SOURCES:
        # The 0.1 methods are attached to the classes before anyone can use them.
        importlib.import_module("psp._deprecated")
        value = getattr(importlib.import_module(_SOURCES[name]), name)
    else:
        raise AttributeError(f"module 'psp' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
    "Distribution",
    "Estimate",
    "Event",
    "EventKind",
    "EventWarning",
    "Extend",
    "FieldError",
    "FieldTypeError",
    "FileError",
    "FileReadError",
    "FileWriteError",
    "Gantt",
    "Link",
    "LinkType",
    "MilestoneTrend",
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
    "Risk",
    "RiskReport",
    "Schedule",
    "SetDuration",
    "SizeError",
    "StatusReport",
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
    "event_warnings",
    "flatten",
    "format_date",
    "format_money",
    "from_dict",
    "gantt",
    "load",
    "load_portfolio",
    "loads",
    "loads_portfolio",
    "milestone_overview",
    "milestone_trend",
    "mta_chart",
    "parse_date",
    "parse_money",
    "plotly_gantt",
    "problems",
    "replan",
    "restore",
    "schedule",
    "schedule_portfolio",
    "simulate",
    "status_report",
    "validate",
]
