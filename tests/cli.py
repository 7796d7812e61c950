"""Run the command line in this process, as ``psp ARGS`` would run it, and capture its output.

Standard output is a text stream over bytes, as a real one is, so commands that write
binary output to ``-`` work too. A few tests in ``test_cli.py`` still start a real
process: signals, a closed pipe, a full disk, ``python -m psp``.
"""

from __future__ import annotations

import contextlib
import io
import subprocess

from psp.cli import main


def psp_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The exit status, standard output and standard error of ``psp ARGS``."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse's usage errors
            status = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    texts = []
    for stream in (out, err):
        stream.flush()
        raw = stream.buffer
        assert isinstance(raw, io.BytesIO)
        texts.append(raw.getvalue().decode("utf-8", errors="surrogateescape"))
    return subprocess.CompletedProcess(["psp", *args], status, texts[0], texts[1])
