"""Analysis of a scheduled plan: staffing and costs per budget year.

`costs` computes a `CostReport` from a plan (or portfolio) and its schedule;
`compare_costs` checks two reports against each other (the cost-neutral check of an
amendment). Computation only: the tables are printed by the report objects and the
exporters.

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

__all__ = ["CostCell", "CostComparison", "CostReport", "PositionCost", "compare_costs", "costs"]
