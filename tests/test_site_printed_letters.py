"""Letters as sites re-publish them (tests/data/real, f- and c- stems): a letter's table printed as text with 「|」
cell borders, exchange file names with 「_」 between the agency code and the number, a 承辦人 written with the job
title before the name, an issuer given a short name in brackets before the date, a 公告's fields printed as headings,
and a gazette template's echo after the 公告事項 label."""
from __future__ import annotations

from pathlib import Path

from pipeline.parse.attachment_list import code_from_files, is_pointer, parse_attachments
from pipeline.parse.clean import normalise_line
from pipeline.parse.contact import without_job_title
from pipeline.parse.dispatch import parse_dispatch_no
from pipeline.parse.references import find_references

from parse_text import parse

REAL = Path(__file__).parent / "data" / "real"


def real(stem: str) -> str:
    return (REAL / f"{stem}.txt").read_text(encoding="utf-8")


def test_table_printed_letter_reads_whole():
    d = parse(real("f-tycg-hakka-exam-dates-letter-113"))
    assert (d["issuer"], d["doc_type"], d["speed"], d["issuer_code"]) == ("桃園市政府", "函", "普通件", "376736500A")
    assert (d["date"]["roc"], d["dispatch_no"]["text"]) == ("113年11月4日", "府客文字第1130309316號")
    assert d["subject"].startswith("函轉客家委員會「114年度客語能力各級認證日程表」1份")
    assert d["contact"]["name"] == "林怡君"
    assert [(a["title"], a["file"]) for a in d["attachments"]] == [
        (None, "376736500A_1130309316_ATTACH1.pdf"), (None, "376736500A_1130309316_ATTACH2.pdf")]
    assert [(r["issuer"], r["dispatch_no"]["text"]) for r in d["references"]] == [("客家委員會", "客會語字第11367009801號")]
    assert d["references"][0]["text"].startswith("客家委員會（下稱客委會）113年11月1日")


def test_cell_border_after_a_label_or_marker_is_no_text():
    assert normalise_line("速別: | 普通件 |") == "速別：普通件"
    assert normalise_line("一、 | 依據客家委員會113年11月1日函辦理。 |") == "一、依據客家委員會113年11月1日函辦理。"


def test_attachment_pointer_names_no_title():
    assert is_pointer("如說明五") and is_pointer("如主旨") and not is_pointer("報名表")
    listed = parse_attachments("如說明五 (376736500A_1130309316_ATTACH1.pdf、376736500A_1130309316_ATTACH2.pdf)")
    assert [a.title for a in listed] == [None, None]
    assert code_from_files(listed, parse_dispatch_no("府客文字第1130309316號")) == "376736500A"


def test_job_title_before_the_name():
    assert without_job_title("書記林怡君") == "林怡君"
    assert without_job_title("科員 王小明") == "王小明"
    assert without_job_title("林怡君") == "林怡君"
    assert without_job_title("書記室") == "書記室"  # no name after it


def test_issuer_short_name_in_brackets_before_the_date():
    refs = find_references("依據教育部（以下簡稱本部）112年3月23日臺教師(三)字第1122600652號函辦理。")
    assert [(r.issuer, r.dispatch_no.number) for r in refs] == [("教育部", "1122600652")]


def test_fields_printed_as_headings():
    d = parse(real("f-yunlin-station-north-hearing-notice-105"))
    assert (d["doc_type"], d["dispatch_no"]["text"], d["date"]) == ("公告", "府工程二字第1053312080B號", None)
    assert [(s["name"], s["text"], len(s["items"])) for s in d["sections"]] == [
        ("依據", "土地徵收條例第十條第二項", 0), ("公告事項", "", 3)]


def test_gazette_template_echo_after_the_label():
    for stem, first in (("f-yunlin-south-road-hearing-notice-104", "事由：說明「站區南側道路改善工程」"),
                        ("c-yunlin-road-hearing-notice-113", "事由：說明「雲65線")):
        d = parse(real(stem))
        assert d["doc_type"] == "公告"
        assert [s["name"] for s in d["sections"]] == ["依據", "公告事項"]
        assert d["sections"][1]["items"][0]["text"].startswith(first)
        assert d["subject"].endswith("公聽會。")


def test_notice_title_naming_its_meeting_gives_the_issuer():
    d = parse(real("e-tyc-lsps-school-council-meeting-notice-112"))
    assert (d["issuer"], d["doc_type"], d["subject"]) == ("桃園市龍星國小", "開會通知單", "111學年度下學期期末校務會議")
    assert (d["meeting"]["place"], d["meeting"]["start"]) == ("大會議室", "2023-06-21T13:30")
    assert [s["name"] for s in d["sections"]] == ["提醒事項"]
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二"]


def test_meeting_name_only_between_issuer_and_a_notice():
    from pipeline.parse.title_line import find_title
    assert find_title("臺北市政府教育局都市計畫委員會開會通知單")[0] == "臺北市政府教育局都市計畫委員會"  # an agency whole
    assert find_title("桃園市龍星國小校務會議函")[0] is None  # a 函's title names no meeting


def test_signature_of_a_head_who_cannot_act_with_a_deputy_acting():
    from pipeline.parse.signature import as_signature
    d = parse(real("c-moenv-sixth-naphtha-order-114"))
    assert d["signature"] == "部長 彭啟明"
    assert d["subject"] == "修正「環境部六輕相關計畫環境影響評估審查結論執行監督委員會設置要點」第四點、第五點，並自即日生效。"
    assert as_signature("部 長 彭啟明 出國") == "部長 彭啟明"
    assert as_signature("縣長 王出國") == "縣長 王出國"  # a short line: the name itself


def test_site_name_after_the_region_anchor_and_section_heading_are_no_headline():
    """A school site's template opens with the accessibility anchor and the site's name 「::: 臺北市大安國民小學」, then
    its section heading (「公告資訊」, 「處室公告」) over the post's headline: neither is part of the headline."""
    d = parse(real("d-taes-tp-disaster-day-114"))
    assert d["sections"][0]["name"] == "本文"
    assert d["sections"][0]["text"] == "114年國家防災日-全民地震避難演練暨防災宣導活動"
    d = parse(real("d-ccjh-tp-china-brand-products-112"))
    assert d["sections"][0]["text"] == "重申公務用資通訊產品（含軟體、硬體及服務）不得使用大陸廠牌"
    made_up = "::: 臺中市政府 函\n主旨：請查照。\n說明：依據本府113年1月2日府授字第1130000001號函辦理。\n"
    assert parse(made_up)["issuer"] == "臺中市政府"  # a title line after the anchor is the letter's


def test_a_pinned_post_reporting_on_a_plan_is_no_plan_title():
    """A school site's pinned post over the page (「南華國小114學年度課程計畫已於…府教課字第…號通過備查」) names a 計畫
    but reports on it, a 發文字號 in the line: the relayed letter's items under it keep the page a letter."""
    d = parse(real("d-nhps-hlc-menstrual-leave-108"))
    assert d["schema"] == "gongwen/letter@3"
    assert [i["marker"] for i in d["sections"][0]["items"]] == ["一", "二", "三", "四", "五"]
    assert [r["dispatch_no"]["text"] for r in d["references"]] == ["府人訓字第1080012300號"]


def test_a_notice_s_title_over_two_lines_names_its_issuer_and_type():
    d = parse(real("e-tyc-nljh-school-council-time-notice-109"))
    assert (d["issuer"], d["doc_type"]) == ("桃園市立內壢國中", "公告")
    assert d["sections"][0]["text"] == ""  # what it announces is its title, no headline
    banner = "網站導覽\n高雄管理處\n高雄管理處\n113年第二期作曹公灌區7日制輪灌公告\n依據：農田灌溉排水管理辦法第五條規定辦理。\n"
    assert parse(banner)["issuer"] is None  # a site's banner further down is no title line


def test_lines_after_the_last_sentence_that_end_none_are_the_page_s():
    """A site's sidebar headlines or a map's title under the letter's last item end no sentence: no part of it."""
    d = parse(real("o-cies-tyc-traffic-painting-contest-relay-108"))
    assert d["sections"][-1]["items"][-1]["text"].endswith("(http://www.chun-ching.org.tw)。")
    d = parse(real("p-caa-songshan-north-hearing-form-100"))
    assert d["sections"][-1]["items"][-1]["text"] == "響應環保，參加人員請自備環保杯。"
    wrapped = "主旨：請查照。\n說明：\n一、依據本府函辦理。\n二、請於10月1日前將報名表傳送至本府教育處，逾期\n恕不受理\n"
    assert parse(wrapped)["sections"][0]["items"][1]["text"].endswith("逾期恕不受理")  # a wrap, no sentence ended
