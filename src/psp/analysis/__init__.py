"""Analysis of scheduled plans: staffing and costs per budget year, milestone trends.

`costs` computes a `CostReport` from a plan (or portfolio) and its schedule;
`compare_costs` checks two reports against each other (the cost-neutral check of an
amendment); `milestone_trend` reads the forecasts of every milestone across versions of
a plan (`MilestoneTrend`). Computation only: the tables are printed by the report
objects and the exporters.

Examples
--------
>>> import psp
>>> from psp.analysis import costs
>>> report = costs(psp.load_portfolio("examples/digitale_modellregion.toml"))
>>> report.total().cost > 0
True
"""

from psp.analysis._costs import (
    CostCell,
    CostComparison,
    CostReport,
    PositionCost,
    compare_costs,
    costs,
)
from psp.analysis._trend import (
    Forecast,
    MilestoneSeries,
    MilestoneTrend,
    Trend,
    milestone_trend,
    month_shift,
)

__all__ = ["CostCell", "CostComparison", "CostReport", "Forecast", "MilestoneSeries",
           "MilestoneTrend", "PositionCost", "Trend", "compare_costs", "costs",
           "milestone_trend", "month_shift"]
