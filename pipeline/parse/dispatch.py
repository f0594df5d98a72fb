"""發文字號: 「府政行字第1080251637號」 → word, number, ROC year, serial, branch."""
from __future__ import annotations

import re

from pipeline.parse.clean import widen_characters
from pipeline.records import DispatchNo
from pipeline.vocabulary import vocabulary

_S = r"[ \t\u3000]*"
# 字 (the word) is Chinese with optional brackets or Latin letters: 臺教高(二), 府授教特, 北市教中
WORD = r"[\u4e00-\u9fffA-Za-z（）()][\u4e00-\u9fffA-Za-z0-9（）()]{0,19}?"  # 勞動條3, 北執丁113年勞費執
CN_DIGITS = "〇○零Ｏ一二三四五六七八九"  # a number written digit by digit in Chinese numerals: 第一○二○○一二三四五一號
# the digits, an agency's letter suffix kept with them (第1031002345C號), or Chinese digits
NUMBER = rf"(?:\d[\d \t]{{2,18}}\d[A-Za-z]?|[{CN_DIGITS}]{{4,20}})"
DISPATCH_RE = re.compile(  # 第 is left out in some older numbers: 台內地字123456號
    rf"(?P<word>{WORD}){_S}字{_S}(?:第{_S})?(?P<number>{NUMBER})(?:{_S}[-－]{_S}(?P<branch>\d{{1,4}}))?{_S}號"
)
BARE_RE = re.compile(rf"(?<!字)第{_S}(?P<number>{NUMBER})(?:{_S}[-－]{_S}(?P<branch>\d{{1,4}}))?{_S}號")


def ascii_digits(number: str) -> str:
    """Given a number in ASCII or Chinese digits (一○二○○一二三四五一), return it in ASCII digits."""
    return number.translate(str.maketrans(CN_DIGITS, "0000123456789"))


def canonical_word(word: str) -> str:
    """Given the 字 as written, return it with brackets made ASCII (臺教高（二） → 臺教高(二))."""
    return word.replace("（", "(").replace("）", ")")


def year_and_serial(word: str | None, number: str) -> tuple[int | None, str | None]:
    """Given the 字 and the digits, return the ROC year and the serial: the first 3 digits (first 2 in an older
    7–8 digit number), or a 「NNN年」 or 「(NN)」 written in the 字 (the whole number then the serial)."""
    table = vocabulary()["dispatch"]
    low, high = table["year_range"]
    old_low, old_high = table["old_year_range"]
    shortest, longest = table["old_digits"]
    if len(number) >= min(table["min_digits_with_year"], shortest) and low <= int(number[:3]) <= high:
        if len(number) >= table["min_digits_with_year"] or int(number[:3]) >= 100:
            return int(number[:3]), number[3:]
    if shortest <= len(number) <= longest and old_low <= int(number[:2]) <= old_high:
        return int(number[:2]), number[2:]
    written = re.search(r"(\d{2,3})年|[(（](\d{2,3})[)）]", word or "")
    if written and low <= int(written.group(1) or written.group(2)) <= high:
        return int(written.group(1) or written.group(2)), number
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


def whole_dispatch_no(line: str) -> DispatchNo | None:
    """Given a line, return its 發文字號 when the line is wholly one (「經商字第09702412340號」), else None."""
    m = DISPATCH_RE.fullmatch(widen_characters(line or "").strip())
    return match_to_dispatch(m) if m else None
