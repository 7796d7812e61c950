"""The command line on real files: in this process (`tests.cli`), and a few runs as a process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import psp
from tests.cli import psp_cli

EXAMPLE = "examples/digitale_werkstatt.toml"


def psp_process(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m psp ARGS`` as a separate process, for what only a process shows.

    Its standard streams are buffered, as in a user's shell (this machine's
    PYTHONUNBUFFERED would hide output that is never flushed).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run([sys.executable, "-m", "psp", *args], capture_output=True,
                          text=True, encoding="utf-8", check=False, env=env)


def test_check_ok_is_silent_and_exits_0() -> None:
    result = psp_process("check", EXAMPLE)  # end to end: the installed module runs
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_check_prints_one_line_per_problem_and_exits_1() -> None:
    result = psp_cli("check", "tests/data/errors/many_problems.toml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 7
    assert all(line.startswith("tests/data/errors/many_problems.toml: ") for line in lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_check_a_missing_file() -> None:
    result = psp_cli("check", "no/such/plan.toml")
    assert result.returncode == 1
    assert result.stdout.startswith("no/such/plan.toml: cannot read the plan file")


def test_schedule_text_shows_the_table_and_critical_path() -> None:
    result = psp_cli("schedule", EXAMPLE)
    assert result.returncode == 0
    out = result.stdout
    assert "Digitale Werkstatt für den Mittelstand – MACH 4.0" in out
    assert "berechnetes Ende 31.08.2021" in out and "Puffer +0 Monate" in out
    # 1.3 and 1.4 both start with 1.1 (SS) and run side by side: two chains, not one.
    assert "Kritische Pfade (5):\n  1.1 → 1.3 → 1.5 → 2.1 → 2.3 → 2.10 → 3.1 → 4.2\n" \
           "  1.1 → 1.4 → 1.5\n" in out
    row = next(line for line in out.splitlines() if line.startswith("3.1 "))
    assert "Mär'21" in row and "Jun'21" in row and row.rstrip().endswith("*")
    english = psp_cli("schedule", EXAMPLE, "--lang", "en").stdout
    assert "critical paths (5):\n  1.1 →" in english and "Mar'21" in english


def test_schedule_json_has_the_fixed_form() -> None:
    result = psp_cli("schedule", EXAMPLE, "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"project", "critical_path", "critical_chains", "tasks"}
    assert data["project"] == {"start": "2020-09-01", "finish": "2021-08-31",
                               "end": "2021-08-31", "slack": 0, "deadlines_missed": []}
    assert data["critical_path"][-3:] == ["4.2", "4.4", "4.5"]
    t = next(t for t in data["tasks"] if t["id"] == "2.4")
    assert t == {"id": "2.4", "package": "AP2", "owners": "3win+AGIT", "kind": "work",
                 "duration": 2, "name": "Entwicklung eines Konzeptes zur Bewerbung und "
                 "Auswahl der teilnehmenden Unternehmen",
                 "start": "2020-12-01", "finish": "2021-01-31",
                 "late_start": "2021-01-01", "late_finish": "2021-02-28",
                 "total_float": 1, "free_float": 1, "critical": False}


def test_schedule_json_without_an_end_has_nulls(tmp_path: Path) -> None:
    plan = tmp_path / "p.toml"
    plan.write_text('[project]\nname = "x"\nstart = "2020-09"\n[[task]]\nid = "a"\n'
                    'duration = 2\n', encoding="utf-8")
    data = json.loads(psp_cli("schedule", str(plan), "--format", "json").stdout)
    assert data["project"] == {"start": "2020-09-01", "finish": "2020-10-31", "end": None,
                               "slack": None, "deadlines_missed": []}


def test_schedule_csv() -> None:
    rows = list(csv.DictReader(io.StringIO(psp_cli("schedule", EXAMPLE, "--format",
                                                   "csv").stdout)))
    assert len(rows) == 25
    row = next(r for r in rows if r["id"] == "1.3")
    assert (row["owners"], row["duration"], row["start"], row["finish"], row["critical"]) == (
        "3win+AGIT", "2", "2020-09-01", "2020-10-31", "1")


def test_schedule_of_a_broken_file_reports_on_stderr() -> None:
    result = psp_cli("schedule", "tests/data/errors/cycle.toml")
    assert result.returncode == 1 and result.stdout == ""
    assert "a → b → c → a" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert psp_cli("schedule", EXAMPLE, "--format", "xml").returncode == 2
    assert psp_cli().returncode == 2


def test_replan_scenario_3_as_json() -> None:
    result = psp_cli("replan", EXAMPLE, "--delay", "3.1=2021-06", "--extend", "31.12.2021",
                     "--format", "json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["project"] == {"start": "2020-09-01", "finish": "2021-11-30",
                               "end": "2021-12-31", "slack": 1, "deadlines_missed": []}
    assert data["baseline"] == {"finish": "2021-08-31", "end": "2021-08-31", "slack": 0}
    assert data["critical_path"] == ["3.1", "4.2", "4.4", "4.5"]
    changes = {c["id"]: c for c in data["changes"]}
    assert changes["4.4"] == {"id": "4.4", "start_shift": 3, "finish_shift": 3,
                              "reason": "4.4 starts Oct'21: after 3.1 finishes (FS)",
                              "cause": {"kind": "link", "date": None, "durations": None,
                                        "link": {"from": "3.1", "to": "4.4", "type": "FS",
                                                 "lag": 0}}}
    assert changes["4.1"]["finish_shift"] == 4 and "1.1" not in changes


def test_replan_scenario_2_text_and_package_delay() -> None:
    out = psp_cli("replan", EXAMPLE, "--delay", "3.1=2021-06").stdout
    assert "um 3 Monate überschritten (berechnetes Ende 30.11.2021)" in out
    out = psp_cli("replan", EXAMPLE, "--delay", "AP3=+2", "--lang", "en").stdout
    assert "missed by 2 months" in out


def test_replan_out_writes_a_plan_that_schedules_the_same(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    result = psp_cli("replan", EXAMPLE, "--delay", "3.1=2021-06", "--extend", "31.12.2021",
                     "--status", "2021-03-29", "--format", "json", "--out", str(target))
    assert result.returncode == 0, result.stderr
    written = json.loads(psp_cli("schedule", str(target), "--format", "json").stdout)
    replanned = json.loads(result.stdout)
    assert written == {k: replanned[k] for k in ("project", "critical_path", "critical_chains",
                                                  "tasks")}
    text = target.read_text(encoding="utf-8")
    assert 'status = "2021-03-29"' in text and 'not_before = "2021-06"' in text
    assert 'end = "2021-12-31"' in text


def test_replan_markdown_is_the_amendment_table() -> None:
    out = psp_cli("replan", EXAMPLE, "--delay", "3.1=2021-06", "--extend", "31.12.2021",
                  "--format", "markdown").stdout
    assert out.startswith("## Aktualisierter Projektstrukturplan")
    assert "Kostenneutrale Verlängerung" in out


def test_replan_errors_exit_1_or_2_with_one_line_and_write_nothing(tmp_path: Path) -> None:
    """A change the plan cannot take exits 1; an option value that cannot be read, 2."""
    target = tmp_path / "new.toml"
    for args, text, status in [
        (["--delay", "9.9=2021-06"], "no task or package '9.9'", 1),
        (["--delay", "3.1=2020-01"], "before the project start", 1),
        (["--status", "2019-01-01"], "status date 01.01.2019", 1),
        (["--delay", "3.1=Juni"], "--delay '3.1=Juni': cannot read 'Juni'", 2),
        (["--delay", "2.2=2"], "did you mean 2.2=+2?", 2),
        (["--not-started", "3.1"], "--not-started needs --status", 2),
        (["--duration", "3.1=x"], "--duration '3.1=x': expected ID=N", 2),
        (["--duration", "3.1=²"], "--duration '3.1=²': expected ID=N", 2),  # isdigit() said yes
    ]:
        result = psp_cli("replan", EXAMPLE, *args, "--out", str(target))
        assert result.returncode == status, args
        assert text in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert not target.exists()


def test_a_closed_pipe_ends_quietly() -> None:
    result = subprocess.run(
        f'"{sys.executable}" -m psp replan {EXAMPLE} --delay 3.1=2021-06 | head -1',
        shell=True, capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.stdout.startswith("Digitale Werkstatt")
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_a_process_that_skips_freeing_its_objects_still_writes_everything(
        tmp_path: Path) -> None:
    """``psp`` ends with ``os._exit`` after the command: nothing written may be lost."""
    plan = psp.Project("big", "2021-01-01", unit="day",
                       tasks=[psp.Task(f"t{k}", duration=1 + k % 5) for k in range(3000)],
                       links=[psp.Link(f"t{k}", f"t{k + 1}") for k in range(2999)])
    source = tmp_path / "big.toml"
    source.write_text(psp.dumps(plan), encoding="utf-8")
    expected = psp.export.as_json(psp.schedule(plan), indent=None, lang="en") + "\n"
    piped = psp_process("schedule", str(source), "--format", "json")
    assert (piped.returncode, piped.stderr) == (0, "")
    assert piped.stdout == expected and len(expected) > 2**18  # more than a pipe holds
    written = psp_process("schedule", str(source), "--format", "json", "-o",
                          str(tmp_path / "out.json"))
    assert written.returncode == 0
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == expected
    small = psp_process("schedule", EXAMPLE, "--format", "csv")  # less than a buffer holds
    assert small.stdout == psp_cli("schedule", EXAMPLE, "--format", "csv").stdout != ""
    # a plan's problem (1) and a usage error (2) keep their exit statuses
    assert psp_process("schedule", "tests/data/errors/many_problems.toml").returncode == 1
    assert psp_process("schedule", str(source), "--format", "xml").returncode == 2


def test_gantt_writes_png_svg_pdf_and_replans(tmp_path: Path) -> None:
    for suffix, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        target = tmp_path / f"chart.{suffix}"
        result = psp_cli("gantt", EXAMPLE, "-o", str(target), "--delay", "3.1=2021-06",
                         "--extend", "31.12.2021", "--lang", "en")
        assert result.returncode == 0, result.stderr
        assert target.read_bytes().startswith(magic)
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert "contractual end 2021-12-31" in svg and "baseline" in svg


def test_gantt_and_table_refuse_bad_outputs_without_leaving_files(tmp_path: Path) -> None:
    for args, status in ((["gantt", EXAMPLE, "-o", str(tmp_path / "x.gif")], 2),  # usage
                         (["table", EXAMPLE, "-o", str(tmp_path / "x.docx")], 2),
                         (["table", EXAMPLE, "-o", str(tmp_path / "no" / "x.csv")], 1)):
        result = psp_cli(*args)
        assert result.returncode == status and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_table_writes_each_format(tmp_path: Path) -> None:
    for suffix in ("md", "html", "csv", "xlsx"):
        target = tmp_path / f"plan.{suffix}"
        assert psp_cli("table", EXAMPLE, "-o", str(target)).returncode == 0
        assert target.stat().st_size > 1000


def test_critical_prints_the_chain() -> None:
    out = psp_cli("critical", EXAMPLE, "--format", "csv", "--lang", "en").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "task", "start", "finish", "duration", "after", "total float"]
    assert [r[0] for r in rows[1:]] == ["1.1", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3",
                                        "2.10", "3.1", "4.2", "4.4", "4.5"]
    text = psp_cli("critical", EXAMPLE).stdout
    assert text.startswith("Kritischer Pfad: Digitale Werkstatt")


def test_gantt_with_a_baseline_file_draws_it_as_ghosts(tmp_path: Path) -> None:
    before = tmp_path / "before.toml"
    assert psp_cli("replan", EXAMPLE, "--delay", "AP1=+1", "--out", str(before)).returncode == 0
    chart = tmp_path / "chart.svg"
    result = psp_cli("gantt", EXAMPLE, "-o", str(chart), "--baseline", str(before),
                     "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "baseline" in chart.read_text(encoding="utf-8")


MODELLREGION = "examples/digitale_modellregion.toml"


def test_costs_json_has_the_fixed_form() -> None:
    data = json.loads(psp_cli("costs", MODELLREGION, "--format", "json").stdout)
    assert set(data) == {"projects", "years", "total"}
    assert list(data["years"]) == ["2020", "2021", "2022"]
    assert data["projects"]["preresc"]["2021"] == {
        "months": 12, "fte_months": 24, "cost": 158600, "funding": 113000, "own_share": 45600}
    assert data["total"]["cost"] == 872500 + 209100


def test_costs_text_csv_and_xlsx(tmp_path: Path) -> None:
    text = psp_cli("costs", MODELLREGION).stdout
    assert text.startswith("Ertrag") and "625.800 €" in text
    rows = list(csv.DictReader(io.StringIO(psp_cli("costs", MODELLREGION, "--format",
                                                   "csv").stdout)))
    assert {r["position"] for r in rows} >= {"kita-eg11", "prozesse"}
    target = tmp_path / "kosten.xlsx"
    assert psp_cli("costs", MODELLREGION, "--format", "xlsx", "-o", str(target)).returncode == 0
    assert target.read_bytes()[:2] == b"PK"
    missing = psp_cli("costs", MODELLREGION, "--format", "xlsx")
    assert missing.returncode == 2 and "give -o OUT.xlsx" in missing.stderr


def test_costs_reports_bad_money_in_the_file() -> None:
    result = psp_cli("costs", "tests/data/errors/unknown_pay_grade.toml")
    assert result.returncode == 1 and "pay grade 'EG 12'" in result.stderr


def test_replan_with_costs_states_the_verdict() -> None:
    out = psp_cli("replan", EXAMPLE, "--delay", "3.1=2021-06", "--extend", "31.12.2021",
                  "--costs").stdout
    assert "kostenneutral" in out and "150.600 €" in out
    md = psp_cli("replan", EXAMPLE, "--delay", "3.1=2021-06", "--extend", "31.12.2021",
                 "--costs", "--format", "markdown").stdout
    assert "### Kosten je Haushaltsjahr: kostenneutral" in md
    data = json.loads(psp_cli("replan", EXAMPLE, "--extend", "31.12.2021", "--costs",
                              "--format", "json").stdout)
    assert data["costs"]["neutral"] is True
    assert data["costs"]["after"]["years"]["2021"]["cost"] == 150600


def test_text_output_survives_a_legacy_code_page() -> None:
    """Issue 8: PYTHONIOENCODING=cp1252 psp schedule FILE > out.txt failed on '→'."""
    import os
    import subprocess
    import sys

    for encoding, arrow in (("cp1252", "->"), ("ascii", "->")):
        env = {**os.environ, "PYTHONIOENCODING": encoding}
        result = subprocess.run([sys.executable, "-m", "psp", "schedule", EXAMPLE],
                                capture_output=True, env=env, check=False)
        assert result.returncode == 0, result.stderr
        text = result.stdout.decode(encoding)
        assert f"  1.1 {arrow} 1.4 {arrow} 1.5" in text


def test_costs_o_xlsx_writes_a_workbook_or_refuses(tmp_path: Path) -> None:
    """Issue 8: costs -o report.xlsx wrote text under an xlsx name."""
    target = tmp_path / "report.xlsx"
    assert psp_cli("costs", MODELLREGION, "-o", str(target)).returncode == 0
    assert target.read_bytes()[:2] == b"PK"  # a zip: a workbook
    clash = psp_cli("costs", MODELLREGION, "--format", "text", "-o", str(tmp_path / "r.xlsx"))
    assert clash.returncode == 2 and "does not fit" in clash.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_output_files_keep_their_kind_and_permissions(tmp_path: Path) -> None:
    """Issue 8: a folder, a FIFO or /dev/null at the path; permissions; standard output."""
    import os
    import stat

    folder = tmp_path / "out.csv"
    folder.mkdir()
    result = psp_cli("table", EXAMPLE, "-o", str(folder))
    assert result.returncode == 1 and "is a folder" in result.stderr
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert psp_cli("table", EXAMPLE, "-o", os.devnull).returncode == 2  # no format: usage
    assert psp_cli("table", EXAMPLE, "-o", os.devnull, "--format", "csv").returncode == 0
    assert Path(os.devnull).is_char_device()  # still the device
    kept = tmp_path / "plan.csv"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    assert psp_cli("table", EXAMPLE, "-o", str(kept)).returncode == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert kept.read_text().startswith("id,task,owner,2020-09,")
    out = psp_cli("table", EXAMPLE, "-o", "-", "--format", "csv")
    assert out.returncode == 0 and out.stdout.splitlines()[0].startswith("id,task,owner,2020-09,")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert psp_cli("table", EXAMPLE, "-o", str(fifo)).returncode == 0
    assert reader.communicate()[0].decode("utf-8").startswith("id,task,owner,2020-09,")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_a_full_disk_is_a_clean_error() -> None:
    """Issue 8: standard output on a full disk, and a file on one."""
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "psp", "schedule", EXAMPLE],
                                stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "psp schedule: cannot write the output: No space left on device")
    result = psp_cli("table", EXAMPLE, "-o", "/dev/full", "--format", "csv")
    assert result.returncode == 1 and "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr


def test_replan_out_never_writes_over_its_input_unless_forced(tmp_path: Path) -> None:
    """Issue 8: replan --out could destroy the user's own file."""
    import os

    plan = tmp_path / "plan.toml"
    original = Path(EXAMPLE).read_text(encoding="utf-8")
    plan.write_text(original, encoding="utf-8")
    link = tmp_path / "link.toml"
    os.symlink(plan, link)
    for target in (plan, link):
        result = psp_cli("replan", str(plan), "--delay", "3.1=+1", "--out", str(target))
        assert result.returncode == 1 and "refusing to overwrite an input" in result.stderr
        assert plan.read_text(encoding="utf-8") == original and link.is_symlink()
    forced = psp_cli("replan", str(link), "--delay", "3.1=+1", "--out", str(link), "--force")
    assert forced.returncode == 0 and link.is_symlink()  # the link stays, its file changes
    assert 'not_before = "2021-04"' in plan.read_text(encoding="utf-8")


def test_replan_out_keeps_what_the_user_wrote(tmp_path: Path) -> None:
    """Owners in their order, money as written, no fte for a lump sum, no assumed actuals."""
    source = tmp_path / "plan.toml"
    text = Path(EXAMPLE).read_text(encoding="utf-8").replace(
        'owners = "3win+AGIT"', 'owners = "AGIT+3win"', 1)
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "new.toml"
    result = psp_cli("replan", str(source), "--status", "2021-03-29", "--not-started", "3.1",
                     "--out", str(target))
    assert result.returncode == 0, result.stderr
    written = target.read_text(encoding="utf-8")
    assert 'owners = ["AGIT", "3win"]' in written
    assert 'total = "200.800,00 €"' in written and 'funding_rate = "55,55 %"' in written
    assert "fte =" not in written
    # Only what was reported: a status date and one task not started; nothing assumed.
    assert "actual_start" not in written and "actual_finish" not in written
    assert written.count("not_started = true") == 1
    assert 'status = "2021-03-29"' in written
    again = json.loads(psp_cli("schedule", str(target), "--format", "json").stdout)
    shown = json.loads(psp_cli("replan", str(source), "--status", "2021-03-29",
                               "--not-started", "3.1", "--format", "json").stdout)
    assert again["tasks"] == shown["tasks"]  # the file means what the replan showed


def test_replan_out_on_a_portfolio_writes_a_portfolio(tmp_path: Path) -> None:
    """Issue 8: positions, pay grades, rules and ids were dropped (1.081.600 € became 0 €)."""
    import attrs

    target = tmp_path / "new.toml"
    result = psp_cli("replan", MODELLREGION, "--delay", "kita:laufzeit=2020-03",
                     "--out", str(target))
    assert result.returncode == 0, result.stderr
    written = psp.load_portfolio(target)
    original = psp.load_portfolio(MODELLREGION)
    assert written.keys == original.keys and written.rules == original.rules
    assert [p.positions for p in written.projects] == [p.positions for p in original.projects]
    # The same delay, written by hand into the kita project.
    kita = original.project("kita")
    by_hand = attrs.evolve(kita, constraints=[*kita.constraints, psp.Constraint(
        "laufzeit", "start_no_earlier_than", psp.Month(2020, 3))])
    expected = attrs.evolve(original, projects=[
        by_hand if p.id == "kita" else p for p in original.projects])
    assert written == expected
    assert psp.costs(written).total().cost == psp.costs(expected).total().cost > 0
    refused = psp_cli("replan", MODELLREGION, "--extend", "31.12.2022")
    assert refused.returncode == 2 and "one contractual end per project" in refused.stderr


def test_costs_of_a_plan_file_name_the_project() -> None:
    """Issue 8: the single-project cost table called the project "project"."""
    out = psp_cli("costs", EXAMPLE, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["project"] for r in rows} == {"Digitale Werkstatt für den Mittelstand – MACH 4.0"}


def test_every_command_documents_each_option_and_shows_an_example() -> None:
    from psp.cli import _parser

    commands = next(a for a in _parser()._actions if a.dest == "command")
    assert set(commands.choices) == {"check", "schedule", "replan", "gantt", "table", "costs",
                                     "critical", "convert", "report", "mta", "milestones", "risk"}
    for name, sub in commands.choices.items():
        assert sub.epilog and sub.epilog.startswith(f"example:\n  psp {name} "), name
        for action in sub._actions:
            assert action.help, (name, action.dest)
        options = {o for a in sub._actions for o in a.option_strings}
        if name == "convert":  # writes a plan, not words: its output file is its argument
            assert {a.dest for a in sub._actions} >= {"file", "output", "unit"}
        else:
            assert "--lang" in options, name
        if name not in ("check", "convert"):
            assert {"-o", "--output"} <= options and "--format" in options, name
        example = sub.epilog.split("\n  ", 1)[1].split()[2:]  # the example parses
        sub.parse_args(example)


def test_output_and_format_follow_one_convention(tmp_path: Path) -> None:
    json_file, csv_file = tmp_path / "s.json", tmp_path / "c.csv"
    assert psp_cli("schedule", EXAMPLE, "-o", str(json_file)).returncode == 0
    assert json.loads(json_file.read_text(encoding="utf-8"))["project"]["finish"] == "2021-08-31"
    assert psp_cli("critical", EXAMPLE, "-o", str(csv_file)).returncode == 0
    rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8"))))
    assert rows[0] == ["id", "task", "start", "finish", "duration", "after", "total float"]
    assert rows[1][2:4] == ["2020-09-01", "2020-09-30"]  # CSV: ISO dates by default
    german = psp_cli("critical", EXAMPLE, "--format", "csv", "--lang", "de").stdout
    assert german.splitlines()[0].startswith("Nr.,Aufgabe,Beginn") and "01.09.2020" in german
    clash = psp_cli("schedule", EXAMPLE, "-o", str(tmp_path / "s.csv"), "--format", "json")
    assert clash.returncode == 2 and "--format json does not fit" in clash.stderr
    unknown = psp_cli("schedule", EXAMPLE, "-o", str(tmp_path / "s.docx"))
    assert unknown.returncode == 2 and "name a .txt, .json, .csv file" in unknown.stderr
    assert not (tmp_path / "s.csv").exists() and not (tmp_path / "s.docx").exists()


def test_replan_writes_its_plan_with_o_and_keeps_out_as_the_old_name(tmp_path: Path) -> None:
    for flag in ("-o", "--output", "--out"):
        target = tmp_path / f"new{flag.strip('-')}.toml"
        result = psp_cli("replan", EXAMPLE, "--extend", "31.12.2021", flag, str(target))
        assert result.returncode == 0, result.stderr
        assert psp.load(target).end == psp.parse_date("31.12.2021")


def test_check_takes_lang_for_the_dates_of_its_warnings(tmp_path: Path) -> None:
    plan = tmp_path / "late.toml"
    plan.write_text('[project]\nname = "x"\nstart = "2021-01"\n[[task]]\nid = "a"\n'
                    'duration = 3\nnot_after = "2021-02"\n', encoding="utf-8")
    iso = psp_cli("check", str(plan)).stdout
    german = psp_cli("check", str(plan), "--lang", "de").stdout
    assert "finishes 2021-03-31, after 2021-02-28 (1 period late)" in iso
    assert "finishes 31.03.2021, after 28.02.2021 (1 period late)" in german


def test_version_is_the_installed_packages() -> None:
    from importlib.metadata import version

    result = psp_cli("--version")
    assert (result.returncode, result.stdout) == (0, f"psp {version('psp')}\n")
    assert psp.__version__ == version("psp")


def test_schedule_json_is_compact_unless_indent_is_given() -> None:
    compact = psp_cli("schedule", "examples/digitale_werkstatt.toml", "--format", "json")
    indented = psp_cli("schedule", "examples/digitale_werkstatt.toml", "--format", "json",
                       "--indent", "2")
    assert compact.stdout.count("\n") == 1  # one line
    assert indented.stdout.count("\n") > 300
    assert json.loads(compact.stdout) == json.loads(indented.stdout)
    refused = psp_cli("schedule", "examples/digitale_werkstatt.toml", "--format", "json",
                      "--indent", "x")
    assert refused.returncode == 2 and "expected 0 to 16 spaces, got 'x'" in refused.stderr


def test_a_parser_for_one_command_reads_its_arguments_as_the_full_parser() -> None:
    """Each run builds only the named command's options: what it reads must not change."""
    import shlex

    from psp.cli import _EXAMPLES, _parser

    for line in [*_EXAMPLES.values(), "psp schedule plan.toml --format json --indent 2",
                 "psp replan --delay 3.1=+2 plan.toml --status 2021-03-29"]:
        argv = shlex.split(line)[1:]
        assert vars(_parser(argv).parse_args(argv)) == vars(_parser().parse_args(argv)), line


def test_gantt_draws_the_part_asked_for_and_says_what_it_wrote(tmp_path: Path) -> None:
    chart = tmp_path / "ap3.svg"
    result = psp_cli("gantt", EXAMPLE, "-o", str(chart), "--packages", "AP3, AP4",
                     "--start", "2021-05", "--end", "31.08.2021", "--arrows", "none",
                     "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"psp gantt: wrote {chart} (10 rows, one per task)\n"
    svg = chart.read_text(encoding="utf-8")  # text as text: searchable, editable
    assert ">3.1 Durchführung" in svg and ">1.1 " not in svg and "critical link" not in svg
    assert ">AP3 Umsetzung der Schulungsmaßnahmen<" in svg
    assert svg.count(">May<") == 2 and svg.count(">2021<") == 2  # at the top and the bottom
    wrong = psp_cli("gantt", EXAMPLE, "-o", str(tmp_path / "x.png"), "--start", "2021-13")
    assert wrong.returncode == 2 and wrong.stderr.startswith("psp gantt: error: start: ")
    assert not (tmp_path / "x.png").exists()
    table = tmp_path / "plan.csv"
    result = psp_cli("table", EXAMPLE, "-o", str(table))
    assert result.returncode == 0 and result.stderr == f"psp table: {table} geschrieben\n"


def test_excel_csv_columns_and_quiet_options(tmp_path: Path) -> None:
    table = tmp_path / "plan.csv"
    result = psp_cli("table", EXAMPLE, "-o", str(table), "--excel", "--quiet")
    assert result.returncode == 0 and result.stderr == ""
    data = table.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfNr.;Aufgabe;Verantwortlich;Sep'20;")  # German
    schedule_csv = psp_cli("schedule", EXAMPLE, "--format", "csv", "--excel")
    header, first = schedule_csv.stdout.lstrip("\ufeff").splitlines()[:2]
    assert header.startswith("id;package;name;") and first.startswith('"=""1.1""";AP1;')
    for command in ("critical", "costs"):
        out = psp_cli(command, EXAMPLE, "--format", "csv", "--excel")
        assert out.returncode == 0 and out.stdout.startswith("\ufeff"), command
        assert ";" in out.stdout.splitlines()[0], command
    wrong = psp_cli("table", EXAMPLE, "-o", str(tmp_path / "plan.xlsx"), "--excel")
    assert wrong.returncode == 2 and "--excel writes CSV" in wrong.stderr
    assert not (tmp_path / "plan.xlsx").exists()
    weeks = psp_cli("table", EXAMPLE, "-o", "-", "--format", "csv", "--columns", "month")
    assert weeks.stdout.splitlines()[0].split(",")[3] == "2020-09"  # a month plan stays
    help_text = psp_cli("table", "--help").stdout
    for option in ("--columns {auto,period,week,month}", "--excel", "--quiet"):
        assert option in help_text, option


def test_a_long_command_on_a_terminal_shows_a_bar_that_quiet_turns_off(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from psp._support import progress

    monkeypatch.setattr(progress, "_watched", lambda stream: True)  # as on a terminal
    monkeypatch.setattr(progress, "_DELAY", 0.0)  # and as if it took long
    book = tmp_path / "plan.xlsx"
    shown = psp_cli("table", EXAMPLE, "-o", str(book))
    assert shown.returncode == 0
    assert "psp table:" in shown.stderr and "/29" in shown.stderr  # 4 packages, 25 tasks
    assert shown.stderr.endswith(f"\rpsp table: {book} geschrieben\n")
    chart = psp_cli("gantt", EXAMPLE, "-o", str(tmp_path / "plan.png"))
    assert "psp gantt:   0%" in chart.stderr and "0/3 [" in chart.stderr  # three steps
    assert chart.stderr.endswith(f"\rpsp gantt: {tmp_path / 'plan.png'} geschrieben "
                                 "(29 Zeilen, eine je Aufgabe)\n")
    quiet = psp_cli("table", EXAMPLE, "-o", str(book), "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""
    monkeypatch.setattr(progress, "_watched", lambda stream: False)  # a pipe or a log
    piped = psp_cli("table", EXAMPLE, "-o", str(book))
    assert piped.stderr == f"psp table: {book} geschrieben\n"
