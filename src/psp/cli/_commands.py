"""The commands of ``psp``: each reads the plan it is given and writes what it was asked for.

`run` is the one entry, called by `psp.cli.main` once the arguments are read. Replanning,
costs and the exporters load only in the commands that use them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager as ContextManager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from psp import export
from psp._support.files import STDOUT, put_text, write_atomically
from psp._support.progress import Advance, progress
from psp._support.words import phrase
from psp.calendars import format_date, parse_date
from psp.engine import schedule
from psp.errors import (
    FileError,
    MissingExtraError,
    PlanError,
    PlanFileError,
    UsageError,
    ValidationError,
)
from psp.io import (
    check_unit,
    dumps,
    dumps_portfolio,
    format_of,
    load_portfolio,
    read,
    write,
)
from psp.model import Portfolio

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from psp.analysis import CostComparison
    from psp.calendars import Lang
    from psp.engine import Schedule
    from psp.io import Note
    from psp.model import Project
    from psp.replanning import Change, Replan, SetDuration
    from psp.risk import RiskComparison

__all__ = ["run"]

T = TypeVar("T")


def _lang(args: argparse.Namespace, *, data: bool = False) -> Lang:
    """The language asked for; data (CSV) is English with ISO dates unless --lang de (or
    --excel, which writes for a German Excel)."""
    return getattr(args, "lang", None) or (
        "en" if data and not getattr(args, "excel", False) else "de")


# Each format's own suffix, and every suffix a format is known by.
_SUFFIX_OF = {"text": ".txt", "markdown": ".md", "json": ".json", "csv": ".csv",
              "html": ".html", "xlsx": ".xlsx", "docx": ".docx", "png": ".png", "svg": ".svg",
              "pdf": ".pdf"}
_SUFFIX_FORMATS = {**{s: f for f, s in _SUFFIX_OF.items()}, ".markdown": "markdown",
                   ".htm": "html"}


def _format(args: argparse.Namespace, choices: tuple[str, ...], *, guess: bool = True) -> str:
    """The format asked for, or the one the output file's suffix names, else the first.

    ``guess=False``: a file's format must be named, by its suffix or ``--format``.
    """
    output = getattr(args, "output", None)
    suffix = "" if output in (None, *STDOUT) else Path(output).suffix.lower()
    named = _SUFFIX_FORMATS.get(suffix)
    if args.format and named and args.format != named:
        raise UsageError(f"--format {args.format} does not fit {output}: name a "
                         f"{_SUFFIX_OF.get(args.format, args.format)} file")
    if not args.format and ((named is not None and named not in choices)
                            or ((suffix or not guess) and named is None)):
        known = ", ".join(_SUFFIX_OF[c] for c in choices if c in _SUFFIX_OF)
        raise UsageError(f"{output}: name a {known} file (or say --format)")
    return args.format or named or choices[0]


def _excel_csv(args: argparse.Namespace, chosen: str) -> None:
    """--excel shapes CSV only: with another format it is a mistake worth naming."""
    if args.excel and chosen != "csv":
        raise UsageError(f"--excel writes CSV for Excel; it does not apply to {chosen} "
                         "(name a .csv file or say --format csv)")


def _emit(args: argparse.Namespace, text: str, *, end: str = "",
          inputs: tuple[str, ...] = ()) -> None:
    """Text, then ``end``, to -o's file (atomically, never over an input) or to standard
    output, a slice at a time (`put_text`): a large text is never copied whole."""
    output = getattr(args, "output", None)
    if output is None or output in STDOUT:
        put_text(sys.stdout, text, end)
        return

    def put(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8") as out:
            put_text(out, text, end)

    write_atomically(output, put, inputs=(args.file, *inputs))


_CHART_FORMATS = (".png", ".svg", ".pdf", ".html")


def _gantt(portfolio: Portfolio, args: argparse.Namespace) -> int:
    from psp import replanning
    plan = _as_plan(portfolio)
    suffix = f".{args.format}" if args.format else Path(args.output).suffix.lower()
    if suffix not in _CHART_FORMATS:
        raise UsageError(f"{args.output}: draw a chart as .png, .svg, .pdf or .html "
                         "(or say --format)")
    if suffix == ".html" and args.paper:
        raise UsageError("--paper lays out a page to print: draw a .pdf (or .png, .svg)")
    changes = _changes(args)
    inputs = [args.file] + ([args.baseline] if args.baseline else [])
    packages = None if args.packages is None else [
        ident.strip() for ident in args.packages.split(",") if ident.strip()]
    with _bar(args, 3, unit="steps") as advance:  # schedule, draw, render and write
        drawn: Schedule | Replan = (replanning.replan(plan, changes) if changes
                                    else schedule(plan))
        baseline = None if args.baseline is None else schedule(_load(args.baseline))
        advance(1)
        if suffix == ".html":
            _interactive_chart(args, drawn, baseline, packages, inputs, advance)
            return 0
        chart = export.gantt(drawn, baseline=baseline, lang=_lang(args), arrows=args.arrows,
                             level=args.level, packages=packages, start=args.start,
                             end=args.end)
        advance(1)
        write_atomically(args.output,
                         lambda tmp: chart.savefig(tmp, format=suffix[1:], dpi=150,
                                                   paper=args.paper),
                         inputs=inputs)
        advance(1)
    rows = phrase("cli.chart_rows", _lang(args), rows=len(chart.rows),
                  level=phrase(f"cli.level.{chart.level}", _lang(args)))
    _wrote(args, f" ({rows})")
    return 0


def _interactive_chart(args: argparse.Namespace, drawn: Schedule | Replan,
                       baseline: Schedule | None, packages: list[str] | None,
                       inputs: list[str], advance: Advance) -> None:
    """``-o chart.html``: the plotly chart as one self-contained page (zoom by the mouse)."""
    if args.start or args.end:
        raise UsageError("--start and --end choose a static chart's window; in the "
                         "interactive chart, zoom instead")
    figure = export.plotly_gantt(drawn, baseline=baseline, lang=_lang(args),
                                 level=args.level, packages=packages)
    advance(1)
    write_atomically(args.output, lambda tmp: export.write_html(figure, tmp, lang=_lang(args)),
                     inputs=inputs)
    advance(1)
    _wrote(args)


def _bar(args: argparse.Namespace, total: int, *, unit: str) -> ContextManager[Advance]:
    """The command's progress bar (on a terminal, after a second, unless --quiet)."""
    return progress(total, description=f"psp {args.command}", unit=unit,
                    quiet=getattr(args, "quiet", False))


def _wrote(args: argparse.Namespace, detail: str = "") -> None:
    """Say on stderr which file a command wrote (not for standard output, not --quiet)."""
    if args.output not in STDOUT and not getattr(args, "quiet", False):
        print(f"psp {args.command}: {phrase('cli.wrote', _lang(args), file=args.output)}"
              f"{detail}", file=sys.stderr)


def _table(portfolio: Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    if args.format == "md":
        args.format = "markdown"
    chosen = _format(args, ("markdown", "html", "csv", "xlsx"), guess=False)
    _excel_csv(args, chosen)
    rows = len(plan.tasks) + len(plan.packages)
    with _bar(args, rows, unit="rows") as advance:  # an xlsx advances by rows
        export.write_table(schedule(plan), args.output, format=_SUFFIX_OF[chosen],
                           lang=_lang(args, data=chosen == "csv"), columns=args.columns,
                           excel=args.excel, inputs=(args.file,), progress=advance)
    _wrote(args)
    return 0


def _critical(portfolio: Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    chosen = _format(args, ("text", "markdown", "csv"))
    result = export.critical_path_table(schedule(plan),
                                        lang=_lang(args, data=chosen == "csv"))
    _excel_csv(args, chosen)
    text: dict[str, Callable[[], str]] = {
        "text": result.to_text, "markdown": result.to_markdown,
        "csv": lambda: result.to_csv(excel=args.excel)}
    _emit(args, text[chosen]().rstrip("\n") + "\n")
    return 0


def _option(name: str, text: str, read: Callable[[str], T]) -> T:
    """Read one option's value; a value that cannot be read is a usage error naming it."""
    try:
        return read(text)
    except PlanError as err:
        hint = ""
        if name == "--delay" and re.fullmatch(r"[^=]+=\d+", text.strip()):
            hint = f"; did you mean {text.partition('=')[0]}=+{text.partition('=')[2]}?"
        raise UsageError(f"{name} {text!r}: {err}{hint}") from None


def _duration(text: str) -> SetDuration:
    from psp import replanning
    task_id, _, value = text.partition("=")
    if not re.fullmatch(r"[0-9]+", value.strip()) or not task_id.strip():
        raise UsageError("expected ID=N, a task and a whole number of periods")
    return replanning.SetDuration(task_id.strip(), int(value))


def _changes(args: argparse.Namespace) -> list[Change]:
    from psp import replanning
    changes: list[Change] = [_option("--delay", text, replanning.Delay.from_string)
                             for text in args.delay]
    changes += [_option("--duration", text, _duration) for text in args.duration]
    if args.extend:
        changes.append(replanning.Extend(_option("--extend", args.extend,
                                                 lambda t: parse_date(t, edge="end"))))
    if args.status:
        status = _option("--status", args.status, parse_date)
        changes.append(replanning.Progress(status, not_started=args.not_started))
    elif args.not_started:
        raise UsageError("--not-started needs --status")
    return changes


def _replan(portfolio: Portfolio, args: argparse.Namespace) -> int:
    from psp import analysis, replanning
    from psp.engine import restore
    plan = _as_plan(portfolio)
    joint = len(portfolio.projects) > 1 or bool(portfolio.links)
    if joint and args.extend:
        raise UsageError("--extend: a portfolio has one contractual end per project; "
                         "change the project's end in the file")
    result = replanning.replan(plan, _changes(args))
    if args.out:
        text = (dumps_portfolio(restore(portfolio, result.plan)) if joint
                else dumps(result.plan))
        write_atomically(args.out, lambda tmp: tmp.write_text(text, encoding="utf-8"),
                         inputs=() if args.force else (args.file,))
    comparison = analysis.compare_costs(plan, result.plan) if args.costs else None
    odds = _replan_risk(result, args) if args.risk else None
    lang = _lang(args)
    if args.format == "json":
        print(_replan_json(result, comparison, args, odds))
    elif args.format in ("markdown", "html"):
        print(export.amendment_table(result, format=args.format, lang=lang,
                                     costs=comparison, risk=odds))
    else:
        print(result.to_text(lang=lang))
        if odds is not None:
            print(odds.headline(lang=lang))
        if comparison is not None:
            print()
            print(comparison.table(lang=lang).to_text())
        print()
        print(result.after.to_text(lang=lang))
    return 0


def _replan_risk(result: Replan, args: argparse.Namespace) -> RiskComparison:
    from psp.risk import compare_risk
    if not (result.baseline.estimates or result.baseline.risks):
        raise UsageError("--risk: the plan has no uncertainty to sample (give tasks "
                         "optimistic/pessimistic values or add [[risk]] events)")
    return compare_risk(result, samples=args.samples, seed=args.seed)


def _risk(portfolio: Portfolio, args: argparse.Namespace) -> int:
    from psp.risk import simulate
    if len(portfolio.projects) > 1 or portfolio.links:
        raise UsageError("risk takes one plan: a portfolio's estimates and risks are not "
                         "simulated together yet (run it on each project's own file)")
    plan = _as_plan(portfolio)
    chosen = _format(args, ("text", "json", "markdown", "html", "png", "svg", "pdf"))
    report = simulate(plan, samples=args.samples, seed=args.seed)
    lang = _lang(args, data=chosen == "json")
    if chosen in ("png", "svg", "pdf"):
        _chart(args, export.risk_chart(report, lang=lang).figure, chosen, (args.file,))
        return 0
    texts = {"text": lambda: report.to_text(lang=lang) + "\n",
             "markdown": lambda: report.to_markdown(lang=lang) + "\n",
             "html": lambda: export.risk_html(report, lang=lang),
             "json": lambda: report.to_json(indent=args.indent) + "\n"}
    _emit(args, texts[chosen]())
    return 0


def _replan_json(result: Replan, comparison: CostComparison | None,
                 args: argparse.Namespace, odds: RiskComparison | None = None) -> str:
    """A replan's JSON; with ``--costs`` the comparison under ``costs``, with ``--risk``
    both simulations under ``risk``."""
    lang = _lang(args, data=True)
    if comparison is None and odds is None:
        return export.as_json(result, indent=args.indent, lang=lang)
    data = export.as_dict(result, lang=lang)
    if comparison is not None:
        data["costs"] = {"before": comparison.before.to_dict(),
                         "after": comparison.after.to_dict(), "neutral": comparison.neutral}
    if odds is not None:
        data["risk"] = odds.to_dict()
    return json.dumps(data, indent=args.indent, ensure_ascii=False)


def _costs(portfolio: Portfolio, args: argparse.Namespace) -> int:
    from psp import analysis
    report = analysis.costs(portfolio)
    chosen = _format(args, ("text", "json", "csv", "xlsx"))
    _excel_csv(args, chosen)
    if chosen == "xlsx":
        if not args.output:
            raise UsageError("--format xlsx writes a file: give -o OUT.xlsx (or -o -)")
        export.write_costs_xlsx(report, args.output, lang=_lang(args), inputs=(args.file,))
    elif chosen == "json":
        _emit(args, json.dumps(report.to_dict(), indent=args.indent, ensure_ascii=False)
              + "\n")
    elif chosen == "csv":
        _emit(args, report.to_csv(excel=args.excel))
    else:
        _emit(args, report.to_text(lang=_lang(args)) + "\n")
    return 0


def _report(portfolio: Portfolio, args: argparse.Namespace) -> int:
    from psp import replanning, reports
    plan = _as_plan(portfolio)
    chosen = _format(args, ("markdown", "html", "docx", "text", "json"))
    baseline = None if args.baseline is None else _load(args.baseline)
    changes = _changes(args)
    if any(not isinstance(c, replanning.Progress) for c in changes) and baseline is None:
        baseline = plan
    plan = replanning.apply(plan, *changes)
    since = None if args.since is None else _option("--since", args.since, parse_date)
    report = reports.status_report(plan, since=since, baseline=baseline)
    lang = _lang(args)
    inputs = tuple(f for f in (args.file, args.baseline) if f)
    if chosen == "docx":
        if args.output in (None, *STDOUT):
            raise UsageError("--format docx writes a file: give -o REPORT.docx")
        reports.write_docx(report, args.output, lang=lang, chart=not args.no_chart,
                           inputs=inputs)
        return 0
    texts = {"markdown": lambda: report.to_markdown(lang=lang),
             "html": lambda: report.to_html(lang=lang, chart=not args.no_chart),
             "text": lambda: report.to_text(lang=lang),
             "json": lambda: json.dumps(report.to_dict(), indent=args.indent,
                                        ensure_ascii=False) + "\n"}
    _emit(args, texts[chosen](), inputs=inputs)
    return 0


def _mta(portfolio: Portfolio, args: argparse.Namespace) -> int:
    from psp import analysis
    from psp.io import git_versions, plan_versions
    if args.git:
        if args.more:
            raise UsageError("--git reads the versions of FILE from its git history: give "
                             "one file")
        versions = git_versions(args.file)
    else:
        versions = plan_versions([args.file, *args.more])
    trend = analysis.milestone_trend([v.plan for v in versions],
                                     report_dates=[v.report_date for v in versions],
                                     labels=[v.label for v in versions])
    chosen = _format(args, ("text", "markdown", "csv", "json", "png", "svg", "pdf", "html"))
    _excel_csv(args, chosen)
    lang = _lang(args, data=chosen in ("csv", "json"))
    inputs = (args.file, *args.more)
    if chosen in ("png", "svg", "pdf"):
        _chart(args, export.mta_chart(trend, lang=lang).figure, chosen, inputs)
        return 0
    texts = {"text": lambda: trend.to_text(lang=lang),
             "markdown": lambda: trend.to_markdown(lang=lang),
             "csv": lambda: trend.to_csv(lang=lang, excel=args.excel),
             "json": lambda: json.dumps(trend.to_dict(), indent=args.indent,
                                        ensure_ascii=False) + "\n",
             "html": lambda: export.mta_html(trend, lang=lang)}
    _emit(args, texts[chosen](), inputs=inputs)
    return 0


def _chart(args: argparse.Namespace, figure: Figure, chosen: str,
           inputs: tuple[str, ...]) -> None:
    if args.output in (None, *STDOUT):
        raise UsageError(f"a .{chosen} chart is written to a file: give -o CHART.{chosen}")
    write_atomically(args.output, lambda tmp: figure.savefig(tmp, format=chosen, dpi=150),
                     inputs=inputs)


def _milestones(portfolio: Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    chosen = _format(args, ("png", "svg", "pdf"), guess=False)
    _chart(args, export.milestone_overview(plan, lang=_lang(args)).figure, chosen,
           (args.file,))
    return 0


def _load(file: str) -> Project:
    """A plan file as it is; a portfolio file as one plan of all its projects."""
    return _as_plan(_input(file))


def _input(file: str, unit: str | None = None, split: bool = False) -> Portfolio:
    """A psp plan or portfolio file, or another tool's plan (what it lost said on stderr)."""
    if format_of(file) != "toml" or split:
        reading = read(file, unit=unit, split=split)
        _tell(file, reading.notes)
        return Portfolio(reading.plan.name, [reading.plan])
    portfolio = load_portfolio(file)
    for project in portfolio.projects:
        check_unit(project, unit, file)
    return portfolio


def _tell(file: str, notes: tuple[Note, ...]) -> None:
    for note in notes:
        print(f"{file}: note: {note}", file=sys.stderr)


def _convert(portfolio: Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    if Path(args.output).resolve() == Path(args.file).resolve():
        raise UsageError(f"{args.output} is the input: give another output file")
    with _bar(args, 1, unit="files"):
        notes = write(plan, args.output)
    _tell(args.output, notes)
    return 0


def _as_plan(portfolio: Portfolio) -> Project:
    if len(portfolio.projects) == 1 and not portfolio.links:
        return portfolio.projects[0]
    from psp.engine import flatten  # a portfolio's own code, loaded for portfolios only
    return flatten(portfolio)


def _problems(err: PlanError, file: str) -> list[str]:
    """One line per problem, each naming the file (a schedule's problems know no file)."""
    if isinstance(err, ValidationError):
        return [str(p if p.file else p.in_file(file)) for p in err.problems]
    if isinstance(err, FileError | PlanFileError):
        return [str(err)]
    return [f"{file}: {err}"]


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` name on their plan file; return the exit status."""
    try:
        commands = {"check": _check, "schedule": _schedule, "replan": _replan,
                    "gantt": _gantt, "table": _table, "critical": _critical,
                    "costs": _costs, "convert": _convert, "report": _report, "mta": _mta,
                    "milestones": _milestones, "risk": _risk}
        given = _input(args.file, getattr(args, "unit", None), getattr(args, "split", False))
        return commands[args.command](given, args)
    except UsageError as err:
        print(f"psp {args.command}: error: {err}", file=sys.stderr)
        return 2
    except MissingExtraError as err:  # the machine lacks a package, not the plan a fix
        print(f"psp {args.command}: error: {err}", file=sys.stderr)
        return 1
    except PlanError as err:
        # check's problems are its output; for every other command they are errors
        stream = sys.stdout if args.command == "check" else sys.stderr
        for line in _problems(err, args.file):
            print(line, file=stream)
        return 1


def _written_deadlines(portfolio: Portfolio) -> set[str]:
    """The tasks whose not_after the file states (a portfolio adds its projects' ends)."""
    alone = len(portfolio.projects) == 1 and not portfolio.links
    return {c.task if alone else f"{key}:{c.task}"
            for key, p in zip(portfolio.keys, portfolio.projects, strict=True)
            for c in p.constraints if not c.is_start}


def _check(portfolio: Portfolio, args: argparse.Namespace) -> int:
    """Pass a plan only if every other command accepts it too."""
    from psp import analysis
    from psp.engine import event_warnings
    plan = _as_plan(portfolio)
    result = schedule(plan)  # schedule, replan, critical
    export.check_chart(result)  # gantt
    export.check_table(result)  # table
    if any(p.positions for p in portfolio.projects):
        analysis.costs(portfolio)  # costs
    day = (lambda d: d.isoformat()) if args.lang is None else (
        lambda d: format_date(d, lang=args.lang))
    warnings = [f"{args.file}: task {m.id}: not_after: warning: finishes "
                f"{day(m.finish)}, after {day(m.not_after)} "
                f"({m.by} period{'s' if m.by != 1 else ''} late)"
                for m in result.deadlines_missed if m.id in _written_deadlines(portfolio)]
    warnings += [f"{args.file}: event {w.event.id}: date: warning: "
                 f"{w.message(lang=args.lang or 'en')}" for w in event_warnings(result)]
    for line in warnings:
        print(line)
    if len(plan.tasks) > 1 and not plan.links:  # said, but no problem: --strict passes it
        print(f"{args.file}: note: the plan has no links: each task keeps its own dates and "
              "nothing moves with a delay")
    if warnings and args.strict:
        return 1
    if args.verbose:
        print(f"{args.file}: ok ({len(plan.tasks)} tasks, {len(plan.packages)} packages, "
              f"{len(plan.links)} links)")
    return 0


def _schedule(portfolio: Portfolio, args: argparse.Namespace) -> int:
    plan = _as_plan(portfolio)
    result = schedule(plan)
    chosen = _format(args, ("text", "json", "csv"))
    _excel_csv(args, chosen)
    if chosen == "json":
        _emit(args, export.as_json(result, indent=args.indent, lang=_lang(args, data=True)),
              end="\n")
    elif chosen == "csv":
        _emit(args, export.as_csv(result, excel=args.excel))
    else:
        _emit(args, result.to_text(lang=_lang(args)), end="\n")
    return 0
