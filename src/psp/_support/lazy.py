"""Names a package loads on first use (PEP 562): a part that is heavy or seldom used stays
unloaded until someone asks for one of its names."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["on_first_use"]


def on_first_use(package: str, sources: Mapping[str, str], namespace: dict[str, Any],
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's module ``__getattr__`` and ``__dir__`` for names loaded on first use.

    Parameters
    ----------
    package : str
        The package's name, for the error about a name it does not have.
    sources : mapping of str to str
        Each name loaded on first use, and the module it comes from.
    namespace : dict
        The package's globals (with its ``__all__``): a loaded name is kept there, so
        it is looked up only once.

    Returns
    -------
    (callable, callable)
        ``__getattr__`` and ``__dir__``, to assign in the package's ``__init__``.

    Examples
    --------
    >>> namespace = {"__all__": ["sqrt"]}
    >>> getattr_, dir_ = on_first_use("demo", {"sqrt": "math"}, namespace)
    >>> getattr_("sqrt")(9.0), "sqrt" in namespace, dir_()
    (3.0, True, ['__all__', 'sqrt'])
    >>> getattr_("cbrt")
    Traceback (most recent call last):
    ...
    AttributeError: module 'demo' has no attribute 'cbrt'
    """

    def __getattr__(name: str) -> Any:
        if name not in sources:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(sources[name]), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *namespace["__all__"]})

    return __getattr__, __dir__
