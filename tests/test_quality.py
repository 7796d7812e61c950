"""The gate beyond the tests: ruff, mypy, a light ``import psp``, a documented public API."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import psp
import psp.export
import psp.testing.strategies

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff_is_clean() -> None:
    result = run("ruff", "check", "src", "tests", "benchmarks", "docs", "conftest.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_src() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_psp_stays_light() -> None:
    code = ("import sys, psp, psp.export; "
            "heavy = [m for m in ('matplotlib', 'hypothesis', 'openpyxl') if m in sys.modules]; "
            "print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("module", [psp, psp.export, psp.testing.strategies])
def test_all_is_sorted_and_complete(module: object) -> None:
    names = module.__all__  # type: ignore[attr-defined]
    assert names == sorted(names)
    assert all(hasattr(module, n) for n in names)


def public_objects() -> list[tuple[str, object]]:
    found = []
    for module in (psp, psp.export, psp.testing.strategies):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj) or callable(obj):
                found.append((f"{module.__name__}.{name}", obj))
    return found


@pytest.mark.parametrize(("name", "obj"), public_objects(), ids=[n for n, _ in public_objects()])
def test_every_public_function_and_class_has_a_docstring_with_an_example(
    name: str, obj: object
) -> None:
    doc = inspect.getdoc(obj) or ""
    if inspect.isclass(obj) and issubclass(obj, BaseException | str):
        assert doc, name  # exceptions and enums: a docstring suffices
        return
    assert ">>>" in doc, f"{name} has no example in its docstring"


def test_every_public_method_has_a_docstring() -> None:
    missing = []
    for name, obj in public_objects():
        if not inspect.isclass(obj):
            continue
        for attr, member in vars(obj).items():
            if attr.startswith("_") or not (inspect.isfunction(member)
                                            or isinstance(member, property | classmethod)):
                continue
            if not inspect.getdoc(getattr(obj, attr)):
                missing.append(f"{name}.{attr}")
    assert not missing, missing
