"""Where a letter's text starts and ends on a page: the menu captions a site prints over it and what it prints
under the letter's last sentence (a browser notice, a visitor counter), when no pattern names them. A stage after
the publisher's notes: clean text → the letter's own lines, and the page's head and tail."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.clean import IDEOGRAPH
from pipeline.parse.dates import whole_date
from pipeline.parse.dispatch import DISPATCH_RE
from pipeline.parse.division import is_unit_name
from pipeline.parse.doc_types import doc_type, doc_type_table
from pipeline.parse.items import ANY_MARKER
from pipeline.parse.labels import heading_label_pattern
from pipeline.parse.relay_headline import relay_over_paragraph
from pipeline.parse.publisher_notes import holds_letter_label, is_bracketed_contact, is_contact_row, split_rendering
from pipeline.parse.signature import as_signature, is_title, word_at_end_pattern
from pipeline.parse.title_line import office_heading, title_match
from pipeline.vocabulary import vocabulary

# how a letter's sentence, a quotation or a cited document in brackets ends (a colon ends none: a value follows it)
SENTENCE_ENDS = ("。", "！", "？", "；", "」", "』", "）", ")")
# how a letter's text ends: a sentence's end, not a bracket's (「檢送「…計畫」」 may wrap before 「1份」)
TEXT_ENDS = ("。", "！", "？", "；", "。」", "。）", "。)")
CLAUSES = ("，", "；")  # a line holding a clause is a sentence's, cut short or wrapped: the letter's text
# a colon opening a value this long is a field's or a run-in heading's of the letter (「提案四：有關休閒農場…」), not a
# footer's short row (「總瀏覽人數：1234567」, 「服務時間：週一至週五 8:30-17:30」)
LONG_VALUE = re.compile(r"[:：]\s*\S.{19,}")
HEAD_SPAN = 12  # a post's header rows stand this near over the letter's title line
QUESTION_MAX = 12  # a question this short under the letter is the site's to its reader, not a 函釋's 問
MENU_MAX = 8  # a menu's caption (「主選單」, 「關於我們」) or a site's section heading is this short
MENU_WORD = re.compile(r"[A-Za-z][A-Za-z .&'-]{0,20}|[\u4e00-\u9fff]{1,%d}" % MENU_MAX)
# a site's short row of a field and its value over the post (「字級：小 中 大」, 「發布時間：2024/01/05 10:30」)
SITE_ROW = re.compile(r"(?P<label>[^\s:：，。]{1,8})\s*[:：]\s*(?P<value>[^，。；]{1,24})")
SETTING_WORDS = ("級", "類")  # a site row's label naming a setting or a category (字級, 分類), its value words
# a row dated in Gregorian years (「網頁更新日期：2024-09-11」, 「發布時間：2024/01/05 10:30」): a site's, whatever its label
# (a letter dates itself in 民國 years)
GREGORIAN_DATE = r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
GREGORIAN_ROW = re.compile(rf"[^:：\n]{{1,12}}[:：]\s*{GREGORIAN_DATE}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?")
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")  # a page's link alone on its line (its source post's)
PERSON = re.compile(r"[\u4e00-\u9fff○〇Ｏ]{2,4}")  # a person's name alone on its line
AGENCY_NAME = re.compile(r"[\u4e00-\u9fff]{2,20}")  # an agency's name alone on its line, spaces closed


def is_letter_line(line: str) -> bool:
    """Given a clean line, return whether it can be a line of the letter after its last sentence: one that ends a
    sentence, opens an item, names an attachment (「附表一」), holds a label (but an address, phone, fax or e-mail: a
    letter prints those in its head, a site in its footer; nor a row dated in Gregorian years), is a table's row, a date,
    a 發文字號, a 署名 (a deputy's
    代行 too), a head's title, an agency's name (a letter signed by the agency: 「國 防 部」) or a title line (not a site's
    row naming the post's category: 「分類:教導處公告」)."""
    text = line.strip()
    if len(text) <= QUESTION_MAX and text.endswith(("？", "?")):
        return False  # a site's short question to its reader (「看完了嗎？」, 「這則訊息對您有幫助嗎？」)
    if GREGORIAN_ROW.fullmatch(text) or is_bracketed_contact(text) or is_site_row(text):
        return False  # (a post's contact in brackets: 「(新聞發佈人：○○○ 災害應變中心 2989119#242)」; 「分類:教導處公告」)
    return bool(ends_sentence(text) or ANY_MARKER.match(text) or holds_letter_label(text, "not_site_label")
                or text.startswith(attachment_words()) or "\t" in line or whole_date(text) or DISPATCH_RE.search(text)
                or as_signature(text) or is_title(text) or word_at_end_pattern("deputy").search(text)
                or is_agency_name(text) or title_match(text))


BRACKET_NOTE = re.compile(r"[（(][^（()）]*[）)]$")  # a bracket closing a line
SENTENCE_MARKS = "，。；、：,;:"


def ends_sentence(text: str) -> bool:
    """Given a clean line, return whether it ends a sentence: with its mark, or with a closing bracket after words
    holding a clause's mark, or one whose note names an attachment (「…檢附名冊（如附件）」) — a site's link caption
    ending in a note (「輔導信箱 5366@….tw(我想聊聊)」) ends none."""
    if not text.endswith(SENTENCE_ENDS):
        return False
    note = BRACKET_NOTE.search(text)
    return not note or any(c in text[:note.start()] for c in SENTENCE_MARKS) or "附" in note.group() or (
        note.start() == 0 or not text[:note.start()].strip())


@cache
def attachment_words() -> tuple[str, ...]:
    """Return the words a line naming what the letter sends with it opens with (doc_types.toml attachment_line: 附,
    「附表一」, 「附修正「○○細則」第八條」)."""
    return tuple({w for name in doc_type_table()["types"] if (w := doc_type(name).attachment_line)})


def is_agency_name(line: str) -> bool:
    """Given a clean line, return whether it is wholly an agency's name (spaces between its characters or not)."""
    bare = re.sub(r"\s", "", line)
    return bool(AGENCY_NAME.fullmatch(bare)) and bare.endswith(tuple(vocabulary()["agency_suffixes"]["endings"]))


def is_text_end(line: str) -> bool:
    """Given a clean line, return whether a letter's text may end with it: it ends a sentence (a closing bracket alone
    does not: a wrapped 主旨 may go on after 「…計畫」」), or is a 署名, a date, a
    document's citation or number, or an agency's name (not a label's line nor an item's: a value or a wrapped line
    may follow those)."""
    return bool(line.endswith(TEXT_ENDS) or as_signature(line) or word_at_end_pattern("deputy").search(line)
                or whole_date(line) or DISPATCH_RE.search(line) and not holds_letter_label(line) or is_agency_name(line))


ADDRESSEE = re.compile(r"[\u4e00-\u9fff（）()]{2,24}")  # an addressee's name under 「此致」: Chinese, brackets at most


def is_addressee_line(line: str) -> bool:
    """Given a line under 「此致」, return whether it is wholly an addressee's name (「各公私立大專校院」, 「本部高等教育司」):
    Chinese characters, no punctuation, not a salutation (敬禮; vocabulary.toml [addressing])."""
    text = line.strip()
    return bool(ADDRESSEE.fullmatch(text)) and text not in vocabulary()["addressing"]["salutations"]


def addressee_span(lines: list[str], stops=lambda line: False) -> tuple[int, int] | None:
    """Given lines (and what ends the names early), return (the 「此致」 line, the line after the addressees under it, a
    name a line), or None when no line is wholly 「此致」."""
    word = vocabulary()["addressing"]["closing"]
    closing = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip() == word), None)
    if closing is None:
        return None
    end = closing + 1
    while end < len(lines) and is_addressee_line(lines[end]) and not stops(lines[end].strip()):
        end += 1
    return closing, end


def addressees_end(lines: list[str], start: int) -> int:
    """Given a page's lines and where its tail would start, return where it starts after the addressees a 「此致」
    line closes the text with, a name a line: they are the letter's."""
    span = addressee_span(lines)
    return max(start, span[1]) if span else start


def cut_page_tail(text: str) -> tuple[str, list[str]]:
    """Given a letter's clean text, return it without the lines after its last sentence (or its 署名, or its 正本 /
    副本 list) when none of them is a letter's line (is_letter_line) nor holds a clause or a long value after a colon
    (a site's address row may), and those lines: a letter's sentence never ends without punctuation, so what follows
    its end unpunctuated and unlabelled is the page's; (text, []) when there are none or the text before them ends no
    sentence (a wrapped line of the letter's last paragraph, a label's colon) nor a list they could go on (a line of
    names 、-joined or an agency's name)."""
    lines = text.split("\n")
    start = len(lines)
    while start > 0 and (not is_letter_line(lines[start - 1]) or file_caption(lines, start - 1)) and not (
            start > 1 and PERSON.fullmatch(lines[start - 1].strip()) and is_title(lines[start - 2].strip())):
        start -= 1  # (a name alone under a head's title is the 署名's: 「主任委員」 over 「古○○」)
    start = addressees_end(lines, start)
    if start in (0, len(lines)):
        return text, []
    last = lines[start - 1].strip()
    tail = [line for line in lines[start:] if line.strip()]
    ends = is_text_end(last) or copy_list().match(last) and not last.endswith(("、", "，", ",")) and not any(
        continues_list(line) for line in tail)
    if (not ends or any((LONG_VALUE.search(line) or any(c in line for c in CLAUSES))
                                     and not is_contact_row(line) for line in tail)
            or split_rendering(text)[1]):  # a bilingual notice's English after its text: the letter's stage reads it
        return text, []
    return "\n".join(lines[:start]), tail


def file_caption(lines: list[str], at: int) -> bool:
    """Given a letter's lines and the place of its last line, return whether that line is wholly title-shaped (no item:
    「三、檢附教育部令」 is the letter's) and stands under a sentence's end (「…學習廉政倫理相關課程。」 over 「國教署函」):
    a post's caption of the letter's file, since a title line opens a document."""
    above = [line.strip() for line in lines[:at] if line.strip()]
    line = lines[at].strip()
    found = title_match(line)
    return (at == len(lines) - 1 and bool(above) and above[-1].endswith(TEXT_ENDS) and bool(found)
            and found[0].start() == 0 and not ANY_MARKER.match(line) and not is_agency_name(line)
            and not as_signature(line))


WRAP_TAIL_MAX = 2  # a line this short under a list is the end of its last name, wrapped
LIST_NOTE_END = re.compile(r"[（(][^（()）]*附件[^（()）]*[）)]$")  # a list's note on an entry's attachments: 「(含附件)」


@cache
def copy_list() -> re.Pattern:
    """Return the pattern of a line opening with the 正本 or 副本 label."""
    labels = [v for k in ("cc_main", "cc_copy") for v in vocabulary()["labels"][k]]
    return re.compile(rf"^[ \t]*(?:{'|'.join(map(re.escape, labels))})[ \t]*[:：]")


def continues_list(line: str) -> bool:
    """Given a line under a 正本 / 副本 list, return whether it can go on with it: names joined by 、, an agency's name,
    a note in brackets (「(含附件)」) opening or ending it, or the last name's end wrapped (「科」 under 「…本局國小教育」) —
    never a line holding a sentence's clause outside brackets (an attachment's text: 「…要點 一、本會為落實…，協助…」)."""
    text = line.strip()
    if any(c in re.sub(r"[（(][^（()）]*[）)]", "", text) for c in "，。；"):
        return False
    return ("、" in text or is_agency_name(text) or text.startswith(("(", "（")) or len(text) <= WRAP_TAIL_MAX
            or bool(LIST_NOTE_END.search(text)))


def is_menu_line(line: str) -> bool:
    """Given a clean line, return whether it is a caption of the site's menu over the letter, not a line a letter
    opens with: a word or a few characters without punctuation (「主選單」, 「關於我們」, 「Home」) that are no 文別 (「公告」),
    no agency's or unit's name, no title, label, date or number."""
    text = line.strip()
    return bool(MENU_WORD.fullmatch(text)) and not is_letter_line(text) and not is_unit_name(text) and not (
        text.endswith(tuple(doc_type_table()["types"])))


NAV_CAPTION = re.compile(r"[^\s，。；：:,;]{1,8}")  # a link's caption in a site's row of links
NAV_BRACKETS = "〈〉<>《》«»‹›[]［］（）() \t"


def is_nav_row(line: str) -> bool:
    """Given a clean line, return whether it is a site's row of links over the letter: two or more short captions
    without punctuation set apart by bars (「〈 上一篇 | 下一篇 〉」, 「列印 | 分享 | 回上頁」)."""
    parts = [part.strip(NAV_BRACKETS) for part in re.split(r"[|｜]", line.strip())]
    return len(parts) >= 2 and all(NAV_CAPTION.fullmatch(part) for part in parts)


def cut_page_head(text: str) -> tuple[str, list[str]]:
    """Given a letter's clean text, return it without the page's lines it opens with, and those: menu captions, rows
    of links, a web address alone and the site's short field rows (is_menu_line, is_nav_row, is_site_row); a menu's
    caption that reads as a body label (「公告事項」) over the letter's title line or 主旨, or as a 文別 alone (「公告」)
    among other captions; the site's banner, an agency's name on the first line over such a line; and what stands
    over a board's relay headline over the letter's paragraph — a letter opens with its title, a label of its own
    or its text."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) - 1 and (is_page_line(lines, start) or start == 0 and is_agency_name(lines[0])
                                      and is_page_line(lines, 1)):
        start += 1
    relay = relay_over_paragraph(lines[start:start + HEAD_SPAN])
    if relay and not any(map(holds_head_or_clause, lines[start:start + relay])):
        start += relay  # a board's relay headline over the letter's paragraph: what stands above it is the site's
    return "\n".join(lines[start:]), lines[:start]


def holds_head_or_clause(line: str) -> bool:
    """Given a line over a relay headline, return whether it can be the letter's: a clause of a sentence (「，」 or
    「；」), a letter's label, a title line (「代花蓮縣政府公告」) or half of one (an agency's name, a 文別 alone), a 發文字號
    or a date."""
    return bool(any(c in line for c in CLAUSES) or holds_letter_label(line) or title_match(line)
                or DISPATCH_RE.search(line) or whole_date(line.strip()) or is_agency_name(line)
                or line.strip() in doc_type_table()["types"])


def is_page_line(lines: list[str], at: int) -> bool:
    """Given a page's lines and a place among the lines it opens with, return whether that line is the page's."""
    line = lines[at]
    return bool(is_menu_line(line) or is_nav_row(line) or is_site_row(line) or is_post_row(line)
                or WEB_ADDRESS.fullmatch(line.strip())
                or office_heading().fullmatch(line)
                or heading_label_pattern().fullmatch(line.rstrip(" \t:：")) and head_below(lines, at)
                or at and line.strip() in doc_type_table()["types"] and not is_agency_name(lines[at - 1]))


POST_ROW_FIELD = re.compile(r"[^\s:：]{1,6}[:：]\s*\S+")


def is_post_row(line: str) -> bool:
    """Given a clean line, return whether it is a post's row of fields set side by side with its Gregorian date
    (「單位：學務處  發佈人：王大明  日期：2024-03-05」): two or more short fields, a date of the post among them."""
    fields = POST_ROW_FIELD.findall(line)
    return len(fields) >= 2 and bool(re.search(GREGORIAN_DATE, line)) and not any(
        c in line for c in "，。；")


def head_below(lines: list[str], at: int) -> bool:
    """Given a page's lines and a place, return whether a title line (issuer and 文別) or the 主旨 label, which the
    手冊 sets before every other body label, stands among the lines after it."""
    return any(title_match(line) or subject_label().match(line) for line in lines[at + 1:at + 1 + HEAD_SPAN])


@cache
def subject_label() -> re.Pattern:
    """Return the pattern of a line opening with the 主旨 label."""
    return re.compile(rf"^[ \t]*(?:{'|'.join(map(re.escape, vocabulary()['labels']['subject']))})[ \t]*[:：]")


def is_site_row(line: str) -> bool:
    """Given a clean line, return whether it is a site's short field row (a field name no letter uses, a colon, a
    short value without a Chinese word — 「發布時間：2024/01/05 10:30」 — or a setting's or category's, 「字級：小 中 大」,
    「分類：教務處」), not a letter's label nor a meeting post's 「時間：5月1日下午2時」 or a salutation."""
    row = SITE_ROW.fullmatch(line.strip())
    return bool(row) and not holds_letter_label(line) and (
        not IDEOGRAPH.search(row.group("value")) or row.group("label").endswith(SETTING_WORDS))


WRAP_SLACK = 4  # how much wider (in half-width units) a line may be than the wrapped line before it


def width(line: str) -> int:
    """Given a line, return its width in half-width units (a Chinese character or full-width mark counts two)."""
    text = line.strip()
    return len(text) + sum(1 for ch in text if ord(ch) >= 0x2E80)


def width_paragraphs(lines: list[str]) -> list[list[str]]:
    """Given lines without item markers, return them as paragraphs: a line narrower than the line after it ends its
    own (a wrapped line was full before the text went on to the next; a page's heading, a post's time or poster over
    the 主旨 never is)."""
    paragraphs: list[list[str]] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if not paragraphs or width(lines[i - 1]) + WRAP_SLACK < width(line) or lines[i - 1].rstrip().endswith("。"):
            paragraphs.append([])
        paragraphs[-1].append(line)
    return paragraphs
