"""Conventions found by session 19's blind rounds T1–T6 and RP1 (tests/data/real: t1-…t6-, rp1- stems). Each input
below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from pipeline.parse.references import find_references


def cited(text: str) -> list[tuple]:
    """Given 說明 text, return each reference's (text, kind, date as ISO, 發文字號 as text)."""
    return [(r.text, r.kind, r.date and r.date.iso, r.dispatch_no and r.dispatch_no.text) for r in find_references(text)]


def test_a_citation_followed_by_a_verb_of_receipt_without_its_kind():
    text = "一、本府112年3月6日府社助字第1120045678號諒達。"
    assert cited(text) == [("本府112年3月6日府社助字第1120045678號", None, "2023-03-06", "府社助字第1120045678號")]
    assert cited("一、前揭本府112年3月6日府社助字第1120045678號函諒悉。")[0][1] == "函"


def test_a_citation_whose_typist_left_out_its_hao_before_the_kind():
    text = "說明：另依本部92年5月20日台內營字第0920081234函，管理負責人得由區分所有權人推選。"
    assert cited(text) == [("本部92年5月20日台內營字第0920081234函", "函", "2003-05-20", "台內營字第0920081234號")]
    assert cited("說明：依本部92年5月20日台內營字第09200812函辦理。") == [
        ("本部92年5月20日台內營字第09200812函", "函", "2003-05-20", "台內營字第09200812號")]
    assert find_references("說明：請填報第0920081234函報名表。") == []  # no date, no 字: no citation
