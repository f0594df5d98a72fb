"""Ctrl-C: any command says it was interrupted in one line and exits 130 (README 「Exit status」), not click's
「Aborted!」 and 1; in a batch the terminal sends SIGINT to the batch and its workers at once, and no worker prints a
traceback, even one still loading jieba's dictionary."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from hostile import SEED_TEXT
from pipeline.cli import main
from test_batch import GONGWEN

INTERRUPTED = "gongwen batch: interrupted; run the same command again to finish (parsed files are kept)"


def children(pid: int) -> list[str]:
    """Given a process id, return its child processes' ids (Linux /proc)."""
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def test_a_worker_interrupted_ends_quietly_with_130():
    """A worker started as the batch starts its workers ends at once on SIGINT, with exit 130 and nothing on stderr."""
    code = ("import os, signal, time\n"
            "from pipeline.batch.work import start_builder\n"
            "start_builder(os.getppid())\n"
            "os.kill(os.getpid(), signal.SIGINT)\n"
            "time.sleep(10)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert (done.returncode, done.stderr) == (130, "")


def test_ctrl_c_while_the_workers_start_is_one_line_and_130(tmp_path):
    """SIGINT to the batch's process group while its two workers load jieba: exit 130, the one line, no traceback."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_TEXT, inbox / "seed.txt")
    batch = subprocess.Popen([GONGWEN, "batch", str(inbox), "-o", str(tmp_path / "out"), "--jobs", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                             env={**os.environ, "LANG": "C", "LC_ALL": "C"},
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(children(batch.pid)) < 2 and time.monotonic() < deadline:  # both workers forked
        time.sleep(0.005)
    time.sleep(0.1)  # now loading jieba's dictionary (about a second)
    os.killpg(batch.pid, signal.SIGINT)  # what Ctrl-C on a terminal does
    out, err = batch.communicate(timeout=60)
    assert batch.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip().splitlines()[-1] == INTERRUPTED


def interrupt(*args, **kwargs):
    raise KeyboardInterrupt


def test_ctrl_c_while_a_letter_is_read_is_one_line_and_130(monkeypatch):
    """Ctrl-C while `gongwen parse` reads a letter: 「gongwen: interrupted」, exit 130."""
    monkeypatch.setattr("pipeline.commands.parse.load_record", interrupt)
    result = CliRunner().invoke(main, ["parse", str(SEED_TEXT)], env={"LANG": "C", "LC_ALL": "C"})
    assert result.exit_code == 130, result.output
    assert result.output.strip() == "gongwen: interrupted"


def init_at_its_first_question(tmp_path: Path) -> subprocess.Popen:
    """Start `gongwen init` in tmp_path and return it once it asks its first question."""
    init = subprocess.Popen([GONGWEN, "init", "-o", "profile.toml"], cwd=tmp_path, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "LANG": "C", "LC_ALL": "C"},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert init.stdout.read(4) == b"Full"  # 「Full name of our agency (機關全銜):」
    time.sleep(0.2)
    return init


def test_ctrl_c_at_a_question_of_init_is_one_line_and_130(tmp_path):
    """Ctrl-C at init's first question: 「gongwen: interrupted」, exit 130, no profile written."""
    init = init_at_its_first_question(tmp_path)
    init.send_signal(signal.SIGINT)
    _, err = init.communicate(timeout=30)
    assert init.returncode == 130, err
    assert err.decode().strip() == "gongwen: interrupted"
    assert not (tmp_path / "profile.toml").exists()


def test_end_of_input_at_a_question_is_still_clicks_aborted(tmp_path):
    """Ctrl-D (end of input) at init's first question is not an interruption: click's 「Aborted!」, exit 1."""
    init = init_at_its_first_question(tmp_path)
    _, err = init.communicate(b"", timeout=30)
    assert init.returncode == 1 and err.decode().strip() == "Aborted!"
