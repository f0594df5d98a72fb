"""Find a letter's labelled fields (主旨：, 發文字號：, …) wherever they stand in cleaned text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.parse.clean import WHITESPACE
from pipeline.parse.doc_types import bare_label_keys, body_keys, doc_type_table, header_keys, role, types_by_marks
from pipeline.parse.items import ANY_MARKER, LEVEL, MARKERS, find_markers, number_of
from pipeline.parse.publisher_table import publisher_table
from pipeline.parse.recipients import mark_spaced_entries
from pipeline.parse.signature import as_signature, is_title
from pipeline.vocabulary import expectation_phrases, vocabulary


@dataclass
class Field:
    """A labelled field: its key, the label as written, and its raw value text."""
    key: str
    label: str
    value: str
    start: int  # where the label starts in the text


WRAPPED_LABEL_MIN = 4  # a label this long may be wrapped over two lines in a PDF's narrow column (「電子信」 / 「箱：」)


# a space of any width inside a label, not a line break: written as a negated class, which compiles in a tenth of the
# time a class holding U+3000 takes (every label of the vocabulary is compiled with it, at each process's start)
LABEL_SPACE = r"[^\S\n]"


def label_regex(variant: str) -> str:
    """Given a label (「主旨」), return a pattern that also takes inner spaces (主 旨, 主　　旨) and, in a label of
    WRAPPED_LABEL_MIN characters or more, one line break (「電子信\n箱」)."""
    gap = rf"{LABEL_SPACE}*(?:\n{LABEL_SPACE}*)?" if len(variant) >= WRAPPED_LABEL_MIN else rf"{LABEL_SPACE}*"
    return gap.join(map(re.escape, variant))


# where a label only some 文別 have counts: a line's start, or a sentence's end in text a publisher ran together on
# one line (「…惠示卓見。依據：…。公告事項：一、…」)
# one line, or after a character no label word holds where the label ends its line over its first item (「…聯絡資訊：農
# 04-8520149公告事項：」 over 「一、…」, a page that ran a post's fields and the document onto one line)
LINE_START = (r"(?:(?<![^\n])|(?<=。)|(?<=[^\u4e00-\u9fff\n])(?=[\u4e00-\u9fff]{3,6}[ \t]*[:：][ \t]*\n[ \t]*一[、．.]))"
              r"[ \t]*")
CJK_BEFORE = re.compile(r"[\u3400-\u9fff]")  # a Chinese character just before a label a line break splits


# a label right after an opening quotation mark is quoted (a post's headline 「轉知「主旨：…。」」), not the letter's own,
# and one right after 如 or 以下 points at what follows (「…手冊如以下附件：」), a sentence's words
IN_SENTENCE = "(?<![，,「『如下])"
AFTER_NAME = "(?<![，,「『])"  # (a contact row's label after a name: 「陳怡如電話：」)
# a section's name right after 如 / 見 / 下列 is the 公文用語 pointing at that section (「詳如說明：」, 「詳見說明」, 「如主旨」,
# 「配合下列說明：」), not its label: a bulletin's lead sentence ends so before the items it introduces; right after an
# opening bracket it heads a note inside the text (「…查閱上級通報（建議：10:00、15:00）；…」)
POINTED_AT = "(?<![如見列「『（(])"


def bare_label_context(key: str, head: set[str], after_names: set[str]) -> str:
    """Given a bare label's key, the header's keys and those that follow a name, return what may not stand before it."""
    return (AFTER_NAME if key in after_names else IN_SENTENCE) if key in head else POINTED_AT


def label_number(key: str) -> str:
    """Given a label key, return the pattern of the number its label may carry before the colon (「附件二：」,
    「附件 一:」: the attachment's number, no part of its title), or "" for a label that carries none."""
    table = vocabulary()["attachments"]
    return rf"(?:{LABEL_SPACE}*{table['label_number']})?" if key in table["numbered_labels"] else ""


@cache
def label_pattern(keys: tuple[str, ...]) -> re.Pattern:
    """Given label keys, return one pattern finding any of their labels followed by a colon (a label that only
    some 文別 have: at a line's start)."""
    labels, bare = vocabulary()["labels"], bare_label_keys()
    variants = sorted(((v, k) for k in keys for v in labels[k]), key=lambda vk: len(vk[0]), reverse=True)
    # the labels of the other 文別 (依據, 備註 …) also end ordinary words (修正依據：): they count at a line's start
    # or after a sentence's end
    # a header label after a comma is part of a sentence quoting it (「依據市府來函：111年3月8日，發文字號：…」)
    head, after_names = set(header_keys()), set(doc_type_table()["bare"]["after_names"])
    groups = "|".join(f"{bare_label_context(k, head, after_names) if k in bare else LINE_START}"
                      f"(?P<{k}_{i}>{label_regex(v)}{label_number(k)})" for i, (v, k) in enumerate(variants))
    first = "".join(sorted({re.escape(v[0]) for v, _ in variants}))  # every branch opens so: tried only there
    return re.compile(rf"(?=[ \t]*[{first}])(?:{groups})[ \t]*[:：]")


@cache
def bare_label_pattern() -> re.Pattern:
    """Return the pattern of a label that opens a line without its colon (「主旨 檢送…」, 「說明」 alone) or with
    a semicolon OCR read for it (「主旨;」)."""
    labels, table = vocabulary()["labels"], vocabulary()["attachments"]
    variants = sorted({v for k in bare_label_keys() for v in labels[k]}, key=len, reverse=True)
    numbered = {v for k in table["numbered_labels"] for v in labels[k]}
    # a numbered label (「附件 一:」) is one with its colon, not a bare 附件 before the text 「一:」
    unnumbered = rf"(?![ \t\u3000]*{table['label_number']}[ \t\u3000]*[:：])"
    labels = "|".join(label_regex(v) + (unnumbered if v in numbered else "") for v in variants)
    return re.compile(rf"^(?P<label>[ \t\u3000]*(?:{labels}))(?:[ \t\u3000]*[;；]|(?=[ \t\u3000]+[^ \t\u3000:：]|[ \t\u3000]*$))",
                      re.M)


@cache
def heading_label_pattern() -> re.Pattern:
    """Return the pattern of a line that is wholly a body label of another 文別 without its colon (「公告依據」,
    「公告事項」, 「備註」 alone), or a label only a page publishing a letter prints over its text (「公告內容」 alone,
    publishers.toml [text] evidence; not 「內容」, a word of any page): a site prints its fields as headings, each
    value on the lines below."""
    labels, skip = vocabulary()["labels"], set(bare_label_keys()) | {"full_text", "appended"}
    variants = sorted({v for k in doc_type_table()["evidence"]["labels"] + ["remarks"] if k not in skip
                       for v in labels[k]} | set(publisher_table()["text"]["evidence"]), key=len, reverse=True)
    return re.compile(rf"^(?P<label>[ \t\u3000]*(?:{'|'.join(label_regex(v) for v in variants)}))[ \t\u3000]*$", re.M)


@cache
def glyph_before_label_pattern() -> re.Pattern:
    """Return the pattern of a binding-line glyph standing in the margin before a label: 「訂 說明：」."""
    variants = sorted({v for vs in vocabulary()["labels"].values() for v in vs}, key=len, reverse=True)
    labels = "|".join(label_regex(v) for v in variants)
    return re.compile(rf"^[ \t\u3000]*[裝訂線][ \t\u3000]+(?=(?:{labels})[ \t\u3000]*[:：]?)", re.M)


@cache
def split_label_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """Return the pattern of a label whose first character stands alone on the line above (「檔」 / 「號：」),
    and the label of each of its groups."""
    variants = sorted({v for vs in vocabulary()["labels"].values() for v in vs if len(v) > 1}, key=len, reverse=True)
    sp = r"[ \t\u3000]*"
    groups = {f"l{i}": v for i, v in enumerate(variants)}
    alternatives = "|".join(f"(?P<{g}>{re.escape(v[0])}{sp}\n{sp}{label_regex(v[1:])})" for g, v in groups.items())
    first = "".join(sorted({re.escape(v[0]) for v in variants}))  # a line of one such character: tried only there
    return re.compile(rf"^{sp}(?=[{first}]{sp}\n)(?:{alternatives})(?={sp}[:：])", re.M), groups


@cache
def bracketed_label_pattern() -> re.Pattern:
    """Return the pattern of a label a law database sets in brackets (「【發文字號】」, 「[主旨]：」)."""
    variants = sorted({v for vs in vocabulary()["labels"].values() for v in vs}, key=len, reverse=True)
    labels = "|".join(label_regex(v) for v in variants)
    return re.compile(rf"[【\[][ \t\u3000]*(?P<label>{labels})[ \t\u3000]*[】\]][ \t\u3000]*[:：]?")


@cache
def two_character_labels() -> frozenset[str]:
    """Return the labels of two characters (主旨, 說明, 正本 …)."""
    return frozenset(v for vs in vocabulary()["labels"].values() for v in vs if len(v) == 2)


@cache
def spaced_label_pattern() -> re.Pattern:
    """Return the pattern of two characters padded apart before a colon, as a printout pads a two-character label to
    the width of a four-character one (「主    旨：」, 「說    明：」 set beside 「公告事項：」), wherever it stands on a
    line; close_spaced_label keeps only labels."""
    pairs = two_character_labels()
    first, second = ("".join(sorted({re.escape(v[k]) for v in pairs})) for k in (0, 1))
    return re.compile(rf"[{first}][ \t\u3000]{{2,}}[{second}](?=[ \t]*[:：])")


def close_spaced_label(m: re.Match) -> str:
    """Given a match of spaced_label_pattern, return it closed up when it is a label (one label, not two columns),
    else as it was."""
    closed = m.group(0)[0] + m.group(0)[-1]
    return closed if closed in two_character_labels() else m.group(0)


# a line of single Chinese characters set apart by spaces is one letter-spaced word: 「澎   湖   縣   政   府    函」
# (two characters too, a post row's label alone on its line: 「類      別」)
LETTER_SPACED = re.compile(r"^[ \t]*[\u4e00-\u9fff](?:[ \t\u3000]{2,}[\u4e00-\u9fff])+[ \t]*$", re.M)
COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")  # layout text: columns of one row kept apart by runs of spaces
MARKER_ONLY = re.compile(r"[ \t]*[一二三四五六七八九十]{1,3}、")  # an item's marker alone before such a gap


def split_columns(text: str) -> str:
    """Given extracted lines, return them with the columns of a layout row on lines of their own — not the gap a board
    leaves after an item's marker at a line's start (「一、     因應…」: the item's text)."""
    def gap(m: re.Match) -> str:
        return " " if MARKER_ONLY.fullmatch(text[text.rfind("\n", 0, m.start()) + 1:m.start()]) else "\n"
    return COLUMN_GAP.sub(gap, text)

# a head's two-character title letter-spaced before the name (「總   統 李登輝」, 「局   長 王○○」): one word, no columns
SPACED_TITLE = re.compile(r"^(?P<lead>[ \t]*)(?P<a>[\u4e00-\u9fff])[ \t\u3000]{2,}(?P<b>[\u4e00-\u9fff])(?=[ \t\u3000]|$)",
                          re.M)


@cache
def issuer_before_label_pattern() -> re.Pattern:
    """Return the pattern of a line opening with an agency's name written right before a label (「經濟部智慧財產局
    令函日期:」, vocabulary.toml [issuer_before_label])."""
    labels = "|".join(map(re.escape, vocabulary()["issuer_before_label"]["labels"]))
    endings = "|".join(map(re.escape, vocabulary()["agency_suffixes"]["endings"]))
    return re.compile(rf"^(?P<issuer>[\u4e00-\u9fff]{{1,30}}(?:{endings}))(?P<label>{labels})(?=[ \t]*[:：])", re.M)


@cache
def copies_pattern() -> re.Pattern:
    """Return the pattern of a 正本 or 副本 label and the rest of its line up to the next one (a flattened page runs
    副本 into the line of 正本: 「…各縣市政府副本 : 內政部 外交部」)."""
    labels = "|".join(label_regex(v) for k in ("cc_main", "cc_copy") for v in vocabulary()["labels"][k])
    return re.compile(rf"(?P<label>(?:{labels})[ \t]*[:：])(?P<value>(?:(?!(?:{labels})[ \t]*[:：])[^\n])*)")


@cache
def spaced_section_label_pattern() -> re.Pattern:
    """Return the pattern of the space before a section label of any 文別 and its colon inside a line (「…第28條 公告事項：
    一、…」, 「…辦理。 擬辦：…」): a page that ran the document onto one line, the label opening a part of its own."""
    return space_before_labels([k for k in body_keys() if role(k) == "section"], "")


def space_before_labels(keys: list[str], after: str, spaces: str = "+") -> re.Pattern:
    """Given label keys, the marks besides Chinese text, 。，；, closing brackets (an e-mail address a site hid:
    「[email protected]」) and digits that may stand before the space (「：」 too where a notice's empty field runs
    on) and how many spaces there are (「*」: none too), return the pattern of the space inside a line before any of
    their labels of two characters or more and its colon (not right after an item's marker: 「一、 說明」)."""
    variants = sorted({v for k in keys for v in vocabulary()["labels"][k] if len(v) >= 2}, key=len, reverse=True)
    return re.compile(rf"(?<=[\u4e00-\u9fff。，；）)」\]】\d{after}])(?<![一二三四五六七八九十]、)(?<!\d\.)[ \t\u3000]{spaces}"
                      rf"(?=(?:{'|'.join(label_regex(v) for v in variants)})[ \t]*[:：])")


# a 文別 whose mark labels (開會事由, 開會時間 …) are in a text at least this many times, each once, has its own labels run
# onto one line opening parts of their own
RUN_ON_MARKS_MIN = 2


@cache
def run_on_type_labels() -> tuple[tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern], ...]:
    """Return, for each 文別 with two or more mark labels, the pattern of its name, of those marks, of the space
    before any of its body labels inside a line (「…開會通知單 … 附件： 開會事由：… 開會時間：…」: a notice run onto one
    line; not 附件, whose label the head has too) and of the point before a mark label run onto the value before it
    without a space (「開會時間:…下午230開會地點:…」)."""
    labels, out = vocabulary()["labels"], []
    for name, marks in types_by_marks():
        if len(marks) < RUN_ON_MARKS_MIN:
            continue
        own = [k for k in doc_type_table()["types"][name]["body"] if role(k) != "attachment"]
        mark = "|".join(label_regex(v) for k in marks for v in labels[k])
        out.append((re.compile(label_regex(name)), re.compile(rf"(?P<mark>{mark})[ \t]*[:：]"),
                    space_before_labels(own, "：:"), space_before_labels(list(marks), "", "*")))
    return tuple(out)


def split_run_on_type_labels(text: str) -> str:
    """Given extracted lines, return them with the labels of a 文別 that names itself and whose mark labels are there
    (「開會通知單」 and two of 開會事由, 開會時間, 開會地點) each opening a line of its own where a space sets it apart inside
    a line, its mark labels also where none does; a 函's item naming a meeting's time and place (「一、開會時間：…
    開會地點：…」) stays whole."""
    for name, marks, spaced, unspaced in run_on_type_labels():
        if name.search(text) and len({WHITESPACE.sub("", m["mark"]) for m in marks.finditer(text)}) >= RUN_ON_MARKS_MIN:
            text = unspaced.sub("\n", spaced.sub("\n", text))
    return text


def mend_line_labels(text: str) -> str:
    """Given extracted lines (before normalising), return them with their labels readable: a padded two-character
    label closed up (「容: 主    旨:」), a head's spaced title closed up (「總   統」), columns of layout text on lines of
    their own, a binding-line glyph before a label dropped, a label out of a database's brackets
    (【發文字號】 → 發文字號：), a section label set apart by a space inside a line on a line of its own, and a colon
    after each label that opens a line without one."""
    text = bracketed_label_pattern().sub(lambda m: m.group("label") + "：", text)
    text = copies_pattern().sub(lambda m: m.group("label") + mark_spaced_entries(m.group("value")), text)
    text = issuer_before_label_pattern().sub(lambda m: f"發文機關：{m.group('issuer')}\n{m.group('label')}", text)
    text = split_run_on_type_labels(mend_spaced_layout(text))
    text = glyph_before_label_pattern().sub("", text)
    text = heading_label_pattern().sub(lambda m: m.group("label") + "：", text)
    return bare_label_pattern().sub(lambda m: m.group("label") + "：", text)


LAYOUT_SPACE = re.compile(r"[ \t\u3000]")  # what every pattern of mend_spaced_layout needs


def mend_spaced_layout(text: str) -> str:
    """Given extracted lines, return them with a letter-spaced word, a head's spaced title and a padded label closed
    up, columns of layout text on lines of their own and a section label set apart by a space inside a line on a
    line of its own (text without a space, which each of them needs, as it is)."""
    if not LAYOUT_SPACE.search(text):
        return text
    text = LETTER_SPACED.sub(lambda m: WHITESPACE.sub("", m.group(0)), text)
    text = SPACED_TITLE.sub(lambda m: m["lead"] + m["a"] + m["b"] if is_title(m["a"] + m["b"]) else m.group(0), text)
    text = spaced_label_pattern().sub(close_spaced_label, text)
    text = split_columns(text)
    return spaced_section_label_pattern().sub("\n", text)


def join_split_labels(text: str) -> str:
    """Given lines, return them with a label split over two lines rejoined (「檔」/「號：」)."""
    pattern, groups = split_label_pattern()
    return pattern.sub(lambda m: groups[m.lastgroup], text)


def find_labels(text: str, keys: tuple[str, ...]) -> list[tuple[str, str, int, int]]:
    """Given text and label keys, return (key, label, label start, value start) of every label found."""
    found, at = [], 0
    if not keys:
        return found
    pattern = label_pattern(keys)
    while m := pattern.search(text, at):
        start = m.start(m.lastgroup)
        if "\n" in m.group(m.lastgroup) and start and CJK_BEFORE.match(text, start - 1):
            at = start + 1  # a word ending a line over a label (「相關公告」 over 「日期：」), not one label a line cut
            continue
        found.append((m.lastgroup.rsplit("_", 1)[0], WHITESPACE.sub("", m.group(m.lastgroup)), m.start(), m.end()))
        at = m.end()
    return found


NOISE_TAIL = re.compile(r"(?:\s+['\"`.,·:;~^*_\-]+|['\"`]+)\s*$")


CELL_BAR_HEAD = re.compile(r"^[ \t]*[|｜][ \t]*\n?")  # a flattened table's cell bar between a label and its value


def strip_noise(value: str) -> str:
    """Given a raw value, return it without surrounding space, a flattened table's cell bar opening it (「主旨: |」 over
    the value) and the OCR specks left before the next label."""
    return CELL_BAR_HEAD.sub("", NOISE_TAIL.sub("", value)).strip(" \t\n")


def in_item(text: str, at: int) -> bool:
    """Given text and a position, return whether the line holding it opens with an item's marker (「1. 依據市府來函：
    …，發文字號：…」): a label there belongs to a cited letter, not to the document's own header."""
    start = text.rfind("\n", 0, at) + 1
    return bool(ANY_MARKER.match(text[start:at].lstrip()))


def first_item_start(text: str) -> int:
    """Given a letter's text without body labels, return where the line opening its item 一 (「一、」) starts, len(text)
    when none does: the 手冊's header stands before the body, so under it a header label is an item's words."""
    first = next((m for m in find_markers(text) if m.line_start and m.kind == "cn" and m.number == 1), None)
    return text.rfind("\n", 0, first.start) + 1 if first else len(text)


ITEM_TEXT_ENDS = ("。", "！", "？", "。」", "。）", "。)")  # how an item's sentence ends on a line


WRAPPED_MID_SENTENCE = re.compile(r"[\u4e00-\u9fff，,、（(]$")  # a line a fixed width cut inside a sentence ends so


def continues_item(text: str, opened: int, at: int) -> bool:
    """Given text, where item 一's line starts and a position, return whether the position's line goes on with an
    item's text: below item 一, a line under an item's line that ends no sentence (a fixed-width wrap: 「…教授收(地址:
    …70-1」, 「…陳美玲小姐,」 over 「聯絡電話:…」, a bracket left open: 「…小姐(聯絡電話:02-8512-」) — not a line under a
    sentence's end, a web address or a number, a blank line or a line of the page's own (a post's 「承辦單位:」
    「連絡電話:」 rows under the items, an agency's name signing them)."""
    line_start = text.rfind("\n", 0, at) + 1
    if line_start <= opened:
        return False
    going_on, last = False, ""
    for line in text[opened:line_start - 1].split("\n"):
        going_on = bool(line.strip()) and (bool(ANY_MARKER.match(line.lstrip())) or going_on) and not (
            line.rstrip().endswith(ITEM_TEXT_ENDS)) and not label_pattern(header_keys()).match(line.lstrip())
        last = line.rstrip()  # (a line opening with a head label, 「承辦人：…」, is a row: the item ended above it)
    return going_on and bool(WRAPPED_MID_SENTENCE.search(last) or leaves_bracket_open(last))


def leaves_bracket_open(line: str) -> bool:
    """Given a line, return whether it opens a bracket it does not close (「…○○○小姐(聯絡電話:02-8512-」: the note goes
    on under it, its labels with it)."""
    return line.count("(") + line.count("（") > line.count(")") + line.count("）")


def signed_before(text: str, position: int) -> bool:
    """Given text and a position in it, return whether a line before it is a 署名: a database's 「內容」 heading opens
    a letter's text, so after the 署名 「內容」 is the attachment's own (a table's column head)."""
    return any(as_signature(line.strip()) for line in text[:position].split("\n"))


def header_between(text: str, start: int, end: int, body_keys: tuple[str, ...]) -> bool:
    """Given text, a span and the 文別's body label keys, return whether a label of the header alone stands in it
    outside an item: a headline repeating the 主旨 stands over the letter's own header, but a contact in an item's
    text (「（地址：…，電話：…）」 in 公告事項) is no header, nor is 「附件」 where the body has it (the attachment
    printed after the body), so a second 主旨 after them opens the letter a gazette prints after the document."""
    labels = vocabulary()["labels"]
    body_labels = {v for k in body_keys for v in labels[k]}
    return any(not in_item(text, start + at) and label not in body_labels
               for _, label, at, _ in find_labels(text[start:end], header_keys()))


# what may stand between an item's marker and a label word in the item's own heading (「2、辦法說明：」, 「四、報名及住宿
# 安排說明：」): a word of up to HEADING_WORD_MAX Chinese characters, no punctuation (a clause before a label is text's)
HEADING_WORD_MAX = 12
HEADING_WORD = re.compile(rf"(?P<marker>.*?)(?P<word>[\u4e00-\u9fff]{{0,{HEADING_WORD_MAX}}})")


# an item's marker and heading word before a label, inside a line that runs items together after a space or a
# sentence's end (「…逾時恕不受理。 (九) 獎勵辦法：」)
RUN_IN_HEADING = re.compile(rf"(?<=[ \t。；])(?:{ANY_MARKER.pattern})[ \t]*[\u4e00-\u9fff]{{1,{HEADING_WORD_MAX}}}$")


NOTICE_HEADLINE = re.compile(r"[\u4e00-\u9fff「」（）()、]{4,}公告[!！]*")  # a post's headline naming its 文別


@cache
def announcing_sentence() -> re.Pattern:
    """Return the pattern of a line that is one sentence opening with a verb a 公告's 主旨 opens with (vocabulary.toml
    `announcing_verbs`: 「公告調整…分工事宜。」), then a Chinese word or a name it quotes (not a label or a field:
    「公告：」, 「公告日期」)."""
    verbs = "|".join(map(re.escape, vocabulary()["expectations"]["announcing_verbs"]))
    return re.compile(rf"^[ \t]*(?:{verbs})[\u4e00-\u9fff「][^。\n]{{4,}}。[ \t]*$")


@cache
def expectation_endings() -> tuple[str, ...]:
    """Return the 期望語 without their 請 (查照, 鑒核 …): a word ending so before a label is a run-together letter's
    sentence (「…請查照說明：」), no heading."""
    return tuple({p.removeprefix("請") for p in expectation_phrases()})


def item_heading(text: str, at: int, since: int) -> bool:
    """Given text, where a body label starts and where the value of the body field before it starts, return whether
    the label ends a word of an item's heading (「(一)填表說明：…」, 「2、辦法說明：…」), of a clause (「…，分區管制
    說明：」: 說明 and 辦法 only) or of a line's own heading (「獎勵辦法：…」 among an item's lines, an item above it in the
    field; a 期望語 before it ends a sentence, a 文別 a title line, and 「補充說明：」 under the 主旨 is a label) or stands
    right after the marker of an item that continues that field's items (「三、…」, then 「四、說明：…」 in a 公告事項):
    the item's own heading word, not a label (the 手冊's labels open a paragraph, never an item)."""
    line_start = text.rfind("\n", 0, at) + 1
    if RUN_IN_HEADING.search(text, line_start, at):  # items run together on one line: 「… (九) 獎勵辦法：…」
        return True
    heading = HEADING_WORD.fullmatch(text[line_start:at].strip())
    if not heading.group("marker"):  # a line's own heading word before the label's (「獎勵辦法：」 under an item)
        return ends_a_word(heading.group("word")) and any(m.line_start for m in find_markers(text[since:line_start]))
    marker = ANY_MARKER.fullmatch(heading.group("marker"))
    if not marker:  # a clause's last word before a label that also ends words (「…，分區管制說明：」): its end
        return text.startswith(word_ending_labels(), at) and ends_a_word(heading.group("word"))
    if heading.group("word"):  # a word of the item's own before the label's (「(一)填表說明：」): never a part's label
        return True
    number = number_of(marker.lastgroup, MARKERS[LEVEL[marker.lastgroup]][1].match(marker.group()).group("n"))
    before = [m.number for m in find_markers(text[since:line_start]) if m.kind == marker.lastgroup and m.line_start]
    return bool(number and before) and before[-1] == number - 1


@cache
def word_ending_labels() -> tuple[str, ...]:
    """Return the labels that also end ordinary words (doc_types.toml [bare] word_endings: 說明, 辦法)."""
    return tuple(v for k in doc_type_table()["bare"]["word_endings"] for v in vocabulary()["labels"][k])


def ends_a_word(word: str) -> bool:
    """Given the Chinese word right before a label on its line, return whether the label is that word's end (「分區管制
    說明：」): a word that ends no sentence with a 期望語 (「…請查照說明：」) nor a title line with its 文別."""
    return bool(word) and not word.endswith(expectation_endings() + tuple(doc_type_table()["types"]))


WRAPPED_MIN = 12  # a line that wrapped onto the next is this long at least (an agenda's 「六、散會」 is no wrap)
WRAP_WORDS = ("事項",)  # a label that is also the word ending a phrase it may wrap from (下列事項, 轉系事項)


def wraps_onto(text: str, at: int) -> bool:
    """Given text and where a label repeating the open field's, or one of WRAP_WORDS, starts, return whether it opens
    a line under an item's line that ends no sentence nor clause and was long enough to wrap (「一、…申請108學年度第1
    學期轉」 over 「事項：」, 「二、…應確實檢核下列」 over 「事項：」): the item's words wrapped, not a label."""
    line_start = text.rfind("\n", 0, at) + 1
    above = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1:line_start].strip()
    return opens_line(text, at) and bool(ANY_MARKER.match(above)) and len(above) >= WRAPPED_MIN and not above.endswith(
        ("。", "：", ":", "；", ";", "，", ",", "」", "）", ")"))


def attached_text_labels(labels: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Given a letter's labels in order, return them without a database's text label (全文內容) after an 附件 printed
    after the body: a law database prints the letter the 附件 names under it, its own 全文內容 included (that
    letter's text, the attachment's, not a second body of the letter)."""
    after = next((i for i, lab in enumerate(labels) if lab[0] == "appended"), len(labels))
    return labels[:after] + [lab for lab in labels[after:] if lab[0] != "full_text"]


# an item's marker (or the empty brackets of one whose number a web page lost) and a word of its heading before a label
HEADED_ITEM = re.compile(rf"(?:{ANY_MARKER.pattern}|[(（][)）])[ \t]*[\u4e00-\u9fff]{{1,{HEADING_WORD_MAX}}}$")


HEADING_LINE_MIN = 4  # a heading's words before its last word, a label's (「…志工召募作業說明：」), are this long at least


def is_heading_line(text: str, at: int, end: int) -> bool:
    """Given text and where a label starts and its value starts, return whether the label ends a heading line: words
    of a phrase before it on its line (no colon, no sentence's end, no 期望語 nor 文別 ending them) and nothing after its
    colon (「114年度頭份市公所老人文康中心志工召募作業說明：」 over the items it heads)."""
    before = text[text.rfind("\n", 0, at) + 1:at].strip()
    after = text[end:text.find("\n", end) % (len(text) + 1)].strip()
    return (len(before) >= HEADING_LINE_MIN and not after and not re.search(r"[:：。！？；，,]", before)
            and not ANY_MARKER.match(before) and not before.endswith(
                expectation_endings() + tuple(doc_type_table()["types"])))


def is_item_heading(text: str, at: int) -> bool:
    """Given text and where a label starts, return whether an item's marker and heading word stand before it on its
    line (「(一)活動主旨：…」 in a relayed plan's items): the item's heading, never the letter's own label — unless the
    word ends a sentence's 期望語 or is a 文別 (「1.公告 主旨：」, a title line), as item_heading has it."""
    before = text[text.rfind("\n", 0, at) + 1:at].strip()
    return bool(HEADED_ITEM.fullmatch(before)) and not before.endswith(
        expectation_endings() + tuple(doc_type_table()["types"]))


def split_fields(text: str, body_keys: tuple[str, ...]) -> tuple[str, list[Field], list[Field]]:
    """Given a letter's cleaned text and its 文別's body label keys, return the text before its first label, its
    header fields (up to the first label that opens the body: 主旨, 開會事由; without one, its first body label)
    and its body fields, in order."""
    body = [lab for lab in find_labels(text, tuple(k for k in body_keys if role(k) == "subject"))
            if not is_item_heading(text, lab[2])]
    if len(body) > 1 and header_between(text, body[0][3], body[1][2], body_keys):
        body = body[1:]  # a page's headline repeating the 主旨 before the letter's header: the body opens after it
    if not body:  # no 主旨 label: the body opens at its first label (a 公告 cropped to 依據, a 函釋 from 說明, 正本)
        body = [lab for lab in find_labels(text, tuple(k for k in body_keys if k not in header_keys()))
                if (lab[0] != "full_text" or not signed_before(text, lab[2])) and not lone_part(text, lab[2])
                and not later_item_heading(text, lab[2])]
    boundary = min((start for _, _, start, _ in body), default=len(text))
    numbered = numbered_field_starts(text)
    opened = first_item_start(text) if not body else len(text)
    head = [lab for lab in find_labels(text[:boundary], header_keys())
            if lab[2] in numbered or not in_item(text, lab[2]) and not continues_item(text, opened, lab[2])]
    if not body:  # a text without body labels that a 署名 closes: an 附件 label under it is the attachment's own (a
        # regulation's 附件 form under a 令); its 發文日期 and 發文字號 rows printed under the 署名 stay the letter's
        head = [lab for lab in head if lab[0] != "attachments" or not signed_before(text, lab[2])]
    head += late_head_labels(text, boundary, {lab[0] for lab in head})
    body = early_copy_labels(text, boundary, body_keys)
    for k, lab, s, e in find_labels(text[boundary:], body_keys):
        heading = (item_heading(text, s + boundary, body[-1][3] if body else boundary) or is_item_heading(
            text, s + boundary) or is_heading_line(text, s + boundary, e + boundary))
        if not heading and not (
                body and (body[-1][0] == k or lab in WRAP_WORDS)
                and wraps_onto(text, s + boundary)):
            body.append((k, lab, s + boundary, e + boundary))
    if any(role(k) == "subject" and PART_ONE.fullmatch(text[text.rfind("\n", 0, s) + 1:s]) for k, _, s, _ in body):
        body = sorted(body + numbered_part_labels(text, boundary, {s for _, _, s, _ in body}),
                      key=lambda lab: lab[2])
    labels = without_nested(attached_text_labels(sorted(head + body, key=lambda lab: lab[2])))
    head = [lab for lab in head if lab in labels]
    late = {lab[2] for lab in head if lab[2] >= boundary}
    fields = []
    for i, (key, label, start, value_start) in enumerate(labels):
        end = part_start(text, labels[i + 1][2]) if i + 1 < len(labels) else len(text)
        if start in late and key in LINE_VALUES:  # a print's 檔號 set after the body: its value on its line only
            end = min(end, text.find("\n", value_start) % (len(text) + 1))
        fields.append(Field(key, label, strip_noise(text[value_start:end]), start))
    preamble = text[: labels[0][2]] if labels else text
    head_starts = {lab[2] for lab in head}
    return preamble, [f for f in fields if f.start in head_starts], [f for f in fields if f.start not in head_starts]


def without_nested(labels: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Given labels in order, return them without one found inside another (受文者 inside 「正本受文者：」)."""
    kept: list[tuple[str, str, int, int]] = []
    for lab in labels:
        if kept and lab[2] < kept[-1][3]:
            continue
        kept.append(lab)
    return kept


def opens_line(text: str, at: int) -> bool:
    """Given text and a position, return whether only spaces stand before it on its line."""
    return not text[text.rfind("\n", 0, at) + 1:at].strip()


# a text that numbers its parts (「一、主旨：…」 over 「二、依據：…」, or in 大寫 numerals, 「壹、主旨：」 over 「貳、說明：」):
# the first part's number before its label
PART_ONE = re.compile(r"[ \t]*[一壹][、.．][ \t]*")
PART_NEXT = re.compile(r"^[ \t]*(?:[二三四五六七八九十]{1,2}|[貳參叁肆伍陸柒捌玖拾]{1,2})[、.．][ \t]*", re.M)


def part_start(text: str, at: int) -> int:
    """Given text and where a label starts, return where its line starts when only a part's number (「二、」) stands
    before the label there (a text that numbers its parts, in 大寫 numerals too: the number is the label's, not the
    field's before it), else the label's start."""
    line_start = text.rfind("\n", 0, at) + 1
    number = text[line_start:at].strip()
    return line_start if ANY_MARKER.fullmatch(number) or PART_NEXT.fullmatch(number) else at


def lone_part(text: str, at: int) -> bool:
    """Given text and where a label starts, return whether it follows item 一's marker on its line while no later part
    opens with a label (「一、說明：…」 over 「二、檢附修正後要點。」): item 一's heading word, not a numbered part's label."""
    line_start = text.rfind("\n", 0, at) + 1
    return bool(PART_ONE.fullmatch(text[line_start:at])) and not numbered_part_labels(text, at, set())


def later_item_heading(text: str, at: int) -> bool:
    """Given text and where a label starts, return whether it stands right after the marker of an item that continues
    items at lines' starts whose text opens with no label (「一、依據…號函辦理」 over 「二、說明：」 and its points 1、2、):
    the item's heading word (a relay numbering its own parts), not the letter's 說明."""
    line_start = text.rfind("\n", 0, at) + 1
    marker = ANY_MARKER.fullmatch(text[line_start:at].strip())
    if not marker or not item_heading(text, at, 0):
        return False
    earlier = [m for m in find_markers(text[:line_start]) if m.kind == marker.lastgroup and m.line_start]
    return not any(label_at(text, m.end) for m in earlier)


def label_at(text: str, at: int) -> bool:
    """Given text and a place, return whether a label of any 文別 starts there."""
    found = find_labels(text[at:text.find("\n", at) % (len(text) + 1)], body_keys() + header_keys())
    return bool(found) and found[0][2] == 0


def numbered_part_labels(text: str, boundary: int, found: set[int]) -> list[tuple[str, str, int, int]]:
    """Given a letter's text whose 主旨 opens with 「一、」, where its body opens and the label starts found, return the
    body labels of any 文別 that open a numbered part (「二、依據：」) and were not found: a text that numbers its parts
    writes the 手冊's labels after the numbers (a 公告 reprinted without its title: 主旨, 依據)."""
    keys = tuple(k for k in body_keys() if role(k) == "section")
    labels = []
    for m in PART_NEXT.finditer(text, boundary):
        for k, lab, s, e in find_labels(text[m.end():text.find("\n", m.end()) % (len(text) + 1)], keys):
            if s == 0 and m.end() not in found:
                labels.append((k, lab, m.end(), m.end() + e))
            break
    return labels


def early_copy_labels(text: str, boundary: int, body_keys: tuple[str, ...]) -> list[tuple[str, str, int, int]]:
    """Given a letter's text, where its body opens and its 文別's body label keys, return the 正本 / 副本 labels an
    older 公告 sets in its head, under the date and above 主旨 (行政院農業委員會's 公告 of 民國89: 「副  本: 本會秘書室…」
    over 「主  旨:」), each opening a line: that list is the letter's 副本 wherever it is printed."""
    keys = tuple(k for k in body_keys if role(k) in ("cc_main", "cc_copy"))
    return [lab for lab in find_labels(text[:boundary], keys) if opens_line(text, lab[2]) and not in_item(text, lab[2])]


LINE_VALUES = ("file_no", "retention")  # header labels whose value never wraps: 檔號, 保存年限


def late_head_labels(text: str, boundary: int, named: set[str]) -> list[tuple[str, str, int, int]]:
    """Given a letter's text, where its body opens and the header keys found above it, return the header labels a
    gazette's web edition sets among the body's (doc_types.toml [identity] late: 「發文機關：」 after 主旨), each
    opening a line, and those a site numbering the letter's fields sets after it (「5. 受文者：…」), for the keys the
    head above does not hold."""
    late = doc_type_table()["identity"].get("late", [])
    numbered = numbered_field_starts(text)
    numbered = numbered if numbered and min(numbered) < boundary else set()  # numbered from the head down
    keys = tuple(k for k in header_keys() if k not in named)
    return [(k, lab, s + boundary, e + boundary) for k, lab, s, e in find_labels(text[boundary:], keys)
            if k in late and opens_line(text, s + boundary) or s + boundary in numbered]


NUMBERED_FIELD = re.compile(r"^[ \t]*(?P<n>\d{1,2})[.．、][ \t]*(?=\S)", re.M)


def numbered_field_starts(text: str) -> set[int]:
    """Given a letter's text, return where the labels start that a site numbers as the letter's fields, a number each
    (「1. 發文日期:…」 「2. 發文字號:…」 「3. 主旨:…」 「4. 說明:」 … 「5. 受文者:…」): lines opening with a number and a label
    right after it, numbered 1, 2, 3 … among themselves, two or more, the 主旨 among them (the site numbers the whole
    letter); sub-items naming a contact (「1.聯絡人：…」 「2.電話：…」) or a cited letter's fields are none."""
    starts, expected, body = [], 1, False
    pattern = label_pattern(header_keys() + tuple(k for k in vocabulary()["labels"] if k not in header_keys()))
    for m in NUMBERED_FIELD.finditer(text):
        if int(m.group("n")) == expected and (label := pattern.match(text, m.end())) and label.start() == m.end():
            starts.append(m.end())
            expected += 1
            body = body or role(label.lastgroup.rsplit("_", 1)[0]) == "subject"
    return set(starts) if len(starts) >= 2 and body else set()
