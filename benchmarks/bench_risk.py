"""The risk simulation against one deterministic schedule of the same plan, in the same run.

    python benchmarks/bench_risk.py              # 100 / 1,000 / 10,000 tasks, 3 runs each
    python benchmarks/bench_risk.py --runs 5 --samples 10000

Plans: the peer's generator networks (``peers/gen.py``: progen, shuffled, ``--mix 0.3``:
30 % SS/FF/SF links, 10 % lagged), read as psp plans, with a three-point estimate on
every task of work: optimistic = max(1, duration − ⌈duration/4⌉), pessimistic =
duration + ⌈duration/2⌉, every fifth one PERT (the goal's case: ``estimates``); and the
same with one risk event that delays a tenth of the tasks by 2 periods with probability
0.3 (``+ risk``: a second forward pass per block, for the world without the event).

For each plan: ``psp.simulate(plan, samples=N)`` against one ``psp.schedule`` of a fresh
copy of the plan (validation, network, passes), both timed in this process, interleaved,
medians of ``--runs``. The ratio says how many deterministic schedules one simulation of
N samples costs. Peak memory of the simulation is measured in a child process.

Goal: 10,000 samples of a 1,000-task plan in under 1 second on this machine; memory
bounded by the block size (samples are processed in blocks of about 2 million
task-samples), whatever the number of samples.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import psp  # noqa: E402
from nets import plan_path  # noqa: E402


def uncertain(plan: psp.Project, *, risk: bool = True) -> psp.Project:
    """The generator's plan with three-point estimates and (``risk``) one risk event."""
    estimates = []
    for n, task in enumerate(plan.tasks):
        if task.kind is not psp.TaskKind.WORK:
            continue
        d = task.duration
        estimates.append(psp.Estimate(task.id, optimistic=max(1, d - math.ceil(d / 4)),
                                      pessimistic=d + math.ceil(d / 2),
                                      distribution="pert" if n % 5 == 0 else "triangular"))
    hit = {t.id: 2 for t in plan.tasks[::10] if not t.is_level_of_effort}
    risks = [psp.Risk("r", probability=0.3, delay=hit)] if risk else []
    return attrs.evolve(plan, estimates=estimates, risks=risks)


def fresh(plan: psp.Project) -> psp.Project:
    return attrs.evolve(plan, name=plan.name)  # a new plan: no network or schedule kept


_CHILD = r'''
import json, sys, tracemalloc
sys.path.insert(0, sys.argv[1])
import psp
from bench_risk import uncertain
plan = uncertain(psp.load(sys.argv[2]), risk=sys.argv[4] == "1")
psp.schedule(plan)
tracemalloc.start()  # NumPy reports its arrays to tracemalloc
psp.simulate(plan, samples=int(sys.argv[3]), seed=1)
print(json.dumps({"peak_mb": tracemalloc.get_traced_memory()[1] / 2**20}))
'''


def memory(path: Path, samples: int, risk: bool) -> float:
    """Peak memory the simulation allocates, in a fresh process."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(HERE), str(path), str(samples),
                          "1" if risk else "0"], check=True, capture_output=True,
                         text=True).stdout
    return float(json.loads(out)["peak_mb"])


def case(size: int, samples: int, runs: int, risk: bool) -> None:
    path = plan_path("progen", size)
    plan = uncertain(psp.load(path), risk=risk)
    sim, det = [], []
    for run in range(runs):
        start = time.perf_counter()
        psp.simulate(plan, samples=samples, seed=run)
        sim.append(time.perf_counter() - start)
        copy = fresh(plan)
        start = time.perf_counter()
        psp.schedule(copy)
        det.append(time.perf_counter() - start)
    s, d = statistics.median(sim), statistics.median(det)
    peak = memory(path, samples, risk)
    what = "+ risk" if risk else "estimates"
    print(f"| {size:,} | {what} | {samples:,} | {s:.3f} s | {d * 1000:.1f} ms | {s / d:,.0f} "
          f"| {s / samples * 1e6:.1f} µs | {peak:.0f} MB |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1_000, 10_000])
    args = parser.parse_args()
    print("| tasks | plan | samples | simulate | one schedule | ratio | per sample | "
          "peak memory |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        for risk in (False, True):
            case(size, args.samples, args.runs, risk)


if __name__ == "__main__":
    main()
