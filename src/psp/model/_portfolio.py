"""A portfolio: several projects on one time axis."""

from __future__ import annotations

import attrs

from psp.errors import UnknownIdError
from psp.model._budget import CostRules
from psp.model._fields import check_text, tuple_of
from psp.model._links import Link, links
from psp.model._plan import Project

__all__ = ["Portfolio"]


def _projects(value: object) -> tuple[Project, ...]:
    return tuple_of(Project, "Portfolio", "projects", value)


@attrs.frozen
class Portfolio:
    """Several projects on one time axis (a *project of projects*), with shared cost rules.

    ``links`` join tasks of different projects; their ends are written
    ``project:task`` (``Link("kita:1.2", "ehrenamt:1.1")``).

    Examples
    --------
    >>> p = Portfolio("Modellregion", [Project("Kita", "2020-01", id="kita")])
    >>> p.project("kita").name
    'Kita'
    """

    name: str = attrs.field(validator=check_text("Portfolio"))
    projects: tuple[Project, ...] = attrs.field(default=(), converter=_projects)
    rules: CostRules = attrs.field(factory=CostRules, kw_only=True)
    links: tuple[Link, ...] = attrs.field(default=(), converter=links, kw_only=True)

    @property
    def keys(self) -> tuple[str, ...]:
        """Each project's key: its id, else ``project1``, ``project2`` … by position.

        The one place that names projects: qualified task ids (``kita:1.1``), schedules
        and cost reports all use it.

        Examples
        --------
        >>> both = [Project("A", "2020-01", id="a"), Project("B", "2020-01")]
        >>> Portfolio("P", both).keys
        ('a', 'project2')
        """
        return tuple(p.id or f"project{n}" for n, p in enumerate(self.projects, start=1))

    def project(self, project_id: str) -> Project:
        """The project with this key (`UnknownIdError` when there is none)."""
        for key, project in zip(self.keys, self.projects, strict=True):
            if key == project_id:
                return project
        raise UnknownIdError("project", project_id, self.keys)
