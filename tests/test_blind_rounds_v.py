"""Conventions found by session 17's blind rounds (tests/data/real: v1- … stems) and its look at the letters still
missed. Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

HEAD = "臺中縣梧棲區漁會 函\n受文者：交通部臺中港務局\n發文日期：中華民國94年9月28日\n發文字號：中區漁字第0940000312號\n"


def test_two_whole_phone_numbers_set_apart_stay_apart():
    letter = parse(HEAD + "聯絡人：○○○\n聯絡電話：04-22052948  0928799438\n主旨：請惠予協助，請查照。\n")
    assert letter["contact"]["phone"] == "04-22052948 0928799438"


def test_a_phone_number_with_spaces_inside_is_one_number():
    letter = parse(HEAD + "聯絡人：○○○\n電話：(04) 2205 2948 轉 312\n主旨：請惠予協助，請查照。\n")
    assert letter["contact"]["phone"] == "(04)22052948轉312"
    letter = parse(HEAD + "聯絡人：○○○\n電話：0928 799 438\n主旨：請惠予協助，請查照。\n")
    assert letter["contact"]["phone"] == "0928799438"


def test_a_database_print_of_labelled_cells_reads_as_its_fields():
    from pipeline.read.pdf_tables import fields_to_lines
    rows = [["發文單位 行政院公共工程委員會", ""], ["發文日期", "98/03/19"], ["發文字號 工程促字第09800114010號函", ""],
            ["主旨", "貴局函詢…疑義乙案，復請查照。"], ["說明：一、復貴局98年1月16日…號函。\n二、有關…。", ""],
            ["正本", "行政院衛生署疾病管制局"], ["解釋法條", "促進民間參與公共建設法第3條(點)"]]
    assert fields_to_lines(rows) == [
        "發文單位：行政院公共工程委員會", "發文日期：98/03/19", "發文字號：工程促字第09800114010號函",
        "主旨：貴局函詢…疑義乙案，復請查照。", "說明：一、復貴局98年1月16日…號函。", "二、有關…。",
        "正本：行政院衛生署疾病管制局", "解釋法條：促進民間參與公共建設法第3條(點)"]
    side_by_side = [["發文日期：中華民國一0八年十一月二十日", "發文字號：屏市建字10834787500號"], ["速別：", "密等："],
                    ["主旨：核發證明書", ""]]
    assert fields_to_lines(side_by_side) == ["發文日期：中華民國一0八年十一月二十日", "發文字號：屏市建字10834787500號",
                                              "速別：", "密等：", "主旨：核發證明書"]
    assert fields_to_lines([["鄉鎮市區", "段小段"], ["屏東市", "民生段"]]) is None  # a table of data, no fields


def test_a_date_in_chinese_numerals_may_print_its_zero_as_a_digit():
    letter = parse("屏東市公所 函\n受文者：如行文單位\n發文日期：中華民國一0八年十一月二十日\n發文字號：屏市建字第10834787500號\n"
                   "速別：密等級解密條件或保密期限：\n主旨：核發證明書，請查照。\n")
    assert letter["date"] == {"iso": "2019-11-20", "roc": "108年11月20日"}
    assert letter["speed"] is None  # the cell beside an empty 速別 holds the next field's label, no 速別


ITEMS = ("一、轉知教育部國民及學前教育署111年5月26日臺教國署政字第1110068093號函。\n"
         "二、端午節期間請加強宣導「公務員廉政倫理規範」相關規定，以維護民眾之信賴。\n")


def test_a_title_shaped_caption_under_the_text_is_the_pages_not_a_title():
    letter = parse("端午節將屆，請遵守「公務員廉政倫理規範」\n" + ITEMS + "\n國教署函\n")
    assert (letter["issuer"], letter["doc_type"]) == (None, None)
    assert [i["marker"] for i in letter["sections"][0]["items"]] == ["一", "二"]
    assert letter["sections"][0]["items"][1]["text"].endswith("以維護民眾之信賴。")
    assert letter["references"][0]["dispatch_no"]["text"] == "臺教國署政字第1110068093號"


def test_a_title_in_lenticular_brackets_is_a_title():
    letter = parse("【行政院消費者保護委員會函】\n中華民國九十年三月二十一日\n台九十消保法字第00329號\n"
                   "主旨：貴府函詢消費爭議申訴案件管轄疑義乙案，復如說明，請查照。\n說明：一、復貴府八十九年九月六日函。\n")
    assert (letter["issuer"], letter["doc_type"]) == ("行政院消費者保護委員會", "函")


def test_a_databases_full_text_closed_by_an_expectation_over_the_explanation_is_the_subject():
    letter = parse("令函日期: 88-05-06\n令函案號: (八八)智著第88003332號\n令函要旨: 所詢著作權法疑義乙案,復如說明二,請 查照。 "
                   "說明: 一、依據 貴局八十八年四月八日健保醫字第八八00六五六三號辦理。 二、有關所詢疑義，請參考上述規定。\n")
    assert letter["subject"] == "所詢著作權法疑義乙案，復如說明二，請查照。"
    assert [s["name"] for s in letter["sections"]] == ["說明"]


def test_a_lead_asking_by_jian_qing_over_items_is_the_subject():
    letter = parse("發文字號:\n內政部 104.08.27 台內民字第1040431749號函\n全文內容:各縣(市)議會召開臨時會之議事日程安排 ,建請儘量避免跨星期假日及例假日 "
                   "一、按地方制度法第34條第3項規定，得召集臨時會。 二、為期地方立法機關善盡開會及議事職責，建請爾後儘量避免跨星期假日。\n")
    assert letter["subject"] == "各縣（市）議會召開臨時會之議事日程安排，建請儘量避免跨星期假日及例假日"
    assert letter["sections"][0]["text"] == ""


def test_digits_set_apart_by_spaces_at_lines_starts_are_items():
    letter = parse("一、依據：內政部消防署108年7月9日消署預字第1080500870號函辦理。\n二、補助對象及次序：\n"
                   "      (一) 第一優先：\n             1 本市低收入戶\n             2 獨居長者\n"
                   "      (二) 第二優先：\n             1 木造建築物\n            2 鐵皮屋\n             3 資源回收用途之住宅\n")
    first, second = letter["sections"][0]["items"][1]["children"]
    assert [(c["marker"], c["text"]) for c in first["children"]] == [("1", "本市低收入戶"), ("2", "獨居長者")]
    assert [c["text"] for c in second["children"]] == ["木造建築物", "鐵皮屋", "資源回收用途之住宅"]


def test_a_county_law_databases_change_rows_enter_no_field():
    letter = parse("修正「雲林縣政府公文電子交換作業要點」\n主管機關: 雲林縣政府行政處\n發文機關: 雲林縣政府\n發文日期: 103.06.13\n"
                   "發文字號: 府行文二字第1036002675號 函\n異動性質: 修正\n旨: 修正「雲林縣政府公文電子交換作業要點」\n"
                   "法規名稱: 雲林縣政府公文電子交換作業要點\n法規內文:\n\n一、雲林縣政府為簡化文書作業，訂定本要點。\n\n二、公文應採橫行格式。\n")
    assert letter["sections"] == []
    assert letter["dispatch_no"]["text"] == "府行文二字第1036002675號"


def test_an_office_every_agency_has_named_alone_before_a_type_is_no_issuer():
    letter = parse("::: 嘉義市東區崇文國民小學\n人事室公告\n公務人員違規赴陸建議懲處原則及違規赴港澳建議懲處原則\n1. 依「赴大陸地區作業要點」規定，教師兼任行政職務者，應於赴陸5日前提出申請。\n"
                   "2. 請本校行政職務人員如有計畫至大陸旅遊，應至差勤系統填寫申請表送核。\n")
    assert (letter["issuer"], letter["doc_type"]) == (None, None)
    assert letter["sections"][0]["text"] == "公務人員違規赴陸建議懲處原則及違規赴港澳建議懲處原則"  # the board's heading is the page's
    assert [i["marker"] for i in letter["sections"][0]["items"]] == ["1", "2"]


def test_letter_spaced_text_running_across_a_column_start_is_no_table():
    from pipeline.read.pdf_columns import crossed
    from pipeline.read.pdf_layout import Char

    def row(xs, top):
        return [Char("字", x, x + 10, top, top + 10, 10) for x in xs]
    prose = [row([0, 10, 20, 30], 0), row([0, 10, 26, 36], 20), row([0, 10, 30, 40], 40)]
    assert crossed(prose, 26)  # two of three rows touching or 0.6 em apart there: an OCR's letter spacing
    table = [row([0, 10, 30, 40], 0), row([0, 10, 30, 40], 20), row([0, 10, 20, 30], 40), row([30, 40], 60)]
    assert not crossed(table, 30)  # one long first cell reaching the column: still a column



def test_a_note_label_under_an_item_that_ends_no_sentence_goes_on_with_the_item():
    letter = parse("一、依據：財政部賦稅署函辦理。\n二、目的：為加強學校租稅教育。\n三、指導單位：雲林縣政府\n主辦單位：雲林縣稅務局\n"
                   "協辦單位：縣內各國民中學\n四、主題：租稅標語\n")
    assert letter["sections"][0]["items"][2]["text"] == "指導單位：雲林縣政府主辦單位：雲林縣稅務局協辦單位：縣內各國民中學"


def test_a_sentence_closed_by_an_expectation_over_the_letters_own_rows_is_its_subject():
    letter = parse("有關貴局函詢經管之市有地被占用處理事宜，復如說明，請 查照。\n:::\n發文日期:103/11/27\n發文字號:林企字第1031665329號\n"
                   "一、復貴局103年11月19日北農林字第1032194874號函。\n二、另有關國有財產法疑義部分，請逕依財政部國有財產署意見辦理。\n")
    assert letter["subject"] == "有關貴局函詢經管之市有地被占用處理事宜，復如說明，請查照。"
    assert [i["marker"] for i in letter["sections"][0]["items"]] == ["一", "二"]


def test_an_agency_alone_over_the_letters_own_rows_is_its_issuer_when_the_number_gives_the_type():
    letter = parse("4.2.行政規則及函(釋)\n行政院金融監督管理委員會\n發文日期:98/07/21\n發文文號:金管銀法字第09800322230號函\n"
                   "主旨:重申對涉及北韓之金融交易往來，應嚴加清查及監控，請查照並轉知所屬會員。\n說明:一、本會95年8月25日函諒達。\n")
    assert (letter["issuer"], letter["doc_type"]) == ("行政院金融監督管理委員會", "函")


def test_a_statute_quoted_over_lines_keeps_its_own_numbered_clauses():
    letter = parse("說明：\n一、復貴署95年3月1日函。\n二、查「義務人負有公法上金錢給付義務，有下列情形之一者：一、其處分文書定有履行期間者。二、其處分\n"
                   "文書未定履行期間，經以書面限期催告履行者。三、依法令負有義務，經以書面通知\n限期履行者。」行政執行法第11條定有明文。\n")
    items = letter["sections"][0]["items"]
    assert [i["marker"] for i in items] == ["一", "二"]
    assert items[1]["text"].endswith("限期履行者。」行政執行法第11條定有明文。")


def test_marks_left_for_a_lost_emoji_before_a_boards_tag_are_no_part_of_the_subject():
    letter = parse("催填\n???【催填】有關「法治教育宣導活動」一案，請以下國中儘速填報線上表單，請查照。\n"
                   "一、依據臺灣花蓮地方法院111年7月5日花院楓國字第1110000770號函辦理。\n二、請各校擇定活動內容。\n")
    assert letter["subject"] == "【催填】有關「法治教育宣導活動」一案，請以下國中儘速填報線上表單，請查照。"


def test_review_lines_opening_with_a_number_and_a_unit_stay_text():
    letter = parse("主旨：請於113年\n1 月 15 日前報局，請查照。\n說明：\n一、檢送計畫共\n2 冊，請妥善保存。\n二、辦理場次如下：\n"
                   "1 月 10 日 臺北場\n2 月 5 日 臺中場\n")
    assert letter["subject"] == "請於113年1月15日前報局，請查照。"
    items = letter["sections"][0]["items"]
    assert items[0]["text"] == "檢送計畫共2冊，請妥善保存。"
    assert items[1]["children"] == [] and "1月10日臺北場" in items[1]["text"]


def test_review_a_table_headed_by_label_words_stays_a_table():
    from pipeline.read.pdf_tables import fields_to_lines
    assert fields_to_lines([["日期", "地點"], ["113年4月10日", "本府大禮堂"]]) is None
    assert fields_to_lines([["承辦單位", "聯絡電話"], ["學務處", "04-22289222"]]) is None


def test_review_a_last_item_naming_an_agencys_order_is_the_letters():
    letter = parse("主旨：轉知教育部令，請查照。\n說明：\n一、依據教育部函辦理。\n二、旨揭細則業經教育部修正發布。\n三、檢附教育部令\n")
    assert [i["text"] for i in letter["sections"][0]["items"]][-1] == "檢附教育部令"


def test_review_pages_with_nothing_of_a_letter_stay_refused():
    import pytest
    from pipeline.errors import InputError
    for page in ("新品上市，全品項八折，敬請把握機會！\n一、活動期間：即日起。\n二、適用門市：全台門市。\n",
                 "預告片今晚八點於各大平台同步首播。\n一、首播時間：今晚八點。\n二、播出平台：各大平台。\n",
                 "議員建請市府改善路燈照明，市府允諾研議。\n一、路燈照明不足。\n二、市府將研議改善。\n"):
        with pytest.raises(InputError):
            parse(page)


def test_an_agency_alone_over_a_gazettes_citation_form_head_is_the_issuer():
    page = ("代轉財政部令:修正「稅捐稽徵法施行細則」\n\n法規公告、通報\n\n行政院公報資訊網 111.05.23刊登\n\n"
            "財政部令:修正「稅捐稽徵法施行細則」\n\n財政部\n\n中華民國111年5月23日台財稅字第11104590940號\n\n"
            "修正「稅捐稽徵法施行細則」。\n\n附修正「稅捐稽徵法施行細則」\n\n部  長 蘇建榮\n")
    letter = parse(page)
    assert (letter["doc_type"], letter["issuer"], letter["complete"]) == ("令", "財政部", True)
    assert letter["subject"] == "修正「稅捐稽徵法施行細則」。"
    assert letter["dispatch_no"]["text"] == "台財稅字第11104590940號"


def test_a_contact_row_under_a_web_notices_items_is_its_contact():
    letter = parse("桃園市政府公告\n主旨:公告「變更中壢平鎮都市計畫」案。\n依據:都市計畫法第19條。\n公告事項:\n"
                   "一、公開展覽期間：自111年1月3日起至111年2月1日止。\n二、公告計畫範圍：如計畫書、圖。\n"
                   "承辦人:林小姐,電話:03-3322101#5224\n")
    assert letter["contact"] == {"name": "林小姐", "unit": None, "phone": "03-3322101#5224", "fax": None, "email": None}
    assert letter["sections"][-1]["items"][-1]["text"] == "公告計畫範圍：如計畫書、圖。"


def test_a_headline_naming_a_notice_over_a_paragraph_on_its_grounds_is_part_of_a_letter():
    page = ("金管處戶外公共場域延長停止對外開放公告!!!!\n\n發佈單位\n遊憩服務課\n"
            "    依據中央流行疫情指揮中心公告強化三級警戒至110年06月28日,本處轄管之兒童遊憩場等設施,延長停止對外開放。\n")
    letter = parse(page)
    assert letter["complete"] is False
    assert letter["sections"][0]["text"].startswith("依據中央流行疫情指揮中心公告強化三級警戒")
    import pytest
    from pipeline.errors import InputError
    with pytest.raises(InputError):  # the same paragraph under a news headline: nothing of a letter
        parse(page.replace("開放公告!!!!", "開放民眾失望"))


def test_a_sites_empty_field_rows_closing_the_page_enter_no_field():
    page = ("內容\n\n一、本府各單位辦理活動時，應優先聘任本縣之手語翻譯員。\n\n二、依據身心障礙融合式會議及活動參考指引：\n\n"
            "  (一)辦理直播時，應提供手語翻譯服務。\n\n公告字號\n\n公告依據\n")
    letter = parse(page)
    assert letter["doc_type"] is None  # an empty 公告字號 row names no 公告
    assert letter["sections"][0]["items"][1]["children"][0]["text"] == "辦理直播時，應提供手語翻譯服務。"
