"""Writing files atomically: complete or not at all, never over an input.

At the bottom with the errors, so the plan file and every exporter write the same way.
"""

from __future__ import annotations

import contextlib
import os
import uuid
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
        same = False
        with contextlib.suppress(OSError):  # a path that cannot be resolved is no input
            same = target.resolve() == Path(source).resolve()
        if same:
            raise FileReadError(str(target), "refusing to overwrite an input file")
    if not target.parent.is_dir():
        raise FileReadError(str(target), f"no folder {str(target.parent)!r} to write into")
    # Reserve a fresh name beside the target ("x" mode), so the file gets the usual
    # permissions (mkstemp's would be 0600) and the final rename stays on one disk.
    while True:
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.partial")
        try:
            with partial.open("xb"):
                break
        except FileExistsError:
            continue
        except OSError as err:
            raise FileReadError(str(target), f"cannot write here: {err.strerror or err}") from None
    try:
        write(partial)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
