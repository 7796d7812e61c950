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
    screenshot = "interactive-scenario3-en.png"  # taken by a browser: --screenshot
    assert drawn == [name for name in shown if name != screenshot] and len(drawn) == 12
    assert sorted(p.name for p in (DOCS / "gallery").iterdir()) == shown  # committed too
    for name in drawn:
        assert (tmp_path / name).read_bytes()[:4] == b"\x89PNG"


PLAN_FILE = (DOCS / "plan-file.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```toml\n(.*?)```", PLAN_FILE, flags=re.S)


def test_every_plan_file_example_loads_and_round_trips() -> None:
    import psp

    assert len(EXAMPLES) == 8
    for text in EXAMPLES:
        if "[portfolio]" in text:
            portfolio = psp.loads_portfolio(text)
            assert psp.loads_portfolio(psp.dumps_portfolio(portfolio)) == portfolio
            psp.schedule_portfolio(portfolio)
        else:
            plan = psp.loads(text)
            assert psp.loads(psp.dumps(plan)) == plan
            psp.schedule(plan)


def test_the_plan_file_page_names_every_key_the_reader_knows() -> None:
    from psp.io import _toml

    keys = {*_toml._PROJECT_KEYS, *_toml._POSITION_KEYS, *_toml._COST_KEYS,
            *_toml._PACKAGE_KEYS, *_toml._TASK_KEYS, *_toml._LINK_KEYS, *_toml._EVENT_KEYS,
            *_toml._PORTFOLIO_KEYS, *_toml._CROSS_LINK_KEYS, *_toml._RISK_KEYS}
    missing = sorted(k for k in keys if f"`{k}`" not in PLAN_FILE and f"[{k}]" not in PLAN_FILE)
    assert missing == []
    examples = "\n".join(EXAMPLES)
    unused = sorted(k for k in keys if not re.search(
        rf"(^|[\s{{,]){k}\s*=|\[{k}\]|\.{k}\]", examples, flags=re.M))
    assert unused == [], "every key has an example"
