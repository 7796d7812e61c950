"""Milestone trend analysis: forecasts against versions computed independently."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

import psp
import psp.cli
from psp.analysis import Trend, milestone_trend, month_shift
from psp.io import git_versions, plan_versions

D = dt.date
EXAMPLES = Path(__file__).parent.parent / "examples"
FIRST = EXAMPLES / "digitale_strategie_2017.toml"
LATER = EXAMPLES / "digitale_strategie.toml"


def _by_hand(plan: psp.Project) -> dict[str, dt.date]:
    """The forecasts of one version: each milestone's date, each event's day."""
    s = psp.schedule(plan)
    found = {t.id: t.start for t in s if t.duration == 0 and t.kind.value == "milestone"}
    found |= {e.id: e.date for e in plan.events}
    return found


def test_the_forecasts_are_each_versions_milestone_dates_and_event_days() -> None:
    versions = plan_versions([FIRST, LATER])
    trend = milestone_trend([v.plan for v in versions])
    assert trend.report_dates == (D(2017, 12, 5), D(2018, 3, 31))
    for n, version in enumerate(versions):
        expected = _by_hand(version.plan)
        got = {s.id: s.forecasts[n].date for s in trend.series if s.forecasts[n] is not None}
        assert got == expected


def test_the_strategy_examples_verdicts() -> None:
    trend = milestone_trend([psp.load(FIRST), psp.load(LATER)])
    # the draft, planned for February, came in March: M1 and what follows slip a month
    assert [f.date for f in trend["M1"].known] == [D(2018, 2, 28), D(2018, 3, 31)]
    assert trend["M1"].trend is Trend.SLIPPING and trend["M1"].shift_months == 1
    assert trend["M2"].verdict(lang="de") == "verschoben um 1 Monat"
    assert trend["V2025"].trend is Trend.STABLE
    assert trend["ag1"].known[0].reached and trend["M1"].known[-1].reached
    assert trend["ag2"].forecasts[0] is None  # the second meeting is in the later plan only


def test_a_pulled_in_milestone_and_a_shift_in_days() -> None:
    early = psp.Project("x", "2021-01", unit="day", tasks=[psp.Task("a", duration=10),
                        psp.Task("M")], links=[psp.Link("a", "M")])
    late = psp.apply(early, psp.SetDuration("a", 7))
    trend = milestone_trend([early, late], report_dates=[D(2021, 1, 1), D(2021, 1, 2)])
    assert trend["M"].shift_days == -3 and trend["M"].verdict(lang="en") == (
        "pulled in by 3 days")


@pytest.mark.parametrize(("first", "last", "months"), [
    (D(2018, 2, 28), D(2018, 3, 31), 1), (D(2018, 1, 31), D(2018, 2, 28), 1),
    (D(2018, 3, 13), D(2018, 5, 13), 2), (D(2018, 3, 13), D(2018, 3, 20), None),
    (D(2018, 3, 31), D(2018, 1, 31), -2)])
def test_month_shift(first: dt.date, last: dt.date, months: int | None) -> None:
    assert month_shift(first, last) == months


def test_versions_need_report_dates_in_order() -> None:
    plan = psp.load(EXAMPLES / "digitale_werkstatt.toml")
    with pytest.raises(psp.UsageError, match="needs a report date"):
        milestone_trend([plan])
    with pytest.raises(psp.UsageError, match="oldest first"):
        milestone_trend([psp.load(LATER), psp.load(FIRST)])


def test_the_table_csv_json_and_chart_say_the_same_numbers(tmp_path: Path, capsys) -> None:
    assert psp.cli.main(["mta", str(FIRST), str(LATER), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    m1 = next(m for m in data["milestones"] if m["id"] == "M1")
    assert [f["date"] for f in m1["forecasts"]] == ["2018-02-28", "2018-03-31"]
    assert m1["trend"] == "slipping" and m1["shift_months"] == 1
    assert psp.cli.main(["mta", str(FIRST), str(LATER), "--format", "csv"]) == 0
    rows = [line.split(",") for line in capsys.readouterr().out.splitlines()]
    assert rows[0][2:4] == ["2017-12-05", "2018-03-31"]
    assert ["M1", "Erster Entwurf in der AG vorgestellt", "2018-02-28", "2018-03-31 ✓",
            "slipping by 1 month"] in rows
    from matplotlib.dates import num2date

    trend = milestone_trend([psp.load(FIRST), psp.load(LATER)])
    chart = psp.mta_chart(trend)
    offsets = chart.marks.get_offsets()
    (first, last) = [offsets[i] for i in chart.points["M1"]]
    assert num2date(first[0]).date() == D(2017, 12, 5)
    assert num2date(first[1]).date() == D(2018, 2, 28)
    assert num2date(last[0]).date() == num2date(last[1]).date() == D(2018, 3, 31)  # diagonal
    for suffix in (".png", ".svg", ".html"):
        out = tmp_path / f"mta{suffix}"
        assert psp.cli.main(["mta", str(FIRST), str(LATER), "-o", str(out)]) == 0
        assert out.stat().st_size > 1000


def _commit(folder: Path, day: str, message: str) -> None:
    git = ["git", "-C", str(folder), "-c", "user.name=psp", "-c", "user.email=p@s.p"]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", message, "--date", f"{day}T12:00"], check=True)


def test_git_versions_read_each_commit_of_the_file_oldest_first(tmp_path: Path,
                                                                 capsys) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    plan = tmp_path / "plan.toml"
    plan.write_text(FIRST.read_text(encoding="utf-8"), encoding="utf-8")
    _commit(tmp_path, "2017-12-06", "first")
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    _commit(tmp_path, "2018-01-10", "not the plan")
    no_status = LATER.read_text(encoding="utf-8").replace('status = "2018-03-31"\n', "")
    no_status = "\n".join(line for line in no_status.splitlines()
                          if not line.startswith("actual_"))
    no_status = no_status.replace("duration = 3", "duration = 4", 1)  # the draft took longer
    plan.write_text(no_status, encoding="utf-8")
    _commit(tmp_path, "2018-04-02", "draft came in March")
    versions = git_versions(plan)
    # the first has a status (05.12.2017); the second has none: its commit date
    assert [v.report_date for v in versions] == [D(2017, 12, 5), D(2018, 4, 2)]
    assert psp.cli.main(["mta", str(plan), "--git", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    m1 = next(m for m in data["milestones"] if m["id"] == "M1")
    assert [f["date"] for f in m1["forecasts"]] == ["2018-02-28", "2018-03-31"]


def test_git_errors_are_one_clear_line(tmp_path: Path, capsys) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(FIRST.read_text(encoding="utf-8"), encoding="utf-8")
    assert psp.cli.main(["mta", str(plan), "--git"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("psp mta: error: git ")
