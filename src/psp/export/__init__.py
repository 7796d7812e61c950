"""Exporters: schedules as JSON, CSV or text; the amendment table of a replan.

Examples
--------
>>> import psp, psp.export
>>> s = psp.load("examples/digitale_werkstatt.toml").schedule()
>>> psp.export.as_dict(s)["project"]
{'start': '2020-09-01', 'finish': '2021-08-31', 'end': '2021-08-31', 'slack': 0}
"""

from psp.export._amendment import amendment_table
from psp.export._formats import as_csv, as_dict, as_json, as_text

__all__ = ["amendment_table", "as_csv", "as_dict", "as_json", "as_text"]
