"""The engine's forward and backward passes over many samples at once (NumPy).

The same rules as `psp.engine._cpm` — half-period instants, all four link types, lags,
not-before and not-after, the status date, actual dates — on arrays of shape
tasks × samples. The tasks are taken a level at a time (tasks whose predecessors are all
done, then the next), and each level's links in a few whole-array operations, so the
cost follows the depth of the network, not the number of tasks, in Python calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from psp.engine._cpm import PassInputs

if TYPE_CHECKING:
    import numpy as np

    Array = np.ndarray[Any, Any]
else:
    Array = Any

__all__ = ["Forward", "Passes", "passes"]


@attrs.frozen
class _Level:
    """One level of tasks and the links that bind them, grouped by that task."""

    tasks: Array  # every task of the level
    linked: Array  # the tasks with at least one link here, in link-group order
    starts: Array  # where each linked task's links begin (for reduceat)
    ends: Array  # the other end of each link
    owner: Array  # the level's task each link belongs to
    lag: Array
    other_len: Array  # links that count from or to the other end's finish
    own_len: Array  # links that count from or to the own task's finish
    work: Array  # of ``linked``: work tasks (start at a period's beginning)
    running: tuple[tuple[int, Array, Array, Array], ...]  # started tasks: FF/SF links in


@attrs.frozen
class Forward:
    """The forward pass's result for one block of samples: start instants and lengths."""

    first: Array
    length: Array


@attrs.frozen
class Passes:
    """A plan's network prepared for passes over blocks of samples."""

    order: Array
    forward_levels: tuple[_Level, ...]
    backward_levels: tuple[_Level, ...]
    low: Array
    open_work: Array  # positions of the scheduled tasks not finished yet
    work: Array
    upper: tuple[tuple[int, int], ...]
    end: int | None

    def forward(self, durations: Array, low: Array) -> Forward:
        """Start instants (tasks × samples) for these durations and lowest instants."""
        import numpy as np

        length = np.maximum(2 * durations - 1, 0)
        first = low.copy()
        for level in self.forward_levels:
            for v, pred, lag, kind in level.running:
                self._run_on(v, pred, lag, kind, first, length)
            if not len(level.linked):
                continue
            need = first[level.ends] + level.lag[:, None]
            other = level.other_len
            need[other] += length[level.ends[other]]
            own = level.own_len
            need[own] -= length[level.owner[own]]
            best = np.maximum.reduceat(need, level.starts, axis=0)
            best[level.work] += best[level.work] & 1  # work starts at a period's beginning
            first[level.linked] = np.maximum(first[level.linked], best)
        return Forward(first, length)

    @staticmethod
    def _run_on(v: int, pred: Array, lag: Array, kind: Array, first: Array,
                length: Array) -> None:
        """A task in progress finishes no earlier than its FF and SF predecessors allow."""
        import numpy as np

        for p, lg, k in zip(pred.tolist(), lag.tolist(), kind.tolist(), strict=True):
            ref = first[p] + (length[p] if k & 1 else 0)
            need = ref + lg - first[v]
            length[v] = np.where(need > length[v], need + 1 - need % 2, length[v])

    def finish(self, fwd: Forward) -> Array:
        """Each sample's finish boundary: the period after the last one any task occupies."""
        import numpy as np

        if len(self.order) == 0:
            return np.zeros(fwd.first.shape[1], dtype=fwd.first.dtype)
        ends = fwd.first[self.order] + fwd.length[self.order]
        finish: Array = np.max(ends, axis=0) // 2 + 1
        return finish

    def total_float(self, fwd: Forward, finish: Array) -> Array:
        """Each open task's total float in periods (rows follow ``open_work``)."""
        import numpy as np

        first, length = fwd.first, fwd.length
        horizon = finish if self.end is None else np.full_like(finish, self.end)
        latest = first.copy()
        caps = {u: bound for u, bound in self.upper}
        for level in self.backward_levels:
            cap = np.broadcast_to(horizon, (len(level.tasks), len(horizon))).copy()
            for row, u in enumerate(level.tasks.tolist()):
                if u in caps:
                    np.minimum(cap[row], caps[u], out=cap[row])
            bound = 2 * cap - 1 - length[level.tasks]
            if len(level.linked):
                gap = latest[level.ends] - level.lag[:, None]
                other = level.other_len
                gap[other] += length[level.ends[other]]
                own = level.own_len
                gap[own] -= length[level.owner[own]]
                least = np.minimum.reduceat(gap, level.starts, axis=0)
                rows = np.searchsorted(level.tasks, level.linked)
                bound[rows] = np.minimum(bound[rows], least)
            work = self.work[level.tasks]
            bound[work] -= bound[work] & 1
            latest[level.tasks] = bound
        rows = self.open_work
        return (latest[rows] - first[rows]) // 2


def passes(inputs: PassInputs, durations: Sequence[int]) -> Passes:
    """Prepare a plan's network (`PassInputs`) for the passes over many samples.

    ``durations`` are the plan's own (most likely) durations; they decide only which
    tasks are milestones, which no sample changes.
    """
    import numpy as np

    net = inputs.net
    n = len(durations)
    pinned = np.zeros(n, dtype=bool)
    pinned[list(inputs.pinned)] = True
    finished = np.array(inputs.finished, dtype=bool)
    work = np.array([d > 0 for d in durations], dtype=bool)
    running = [_running(net, v) for v in inputs.pinned if not inputs.finished[v]]
    forward = _forward_levels(net, pinned, work, [r for r in running if len(r[1])])
    backward = _backward_levels(net, finished, work)
    order = np.array(net.order, dtype=np.intp)
    open_work = order[~finished[order]] if len(order) else order
    upper = tuple((u, b) for u, b in inputs.upper.items() if not finished[u])
    low = np.array(inputs.low(durations), dtype=np.int32)
    return Passes(order, forward, backward, low, open_work, work, upper, inputs.end)


def _running(net: Any, v: int) -> tuple[int, Array, Array, Array]:
    import numpy as np

    js = [j for j in range(net.into[v], net.into[v + 1]) if net.pred_kind[j] & 2]
    return (v, np.array([net.pred[j] for j in js], dtype=np.intp),
            np.array([net.pred_lag[j] for j in js], dtype=np.int32),
            np.array([net.pred_kind[j] for j in js], dtype=np.int64))


def _depths(order: list[int], rows: list[int], other: list[int], keep: list[bool],
            n: int) -> list[int]:
    """Per task, the longest chain of kept links before it in ``order``."""
    depth = [0] * n
    for v in order:
        d = 0
        for j in range(rows[v], rows[v + 1]):
            if keep[j] and depth[other[j]] + 1 > d:
                d = depth[other[j]] + 1
        depth[v] = d
    return depth


def _forward_levels(net: Any, pinned: Array, work: Array,
                    running: list[tuple[int, Array, Array, Array]]) -> tuple[_Level, ...]:
    """Levels by depth; a pinned task takes no links (its actual start stands), a started
    one may run on (its FF and SF links lengthen it)."""
    keep = [True] * len(net.pred)
    depth = _depths(net.order, net.into, net.pred, keep, len(work))
    levels = _levels(net.order, depth, net.into, net.pred, net.pred_lag, net.pred_kind,
                     pinned.tolist(), work, forward=True)
    by_depth = sorted({depth[v] for v in net.order})
    return tuple(attrs.evolve(level, running=tuple(r for r in running
                                                   if depth[r[0]] == by_depth[k]))
                 for k, level in enumerate(levels))


def _backward_levels(net: Any, finished: Array, work: Array) -> tuple[_Level, ...]:
    """Levels by height; what is finished takes no part (as in the engine)."""
    done = finished.tolist()
    keep = [not done[v] for v in net.succ]
    height = _depths(list(reversed(net.order)), net.out, net.succ, keep, len(work))
    tasks = [u for u in net.order if not done[u]]
    skip = [done[v] for v in net.succ]
    return _levels(tasks, height, net.out, net.succ, net.succ_lag, net.succ_kind,
                   [False] * len(work), work, forward=False, skip=skip)


def _levels(tasks: list[int], level_of: list[int], rows: list[int], other: list[int],
            lags: list[int], kinds: list[int], bare: list[bool], work: Array, *,
            forward: bool, skip: list[bool] | None = None) -> tuple[_Level, ...]:
    """Group tasks into levels and each level's links by task, as index arrays."""
    import numpy as np

    groups: dict[int, list[int]] = {}
    for v in tasks:
        groups.setdefault(level_of[v], []).append(v)
    found = []
    for key in sorted(groups):
        members = sorted(groups[key])
        linked: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        owner: list[int] = []
        lag: list[int] = []
        kind: list[int] = []
        for v in members:
            js = [] if bare[v] else [j for j in range(rows[v], rows[v + 1])
                                     if skip is None or not skip[j]]
            if not js:
                continue
            linked.append(v)
            starts.append(len(ends))
            ends += [other[j] for j in js]
            owner += [v] * len(js)
            lag += [lags[j] for j in js]
            kind += [kinds[j] for j in js]
        kind_array = np.array(kind, dtype=np.int64)
        # Forward, the other end is the predecessor (its finish when kind & 1) and the own
        # side the successor (its finish when kind & 2); backward the other way round.
        other_bit, own_bit = (1, 2) if forward else (2, 1)
        found.append(_Level(
            np.array(members, dtype=np.intp), np.array(linked, dtype=np.intp),
            np.array(starts, dtype=np.intp), np.array(ends, dtype=np.intp),
            np.array(owner, dtype=np.intp), np.array(lag, dtype=np.int32),
            (kind_array & other_bit) > 0, (kind_array & own_bit) > 0,
            work[np.array(linked, dtype=np.intp)] if linked else np.zeros(0, dtype=bool), ()))
    return tuple(found)
