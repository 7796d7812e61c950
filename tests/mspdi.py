"""A small reader for MS Project XML (MSPDI), for tests only: whole working days, FS/SS/FF/SF.

One psp period is one working day of MS Project's standard calendar (Monday to Friday,
08:00–17:00). MS Project's dates are turned into period boundaries by counting working days.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import psp

TYPES = {"0": "FF", "1": "FS", "2": "SF", "3": "SS"}  # MSPDI PredecessorLink/Type
TENTHS_OF_MINUTE_PER_DAY = 8 * 60 * 10
DAY_FORMATS = {"7", "9"}  # lags in working days (d) and working weeks (w)


def working_days_between(start: dt.date, day: dt.date) -> int:
    return sum(1 for n in range((day - start).days)
               if (start + dt.timedelta(n)).weekday() < 5)


def boundary(project_start: dt.date, when: str) -> int:
    """The working-day boundary of an MSPDI date-time: 08:00 opens a day, 17:00 closes it."""
    moment = dt.datetime.fromisoformat(when)
    before = working_days_between(project_start, moment.date())
    return before + (1 if moment.time() >= dt.time(17, 0) else 0)


def hours(duration: str) -> float:
    match = re.fullmatch(r"PT(\d+)H(\d+)M(\d+)S", duration)
    assert match, duration
    return int(match[1]) + int(match[2]) / 60


def read_mspdi(path: Path) -> tuple[psp.Project, dict[str, tuple[int, int]]]:
    """The plan (unit day, periods = working days) and MS Project's (start, finish) boundaries."""
    root = ET.parse(path).getroot()
    ns = {"p": root.tag.split("}")[0][1:]}

    def text(node: ET.Element, tag: str) -> str:
        return node.findtext(f"p:{tag}", default="", namespaces=ns)

    start = dt.datetime.fromisoformat(text(root, "StartDate")).date()
    tasks, links, expected = [], [], {}
    for node in root.findall("p:Tasks/p:Task", ns):
        if text(node, "Summary") == "1":
            continue
        uid = f"T{text(node, 'UID')}"
        days = hours(text(node, "Duration")) / 8
        assert days == int(days), (path.name, uid, days)
        tasks.append(psp.Task(uid, text(node, "Name"), duration=int(days)))
        expected[uid] = (boundary(start, text(node, "Start")),
                         boundary(start, text(node, "Finish")))
        for link in node.findall("p:PredecessorLink", ns):
            assert text(link, "LagFormat") in DAY_FORMATS
            lag = int(text(link, "LinkLag")) / TENTHS_OF_MINUTE_PER_DAY
            assert lag == int(lag)
            links.append(psp.Link(f"T{text(link, 'PredecessorUID')}", uid,
                                  TYPES[text(link, "Type")], lag=int(lag)))
    plan = psp.Project(path.stem, start, unit="day", tasks=tasks, links=links)
    return plan, expected
