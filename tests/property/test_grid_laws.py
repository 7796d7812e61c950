"""The month grid as psp writes it reads back to the same grid; coarse columns mark by date.

For random month plans (all link types, leads and lags, milestones, level of effort,
constraints, owners, progress), the grid of the plan read back from its own grid — as
CSV in either language and as a workbook — shows the same rows: ids, names, owners and
marked months. Only the critical column may differ: a grid holds no links. A grid says
a task's package only by the package row above it, so tasks outside every package (which
psp's grid lists after the packages) are put into a package of their own first.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import psp
from psp.calendars import MAX_FINE_COLUMNS, GridColumns, grid_columns
from psp.engine._cpm import month_grid
from psp.io._grid import dump_grid, grid_csv, load_grid
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
       st.sampled_from([(".csv", "de"), (".csv", "en"), (".xlsx", "de"), ("excel", "de")]))
def test_a_plans_grid_reads_back_to_the_same_grid(plan: psp.Project,
                                                   form: tuple[str, str]) -> None:
    suffix, lang = form
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan{suffix if suffix != 'excel' else '.csv'}"
        if suffix == "excel":  # as German Excel opens it: ';', a BOM, ids as text
            path.write_text(grid_csv(psp.schedule(plan), lang="de", excel=True),
                            encoding="utf-8", newline="")
        else:
            dump_grid(plan, path, lang=lang)  # type: ignore[arg-type]
        again = load_grid(path).plan
    assert _rows(again) == _rows(plan)


def _columns_by_dates(s: psp.Schedule, grid: GridColumns) -> list[tuple[dt.date, dt.date]]:
    """Each column's first and last day, from the first days alone."""
    after = s.calendar.last_day(max(s.horizon_period, 1) - 1) + dt.timedelta(days=1)
    ends = [*grid.first_days[1:], max(after, grid.first_days[-1] + dt.timedelta(days=1))]
    return [(first, end - dt.timedelta(days=1))
            for first, end in zip(grid.first_days, ends, strict=True)]


@given(plans(max_tasks=8, units=("day", "workday", "week")),
       st.sampled_from(["auto", "period", "week", "month"]),
       st.sampled_from([0, 40, 400]))
def test_a_column_is_marked_when_the_task_runs_on_one_of_its_days(
        plan: psp.Project, columns: str, longer: int) -> None:
    """For day, working-day and week plans in any columns: a task's row marks exactly the
    columns whose days meet its start-to-finish dates (a milestone: the one holding its
    date), worked out from dates, not from periods. Longer plans get coarser columns."""
    plan = attrs.evolve(plan, tasks=[*plan.tasks, psp.Task("lang", duration=longer)])
    s = psp.schedule(plan)
    table = month_grid(s, columns=columns)
    grid = grid_columns(s.calendar, max(s.horizon_period, 1), columns=columns)
    spans = _columns_by_dates(s, grid)
    assert table.header[3:-1] == grid.labels
    assert all(b in (a, a + 1) for a, b in itertools.pairwise(grid.column_of))
    if columns == "auto" and len(grid.labels) > MAX_FINE_COLUMNS:
        assert grid.kind == "month"  # nothing finer fits
    rows = {row[0]: row[3:-1] for row in table.rows}
    for ts in s:
        marked = [n for n, text in enumerate(rows[ts.id]) if text]
        if ts.finish_period == ts.start_period:
            expected = [n for n, (a, b) in enumerate(spans) if a <= ts.start <= b]
        else:
            expected = [n for n, (a, b) in enumerate(spans) if a <= ts.finish and ts.start <= b]
        assert marked == expected, (ts.id, grid.kind)
