"""A Letter record → a 公文電子交換 DI (104 DTD 函) and, for several addressees, its .sw roster.

Element order follows 104_2_utf8.dtd; 速別 and 密等 are written only with codes the DTD
allows. What a DI cannot carry (檔號, 保存年限, parsed attachment contents) is reported
in the package's notes, never written elsewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from pipeline.errors import InputError
from pipeline.exchange.conventions import allowed_codes, conventions
from pipeline.exchange.roster import names_roster, needs_roster, roster_bytes
from pipeline.exchange.validate import dtd_errors
from pipeline.files import safe_stem
from pipeline.records import Addressee, Item, Letter, Section

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
PLAIN_FILE = re.compile(r"^[^/\\\x00-\x1f\"'<>&%]+$")
NOT_IN_ENTITY = re.compile(r"[\"'<>&%]")  # characters a file name in an entity declaration must not hold
PAREN_MARKER = re.compile(r"^\((?P<n>.+)\)$")


@dataclass
class DiPackage:
    """A DI ready to write: its file stem, bytes, roster bytes and the files it names."""
    name: str  # file stem: 376550000A1080251637
    di: bytes
    roster: bytes | None = None  # the .sw roster, for several addressees
    attachments: list[str] = field(default_factory=list)  # attachment file names, beside the DI
    notes: list[str] = field(default_factory=list)  # record fields a DI cannot carry


def clean(text: str | None) -> str:
    """Given a record value, return it as XML text (None → "", characters XML forbids removed)."""
    return XML_ILLEGAL.sub("", text or "")


def child(parent: Element, tag: str, text: str | None = None, **attrs: str) -> Element:
    """Given a parent, a tag, optional text and attributes, append and return the new element."""
    element = SubElement(parent, tag, attrs)
    if text is not None:
        element.text = clean(text)
    return element


def issuer_code_of(letter: Letter, code: str | None = None) -> str:
    """Given a letter (and a known 機關代碼), return the issuer's code: given, on the record, or from attachment names.

    Exchange attachments are named 機關代碼 + 文號 + _…: 376550000A1080251637_118_ATTACH1.odt.
    """
    code = code or getattr(letter, "issuer_code", None)
    if code or not letter.dispatch_no:
        return code or ""
    pattern = re.compile(rf"^([0-9A-Za-z]{{4,12}}?){re.escape(letter.dispatch_no.number)}_")
    for attachment in letter.attachments:
        m = pattern.match(attachment.file or "")
        if m:
            return m.group(1)
    return ""


def package_name(letter: Letter, code: str) -> str:
    """Given a letter and its issuer's code, return the DI's file stem: code + 文號, as the exchange names it
    (376550000A1080251637); without a code the sender and 文號 (南投縣政府-1120012345); else with a short hash of the file."""
    digest = (letter.source.sha256 or "")[:8]
    if letter.dispatch_no:
        number = f"{letter.dispatch_no.number}{'-' + letter.dispatch_no.branch if letter.dispatch_no.branch else ''}"
        if code:
            return code + number
        parts = [letter.issuer, number] if letter.issuer else [number, digest]
    else:
        parts = [re.split(r"[/\\]", letter.source.path or "letter")[-1].rsplit(".", 1)[0], digest]
    return safe_stem(NOT_IN_ENTITY.sub("_", "-".join(part for part in parts if part)))


def attachment_entities(letter: Letter) -> dict[str, str]:
    """Given a letter, return {file name: entity name} for its attachment files (ATTCH1, ATTCH2, …)."""
    prefix = conventions()["entities"]["attachment_prefix"]
    entities: dict[str, str] = {}
    for attachment in letter.attachments:
        if attachment.file and attachment.file not in entities:
            if not PLAIN_FILE.match(attachment.file) or attachment.file in (".", ".."):
                raise InputError(letter.source.path, f"attachment file {attachment.file!r} is not a plain file name")
            entities[attachment.file] = f"{prefix}{len(entities) + 1}"
    return entities


def add_header(root: Element, letter: Letter, code: str) -> None:
    """Given the 函 root, a letter and the issuer's code, append 發文機關 … 地址 and the 聯絡方式 lines."""
    issuer = child(root, "發文機關")
    child(issuer, "全銜", letter.issuer)
    child(issuer, "機關代碼", code)
    doc_type = letter.doc_type or "函"
    if doc_type not in allowed_codes("函類別"):
        raise InputError(letter.source.path, f"a {doc_type} is not a 函 class the 104 DTD allows: no DI written")
    child(root, "函類別", 代碼=doc_type)
    child(root, "地址", letter.address)
    lines = [f"{row['label']}：{getattr(letter.contact, row['field'])}" for row in conventions()["contact_lines"]
             if getattr(letter.contact, row["field"])]
    for line in lines or [""]:
        child(root, "聯絡方式", line)


def add_recipient(root: Element, letter: Letter, roster_entity: str | None) -> None:
    """Given the 函 root, a letter and the roster's entity (or None), append 受文者."""
    recipient = child(root, "受文者")
    if roster_entity:  # empty when the 受文者 are the roster's 正本 entries: the reader takes them from there
        named = letter.recipient if letter.recipient != "、".join(a.name for a in letter.cc_main) else ""
        child(recipient, "交換表", named or "", 交換表單=roster_entity)
    else:
        child(recipient, "全銜", letter.recipient)
        child(recipient, "機關代碼", "")


def add_date_and_number(root: Element, letter: Letter) -> None:
    """Given the 函 root and a letter, append 發文日期 and 發文字號 (字 + 文號 when the number splits)."""
    prefix = conventions()["wording"]["date_prefix"]
    child(child(root, "發文日期"), "年月日", f"{prefix}{letter.date.roc}" if letter.date else "")
    number = child(root, "發文字號")
    dispatch = letter.dispatch_no
    if dispatch and dispatch.word and dispatch.year is not None and dispatch.serial:
        child(number, "字", dispatch.word)
        parts = child(number, "文號")
        child(parts, "年度", str(dispatch.year))
        child(parts, "流水號", dispatch.serial)
        if dispatch.branch:
            child(parts, "支號", dispatch.branch)
    else:
        child(number, "文字", dispatch.text if dispatch else "")


def add_speed_and_secrecy(root: Element, letter: Letter, notes: list[str]) -> None:
    """Given the 函 root, a letter and the notes, append 速別 and 密等 with codes the DTD allows."""
    if letter.speed in allowed_codes("速別"):
        child(root, "速別", 代碼=letter.speed)
    elif letter.speed:
        notes.append(f"速別 {letter.speed} is not a DI code (普通件/速件/最速件): left out")
    level, condition = letter.secrecy.level, letter.secrecy.condition
    if level and level not in allowed_codes("密等"):
        notes.append(f"密等 {level} is not a DI code: left out")
        level = None
    if level or condition:
        secrecy = child(root, "密等及解密條件或保密期限")
        child(secrecy, "密等", **({"代碼": level} if level else {}))
        child(secrecy, "解密條件或保密期限", condition or "")


def add_attachments(root: Element, letter: Letter, entities: dict[str, str]) -> None:
    """Given the 函 root, a letter and its file entities, append 附件: titles and 附件檔名."""
    if not letter.attachments:
        return
    element = child(root, "附件")
    child(element, "文字", "、".join(a.title for a in letter.attachments if a.title))
    if entities:
        child(element, "附件檔名", 附件名=" ".join(entities.values()))


def item_serial(item: Item) -> str:
    """Given an item, return its 序號 as written: 一 → 一、, (一) → （一）, 1 → 1、, (1) → （1）."""
    wording = conventions()["wording"]
    m = PAREN_MARKER.match(item.marker)
    return wording["item_in_brackets"].format(n=m.group("n")) if m else wording["item"].format(n=item.marker)


def add_items(parent: Element, items: list[Item]) -> None:
    """Given a 段落 or 條列 element and items, append them as nested 條列 with 序號."""
    for item in items:
        element = child(parent, "條列", 序號=item_serial(item))
        if item.text:
            child(element, "文字", item.text)
        add_items(element, item.children)


def add_sections(root: Element, sections: list[Section]) -> None:
    """Given the 函 root and sections, append one 段落 each (段名 「說明：」, "" kept empty)."""
    suffix = conventions()["wording"]["section_suffix"]
    for section in sections:
        paragraph = child(root, "段落", 段名=f"{section.name}{suffix}" if section.name else "")
        if section.text:
            child(paragraph, "文字", section.text)
        add_items(paragraph, section.items)


def add_addressees(parent: Element, entries: list[Addressee], flag: bool) -> None:
    """Given 正本 or 副本, its entries and whether 含附件 may follow a name (副本 only), append them."""
    for entry in entries:
        child(parent, "全銜", entry.name)
        if flag and entry.with_attachments:
            child(parent, "含附件", conventions()["wording"]["with_attachments"])


def letter_element(letter: Letter, code: str, entities: dict[str, str], roster_entity: str | None,
                   notes: list[str]) -> Element:
    """Given a letter, its issuer's code, file entities and roster entity, return the 函 element in DTD order."""
    root = Element("函")
    add_header(root, letter, code)
    add_recipient(root, letter, roster_entity)
    add_date_and_number(root, letter)
    add_speed_and_secrecy(root, letter, notes)
    add_attachments(root, letter, entities)
    child(child(root, "主旨"), "文字", letter.subject or "")
    add_sections(root, letter.sections)
    main = child(root, "正本")
    add_addressees(main, letter.cc_main, flag=False)
    if not letter.cc_main:
        child(main, "全銜", "")  # the DTD requires 正本 with at least one name
    if letter.cc_copy:
        add_addressees(child(root, "副本"), letter.cc_copy, flag=True)
    if letter.signature:
        child(root, "署名", letter.signature)
    return root


def doctype(entities: dict[str, str], roster: tuple[str, str] | None) -> str:
    """Given {file: entity} and (roster entity, roster file), return the DOCTYPE with its internal subset."""
    names = conventions()["entities"]
    lines = [f'<!ENTITY {entity} SYSTEM "{file}" NDATA {names["attachment_notation"]}>'
             for file, entity in entities.items()]
    notations = [names["attachment_notation"]] if entities else []
    if roster:
        lines.append(f'<!ENTITY {roster[0]} SYSTEM "{roster[1]}" NDATA {names["roster_notation"]}>')
        notations.append(names["roster_notation"])
    lines += [f'<!NOTATION {n} SYSTEM "">' for n in dict.fromkeys(notations)]
    subset = " [\n" + "\n".join(lines) + "\n]" if lines else ""
    return f'<!DOCTYPE 函 SYSTEM "{conventions()["files"]["letter_dtd"]}"{subset}>'


def serialise(root: Element, prolog: str) -> bytes:
    """Given a root element and its DOCTYPE, return the UTF-8 document bytes, indented."""
    indent(root, "  ")
    body = tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}\n{body}\n'.encode("utf-8")


def dropped_fields(letter: Letter) -> list[str]:
    """Given a letter, return a note for each filled field that a DI has no element for."""
    notes = [f"{label} {value} is not part of a DI: left out" for label, value in
             (("檔號", letter.file_no), ("保存年限", letter.retention)) if value]
    if any(a.content for a in letter.attachments):
        notes.append("parsed attachment contents are not part of a DI: the attachment files carry them")
    return notes


def letter_to_package(letter: Letter, issuer_code: str | None = None, roster: bool = True) -> DiPackage:
    """Given a letter (and its issuer's 機關代碼), return the DI package; roster=False never writes a .sw."""
    code = issuer_code_of(letter, issuer_code)
    name = package_name(letter, code)
    entities = attachment_entities(letter)
    files = conventions()["files"]
    with_roster = roster and needs_roster(letter)
    roster_ref = ((conventions()["entities"]["roster_name"], name + files["roster_suffix"])
                  if with_roster and names_roster(letter) else None)
    if roster_ref and roster_ref[1] in entities:
        raise InputError(letter.source.path, f"an attachment is named like the roster file {roster_ref[1]}")
    notes = dropped_fields(letter)
    root = letter_element(letter, code, entities, roster_ref[0] if roster_ref else None, notes)
    package = DiPackage(name=name, di=serialise(root, doctype(entities, roster_ref)),
                        roster=roster_bytes(letter) if with_roster else None, attachments=list(entities), notes=notes)
    errors = dtd_errors(package.di) + (dtd_errors(package.roster) if package.roster else [])
    if errors:
        raise InputError(letter.source.path, f"the DI would not validate against the 104 DTD: {errors[0]}")
    return package
