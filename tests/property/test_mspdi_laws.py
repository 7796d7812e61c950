"""Round trips through MS Project XML: psp → MSPDI → psp gives the same plan and schedule.

Random plans of every unit, with all link types, leads and lags, milestones, level of
effort, both constraint kinds, owners and, in half of them, progress at a status date.
Tasks come back in outline order (grouped by package, as MS Project needs), so the law
compares with the plan in that order.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import psp
from psp.export import as_json
from psp.io import dumps_mspdi, loads_mspdi
from psp.testing.strategies import plans
from tests.outline import in_outline_order

UNITS = ("month", "week", "day", "workday")


@st.composite
def with_progress(draw: st.DrawFn) -> psp.Project:
    """A drawn plan, and in half the draws what happened by a status date in its span."""
    plan = draw(plans(max_tasks=8, units=UNITS, not_after=True))
    if not draw(st.booleans()):
        return plan
    s = psp.schedule(plan)
    status = draw(st.integers(1, max(s.finish_period, 1)))
    actuals, idle = [], []
    for ts in s:
        if ts.kind is psp.TaskKind.LEVEL_OF_EFFORT or ts.start_period >= status:
            continue
        what = draw(st.sampled_from(["as planned", "reported", "not started"]))
        if what == "not started":
            idle.append(ts.id)
        elif what == "reported":
            done = ts.finish_period <= status
            finish = ts.start if ts.kind is psp.TaskKind.MILESTONE else ts.finish
            actuals.append(psp.Actual(ts.id, ts.start, finish if done else None))
    return attrs.evolve(plan, status=plan.calendar.first_day(status), actuals=actuals,
                        not_started=idle)


@settings(max_examples=max(settings().max_examples, 200))
@given(with_progress())
def test_a_plan_round_trips_through_ms_project_xml(plan: psp.Project) -> None:
    again = loads_mspdi(dumps_mspdi(plan))
    expected = in_outline_order(plan)
    assert again.plan == expected
    assert again.notes == ()
    assert as_json(psp.schedule(again.plan)) == as_json(psp.schedule(expected))
