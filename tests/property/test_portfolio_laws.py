"""Laws of portfolios and costs, on generated plans."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import psp
from psp.testing.strategies import plans, portfolios

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


@given(portfolios())
def test_the_flat_plan_schedules_as_the_portfolio(pf: psp.Portfolio) -> None:
    """`flatten` writes the portfolio's bounds as constraints: scheduled alone, the flat
    plan gives every task the dates and total float the portfolio gives it."""
    ps = psp.schedule_portfolio(pf)
    flat = psp.schedule(psp.flatten(pf))
    assert [t.id for t in ps] == [t.id for t in flat]
    for joint, alone in zip(ps, flat, strict=True):
        assert (joint.start, joint.finish, joint.late_start, joint.late_finish,
                joint.total_float, joint.critical, joint.progress) == (
                alone.start, alone.finish, alone.late_start, alone.late_finish,
                alone.total_float, alone.critical, alone.progress), joint.id
        # free float counts against the task's own project's finish, never the later one
        assert joint.free_float <= alone.free_float, joint.id


@given(portfolios())
def test_each_summary_is_its_projects_part_of_the_joint_schedule(pf: psp.Portfolio) -> None:
    """A project's finish, slack and critical path, recomputed from the joint schedule's
    per-task values by their definitions."""
    ps = psp.schedule_portfolio(pf)
    for key, project in zip(pf.keys, pf.projects, strict=True):
        mine = [ps[f"{key}:{t.id}"] for t in project.tasks]
        work = [t for t in mine if not t.task.is_level_of_effort]
        summary = ps.project(key)
        cal = project.calendar
        # the boundary after the last period its work's dates fall in; none: its start
        boundary = max((cal.period_of(t.finish) + 1 for t in work), default=0)
        assert summary.finish == cal.boundary_date(boundary)
        open_work = [t for t in work if t.progress != "finished"]
        least = min((t.total_float for t in open_work), default=0)
        assert set(summary.critical_path) == {t.id for t in open_work
                                             if t.total_float == least}
        assert summary.slack == (None if project.end is None
                                 else cal.end_boundary(project.end) - boundary)
        assert summary.critical_chains == ps.schedule.chains(summary.critical_path)


@given(portfolios())
def test_the_flat_plan_holds_every_link_in_the_plan_order(pf: psp.Portfolio) -> None:
    """Each project's links, qualified, and the links across projects: the same links in
    the order a plan gives them (by successor, a project's own before those across)."""
    flat = psp.flatten(pf)
    own = [psp.Link(f"{key}:{link.predecessor}", f"{key}:{link.successor}", link.type,
                    lag=link.lag)
           for key, project in zip(pf.keys, pf.projects, strict=True) for link in project.links]
    everything = [*own, *pf.links]
    position = {task.id: n for n, task in enumerate(flat.tasks)}
    expected = sorted(everything, key=lambda link: position[link.successor])  # stable
    assert list(flat.links) == expected
