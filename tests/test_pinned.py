"""The redesign keeps every scheduled value: both examples and 200 random plans.

``tests/data/pinned/schedules.jsonl`` was written by ``make_pinned.py`` with the code
before the redesign of issue 9. Every value of each schedule's JSON form must still be
there and equal; fields may be added.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import psp
from psp import export

PINNED = Path(__file__).resolve().parent / "data" / "pinned" / "schedules.jsonl"
ROWS = [json.loads(line) for line in PINNED.read_text(encoding="utf-8").splitlines()]


def kept(old: Any, new: Any, where: str = "") -> list[str]:
    """Where ``new`` lost or changed a value of ``old`` (new keys in ``new`` are fine)."""
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return [f"{where}: {new!r} is no longer an object"]
        return [gap for key, value in old.items()
                for gap in (kept(value, new[key], f"{where}.{key}") if key in new
                            else [f"{where}.{key}: missing"])]
    if isinstance(old, list):
        if not isinstance(new, list) or len(new) != len(old):
            return [f"{where}: {new!r} instead of {old!r}"]
        return [gap for n, (a, b) in enumerate(zip(old, new, strict=True))
                for gap in kept(a, b, f"{where}[{n}]")]
    return [] if old == new and type(old) is type(new) else [f"{where}: {new!r}, was {old!r}"]


def test_the_pin_holds_both_examples_and_200_random_plans() -> None:
    assert len(ROWS) == 202
    assert sum(row["portfolio"] for row in ROWS) == 1


@pytest.mark.parametrize("row", ROWS, ids=[f"plan{n}" for n in range(len(ROWS))])
def test_every_pinned_value_is_unchanged(row: dict[str, Any]) -> None:
    if row["portfolio"]:
        plan = psp.flatten(psp.loads_portfolio(row["plan"]))
    else:
        plan = psp.loads(row["plan"])
    assert kept(row["schedule"], export.as_dict(psp.schedule(plan))) == []


def test_the_comparison_sees_a_changed_or_lost_value() -> None:
    old = {"a": [{"x": 1, "y": "2020-01-01"}], "b": None}
    assert kept(old, {"a": [{"x": 1, "y": "2020-01-01", "z": 3}], "b": None}) == []
    assert kept(old, {"a": [{"x": 2, "y": "2020-01-01"}], "b": None}) == [".a[0].x: 2, was 1"]
    assert kept(old, {"a": [{"y": "2020-01-01"}], "b": None}) == [".a[0].x: missing"]
    assert kept(old, {"a": [], "b": None}) == [
        ".a: [] instead of [{'x': 1, 'y': '2020-01-01'}]"]
    assert kept({"f": True}, {"f": 1}) == [".f: 1, was True"]
