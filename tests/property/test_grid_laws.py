"""The month grid as psp writes it reads back to the same grid.

For random month plans (all link types, leads and lags, milestones, level of effort,
constraints, owners, progress), the grid of the plan read back from its own grid — as
CSV in either language and as a workbook — shows the same rows: ids, names, owners and
marked months. Only the critical column may differ: a grid holds no links. A grid says
a task's package only by the package row above it, so tasks outside every package (which
psp's grid lists after the packages) are put into a package of their own first.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import psp
from psp.engine._cpm import month_grid
from psp.io._grid import dump_grid, load_grid
from psp.testing.strategies import plans, progressed


def _packaged(plan: psp.Project) -> psp.Project:
    if not plan.packages or all(t.package for t in plan.tasks):
        return plan
    tasks = [t if t.package else attrs.evolve(t, package="P9") for t in plan.tasks]
    return attrs.evolve(plan, tasks=tasks, packages=[*plan.packages, psp.Package("P9")])


def _rows(plan: psp.Project) -> list[tuple[str, ...]]:
    return [row[:-1] for row in month_grid(psp.schedule(plan)).rows]


@settings(max_examples=max(settings().max_examples, 100))
@given(plans(max_tasks=8, not_after=True).map(_packaged).flatmap(progressed),
       st.sampled_from([(".csv", "de"), (".csv", "en"), (".xlsx", "de")]))
def test_a_plans_grid_reads_back_to_the_same_grid(plan: psp.Project,
                                                   form: tuple[str, str]) -> None:
    suffix, lang = form
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan{suffix}"
        dump_grid(plan, path, lang=lang)  # type: ignore[arg-type]
        again = load_grid(path).plan
    assert _rows(again) == _rows(plan)
