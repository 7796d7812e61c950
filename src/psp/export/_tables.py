"""The *Projektstrukturplan* table (month columns), the critical path table, Mermaid."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from psp._support.extras import require
from psp._support.files import write_atomically, write_text
from psp._support.render import (
    Table,
    grid_html,
    grid_legend,
    html_document,
    spreadsheet_safe,
)
from psp._support.words import HEADINGS, LABELS, phrase
from psp.analysis._costs import CostCell, CostReport
from psp.calendars import Lang, Unit, format_date
from psp.engine import Schedule
from psp.engine._cpm import MILESTONE, month_grid
from psp.errors import UsageError
from psp.export._limits import check_table
from psp.io._grid import grid_csv, grid_xlsx
from psp.model import Link, event_table

__all__ = ["critical_path_table", "mermaid", "psp_table", "psp_table_html", "write_costs_xlsx",
           "write_table"]

def psp_table(schedule: Schedule, *, lang: Lang = "de", columns: str = "auto") -> Table:
    """The Projektstrukturplan: a row per package and task, a column per period, marked.

    Occupied periods hold ``■``, a milestone ``◆`` in the period it closes; package rows
    span their tasks; critical tasks are marked in the last column. A day or week plan
    longer than `psp.calendars.MAX_FINE_COLUMNS` periods shows weeks or months instead,
    unless ``columns`` asks for the fine grid.

    Parameters
    ----------
    schedule : Schedule
        The scheduled plan.
    lang : {"de", "en"}
        The language of the header.
    columns : {"auto", "period", "week", "month"}
        What one column is (`psp.calendars.grid_columns`).

    Returns
    -------
    Table
        One row per package and task; `SizeError` when it would be too wide or long.

    Examples
    --------
    >>> import psp
    >>> t = psp_table(psp.schedule(psp.load("examples/digitale_werkstatt.toml")), lang="en")
    >>> t.header[:4], len(t.rows), t.kind(0)
    (('id', 'task', 'owner', "Sep'20"), 29, 'package')
    """
    check_table(schedule)
    return month_grid(schedule, lang=lang, columns=columns)


def psp_table_html(schedule: Schedule, *, lang: Lang = "de", columns: str = "auto") -> str:
    """The Projektstrukturplan as styled HTML (filled month cells), as Jupyter shows it.

    Parameters
    ----------
    schedule : Schedule
        The scheduled plan.
    lang : {"de", "en"}
        The language of the header.
    columns : {"auto", "period", "week", "month"}
        What one column is (`psp.calendars.grid_columns`).

    Returns
    -------
    str
        An HTML ``<table>`` with its style.

    Examples
    --------
    >>> import psp
    >>> page = psp_table_html(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))
    >>> page.count('class="m on"') > 40, '<tr class="critical"><td>3.1</td>' in page
    (True, True)
    """
    table = psp_table(schedule, lang=lang, columns=columns)
    return grid_html(table, range(3, len(table.header) - 1), shown=[MILESTONE])


def _html_page(schedule: Schedule, lang: Lang, columns: str, events: Table | None) -> str:
    """The grid as a page that opens on its own: heading, legend, the grid, the events."""
    words = LABELS["gantt"][lang]
    legend = grid_legend({kind: words[key] for kind, key in _LEGEND_KEYS}, milestone=MILESTONE)
    body = (legend + psp_table_html(schedule, lang=lang, columns=columns)
            + ("" if events is None else f"\n<h2>{escape(events.title)}</h2>\n"
               + events.to_html()))
    return html_document(schedule.project.name, body, lang=lang)


def _grid_csv(schedule: Schedule, lang: Lang, columns: str, excel: bool) -> str:
    check_table(schedule)
    return grid_csv(schedule, lang=lang, columns=columns, excel=excel)


_LEGEND_KEYS = (("package", "package"), ("task", "normal"), ("critical", "critical"),
                ("loe", "loe"), ("milestone", "milestone"))


def _link_text(link: Link) -> str:
    lag = f"{link.lag:+d}" if link.lag else ""
    return f"{link.predecessor} {link.type.value}{lag}"


def critical_path_table(schedule: Schedule, *, lang: Lang = "de") -> Table:
    """The critical path as a deliverable: the chain in order, dates, durations, links, float.

    Parameters
    ----------
    schedule : Schedule
        The schedule.
    lang : {"de", "en"}
        The language of headings and dates.

    Returns
    -------
    Table
        One row per critical task, in order.

    Examples
    --------
    >>> import psp
    >>> t = critical_path_table(psp.schedule(psp.load("examples/digitale_werkstatt.toml")),
    ...                         lang="en")
    >>> t.header
    ('id', 'task', 'start', 'finish', 'duration', 'after', 'total float')
    >>> [row[0] for row in t.rows]
    ['1.1', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.10', '3.1', '4.2', '4.4', '4.5']
    >>> t.rows[7][2:]
    ('2021-02-01', '2021-02-28', '1', '2.3 FS', '0')
    """
    head = HEADINGS["critical"][lang]
    rows = []
    for task_id in schedule.critical_path:
        ts = schedule[task_id]
        driver = ts.driver
        after = (_link_text(driver) if isinstance(driver, Link)
                 else phrase(f"bound.{driver.value}", lang))
        rows.append((ts.id, ts.task.name, format_date(ts.start, lang=lang),
                     format_date(ts.finish, lang=lang), str(ts.duration),
                     after, str(ts.total_float)))
    title = phrase("critical.title", lang, name=schedule.project.name)
    return Table(head, rows, kinds=["critical"] * len(rows), title=title, align="<<<<><>")


def write_table(schedule: Schedule, path: str | os.PathLike[str], *, lang: Lang = "de",
                format: str | None = None, columns: str = "auto", excel: bool = False,
                inputs: tuple[str, ...] = (),
                progress: Callable[[int], object] | None = None) -> Path:
    """Write the Projektstrukturplan to ``.md``, ``.html``, ``.csv`` or ``.xlsx`` (atomically).

    The format follows the file's suffix unless ``format`` names one (``"csv"``); ``-``
    writes to standard output. A plan's events follow the grid as a second table
    (Markdown, HTML) or sheet (xlsx); the CSV holds the grid alone, so that it reads
    back as a month grid. HTML is a complete page (``<meta charset="utf-8">``, a legend
    of the colours); a workbook is streamed row by row and prints on A4 landscape.

    Parameters
    ----------
    schedule : Schedule
        The schedule.
    path : str or path-like
        The file to write (``-``: standard output).
    lang : {"de", "en"}
        The language of headings and month labels.
    format : str, optional
        ``md``, ``html``, ``csv`` or ``xlsx`` when the suffix does not say it.
    columns : {"auto", "period", "week", "month"}
        What one column is (`psp.calendars.grid_columns`).
    excel : bool
        CSV as German Excel opens it (byte order mark, ``;``; `csv_text`).
    inputs : tuple of str
        Files that must never be overwritten.
    progress : callable, optional
        Called with the number of rows written since the last call (xlsx).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    UsageError
        For a format that is none of these.

    Examples
    --------
    >>> import psp, tempfile, pathlib, openpyxl
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_table(s, pathlib.Path(folder) / "plan.xlsx")
    ...     sheet = openpyxl.load_workbook(out).active
    ...     sheet["A22"].value, sheet["J22"].fill.fgColor.rgb, sheet["P22"].value
    ('3.1', '00D55E00', 'ja')
    """
    suffix = "." + format.lower().lstrip(".") if format else Path(path).suffix.lower()
    events = event_table(schedule.project.events, lang=lang) if (
        schedule.project.events) else None
    texts: dict[str, Any] = {
        ".md": lambda: psp_table(schedule, lang=lang, columns=columns).to_markdown() + "\n" + (
            "" if events is None else f"\n**{events.title}**\n\n{events.to_markdown()}\n"),
        ".html": lambda: _html_page(schedule, lang, columns, events),
        ".csv": lambda: _grid_csv(schedule, lang, columns, excel),
    }
    if suffix == ".xlsx":
        table = psp_table(schedule, lang=lang, columns=columns)
        return write_atomically(
            path, lambda tmp: grid_xlsx(table, tmp, lang=lang, extra=events,
                                        progress=progress), inputs=inputs)
    if suffix not in texts:
        raise UsageError(f"{os.fspath(path)}: write a table as .md, .html, .csv or .xlsx "
                         "(or name the format)")
    text = texts[suffix]()
    return write_text(path, text, inputs=inputs)


def _mermaid_text(text: str) -> str:
    # ':' ends a task's title and '#' starts a comment in Mermaid; ';' separates lines.
    return re.sub(r"[:#;]", " ", " ".join(text.split())).strip()


def mermaid(schedule: Schedule, *, lang: Lang = "de") -> str:
    """A Mermaid ``gantt`` block: a section per package, ``crit`` tasks, milestones, dates.

    Each task runs from its start to the day after its finish (Mermaid's end is
    exclusive); a milestone sits on its date.

    Parameters
    ----------
    schedule : Schedule
        The schedule.
    lang : {"de", "en"}
        The language of section names.

    Returns
    -------
    str
        A Mermaid ``gantt`` block.

    Examples
    --------
    >>> import psp
    >>> text = mermaid(psp.schedule(psp.load("examples/digitale_werkstatt.toml")))
    >>> print("\\n".join(text.splitlines()[:5]))
    gantt
        title Digitale Werkstatt für den Mittelstand – MACH 4.0
        dateFormat YYYY-MM-DD
        axisFormat %m/%y
        section AP1 Grundlagenermittlung und Vorplanung des Projektes
    >>> [line.split(":")[1] for line in text.splitlines() if " 3.1 " in line]
    ['crit, t3_1, 2021-03-01, 2021-07-01']
    """
    project = schedule.project
    lines = ["gantt", f"    title {_mermaid_text(project.name)}", "    dateFormat YYYY-MM-DD",
             "    axisFormat %m/%y" if project.unit is Unit.MONTH else "    axisFormat %d.%m."]
    used: set[str] = set()
    for kind, ident in schedule.project.outline():
        if kind == "package":
            name = _mermaid_text(f"{ident} {project.package(ident).name}")
            lines.append(f"    section {name}")
            continue
        ts = schedule[ident]
        key = "t" + re.sub(r"[^A-Za-z0-9_]", "_", ident)  # Mermaid's ids: ASCII words
        while key in used:
            key += "_"
        used.add(key)
        tags = ["crit"] if ts.critical else []
        if ts.finish_period == ts.start_period:
            tags.append("milestone")
            when = f"{ts.start.isoformat()}, 0d"
        else:
            when = f"{ts.start.isoformat()}, {(ts.finish + dt.timedelta(days=1)).isoformat()}"
        title = _mermaid_text(f"{ident} {ts.task.name}")
        lines.append(f"    {title} :{', '.join([*tags, key])}, {when}")
    return "\n".join(lines) + "\n"


def write_costs_xlsx(report: CostReport, path: str | os.PathLike[str], *, lang: Lang = "de",
                     inputs: tuple[str, ...] = ()) -> Path:
    """The cost tables (funding, cost, balance), a sheet each, written atomically.

    Parameters
    ----------
    report : CostReport
        The costs to write.
    path : str or path-like
        The workbook to write (``-``: standard output).
    lang : {"de", "en"}
        The language of sheet names and headings.
    inputs : tuple of str
        Files that must never be overwritten.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import psp, tempfile, pathlib, openpyxl
    >>> report = psp.costs(psp.load_portfolio("examples/digitale_modellregion.toml"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book = openpyxl.load_workbook(write_costs_xlsx(report, pathlib.Path(folder) / "k.xlsx"))
    ...     book.sheetnames, book["Personalaufwand"]["D9"].value
    (['Ertrag', 'Personalaufwand', 'Saldo'], 472200)
    """
    require("openpyxl", extra="xlsx")

    def write(tmp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        first = True
        for what in ("funding", "cost", "balance"):
            table = report.table(what, lang=lang)
            sheet = book.active if first else book.create_sheet()
            assert sheet is not None
            first = False
            sheet.title = table.title
            sheet.append(list(table.header))
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            years = list(report.years())
            for row in report.rows:
                cells = dict(row.years)
                values = [_amount(cells[y], what) if y in cells else None for y in years]
                sheet.append([spreadsheet_safe(row.project),
                              spreadsheet_safe(row.position.name or row.position.id),
                              None if row.position.total is not None else
                              float(row.position.fte), *values, _amount(row.total, what)])
            sums = report.years()
            sheet.append([phrase("costs.total", lang), None, None,
                          *(_amount(sums[y], what) for y in years),
                          _amount(report.total(), what)])
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
            for row_cells in sheet.iter_rows(min_row=2, min_col=4):
                for cell in row_cells:
                    cell.number_format = '#,##0 "€"'
            sheet.column_dimensions["A"].width = 20
            sheet.column_dimensions["B"].width = 50
        book.save(tmp)

    return write_atomically(path, write, inputs=inputs)


def _amount(cell: CostCell, what: str) -> int | float:
    value = {"funding": cell.funding, "cost": cell.cost,
             "balance": cell.funding - cell.cost}[what]
    return int(value) if value == value.to_integral_value() else float(value)
