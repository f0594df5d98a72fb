"""Parse untrusted XML with no DTD, no entity expansion and no external entities."""
from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden

from pipeline.errors import InputError


def refusal_reason(data: bytes, member: str) -> str:
    """Given XML bytes refused for their DTD, return a one-line reason naming the entity risk."""
    try:
        SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            return f"{member} declares external entity '{exc.name}' ({exc.sysid or exc.pubid}): refused (XXE)"
        return f"{member} declares entity '{exc.name}': refused (entity expansion, e.g. billion laughs)"
    except (DefusedXmlException, ParseError):
        pass
    return f"{member} has a DTD (<!DOCTYPE>): refused"


def parse_xml(data: bytes, path: str | None, member: str) -> Element:
    """Given XML bytes from ``member`` of file ``path``, return its root; raise InputError when unsafe or malformed."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        raise InputError(path, refusal_reason(data, member)) from None
    except DefusedXmlException as exc:
        raise InputError(path, f"{member}: unsafe XML refused ({type(exc).__name__})") from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise InputError(path, f"{member} is not well-formed XML (line {line}, column {column})") from None
