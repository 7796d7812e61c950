"""The methods of psp 0.1 still work for one release, each warning with its new spelling."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from typing import Any

import pytest

import psp
from psp import export

PLAN = psp.load("examples/digitale_werkstatt.toml")
SCHEDULE = psp.schedule(PLAN)
REPLAN = psp.replan(PLAN, [psp.Extend("31.12.2021")])

OLD_AND_NEW: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
    ("Project.schedule()", lambda: PLAN.schedule(), lambda: psp.schedule(PLAN)),
    ("Project.delay()", lambda: PLAN.delay("AP3", by=2),
     lambda: psp.apply(PLAN, psp.Delay("AP3", by=2))),
    ("Project.extend()", lambda: PLAN.extend(to="2021-12"),
     lambda: psp.apply(PLAN, psp.Extend("2021-12"))),
    ("Project.with_duration()", lambda: PLAN.with_duration("3.1", 5),
     lambda: psp.apply(PLAN, psp.SetDuration("3.1", 5))),
    ("Project.with_link()", lambda: PLAN.with_link("4.4", "4.5", "SS", lag=1),
     lambda: psp.apply(PLAN, psp.AddLink(psp.Link("4.4", "4.5", "SS", lag=1)))),
    ("Project.without_link()", lambda: PLAN.without_link("2.10", "3.1"),
     lambda: psp.apply(PLAN, psp.RemoveLink("2.10", "3.1"))),
    ("Project.with_progress()",
     lambda: PLAN.with_progress(status="2021-03-29", actual={"3.1": None,
                                                             "2.4": ("2020-12", "2021-02")}),
     lambda: psp.apply(PLAN, psp.Progress("2021-03-29", not_started=["3.1"],
                                          actual={"2.4": ("2020-12", "2021-02")}))),
    ("Schedule.critical_path_table()", lambda: SCHEDULE.critical_path_table("en"),
     lambda: export.critical_path_table(SCHEDULE, lang="en")),
    ("psp.export.as_text()", lambda: export.as_text(SCHEDULE, lang="en"),
     lambda: SCHEDULE.to_text(lang="en")),
    ("Replan.amendment_table()", lambda: REPLAN.amendment_table(format="html"),
     lambda: export.amendment_table(REPLAN, format="html")),
]


@pytest.mark.parametrize(("old", "call", "new"), OLD_AND_NEW, ids=[o for o, _, _ in OLD_AND_NEW])
def test_an_old_method_warns_and_gives_what_the_new_spelling_gives(
    old: str, call: Callable[[], Any], new: Callable[[], Any]
) -> None:
    pattern = re.escape(old.removesuffix("()")) + r"(\(\))? is deprecated and goes in psp 0\.3"
    with pytest.warns(DeprecationWarning, match=pattern):
        got = call()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the new spelling warns about nothing
        expected = new()
    assert (got.to_text() if hasattr(got, "to_text") else got) == (
        expected.to_text() if hasattr(expected, "to_text") else expected)


def test_the_old_gantt_methods_draw_what_psp_gantt_draws() -> None:
    portfolio = psp.schedule_portfolio(psp.load_portfolio("examples/digitale_modellregion.toml"))
    for owner, target in ((SCHEDULE, SCHEDULE), (REPLAN, REPLAN),
                          (portfolio, portfolio.schedule)):
        with pytest.warns(DeprecationWarning, match=r"\.gantt\(\) is deprecated"):
            old = owner.gantt()  # type: ignore[union-attr]
        new = psp.gantt(target)
        assert old.rows == new.rows and len(old.bars) == len(new.bars)


def test_a_positional_lang_still_works_for_one_release_and_warns() -> None:
    with pytest.warns(DeprecationWarning, match=r"pass lang='en' by keyword"):
        text = SCHEDULE.to_text("en")  # type: ignore[misc]
    assert text == SCHEDULE.to_text(lang="en")
    with pytest.warns(DeprecationWarning, match=r"format_date\(…, 'en'\)"):
        day = psp.format_date(SCHEDULE.finish, "en")  # type: ignore[misc]
    assert day == "2021-08-31"
    with pytest.warns(DeprecationWarning):
        reason = REPLAN.shift("4.1", "en").reason  # type: ignore[misc]
    assert reason == REPLAN.shift("4.1", lang="en").reason
