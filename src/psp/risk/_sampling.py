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

__all__ = ["Draws", "duration_probabilities", "pert_shape"]


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


def _beta_cdf(x: float, alpha: float, beta: float, steps: int = 4000) -> float:
    """The regularised incomplete beta function by Simpson's rule (smooth for shapes ≥ 1)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    norm = math.exp(math.lgamma(alpha + beta) - math.lgamma(alpha) - math.lgamma(beta))
    h = x / steps
    total = 0.0
    for k in range(steps + 1):
        t = k * h
        weight = 1 if k in (0, steps) else 4 if k % 2 else 2
        total += weight * (t ** (alpha - 1)) * ((1 - t) ** (beta - 1))
    return norm * total * h / 3


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
    if estimate.distribution is Distribution.PERT:
        alpha, beta = pert_shape(a, likely, b)

        def cdf(x: float) -> float:
            return _beta_cdf((x - a) / (b - a), alpha, beta)
    else:
        def cdf(x: float) -> float:
            return _triangular_cdf(x, a, likely, b)
    return {k: cdf(k + 0.5) - cdf(k - 0.5) for k in range(a, b + 1)}


@attrs.frozen
class Draws:
    """How to draw the uncertain durations of a plan: per estimated task, its three values."""

    tasks: Array  # positions of the estimated tasks
    low: Array
    likely: Array
    high: Array
    pert: Array  # True where the distribution is PERT

    def durations(self, rng: Any, count: int) -> Array:
        """Whole durations, one row per estimated task and one column per sample."""
        import numpy as np

        a, m, b = self.low[:, None], self.likely[:, None], self.high[:, None]
        width = np.maximum(b - a, 1e-300)
        u = rng.random((len(self.tasks), count))
        # the triangle's inverse distribution function, both sides at once
        left = a + np.sqrt(u * width * (m - a))
        right = b - np.sqrt((1 - u) * width * (b - m))
        x = np.where(u * width < (m - a), left, right)
        if self.pert.any():
            rows = np.flatnonzero(self.pert)
            alpha = 1 + 4 * (m[rows] - a[rows]) / width[rows]
            beta = 1 + 4 * (b[rows] - m[rows]) / width[rows]
            x[rows] = a[rows] + (b[rows] - a[rows]) * rng.beta(alpha, beta, (len(rows), count))
        whole: Array = np.clip(np.floor(x + 0.5), self.low[:, None], self.high[:, None])
        return whole.astype(np.int64)
