"""Conventions found by blind rounds ZJ, ZK and ZL (tests/data/real, zj-/zk-/zl- stems: relayed posts of township
offices, schools, associations and a forum; agencies' law pages; letters kept in public repositories — measured
before the parser knew them). Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

FIELD_TABLE_POST = """校園公告
公告主旨 | 轉知教育部有關校園食品安全宣導事項。 |
---|---|
發佈日期 | 2021 年 4 月 8 日 |
發佈單位 | 學務處 |
點閱次數 | 312 |
公告內容 | 轉知教育部有關校園食品安全宣導事項。 請各處室配合宣導,並於午餐時間加強巡查。 |
相關附件 |
"""

FORUM_POST = """金門資訊網 » 新聞、布告 » 社區佈告 http://example.idv.tw
主題: 金門縣農會 公告
作者: 金門縣農會 < > 發表時間: 2023-05-02
一、依據行政院農業委員會防檢局通報,鄰近國家發生禽流感疫情。
二、請會員加強禽舍消毒並落實門禁管制。
服務條款      內容政策      隱私權聲明      著作權聲明       站長信箱
"""

ON_BEHALF = """跳到主要內容區塊
進階搜尋
公告訊息
代臺東縣政府公告
發布日期:112/11/02
函轉交通部有關冬季道路安全宣導事項:
為維護冬季行車安全,請加強轄內道路巡查及相關宣導,請查照。
最後更新日期:112/11/02
"""


def test_a_sites_field_table_saved_as_text_gives_its_fields_and_text():
    d = parse(FIELD_TABLE_POST)
    assert d["complete"] is False and d["subject"] is None and d["date"] is None
    assert d["sections"] == [{"name": "本文", "items": [], "text": "轉知教育部有關校園食品安全宣導事項。請各處室配合宣導，並於"
                                                                 "午餐時間加強巡查。"}]


def test_a_forums_breadcrumb_post_fields_and_footer_links_enter_no_field():
    d = parse(FORUM_POST)
    assert (d["issuer"], d["doc_type"], d["signature"]) == ("金門縣農會", "公告", None)
    assert d["sections"][0]["text"] == ""
    assert [i["text"] for i in d["sections"][0]["items"]] == [
        "依據行政院農業委員會防檢局通報，鄰近國家發生禽流感疫情。", "請會員加強禽舍消毒並落實門禁管制。"]


def test_a_notice_posted_on_another_agencys_behalf_is_that_agencys():
    d = parse(ON_BEHALF)
    assert (d["issuer"], d["doc_type"]) == ("臺東縣政府", "公告")
    assert d["sections"][0]["text"] == ("函轉交通部有關冬季道路安全宣導事項：為維護冬季行車安全，請加強轄內道路巡查及相關宣導，"
                                        "請查照。")


def test_a_post_date_run_onto_the_first_line_of_the_text_is_split_from_it():
    d = parse(ON_BEHALF.replace("發布日期:112/11/02\n", "發布日期:112/11/02"))
    assert d["sections"][0]["text"].startswith("函轉交通部有關冬季道路安全宣導事項：")
    assert d["date"] is None


def test_a_short_note_after_a_post_date_stays_with_the_note():
    d = parse(ON_BEHALF.replace("發布日期:112/11/02\n", "發布日期:112/11/02 點閱:170\n"))
    assert "點閱" not in d["sections"][0]["text"]
