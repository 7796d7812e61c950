"""The *Projektstrukturplan* table (month columns), the critical path table, Mermaid."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path
from typing import Any

from psp._costs import CostCell, CostReport
from psp._engine import Schedule, TaskSchedule
from psp._errors import UsageError
from psp._files import write_atomically
from psp._model import Link
from psp._render import Table, spreadsheet_safe
from psp._time import Lang, Unit, format_date
from psp.export._limits import check_table

__all__ = ["critical_path_table", "mermaid", "psp_table", "psp_table_html", "write_costs_xlsx",
           "write_table"]

_HEAD = {"de": ("Nr.", "Aufgabe", "Verantwortlich", "krit."),
         "en": ("id", "task", "owner", "crit.")}
FILLED, MILESTONE = "■", "◆"


def _marks(ts: TaskSchedule, periods: range) -> list[str]:
    if ts.early_finish == ts.early_start:  # a milestone sits in the period of its date
        where = ts.calendar.period_of(ts.start)
        return [MILESTONE if p == where else "" for p in periods]
    return [FILLED if ts.early_start <= p < ts.early_finish else "" for p in periods]


def psp_table(schedule: Schedule, *, lang: Lang = "de") -> Table:
    """The Projektstrukturplan: a row per package and task, a column per period, marked.

    Occupied periods hold ``■``, a milestone ``◆`` in the period it closes; package rows
    span their tasks; critical tasks are marked in the last column.

    Examples
    --------
    >>> import psp
    >>> t = psp_table(psp.load("examples/digitale_werkstatt.toml").schedule())
    >>> t.header[3:7], t.header[-1]
    (("Sep'20", "Okt'20", "Nov'20", "Dez'20"), 'krit.')
    >>> row = next(r for r in t.rows if r[0] == "3.1")
    >>> "".join(c or "." for c in row[3:-1]), row[-1]
    ('......■■■■..', '*')
    >>> "".join(c or "." for c in next(r for r in t.rows if r[0] == "M1")[3:-1])
    '.....◆......'

    """
    check_table(schedule)
    cal = schedule.calendar
    periods = range(0, max(schedule.horizon_period, 1))
    nr, name, owner, crit = _HEAD[lang]
    header = [nr, name, owner, *(cal.label(p, lang) for p in periods), crit]
    rows, kinds = [], []
    for kind, ident in schedule.project.outline():
        if kind == "package":
            rolled = schedule.package(ident)
            span = (range(0) if rolled.start is None or rolled.finish is None else
                    range(cal.period_of(rolled.start), cal.period_of(rolled.finish) + 1))
            marks = [FILLED if p in span else "" for p in periods]
            rows.append([ident, schedule.project.package(ident).name, "", *marks, ""])
            kinds.append("package")
            continue
        ts = schedule[ident]
        rows.append([ident, ts.task.name, ts.task.owner_label, *_marks(ts, periods),
                     "*" if ts.critical else ""])
        kinds.append("critical" if ts.critical else
                     "loe" if ts.task.is_level_of_effort else "task")
    return Table(header, rows, kinds=kinds, title=schedule.project.name)


_PSP_STYLE = (
    ".psp-plan{border-collapse:collapse;font-size:12px}"
    ".psp-plan td,.psp-plan th{border:1px solid #bbb;padding:1px 4px}"
    ".psp-plan td.m{width:2.2em;text-align:center}"
    ".psp-plan tr.package td{font-weight:bold;background:#f2f2f2}"
    ".psp-plan td.on{background:#9AD0F0}"
    ".psp-plan tr.critical td.on{background:#D55E00}"
    ".psp-plan tr.loe td.on{background:repeating-linear-gradient("
    "45deg,#fff,#fff 3px,#999 3px,#999 5px)}"
    ".psp-plan tr.package td.on{background:#222}"
)


def psp_table_html(schedule: Schedule, *, lang: Lang = "de") -> str:
    """The Projektstrukturplan as styled HTML (filled month cells), as Jupyter shows it.

    Examples
    --------
    >>> import psp
    >>> page = psp_table_html(psp.load("examples/digitale_werkstatt.toml").schedule())
    >>> page.count('class="m on"') > 40, '<tr class="critical"><td>3.1</td>' in page
    (True, True)
    """
    table = psp_table(schedule, lang=lang)
    esc = html.escape
    months = range(3, len(table.header) - 1)
    head = "".join(f"<th>{esc(h)}</th>" for h in table.header)
    body = []
    for n, row in enumerate(table.rows):
        cells = []
        for i, cell in enumerate(row):
            if i in months:
                cls = "m on" if cell else "m"
                shown = MILESTONE if cell == MILESTONE else ""
                cells.append(f'<td class="{cls}">{shown}</td>')
            else:
                cells.append(f"<td>{esc(cell)}</td>")
        body.append(f'<tr class="{table.kind(n)}">{"".join(cells)}</tr>')
    caption = f"<caption>{esc(table.title)}</caption>"
    return (f"<style>{_PSP_STYLE}</style><table class=\"psp-plan\">{caption}"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def _link_text(link: Link) -> str:
    lag = f"{link.lag:+d}" if link.lag else ""
    return f"{link.predecessor} {link.type.value}{lag}"


def critical_path_table(schedule: Schedule, *, lang: Lang = "de") -> Table:
    """The critical path as a deliverable: the chain in order, dates, durations, links, float.

    Examples
    --------
    >>> import psp
    >>> t = critical_path_table(psp.load("examples/digitale_werkstatt.toml").schedule(),
    ...                         lang="en")
    >>> t.header
    ('id', 'task', 'start', 'finish', 'duration', 'after', 'total float')
    >>> [row[0] for row in t.rows]
    ['1.1', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.10', '3.1', '4.2', '4.4', '4.5']
    >>> t.rows[7][2:]
    ('2021-02-01', '2021-02-28', '1', '2.3 FS', '0')
    """
    head = {"de": ("Nr.", "Aufgabe", "Beginn", "Ende", "Dauer", "nach", "Gesamtpuffer"),
            "en": ("id", "task", "start", "finish", "duration", "after", "total float")}[lang]
    starts = {"de": {"start": "Projektbeginn", "not_before": "frühestens-Termin",
                     "status": "Stichtag", "actual": "Ist-Termin"},
              "en": {"start": "project start", "not_before": "not before",
                     "status": "status date", "actual": "actual dates"}}[lang]
    rows = []
    for task_id in schedule.critical_path:
        ts = schedule[task_id]
        driver = ts.driver
        after = _link_text(driver) if isinstance(driver, Link) else starts[driver]
        rows.append((ts.id, ts.task.name, format_date(ts.start, lang),
                     format_date(ts.finish, lang), str(ts.early_finish - ts.early_start),
                     after, str(ts.total_float)))
    title = {"de": "Kritischer Pfad", "en": "Critical path"}[lang]
    return Table(head, rows, kinds=["critical"] * len(rows),
                 title=f"{title}: {schedule.project.name}", align="<<<<><>")


def _xlsx(schedule: Schedule, path: Path, lang: Lang) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    table = psp_table(schedule, lang=lang)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Projektstrukturplan" if lang == "de" else "Project plan"
    sheet.append(list(table.header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    fills = {"package": PatternFill("solid", fgColor="222222"),
             "critical": PatternFill("solid", fgColor="D55E00"),
             "task": PatternFill("solid", fgColor="9AD0F0"),
             "loe": PatternFill("darkUp", fgColor="999999")}
    months = range(4, len(table.header))  # openpyxl columns count from 1
    for n, row in enumerate(table.rows):
        kind = table.kind(n)
        sheet.append([("" if i + 1 in months and c == FILLED else spreadsheet_safe(c))
                      for i, c in enumerate(row)])
        excel_row = sheet.max_row
        for column in months:
            cell = sheet.cell(excel_row, column)
            if row[column - 1]:
                cell.fill = fills[kind]
                cell.alignment = Alignment(horizontal="center")
        if kind == "package":
            for column in range(1, 4):
                sheet.cell(excel_row, column).font = Font(bold=True)
        if kind == "critical":
            sheet.cell(excel_row, len(table.header)).value = "ja" if lang == "de" else "yes"
            sheet.cell(excel_row, 1).font = Font(bold=True, color="B03A00")
    sheet.column_dimensions["A"].width = 7
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 13
    for column in months:
        sheet.column_dimensions[get_column_letter(column)].width = 7
    sheet.freeze_panes = "D2"
    book.save(path)


def write_table(schedule: Schedule, path: str | os.PathLike[str], *, lang: Lang = "de",
                format: str | None = None, inputs: tuple[str, ...] = ()) -> Path:
    """Write the Projektstrukturplan to ``.md``, ``.html``, ``.csv`` or ``.xlsx`` (atomically).

    The format follows the file's suffix unless ``format`` names one (``"csv"``); ``-``
    writes to standard output.

    Raises
    ------
    UsageError
        For a format that is none of these.

    Examples
    --------
    >>> import psp, tempfile, pathlib, openpyxl
    >>> s = psp.load("examples/digitale_werkstatt.toml").schedule()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_table(s, pathlib.Path(folder) / "plan.xlsx")
    ...     sheet = openpyxl.load_workbook(out).active
    ...     sheet["A22"].value, sheet["J22"].fill.fgColor.rgb, sheet["P22"].value
    ('3.1', '00D55E00', 'ja')
    """
    suffix = "." + format.lower().lstrip(".") if format else Path(path).suffix.lower()
    texts: dict[str, Any] = {
        ".md": lambda: psp_table(schedule, lang=lang).to_markdown() + "\n",
        ".html": lambda: psp_table_html(schedule, lang=lang),
        ".csv": lambda: psp_table(schedule, lang=lang).to_csv(),
    }
    if suffix == ".xlsx":
        return write_atomically(path, lambda tmp: _xlsx(schedule, tmp, lang), inputs=inputs)
    if suffix not in texts:
        raise UsageError(f"{os.fspath(path)}: write a table as .md, .html, .csv or .xlsx "
                         "(or name the format)")
    text = texts[suffix]()
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"),
                            inputs=inputs)


def _mermaid_text(text: str) -> str:
    # ':' ends a task's title and '#' starts a comment in Mermaid; ';' separates lines.
    return re.sub(r"[:#;]", " ", " ".join(text.split())).strip()


def mermaid(schedule: Schedule, *, lang: Lang = "de") -> str:
    """A Mermaid ``gantt`` block: a section per package, ``crit`` tasks, milestones, dates.

    Each task runs from its start to the day after its finish (Mermaid's end is
    exclusive); a milestone sits on its date.

    Examples
    --------
    >>> import psp
    >>> text = mermaid(psp.load("examples/digitale_werkstatt.toml").schedule())
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
        if ts.early_finish == ts.early_start:
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

    Examples
    --------
    >>> import psp, tempfile, pathlib, openpyxl
    >>> report = psp.costs(psp.load_portfolio("examples/digitale_modellregion.toml"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book = openpyxl.load_workbook(write_costs_xlsx(report, pathlib.Path(folder) / "k.xlsx"))
    ...     book.sheetnames, book["Personalaufwand"]["D9"].value
    (['Ertrag', 'Personalaufwand', 'Saldo'], 472200)
    """
    def write(tmp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        first = True
        for what in ("funding", "cost", "balance"):
            table = report.table(what, lang)
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
            sheet.append(["Gesamt" if lang == "de" else "total", None, None,
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
