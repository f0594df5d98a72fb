"""Document titles: how plans, tables and the letter's 附件 list name an attachment."""
from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from pipeline.parse.clean import WHITESPACE, join_wrapped, normalise_line
from pipeline.vocabulary import vocabulary

SENTENCE_PUNCTUATION = re.compile(r"[。，；：,;:！？!?]")
# 「附件一」「附件2：」「附件(二)」 before an attachment's title
ATTACHMENT_LABEL = re.compile(r"^\s*附\s*件\s*[(（]?\s*[一二三四五六七八九十\d]*\s*[)）]?\s*[:：、.．]?\s*")
TITLE_MAX = 80  # a title line is short; longer lines are text
SAME_TITLE = 0.85  # similarity above which two titles name the same document
SUFFIX_MIN = 6  # a title at least this long, printed at the end of a longer one, names the same document


def title_key(text: str) -> str:
    """Given a title, return it for comparison: NFKC width, no whitespace, no attachment label."""
    text = ATTACHMENT_LABEL.sub("", normalise_line(text))
    return WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


QUOTED_NAME = re.compile(r"「[^「」\n]*」")  # a document's name a title quotes
BRACKETED = re.compile(r"[（(][^（()）\n]*[)）]")  # a note after a name: (草案), (修正)
TWO_CHINESE = re.compile(r"[\u4e00-\u9fff]{2}")  # a word of the title's own outside what it quotes


def agency_endings() -> tuple[str, ...]:
    """Return the endings of agencies' names (vocabulary.toml agency_suffixes, 本校's 校 among them)."""
    return tuple(vocabulary()["agency_suffixes"]["endings"])


@cache
def office_name_opening() -> re.Pattern:
    """Return the pattern of a plan's word and a unit's kind opening a title (計畫處, 計畫科: vocabulary.toml [plan]
    unit_after), an office's name."""
    words = vocabulary()["plan"]["title_words"] + vocabulary()["division"]["title_words"]
    units = vocabulary()["plan"]["unit_after"]
    return re.compile("|".join(re.escape(w + u) for w in sorted(words, key=len, reverse=True) for u in units))


def document_word(title: str) -> str | None:
    """Given a title, return the word naming its kind of document nearest its end (計畫, 分工表 …), or None; a word
    inside a name the title quotes names the quoted document, not the title's (「教育部國教署「…演練實施計畫」宣導
    事項」: a post about the plan), unless the title is that name alone or after its agency's name (a note in brackets
    after it or not)."""
    outside = BRACKETED.sub("", QUOTED_NAME.sub("", title)).strip()
    if TWO_CHINESE.search(outside) and not outside.endswith(agency_endings()):
        title = QUOTED_NAME.sub("", title)  # (a plan titled by its agency and its quoted name, 「…國民中學「…計畫」」, is one)
    words = vocabulary()["plan"]["title_words"] + vocabulary()["division"]["title_words"]
    if office := office_name_opening().match(title.lstrip()):  # 「計畫處性別平等專案小組」: the office's name opens the
        title = title.lstrip()[office.end():]  # title, no plan's kind
    found = [(title.rfind(w) + len(w), len(w), w) for w in words if w in title]
    return max(found)[2] if found else None


def title_similarity(a: str, b: str, floor: float = 0.0) -> float:
    """Given two titles (and the least likeness that matters), return how alike they are, 0–1 (1 when equal after
    normalisation; 0 when one names a 計畫 and the other a 分工表, however alike the rest; 0 too where difflib's quick
    upper bound of it already falls below the floor)."""
    return keys_similarity(title_key(a), title_key(b), floor)


def keys_similarity(ka: str, kb: str, floor: float = 0.0) -> float:
    """Given two titles' comparison keys (title_key) and the least likeness that matters, return how alike the titles
    are, as title_similarity does (a caller comparing many headings to the same titles keys those once)."""
    if not ka or not kb:
        return 0.0
    wa, wb = document_word(ka), document_word(kb)
    if wa and wb and wa not in wb and wb not in wa:
        return 0.0
    shorter, longer = sorted((ka, kb), key=len)
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    if len(shorter) >= SUFFIX_MIN and longer.endswith(shorter):  # printed with the agency or year before it
        return max(SAME_TITLE, matcher.ratio())
    return 0.0 if floor and matcher.quick_ratio() < floor else matcher.ratio()


def is_title_line(text: str) -> bool:
    """Given a line, return whether it can be (part of) a title: short and no sentence punctuation."""
    text = normalise_line(text)
    return 0 < len(text) <= TITLE_MAX and not SENTENCE_PUNCTUATION.search(text)


def is_attachment_label(text: str) -> bool:
    """Given a line, return whether it is only an attachment label such as 「附件二」."""
    text = normalise_line(text)
    return bool(text) and text.startswith("附件") and not ATTACHMENT_LABEL.sub("", text)


def join_title(lines: list[str]) -> str | None:
    """Given a title's lines, return the title as one line without an attachment label, or None."""
    title = join_wrapped("\n".join(lines))
    return ATTACHMENT_LABEL.sub("", title).strip() or None if title else None
