"""The index on PostgreSQL (a throw-away cluster, tests/postgres_cluster.py): the batch writes it, every index
command reads it with the same output as from SQLite, a role with only SELECT can search, schema versions are
checked and upgraded, batches writing at once leave every letter exactly once."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from postgres_cluster import postgres  # noqa: F401 (the fixture)
from serve_index import CITED, SEED_NO, create_app

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "samples" / "inbox"
GONGWEN = [sys.executable, "-m", "pipeline.cli"]
LETTER = """臺中市政府教育局 函

受文者：臺中市立{school}
發文日期：中華民國113年3月{day}日
發文字號：中市教國字第113{number:07d}號
速別：普通件
主旨：有關{topic}事宜，請查照。
說明：依據本局113年2月1日中市教國字第1130000001號函辦理。
正本：臺中市立{school}
"""
TOPICS = ["校園安全維護", "選舉期間行政中立", "公告營養午餐招標", "人事差勤", "防颱準備"]


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def text_inbox(folder: Path) -> Path:
    """Given a folder, copy the text, ODT and DI sample letters and the letter the seed cites into it."""
    folder.mkdir(parents=True)
    for path in INBOX.iterdir():
        if path.suffix in (".txt", ".odt", ".di", ".sw"):
            shutil.copy(path, folder)
    (folder / "lianzheng-cited.txt").write_text(CITED, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engines(postgres, tmp_path_factory):  # noqa: F811
    """(SQLite index path, PostgreSQL index URL), each written by a batch over the same sample letters."""
    base = tmp_path_factory.mktemp("engines")
    inbox = text_inbox(base / "inbox")
    url = postgres.new_database("samples")
    for output, index in ((base / "sqlite", None), (base / "postgres", url)):
        result = invoke("batch", str(inbox), "-o", str(output), "--jobs", "1", *(["--index", index] if index else []))
        assert result.exit_code == 0, result.output
    return str(base / "sqlite" / "index.sqlite"), url


@pytest.mark.parametrize("command", [
    ["search", "選舉", "安全"], ["search", "公"], ["search", "查照", "--limit", "50"], ["search", "1080251637"],
    ["search", "廉政字第10807018360號"], ["search", "--issuer", "花蓮", "--since", "2019-01-01"],
    ["search", "安全", "--recipient", "政風"], ["search", "維護計畫", "--json"],
    ["show", SEED_NO], ["refs", "10807018360"], ["refs", SEED_NO, "--json"], ["catalogue", "-o", "-"],
])
def test_every_index_command_reads_postgresql_as_it_reads_sqlite(engines, command):
    sqlite_index, url = engines
    from_sqlite, from_postgres = invoke(*command, "--index", sqlite_index), invoke(*command, "--index", url)
    assert from_sqlite.exit_code == 0, from_sqlite.output
    assert from_postgres.exit_code == 0, from_postgres.output
    assert from_postgres.output == from_sqlite.output
    assert from_sqlite.output.strip()


def test_the_index_of_the_batch_holds_the_seed_letter(engines):
    _, url = engines
    hits = json.loads(invoke("search", "府政行字第1080251637號", "--json", "--index", url).output)
    assert hits[0]["issuer"] == "花蓮縣政府" and hits[0]["date"] == "2019-11-12"
    assert hits[0]["dispatch_no"] == "府政行字第1080251637號"
    assert invoke("index", "check", "--index", url).output.endswith("document(s)\n")


def test_the_web_catalogue_serves_postgresql_pages_like_sqlite_ones(engines):
    pages = []
    for index in engines:
        client = create_app(index, None).test_client()
        pages.append([client.get(path).data for path in
                      ("/?q=選舉+安全", "/?q=公告&sort=date", "/register?issuer=花蓮", "/catalogue.csv")])
    assert pages[0] == pages[1]
    assert "選舉".encode() in pages[1][0]


def test_searching_needs_only_select_rights(engines, postgres, tmp_path):  # noqa: F811
    sqlite_index, url = engines
    postgres.sql("DROP ROLE IF EXISTS clerk; CREATE ROLE clerk LOGIN", "samples")
    postgres.sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO clerk", "samples")
    clerk = postgres.url("samples", user="clerk")
    assert invoke("search", "選舉", "--index", clerk).output == invoke("search", "選舉", "--index", sqlite_index).output
    assert invoke("show", SEED_NO, "--index", clerk).exit_code == 0
    refused = invoke("batch", str(text_inbox(tmp_path / "inbox")), "-o", str(tmp_path / "out"), "--index", clerk)
    assert refused.exit_code == 1
    assert refused.output.startswith("gongwen batch: postgresql://clerk@/samples")
    assert "permission denied" in refused.output and len(refused.output.splitlines()) == 1


def test_schema_versions_are_upgraded_by_a_batch_and_refused_when_newer(postgres, tmp_path):  # noqa: F811
    from pipeline.index.postgres import connect
    from pipeline.index.postgres_schema import SCHEMA_VERSION, upgrade
    url = postgres.new_database("versions")
    conn = connect(url)
    upgrade(conn, target=1)  # an index made by the first schema: no character-pair index yet
    conn.close()
    older = invoke("search", "選舉", "--index", url)
    assert older.exit_code == 1
    assert f"index schema version 1 is older than this gongwen's ({SCHEMA_VERSION}): a batch into it" in older.output
    inbox = text_inbox(tmp_path / "inbox")
    assert invoke("batch", str(inbox), "-o", str(tmp_path / "out"), "--index", url, "--jobs", "1").exit_code == 0
    assert "花蓮縣政府" in invoke("search", "選舉", "--index", url).output
    postgres.sql(f"INSERT INTO schema_version (version, what) VALUES ({SCHEMA_VERSION + 1}, 'from the future')",
                 "versions")
    newer = invoke("search", "選舉", "--index", url)
    assert newer.exit_code == 1
    assert f"index schema version {SCHEMA_VERSION + 1} is newer than this gongwen's ({SCHEMA_VERSION})" in newer.output


def test_migration_5_numbers_an_index_in_date_order_and_searches_as_sqlite(postgres, engines, tmp_path):  # noqa: F811
    from pipeline.index.plan import SEQ_SPAN, day_key
    from pipeline.index.postgres import connect
    from pipeline.index.postgres_schema import upgrade
    sqlite_index, _ = engines
    url = postgres.new_database("dated")
    assert invoke("batch", str(text_inbox(tmp_path / "inbox")), "-o", str(tmp_path / "out"), "--index", url,
                  "--jobs", "1").exit_code == 0
    postgres.sql("DELETE FROM schema_version WHERE version >= 5; DROP INDEX documents_seq, documents_subject_trgm,"
                 " documents_grams_seq; CREATE INDEX documents_grams ON documents USING gin (grams);"
                 " ALTER TABLE documents DROP COLUMN subject_grams; DROP TABLE totals; UPDATE documents d SET seq = o.n FROM (SELECT id, row_number() OVER"
                 " (ORDER BY seq) AS n FROM documents) o WHERE o.id = d.id", "dated")  # as version 4 numbered them: 1, 2, … as added
    conn = connect(url)
    assert upgrade(conn) == 4
    seqs = conn.execute("SELECT d.seq, l.date_iso FROM documents d LEFT JOIN letters l ON l.id = d.id").fetchall()
    conn.close()
    assert len(seqs) > 10 and all(seq // SEQ_SPAN == day_key(date) and seq % SEQ_SPAN > 0 for seq, date in seqs)
    for word in ("選舉", "安全維護", "請查照", "函"):
        assert invoke("search", word, "--limit", "3", "--index", url).output == \
            invoke("search", word, "--limit", "3", "--index", sqlite_index).output


def test_the_rum_extension_is_created_by_a_superuser_once(postgres, tmp_path):  # noqa: F811
    postgres.sql('DROP DATABASE IF EXISTS "desk"')
    postgres.sql("DROP ROLE IF EXISTS desk; CREATE ROLE desk LOGIN")
    postgres.sql("CREATE DATABASE desk OWNER desk")
    url = postgres.url("desk", user="desk")
    run = ["batch", str(text_inbox(tmp_path / "inbox")), "-o", str(tmp_path / "out"), "--index", url, "--jobs", "1"]
    refused = invoke(*run)
    assert refused.exit_code == 1
    assert refused.output == (f"gongwen batch: {url}: the rum extension needs a superuser: ask one to run "
                              "CREATE EXTENSION rum; in this database once\n")
    postgres.sql("CREATE EXTENSION rum", "desk")
    assert invoke(*run).exit_code == 0
    assert "花蓮縣政府" in invoke("search", "選舉", "--index", url).output


def test_an_extension_the_server_lacks_is_named_with_its_package(postgres, monkeypatch):  # noqa: F811
    from pipeline.errors import InputError
    from pipeline.index import postgres_schema
    from pipeline.index.postgres import connect
    monkeypatch.setattr(postgres_schema, "EXTENSIONS", {"gongwen_absent": "the package gongwen-absent"})
    conn = connect(postgres.new_database("absent"))
    with pytest.raises(InputError, match="the server lacks the gongwen_absent extension: install its package "
                                         "the package gongwen-absent"):
        postgres_schema.upgrade(conn)
    conn.close()


def test_a_database_that_drops_chinese_from_trigrams_is_refused(postgres, tmp_path):  # noqa: F811
    postgres.sql('DROP DATABASE IF EXISTS "c_ctype"')
    postgres.sql("CREATE DATABASE c_ctype TEMPLATE template0 LC_CTYPE 'C' LC_COLLATE 'C'")
    result = invoke("batch", str(text_inbox(tmp_path / "inbox")), "-o", str(tmp_path / "out"),
                    "--index", postgres.url("c_ctype"))
    assert result.exit_code == 1
    assert "the database's LC_CTYPE C does not count Chinese characters as letters" in result.output
    postgres.sql("CREATE TABLE other (x int)", "c_ctype")
    foreign = invoke("search", "選舉", "--index", postgres.url("c_ctype"))
    assert "not a gongwen index: the database holds other tables" in foreign.output


def test_an_unreachable_server_is_a_one_line_error(tmp_path):
    url = f"postgresql://nobody:secret@/gongwen?host={tmp_path}&port=1"
    result = invoke("search", "選舉", "--index", url)
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert result.output.startswith("gongwen search: postgresql://nobody:***@/gongwen")
    assert "secret" not in result.output


def letters_inbox(folder: Path, numbers: range) -> Path:
    """Given a folder and 發文字號 serial numbers, write one 臺中市政府教育局 letter a number into it."""
    folder.mkdir(parents=True)
    for n in numbers:
        text = LETTER.format(school=f"第{n}國民小學", day=1 + n % 28, number=n, topic=TOPICS[n % len(TOPICS)])
        (folder / f"letter-{n:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_batches_writing_one_index_at_once_leave_every_letter_once(postgres, tmp_path):  # noqa: F811
    import psycopg

    from pipeline.index.postgres import WRITE_LOCK
    url = postgres.new_database("concurrent")
    inboxes = [letters_inbox(tmp_path / "a", range(0, 60)), letters_inbox(tmp_path / "b", range(40, 100))]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with psycopg.connect(url, autocommit=True) as holder:  # both batches parse, then meet at the index at once
        holder.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        runs = [subprocess.Popen([*GONGWEN, "batch", str(inbox), "-o", str(tmp_path / f"out-{inbox.name}"),
                                  "--index", url, "--jobs", "1", "-q"], env=env, cwd=ROOT) for inbox in inboxes]
        waiting, deadline = 0, time.monotonic() + 240
        while waiting < 2 and time.monotonic() < deadline and all(run.poll() is None for run in runs):
            time.sleep(0.2)
            waiting = holder.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                                     ).fetchone()[0]
        holder.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,))
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    assert waiting == 2  # both had parsed their letters and were about to write the index together
    with psycopg.connect(url) as conn:
        numbers = [row[0] for row in conn.execute("SELECT dispatch_number FROM letters ORDER BY 1")]
        scopes = dict(conn.execute("SELECT scope, count(*) FROM documents GROUP BY scope").fetchall())
    assert numbers == [f"113{n:07d}" for n in range(100)]
    assert sum(scopes.values()) == 100
    manifests = [json.loads((tmp_path / f"out-{name}" / "manifest.json").read_text()) for name in "ab"]
    duplicates = [e for m in manifests for e in m["inputs"] if e["status"] == "skipped-duplicate"]
    assert len(duplicates) == 20  # letters 40–59, in both inboxes: indexed by one batch, skipped by the other
    assert all("(indexed from " in e["duplicate_of"] for e in duplicates)
