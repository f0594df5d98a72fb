"""The index's SQLite schema (an FTS5 table of character grams beside the documents) and how to open it."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from pipeline.errors import InputError

SCHEMA_VERSION = 5  # 2: letters.complete; 3: grams for short words, term_df, records compressed;
# 4: gram positions, letters.attachment_count, documents by scope; 5: seq in date order, subject_grams, totals
UPGRADABLE = (2, 3, 4)  # the versions `gongwen index upgrade` turns into this one
SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
GRAM_TABLES = ("document_grams", "subject_grams")  # the index's FTS5 tables
MERGE_POLICY = {  # how FTS5 merges a gram table's segments (each batch writes new ones)
    "automerge": 16,  # merge 16 segments of a level into one: each page is rewritten about half as often as at
                      # FTS5's default 4, so adding to a big index costs less; a lookup reads up to 15 a level
    "crisismerge": 32,  # a level of 32 is merged at once; between 16 and 32 the 16-way merge is spread over the
                        # writes that follow (at FTS5's default 16 a big level would be merged within one batch)
}
MERGE_POLICY_SQL = [f"INSERT INTO {table} ({table}, rank) VALUES ('{name}', {value})"  # sets it on a gram table
                    for table in GRAM_TABLES for name, value in MERGE_POLICY.items()]

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (      -- one row a letter, or a plan/division file that came alone
    seq INTEGER PRIMARY KEY,                -- the rowid of its grams, in date order: plan.seq_range (not stable)
    id INTEGER NOT NULL UNIQUE,             -- stable: derived from the letter's issuer + 發文字號
    kind TEXT NOT NULL,                     -- letter | plan | division
    digest TEXT NOT NULL,                   -- sha256 of what was indexed: unchanged rows are not rewritten
    scope TEXT NOT NULL,                    -- the inbox it came from: a batch replaces only its own documents
    source_path TEXT,
    record_path TEXT,                       -- records/… JSON, relative to the output folder
    subject TEXT NOT NULL DEFAULT '',       -- full-text columns ↓ (before `stored`: reading them skips it)
                                            -- subject: 主旨 of a letter, title of a plan or table
    body TEXT NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '',
    stored BLOB NOT NULL                    -- zlib of the JSON {"record": the record, "terms": its distinct jieba
                                            -- terms (what leaves term_df with it)}
);
CREATE INDEX IF NOT EXISTS documents_scope ON documents(scope);  -- a batch reads its own inbox's documents
CREATE VIRTUAL TABLE IF NOT EXISTS document_grams USING fts5(  -- plan.document_tokens of a document, rowid = seq:
    subject, body, attachments,             -- each text's character pairs in order, with their positions
    numbers,                                -- the 4-grams of every run of 4+ digits (text and 發文字號)
    own,                                    -- the letter's own 發文字號
    content='', columnsize=0, tokenize='ascii');
CREATE VIRTUAL TABLE IF NOT EXISTS subject_grams USING fts5(  -- the subject's pairs again, rowid = seq: the 主旨
    subject,                                -- hits of a word, newest first, without walking its body hits
    content='', columnsize=0, tokenize='ascii');
""" + "".join(f"{statement};\n" for statement in MERGE_POLICY_SQL) + """CREATE TABLE IF NOT EXISTS letters (        -- header fields of letter documents
    id INTEGER PRIMARY KEY REFERENCES documents(id),
    issuer TEXT,                            -- 發文機關
    date_iso TEXT,                          -- 發文日期
    date_roc TEXT,
    dispatch_no TEXT,                       -- 發文字號 as printed
    dispatch_word TEXT,                     -- 字
    dispatch_number TEXT,                   -- the digits
    subject TEXT,                           -- 主旨
    doc_type TEXT,                          -- 文別
    speed TEXT,                             -- 速別
    secrecy TEXT,                           -- 密等
    file_no TEXT,                           -- 檔號
    retention TEXT,                         -- 保存年限
    complete INTEGER,                       -- 1 whole, 0 a partial record (a 函釋 body, a cropped header), NULL not assessed
    attachment_count INTEGER NOT NULL DEFAULT 0  -- 附件 listed (the attachments rows): a facet of every search
);
CREATE INDEX IF NOT EXISTS letters_number ON letters(dispatch_number);
CREATE INDEX IF NOT EXISTS letters_date ON letters(date_iso);
CREATE TABLE IF NOT EXISTS attachments (    -- 附件
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    title TEXT,
    file TEXT,
    kind TEXT,                              -- plan | division | letter | other | NULL (not found)
    PRIMARY KEY (document_id, position)
);
CREATE TABLE IF NOT EXISTS recipients (     -- 受文者, 正本, 副本
    document_id INTEGER NOT NULL REFERENCES documents(id),
    role TEXT NOT NULL,                     -- recipient | main | copy
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    with_attachments INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, role, position)
);
CREATE TABLE IF NOT EXISTS citations (      -- the references: documents a letter cites
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT,
    issuer TEXT,
    date_iso TEXT,
    dispatch_no TEXT,
    dispatch_word TEXT,
    dispatch_number TEXT,
    PRIMARY KEY (document_id, position)
);
CREATE INDEX IF NOT EXISTS citations_number ON citations(dispatch_number);
CREATE TABLE IF NOT EXISTS term_df (        -- document frequency of each jieba term, for IDF
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL                     -- how many documents hold it
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS totals (         -- running totals, kept as documents come and go (not counted each time)
    name TEXT PRIMARY KEY,                  -- documents: how many the index holds (the N of IDF)
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO totals VALUES ('documents', 0);
CREATE TABLE IF NOT EXISTS keywords (       -- top TF-IDF terms a document, IDF when it was added
    document_id INTEGER NOT NULL REFERENCES documents(id),
    rank INTEGER NOT NULL,
    term TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (document_id, rank)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS parsed (         -- parse results by input path + sha256: re-runs skip unchanged files
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    fingerprint TEXT NOT NULL,              -- hash of the parser's code: a changed parser re-parses
    result TEXT NOT NULL
);
"""


MMAP_BYTES = 1 << 30  # reads map up to 1 GiB of the index instead of copying each page (a search reads thousands)


def map_reads(conn: sqlite3.Connection) -> None:
    """Given a connection, make its reads memory-mapped."""
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


def connect(path: str | Path) -> sqlite3.Connection:
    """Given a database path, return a connection with memory-mapped reads and foreign keys on, usable from any
    thread (SQLite serialises them; a batch reads its parse cache in one while it writes the index in another)."""
    conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    map_reads(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def create_index(path: str | Path) -> sqlite3.Connection:
    """Given a path, return a connection to the index there, creating its tables; raise InputError if it cannot."""
    conn = connect(path)
    try:  # one transaction: a new index is made whole or not at all (a full disk leaves an empty file)
        conn.executescript(f"BEGIN;\n{SCHEMA}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.rollback()
        conn.close()
        raise InputError(str(path), f"cannot write the index: {exc}") from None
    return conn


def roll_back_journal(path: Path) -> None:
    """Given an index, roll back a transaction a killed batch left in its journal (a hot ``-journal`` file), which
    a read-only connection cannot do; raise InputError when the folder does not let SQLite write."""
    journal = Path(f"{path}-journal")
    if not journal.is_file() or journal.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(str(path), timeout=30)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opening a hot journal rolls it back
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(str(path), f"the index has an unfinished transaction ({journal.name}) that cannot be "
                                    f"rolled back (SQLite: {exc}); let gongwen write in its folder") from None


READ_WAIT = 30  # seconds a reader waits for a writer's lock (a batch holds it from its first letter to its end)


def index_state(path: Path, thorough: bool) -> tuple[set[str], int, str]:
    """Given an existing file, return (its tables, its schema version, SQLite's quick_check verdict or "ok" when
    not ``thorough``), reading it without changing it (but for rolling back a killed batch's journal); raise
    InputError when it is not a usable SQLite database."""
    roll_back_journal(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=READ_WAIT)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if thorough and tables else "ok"
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):  # a batch's transaction holds it
            raise InputError(str(path), "the index is being written by a batch: try again when it ends, or read a "
                                        "copy made before it started") from None
        raise InputError(str(path), f"unreadable index (SQLite: {exc})") from None
    finally:
        conn.close()
    return tables, version, verdict


def file_header(path: Path) -> bytes:
    """Given a file, return its first bytes (as many as an SQLite header); raise InputError when it cannot be read."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise InputError(str(path), f"cannot read the index: {exc.strerror or exc}") from None


def check_index(path: str | Path, thorough: bool = True, empty_ok: bool = True) -> None:
    """Given an index path, raise InputError (one line) unless it is a gongwen index of this schema version that
    passes SQLite's quick check (when ``thorough``), or an empty file or database a batch can make one of
    (``empty_ok``)."""
    p = Path(path)
    if p.is_dir():
        raise InputError(str(path), "the index is a folder, not a file")
    header = file_header(p)
    if not header and empty_ok:
        return
    if header != SQLITE_HEADER:
        raise InputError(str(path), "not a gongwen index: " + ("an empty file" if not header else "not an SQLite database"))
    tables, version, verdict = index_state(p, thorough)
    if not tables and empty_ok:
        return
    if "documents" not in tables:
        raise InputError(str(path), "not a gongwen index: an SQLite database without a documents table")
    if version in UPGRADABLE:
        raise InputError(str(path), f"index schema version {version}, this gongwen reads {SCHEMA_VERSION}: "
                                    "upgrade it with `gongwen index upgrade`")
    if version != SCHEMA_VERSION:
        raise InputError(str(path), f"index schema version {version}, this gongwen reads {SCHEMA_VERSION}: "
                                    "re-run the batch into a new index")
    if verdict != "ok":
        verdict = " ".join(verdict.replace("*** in database main ***", "").split())
        raise InputError(str(path), f"damaged index (SQLite quick_check: {verdict}): repair it with `gongwen index rebuild`")


def open_index(path: str | Path, thorough: bool = False) -> sqlite3.Connection:
    """Given the path of an existing index, return a connection; raise InputError when it is missing or not ours (or,
    when ``thorough``, damaged)."""
    if not Path(path).is_file():
        raise InputError(str(path), "no index here: run `gongwen batch INBOX -o OUTPUT` first, or give --index PATH")
    check_index(path, thorough=thorough, empty_ok=False)
    return connect(path)


def open_read_only(path: str | Path) -> sqlite3.Connection:
    """Given the path of a gongwen index, return a read-only connection (SQLite ``mode=ro``) usable from any thread;
    raise InputError when it is missing or not a gongwen index."""
    check_index(path, thorough=False, empty_ok=False)
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    map_reads(conn)
    return conn
