"""The words table: every phrase and heading in both languages, with the same blanks."""

from __future__ import annotations

import string

import pytest

from psp._support import words


def blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(words.PHRASES))
def test_every_phrase_has_both_languages_with_the_same_blanks(key: str) -> None:
    both = words.PHRASES[key]
    assert set(both) == {"de", "en"}
    assert blanks(both["de"]) == blanks(both["en"]), key


def test_headings_and_labels_have_both_languages_of_the_same_shape() -> None:
    for name, both in words.HEADINGS.items():
        assert set(both) == {"de", "en"} and len(both["de"]) == len(both["en"]), name
    for name, both in words.LABELS.items():
        assert set(both) == {"de", "en"} and set(both["de"]) == set(both["en"]), name
        for key in both["de"]:
            assert blanks(both["de"][key]) == blanks(both["en"][key]), (name, key)
    for both in (words.MONTH_NAMES["de"], words.MONTH_NAMES["en"]):
        assert len(both["short"]) == len(both["full"]) == 12


def test_a_phrase_is_filled_with_values_not_parsed() -> None:
    assert words.phrase("verdict.exact", "de", end="31.08.2021") == (
        "Vertragsende 31.08.2021 genau eingehalten")
    assert words.unit_name("week", "de") == "Wochen"
