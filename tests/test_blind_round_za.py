"""Conventions found by blind round ZA (tests/data/real, za- stems: 最高法院's site and a blog reposting its 公告,
中央銀行's law system, park.org's 1995 page of a 內政部 令, a party's 函 on its chairman's blog — measured before the
parser knew them): a law system may print a document's whole citation under its 發文字號 label (中央銀行: 「發文字號:中央
銀行 111年6月16日台央業字第…號公告」): its number is the 發文字號 and its date the 發文日期; a court's site dates its 公告
in a 公布日期 row right over the 發文字號 row (最高法院: 「【公布日期】九十一年十二月六日」): the 發文日期, while a 公布日期
elsewhere (a city site's post fields, a gazette's over its 號次) stays a note and a 發文日期 printed too wins; a page may
run the regulation's first article onto the line of the 令's history entry (「…號令訂定發布全文六十四條第 一 條 本細則…」):
the order's text ends before 第一條."""
from __future__ import annotations

from parse_text import parse

CBC_NOTICE = """中央銀行法令規章查詢系統-行政令函

要旨:公告本行重貼現率及其他融通利率調整事項

發文字號:中央銀行 111年6月16日台央業字第1110022749號公告

主旨:公告本行重貼現率及其他融通利率調整事項。
依據:中央銀行法第21條。
公告事項:本行重貼現率、擔保放款融通利率及短期融通利率分別由年息1.375%、1.75%及3.625%,調整為年息1.5%、1.875%及3.75%,自111年6月17日起實施。
"""

COURT_NOTICE = """最高法院

【公布日期】九十一年十二月六日
【發文字號】(九一)台資字第○七六八號
【主  旨】本院九十一年十一月五日、九十一年度第十四次民事庭會議決議不再援用判例四十四則。
"""

GAZETTE_ORDER = """公布日期:91年08月07日
號次:第6475號
司法院令
發文日期:中華民國九十一年六月二十八日
發文字號:(九一)院台大二字第一七○七六號
公布本院大法官議決釋字第五四七號解釋
院長 翁 岳 生
"""

ORDER_RUN_ON = """中華民國八十四年十月十一日內政部台(八四)內民字第八四八二一四0號令訂定發布全文六十四條第 一 條 本細則依總統副總統選舉罷免法(以下簡稱本法)第一百零五條之規定 訂定之。
第 二 條 本法第二條所定無記名投票之方法,以圈選行之。
"""


def test_a_citation_under_the_number_label_gives_the_number_and_the_date():
    d = parse(CBC_NOTICE)
    assert d["issuer"] == "中央銀行" and d["doc_type"] == "公告"
    assert d["dispatch_no"]["text"] == "台央業字第1110022749號" and d["dispatch_no"]["serial"] == "0022749"
    assert d["date"] == {"iso": "2022-06-16", "roc": "111年6月16日"}
    assert d["complete"] is True


def test_a_court_dates_its_notice_in_the_row_over_its_number():
    d = parse(COURT_NOTICE)
    assert d["date"] == {"iso": "2002-12-06", "roc": "91年12月6日"}
    assert d["dispatch_no"]["text"] == "(91)台資字第0768號"


def test_a_gazettes_publication_date_over_its_issue_number_is_not_the_letters():
    d = parse(GAZETTE_ORDER)
    assert d["date"]["iso"] == "2002-06-28"


def test_an_orders_text_ends_where_the_regulation_runs_on_with_article_one():
    d = parse(ORDER_RUN_ON)
    assert d["doc_type"] == "令" and d["issuer"] == "內政部"
    assert d["date"]["iso"] == "1995-10-11"
    assert d["dispatch_no"]["text"] == "台(84)內民字第8482140號"
    assert d["subject"] == "訂定發布全文六十四條"
