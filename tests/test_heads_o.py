"""Head conventions found by session 20's blind round wave 17 (tests/data/real: o2-, o3-, o5-, o6- stems). Each input
below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


def test_a_rules_database_summary_row_opening_with_the_kind_gives_the_doc_type():
    text = ("函 為加強道路挖掘管理案\n歷史沿革\n中華民國98年3月2日\n營署道字第0981234567號\n法規內文\n \n"
            "主旨:為加強道路挖掘管理,請依說明辦理,請 查照。\n說明:請 貴府於核發挖掘許可時,要求廠商依規定回填。\n")
    record = parse(text)
    assert record["doc_type"] == "函"
    assert record["dispatch_no"]["text"] == "營署道字第0981234567號"
    assert record["date"]["roc"] == "98年3月2日"
    assert parse(text.replace("歷史沿革\n", ""))["doc_type"] is None  # no history heading under it: no such row


def test_a_relay_page_source_row_gives_the_date_and_number_not_the_subject():
    text = ("修正「內政部補助地籍測量人員訓練作業要點」,並自即日生效。\n附「內政部補助地籍測量人員訓練作業要點」\n"
            "【資料來源:財政部,台內地字第1120123456號,112年5月3日】\n"
            "https://gazette.nat.gov.tw/egFront/detail.do?metaid=123456&log=detailLog\n")
    record = parse(text)
    assert record["subject"] == "修正「內政部補助地籍測量人員訓練作業要點」，並自即日生效。"
    assert record["date"]["roc"] == "112年5月3日"
    assert record["dispatch_no"]["text"] == "台內地字第1120123456號"
    assert record["issuer"] == "內政部"  # not 財政部, which 台內地 does not abbreviate: the 要點 named after its issuer


def test_a_source_row_naming_the_agency_its_number_abbreviates_gives_the_issuer():
    text = ("訂定「地籍測量人員訓練作業要點」,並自即日生效。\n"
            "【資料來源:內政部,台內地字第1120123456號,112年5月3日】\n")
    assert parse(text)["issuer"] == "內政部"
    assert parse(text.replace("內政部,", "財政部,"))["issuer"] is None  # a name the 字 does not abbreviate: a slip


def test_a_case_headline_over_a_ruling_citation_enters_no_field_however_long():
    headline = ("關於已依都市計畫法規定程序變更為商業區之原公共設施用地,於辦理區段徵收時,其地價補償"
                "應否依公共設施保留地之規定辦理,並得否以抵價地抵付乙案")
    text = (headline + "\n內政部90.3.5台內營字第九○○一二三四五號函\n"
            "按都市計畫法第四十八條規定,公共設施保留地得以徵收方式取得。本案應依上開規定辦理。\n")
    record = parse(text)
    assert record["sections"][0]["text"] == "按都市計畫法第四十八條規定，公共設施保留地得以徵收方式取得。本案應依上開規定辦理。"
    assert record["dispatch_no"]["word"] == "台內營"


def test_an_older_number_opening_with_its_year_in_chinese_numerals():
    text = "主旨:請依本部七三台內營字第二三四五六七號函辦理,請查照。\n"
    number = parse(text)["references"][0]["dispatch_no"]
    assert (number["text"], number["word"], number["year"], number["serial"]) == (
        "73台內營字第234567號", "73台內營", 73, "234567")


def test_the_exchange_system_count_of_no_files_is_no_attachment():
    text = ("發文日期:中華民國112年5月3日\n發文字號:臺教高(四)字第1120012345號\n附件: 共(0)件  無附件\n"
            "主旨:請查照。\n")
    assert parse(text)["attachments"] == []


def test_cut_copy_row_under_the_recipient_is_the_copy_list():
    text = ("淡水大學秘書處 函\n聯絡人:陳○○\n受文者:全校一級單位\n  本:董事會、校長室\n"
            "發文日期:中華民國113年3月1日\n發文字號:處秘字第1130000002號\n"
            "  旨:轉知教育部函,請查照。\n  明:\n一、依教育部函辦理。\n二、請周知。\n")
    record = parse(text)
    assert record["recipient"] == "全校一級單位"
    assert [c["name"] for c in record["cc_copy"]] == ["董事會", "校長室"]


def test_an_extension_alone_is_the_contacts_phone():
    text = ("淡水大學秘書處 函\n聯絡人:陳○○\n聯絡分機:1234\n受文者:全校一級單位\n"
            "發文日期:中華民國113年3月1日\n發文字號:處秘字第1130000002號\n主旨:請查照。\n")
    assert parse(text)["contact"]["phone"] == "分機1234"
