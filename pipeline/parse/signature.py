"""署名: the signatory's title and name at a letter's end, told apart from the last 副本 entry."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.items import ANY_MARKER
from pipeline.vocabulary import vocabulary


@cache
def word_at_end_pattern(key: str) -> re.Pattern:
    """Given a key of the signature table whose words close a 署名 line (absences, deputy), return their pattern."""
    return re.compile(f"(?:{'|'.join(map(re.escape, vocabulary()['signature'][key]))})$")


def latin_end(text: str) -> int:
    """Given text, return where its last run of Latin characters ends when that run is an e-mail address or a phone
    number (「…aphia@aphia.gov.tw」, 「…02-23431401」), else 0 (a web address or a word: 「…https://www.tycg.gov.tw 市長
    信箱」, 「依APEC 院長指示」)."""
    end = len(text)
    while end and not "!" <= text[end - 1] <= "~":
        end -= 1
    start = end
    while start and "!" <= text[start - 1] <= "~":
        start -= 1
    run = text[start:end]
    return end if run and ("@" in run or run.rstrip(")")[-1:].isdigit()) else 0  # (「…(分機12)」 too)
BRACKETED_END = re.compile(r"[（(][^）)]*[）)]$")
COLON = re.compile(r"[:：]")


def as_signature(line: str, glued: bool = False) -> str | None:
    """Given a line (glued: the tail of text run together), return it as a 署名 「縣長 徐○○」, else None; a head who
    cannot act writes why after the name (「部長 彭啟明 出國」, a deputy signing 代行 on the next line: 手冊)."""
    line = BRACKETED_END.sub("", line.replace(" ", "")).strip()
    if COLON.search(line):
        return colon_signature(line)
    absent = word_at_end_pattern("absences").sub("", line)
    # why the head cannot act makes the line a 署名 whatever its name ends with (部長 楊文科 請假: 科 ends no unit here)
    return (absent != line and titled_name(absent, glued, any_name=True)) or titled_name(line, glued)


def colon_signature(line: str) -> str | None:
    """Given a line without spaces holding a colon, return it as 「理事長 黃○○」 when it is a known title, the colon and a
    name (an association's, a union's or a school's notice signs 「理事長：黃○○」, 「校長：○○○」), else None (a contact
    row's 「聯絡人：王○○」, 「承辦人：…」 names no signatory's title)."""
    title, name = COLON.split(line, maxsplit=1)
    signature = title in vocabulary()["signature"]["titles"] and titled_name(title + name, glued=False)
    return signature if signature == f"{title} {name}" else None


def closes_text(lines: list[str]) -> bool:
    """Given the lines under a document's head, return whether a head's 署名 stands alone on a line under text of its
    own and before any numbered item (「部　長 許銘春」 under 「訂定「…計畫」…。」, the items after it an attachment's)."""
    lines = [line for line in lines if line.strip()]
    for i, line in enumerate(lines):
        if ANY_MARKER.match(line.lstrip()):
            return False
        if as_signature(line):
            return i > 0
    return False


def titled_name(line: str, glued: bool, any_name: bool = False) -> str | None:
    """Given a line without spaces, return it as 「title name」 when it is a title followed by a name, else None (a
    name ending as a unit does, 「里長辦公處」, is no name unless any_name)."""
    vocab = vocabulary()["signature"]
    # (only a cut leaving a title and a name each within its length can give one: from the longest title down)
    shortest, longest = max(len(line) - vocab["name_max"], 2), min(len(line) - vocab["name_min"], vocab["title_max"])
    for cut in range(longest, shortest - 1, -1):
        title, name = line[:cut], line[cut:]
        if glued and title not in vocab["titles"] and len(title) > vocab["glued_title_max"]:
            continue
        if (len(title) <= vocab["title_max"] and title.endswith(tuple(vocab["title_endings"]))
                and vocab["name_min"] <= len(name) <= vocab["name_max"]
                and re.fullmatch(f"[{vocab['name_chars']}]+", name + title)
                and (any_name or not name.endswith(tuple(vocab["not_name_endings"])))):
            return f"{title} {name}"
    return None


def is_title(line: str) -> bool:
    """Given a line, return whether it is a signatory's title alone (縣長, 主任 委員)."""
    vocab = vocabulary()["signature"]
    title = line.replace(" ", "")
    return title in vocab["titles"] or (len(title) <= vocab["title_max"] and title.endswith(tuple(vocab["title_endings"]))
                                        and bool(re.fullmatch(r"[\u4e00-\u9fff]+", title)) and len(title) >= 2)


def deputy_line(line: str) -> bool:
    """Given a line, return whether it is a deputy's 「title name 代行」 signing for a head who cannot act."""
    bare = word_at_end_pattern("deputy").sub("", line.replace(" ", "").strip())
    return bare != line.replace(" ", "").strip() and as_signature(bare) is not None


@cache
def note_run_on() -> re.Pattern:
    """Return the pattern of a 決行 note run onto the end of a line after other text (a list's last entry): from a
    space, a closing bracket or the note's opening 本案 (「…本公司各單位（均含附件）本案依分層負責規定授權部室主管判發」)."""
    notes = "|".join(map(re.escape, vocabulary()["signature"]["notes"]))
    word = rf"[^ \t\u3000、，。（）()]*(?:{notes})[^ \t\u3000、，。（）()]*"
    return re.compile(rf"(?:[ \t\u3000]+|(?<=[）)])|(?=本案)){word}$")


def split_signature(value: str) -> tuple[str, str | None]:
    """Given the last field's raw value, return it without the trailing 署名 and notes, and the 署名."""
    notes = vocabulary()["signature"]["notes"]
    lines = value.split("\n")
    signature = None
    if lines and (run_on := deputy_run_on(lines[-1])):  # the head's line and the deputy's 代行 line run into one
        lines[-1:] = list(run_on)
    while lines:
        line = re.sub(rf"[（(][^（()）]*(?:{'|'.join(map(re.escape, notes))})[^（()）]*[）)]\s*$", "", lines[-1]).strip()
        if (tail := note_run_on().search(line)) and line[:tail.start()].strip():
            lines[-1] = line[:tail.start()]  # the 決行 note (本案依分層負責規定授權…判發) run onto the list's line
        elif not line or (any(note in line for note in notes) and not ANY_MARKER.match(line)
                          and (not line.endswith("。") or line.startswith("本案"))):
            # a line that is only a note (分層負責…決行); an item or a sentence naming a stamp (「四、隨文檢附…蓋章戳
            # 樣式1份」, 「於名冊上蓋章後寄回本府。」) stays
            lines.pop()
        elif signature is None and len(lines) > 1 and deputy_line(line) and (head := head_before_deputy(lines[-2])):
            lines[-2:], signature = [head[0]] if head[0].strip() else [], head[1]  # the head's, over 「… 代行」
        elif signature is None and len(lines) > 1 and (signature := as_signature(line)):
            lines.pop()
        elif signature is None and (glued := after_last_sentence(line))[1]:  # a PDF paragraph ran it on
            lines[-1], signature = glued
        elif signature is None and len(lines) > 1 and lines[-2].rstrip().endswith("。") and (
                signature := after_last_sentence("。" + line)[1]):  # alone under the last sentence
            lines.pop()
        elif signature is None and len(lines) > 2 and is_title(lines[-2].strip()) and (
                signature := as_signature(lines[-2].strip() + line)):  # layout text: 「縣長」 and 「張○○」 apart
            del lines[-2:]
        elif (signature is None and len(lines) > 1 and lines[-2].rstrip().endswith("。")
              and line.replace(" ", "") in vocabulary()["signature"]["titles"]):
            signature = line.replace(" ", "")  # a head's title alone: a web copy left out the name (and seal)
            lines.pop()
        else:
            break
    rest = "\n".join(lines)
    if signature is None and "\n" not in rest.strip():  # text run together on one line: try its tail
        rest, signature = glued_signature(rest.strip())
    return rest, signature


def deputy_run_on(line: str) -> tuple[str, str] | None:
    """Given a line ending with a deputy's 代行, return (the head's line, the deputy's line) when the two were run into
    one (a PDF paragraph: 「縣長 楊文科 出國副縣長 陳見賢 代行」, also glued to the text before it), else None."""
    if not word_at_end_pattern("deputy").search(line.rstrip()) or deputy_line(line):
        return None
    for start in range(len(line) - 1, 0, -1):  # the shortest deputy line first: 「縣長 陳見賢 代行」, then 「副縣長 …」
        if deputy_line(line[start:]) and head_before_deputy(line[:start]):
            return line[:start].rstrip(), line[start:].strip()
    return None


def head_before_deputy(line: str) -> tuple[str, str] | None:
    """Given the line above a deputy's 代行 line, return (the text before the head's 署名, that 署名) when the line is
    or ends with (a PDF paragraph running it on) the head's 署名, else None."""
    if signature := as_signature(line.strip()):
        return "", signature
    rest, signature = glued_signature(line.strip())
    return (rest, signature) if signature else None


def glued_signature(text: str) -> tuple[str, str | None]:
    """Given text run together on one line, return the text before a 署名 glued to its end and that 署名 (the
    longest known title, else the shortest), or (text, None)."""
    tail = re.search(r"(?:[^、，,；;\s][ \t]?){4,12}$", text)  # a title's and a name's characters may stand apart
    starts = range(tail.start(), tail.end() - 3) if tail else range(0)
    found = [(start, sig) for start in starts if (sig := as_signature(text[start:], glued=True))]
    known = [(start, sig) for start, sig in found if sig.split(" ")[0] in vocabulary()["signature"]["titles"]]
    if not found:
        return after_last_sentence(text)
    start, signature = known[0] if known else found[-1]
    return text[:start], signature


def after_last_sentence(text: str) -> tuple[str, str | None]:
    """Given text run together on one line, return the text up to its last 「。」 (or the end of an e-mail address or a
    phone number closing a contact item) and the 署名 after it when what follows is a known title
    and a name with no punctuation of its own (「…查詢。縣長楊文科」: a sentence never ends so, so the name is one
    whatever it ends with; also on a line of its own under that sentence), else (text, None)."""
    vocab = vocabulary()["signature"]
    end = max(text.rfind("。") + 1, latin_end(text))
    tail = re.sub(r"[ \t\u3000]", "", text[end:])
    for title in sorted(vocab["titles"], key=len, reverse=True):
        name = tail[len(title):]
        if (end and tail.startswith(title) and vocab["name_min"] <= len(name) <= vocab["name_max"]
                and re.fullmatch(f"[{vocab['name_chars']}]+", name)):
            return text[:end], f"{title} {name}"
    return text, None
