"""The letter parser: the blocks of any 文別 of the 手冊 (函, 書函, 公告, 開會通知單, 令, 簽, 便簽) → a Letter record.

A cascade of stages, each a pure function that can be measured alone (bench/parse_stages.py):
normalise_blocks (each block once, clean_blocks.py) → split_letter (the letter's own blocks) →
text_to_fields (title, 文別, header values and body fields by that 文別's labels, data/doc_types.toml) →
fields_to_letter (one small function per field) → Letter. No 文別 has a branch of its own here: what a body
label fills is its role in the table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from pipeline.blocks import PAGE_BREAK, Block
from pipeline.parse.attached_text import cut_at_printed_regulation, cut_at_restated_name, title_by_name
from pipeline.parse.attachment_list import code_from_files, labelled_files, listed_files, parse_attachments
from pipeline.parse.clean import IDEOGRAPH, TABLE_ROW, join_clean
from pipeline.parse.clean_blocks import CleanBlock, clean_text, furniture_warnings, normalise_blocks, received_stamp
from pipeline.parse.completeness import mark_complete
from pipeline.parse.contact import address_lines, parse_contact
from pipeline.parse.dates import find_periods, lost_units_date, parse_roc_date
from pipeline.parse.dispatch import DISPATCH_RE, checked_by_date, labelled_dispatch_no
from pipeline.parse.division import is_unit_name
from pipeline.parse.doc_types import (ISSUER_TYPE, DocType, doc_type, doc_type_table, role, signed_types,
                                      types_by_marks)
from pipeline.parse.agenda_item import label_agenda_item
from pipeline.parse.header_shapes import (HeadShapes, citation_header, closing_citation, head_cells, issuer_before_word,
                                          quoting_head, shapes_in_lines)
from pipeline.parse.items import ANY_MARKER, number_of, text_to_items
from pipeline.parse.labels import (NOTICE_HEADLINE, WRAP_WORDS, Field, announcing_sentence, expectation_endings,
                                   find_labels, first_item_start, split_fields, wraps_onto)
from pipeline.parse.meeting import meeting_start, without_group_headings
from pipeline.parse.page_edges import (addressee_span, continues_list, cut_page_head, cut_page_tail, is_agency_name,
                                       width_paragraphs)
from pipeline.parse.printout_labels import form_named_type, labelled_issuer, labelled_type, law_page_date, self_named_type
from pipeline.parse.publisher_notes import (drop_interleaved_rendering, drop_publisher_notes, notes_warning,
                                            split_rendering)
from pipeline.parse.publisher_table import publisher_table
from pipeline.parse.quoted_parts import quoted_letter
from pipeline.parse.recipients import split_recipients
from pipeline.parse.references import find_references
from pipeline.parse.relay_headline import points_below
from pipeline.parse.reprints import read_reprints
from pipeline.parse.signature import as_signature, closes_text, is_title, split_signature, titled_name
from pipeline.parse.summary_words import summarises
from pipeline.parse.title_line import (agency_line, below_title, drop_repeated_title, find_title, join_type_alone,
                                       headline_issuer, joint_title, lead_issuer, signing_agency, title_among_values,
                                       unit_title_date_apart)
from pipeline.records import Attachment, CoIssuer, Contact, Letter, Meeting, Received, Reference, Secrecy, Section
from pipeline.vocabulary import expectation_phrases, vocabulary

RETENTION = re.compile(r"^(?:永久|\d+\s*年?)(?![ \t]*\d)")  # not numbers apart (「1 1」: a flattened page's 第1頁 共1頁)
FILE_NO = re.compile(r"^[0-9A-Za-z/.\-_]+")
WRAP_TAIL_MAX = 6  # a value's wrapped tail on a line of its own (「號」) is this short at most
CONTACT_KEYS = ("address", "contact_unit", "contact_name", "poster", "phone", "extension", "fax", "email",
                "contact", "contact_name_phone")


def last_text(blocks: list[CleanBlock]) -> str:
    """Given normalised blocks, return the clean text of the last one that is not page furniture."""
    return next((b.clean for b in reversed(blocks) if b.clean), "")


def is_stray_name(line: str) -> bool:
    """Given a line, return whether it is a bare name of 2–4 characters (「簡○○」), as a 署名 leaves."""
    table = vocabulary()["signature"]
    return bool(re.fullmatch(f"[{table['name_chars']}]{{{table['name_min']},{table['name_max']}}}", line.strip()))


def ends_page_one_of_one(block: CleanBlock) -> bool:
    """Given a normalised block, return whether cleaning took from it a footer 「第N頁，共N頁」 (the last page)."""
    return any(re.fullmatch(r"第(\d+)頁[，,、/]?共\1頁", re.sub(r"\s", "", f)) for f in block.furniture.footers)


def split_letter(blocks: list[Block]) -> tuple[list[CleanBlock], list[CleanBlock]]:
    """Given a document's blocks, return the letter's own blocks and the blocks that follow it (attachments),
    normalised."""
    blocks = normalise_blocks(blocks)
    seen_subject = False
    for i, block in enumerate(blocks):
        seen_subject = seen_subject or "旨" in block.clean and bool(find_labels(block.clean, ("subject",)))
        if seen_subject and ends_page_one_of_one(block):
            end = i + 1
            signed_after = is_title(last_text(blocks[:i]))  # 「縣長」 before the footer, its name after it
            while end < len(blocks) and (blocks[end].kind == PAGE_BREAK
                                         or signed_after and is_stray_name(blocks[end].clean)):
                end += 1
            head, after = contact_block_after(blocks, end)
            return head + blocks[:end], blocks[after:]
    return blocks, []


def contact_block_after(blocks: list[CleanBlock], start: int) -> tuple[list[CleanBlock], int]:
    """Given normalised blocks and where the letter's last page ended, return the address and contact lines that
    extraction order put after the footer (a frame beside the title) and where the rest begins."""
    taken, end, skipped_to = [], start, start
    while end < len(blocks):
        text = blocks[end].clean  # page furniture cleans to ""
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
    value = join_clean(value)
    vocab = vocabulary()["secrecy"]
    if not value or value in vocab["none"]:
        return Secrecy()
    level = next((lv for lv in vocab["levels"] if value.startswith(lv)), None)
    rest = value[len(level):] if level else value
    condition = rest.strip("，、,；;：: ").removeprefix("（").removesuffix("）").strip() or None
    return Secrecy(level=level, condition=condition)


def parse_speed(value: str, warnings: list[str]) -> str | None:
    """Given the 速別 value, return it (普通件/速件/最速件), warning about any other value; a value that is wholly a
    label (「密等級解密條件或保密期限：」, a form's cell beside an empty 速別) is none."""
    value = join_clean(value)
    if not value or re.fullmatch(r"[^：:，。]+[：:]", value):
        return None
    values = vocabulary()["speed"]["values"]
    known = next((s for s in values if value.startswith(s)), None) or (value + "件" if value + "件" in values else None)
    if known is None:
        warnings.append(f"unknown 速別: {value}")
    return known or value


# a date written as a 公文 dates itself, its 民國 year first (「中華民國一○一年六月廿日」, 「101年6月20日」)
ROC_WRITTEN = re.compile(r"[ \t]*(?:中華民國|民國|\d{2,3}[ \t]*年|[〇○零一二三四五六七八九十百]+[ \t]*年)")


ISSUER_IN_WORD_MIN = 6  # a labelled 字 this long may open with its issuer's name (an agency's name and its 代字)
AGENCY_NAME_MIN = 4  # an agency's whole name is this long at least (「高科」 opening 「高科大教務註」 is a 代字)


def parse_header(values: dict[str, str], letter: Letter) -> None:
    """Given header label values, fill the letter's header fields (issuer and 文別 are already known; an issuer
    written before the 字 under the 發文字號 label fills a missing issuer)."""
    file_no = FILE_NO.match(values.get("file_no", "").strip())
    retention = RETENTION.match(values.get("retention", "").strip())
    letter.file_no = file_no.group() if file_no else None
    letter.retention = re.sub(r"\s", "", retention.group()) if retention else None
    letter.address = join_clean(address_lines(values.get("address", ""))).replace(" ", "") or None
    letter.contact = parse_contact(values)
    for short, full in (("recipient_short", "recipient"), ("date_short", "date"), ("dispatch_short", "dispatch_no")):
        if values.get(short, "").strip() and not values.get(full, "").strip():  # 受文, 日期, 發文: the label shortened
            if short != "date_short" or ROC_WRITTEN.match(values[short]):  # a post's 「日期 : 2017-07-03」 stays a note
                values[full] = values[short]
    letter.recipient = join_clean(values.get("recipient", "")).rstrip("。") or None  # a name ends no sentence
    dated = values.get("date", "").strip() or values.get("published", "").strip()  # 公布日期 only without 發文日期
    if dated:
        letter.date = parse_roc_date(join_clean(dated)) or lost_units_date(join_clean(dated))
        if letter.date is None:
            letter.warnings.append(f"impossible 發文日期: {join_clean(dated)}")
    if values.get("dispatch_no", "").strip():
        # a law system printing the document's whole citation under 發文字號 (中央銀行: 「發文字號:中央銀行 111年6月16日
        # 台央業字第…號公告」): its number, and its date when no 發文日期 is labelled
        cited = citation_header(join_clean(values["dispatch_no"].strip().split("\n")[0]))
        letter.date = letter.date or (cited.date if cited else None)
        letter.dispatch_no = cited.dispatch_no if cited else labelled_dispatch_no(
            join_clean(values["dispatch_no"]), letter.date.year if letter.date else None)
        if letter.dispatch_no and letter.dispatch_no.word and len(letter.dispatch_no.word) >= ISSUER_IN_WORD_MIN:
            named, number = issuer_before_word(letter.dispatch_no)  # 「行政院農業委員會農漁字第…號公告」
            if (named and len(named) >= AGENCY_NAME_MIN and agency_line(named)  # a whole name (高科大教務註: no 高科)
                    and not named.startswith(tuple(vocabulary()["dispatch"]["city_codes"]))):
                letter.issuer, letter.dispatch_no = letter.issuer or named, number
        if letter.dispatch_no is None:
            letter.warnings.append(f"unreadable 發文字號: {join_clean(values['dispatch_no'])}")
    letter.speed = parse_speed(values.get("speed", ""), letter.warnings)
    letter.secrecy = parse_secrecy(values.get("secrecy", ""))
    letter.attachments = parse_attachments(values.get("attachments", ""))
    letter.issuer_code = code_from_files(letter.attachments, letter.dispatch_no)


def head_shapes(preamble: str, values: dict[str, str]) -> tuple[HeadShapes, str]:
    """Given the text before the labels and the header label values, return the fields that bare lines give by
    their shape (date, 發文字號, a citation-form header; a contact line before the labels) and the text without
    those lines, taking them out of the values too (a value's own first line stays)."""
    shapes, preamble = shapes_in_lines(preamble)
    for key in (k for k in values if k not in ("date", "dispatch_no")):
        first, _, rest = values[key].partition("\n")
        if rest:
            shapes, rest = shapes_in_lines(rest, shapes, contacts=False)
            values[key] = "\n".join(filter(None, [first, rest]))
    return shapes, preamble


def find_issuer(preamble: str, values: dict[str, str]) -> tuple[str | None, str | None]:
    """Given the preamble and header label values, return (issuer, 文別) from the title line, taking that line
    out of the values it stood in."""
    file_no = FILE_NO.match(values.get("file_no", "").strip())
    retention = RETENTION.match(values.get("retention", "").strip())
    title_text = "\n".join([preamble,
                            values.get("file_no", "")[file_no.end() if file_no else 0:],
                            values.get("retention", "")[retention.end() if retention else 0:]])
    issuer, name, _ = find_title(title_text)
    if issuer is None:
        values["preamble"] = preamble
        issuer, name = title_among_values(values)
        values.pop("preamble")
    return issuer, name


def joint_issuers(preamble: str, shapes: HeadShapes) -> str | None:
    """Given the text before the labels and what its bare lines gave, return the first issuer of a 會銜 document
    whose title names its issuers a line each (「經濟部」 over 「內政部令」) and whose numbers stand a line each under
    the date, in the same order, setting the further ones as the shapes' co_issuers; else None."""
    issuers = joint_title(preamble)
    if len(issuers) < 2 or len(issuers) != len(shapes.further_numbers) + 1:
        return None
    shapes.co_issuers = [CoIssuer(issuer=i, dispatch_no=n) for i, n in zip(issuers[1:], shapes.further_numbers)]
    return issuers[0]


@dataclass
class LetterFields:
    """A letter's text split by its 文別's labels: title, header values and body fields."""
    doc_type: DocType
    issuer: str | None
    type_name: str | None  # the 文別 as written on the title line (None when no title was found)
    preamble: str  # the text before the first label
    header: dict[str, str]  # header label key → its first value
    body: list[Field]  # body fields in order (unlabelled: one field of the 文別's unlabelled role)
    repeats: int = 0  # how many times the title line stood repeated as a page header (dropped)
    by_labels: bool = False  # no title line: the 文別 was read from the body labels
    shapes: HeadShapes = field(default_factory=HeadShapes)  # what bare head lines gave by their shape
    dropped: list[str] = field(default_factory=list)  # the publisher's notes and site furniture left out
    self_named: bool = False  # no title line, label or marks: the 文別 was read from the words naming it (本令)
    tail: list[str] = field(default_factory=list)  # the lines under the letter's end that are none of a letter's


# a site's post field over a post's text: a short name and its colon (「點閱 : 296」, 「分類：公告」)
POST_FIELD = re.compile(r"[ \t]*[\u4e00-\u9fff]{2,4}[ \t]*[:：]")
POST_FIELD_MAX = 30  # a post field's row is this short at most
CONTACT_WAYS = ("phone", "fax", "email")  # what a contact is reached by: written under the contact's name


def header_values(fields: list[Field]) -> dict[str, str]:
    """Given fields, return each header key's first value; a phone, fax or e-mail written after the contact's name
    (聯絡人) is that contact's, before one written above it (a press notice's 發言人 and his phone over 「本案聯絡人」);
    an issuer written right over the letter's 發文字號 or 發文日期 is the letter's, before one written above it (a
    site's post row 「發文單位 財政稅務局」 over the letter's own 「發文單位：行政院勞工委員會」)."""
    values: dict[str, str] = {}
    named, under_name = False, set()
    for i, f in enumerate(fields):
        named = named or f.key in ("contact_name", "poster")
        if named and f.key in CONTACT_WAYS and f.key not in under_name:
            values[f.key] = f.value
            under_name.add(f.key)
        elif f.key == "issuer" and "issuer" in values and i + 1 < len(fields) and fields[i + 1].key in IDENTITY_NEXT:
            values[f.key] = f.value
        values.setdefault(f.key, f.value)
    return values


IDENTITY_NEXT = ("dispatch_no", "date")  # the labels a letter's own 發文單位 row stands over


@cache
def number_run_on_pattern() -> re.Pattern:
    """Return the pattern of a 發文字號 (the 文別 after it or not) with text run on after it."""
    kinds = "|".join(map(re.escape, sorted(doc_type_table()["types"], key=len, reverse=True)))
    return re.compile(rf"(?P<head>.*?{DISPATCH_RE.pattern.replace('?P<', '?P<n_')}(?:{kinds})?)[ \t\u3000]*"
                      rf"(?P<text>\S.{{7,}})")


def number_run_on(line: str) -> tuple[str, str]:
    """Given the first line of a 發文字號 label's value, return the number and the text a flattened page ran on after
    it (「農牧字第1060043702F號 修正「…」第八條之一。」: the body's), "" when there is none."""
    m = number_run_on_pattern().fullmatch(line.strip())
    return (m.group("head"), m.group("text")) if m and IDEOGRAPH.search(m.group("text")) else (line, "")


def identified(header: list[Field]) -> bool:
    """Given a letter's header fields, return whether labels naming the document (發文日期, 發文字號) stand among them."""
    return any(f.key in doc_type_table()["identity"]["labels"] for f in header)


def unlabelled_body(key: str, title_free: str, header: list[Field]) -> list[Field]:
    """Given a label key, the preamble without its title line and the header fields of a letter whose body (or its
    opening) has no label, return that text as one field of the key: the preamble (unless header labels naming the
    document stand below it) and the lines after the last header field's first line, which that field gives up."""
    parts = [] if identified(header) else [title_free.strip()]
    if header:
        first, _, rest = header[-1].value.partition("\n")
        if header[-1].key == "dispatch_no":
            first, run_on = number_run_on(first)
            rest = "\n".join(filter(None, [run_on, rest]))
        header[-1].value = first
        parts.append(rest.strip())
    text = "\n".join(p for p in parts if p)
    return [Field(key, "", text, header[-1].start if header else 0)] if text else []


def items_under_no_attachment(body: list[Field], key: str) -> list[Field]:
    """Given a letter's body fields and the key of its unlabelled text, return them with a first 附件 row that names no
    attachment and has numbered items under it (「附件：無 | |」 over 「一、依據…」: a board's post field over the relayed
    letter's items, the site's, no 附件 closing the letter) replaced by those items (from item 一) as unlabelled text."""
    if not body or role(body[0].key) != "attachment" or not key:
        return body
    first, _, rest = body[0].value.partition("\n")
    if re.sub(r"[\s|｜]", "", first) not in vocabulary()["attachments"]["none"] or not opens_with_first_item(rest):
        return body
    return [Field(key, "", rest.strip(), body[0].start)] + body[1:]


# a table row's header cell naming a post's fields (「單位 / 發佈人」, 「時間 / 點閱」)
FIELD_NAMES = re.compile(r"[ \t]*[\u4e00-\u9fff]{2,4}(?:[ \t]*/[ \t]*[\u4e00-\u9fff]{2,4})*[ \t]*")


def is_field_row(line: str) -> bool:
    """Given a line, return whether it opens with a short post field and its colon and ends no sentence (「單位：學務處
    生活輔導組，日期：2024-08-01」; 「重要通知：因個資法規定，…補件。若…」 is a sentence)."""
    return bool(POST_FIELD.match(line)) and "。" not in line


def is_post_field_row(text: str) -> bool:
    """Given text, return whether it is one short post field and its value, no sentence (「類別：交通運輸」, 「• 發布機關：
    臺北市停車管理工程處」 after the headline's 。 on its line)."""
    return bool(POST_FIELD.match(text)) and not re.search(r"[。，；]", text) and len(text.strip()) <= POST_FIELD_MAX


def is_barred_post_row(text: str) -> bool:
    """Given text, return whether it is a post's row of fields set apart by bars: two or more a short name and a colon
    (「歷史訊息 | 發布日期：2024/10/28 | 瀏覽人數：71人 | 聯絡資訊：…」), or a table row headed by the names of its fields
    (「時間 / 點閱 | 2025-11-04 09:44 / 36」), no sentence in it."""
    cells = [c for c in re.split(r"[|｜]", text) if c.strip()]
    return len(cells) >= 2 and (sum(bool(POST_FIELD.match(c)) for c in cells) >= 2 or (
        bool(FIELD_NAMES.fullmatch(cells[0])) and not re.search(r"[。，；]", text)))


def closing_paragraph(text: str) -> str:
    """Given the text before a body's first label, return its last paragraph when that ends a sentence (。): the
    主旨 a publisher printed without its label, as the body's first part; "" when the text does not end so. The
    paragraph's lines run back to a line that ends a sentence, holds no Chinese (a date, a site's code), is a
    unit's name alone (the office a site files the post under, 「學生事務處」), is a site's post field, a short name
    and a colon (「單位 : 東海大學秘書室」, 「日期 : 2017-07-03」 between a post's headline and its text), or ends with a
    colon (a salutation, 「各位師長、同仁好：」) or opens with a date (a site's calendar: 「114.07.01（二）暑假開始」); a
    post's row of fields after the sentence, on its line or below it, is none of it."""
    lines = text.strip().split("\n")
    while len(lines) > 1 and (is_barred_post_row(lines[-1]) or is_post_field_row(lines[-1])):
        lines.pop()
    if (end := lines[-1].rfind("。")) >= 0 and (is_barred_post_row(tail := lines[-1][end + 1:])
                                                or is_post_field_row(tail.lstrip(" •·‧"))):
        lines[-1] = lines[-1][:end + 1]
    if not lines[-1].endswith("。"):
        return ""
    start = len(lines) - 1
    while (start > 0 and not lines[start - 1].endswith("。") and IDEOGRAPH.search(lines[start - 1])
           and not is_unit_name(lines[start - 1]) and not is_field_row(lines[start - 1])
           and not lines[start - 1].rstrip().endswith(("：", ":")) and not DATED_ROW.match(lines[start - 1])):
        start -= 1
    return "\n".join(lines[start:])


REQUEST_CLAUSE_MAX = 12  # characters: a headline's closing request is short (「請鼓勵踴躍參加」)


def requesting_headline(text: str) -> str:
    """Given the text before a 說明 label, return its last line when that is a headline of its own (a blank line or
    nothing over it) whose last clause asks (「…舉辦「…」成果發表會，請鼓勵踴躍參加」: a relay post's title, the relayed 主旨
    without its 。), else ""."""
    lines = text.strip().split("\n")
    if len(lines) > 1 and lines[-2].strip():
        return ""  # a headline wrapped over lines: where it starts is not told
    line = lines[-1].strip()
    head, _, last = line.rpartition("，")
    return line if head and "。" not in line and last.startswith("請") and len(last) <= REQUEST_CLAUSE_MAX else ""


DATED_ROW = re.compile(r"[ \t]*\d{2,4}[./\-]\d{1,2}[./\-]\d{1,2}")  # a calendar's or a list's row opens with a date
POSTED_AT = re.compile(r"(?<!\d)(?:19|20)\d\d[/\-.]\d{1,2}[/\-.]\d{1,2}")  # a post's date (公文 count 民國 years)


GREETING_MAX = 40  # characters: a post's greeting line is short


def is_greeting(line: str) -> bool:
    """Given a line, return whether it is a post's greeting on a line of its own (「各位區網連線單位老師及先進，大家好：」,
    「親愛的同學：」): short, a colon closing it, no sentence, opened or closed by a greeting's words (vocabulary.toml
    [addressing])."""
    words = vocabulary()["addressing"]
    text = line.strip()
    if len(text) > GREETING_MAX or not text.endswith(("：", ":")) or "。" in text:
        return False
    return text.startswith(tuple(words["greeting_openers"])) or text[:-1].endswith(tuple(words["greeting_endings"]))


def lines_over_lead(value: str, items: list, spec: DocType) -> tuple[list[str], list[str]] | None:
    """Given an unlabelled section's text, its items and the 文別, return (the lines over the lead's last paragraph,
    that paragraph's lines) when the lead before the items is several paragraphs by their widths, its last alone is
    the 主旨 the publisher printed without its label and the lines over it are a post's header — a Gregorian date
    among them or wholly a headline naming the notice (「…維持最適溫度公告」), no clause (a board's heading, poster and
    time over it; not a sentence's first part a web page split onto a line of its own), or closed by a greeting (the
    message opens there); else None."""
    lead = []
    for line in value.split("\n"):
        if ANY_MARKER.match(line.lstrip()):
            break
        lead.append(line)
    paragraphs = width_paragraphs(lead)
    if paragraphs and len(paragraphs[-1]) > 1 and is_greeting(paragraphs[-1][0]):
        paragraphs[-1:] = [paragraphs[-1][:1], paragraphs[-1][1:]]  # 「…大家好：」 over the 主旨 as wide as it
    if len(paragraphs) < 2 or not is_lead_subject(join_clean("\n".join(paragraphs[-1])), items, spec):
        return None
    over = [line for p in paragraphs[:-1] for line in p]
    if is_greeting(over[-1]):
        return over, paragraphs[-1]
    if any(mark in line for line in over for mark in "，、；,;") or not (
            any(POSTED_AT.search(line) for line in over) or NOTICE_HEADLINE.fullmatch("".join(over).strip())):
        return None
    return over, paragraphs[-1]


def announced_subject(value: str, items: list, spec: DocType) -> tuple[list[str], str, str] | None:
    """Given an unlabelled section's text, its items and the 文別, return (the lines over the 主旨, the 主旨, the lead's
    text under it) when a line before the items is one sentence opening with a verb a 公告's 主旨 opens with (「公告
    調整…分工事宜。」: an agency's web notice) and the lines over it hold no clause, citation or sentence (a post's
    header: the site's banner, the post's date and office); else None."""
    if not items or subject_key(spec) != "subject":
        return None
    lead = []
    for line in value.split("\n"):
        if ANY_MARKER.match(line.lstrip()):
            break
        lead.append(line)
    at = next((i for i, line in enumerate(lead) if announcing_sentence().match(line)), None)
    if at is None or any(any(mark in line for mark in "，、；,;") or DISPATCH_RE.search(line) or "。" in line
                         for line in lead[:at]):
        return None  # a clause, a citation or a sentence over it is the letter's text, no post's header
    return [line for line in lead[:at] if line.strip()], lead[at].strip(), join_clean("\n".join(lead[at + 1:]))


def points_back_at_subject(items: list) -> bool:
    """Given numbered items, return whether one points back at the 主旨 (旨揭, 旨述: `subject_pointers` in
    vocabulary.toml's [expectations])."""
    pointers = tuple(vocabulary()["expectations"]["subject_pointers"])
    return any(pointer in item.text for item in items for pointer in pointers)


def is_lead_subject(text: str, items: list, spec: DocType) -> bool:
    """Given the text before the numbered items of a body published without labels, its items and the 文別, return
    whether that text is the 主旨 the publisher printed without its label: the 主旨 opens the body and is one
    sentence (手冊: 主旨 以一段完成), so a lead that is one sentence ending 。 with items after it is the 主旨 and the
    items its 說明, and so is a sentence of clauses (「，」) without its 。 (a site dropped it) that an item points back
    at (「二、旨揭請假規則修正條文，…」) or that asks the recipients in a clause (「請各校…，並…函報本府」, 「教育部為遴選…，
    請有意申請之學校於…提報計畫申請書」); a headline (a phrase, no 。),
    a paragraph of several sentences or one over items numbered from 二 (item 一, its marker lost) stays the body's
    text."""
    if not items or subject_key(spec) != "subject" or not text or items[0].number != 1:
        return False
    asks = vocabulary()["expectations"]
    requests = tuple(asks["recipient_requests"] + asks["lead_requests"])
    return ((text.endswith("。") and text.count("。") == 1)
            or ("。" not in text and "，" in text and (points_back_at_subject(items) or any(
                clause.startswith(requests) for clause in text.split("，")))))


POINTER_MAX = 20  # characters: a line pointing at the items under it (「修正要點如下：」) is short


def pointer_after(text: str) -> tuple[str, str]:
    """Given the text before numbered items, return (the text, "") or, where a short clause pointing at the items
    (「修正要點如下：」: a list lead and its colon) follows sentences holding a sending word or a request to the
    recipients as a 主旨 does (「…檢送發布令影本…各1份。」; a statement, 「…係…之互助行為。」, does not), (the text
    before it, that clause)."""
    end = text.rfind("。") + 1
    pointer, vocab = text[end:].strip(), vocabulary()
    acts = [w for w in vocab["attachments"]["sending_words"] if len(w) > 1] + vocab["expectations"]["recipient_requests"]
    if end and 0 < len(pointer) <= POINTER_MAX and pointer[-1] in ":：" and points_below(pointer) and any(
            w in text[:end] for w in acts):
        return text[:end], pointer
    return text, ""


@cache
def expectation_alternation() -> str:
    """Return the 期望語 of every relation as a regex alternation, longest first."""
    return "|".join(map(re.escape, sorted(expectation_phrases(), key=len, reverse=True)))


ITEMS_HEADING = re.compile(r"(?<=[。.])[ \t]*[\u4e00-\u9fff]{2,4}[ \t]*[:：][ \t]*$")  # a site's word over the items


def items_after_subject(value: str) -> tuple[str, str]:
    """Given a 主旨's value, return (the 主旨, what follows it) where lines holding numbered items follow the sentence a
    期望語 closes (「…，請查照。」 over 「一、依據…」 or 「1.依據…」, a site's table that lost the 說明 label): the 手冊's 主旨
    is one paragraph, never items; a site's heading over the items run onto its line, 「…請查照。 摘要:」, in no field;
    so do a sentence's lines closed by 。 with no item among them, over item 一); else (the value, "")."""
    lines = value.split("\n")
    for i in range(1, len(lines)):
        head = ITEMS_HEADING.sub("", lines[i - 1])  # 「…請查照。 摘要:」: the site's heading over the items, in no field
        if closes_with_expectation("\n".join(lines[:i - 1] + [head])) and any(
                ANY_MARKER.match(line.lstrip()) for line in lines[i:]):
            return "\n".join(lines[:i - 1] + [head]), "\n".join(lines[i:])
        if (lines[i - 1].rstrip().endswith("。") and opens_first_item(lines[i])
                and not any(ANY_MARKER.match(line.lstrip()) for line in lines[:i])):
            return "\n".join(lines[:i]), "\n".join(lines[i:])  # a sentence of no items, then item 一 (「一、依…」)
    return value, ""


def opens_first_item(line: str) -> bool:
    """Given a line, return whether it opens with the marker of a first item (「一、」, 「1.」)."""
    m = ANY_MARKER.match(line.lstrip())
    return bool(m) and number_of(m.lastgroup, re.sub(r"[^\d一二三四五六七八九十]", "", m.group(0))) == 1


def addressed_names(value: str, issuer: str | None) -> tuple[str, str] | None:
    """Given a body's last text and the letter's issuer, return (the text without the addressees, the addressees joined
    by 、) when a line wholly 「此致」 is followed by names a line (「此致」 over 「各公私立大專校院」 「教育部國民及學前教育署」
    …: whom a 書函 or a 通報 is addressed to; page_edges.addressee_span) — the issuer's own name or a 署名 under them
    signs it and stays —, else None (「此致 敬禮」 is a salutation)."""
    lines = value.rstrip().split("\n")
    span = addressee_span(lines, lambda line: line == issuer or as_signature(line) is not None)
    if span is None:
        return None
    at, end = span
    names = [line.strip() for line in lines[at + 1:end]]
    return ("\n".join(lines[:at] + lines[end:]), "、".join(names)) if names else None


POST_ROW_MAX = 12  # characters: a post's byline or date row under its headline (「○○○」, 「2022-08-08」) is short


def subject_over_items(text: str) -> tuple[str, str] | None:
    """Given an unlabelled body, return (主旨, items) where a sentence a 期望語 closes stands over item 一, short rows
    aside (「檢送…，請查照。」 over a post's date and byline and 「一、本部前於…」): a 主旨 is never numbered, so the
    last paragraph is no 主旨 here; else None."""
    at = first_item_start(text)
    lines = text[:at].rstrip().split("\n") if 0 < at < len(text) else []
    while lines and not lines[-1].rstrip().endswith("。") and len(lines[-1].strip()) <= POST_ROW_MAX:
        lines.pop()
    subject = closing_paragraph("\n".join(lines)) if lines else ""
    return (subject, text[at:]) if subject and closes_with_expectation(subject) else None


def opens_with_first_item(text: str) -> bool:
    """Given text, return whether it opens with item 一's marker (「一、復貴府…函。 二、…」)."""
    marker = ANY_MARKER.match(text.lstrip())
    return bool(marker) and marker.lastgroup == "cn" and text.lstrip().startswith("一")


NUMBERED_FIRST = re.compile(r"^[ \t]*1[.．、][ \t]*")  # a post's own number before the first letter it passes on


def unnumbered_subject(value: str) -> str:
    """Given an unlabelled body, return it without the number a site set before a relayed letter's 主旨 (「1.有關…，請
    查照。」 over 「一、依據…」: a post numbering the letters it passes on): a sentence a 期望語 closes, over item 一 — an
    item a level above the number's, so the number is no item's."""
    lines = [line for line in value.split("\n") if line.strip()]
    first = NUMBERED_FIRST.match(lines[0]) if len(lines) > 1 else None
    if first and closes_with_expectation(lines[0]) and re.match(r"[ \t]*一[、．.]", lines[1]):
        return value.replace(lines[0], lines[0][first.end():], 1)
    return value


def title_over_rows(text: str) -> str | None:
    """Given the text over a page's text field, return its last line a 期望語 closes when only rows stand under it (a
    board's 「單位 / 發佈人 …」, 「時間 / 點閱 …」: no sentence's end, no clause), else None."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    at = next((i for i in range(len(lines) - 1, -1, -1) if closes_with_expectation(lines[i])), None)
    if at is None or any(re.search("[。，,；]", line) for line in lines[at + 1:]):
        return None
    return lines[at]


def closes_with_expectation(text: str) -> bool:
    """Given text, return whether a 期望語 closes it (「…，請查照。」)."""
    return bool(re.search(rf"(?:{expectation_alternation()})[。.]?$", text.strip()))


def subject_asks(text: str) -> bool:
    """Given a letter's text, return whether its labelled 主旨 closes with a 期望語 (「…，請查照。」): a 函 asks so, a 公告
    never does, so the words of a 公告 the 函 quotes (「違反本公告者」) do not name its 文別."""
    m = re.search(r"^[ \t]*主[ \t]*旨[ \t]*[:：](?P<value>[^\n]*)", text, re.M)
    return bool(m and closes_with_expectation(m.group("value")))


def expectation_lead(text: str) -> str | None:
    """Given the text of a body published without labels, return its first sentence when a 期望語 closes it and text
    follows (「…，詳如說明，請查照。」 over an unnumbered 說明): the 主旨, which the 手冊 ends with its 期望語; else None."""
    m = re.match(rf"[^。\n]*(?:[，,；;]\s*)(?:{expectation_alternation()})。", text)
    return m.group() if m and text[m.end():].strip() else None


def full_text_key(field: Field, after: list[Field], spec: DocType) -> str:
    """Given a database's 全文內容 field (令函要旨, 內容), the fields after it and the 文別, return the key its text
    fills: the 主旨 where it is one paragraph a 期望語 closes, or a relay word opens and 。 closes, right over the 說明
    label (「所詢…疑義乙案，復如說明二，請查照。」, a post's 「轉知：「…」宣導，共同努力降低…人數。」, then 「說明:」) and the
    letter labels no 主旨 — the 手冊's 主旨 stands so; a database's 要旨 of a ruling stays its text —, else the 文別's
    unlabelled text."""
    key, value = subject_key(spec), field.value.strip()
    relayed = value.startswith(tuple(vocabulary()["expectations"]["letter_relay_openers"])) and value.endswith("。")
    if (key in spec.body and after and after[0].key == "explanation" and "\n" not in value
            and (closes_with_expectation(value) or relayed) and not any(role(f.key) == "subject" for f in after)):
        return key
    return spec.unlabelled


def subject_key(spec: DocType) -> str | None:
    """Given a 文別, return the label key whose text is its 主旨 (主旨, 開會事由; a 令's unlabelled order)."""
    return next((k for k in (*spec.body, spec.unlabelled) if k and role(k) == "subject"), None)


def type_from_labels(text: str) -> list[str]:
    """Given a letter's clean text without a title line, return the 文別 whose marks (公告事項, 開會事由, 擬辦 …)
    stand in it with the most of them found; [] when none do."""
    found = []
    for name, marks in types_by_marks():  # (a short mark wrapped under an item's line is the item's words: 下列事項)
        count = sum(1 for _, label, start, _ in find_labels(text, marks)
                    if label not in WRAP_WORDS or not wraps_onto(text, start))
        if count:
            found.append((count, name))
    best = max((count for count, _ in found), default=0)
    return [name for count, name in found if count == best]


def lift_cited_head(preamble: str, body: list) -> tuple[str, list]:
    """Given the text before the labels and the body fields, return them with a 內容 (全文內容) field's first line that is
    wholly a citation-form head naming a 文別 (「中華民國94年5月12日行政院農業委員會農授漁字第0941330985號公告」, printed by a
    site under its 「內容」 row) moved to the end of the text before the labels: the document's own head, not its text."""
    for field in body:
        if field.key == "full_text":
            first, _, rest = field.value.strip("\n").partition("\n")
            if (head := citation_header(first.strip())) is not None and head.doc_type is not None:
                field.value = rest
                return "\n".join(filter(None, [preamble, first.strip()])), body
            break
    return preamble, body


FULL_NAME_MIN = 4  # a body's full name (全銜) signing a 公告: 「散會」, 「回頂部」 are a line's words, not a name


def is_full_name(name: str) -> bool:
    """Given an agency's name alone on a line, return whether it is a full name signing a text: long enough, and no
    head's title and name (「縣長楊文科」, a 署名)."""
    return len(name) >= FULL_NAME_MIN and titled_name(name, glued=False, any_name=True) is None


def signed_type(preamble: str, shapes: HeadShapes, body: list[Field]) -> str | None:
    """Given the text before any label, what the head's lines gave and the labelled fields, return the 文別 of a
    document whose own date and 發文字號 head unlabelled text a head's 署名 closes (doc_types.toml `signed`: a 令 whose
    title line a reprint dropped), when one only; else None."""
    names = signed_types()
    if body or shapes.date is None or shapes.dispatch_no is None or len(names) != 1:
        return None
    return names[0] if closes_text(preamble.split("\n")) else None


def text_to_fields(text: str) -> LetterFields:
    """Given a letter's clean text, return its fields: read as the table's default 文別 until the title line names
    another, then split again by that 文別's body labels (a title repeated as a page header dropped first; a
    publisher's notes and site furniture before all)."""
    text, dropped = drop_publisher_notes(text)
    text, head = cut_page_head(text)
    text, later = read_reprints(text)  # a column reprinting letters: the first one's head, later letters in no field
    text = join_type_alone(text)
    text, tail = cut_page_tail(text)
    tail += later
    dropped += head
    text = label_agenda_item(text)  # a gazette's agenda item over the letter: its 案由 the 主旨
    text = unit_title_date_apart(quoted_letter(text))
    default = doc_type(None)
    preamble, header, body = split_fields(text, default.body)
    preamble, body = lift_cited_head(head_cells(preamble), body)
    values = header_values(header)
    shapes, preamble = head_shapes(preamble, values)
    issuer, name = find_issuer(preamble, values)
    if name and not doc_type(name).asks and subject_asks(text):  # a site's board heading (「公告」) under its banner
        issuer, name = None, None  # over a letter whose 主旨 asks 請查照: no 公告 asks anything, so no title line
    issuer = joint_issuers(preamble, shapes) or issuer
    if issuer is None and name is None:  # a citation-form header may name the issuer, and ends in the 文別
        issuer, name = shapes.issuer, shapes.doc_type
    # a database's printout names them by label; with a title line found, a label naming another issuer is a post's
    # row over the letter (「發文單位 財政稅務局」 under a county's banner), the title line's issuer the letter's own
    issuer, name = (issuer if issuer and name else labelled_issuer(values) or issuer), name or labelled_type(values)
    if issuer is None:  # a relayed letter's title line printed without its 文別 (which its number may give: 「…號函」)
        issuer = lead_issuer(preamble, bool(header) and header[0].key in doc_type_table()["identity"]["labels"],
                             web_page=bool(dropped))
    if issuer is None and (subject := next((f.value for f in body if role(f.key) == "subject"), None)):
        issuer = headline_issuer(preamble, subject)  # 「國家通訊傳播委員會公告應審驗之…」 over 「主旨：公告應審驗之…。」
    if issuer is None and name is None and shapes.dispatch_no is None and (quoted := quoting_head(preamble)):
        issuer, name, shapes.date, shapes.dispatch_no = quoted.issuer, quoted.doc_type, quoted.date, quoted.dispatch_no
    inferred = None if name else type_from_labels(text)
    self_named = None if name or inferred or subject_asks(text) else (
        self_named_type(text) or form_named_type(text) or signed_type(preamble, shapes, body))
    name = name or self_named
    spec, repeats = doc_type(name or (inferred[0] if inferred else None)), 0
    if issuer is not None and name and spec.title == ISSUER_TYPE:
        text, repeats = drop_repeated_title(text, issuer, name)
    # split again where the 文別 reads labels the default did not, or the default found one this 文別 has not (its
    # `also`: a 依據 of a letter of unknown 文別)
    resplit = spec.body != default.body and (spec.body != doc_type(default.name).body
                                             or any(f.key not in spec.body for f in body))
    if resplit or repeats:
        preamble, header, body = split_fields(text, spec.body)
        preamble, body = lift_cited_head(head_cells(preamble), body)
        _, preamble = head_shapes(preamble, header_values(header))  # its bare head lines are fields, not text
    full_text = any(f.key == "full_text" and f.value.strip() for f in body)  # a database marked where the text starts
    text_cell = any(f.key == "full_text" and not f.value.strip() for f in body)  # a table's 內容 cell over its labels
    body = [replace(f, key=full_text_key(f, body[i + 1:], spec)) if f.key == "full_text" else f
            for i, f in enumerate(body) if f.value or f.key != "full_text"]
    body = items_under_no_attachment(body, spec.unlabelled)
    if not body and spec.unlabelled and not full_text:
        body = unlabelled_body(spec.unlabelled, below_title(preamble), header)
        # over the letter's 發文日期 / 發文字號 rows (and its items), a sentence a 期望語 closes is its 主旨 (a site's list
        # of an agency's letters prints it so: 「有關…，復如說明，請查照。」 over the rows, 「一、復貴局…函。」 under them;
        # a law database's 「檢送「…計畫」1份，請查照…。」 over its 發布機關 / 發布日期 / 發布字號 rows)
        if ((key := subject_key(spec)) in spec.body and identified(header)
                and closes_with_expectation(headline := closing_paragraph(below_title(preamble)))):
            body = [Field(key, "", headline, 0)] + body
        resplit = True
    elif body and not full_text and not any(role(f.key) == "subject" for f in body) and (key := subject_key(spec)):
        lead = unlabelled_body(key, below_title(preamble), header)
        # numbered items over 正本 (a 函釋 published without its head) are the body's text: a 主旨 is never numbered
        if lead and spec.unlabelled and spec.unlabelled != key and opens_with_first_item(lead[0].value):
            lead[0].key = spec.unlabelled
        # a sentence a 期望語 closes over numbered items (a post's headline over the relayed 說明 and its 正本): the
        # 主旨 a publisher printed without its label, and the items the body's text
        elif lead and key in spec.body and spec.unlabelled and (split := subject_over_items(lead[0].value)):
            lead = [Field(key, "", split[0], lead[0].start), Field(spec.unlabelled, "", split[1], lead[0].start)]
        # a 文別 that labels its 主旨: only a closing sentence is one; over a table's 內容 cell, or over the letter's
        # 發文日期 / 發文字號 rows, a post's title only when a 期望語 closes it
        elif lead and key in spec.body:
            over_explanation = body[0].key == "explanation"
            lead[0].value = closing_paragraph(lead[0].value) or (
                requesting_headline(lead[0].value) if over_explanation else "")
            if text_cell and not closes_with_expectation(lead[0].value):
                lead[0].value = ""
        elif not lead and key in spec.body and closes_with_expectation(
                headline := closing_paragraph(below_title(preamble))):
            lead = [Field(key, "", headline, 0)]
        body = [f for f in lead if f.value] + body
        resplit = True
    elif (body and full_text and not any(role(f.key) == "subject" for f in body) and (key := subject_key(spec))
          and key in spec.body and (headline := title_over_rows(below_title(preamble)))):
        # over a board's 內容 field, a post's title a 期望語 closes is the relayed 主旨 (「轉知…，請查照。」 over the
        # post's rows and 「內容」 over 「一、依據…」)
        body = [Field(key, "", headline, 0)] + body
        resplit = True
    if resplit:
        values = header_values(header)
        _, preamble = head_shapes(preamble, values)
        find_issuer(preamble, values)  # the title line out of the value it stood in
    if body and (closing := closing_citation(body[-1].value)):  # a compilation's citation of the document after its text
        cited, text_before, after = closing
        own = shapes.dispatch_no or labelled_dispatch_no(values.get("dispatch_no", ""))
        if shapes.date is None and shapes.dispatch_no is None and own is None:
            body[-1].value, dropped = text_before, dropped + after
            shapes.date, shapes.dispatch_no = cited.date, cited.dispatch_no
            issuer, name = issuer or cited.issuer, name or cited.doc_type
        elif own and cited.dispatch_no and own.number == cited.dispatch_no.number:  # the head's, cited again: its
            dropped += [body[-1].value[len(text_before):].strip(), *after]  # date and issuer are the document's too
            body[-1].value = text_before
            shapes.date, issuer, name = shapes.date or cited.date, issuer or cited.issuer, name or cited.doc_type
    if body and role(body[-1].key) in ("subject", "section") and (closing := addressed_names(body[-1].value, issuer)):
        body[-1].value, names = closing  # 「此致」 over the addressees closing the text: its 正本 (a 書函's, a 通報's)
        body.append(Field("cc_main", vocabulary()["addressing"]["closing"], names, body[-1].start))
    if (issuer is None and not name and body and (signer := signing_agency(body[-1].value.split("\n")))
            and (not inferred or spec.self_published and is_full_name(signer))):
        issuer = signer  # no title line (nor labels, but a 公告's): the agency signing its items by name is the issuer
    return LetterFields(spec, issuer, name or (inferred[0] if inferred and len(inferred) == 1 else None),
                        preamble, values, body, repeats, bool(inferred), shapes, dropped, bool(self_named), tail)


def fill_meeting(key: str, value: str, meeting: Meeting) -> None:
    """Given a meeting label key, its value and the meeting, fill the field the label's role names."""
    name = role(key).split(".", 1)[1]
    if name == "time":
        meeting.time = join_clean(value) or None
        meeting.start = meeting_start(meeting.time or "")
    elif name in ("attendees", "observers"):
        setattr(meeting, name, getattr(meeting, name) + split_recipients(without_group_headings(value)))
    else:
        setattr(meeting, name, join_clean(value) or None)


SEVERAL_NAMES = re.compile(r"「[^「」]+」(?:[、及與和]「[^「」]+」)+")  # 「甲準則」、「乙規則」及「丙辦法」


def take_attachment_lines(value: str, word: str | None) -> tuple[str, list[Attachment]]:
    """Given an unlabelled body and the word opening a line that names an attachment (「附」), return the body
    without those lines and the attachments they name (titles without the 。 ending the line); a 附 line a PDF's
    paragraph ran into the order after its 。 counts too."""
    if not word:
        return value, []
    # at a line's start, or after the order's 。 where a PDF's paragraph ran the 附 line into it; a title whose 「 a
    # line's wrap left open goes on over the lines that close it (「附修正「…處理規」 over 「則」部分條文」)
    named = re.compile(rf"(?:^|(?<=。)){re.escape(word)}(?![件：:帶])(?P<first>[^\n]+)$", re.M)
    attachments, kept, at = [], [], 0
    for m in named.finditer(value):
        if m.start() < at:  # a line a title before it went on to
            continue
        end = m.end()
        while value.count("「", m.start(), end) > value.count("」", m.start(), end) and end < len(value) \
                and (following := value.find("\n", end + 1)) != end + 1:
            end = following if following != -1 else len(value)
        # a title is a name: the 。 that ends the line (「附修正「○○辦法」第二條條文。」) is no part of it; a line naming
        # several whole regulations (「附「甲準則」、「乙規則」及「丙辦法」」) names an attachment each
        title = join_clean(value[m.start("first"):end]).rstrip("。")
        names = re.findall(r"「[^「」]+」", title) if SEVERAL_NAMES.fullmatch(title) else [title]
        attachments += [Attachment(title=name) for name in names]
        kept.append(value[at:m.start()])
        at = end
    return "".join(kept) + value[at:], attachments


@cache
def exchange_file_line() -> re.Pattern:
    """Return the pattern of a line that is wholly exchange files' names (vocabulary.toml [attachments]), spaces
    between them, a board's number or bullet before one or not (「1) 376736800A_1130134314_ATTACH1.pdf」)."""
    name = vocabulary()['attachments']['exchange_file']
    return re.compile(rf"^[ \t]*(?:(?:[(（]?\d{{1,2}}[)）.、]|[•·])[ \t]*)?(?P<files>{name}(?:[ \t]+{name})*)[ \t]*$", re.M)


def take_exchange_files(value: str) -> tuple[str, list[Attachment]]:
    """Given an unlabelled body, return it without the lines that are wholly exchange files' names (a site's list
    of the letter's files: 「376540000A_1140256610_ATTACH1.pdf」) and those files as attachments."""
    files = [Attachment(title=None, file=name) for m in exchange_file_line().finditer(value)
             for name in m.group("files").split()]
    return (exchange_file_line().sub("", value), files) if files else (value, [])


def cut_at_issuer_name(value: str, issuer: str | None) -> tuple[str, str | None, str]:
    """Given a subject's or section's text and the letter's issuer, return the text before a line that is wholly the
    issuer's name, spaces between its characters or not (a letter signed by the agency, not its head: 「行政院自由貿易
    港區協調委員會」, 「國 防 部」 after 說明, as 行政院公報 prints a 函 or 書函), that name, and the text after it (a
    決行 line, the 決定書 or 勘誤表 published with the letter: in no field); (value, None, "") when there is none."""
    if not issuer:
        return value, None, ""
    lines = value.rstrip().split("\n")
    for i in range(1, len(lines)):  # never the first line: that is the text the label opens
        if re.sub(r"\s", "", lines[i]) == issuer:
            return "\n".join(lines[:i]), issuer, "\n".join(lines[i + 1:]).strip()
    return value, None, ""


def leading_signature(text: str) -> tuple[str | None, str]:
    """Given text, return the 署名 its first line is (or its first two or three, a title's characters and the name
    apart) and the text after it; (None, text) when it opens with none."""
    lines = [line.strip() for line in text.strip().split("\n")]
    for taken in (3, 2, 1):  # 「主任」 / 「委員」 / 「陳○○」: a title's characters and the name apart, longest first
        head = "".join(lines[:taken])
        if len(lines) >= taken and (taken == 1 or is_title("".join(lines[:taken - 1]))) and (
                signature := as_signature(head)):
            return signature, "\n".join(lines[taken:]).strip()
    return None, text


LINK_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])https?://")  # a web address glued after Chinese text


def cut_at_signature(value: str) -> tuple[str, str | None, str]:
    """Given a subject's or section's text, return the text before a 署名 that stands on a line of its own (or a
    title and a name on two, or before the web addresses a print joined to it) with text after it, the 署名, and that
    text after it (an amended regulation, 附表: in no field); (value, None, "") when there is none."""
    lines = value.split("\n")
    for i in range(1, len(lines)):
        line = lines[i].strip()
        signature, end = as_signature(line), i + 1
        if signature is None and is_title(line) and i + 1 < len(lines):  # 「院長」 / 「陳○○」
            signature, end = as_signature(line + lines[i + 1].strip()), i + 2
        if signature is None and (link := LINK_AFTER.search(line)) and (signature := as_signature(line[:link.start()])):
            lines[i] = line[link.start():]  # 「部 長 潘文忠https://…」: a print joined the 署名 and the links under it
            end = i
        after = "\n".join(lines[end:]).strip() if signature else ""  # joined only at a 署名: linear in the lines
        if signature and after:
            return "\n".join(lines[:i]), signature, after
    return value, None, ""


def cut_at_close(value: str, issuer: str | None) -> tuple[str, str | None, str | None, str]:
    """Given a subject's or section's text and the letter's issuer, return the text before whichever closes it
    first — a 署名 or a line wholly the issuer's name (a form printed later may end 「此致 教育部」) —, the issuer's
    name or the 署名 that closed it, and the text after it."""
    by_name, signed, after_name = cut_at_issuer_name(value, issuer)
    by_signature, signature, after_signature = cut_at_signature(value)
    if signed and (signature is None or len(by_name) < len(by_signature)):
        return by_name, signed, None, after_name
    return by_signature, None, signature, after_signature


def cut_copy_list(value: str) -> tuple[str, str]:
    """Given a 正本 or 副本 value, return the list and what follows it from a 署名, or from the first line that cannot go
    on with it (page_edges.continues_list) after a line that does not end with 、 when prose follows (a gazette prints
    the text the letter sends under its 副本: 「監獄組織通則」 and its history; a name's wrapped end, 「署高雄關」, with
    nothing after it stays the list's), or from a table's row (a table printed under the list: never its entries);
    the list's first line is always the list's."""
    lines = value.split("\n")
    for i in range(1, len(lines)):
        rest = "\n".join(lines[i:])
        if lines[i].startswith(TABLE_ROW):
            return "\n".join(lines[:i]), rest.strip()
        if not lines[i].strip() or not ends_an_entry(lines[i - 1]):  # 「…、臺北市各里辦公」 over 「處(請張貼公告欄)」
            continue
        if leading_signature(rest)[0] or not continues_list(lines[i]) and re.search("[。，；]", rest):
            return "\n".join(lines[:i]), rest.strip()
    return value, ""


def ends_an_entry(line: str) -> bool:
    """Given a line of a 正本 / 副本 list, return whether its last entry is whole: it ends with a bracketed note or with
    an agency's name, not with 、 or part of a name a line break cut (「…基金」, 「本府秘書處(刊登」)."""
    last = re.split(r"[、，,]", line.strip())[-1]
    if not last or line.rstrip().endswith(("、", "(", "（")) or last.count("(") + last.count("（") > last.count(
            ")") + last.count("）"):
        return False
    return bool(re.search(r"[)）]$", last)) or is_agency_name(re.sub(r"[（(][^（()）]*[)）]$", "", last))


def cut_posting_unit(value: str) -> tuple[str, str | None]:
    """Given the last field's text of a letter without an issuer, return it without a last line that is wholly a
    unit's name after a sentence's end, and that name: a site posting a letter signs the post with its office
    (「總務處事務暨環安組」 under the 說明's last item), not the letter's 署名; (value, None) when there is none."""
    head, _, last = value.rstrip().rpartition("\n")
    if head.rstrip().endswith("。") and is_unit_name(last.strip()):
        return head.rstrip(), last.strip()
    return value, None


SENTENCE_ENDS = ("。", "！", "？", "；", "：", "」", "』", "）", ")")  # how a letter's sentence or a quotation ends


CONTACT_KEYS_OPENING = ("contact_name", "contact_name_phone", "contact")  # the labels a contact line opens with


def trailing_contact(lines: str) -> Contact | None:
    """Given the lines after a letter's last sentence, return the contact they are when they open with a contact's
    label (承辦人, 聯絡人) and hold nothing but contact fields (「承辦人:林小姐,電話:03-3322101#5224」, as a city's web
    公告 ends under its items), else None."""
    lines = re.sub(r"[，,；;][ \t]*", "\n", lines)  # its fields set apart by commas, each a line
    found = find_labels(lines, CONTACT_KEYS)
    if not found or found[0][0] not in CONTACT_KEYS_OPENING or lines[:found[0][2]].strip():
        return None
    values = {key: lines[start:(found[i + 1][2] if i + 1 < len(found) else len(lines))].strip()
              for i, (key, _, _, start) in enumerate(found)}
    return parse_contact(values)


WRAPPED_CLOSERS = ("」", "』", "）", ")")  # a closing mark a wrap pushed to a line's start: the sentence above goes on


def cut_trailing_lines(value: str) -> tuple[str, str | None]:
    """Given the last section's text, return it without the lines after its last sentence's end that end no sentence
    themselves and open no item (a site's caption, sidebar headline or map title run under the letter: 「森林防火
    二不一…」, 「松山機場北側都市計畫…範圍」 — a letter's sentence never ends without punctuation), and those lines
    joined; (value, None) when there are none."""
    lines = value.rstrip().split("\n")
    last = next((j for j in range(len(lines) - 1, -1, -1) if lines[j].rstrip().endswith(SENTENCE_ENDS)), None)
    if last is None or last == len(lines) - 1 or not ANY_MARKER.match(value.lstrip()) or lines[last].rstrip().endswith(
            ("：", ":")):  # a colon opens what follows: the item's list, a name a line
        return value, None
    after = [line for line in lines[last + 1:] if line.strip()]
    if any(ANY_MARKER.match(line.lstrip()) for line in after):
        return value, None
    if lines[last].rstrip().endswith(WRAPPED_CLOSERS) and "，" in after[0] and not POST_FIELD.match(after[0]):
        return value, None  # 「…其中「…以上」」 over 「之基金總額認定時點，應以購買時」: a quote closed inside a sentence, its
        # clauses going on (a page cut the sentence short): the text's, not a caption (a row, 「相關檔案：…，…」, is one)
    closed = max(after[0].rfind(end) for end in "。！？")
    if after[0].lstrip().startswith(WRAPPED_CLOSERS) and closed >= 0:
        # 「」爰此，…辦理。 ||檔案(1):」: the quote's close and the sentence, wrapped under it; the site's furniture after
        head, tail = after[0][:closed + 1], after[0][closed + 1:].strip()
        rest = [tail] if tail else []
        return "\n".join(lines[:last + 1] + [head]), "\n".join(rest + after[1:]) or None
    return "\n".join(lines[:last + 1]), "\n".join(after)


def cut_at_closing(value: str, words: tuple[str, ...]) -> tuple[str, str]:
    """Given a subject's or section's text and the words that open the lines after a body (「敬陳」), return the
    text before the first such line and the text from it on."""
    m = re.search(rf"^[ \t]*(?:{'|'.join(map(re.escape, words))})", value, re.M)
    return (value[: m.start()].rstrip("\n"), value[m.start():].strip()) if m else (value, "")


def appended_attachment(value: str, letter: Letter) -> list[Attachment]:
    """Given the text of an 附件 printed after the body and the letter read so far, return the attachment its first
    line names (none when already listed): the name the letter sends it by when the line runs on into its points; its
    text enters no field (warned). A list of the files a site posts with the letter, a file a line, is an attachment a
    file (attachment_list.listed_files)."""
    listed, warnings = letter.attachments, letter.warnings
    files = listed_files(value)
    if files is not None:
        known = {(a.title, a.file) for a in listed}
        return [a for a in files if (a.title, a.file) not in known]
    title, _, content = value.strip().partition("\n")
    sent = "\n".join([letter.subject or ""] + [section_text(s) for s in letter.sections])
    if (name := title_by_name(title, sent)) and re.sub(r"\s", "", title) != name:
        title, content = name, title.strip()[len(name):] + "\n" + content
    if content.strip():
        warnings.append(f"attachment text after the body kept in no field ({content.count(chr(10)) + 1} line(s)): "
                        f"「{content.split(chr(10))[0][:30]}」")
    known = {a.title for a in listed}
    return [a for a in parse_attachments(title) if a.title not in known]


CUT_REPEAT_MIN = 20  # characters: a cut-short repeat this long or longer is the block printed again


def cut_repeat(key: str, value: str, seen: set[tuple[str, str]]) -> bool:
    """Given the last body field's key and value and the (key, value) pairs before it, return whether it repeats an
    earlier block of the same label from its start, cut short where the text ends (a page printing its 說明 again)."""
    cut = value.strip()
    return len(cut) >= CUT_REPEAT_MIN and any(k == key and v != cut and v.startswith(cut) for k, v in seen)


def parse_body(fields: LetterFields, letter: Letter) -> None:
    """Given the letter's fields, fill what each body label's role names: subject, sections, 正本, 副本, the
    meeting fields, the contact written in the body, and the 署名 (what follows it enters no field)."""
    spec = fields.doc_type
    labels, names = vocabulary()["labels"], doc_type_table()["section_names"]
    if any((role(k) or "").startswith("meeting.") for k in spec.body):
        letter.meeting = Meeting()
    # what closed the body: its 署名 (or the issuer's name signing it) or the attachment printed after it (「附件」
    # over the letter a 公告 serves), whose labels are that text's own
    closed, seen = "", set()
    for i, f in enumerate(fields.body):
        value, does = f.value, role(f.key)
        if (f.key, value.strip()) in seen:  # a page printing a labelled block twice, word for word
            letter.warnings.append(f"label {f.label or f.key} printed twice with the same text: the repeat kept in no field")
            continue
        if i == len(fields.body) - 1 and cut_repeat(f.key, value, seen):  # the repeat, cut short where the page ends
            letter.warnings.append(f"label {f.label or f.key} printed again, cut short: the repeat kept in no field")
            continue
        seen.add((f.key, value.strip()))
        if does in ("subject", "section") and spec.closing:
            value, after = cut_at_closing(value, spec.closing)
            if after:
                letter.warnings.append(f"text after the body kept in no field ({after.count(chr(10)) + 1} line(s)): "
                                       f"「{after.split(chr(10))[0][:30]}」")
        # after the 署名 the text published with the letter opens no section (its 正本 / 副本 a gazette prints after
        # the agency's name still count); after the attachment nothing but another attachment fills a field
        if closed == "署名" and does in ("subject", "section") or closed == "附件" and does != "attachment":
            letter.warnings.append(f"text after the {closed} kept in no field (label {f.label or f.key}): "
                                   f"「{value.split(chr(10))[0][:30]}」")
            continue
        # a form's last field (聯絡人及電話) closed by the issuer's name; a gazette's 副本 list closed by the 署名, the
        # text of what the letter sends after it
        if does not in ("subject", "section", "attachment") and not closed:
            value, signed, after = cut_at_issuer_name(value, fields.issuer)
            closer = "署名"
            if does in ("cc_main", "cc_copy") and not signed and not after and not (
                    spec.unlabelled == "subject" and letter.subject is None):  # (a 令's order under its lists: below)
                value, after = cut_copy_list(value)
                if letter.signature is None:
                    letter.signature, after = leading_signature(after)
                closer = "署名" if letter.signature else f"{f.label or does} list"
            if signed:
                letter.warnings.append(f"the issuer's name closes the body (signed by the agency): {signed}")
            if signed or letter.signature and after:
                closed = "署名"
            if after:
                letter.warnings.append(f"text after the {closer} kept in no field ({after.count(chr(10)) + 1} line(s)): "
                                       f"「{after.split(chr(10))[0][:30]}」")
        if does in ("subject", "section") and letter.signature is None:
            value, signed, letter.signature, after = cut_at_close(value, fields.issuer)
            if signed:
                letter.warnings.append(f"the issuer's name closes the body (signed by the agency): {signed}")
            if after:
                letter.warnings.append(f"text after the 署名 kept in no field ({after.count(chr(10)) + 1} line(s)): "
                                       f"「{after.split(chr(10))[0][:30]}」")
            closed = "署名" if signed or letter.signature else ""
        if not f.label:  # the body (or its opening) had no label
            value, named = take_attachment_lines(value, spec.attachment_line)
            value, files = take_exchange_files(value)
            letter.attachments += named + files
            under = fields.body[1] if len(fields.body) > 1 else None  # the part under the unlabelled text
            over = under and (under.label or names.get(under.key) or labels.get(under.key, [under.key])[0])
            if does == "subject" and len(fields.body) > 1 and f.key in spec.body and not value.strip().rstrip(
                    "。").endswith(expectation_endings()) and not summarises(value, "\n".join(g.value for g in fields.body[i + 1:])):
                letter.warnings.append(f"a sentence over {over} that "
                                       f"shares no word with the letter's text kept in no field (a site's slogan): "
                                       f"「{value.strip()[:30]}」")
                continue
            if does == "subject" and len(fields.body) > 1 and f.key in spec.body:
                letter.warnings.append(f"no {labels[f.key][0]} label: the text before {over} read as {labels[f.key][0]}")
            if does == "section":
                letter.warnings.append(f"no body labels ({'、'.join(labels[k][0] for k in spec.body[:2])} …): "
                                       f"the text kept as {names.get(f.key) or f.key}")
        if does in ("subject", "section") and (english := drop_interleaved_rendering(value))[1]:
            value = english[0]  # a bilingual notice's English lines under its Chinese paragraphs
            letter.warnings.append(f"English rendering lines kept in no field ({len(english[1])}): 「{english[1][0][:30]}」")
        if i == len(fields.body) - 1 and does in ("subject", "section"):
            value, rendering = split_rendering(value)  # a bilingual notice's English after its Chinese text
            if rendering:
                letter.warnings.append(f"an English rendering after the text kept in no field "
                                       f"({rendering.count(chr(10)) + 1} line(s)): 「{rendering.split(chr(10))[0][:30]}」")
        if i == len(fields.body) - 1 and letter.signature is None:
            value, letter.signature = split_signature(value)
            if letter.signature is None and fields.issuer is None:
                value, unit = cut_posting_unit(value)
                if unit:
                    letter.warnings.append(f"the posting office's name after the text kept in no field: {unit}")
            if does == "section":
                value, trailing = cut_trailing_lines(value)
                if trailing and (files := labelled_files(trailing)):
                    letter.attachments, trailing = letter.attachments + files, None  # 「附件1 訪視重點說明.docx」
                if trailing and not (letter.contact.name or letter.contact.phone) and (
                        contact := trailing_contact(trailing)):
                    letter.contact, trailing = contact, None  # a web 公告's 「承辦人:林小姐,電話:…」 under its items
                if trailing:
                    letter.warnings.append(f"lines after the last sentence kept in no field: 「{trailing[:30]}」")
        if does == "subject" and letter.subject is None:
            value, rest = items_after_subject(value)
            letter.subject = subject_tag().sub("", join_clean(value), count=1) or None  # not the site's 【tag】
            if rest:
                text, items = text_to_items(rest)
                letter.sections.append(Section(name=names.get("text") or "text", text=text, items=items))
                letter.warnings.append(f"numbered items after the {labels['subject'][0]} without a label: kept as "
                                       f"{names.get('text') or 'text'}")
        elif does == "section":
            value, attached, after = cut_at_restated_name(value)
            if not attached:
                value, after = cut_at_printed_regulation(value)
            if after:
                letter.warnings.append(f"attachment text after the body kept in no field "
                                       f"({after.count(chr(10)) + 1} line(s)): 「{after.split(chr(10))[0][:30]}」")
            if attached:
                letter.attachments += [attached] if attached.title not in {a.title for a in letter.attachments} else []
            if not f.label and letter.subject is None:
                value = unnumbered_subject(value)
            text, items = text_to_items(value)
            name = names.get(f.key) or labels[f.key][0]
            unlabelled = not f.label or re.sub(r"\s", "", f.label) in vocabulary()["labels"]["full_text"]
            if not f.label and letter.subject is None and (announced := announced_subject(value, items, spec)):
                heads, letter.subject, text = announced
                letter.warnings.append(f"no {labels['subject'][0]} label: the sentence announcing what the notice makes "
                                       f"known read as {labels['subject'][0]}")
                if heads:
                    letter.warnings.append(f"lines over the 主旨 kept in no field ({len(heads)} line(s)): "
                                           f"「{heads[0][:30]}」")
            if not f.label and letter.subject is None and items and (above := lines_over_lead(value, items, spec)):
                text, heads = join_clean("\n".join(above[1])), above[0]
                letter.warnings.append(f"lines over the 主旨 kept in no field ({len(heads)} line(s)): 「{heads[0][:30]}」")
            lead, pointer = pointer_after(text)
            if unlabelled and letter.subject is None and is_lead_subject(lead, items, spec):
                letter.subject, text = subject_tag().sub("", lead, count=1), pointer
                letter.warnings.append(f"no {labels['subject'][0]} label: the sentence before the numbered items "
                                       f"read as {labels['subject'][0]}")
            elif not f.label and letter.subject is None and subject_key(spec) == "subject" and (
                    lead := expectation_lead(text)):
                letter.subject, text = subject_tag().sub("", lead, count=1), text[len(lead):].lstrip("\n")
                letter.warnings.append(f"no {labels['subject'][0]} label: the sentence closed by a 期望語 read as "
                                       f"{labels['subject'][0]}")
            if not f.label and letter.subject is None:
                text = subject_tag().sub("", text, count=1)  # a post's headline kept as the text, not the site's 【tag】
            if text or items:
                letter.sections.append(Section(name=name, text=text, items=items))
            else:  # a site's field heading left empty (「公告依據」 with nothing under it): no section
                letter.warnings.append(f"label {f.label or name} has no text: no section")
        elif does == "attachment":
            letter.attachments += appended_attachment(value, letter)
            closed = closed or "附件"
        elif does in ("cc_main", "cc_copy"):
            if spec.unlabelled == "subject" and letter.subject is None:  # a compilation printing a 令's head, 受文者
                value = take_order_under_copies(value, spec, letter)  # lists and all, over its order
            setattr(letter, does, getattr(letter, does) + split_recipients(value))
        elif does == "contact" and not letter.contact.name:
            letter.contact = parse_contact({**fields.header, f.key: value})
        elif does and does.startswith("meeting."):
            fill_meeting(f.key, value, letter.meeting)


def take_order_under_copies(value: str, spec: DocType, letter: Letter) -> str:
    """Given a 正本 or 副本 value of a 令 read so far without its order, the 文別 and the letter, return the list, filling
    the letter's subject with the order printed under it (its 附 line an attachment, what follows that attachment's
    text, warned)."""
    value, order = order_after_copies(value)
    if not order:
        return value
    order, named = take_attachment_lines(order, spec.attachment_line)
    lines = order.split("\n")
    end = next((i + 1 for i, line in enumerate(lines) if line.rstrip().endswith("。")), len(lines))
    order, attached = ("\n".join(lines[:end]), "\n".join(lines[end:])) if named else (order, "")
    letter.subject, letter.attachments = join_clean(order), letter.attachments + named
    if attached.strip():
        letter.warnings.append(f"attachment text after the order kept in no field "
                               f"({attached.count(chr(10)) + 1} line(s)): 「{attached.strip()[:30]}」")
    return value


def order_after_copies(value: str) -> tuple[str, str]:
    """Given a 正本 or 副本 value of a document whose unlabelled text is its order (a 令), return the list and the order
    printed under it: from the first line after the list's first that ends a sentence or quotes a name in 「」 (a list
    of names does neither); (value, "") when there is none."""
    lines = value.split("\n")
    at = next((i for i in range(1, len(lines)) if lines[i].rstrip().endswith("。") or "「" in lines[i]), None)
    return (value, "") if at is None else ("\n".join(lines[:at]), "\n".join(lines[at:]).strip())


def section_text(section: Section) -> str:
    """Given a section, return all its text (items included) for finding citations and periods."""
    def walk(items):
        for item in items:
            yield item.text
            yield from walk(item.children)
    return "\n".join([section.text, *walk(section.items)])


def is_own_citation(reference: Reference, letter: Letter) -> bool:
    """Given a cited document and the letter, return whether it is the letter itself (its own 發文字號 and date,
    printed again with its text by a compilation): no letter cites itself."""
    return (reference.dispatch_no is not None and letter.dispatch_no is not None and reference.date == letter.date
            and reference.dispatch_no.text == letter.dispatch_no.text)


def own_date_block(text: str, issuer: str | None) -> str:
    """Given the text of the letter's citation of itself and its issuer, return it from the issuer's name before
    the date (or from the date): words before it (the title of what the letter sends) are not the citation's."""
    at = text.rfind(issuer) if issuer and issuer in text else -1
    if at < 0:
        m = re.search(r"(?:中華)?(?:民國)?\d{2,3}(?:年|[./])", text)
        at = m.start() if m else 0
    return text[at:]


@cache
def subject_tag() -> re.Pattern:
    """Return the pattern of a site's category tag in 【】 opening a 主旨's value (data/publishers.toml)."""
    return re.compile("^(?:" + "|".join(publisher_table()["furniture"]["subject_tags"]) + ")")


def drop_own_citations(own: list[Reference], letter: Letter) -> None:
    """Given the letter's citations of itself and the letter, take each off the end of the text it closes, where a
    compilation prints it in brackets (「…始可適用）。（財政部73/07/14台財稅第55809號函）」), and out of a section's
    text where a database's full text repeats the letter's date block (「內政部 96 年 8 月 31 日」 over 「內授消字第
    0960824997 號函」, set at the right under the title of the resolutions it sends): the letter's own date and
    number, not its text; the 文別 that ends it names the letter's when nothing else did."""
    trailer = re.compile("(?:" + "|".join(rf"[（(]\s*{re.escape(r.text)}\s*[）)]" for r in own) + r")\s*$")
    repeated = re.compile("|".join(re.escape(own_date_block(r.text, letter.issuer)) for r in own))

    def walk(items: list) -> None:
        for item in items:
            item.text = trailer.sub("", item.text)
            walk(item.children)
    letter.subject = trailer.sub("", letter.subject) if letter.subject else letter.subject
    for section in letter.sections:
        section.text = repeated.sub("", trailer.sub("", section.text))
        walk(section.items)
    kinds = [r.kind for r in own if r.kind in doc_type_table()["types"]]
    letter.doc_type = letter.doc_type or (kinds[0] if kinds else None)


def addressee(letter: Letter) -> str | None:
    """Given a letter, return whom it is addressed to, for 貴署/貴會: its 受文者, else its one 正本 (the 手冊's 正本 are
    the 受文者; a gazette prints a letter without its 受文者 line)."""
    return letter.recipient or (letter.cc_main[0].name if len(letter.cc_main) == 1 else None)


def fields_to_letter(fields: LetterFields, warnings: list[str]) -> Letter:
    """Given a letter's fields and the warnings of the stages before, return its Letter record."""
    letter = Letter(warnings=list(warnings), issuer=fields.issuer, doc_type=fields.type_name)
    if letter.issuer is None:
        letter.warnings.append("no title line (發文機關 + 文別) found")
    if fields.by_labels:
        letter.warnings.append(f"文別 read from the body labels: {fields.doc_type.name}"
                               + ("" if fields.type_name else " (or another 文別 with the same labels; doc_type left empty)"))
    if fields.self_named:
        letter.warnings.append(f"文別 read from the words the text names itself by (or its form): {fields.type_name}")
    parse_header(dict(fields.header), letter)
    shapes = fields.shapes
    letter.date, letter.dispatch_no = letter.date or shapes.date, letter.dispatch_no or shapes.dispatch_no
    if letter.date is None and letter.dispatch_no is not None:  # a law database's page dates its number by the rule's
        # dates, over its labels or under its 發文字號 row (監理法規檢索系統: 「公(發)布日:」 runs on in that row's value)
        letter.date = law_page_date("\n".join([fields.preamble, *fields.header.values()]))
    letter.dispatch_no = checked_by_date(letter.dispatch_no, letter.date.year if letter.date else None)
    letter.co_issuers = list(shapes.co_issuers)
    if not letter.contact.name and not letter.contact.phone and shapes.phone:
        letter.contact.name, letter.contact.phone = shapes.contact_name, shapes.phone
    letter.warnings += notes_warning(fields.dropped)
    tail, files = take_exchange_files("\n".join(fields.tail))  # a site's list of the letter's exchange files
    files += take_exchange_files("\n".join(fields.dropped))[1]  # (a board's download list, dropped as its furniture)
    for a in files:
        if a.file not in {b.file for b in letter.attachments}:
            letter.attachments.append(a)
    if tail := [line for line in tail.split("\n") if line.strip()]:
        letter.warnings.append(f"lines under the letter's end kept in no field ({len(tail)} line(s)): "
                               f"「{'」「'.join(line.strip()[:30] for line in tail[:3])}」")
    if shapes.posted:
        letter.warnings.append(f"removed a web page's posting date (公文 count 民國 years): {shapes.posted}")
    if shapes.summary:
        letter.warnings.append(f"a law database's 要旨 under the document's citation kept in no field: 「{shapes.summary[:30]}」")
    if shapes.headline:
        letter.warnings.append(f"a compilation's headline over the document's citation kept in no field: "
                               f"「{shapes.headline[0][:30]}」")
    if shapes.regulation_dates:
        letter.warnings.append(f"a regulation's own date beside its history entry, in no field: {shapes.regulation_dates[0]}")
    if fields.repeats:
        letter.warnings.append(f"removed the title line repeated as a page header ({fields.repeats}×)")
    parse_body(fields, letter)
    letter.subject = letter.subject or shapes.subject
    body_text = "\n".join([letter.subject or "", *map(section_text, letter.sections)])
    cited = find_references("\n".join([*relay_notes(fields.preamble), body_text]), addressee(letter), letter.issuer)
    letter.references = [r for r in cited if not is_own_citation(r, letter)]
    if len(letter.references) < len(cited):
        drop_own_citations([r for r in cited if is_own_citation(r, letter)], letter)
        body_text = "\n".join([letter.subject or "", *map(section_text, letter.sections)])
    letter.periods, period_warnings = find_periods(body_text)
    letter.warnings += period_warnings
    return mark_complete(letter)


def relay_notes(preamble: str) -> list[str]:
    """Given the text before a letter's labels, return its relay notes (a relaying school's 「依據…號函辦理。」 over the
    letter it passes on, vocabulary.toml's `relay_note`): what they cite is cited too."""
    note = vocabulary()["references"]["relay_note"]
    return [line for line in preamble.split("\n")
            if line.startswith(tuple(note["opens"])) and line.endswith(tuple(note["closes"]))]


def blocks_to_letter(blocks: list[Block]) -> Letter:
    """Given a document's blocks, return the Letter record of the letter at its start."""
    own, after = split_letter(blocks)
    letter = fields_to_letter(text_to_fields(clean_text(own)), furniture_warnings(own))
    letter.received = letter_received(own, after)
    return letter


def letter_received(own: list[CleanBlock], after: list[CleanBlock]) -> Received | None:
    """Given a letter's blocks and the blocks after it, return its 收文 stamp: the receiving side stamps page 1 at
    its foot, so a stamp on page 1 after the letter's text (an attachment starting on that page) is the letter's."""
    page_one = after[:next((i for i, b in enumerate(after) if b.kind == PAGE_BREAK), len(after))]
    return blocks_to_received(own) or blocks_to_received(page_one)


def blocks_to_received(blocks: list[CleanBlock]) -> Received | None:
    """Given a letter's normalised blocks, return its 收文 stamp as a Received record (None when it has none)."""
    number, date = received_stamp(blocks)
    if number or date:
        return Received(number=number, date=parse_roc_date(date) if date else None)
    return None


def attachment_titles(fields: LetterFields) -> list[str | None]:
    """Given a letter's fields, return the titles its 附件 field names."""
    return [a.title for a in parse_attachments(fields.header.get("attachments", ""))]
