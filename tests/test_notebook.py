"""The example notebook runs on a real Jupyter kernel and keeps its outputs committed.

A code host shows the committed outputs, so they must be what the code prints today:
the test runs the notebook afresh and compares every text output with the committed one.
Refresh them with ``python tests/test_notebook.py`` after changing the notebook.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "replanning.ipynb"


def executed(notebook: Any) -> Any:
    fresh = copy.deepcopy(notebook)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    NotebookClient(fresh, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return fresh


def texts(notebook: Any) -> list[list[str]]:
    """Per code cell, its printed text and plain/HTML/Markdown values (no images)."""
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        parts = []
        for out in cell.outputs:
            if out.output_type == "stream":
                parts.append(out.text)
            for kind in ("text/html", "text/markdown"):
                if kind in out.get("data", {}):
                    parts.append(out["data"][kind])
            if "image/png" in out.get("data", {}):
                parts.append("<image/png>")
        found.append(parts)
    return found


def test_the_notebook_runs_headless_and_its_committed_outputs_are_current() -> None:
    committed = nbformat.read(NOTEBOOK, as_version=4)
    assert all(cell.get("outputs") for cell in committed.cells if cell.cell_type == "code")
    fresh = executed(committed)
    outputs = [o for cell in fresh.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert texts(fresh) == texts(committed)
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "2021-08-31 0" in text  # baseline: finish, slack
    assert "2021-11-30 -3 ('3.1', '4.2', '4.4', '4.5')" in text  # the delay
    assert "2021-11-30 1" in text  # the extension
    data = [o.get("data", {}) for o in outputs if o.output_type in ("execute_result",
                                                                     "display_data")]
    assert sum("image/png" in d for d in data) == 2  # two Gantt charts, inline
    html = "\n".join(d.get("text/html", "") for d in data)
    assert "Digitale Werkstatt für den Mittelstand – MACH 4.0" in html
    assert 'class="psp-plan"' in html  # the schedule as a month grid
    assert "psp-replan" in html
    markdown = "\n".join(d.get("text/markdown", "") for d in data)
    assert "Kostenneutrale Verlängerung" in markdown


if __name__ == "__main__":  # refresh the committed outputs
    nbformat.write(executed(nbformat.read(NOTEBOOK, as_version=4)), NOTEBOOK)
    sys.exit(0)
