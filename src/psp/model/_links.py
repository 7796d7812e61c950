"""Links: the four types and what each demands of its two tasks, defined once."""

from __future__ import annotations

import enum
import operator
from collections.abc import Sequence
from typing import cast

import attrs

from psp._support.columns import repeated
from psp.model._fields import (
    are_ids,
    check_id,
    check_int,
    from_columns,
    is_id,
    only,
    slot_setters,
    to_enum,
    tuple_of,
)

__all__ = ["Link", "LinkType", "plain_link", "plain_links"]

class LinkType(enum.StrEnum):
    """How a successor depends on its predecessor (the lag is added to the predecessor's date).

    ``FS`` finish-to-start, ``SS`` start-to-start, ``FF`` finish-to-finish, ``SF``
    start-to-finish. The first letter names the predecessor's date the link starts from
    (`from_finish`), the second the successor's date it bounds (`to_finish`); the
    engine, replanning, the invariants and the chart's arrows all read these two.

    Examples
    --------
    >>> [(t.value, t.from_finish, t.to_finish) for t in LinkType]
    [('FS', True, False), ('SS', False, False), ('FF', True, True), ('SF', False, True)]
    """

    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"

    @property
    def from_finish(self) -> bool:
        """True when the predecessor's finish is what the lag is added to (FS, FF)."""
        return self.value[0] == "F"

    @property
    def to_finish(self) -> bool:
        """True when the link bounds the successor's finish rather than its start (FF, SF)."""
        return self.value[1] == "F"


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

    def holds(self, predecessor: tuple[int, int], successor: tuple[int, int]) -> bool:
        """Whether two tasks' ``(start_period, finish_period)`` meet this link.

        The successor's bounded boundary must not come before the predecessor's
        reference boundary plus the lag (periods count boundaries: a task occupying
        periods 2 and 3 has ``(2, 4)``).

        Examples
        --------
        >>> Link("a", "b", "FS", lag=1).holds((0, 2), (3, 5)), Link("a", "b").holds((0, 2), (1, 3))
        (True, False)
        """
        ref = predecessor[1] if self.type.from_finish else predecessor[0]
        target = successor[1] if self.type.to_finish else successor[0]
        return target >= ref + self.lag


_new = object.__new__
_SETTERS = slot_setters(Link)
_set_predecessor, _set_successor, _set_type, _set_lag = _SETTERS
_TYPES = {t.value: t for t in LinkType}  # as files write them: "SS"


def plain_link(predecessor: object, successor: str, type: object = "FS",
               lag: object = 0) -> Link | None:
    """``Link(predecessor, successor, type, lag=lag)`` when every value is plainly valid.

    For reading large plans: the checks of `Link` in one expression, the fields set
    without a call per field. ``successor`` must be a valid id already (the reader's
    task id). ``None`` when any value is not plainly valid; ``Link(...)`` then says why.

    Parameters
    ----------
    predecessor : object
        The predecessor's id, as read.
    successor : str
        The successor's id, already checked.
    type : object
        ``FS``, ``SS``, ``FF``, ``SF`` or a `LinkType`.
    lag : object
        A whole number of periods.

    Returns
    -------
    Link or None

    Examples
    --------
    >>> plain_link("a", "b", "SS", 1) == Link("a", "b", "SS", lag=1), plain_link("a", "b", "ss")
    (True, None)
    """
    kind = _TYPES.get(type) if isinstance(type, str) else None
    if kind is None or lag.__class__ is not int or not is_id(predecessor):
        return None
    link: Link = _new(Link)
    _set_predecessor(link, predecessor)
    _set_successor(link, successor)
    _set_type(link, kind)
    _set_lag(link, lag)
    return link


def plain_links(predecessors: Sequence[object], successors: Sequence[str],
                types: Sequence[object], lags: Sequence[object]) -> list[Link] | None:
    """`plain_link` for whole columns: the checks column by column, no call per link.

    ``successors`` must be valid ids already (the reader's task ids). ``None`` when
    any value is not plainly valid; `plain_link` or ``Link(...)`` then says which one.

    Parameters
    ----------
    predecessors : sequence of object
        The predecessors' ids, as read.
    successors : sequence of str
        The successors' ids, already checked.
    types, lags : sequence of object
        ``FS``, ``SS``, ``FF`` or ``SF``; whole numbers of periods.

    Returns
    -------
    list of Link or None

    Examples
    --------
    >>> plain_links(["a", "a"], ["b", "c"], ["FS", "SS"], [0, 1]) == [
    ...     Link("a", "b"), Link("a", "c", "SS", lag=1)]
    True
    >>> plain_links(["a"], ["b"], ["ss"], [0]) is None
    True
    """
    kinds = list(map(_TYPES.get, cast("Sequence[str]", types))) if only(str, types) else [None]
    if None in kinds or not only(int, lags) or not are_ids(predecessors):
        return None
    return from_columns(Link, _SETTERS, (predecessors, successors, kinds, lags))


def links(value: object) -> tuple[Link, ...]:
    """Links given to a plan or portfolio, checked to be `Link` objects."""
    return tuple_of(Link, "Project", "links", value)


def qualified_links(groups: Sequence[tuple[str, Sequence[Link]]]) -> list[Link]:
    """Copies of valid links with their project's key and ``:`` before both ends' ids.

    For a portfolio's merged plan, all projects at once; nothing is checked again (see
    `qualified_tasks`).

    Parameters
    ----------
    groups : sequence of (str, sequence of Link)
        Each project's key (``"kita"``) and its valid links.

    Returns
    -------
    list of Link
        The copies, group after group.

    Examples
    --------
    >>> qualified_links([("kita", [Link("1.1", "1.2", "SS", lag=1)]),
    ...                  ("egov", [Link("a", "b")])]) == [
    ...     Link("kita:1.1", "kita:1.2", "SS", lag=1), Link("egov:a", "egov:b")]
    True
    """
    prefixes = repeated([f"{key}:" for key, _ in groups], [len(group) for _, group in groups])
    links = [link for _, group in groups for link in group]
    return from_columns(Link, _SETTERS, (
        list(map(operator.add, prefixes, [link.predecessor for link in links])),
        list(map(operator.add, prefixes, [link.successor for link in links])),
        [link.type for link in links], [link.lag for link in links]))
