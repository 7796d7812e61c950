"""Doctests and docs examples run from the repository root, whatever the caller's folder."""

from pathlib import Path

import pytest

ROOT = Path(__file__).parent


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


collect_ignore = ["benchmarks"]
