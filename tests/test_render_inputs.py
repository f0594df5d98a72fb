"""The RECORD_OR_INPUT arguments of `gongwen render` and `gongwen export-di`: one loader, attachment files
beside an original letter parsed in, names that keep letters of different senders apart."""
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_render_compose import units_profile_file

from pipeline.attach import attachment_positions, load_with_attachments
from pipeline.cli import main
from pipeline.records import from_dict, to_dict

INBOX = Path(__file__).resolve().parent.parent / "samples" / "inbox"
SEED_DI = INBOX / "376550000A1080251637.di"
SEED_PDF = INBOX / "hualien-1080251637.pdf"
CHANGHUA = INBOX / "changhua-county-spaces-urgent.txt"
ATTACHMENTS = ["376550000A1080251637_118_ATTACH1.odt", "376550000A1080251637_118_ATTACH2.odt"]
UNITS = ["本府各處及所屬各級機關", "本府行政暨研考", "本府教育處", "本府觀光處", "本府人事處", "本府政風處"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def nantou_copy(folder: Path) -> Path:
    """Return a copy of the 彰化縣政府 sample as if 南投縣政府 had sent it: same 府教字 number, another sender."""
    path = folder / "nantou.txt"
    path.write_text(CHANGHUA.read_text(encoding="utf-8").replace("彰化縣政府", "南投縣政府"), encoding="utf-8")
    return path


# ---- attachment files beside an original letter ------------------------------------------------

@pytest.mark.parametrize("letter", [SEED_DI, SEED_PDF], ids=["di", "pdf"])
def test_an_original_letter_gets_its_attachment_files_parsed_inline(letter):
    record, warnings = load_with_attachments(str(letter))
    assert warnings == []
    assert [(a.file, a.kind) for a in record.attachments] == list(zip(ATTACHMENTS, ["plan", "division"]))
    assert record.attachments[0].content["schema"] == "gongwen/plan@1"
    assert [row["unit"] for row in record.attachments[1].content["rows"]] == UNITS


@pytest.mark.parametrize("letter", [SEED_DI, SEED_PDF], ids=["di", "pdf"])
def test_render_circular_and_table_from_an_original_di_or_pdf(tmp_path, letter):
    profile = units_profile_file(tmp_path, UNITS)  # an agency whose own units the seed's table names
    result = run("render", "circular", letter, "--format", "txt", "--no-number", "-o", tmp_path, "--profile", profile)
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 7  # the 函轉 and one to each of our units the table names
    result = run("render", "table", letter, "--format", "txt", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    table = (tmp_path / "花蓮縣政府-府政行字第1080251637號-table.txt").read_text(encoding="utf-8")
    assert all(unit in table for unit in UNITS)


def test_missing_and_unreadable_attachment_files_are_warnings_not_failures(tmp_path):
    shutil.copy(SEED_DI, tmp_path / SEED_DI.name)
    (tmp_path / ATTACHMENTS[1]).write_bytes(b"PK\x03\x04 not really a zip")
    result = run("render", "circular", tmp_path / SEED_DI.name, "--format", "txt", "--no-number", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "attachment file" in line]
    assert warnings[0] == (f"gongwen: warning: {tmp_path / SEED_DI.name}: attachment file {ATTACHMENTS[1]} not read: "
                           "not a readable ODT: damaged or not a zip file")
    assert warnings[1] == (f"gongwen: warning: {tmp_path / SEED_DI.name}: attachment file {ATTACHMENTS[0]} "
                           "not found beside the letter")
    assert len(result.stdout.splitlines()) == 1  # the 函轉 only: no division table could be read


def test_a_missing_file_whose_content_is_inline_says_the_inline_copy_is_used(tmp_path):
    seed_text = INBOX / "000_7274a88dd80a289e.txt"
    shutil.copy(seed_text, tmp_path / seed_text.name)
    record, warnings = load_with_attachments(str(tmp_path / seed_text.name))
    assert warnings == [f"attachment file {name} not found beside the letter (its content inside the letter is used)"
                        for name in ATTACHMENTS]
    assert [a.kind for a in record.attachments] == ["plan", "division"]


def test_pairing_by_name_and_by_exchange_naming():
    names = ["376550000A1080251637_118_ATTACH2.odt", "376550000A1080251637_118_ATTACH1.odt", "計畫.PDF",
             "999_1_ATTACH1.odt", "notes.txt"]
    assert attachment_positions(["計畫.pdf", None], "1080251637", names) == {
        0: "計畫.PDF", 1: "376550000A1080251637_118_ATTACH2.odt", 2: "376550000A1080251637_118_ATTACH1.odt"}
    assert attachment_positions([], None, names) == {}


# ---- one loader for both commands ---------------------------------------------------------------

def test_export_di_takes_the_list_that_parse_prints(tmp_path):
    listing = tmp_path / "two.json"
    listing.write_text(run("parse", INBOX / "000_7274a88dd80a289e.txt", INBOX / "moi-fire-roster.di").stdout,
                       encoding="utf-8")
    result = run("export-di", listing, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert {Path(p).name for p in result.stdout.splitlines()} >= {"376550000A1080251637.di", "A15000000E1120821234.di"}


@pytest.mark.parametrize("command", [["render", "ack"], ["export-di"]])
def test_both_commands_word_input_errors_alike(tmp_path, command):
    broken = tmp_path / "broken.json"
    broken.write_text("[1]", encoding="utf-8")
    off = tmp_path / "off.json"
    off.write_text(json.dumps({"schema": "gongwen/letter@1", "subject": "主旨", "cc_main": "花蓮縣政府"}), encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"schema": "gongwen/letter@1"}), encoding="utf-8")
    result = run(*command, broken, off, empty, tmp_path / "missing.txt", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if not line.startswith("gongwen: warning")] == [
        f"gongwen: {broken}: record 1: not a gongwen record: unknown record schema None",
        f"gongwen: {off}: not a gongwen record: cc_main must be a list, not str",
        f"gongwen: {empty}: not an official letter: no 發文字號 and no 主旨 found",
        f"gongwen: {tmp_path / 'missing.txt'}: no such file",
    ]
    assert not (tmp_path / "out").exists() or [p.name for p in (tmp_path / "out").iterdir()] in ([], ["dispatch-register.sqlite"])


def test_export_di_refuses_an_empty_letter_record(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text('{"schema":"gongwen/letter@1"}', encoding="utf-8")
    result = run("export-di", empty, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == f"gongwen: {empty}: not an official letter: no 發文字號 and no 主旨 found\n"
    assert list((tmp_path / "out").iterdir()) == []


def test_a_bug_in_rendering_is_not_reported_as_a_schema_problem(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise TypeError("a programming bug")
    monkeypatch.setattr("pipeline.commands.render.render_record", broken)
    monkeypatch.setenv("GONGWEN_DEBUG", "0")
    result = run("render", "ack", INBOX / "000_7274a88dd80a289e.txt", "-o", tmp_path)
    assert result.exit_code == 70  # one line naming it an internal error, not a bad input
    assert result.output.splitlines()[-1] == ("gongwen: internal error: TypeError: a programming bug "
                                              "(run `gongwen --debug …` for the traceback)")
    assert "Traceback" not in result.output
    debug = run("--debug", "render", "ack", INBOX / "000_7274a88dd80a289e.txt", "-o", tmp_path)
    assert isinstance(debug.exception, TypeError)  # surfaces with its traceback
    assert "does not fit its schema" not in debug.output


def test_from_dict_names_the_field_that_does_not_fit():
    with pytest.raises(TypeError, match=r"^attachments\[0\]\.content must be an object, not str$"):
        from_dict({"schema": "gongwen/letter@1", "attachments": [{"title": "x", "content": "y"}]})
    with pytest.raises(TypeError, match=r"^date lacks roc$"):
        from_dict({"schema": "gongwen/letter@1", "date": {"iso": "2019-11-12"}})
    record = from_dict(json.loads(json.dumps(to_dict(load_with_attachments(str(SEED_DI))[0]))))
    assert record.attachments[1].content["rows"][0]["unit"] == UNITS[0]


# ---- names that keep different senders apart -----------------------------------------------------

def test_same_number_from_two_senders_renders_two_sets_of_files(tmp_path):
    nantou = nantou_copy(tmp_path)
    out = tmp_path / "out"
    profile = tmp_path / "school.toml"  # the letters' 受文者, so that both are answered
    profile.write_text((INBOX.parent.parent / "pipeline/data/profile.sample.toml").read_text(encoding="utf-8").replace(
        "花蓮縣萬榮鄉明利國民小學", "彰化縣立彰化藝術高級中學"), encoding="utf-8")
    result = run("render", "ack", CHANGHUA, nantou, "--format", "txt", "-o", out, "--profile", profile)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [str(out / "彰化縣政府-府教字第1120012345號-ack.txt"),
                                          str(out / "南投縣政府-府教字第1120012345號-ack.txt")]
    assert "受文者：南投縣政府" in (out / "南投縣政府-府教字第1120012345號-ack.txt").read_text(encoding="utf-8")
    again = run("render", "ack", nantou, "--format", "txt", "-o", out, "--profile", profile)  # replaces its own file
    assert again.stdout.splitlines() == [str(out / "南投縣政府-府教字第1120012345號-ack.txt")]
    assert len(list(out.glob("*.txt"))) == 2


def test_same_number_from_two_senders_exports_two_dis(tmp_path):
    nantou = nantou_copy(tmp_path)
    out = tmp_path / "out"
    result = run("export-di", CHANGHUA, nantou, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.di")) == ["南投縣政府-1120012345.di", "彰化縣政府-1120012345.di"]
    again = run("export-di", nantou, "-o", out)
    assert again.exit_code == 0 and len(list(out.glob("*.di"))) == 2


def test_letters_without_a_number_are_named_by_file_and_content(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, subject in ((first, "請查照。"), (second, "請鑒核。")):
        folder.mkdir()
        (folder / "letter.json").write_text(json.dumps({"schema": "gongwen/letter@1", "issuer": "花蓮縣政府",
                                                        "subject": subject, "source": {"path": "x/letter.txt",
                                                        "sha256": ("1" if folder == first else "2") * 64}}),
                                            encoding="utf-8")
    result = run("render", "ack", first / "letter.json", second / "letter.json", "--format", "txt", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert [Path(p).name for p in result.stdout.splitlines()] == ["花蓮縣政府-11111111-ack.txt", "花蓮縣政府-22222222-ack.txt"]
