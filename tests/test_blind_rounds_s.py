"""Conventions found by session 24's waves (tests/data/real: s1-… stems and the misses left from earlier waves). Each
input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


def markers(items: list[dict]) -> list[tuple[str, list]]:
    """Given items, return each item's marker with its children's, as nested pairs."""
    return [(item["marker"], markers(item["children"])) for item in items]




HEAD = "臺北市政府教育局 函\n發文日期：中華民國113年11月20日\n發文字號：北市教體字第1133000001號\n主旨：有關校園流感疫苗接種站，請查照。\n說明：\n"


def test_a_sub_item_after_a_lost_one_still_opens_an_item_after_a_sentences_end():
    record = parse(HEAD + "一、依據本府衛生局開會通知單續辦。\n二、接種站資訊如下：\n（一）接種時間：113年11月30日（星期六）上午9時至12時。\n"
                   "（三）接種對象：學校師生及家長。\n（四）疫苗廠牌：現場揭露。\n")
    assert markers(record["sections"][0]["items"]) == [("一", []), ("二", [("(一)", []), ("(三)", []), ("(四)", [])])]
    assert record["sections"][0]["items"][1]["children"][1]["text"] == "接種對象：學校師生及家長。"


def test_a_lost_sub_item_on_a_run_on_line_and_in_table_cells():
    run_on = parse(HEAD + "一、接種站資訊如下： (一)接種時間：上午9時至12時。 (三)接種對象：學校師生。 (四)疫苗廠牌：現場揭露。\n")
    cells = parse(HEAD + "一、活動資訊如下： |\n(一) |\n活動名稱：文化體驗營。 |\n(二) |\n活動時間：5月14日至15日。 |\n"
                  "(四) |\n參加對象：原住民族籍學生。 |\n")
    assert [c["number"] for c in run_on["sections"][0]["items"][0]["children"]] == [1, 3, 4]
    assert [c["text"] for c in cells["sections"][0]["items"][0]["children"]] == [
        "活動名稱：文化體驗營。", "活動時間：5月14日至15日。", "參加對象：原住民族籍學生。"]


def test_a_bracketed_number_two_past_inside_a_sentence_is_no_item():
    record = parse(HEAD + "一、報名分三梯次：（一）梯次於上午，另（三）梯次延後辦理，詳如附件。\n")
    assert record["sections"][0]["items"][0]["children"][0]["marker"] == "(一)"
    assert len(record["sections"][0]["items"][0]["children"]) == 1


def test_a_web_address_alone_in_padded_brackets_loses_the_space_a_line_join_set_inside_it():
    record = parse(HEAD + "一、請於期限內至獎助學金系統( https:// sp.immigration.gov.tw )完成報名。\n")
    assert record["sections"][0]["items"][0]["text"] == "請於期限內至獎助學金系統(https://sp.immigration.gov.tw)完成報名。"


def test_a_compilations_closing_reference_number_row_is_the_rulings_own_citation():
    record = parse("回頁首\n1.機密性資料及文件，不得以電子方式傳送乙節，應係指行政院八十八年九月十五日台八十八經字第三四七三五號函訂頒之要點規定。\n"
                   "2.因此，機密性資料及文件，非絕對不得以電子方式傳送，惟傳遞時應注意保密措施。\n"
                   "3.參考文號:法務部93年8月9日法政字第0930027044號函。\n")
    assert (record["doc_type"], record["issuer"], record["date"]["iso"], record["dispatch_no"]["text"]) == (
        "函", "法務部", "2004-08-09", "法政字第0930027044號")
    assert [item["marker"] for item in record["sections"][0]["items"]] == ["1", "2"]
    assert [(ref["issuer"], ref["date"]["iso"]) for ref in record["references"]] == [("行政院", "1999-09-15")]


def test_a_source_row_naming_no_citation_is_text():
    record = parse(HEAD + "一、請各校轉知所屬。\n二、參考文號:詳如附件。\n")
    assert [item["text"] for item in record["sections"][0]["items"]] == ["請各校轉知所屬。", "參考文號：詳如附件。"]


def test_a_greeting_under_a_posts_headline_opens_the_message_and_the_subject_follows_it():
    record = parse("最新消息\n【重要通知】112年度資通安全通報演練整備注意事項\n各位區網連線單位老師及先進，大家好：\n"
                   "「教育部112年度資通安全通報演練計畫」即將開始，提供演練相關說明及注意事項，煩請查照。\n"
                   "1. 此次演練期間為112年09月04日起至112年09月15日止。\n2. 請單位於112年08月25日前完成資料填寫。\n")
    assert record["subject"] == "「教育部112年度資通安全通報演練計畫」即將開始，提供演練相關說明及注意事項，煩請查照。"


def test_a_posts_bulleted_byline_naming_the_sites_administrator_is_the_sites():
    record = parse("Orbit\n\n107學年校園接駁車班次表及收費標準,相關事宜如說明\n\n  • 2018-08-28\n  • 網站管理員\n\n"
                   "一、接駁乘車證限本人及單位簽名使用，欲轉讓他人者，請原持有人持證至本組辦理轉讓手續。\n"
                   "二、持證對象：本校教職員生（含眷屬）。\n三、為服務師生購買乘車證，本處事務組於開學第一週中午延長上班時間。\n"
                   "四、若有未盡事宜，請洽事務組連絡電話，校內分機25200。\n")
    assert record["sections"][0]["text"] == "107學年校園接駁車班次表及收費標準，相關事宜如說明"


def test_a_headline_naming_an_agency_before_the_subjects_own_words_gives_the_issuer():
    record = parse("國家通訊傳播委員會公告應審驗之有線廣播電視終端設備及施行日期\n"
                   "主 旨:公告應審驗之有線廣播電視終端設備及施行日期。 依 據:有線廣播電視法第二十二條第一項及第五項。 "
                   "公告事項:一、應審驗之設備如附件。二、自公告日施行。\n")
    assert (record["issuer"], record["doc_type"]) == ("國家通訊傳播委員會", "公告")


def test_a_headline_that_is_not_an_agency_before_the_subjects_words_names_no_issuer():
    record = parse("最新消息公告應審驗之有線廣播電視終端設備及施行日期\n"
                   "主 旨:公告應審驗之有線廣播電視終端設備及施行日期。 依 據:有線廣播電視法第二十二條第一項及第五項。 "
                   "公告事項:一、應審驗之設備如附件。二、自公告日施行。\n")
    assert record["issuer"] is None


def test_a_public_broadcaster_is_a_cited_issuer():
    record = parse(HEAD + "一、依據國教署112年3月25日臺教國署國字第1120035945號函及國立教育廣播電臺112年3月14日節字第1120000733號函辦理。\n")
    assert [ref["issuer"] for ref in record["references"]] == ["國教署", "國立教育廣播電臺"]


def test_an_ascii_colon_after_a_bracketed_address_closing_a_chinese_clause_is_full_width():
    record = parse(HEAD + "一、參與學校須於110年11月5日前回傳成果至活動信箱(book.service@moc.gov.tw):\n"
                   "(一)成果照片3張。\n(二)心得1篇。\n")
    assert record["sections"][0]["items"][0]["text"] == (
        "參與學校須於110年11月5日前回傳成果至活動信箱(book.service@moc.gov.tw)：")


def test_a_short_field_row_right_under_a_posts_row_is_the_posts():
    record = parse("跳到主要內容區塊\n\n中國文化大學於本縣執行「諸羅樹蛙族群遺傳結構」計畫採樣。\n\n  • 發布單位:古坑鄉公所\n"
                   "  • 單位:古坑鄉公所\n\n一、依據雲林縣政府109年3月23日府農林二字第1090515521號函。\n\n"
                   "二、本案執行調查作業期間，應遵守野生動物保育法之規定，請查照。\n")
    assert record["subject"] == "中國文化大學於本縣執行「諸羅樹蛙族群遺傳結構」計畫採樣。"
    assert record["sections"][0]["text"] == ""


def test_a_contact_row_under_a_posts_row_is_still_the_notices_contact():
    record = parse("最新消息\n辦理校園用電安全檢查，請各單位配合。\n發布單位:總務處\n承辦人:王小姐\n"
                   "一、檢查期間為113年5月1日至5月3日。\n二、請各單位配合辦理。\n")
    assert record["contact"]["name"] == "王小姐"


def test_a_posts_date_row_run_on_to_the_title_line_leaves_the_title_its_issuer():
    record = parse(":::\n核定公告\n【公告】「布袋鹽田重要濕地保育利用計畫」計畫書、圖\n日期:2020/09/03\n點閱率1145\n內政部 公告\n"
                   "發文日期:中華民國109年9月3日\n發文字號:台內營字第1090814727號\n"
                   "主旨:訂定「布袋鹽田重要濕地保育利用計畫」計畫書、圖，並自即日起實施。\n依據:濕地保育法第14條。\n"
                   "公告事項:\n一、計畫書、圖如附件。\n")
    assert (record["issuer"], record["doc_type"], record["complete"]) == ("內政部", "公告", True)


def test_units_over_a_doc_type_alone_are_file_captions_not_a_division_tables_rows():
    record = parse("轉知教育部為避免國人違規攜帶動植物檢疫物受罰，請向教職員工與學生進行宣導，詳如說明，請查照。\n"
                   "教育部 函\n行政院農業委員會動植物防疫檢疫局 函\n")
    assert record["schema"].startswith("gongwen/letter@")


def test_a_relay_headline_closed_by_a_request_over_the_explanation_label_is_the_subject():
    record = parse("海洋委員會海洋保育署舉辦「113年度海洋保育在地守護嘉年華」成果發表會,請鼓勵踴躍參加\n\n說 明:\n"
                   "一、 依教育部113年10月21日臺教資(六)字第1130106985號函辦理。\n"
                   "二、 為推動我國海洋保育行動在地化，海洋委員會海洋保育署推動「海洋保育在地守護計畫」。\n"
                   "三、 旨揭活動時間為113年11月10日(日)上午10時至下午5時，假臺北市立動物園大門廣場舉行。\n")
    assert record["subject"] == "海洋委員會海洋保育署舉辦「113年度海洋保育在地守護嘉年華」成果發表會，請鼓勵踴躍參加"


def test_a_headline_over_the_explanation_label_closing_with_no_request_stays_the_sites():
    record = parse("海洋保育在地守護嘉年華成果發表會\n\n說 明:\n一、 依教育部113年10月21日臺教資(六)字第1130106985號函辦理。\n"
                   "二、 請鼓勵師生踴躍參加。\n")
    assert record["subject"] is None


def test_an_items_sentence_closing_with_a_bracketed_note_still_ends_it():
    record = parse(HEAD + "一、請於期限內報名（詳如附件）\n二、報名表請寄至本局（承辦人：王小姐）\n")
    assert [i["text"] for i in record["sections"][0]["items"]] == ["請於期限內報名（詳如附件）", "報名表請寄至本局（承辦人：王小姐）"]


def test_a_reply_cites_the_dated_petition_it_answers():
    record = parse(HEAD + "一、復台端103年7月15日陳情書。\n二、按鄉鎮市調解條例規定，調解委員之配偶並無限制。\n")
    ref = record["references"][0]
    assert (ref["text"], ref["kind"], ref["issuer"], ref["date"]["iso"], ref["dispatch_no"]) == (
        "台端103年7月15日陳情書", "陳情書", None, "2014-07-15", None)


def test_a_colon_after_bracketed_english_or_a_bracketed_count_stays_ascii():
    record = parse(HEAD + "一、宣導文宣資訊下載連結(Link to download materials:): https://asf.aphia.gov.tw/ws.php?id=17894\n"
                   "二、相關檔案請參閱附件，請查照。\n")
    assert record["sections"][0]["items"][0]["text"] == (
        "宣導文宣資訊下載連結(Link to download materials:): https://asf.aphia.gov.tw/ws.php?id=17894")


def test_a_citation_dated_in_the_same_year_takes_the_year_of_the_one_before():
    record = parse(HEAD + "一、本部見解尚無變更（本部90年1月18日(90)法律決字第048924號及同年5月28日(90)法律字第016818號函參照），"
                   "仍請查照參考。\n")
    assert [(r["dispatch_no"]["text"], r["date"]["iso"]) for r in record["references"]] == [
        ("(90)法律決字第048924號", "2001-01-18"), ("(90)法律字第016818號", "2001-05-28")]


def test_a_ministrys_department_addressed_as_gui_si_and_a_clause_ending_yuan_yu_before_an_issuer():
    record = parse(HEAD + "一、復貴司113年9月3日金管銀法字第11302712345號函。\n"
                   "二、提供聯徵中心資料似緣於經濟部投資審議委員會113年8月1日經審一字第11300012340號函。\n")
    (first, second) = record["references"]
    assert (first["issuer"], first["issuer_from"]) == (None, "貴司")
    assert second["issuer"] == "經濟部投資審議委員會"


def test_an_offices_name_holding_the_plan_word_names_no_plan():
    record = parse("跳到主要內容區塊\n計畫處性別平等專案小組\n一、依據性別平等工作小組設置要點辦理。\n"
                   "二、本府擬成立性別平等專案小組，謹請鈞長核示。\n")
    assert record["schema"].startswith("gongwen/letter@")


def test_a_copy_entrys_distribution_note_is_no_part_of_its_name():
    record = parse(HEAD.replace("說明：\n", "說明：\n一、復台端103年7月15日陳情書。\n")
                   + "正本：內政部\n副本：本部資訊處(第1類)、本部法律事務司( 3份)、臺灣高等法院及所屬各法院(26)\n")
    assert [a["name"] for a in record["cc_copy"]] == ["本部資訊處", "本部法律事務司", "臺灣高等法院及所屬各法院(26)"]


def test_a_boards_reminder_tag_before_the_headline_is_the_sites():
    record = parse("提醒 有關104年度消防安全設備檢修申報，請各校依規定辦理，詳如說明。\n一、請各校於5月31日前完成申報。\n")
    assert record["subject"] == "有關104年度消防安全設備檢修申報，請各校依規定辦理，詳如說明。"


def test_a_same_style_list_after_a_colon_is_not_nested_so_later_points_stay_top_level():
    # (a page that lost its indents: which level a 1. opens cannot be told, so no same-style nesting is guessed)
    record = parse("說明：\n1.依據本市低收入戶學生助學金發給要點辦理。\n2.申請資格：\n1.設籍本市滿6個月以上。\n"
                   "2.就讀國內公私立學校。\n3.申請期間：113年4月1日至4月30日止。\n4.申請方式：由學校彙整後函送本局，請查照。\n")
    assert [i["number"] for i in record["sections"][0]["items"]][-2:] == [3, 4]


def test_a_number_run_on_at_a_lines_start_skips_nothing_where_the_skipped_number_still_comes():
    record = parse(HEAD + "一、參加對象：\n1.本校5、6年級學生全體參加。\n3、4年級學生由導師帶隊觀賞。\n2.本校教職員工。\n")
    children = record["sections"][0]["items"][0]["children"]
    assert [c["number"] for c in children] == [1, 2]
    assert children[0]["text"] == "本校5、6年級學生全體參加。3、4年級學生由導師帶隊觀賞。"


def test_a_wrapped_headline_over_the_explanation_label_gives_no_truncated_subject():
    record = parse("檢送本局辦理「113年度國中小學生閱讀心得寫作比賽」\n實施計畫1份，請鼓勵學生踴躍參加\n說明：\n"
                   "一、依據本局113年度閱讀推廣計畫辦理。\n二、請鼓勵學生踴躍參加閱讀心得寫作比賽。\n")
    assert record["subject"] != "實施計畫1份，請鼓勵學生踴躍參加"
