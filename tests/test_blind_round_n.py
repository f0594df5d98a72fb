"""Conventions found by blind round N (tests/data/real, n- stems: 行政院公報 函 / 書函 / 公告 measured before the
parser knew them): an agency signs a 書函 with its own name, often spaced 「國 防 部」, and the gazette prints the
決定書 or 勘誤表 it sends right after that line; what follows a 署名 never opens a section, even where it carries a
label of its own (「附式說明：」) and where the 勘誤表 title after the agency's name begins with
that name; Big5 text types its colon 「︰」; a head who cannot act signs over a deputy's
「… 代行」 line, also where a PDF paragraph ran the head's 署名 onto the last sentence."""
from __future__ import annotations

from pipeline.parse.signature import split_signature

from parse_text import parse

MND_LETTER = """國防部書函
中華民國97年1月15日
國法審判字第0970000132號
主　　旨：檢送北部地方軍事法院檢察署96年賠字第13號林志成請求冤獄賠償決定書摘要，請惠予刊登行政院公報，請查照。
說　　明：依冤獄賠償法第28條規定，冤獄賠償決定確定後，應將主文及決定要旨登載公報。
國 防 部
依分層負責規定授權業務主管決行
國防部北部地方軍事法院檢察署冤獄賠償決定書摘要
請 求 人：林志成
主　　文：林志成於不起訴處分確定前，受羈押貳拾陸日，准予賠償新台幣玖萬壹仟元。
Top
"""


def test_a_spaced_agency_name_closes_the_body_and_the_summary_after_it_enters_no_field():
    d = parse(MND_LETTER)
    assert (d["doc_type"], d["issuer"], d["signature"], d["complete"]) == ("書函", "國防部", None, True)
    assert d["sections"] == [{"name": "說明", "text": "依冤獄賠償法第28條規定，冤獄賠償決定確定後，應將主文及決定要旨登載公報。",
                              "items": []}]
    assert any("signed by the agency" in w for w in d["warnings"])


def test_an_agency_name_closes_a_body_of_one_subject():
    d = parse("臺灣高等法院檢察署書函\n中華民國102年3月13日\n檢文廉字第10200544960號\n"
              "主　　旨：檢送臺灣桃園地方法院檢察署101年度刑補字第6號陳建宏刑事補償決定書摘要1份，請刊登行政院公報。\n"
              "臺灣高等法院檢察署\n臺灣桃園地方法院檢察署刑事補償決定書摘要\n請求人：陳建宏\n主文：陳建宏之聲請駁回。\nTop\n")
    assert d["subject"] == "檢送臺灣桃園地方法院檢察署101年度刑補字第6號陳建宏刑事補償決定書摘要1份，請刊登行政院公報。"
    assert d["sections"] == [] and d["dispatch_no"]["number"] == "10200544960"


def test_a_label_in_the_erratum_after_the_signature_opens_no_section():
    d = parse("中央選舉委員會函\n中華民國100年3月4日\n中選法字第1003550074號\n"
              "主　　旨：檢送「投票所開票所監察員推薦及服務規則」第7條附式勘誤表1份，請惠予更正。\n"
              "說　　明：「投票所開票所監察員推薦及服務規則」第3條及第7條附式業經本會中華民國100年3月2日"
              "中選法字第10035500641號令修正發布在案。\n主任委員　張博雅\n投票所開票所監察員推薦及服務規則第七條附式勘誤表\n"
              "二、第七條附式部分：\n附式說明：\n一、有選舉權而無下列情事之一者，得擔任投票所、開票所監察員：\n(一) 候選人。\n"
              "二、監察員經派充後，必須參加講習。\nTop\n")
    assert d["signature"] == "主任委員 張博雅"
    assert [s["name"] for s in d["sections"]] == ["說明"] and d["sections"][0]["items"] == []
    assert d["references"][0]["dispatch_no"]["text"] == "中選法字第10035500641號"


def test_the_big5_colon_reads_as_a_full_width_colon():
    d = parse("交通部民用航空局公告\n中華民國100年7月12日\n場管字第10000213471號\n"
              "主　　旨︰公示送達本局100年6月16日場管字第1000018313號開會通知單予黃志明君等30人（如附清冊）。\n"
              "依　　據︰行政程序法第78條、第81條。\n公告事項︰\n一、 旨揭開會通知單因送達處所不明，爰依規定辦理公示送達。\n"
              "二、 如有任何疑義請洽本局王建華先生詢問（電話︰02-8770-1288）。\n局　　長　尹承蓬\n")
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
    assert d["sections"][1]["items"][1]["text"] == "如有任何疑義請洽本局王建華先生詢問（電話：02-8770-1288）。"
    assert d["signature"] == "局長 尹承蓬"


def test_a_head_who_cannot_act_over_the_deputys_line():
    # values reach it normalised: U+3000 made a space
    assert split_signature("依據公務員懲戒委員會函辦理。\n部 長 黃營杉 公出\n政務次長 陳瑞隆 代行") == (
        "依據公務員懲戒委員會函辦理。", "部長 黃營杉")
    # a PDF paragraph ran the head's 署名 onto the last sentence
    assert split_signature("依據公務員懲戒委員會函辦理。部長黃營杉公出\n政務次長陳瑞隆代行") == (
        "依據公務員懲戒委員會函辦理。", "部長 黃營杉")
    # a deputy's line under text that is no head's 署名 is left alone
    assert split_signature("依據公務員懲戒委員會函辦理。\n政務次長 陳瑞隆 代行")[1] is None


def test_the_agency_name_over_an_erratum_title_that_begins_with_it():
    # the line after the agency's name begins with that name: still the letter's closing line, not a page title cut short
    d = parse("行政院環境保護署書函\n中華民國100年11月16日\n環署土字第1000100056A號\n"
              "主　　旨：檢送本署100年8月19日環署土字第1000072034號公告勘誤表一份，請刊登行政院公報。\n"
              "說　　明：依行政程序法第101條辦理。\n行政院環境保護署\n"
              "行政院環境保護署100年8月19日環署土字第1000072034號公告彰化縣秀水鄉馬興段0650-0000地號為整治場址勘誤表\n"
              "更正後「公告事項」\n原「公告事項」\n說明\n一、 污染行為人名稱：冠保企業社。\n增列第一項污染行為人\nTop\n")
    assert d["sections"] == [{"name": "說明", "text": "依行政程序法第101條辦理。", "items": []}]
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["環署土字第1000072034號"]
    assert d["dispatch_no"]["number"] == "1000100056A" and d["signature"] is None


def test_an_item_whose_text_repeats_another_items_is_kept():
    # 「1、公司營運期間。」 stands under two headings: an item of the letter, not a line the page printed twice
    d = parse("行政院新聞局函\n中華民國94年4月28日\n新廣五字第0940006264B號\n"
              "主　　旨：為依法公告電腦處理個人資料相關事項，請將說明二所列事項登載於 貴公報，請 查照。\n說　　明：\n"
              "一、依電腦處理個人資料保護法第21條規定辦理。\n二、應依法公告事項如下：\n(一) 個人資料之範圍：\n"
              "１、公司營運期間。\n２、民國86年1月起任職之員工。\n(二) 個人資料檔案之保有期限：\n１、公司營運期間。\n"
              "２、員工在職期間及離職日起五年內。\n局　　長　姚文智\n")
    kept = d["sections"][0]["items"][1]["children"][1]["children"]
    assert [c["text"] for c in kept] == ["公司營運期間。", "員工在職期間及離職日起五年內。"]
    assert d["signature"] == "局長 姚文智"


def test_this_committee_cited_by_the_tail_of_its_own_name():
    d = parse("行政院自由貿易港區協調委員會函\n中華民國95年6月7日\n經協字第0950000929號\n"
              "主　　旨：檢送「行政院自由貿易港區協調委員會辦理專案審核委託加工申請作業須知」第4點修正說明1份，請　查照。\n"
              "說　　明：依據本協調委員會95年6月2日經協字第0950000815號函送「自由貿易港區協調委員會第六次會議紀錄」辦理。\n"
              "行政院自由貿易港區協調委員會\n")
    ref = d["references"][0]
    assert (ref["issuer"], ref["issuer_from"]) == ("行政院自由貿易港區協調委員會", "本協調委員會")
    assert ref["dispatch_no"]["text"] == "經協字第0950000815號"


def test_the_first_close_ends_the_order_not_an_issuer_name_in_a_form_printed_after_the_signature():
    # 行政院公報: a 令 issuing a 要點 whose 附件 (a consent form) ends 「此致」 over the issuer's name on its own line
    d = parse("教育部令\n中華民國96年4月25日\n台華字第0960053562C號\n修正「教育部補助對外華語文教材要點」。\n"
              "附修正「教育部補助對外華語文教材要點」\n部　　長　杜正勝\n教育部補助對外華語文教材要點\n"
              "一、 依據及目的\n教育部為推動優質華語文教材，特訂定本要點。\n附件三　授權同意書\n同意書\n"
              "申請者同意依本要點補助所產生之成果，授權教育部無償重製及利用。\n此 致\n教育部\n立同意書人：\n")
    assert d["subject"] == "修正「教育部補助對外華語文教材要點」。"
    assert d["signature"] == "部長 杜正勝"
    assert [a["title"] for a in d["attachments"]] == ["修正「教育部補助對外華語文教材要點」"]


def test_a_bopomofo_one_typed_for_the_numeral_reads_as_one_beside_chinese_characters():
    # 行政院公報 text typed with an input method's 「ㄧ」 (U+3127) for 一: 「並自中華民國ㄧ百零二年ㄧ月ㄧ日生效」
    d = parse("臺北市政府令\n中華民國ㄧ百零二年ㄧ月十日\n府法綜字第1023000100號\n"
              "修正「臺北市公園管理自治條例」，並自中華民國ㄧ百零二年ㄧ月ㄧ日生效。\n市長　郝龍斌\n")
    assert d["date"] == {"iso": "2013-01-10", "roc": "102年1月10日"}
    assert d["subject"] == "修正「臺北市公園管理自治條例」，並自中華民國一百零二年一月一日生效。"
    assert parse("主旨：請於注音課教授ㄅㄧ、ㄆㄧ等拼音，請查照。\n")["subject"] == "請於注音課教授ㄅㄧ、ㄆㄧ等拼音，請查照。"


def test_a_content_column_head_after_the_signature_opens_no_text():
    # 行政院公報: a 令's amended 辦法 ends with a 附表 whose column heads are 項目 / 內容 / 權重, each on a line
    d = parse("內政部令\n中華民國103年6月12日\n台內營字第1030805701號\n"
              "修正「修繕住宅貸款利息及簡易修繕住宅費用補貼辦法」部分條文。\n"
              "附修正「修繕住宅貸款利息及簡易修繕住宅費用補貼辦法」部分條文\n部　　長　陳威仁\n"
              "第 十八 條 本辦法自本法施行之日施行。\n附表\n評點基準表\n項目\n內容\n權重\n家庭總所得\n第一級\n")
    assert d["subject"] == "修正「修繕住宅貸款利息及簡易修繕住宅費用補貼辦法」部分條文。"
    assert (d["signature"], d["sections"]) == ("部長 陳威仁", [])
    assert parse("法規名稱：臺北市某某要點\n內容\n主旨：訂定本要點，請查照。\n")["subject"] == "訂定本要點，請查照。"


def test_a_joint_order_of_three_names_its_third_issuer_under_the_title_line():
    # 行政院公報: 「行政院勞工委員會」 over 「財　　政　　部令」 over 「行 政 院 主 計 處」, a number a line each in that order
    d = parse("行政院勞工委員會\n財　　 政 　 　部令\n行 政 院 主 計 處\n中華民國96年6月15日\n勞職特字第0960501643號\n"
              "台財庫字第09603508401號\n處孝一字第0960003040B號\n修正「就業安定基金收支保管及運用辦法」部分條文。\n"
              "附修正「就業安定基金收支保管及運用辦法」部分條文。\n主任委員　盧天麟\n部　　長　何志欽\n主 計 長　許璋瑤\n")
    assert (d["issuer"], d["dispatch_no"]["text"]) == ("行政院勞工委員會", "勞職特字第0960501643號")
    assert [(c["issuer"], c["dispatch_no"]["text"]) for c in d["co_issuers"]] == [
        ("財政部", "台財庫字第09603508401號"), ("行政院主計處", "處孝一字第0960003040B號")]
    assert d["subject"] == "修正「就業安定基金收支保管及運用辦法」部分條文。"


def test_a_notice_titled_with_what_it_does_names_its_issuer():
    # 行政院公報: 公示送達 is made by a 公告 so titled (行政程序法 第81條); a 公告 correcting another is an 更正公告
    d = parse("行政院衛生署中央健康保險局公示送達公告\n中華民國99年9月8日\n健保高字第0990035796號\n"
              "主　　旨：公示送達全民健康保險保險費暨滯納金繳款單。\n依　　據：行政程序法第78條第1項、第81條。\n"
              "公告事項：\n一、 冊列投保單位積欠保險費。\n局　　長　戴桂英\n")
    assert (d["issuer"], d["doc_type"], d["complete"]) == ("行政院衛生署中央健康保險局", "公告", True)
    assert parse("經濟部更正公告\n中華民國99年9月8日\n經商字第09902412340號\n主旨：更正本部公告附件。\n")["issuer"] == "經濟部"
