"""Conventions found by blind round S (tests/data/real, s- stems: publisher families new to the corpus — an office's
bulletin posting its own notices, 公所 and school sites, a law database's printout, a fact-checking site's OCR of a
letter image — measured before the parser knew them): an office's bulletin names its notice's contact in the post's
fields after the text (發布者, 承辦單位, 連絡電話 / 傳真號碼 — 連 for 聯, 號碼 after 傳真), its organising office
(主辦單位) being no field."""
from __future__ import annotations

from parse_text import parse

BULLETIN = """:::
臺東縣政府教育處 RSS訂閱
日期從
關鍵字
52817

有關本縣各國民小學113學年度游泳教學補助經費核撥案,請依說明辦理,請查照。

一、本府補助各校游泳教學交通費,每校以新臺幣 3 萬元為上限。
二、請各校於 113 年 10 月 31 日前檢據核銷。

主辦單位: 本府教育處
承辦單位: 體育保健科
發布者: 陳宜君
連絡電話: 089-322002#2311
傳真號碼: 089-341150
公告時間: 2024-09-02 10:15:00
最後修改: 2024-09-02 10:20:41
點閱數: 118
"""


def test_an_office_bulletins_post_fields_are_its_notices_contact():
    d = parse(BULLETIN)
    assert d["contact"] == {"name": "陳宜君", "unit": "體育保健科", "phone": "089-322002#2311", "fax": "089-341150",
                            "email": None}
    assert d["subject"] == "有關本縣各國民小學113學年度游泳教學補助經費核撥案，請依說明辦理，請查照。"
    items = d["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二"]
    assert items[1]["text"] == "請各校於113年10月31日前檢據核銷。"  # 主辦單位 and the fields after it are not its text


def test_a_sites_heading_or_a_posts_tag_before_the_headline_is_no_part_of_the_subject():
    for tag in ("最新消息", "極重要", "調查"):
        d = parse(f""":::
{tag} 請各校於本年9月30日前完成校園防災地圖更新,請查照。
一、依據本府113年9月2日府教安字第1130183120號函辦理。
二、請上傳至校安通報網。
""")
        assert d["subject"] == "請各校於本年9月30日前完成校園防災地圖更新，請查照。", tag
        assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_a_line_whose_text_begins_with_a_tag_word_keeps_it():
    d = parse("""主旨:調查結果如說明,請查照。
說明:
一、重要事項詳如附件。
""")
    assert d["subject"] == "調查結果如說明，請查照。"
    assert d["sections"][0]["items"][0]["text"] == "重要事項詳如附件。"


SCHOOL_POST = """• slider image 12
:::
轉知 林雅婷 - 教務處 | 2024-03-05 | 點閱數: 20

一、依據本市教育局113年3月1日南市教小字第1130312345號函辦理。
二、請各班導師轉知家長。
:::

校園行事曆

好站推薦相關連結

[ more... ]
"""


def test_an_accessibility_anchor_after_the_letters_text_opens_the_sites_region():
    d = parse(SCHOOL_POST)
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據本市教育局113年3月1日南市教小字第1130312345號函辦理。", "請各班導師轉知家長。"]


def test_an_anchor_before_the_text_or_above_a_label_ends_nothing():
    d = parse(SCHOOL_POST.replace("二、請各班導師轉知家長。\n:::\n", "二、請各班導師轉知家長。\n:::\n說明:請查照。\n"))
    assert [s["name"] for s in d["sections"]][-1] == "說明"  # a label below the anchor: still the letter's


def test_a_pages_navigation_links_in_brackets_enter_no_field():
    d = parse("""主旨:請加強流感疫苗接種宣導,請查照。
說明:
一、依據教育部101年11月15日臺體(二)字第1010216354號函辦理。

[上一頁]            [回搜尋結果]
""")
    assert d["sections"][0]["items"][0]["text"] == "依據教育部101年11月15日臺體（二）字第1010216354號函辦理。"


NTPC_NOTICE = """行政函釋
發文單位: 臺南縣政府
發文字號: 府工交字第 0980203437A 號
發文日期: 民國 98 年 08 月 31 日
資料來源:
臺南縣政府公報 98 年第 10 期 15-16 頁
相關法條 地方制度法 第 2 條
旨:
無涉及道路挖掘之各項臨時性工程,由臺南縣各鄉(鎮、市)公所辦理
          項。
依    據:臺南縣道路管理自治條例第 4、5 條。
公告事項:一、本公告臨時性工程係指無涉及道路挖掘之各項工程。
          二、實施日期:自 98 年 9  月 1  日起實施。
"""


def test_a_law_databases_summary_row_is_no_subject():
    d = parse(NTPC_NOTICE)
    assert (d["issuer"], d["dispatch_no"]["text"], d["doc_type"]) == ("臺南縣政府", "府工交字第0980203437A號", "公告")
    assert d["subject"] is None and d["complete"] is False  # the 公告's own 主旨 line is not on the page
    assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]


def test_a_law_databases_summary_row_before_the_letters_subject_stays_out_of_it():
    d = parse(NTPC_NOTICE.replace("依    據:", "主    旨:公告臨時性工程使用道路之申請事項。\n依    據:"))
    assert d["subject"] == "公告臨時性工程使用道路之申請事項。" and d["complete"] is True


OCR_LETTER = """教育部函
受文者:本部國教署學安組
發文日期:中華民國110年5月24日
發文字號:臺教授國字第1100064111號
速別:最速件
地址:413415臺中市霧峰區中正路738之4
#: (04)2332-5189
聯絡人:林佳慧
電話:(04)3706-1358
主旨:請各高級中等以下學校畢業典禮配合停辦,請查照。
正本:各直轄市政府教育局
部長潘文忠
"""


def test_a_phone_number_whose_label_was_lost_is_no_part_of_the_address():
    d = parse(OCR_LETTER)
    assert d["address"] == "413415臺中市霧峰區中正路738之4"
    assert d["contact"]["phone"] == "(04)3706-1358" and d["contact"]["fax"] is None  # the lost label names nothing
    run_on = parse(OCR_LETTER.replace("738之4\n#: (04)", "738之4#:\n(04)"))  # a layout ran it onto the address line
    assert run_on["address"] == "413415臺中市霧峰區中正路738之4"


def test_an_address_wrapped_over_lines_stays_whole():
    d = parse(OCR_LETTER.replace("地址:413415臺中市霧峰區中正路738之4\n#: (04)2332-5189",
                                 "地址:413415臺中市霧峰區\n中正路738之4"))
    assert d["address"] == "413415臺中市霧峰區中正路738之4"


def test_a_period_in_slash_or_dot_dates_is_a_period():
    from pipeline.parse.dates import find_periods
    periods, _ = find_periods("廠商將於114/8/13 至 114/8/22期間以貨運方式配送，報名自113.7.1起至7.31止。")
    assert [(p.from_, p.to, p.days) for p in periods] == [("2025-08-13", "2025-08-22", 10), ("2024-07-01", "2024-07-31", 31)]
    assert periods[0].text == "114/8/13 至 114/8/22"
    assert find_periods("電話02/2345-6789至12/31")[0] == []  # no ROC date on either side
    assert find_periods("2025/8/13至2025/8/22")[0] == []  # 公文 count 民國 years


ASSOCIATION_TABLE = """發文日期 | 2024-07-16 |
發文字號 | 公告113164 |
主 旨 說 明 |
主旨:函轉臺南市政府修正草案公聽會,歡迎會員踴躍參加,請查照。 說明: 一、 依據臺南市政府113年7月12日府工企劃字第1130967072號函辦理。 二、 請踴躍報名。 |
"""


def test_a_number_written_as_a_word_and_digits_under_its_label_is_the_dispatch_number():
    d = parse(ASSOCIATION_TABLE)
    assert d["date"]["iso"] == "2024-07-16"
    assert d["dispatch_no"] == {"text": "公告113164", "word": "公告", "number": "113164", "year": 113, "serial": "164",
                                "branch": None}
    other_year = parse(ASSOCIATION_TABLE.replace("2024-07-16", "2023-07-16"))["dispatch_no"]
    assert (other_year["number"], other_year["year"], other_year["serial"]) == ("113164", None, None)


def test_a_tables_heading_naming_the_labels_is_no_subject():
    d = parse(ASSOCIATION_TABLE)
    assert d["subject"] == "函轉臺南市政府修正草案公聽會，歡迎會員踴躍參加，請查照。"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_a_boards_post_time_line_and_the_fields_run_onto_it_enter_no_field():
    d = parse("""單位:護士 承辦:護理師
時間:2012-11-20 12:19:37附件:管理:刪除 編修

主旨:請確實掌握所屬國小學童之流感疫苗接種情形,請查照。
說明:
一、依據教育部101年11月15日臺體(二)字第1010216354號函辦理。
""")
    assert d["attachments"] == []
    assert d["subject"] == "請確實掌握所屬國小學童之流感疫苗接種情形，請查照。"


def test_a_letters_attachment_beside_a_roc_date_is_kept():
    d = parse("""臺東縣政府 函
發文日期:中華民國113年9月2日
發文字號:府教體字第1130183120號
附件:補助經費明細表1份
主旨:請查照。
""")
    assert [a["title"] for a in d["attachments"]] == ["補助經費明細表1份"]
