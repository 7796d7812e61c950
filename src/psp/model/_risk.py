"""Uncertainty in a plan: three-point estimates of durations and risk events.

An `Estimate` widens one task's duration into a range: the task's ``duration`` stays the
most likely value, ``optimistic`` and ``pessimistic`` bound it, and a distribution
(`Distribution`) says how the values between are weighted. A `Risk` is something that
may happen with a probability; when it does, it delays tasks or whole work packages by
whole periods or holds them until a date. Neither changes the plan's deterministic
schedule: `psp.simulate` samples them.

What one object can check by itself is checked here; what needs the plan (the task
exists, ``optimistic ≤ duration ≤ pessimistic``, the targets are known) by `psp.validate`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from psp.errors import FieldError, FieldTypeError
from psp.model._fields import check_id, check_int, check_text, is_id, to_day, to_enum

__all__ = ["Distribution", "Estimate", "Risk"]


class Distribution(enum.StrEnum):
    """How a three-point estimate weights the values between its bounds."""

    TRIANGULAR = "triangular"
    """The triangle through optimistic, most likely and pessimistic (the default)."""
    PERT = "pert"
    """The beta-PERT distribution: smoother, more weight near the most likely value."""


def _distribution(value: object) -> Distribution:
    return to_enum(Distribution, "Estimate", "distribution", value)


@attrs.frozen
class Estimate:
    """A three-point estimate of a task's duration, in whole periods.

    The task's own ``duration`` is the most likely value. A sampled duration is
    rounded to the nearest whole period (halves up) and never leaves
    ``optimistic … pessimistic``.

    Examples
    --------
    >>> Estimate("3.1", optimistic=3, pessimistic=7)
    Estimate(task='3.1', optimistic=3, pessimistic=7, distribution=<Distribution.TRIANGULAR: 'triangular'>)
    >>> Estimate("3.1", optimistic=5, pessimistic=4)
    Traceback (most recent call last):
    ...
    psp.errors.FieldError: Estimate.pessimistic: expected a whole number of periods ≥ optimistic (5), got 4
    """  # noqa: E501

    task: str = attrs.field(validator=check_id("Estimate"))
    optimistic: int = attrs.field(kw_only=True, validator=check_int("Estimate", 0))
    pessimistic: int = attrs.field(kw_only=True, validator=check_int("Estimate", 0))
    distribution: Distribution = attrs.field(
        default=Distribution.TRIANGULAR, converter=_distribution, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.pessimistic < self.optimistic:
            raise FieldError("Estimate", "pessimistic",
                             f"a whole number of periods ≥ optimistic ({self.optimistic})",
                             self.pessimistic)


def _probability(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | Fraction):
        raise FieldTypeError("Risk", "probability", "a probability from 0 to 1 (0.4)", value)
    number = float(value)
    if not 0 <= number <= 1:  # also refuses nan
        raise FieldError("Risk", "probability", "a probability from 0 to 1 (0.4)", value)
    return number


def _pairs(value: object, field: str) -> tuple[tuple[str, object], ...]:
    """A mapping (as the plan file writes it) or pairs, as pairs in the order given."""
    items = value.items() if isinstance(value, Mapping) else value
    if isinstance(items, str | bytes) or not hasattr(items, "__iter__"):
        raise FieldTypeError("Risk", field, "a table of task or package ids", value)
    pairs = []
    for item in items:
        if not (isinstance(item, tuple) and len(item) == 2):
            raise FieldTypeError("Risk", field, "a table of task or package ids", value)
        target, effect = item
        if not is_id(target):
            raise FieldError("Risk", field, "task or package ids as keys", target)
        pairs.append((target, effect))
    return tuple(pairs)


def _delays(value: object) -> tuple[tuple[str, int], ...]:
    pairs = _pairs(value, "delay")
    for target, periods in pairs:
        if isinstance(periods, bool) or not isinstance(periods, int) or periods < 0:
            raise FieldError("Risk", f"delay.{target}", "a whole number of periods ≥ 0",
                             periods)
    return pairs  # type: ignore[return-value]


def _not_before(value: object) -> tuple[tuple[str, dt.date], ...]:
    return tuple((target, to_day("Risk", f"not_before.{target}", day, edge="start"))
                 for target, day in _pairs(value, "not_before"))


@attrs.frozen
class Risk:
    """A risk event: it happens with ``probability`` and then delays tasks or packages.

    ``delay`` maps task or package ids to whole periods: such a task (each task of
    such a package) starts no earlier than that many periods after the early start it
    would have without this event, as `psp.Delay` with ``by=`` does in replanning.
    ``not_before`` maps ids to dates the tasks may not start before when it happens.
    Events are independent of each other.

    Examples
    --------
    >>> r = Risk("pandemie", "Pandemie: keine Präsenzschulungen", probability=0.4,
    ...          delay={"AP3": 3})
    >>> r.delay, r.probability
    ((('AP3', 3),), 0.4)
    >>> Risk("x", probability=1.5)
    Traceback (most recent call last):
    ...
    psp.errors.FieldError: Risk.probability: expected a probability from 0 to 1 (0.4), got 1.5
    """

    id: str = attrs.field(validator=check_id("Risk"))
    name: str = attrs.field(default="", validator=check_text("Risk"))
    probability: float = attrs.field(kw_only=True, converter=_probability)
    delay: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_delays,
                                                     kw_only=True)
    not_before: tuple[tuple[str, dt.date], ...] = attrs.field(
        default=(), converter=_not_before, kw_only=True)

    @property
    def targets(self) -> tuple[str, ...]:
        """Every task or package id the event affects, each once, in the order given."""
        return tuple(dict.fromkeys([t for t, _ in self.delay] + [t for t, _ in self.not_before]))
