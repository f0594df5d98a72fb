"""Parse untrusted XML with no DTD, no entity expansion and no external entities, its depth and size capped."""
from __future__ import annotations

import codecs
import re
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from pipeline.errors import InputError
from pipeline.limits import MAX_XML_DEPTH, MAX_XML_ELEMENTS

DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})[\"'][^>]*\?>")
EXPAT_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1"}
MAX_REASON = 80  # characters of the XML parser's own words kept in a reason (a mutant may declare a 3,000-letter encoding)
PYTHON_CODEC = {"big5": "cp950", "big-5": "cp950", "ms950": "cp950", "x-windows-950": "cp950"}


class _Bound(Exception):
    """The XML went past a cap; ``args[0]`` says which: depth or elements."""


class _CappedBuilder(TreeBuilder):
    """A tree builder that stops at MAX_XML_DEPTH nested elements or MAX_XML_ELEMENTS elements."""

    def __init__(self):
        super().__init__()
        self.depth = self.count = 0

    def start(self, tag, attrs):
        self.depth += 1
        self.count += 1
        if self.depth > MAX_XML_DEPTH:
            raise _Bound("depth")
        if self.count > MAX_XML_ELEMENTS:
            raise _Bound("elements")
        return super().start(tag, attrs)

    def end(self, tag):
        self.depth -= 1
        return super().end(tag)


def refusal_reason(data: bytes, member: str) -> str:
    """Given XML bytes refused for their DTD, return a one-line reason naming the entity risk."""
    try:
        SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            return f"{member} declares external entity '{exc.name}' ({exc.sysid or exc.pubid}): refused (XXE)"
        return f"{member} declares entity '{exc.name}': refused (entity expansion, e.g. billion laughs)"
    except (DefusedXmlException, ParseError, ValueError, _Bound):
        pass
    return f"{member} has a DTD (<!DOCTYPE>): refused"


def to_utf8(data: bytes, path: str | None, member: str) -> bytes:
    """Given XML bytes declaring an encoding expat cannot read (Big5), return them as UTF-8 with the declaration dropped."""
    declared = DECLARED_ENCODING.match(data)
    name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if name in EXPAT_ENCODINGS or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    try:
        text = data[declared.end():].decode(PYTHON_CODEC.get(name, name))
    except LookupError:
        raise InputError(path, f"{member} declares encoding '{name}': unknown") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"{member} is not valid {name} text at byte {exc.start + declared.end()}") from None
    return text.encode("utf-8")


def parse_xml(data: bytes, path: str | None, member: str) -> Element:
    """Given XML bytes from ``member`` of file ``path``, return its root; raise InputError when unsafe, malformed or
    past the caps on depth and elements."""
    parser = DefusedXMLParser(target=_CappedBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(to_utf8(data, path, member))
        return parser.close()
    except DTDForbidden:
        raise InputError(path, refusal_reason(data, member)) from None
    except DefusedXmlException as exc:
        raise InputError(path, f"{member}: unsafe XML refused ({type(exc).__name__})") from None
    except _Bound as exc:
        if exc.args[0] == "depth":
            raise InputError(path, f"{member}: elements nested deeper than {MAX_XML_DEPTH} levels: refused") from None
        raise InputError(path, f"{member}: more than {MAX_XML_ELEMENTS:,} elements: refused") from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise InputError(path, f"{member} is not well-formed XML (line {line}, column {column})") from None
    except (ValueError, LookupError) as exc:  # an encoding expat refuses or Python does not know, declared inside
        reason = str(exc)[:MAX_REASON] + ("…" if len(str(exc)) > MAX_REASON else "")
        raise InputError(path, f"{member} cannot be read: {reason}") from None
