"""Schedule risk: how likely the end date is, and which tasks and events decide it.

`simulate` samples a plan's three-point estimates (`psp.Estimate`) and risk events
(`psp.Risk`) and runs the engine's passes over all samples at once (NumPy, the extra
``psp[risk]``); `RiskReport` holds what it found. `compare_risk` puts a replan's two
plans side by side.

Examples
--------
>>> import psp
>>> report = psp.simulate(psp.load("examples/digitale_werkstatt_risiko.toml"),
...                       samples=2000, seed=1)
>>> sorted(report.percentiles)
['P10', 'P50', 'P80', 'P90', 'P95']
"""

from psp.risk._compare import RiskComparison, compare_risk
from psp.risk._report import DeadlineOdds, RiskImpact, RiskReport, TaskRisk, percent
from psp.risk._sampling import duration_probabilities
from psp.risk._simulate import MAX_DELAYING_RISKS, simulate

__all__ = [
    "MAX_DELAYING_RISKS",
    "DeadlineOdds",
    "RiskComparison",
    "RiskImpact",
    "RiskReport",
    "TaskRisk",
    "compare_risk",
    "duration_probabilities",
    "percent",
    "simulate",
]
