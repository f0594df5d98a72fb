"""gongwen search, show, refs and catalogue on an index built by a batch over the sample letters."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "samples" / "inbox"
SEED = "000_7274a88dd80a289e.txt"
# the letter the seed cites (依據法務部廉政署108年10月14日廉政字第10807018360號函辦理)
CITED = """法務部廉政署 書函

地址：10048臺北市中正區博愛路166號
聯絡人：陳大文 電話：(02)2316-1234
受文者：花蓮縣政府
發文日期：中華民國108年10月14日
發文字號：廉政字第10807018360號
速別：普通件
密等及解密條件或保密期限：
附件：
主旨：為防範第15任總統副總統及第10屆立法委員選舉期間危安事件，請加強機關安全維護工作，請查照。
說明：請各政風機構訂定專案安全維護計畫並落實執行。
正本：各政風機構
"""


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def samples_index(tmp_path_factory) -> Path:
    """An index of the text sample letters, the seed's ODT attachments and the letter the seed cites."""
    base = tmp_path_factory.mktemp("search")
    inbox = base / "inbox"
    inbox.mkdir()
    for path in INBOX.iterdir():
        if path.suffix in (".txt", ".odt"):
            shutil.copy(path, inbox)
    result = invoke("batch", str(inbox), "-o", str(base / "out"), "--jobs", "1")
    assert result.exit_code == 0, result.output
    return base / "out" / "index.sqlite"


def test_search_finds_the_seed_letter_with_its_snippet(samples_index):
    result = invoke("search", "選舉", "安全", "計畫", "--index", str(samples_index))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "1. 花蓮縣政府 2019-11-12 府政行字第1080251637號"
    assert lines[1].strip().startswith("檢送「本府第15任總統副總統及第10屆立法委員選舉期間")
    assert "«選舉»" in lines[2] and "«安全»" in lines[2] and "«計畫»" in lines[2]


def test_words_in_the_subject_rank_first_then_the_newest(samples_index):
    hits = json.loads(invoke("search", "選舉", "安全", "--index", str(samples_index), "--json").output)
    assert [(h["dispatch_no"], h["score"]) for h in hits[:2]] == [  # both words in each 主旨: 5 + 5, newer first
        ("明利國小學字第1090000123號", 10), ("府政行字第1080251637號", 10)]
    assert all(h["score"] < 10 for h in hits[2:])


def test_search_json_ranks_and_highlights(samples_index):
    result = invoke("search", "選舉", "--index", str(samples_index), "--json")
    hits = json.loads(result.output)
    assert {h["dispatch_no"] for h in hits} >= {"府政行字第1080251637號", "中市選一字第1120004567號"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert all("«選舉»" in h["snippet"] for h in hits)


def test_search_finds_text_inside_attachments(samples_index):
    hits = json.loads(invoke("search", "投開票所", "--index", str(samples_index), "--json").output)
    assert [h["dispatch_no"] for h in hits] == ["府政行字第1080251637號"]
    assert "«投開票所»" in hits[0]["snippet"]


def test_search_filters_by_issuer_and_dates_iso_or_roc(samples_index):
    def numbers(*extra):
        result = invoke("search", "請查照", "--index", str(samples_index), "--json", "--limit", "50", *extra)
        return {h["dispatch_no"] for h in json.loads(result.output or "[]")}
    everything = numbers()
    assert len(everything) >= 10
    assert numbers("--issuer", "花蓮縣政府") == {"府政行字第1080251637號"}
    assert numbers("--until", "108年12月31日") == numbers("--until", "2019-12-31") == {
        "府政行字第1080251637號", "交路字第1000034521號"}
    recent = json.loads(invoke("search", "請查照", "--index", str(samples_index), "--json", "--since", "112/10/27").output)
    assert recent and all(h["date"] >= "2023-10-27" for h in recent)
    assert len(recent) < len(everything)
    assert numbers("--since", "2023-10-27", "--until", "2023-10-27") == {"臺教資(四)字第1120109876號",
                                                                        "花中教字第1120004321號"}


def test_search_bad_date_and_missing_index_are_one_line_errors(samples_index, tmp_path):
    bad = invoke("search", "選舉", "--index", str(samples_index), "--since", "109/2/30")
    assert bad.exit_code == 1 and bad.output.count("\n") == 1 and "is not a date" in bad.output
    missing = invoke("search", "選舉", "--index", str(tmp_path / "none.sqlite"))
    assert missing.exit_code == 1 and missing.output.count("\n") == 1 and "no index here" in missing.output
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 10)
    junk = invoke("search", "選舉", "--index", str(tmp_path / "junk.sqlite"))
    assert junk.exit_code == 1
    assert junk.output == f"gongwen search: {tmp_path / 'junk.sqlite'}: not a gongwen index: not an SQLite database\n"


def test_search_with_no_match_exits_1(samples_index):
    result = invoke("search", "這個詞不在任何公文裡", "--index", str(samples_index))
    assert result.exit_code == 1 and "no document matches" in result.output


def test_filters_that_select_nothing_say_so_without_an_empty_query(samples_index):
    result = invoke("search", "--recipient", "不存在的機關", "--since", "108/1/1", "--index", str(samples_index))
    assert result.exit_code == 1
    assert result.output == "gongwen search: no document matches these filters\n"


def test_refs_lists_the_cited_letter_unresolved_when_not_indexed(samples_index):
    result = invoke("refs", "府政行字第1080251637號", "--index", str(samples_index))
    assert result.exit_code == 0
    assert "  → 法務部廉政署 2019-10-14 廉政字第10807018360號 函  [unresolved: not in the index]" in result.output


def test_refs_of_a_number_only_cited_lists_the_letters_citing_it(samples_index):
    """The 廉政署 letter the seed cites is not in the samples' index: refs still shows who cites it."""
    result = invoke("refs", "廉政字第10807018360號", "--index", str(samples_index))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "廉政字第10807018360號: not in the index; cited by the letters below"
    assert any(line.startswith("  ← 花蓮縣政府 2019-11-12 府政行字第1080251637號") for line in lines[2:])
    as_json = json.loads(invoke("refs", "10807018360", "--index", str(samples_index), "--json").output)
    assert as_json[0]["letter"] is None and as_json[0]["cites"] == []
    assert "府政行字第1080251637號" in [c["dispatch_no"] for c in as_json[0]["cited_by"]]
    unknown = invoke("refs", "府政行字第9999999999號", "--index", str(samples_index))
    assert unknown.exit_code == 1 and "no letter numbered 府政行字第9999999999號" in unknown.output


def test_refs_resolves_both_ways_when_both_letters_are_indexed(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / SEED, inbox)
    (inbox / "cited.txt").write_text(CITED, encoding="utf-8")
    index = tmp_path / "out" / "index.sqlite"
    assert invoke("batch", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "1").exit_code == 0
    seed = json.loads(invoke("refs", "府政行字第1080251637號", "--index", str(index), "--json").output)[0]
    assert seed["cites"][0]["resolved"]["dispatch_no"] == "廉政字第10807018360號"
    cited = json.loads(invoke("refs", "10807018360", "--index", str(index), "--json").output)[0]
    assert cited["letter"]["issuer"] == "法務部廉政署"
    assert [c["dispatch_no"] for c in cited["cited_by"]] == ["府政行字第1080251637號"]


def test_show_prints_the_record_and_rejects_unknown_numbers(samples_index):
    result = invoke("show", "府政行字第1080251637號", "--index", str(samples_index))
    record = json.loads(result.output)
    assert record["issuer"] == "花蓮縣政府" and record["date"]["iso"] == "2019-11-12"
    assert [a["kind"] for a in record["attachments"]] == ["plan", "division"]
    assert invoke("show", "1080251637", "--index", str(samples_index)).output == result.output
    unknown = invoke("show", "府政行字第9999999999號", "--index", str(samples_index))
    assert unknown.exit_code == 1 and "no letter numbered" in unknown.output
    junk = invoke("show", "hello", "--index", str(samples_index))
    assert junk.exit_code == 1 and "not a dispatch number" in junk.output


@pytest.mark.parametrize("typed", ["臺教資（四）字第1120109876號", "臺教資(四)字第1120109876號", "１１２０１０９８７６",
                                   "第1120109876號", "臺教資（四）字第１１２０１０９８７６號"])
def test_show_and_refs_read_a_number_as_letters_print_it(samples_index, typed):
    shown = invoke("show", typed, "--index", str(samples_index))
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["dispatch_no"]["text"] == "臺教資(四)字第1120109876號"
    refs = invoke("refs", typed, "--index", str(samples_index))
    assert refs.exit_code == 0, refs.output
    assert refs.output.startswith("教育部 2023-10-27 臺教資(四)字第1120109876號 檢送本部")


def test_show_with_another_word_is_not_the_letter(samples_index):
    result = invoke("show", "府政行字第1120109876號", "--index", str(samples_index))
    assert result.exit_code == 1 and "no letter numbered 府政行字第1120109876號" in result.output


def test_show_prints_the_record_as_parse_does(samples_index):
    for flags in ([], ["--pretty"]):
        shown = invoke("show", "臺教資(四)字第1120109876號", "--index", str(samples_index), *flags)
        source = json.loads(shown.output)["source"]["path"]
        assert shown.output == invoke("parse", source, *flags).output
    assert list(json.loads(shown.output))[:3] == ["schema", "source", "file_no"]


def test_catalogue_has_the_archival_columns(samples_index, tmp_path):
    target = tmp_path / "catalogue.csv"
    result = invoke("catalogue", "-o", str(target), "--index", str(samples_index))
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "檔號,保存年限,案由/主旨,發文機關,日期,字號,附件,來源檔案"
    seed = next(line for line in lines if "府政行字第1080251637號" in line)
    assert seed.startswith(",,檢送「本府第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫」1案")
    assert ",花蓮縣政府,108年11月12日,府政行字第1080251637號,花蓮縣政府辦理第15任總統副總統及第10屆立法委員選舉期間專案安全維護計畫、" in seed
    assert all(line.rsplit(",", 1)[1] for line in lines[1:])  # every row names the file it was read from
    assert f"{len(lines) - 1} letter(s)" in result.output


@pytest.mark.parametrize("number", ["府政行字第1080251637號", "1080251637", "0251637", "１０８０２５１６３７"])
def test_search_by_dispatch_number_whole_partial_or_full_width(samples_index, number):
    hits = json.loads(invoke("search", number, "--index", str(samples_index), "--json").output)
    assert hits[0]["dispatch_no"] == "府政行字第1080251637號"  # the letter bearing it first
    # then the letters that cite it (the school's report 明利國小學字第1090000123號 answers it)
    assert "明利國小學字第1090000123號" in [h["dispatch_no"] for h in hits[1:]]


def test_filters_without_a_query_word(samples_index):
    hits = json.loads(invoke("search", "--recipient", "明利國民小學", "--index", str(samples_index), "--json").output)
    assert [h["dispatch_no"] for h in hits] == ["府政行字第1080251637號"]
    dated = json.loads(invoke("search", "--since", "2023-01-01", "--index", str(samples_index), "--json").output)
    dates = [h["date"] for h in dated]
    assert dates and dates == sorted(dates, reverse=True) and min(dates) >= "2023-01-01"
    assert all("«" not in h["snippet"] for h in dated)
    empty = invoke("search", "--index", str(samples_index))
    assert empty.exit_code == 1
    assert empty.output == ("gongwen search: give words to search for, or a filter (--issuer, --recipient, --since, "
                            "--until)\n")
