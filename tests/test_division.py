"""Division-of-work tables (分工表) as records: the seed's flattened table, the table ODT, PDF-style tables."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.blocks import PAGE_BREAK, PARAGRAPH, TABLE, Block
from pipeline.parse.division import blocks_to_division, is_unit_name, split_duties
from pipeline.parse.letter import split_letter
from pipeline.read import read_document
from pipeline.read.text import text_to_blocks

INBOX = Path(__file__).resolve().parent.parent / "samples" / "inbox"
SEED = INBOX / "000_7274a88dd80a289e.txt"
TABLE_ODT = INBOX / "376550000A1080251637_118_ATTACH2.odt"

SEED_TITLE = "花蓮縣政府第15任總統副總統及第10屆立法委員選舉期間維護工作分工表"
SEED_ROWS = [
    ("本府各處及所屬各級機關", ["請加強公務機密及機關安全維護措施，以維本機關之安全。"]),
    ("本府行政暨研考", ["請針對機關內重要設施及場所強化門禁管理，檢視監視系統監視範圍、清晰度及消防設備等安全維護措施。"]),
    ("本府教育處", ["請本縣教育網路中心會同縣屬國民中、小學強化電腦資訊機密維護。"]),
    ("本府觀光處", ["請協助機關強化機關資通安全管理、電腦週邊設備檢管，積極蒐報網路安全情資及影響國家安全之資安事件。",
                "請加強委外廠商之監督，並注意慶典期間電腦機房門禁管制措施及監視。"]),
    ("本府人事處", ["請公告提醒同仁（含所屬各級機關）「赴大陸地區申請注意事項」及「公務人員行政中立法」。"]),
    ("本府政風處", ["訂定第15任總統副總統及第10屆立法委員選舉期間維護工作計畫，蒐報危安情資並適時陳報。"]),
]


def seed_table_blocks() -> list[Block]:
    """Return the seed's division table: the lines after the letter from the table's title on."""
    _, rest = split_letter(read_document(str(SEED)).blocks)
    start = next(i for i, b in enumerate(rest) if "分工表" in b.text)
    return rest[start:]


TABLE_SOURCES = [
    pytest.param(seed_table_blocks, id="seed-text"),
    pytest.param(lambda: read_document(str(TABLE_ODT)).blocks, id="odt",
                 marks=pytest.mark.skipif(not TABLE_ODT.exists(), reason=f"{TABLE_ODT.name} not in samples/inbox")),
]


@pytest.mark.parametrize("load", TABLE_SOURCES)
def test_seed_table_rows(load):
    division = blocks_to_division(load())
    assert division.title == SEED_TITLE
    assert [(r.unit, r.duties) for r in division.rows] == SEED_ROWS
    assert division.warnings == []


def test_pdf_table_with_header_index_column_and_second_page():
    """A pdfplumber-style table: header row, 項次 column, wrapped cell lines, continued on page 2."""
    title = "新北市政府113年度防汛整備工作分工表"
    header = ["項次", "權責單位", "工作項目"]
    blocks = [
        Block(PARAGRAPH, title),
        Block(TABLE, rows=[
            header,
            ["1", "水利局", "1.抽水站機組及移動式抽水機\n檢修保養。\n2.疏濬轄內排水溝渠。"],
            ["2", "工務局", "辦理道路側溝清淤，並巡查\n施工中工地之防汛措施。"],
            ["3", "社會局", "整備收容處所及民生物資。"],
        ]),
        Block(PARAGRAPH, "第 1 頁，共 2 頁"),
        Block(PAGE_BREAK),
        Block(PARAGRAPH, title, page=2),
        Block(TABLE, page=2, rows=[
            header,
            ["", "", "另請於颱風警報發布時開設\n收容所。"],
            ["4", "新聞處", "發布防颱訊息。"],
        ]),
    ]
    division = blocks_to_division(blocks)
    assert division.title == title
    assert [(r.unit, r.duties) for r in division.rows] == [
        ("水利局", ["抽水站機組及移動式抽水機檢修保養。", "疏濬轄內排水溝渠。"]),
        ("工務局", ["辦理道路側溝清淤，並巡查施工中工地之防汛措施。"]),
        ("社會局", ["整備收容處所及民生物資。", "另請於颱風警報發布時開設收容所。"]),
        ("新聞處", ["發布防颱訊息。"]),
    ]
    assert division.warnings == []


def test_table_split_mid_row_across_pages():
    """A row whose unit and duty both break at the page end continues in the next page's first row."""
    blocks = [
        Block(PARAGRAPH, "某某鄉公所清潔週任務分工表"),
        Block(TABLE, rows=[["單位", "工作項目"], ["本所民政課及所屬", "督導各村辦理環境"]]),
        Block(PAGE_BREAK),
        Block(TABLE, page=2, rows=[["各村辦公處", "清潔工作。"], ["本所清潔隊", "清運垃圾。"]]),
    ]
    division = blocks_to_division(blocks)
    assert [(r.unit, r.duties) for r in division.rows] == [
        ("本所民政課及所屬各村辦公處", ["督導各村辦理環境清潔工作。"]),
        ("本所清潔隊", ["清運垃圾。"]),
    ]


WRAPPED_UNITS_TEXT = """\
臺中市政府112年度
春節連續假期安全維護分工表
單位\t工作項目
臺中市政府環境保護\t1. 加強春節期間垃圾清運，維護
局\t市容整潔。
\t2. 督導資源回收場防火安全。
臺中市政府警察局\t加強轄區巡邏，維護交通秩序及
\t治安。
臺中市政府交通局\t協調客運業者加開班次
臺中市政府消防局\t加強公共場所消防安全檢查。
"""


def test_flattened_table_whose_unit_column_wraps():
    division = blocks_to_division(text_to_blocks(WRAPPED_UNITS_TEXT))
    assert division.title == "臺中市政府112年度春節連續假期安全維護分工表"
    assert [(r.unit, r.duties) for r in division.rows] == [
        ("臺中市政府環境保護局", ["加強春節期間垃圾清運，維護市容整潔。", "督導資源回收場防火安全。"]),
        ("臺中市政府警察局", ["加強轄區巡邏，維護交通秩序及治安。"]),
        ("臺中市政府交通局", ["協調客運業者加開班次"]),
        ("臺中市政府消防局", ["加強公共場所消防安全檢查。"]),
    ]


def test_table_with_title_in_a_spanning_row():
    """An ODT table whose first row is the title merged across both columns."""
    blocks = [Block(TABLE, rows=[
        ["秀林鄉公所防疫工作分工表", ""],
        ["本所民政課", "(1)通知各村辦公處宣導。\n(2)彙整各村回報。"],
        ["本所衛生所", "疫苗接種站設置。"],
    ])]
    division = blocks_to_division(blocks)
    assert division.title == "秀林鄉公所防疫工作分工表"
    assert [(r.unit, r.duties) for r in division.rows] == [
        ("本所民政課", ["通知各村辦公處宣導。", "彙整各村回報。"]),
        ("本所衛生所", ["疫苗接種站設置。"]),
    ]


def test_unit_names_and_duties():
    assert is_unit_name("本府政風處") and is_unit_name("各級機關") and is_unit_name("本縣各國民中小學")
    assert not is_unit_name("本府各處及所屬")  # wrapped: the name goes on
    assert not is_unit_name("訂定維護工作計畫，蒐報危安情資並適時陳報。")
    assert not is_unit_name("一、依據澎湖縣馬公市教育會")  # a numbered paragraph, cut at a column gap in a PDF
    # numbers out of sequence (a wrapped line starting with 「3、」 inside duty 1) do not split
    assert split_duties(["1. 請於每年", "3、6、9、12月底前回報。", "2. 請通報。"]) == [
        "請於每年3、6、9、12月底前回報。", "請通報。"]


def test_line_without_tab_ending_like_a_unit_continues_an_open_duty():
    """After a page break the tabs are lost: 「商請本府消防局」 ends like a unit name but finishes a duty."""
    text = "道路搶修分工表\n本府工務處\t辦理道路搶修，必要時\n商請本府消防局\n協助。\n本府建設處\n調度搶修機具。\n"
    division = blocks_to_division(text_to_blocks(text))
    assert [(r.unit, r.duties) for r in division.rows] == [
        ("本府工務處", ["辦理道路搶修，必要時商請本府消防局協助。"]),
        ("本府建設處", ["調度搶修機具。"]),
    ]


def test_pdf_of_numbered_items_cut_at_column_gaps_is_no_division_table():
    # real: a 澎湖縣 school's relay of a 教育會 letter, laid out as PDF; its lines split at gaps into two 「cells」
    from pipeline.load import load_record
    from pipeline.records import to_dict
    d = to_dict(load_record(str(Path(__file__).parent / "data/real/h-penghu-school-teacher-assoc-relay-112.pdf")))
    assert d["schema"] == "gongwen/letter@3"
    assert [i["number"] for i in d["sections"][0]["items"]] == [1, 2, 3, 4]
    assert d["references"][0]["dispatch_no"]["text"] == "澎馬教瑞字第1120000003號"
