"""附件 lists as letters print them: titles numbered as items on lines of their own (blind round R)."""
from pipeline.blocks import PARAGRAPH, Block
from pipeline.parse.attachment_list import parse_attachments
from pipeline.parse.letter import blocks_to_letter


def test_numbered_titles_are_one_attachment_an_item_with_their_own_commas():
    titles = [a.title for a in parse_attachments(
        "一、會計師辦理不動產估價報告合理性複核案件管理檔案申報表。(P.4)\n"
        "二、進修時數、認可辦理單位與認定期間及折抵標準一覽表(P.5)")]
    assert titles == ["會計師辦理不動產估價報告合理性複核案件管理檔案申報表。(P.4)",
                      "進修時數、認可辦理單位與認定期間及折抵標準一覽表(P.5)"]


def test_a_list_on_one_line_still_splits_at_its_commas():
    assert [a.title for a in parse_attachments("報名表1份、海報3張")] == ["報名表1份", "海報3張"]


def test_a_federation_letter_lists_its_two_numbered_attachments_under_the_label():
    lines = ["社團法人中華民國會計師公會全國聯合會 函", "受文者:全體會計師", "發文日期:中華民國104年1月26日",
             "發文字號:全聯會字第1040065號", "速別:普通件", "附件:",
             "一、本會建置「不動產估價報告合理性複核案件」管理檔案申報表。(P.4)",
             "二、本會辦理管理複核案件之進修時數、認可辦理單位與認定期間及折抵標準一覽表(P.5)",
             "主旨:關於會計師辦理不動產估價報告合理性複核案件,請查照。", "說明:依金管會函辦理。"]
    letter = blocks_to_letter([Block(PARAGRAPH, t) for t in lines])
    assert [a.title for a in letter.attachments] == [
        "本會建置「不動產估價報告合理性複核案件」管理檔案申報表。(P.4)",
        "本會辦理管理複核案件之進修時數、認可辦理單位與認定期間及折抵標準一覽表(P.5)"]
    assert letter.dispatch_no.text == "全聯會字第1040065號"
