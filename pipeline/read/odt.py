"""ODT reader: .odt (zip) and .fodt (flat XML) into blocks, with list numbers rebuilt from list styles.

ODF keeps automatic numbers (一、 (一) 1、) out of the text; they are rebuilt here from
``text:list-level-style-number`` (num-format, num-prefix, num-suffix, start-value) and the
list nesting. The XML is read with defusedxml (no DTD, no entities) and walked directly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from pipeline.blocks import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Block, Document, block_text
from pipeline.errors import InputError
from pipeline.limits import MAX_LIST_LEVEL, MAX_LIST_NUMBER, bounded_int
from pipeline.read.numbering import format_number
from pipeline.read.safexml import parse_xml
from pipeline.read.safezip import ODT_MIMETYPE, MAX_MEMBER_BYTES, open_package, read_member

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
}
MAX_REPEAT = 64  # cap on number-columns/rows-repeated (spreadsheet-style padding)
# Placeholders for literal white space (text:s, text:tab, text:line-break) kept through collapsing.
LITERAL = {"\ue000": " ", "\ue001": "\t", "\ue002": "\n"}


def q(name: str) -> str:
    """Given 'prefix:local', return the Clark name '{uri}local'."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


P, H, LIST, ITEM, HEADER = q("text:p"), q("text:h"), q("text:list"), q("text:list-item"), q("text:list-header")
TABLE_EL, ROW, CELL, COVERED = q("table:table"), q("table:table-row"), q("table:table-cell"), q("table:covered-table-cell")
ROW_GROUPS = {q("table:table-header-rows"), q("table:table-rows"), q("table:table-row-group")}
SOFT_BREAK, NOTE, SPACE, TAB, LINE_BREAK = (q("text:soft-page-break"), q("text:note"), q("text:s"),
                                            q("text:tab"), q("text:line-break"))
SECTIONS = {q("text:section"), q("text:index-body"), q("text:index-title"), q("text:table-of-content"),
            q("text:alphabetical-index"), q("text:illustration-index"), q("text:table-index"), q("text:user-index"),
            q("text:bibliography")}
# Not text of the paragraph: comments, change tracking, frames (images, text boxes).
SKIPPED = {q("office:annotation"), q("office:annotation-end"), q("text:tracked-changes"), q("draw:frame"), q("draw:a")}


@dataclass
class LevelStyle:
    """One level of a list style: how its number is shown."""
    num_format: str = ""  # style:num-format: "1", "一, 二, 三, ...", "" for none
    prefix: str = ""  # style:num-prefix: "("
    suffix: str = ""  # style:num-suffix: "、" or ")"
    start: int = 1  # text:start-value
    display_levels: int = 1  # text:display-levels: 2 shows "1.1"


@dataclass
class ParagraphStyle:
    """What a paragraph style says about page breaks and list numbering."""
    parent: str | None = None
    list_style: str | None = None
    break_before: bool = False
    break_after: bool = False


@dataclass
class Styles:
    """The styles the reader needs, from styles.xml and content.xml."""
    paragraphs: dict[str, ParagraphStyle] = field(default_factory=dict)
    lists: dict[str, dict[int, LevelStyle]] = field(default_factory=dict)
    outline: dict[int, LevelStyle] = field(default_factory=dict)

    def resolve(self, name: str | None, attribute: str):
        """Given a paragraph style name, return an attribute following the parent chain."""
        seen = set()
        while name and name not in seen and name in self.paragraphs:
            seen.add(name)
            value = getattr(self.paragraphs[name], attribute)
            if value:
                return value
            name = self.paragraphs[name].parent
        return None


def element_to_levels(list_style: Element) -> dict[int, LevelStyle]:
    """Given a text:list-style or text:outline-style element, return its numbered levels."""
    levels = {}
    for level in list_style:
        number = bounded_int(level.get(q("text:level")), None, 0, MAX_LIST_LEVEL + 1)
        if number is None or not 1 <= number <= MAX_LIST_LEVEL:
            continue
        numbered = level.tag in (q("text:list-level-style-number"), q("text:outline-level-style"))
        levels[number] = LevelStyle(
            num_format=(level.get(q("style:num-format")) or "") if numbered else "",
            prefix=level.get(q("style:num-prefix")) or "",
            suffix=level.get(q("style:num-suffix")) or "",
            start=bounded_int(level.get(q("text:start-value")), 1, 0, MAX_LIST_NUMBER) if numbered else 1,
            display_levels=bounded_int(level.get(q("text:display-levels")), 1, 1, MAX_LIST_LEVEL) if numbered else 1,
        )
    return levels


def roots_to_styles(*roots: Element) -> Styles:
    """Given the styles.xml and content.xml roots (or the one .fodt root), return the Styles."""
    styles = Styles()
    for root in roots:
        for style in root.iter(q("style:style")):
            name = style.get(q("style:name"))
            if name is None or style.get(q("style:family")) not in ("paragraph", "table"):
                continue
            styles.paragraphs[name] = ParagraphStyle(
                parent=style.get(q("style:parent-style-name")),
                list_style=style.get(q("style:list-style-name")),
                break_before=_breaks(style, "fo:break-before"),
                break_after=_breaks(style, "fo:break-after"),
            )
        for list_style in root.iter(q("text:list-style")):
            styles.lists[list_style.get(q("style:name"))] = element_to_levels(list_style)
        for outline in root.iter(q("text:outline-style")):
            styles.outline = element_to_levels(outline)
    return styles


def _breaks(style: Element, attribute: str) -> bool:
    """Given a style element, return whether its paragraph or table properties force a page break."""
    for props in (style.find(q("style:paragraph-properties")), style.find(q("style:table-properties"))):
        if props is not None and props.get(q(attribute)) == "page":
            return True
    return False


class Counters:
    """List counters of one list (shared by its nested lists and by lists that continue it)."""

    def __init__(self):
        self.values: dict[int, int] = {}

    def next_marker(self, levels: dict[int, LevelStyle], level: int, start: int | None) -> str | None:
        """Given a list style's levels, an item's level and its start-value, count it and return its marker."""
        style = levels.get(level)
        if style is None:
            return None
        if start is not None:
            self.values[level] = start
        elif level in self.values:
            self.values[level] += 1
        else:
            self.values[level] = style.start
        for deeper in [lvl for lvl in self.values if lvl > level]:
            del self.values[deeper]
        if not style.num_format:
            return None
        shown = range(max(1, level - style.display_levels + 1), level + 1)
        numbers = [format_number(self.values.get(lvl, levels.get(lvl, style).start),
                                 levels.get(lvl, style).num_format) for lvl in shown]
        return f"{style.prefix}{'.'.join(numbers)}{style.suffix}"


def _int(value: str | None) -> int | None:
    """Given an attribute value, return it as a non-negative int (absurd ones capped), or None."""
    return bounded_int(value, None, 0, MAX_LIST_NUMBER)


class BlockWalker:
    """Walks office:text in document order and returns blocks (page numbers assigned afterwards)."""

    def __init__(self, styles: Styles):
        self.styles = styles
        self.outline = Counters()
        self.lists_by_id: dict[str, Counters] = {}
        self.last_list_by_style: dict[str | None, Counters] = {}
        self.notes = 0

    def children_to_blocks(self, parent: Element) -> list[Block]:
        """Given a container element (office:text, a section, a cell), return the blocks of its children."""
        blocks: list[Block] = []
        for child in parent:
            if child.tag == P:
                blocks += self.paragraph_to_blocks(child, PARAGRAPH, None, None)
            elif child.tag == H:
                blocks += self.heading_to_blocks(child)
            elif child.tag == LIST:
                blocks += self.list_to_blocks(child, 1, None, None)
            elif child.tag == TABLE_EL:
                blocks += self.table_to_blocks(child)
            elif child.tag == SOFT_BREAK:
                blocks.append(Block(PAGE_BREAK))
            elif child.tag in SECTIONS:
                blocks += self.children_to_blocks(child)
        return blocks

    def heading_to_blocks(self, heading: Element) -> list[Block]:
        """Given a text:h outside lists, return its blocks, numbered from the outline style."""
        level = _int(heading.get(q("text:outline-level"))) or 1
        marker = None
        if heading.get(q("text:is-list-header")) != "true":
            restart = heading.get(q("text:restart-numbering")) == "true"
            start = _int(heading.get(q("text:start-value"))) or (1 if restart else None)
            marker = self.outline.next_marker(self.styles.outline, level, start)
        return self.paragraph_to_blocks(heading, HEADING, marker, level)

    def paragraph_to_blocks(self, para: Element, kind: str, marker: str | None, level: int | None) -> list[Block]:
        """Given a text:p or text:h, return its block, its footnotes after it, and its page breaks."""
        style = para.get(q("text:style-name"))
        notes: list[Element] = []
        breaks = [0]
        text = inline_text(para, notes, breaks)
        blocks = [Block(PAGE_BREAK)] if self.styles.resolve(style, "break_before") else []
        if text or marker:
            blocks.append(Block(kind, text, marker=marker, level=level))
        for note in notes:
            self.notes += 1
            citation = (note.findtext(q("text:note-citation")) or str(self.notes)).strip()
            body = note.find(q("text:note-body"))
            note_text = "\n".join(b.text for b in self.children_to_blocks(body) if b.kind != PAGE_BREAK) \
                if body is not None else ""
            blocks.append(Block(PARAGRAPH, note_text, marker=f"註{citation}："))
        blocks += [Block(PAGE_BREAK)] * breaks[0]
        if self.styles.resolve(style, "break_after"):
            blocks.append(Block(PAGE_BREAK))
        return blocks

    def list_to_blocks(self, lst: Element, depth: int, style: str | None, counters: Counters | None) -> list[Block]:
        """Given a text:list at nesting depth ``depth``, return its items' blocks with their markers."""
        style = lst.get(q("text:style-name")) or style
        if counters is None:
            counters = self.top_list_counters(lst, style)
        blocks: list[Block] = []
        for item in lst:
            if item.tag in (ITEM, HEADER):
                blocks += self.item_to_blocks(item, depth, style, counters)
            elif item.tag == SOFT_BREAK:
                blocks.append(Block(PAGE_BREAK))
        return blocks

    def top_list_counters(self, lst: Element, style: str | None) -> Counters:
        """Given a top-level text:list, return fresh counters or those of the list it continues."""
        continued = lst.get(q("text:continue-list"))
        if continued in self.lists_by_id:
            counters = self.lists_by_id[continued]
        elif lst.get(q("text:continue-numbering")) == "true" and style in self.last_list_by_style:
            counters = self.last_list_by_style[style]
        else:
            counters = Counters()
        list_id = lst.get(q("xml:id"))
        if list_id:
            self.lists_by_id[list_id] = counters
        self.last_list_by_style[style] = counters
        return counters

    def item_to_blocks(self, item: Element, depth: int, style: str | None, counters: Counters) -> list[Block]:
        """Given a text:list-item or list-header, return its blocks: the first paragraph numbered."""
        numbered = item.tag == ITEM
        start = _int(item.get(q("text:start-value")))
        blocks: list[Block] = []
        first = True
        for child in item:
            if child.tag in (P, H):
                list_style = style or self.styles.resolve(child.get(q("text:style-name")), "list_style")
                levels = self.styles.lists.get(list_style, {})
                if first and numbered:
                    marker = counters.next_marker(levels, depth, start)
                    kind = HEADING if child.tag == H else LIST_ITEM
                    level = _int(child.get(q("text:outline-level"))) if kind == HEADING else depth
                    blocks += self.paragraph_to_blocks(child, kind, marker, level or depth)
                else:
                    blocks += self.paragraph_to_blocks(child, PARAGRAPH, None, None)
                first = False
            elif child.tag == LIST:
                blocks += self.list_to_blocks(child, depth + 1, style, counters)
                first = False
            elif child.tag == TABLE_EL:
                blocks += self.table_to_blocks(child)
            elif child.tag == SOFT_BREAK:
                blocks.append(Block(PAGE_BREAK))
        return blocks

    def table_to_blocks(self, table: Element) -> list[Block]:
        """Given a table:table, return its TABLE block (cells' paragraphs joined by newlines) and page breaks."""
        style = table.get(q("table:style-name"))
        breaks = [0]
        rows = [row for row in self.rows_of(table, breaks) if any(cell.strip() for cell in row)]
        blocks = [Block(PAGE_BREAK)] if self.styles.resolve(style, "break_before") else []
        blocks.append(Block(TABLE, rows=rows))
        blocks += [Block(PAGE_BREAK)] * breaks[0]
        return blocks

    def rows_of(self, container: Element, breaks: list[int]) -> list[list[str]]:
        """Given a table or row group, return its rows of cell texts, counting soft page breaks."""
        rows: list[list[str]] = []
        for child in container:
            if child.tag in ROW_GROUPS:
                rows += self.rows_of(child, breaks)
            elif child.tag == SOFT_BREAK:
                breaks[0] += 1
            elif child.tag == ROW:
                row = []
                for cell in child:
                    if cell.tag not in (CELL, COVERED):
                        continue
                    text = self.cell_text(cell, breaks) if cell.tag == CELL else ""
                    row += [text] * min(_int(cell.get(q("table:number-columns-repeated"))) or 1, MAX_REPEAT)
                rows += [row] * min(_int(child.get(q("table:number-rows-repeated"))) or 1, MAX_REPEAT)
        return rows

    def cell_text(self, cell: Element, breaks: list[int]) -> str:
        """Given a table cell, return its paragraphs' text (with list markers) joined by newlines."""
        lines = []
        for block in self.children_to_blocks(cell):
            if block.kind == PAGE_BREAK:
                breaks[0] += 1
            else:
                lines.append(block_text(block))
        return "\n".join(lines)


def inline_text(element: Element, notes: list[Element], breaks: list[int]) -> str:
    """Given a paragraph element, return its text (white space as ODF shows it); collect notes and page breaks."""
    return collapse_space(_inline(element, notes, breaks))


def _inline(element: Element, notes: list[Element], breaks: list[int]) -> str:
    """Given an inline element, return its raw text with placeholders for literal white space."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == SPACE:
            parts.append("\ue000" * min(_int(child.get(q("text:c"))) or 1, 1000))
        elif tag == TAB:
            parts.append("\ue001")
        elif tag == LINE_BREAK:
            parts.append("\ue002")
        elif tag == NOTE:
            notes.append(child)
        elif tag == SOFT_BREAK:
            breaks[0] += 1
        elif tag not in SKIPPED:
            parts.append(_inline(child, notes, breaks))
        parts.append(child.tail or "")
    return "".join(parts)


def collapse_space(raw: str) -> str:
    """Given raw paragraph text, collapse XML white space runs to one space and restore literal ones."""
    text = re.sub(r"[ \t\r\n]+", " ", raw).strip(" ")
    for placeholder, literal in LITERAL.items():
        text = text.replace(placeholder, literal)
    return text.strip(" ")


def number_pages(blocks: list[Block]) -> list[Block]:
    """Given blocks with PAGE_BREAK markers, return them with page numbers set and redundant breaks dropped."""
    out: list[Block] = []
    page = 1
    for block in blocks:
        if block.kind == PAGE_BREAK:
            if not out or out[-1].kind == PAGE_BREAK:
                continue
            block.page = page
            page += 1
        else:
            block.page = page
        out.append(block)
    while out and out[-1].kind == PAGE_BREAK:
        out.pop()
    return out


def package_to_roots(data: bytes, path: str | None) -> tuple[Element, Element | None]:
    """Given .odt bytes, return the content.xml root and the styles.xml root (None when absent)."""
    package = open_package(data, path)
    manifest = read_member(package, "META-INF/manifest.xml", path) if _has(package, "META-INF/manifest.xml") else b""
    if b"encryption-data" in manifest:
        raise InputError(path, "password-protected ODT: cannot read encrypted content")
    content = parse_xml(read_member(package, "content.xml", path), path, "content.xml")
    styles = parse_xml(read_member(package, "styles.xml", path), path, "styles.xml") \
        if _has(package, "styles.xml") else None
    return content, styles


def _has(package, name: str) -> bool:
    """Given an open zip, return whether it has the member ``name``."""
    return name in package.NameToInfo


def flat_to_root(data: bytes, path: str | None) -> Element:
    """Given .fodt bytes, return the office:document root after the size and mimetype checks."""
    if len(data) > MAX_MEMBER_BYTES:
        raise InputError(path, f"flat ODT larger than {MAX_MEMBER_BYTES} bytes: refused")
    root = parse_xml(data, path, "flat ODT")
    mimetype = root.get(q("office:mimetype"))
    if root.tag != q("office:document") or mimetype != ODT_MIMETYPE:
        raise InputError(path, f"not a flat ODF text document (root {root.tag.split('}')[-1]}, mimetype {mimetype})")
    return root


def read_odt(data: bytes, path: str | None = None) -> Document:
    """Given .odt or .fodt bytes, return the Document of blocks."""
    if data.startswith(b"PK"):
        content, styles_root = package_to_roots(data, path)
        roots, fmt = [r for r in (styles_root, content) if r is not None], "odt"
    else:
        content = flat_to_root(data, path)
        roots, fmt = [content], "fodt"
    body = content.find(f"{q('office:body')}/{q('office:text')}")
    if body is None:
        raise InputError(path, "not an ODF text document: no office:text body")
    walker = BlockWalker(roots_to_styles(*roots))
    blocks = number_pages(walker.children_to_blocks(body))
    if not any(b.kind != PAGE_BREAK for b in blocks):
        raise InputError(path, "empty document: no text")
    warnings = [f"{walker.notes} footnote(s) kept as paragraphs 註N： after their paragraph"] if walker.notes else []
    return Document(blocks=blocks, format=fmt, warnings=warnings, path=path)
