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


PARTY_LETTER = """健保免費連線中央黨部 函

連絡:林岳
職稱:總召
黨部:臺北市中正區林森北路五巷八號地下室
電話:○二–二三五七六六六六(代表號)
傳真:○二–二三五七○五○七
電郵:linyuehq@gmail.com

受文:臺灣臺北地方法院
地址:一○○ 臺北市中正區博愛路一三一號
發文:○一○一○六二○──○○二
日期:中華民國一○一年六月廿日
速別:最速件
附件:如主旨

主旨:檢送一○一年度選字第一號之書狀,請查照。

正本:臺灣臺北地方法院民事庭誠股
副本:中央選舉委員會

總召 林 岳
"""

FULL_AND_SHORT = """臺東縣政府 函
受文者:臺東縣立新生國民中學
發文日期:中華民國113年5月6日
發文字號:府教學字第1130091234號
主旨:請查照。
"""


def test_a_partys_letter_with_the_labels_shortened_and_its_figures_in_numerals():
    d = parse(PARTY_LETTER)
    assert d["issuer"] == "健保免費連線中央黨部" and d["doc_type"] == "函"
    assert d["recipient"] == "臺灣臺北地方法院"  # 受文, not the court's address under it
    assert d["address"] == "臺北市中正區林森北路五巷八號地下室"  # 黨部, the party's seat
    assert d["contact"] == {"name": "林岳", "unit": None, "phone": "02-23576666", "fax": "02-23570507",
                            "email": "linyuehq@gmail.com"}
    assert d["date"] == {"iso": "2012-06-20", "roc": "101年6月20日"}  # 廿 = 二十
    assert d["signature"] == "總召 林岳"  # 總召 (總召集人), not a 副本 entry
    assert d["cc_copy"] == [{"name": "中央選舉委員會", "with_attachments": False}]
    assert d["attachments"] == []


def test_the_full_labels_are_read_as_before():
    d = parse(FULL_AND_SHORT)
    assert d["recipient"] == "臺東縣立新生國民中學"
    assert d["date"]["iso"] == "2024-05-06"
    assert d["dispatch_no"]["text"] == "府教學字第1130091234號"


def test_a_posts_date_field_in_gregorian_years_is_no_date_of_the_letter():
    d = parse("日期:2023-06-21\n主旨:轉知防疫口罩配發事宜,請查照。\n")
    assert d["date"] is None
