"""Laws of portfolios and costs, on generated plans."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import psp
from psp.testing.strategies import plans

MONTH_PLANS = plans(max_tasks=6, units=["month"], end=True, not_after=False)


@given(st.lists(MONTH_PLANS, min_size=1, max_size=3))
def test_unlinked_projects_schedule_as_they_would_alone(projects: list[psp.Project]) -> None:
    named = [attrs.evolve(p, id=f"p{n}") for n, p in enumerate(projects)]
    ps = psp.schedule_portfolio(psp.Portfolio("P", named))
    for project in named:
        alone = psp.schedule(project)
        summary = ps.project(project.id or "")
        assert summary.finish == alone.finish
        assert summary.slack == alone.slack
        for t in alone:
            joint = ps[f"{project.id}:{t.id}"]
            assert (joint.start, joint.finish) == (t.start, t.finish), t.id
            if not t.task.is_level_of_effort:
                assert joint.total_float == t.total_float, t.id
                # Issue 8: free float counted against the portfolio's last finish.
                assert joint.free_float == t.free_float, t.id


@given(MONTH_PLANS, st.integers(1, 10**7), st.integers(0, 12))
def test_a_lump_sum_adds_up_exactly_and_an_extension_is_cost_neutral(
    plan: psp.Project, cents: int, months: int
) -> None:
    total = psp.parse_money(cents) / 100
    plan = attrs.evolve(plan, positions=[psp.Position("c", total=total, funding_rate="0,5")])
    report = psp.costs(plan)
    assert report.total().cost == total
    end = plan.calendar.end_boundary(plan.end)  # type: ignore[arg-type]
    later = psp.apply(plan, psp.Extend(to=plan.calendar.last_day(end + months - 1)))
    comparison = psp.compare_costs(plan, later)
    assert comparison.neutral
    assert sum(c.months for c in comparison.after.years().values()) >= sum(
        c.months for c in comparison.before.years().values())
