"""The title line of a letter: 「花蓮縣政府 函」 (issuer, then 文別) or 「簽 於人事室」 (文別, 於, the unit), wherever
reading order put it, and its repeats as a page header."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.clean import WHITESPACE
from pipeline.parse.doc_types import ISSUER_TYPE, TYPE_UNIT, doc_type, role, type_names
from pipeline.parse.references import is_agency, is_pronoun
from pipeline.vocabulary import vocabulary


def is_title_issuer(name: str) -> bool:
    """Given the words before a 文別 on a title line, return whether they name an issuer: an agency's name, not a
    pronoun (本校) nor a word of two characters that names a kind of body rather than a body (「處室公告」, 「學會公告」,
    「協會公告」: a site's board caption; 總統, an ending itself, names one), nor an office every agency has named
    alone (「人事室公告」: vocabulary.toml internal_units)."""
    endings = vocabulary()["agency_suffixes"]["endings"]
    return is_agency(name) and not is_pronoun(name) and not (len(name) == 2 and name not in endings) and (
        name not in vocabulary()["internal_units"]["words"])


@cache
def doc_type_pattern() -> str:
    """Return the alternation of the 文別 words a title line ends with (書函 before 函)."""
    return "|".join(map(re.escape, type_names(ISSUER_TYPE)))


@cache
def office_heading() -> re.Pattern:
    """Return the pattern of a line naming an office every agency has and a 文別 (「人事室公告」: vocabulary.toml
    internal_units)."""
    units = "|".join(map(re.escape, vocabulary()["internal_units"]["words"]))
    return re.compile(rf"^[ \t]*(?:{units})[ \t]*(?:{doc_type_pattern()})[ \t]*$", re.M)


def find_unit_title(text: str) -> tuple[str | None, str | None, str]:
    """Given header text, return (unit, 文別, text without the title line) from a line like 「簽 於人事室」."""
    for name in type_names(TYPE_UNIT):
        word = re.escape(doc_type(name).unit_word or "")
        m = re.search(rf"^[ \t]*{re.escape(name)}[ \t]*{word}[ \t]*(?P<unit>[\u4e00-\u9fff（）()]{{2,40}})[ \t]*$", text, re.M)
        if m:
            return m.group("unit"), name, (text[: m.start()] + text[m.end():]).strip()
    return None, None, text


def unit_title_date_apart(text: str) -> str:
    """Given a letter's text, return it with the date the 手冊's form of a 簽 writes after its unit on the title line
    (「簽 於監測資訊司 113年12月19日」) set on a line of its own under it, where a date line is the document's date."""
    for pattern in dated_unit_titles():
        text = pattern.sub(r"\1\n\2", text, count=1)
    return text


@cache
def dated_unit_titles() -> tuple[re.Pattern, ...]:
    """Return, for each 文別 whose title names its unit (簽, 便簽), the pattern of its title line with a date after it."""
    return tuple(re.compile(rf"^([ \t]*{re.escape(name)}[ \t]*{re.escape(doc_type(name).unit_word or '')}[ \t]*"
                            rf"[\u4e00-\u9fff（）()]{{2,40}}?)[ \t]*((?:中華民國)?[ \t]*\d{{2,3}}[ \t]*年[ \t]*\d{{1,2}}"
                            rf"[ \t]*月[ \t]*\d{{1,2}}[ \t]*日)[ \t]*$", re.M) for name in type_names(TYPE_UNIT))


def meeting_title_issuer(words: str, name: str) -> str | None:
    """Given the words before a notice's 文別 on its title line and the 文別, return the issuer when they are an
    agency followed by the meeting's name (「桃園市龍星國小校務會議開會通知單」 → 桃園市龍星國小), else None: a
    開會通知單 (or 會勘通知單) may name its meeting between the issuer and the 文別."""
    if not any((role(k) or "").startswith("meeting.") for k in doc_type(name).body):
        return None
    endings = tuple(vocabulary()["meeting_names"]["endings"])
    for cut in range(len(words) - 2, 1, -1):
        if words[cut:].endswith(endings) and is_title_issuer(words[:cut]):
            return words[:cut]
    return None


def qualified_title_issuer(words: str, name: str) -> str | None:
    """Given the words before a title's 文別 and the 文別, return the issuer when they are an agency followed by what
    the document does (「法務部公示送達公告」 → 法務部: vocabulary.toml [title_qualifiers]), else None."""
    for qualifier in vocabulary()["title_qualifiers"].get(name, []):
        if words.endswith(qualifier) and is_title_issuer(words[:-len(qualifier)]):
            return words[:-len(qualifier)]
    return None


def title_issuer(words: str, name: str) -> str | None:
    """Given the words before a title's 文別 and the 文別, return the issuer they name (an agency alone, after a word
    saying the title is posted on its behalf, or followed by its meeting's name or by what the document does), else
    None."""
    behalf = next((w for w in vocabulary()["title_on_behalf"]["words"] if words.startswith(w)), None)
    if behalf and is_title_issuer(words[len(behalf):]):
        return words[len(behalf):]
    if is_title_issuer(words):
        return words
    return meeting_title_issuer(words, name) or qualified_title_issuer(words, name)


@cache
def title_pattern() -> re.Pattern:
    """Return the pattern of a title line: an issuer's name and the 文別, bare or in brackets, closing a line."""
    return re.compile(rf"(?P<issuer>[\u4e00-\u9fff（）()]{{2,40}}?)[ \t]*(?:(?P<type>{doc_type_pattern()})|[（(]"
                      rf"(?P<bracketed>{doc_type_pattern()})[）)])】?[ \t]*$", re.M)


def title_match(text: str) -> tuple[re.Match, str] | None:
    """Given header text, return the title line's match and its issuer (「花蓮縣政府 函」, a notice naming its
    meeting: 「○○國小校務會議開會通知單」, a 公告 naming what it does: 「法務部公示送達公告」), or None."""
    # (a compilation prints the 文別 in brackets: 「財政部證券暨期貨管理委員會(令)」; a site, the whole title in
    # lenticular ones: 「【行政院消費者保護委員會函】」)
    for m in title_pattern().finditer(text):
        if issuer := title_issuer(m.group("issuer"), title_type(m)):
            return m, issuer
    return None


def title_type(m: re.Match) -> str:
    """Given a title_match match, return its 文別, written bare or in brackets."""
    return m.group("type") or m.group("bracketed")


@cache
def type_alone() -> re.Pattern:
    """Return the pattern of a line that is wholly an issuer's 文別 (「令」, 「函」), spaces around it."""
    names = "|".join(map(re.escape, type_names(ISSUER_TYPE)))
    return re.compile(rf"[ \t\u3000]*(?:{names})[ \t\u3000]*")


def join_type_alone(text: str) -> str:
    """Given header text, return it with a 文別 standing alone on the line under an agency's name joined onto that
    line (a gazette's 會銜 title: 「法務部」 over 「內政部」 over 「令」 → 「內政部令」, the names over it the other issuers)."""
    lines, alone = text.split("\n"), type_alone()
    for i in range(len(lines) - 1, 0, -1):
        if alone.fullmatch(lines[i]) and agency_line(lines[i - 1]):
            lines[i - 1:i + 1] = [lines[i - 1].rstrip() + lines[i].strip()]
    return "\n".join(lines)


def agency_line(line: str) -> str | None:
    """Given a line, return the agency's name it wholly is, spaces between its characters or not (「行 政 院 主 計
    處」), else None."""
    name = re.sub(r"[ \t\u3000]", "", line)
    return name if re.fullmatch(r"[\u4e00-\u9fff（）()]{2,40}", name) and is_title_issuer(name) else None


def lead_issuer(preamble: str, over_identity: bool = False, web_page: bool = False) -> str | None:
    """Given the text before a letter's labels, whether a label naming the document (發文日期, 發文字號) opens them and
    whether the text is a web page's (its furniture dropped), return the body its last line wholly names: the title line printed without its 文別 — over the 主旨 of a relayed
    letter when the name ends as a company's or a hospital's full name does (`lead_issuer` in vocabulary.toml), over
    the letter's own date or number whatever agency it names (a web copy of the letter's head: a post's title, then
    「財團法人…基金會」 over 「發文日期：」; a web page's first line is the site's banner, no title line); else None."""
    lines = [line for line in preamble.split("\n") if line.strip()]
    name = agency_line(lines[-1]) if lines else None
    over_identity = over_identity and (len(lines) > 1 or not web_page)  # a web page's first line is its banner
    return name if name and (over_identity or name.endswith(tuple(vocabulary()["lead_issuer"]["endings"]))) else None


def headline_issuer(preamble: str, subject: str) -> str | None:
    """Given the text before a letter's labels and its 主旨, return the agency a headline over it names: a line that is
    an agency's name and then the 主旨's own words (「國家通訊傳播委員會公告應審驗之…設備及施行日期」 over 「主旨：公告應審驗之
    …設備及施行日期。」, a site's title of the 公告 it posts); else None."""
    words = WHITESPACE.sub("", subject).rstrip("。")
    for line in preamble.split("\n"):
        line = WHITESPACE.sub("", line)
        if len(words) >= 4 and line.endswith(words) and (name := agency_line(line[:-len(words)])):
            return name
    return None


ITEM_LINE = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}[、．.]")


LIST_MIN = 3  # agencies' names a line each, this many in a run, are a list (a 公告 may be signed by two: a 府 over its 局)


def run_lengths(flags: list[bool]) -> list[int]:
    """Given flags, return for each the length of the run of true flags holding it (0 where false)."""
    lengths, start = [0] * len(flags), 0
    for i, flag in enumerate([*flags, False]):
        if not flag:
            lengths[start:i] = [i - start] * (i - start)
            start = i + 1
    return lengths


def signing_agency(lines: list[str]) -> str | None:
    """Given a text's lines, return the agency's name that closes its numbered items on a line of its own
    (「一、…」 … 「經濟部台灣自來水公司第三區管理處」): a notice its agency signs by name — the 手冊's 署名 of an
    agency rather than its head —, printed without its title line; else None (names listed under an item that closes
    with a colon, 「請下列名單所列幼兒園協助…：」, a name a line, sign nothing; nor does a name a wrap set alone inside
    a sentence, under a line ending with a comma: 「…相關原則，」 over 「基本上依據台北縣政府」 over 「公布之規定。」)."""
    first = next((i for i, line in enumerate(lines) if ITEM_LINE.match(line)), None)
    if first is None:
        return None
    filled = [line for line in lines[first + 1:] if line.strip()]
    runs = run_lengths([bool(agency_line(line)) for line in filled])
    for i, line in enumerate(filled):  # a name under a colon's line, or in a run of three names or more, is a list's
        above = filled[i - 1] if i else lines[first]
        listed = above.rstrip().endswith(("：", ":", "，", ",", "、")) or runs[i] >= LIST_MIN
        if (name := agency_line(line)) and not listed:
            return name
    return None


def joint_names_before(text: str, start: int) -> tuple[list[str], int]:
    """Given header text and where a title line's issuer starts, return the issuers a 會銜 title names before it on
    the same line, joined by 、 (「財政部、經濟部(函)」, as a compilation prints it), and where the line starts."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    names = [n.strip() for n in before.rstrip("、").split("、")] if before.endswith("、") else []
    return (names, line_start) if names and all(agency_line(n) for n in names) else ([], start)


SHARED_ENDING = "委員會"  # joint committees name themselves by their fields joined by 、 before one 委員會


def names_sharing_ending(text: str, start: int, issuer: str) -> str | None:
    """Given header text, where a title line's issuer starts and the issuer, return the words before it on its line
    when they name fields of the same 委員會, joined by 、 (「立法院法制、」 before 「經濟及能源委員會函」: the 立法院's joint
    committees reviewing one bill), none of them an agency's name; else None."""
    before = text[text.rfind("\n", 0, start) + 1:start].strip()
    names = before.rstrip("、").split("、")
    if not before.endswith("、") or not issuer.endswith(SHARED_ENDING) or not all(
            re.fullmatch(r"[\u4e00-\u9fff]{2,12}", n) and not agency_line(n) for n in names):
        return None
    return before


def joint_lines_above(text: str, start: int) -> list[str]:
    """Given header text and where its title line starts, return the issuers a 會銜 title names on the lines right
    above it, one agency's name a line (「經濟部」 over 「內政部令」), in order."""
    names = []
    for line in reversed(text[:start].rstrip("\n").split("\n")):
        if not (name := agency_line(line)):
            break
        names.insert(0, name)
    return names


def joint_lines_below(text: str, end: int) -> list[str]:
    """Given header text and where its title line ends, return the issuers a 會銜 title names on the lines right
    under it (three issuers: the title line in the middle, 「行 政 院 主 計 處」 under 「財 政 部令」), in order."""
    names = []
    for line in text[end:].lstrip("\n").split("\n"):
        if not (name := agency_line(line)):
            break
        names.append(name)
    return names


@cache
def two_line_pattern() -> re.Pattern:
    """Return the pattern of a title over two lines: a line, then what the document announces and its 文別
    (vocabulary.toml [two_line_titles])."""
    types = "|".join(map(re.escape, vocabulary()["two_line_titles"]["types"]))
    return re.compile(rf"^(?P<agency>[^\n]+)\n[ \t\u3000]*(?P<topic>[^\n。：:，,]{{2,40}}?)[ \t\u3000]*(?P<type>{types})[ \t]*$",
                      re.M)


def two_line_title(text: str) -> tuple[str, str, str] | None:
    """Given header text, return (issuer, 文別, text without the title's lines) when it opens with a title over two
    lines, the agency's name alone above what it announces (「桃園市立內壢國中」 over 「…校務會議時間公告」; with the
    agency's own body the line opens with, 「學生議會 1122 屆…開會通知單」, both), else None (an agency's name further
    down, under a site's other lines, is the site's banner)."""
    m = two_line_pattern().match(text.lstrip())
    if m and (name := agency_line(m.group("agency"))) and not ITEM_LINE.match(m.group("topic")):
        organ = next((w for w in vocabulary()["organs"]["words"] if opens_with_organ(m.group("topic"), w)), "")
        return name + organ, m.group("type"), text.lstrip()[m.end():].strip()
    return None


def opens_with_organ(words: str, organ: str) -> bool:
    """Given a title's words and a body's name (vocabulary.toml [organs]), return whether the words open with that
    body as a whole word: then a space, a digit, the end or a committee of it (「學生議會常務委員會」), not a longer word
    (「教師會議」, 「學生會長」)."""
    return bool(organ_pattern(organ).match(words))


@cache
def organ_pattern(organ: str) -> re.Pattern:
    """Given a body's name (vocabulary.toml [organs]), return the pattern of words opening with it as a whole word
    (opens_with_organ)."""
    return re.compile(rf"{re.escape(organ)}(?=[ \t\d]|$|[\u4e00-\u9fff]*委員會$)")


def organ_parent(text: str, start: int, issuer: str) -> str | None:
    """Given header text, where its title line starts and the issuer it names, return the agency's name alone on the
    line above when the issuer is one of that agency's own bodies (vocabulary.toml [organs]: 「臺北市立松山高級中學」
    over 「學生議會常務委員會 開會通知單」), else None."""
    if not any(opens_with_organ(issuer, w) for w in vocabulary()["organs"]["words"]):
        return None
    above = text[:start].rstrip("\n").rpartition("\n")[2]
    return agency_line(above)


def find_title(text: str) -> tuple[str | None, str | None, str]:
    """Given header text, return (issuer, 文別, text without the title line) from a line like 「花蓮縣政府 函」
    (or 「簽 於人事室」, or a notice naming its meeting: 「○○國小校務會議開會通知單」); a 會銜 title's further issuers
    on the lines above and under it go with it; a joint committee's fields joined by 、 are its one name."""
    found = title_match(text)
    if found is None:
        return two_line_title(text) or find_unit_title(text)
    m, issuer = found
    head, tail = text[:m.start()].rstrip("\n").split("\n"), text[m.end():].lstrip("\n").split("\n")
    if parent := organ_parent(text, m.start(), issuer):
        return parent + issuer, title_type(m), "\n".join(head[:-1] + tail).strip()
    before, line_start = joint_names_before(text, m.start())
    if before:  # 「財政部、經濟部(函)」: the first named is the issuer
        head = text[:line_start].rstrip("\n").split("\n")
        return before[0], title_type(m), "\n".join(head + tail).strip()
    if shared := names_sharing_ending(text, m.start(), issuer):  # 「立法院法制、經濟及能源委員會函」: one committee's name
        head = text[:text.rfind("\n", 0, m.start()) + 1].rstrip("\n").split("\n")
        return shared + issuer, title_type(m), "\n".join(head + tail).strip()
    head = head[:len(head) - len(joint_lines_above(text, m.start()))]  # a 會銜 title's issuers go with it
    tail = tail[len(joint_lines_below(text, m.end())):]
    return issuer, title_type(m), "\n".join(head + tail).strip()


def below_title(text: str) -> str:
    """Given the text before a letter's labels, return what stands under its title line (a page's lines over the
    title line — a gazette entry's headline and 號次 — are never the letter's text); the text without its title line
    when the title stands on two lines or names a unit, the text itself when there is none."""
    found = title_match(text)
    if found is None:
        return find_title(text)[2]
    tail = text[found[0].end():].lstrip("\n").split("\n")
    return "\n".join(tail[len(joint_lines_below(text, found[0].end())):]).strip()


def joint_title(text: str) -> list[str]:
    """Given header text, return every issuer its title names, in order: the agencies on the lines above the title
    line (a 會銜 title: 「經濟部」 over 「內政部令」), then the title line's own; [] without a title line."""
    found = title_match(text)
    if not found:
        return []
    if parent := organ_parent(text, found[0].start(), found[1]):
        return [parent + found[1]]
    if before := joint_names_before(text, found[0].start())[0]:
        return before + [found[1]]
    return joint_lines_above(text, found[0].start()) + [found[1]] + joint_lines_below(text, found[0].end())


@cache
def attachment_line() -> re.Pattern:
    """Return the pattern of a line that is wholly the label of an attachment printed after the body (「附件」)."""
    sp = r"[ \t\u3000]*"
    labels = "|".join(sp.join(map(re.escape, v)) for v in vocabulary()["labels"]["appended"])
    return re.compile(rf"{sp}(?:{labels}){sp}[:：]?{sp}")


def drop_repeated_title(text: str, issuer: str, doc_type: str) -> tuple[str, int]:
    """Given letter text, return it without the title line repeated as a page header after 主旨 (on one line,
    or on two as layout text gives it), and how many. Under a line 「附件」 the title is the attached document's
    own (a 公告 serving an earlier 公告 of the agency prints it after 「附件」): it stays."""
    line = re.compile(rf"^{re.escape(issuer)}[ \t]*\n?[ \t]*{re.escape(doc_type)}[ \t]*$\n?", re.M)
    subject = re.search(r"主[ \t]*旨[ \t]*[:：]", text)
    if not subject:
        return text, 0
    rest, repeats = text[subject.end():], 0

    def drop(m: re.Match) -> str:
        nonlocal repeats
        if attachment_line().fullmatch(rest[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]):
            return m.group(0)
        repeats += 1
        return ""
    rest = line.sub(drop, rest)
    return text[: subject.end()] + rest, repeats


# the contact block a title line may stand beside in reading order (and a post's 發文單位 row over it, its value run on
# to the letter's first label), and the header values after it
TITLE_BESIDE = ("address", "contact_unit", "contact_name", "poster", "phone", "extension", "fax", "email", "contact",
                "contact_name_phone", "issuer")
HEADER_KEYS = ("date", "dispatch_no", "speed", "secrecy", "recipient")


def take_line(values: dict[str, str], keys: tuple[str, ...], pattern: re.Pattern) -> re.Match | None:
    """Given label values, keys to look in and a whole-line pattern, return the first match, taking its line out."""
    for key in keys:
        m = pattern.search(values.get(key, ""))
        if m:
            values[key] = values[key][: m.start()] + values[key][m.end():]
            return m
    return None


def title_among_values(values: dict[str, str]) -> tuple[str | None, str | None]:
    """Given header label values, return (issuer, 文別) from a title line that reading order put inside the
    address block (「花蓮縣政府 函」 on a line of its own), or from the issuer and its 文別 on two lines of
    their own (layout text: 「花蓮縣政府」 … 「函」), taking those lines out of their values."""
    types = doc_type_pattern()
    whole = re.compile(rf"^[ \t]*(?P<issuer>[\u4e00-\u9fff（）()]{{2,40}}?)[ \t]*(?P<type>{types})[ \t]*$", re.M)
    # (a site's 「公告字號：」 row over the whole letter, title line and all; a post's 「日期：2020/09/03」 row run on to
    # its 「點閱率1145」 and the title line under them)
    for key in (*TITLE_BESIDE, "date_short", "dispatch_no"):
        for m in whole.finditer(values.get(key, "")):
            if is_title_issuer(m.group("issuer")):
                values[key] = values[key][: m.start()] + values[key][m.end():]
                return m.group("issuer"), m.group("type")
    lone_type = re.compile(rf"^[ \t]*(?P<type>{types})[ \t]*$\n?", re.M)
    lone_issuer = re.compile(r"^[ \t]*(?P<issuer>[\u4e00-\u9fff（）()]{3,40})[ \t]*$\n?", re.M)
    sources = ("preamble", "file_no", "retention", *TITLE_BESIDE, *HEADER_KEYS)
    issuers = [(k, m) for k in sources[:-len(HEADER_KEYS)] for m in lone_issuer.finditer(values.get(k, ""))
               if is_title_issuer(m.group("issuer"))]
    if not issuers or not any(lone_type.search(values.get(k, "")) for k in sources):
        return None, None
    doc_type = take_line(values, sources, lone_type).group("type")
    key, m = issuers[0]
    values[key] = values[key].replace(m.group(0), "", 1)
    return m.group("issuer"), doc_type
