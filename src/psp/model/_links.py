"""Links: the four types and what each demands of its two tasks, defined once."""

from __future__ import annotations

import enum

import attrs

from psp.model._fields import check_id, check_int, to_enum, tuple_of

__all__ = ["Link", "LinkType"]

class LinkType(enum.StrEnum):
    """How a successor depends on its predecessor (the lag is added to the predecessor's date).

    ``FS`` finish-to-start, ``SS`` start-to-start, ``FF`` finish-to-finish, ``SF`` start-to-finish.
    """

    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


def _link_type(value: object) -> LinkType:
    return to_enum(LinkType, "Link", "type", value)



@attrs.frozen
class Link:
    """A dependency: ``successor`` waits for ``predecessor`` (type and lag in periods).

    A negative lag is a lead. ``Link("1.1", "1.2", "SS")`` lets 1.2 start with 1.1.

    Examples
    --------
    >>> Link("2.2", "2.3", "SS", lag=1)
    Link(predecessor='2.2', successor='2.3', type=<LinkType.SS: 'SS'>, lag=1)
    """

    predecessor: str = attrs.field(validator=check_id("Link"))
    successor: str = attrs.field(validator=check_id("Link"))
    type: LinkType = attrs.field(
        default=LinkType.FS, converter=_link_type
    )
    lag: int = attrs.field(default=0, validator=check_int("Link"), kw_only=True)


def links(value: object) -> tuple[Link, ...]:
    """Links given to a plan or portfolio, checked to be `Link` objects."""
    return tuple_of(Link, "Project", "links", value)
