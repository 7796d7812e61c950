"""Counted words in German and English: one place for units and their plurals.

German needs the case as well as the number: "Puffer +1 Monat", "um 2 Monate
überschritten", but "mit 4 Monaten Puffer" (dative plural).
"""

from __future__ import annotations

from typing import Literal

__all__ = ["periods"]

Case = Literal["nominative", "dative"]

_FORMS: dict[tuple[str, str], tuple[str, str, str]] = {
    # (lang, unit): (singular, plural, dative plural)
    ("de", "month"): ("Monat", "Monate", "Monaten"),
    ("de", "week"): ("Woche", "Wochen", "Wochen"),
    ("de", "day"): ("Tag", "Tage", "Tagen"),
    ("en", "month"): ("month", "months", "months"),
    ("en", "week"): ("week", "weeks", "weeks"),
    ("en", "day"): ("day", "days", "days"),
}


def periods(count: int, unit: str, lang: str, *, case: Case = "nominative",
            sign: bool = False) -> str:
    """``count`` periods of ``unit`` with the right word: singular only for ±1.

    Examples
    --------
    >>> periods(1, "month", "de", sign=True), periods(4, "month", "de", case="dative")
    ('+1 Monat', '4 Monaten')
    >>> periods(0, "week", "en", sign=True), periods(-1, "day", "en")
    ('+0 weeks', '-1 day')
    """
    one, many, dative = _FORMS[(lang, str(unit))]
    word = one if abs(count) == 1 else dative if case == "dative" else many
    number = f"{count:+d}" if sign else str(count)
    return f"{number} {word}"
