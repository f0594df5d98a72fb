"""``gongwen render`` end to end: records and original letters in, files out, one-line errors."""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from odf import teletype, text
from odf.opendocument import load as load_odt
from test_render_compose import SEED_UNITS, seed_like_letter, units_profile_file

from pipeline.cli import main
from pipeline.load import load_record
from pipeline.records import roc_year, to_dict

ROOT = Path(__file__).parent.parent
SEED = ROOT / "samples" / "inbox" / "000_7274a88dd80a289e.txt"
STEM = "花蓮縣政府-府政行字第1080251637號"


def write_record(folder: Path, letter, name="seed.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(to_dict(letter), ensure_ascii=False), encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, ["render", *map(str, args)])


def field(path: Path, label: str) -> str:
    """Return the value after 「label：」 in a rendered text letter."""
    line = next(l for l in path.read_text(encoding="utf-8").splitlines() if l.startswith(label + "："))
    return line.split("：", 1)[1]


def test_all_kinds_and_formats_from_a_record(tmp_path):
    record = write_record(tmp_path, seed_like_letter())
    out = tmp_path / "out"
    units = units_profile_file(tmp_path, [u for u, _ in SEED_UNITS])  # an agency whose own units the table names
    for kind in ("ack", "circular", "table"):
        result = run(kind, record, "--format", "odt", "--format", "html", "--format", "txt", "-o", out,
                     "--profile", units)
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    expected = {f"{STEM}-ack", f"{STEM}-circular", f"{STEM}-table"} | {f"{STEM}-circular-{u}" for u, _ in SEED_UNITS}
    assert names == sorted([f"{s}.{ext}" for s in expected for ext in ("odt", "html", "txt")] + ["dispatch-register.sqlite"])
    year = roc_year(dt.date.today())
    assert field(out / f"{STEM}-ack.txt", "發文字號") == f"明利小字第{year}0000001號"
    assert field(out / f"{STEM}-circular.txt", "發文字號") == f"明利小字第{year}0000002號"
    assert field(out / f"{STEM}-circular-本府政風處.txt", "發文字號") == f"明利小字第{year}0000008號"


def test_rerender_reuses_the_number_and_no_number_leaves_it_blank(tmp_path):
    record = write_record(tmp_path, seed_like_letter())
    out = tmp_path / "out"
    assert run("circular", record, "--format", "txt", "-o", out).exit_code == 0
    assert run("ack", record, "--format", "txt", "-o", out).exit_code == 0
    first = field(out / f"{STEM}-ack.txt", "發文字號")
    assert run("ack", record, "--format", "txt", "-o", out).exit_code == 0
    assert field(out / f"{STEM}-ack.txt", "發文字號") == first == f"明利小字第{roc_year(dt.date.today())}0000002號"
    bare = tmp_path / "bare"
    assert run("ack", record, "--format", "txt", "--no-number", "-o", bare).exit_code == 0
    assert field(bare / f"{STEM}-ack.txt", "發文字號") == ""
    assert not (bare / "dispatch-register.sqlite").exists()


def test_original_seed_letter_renders_a_reply_citing_jun_fu(tmp_path):
    result = run("ack", SEED, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    doc = load_odt(str(tmp_path / f"{STEM}-ack.odt"))
    paragraphs = [teletype.extractText(p) for p in doc.getElementsByType(text.P)]
    assert "一、復鈞府108年11月12日府政行字第1080251637號函。" in paragraphs
    assert "受文者：花蓮縣政府" in paragraphs


def test_original_seed_letter_renders_the_circulars_and_the_table(tmp_path):
    parsed = load_record(str(SEED)).attachments[1].content["rows"]  # as the seed text writes them (本府行政暨研考)
    profile = units_profile_file(tmp_path, [row["unit"] for row in parsed])
    for kind in ("circular", "table"):
        assert run(kind, SEED, "--format", "txt", "--format", "html", "-o", tmp_path, "--profile", profile).exit_code == 0
    units = [u.split("-circular-", 1)[1][:-4] for u in map(str, tmp_path.glob("*-circular-*.txt"))]
    assert len(units) == 6 and "本府觀光處" in units
    for unit in units:
        body = (tmp_path / f"{STEM}-circular-{unit}.txt").read_text(encoding="utf-8")
        addressee = "花蓮縣政府" + unit.removeprefix("本府")  # the sender's 本府 as we name it
        assert f"受文者：{addressee}\n" in body and f"正本：{addressee}\n" in body
        assert "執行期間：108年12月14日起至109年1月11日止。" in body
    table_text = (tmp_path / f"{STEM}-table.txt").read_text(encoding="utf-8")
    assert table_text.startswith("花蓮縣政府第15任總統副總統及第10屆立法委員選舉期間維護工作分工表\n")
    assert "執行期間：108年12月14日起至109年1月11日止" in table_text
    assert "本府觀光處\n  1. 請協助機關強化機關資通安全管理" in table_text


def test_bad_inputs_get_one_line_errors_and_the_rest_still_renders(tmp_path):
    good = write_record(tmp_path, seed_like_letter())
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"schema": "gongwen/plan@1", "title": "計畫"}), encoding="utf-8")
    odd = seed_like_letter()
    odd.attachments[1].content = {"rows": "x"}
    odd = write_record(tmp_path, odd, "odd.json")
    result = run("circular", broken, tmp_path / "missing.txt", plan, odd, good, "--format", "txt", "-o", tmp_path / "out")
    assert result.exit_code == 1
    errors = [l for l in result.stderr.splitlines() if not l.startswith("gongwen: warning")]
    assert errors == [
        f"gongwen: {broken}: not a valid record JSON file: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        f"gongwen: {tmp_path / 'missing.txt'}: no such file",
        f"gongwen: {plan}: nothing to render as circular: a plan record, not a letter",
        f"gongwen: {odd}: attachment 376550000A1080251637_118_ATTACH2.odt: "
        "its division content is not a division record (rows must be a list, not str)",
    ]
    assert (tmp_path / "out" / f"{STEM}-circular.txt").is_file()
    assert "Traceback" not in result.output


def test_file_names_from_record_values_stay_inside_the_output_folder(tmp_path):
    letter = seed_like_letter()
    letter.attachments[1].content["rows"] = [{"unit": "../../逃出/去", "duties": ["看門"]}, {"unit": "..", "duties": []},
                                             {"unit": "逃出:去", "duties": ["巡邏"]}]
    out = tmp_path / "out"
    profile = units_profile_file(tmp_path, ["../../逃出/去", "..", "逃出:去"])
    assert run("circular", write_record(tmp_path, letter), "--format", "txt", "-o", out, "--profile", profile).exit_code == 0
    files = sorted(p.name for p in out.iterdir() if p.suffix != ".toml")
    assert files == sorted(["dispatch-register.sqlite", f"{STEM}-circular.txt", f"{STEM}-circular-_逃出_去.txt",
                            f"{STEM}-circular-2.txt", f"{STEM}-circular-逃出_去.txt"])
    assert "看門" in (out / f"{STEM}-circular-_逃出_去.txt").read_text(encoding="utf-8")
    assert all(p.parent == out for p in out.rglob("*")) and not list(tmp_path.glob("逃出*"))
    assert not [n for n in files if n.endswith(".tmp")]


def test_bad_profile_is_one_line_and_nothing_written(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text("[agency]\nname = 1\n", encoding="utf-8")
    result = run("ack", write_record(tmp_path, seed_like_letter()), "--profile", profile, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == f"gongwen: {profile}: profile: key agency.name must be a non-empty string\n"
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_table_of_a_letter_without_division_is_a_notice(tmp_path):
    record = write_record(tmp_path, seed_like_letter(attachments=[]))
    result = run("table", record, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert "nothing to render as table" in result.stderr


def test_parallel_cli_processes_number_distinctly(tmp_path):
    out = tmp_path / "out"
    records = []
    for i in range(6):
        letter = seed_like_letter()
        letter.dispatch_no.text = f"府政行字第108025163{i}號"
        records.append(write_record(tmp_path, letter, f"r{i}.json"))
    gongwen = [sys.executable, "-c", "from pipeline.cli import main; main()"]
    procs = [subprocess.Popen([*gongwen, "render", "ack", str(r), "--format", "txt", "-o", str(out)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) for r in records]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    numbers = {field(out / f"花蓮縣政府-府政行字第108025163{i}號-ack.txt", "發文字號") for i in range(6)}
    assert numbers == {f"明利小字第{roc_year(dt.date.today())}{n:07d}號" for n in range(1, 7)}
