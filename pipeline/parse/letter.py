"""The letter parser: blocks of a 函 or 書函 → a Letter record.

blocks → split_letter (the letter's own blocks) → normalise_text → split_fields →
one small function per field → Letter.
"""
from __future__ import annotations

import re

from pipeline.blocks import PAGE_BREAK, TABLE, Block, blocks_to_text, block_text
from pipeline.parse.clean import FOOTER, TABLE_CELL, TABLE_ROW, join_wrapped, normalise_line, normalise_text
from pipeline.parse.dates import find_periods, parse_roc_date
from pipeline.parse.dispatch import parse_dispatch_no
from pipeline.parse.items import text_to_items
from pipeline.parse.labels import SECTION_KEYS, Field, mend_labels, split_fields
from pipeline.parse.recipients import split_recipients
from pipeline.parse.references import find_references, is_agency
from pipeline.records import Attachment, Contact, Letter, Secrecy, Section
from pipeline.vocabulary import vocabulary

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"[\d(（][\d()（）\-#~*.,、/轉分機extEXT ]*\d")
RETENTION = re.compile(r"^(?:永久|\d+\s*年?)")
FILE_NO = re.compile(r"^[0-9A-Za-z/.\-_]+")


def doc_type_pattern() -> str:
    """Return the alternation of 文別 words (書函 before 函)."""
    return "|".join(map(re.escape, vocabulary()["doc_types"]["names"]))


def drop_repeated_title(text: str, issuer: str, doc_type: str) -> tuple[str, int]:
    """Given letter text, return it without the title line repeated as a page header on later pages, and how many."""
    line = re.compile(rf"^{re.escape(issuer)}[ \t]*{re.escape(doc_type)}[ \t]*$", re.M)
    first = line.search(text)
    if not first:
        return text, 0
    rest, repeats = line.subn("", text[first.end():])
    return text[: first.end()] + rest.replace("\n\n", "\n"), repeats


def find_title(text: str) -> tuple[str | None, str | None, str]:
    """Given header text, return (issuer, 文別, text without the title line) from a line like 「花蓮縣政府 函」."""
    pattern = re.compile(rf"(?P<issuer>[\u4e00-\u9fff（）()]{{2,40}}?)[ \t]*(?P<type>{doc_type_pattern()})[ \t]*$", re.M)
    for m in pattern.finditer(text):
        issuer = m.group("issuer")
        if is_agency(issuer):
            return issuer, m.group("type"), (text[: m.start()] + text[m.end():]).strip()
    return None, None, text


def split_letter(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Given a document's blocks, return the letter's own blocks and the blocks that follow it (attachments)."""
    seen_subject = False
    for i, block in enumerate(blocks):
        text = block_text(block)
        seen_subject = seen_subject or bool(re.search(r"主[ \t\u3000]*旨[ \t\u3000]*[:：]", text))
        footer = FOOTER.search(normalise_line(text)) if seen_subject else None
        if footer and re.fullmatch(r"第(\d+)頁[，,、/]?共\1頁", re.sub(r"\s", "", footer.group())):
            end = i + 1
            while end < len(blocks) and blocks[end].kind == PAGE_BREAK:
                end += 1
            return blocks[:end], blocks[end:]
    return blocks, []


def join_email(value: str) -> str:
    """Given a value holding an e-mail address, return it with the address rejoined where a line break split it."""
    lines = [line.strip() for line in value.split("\n") if line.strip()]
    out = lines[:1]
    for line in lines[1:]:
        inside_address = (out[-1][-1] in "@.-_" or line[0] in "@.-_"
                          or ("@" in out[-1] and "." not in out[-1].rsplit("@", 1)[1] and " " not in line)
                          or (re.fullmatch(r"(?=.*[A-Za-z])[\w.+-]+", out[-1]) and re.match(r"[\w.+-]*@", line)))
        out[-1:] = [out[-1] + line] if inside_address else [out[-1], line]
    return re.sub(r"\s*([@.])\s*", r"\1", "\n".join(out))


def first_match(pattern: re.Pattern, value: str | None) -> str | None:
    """Given a pattern and a value, return the first match without spaces, or None."""
    m = pattern.search(value or "")
    return re.sub(r"\s", "", m.group()) if m else None


def split_unit_and_name(text: str) -> tuple[str | None, str | None]:
    """Given an unlabelled contact line's words (「教務處註冊組陳筱涵」), return (承辦單位, 承辦人)."""
    table = vocabulary()["contact"]
    for cut in range(len(text) - table["name_min"], 1, -1):
        unit, name = text[:cut], text[cut:]
        if unit.endswith(tuple(table["unit_endings"])) and len(name) <= table["name_max"]:
            return unit, name
    return None, (text if table["name_min"] <= len(text) <= table["name_max"] + 1 else None)


def parse_contact_block(block: str) -> Contact:
    """Given a 聯絡方式 (or 聯絡人及電話) value without sub-labels, return what each line holds."""
    block = join_email(block)
    email = first_match(EMAIL, block)
    phone = first_match(PHONE, EMAIL.sub("", block))
    words = re.sub(r"[^\u4e00-\u9fff○〇]", "", PHONE.sub("", EMAIL.sub("", block)))
    unit, name = split_unit_and_name(words)
    return Contact(name=name, unit=unit, phone=phone, email=email)


def parse_contact(fields: dict[str, str]) -> Contact:
    """Given label values, return the 聯絡方式 (承辦人, 承辦單位, 電話, 傳真, 電子信箱)."""
    block = parse_contact_block(fields.get("contact_name_phone") or fields.get("contact") or "")
    name = join_wrapped(fields.get("contact_name", "")).split(" ")[0] or block.name
    return Contact(name=name or None, unit=join_wrapped(fields.get("contact_unit", "")) or block.unit,
                   phone=first_match(PHONE, fields.get("phone")) or block.phone,
                   fax=first_match(PHONE, fields.get("fax")),
                   email=first_match(EMAIL, join_email(fields.get("email", ""))) or block.email)


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


def parse_attachments(value: str) -> list[Attachment]:
    """Given the 附件 value, return its titles paired with the exchange file names it lists."""
    value = join_wrapped(value)
    vocab = vocabulary()["attachments"]
    if not value or any(value.startswith(word) for word in vocab["none"]) and len(value) < 12:
        return []
    ext = "|".join(vocab["file_extensions"])
    file_re = re.compile(rf"[\w\-.]+?\.(?:{ext})\b", re.I)
    files: list[str] = []
    m = re.search(r"[（(]([^（()）]*)[）)]\s*$", value)
    if m and file_re.search(re.sub(r"\s", "", m.group(1))):
        files = file_re.findall(re.sub(r"\s", "", m.group(1)))
        value = value[: m.start()].strip()
    titles = split_titles(value) if len(files) > 1 or not files else [value]
    if not files:  # file names listed as titles: 「A09…_ATTACH1.pdf、A09…_ATTACH2.pdf」
        return [Attachment(title=None, file=t) if file_re.fullmatch(t) else Attachment(title=t) for t in titles]
    if len(titles) != len(files):
        titles = titles if len(titles) > len(files) else titles + [None] * (len(files) - len(titles))
    return [Attachment(title=t, file=files[i] if i < len(files) else None) for i, t in enumerate(titles)]


def split_titles(value: str) -> list[str]:
    """Given an 附件 list, return its titles: split at 、, and at 及 after a count (報名表1份及海報3張)."""
    counts = vocabulary()["attachments"]["count_words"]
    pieces = [p.strip() for p in value.split("、") if p.strip()]
    return [t for p in pieces for t in re.split(rf"(?<=\d[{counts}])及", p) if t]


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


def as_signature(line: str, glued: bool = False) -> str | None:
    """Given a line (glued: the tail of text run together), return it as a 署名 「縣長 徐○○」, else None."""
    vocab = vocabulary()["signature"]
    line = re.sub(r"[（(][^）)]*[）)]$", "", line.replace(" ", "")).strip()
    for cut in range(len(line) - vocab["name_min"], 1, -1):
        title, name = line[:cut], line[cut:]
        if glued and title not in vocab["titles"] and len(title) > vocab["glued_title_max"]:
            continue
        if (len(title) <= vocab["title_max"] and title.endswith(tuple(vocab["title_endings"]))
                and vocab["name_min"] <= len(name) <= vocab["name_max"]
                and re.fullmatch(f"[{vocab['name_chars']}]+", name + title)
                and not name.endswith(tuple(vocab["not_name_endings"]))):
            return f"{title} {name}"
    return None


def split_signature(value: str) -> tuple[str, str | None]:
    """Given the last field's raw value, return it without the trailing 署名 and notes, and the 署名."""
    notes = vocabulary()["signature"]["notes"]
    lines = value.split("\n")
    signature = None
    while lines:
        line = lines[-1].strip()
        if any(note in line for note in notes):
            lines.pop()
        elif signature is None and len(lines) > 1 and (signature := as_signature(line)):
            lines.pop()
        else:
            break
    rest = "\n".join(lines)
    if signature is None and "\n" not in rest.strip():  # text run together on one line: try its tail
        text = rest.strip()
        tail = re.search(r"[^、，,；;\s]{4,12}$", text)
        starts = range(tail.start(), tail.end() - 3) if tail else range(0)
        found = [(start, sig) for start in starts if (sig := as_signature(text[start:], glued=True))]
        known = [(start, sig) for start, sig in found if sig.split(" ")[0] in vocabulary()["signature"]["titles"]]
        if found:
            start, signature = known[0] if known else found[-1]  # the longest known title, else the shortest
            rest = text[:start]
    return rest, signature


def parse_header(preamble: str, values: dict[str, str], letter: Letter) -> None:
    """Given the preamble and header label values, fill the letter's header fields."""
    file_no = FILE_NO.match(values.get("file_no", "").strip())
    retention = RETENTION.match(values.get("retention", "").strip())
    title_text = "\n".join([preamble,
                            values.get("file_no", "")[file_no.end() if file_no else 0:],
                            values.get("retention", "")[retention.end() if retention else 0:]])
    letter.issuer, letter.doc_type, _ = find_title(title_text)
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
    letter.issuer_code = code_from_files(letter)


def code_from_files(letter: Letter) -> str | None:
    """Given a letter, return the 機關代碼 its exchange file names start with (code + 發文字號 digits)."""
    if letter.dispatch_no is None:
        return None
    for attachment in letter.attachments:
        m = re.match(rf"(?P<code>[0-9A-Z]{{6,12}}){letter.dispatch_no.number}_", attachment.file or "")
        if m:
            return m.group("code")
    return None


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
    return letter



