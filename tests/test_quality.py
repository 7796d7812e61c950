"""A light ``import psp``, honest extras, a documented public API (ruff and mypy: ``.ci/run``)."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import psp
import psp.export
import psp.testing.strategies

ROOT = Path(__file__).resolve().parent.parent


def test_import_psp_stays_light() -> None:
    code = ("import sys, psp, psp.export, psp.risk; "
            "heavy = [m for m in ('matplotlib', 'hypothesis', 'openpyxl', 'numpy') "
            "if m in sys.modules]; "
            "print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_import_psp_loads_no_part_of_psp_until_one_is_used() -> None:
    code = ("import sys, psp; before = sorted(m for m in sys.modules if m.startswith('psp.')); "
            "psp.Project; after = 'psp.model' in sys.modules; print(before, after)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[] True"


def test_psp_version_loads_neither_the_model_nor_attrs() -> None:
    code = ("import contextlib, io, sys\n"
            "from psp.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            "    main(['--version'])\n"
            "print([m for m in ('psp.model', 'psp.engine', 'psp.export', 'attr', 'networkx')\n"
            "       if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_psp_schedule_loads_only_what_it_prints_with() -> None:
    code = ("import contextlib, io, sys\n"
            "from psp.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['schedule', 'examples/digitale_werkstatt.toml', '--format', 'json'])\n"
            "print([m for m in ('psp._deprecated', 'psp.replanning', 'psp.analysis',\n"
            "                   'psp.export._tables', 'matplotlib', 'networkx',\n"
            "                   'psp.model._events', 'psp.model._risk', 'psp.engine._events',\n"
            "                   'psp.engine._portfolio', 'psp.io._notes',\n"
            "                   'psp.calendars._columns')\n"
            "       if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_plans_and_their_results_leave_no_cyclic_garbage() -> None:
    """A plan, its network and its schedule are freed by reference counting alone.

    What lives in a reference cycle waits for the cyclic collector, which walks every
    object of a large plan each time: the collector must find no psp object to free.
    """
    code = ("import gc, psp\n"
            "from psp import export\n"
            "def work():\n"
            "    plan = psp.load('examples/digitale_werkstatt.toml')\n"
            "    s = psp.schedule(plan)\n"
            "    assert psp.schedule(plan) is s\n"
            "    r = psp.replan(plan, [psp.Delay('3.1', until='2021-06'), psp.Extend('2021-12')])\n"
            "    export.as_json(s, indent=None), export.as_json(r), r.to_text(), s.to_text()\n"
            "work()\n"  # the first run loads modules, which makes cycles of their own
            "gc.collect()\n"
            "gc.set_debug(gc.DEBUG_SAVEALL)\n"  # keep what the collector finds, to name it
            "work()\n"
            "gc.collect()\n"
            "print(len(gc.garbage) > 0,\n"  # the stdlib's indented JSON leaves a few closures
            "      sorted({type(o).__name__ for o in gc.garbage\n"
            "              if type(o).__module__.startswith('psp')}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert result.stdout.strip() == "True []"


PACKAGES = ["psp", "psp.errors", "psp._support", "psp.calendars", "psp.model", "psp.engine",
            "psp.replanning", "psp.analysis", "psp.io", "psp.export", "psp.testing",
            "psp.testing.strategies", "psp.testing.invariants", "psp.cli"]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_and_complete(name: str) -> None:
    module = importlib.import_module(name)
    names = module.__all__  # type: ignore[attr-defined]
    # ruff's order (RUF022): CONSTANTS, then Classes, then functions, each alphabetical
    assert names == sorted(names, key=lambda n: (not n.isupper(), not n[0].isupper(), n))
    assert all(hasattr(module, n) for n in names)


def public_objects() -> list[tuple[str, object]]:
    found = []
    for module in (psp, psp.export, psp.risk, psp.testing.strategies):
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


BLOCK = ("import sys; sys.modules.update({name: None for name in "
         "('matplotlib', 'openpyxl', 'hypothesis', 'pandas')}); ")


@pytest.mark.parametrize(("code", "message"), [
    ("import psp; psp.gantt(psp.schedule(psp.load('examples/digitale_werkstatt.toml')))",
     'drawing charts needs matplotlib: pip install "psp[plot]"'),
    ("import psp; psp.export.write_table(psp.schedule(psp.load("
     "'examples/digitale_werkstatt.toml')), 'x.xlsx')",
     'reading and writing .xlsx files needs openpyxl: pip install "psp[xlsx]"'),
    ("import psp.testing.strategies",
     'psp.testing\'s strategies needs hypothesis: pip install "psp[testing]"'),
    ("import sys; sys.modules['numpy'] = None; import psp; "
     "psp.simulate(psp.load('examples/digitale_werkstatt_risiko.toml'))",
     'the risk simulation needs numpy: pip install "psp[risk]"'),
])
def test_a_missing_extra_is_one_line_naming_the_pip_install(code: str, message: str) -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK + code], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.stderr.strip().splitlines()[-1] == f"psp.errors.MissingExtraError: {message}"
    assert not (ROOT / "x.xlsx").exists()


def test_the_cli_names_the_missing_extra_in_one_line(tmp_path: Path) -> None:
    code = (BLOCK + "from psp.cli import main; raise SystemExit(main(['gantt', "
            f"'examples/digitale_werkstatt.toml', '-o', r'{tmp_path / 'c.png'}']))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == ('psp gantt: error: drawing charts needs matplotlib: '
                             'pip install "psp[plot]"\n')
    assert not (tmp_path / "c.png").exists()


def test_every_result_has_a_short_repr_and_shows_itself_in_jupyter() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    portfolio = psp.load_portfolio("examples/digitale_modellregion.toml")
    s = psp.schedule(plan)
    r = psp.replan(plan, [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")])
    results = [s, r, psp.schedule_portfolio(portfolio), psp.costs(portfolio),
               psp.compare_costs(plan, r.plan), s["3.1"], r.shift("4.4")]
    for result in results:
        assert len(repr(result)) <= 200, repr(result)
    assert repr(s) == ("<Schedule 'Digitale Werkstatt für den Mittelstand…': "
                       "25 tasks, 2020-09-01 → 2021-08-31, slack +0>")
    assert repr(r) == ("<Replan 'Digitale Werkstatt für den Mittelstand…': 2 changes, "
                       "finish 2021-08-31 → 2021-11-30, 8 tasks moved>")
    assert repr(psp.compare_costs(plan, r.plan)) == (
        "<CostComparison: cost-neutral, cost 200.800 € → 200.800 €>")
    for result in results[:5]:
        page = result._repr_html_()  # type: ignore[attr-defined]
        assert page.count("<table") >= 1 and page.count("<table") == page.count("</table>")
    chart = psp.gantt(s)
    assert repr(chart) == "<Gantt: 29 rows, 24 bars, 1 milestones>"  # 4 packages + 25 tasks


def test_every_public_function_has_numpydoc_parameters_and_returns() -> None:
    import psp.testing.invariants

    missing = []
    for module in (psp, psp.export, psp.testing.strategies, psp.testing.invariants):
        for name in module.__all__:
            obj = getattr(module, name)
            if not inspect.isfunction(obj):
                continue
            doc = inspect.getdoc(obj) or ""
            takes = [p for p in inspect.signature(obj).parameters if p != "draw"]
            if takes and "Parameters\n----------" not in doc:
                missing.append(f"{module.__name__}.{name}: Parameters")
            if "Returns\n-------" not in doc:
                missing.append(f"{module.__name__}.{name}: Returns")
            for parameter in takes:  # each parameter named in its section
                if not any(parameter in line.split(" : ")[0].lstrip("*").split(", ")
                           for line in doc.splitlines() if " : " in line):
                    missing.append(f"{module.__name__}.{name}: {parameter}")
    assert missing == []
