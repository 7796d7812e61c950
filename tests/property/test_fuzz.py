"""Fuzzing: the example files, mutated, never make psp print a traceback.

Each run changes one example plan or portfolio file a little (a value replaced by
something odd, a line dropped, doubled or cut, stray text) and runs the commands a
user would run on it, in-process. Every one must end with status 0, 1 or 2, and every
problem line of ``psp check`` must name the file. The CI profile runs a small
deterministic budget; ``HYPOTHESIS_PROFILE=thorough`` runs many more.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psp
import psp.cli._commands
from tests.cli import psp_cli
from tests.mutations import mutate

EXAMPLES = [Path("examples/digitale_werkstatt.toml"), Path("examples/digitale_modellregion.toml"),
            Path("examples/digitale_werkstatt_risiko.toml")]
TEXTS = {path: path.read_text(encoding="utf-8") for path in EXAMPLES}

ODD = st.sampled_from([
        "nan", "inf", "-inf", "1e300", "-1", "0", "-0.0", "99999999999999999999", "1e-30",
        "true", "[]", "{}", "[[]]", '[""]', '["A", "B"]', '{ id = "x" }', '""', '" "',
        '"a\\nb"', '"=1+1"', '"$5 bis $10"', '"<b>x</b>"', '"9999-12"', '"0999-01"',
        '"31.02.2021"', '"Smarch 2021"', '"2021-13"', "2021-08-31", "2021-08-31T12:00:00",
        '"3win, AGIT"', '"+"', '"FS"', '"XX"', '"level_of_effort"', '"2020-09"', '"²"',
        '"' + "September" * 500 + '"', "[" * 50 + "]" * 50,
])
ODD_VALUES = st.one_of(
    ODD, ODD, ODD,  # mostly the values that broke psp before
    st.integers(-10**6, 10**6).map(str),
    st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"')
                             .replace("\n", "\\n").replace("\r", "\\r") + '"'),
)


def _keys(lines: list[str]) -> dict[str, list[int]]:
    """The line numbers of each key (each key alike, however often it appears)."""
    keys: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        if "=" in line and not line.startswith("#"):
            keys.setdefault(line.split("=", 1)[0].strip(), []).append(number)
    return keys


def _mutate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """One mutation: a key's odd value, or a line dropped, doubled, cut or a stray one."""
    keys = _keys(lines)

    def value_line(_n: int) -> int | None:
        if not keys:
            return None
        n = draw(st.sampled_from(keys[draw(st.sampled_from(sorted(keys)))]))
        return n if "=" in lines[n] else None

    return mutate(draw, lines, value_line=value_line,
                  odd_value=lambda line: f"{line.split('=', 1)[0]}= {draw(ODD_VALUES)}")


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, str]:
    path = draw(st.sampled_from(EXAMPLES))
    lines = TEXTS[path].splitlines()
    for _ in range(draw(st.integers(1, 4))):
        lines = _mutate(draw, lines)
    return path, "\n".join(lines) + "\n"


def run(*argv: str) -> tuple[int, str]:
    result = psp_cli(*argv)
    return result.returncode, result.stdout + result.stderr


# At least 300 mutations even in CI: fewer found none of the old crashes (measured).
@settings(max_examples=max(settings().max_examples, 300),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutated())
def test_mutated_plan_files_never_break_a_command(tmp_path: Path, case: tuple[Path, str]) -> None:
    original, text = case
    plan = tmp_path / original.name
    try:
        plan.write_text(text, encoding="utf-8")
    except UnicodeEncodeError:  # a lone surrogate cannot be a file's text
        plan.write_bytes(text.encode("utf-8", "surrogatepass"))
    status, out = run("check", str(plan))
    assert status in (0, 1), out
    if status == 1:
        assert all(line.startswith(f"{plan}: ") for line in out.splitlines()), out
    for argv in (["schedule", str(plan)], ["schedule", str(plan), "--format", "json"],
                 ["critical", str(plan)], ["costs", str(plan), "--format", "csv"],
                 ["table", str(plan), "-o", str(tmp_path / "plan.csv")],
                 ["replan", str(plan), "--delay", "3.1=+1", "--extend", "31.12.2022"],
                 *([["risk", str(plan), "--samples", "50", "--seed", "1"]]
                   if "risiko" in original.name else [])):
        code, said = run(*argv)
        assert code in (0, 1, 2), (argv, said)
        if status == 0 and argv[0] != "replan":  # check passed: so must they
            assert code == 0, (argv, said)
    if status == 0:
        chart = psp.gantt(psp.schedule(psp.cli._commands._load(str(plan))))
        chart.figure.clear()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")) == []
