"""Round trips through MS Project XML: psp → MSPDI → psp gives the same plan and schedule.

Random plans of every unit, with all link types, leads and lags, milestones, level of
effort, both constraint kinds, owners and, in half of them, progress at a status date.
Tasks come back in outline order (grouped by package, as MS Project needs), so the law
compares with the plan in that order.
"""

from __future__ import annotations

from hypothesis import given, settings

import psp
from psp.export import as_json
from psp.io import dumps_mspdi, loads_mspdi
from psp.testing.strategies import plans, progressed
from tests.outline import in_outline_order

UNITS = ("month", "week", "day", "workday")


@settings(max_examples=max(settings().max_examples, 200))
@given(plans(max_tasks=8, units=UNITS, not_after=True).flatmap(progressed))
def test_a_plan_round_trips_through_ms_project_xml(plan: psp.Project) -> None:
    again = loads_mspdi(dumps_mspdi(plan))
    expected = in_outline_order(plan)
    assert again.plan == expected
    assert again.notes == ()
    assert as_json(psp.schedule(again.plan)) == as_json(psp.schedule(expected))
