"""Reports for councils and steering groups: the status report (*Sachstandsbericht*).

`status_report` gathers the facts of a plan on a status date as values
(`StatusReport`); they print as Markdown, HTML and text, and `write_docx` writes them to
Word with the Gantt chart embedded.

Examples
--------
>>> import psp
>>> r = psp.status_report(psp.load("examples/digitale_werkstatt.toml"), status="2021-01-15")
>>> len(r.in_state(State.DONE)), len(r.in_state(State.RUNNING))
(7, 7)
"""

from psp.reports._docx import write_docx
from psp.reports._report import (
    DeadlineState,
    DeadlineStatus,
    PackageStatus,
    State,
    StatusReport,
    TaskStatus,
)
from psp.reports._status import status_report

__all__ = [
    "DeadlineState",
    "DeadlineStatus",
    "PackageStatus",
    "State",
    "StatusReport",
    "TaskStatus",
    "status_report",
    "write_docx",
]
