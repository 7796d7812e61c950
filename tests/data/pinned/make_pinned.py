"""Write the pinned schedules: both examples and 200 random plans, before a redesign.

Run once from the repository root (``python tests/data/pinned/make_pinned.py``) with the
code whose behaviour is to be kept; ``tests/test_pinned.py`` then checks that every value
of every schedule's JSON form is still the same. Each line of ``schedules.jsonl`` holds a
plan file's text and the schedule JSON it had.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psp
from psp import export
from psp.testing.strategies import plans

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
COUNT = 200


@st.composite
def pinned_plans(draw: st.DrawFn) -> psp.Project:
    plan = draw(plans(max_tasks=12, not_after=True, units=("month", "week", "day")))
    if draw(st.booleans()):
        return plan
    s = psp.schedule(plan)
    offset = draw(st.integers(0, max(s.finish_period, 1) * 31))
    status = plan.start + dt.timedelta(days=offset)
    idle = draw(st.lists(st.sampled_from([t.id for t in plan.tasks
                                          if not t.is_level_of_effort] or ["-"]),
                         max_size=2, unique=True))
    return psp.apply(plan, psp.Progress(status, not_started=[i for i in idle if i != "-"]))


def pinned(text: str, schedule: psp.Schedule, *, portfolio: bool = False) -> str:
    return json.dumps({"plan": text, "portfolio": portfolio,
                       "schedule": export.as_dict(schedule)}, ensure_ascii=False)


def main() -> None:
    texts: list[str] = []

    @settings(max_examples=COUNT * 3, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(pinned_plans())
    def collect(plan: psp.Project) -> None:
        text = psp.dumps(plan)
        if len(texts) < COUNT and text not in texts:
            texts.append(text)

    collect()
    lines = []
    werkstatt = (ROOT / "examples" / "digitale_werkstatt.toml").read_text(encoding="utf-8")
    region = (ROOT / "examples" / "digitale_modellregion.toml").read_text(encoding="utf-8")
    flat = psp.flatten(psp.loads_portfolio(region))
    lines.append(pinned(region, psp.schedule(flat), portfolio=True))
    for text in [werkstatt, *texts]:
        lines.append(pinned(text, psp.schedule(psp.loads(text))))
    (HERE / "schedules.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} schedules pinned")


if __name__ == "__main__":
    main()
