"""What a clerk expects of render: replies and circulars only about letters addressed to our agency, never about
our own letters, no dispatch number taken by a refused render, and a reply to a 密等 letter carries its 密等."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.render.numbering import REGISTER_NAME

ROOT = Path(__file__).parent.parent
INBOX = ROOT / "samples" / "inbox"
SEED = INBOX / "000_7274a88dd80a289e.txt"
TO_OTHERS = INBOX / "taipei-edu-oneline.txt"  # 受文者 臺北市立大直高級中學, 正本 本市各公私立…學校


def render(*args):
    return CliRunner().invoke(main, ["render", *map(str, args)])


def numbers_taken(folder: Path) -> int:
    register = folder / REGISTER_NAME
    if not register.exists():
        return 0
    with sqlite3.connect(register) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def test_a_letter_to_another_agency_gets_no_reply_and_takes_no_number(tmp_path):
    out = tmp_path / "out"
    refused = render("ack", TO_OTHERS, "--format", "txt", "-o", out)
    assert refused.exit_code == 0
    assert (f"gongwen: {TO_OTHERS}: nothing to render as ack: not addressed to us: its 受文者 and 正本 do not name "
            "our agency") in refused.output
    assert not list(out.glob("*.txt")) and numbers_taken(out) == 0
    replied = render("ack", SEED, "--format", "txt", "-o", out)
    assert replied.exit_code == 0
    (reply,) = out.glob("*-ack.txt")
    assert "發文字號：明利小字第" in reply.read_text(encoding="utf-8") and numbers_taken(out) == 1


def test_our_own_letter_is_neither_answered_nor_forwarded(tmp_path):
    profile = (ROOT / "pipeline" / "data" / "profile.sample.toml").read_text(encoding="utf-8")
    ours = tmp_path / "county.toml"
    ours.write_text(profile.replace('name = "花蓮縣萬榮鄉明利國民小學"', 'name = "花蓮縣政府"'), encoding="utf-8")
    for kind in ("ack", "circular"):
        result = render(kind, SEED, "--profile", ours, "--format", "txt", "-o", tmp_path / "out")
        assert "our own letter: nothing to reply to or forward" in result.output
    assert not list((tmp_path / "out").glob("*.txt"))


def test_a_reply_to_a_classified_letter_carries_its_secrecy_and_warns(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SEED.read_text(encoding="utf-8").replace("密等及解密條件或保密期限:\n",
                                                               "密等及解密條件或保密期限:密(公布後解密)\n"), encoding="utf-8")
    result = render("ack", secret, "--format", "txt", "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert f"gongwen: warning: {secret}: the incoming letter is 密: what is written about it carries the same 密等" in result.output
    (reply,) = (tmp_path / "out").glob("*-ack.txt")
    assert "密等及解密條件或保密期限：密（公布後解密）\n" in reply.read_text(encoding="utf-8")


MOE_REPLY = """教育部 書函
受文者：花蓮縣萬榮鄉明利國民小學
發文日期：中華民國113年3月4日
發文字號：臺教國署國字第1130012345號
主旨：有關貴校建議放寬偏遠地區學校代理教師甄選資格一案，復如說明，請查照。
說明：
一、復貴校113年2月1日明利國小學字第1130000021號函。
正本：花蓮縣萬榮鄉明利國民小學
"""


def test_acknowledging_a_reply_to_our_own_proposal_reads_without_a_doubled_phrase(tmp_path):
    letter = tmp_path / "moe.txt"
    letter.write_text(MOE_REPLY, encoding="utf-8")
    assert render("ack", letter, "--format", "txt", "-o", tmp_path / "out").exit_code == 0
    (reply,) = (tmp_path / "out").glob("*-ack.txt")
    subject = next(line for line in reply.read_text(encoding="utf-8").splitlines() if line.startswith("主旨："))
    assert subject == "主旨：鈞部函復本校建議放寬偏遠地區學校代理教師甄選資格一案，本校已收悉，請鑒核。"


NOTICE = """衛生福利部 公告
發文日期：中華民國106年10月12日
發文字號：衛授食字第1061301241號
主旨：預告修正「應建立食品追溯追蹤系統之食品業者」草案。
依據：行政程序法第一百五十四條第一項。
公告事項：
一、修正機關：衛生福利部。
"""

ORDER = """金融監督管理委員會 令
發文日期：中華民國114年11月13日
發文字號：金管證交字第1140385177號
一、有關證券商管理規則第三十七條之一第二項規定有價證券之種類及範圍如下。
二、本令自中華民國一百十四年十一月十七日生效。
"""


def test_a_notice_or_an_order_gets_no_reply_but_can_be_forwarded(tmp_path):
    """A 公告 (to the public) or a 令 names no addressee: nothing to reply to (no 「復貴部…號公告」), no number taken;
    a circular forwards it to our units."""
    out = tmp_path / "out"
    for name, text, doc_type in (("notice.txt", NOTICE, "公告"), ("order.txt", ORDER, "令")):
        letter = tmp_path / name
        letter.write_text(text, encoding="utf-8")
        refused = render("ack", letter, "--format", "txt", "-o", out)
        assert refused.exit_code == 0
        assert (f"gongwen: {letter}: nothing to render as ack: a {doc_type} is addressed to no agency: nothing to "
                "reply to (render circular forwards it)") in refused.output
        assert not list(out.glob("*-ack.txt")) and numbers_taken(out) == 0
    forwarded = render("circular", tmp_path / "notice.txt", "--format", "txt", "-o", out)
    assert forwarded.exit_code == 0
    (circular,) = out.glob("*-circular.txt")
    assert "說明：依據衛生福利部106年10月12日衛授食字第1061301241號公告辦理。" in circular.read_text(encoding="utf-8")
