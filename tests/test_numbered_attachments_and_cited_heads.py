"""Blind round R's letters: 附件 numbered as items, a 公告 headed by its own citation line, labels and items a page sets bullets before."""
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


def test_a_notice_under_a_site_heading_that_names_a_rule_is_a_letter_by_its_own_citation_head():
    from pipeline.parse.kind import LETTER, blocks_to_kind
    lines = ["調整遠洋延繩釣漁業總船數限制作業規定列為減船對象漁船名單",
             "中華民國94年5月12日行政院農業委員會農授漁字第0941330985號公告",
             "依據:調整遠洋延繩釣漁業總船數限制作業規定第4點。", "公告事項:",
             "一、本件調整遠洋延繩釣漁業總船數限制作業,列出63艘減船對象漁船,名單詳如附表。",
             "二、利害關係人對於公告內容倘有疑義者,請於公告之日起20日內以書面向本會漁業署提出。"]
    blocks = [Block(PARAGRAPH, t) for t in lines]
    assert blocks_to_kind(blocks) == LETTER
    letter = blocks_to_letter(blocks)
    assert letter.doc_type == "公告"
    assert [s.name for s in letter.sections][-2:] == ["依據", "公告事項"]
    assert len(letter.sections[-1].items) == 2


def test_a_reposted_notice_keeps_labels_and_items_a_page_sets_bullets_before():
    lines = ["●發文日期:中華民國101年04月27日", "●發文字號:北觀野字第1010900112號",
             "●主  旨:公告「野柳地質公園遊客禁止事項」,並自即日生效。", "●依  據:",
             "一、「發展觀光條例」第62條、第64條。", "二、「風景特定區管理規則」第13條、第14條、第22條。", "●公告事項:",
             "◆一、範圍:", "整個野柳地質公園陸域含海域等深線20公尺為範圍。", "◆二、園區內不得有下列行為:",
             "(一) 任意超越園區紅色警戒線。", "(二) 任意碰觸、攀爬天然地景。"]
    letter = blocks_to_letter([Block(PARAGRAPH, t) for t in lines])
    assert letter.dispatch_no.text == "北觀野字第1010900112號"
    assert letter.date.iso == "2012-04-27"
    assert letter.subject == "公告「野柳地質公園遊客禁止事項」，並自即日生效。"
    notice = letter.sections[-1]
    assert notice.name == "公告事項"
    assert [i.text for i in notice.items] == ["範圍：整個野柳地質公園陸域含海域等深線20公尺為範圍。", "園區內不得有下列行為："]
    assert len(notice.items[1].children) == 2


def test_a_bulleted_headline_without_a_label_stays_furniture():
    from pipeline.parse.clean import LIST_BULLET
    assert LIST_BULLET.sub("", "●主  旨:公告") == "主  旨:公告"
    assert LIST_BULLET.sub("", "●營利事業出售不動產應注意所得歸屬年度") == "●營利事業出售不動產應注意所得歸屬年度"


def test_a_rule_site_page_gives_the_notice_its_head_from_the_citation_line_under_its_content_row():
    lines = ["調整遠洋延繩釣漁業總船數限制作業規定列為減船對象漁船名單", "- 修改時間", "- 101年02月29日", "- 點閱率", "- 872",
             "- 內容", "中華民國94年5月12日行政院農業委員會農授漁字第0941330985號公告",
             "依據:調整遠洋延繩釣漁業總船數限制作業規定第4點。", "公告事項:",
             "一、本件調整遠洋延繩釣漁業總船數限制作業,列出63艘減船對象漁船,名單詳如附表。",
             "二、利害關係人對於公告內容倘有疑義者,請於公告之日起20日內以書面向本會漁業署提出。"]
    letter = blocks_to_letter([Block(PARAGRAPH, t) for t in lines])
    assert (letter.doc_type, letter.issuer) == ("公告", "行政院農業委員會")
    assert letter.date.iso == "2005-05-12"  # not the page's 修改時間
    assert letter.dispatch_no.number == "0941330985"
    assert [s.name for s in letter.sections] == ["依據", "公告事項"]
    assert letter.references == []


def test_a_pointer_to_several_items_is_one_pointer_over_every_file():
    # 財政部: 「附件：如說明一、二 (A09000000E_…ATTCH1.pdf、…ATTCH2.pdf)」: the 說明 names both attachments
    found = parse_attachments("如說明一、二 (A09000000E_11225546941_ATTCH1.pdf、A09000000E_11225546941_ATTCH2.pdf)")
    assert [(a.title, a.file) for a in found] == [(None, "A09000000E_11225546941_ATTCH1.pdf"),
                                                   (None, "A09000000E_11225546941_ATTCH2.pdf")]
    assert parse_attachments("如說明三及四") == []  # a pointer with no file names no attachment
    assert [a.title for a in parse_attachments("報名表、海報")] == ["報名表", "海報"]


def test_an_attachment_title_ends_without_the_lines_period():
    assert [a.title for a in parse_attachments("計畫書、計畫圖各1份。")] == ["計畫書", "計畫圖各1份"]
