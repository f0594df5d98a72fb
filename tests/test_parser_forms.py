"""Forms found by review on letters the corpora do not hold: each asserts the parsed values."""
from pipeline.blocks import PARAGRAPH, TABLE, Block
from pipeline.parse.dates import find_periods
from pipeline.parse.contact import join_email
from pipeline.parse.letter import blocks_to_letter
from pipeline.parse.recipients import split_recipients
from pipeline.parse.references import find_references


def test_period_ending_in_the_same_year_written_as_tong_nian():
    (period,), warnings = find_periods("自113年7月1日起至同年12月31日止")
    assert (period.from_, period.to, period.days) == ("2024-07-01", "2024-12-31", 184) and warnings == []


def test_period_without_an_end_year_runs_into_the_next_year():
    (period,), _ = find_periods("113年12月25日至1月5日辦理")
    assert (period.from_, period.to, period.days) == ("2024-12-25", "2025-01-05", 12)


def test_jun_han_fu_jian_flags_every_entry():
    entries = split_recipients("本縣甲鄉公所、本縣乙鎮公所（均含附件）")
    assert [(e.name, e.with_attachments) for e in entries] == [("本縣甲鄉公所", True), ("本縣乙鎮公所", True)]


def test_number_written_after_the_kind_in_brackets():
    (ref,) = find_references("檢送本部111年8月8日開會通知單（台內營字第1110800004號）", "如正本", "內政部")
    assert (ref.issuer, ref.issuer_from, ref.kind, ref.dispatch_no.text) == (
        "內政部", "本部", "開會通知單", "台內營字第1110800004號")


def test_gui_fu_is_not_resolved_to_an_unnamed_recipient():
    (ref,) = find_references("復貴府112年1月3日府建字第1120000001號函", "如正本", "內政部")
    assert (ref.issuer, ref.issuer_from) == (None, "貴府")


def test_request_verb_before_ben_fu():
    (ref,) = find_references("請依本府112年1月3日府建字第1120000001號函辦理。", "如正本", "臺中市政府")
    assert (ref.text, ref.issuer) == ("本府112年1月3日府建字第1120000001號函", "臺中市政府")


def test_email_with_its_local_part_wrapped():
    assert join_email("mjhsieh\n1002@cdc.gov.\ntw") == "mjhsieh1002@cdc.gov.tw"
    assert join_email("06-2757575#50123\nz10500123@email.ncku.edu.tw").split("\n") == [
        "06-2757575#50123", "z10500123@email.ncku.edu.tw"]


def test_table_inside_an_item_keeps_its_rows_and_cells():
    lines = ["嘉義市政府 函", "發文日期：中華民國113年2月1日", "發文字號：府教字第1130000001號",
             "主旨：函送科展期程，請查照。", "說明：", "一、本年度辦理期程如下："]
    blocks = [Block(PARAGRAPH, t) for t in lines]
    blocks.append(Block(TABLE, rows=[["日期", "工作項目"], ["113年3月4日至3月8日", "各校網路\n報名"]]))
    blocks.append(Block(PARAGRAPH, "二、逾期不受理。"))
    letter = blocks_to_letter(blocks)
    first, second = letter.sections[0].items
    assert first.text == "本年度辦理期程如下：\n日期\t工作項目\n113年3月4日至3月8日\t各校網路報名"
    assert second.text == "逾期不受理。"
    assert letter.periods[0].to == "2024-03-08"


def test_title_line_read_after_the_address_block():
    lines = ["檔號：", "保存年限：", "地址：97001花蓮縣花蓮市府前路17號", "承辦人：許明浩", "電話：8222944",
             "電子信箱：zzzrobert@hl.gov.tw", "花蓮縣政府 函", "受文者：花蓮縣萬榮鄉明利國民小學",
             "發文字號：府政行字第1080251637號", "附件：教育部函", "主旨：請查照。"]
    letter = blocks_to_letter([Block(PARAGRAPH, t) for t in lines])
    assert (letter.issuer, letter.doc_type, letter.contact.email) == ("花蓮縣政府", "函", "zzzrobert@hl.gov.tw")
    assert [a.title for a in letter.attachments] == ["教育部函"]  # an 附件 ending in 函 is no title line


def test_ocr_forms_semicolon_label_lost_first_marker_seal_note_and_specks():
    lines = ["苗栗縣政府 函", "發文字號:府教字第1130000001號", "主旨;請查照。 `", "說明;",
             "-、依本府規定辦理。", "二、請於期限內完成。'", "正本:本縣各國民中、小學", "縣長 鍾○○(蓋職章)"]
    letter = blocks_to_letter([Block(PARAGRAPH, t) for t in lines])
    assert letter.subject == "請查照。"
    assert [(i.marker, i.text) for i in letter.sections[0].items] == [("一", "依本府規定辦理。"), ("二", "請於期限內完成。")]
    assert letter.signature == "縣長 鍾○○"
    assert [a.name for a in letter.cc_main] == ["本縣各國民中、小學"]


def test_one_title_a_file_and_a_dotted_binding_line_inside_a_line():
    from pipeline.parse.attachment_list import parse_attachments
    from pipeline.parse.clean import normalise_text
    attachments = parse_attachments("接種通知單及說明書（A0000000001130000001_1_ATTACH1.pdf、A0000000001130000001_1_ATTACH2.pdf）")
    assert [(a.title, a.file) for a in attachments] == [
        ("接種通知單", "A0000000001130000001_1_ATTACH1.pdf"), ("說明書", "A0000000001130000001_1_ATTACH2.pdf")]
    text, _ = normalise_text("新竹市政府　函 第 2 頁，共 2 頁 ┊┊┊┊裝┊┊┊┊訂┊┊┊┊線")
    assert text == "新竹市政府函"
