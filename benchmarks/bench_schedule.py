"""Scheduling time and peak memory for 1,000 / 10,000 / 100,000 tasks.

    python benchmarks/bench_schedule.py            # all sizes
    python benchmarks/bench_schedule.py 100000     # one size

Each size runs in a fresh process so that peak RSS belongs to that size alone.
Times are the best of three runs (the machine is shared; the best is the least noisy).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

SIZES = (1_000, 10_000, 100_000)


def measure(size: int) -> dict[str, float]:
    import psp
    from generate import layered_plan

    plan = layered_plan(size)
    validate = min(_timed(lambda: psp.validate(plan)) for _ in range(3))
    sched = min(_timed(lambda: psp.schedule(plan)) for _ in range(3))
    tracemalloc.start()
    psp.schedule(plan)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"tasks": size, "links": len(plan.links), "validate_s": validate,
            "schedule_s": sched, "schedule_peak_mib": peak / 2**20, "process_rss_mib": rss}


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    print(f"{'tasks':>8} {'links':>8} {'validate':>9} {'schedule':>9} "
          f"{'sched. peak':>12} {'process RSS':>12}")
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out)
        print(f"{r['tasks']:>8,} {r['links']:>8,} {r['validate_s']:>8.3f}s "
              f"{r['schedule_s']:>8.3f}s {r['schedule_peak_mib']:>9.1f} MiB "
              f"{r['process_rss_mib']:>8.0f} MiB")


if __name__ == "__main__":
    main()
