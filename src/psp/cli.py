"""The command line: ``psp check FILE`` and ``psp schedule FILE``.

Exit status: 0 when all is well, 1 when the plan has problems (one line each),
2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import psp
from psp import export

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="psp", description="Project schedules in exact calendar months."
    )
    parser.add_argument("--version", action="version", version=f"psp {psp.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate a plan file: one line per problem")
    check.add_argument("file", metavar="FILE")
    check.add_argument("-v", "--verbose", action="store_true", help="say so when all is well")

    sched = commands.add_parser("schedule", help="compute and print the schedule of a plan")
    sched.add_argument("file", metavar="FILE")
    sched.add_argument("--format", choices=("text", "json", "csv"), default="text")
    sched.add_argument("--lang", choices=("de", "en"), default="de", help="labels (text form)")
    return parser


def _problems(err: psp.PlanError) -> list[str]:
    if isinstance(err, psp.ValidationError):
        return [str(p) for p in err.problems]
    return [str(err)]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Examples
    --------
    >>> main(["check", "examples/digitale_werkstatt.toml", "--verbose"])
    examples/digitale_werkstatt.toml: ok (25 tasks, 4 packages, 30 links)
    0
    """
    args = _parser().parse_args(argv)
    try:
        plan = psp.load(args.file)
    except psp.PlanError as err:
        stream = sys.stdout if args.command == "check" else sys.stderr
        for line in _problems(err):
            print(line, file=stream)
        return 1
    if args.command == "check":
        if args.verbose:
            print(
                f"{args.file}: ok ({len(plan.tasks)} tasks, {len(plan.packages)} packages, "
                f"{len(plan.links)} links)"
            )
        return 0
    result = psp.schedule(plan)
    if args.format == "json":
        print(export.as_json(result))
    elif args.format == "csv":
        sys.stdout.write(export.as_csv(result))
    else:
        print(export.as_text(result, lang=args.lang))
    return 0
