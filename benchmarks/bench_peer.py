"""psp against a careful pure-Python CPM (``peers/cpm_arr.py``) on the peer's own networks.

    python benchmarks/bench_peer.py            # 1,000 / 10,000 / 100,000 tasks, all checks
    python benchmarks/bench_peer.py --quick    # 1,000 / 10,000 only, fewer repetitions

Networks come from the peer's generator (``peers/gen.py``: progen, chain, wide; tasks in
shuffled order; ``--mix 0.3``: 30 % of the links SS/FF/SF, 10 % lagged) and are written
once into ``benchmarks/nets/`` as the peer's JSON and as a psp plan file. psp and the peer
run interleaved, each measurement repeated; the table shows medians and the ratio
psp / peer next to its target. Before timing, psp's finish and critical set are checked
against the peer's on every network: the two must agree exactly.

What is compared:

- ``engine``: ``psp.schedule`` on a loaded plan (validated on load, so it carries its
  network) against the peer's build + schedule; target ≤ 1.2.
- ``fresh``: ``psp.schedule`` on a plan built in memory and never validated (validation,
  network and passes) against the same; target ≤ 2.
- ``command``: the whole process ``psp schedule FILE --format json`` against
  ``python cpm_arr.py FILE.json`` (time ≤ 2.5, peak memory ≤ 2), at 10,000 tasks and up.
- ``portfolio``: 1,000 linked projects of 50 tasks against the same 50,000 tasks as one
  plan (both scheduled from fresh objects); target ≤ 2.
- ``month/day``: each output (JSON, CSV, text) of a plan in months against the same plan
  in days; target ≤ 1.3.
- ``replan``: the command printing a replan that moves tasks (JSON, text) against the
  command printing the schedule; target ≤ 1.5.
- ``growth``: how time per task grows from 10,000 to 100,000 tasks, for outputs with work
  packages (100 tasks per package) and for delaying one package of 10 % of the tasks, set
  against how the peer's own time per task grows on the same networks (caches make even
  linear code slower per task on a larger plan); target ≤ 1.3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE / "peers")]

import cpm_arr  # noqa: E402  (the peer, unchanged)

import psp  # noqa: E402
from nets import net_path, plan_path  # noqa: E402
from psp import export  # noqa: E402

VARIANTS = ("progen", "chain", "wide")
ROWS: list[tuple[str, str, float, float, str, float]] = []


def median_pair(first: Callable[[], Any], second: Callable[[], Any],
                runs: int) -> tuple[float, float]:
    """Median seconds of two callables, run alternately so load changes hit both.

    Each call starts from a collected heap, and its result is freed after the clock
    stops: what is timed is the call, not the teardown of what it returned (a
    portfolio's schedule holds the merged plan it made, a plan's schedule does not hold
    the plan it was given) nor garbage the one before left.
    """
    a, b = [], []
    for _ in range(runs):
        for fn, out in ((first, a), (second, b)):
            gc.collect()
            start = time.perf_counter()
            result = fn()
            out.append(time.perf_counter() - start)
            del result
    return statistics.median(a), statistics.median(b)


def report(check: str, case: str, ours: float, theirs: float, target: float,
           unit: str = "s") -> None:
    ratio = ours / theirs
    ROWS.append((check, case, ours, theirs, unit, ratio))
    mark = "ok" if ratio <= target else "MISSED"
    formats = {"s": "{:9.1f} ms", "MB": "{:9.0f} MB", "×": "{:9.2f} × "}
    scale = 1e3 if unit == "s" else 1

    def shown(x: float) -> str:
        return formats[unit].format(x * scale)

    print(f"{check:10} {case:30} {shown(ours)} {shown(theirs)} {ratio:6.2f} ≤ {target:<4} {mark}",
          flush=True)


def fresh_copy(plan: psp.Project) -> psp.Project:
    """The same plan as a new, never validated object (its network not yet built)."""
    return psp.Project(plan.name, plan.start, end=plan.end, unit=plan.unit,
                       packages=plan.packages, tasks=plan.tasks, links=plan.links)


def uncached(plan: psp.Project) -> psp.Project:
    # A plan keeps its schedule once computed; the benchmark wants it computed each time,
    # from the network the plan carries since it was loaded.
    plan._memo.pop("schedule", None)
    return plan


def agree(net: dict[str, Any], plan: psp.Project) -> None:
    end, critical, _ = cpm_arr.schedule(cpm_arr.build(net))
    s = psp.schedule(uncached(plan))
    assert s.finish_period == end, (s.finish_period, end)
    assert set(s.critical_path) == set(critical)


def engine(sizes: list[int], runs: int) -> None:
    for size in sizes:
        for variant in VARIANTS:
            _engine_case(variant, size, runs)


def _engine_case(variant: str, size: int, runs: int) -> None:
    net = json.loads(net_path(variant, size).read_text())
    plan = psp.load(plan_path(variant, size))
    agree(net, plan)
    case = f"{variant} {size:,}"

    def peer() -> object:
        return cpm_arr.schedule(cpm_arr.build(net))

    ours, theirs = median_pair(lambda: psp.schedule(uncached(plan)), peer, runs)
    report("engine", case, ours, theirs, 1.2)
    copies = iter([fresh_copy(plan) for _ in range(runs)])
    ours, theirs = median_pair(lambda: psp.schedule(next(copies)), peer, runs)
    report("fresh", case, ours, theirs, 2)


# Peak memory needs a small parent: Linux carries a process's peak across fork and exec,
# so a command started from this (large) process would report this process's size.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    sink = os.open(os.devnull, os.O_WRONLY)
    os.dup2(sink, 1)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss / 1024, status)
"""


# Commands run as installed code does in a user's shell: from cached bytecode, with
# buffered output. A machine that sets PYTHONDONTWRITEBYTECODE (this one does) would
# otherwise compile every module of both programs on every run, which no user's installed
# package does; PYTHONUNBUFFERED (set here too) would make every write a system call.
_ENV = {k: v for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")}


def run_process(argv: list[str]) -> tuple[float, float]:
    """Wall time and peak memory (MB) of a command, its output discarded."""
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], capture_output=True,
                          text=True, check=True, env=_ENV)
    elapsed, peak, status = done.stdout.split()
    if status != "0":
        raise SystemExit(f"{argv} failed: {done.stderr}")
    return float(elapsed), float(peak)


def psp_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "psp", *args]


def command(sizes: list[int], runs: int) -> None:
    peer = str(HERE / "peers" / "cpm_arr.py")
    for size in (s for s in sizes if s >= 10_000):
        for variant in VARIANTS:
            ours_cmd = psp_command("schedule", str(plan_path(variant, size)), "--format", "json")
            theirs_cmd = [sys.executable, peer, str(net_path(variant, size))]
            ours, theirs = [], []
            run_process(ours_cmd), run_process(theirs_cmd)  # each writes its bytecode once
            for _ in range(runs):
                ours.append(run_process(ours_cmd))
                theirs.append(run_process(theirs_cmd))
            case = f"{variant} {size:,}"
            report("command", case, statistics.median(t for t, _ in ours),
                   statistics.median(t for t, _ in theirs), 2.5)
            report("memory", case, statistics.median(m for _, m in ours),
                   statistics.median(m for _, m in theirs), 2, unit="MB")


def portfolio(runs: int) -> None:
    """1,000 projects of 50 tasks, each linked to the next, against one plan of the same."""
    parts = [psp.load(plan_path("progen", 50, seed=k + 1)) for k in range(1000)]
    start = parts[0].start
    cross = [psp.Link(f"p{k}:{parts[k].tasks[-1].id}", f"p{k + 1}:{parts[k + 1].tasks[0].id}")
             for k in range(999)]

    def as_portfolio() -> psp.Portfolio:
        projects = [psp.Project(f"P{k}", start, unit="day", id=f"p{k}", tasks=p.tasks,
                                links=p.links) for k, p in enumerate(parts)]
        return psp.Portfolio("1,000 projects", projects, links=cross)

    def as_plan() -> psp.Project:
        tasks = [psp.Task(f"p{k}:{t.id}", duration=t.duration)
                 for k, p in enumerate(parts) for t in p.tasks]
        links = [psp.Link(f"p{k}:{link.predecessor}", f"p{k}:{link.successor}", link.type,
                          lag=link.lag) for k, p in enumerate(parts) for link in p.links]
        return psp.Project("one plan", start, unit="day", tasks=tasks, links=[*links, *cross])

    portfolios = iter([as_portfolio() for _ in range(runs)])
    plans = iter([as_plan() for _ in range(runs)])
    ours, theirs = median_pair(lambda: psp.schedule_portfolio(next(portfolios)),
                               lambda: psp.schedule(next(plans)), runs)
    report("portfolio", "1,000 × 50 vs 50,000 tasks", ours, theirs, 2)


def in_months(plan: psp.Project) -> psp.Project:
    return psp.Project(plan.name, dt.date(2021, 1, 1), unit="month", tasks=plan.tasks,
                       links=plan.links)


def months_and_days(runs: int) -> None:
    days = psp.load(plan_path("progen", 10_000))
    months = in_months(days)
    s_days, s_months = psp.schedule(days), psp.schedule(months)
    outputs: dict[str, Callable[[psp.Schedule], object]] = {
        "JSON": lambda s: export.as_json(s, indent=None),
        "CSV": export.as_csv,
        "text": lambda s: s.to_text(lang="en"),
    }
    for name, write in outputs.items():
        ours, theirs = median_pair(lambda w=write: w(s_months), lambda w=write: w(s_days), runs)
        report("month/day", f"{name}, progen 10,000", ours, theirs, 1.3)


def replans(size: int, runs: int) -> None:
    path = plan_path("progen", size)
    first = psp.load(path).tasks[0].id  # a first-layer task: what depends on it moves
    for fmt in ("json", "text"):
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(run_process(psp_command("replan", str(path), "--delay",
                                                f"{first}=+40", "--format", fmt))[0])
            theirs.append(run_process(psp_command("schedule", str(path), "--format", fmt))[0])
        report("replan", f"{fmt}, progen {size:,}", statistics.median(ours),
               statistics.median(theirs), 1.5)


def packaged(size: int) -> psp.Project:
    """A progen network with a work package per 100 tasks."""
    plan = psp.load(plan_path("progen", size))
    packages = [psp.Package(f"WP{k}", f"Package {k}") for k in range(size // 100)]
    tasks = [psp.Task(t.id, t.name, package=f"WP{i // 100}", duration=t.duration)
             for i, t in enumerate(plan.tasks)]
    return psp.Project(plan.name, plan.start, unit=plan.unit, packages=packages, tasks=tasks,
                       links=plan.links)


def growth(sizes: list[int]) -> None:
    """Per-task time from 10,000 to 100,000 tasks, against the peer's own growth.

    Even a linear program takes longer per task on a larger plan (its data no longer fits
    the processor's caches): the peer's scheduling step does. So each check's growth is
    set against the peer's growth on the same networks; 1 means psp grows as the peer does.
    """
    small, large = 10_000, max(sizes)
    if large <= small:
        return
    nets = {n: json.loads(net_path("progen", n).read_text()) for n in (small, large)}
    peer = [statistics.median(_timed(lambda n=n: cpm_arr.schedule(cpm_arr.build(nets[n])))
                              for _ in range(3)) / n for n in (small, large)]
    checks: dict[str, Callable[[psp.Project], object]] = {
        "text with packages": lambda p: psp.schedule(p).to_text(lang="en"),
        "JSON with packages": lambda p: export.as_json(psp.schedule(p), indent=None),
        "delay one package": lambda p: psp.apply(p, psp.Delay("BIG", by=3)),
    }
    for name, work in checks.items():
        per_task = []
        for size in (small, large):
            plan = _regrouped(packaged(size)) if name == "delay one package" else packaged(size)
            per_task.append(_timed(lambda w=work, p=plan: w(p)) / size)
        report("growth", f"{name} (×{per_task[1] / per_task[0]:.2f})",
               per_task[1] / per_task[0], peer[1] / peer[0], 1.3, unit="×")


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _regrouped(plan: psp.Project) -> psp.Project:
    """One package holds the first 10 % of the tasks."""
    cut = len(plan.tasks) // 10
    tasks = [psp.Task(t.id, package="BIG" if i < cut else t.package, duration=t.duration)
             for i, t in enumerate(plan.tasks)]
    return psp.Project(plan.name, plan.start, unit=plan.unit,
                       packages=[*plan.packages, psp.Package("BIG")], tasks=tasks,
                       links=plan.links)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 tasks only")
    parser.add_argument("--runs", type=int, default=None, help="repetitions per measurement")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    runs = args.runs or (3 if args.quick else 5)
    # A whole process varies more from run to run (page faults, the disk cache) than a
    # call in this one: its median needs more runs to settle.
    process_runs = max(7, runs)
    print(f"psp {psp.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"{time.strftime('%Y-%m-%d')}; medians of {runs} runs ({process_runs} for whole "
          "commands), psp and the peer interleaved")
    print(f"{'check':10} {'case':30} {'psp':>12} {'peer/base':>12} {'ratio':>6}   target")
    engine(sizes, runs)
    command(sizes, process_runs)
    portfolio(max(3, runs // 2))
    months_and_days(runs)
    replans(max(sizes), 3)
    growth(sizes)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, dir=HERE / "nets") as f:
        json.dump([dict(zip(("check", "case", "psp", "base", "unit", "ratio"), row, strict=True))
                   for row in ROWS], f, indent=1)
    print(f"(figures also in {f.name})")


if __name__ == "__main__":
    main()
