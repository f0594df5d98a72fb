"""DOCX reader: word/document.xml into blocks, Word's automatic list numbers rebuilt from numbering.xml.

Word keeps automatic numbers (一、 (一) 1.) out of the text, like ODF: a paragraph names a
numbering instance and level (w:numPr, directly or through its style), and numbering.xml gives
each level's format (w:numFmt), pattern (w:lvlText "%1、", "(%2)") and start. Numbers are
counted per instance and shown with the same formatter as the ODT reader. The package is read
like an ODT: entries counted, parts capped, XML parsed with no DTD and no entities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from pipeline.blocks import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Block, Document, block_text
from pipeline.errors import InputError
from pipeline.read.numbering import format_number
from pipeline.read.odt import number_pages
from pipeline.read.officezip import open_office_zip, read_part

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_PART = "word/document.xml"
MAX_LEVELS = 9  # Word's list levels 0–8
# w:numFmt → the ODF num-format that pipeline.read.numbering formats ("" shows no number; bullets show none)
NUM_FORMATS = {
    "decimal": "1", "decimalZero": "1", "lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i", "upperRoman": "I",
    "taiwaneseCountingThousand": "一", "taiwaneseCounting": "一", "chineseCountingThousand": "一",
    "chineseCounting": "一", "ideographDigital": "一", "taiwaneseDigital": "一", "japaneseCounting": "一",
    "ideographLegalTraditional": "壹", "chineseLegalSimplified": "壹, 贰", "ideographTraditional": "甲",
    "ideographZodiac": "子", "decimalEnclosedCircle": "①", "decimalEnclosedCircleChinese": "①",
    "decimalFullWidth": "１", "decimalFullWidth2": "１",
}


def w(local: str) -> str:
    """Given a WordprocessingML local name, return its Clark name."""
    return f"{{{W_NS}}}{local}"


P, TBL, TR, TC, R, T, SDT, SDT_CONTENT = (w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t"), w("sdt"),
                                          w("sdtContent"))
# Inline containers whose runs are text of the paragraph (insertions, links, fields, content controls).
INLINE_CONTAINERS = {w("hyperlink"), w("ins"), w("smartTag"), w("fldSimple"), w("customXml"), w("sdt"),
                     w("sdtContent"), w("moveTo"), w("dir"), w("bdo")}
BLOCK_CONTAINERS = {SDT, SDT_CONTENT, w("customXml"), w("ins"), w("moveTo")}


def val(element: Element | None, child: str) -> str | None:
    """Given an element, return the w:val of its child ``child`` (None when absent)."""
    found = element.find(w(child)) if element is not None else None
    return found.get(w("val")) if found is not None else None


def _int(value: str | None) -> int | None:
    """Given an attribute value, return it as an int, or None."""
    return int(value) if value is not None and value.strip().lstrip("-").isdigit() else None


@dataclass
class Level:
    """One level of a numbering definition: its format, pattern and start."""
    num_format: str = "1"  # ODF num-format for format_number; "" for none or bullet
    text: str = ""  # w:lvlText: "%1、", "(%2)", "%1.%2"
    start: int = 1


@dataclass
class ParagraphStyle:
    """What a paragraph style says about numbering, outline level and page breaks."""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None  # 0-based w:outlineLvl
    break_before: bool = False


@dataclass
class Definitions:
    """numbering.xml and styles.xml: levels per numbering instance, paragraph styles."""
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId → ilvl → Level
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    default_style: str | None = None

    def resolve(self, name: str | None, attribute: str):
        """Given a paragraph style id, return an attribute following the basedOn chain."""
        seen = set()
        name = name or self.default_style
        while name and name not in seen and name in self.styles:
            seen.add(name)
            value = getattr(self.styles[name], attribute)
            if value is not None and value is not False:
                return value
            name = self.styles[name].based_on
        return None


def abstract_to_levels(abstract: Element) -> dict[int, Level]:
    """Given a w:abstractNum (or a w:lvlOverride's w:lvl list), return its levels."""
    levels = {}
    for lvl in abstract.findall(w("lvl")):
        ilvl = _int(lvl.get(w("ilvl")))
        if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
            continue
        fmt = val(lvl, "numFmt") or "decimal"
        start = _int(val(lvl, "start"))
        levels[ilvl] = Level(NUM_FORMATS.get(fmt, "" if fmt in ("none", "bullet") else "1"),
                             val(lvl, "lvlText") or "", 1 if start is None else start)
    return levels


def numbering_to_levels(root: Element | None) -> dict[str, dict[int, Level]]:
    """Given the numbering.xml root, return every numbering instance's levels (start overrides applied)."""
    if root is None:
        return {}
    abstracts = {a.get(w("abstractNumId")): abstract_to_levels(a) for a in root.findall(w("abstractNum"))}
    out = {}
    for num in root.findall(w("num")):
        levels = {k: Level(v.num_format, v.text, v.start)
                  for k, v in abstracts.get(val(num, "abstractNumId"), {}).items()}
        for override in num.findall(w("lvlOverride")):
            ilvl = _int(override.get(w("ilvl")))
            if ilvl is None:
                continue
            levels.update(abstract_to_levels(override))
            start = _int(val(override, "startOverride"))
            if start is not None and ilvl in levels:
                levels[ilvl].start = start
        out[num.get(w("numId"))] = levels
    return out


def styles_to_paragraph_styles(root: Element | None) -> tuple[dict[str, ParagraphStyle], str | None]:
    """Given the styles.xml root, return its paragraph styles by id and the default paragraph style's id."""
    styles, default = {}, None
    if root is None:
        return styles, default
    for style in root.findall(w("style")):
        if style.get(w("type")) != "paragraph":
            continue
        name = style.get(w("styleId"))
        props = style.find(w("pPr"))
        num = props.find(w("numPr")) if props is not None else None
        styles[name] = ParagraphStyle(
            based_on=val(style, "basedOn"),
            num_id=val(num, "numId"),
            ilvl=_int(val(num, "ilvl")),
            outline=_int(val(props, "outlineLvl")),
            break_before=is_on(props, "pageBreakBefore"),
        )
        if style.get(w("default")) in ("1", "true", "on"):
            default = name
    return styles, default


def is_on(props: Element | None, name: str) -> bool:
    """Given a properties element, return whether its on/off child ``name`` is present and on."""
    found = props.find(w(name)) if props is not None else None
    return found is not None and found.get(w("val"), "true") not in ("0", "false", "off")


class Counters:
    """Word's list counters: one set per numbering instance, a level's count restarting deeper levels."""

    def __init__(self, definitions: Definitions):
        self.definitions = definitions
        self.values: dict[str, dict[int, int]] = {}

    def next_marker(self, num_id: str, ilvl: int) -> str | None:
        """Given a numbering instance and a level, count the paragraph and return its marker as shown."""
        levels = self.definitions.levels.get(num_id, {})
        level = levels.get(ilvl)
        if level is None:
            return None
        values = self.values.setdefault(num_id, {})
        values[ilvl] = values[ilvl] + 1 if ilvl in values else level.start
        for deeper in [k for k in values if k > ilvl]:
            del values[deeper]
        if not level.num_format:
            return None  # a bullet or an unnumbered level: no number, as in the ODT reader

        def number(match: re.Match) -> str:
            shown = int(match.group(1)) - 1
            other = levels.get(shown, level)
            return format_number(values.get(shown, other.start), other.num_format or "1")
        return re.sub(r"%([1-9])", number, level.text) or None


class BlockWalker:
    """Walks w:body in document order and returns blocks (page numbers assigned afterwards)."""

    def __init__(self, definitions: Definitions):
        self.definitions = definitions
        self.counters = Counters(definitions)

    def children_to_blocks(self, parent: Element) -> list[Block]:
        """Given the body, a cell or a content control, return the blocks of its paragraphs and tables."""
        blocks: list[Block] = []
        for child in parent:
            if child.tag == P:
                blocks += self.paragraph_to_blocks(child)
            elif child.tag == TBL:
                blocks.append(self.table_to_block(child))
            elif child.tag in BLOCK_CONTAINERS:
                blocks += self.children_to_blocks(child)
        return blocks

    def paragraph_to_blocks(self, para: Element) -> list[Block]:
        """Given a w:p, return its block (numbered when it is a list paragraph) and its page breaks."""
        props = para.find(w("pPr"))
        style = val(props, "pStyle")
        num = props.find(w("numPr")) if props is not None else None
        num_id = val(num, "numId") if num is not None and num.find(w("numId")) is not None \
            else self.definitions.resolve(style, "num_id")
        ilvl = _int(val(num, "ilvl")) if num is not None and num.find(w("ilvl")) is not None \
            else (self.definitions.resolve(style, "ilvl") or 0)
        outline = _int(val(props, "outlineLvl"))
        outline = outline if outline is not None else self.definitions.resolve(style, "outline")
        parts: list[str] = []
        breaks: list[bool] = []  # per page break in the runs: whether text stands before it
        run_text(para, parts, breaks)
        text = "".join(parts).strip(" ")
        before = is_on(props, "pageBreakBefore") or self.definitions.resolve(style, "break_before")
        blocks = [Block(PAGE_BREAK)] * (int(bool(before)) + breaks.count(False))
        marker = self.counters.next_marker(num_id, ilvl) if num_id not in (None, "0") else None
        if outline is not None and outline < MAX_LEVELS:
            kind, level = HEADING, outline + 1
        elif marker:
            kind, level = LIST_ITEM, ilvl + 1
        else:
            kind, level = PARAGRAPH, None
        if text or marker:
            blocks.append(Block(kind, text, marker=marker, level=level))
        blocks += [Block(PAGE_BREAK)] * breaks.count(True)
        if props is not None and props.find(w("sectPr")) is not None and \
                val(props.find(w("sectPr")), "type") in (None, "nextPage", "oddPage", "evenPage"):
            blocks.append(Block(PAGE_BREAK))
        return blocks

    def table_to_block(self, table: Element) -> Block:
        """Given a w:tbl, return its TABLE block: a cell's paragraphs joined by newlines, a merged cell's
        other columns and rows as empty cells (as the ODT reader gives covered cells)."""
        rows = []
        for tr in children_of(table, TR):
            row = []
            for tc in children_of(tr, TC):
                props = tc.find(w("tcPr"))
                merged = props is not None and props.find(w("vMerge")) is not None and \
                    val(props, "vMerge") in (None, "continue")
                text = "" if merged else "\n".join(block_text(b) for b in self.children_to_blocks(tc)
                                                   if b.kind != PAGE_BREAK)
                span = min(max(_int(val(props, "gridSpan")) or 1, 1), 64)
                row += [text] + [""] * (span - 1)
            if any(cell.strip() for cell in row):
                rows.append(row)
        return Block(TABLE, rows=rows)


def children_of(parent: Element, tag: str) -> list[Element]:
    """Given a table or row, return its rows or cells, including those inside content controls (not nested tables)."""
    out = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in BLOCK_CONTAINERS:
            out += children_of(child, tag)
    return out


def run_text(element: Element, parts: list[str], breaks: list[bool]) -> None:
    """Given a paragraph or inline container, append its text (w:t, tabs, line breaks) to ``parts`` and, for each
    page break, whether text came before it."""
    for child in element:
        tag = child.tag
        if tag == R:
            for item in child:
                if item.tag == T:
                    parts.append(item.text or "")
                elif item.tag == w("tab"):
                    parts.append("\t")
                elif item.tag in (w("br"), w("cr")):
                    if item.get(w("type")) == "page":
                        breaks.append(bool("".join(parts).strip()))
                    else:
                        parts.append("\n")
                elif item.tag == w("noBreakHyphen"):
                    parts.append("-")
        elif tag in INLINE_CONTAINERS:
            run_text(child, parts, breaks)


def read_docx(data: bytes, path: str | None = None) -> Document:
    """Given .docx bytes, return the Document of blocks."""
    package = open_office_zip(data, path, "DOCX", DOCUMENT_PART)
    document = read_part(package, DOCUMENT_PART, path)
    styles, default = styles_to_paragraph_styles(read_part(package, "word/styles.xml", path))
    definitions = Definitions(numbering_to_levels(read_part(package, "word/numbering.xml", path)), styles, default)
    body = document.find(w("body"))
    if document.tag != w("document") or body is None:
        raise InputError(path, "not a Word document: word/document.xml has no w:body")
    try:
        blocks = number_pages(BlockWalker(definitions).children_to_blocks(body))
    except RecursionError:
        raise InputError(path, "word/document.xml nests elements too deeply: refused") from None
    if not any(b.kind != PAGE_BREAK for b in blocks):
        raise InputError(path, "empty document: no text")
    return Document(blocks=blocks, format="docx", path=path)
