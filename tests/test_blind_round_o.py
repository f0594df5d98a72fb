"""Conventions found by blind round O (tests/data/real, o- stems: county gazettes' web editions, city and district
sites' 公告 pages, school sites relaying 教育局 letters, measured before the parser knew them): a letter asks its
addressee by the honorific 貴 (「請 貴校填報…」, 「請貴單位惠予協助…」), so a relayed letter's items that do so are a letter's
part even without labels or a number, also under the name of the plan the letter sends; a county gazette's web
edition names 發文字號 「發文文號」 and sets 發文機關 after 主旨; a government site's copyright line over the agency's
address and phone ends the page's text; a school site's section heading 「消息公告」 is furniture."""
from __future__ import annotations

from pipeline.parse.kind import asks_addressee

from parse_text import parse

RELAYED_ITEMS = """一、為配合政策研議,請 貴校填報預估109學年度學區內一年級新生學生總人數,並於104年4月2日(星期四)前填表回復。
二、入學年齡之計算係依國民教育法施行細則第8條規定,起迄日期為:
109學年度新生入學年齡:出生於民國102年9月2日至103年9月1日。
三、本局業已函請本市各戶政事務所協助提供各校109學年度適齡學生數,請 貴校向所轄戶籍單位索取資料。
↧
"""


def test_asks_addressee_reads_the_honorific_request_with_or_without_the_space_before_it():
    assert asks_addressee("三、…請 貴校向所轄戶籍單位索取資料。")
    assert asks_addressee("四、請貴單位惠予協助公告週知。")
    assert not asks_addressee("四、請各校於報名期間內踴躍報名。")  # a group, not the addressee: plans say this too
    assert not asks_addressee("本計畫所需經費由主辦單位支應。")


def test_items_that_ask_the_addressee_by_its_honorific_are_a_partial_letter():
    d = parse(RELAYED_ITEMS)
    assert (d["doc_type"], d["complete"], d["subject"]) == (None, False, None)
    assert [s["name"] for s in d["sections"]] == ["本文"]
    items = d["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二", "三"]
    assert items[1]["text"] == "入學年齡之計算係依國民教育法施行細則第8條規定，起迄日期為：109學年度新生入學年齡：出生於民國102年9月2日至103年9月1日。"
    assert d["periods"][0]["from"] == "2013-09-02" and d["periods"][0]["to"] == "2014-09-01"


PLAN_NAMED_RELAY = """臺北市111年度社會組語文競賽實施計畫
一、依據「臺北市111年度語文競賽實施計畫」辦理。
二、為提升本市參加「中華民國111年全國語文競賽」社會組參賽選手成績,本局委託臺北市立圖書館辦理旨揭競賽。
三、本案宣傳文稿如下:
(一)報名時間:111年6月13日(星期一)至7月8日(星期五)止。
(二)競賽地點:臺北市立圖書館總館。
四、請貴單位惠予協助公告週知,並鼓勵所屬人員踴躍報名參加。
"""


def test_a_plans_name_over_items_that_ask_the_addressee_heads_a_relayed_letter_not_a_plan():
    d = parse(PLAN_NAMED_RELAY)
    assert d["schema"] == "gongwen/letter@3"
    assert d["sections"][0]["name"] == "本文" and d["sections"][0]["text"] == "臺北市111年度社會組語文競賽實施計畫"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三", "四"]
    assert d["periods"][0]["from"] == "2022-06-13" and d["periods"][0]["to"] == "2022-07-08"


def test_a_plan_that_asks_no_addressee_stays_a_plan():
    d = parse(PLAN_NAMED_RELAY.replace("四、請貴單位惠予協助公告週知,並鼓勵所屬人員踴躍報名參加。", "四、本計畫經核定後實施。"))
    assert d["schema"] == "gongwen/plan@1"


GAZETTE_ENTRY = """刊登日期: | 2021/3/31 |
發文日期: | 2021/3/30 |
發文文號: | 府農漁字第1100060316A號 |
主旨: | 預告本縣外埔漁港開放部分港區為垂釣區。 |
發文機關: | 苗栗縣政府 |
依據: | 行政程序法第154條及漁港法第18條第3項規定。 |
公告事項: | 一、本縣外埔漁港開放垂釣區域及方向(如附圖)。 二、漁港垂釣區應遵守事項。 |
"""


def test_a_gazette_entrys_fields_發文文號_and_發文機關_after_主旨_are_its_head():
    d = parse(GAZETTE_ENTRY)
    assert d["dispatch_no"]["text"] == "府農漁字第1100060316A號" and d["dispatch_no"]["serial"] == "0060316A"
    assert d["issuer"] == "苗栗縣政府"
    assert d["subject"] == "預告本縣外埔漁港開放部分港區為垂釣區。"
    assert (d["doc_type"], d["complete"], d["date"]["iso"]) == ("公告", True, "2021-03-30")
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]


def test_an_issuer_label_inside_a_sentence_of_the_body_stays_text():
    d = parse(GAZETTE_ENTRY.replace("發文機關: | 苗栗縣政府 |\n", "").replace(
        "行政程序法第154條", "本府公報所載,發文機關:苗栗縣政府及行政程序法第154條"))
    assert d["issuer"] is None
    assert d["sections"][0]["text"].startswith("本府公報所載，發文機關：苗栗縣政府")


SITE_FOOTER = """主旨:公開展覽「變更竹南頭份都市計畫細部計畫案」都市計畫書、圖及召開說明會,並徵求公民及團體意見。
發文機關:苗栗縣政府
依據:「都市計畫法」第19條、第23條規定。
公告事項:一、本案都市計畫之變更機關為苗栗縣政府。
二、張貼公告時間至少30日。

版權所有 © 苗栗縣政府|36001 苗栗市縣府路100號(第一辦公大樓)、36046 苗栗市府前路1號(第二辦公大樓)
電話:1999(限苗栗縣內撥打)
"""


def test_a_sites_copyright_line_over_the_agencys_phone_ends_the_letter():
    d = parse(SITE_FOOTER)
    assert d["sections"][1]["items"][1]["text"] == "張貼公告時間至少30日。"
    assert d["contact"]["phone"] is None
    assert any("版權所有" in w for w in d["warnings"])


def test_a_school_sites_消息公告_heading_enters_no_field():
    d = parse("消息公告\n\n[公告] 臺北市111學年度師生鄉土歌謠比賽\n\n"
              "一、依據本局111年7月28日召開「臺北市111學年度師生鄉土歌謠比賽籌備會議」決議辦理。\n"
              "二、請貴校將本市五項藝術比賽網站連結公告於校網。\n")
    assert d["sections"][0]["text"] == "臺北市111學年度師生鄉土歌謠比賽"  # (the board's [公告] tag the site's, as 【公告】)
    assert len(d["sections"][0]["items"]) == 2
