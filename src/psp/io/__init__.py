"""Plan files in and out: one module per file format, reader and writer side by side.

``_toml``: psp's own plan and portfolio files (`load`, `loads`, `dump`, `dumps`,
`load_portfolio`, `loads_portfolio`, `dumps_portfolio`), and `from_dict`: a plan from the
file's words given as Python values.

Examples
--------
>>> from psp.io import load, dumps
>>> plan = load("examples/digitale_werkstatt.toml")
>>> dumps(plan).splitlines()[1]
'name = "Digitale Werkstatt für den Mittelstand – MACH 4.0"'
"""

from psp.io._toml import (
    dump,
    dumps,
    dumps_portfolio,
    from_dict,
    load,
    load_portfolio,
    loads,
    loads_portfolio,
)

__all__ = ["dump", "dumps", "dumps_portfolio", "from_dict", "load", "load_portfolio", "loads",
           "loads_portfolio"]
