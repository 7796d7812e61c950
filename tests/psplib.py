"""A small reader for PSPLIB ``.sm`` files (single mode), for tests only."""

from __future__ import annotations

import re
from pathlib import Path

import psp


def read_sm(path: Path) -> tuple[psp.Project, int]:
    """The precedence network as a day plan, and the file's ``MPM-Time``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if "MPM-Time" in line)
    mpm_time = int(lines[header + 1].split()[-1])
    prec = next(i for i, line in enumerate(lines) if line.startswith("PRECEDENCE RELATIONS"))
    successors: dict[int, list[int]] = {}
    for line in lines[prec + 2:]:
        if line.startswith("*"):
            break
        numbers = [int(x) for x in line.split()]
        job, count = numbers[0], numbers[2]
        successors[job] = numbers[3:3 + count]
    durs = next(i for i, line in enumerate(lines) if line.startswith("REQUESTS/DURATIONS"))
    duration: dict[int, int] = {}
    for line in lines[durs + 3:]:
        if line.startswith("*"):
            break
        numbers = [int(x) for x in line.split()]
        duration[numbers[0]] = numbers[2]
    tasks = [psp.Task(f"J{j}", duration=duration[j]) for j in sorted(duration)]
    links = [psp.Link(f"J{j}", f"J{k}") for j, ks in successors.items() for k in ks]
    plan = psp.Project(re.sub(r"\.sm$", "", path.name), psp.parse_date("2000-01-03"),
                       unit="day", tasks=tasks, links=links)
    return plan, mpm_time
