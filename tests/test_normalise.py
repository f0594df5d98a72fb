"""Normalising extracted text: spacing, punctuation width, page furniture."""
from __future__ import annotations

import pytest

from pipeline.parse.clean import normalise_text

from parse_text import parse

CLEAN = [
    ("發生危 安或偶突發事件", "發生危安或偶突發事件"),
    ("依據廉政字第10807018360號 函辦理", "依據廉政字第10807018360號函辦理"),
    ("請依據旨 揭計畫及分工表加強各項安全維護措施,以保障選舉期間 機關安全。",
     "請依據旨揭計畫及分工表加強各項安全維護措施，以保障選舉期間機關安全。"),
    ("各校應檢視Microsoft Word授權版本", "各校應檢視Microsoft Word授權版本"),
    ("為落實ISO 27001資訊安全管理制度", "為落實ISO 27001資訊安全管理制度"),
    ("主旨:檢送計畫1份,請查照。", "主旨：檢送計畫1份，請查照。"),
    ("意圖危害候(助)選人", "意圖危害候（助）選人"),
    ("電話:(03)8227171轉123", "電話：(03)8227171轉123"),
    ("處罰鍰新臺幣20,000元", "處罰鍰新臺幣20,000元"),
    ("會議訂於上午9:30開始", "會議訂於上午9:30開始"),
    ("置於本部水利署網站(https://www.wra.gov.tw)公告周知", "置於本部水利署網站(https://www.wra.gov.tw)公告周知"),
    ("傳真至本府勞動檢查處(傳真:(02)2968-5678)備查", "傳真至本府勞動檢查處（傳真：(02)2968-5678）備查"),
    ("代收處繳納;如已繳納,請將收據影本傳真", "代收處繳納；如已繳納，請將收據影本傳真"),
    ("是否參加?請於文到3日內回復!", "是否參加？請於文到3日內回復！"),
    ("至投票日止 (108年12月14日起至109年1月11日止,共29天),請依據",
     "至投票日止（108年12月14日起至109年1月11日止，共29天），請依據"),
    ("請於112.11.30前完成自評", "請於112.11.30前完成自評"),
    ("主　　旨：檢送計畫", "主旨：檢送計畫"),
    ("縣長 周○○", "縣長周○○"),
    ("說 明:", "說明："),
    ("發文日期:中華民國1 1 2年 9月 5日", "發文日期：中華民國112年9月5日"),
    ("Please reply by e-mail: yes, today (if possible).", "Please reply by e-mail: yes, today (if possible)."),
    # Kangxi radicals a PDF's font maps its glyphs to (U+2F00 ⼀, U+2F49 ⽉, U+2F47 ⽇, U+2F8F ⾏)
    ("發⽂⽇期:中華民國⼀百零九年⼗⽉⼆⼗⼀⽇", "發文日期：中華民國一百零九年十月二十一日"),
    ("⾏政院⼈事⾏政總處", "行政院人事行政總處"),
    ("市⻑⿈偉哲，⺠國", "市長黃偉哲，民國"),  # Radicals Supplement forms (⻑ U+2ED1, ⺠ U+2EA0) by the table
    # a word processor's dashes beside digits are 「-」 as 「－」 is; its wave dashes 「～」; a dash in a title stays
    ("電話:02–2345‐6789,傳真:02﹣23456780", "電話：02-2345-6789，傳真：02-23456780"),
    ("113年2月1日–2月5日及3月1日∼3月5日、4月1日〜4月5日", "113年2月1日-2月5日及3月1日～3月5日、4月1日～4月5日"),
    ("特定區主要計畫–新竹縣轄", "特定區主要計畫–新竹縣轄"),
]


@pytest.mark.parametrize("raw, expected", CLEAN, ids=[f"clean{i}" for i in range(len(CLEAN))])
def test_normalise_text(raw, expected):
    text, warnings = normalise_text(raw)
    assert text == expected
    assert warnings == []


FOOTERS = ["第1頁,共1頁", "第 1 頁，共 2 頁", "第2頁，共2頁", "第 1 頁 共 3 頁", "第1頁 (共1頁)", "第2頁（共3頁）"]


@pytest.mark.parametrize("footer", FOOTERS, ids=[f"footer{i}" for i in range(len(FOOTERS))])
def test_footer_is_dropped(footer):
    text, _ = normalise_text(f"副本：本府政風處\n\n{footer}\n正本：本府教育處")
    assert text.split("\n") == ["副本：本府政風處", "正本：本府教育處"]


def test_binding_line_is_dropped_with_a_warning():
    text, warnings = normalise_text("裝\n\n\n訂\n\n\n線\n\n檔　　號：\n保存年限：\n\n地址：900219屏東縣屏東市自由路527號")
    assert text.split("\n") == ["檔號：", "保存年限：", "地址：900219屏東縣屏東市自由路527號"]
    assert any("binding" in w for w in warnings), warnings


def test_stamp_glued_to_the_last_entry_is_dropped_with_a_warning():
    text, warnings = normalise_text("副本：本府政風處、花蓮縣花蓮市公所政風室電2009/11/33")
    assert text == "副本：本府政風處、花蓮縣花蓮市公所政風室"
    assert any("stamp" in w and "電2009/11/33" in w for w in warnings), warnings


def test_stamp_on_its_own_line_is_dropped_with_a_warning():
    text, warnings = normalise_text("副本：本府勞動檢查處\n\n電2023/10/17")
    assert text == "副本：本府勞動檢查處"
    assert any("stamp" in w and "電2023/10/17" in w for w in warnings), warnings


def test_words_beside_the_binding_characters_stay():
    text, warnings = normalise_text("裝訂線外請勿書寫\n線上報名")
    assert text == "裝訂線外請勿書寫\n線上報名"
    assert not any("binding" in w for w in warnings)


def test_space_beside_an_ascii_bracket_pair_in_chinese_text_is_dropped():
    from pipeline.parse.clean import normalise_line
    assert normalise_line("八十二年三月一日 (82) 證商會業字第○三四○號函") == "八十二年三月一日(82)證商會業字第○三四○號函"
    assert normalise_line("詳見網頁 (https://join.gov.tw/policies/) 。") == "詳見網頁(https://join.gov.tw/policies/)。"


def test_word_processor_list_markers_become_the_manuals_markers():
    from pipeline.parse.items import text_to_items
    from pipeline.parse.clean import normalise_line
    text, items = text_to_items(normalise_line("㈠請準時出席。㈡請攜帶：⑴議程；⑵簽到表。"))
    assert [(i.marker, i.text) for i in items] == [("(一)", "請準時出席。"), ("(二)", "請攜帶：")]
    assert [(c.marker, c.text) for c in items[1].children] == [("(1)", "議程；"), ("(2)", "簽到表。")]


def test_space_after_a_range_mark_is_dropped():
    from pipeline.parse.clean import normalise_line
    assert normalise_line("原公告河川圖籍第 3~ 6號計 4張") == "原公告河川圖籍第3~6號計4張"


@pytest.mark.parametrize("line, expected", [
    # a PDF's line break joined inside an address in brackets (h-pups, d-taes in the real-letter corpus)
    ("本案電子檔得於教育部主管法規查詢系統(https://edu. law.moe.gov.tw)下載。",
     "本案電子檔得於教育部主管法規查詢系統(https://edu.law.moe.gov.tw)下載。"),
    ("活動主網頁:消防防災館(https://www.tfdp.com.tw /cht/index.php)。", "活動主網頁：消防防災館(https://www.tfdp.com.tw/cht/index.php)。"),
    ("詳見(see https://a.gov.tw for details)。", "詳見(see https://a.gov.tw for details)。"),  # more than an address
])
def test_an_address_alone_in_brackets_has_no_space(line, expected):
    assert normalise_text(line)[0] == expected


def test_a_letter_extracted_with_kangxi_radicals_reads_as_written():
    # the ideographs of a PDF whose font maps 一 人 日 月 文 行 … to the Kangxi radicals of the same shape
    d = parse("⾏政院⼈事⾏政總處 函\n發⽂⽇期：中華民國109年10⽉21⽇\n發⽂字號：總處組字第1090051234號\n"
              "主旨：請轉知所屬⼈員參加研習，請查照。\n")
    assert (d["issuer"], d["date"]["iso"]) == ("行政院人事行政總處", "2020-10-21")
    assert d["dispatch_no"]["text"] == "總處組字第1090051234號" and d["subject"] == "請轉知所屬人員參加研習，請查照。"


def test_a_word_processors_dashes_give_the_phone_and_the_period():
    d = parse("某市政府 函\n聯絡人：王○○\n電話：02–2345–6789\n發文日期：中華民國113年1月2日\n"
              "發文字號：府授字第1130001234號\n主旨：請於113年2月1日–2月5日及3月1日∼3月5日報名，請查照。\n")
    assert d["contact"]["phone"] == "02-2345-6789"
    assert [(p["from"], p["to"]) for p in d["periods"]] == [("2024-02-01", "2024-02-05"), ("2024-03-01", "2024-03-05")]


def test_labels_without_colons_read_through_kangxi_radicals():
    # a site's rows 「發文單位 …」 are mended into labels before the text is normalised: the radicals are read first
    d = parse("發⽂單位 臺北市政府都市發展局\n發⽂⽇期 2017-08-17\n發⽂字號 北市都授建字第10634947500號\n\n"
              "主旨:修正審查⼈員資格,請查照轉知貴會會員。\n")
    assert (d["issuer"], d["date"]["iso"]) == ("臺北市政府都市發展局", "2017-08-17")
    assert d["dispatch_no"]["text"] == "北市都授建字第10634947500號"
