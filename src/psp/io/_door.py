"""One door for every format: `read` and `write` choose the format by the file's suffix.

``.xml`` / ``.mspdi`` is MS Project XML, ``.gan`` GanttProject, ``.xlsx`` / ``.csv`` a
month grid, ``.tjp`` TaskJuggler and ``.ics`` iCalendar (both written only); every other
name is psp's own plan file (TOML). Each format's module loads on first use.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psp.calendars import Unit
from psp.errors import UsageError
from psp.io import _toml
from psp.model import Project

if TYPE_CHECKING:
    from psp.io._notes import Note, Reading

__all__ = ["FORMATS", "check_unit", "dump", "format_of", "load", "read", "write"]

FORMATS: dict[str, str] = {
    ".toml": "psp plan file", ".xml": "MS Project XML (MSPDI)",
    ".mspdi": "MS Project XML (MSPDI)", ".gan": "GanttProject", ".xlsx": "month grid (Excel)",
    ".csv": "month grid (CSV)", ".tjp": "TaskJuggler project (written only)",
    ".ics": "iCalendar (written only)"}
"""The suffixes psp reads and writes, and what each means (any other: a psp plan file)."""
_FORMAT_OF = {".xml": "mspdi", ".mspdi": "mspdi", ".gan": "gan", ".xlsx": "grid",
              ".csv": "grid", ".tjp": "tjp", ".ics": "ics"}
_WRITTEN_ONLY = {"tjp": "TaskJuggler", "ics": "iCalendar"}

_Reader = Callable[[str | os.PathLike[str], Unit | str | None, bool], "Reading"]
_Writer = Callable[[Project, str | os.PathLike[str]], "tuple[Note, ...]"]


def format_of(path: str | os.PathLike[str]) -> str:
    """The format a file's suffix names: ``"mspdi"``, ``"gan"``, ``"grid"``, ``"tjp"``,
    ``"ics"`` or ``"toml"`` (any other suffix).

    Parameters
    ----------
    path : str or path-like
        The file.

    Returns
    -------
    str

    Examples
    --------
    >>> format_of("plan.XML"), format_of("plan.gan"), format_of("plan.txt")
    ('mspdi', 'gan', 'toml')
    """
    return _FORMAT_OF.get(Path(path).suffix.lower(), "toml")


def check_unit(plan: Project, unit: Unit | str | None, path: str | os.PathLike[str]) -> None:
    """Refuse a unit for a psp plan of another unit: psp's own files say theirs.

    Parameters
    ----------
    plan : Project
        A plan read from a psp plan file.
    unit : Unit or str, optional
        The unit asked for (``None``: none).
    path : str or path-like
        The file, for the message.

    Returns
    -------
    None
        It raises `UsageError` when the units differ.

    Examples
    --------
    >>> import psp
    >>> check_unit(psp.load("examples/digitale_werkstatt.toml"), "month", "w.toml")
    """
    if unit is not None and Unit(unit) is not plan.unit:
        raise UsageError(f"{os.fspath(path)} is a plan in {plan.unit.value}s: --unit applies "
                         "to files of other tools, whose unit psp chooses")


def _module(fmt: str) -> Any:
    """The module of a format, imported on first use (it may bring a parser or an extra)."""
    return importlib.import_module(f"psp.io._{fmt}")


def _no_split(path: str | os.PathLike[str], split: bool) -> None:
    if split:
        raise UsageError(f"{os.fspath(path)}: splitting rows with gaps applies to month grids "
                         "(.xlsx, .csv)")


def _read_toml(path: str | os.PathLike[str], unit: Unit | str | None, split: bool) -> Reading:
    _no_split(path, split)
    from psp.io._notes import Reading  # what other formats lose: loaded with them

    plan = _toml.load_toml(path)
    check_unit(plan, unit, path)
    return Reading(plan)


def _read_xml(fmt: str) -> _Reader:
    def reader(path: str | os.PathLike[str], unit: Unit | str | None, split: bool) -> Reading:
        _no_split(path, split)
        result: Reading = getattr(_module(fmt), f"load_{fmt}")(path, unit=unit)
        return result

    return reader


def _read_grid(path: str | os.PathLike[str], unit: Unit | str | None, split: bool) -> Reading:
    if unit is not None and Unit(unit) is not Unit.MONTH:
        raise UsageError(f"{os.fspath(path)}: a month grid is a plan in months, not "
                         f"{Unit(unit).value}s")
    result: Reading = _module("grid").load_grid(path, split=split)
    return result


def _write_toml(project: Project, path: str | os.PathLike[str]) -> tuple[Note, ...]:
    _toml.dump_toml(project, path)
    return ()


def _write(fmt: str) -> _Writer:
    def writer(project: Project, path: str | os.PathLike[str]) -> tuple[Note, ...]:
        module = _module(fmt)
        getattr(module, f"dump_{fmt}")(project, path)
        lost: tuple[Note, ...] = module.lost(project)
        return lost

    return writer


_READERS: dict[str, _Reader] = {"toml": _read_toml, "mspdi": _read_xml("mspdi"),
                                "gan": _read_xml("gan"), "grid": _read_grid}
_WRITERS: dict[str, _Writer] = {"toml": _write_toml, **{
    fmt: _write(fmt) for fmt in ("mspdi", "gan", "grid", "tjp", "ics")}}


def read(path: str | os.PathLike[str], *, unit: Unit | str | None = None,
         split: bool = False) -> Reading:
    """Read a plan in any format psp reads (by suffix), with what was approximated.

    Parameters
    ----------
    path : str or path-like
        The file: ``.xml``/``.mspdi`` (MS Project XML), ``.gan`` (GanttProject),
        ``.xlsx``/``.csv`` (a month grid), else a psp plan file.
    unit : Unit or str, optional
        For another tool's file: the plan's unit (by default chosen from the file).
    split : bool
        For a month grid: one task per run of months where a row's marks leave gaps.

    Returns
    -------
    Reading
        The plan and one `Note` per kind of loss or approximation (none for psp's own).

    Examples
    --------
    >>> r = read("tests/data/mspdi/mspdirelations.xml")
    >>> [str(link.type) for link in r.plan.links], r.notes
    (['FS', 'SS', 'FF', 'SF'], ())
    """
    fmt = format_of(path)
    if fmt in _WRITTEN_ONLY:
        raise UsageError(f"{os.fspath(path)}: psp writes {_WRITTEN_ONLY[fmt]} files but does "
                         "not read them")
    return _READERS[fmt](path, unit, split)


def load(path: str | os.PathLike[str], *, unit: Unit | str | None = None,
         split: bool = False) -> Project:
    """Read a plan in any format psp reads; what was approximated comes as warnings.

    Each `Note` becomes one `ConversionWarning` naming the file; `read` returns them.

    Parameters
    ----------
    path : str or path-like
        The file: ``.xml``/``.mspdi`` (MS Project XML), ``.gan`` (GanttProject),
        ``.xlsx``/``.csv`` (a month grid), else a psp plan file (TOML).
    unit : Unit or str, optional
        For another tool's file: the plan's unit (by default chosen from the file).
    split : bool
        For a month grid: one task per run of months where a row's marks leave gaps.

    Returns
    -------
    Project
        The validated plan.

    Examples
    --------
    >>> plan = load("examples/digitale_werkstatt.toml")
    >>> plan.name, len(plan.tasks), plan.end
    ('Digitale Werkstatt für den Mittelstand – MACH 4.0', 25, datetime.date(2021, 8, 31))
    """
    return read(path, unit=unit, split=split).warn(os.fspath(path))


def write(project: Project, path: str | os.PathLike[str]) -> tuple[Note, ...]:
    """Write a plan in the format its suffix names; return what the format could not hold.

    Parameters
    ----------
    project : Project
        The plan.
    path : str or path-like
        ``.xml``/``.mspdi`` MS Project XML, ``.gan`` GanttProject, ``.xlsx``/``.csv``
        the month grid of its schedule, ``.tjp`` TaskJuggler, ``.ics`` iCalendar, else a
        psp plan file.

    Returns
    -------
    tuple of Note
        What was left out (e.g. budget positions in MS Project XML).

    Examples
    --------
    >>> import psp, tempfile, pathlib
    >>> plan = psp.load("examples/digitale_werkstatt.toml")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     notes = write(plan, pathlib.Path(folder) / "plan.xml")
    >>> [n.code for n in notes]
    ['positions']
    """
    return _WRITERS[format_of(path)](project, path)


def dump(project: Project, path: str | os.PathLike[str]) -> None:
    """Write a plan in the format its suffix names (see `write`); losses come as warnings.

    Parameters
    ----------
    project : Project
        The plan.
    path : str or path-like
        The file; it is replaced only once the text is complete.

    Returns
    -------
    None

    Examples
    --------
    >>> import tempfile, pathlib
    >>> plan = load("examples/digitale_werkstatt.toml")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = pathlib.Path(folder) / "copy.toml"
    ...     dump(plan, target)
    ...     load(target) == plan
    True
    """
    from psp.io._notes import Reading

    Reading(project, write(project, path)).warn(os.fspath(path))
