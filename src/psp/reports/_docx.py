"""The status report as a Word document (``.docx``), written with python-docx.

Councils work in Word: the report's sections become headings, its facts a bulleted
list, its tables Word tables with a header row, and the Gantt chart an embedded
picture. The page is landscape A4, so the task table fits. Extra ``psp[docx]``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from psp._support.extras import require
from psp._support.files import write_atomically
from psp._support.words import LABELS
from psp.calendars import Lang
from psp.reports._report import Section, StatusReport, chart_png, sections

__all__ = ["write_docx"]


def write_docx(report: StatusReport, path: str | os.PathLike[str], *, lang: Lang = "de",
               chart: bool = True, inputs: tuple[str, ...] = ()) -> Path:
    """Write a status report as a Word document; never half a file, never over an input.

    Parameters
    ----------
    report : StatusReport
        The report (`psp.status_report`).
    path : str or path-like
        The ``.docx`` file.
    lang : {"de", "en"}
        The language of headings, states and dates.
    chart : bool
        Embed the Gantt chart (needs matplotlib, part of ``psp[docx]``).
    inputs : tuple of str
        Files that must never be overwritten.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import psp, tempfile, pathlib, docx
    >>> r = psp.status_report(psp.load("examples/digitale_werkstatt.toml"),
    ...                       status="2021-01-15")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_docx(r, pathlib.Path(folder) / "bericht.docx", chart=False)
    ...     docx.Document(out).paragraphs[0].text
    'Sachstandsbericht: Digitale Werkstatt für den Mittelstand – MACH 4.0'
    """
    require("docx", extra="docx")
    picture = chart_png(report, lang) if chart else None
    document = _document(report, lang, picture)
    return write_atomically(path, document.save, inputs=inputs)


def _document(report: StatusReport, lang: Lang, picture: bytes | None) -> Any:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(1.8))
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = LABELS["report"][lang]["title"].format(
        name=report.plan.name)
    none = LABELS["report"][lang]["none"]
    for section in sections(report, lang):
        _section(document, section, none)
        if section.level == 0 and picture is not None:
            document.add_heading(LABELS["report"][lang]["chart"], level=1)
            document.add_picture(io.BytesIO(picture), width=Cm(25))
    return document


def _section(document: Any, section: Section, none: str) -> None:
    document.add_heading(section.title, level=section.level)
    for line in section.lines:
        document.add_paragraph(line, style="List Bullet")
    table = section.table
    if table is None:
        return
    if not table.rows:
        document.add_paragraph(none).runs[0].italic = True
        return
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in table.rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text
    document.add_paragraph()
