"""發文字號: 「府政行字第1080251637號」 → word, number, ROC year, serial, branch."""
from __future__ import annotations

import re

from pipeline.parse.clean import widen_characters
from pipeline.records import DispatchNo

_S = r"[ \t\u3000]*"
# 字 (the word) is Chinese with optional brackets or Latin letters: 臺教高(二), 府授教特, 北市教中
WORD = r"[\u4e00-\u9fffA-Za-z（）()]{1,20}?"
NUMBER = r"\d[\d \t]{2,18}\d"
DISPATCH_RE = re.compile(
    rf"(?P<word>{WORD}){_S}字{_S}第{_S}(?P<number>{NUMBER})(?:{_S}[-－]{_S}(?P<branch>\d{{1,4}}))?{_S}號"
)
BARE_RE = re.compile(rf"(?<!字)第{_S}(?P<number>{NUMBER})(?:{_S}[-－]{_S}(?P<branch>\d{{1,4}}))?{_S}號")


def canonical_word(word: str) -> str:
    """Given the 字 as written, return it with brackets made ASCII (臺教高（二） → 臺教高(二))."""
    return word.replace("（", "(").replace("）", ")")


def match_to_dispatch(m: re.Match) -> DispatchNo:
    """Given a DISPATCH_RE or BARE_RE match, return its DispatchNo."""
    word = canonical_word(m.group("word")) if "word" in m.re.groupindex else None
    return DispatchNo.of(word, re.sub(r"\s", "", m.group("number")), m.group("branch"))


def parse_dispatch_no(text: str) -> DispatchNo | None:
    """Given text holding a 發文字號, return it parsed, or None when there is none."""
    text = widen_characters(text or "").strip()
    m = DISPATCH_RE.search(text) or BARE_RE.search(text)
    return match_to_dispatch(m) if m else None
