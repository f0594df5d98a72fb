"""Numbered items (條列): markers 一、 → (一) → 1、 → (1), found in text and built into a tree."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from pipeline.parse.clean import join_clean
from pipeline.parse.dates import DATE_RE, chinese_to_int, match_to_date
from pipeline.records import CN_NUMERALS, Item, chinese_numeral, item_marker
from pipeline.vocabulary import vocabulary

CN = CN_NUMERALS
HEAVENLY = "壹貳參肆伍陸柒捌玖拾"
# Marker kinds from the outermost level inwards (文書處理手冊: 一、 (一) 1、 (1)).
MARKERS = [
    ("cn", re.compile(rf"(?P<n>[{CN}]{{1,3}})[、，.．]")),
    ("cn_paren", re.compile(rf"[(（](?P<n>[{CN}]{{1,3}})[)）][、]?")),
    ("digit", re.compile(r"(?P<n>\d{1,2})(?:[、，]|[.．](?!\d))")),
    # an area code in brackets before a phone number (「(02)23976778」, a fax number a PDF wrapped to a line's start)
    # is no item: item numbers never open with 0
    ("digit_paren", re.compile(r"[(（](?!0\d[)）]\d)(?P<n>\d{1,2})[)）][、]?")),
]
LEVEL = {kind: i for i, (kind, _) in enumerate(MARKERS)}
ANY_MARKER = re.compile("|".join(f"(?P<{kind}>{rx.pattern.replace('(?P<n>', '(?:')})" for kind, rx in MARKERS))
# where an item may start: the start of a line, or (in text run together on one line) after a sentence or clause end,
# or after a short note in brackets closing a sentence (「…號書函辦理。(如附) 二、…」: its space closed by normalising)
NOTE_MAX = 20  # characters: such a note is short
ITEM_START = re.compile(r"(?:^|(?<=\n)|(?<=[。：；:;]))[ \t]*|(?<= )|(?<=[)）])")
NOTE_AFTER_SENTENCE = re.compile(rf"[。；][(（][^()（）\n]{{1,{NOTE_MAX}}}[)）]$")


@dataclass
class Marker:
    """A marker found in text: its kind, number and span."""
    kind: str
    number: int
    start: int
    end: int
    depth: int = 0  # how deep it nests: kinds nest in the order a text opens them
    line_start: bool = False  # it opens a line (not run on after a sentence's end)
    after_sentence: bool = False  # a sentence's 。 is the last mark before it (over a line break, spaces, a cell rule)
    restarts: bool = False  # it opens a list anew under a sub-heading line of its own (「緩召處理時限：」 over 「一、…」)


def number_of(kind: str, text: str) -> int | None:
    """Given a marker kind and its number text, return the number."""
    return int(text) if kind.startswith("digit") else chinese_to_int(text)


# what goes on after a date's weekday in the same phrase (「（二）前繳交」, 「（五）上午9時」), not an item's words
DATE_GOES_ON = re.compile(r"[ \t]*(?:前|起|止|至|以前|之前|截止|上午|下午|中午|晚上|[，,、])")


def weekday_of_date_above(text: str, at: int, number: int) -> bool:
    """Given text, where a bracketed marker opening a line stands and its number, return whether the line above ends
    with a whole date whose weekday that number is (「…於109年11月10日」 over 「（二）前繳交…」: a wrap moved the
    date's weekday to the line's start)."""
    above = text[:at].rstrip(" \t").removesuffix("\n").rsplit("\n", 1)[-1]
    dates = [m for m in DATE_RE.finditer(above) if not above[m.end():].strip()]
    date = match_to_date(dates[-1]) if dates else None
    return date is not None and 1 <= number <= 7 and dt.date.fromisoformat(date.iso).weekday() == number - 1


def find_markers(text: str) -> list[Marker]:
    """Given text, return every candidate item marker that stands where an item may start: a marker inside its line
    after a clause's end stands outside quotation marks (「…但書規定：二、辦理公墓更新…」 quotes a law's item)."""
    found, since = [], None  # since: where the text of the last marker opening a line starts
    for start in ITEM_START.finditer(text):
        m = ANY_MARKER.match(text, start.end())
        if not m or start.start() and text[start.start() - 1] in ")）" and not NOTE_AFTER_SENTENCE.search(
                text, max(0, start.start() - NOTE_MAX - 3), start.start()):
            continue
        kind = m.lastgroup
        n = MARKERS[LEVEL[kind]][1].match(text, m.start()).group("n")
        number = number_of(kind, n)
        line_start = not text[:start.start()].strip(" \t") or text[start.start() - 1] == "\n"
        if (line_start and kind == "cn_paren" and DATE_GOES_ON.match(text, m.end())
                and weekday_of_date_above(text, m.start(), number)):
            continue  # 「…於109年11月10日」 over 「(二)前繳交…」: a wrap set the date's weekday at the line's start
        if number and (line_start and not quoted_across_lines(text, since, m.start())
                       or not line_start and not in_quotation(text, since or 0, m.start())
                       and not in_inline_list(text, since, m.start(), kind, number)):
            found.append(Marker(kind, number, m.start(), m.end(), line_start=line_start,
                                after_sentence=text[:start.start()].rstrip(" \t|\n").endswith("。"),
                                restarts=line_start and number == 1 and under_sub_heading(text, start.start())))
            since = m.start() if line_start else since
    return found


# a line wholly a short heading its colon closes, no item's marker before it (「※緩召處理時限：」, 「應繳驗證件：」): a
# notice's own sub-heading among its items, which numbers the list under it anew
SUB_HEADING = re.compile(r"[ \t]*※?[\u4e00-\u9fff]{2,12}[：:][ \t]*")


def under_sub_heading(text: str, at: int) -> bool:
    """Given text and the start of a line, return whether the line above is a sub-heading of its own (「※緩召處理時限：」,
    「應備文件：」 over 「一、…」), not the end of an item's sentence wrapped (「…相關注意事項」 over 「如下：」)."""
    above = text[:at].rstrip("\n").rsplit("\n", 1)[-1] if text[:at].endswith("\n") else ""
    return bool(SUB_HEADING.fullmatch(above)) and not above.strip().startswith(
        tuple(vocabulary()["expectations"]["list_leads"]))


QUOTE_CLOSE_SPAN = 200  # characters: a quotation a line break left open closes this near after a marker inside it


def quoted_across_lines(text: str, since: int | None, at: int) -> bool:
    """Given text, where the item holding a position opens and the position (a marker opening a line), return whether
    a 「 opened in the item on a line above is still open there and closes soon after (「…規定：「學校應…意願：」 over
    「(一)新生：…依據。」…」: a PDF's wrap set the quoted clause's marker at a line's start): the quotation's words."""
    return since is not None and in_quotation(text, since, at) and "」" in text[at:at + QUOTE_CLOSE_SPAN]


COLON = re.compile(r"[：:][ \t]*")


def in_inline_list(text: str, since: int | None, at: int, kind: str, number: int) -> bool:
    """Given text, where the item holding a position opens (None: no item opened a line yet), the position and its
    marker's kind and number, return whether it goes on a list of the item's own kind opened on its line inside the
    item after a colon (「二、…該措施得包括下列事項：一、…。二、…。十一、…」): the item's words setting out the list, its
    markers the list's — not a marker that does not go on from the list's last (the letter's 「三、」 after 「十一、」)."""
    rx = MARKERS[LEVEL[kind]][1]
    if since is None or not rx.match(text, since):
        return False  # (a list of another kind after the colon is the item's children: 「地點：（一）…（二）…」)
    opened = [c.end() for c in COLON.finditer(text, max(since, text.rfind("\n", 0, at) + 1) + 1, at)
              if (first := rx.match(text, c.end())) and number_of(kind, first.group("n")) == 1]
    if not opened:
        return False
    last = 0
    for m in rx.finditer(text, opened[-1], at):
        if number_of(kind, m.group("n")) == last + 1:
            last += 1
    return number == last + 1


def in_quotation(text: str, since: int, at: int) -> bool:
    """Given text, where the item holding a position opens and the position, return whether a 「 opened since then
    (on the position's line or lines above it: a statute quoted with its clauses, 「…：一、…。二、…。三、…」 wrapped
    over lines) is not yet closed there."""
    quoted = text[since:at]
    return quoted.count("「") > quoted.count("」")


BRACKETED_KINDS = ("cn_paren", "digit_paren")  # a bracketed number run on after a stop enumerates nothing
SKIP_KIND = "cn"  # the outermost kind (一、): a published list that lost one of its items keeps the next one's number


def skips_one(mk: Marker, last: int, level: int, later: set[tuple[str, int]]) -> bool:
    """Given a marker, the last number of its kind, its level and the (kind, number) of the markers after it, return
    whether it is the item after a lost one, numbered two past the last (「五、…」 then 「七、…」, 六 lost as published),
    its number kept as written: an outermost 一、-kind marker opening a line, or a marker right after a sentence's end,
    opening a line or bracketed (「…（星期日）。」 over 「（四）參加對象…」, 「…12時。 （三）接種對象…」: the item before it
    is whole) — never where the number it skips still comes (「3、4年級學生…」 over 「2.本校教職員工。」: grades
    enumerated), nor 「三、四年級…」 run on after a stop."""
    return mk.number == last + 2 and (mk.kind, last + 1) not in later and (
        mk.kind == SKIP_KIND and level == 0 and mk.line_start
        or mk.after_sentence and (mk.line_start or mk.kind in BRACKETED_KINDS))


def repeats_last(mk: Marker, last: int) -> bool:
    """Given a marker and the last number of its kind, return whether it is a new item numbered as the one before
    it: a marker opening a line with that same number (「（二）各單位主管」 then 「（二）全體專任教師」, a numbering
    slip as published), its number kept as written."""
    return mk.line_start and mk.number == last


def switches_style(mk: Marker, stack: list[tuple[str, int]]) -> bool:
    """Given a marker of a kind no open list has and the open lists, return whether it goes on with the one list open
    in another style, as a page published it (「1.…」 「2.…」 then 「三、…」 「四、…」): numbered one past that list's
    last item, so no list nested under it (which opens at 1)."""
    return len(stack) == 1 and mk.number == stack[0][1] + 1 and mk.number > 1


def restarts_list(mk: Marker) -> bool:
    """Given a marker of a kind an open list has, return whether it opens that list anew: 一 (1) opening a line under
    a sub-heading of its own (「緩召處理時限：」 over 「一、…」 「二、…」 after item 二), a list at the same level as the
    items above, numbered from 1 as published."""
    return mk.restarts and mk.number == 1


def accept_markers(markers: list[Marker], opening: Marker | None = None) -> list[Marker]:
    """Given candidate markers in order (and the one that opens the text, which may start a list past 1), return
    those that continue a numbering sequence, each with its depth: a new kind nests under the item before it, in
    the 手冊's order (一、 → (一) → 1、 → (1)) or in the order a text opens them (a bulletin's 1. → 一、); a list of
    one level may go on in another style (1. 2. 三、 四、)."""
    accepted: list[Marker] = []
    stack: list[tuple[str, int]] = []  # (kind, last number), outermost first
    for at, mk in enumerate(markers):
        kinds = [k for k, _ in stack]
        if mk.kind in kinds:
            i = kinds.index(mk.kind)
            later = {(m.kind, m.number) for m in markers[at + 1:]} if mk.number == stack[i][1] + 2 else set()
            if (mk.number == stack[i][1] + 1 or skips_one(mk, stack[i][1], i, later)
                    or repeats_last(mk, stack[i][1]) or restarts_list(mk)):
                del stack[i + 1:]
                stack[i] = (mk.kind, mk.number)
                mk.depth = i
                accepted.append(mk)
        elif mk.number == 1 or mk is opening:
            stack.append((mk.kind, mk.number))
            mk.depth = len(stack) - 1
            accepted.append(mk)
        elif switches_style(mk, stack):
            stack[0] = (mk.kind, mk.number)
            accepted.append(mk)
    return accepted


def markers_to_items(text: str, markers: list[Marker]) -> list[Item]:
    """Given text and its accepted markers, return the item tree (deeper markers nest under shallower)."""
    roots: list[Item] = []
    stack: list[tuple[int, Item]] = []
    for i, mk in enumerate(markers):
        end = markers[i + 1].start if i + 1 < len(markers) else len(text)
        body = text[mk.end:end].lstrip(TABLE_BARS)  # a table row printed with bars: 「一、 | 依據…函辦理。 |」
        item = Item(marker=item_marker(mk.kind, mk.number), number=mk.number, text=join_clean(body))
        level = mk.depth
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((level, item))
    return roots


TABLE_BARS = "|｜ \t"

LOST_FIRST = re.compile(r"^(?P<lost>[ \t]*[-－—ー_~|｜])(?=、)", re.M)  # 「-、」: OCR lost the 一 of 一、


def mend_first_marker(text: str) -> str:
    """Given a section's text, return it with an unreadable first marker 「-、」 read as 一、 when 二、 follows."""
    m = LOST_FIRST.search(text)
    if m and re.search(r"(?m)^[ \t]*二、", text[m.end():]) and not re.search(r"(?m)^[ \t]*一、", text):
        return text[: m.start()] + "一" + text[m.end():]
    return text


GAP = r"[ \t\u3000]"
NUMBER_UNITS = "年月日時分秒號條項款目冊份件張頁人名位元萬千百個次週天期屆歲級組班場棟樓層"  # what a number counts
# a marker written without 、, set apart by spaces (typewritten letters, law compilations: 「說明：一  復貴部…」,
# 「一 查…」): the first 一 at a line's start or after a label's colon (there also a list's first item past 一 set
# apart by two spaces, 「說明：二  修正後…」), each next one standing alone between spaces
SPACED_FIRST = re.compile(rf"(?:^{GAP}*(?P<n>一)|(?<=[:：]){GAP}*(?:(?P<m>一)|(?P<o>[{CN}]{{1,3}}){GAP}(?={GAP})))"
                          rf"{GAP}+(?=[\u4e00-\u9fff])", re.M)
SPACED_NEXT = r"(?:^|(?<=[^\s第{cn}\d]{gap})){gap}*(?P<n>{n}){gap}+(?=[\u4e00-\u9fff])"
BLOCK_JOIN = "\n\x00\n"  # blocks joined so that a list runs on over them


def spaced_marker_spans(text: str) -> list[tuple[int, int]]:
    """Given extracted text, return the spans of the numerals of items set apart by spaces, in order ([] when
    fewer than two follow one another, or a list opening past 一 after a colon has no next)."""
    first = SPACED_FIRST.search(text)
    if not first:
        return []
    group = first.lastgroup
    spans, at, number = [first.span(group)], first.end(), (chinese_to_int(first.group(group)) or 1) + 1
    while number <= 99 and (m := re.compile(SPACED_NEXT.format(cn=CN, gap=GAP, n=chinese_numeral(number)),
                                            re.M).search(text, at)):
        spans.append(m.span("n"))
        at, number = m.end(), number + 1
    return spans if len(spans) >= 2 or group == "o" else []


# a line opening with a digit set apart by spaces from the Chinese text after it (「             1 本市低收入戶」), not
# from a unit the number counts or dates (「1 月 15 日」, 「2 冊」: a wrapped line's number)
SPACED_DIGIT = re.compile(rf"^{GAP}*(?P<n>\d{{1,2}}){GAP}+(?=[\u4e00-\u9fff])(?![{NUMBER_UNITS}])", re.M)


def spaced_digit_spans(text: str) -> list[tuple[int, int]]:
    """Given extracted text, return the spans of the digits of items set apart by spaces at lines' starts (a web copy
    that lost their 、: 「1 本市低收入戶」 over 「2 獨居長者」), each run numbered 1, 2, 3 … one after another, two or
    more, under a lead ending with a colon; a line opening with another number between them ends a run."""
    spans, run = [], []
    for m in SPACED_DIGIT.finditer(text):
        number = int(m.group("n"))
        if number == len(run) + 1 and (run or opens_list(text, m.start())):
            run.append(m.span("n"))
            continue
        spans += run if len(run) >= 2 else []
        run = [m.span("n")] if number == 1 and opens_list(text, m.start()) else []
    return spans + (run if len(run) >= 2 else [])


def opens_list(text: str, at: int) -> bool:
    """Given text and the start of a line, return whether the line above ends a list's lead with a colon (「(一) 第一
    優先：」) — where a list of spaced digits may open; a line wrapped inside a sentence never does."""
    above = text[:at].rstrip(" \t\u3000\n\x00").rsplit("\n", 1)[-1].rstrip()  # (blocks joined by BLOCK_JOIN)
    return above.endswith((":", "："))


def mark_spaced_items(texts: list[str]) -> list[str]:
    """Given the extracted texts of a document's blocks (spaces kept), return them with items numbered 一 二 三 (or
    1 2 3 at lines' starts) without 、 but set apart by spaces written 一、 二、 三、 each opening a line, when they
    follow one another."""
    text = BLOCK_JOIN.join(texts)
    spans = sorted(spaced_marker_spans(text) + spaced_digit_spans(text))
    if not spans:
        return texts
    for start, end in reversed(spans):
        head = text[:start].rstrip(" \t\u3000")
        head += "" if not head or head.endswith(("\n", ":", "：")) else "\n"
        text = head + text[start:end] + "、" + text[end:].lstrip(" \t\u3000")
    return text.split(BLOCK_JOIN)


RUN_IN_GAP = re.compile(rf"(?<=\S)[ \t\u3000]+(?={ANY_MARKER.pattern})")  # a space, then a marker
RUN_IN_MIN = 2  # a line holding this many items of one kind set apart by spaces is a list run together
# the space before a lost-number marker 「()」 run on after a colon or a sentence's end
RUN_IN_BLANK = re.compile(r"(?<=[:：。;；])[ \t\u3000]+(?=[(（][)）])")
RUN_IN_SPACE = re.compile(r"[ \t\u3000]")  # what RUN_IN_GAP and RUN_IN_BLANK need


def split_run_in(line: str) -> str:
    """Given an extracted line (spaces kept), return it with the items run together on it — each set apart by a
    space before its marker, continuing one another (a web page that lost a list's line breaks: 「一、… 二、時間：…
    三、地點：… 四、議程： (一)13:45~14:00 報到 (二)…」) — each on a line of its own, as the list stood before, so a
    list that lost an item as published (「一、… 三、… 四、…」) reads as one set on lines, and so do two or more 「()」
    markers whose numbers a page lost run on after a colon or a sentence's end; the line as it was otherwise."""
    if not RUN_IN_SPACE.search(line):  # (both kinds are set apart by a space)
        return line
    if len(blanks := list(RUN_IN_BLANK.finditer(line))) >= RUN_IN_MIN:  # 「…係指: ()鈾礦物…。 ()任何…」
        for m in reversed(blanks):
            line = line[:m.start()] + "\n" + line[m.end():]
    gaps = list(RUN_IN_GAP.finditer(line))
    if len(gaps) < RUN_IN_MIN:
        return line
    candidates = []
    for gap in gaps:
        if m := ANY_MARKER.match(line, gap.end()):
            n = MARKERS[LEVEL[m.lastgroup]][1].match(line, m.start()).group("n")
            if number := number_of(m.lastgroup, n):
                candidates.append((gap.start(), Marker(m.lastgroup, number, m.start(), m.end(), line_start=True)))
    lead = line.lstrip(" \t\u3000")
    opening = None
    if m := ANY_MARKER.match(lead):
        n = MARKERS[LEVEL[m.lastgroup]][1].match(lead, m.start()).group("n")
        opening = Marker(m.lastgroup, number_of(m.lastgroup, n) or 0, 0, 0, line_start=True)
    accepted = {id(mk) for mk in accept_markers(([opening] if opening else []) + [mk for _, mk in candidates], opening)}
    run_in = [(gap, mk) for gap, mk in candidates if id(mk) in accepted]
    if not any(sum(mk.kind == kind for _, mk in run_in) >= RUN_IN_MIN for kind in LEVEL):
        return line
    for gap, mk in reversed(run_in):
        line = line[:gap] + "\n" + line[mk.start:]
    return line


def mark_run_in_items(texts: list[str]) -> list[str]:
    """Given the extracted texts of a document's blocks (spaces kept), return them with the items each line runs
    together set on lines of their own."""
    return ["\n".join(split_after_stop(part) for line in text.split("\n") for part in split_run_in(line).split("\n"))
            for text in texts]


# a sentence's end or a colon, then an outermost marker glued to it (「…執行義務人。三、我國…」, 「…下列事項：一、…」)
STOP_THEN_MARKER = re.compile(rf"(?<=[。：:])(?P<n>[{CN}]{{1,3}})、")


def split_after_stop(line: str) -> str:
    """Given a line opening with an outermost item's marker (「二、」), return it with each next item a page ran onto
    it right after a sentence's end (「…執行義務人。三、我國…」: 三 after 二, then 四 …) on a line of its own — not an
    enumeration in the text (「…報名。三、四年級…」), nor when the line quotes a list of its own (a marker glued on that
    does not go on from the line's: 「二、…包括下列事項：一、…。二、…。三、…」); else as it was."""
    opening = MARKERS[0][1].match(line.lstrip(" \t\u3000"))
    if not opening or not (expected := number_of("cn", opening.group("n"))):
        return line
    cuts = []
    for m in STOP_THEN_MARKER.finditer(line):
        if ENUMERATED.match(line, m.end()):
            continue
        if number_of("cn", m.group("n")) != expected + 1 or line[m.start() - 1] != "。":
            return line  # a quoted list: its markers are its own
        cuts.append(m.start())
        expected += 1
    for cut in reversed(cuts):
        line = line[:cut] + "\n" + line[cut:]
    return line


BRACKETED = ("cn_paren", "digit_paren")  # markers whose brackets set them apart even where no space does
# a bracketed marker glued to the Chinese word before it
GLUED_MARKER = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?P<n>[" + CN + r"]{1,3}|\d{1,2})[)）]")


# where a run of bracketed items opens on a line: its start, or after a colon (「…措施，包括：(一)…」)
RUN_OPENING = re.compile(r"^[ \t\u3000]*|(?<=[:：])[ \t\u3000]*")


def split_glued_run(line: str) -> str:
    """Given a line opening with a bracketed marker (at its start, or after a colon that introduces the list), return
    it with the items a web page ran onto it without a space — RUN_IN_MIN or more markers of its kind glued to the
    word before them, continuing its numbering one by one (「（二）…作業配合事項（三）辦理…作業配合事項（四）清算…」) — each
    on a line of its own; else as it was."""
    opening = next(((kind, m) for start in RUN_OPENING.finditer(line) for kind in BRACKETED
                    if (m := MARKERS[LEVEL[kind]][1].match(line, start.end()))), None)
    if opening is None:
        return line
    kind, m = opening
    expected, cuts = (number_of(kind, m.group("n")) or 0) + 1, []
    for glued in GLUED_MARKER.finditer(line, m.end()):
        if MARKERS[LEVEL[kind]][1].fullmatch(glued.group()) and number_of(kind, glued.group("n")) == expected:
            cuts.append(glued.start())
            expected += 1
    if len(cuts) < RUN_IN_MIN:
        return line
    for cut in reversed(cuts):
        line = line[:cut] + "\n" + line[cut:]
    return line


# a numeral after a numeral's 、: an enumeration in the text (「三、四年級學生…」), no item's marker
ENUMERATED = re.compile(rf"[{CN}]{{1,3}}(?:[、，]|年級|年)")


def lost_first_marker(text: str, candidates: list[Marker]) -> Marker | None:
    """Given a section's text and its candidate markers, return the first when it is an outermost marker past 一 (二、,
    三、 …) at a line's start under a paragraph that ends its sentence, with the next number after it or no other
    outermost item at a line's start (a page that lost the marker of the item above: 「依據…函辦理。」 over 「二、…」
    「三、…」; a relay copied from mid-list: a paragraph over a lone 「三、…」): the list opens there, the paragraph
    before it stays the section's text; so under a post's headline, one line without a sentence's marks, 「「騎乘自行車…
    安全概念」」 over 「二、…」); else None (「三、四年級學生…」 enumerates)."""
    first = candidates[0] if candidates else None
    before = text[:first.start].strip() if first else ""
    headline = bool(before) and "\n" not in before and not re.search("[。，；,;]", before)
    if (first is None or first.kind != "cn" or first.number < 2 or not first.line_start
            or not (before.endswith("。") or headline) or ENUMERATED.match(text, first.end)):
        return None
    later = [mk.number for mk in candidates[1:] if mk.kind == "cn" and mk.line_start]
    return first if not later or first.number + 1 in later else None


# 「()」 opening a line: a (一)-kind marker whose number a web page lost (its list numbered by the page's style)
BLANK_MARKER = re.compile(r"^(?P<indent>[ \t\u3000]*)[(（][)）]", re.M)
BLANK = "()"
RUN_ON_BLANK = re.compile(r"(?<=。)[ \t]*(?=[(（][)）])")  # before a 「()」 run onto a sentence's line


def number_blank_markers(text: str) -> tuple[str, bool]:
    """Given a section's text, return it with lost-number markers 「()」 numbered (一) (二) … in order under each item
    (anew after a line opening with another marker; one run onto a line after its 。 on a line of its own), and
    whether it had any: two or more opening lines where no (一)-kind marker of its own stands, else the text as it
    was."""
    blanks = list(BLANK_MARKER.finditer(text))
    if len(blanks) < 2 or any(mk.kind == "cn_paren" for mk in find_markers(text)):
        return text, False
    text = RUN_ON_BLANK.sub("\n", text)  # one run onto the line above after its sentence's end (「…證明書」。 ()重大…」)
    blanks = list(BLANK_MARKER.finditer(text))
    numbers, n, last = [], 0, 0
    for m in blanks:
        between = text[last:m.start()]
        n = 1 if any(mk.line_start for mk in find_markers(between)) else n + 1
        numbers.append(n)
        last = m.end()
    for m, n in reversed(list(zip(blanks, numbers))):
        text = text[:m.start()] + m.group("indent") + f"({chinese_numeral(n)})" + text[m.end():]
    return text, True


def unnumbered(items: list[Item]) -> list[Item]:
    """Given an item tree whose (一)-kind markers stood for lost numbers, return it with those written 「()」 again,
    their numbers unknown."""
    return [replace(item, marker=BLANK, number=None, children=unnumbered(item.children)) if item.marker.startswith("(")
            and not item.marker[1:-1].isdigit() else replace(item, children=unnumbered(item.children)) for item in items]


CUT_COPY_MIN = 12  # characters: an item line this long that an earlier one begins with is that one printed again


def without_repeated_items(text: str) -> str:
    """Given a section's text, return it without a run of item lines printed again right after itself, word for word
    (a page repeating the 說明's items: 「1.…」 「2.…」 「3.…」 then 「1.…」 「2.…」 「3.…」, or its last ones: 「一、…」 「二、…」
    「三、…」 then 「二、…」 「三、…」), nor an outermost item line closing it that an earlier one begins with (the list
    printed again, cut short where the page's text ends: 「一、依據財團法人…114」 under 「六、…」; a sub-item's shorter value,
    「(二)比賽地點：…國民小學」 under 「(二)比賽地點：…國民小學禮堂」, is its own)."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if ANY_MARKER.match(line.lstrip())), None)
    if first is None:
        return text
    last = max(i for i, line in enumerate(lines) if line.strip())
    outermost = ANY_MARKER.match(lines[first].lstrip()).lastgroup  # the first item's kind: the list's outermost
    seen: dict[str, int] = {}
    for j in range(first, len(lines)):
        k = seen.get(lines[j]) if ANY_MARKER.match(lines[j].lstrip()) else None
        if k is not None and lines[k:j] == lines[j:2 * j - k]:
            return "\n".join(lines[:j] + lines[2 * j - k:])
        if (k is not None and ANY_MARKER.match(lines[j].lstrip()).lastgroup == outermost
                and is_cut_short_copy(lines[k:j], lines[j:last + 1])):
            return "\n".join(lines[:j])  # the items printed again up to where the page's text ends (「二、」 「三、」 「(一)」 …)
        seen.setdefault(lines[j], j)
    cut = lines[last].strip()
    if last > first and len(cut) >= CUT_COPY_MIN and (m := ANY_MARKER.match(cut)) and m.lastgroup == outermost and any(
            line.strip().startswith(cut) and line.strip() != cut for line in lines[first:last]):
        return "\n".join(lines[:last])  # the list printed again, the copy cut short where the page's text ends
    return text


def is_cut_short_copy(run: list[str], tail: list[str]) -> bool:
    """Given item lines and the lines closing a section after them, which open with the run's first line, return
    whether the tail is the run printed again and cut short: two lines or more, line for line the same, its last line
    broken off inside the run's line (12 characters at least: a child repeating its sister's words is no copy)."""
    if len(tail) < 2 or len(tail) > len(run) or tail[:-1] != run[:len(tail) - 1]:
        return False
    cut, whole = tail[-1].strip(), run[len(tail) - 1].strip()
    return whole.startswith(cut) and cut != whole and len(cut) >= CUT_COPY_MIN


def text_to_items(text: str) -> tuple[str, list[Item]]:
    """Given a section's text, return its text before the first item and the item tree (a section that opens
    with a marker past 一 keeps it: a publisher printed only the items on point, 「說明：二、…」; markers 「()」 whose
    numbers a page lost stay items, 「()」 without a number)."""
    text, blank = number_blank_markers(mend_first_marker(without_repeated_items(text)))
    text = "\n".join(split_glued_run(line) if "（" in line or "(" in line else line for line in text.split("\n"))
    candidates = find_markers(text)
    opening = candidates[0] if candidates and not text[: candidates[0].start].strip() else None
    opening = opening or lost_first_marker(text, candidates)
    markers = accept_markers(candidates, opening)
    if not markers:
        return join_clean(text), []
    items = markers_to_items(text, markers)
    return join_clean(text[: markers[0].start]), unnumbered(items) if blank else items
