"""The command line: ``psp check``, ``schedule``, ``replan``, ``gantt``, ``table``, ``critical``,
``costs``, ``report``, ``mta``, ``milestones``, ``risk``, ``convert``.

Exit status: 0 when all is well, 1 when the plan has problems (one line each),
2 for a usage error. This module reads the arguments; the commands (`psp.cli._commands`)
and everything they import load only when one runs, so ``psp --version`` and ``psp -h``
start at once.
"""

from __future__ import annotations

import argparse
import atexit
import codecs
import contextlib
import gc
import io
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

__all__ = ["console", "main"]


_EXAMPLES = {
    "check": "psp check examples/digitale_werkstatt.toml --strict",
    "schedule": "psp schedule examples/digitale_werkstatt.toml --format json -o schedule.json",
    "replan": "psp replan examples/digitale_werkstatt.toml --delay 3.1=2021-06 "
              "--extend 31.12.2021 -o new.toml",
    "gantt": "psp gantt examples/digitale_werkstatt.toml -o chart.png --delay AP3=+2",
    "table": "psp table examples/digitale_werkstatt.toml -o plan.xlsx",
    "costs": "psp costs examples/digitale_modellregion.toml -o costs.csv",
    "critical": "psp critical examples/digitale_werkstatt.toml --format markdown",
    "convert": "psp convert examples/digitale_werkstatt.toml werkstatt.xml",
    "mta": "psp mta examples/digitale_strategie_2017.toml examples/digitale_strategie.toml "
           "-o mta.png",
    "milestones": "psp milestones examples/industrie_dialog.toml -o overview.png",
    "report": "psp report examples/care_mobility_innovation.toml --status 30.04.2021 "
              "-o bericht.docx",
    "risk": "psp risk examples/digitale_werkstatt_risiko.toml --seed 2021 -o risiko.png",
}


def _command(commands: Any, name: str, help: str, **extra: Any) -> argparse.ArgumentParser:
    """A subcommand with an example in its help."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help, epilog=f"example:\n  {_EXAMPLES[name]}",
        formatter_class=argparse.RawDescriptionHelpFormatter, **extra)
    return parser


def _file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE",
                        help="a plan or portfolio file (TOML), or MS Project XML (.xml)")


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("de", "en"), default=None,
                        help="labels and dates: de or en (text: de by default; CSV and JSON: "
                             "English headers and ISO dates unless --lang de)")


def _output_option(parser: argparse.ArgumentParser, metavar: str, *,
                   required: bool = False) -> None:
    parser.add_argument("-o", "--output", metavar=metavar, required=required,
                        help="the file to write (- for standard output); its suffix picks "
                             "the format unless --format says otherwise")


def _format_option(parser: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=choices,
                        help=f"one of {', '.join(choices)} (default: from -o's suffix, "
                             f"else {choices[0]})")


def _excel_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--excel", action="store_true",
                        help="CSV as German Excel opens it: a UTF-8 byte order mark, ';' "
                             "between cells, decimal commas (a table's headings in German)")


def _quiet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar and no 'wrote' line on stderr")


def _indent_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--indent", type=_indent, metavar="N", default=None,
                        help="JSON indented by N spaces (default: compact, one line)")


def _indent(text: str) -> int:
    if not text.isdigit() or int(text) > 16:
        raise argparse.ArgumentTypeError(f"expected 0 to 16 spaces, got {text!r}")
    return int(text)


def _change_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--delay", action="append", default=[], metavar="ID=MONTH|ID=+N",
                        help="start no earlier than MONTH, or N periods later (a task or a "
                             "package; repeatable): 3.1=2021-06, AP3=+2")
    parser.add_argument("--duration", action="append", default=[], metavar="ID=N",
                        help="a task's new duration in periods (repeatable): 3.1=5")
    parser.add_argument("--extend", metavar="DATE",
                        help="new contractual end: 31.12.2021 or 2021-12")
    parser.add_argument("--status", metavar="DATE",
                        help="status date: no unfinished work before it (2021-03-29)")
    parser.add_argument("--not-started", action="append", default=[], metavar="ID",
                        help="with --status: this task has not started (repeatable)")


class _Version(argparse.Action):
    """``--version``: loads only the version, not the model."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from psp._version import __version__

        print(f"psp {__version__}")  # to standard output, as argparse's own action
        parser.exit()


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("-v", "--verbose", action="store_true", help="say so when all is well")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 on warnings too (e.g. a missed finish-no-later-than)")
    _lang_option(check)


def _schedule_options(sched: argparse.ArgumentParser) -> None:
    _format_option(sched, ("text", "json", "csv"))
    _output_option(sched, "OUT.txt|json|csv")
    _excel_option(sched)
    _indent_option(sched)
    _lang_option(sched)


def _replan_options(re: argparse.ArgumentParser) -> None:
    _change_options(re)
    _format_option(re, ("text", "json", "markdown", "html"))
    re.add_argument("-o", "--output", "--out", dest="out", metavar="NEW.toml",
                    help="write the replanned plan (or portfolio) file; never over FILE "
                         "(--out is the old name)")
    re.add_argument("--force", action="store_true",
                    help="with -o: write over FILE itself (or a link to it)")
    re.add_argument("--costs", action="store_true",
                    help="add cost per budget year before and after, and the verdict")
    re.add_argument("--risk", action="store_true",
                    help="add the odds of meeting the old and the new end (the plan's "
                         "estimates and risks sampled; extra psp[risk])")
    _sampling_options(re)
    _indent_option(re)
    _lang_option(re)


def _sampling_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--samples", type=_samples, metavar="N", default=10_000,
                        help="how many samples to draw (default 10000)")
    parser.add_argument("--seed", type=_seed, metavar="S", default=None,
                        help="a whole number that makes the result reproducible (default: "
                             "chosen and reported)")


def _samples(text: str) -> int:
    if not text.isdigit() or not 2 <= int(text) <= 10_000_000:
        raise argparse.ArgumentTypeError(f"expected a whole number from 2 to 10000000, got "
                                         f"{text!r}")
    return int(text)


def _seed(text: str) -> int:
    if not text.isdigit() or len(text) > 19:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 0, got {text!r}")
    return int(text)


def _risk_options(risk: argparse.ArgumentParser) -> None:
    _sampling_options(risk)
    _format_option(risk, ("text", "json", "markdown", "html", "png", "svg", "pdf"))
    _output_option(risk, "OUT.txt|json|md|html|png|svg|pdf")
    _indent_option(risk)
    _lang_option(risk)


def _gantt_options(chart: argparse.ArgumentParser) -> None:
    _output_option(chart, "OUT.png|svg|pdf|html", required=True)
    _format_option(chart, ("png", "svg", "pdf", "html"))
    chart.add_argument("--baseline", metavar="FILE", help="a plan drawn as ghost bars")
    _change_options(chart)
    chart.add_argument("--arrows", nargs="?", const="all", default="critical",
                       choices=("critical", "all", "none"),
                       help="dependency arrows: along the critical chains (default), every "
                            "link (--arrows alone) or none")
    chart.add_argument("--level", choices=("auto", "task", "package"), default="auto",
                       help="a row per task or per work package (auto: per package above "
                            "400 tasks)")
    chart.add_argument("--packages", metavar="AP1,AP2",
                       help="draw only these work packages (ids, comma-separated)")
    chart.add_argument("--start", metavar="DATE",
                       help="draw only what runs from DATE on (2021-03 or 01.03.2021)")
    chart.add_argument("--end", metavar="DATE",
                       help="draw only what runs until DATE (2021-12 or 31.12.2021)")
    chart.add_argument("--paper", choices=("a4", "a3"),
                       help="lay the chart out on an A4 or A3 page, landscape (to print a "
                            "PDF); row labels as large as the rows allow")
    _quiet_option(chart)
    _lang_option(chart)


def _table_options(table: argparse.ArgumentParser) -> None:
    _output_option(table, "OUT.md|html|csv|xlsx", required=True)
    _format_option(table, ("markdown", "html", "csv", "xlsx", "md"))
    table.add_argument("--columns", choices=("auto", "period", "week", "month"),
                       default="auto",
                       help="a column per period, week or month (auto: weeks or months for "
                            "a day or week plan of more than 120 periods)")
    _excel_option(table)
    _quiet_option(table)
    _lang_option(table)


def _costs_options(money: argparse.ArgumentParser) -> None:
    _format_option(money, ("text", "json", "csv", "xlsx"))
    _output_option(money, "OUT.txt|json|csv|xlsx")
    _excel_option(money)
    _indent_option(money)
    _lang_option(money)


def _critical_options(crit: argparse.ArgumentParser) -> None:
    _format_option(crit, ("text", "markdown", "csv"))
    _output_option(crit, "OUT.txt|md|csv")
    _excel_option(crit)
    _lang_option(crit)


def _report_options(report: argparse.ArgumentParser) -> None:
    _change_options(report)
    report.add_argument("--since", metavar="DATE",
                        help="the last report's date: events and milestones after it")
    report.add_argument("--baseline", metavar="FILE",
                        help="the approved plan: tasks that now finish later are late "
                             "(default with --delay, --duration or --extend: FILE itself)")
    _format_option(report, ("markdown", "html", "docx", "text", "json"))
    _output_option(report, "OUT.md|html|docx|txt|json")
    report.add_argument("--no-chart", action="store_true",
                        help="html and docx: leave the Gantt chart out")
    _indent_option(report)
    _lang_option(report)


def _mta_options(mta: argparse.ArgumentParser) -> None:
    mta.add_argument("more", metavar="FILE", nargs="*",
                     help="later versions of the plan, in order")
    mta.add_argument("--git", action="store_true",
                     help="read the versions from FILE's git history")
    _format_option(mta, ("text", "markdown", "csv", "json", "png", "svg", "pdf", "html"))
    _output_option(mta, "OUT.png|svg|pdf|html|md|csv|json")
    _excel_option(mta)
    _indent_option(mta)
    _lang_option(mta)


def _milestones_options(overview: argparse.ArgumentParser) -> None:
    _output_option(overview, "OUT.png|svg|pdf", required=True)
    _format_option(overview, ("png", "svg", "pdf"))
    _lang_option(overview)


def _convert_options(convert: argparse.ArgumentParser) -> None:
    convert.add_argument("output", metavar="OUT",
                         help="the file to write: .toml, .xml, .gan, .xlsx, .csv, .tjp, .ics")
    convert.add_argument("--unit", choices=("month", "week", "day", "workday"),
                         help="the unit of a plan read from another tool (default: chosen "
                              "from its durations)")
    convert.add_argument("--split", action="store_true",
                         help="a month grid's row with gaps becomes one task per run of "
                              "months (default: an error naming the row)")
    _quiet_option(convert)


# Each command: its one-line help, its options, and argparse's extras (a description).
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], dict[str, str]]] = {
    "check": ("validate a plan file: one line per problem", _check_options, {}),
    "schedule": ("compute and print the schedule of a plan", _schedule_options, {}),
    "replan": ("apply delays, an extension or progress and show what moved and why",
               _replan_options,
               {"description": "Changes apply in this order: --delay (as given), --duration, "
                               "--extend, --status."}),
    "gantt": ("draw the Gantt chart (PNG, SVG, PDF, or interactive HTML)", _gantt_options,
              {"description": "A .html file is the interactive chart (plotly, extra "
                              "psp[interactive]): one self-contained page to hover and "
                              "zoom, opened without a network."}),
    "table": ("write the Projektstrukturplan table", _table_options, {}),
    "costs": ("cost, funding and own share per budget year", _costs_options, {}),
    "critical": ("print the critical path in order", _critical_options, {}),
    "report": ("write a status report (Sachstandsbericht)", _report_options,
               {"description": "Per work package and task: done, running (with the share "
                               "of its span elapsed), not started, late against the "
                               "baseline and why; events held and next; milestones "
                               "reached and next; deadlines missed or endangered; the "
                               "slack against the contractual end. --status is the "
                               "report's date (default: the plan's [project] status); "
                               "--delay, --duration and --extend replan FILE first."}),
    "mta": ("milestone trend analysis (Meilensteintrendanalyse)", _mta_options,
            {"description": "The forecast of every milestone and event (y) against the "
                            "report date (x) over a series of plan versions: the files "
                            "given in order, or with --git the revisions of FILE in its "
                            "git repository. A version's report date is its [project] "
                            "status, else (with --git) its commit date."}),
    "milestones": ("draw the milestone overview: milestones and events, a lane per work "
                   "package", _milestones_options, {}),
    "risk": ("how likely the end date is, and which tasks and risks decide it",
             _risk_options,
             {"description": "A Monte Carlo simulation of the plan's three-point estimates "
                             "(optimistic, pessimistic) and [[risk]] events: percentiles "
                             "of the finish, the probability of meeting the contractual "
                             "end and every not_after, each task's criticality and "
                             "sensitivity, each risk's impact. A .png, .svg or .pdf is "
                             "the S-curve, the histogram and the tornado chart. Needs "
                             "the extra psp[risk] (NumPy)."}),
    "convert": ("write the plan in another format (by suffix)", _convert_options,
                {"description": "Formats by suffix: .toml (psp), .xml/.mspdi (MS Project "
                                "XML), .gan (GanttProject), .xlsx/.csv (month grid), and "
                                "written only .tjp (TaskJuggler) and .ics (iCalendar). "
                                "What the target cannot hold, or the source could only "
                                "approximate, is listed on stderr."}),
}


def _parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; with a command named in ``argv``, only that command is built.

    Without one every command is listed with its options (``psp -h``, or a usage error
    naming the commands); building all of them would cost each run a few milliseconds
    for nothing.
    """
    parser = argparse.ArgumentParser(
        prog="psp", description="Project schedules in exact calendar months.",
        epilog="Every command takes a plan or portfolio file; 'psp COMMAND -h' shows its "
               "options and an example.")
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show psp's version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    named = next((arg for arg in argv if not arg.startswith("-")), None)
    for name, (help, options, extra) in _COMMANDS.items():
        if named not in _COMMANDS or named == name:
            command = _command(commands, name, help, **extra)
            _file_argument(command)
            options(command)
    return parser


def _plain_streams() -> None:
    """Let text reach a terminal or file in any encoding instead of failing on '→'."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="psp-ascii")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Examples
    --------
    >>> main(["check", "examples/digitale_werkstatt.toml", "--verbose"])
    examples/digitale_werkstatt.toml: ok (25 tasks, 4 packages, 30 links)
    0
    """
    _plain_streams()
    args = _parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    # A killed run unwinds like an interrupted one, so no half-written file is left.
    previous = None
    with contextlib.suppress(ValueError):  # not in the main thread: nothing to set
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _finish(args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def console() -> NoReturn:
    """The ``psp`` program (and ``python -m psp``): `main`, in a process that ends with it.

    The command's objects die with the process, so it neither collects cycles (psp
    builds none worth finding: a large plan's objects would be walked again and again)
    nor frees its objects one by one on the way out. What an exit must still do is
    done: the ``atexit`` handlers run and both streams are flushed. `main` is the same
    command for callers that go on afterwards.

    Returns
    -------
    NoReturn
        It ends the process with `main`'s exit status.

    Examples
    --------
    >>> import subprocess, sys
    >>> done = subprocess.run([sys.executable, "-m", "psp", "check", "examples/none.toml"],
    ...                       capture_output=True, text=True)
    >>> done.returncode, done.stdout
    (1, 'examples/none.toml: cannot read the plan file: No such file or directory\\n')
    """
    gc.disable()
    status = main()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe said so already
            stream.flush()
    os._exit(status)


def _finish(args: argparse.Namespace) -> int:
    """Run the command; a closed pipe or a refused standard output ends it cleanly."""
    try:
        from psp.cli._commands import run

        status = run(args)
        sys.stdout.flush()  # a full disk shows here, not at exit
        return status
    except OSError as err:
        # Python would try the flush again at exit: point standard output at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if not isinstance(err, BrokenPipeError):  # a closed pipe (| head) ends quietly
            print(f"psp {args.command}: cannot write the output: {err.strerror or err}",
                  file=sys.stderr)
        return 1


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


# What a legacy code page (cp1252, latin-1, ASCII) cannot show gets its ASCII equivalent.
_ASCII = {"→": "->", "·": "|", "–": "-", "—": "-", "…": "...", "■": "#", "◆": "*",
          "€": "EUR", "’": "'", "„": '"', "“": '"', "”": '"', "≥": ">=", "≤": "<="}


def _ascii_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeEncodeError)
    bad = err.object[err.start:err.end]
    return "".join(_ASCII.get(char, "?") for char in bad), err.end


codecs.register_error("psp-ascii", _ascii_fallback)
