"""The month grid: a hand-written CSV and workbook read by hand, psp's own tables read back.

Expected months are counted from the marked cells by hand; psp's own grid (``psp table``)
must read back to the same tasks, months and owners.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import psp
from psp.engine._cpm import month_grid
from psp.io import read
from psp.io._grid import load_grid, loads_grid
from tests.cli import psp_cli

HAND = Path(__file__).parent.parent / "data" / "grid" / "werkstatt-hand.csv"


def _months(plan: psp.Project) -> dict[str, tuple[str, str]]:
    """Each task's first and last month (a milestone: the month it closes) as YYYY-MM."""
    s = psp.schedule(plan)
    return {t.id: (f"{t.start:%Y-%m}", f"{t.finish:%Y-%m}") for t in s}


def test_a_hand_written_csv_gives_its_marked_months() -> None:
    reading = load_grid(HAND)
    plan = reading.plan
    assert plan.name == "Projektstrukturplan – Digitale Werkstatt (Entwurf)"
    assert (plan.start, plan.end, plan.unit) == (dt.date(2020, 9, 1), dt.date(2021, 2, 28),
                                                 psp.Unit.MONTH)
    assert [(p.id, p.name) for p in plan.packages] == [("AP1", "Konzeption"),
                                                       ("AP2", "Umsetzung")]
    assert _months(plan) == {"1.1": ("2020-09", "2020-10"), "1.2": ("2020-10", "2020-11"),
                             "1.3": ("2020-11", "2020-11"), "2.1": ("2020-12", "2021-02"),
                             "2.2": ("2021-02", "2021-02")}
    assert {t.id: t.owners for t in plan.tasks} == {
        "1.1": ("AGIT",), "1.2": ("AGIT", "3win"), "1.3": ("AGIT",), "2.1": ("3win", "IHK"),
        "2.2": ()}
    assert plan.task("1.3").kind is psp.TaskKind.MILESTONE
    assert plan.links == ()
    assert [n.code for n in reading.notes] == ["no-links"]


def test_a_hand_made_workbook_with_colour_only_marks_reads(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Color, PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Projektstrukturplan Modellregion"])
    sheet.append([])
    sheet.append(["Nr.", "Arbeitspaket", "Verantwortlich", dt.datetime(2021, 1, 1),
                  "Feb. 2021", "03/2021", "Apr'21", "Mai 2021"])
    sheet.append(["", "AP 1 Bestandsaufnahme"])
    sheet.append(["1.1", "Interviews", "Stadt"])
    sheet.append(["1.2", "Auswertung", "Stadt; Hochschule"])
    sheet.append(["AP 2", "Umsetzung"])
    sheet.append(["2.1", "Pilot", "Hochschule"])
    orange = PatternFill("solid", fgColor="FFC000")
    theme = PatternFill("solid", fgColor=Color(theme=4))  # as Excel's palette gives it
    white = PatternFill("solid", fgColor="FFFFFF")  # painted white: no mark
    for cell in ("D5", "E5", "E6", "F6", "G8", "H8"):
        sheet[cell].fill = orange
    sheet["F8"].fill = theme
    sheet["D8"].fill = white
    path = tmp_path / "grid.xlsx"
    book.save(path)
    plan = load_grid(path).plan
    assert plan.name == "Projektstrukturplan Modellregion"
    assert [(p.id, p.name) for p in plan.packages] == [("AP1", "Bestandsaufnahme"),
                                                       ("AP 2", "Umsetzung")]  # as written
    assert _months(plan) == {"1.1": ("2021-01", "2021-02"), "1.2": ("2021-02", "2021-03"),
                             "2.1": ("2021-03", "2021-05")}
    assert {t.id: t.owners for t in plan.tasks} == {
        "1.1": ("Stadt",), "1.2": ("Stadt", "Hochschule"), "2.1": ("Hochschule",)}


@pytest.mark.parametrize(("suffix", "lang"), [(".xlsx", "de"), (".csv", "de"), (".csv", "en")])
def test_psps_own_table_reads_back_to_the_same_tasks_months_and_owners(
        tmp_path: Path, suffix: str, lang: str) -> None:
    example = "examples/digitale_werkstatt.toml"
    out = tmp_path / f"plan{suffix}"
    assert psp_cli("table", example, "-o", str(out), "--lang", lang).returncode == 0
    plan, again = psp.load(example), read(out).plan
    assert _months(again) == _months(plan)
    assert [(t.id, t.name, t.package, t.owners) for t in again.tasks] == [
        (t.id, t.name, t.package, t.owners) for t in plan.tasks]
    assert [(p.id, p.name) for p in again.packages] == [(p.id, p.name) for p in plan.packages]
    assert again.start == plan.start and again.end == plan.end


def test_a_gap_is_an_error_naming_the_row_unless_split() -> None:
    text = "Nr.,Aufgabe,Sep 20,Okt 20,Nov 20\n1.1,Schulung,x,,x\n"
    with pytest.raises(psp.ValidationError, match=r"\n  g\.csv: row 2: .*'1\.1'.* gap"):
        loads_grid(text, file="g.csv")
    plan = loads_grid(text, file="g.csv", split=True).plan
    assert _months(plan) == {"1.1a": ("2020-09", "2020-09"), "1.1b": ("2020-11", "2020-11")}


def test_months_must_follow_each_other() -> None:
    with pytest.raises(psp.PlanFileError, match="consecutive months: 'nov 20' follows"):
        loads_grid("Nr.,Aufgabe,Sep 20,Nov 20\n1,A,x,\n", file="g.csv")


def test_the_grid_of_a_plan_is_written_and_convert_refuses_a_unit(tmp_path: Path) -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    notes = psp.io.write(plan, tmp_path / "plan.csv")
    assert [n.code for n in notes] == ["positions", "grid-schedule"]
    text = (tmp_path / "plan.csv").read_text(encoding="utf-8")
    s = psp.schedule(plan)
    assert text.splitlines()[0].split(",")[3] == month_grid(s).header[3] == "Sep'20"
    with pytest.raises(psp.UsageError, match="a month grid is a plan in months"):
        read(tmp_path / "plan.csv", unit="day")


def test_check_says_a_grid_has_no_links() -> None:
    done = psp_cli("check", str(HAND), "--strict")  # a plan may have no links: no failure
    assert done.returncode == 0
    assert f"{HAND}: note: the plan has no links" in done.stdout
    assert "no-links" in done.stderr
    linked = psp_cli("check", "examples/digitale_werkstatt.toml")
    assert "no links" not in linked.stdout
