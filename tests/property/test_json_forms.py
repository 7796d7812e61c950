"""Laws on the JSON users read: the compact form the CLI prints is the documented form.

The compact JSON of a schedule is written from columns, not from `as_dict`'s per-task
dicts; ``json.dumps`` of `as_dict` is the second, simple method it must match to the
character, and the indented form must read as the same value.
"""

from __future__ import annotations

import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

import psp
from psp import export
from psp.testing.strategies import changes, plans

# Names with what JSON must escape: quotes, backslashes, control and non-BMP characters.
NAMES = st.text(alphabet=st.sampled_from('ab "\\\n\t\x00\x1fäß€→😀\u2028'), max_size=8)


@st.composite
def named_plans(draw: st.DrawFn) -> psp.Project:
    plan = draw(plans(max_tasks=8, units=("month", "week", "day", "workday")))
    tasks = [attrs.evolve(t, name=draw(NAMES)) for t in plan.tasks]
    return attrs.evolve(plan, name=draw(NAMES), tasks=tasks)


@given(named_plans())
def test_compact_json_is_json_dumps_of_the_documented_form(plan: psp.Project) -> None:
    s = psp.schedule(plan)
    compact = export.as_json(s, indent=None)
    assert compact == json.dumps(export.as_dict(s), ensure_ascii=False)
    assert json.loads(compact) == json.loads(export.as_json(s, indent=2))


@given(st.data(), named_plans())
def test_a_replans_compact_json_is_json_dumps_of_the_documented_form(
    data: st.DataObject, plan: psp.Project
) -> None:
    result = psp.replan(plan, data.draw(changes(plan)))
    compact = export.as_json(result, indent=None, lang="en")
    assert compact == json.dumps(export.as_dict(result, lang="en"), ensure_ascii=False)
    parsed = json.loads(compact)
    assert list(parsed) == ["project", "critical_path", "critical_chains", "tasks", "changes",
                            "baseline"]
    assert [t["name"] for t in parsed["tasks"]] == [t.name for t in result.plan.tasks]


def test_the_compact_json_of_one_task_reads_as_written_by_hand() -> None:
    plan = psp.Project("P", "2021-01-01", unit="day",
                       tasks=[psp.Task("a", 'say "hi"\\', package=None, duration=2)])
    written = export.as_json(psp.schedule(plan), indent=None)
    assert written.endswith(
        '"tasks": [{"id": "a", "package": null, "name": "say \\"hi\\"\\\\", "owners": "", '
        '"kind": "work", "duration": 2, "start": "2021-01-01", "finish": "2021-01-02", '
        '"late_start": "2021-01-01", "late_finish": "2021-01-02", "total_float": 0, '
        '"free_float": 0, "critical": true}]}')


def test_the_compact_json_of_a_plan_without_tasks_has_an_empty_task_list() -> None:
    s = psp.schedule(psp.Project("P", "2021-01-01", unit="day"))
    compact = export.as_json(s, indent=None)
    assert '"tasks": []' in compact
    assert compact == json.dumps(export.as_dict(s), ensure_ascii=False)
