"""The Projektstrukturplan workbook against a minimal openpyxl writer, in the same run.

    python benchmarks/bench_xlsx.py             # 1,000 to 20,000 tasks, 3 runs each
    python benchmarks/bench_xlsx.py --runs 5

Plans: month plans of 1,000, 10,000 and 20,000 tasks in work packages of 100, five
layers of random links (`layered_plan`, durations 1–6 months), 36 months to the
contractual end; and the day plan of 10,000 tasks with the same links (durations 30–180
days) and end: 1,096 days, which its grid shows as 36 months (`columns="auto"`).

Each measurement is a whole process that writes the workbook from a scheduled plan:

- ``psp``: `psp.export.write_table` to ``.xlsx``, as ``psp table -o plan.xlsx`` writes
  it: fills by kind, bold packages, the critical column, print setup, written
  atomically;
- ``minimal``: what a user writes with openpyxl's write-only mode in a few lines: the
  same header and rows, the same cells filled with one shared fill, no other styling.

Targets: psp ≤ 2× minimal; time per row at 20,000 tasks ≤ 1.5× that at 1,000 (linear);
10,000 tasks × 36 months in seconds. Before issue 13, 20,000 tasks took 185 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r'''
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import psp
from generate import layered_plan
size, unit, who, out = int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
base = layered_plan(size, width=max(size // 5, 1), seed=7)  # 5 layers: done within 30 months
packages = [psp.Package(f"AP{k + 1}", f"Arbeitspaket {k + 1}") for k in range(size // 100)]
scale = 30 if unit == "day" else 1
tasks = [psp.Task(t.id, t.name, package=f"AP{i // 100 + 1}", duration=t.duration * scale)
         for i, t in enumerate(base.tasks)]
start_day = psp.Month(2020, 1).first_day
plan = psp.Project(base.name, start_day, unit=unit, packages=packages, tasks=tasks,
                   links=base.links, end=psp.Month(2022, 12).last_day)  # 36 months
schedule = psp.schedule(plan)
start = time.perf_counter()
if who == "psp":
    psp.export.write_table(schedule, out)
    table = psp.export.psp_table(schedule)
else:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import PatternFill
    table = psp.export.psp_table(schedule)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Plan")
    sheet.append(list(table.header))
    fill = PatternFill("solid", fgColor="9AD0F0")
    for row in table.rows:
        cells = list(row[:3])
        for text in row[3:-1]:
            if text:
                cell = WriteOnlyCell(sheet, None)
                cell.fill = fill
                cells.append(cell)
            else:
                cells.append(None)
        sheet.append([*cells, row[-1]])
    book.save(out)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "rows": len(table.rows),
                  "columns": len(table.header) - 4}))
'''


def run(size: int, unit: str, who: str, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(HERE), str(size), unit, who,
                           str(out)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{who} {size} {unit} failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions per measurement")
    parser.add_argument("--out", default="/tmp", help="where the workbooks are written")
    args = parser.parse_args()
    out = Path(args.out)
    print(f"{'case':26} {'psp':>8} {'minimal':>8} {'ratio':>6}  {'µs/row':>7} {'peak':>7}"
          f"  rows × columns")
    per_row: dict[int, float] = {}
    for size, unit in ((1_000, "month"), (10_000, "month"), (20_000, "month"),
                       (10_000, "day")):
        ours, theirs, peaks = [], [], []
        shape: dict[str, float] = {}
        for _ in range(args.runs):
            shape = run(size, unit, "psp", out / f"psp-{size}-{unit}.xlsx")
            ours.append(shape["seconds"])
            peaks.append(shape["peak_mb"])
            theirs.append(run(size, unit, "minimal",
                              out / f"minimal-{size}-{unit}.xlsx")["seconds"])
        a, b = statistics.median(ours), statistics.median(theirs)
        micro = a / shape["rows"] * 1e6
        if unit == "month":
            per_row[size] = micro
        mark = "ok" if a / b <= 2 else "MISSED"
        print(f"{f'{size:,} tasks in {unit}s':26} {a:7.2f}s {b:7.2f}s {a / b:6.2f}  "
              f"{micro:7.0f} {max(peaks):5.0f} MB  {int(shape['rows']):,} × "
              f"{int(shape['columns'])}  {mark}")
    growth = per_row[20_000] / per_row[1_000]
    print(f"time per row, 20,000 against 1,000 tasks: {growth:.2f} (≤ 1.5: "
          f"{'ok' if growth <= 1.5 else 'MISSED'})")


if __name__ == "__main__":
    main()
