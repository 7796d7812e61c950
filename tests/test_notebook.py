"""The example notebook runs on a real Jupyter kernel and shows the story's figures."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "replanning.ipynb"


def test_the_notebook_runs_headless_and_shows_tables_charts_and_figures() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    NotebookClient(notebook, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
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
