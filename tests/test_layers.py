"""The architecture holds: import-linter's contracts pass, and the docs name every part.

The contracts live in ``pyproject.toml`` (``[tool.importlinter]``): the layers point
down only, counting imports inside functions and under ``TYPE_CHECKING``; the
exporters and the support modules are independent of each other; no subpackage's
modules import each other in a circle.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "psp"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LAYERS = CONFIG["tool"]["importlinter"]["contracts"][0]["layers"]


def test_import_linter_contracts_are_kept() -> None:
    script = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(script), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def layer_parts() -> list[str]:
    return [part.strip() for layer in LAYERS for part in layer.split("|")]


def test_every_subpackage_and_top_module_has_a_layer() -> None:
    found = {p.stem for p in SRC.glob("*.py") if p.stem != "__init__"}
    found |= {p.parent.name for p in SRC.glob("*/__init__.py")}
    assert found == set(layer_parts())


def test_the_architecture_doc_names_every_layer_and_module() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    for part in layer_parts():
        assert f"`psp.{part}`" in text, part
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            continue
        assert f"`{'.'.join(parts)}`" in text, ".".join(parts)
    diagram = text.split("```")[1]  # the doc's diagram lists the layers top-down
    assert [line.strip() for line in diagram.strip().splitlines()
            if line.strip() and not line.strip().startswith("↓")] == LAYERS


def test_a_broken_contract_is_seen(tmp_path: Path) -> None:
    """The check can fail: an upward import inside a function breaks the layers."""
    probe = tmp_path / "pyproject.toml"
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    probe.write_text(config.replace('root_package = "psp"', 'root_package = "probe"')
                     .replace('"psp', '"probe'), encoding="utf-8")
    package = tmp_path / "probe"
    for layer in layer_parts():
        (package / layer).mkdir(parents=True)
        (package / layer / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "engine" / "__init__.py").write_text(
        "def shortcut():\n    from probe import replanning\n", encoding="utf-8")
    for contract in CONFIG["tool"]["importlinter"]["contracts"]:
        for module in contract.get("modules", []):  # each module the contracts name
            *parents, name = module.split(".")[1:]
            (package.joinpath(*parents) / f"{name}.py").write_text("", encoding="utf-8")
    script = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(script), "--no-cache", "--config", str(probe)], cwd=tmp_path,
                            capture_output=True, text=True, check=False,
                            env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "probe.engine is not allowed to import probe.replanning" in result.stdout
