"""What the XML formats share: safe parsing, problems that name the file, and the outline
(tasks grouped by package) their writers follow."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

from psp.engine import validate
from psp.errors import PlanError, PlanFileError, Problem, ValidationError
from psp.model import Package, Project, Task

__all__ = ["FIRST_YEAR", "LAST_YEAR", "grouped", "parse", "validated"]

FIRST_YEAR, LAST_YEAR = 1000, 9000
"""The years a date read from another tool's file may have (room to count days around it)."""


def parse(data: bytes, file: str, *, root: str, what: str) -> ET.Element:
    """The root element of ``data``; unsafe or broken XML is one clean error naming the file.

    ``root`` is the root element's local name the format demands, ``what`` the format's
    name for messages. DTDs and entities are refused (no XML bomb, no external entity).
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        node = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as err:
        raise PlanFileError(file, f"refused unsafe XML ({type(err).__name__}): {what} "
                            "declares no DTD or entities") from None
    except ParseError as err:
        raise PlanFileError(file, f"not valid XML: {err}") from None
    except LookupError as err:  # an encoding Python does not know
        raise PlanFileError(file, f"not valid XML: {err}") from None
    except RecursionError:
        raise PlanFileError(file, f"not {what}: elements nested too deeply") from None
    found = node.tag.rsplit("}", 1)[-1]
    if found != root:
        raise PlanFileError(file, f"not {what}: the root element is <{found}>, not <{root}>")
    return node


def validated(file: str, build: Callable[[], Project]) -> Project:
    """The plan ``build`` makes, validated; every problem names ``file``."""
    try:
        return validate(build())
    except PlanError as err:  # a value the model refuses: name the file
        if isinstance(err, ValidationError):
            raise ValidationError(p if p.file else p.in_file(file) for p in err.problems) \
                from None
        raise ValidationError([Problem(err.code, str(err), None, None, file)]) from None


def grouped(project: Project) -> Iterator[tuple[Package | None, list[Task]]]:
    """Each package with its tasks (in plan order), then the tasks of no package."""
    members: dict[str | None, list[Task]] = {p.id: [] for p in project.packages}
    for task in project.tasks:
        members.setdefault(task.package, []).append(task)
    for package in project.packages:
        yield package, members[package.id]
    if members.get(None):
        yield None, members[None]
