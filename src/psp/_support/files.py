"""Writing files atomically: complete or not at all, never over an input.

At the bottom with the errors, so the plan file and every exporter write the same way.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from psp.errors import FileReadError, FileWriteError

__all__ = ["STDOUT", "put_text", "read_bytes", "write_atomically", "write_text"]

STDOUT = ("-", "/dev/stdout")
"""Output names that mean standard output."""


def read_bytes(path: str | os.PathLike[str]) -> tuple[str, bytes]:
    """A file's name and content; a file that cannot be read is an error naming it.

    Examples
    --------
    >>> read_bytes("no/such/file.xml")
    Traceback (most recent call last):
    ...
    psp.errors.FileReadError: no/such/file.xml: cannot read the file: No such file or directory
    """
    name = os.fspath(path)
    try:
        return name, Path(name).read_bytes()
    except OSError as err:
        raise FileReadError(name, f"cannot read the file: {err.strerror or err}") from None


def write_atomically(
    path: str | os.PathLike[str],
    write: Callable[[Path], object],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Let ``write`` fill a temporary file beside ``path``, then move it into place.

    A failure (a full disk, a killed run) leaves no half-written file and the old file
    untouched; the new file keeps the old one's permissions; an output that would
    overwrite one of ``inputs`` is refused. ``-`` (or ``/dev/stdout``) writes to standard
    output; a device or FIFO is written to as it is; a folder is refused. A link to a
    file is followed, so the link stays.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_atomically(pathlib.Path(folder) / "a.txt",
    ...                            lambda tmp: tmp.write_text("done"))
    ...     out.read_text()
    'done'
    """
    if os.fspath(path) in STDOUT:
        return _to_stdout(write)
    target = Path(path)
    _refuse_inputs(target, inputs)
    mode = _existing_mode(target)
    if mode is not None and not stat.S_ISREG(mode):  # a device or a FIFO: no file to replace
        _guarded(target, lambda: write(target))
        return target
    target = target.resolve() if target.is_symlink() else target
    if not target.parent.is_dir():
        raise FileWriteError(str(target), f"no folder {str(target.parent)!r} to write into")
    partial = _reserve(target)
    try:
        _guarded(target, lambda: write(partial))
        if mode is not None:
            os.chmod(partial, stat.S_IMODE(mode))
        _guarded(target, lambda: partial.replace(target))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def write_text(path: str | os.PathLike[str], text: str, *,
               inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Write ``text`` as UTF-8 the way `write_atomically` writes: whole or not at all.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_text(pathlib.Path(folder) / "a.txt", "fertig").read_text(encoding="utf-8")
    'fertig'
    """
    return write_atomically(path, lambda partial: partial.write_text(text, encoding="utf-8"),
                            inputs=inputs)


SLICE = 1 << 16
"""How many characters `put_text` hands its stream at once."""


def put_text(stream: TextIO, *texts: str) -> None:
    """Write texts to an open text stream a slice at a time.

    A stream encodes what it is given whole: a text of megabytes (the JSON of a large
    schedule) would be copied into new memory of its size, page by page. Slices of
    `SLICE` characters reuse the memory the last one freed.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> put_text(out, "x" * (SLICE + 1), "\\n")
    >>> out.getvalue() == "x" * (SLICE + 1) + "\\n"
    True
    """
    for text in texts:
        if len(text) <= SLICE:
            stream.write(text)
            continue
        for at in range(0, len(text), SLICE):
            stream.write(text[at:at + SLICE])


def _refuse_inputs(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    for source in inputs:
        same = False
        with contextlib.suppress(OSError):  # a path that cannot be resolved is no input
            same = target.resolve() == Path(source).resolve()
        if same:
            raise FileWriteError(str(target), "refusing to overwrite an input file")


def _existing_mode(target: Path) -> int | None:
    """The mode of what is at ``target`` (following links), or None when nothing is."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as err:
        raise FileWriteError(str(target), f"cannot write here: {err.strerror or err}") from None
    if stat.S_ISDIR(mode):
        raise FileWriteError(str(target), "is a folder: name a file to write, e.g. "
                                         f"{os.path.join(target, 'plan' + target.suffix)}")
    return mode


def _reserve(target: Path) -> Path:
    # Reserve a fresh name beside the target ("x" mode), so the file gets the usual
    # permissions (mkstemp's would be 0600) and the final rename stays on one disk.
    while True:
        partial = target.with_name(f".{target.name}.{os.urandom(6).hex()}.partial")
        try:
            with partial.open("xb"):
                return partial
        except FileExistsError:
            continue
        except OSError as err:
            raise FileWriteError(str(target), f"cannot write here: {err.strerror or err}") from None


def _guarded(target: Path, step: Callable[[], object]) -> None:
    """Run one step of writing; an operating system's refusal becomes one clean error."""
    try:
        step()
    except FileWriteError:
        raise
    except OSError as err:  # a full disk, a vanished folder, no permission
        raise FileWriteError(str(target), f"cannot write: {err.strerror or err}") from None


def _to_stdout(write: Callable[[Path], object]) -> Path:
    """Write through a temporary file, so a failed export prints nothing half-done."""
    # loaded here: only binary output to a terminal or pipe needs them
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder) / "output"
        write(tmp)
        sys.stdout.flush()
        with tmp.open("rb") as source:
            shutil.copyfileobj(source, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return Path("-")
