"""Conventions found by blind rounds of session 14 and by the corpus letters still missed (tests/data/real: zp-, zr-,
zt-, m- stems: relayed posts, an answer to a firm, a ministry's 書函 and 令 cited together). Each input below is
written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

FIRM_NUMBER = """勞動部 書函
受文者:大成會計師事務所
發文日期:中華民國105年1月6日
發文字號:勞動條2字第1050130012號
主旨:有關雇主得否自工資扣除借款疑義乙案,復如說明,請查照。
說明:
一、復貴事務所104 年 11 月 4 日 104 永全字第 151106 號函。
二、勞雇雙方約定按月自工資中扣除借款者,尚無違反勞動基準法第22條規定。
"""

DIGITS_ONLY = """主旨:轉知農業部有關農業資材補助事宜,請查照。
說明:
一、依據農業部114年11月6日農授糧字第1141110473A號書函及114年11月6日以1141110473號令辦理。
二、請轉知轄內農民踴躍申請。
"""

TITLE_RESTATED = """警察局啟用區間測速科技執法設備宣導事宜
- 請協助擴大宣導本府警察局啟用區間測速科技執法設備宣導事宜,請查照。
-
- 依據本府警察局114年5月5日新北警交字第1144560193號函辦理。
- 該局訂於114年6月1日正式啟用輔助交通執法。
瀏覽數:
"""

RELAY_NOTE = """公文來函
刊登日期:2021/05/12 發布單位:秘書處
轉知指揮中心來函-加強醫療機構門禁管制
依據嚴重特殊傳染性肺炎中央流行疫情指揮中心110年5月11日肺中指字第1103800161號函辦理。
主旨:請加強宣導民眾進入醫療機構務必全程佩戴口罩,請查照。
說明:醫療機構應落實門禁管制。
"""


def test_a_firms_number_opening_with_its_year_is_cited_whole_and_貴事務所_is_the_addressee():
    d = parse(FIRM_NUMBER)
    assert d["references"] == [{
        "text": "貴事務所104年11月4日104永全字第151106號函", "kind": "函", "issuer": "大成會計師事務所",
        "issuer_from": "貴事務所", "date": {"iso": "2015-11-04", "roc": "104年11月4日"},
        "dispatch_no": {"text": "104永全字第151106號", "word": "104永全", "number": "151106", "year": 104,
                        "serial": "151106", "branch": None}}]


def test_a_number_cited_by_its_digits_alone_after_the_same_agencys_letter():
    d = parse(DIGITS_ONLY)
    second = d["references"][1]
    assert second["text"] == "114年11月6日以1141110473號令" and second["kind"] == "令"
    assert second["issuer"] == "農業部" and second["date"]["iso"] == "2025-11-06"
    assert second["dispatch_no"] == {"text": "1141110473號", "word": None, "number": "1141110473", "year": 114,
                                     "serial": "1110473", "branch": None}


def test_a_posts_title_restated_whole_in_the_unlabelled_主旨_below_is_no_part_of_it():
    d = parse(TITLE_RESTATED)
    assert d["subject"] == "請協助擴大宣導本府警察局啟用區間測速科技執法設備宣導事宜，請查照。"
    assert d["references"][0]["dispatch_no"]["text"] == "新北警交字第1144560193號"


def test_a_relaying_posts_依據_line_over_the_letter_is_cited():
    d = parse(RELAY_NOTE)
    assert [r["text"] for r in d["references"]] == [
        "嚴重特殊傳染性肺炎中央流行疫情指揮中心110年5月11日肺中指字第1103800161號函"]
    assert d["references"][0]["issuer"] == "嚴重特殊傳染性肺炎中央流行疫情指揮中心"
    assert d["subject"] == "請加強宣導民眾進入醫療機構務必全程佩戴口罩，請查照。"
