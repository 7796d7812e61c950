"""Exact schedule-risk results by enumeration: the oracle the simulation is checked against.

Every combination of whole durations and of risk events that happen is weighted by its
probability and scheduled with the deterministic engine (`psp.schedule`), one plan at a
time. A risk's delay follows the definition of issue 14, written out here on its own:
in a world where the events in ``S`` happen, a task an event ``e`` delays starts no
earlier than N periods after its early start in the world ``S`` without ``e`` — as
`psp.Delay` with ``by=N`` words it (a milestone at a period's end stays there).

The duration probabilities are computed here from the distributions' own formulas (the
triangle's distribution function; the beta density integrated by the midpoint rule),
not from psp.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Iterator

import attrs

import psp
from psp import Constraint, ConstraintKind, Project

SNET = ConstraintKind.START_NO_EARLIER_THAN


def triangular_mass(a: int, m: int, b: int) -> dict[int, float]:
    """P(round(X) = k) for X triangular(a, m, b), rounding halves up, kept in [a, b]."""
    if a == b:
        return {a: 1.0}

    def cdf(x: float) -> float:
        if x <= a:
            return 0.0
        if x >= b:
            return 1.0
        if x <= m:
            return (x - a) ** 2 / ((b - a) * (m - a))
        return 1 - (b - x) ** 2 / ((b - a) * (b - m))

    return {k: cdf(k + 0.5) - cdf(k - 0.5) for k in range(a, b + 1)}


def pert_mass(a: int, m: int, b: int) -> dict[int, float]:
    """The same for the beta-PERT distribution, by the midpoint rule on its density."""
    if a == b:
        return {a: 1.0}
    alpha = 1 + 4 * (m - a) / (b - a)
    beta = 1 + 4 * (b - m) / (b - a)
    norm = math.gamma(alpha + beta) / (math.gamma(alpha) * math.gamma(beta))
    steps = 2 * (b - a) * 50_000  # cells end where the rounding changes: at k + 0.5
    mass: dict[int, float] = defaultdict(float)
    h = 1 / steps
    for i in range(steps):
        t = (i + 0.5) * h
        x = a + t * (b - a)
        k = min(max(math.floor(x + 0.5), a), b)
        mass[k] += norm * t ** (alpha - 1) * (1 - t) ** (beta - 1) * h
    return dict(mass)


def _mass(plan: Project, estimate: psp.Estimate) -> dict[int, float]:
    likely = plan.task(estimate.task).duration
    if estimate.distribution is psp.Distribution.PERT:
        return pert_mass(estimate.optimistic, likely, estimate.pessimistic)
    return triangular_mass(estimate.optimistic, likely, estimate.pessimistic)


@attrs.frozen
class Exact:
    """The exact results: the finish distribution, criticality and deadline odds."""

    finish: dict[dt.date, float]  # finish date → probability
    critical: dict[str, float]
    deadlines: dict[str, float]

    def probability(self, day: dt.date) -> float:
        return sum(p for d, p in self.finish.items() if d <= day)

    def support(self) -> list[dt.date]:
        return sorted(d for d, p in self.finish.items() if p > 0)


def outcomes(plan: Project) -> Iterator[tuple[float, dict[str, int], frozenset[str]]]:
    """Every combination: its probability, the durations, the events that happen."""
    masses = [(e.task, _mass(plan, e)) for e in plan.estimates]
    choices = [[(task, k, p) for k, p in mass.items() if p > 0] for task, mass in masses]
    for combo in itertools.product(*choices):
        weight = math.prod(p for _, _, p in combo)
        durations = {task: k for task, k, _ in combo}
        for flags in itertools.product((False, True), repeat=len(plan.risks)):
            p = weight
            for risk, on in zip(plan.risks, flags, strict=True):
                p *= risk.probability if on else 1 - risk.probability
            if p > 0:
                yield p, durations, frozenset(r.id for r, on in zip(plan.risks, flags,
                                                                     strict=True) if on)


def _targets(plan: Project, target: str) -> list[str]:
    started = {a.task for a in plan.actuals}
    ids = [target] if target in plan else [t.id for t in plan.tasks if t.package == target]
    return [t for t in ids if not plan.task(t).is_level_of_effort and t not in started]


def world(plan: Project, happen: frozenset[str], memo: dict[frozenset[str], psp.Schedule]
          ) -> psp.Schedule:
    """The schedule when exactly the events in ``happen`` happen (recursively defined)."""
    if happen in memo:
        return memo[happen]
    risks = {r.id: r for r in plan.risks}
    cal = plan.calendar
    wanted: dict[str, dt.date] = {c.task: c.date for c in plan.constraints if c.is_start}
    for rid in sorted(happen):
        risk = risks[rid]
        for target, day in risk.not_before:
            for task_id in _targets(plan, target):
                wanted[task_id] = max(wanted.get(task_id, day), day)
        if not risk.delay:
            continue
        without = world(plan, happen - {rid}, memo)
        for target, n in risk.delay:
            for task_id in _targets(plan, target):
                ts = without[task_id]
                day = cal.instant(ts.start_period + n,
                                  at_end=ts.at_period_end and ts.task.duration == 0)
                wanted[task_id] = max(wanted.get(task_id, day), day)
    constraints = [c for c in plan.constraints if not c.is_start]
    constraints += [Constraint(t, SNET, d) for t, d in wanted.items()]
    memo[happen] = psp.schedule(attrs.evolve(plan, constraints=constraints))
    return memo[happen]


def with_durations(plan: Project, durations: dict[str, int]) -> Project:
    tasks = [attrs.evolve(t, duration=durations[t.id]) if t.id in durations else t
             for t in plan.tasks]
    return attrs.evolve(plan, tasks=tasks, estimates=(), risks=plan.risks)


def exact(plan: Project) -> Exact:
    """Enumerate every outcome of a small plan's uncertainty."""
    finish: dict[dt.date, float] = defaultdict(float)
    critical: dict[str, float] = defaultdict(float)
    deadlines: dict[str, float] = defaultdict(float)
    for p, durations, happen in outcomes(plan):
        s = world(with_durations(plan, durations), happen, {})
        finish[s.finish] += p
        for ts in s:
            if ts.critical:
                critical[ts.id] += p
        missed = {m.id for m in s.deadlines_missed}
        for c in plan.constraints:
            if not c.is_start and c.task not in missed:
                deadlines[c.task] += p
    return Exact(dict(finish), dict(critical), dict(deadlines))
