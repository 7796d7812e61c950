"""Laws of the risk simulation, on random plans from psp.testing's own strategies."""

from __future__ import annotations

import attrs
import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

import psp
from psp.risk import _simulate
from psp.testing.strategies import plans, progressed, uncertain

PLANS = plans(max_tasks=8, not_after=True, end=None)


def _explicit(plan: psp.Project) -> psp.Project:
    """The plan with the progress the engine assumes written out as reported.

    The simulation takes unreported progress from the plan as written; a plan with
    other durations must be told the same (and that the rest has not started), or the
    engine would assume anew.
    """
    if plan.status is None:
        return plan
    s = psp.schedule(plan)
    reported = {a.task for a in plan.actuals}
    assumed = [psp.Actual(t.id, t.start, t.finish if t.progress == "finished" else None)
               for t in s if t.progress != "planned" and t.id not in reported
               and not t.task.is_level_of_effort]
    idle = [t.id for t in s if t.progress == "planned" and not t.task.is_level_of_effort]
    return attrs.evolve(plan, actuals=[*plan.actuals, *assumed], not_started=idle)


@given(PLANS.flatmap(progressed), st.data())
def test_every_sample_is_the_engines_schedule_of_its_durations(plan: psp.Project,
                                                             data: st.DataObject) -> None:
    """The vectorised passes against `psp.schedule`, sample by sample: finish, criticality
    and each deadline, for durations drawn at random (all link types, milestones,
    constraints, progress)."""
    setup = _simulate._setup(plan)
    work = [i for i, t in enumerate(plan.tasks) if t.kind is psp.TaskKind.WORK]
    columns = data.draw(st.lists(st.lists(st.integers(1, 5), min_size=len(work),
                                          max_size=len(work)), min_size=1, max_size=4))
    durations = np.repeat(setup.base[:, None], len(columns), axis=1)
    for c, drawn in enumerate(columns):
        for i, d in zip(work, drawn, strict=True):
            if not setup.inputs.finished[i]:
                durations[i, c] = max(d, setup.inputs.floor[i]) if i in setup.inputs.pinned \
                    else d
    none = np.zeros((0, len(columns)), dtype=bool)
    fwd = _simulate._final_world(setup, durations, none)
    finish = setup.passes.finish(fwd)
    tf = setup.passes.total_float(fwd, finish)
    critical = tf == tf.min(axis=0) if len(tf) else tf
    base = _explicit(plan)
    for c, drawn in enumerate(columns):
        tasks = list(base.tasks)
        for i, d in zip(work, drawn, strict=True):
            tasks[i] = attrs.evolve(tasks[i], duration=d)
        s = psp.schedule(attrs.evolve(base, tasks=tasks))
        assert finish[c] == s.finish_period
        mine = {plan.tasks[i].id for i, on in zip(setup.passes.open_work.tolist(),
                                                  critical[:, c].tolist(), strict=True) if on}
        assert mine == {t.id for t in s if t.critical}
        missed = {m.id for m in s.deadlines_missed}
        for i, bound in setup.deadlines:
            met = setup.inputs.finished[i] or (fwd.first[i, c] + fwd.length[i, c]) // 2 < bound
            assert met == (plan.tasks[i].id not in missed)


@given(PLANS.flatmap(progressed))
def test_a_plan_without_uncertainty_gives_its_schedule_in_every_sample(
        plan: psp.Project) -> None:
    s = psp.schedule(plan)
    report = psp.simulate(plan, samples=16, seed=0)
    assert report.finish_counts == ((s.finish_period, 16),)
    assert report.percentiles == dict.fromkeys(("P10", "P50", "P80", "P90", "P95"), s.finish)
    assert {t.id for t in report.tasks if t.criticality == 1} == {t.id for t in s if t.critical}
    assert all(t.criticality in (0, 1) and t.sensitivity is None for t in report.tasks)
    missed = {m.id for m in s.deadlines_missed}
    assert [d.p for d in report.deadlines] == [0.0 if d.id in missed else 1.0
                                               for d in report.deadlines]


def _below_everywhere(more: psp.RiskReport, less: psp.RiskReport) -> None:
    """``more`` finishes later in distribution: its CDF is nowhere above ``less``'s."""
    for day, _ in [*more.cumulative(), *less.cumulative()]:
        assert more.probability(day) <= less.probability(day)


@given(PLANS.flatmap(uncertain), st.data())
def test_adding_a_risk_event_never_makes_the_finish_earlier(plan: psp.Project,
                                                            data: st.DataObject) -> None:
    """With the same seed the samples share their draws (a new event is drawn last), so
    the law holds sample by sample, hence for the whole distribution."""
    movable = [t.id for t in plan.tasks if not t.is_level_of_effort]
    assume(movable)
    target = data.draw(st.sampled_from(movable))
    risk = psp.Risk("neu", probability=data.draw(st.sampled_from([0.3, 1.0])),
                    delay={target: data.draw(st.integers(0, 3))})
    before = psp.simulate(plan, samples=64, seed=7)
    after = psp.simulate(attrs.evolve(plan, risks=[*plan.risks, risk]), samples=64, seed=7)
    _below_everywhere(after, before)


FS_SS = plans(max_tasks=8, not_after=True, end=None, link_types=("FS", "SS"))


@given(FS_SS.flatmap(lambda p: uncertain(p, risks=False)), st.data())
def test_a_longer_pessimistic_value_never_raises_the_odds_of_the_end(
        plan: psp.Project, data: st.DataObject) -> None:
    """Triangular durations are drawn by their inverse distribution function from the
    same uniform numbers, so a wider estimate draws each sample's duration no shorter.

    Over FS and SS links only: where a task's finish is tied by FF or SF, a longer
    duration moves its start earlier, and what hangs on that start with it (reverse
    criticality, `test_reverse_criticality_is_real`)."""
    triangular = [attrs.evolve(e, distribution="triangular") for e in plan.estimates]
    plan = attrs.evolve(plan, estimates=triangular)
    drawn = [k for k, e in enumerate(triangular) if e.optimistic < e.pessimistic]
    assume(drawn)  # a task that is drawn already: widening it changes no other draw
    k = data.draw(st.sampled_from(drawn))
    wider = list(triangular)
    wider[k] = attrs.evolve(wider[k], pessimistic=wider[k].pessimistic
                            + data.draw(st.integers(1, 3)))
    end = plan.end or psp.schedule(plan).finish
    before = psp.simulate(plan, samples=64, seed=3)
    after = psp.simulate(attrs.evolve(plan, estimates=wider), samples=64, seed=3)
    assert after.probability(end) <= before.probability(end)
    _below_everywhere(after, before)


def test_reverse_criticality_is_real() -> None:
    """Why the law above excludes FF and SF: 3 must finish with 2; the longer 3 is, the
    earlier it starts, and the milestone 4 hangs on its start."""
    plan = psp.Project("x", psp.Month(2021, 1), tasks=[
        psp.Task("2", duration=2), psp.Task("3", duration=1), psp.Task("4", duration=0),
        psp.Task("5", duration=1)],
        links=[psp.Link("2", "3", "FF"), psp.Link("3", "4", "SS", lag=2), psp.Link("4", "5")])
    short, long = (psp.schedule(attrs.evolve(plan, tasks=[
        *plan.tasks[:1], psp.Task("3", duration=d), *plan.tasks[2:]])) for d in (1, 2))
    # by hand: 3 runs Feb (1) or Jan–Feb (2); 4 two months after 3's start; 5 after 4
    assert (short["3"].start_period, short.finish_period) == (1, 4)
    assert (long["3"].start_period, long.finish_period) == (0, 3)
