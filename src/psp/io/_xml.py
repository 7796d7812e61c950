"""What the XML readers share: safe parsing, and the years a date may have."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from psp.errors import PlanFileError

__all__ = ["FIRST_YEAR", "LAST_YEAR", "parse"]

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
