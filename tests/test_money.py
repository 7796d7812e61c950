"""Money: German amounts read exactly, ambiguous text refused, rounding by a stated rule."""

from __future__ import annotations

from decimal import Decimal

import pytest

import psp
from psp._support.money import Rounding, parse_decimal


@pytest.mark.parametrize(
    ("text", "value"),
    [("78.400,00 €", "78400"), ("78.400 €", "78400"), ("78400", "78400"), ("70.620", "70620"),
     ("1.081.600 EUR", "1081600"), ("-246.700 €", "-246700"), ("89.255,60 €", "89255.6"),
     ("0,5", "0.5"), (78400, "78400"), (0.5, "0.5"), (" 56 500 € ", "56500")],
)
def test_reads_german_amounts(text: object, value: str) -> None:
    assert psp.parse_money(text) == Decimal(value)


@pytest.mark.parametrize("text", ["78.40", "1,234.50", "78.4000", "12,345", "€", "", "zehn",
                                  True, None, "78.400,001"])
def test_refuses_what_it_would_have_to_guess(text: object) -> None:
    with pytest.raises(psp.MoneyError):
        psp.parse_money(text)


def test_plain_numbers_take_any_decimals() -> None:
    assert parse_decimal("0,5555") == Decimal("0.5555")
    with pytest.raises(psp.MoneyError):
        parse_decimal("1.000,5")


@pytest.mark.parametrize(
    ("mode", "amount", "rounded"),
    [("half_up", "28250", "28300"), ("half_even", "28250", "28200"), ("down", "37664", "37600"),
     ("up", "37601", "37700"), ("half_up", "-28250", "-28300")],
)
def test_rounding_modes(mode: str, amount: str, rounded: str) -> None:
    assert Rounding(100, mode)(Decimal(amount)) == Decimal(rounded)


def test_rounding_to_cents_and_errors() -> None:
    assert Rounding()(Decimal("66933.3333")) == Decimal("66933.33")
    with pytest.raises(psp.MoneyError):
        Rounding(0)
    with pytest.raises(psp.MoneyError, match="none of"):
        Rounding(1, "bankers")


def test_format_money() -> None:
    assert psp.format_money(Decimal("872500")) == "872.500 €"
    assert psp.format_money(Decimal("89255.60")) == "89.255,60 €"
    assert psp.format_money(Decimal("-1234.5"), lang="en") == "-€1,234.50"
