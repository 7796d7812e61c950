"""What a sample draws: whole-period durations from three-point estimates, and risk events.

A duration is drawn from its distribution (`Distribution`) as a real number, rounded
to the nearest whole period (halves up, ``floor(x + 0.5)``) and kept within
``optimistic … pessimistic``. The probability of each whole value is therefore the
distribution's mass within half a period of it (`duration_probabilities` says how much,
without sampling, for tests and for users who want the exact weights).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import attrs

from psp.model import Distribution, Estimate

if TYPE_CHECKING:
    import numpy as np

    Array = np.ndarray[Any, Any]
else:
    Array = Any

__all__ = ["Draws", "draws", "duration_probabilities", "pert_shape"]


def pert_shape(optimistic: float, likely: float, pessimistic: float) -> tuple[float, float]:
    """The beta distribution's two shapes of a PERT estimate (weight 4 on the most likely).

    Examples
    --------
    >>> pert_shape(3, 4, 7)
    (2.0, 4.0)
    """
    width = pessimistic - optimistic
    return 1 + 4 * (likely - optimistic) / width, 1 + 4 * (pessimistic - likely) / width


def _triangular_cdf(x: float, a: float, m: float, b: float) -> float:
    if x <= a:
        return 0.0
    if x >= b:
        return 1.0
    if x <= m:
        return (x - a) ** 2 / ((b - a) * (m - a))
    return 1 - (b - x) ** 2 / ((b - a) * (b - m))


def _beta_cdfs(points: list[float], alpha: float, beta: float,
               steps: int = 4096) -> list[float]:
    """The regularised incomplete beta function at points in [0, 1], by Simpson's rule on
    the density (smooth for PERT's shapes, both ≥ 1). Once per distinct estimate."""
    norm = math.exp(math.lgamma(alpha + beta) - math.lgamma(alpha) - math.lgamma(beta))
    found = []
    for x in points:
        if x <= 0 or x >= 1:
            found.append(0.0 if x <= 0 else 1.0)
            continue
        h = x / steps
        total = 0.0
        for k in range(steps + 1):
            t = k * h
            weight = 1 if k in (0, steps) else 4 if k % 2 else 2
            total += weight * (t ** (alpha - 1)) * ((1 - t) ** (beta - 1))
        found.append(norm * total * h / 3)
    return found


def duration_probabilities(estimate: Estimate, likely: int) -> dict[int, float]:
    """The probability of each whole duration an estimate can give, under psp's rounding.

    Parameters
    ----------
    estimate : Estimate
        The three-point estimate.
    likely : int
        The most likely duration (the task's own).

    Returns
    -------
    dict of int to float
        Each duration from ``optimistic`` to ``pessimistic`` and its probability.

    Examples
    --------
    >>> from psp.model import Estimate
    >>> p = duration_probabilities(Estimate("a", optimistic=1, pessimistic=3), 2)
    >>> {k: round(v, 4) for k, v in p.items()}
    {1: 0.125, 2: 0.75, 3: 0.125}
    """
    a, b = estimate.optimistic, estimate.pessimistic
    if a == b:
        return {a: 1.0}
    edges = [k + 0.5 for k in range(a, b)]  # where the rounding changes
    if estimate.distribution is Distribution.PERT:
        alpha, beta = pert_shape(a, likely, b)
        inner = _beta_cdfs([(x - a) / (b - a) for x in edges], alpha, beta)
    else:
        inner = [_triangular_cdf(x, a, likely, b) for x in edges]
    cdf = [0.0, *inner, 1.0]
    return {k: cdf[k - a + 1] - cdf[k - a] for k in range(a, b + 1)}


@attrs.frozen
class Draws:
    """How to draw a plan's uncertain durations: each estimated task's position and lowest
    value, and per distinct estimate the thresholds of its whole values.

    A duration is drawn by the inverse of its distribution function over whole values:
    a uniform number ``u`` gives the least ``k`` with ``P(duration ≤ k) > u``. That is
    the same law as drawing the real number and rounding it, computed once per distinct
    estimate; and a wider estimate never draws a shorter duration from the same ``u``.
    """

    tasks: Array  # positions of the estimated tasks
    low: Array  # each one's optimistic value
    high: Array  # each one's pessimistic value
    groups: tuple[tuple[Array, Array], ...]  # (rows, thresholds) per distinct estimate

    def durations(self, rng: Any, count: int) -> Array:
        """Whole durations, one row per estimated task and one column per sample."""
        import numpy as np

        u = rng.random((len(self.tasks), count))
        drawn = np.empty(u.shape, dtype=np.int32)
        for rows, thresholds in self.groups:
            drawn[rows] = np.searchsorted(thresholds, u[rows], side="right")
        drawn += self.low[:, None]
        return drawn


def draws(estimates: list[tuple[int, Estimate, int]]) -> Draws:
    """`Draws` for ``(position, estimate, most likely duration)`` triples."""
    import numpy as np

    groups: dict[tuple[int, int, int, Distribution], list[int]] = {}
    for row, (_, e, likely) in enumerate(estimates):
        groups.setdefault((e.optimistic, likely, e.pessimistic, e.distribution), []).append(row)
    found = []
    for (a, m, b, kind), rows in groups.items():
        mass = duration_probabilities(Estimate("t", optimistic=a, pessimistic=b,
                                               distribution=kind), m)
        cumulative = np.cumsum([mass[k] for k in range(a, b + 1)])
        found.append((np.array(rows, dtype=np.intp), cumulative[:-1]))
    return Draws(np.array([i for i, _, _ in estimates], dtype=np.intp),
                 np.array([e.optimistic for _, e, _ in estimates], dtype=np.int32),
                 np.array([e.pessimistic for _, e, _ in estimates], dtype=np.int32),
                 tuple(found))
