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
from psp.io import _tomltext

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(Path("examples").glob("*.toml"))]
PIECES = [*'"\'[]{}=.,#\n \t-:+0123456789abefxTZ_\\', '"""', "'''", "nan", "inf",
          "1979-05-27", "T07:32:00", "\r\n", "é", "\\e", "\\u00e9", "99999999999999999999"]

needs_rtoml = pytest.mark.skipif(_tomltext._fast is None, reason="rtoml is not installed here")


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
def mutated(draw: st.DrawFn, pieces: tuple[str, ...] | list[str] = ()) -> str:
    """An example plan with a few characters inserted, deleted or replaced."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from([*PIECES, *pieces]))
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
            _tomltext.parse(text, "plan.toml")
        except TomlSyntaxError as refused:
            assert str(refused) == f"plan.toml: not valid TOML: {err}"
        else:
            assert _open_inline_table(text, err), text
        return
    assert same(_tomltext.parse(text, "plan.toml"), expected)


@pytest.mark.parametrize("text", TEXTS[:3])
def test_without_rtoml_tomli_reads_alone(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_tomltext, "_fast", None)
    assert same(_tomltext.parse(text, "x.toml"), tomli.loads(text))


def test_a_text_beyond_the_limit_goes_to_tomli(monkeypatch: pytest.MonkeyPatch) -> None:
    class Refusing:
        @staticmethod
        def loads(text: str) -> None:
            raise AssertionError("rtoml asked for a text beyond the limit")

    monkeypatch.setattr(_tomltext, "_fast", Refusing)
    monkeypatch.setattr(_tomltext, "FAST_LIMIT", len(TEXTS[0]) - 1)
    assert same(_tomltext.parse(TEXTS[0], "x.toml"), tomli.loads(TEXTS[0]))


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
        monkeypatch.setattr(_tomltext, "_fast", None)
    elif _tomltext._fast is None:
        pytest.skip("rtoml is not installed here")
    assert same(_tomltext.parse(text, "x.toml"), value)


@pytest.mark.parametrize("depth", [1_000, 10_000, 300_000])
def test_nesting_of_any_depth_is_a_clean_error(depth: int) -> None:
    """A text nested deeper than either parser goes is refused, never a crash.

    toml-rs 0.4.3, tried as the fast parser, read 1,000 levels and ended the process
    with a segmentation fault at 10,000; rtoml refuses beyond 80 and tomli words it.
    """
    with pytest.raises(TomlSyntaxError) as caught:
        _tomltext.parse("a = " + "[" * depth + "]" * depth, "x.toml")
    assert str(caught.value) == "x.toml: not a plan file: values nested too deeply"


@pytest.mark.parametrize("fast", ["rtoml", "tomli"])
def test_nesting_deeper_than_rtoml_goes_is_read_by_tomli(
        fast: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if fast == "tomli":
        monkeypatch.setattr(_tomltext, "_fast", None)
    elif _tomltext._fast is None:
        pytest.skip("rtoml is not installed here")
    got = _tomltext.parse("a = " + "[" * 120 + "]" * 120, "x.toml")
    depth, inner = 0, got["a"]  # 120 lists, each the only item of the one around it
    while inner:
        depth, inner = depth + 1, inner[0]
    assert (depth, inner) == (119, [])


def test_an_error_is_worded_by_tomli_with_line_and_column() -> None:
    with pytest.raises(TomlSyntaxError) as caught:
        _tomltext.parse('[project]\nname = "x\n', "plan.toml")
    assert str(caught.value) == (
        "plan.toml: not valid TOML: Illegal character '\\n' (at line 2, column 10)")


# --- large plans: rtoml reads them a run of tasks at a time ------------------------------

def _as_tomli(text: str, chunk: int) -> None:
    """The law, with pieces of ``chunk`` characters: tomli's values, or tomli's error."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_tomltext, "CHUNK", chunk)
        try:
            expected = tomli.loads(text.removeprefix("\ufeff"))
        except tomli.TOMLDecodeError as err:
            with pytest.raises(TomlSyntaxError) as refused:
                _tomltext.parse(text, "plan.toml")
            assert str(refused.value) == f"plan.toml: not valid TOML: {err}"
            return
        assert same(_tomltext.parse(text, "plan.toml"), expected)


# What a plan file may hold after its tasks begin, each a way a cut before a [[task]]
# line could go wrong: the line inside a string, an array of tables the first piece also
# has (as a value, which TOML forbids to extend), a table given in parts, sub-tables.
EXTRAS = [
    'note = """\n[[task]]\nid = "inside"\n"""\n',
    "note = '''\n[[task]]\n'''\n",
    '[[position]]\nid = "p"\ntotal = 1000\n',
    '[[package]]\nid = "AP9"\n',
    '[project.extra]\nseen = true\n',
    '[task.sub]\nx = 1\n',
    '[[task.steps]]\nx = 2\n',
    '  [[task]]\nid = "indented"\n',
    '[[task]]  # a comment\nid = "commented"\n',
    'depends = [\n"a",\n]\n',
    '[[task]]\n[[task]]\n',
    '[project]\nname = "again"\n',
]
HEADS = ['[project]\nname = "P"\nstart = "2021-01"\n',
         '[project]\nname = "P"\n[[package]]\nid = "AP1"\n',
         'task = [{ id = "static" }]\n[project]\nname = "P"\n',
         '']


@st.composite
def long_plans(draw: st.DrawFn) -> str:
    """A header, then task tables with the extras above between them, in LF or CRLF."""
    parts = [draw(st.sampled_from(HEADS))]
    for n in range(draw(st.integers(0, 12))):
        parts.append(f'[[task]]\nid = "t{n}"\nduration = {n}\n')
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(EXTRAS)))
    text = "".join(parts)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return ("\ufeff" if draw(st.booleans()) else "") + text


@needs_rtoml
@given(long_plans(), st.integers(1, 120))
def test_a_plan_read_in_pieces_reads_as_tomli_reads_it_whole(text: str, chunk: int) -> None:
    _as_tomli(text, chunk)


@needs_rtoml
@given(mutated(pieces=["\n[[task]]\n", '\n"""\n', "\n[[position]]\n", "\n[x]\n"]))
def test_a_mutated_plan_cut_before_every_task_reads_as_tomli_reads_it(text: str) -> None:
    if re.search(r"\{[^}\n]*\n", text):  # rtoml's one leniency (see the module's text)
        return
    _as_tomli(text, 1)


def test_the_cuts_fall_before_task_lines_and_leave_the_first_piece_without_tasks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = '[project]\nname = "P"\n' + "".join(
        f'[[task]]\nid = "t{n}"\n' for n in range(6))  # each task 19 characters
    monkeypatch.setattr(_tomltext, "CHUNK", 36)  # two tasks to a piece
    head = len('[project]\nname = "P"\n')
    assert _tomltext._cuts(text) == [0, head, head + 38, head + 76, len(text)]
    monkeypatch.setattr(_tomltext, "CHUNK", len(text))
    assert _tomltext._cuts(text) == [0, len(text)]


def _task_lines(text: str) -> list[int]:
    """Where each line that is exactly ``[[task]]`` begins: line by line, the simple way."""
    found, at = [], 0
    for line in text.split("\n"):
        if line.removesuffix("\r") == "[[task]]":
            found.append(at)
        at += len(line) + 1
    return found


@given(st.one_of(long_plans(), mutated(pieces=["\n[[task]]\n", "[[task]]\r\n", " [[task]]"])),
       st.integers(1, 120))
def test_each_cut_is_the_first_task_line_a_chunk_after_the_last(text: str, chunk: int) -> None:
    cuts = [0]
    for line in _task_lines(text):
        if len(cuts) == 1 or line - cuts[-1] >= chunk:
            cuts.append(line)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_tomltext, "CHUNK", chunk)
        expected = [*cuts, len(text)] if len(text) > chunk else [0, len(text)]
        assert _tomltext._cuts(text) == expected


def test_a_piece_rtoml_refuses_sends_the_whole_text_to_tomli(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = 'a = """\n[[task]]\n"""\n[[task]]\nid = "x"\n'
    monkeypatch.setattr(_tomltext, "CHUNK", 1)
    assert _tomltext._in_pieces(text) is None
    assert _tomltext.parse(text, "x.toml") == {"a": "[[task]]\n", "task": [{"id": "x"}]}
