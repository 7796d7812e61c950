"""The main story of the Digitale Werkstatt: baseline → delay → extension.

Run:  python examples/replanning.py
"""

from pathlib import Path

import psp

HERE = Path(__file__).parent

plan = psp.load(HERE / "digitale_werkstatt.toml")
baseline = psp.schedule(plan)
print("1. Baseline")
print(f"   finish {baseline.finish:%d.%m.%Y}, contractual end {baseline.end:%d.%m.%Y}, "
      f"slack {baseline.slack:+d} months")
print(f"   trainings 3.1: {baseline['3.1'].start:%m/%Y}–{baseline['3.1'].finish:%m/%Y}")

# The pandemic: trainings cannot start before June 2021.
delayed = psp.apply(plan, psp.Delay("3.1", until="2021-06"))
s = psp.schedule(delayed)
print("\n2. Trainings not before June 2021")
print(f"   finish {s.finish:%d.%m.%Y}: the end {s.end:%d.%m.%Y} is missed by {-s.slack} months")
for chain in s.critical_chains:
    print(f"   critical: {' → '.join(chain)}")

# The council extends the contract, cost-neutrally, to 31.12.2021.
result = psp.replan(plan, [psp.Delay("3.1", until="2021-06"), psp.Extend(to="31.12.2021")])
print("\n3. Extension to 31.12.2021")
print(f"   finish {result.after.finish:%d.%m.%Y}, slack {result.after.slack:+d} month")
print(f"   the baseline is untouched: its end is still {plan.end:%d.%m.%Y}")
print()
print(result.to_text(lang="en"))
print()
print(psp.export.amendment_table(result, lang="en"))
