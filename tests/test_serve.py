"""gongwen serve without a browser: the pages and downloads through Flask's HTTP test client."""
from __future__ import annotations

import csv
import io
import re
import sqlite3

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from serve_index import SECRET_OUTSIDE, SEED_NO, build_catalogue, create_app


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    return build_catalogue(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def client(catalogue):
    index, originals = catalogue
    return create_app(index, originals).test_client()


def letter_id(index, dispatch_no: str) -> int:
    conn = sqlite3.connect(index)
    return conn.execute("SELECT id FROM letters WHERE dispatch_no = ?", (dispatch_no,)).fetchone()[0]


def test_search_highlights_the_phrase_and_keeps_the_query_in_the_url(client, catalogue):
    page = client.get("/?q=安全維護").get_data(as_text=True)
    assert f'href="/letter/{letter_id(catalogue[0], SEED_NO)}"' in page
    assert "<mark>安全維護</mark>" in page
    assert 'value="安全維護"' in page
    assert "108年11月12日（2019-11-12）" in page and SEED_NO in page


def test_search_facets_narrow_and_sort_by_date(client):
    page = client.get("/?q=請查照&issuer=花蓮縣政府").get_data(as_text=True)
    assert re.findall(r'<span class="issuer">(.*?)</span>', page) == ["花蓮縣政府"]
    dated = client.get("/?sort=date").get_data(as_text=True)
    isos = re.findall(r"（(\d{4}-\d\d-\d\d)）", dated)
    assert isos == sorted(isos, reverse=True) and len(isos) == 20
    assert 'rel="next"' in dated and "/?sort=date&amp;page=2" in dated


def test_search_escapes_what_the_user_typed(client):
    page = client.get("/?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_letter_page_shows_plan_tree_division_table_and_references(client, catalogue):
    index, _ = catalogue
    page = client.get(f"/letter/{letter_id(index, SEED_NO)}").get_data(as_text=True)
    assert page.count('<td class="unit">') == 6
    assert '<strong>依據</strong>依據法務部廉政署108年10月14日廉政字第10807018360號書函辦理。' in page
    cited = letter_id(index, "廉政字第10807018360號")
    assert f'<a href="/letter/{cited}">法務部廉政署108年10月14日廉政字第10807018360號函</a>' in page
    assert '<section class="section" data-name="說明">' in page
    assert "本府政風處" in page and "<svg" in page


def test_secret_letters_show_their_header_only(catalogue):
    index, originals = catalogue
    secret = letter_id(index, "交路字第1000034521號")
    hidden = create_app(index, originals).test_client()
    page = hidden.get(f"/letter/{secret}").get_data(as_text=True)
    assert 'id="withheld"' in page and "道路交通安全規則" not in page and "交路字第1000034521號" in page
    assert hidden.get("/files/motc-reply-npa-secret.txt").status_code == 404
    assert "交路字第1000034521號" not in hidden.get("/?q=道路交通安全規則").get_data(as_text=True)
    assert "交路字第1000034521號" in shown_search(index, originals)
    shown = create_app(index, originals, show_classified=True).test_client()
    assert "道路交通安全規則" in shown.get(f"/letter/{secret}").get_data(as_text=True)
    assert shown.get("/files/motc-reply-npa-secret.txt").status_code == 200


@pytest.mark.parametrize("url", ["/files/..%2fsecret.txt", "/files/%2e%2e/secret.txt", "/files/link-out.txt",
                                 "/files/%2Fetc%2Fpasswd", "/files//etc/passwd", "/files/%2F%2Fetc/passwd", "/files/inbox/../../secret.txt"])
def test_originals_never_leave_their_folder(client, url):
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 404 and SECRET_OUTSIDE not in response.get_data(as_text=True)


def test_originals_pdf_inline_other_files_download(client):
    pdf = client.get("/files/hualien-1080251637.pdf")
    assert pdf.mimetype == "application/pdf" and "attachment" not in pdf.headers.get("Content-Disposition", "")
    odt = client.get("/files/376550000A1080251637_118_ATTACH2.odt")
    assert odt.headers["Content-Disposition"].startswith("attachment") and odt.data[:2] == b"PK"


def test_catalogue_downloads_csv_and_xlsx(client):
    rows = list(csv.reader(io.StringIO(client.get("/catalogue.csv").data.decode("utf-8-sig"))))
    assert rows[0] == ["檔號", "保存年限", "案由/主旨", "發文機關", "日期", "字號", "附件", "來源檔案"]
    seed = next(r for r in rows if r[5] == SEED_NO)
    assert seed[3:5] == ["花蓮縣政府", "108年11月12日"]
    assert next(r for r in rows if r[5] == "交路字第1000034521號")[2] == "（密件：主旨不顯示）"
    from openpyxl import load_workbook
    sheet = load_workbook(io.BytesIO(client.get("/catalogue.xlsx").data)).active
    assert [c.value for c in sheet[1]] == rows[0] and sheet.max_row == len(rows)


def test_register_filters_by_issuer_and_dates(client):
    page = client.get("/register?issuer=花蓮&since=2019-01-01&until=2020-12-31").get_data(as_text=True)
    assert re.findall(r">([^<>]*字第\d+號)</a>", page) == ["明利國小學字第1090000123號", SEED_NO]


def test_pages_load_nothing_from_elsewhere(client):
    page = client.get("/").get_data(as_text=True)
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "default-src 'none'" in client.get("/").headers["Content-Security-Policy"]


def test_the_index_is_opened_read_only(catalogue):
    from pipeline.index.engine import open_read_only
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        open_read_only(catalogue[0]).execute("DELETE FROM letters")


def test_serve_without_an_index_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--index", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "gongwen serve:" in result.output


def shown_search(index, originals) -> str:
    return create_app(index, originals, show_classified=True).test_client().get("/?q=道路交通安全規則").get_data(as_text=True)


@pytest.mark.parametrize("typed", ["1080251637", "府政行字第１０８０２５１６３７號"])
def test_search_by_dispatch_number_puts_that_letter_first(client, typed):
    page = client.get("/", query_string={"q": typed}).get_data(as_text=True)
    assert re.findall(r'<span class="dispatch">(.*?)</span>', page)[0] == SEED_NO
