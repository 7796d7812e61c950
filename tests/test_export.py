"""Exporters and displays of a schedule."""

from __future__ import annotations

import json

import attrs

import psp
import psp.export

S = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))


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
    text = psp.schedule(plan).to_text()
    assert "15.09.2020" in text and "17.09.2020" in text


def test_amendment_table_markdown_and_html_in_both_languages() -> None:
    r = psp.replan(S.project, [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")])
    md = psp.export.amendment_table(r)
    lines = md.split("### ")[0].splitlines()  # the task table, before the cost section
    assert lines[0] == ("## Aktualisierter Projektstrukturplan: Digitale Werkstatt für den "
                        "Mittelstand – MACH 4.0")
    # The plan's contract is a lump sum of 200.800 €: the extension keeps it (by hand).
    assert "Kostenneutrale Verlängerung: die Gesamtkosten bleiben 200.800 €.  " in lines
    assert "Die Dauern aller Aufgaben sind unverändert.  " in lines
    assert ("| **AP3** | **Umsetzung der Schulungsmaßnahmen** |  | **Mär'21–Jun'21** | "
            "**Jun'21–Sep'21** | **+3** |  |") in lines
    rows = [line for line in lines
            if line.startswith("| ") and "**" not in line and "---" not in line]
    assert len(rows) == 1 + 25  # the header and every task
    en = psp.export.amendment_table(r, lang="en")
    assert "| 4.4 | Projektdokumentation und Präsentation gegenüber dem Auftraggeber | AGIT | " \
           "Jul'21–Aug'21 | Oct'21–Nov'21 | +3 | after 3.1 finishes (FS) |" in en
    html = psp.export.amendment_table(r, format="html")
    assert '<tr class="moved"><td>3.1</td>' in html and "<h2>" in html


def test_a_changed_duration_is_not_called_unchanged_and_costs_decide_neutrality() -> None:
    r = psp.replan(S.project, [psp.SetDuration("3.1", 5), psp.Extend(to="31.12.2021")])
    md = psp.export.amendment_table(r)
    assert "Dauern aller Aufgaben sind unverändert" not in md
    # The contract is a lump sum: a longer task costs nothing more, and the table says so.
    assert "Kostenneutrale Verlängerung: die Gesamtkosten bleiben 200.800 €." in md
    assert "| 3.1 |" in md and "Dauer 4 → 5" in md


def test_amendment_table_rejects_unknown_formats() -> None:
    r = psp.replan(S.project, [])
    try:
        psp.export.amendment_table(r, format="pdf")
    except ValueError as err:
        assert "markdown" in str(err)
    else:
        raise AssertionError("no error for format='pdf'")


def test_the_amendment_table_never_calls_an_extension_cost_neutral_that_costs_more() -> None:
    """Issue 8: "Kostenneutrale Verlängerung" above, "Mehrkosten +36.000 €" below."""
    plan = psp.loads("""
[project]
name = "Stelle"
start = "2021-01"
end = "30.06.2021"
[pay_grades]
"EG 13" = 72000
[[task]]
id = "a"
duration = 6
[[position]]
id = "p"
fte = 1
pay_grade = "EG 13"
""")
    r = psp.replan(plan, [psp.Extend(to="31.12.2021")])  # the post runs 6 months longer
    md = psp.export.amendment_table(r)
    # 6 more months of one FTE at 72.000 € a year: 36.000 € (by hand).
    assert "Kosten: nicht kostenneutral: Mehrkosten +36.000 €  " in md.splitlines()
    assert "Kostenneutral" not in md and "kostenneutral" not in md.replace(
        "nicht kostenneutral", "")
    assert "Die Dauern aller Aufgaben sind unverändert." in md  # what is known, plainly
    without = psp.replan(psp.loads(psp.dumps(attrs.evolve(plan, positions=()))),
                         [psp.Extend(to="31.12.2021")])
    assert "ostenneutral" not in psp.export.amendment_table(without)


def test_json_csv_and_records_carry_the_same_columns_and_values() -> None:
    """One fact reads the same everywhere: every CSV cell equals the JSON's and the record's."""
    import csv as csv_module
    import io as io_module

    export = psp.export
    plan = psp.load("examples/digitale_werkstatt.toml")
    s = psp.schedule(plan)
    rows = list(csv_module.DictReader(io_module.StringIO(export.as_csv(s))))
    tasks = json.loads(export.as_json(s))["tasks"]
    records = s.to_records()
    assert list(rows[0]) == list(tasks[0]) == list(records[0])
    for row, task, record in zip(rows, tasks, records, strict=True):
        for key, cell in row.items():
            as_json = task[key]
            as_record = record[key]
            if key == "critical":
                assert cell == str(int(as_json)) == str(int(as_record))
            elif key == "package":
                assert cell == (as_json or "") == (as_record or "")
            else:
                assert cell == str(as_json) == str(as_record), (key, cell, as_json, as_record)
    by_id = {t.id: t for t in plan.tasks}
    for task in tasks:  # the plan's own words, not a copy of the engine's
        source = by_id[task["id"]]
        assert (task["name"], task["package"], task["kind"]) == (
            source.name, source.package, source.kind.value)
        assert task["owners"].split("+") == list(source.owners) or not source.owners


def test_to_dataframe_has_one_row_per_task_with_dates_as_timestamps() -> None:
    s = psp.schedule(psp.load("examples/digitale_werkstatt.toml"))
    frame = s.to_dataframe()
    assert list(frame.index) == [t.id for t in s]
    assert [d.date() for d in frame["late_finish"]] == [t.late_finish for t in s]
    assert frame["total_float"].tolist() == [t.total_float for t in s]


def test_a_replans_json_carries_each_cause_as_values_matching_its_reason() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    r = psp.replan(plan, [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")])
    changes = {c["id"]: c for c in json.loads(psp.export.as_json(r, lang="en"))["changes"]}
    assert changes["4.4"]["cause"] == {"kind": "link", "date": None, "durations": None,
                                       "link": {"from": "3.1", "to": "4.4", "type": "FS",
                                                "lag": 0}}
    assert changes["3.1"]["cause"]["date"] == "2021-06-01"
    for change in changes.values():  # the prose names what the values say
        cause = change["cause"]
        if cause["link"]:
            assert f"{cause['link']['from']} " in change["reason"]
            assert f"({cause['link']['type']}" in change["reason"]
