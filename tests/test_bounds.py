"""Bounded work and one-line errors for hostile inputs (issue 14): each case failed (traceback, minutes or
gigabytes) before the caps in pipeline/limits.py and the guards in the readers and parsers."""
from __future__ import annotations

import codecs
import struct
import subprocess
import sys
import tracemalloc

import pytest

from hostile import (SEED_TEXT, PLAN_ODT, looping_pdf, lying_count_pdf, many_pages_pdf, odt_body, odt_member,
                     odt_with)
from pipeline.blocks import LIST_ITEM
from pipeline.errors import InputError
from pipeline.limits import MAX_BLOCKS, MAX_LIST_NUMBER, MAX_PAGES, MAX_TEXT_BYTES
from pipeline.load import load_record
from pipeline.read import read_document
from pipeline.read.odt import read_odt
from pipeline.records import to_dict

LEVEL1 = '<text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..."'.encode()
SEED = SEED_TEXT.read_text(encoding="utf-8")
CITED = "一、依據法務部廉政署108年10月14日廉政字第10807018360號 函辦理。"


def level1(attributes: str, num_format: str = "一, 二, 三, ...") -> bytes:
    """Return the plan ODT with its list style's level 1 given another num-format and ``attributes``."""
    new = LEVEL1.replace("一, 二, 三, ...".encode(), num_format.encode()) + b" " + attributes.encode()
    return odt_with(lambda d: d.replace(LEVEL1, new))


def first_markers(data: bytes, n: int = 3) -> list[str | None]:
    """Given ODT bytes, return the markers of the first n level-1 list items, reading with bounded memory."""
    tracemalloc.start()
    try:
        doc = read_odt(data, "plan.odt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024
    return [b.marker for b in doc.blocks if b.kind == LIST_ITEM and b.level == 1][:n]


@pytest.mark.parametrize("data, markers", [
    (odt_with(), ["一、", "二、", "三、"]),  # the sample as it is
    (level1('text:start-value="99999999999999999999"', "a"), [f"{MAX_LIST_NUMBER}、", f"{MAX_LIST_NUMBER + 1}、"]),
    (level1('text:start-value="900000000"', "I"), ["M" * (MAX_LIST_NUMBER // 1000) + "、", f"{MAX_LIST_NUMBER + 1}、"]),
    (level1('text:start-value="28"', "a"), ["bb、", "cc、", "dd、"]),
    (level1('text:start-value="x1"'), ["一、", "二、", "三、"]),
    (level1('text:display-levels="two"'), ["一、", "二、", "三、"]),
    (level1('text:display-levels="999999999999999999999"'), ["一、", "二、", "三、"]),
    (level1('text:start-value="-10000"', "①, ②, ③, ..."), ["0、", "①、", "②、"]),
    (odt_with(lambda d: d.replace(b"<text:list-item>", b'<text:list-item text:start-value="1' + b"0" * 5000 + b'">', 1)),
     [f"{MAX_LIST_NUMBER}、", f"{MAX_LIST_NUMBER + 1}、", f"{MAX_LIST_NUMBER + 2}、"]),
], ids=["sample", "huge-start-letters", "huge-start-roman", "start-28-letters", "start-not-a-number",
        "display-levels-not-a-number", "display-levels-huge", "negative-start-circled", "item-start-5000-digits"])
def test_absurd_list_attributes_give_bounded_markers(data, markers):
    assert first_markers(data, len(markers)) == markers


@pytest.mark.parametrize("level", ["99999999999999999999999", "\u0661", "-1", "0", "x"])
def test_list_levels_outside_1_to_10_are_not_numbered(level):
    data = odt_with(lambda d: d.replace(b'text:level="1"', f'text:level="{level}"'.encode()))
    assert first_markers(data) == [None, None, None]


@pytest.mark.parametrize("opening, closing", [
    ("<text:section>", "</text:section>"),
    ("<text:list><text:list-item>", "</text:list-item></text:list>"),
    ("<table:table><table:table-row><table:table-cell>", "</table:table-cell></table:table-row></table:table>"),
])
def test_deep_nesting_is_one_line(opening, closing):
    data = odt_body(opening.encode() * 1000 + b"<text:p>a</text:p>" + closing.encode() * 1000)
    with pytest.raises(InputError, match=r"content.xml: elements nested deeper than 128 levels: refused"):
        read_odt(data, "deep.odt")


def test_deep_spans_are_one_line():
    data = odt_body(b"<text:p>" + b"<text:span>" * 3000 + b"a" + b"</text:span>" * 3000 + b"</text:p>")
    with pytest.raises(InputError, match="nested deeper than 128"):
        read_odt(data, "deep.odt")


def test_too_many_paragraphs_are_refused_in_one_line():
    data = odt_body(b"<text:p>x</text:p>" * (MAX_BLOCKS + 1))
    with pytest.raises(InputError, match=rf"{MAX_BLOCKS + 1} paragraphs, items and tables \(limit 20,000\)"):
        read_document("many.odt", data)


def test_too_many_elements_are_refused(monkeypatch):
    monkeypatch.setattr("pipeline.read.safexml.MAX_XML_ELEMENTS", 5000)
    data = odt_body(b"<text:p>" + b"a<text:s/>" * 6000 + b"</text:p>")
    with pytest.raises(InputError, match="content.xml: more than 5,000 elements: refused"):
        read_odt(data, "many.odt")


def test_text_s_runs_read_as_spaces():
    data = odt_body(b"<text:p>" + b"a<text:s/>" * 30000 + b"</text:p><text:p>b</text:p>")
    doc = read_odt(data, "spaces.odt")
    assert doc.blocks[0].text == ("a " * 30000).rstrip()


def test_styles_xml_in_big5_is_read():
    styles = odt_member("styles.xml").decode("utf-8").replace("encoding='UTF-8'", "encoding='Big5'")
    data = odt_with(styles=styles.encode("cp950"))
    doc, original = read_odt(data, "big5.odt"), read_odt(PLAN_ODT.read_bytes(), "plan.odt")
    assert [(b.marker, b.text) for b in doc.blocks] == [(b.marker, b.text) for b in original.blocks]
    assert doc.blocks[2].marker == "壹、"  # the outline style, read from the Big5 styles.xml


def test_styles_xml_in_an_unknown_encoding_is_one_line():
    styles = odt_member("styles.xml").replace(b"encoding='UTF-8'", b"encoding='x-no-such'")
    with pytest.raises(InputError, match="styles.xml declares encoding 'x-no-such': unknown"):
        read_odt(odt_with(styles=styles), "odd.odt")


def end_of_central_directory(data: bytes, field: int, fmt: str, value: int) -> bytes:
    """Return zip bytes with one field of the end-of-central-directory record overwritten."""
    at = data.rfind(b"PK\x05\x06") + field
    return data[:at] + struct.pack(fmt, value) + data[at + struct.calcsize(fmt):]


@pytest.mark.parametrize("field, fmt, value", [(16, "<I", 0xFFFFFFF0), (16, "<I", 5), (16, "<I", 10**6),
                                               (12, "<I", 0xFFFFFFF0)])
def test_corrupted_central_directory_is_one_line(field, fmt, value):
    data = end_of_central_directory(PLAN_ODT.read_bytes(), field, fmt, value)
    with pytest.raises(InputError, match=r"damaged|not a readable ODT"):
        read_odt(data, "broken.odt")


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_text_letter_is_read(bom, codec):
    record = load_record("letter.txt", bom + SEED.encode(codec))
    assert record.dispatch_no.text == "府政行字第1080251637號"
    assert record.date.iso == "2019-11-12"


def test_text_over_the_size_cap_is_one_line(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write(SEED.encode("utf-8"))
        fh.truncate(MAX_TEXT_BYTES + 1)  # sparse: no disk used
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "parse", str(big)], capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr == f"gongwen: {big}: text file of {MAX_TEXT_BYTES + 1:,} bytes (limit {MAX_TEXT_BYTES:,}): refused\n"


def test_form_feeds_are_capped_and_a_few_are_pages():
    record = load_record("ff.txt", SEED.replace("說明:", "\f" * 50 + "說明:").encode())
    assert record.dispatch_no.text == "府政行字第1080251637號"
    with pytest.raises(InputError, match=rf"{MAX_PAGES + 1} pages \(form feeds\) \(limit 1,000\): refused"):
        load_record("ff.txt", (SEED + "\f" * MAX_PAGES).encode())


def test_too_many_item_lines_after_the_copies_are_refused():
    text = SEED + "".join(f"\n{i}、本縣某某國民小學" for i in range(MAX_BLOCKS))
    with pytest.raises(InputError, match=r"lines \(limit 20,000\): refused"):
        load_record("long.txt", text.encode())


def test_cited_date_without_its_year_mark_is_kept_without_a_date():
    record = to_dict(load_record("a.txt", SEED.replace(CITED, "一、復貴校1134月10日花明小字第1130000123號函。").encode()))
    assert record["dispatch_no"]["text"] == "府政行字第1080251637號"
    cited = [r for r in record["references"] if "1130000123" in r["text"]]
    assert len(cited) == 1 and cited[0]["date"] is None


def test_absurd_chinese_year_is_no_date():
    record = to_dict(load_record("a.txt", SEED.replace("108年10月14日", "九" * 80 + "年10月14日").encode()))
    assert record["date"]["iso"] == "2019-11-12"
    assert all(r["date"] is None for r in record["references"])


def test_day_count_of_thousands_of_digits_is_a_warning():
    record = to_dict(load_record("a.txt", SEED.replace("共29天", "共" + "9" * 5000 + "天").encode()))
    assert record["periods"][0]["from"] == "2019-12-14" and record["periods"][0]["days"] == 29
    assert record["periods"][0]["stated_days"] is None
    assert any("stated day count of 5000 digits" in w for w in record["warnings"])


def test_pdf_of_20000_pages_is_refused_at_once():
    with pytest.raises(InputError, match=rf"20000 pages \(limit {MAX_PAGES:,}\): refused"):
        read_document("many.pdf", many_pages_pdf(20000))


@pytest.mark.parametrize("data", [looping_pdf(), lying_count_pdf(5)], ids=["page-tree-loop", "count-lies"])
def test_broken_page_tree_is_one_line(data):
    with pytest.raises(InputError, match=r"corrupt PDF: page \d+ cannot be loaded \(broken page tree\)"):
        read_document("broken.pdf", data)


def test_count_claiming_a_million_pages_is_refused():
    with pytest.raises(InputError, match=r"1000000 pages"):
        read_document("lying.pdf", lying_count_pdf(10**6))


def test_a_small_pdf_still_reads():
    doc = read_document("hello.pdf", many_pages_pdf(1))
    assert [b.text for b in doc.blocks] == ["Hello"]
