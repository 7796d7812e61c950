"""Plan files in and out: one module per file format, reader and writer side by side.

``_toml``: psp's own plan and portfolio files (`loads`, `dumps`, `load_portfolio`,
`loads_portfolio`, `dumps_portfolio`), and `from_dict`: a plan from the file's words given
as Python values. ``_mspdi``: MS Project XML (`load_mspdi`, `loads_mspdi`, `dump_mspdi`,
`dumps_mspdi`; loaded on first use). ``_gan``: GanttProject (`load_gan`, `loads_gan`,
`dump_gan`, `dumps_gan`; loaded on first use). ``_grid``: the month grid (`load_grid`,
`loads_grid`, `dump_grid`; openpyxl for workbooks). ``_door``: `load`, `dump`, `read`
and `write` choose the format by the file's suffix (`FORMATS`, `format_of`;
`check_unit`). ``_notes``: what a conversion dropped or approximated (`Note`,
`Reading`, `ConversionWarning`).

Examples
--------
>>> from psp.io import load, dumps
>>> plan = load("examples/digitale_werkstatt.toml")
>>> dumps(plan).splitlines()[1]
'name = "Digitale Werkstatt für den Mittelstand – MACH 4.0"'
"""

from typing import TYPE_CHECKING

from psp._support.lazy import on_first_use
from psp.io._door import FORMATS, check_unit, dump, format_of, load, read, write
from psp.io._toml import (
    dumps,
    dumps_portfolio,
    from_dict,
    load_portfolio,
    loads,
    loads_portfolio,
)

if TYPE_CHECKING:
    from psp.io._gan import dump_gan, dumps_gan, load_gan, loads_gan
    from psp.io._grid import dump_grid, load_grid, loads_grid
    from psp.io._mspdi import dump_mspdi, dumps_mspdi, load_mspdi, loads_mspdi
    from psp.io._notes import ConversionWarning, Note, Reading
    from psp.io._versions import Version, git_versions, plan_versions

__all__ = ["FORMATS", "ConversionWarning", "Note", "Reading", "Version", "check_unit", "dump",
           "dump_gan", "dump_grid", "dump_mspdi", "dumps", "dumps_gan", "dumps_mspdi",
           "dumps_portfolio", "format_of", "from_dict", "git_versions", "load", "load_gan",
           "load_grid", "load_mspdi", "load_portfolio", "loads", "loads_gan", "loads_grid",
           "loads_mspdi", "loads_portfolio", "plan_versions", "read", "write"]

_LAZY = {**{f"{verb}_{fmt}": fmt for fmt in ("mspdi", "gan")
            for verb in ("dump", "dumps", "load", "loads")},
         **{f"{verb}_grid": "grid" for verb in ("dump", "load", "loads")},
         "Version": "versions", "git_versions": "versions", "plan_versions": "versions",
         **dict.fromkeys(("ConversionWarning", "Note", "Reading"), "notes")}


# The functions of other tools' formats and what a conversion loses, loaded on first use
# (a psp plan file needs neither).
__getattr__, __dir__ = on_first_use(
    "psp.io", {name: f"psp.io._{module}" for name, module in _LAZY.items()}, globals())
