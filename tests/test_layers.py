"""Imports point down the layers only; docs/architecture.md names every module.

Top-level imports must go to a lower layer (a package's ``__init__`` may import its
own submodules). An import inside a function or under ``TYPE_CHECKING`` may point
up only where it is listed in SHORTCUTS: a convenience method such as
``Project.schedule()`` that hands over to the layer above.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
ARCHITECTURE = SRC.parent / "docs" / "architecture.md"

LAYERS: list[tuple[str, list[str]]] = [
    ("errors", ["psp._errors"]),
    ("utilities", ["psp._render", "psp._files", "psp._money", "psp._words"]),
    ("time", ["psp._time"]),
    ("model", ["psp._model"]),
    ("graph validation", ["psp._graph"]),
    ("scheduler and plan-file I/O", ["psp._engine", "psp._planfile"]),
    ("portfolio scheduling", ["psp._portfolio"]),
    ("replanning and analysis", ["psp._replan", "psp._costs"]),
    ("export limits", ["psp.export._limits"]),
    ("exporters", ["psp.export", "psp.export._formats", "psp.export._amendment",
                   "psp.export._gantt", "psp.export._tables"]),
    ("public API", ["psp"]),
    ("CLI and testing", ["psp.cli", "psp.testing", "psp.testing.strategies",
                         "psp.testing.invariants"]),
    ("entry point", ["psp.__main__"]),
]
LAYER = {module: n for n, (_name, modules) in enumerate(LAYERS) for module in modules}

SHORTCUTS = {
    ("psp._model", "psp._engine"),  # Project.schedule() -> psp.schedule()
    ("psp._model", "psp._replan"),  # Project.delay(), .extend(), … -> psp.apply()
    ("psp._replan", "psp.export"),  # Replan.amendment_table(), .gantt() -> psp.export
    ("psp._engine", "psp.export"),  # Schedule.gantt(), .critical_path_table(), _repr_html_
    ("psp._portfolio", "psp.export"),  # PortfolioSchedule.gantt()
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(name: str) -> str:
    """The psp module an import refers to (``from psp import export`` -> psp.export)."""
    while name not in LAYER and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


class Imports(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[str, bool, int]] = []  # (module, deferred, line)
        self.depth = 0

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def visit_If(self, node: ast.If) -> None:
        typing_only = isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        self.depth += typing_only
        self.generic_visit(node)
        self.depth -= typing_only

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] == "psp":
                self.found.append((resolve(alias.name), self.depth > 0, node.lineno))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and node.module.split(".")[0] == "psp":
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                name = resolve(target) if resolve(target) in LAYER else resolve(node.module)
                self.found.append((name, self.depth > 0, node.lineno))


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in (SRC / "psp").rglob("*.py")}


def test_every_module_has_a_layer() -> None:
    assert sorted(all_modules()) == sorted(LAYER)


def test_imports_point_down_only() -> None:
    wrong = []
    for module, path in all_modules().items():
        visitor = Imports()
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        for target, deferred, line in visitor.found:
            if target == module or target.startswith(module + "."):
                continue  # a package's own submodule
            if LAYER[target] < LAYER[module]:
                continue
            if deferred and (module, target) in SHORTCUTS:
                continue
            wrong.append(f"{path.relative_to(SRC)}:{line}: {module} "
                         f"({LAYERS[LAYER[module]][0]}) imports {target} "
                         f"({LAYERS[LAYER[target]][0]})")
    assert not wrong, "\n".join(wrong)


def test_architecture_doc_names_every_module_and_layer() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    for name, modules in LAYERS:
        assert name.lower() in text.lower(), name
        for module in modules:
            assert f"`{module}`" in text, module
