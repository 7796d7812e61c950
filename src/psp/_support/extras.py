"""Optional dependencies: load one where it is used, or say which extra installs it."""

from __future__ import annotations

import importlib
from types import ModuleType

from psp.errors import MissingExtraError

__all__ = ["require"]

_WHAT = {"plot": "drawing charts", "xlsx": "reading and writing .xlsx files",
         "testing": "psp.testing's strategies", "pandas": "data frames",
         "ics": "writing iCalendar files", "docx": "writing Word documents",
         "interactive": "the interactive chart", "risk": "the risk simulation"}


def require(module: str, *, extra: str) -> ModuleType:
    """The module, imported; `MissingExtraError` naming the ``pip install`` when it is absent.

    Examples
    --------
    >>> require("json", extra="plot").__name__
    'json'
    >>> require("no_such_module_psp", extra="plot")
    Traceback (most recent call last):
    ...
    psp.errors.MissingExtraError: drawing charts needs no_such_module_psp: pip install "psp[plot]"
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        raise MissingExtraError(
            f'{_WHAT.get(extra, extra)} needs {top}: pip install "psp[{extra}]"') from None
