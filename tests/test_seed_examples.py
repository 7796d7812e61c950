"""The three further seed documents as examples: the facts they state, in psp's outputs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import psp
import psp.cli
from psp.export import as_json

D = dt.date
EXAMPLES = Path(__file__).parent.parent / "examples"


def _events(path: Path) -> dict[str, dt.date]:
    return {e.id: e.date for e in psp.load(path).events}


def test_care_mobility_innovation_states_the_seeds_term_and_event_days() -> None:
    plan = psp.load(EXAMPLES / "care_mobility_innovation.toml")
    assert (plan.start, plan.end) == (D(2020, 1, 1), D(2022, 12, 31))
    assert _events(EXAMPLES / "care_mobility_innovation.toml") == {
        "hub-care": D(2020, 6, 18), "info-sr": D(2020, 7, 29), "kickoff": D(2020, 9, 22),
        "hub-mobility": D(2020, 12, 17), "gesundheitsberufe": D(2021, 4, 22),
        "ausschreibung": D(2021, 5, 31)}
    kickoff = next(e for e in plan.events if e.id == "kickoff")
    assert kickoff.participants == 130


def test_care_mobility_innovation_report_as_of_30_04_2021(capsys) -> None:
    assert psp.cli.main(["report", str(EXAMPLES / "care_mobility_innovation.toml"),
                         "--delay", "1.3=2021-06", "--status", "30.04.2021",
                         "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # work package 1 is being worked on (the seed), and it is late against the approval
    assert {p["id"]: p["state"] for p in data["packages"]} == {"AP1": "running",
                                                               "AP2": "not_started"}
    assert [e["date"] for e in data["events_held"]][-1] == "2021-04-22"
    assert [e["id"] for e in data["events_next"]] == ["ausschreibung"]


def test_industrie_dialog_has_four_fields_of_action_and_the_november_events() -> None:
    path = EXAMPLES / "industrie_dialog.toml"
    plan = psp.load(path)
    fields = [p.name for p in plan.packages if p.id.startswith("HF")]
    assert fields == ["Rahmenbedingungen", "Fachkräfte", "Innovationen und Technologietransfer",
                      "Standortkommunikation"]
    s = psp.schedule(plan)
    for package in ("HF1", "HF2", "HF3", "HF4"):  # workshops July to (early) November
        rolled = s.package(package)
        assert (rolled.start, rolled.finish) == (D(2013, 7, 1), D(2013, 11, 30))
    assert s["auftakt"].start == D(2013, 4, 1)  # the kick-off in April
    data = json.loads(as_json(s))
    assert {e["id"]: e["date"] for e in data["events"]} == {
        "auftrag": "2013-01-09", "magazin": "2013-11-23", "dialog2": "2013-11-27"}
    assert s["positionspapier"].start > D(2013, 11, 27)  # the next step, after the dialogue
    assert psp.event_warnings(s) == ()


def test_the_milestone_overview_has_a_lane_per_field_and_every_date() -> None:
    from matplotlib.dates import num2date

    chart = psp.milestone_overview(psp.load(EXAMPLES / "industrie_dialog.toml"))
    assert chart.lanes == ["HF1", "HF2", "HF3", "HF4", "D", ""]
    days = {i: num2date(chart.marks.get_offsets()[chart.points[i][0]][0]).date()
            for i in chart.ids}
    assert days["magazin"] == D(2013, 11, 23) and days["dialog2"] == D(2013, 11, 27)
    assert len(chart.spans.get_paths()) == 5  # one span per package


def test_the_strategy_versions_state_the_meetings_and_three_fields() -> None:
    plan = psp.load(EXAMPLES / "digitale_strategie.toml")
    assert _events(EXAMPLES / "digitale_strategie.toml") == {
        "ag1": D(2017, 12, 5), "ag2": D(2018, 3, 13)}
    assert [p.name for p in plan.packages if p.id.startswith("HF")] == [
        "Interne digitale Transformation", "Innovationsvermittler", "Leuchtturmprojekte"]
    assert psp.schedule(plan)["V2025"].start == D(2025, 12, 31)


def test_the_werkstatt_follow_up_as_of_may_2021(capsys) -> None:
    path = EXAMPLES / "digitale_werkstatt_2021-05.toml"
    assert _events(path) == {"bewerbung": D(2021, 5, 31), "evaluation": D(2021, 11, 25)}
    plan = psp.load(path)
    s = psp.schedule(plan)
    assert plan.end == D(2021, 12, 31) and s["3.1"].start == D(2021, 6, 1)
    assert psp.cli.main(["report", str(path), "--baseline",
                         str(EXAMPLES / "digitale_werkstatt.toml"), "--lang", "en",
                         "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    assert "| evaluation | 2021-11-25 |" in text
    assert "| 3.1 |" in text and "start no earlier than 06/2021" in text
