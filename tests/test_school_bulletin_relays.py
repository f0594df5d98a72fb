"""Letters as school sites relay them (tests/data/real, g- stems): the post header of 彰化縣 schools' sites around a
主旨 printed as the post's title, a bulletin's square bullet before the 主旨, spaces a page leaves just inside
brackets, and a cited letter whose date is misprinted (「114年1日8日」) but whose 發文字號 stands."""
from __future__ import annotations

from pathlib import Path

from pipeline.parse.clean import normalise_line, normalise_text
from pipeline.parse.references import find_references

from parse_text import parse

REAL = Path(__file__).parent / "data" / "real"


def real(stem: str) -> str:
    return (REAL / f"{stem}.txt").read_text(encoding="utf-8")


def test_school_site_post_header_is_furniture_and_the_title_is_the_subject():
    d = parse(real("g-djps-chc-firearm-relay-113"))
    assert d["subject"].startswith("函轉近日各警察機關查獲大陸地區進口之商品「穿雲箭」，")
    assert d["subject"].endswith("確保校園安全，請查照。")
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三", "四"]
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["臺教國署學字第1130125261號"]


def test_post_title_without_a_sentence_end_stays_out_of_the_subject():
    d = parse(real("d-dtes-chc-dengue-relay-114"))  # 「【轉知】縣府登革熱流行防治宣導」: a headline, no 主旨
    assert d["subject"] is None
    assert d["sections"][0]["items"][0]["text"].startswith("依據教育部國民及學前教育署114年9月1日")


def test_square_bullet_before_the_subject_is_no_text():
    d = parse(real("g-cshps-hlc-crossing-safety-relay-109"))
    assert d["subject"] == "配合「9月1日路口安全大執法」，透過學校網站及校園公佈欄等宣導路口安全觀念。"
    assert normalise_text("■配合「路口安全」宣導。")[0] == "配合「路口安全」宣導。"


def test_no_space_just_inside_brackets():
    d = parse(real("g-cshps-hlc-crossing-safety-relay-109"))
    assert d["sections"][0]["items"][3]["text"] == "相關宣導素材可逕交通安全入口網(http://168.motc.gov.tw/)下載運用。"
    assert normalise_line("電話:(02) 2772-1370") == "電話：(02) 2772-1370"  # a space outside the brackets stays


def test_misprinted_date_is_not_part_of_the_word():
    d = parse(real("g-hlc-moea-power-contract-relay-114"))
    (ref,) = d["references"]
    assert (ref["issuer"], ref["kind"], ref["date"]) == ("教育部", "書函", None)
    assert (ref["dispatch_no"]["word"], ref["dispatch_no"]["number"]) == ("臺教資(六)", "1140000519")
    (well,) = find_references("依據教育部114年1月8日臺教資（六）字第1140000519號書函辦理。")
    assert (well.date.iso, well.dispatch_no.word) == ("2025-01-08", "臺教資(六)")


def test_date_whose_marks_a_page_lost_is_not_part_of_the_word():
    d = parse(real("g-tainan-xuejia-road-hearing-minutes-notice-109"))
    assert (d["doc_type"], [s["name"] for s in d["sections"]]) == ("公告", ["依據", "公告事項"])
    (ref,) = d["references"]
    assert (ref["issuer"], ref["kind"], ref["date"], ref["dispatch_no"]["text"]) == ("內政部", "令", None, "台內地字第0990257693號")


def test_word_of_a_letter_issued_on_authority_opens_with_the_authority():
    d = parse(real("g-ndc-archives-letter-109-1090022610"))  # 「國發會檔案管理局院授發檔(資)字第…號函」
    assert (d["issuer"], d["dispatch_no"]["word"], d["date"]["roc"]) == ("國發會檔案管理局", "院授發檔(資)", "109年12月3日")
    assert d["subject"].endswith("第十八點附錄10，自即日生效")  # the amended points under 「修正內容」 are in no field
    assert parse(real("f-ey-ndc-letter-103-1031500183"))["dispatch_no"]["word"] == "院授發資"


def test_joined_citations_share_the_kind_written_once():
    d = parse(real("d-arch-taipei-ud-farmhouse-relay-114"))  # 「依農業部113年42月19日…號及本府產業發展局…號函辦理」
    assert [(r["text"], r["kind"], r["date"] and r["date"]["iso"]) for r in d["references"]] == [
        ("農業部113年42月19日農農保字第1132607835號", "函", None),  # 42月: misprinted, no date
        ("本府產業發展局113年12月24日北市產業農字第1130158919號函", "函", "2024-12-24")]
    assert d["references"][0]["dispatch_no"]["text"] == "農農保字第1132607835號"


def test_joint_entry_whose_second_issuer_signed_on_another_day():
    d = parse(real("g-judicial-yuan-ey-joint-order-69-03522"))  # 「…院臺人字第03522號、10月24日行政院臺法字第12323號令會銜…」
    assert (d["issuer"], d["doc_type"], d["date"]["roc"], d["dispatch_no"]["text"]) == (
        "司法院", "令", "69年10月20日", "院臺人字第03522號")
    assert [(c["issuer"], c["dispatch_no"]["text"]) for c in d["co_issuers"]] == [("行政院", "臺法字第12323號")]
    assert (d["subject"], d["references"], d["sections"]) == ("會銜修正發布全文十一條", [], [])


def test_regulation_printed_under_its_history_entry_is_in_no_field():
    d = parse(real("g-judicial-yuan-notary-rules-letter-94-0940011440"))
    assert (d["issuer"], d["dispatch_no"]["word"], d["date"]["iso"]) == ("司法院", "院台廳民三", "2005-05-26")
    assert d["subject"] == "修正發布第49條條文之附式三（含附式三之一、附式三之三）"
    assert d["sections"] == []  # 「第三章…第19條…」 is the regulation; 「通用類」, 「…非現行版本」 the database's


def test_whole_county_letter_posted_by_a_school_with_a_seconded_teacher_as_contact():
    d = parse(real("g-elps-chc-student-council-seat-letter-114"))
    assert (d["issuer"], d["doc_type"], d["recipient"], d["dispatch_no"]["text"]) == (
        "彰化縣政府", "函", "彰化縣二林鎮二林國民小學", "府教學字第1140265889號")
    assert d["contact"]["name"] == "陳思妤"  # 「承辦人:調府教師 陳思妤」: a teacher seconded to the county
    assert d["subject"] == "請貴校於校務會議時邀請學生代表列席案，請查照。"
    assert [c["name"] for c in d["cc_main"]] == ["本縣各縣立高中", "本縣各國民中學", "本縣各國民小學"]
    assert [c["name"] for c in d["cc_copy"]] == ["本府教育處"]
