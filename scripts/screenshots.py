"""Regenerate the README's screenshots of `gongwen serve` (make screenshots): the batch over samples/inbox into a
temporary folder, the catalogue served on 127.0.0.1, and Debian's headless Chromium (chromium, chromium-driver)
saving docs/serve-search.png (a search for 安全維護) and docs/serve-letter.png (the seed letter's page)."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from serve_index import running  # noqa: E402
from test_serve_browser import start_browser  # noqa: E402

from pipeline.serve.app import create_app  # noqa: E402

SEED_NO = "府政行字第1080251637號"


def main() -> None:
    """Write docs/serve-search.png and docs/serve-letter.png."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", "samples/inbox", "-o", tmp], cwd=ROOT,
                       capture_output=True, check=False)
        with running(create_app(Path(tmp) / "index.sqlite", ROOT / "samples" / "inbox")) as url:
            driver = start_browser(Path(tmp))
            try:
                driver.set_window_size(1280, 900)
                driver.get(url + "/?q=安全維護")
                driver.save_screenshot(str(ROOT / "docs" / "serve-search.png"))
                hit = next(h for h in driver.find_elements("css selector", "li.hit")
                           if h.find_element("css selector", ".dispatch").text == SEED_NO)
                hit.find_element("css selector", "a.subject").click()
                height = driver.execute_script("return document.body.scrollHeight")
                driver.set_window_size(1280, min(height + 100, 4000))
                driver.save_screenshot(str(ROOT / "docs" / "serve-letter.png"))
            finally:
                driver.quit()
    print("wrote docs/serve-search.png and docs/serve-letter.png")


if __name__ == "__main__":
    main()
