"""Fuzzing the month-grid reader: mutated sheets give a plan or a clean `PlanError`.

A CSV grid (the hand-written one, or psp's own) has a cell replaced by something odd, a
line dropped, doubled or cut, or stray text; a workbook has bytes changed or cut. Reading
it, then scheduling what was read, may only raise `PlanError` naming the file.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import psp
from psp.engine._cpm import month_grid
from psp.io._grid import grid_csv, grid_xlsx, load_grid, loads_grid
from tests.mutations import mutate

DATA = Path(__file__).parent.parent / "data" / "grid"
_S = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.csv"))]
TEXTS += [grid_csv(_S, lang=lang, excel=excel) for lang in ("de", "en") for excel in (False, True)]
ODD = st.sampled_from([
    "", " ", "x", "■", "◆", "◆◆", "AP1", "AP 7 Neu", "P3", "1.1", "1", "Nr.", "Aufgabe",
    "Sep 20", "Okt'20", "13/2020", "2020-02", "Feb 2999", "0001-01", "krit.", "+", ";;",
    '"', "a,b", "x" * 300, "\u0000", "Verantwortlich", '="1.1"', '="', "\ufeff",
])


def _workbook() -> bytes:
    buffer = io.BytesIO()
    grid_xlsx(month_grid(_S), buffer)  # type: ignore[arg-type]
    return buffer.getvalue()


WORKBOOK = _workbook()


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).splitlines()
    separator = ";" if ";" in lines[0] or (len(lines) > 2 and ";" in lines[2]) else ","

    def odd_value(line: str) -> str:
        cells = line.split(separator)
        cells[draw(st.integers(0, len(cells) - 1))] = draw(st.one_of(ODD, st.text(max_size=8)))
        return separator.join(cells)

    for _ in range(draw(st.integers(1, 4))):
        lines = mutate(draw, lines, odd_value=odd_value, value_line=lambda n: n)
    return "\n".join(lines)


def _reads_or_says(read: object, file: str) -> None:
    try:
        reading = read()  # type: ignore[operator]
    except psp.ValidationError as err:
        assert all(p.file == file for p in err.problems), err
        return
    except psp.PlanError as err:
        assert str(err).startswith(f"{file}: ") and "\n" not in str(err), err
        return
    psp.schedule(reading.plan)  # a plan read is a valid plan


@settings(max_examples=max(settings().max_examples, 300))
@given(mutated())
def test_a_mutated_csv_grid_reads_or_says_what_is_wrong(text: str) -> None:
    _reads_or_says(lambda: loads_grid(text, file="fuzz.csv"), "fuzz.csv")


@settings(max_examples=max(settings().max_examples, 100))
@given(st.lists(st.tuples(st.integers(0, len(WORKBOOK) - 1), st.integers(0, 255)),
                min_size=1, max_size=4), st.integers(100, len(WORKBOOK)))
def test_a_damaged_workbook_reads_or_says_what_is_wrong(
        changes: list[tuple[int, int]], length: int) -> None:
    data = bytearray(WORKBOOK)
    for at, value in changes:
        data[at] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xlsx"
        path.write_bytes(bytes(data[:length]))
        _reads_or_says(lambda: load_grid(path), str(path))
