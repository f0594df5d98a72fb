"""Writing DI: every sample letter, in every variant, validates against the 104 DTD; order, codes and notes."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from lxml import etree

from pipeline.errors import InputError
from pipeline.exchange.conventions import dtd_folder
from pipeline.exchange.di_write import issuer_code_of, letter_to_package
from pipeline.exchange.validate import dtd_errors
from pipeline.load import load_record
from pipeline.records import Addressee, Attachment, Letter, Secrecy

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "inbox"
PUBLISHED = ROOT.parent / "shared" / "specs" / "di-104"  # the reference DTDs, beside the clone in CI
LETTERS = sorted(SAMPLES.glob("*.txt"))
DTD_ORDER = ["發文機關", "函類別", "地址", "聯絡方式", "受文者", "發文日期", "發文字號", "速別",
             "密等及解密條件或保密期限", "附件", "主旨", "段落", "正本", "副本", "署名"]


@pytest.fixture(scope="module")
def records() -> dict[str, Letter]:
    return {p.stem: load_record(str(p)) for p in LETTERS}


@pytest.fixture(scope="module")
def beside(tmp_path_factory) -> Path:
    """A folder holding copies of the five DTD files, where written DI files are validated as exchanged."""
    folder = tmp_path_factory.mktemp("di104")
    for name in ("104_2_utf8.dtd", "104_roster_utf8.dtd", "104_basic_utf8.ent", "104_exchange_utf8.ent"):
        shutil.copy(dtd_folder() / name, folder / name)
    return folder


def validate_beside(folder: Path, name: str, data: bytes) -> None:
    """Given a folder with the DTD files, write data there and parse it validating, offline (raises when invalid)."""
    path = folder / name
    path.write_bytes(data)
    parser = etree.XMLParser(dtd_validation=True, load_dtd=True, no_network=True, resolve_entities=False)
    etree.parse(str(path), parser)


def with_attachments(letter: Letter) -> Letter:
    letter = copy.deepcopy(letter)
    if not any(a.file for a in letter.attachments):
        letter.attachments = [Attachment("計畫", "A1_ATTACH1.odt"), Attachment("名冊", "A1_ATTACH2.pdf")]
    return letter


def without_attachments(letter: Letter) -> Letter:
    letter = copy.deepcopy(letter)
    letter.attachments = []
    return letter


def one_recipient(letter: Letter) -> Letter:
    letter = copy.deepcopy(letter)
    letter.cc_main, letter.cc_copy = [Addressee(letter.recipient or "某機關")], []
    return letter


def several_recipients(letter: Letter) -> Letter:
    letter = copy.deepcopy(letter)
    letter.cc_main = letter.cc_main + [Addressee("臺東縣政府", True), Addressee("澎湖縣政府")]
    letter.cc_copy = letter.cc_copy + [Addressee("本府秘書處", True)]
    return letter


def secret(letter: Letter) -> Letter:
    letter = copy.deepcopy(letter)
    letter.secrecy = Secrecy("機密", "保密期限至115年12月31日")
    return letter


def not_secret(letter: Letter) -> Letter:
    letter = copy.deepcopy(letter)
    letter.secrecy = Secrecy()
    return letter


VARIANTS = {"as-parsed": lambda l: l, "with-attachments": with_attachments, "without-attachments": without_attachments,
            "one-recipient": one_recipient, "several-recipients": several_recipients, "secret": secret,
            "not-secret": not_secret}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("stem", [p.stem for p in LETTERS])
def test_every_sample_letter_writes_a_valid_di(records, beside, stem, variant):
    letter = VARIANTS[variant](records[stem])
    package = letter_to_package(letter)
    validate_beside(beside, f"{stem}-{variant}.di", package.di)
    assert dtd_errors(package.di) == []
    several = len(letter.cc_main) + len(letter.cc_copy) > 1 or any(a.with_attachments for a in letter.cc_main)
    assert (package.roster is not None) == several
    if package.roster is not None:
        validate_beside(beside, f"{stem}-{variant}.sw", package.roster)
    names_roster = len(letter.cc_main) > 1 or any(a.with_attachments for a in letter.cc_main)
    assert (f'SYSTEM "{package.name}.sw" NDATA DI'.encode() in package.di) == names_roster
    assert (etree.fromstring(package.di).find("受文者/交換表") is not None) == names_roster
    root = etree.fromstring(package.di)
    order = [DTD_ORDER.index(child.tag) for child in root]
    assert order == sorted(order), [child.tag for child in root]
    files = [a.file for a in letter.attachments if a.file]
    assert package.attachments == list(dict.fromkeys(files))
    for i, name in enumerate(package.attachments, 1):
        assert f'<!ENTITY ATTCH{i} SYSTEM "{name}" NDATA _X>'.encode() in package.di
    level = root.find("密等及解密條件或保密期限/密等")
    assert (level.get("代碼") if level is not None else None) == letter.secrecy.level


@pytest.mark.skipif(not PUBLISHED.is_dir(), reason="the shared reference DTDs are not beside this clone")
def test_packaged_dtds_are_the_published_ones():
    for published in PUBLISHED.glob("*_utf8.*"):
        packaged = dtd_folder() / published.name
        assert packaged.read_bytes().replace(b"\r\n", b"\n") == published.read_bytes().replace(b"\r\n", b"\n")


def test_the_validator_rejects_what_the_dtd_forbids(records):
    di = letter_to_package(records["000_7274a88dd80a289e"]).di
    moved = di.replace("<速別 代碼=\"普通件\" />".encode(), b"").replace("</函>".encode(), "<速別 代碼=\"普通件\" /></函>".encode())
    assert any("does not follow the DTD" in e for e in dtd_errors(moved))
    assert any("特急件" in e for e in dtd_errors(di.replace("普通件".encode(), "特急件".encode())))
    assert dtd_errors(b"<?xml version='1.0'?><x/>")  # no DOCTYPE: not a DI


def test_seed_header_elements(records):
    package = letter_to_package(records["000_7274a88dd80a289e"])
    root = etree.fromstring(package.di)
    assert package.name == "376550000A1080251637"  # 機關代碼 from the exchange names of its attachments
    assert root.findtext("發文機關/全銜") == "花蓮縣政府"
    assert root.findtext("發文機關/機關代碼") == "376550000A"
    assert [e.text for e in root.findall("聯絡方式")] == ["承辦人：許明浩", "電話：8222944", "電子信箱：zzzrobert@hl.gov.tw"]
    assert root.findtext("發文日期/年月日") == "中華民國108年11月12日"
    assert (root.findtext("發文字號/字"), root.findtext("發文字號/文號/年度"), root.findtext("發文字號/文號/流水號")) == \
        ("府政行", "108", "0251637")
    assert root.find("速別").get("代碼") == "普通件"
    assert root.find("密等及解密條件或保密期限") is None
    assert root.find("附件/附件檔名").get("附件名") == "ATTCH1 ATTCH2"
    assert [e.get("序號") for e in root.findall("段落/條列")] == ["一、", "二、"]
    assert root.find("段落").get("段名") == "說明："
    assert root.find("受文者/交換表").text == "花蓮縣萬榮鄉明利國民小學"
    assert len(root.findall("正本/全銜")) == 10 and len(root.findall("副本/全銜")) == 11


def test_items_with_brackets_and_branch_number(records):
    letter = records["motc-reply-npa-secret"]
    root = etree.fromstring(letter_to_package(letter).di)
    third = root.findall("段落/條列")[2]
    assert [e.get("序號") for e in third.findall("條列")] == ["（一）", "（二）"]
    assert root.find("密等及解密條件或保密期限/密等").get("代碼") == "密"
    assert root.findtext("密等及解密條件或保密期限/解密條件或保密期限") == "公布後解密"
    branched = copy.deepcopy(letter)
    branched.dispatch_no.branch = "3"
    assert etree.fromstring(letter_to_package(branched).di).findtext("發文字號/文號/支號") == "3"


def test_codes_the_dtd_does_not_know_are_left_out_with_a_note(records):
    package = letter_to_package(records["changhua-county-spaces-urgent"])  # 速別：急件
    assert etree.fromstring(package.di).find("速別") is None
    assert package.notes == ["速別 急件 is not a DI code (普通件/速件/最速件): left out"]
    odd = copy.deepcopy(records["motc-reply-npa-secret"])
    odd.secrecy = Secrecy("極密", None)
    package = letter_to_package(odd)
    assert etree.fromstring(package.di).find("密等及解密條件或保密期限") is None
    assert package.notes == ["密等 極密 is not a DI code: left out"]


def test_file_no_and_retention_are_noted_not_written(records):
    letter = copy.deepcopy(records["moe-shuhan-meeting"])
    letter.file_no, letter.retention = "0112/A01", "10年"
    package = letter_to_package(letter)
    assert b"0112/A01" not in package.di and "10年".encode() not in package.di
    assert package.notes == ["檔號 0112/A01 is not part of a DI: left out", "保存年限 10年 is not part of a DI: left out"]


def test_a_letter_with_nothing_still_writes_a_valid_di(beside):
    package = letter_to_package(Letter())
    validate_beside(beside, "empty.di", package.di)
    assert package.name == "letter" and package.roster is None


def test_a_non_letter_class_is_refused():
    with pytest.raises(InputError, match="a 開會通知單 is not a 函 class"):
        letter_to_package(Letter(doc_type="開會通知單", subject="開會"))


@pytest.mark.parametrize("name", ["../evil.odt", "sub/dir.odt", 'q"uote.odt', ".."])
def test_attachment_file_names_must_be_plain(name):
    with pytest.raises(InputError, match="not a plain file name"):
        letter_to_package(Letter(subject="x", attachments=[Attachment("附件", name)]))


def test_markup_in_text_is_escaped(beside):
    letter = Letter(subject='檢送 <b>"A&B"</b> 計畫，請查照。', cc_main=[Addressee("A&B公司")])
    package = letter_to_package(letter)
    validate_beside(beside, "escaped.di", package.di)
    assert etree.fromstring(package.di).findtext("主旨/文字") == letter.subject


def test_issuer_code_from_exchange_attachment_names():
    letter = load_record(str(SAMPLES / "pingtung-county-twopage.txt"))
    assert issuer_code_of(letter) == "376480000A"
    assert issuer_code_of(letter, "XYZ") == "XYZ"
    assert issuer_code_of(load_record(str(SAMPLES / "motc-reply-npa-secret.txt"))) == ""
