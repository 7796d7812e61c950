"""Exporters: a schedule as JSON, CSV or text (Gantt charts and tables follow).

Examples
--------
>>> import psp, psp.export
>>> s = psp.load("examples/digitale_werkstatt.toml").schedule()
>>> psp.export.as_dict(s)["project"]
{'start': '2020-09-01', 'finish': '2021-08-31', 'end': '2021-08-31', 'slack': 0}
"""

from psp.export._formats import as_csv, as_dict, as_json, as_text

__all__ = ["as_csv", "as_dict", "as_json", "as_text"]
