"""A DI tree (公文電子交換 函, 104 DTD) → the same Letter record the text parser gives.

Pure functions from elements to record fields; the safe bytes → tree step is
pipeline/read/di.py. Text values pass through the same normaliser as extracted text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from pipeline.parse.attachment_list import parse_attachments
from pipeline.parse.clean import join_wrapped
from pipeline.parse.completeness import mark_complete
from pipeline.parse.dates import find_periods, parse_roc_date, to_int
from pipeline.parse.dispatch import parse_dispatch_no
from pipeline.parse.letter import section_text
from pipeline.parse.references import find_references
from pipeline.records import (Addressee, Attachment, Contact, DispatchNo, Item, Letter, RocDate, Secrecy,
                              Section, item_marker)
from pipeline.vocabulary import vocabulary

ROOTS = ("函", "書函")  # root elements read as a letter
LETTER_CHILDREN = ("發文機關", "函類別", "地址", "聯絡方式", "受文者", "發文日期", "發文字號", "速別",
                   "密等及解密條件或保密期限", "附件", "主旨", "段落", "正本", "副本", "署名")
NAME_ELEMENTS = ("全銜", "單位名", "總稱", "姓名")  # what names an addressee in 正本 / 副本 / 受文者
ITEM_KINDS = ("cn", "cn_paren", "digit", "digit_paren")  # marker kinds by nesting level (一 (一) 1 (1))
SERIAL_RE = re.compile(r"^(?P<open>[(（])?\s*(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})\s*(?(open)[)）])\s*[、，,.．:：]?$")
FILE_IN_TEXT = re.compile(r"[（(](?P<files>[^（()）]*\.[A-Za-z0-9]{2,5}(?:\s*[、，,]\s*[^（()）]*\.[A-Za-z0-9]{2,5})*)[)）]\s*$")


@dataclass
class RosterEntry:
    """One addressee of a 交換表 roster (.sw)."""
    name: str  # 全銜 / 單位名 / 姓名(+職稱)
    code: str | None = None  # 機關代碼
    with_attachments: bool = False  # 含附件
    copy: str | None = None  # 本別: 正本 / 副本


@dataclass
class DiTree:
    """A parsed DI document: its root and the unparsed entities its internal subset declares."""
    root: Element
    entities: dict[str, str] = field(default_factory=dict)  # entity name → system id (a file name)


def text_of(element: Element | None) -> str:
    """Given an element (or None), return its whole text normalised to one line ("" when empty)."""
    if element is None:
        return ""
    return join_wrapped("".join(element.itertext()))


def name_of(element: Element) -> str:
    """Given an element holding 全銜 / 單位名 / 總稱 / 姓名(+職稱), return the name it gives."""
    for tag in NAME_ELEMENTS:
        child = element.find(tag)
        if child is not None and text_of(child):
            return text_of(child) + (text_of(element.find("職稱")) if tag == "姓名" else "")
    return ""


def issuer_of(root: Element) -> tuple[str | None, str | None]:
    """Given a 函 root, return (發文機關 name, 機關代碼); joint letters (會銜) list every name with 、."""
    issuers = root.findall("發文機關")
    names = [name_of(e) for e in issuers if name_of(e)]
    codes = [text_of(e.find("機關代碼")) for e in issuers]
    return ("、".join(names) or None), (codes[0] if codes and codes[0] else None)


def doc_type_of(root: Element) -> str:
    """Given a 函 root, return the 文別 from 函類別 代碼 (the DTD's default 函 when absent)."""
    kind = root.find("函類別")
    code = kind.get("代碼") if kind is not None else None
    return code or (root.tag if root.tag != "函" else "函")


def contact_labels() -> list[tuple[str, str]]:
    """Return (written label, Contact field) pairs for 聯絡方式 lines, longest label first."""
    labels = vocabulary()["labels"]
    pairs = [(label, fld) for key, fld in (("contact_unit", "unit"), ("contact_name", "name"), ("phone", "phone"),
                                           ("fax", "fax"), ("email", "email")) for label in labels[key]]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def contact_of(lines: list[str]) -> tuple[Contact, list[str]]:
    """Given 聯絡方式 lines (「承辦人：許明浩」「電話：8222944」), return the Contact and warnings."""
    pairs = contact_labels()
    by_label = dict(pairs)
    label_re = re.compile("(" + "|".join(re.escape(label) for label, _ in pairs) + r")\s*[:：]\s*")
    contact, warnings = Contact(), []
    for line in lines:
        marks = list(label_re.finditer(line))
        if not marks:
            if line:
                warnings.append(f"聯絡方式 line without a known label: {line}")
            continue
        for i, m in enumerate(marks):
            value = line[m.end(): marks[i + 1].start() if i + 1 < len(marks) else len(line)].strip()
            if value and getattr(contact, by_label[m.group(1)]) is None:
                setattr(contact, by_label[m.group(1)], value)
    return contact, warnings


def recipient_of(root: Element, roster: list[RosterEntry] | None) -> tuple[str | None, list[str]]:
    """Given a 函 root and its roster, return the 受文者: its name, the 交換表 text, or the roster's 正本 names."""
    element = root.find("受文者")
    if element is None:
        return None, []
    table = element.find("交換表")
    if table is None:
        return name_of(element) or None, []
    if text_of(table):
        return text_of(table), []
    if roster:  # the roster's 正本 addressees, as 受文者 names them
        return "、".join(entry.name for entry in roster if entry.copy != "副本") or None, []
    return None, ["受文者 is a 交換表 roster but the roster file was not found"]


def date_of(root: Element) -> tuple[RocDate | None, list[str]]:
    """Given a 函 root, return the 發文日期 and a warning when it is written but not a valid date."""
    written = text_of(root.find("發文日期"))
    date = parse_roc_date(written) if written else None
    return date, ([f"發文日期 is not a valid date: {written}"] if written and date is None else [])


def dispatch_text(element: Element) -> str:
    """Given a 發文字號 element, return the number as printed: 字 + 文號 joined, or its unsplit 文字."""
    if element.find("文字") is not None:
        return text_of(element.find("文字"))
    word = re.sub(r"字$", "", text_of(element.find("字")))  # some systems write 府政行字, others 府政行
    number = element.find("文號")
    if number is None:
        return ""
    year, serial, branch = (text_of(number.find(tag)) for tag in ("年度", "流水號", "支號"))
    if not (year or serial):
        return ""
    return f"{word + '字' if word else ''}第{year}{serial}{'-' + branch if branch else ''}號"


def dispatch_of(root: Element) -> tuple[DispatchNo | None, list[str]]:
    """Given a 函 root, return its (first) 發文字號 and a warning when it cannot be read."""
    element = root.find("發文字號")
    written = dispatch_text(element) if element is not None else ""
    number = parse_dispatch_no(written) if written else None
    return number, ([f"發文字號 not understood: {written}"] if written and number is None else [])


def speed_of(root: Element) -> str | None:
    """Given a 函 root, return the 速別 代碼, or None."""
    element = root.find("速別")
    return (element.get("代碼") or None) if element is not None else None


def secrecy_of(root: Element) -> Secrecy:
    """Given a 函 root, return 密等 代碼 and 解密條件或保密期限."""
    element = root.find("密等及解密條件或保密期限")
    if element is None:
        return Secrecy()
    level = element.find("密等")
    return Secrecy(level=(level.get("代碼") or None) if level is not None else None,
                   condition=text_of(element.find("解密條件或保密期限")) or None)


def pair_attachments(written: str, files: list[str]) -> list[Attachment]:
    """Given 附件 文字 and the entity files in order, return attachments paired as a printed 附件 line pairs them."""
    if not files:
        return parse_attachments(written)
    listed = FILE_IN_TEXT.search(written)  # 「計畫、分工表(a.odt、b.odt)」 as printed letters list them
    titles_text = (written[: listed.start()] if listed else written).strip()
    if not titles_text or titles_text in vocabulary()["attachments"]["none"]:
        titles: list[str | None] = []
    elif len(files) == 1:
        titles = [titles_text]
    else:
        titles = [t.strip() for t in titles_text.split("、") if t.strip()]
    titles += [None] * (len(files) - len(titles))
    return [Attachment(title=t, file=files[i] if i < len(files) else None) for i, t in enumerate(titles)]


def attachments_of(root: Element, entities: dict[str, str]) -> tuple[list[Attachment], list[str]]:
    """Given a 函 root and its entities, return the 附件 titles paired in order with their entity files."""
    element = root.find("附件")
    if element is None:
        return [], []
    files, warnings = [], []
    for ref in element.findall("附件檔名"):
        for name in (ref.get("附件名") or "").split():
            if name in entities:
                files.append(entities[name])
            else:
                warnings.append(f"附件檔名 names an undeclared entity: {name}")
    return pair_attachments(text_of(element.find("文字")), files), warnings


def marker_of(serial: str, level: int, position: int) -> tuple[str, int]:
    """Given an item's 序號 (「一、」「（一）」「1.」, maybe empty), its level and position, return (marker, number)."""
    m = SERIAL_RE.match(join_wrapped(serial).replace("（", "(").replace("）", ")"))
    if m:
        number = to_int(m.group("n")) or position
        kind = ("digit" if m.group("n").isdigit() else "cn") + ("_paren" if m.group("open") else "")
        return item_marker(kind, number), number
    if serial.strip():
        return join_wrapped(serial).rstrip("、，,.．:："), position
    return item_marker(ITEM_KINDS[min(level, len(ITEM_KINDS) - 1)], position), position


def items_of(element: Element, level: int = 0) -> list[Item]:
    """Given a 段落 or 條列 element, return its 條列 children as an item tree."""
    items = []
    for position, child in enumerate(element.findall("條列"), start=1):
        marker, number = marker_of(child.get("序號", ""), level, position)
        items.append(Item(marker=marker, number=number, text=text_of(child.find("文字")),
                          children=items_of(child, level + 1)))
    return items


def section_name(written: str) -> str:
    """Given a 段名 as written (「說明：」「說　明」), return it bare (說明); "" stays ""."""
    return re.sub(r"[\s\u3000:：]", "", written)


def sections_of(root: Element) -> list[Section]:
    """Given a 函 root, return its 段落 as sections with their item trees."""
    return [Section(name=section_name(p.get("段名", "")), text=text_of(p.find("文字")), items=items_of(p))
            for p in root.findall("段落")]


def addressees_of(element: Element | None, roster: list[RosterEntry] | None) -> list[Addressee]:
    """Given a 正本 or 副本 element, return its entries; 含附件 from the element or from the roster."""
    if element is None:
        return []
    flagged = {entry.name for entry in roster or [] if entry.with_attachments}
    entries: list[Addressee] = []
    children = list(element)
    for i, child in enumerate(children):
        if child.tag == "含附件" and entries:
            entries[-1].with_attachments = True
        elif child.tag == "職稱" and entries and i and children[i - 1].tag == "姓名":
            entries[-1].name += text_of(child)
        elif child.tag in NAME_ELEMENTS and text_of(child):
            entries.append(Addressee(name=text_of(child), with_attachments=text_of(child) in flagged))
    return entries


def signature_of(root: Element) -> str | None:
    """Given a 函 root, return its 署名 with spacing kept as one space (「縣長 黃○○」), several joined with 、."""
    names = [re.sub(r"[\s\u3000]+", " ", "".join(s.itertext())).strip() for s in root.findall("署名")]
    return "、".join(n for n in names if n) or None


def roster_to_entries(root: Element) -> list[RosterEntry]:
    """Given a 交換表單 (.sw) root, return its addressees in order."""
    entries: list[RosterEntry] = []
    children = list(root)
    for i, child in enumerate(children):
        if child.tag in ("全銜", "單位名", "姓名") and text_of(child):
            entries.append(RosterEntry(name=text_of(child)))
        elif not entries:
            continue
        elif child.tag == "職稱" and children[i - 1].tag == "姓名":
            entries[-1].name += text_of(child)
        elif child.tag == "機關代碼":
            entries[-1].code = text_of(child) or None
        elif child.tag == "含附件":
            entries[-1].with_attachments = True
        elif child.tag == "本別":
            kind = child.find("收發處理本別")
            entries[-1].copy = kind.get("代碼", "正本") if kind is not None else None
    return entries


def unknown_elements(root: Element) -> list[str]:
    """Given a 函 root, return a warning for each child element the 104 DTD does not put in a 函."""
    return [f"unknown DI element <{child.tag}> ignored" for child in root if child.tag not in LETTER_CHILDREN]


def tree_to_letter(tree: DiTree, roster: list[RosterEntry] | None = None) -> Letter:
    """Given a parsed DI tree and its roster (.sw) entries, return the Letter record."""
    root = tree.root
    issuer, code = issuer_of(root)
    contact, contact_warnings = contact_of([text_of(e) for e in root.findall("聯絡方式")])
    recipient, recipient_warnings = recipient_of(root, roster)
    date, date_warnings = date_of(root)
    dispatch, dispatch_warnings = dispatch_of(root)
    attachments, attachment_warnings = attachments_of(root, tree.entities)
    subject = text_of(root.find("主旨")) or None
    sections = sections_of(root)
    text = "\n".join([subject or "", *map(section_text, sections)])  # as the text parser looks
    periods, period_warnings = find_periods(text)
    letter = Letter(
        doc_type=doc_type_of(root), issuer=issuer, issuer_code=code or None, address=text_of(root.find("地址")) or None, contact=contact,
        recipient=recipient, date=date, dispatch_no=dispatch, speed=speed_of(root), secrecy=secrecy_of(root),
        attachments=attachments, subject=subject, sections=sections,
        cc_main=addressees_of(root.find("正本"), roster), cc_copy=addressees_of(root.find("副本"), roster),
        signature=signature_of(root), references=find_references(text, recipient, issuer), periods=periods,
        warnings=unknown_elements(root) + contact_warnings + recipient_warnings + date_warnings
        + dispatch_warnings + attachment_warnings + period_warnings,
    )
    return mark_complete(letter)
