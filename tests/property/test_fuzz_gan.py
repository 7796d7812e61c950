"""Fuzzing the GanttProject reader: mutated files give a plan or a clean `PlanError`, never
a traceback or a hang.

Each run changes one of the GanttProject files in ``tests/data/gan`` (or one psp wrote)
a little: an attribute's value replaced by something odd, a line dropped, doubled or cut,
stray text. Reading it, then scheduling what was read, may only raise `PlanError`, and
every problem names the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import psp
from psp.io import dumps_gan, loads_gan
from tests.mutations import mutate

DATA = Path(__file__).parent.parent / "data" / "gan"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.gan"))]
TEXTS += [dumps_gan(psp.load(f"examples/{name}.toml")) for name in ("digitale_werkstatt",)]
ODD = st.sampled_from([
    "", " ", "-1", "0", "1", "2", "5", "99999999999", "1e308", "nan", "-3", "true", "false",
    "2021-02-30", "0001-01-01", "9999-12-31", "2021-03-06", "01.03.2021", "&amp;", "x" * 300,
    "Rubber", "tpc0", "tpc1", "unit=week", "unit=parsec", "level_of_effort", "package",
    "not_after=2021-03-31", "actual=2021-03-01/", "actual=x/y", "not_started", "start=2021",
])
ATTRIBUTE = re.compile(r'="([^"]*)"')


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).splitlines()

    def odd_value(line: str) -> str:
        odd = draw(st.one_of(ODD, st.text(max_size=12).map(_escaped)))
        found = list(ATTRIBUTE.finditer(line))
        match = found[draw(st.integers(0, len(found) - 1))]
        return f'{line[:match.start()]}="{odd}"{line[match.end():]}'

    for _ in range(draw(st.integers(1, 4))):
        has_value = [bool(ATTRIBUTE.search(line)) for line in lines]
        lines = mutate(draw, lines, odd_value=odd_value,
                       value_line=lambda n, has=has_value: n if has[n] else None)
    return "\n".join(lines)


def _escaped(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


@settings(max_examples=max(settings().max_examples, 300))
@given(mutated())
def test_a_mutated_ganttproject_file_reads_or_says_what_is_wrong(text: str) -> None:
    try:
        reading = loads_gan(text.encode("utf-8", "surrogatepass"), file="fuzz.gan")
    except psp.ValidationError as err:
        assert all(p.file == "fuzz.gan" for p in err.problems), err
        return
    except psp.PlanError as err:
        assert str(err).startswith("fuzz.gan: ") and "\n" not in str(err), err
        return
    psp.schedule(reading.plan)  # a plan read is a valid plan
