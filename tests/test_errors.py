"""The error hierarchy: one base, builtin parents, stable codes, readable problems."""

from __future__ import annotations

import pytest

import psp

CLASSES = [
    (psp.DateParseError, ValueError, "date-unreadable"),
    (psp.DateAlignmentError, ValueError, "date-misaligned"),
    (psp.DateRangeError, ValueError, "date-out-of-range"),
    (psp.FieldError, ValueError, "invalid-field"),
    (psp.FieldTypeError, TypeError, "wrong-type"),
    (psp.UnknownIdError, KeyError, "unknown-id"),
    (psp.ValidationError, ValueError, "invalid-plan"),
    (psp.PlanFileError, ValueError, "plan-file"),
    (psp.TomlSyntaxError, ValueError, "toml-syntax"),
    (psp.FileReadError, OSError, "file-unreadable"),
    (psp.FileWriteError, OSError, "file-unwritable"),
]


@pytest.mark.parametrize(("cls", "builtin", "code"), CLASSES)
def test_every_error_is_a_plan_error_and_its_builtin_with_a_stable_code(
    cls: type, builtin: type, code: str
) -> None:
    assert issubclass(cls, psp.PlanError) and issubclass(cls, builtin)
    assert cls.code == code  # type: ignore[attr-defined]


def test_codes_are_unique() -> None:
    codes = [code for _cls, _builtin, code in CLASSES]
    assert len(set(codes)) == len(codes)


def test_problem_text_and_location() -> None:
    problem = psp.Problem("cycle", "a → b → a", entry="task a", key="depends")
    assert str(problem) == "task a: depends: a → b → a"
    assert str(problem.in_file("plan.toml")) == "plan.toml: task a: depends: a → b → a"
    assert str(psp.Problem("x", "whole file")) == "whole file"


def test_validation_error_lists_every_problem() -> None:
    err = psp.ValidationError([psp.Problem("a", "one"), psp.Problem("b", "two", entry="task 1")])
    assert err.codes == ("a", "b")
    assert str(err) == "the plan has 2 problems:\n  one\n  task 1: two"


def test_key_and_os_errors_print_their_message_plainly() -> None:
    assert str(psp.UnknownIdError("task", "9.9", ["1.1"])) == "no task '9.9' in this plan"
    assert str(psp.UnknownIdError("task", "1.1", ["1.10", "2.2"])) == (
        "no task '1.1' in this plan; did you mean '1.10'?")
    assert str(psp.FileReadError("p.toml", "gone")) == "p.toml: gone"


def test_typing_errors_get_a_suggestion_naming_the_likely_fix() -> None:
    with pytest.raises(psp.ValidationError) as err:
        psp.load("tests/data/errors/typos.toml")
    lines = str(err.value).splitlines()[1:]
    assert [line.split(": ", 3)[2:] for line in lines][:4] == [
        ["start", "cannot read 'Septmber 2020' as a month or date; did you mean 'September'? "
                  "(expected a month like 2020-09, 09/2020, 09.2020, Sep 2020, März 2021, "
                  "Mär'21, or a date like 31.08.2021 or 2021-08-31)"],
        ["duraton", "unknown key; did you mean 'duration'? (known: id, package, name, owners, "
                    "duration, depends, not_before, not_after, level_of_effort, milestone, "
                    "actual_start, actual_finish, not_started, optimistic, pessimistic, "
                    "distribution)"],
        ["owner", "unknown key; did you mean 'owners'? (known: id, package, name, owners, "
                  "duration, depends, not_before, not_after, level_of_effort, milestone, "
                  "actual_start, actual_finish, not_started, optimistic, pessimistic, "
                  "distribution)"],
        ["dependencies", "unknown key; did you mean 'depends'? (known: id, package, name, "
                         "owners, duration, depends, not_before, not_after, level_of_effort, "
                         "milestone, actual_start, actual_finish, not_started, optimistic, "
                         "pessimistic, distribution)"],
    ]


def test_an_unknown_task_id_suggests_the_ids_it_was_likely_meant_to_be() -> None:
    plan = psp.load("examples/digitale_werkstatt.toml")
    with pytest.raises(psp.UnknownIdError, match=r"'3\.11' in this plan; did you mean '3\.1'"):
        psp.apply(plan, psp.Delay("3.11", by=1))
    with pytest.raises(psp.UnknownIdError, match=r"'ap3' in this plan; did you mean 'AP3'\?"):
        psp.apply(plan, psp.Delay("ap3", by=1))
    with pytest.raises(psp.UnknownIdError, match=r"'zz' in this plan$"):
        plan.task("zz")
