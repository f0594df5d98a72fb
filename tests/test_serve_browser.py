"""gongwen serve in a real browser: Debian's headless Chromium driven by Selenium through chromedriver.
Skipped when they are not installed; .ci/run installs them and sets GONGWEN_REQUIRE_BROWSER=1, which makes the
skip a failure there."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from serve_index import SECRET_OUTSIDE, SEED_NO, build_catalogue, create_app, running

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
HAS_BROWSER = Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()
pytestmark = pytest.mark.skipif(
    not HAS_BROWSER and os.environ.get("GONGWEN_REQUIRE_BROWSER") != "1",
    reason="chromium and chromium-driver are not installed (apt-get install chromium chromium-driver); "
           ".ci/run installs them")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000"]


def start_browser(downloads: Path):
    """Given a downloads folder, return a headless Chromium (the system's) that saves downloads there."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    index, originals = build_catalogue(base)
    downloads = base / "downloads"
    downloads.mkdir()
    with running(create_app(index, originals)) as url:
        driver = start_browser(downloads)
        try:
            yield driver, url, downloads
        finally:
            driver.quit()


def wait_for_url(driver, part: str, seconds: float = 10) -> None:
    """Wait until the browser has navigated to a URL holding ``part`` (a form submit returns before it has)."""
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, seconds).until(lambda d: part in d.current_url)


def by_css(driver, css: str):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, css)


def wait_for_file(folder: Path, name: str, seconds: float = 10) -> Path:
    """Given a folder and a file name, return the file once the browser has finished downloading it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (folder / name).exists() and not list(folder.glob("*.crdownload")):
            return folder / name
        time.sleep(0.1)
    raise AssertionError(f"{name} was not downloaded; the folder holds {sorted(p.name for p in folder.iterdir())}")


def test_search_open_the_seed_letter_and_follow_its_reference(site):
    driver, url, _ = site
    driver.get(url + "/")
    box = by_css(driver, "input[name=q]")[0]
    box.send_keys("安全維護")
    box.submit()
    wait_for_url(driver, "q=%E5%AE%89%E5%85%A8%E7%B6%AD%E8%AD%B7")
    seed = next(hit for hit in by_css(driver, "li.hit") if SEED_NO in hit.text)
    assert "安全維護" in [m.text for m in seed.find_elements("css selector", "mark")]
    seed.find_element("css selector", "a.subject").click()
    assert len(by_css(driver, ".plan-tree ol.items > li")) >= 6
    assert len(by_css(driver, "table.division tbody tr")) == 6
    assert by_css(driver, "table.division td.unit")[0].text == "本府各處及所屬各級機關"
    link = next(a for a in by_css(driver, "ul.cites a") if "廉政字第10807018360號" in a.text)
    link.click()
    assert "法務部廉政署" in by_css(driver, "h1")[0].text
    assert any(SEED_NO in a.text for a in by_css(driver, "ul.cited-by a"))
    assert by_css(driver, "figure.graph svg")


def test_open_an_attachment_and_download_the_catalogue_csv(site):
    driver, url, downloads = site
    driver.get(url + "/?q=" + SEED_NO)
    hit = next(h for h in by_css(driver, "li.hit") if h.find_element("css selector", ".dispatch").text == SEED_NO)
    hit.find_element("css selector", "a.subject").click()
    next(a for a in by_css(driver, "a.file") if "ATTACH2.odt" in a.text).click()
    odt = wait_for_file(downloads, "376550000A1080251637_118_ATTACH2.odt")
    assert odt.read_bytes()[:2] == b"PK"
    driver.get(url + "/catalogue")
    next(a for a in by_css(driver, ".downloads a") if "CSV" in a.text).click()
    text = wait_for_file(downloads, "catalogue.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("檔號,保存年限,案由/主旨,發文機關,日期,字號,附件,來源檔案") and SEED_NO in text


def test_secret_letter_shows_its_header_only(site):
    driver, url, _ = site
    driver.get(url + "/register")
    next(a for a in by_css(driver, "table.register a") if a.text == "交路字第1000034521號").click()
    assert "僅顯示表頭" in by_css(driver, "#withheld")[0].text
    assert "道路交通安全規則" not in driver.page_source
    assert not by_css(driver, "section.attachments")


def test_path_traversal_is_refused(site):
    driver, url, _ = site
    for path in ("/files/..%2fsecret.txt", "/files/%2e%2e/%2e%2e/secret.txt", "/files/link-out.txt"):
        driver.get(url + path)
        assert SECRET_OUTSIDE not in driver.page_source and "Not Found" in driver.title
