"""Conventions found by blind round Z (tests/data/real, z- stems: 臺灣證券交易所's own 函 and 公告 and
臺灣集中保管結算所's letter, as the exchange's site and securities-law databases print them — measured before the
parser knew them): a record table whose heading cell repeats in its value cell prints each label twice, alone and
again before its value (「發文單位」 over 「發文單位 臺灣集中保管結算所股份有限公司」): one label; the 決行 note
(「本案依分層負責規定授權部室主管判發」) run onto the 副本 list's line is no entry; a percent sign is its number's,
so the space a page sets after it (「30% 調降」) goes as the space after a digit does."""
from __future__ import annotations

from parse_text import parse

DOUBLED_LABELS = """查詢結果

行政函釋

發文單位
發文單位 臺灣集中保管結算所股份有限公司
發文字號
發文字號 保結股字第1090012345號
發文日期
發文日期 民國109年3月2日
資料來源
資料來源 臺灣集中保管結算所股份有限公司
要  旨
要  旨 公告修正本公司業務操作辦法
全文內容
全文內容

主旨:公告修正本公司「業務操作辦法」第5條條文,請查照。

說明:依據金融監督管理委員會109年2月20日金管證券字第1090300123號函辦理。
"""


def test_a_label_printed_alone_and_again_before_its_value_is_one_label():
    d = parse(DOUBLED_LABELS)
    assert d["issuer"] == "臺灣集中保管結算所股份有限公司"
    assert d["dispatch_no"]["text"] == "保結股字第1090012345號"
    assert d["date"]["iso"] == "2020-03-02"
    assert d["subject"] == "公告修正本公司「業務操作辦法」第5條條文，請查照。"
    assert d["complete"] is True


DECISION_NOTE_RUN_ON = """臺灣證券交易所股份有限公司  函
受文者:如行文單位
發文日期:中華民國105年3月4日
發文字號:臺證交字第1050004321號
速別:普通件
主旨:公告本公司「某作業要點」修正條文,並自即日起實施,請 查照。 說明:修正條文對照表如附件。 正本:各證券商 副本:金融監督管理委員會證券期貨局、法源資訊股份有限公司、本公司各單位(均含附件) 本案依分層負責規定授權部室主管判發
"""


def test_the_decision_note_run_onto_the_copy_list_is_no_entry():
    d = parse(DECISION_NOTE_RUN_ON)
    assert [e["name"] for e in d["cc_main"]] == ["各證券商"]
    assert [e["name"] for e in d["cc_copy"]] == ["金融監督管理委員會證券期貨局", "法源資訊股份有限公司", "本公司各單位"]
    assert all(e["with_attachments"] for e in d["cc_copy"])
    assert d["signature"] is None


PERCENT = """函釋

發文單位: 臺灣證券交易所股份有限公司
發文字號: 臺證交字第 1140200001 號
發文日期: 民國 114 年 04 月 09 日

    主    旨:每日盤中借券賣出委託數量由前 30 個營業日之日平均成交數量之 30% 調降為 3% ,請查照。
    說    明:依據金融監督管理委員會 114  年 4  月 7  日金管證交字第 11403
                  81638 號令辦理。
"""


def test_a_percent_sign_keeps_to_its_number_and_the_text_after_it():
    d = parse(PERCENT)
    assert d["subject"] == "每日盤中借券賣出委託數量由前30個營業日之日平均成交數量之30%調降為3%，請查照。"
    assert d["sections"][0]["text"] == "依據金融監督管理委員會114年4月7日金管證交字第1140381638號令辦理。"


SAME_DAY = """函釋

發文單位: 臺灣證券交易所股份有限公司
發文字號: 台證企字第 0930034092 號
發文日期: 民國 93 年 12 月 31 日

    主    旨:證券商因執行 ETF  之實物申購、買回機制而取得其他證券商股票之配套控管作業。
    依    據:行政院金融監督管理委員會九十三年十二月二十七日金管證二字第 09301
              5671  號令及同日金管證二字第 0930006242 號函。
    公告事項:參與證券商得不適用證券交易法第四十五條第三項之規定。
"""


def test_a_citation_joined_on_the_same_day_takes_the_date_and_issuer_before_it():
    d = parse(SAME_DAY)
    first, second = d["references"]
    assert first["dispatch_no"]["text"] == "金管證二字第093015671號" and first["kind"] == "令"
    assert second["text"] == "同日金管證二字第0930006242號函"
    assert second["kind"] == "函" and second["issuer"] == "行政院金融監督管理委員會"
    assert second["date"]["iso"] == "2004-12-27"
    assert second["dispatch_no"]["word"] == "金管證二"


GLUED_ITEMS = """發文單位:臺灣集中保管結算所股份有限公司
發文字號:保結固業字第10700212252號
發文日期:民國107年11月1日
主旨:公告修訂本公司「短期票券業務操作辦法」等4項規章,請查照。
說明:
一、本公司完成修訂下列規章:
(一)短期票券業務操作辦法
(二)票券保管結算交割系統延長營運時間作業配合事項(三)辦理固定收益證券款券收付作業配合事項(四)清算交割銀行開戶作業配合事項
二、依第(三)款辦理者,免再申請。
"""


def test_items_a_page_ran_together_without_spaces_are_items_of_their_own():
    d = parse(GLUED_ITEMS)
    first, second = d["sections"][0]["items"]
    assert [c["text"] for c in first["children"]] == [
        "短期票券業務操作辦法", "票券保管結算交割系統延長營運時間作業配合事項", "辦理固定收益證券款券收付作業配合事項",
        "清算交割銀行開戶作業配合事項"]
    assert second["text"] == "依第（三）款辦理者，免再申請。" and second["children"] == []
