"""`compare_risk`: a replan's two plans simulated alike, their odds side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from psp.calendars import Lang
from psp.risk._report import RiskReport
from psp.risk._simulate import simulate

if TYPE_CHECKING:
    from psp.replanning import Replan

__all__ = ["RiskComparison", "compare_risk"]


@attrs.frozen
class RiskComparison:
    """The risk of a plan before and after a replan, from the same seed.

    Examples
    --------
    >>> import psp
    >>> from psp.risk import compare_risk
    >>> plan = psp.load("examples/digitale_werkstatt_risiko.toml")
    >>> c = compare_risk(psp.replan(plan, [psp.Extend("31.12.2021")]), samples=2000, seed=1)
    >>> print(c.headline(lang="en"))
    P(finish ≤ 2021-08-31) 12% → P(finish ≤ 2021-12-31) 84%
    """

    before: RiskReport
    after: RiskReport

    def headline(self, *, lang: Lang = "de") -> str:
        """``P(Ende ≤ 31.08.2021) 12 % → P(Ende ≤ 31.12.2021) 80 %``."""
        return " → ".join(" ".join(r.odds(lang=lang)) for r in (self.before, self.after))

    def to_dict(self) -> dict[str, Any]:
        """Both reports as JSON-ready data."""
        return {"before": self.before.to_dict(), "after": self.after.to_dict()}


def compare_risk(replan: Replan, *, samples: int = 10_000,
                 seed: int | None = None) -> RiskComparison:
    """Simulate a replan's plan before and after with the same samples.

    Parameters
    ----------
    replan : Replan
        From `psp.replan`; its plans carry the estimates and risks.
    samples : int
        Samples per plan.
    seed : int, optional
        One seed for both, so the comparison shows the change, not the noise.

    Returns
    -------
    RiskComparison

    Examples
    --------
    >>> import psp
    >>> plan = psp.load("examples/digitale_werkstatt_risiko.toml")
    >>> c = compare_risk(psp.replan(plan, [psp.Extend("31.12.2021")]), samples=500, seed=2)
    >>> c.before.seed == c.after.seed == 2, c.before.p_end < c.after.p_end
    (True, True)
    """
    first = simulate(replan.before.project, samples=samples, seed=seed)
    return RiskComparison(first, simulate(replan.after.project, samples=samples,
                                          seed=first.seed))
