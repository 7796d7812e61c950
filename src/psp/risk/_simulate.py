"""`simulate`: a Monte Carlo schedule-risk analysis over a plan's uncertainty.

Each sample draws every estimated task's duration and whether each risk event happens,
then runs the engine's passes (`psp.risk._passes`, all samples of a block at once). A
risk's delay is measured from the early start the task would have in that sample
*without* that event, every other event of the sample applied — a world per subset of
the delaying events, computed from the largest subset removed down to none, so that
delays of several events on one task add up and none is counted twice along a chain.
Samples are processed in blocks, so memory stays bounded whatever their number.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from psp._support.extras import require
from psp.engine import Schedule, schedule
from psp.engine._cpm import PassInputs, pass_inputs
from psp.engine._network import constraint_bounds, risk_targets
from psp.errors import UsageError
from psp.model import Constraint, ConstraintKind, Project
from psp.risk._passes import Passes, passes
from psp.risk._report import DeadlineOdds, RiskImpact, RiskReport, TaskRisk
from psp.risk._sampling import Draws, draws

if TYPE_CHECKING:
    import numpy as np

    Array = np.ndarray[Any, Any]
else:
    Array = Any

__all__ = ["MAX_DELAYING_RISKS", "simulate"]

MAX_DELAYING_RISKS = 12
"""How many risk events with a delay one simulation takes: each subset is a forward pass."""

_BLOCK_CELLS = 1 << 21  # tasks × samples per block: about 16 MB per array


@attrs.frozen
class _Event:
    """A risk event as the passes need it: positions, instants, its probability."""

    probability: float
    delayed: Array  # positions it delays
    delay: Array  # by how many half periods each
    held: Array  # positions it holds until a date
    until: Array  # that date's start instant per position


@attrs.frozen
class _Setup:
    plan: Project
    inputs: PassInputs
    passes: Passes
    base: Array  # every task's duration as planned (a finished task's: as it ran)
    draws: Draws
    events: tuple[_Event, ...]
    delaying: tuple[int, ...]  # which events delay (the worlds are their subsets)
    deadlines: tuple[tuple[int, int], ...]  # (position, finish boundary) per not-after
    same_day: bool  # a period is one day: its first and last day are one date


def simulate(plan: Project | Schedule, *, samples: int = 10_000,
             seed: int | None = None) -> RiskReport:
    """Sample a plan's uncertainty and report how likely its finish and deadlines are.

    Every estimated task (`Estimate`) draws a whole-period duration, every risk event
    (`Risk`) happens or not, and each sample is scheduled by the engine's rules: all
    four link types, lags, not-before and not-after, the status date and actual dates
    (what has finished keeps its actual duration; what has started runs at least to the
    status date; progress nobody reported is assumed from the plan as written). A plan
    without uncertainty gives its deterministic schedule in every sample.

    Parameters
    ----------
    plan : Project or Schedule
        The plan, or a schedule of it (a replan's ``after``); it is validated first.
    samples : int
        How many samples to draw (at least 2).
    seed : int, optional
        Makes the result reproducible; without one a seed is chosen and reported.

    Returns
    -------
    RiskReport
        The finish distribution (percentiles, the probability of meeting the contractual
        end), each deadline's probability, each task's criticality index and
        sensitivity, and each risk event's impact on the finish.

    Raises
    ------
    ValidationError
        When the plan has problems.
    MissingExtraError
        When NumPy is not installed (``pip install "psp[risk]"``).

    Examples
    --------
    >>> import psp
    >>> from psp import Estimate, Link, Month, Project, Risk, Task
    >>> plan = Project("Demo", Month(2021, 1), end="2021-06",
    ...     tasks=[Task("a", duration=2), Task("b", duration=3)], links=[Link("a", "b")],
    ...     estimates=[Estimate("b", optimistic=2, pessimistic=6)],
    ...     risks=[Risk("r", probability=0.5, delay={"a": 1})])
    >>> report = psp.simulate(plan, samples=2000, seed=1)
    >>> report.percentiles["P50"], round(report.p_end, 2)  # exactly 0.646 (by hand)
    (datetime.date(2021, 6, 30), 0.66)
    """
    np = require("numpy", extra="risk")
    if isinstance(plan, Schedule):
        plan = plan.project
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 2:
        raise UsageError(f"samples: expected a whole number ≥ 2, got {samples!r}")
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % (1 << 63))
    setup = _setup(plan)
    n = len(plan.tasks)
    block = max(64, min(samples, _BLOCK_CELLS // max(n, 1)))
    sizes = [min(block, samples - start) for start in range(0, samples, block)]
    children = np.random.SeedSequence(seed).spawn(len(sizes))
    totals = _Totals.empty(np, setup, samples)
    start = 0
    for size, child in zip(sizes, children, strict=True):
        _run_block(setup, np.random.Generator(np.random.PCG64(child)), size, totals, start)
        start += size
    sensitivity = _sensitivities(np, setup, sizes, children, totals)
    return _report(np, setup, samples, seed, totals, sensitivity)


def _setup(plan: Project) -> _Setup:
    import numpy as np

    inputs = pass_inputs(plan)  # validates
    durations = [t.duration for t in plan.tasks]
    pass_set = passes(inputs, durations)
    base = np.array(durations, dtype=np.int32)
    for i in inputs.pinned:
        if inputs.finished[i]:
            base[i] = inputs.floor[i]
    draws = _draws(plan, inputs)
    events = tuple(_event(plan, inputs, risk) for risk in plan.risks)
    delaying = tuple(k for k, e in enumerate(events) if len(e.delayed))
    if len(delaying) > MAX_DELAYING_RISKS:
        raise UsageError(f"{len(delaying)} risk events delay tasks; a simulation takes at most "
                         f"{MAX_DELAYING_RISKS} (each subset of them is a pass of its own)")
    bounds = constraint_bounds(plan)
    deadlines = tuple((plan._index[c.task], bound) for c, (bound, _) in
                      zip(plan.constraints, bounds, strict=True) if not c.is_start)
    cal = plan.calendar
    return _Setup(plan, inputs, pass_set, base, draws, events, delaying, deadlines,
                  cal.first_day(0) == cal.last_day(0))


def _draws(plan: Project, inputs: PassInputs) -> Draws:
    index, tasks = plan._index, plan.tasks
    return draws([(index[e.task], e, tasks[index[e.task]].duration) for e in plan.estimates
                  if not inputs.finished[index[e.task]] and e.optimistic < e.pessimistic])


def _event(plan: Project, inputs: PassInputs, risk: Any) -> _Event:
    """A risk's effects on the tasks that can still move (not level of effort, not started)."""
    import numpy as np

    index, loe = plan._index, set(inputs.net.loe)

    def movable(target: str) -> list[int]:
        found = [index[t] for t in risk_targets(plan, target)]
        return [i for i in found if i not in inputs.pinned and i not in loe]

    delayed: dict[int, int] = {}
    for target, periods in risk.delay:
        for i in movable(target):
            delayed[i] = delayed.get(i, 0) + 2 * periods
    held: dict[int, int] = {}
    for target, day in risk.not_before:
        positions = movable(target)
        if not positions:
            continue
        probe = attrs.evolve(plan, constraints=[
            Constraint(plan.tasks[i].id, ConstraintKind.START_NO_EARLIER_THAN, day)
            for i in positions])
        for c, (bound, at_end) in zip(probe.constraints, constraint_bounds(probe),
                                      strict=True):
            i = index[c.task]
            held[i] = max(held.get(i, -(1 << 62)), 2 * bound - at_end)
    return _Event(risk.probability, np.array(list(delayed), dtype=np.intp),
                  np.array(list(delayed.values()), dtype=np.int32),
                  np.array(list(held), dtype=np.intp),
                  np.array(list(held.values()), dtype=np.int32))


@attrs.define
class _Totals:
    """What the blocks add up."""

    finish: Array  # per sample
    occurred: Array  # events × samples
    critical: Array  # per open task: samples in which it is critical
    met: Array  # per deadline: samples in which it is met
    values: list[Array]  # per estimated task: how often each duration came

    @classmethod
    def empty(cls, np: Any, setup: _Setup, samples: int) -> _Totals:
        d = setup.draws
        return cls(np.zeros(samples, dtype=np.int64),
                   np.zeros((len(setup.events), samples), dtype=bool),
                   np.zeros(len(setup.passes.open_work), dtype=np.int64),
                   np.zeros(len(setup.deadlines), dtype=np.int64),
                   [np.zeros(int(hi - lo) + 1, dtype=np.int64)
                    for lo, hi in zip(d.low, d.high, strict=True)])


def _durations(setup: _Setup, rng: Any, size: int) -> tuple[Array, Array]:
    """One block's durations (tasks × samples) and the drawn durations alone."""
    import numpy as np

    drawn = setup.draws.durations(rng, size)
    durations = np.repeat(setup.base[:, None], size, axis=1)
    durations[setup.draws.tasks] = drawn
    for i in setup.inputs.pinned:  # started: at least as long as it has run
        if not setup.inputs.finished[i]:
            np.maximum(durations[i], setup.inputs.floor[i], out=durations[i])
    return durations, drawn


def _run_block(setup: _Setup, rng: Any, size: int, totals: _Totals, start: int) -> None:
    import numpy as np

    durations, drawn = _durations(setup, rng, size)
    occurred = np.array([rng.random(size) < e.probability for e in setup.events],
                        dtype=bool).reshape(len(setup.events), size)
    fwd = _final_world(setup, durations, occurred)
    p = setup.passes
    finish = p.finish(fwd)
    window = slice(start, start + size)
    totals.finish[window] = finish
    totals.occurred[:, window] = occurred
    if len(p.open_work):
        tf = p.total_float(fwd, finish)
        totals.critical += (tf == tf.min(axis=0)).sum(axis=1)
    for k, (i, bound) in enumerate(setup.deadlines):
        met = (fwd.first[i] + fwd.length[i]) // 2 < bound
        totals.met[k] += size if setup.inputs.finished[i] else int(met.sum())
    for row, counts in enumerate(totals.values):
        lo = int(setup.draws.low[row])
        counts += np.bincount(drawn[row] - lo, minlength=len(counts))


def _masks(count: int) -> Iterator[int]:
    """Every subset of ``count`` events, each after all its supersets."""
    return iter(range((1 << count) - 1, -1, -1))


def _final_world(setup: _Setup, durations: Array, occurred: Array) -> Any:
    """The forward pass with every event of each sample applied.

    World ``X`` leaves out the delaying events in ``X``; an event's delay in world
    ``X`` is measured from world ``X ∪ {event}``, computed before it.
    """
    import numpy as np

    p = setup.passes
    low = np.repeat(p.low[:, None], durations.shape[1], axis=1)
    slots = {k: slot for slot, k in enumerate(setup.delaying)}
    starts: dict[int, Array] = {}
    fwd = None
    for mask in _masks(len(slots)):
        world = low.copy()
        for k, event in enumerate(setup.events):
            slot = slots.get(k, -1)
            if slot >= 0 and mask >> slot & 1:
                continue  # left out of this world
            happens = occurred[k]
            if len(event.held):
                bound = np.where(happens, event.until[:, None], world[event.held])
                world[event.held] = np.maximum(world[event.held], bound)
            if slot >= 0:
                reference = starts[mask | 1 << slot][event.delayed]
                bound = np.where(happens, _later(setup, reference, event.delay),
                                 world[event.delayed])
                world[event.delayed] = np.maximum(world[event.delayed], bound)
        fwd = p.forward(durations, world)
        if mask:
            starts[mask] = fwd.first
    return fwd


def _later(setup: _Setup, reference: Array, delay: Array) -> Array:
    """Start instants ``delay`` half periods after ``reference``, as `psp.Delay` sets them.

    A delay keeps a milestone's side of its boundary, and writes it as a date. Where a
    period is a single day, the day a milestone sits at the end of is also the first
    day of the next period, and a not-before date means the start of its day: the
    milestone then lands at the start of that day.
    """
    later: Array = reference + delay[:, None]
    if setup.same_day:
        later -= reference & 1  # only a milestone's instant is odd
    return later


def _average_ranks(np: Any, values: Array) -> Array:
    """Ranks 1 … n, ties sharing their average rank."""
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    ranks: Array = (ends - (counts - 1) / 2)[inverse]
    return ranks


def _rank_table(np: Any, counts: Array) -> tuple[Array, float]:
    """Each value's average rank from how often each came, and the ranks' sum of squares
    about their mean."""
    ends = np.cumsum(counts)
    ranks = ends - (counts - 1) / 2
    total = ends[-1]
    mean = (total + 1) / 2
    return ranks, float((counts * (ranks - mean) ** 2).sum())


def _sensitivities(np: Any, setup: _Setup, sizes: list[int], children: list[Any],
                   totals: _Totals) -> list[float | None]:
    """Spearman's rank correlation of each drawn duration with the finish.

    The durations are drawn again block by block from the same seeds (a second pass
    without the schedules), so no block keeps all samples of all tasks.
    """
    d = setup.draws
    if not len(d.tasks):
        return []
    finish = totals.finish
    ranks_f = _average_ranks(np, finish)
    mean = (len(finish) + 1) / 2
    spread_f = float(((ranks_f - mean) ** 2).sum())
    rank_rows = [_rank_table(np, c) for c in totals.values]
    products = np.zeros(len(d.tasks))
    start = 0
    for size, child in zip(sizes, children, strict=True):
        drawn = d.durations(np.random.Generator(np.random.PCG64(child)), size)
        for row, (ranks, _) in enumerate(rank_rows):
            products[row] += ranks[drawn[row] - d.low[row]] @ ranks_f[start:start + size]
        start += size
    found: list[float | None] = []
    for row, (_, spread) in enumerate(rank_rows):
        if spread == 0 or spread_f == 0:
            found.append(None)
            continue
        covariance = products[row] - len(finish) * mean * mean
        found.append(float(covariance / math.sqrt(spread * spread_f)))
    return found


def _correlation(np: Any, happened: Array, finish: Array) -> float | None:
    if happened.all() or not happened.any() or np.all(finish == finish[0]):
        return None
    x, y = _average_ranks(np, happened), _average_ranks(np, finish)
    x, y = x - x.mean(), y - y.mean()
    return float((x @ y) / math.sqrt((x @ x) * (y @ y)))


def _report(np: Any, setup: _Setup, samples: int, seed: int, totals: _Totals,
            sensitivity: list[float | None]) -> RiskReport:
    plan = setup.plan
    values, counts = np.unique(totals.finish, return_counts=True)
    finish_counts = tuple(zip(values.tolist(), counts.tolist(), strict=True))
    by_task = dict(zip(setup.draws.tasks.tolist(), sensitivity, strict=True))
    critical = dict(zip(setup.passes.open_work.tolist(), totals.critical.tolist(),
                        strict=True))
    tasks = tuple(TaskRisk(plan.tasks[i].id, critical.get(i, 0) / samples, by_task.get(i))
                  for i in setup.inputs.net.order)
    risks = []
    for k, risk in enumerate(plan.risks):
        happened = totals.occurred[k]
        impact = (float(totals.finish[happened].mean() - totals.finish[~happened].mean())
                  if happened.any() and not happened.all() else None)
        risks.append(RiskImpact(risk.id, risk.name, risk.probability,
                                float(happened.mean()), impact,
                                _correlation(np, happened, totals.finish)))
    constraints = [c for c in plan.constraints if not c.is_start]
    deadlines = tuple(DeadlineOdds(c.task, c.date, int(met) / samples)
                      for c, met in zip(constraints, totals.met.tolist(), strict=True))
    planned = schedule(plan).finish_period
    return RiskReport(plan, samples, seed, finish_counts, planned, tasks, tuple(risks),
                      deadlines)
