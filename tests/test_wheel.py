"""The built wheel works anywhere: installed in a fresh virtual environment outside the checkout, every
command finds its templates and data (no checkout, no $GONGWEN_TEMPLATES)."""
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
INBOX = ROOT / "samples" / "inbox"
SEED = "000_7274a88dd80a289e.txt"
PLAN, TABLE = "376550000A1080251637_118_ATTACH1.odt", "376550000A1080251637_118_ATTACH2.odt"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """Build the wheel, install it with its dependencies into a fresh venv; return the venv's bin folder."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # a copy, so the build leaves nothing in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("pipeline", "templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist"),
                            str(source)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (wheel,) = (base / "dist").glob("gongwen-*.whl")
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    install = subprocess.run([str(bin_dir / "pip"), "install", "-q", "--disable-pip-version-check", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    return bin_dir


def gongwen(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the installed gongwen in cwd with no trace of the checkout in its environment."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GONGWEN_TEMPLATES", "VIRTUAL_ENV")}
    return subprocess.run([str(bin_dir / "gongwen"), *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_the_wheel_carries_templates_and_data(installed):
    site = subprocess.run([str(installed / "python"), "-c", "import pipeline, pathlib; print(pathlib.Path(pipeline.__file__).parent)"],
                          capture_output=True, text=True, cwd="/").stdout.strip()
    package = Path(site)
    assert ROOT not in package.parents, "the venv imported the checkout, not the wheel"
    assert (package / "templates" / "odt" / "letter.xml").is_file()
    assert (package / "data" / "vocabulary.toml").is_file()
    assert (package / "locale" / "zh_TW" / "LC_MESSAGES" / "gongwen.mo").is_file()


def test_installed_commands_work_outside_the_checkout(installed, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in (SEED, PLAN, TABLE):
        shutil.copy(INBOX / name, inbox / name)

    parsed = gongwen(installed, tmp_path, "parse", f"inbox/{SEED}")
    assert parsed.returncode == 0, parsed.stderr
    record = json.loads(parsed.stdout)
    assert record["dispatch_no"]["text"] == "府政行字第1080251637號" and record["date"]["iso"] == "2019-11-12"

    batch = gongwen(installed, tmp_path, "batch", "inbox", "-o", "out")
    assert batch.returncode == 0, batch.stderr
    assert (tmp_path / "out" / "register.csv").is_file() and (tmp_path / "out" / "index.sqlite").is_file()

    ack = gongwen(installed, tmp_path, "render", "ack", f"inbox/{SEED}", "--format", "txt", "-o", "rendered")
    assert ack.returncode == 0, ack.stderr
    reply = Path(tmp_path, ack.stdout.split()[0]).read_text(encoding="utf-8")
    assert "108年11月12日府政行字第1080251637號函" in reply

    circulars = gongwen(installed, tmp_path, "render", "circular", f"inbox/{SEED}", "--format", "odt", "-o", "rendered")
    assert circulars.returncode == 0, circulars.stderr
    assert len(circulars.stdout.split()) == 1  # to our own units: the 分工表 names only the sender's departments
    table = gongwen(installed, tmp_path, "render", "table", f"inbox/{SEED}", "--format", "html", "-o", "rendered")
    assert table.returncode == 0, table.stderr
    assert "本府政風處" in Path(tmp_path, table.stdout.split()[0]).read_text(encoding="utf-8")

    exported = gongwen(installed, tmp_path, "export-di", f"inbox/{SEED}", "-o", "di")
    assert exported.returncode == 0, exported.stderr
    assert any(p.suffix == ".di" for p in (tmp_path / "di").rglob("*"))
