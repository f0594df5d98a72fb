"""Conventions found by blind round U (tests/data/real, u- stems: publisher families new to the corpus — 農業金融署's
law database, 戶政事務所 sites' 戶政法令彙編 rows, 台水's outage notices as a news site prints them — measured
before the parser knew them): a period whose end a comma sets apart after 起 is one period; the phone and e-mail
under the contact's name are the contact's (a press notice's spokesman above it), 辦公室電話 a phone label."""
from __future__ import annotations

import pytest

from pipeline.parse.dates import find_periods
from parse_text import parse


def test_a_comma_after_the_start_s_qi_keeps_the_period_whole():
    periods, _ = find_periods("訂於103年3月26日上午9時起,至3月26日下午6時止,共停水9小時。")
    assert [(p.from_, p.to, p.days, p.stated_days) for p in periods] == [("2014-03-26", "2014-03-26", 1, None)]
    assert periods[0].text == "103年3月26日上午9時起,至3月26日下午6時止"
    assert find_periods("本府103年3月26日,至3月26日")[0] == []  # no 起: a date and another, not a period


NOTICE = """一、台灣自來水公司第三區管理處訂於103年3月26日上午9時起停水。
二、停水範圍:公館鄉中義村全部。
經濟部台灣自來水公司第三區管理處
發言人:林秘書振宏
辦公室電話:035-712141分機202;行動電話:0910-482317
E-Mail: ch_lin@mail.water.gov.tw
本案聯絡人:黃承翰
辦公室電話:03-5712141分機312
E-Mail:hch@mail.water.gov.tw
"""


def test_the_phone_and_e_mail_under_the_contact_s_name_are_the_contact_s():
    # a press notice's spokesman and his phone stand above the case's contact: the contact is reached by the lines
    # under its own name; 辦公室電話 (office phone) is a phone label, not part of the name above it
    d = parse(NOTICE)
    assert d["issuer"] == "經濟部台灣自來水公司第三區管理處"
    assert d["contact"] == {"name": "黃承翰", "unit": None, "phone": "03-5712141分機312", "fax": None,
                            "email": "hch@mail.water.gov.tw"}


@pytest.mark.parametrize("value, name", [("吳股長俊賢", "吳俊賢"), ("王科長大明", "王大明"), ("書記江珈儀", "江珈儀"),
                                         ("林秘書長", "林秘書長"), ("陳組長", "陳組長")])
def test_a_job_title_between_surname_and_given_name_is_no_part_of_the_name(value, name):
    """「本案聯絡人:吳股長俊賢」: the title said politely inside the name (a title alone, 秘書長, stays)."""
    from pipeline.parse.contact import without_job_title
    assert without_job_title(value) == name
