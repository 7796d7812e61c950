"""A generator of large plans: layered random DAGs, 1–3 predecessors per task, mixed links.

    python benchmarks/generate.py 10000 > big.toml
"""

from __future__ import annotations

import random
import sys

import psp

TYPES = ("FS", "FS", "FS", "SS", "FF", "SF")  # mostly FS, as real plans are


def layered_plan(tasks: int, *, width: int = 50, seed: int = 1) -> psp.Project:
    """``tasks`` tasks in layers of ``width``; each draws 1–3 predecessors from earlier layers."""
    rng = random.Random(seed)
    plan_tasks = [psp.Task(f"T{i}", f"Task {i}", duration=rng.randint(1, 6)) for i in range(tasks)]
    links = []
    for i in range(width, tasks):
        layer_start = (i // width) * width
        low = max(0, layer_start - 3 * width)
        for pred in rng.sample(range(low, layer_start), k=rng.randint(1, 3)):
            links.append(psp.Link(f"T{pred}", f"T{i}", rng.choice(TYPES),
                                  lag=rng.randint(-1, 2)))
    return psp.Project(f"Layered plan of {tasks} tasks", psp.Month(2020, 1), unit="day",
                       tasks=plan_tasks, links=links)


if __name__ == "__main__":
    sys.stdout.write(psp.dumps(layered_plan(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)))
