"""Conventions found by session 23's wave (tests/data/real: a1-…a7- stems, measured with no rule after it). Each input
below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

import pytest

from pipeline.errors import InputError

from parse_text import parse


def test_items_numbered_1_2_the_first_stating_its_grounds_are_part_of_a_letter():
    record = parse("1.依「兵役法施行法」第48條規定，役齡男子尚未履行兵役義務者出境應經核准。\n"
                   "2.役男出境可經由役政署網站申請，經查核無兵役管制情形者，將立即核准出境。\n")
    assert record["complete"] is False
    assert [item["marker"] for item in record["sections"][0]["items"]] == ["1", "2"]


def test_a_how_tos_numbered_steps_are_still_no_letter():
    with pytest.raises(InputError, match="not an official letter"):
        parse("1.開啟瀏覽器，輸入網址後按下確定。\n2.點選右上角的登入，輸入帳號密碼。\n")


def test_an_item_pointing_back_at_the_subject_by_zhi_an_is_part_of_a_letter():
    record = parse("一、旨案尚未核結之學校，務必於113年7月12日前辦理核結，逾期將公告校名。 二、核結資料送教育處。\n")
    assert record["complete"] is False
    assert record["sections"][0]["items"][0]["text"].startswith("旨案尚未核結之學校")


def test_dash_bulleted_grounds_on_a_page_asking_by_a_deadline_are_part_of_a_letter():
    record = parse("109年優秀人才獎學金申請公告\n- 依據109.08.14財團法人元大文教基金會函辦理。\n- 獎學金金額及名額：大學組1名。\n"
                   "- 有意申請的同學，請於109.9.8前將申請資料送至系辦公室。\n")
    assert record["complete"] is False
    cited = record["references"][0]
    assert (cited["text"], cited["issuer"], cited["date"]["iso"], cited["dispatch_no"]) == (
        "109.08.14財團法人元大文教基金會函", "財團法人元大文教基金會", "2020-08-14", None)


@pytest.mark.parametrize("sentence", ["請於113年5月1日前至本校網站公告查詢。", "113年5月1日起依本府公告辦理。",
                                      "詳見113年5月1日本校網站公告。"])
def test_a_deadline_or_a_website_after_a_date_cites_no_letter(sentence):
    record = parse(f"主旨：有關獎學金申請一案，請查照。\n說明：\n一、{sentence}\n二、請各校轉知。\n")
    assert record["references"] == []


def test_parts_numbered_in_capital_numerals_keep_their_numbers_out_of_the_fields():
    record = parse("壹、主旨:113年租稅美術創作競賽海報及活動辦法各1份，鼓勵學生踴躍參加。\n貳、說明:\n"
                   "一、依據財政部函辦理。\n二、請各校轉知。\n")
    assert record["subject"] == "113年租稅美術創作競賽海報及活動辦法各1份，鼓勵學生踴躍參加。"
    assert [item["marker"] for item in record["sections"][0]["items"]] == ["一", "二"]


def test_a_headline_closed_by_a_request_over_a_byline_and_items_is_the_subject():
    record = parse("檢送「性別平等教育白皮書2.0」1份，請據以規劃推動，請查照。\n  • 2022-08-08\n  • ○○○\n"
                   "一、本部前於99年發布「性別平等教育白皮書」在案，茲訂定旨揭白皮書2.0。\n"
                   "二、電子檔請至本部網站下載。\n正   本：各直轄市政府教育局及各縣市政府\n副   本：\n")
    assert record["subject"] == "檢送「性別平等教育白皮書2.0」1份，請據以規劃推動，請查照。"
    assert [item["text"] for item in record["sections"][0]["items"]] == [
        "本部前於99年發布「性別平等教育白皮書」在案，茲訂定旨揭白皮書2.0。", "電子檔請至本部網站下載。"]
    assert [entry["name"] for entry in record["cc_main"]] == ["各直轄市政府教育局及各縣市政府"]


def test_an_offices_name_joined_to_a_headline_by_a_hyphen_is_the_posting_office():
    record = parse("健康中心-衛生福利部修正「腸病毒防治工作指引」及「腸病毒感染併發重症工作手冊」\n"
                   "依據教育部國民及學前教育署114年1月6日臺教國署學字第1130157179號函辦理。\n")
    assert record["sections"][0]["text"].startswith("衛生福利部修正「腸病毒防治工作指引」")


def test_a_blog_listings_comments_closed_note_and_tagline_are_furniture():
    record = parse("全新的繁體中文 WordPress 網站\n主旨：為防範流感於校園傳播，請學校強化衛教宣導，請查照。\n說明：\n一、依據疾病管制署監測資料辦理。\n"
                   "二、爰請學校落實下列防...\n在〈為防範流感於校園傳播，請學校強化衛教宣導〉中留言功能已關閉\n")
    assert record["sections"][0]["items"][-1]["text"] == "爰請學校落實下列防..."


@pytest.mark.parametrize("sign_off", ["環境安全衛生中心 啟", "總務處-環境保護組 敬啟"])
def test_an_offices_sign_off_ends_the_text(sign_off):
    record = parse("主旨：請勿餵食校園流浪犬，請查照。\n說明：\n一、依據本校動物管理要點辦理。\n二、總務處環保組聯絡資訊：\n\n"
                   f"                 {sign_off}\n\nPlease keep a distance from stray dogs on campus.\n")
    assert record["sections"][0]["items"][-1]["text"] == "總務處環保組聯絡資訊："


def test_an_agency_name_a_wrap_set_alone_inside_a_sentence_signs_nothing():
    record = parse("依據八十九年八月廿四日輔校人字第八九0八二0三一號函辦理\n一、本校教職員工因應天災停止上課、上班相關原則，\n"
                   "基本上依據台北縣政府\n公布之規定。\n二、本規定如有變更，將另行通知。\n")
    assert record["issuer"] is None
    assert record["sections"][0]["items"][0]["text"] == "本校教職員工因應天災停止上課、上班相關原則，基本上依據台北縣政府公布之規定。"


def test_a_news_systems_staff_row_names_the_contact():
    record = parse("業務承辦:○○○\n聯絡電話:3031\n主旨：役男出境應經核准，請查照。\n說明：\n一、依兵役法施行法規定辦理。\n二、請各單位轉知。\n")
    assert (record["contact"]["name"], record["contact"]["phone"]) == ("○○○", "3031")


def test_a_space_after_a_web_address_ending_with_a_slash_closes_before_chinese():
    record = parse("主旨：學雜費減免申請，請查照。\n說明：\n一、相關規定請至http://stuaff.ncue.edu.tw/link/reduction/ 網站參閱。\n"
                   "二、請於期限內申請。\n")
    assert record["sections"][0]["items"][0]["text"] == "相關規定請至http://stuaff.ncue.edu.tw/link/reduction/網站參閱。"


def test_an_outage_notice_in_prose_is_part_of_a_letter():
    text = ("文心營運所停水通知\n本處為辦理文心路管線汰換工程，訂於12月3日上午9時至下午5時停水，"
            "請轄內用戶配合事先儲水，如有疑義請逕洽本處服務專線。\n")
    record = parse(text)
    assert record["complete"] is False
    assert "請轄內用戶配合事先儲水" in record["sections"][0]["text"]


@pytest.mark.parametrize("text", ["市長今天出席轉運站啟用典禮，依據規劃，現場民眾踴躍。\n",  # one word of the register
                                  "颱風即將來襲，請民眾配合防颱，依據氣象局預報，風雨將增強。\n"])  # two
def test_a_story_using_fewer_than_three_words_of_the_register_is_still_refused(text):
    with pytest.raises(InputError, match="not an official letter"):
        parse(text)


def test_a_boards_heading_in_section_marks_and_a_bureaus_board_serial_are_the_sites():
    record = parse("§最新公告§\n教育局公告 53153 號\n要擔任工作人員者，請於6/6日前通知人事\n"
                   "一、為辦理本市教師聯合甄選筆試工作，請各校推薦工作人員。\n二、請各校於期限內報名。\n")
    assert record["sections"][0]["text"] == "要擔任工作人員者，請於6/6日前通知人事"


def test_a_clock_time_typed_with_spaces_around_its_colon_is_one_time():
    record = parse("主旨：講習時間，請查照。\n說明：\n一、第一次講習：103年6月18日（三）14 : 00，地點：大灣國小。\n"
                   "二、比例 1 : 25 : 30 不變。\n")
    items = record["sections"][0]["items"]
    assert items[0]["text"] == "第一次講習：103年6月18日（三）14:00，地點：大灣國小。"
    assert items[1]["text"] == "比例1 : 25 : 30不變。"


def test_a_boards_label_over_value_rows_and_its_timestamp_are_the_sites():
    record = parse("臺中市政府法制局 樂活臺中網站\n\n現在位置:活動訊息 >\n字級\n\n類    別\n  普通\n日       期\n  2025-09-23 10:07:05\n"
                   "公告者\n  ○○○\n文化部第47次「中小學生讀物選介」獲選書單\n"
                   "一、本部每年辦理「中小學生讀物選介」，敬請貴單位轉知所屬各級學校。\n二、請鼓勵前述單位踴躍參與。\n")
    assert record["sections"][0]["text"] == "文化部第47次「中小學生讀物選介」獲選書單"


def test_a_signature_a_print_joined_to_the_web_addresses_under_it_closes_the_order():
    record = parse("教育部令\n中華民國110年7月22日\n臺教授國部字第1100085895B號\n修正「代理教師聘任辦法」第四條。\n"
                   "附修正「代理教師聘任辦法」第四條\n部 長 潘文忠https://gazette.nat.gov.tw/eg027136/Eg.htm\n"
                   "代理教師聘任辦法第四條修正條文\n")
    assert record["signature"] == "部長 潘文忠"
    assert record["subject"] == "修正「代理教師聘任辦法」第四條。"


def test_a_lead_wrapped_after_a_date_keeps_its_first_line_and_the_weekday_is_no_item():
    record = parse("重要通知：因個資法規定，個別通知同學補件。請務必詳閱並於109年11月10日\n（二）前繳交至生輔組。未補繳者視同放棄。\n"
                   "說明：\n一、依據財稅中心查核結果辦理。\n二、未於109年11月10日\n（二）前申辦者，視同放棄就學貸款。\n")
    assert record["subject"] == ("重要通知：因個資法規定，個別通知同學補件。請務必詳閱並於109年11月10日（二）前繳交至生輔組。"
                                 "未補繳者視同放棄。")
    items = record["sections"][0]["items"]
    assert (items[1]["text"], items[1]["children"]) == ("未於109年11月10日（二）前申辦者，視同放棄就學貸款。", [])
    record = parse("主旨：辦理語文競賽，請查照。\n說明：\n一、國小組：\n(一)報名日期：113年5月1日至5月10日\n(二)比賽地點：禮堂\n")
    assert len(record["sections"][0]["items"][0]["children"]) == 2  # a date ending an item: the next (二) is an item


def test_a_second_number_joined_with_di_but_no_word_shares_the_first_citations_word_and_date():
    record = parse("主旨：體育班術科測驗，請查照。\n說明：\n一、依據縣府114年12月8日府教體字第1140498338號函及第1140498338A號函續辦。\n"
                   "二、請各校配合。\n")
    second = record["references"][1]
    assert (second["text"], second["dispatch_no"]["text"], second["date"]["iso"]) == (
        "第1140498338A號函", "府教體字第1140498338A號", "2025-12-08")


def test_wordpress_default_tagline_is_no_part_of_the_text():
    record = parse("全新的繁體中文 WordPress 網站\n停水通知\n本處為辦理管線工程，訂於11月17日停水，請轄內用戶配合儲水，如有疑義請逕洽本處。\n")
    assert record["sections"][0]["text"] == "本處為辦理管線工程，訂於11月17日停水，請轄內用戶配合儲水，如有疑義請逕洽本處。"


def test_the_schools_name_and_a_file_caption_over_an_offices_sign_off_are_the_sign_offs():
    record = parse("主旨：請協助宣導狂犬病防疫措施，請查照。\n說明：\n依據教育部函辦理。\n相關資訊可至防檢署網站查閱或下載運用。\n"
                   "如附件-公文\n國立台中科技大學\n環境安全衛生中心 啟\n瀏覽數:\n")
    assert record["sections"][0]["text"] == "依據教育部函辦理。相關資訊可至防檢署網站查閱或下載運用。"


def test_a_request_of_the_addressee_by_its_kinds_name_after_gui_is_part_of_a_letter():
    record = parse("本計畫申報作業規範第4點有關申報休耕條件，重點簡摘如下\n（一）申報休耕當期作之前兩個期作必須至少要有1個期作復耕。\n"
                   "（二）倘其申報休耕面積大於復耕面積，請貴公所於寄送勘查結果通知單時，向農戶說明。\n")
    assert record["complete"] is False
    assert [item["marker"] for item in record["sections"][0]["items"]] == ["(一)", "(二)"]


def test_an_offices_notice_asking_for_a_form_sent_back_to_it_is_part_of_a_letter():
    record = parse("公告-教育部通知-赴陸交流需通報的事項與程序\n(一)以學校名義組團赴大陸地區之教育交流活動，應辦理通報。\n"
                   "(二)通報程序：\n請活動承辦單位填寫附件表格後，擲回本組，由本組上網填報。\n")
    assert record["complete"] is False


def test_a_ptt_mirrors_header_rows_article_code_and_signature_are_the_sites():
    record = parse("[系辦] 寒假僑生返僑居地相關事宜\n\n看板B93310XXX作者 (○○○)時間16年前 (2008/01/08 11:07), 編輯推噓0(000)\n"
                   "留言0則, 0人參與, 最新討論串1/1\n公告本校96學年度寒假僑生返僑居地探親，申請保留公費待遇有關事宜。 "
                   "一、申請對象：凡本校享有公費待遇僑生。 二、請於1月15日前至系辦辦理。 -- ※ 發信站: 批踢踢實業坊(ptt.cc) "
                   "◆ From: 140.112.156.40\n文章代碼(AID): #17Wka8Es (B93310XXX)\n")
    assert record["subject"] == "公告本校96學年度寒假僑生返僑居地探親，申請保留公費待遇有關事宜。"
    assert record["sections"][0]["items"][-1]["text"] == "請於1月15日前至系辦辦理。"


def test_a_notices_shouwenzhe_row_names_its_addressees():
    record = parse("收文者:總會所屬各中會、各機構\n一、本會第68屆總會通常議會訂於2023年4月18日召開，請各中會選派議員出席。\n"
                   "二、請各中會於3月31日前將議員名單擲回本會。\n")
    assert record["recipient"] == "總會所屬各中會、各機構"


def test_clauses_after_a_quote_closed_inside_a_sentence_are_the_texts_not_a_caption():
    record = parse("主旨：有關財團法人購買股票疑義，請查照。\n說明：\n一、依據本部函辦理。\n二、上開係就所購買股票之限制規定，其中「累計達基金總額二分之一以上」\n"
                   "之基金總額認定時點，應以購買時\n")
    assert record["sections"][0]["items"][1]["text"].endswith("之基金總額認定時點，應以購買時")


def test_a_joomla_file_table_a_boards_heading_and_unfilled_template_cells_are_the_sites():
    record = parse("Attachments:\nFileDescriptionFile size\nDownload this file (2020-12-31-nf1.pdf)附件2 2515 kB\n二中公佈欄\n"
                   "  • 一、依據本府衛生局109年12月31日嘉市衛疾字第1090007001號函辦理。\n"
                   "  • 二、請各單位及活動主辦單位依本公告事項落實防疫措施，加強宣導。\n{{ $t('FEZ003') }}\nInvalid date\n532|\n")
    section = record["sections"][0]
    assert section["text"] == ""
    assert section["items"][-1]["text"] == "請各單位及活動主辦單位依本公告事項落實防疫措施，加強宣導。"
