"""The letter parser: blocks of a 函 or 書函 → a Letter record.

blocks → split_letter (the letter's own blocks) → normalise_text → split_fields →
one small function per field → Letter.
"""
from __future__ import annotations

import re

from pipeline.blocks import PAGE_BREAK, TABLE, Block, blocks_to_text, block_text
from pipeline.parse.attachment_list import code_from_files, parse_attachments
from pipeline.parse.clean import FOOTER, TABLE_CELL, TABLE_ROW, join_wrapped, normalise_line, normalise_text
from pipeline.parse.completeness import mark_complete
from pipeline.parse.contact import parse_contact
from pipeline.parse.dates import find_periods, parse_roc_date
from pipeline.parse.dispatch import parse_dispatch_no
from pipeline.parse.items import text_to_items
from pipeline.parse.labels import SECTION_KEYS, Field, find_labels, mend_labels, split_fields
from pipeline.parse.recipients import split_recipients
from pipeline.parse.references import find_references, is_agency
from pipeline.parse.signature import is_title, split_signature
from pipeline.records import Letter, Secrecy, Section
from pipeline.vocabulary import vocabulary

RETENTION = re.compile(r"^(?:永久|\d+\s*年?)")
FILE_NO = re.compile(r"^[0-9A-Za-z/.\-_]+")


def doc_type_pattern() -> str:
    """Return the alternation of 文別 words (書函 before 函)."""
    return "|".join(map(re.escape, vocabulary()["doc_types"]["names"]))


def drop_repeated_title(text: str, issuer: str, doc_type: str) -> tuple[str, int]:
    """Given letter text, return it without the title line repeated as a page header after 主旨 (on one line,
    or on two as layout text gives it), and how many."""
    line = re.compile(rf"^{re.escape(issuer)}[ \t]*\n?[ \t]*{re.escape(doc_type)}[ \t]*$\n?", re.M)
    subject = re.search(r"主[ \t]*旨[ \t]*[:：]", text)
    if not subject:
        return text, 0
    rest, repeats = line.subn("", text[subject.end():])
    return text[: subject.end()] + rest, repeats


def find_title(text: str) -> tuple[str | None, str | None, str]:
    """Given header text, return (issuer, 文別, text without the title line) from a line like 「花蓮縣政府 函」."""
    pattern = re.compile(rf"(?P<issuer>[\u4e00-\u9fff（）()]{{2,40}}?)[ \t]*(?P<type>{doc_type_pattern()})[ \t]*$", re.M)
    for m in pattern.finditer(text):
        issuer = m.group("issuer")
        if is_agency(issuer):
            return issuer, m.group("type"), (text[: m.start()] + text[m.end():]).strip()
    return None, None, text


WRAP_TAIL_MAX = 6  # a value's wrapped tail on a line of its own (「號」) is this short at most
CONTACT_KEYS = ("address", "contact_unit", "contact_name", "phone", "fax", "email", "contact", "contact_name_phone")
TITLE_BESIDE = CONTACT_KEYS
HEADER_KEYS = ("date", "dispatch_no", "speed", "secrecy", "recipient")


def take_line(values: dict[str, str], keys: tuple[str, ...], pattern: re.Pattern) -> re.Match | None:
    """Given label values, keys to look in and a whole-line pattern, return the first match, taking its line out."""
    for key in keys:
        m = pattern.search(values.get(key, ""))
        if m:
            values[key] = values[key][: m.start()] + values[key][m.end():]
            return m
    return None


def title_among_values(values: dict[str, str]) -> tuple[str | None, str | None]:
    """Given header label values, return (issuer, 文別) from a title line that reading order put inside the
    address block (「花蓮縣政府 函」 on a line of its own), or from the issuer and its 文別 on two lines of
    their own (layout text: 「花蓮縣政府」 … 「函」), taking those lines out of their values."""
    types = doc_type_pattern()
    whole = re.compile(rf"^[ \t]*(?P<issuer>[\u4e00-\u9fff（）()]{{2,40}}?)[ \t]*(?P<type>{types})[ \t]*$", re.M)
    for key in TITLE_BESIDE:
        for m in whole.finditer(values.get(key, "")):
            if is_agency(m.group("issuer")):
                values[key] = values[key][: m.start()] + values[key][m.end():]
                return m.group("issuer"), m.group("type")
    lone_type = re.compile(rf"^[ \t]*(?P<type>{types})[ \t]*$\n?", re.M)
    lone_issuer = re.compile(r"^[ \t]*(?P<issuer>[\u4e00-\u9fff（）()]{3,40})[ \t]*$\n?", re.M)
    sources = ("preamble", "file_no", "retention", *TITLE_BESIDE, *HEADER_KEYS)
    issuers = [(k, m) for k in sources[:-len(HEADER_KEYS)] for m in lone_issuer.finditer(values.get(k, ""))
               if is_agency(m.group("issuer"))]
    if not issuers or not any(lone_type.search(values.get(k, "")) for k in sources):
        return None, None
    doc_type = take_line(values, sources, lone_type).group("type")
    key, m = issuers[0]
    values[key] = values[key].replace(m.group(0), "", 1)
    return m.group("issuer"), doc_type


def last_text(blocks: list[Block]) -> str:
    """Given blocks, return the text of the last one that is not page furniture once cleaned."""
    for block in reversed(blocks):
        text, _ = normalise_text(block_text(block))
        if text.strip():
            return text.strip()
    return ""


def is_stray_name(line: str) -> bool:
    """Given a line, return whether it is a bare name of 2–4 characters (「簡○○」), as a 署名 leaves."""
    table = vocabulary()["signature"]
    return bool(re.fullmatch(f"[{table['name_chars']}]{{{table['name_min']},{table['name_max']}}}", line.strip()))


def split_letter(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Given a document's blocks, return the letter's own blocks and the blocks that follow it (attachments)."""
    seen_subject = False
    for i, block in enumerate(blocks):
        text = block_text(block)
        seen_subject = seen_subject or bool(re.search(r"主[ \t\u3000]*旨[ \t\u3000]*[:：]", text))
        footer = FOOTER.search(normalise_line(text)) if seen_subject else None
        if footer and re.fullmatch(r"第(\d+)頁[，,、/]?共\1頁", re.sub(r"\s", "", footer.group())):
            end = i + 1
            signed_after = is_title(last_text(blocks[:i]))  # 「縣長」 before the footer, its name after it
            while end < len(blocks) and (blocks[end].kind == PAGE_BREAK
                                         or signed_after and is_stray_name(block_text(blocks[end]))):
                end += 1
            head, after = contact_block_after(blocks, end)
            return head + blocks[:end], blocks[after:]
    return blocks, []


def contact_block_after(blocks: list[Block], start: int) -> tuple[list[Block], int]:
    """Given blocks and where the letter's last page ended, return the address and contact lines that extraction
    order put after the footer (a frame beside the title) and where the rest begins."""
    taken, end, skipped_to = [], start, start
    while end < len(blocks):
        text, _ = normalise_text(block_text(blocks[end]))  # page furniture cleans to ""
        if not text.strip():
            end += 1
            continue
        if any(at == 0 for _, _, at, _ in find_labels(text, CONTACT_KEYS)) or (
                taken and len(text) <= WRAP_TAIL_MAX and not re.search("[:：]", text)):
            taken.append(blocks[end])
            end += 1
            skipped_to = end
            continue
        break
    return (taken, skipped_to) if taken else ([], start)


def parse_secrecy(value: str) -> Secrecy:
    """Given the 密等及解密條件或保密期限 value, return its level and condition."""
    value = join_wrapped(value)
    vocab = vocabulary()["secrecy"]
    if not value or value in vocab["none"]:
        return Secrecy()
    level = next((lv for lv in vocab["levels"] if value.startswith(lv)), None)
    rest = value[len(level):] if level else value
    condition = rest.strip("，、,；;：: ").removeprefix("（").removesuffix("）").strip() or None
    return Secrecy(level=level, condition=condition)


def parse_speed(value: str, warnings: list[str]) -> str | None:
    """Given the 速別 value, return it (普通件/速件/最速件), warning about any other value."""
    value = join_wrapped(value)
    if not value:
        return None
    values = vocabulary()["speed"]["values"]
    known = next((s for s in values if value.startswith(s)), None) or (value + "件" if value + "件" in values else None)
    if known is None:
        warnings.append(f"unknown 速別: {value}")
    return known or value


def parse_header(preamble: str, values: dict[str, str], letter: Letter) -> None:
    """Given the preamble and header label values, fill the letter's header fields."""
    file_no = FILE_NO.match(values.get("file_no", "").strip())
    retention = RETENTION.match(values.get("retention", "").strip())
    title_text = "\n".join([preamble,
                            values.get("file_no", "")[file_no.end() if file_no else 0:],
                            values.get("retention", "")[retention.end() if retention else 0:]])
    letter.issuer, letter.doc_type, _ = find_title(title_text)
    if letter.issuer is None:
        values["preamble"] = preamble
        letter.issuer, letter.doc_type = title_among_values(values)
    if letter.issuer is None:
        letter.warnings.append("no title line (發文機關 + 文別) found")
    letter.file_no = file_no.group() if file_no else None
    letter.retention = re.sub(r"\s", "", retention.group()) if retention else None
    letter.address = join_wrapped(values.get("address", "")).replace(" ", "") or None
    letter.contact = parse_contact(values)
    letter.recipient = join_wrapped(values.get("recipient", "")) or None
    if values.get("date", "").strip():
        letter.date = parse_roc_date(join_wrapped(values["date"]))
        if letter.date is None:
            letter.warnings.append(f"impossible 發文日期: {join_wrapped(values['date'])}")
    if values.get("dispatch_no", "").strip():
        letter.dispatch_no = parse_dispatch_no(join_wrapped(values["dispatch_no"]))
        if letter.dispatch_no is None:
            letter.warnings.append(f"unreadable 發文字號: {join_wrapped(values['dispatch_no'])}")
    letter.speed = parse_speed(values.get("speed", ""), letter.warnings)
    letter.secrecy = parse_secrecy(values.get("secrecy", ""))
    letter.attachments = parse_attachments(values.get("attachments", ""))
    letter.issuer_code = code_from_files(letter.attachments, letter.dispatch_no)


def parse_body(fields: list[Field], letter: Letter) -> None:
    """Given the body fields (主旨 onwards), fill subject, sections, 正本, 副本 and 署名."""
    body = [f for f in fields if f.key in ("subject", "cc_main", "cc_copy", *SECTION_KEYS)]
    for i, f in enumerate(body):
        value = f.value
        if i == len(body) - 1:
            value, letter.signature = split_signature(value)
        if f.key == "subject" and letter.subject is None:
            letter.subject = join_wrapped(value) or None
        elif f.key in SECTION_KEYS:
            text, items = text_to_items(value)
            letter.sections.append(Section(name=SECTION_KEYS[f.key], text=text, items=items))
        elif f.key == "cc_main":
            letter.cc_main += split_recipients(value)
        elif f.key == "cc_copy":
            letter.cc_copy += split_recipients(value)


def section_text(section: Section) -> str:
    """Given a section, return all its text (items included) for finding citations and periods."""
    def walk(items):
        for item in items:
            yield item.text
            yield from walk(item.children)
    return "\n".join([section.text, *walk(section.items)])


def letter_text(blocks: list[Block]) -> str:
    """Given a letter's blocks, return its text one block a line, a table's rows as marked lines of cells."""
    def line(block: Block) -> str:
        if block.kind == TABLE:
            return "\n".join(TABLE_ROW + TABLE_CELL.join(c.replace("\n", "") for c in row) for row in block.rows or [])
        return blocks_to_text([block])
    return "\n".join(map(line, blocks))


def blocks_to_letter(blocks: list[Block]) -> Letter:
    """Given a document's blocks, return the Letter record of the 函 at its start."""
    own, _ = split_letter(blocks)
    text, warnings = normalise_text(mend_labels(letter_text(own)))
    letter = Letter(warnings=warnings)
    preamble, fields = split_fields(text)
    values: dict[str, str] = {}
    for f in fields:
        values.setdefault(f.key, f.value)
    parse_header(preamble, values, letter)
    if letter.issuer:
        text, repeats = drop_repeated_title(text, letter.issuer, letter.doc_type)
        if repeats:
            letter.warnings.append(f"removed the title line repeated as a page header ({repeats}×)")
        preamble, fields = split_fields(text)
    parse_body(fields, letter)
    body_text = "\n".join([letter.subject or "", *map(section_text, letter.sections)])
    letter.references = find_references(body_text, letter.recipient, letter.issuer)
    letter.periods, period_warnings = find_periods(body_text)
    letter.warnings += period_warnings
    return mark_complete(letter)



