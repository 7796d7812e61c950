"""The Gantt chart against a minimal matplotlib chart of the same tasks, in the same run.

    python benchmarks/bench_gantt.py            # 1,000 and 10,000 tasks, 3 runs each
    python benchmarks/bench_gantt.py --runs 5

Plans: month plans of 1,000 and 10,000 tasks in work packages of 100, in 20 layers of
random links (1–3 predecessors each, mixed types), as `layered_plan` makes them.

Each measurement is a whole process that builds the chart and writes it as PNG (100 dpi),
so that its time and peak memory are the chart's, from a scheduled plan:

- ``psp``: `psp.gantt` as ``psp gantt`` draws it: every task up to `MAX_TASK_ROWS`
  rows, one row per work package above (``level="auto"``); at 1,000 tasks also with
  ``level="task"`` (1,010 rows);
- ``minimal``: what a user writes in a few lines, on a figure of the same size: one
  ``broken_barh`` per task (a collection each), the ids as tick labels, dates on the
  x axis; it shows every task in the given height, however thin the rows get.

Targets: psp ≤ 3× minimal at 1,000 and 10,000 tasks; psp's peak memory < 1 GB at 10,000.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r'''
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import psp
from generate import layered_plan
size, who, level, out = int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
base = layered_plan(size, width=max(size // 20, 1), seed=7)
packages = [psp.Package(f"AP{k + 1}", f"Arbeitspaket {k + 1}") for k in range(size // 100)]
tasks = [psp.Task(t.id, t.name, package=f"AP{i // 100 + 1}", duration=t.duration)
         for i, t in enumerate(base.tasks)]
plan = psp.Project(base.name, psp.Month(2020, 1), unit="month", packages=packages,
                   tasks=tasks, links=base.links)
schedule = psp.schedule(plan)
start = time.perf_counter()
if who == "psp":
    g = psp.gantt(schedule, level=level)
    g.savefig(out, dpi=100)
    rows, size_inches = len(g.rows), list(g.figure.get_size_inches())
else:
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    size_inches = json.loads(level)
    figure = Figure(figsize=size_inches, layout="constrained")
    ax = figure.add_subplot()
    for y, ts in enumerate(schedule):
        left = mdates.date2num(ts.start)
        ax.broken_barh([(left, mdates.date2num(ts.finish) + 1 - left)], (y - 0.4, 0.8),
                       facecolors="tab:red" if ts.critical else "tab:blue")
    ax.set_yticks(range(len(schedule)), [ts.id for ts in schedule], fontsize=8)
    ax.set_ylim(len(schedule), -1)
    ax.xaxis_date()
    figure.savefig(out, dpi=100)
    rows = len(schedule)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "rows": rows, "size": size_inches}))
'''


def run(size: int, who: str, level: str, out: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(HERE), str(size), who, level,
                           str(out)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{who} {size} {level} failed:\n{done.stderr}")
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions per measurement")
    parser.add_argument("--out", default="/tmp", help="where the charts are written")
    args = parser.parse_args()
    out = Path(args.out)
    print(f"{'case':34} {'psp':>9} {'minimal':>9} {'ratio':>6}  target   {'peak':>7}  rows")
    for size, level in ((1_000, "auto"), (1_000, "task"), (10_000, "auto")):
        ours, theirs, peaks = [], [], []
        shape: dict[str, object] = {}
        for _ in range(args.runs):
            shape = run(size, "psp", level, out / f"psp-{size}-{level}.png")
            ours.append(float(shape["seconds"]))  # type: ignore[arg-type]
            peaks.append(float(shape["peak_mb"]))  # type: ignore[arg-type]
            minimal = run(size, "minimal", json.dumps(shape["size"]),
                          out / f"minimal-{size}-{level}.png")
            theirs.append(float(minimal["seconds"]))  # type: ignore[arg-type]
        a, b = statistics.median(ours), statistics.median(theirs)
        mark = "ok" if a / b <= 3 and (size < 10_000 or max(peaks) < 1024) else "MISSED"
        print(f"{f'{size:,} tasks, level={level}':34} {a:8.2f}s {b:8.2f}s {a / b:6.2f}  ≤ 3  "
              f"{mark:6} {max(peaks):5.0f} MB  {shape['rows']}")


if __name__ == "__main__":
    main()
