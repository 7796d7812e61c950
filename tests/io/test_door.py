"""One door for every format, on the API and the command line; bad files say what is wrong."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import psp
from psp.io import ConversionWarning, read, write
from tests.cli import psp_cli

EXAMPLE = "examples/digitale_werkstatt.toml"
ERRORS = sorted(p for folder in ("mspdi", "gan")
                for p in (Path(__file__).parent.parent / "data" / "errors" / folder).iterdir())


def test_the_suffix_chooses_the_format(tmp_path: Path) -> None:
    plan = psp.load(EXAMPLE)
    notes = write(plan, tmp_path / "plan.xml")
    assert (tmp_path / "plan.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert [n.code for n in notes] == ["positions"]
    assert write(plan, tmp_path / "plan.toml") == ()
    assert read(tmp_path / "plan.toml").plan == plan
    assert read(tmp_path / "plan.xml").plan.tasks == plan.tasks


def test_load_reports_what_was_approximated_as_warnings() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        psp.io.load("tests/data/mspdi/mspdiduration.xml")
    said = [str(w.message) for w in caught if w.category is ConversionWarning]
    assert [s.split(": ")[1] for s in said] == ["partial-period", "elapsed-duration"]
    assert all(s.startswith("tests/data/mspdi/mspdiduration.xml: ") for s in said)


def test_a_unit_for_a_psp_plan_of_another_unit_is_refused() -> None:
    with pytest.raises(psp.UsageError, match="is a plan in months"):
        read(EXAMPLE, unit="day")


def test_convert_to_ms_project_and_back_gives_the_same_schedule(tmp_path: Path) -> None:
    xml, back = tmp_path / "w.xml", tmp_path / "w.toml"
    first = psp_cli("convert", EXAMPLE, str(xml))
    assert first.returncode == 0
    assert first.stderr == (f"{xml}: note: positions: MS Project XML holds no budget "
                            "positions: left out (position auftrag)\n")
    assert psp_cli("convert", str(xml), str(back)).returncode == 0
    assert psp_cli("schedule", str(back)).stdout == psp_cli("schedule", EXAMPLE).stdout
    assert psp_cli("schedule", str(xml)).stdout == psp_cli("schedule", EXAMPLE).stdout


def test_convert_never_writes_over_its_input(tmp_path: Path) -> None:
    xml = tmp_path / "w.xml"
    psp_cli("convert", EXAMPLE, str(xml))
    before = xml.read_bytes()
    done = psp_cli("convert", str(xml), str(xml))
    assert done.returncode == 2 and "is the input" in done.stderr
    assert xml.read_bytes() == before


def test_convert_takes_a_unit_for_another_tools_plan(tmp_path: Path) -> None:
    out = tmp_path / "d.toml"
    done = psp_cli("convert", "tests/data/mspdi/mspdirelations.xml", str(out), "--unit", "day")
    assert done.returncode == 0
    assert psp.load(out).unit is psp.Unit.DAY


@pytest.mark.parametrize("path", ERRORS, ids=[p.name for p in ERRORS])
def test_a_bad_file_gets_one_line_per_problem_naming_the_file(path: Path) -> None:
    expected = re.search(r"expect: ([\w-]+)", path.read_text(encoding="utf-8"))
    assert expected is not None
    with pytest.raises(psp.PlanError) as err:
        read(path)
    codes = err.value.codes if isinstance(err.value, psp.ValidationError) else (
        err.value.code,)
    assert expected[1] in codes
    done = psp_cli("check", str(path))
    assert done.returncode == 1
    lines = (done.stdout + done.stderr).splitlines()
    assert lines and all(line.startswith(f"{path}: ") for line in lines), lines
