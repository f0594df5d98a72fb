"""An independent review of session 21's rules (tests/test_blind_rounds_m.py) tried them on realistic inputs where they
should not fire; each input below is one it found, with what the letter says kept."""
from __future__ import annotations

import pytest

from parse_text import parse
from pipeline.errors import InputError

ITEMS = "\n二、報名期限至113年10月31日止。\n三、得獎作品將於本館網站公布,請各校轉知所屬學生踴躍參加。\n"


def test_a_sentence_about_who_provides_photos_is_the_letters():
    record = parse("主旨:函轉攝影比賽簡章,請查照。\n說明:\n一、參賽作品以數位檔案上傳至活動網站。照片提供者應為作品之著作權人,"
                   "並同意授權本府無償使用。" + ITEMS)
    assert record["sections"][0]["items"][0]["text"] == ("參賽作品以數位檔案上傳至活動網站。照片提供者應為作品之著作權人，"
                                                         "並同意授權本府無償使用。")


def test_a_sentence_about_photos_run_together_keeps_the_items_after_it():
    record = parse("主旨:函轉攝影比賽簡章,請查照。 說明:一、參賽作品以數位檔案上傳。照片提供者須為作品著作權人。二、報名期限至113年"
                   "10月31日止。三、得獎作品將於本館網站公布。")
    assert [i["marker"] for i in record["sections"][0]["items"]] == ["一", "二", "三"]


def test_a_letter_above_a_footer_anchor_is_kept():
    record = parse("轉知教育部113年度學生校外教學注意事項\n一、依據教育部113年3月5日臺教學(五)字第1130023456號函辦理\n"
                   "二、活動前應勘查場地並投保旅遊平安保險\n三、請於出發前5日將活動計畫送學務處備查\n:::\n"
                   "隱私權政策 | 資訊安全政策 | 網站導覽\n地址：40151臺中市東區進德路600號 電話：04-22111111\n"
                   "建議使用Chrome或Edge瀏覽器，最佳瀏覽解析度為1920x1080。\n")
    assert [i["marker"] for i in record["sections"][0]["items"]] == ["一", "二", "三"]
    assert record["references"][0]["dispatch_no"]["text"] == "臺教學(五)字第1130023456號"


def test_a_table_in_a_letter_keeps_values_printed_twice():
    record = parse("主旨:檢送家長日活動流程,請查照。\n說明:\n一、各班流程如下：\n上午\n下午\n班級座談會議\n班級座談會議\n"
                   "二、請導師準時出席。\n")
    assert record["sections"][0]["items"][0]["text"] == "各班流程如下：上午下午班級座談會議班級座談會議"


def test_a_sentence_naming_who_received_a_letter_gives_no_head():
    record = parse("本處接獲教育部113年11月7日臺教資通字第1130105433號來文 請各班導師宣導學生注意網路帳號安全,勿將密碼告知他人,"
                   "以免個資外洩。")
    assert (record["issuer"], record["date"], record["dispatch_no"]) == (None, None, None)


def test_a_chat_message_passed_on_is_no_letter():
    with pytest.raises(InputError):
        parse("學務處 | 2024-05-04 | 點閱數: 52\n轉傳家長群組訊息如下：\n近日有詐騙集團假冒銀行客服，以電話通知民眾帳戶遭盜用，"
              "要求至ATM操作解除分期設定，請大家提高警覺。\n")


def test_a_total_row_in_a_letter_is_no_visit_counter():
    record = parse("主旨:檢送本市各機關預算執行數,請查照。\n說明:\n一、各機關執行數如下：\n總計：\n新臺幣3億2,456萬元\n"
                   "二、請各機關依限辦理。\n")
    assert record["sections"][0]["items"][0]["text"] == "各機關執行數如下：總計：新臺幣3億2,456萬元"


def test_a_sentence_opening_with_related_notice_is_the_letters():
    record = parse("主旨:公告本年度比賽得獎名單,請查照。\n說明:\n一、得獎名單詳如附件。\n相關公告：得獎名單另以附件公告。\n")
    assert record["sections"][0]["items"][0]["text"] == "得獎名單詳如附件。相關公告：得獎名單另以附件公告。"


def test_a_file_names_date_after_an_underscore_stays():
    record = parse("主旨:檢送會議紀錄,請查照。\n附件：會議簽到表_113.5.20\n說明:依據本府113年5月20日會議辦理。\n")
    assert [a["title"] for a in record["attachments"]] == ["會議簽到表_113.5.20"]
