"""A plan's tasks in outline order, as MS Project's outline (and so a round trip) has them."""

from __future__ import annotations

import attrs

import psp


def in_outline_order(plan: psp.Project) -> psp.Project:
    """The plan with its tasks grouped by package (in package order), then those of none."""
    rank = {p.id: n for n, p in enumerate(plan.packages)}
    return attrs.evolve(plan, tasks=sorted(
        plan.tasks, key=lambda t: rank.get(t.package or "", len(rank))))
