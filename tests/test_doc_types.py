"""The 文別 of the 手冊 read from data/doc_types.toml: 公告, 開會通知單, 令, 簽 — sections, meeting fields, title forms."""
from __future__ import annotations

from pathlib import Path

from pipeline.parse.doc_types import doc_type, type_names
from pipeline.parse.meeting import meeting_start

from parse_text import parse


DATA = Path(__file__).parent / "data" / "doc_types"  # the README's worked examples
NOTICE = (DATA / "notice.txt").read_text(encoding="utf-8")

MEETING = (DATA / "meeting-notice.txt").read_text(encoding="utf-8")


def test_notice_keeps_basis_and_items_apart_from_subject():
    d = parse(NOTICE)
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("公告", "經濟部", True)
    assert d["subject"] == "公告「公司登記規費收費準則」第四條修正草案。"
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    assert d["sections"][0]["text"] == "行政程序法第一百五十四條第一項。"
    items = d["sections"][1]["items"]
    assert [i["marker"] for i in items] == ["一", "二", "三"]
    assert items[1]["text"] == "修正依據：公司法第四百三十八條。"  # a label word inside an item is text
    assert d["signature"] == "部長 王○○"
    assert d["meeting"] is None


def test_meeting_notice_fields():
    d = parse(MEETING)
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("開會通知單", "教育部", True)
    assert d["subject"] == "研商113學年度國民中學學生輔導工作計畫"
    assert d["dispatch_no"]["text"] == "臺教國署學字第1130045678號"
    assert d["meeting"] == {
        "time": "113年5月6日（星期一）下午2時30分", "start": "2024-05-06T14:30", "place": "本部5樓501會議室",
        "chair": "○次長○○",
        "attendees": [{"name": "臺北市政府教育局", "with_attachments": False},
                      {"name": "新北市政府教育局", "with_attachments": False}],
        "observers": [{"name": "本部綜合規劃司", "with_attachments": False}]}
    assert d["contact"]["name"] == "王○○" and d["contact"]["phone"] == "(02)7736-6001"
    assert [a["name"] for a in d["cc_copy"]] == ["本部國民及學前教育署"]
    assert d["sections"] == [{"name": "備註", "text": "請攜帶相關資料與會。", "items": []}]
    assert [a["title"] for a in d["attachments"]] == ["議程"]


def test_order_body_is_subject_and_attachment_line_names_attachment():
    d = parse("行政院 令\n發文日期：中華民國113年1月2日\n發文字號：院臺規字第1130001234號\n"
              "修正「行政院組織法施行細則」第三條條文。\n附修正「行政院組織法施行細則」第三條條文\n院長 陳○○\n")
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("令", "行政院", True)
    assert d["dispatch_no"]["text"] == "院臺規字第1130001234號"
    assert d["subject"] == "修正「行政院組織法施行細則」第三條條文。"
    assert [a["title"] for a in d["attachments"]] == ["修正「行政院組織法施行細則」第三條條文"]
    assert d["signature"] == "院長 陳○○" and d["sections"] == []


def test_sign_unit_is_issuer_and_proposal_is_a_section():
    d = parse("簽 於人事室\n主旨：擬辦理本府113年度員工文康活動，請核示。\n說明：\n一、依本府員工文康活動實施要點辦理。\n"
              "二、經費由相關預算支應。\n擬辦：奉核後，依規定辦理。\n")
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("簽", "人事室", True)
    assert [(s["name"], len(s["items"])) for s in d["sections"]] == [("說明", 2), ("擬辦", 0)]
    assert d["sections"][1]["text"] == "奉核後，依規定辦理。"


def test_letter_labels_of_other_types_stay_text():
    d = parse("某市政府 函\n發文日期：中華民國113年1月2日\n發文字號：府授字第1130001234號\n主旨：請查照。\n"
              "說明：\n一、依據：本府規定。\n備註：本案另案辦理。\n")
    assert [s["name"] for s in d["sections"]] == ["說明"]  # 依據 and 備註 open no section in a 函
    assert d["sections"][0]["items"][0]["text"] == "依據：本府規定。備註：本案另案辦理。"


def test_table_drives_the_types():
    assert type_names("issuer-type")[:2] == ("開會通知單", "會勘通知單")
    assert doc_type("書函").body == doc_type("函").body
    assert doc_type(None).name == "函"


def test_meeting_start_forms():
    assert meeting_start("113年5月6日（星期一）下午2時30分") == "2024-05-06T14:30"
    assert meeting_start("中華民國113年5月6日上午9時") == "2024-05-06T09:00"
    assert meeting_start("113年5月6日 14:00") == "2024-05-06T14:00"
    assert meeting_start("113年5月6日（星期一）下午2:30至5時") == "2024-05-06T14:30"  # the first hour, its 上午/下午
    assert meeting_start("113年5月6日") == "2024-05-06"
    assert meeting_start("另行通知") is None


def test_without_a_title_the_body_labels_name_the_type():
    d = parse("開會事由：研商會議\n開會時間：113年5月6日上午10時\n開會地點：本部會議室\n主持人：王○○\n出席者：甲單位、乙單位\n")
    assert d["doc_type"] == "開會通知單" and d["complete"] is False
    assert d["meeting"]["start"] == "2024-05-06T10:00" and [a["name"] for a in d["meeting"]["attendees"]] == ["甲單位", "乙單位"]
    assert "文別 read from the body labels: 開會通知單" in d["warnings"]
    d = parse("主旨：公告本部組織規程修正。\n依據：組織法。\n公告事項：\n一、甲。\n二、乙。\n")
    assert d["doc_type"] == "公告" and [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    d = parse("主旨：擬辦理活動，請核示。\n說明：依規定辦理。\n擬辦：奉核後辦理。\n")  # 簽 or 便簽: the same labels
    assert d["doc_type"] is None and [s["name"] for s in d["sections"]] == ["說明", "擬辦"]


def test_inspection_notice_has_its_own_labels():
    d = parse("某縣政府 會勘通知單\n發文日期：中華民國113年5月1日\n發文字號：府建字第1130001234號\n會勘事由：道路改善\n"
              "會勘時間：113年5月6日下午3時\n會勘地點：本縣某路口\n主持人：王○○\n")
    assert (d["doc_type"], d["subject"], d["complete"]) == ("會勘通知單", "道路改善", True)
    assert (d["meeting"]["start"], d["meeting"]["place"]) == ("2024-05-06T15:00", "本縣某路口")


def test_what_follows_the_signature_enters_no_field():
    d = parse("行政院 令\n發文日期：中華民國113年1月2日\n發文字號：院臺規字第1130001234號\n"
              "修正「行政院組織法施行細則」第三條條文。\n附修正「行政院組織法施行細則」第三條條文\n院長 陳○○\n"
              "行政院組織法施行細則第三條修正條文\n第三條　本細則自發布日施行。\n附表一\n")
    assert d["subject"] == "修正「行政院組織法施行細則」第三條條文。" and d["signature"] == "院長 陳○○"
    assert [a["title"] for a in d["attachments"]] == ["修正「行政院組織法施行細則」第三條條文"]  # not 「表一」
    assert "text after the 署名 kept in no field (3 line(s)): 「行政院組織法施行細則第三條修正條文」" in d["warnings"]
    d = parse("某市政府 函\n發文日期：中華民國113年1月2日\n發文字號：府授字第1130001234號\n主旨：檢送修正規定，請查照。\n"
              "說明：\n一、依本府規定辦理。\n二、請轉知所屬。\n市長\n王○○\n某市政府補助要點\n一、本要點依法訂定。\n二、補助對象。\n")
    assert [i["text"] for i in d["sections"][0]["items"]] == ["依本府規定辦理。", "請轉知所屬。"]
    assert d["signature"] == "市長 王○○"


def test_presidential_order_names_its_issuer():
    d = parse("總統令\n發文日期：中華民國113年5月6日\n發文字號：華總一義字第11300012341號\n"
              "茲修正公務人員任用法第二十八條條文，公布之。\n總統 賴○○\n")
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("令", "總統", True)
    assert d["subject"] == "茲修正公務人員任用法第二十八條條文，公布之。" and d["signature"] == "總統 賴○○"


def test_sign_closing_lines_enter_no_section():
    d = parse("簽 於秘書室\n主旨：擬辦理研習，請核示。\n說明：依計畫辦理。\n擬辦：奉核後辦理。\n會辦單位：人事室\n敬陳\n主任秘書\n縣長\n")
    assert d["sections"][-1] == {"name": "擬辦", "text": "奉核後辦理。", "items": []}
    assert d["signature"] is None  # 「主任秘書」 after 「敬陳」 is the chain the 簽 goes up, not a 署名
    assert "text after the body kept in no field (4 line(s)): 「會辦單位：人事室」" in d["warnings"]


def test_meeting_notice_with_combined_attendee_label():
    d = parse("教育部 開會通知單\n發文日期：中華民國113年4月22日\n發文字號：臺教國署學字第1130045678號\n開會事由：研商會議\n"
              "開會時間：113年5月6日(星期一)上午9時30分\n開會地點：本部會議室\n主持人：王○○\n出(列)席者：甲單位、乙單位\n"
              "副本：丙單位\n備註：無\n")
    assert d["meeting"]["time"] == "113年5月6日（星期一）上午9時30分" and d["meeting"]["start"] == "2024-05-06T09:30"
    assert [a["name"] for a in d["meeting"]["attendees"]] == ["甲單位", "乙單位"]
    assert [a["name"] for a in d["cc_copy"]] == ["丙單位"] and d["sections"] == [{"name": "備註", "text": "無", "items": []}]


def test_basis_keeps_its_section_when_no_title_names_the_type():
    # a court's site prints a 公告's 主旨 and 依據 in 【】 under its headline, with no 公告事項 and no 文別 written
    d = parse("最高法院不再援用之民事判例\n【公布日期】97年9月12日\n【發文字號】台資字第0970000748號\n"
              "【主　旨】本院民事庭會議決議不再援用民事判例4則。\n【依　據】本院判例選編及變更實施要點第九點規定\n")
    assert d["doc_type"] is None and d["subject"] == "本院民事庭會議決議不再援用民事判例4則。"
    assert d["sections"] == [{"name": "依據", "text": "本院判例選編及變更實施要點第九點規定", "items": []}]
    assert d["dispatch_no"]["text"] == "台資字第0970000748號" and d["date"]["iso"] == "2008-09-12"
    d = parse("中華民國88年8月5日(88)農牧字第88040229號\n一、主旨：指定犬為應辦理登記之寵物。\n二、依據：寵物登記管理辦法第三條。\n")
    assert d["subject"] == "指定犬為應辦理登記之寵物。" and [s["name"] for s in d["sections"]] == ["依據"]


def test_a_sign_dated_on_its_title_line_has_that_date():
    # the 手冊's form 「簽　於○○　年　月　日」 (環境部's 公文系統 prints it so, the words run together)
    d = parse("檔號：0113/09020102\n保存年限：02\n簽於監測資訊司113年12月19日\n聯絡人：黃○○\n"
              "主旨：本案實付新臺幣100元整，奉核後辦理後續撥款事宜。\n說明：依合約辦理。\n擬辦：奉核後辦理。\n")
    assert (d["doc_type"], d["issuer"], d["complete"]) == ("簽", "監測資訊司", True)
    assert d["date"] == {"iso": "2024-12-19", "roc": "113年12月19日"}


def test_a_meeting_notices_agenda_is_a_section_of_its_own():
    d = parse("某校學生議會 開會通知單\n發文日期：中華民國112年9月15日\n發文字號：松議字第1121011001號\n開會事由：第一次會議\n"
              "開會時間：112年9月22日中午12時10分\n開會地點：三樓大會議廳\n主持人：議長\n出席者：高一班級議員、高二班級議員\n"
              "會議議程：\n一、會議開始\n二、報告事項\n三、散會\n副本：本會秘書處\n備註：\n一、不克出席請領取委託書\n")
    assert [(s["name"], len(s["items"])) for s in d["sections"]] == [("會議議程", 3), ("備註", 1)]
    assert [a["name"] for a in d["meeting"]["attendees"]] == ["高一班級議員", "高二班級議員"]


def test_an_orders_attachment_line_wrapped_inside_its_brackets_names_it_whole():
    d = parse("財政部令\n發文日期：中華民國112年5月2日\n發文字號：台財法字第11213913980號\n"
              "修正「民間參與公共建設申請及審核程序爭議處理規則」部分條文。\n附修正「民間參與公共建設申請及審核程序爭議處理規\n"
              "則」部分條文\n部長 莊翠雲\n")
    assert [a["title"] for a in d["attachments"]] == ["修正「民間參與公共建設申請及審核程序爭議處理規則」部分條文"]
    assert d["subject"] == "修正「民間參與公共建設申請及審核程序爭議處理規則」部分條文。" and d["signature"] == "部長 莊翠雲"


def test_an_orders_attachment_line_naming_several_regulations_over_lines_names_each():
    d = parse("財政部令\n發文日期：中華民國112年5月11日\n發文字號：台財促字第11225512570號\n"
              "訂定「甲準則」、「乙規則」及「丙辦法」。\n附「促進民間參與公共建設案件履約爭議調解會組織準\n"
              "則」、「促進民間參與公共建設案件履約爭議調解規\n則」及「促進民間參與公共建設案件履約爭議調解收\n費辦法」\n部長 莊翠雲\n")
    assert [a["title"] for a in d["attachments"]] == ["「促進民間參與公共建設案件履約爭議調解會組織準則」",
                                                     "「促進民間參與公共建設案件履約爭議調解規則」",
                                                     "「促進民間參與公共建設案件履約爭議調解收費辦法」"]
    assert d["subject"] == "訂定「甲準則」、「乙規則」及「丙辦法」。" and d["signature"] == "部長 莊翠雲"


def test_a_letter_quoting_a_notice_it_asks_about_is_no_notice():
    # a 函 relaying a county's 公告 quotes its words (「違反本公告者」); its 主旨 closes 「請查照」, as no 公告 does
    d = parse("主旨：有關本縣公告「鶴聲國小空氣品質維護區」，並自113年5月1日起生效，請查照。\n說明：\n"
              "一、依據空氣污染防制法第40條辦理。\n二、違反本公告者，依法處罰。\n")
    assert d["doc_type"] is None
    notice = parse("主旨：公告本縣空氣品質維護區。\n依據：空氣污染防制法第40條。\n公告事項：違反本公告者，依法處罰。\n")
    assert notice["doc_type"] == "公告"
