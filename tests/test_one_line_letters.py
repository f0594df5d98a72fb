"""Letters whose extraction ran every line into one (a PDF copied from a viewer, a text field pasted whole): the 署名
closing the text is found where it is glued to a contact item's e-mail address or phone number, and where its
characters were set apart by spaces (「部長 陳 駿 季」)."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.parse.signature import split_signature
from parse_text import parse

CORPUS = Path(__file__).parent / "data" / "real"


def test_a_signature_run_onto_an_e_mail_address_closing_the_last_item_is_the_signature():
    assert split_signature("一、甲。\n(六)電子郵件：aphia@aphia.gov.tw部長陳駿季") == (
        "一、甲。\n(六)電子郵件：aphia@aphia.gov.tw", "部長 陳駿季")
    assert split_signature("一、甲。\n(四)電話：02-23431401局長 林○○") == ("一、甲。\n(四)電話：02-23431401", "局長 林○○")


def test_a_title_after_a_latin_character_with_no_name_or_a_word_that_is_no_title_stays_text():
    assert split_signature("一、甲。\n(六)網址：https://www.moa.gov.tw局長室") == (
        "一、甲。\n(六)網址：https://www.moa.gov.tw局長室", None)
    assert split_signature("一、甲。\n二、請至https://www.moa.gov.tw查詢下載") == (
        "一、甲。\n二、請至https://www.moa.gov.tw查詢下載", None)
    assert split_signature("一、甲。\n二、網路陳情請至https://www.tycg.gov.tw 市長信箱") == (
        "一、甲。\n二、網路陳情請至https://www.tycg.gov.tw 市長信箱", None)  # a web address, a mailbox's name
    assert split_signature("一、甲。\n二、依APEC 院長指示辦理") == ("一、甲。\n二、依APEC 院長指示辦理", None)


def test_a_whole_letter_on_one_line_keeps_its_signature_with_spaced_characters_and_its_last_item():
    stem = "x8-moa-aphia-decapod-iridovirus-repeal-draft-114"  # a 農業部 預告 closing with its contact items
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    expected = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    one_line = " ".join(line.strip() for line in text.splitlines() if line.strip())
    assert one_line.endswith("aphia@aphia.gov.tw 部長 陳 駿 季")
    d = parse(one_line)
    assert d["signature"] == "部長 陳駿季"
    assert d["sections"] == expected["sections"]
    assert d["sections"][-1]["items"][-1]["children"][-1]["text"] == "電子郵件：aphia@aphia.gov.tw"


def one_line(stem: str) -> str:
    """Given a corpus stem, return its text with every line run onto one, a space between."""
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def test_a_meeting_notice_on_one_line_keeps_its_meeting_fields_apart():
    text = one_line("x9-sssh-council-two-venue-notice-113")  # a school council's 開會通知單, printed from its PDF
    assert text.startswith("第一頁 共一頁 裝 訂 線 臺北市立松山高級中學")
    d = parse(text)
    assert (d["doc_type"], d["subject"], d["date"]["iso"], d["dispatch_no"]["text"]) == (
        "開會通知單", "學生議會1122屆第三次臨時會議", "2024-06-04", "松議字第1122011007號")
    assert d["meeting"]["start"] == "2024-06-06T12:10"
    assert d["meeting"]["place"] == "視聽大樓一樓大講堂（6月6日）行政大樓三樓大會議廳（6月7日）"
    assert d["meeting"]["chair"] == "1122議長王○○(211)"
    assert d["meeting"]["attendees"] == [{"name": "學生議員", "with_attachments": False}]
    assert d["contact"]["name"] == "李○○"
    assert d["attachments"] == []
    assert [s["name"] for s in d["sections"]] == ["會議議程", "備註"]


def test_meeting_labels_inside_a_letters_item_stay_text_where_no_two_meeting_marks_are_there():
    text = ("臺南市政府 函 受文者：本市各國民小學 發文日期：中華民國113年3月4日 發文字號：府教字第1130012345號 "
            "主旨：檢送研習實施計畫1份，請查照。 說明： 一、研習地點：本局三樓會議室 主持人：本局局長。 二、請派員參加。")
    d = parse(text)
    assert d["doc_type"] == "函"
    assert [i["text"] for i in d["sections"][0]["items"]] == ["研習地點：本局三樓會議室主持人：本局局長。", "請派員參加。"]


def test_the_margins_three_glyphs_run_onto_the_page_text_are_no_part_of_the_issuer():
    d = parse(one_line("x9-sssh-council-third-extraordinary-notice-113"))
    assert d["issuer"] == "臺北市立松山高級中學學生議會"


HEAD_ON_ONE_LINE = ("檔　　號: 保存年限: 臺南市政府秘書處　函 地址：708201臺南市安平區永華路2段6號 承辦人：陳怡如 "
                    "電話：06-3901104 傳真：06-2982354 電子信箱：yiru0901@mail.tainan.gov.tw 受文者：如行文單位 裝 "
                    "發文日期：中華民國110年12月23日 發文字號：南市秘文字第1101558063號 速別：普通件 "
                    "密等及解密條件或保密期限： 附件：\n主旨：檢附用印格式供各局處參考，請查照並轉知所屬。\n說明：依本府規定辦理。\n")


def test_a_contact_name_ending_in_ru_keeps_the_phone_label_after_it():
    d = parse(HEAD_ON_ONE_LINE)
    assert d["contact"] == {"name": "陳怡如", "unit": None, "phone": "06-3901104", "fax": "06-2982354",
                            "email": "yiru0901@mail.tainan.gov.tw"}


def test_a_binding_glyph_set_apart_between_a_value_and_the_next_label_is_dropped():
    d = parse(HEAD_ON_ONE_LINE)
    assert d["recipient"] == "如行文單位"
    assert (d["issuer"], d["date"]["iso"], d["dispatch_no"]["text"]) == (
        "臺南市政府秘書處", "2021-12-23", "南市秘文字第1101558063號")


def test_a_gazette_note_after_the_date_line_run_onto_the_number_is_no_part_of_it():
    d = parse("行政院自由貿易港區協調委員會函 中華民國94年5月19日（補登） 經協字第0940000819號 "
              "主　　旨：有關「本國勞工」之範疇，釋如說明，復請　查照並轉知所屬。\n說　　明：復　貴會94年2月14日函。\n")
    assert d["dispatch_no"]["text"] == "經協字第0940000819號"
    assert (d["dispatch_no"]["word"], d["dispatch_no"]["year"]) == ("經協", 94)
    assert d["date"]["iso"] == "2005-05-19"


def test_a_phrase_pointing_at_what_follows_still_holds_its_label_word():
    d = parse(HEAD_ON_ONE_LINE.replace("說明：依本府規定辦理。", "說明：相關資料詳如以下附件：用印格式1份。"))
    assert d["attachments"] == []


def test_a_dotted_binding_line_run_onto_the_head_is_dropped_but_a_dot_in_an_address_or_after_a_number_stays():
    text = one_line("zy-klcg-council-reply-port-plaza-111")  # a council's minutes printing the city's reply letter
    assert ". .    受文者:基隆市議會 . . ." in text
    d = parse(text)
    assert (d["file_no"], d["doc_type"], d["issuer"], d["recipient"], d["address"]) == (
        None, "函", "基隆市政府", "基隆市議會", "202201基隆市中正區義一路1號")
    d = parse("臺北市政府 函 受文者：本市各國民小學 電子信箱：chenjh@kcg. gov. tw 發文日期：中華民國113年3月4日 "
              "發文字號：府教字第1130012345號\n主旨：請查照。\n說明：\n1 . 依據本府規定辦理。\n2 . 請派員參加。\n")
    assert d["contact"]["email"] == "chenjh@kcg.gov.tw"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["1", "2"]


def test_a_letters_item_naming_a_meetings_time_and_place_stays_whole():
    d = parse("臺南市政府 函\n受文者：本市各國民中學\n發文日期：中華民國113年3月4日\n發文字號：府教字第1130012345號\n"
              "主旨：召開113年度校長會議，請派員出席。\n說明：\n"
              "一、開會時間：113年3月20日上午9時 開會地點：本府301會議室 備註：請攜帶資料 附件：議程1份\n二、請準時出席。\n"
              "正本：本市各國民中學\n副本：本府教育局\n市長 黃偉哲\n")
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]
    assert (d["cc_main"][0]["name"], d["cc_copy"][0]["name"], d["signature"]) == ("本市各國民中學", "本府教育局", "市長 黃偉哲")


def test_a_words_last_character_that_is_a_binding_glyph_stays_before_the_next_label():
    d = parse(HEAD_ON_ONE_LINE.replace("受文者：如行文單位 裝 ", "受文者：臺北大眾捷運股份有限公司淡水信義線 "))
    assert d["recipient"] == "臺北大眾捷運股份有限公司淡水信義線"


def test_dots_after_a_letter_or_a_bracketed_number_or_inside_a_web_address_stay():
    from pipeline.parse.clean import strip_margin_marks
    assert [strip_margin_marks(line) for line in ("A . 依據本府規定", "(1) . 依據本府規定", "www . gov . tw")] == [
        "A . 依據本府規定", "(1) . 依據本府規定", "www . gov . tw"]


def test_a_board_row_run_onto_a_head_on_one_line_leaves_the_letters_head_rows():
    d = parse("本署公告 公告修正「包裝食品營養標示應遵行事項」,並自即日生效 | 發布日期:2019-11-07 | 更新日期:2019-11-11 "
              "發布單位:食品組 發文機關:衛生福利部 發文日期:中華民國108年11月7日 發文字號:衛授食字第1081302633 號\n"
              "主旨:修正「包裝食品營養標示應遵行事項」,並自即日生效。\n依據:食品安全衛生管理法第二十二條第三項。\n"
              "公告事項:修正「包裝食品營養標示應遵行事項」。\n")
    assert (d["issuer"], d["date"]["iso"], d["dispatch_no"]["text"]) == ("衛生福利部", "2019-11-07", "衛授食字第1081302633號")


def test_a_title_and_name_after_a_latin_word_that_is_no_address_or_number_are_no_signature():
    from pipeline.parse.signature import after_last_sentence
    assert after_last_sentence("a" * 200_000 + "局長王大明") == ("a" * 200_000 + "局長王大明", None)  # (a long run: a scan)
    assert after_last_sentence("請洽 ab@cd.tw局長王大明") == ("請洽 ab@cd.tw", "局長 王大明")
