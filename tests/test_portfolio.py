"""Portfolios: projects on one time axis, links across projects, per-project slack."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import psp
from tests.cli import psp_cli

D = dt.date
MODELLREGION = "examples/digitale_modellregion.toml"
TWO = '''
[portfolio]
name = "Zwei Projekte"

[[project]]
id = "a"
name = "Vorhaben A"
start = "2021-01"
end = "30.06.2021"

[[project.task]]
id = "1"
name = "Analyse"
duration = 3

[[project.task]]
id = "2"
name = "Bericht"
duration = 2
depends = ["1"]

[[project]]
id = "b"
name = "Vorhaben B"
start = "2021-02"
end = "31.08.2021"

[[project.task]]
id = "1"
name = "Umsetzung"
duration = 4

[[link]]
from = "a:1"
to = "b:1"
'''


def test_projects_share_one_time_axis_and_links_cross_projects() -> None:
    ps = psp.schedule_portfolio(psp.loads_portfolio(TWO))
    assert ps.schedule.start == D(2021, 1, 1)
    assert (ps["a:1"].start, ps["a:1"].finish) == (D(2021, 1, 1), D(2021, 3, 31))
    # b:1 may start in February (its project) but waits for a:1 (the cross link).
    assert (ps["b:1"].start, ps["b:1"].finish) == (D(2021, 4, 1), D(2021, 7, 31))
    a, b = ps.project("a"), ps.project("b")
    assert (a.finish, a.slack) == (D(2021, 5, 31), 1)  # end 30.06.2021
    assert (b.finish, b.slack) == (D(2021, 7, 31), 1)  # end 31.08.2021
    # a:1 drives b:1: its float is bounded by B's end (b:1 late start May → a:1 LF Apr).
    assert ps["a:1"].total_float == 1


def test_a_task_never_starts_before_its_project() -> None:
    plain = TWO.replace('[[link]]\nfrom = "a:1"\nto = "b:1"\n', "")
    ps = psp.schedule_portfolio(psp.loads_portfolio(plain))
    assert ps["b:1"].start == D(2021, 2, 1)


def test_cross_project_cycles_and_unknown_ends_are_named() -> None:
    cyclic = TWO.replace('[[project.task]]\nid = "1"\nname = "Umsetzung"\nduration = 4\n',
                         '[[project.task]]\nid = "1"\nname = "Umsetzung"\nduration = 4\n'
                         '[[project.task]]\nid = "2"\nduration = 1\ndepends = ["1"]\n')
    cyclic += '[[link]]\nfrom = "b:2"\nto = "a:1"\n'
    with pytest.raises(psp.ValidationError, match="a:1 → b:1 → b:2 → a:1"):
        psp.schedule_portfolio(psp.loads_portfolio(cyclic))
    with pytest.raises(psp.ValidationError, match="'c:1' is no project:task"):
        psp.schedule_portfolio(psp.loads_portfolio(TWO.replace('to = "b:1"', 'to = "c:1"')))


def test_portfolio_file_errors_name_the_project() -> None:
    broken = TWO.replace('name = "Analyse"\nduration = 3', 'name = "Analyse"\nduration = -3')
    with pytest.raises(psp.ValidationError) as info:
        psp.loads_portfolio(broken, file="zwei.toml")
    assert str(info.value.problems[0]).startswith("zwei.toml: project a: task 1: duration:")
    twice = TWO.replace('id = "b"', 'id = "a"')
    with pytest.raises(psp.ValidationError, match="two projects use this id"):
        psp.loads_portfolio(twice)


def test_mixed_units_are_refused() -> None:
    weeks = TWO.replace('start = "2021-02"', 'start = "2021-02-01"\nunit = "week"').replace(
        'end = "31.08.2021"', 'end = "2021-08-29"')
    with pytest.raises(psp.ValidationError, match="one unit"):
        psp.flatten(psp.loads_portfolio(weeks))


def test_the_modellregion_portfolio_runs_each_project_to_its_end() -> None:
    ps = psp.schedule_portfolio(psp.load_portfolio(MODELLREGION))
    ends = {s.id: (s.finish, s.slack) for s in ps.summaries}
    assert ends == {"kita": (D(2021, 6, 30), 0), "ehrenamt": (D(2021, 12, 31), 0),
                    "arbeitswissenschaft": (D(2022, 8, 31), 0), "hybrid": (D(2022, 8, 31), 0),
                    "preresc": (D(2021, 12, 31), 0), "egov": (D(2022, 8, 31), 0)}
    laufzeit = ps["kita:laufzeit"]  # the project's run, 18 months, is its critical path
    assert (laufzeit.start, laufzeit.finish, laufzeit.critical) == (
        D(2020, 1, 1), D(2021, 6, 30), True)
    assert ps.project("kita").critical_path == ("kita:laufzeit",)


def test_the_gantt_groups_rows_by_project() -> None:
    g = psp.gantt(psp.schedule_portfolio(psp.loads_portfolio(TWO)))
    assert g.rows == ["a", "a:1", "a:2", "b", "b:1"]
    assert "Vorhaben A" in g.ax.get_yticklabels()[0].get_text()


def test_costs_follow_the_joint_schedule() -> None:
    text = TWO.replace('name = "Umsetzung"\nduration = 4\n',
                       'name = "Umsetzung"\nduration = 4\n\n[[project.position]]\n'
                       'id = "dev"\nyearly_cost = 60000\ntask = "1"\n')
    # b:1 runs Apr–Jul 2021 because of the link: 4 months of 60.000 €/year = 20.000 €.
    report = psp.costs(psp.loads_portfolio(text))
    (row,) = report.rows
    assert (str(row.first), str(row.last)) == ("2021-04", "2021-07")
    assert report.total().cost == psp.parse_money(20000)


def test_cli_commands_take_a_portfolio_file() -> None:
    assert psp_cli("check", MODELLREGION).returncode == 0
    out = psp_cli("schedule", MODELLREGION, "--lang", "en").stdout
    assert "kita:laufzeit" in out and "Digitale Modellregion" in out


def test_portfolios_round_trip_with_links_and_project_rules() -> None:
    text = TWO + '''
[pay_grades]
"EG 11" = 78400
'''
    text = text.replace('[[project]]\nid = "b"', '[[project]]\nid = "b"', 1)
    portfolio = psp.loads_portfolio(text)
    ruled = psp.Portfolio(portfolio.name, [
        portfolio.projects[0],
        attrs.evolve(portfolio.projects[1], rules=psp.CostRules({"EG 13": 79300}, round_to=100),
                     positions=[psp.Position("x", pay_grade="EG 13", fte="0,5")]),
    ], rules=portfolio.rules, links=portfolio.links)
    again = psp.loads_portfolio(psp.dumps_portfolio(ruled))
    assert again == ruled
    assert psp.costs(again).total().cost == psp.costs(ruled).total().cost
    modellregion = psp.load_portfolio(MODELLREGION)
    assert psp.loads_portfolio(psp.dumps_portfolio(modellregion)) == modellregion


def test_the_amendment_table_states_the_cost_verdict_when_the_plan_has_money() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    result = psp.replan(plan, [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")])
    text = psp.export.amendment_table(result)
    assert "### Kosten je Haushaltsjahr: kostenneutral" in text
    assert "| 2021 | 133.866,67 € | 150.600 € | 16.733,33 € |" in text


def test_table_and_gantt_commands_on_a_portfolio_group_by_project(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "portfolio.md"
    assert psp_cli("table", MODELLREGION, "-o", str(target)).returncode == 0
    text = target.read_text(encoding="utf-8")
    assert "| **kita** | **KITA Messenger** |" in text and "| kita:laufzeit |" in text
    chart = tmp_path / "portfolio.png"
    assert psp_cli("gantt", MODELLREGION, "-o", str(chart)).returncode == 0
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_free_float_never_exceeds_total_float_in_the_example() -> None:
    """Issue 8: kita:laufzeit had total float 0 and free float 14."""
    s = psp.schedule_portfolio(psp.load_portfolio("examples/digitale_modellregion.toml"))
    kita = s["kita:laufzeit"]
    assert (kita.total_float, kita.free_float) == (0, 0)  # it is the project's whole run
    for t in s:
        if not t.task.is_level_of_effort and t.total_float >= 0:
            assert 0 <= t.free_float <= t.total_float, t.id


def test_a_portfolio_built_in_code_costs_like_a_loaded_one() -> None:
    """Issue 8: psp.costs on Portfolio("P", [plan], links=[…]) failed: no project 'project'."""
    def plan(name: str, start: str) -> psp.Project:
        return psp.Project(name, psp.parse_date(start), end=psp.parse_date("2021-12-31"),
                           tasks=[psp.Task("a", duration=3)],
                           positions=[psp.Position("p", fte=1, yearly_cost=12000, task="a")])

    pf = psp.Portfolio("P", [plan("A", "2021-01-01"), plan("B", "2021-01-01")],
                       links=[psp.Link("project1:a", "project2:a")])
    assert pf.keys == ("project1", "project2")
    report = psp.costs(pf)
    # B's task waits for A's: Apr–Jun; each runs 3 months at 1.000 € a month (by hand).
    assert {k: v[2021].cost for k, v in report.projects().items()} == {
        "project1": 3000, "project2": 3000}
    assert psp.schedule_portfolio(pf)["project2:a"].start == dt.date(2021, 4, 1)


def test_a_project_without_tasks_finishes_at_its_start_beside_level_of_effort() -> None:
    pf = psp.loads_portfolio('''
[[project]]
id = "a"
name = "A"
start = "2021-01"

[[project]]
id = "b"
name = "B"
start = "2021-01"

[[project.task]]
id = "1"
duration = 2

[[project.task]]
id = "m"
level_of_effort = true
''')
    ps = psp.schedule_portfolio(pf)
    empty, busy = ps.summaries
    assert (empty.finish, empty.slack, empty.critical_path) == (D(2021, 1, 1), None, ())
    assert (busy.finish, busy.critical_path) == (D(2021, 2, 28), ("b:1",))
    # level of effort spans its own project: January and February
    assert (ps["b:m"].start, ps["b:m"].finish) == (D(2021, 1, 1), D(2021, 2, 28))
    deadlines = {c.task: c.date for c in psp.flatten(pf).constraints if not c.is_start}
    assert deadlines == {"b:1": D(2021, 2, 28), "b:m": D(2021, 2, 28)}
