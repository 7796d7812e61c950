"""Events: dated points in a plan, day-exact in any unit, listed in every output."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest

import psp
import psp.cli
from psp import Event, EventKind, Link, Month, Package, Project, Task
from psp.engine import Outside, event_warnings, task_span
from psp.export import as_json, write_table
from psp.io._ics import dumps_ics

D = dt.date


def _plan(*events: Event, end: object = "2021-06") -> Project:
    return Project(
        "Care & Mobility Innovation", Month(2021, 1), end=end,
        packages=[Package("AP1", "Grundlagen"), Package("AP2", "Umsetzung")],
        tasks=[Task("1.1", "Analyse", package="AP1", duration=3),
               Task("M1", "Analyse fertig", package="AP1"),
               Task("2.1", "Workshops", package="AP2", duration=2)],
        links=[Link("1.1", "M1"), Link("M1", "2.1")],
        events=list(events))


# --- the value --------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["22.09.2020", "2020-09-22", D(2020, 9, 22)])
def test_an_event_day_may_be_written_as_the_plan_file_writes_dates(written: object) -> None:
    assert Event("kickoff", date=written).date == D(2020, 9, 22)


@pytest.mark.parametrize("written", ["2020-09", "Sep 2020", Month(2020, 9)])
def test_a_month_is_not_a_day_and_is_refused(written: object) -> None:
    with pytest.raises(psp.FieldError, match=r"Event\.date: expected a day like 22\.09\.2020"):
        Event("kickoff", date=written)


@pytest.mark.parametrize(("field", "value", "error"), [
    ("participants", -1, psp.FieldError), ("participants", 1.5, psp.FieldTypeError),
    ("participants", True, psp.FieldTypeError), ("kind", "party", psp.FieldError),
    ("task", " 1.1", psp.FieldError), ("note", 3, psp.FieldTypeError)])
def test_each_bad_field_is_named(field: str, value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=f"Event.{field}"):
        Event("e", date="22.09.2020", **{field: value})


def test_kinds_are_read_in_any_case_and_default_to_event() -> None:
    assert Event("e", date="22.09.2020", kind="Workshop").kind is EventKind.WORKSHOP
    assert Event("e", date="22.09.2020").kind is EventKind.EVENT


def test_a_plan_keeps_its_events_in_date_order_so_equal_plans_compare_equal() -> None:
    a, b = Event("b", date="01.02.2021"), Event("a", date="03.01.2021")
    assert [e.id for e in _plan(a, b).events] == ["a", "b"]
    assert _plan(a, b) == _plan(b, a)


def test_moving_a_plan_moves_its_events_to_the_same_place_in_their_period() -> None:
    plan = _plan(Event("mid", date="15.02.2021"), Event("last", date="28.02.2021"))
    moved = plan.with_start(Month(2021, 3))  # two periods later
    assert [e.date for e in moved.events] == [D(2021, 4, 15), D(2021, 4, 30)]


# --- the plan file ------------------------------------------------------------------------

PLAN = """\
[project]
name = "Demo"
start = "2021-01"

[[package]]
id = "AP1"

[[task]]
id = "1.1"
package = "AP1"
duration = 3

[[event]]
id = "kickoff"
name = "Kick-off"
date = "22.01.2021"
package = "AP1"
kind = "meeting"
note = "hybrid"
participants = 130
"""


def test_the_plan_file_reads_an_event_with_every_key() -> None:
    (event,) = psp.loads(PLAN).events
    assert event == Event("kickoff", "Kick-off", D(2021, 1, 22), package="AP1",
                          kind=EventKind.MEETING, note="hybrid", participants=130)


def test_the_plan_file_writes_the_event_back_as_an_iso_day() -> None:
    text = psp.dumps(psp.loads(PLAN))
    assert 'date = "2021-01-22"' in text and psp.loads(text) == psp.loads(PLAN)


def test_a_typo_for_date_is_named_with_a_suggestion() -> None:
    with pytest.raises(psp.ValidationError) as info:
        psp.loads(PLAN.replace('date = "22.01.2021"', 'datum = "22.01.2021"'), file="p.toml")
    lines = str(info.value).splitlines()[1:]
    assert "p.toml: event kickoff: datum: unknown key; did you mean 'date'?" in lines[0]
    assert lines[1].strip() == "p.toml: event kickoff: date: required"


# --- warnings -----------------------------------------------------------------------------


def test_an_event_after_the_contractual_end_is_a_warning_naming_the_project_span() -> None:
    (w,) = event_warnings(psp.schedule(_plan(Event("late", date="01.07.2021"))))
    assert (w.outside, w.first, w.last) == (Outside.PROJECT, D(2021, 1, 1), D(2021, 6, 30))
    assert w.message(lang="de") == ("Termin late am 01.07.2021 liegt außerhalb des Projekts "
                                    "(01.01.2021 bis 30.06.2021)")


def test_without_an_end_the_project_runs_to_its_computed_finish() -> None:
    # 1.1 Jan–Mar, M1 end of March, 2.1 Apr–May: the finish is 31.05.2021.
    plan = _plan(Event("in", date="31.05.2021"), Event("out", date="01.06.2021"), end=None)
    assert [w.event.id for w in event_warnings(psp.schedule(plan))] == ["out"]


def test_an_event_outside_its_task_names_both() -> None:
    plan = _plan(Event("ws", "Workshop", "15.04.2021", task="1.1"))
    (w,) = event_warnings(psp.schedule(plan))
    assert w.message(lang="en") == ("event ws on 2021-04-15 lies outside task 1.1 "
                                    "(2021-01-01 to 2021-03-31)")


def test_a_milestone_spans_the_period_it_is_dated_in() -> None:
    s = psp.schedule(_plan())
    assert s["M1"].start == D(2021, 3, 31) and task_span(s["M1"]) == (D(2021, 3, 1),
                                                                       D(2021, 3, 31))
    inside = _plan(Event("a", date="01.03.2021", task="M1"))
    outside = _plan(Event("b", date="01.04.2021", task="M1"))
    assert event_warnings(psp.schedule(inside)) == ()
    assert [w.owner for w in event_warnings(psp.schedule(outside))] == ["M1"]


def test_an_event_outside_its_package_names_the_package() -> None:
    (w,) = event_warnings(psp.schedule(_plan(Event("p", date="15.01.2021", package="AP2"))))
    assert (w.outside, w.owner, w.first, w.last) == (Outside.PACKAGE, "AP2", D(2021, 4, 1),
                                                     D(2021, 5, 31))


def test_psp_check_prints_each_event_warning_and_strict_fails_on_it(tmp_path, capsys) -> None:
    path = tmp_path / "p.toml"
    text = PLAN.replace("22.01.2021", "22.05.2021").replace('start = "2021-01"',
                                                            'start = "2021-01"\nend = "2021-12"')
    path.write_text(text, encoding="utf-8")
    assert psp.cli.main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{path}: event kickoff: date: warning: event kickoff on 2021-05-22 lies "
                   "outside work package AP1 (2021-01-01 to 2021-03-31)"]
    assert psp.cli.main(["check", str(path), "--strict"]) == 1


# --- the same event in every output --------------------------------------------------------

EVENTS = (Event("kickoff", "Kick-off auf dem CHIO-Gelände", "22.01.2021", package="AP1",
                participants=130),
          Event("ws", "Workshop | Mobilität", "13.04.2021", task="2.1",
                kind="workshop", note="online"))


def test_the_schedule_text_lists_every_event_with_its_day() -> None:
    text = psp.schedule(_plan(*EVENTS)).to_text(lang="de")
    rows = [line.split() for line in text.splitlines()]
    assert ["kickoff", "22.01.2021"] in [r[:2] for r in rows]
    assert ["ws", "13.04.2021"] in [r[:2] for r in rows]
    assert "130 Teilnehmende" in text


def test_the_json_lists_every_event_as_plain_values() -> None:
    for indent in (None, 2):
        data = json.loads(as_json(psp.schedule(_plan(*EVENTS)), indent=indent))
        assert data["events"] == [
            {"id": "kickoff", "name": "Kick-off auf dem CHIO-Gelände", "date": "2021-01-22",
             "kind": "event", "task": None, "package": "AP1", "note": "",
             "participants": 130},
            {"id": "ws", "name": "Workshop | Mobilität", "date": "2021-04-13",
             "kind": "workshop", "task": "2.1", "package": None, "note": "online",
             "participants": None}]
    assert "events" not in json.loads(as_json(psp.schedule(_plan())))


def test_the_table_outputs_list_the_events_after_the_grid(tmp_path) -> None:
    s = psp.schedule(_plan(*EVENTS))
    md = write_table(s, tmp_path / "t.md", lang="en").read_text(encoding="utf-8")
    assert "| ws | 2021-04-13 | Workshop \\| Mobilität | workshop | 2.1 | online |" in md
    html = write_table(s, tmp_path / "t.html").read_text(encoding="utf-8")
    assert "<td>kickoff</td><td>22.01.2021</td>" in html
    book = openpyxl.load_workbook(write_table(s, tmp_path / "t.xlsx", lang="en"))
    assert book.sheetnames == ["Project plan", "events"]
    rows = list(book["events"].values)
    assert rows[1][:3] == ("kickoff", "2021-01-22", "Kick-off auf dem CHIO-Gelände")
    # the grid alone is read back as a month grid
    assert psp.io.read(tmp_path / "t.xlsx").plan.tasks[0].id == "1.1"


def test_the_calendar_holds_each_event_on_its_day_with_a_stable_uid() -> None:
    text = dumps_ics(_plan(*EVENTS), lang="en", stamp=dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    blocks = text.split("BEGIN:VEVENT")[1:]
    found = {b.split("UID:")[1].split("\r\n")[0]: b for b in blocks}
    ws = found["event.ws.care-mobility-innovation@psp"]
    assert "DTSTART;VALUE=DATE:20210413" in ws and "DTEND;VALUE=DATE:20210414" in ws
    assert "SUMMARY:Workshop | Mobilität" in ws
    assert "workshop · 2.1 · online" in ws.replace("\r\n ", "")


def test_formats_without_events_say_they_left_them_out(tmp_path) -> None:
    notes = psp.io.write(_plan(*EVENTS), tmp_path / "p.xml")
    assert [n.code for n in notes if n.code == "events"] == ["events"]
    assert "event kickoff" in str(next(n for n in notes if n.code == "events"))


# --- the chart ----------------------------------------------------------------------------


def test_events_are_one_collection_of_markers_at_midday_of_their_day_in_their_row() -> None:
    from matplotlib.dates import date2num

    plan = _plan(*EVENTS, Event("rat", "Ausschuss", "25.11.2021"))
    g = psp.gantt(plan)
    offsets = g.event_marks.get_offsets()
    assert g.rows[-1] == "Termine"
    for event in plan.events:
        x, y = offsets[g.events[event.id]]
        assert x == pytest.approx(date2num(dt.datetime(*event.date.timetuple()[:3])) + 0.5)
        owner = event.task or event.package
        assert y == (g.rows.index(owner) if owner else len(g.rows) - 1)
    # the axis reaches the last event (November, after the end in June)
    assert g.ax.get_xlim()[1] > date2num(dt.datetime(2021, 11, 30))
    assert "Termin" in [t.get_text() for t in g.legend.get_texts()]


def test_a_portfolio_keeps_each_projects_events_under_its_key() -> None:
    pf = psp.Portfolio("Region", [_plan(*EVENTS)])
    flat = psp.flatten(pf)
    key = pf.keys[0]
    assert [(e.id, e.task, e.package) for e in flat.events] == [
        (f"{key}:kickoff", None, f"{key}:AP1"), (f"{key}:ws", f"{key}:2.1", None)]


def test_the_png_of_a_chart_with_events_is_written(tmp_path) -> None:
    out = io.BytesIO()
    psp.gantt(_plan(*EVENTS)).figure.savefig(out, format="png")
    assert out.getvalue()[:4] == b"\x89PNG"
