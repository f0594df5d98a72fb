"""Build what the web catalogue tests serve: the batch over samples/inbox plus the letter the seed cites, into a
temporary folder, and a running server on 127.0.0.1 and a free port."""
from __future__ import annotations

import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner
from test_search import CITED  # the letter the seed cites (its 廉政署 reference)
from werkzeug.serving import make_server

from pipeline.cli import main
from pipeline.serve.app import create_app

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "samples" / "inbox"
SEED_NO = "府政行字第1080251637號"
SECRET_OUTSIDE = "outside the originals folder"


def build_catalogue(base: Path) -> tuple[Path, Path]:
    """Given an empty folder, return (index, originals): the batch over a copy of samples/inbox with the cited
    廉政署 letter added, and in the originals a symlink that leads out of the folder."""
    inbox = base / "inbox"
    shutil.copytree(INBOX, inbox)
    (inbox / "lianzheng-cited.txt").write_text(CITED, encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(inbox), "-o", str(base / "out"), "--jobs", "1"])
    assert result.exit_code in (0, 2), result.output
    (base / "secret.txt").write_text(SECRET_OUTSIDE, encoding="utf-8")
    (inbox / "link-out.txt").symlink_to(base / "secret.txt")
    return base / "out" / "index.sqlite", inbox


@contextmanager
def running(app):
    """Given a Flask app, serve it on 127.0.0.1 and a free port in a thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


__all__ = ["build_catalogue", "create_app", "running", "SEED_NO", "SECRET_OUTSIDE"]
