"""Exporters: schedules as JSON, CSV or text; the amendment table of a replan.

Each exporter is loaded on first use (``psp.export.as_json`` loads the data formats, not
the chart or the tables), so a command pays only for the output it writes.

Examples
--------
>>> import psp, psp.export
>>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
>>> psp.export.as_dict(s)["project"]  # doctest: +NORMALIZE_WHITESPACE
{'start': '2020-09-01', 'finish': '2021-08-31', 'end': '2021-08-31', 'slack': 0,
 'deadlines_missed': []}
"""

from typing import TYPE_CHECKING

from psp._support.lazy import on_first_use

if TYPE_CHECKING:
    from psp.export._amendment import amendment_table
    from psp.export._formats import as_csv, as_dict, as_json
    from psp.export._formats import as_text as as_text  # deprecated: not in __all__
    from psp.export._gantt import MAX_TASK_ROWS, PAPER_SIZES, Gantt, Mark, gantt
    from psp.export._interactive import plotly_gantt, write_html
    from psp.export._limits import MAX_CHART_ROWS, check_chart, check_rows, check_table
    from psp.export._milestones import MilestoneChart, milestone_overview, mta_chart, mta_html
    from psp.export._risk import RiskChart, risk_chart, risk_html
    from psp.export._tables import (
        critical_path_table,
        mermaid,
        psp_table,
        psp_table_html,
        write_costs_xlsx,
        write_table,
    )

_SOURCES = {
    "MAX_CHART_ROWS": "_limits",
    "MAX_TASK_ROWS": "_gantt",
    "PAPER_SIZES": "_gantt",
    "Gantt": "_gantt",
    "Mark": "_gantt",
    "MilestoneChart": "_milestones",
    "milestone_overview": "_milestones",
    "mta_chart": "_milestones",
    "mta_html": "_milestones",
    "amendment_table": "_amendment",
    "as_csv": "_formats",
    "as_dict": "_formats",
    "as_json": "_formats",
    "as_text": "_formats",  # deprecated: not in __all__
    "check_chart": "_limits",
    "check_rows": "_limits",
    "check_table": "_limits",
    "critical_path_table": "_tables",
    "gantt": "_gantt",
    "mermaid": "_tables",
    "plotly_gantt": "_interactive",
    "RiskChart": "_risk",
    "risk_chart": "_risk",
    "risk_html": "_risk",
    "psp_table": "_tables",
    "psp_table_html": "_tables",
    "write_costs_xlsx": "_tables",
    "write_html": "_interactive",
    "write_table": "_tables",
}


__getattr__, __dir__ = on_first_use(
    "psp.export", {name: f"psp.export.{module}" for name, module in _SOURCES.items()},
    globals())


__all__ = [
    "MAX_CHART_ROWS",
    "MAX_TASK_ROWS",
    "PAPER_SIZES",
    "Gantt",
    "Mark",
    "MilestoneChart",
    "RiskChart",
    "amendment_table",
    "as_csv",
    "as_dict",
    "as_json",
    "check_chart",
    "check_rows",
    "check_table",
    "critical_path_table",
    "gantt",
    "mermaid",
    "milestone_overview",
    "mta_chart",
    "mta_html",
    "plotly_gantt",
    "psp_table",
    "psp_table_html",
    "risk_chart",
    "risk_html",
    "write_costs_xlsx",
    "write_html",
    "write_table",
]
