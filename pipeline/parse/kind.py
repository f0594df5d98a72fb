"""Tell a letter, a plan and a division table apart by content, and split a bundle's attachments.

A bundle is a letter followed by its attachments (the seed text, a merged PDF).
After the letter's own blocks (``split_letter``), an attachment starts at a line
naming one of the letter's 附件 titles (also over two lines), or at a page break
followed by a plan's or table's title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.blocks import PAGE_BREAK, TABLE, Block, block_text
from pipeline.parse.clean import widen_characters
from pipeline.parse.clean_blocks import CleanBlock, clean_text, normalise_blocks, raw_lines
from pipeline.parse.division import blocks_to_cell_rows, is_division_title, is_header_row, is_unit_name
from pipeline.parse.dates import whole_date
from pipeline.parse.dispatch import DISPATCH_RE, whole_dispatch_no
from pipeline.parse.doc_types import ISSUER_TYPE, all_body_keys, evidence_keys, role, type_names, types_by_form
from pipeline.parse.header_shapes import citation_header, holds_own_head
from pipeline.parse.items import ANY_MARKER
from pipeline.parse.labels import NOTICE_HEADLINE, announcing_sentence, find_labels
from pipeline.parse.publisher_notes import labels_regex
from pipeline.parse.publisher_table import publisher_table
from pipeline.parse.relay_headline import POST_DATE, asks_recipients, relay_headline_pattern, relay_over_paragraph
from pipeline.parse.signature import closes_text
from pipeline.parse.plan import blocks_to_lines, is_title_word_line, split_marker
from pipeline.parse.title_line import find_title, office_heading, signing_agency
from pipeline.parse.titles import (SAME_TITLE, document_word, is_attachment_label, is_title_line, keys_similarity,
                                   title_key, title_similarity)
from pipeline.vocabulary import expectation_phrases, vocabulary

LETTER, PLAN, DIVISION = "letter", "plan", "division"
HEAD_BLOCKS = 8  # a plan's or table's title stands among its first lines
LETTER_HEAD_BLOCKS = 80  # a letter's 發文字號 and 主旨 stand on its first page
REPEATED = 0.95  # similarity of a title repeated at the top of the next page
BULLET = re.compile(r"^\s*(?:[•●▪・◆■]\s*|-[ \t]+)")  # a web list's bullet before a line's text (「• 」, 「- 」)


@dataclass
class AttachmentRun:
    """The blocks of one attached document in a bundle, and the 附件 title it matched."""
    heading: str  # the line (or two lines) that opened it
    title_index: int | None = None  # index into the letter's attachments, when its title matched
    blocks: list[Block] = field(default_factory=list)


def head_lines(blocks: list[Block], limit: int = HEAD_BLOCKS) -> list[str]:
    """Given blocks, return the text lines of the first ``limit`` text blocks, their characters widened (a Kangxi
    radical a PDF's font gave for 一 read as 一, so 「⼀、」 is item 一's marker)."""
    return [widen_characters(block_text(b), spaces=False) for b in blocks
            if b.kind not in (PAGE_BREAK, TABLE) and b.text.strip()][:limit]


def head_clean_lines(blocks: list[CleanBlock]) -> list[str]:
    """Given normalised blocks, return the clean lines of the first HEAD_BLOCKS blocks that have any (page furniture,
    a 裝訂線 glyph on a line of its own, takes no place among them)."""
    return [line for b in [b for b in blocks if b.clean][:HEAD_BLOCKS] for line in b.clean.split("\n")]


def first_page(blocks: list[CleanBlock]) -> list[CleanBlock]:
    """Given normalised blocks, return those of the first page that hold text (at most LETTER_HEAD_BLOCKS: a print's
    binding column of dots, a line each, leaves blocks with none)."""
    page = []
    for block in blocks:
        if block.kind == PAGE_BREAK or len(page) == LETTER_HEAD_BLOCKS:
            break
        if block.clean:
            page.append(block)
    return page


def first_page_text(blocks: list[CleanBlock]) -> str:
    """Given normalised blocks, return the clean text of the first page."""
    return clean_text(first_page(blocks))


def is_letter(blocks: list[CleanBlock]) -> bool:
    """Given normalised blocks, return whether they open with a letter of some 文別: a 發文字號 label or a label
    that opens a body (主旨, 開會事由) on the first page."""
    openers = tuple(k for k in all_body_keys() if role(k) == "subject")
    return bool(find_labels(first_page_text(blocks), ("dispatch_no", *openers)))


def opens_with_letter_head(blocks: list[CleanBlock]) -> bool:
    """Given normalised blocks, return whether their first lines hold a title line (「環境部令」) and a line that is
    wholly a date, a 發文字號 or a citation-form header: a 令 or 公告 as a gazette prints it, without labels."""
    lines = head_clean_lines(blocks)
    return bool(find_title("\n".join(lines))[0]) and any(
        citation_header(line) or whole_date(line) or whole_dispatch_no(line) for line in lines)


def own_head_at(lines: list[str]) -> int | None:
    """Given a page's first lines, return the index of the last line of the document's own head by its shape: a line
    wholly a date and a 發文字號 (「中華民國110年9月2日勞動發能字第…號」), or a date line over a 發文字號 line; else None."""
    for i, line in enumerate(lines):
        if (head := citation_header(line)) is not None and head.dispatch_no is not None:
            return i
        if whole_date(line) and i + 1 < len(lines) and whole_dispatch_no(lines[i + 1]):
            return i + 1
    return None


def signed_under_own_head(blocks: list[CleanBlock]) -> bool:
    """Given normalised blocks, return whether their first lines are the document's own date and 發文字號 over text
    that a head's 署名 closes before any numbered item: a 令 printed without its title line (a web reprint, a gazette's
    static page), what follows the 署名 its attachment (the plan it issues), not a plan."""
    lines = [line for line in first_page_text(blocks).split("\n") if line.strip()]
    head = own_head_at(lines[:HEAD_BLOCKS])
    return head is not None and closes_text(lines[head + 1:])


@cache
def grounds_pattern() -> re.Pattern:
    """Return the pattern of a 說明's first item stating what the letter rests on: 一、, an opener (依據, 復), the
    grounds and a closer (辦理, 函) at the sentence's end or before a comma."""
    words = vocabulary()["expectations"]
    openers = "|".join(map(re.escape, sorted(words["grounds_openers"], key=len, reverse=True)))
    closers = "|".join(map(re.escape, sorted(words["grounds_closers"], key=len, reverse=True)))
    return re.compile(rf"^一[、．.]\s*(?:{openers})\S[^。]{{0,160}}(?:{closers})(?:。?$|[，,])")


def opens_with_grounds(line: str) -> bool:
    """Given a line, return whether it is a 說明's first item stating what the letter rests on (「一、依據中央流行疫情
    指揮中心109年11月18日指示辦理。」, 「一、復貴局…函。」, 「一、依據本校…會議決議，…」: the 手冊's 引述語)."""
    return bool(grounds_pattern().match(line.strip()))


def bulleted_grounds(blocks: list[CleanBlock]) -> bool:
    """Given normalised blocks, return whether a line of their first page is a list bullet over the grounds a 說明's
    first item states (「• 依據…會議結論辦理。」, 「- 依據…函辦理。」) on a page asking the recipients (「請學校…」, 「請各校…」)
    or, where the grounds name a letter (函), by a deadline (「請於…前…」): a site's bulleted
    list took the place of the 說明's 一、 二、 三、 (cleaning drops the bullet, so the extracted lines are read); a news
    post's bullets ask nobody."""
    lines = [line for block in first_page(blocks) for line in raw_lines(block).split("\n")]
    words = vocabulary()["expectations"]
    grounds = [line for line in lines if (bullet := BULLET.match(line)) and opens_with_grounds("一、" + line[bullet.end():])]
    on_letter = any("函" in line for line in grounds)  # grounds naming a letter: asking by a deadline is a relay's too
    requests = words["recipient_requests"] + words["bulleted_requests"] + (words["deadline_requests"] if on_letter else [])
    return bool(grounds) and any(w in line for line in lines for w in requests)


def rests_on_a_letter(text: str) -> bool:
    """Given text, return whether its first numbered item states the letter it rests on by its 發文字號 (「一、依據…農糧北
    產字第1121101006號函辦理。」): a 說明 relaying a letter, not a plan's section."""
    return any(opens_with_grounds(line) and DISPATCH_RE.search(line) for line in text.split("\n"))


ITEM_HEAD = re.compile(r"(?:^|(?<=[\s。；;]))[一二三四五六七八九十]{1,3}[、．.]\s*(?P<head>[\u4e00-\u9fff]{2,8})\s*[:：]", re.M)


def names_meeting_items(text: str) -> bool:
    """Given text, return whether its numbered items are headed by a meeting's time and place (「二、時間：…」
    「三、地點：…」, 「二、開會時間及地點：」), items standing on their lines or run together on one."""
    table = vocabulary()["meeting_items"]
    heads = {m.group("head") for m in ITEM_HEAD.finditer(text)}
    return bool(heads & set(table["both"])) or bool(heads & set(table["time"]) and heads & set(table["place"]))


ITEM_OPENING = re.compile(r"^[ \t]*[一二三四五六七八九十]{1,3}[、．.][ \t]*(?P<words>[\u4e00-\u9fff]{2,6})", re.M)


# an article of a statute the notice rests on (「依警察職權行使法第21條…」): an authority's control, not a race's or a
# building's notice of the same shape
STATUTE_ARTICLE = re.compile(r"[\u4e00-\u9fff]{2,20}(?:法|條例|規則|辦法|細則)第[\d一二三四五六七八九十百]+條")


def names_control_items(text: str) -> bool:
    """Given text, return whether its numbered items open with the time and the area an agency's notice controls
    (「一、管制時間:…」 「二、管制範圍如圖…」, vocabulary.toml [meeting_items] control_time, control_place) and which cites a
    statute's article it rests on: an authority's control or works notice's 公告事項 posted without its head."""
    table = vocabulary()["meeting_items"]
    openings = [m.group("words") for m in ITEM_OPENING.finditer(text)]
    return (any(w.startswith(tuple(table["control_time"])) for w in openings)
            and any(w.startswith(tuple(table["control_place"])) for w in openings)
            and bool(STATUTE_ARTICLE.search(text)))


FIRST_ITEM = re.compile(r"^(?:一[、．.]|1[.．、](?!\d)[ \t]*)\S", re.M)  # item 一 (or 1., as a relaying post numbers them)


def requests_of_recipients(text: str) -> bool:
    """Given text, return whether a sentence before its first numbered item asks something of the letter's
    recipients (「…請各校儘速加強各項防範整備工作。」 over 「一、…」) or asks in the words only 公文 use in a sentence
    its 。 closes (「…，敬請踴躍提出申請。」: vocabulary.toml `item_requests`; an ad's 「…敬請把握機會！」 is none), or
    closes the lead with a clause that asks (「詳如附件，請師生踴躍參與。」: `lead_requests`) or that sets out the items as
    a 公文's 說明 (「…，說明如下：」: `explaining_leads`): a relayed 主旨 and its 說明, or an office's call over its items."""
    first = FIRST_ITEM.search(text)
    lead = text[:first.start()] if first else ""
    asks = vocabulary()["expectations"]
    closing = re.split("[，,]", lead.strip().split("\n")[-1])[-1].strip()
    return (any(p in lead for p in asks["recipient_requests"]) or closing.startswith(tuple(asks["lead_requests"]))
            or closing.rstrip("：:") in asks["explaining_leads"]
            or any(line.rstrip().endswith("。") and asks_in_letter_words(line) for line in lead.split("\n")))


def asks_in_letter_words(text: str) -> bool:
    """Given text, return whether it asks in the words only a 公文 asks with (vocabulary.toml `item_requests`: 爰請,
    敬請), a courtesy phrase holding them aside (「敬請期待」: `courtesy_phrases`)."""
    asks = vocabulary()["expectations"]
    for phrase in asks["courtesy_phrases"]:
        text = text.replace(phrase, "")
    return any(w in text for w in asks["item_requests"])


def relays_letter(text: str) -> bool:
    """Given text, return whether a line before its first numbered item is a headline passing a letter on (「轉知：歡迎
    全體在校僑生…」, 「轉國教署宣導…」 over 「一、…」), or such a headline stands right over a paragraph of the letter's
    text (relay_headline.relay_over_paragraph): a school board's post of a relayed letter's items or of its text."""
    first = FIRST_ITEM.search(text)
    if first and any(relay_headline_pattern().match(line) for line in text[:first.start()].split("\n")):
        return True
    return relay_over_paragraph(text.split("\n")) is not None


@cache
def sending_words() -> tuple[str, ...]:
    """Return the words a 公文 sends with of two characters or more (檢送, 檢附, 隨函附: vocabulary.toml [attachments])."""
    return tuple(w for w in vocabulary()["attachments"]["sending_words"] if len(w) > 1)


# (a site may write the 一、 marker with a full stop, 「一.本府原訂…，因故延期…。」)
# (or alone on its line over the item's text, 「一、」 over 「同學出席典禮應…，…。」)
NUMBERED_SENTENCE = re.compile(r"^[ \t]*(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2}(?=[.．、](?!\d)))[、.．]"
                               r"(?P<clauses>(?:[ \t]*\n)?[^\n？?]*，)?", re.M)

# the grounds a 說明's first item states by a law's article (「依「兵役法施行法」第48條及「…辦法」第4條規定，…」)
GROUNDS_IN_LAW = re.compile(r"(?:依據|依照|根據|依)「[^」\n]{2,40}」[^，。\n]{0,40}規定[，,]")


def numbered_sentences(text: str) -> bool:
    """Given text, return whether it sets out items numbered 一、 二、 (or 一. 二.) at lines' starts, both sentences of
    clauses (「一、外交部為…，本年恢復辦理…」 「二、本計畫即日起…，歡迎…」), or numbered 1. 2. so, the first stating the
    grounds a 說明's first item states (「1.依「兵役法施行法」第48條…規定，…」; not 「1.依序點選…」): a relayed letter's
    說明, or an office's notice, posted alone (a public advisory's short items, 「一、儲備飲水。」, a FAQ's questions, 「一.如何申請借用
    場地？請於…，…」, and a how-to's steps, 「1.開啟網頁，…」, are none)."""
    found = [m for m in NUMBERED_SENTENCE.finditer(text)][:2]
    if not all(m.group("clauses") for m in found):
        return False
    numbers = [m.group("n") for m in found]
    first_line = text[found[0].end("n") + 1:].split("\n", 1)[0].lstrip() if found else ""
    return numbers == ["一", "二"] or numbers == ["1", "2"] and (
        opens_with_grounds("一、" + first_line) or bool(GROUNDS_IN_LAW.match(first_line)))


@cache
def grounds_words() -> tuple[str, ...]:
    """Return the grounds a 公文 states its text on, of two characters or more (依據, 根據: vocabulary.toml
    `grounds_openers`; 依 alone opens too many sentences)."""
    return tuple(w for w in vocabulary()["expectations"]["grounds_openers"] if len(w) > 1)


def grounds_then_request(line: str) -> bool:
    """Given a line, return whether it opens with the grounds a letter states or a relay word and goes on to ask (「依據
    行政院環境保護署空氣品質網預報…，請隨時注意…」, 「轉知客家委員會…，請協助轄內民眾踴躍報名，…」: vocabulary.toml
    `grounds_openers` of two characters or more, `letter_relay_openers`; a board's posting date glued before it or
    not, 「20170908轉知…1份，請參閱。」), or with a one-character grounds word (依) and goes on to ask the recipients by
    name or by a deadline (「依中央氣象局…顯示，…，請各校做好相關整備工作。」): a relayed letter's text posted as one
    paragraph."""
    openers = grounds_words() + tuple(vocabulary()["expectations"]["letter_relay_openers"])
    line = POST_DATE.sub("", line).lstrip()
    if line.startswith(openers) and re.search(r"[，,]\s*(?:並|爰)?請", line):
        return True
    asking = tuple(vocabulary()["expectations"]["asking_grounds"])
    return line.startswith(asking) and bool(asks_recipients().search(line))


def asks_in_item(line: str) -> bool:
    """Given a line, return whether it opens a numbered item (「一、」, 「1.」) holding a request in the words only a
    公文 asks with (vocabulary.toml `item_requests`: 爰請, 惠請; or of its recipients, `recipient_requests`: 請各校), or
    opening with the words a 公文 sends with (「二、檢送…」): a relayed 說明 posted without its labels."""
    asks = vocabulary()["expectations"]
    marker = ANY_MARKER.match(line.lstrip())
    return bool(marker) and (asks_in_letter_words(line) or any(w in line for w in asks["recipient_requests"])
                             or line.lstrip()[marker.end():].lstrip().startswith(sending_words()))


def announces_over_items(text: str) -> bool:
    """Given text, return whether a line before its first numbered item is a 公告's 主旨 (「公告調整公司登記組…事宜。」
    over 「一、調整前：」): an agency's notice posted without its head."""
    first = FIRST_ITEM.search(text)
    return bool(first) and any(announcing_sentence().match(line) for line in text[:first.start()].split("\n"))


ADDRESSEE_GAP = "[ \t\u3000]?"  # 挪抬: the space a letter may leave before the honorific 貴 (「請 貴校填報」)


@cache
def addressee_request_pattern() -> re.Pattern:
    """Return the pattern of a request to the addressee by 貴 and its agency's kind (請貴單位, 請 貴校, 請貴所: the
    requests of the vocabulary and every 稱謂 of [honorifics], or the name's ending a 稱謂 stands for: 請貴公所)."""
    vocab = vocabulary()
    words = {r[2:] for r in vocab["expectations"]["recipient_requests"] if r.startswith("請貴")}
    words |= {word for ending, kind in vocab["honorifics"]["endings"] for word in (ending, kind)}
    return re.compile(rf"請{ADDRESSEE_GAP}貴(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})")


def asks_addressee(text: str) -> bool:
    """Given text, return whether it asks its addressee something by the honorific 貴 (「請貴單位惠予協助…」, 「請 貴校
    填報…」, 「請貴所協助本局…」): the 手冊's 稱謂 for whom a letter is sent to, so such a request anywhere in a text makes
    it a letter's part; a plan or a note names no addressee."""
    return bool(addressee_request_pattern().search(text))


def is_part_of_letter(blocks: list[CleanBlock]) -> bool:
    """Given normalised blocks, return whether their first page holds part of a letter: a title line (「○○部 函」),
    a label only letters carry (受文者, 說明, 公告事項 …), a 發文字號 (「…字第…號」), a 期望語 (請查照), a word that points
    back at the 主旨 (旨揭, 旨述), a 說明's first item stating its grounds (「一、依據…辦理。」), a request of the
    recipients before numbered items (「請各校…。」 over 「一、…」), a request of the addressee by 貴 anywhere (「請貴單位…」),
    a line that holds the document's own head by its shape (「財政廳52/11/05財稅一第47863號令」, 「總統令中華民國95 7 3」),
    items headed by a meeting's time and place (a hearing's notice set out as items) or opening with the time and
    area a notice controls (「一、管制時間:…」 「二、管制範圍…」), a 說明's first item stating its grounds behind a
    list's bullet (「• 依據…辦理。」), a publisher's label over a
    letter's text (「公告內容:」), a numbered item asking in the words only 公文 use (「爰請提醒民眾…」), a headline
    passing a letter on over numbered items (「轉知：…」), items 一、 二、 of sentences at lines' starts, a paragraph
    opening with its grounds or a relay word that goes on to ask (「依據…，請…」, 「轉知…，請…」), a 公告's 主旨 over
    numbered items (「公告調整…事宜。」), an office's heading naming its notice over numbered items (「人事室公告」), or a
    headline ending with 公告 over a paragraph opening with its grounds (「…開放公告!!!!」 over 「依據…，本處…」) or over
    items headed by a 公告's part (「一、公告事由：…」), or sentences in the official register (in_official_register)."""
    text = first_page_text(blocks)
    phrases = expectation_phrases() | set(vocabulary()["expectations"]["subject_pointers"])
    lines = text.split("\n")
    return bool(find_title(text)[0] or find_labels(text, evidence_keys()) or DISPATCH_RE.search(text)
                or any(map(opens_with_text_label, lines))
                or any(p in text for p in phrases) or any(map(holds_own_head, lines))
                or any(map(opens_with_grounds, lines)) or names_meeting_items(text) or names_control_items(text)
                or requests_of_recipients(text)
                or asks_addressee(text) or signed_by_agency(lines) or any(map(asks_in_item, lines))
                or relays_letter(text) or numbered_sentences(text) or any(map(grounds_then_request, lines))
                or announces_over_items(text) or office_notice(text) or notice_on_grounds(lines)
                or bulleted_grounds(blocks) or notice_over_headed_items(text) or in_official_register(text))


REGISTER_MIN = 3  # distinct words of the official register (vocabulary.toml [register]) a letter's text uses at least
ASKING = re.compile(r"(?<![申邀聘])請")  # a request (請, 敬請), not a word holding 請 (申請, 邀請, 聘請)


def in_official_register(text: str) -> bool:
    """Given a page's text, return whether its sentences (one closed by 。 at least) ask something (請, not 申請) and use
    REGISTER_MIN words or more of the official register, one of them a word only official writing uses (「本處…辦理…，
    請轄內用戶配合儲水」, 「如對本件行政處分不服，請依…訴願…向本館遞送」): an agency's or a school's notice posted as
    prose, part of a letter; a news story (「本校榮獲…」 over 「依據…評選結果辦理。」: it asks nobody), a shop's notice
    (「本公司…如下，請於…辦理…，敬請見諒」: no word only official writing uses) or an advisory's short items are none."""
    register = vocabulary()["register"]
    own = sum(word in text for word in register["words"])
    return ("。" in text and bool(ASKING.search(text)) and own >= 1
            and own + sum(word in text for word in register["shared"]) >= REGISTER_MIN)


def notice_on_grounds(lines: list[str]) -> bool:
    """Given a page's lines, return whether a headline ending with 公告 (「金管處戶外公共場域延長停止對外開放公告!!!!」) stands
    over a paragraph that opens with the grounds a 公文 states (「依據中央流行疫情指揮中心公告…，本處…」): an agency's
    notice posted on its site, part of a letter."""
    openers = grounds_words()
    text_lines = [line.strip() for line in lines if line.strip()]
    return any(NOTICE_HEADLINE.fullmatch(line) and any(later.startswith(openers) and "，" in later
                                                       for later in text_lines[i + 1:i + 4])
               for i, line in enumerate(text_lines))


def notice_over_headed_items(text: str) -> bool:
    """Given text, return whether a headline ending with 公告 (「請隨手關窗關門維持最適溫度公告」) stands before numbered
    items one of which is headed by a 公告's part (「一、 公告事由：…」: vocabulary.toml `notice_item_heads`): an
    office's own notice posted on its site, part of a letter."""
    first = FIRST_ITEM.search(text)
    heads = {m.group("head") for m in ITEM_HEAD.finditer(text)}
    return (bool(first) and bool(heads & set(vocabulary()["expectations"]["notice_item_heads"]))
            and any(NOTICE_HEADLINE.fullmatch(line.strip()) for line in text[:first.start()].split("\n")))


def office_notice(text: str) -> bool:
    """Given text, return whether an office's heading naming its notice (「人事室公告」, a school site's board heading,
    which names no issuer) stands over numbered items: the office's notice to its staff, part of a letter."""
    m = office_heading().search(text)
    return bool(m) and any(ANY_MARKER.match(line.lstrip()) for line in text[m.end():].split("\n"))


@cache
def text_label_pattern() -> re.Pattern:
    """Return the pattern of a publisher's label over a letter's text that only a page publishing one prints
    (publishers.toml [text] evidence: 全文內容, 公告內容), at a line's start before its colon."""
    return re.compile(rf"[ \t]*[【\[]?(?:{labels_regex(publisher_table()['text']['evidence'])})[】\]]?[ \t]*[:：]")


def opens_with_text_label(line: str) -> bool:
    """Given a line, return whether it opens with a publisher's label over a letter's text (「公告內容:」)."""
    return bool(text_label_pattern().match(line))


def signed_by_agency(lines: list[str]) -> bool:
    """Given a page's lines, return whether numbered items (「一、…」) are closed by a line that is wholly an agency's
    name (「經濟部台灣自來水公司第三區管理處」): a notice its agency signs by name, as the 手冊 has an agency's 署名 for
    what it issues without a head's name (a 公告 or notice set out as items, printed without its title line)."""
    return signing_agency(lines) is not None


def headed_by_own_citation(blocks: list[CleanBlock]) -> bool:
    """Given normalised blocks, return whether a line of their head is wholly a citation-form header that names a
    文別 (「中華民國94年5月12日行政院農業委員會農授漁字第0941330985號公告」): a published document's own head (records.md
    「Headers by shape」), so the list's name a site sets over it (「…作業規定列為減船對象漁船名單」) names no plan."""
    return any((head := citation_header(line)) is not None and head.doc_type is not None
               for line in head_clean_lines(blocks))


def title_kind(blocks: list[Block]) -> str | None:
    """Given blocks, return the kind their title names: plan (計畫, 要點 …) or division (分工表 …), or None. A title
    heads the text: a line after a numbered item is no title (a site's link under a post: 「…計畫相關公告彙整表」); a
    line holding a 發文字號 reports on a document (「…課程計畫已於…府教課字第…號通過備查」, a site's pinned post)."""
    for line in head_lines(blocks):
        if split_marker(line)[0] is not None:
            return None
        if is_title_line(line) and not DISPATCH_RE.search(line) and (word := document_word(line)):
            return DIVISION if word in vocabulary()["division"]["title_words"] else PLAN
    return None


def has_unit_rows(blocks: list[Block]) -> bool:
    """Given blocks, return whether they hold a unit → duty table: a 單位 | 工作項目 header, or mostly unit rows."""
    rows = [r.cells for r in blocks_to_cell_rows(blocks) if len([c for c in r.cells if c.strip()]) >= 2]
    if any(is_header_row(cells) for cells in rows[:3]):
        return True
    names = type_names(ISSUER_TYPE)  # (a unit over a 文別 alone, 「教育部 函」, is a title line or a file's caption, no duty)
    unit_rows = [cells for cells in rows if (is_unit_name(cells[0]) or len(cells) > 2 and is_unit_name(cells[1]))
                 and "".join(cells[1:]).strip() not in names]
    return len(unit_rows) >= 2 and len(unit_rows) * 2 >= len(rows)


def section_levels(blocks: list[Block]) -> list[int]:
    """Given blocks, return the levels of their 壹、 and 一、 section lines (0 and 1)."""
    return [line.level for line in blocks_to_lines(blocks) if line.level in (0, 1)]


def points_at_subject(text: str) -> bool:
    """Given text, return whether it points back at a 主旨 (旨揭, 旨述: vocabulary.toml `subject_pointers`), a word only
    a letter's text holds: a plan has no 主旨."""
    return any(word in text for word in vocabulary()["expectations"]["subject_pointers"])


def blocks_to_kind(blocks: list[Block]) -> str | None:
    """Given a document's blocks, return what it is: letter, plan or division (None when none of them).

    A letter's labels (or its title line over a date-and-number line, or a date-and-number line over text a 署名
    closes) decide first; then the kind the title names (計畫 or 分工表, the word nearest
    its end), unless a plan's name heads text that asks its addressee by 貴, rests on a letter, holds a 文別's own form
    (a 令's 「修正「…」…。附修正「…」」 issuing it) or points back at a 主旨 by 旨揭 in items that ask the recipients (a
    letter relaying the plan); then the
    structure: unit → duty rows, or at least two 壹、 sections."""
    blocks = normalise_blocks(blocks)
    if is_letter(blocks) or opens_with_letter_head(blocks) or signed_under_own_head(blocks):
        return LETTER
    named = title_kind(blocks)
    if named == PLAN and asks_addressee(first_page_text(blocks)):
        return LETTER  # a relayed letter's items under the plan's name it sends (「…實施計畫」 over 「四、請貴單位…」)
    if named == PLAN and headed_by_own_citation(blocks):
        return LETTER  # a 公告's own citation-form head under the name a site gives the page
    if named == PLAN and rests_on_a_letter(first_page_text(blocks)):
        return LETTER  # a relay under the plan's name it sends: 「一、依據…農糧北產字第…號函辦理。」
    text = first_page_text(blocks)
    if named == PLAN and any(form.search(text) for _, form in types_by_form()):
        return LETTER  # an order issuing the plan's 要點 reposted with it: 「修正「…要點」…。」 over 「附修正「…」」
    if named == PLAN and points_at_subject(text) and any(map(asks_in_item, text.split("\n"))):
        return LETTER  # a relay's items under the plan's name they point back at, asking: 「…宣導旨揭補助計畫」, 「二、請各校…」
    if named == DIVISION or named == PLAN and section_levels(blocks):
        return named
    if has_unit_rows(blocks):
        return DIVISION
    if section_levels(blocks).count(0) >= 2:
        return PLAN
    return None


def _text_lines(blocks: list[CleanBlock], start: int, count: int) -> list[tuple[int, str]]:
    """Given normalised blocks, return up to ``count`` (index, clean text) of text blocks from ``start``, stopping
    at a table, at page furniture and at a page break after the first (a heading never runs over them)."""
    out = []
    for i in range(start, len(blocks)):
        furniture = blocks[i].text.strip() and not blocks[i].clean
        if blocks[i].kind == TABLE or len(out) == count or (blocks[i].kind == PAGE_BREAK or furniture) and out:
            break
        if blocks[i].clean:
            out.append((i, blocks[i].clean))
    return out


def title_keys(titles: list[str | None]) -> list[str]:
    """Given a letter's 附件 titles, return their comparison keys (title_key; "" for a title not given), made once a
    parse for every heading compared with them."""
    return [title_key(title) if title else "" for title in titles]


def match_title(lines: list[str], keys: list[str]) -> tuple[int | None, float, str]:
    """Given a line and the line after it and the 附件 titles' keys (title_key; "" for none), return the best matching
    title's index, its score and the heading (a score below SAME_TITLE, which names no 附件, may be given as 0)."""
    best: tuple[int | None, float, str] = (None, 0.0, lines[0] if lines else "")
    candidates = [lines[:1], lines[:2]] if len(lines) > 1 and is_title_line(lines[1]) else [lines[:1]]
    for candidate in candidates:
        heading = "\n".join(candidate)
        heading_key = title_key(heading)
        for index, key in enumerate(keys):
            score = keys_similarity(heading_key, key, SAME_TITLE) if key else 0.0
            if score > best[1]:
                best = (index, score, heading)
    return best


def heading_at(blocks: list[CleanBlock], i: int, keys: list[str], after_break: bool,
               current: AttachmentRun | None) -> AttachmentRun | None:
    """Given blocks, a position and the 附件 titles' keys, return the attachment run that starts there, or None."""
    lines = [text for _, text in _text_lines(blocks, i, 3)]
    if not lines or blocks[i].kind == TABLE or not blocks[i].clean:  # page furniture opens nothing
        return None
    if is_attachment_label(lines[0]):  # 「附件二」 on its own line above the title
        lines = lines[1:] or lines
    if not is_title_line(lines[0]) or split_marker(lines[0])[0] is not None:
        return None
    index, score, heading = match_title(lines[:2], keys)
    if score >= SAME_TITLE:  # names a 附件: a new attachment, unless it is the current one's
        return None if current and current.title_index == index else AttachmentRun(heading, index)
    two = "\n".join(lines[:2]) if len(lines) > 1 and is_title_line(lines[1]) else lines[0]
    if current and max(title_similarity(lines[0], current.heading, REPEATED),
                       title_similarity(two, current.heading, REPEATED)) >= REPEATED:
        return None  # the current attachment's title repeated on its next page
    if after_break and (is_title_word_line(two) or is_division_title(two)):
        return AttachmentRun(two)
    return None


def split_attachments(blocks: list[Block], titles: list[str | None]) -> list[AttachmentRun]:
    """Given the blocks after a letter and its 附件 titles, return one run of blocks per attached document."""
    blocks = normalise_blocks(blocks)
    runs: list[AttachmentRun] = []
    after_break = True
    keys = title_keys(titles)
    for i, block in enumerate(blocks):
        if block.kind == PAGE_BREAK:
            after_break = True
        elif block.kind == TABLE or block.text.strip():
            run = heading_at(blocks, i, keys, after_break, runs[-1] if runs else None)
            if run is not None:
                runs.append(run)
            elif not runs:
                runs.append(AttachmentRun(block_text(block)))
            after_break = False
        if runs:
            runs[-1].blocks.append(block)
    return [run for run in runs if any(b.clean for b in normalise_blocks(run.blocks))]


def find_attachment_start(blocks: list[Block], titles: list[str | None]) -> int | None:
    """Given a letter's blocks with no page footer to end it, return where a titled attachment starts after 正本/副本."""
    if not any(titles):
        return None
    blocks = normalise_blocks(blocks)
    cc = [i for i, b in enumerate(blocks) if find_labels(b.clean, ("cc_main", "cc_copy"))]
    if not cc:
        return None
    keys = title_keys(titles)
    for i in range(cc[-1] + 1, len(blocks)):
        lines = [text for _, text in _text_lines(blocks, i, 2)]
        if not lines or not is_title_line(lines[0]) or split_marker(lines[0])[0] is not None:
            continue
        if match_title(lines, keys)[1] >= SAME_TITLE:
            return i - 1 if i > 0 and is_attachment_label(block_text(blocks[i - 1])) else i
    return None
