"""Kind detection and bundles: a letter followed by its attachments, each parsed inline into its 附件 entry."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, TABLE, Block, Document
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load import load_record
from pipeline.parse.document import document_to_record
from pipeline.parse.kind import DIVISION, LETTER, PLAN, blocks_to_kind, split_attachments
from pipeline.parse.letter import split_letter
from pipeline.read import read_document
from pipeline.read.text import text_to_blocks
from pipeline.records import Letter, Plan, to_dict

INBOX = Path(__file__).resolve().parent.parent / "samples" / "inbox"
SEED = INBOX / "000_7274a88dd80a289e.txt"
PLAN_ODT = INBOX / "376550000A1080251637_118_ATTACH1.odt"
TABLE_ODT = INBOX / "376550000A1080251637_118_ATTACH2.odt"
needs_odt = pytest.mark.skipif(not (PLAN_ODT.exists() and TABLE_ODT.exists()),
                               reason="the seed's attachment ODTs are not in samples/inbox")

PLAN_TITLE = "花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫"
TABLE_TITLE = "花蓮縣政府第15任總統副總統及第10屆立法委員選舉期間維護工作分工表"


def test_seed_bundle_fills_both_attachments():
    letter = load_record(str(SEED))
    assert isinstance(letter, Letter)
    plan, table = letter.attachments
    assert (plan.file, plan.kind) == ("376550000A1080251637_118_ATTACH1.odt", "plan")
    assert (table.file, table.kind) == ("376550000A1080251637_118_ATTACH2.odt", "division")
    assert plan.content["schema"] == "gongwen/plan@1" and plan.content["title"] == PLAN_TITLE
    assert [s["marker"] + s["title"] for s in plan.content["sections"]] == [
        "壹依據", "貳目的", "參任務", "肆執行", "伍狀況通報", "陸"]
    assert plan.content["source"] == {"path": None, "sha256": None, "format": None, "ocr": None}
    assert table.content["schema"] == "gongwen/division@1" and table.content["title"] == TABLE_TITLE
    assert [r["unit"] for r in table.content["rows"]] == [
        "本府各處及所屬各級機關", "本府行政暨研考", "本府教育處", "本府觀光處", "本府人事處", "本府政風處"]
    # the attachments' text stays out of the letter's own fields
    assert letter.cc_copy[-1].name == "花蓮縣花蓮市公所政風室"
    assert len(letter.cc_main) == 10 and len(letter.sections[0].items) == 2


def test_seed_bundle_splits_at_the_attachment_titles():
    _, rest = split_letter(read_document(str(SEED)).blocks)
    runs = split_attachments(rest, [PLAN_TITLE, "花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間維護工作分工表"])
    assert [(r.title_index, r.blocks[0].text) for r in runs] == [(0, "花蓮縣政府辦理"), (1, TABLE_TITLE)]
    assert runs[0].heading == "花蓮縣政府辦理\n第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫"  # normalised once
    assert runs[1].blocks[-1].text.startswith("訂定第15任總統副總統")  # the repeated title did not split the table


def test_seed_without_page_footer_still_splits():
    """Without 「第1頁,共1頁」 the letter ends where a line names one of its 附件 after 正本/副本."""
    text = SEED.read_text(encoding="utf-8").replace("第1頁,共1頁", "")
    letter = document_to_record(Document(blocks=text_to_blocks(text), path="seed-without-footer.txt"))
    assert [a.kind for a in letter.attachments] == ["plan", "division"]
    assert letter.cc_copy[-1].name == "花蓮縣花蓮市公所政風室"


def merged_pdf_blocks(attachment_line: str) -> list[Block]:
    """Return a merged bundle PDF's blocks: a one-page letter, a plan, a table over two pages."""
    letter = f"""臺中市政府 函
地址：40701臺中市西屯區臺灣大道三段99號
承辦人：王小明
電話：04-22289111#12345
受文者：臺中市立忠明高級中學
發文日期：中華民國112年1月5日
發文字號：府授安字第1120001234號
速別：普通件
密等及解密條件或保密期限：
附件：{attachment_line}
主旨：檢送本府112年度春節連續假期安全維護實施計畫及分工表各1份，請查照。
說明：依據行政院112年1月3日院臺忠字第1120160001號函辦理。
正本：本府各局處
副本：本府秘書處
第1頁，共1頁"""
    plan = """附件一
臺中市政府112年度
春節連續假期安全維護實施計畫
壹、依據
行政院112年1月3日院臺忠字第1120160001號函。
貳、期間
自112年1月20日起至112年1月29日止，共10天。
參、本計畫奉核後實施。"""
    title = "臺中市政府112年度春節連續假期安全維護分工表"
    header = ["單位", "工作項目"]
    return [
        *[Block(PARAGRAPH, line, page=1) for line in letter.split("\n")],
        Block(PAGE_BREAK, page=1),
        *[Block(PARAGRAPH, line, page=2) for line in plan.split("\n")],
        Block(PAGE_BREAK, page=2),
        Block(PARAGRAPH, "附件二", page=3),
        Block(PARAGRAPH, title, page=3),
        Block(TABLE, page=3, rows=[header, ["臺中市政府警察局", "加強轄區巡邏。"], ["臺中市政府消防局", "加強消防安全\n檢查。"]]),
        Block(PAGE_BREAK, page=3),
        Block(PARAGRAPH, title, page=4),
        Block(TABLE, page=4, rows=[header, ["臺中市政府交通局", "協調客運業者加開班次。"]]),
    ]


def check_merged_bundle(letter: Letter) -> None:
    """Assert the merged bundle's letter and both attachments."""
    assert letter.dispatch_no.text == "府授安字第1120001234號"
    assert [c.name for c in letter.cc_copy] == ["本府秘書處"]
    plan, table = letter.attachments
    assert plan.kind == "plan" and plan.content["title"] == "臺中市政府112年度春節連續假期安全維護實施計畫"
    assert [s["marker"] + s["title"] for s in plan.content["sections"]] == ["壹依據", "貳期間", "參"]
    assert [(p["from"], p["to"], p["days"], p["stated_days"]) for p in plan.content["periods"]] == [
        ("2023-01-20", "2023-01-29", 10, 10)]
    assert table.kind == "division" and table.content["title"] == "臺中市政府112年度春節連續假期安全維護分工表"
    assert [(r["unit"], r["duties"]) for r in table.content["rows"]] == [
        ("臺中市政府警察局", ["加強轄區巡邏。"]),
        ("臺中市政府消防局", ["加強消防安全檢查。"]),
        ("臺中市政府交通局", ["協調客運業者加開班次。"]),
    ]


def test_merged_pdf_bundle_matched_by_title():
    titles = "臺中市政府112年度春節連續假期安全維護實施計畫、臺中市政府112年度春節連續假期安全維護分工表"
    letter = document_to_record(Document(blocks=merged_pdf_blocks(titles), format="pdf", path="bundle.pdf"))
    check_merged_bundle(letter)
    assert [a.title for a in letter.attachments] == titles.split("、")
    assert not [w for w in letter.warnings if "附件" in w]


def test_merged_pdf_bundle_matched_by_page_breaks_when_titles_differ():
    """附件 names too short to match a heading: each page break followed by a title opens the next attachment."""
    letter = document_to_record(Document(blocks=merged_pdf_blocks("實施計畫、分工表"), format="pdf", path="bundle.pdf"))
    check_merged_bundle(letter)
    assert [a.title for a in letter.attachments] == ["實施計畫", "分工表"]


def test_attachment_not_in_the_list_is_added_with_a_warning():
    blocks = merged_pdf_blocks("臺中市政府112年度春節連續假期安全維護實施計畫")
    letter = document_to_record(Document(blocks=blocks, format="pdf", path="bundle.pdf"))
    assert [(a.title, a.kind) for a in letter.attachments] == [
        ("臺中市政府112年度春節連續假期安全維護實施計畫", "plan"),
        ("臺中市政府112年度春節連續假期安全維護分工表", "division")]
    assert any("not in its 附件 list" in w and "分工表" in w for w in letter.warnings)


def test_letter_alone_leaves_attachments_unparsed():
    blocks = merged_pdf_blocks("實施計畫")[:16]  # the letter page only
    letter = document_to_record(Document(blocks=blocks, path="letter.pdf"))
    assert [(a.title, a.kind, a.content) for a in letter.attachments] == [("實施計畫", None, None)]


@needs_odt
def test_kinds_by_content():
    assert blocks_to_kind(read_document(str(SEED)).blocks) == LETTER
    assert blocks_to_kind(read_document(str(PLAN_ODT)).blocks) == PLAN
    assert blocks_to_kind(read_document(str(TABLE_ODT)).blocks) == DIVISION
    # a table without 分工表 in its title is still known by its unit → duty rows
    assert blocks_to_kind(text_to_blocks("本府人事處\t請公告周知。\n本府政風處\t請加強宣導。\n")) == DIVISION
    assert blocks_to_kind(text_to_blocks("會議紀錄\n時間：上午9時\n地點：本府301會議室\n")) is None
    # a header row 單位 | 工作項目 makes a table a division table whatever its title
    header_table = [Block(PARAGRAPH, "春節期間各單位應辦事項"),
                    Block(TABLE, rows=[["單位", "工作項目"], ["全體同仁", "注意門戶安全。"]])]
    assert blocks_to_kind(header_table) == DIVISION
    # the word nearest the end of the title decides: a 分工 plan is a plan
    assert blocks_to_kind(text_to_blocks("防汛任務分工實施計畫\n壹、目的\n強化防汛。\n")) == PLAN


def test_titles_of_different_kinds_never_match():
    from pipeline.parse.titles import title_similarity

    plan = "臺中市政府112年度春節連續假期安全維護實施計畫"
    assert title_similarity(plan, "臺中市政府112年度春節連續假期安全維護分工表") == 0.0
    assert title_similarity(plan, "附件一：臺中市政府112年度春節連續假期 安全維護實施計畫") == 1.0
    assert 0.85 < title_similarity(TABLE_TITLE, "花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間維護工作分工表") < 1


def test_neither_letter_plan_nor_table_is_an_input_error(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("會議紀錄\n時間：上午9時\n地點：本府301會議室\n主席：王科長\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_record(str(path))
    assert str(err.value).startswith(f"{path}: not an official letter: no 發文字號 and no 主旨 found")


@needs_odt
@pytest.mark.parametrize("path, schema, check", [
    (PLAN_ODT, "gongwen/plan@1", lambda d: [s["marker"] for s in d["sections"]] == ["壹", "貳", "參", "肆", "伍", "陸"]),
    (TABLE_ODT, "gongwen/division@1", lambda d: len(d["rows"]) == 6 and d["rows"][3]["unit"] == "本府觀光處"),
    (SEED, "gongwen/letter@3", lambda d: [a["kind"] for a in d["attachments"]] == ["plan", "division"]
     and d["attachments"][1]["content"]["rows"][5]["unit"] == "本府政風處"),
], ids=["plan-odt", "table-odt", "seed-text"])
def test_gongwen_parse_prints_the_right_record(path, schema, check):
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["schema"] == schema and record["source"]["path"] == str(path)
    assert check(record)


@needs_odt
def test_plan_odt_record_type():
    assert isinstance(load_record(str(PLAN_ODT)), Plan)


BUNDLE_PDF = INBOX.parent / "bundles" / "hualien-1080251637-with-attachments.pdf"


@needs_odt
@pytest.mark.skipif(not BUNDLE_PDF.exists(), reason=f"{BUNDLE_PDF.name} not in samples/bundles")
def test_every_format_gives_the_same_plan_and_table():
    """The seed text, the merged bundle PDF and the two ODTs give the same section tree and the same rows."""
    text_letter, pdf_letter = load_record(str(SEED)), load_record(str(BUNDLE_PDF))
    plan, table = to_dict(load_record(str(PLAN_ODT))), to_dict(load_record(str(TABLE_ODT)))
    for letter in (text_letter, pdf_letter):
        assert letter.attachments[0].content["sections"] == plan["sections"]
        assert letter.attachments[0].content["periods"] == plan["periods"]
        assert letter.attachments[1].content["rows"] == table["rows"]
