"""A board post's headline passing a letter on (「轉知：…」, 「轉國教署宣導…」), with the board's posting date before
it or not, and the paragraph of the letter's text it may stand over."""
from __future__ import annotations

import re
from functools import cache

from pipeline.vocabulary import vocabulary

# a board's posting date in Gregorian years glued before a post's first words (「20170908轉知…」, 「2017-09-08 轉知…」)
POST_DATE = re.compile(r"^[ \t]*(?:19|20)\d\d(?P<sep>[-/.]?)\d\d(?P=sep)\d\d[ \t]*(?=[\u4e00-\u9fff])")
PARAGRAPH_SPAN = 2  # the relayed paragraph starts this near under its headline


def words_of(key: str) -> str:
    """Given a key of vocabulary.toml [expectations], return its words as a regex alternation, longest first."""
    return "|".join(map(re.escape, sorted(vocabulary()["expectations"][key], key=len, reverse=True)))


@cache
def relay_headline_pattern() -> re.Pattern:
    """Return the pattern of a headline passing a letter on: a relay word (set as the post's tag or not: 「【函轉】…」),
    or 轉, an agency's name and what it does (vocabulary.toml `relay_openers`, `relay_agency_endings`,
    `relay_agency_verbs`)."""
    endings, verbs = words_of("relay_agency_endings"), words_of("relay_agency_verbs")
    return re.compile(rf"^[ \t]*(?:[【\[][ \t]*(?={words_of('relay_openers')}))?"
                      rf"(?:{words_of('relay_openers')}|轉[\u4e00-\u9fff]{{1,12}}?(?:{endings})(?:{verbs}))")


def is_paragraph(line: str) -> bool:
    """Given a line, return whether it is a paragraph of a letter's text: clauses (two 「，」 at least) closed by 。."""
    return line.strip().endswith("。") and line.count("，") >= 2


@cache
def letter_relay_pattern() -> re.Pattern:
    """Return the pattern of a headline passing a letter on in the words only a 公文 relays with (vocabulary.toml
    `letter_relay_openers`: 轉知, 函轉) that names the agency and what it sent (「轉知內政部函覆…」: `relay_agency_endings`,
    `relay_agency_verbs`)."""
    endings, verbs = words_of("relay_agency_endings"), words_of("relay_agency_verbs")
    return re.compile(rf"^[ \t]*(?:{words_of('letter_relay_openers')})[-－—:：\s]*[\u4e00-\u9fff]{{1,20}}?"
                      rf"(?:{endings})(?:{verbs})")


@cache
def relay_word_pattern() -> re.Pattern:
    """Return the pattern of a headline opening with a word only a 公文 relays with, whatever it names (「轉知109年臺南市
    …說明會」)."""
    return re.compile(rf"^[ \t]*(?:{words_of('letter_relay_openers')})[-－—:：\s]*[\u4e00-\u9fff\d]")


@cache
def asks_recipients() -> re.Pattern:
    """Return the pattern of a clause asking the recipients by name (「…，請各校做好相關整備工作」, 「…，以及請各校加強
    宣導防範」: vocabulary.toml `recipient_requests`) or by a deadline (「…，請於6月18日前上網報名」: `deadline_requests`),
    not a request a story reports (「…受訪表示，請學校公開…」)."""
    asks = vocabulary()["expectations"]
    requests = "|".join(map(re.escape, asks["recipient_requests"] + asks["deadline_requests"]))
    return re.compile(rf"[，,][ \t]*(?:以及|並|及|另)?[ \t]*(?:{requests})")


def relay_over_paragraph(lines: list[str]) -> int | None:
    """Given a page's lines, return the place of the first headline passing an agency's letter on in a 公文's words (a
    posting date before it or not), or a lead passing on an agency's letter that points at it (「轉教育局函文如下：」),
    that stands right over a paragraph of the letter's text (「轉知內政部函覆教育部有關…疑義」 over 「依「…」規定：…，…。」),
    or such a headline naming no agency over a paragraph that asks (「轉知…說明會」 over 「…，請於…前上網報名。」), or
    None (「轉傳假訊息恐觸法」 or 「轉知單位主管 校長遭指霸凌」 over a news story is none)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for n, i in enumerate(filled):
        line = POST_DATE.sub("", lines[i])
        below = [lines[j] for j in filled[n + 1:n + 1 + PARAGRAPH_SPAN]]
        if (letter_relay_pattern().match(line) or letter_lead_pattern().match(line) and points_below(line)) and any(
                map(is_paragraph, below)):
            return i
        if relay_word_pattern().match(line) and any(is_paragraph(b) and asks_recipients().search(b) for b in below):
            return i  # naming no agency (「轉知…說明會」) over a paragraph that asks (「…，請於…前上網報名。」)
    return None


@cache
def letter_lead_pattern() -> re.Pattern:
    """Return the pattern of a lead passing on an agency's letter by its kind: 轉, the agency's name and its 函
    (「轉教育局函文如下：」; vocabulary.toml `relay_agency_endings`, the `relay_agency_verbs` naming a 函) — not 轉傳 or
    轉發 before a chat message."""
    endings = words_of("relay_agency_endings")
    letters = "|".join(map(re.escape, sorted((v for v in vocabulary()["expectations"]["relay_agency_verbs"] if "函" in v),
                                             key=len, reverse=True)))
    return re.compile(rf"^[ \t]*轉[\u4e00-\u9fff]{{1,12}}?(?:{endings})(?:{letters})")


def points_below(line: str) -> bool:
    """Given a line, return whether it ends pointing at what follows (「…如下：」: vocabulary.toml `list_leads`)."""
    return line.strip().rstrip(":：").endswith(tuple(vocabulary()["expectations"]["list_leads"]))
