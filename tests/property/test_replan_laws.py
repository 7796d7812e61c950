"""The laws of replanning (issue 3), with psp.testing's strategies and invariants."""

from __future__ import annotations

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import psp
from psp.testing import invariants
from psp.testing.strategies import changes, delays, months, plans

PLANS = plans(max_tasks=8)
NO_DEADLINES = plans(max_tasks=8, not_after=False)


def moved_change(change: psp.Change, old: psp.Calendar, new: psp.Calendar) -> psp.Change:
    """The same change for a plan that starts elsewhere: its dates keep their periods."""
    if isinstance(change, psp.Delay) and change.until is not None:
        return psp.Delay(change.target, until=new.first_day(old.period_of(change.until)))
    if isinstance(change, psp.Extend):
        return psp.Extend(new.last_day(old.period_of(change.to)))
    return change


@given(st.data(), months(min_value=psp.Month(1995, 1), max_value=psp.Month(2050, 12)))
def test_shift_moving_the_start_moves_every_schedule_and_replan(
    data: st.DataObject, new_start: psp.Month
) -> None:
    plan = data.draw(plans(max_tasks=8, units=["month"]))
    steps = data.draw(changes(plan))
    k = new_start - psp.Month.from_date(plan.start)
    assert isinstance(k, int)
    moved = plan.with_start(new_start)
    moved_steps = [moved_change(c, plan.calendar, moved.calendar) for c in steps]
    a, b = psp.replan(plan, steps), psp.replan(moved, moved_steps)
    invariants.shifted_by(a.before, b.before, k)
    invariants.shifted_by(a.after, b.after, k)
    assert [(s.id, s.start_shift, s.finish_shift) for s in a.shifts()] == [
        (s.id, s.start_shift, s.finish_shift) for s in b.shifts()]
    # Reasons are read off the drivers, which stay; only the months named in them move.
    assert [t.driver for t in a.after] == [t.driver for t in b.after]
    assert [bool(s.reason) for s in a.shifts()] == [bool(s.reason) for s in b.shifts()]


@given(st.data())
def test_monotonicity_a_delay_never_makes_a_date_earlier(data: st.DataObject) -> None:
    plan = data.draw(PLANS)
    assume(any(not t.is_level_of_effort for t in plan.tasks))
    delay = data.draw(delays(plan))
    invariants.no_date_earlier(psp.schedule(plan), psp.schedule(psp.apply(plan, delay)))


@given(st.data())
def test_monotonicity_a_longer_lag_or_duration_never_makes_a_date_earlier(
    data: st.DataObject,
) -> None:
    """Durations: only for tasks not pulled by their finish (the duration paradox)."""
    plan = data.draw(PLANS)
    longer: list[psp.Project] = []
    for link in plan.links:
        lag = link.lag + data.draw(st.integers(1, 3))
        longer.append(psp.apply(
            plan, psp.RemoveLink(link.predecessor, link.successor, link.type),
            psp.AddLink(psp.Link(link.predecessor, link.successor, link.type, lag=lag))))
    for task in plan.tasks:
        pulled = any(lk.successor == task.id and lk.type.value in ("FF", "SF")
                     for lk in plan.links)
        if task.kind is psp.TaskKind.WORK and not pulled:
            longer.append(psp.apply(plan, psp.SetDuration(task.id, task.duration + 2)))
    before = psp.schedule(plan)
    for other in longer:
        invariants.no_date_earlier(before, psp.schedule(other))


@given(st.data())
def test_absorption_within_free_and_total_float(data: st.DataObject) -> None:
    plan = data.draw(plans(max_tasks=8, end=False, not_after=False))
    s = psp.schedule(plan)
    for t in s:
        if t.task.is_level_of_effort:
            continue
        within_free = psp.schedule(psp.apply(plan, psp.Delay(t.id, by=t.free_float)))
        invariants.only_task_moved(s, within_free, t.id)
        within_total = psp.schedule(psp.apply(plan, psp.Delay(t.id, by=t.total_float)))
        invariants.finish_unchanged(s, within_total)


@given(st.data())
def test_extension_moves_every_total_float_and_the_slack_by_k(data: st.DataObject) -> None:
    plan = data.draw(plans(max_tasks=8, end=True, not_after=False))
    k = data.draw(st.integers(-6, 6))
    cal, end = plan.calendar, plan.calendar.end_boundary(plan.end)  # type: ignore[arg-type]
    assume(end + k >= 1)
    extended = psp.apply(plan, psp.Extend(to=cal.last_day(end + k - 1)))
    invariants.extended_by(psp.schedule(plan), psp.schedule(extended), k)


@given(st.data())
def test_replay_one_by_one_equals_one_list(data: st.DataObject) -> None:
    plan = data.draw(PLANS)
    steps = data.draw(changes(plan, progress=True))
    whole = psp.replan(plan, steps)
    one_by_one = plan
    for step in steps:
        one_by_one = psp.apply(one_by_one, step)
    assert one_by_one == whole.plan
    assert psp.schedule(one_by_one) == whole.after
    nothing = psp.replan(plan, [])
    assert nothing.plan == plan and nothing.after == nothing.before == psp.schedule(plan)
    invariants.same_replan(nothing, psp.replan(plan, ()))


@given(st.data())
def test_progress_nothing_open_before_the_status_date_and_actuals_kept(
    data: st.DataObject,
) -> None:
    plan = data.draw(plans(max_tasks=8, units=["month", "day", "workday"]))
    s = psp.schedule(plan)
    status = plan.calendar.first_day(0) + __import__("datetime").timedelta(
        days=data.draw(st.integers(0, 40 * max(s.horizon_period, 1))))
    # Level of effort has no start of its own: saying it has not started is an error.
    idle = data.draw(st.sets(st.sampled_from([t.id for t in plan.tasks])).filter(
        lambda ids: not any(plan.task(i).is_level_of_effort for i in ids)))
    progressed = psp.apply(plan, psp.Progress(status, not_started=idle))
    after = psp.schedule(progressed)
    invariants.progress_respected(after)
    invariants.links_hold(after)
    assert not any(after[t].progress != "planned" for t in idle)


@given(st.data())
def test_round_trip_a_replanned_plan_schedules_identically(data: st.DataObject) -> None:
    plan = data.draw(PLANS)
    result = psp.replan(plan, data.draw(changes(plan, progress=True)))
    again = psp.loads(psp.dumps(result.plan))
    assert again == result.plan
    assert psp.schedule(again) == result.after


@given(NO_DEADLINES)
def test_every_generated_schedule_satisfies_links_hold(plan: psp.Project) -> None:
    invariants.links_hold(psp.schedule(plan))
    invariants.links_hold(psp.schedule(attrs.evolve(plan, end=None)))
