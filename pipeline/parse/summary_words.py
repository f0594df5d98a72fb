"""Whether an unlabelled sentence over a letter's body can be its 主旨: the 手冊's 主旨 sums the letter up (全文精要),
so it shares words with the text below it."""
from __future__ import annotations

from pipeline.parse.clean import IDEOGRAPH

SUMMARY_MIN = 20  # Chinese characters of text under an unlabelled 主旨 before its words can be compared


def bigrams(text: str) -> set[str]:
    """Given text, return the runs of two Chinese characters in it."""
    return {a + b for a, b in zip(text, text[1:]) if IDEOGRAPH.match(a) and IDEOGRAPH.match(b)}


def summarises(sentence: str, text: str) -> bool:
    """Given an unlabelled sentence over a letter's labelled body and the body's text, return whether it can be the
    主旨: it shares a word (two Chinese characters running) with the body, as the letter's summary does (手冊: 主旨
    為全文精要), or the body is too short to tell; a site's slogan under its menu (「整合網路服務，…創造稅務心體驗。」
    over 「依據：使用牌照稅法…」) shares none."""
    body = bigrams(text)
    return len(IDEOGRAPH.findall(text)) < SUMMARY_MIN or bool(bigrams(sentence) & body)
