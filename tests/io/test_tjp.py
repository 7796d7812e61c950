"""TaskJuggler export: the file's structure, and its dates worked out as TaskJuggler would.

A small reading of the written file schedules it the way TaskJuggler does for these
constructs (as soon as possible; ``start``; ``depends`` with ``onstart`` and a gap in
calendar days; a milestone takes no time) and must give psp's early dates for every task.
Where ``tj3`` is installed, TaskJuggler itself checks the file.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import psp
from psp.io._tjp import dumps_tjp

EXAMPLES = ["examples/digitale_werkstatt.toml", "examples/digitale_modellregion.toml"]
TASK = re.compile(r'^\s*task (\w+) "')
DEPENDS = re.compile(r"^\s*depends ([\w.]+)(?: \{ (onstart )?gapduration (\d+)d \})?$")


def _plan(example: str) -> psp.Project:
    portfolio = psp.load_portfolio(example)
    return portfolio.projects[0] if len(portfolio.projects) == 1 else psp.flatten(portfolio)


def _read(text: str) -> dict[str, dict[str, object]]:
    """Every task by its full path: duration, start, milestone, depends."""
    tasks: dict[str, dict[str, object]] = {}
    path: list[str] = []
    for line in text.splitlines():
        if found := TASK.match(line):
            path.append(found[1])
            tasks[".".join(path)] = {"days": 0, "start": None, "depends": [],
                                     "milestone": False}
        elif line.strip() == "}" and path:
            path.pop()
        elif path:
            task = tasks[".".join(path)]
            words = line.split()
            if words[0] == "duration":
                task["days"] = int(words[1][:-1])
            elif words[0] == "start":
                task["start"] = dt.date.fromisoformat(words[1])
            elif words[0] == "milestone":
                task["milestone"] = True
            elif found := DEPENDS.match(line):
                task["depends"].append((found[1], bool(found[2]), int(found[3] or 0)))
    return tasks


def _as_taskjuggler(tasks: dict[str, dict[str, object]], start: dt.date) -> dict[str, dt.date]:
    """Early starts: the latest of the start and every dependency's date plus its gap."""
    begin: dict[str, dt.date] = {}

    def early(name: str) -> dt.date:
        if name not in begin:
            task = tasks[name]
            days = [task["start"] or start]
            for other, on_start, gap in task["depends"]:  # type: ignore[attr-defined]
                at = early(other) if on_start else early(other) + dt.timedelta(
                    days=tasks[other]["days"])  # type: ignore[arg-type]
                days.append(at + dt.timedelta(days=gap))
            begin[name] = max(days)  # type: ignore[type-var]
        return begin[name]

    return {name: early(name) for name in tasks}


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_written_file_schedules_to_psps_dates(example: str) -> None:
    plan = _plan(example)
    text = dumps_tjp(plan)
    assert text.count("{") == text.count("}")
    tasks = _read(text)
    assert all(dep in tasks for t in tasks.values()
               for dep, _, _ in t["depends"])  # type: ignore[attr-defined]
    starts = _as_taskjuggler(tasks, plan.start)
    s = psp.schedule(plan)
    by_name = {path.split(".")[-1]: path for path in tasks}
    for ts in s:
        path = by_name["t_" + re.sub(r"[^A-Za-z0-9_]", "_", ts.id)]
        expected = ts.start if ts.kind is not psp.TaskKind.MILESTONE else \
            plan.calendar.first_day(ts.start_period)
        assert starts[path] == expected, ts.id
        if ts.kind is not psp.TaskKind.MILESTONE:
            assert starts[path] + dt.timedelta(days=tasks[path]["days"] - 1) == ts.finish
    owners = {o for t in plan.tasks for o in t.owners}
    assert {m for m in re.findall(r'^resource r\d+ "(.*)"$', text, re.M)} == owners


def test_deadlines_and_the_status_date_are_written() -> None:
    plan = psp.Project("D", "2021-01", end="2021-06-30", status="2021-02-01",
                       tasks=[psp.Task("a", duration=2)],
                       constraints=[psp.Constraint("a", "finish_no_later_than", "2021-03-31")],
                       actuals=[psp.Actual("a", "2021-01-01")])
    text = dumps_tjp(plan)
    assert "maxend 2021-04-01" in text  # TaskJuggler's end is the moment after the last day
    assert "now 2021-02-01" in text and "complete 50" in text
    assert text.splitlines()[0].endswith("2021-01-01 - 2021-07-01 {")


@pytest.mark.skipif(shutil.which("tj3") is None, reason="TaskJuggler (tj3) is not installed")
def test_taskjuggler_itself_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.tjp"
    path.write_text(dumps_tjp(_plan(EXAMPLES[0])), encoding="utf-8")
    done = subprocess.run(["tj3", "--check-syntax", str(path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
