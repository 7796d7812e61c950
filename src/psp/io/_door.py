"""One door for every format: `read` and `write` choose the format by the file's suffix.

``.xml`` / ``.mspdi`` is MS Project XML, ``.gan`` GanttProject; every other name is psp's
own plan file (TOML). Each format's module loads on first use.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from psp.calendars import Unit
from psp.errors import UsageError
from psp.io import _toml
from psp.io._notes import Note, Reading
from psp.model import Project

__all__ = ["FORMATS", "check_unit", "dump", "format_of", "load", "read", "write"]

FORMATS: dict[str, str] = {".toml": "psp plan file", ".xml": "MS Project XML (MSPDI)",
                           ".mspdi": "MS Project XML (MSPDI)", ".gan": "GanttProject"}
"""The suffixes psp reads and writes, and what each means (any other: a psp plan file)."""
_FORMAT_OF = {".xml": "mspdi", ".mspdi": "mspdi", ".gan": "gan"}

_Reader = Callable[[str | os.PathLike[str], Unit | str | None], Reading]
_Writer = Callable[[Project, str | os.PathLike[str]], tuple[Note, ...]]


def format_of(path: str | os.PathLike[str]) -> str:
    """The format a file's suffix names: ``"mspdi"``, ``"gan"`` or ``"toml"`` (any other).

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


def _read_toml(path: str | os.PathLike[str], unit: Unit | str | None) -> Reading:
    plan = _toml.load_toml(path)
    check_unit(plan, unit, path)
    return Reading(plan)


def _read_mspdi(path: str | os.PathLike[str], unit: Unit | str | None) -> Reading:
    from psp.io import _mspdi  # the XML parser loads only for an XML file

    return _mspdi.load_mspdi(path, unit=unit)


def _write_toml(project: Project, path: str | os.PathLike[str]) -> tuple[Note, ...]:
    _toml.dump_toml(project, path)
    return ()


def _write_mspdi(project: Project, path: str | os.PathLike[str]) -> tuple[Note, ...]:
    from psp.io import _mspdi

    _mspdi.dump_mspdi(project, path)
    return _mspdi.lost(project)


def _read_gan(path: str | os.PathLike[str], unit: Unit | str | None) -> Reading:
    from psp.io import _gan

    return _gan.load_gan(path, unit=unit)


def _write_gan(project: Project, path: str | os.PathLike[str]) -> tuple[Note, ...]:
    from psp.io import _gan

    _gan.dump_gan(project, path)
    return _gan.lost(project)


_READERS: dict[str, _Reader] = {"toml": _read_toml, "mspdi": _read_mspdi, "gan": _read_gan}
_WRITERS: dict[str, _Writer] = {"toml": _write_toml, "mspdi": _write_mspdi,
                                "gan": _write_gan}


def read(path: str | os.PathLike[str], *, unit: Unit | str | None = None) -> Reading:
    """Read a plan in any format psp reads (by suffix), with what was approximated.

    Parameters
    ----------
    path : str or path-like
        The file: ``.xml``/``.mspdi`` (MS Project XML), ``.gan`` (GanttProject), else a
        psp plan file.
    unit : Unit or str, optional
        For another tool's file: the plan's unit (by default chosen from the file).

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
    return _READERS[format_of(path)](path, unit)


def load(path: str | os.PathLike[str], *, unit: Unit | str | None = None) -> Project:
    """Read a plan in any format psp reads; what was approximated comes as warnings.

    Each `Note` becomes one `ConversionWarning` naming the file; `read` returns them.

    Parameters
    ----------
    path : str or path-like
        The file: ``.xml``/``.mspdi`` (MS Project XML), ``.gan`` (GanttProject), else a
        psp plan file (TOML).
    unit : Unit or str, optional
        For another tool's file: the plan's unit (by default chosen from the file).

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
    return read(path, unit=unit).warn(os.fspath(path))


def write(project: Project, path: str | os.PathLike[str]) -> tuple[Note, ...]:
    """Write a plan in the format its suffix names; return what the format could not hold.

    Parameters
    ----------
    project : Project
        The plan.
    path : str or path-like
        ``.xml``/``.mspdi`` for MS Project XML, ``.gan`` for GanttProject, else a psp
        plan file.

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
    Reading(project, write(project, path)).warn(os.fspath(path))
