"""Letters gongwen renders (reply, circulars) as DI: the render layout context → Letter → DI bytes.

Has the output-format interface of pipeline/render/formats (EXTENSION, render), so
`gongwen render … --format di` writes a DI beside the ODT, HTML and text files.
A rendered DI names its addressees in 受文者, 正本 and 副本 and needs no .sw roster.
"""
from __future__ import annotations

from pipeline.errors import InputError
from pipeline.exchange.di_write import letter_to_package
from pipeline.records import Addressee, Attachment, Contact, Item, Letter, Secrecy, Section, item_marker

EXTENSION = "di"


def explanation_to_section(explanation: list[dict]) -> list[Section]:
    """Given the layout's 說明 items ({text, children}), return the 說明 section as the letter layouts print it."""
    def numbered(texts: list[str], kind: str) -> list[Item]:
        return [Item(marker=item_marker(kind, i), number=i, text=t) for i, t in enumerate(texts, 1)]

    if not explanation:
        return []
    if len(explanation) == 1:  # one 說明 is written unnumbered, its children as 一、 二、
        only = explanation[0]
        return [Section(name="說明", text=only["text"], items=numbered(only["children"], "cn"))]
    items = [Item(marker=item_marker("cn", i), number=i, text=entry["text"],
                  children=numbered(entry["children"], "cn_paren")) for i, entry in enumerate(explanation, 1)]
    return [Section(name="說明", text="", items=items)]


def layout_to_letter(context: dict) -> Letter:
    """Given a rendered letter's layout context (pipeline/render/layout.py), return its Letter record."""
    contact = context.get("contact") or {}
    return Letter(
        doc_type=context.get("doc_type") or "函", issuer=context["agency"], address=context.get("address") or None,
        contact=Contact(**{key: contact.get(key) or None for key in ("name", "unit", "phone", "fax", "email")}),
        recipient=context.get("recipient") or None, date=context.get("issued"),
        dispatch_no=context.get("dispatch"), speed=context.get("speed") or None,
        secrecy=Secrecy(), attachments=[Attachment(title=t) for t in context.get("attachments") or []],
        subject=context.get("subject") or None, sections=explanation_to_section(context.get("explanation") or []),
        cc_main=[Addressee(name=n) for n in context.get("cc_main") or []],
        cc_copy=[Addressee(name=n) for n in context.get("cc_copy") or []],
        signature=context.get("signatory") or None,
    )


def render(layout: str, context: dict) -> bytes:
    """Given a layout name and its context, return the rendered letter as DI bytes (letters only)."""
    if layout != "letter":
        raise InputError(None, f"a {layout} is not a letter: it has no DI form (use odt, html or txt)")
    return letter_to_package(layout_to_letter(context), issuer_code=context.get("agency_code"), roster=False).di
