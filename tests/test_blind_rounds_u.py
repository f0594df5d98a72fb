"""Conventions found by blind rounds U1–U4 (tests/data/real, u- stems, measured before the parser knew them): a site
numbering a notice's items 「一.」 with a full stop as the 手冊 numbers them 「一、」, and a school board's post row whose
category is long (「政令宣導與教師研習訊息 / 張貼者 訓育組長」)."""
from __future__ import annotations

import pytest

from pipeline.errors import InputError
from parse_text import parse

ITEMS_WITH_FULL_STOPS = """一.本府原訂於111年9月2日召開第一次公聽會,因故延期至111年9月5日。
二.說明本市「潭子區潭興路拓寬工程」之興辦事業概況,依社會、經濟、文化及生態評估本興辦事業之公益性並聽取土地所有權人之意見。
"""


def test_a_notices_items_numbered_with_full_stops_are_its_items():
    d = parse(ITEMS_WITH_FULL_STOPS)
    assert d["complete"] is False
    assert [s["name"] for s in d["sections"]] == ["本文"]
    items = d["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二"]
    assert items[0]["text"] == "本府原訂於111年9月2日召開第一次公聽會，因故延期至111年9月5日。"


def test_short_items_with_full_stops_are_no_letter():
    with pytest.raises(InputError, match="not an official letter"):
        parse("一.儲備飲水。\n二.準備手電筒。\n")  # a public advisory's short items


BOARD_POST = """有關大陸委員會113年6月27日宣布調升中國大陸及香港澳門旅遊警示,學校辦理赴陸港澳教育交流活動應注意事項,詳如說明,請查照。

上一則公告 下一則公告

政令宣導與教師研習訊息 / 張貼者 訓育組長


張貼日期: 2024-07-30 11:33:09  點閱:378


一、 依據教育部國民及學前教育署113年7月26日臺教國署原字第1130082586號函辦理。
二、 自本年6月27日起赴中國大陸旅遊警示調升為「橙色」,爰請加強宣導當前兩岸情勢。
"""


def test_a_board_posts_long_category_and_poster_row_enters_no_field():
    d = parse(BOARD_POST)
    assert d["subject"].startswith("有關大陸委員會113年6月27日")
    assert d["sections"][0]["text"] == ""
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


RELAY_CITING_A_NOTICE = """衛福部112年7月7日以衛部醫字第1121664135號公告「醫事檢驗師法第九條所定其他經主管機關認可必須聘請醫事檢驗師之機構」,並自即日生效。
依「特定醫療技術檢查檢驗醫療儀器施行或使用管理辦法」第37條規定,經中央主管機關認證之實驗室,為醫事檢驗師法第9條所定之機構。
附件檔案:
"""


def test_a_sentence_telling_what_an_agency_did_by_a_numbered_notice_is_no_head_of_its_own():
    d = parse(RELAY_CITING_A_NOTICE)
    assert (d["doc_type"], d["issuer"], d["date"], d["dispatch_no"]) == (None, None, None, None)
    assert d["sections"][0]["text"].startswith("衛福部112年7月7日以衛部醫字第1121664135號公告「醫事檢驗師法")
    assert [(r["issuer"], r["kind"], r["dispatch_no"]["text"]) for r in d["references"]] == [
        ("衛福部", "公告", "衛部醫字第1121664135號")]


ITEMS_CITING_A_LETTER = """一、依據教育部 102 年 9 月 16 日臺教人(二)字第 1020137115 號函辦理。
二、本案相關規定如下:
(一)教育部 101 年 12 月 24 日臺人(一)字第 1010213931 號函規定:「公立高級中等以下學校輔導教師得以兼職方式於機構執業。」
(二)心理師法第 2 條第 2 項規定:「實習至少一年成績及格者,得應諮商心理師考試。」
"""


def test_an_item_opening_with_the_citation_of_a_letter_it_quotes_is_no_head_of_its_own():
    d = parse(ITEMS_CITING_A_LETTER)
    assert (d["doc_type"], d["issuer"], d["date"], d["dispatch_no"]) == (None, None, None, None)
    items = d["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二"]
    assert [c["marker"] for c in items[1]["children"]] == ["(一)", "(二)"]
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["臺教人(二)字第1020137115號", "臺人(一)字第1010213931號"]


def test_a_pdf_line_running_a_notices_own_head_into_its_text_is_still_its_head():
    d = parse("交通部觀光署日月潭國家風景區管理處 112.05.05. 觀谷管字第1120600123號公告公告「日月潭水域活動管理規定」，並自即日生效。\n")
    assert (d["doc_type"], d["issuer"], d["dispatch_no"]["text"]) == ("公告", "交通部觀光署日月潭國家風景區管理處", "觀谷管字第1120600123號")


SUBJECT_OVER_ITEMS = """主旨:臺北市政府衛生局:因應本市疫情發展,衛生局停止辦理111年度基層醫療(事)機構督導考核。

一、依醫療法第28條規定直轄市、縣(市)主管機關對轄區內醫療機構業務,應定期實施督導考核。

二、為利防疫工作進行,爰本局停止辦理111年度督考;敬請貴公會協助周知所屬開業會員。
"""


def test_items_under_a_subject_closed_by_a_full_stop_without_an_explanation_label_are_the_body():
    d = parse(SUBJECT_OVER_ITEMS)
    assert d["subject"] == "臺北市政府衛生局：因應本市疫情發展，衛生局停止辦理111年度基層醫療（事）機構督導考核。"
    assert [(s["name"], [i["marker"] for i in s["items"]]) for s in d["sections"]] == [("本文", ["一", "二"])]


def test_a_subject_that_enumerates_its_own_points_keeps_them():
    d = parse("主旨:檢送本府補助案件如下:\n一、甲案核定新臺幣10萬元。\n二、乙案核定新臺幣5萬元,請查照。\n")
    assert d["subject"] == "檢送本府補助案件如下：一、甲案核定新臺幣10萬元。二、乙案核定新臺幣5萬元，請查照。"
    assert d["sections"] == []


PLAN_NAMED_RELAY = """跳到主要內容區

【訊息公告】交通部公路局「推動機車駕訓制度」補助計畫調查案

一、 為強化學生機車安全駕駛觀念,請學校運用集會時機加強宣導旨揭補助計畫,並於114年4月30日前完成填報。
二、 為使交通部媒合時,能了解學生需求狀況,請各校自行造冊掌握具意願者。
三、 請本部國民及學前教育署督導高級中等學校,並由貴署檢核系統填報資料,俾利綜辦。
"""


def test_items_pointing_back_at_the_subject_under_a_plans_name_are_a_relayed_letter():
    d = parse(PLAN_NAMED_RELAY)
    assert d["schema"].startswith("gongwen/letter@")
    assert d["sections"][0]["text"] == "交通部公路局「推動機車駕訓制度」補助計畫調查案"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三"]


EXPLANATION = "說明:\n一、依據彰化縣政府109年5月1日府教體字第1090123456號函辦理。\n二、請加強宣導自行車安全,並轉知學生家長。\n"


def test_a_block_printed_again_and_cut_short_where_the_page_ends_enters_no_field():
    d = parse("主旨:轉知自行車安全宣導事項,請查照。\n" + EXPLANATION + "上一則 下一則\n" + EXPLANATION[:40] + "\n")
    assert [(s["name"], [i["marker"] for i in s["items"]]) for s in d["sections"]] == [("說明", ["一", "二"])]
    assert any("cut short" in w for w in d["warnings"])


def test_a_last_block_of_the_same_label_with_other_text_stays():
    d = parse("主旨:轉知自行車安全宣導事項,請查照。\n" + EXPLANATION + "說明:\n一、依據彰化縣政府109年5月1日府教體字第1090123457號函辦理。\n")
    assert [s["name"] for s in d["sections"]] == ["說明", "說明"]


NUMBERED_RELAY = """公文轉達

1.有關因應日本福島第一核電廠輻射外釋事件之處理措施暨應變程序,相關配合事項詳如說明段,請 查照。

一、依據教育部100年3月16日臺環字第1000044988號函辦理。
二、惟為求各級學校能迅速應變處理,教育部研擬應變注意事項如下:
(一)落實校安通報:
1、教育部依據原能會的評估,決定是否啟動校安機制。
2、教育部與原能會隨時密切連繫。
"""


def test_a_posts_number_before_a_relayed_subject_over_item_one_is_no_item():
    d = parse(NUMBERED_RELAY)
    assert d["subject"] == "有關因應日本福島第一核電廠輻射外釋事件之處理措施暨應變程序，相關配合事項詳如說明段，請查照。"
    items = d["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二"]
    assert [c["marker"] for c in items[1]["children"][0]["children"]] == ["1", "2"]


def test_a_first_item_numbered_1_over_its_own_children_stays_an_item():
    d = parse("主旨:檢送研習資訊,請查照。\n說明:\n1.研習日期如下,請查照。\n(1)第一梯次。\n(2)第二梯次。\n2.請派員參加。\n")
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["1", "2"]


def test_a_quotes_close_wrapped_to_a_line_start_keeps_its_sentence_when_furniture_runs_onto_the_line():
    d = parse("主旨:轉知年終工作獎金發給注意事項,請查照。\n說明:\n一、依據臺北市政府105年1月5日府人給字第10530012300號函辦理。\n"
              "二、人事總處函示:「年終工作獎金之計支內涵。\n」爰此,本案請依上開函示辦理。 ||檔案(1):\n")
    items = d["sections"][0]["items"]
    assert items[1]["text"] == "人事總處函示：「年終工作獎金之計支內涵。」爰此，本案請依上開函示辦理。"


def test_a_faqs_numbered_questions_are_no_letter():
    with pytest.raises(InputError, match="not an official letter"):
        parse("一.如何申請借用場地？請於使用日前14日提出申請，逾期不受理。\n二.借用費用如何計算？依場地類別計算，另收清潔費。\n")


BILINGUAL = """主 旨:樹木修剪因下雨無法施工,擬延期至12/24-25施作,請勿於下列期間靠近施作區域。特此公告週知。

Subject:The tree pruning that was scheduled on Dec 17 postpones to Dec 24 and 25. Please avoid passing the area.

說 明:
一、施工時間:111年12月24日上午8時起至下午6時止
Note:The work will be postponed if it is badly affected by the weather.
二、請參閱衛生福利部網站(https://www.cdc.gov.tw/Disease/SubIndex/G3A6nyt8JmqIUc
UF5Pek6w)。
"""


def test_english_lines_under_a_bilingual_notices_chinese_paragraphs_enter_no_field():
    d = parse(BILINGUAL)
    assert d["subject"] == "樹木修剪因下雨無法施工，擬延期至12/24-25施作，請勿於下列期間靠近施作區域。特此公告週知。"
    items = d["sections"][0]["items"]
    assert items[0]["text"] == "施工時間：111年12月24日上午8時起至下午6時止"
    assert items[1]["text"].endswith("(https://www.cdc.gov.tw/Disease/SubIndex/G3A6nyt8JmqIUcUF5Pek6w)。")


def test_an_english_title_under_a_label_ending_its_line_is_the_items_text():
    d = parse("主旨：轉知研討會徵稿訊息，請查照。\n說明：\n一、研討會名稱：\n"
              "2025 Taiwan-US Bilateral Workshop on Semiconductor Materials and Devices\n二、請踴躍投稿。\n")
    assert d["sections"][0]["items"][0]["text"] == (
        "研討會名稱：2025 Taiwan-US Bilateral Workshop on Semiconductor Materials and Devices")


def test_a_day_range_written_with_a_dash_is_a_period():
    from pipeline.parse.dates import find_periods
    periods, _ = find_periods("時間：111年12月24-25日（星期六~日）上午8:00起至下午18:00止")
    assert [(p.from_, p.to, p.days) for p in periods] == [("2022-12-24", "2022-12-25", 2)]


def test_a_joint_orders_type_alone_under_the_issuers_names_is_its_title_line():
    d = parse("法務部\n內政部\n令\n中華民國93年12月29日（補登）\n法令字第0930804714號\n內授中社字第0930701776號\n"
              "修正「律師法施行細則」第七條、第二十一條條文\n附「律師法施行細則」第七條、第二十一條條文\n部　　長　陳定南\n部　　長　蘇嘉全\n")
    assert (d["issuer"], d["doc_type"], d["subject"]) == ("法務部", "令", "修正「律師法施行細則」第七條、第二十一條條文")
    assert [(c["issuer"], c["dispatch_no"]["text"]) for c in d["co_issuers"]] == [("內政部", "內授中社字第0930701776號")]


def test_an_attachment_heading_inside_the_regulation_after_an_orders_signature_is_no_attachment_of_the_order():
    d = parse("行政院大陸委員會令\n中華民國94年1月3日\n陸人字第0930022638號\n修正「行政院大陸委員會顧問遴聘辦法」。\n"
              "附「行政院大陸委員會顧問遴聘辦法」一份。\n主任委員　吳釗燮\n行政院大陸委員會顧問遴聘辦法\n第　一　條\n"
              "本辦法依行政院大陸委員會組織條例第十九條規定訂定之。\n附件\n支領月退休金之退休人員兼任顧問受有兼職費切結書\n擬兼職之機關名稱\n")
    assert [a["title"] for a in d["attachments"]] == ["「行政院大陸委員會顧問遴聘辦法」一份"]
    assert d["signature"] == "主任委員 吳釗燮"


def test_items_opening_with_the_time_and_area_a_notice_controls_are_its_notice():
    d = parse("一、管制時間:活動區域內保持淨空,禁止車輛進入。管制時間自114年6月8日7時30分至114年6月8日12時止。\n"
              "二、管制範圍如圖(紅色實線):\n(一)北至16號碼頭。\n(二)南至高雄港海域。\n"
              "三、執勤人員得依警察職權行使法第21條扣留危險物品。期間請配合管制措施,如須進入管制範圍時,請出示證件。\n")
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三"]
    assert d["periods"][0]["from"] == "2025-06-08"
    with pytest.raises(InputError, match="not an official letter"):
        parse("一、管制時間:明日7時至12時。\n二、管制範圍:市府路一帶,歡迎跑友參加。\n")  # a race's page: no statute


BOARD_POST_WITH_TEXT_FIELD = """一般公告
[類別] 標題 [11501309] 轉知衛生福利部志願服務相關訊息,請查照。
單位 / 發佈人 社教科 / 調府教師
時間 / 點閱 2026-02-12 17:30 / 98
內容

一、依據彰化縣政府115年2月11日府社工助字第1150055675號函辦理。
二、請轉知所屬。

附加檔案 志願服務未來行動號召全球報告(中譯版).pdf
志願服務未來行動號召洞察報告(原文版).pdf
"""


def test_a_board_posts_title_closed_by_a_request_over_its_rows_and_text_field_is_the_subject():
    d = parse(BOARD_POST_WITH_TEXT_FIELD)
    assert d["subject"] == "轉知衛生福利部志願服務相關訊息，請查照。"
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據彰化縣政府115年2月11日府社工助字第1150055675號函辦理。", "請轉知所屬。"]
