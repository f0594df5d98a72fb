"""附件 rows and 副本 notes found by session 20's blind rounds (tests/data/real: r1-…, r4-…, r6- stems): exchange
files set apart by spaces, numbered 附件 labels after the body, and a unit's note in brackets after a 副本 entry. Each
input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

HEAD = "新北市立中和國民小學 函\n發文日期：中華民國112年3月1日\n發文字號：新北中小教字第1120000123號\n"


def test_exchange_files_set_apart_by_spaces_in_the_bracket_are_a_file_each():
    text = (HEAD + "附件：如主旨 (215_ATTACH1.pdf 215_ATTACH2.odt 215_ATTACH3.ods)\n"
            "主旨：檢送本市英語檢定獎勵計畫，請查照。\n說明：依據本局計畫辦理。\n")
    record = parse(text)
    assert [(a["title"], a["file"]) for a in record["attachments"]] == [
        (None, "215_ATTACH1.pdf"), (None, "215_ATTACH2.odt"), (None, "215_ATTACH3.ods")]


def test_exchange_files_set_apart_by_spaces_keep_the_title_before_the_bracket():
    text = HEAD + "附件：報名表 (88_ATTACH1.docx 88_ATTACH2.pdf)\n主旨：檢送報名表，請查照。\n"
    record = parse(text)
    assert [(a["title"], a["file"]) for a in record["attachments"]] == [
        ("報名表", "88_ATTACH1.docx"), (None, "88_ATTACH2.pdf")]


def test_a_numbered_attachment_label_after_the_body_keeps_its_number_out_of_the_title():
    text = ("主旨：所報修正後之「作業要點範本」（如附件一、二），准予備查，請查照。\n說明：依貴會來函辦理。\n"
            "正本：中華民國某某商業同業公會\n副本：某某部、某某局（均含附件）\n"
            "附件 一:修正後之「作業要點」範本 96 年 3 月\n一、為落實法令規定，特訂定本範本。\n")
    record = parse(HEAD + text)
    assert [a["title"] for a in record["attachments"]] == ["修正後之「作業要點」範本96年3月"]


def test_attachment_labels_numbered_without_a_space_are_attachments_each():
    text = ("主旨：檢送範本及問卷（如附件一、二），請查照。\n說明：依貴會來函辦理。\n正本：中華民國某某商業同業公會\n"
            "副本：某某部\n附件一：修正後之範本\n附件二：新訂之問卷範本\n")
    record = parse(HEAD + text)
    assert [a["title"] for a in record["attachments"]] == ["修正後之範本", "新訂之問卷範本"]
    assert [c["name"] for c in record["cc_copy"]] == ["某某部"]


def test_a_bracket_naming_a_unit_and_an_instruction_after_a_copy_entry_is_a_note():
    text = ("主旨：修正本縣某某要點，請查照。\n正本：嘉義縣某某鄉公所\n"
            "副本：嘉義縣政府財政處、嘉義縣政府行政處(法務科含word光碟)、嘉義縣政府行政處(文書科 請刊\n"
            "登公報並含word光碟)、嘉義縣政府人事處(考訓科含附件)、教育部(高教司)\n")
    record = parse(HEAD + text)
    assert [(c["name"], c["with_attachments"]) for c in record["cc_copy"]] == [
        ("嘉義縣政府財政處", False), ("嘉義縣政府行政處", False), ("嘉義縣政府行政處", False),
        ("嘉義縣政府人事處", True), ("教育部（高教司）", False)]
