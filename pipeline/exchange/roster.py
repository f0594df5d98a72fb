"""The 交換表 roster (.sw, 104_roster_utf8.dtd): every 正本 and 副本 addressee of a letter."""
from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, indent, tostring

from pipeline.exchange.conventions import conventions
from pipeline.records import Letter


def needs_roster(letter: Letter) -> bool:
    """Given a letter, return whether it goes to several addressees or sends 正本 entries 含附件 (only a roster says so)."""
    return len(letter.cc_main) + len(letter.cc_copy) > 1 or any(a.with_attachments for a in letter.cc_main)


def names_roster(letter: Letter) -> bool:
    """Given a letter with a roster, return whether its 受文者 is the roster (交換表): several or flagged 正本 entries."""
    return len(letter.cc_main) > 1 or any(a.with_attachments for a in letter.cc_main)


def roster_element(letter: Letter) -> Element:
    """Given a letter, return the 交換表單 element: each addressee's 全銜, 機關代碼 (unknown: empty), 含附件, 本別."""
    root = Element("交換表單")
    for copy, entries in (("正本", letter.cc_main), ("副本", letter.cc_copy)):
        for entry in entries:
            SubElement(root, "全銜").text = entry.name
            SubElement(root, "機關代碼").text = ""
            if entry.with_attachments:
                SubElement(root, "含附件").text = conventions()["wording"]["with_attachments"]
            SubElement(SubElement(root, "本別"), "收發處理本別", {"代碼": copy})
    return root


def roster_bytes(letter: Letter) -> bytes:
    """Given a letter, return its .sw roster file's bytes (UTF-8, with the roster DOCTYPE)."""
    root = roster_element(letter)
    indent(root, "  ")
    dtd = conventions()["files"]["roster_dtd"]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE 交換表單 SYSTEM "{dtd}">\n'
            f'{tostring(root, encoding="unicode")}\n').encode("utf-8")
