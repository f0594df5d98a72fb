"""Messages in Traditional Chinese for a Chinese locale, English otherwise; the catalogue covers every
message the code can show and its compiled .mo matches the .po."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.i18n import FIELD, LOCALE_DIR, language
from pipeline.i18n_extract import messages_of

ROOT = Path(__file__).parent.parent
GONGWEN = str(Path(sys.executable).parent / "gongwen")
PO = LOCALE_DIR / "zh_TW" / "LC_MESSAGES" / "gongwen.po"
MO = PO.with_suffix(".mo")


def run(lang: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([GONGWEN, *args], cwd=cwd, env={**env, "LANG": lang}, capture_output=True, text=True)


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "zh_TW.UTF-8"}, "zh_TW"), ({"LANG": "C"}, "en"), ({}, "en"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "zh_TW.Big5", "LANG": "C"}, "zh_TW"), ({"LANGUAGE": "en", "LANG": "zh_TW.UTF-8"}, "en"),
    ({"LANG": "zh_HK.UTF-8"}, "zh_TW"),
])
def test_language_from_the_locale(environ, expected):
    assert language(environ) == expected


@pytest.mark.parametrize("lang, line", [
    ("zh_TW.UTF-8", "gongwen: missing.pdf: 檔案不存在\n"),
    ("C", "gongwen: missing.pdf: no such file\n"),
])
def test_a_missing_file_in_both_languages(lang, line):
    done = run(lang, "parse", "missing.pdf")
    assert done.returncode == 1 and done.stderr == line and done.stdout == ""


@pytest.mark.parametrize("args, zh, en", [
    (["parse", "samples/bad/zip-bomb.odt"],
     "gongwen: samples/bad/zip-bomb.odt: content.xml 解壓縮後將達 104857906 位元組（上限 33554432）：視為 zip 炸彈拒收\n",
     "gongwen: samples/bad/zip-bomb.odt: content.xml would decompress to 104857906 bytes (limit 33554432): refused as a zip bomb\n"),
    (["parse", "samples/bad/truncated.pdf"],
     "gongwen: samples/bad/truncated.pdf: PDF 不完整：缺少 %%EOF 結尾標記（檔案被截斷？）\n",
     "gongwen: samples/bad/truncated.pdf: truncated PDF: no %%EOF end marker (file cut short?)\n"),
    (["parse", "samples"], "gongwen: samples: 是資料夾，不是檔案\n", "gongwen: samples: is a folder, not a file\n"),
    (["search", "選舉", "--index", "no/such/index.sqlite"],
     "gongwen search: no/such/index.sqlite: 此處沒有索引：請先執行 `gongwen batch INBOX -o OUTPUT`，或以 --index PATH 指定\n",
     "gongwen search: no/such/index.sqlite: no index here: run `gongwen batch INBOX -o OUTPUT` first, or give --index PATH\n"),
])
def test_error_lines_in_both_languages(args, zh, en):
    chinese, english = run("zh_TW.UTF-8", *args), run("C", *args)
    assert chinese.returncode == english.returncode == 1
    assert chinese.stderr == zh and english.stderr == en


def test_clicks_own_words_and_help_texts_in_chinese():
    wrong = run("zh_TW.UTF-8", "parse", "--bogus")
    assert wrong.returncode == 2 and "錯誤：沒有 '--bogus' 這個選項。" in wrong.stderr and "用法：" in wrong.stderr
    helped = run("zh_TW.UTF-8", "batch", "--help").stdout
    assert "收文批次" in helped and "結束代碼" in helped and "每個檔案印一行，不顯示進度列。" in helped
    assert "Parse every file" in run("C", "batch", "--help").stdout


def test_batch_summary_in_chinese(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "seed.txt").write_bytes((ROOT / "samples/inbox/000_7274a88dd80a289e.txt").read_bytes())
    (inbox / "empty.txt").write_bytes(b"")
    done = run("zh_TW.UTF-8", "batch", str(inbox), "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "gongwen batch: 失敗：empty.txt：空檔案" in done.stderr
    assert "gongwen batch: 摘要" in done.stdout and "  公文         1\n" in done.stdout and "  失敗         1\n" in done.stdout
    index = str(tmp_path / "out" / "index.sqlite")
    missing = run("zh_TW.UTF-8", "show", "999", "--index", index)  # was left in English
    assert missing.returncode == 1 and missing.stderr == f"gongwen show: 索引 {index} 中沒有字號為 999 的公文\n"
    refs = run("zh_TW.UTF-8", "refs", "1080251637", "--index", index).stdout
    assert "  → 法務部廉政署 2019-10-14 廉政字第10807018360號 函  〔未能對應：不在索引中〕\n" in refs


def test_extractor_turns_f_strings_into_numbered_templates():
    tree = ast.parse('raise InputError(path, f"file too large ({size} bytes, limit {limit:,})")\n'
                     'x = _("plain")\n@click.command()\ndef cmd():\n    """Do it.\n\n    More."""\n')
    assert sorted(m for _, m in messages_of(tree)) == ["Do it.\n\nMore.", "file too large ({0} bytes, limit {1})", "plain"]


def test_the_catalogue_translates_every_message_and_its_mo_is_compiled():
    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po
    method_map = [("**.py", "pipeline.i18n_extract:extract")]
    wanted = {m[2] for m in extract_from_dir(str(ROOT / "pipeline"), method_map)}
    po = read_po(PO.open("rb"))
    translated = {m.id: m.string for m in po if m.id}
    untranslated = sorted(m for m in wanted if not translated.get(m))
    assert not untranslated, f"run `make messages` and translate: {untranslated}"
    for msgid in wanted:  # a numbered field in the English text is in the translation too
        assert set(FIELD.findall(msgid)) == set(FIELD.findall(translated[msgid])), msgid
    mo = {m.id: m.string for m in read_mo(MO.open("rb")) if m.id}
    assert {k: v for k, v in translated.items() if v} == mo, "run `make messages-compile`"


def test_index_check_and_rebuild_lines_in_both_languages(tmp_path):
    out = tmp_path / "out"
    assert run("C", "batch", "samples/inbox", "-o", str(out), "--jobs", "1").returncode == 0
    index = out / "index.sqlite"
    chinese = run("zh_TW.UTF-8", "index", "check", "--index", str(index))
    english = run("C", "index", "check", "--index", str(index))
    assert chinese.returncode == english.returncode == 0
    count = english.stdout.split(", ")[1].split()[0]
    assert english.stdout == f"gongwen index check: {index}: ok, {count} document(s)\n"
    assert chinese.stdout == f"gongwen index check: {index}：完好，共 {count} 份文件\n"
    rebuilt = run("zh_TW.UTF-8", "index", "rebuild", "--index", str(index))
    assert rebuilt.returncode == 0
    assert rebuilt.stdout == f"gongwen index rebuild: 由 {out / 'records'} 重建 {count} 份文件 → {index}\n"
