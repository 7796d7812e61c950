"""PSPLIB instances: the engine's finish equals each file's own critical-path length."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

import psp
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
    s = psp.schedule(plan)
    assert s.finish_period == mpm_time
    assert s.critical_path[0] == "J1" and s.critical_path[-1] == f"J{len(plan.tasks)}"
    assert all(s[t].total_float == 0 for t in s.critical_path)


@pytest.mark.parametrize("path", [p for p in FILES if p.name in OPTIMUM],
                         ids=lambda p: p.stem)
def test_resource_optimum_is_never_shorter_than_the_critical_path(path: Path) -> None:
    plan, _ = read_sm(path)
    assert psp.schedule(plan).finish_period <= OPTIMUM[path.name]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_critical_chains_join_only_linked_tasks_and_cover_the_path(path: Path) -> None:
    """Issue 8: parallel longest paths were printed as one chain of unlinked tasks."""
    plan, mpm_time = read_sm(path)
    s = psp.schedule(plan)
    linked = {(lk.predecessor, lk.successor) for lk in plan.links}
    for chain in s.critical_chains:
        assert all(pair in linked for pair in itertools.pairwise(chain)), chain
    assert {t for chain in s.critical_chains for t in chain} == set(s.critical_path)
    # Each chain that starts at the source and ends at the sink is a longest path.
    for chain in s.critical_chains:
        if chain[0] == "J1" and chain[-1] == f"J{len(plan.tasks)}":
            assert sum(plan.task(t).duration for t in chain) == mpm_time
