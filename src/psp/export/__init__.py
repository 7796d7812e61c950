"""Exporters: schedules as JSON, CSV or text; the amendment table of a replan.

Examples
--------
>>> import psp, psp.export
>>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
>>> psp.export.as_dict(s)["project"]  # doctest: +NORMALIZE_WHITESPACE
{'start': '2020-09-01', 'finish': '2021-08-31', 'end': '2021-08-31', 'slack': 0,
 'deadlines_missed': []}
"""

from psp.export._amendment import amendment_table
from psp.export._formats import as_csv, as_dict, as_json
from psp.export._formats import as_text as as_text  # deprecated: not in __all__
from psp.export._gantt import Gantt, gantt
from psp.export._limits import check_chart, check_table
from psp.export._tables import (
    critical_path_table,
    mermaid,
    psp_table,
    psp_table_html,
    write_costs_xlsx,
    write_table,
)

__all__ = [
    "Gantt",
    "amendment_table",
    "as_csv",
    "as_dict",
    "as_json",
    "check_chart",
    "check_table",
    "critical_path_table",
    "gantt",
    "mermaid",
    "psp_table",
    "psp_table_html",
    "write_costs_xlsx",
    "write_table",
]
