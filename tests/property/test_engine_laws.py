"""Laws every schedule obeys, checked on random plans from psp.testing's own strategies."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from hypothesis import assume, example, given
from hypothesis import strategies as st

import psp
from psp.testing.strategies import months, plans, progressed
from tests import reference

ALL = plans(max_tasks=10, not_after=True)
NO_DEADLINES = plans(max_tasks=10, not_after=False)


def scheduled(s: psp.Schedule) -> list[psp.TaskSchedule]:
    return [t for t in s if not t.task.is_level_of_effort]


@given(ALL)
def test_early_dates_equal_the_least_solution_found_by_relaxation(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    expected = reference.early_starts(plan)
    assert {t.id: t.start_period for t in scheduled(s)} == expected
    assert s.finish_period == reference.finish_of(plan, reference.early_instants(plan))


@given(plans(max_tasks=10, not_after=True, milestones=False))
def test_early_dates_equal_longest_paths_by_bellman_ford(plan: psp.Project) -> None:
    """Between work tasks links are plain weights: the period rule is a longest path."""
    s = psp.schedule(plan)
    assert {t.id: t.start_period for t in scheduled(s)} == reference.early_starts_bellman_ford(plan)


@given(ALL)
def test_late_dates_equal_the_greatest_solution_found_by_relaxation(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    horizon = s.finish_period if s.end_period is None else s.end_period
    expected = reference.late_finishes(plan, horizon)
    assert {t.id: t.late_finish_period for t in scheduled(s)} == expected


@given(ALL)
def test_every_link_and_constraint_holds_in_the_early_dates(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    for link in plan.links:
        p, q = s[link.predecessor], s[link.successor]
        assert reference.link_holds(link, (p.start_period, p.finish_period),
                                    (q.start_period, q.finish_period)), link
    for c in plan.constraints:
        if c.is_start:
            assert s[c.task].start >= c.date
    for t in scheduled(s):
        assert t.start_period >= 0
        assert t.start >= plan.start


@given(ALL)
def test_late_dates_respect_every_link_the_end_and_every_deadline(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    horizon = s.finish_period if s.end_period is None else s.end_period
    for link in plan.links:
        p, q = s[link.predecessor], s[link.successor]
        assert reference.link_holds(link, (p.late_start_period, p.late_finish_period),
                                    (q.late_start_period, q.late_finish_period)), link
    for t in scheduled(s):
        assert t.late_finish_period <= horizon
        # Whole periods between the early and the latest instant (a milestone's two dates
        # may lie on either side of a boundary: half periods, see the engine).
        early = 2 * t.start_period - t.at_period_end
        late = 2 * t.late_start_period - t.late_at_period_end
        assert t.total_float == (late - early) // 2
        assert t.late_finish_period - t.late_start_period == t.finish_period - t.start_period
    for c in plan.constraints:
        if not c.is_start:
            assert s[c.task].late_finish_period <= plan.calendar.end_boundary(c.date)
            if s[c.task].duration:  # a milestone has no last day
                assert s[c.task].late_finish <= c.date


@given(plans(max_tasks=10, end=False))
def test_total_float_at_least_free_float_at_least_zero_without_an_end(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    for t in s:
        assert t.total_float >= t.free_float >= 0, t.id


@given(plans(max_tasks=7, end=False))
def test_free_float_is_the_largest_slip_that_moves_nothing_else(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    base = reference.early_instants(plan)
    finish = reference.finish_of(plan, base)
    for t in scheduled(s):
        others = {k: v for k, v in base.items() if k != t.id}

        def nothing_else_moved(moved: dict[str, int], tid: str = t.id,
                               others: dict[str, int] = others) -> bool:
            return ({k: v for k, v in moved.items() if k != tid} == others
                    and reference.finish_of(plan, moved) == finish)

        slip = reference.largest_slip(plan, t.id, nothing_else_moved)
        assert t.free_float == slip, t.id


@given(plans(max_tasks=7, end=False))
def test_total_float_is_the_largest_slip_that_keeps_the_finish(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    finish = reference.finish_of(plan, reference.early_instants(plan))
    for t in scheduled(s):
        slip = reference.largest_slip(
            plan, t.id, lambda moved: reference.finish_of(plan, moved) == finish)
        assert t.total_float == slip, t.id


@given(NO_DEADLINES)
def test_critical_path_has_the_least_float_and_ends_at_the_finish(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    tasks = scheduled(s)
    if not tasks:
        assert s.critical_path == ()
        return
    least = min(t.total_float for t in tasks)
    assert s.critical_path
    assert set(s.critical_path) == {t.id for t in tasks if t.total_float == least}
    # The critical path ends at the finish: the last printed date lies in its last period.
    last = max(s[i].finish for i in s.critical_path)
    assert plan.calendar.period_of(last) + 1 == s.finish_period
    position = {task_id: n for n, task_id in enumerate(s.critical_path)}
    for link in plan.links:  # topological order
        if link.predecessor in position and link.successor in position:
            assert position[link.predecessor] < position[link.successor]
    assert not any(t.critical for t in s if t.task.is_level_of_effort)


@given(NO_DEADLINES)
def test_the_critical_path_does_not_depend_on_the_end(plan: psp.Project) -> None:
    """Without deadlines every total float moves with the end by the same amount."""
    import attrs

    s = psp.schedule(plan)
    later = plan.calendar.last_day(s.finish_period + 5)
    assert psp.schedule(attrs.evolve(plan, end=later)).critical_path == (
        psp.schedule(attrs.evolve(plan, end=None)).critical_path
    )


EXAMPLE = psp.load("examples/digitale_werkstatt.toml")


@given(ALL, months(min_value=psp.Month(1990, 1), max_value=psp.Month(2060, 12)))
@example(EXAMPLE, psp.Month(2024, 2))  # a leap February: 29 days
@example(EXAMPLE, psp.Month(2023, 2))  # 28 days
@example(EXAMPLE, psp.Month(2021, 1))  # 31 days
@example(EXAMPLE, psp.Month(2021, 4))  # 30 days
def test_moving_the_start_moves_every_date_by_whole_months(
    plan: psp.Project, new_start: psp.Month
) -> None:
    old = psp.schedule(plan)
    moved = psp.schedule(plan.with_start(new_start))
    months_moved = new_start - psp.Month.from_date(plan.start)
    one_day = dt.timedelta(days=1)

    def shifted(day: dt.date, *, finish: bool) -> dt.date:
        # A finish is the day before a boundary; move the boundary, then step back.
        if finish:
            return day + one_day + relativedelta(months=months_moved) - one_day
        return day + relativedelta(months=months_moved)

    for a, b in zip(old, moved, strict=True):
        milestone = a.start_period == a.finish_period
        assert b.start == shifted(a.start, finish=milestone and a.at_period_end)
        assert b.finish == shifted(a.finish, finish=not milestone or a.at_period_end)
        assert (b.total_float, b.free_float, b.critical) == (
            a.total_float, a.free_float, a.critical)
    assert moved.critical_path == old.critical_path
    assert moved.finish == shifted(old.finish, finish=old.finish_period > 0)
    assert moved.slack == old.slack


@given(plans(max_tasks=8, units=["day", "week"]), st.integers(-400, 400))
def test_moving_a_day_or_week_plan_moves_every_date_by_whole_periods(
    plan: psp.Project, periods: int
) -> None:
    step = dt.timedelta(days=periods * (7 if plan.unit is psp.Unit.WEEK else 1))
    old = psp.schedule(plan)
    moved = psp.schedule(plan.with_start(plan.start + step))
    for a, b in zip(old, moved, strict=True):
        assert (b.start, b.finish) == (a.start + step, a.finish + step)
        assert (b.total_float, b.free_float) == (a.total_float, a.free_float)


@given(ALL, st.data())
def test_a_longer_lag_never_makes_an_early_date_earlier(
    plan: psp.Project, data: st.DataObject
) -> None:
    import attrs

    assume(plan.links)
    n = data.draw(st.integers(0, len(plan.links) - 1))
    extra = data.draw(st.integers(1, 4))
    links = list(plan.links)
    links[n] = attrs.evolve(links[n], lag=links[n].lag + extra)
    before, after = psp.schedule(plan), psp.schedule(attrs.evolve(plan, links=links))
    for a, b in zip(before, after, strict=True):
        assert b.start_period >= a.start_period and b.finish_period >= a.finish_period, a.id
    assert after.finish_period >= before.finish_period


@given(ALL, st.data())
def test_a_longer_duration_never_makes_an_early_date_earlier(
    plan: psp.Project, data: st.DataObject
) -> None:
    """Holds unless the task is pulled by its finish (FF/SF in): see test_duration_paradox."""
    import attrs

    candidates = [
        t for t in plan.tasks
        if t.kind is psp.TaskKind.WORK
        and not any(lk.successor == t.id and lk.type.value in ("FF", "SF") for lk in plan.links)
    ]
    assume(candidates)
    task = data.draw(st.sampled_from(candidates))
    longer = attrs.evolve(task, duration=task.duration + data.draw(st.integers(1, 4)))
    tasks = [longer if t.id == task.id else t for t in plan.tasks]
    before, after = psp.schedule(plan), psp.schedule(attrs.evolve(plan, tasks=tasks))
    for a, b in zip(before, after, strict=True):
        assert b.start_period >= a.start_period and b.finish_period >= a.finish_period, a.id
    assert after.finish_period >= before.finish_period


@given(ALL)
def test_dump_then_load_gives_the_same_plan_and_schedule(plan: psp.Project) -> None:
    again = psp.loads(psp.dumps(plan))
    assert again == plan
    assert psp.schedule(again) == psp.schedule(plan)


@given(plans(max_tasks=6, units=["month", "week", "day", "workday"], not_after=True))
def test_every_unit_schedules_the_same_periods(plan: psp.Project) -> None:
    import attrs

    as_days = attrs.evolve(
        plan, unit="day", end=None, constraints=[]
    )
    as_plan = attrs.evolve(plan, end=None, constraints=[])
    a, b = psp.schedule(as_plan), psp.schedule(as_days)
    assert [(t.start_period, t.total_float) for t in a] == [
        (t.start_period, t.total_float) for t in b]


@given(st.one_of(
    plans(max_tasks=8, units=["day", "workday", "week", "month"], not_after=True),
    plans(max_tasks=8, units=["day", "workday"]).flatmap(progressed)))
def test_date_columns_read_the_same_from_a_table_as_period_by_period(
        plan: psp.Project) -> None:
    """Each task's dates as `TaskSchedule` gives them, whichever way the columns are built."""
    from psp.engine import _cpm

    s = psp.schedule(plan)
    expected = [[t.start for t in s], [t.finish for t in s], [t.late_start for t in s],
                [t.late_finish for t in s]]
    for span in (0, 10**9):  # never a table; always one where periods are one day
        _cpm._TABLE_SPAN = span
        try:
            columns = s.columns()[6:10]
            texts = s.columns(iso=True)[6:10]
        finally:
            _cpm._TABLE_SPAN = 2
        assert [list(c) for c in columns] == expected
        assert [list(c) for c in texts] == [[d.isoformat() for d in c] for c in expected]
