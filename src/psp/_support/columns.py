"""Columns for work on whole plans at once: one entry per task, made from per-group values."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["repeated"]

T = TypeVar("T")


def repeated(values: Sequence[T], counts: Sequence[int]) -> list[T]:
    """Each value repeated its count's times, in order: a column from groups' sizes.

    Parameters
    ----------
    values : sequence
        One value per group (a project's key, its start period).
    counts : sequence of int
        Each group's size.

    Returns
    -------
    list
        ``values[0]`` ``counts[0]`` times, then ``values[1]`` ``counts[1]`` times, …

    Examples
    --------
    >>> repeated(["kita:", "egov:"], [2, 1])
    ['kita:', 'kita:', 'egov:']
    """
    return list(itertools.chain.from_iterable(map(itertools.repeat, values, counts)))
