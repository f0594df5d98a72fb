"""Plans (計畫) as records: the seed's flattened plan, the plan ODT, and other agencies' plans built as blocks."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.blocks import HEADING, LIST_ITEM, PAGE_BREAK, PARAGRAPH, TABLE, Block
from pipeline.parse.kind import PLAN, blocks_to_kind
from pipeline.parse.letter import split_letter
from pipeline.parse.plan import blocks_to_plan, heavenly_to_int, split_marker
from pipeline.read import read_document
from pipeline.read.text import text_to_blocks

INBOX = Path(__file__).resolve().parent.parent / "samples" / "inbox"
SEED = INBOX / "000_7274a88dd80a289e.txt"
PLAN_ODT = INBOX / "376550000A1080251637_118_ATTACH1.odt"


def seed_plan_blocks() -> list[Block]:
    """Return the seed's plan: the lines after the letter, up to the division table's title."""
    _, rest = split_letter(read_document(str(SEED)).blocks)
    end = next(i for i, b in enumerate(rest) if "分工表" in b.text)
    return rest[:end]


def outline(nodes) -> list:
    """Given plan nodes, return (marker, title, [children…]) tuples for comparing the tree's shape."""
    return [(n.marker, n.title, outline(n.children)) for n in nodes]


def node(nodes, *path):
    """Given plan nodes and a path of markers, return the node at that path."""
    found = next(n for n in nodes if n.marker == path[0])
    return found if len(path) == 1 else node(found.children, *path[1:])


def items(n: int) -> list:
    """Return n plain numbered items 1 … n (no title, no children)."""
    return [(str(i), "", []) for i in range(1, n + 1)]


SEED_OUTLINE = [
    ("壹", "依據", []),
    ("貳", "目的", []),
    ("參", "任務", [("一", "", []), ("二", "", []), ("三", "", [])]),
    ("肆", "執行", [
        ("一", "工作期程", []),
        ("二", "工作要項", [
            ("(一)", "公務機密維護", items(4)),
            ("(二)", "機關安全維護", items(4)),
            ("(三)", "選務安全作為", items(4)),
        ]),
    ]),
    ("伍", "狀況通報", [("一", "", []), ("二", "", []), ("三", "", []), ("四", "", [])]),
    ("陸", "", []),
]


PLAN_SOURCES = [
    pytest.param(seed_plan_blocks, id="seed-text"),
    pytest.param(lambda: read_document(str(PLAN_ODT)).blocks, id="odt",
                 marks=pytest.mark.skipif(not PLAN_ODT.exists(), reason=f"{PLAN_ODT.name} not in samples/inbox")),
]


@pytest.mark.parametrize("load", PLAN_SOURCES)
def test_seed_plan_tree(load):
    plan = blocks_to_plan(load())
    assert plan.title == "花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫"
    assert outline(plan.sections) == SEED_OUTLINE
    assert [n.number for n in plan.sections] == [1, 2, 3, 4, 5, 6]
    assert node(plan.sections, "壹").text == "依據法務部廉政署108年10月14日廉政字第10807018360號書函辦理。"
    assert node(plan.sections, "陸").text == "本計畫奉核後實施，如有未盡事宜得隨時修正補充之。"
    assert node(plan.sections, "伍", "三").text == "政風處：副處長陳螢松：0918221817；行政科科長黃家康：0920783638。"
    assert node(plan.sections, "肆", "一").text == (
        "第15任總統副總統及第10屆立法委員競選活動期間，總統副總統自108年12月14日至109年1月10日止；"
        "立法委員競選活動期間為109年1月1日至109年1月10日；投票日均為109年1月11日；"
        "每日競選活動時間為上午7時至下午10時止。")
    # a paragraph the flattened text broke over a page is rejoined
    assert node(plan.sections, "肆", "二", "(二)", "3").text == (
        "與機關、學校、警察、消防之值勤人員保持暢通聯繫管道，適時掌握危安及預警資料，"
        "若發生重大危安預警狀況時，應立即採取適當因應措施及通報警察、消防機關協助處理。")
    assert node(plan.sections, "肆", "二", "(一)", "1").text.startswith("遵守保密措施，並依規定方式傳遞公務機密，對於機敏性案件")
    assert [(p.from_, p.to, p.days) for p in plan.periods] == [
        ("2019-12-14", "2020-01-10", 28), ("2020-01-01", "2020-01-10", 10)]
    assert [(h.from_, h.to) for h in plan.hours] == [("07:00", "22:00")]
    assert [d.iso for d in plan.dates] == ["2019-10-14", "2019-12-14", "2020-01-10", "2020-01-01", "2020-01-11"]


def test_seed_text_lost_numbers_are_inferred_and_warned():
    plan = blocks_to_plan(seed_plan_blocks())
    first_items = [node(plan.sections, "肆", "二", m, "1").text[:4] for m in ("(一)", "(二)", "(三)")]
    assert first_items == ["遵守保密", "積極提報", "提報影響"]
    assert sum("inferred lost list number 1" in w for w in plan.warnings) == 3


FIVE_LEVEL_TEXT = """\
臺北市政府教育局112年度校園安全維護實施計畫
中華民國112年2月1日北市教軍字第1123000000號函核定
壹、依據
教育部112年1月16日臺教學(五)字第1120012345號函。
貳、實施期間
自112年3月1日起至112年12月31日止。
參、實施方式
一、校園巡查
(一)巡查時段
1、平日：上午8時至下午5時。
2、假日：
(1)上午9時至中午12時。
(2)下午1時至下午5時。
(二)巡查人員由學務處排定，並填寫巡查紀
錄表。
二、通報
各校發現異常情形，應立即通報本局校安中心
（電話：02-27256307）。
肆、經費
本計畫所需經費由各校年度預算支應。
伍、本計畫經局長核定後實施，修正時亦同。
"""


def test_five_level_plan_from_text():
    plan = blocks_to_plan(text_to_blocks(FIVE_LEVEL_TEXT))
    assert plan.title == "臺北市政府教育局112年度校園安全維護實施計畫"
    assert outline(plan.sections) == [
        ("壹", "依據", []),
        ("貳", "實施期間", []),
        ("參", "實施方式", [
            ("一", "校園巡查", [
                ("(一)", "巡查時段", [
                    ("1", "", []),
                    ("2", "", [("(1)", "", []), ("(2)", "", [])]),
                ]),
                ("(二)", "", []),
            ]),
            ("二", "通報", []),
        ]),
        ("肆", "經費", []),
        ("伍", "", []),
    ]
    assert node(plan.sections, "參", "一", "(二)").text == "巡查人員由學務處排定，並填寫巡查紀錄表。"
    assert node(plan.sections, "參", "二").text == "各校發現異常情形，應立即通報本局校安中心（電話：02-27256307）。"
    assert node(plan.sections, "參", "一", "(一)", "2").text == "假日："  # a lead-in line, not a heading
    assert node(plan.sections, "參", "一", "(一)", "2", "(2)").text == "下午1時至下午5時。"
    assert [(p.from_, p.to, p.days) for p in plan.periods] == [("2023-03-01", "2023-12-31", 306)]
    assert [(h.from_, h.to) for h in plan.hours] == [("08:00", "17:00"), ("09:00", "12:00"), ("13:00", "17:00")]
    assert [d.iso for d in plan.dates] == ["2023-02-01", "2023-01-16", "2023-03-01", "2023-12-31"]
    assert plan.warnings == ["text before the first section, not part of the title: "
                             "中華民國112年2月1日北市教軍字第1123000000號函核定"]


def test_plan_from_document_lists_with_markers_and_page_breaks():
    """An ODT- or PDF-style plan: list numbers in Block.marker, a title over two lines, a footer, a page break."""
    blocks = [
        Block(PARAGRAPH, "附件一"),
        Block(PARAGRAPH, "屏東縣政府"),
        Block(PARAGRAPH, "防汛期間緊急應變作業要點"),
        Block(HEADING, "目的", marker="一、", level=1),
        Block(PARAGRAPH, "為確保汛期人民生命財產安全，特訂定本要點。"),
        Block(HEADING, "編組及任務", marker="二、", level=1),
        Block(LIST_ITEM, "指揮官由縣長兼任。", marker="(一)", level=2),
        Block(LIST_ITEM, "各局處依下列分工辦理：", marker="(二)", level=2),
        Block(LIST_ITEM, "水利處：抽水機調度。", marker="1.", level=3),
        Block(PARAGRAPH, "第 1 頁，共 2 頁", page=1),
        Block(PAGE_BREAK, page=1),
        Block(LIST_ITEM, "社會處：收容安置。", marker="2.", level=3, page=2),
        Block(LIST_ITEM, "自113年5月1日起至113年11月30日止，每日上午8時30分至下午5時30分輪值。",
              marker="(三)", level=2, page=2),
        Block(HEADING, "本要點自發布日施行。", marker="三、", level=1, page=2),
    ]
    plan = blocks_to_plan(blocks)
    assert plan.title == "屏東縣政府防汛期間緊急應變作業要點"
    assert outline(plan.sections) == [
        ("一", "目的", []),
        ("二", "編組及任務", [("(一)", "", []), ("(二)", "", [("1", "", []), ("2", "", [])]), ("(三)", "", [])]),
        ("三", "", []),
    ]
    assert node(plan.sections, "二", "(二)", "2").text == "社會處：收容安置。"
    assert [(p.from_, p.to, p.days) for p in plan.periods] == [("2024-05-01", "2024-11-30", 214)]
    assert [(h.from_, h.to) for h in plan.hours] == [("08:30", "17:30")]


def test_bullets_under_a_heading_are_numbered_in_order():
    """Flattened bullets that all lost their numbers become the next level's 一、二、三 under their heading."""
    text = "某某計畫\n壹、工作項目\n- 整理檔案。\n- 清點財產。\n- 更新名冊。\n貳、附則\n本計畫陳核後實施。\n"
    plan = blocks_to_plan(text_to_blocks(text))
    assert outline(plan.sections) == [("壹", "工作項目", [("一", "", []), ("二", "", []), ("三", "", [])]),
                                      ("貳", "附則", [])]
    assert [n.text for n in plan.sections[0].children] == ["整理檔案。", "清點財產。", "更新名冊。"]


def test_markers():
    assert split_marker("壹、 依據") == (0, 1, "依據")
    assert split_marker("拾壹、附則") == (0, 11, "附則")
    assert split_marker("十二、其他") == (1, 12, "其他")
    assert split_marker("（三）選務安全作為") == (2, 3, "選務安全作為")
    assert split_marker("2、加強資安") == (3, 2, "加強資安")
    assert split_marker("(4) 通報") == (4, 4, "通報")
    assert split_marker("109年1月11日") == (None, None, "109年1月11日")
    assert heavenly_to_int("陸") == 6 and heavenly_to_int("拾") == 10 and heavenly_to_int("壹壹") is None


def test_plan_with_a_contact_table_stays_a_plan():
    """A table inside a plan (a contact list) gives one paragraph per row, and does not make it a division table."""
    blocks = [
        Block(PARAGRAPH, "嘉義市政府113年度全民防衛動員演習實施計畫"),
        Block(HEADING, "目的", marker="壹、"),
        Block(PARAGRAPH, "強化本府動員應變能力。"),
        Block(HEADING, "聯絡窗口", marker="貳、"),
        Block(TABLE, rows=[["單位", "電話"], ["本府民政處", "05-2254321#301"], ["本府消防局", "05-2786119"]]),
    ]
    assert blocks_to_kind(blocks) == PLAN
    plan = blocks_to_plan(blocks)
    assert node(plan.sections, "貳").title == "聯絡窗口"
    assert node(plan.sections, "貳").text == "單位 | 電話\n本府民政處 | 05-2254321#301\n本府消防局 | 05-2786119"


def test_title_runs_to_the_line_that_ends_with_its_plan_word():
    from pipeline.blocks import PARAGRAPH, Block
    from pipeline.parse.plan import blocks_to_plan
    lines = ["113年度大專學生研究計畫成果發表會", "實施計畫", "壹、依據", "本會年度計畫。", "貳、目的", "鼓勵學生研究。"]
    plan = blocks_to_plan([Block(PARAGRAPH, t) for t in lines])
    assert plan.title == "113年度大專學生研究計畫成果發表會實施計畫" and plan.warnings == []
    assert [(n.marker, n.title) for n in plan.sections] == [("壹", "依據"), ("貳", "目的")]
