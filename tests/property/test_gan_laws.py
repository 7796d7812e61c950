"""Round trips through GanttProject: psp → .gan → psp gives the same plan and schedule.

Random plans of every unit, with all link types, leads and lags, milestones, level of
effort, both constraint kinds, owners and, in half of them, progress at a status date.
Tasks come back in outline order (grouped by package), and links grouped by predecessor
(a ``<depend>`` sits on its predecessor), so the law compares with the plan in that order
and the links as a set.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings

import psp
from psp.export import as_json
from psp.io import dumps_gan, loads_gan
from psp.testing.strategies import plans, progressed
from tests.outline import in_outline_order

UNITS = ("month", "week", "day", "workday")


@settings(max_examples=max(settings().max_examples, 200))
@given(plans(max_tasks=8, units=UNITS, not_after=True).flatmap(progressed))
def test_a_plan_round_trips_through_ganttproject(plan: psp.Project) -> None:
    again = loads_gan(dumps_gan(plan))
    expected = in_outline_order(plan)
    assert _links_sorted(again.plan) == _links_sorted(expected)
    assert again.notes == ()
    assert as_json(psp.schedule(again.plan)) == as_json(psp.schedule(expected))


def _links_sorted(plan: psp.Project) -> psp.Project:
    return attrs.evolve(plan, links=sorted(plan.links, key=lambda link: (
        link.predecessor, link.successor, link.type, link.lag)))
