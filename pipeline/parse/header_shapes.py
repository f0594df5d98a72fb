"""Header fields recognised by their shape, on lines without labels.

As 公報 and agencies' websites publish letters, the head may carry no 「發文日期：」 or 「發文字號：」:
a line is wholly a 民國 date (「中華民國97年3月4日」, 「103/5/6」), wholly a 發文字號 (「經商字第09702412340號」),
or a citation-form header over a published 函釋 (「107年2月9日衛授食字第1071300456號」, 「行政院公共工程委員會
106.09.21 工程企字第10600299220號函」) that is the document's own date and number, not a cited letter.
A relaying bulletin puts its contact's name and phone on a bare line (「王小明 (02)2345-6789」). 公文 count 民國
years: a line that is wholly a Gregorian date (「2014-10-17」) is the web page's posting date, in no field. A law
database prints the document's own citation under a label (「【函號】：」), a compilation after the text in brackets
(「（經濟部九十年七月十三日經(九○)商字第○九○○二一五○八一○號令）」), run into the first line of text when a PDF line
filled to its edge took both (「…管理處 112.05.05. 觀谷管字第…號公告公告「…」施行…」), or with the 文別 after the issuer (「內政部函
76.05.22.台內營字第5052102號」); older numbers may leave out 字 (「台財稅第55809號」). A compilation heads an entry
with the issuer, the 文別 and the subject in brackets, then the date (「交通部電信總局（函）（…競合）中華民國89年6月2日」).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.parse.clean import IDEOGRAPH
from pipeline.parse.dates import (DATE_RE, LOST_UNITS, date_note_regex, in_roc_years, lost_units_date, match_to_date,
                                  whole_date)
from pipeline.parse.dispatch import (DISPATCH_RE, OLD_NUMBER, UNMARKED_RE, match_to_dispatch, unmarked_dispatch_no,
                                     unmarked_number, whole_dispatch_no)
from pipeline.parse.history_entry import history_entry
from pipeline.parse.items import ANY_MARKER
from pipeline.parse.labels import expectation_endings
from pipeline.parse.references import (abbreviates, find_references, is_agency, is_pronoun, issuer_before,
                                       split_issuer_word, strays_from)
from pipeline.parse.title_line import agency_line, title_match
from pipeline.records import CoIssuer, DispatchNo, RocDate
from pipeline.vocabulary import vocabulary

_S = r"[ \t\u3000]*"
CHIP_MAX = 6  # a line this short above a headline is a site's category chip (「函釋」, 「法規」), not the text
PHONE = r"(?:\(0\d{1,3}\)|0\d{1,3}-)?\d{3,4}-?\d{4}(?:(?:#|轉|分機|ext\.?)\d{1,6})?"


@dataclass
class HeadShapes:
    """What bare head lines gave: the document's own issuer, 文別, date, number, and a contact's name and phone."""
    issuer: str | None = None  # 發文機關 of a citation-form header
    doc_type: str | None = None  # 文別 ending a citation-form header (函, 令, 公告 …)
    date: RocDate | None = None  # 發文日期
    dispatch_no: DispatchNo | None = None  # 發文字號
    contact_name: str | None = None  # 聯絡人 on a bare line
    phone: str | None = None  # 電話 on a bare line
    posted: str | None = None  # a web page's posting date in Gregorian years (「2014-10-17」), taken out, in no field
    summary: str | None = None  # a law database's 要旨 under the citation it splits over two lines, in no field
    headline: list[str] = field(default_factory=list)  # a compilation's headline over the citation, in no field
    subject: str | None = None  # what a regulation's history entry says its document did (訂定發布全文10條)
    co_issuers: list[CoIssuer] = field(default_factory=list)  # 會銜: the further issuers a history entry names
    regulation_dates: list[str] = field(default_factory=list)  # a regulation's own dates beside its entry, in no field
    further_numbers: list[DispatchNo] = field(default_factory=list)  # 會銜: numbers on the lines right after the first


INCOMING = "來文"  # 「…號來文」: a letter received, its 文別 not named


@cache
def citation_header_pattern() -> re.Pattern:
    """Return the pattern of a line that is wholly a citation-form header: [issuer [文別]] date [a gazette's note
    「(補登)」] [以] 發文字號 (its 字 left out in older numbers, or 字 and 第 both: 「經濟部65年7月30日商20670號」) [文別, 函
    also as 函釋; or 來文, a letter received, its 文別 unnamed] [its subject in brackets, as a site lists rulings]; a law
    database may set its category before the issuer (「地政類 內政部 111.08.02. 台內地字第…號函」). An issuer never opens
    with a bracket (a note's: 「（本部…號令廢止本函）」)."""
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    number = f"{DISPATCH_RE.pattern.replace('?P<', '?P<n_')}|{UNMARKED_RE.pattern.replace('?P<', '?P<u_')}|{OLD_NUMBER}"
    return re.compile(rf"(?:[\u4e00-\u9fff]{{1,4}}類{_S})?"
                      rf"(?:(?P<issuer>(?!(?:中華)?民國|[（(])[\u4e00-\u9fff（）()]{{2,40}}?){_S}"
                      rf"(?P<kind_before>{kinds})?)?{_S}"
                      rf"(?P<date>{DATE_RE.pattern})(?:{date_note_regex()})?{_S}\.?{_S}(?:以{_S})?"
                      rf"(?P<dispatch>{number}){_S}(?:(?P<kind>{kinds})釋?|(?P<incoming>{INCOMING}))?"
                      rf"(?:{_S}[（(][^\n]{{1,200}}[）)])?")


@cache
def citation_label_pattern() -> re.Pattern:
    """Return the pattern of a law database's label before a document's own citation (「【函號】：」, 「時間」 before a 民國
    date and a 發文字號: not a meeting's 「時間：112年9月1日至9月30日止」), with the line break after it when it stands
    alone."""
    labels = "|".join(map(re.escape, vocabulary()["citation_labels"]["labels"]))
    dated = "|".join(map(re.escape, vocabulary()["citation_labels"]["dated"]))
    return re.compile(rf"^{_S}[【\[]?(?:{labels}|(?:{dated})(?={_S}[:：]?{_S}(?:中華民國|民國)?{_S}\d{{2,3}}{_S}年[^\n]*字{_S}第[^\n]*號))[】\]]?"
                      rf"{_S}[:：]?{_S}\n?", re.M)


def without_brackets(line: str) -> str:
    """Given a line, return it without the brackets around it whole (「（經濟部…號函）」, as compilations print a
    ruling's own citation after its text)."""
    line = line.strip()
    if re.fullmatch(r"[（(][^（()）]*(?:[（(][^（()）]*[）)][^（()）]*)*[）)]", line):
        return line[1:-1].strip()
    return line


def cites_another(run: str) -> bool:
    """Given the words before a citation's date, return whether they open with a word that cites another document
    (「轉知教育部」, 「依據內政部」, 「復貴府」; after an item's marker too, 「（一）依據嘉義縣政府」): then the line is a
    sentence about that one, not the document's head."""
    refs = vocabulary()["references"]
    if marker := ANY_MARKER.match(run):
        run = run[marker.end():].lstrip()
    return run.startswith(tuple(refs["lead_words"])) or (
        run[:1] in refs["lead_verbs"] and not run.startswith(tuple(refs["lead_verb_exceptions"])))


def issuer_before_word(dispatch: DispatchNo) -> tuple[str | None, DispatchNo]:
    """Given a 發文字號 whose 字 may open with its issuer's name (「內政部內授消字第…號」), return that issuer and the
    number without it; (None, the number) when no agency's name opens it (not 環部 + 管 out of the 字 環部管, nor
    臺教體署 + 學(一) out of 臺教體署學(一): a 字 whole)."""
    named, word = split_issuer_word(dispatch.word) if dispatch.word else (None, "")
    if not named or not word or strays_from(word, named):
        return None, dispatch
    return named, match_to_dispatch(DISPATCH_RE.fullmatch(word + dispatch.text[len(dispatch.word):]))


def citation_header(line: str) -> HeadShapes | None:
    """Given a line, return the issuer, date, number and 文別 it holds when it is wholly a citation-form header."""
    m = citation_header_pattern().fullmatch(without_brackets(line))
    if not m or (m.group("issuer") and (not is_agency(m.group("issuer")) or cites_another(m.group("issuer")))):
        return None
    date = match_to_date(DATE_RE.fullmatch(m.group("date")))
    dispatch = whole_dispatch_no(m.group("dispatch")) or unmarked_number(m.group("dispatch"))
    issuer = m.group("issuer")
    if issuer is None:  # 108年8月8日內政部內授消字第…號函: the issuer before the 字
        issuer, dispatch = issuer_before_word(dispatch)
    if date is None:
        return None
    return HeadShapes(issuer=issuer, doc_type=m.group("kind_before") or m.group("kind"), date=date,
                      dispatch_no=dispatch)


QUOTING_END = re.compile(r"[ \t]*[:：][ \t]*$")


def quoting_head(preamble: str) -> HeadShapes | None:
    """Given the text before a letter's labels, return the issuer, 發文字號 and 文別 of the document its one line cites
    when that line is wholly that citation ended by a colon (「依據法務部法檢字第1000014063號函：」): it introduces the
    letter quoted under it (its 要旨 and 主旨), whose head it is; else None."""
    lines = [line.strip() for line in preamble.split("\n") if line.strip()]
    if len(lines) != 1 or not (end := QUOTING_END.search(lines[0])):
        return None
    line = lines[0][:end.start()]
    found = find_references(line)
    if len(found) != 1 or found[0].dispatch_no is None or not line.endswith(found[0].text):
        return None
    lead = line[:-len(found[0].text)]
    if lead and lead not in vocabulary()["quoting_head"]["lead_words"]:
        return None
    return HeadShapes(issuer=found[0].issuer, doc_type=found[0].kind, date=found[0].date,
                      dispatch_no=found[0].dispatch_no)


# a bracketed citation closing the text's last line right after the sentence's end (「…扣除假期。(行政院人事行政局
# 94年11月14日局考字第 0940065703號函)」: a 人事處's 函釋 page runs the points and the citation into one line)
TRAILING_CITATION = re.compile(r"(?<=[。．])[ \t\u3000]*(?P<cite>[（(][^（()）\n]*(?:[（(][^（()）\n]*[）)][^（()）\n]*)*[）)])"
                               r"[ \t\u3000]*$")


# a law database's source note after a sentence's end (「…辦理。(臺灣省交通處公路局82.04.13. )」, 「(高雄市政府85.06.28.
# 高市建五字第…號函)」), its bracket wrapped over two lines or not, the page's own text (its 規範基礎) after it or not
SOURCE_NOTE = re.compile(r"(?<=[。．])[ \t\u3000]*[（(](?P<note>[^（()）]*(?:[（(][^（()）]*[）)][^（()）]*)*)[）)]")
# its words: the issuer, the date dotted as such databases write 民國 dates, then the number and 文別 when given
SOURCE_NOTE_WORDS = re.compile(r"(?P<issuer>[\u4e00-\u9fff]{2,40}?)(?P<date>\d{2,3}\.\d{1,2}\.\d{1,2})\.?"
                               r"(?P<number>.*)")


def source_note(note: str) -> HeadShapes | None:
    """Given the words in a bracket after a sentence's end, return the issuer and date (and number, 文別) they give when
    they are a law database's source note — an agency's name (not 本府), a dotted 民國 date, then a 發文字號 or nothing
    — else None."""
    note = re.sub(r"\s", "", note)
    m = SOURCE_NOTE_WORDS.fullmatch(note)
    if not m or not is_agency(m.group("issuer")) or is_pronoun(m.group("issuer")) or cites_another(m.group("issuer")):
        return None
    if m.group("number"):
        return citation_header(note)
    date = match_to_date(DATE_RE.fullmatch(m.group("date")))
    return HeadShapes(issuer=m.group("issuer"), date=date) if date else None


SOURCE_ROW = re.compile(r"[ \t\u3000]*【(?P<label>[^:：】]{2,6})[:：](?P<parts>[^】]+)】[ \t\u3000]*")
LINK = re.compile(r"[ \t\u3000]*https?://\S+[ \t\u3000]*")


QUOTED_NAME = re.compile(r"「(?P<name>[^」]{3,60})」")
NAMED_AGENCY_MIN = 3  # an agency opening a quoted name is this long at least (內政部)


def named_issuer(text: str, word: str) -> str | None:
    """Given a document's text and its 字, return the agency opening a name the text quotes that the 字 abbreviates (a
    rule named after the agency issuing it: 「內政部補助…要點」 of 台內地), else None."""
    for m in QUOTED_NAME.finditer(text):
        name = m.group("name")
        agency = next((name[:end] for end in range(NAMED_AGENCY_MIN, len(name)) if is_agency(name[:end])), None)
        if agency and not is_pronoun(agency) and abbreviates(word, agency):
            return agency
    return None


SOURCE_LINE = re.compile(r"[ \t\u3000]*(?P<label>[^:：\s]{2,6})[ \t]*[:：][ \t]*(?P<cite>[^\n]+?)[。．]?[ \t\u3000]*")


def source_line(line: str) -> HeadShapes | None:
    """Given a line, return the issuer, date, number and 文別 when it is wholly a compilation's source row written as
    a label and a citation, an item's marker before it or not (「5.參考文號:法務部93年8月9日法政字第0930027044號函。」,
    「資料來源：內政部…號函」), else None."""
    marker = ANY_MARKER.match(line.lstrip())
    m = SOURCE_LINE.fullmatch(line.lstrip()[marker.end():] if marker else line)
    if not m or m.group("label") not in vocabulary()["source_row"]["labels"]:
        return None
    return citation_header(m.group("cite"))


def source_row(line: str, text: str = "") -> HeadShapes | None:
    """Given a line (and the text above it), return the date, 發文字號 and issuer when the line is wholly a relay
    page's source row (「【資料來源:內政部,台內地字第1130265102號,113年10月14日】」, or a label and a citation:
    source_line), else None: the issuer is the agency the row names where the 字 abbreviates it, else the one opening a
    name the text quotes that the 字 abbreviates."""
    m = SOURCE_ROW.fullmatch(line)
    if not m or m.group("label") not in vocabulary()["source_row"]["labels"]:
        return source_line(line)
    parts = [part.strip() for part in re.split(r"[,，、]", m.group("parts"))]
    date = next((d for part in parts if (d := whole_date(part))), None)
    number = next((n for part in parts if (n := whole_dispatch_no(part))), None)
    if date is None or number is None:
        return None
    if not number.word:
        return HeadShapes(date=date, dispatch_no=number)
    issuer = next((part for part in parts if is_agency(part) and abbreviates(number.word, part)), None)
    return HeadShapes(issuer=issuer or named_issuer(text, number.word), date=date, dispatch_no=number)


def closing_source_row(lines: list[str]) -> tuple[HeadShapes, str, list[str]] | None:
    """Given a body's lines, return what the source row closing it gives (only links after it), the text before it
    and the lines after it; else None."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    tail = [i for i in filled if not LINK.fullmatch(lines[i])]
    at = tail[-1] if tail else None
    if at is None or (cited := source_row(lines[at], "\n".join(lines[:at]))) is None:
        return None
    return cited, "\n".join(lines[:at]).rstrip(), [line.strip() for line in lines[at + 1:] if line.strip()]


def closing_citation(value: str) -> tuple[HeadShapes, str, list[str]] | None:
    """Given the text of a body, return the document's own citation that a compilation prints in brackets after the
    text (「（金管會111.1.18金管證交字第1110380064號令）」, on a line of its own or closing the last line after its 。, its
    bracket wrapped over the last two lines or not; a law database's one source note after a sentence, the page's text
    after it: 「…辦理。(臺灣省交通處公路局82.04.13. )」; a relay page's source row in 【】, links under it or not), the
    text before it and the lines after it (the compiler's notes, the page's statute text: the citation closes the
    document as a 署名 does), or None when there is none."""
    lines = value.split("\n")
    if row := closing_source_row(lines):
        return row
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() and without_brackets(line) != line.strip() and (cited := citation_header(line)):
            return cited, "\n".join(lines[:i]).rstrip(), [rest for rest in lines[i + 1:] if rest.strip()]
    last = max((i for i, line in enumerate(lines) if line.strip()), default=None)
    for first in (last, last - 1) if last else (last,):  # its bracket may wrap onto the last line
        if first is None:
            break
        tail = "".join(line.strip() for line in lines[first:last + 1])
        m = TRAILING_CITATION.search(tail)
        if m and (cited := citation_header(m.group("cite"))):
            return cited, "\n".join(lines[:first] + [tail[:m.start()]]).rstrip(), []
    notes = [(m, cited) for m in SOURCE_NOTE.finditer(value) if (cited := source_note(m.group("note")))]
    if len(notes) == 1 and not any(ANY_MARKER.match(line.lstrip()) for line in value[notes[0][0].end():].split("\n")):
        (m, cited), = notes  # (items after it: a note closing an item cites a ruling, 「…在案。(內政部85.06.28.…號函)」)
        return cited, value[:m.start()].rstrip(), [line.strip() for line in value[m.end():].split("\n") if line.strip()]
    return None


def opening_citation(line: str) -> tuple[HeadShapes, str] | None:
    """Given a line, return what a whole citation-form header opening it gives (issuer, date, number and the 文別
    after it: 「…管理處 112.05.05. 觀谷管字第…號公告」) and the text after it, when text follows (a PDF line filled to
    its edge runs the header into the first line of text) or a colon ends the header (「交通部99.07.26.交路字第…號函：」
    over the letter it quotes), else None: not where an item's marker opens the line or 以 stands before the number
    and text follows (the line cites that letter), nor where another citation is joined on (「、」, 「及」: a list)."""
    m = citation_header_pattern().match(line.strip())
    rest = line.strip()[m.end():].strip().lstrip(":：").strip() if m else ""  # (the colon ending the head: its own)
    if not m or not (m.group("issuer") and (m.group("kind") or m.group("incoming") and rest)) or not rest and not (
            line.rstrip().endswith((":", "："))):
        return None
    if m.group("incoming") and issuer_before(m.group("issuer"), len(m.group("issuer")))[0] != m.group("issuer"):
        return None  # 「本處接獲教育部…號來文」: who received it, in the writer's words — a sentence citing the letter
    if rest and (ANY_MARKER.match(m.group("issuer")) or "以" in line.strip()[m.end("date"):m.start("dispatch")]
                 or rest.startswith(tuple(vocabulary()["references"]["shared_kind_joins"]))):
        return None  # an item citing a letter (「(一)教育部…號函規定：…」), a sentence on what was done by it (「…以…號公告…」),
        # the first of the documents a sentence lists (「本府…號公告、雲林縣政府…號公告…。」)
    cited = citation_header(line.strip()[:m.end()])
    return (cited, rest) if cited and cited.issuer else None


@cache
def compilation_heading_pattern() -> re.Pattern:
    """Return the pattern of a compilation's heading: [issuer] （文別） [（subject）] date [發文字號]."""
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    return re.compile(rf"(?P<issuer>[\u4e00-\u9fff]{{2,40}})?{_S}[（(]{_S}(?P<kind>{kinds}){_S}[）)]"
                      rf"(?:{_S}[（(][^（()）\n]{{1,60}}[）)])?{_S}(?P<date>{DATE_RE.pattern})"
                      rf"(?:{_S}(?P<dispatch>{DISPATCH_RE.pattern.replace('?P<', '?P<n_')}))?")


def compilation_heading(line: str) -> tuple[HeadShapes, str] | None:
    """Given a line, return what a compilation's heading in it gives (「交通部電信總局（函）（…競合）中華民國89年6月2日
    電信公89字第…號」: the issuer when it opens the line, the 文別, the date, the number when one is written) and
    the line without the heading, else None."""
    m = compilation_heading_pattern().search(line)
    date = match_to_date(DATE_RE.fullmatch(m.group("date"))) if m else None
    if date is None:
        return None
    issuer = m.group("issuer") if m.group("issuer") and m.start() == 0 and is_agency(m.group("issuer")) else None
    issuer = None if issuer and cites_another(issuer) else issuer
    dispatch = whole_dispatch_no(m.group("dispatch")) if m.group("dispatch") else None
    start = m.start() if issuer or not m.group("issuer") else m.start("issuer") + len(m.group("issuer"))
    return (HeadShapes(issuer=issuer, doc_type=m.group("kind"), date=date, dispatch_no=dispatch),
            (line[:start] + line[m.end():]).strip())


@cache
def run_in_head_pattern() -> re.Pattern:
    """Return the pattern of a 令's or 公告's head run into a line (issuer, 文別, date, [發文字号]), not after other
    Chinese text; a gazette page that lost the date's units may have lost the 文別 too (「教育部體育署 中華民國104520」)."""
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    lost = LOST_UNITS.pattern.replace("?P<", "?P<l_")
    unnamed = re.sub(r"\?P<\w+>", "?:", LOST_UNITS.pattern)
    return re.compile(rf"(?<![\u4e00-\u9fff（）()])(?P<issuer>(?!(?:中華)?民國)[\u4e00-\u9fff（）()]{{2,40}}?){_S}"
                      rf"(?:(?P<kind>{kinds})|(?={_S}{unnamed})){_S}(?P<date>{DATE_RE.pattern}|{lost}){_S}"
                      rf"(?P<dispatch>{DISPATCH_RE.pattern.replace('?P<', '?P<n_')})?")


def run_in_head(line: str, year: int | None = None) -> tuple[HeadShapes, str] | None:
    """Given a line and the 民國 year of the 發文字號 under it (None when none), return what a 令's or 公告's head run
    into it gives (「內政部令中華民國100年4月15日台內營字第…號」 among a page's marks, 「總統令中華民國94 2 18任命…」 with the
    date's units lost, 「行政院衛生署公告 中華民國100214」 read by the number's year) and the line without it, else None."""
    m = run_in_head_pattern().search(line)
    if not m or not is_agency(m.group("issuer")) or cites_another(m.group("issuer")):
        return None
    written, end = DATE_RE.fullmatch(m.group("date")), m.end()
    dispatch = whole_dispatch_no(m.group("dispatch")) if m.group("dispatch") else None
    if dispatch is None and (unclosed := unclosed_number(line[end:])):  # its 號 lost, the line's end
        dispatch, end = unclosed, len(line)
    date = match_to_date(written) if written else lost_units_date(m.group("date"), dispatch.year if dispatch else year)
    if date is None:
        return None
    return (HeadShapes(issuer=m.group("issuer"), doc_type=m.group("kind"), date=date, dispatch_no=dispatch),
            (line[:m.start()] + line[end:]).strip())


@cache
def headline_citation_pattern() -> re.Pattern:
    """Return the pattern of a law database's headline for a document with the document's own citation after it on
    the line: a phrase (no sentence's end), then the date and the 發文字號 ending the line."""
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    return re.compile(rf"(?P<headline>[^。，,；\n]{{2,80}}?[^\d\s年月日字第號]){_S}(?P<date>{DATE_RE.pattern}){_S}"
                      rf"(?P<dispatch>{DISPATCH_RE.pattern.replace('?P<', '?P<n_')}){_S}(?:{kinds})?")


def headline_citation(line: str) -> HeadShapes | None:
    """Given a line, return the date and number a law database prints after a document's headline on its line
    (「寵物食品「適用寵物種類」標示 105年10月7日農牧字第1050728719號」: the document's own, the headline the database's),
    else None; a headline that cites another document (「復貴處…」, 「依據…」) is a sentence, not a headline."""
    m = headline_citation_pattern().fullmatch(line.strip())
    if not m or cites_another(m.group("headline").strip()):
        return None
    date = match_to_date(DATE_RE.fullmatch(m.group("date")))
    dispatch = whole_dispatch_no(m.group("dispatch"))
    return HeadShapes(date=date, dispatch_no=dispatch) if date and dispatch else None


@cache
def undated_head_pattern() -> re.Pattern:
    """Return the pattern of a line that is wholly a 發文字號 with its issuer's name before the 字 and the 文別 after it,
    no date."""
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    return re.compile(rf"(?P<dispatch>{DISPATCH_RE.pattern}){_S}(?P<kind>{kinds})")


def undated_head(line: str) -> HeadShapes | None:
    """Given a line, return the issuer, number and 文別 it holds when it is wholly an agency's name, a 發文字號 and the
    文別 (「勞動部 勞動條 2字第 1080130118 號書函」: a law database's citation of the document, its date on the line
    above), else None."""
    m = undated_head_pattern().fullmatch(line.strip())
    if not m:
        return None
    issuer, number = issuer_before_word(match_to_dispatch(DISPATCH_RE.fullmatch(m.group("dispatch"))))
    if not issuer or cites_another(issuer):
        return None
    return HeadShapes(issuer=issuer, doc_type=m.group("kind"), dispatch_no=number)


def is_summary(line: str) -> bool:
    """Given the line under a law database's citation split over a date line and a number line, return whether it is
    the ruling's 要旨 (勞動部's 法令查詢系統: a phrase ending no sentence, over the text), not the text's first line (a
    sentence, an item or a label)."""
    line = line.strip()
    return bool(IDEOGRAPH.search(line)) and not line.endswith(("。", "：", ":")) \
        and not ANY_MARKER.match(line) and not re.search(r"[:：]", line[:12])


def holds_own_head(line: str) -> bool:
    """Given a line, return whether it holds a document's own head by its shape: a citation-form header, a
    compilation's heading or a 令's head run into the line."""
    return bool(citation_header(line) or compilation_heading(line) or run_in_head(line))


def contact_line(line: str) -> tuple[str | None, str] | None:
    """Given a line, return (name, phone) when it is wholly a contact's phone, with the name before it or not."""
    table = vocabulary()["contact"]
    m = re.fullmatch(rf"(?:(?:聯絡人|承辦人){_S}[:：]?{_S})?(?P<name>[\u4e00-\u9fff○〇]{{{table['name_min']},"
                     rf"{table['name_max']}}})?{_S}(?:電話{_S}[:：]?{_S})?(?P<phone>{PHONE})", line.strip())
    return (m.group("name"), m.group("phone")) if m else None


HEADLINE_MAX = 60  # a compilation's headline is one short line


def is_headline(lines: list[str]) -> bool:
    """Given the lines over a citation-form head that names its issuer, return whether they are one headline: a short
    line ending no sentence (「都市計畫通盤檢討登報公告未依規定載明公告地點,應否辦理重新公告」, a 「關於…乙案」 of any length),
    longer than a category chip (「解釋函」), no title line; an unlabelled 主旨 over the citation ends its sentence and
    stays the letter's."""
    filled = [line.strip() for line in lines if line.strip()]
    return len(filled) == 1 and (CHIP_MAX < len(filled[0]) <= HEADLINE_MAX or is_case_headline(filled[0])) and \
        not filled[0].endswith(("。", "？", "?", "！") + expectation_endings()) and not title_match(filled[0])


def is_case_headline(line: str) -> bool:
    """Given a line, return whether it is a 函釋 compilation's heading naming the case a ruling answers (「關於…乙案」),
    one phrase however long."""
    table = vocabulary()["case_headline"]
    return line.startswith(tuple(table["openers"])) and line.endswith(tuple(table["endings"])) and "。" not in line


def name_over(kept: list[str]) -> tuple[str, list[str]] | None:
    """Given the lines over a citation-form head without an issuer, return the agency's name the last of them wholly is
    (the document's title printed without its 文別, as a gazette's web copy sets 「財政部」 over 「中華民國111年5月23日
    台財稅字第…號」) and the lines without it; else None."""
    last = max((i for i, line in enumerate(kept) if line.strip()), default=None)
    name = agency_line(kept[last]) if last is not None else None
    return (name, kept[:last]) if name else None


@cache
def kind_row_pattern() -> re.Pattern:
    """Return the pattern of a rules database's summary row opening with the document's 文別 (「函 為貫徹…分流制案」) on
    the line right over its history heading (「歷史沿革」)."""
    kinds = "|".join(map(re.escape, sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)))
    headings = "|".join(map(re.escape, vocabulary()["history"]["headings"]))
    return re.compile(rf"^[ \t\u3000]*(?P<kind>{kinds})[ \t\u3000]*[\u4e00-\u9fff][^\n]*\n[ \t\u3000]*(?:{headings})"
                      rf"[ \t\u3000]*$", re.M)


def database_kind(text: str) -> str | None:
    """Given head text, return the 文別 a rules database's summary row over its history heading opens with, else None."""
    m = kind_row_pattern().search(text)
    return m.group("kind") if m else None


UNCLOSED_NUMBER = re.compile(r"[\u4e00-\u9fff()（）]{1,8}[ \t]*字[ \t]*第[ \t]*\d+[A-Za-z]?")  # a 字 alone, no words


def unclosed_number(line: str, following: str = "") -> DispatchNo | None:
    """Given a line (and the line after it), return the 發文字號 it wholly is when it lost its closing 號
    (「衛署健保字第1002660030」, a gazette page's special font lost): a 字 of a few characters and its number, no word of
    a sentence before it, and no 號 opening the next line (「臺教國署學字第1130051234」 over 「號函辦理。」 is a citation
    wrapped); else None."""
    if not UNCLOSED_NUMBER.fullmatch(line.strip()) or following.lstrip().startswith("號"):
        return None
    return whole_dispatch_no(line + "號")


def shapes_in_lines(text: str, found: HeadShapes | None = None, contacts: bool = True) -> tuple[HeadShapes, str]:
    """Given head text (and what earlier text gave; contacts: whether to take a bare contact line), return the
    fields its bare lines hold by their shape and the text without those lines; a field found is not looked for
    again."""
    found = found or HeadShapes()
    found.doc_type = found.doc_type or database_kind(text)
    if found.date is None and found.dispatch_no is None and (entry := history_entry(text)):
        cited, text, found.regulation_dates = entry
        found.issuer, found.doc_type, found.date = found.issuer or cited.issuer, cited.doc_type, cited.date
        found.dispatch_no, found.subject, found.co_issuers = cited.dispatch_no, cited.subject, cited.co_issuers
    # the line before was the document's own 發文字號 / its date alone / the second line of its split citation
    kept, after_number, after_date, after_split, taken = [], False, False, False, None
    lines = citation_label_pattern().sub("", text).split("\n")
    for i, line in enumerate(lines):
        if i == taken:  # the 發文字號 that lost its 號 under a run-in head: taken with it
            continue
        after = lines[i + 1:i + 3] + ["", ""]
        below = unclosed_number(after[0], after[1]) if i + 1 < len(lines) else None
        was_after, after_number = after_number, False
        was_dated, after_date = after_date, False
        was_split, after_split = after_split, False
        if was_after and (number := whole_dispatch_no(line)):  # 會銜: each issuer's number on a line of its own
            found.further_numbers.append(number)
            after_number = True
        elif was_dated and found.dispatch_no is None and (head := undated_head(line)):
            found.issuer, found.doc_type = found.issuer or head.issuer, found.doc_type or head.doc_type
            found.dispatch_no, after_split = head.dispatch_no, True  # the citation's second line, under its date
        elif was_split and is_summary(line):  # the database's 要旨 under that citation, over the text
            found.summary = line.strip()
        elif found.date is None and found.dispatch_no is None and (cited := citation_header(line)):
            found.issuer, found.doc_type = found.issuer or cited.issuer, found.doc_type or cited.doc_type
            found.date, found.dispatch_no = cited.date, cited.dispatch_no
            if cited.issuer and kept and is_headline(kept):  # a compilation's headline over the citation: no text
                found.headline, kept = [k.strip() for k in kept if k.strip()], []
            elif not cited.issuer and (named := name_over(kept)):  # a gazette: 「財政部」 over 「中華民國…台財稅字第…號」
                found.issuer, kept = named
                if not any(k.rstrip().endswith("。") for k in kept):  # over the title, no sentence: the page's headlines
                    found.headline, kept = [k.strip() for k in kept if k.strip()], []
        elif found.date is None and found.dispatch_no is None and (opening := opening_citation(line)):
            cited, rest = opening
            found.issuer, found.doc_type = found.issuer or cited.issuer, found.doc_type or cited.doc_type
            found.date, found.dispatch_no = cited.date, cited.dispatch_no
            kept.append(rest)
        elif found.date is None and found.doc_type is None and (heading := compilation_heading(line)):
            cited, rest = heading
            found.issuer, found.doc_type, found.date = found.issuer or cited.issuer, cited.doc_type, cited.date
            found.dispatch_no = found.dispatch_no or cited.dispatch_no
            kept += [rest] if rest else []
        elif (found.date is None and found.dispatch_no is None and all(len(k.strip()) <= CHIP_MAX for k in kept)
              and (cited := headline_citation(line))):  # the first line of text, under a site's chips at most
            found.date, found.dispatch_no = cited.date, cited.dispatch_no  # the headline over the text: the database's
        elif found.date is None and found.doc_type is None and (head := run_in_head(line, below and below.year)):
            cited, rest = head
            found.issuer, found.doc_type, found.date = found.issuer or cited.issuer, cited.doc_type, cited.date
            found.dispatch_no = found.dispatch_no or cited.dispatch_no
            if found.dispatch_no is None and below:  # 「衛署健保字第1002660030」 under it, a special font's 號 lost
                found.dispatch_no, taken = below, i + 1
            kept += [rest] if rest else []
        elif whole_date(line) and (not in_roc_years(line) or "-" in line):  # 公文 count 民國 years and never write
            found.posted = found.posted or line.strip()  # a date with dashes (「107-07-27」): a web page's posting date
        elif found.date is None and (date := whole_date(line)):
            found.date, after_date = date, True
        elif found.dispatch_no is None and (number := whole_dispatch_no(line) or unmarked_dispatch_no(line)
                                            or unclosed_number(line, lines[i + 1] if i + 1 < len(lines) else "")):
            found.dispatch_no, after_number = number, True  # (an older number without 字: 「(89)台財證(二)第○一七二六號」;
            # a gazette page's number that lost its 號 to a special font: 「環署綜字第1030005686」)
        elif contacts and found.phone is None and (contact := contact_line(line)):
            found.contact_name, found.phone = contact
        else:
            kept.append(line)
    return found, "\n".join(kept)


CELL_BAR = re.compile(r"[ \t]*[|｜][ \t]*")
RULE_CELL = re.compile(r":?-{3,}:?")  # a Markdown table's rule under its first row (run onto it in a print)


def head_cells(text: str) -> str:
    """Given the text before a letter's labels, return it with a table row whose cells are each a part of the
    letter's head — its title line, a date, a 發文字號, a citation-form header — set a cell a line (a page printing a
    公告's head as one row: 「勞動部公告 | 中華民國106年9月25日 勞職授字第10602038971號 |」)."""
    lines = []
    for line in text.split("\n"):
        cells = [cell for cell in (RULE_CELL.sub("", c).strip() for c in CELL_BAR.split(line.strip())) if cell]
        if len(cells) >= 2 and all(title_match(cell) or whole_date(cell) or whole_dispatch_no(cell)
                                   or citation_header(cell) for cell in cells):
            lines += cells
        else:
            lines.append(line)
    return "\n".join(lines)
