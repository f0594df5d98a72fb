"""DI reader: a 公文電子交換 DI file's bytes → a safe XML tree → the Letter record.

Safe by construction: nothing is fetched (no external DTD, no network), no entity is
expanded, and the only declarations accepted are the unparsed entities that name the
attachment files and the roster (<!ENTITY ATTCH1 SYSTEM "a.odt" NDATA _X>), which must
be plain file names in the DI's own folder. Inputs are capped in size and depth.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path
from xml.etree.ElementTree import ParseError, TreeBuilder

from defusedxml.common import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from pipeline.errors import InputError
from pipeline.read import read_bytes
from pipeline.parse.di import ROOTS, DiTree, RosterEntry, roster_to_entries, tree_to_letter
from pipeline.records import Letter

MAX_DI_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
DECLARATION_RE = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
BIG5_NAMES = {"big5", "big-5", "big5-hkscs", "cp950", "ms950", "x-windows-950"}
UNSAFE_NAME = re.compile(r"[/\\\x00-\x1f\"'<>&%]|^\.{1,2}$|^[A-Za-z][A-Za-z0-9+.-]*:")
SNIFF_BYTES = 4096
# a DI opens with an optional XML declaration, comments or processing instructions, then its DOCTYPE or root
DI_OPENING = re.compile(r"^\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?(?!xml)[^>]*\?>\s*)*"
                        r"(?:<!DOCTYPE\s+(?P<doctype>[^\s>\[]+)|<(?P<root>[^\s>/!?]+))", re.DOTALL)


class _EntityRefused(Exception):
    """An entity declaration other than an unparsed file entity."""


class _TooDeep(Exception):
    """Elements nested beyond MAX_DEPTH."""


class _DepthCappedBuilder(TreeBuilder):
    """A tree builder that refuses elements nested deeper than MAX_DEPTH."""

    def __init__(self):
        super().__init__()
        self.depth = 0

    def start(self, tag, attrs):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        return super().start(tag, attrs)

    def end(self, tag):
        self.depth -= 1
        return super().end(tag)


class _DiParser(DefusedXMLParser):
    """defusedxml's parser, accepting only unparsed entity declarations, which it records."""

    def __init__(self):
        super().__init__(target=_DepthCappedBuilder(), encoding="utf-8", forbid_dtd=False,
                         forbid_entities=True, forbid_external=True)
        self.entities: dict[str, str] = {}
        self.parser.UnparsedEntityDeclHandler = self._unparsed_entity
        self.parser.EntityDeclHandler = self._refuse_entity

    def _unparsed_entity(self, name, base, system_id, public_id, notation):
        self.entities[name] = system_id or ""

    def _refuse_entity(self, name, is_parameter, value, base, system_id, public_id, notation):
        kind = "external entity" if system_id else "entity"
        raise _EntityRefused(f"declares {'parameter ' if is_parameter else ''}{kind} {name} "
                             "(only attachment file entities are allowed)")


def decode_di(data: bytes, path: str | None) -> str:
    """Given DI bytes, return the text: UTF-8 (with or without BOM), UTF-16 with BOM, or Big5 (cp950)."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        declared = DECLARATION_RE.match(data)
        name = declared.group(1).decode("ascii").lower() if declared else None
        if name in BIG5_NAMES:
            encodings = ["cp950"]
        elif name in (None, "utf-8", "utf8"):
            encodings = ["utf-8"] if name else ["utf-8", "cp950"]
        else:
            raise InputError(path, f"malformed DI: unsupported encoding {name} (UTF-8 or Big5 expected)")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            error = exc
    raise InputError(path, f"malformed DI: not valid {encodings[-1]} text at byte {error.start}")


def looks_like_di(data: bytes) -> bool:
    """Given a file's bytes, return whether its DOCTYPE or root element is a DI letter's (函, 書函), whatever its name.

    Read after a BOM, in UTF-8, UTF-16 or the declared Big5 (an undeclared non-UTF-8 head is tried as Big5)."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        declared = DECLARATION_RE.match(head.removeprefix(codecs.BOM_UTF8))
        name = declared.group(1).decode("ascii").lower() if declared else None
        encodings = ["cp950"] if name in BIG5_NAMES else ["utf-8", "cp950"]
    for encoding in encodings:
        opening = DI_OPENING.match(head.decode(encoding, errors="ignore"))
        if opening and (opening.group("doctype") or opening.group("root")) in ROOTS:
            return True
    return False


def without_declaration(text: str) -> str:
    """Given decoded XML text, return it without its XML declaration (the encoding is now UTF-8)."""
    return re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text, count=1)


def check_file_name(name: str, what: str, path: str | None) -> str:
    """Given an entity's system id, return it when it is a plain file name; raise InputError otherwise."""
    if not name or UNSAFE_NAME.search(name):
        raise InputError(path, f"DI refused: {what} names {name!r}, not a plain file name in the DI's folder")
    return name


def di_bytes_to_tree(data: bytes, path: str | None, roots: tuple[str, ...] = ROOTS) -> DiTree:
    """Given DI (or .sw) bytes, return the parsed tree and its file entities; raise InputError on bad input."""
    if len(data) > MAX_DI_BYTES:
        raise InputError(path, f"DI file too large ({len(data)} bytes, at most {MAX_DI_BYTES})")
    if not data.strip():
        raise InputError(path, "empty file")
    parser = _DiParser()
    try:
        parser.feed(without_declaration(decode_di(data, path)).encode("utf-8"))
        root = parser.close()
    except ParseError as exc:
        raise InputError(path, f"malformed DI: {exc}") from None
    except _EntityRefused as exc:
        raise InputError(path, f"DI refused: {exc}") from None
    except DefusedXmlException as exc:
        raise InputError(path, f"DI refused: {exc}") from None
    except _TooDeep:
        raise InputError(path, f"DI refused: elements nested deeper than {MAX_DEPTH}") from None
    if root.tag not in roots:
        raise InputError(path, f"not a 函 DI: root element <{root.tag}> (expected {' or '.join(roots)})")
    entities = {name: check_file_name(sid, f"entity {name}", path) for name, sid in parser.entities.items()}
    return DiTree(root=root, entities=entities)


def roster_file_of(tree: DiTree) -> str | None:
    """Given a DI tree, return the file name of the 交換表 roster its 受文者 refers to, if any."""
    table = tree.root.find("受文者/交換表")
    return tree.entities.get(table.get("交換表單", "")) if table is not None else None


def read_roster(di_path: str | None, name: str) -> tuple[list[RosterEntry] | None, list[str]]:
    """Given the DI's path and a roster file name, return its entries (None when absent) and warnings."""
    if not di_path:
        return None, [f"roster {name} not read: the DI has no folder"]
    path = Path(di_path).parent / name
    if not is_file_here(path):
        return None, [f"roster {name} not found beside the DI"]
    try:  # never through a link; a name the file system refuses (too long) is not found
        tree = di_bytes_to_tree(read_bytes(str(path), follow_links=False), str(path), roots=("交換表單",))
    except InputError as exc:
        return None, [f"roster not read: {exc}"]
    return roster_to_entries(tree.root), []


def missing_attachments(letter: Letter, di_path: str | None) -> list[str]:
    """Given a letter read from a DI and its path, return a warning for each attachment file not beside it."""
    if not di_path:
        return []
    folder = Path(di_path).parent
    return [f"attachment file {a.file} not found beside the DI" for a in letter.attachments
            if a.file and not is_file_here(folder / a.file)]


def is_file_here(path: Path) -> bool:
    """Given a path named inside a DI, return whether a regular file (not a link) is there; False for a name the
    file system refuses (too long, a NUL)."""
    try:
        return path.is_file() and not path.is_symlink()
    except (OSError, ValueError):
        return False


def read_di(data: bytes, path: str | None = None) -> Letter:
    """Given a DI file's bytes (and path, for its roster and attachments), return its Letter record."""
    tree = di_bytes_to_tree(data, path)
    roster_name = roster_file_of(tree)
    roster, warnings = read_roster(path, roster_name) if roster_name else (None, [])
    letter = tree_to_letter(tree, roster)
    if letter.dispatch_no is None and letter.subject is None:
        raise InputError(path, "not an official letter: no 發文字號 and no 主旨 found")
    letter.warnings[:0] = warnings + missing_attachments(letter, path)
    return letter
