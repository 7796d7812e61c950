"""Status reports: the facts against the schedule, in German and English, and in Word."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from pathlib import Path

import docx
import pytest

import psp
import psp.cli
from psp.reports import DeadlineState, State, status_report, write_docx

D = dt.date
EXAMPLES = Path(__file__).parent.parent / "examples"
WERKSTATT = EXAMPLES / "digitale_werkstatt.toml"
MAY = EXAMPLES / "digitale_werkstatt_2021-05.toml"
CMI = EXAMPLES / "care_mobility_innovation.toml"


def test_done_running_and_not_started_follow_the_dates_on_the_status_date() -> None:
    plan = psp.load(WERKSTATT)
    day = D(2021, 1, 15)
    r = status_report(plan, status=day)
    s = psp.schedule(plan)
    # independently: done when it finished by the day, running when it started by it
    done = {t.id for t in s if t.finish <= day}
    running = {t.id for t in s if t.start <= day < t.finish}
    assert {t.id for t in r.in_state(State.DONE)} == done
    assert {t.id for t in r.in_state(State.RUNNING)} == running
    assert {t.id for t in r.in_state(State.NOT_STARTED)} == {t.id for t in s} - done - running
    # 2.3 runs 01.12.2020–31.01.2021: 46 of 62 days lie behind it on 15.01.
    (t23,) = [t for t in r.tasks if t.id == "2.3"]
    assert t23.elapsed == Fraction(46, 62)


def test_packages_roll_up_their_tasks_states() -> None:
    r = status_report(psp.load(WERKSTATT), status="2021-01-15")
    states = {p.id: (p.state, p.done, p.running, p.not_started) for p in r.packages}
    assert states == {"AP1": (State.DONE, 5, 0, 0), "AP2": (State.RUNNING, 2, 5, 5),
                      "AP3": (State.NOT_STARTED, 0, 0, 3), "AP4": (State.RUNNING, 0, 2, 3)}


def test_late_tasks_against_the_baseline_carry_the_replans_reason() -> None:
    r = status_report(psp.load(MAY), baseline=psp.load(WERKSTATT))
    late = {t.id: (t.late_by, t.cause.kind.value if t.cause else None) for t in r.late}
    # AP3 moved from Mar–Jun to Jun–Sep 2021: three months, by its not-before date
    assert late["3.1"] == (3, "not_before")
    assert late["4.4"] == (3, "link") and late["4.2"] == (3, "link")
    assert late["4.1"] == (4, "level_of_effort")  # runs to the new end, Dec instead of Aug
    assert set(late) == {"3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "4.5"}


def test_events_held_and_next_split_at_the_status_date_and_since() -> None:
    plan = psp.load(CMI)
    r = status_report(plan, status="30.04.2021", since="31.12.2020")
    assert [e.id for e in r.events_held] == ["gesundheitsberufe"]
    assert [e.id for e in r.events_next] == ["ausschreibung"]
    everything = status_report(plan, status="30.04.2021")
    assert [e.date for e in everything.events_held] == [
        D(2020, 6, 18), D(2020, 7, 29), D(2020, 9, 22), D(2020, 12, 17), D(2021, 4, 22)]


def test_milestones_reached_and_next_and_the_deadlines() -> None:
    plan = psp.Project(
        "Demo", "2021-01", end="2021-06",
        tasks=[psp.Task("a", duration=2), psp.Task("M1"), psp.Task("b", duration=3),
               psp.Task("M2"), psp.Task("c", duration=1)],
        links=[psp.Link("a", "M1"), psp.Link("M1", "b"), psp.Link("b", "M2")],
        constraints=[psp.Constraint("b", "finish_no_later_than", "2021-05"),
                     psp.Constraint("c", "finish_no_later_than", "2021-01")])
    r = status_report(plan, status="2021-03-10")
    assert [t.id for t in r.milestones_reached] == ["M1"]
    assert [(t.id, t.task.start) for t in r.milestones_next] == [("M2", D(2021, 5, 31))]
    # b ends in May, its deadline's own month: endangered; c was done in January.
    assert [(d.id, d.state) for d in r.deadlines] == [("b", DeadlineState.ENDANGERED)]
    late = status_report(psp.apply(plan, psp.Delay("b", by=1)), status="2021-03-10")
    assert [(d.id, d.state, d.by) for d in late.deadlines] == [("b", DeadlineState.MISSED, 1)]
    assert late.slack == 0


def test_a_report_needs_a_status_date_and_says_so() -> None:
    with pytest.raises(psp.UsageError, match="needs a status date"):
        status_report(psp.load(WERKSTATT))
    with pytest.raises(psp.UsageError, match="before the plan's own status"):
        status_report(psp.load(MAY), status="2021-01-01")


@pytest.mark.parametrize(("lang", "words"), [
    ("de", ("Sachstandsbericht", "Stand 30.04.2021", "nicht begonnen", "+7 Monate",
            "frühestens ab 06/2021", "Termine bis zum Stichtag")),
    ("en", ("Status report", "as of 2021-04-30", "not started", "+7 months",
            "start no earlier than 06/2021", "Events up to the status date"))])
def test_the_markdown_says_the_same_facts_in_both_languages(lang: str,
                                                           words: tuple[str, ...]) -> None:
    plan = psp.apply(psp.load(CMI), psp.Delay("1.3", until="2021-06"))
    text = status_report(plan, status="30.04.2021", baseline=psp.load(CMI)).to_markdown(
        lang=lang)
    for word in words:
        assert word in text
    # every event of the plan up to the day is a row with its date
    day = (lambda d: d.isoformat()) if lang == "en" else (lambda d: f"{d:%d.%m.%Y}")
    for event in plan.events:
        if event.date <= D(2021, 4, 30):
            assert f"| {event.id} | {day(event.date)} |" in text


def test_the_docx_reads_back_with_headings_tables_and_the_chart(tmp_path: Path) -> None:
    plan = psp.apply(psp.load(CMI), psp.Delay("1.3", until="2021-06"))
    report = status_report(plan, status="30.04.2021", baseline=psp.load(CMI))
    out = write_docx(report, tmp_path / "bericht.docx", lang="de")
    document = docx.Document(out)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")
                or p.style.name == "Title"]
    assert headings[0] == "Sachstandsbericht: Care & Mobility Innovation"
    assert {"Arbeitspakete", "Aufgaben", "Verspätet gegenüber dem Basisplan",
            "Nächste Termine"} <= set(headings)
    assert len(document.inline_shapes) == 1  # the Gantt chart
    rows = {tuple(c.text for c in row.cells) for t in document.tables for row in t.rows}
    assert ("1.3", "Auswertung der Workshops, Veranstaltungen, Interviews und der Befragung",
            "31.12.2020", "31.07.2021", "+7 Monate", "frühestens ab 06/2021") in rows
    assert ("kickoff", "22.09.2020") in {r[:2] for r in rows}


def test_the_command_writes_every_format_and_never_over_its_input(tmp_path: Path,
                                                                   capsys) -> None:
    args = [str(CMI), "--delay", "1.3=2021-06", "--status", "30.04.2021"]
    assert psp.cli.main(["report", *args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "2021-04-30" and data["end"] == "2022-12-31"
    assert {t["id"]: t["late_by"] for t in data["tasks"]}["2.1"] == 7
    for suffix in (".md", ".html", ".txt", ".docx"):
        out = tmp_path / f"r{suffix}"
        assert psp.cli.main(["report", *args, "-o", str(out), "--no-chart"]) == 0
        assert out.stat().st_size > 500
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" not in page
    assert psp.cli.main(["report", *args, "--format", "html", "-o", str(tmp_path / "c.html")]
                        ) == 0
    assert "<svg" in (tmp_path / "c.html").read_text(encoding="utf-8")
    assert psp.cli.main(["report", *args, "--format", "docx"]) == 2  # a file is needed
    assert psp.cli.main(["report", *args, "-o", str(CMI)]) != 0  # never over the input
    assert "[[event]]" in CMI.read_text(encoding="utf-8")
