"""An independent review of session 22's rules (tests/test_blind_rounds_h.py) tried them on realistic inputs where they
should not fire; each input below is one it found, with what the letter says kept or what is no letter refused."""
from __future__ import annotations

import pytest

from parse_text import parse
from pipeline.errors import InputError

POST = "轉知教育部校園網站管理注意事項\n發布日期：2024-04-12\n主旨：轉知校園網站管理注意事項，請查照。\n說明：\n{items}"


def item_texts(record: dict) -> list[str]:
    """Given a record, return its first section's items' texts."""
    return [i["text"] for i in record["sections"][0]["items"]]


def test_a_copyright_sign_quoted_in_an_item_cuts_nothing():
    record = parse(POST.format(items="一、教師自製教材引用他人著作時，應標示著作人及出處，例如「© 2023 王小明」。\n"
                                     "二、請各校於校務會議宣導，並將辦理情形於10月31日前回報。\n"))
    assert len(item_texts(record)) == 2


@pytest.mark.parametrize("middle", ["二、宣導標語：\n學務處輔導室(學生諮商中心) 關心您\n",
                                    "二、本局歷次函文如下：\n日期 主旨\n113.01.05 有關校園午餐食材登錄事項\n"])
def test_a_footer_like_line_over_a_numbered_item_keeps_the_item(middle):
    record = parse(POST.format(items="一、依據教育部113年4月1日臺教資字第1130001111號函辦理。\n" + middle
                                     + "三、請各班導師協助於班會時間宣導，並於5月31日前回報。\n"))
    assert item_texts(record)[-1] == "請各班導師協助於班會時間宣導，並於5月31日前回報。"


def test_an_item_saying_a_link_is_not_the_sites_view_is_the_letters():
    record = parse(POST.format(items="一、依據教育部113年4月1日臺教資字第1130001111號函辦理。\n"
                                     "二、外部網站連結之內容不代表本網站立場，請各校於網站明確標示。\n三、請各校於5月31日前完成網站檢視。\n"))
    assert item_texts(record)[1] == "外部網站連結之內容不代表本網站立場，請各校於網站明確標示。"


def test_a_figures_caption_in_an_item_is_the_letters():
    record = parse("國立花蓮高級中學 函\n發文日期：中華民國113年4月10日\n發文字號：花中學字第1130001111號\n"
                   "主旨：檢送本校校慶運動會場地配置圖，請查照。\n說明：\n一、運動會場地配置如下：\n圖-1 田徑場配置圖\n圖-2 體育館配置圖\n"
                   "二、請各班依配置圖進場。\n")
    assert item_texts(record)[0] == "運動會場地配置如下：圖-1田徑場配置圖圖-2體育館配置圖"


def test_a_notices_own_rows_under_its_points_are_the_letters():
    record = parse("嘉義縣政府 公告\n發文日期：中華民國113年6月3日\n發文字號：府行法字第1130123456號\n"
                   "主旨：公告訂定「嘉義縣公有零售市場管理自治條例施行細則」。\n依據：嘉義縣公有零售市場管理自治條例第三十條。\n"
                   "公告事項：\n主管機關：嘉義縣政府\n施行日期：自中華民國113年7月1日施行。\n")
    assert record["sections"][1]["text"] == "主管機關：嘉義縣政府施行日期：自中華民國113年7月1日施行。"


def test_parallel_sub_items_are_no_copy_cut_short():
    record = parse("主旨：辦理本縣113年度語文競賽，請查照。\n說明：\n一、國小組：\n(一)報名日期：113年5月1日至5月10日\n"
                   "(二)比賽地點：雲林縣立斗六國民小學禮堂\n二、國中組：\n(一)報名日期：113年5月1日至5月10日\n"
                   "(二)比賽地點：雲林縣立斗六國民小學\n")
    assert [len(i["children"]) for i in record["sections"][0]["items"]] == [2, 2]


def test_a_plan_titled_by_its_school_and_its_quoted_name_is_a_plan():
    record = parse("臺南市立安平國民中學「校園安全維護計畫」\n一、依據：教育部校園安全維護要點。\n二、目的：維護校園安全，保障師生權益。\n"
                   "三、實施對象：本校全體師生。\n四、實施方式：\n(一)每學期辦理校園安全檢查二次。\n五、本計畫經校長核定後實施，修正時亦同。\n")
    assert record["schema"].startswith("gongwen/plan")


def test_a_databases_summary_of_a_ruling_over_its_explanation_is_no_subject():
    record = parse("發文機關：行政院人事行政總處\n發文日期：民國112年5月1日\n發文字號：總處給字第1120012345號\n"
                   "令函要旨：公務人員請假規則第3條所稱「分娩」之認定疑義。\n說明：\n一、復貴部112年4月1日部人字第1120001111號函。\n"
                   "二、本案所詢，仍應依上開規定辦理。\n")
    assert (record["subject"], record["complete"]) == (None, False)


def test_a_citation_after_a_word_naming_what_was_just_said_names_its_agency():
    record = parse("新竹縣政府 函\n發文日期：中華民國113年4月10日\n發文字號：府教學字第1130001111號\n主旨：有關校園安全事項，請查照。\n"
                   "說明：\n一、前述教育部113年3月1日臺教國署字第1130000004號函，請各校確實辦理。\n"
                   "二、前項國教署113年3月2日臺教國署學字第1130000005號函諒達。\n")
    assert [r["issuer"] for r in record["references"]] == ["教育部", "國教署"]


@pytest.mark.parametrize("text", [
    "好書推薦\n這是一本令人感動的繪本，描寫小女孩與祖母之間的親情，適合親子共讀。\n",
    "學生會公告欄使用規範\n為維護校園整潔，請勿於本公告欄張貼商業廣告，違者將逕行撕除。\n",
    "市府颱風應變說明 家長關心停課標準\n記者王小明／台南報導\n凱米颱風逼近，市府今天召開記者會，教育局長說明如下：\n"
    "1. 停班停課將於晚間8時前公布。\n2. 已停課學校不得要求學生到校。\n",
    "轉知家長 午餐費調漲\n本學期起午餐費每餐調漲5元，家長會長受訪表示，請學校公開食材成本，以昭公信。\n",
    "據統計 青少年近視率逾七成\n據教育部統計，國小學童近視率逐年攀升，專家呼籲，請各校家長多帶孩子到戶外活動，每天至少兩小時。\n",
])
def test_a_story_or_a_rule_is_no_letter(text):
    with pytest.raises(InputError):
        parse(text)
