"""Round trips: record → DI → record gives the same record; DI → record → DI gives the same content.

What a DI cannot carry, by design (README, section 公文電子交換): 檔號 and 保存年限 (the
issuer's own filing data), a 速別 or 密等 outside the DTD's code lists, parsed attachment
contents (the attachment files carry them); 機關代碼 of addressees and 附件 placeholder
text that names no attachment (「如文」) are not kept by the record.
"""
from __future__ import annotations

import copy
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from pipeline.exchange.conventions import allowed_codes
from pipeline.exchange.di_write import letter_to_package
from pipeline.exchange.files import write_package
from pipeline.load import load_record
from pipeline.records import Addressee, Letter, Secrecy, to_dict

INBOX = Path(__file__).resolve().parent.parent / "samples" / "inbox"
LETTERS = sorted(INBOX.glob("*.txt"))
DI_SAMPLES = sorted(INBOX.glob("*.di"))


def comparable(letter: Letter) -> dict:
    """Given a record, return its dict as a DI can carry it (without source and warnings)."""
    data = to_dict(letter)
    for key in ("source", "warnings", "file_no", "retention"):
        data.pop(key)
    for attachment in data["attachments"]:
        attachment["kind"] = attachment["content"] = None
    if data["speed"] not in allowed_codes("速別"):
        data["speed"] = None
    if data["secrecy"]["level"] not in allowed_codes("密等"):
        data["secrecy"]["level"] = None
    return data


def several(letter: Letter) -> Letter:
    letter = copy.deepcopy(letter)
    letter.cc_main.append(Addressee("連江縣政府", with_attachments=True))
    letter.secrecy = Secrecy("密", "本件於公告後解密")
    return letter


def single(letter: Letter) -> Letter:
    letter = copy.deepcopy(letter)
    letter.cc_main, letter.cc_copy = [Addressee(letter.recipient or "金門縣政府")], []
    letter.attachments = []
    return letter


def write_and_read(letter: Letter, folder: Path, source: Path | None) -> Letter:
    """Given a letter, write its DI package into folder and return the record read back from the .di."""
    package = letter_to_package(letter)
    write_package(package, folder, source)
    return load_record(str(folder / f"{package.name}.di"))


@pytest.mark.parametrize("variant", ["as-parsed", "several", "single"])
@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_record_to_di_to_record(tmp_path, path, variant):
    letter = {"as-parsed": lambda l: l, "several": several, "single": single}[variant](load_record(str(path)))
    back = write_and_read(letter, tmp_path, path.parent)
    assert back.source.format == "di"
    assert comparable(back) == comparable(letter)


def test_fields_a_di_cannot_carry_come_back_empty(tmp_path):
    letter = load_record(str(INBOX / "changhua-county-spaces-urgent.txt"))
    letter.file_no, letter.retention = "0112/B03", "5年"
    back = write_and_read(letter, tmp_path, None)
    assert letter.speed == "急件" and back.speed is None
    assert (back.file_no, back.retention) == (None, None)


@pytest.mark.parametrize("path", LETTERS, ids=[p.stem for p in LETTERS])
def test_written_di_to_record_to_di_is_identical(tmp_path, path):
    first = letter_to_package(several(load_record(str(path))))
    write_package(first, tmp_path, None)
    again = letter_to_package(load_record(str(tmp_path / f"{first.name}.di")))
    assert again.di == first.di
    assert again.roster == first.roster


def canonical_text(text: str | None) -> str:
    """Given element text, return it without whitespace and with width variants folded (NFKC)."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def dispatch_content(element) -> str:
    """Given a 發文字號 element, return the number as one string, whichever form it is written in."""
    if element.find("文字") is not None:
        return canonical_text(element.findtext("文字"))
    word = canonical_text(element.findtext("字")).removesuffix("字")
    year, serial, branch = (canonical_text(element.findtext(f"文號/{t}")) for t in ("年度", "流水號", "支號"))
    return f"{word}字第{year}{serial}{'-' + branch if branch else ''}號"


def di_content(path: Path) -> list[tuple]:
    """Given a DI file, return its content as (element, value) pairs in order, as a record can carry it."""
    tree = etree.parse(str(path), etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False))
    entities = {e.name: e.system_url for e in (tree.docinfo.internalDTD.iterentities()
                                               if tree.docinfo.internalDTD is not None else [])}
    content: list[tuple] = []
    for element in tree.getroot().iter():
        tag, text = element.tag, canonical_text(element.text)
        if tag == "發文字號":
            content.append((tag, dispatch_content(element)))
        elif tag in ("全銜", "總稱", "單位名", "姓名") and text:
            following = element.getnext()
            title = canonical_text(following.text) if following is not None and following.tag == "職稱" else ""
            content.append((element.getparent().tag, "name", text + (title if tag == "姓名" else "")))
        elif tag == "含附件":
            content.append((element.getparent().tag, "含附件"))
        elif tag == "附件" and canonical_text(element.findtext("文字")) in ("如文", "如主旨", "如說明", "無"):
            element.find("文字").text = ""  # a placeholder naming no attachment: the record keeps none
        elif tag == "交換表":
            content.append((tag, text, "roster" if element.get("交換表單") in entities else "missing"))
        elif tag in ("文字", "地址", "聯絡方式", "年月日", "解密條件或保密期限", "署名") and text \
                and element.getparent().tag != "發文字號":
            content.append((element.getparent().tag, tag, text))
        for name, value in element.attrib.items():
            if name == "段名":
                content.append((tag, name, canonical_text(value).rstrip(":")))
            elif name == "序號":
                content.append((tag, name, canonical_text(value).rstrip("、,.")))
            elif name == "附件名":
                content.append((tag, name, tuple(entities[e] for e in value.split())))
            elif name == "代碼":
                content.append((tag, name, value))
    return content


def roster_content(path: Path) -> list[tuple]:
    """Given a .sw roster, return its entries' names, 含附件 and 本別 in order (not the 機關代碼)."""
    root = etree.parse(str(path), etree.XMLParser(load_dtd=False, no_network=True)).getroot()
    return [(e.tag, canonical_text(e.text) if e.tag != "本別" else e.find("收發處理本別").get("代碼"))
            for e in root if e.tag not in ("機關代碼", "單位代碼")]


def roster_of(path: Path) -> Path | None:
    """Given a DI file, return the .sw roster its 交換表 names, if any."""
    tree = etree.parse(str(path), etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False))
    table = tree.getroot().find("受文者/交換表")
    if table is None:
        return None
    entities = {e.name: e.system_url for e in tree.docinfo.internalDTD.iterentities()}
    return path.parent / entities[table.get("交換表單")]


@pytest.mark.parametrize("path", DI_SAMPLES, ids=[p.stem for p in DI_SAMPLES])
def test_di_to_record_to_di_keeps_the_content(tmp_path, path):
    letter = load_record(str(path))
    written = tmp_path / "out"
    back = write_and_read(letter, written, path.parent)
    assert comparable(back) == comparable(letter)
    rewritten = written / f"{letter_to_package(letter).name}.di"
    assert di_content(rewritten) == di_content(path)
    original_roster, new_roster = roster_of(path), roster_of(rewritten)
    assert (original_roster is None) == (new_roster is None)
    if original_roster:
        assert roster_content(new_roster) == roster_content(original_roster)


def test_the_seed_di_copies_its_attachments(tmp_path):
    seed = INBOX / "376550000A1080251637.di"
    package = letter_to_package(load_record(str(seed)))
    written, notes = write_package(package, tmp_path, seed.parent)
    assert notes == []
    assert sorted(p.name for p in written) == ["376550000A1080251637.di", "376550000A1080251637.sw",
                                               "376550000A1080251637_118_ATTACH1.odt",
                                               "376550000A1080251637_118_ATTACH2.odt"]
    for name in package.attachments:
        assert (tmp_path / name).read_bytes() == (INBOX / name).read_bytes()
