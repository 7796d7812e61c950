"""Model objects: immutable, checked on construction, with messages naming the field."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import psp
from psp import Constraint, Link, Month, Package, Project, Task, TaskKind
from psp.calendars import FIRST_YEAR
from psp.model import plain_constraint, plain_link, plain_links, plain_task, plain_tasks
from psp.model._fields import are_ids, is_id


def test_objects_are_immutable() -> None:
    task = Task("a", duration=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        task.duration = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Task("", duration=1), "Task.id: expected a non-empty id"),
        (lambda: Task(" a", duration=1), "Task.id: expected a non-empty id"),
        (lambda: Task("a=b", duration=1), "Task.id"),
        (lambda: Task(3, duration=1), "Task.id: expected an id (text), got 3"),
        (lambda: Task("a", duration=-1), "Task.duration: expected a whole number of periods ≥ 0"),
        (lambda: Task("a", duration=True), "Task.duration: expected a whole number"),
        (lambda: Task("a", duration=0, kind="work"), "Task.duration: expected ≥ 1 for work"),
        (lambda: Task("a", duration=2, kind="milestone"), "expected 0 for a milestone"),
        (lambda: Task("a", duration=2, kind="level_of_effort"), "none for level of effort"),
        (lambda: Task("a", kind="hammock"), "Task.kind: expected one of work, milestone"),
        (lambda: Task("a", owners="Müller, Hans"), "Task.owners: expected a list of names"),
        (lambda: Task("a", owners=["  "]), "Task.owners: expected non-empty names"),
        (lambda: Task("a", owners=[{}]), "Task.owners: expected non-empty names"),
        (lambda: Link("a", "b", "XY"), "Link.type: expected one of FS, SS, FF, SF, got 'XY'"),
        (lambda: Link("a", "b", lag=1.5), "Link.lag: expected a whole number of periods"),
        (lambda: Project("x", "Smarch 2020"), "Project.start: expected a date like 2021-06"),
        (lambda: Project("x", 2020), "Project.start: expected a date, a psp.Month or a text"),
        (lambda: Project("x", Month(2020, 9), tasks=["a"]), "Project.tasks: expected Task objects"),
        (lambda: Project("x", Month(2020, 9), unit="year"), "Project.unit: expected one of month"),
        (lambda: Constraint("a", "sometime", dt.date(2020, 1, 1)), "Constraint.kind"),
    ],
)
def test_construction_errors_name_field_expected_and_got(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(psp.FieldError) as info:
        make()
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_wrong_types_are_also_type_errors() -> None:
    with pytest.raises(TypeError):
        Task("a", duration="2")  # type: ignore[arg-type]


def test_kind_follows_duration_and_owner_label_reads_like_the_seed() -> None:
    assert Task("a", duration=3).kind is TaskKind.WORK
    assert Task("m").kind is TaskKind.MILESTONE
    # In the order written (issue 8: replan --out kept the order only by sorting).
    assert Task("x", owners=["AGIT", "3win"]).owner_label == "AGIT+3win"
    assert Link("a", "b", "ss").type is psp.LinkType.SS


def test_equal_plans_compare_equal_however_links_were_listed() -> None:
    tasks = [Task("a", duration=1), Task("b", duration=1), Task("c", duration=1)]
    one = Project("x", Month(2020, 9), tasks=tasks, links=[Link("b", "c"), Link("a", "b")])
    two = Project("x", Month(2020, 9), tasks=tasks, links=[Link("a", "b"), Link("b", "c")])
    assert one == two and hash(one) == hash(two)
    assert one.links == (Link("a", "b"), Link("b", "c"))


def test_lookups() -> None:
    plan = Project("x", Month(2020, 9), packages=[Package("AP1", "Eins")],
                   tasks=[Task("a", package="AP1", duration=1), Task("b", duration=1)])
    assert plan.task("a").package == "AP1"
    assert plan.tasks_in("AP1") == (plan.task("a"),)
    assert "a" in plan and "z" not in plan and len(plan) == 2
    assert [t.id for t in plan] == ["a", "b"]
    with pytest.raises(psp.UnknownIdError, match="no task 'z'"):
        plan.task("z")
    with pytest.raises(psp.UnknownIdError, match="no package 'AP2'"):
        plan.package("AP2")


def test_with_start_moves_end_and_constraints_by_whole_periods() -> None:
    plan = Project("x", Month(2020, 9), end=dt.date(2021, 8, 31),
                   tasks=[Task("a", duration=1)],
                   constraints=[Constraint("a", "start_no_earlier_than", Month(2021, 6)),
                                Constraint("a", "finish_no_later_than", Month(2021, 2))])
    moved = plan.with_start(Month(2020, 12))
    assert moved.start == dt.date(2020, 12, 1)
    assert moved.end == dt.date(2021, 11, 30)
    assert [c.date for c in moved.constraints] == [dt.date(2021, 9, 1), dt.date(2021, 5, 31)]
    assert plan.end == dt.date(2021, 8, 31)  # the original is untouched


def test_a_plan_shows_itself_in_jupyter() -> None:
    page = psp.load("examples/digitale_werkstatt.toml")._repr_html_()
    assert page.startswith("<table><caption>Digitale Werkstatt für den Mittelstand – MACH 4.0")
    assert "25 Aufgaben in 4 Arbeitspaketen" in page
    assert "<td>2.3</td>" in page and "<td>2.1, 2.2 SS+1</td>" in page
    assert "<td>LoE</td>" in page and "<td>◆</td>" in page


def test_a_plan_in_code_takes_the_plan_files_words() -> None:
    """Issue 9: what the file accepts, the constructors (and from_dict) accept."""
    plan = Project("x", start="2022-01", end="31.12.2022",
                   tasks=[Task("a", owners="Uni+Stadt", duration=2)])
    assert (plan.start, plan.end, plan.task("a").owners) == (
        dt.date(2022, 1, 1), dt.date(2022, 12, 31), ("Uni", "Stadt"))
    assert Month("2022-01") == Month(2022, 1) == Month(dt.date(2022, 1, 31))
    same = psp.from_dict({"project": {"name": "x", "start": "2022-01", "end": "31.12.2022"},
                          "task": [{"id": "a", "owners": "Uni+Stadt", "duration": 2}]})
    assert same == plan


def test_a_link_to_an_unknown_task_built_in_code_fails_naming_the_task() -> None:
    plan = Project("x", "2022-01", tasks=[Task("a", duration=1)], links=[Link("a", "zz")])
    with pytest.raises(psp.ValidationError) as err:
        psp.schedule(plan)
    assert str(err.value).splitlines()[1] == (
        "  link a → zz: a link from a goes to 'zz', which is not a task of this plan")


# --- plain_task / plain_link: the checks of Task and Link in one expression -------------

odd_values = st.one_of(st.sampled_from(["a", "1.3", " a", "a=b", "", "a\n", "FS", "ss",
                                        "3win+AGIT", "x,y"]),
                       st.integers(-2, 3), st.booleans(), st.none(), st.just(("A", "B")))


def built(make: object) -> object:
    try:
        return make()  # type: ignore[operator]
    except psp.PlanError:
        return None


@given(odd_values, odd_values, odd_values, odd_values, odd_values)
def test_plain_task_is_task_or_none(task_id: object, name: object, package: object,
                                    owners: object, duration: object) -> None:
    plain = plain_task(task_id, name, package=package, owners=owners, duration=duration)
    full = built(lambda: psp.Task(task_id, name, package=package, owners=owners,  # type: ignore[arg-type]
                                  duration=duration))
    assert plain is None or plain == full  # never a task the constructor would refuse


@given(odd_values, odd_values, odd_values)
def test_plain_link_is_link_or_none(predecessor: object, kind: object, lag: object) -> None:
    plain = plain_link(predecessor, "b", kind, lag)
    full = built(lambda: psp.Link(predecessor, "b", kind, lag=lag))  # type: ignore[arg-type]
    assert plain is None or plain == full
    if full is not None and isinstance(kind, str) and kind == kind.upper() and type(lag) is int:
        assert plain == full  # the plain form of a plain link is taken


# Rows of plain values, some with one value that is not plain: the column checks must
# find it wherever it is.
TASK_FIELDS = (["a", "1.3", "b"], ["", "Analyse"], [None, "AP1"], [(), "3win+AGIT", ["x"]],
               [0, 1, 2])
LINK_FIELDS = (["a", "1.3"], ["FS", "SS", "FF", "SF"], [0, 1, -1])


@st.composite
def rows(draw: st.DrawFn, fields: tuple[list[object], ...]) -> tuple[object, ...]:
    row = [draw(st.sampled_from(values)) for values in fields]
    if draw(st.booleans()):
        row[draw(st.integers(0, len(row) - 1))] = draw(odd_values)
    return tuple(row)


@given(st.lists(rows(TASK_FIELDS), max_size=4))
def test_plain_tasks_are_each_rows_plain_task(task_rows: list[tuple[object, ...]]) -> None:
    one_by_one = [plain_task(i, n, package=p, owners=o, duration=d)
                  for i, n, p, o, d in task_rows]
    columns = [list(column) for column in zip(*task_rows, strict=True)] or [[]] * 5
    # all of them, or none: a column with one refused value is read row by row
    expected = None if None in one_by_one else one_by_one
    assert plain_tasks(*columns) == expected


@given(st.lists(rows(LINK_FIELDS), max_size=4))
def test_plain_links_are_each_rows_plain_link(link_rows: list[tuple[object, ...]]) -> None:
    one_by_one = [plain_link(p, "b", k, lag) for p, k, lag in link_rows]
    predecessors, kinds, lags = [list(c) for c in zip(*link_rows, strict=True)] or [[], [], []]
    expected = None if None in one_by_one else one_by_one
    assert plain_links(predecessors, ["b"] * len(link_rows), kinds, lags) == expected


@given(st.lists(odd_values, max_size=5))
def test_are_ids_is_every_value_an_id(values: list[object]) -> None:
    assert are_ids(values) == all(map(is_id, values))


days = st.one_of(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.just("2021-06"),
                 st.just(psp.Month(2021, 6)), st.datetimes().map(lambda d: d))
kinds = st.one_of(st.sampled_from(list(psp.ConstraintKind)), st.just("not_before"))


@given(odd_values, kinds, days)
def test_plain_constraint_is_constraint_or_none(task_id: object, kind: object,
                                                day: object) -> None:
    plain = plain_constraint(task_id, kind, day)
    full = built(lambda: psp.Constraint(task_id, kind, day))  # type: ignore[arg-type]
    assert plain is None or plain == full
    if (full is not None and isinstance(kind, psp.ConstraintKind)
            and type(day) is dt.date and day.year >= FIRST_YEAR):
        assert plain == full  # a checked id, kind and date take the plain path
