"""Fuzzing the MS Project reader: mutated files give a plan or a clean `PlanError`, never
a traceback or a hang.

Each run changes one of the MS Project files in ``tests/data/mspdi`` (or one psp wrote)
a little: an element's text replaced by something odd, a line dropped, doubled or cut,
stray text. Reading it, then scheduling what was read, may only raise `PlanError`, and
every problem names the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import psp
from psp.io import dumps_mspdi, loads_mspdi
from tests.mutations import mutate

DATA = Path(__file__).parent.parent / "data" / "mspdi"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.xml"))]
TEXTS.append(dumps_mspdi(psp.load("examples/digitale_werkstatt.toml")))
ODD = st.sampled_from([
    "", " ", "-1", "0", "1", "7", "99999999999", "1e308", "nan", "inf", "-PT8H0M0S",
    "PT8H0M0S", "PT0.5H0M0S", "PT99999999H0M0S", "2021-02-30T08:00:00", "0001-01-01T00:00:00",
    "9999-12-31T23:59:59", "2021-03-01", "2021-03-01T08:00:00+02:00", "&amp;", "x" * 300,
    "<Task><UID>1</UID></Task>", "1.1", "AP1", "true",
])
ELEMENT = re.compile(r">([^<>]*)</")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).splitlines()

    def odd_value(line: str) -> str:
        odd = draw(st.one_of(ODD, st.text(max_size=12).map(_escaped)))
        return ELEMENT.sub(lambda _m: f">{odd}</", line, count=1)

    for _ in range(draw(st.integers(1, 4))):
        has_value = [bool(ELEMENT.search(line)) for line in lines]
        lines = mutate(draw, lines, odd_value=odd_value,
                       value_line=lambda n, has=has_value: n if has[n] else None)
    return "\n".join(lines)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@settings(max_examples=max(settings().max_examples, 300))
@given(mutated())
def test_a_mutated_ms_project_file_reads_or_says_what_is_wrong(text: str) -> None:
    try:
        reading = loads_mspdi(text.encode("utf-8", "surrogatepass"), file="fuzz.xml")
    except psp.ValidationError as err:
        assert all(p.file == "fuzz.xml" for p in err.problems), err
        return
    except psp.PlanError as err:
        assert str(err).startswith("fuzz.xml: ") and "\n" not in str(err), err
        return
    psp.schedule(reading.plan)  # a plan read is a valid plan
