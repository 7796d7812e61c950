"""The command line: ``psp check``, ``schedule``, ``replan``, ``gantt``, ``table``, ``critical``,
``costs``.

Exit status: 0 when all is well, 1 when the plan has problems (one line each),
2 for a usage error.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import psp

if TYPE_CHECKING:
    from psp.calendars import Lang

__all__ = ["main"]

T = TypeVar("T")


_EXAMPLES = {
    "check": "psp check examples/digitale_werkstatt.toml --strict",
    "schedule": "psp schedule examples/digitale_werkstatt.toml --format json -o schedule.json",
    "replan": "psp replan examples/digitale_werkstatt.toml --delay 3.1=2021-06 "
              "--extend 31.12.2021 -o new.toml",
    "gantt": "psp gantt examples/digitale_werkstatt.toml -o chart.png --delay AP3=+2",
    "table": "psp table examples/digitale_werkstatt.toml -o plan.xlsx",
    "costs": "psp costs examples/digitale_modellregion.toml -o costs.csv",
    "critical": "psp critical examples/digitale_werkstatt.toml --format markdown",
}


def _command(commands: Any, name: str, help: str, **extra: Any) -> argparse.ArgumentParser:
    """A subcommand with its file argument and an example in its help."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help, epilog=f"example:\n  {_EXAMPLES[name]}",
        formatter_class=argparse.RawDescriptionHelpFormatter, **extra)
    parser.add_argument("file", metavar="FILE", help="a plan or portfolio file (TOML)")
    return parser


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
    """``--version``, read from the package's metadata only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"psp {psp.__version__}")  # to standard output, as argparse's own action
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="psp", description="Project schedules in exact calendar months.",
        epilog="Every command takes a plan or portfolio file; 'psp COMMAND -h' shows its "
               "options and an example.")
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show psp's version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = _command(commands, "check", "validate a plan file: one line per problem")
    check.add_argument("-v", "--verbose", action="store_true", help="say so when all is well")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 on warnings too (e.g. a missed finish-no-later-than)")
    _lang_option(check)

    sched = _command(commands, "schedule", "compute and print the schedule of a plan")
    _format_option(sched, ("text", "json", "csv"))
    _output_option(sched, "OUT.txt|json|csv")
    _indent_option(sched)
    _lang_option(sched)

    re = _command(commands, "replan",
                  "apply delays, an extension or progress and show what moved and why",
                  description="Changes apply in this order: --delay (as given), --duration, "
                              "--extend, --status.")
    _change_options(re)
    _format_option(re, ("text", "json", "markdown", "html"))
    re.add_argument("-o", "--output", "--out", dest="out", metavar="NEW.toml",
                    help="write the replanned plan (or portfolio) file; never over FILE "
                         "(--out is the old name)")
    re.add_argument("--force", action="store_true",
                    help="with -o: write over FILE itself (or a link to it)")
    re.add_argument("--costs", action="store_true",
                    help="add cost per budget year before and after, and the verdict")
    _indent_option(re)
    _lang_option(re)

    chart = _command(commands, "gantt", "draw the Gantt chart (PNG, SVG or PDF)")
    _output_option(chart, "OUT.png|svg|pdf", required=True)
    _format_option(chart, ("png", "svg", "pdf"))
    chart.add_argument("--baseline", metavar="FILE", help="a plan drawn as ghost bars")
    _change_options(chart)
    chart.add_argument("--arrows", action="store_true", help="draw dependency arrows")
    _lang_option(chart)

    table = _command(commands, "table", "write the Projektstrukturplan table")
    _output_option(table, "OUT.md|html|csv|xlsx", required=True)
    _format_option(table, ("markdown", "html", "csv", "xlsx", "md"))
    _lang_option(table)

    money = _command(commands, "costs", "cost, funding and own share per budget year")
    _format_option(money, ("text", "json", "csv", "xlsx"))
    _output_option(money, "OUT.txt|json|csv|xlsx")
    _indent_option(money)
    _lang_option(money)

    crit = _command(commands, "critical", "print the critical path in order")
    _format_option(crit, ("text", "markdown", "csv"))
    _output_option(crit, "OUT.txt|md|csv")
    _lang_option(crit)
    return parser


def _lang(args: argparse.Namespace, *, data: bool = False) -> Lang:
    """The language asked for; data (CSV) is English with ISO dates unless --lang de."""
    return args.lang or ("en" if data else "de")


# Each format's own suffix, and every suffix a format is known by.
_SUFFIX_OF = {"text": ".txt", "markdown": ".md", "json": ".json", "csv": ".csv",
              "html": ".html", "xlsx": ".xlsx"}
_SUFFIX_FORMATS = {**{s: f for f, s in _SUFFIX_OF.items()}, ".markdown": "markdown",
                   ".htm": "html"}


def _format(args: argparse.Namespace, choices: tuple[str, ...], *, guess: bool = True) -> str:
    """The format asked for, or the one the output file's suffix names, else the first.

    ``guess=False``: a file's format must be named, by its suffix or ``--format``.
    """
    from psp._support.files import STDOUT  # on first use: a quick start
    output = getattr(args, "output", None)
    suffix = "" if output in (None, *STDOUT) else Path(output).suffix.lower()
    named = _SUFFIX_FORMATS.get(suffix)
    if args.format and named and args.format != named:
        raise psp.UsageError(f"--format {args.format} does not fit {output}: name a "
                             f"{_SUFFIX_OF.get(args.format, args.format)} file")
    if not args.format and ((named is not None and named not in choices)
                            or ((suffix or not guess) and named is None)):
        known = ", ".join(_SUFFIX_OF[c] for c in choices if c in _SUFFIX_OF)
        raise psp.UsageError(f"{output}: name a {known} file (or say --format)")
    return args.format or named or choices[0]


def _emit(args: argparse.Namespace, text: str) -> None:
    """Text to -o's file (atomically, never over the input) or to standard output."""
    from psp._support.files import STDOUT, write_atomically  # on first use: a quick start
    output = getattr(args, "output", None)
    if output is None or output in STDOUT:
        sys.stdout.write(text)
        return
    write_atomically(output, lambda tmp: tmp.write_text(text, encoding="utf-8"),
                     inputs=(args.file,))


_CHART_FORMATS = (".png", ".svg", ".pdf")


def _gantt(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    from psp._support.files import write_atomically  # on first use: a quick start
    plan = _as_plan(portfolio)
    suffix = f".{args.format}" if args.format else Path(args.output).suffix.lower()
    if suffix not in _CHART_FORMATS:
        raise psp.UsageError(f"{args.output}: draw a chart as .png, .svg or .pdf "
                             "(or say --format)")
    changes = _changes(args)
    drawn: psp.Schedule | psp.Replan = (psp.replan(plan, changes) if changes
                                        else psp.schedule(plan))
    baseline = None if args.baseline is None else psp.schedule(_load(args.baseline))
    chart = psp.gantt(drawn, baseline=baseline, lang=_lang(args), arrows=args.arrows)
    inputs = [args.file] + ([args.baseline] if args.baseline else [])
    write_atomically(args.output, lambda tmp: chart.figure.savefig(
        tmp, format=suffix[1:], dpi=150), inputs=inputs)
    return 0


def _table(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    if args.format == "md":
        args.format = "markdown"
    chosen = _format(args, ("markdown", "html", "csv", "xlsx"), guess=False)
    psp.export.write_table(psp.schedule(plan), args.output, format=_SUFFIX_OF[chosen],
                       lang=_lang(args, data=chosen == "csv"), inputs=(args.file,))
    return 0


def _critical(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    chosen = _format(args, ("text", "markdown", "csv"))
    result = psp.export.critical_path_table(psp.schedule(plan),
                                        lang=_lang(args, data=chosen == "csv"))
    text = {"text": result.to_text, "markdown": result.to_markdown, "csv": result.to_csv}
    _emit(args, text[chosen]().rstrip("\n") + "\n")
    return 0


def _option(name: str, text: str, read: Callable[[str], T]) -> T:
    """Read one option's value; a value that cannot be read is a usage error naming it."""
    try:
        return read(text)
    except psp.PlanError as err:
        hint = ""
        if name == "--delay" and re.fullmatch(r"[^=]+=\d+", text.strip()):
            hint = f"; did you mean {text.partition('=')[0]}=+{text.partition('=')[2]}?"
        raise psp.UsageError(f"{name} {text!r}: {err}{hint}") from None


def _duration(text: str) -> psp.SetDuration:
    task_id, _, value = text.partition("=")
    if not re.fullmatch(r"[0-9]+", value.strip()) or not task_id.strip():
        raise psp.UsageError("expected ID=N, a task and a whole number of periods")
    return psp.SetDuration(task_id.strip(), int(value))


def _changes(args: argparse.Namespace) -> list[psp.Change]:
    changes: list[psp.Change] = [_option("--delay", text, psp.Delay.from_string)
                                 for text in args.delay]
    changes += [_option("--duration", text, _duration) for text in args.duration]
    if args.extend:
        changes.append(psp.Extend(_option("--extend", args.extend,
                                          lambda t: psp.parse_date(t, edge="end"))))
    if args.status:
        status = _option("--status", args.status, psp.parse_date)
        changes.append(psp.Progress(status, not_started=args.not_started))
    elif args.not_started:
        raise psp.UsageError("--not-started needs --status")
    return changes


def _replan(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    from psp._support.files import write_atomically  # on first use: a quick start
    plan = _as_plan(portfolio)
    joint = len(portfolio.projects) > 1 or bool(portfolio.links)
    if joint and args.extend:
        raise psp.UsageError("--extend: a portfolio has one contractual end per project; "
                             "change the project's end in the file")
    result = psp.replan(plan, _changes(args))
    if args.out:
        text = (psp.dumps_portfolio(psp.restore(portfolio, result.plan)) if joint
                else psp.dumps(result.plan))
        write_atomically(args.out, lambda tmp: tmp.write_text(text, encoding="utf-8"),
                         inputs=() if args.force else (args.file,))
    comparison = psp.compare_costs(plan, result.plan) if args.costs else None
    lang = _lang(args)
    if args.format == "json":
        data = psp.export.as_dict(result, lang=_lang(args, data=True))
        if comparison is not None:
            data["costs"] = {"before": comparison.before.to_dict(),
                             "after": comparison.after.to_dict(),
                             "neutral": comparison.neutral}
        print(json.dumps(data, indent=args.indent, ensure_ascii=False))
    elif args.format in ("markdown", "html"):
        print(psp.export.amendment_table(result, format=args.format, lang=lang,
                                     costs=comparison))
    else:
        print(result.to_text(lang=lang))
        if comparison is not None:
            print()
            print(comparison.table(lang=lang).to_text())
        print()
        print(result.after.to_text(lang=lang))
    return 0


def _costs(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    report = psp.costs(portfolio)
    chosen = _format(args, ("text", "json", "csv", "xlsx"))
    if chosen == "xlsx":
        if not args.output:
            raise psp.UsageError("--format xlsx writes a file: give -o OUT.xlsx (or -o -)")
        psp.export.write_costs_xlsx(report, args.output, lang=_lang(args), inputs=(args.file,))
    elif chosen == "json":
        _emit(args, json.dumps(report.to_dict(), indent=args.indent, ensure_ascii=False)
              + "\n")
    elif chosen == "csv":
        _emit(args, report.to_csv())
    else:
        _emit(args, report.to_text(lang=_lang(args)) + "\n")
    return 0


def _load(file: str) -> psp.Project:
    """A plan file as it is; a portfolio file as one plan of all its projects."""
    return _as_plan(psp.load_portfolio(file))


def _as_plan(portfolio: psp.Portfolio) -> psp.Project:
    if len(portfolio.projects) == 1 and not portfolio.links:
        return portfolio.projects[0]
    return psp.flatten(portfolio)


def _problems(err: psp.PlanError, file: str) -> list[str]:
    """One line per problem, each naming the file (a schedule's problems know no file)."""
    if isinstance(err, psp.ValidationError):
        return [str(p if p.file else p.in_file(file)) for p in err.problems]
    if isinstance(err, psp.FileError | psp.PlanFileError):
        return [str(err)]
    return [f"{file}: {err}"]


# What a legacy code page (cp1252, latin-1, ASCII) cannot show gets its ASCII equivalent.
_ASCII = {"→": "->", "·": "|", "–": "-", "—": "-", "…": "...", "■": "#", "◆": "*",
          "€": "EUR", "’": "'", "„": '"', "“": '"', "”": '"', "≥": ">=", "≤": "<="}


def _ascii_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeEncodeError)
    bad = err.object[err.start:err.end]
    return "".join(_ASCII.get(char, "?") for char in bad), err.end


codecs.register_error("psp-ascii", _ascii_fallback)


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
    args = _parser().parse_args(argv)
    # A killed run unwinds like an interrupted one, so no half-written file is left.
    previous = None
    with contextlib.suppress(ValueError):  # not in the main thread: nothing to set
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _finish(args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _finish(args: argparse.Namespace) -> int:
    """Run the command; a closed pipe or a refused standard output ends it cleanly."""
    try:
        status = _run(args)
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


def _run(args: argparse.Namespace) -> int:
    try:
        commands = {"check": _check, "schedule": _schedule, "replan": _replan,
                    "gantt": _gantt, "table": _table, "critical": _critical,
                    "costs": _costs}
        return commands[args.command](psp.load_portfolio(args.file), args)
    except psp.UsageError as err:
        print(f"psp {args.command}: error: {err}", file=sys.stderr)
        return 2
    except psp.MissingExtraError as err:  # the machine lacks a package, not the plan a fix
        print(f"psp {args.command}: error: {err}", file=sys.stderr)
        return 1
    except psp.PlanError as err:
        # check's problems are its output; for every other command they are errors
        stream = sys.stdout if args.command == "check" else sys.stderr
        for line in _problems(err, args.file):
            print(line, file=stream)
        return 1


def _written_deadlines(portfolio: psp.Portfolio) -> set[str]:
    """The tasks whose not_after the file states (a portfolio adds its projects' ends)."""
    alone = len(portfolio.projects) == 1 and not portfolio.links
    return {c.task if alone else f"{key}:{c.task}"
            for key, p in zip(portfolio.keys, portfolio.projects, strict=True)
            for c in p.constraints if not c.is_start}


def _check(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    """Pass a plan only if every other command accepts it too."""
    plan = _as_plan(portfolio)
    schedule = psp.schedule(plan)  # schedule, replan, critical
    psp.export.check_chart(schedule)  # gantt
    psp.export.check_table(schedule)  # table
    if any(p.positions for p in portfolio.projects):
        psp.costs(portfolio)  # costs
    day = (lambda d: d.isoformat()) if args.lang is None else (
        lambda d: psp.format_date(d, lang=args.lang))
    warnings = [f"{args.file}: task {m.id}: not_after: warning: finishes "
                f"{day(m.finish)}, after {day(m.not_after)} "
                f"({m.by} period{'s' if m.by != 1 else ''} late)"
                for m in schedule.deadlines_missed if m.id in _written_deadlines(portfolio)]
    for line in warnings:
        print(line)
    if warnings and args.strict:
        return 1
    if args.verbose:
        print(f"{args.file}: ok ({len(plan.tasks)} tasks, {len(plan.packages)} packages, "
              f"{len(plan.links)} links)")
    return 0


def _schedule(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    result = psp.schedule(plan)
    chosen = _format(args, ("text", "json", "csv"))
    if chosen == "json":
        _emit(args, psp.export.as_json(result, indent=args.indent, lang=_lang(args, data=True))
              + "\n")
    elif chosen == "csv":
        _emit(args, psp.export.as_csv(result))
    else:
        _emit(args, result.to_text(lang=_lang(args)) + "\n")
    return 0
