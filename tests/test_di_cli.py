"""`gongwen export-di` and `gongwen render --format di` as a user runs them."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from test_render_compose import units_profile_file

from pipeline.cli import main
from pipeline.exchange.validate import dtd_errors
from pipeline.load import load_record
from pipeline.records import to_dict

INBOX = Path(__file__).resolve().parent.parent / "samples" / "inbox"
SEED_TEXT = INBOX / "000_7274a88dd80a289e.txt"
SEED_DI = INBOX / "376550000A1080251637.di"
ATTACHMENTS = ["376550000A1080251637_118_ATTACH1.odt", "376550000A1080251637_118_ATTACH2.odt"]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_export_di_from_a_letter_writes_di_roster_and_attachments(tmp_path):
    result = run("export-di", str(SEED_TEXT), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(ATTACHMENTS + ["376550000A1080251637.di",
                                                                          "376550000A1080251637.sw"])
    assert result.stdout.splitlines()[-1] == str(out / "376550000A1080251637.di")
    assert (out / "376550000A1080251637.di").read_bytes() == SEED_DI.read_bytes()
    for name in ATTACHMENTS:
        assert (out / name).read_bytes() == (INBOX / name).read_bytes()
    assert "parsed attachment contents are not part of a DI" in result.stderr


def test_export_di_from_a_json_record_takes_attachments_from_its_folder_or_the_option(tmp_path):
    record = tmp_path / "seed.json"
    parsed = run("parse", str(SEED_TEXT))
    record.write_text(parsed.stdout, encoding="utf-8")
    result = run("export-di", str(record), "-o", str(tmp_path / "out"))  # never from the record's source.path
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "376550000A1080251637.di").read_bytes() == SEED_DI.read_bytes()
    assert not any((tmp_path / "out" / name).exists() for name in ATTACHMENTS)
    assert f"attachment file {ATTACHMENTS[0]} not found beside the letter: not copied" in result.stderr
    result = run("export-di", str(record), "-o", str(tmp_path / "out2"), "--attachments", str(INBOX))
    assert result.exit_code == 0, result.stderr
    assert all((tmp_path / "out2" / name).read_bytes() == (INBOX / name).read_bytes() for name in ATTACHMENTS)


def test_export_di_of_a_di_sample_round_trips(tmp_path):
    result = run("export-di", str(INBOX / "moi-fire-roster.di"), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    written = tmp_path / "A15000000E1120821234.di"  # 機關代碼 + 文號, as the exchange names it
    assert dtd_errors(written.read_bytes()) == [] and dtd_errors((tmp_path / "A15000000E1120821234.sw").read_bytes()) == []
    before, after = to_dict(load_record(str(INBOX / "moi-fire-roster.di"))), to_dict(load_record(str(written)))
    assert {k: v for k, v in after.items() if k != "source"} == {k: v for k, v in before.items() if k != "source"}


def test_missing_attachment_files_are_reported_and_the_di_still_written(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_bytes((INBOX / "taipei-edu-oneline.txt").read_bytes())
    result = run("export-di", str(letter), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "attachment file 379030000A1123098765_5_ATTACH1.pdf not found beside the letter: not copied" in result.stderr
    assert (tmp_path / "out" / "379030000A1123098765.di").is_file()


def test_bad_inputs_get_one_line_errors_and_leave_nothing_behind(tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"schema": "gongwen/plan@1", "title": "計畫"}), encoding="utf-8")
    hostile = tmp_path / "hostile.json"
    seed = json.loads(run("parse", str(SEED_TEXT)).stdout)
    seed["attachments"][0]["file"] = "../../escape.odt"
    hostile.write_text(json.dumps(seed, ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    result = run("export-di", str(tmp_path / "missing.txt"), str(plan), str(hostile), str(broken), "-o", str(out))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [
        f"gongwen: {tmp_path / 'missing.txt'}: no such file",
        f"gongwen: {plan}: is a plan record, not a letter: no DI",
        f"gongwen: {hostile}: attachment file '../../escape.odt' is not a plain file name",
        f"gongwen: {broken}: not a valid record JSON file: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
    ]
    assert not out.exists() or not any(out.iterdir())
    assert not (tmp_path.parent / "escape.odt").exists()


def test_output_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    result = run("export-di", str(SEED_TEXT), "-o", str(blocker))
    assert result.exit_code != 0
    assert "out" in result.stderr and "Traceback" not in result.stderr


def test_render_format_di_gives_the_same_record_as_the_rendered_text(tmp_path):
    units = [row["unit"] for row in load_record(str(SEED_TEXT)).attachments[1].content["rows"]]
    profile = units_profile_file(tmp_path, units)  # an agency whose own units the seed's table names
    result = run("render", "circular", str(SEED_TEXT), "--format", "txt", "--format", "di", "--no-number",
                 "-o", str(tmp_path / "out"), "--profile", str(profile))
    assert result.exit_code == 0, result.stderr
    dis = sorted((tmp_path / "out").glob("*.di"))
    assert len(dis) == 7  # the 函轉 and one to each of our units the division table names
    for di in dis:
        assert dtd_errors(di.read_bytes()) == []
        from_di, from_text = to_dict(load_record(str(di))), to_dict(load_record(str(di.with_suffix(".txt"))))
        for key in ("source", "warnings", "file_no", "retention", "issuer_code"):  # DI-only or text-only fields
            from_di.pop(key), from_text.pop(key)
        assert from_di == from_text
        assert from_di["issuer"] == "花蓮縣萬榮鄉明利國民小學"


def test_render_table_as_di_is_refused_in_one_line(tmp_path):
    result = run("render", "table", str(SEED_TEXT), "--format", "di", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("a table is not a letter: it has no DI form (use odt, html or txt)")
    assert not list(tmp_path.glob("*.di"))
