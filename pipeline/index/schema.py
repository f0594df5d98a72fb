"""The index's SQLite schema (FTS5 trigram over an external-content table) and how to open it."""
from __future__ import annotations

import math
import sqlite3
from pathlib import Path

from pipeline.errors import InputError

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (      -- one row a letter, or a plan/division file that came alone
    id INTEGER PRIMARY KEY,                 -- stable: derived from the letter's issuer + 發文字號
    kind TEXT NOT NULL,                     -- letter | plan | division
    digest TEXT NOT NULL,                   -- sha256 of what was indexed: unchanged rows are not rewritten
    scope TEXT NOT NULL,                    -- the inbox it came from: a batch replaces only its own documents
    title TEXT,                             -- 主旨 of a letter, title of a plan or table
    source_path TEXT,
    record_path TEXT,                       -- records/… JSON, relative to the output folder
    record_json TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',       -- full-text columns ↓
    body TEXT NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    subject, body, attachments, content='documents', content_rowid='id', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, subject, body, attachments)
    VALUES (new.id, new.subject, new.body, new.attachments);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, subject, body, attachments)
    VALUES ('delete', old.id, old.subject, old.body, old.attachments);
END;
CREATE TABLE IF NOT EXISTS letters (        -- header fields of letter documents
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
    retention TEXT                          -- 保存年限
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
CREATE TABLE IF NOT EXISTS document_terms ( -- jieba term counts, for corpus IDF
    document_id INTEGER NOT NULL REFERENCES documents(id),
    term TEXT NOT NULL,
    tf INTEGER NOT NULL,
    PRIMARY KEY (document_id, term)
);
CREATE INDEX IF NOT EXISTS document_terms_term ON document_terms(term);
CREATE TABLE IF NOT EXISTS keywords (       -- top TF-IDF terms a document, IDF from this index's corpus
    document_id INTEGER NOT NULL REFERENCES documents(id),
    rank INTEGER NOT NULL,
    term TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (document_id, rank)
);
CREATE TABLE IF NOT EXISTS parsed (         -- parse results by input path + sha256: re-runs skip unchanged files
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    fingerprint TEXT NOT NULL,              -- hash of the parser's code: a changed parser re-parses
    result TEXT NOT NULL
);
"""

CHILD_TABLES = ("letters", "attachments", "recipients", "citations", "document_terms", "keywords")


def connect(path: str | Path) -> sqlite3.Connection:
    """Given a database path, return a connection with ln() available and foreign keys on."""
    conn = sqlite3.connect(str(path), timeout=30)
    conn.create_function("ln", 1, math.log, deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def create_index(path: str | Path) -> sqlite3.Connection:
    """Given a path, return a connection to the index there, creating or upgrading its tables."""
    conn = connect(path)
    conn.executescript(SCHEMA)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return conn


def open_index(path: str | Path) -> sqlite3.Connection:
    """Given the path of an existing index, return a connection; raise InputError when it is missing or not ours."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), "no index here: run `gongwen batch INBOX -o OUTPUT` first, or give --index PATH")
    conn = connect(p)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT 1 FROM documents LIMIT 1")
    except sqlite3.DatabaseError:
        conn.close()
        raise InputError(str(path), "not a gongwen index (not an SQLite database with a documents table)") from None
    if version != SCHEMA_VERSION:
        conn.close()
        raise InputError(str(path), f"index schema version {version}, this gongwen reads {SCHEMA_VERSION}: re-run the batch")
    return conn
