"""psp's early dates equal the dates MS Project computed for the same links and lags."""

from __future__ import annotations

from pathlib import Path

import pytest

import psp
from tests.mspdi import read_mspdi

DATA = Path(__file__).parent / "data" / "mspdi"
FILES = sorted(DATA.glob("*.xml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_early_dates_match_ms_project(path: Path) -> None:
    plan, expected = read_mspdi(path)
    assert len(plan.links) >= 4
    assert {link.type.value for link in plan.links} == {"FS", "SS", "FF", "SF"}
    s = psp.schedule(plan)
    got = {t.id: (t.start_period, t.finish_period) for t in s}
    assert got == expected
