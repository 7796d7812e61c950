"""The two TOML parsers read plan files alike.

psp reads with rtoml (Rust) where it is installed and falls back to tomli, which also
words every error. The law: whatever tomli reads, psp's reader returns to the same
values (types, time zones and NaN included); whatever tomli refuses, psp refuses with
tomli's words, except rtoml's one known leniency, a line break inside an inline table
(``{ id = "2.2", lag =`` then the value on the next line).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import given
from hypothesis import strategies as st

from psp.errors import TomlSyntaxError
from psp.io import _toml

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(Path("examples").glob("*.toml"))]
PIECES = [*'"\'[]{}=.,#\n \t-:+0123456789abefxTZ_\\', '"""', "'''", "nan", "inf",
          "1979-05-27", "T07:32:00", "\r\n", "é", "\\e", "\\u00e9", "99999999999999999999"]

needs_rtoml = pytest.mark.skipif(_toml._fast is None, reason="rtoml is not installed here")


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types, NaN equal to NaN, times with the same offset."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dt.datetime | dt.time):
        return a == b and a.utcoffset() == b.utcoffset()
    return bool(a == b)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """An example plan with a few characters inserted, deleted or replaced."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(PIECES))
        how = draw(st.sampled_from(["insert", "delete", "replace"]))
        cut = draw(st.integers(1, 5)) if how == "delete" else len(piece) if how == "replace" else 0
        text = text[:i] + ("" if how == "delete" else piece) + text[i + cut:]
    return text


def _open_inline_table(text: str, err: tomli.TOMLDecodeError) -> bool:
    """Whether tomli stopped at or just after a line that leaves an inline table open."""
    found = re.search(r"at line (\d+)", str(err))
    assert found is not None
    lines = text.splitlines()
    number = int(found.group(1)) - 1
    return any(line.count("{") > line.count("}") for line in lines[max(0, number - 1):number + 1])


@needs_rtoml
@given(mutated())
def test_rtoml_reads_what_tomli_reads_and_refuses_what_it_refuses(text: str) -> None:
    try:
        expected = tomli.loads(text)
    except tomli.TOMLDecodeError as err:
        try:
            _toml._toml(text, "plan.toml")
        except TomlSyntaxError as refused:
            assert str(refused) == f"plan.toml: not valid TOML: {err}"
        else:
            assert _open_inline_table(text, err), text
        return
    assert same(_toml._toml(text, "plan.toml"), expected)


@pytest.mark.parametrize("text", TEXTS[:3])
def test_without_rtoml_tomli_reads_alone(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_toml, "_fast", None)
    assert same(_toml._toml(text, "x.toml"), tomli.loads(text))


def test_a_text_beyond_the_limit_goes_to_tomli(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing:
        @staticmethod
        def loads(text: str) -> None:
            raise AssertionError("rtoml asked for a text beyond the limit")

    monkeypatch.setattr(_toml, "_fast", Refusing)
    monkeypatch.setattr(_toml, "FAST_LIMIT", len(TEXTS[0]) - 1)
    assert same(_toml._toml(TEXTS[0], "x.toml"), tomli.loads(TEXTS[0]))


@pytest.mark.parametrize("fast", ["rtoml", "tomli"])
@pytest.mark.parametrize(("text", "value"), [
    # TOML 1.1: the escape \e, an inline table over several lines
    ('a = "x\\ey"', {"a": "x\x1by"}),
    ("a = { b = 1,\n  c = 2 }", {"a": {"b": 1, "c": 2}}),
    # more than 64 bits: tomli reads it
    ("a = 99999999999999999999", {"a": 99999999999999999999}),
], ids=["escape-e", "multiline-inline-table", "big-int"])
def test_what_one_parser_refuses_the_other_reads(
        fast: str, text: str, value: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    if fast == "tomli":
        monkeypatch.setattr(_toml, "_fast", None)
    elif _toml._fast is None:
        pytest.skip("rtoml is not installed here")
    assert same(_toml._toml(text, "x.toml"), value)


@pytest.mark.parametrize("depth", [1_000, 10_000, 300_000])
def test_nesting_of_any_depth_is_a_clean_error(depth: int) -> None:
    """A text nested deeper than either parser goes is refused, never a crash.

    toml-rs 0.4.3, tried as the fast parser, read 1,000 levels and ended the process
    with a segmentation fault at 10,000; rtoml refuses beyond 80 and tomli words it.
    """
    with pytest.raises(TomlSyntaxError) as caught:
        _toml._toml("a = " + "[" * depth + "]" * depth, "x.toml")
    assert str(caught.value) == "x.toml: not a plan file: values nested too deeply"


@pytest.mark.parametrize("fast", ["rtoml", "tomli"])
def test_nesting_deeper_than_rtoml_goes_is_read_by_tomli(
        fast: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if fast == "tomli":
        monkeypatch.setattr(_toml, "_fast", None)
    elif _toml._fast is None:
        pytest.skip("rtoml is not installed here")
    got = _toml._toml("a = " + "[" * 120 + "]" * 120, "x.toml")
    depth, inner = 0, got["a"]  # 120 lists, each the only item of the one around it
    while inner:
        depth, inner = depth + 1, inner[0]
    assert (depth, inner) == (119, [])


def test_an_error_is_worded_by_tomli_with_line_and_column() -> None:
    with pytest.raises(TomlSyntaxError) as caught:
        _toml._toml('[project]\nname = "x\n', "plan.toml")
    assert str(caught.value) == (
        "plan.toml: not valid TOML: Illegal character '\\n' (at line 2, column 10)")
