"""Risk: the model and plan file, the report's outputs, the pictures and the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import psp
from psp import Estimate, Month, Project, Task
from psp.cli import main
from psp.risk import compare_risk, simulate

EXAMPLE = Path("examples/digitale_werkstatt_risiko.toml")


@pytest.fixture(scope="module")
def report() -> psp.RiskReport:
    return simulate(psp.load(EXAMPLE), samples=4000, seed=2021)


# --- model and plan file ------------------------------------------------------------


def test_the_risk_example_is_the_main_example_plus_its_uncertainty() -> None:
    plain, risky = psp.load("examples/digitale_werkstatt.toml"), psp.load(EXAMPLE)
    assert risky.tasks == plain.tasks and risky.links == plain.links
    assert psp.schedule(risky).finish == psp.schedule(plain).finish == dt.date(2021, 8, 31)
    assert [r.id for r in risky.risks] == ["pandemie"]
    assert risky.risks[0].delay == (("AP3", 3),)
    assert psp.loads(psp.dumps(risky)) == risky


@pytest.mark.parametrize(("lines", "message"), [
    ('optimistic = 5', "task a: optimistic: expected at least 1 and at most the duration (2), "
                       "got 5"),
    ('optimistic = 0', "task a: optimistic: expected at least 1 and at most the duration (2), "
                       "got 0"),
    ('pessimistic = 1', "task a: pessimistic: expected at least the duration (2), got 1"),
    ('distribution = "normal"', "task a: distribution: expected one of triangular, pert, got "
                                "'normal'"),
    ('optimistic = "1"', "task a: optimistic: expected a whole number of periods, got '1'"),
])
def test_a_bad_estimate_names_file_task_and_key(lines: str, message: str) -> None:
    text = f'[project]\nname = "x"\nstart = "2021-01"\n[[task]]\nid = "a"\nduration = 2\n{lines}\n'
    with pytest.raises(psp.ValidationError) as err:
        psp.loads(text, file="plan.toml")
    assert str(err.value).splitlines()[1].strip() == f"plan.toml: {message}"


@pytest.mark.parametrize(("lines", "message", "code"), [
    ("probability = 1.5", "risk r: probability: expected a probability from 0 to 1 (0.4), "
                          "got 1.5", "invalid-field"),
    ('probability = "hoch"', "risk r: probability: expected a probability from 0 to 1 (0.4), "
                             "got 'hoch'", "wrong-type"),
    ('probability = 0.5\ndelay = { "zz" = 2 }', "risk r: delay: names 'zz', which is neither a "
                                              "task nor a work package of this plan",
     "unknown-task"),
    ('probability = 0.5\ndelay = { "a" = -1 }', "risk r: delay.a: expected a whole number of "
                                              "periods ≥ 0, got -1", "invalid-field"),
    ('probability = 0.5\nnot_before = { "a" = "15.03.2021" }',
     "risk r: not_before: a start-no-earlier-than date must be the first day of a month: "
     "15.03.2021 is not, 01.03.2021 would be", "date-misaligned"),
    ("delay = { a = 1 }", "risk r: probability: required", "missing-key"),
    ("probability = 0.5\nchance = 1", "risk r: chance: unknown key", "unknown-key"),
])
def test_a_bad_risk_names_file_risk_and_key(lines: str, message: str, code: str) -> None:
    text = (f'[project]\nname = "x"\nstart = "2021-01"\n[[task]]\nid = "a"\nduration = 2\n'
            f'[[risk]]\nid = "r"\n{lines}\n')
    with pytest.raises(psp.ValidationError) as err:
        psp.loads(text, file="plan.toml")
    problems = err.value.problems
    assert [p.code for p in problems] == [code]
    assert str(problems[0]).startswith(f"plan.toml: {message}")


def test_estimates_on_milestones_and_unknown_tasks_are_refused() -> None:
    plan = Project("x", Month(2021, 1), tasks=[Task("m", duration=0), Task("a", duration=1)],
                   estimates=[Estimate("m", optimistic=0, pessimistic=1),
                              Estimate("b", optimistic=1, pessimistic=2),
                              Estimate("a", optimistic=1, pessimistic=2),
                              Estimate("a", optimistic=1, pessimistic=3)])
    assert [(p.code, p.entry) for p in psp.problems(plan)] == [
        ("invalid-field", "task m"), ("duplicate-estimate", "task a"),
        ("unknown-task", "task b")]


# --- the report's outputs: one fact reads the same everywhere -----------------------


def test_the_percentiles_read_the_same_in_text_json_and_markdown(report) -> None:
    data = json.loads(report.to_json())
    assert list(data["percentiles"]) == ["P10", "P50", "P80", "P90", "P95"]
    text, markdown = report.to_text(lang="en"), report.to_markdown(lang="en")
    row = next(line for line in text.splitlines() if line.startswith("20"))
    assert row.split() == list(data["percentiles"].values())
    assert "| " + " | ".join(data["percentiles"].values()) + " |" in markdown
    # the JSON distribution is the cumulative share at each finish, ending at 1
    shares = [d["p"] for d in data["distribution"]]
    assert shares == sorted(shares) and shares[-1] == 1.0
    for name, day in data["percentiles"].items():
        q = int(name[1:]) / 100
        first = next(d["finish"] for d in data["distribution"] if d["p"] >= q - 1e-12)
        assert day == first


def test_the_odds_of_the_end_read_the_same_in_text_json_and_chart(report) -> None:
    data = json.loads(report.to_json())
    assert data["p_end"] == report.probability(dt.date(2021, 8, 31))
    shown = f"{round(data['p_end'] * 100)}%"
    assert f"P(finish ≤ 2021-08-31) = {shown}" in report.to_text(lang="en")
    chart = psp.export.risk_chart(report, lang="en")
    texts = [t.get_text() for t in chart.axes["curve"].texts]
    assert f"P(finish ≤ 2021-08-31) = {shown}" in texts
    # the step curve passes through (end, p_end); its last level is 1
    path = chart.curve.get_segments()[0]
    x_end = psp.export._figures.day_number(dt.date(2021, 8, 31))
    assert max(y for x, y in path if x <= x_end) == pytest.approx(data["p_end"])
    assert path[-1][1] == 1.0
    assert chart.ends.get_segments()[0][0][0] == x_end


def test_the_histogram_bars_are_the_finish_distribution(report) -> None:
    chart = psp.export.risk_chart(report, kind="histogram")
    heights = [max(y for _, y in path.vertices) for path in chart.bars.get_paths()]
    assert heights == pytest.approx([c / report.samples for _, c in report.finish_counts])
    assert sum(heights) == pytest.approx(1.0)


def test_the_tornado_ranks_by_the_strength_of_the_correlation(report) -> None:
    chart = psp.export.risk_chart(report, kind="tornado", rows=5)
    widths = [max(abs(x) for x, _ in path.vertices) for path in chart.tornado.get_paths()]
    assert widths == sorted(widths, reverse=True) and len(widths) == 5
    assert chart.rows[0] == "pandemie (40 %)"  # the pandemic moves the finish most
    strongest = max((t for t in report.tasks if t.sensitivity), key=lambda t: t.sensitivity)
    assert strongest.id in chart.rows and strongest.id == "3.1"


def test_the_risk_table_says_the_impact_in_months(report) -> None:
    impact = report.risks[0].impact
    # with the pandemic AP3 starts 3 months later; the end moves about that much
    assert 2.5 < impact < 3.5
    row = next(line for line in report.to_text().splitlines() if line.startswith("pandemie"))
    assert f"+{impact:.1f}".replace(".", ",") + " Monate" in row


def test_a_plan_without_an_end_reports_its_p80() -> None:
    plan = Project("x", Month(2021, 1), tasks=[Task("a", duration=2)],
                   estimates=[Estimate("a", optimistic=1, pessimistic=3)])
    report = simulate(plan, samples=1000, seed=1)
    assert report.p_end is None
    assert report.headline(lang="en") == f"P80 = {report.percentile(80).isoformat()}"


def test_the_seed_makes_the_result_reproducible_and_is_reported() -> None:
    plan = psp.load(EXAMPLE)
    one, two = simulate(plan, samples=500, seed=9), simulate(plan, samples=500, seed=9)
    assert one == two
    chosen = simulate(plan, samples=500)
    assert simulate(plan, samples=500, seed=chosen.seed) == chosen


def test_a_replans_after_is_simulated_as_its_plan() -> None:
    r = psp.replan(psp.load(EXAMPLE), [psp.Extend("31.12.2021")])
    assert simulate(r.after, samples=300, seed=2) == simulate(r.plan, samples=300, seed=2)


def test_too_few_samples_is_a_usage_error() -> None:
    with pytest.raises(psp.UsageError, match="samples"):
        simulate(psp.load(EXAMPLE), samples=1)


def test_the_extension_raises_the_odds_of_the_end() -> None:
    plan = psp.load(EXAMPLE)
    c = compare_risk(psp.replan(plan, [psp.Extend("31.12.2021")]), samples=4000, seed=4)
    assert c.before.p_end < 0.2 < 0.7 < c.after.p_end
    # the same samples: the finish distribution is the same, only the end moved
    assert c.before.finish_counts == c.after.finish_counts
    assert c.after.p_end == c.before.probability(dt.date(2021, 12, 31))


# --- command line -------------------------------------------------------------------


def test_psp_risk_prints_the_report(capsys) -> None:
    assert main(["risk", str(EXAMPLE), "--samples", "2000", "--seed", "5", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    expected = simulate(psp.load(EXAMPLE), samples=2000, seed=5)
    assert out == expected.to_text(lang="en") + "\n"


def test_psp_risk_json_has_the_fixed_keys(capsys) -> None:
    assert main(["risk", str(EXAMPLE), "--samples", "500", "--seed", "5", "--format",
                 "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"samples", "seed", "percentiles", "p_end", "deadlines", "tasks", "risks"} <= set(
        data)
    assert data["samples"] == 500 and data["seed"] == 5
    assert set(data["tasks"][0]) == {"id", "criticality", "sensitivity"}
    assert {"id", "impact"} <= set(data["risks"][0])


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf", "html", "md"])
def test_psp_risk_writes_pictures_and_pages(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"risk.{suffix}"
    assert main(["risk", str(EXAMPLE), "--samples", "300", "--seed", "1", "-o", str(out)]) == 0
    data = out.read_bytes()
    start = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF", "html": b"<!DOCTYPE html>",
             "md": b"# Terminrisiko"}[suffix]
    assert data.startswith(start)


def test_psp_risk_refuses_bad_samples(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["risk", str(EXAMPLE), "--samples", "many"])
    assert exit_.value.code == 2
    assert "expected a whole number from 2 to 10000000, got 'many'" in capsys.readouterr().err


def test_psp_replan_risk_says_the_odds_before_and_after(capsys) -> None:
    assert main(["replan", str(EXAMPLE), "--extend", "31.12.2021", "--risk", "--samples",
                 "2000", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    c = compare_risk(psp.replan(psp.load(EXAMPLE), [psp.Extend("31.12.2021")]), samples=2000,
                     seed=3)
    assert c.headline() in out.splitlines()
    assert main(["replan", str(EXAMPLE), "--extend", "31.12.2021", "--risk", "--samples",
                 "2000", "--seed", "3", "--format", "markdown"]) == 0
    assert f"{c.headline()}  " in capsys.readouterr().out.splitlines()
    assert main(["replan", str(EXAMPLE), "--extend", "31.12.2021", "--risk", "--samples",
                 "2000", "--seed", "3", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["risk"]["before"]["p_end"] == c.before.p_end
    assert data["risk"]["after"]["p_end"] == c.after.p_end


def test_psp_replan_risk_on_a_plan_without_uncertainty_is_a_usage_error(capsys) -> None:
    assert main(["replan", "examples/digitale_werkstatt.toml", "--extend", "31.12.2021",
                 "--risk"]) == 2
    assert "no uncertainty to sample" in capsys.readouterr().err


def test_converting_to_another_tool_names_the_estimates_and_risks_it_leaves_out(
        tmp_path: Path, capsys) -> None:
    for suffix in ("xml", "gan", "tjp", "csv"):
        assert main(["convert", str(EXAMPLE), str(tmp_path / f"plan.{suffix}")]) == 0
        err = capsys.readouterr().err
        estimates = next(line for line in err.splitlines() if ": estimates: " in line)
        assert "(task 1.3, task 1.4, task 2.2" in estimates
        assert any(line.endswith("risk events: left out (risk pandemie)")
                   for line in err.splitlines())


def test_psp_risk_on_a_portfolio_says_it_takes_one_plan(capsys) -> None:
    assert main(["risk", "examples/digitale_modellregion.toml"]) == 2
    assert "risk takes one plan" in capsys.readouterr().err
