"""Conventions found by session 21's blind round wave 19 (tests/data/real: m1-…m6- stems) and by the corpus's
earlier misses. Each input below is written in the shape those pages have, not copied from them."""
from __future__ import annotations

from parse_text import parse

NEWSLETTER = ("::: 訂閱/取消訂閱︱回電子報列表 (轉知)「山區防火宣導」 主旨:請協助加強宣導登山觀念,避免登山活動引發森林火災,"
              "請查照。 說明:依行政院災害防救會報第44次會議決議,請各館協助配合及宣導。{tail}")


def test_a_picture_credit_run_onto_the_last_sentence_is_the_pages():
    record = parse(NEWSLETTER.format(tail=" 圖片引用自教育部網站 登山教育、落實普及"))
    assert record["sections"][0]["text"] == "依行政院災害防救會報第44次會議決議，請各館協助配合及宣導。"
    kept = parse(NEWSLETTER.format(tail=" 圖片請各館自行下載運用"))  # no credit: the letter's own sentence
    assert kept["sections"][0]["text"].endswith("宣導。圖片請各館自行下載運用")
