"""Cited documents: 「依據法務部廉政署108年10月14日廉政字第10807018360號函辦理」 → Reference."""
from __future__ import annotations

import re
from functools import cache

from pipeline.parse.dates import DATE_RE, match_to_date
from pipeline.parse.dispatch import DISPATCH_RE, match_to_dispatch
from pipeline.records import Reference
from pipeline.vocabulary import vocabulary

_S = r"[ \t\u3000]*"
ISSUER_RUN = re.compile(r"[\u4e00-\u9fff（）()]{1,40}$")
MEASURE_WORDS = "條款項點號年月日份次屆任頁"  # words that follow a number: 第13條


@cache
def citation_pattern() -> re.Pattern:
    """Return the pattern of a citation: a date and/or a 發文字號, then the document's kind."""
    kinds = sorted(vocabulary()["reference_kinds"]["names"], key=len, reverse=True)
    kind = "(?P<kind>" + "|".join(map(re.escape, kinds)) + ")"
    return re.compile(rf"(?:(?P<date>{DATE_RE.pattern}){_S}(?P<dated>{DISPATCH_RE.pattern})?"
                      rf"|(?P<undated>{DISPATCH_RE.pattern.replace('?P<', '?P<u_')})){_S}{kind}")


def is_agency(name: str) -> bool:
    """Given a name, return whether it ends as an agency's name does (or is 貴署/本府-style)."""
    vocab = vocabulary()
    prefixes = vocab["references"]["addressee_prefixes"] + [vocab["references"]["self_prefix"]]
    if len(name) == 2 and name[0] in prefixes:
        return True
    return len(name) >= 2 and name.endswith(tuple(vocab["agency_suffixes"]["endings"]) + ("府",))


def strip_lead_words(run: str) -> str:
    """Given the characters before a citation, return what follows its last lead word (依據, 復 …)."""
    words = vocabulary()["references"]["lead_words"]
    long_words = [w for w in words if len(w) > 1]
    cut = max((run.rfind(w) + len(w) for w in long_words if w in run), default=0)
    run = run[cut:]
    if cut == 0 and run[:1] in [w for w in words if len(w) == 1] and is_agency(run[1:]):
        run = run[1:]
    return run


def issuer_before(text: str, start: int, floor: int = 0) -> str | None:
    """Given text and where a dated citation starts (not before floor), return the issuer written just before it."""
    window = text[max(floor, start - 40):start]
    m = ISSUER_RUN.search(window)
    run = m.group(0) if m else ""
    if m and m.start() > 0 and window[m.start() - 1].isdigit() and run[:1] in MEASURE_WORDS:
        run = run[1:]  # 「第13條及臺北市政府」: the run began with the measure word of a number
    issuer = strip_lead_words(run)
    return issuer if is_agency(issuer) else None


def split_issuer_word(run: str) -> tuple[str | None, str]:
    """Given an undated citation's run before 字第 (「本府府政行」), return (issuer, 字)."""
    run = strip_lead_words(run)
    if is_agency(run[:2]) and run[0] in "本貴鈞":
        return run[:2], run[2:]
    for end in range(len(run) - 1, 1, -1):
        if is_agency(run[:end]):
            return run[:end], run[end:]
    return None, run


def resolve_issuer(issuer: str | None, recipient: str | None, own: str | None) -> tuple[str | None, str | None]:
    """Given a cited issuer as written, return (issuer, how it was written) with 貴/鈞/本 resolved."""
    refs = vocabulary()["references"]
    if issuer and len(issuer) == 2 and issuer[0] in refs["addressee_prefixes"]:
        return recipient, issuer
    if issuer and len(issuer) == 2 and issuer[0] == refs["self_prefix"]:
        return own, issuer
    return issuer, None


def find_references(text: str, recipient: str | None = None, issuer: str | None = None) -> list[Reference]:
    """Given 主旨/說明 text (and the letter's recipient and issuer), return the documents it cites."""
    refs: list[Reference] = []
    previous_end = 0
    for m in citation_pattern().finditer(text or ""):
        if m.group("date") is not None:
            date = match_to_date(DATE_RE.match(m.group("date")))
            if date is None:
                continue
            dispatch = match_to_dispatch(DISPATCH_RE.match(m.group("dated"))) if m.group("dated") else None
            written = issuer_before(text, m.start(), previous_end)
            start = m.start() - len(written) if written else m.start()
            if written is None and dispatch and dispatch.word:  # date first: 108年8月8日內政部內授消字第…號函
                after, word = split_issuer_word(dispatch.word)
                if after and len(after) >= 3 and word:
                    written = after
                    dispatch = match_to_dispatch(DISPATCH_RE.match(word + dispatch.text[len(dispatch.word):]))
        else:
            date = None
            written, word = split_issuer_word(m.group("u_word"))
            dispatch = match_to_dispatch(DISPATCH_RE.match(word + m.group("undated")[len(m.group("u_word")):]))
            start = m.start() + m.group("u_word").rfind(written) if written else m.start() + len(m.group("u_word")) - len(word)
        cited, written_as = resolve_issuer(written, recipient, issuer)
        refs.append(Reference(text=text[start:m.end()].strip(), kind=m.group("kind"), issuer=cited,
                              issuer_from=written_as, date=date, dispatch_no=dispatch))
        previous_end = m.end()
    return refs
