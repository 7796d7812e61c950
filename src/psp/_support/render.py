"""Plain-text and HTML table primitives; they know nothing about plans.

They sit at the bottom with the errors so that any layer may show itself in a
terminal (``str``) and in Jupyter (``_repr_html_``).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["Table", "csv_text", "grid_html", "grid_legend", "html_document", "html_table",
           "shorten", "spreadsheet_safe", "text_table"]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP: prefix with ``'``).

    Numbers stay numbers; only text that begins like a formula is neutralised.

    Examples
    --------
    >>> spreadsheet_safe("=1+2"), spreadsheet_safe("-2"), spreadsheet_safe("AP1")
    ("'=1+2", '-2', 'AP1')
    """
    if not text.startswith(_FORMULA_START):
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


@functools.cache
def _excel_dates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Text German Excel turns into a date, and a date written in full; compiled when a
    CSV for Excel is first written."""
    return re.compile(r"\d+(?:[./]\d+)+\.?"), re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")


def _read_as_date(text: str) -> bool:
    """Whether German Excel would turn the text into a date it was not: task ids such as
    1.1 (1 January) or 2.10 (a date written in full, 31.08.2021, is one and stays)."""
    date_like, full_date = _excel_dates()
    return bool(date_like.fullmatch(text)) and not full_date.fullmatch(text)


def _csv_cell(value: object, excel: bool) -> object:
    """A cell: ISO dates, 0/1 for yes/no, text no spreadsheet runs as a formula."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return ""
    if not isinstance(value, str):
        # a number: German Excel reads "1.5" as the 1st of May, "1,5" as one and a half
        return str(value).replace(".", ",") if excel else value
    if excel and _read_as_date(value):
        return f'="{value}"'  # shown as the text itself; only digits, dots and slashes
    return spreadsheet_safe(value)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], *,
             excel: bool = False) -> str:
    r"""CSV text: a header row, then the rows; the one place psp writes CSV.

    With ``excel``, the text is what a German Excel opens by a double click: a UTF-8
    byte order mark (else umlauts are read as cp1252), ``;`` between cells (Excel's
    list separator where the decimal sign is a comma), decimal commas, CRLF line ends,
    and text Excel would turn into a date (the task id ``1.1``) as ``="1.1"``, which Excel
    shows as the text (and psp's grid reader reads as it).

    Parameters
    ----------
    header : sequence of str
        The column names.
    rows : iterable of sequences
        The cells: text, numbers, dates (ISO), booleans (0/1) or None (empty).
    excel : bool
        Excel's German dialect instead of RFC 4180's.

    Returns
    -------
    str

    Examples
    --------
    >>> csv_text(["id", "fte", "start"], [["1.1", 0.5, dt.date(2021, 3, 1)]])
    'id,fte,start\n1.1,0.5,2021-03-01\n'
    >>> text = csv_text(["id", "fte", "start"], [["1.1", 0.5, dt.date(2021, 3, 1)]],
    ...                 excel=True)
    >>> text.startswith("\ufeff"), text.count("\r\n")
    (True, 2)
    >>> import csv, io
    >>> list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    [['id', 'fte', 'start'], ['="1.1"', '0,5', '2021-03-01']]
    """
    import csv  # loaded for CSV output only

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",",
                        lineterminator="\r\n" if excel else "\n")
    writer.writerow([_csv_cell(h, False) for h in header])
    writer.writerows([_csv_cell(c, excel) for c in row] for row in rows)
    return ("\ufeff" if excel else "") + out.getvalue()


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
    from html import escape as esc  # loaded for HTML output only

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


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _rows(rows: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row) for row in rows)


@attrs.frozen
class Table:
    """A table that shows itself in a terminal, in Markdown, as HTML and as CSV.

    ``kinds`` gives each row a class (``package``, ``task``, ``critical`` …): bold
    package rows in Markdown, a CSS class in HTML.

    Examples
    --------
    >>> t = Table(("id", "n"), (("AP1", "3"), ("1.1", "1")), kinds=("package", "task"))
    >>> print(t.to_markdown())
    | id | n |
    | --- | --- |
    | **AP1** | **3** |
    | 1.1 | 1 |
    """

    header: tuple[str, ...] = attrs.field(converter=_strings)
    rows: tuple[tuple[str, ...], ...] = attrs.field(converter=_rows)
    kinds: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    title: str = ""
    align: str = ""

    def kind(self, n: int) -> str:
        """The class of row ``n`` (``"task"`` when none was given)."""
        return self.kinds[n] if n < len(self.kinds) else "task"

    def to_text(self, *, width: int | None = 60) -> str:
        """Aligned columns, the title above; cells longer than ``width`` are shortened."""
        align = self.align or "<" * len(self.header)
        rows = self.rows if width is None else [[shorten(c, width) for c in row]
                                                 for row in self.rows]
        body = text_table(self.header, rows, align=align)
        return f"{self.title}\n\n{body}" if self.title else body

    def to_markdown(self) -> str:
        """A Markdown table; package rows in bold; ``|`` in cells escaped."""
        from html import escape

        def cell(text: str) -> str:  # raw HTML in a name shows as text, never as markup
            return escape(text, quote=False).replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(cell(h) for h in self.header) + " |",
                 "|" + " --- |" * len(self.header)]
        for n, row in enumerate(self.rows):
            cells = [cell(c) for c in row]
            if self.kind(n) == "package":
                cells = [f"**{c}**" if c else c for c in cells]
            lines.append("| " + " | ".join(cells) + " |")
        head = f"## {cell(self.title)}\n\n" if self.title else ""
        return head + "\n".join(lines)

    def to_html(self, *, style: str = "") -> str:
        """An HTML table with a class per row and the title as caption."""
        return html_table(self.header, self.rows, caption=self.title,
                          row_classes=[self.kind(n) for n in range(len(self.rows))],
                          style=style)

    def to_csv(self, *, excel: bool = False) -> str:
        """CSV with the header row first (``excel``: as German Excel opens it, `csv_text`)."""
        return csv_text(self.header, self.rows, excel=excel)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        return self.to_html(style="tr.package td{font-weight:bold}"
                                  "tr.critical td{color:#B03A00;font-weight:600}")


# What a filled cell of each kind of row looks like: the grid and its legend share it.
_CELL_LOOK = {"task": "#9AD0F0", "critical": "#D55E00", "package": "#222",
              "loe": "repeating-linear-gradient(45deg,#fff,#fff 3px,#999 3px,#999 5px)"}

_GRID_STYLE = (
    ".psp-plan{border-collapse:collapse;font-size:12px}"
    ".psp-plan td,.psp-plan th{border:1px solid #bbb;padding:1px 4px}"
    ".psp-plan td.m{width:2.2em;text-align:center}"
    ".psp-plan tr.package td{font-weight:bold;background:#f2f2f2}"
    f".psp-plan td.on{{background:{_CELL_LOOK['task']}}}"
    + "".join(f".psp-plan tr.{kind} td.on{{background:{_CELL_LOOK[kind]}}}"
              for kind in ("critical", "loe", "package"))
)


_LEGEND_STYLE = (
    ".psp-legend{list-style:none;padding:0;font-size:12px;display:flex;gap:1.5em}"
    ".psp-legend span{display:inline-block;width:2.2em;height:1em;margin-right:.4em;"
    "vertical-align:middle;border:1px solid #bbb;text-align:center;line-height:1em}"
    + "".join(f".psp-legend .{kind}{{background:{look}}}" for kind, look in _CELL_LOOK.items())
)


def grid_legend(labels: dict[str, str], *, milestone: str = "") -> str:
    """The legend of `grid_html`'s colours: a swatch and a label per kind of row.

    Parameters
    ----------
    labels : dict of str to str
        A label per kind (``package``, ``task``, ``critical``, ``loe``), in the order shown.
    milestone : str
        The milestone mark's text; with it, a last entry shows the mark and
        ``labels["milestone"]``.

    Returns
    -------
    str
        An HTML list with its style.

    Examples
    --------
    >>> page = grid_legend({"task": "not critical", "critical": "critical"})
    >>> '<li><span class="critical"></span>critical</li>' in page
    True
    """
    from html import escape as esc

    items = [f'<li><span class="{esc(kind)}"></span>{esc(text)}</li>'
             for kind, text in labels.items() if kind != "milestone"]
    if milestone:
        items.append(f"<li><span>{esc(milestone)}</span>{esc(labels['milestone'])}</li>")
    return f'<style>{_LEGEND_STYLE}</style><ul class="psp-legend">{"".join(items)}</ul>'


def html_document(title: str, body: str, *, lang: str) -> str:
    """A complete HTML page: doctype, language, ``<meta charset="utf-8">``, title, body.

    Parameters
    ----------
    title : str
        The page's title (also its heading).
    body : str
        HTML shown below the heading.
    lang : str
        The page's language (``de``, ``en``).

    Returns
    -------
    str

    Examples
    --------
    >>> page = html_document("Plan <1>", "<p>x</p>", lang="de")
    >>> page.splitlines()[:4]
    ['<!DOCTYPE html>', '<html lang="de">', '<head>', '<meta charset="utf-8">']
    >>> "<title>Plan &lt;1&gt;</title>" in page
    True
    """
    from html import escape as esc

    return ("<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n"
            "<style>body{font-family:system-ui,sans-serif;margin:1.5em}</style>\n"
            f"</head>\n<body>\n<h1>{esc(title)}</h1>\n{body}\n</body>\n</html>\n")


def grid_html(table: Table, columns: range, *, shown: Iterable[str] = ()) -> str:
    """A table whose ``columns`` are period cells: a filled cell is coloured by its row's kind.

    A cell in ``shown`` keeps its text (a milestone's ◆); other filled cells are colour
    only.

    Examples
    --------
    >>> t = Table(["id", "Jan", "Feb"], [["a", "■", ""]], kinds=["critical"])
    >>> page = grid_html(t, range(1, 3))
    >>> '<tr class="critical"><td>a</td><td class="m on"></td><td class="m"></td></tr>' in page
    True
    """
    from html import escape as esc  # loaded for HTML output only

    keep = set(shown)
    head = "".join(f"<th>{esc(h)}</th>" for h in table.header)
    body = []
    for n, row in enumerate(table.rows):
        cells = []
        for i, cell in enumerate(row):
            if i in columns:
                text = cell if cell in keep else ""
                cells.append(f'<td class="{"m on" if cell else "m"}">{esc(text)}</td>')
            else:
                cells.append(f"<td>{esc(cell)}</td>")
        body.append(f'<tr class="{table.kind(n)}">{"".join(cells)}</tr>')
    caption = f"<caption>{esc(table.title)}</caption>" if table.title else ""
    return (f"<style>{_GRID_STYLE}</style><table class=\"psp-plan\">{caption}"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
