"""TOML text to Python values: rtoml a run of tasks at a time, tomli where rtoml refuses.

rtoml (Rust) reads a plan in about half tomli's time, but holds the whole document in
Rust before it builds Python values: its peak memory is about 40 times the text (344 MB
for 100,000 tasks), and each fresh page of memory costs the process a page fault. So a
long plan is parsed in pieces of about `CHUNK` characters, cut just before a line
``[[task]]``: each piece is TOML of its own, and the pieces' tables joined are the
whole text's tables (`_joined` says when they are not, and then the whole text goes to
tomli). Memory freed after one piece serves the next.

Where the two parsers may differ, psp reads as tomli does: a Windows line break (CR LF)
inside a multi-line string is one ``"\\n"``. tomli reads what rtoml refuses — a value
rtoml cannot hold, nesting beyond its limit, text that is not TOML — and words every
error. `tests/property/test_toml_parsers.py` holds the law: psp reads what tomli reads,
to the same values, however the text is cut.
"""

from __future__ import annotations

import itertools
from types import ModuleType
from typing import Any

from psp._support.memory import paused_collector
from psp.errors import TomlSyntaxError

__all__ = ["CHUNK", "FAST_LIMIT", "parse"]

_fast: ModuleType | None
try:  # a TOML parser in Rust: about twice as fast as compiled tomli on large plans
    import rtoml as _fast
except ImportError:  # pragma: no cover - a dependency wherever it ships wheels
    _fast = None

FAST_LIMIT = 1 << 20
"""The longest piece of text, in characters, that rtoml parses (tomli reads longer ones)."""

CHUNK = 1 << 14
"""About how many characters rtoml parses at once (measured on 10,000 tasks: 31 ms in
pieces of 8 to 32 KiB against 41 ms whole, 2,400 page faults against 9,800)."""

_HEADER = "[[task]]"


def parse(text: str, file: str) -> dict[str, Any]:
    """Parse TOML; every way it can fail is one clean error naming the file.

    Parsing makes many small objects in no cycle: the collector waits.

    Examples
    --------
    >>> parse('[project]\\nname = "Demo"\\n[[task]]\\nid = "a"', "plan.toml")
    {'project': {'name': 'Demo'}, 'task': [{'id': 'a'}]}
    >>> parse('[project]\\nname = "x\\n', "plan.toml")
    Traceback (most recent call last):
    ...
    psp.errors.TomlSyntaxError: plan.toml: not valid TOML: Illegal character '\\n' ...
    """
    text = text.removeprefix("\ufeff")
    with paused_collector():
        data = _in_pieces(text) if _fast is not None else None
        if data is not None:
            return data
        import tomli  # the careful parser: loaded when rtoml is absent or refuses the text

        try:
            return tomli.loads(text)
        except tomli.TOMLDecodeError as err:
            raise TomlSyntaxError(file, f"not valid TOML: {err}") from None
        except RecursionError:  # arrays or tables nested hundreds deep
            raise TomlSyntaxError(file, "not a plan file: values nested too deeply") from None


def _in_pieces(text: str) -> dict[str, Any] | None:
    """rtoml's reading of the text, piece by piece; ``None`` where tomli must read it."""
    assert _fast is not None
    if "\r" in text:  # tomli reads a line break in a multi-line string as "\n", rtoml not
        text = text.replace("\r\n", "\n")
    cuts = _cuts(text)
    if any(b - a > FAST_LIMIT for a, b in itertools.pairwise(cuts)):
        return None
    try:
        return _joined([_fast.loads(text[a:b]) for a, b in itertools.pairwise(cuts)])
    except ValueError:  # rtoml refuses one piece: a cut inside a string, or not TOML
        return None


def _cuts(text: str) -> list[int]:
    """Where the pieces begin and the last ends: at 0, before the first ``[[task]]`` line
    (so the first piece holds no task), then before one every `CHUNK` characters or more.

    Only the text around each cut is searched, not every task's header.

    Examples
    --------
    >>> text = "[project]\\n" + "[[task]]\\nid = 1\\n" * 3
    >>> _cuts(text) == [0, len(text)]  # a short text is one piece
    True
    """
    if len(text) <= CHUNK:
        return [0, len(text)]
    cuts = [0]
    at = _task_line(text, 0)
    while at != -1:
        cuts.append(at)
        at = _task_line(text, at + CHUNK)
    return [*cuts, len(text)]


def _task_line(text: str, start: int) -> int:
    """Where the first line that is exactly ``[[task]]`` begins at or after ``start``
    (-1: none does).

    Examples
    --------
    >>> text = '[[task]]\\nid = 1\\n[[task]]\\r\\n  [[task]]\\nx = "[[task]]"\\n[[task]]'
    >>> _task_line(text, 0), _task_line(text, 1), _task_line(text, 17), _task_line(text, 53)
    (0, 16, 52, -1)
    """
    at = text.find(_HEADER, start)
    while at != -1:
        end = at + len(_HEADER)
        if (at == 0 or text[at - 1] == "\n") and (
                end == len(text) or text[end] == "\n" or text.startswith("\r\n", end)):
            return at
        at = text.find(_HEADER, end)
    return -1


def _joined(pieces: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The pieces' tables as the whole text's, or ``None`` when that takes the whole text.

    A later piece begins inside a ``[[task]]`` table, so each key it has at the top comes
    from a table header: a list from ``[[name]]``, which adds to that array of tables, a
    table from ``[name]``. Arrays of tables from later pieces are joined in order; any
    other key that two pieces share (a table given in parts, or an array the first piece
    may have written as a value) is left to tomli, which reads or refuses it as a whole.

    Examples
    --------
    >>> _joined([{"project": {"name": "x"}}, {"task": [{"id": "a"}]},
    ...          {"task": [{"id": "b"}], "position": [{"id": "p"}]}])
    {'project': {'name': 'x'}, 'task': [{'id': 'a'}, {'id': 'b'}], 'position': [{'id': 'p'}]}
    >>> _joined([{"task": [{"id": "a"}]}, {"task": [{"id": "b"}]}]) is None
    True
    """
    whole, first = pieces[0], set(pieces[0])
    for piece in pieces[1:]:
        for key, value in piece.items():
            if key not in whole:
                whole[key] = value
            elif key in first or type(value) is not list or type(whole[key]) is not list:
                return None
            else:
                whole[key] += value
    return whole
