"""Plan files: any plan-shaped TOML gives a plan or a PlanError, and any text round-trips."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import psp
from psp.io import _toml

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
SCALARS = st.one_of(
    st.integers(-3, 30), TEXT, st.booleans(), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["2020-09", "Mär'21", "31.08.2021", "2021-02-30", "FS", "SS", "xx", "a",
                     "b", "AP1", "month", "day", "3win+AGIT"]),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.lists(st.dictionaries(st.sampled_from(["id", "type", "lag", "x"]), SCALARS,
                             max_size=3), max_size=2),
)
TASK_KEYS = ["id", "package", "name", "owners", "duration", "depends", "not_before",
             "not_after", "level_of_effort", "milestone", "bogus"]
EVENT_KEYS = ["id", "name", "date", "task", "package", "kind", "note", "participants",
              "bogus"]


def toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)  # JSON strings and ints are TOML too


def toml_tables(name: str, tables: list[dict[str, Any]]) -> str:
    return "".join(f"\n[[{name}]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in t.items())
                   for t in tables)


@st.composite
def plan_texts(draw: st.DrawFn) -> str:
    header = draw(st.dictionaries(st.sampled_from(["name", "start", "end", "unit", "bogus"]),
                                  VALUES, max_size=5))
    packages = draw(st.lists(st.dictionaries(st.sampled_from(["id", "name"]), VALUES,
                                             max_size=2), max_size=2))
    tasks = draw(st.lists(st.dictionaries(st.sampled_from(TASK_KEYS), VALUES, max_size=6),
                          max_size=4))
    events = draw(st.lists(st.dictionaries(st.sampled_from(EVENT_KEYS), VALUES | st.sampled_from(
        ["22.09.2020", "2020-09-22", "workshop", "Meeting"]), max_size=5), max_size=3))
    head = "[project]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in header.items())
    return (head + toml_tables("package", packages) + toml_tables("task", tasks)
            + toml_tables("event", events))


@given(plan_texts())
def test_loads_gives_a_plan_or_a_plan_error_and_nothing_else(text: str) -> None:
    try:
        plan = psp.loads(text, file="fuzz.toml")
    except psp.ValidationError as err:
        assert err.problems and all(p.file == "fuzz.toml" and p.code for p in err.problems)
    except psp.PlanError:
        pass
    else:
        assert psp.loads(psp.dumps(plan)) == plan


IDS = st.text(st.characters(categories=("L", "N", "P", "S"), exclude_characters="="),
              min_size=1, max_size=8)


@given(name=TEXT, task_id=IDS, owner=IDS, task_name=TEXT)
def test_any_text_round_trips(name: str, task_id: str, owner: str, task_name: str) -> None:
    plan = psp.Project(name, psp.Month(2020, 9),
                       tasks=[psp.Task(task_id, task_name, owners={owner}, duration=1)])
    assert psp.loads(psp.dumps(plan)) == plan


PLAIN_VALUES = st.one_of(
    VALUES, IDS, st.integers(0, 3),
    st.lists(st.one_of(IDS, st.fixed_dictionaries({"id": IDS}, optional={
        "type": st.sampled_from(["FS", "SS", "FF", "SF", "fs"]), "lag": st.integers(-2, 2)})),
        max_size=3))
PLAIN_TASKS = st.dictionaries(st.sampled_from(["id", "package", "name", "owners", "duration",
                                               "depends", "not_before"]),
                              PLAIN_VALUES, max_size=6)


# A depends entry as a large plan writes it: an id, or a table with a type and a lag.
LINK_ENTRIES = st.one_of(IDS, st.fixed_dictionaries({"id": IDS}, optional={
    "type": st.sampled_from(["FS", "SS", "FF", "SF", "fs"]), "lag": st.integers(-2, 2)}))
PLAIN_ROWS = st.fixed_dictionaries(
    {"id": IDS, "duration": st.integers(0, 3)},
    optional={"depends": st.lists(LINK_ENTRIES, max_size=4), "name": TEXT, "owners": IDS})


@given(st.lists(PLAIN_ROWS, min_size=1, max_size=6))
def test_plain_rows_and_their_links_read_together_as_one_by_one(
        tables: list[dict[str, Any]]) -> None:
    one_by_one = [_toml._plain_task(table) for table in tables]
    together = _toml._plain_tables(tables)
    if None in one_by_one:
        assert together is None
    else:
        assert together == ([task for task, _ in one_by_one],
                            [link for _, links in one_by_one for link in links])


@pytest.mark.parametrize("entry", [{"id": "a", "lag": 1, "note": "x"}, {"id": "a", "lag": "1"},
                                   {"id": "a", "type": "XY"}, {"lag": 1}])
def test_a_depends_table_only_the_careful_path_reads_sends_the_tasks_there(
        entry: dict[str, Any]) -> None:
    tables = [{"id": "a", "duration": 1}, {"id": "b", "duration": 1, "depends": ["a", entry]}]
    assert _toml._plain_task(tables[1]) is None
    assert _toml._plain_tables(tables) is None


@given(st.lists(PLAIN_TASKS | st.fixed_dictionaries(
    {"id": IDS, "duration": st.integers(0, 3)},
    optional={"depends": PLAIN_VALUES, "owners": PLAIN_VALUES}), max_size=5))
def test_plain_tasks_read_together_as_one_by_one(tables: list[dict[str, Any]]) -> None:
    one_by_one = [_toml._plain_task(table) for table in tables]
    together = _toml._plain_tables(tables)
    if None in one_by_one:  # any other task makes the reader go task by task
        assert together is None
    else:
        assert together == ([task for task, _ in one_by_one],
                            [link for _, links in one_by_one for link in links])
