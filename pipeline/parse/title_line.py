"""The title line of a letter: 「花蓮縣政府 函」 (issuer, then 文別) or 「簽 於人事室」 (文別, 於, the unit)."""
from __future__ import annotations

import re

from pipeline.parse.doc_types import ISSUER_TYPE, TYPE_UNIT, doc_type, type_names
from pipeline.parse.references import is_agency


def doc_type_pattern() -> str:
    """Return the alternation of the 文別 words a title line ends with (書函 before 函)."""
    return "|".join(map(re.escape, type_names(ISSUER_TYPE)))


def find_unit_title(text: str) -> tuple[str | None, str | None, str]:
    """Given header text, return (unit, 文別, text without the title line) from a line like 「簽 於人事室」."""
    for name in type_names(TYPE_UNIT):
        word = re.escape(doc_type(name).unit_word or "")
        m = re.search(rf"^[ \t]*{re.escape(name)}[ \t]*{word}[ \t]*(?P<unit>[\u4e00-\u9fff（）()]{{2,40}})[ \t]*$", text, re.M)
        if m:
            return m.group("unit"), name, (text[: m.start()] + text[m.end():]).strip()
    return None, None, text


def find_title(text: str) -> tuple[str | None, str | None, str]:
    """Given header text, return (issuer, 文別, text without the title line) from a line like 「花蓮縣政府 函」
    (or 「簽 於人事室」)."""
    pattern = re.compile(rf"(?P<issuer>[\u4e00-\u9fff（）()]{{2,40}}?)[ \t]*(?P<type>{doc_type_pattern()})[ \t]*$", re.M)
    for m in pattern.finditer(text):
        issuer = m.group("issuer")
        if is_agency(issuer):
            return issuer, m.group("type"), (text[: m.start()] + text[m.end():]).strip()
    return find_unit_title(text)
