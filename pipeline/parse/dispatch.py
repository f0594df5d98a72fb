"""發文字號: 「府政行字第1080251637號」 → word, number, ROC year, serial, branch."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.parse.clean import widen_characters
from pipeline.parse.dates import to_int
from pipeline.records import DispatchNo
from pipeline.vocabulary import vocabulary

_S = r"[ \t\u3000]*"
# a number written digit by digit in Chinese numerals: 第一○二○○一二三四五一號 (a Latin O typed for 〇 among them:
# 第九OOO九號)
CN_DIGITS = "〇○零ＯO一二三四五六七八九"
# 字 (the word) is Chinese with optional brackets or Latin letters: 臺教高(二), 府授教特, 北市教中, 經(九○)商; a firm
# or an association may open it with the year (104永全字第151106號), 年 and all (89年美兆字第015號)
WORD = (r"(?:(?<![\d.．/])\d{2,3}[ \t]*(?:年[ \t]*)?(?=[\u4e00-\u9fff])(?![年月日]))?"  # its year (and 年)
        r"[\u4e00-\u9fffA-Za-z（）()][\u4e00-\u9fffA-Za-z0-9（）()〇○]{0,19}?")  # 勞動條3, 北執丁113年勞費執
# the digits, an agency's letter suffix kept with them (第1031002345C號), or Chinese digits (a typist's 0 among
# them: 第0九二00一九五0八號), the suffix kept after them too (農林字第○○三○○四二A號), or one to three digits (an association
# or an older office numbering its letters from 1 each year, in ASCII or Chinese digits: 建師全聯(87)字第503號,
# 台（七四）組一字第○八一號)
NUMBER = rf"(?:\d[\d \t]{{2,18}}\d[A-Za-z]?|[{CN_DIGITS}\d]{{4,20}}[A-Za-z]?|\d{{1,3}}|[{CN_DIGITS}]{{1,3}})"
# the 民國 year in brackets in the 字, written in Chinese numerals: 經(九○)商, 台（九十）內法 (a single numeral in
# brackets is a section's number: 台財證(二))
BRACKET_YEAR = re.compile(r"[(（](?P<year>[〇○零一二三四五六七八九十百]{2,4})[)）]")
# a 分號 after the number, joined by a dash or by 之 (「第1080251637-1號」, 「第0940058864之1號」)
BRANCH = rf"(?:{_S}(?:[-－]|之){_S}(?P<branch>\d{{1,4}}))?"
DISPATCH_RE = re.compile(  # 第 is left out in some older numbers: 台內地字123456號
    rf"(?P<word>{WORD}){_S}字{_S}(?:第{_S})?(?P<number>{NUMBER}){BRANCH}{_S}號"
)
# in a citation's form (a date before it, its 文別 after it) older numbers may leave out 字: 台財稅第55809號
UNMARKED_RE = re.compile(rf"(?P<word>{WORD})(?<!字){_S}第{_S}(?P<number>{NUMBER}){BRANCH}{_S}號")
BARE_RE = re.compile(rf"(?<!字)第{_S}(?P<number>{NUMBER}){BRANCH}{_S}號")
# a number written with neither 字 nor 第 (民國70s: 商二七五二二號): a short 字 and 5–8 digits; the 字 may hold its
# year in brackets (經(79)商209942號), as older numbers with 字 write it (經(90)商字);
OLD_NUMBER = (r"(?!第)(?:[\u4e00-\u9fff]{0,3}[(（][\d〇○零一二三四五六七八九十]{2,4}[)）])?[\u4e00-\u9fff]{1,4}?"
              r"[〇○零一二三四五六七八九\d]{5,8}號")  # a typist's 0 among Chinese digits: 商0五0一四號
# a number cited by its digits alone, opening with its year, when the 字 was given just before (「農授糧字第1141110473A號
# 書函及114年11月6日以1141110473號令」)
DIGITS_ONLY = re.compile(r"(?P<number>\d{9,11}[A-Za-z]?)號")
# under a 發文字號 label, a body that numbers its letters its own way may write a word and the digits with neither 字,
# 第 nor 號 (a trade association: 「公告113164」, its year's number run into the serial)
PLAIN_RE = re.compile(rf"(?P<word>[\u4e00-\u9fff]{{1,6}}){_S}(?P<number>\d{{4,12}})")


def ascii_digits(number: str) -> str:
    """Given a number in ASCII or Chinese digits (一○二○○一二三四五一), return it in ASCII digits."""
    return number.translate(str.maketrans(CN_DIGITS, "00000123456789"))


def canonical_word(word: str) -> str:
    """Given the 字 as written, return it with brackets made ASCII (臺教高（二） → 臺教高(二)), a year in brackets
    in ASCII digits (經(九○)商 → 經(90)商), no space or tab in it (104 永全 → 104永全), no database's status mark
    before a bracketed year (廢(90)台勞保三 → (90)台勞保三) and no gazette's note after a date line run onto it
    (「…5月19日（補登） 經協字…」 → 經協) and an older central number's opening year before 臺 in ASCII digits (七二台內營 →
    72台內營)."""
    word = LEADING_YEAR.sub(ascii_leading_year, word)
    word = re.sub(r"[ \t]", "", BRACKET_YEAR.sub(ascii_year, word)).replace("（", "(").replace("）", ")")
    marks = "".join(vocabulary()["dispatch"]["status_marks"])
    notes = "|".join(map(re.escape, vocabulary()["dates"]["notes"]))
    return re.sub(rf"^[{marks}](?=\(\d{{2,3}}\))|^\((?:{notes})\)", "", word)


def ascii_year(m: re.Match) -> str:
    """Given a BRACKET_YEAR match, return it in ASCII digits when it is a 民國 year ((九○) → (90)), else as written."""
    low, high = vocabulary()["dispatch"]["year_range"]
    value = to_int(m.group("year"))
    return f"({value})" if value is not None and low <= value <= high else m.group(0)


# an older central number may open its 字 with the 民國 year in Chinese numerals before 臺 (「七二台內營字第一五八三五三號」)
LEADING_YEAR = re.compile(r"^(?P<year>[〇○零一二三四五六七八九十]{2,3})(?=[臺台])")


def ascii_leading_year(m: re.Match) -> str:
    """Given a LEADING_YEAR match, return it in ASCII digits when it is a 民國 year (七二 → 72), else as written."""
    low, high = vocabulary()["dispatch"]["year_range"]
    value = to_int(m.group("year"))
    return str(value) if value is not None and low <= value <= high else m.group(0)


# (a typist's Latin O for 〇 among the numerals: 台九O內 of 民國90)
OPENING_YEAR = re.compile(r"^[臺台]?(\d{2,3})(?=\D)|^[臺台]([一二三四五六七八九十百○〇零]{1,3}[一二三四五六七八九十百○〇零OＯ])"
                          r"(?=[^一二三四五六七八九十百○〇零OＯ])")


def opening_year(word: str | None) -> int | None:
    """Given the 字, return the ROC year it opens with (「84台中特四」, 「104永全」, after 臺: 「臺85勞安3」, 「台九十消保法」,
    「台九O內」), else None."""
    low, high = vocabulary()["dispatch"]["year_range"]
    m = OPENING_YEAR.search(word or "")
    year = m and to_int(next(group for group in m.groups() if group))
    return year if year and low <= year <= high else None


def year_and_serial(word: str | None, number: str) -> tuple[int | None, str | None]:
    """Given the 字 and the digits, return the ROC year and the serial: the first 3 digits (first 2 in an older
    7–8 digit number, or in a 9–10 digit one whose first 3 are no year), or a 「NNN年」 or 「(NN)」 written in the 字
    (the whole number then the serial); a 字 that opens with its year (「84台中特四」) gives it first, unless the number
    repeats it at its start or is a modern one of ten digits or more, opening with its own year."""
    table = vocabulary()["dispatch"]
    low, high = table["year_range"]
    old_low, old_high = table["old_year_range"]
    shortest, longest = table["old_digits"]
    year = opening_year(word)
    if (year is not None and len(number) < table["min_digits_with_year"]
            and not number.startswith((str(year), f"{year:03d}"))):
        return year, number  # 「84台中特四字第1190656號」: the 字's year, the number the serial (its 119 no year)
    if len(number) >= min(table["min_digits_with_year"], shortest) and low <= int(number[:3]) <= high:
        if len(number) >= table["min_digits_with_year"] or int(number[:3]) >= 100:
            return int(number[:3]), number[3:]
    if shortest <= len(number) <= longest and old_low <= int(number[:2]) <= old_high:
        return int(number[:2]), number[2:]
    # the year in the 字: 「113年」, 「(89)」, opening it (104永全), or after 臺 as older central numbers write it (臺85勞安3,
    # in Chinese numerals too: 台九十消保法)
    written = re.search(rf"(\d{{2,3}})年|[(（](\d{{2,3}})[)）]|{OPENING_YEAR.pattern}", word or "")
    year = written and to_int(next(group for group in written.groups() if group))
    if year and low <= year <= high:
        if written.group(2) and shortest <= len(number) <= longest + 1 and number.startswith(str(year)):
            # the bracket's year repeated at the number's start (「(89)農牧字第890040348號」): numbered year first, as the
            # older 7–8 digit numbers are, the serial after it
            return year, number[len(str(year)):]
        return year, number
    if len(number) >= table["min_digits_with_year"] and old_low <= int(number[:2]) <= old_high and int(number[:3]) > high:
        return int(number[:2]), number[2:]  # a ten-digit number of the 80s–90s (總統府 88: 8800303450)
    return None, None


def match_to_dispatch(m: re.Match | None) -> DispatchNo | None:
    """Given a DISPATCH_RE or BARE_RE match, return its DispatchNo (None for no match: a citation's number mangled)."""
    if m is None:
        return None
    word = canonical_word(m.group("word")) if "word" in m.re.groupindex else None
    number = ascii_digits(re.sub(r"\s", "", m.group("number")))
    return DispatchNo.of(word, number, m.group("branch"), *year_and_serial(word, number))


def parse_dispatch_no(text: str) -> DispatchNo | None:
    """Given text holding a 發文字號, return it parsed, or None when there is none."""
    text = widen_characters(text or "").strip()
    m = DISPATCH_RE.search(text) or BARE_RE.search(text)
    return match_to_dispatch(m) if m else None


def unmarked_dispatch_no(text: str) -> DispatchNo | None:
    """Given text that is wholly a 發文字號 written without 字 (「財稅一第47863號」), return it with its text as written,
    else None."""
    m = UNMARKED_RE.fullmatch(widen_characters(text or "").strip())
    if m is None:
        return None
    number = match_to_dispatch(m)
    return replace(number, text=number.text.replace(f"{number.word}字第", f"{number.word}第", 1))


def labelled_dispatch_no(text: str, roc_year: int | None = None) -> DispatchNo | None:
    """Given the value of a 發文字號 label (and the ROC year of the letter's date), return its 發文字號, also when a web
    font lost its closing 號 (「衛授食字第1121303458」), an older number leaves out 字 (「台財稅第33437號」, text as written)
    or a body writes a word and digits alone (「公告113164」), else None."""
    text = widen_characters(text or "").strip()
    return unmarked_dispatch_no(text) or parse_dispatch_no(text) or (
        parse_dispatch_no(text + "號") if re.search(r"字\s*第\s*\d+$", text) else None) or plain_dispatch_no(text, roc_year)


def plain_dispatch_no(text: str, roc_year: int | None) -> DispatchNo | None:
    """Given a 發文字號 label's value written as a word and digits alone (「公告113164」) and the letter's ROC year,
    return it with its text as written: the year read from the digits' first three when they are the letter's own
    year (「113」 of a 113年 letter), else as year_and_serial reads them; None when the value is not so written."""
    m = PLAIN_RE.fullmatch(text)
    if m is None:
        return None
    word, number = m.group("word"), m.group("number")
    year, serial = year_and_serial(word, number)
    if year is None and roc_year is not None and number.startswith(str(roc_year)) and len(number) > len(str(roc_year)):
        year, serial = roc_year, number[len(str(roc_year)):]
    return replace(DispatchNo.of(word, number, None, year, serial), text=text.replace(" ", ""))


DAY_IN_WORD = re.compile(r"\d\s*月\s*\d{1,2}\s*日")  # a 字 may hold a year (北執丁113年勞費執), never a whole date


def whole_dispatch_no(line: str) -> DispatchNo | None:
    """Given a line, return its 發文字號 when the line is wholly one (「經商字第09702412340號」), else None (a line
    citing a letter, 「依據教育部107年3月5日臺教學字第…號」, is none)."""
    m = DISPATCH_RE.fullmatch(widen_characters(line or "").strip())
    return match_to_dispatch(m) if m and not DAY_IN_WORD.search(m.group("word")) else None


def checked_by_date(number: DispatchNo | None, roc_year: int | None) -> DispatchNo | None:
    """Given a 發文字號 and the ROC year of its letter's date, return the number with its year read by that date: a
    short number of 5–6 digits opening with that year gives it (台區水工會中字第97141號 of 97年: 97, serial 141); an
    older 7–8 digit number whose first digits are not that year has none (臺內社字第6988507號 of 78年: 69 is no year,
    the number is written in the year it is sent); else the number as it is."""
    table = vocabulary()["dispatch"]
    shortest, longest = table["old_digits"]
    digits = re.sub(r"\D", "", number.number) if number else ""
    if number is None or roc_year is None:
        return number
    year = str(roc_year)
    if number.year is None and len(year) + 3 <= len(digits) < shortest and number.number.startswith(year):
        return replace(number, year=roc_year, serial=number.number[len(year):])
    if (number.year is None or number.year == roc_year or not shortest <= len(digits) <= longest
            or number.serial != number.number[2:]):
        return number
    return replace(number, year=None, serial=None)


def unmarked_number(text: str | None) -> DispatchNo | None:
    """Given a cited number written without 字 (台財稅第55809號), without 字 and 第 (商二七五二二號) or as digits alone
    (1141110473號), return it as written (digits in ASCII), else None."""
    if not text:
        return None
    if digits := DIGITS_ONLY.fullmatch(text):
        year, serial = year_and_serial(None, digits.group("number"))
        return DispatchNo(text=text, word=None, number=digits.group("number"), year=year, serial=serial)
    if dispatch := unmarked_dispatch_no(text):
        return dispatch
    word, number = re.fullmatch(r"(.+?)([〇○零一二三四五六七八九\d]{5,8})號", text).groups()
    word, number = canonical_word(word), ascii_digits(number)
    return replace(DispatchNo.of(word, number, None, *year_and_serial(word, number)), text=f"{word}{number}號")
