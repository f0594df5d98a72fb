"""Conventions found by session 20's blind round wave 18 (tests/data/real: n1-…n6- stems). Each input below is written
in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse


def test_a_letter_line_restating_an_earlier_clause_word_for_word_stays():
    text = ("發文字號:\n內政部 110.03.02 台內營字第1100801234號\n發文日期:\n民國 110 年 03 月 02 日\n"
            "主 旨:有關建築物使用執照變更疑義\n說 明:一、略。\n"
            "二、依建築法第 73 條規定,經審查合格後,應由起造人\n"
            ",檢具申請書及相關圖說向主管機關申請變更使用執照\n並經核准。\n"
            "三、綜上,貴府函詢之案件,仍應依上開規定辦理審查\n"
            ",檢具申請書及相關圖說向主管機關申請變更使用執照\n後始得使用。\n")
    items = parse(text)["sections"][0]["items"]
    assert items[1]["text"] == "依建築法第73條規定，經審查合格後，應由起造人，檢具申請書及相關圖說向主管機關申請變更使用執照並經核准。"
    assert items[2]["text"] == "綜上，貴府函詢之案件，仍應依上開規定辦理審查，檢具申請書及相關圖說向主管機關申請變更使用執照後始得使用。"


def test_a_database_row_repeating_the_notices_basis_above_its_subject_is_the_pages():
    text = ("依 據:「漁業法」第十二條。\n公告事項:\n"
            "主 旨:公告漁船船員訓練制度,並自中華民國一百十年一月一日生效。\n"
            "依 據:「漁業法」第十二條。\n"
            "公告事項:漁船船員應完成主管機關認可之訓練課程。\n")
    sections = parse(text)["sections"]
    assert [(s["name"], s["text"]) for s in sections] == [
        ("依據", "「漁業法」第十二條。"), ("公告事項", "漁船船員應完成主管機關認可之訓練課程。")]


def test_a_label_whose_characters_a_web_table_set_in_cells_is_read():
    text = ("主旨:請協助宣導防災演練,請查照。\n說 | 明: | |||||\n"
            "一、 | 依據本府112年3月1日府消字第1120012345號函辦理。 | |||||\n"
            "二、 | 請各單位鼓勵同仁參加。 | |||||\n")
    sections = parse(text)["sections"]
    assert [s["name"] for s in sections] == ["說明"]
    assert [i["text"] for i in sections[0]["items"]] == [
        "依據本府112年3月1日府消字第1120012345號函辦理。", "請各單位鼓勵同仁參加。"]


def test_a_range_whose_first_date_leaves_out_its_day_word_before_the_end_month_is_a_period():
    text = ("主旨:辦理文物研習課程,請查照。\n說明:\n一、時間:108年8月15至8月16日。\n")
    periods = parse(text)["periods"]
    assert [(p["from"], p["to"], p["days"], p["text"]) for p in periods] == [
        ("2019-08-15", "2019-08-16", 2, "108年8月15至8月16日")]


def test_a_township_offices_handling_section_is_the_contact_unit():
    text = ("提案人:○○○\n承辦課室:民政課\n依據111年10月3日花市民字第1110012345號函:\n本所將審慎評估辦理,並請貴代表持續支持。\n")
    assert parse(text)["contact"]["unit"] == "民政課"
