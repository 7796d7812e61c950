"""Writing files atomically: complete or not at all, never over an input.

At the bottom with the errors, so the plan file and every exporter write the same way.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from psp._errors import FileReadError

__all__ = ["write_atomically"]


def write_atomically(
    path: str | os.PathLike[str],
    write: Callable[[Path], object],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Let ``write`` fill a temporary file beside ``path``, then move it into place.

    A failure leaves no half-written file and the old file untouched; an output that
    would overwrite one of ``inputs`` is refused.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_atomically(pathlib.Path(folder) / "a.txt",
    ...                            lambda tmp: tmp.write_text("done"))
    ...     out.read_text()
    'done'
    """
    target = Path(path)
    for source in inputs:
        with contextlib.suppress(OSError):
            if target.resolve() == Path(source).resolve():
                raise FileReadError(str(target), "refusing to overwrite an input file")
    if not target.parent.is_dir():
        raise FileReadError(str(target), f"no folder {str(target.parent)!r} to write into")
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix,
                                    dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        write(partial)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
