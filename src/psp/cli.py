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
from typing import TypeVar

import psp
from psp import export
from psp._support.files import write_atomically

__all__ = ["main"]

T = TypeVar("T")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="psp", description="Project schedules in exact calendar months."
    )
    parser.add_argument("--version", action="version", version=f"psp {psp.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate a plan file: one line per problem")
    check.add_argument("file", metavar="FILE")
    check.add_argument("-v", "--verbose", action="store_true", help="say so when all is well")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 on warnings too (e.g. a missed finish-no-later-than)")

    sched = commands.add_parser("schedule", help="compute and print the schedule of a plan")
    sched.add_argument("file", metavar="FILE")
    sched.add_argument("--format", choices=("text", "json", "csv"), default="text")
    sched.add_argument("--lang", choices=("de", "en"), default="de", help="labels (text form)")

    re = commands.add_parser(
        "replan", help="apply delays, an extension or progress and show what moved and why",
        description="Changes apply in this order: --delay (as given), --duration, --extend, "
                    "--status.")
    re.add_argument("file", metavar="FILE")
    re.add_argument("--delay", action="append", default=[], metavar="ID=MONTH|ID=+N",
                    help="start no earlier than MONTH, or N periods later (task or package)")
    re.add_argument("--duration", action="append", default=[], metavar="ID=N",
                    help="a task's new duration in periods")
    re.add_argument("--extend", metavar="DATE", help="new contractual end, e.g. 31.12.2021")
    re.add_argument("--status", metavar="DATE", help="status date: no unfinished work before it")
    re.add_argument("--not-started", action="append", default=[], metavar="ID",
                    help="with --status: this task has not started")
    re.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text")
    re.add_argument("--lang", choices=("de", "en"), default="de")
    re.add_argument("--out", metavar="NEW.toml",
                    help="write the replanned plan (or portfolio) file; never over FILE")
    re.add_argument("--force", action="store_true",
                    help="with --out: write over FILE itself (or a link to it)")
    re.add_argument("--costs", action="store_true",
                    help="add cost per budget year before and after, and the verdict")

    chart = commands.add_parser("gantt", help="draw the Gantt chart (PNG, SVG or PDF)")
    chart.add_argument("file", metavar="FILE")
    chart.add_argument("-o", "--output", required=True, metavar="OUT.png|svg|pdf",
                       help="the file to write (- for standard output)")
    chart.add_argument("--format", choices=("png", "svg", "pdf"),
                       help="the format, when the file's suffix does not say it")
    chart.add_argument("--baseline", metavar="FILE", help="a plan drawn as ghost bars")
    chart.add_argument("--delay", action="append", default=[], metavar="ID=MONTH|ID=+N")
    chart.add_argument("--duration", action="append", default=[], metavar="ID=N")
    chart.add_argument("--extend", metavar="DATE")
    chart.add_argument("--status", metavar="DATE")
    chart.add_argument("--not-started", action="append", default=[], metavar="ID")
    chart.add_argument("--arrows", action="store_true", help="draw dependency arrows")
    chart.add_argument("--lang", choices=("de", "en"), default="de")

    table = commands.add_parser("table", help="write the Projektstrukturplan table")
    table.add_argument("file", metavar="FILE")
    table.add_argument("-o", "--output", required=True, metavar="OUT.md|html|csv|xlsx",
                       help="the file to write (- for standard output)")
    table.add_argument("--format", choices=("md", "html", "csv", "xlsx"),
                       help="the format, when the file's suffix does not say it")
    table.add_argument("--lang", choices=("de", "en"), default="de")

    money = commands.add_parser("costs", help="cost, funding and own share per budget year")
    money.add_argument("file", metavar="FILE", help="a plan or a portfolio file")
    money.add_argument("--format", choices=("text", "json", "csv", "xlsx"),
                       help="text, json, csv or xlsx (default: from -o's suffix, else text)")
    money.add_argument("-o", "--output", metavar="OUT", help="write to a file (xlsx needs it)")
    money.add_argument("--lang", choices=("de", "en"), default="de")

    crit = commands.add_parser("critical", help="print the critical path in order")
    crit.add_argument("file", metavar="FILE")
    crit.add_argument("--format", choices=("text", "markdown", "csv"), default="text")
    crit.add_argument("--lang", choices=("de", "en"), default="de")
    return parser


_CHART_FORMATS = (".png", ".svg", ".pdf")


def _gantt(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    suffix = f".{args.format}" if args.format else Path(args.output).suffix.lower()
    if suffix not in _CHART_FORMATS:
        raise psp.UsageError(f"{args.output}: draw a chart as .png, .svg or .pdf "
                             "(or say --format)")
    changes = _changes(args)
    drawn: psp.Schedule | psp.Replan = (psp.replan(plan, changes) if changes
                                        else psp.schedule(plan))
    baseline = None if args.baseline is None else psp.schedule(_load(args.baseline))
    chart = psp.gantt(drawn, baseline=baseline, lang=args.lang, arrows=args.arrows)
    inputs = [args.file] + ([args.baseline] if args.baseline else [])
    write_atomically(args.output, lambda tmp: chart.figure.savefig(
        tmp, format=suffix[1:], dpi=150), inputs=inputs)
    return 0


def _table(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    export.write_table(psp.schedule(plan), args.output, lang=args.lang, format=args.format,
                       inputs=(args.file,))
    return 0


def _critical(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    result = export.critical_path_table(psp.schedule(plan), lang=args.lang)
    text = {"text": result.to_text, "markdown": result.to_markdown, "csv": result.to_csv}
    sys.stdout.write(text[args.format]().rstrip("\n") + "\n")
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
    if args.format == "json":
        data = export.as_dict(result, lang=args.lang)
        if comparison is not None:
            data["costs"] = {"before": comparison.before.to_dict(),
                             "after": comparison.after.to_dict(),
                             "neutral": comparison.neutral}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.format in ("markdown", "html"):
        print(export.amendment_table(result, format=args.format, lang=args.lang,
                                     costs=comparison))
    else:
        print(result.to_text(args.lang))
        if comparison is not None:
            print()
            print(comparison.table(args.lang).to_text())
        print()
        print(result.after.to_text(args.lang))
    return 0


_COST_SUFFIXES = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".txt": "text"}


def _cost_format(args: argparse.Namespace) -> str:
    """The format asked for, or the one the output file's suffix names; never text as xlsx."""
    named = _COST_SUFFIXES.get(Path(args.output or "").suffix.lower())
    if args.format and named and args.format != named:
        raise psp.UsageError(f"--format {args.format} does not fit {args.output}: "
                             f"name a .{'txt' if args.format == 'text' else args.format} file")
    chosen: str = args.format or named or "text"
    if chosen == "xlsx" and not args.output:
        raise psp.UsageError("--format xlsx writes a file: give -o OUT.xlsx (or -o -)")
    return chosen


def _costs(portfolio: psp.Portfolio, args: argparse.Namespace) -> int:
    report = psp.costs(portfolio)
    args.format = _cost_format(args)
    if args.format == "xlsx":
        export.write_costs_xlsx(report, args.output, lang=args.lang, inputs=(args.file,))
        return 0
    if args.format == "json":
        text = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "csv":
        text = report.to_csv()
    else:
        text = report.to_text(args.lang) + "\n"
    if args.output:
        write_atomically(args.output, lambda tmp: tmp.write_text(text, encoding="utf-8"),
                         inputs=(args.file,))
    else:
        sys.stdout.write(text)
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
    if isinstance(err, psp.FileReadError | psp.PlanFileError):
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
    export.check_chart(schedule)  # gantt
    export.check_table(schedule)  # table
    if any(p.positions for p in portfolio.projects):
        psp.costs(portfolio)  # costs
    warnings = [f"{args.file}: task {m.id}: not_after: warning: finishes "
                f"{m.finish.isoformat()}, after {m.not_after.isoformat()} "
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
    if args.format == "json":
        print(export.as_json(result))
    elif args.format == "csv":
        sys.stdout.write(export.as_csv(result))
    else:
        print(result.to_text(args.lang))
    return 0
