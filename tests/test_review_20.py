"""Fixes from session 20's independent review: inputs where the session's new rules dropped or misplaced a real
letter's text, or let a page with nothing of a letter in (written for the tests, in the shape of real letters)."""
from __future__ import annotations

import pytest
from parse_text import parse

from pipeline.errors import InputError

HEAD = "發文日期：中華民國113年5月6日\n發文字號：府授人考字第1130112233號\n"


def items(record: dict, section: int = 0) -> list[tuple[str, str]]:
    """Given a record, return its section's items as (marker, text)."""
    return [(i["marker"], i["text"]) for i in record["sections"][section]["items"]]


def test_a_regulations_name_over_a_sub_list_keeps_the_sections_own_items():
    record = parse("臺北市政府 函\n" + HEAD + "主旨：修正本府員工獎懲作業規定，請查照。\n說明：\n"
                   "一、為落實獎優汰劣，本府修正員工獎懲作業規定。\n二、各機關應依下列規定辦理獎懲。\n臺北市政府員工獎懲作業規定\n"
                   "(一)各機關辦理獎懲應於事實發生後三個月內為之。\n(二)嘉獎以上獎勵應陳報本府核定。\n"
                   "三、請各機關確實轉知所屬同仁。\n正本：本府各機關\n")
    assert [m for m, _ in items(record)] == ["一", "二", "三"]
    assert items(record)[2] == ("三", "請各機關確實轉知所屬同仁。")


def test_a_reference_mark_before_an_attachment_or_remark_line_stays_the_items_text():
    record = parse("高雄市政府 公告\n" + HEAD + "主旨：公告本市113年度低收入戶調查事項。\n公告事項：\n"
                   "一、申請期間：113年8月1日至9月30日。\n二、申請應備文件：戶口名簿影本、存摺影本。\n"
                   "※備註：逾期申請者不予受理。\n※附件：申請表請至本府社會局網站下載。\n三、洽詢電話：07-3368333。\n")
    assert record["attachments"] == []
    assert [m for m, _ in items(record, -1)] == ["一", "二", "三"]
    assert "※附件：申請表請至本府社會局網站下載。" in items(record, -1)[1][1]


def test_a_place_range_before_a_hyphen_is_no_board_category():
    record = parse("交通部公路局 書函\n受文者：屏東縣政府\n" + HEAD +
                   "高雄-屏東段台1線拓寬工程施工期間實施交通管制，請查照。\n正本：屏東縣政府\n")
    assert record["subject"] == "高雄-屏東段台1線拓寬工程施工期間實施交通管制，請查照。"


def test_an_items_gregorian_date_row_stays_the_letters():
    record = parse("國立清華大學 函\n" + HEAD + "主旨：本校辦理國際學生交流活動，請查照。\n說明：\n一、活動資訊：\n"
                   "日期：2024-06-01\n地點：本校學習資源中心\n二、報名請洽國際處。\n")
    assert items(record)[0] == ("一", "活動資訊：日期：2024-06-01地點：本校學習資源中心")


def test_a_unit_named_under_an_items_colon_is_the_letters_not_a_site_card():
    record = parse("苗栗縣政府 函\n" + HEAD + "主旨：辦理教保服務人員研習，請查照。\n說明：\n"
                   "一、研習日期：113年6月1日上午9時至下午4時。\n二、報名表請於5月20日前傳真或寄送至下列單位：\n"
                   "苗栗縣政府教育處學前教育科\n地址：36001苗栗縣苗栗市府前路1號\n傳真：037-356789\n")
    assert items(record)[1] == ("二", "報名表請於5月20日前傳真或寄送至下列單位：苗栗縣政府教育處學前教育科")


def test_a_news_posts_bullets_stating_grounds_but_asking_nobody_are_refused():
    with pytest.raises(InputError):
        parse("本校榮獲113年度環境教育績優學校\n• 依據臺北市政府環境保護局評選結果辦理。\n"
              "• 本校師生長期推動校園綠化，成果豐碩。\n• 頒獎典禮將於6月5日舉行。\n")


def test_the_letters_own_file_link_after_a_bracket_stays():
    record = parse("臺中市政府教育局 函\n" + HEAD + "主旨：辦理本市科展，請查照。\n說明：\n"
                   "一、簡章請逕至本局網站下載（網址如下）https://www.tc.edu.tw/files/brochure.pdf\n二、請踴躍參加。\n")
    assert items(record)[0][1].endswith("https://www.tc.edu.tw/files/brochure.pdf")


def test_a_scope_in_an_entrys_bracket_stays_its_name():
    record = parse("臺北市政府 函\n受文者：如正副本\n" + HEAD + "主旨：檢送考績作業注意事項1份，請查照。\n"
                   "正本：國防部(人事參謀次長室含所屬單位)、臺中市政府(教育局學務科請轉知所屬學校)、本府教育局(中教科含附件)\n")
    assert record["cc_main"] == [{"name": "國防部（人事參謀次長室含所屬單位）", "with_attachments": False},
                                 {"name": "臺中市政府", "with_attachments": False},
                                 {"name": "本府教育局", "with_attachments": True}]


def test_a_wrapped_如下_line_is_no_sub_heading():
    record = parse("新北市政府教育局 函\n" + HEAD + "主旨：有關技藝教育課程實施事宜，請查照。\n說明：\n"
                   "一、依據本局實施計畫辦理。\n二、為利各校規劃課程，相關注意事項\n如下：\n一、各校應於6月1日前完成選課。\n"
                   "二、開課職群以6職群為限。\n")
    assert [m for m, _ in items(record)][:2] == ["一", "二"]
    assert not any(m == "一" for m, _ in items(record)[1:])


def test_a_citation_wrapped_after_its_number_is_no_head_number():
    record = parse("轉知教育部國民及學前教育署函，請查照。\n一、依據教育部國民及學前教育署113年5月1日\n臺教國署學字第1130051234\n"
                   "號函辦理。\n二、請各校轉知所屬教師踴躍參加。\n")
    assert record["dispatch_no"] is None
    assert [r["dispatch_no"]["text"] for r in record["references"]] == ["臺教國署學字第1130051234號"]
    order = parse("內政部令 中華民國100年4月15日\n廢止本部中華民國九十九年八月三日台內營字第0990801234\n號令。\n部長 江宜樺\n")
    assert order["dispatch_no"] is None and order["subject"].startswith("廢止本部")


def test_a_page_title_again_at_a_pages_top_and_a_footer_twice_stay_out_of_the_items():
    record = parse("轉知本市114年度防災教育訓練實施計畫，請查照。\n主旨：轉知本市114年度防災教育訓練實施計畫，請查照。\n說明：\n"
                   "一、依據臺北市政府教育局114年3月5日北市教軍字第1143012345號函辦理。\n"
                   "二、本計畫實施期間自114年3月10日起至114年6月30日止，\n請各處室配合辦理。\n"
                   "轉知本市114年度防災教育訓練實施計畫，請查照。\n三、相關資料請至本校網站下載。\n")
    assert items(record)[1] == ("二", "本計畫實施期間自114年3月10日起至114年6月30日止，請各處室配合辦理。")


def test_a_bulletin_row_with_a_real_number_or_an_items_sign_off_row_stays():
    record = parse("臺南市政府教育局 函\n" + HEAD + "主旨：有關課程計畫備查作業，請查照。\n說明：\n"
                   "一、各校課程計畫請於113年6月30日前上傳，\n並依下列期程辦理：\n簽收：請於113年5月31日前完成線上簽收。\n"
                   "公告人：請指定專人負責上傳並於系統登錄。\n二、請各校配合辦理。\n")
    assert items(record)[0][1].endswith("簽收：請於113年5月31日前完成線上簽收。公告人：請指定專人負責上傳並於系統登錄。")


def test_a_sub_heading_after_an_item_without_its_full_stop_restarts_the_list():
    record = parse("臺南市政府 公告\n" + HEAD + "主旨：公告本市補助申請事項。\n公告事項：\n一、申請期間：113年6月1日至6月30日\n"
                   "二、申請地點：本府社會處\n應備文件：\n一、申請書\n二、戶口名簿影本\n")
    assert [m for m, _ in items(record, -1)] == ["一", "二", "一", "二"]


def test_bulleted_grounds_asking_the_schools_to_pass_word_on_are_a_letters():
    record = parse("颱風防災宣導\n• 依據本市災害應變中心第3次工作會議結論辦理。\n"
                   "• 颱風期間務必轉知家長留意學童安全，避免前往河濱及山區。\n• 各校應於颱風來襲前完成校園環境巡檢。\n")
    assert record["complete"] is False


def test_an_offices_name_before_a_hyphen_is_a_board_category():
    record = parse("人事室-轉知銓敘部有關公務人員退休資遣撫卹法修正案，請查照。\n"
                   "一、依據臺中市政府人事處113年5月1日中市人給字第1130012345號函辦理。\n二、請同仁參閱。\n")
    assert record["subject"] == "轉知銓敘部有關公務人員退休資遣撫卹法修正案，請查照。"
