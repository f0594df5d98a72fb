"""Conventions found by blind round U (tests/data/real, u- stems: publisher families new to the corpus — 農業金融署's
law database, 戶政事務所 sites' 戶政法令彙編 rows, 台水's outage notices as a news site prints them — measured
before the parser knew them): a period whose end a comma sets apart after 起 is one period."""
from __future__ import annotations

from pipeline.parse.dates import find_periods


def test_a_comma_after_the_start_s_qi_keeps_the_period_whole():
    periods, _ = find_periods("訂於103年3月26日上午9時起,至3月26日下午6時止,共停水9小時。")
    assert [(p.from_, p.to, p.days, p.stated_days) for p in periods] == [("2014-03-26", "2014-03-26", 1, None)]
    assert periods[0].text == "103年3月26日上午9時起,至3月26日下午6時止"
    assert find_periods("本府103年3月26日,至3月26日")[0] == []  # no 起: a date and another, not a period
