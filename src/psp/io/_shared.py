"""What the format modules share: validation whose problems name the file, and the
outline (each package with its tasks) their writers follow."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from psp.engine import validate
from psp.errors import PlanError, Problem, ValidationError
from psp.model import Package, Project, Task

__all__ = ["grouped", "validated"]


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
    """Each package with its tasks (in plan order), then the tasks of no package — the
    plan's outline (`Project.outline`) as objects."""
    for package in project.packages:
        yield package, [project.tasks[i] for i in project.members(package.id)]
    loose = [project.tasks[i] for i in project.members(None)]
    if loose:
        yield None, loose
