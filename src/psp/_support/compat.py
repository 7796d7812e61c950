"""Keeping old calls working for one release while the API settles on one spelling."""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["lang_keyword"]

P = ParamSpec("P")
R = TypeVar("R")


def lang_keyword(func: Callable[P, R]) -> Callable[P, R]:
    """``lang`` is keyword-only; a positional one still works for one release, and warns.

    Examples
    --------
    >>> import warnings
    >>> @lang_keyword
    ... def greet(name, *, lang="de"):
    ...     return ("Hallo " if lang == "de" else "Hello ") + name
    >>> greet("Ada", lang="en")
    'Hello Ada'
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     greet("Ada", "en"), str(caught[0].message)
    ('Hello Ada', "greet(…, 'en'): pass lang='en' by keyword; positional lang goes in psp 0.3")
    """
    positional = [p for p in inspect.signature(func).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    count = len(positional)

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if len(args) > count:
            lang = args[count]
            warnings.warn(f"{func.__qualname__}(…, {lang!r}): pass lang={lang!r} by keyword; "
                          "positional lang goes in psp 0.3", DeprecationWarning, stacklevel=2)
            return func(*args[:count], **{**kwargs, "lang": lang})  # type: ignore[arg-type]
        return func(*args, **kwargs)

    return wrapper
