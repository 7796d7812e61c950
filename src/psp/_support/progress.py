"""A progress bar on a terminal for commands that may take a while (tqdm, on stderr).

A bar appears only where someone watches: standard error is a terminal, the user did
not ask for quiet, and the work has run longer than a second (a small plan's command
prints nothing extra). Elsewhere (a pipe, a log file, a test) the bar is a function that
does nothing, and tqdm is never imported.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import IO

__all__ = ["Advance", "progress"]

Advance = Callable[[int], None]
"""Called with the amount of work done since the last call."""

_DELAY = 1.0  # seconds before a bar shows: a quick command stays silent


def _nothing(_done: int) -> None:
    return None


def _watched(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


@contextlib.contextmanager
def progress(total: int, *, description: str, unit: str = "rows", quiet: bool = False,
             stream: IO[str] | None = None, force: bool = False) -> Iterator[Advance]:
    """A bar counting ``total`` units of work, as a function to call with each step.

    Parameters
    ----------
    total : int
        The work to do (rows, steps).
    description : str
        What is being done, left of the bar (``psp table``).
    unit : str
        What is counted.
    quiet : bool
        No bar (the user's ``--quiet``).
    stream : text stream, optional
        Where the bar is drawn (default: standard error).
    force : bool
        Draw the bar even where ``stream`` is no terminal, at once and at every step
        (for tests).

    Yields
    ------
    callable
        ``advance(n)``: ``n`` more units are done. When the block ends without an
        error, the bar is complete.

    Examples
    --------
    >>> import io
    >>> with progress(3, description="psp table", stream=io.StringIO()) as advance:
    ...     advance(3)  # no terminal: nothing drawn, tqdm not loaded
    >>> out = io.StringIO()
    >>> with progress(4, description="psp table", stream=out, force=True) as advance:
    ...     advance(4)
    >>> "psp table: 100%" in out.getvalue()
    True
    """
    out = sys.stderr if stream is None else stream
    if quiet or not (force or _watched(out)):
        yield _nothing
        return
    from tqdm import tqdm  # only where a bar is drawn

    # leave=False: the finished bar gives way to the command's "wrote" line
    with tqdm(total=total, desc=description, unit=f" {unit}", file=out, leave=False,
              delay=0 if force else _DELAY, mininterval=0 if force else 0.1,
              dynamic_ncols=True) as bar:

        def advance(done: int) -> None:
            bar.update(done)

        yield advance
        bar.update(total - bar.n)  # work done in one go at the end (a text format) counts
