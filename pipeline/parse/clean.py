"""Normalise text extracted from PDFs and scans before any field is read.

A chain of pure functions over lines: drop page furniture (footers, binding-line
characters, stamp noise), then mend spacing and punctuation inside Chinese text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from pipeline.parse.doc_types import doc_type_table
from pipeline.parse.publisher_table import publisher_table
from pipeline.vocabulary import vocabulary

# A character that belongs to Chinese text: CJK ideographs, CJK and full-width punctuation.
CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2027\u00b7\u25cb\u25ef"
CJK_CHAR = re.compile(f"[{CJK}]")
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WHITESPACE = re.compile(r"\s")

# also 「第1頁 (共1頁)」, and in Chinese numerals 「第二頁 共二頁」
FOOTER = re.compile(r"第\s*(?:\d+|[一二三四五六七八九十]{1,3})\s*頁\s*[,，、/]?\s*[(（]?\s*共\s*(?:\d+|[一二三四五六七八九十]{1,3})\s*頁"
                    r"\s*[)）]?")
# the binding line's 裝 訂 線 and the 電子公文 exchange stamp (「102/03/07 電子公文 12:30:39 交換章」) that a transcription of a
# PDF ran into the text beside them (docsplayer: a letter's fields on one line)
INLINE_BINDING = re.compile(r"(?<=\S)[ \t]+裝[ \t]+訂[ \t]+線(?=[ \t]+\S)")
EXCHANGE_STAMP = re.compile(r"[ \t]*\d{2,4}\s*/\s*\d{1,2}\s*/\s*\d{1,2}\s*電子公文\s*\d{1,2}:\d{2}(?::\d{2})?\s*交換章")
# (a stamp's serial may stand among the glyphs a transcription ran together: 「裝 訂 756 線」)
BINDING_GLYPH = re.compile("[裝訂線]")  # what BINDING_LINE and INLINE_BINDING hold
BINDING_LINE = re.compile(r"^[\s.．…·・\-—─=|｜:：]*(?:[裝訂線][\s.．…·・\-—─=|｜:：]*(?:\d{1,4}[\s]+)?)+$")
# a page's barcode or stamp digits right under its footer, over a label of the letter (「第1頁 共2頁 11060 16756 06016
# 副本:…」): not figures the text goes on with (「…如下：第1頁 共2頁 12000 15000 18000」)
FOOT_NUMBERS = re.compile(r"^[ \t]*(?:\d{4,6}[ \t]+){2,}\d{4,6}(?=[ \t]+[\u4e00-\u9fff]{1,6}[ \t]*[:：])")
# A date stamp left by a receiving system: an optional CJK mark glued to yyyy/mm/dd (and a time).
STAMP = re.compile(
    r"(?:(?<=[^\s\d:：])|^)[\u4e00-\u9fff]?\s*(?:19|20)\d\d\s*/\s*\d{1,2}\s*/\s*\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# an exchange stamp's date glued to a line's end (the last 副本 entry's: 「本府計畫處2018-07-10」) with its time, to the
# second, alone on the next line (「14:56:57」): the two together, never a date or a time alone, are the stamp's
EXCHANGE_DATE = re.compile(r"(?<=[\u4e00-\u9fff])(?:19|20)\d\d-\d{1,2}-\d{1,2}\s*$")
EXCHANGE_TIME = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}\s*$")
# a stamp's box drawn with glyphs between its characters (「■人■事■室■■■ ■收■文:■10■7/■07■/1■1」): read without
# them where what is left is a 收文 stamp's (a masked number, 「A12■■■■■89」, keeps its marks)
BOX_GLYPH, BOX_GLYPHS_MIN = "■", 3
RECEIPT_DIGITS = r"\d{8,12}"  # a 收文號 printed without its label (a barcode's digits)
# The receiving side's 收文 stamp: its number and date, anywhere in a line (glued to a 副本 entry, at a page foot)
# a receiving body may number its receipts in 字號 form (a 公會's 「收文字號 北市師會字第2565號」), in a table's row too
# (「收文字號 | 北市師會字第1467號 |」: a cell rule between label and value)
# (a school's document system labels them 收發文號 / 收發日期 in the rows beside 檔號 and 保存年限)
RECEIVED_NUMBER = re.compile(r"收(?:發)?文(?:字號|編號|號)\s*[:：|｜]?\s*(?P<number>[0-9A-Za-z][0-9A-Za-z\-]{4,}|"
                             r"[\u4e00-\u9fff()（）]{1,12}字第\s*[0-9A-Za-z]+\s*號)")
RECEIVED_DATE = re.compile(r"(?:收文(?:日期)?|收發日期)\s*[:：|｜]?\s*(?P<date>(?:\d{2,3}|(?:19|20)\d\d)\s*(?:[./\-]\s*\d{1,2}\s*[./\-]\s*"
                           r"\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))")
# a receiving system's 收文 label printed without words (a barcode's digits): a line wholly its 收文號 and 收文日期, the
# number opening with the date's 民國 year (「1120067393 112.10.06」); the receiving unit's name may stand over it
RECEIPT_LINE = re.compile(r"^\s*(?P<number>(?P<year>\d{2,3})\d{5,9})\s+"
                          r"(?P<date>(?P=year)\s*[./]\s*\d{1,2}\s*[./]\s*\d{1,2})\s*$")
# a line wholly a 收文 stamp's number, with the stamp's note on attachments (「1070002402 有附件」), under its date's line
RECEIPT_NUMBER_LINE = re.compile(rf"^\s*{RECEIPT_DIGITS}\s*(?:[有無]附件)?\s*$")
# Inside a stamp the reader found by its frame (a stamp block): a date and a number need no label
STAMP_DATE = re.compile(r"(?P<date>(?:\d{2,3}|(?:19|20)\d\d)\s*(?:[./\-]\s*\d{1,2}\s*[./\-]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))")
STAMP_NUMBER = re.compile(r"(?:第\s*)?(?P<number>\d[0-9A-Za-z\-]{4,})(?:\s*號)?")
STAMP_UNIT_MAX = 15  # a stamp line may start with the receiving unit's name: 「信義國小 收文 113年5月2日」
# a list bullet before a line's text; a bulletin's square bullet may touch the text (「■配合…」), and so may a page's
# ● / ◆ set before a label or an item marker (「●主  旨:」, 「●發文日期:」, 「◆一、範圍:」: a site reposting a 公告 —
# without a label or marker after it, a ● line is a ruling compilation's headline, publishers.toml's furniture)
# OCR of a scan reads the form's rules and the 裝訂線 as a stray mark before a label or an item marker
# (「:受文者:」, 「.地址:」, 「‧主旨:」, 「-保存年限:」, 「:一、依據…」): dropped as a bullet is
LIST_BULLET = re.compile(r"^\s*(?:[-•●▪・]\s+|[■□]\s*"
                         r"|[●◆:：.．‧·\-]\s*(?=(?:[\u4e00-\u9fff][ \t\u3000]*){2,6}[:：]|[一二三四五六七八九十]{1,3}、))")
# a table's cell rule or a field's bullet set apart by spaces before a letter's label, where a page's fields ran onto
# one line (「花蓮縣政府 函 | 地址:…」, 「…請查照。 • 說明:」): it parts two fields as a line break does (not before a site's
# own field, 「歷史訊息 | 發布日期: …」: a post row, publishers.toml's); a bullet closing the line closes the last field
CELL_MARKS = "|｜•●▪・·"
TRAILING_BULLET = re.compile(r"[ \t]+[•●▪・·][ \t]*$")


@cache
def cell_mark_before_label() -> re.Pattern:
    """Return the pattern of a cell rule or a bullet, spaces on both sides, before a letter's label and its colon."""
    notes = publisher_table()["notes"]
    site = {*notes["line"], *notes["running"]}
    labels = sorted({v for vs in vocabulary()["labels"].values() for v in vs} - site, key=len, reverse=True)
    return re.compile(rf"[ \t]+[{CELL_MARKS}][ \t]+(?=(?:{'|'.join(map(re.escape, labels))})[ \t]*[:：])")


def split_fields(line: str) -> list[str]:
    """Given an extracted line, return its fields a page ran onto it with cell rules or bullets between them."""
    if not any(mark in line for mark in CELL_MARKS):
        return [line]
    return cell_mark_before_label().split(TRAILING_BULLET.sub("", line))


# A table row kept inside running text (a schedule in 說明): marks that survive normalisation,
# written out as a line of tab-separated cells by join_wrapped.
TABLE_ROW, TABLE_CELL = "\ue000", "\ue001"

# ASCII punctuation that becomes full width when it stands beside Chinese text.
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
SPACE_RUN = re.compile(r"[ \t\u3000\u00a0]+")
RULES = "|｜│┊┆︙⋮┃"  # table rules, dotted binding lines and OCR bars: never text at a line's end


# full-width digits, Latin letters and ＠．－＃／ → ASCII; the brackets of a
# text set vertically (a gazette's ︵九一︶, ﹁…﹂) → their horizontal forms; the one-character item markers of word
# processors' list numbering (㈠ ⑴ ⒈) → the markers the 手冊 writes ((一) (1) 1.); a CJK compatibility ideograph
# (text converted from Big5, as 行政院公報's pages are: 「行」 U+FA08) → the ideograph it stands for (its NFC form); the
# colon Big5 text types as 「︰」 (U+FE30, 「電話︰02-…」, 「主旨︰」) or 「﹕」 → the full-width colon 「：」; a Kangxi
# radical (U+2F00–2FD5), which PDFs whose fonts map their glyphs so give for the ideograph of the same shape when
# their text is extracted (「⼀百零九年⼗⽉⼆⼗⼀⽇」, 「⾏政院」) → that ideograph (its NFKC form), and so is a Radicals
# Supplement form such fonts give (「市⻑」: vocabulary.toml [characters] radical_forms); the wave dashes a word
# processor or a Big5 conversion puts for 「～」 (∼ 〜: 「2月1日∼5日」) → 「～」
COMPATIBILITY = [chr(c) for block in ((0xF900, 0xFB00), (0x2F800, 0x2FA20)) for c in range(*block)]
KANGXI_RADICALS = [chr(c) for c in range(0x2F00, 0x2FD6)]
NARROW = str.maketrans({**{ch: nfc for ch in COMPATIBILITY if (nfc := unicodedata.normalize("NFC", ch)) != ch},
                        **{ch: unicodedata.normalize("NFKC", ch) for ch in
                           [*KANGXI_RADICALS, *map(chr, range(0xFF10, 0xFF1A)), *map(chr, range(0xFF21, 0xFF3B)),
                            *map(chr, range(0xFF41, 0xFF5B)), *"＠．－＃／"]},
                        **{chr(0x3220 + i): f"({numeral})" for i, numeral in enumerate("一二三四五六七八九十")},
                        **{chr(0x2474 + i): f"({i + 1})" for i in range(20)},
                        **{chr(0x2488 + i): f"{i + 1}." for i in range(20)},
                        "︵": "（", "︶": "）", "﹁": "「", "﹂": "」",
                        "︰": "：", "﹕": "：", **dict.fromkeys("\u223c\u301c", "～"),
                        **vocabulary()["characters"]["radical_forms"]})
# the hyphens and dashes a word processor or a Big5 conversion puts for 「-」 beside a digit (‐ ‑ ‒ – − ﹣:
# 「02–2345–6789」, 「2月1日–2月5日」) → 「-」, as the full-width 「－」 is; elsewhere (a title's 「計畫–新竹縣轄」) they stay
SPACES = str.maketrans({"\u3000": " ", "\u00a0": " "})  # U+3000 and no-break space → a space
NARROW_SPACES = {**NARROW, **SPACES}  # both in one table (widen_characters)
DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63"
DASH_SET = frozenset(DASHES)
DIGIT_DASH = re.compile(rf"(?<=[0-9])[{DASHES}]|[{DASHES}](?=[0-9])")


# the bopomofo 「ㄧ」 (U+3127) an input method gives for 一 beside Chinese characters (「中華民國ㄧ百零二年ㄧ月ㄧ日」);
# or alone in an item's brackets (「(ㄧ)上課時…」, the marker (一)); beside another bopomofo (「ㄅㄧ」, 「ㄆㄧ等」) it is 注音
# and stays
BOPOMOFO_ONE = re.compile(r"(?<![\u3105-\u312f])(?:(?<=[\u4e00-\u9fff])\u3127|\u3127(?=[\u4e00-\u9fff])"
                          r"|(?<=[(（])\u3127(?=[)）]))(?![\u3105-\u312f])")


def widen_characters(text: str, spaces: bool = True) -> str:
    """Given text (and whether to make U+3000 and no-break spaces ASCII spaces), return it with full-width digits and
    Latin letters made ASCII, the brackets of vertical text made horizontal, a dash beside a digit made 「-」 and a
    bopomofo ㄧ typed for 一 (beside a Chinese character or as an item's number, 「(ㄧ)」) made 一."""
    text = text.translate(NARROW_SPACES if spaces else NARROW)
    if not DASH_SET.isdisjoint(text):
        text = DIGIT_DASH.sub("-", text)
    return BOPOMOFO_ONE.sub("一", text) if "\u3127" in text else text


BINDING_PREFIX = re.compile(r"^\s*(?P<glyph>[裝訂線┊])[ \t]+(?=\S)")


def shows_binding_line(lines: list[str]) -> bool:
    """Given lines, return whether they show the binding line: at least two of 裝, 訂, 線 glued to a line's
    start (「訂 助辦理…」) or alone on lines."""
    glyphs = {m.group("glyph") for line in lines if (m := BINDING_PREFIX.match(line))}
    glyphs |= {ch for line in lines if BINDING_LINE.match(line) for ch in line if ch in "裝訂線"}
    return len(glyphs & set("裝訂線")) >= 2


DOT_GUIDE = re.compile(r"^(?P<indent>[ \t]*)[.．·][ \t]*(?:$|[ \t](?=\S))")
DOT_GUIDE_MIN = 5  # dots opening this many lines, most of the page's, are a dotted guide column


def dot_guide(lines: list[str]) -> str | None:
    """Given a document's lines, return the indent of the column of dots its layout set before its lines (a
    proceedings' flipbook drawing the binding line as 「.」, with lines of a dot alone between) when dots open most of
    them at one indent; else None."""
    guides = [m.group("indent") for line in lines if (m := DOT_GUIDE.match(line))]
    filled = sum(1 for line in lines if line.strip())
    if len(guides) < DOT_GUIDE_MIN or 2 * len(guides) < filled or len(set(guides)) > 1:
        return None
    return guides[0]


def strip_dot_guide(lines: list[str], indent: str | None) -> list[str]:
    """Given lines and the indent of their dotted guide column (None: there is none), return them without its dots."""
    if indent is None:
        return lines
    return [m.group("indent") + line[m.end():] if (m := DOT_GUIDE.match(line)) and m.group("indent") == indent
            else line for line in lines]


def strip_binding_prefixes(lines: list[str], binding: bool | None = None) -> list[str]:
    """Given lines (and whether their pages show the binding line, else judged from them), return them without a
    binding-line glyph glued to their start."""
    if not (shows_binding_line(lines) if binding is None else binding):
        return lines
    return [BINDING_PREFIX.sub("", line) for line in lines]


@dataclass
class Furniture:
    """What cleaning removed from lines: stamp noise, binding-line lines, page headers and footers."""
    stamps: list[str] = field(default_factory=list)
    received_number: str | None = None  # 收文號 of the receiving side's stamp
    received_date: str | None = None  # 收文日期, as written
    binding: int = 0
    footers: list[str] = field(default_factory=list)

    def warnings(self) -> list[str]:
        """Return the warnings that say what was removed."""
        warnings = [f"removed stamp noise: {stamp}" for stamp in self.stamps]
        if self.binding:
            warnings.append(f"removed binding-line text ({self.binding} lines of 裝/訂/線)")
        if self.footers:
            shown = "、".join(f"「{f.strip()}」" for f in self.footers)
            warnings.append(f"removed {len(self.footers)} page header/footer line(s): {shown}")
        return warnings


@cache
def page_number_line() -> re.Pattern:
    """Return the pattern of a line that holds only a page number (vocabulary [page_numbers])."""
    return re.compile("|".join(f"(?:{p})" for p in vocabulary()["page_numbers"]["lines"]))


def drop_page_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Given lines, return them without footers, binding-line text and stamp noise, plus warnings."""
    kept, furniture = drop_furniture(lines)
    return kept, furniture.warnings()


def take_received(line: str, found: Furniture) -> tuple[str, bool]:
    """Given a line and what cleaning found so far, return the line without a 收文 stamp's number and date (noting
    them in ``found``; a line left holding only the receiving unit's short name goes too) and whether it had any."""
    taken = False
    for pattern, name in ((RECEIVED_NUMBER, "number"), (RECEIVED_DATE, "date")):
        m = pattern.search(line)
        if m:
            if getattr(found, f"received_{name}") is None:
                setattr(found, f"received_{name}", m.group(name))
            line, taken = line[: m.start()] + line[m.end():], True
            if name == "date" and (number := stamp_number(line, m.group(name))):
                found.received_number = found.received_number or number.group()
                line = line[: number.start()] + line[number.end():]
    if taken and is_stamp_unit(line.strip()):
        line = ""
    return line, taken


def is_stamp_text(line: str) -> bool:
    """Given a line, return whether it holds a 收文 stamp's labelled number or date, or is wholly its number."""
    return bool(RECEIVED_NUMBER.search(line) or RECEIVED_DATE.search(line) or RECEIPT_NUMBER_LINE.match(line))


def stamp_number(line: str, date: str) -> re.Match | None:
    """Given what is left of a line once a 收文 stamp's labelled date is taken out, and that date, return the stamp's
    number printed without its label beside it (a barcode's digits: 「1120110336 收文日期:112/11/07」), a run of 8 to 12
    digits opening with the date's 民國 year; None when there is none."""
    year = re.match(r"\s*(\d{2,3})\D", date)
    return next((m for m in re.finditer(rf"(?<![\d.\-第])(?<!第\s){RECEIPT_DIGITS}(?![\d.\-]|\s*號)", line)
                 if year and m.group().startswith(year.group(1))), None)


def is_stamp_unit(text: str) -> bool:
    """Given what is left of a line once a 收文 stamp's number and date are taken out, return whether it is the
    receiving unit's short name the stamp prints (「信義國小」): a few Chinese characters ending as an agency's name
    ends, not a line of the letter the stamp was glued to (an item 「四、檢附圖片1份。」, a 署名 「市長黃偉哲」)."""
    return (bool(re.fullmatch(rf"[\u4e00-\u9fff]{{2,{STAMP_UNIT_MAX}}}(?:收文)?", text))
            and text.removesuffix("收文").endswith(tuple(vocabulary()["agency_suffixes"]["endings"])))


def stamp_to_furniture(text: str) -> Furniture:
    """Given the text of a 收文 stamp block (a box the reader found by its frame), return its number and date: as
    labelled in a line (收文號, 收文日期), else the stamp's date and its number (「收文：113.4.2 第1130004567號」)."""
    found = Furniture()
    rest = widen_characters(text).replace("\n", " ")
    for pattern, name in ((RECEIVED_NUMBER, "number"), (RECEIVED_DATE, "date"), (STAMP_DATE, "date"),
                          (STAMP_NUMBER, "number")):
        if getattr(found, f"received_{name}") is None and (m := pattern.search(rest)):
            setattr(found, f"received_{name}", m.group(name))
            rest = rest[: m.start()] + rest[m.end():]
    return found


PAGE_FOOT = re.compile(f"{FOOTER.pattern}|{EXCHANGE_STAMP.pattern}")


def page_breaks_apart(line: str, found: Furniture) -> list[str]:
    """Given a line and the furniture found so far, return its parts around the page footers and 電子公文 exchange
    stamps it holds, those noted in found: where a transcription ran a letter's pages onto one line, a page's foot
    ends a line (the 副本 list before it is not continued by the attachment after it); a line that was only
    furniture gives no part."""
    parts = PAGE_FOOT.split(line)
    if len(parts) == 1:  # (no footer and no stamp: one split by either would part it)
        return [line]
    found.footers += FOOTER.findall(line)
    found.stamps += [m.group().strip() for m in EXCHANGE_STAMP.finditer(line)]
    found.stamps += [m.group().strip() for part in parts[1:] if (m := FOOT_NUMBERS.match(part))]
    parts = parts[:1] + [FOOT_NUMBERS.sub("", part) for part in parts[1:]]
    return [part for part in parts if part.strip()]


def drop_furniture(lines: list[str], binding_shown: bool | None = None) -> tuple[list[str], Furniture]:
    """Given lines (and whether their pages show the binding line), return them without footers, binding-line
    text and stamp noise, and what was removed."""
    kept, found = [], Furniture()
    lines = strip_binding_prefixes(lines, binding_shown)
    for line in (part for line in lines for part in page_breaks_apart(line, found)):
        binding = BINDING_GLYPH.search(line)  # (no glyph of the binding line, none of its text)
        if binding and BINDING_LINE.match(line) and line.strip():
            found.binding += 1
            continue
        if page_number_line().match(line.strip()):
            found.footers.append(line.strip())
            continue
        if binding:
            line, inline = INLINE_BINDING.subn("", line)
            found.binding += inline
        if line.count(BOX_GLYPH) >= BOX_GLYPHS_MIN and is_stamp_text(boxed := line.replace(BOX_GLYPH, "")):
            line = boxed
        line, taken = take_received(line, found)
        if taken and not line.strip():
            continue
        if receipt := RECEIPT_LINE.match(line):
            found.received_number = found.received_number or receipt.group("number")
            found.received_date = found.received_date or receipt.group("date")
            continue
        match = STAMP.search(line) if "/" in line else None  # (a stamp writes its date with slashes)
        if match and not re.search(r"\d年|民國", match.group()):
            found.stamps.append(match.group().strip())
            line = line[: match.start()]
        if line.strip() or not match:
            kept.append(line)
    return kept, found


CJK_GAPS = [
    # a space between two Chinese characters, or between Chinese and a digit, is an artefact
    re.compile(f"(?<=[{CJK}]) (?=[{CJK}\\d])"),
    re.compile(f"(?<=[\\dA-Za-z]) (?=[{CJK}])|(?<=[{CJK}]) (?=[A-Za-z])"),  # 以 X 光 → 以X光
    # and a web address's last mark before Chinese, as its last letter is: …/link/reduction/ 網站參閱 → …/網站參閱
    # (a path of Chinese words between slashes, 「首頁/ 公告資訊 / 最新消息」, keeps its spaces)
    re.compile(f"(?<=[\\dA-Za-z][/=#&_]) (?=[{CJK}])"),
    # a percent sign is its number's, as the digit is: 之 30% 調降 → 之30%調降, 50 % 以上 → 50%以上
    re.compile(r"(?<=\d) (?=%)"),
    re.compile(f"(?<=\\d%) (?=[{CJK}])"),
    # a space between Chinese and an ASCII bracket pair (kept ASCII: its content is not Chinese): 日 (82) 證 → 日(82)證
    re.compile(f"(?<=[{CJK}]) (?=\\()|(?<=\\)) (?=[{CJK}])"),
    # a space after a range mark before its end: 第3~ 6號 → 第3~6號
    re.compile(r"(?<=\d[~～]) (?=\d)"),
    # a space inside a number group of a Chinese date, number or article: 1 1 2年 → 112年, 第1 0條 → 第10條
    re.compile(r"(?<=\d) (?=\d+\s?[年月日號條項款])"),
    re.compile(r"(?<=\d) (?=\d)(?=[\d ]*[年月日號頁條項款])"),
]


# a clock time typed with spaces around its colon (「14 : 00」, 「6:50~11 :40」): one time, its spaces no layout's
SPACED_CLOCK = re.compile(r"(?<![\d:])(?<!: )(\d{1,2}) ?: ?(\d{2})(?![\d:]| ?:)")


def close_cjk_gaps(line: str) -> str:
    """Given a line, return it without the spaces that PDF joins leave beside Chinese characters, nor those inside a
    clock time."""
    line = SPACE_RUN.sub(" ", line)
    if " " not in line:
        return line
    for gap in CJK_GAPS:
        line = gap.sub("", line)
    return SPACED_CLOCK.sub(r"\1:\2", line) if " :" in line or ": " in line else line


def widen_brackets(line: str) -> str:
    """Given a line, return it with each ASCII bracket pair made full width when its content is Chinese."""
    if "(" not in line:
        return line
    chars, open_at = list(line), []
    for i, ch in enumerate(chars):
        if ch == "(":
            open_at.append(i)
        elif ch == ")" and open_at:
            start = open_at.pop()
            if IDEOGRAPH.search(line[start + 1:i]):
                chars[start], chars[i] = "（", "）"
    return "".join(chars)


ASCII_PUNCTUATION = re.compile(r"[,:;!?]")
SPACED_MARKS = "，：；！？（）、。「」『』"  # full-width punctuation: no space beside it carries meaning
SPACED_PUNCTUATION = re.compile(rf" ?([{SPACED_MARKS}]) ?")
SPACE_BESIDE_MARK = re.compile(rf" [{SPACED_MARKS}]|[{SPACED_MARKS}] ")  # what SPACED_PUNCTUATION has to take out
ASCII_IN_BRACKETS = re.compile(r"（([\x21-\x7e]*)）")
SPACE_IN_BRACKETS = re.compile(r"(?<=\() +| +(?=\))")  # 「入口網( http://168.motc.gov.tw/)」: no space inside brackets
# a web address alone in brackets has no space in it: a PDF's line break joined inside it (「(https://edu. law.moe.gov.tw)」)
SPACED_URL_IN_BRACKETS = re.compile(r"(?<=[(（])(?:https?://|www\.)[\x21-\x7e]*(?: [\x21-\x7e]+)+(?=[)）])")


def next_visible(line: str, at: int, step: int, past: str = "") -> str:
    """Given a line, a position, a direction (1 or -1) and characters to look past, return the first non-space
    character from there on that is not one of them ("" at the line's end)."""
    while 0 <= at < len(line):
        if not line[at].isspace() and line[at] not in past:
            return line[at]
        at += step
    return ""


BRACKETED_ADDRESS = re.compile(r"[(（][ \t]*[\w.@:/~%?&=+#-]*[A-Za-z][\w.@:/~%?&=+#-]*[ \t]*[)）][ \t]*")  # no space inside


def opening_bracket(line: str, at: int) -> int:
    """Given a line and a position, return where the last bracket opened before it opens (-1 where none does)."""
    return max(line.rfind("(", 0, at), line.rfind("（", 0, at))


def before_bracket(line: str, at: int) -> str:
    """Given a line and a position after a closing bracket (spaces between or not), return the first non-space
    character before that bracket's opening one ("" where none opens it on the line)."""
    opened = opening_bracket(line, at)
    return next_visible(line, opened - 1, -1) if opened > 0 else ""


CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}:\d\d[ \t]*$")  # a time of day just before a mark: no thousands' digits


def widen_punctuation(line: str) -> str:
    """Given a line, return it with ASCII , : ; ! ? and brackets made full width inside Chinese text."""
    def around(m: re.Match) -> str:
        ch = m.group(0)
        before = next_visible(line, m.start() - 1, -1)
        after = next_visible(line, m.end(), 1)
        if ch == ":" and before.isdigit() and after.isdigit():
            return ch  # a time 10:30
        if ch == "," and after.isdigit() and CLOCK_BEFORE.search(line, 0, m.start()) and CJK_CHAR.search(line):
            return FULL_WIDTH[ch]  # a clause's comma after a time in Chinese text (「14:30~16:30,14:00開放入場」)
        if CJK_CHAR.match(before or " ") or CJK_CHAR.match(after or " "):
            return FULL_WIDTH[ch]
        # a bracket's content, or an item's bracketed marker, on either side (「…設計): (1)…」, 「(如附件1),105年」):
        # what is beyond it, or Chinese inside the bracket closed before it
        if CJK_CHAR.match(next_visible(line, m.start() - 1, -1, ")）") or " ") or (
                ch in ":;" and CJK_CHAR.match(next_visible(line, m.end(), 1, "(（") or " ")) or (
                before in ")）" and CJK_CHAR.search(line[opening_bracket(line, m.start()) + 1:m.start()])):
            return FULL_WIDTH[ch]
        if ch in ":;" and before in ")）" and CJK_CHAR.match(before_bracket(line, m.start()) or " ") and (
                BRACKETED_ADDRESS.fullmatch(line, opening_bracket(line, m.start()), m.start())):
            return FULL_WIDTH[ch]  # a bracketed address between it and the Chinese (「…活動信箱(book.service@moc.gov.tw):」;
            # a bracketed count, 「檔案(1):」, and bracketed English, 「連結(Link to download…:):」, stay as the page set them)
        if ch == ";" and line[m.start() - 1:m.start()] == " " == line[m.end():m.end() + 1] and CJK_CHAR.search(line):
            return FULL_WIDTH[ch]  # set apart by spaces in a Chinese line (「專線: 0800-800-236 ; 07-3800089」)
        return ch

    line = widen_brackets(ASCII_PUNCTUATION.sub(around, line))
    if " " not in line:
        return line
    # spaces left around full-width punctuation, just inside brackets and inside a bracketed address carry no meaning
    # (the padding first: 「( https:// sp.immigration.gov.tw )」 is an address alone in its brackets)
    line = SPACED_URL_IN_BRACKETS.sub(lambda m: m.group(0).replace(" ", ""), SPACE_IN_BRACKETS.sub("", line))
    return SPACED_PUNCTUATION.sub(r"\1", line) if SPACE_BESIDE_MARK.search(line) else line


def narrow_brackets(line: str) -> str:
    """Given a line, return it with full-width brackets around ASCII-only content made ASCII: （02） → (02)."""
    return ASCII_IN_BRACKETS.sub(r"(\1)", line) if "（" in line else line


MARGIN_MARKS = [
    # a Markdown table's rule under its first row, as a page saved as text prints a site's field table (「---|---|」)
    re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$"),
    # the dots of a binding line, one a line, run onto one line with the page's text (「… . . 受文者:…」): a dot standing
    # alone between spaces after Chinese text or a colon; one after a number or a letter stays (「1 . 依據」, 「A . 依據」,
    # 「(1) . 」: an item's number), and one inside a word (「kcg. gov」, 「www . gov」)
    re.compile(r"(?:^[ \t]*|(?<=[\u4e00-\u9fff：:。，、；」])[ \t]+|(?<=\.)[ \t]+)\.(?=[ \t]|$)"),
    re.compile(r"^\s*[裝訂線](?=\s{2,}\S)|(?<=\S)\s{2,}[裝訂線]\s*$"),
    re.compile(r"(?<=[。；！？」）])\s*[裝訂線]\s*$"),  # 「…請查照。訂」: no sentence goes on after 。
    # 「受文者：如行文單位 裝」: a glyph set apart by a space after a word (a line not spaced out character by character,
    # as 「修 訂」 in a spaced heading is)
    re.compile(r"(?<=[^\s][\u4e00-\u9fff])[ \t]+[裝訂線][ \t]*$"),
    # the margin's three glyphs, one a line, run onto one line with the page's text (「第一頁 共一頁 裝 訂 線 臺北市…」)
    re.compile(r"(?:^|(?<=\s))裝\s+訂\s+線(?:\s+|$)"),
    re.compile(r"(?:(?<=\s)|(?<=[，。；：、！？」）,.;:]))[`'´‘’]+\s*$"),  # OCR specks at a line's end
    re.compile(rf"(?:[{RULES}]{{2,}}[裝訂線]?)+[{RULES}]*"),  # a dotted binding line inside a line
    re.compile(rf"^\s*[{RULES}]+|[{RULES}]+\s*$"),  # rules or bars at a line's ends
    # a table's cell border between a label (or an item's marker) and its value, as a site's table is printed as
    # text: 「發文日期: | 中華民國113年11月4日 |」, 「一、 | 依據…」
    re.compile(rf"(?<=[:：、])[ \t]*[{RULES}](?=[ \t]+\S)"),
]


# the labels along the margin the 裝訂線 runs down (受文者 … 附件, 主旨, 說明, 正本, 副本): where a PDF's text came out as
# one line, a glyph of the binding line is glued between a value and such a label (「附件:審查會議紀錄裝主旨:」); only
# after a label's value (a colon before it on the line): a heading 「修訂說明:」 keeps its 訂
MARGIN_LABEL_KEYS = ("recipient", "date", "dispatch_no", "speed", "secrecy", "attachments", "subject", "explanation",
                     "cc_main", "cc_copy")


@cache
def glued_binding_glyph() -> re.Pattern:
    """Return the pattern of a binding-line glyph glued (or set apart by spaces) between a word and a margin label that
    follows it."""
    labels = sorted({v for k in MARGIN_LABEL_KEYS for v in vocabulary()["labels"][k]}, key=len, reverse=True)
    return re.compile(r"(?<=[\u4e00-\u9fff])(?:(?P<gap>[ \t]+)[裝訂線][ \t]+|[裝訂線])(?=(?:"
                      + "|".join(map(re.escape, labels)) + r")[ \t]*[:：])")  # glued, or set apart on both sides


MARGIN_CHARS = re.compile(rf"[裝訂線{RULES}`'´‘’]|\.(?=\s|$)")  # a line without any of these has no margin marks


@cache
def label_cell_rule() -> re.Pattern:
    """Return the pattern of a table's cell rule after a label written without its colon at a line's start, as a
    page saved as text prints a site's field table (「公告主旨 | 衛生福利部…。 |」, 「公告內容 | …」): a letter's label,
    a publisher's note label or a text label (publishers.toml)."""
    notes, text = publisher_table()["notes"], publisher_table()["text"]["labels"]
    labels = {v for vs in vocabulary()["labels"].values() for v in vs} | {*notes["running"], *notes["line"], *text}
    alternation = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
    return re.compile(rf"^([ \t]*(?:{alternation}))[ \t]*[{RULES}][ \t]*(?=\S)")


@cache
def split_label_cells() -> re.Pattern:
    """Return the pattern of a letter's label whose characters a site's table set in cells, a cell rule between them
    (「說 | 明:」), at a line's start before its colon."""
    labels = sorted({v for vs in vocabulary()["labels"].values() for v in vs if len(v) >= 2}, key=len, reverse=True)
    gap, rule = r"[ \t\u3000]*", rf"[ \t\u3000]*[{RULES}][ \t\u3000]*"
    split = [gap.join(map(re.escape, v[:k])) + rule + gap.join(map(re.escape, v[k:]))
             for v in labels for k in range(1, len(v))]
    return re.compile(rf"^[ \t\u3000]*(?:{'|'.join(split)})(?={gap}[:：])")


def strip_margin_marks(line: str) -> str:
    """Given a line, return it without rules or bars at its ends and a binding-line glyph in its margin; a cell rule
    after a label at its start becomes the label's colon."""
    if not MARGIN_CHARS.search(line):
        return line
    for mark in MARGIN_MARKS:
        line = mark.sub("", line)
    line = label_cell_rule().sub(r"\1：", line)
    if any(rule in line for rule in RULES):  # (the pattern of every label's split is large: only where a rule stands)
        line = split_label_cells().sub(lambda m: re.sub(rf"[ \t{RULES}]", "", m.group()), line)
    line = glued_binding_glyph().sub(lambda m: (m["gap"] or "") if re.search("[:：]", line[:m.start()]) else m.group(),
                                     line)
    return line


# a dotted 民國 date with a space after each dot, as compilations and older printouts set it (「68. 04. 12.」)
SPACED_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{2,3})\. (\d{1,2})\. (\d{1,2})(\.?) ?(?=[^\d.]|$)")


# an item's number set apart from its full stop (「1 .」 alone in a site's table cell over the item's text)
SPACED_ITEM_NUMBER = re.compile(r"^([ \t]*\d{1,2})[ \t]+\.(?=[ \t]|$)(?![ \t]*\d)")  # (not 「1 . 5 公尺」)


# a backslash a Big5 page's converter set after a character whose second byte is 0x5C (「功\能」, 「許\可」), not one
# a text writes between two words (a site's menu path: 「點選口腔衛生\各公會…」)
BIG5_ESCAPE = re.compile(r"([\u4e00-\u9fff])\\(?=[\u4e00-\u9fff，。、；：])")


def big5_escaped(m: re.Match) -> str:
    """Given a character and the backslash after it, return the character alone when its Big5 code ends in 0x5C."""
    try:
        return m.group(1) if m.group(1).encode("big5")[-1] == 0x5C else m.group()
    except UnicodeEncodeError:
        return m.group()


def normalise_line(line: str, widened: bool = False) -> str:
    """Given one extracted line (and whether its characters were widened already, as a block's lines are), return it
    with spacing and punctuation mended."""
    line = strip_margin_marks(line)
    line = close_cjk_gaps(line if widened else widen_characters(line))
    if ". " in line:
        line = SPACED_DOTTED_DATE.sub(r"\1.\2.\3\4", line)
    if " ." in line:
        line = SPACED_ITEM_NUMBER.sub(r"\1.", line)
    if "\\" in line:
        line = BIG5_ESCAPE.sub(big5_escaped, line)
    return narrow_brackets(widen_punctuation(line)).strip()


@cache
def site_tag() -> re.Pattern:
    """Return the pattern of a site's section heading or a post's tag set before a headline on its line, a space
    between (data/publishers.toml [furniture] tags)."""
    tags = publisher_table()["furniture"]["tags"]
    return re.compile(r"^\s*(?:" + "|".join(tags) + r")[ \t\u3000]+(?=\S)")


# a label's colon before a table's cell rule where the label's own cell came out empty (「: | 為鼓勵…，請查照。 |」)
LOST_LABEL = re.compile(r"^\s*[:：]\s*[|｜]\s*(?=\S)")


@cache
def marked_label() -> re.Pattern:
    """Return the pattern of a reference mark ※ set before the label of a letter's main part and its colon at a line's
    start (a school site's 公告: 「※公告事項:」; doc_types.toml [marked] parts): the label's bullet."""
    labels = sorted({v for k in doc_type_table()["marked"]["parts"] for v in vocabulary()["labels"][k]}, key=len,
                    reverse=True)
    spaced = "|".join(r"[ \t\u3000]*".join(map(re.escape, v)) for v in labels)
    return re.compile(rf"^[ \t\u3000]*※[ \t\u3000]*(?=(?:{spaced})[ \t\u3000]*[:：])")


def strip_lead_marks(line: str) -> str:
    """Given an extracted line, return it without a list bullet, a label's ※, a lost label's colon or a site's tag
    before its text."""
    return site_tag().sub("", marked_label().sub("", LIST_BULLET.sub("", LOST_LABEL.sub("", line))))


def normalise_text(text: str) -> tuple[str, list[str]]:
    """Given extracted text, return the cleaned text (one line a line) and warnings."""
    lines = widen_characters(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    lines, warnings = drop_page_furniture(strip_dot_guide(lines, dot_guide(lines)))
    cleaned = [normalise_line(strip_lead_marks(line)) for line in lines]
    return "\n".join(line for line in cleaned if line), warnings


def join_parts(parts: list[str]) -> str:
    """Given a value's stripped lines, return them as one line: no space where Chinese meets, a space between Latin
    words wrapped at a space; table rows stay lines."""
    out, in_row = "", False  # in_row: the last line of out is a table row (kept, not rsplit: linear)
    for part in parts:
        if not out:
            out, in_row = part, part.startswith(TABLE_ROW)
        elif part.startswith(TABLE_ROW) or in_row:
            out += "\n" + part
            in_row = part.startswith(TABLE_ROW)
        elif out[-1].isascii() and part[0].isascii() and (out[-1] + part[0]).isalnum() and not (
                out[-1] + part[0]).isdigit() and not wraps_address(out, part):
            out += " " + part  # Latin words (or a word and a number) wrapped at a space
        else:
            out += part  # a hard wrap inside Chinese text, a number or an address
    return out


# a web or e-mail address: a line break inside it is the page's width, never a space of its own
ADDRESS = re.compile(r"(?:https?://|www\.)[\x21-\x7e]*|[\w.+-]+@[\w.-]+")
NEW_ADDRESS = re.compile(r"https?://|www\.|[A-Za-z]+:(?!//)")  # a line opening its own address or a label


def wraps_address(out: str, part: str) -> bool:
    """Given text joined so far and the next line, return whether the line goes on with a web or e-mail address the
    text ends with (「網址h」 over 「ttps://…」, 「abc」 over 「0101@moc.gov.tw」) — not a line opening another address
    or a label (「https://…」 under 「https://…」, 「Email:…」)."""
    tail = re.search(r"[\x21-\x7e]*$", out).group()
    head = re.match(r"[\x21-\x7e]*", part).group()
    if NEW_ADDRESS.match(head):
        return False
    return bool(ADDRESS.fullmatch(tail + head))


def join_wrapped(text: str) -> str:
    """Given a value wrapped over lines, return it as one line (no space where Chinese meets); table rows stay lines."""
    out = join_parts([p.strip() for p in text.split("\n") if p.strip()])
    return normalise_line(out).replace(TABLE_ROW, "").replace(TABLE_CELL, "\t")


def join_clean(text: str) -> str:
    """Given a value of lines already normalised, return it as one line as ``join_wrapped`` does, mending only
    where lines meet (punctuation and brackets beside the joined text)."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    out = join_parts(parts)
    if len(parts) > 1:
        out = narrow_brackets(widen_punctuation(out)).strip()
    return out.replace(TABLE_ROW, "").replace(TABLE_CELL, "\t") if TABLE_ROW in out else out
