"""MS Project XML: MS Project's own dates, the outline, round trips, the schema's order, safety.

The oracle for dates is MS Project itself: the auto-scheduled files in ``tests/data/mspdi``
carry the start and finish MS Project computed. They are read here with the standard
library's parser and turned into dates by walking the weekdays by hand.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as StdET
from pathlib import Path

import attrs
import pytest

import psp
from psp.export import as_json
from psp.io import dumps_mspdi, load_mspdi, loads_mspdi
from tests.outline import in_outline_order

DATA = Path(__file__).parent.parent / "data" / "mspdi"
AUTO_SCHEDULED = ["mspdirelations.xml", "task-links-project2007-mspdi.xml", "mspdiduration.xml"]
NS = {"p": "http://schemas.microsoft.com/project"}


def _ms_project_dates(path: Path) -> dict[str, tuple[dt.date, dt.date]]:
    """Each task's (start, finish) as MS Project computed it, by UID.

    A work day runs 08:00–17:00: a start at 17:00 means the next working day, a finish
    at 08:00 the working day before.
    """
    root = StdET.parse(path).getroot()
    found = {}
    for task in root.findall("p:Tasks/p:Task", NS):
        if task.findtext("p:OutlineLevel", namespaces=NS) == "0":
            continue
        start = dt.datetime.fromisoformat(task.findtext("p:Start", namespaces=NS) or "")
        finish = dt.datetime.fromisoformat(task.findtext("p:Finish", namespaces=NS) or "")
        first, last = start.date(), finish.date()
        if start.time() >= dt.time(17):
            first = _step(first, +1)
        if finish.time() <= dt.time(8) and finish > start:
            last = _step(last, -1)
        found[task.findtext("p:UID", namespaces=NS) or ""] = (first, max(first, last))
    return found


def _step(day: dt.date, direction: int) -> dt.date:
    day += dt.timedelta(days=direction)
    while day.weekday() >= 5:
        day += dt.timedelta(days=direction)
    return day


@pytest.mark.parametrize("name", AUTO_SCHEDULED)
def test_read_and_scheduled_every_task_gets_ms_projects_dates(name: str) -> None:
    reading = load_mspdi(DATA / name)
    expected = _ms_project_dates(DATA / name)
    s = psp.schedule(reading.plan)
    got = {t.id.removeprefix("T"): (t.start, t.finish) for t in s}
    assert reading.plan.unit is psp.Unit.WORKDAY
    assert got == expected
    assert len(got) == len(expected) >= 5


def test_all_four_link_types_and_lags_come_across() -> None:
    plan = load_mspdi(DATA / "task-links-project2007-mspdi.xml").plan
    # by hand from the file: lags of 0, 1, 2 days, 1 and 2 weeks (5 and 10 working days)
    assert sorted({link.lag for link in plan.links}) == [0, 1, 2, 5, 10]
    assert {str(link.type) for link in plan.links} == {"FS", "SS", "FF", "SF"}


def test_what_is_approximated_is_said_once_per_kind() -> None:
    notes = {n.code: n.entries for n in load_mspdi(DATA / "mspdiduration.xml").notes}
    # tasks 1 and 2 last a minute and an hour; 6 to 10 are elapsed (em, eh, ed, ew, emo)
    assert notes == {"partial-period": ("Task UID 1", "Task UID 2"),
                     "elapsed-duration": tuple(f"Task UID {n}" for n in range(6, 11))}


def test_a_manually_scheduled_file_says_its_dates_were_not_kept() -> None:
    notes = {n.code: n for n in load_mspdi(DATA / "task-links-project2016-mspdi.xml").notes}
    assert len(notes["manual-task"].entries) == 16


def test_the_outline_becomes_packages_and_resources_owners() -> None:
    reading = load_mspdi(DATA / "sample1.xml")
    plan = reading.plan
    assert [(p.id, p.name) for p in plan.packages] == [
        ("1", "First Task"), ("1.3", "Recurring Task"), ("3", "Task Relationships")]
    assert plan.task("1.1").package == "1" and plan.task("1.3.1").package == "1.3"
    # 3.13 is a summary at outline level 2: its tasks belong to package 3
    assert plan.task("3.13.1").package == "3" and "3.13" not in plan
    assert plan.task("1.1").owners == ("First Resource", "Second Resource")
    assert plan.task("3.13.2").owners == ("Second Resource",)
    assert plan.task("1.2").kind is psp.TaskKind.MILESTONE
    # start no earlier than Saturday 01.02.2003: the first working day after, Monday
    not_before = {c.task: c.date for c in plan.constraints if c.is_start}
    assert not_before["1.3.1"] == dt.date(2003, 2, 3)
    assert {n.code for n in reading.notes} == {"nested-summary", "constraint-before-start"}


def test_lags_and_durations_in_working_hours_of_another_day_length() -> None:
    text = (DATA / "mspdirelations.xml").read_text(encoding="utf-8").replace(
        "<MinutesPerDay>480</MinutesPerDay>", "<MinutesPerDay>240</MinutesPerDay>")
    plan = loads_mspdi(text).plan
    # 8 hours on 4-hour days: two days each
    assert {t.duration for t in plan.tasks} == {2}


# --- writing ---------------------------------------------------------------------------------

# The child order of MS Project's own files (MS Project 2007/2010, the schema's order),
# for the elements psp writes. Transcribed from the files in tests/data/mspdi and the
# schema documentation (mspdi_pj12.xsd), not from psp's writer.
SCHEMA_ORDER = {
    "Project": ["SaveVersion", "Name", "Title", "ScheduleFromStart", "StartDate", "FinishDate",
                "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay",
                "MinutesPerWeek", "DaysPerMonth", "DurationFormat", "HonorConstraints",
                "WeekStartDay", "StatusDate", "ExtendedAttributes", "Calendars", "Tasks",
                "Resources", "Assignments"],
    "Task": ["UID", "ID", "Name", "Type", "WBS", "OutlineNumber", "OutlineLevel", "Start",
             "Finish", "Duration", "DurationFormat", "Milestone", "Summary", "Critical",
             "EarlyStart", "EarlyFinish", "LateStart", "LateFinish", "FreeSlack",
             "TotalSlack", "PercentComplete", "ActualStart", "ActualFinish", "ConstraintType",
             "ConstraintDate", "Deadline", "PredecessorLink", "ExtendedAttribute"],
    "PredecessorLink": ["PredecessorUID", "Type", "CrossProject", "LinkLag", "LagFormat"],
    "Resource": ["UID", "ID", "Name", "Type"],
    "Assignment": ["UID", "TaskUID", "ResourceUID", "Units"],
    "Calendar": ["UID", "Name", "IsBaseCalendar", "BaseCalendarUID", "WeekDays"],
    "WeekDay": ["DayType", "DayWorking", "WorkingTimes"],
}


def _in_order(children: list[str], order: list[str]) -> bool:
    positions = [order.index(c) for c in children]
    return positions == sorted(positions)


@pytest.mark.parametrize("example", ["examples/digitale_werkstatt.toml"])
def test_written_elements_follow_the_schemas_order(example: str) -> None:
    root = StdET.fromstring(dumps_mspdi(psp.load(example)))
    seen = set()
    for node in root.iter():
        name = node.tag.split("}")[1]
        if name in SCHEMA_ORDER:
            children = [c.tag.split("}")[1] for c in node]
            assert set(children) <= set(SCHEMA_ORDER[name]), (name, children)
            assert _in_order(children, SCHEMA_ORDER[name]), (name, children)
            seen.add(name)
    assert seen == set(SCHEMA_ORDER)


def test_written_dates_are_psps_schedule() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    root = StdET.fromstring(dumps_mspdi(plan))
    s = psp.schedule(plan)
    for node in root.findall("p:Tasks/p:Task", NS):
        wbs = node.findtext("p:WBS", namespaces=NS) or ""
        if wbs not in plan or plan.task(wbs).kind is psp.TaskKind.MILESTONE:
            continue
        ts = s[wbs]
        assert node.findtext("p:Start", namespaces=NS) == f"{ts.start}T08:00:00"
        assert node.findtext("p:Finish", namespaces=NS) == f"{ts.finish}T17:00:00"
        assert node.findtext("p:Critical", namespaces=NS) == ("1" if ts.critical else "0")
        # slack in tenths of a minute of 8-hour days: the days between early and late start
        days = (ts.late_start - ts.start).days
        assert node.findtext("p:TotalSlack", namespaces=NS) == str(days * 8 * 60 * 10)


def test_the_contractual_end_and_owners_are_written() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    root = StdET.fromstring(dumps_mspdi(plan))
    summary = root.find("p:Tasks/p:Task", NS)
    assert summary is not None
    assert summary.findtext("p:Deadline", namespaces=NS) == "2021-08-31T17:00:00"
    names = {r.findtext("p:Name", namespaces=NS) for r in root.findall("p:Resources/p:Resource",
                                                                      NS)}
    assert names == {o for t in plan.tasks for o in t.owners}
    pairs = len(root.findall("p:Assignments/p:Assignment", NS))
    assert pairs == sum(len(t.owners) for t in plan.tasks)


def _grouped(plan: psp.Project) -> psp.Project:
    """The plan as MS Project XML gives it back: in outline order, without budget positions."""
    return attrs.evolve(in_outline_order(plan), positions=())


@pytest.mark.parametrize("example", ["examples/digitale_werkstatt.toml",
                                     "examples/digitale_modellregion.toml"])
def test_both_examples_round_trip(example: str) -> None:
    portfolio = psp.load_portfolio(example)
    plan = portfolio.projects[0] if len(portfolio.projects) == 1 else psp.flatten(portfolio)
    again = loads_mspdi(dumps_mspdi(plan)).plan
    assert again == _grouped(plan)
    assert as_json(psp.schedule(again)) == as_json(psp.schedule(_grouped(plan)))


# --- bad files ---------------------------------------------------------------------------------

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol3;</Name></Project>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&secret;</Name></Project>"""


@pytest.mark.parametrize("text", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
def test_entities_are_refused_with_one_clean_error(text: str) -> None:
    with pytest.raises(psp.PlanFileError, match=r"^bomb\.xml: refused unsafe XML"):
        loads_mspdi(text, file="bomb.xml")
