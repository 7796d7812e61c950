"""Atomic writes: complete or nothing, never over an input, with normal permissions."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

import psp
from psp._support.files import SLICE, put_text, write_atomically


def test_a_failed_write_leaves_the_old_file_and_no_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def broken(tmp: Path) -> None:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_permissions_follow_the_umask_like_any_new_file(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("x", encoding="utf-8")
    atomic = write_atomically(tmp_path / "atomic.txt", lambda p: p.write_text("x"))
    assert (atomic.stat().st_mode & 0o777) == (plain.stat().st_mode & 0o777)


def test_refuses_inputs_and_missing_folders(tmp_path: Path) -> None:
    source = tmp_path / "plan.toml"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(psp.FileWriteError, match="refusing to overwrite an input file"):
        write_atomically(source, lambda p: p.write_text("y"), inputs=[str(source)])
    with pytest.raises(psp.FileWriteError, match="no folder"):
        write_atomically(tmp_path / "nope" / "x.txt", lambda p: p.write_text("y"))
    assert os.listdir(tmp_path) == ["plan.toml"]


def test_a_killed_write_leaves_no_partial_file(tmp_path: Path) -> None:
    """SIGTERM unwinds as SystemExit (psp.cli installs that), so the cleanup runs."""
    import signal

    from psp.cli import _terminate

    def killed(tmp: Path) -> None:
        tmp.write_text("half")
        _terminate(signal.SIGTERM, None)

    with pytest.raises(SystemExit) as info:
        write_atomically(tmp_path / "plan.csv", killed)
    assert info.value.code == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


class _Recording(io.StringIO):
    """A text stream that keeps the length of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


@pytest.mark.parametrize("length", [0, 1, SLICE - 1, SLICE, SLICE + 1, 3 * SLICE + 7])
def test_a_text_is_written_whole_in_order_and_never_more_than_a_slice_at_once(
        length: int) -> None:
    text = "".join(chr(0x61 + n % 26) if n % 7 else "ä" for n in range(length))
    out = _Recording()
    put_text(out, text, "\n", "")
    assert out.getvalue() == text + "\n"
    assert max(out.sizes) <= SLICE
    assert len(out.sizes) == max(1, -(-length // SLICE)) + 2  # ceil, then the two short ones
