"""Exporters and displays of a schedule."""

from __future__ import annotations

import json

import psp
import psp.export

S = psp.load("examples/digitale_werkstatt.toml").schedule()


def test_as_json_round_trips_as_dict() -> None:
    assert json.loads(psp.export.as_json(S)) == psp.export.as_dict(S)
    assert "Mär" not in psp.export.as_json(S)  # dates are ISO, not labels


def test_milestone_and_loe_in_json() -> None:
    tasks = {t["id"]: t for t in psp.export.as_dict(S)["tasks"]}
    assert tasks["M1"]["start"] == tasks["M1"]["finish"] == "2021-02-28"
    assert (tasks["4.1"]["start"], tasks["4.1"]["finish"]) == ("2020-09-01", "2021-08-31")


def test_str_and_html_show_every_task_and_package() -> None:
    text = str(S)
    html = S._repr_html_()
    for t in S.project.tasks:
        assert f"\n{t.id} " in text
        assert f"<td>{t.id}</td>" in html
    assert 'class="critical"' in html and 'class="package"' in html
    assert "<td>Überwachung, Betreuung und Dokumentation des Projektes</td>" in html


def test_text_for_a_day_plan_uses_dates() -> None:
    plan = psp.Project("x", psp.parse_date("2020-09-15"), unit="day",
                       tasks=[psp.Task("a", "Aufgabe", duration=3)])
    text = plan.schedule().to_text()
    assert "15.09.2020" in text and "17.09.2020" in text
