"""Plain-text and HTML table primitives; they know nothing about plans.

They sit at the bottom with the errors so that any layer may show itself in a
terminal (``str``) and in Jupyter (``_repr_html_``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

__all__ = ["html_table", "shorten", "text_table"]


def shorten(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, ending in an ellipsis when cut.

    Examples
    --------
    >>> shorten("Durchführung einer Marktanalyse", 12)
    'Durchführun…'
    """
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + "…"


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, align: str) -> str:
    """Columns padded to their widest cell; ``align`` has one ``<`` or ``>`` per column.

    Examples
    --------
    >>> print(text_table(["id", "n"], [["a", "1"], ["bb", "10"]], align="<>"))
    id   n
    a    1
    bb  10
    """
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            f"{c:{a}{w}}" for c, a, w in zip(cells, align, widths, strict=True)
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(header), *(line(r) for r in rows)])


def html_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str = "",
    row_classes: Sequence[str] | None = None,
    style: str = "",
) -> str:
    """An HTML table with escaped cells; ``row_classes`` gives each row a CSS class.

    Examples
    --------
    >>> html_table(["id"], [["<a>"]])
    '<table><thead><tr><th>id</th></tr></thead><tbody><tr><td>&lt;a&gt;</td></tr></tbody></table>'
    """
    esc = html.escape
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = []
    for n, row in enumerate(rows):
        cls = f' class="{esc(row_classes[n])}"' if row_classes and row_classes[n] else ""
        cells = "".join(f"<td>{esc(c)}</td>" for c in row)
        body.append(f"<tr{cls}>{cells}</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    css = f"<style>{style}</style>" if style else ""
    return (
        f"{css}<table>{cap}<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
