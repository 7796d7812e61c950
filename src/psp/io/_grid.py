"""The month grid (``.xlsx`` / ``.csv``): the council paper's *Projektstrukturplan* as a sheet.

Reading. The header row names the columns: a number (``Nr.``), the task (``Aufgabe``,
``Arbeitspaket``, ``task`` …), the owner (``Verantwortlich`` …; several joined by ``+``,
``,`` or ``;``) and one column per month (``Sep 20``, ``Sep'20``, ``09/2020``, ``Okt'20``,
``September 2020``, ``2020-09``, a date …), consecutive months. A task's months are its
marked cells: any value, or a fill colour in a workbook; ``◆`` alone marks a milestone at
the end of its month. Rows whose number or name reads ``AP1`` (``WP``, ``Arbeitspaket``),
or whose number is ``P`` and a number (psp's own when it names a package), or rows
without marks whose number has no dot, are work packages; the tasks below one
belong to it. A row whose marks leave a gap is an error naming the row, unless
``split=True`` makes one task per run of months (ids ``1.3a``, ``1.3b`` …). A grid holds
no links and psp invents none: each task gets ``not_before`` on its first month (noted),
so the plan keeps the grid's months; the plan runs from the first month column to the end
of the last.

Writing. `grid_xlsx` saves a schedule's grid (as `psp table` shows it) as a workbook
with filled month cells, `grid_csv` as CSV; `dump_grid` writes a plan's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from psp._support.extras import require
from psp._support.files import write_atomically, write_text
from psp._support.render import Table, spreadsheet_safe
from psp._support.words import GRID_COLUMNS, phrase
from psp.calendars import Calendar, Lang, Month, Unit
from psp.engine import Schedule, schedule
from psp.engine._cpm import FILLED, month_grid
from psp.errors import PlanError, PlanFileError, Problem, SizeError, ValidationError
from psp.io._notes import Note, Notes, Reading, left_out
from psp.io._shared import validated
from psp.model import Constraint, ConstraintKind, Package, Project, Task
from psp.model._fields import is_id

__all__ = ["dump_grid", "grid_csv", "grid_xlsx", "load_grid", "loads_grid", "lost"]

_MILESTONE_MARKS = {"◆", "♦", "◇"}
_PACKAGE = re.compile(r"^\s*(AP|WP|P|Arbeitspaket|Work\s*package)\s*(\d+)\b[\s.:–-]*", re.I)
_OWNER_SPLIT = re.compile(r"\s*[+,;\n]\s*")
_HEADER_ROWS = 30  # how far down the header row may be (titles and notes above it)
_MAX_COLUMNS = 16_384 - 4  # a workbook's columns, less id, name, owner and crit.
_WHITE = "FFFFFF"  # a fill painted white is no mark (the alpha digits vary)


@attrs.frozen
class _Cell:
    text: str
    value: object = None
    filled: bool = False


@attrs.frozen
class _Columns:
    """Where the header put each column; ``months`` maps a column to its month's period."""

    id: int | None
    name: int
    owner: int | None
    months: dict[int, int]
    first: Month


@attrs.define
class _Run:
    """A row read: a package or a task with its marked periods."""

    row: int
    id: str
    name: str
    owners: tuple[str, ...]
    periods: list[int]
    milestone: bool
    package: bool
    number: str = ""  # the package number its id or name reads (AP1), else ""
    rest: str | None = None  # the name after that number, when the name gave it


# --- reading -------------------------------------------------------------------------------


def loads_grid(text: str, *, file: str = "<string>", split: bool = False) -> Reading:
    """Read a month grid given as CSV text (``,``, ``;`` or tab between the cells).

    Parameters
    ----------
    text : str
        The CSV text.
    file : str
        The name errors and notes give it.
    split : bool
        Make one task per run of months where a row's marks leave gaps (else an error).

    Returns
    -------
    Reading
        The plan (validated, in months) and what reading it noted.

    Raises
    ------
    PlanFileError
        When no header row names a task column and months.
    ValidationError
        When rows are unreadable (no month marked, a gap); each names the file and row.

    Examples
    --------
    >>> text = '''Nr.;Aufgabe;Verantwortlich;Sep 20;Okt 20;Nov 20
    ... AP1;Konzeption;;;;
    ... 1.1;Analyse;AGIT;x;x;
    ... 1.2;Konzept;AGIT + 3win;;;x'''
    >>> plan = loads_grid(text).plan
    >>> [(t.id, t.package, t.duration, t.owners) for t in plan.tasks]
    [('1.1', 'AP1', 2, ('AGIT',)), ('1.2', 'AP1', 1, ('AGIT', '3win'))]
    >>> [str(c.date) for c in plan.constraints], plan.links, plan.end
    (['2020-11-01'], (), datetime.date(2020, 11, 30))
    """
    return _read([[_Cell(_unwrapped(c.strip())) for c in row] for row in _csv_rows(text, file)],
                 file, split, Path(file).stem)


def _unwrapped(text: str) -> str:
    """A cell written for Excel as a text formula (``="1.1"``, `csv_text`) is its text."""
    return text[2:-1] if text.startswith('="') and text.endswith('"') and len(text) > 2 \
        else text


def load_grid(path: str | os.PathLike[str], *, split: bool = False) -> Reading:
    """Read a month grid from a workbook (``.xlsx``: its first sheet) or a ``.csv`` file.

    Parameters
    ----------
    path : str or path-like
        The file.
    split : bool
        Make one task per run of months where a row's marks leave gaps (else an error).

    Returns
    -------
    Reading

    Examples
    --------
    >>> r = load_grid("tests/data/grid/werkstatt-hand.csv")
    >>> r.plan.start, [p.id for p in r.plan.packages]
    (datetime.date(2020, 9, 1), ['AP1', 'AP2'])
    """
    from psp._support.files import read_bytes

    name, data = read_bytes(path)
    if Path(path).suffix.lower() != ".xlsx":
        return loads_grid(_decoded(data, name), file=name, split=split)
    rows, title = _workbook_rows(data, name)
    return _read(rows, name, split, title or Path(name).stem)


def _decoded(data: bytes, file: str) -> str:
    """UTF-8 (with or without its mark), else the Windows code page Excel writes in Germany."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv_rows(text: str, file: str) -> list[list[str]]:
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as err:
        raise PlanFileError(file, f"not a readable CSV table: {err}") from None


def _workbook_rows(data: bytes, file: str) -> tuple[list[list[_Cell]], str]:
    require("openpyxl", extra="xlsx")
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as err:
        raise PlanFileError(file, f"not an Excel workbook (.xlsx): {type(err).__name__}: "
                            f"{str(err)[:120]}") from None
    sheet = book.worksheets[0]
    rows = [[_Cell(_text(c.value), c.value, _filled(c)) for c in row]
            for row in sheet.iter_rows()]
    return rows, ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _filled(cell: Any) -> bool:
    """Whether a cell has a fill colour (a solid or patterned fill that is not white)."""
    fill = cell.fill
    if fill is None or fill.fill_type in (None, "none"):
        return False
    colour = fill.fgColor
    return not (colour.type == "rgb" and str(colour.rgb).upper().endswith(_WHITE))


def _read(rows: list[list[_Cell]], file: str, split: bool, title: str) -> Reading:
    header_at, columns = _header(rows, file)
    notes = Notes()
    problems: list[Problem] = []
    runs = [run for n in range(header_at + 1, len(rows))
            if (run := _run(rows[n], n + 1, columns, file, problems)) is not None]
    name = next((c.text for row in rows[:header_at] for c in row if c.text), title)
    plan = validated(file, lambda: _plan(runs, columns, name, split, file, problems, notes))
    return Reading(plan, notes.done())


def _header(rows: list[list[_Cell]], file: str) -> tuple[int, _Columns]:
    """The header row: the first naming a task column and at least one month."""
    for n, row in enumerate(rows[:_HEADER_ROWS]):
        words = [c.text.lower().rstrip(":") for c in row]
        name = _find(words, "name")
        months = {i: m for i, c in enumerate(row) if (m := _month(c)) is not None}
        if name is not None and months:
            return n, _columns(words, name, months, file, n + 1)
    raise PlanFileError(file, "no header row: expected a row naming the task column (e.g. "
                        "Aufgabe, Arbeitspaket, task) and one column per month (e.g. Sep 20, "
                        "09/2020)")


def _find(words: list[str], role: str) -> int | None:
    return next((i for i, w in enumerate(words) if w in GRID_COLUMNS[role]), None)


def _month(cell: _Cell) -> Month | None:
    if isinstance(cell.value, dt.date):
        return Month.from_date(cell.value)
    if not cell.text or cell.text.lower() in {w for ws in GRID_COLUMNS.values() for w in ws}:
        return None
    try:
        return Month.from_string(cell.text)
    except (PlanError, ValueError, OverflowError):
        return None


def _columns(words: list[str], name: int, months: dict[int, Month], file: str,
             row: int) -> _Columns:
    columns = sorted(months)
    first = months[columns[0]]
    for before, column in itertools.pairwise(columns):
        expected, month = months[before] + 1, months[column]
        # a two-digit year ("Jan'00" after "Dez'99") names the next century's month too
        if (expected.month, (expected.year - month.year) % 100) != (month.month, 0):
            raise PlanFileError(file, f"row {row}: the month columns must be consecutive "
                                f"months: {words[column]!r} follows {str(months[before])!r}")
        months[column] = expected
    return _Columns(_find(words, "id"), name, _find(words, "owner"),
                    {column: n for n, column in enumerate(columns)}, first)


def _run(row: list[_Cell], number: int, columns: _Columns, file: str,
         problems: list[Problem]) -> _Run | None:
    def text(column: int | None) -> str:
        return row[column].text if column is not None and column < len(row) else ""

    marks = [(period, row[column]) for column, period in columns.months.items()
             if column < len(row) and (row[column].text or row[column].filled)]
    ident, name, owner = text(columns.id), text(columns.name), text(columns.owner)
    if not (ident or name or owner or marks):
        return None
    in_id = _PACKAGE.match(ident)
    package = in_id or _PACKAGE.match(name)
    is_package = bool(package) or (not marks and bool(ident) and "." not in ident)
    milestone = len(marks) == 1 and marks[0][1].text in _MILESTONE_MARKS
    if not is_package and not marks:
        problems.append(Problem("grid-no-months", f"no month is marked for {ident or name!r}",
                                f"row {number}", None, file))
    return _Run(number, ident, name, tuple(o for o in _OWNER_SPLIT.split(owner) if o),
                [p for p, _ in marks], milestone, is_package,
                f"{package[1].upper()}{package[2]}" if package else "",
                name[package.end():] if package and not in_id else None)


def _plan(runs: list[_Run], columns: _Columns, name: str, split: bool, file: str,
          problems: list[Problem], notes: Notes) -> Project:
    start = columns.first.first_day
    cal = Calendar(start, Unit.MONTH)
    packages: list[Package] = []
    tasks: list[Task] = []
    constraints: list[Constraint] = []
    taken: set[str] = set()
    package: str | None = None
    for run in runs:
        if run.package:
            package = _package_id(run, taken)
            packages.append(Package(package, _package_name(run, package)))
            continue
        for ident, periods in _pieces(run, split, file, problems):
            task_id = _task_id(ident, run.row, taken, notes)
            duration = 0 if run.milestone else len(periods)
            tasks.append(Task(task_id, run.name, package=package, owners=run.owners,
                              duration=duration))
            if run.milestone:
                day = cal.last_day(periods[0])
            elif periods[0] > 0:
                day = cal.first_day(periods[0])
            else:
                continue
            constraints.append(Constraint(task_id, ConstraintKind.START_NO_EARLIER_THAN, day))
    if problems:
        raise ValidationError(problems)
    if tasks:
        notes.add("no-links", "a month grid holds no links and psp invents none: each task "
                  "starts no earlier than its first marked month")
    end = cal.last_day(max(columns.months.values()))
    return Project(name, start, end=end, packages=packages, tasks=tasks,
                   constraints=constraints)


def _pieces(run: _Run, split: bool, file: str,
            problems: list[Problem]) -> list[tuple[str, list[int]]]:
    """The row's runs of consecutive months (one unless it has gaps and may be split)."""
    pieces: list[list[int]] = []
    for period in run.periods:
        if pieces and period == pieces[-1][-1] + 1:
            pieces[-1].append(period)
        else:
            pieces.append([period])
    if len(pieces) <= 1 or not run.periods:
        return [(run.id, run.periods)] if run.periods else []
    if not split:
        problems.append(Problem(
            "grid-gap", f"the marked months of {run.id or run.name!r} leave a gap (split it "
            "into two rows, or read with split)", f"row {run.row}", None, file))
        return []
    return [(f"{run.id}{chr(ord('a') + n)}" if n < 26 else f"{run.id}_{n}", piece)
            for n, piece in enumerate(pieces)]


def _package_id(run: _Run, taken: set[str]) -> str:
    wanted = run.id if is_id(run.id) else run.number
    chosen = wanted if wanted and wanted not in taken else f"P{run.row}"
    taken.add(chosen)
    return chosen


def _package_name(run: _Run, ident: str) -> str:
    """The name cell; a name that starts with the package's number loses it."""
    return run.rest if run.rest is not None and not run.id and run.number == ident \
        else run.name


def _task_id(ident: str, row: int, taken: set[str], notes: Notes) -> str:
    chosen = ident if is_id(ident) and ident not in taken else f"R{row}"
    if chosen != ident:
        notes.add("grid-ids", "a row without a usable, unique number got one from its row",
                  f"row {row}")
    while chosen in taken:
        chosen += "_"
    taken.add(chosen)
    return chosen


# --- writing -------------------------------------------------------------------------------


def grid_csv(s: Schedule, *, lang: Lang = "de", columns: str = "auto",
             excel: bool = False) -> str:
    """A schedule's month grid as CSV; in English the period columns are ISO dates.

    Parameters
    ----------
    s : Schedule
        The schedule.
    lang : {"de", "en"}
        The language of the header.
    columns : {"auto", "period", "week", "month"}
        What one column is (`psp.calendars.grid_columns`).
    excel : bool
        As German Excel opens it (`psp._support.render.csv_text`).

    Returns
    -------
    str

    Examples
    --------
    >>> import psp
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> grid_csv(s, lang="en").splitlines()[0][:30]
    'id,task,owner,2020-09,2020-10,'
    >>> excel = grid_csv(s, excel=True)
    >>> excel.startswith("\\ufeff"), excel[1:].split(";")[:4]
    (True, ['Nr.', 'Aufgabe', 'Verantwortlich', "Sep'20"])
    """
    return month_grid(s, lang=lang, columns=columns, iso=lang == "en").to_csv(excel=excel)


_FILLS = {"package": ("solid", "222222"), "critical": ("solid", "D55E00"),
          "task": ("solid", "9AD0F0"), "loe": ("darkUp", "999999")}


def grid_xlsx(table: Table, path: str | os.PathLike[str], *, lang: Lang = "de",
              extra: Table | None = None, progress: Callable[[int], object] | None = None,
              ) -> None:
    """Save a month grid as a workbook: filled month cells, packages bold, critical marked.

    The grid is the first sheet (what the grid reader reads); ``extra`` (the plan's
    events) becomes a second sheet named by its title. The rows are streamed to the
    file as they are made (openpyxl's write-only mode, one style object per kind of
    cell), so time and memory grow with the cells, not faster. The sheet prints in
    landscape on A4, one page wide, with the header row and the id, task and owner
    columns on every page.

    Parameters
    ----------
    table : Table
        The grid (`psp.export.psp_table` of a schedule).
    path : str or path-like
        The workbook to save (written as it is: callers write atomically).
    lang : {"de", "en"}
        The language of the sheet's name and the critical mark.
    extra : Table, optional
        A second sheet.
    progress : callable, optional
        Called with the number of rows written since the last call.

    Returns
    -------
    None

    Examples
    --------
    >>> import psp, tempfile, pathlib, openpyxl
    >>> from psp.engine._cpm import month_grid
    >>> s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     grid_xlsx(month_grid(s), pathlib.Path(folder) / "g.xlsx")
    ...     sheet = openpyxl.load_workbook(pathlib.Path(folder) / "g.xlsx").active
    ...     sheet["D2"].fill.fgColor.rgb, sheet.print_title_rows, sheet.page_setup.orientation
    ('00222222', '$1:$1', 'landscape')
    """
    if len(table.header) - 4 > _MAX_COLUMNS:
        raise SizeError(f"{os.fspath(path)}: a grid of {len(table.header) - 4:,} periods is "
                        f"wider than a workbook ({_MAX_COLUMNS:,} period columns)")
    require("openpyxl", extra="xlsx")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(phrase("sheet.plan", lang))
    _grid_layout(sheet, len(table.header))
    _stream_grid(sheet, table, lang, progress)
    if extra is not None:
        _plain_sheet(book, extra)
    book.save(path)


def _grid_layout(sheet: Any, width: int) -> None:
    """Column widths, frozen header and task columns, and the print setup (set first:
    a write-only sheet writes them before its rows)."""
    from openpyxl.utils import get_column_letter

    for letter, size in (("A", 7), ("B", 60), ("C", 13)):
        sheet.column_dimensions[letter].width = size
    for column in range(4, width):
        sheet.column_dimensions[get_column_letter(column)].width = 7
    sheet.freeze_panes = "D2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:C"


def _stream_grid(sheet: Any, table: Table, lang: Lang,
                 progress: Callable[[int], object] | None) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, centre = Font(bold=True), Alignment(horizontal="center")
    fills = {kind: PatternFill(pattern, fgColor=colour)  # type: ignore[arg-type]
             for kind, (pattern, colour) in _FILLS.items()}
    critical_id, yes = Font(bold=True, color="B03A00"), phrase("sheet.yes", lang)

    def cell(value: str | None, *, font: Any = None, fill: Any = None) -> Any:
        made = WriteOnlyCell(sheet, value)
        if font is not None:
            made.font = font
        if fill is not None:
            made.fill, made.alignment = fill, centre
        return made

    sheet.append([cell(h, font=bold) for h in table.header])
    last, step = len(table.header) - 1, 1_000
    for n, row in enumerate(table.rows):
        kind = table.kind(n)
        font = bold if kind == "package" else None
        cells: list[Any] = [cell(spreadsheet_safe(row[0]),
                                 font=critical_id if kind == "critical" else font),
                            cell(spreadsheet_safe(row[1]), font=font),
                            cell(spreadsheet_safe(row[2]), font=font)]
        cells += [cell(None if text == FILLED else text, fill=fills[kind]) if text else None
                  for text in row[3:last]]
        cells.append(yes if kind == "critical" else spreadsheet_safe(row[last]) or None)
        sheet.append(cells)
        if progress is not None and (n + 1) % step == 0:
            progress(step)
    if progress is not None and len(table.rows) % step:
        progress(len(table.rows) % step)


def _plain_sheet(book: Any, table: Table) -> None:
    """A sheet of a plain table: bold header, frozen below it, text columns wide enough."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(table.title[:31] or "Sheet")
    for n, _head in enumerate(table.header, start=1):
        widest = max((len(row[n - 1]) for row in table.rows), default=0)
        sheet.column_dimensions[get_column_letter(n)].width = min(max(widest, 8) + 2, 60)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for h in table.header:
        header.append(WriteOnlyCell(sheet, spreadsheet_safe(h)))
        header[-1].font = bold
    sheet.append(header)
    for row in table.rows:
        sheet.append([spreadsheet_safe(c) for c in row])


def dump_grid(project: Project, path: str | os.PathLike[str], *, lang: Lang = "de") -> None:
    """Write the plan's month grid (its schedule, as `psp table` shows it) to ``.xlsx``/``.csv``.

    The columns are months whatever the plan's unit, so that the grid reads back; a week
    or day plan's task fills every month it touches.

    Parameters
    ----------
    project : Project
        The plan.
    path : str or path-like
        ``.xlsx`` for a workbook, else CSV; replaced only once complete.
    lang : {"de", "en"}
        The language of the header.

    Returns
    -------
    None

    Examples
    --------
    >>> import psp, tempfile, pathlib
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     dump_grid(plan, pathlib.Path(folder) / "plan.xlsx")
    ...     again = load_grid(pathlib.Path(folder) / "plan.xlsx").plan
    >>> [t.duration for t in again.tasks][:4] == [t.duration for t in plan.tasks][:4]
    True
    """
    s = schedule(project)
    if Path(path).suffix.lower() == ".xlsx":
        table = month_grid(s, lang=lang, columns="month")
        write_atomically(path, lambda tmp: grid_xlsx(table, tmp, lang=lang))
        return
    write_text(path, grid_csv(s, lang=lang, columns="month"))


def lost(project: Project) -> tuple[Note, ...]:
    """What a month grid cannot hold of a plan: links, constraints and progress become the
    schedule's months; budget, cost rules, events and the plan's id are left out.

    Parameters
    ----------
    project : Project
        The plan.

    Returns
    -------
    tuple of Note

    Examples
    --------
    >>> import psp
    >>> [n.code for n in lost(psp.load("examples/digitale_werkstatt.toml"))]
    ['positions', 'grid-schedule']
    """
    notes = list(left_out(project, "a month grid"))
    if project.unit is not Unit.MONTH:
        notes.append(Note("grid-months", f"a month grid has a column per month: the "
                          f"{project.unit.value}s of the plan become the months they touch"))
    if project.links or project.constraints or project.actuals or project.not_started:
        notes.append(Note("grid-schedule", "a month grid holds the schedule's months, not the "
                          "links, constraints and progress that make them"))
    return tuple(notes)
