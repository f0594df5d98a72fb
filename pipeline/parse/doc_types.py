"""The 文別 table (data/doc_types.toml): each type's body labels, what they fill, and how its title reads."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

ISSUER_TYPE, TYPE_UNIT = "issuer-type", "type-unit"  # 「花蓮縣政府 函」 / 「簽 於人事室」


@dataclass(frozen=True)
class DocType:
    """One 文別: its name, required fields, body labels (in order) and title form."""
    name: str
    required: tuple[str, ...]
    body: tuple[str, ...]  # label keys of the body
    title: str = ISSUER_TYPE
    unit_word: str | None = None  # 「於」 in 「簽 於人事室」
    unlabelled: str | None = None  # where an unlabelled body goes (a 令's order: "subject")
    attachment_line: str | None = None  # a body line opening so names an attachment (「附」)
    closing: tuple[str, ...] = ()  # words opening the lines after the body (a 簽's 「敬陳」)
    self_published: bool = False  # posted by its issuer itself: the agency signing it by name is the issuer
    asks: bool = True  # its 主旨 may close with a 期望語 (a 公告 addresses the public and asks nothing)


@cache
def doc_type_table() -> dict:
    """Return the 文別 table (loaded once per process)."""
    with resources.files("pipeline").joinpath("data/doc_types.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def doc_type(name: str | None) -> DocType:
    """Given a 文別 (None or unknown: read as the table's [unknown] type, with its `also` labels), return its
    DocType."""
    table = doc_type_table()
    body_also = ()
    if name not in table["types"]:
        name, body_also = table["unknown"]["like"], tuple(table["unknown"].get("also", ()))
    spec = table["types"][name]
    body = tuple(spec["body"])
    if body_also:  # after the subject's label
        at = next(i for i, key in enumerate(body) if role(key) == "subject") + 1
        body = body[:at] + body_also + body[at:]
    return DocType(name=name, required=tuple(spec["required"]), body=body,
                   title=spec.get("title", ISSUER_TYPE), unit_word=spec.get("unit_word"),
                   unlabelled=spec.get("unlabelled"), attachment_line=spec.get("attachment_line"),
                   closing=tuple(spec.get("closing", ())), self_published=spec.get("self_published", False),
                   asks=spec.get("asks", True))


@cache
def type_names(title: str) -> tuple[str, ...]:
    """Given a title form, return the 文別 whose title line reads so, longest first (書函 before 函)."""
    return tuple(sorted((n for n in doc_type_table()["types"] if doc_type(n).title == title), key=len, reverse=True))


def role(key: str) -> str | None:
    """Given a body label key, return what it fills: subject, section, cc_main, cc_copy, contact, meeting.<field>."""
    return doc_type_table()["roles"].get(key)


@cache
def body_keys() -> tuple[str, ...]:
    """Return the body label keys of every 文別, each once, in the table's order."""
    return tuple(dict.fromkeys(k for spec in doc_type_table()["types"].values() for k in spec["body"]))


@cache
def header_keys() -> tuple[str, ...]:
    """Return the label keys of the header every 文別 shares (before the body)."""
    return tuple(doc_type_table()["header"])


@cache
def all_body_keys() -> tuple[str, ...]:
    """Return the body label keys of every 文別, each once."""
    return tuple(dict.fromkeys(k for n in doc_type_table()["types"] for k in doc_type(n).body))


@cache
def bare_label_keys() -> tuple[str, ...]:
    """Return the label keys also found at a line's start without their colon."""
    return tuple(doc_type_table()["bare"]["labels"])


@cache
def evidence_keys() -> tuple[str, ...]:
    """Return the label keys whose presence shows part of a letter."""
    return tuple(doc_type_table()["evidence"]["labels"])


@cache
def types_by_marks() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return each 文別 with the labels that name it when there is no title line (those without left out)."""
    return tuple((n, tuple(spec["marks"])) for n, spec in doc_type_table()["types"].items() if spec.get("marks"))


@cache
def types_by_form() -> tuple[tuple[str, re.Pattern], ...]:
    """Return each 文別 with the pattern of its text's own form (a 令's 「修正「○○」…。附修正「○○」」; those without left
    out)."""
    return tuple((n, re.compile(spec["form"])) for n, spec in doc_type_table()["types"].items() if spec.get("form"))


@cache
def signed_types() -> tuple[str, ...]:
    """Return the 文別 a document is of when its own date and number head text a head's 署名 closes (a 令)."""
    return tuple(n for n, spec in doc_type_table()["types"].items() if spec.get("signed"))


@cache
def types_by_self_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return each 文別 with the words by which a document of it names itself (本令, 本公告; those without left out)."""
    return tuple((n, tuple(spec["self"])) for n, spec in doc_type_table()["types"].items() if spec.get("self"))
