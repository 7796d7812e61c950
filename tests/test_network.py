"""The engine's network (`psp.engine._network`): built once per plan, grouped correctly,
and the whole-list link checks fall back to the careful path whenever they must."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import psp
from psp import Link, Project, Task
from psp.engine._network import compress, constraint_bounds, network, with_constraints
from psp.testing.strategies import plans


@given(st.integers(1, 8).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.integers(0, n - 1), max_size=30))))
def test_compress_groups_rows_as_a_list_per_row_would(case: tuple[int, list[int]]) -> None:
    n, rows = case
    values = [10 * k for k in range(len(rows))]
    offsets, (grouped,) = compress(n, rows, values)
    # a second, simple method: one list per row, filled in order
    by_row: list[list[int]] = [[] for _ in range(n)]
    for row, value in zip(rows, values, strict=True):
        by_row[row].append(value)
    assert [grouped[offsets[r]:offsets[r + 1]] for r in range(n)] == by_row


@given(plans())
def test_a_plan_is_validated_and_scheduled_once(plan: Project) -> None:
    assert network(plan) is network(plan)
    assert psp.schedule(plan) is psp.schedule(plan)


def tiny(*links: Link) -> Project:
    return Project("x", dt.date(2021, 1, 1), unit="day",
                   tasks=[Task("a", duration=2), Task("b", duration=3)], links=links)


def test_two_links_of_different_types_between_the_same_tasks_are_valid() -> None:
    # The whole-list check sees the same pair twice and hands over to the careful path,
    # which accepts it: FS and FF both hold. By hand: b starts at 2 (FS), finishes at 5.
    s = psp.schedule(tiny(Link("a", "b"), Link("a", "b", "FF")))
    assert (s["b"].start_period, s["b"].finish_period) == (2, 5)


@pytest.mark.parametrize(("links", "code"), [
    ((Link("a", "b"), Link("a", "b")), "duplicate-link"),
    ((Link("a", "a"),), "self-link"),
    ((Link("z", "b"),), "unknown-task"),
    ((Link("a", "b"), Link("b", "a")), "cycle"),
])
def test_a_link_problem_is_found_whatever_path_finds_it(links: tuple[Link, ...],
                                                        code: str) -> None:
    assert [p.code for p in psp.problems(tiny(*links))] == [code]


@given(plans())
def test_the_rows_built_from_arrays_read_as_each_task_does(plan: Project) -> None:
    s = psp.schedule(plan)
    expected = [tuple(v.isoformat() if isinstance(v, dt.date) else v
                      for v in t.to_record().values()) for t in s]
    assert list(s.rows(iso=True)) == expected


def test_the_collector_runs_again_after_a_failed_read() -> None:
    import gc

    from psp._support.memory import paused_collector

    with pytest.raises(psp.TomlSyntaxError):
        psp.loads("[project")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_collector():
            pass
        assert not gc.isenabled()  # a caller that switched it off keeps it off
    finally:
        gc.enable()


@given(plans(max_tasks=10, units=("day", "week", "month", "workday"), not_after=True))
def test_constraint_bounds_are_each_dates_own_boundary(plan: Project) -> None:
    cal = plan.calendar
    expected = []
    for c in plan.constraints:  # one date at a time, by the calendar's own rules
        if not c.is_start:
            expected.append((cal.end_boundary(c.date), False))
        elif plan.task(c.task).kind is psp.TaskKind.MILESTONE:
            expected.append(cal.milestone_bound(c.date))
        else:
            expected.append((cal.start_period(c.date), False))
    assert constraint_bounds(plan) == expected


@given(plans(max_tasks=10, not_after=True), st.data())
def test_new_constraints_keep_the_network_and_schedule_as_a_fresh_plan(
    plan: Project, data: st.DataObject
) -> None:
    kept = data.draw(st.lists(st.sampled_from(plan.constraints), unique=True)
                     if plan.constraints else st.just([]))
    changed = with_constraints(plan, kept)
    fresh = attrs.evolve(plan, constraints=kept)
    assert changed == fresh
    assert network(changed) is network(plan)  # carried over, not rebuilt
    assert psp.export.as_json(psp.schedule(changed)) == psp.export.as_json(psp.schedule(fresh))


def test_a_carried_network_still_reports_a_new_constraints_problem() -> None:
    plan = Project("P", dt.date(2021, 1, 1), tasks=[Task("a", duration=2)])
    psp.schedule(plan)
    bad = psp.Constraint("a", "start_no_earlier_than", dt.date(2020, 12, 1))
    with pytest.raises(psp.ValidationError, match="before the project start"):
        psp.schedule(with_constraints(plan, [bad]))


def test_objects_made_while_paused_are_old_afterwards_and_still_collected() -> None:
    import gc
    import weakref

    from psp._support.memory import paused_collector

    class Node:
        pass

    gc.collect()
    with paused_collector():
        made = [[k] for k in range(5000)]  # tracked objects: each counts as new
        cycle = Node()
        cycle.me = cycle  # type: ignore[attr-defined]
        gone = weakref.ref(cycle)
        del cycle
    assert gc.get_count()[0] < len(made)  # not left for the youngest generation's walk
    assert gone() is not None  # garbage in a cycle waits for a collection ...
    gc.collect()
    assert gone() is None  # ... and the full one finds it


def test_a_programs_frozen_objects_stay_frozen() -> None:
    import gc

    from psp._support.memory import paused_collector

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_collector():
            made = [[k] for k in range(100)]
        assert gc.get_freeze_count() == frozen
        assert made
    finally:
        gc.unfreeze()
