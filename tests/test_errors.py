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
    assert "did you mean 1.1, 1.10?" in str(psp.UnknownIdError("task", "1.1", ["1.10", "1.1"]))
    assert str(psp.FileReadError("p.toml", "gone")) == "p.toml: gone"
