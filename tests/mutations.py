"""One way to mutate a text file line by line, shared by the fuzz tests of every reader."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st


def mutate(draw: st.DrawFn, lines: list[str], *, value_line: Callable[[int], int | None],
           odd_value: Callable[[str], str]) -> list[str]:
    """One mutation: a line's value made odd, or a line dropped, doubled, cut or a stray one.

    ``value_line(n)`` picks the line whose value to change (``None``: none has one);
    ``odd_value(line)`` returns that line with an odd value.
    """
    how = draw(st.sampled_from(["value"] * 6 + ["drop", "double", "cut", "stray"]))
    n = draw(st.integers(0, len(lines) - 1))
    chosen = value_line(n) if how == "value" else None
    if chosen is not None:
        lines[chosen] = odd_value(lines[chosen])
    elif how == "drop":
        del lines[n]
    elif how == "double":
        lines.insert(n, lines[n])
    elif how == "cut":
        lines = lines[:n]
    elif how == "stray":
        lines.insert(n, draw(st.text(max_size=30)))
    return lines or [""]
