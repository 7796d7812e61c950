"""Staffing and cost per budget year: the seed's tables, cell by cell, and the rules.

Every expected figure below is copied from the staffing paper
(shared/seeds/003_779729a45133f672.txt, "Ertrag/Personalaufwand/Saldo
Projektstellen" and "befristete Stelle Prozesse"), not from psp's output.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import psp

PORTFOLIO = psp.load_portfolio("examples/digitale_modellregion.toml")
REPORT = psp.costs(PORTFOLIO)
D = Decimal

# (position id): (funding per year, cost per year) — the seed's rows.
SEED = {
    "kita-eg11": ({2020: 28200, 2021: 14100}, {2020: 39200, 2021: 19600}),
    "ehrenamt-eg11": ({2020: 28200, 2021: 28200}, {2020: 39200, 2021: 39200}),
    "arbeitswissenschaft-eg11": ({2020: 28200, 2021: 28200, 2022: 18800},
                                 {2020: 39200, 2021: 39200, 2022: 26100}),
    "hybrid-1": ({2020: 56500, 2021: 56500, 2022: 37700},
                 {2020: 78400, 2021: 78400, 2022: 52300}),
    "hybrid-2": ({2020: 28200, 2021: 28200, 2022: 18800},
                 {2020: 39200, 2021: 39200, 2022: 26100}),
    "preresc-eg13": ({2020: 113000, 2021: 113000}, {2020: 158600, 2021: 158600}),
    "prozesse": ({}, {2020: 78400, 2021: 78400, 2022: 52300}),
}


@pytest.mark.parametrize("position", sorted(SEED))
def test_every_cell_of_the_seed(position: str) -> None:
    row = next(r for r in REPORT.rows if r.position.id == position)
    funding, cost = SEED[position]
    assert {y: int(c.cost) for y, c in row.years} == cost
    assert {y: int(c.funding) for y, c in row.years if c.funding} == funding


def test_the_seed_totals() -> None:
    project_posts = [r for r in REPORT.rows if r.project != "egov"]
    years = {y: sum(dict(r.years).get(y, psp.CostCell()).cost for r in project_posts)
             for y in (2020, 2021, 2022)}
    assert years == {2020: D(393800), 2021: D(374200), 2022: D(104500)}  # "gesamt"
    assert sum(years.values()) == D(872500)
    funding = {y: sum(dict(r.years).get(y, psp.CostCell()).funding for r in project_posts)
               for y in (2020, 2021, 2022)}
    assert sum(funding.values()) == D(625800)  # "Ertrag 625.800 €"
    saldo = {y: funding[y] - years[y] for y in years}
    assert saldo == {2020: D(-111500), 2021: D(-106000), 2022: D(-29200)}
    assert sum(saldo.values()) == D(-246700)
    prozesse = REPORT.projects()["egov"]
    assert sum(c.cost for c in prozesse.values()) == D(209100)


def test_the_seed_follows_one_rounding_rule_from_the_unrounded_base() -> None:
    """The paper rounds 80 % of 70.620 € to 56.500 € in its text, but its cells follow
    from the unrounded 56.496 €: a half post funded a full year is 28.248 € → 28.200 €.
    From the rounded 56.500 € it would be 28.250 € → 28.300 € with commercial rounding
    (half up); only rounding half to even would give the paper's 28.200 € then."""
    rnd = psp.CostRules(round_to=100).rounder
    assert rnd(D("0.5") * D(70620) * D("0.8")) == D(28200)
    assert rnd(D("0.5") * D(56500)) == D(28300)
    assert psp.CostRules(round_to=100, rounding="half_even").rounder(D(28250)) == D(28200)


def test_months_fte_months_and_the_json_form() -> None:
    data = REPORT.to_dict()
    assert set(data) == {"projects", "years", "total"}
    kita = data["projects"]["kita"]
    assert kita == {
        "2020": {"months": 12, "fte_months": 6, "cost": 39200, "funding": 28200,
                 "own_share": 11000},
        "2021": {"months": 6, "fte_months": 3, "cost": 19600, "funding": 14100,
                 "own_share": 5500},
    }
    assert data["years"]["2022"]["cost"] == 26100 + 52300 + 26100 + 52300
    assert data["total"]["own_share"] == 246700 + 209100


def test_fte_load_per_owner_and_month() -> None:
    load = REPORT.load()
    assert load["FB 02/100"][psp.Month(2022, 8)] == D("1.5")
    assert psp.Month(2022, 9) not in load["FB 02/100"]
    assert load["FB 37/320"][psp.Month(2021, 12)] == D(2)
    assert psp.Month(2022, 1) not in load["FB 37/320"]


def test_text_tables_read_like_the_paper() -> None:
    text = REPORT.to_text()
    assert "Personalaufwand" in text and "Saldo" in text
    line = next(x for x in text.splitlines() if x.startswith("preresc"))
    assert "113.000 €" in line and line.rstrip().endswith("226.000 €")


def test_the_werkstatt_extension_is_cost_neutral() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    before = psp.costs(plan)
    # Sep–Dec 2020 is 4 of 12 months, Jan–Aug 2021 the other 8; cents rounded.
    assert {y: c.cost for y, c in before.years().items()} == {
        2020: D("66933.33"), 2021: D("133866.67")}
    assert before.total().cost == D("200800.00")
    assert before.total().own_share == D("89255.60")  # the city's 44,45 %
    extended = psp.apply(plan, psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021"))
    comparison = psp.compare_costs(plan, extended)
    # 4 of 16 months in 2020, 12 of 16 in 2021.
    assert {y: c.cost for y, c in comparison.after.years().items()} == {
        2020: D("50200.00"), 2021: D("150600.00")}
    assert comparison.neutral and comparison.verdict() == "kostenneutral"
    assert comparison.after.total().own_share == D("89255.60")


def test_a_longer_task_with_a_post_on_it_is_not_cost_neutral() -> None:
    plan = psp.Project("x", psp.Month(2020, 11), tasks=[psp.Task("a", duration=4)],
                       positions=[psp.Position("p", fte=1, yearly_cost=60000, task="a")])
    longer = psp.apply(plan, psp.SetDuration("a", 6))
    c = psp.compare_costs(plan, longer)
    assert {y: x.cost for y, x in c.before.years().items()} == {2020: D(10000), 2021: D(10000)}
    assert {y: x.cost for y, x in c.after.years().items()} == {2020: D(10000), 2021: D(20000)}
    assert not c.neutral and c.verdict() == "nicht kostenneutral: Mehrkosten +10.000 €"


def test_lump_sums_add_up_exactly_whatever_the_split() -> None:
    plan = psp.Project("x", psp.Month(2020, 10), end=dt.date(2021, 4, 30),
                       positions=[psp.Position("c", total="100.000 €")])
    years = psp.costs(plan).years()
    assert sum(c.cost for c in years.values()) == D("100000.00")
    assert years[2020].cost == D("42857.14")  # 3 of 7 months


@pytest.mark.parametrize(
    ("position", "message"),
    [
        (lambda: psp.Position("p", fte=0, pay_grade="EG 11"), "Position.fte: expected a share"),
        (lambda: psp.Position("p", fte=-1, pay_grade="EG 11"), "Position.fte"),
        (lambda: psp.Position("p", pay_grade="EG 11", funding_rate="120 %"),
         "Position.funding_rate: expected a share from 0 to 1"),
        (lambda: psp.Position("p", pay_grade="EG 11", funding_rate=80),
         "Position.funding_rate"),
        (lambda: psp.Position("p", yearly_cost="78.40"), "Position.yearly_cost: expected an "
                                                         "amount in euros"),
        (lambda: psp.Position("p"), "exactly one of pay_grade, yearly_cost and total"),
        (lambda: psp.Position("p", total=1, pay_grade="EG 11"), "exactly one of"),
    ],
)
def test_bad_positions_are_refused_clearly(position, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(psp.FieldError, match=message):
        position()


def test_an_unknown_pay_grade_is_a_clear_error() -> None:
    plan = psp.Project("x", psp.Month(2020, 1), end=dt.date(2020, 12, 31),
                       positions=[psp.Position("p", pay_grade="EG 99")])
    with pytest.raises(psp.UnknownIdError, match="EG 99"):
        psp.costs(plan)


def test_costs_need_a_plan_in_months() -> None:
    plan = psp.Project("x", dt.date(2020, 1, 6), unit="week",
                       tasks=[psp.Task("a", duration=2)],
                       positions=[psp.Position("p", yearly_cost=1000)])
    with pytest.raises(psp.ChangeError, match="plan measured in months"):
        psp.costs(plan)


def test_the_load_table_sums_fte_per_month() -> None:
    t = REPORT.load_table(lang="en")
    assert t.header[0] == "owner" and t.header[1] == "Jan'20" and t.header[-1] == "Aug'22"
    total = t.rows[-1]
    assert total[0] == "total"
    assert total[1] == "6.0" and total[t.header.index("Jul'21")] == "5.5"
    assert total[t.header.index("Jan'22")] == "3.0"
    hybrid = next(r for r in t.rows if r[0] == "FB 02/100")
    assert set(hybrid[1:]) == {"1.5"}


def test_a_lump_sum_is_no_post_and_a_lone_plan_keeps_its_name() -> None:
    """Issue 8: a contract showed "Stellenanteil 1,0", and the project was called "project"."""
    plan = psp.load("examples/digitale_werkstatt.toml")  # a lump-sum contract of 200.800 €
    report = psp.costs(plan)
    table = report.table("cost")
    row = table.rows[0]
    assert row[0] == plan.name and row[2] == ""
    assert report.to_dict()["total"]["fte_months"] == 0
    assert "fte" not in psp.dumps(plan).split("[[position]]")[1]  # none was written


def test_counted_words_in_the_verdicts() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    one = psp.schedule(psp.apply(plan, psp.Extend(to="30.09.2021")))
    assert "Puffer +1 Monat ·" not in one.to_text() and one.to_text().splitlines()[1].endswith(
        "Puffer +1 Monat")
    r = psp.replan(plan, [psp.Extend(to="31.12.2021")])
    assert r.verdict().endswith("mit 4 Monaten Puffer eingehalten (berechnetes Ende 31.08.2021)")
    r1 = psp.replan(plan, [psp.Extend(to="30.09.2021")])
    assert "mit 1 Monat Puffer" in r1.verdict() and "with 1 month of slack" in r1.verdict(lang="en")
