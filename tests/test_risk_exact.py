"""The simulation against exact results: every outcome of small plans enumerated.

`tests.risk_oracle` weights every combination of durations and risk events by its
probability and schedules it with the deterministic engine. The simulated
probabilities must agree within 4.5 standard errors of a share estimated from ``N``
samples, ``4.5·sqrt(p(1-p)/N)`` (at most 0.011 for N = 40,000): with a fixed seed the
test is deterministic, and a correct simulation lands outside that band with a chance
below 1 in 100,000 per comparison.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

import psp
from psp import Actual, Constraint, Estimate, Link, Month, Package, Project, Risk, Task
from psp.risk import duration_probabilities, simulate
from tests.risk_oracle import Exact, exact, pert_mass, triangular_mass

SAMPLES = 40_000


def tolerance(p: float, n: int = SAMPLES) -> float:
    p = min(max(p, 0.0), 1.0)  # sums of float masses may stray by 1e-12
    return 4.5 * math.sqrt(p * (1 - p) / n) + 1e-9


def all_links() -> Project:
    """Every link type, lags and a lead, a milestone, an end and a deadline; three risks."""
    return Project(
        "Alle Verknüpfungen", Month(2021, 1), end="2021-09",
        packages=[Package("P1"), Package("P2")],
        tasks=[Task("a", duration=2, package="P1"), Task("b", duration=3, package="P1"),
               Task("c", duration=2, package="P2"), Task("m", "Meilenstein", duration=0),
               Task("d", duration=1, package="P2"), Task("e", duration=2)],
        links=[Link("a", "b", "SS", lag=1), Link("b", "c", "FF"), Link("a", "c"),
               Link("c", "m"), Link("a", "d", "SF", lag=2), Link("m", "e", lag=-1),
               Link("d", "e")],
        constraints=[Constraint("e", "finish_no_later_than", "2021-08")],
        estimates=[Estimate("a", optimistic=1, pessimistic=4),
                   Estimate("b", optimistic=2, pessimistic=5, distribution="pert"),
                   Estimate("c", optimistic=2, pessimistic=3),
                   Estimate("d", optimistic=1, pessimistic=3)],
        risks=[Risk("r1", probability=0.3, delay={"a": 1}),
               Risk("r2", probability=0.5, delay={"P1": 2, "c": 1}),
               Risk("r3", probability=0.2, not_before={"e": "2021-08"})])


def in_progress() -> Project:
    """A status date: one task finished, one running with an FF predecessor, the rest open."""
    return Project(
        "Stand", Month(2021, 1), end="2021-08", status=dt.date(2021, 3, 1),
        tasks=[Task("a", duration=2), Task("b", duration=2), Task("c", duration=3),
               Task("d", duration=2), Task("f", duration=1)],
        links=[Link("a", "c"), Link("b", "c", "FF", lag=1), Link("c", "d"), Link("b", "f")],
        actuals=[Actual("a", "2021-01", "2021-02"), Actual("b", "2021-02", None)],
        not_started=["c", "d", "f"],
        estimates=[Estimate("a", optimistic=1, pessimistic=4),  # finished: no longer varies
                   Estimate("b", optimistic=1, pessimistic=5),
                   Estimate("c", optimistic=2, pessimistic=5, distribution="pert"),
                   Estimate("d", optimistic=1, pessimistic=3)],
        risks=[Risk("late", probability=0.25, delay={"d": 2, "b": 3})])


def milestones_in_days() -> Project:
    """A day plan whose delayed milestone sits at a period's end; two events on one task."""
    return Project(
        "Tage", dt.date(2021, 3, 1), unit="day",
        tasks=[Task("x", duration=3), Task("M", duration=0), Task("y", duration=2),
               Task("z", duration=4)],
        links=[Link("x", "M"), Link("M", "y"), Link("x", "z", "SS", lag=1)],
        estimates=[Estimate("x", optimistic=2, pessimistic=6),
                   Estimate("z", optimistic=3, pessimistic=6, distribution="pert")],
        risks=[Risk("one", probability=0.5, delay={"M": 1}),
               Risk("two", probability=0.4, delay={"M": 2, "z": 1}),
               Risk("hold", probability=0.3, not_before={"y": "2021-03-10"})])


PLANS = {"all links": all_links, "in progress": in_progress, "days": milestones_in_days}


@pytest.fixture(scope="module", params=sorted(PLANS))
def case(request: pytest.FixtureRequest) -> tuple[Project, Exact, psp.risk.RiskReport]:
    plan = PLANS[request.param]()
    return plan, exact(plan), simulate(plan, samples=SAMPLES, seed=20211231)


def test_the_probability_of_finishing_by_each_date_agrees(case) -> None:
    _plan, truth, report = case
    days = truth.support()
    assert len(days) > 2  # the plan's finish really varies
    for day in days:
        p = truth.probability(day)
        assert abs(report.probability(day) - p) <= tolerance(p), day
    # no sample finishes where no outcome does
    assert {d for d, _ in report.cumulative()} <= set(days)


def test_the_probability_of_meeting_the_end_agrees(case) -> None:
    plan, truth, report = case
    if plan.end is None:
        assert report.p_end is None
        return
    p = truth.probability(plan.end)
    assert 0 < p < 1
    assert abs(report.p_end - p) <= tolerance(p)


def test_each_percentile_is_a_date_where_the_exact_distribution_crosses_it(case) -> None:
    _plan, truth, report = case
    days = truth.support()
    for name, day in report.percentiles.items():
        q = int(name[1:]) / 100
        assert day in days
        before = [d for d in days if d < day]
        assert truth.probability(day) >= q - tolerance(q)
        if before:
            assert truth.probability(before[-1]) <= q + tolerance(q)


def test_criticality_indices_agree(case) -> None:
    _plan, truth, report = case
    assert any(0 < t.criticality < 1 for t in report.tasks)
    for t in report.tasks:
        p = truth.critical.get(t.id, 0.0)
        assert abs(t.criticality - p) <= tolerance(p), t.id


def test_deadline_odds_agree(case) -> None:
    plan, truth, report = case
    assert [d.id for d in report.deadlines] == [c.task for c in plan.constraints
                                                if not c.is_start]
    for d in report.deadlines:
        p = truth.deadlines.get(d.id, 0.0)
        assert abs(d.p - p) <= tolerance(p)


def test_risk_events_happen_as_often_as_their_probability(case) -> None:
    _plan, _, report = case
    for r in report.risks:
        assert abs(r.occurred - r.probability) <= tolerance(r.probability)


def test_the_deadline_case_is_not_trivial() -> None:
    truth = exact(all_links())
    assert 0 < truth.deadlines["e"] < 1


@pytest.mark.parametrize(("a", "m", "b"), [(1, 2, 4), (2, 2, 5), (3, 6, 6), (1, 1, 2)])
def test_duration_probabilities_follow_the_rounding_rule(a: int, m: int, b: int) -> None:
    for kind, oracle in (("triangular", triangular_mass), ("pert", pert_mass)):
        mine = duration_probabilities(Estimate("t", optimistic=a, pessimistic=b,
                                               distribution=kind), m)
        theirs = oracle(a, m, b)
        assert sorted(mine) == list(range(a, b + 1))
        assert math.isclose(sum(mine.values()), 1.0, abs_tol=1e-9)
        for k in mine:
            assert mine[k] == pytest.approx(theirs.get(k, 0.0), abs=1e-6), (kind, k)


def test_drawn_durations_follow_their_probabilities() -> None:
    """The histogram of a task's drawn durations against the exact masses."""
    plan = Project("x", Month(2021, 1), tasks=[Task("a", duration=2), Task("b", duration=3)],
                   estimates=[Estimate("a", optimistic=1, pessimistic=5),
                              Estimate("b", optimistic=1, pessimistic=6,
                                       distribution="pert")])
    report = simulate(plan, samples=SAMPLES, seed=5)
    # two parallel tasks: P(finish ≤ k) = P(a ≤ k) · P(b ≤ k)
    pa, pb = triangular_mass(1, 2, 5), pert_mass(1, 3, 6)
    for k in range(1, 7):
        p = sum(v for d, v in pa.items() if d <= k) * sum(v for d, v in pb.items() if d <= k)
        day = plan.calendar.boundary_date(k)
        assert abs(report.probability(day) - p) <= tolerance(p), k
