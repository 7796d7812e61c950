"""PSPLIB instances: the engine's finish equals each file's own critical-path length."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.psplib import read_sm

DATA = Path(__file__).parent / "data" / "psplib"
FILES = sorted(DATA.glob("*/*.sm"))
OPTIMUM = {row["problem"]: int(row["optimum"])
           for row in csv.DictReader((DATA / "j30.sm/optimum/optimum.csv").open())}


def test_all_instances_are_there() -> None:
    assert len(FILES) == 23


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_finish_equals_mpm_time(path: Path) -> None:
    plan, mpm_time = read_sm(path)
    s = plan.schedule()
    assert s.finish_period == mpm_time
    assert s.critical_path[0] == "J1" and s.critical_path[-1] == f"J{len(plan.tasks)}"
    assert all(s[t].total_float == 0 for t in s.critical_path)


@pytest.mark.parametrize("path", [p for p in FILES if p.name in OPTIMUM],
                         ids=lambda p: p.stem)
def test_resource_optimum_is_never_shorter_than_the_critical_path(path: Path) -> None:
    plan, _ = read_sm(path)
    assert plan.schedule().finish_period <= OPTIMUM[path.name]
