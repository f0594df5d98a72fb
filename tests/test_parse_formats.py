"""gongwen parse --format json|yaml|text, and - for standard output where a command writes one file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.record_text import record_to_text

ROOT = Path(__file__).parent.parent
SEED = str(ROOT / "samples" / "inbox" / "000_7274a88dd80a289e.txt")
GONGWEN = str(Path(sys.executable).parent / "gongwen")


def parse(*args: str):
    return CliRunner().invoke(main, ["parse", *args])


def test_yaml_is_the_same_record_as_json():
    as_json, as_yaml = parse(SEED), parse("--format", "yaml", SEED)
    assert as_json.exit_code == as_yaml.exit_code == 0
    assert yaml.safe_load(as_yaml.output) == json.loads(as_json.output)
    assert "dispatch_no:\n  text: 府政行字第1080251637號\n" in as_yaml.output  # Chinese as it is, not escaped


def test_text_lays_the_letter_out_for_a_person():
    text = parse("--format", "text", SEED).output
    lines = text.splitlines()
    assert lines[0] == f"== {SEED} =="
    assert "發文日期  108年11月12日（2019-11-12）" in lines and "發文字號  府政行字第1080251637號" in lines
    assert "受文者    花蓮縣萬榮鄉明利國民小學" in lines  # values aligned after labels of 4 CJK columns
    assert "  一、依據法務部廉政署108年10月14日廉政字第10807018360號函辦理。" in lines
    assert "正本      本府各處（本府政風處除外）" in lines and "          本縣各公立國民中-小學" in lines
    assert lines[lines.index("副本      本府政風處") + 10] == "          花蓮縣花蓮市公所政風室"
    assert "附件      花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間維護工作分工表〔division〕" not in lines
    assert "          花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間維護工作分工表〔division〕" in lines


def test_text_indents_sub_items_and_shows_a_partial_record(tmp_path):
    letter = tmp_path / "fragment.txt"
    letter.write_text("主旨：請查照。\n說明：\n一、第一項。\n(一)其下一項。\n", encoding="utf-8")
    lines = parse("--format", "text", str(letter)).output.splitlines()
    assert "  一、第一項。" in lines and "    (一)其下一項。" in lines
    assert "狀態      不完整（partial record）" in lines


def test_catalogue_to_standard_output(tmp_path):
    out = tmp_path / "out"
    assert subprocess.run([GONGWEN, "batch", str(ROOT / "samples" / "inbox"), "-o", str(out)],
                          capture_output=True).returncode == 0
    done = subprocess.run([GONGWEN, "catalogue", "-o", "-", "--index", str(out / "index.sqlite")], capture_output=True)
    assert done.returncode == 0 and done.stdout.startswith("\ufeff".encode())
    assert "府政行字第1080251637號" in done.stdout.decode("utf-8-sig")


def test_text_shows_a_units_duties_without_doubled_punctuation():
    """A unit with several duties in a division table: one after the other, 「；」 only between duties that do not
    already end a sentence (was 「…資安事件。；請加強…」)."""
    lines = parse("--format", "text", str(ROOT / "samples" / "inbox" / "376550000A1080251637_118_ATTACH2.odt")).output
    assert ("  本府觀光處：請協助機關強化機關資通安全管理、電腦週邊設備檢管，積極蒐報網路安全情資及影響國家安全之資安事件。"
            "請加強委外廠商之監督，並注意慶典期間電腦機房門禁管制措施及監視。") in lines.splitlines()
    table = {"schema": "gongwen/division@1", "title": "分工表",
             "rows": [{"unit": "教務處", "duties": ["宣導選舉安全", "檢查門禁。"]}]}
    assert record_to_text(table).splitlines()[1] == "  教務處：宣導選舉安全；檢查門禁。"
