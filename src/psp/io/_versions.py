"""Versions of one plan: files given in order, or the revisions of a plan file in git.

A milestone trend analysis reads a plan as it stood at each report. Versions kept as
files are read in the order given; versions kept in git are every commit that changed
the file (following renames), oldest first, each read with ``git show`` — ``git`` itself
does the reading, so any repository git can read works, and nothing is checked out.
A version's report date is its ``[project] status``, else (in git) its commit's date
(the author date, which ``git commit --date`` sets).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import attrs

from psp.errors import FileReadError, UsageError
from psp.io._door import load
from psp.io._toml import loads
from psp.model import Project

__all__ = ["Version", "git_versions", "plan_versions"]


@attrs.frozen
class Version:
    """One version of a plan: a label, its report date (``None`` when it has none), the plan."""

    label: str
    report_date: dt.date | None
    plan: Project


def plan_versions(paths: list[str | os.PathLike[str]]) -> list[Version]:
    """Each file read as one version, in the order given, labelled by its file name.

    Parameters
    ----------
    paths : list of str or path-like
        Plan files (any format psp reads), oldest first.

    Returns
    -------
    list of Version

    Examples
    --------
    >>> [v.report_date for v in plan_versions(["examples/digitale_werkstatt.toml"])]
    [None]
    """
    return [Version(Path(p).name, None, load(p)) for p in paths]


def _git(folder: Path, *args: str) -> str:
    git = shutil.which("git")
    if git is None:
        raise UsageError("--git needs the git command, which is not installed here")
    done = subprocess.run([git, "-C", str(folder), *args], capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout.decode("utf-8", "replace")


def git_versions(path: str | os.PathLike[str]) -> list[Version]:
    """Every committed version of a plan file, oldest first, labelled ``<commit> <date>``.

    Parameters
    ----------
    path : str or path-like
        A plan file (TOML) inside a git working tree.

    Returns
    -------
    list of Version
        Each with its ``[project] status`` as report date, else its commit's date.

    Raises
    ------
    UsageError
        When git is missing, the file is not in a repository, or was never committed.
    PlanError
        When a version cannot be read (its problems name the commit).

    Examples
    --------
    >>> import tempfile, shutil, subprocess, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     plan = pathlib.Path(folder) / "plan.toml"
    ...     _ = shutil.copy("examples/digitale_werkstatt.toml", plan)
    ...     git = ["git", "-C", folder, "-c", "user.name=psp", "-c", "user.email=p@s.p"]
    ...     _ = subprocess.run(["git", "init", "-q", folder], check=True)
    ...     _ = subprocess.run([*git, "add", "plan.toml"], check=True)
    ...     _ = subprocess.run([*git, "commit", "-qm", "v1", "--date", "2021-01-15T12:00"],
    ...                        check=True)
    ...     [v.report_date for v in git_versions(plan)]
    [datetime.date(2021, 1, 15)]
    """
    file = Path(path).resolve()
    if not file.parent.is_dir():
        raise FileReadError(str(path), "no such folder")
    top = Path(_git(file.parent, "rev-parse", "--show-toplevel").strip())
    relative = file.relative_to(top.resolve()).as_posix()
    log = _git(top, "log", "--follow", "--format=%x00%H %as", "--name-only", "--",
               relative)
    found = []
    for entry in log.split("\0")[1:]:
        head, *names = [line for line in entry.splitlines() if line.strip()]
        commit, day = head.split()
        name = names[-1] if names else relative
        text = _git(top, "show", f"{commit}:{name}")
        label = f"{commit[:7]} {day}"
        plan = loads(text, file=f"{path}@{commit[:7]}")
        found.append(Version(label, plan.status or dt.date.fromisoformat(day), plan))
    if not found:
        raise UsageError(f"{path}: no commit of this file in its git repository")
    return found[::-1]
