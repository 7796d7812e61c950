"""The Projektstrukturplan table in every format, the critical path table, Mermaid."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest

import psp
import psp.cli
from psp.export import critical_path_table, mermaid, psp_table, psp_table_html, write_table

S1 = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
MONTHS = ["Sep'20", "Okt'20", "Nov'20", "Dez'20", "Jan'21", "Feb'21", "Mär'21", "Apr'21",
          "Mai'21", "Jun'21", "Jul'21", "Aug'21"]


def occupied(ts: psp.TaskSchedule) -> list[str]:
    """The month labels a task runs in, from its dates (not from its periods)."""
    out, day = [], ts.start.replace(day=1)
    while day <= ts.finish:
        out.append(psp.Month.from_date(day).label())
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return out


def test_the_table_marks_exactly_the_months_each_task_runs() -> None:
    t = psp_table(S1)
    assert list(t.header) == ["Nr.", "Aufgabe", "Verantwortlich", *MONTHS, "krit."]
    by_id = {row[0]: row for row in t.rows}
    assert list(by_id)[:2] == ["AP1", "1.1"] and len(t.rows) == 29
    for ts in S1:
        if ts.finish_period == ts.start_period:
            continue
        marked = [m for m, cell in zip(MONTHS, by_id[ts.id][3:-1], strict=True) if cell]
        assert marked == occupied(ts), ts.id
        assert by_id[ts.id][-1] == ("*" if ts.critical else "")
    assert by_id["1.3"][2] == "3win+AGIT"
    assert [m for m, c in zip(MONTHS, by_id["M1"][3:-1], strict=True) if c] == ["Feb'21"]
    assert [m for m, c in zip(MONTHS, by_id["AP3"][3:-1], strict=True) if c] == [
        "Mär'21", "Apr'21", "Mai'21", "Jun'21"]


def test_markdown_csv_and_html() -> None:
    t = psp_table(S1, lang="en")
    md = t.to_markdown()
    assert "| **AP3** | **Umsetzung der Schulungsmaßnahmen** |" in md
    assert "Mar'21" in md.splitlines()[2]
    rows = list(csv.reader(io.StringIO(t.to_csv())))
    assert rows[0][-1] == "crit." and len(rows) == 30
    page = psp_table_html(S1)
    assert page.count("<tr class=\"package\">") == 4
    assert '<tr class="critical"><td>3.1</td>' in page and "◆" in page
    assert "background:#D55E00" in page  # critical months are filled differently
    html_of_schedule = S1._repr_html_()
    assert 'class="psp-plan"' in html_of_schedule  # Jupyter shows the month grid


def test_xlsx_cells_fills_bold_packages_and_critical_marks(tmp_path: Path) -> None:
    target = write_table(S1, tmp_path / "plan.xlsx")
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header == ["Nr.", "Aufgabe", "Verantwortlich", *MONTHS, "krit."]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    for ts in S1:
        r = rows[ts.id]
        filled = [MONTHS[c - 4] for c in range(4, 16)
                  if sheet.cell(r, c).fill.fill_type is not None]
        if ts.finish_period > ts.start_period:
            assert filled == occupied(ts), ts.id
        assert (sheet.cell(r, 16).value == "ja") == ts.critical, ts.id
    assert sheet.cell(rows["3.1"], 10).fill.fgColor.rgb == "00D55E00"  # critical: vermillion
    assert sheet.cell(rows["3.2"], 10).fill.fgColor.rgb == "009AD0F0"  # light blue
    assert sheet.cell(rows["AP1"], 1).font.bold and not sheet.cell(rows["1.2"], 1).font.bold
    assert sheet.freeze_panes == "D2"


@pytest.mark.parametrize("suffix", ["md", "html", "csv", "xlsx"])
def test_write_table_by_suffix(tmp_path: Path, suffix: str) -> None:
    target = write_table(S1, tmp_path / f"plan.{suffix}")
    assert target.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == [f"plan.{suffix}"]  # no leftovers


def test_write_table_refuses_unknown_formats_and_inputs(tmp_path: Path) -> None:
    with pytest.raises(psp.UsageError, match=r"\.md, \.html, \.csv or \.xlsx"):
        write_table(S1, tmp_path / "plan.docx")
    source = tmp_path / "plan.csv"
    source.write_text("mine", encoding="utf-8")
    with pytest.raises(psp.FileWriteError, match="refusing to overwrite an input"):
        write_table(S1, source, inputs=(str(source),))
    assert source.read_text(encoding="utf-8") == "mine"


def test_critical_path_table_follows_the_chain() -> None:
    t = critical_path_table(S1)
    assert [r[0] for r in t.rows] == list(S1.critical_path)
    after = {r[0]: r[5] for r in t.rows}
    assert after == {"1.1": "Projektbeginn", "1.3": "1.1 SS", "1.4": "1.1 SS", "1.5": "1.3 FF",
                     "2.1": "1.5 FS", "2.2": "1.5 FS", "2.3": "2.1 FS", "2.10": "2.3 FS",
                     "3.1": "2.10 FS", "4.2": "3.1 SS", "4.4": "3.1 FS", "4.5": "3.1 FS"}
    assert t.rows[8][2:5] == ("01.03.2021", "30.06.2021", "4")
    plan = psp.load("examples/digitale_werkstatt.toml")
    delayed = psp.apply(plan, psp.Delay("3.1", until="2021-06"))
    first = critical_path_table(psp.schedule(delayed), lang="en").rows[0]
    assert (first[0], first[5], first[6]) == ("3.1", "not before", "-3")


def test_mermaid_dates_match_the_schedule() -> None:
    text = mermaid(S1)
    assert text.startswith("gantt\n")
    assert text.count("section ") == 4
    found = {}
    for line in text.splitlines():
        m = re.match(r"\s+(\S+) .*:(.*)$", line)
        if m and not line.strip().startswith(("title", "dateFormat", "axisFormat", "section")):
            found[m[1]] = [part.strip() for part in m[2].split(",")]
    assert len(found) == 25
    for ts in S1:
        parts = found[ts.id]
        assert ("crit" in parts) == ts.critical, ts.id
        if ts.finish_period == ts.start_period:
            assert "milestone" in parts and parts[-2:] == [ts.start.isoformat(), "0d"]
        else:
            end = (ts.finish + dt.timedelta(days=1)).isoformat()  # Mermaid ends are exclusive
            assert parts[-2:] == [ts.start.isoformat(), end], ts.id


def test_mermaid_strips_characters_that_break_its_syntax() -> None:
    plan = psp.Project("Plan: A#1; B", psp.Month(2020, 9),
                       tasks=[psp.Task("a", "Schritt: eins # zwei; drei", duration=1)])
    text = mermaid(psp.schedule(plan))
    task_line = text.splitlines()[-1]
    assert task_line.count(":") == 1 and "#" not in text and ";" not in text


def test_no_formula_reaches_a_spreadsheet_from_a_task_name(tmp_path: Path) -> None:
    """Issue 8: a task named =HYPERLINK(…) became a live formula in CSV and xlsx."""
    import csv
    import io

    import openpyxl

    evil = '=HYPERLINK("http://evil.example","klick")'
    plan = psp.Project("x", psp.Month(2021, 1), tasks=[
        psp.Task("+A1", evil, owners={"@owner"}, duration=2),
        psp.Task("b", "-Abzug", duration=1)], links=[psp.Link("+A1", "b")])
    s = psp.schedule(plan)
    rows = list(csv.DictReader(io.StringIO(psp.export.as_csv(s))))
    assert (rows[0]["id"], rows[0]["name"], rows[0]["owners"]) == ("'+A1", "'" + evil, "'@owner")
    assert rows[1]["name"] == "'-Abzug" and rows[0]["total_float"] == "0"
    grid = list(csv.reader(io.StringIO(psp.export.psp_table(s).to_csv())))
    assert grid[1][1] == "'" + evil
    out = psp.export.write_table(s, tmp_path / "plan.xlsx")
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'" + evil in values and not any(
        isinstance(v, str) and v.startswith("=") for v in values)


def test_costs_csv_quotes_a_comma_in_an_id() -> None:
    plan = psp.loads("""
[project]
name = "x"
start = "2021-01"
end = "31.12.2021"
[[position]]
id = "a,b"
fte = 1
yearly_cost = 12000
""")
    rows = list(__import__("csv").reader(psp.costs(plan).to_csv().splitlines()))
    assert rows[1][:3] == ["x", "a,b", "2021"] and len(rows[1]) == len(rows[0])


@pytest.mark.parametrize("plan", [
    psp.Project("lang", psp.Month(2021, 1), tasks=[psp.Task("a", duration=32_000)]),
    psp.Project("fern", psp.Month(2021, 1), end=dt.date(9998, 12, 31),
                tasks=[psp.Task("a", duration=1)]),
    psp.Project("Tage", dt.date(2021, 1, 1), unit="day",
                tasks=[psp.Task(str(i), duration=1) for i in range(6_000)],
                links=[psp.Link(str(i), str(i + 1)) for i in range(5_999)]),
], ids=["32000-month task", "end in 9998", "6000-day chain"])
def test_charts_and_tables_too_large_to_use_are_refused_before_any_work(
        plan: psp.Project, tmp_path: Path) -> None:
    """Issue 8: such plans kept gantt and table busy for minutes, or wrote unusable files."""
    s = psp.schedule(plan)
    for make in (lambda: psp.gantt(s), lambda: psp_table(s),
                 lambda: write_table(s, tmp_path / "plan.xlsx")):
        with pytest.raises(psp.SizeError, match=r"coarser periods|at most") as info:
            make()
        assert info.value.code == "too-large"
    assert list(tmp_path.iterdir()) == []
    out = io.StringIO()
    source = tmp_path / "plan.toml"
    psp.dump(plan, source)
    with contextlib.redirect_stdout(out):
        assert psp.cli.main(["check", str(source)]) == 1  # check refuses what they refuse
    assert out.getvalue().startswith(f"{source}: ") and "at most" in out.getvalue()


def test_a_chart_taller_than_a_viewer_opens_is_refused() -> None:
    tasks = [psp.Task(str(i), duration=1) for i in range(1_600)]
    with pytest.raises(psp.SizeError, match="1,600 rows"):
        psp.gantt(psp.schedule(psp.Project("hoch", psp.Month(2021, 1), tasks=tasks)))


def test_markdown_and_mermaid_show_names_as_text_not_as_markup() -> None:
    """Issue 8: raw HTML passed through Markdown; Mermaid ids and sections were not cleaned."""
    plan = psp.Project("x <b>", psp.Month(2021, 1), packages=[psp.Package("AP#1", "Teil: A")],
                       tasks=[psp.Task("ä:1", "<script>alert(1)</script>", package="AP#1",
                                       duration=1)])
    s = psp.schedule(plan)
    md = psp_table(s).to_markdown()
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    r = psp.replan(plan, [psp.Delay("ä:1", by=1)])
    assert "<script>" not in psp.export.amendment_table(r)
    lines = mermaid(s).splitlines()
    assert "    section AP 1 Teil  A" in lines
    (task,) = [line for line in lines if "alert" in line]
    assert task.split(":", 1)[1].split(",")[1].strip() == "t__1"  # ASCII only
    assert task.count(":") == 1 and "#" not in task


# --- issue 13, item 5: tables at any size ---------------------------------------------


def _day_plan(days: int) -> psp.Project:
    """A day plan of three tasks in a chain, 4 January 2021 on, ``days`` long in all."""
    third = days // 3
    return psp.Project("Tage", dt.date(2021, 1, 4), unit="day", packages=[psp.Package("AP1")],
                       tasks=[psp.Task("1.1", package="AP1", duration=third),
                              psp.Task("1.2", package="AP1", duration=days - 2 * third),
                              psp.Task("M1", package="AP1", duration=0),
                              psp.Task("1.3", package="AP1", duration=third)],
                       links=[psp.Link("1.1", "1.2"), psp.Link("1.2", "M1"),
                              psp.Link("M1", "1.3")])


def test_a_long_day_plan_shows_weeks_then_months_and_the_fine_grid_on_request() -> None:
    short = psp_table(psp.schedule(_day_plan(90)))
    assert short.header[3:5] == ("04.01.21", "05.01.21") and len(short.header) == 90 + 4
    year = psp.schedule(_day_plan(360))  # 4 Jan – 29 Dec 2021: ISO weeks 1 to 52
    weeks = psp_table(year)
    assert weeks.header[3:5] == ("KW01'21", "KW02'21") and len(weeks.header) == 52 + 4
    by_id = {row[0]: row for row in weeks.rows}
    # 1.1 runs days 0–119: 4 Jan (a Monday) to 3 May 2021 (a Monday): weeks 1 to 18
    assert "".join(c or "." for c in by_id["1.1"][3:-1]) == "■" * 18 + "." * 34
    # M1 sits on 1.2's last day, 31 Aug 2021 (a Tuesday of week 35)
    assert [n for n, c in enumerate(by_id["M1"][3:-1], start=1) if c] == [35]
    assert by_id["AP1"][3:-1] == ("■",) * 52
    long = psp_table(psp.schedule(_day_plan(1_000)))  # 143 weeks: months instead
    assert long.header[3] == "Jan'21" and len(long.header) - 4 == 33  # Jan 2021 – Sep 2023
    fine = psp_table(year, columns="period")
    assert len(fine.header) == 360 + 4
    months = psp_table(year, columns="month", lang="en")
    assert months.header[3:-1] == tuple(psp.Month(2021, m).label(lang="en")
                                        for m in range(1, 13))
    # a month plan is never shown coarser, whatever is asked
    assert psp_table(S1, columns="week").header == psp_table(S1).header
    with pytest.raises(psp.UsageError, match="columns must be one of"):
        psp_table(S1, columns="quarter")


def test_excel_csv_opens_in_a_german_excel_and_reads_back(tmp_path: Path) -> None:
    target = write_table(S1, tmp_path / "plan.csv", excel=True)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Nr.", "Aufgabe", "Verantwortlich", *MONTHS, "krit."]
    ids = [row[0] for row in rows[1:]]
    # an id Excel would read as a date (1.1 = 1 January) is a text formula; AP1 is not
    assert ids[:3] == ["AP1", '="1.1"', '="1.2"'] and '="2.10"' in ids
    again = psp.io.load_grid(target).plan
    assert [t.id for t in again.tasks] == [t.id for t in S1.project.tasks]
    (tmp_path / "plain").mkdir()
    plain = write_table(S1, tmp_path / "plain" / "plan.csv", lang="de")
    assert again == psp.io.load_grid(plain).plan  # the same plan as from the plain CSV


def test_excel_csv_writes_decimal_commas_for_numbers() -> None:
    plan = psp.load_portfolio("examples/digitale_werkstatt.toml")  # fractional FTE months
    excel = psp.costs(plan).to_csv(excel=True)
    plain = psp.costs(plan).to_csv()
    rows = list(csv.reader(io.StringIO(excel[1:], newline=""), delimiter=";"))
    plain_rows = list(csv.reader(io.StringIO(plain)))
    decimal = re.compile(r"-?\d+\.\d+")
    assert sum(bool(decimal.fullmatch(c)) for row in plain_rows for c in row) >= 4
    assert len(rows) == len(plain_rows) and rows[0] == plain_rows[0]
    for mine, theirs in zip(rows[1:], plain_rows[1:], strict=True):
        assert mine == [cell.replace(".", ",") if decimal.fullmatch(cell) else cell
                        for cell in theirs]


def test_the_workbook_prints_landscape_one_page_wide_with_titles_repeated(
        tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(write_table(S1, tmp_path / "plan.xlsx")).active
    assert sheet is not None
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (sheet.print_title_rows, sheet.print_title_cols) == ("$1:$1", "$A:$C")


def test_the_workbook_fills_exactly_the_cells_the_table_marks(tmp_path: Path) -> None:
    plan = _day_plan(360)
    s = psp.schedule(plan)
    table = psp_table(s)
    sheet = openpyxl.load_workbook(write_table(s, tmp_path / "tage.xlsx")).active
    assert sheet is not None
    cells = list(sheet.iter_rows(min_row=1, values_only=False))
    assert [c.value for c in cells[0]] == list(table.header)
    for row, excel_row in zip(table.rows, cells[1:], strict=True):
        marked = [n for n, text in enumerate(row[3:-1]) if text]
        filled = [n for n, c in enumerate(excel_row[3:-1]) if c.fill.fill_type is not None]
        assert filled == marked, row[0]


def test_the_html_table_is_a_complete_page_with_a_legend(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    page = write_table(S1, tmp_path / "plan.html", lang="en").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert '<meta charset="utf-8">' in page and page.rstrip().endswith("</html>")
    assert f"<title>{S1.project.name}</title>" in page

    class Legend(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside, self.items, self.kinds = False, [""], []

        def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
            self.inside = self.inside or dict(attributes).get("class") == "psp-legend"
            if self.inside and tag == "span":
                self.kinds.append(dict(attributes).get("class"))

        def handle_endtag(self, tag: str) -> None:
            if self.inside and tag == "li":
                self.items.append("")
            self.inside = self.inside and tag != "ul"

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.items[-1] += data

    legend = Legend()
    legend.feed(page)
    assert legend.items[:-1] == ["work package", "not critical", "critical",
                                 "level of effort", "◆milestone"]
    assert legend.kinds == ["package", "task", "critical", "loe", None]
    # every kind the legend names has its colour in the grid's style, the same colour
    for kind, colour in (("critical", "#D55E00"), ("task", "#9AD0F0"), ("package", "#222")):
        assert f".psp-legend .{kind}{{background:{colour}}}" in page
        assert f"td.on{{background:{colour}}}" in page


def test_excel_csv_keeps_ids_as_text_and_dates_as_dates() -> None:
    """A full German date (01.06.2021) is a date in Excel, as it should be; an id such as
    3.1 would become 3 January, so it is written as a text formula."""
    text = critical_path_table(S1).to_csv(excel=True)
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert rows[0] == ["Nr.", "Aufgabe", "Beginn", "Ende", "Dauer", "nach", "Gesamtpuffer"]
    first = next(row for row in rows if row[0] == '="3.1"')
    assert first[2:5] == ["01.03.2021", "30.06.2021", "4"]  # dates stay dates
