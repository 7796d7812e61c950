"""Errors: one base class, specific subclasses with stable codes, and `Problem`.

Every exception psp raises on purpose derives from `PlanError`. Each subclass also
derives from the builtin it resembles, so ``except ValueError`` keeps working for
callers who do not know psp. Each class carries a stable ``code`` that scripts and
tests may rely on.

Validation of a whole plan does not stop at the first problem: it collects
`Problem` values and raises one `ValidationError` that lists all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import attrs

__all__ = [
    "ChangeError",
    "DateAlignmentError",
    "DateParseError",
    "DateRangeError",
    "FieldError",
    "FieldTypeError",
    "FileError",
    "FileReadError",
    "FileWriteError",
    "MissingExtraError",
    "MoneyError",
    "PlanError",
    "PlanFileError",
    "Problem",
    "SizeError",
    "TomlSyntaxError",
    "UnknownIdError",
    "UsageError",
    "ValidationError",
]


class PlanError(Exception):
    """Base class of every error psp raises on purpose.

    Examples
    --------
    >>> import psp
    >>> try:
    ...     psp.Month.from_string("Smarch 2021")
    ... except psp.PlanError as err:
    ...     print(err.code)
    date-unreadable
    """

    code: ClassVar[str] = "plan-error"


class DateParseError(PlanError, ValueError):
    """A text could not be read as a month or a date; ``text`` is what was given."""

    code: ClassVar[str] = "date-unreadable"

    def __init__(self, text: str, expected: str = "", *, suggestion: str = "") -> None:
        self.text = text
        hint = f" (expected {expected})" if expected else ""
        super().__init__(f"cannot read {text!r} as a month or date{suggestion}{hint}")


class DateAlignmentError(PlanError, ValueError):
    """A date is readable but does not fall on a period boundary.

    In a plan measured in months a start must be the first day of a month and an
    end the last day of one; in a plan measured in weeks, likewise for weeks.
    """

    code: ClassVar[str] = "date-misaligned"


class DateRangeError(PlanError, ValueError):
    """A period lies outside the dates Python can represent (years 1 to 9999)."""

    code: ClassVar[str] = "date-out-of-range"


class FieldError(PlanError, ValueError):
    """One field of one object has a value it cannot have.

    Carries ``owner`` (the class), ``field``, ``expected`` and ``got``.
    """

    code: ClassVar[str] = "invalid-field"

    def __init__(self, owner: str, field: str, expected: str, got: object) -> None:
        self.owner = owner
        self.field = field
        self.expected = expected
        self.got = got
        super().__init__(f"{owner}.{field}: expected {expected}, got {got!r}")

    @property
    def detail(self) -> str:
        """The message without the ``Owner.field:`` prefix."""
        return f"expected {self.expected}, got {self.got!r}"


class FieldTypeError(FieldError, TypeError):
    """A field got a value of the wrong type."""

    code: ClassVar[str] = "wrong-type"


def did_you_mean(word: object, known: Iterable[str], *,
                 synonyms: dict[str, str] | None = None) -> str:
    """``"; did you mean 'duration'?"`` for the known words closest to ``word``, else ``""``.

    Close in spelling (difflib's ratio), containing it, or a synonym named in
    ``synonyms`` (``dependencies`` → ``depends``).

    Examples
    --------
    >>> did_you_mean("duraton", ["id", "name", "duration"])
    "; did you mean 'duration'?"
    >>> did_you_mean("dependencies", ["depends"], synonyms={"dependencies": "depends"})
    "; did you mean 'depends'?"
    >>> did_you_mean("zzz", ["id"])
    ''
    """
    import difflib  # only when there is a word to suggest for

    names = list(dict.fromkeys(known))
    text = str(word)
    found = []
    if synonyms and text.lower() in synonyms and synonyms[text.lower()] in names:
        found.append(synonyms[text.lower()])
    found += difflib.get_close_matches(text, names, n=3, cutoff=0.75)
    lowered = {n.lower(): n for n in names}
    found += difflib.get_close_matches(text.lower(), list(lowered), n=3, cutoff=0.75)
    found = [lowered.get(f, f) for f in found]
    if text:
        found += [n for n in names if text.lower() in n.lower() and n != text][:3]
    picked = [f for f in dict.fromkeys(found) if f != text][:3]
    return f"; did you mean {' or '.join(repr(p) for p in picked)}?" if picked else ""


class UnknownIdError(PlanError, KeyError):
    """An id that names no task or package of the plan."""

    code: ClassVar[str] = "unknown-id"

    def __init__(self, what: str, ident: object, known: Iterable[str] = ()) -> None:
        self.what = what
        self.ident = ident
        self.message = f"no {what} {ident!r} in this plan{did_you_mean(ident, sorted(known))}"
        super().__init__(self.message)

    def __str__(self) -> str:  # KeyError would quote the whole message
        return self.message


def _one_line(text: str) -> str:
    """Text that cannot break out of its line: control characters shown escaped.

    An id with a newline in it must not forge a second problem line.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@attrs.frozen
class Problem:
    """One problem found in a plan: a stable ``code``, a message, and where it is.

    Examples
    --------
    >>> print(Problem("self-link", "depends on itself", entry="task 1.3", key="depends"))
    task 1.3: depends: depends on itself
    """

    code: str
    message: str
    entry: str | None = None
    key: str | None = None
    file: str | None = None

    def __str__(self) -> str:
        where = [part for part in (self.file, self.entry, self.key) if part]
        return ": ".join(_one_line(part) for part in [*where, self.message])

    def in_file(self, file: str) -> Problem:
        """The same problem, located in ``file``."""
        return attrs.evolve(self, file=file)


class ValidationError(PlanError, ValueError):
    """A plan has one or more problems; ``problems`` lists every one of them.

    Examples
    --------
    >>> err = ValidationError([Problem("cycle", "2.1 → 2.3 → 2.1")])
    >>> err.codes
    ('cycle',)
    """

    code: ClassVar[str] = "invalid-plan"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"the plan has {head}:\n{lines}")

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of all problems, in order."""
        return tuple(p.code for p in self.problems)


class ChangeError(PlanError, ValueError):
    """A change cannot apply to this plan (a delay into the past, a link that is not there …)."""

    code: ClassVar[str] = "invalid-change"


class PlanFileError(PlanError, ValueError):
    """A plan file cannot be used at all (before its entries are looked at)."""

    code: ClassVar[str] = "plan-file"

    def __init__(self, file: str, message: str) -> None:
        self.file = file
        super().__init__(f"{file}: {message}")


class TomlSyntaxError(PlanFileError):
    """A plan file is not valid TOML."""

    code: ClassVar[str] = "toml-syntax"


class FileError(PlanError, OSError):
    """A file cannot be read or written; the message starts with the file's name."""

    code: ClassVar[str] = "file-error"

    def __init__(self, file: str, message: str) -> None:
        self.file = file
        super().__init__(f"{file}: {message}")

    def __str__(self) -> str:  # OSError would format its args as a tuple
        return str(self.args[0])


class FileReadError(FileError):
    """A plan file cannot be read (missing, unreadable, not UTF-8, a folder …)."""

    code: ClassVar[str] = "file-unreadable"


class FileWriteError(FileError):
    """An output cannot be written (no such folder, no permission, it is an input …)."""

    code: ClassVar[str] = "file-unwritable"


class MissingExtraError(PlanError, ImportError):
    """An optional dependency is not installed; the message names the ``pip install``."""

    code: ClassVar[str] = "extra-missing"


class MoneyError(PlanError, ValueError):
    """An amount of money that cannot be read without guessing."""

    code: ClassVar[str] = "money-unreadable"


class UsageError(PlanError, ValueError):
    """A command-line option has a value that cannot be used; the message names the option.

    The command line exits with status 2 for it, as for any usage error.
    """

    code: ClassVar[str] = "bad-option"


class SizeError(PlanError, ValueError):
    """An output would be too large to make or to open; the message says what to do instead."""

    code: ClassVar[str] = "too-large"
