"""Money as exact decimals: reading what council papers write, and rounding by a stated rule.

``78.400,00 €`` is 78400 (German: ``.`` groups thousands, ``,`` starts the cents).
A text that could be read two ways (``78.40``, ``1,234.5``) is refused rather than
guessed: a misread amount is worse than an error.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import ClassVar

from psp._support.compat import lang_keyword
from psp.errors import MoneyError

__all__ = ["Rounding", "format_money", "parse_decimal", "parse_money"]

# Patterns `re` compiles on first use and keeps: most plans hold no money.
_GERMAN = r"-?\d{1,3}(\.\d{3})*(,\d{1,2})?|-?\d+(,\d{1,2})?"


def parse_money(value: object) -> Decimal:
    """An amount in euros as an exact `Decimal`.

    Accepts numbers (``78400``, ``78400.5``) and German texts (``78.400``,
    ``78.400,00 €``, ``56500 EUR``, ``-246.700 €``).

    Parameters
    ----------
    value : int, float, Decimal or str
        A number, or a German amount (``78.400,00 €``).

    Returns
    -------
    Decimal
        The exact amount in euros.

    Raises
    ------
    MoneyError
        For anything else, with the text it could not read.

    Examples
    --------
    >>> parse_money("78.400,00 €"), parse_money(79300), parse_money("70.620 €")
    (Decimal('78400.00'), Decimal('79300'), Decimal('70620'))
    >>> parse_money("78.40")
    Traceback (most recent call last):
    ...
    psp.errors.MoneyError: cannot read '78.40' as euros: write 78.400 (German thousands), ...
    """
    if isinstance(value, bool):
        raise MoneyError(f"cannot read {value!r} as euros")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, str):
        raise MoneyError(f"cannot read {value!r} as euros")
    text = value.strip().removesuffix("€").removesuffix("EUR").strip().replace(" ", "")
    if not re.fullmatch(_GERMAN, text):
        raise MoneyError(f"cannot read {value!r} as euros: write 78.400 (German thousands), "
                         "78,40 (German cents) or a plain number")
    return Decimal(text.replace(".", "").replace(",", "."))


_PLAIN = r"-?\d+([.,]\d+)?"


def parse_decimal(value: object) -> Decimal:
    """A plain number (a share, a rate, a step) as a `Decimal`: ``0,5``, ``0.5555``, ``2``.

    Unlike money it takes any number of decimals and no thousands separators.

    Examples
    --------
    >>> parse_decimal("0,5555"), parse_decimal(0.5), parse_decimal("2")
    (Decimal('0.5555'), Decimal('0.5'), Decimal('2'))
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return parse_money(value)
    if isinstance(value, str) and re.fullmatch(_PLAIN, value.strip()):
        return Decimal(value.strip().replace(",", "."))
    raise MoneyError(f"cannot read {value!r} as a number")


class Rounding:
    """How each money cell is rounded: to a step (0.01, 1, 100 …) and by a mode.

    Modes: ``half_up`` (commercial rounding, the default), ``half_even``, ``down``, ``up``.

    Examples
    --------
    >>> Rounding(100)(Decimal("26133.33")), Rounding(100, "half_even")(Decimal("28250"))
    (Decimal('26100'), Decimal('28200'))
    """

    MODES: ClassVar[dict[str, str]] = {
        "half_up": decimal.ROUND_HALF_UP, "half_even": decimal.ROUND_HALF_EVEN,
        "down": decimal.ROUND_DOWN, "up": decimal.ROUND_UP,
    }

    def __init__(self, step: object = "0.01", mode: str = "half_up") -> None:
        self.step = parse_decimal(step)
        if self.step <= 0:
            raise MoneyError(f"a rounding step must be positive, not {step!r}")
        if mode not in self.MODES:
            raise MoneyError(f"rounding mode {mode!r} is none of {', '.join(self.MODES)}")
        self.mode = mode

    def __call__(self, amount: Decimal) -> Decimal:
        steps = (amount / self.step).quantize(Decimal(1), rounding=self.MODES[self.mode])
        result = steps * self.step
        return result.quantize(self.step) if self.step < 1 else result.quantize(Decimal(1))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rounding) and (self.step, self.mode) == (other.step, other.mode)

    def __hash__(self) -> int:
        return hash((self.step, self.mode))

    def __repr__(self) -> str:
        return f"Rounding({str(self.step)!r}, {self.mode!r})"


@lang_keyword
def format_money(amount: Decimal, *, lang: str = "de") -> str:
    """``78.400 €`` (German) or ``€78,400`` (English); cents only when there are any.

    Parameters
    ----------
    amount : Decimal
        Euros.
    lang : {"de", "en"}
        German ``78.400 €`` or English ``€78,400``.

    Returns
    -------
    str

    Examples
    --------
    >>> format_money(Decimal("-246700")), format_money(Decimal("89255.6"))
    ('-246.700 €', '89.255,60 €')
    >>> format_money(Decimal("1234"), lang="en")
    '€1,234'
    """
    cents = amount != amount.to_integral_value()
    text = f"{abs(amount):,.2f}" if cents else f"{abs(amount):,.0f}"
    sign = "-" if amount < 0 else ""
    if lang == "en":
        return f"{sign}€{text}"
    return sign + text.replace(",", "_").replace(".", ",").replace("_", ".") + " €"
