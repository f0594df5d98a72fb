"""Files only from where they belong (issue 14): no link followed when reading attachments, attachments only
from the folder of the file named on the command line, no invisible characters in written names, jieba's cache in
a private per-user folder."""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.files import inside, safe_stem

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "samples" / "inbox"
SEED_DI = INBOX / "376550000A1080251637.di"
ATTACH1 = "376550000A1080251637_118_ATTACH1.odt"
ATTACH2 = "376550000A1080251637_118_ATTACH2.odt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def linked_letter(tmp_path) -> Path:
    """The seed DI beside its roster, one real attachment and one attachment name that is a link to a secret."""
    folder = tmp_path / "letter"
    folder.mkdir()
    for name in (SEED_DI.name, "376550000A1080251637.sw", ATTACH2):
        shutil.copy(INBOX / name, folder / name)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (folder / ATTACH1).symlink_to(secret)
    return folder


def test_export_di_never_copies_a_linked_attachment(linked_letter, tmp_path):
    out = tmp_path / "out"
    result = run("export-di", linked_letter / SEED_DI.name, "-o", out)
    assert result.exit_code == 0
    assert not (out / ATTACH1).exists()
    assert (out / ATTACH2).read_bytes() == (INBOX / ATTACH2).read_bytes()
    assert f"attachment file {ATTACH1} is a symbolic link (links are not followed): not copied" in result.output
    assert not any("root:x" in p.read_text(errors="replace") for p in out.iterdir())


def test_render_never_reads_a_linked_attachment(linked_letter, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_PROFILE", str(ROOT / "pipeline" / "data" / "profile.sample.toml"))
    result = run("render", "table", linked_letter / SEED_DI.name, "-o", tmp_path / "out", "--format", "txt")
    assert f"attachment file {ATTACH1} not found beside the letter" in result.output
    assert not any("root:x" in p.read_text(errors="replace") for p in (tmp_path / "out").iterdir() if p.is_file())


def test_export_di_ignores_the_folder_a_record_names(tmp_path):
    parsed = run("parse", INBOX / "000_7274a88dd80a289e.txt")
    record = tmp_path / "forged.json"
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(INBOX / ATTACH1, tmp_path / "elsewhere" / ATTACH1)
    record.write_text(parsed.output.replace('"path": "', f'"path": "{tmp_path}/elsewhere/', 1), encoding="utf-8")
    result = run("export-di", record, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert not (tmp_path / "out" / ATTACH1).exists()


@pytest.mark.parametrize("stem, expected", [
    ("府政行字第1080251637號\u202efdp.exe", "府政行字第1080251637號fdp.exe"),
    ("a\u2066b\u2069c\u200bd\u200fe", "abcde"),
    ("x\x07y\x1b[31mz", "xy[31mz"),
])
def test_invisible_characters_never_reach_a_file_name(stem, expected):
    assert safe_stem(stem) == expected


def test_a_name_with_bidi_controls_is_refused(tmp_path):
    with pytest.raises(InputError, match="control or bidirectional characters"):
        inside(tmp_path, "plan\u202eodt.exe")


def test_jieba_cache_lives_in_a_private_per_user_folder(tmp_path, monkeypatch):
    from pipeline.index.segment import private_cache_folder
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = private_cache_folder()
    assert folder == str(tmp_path / "cache" / "gongwen")
    assert stat.S_IMODE(os.stat(folder).st_mode) & 0o077 == 0
    os.chmod(folder, 0o777)  # others could plant a cache there: not used
    other = private_cache_folder()
    assert other != folder and stat.S_IMODE(os.stat(other).st_mode) == 0o700
    os.rmdir(other)


def test_the_tokenizer_does_not_use_the_shared_temp_folder():
    import tempfile

    from pipeline.index.segment import tokenizer
    assert tokenizer().tmp_dir and not tokenizer().tmp_dir.startswith(tempfile.gettempdir() + os.sep + "jieba")
    assert Path(tokenizer().tmp_dir) != Path(tempfile.gettempdir())


def test_render_table_as_odt_and_di_writes_the_odt_and_explains_the_di(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_PROFILE", str(ROOT / "pipeline" / "data" / "profile.sample.toml"))
    result = run("render", "table", SEED_DI, "--format", "odt", "--format", "di", "-o", tmp_path)
    assert result.exit_code == 0
    assert (f"gongwen: {SEED_DI}: a division table is not a letter: it has no DI form, --format di skipped "
            "(odt written)") in result.output
    written = sorted(p.name for p in tmp_path.glob("*.odt"))
    assert len(written) == 1 and written[0].endswith(".odt")
    assert not list(tmp_path.glob("*.di"))
