"""The gallery script runs and draws every chart docs/gallery.md shows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_gallery_script_draws_every_chart_the_gallery_shows(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(DOCS / "make_gallery.py"), str(tmp_path)],
                   check=True, capture_output=True)
    drawn = sorted(p.name for p in tmp_path.iterdir())
    shown = sorted(re.findall(r"\(gallery/([\w-]+\.png)\)",
                              (DOCS / "gallery.md").read_text(encoding="utf-8")))
    assert drawn == shown and len(drawn) == 6
    assert sorted(p.name for p in (DOCS / "gallery").iterdir()) == shown  # committed too
    for name in drawn:
        assert (tmp_path / name).read_bytes()[:4] == b"\x89PNG"
