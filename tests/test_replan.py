"""Replanning: changes as values, the baseline untouched, shifts with reasons, verdicts."""

from __future__ import annotations

import datetime as dt

import pytest

import psp
from psp import AddLink, Delay, Extend, Month, Progress, RemoveLink, SetDuration

D = dt.date
PLAN = psp.load("examples/digitale_werkstatt.toml")


def test_the_baseline_is_never_modified() -> None:
    copy = psp.load("examples/digitale_werkstatt.toml")
    psp.apply(PLAN, psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021"),
              psp.SetDuration("2.2", 3))
    psp.replan(PLAN, [Delay("AP3", by=2), Extend(to="2021-12"), Progress("2021-03-29")])
    assert copy == PLAN
    assert psp.schedule(PLAN) == psp.schedule(copy)


def test_scenario_2_and_3_through_the_api() -> None:
    delayed = psp.schedule(psp.apply(PLAN, psp.Delay("3.1", until=Month(2021, 6))))
    assert (delayed.finish, delayed.slack) == (D(2021, 11, 30), -3)
    assert delayed.critical_path == ("3.1", "4.2", "4.4", "4.5")
    r = psp.replan(PLAN, [Delay("3.1", until="2021-06"), Extend(to="31.12.2021")])
    assert (r.after.finish, r.after.slack, r.before.slack) == (D(2021, 11, 30), 1, 0)
    assert r.after.critical_path == ("3.1", "4.2", "4.4", "4.5")
    assert (r.after["4.1"].finish, r.after["1.1"].total_float) == (D(2021, 12, 31), 4)
    assert r.late_tasks == ()
    assert psp.replan(PLAN, [Delay("3.1", until="2021-06")]).late_tasks == (
        "3.1", "3.2", "3.3", "4.2", "4.4", "4.5")


def test_shifts_and_reasons() -> None:
    r = psp.replan(PLAN, [Delay("3.1", until="2021-06")])
    reasons = {s.id: s.reason for s in r.shifts(lang="en", moved_only=True)}
    assert reasons["3.1"] == "3.1 starts Jun'21: start no earlier than 06/2021"
    assert reasons["4.4"] == "4.4 starts Oct'21: after 3.1 finishes (FS)"
    assert reasons["3.2"] == "3.2 starts Jun'21: after 3.1 starts (SS)"
    assert reasons["4.1"] == "4.1 runs to the project finish Nov'21: level of effort"
    assert set(reasons) == {"3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "4.5"}
    s = r.shift("4.4")
    assert (s.start_shift, s.finish_shift) == (3, 3)
    assert s.reason == "4.4 beginnt Okt'21: nach Ende von 3.1 (FS)"
    assert r.shift("1.1") == psp.TaskShift("1.1", 0, 0)
    assert (r.shift("1.1").reason, r.shift("1.1").cause) == ("", None)


def test_a_shift_carries_its_cause_as_values_and_prose_is_made_from_them() -> None:
    r = psp.replan(PLAN, [Delay("3.1", until="2021-06"), Extend(to="31.12.2021")])
    link = r.shift("4.4").cause
    assert link == psp.Cause(psp.CauseKind.LINK, link=psp.Link("3.1", "4.4"))
    bound = r.shift("3.1").cause
    assert bound == psp.Cause(psp.CauseKind.NOT_BEFORE, date=D(2021, 6, 1))
    effort = r.shift("4.1")
    assert (effort.cause, effort.moved, effort.date) == (
        psp.Cause(psp.CauseKind.LEVEL_OF_EFFORT), psp.Moved.RUN, D(2021, 12, 31))  # the new end
    longer = psp.replan(PLAN, [psp.SetDuration("2.6", 3)]).shift("2.6")
    assert longer.cause == psp.Cause(psp.CauseKind.DURATION, durations=(1, 3))
    assert longer.explanation == "Dauer 1 → 3" and longer.moved is psp.Moved.FINISH
    late = psp.replan(PLAN, [psp.Progress("2021-03-29", not_started=["3.1"])]).shift("3.1")
    assert late.cause == psp.Cause(psp.CauseKind.STATUS, date=D(2021, 3, 29))


def test_verdicts_in_both_languages() -> None:
    r = psp.replan(PLAN, [Delay("3.1", until="2021-06")])
    assert r.verdict() == ("Vertragsende 31.08.2021 genau eingehalten → Vertragsende "
                           "31.08.2021 um 3 Monate überschritten (berechnetes Ende 30.11.2021)")
    r = psp.replan(PLAN, [Extend(to="2021-12-31")])
    assert r.verdict(lang="en").endswith("met with 4 months of slack (computed finish 2021-08-31)")


def test_delay_by_periods_applies_to_each_task_of_a_package() -> None:
    later = psp.schedule(psp.apply(PLAN, psp.Delay("AP3", by=2)))
    assert [later[t].start for t in ("3.1", "3.2", "3.3")] == [D(2021, 5, 1)] * 3
    assert later.slack == -2


def test_a_delay_never_pulls_a_start_forward() -> None:
    once = psp.apply(PLAN, psp.Delay("3.1", until="2021-08"))
    again = psp.apply(once, psp.Delay("3.1", until="2021-06"))
    assert psp.schedule(again)["3.1"].start == D(2021, 8, 1)


def test_with_duration_link_changes_and_milestones() -> None:
    assert psp.schedule(psp.apply(PLAN, psp.SetDuration("3.1", 5))).finish == D(2021, 9, 30)
    assert psp.apply(PLAN, psp.SetDuration("2.6", 0)).task("2.6").kind is psp.TaskKind.MILESTONE
    linked = psp.apply(PLAN, psp.AddLink(psp.Link("4.4", "4.5")))
    assert psp.schedule(linked)["4.5"].start == D(2021, 9, 1)
    freed = psp.apply(PLAN, psp.RemoveLink("2.10", "3.1"))
    assert "2.10" not in {lk.predecessor for lk in freed.links if lk.successor == "3.1"}
    fewer = psp.apply(PLAN, psp.RemoveLink("3.1", "3.2", "FF"))
    assert fewer.links.count(psp.Link("3.1", "3.2", "SS")) == 1


@pytest.mark.parametrize(
    ("change", "error", "text"),
    [
        (Delay("9.9", until="2021-06"), psp.UnknownIdError, "no task or package '9.9'"),
        (Delay("3.1", until="2020-06"), psp.ChangeError, "before the project start"),
        (Delay("4.1", by=1), psp.ChangeError, "level of effort"),
        (Delay("3.1", until="2021-06-15"), psp.DateAlignmentError, "first day of a month"),
        (Extend(to="2020-06-30"), psp.ChangeError, "before the project start"),
        (SetDuration("4.1", 3), psp.ChangeError, "level of effort"),
        (SetDuration("3.1", -1), psp.FieldError, "Task.duration"),
        (RemoveLink("1.1", "3.1"), psp.ChangeError, "no link from 1.1 to 3.1"),
        (AddLink(psp.Link("4.5", "1.1")), psp.ValidationError, "cycle"),
        (Progress("2020-06-01"), psp.ChangeError, "status date 01.06.2020"),
        (Progress("2021-03-29", not_started=["9.9"]), psp.UnknownIdError, "9.9"),
        (Progress("2021-03-29", actual=[psp.Actual("2.4", Month(2020, 12), Month(2020, 11))]),
         psp.ValidationError, "finished 30.11.2020, before it started 01.12.2020"),
        (Progress("2021-03-29", actual=[psp.Actual("3.1", Month(2021, 5))]),
         psp.ValidationError, "after the status date"),
    ],
)
def test_bad_changes_raise_clear_errors_and_change_nothing(
    change: psp.Change, error: type, text: str
) -> None:
    with pytest.raises(error, match=text):
        psp.apply(PLAN, change)
    assert psp.load("examples/digitale_werkstatt.toml") == PLAN


def test_change_values_are_checked_and_parsed() -> None:
    with pytest.raises(psp.FieldError, match="exactly one of until= and by="):
        Delay("3.1")
    with pytest.raises(psp.FieldError, match=r"Delay\.by"):
        Delay("3.1", by=-1)
    with pytest.raises(psp.DateParseError, match="'Juni'"):
        Delay.from_string("3.1=Juni")
    with pytest.raises(psp.DateParseError, match="ID=MONTH"):
        Delay.from_string("3.1")
    assert Delay.from_string("AP3=+2") == Delay("AP3", by=2)
    assert Delay.from_string("3.1=Jun'21") == Delay("3.1", until=Month(2021, 6))


def test_progress_keeps_actuals_and_starts_nothing_open_before_the_status_date() -> None:
    late = psp.apply(PLAN, psp.Progress("2021-03-29", actual={"2.4": ("2020-12", "2021-02")},
                                     not_started=["3.1"]))
    s = psp.schedule(late)
    assert (s["2.4"].start, s["2.4"].finish, s["2.4"].progress) == (
        D(2020, 12, 1), D(2021, 2, 28), "finished")
    assert s["3.1"].start == D(2021, 4, 1) and s["3.1"].progress == "planned"
    assert s["3.1"].driver == "status"
    for t in ("3.2", "3.3", "4.2"):  # tied to 3.1's start, so not started either
        assert s[t].progress == "planned" and s[t].start >= D(2021, 3, 29)
    assert s["1.1"].progress == "finished" and s["1.1"].total_float == 0
    assert "1.1" not in s.critical_path  # what is done cannot be critical
    assert s.critical_path == ("3.1", "4.2", "4.4", "4.5")


def test_a_started_task_finishes_its_remaining_duration() -> None:
    # 3.1 started in March as planned and runs 4 months: its remaining work ends in June.
    started = psp.apply(PLAN, psp.Progress("2021-04-15", actual={"3.1": ("2021-03", None)}))
    s = psp.schedule(started)
    assert (s["3.1"].start, s["3.1"].finish, s["3.1"].progress) == (
        D(2021, 3, 1), D(2021, 6, 30), "started")
    # Started so late that the status date lies past its planned end: it ends with the status.
    overdue = psp.apply(PLAN, psp.Progress("2021-08-10", actual={"3.1": ("2021-03", None)}))
    assert psp.schedule(overdue)["3.1"].finish == D(2021, 8, 31)


def test_replan_with_no_changes_returns_the_baseline() -> None:
    r = psp.replan(PLAN, [])
    assert r.plan == PLAN and r.after == r.before
    assert all(not (s.start_shift or s.finish_shift) for s in r.shifts())
    assert "Keine Aufgabe verschiebt sich." in str(r)


def test_replan_displays() -> None:
    r = psp.replan(PLAN, [Delay("3.1", until="2021-06"), Extend(to="31.12.2021")])
    text = str(r)
    assert "Änderungen: 3.1 nicht vor Jun'21; Vertragsende 31.08.2021 → 31.12.2021" in text
    assert "4.4  Jul'21–Aug'21  Okt'21–Nov'21      +3    +3  nach Ende von 3.1 (FS)" in text
    assert "<td>4.4</td>" in r._repr_html_()


def test_the_story_script_tells_the_story() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "examples/replanning.py"], capture_output=True,
                         text=True, check=True, encoding="utf-8").stdout
    assert "finish 31.08.2021, contractual end 31.08.2021, slack +0 months" in out
    assert "the end 31.08.2021 is missed by 3 months" in out
    assert "finish 30.11.2021, slack +1 month" in out
    assert "Cost-neutral extension: the total cost stays €200,800." in out


def test_the_text_names_the_tasks_that_finish_after_the_end() -> None:
    text = psp.replan(PLAN, [Delay("3.1", until="2021-06")]).to_text(lang="en")
    assert "finish after the contractual end: 3.1, 3.2, 3.3, 4.2, 4.4, 4.5" in text
    assert "Enden nach" not in str(psp.replan(PLAN, [Extend(to="31.12.2021")]))


def test_a_replan_by_periods_runs_the_passes_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    """The baseline's schedule serves both the delay and the comparison (issue 10)."""
    from psp.engine import _cpm

    plans: list[psp.Project] = []
    passes = _cpm.schedule_within

    def counted(project: psp.Project, within: object) -> psp.Schedule:
        plans.append(project)
        return passes(project, within)  # type: ignore[arg-type]

    monkeypatch.setattr(_cpm, "schedule_within", counted)
    plan = psp.load("examples/digitale_werkstatt.toml")  # fresh: nothing remembered yet
    result = psp.replan(plan, [Delay("AP3", by=2)])
    assert plans == [plan, result.plan]
