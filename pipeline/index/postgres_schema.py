"""The index's PostgreSQL schema as numbered migrations (table schema_version), how to create or upgrade it, and how
to check a database before reading it. The tables mirror pipeline/index/schema.py's SQLite ones; SQL functions
instr() and group_concat() let the index's shared SQL run unchanged; words of 3+ characters are found by pg_trgm's
GIN index on the letter's text when several words are searched; a one-word search reads a RUM index (the rum
extension) of each document's distinct characters, character pairs and triples in seq order, newest first, stopping at
the page shown.""" 
from __future__ import annotations

import psycopg

from pipeline.errors import InputError
from pipeline.index.engine import shown
from pipeline.index.postgres import PgConnection, connect

SCHEMA_LOCK = 0x676F6E67736368  # the advisory lock held while a schema is created or upgraded
CONTENT = "subject || E'\\n' || body || E'\\n' || attachments"  # the text searched, as search.py joins it

MIGRATIONS = [  # (version, what it does, SQL); a database at version N gets every later one, in one transaction
    (1, "tables, pg_trgm index", f"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN strpos(haystack, needle);
CREATE FUNCTION group_concat_step(joined text, value text, separator text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN value IS NULL THEN joined WHEN joined IS NULL THEN value ELSE joined || separator || value END;
CREATE AGGREGATE group_concat(text, text) (SFUNC = group_concat_step, STYPE = text);
CREATE TABLE documents (                    -- one row a letter, or a plan/division file that came alone
    id bigint PRIMARY KEY,                  -- stable: derived from the letter's issuer + 發文字號
    kind text COLLATE "C" NOT NULL,         -- letter | plan | division
    digest text COLLATE "C" NOT NULL,       -- sha256 of what was indexed: unchanged rows are not rewritten
    scope text COLLATE "C" NOT NULL,        -- the inbox it came from: a batch replaces only its own documents
    title text COLLATE "C",                 -- 主旨 of a letter, title of a plan or table
    source_path text COLLATE "C",
    record_path text COLLATE "C",           -- records/… JSON, relative to the output folder
    record_json text NOT NULL,
    subject text COLLATE "C" NOT NULL DEFAULT '',  -- full-text columns ↓
    body text COLLATE "C" NOT NULL DEFAULT '',
    attachments text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX documents_scope ON documents (scope);
CREATE INDEX documents_content_trgm ON documents USING gin (({CONTENT}) gin_trgm_ops);
CREATE TABLE letters (                      -- header fields of letter documents
    id bigint PRIMARY KEY REFERENCES documents(id),
    issuer text COLLATE "C",                -- 發文機關
    date_iso text COLLATE "C",              -- 發文日期
    date_roc text COLLATE "C",
    dispatch_no text COLLATE "C",           -- 發文字號 as printed
    dispatch_word text COLLATE "C",         -- 字
    dispatch_number text COLLATE "C",       -- the digits
    subject text COLLATE "C",               -- 主旨
    doc_type text COLLATE "C",              -- 文別
    speed text COLLATE "C",                 -- 速別
    secrecy text COLLATE "C",               -- 密等
    file_no text COLLATE "C",               -- 檔號
    retention text COLLATE "C",             -- 保存年限
    complete integer                        -- 1 whole, 0 a partial record, NULL not assessed
);
CREATE INDEX letters_number ON letters (dispatch_number);
CREATE INDEX letters_date ON letters (date_iso);
CREATE TABLE attachments (                  -- 附件
    document_id bigint NOT NULL REFERENCES documents(id),
    position integer NOT NULL,
    title text COLLATE "C",
    file text COLLATE "C",
    kind text COLLATE "C",                  -- plan | division | letter | other | NULL (not found)
    PRIMARY KEY (document_id, position)
);
CREATE TABLE recipients (                   -- 受文者, 正本, 副本
    document_id bigint NOT NULL REFERENCES documents(id),
    role text COLLATE "C" NOT NULL,         -- recipient | main | copy
    position integer NOT NULL,
    name text COLLATE "C" NOT NULL,
    with_attachments boolean NOT NULL DEFAULT false,
    PRIMARY KEY (document_id, role, position)
);
CREATE TABLE citations (                    -- the references: documents a letter cites
    document_id bigint NOT NULL REFERENCES documents(id),
    position integer NOT NULL,
    text text COLLATE "C" NOT NULL,
    kind text COLLATE "C",
    issuer text COLLATE "C",
    date_iso text COLLATE "C",
    dispatch_no text COLLATE "C",
    dispatch_word text COLLATE "C",
    dispatch_number text COLLATE "C",
    PRIMARY KEY (document_id, position)
);
CREATE INDEX citations_number ON citations (dispatch_number);
CREATE TABLE document_terms (               -- jieba term counts, for corpus IDF
    document_id bigint NOT NULL REFERENCES documents(id),
    term text COLLATE "C" NOT NULL,
    tf integer NOT NULL,
    PRIMARY KEY (document_id, term)
);
CREATE INDEX document_terms_term ON document_terms (term);
CREATE TABLE keywords (                     -- top TF-IDF terms a document, IDF from this index's corpus
    document_id bigint NOT NULL REFERENCES documents(id),
    rank integer NOT NULL,
    term text COLLATE "C" NOT NULL,
    weight double precision NOT NULL,
    PRIMARY KEY (document_id, rank)
);
CREATE TABLE parsed (                       -- parse results by input path + sha256: re-runs skip unchanged files
    path text COLLATE "C" PRIMARY KEY,
    sha256 text NOT NULL,
    fingerprint text NOT NULL,              -- hash of the parser's code: a changed parser re-parses
    result text NOT NULL
);
"""),
    (2, "indexes for 1–2 character words and for 發文字號", f"""
CREATE FUNCTION text_grams(content text) RETURNS text[]     -- every distinct character and pair of characters
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g.gram), '{{}}')
      FROM (SELECT c.one, lead(c.one) OVER (ORDER BY c.n) AS next
              FROM string_to_table(content, NULL) WITH ORDINALITY AS c(one, n)) t,
           LATERAL (VALUES (t.one), (t.one || t.next)) g(gram)
     WHERE g.gram IS NOT NULL $$;
ALTER TABLE documents ADD COLUMN grams text[] GENERATED ALWAYS AS (text_grams({CONTENT})) STORED;
CREATE INDEX documents_grams ON documents USING gin (grams);
CREATE INDEX letters_dispatch_trgm ON letters USING gin (dispatch_no gin_trgm_ops);
"""),
    (3, "SQLite's schema 3: record and terms in one column, document frequencies, occurrences()", """
CREATE FUNCTION occurrences(haystack text, needle text) RETURNS integer  -- non-overlapping, from the left
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN haystack IS NULL OR needle IS NULL OR needle = '' THEN 0
                ELSE (length(haystack) - length(replace(haystack, needle, ''))) / length(needle) END;
ALTER TABLE documents ADD COLUMN seq bigint GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE documents ADD COLUMN stored text;  -- JSON {"record": …, "terms": its distinct jieba terms}
UPDATE documents d SET stored = json_build_object(
    'record', CAST(d.record_json AS json),
    'terms', coalesce((SELECT json_agg(t.term ORDER BY t.term) FROM document_terms t WHERE t.document_id = d.id),
                      CAST('[]' AS json)))::text;
ALTER TABLE documents ALTER COLUMN stored SET NOT NULL;
ALTER TABLE documents DROP COLUMN record_json, DROP COLUMN title;
CREATE TABLE term_df (                      -- document frequency of each jieba term, for IDF
    term text COLLATE "C" PRIMARY KEY,
    df integer NOT NULL
);
INSERT INTO term_df (term, df) SELECT term, count(*) FROM document_terms GROUP BY term;
DROP TABLE document_terms;
"""),
    (4, "SQLite's schema 4: letters count their attachments (a facet of every search)", """
ALTER TABLE letters ADD COLUMN attachment_count integer NOT NULL DEFAULT 0;
UPDATE letters l SET attachment_count = (SELECT count(*) FROM attachments a WHERE a.document_id = l.id);
"""),
    (5, "SQLite's schema 5: seq in date order (day × 10^10 + n), 主旨 grams (one word reads its newest hits first),"
        " totals", """
UPDATE documents d SET seq = s.day * 10000000000 + s.n
  FROM (SELECT o.id, o.day, row_number() OVER (PARTITION BY o.day ORDER BY o.seq) AS n
          FROM (SELECT d2.id, d2.seq, CASE WHEN l.date_iso ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                                           THEN CAST(replace(l.date_iso, '-', '') AS bigint) ELSE 0 END AS day
                  FROM documents d2 LEFT JOIN letters l ON l.id = d2.id AND d2.kind = 'letter') o) s
 WHERE s.id = d.id;
CREATE UNIQUE INDEX documents_seq ON documents (seq);
ALTER TABLE documents ADD COLUMN subject_grams text[] GENERATED ALWAYS AS (text_grams(subject)) STORED;
CREATE INDEX documents_subject_grams ON documents USING gin (subject_grams);
CREATE INDEX documents_subject_trgm ON documents USING gin (subject gin_trgm_ops);
CREATE TABLE totals (                       -- running totals, kept as documents come and go
    name text COLLATE "C" PRIMARY KEY,      -- documents: how many the index holds (the N of IDF)
    value bigint NOT NULL
);
INSERT INTO totals SELECT 'documents', count(*) FROM documents;
"""),
    (6, "RUM indexes of the grams in seq order: a word's newest documents read first, from the index", """
CREATE EXTENSION IF NOT EXISTS rum;
DROP INDEX documents_grams;
DROP INDEX documents_subject_grams;
CREATE INDEX documents_grams_seq ON documents USING rum (grams rum_anyarray_addon_ops, seq)
    WITH (attach = 'seq', to = 'grams');
CREATE INDEX documents_subject_grams_seq ON documents USING rum (subject_grams rum_anyarray_addon_ops, seq)
    WITH (attach = 'seq', to = 'subject_grams');
"""),
    (7, "the grams hold character triples too: a word of 3+ characters is looked up by its triples, whose lists are"
        " short where its pairs are common", f"""
ALTER TABLE documents DROP COLUMN grams, DROP COLUMN subject_grams;   -- and their RUM indexes
CREATE OR REPLACE FUNCTION text_grams(content text) RETURNS text[]    -- every distinct character, pair and triple
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g.gram), '{{}}')
      FROM (SELECT c.one, lead(c.one) OVER w AS next, lead(c.one, 2) OVER w AS third
              FROM string_to_table(content, NULL) WITH ORDINALITY AS c(one, n) WINDOW w AS (ORDER BY c.n)) t,
           LATERAL (VALUES (t.one), (t.one || t.next), (t.one || t.next || t.third)) g(gram)
     WHERE g.gram IS NOT NULL $$;
ALTER TABLE documents ADD COLUMN grams text[] GENERATED ALWAYS AS (text_grams({CONTENT})) STORED,
                      ADD COLUMN subject_grams text[] GENERATED ALWAYS AS (text_grams(subject)) STORED;
CREATE INDEX documents_grams_seq ON documents USING rum (grams rum_anyarray_addon_ops, seq)
    WITH (attach = 'seq', to = 'grams');
CREATE INDEX documents_subject_grams_seq ON documents USING rum (subject_grams rum_anyarray_addon_ops, seq)
    WITH (attach = 'seq', to = 'subject_grams');
"""),
]
EXTENSIONS = {"rum": "postgresql-NN-rum"}  # not in contrib: extension → its Debian package (NN: the server's version)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def index_version(conn: PgConnection) -> int | None:
    """Given a connection, return the database's index schema version (0: an empty database, None: a database
    holding other tables but no gongwen index)."""
    tables = {row[0] for row in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    if "schema_version" in tables:
        return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    return None if tables else 0


def check_chinese_trigrams(conn: PgConnection) -> None:
    """Given a connection to a database with pg_trgm, raise InputError unless its trigrams count Chinese characters
    (pg_trgm keeps only what the database's LC_CTYPE calls letters: C or POSIX drop every Chinese character)."""
    if not conn.execute("SELECT show_trgm('公文')").fetchone()[0]:
        ctype = conn.execute("SELECT datctype FROM pg_database WHERE datname = current_database()").fetchone()[0]
        raise InputError(shown(conn.url), f"the database's LC_CTYPE {ctype} does not count Chinese characters "
                                                "as letters; create it with a UTF-8 one: createdb --template=template0 "
                                                "--locale=C.UTF-8 NAME")


def check_version(conn: PgConnection, version: int | None, writing: bool) -> None:
    """Given a database's index schema version, raise InputError unless this gongwen can read it, or, when
    ``writing``, create or upgrade it (an empty database, an older index)."""
    where = shown(conn.url)
    if version is None:
        raise InputError(where, "not a gongwen index: the database holds other tables; give an empty database")
    if version == 0 and not writing:
        raise InputError(where, "no index here: run `gongwen batch INBOX -o OUTPUT --index URL` first")
    if version > SCHEMA_VERSION:
        raise InputError(where, f"index schema version {version} is newer than this gongwen's "
                                f"({SCHEMA_VERSION}): upgrade gongwen")
    if 0 < version < SCHEMA_VERSION and not writing:
        raise InputError(where, f"index schema version {version} is older than this gongwen's "
                                f"({SCHEMA_VERSION}): a batch into it upgrades it")


def check_extensions(conn: PgConnection) -> None:
    """Given a connection, raise InputError unless every extension of EXTENSIONS is in the database or this role can
    create it (installed on the server; a superuser: they are not trusted extensions)."""
    present = {row[0] for row in conn.execute("SELECT extname FROM pg_extension")}
    available = {row[0] for row in conn.execute("SELECT name FROM pg_available_extensions")}
    superuser = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    for name, package in EXTENSIONS.items():
        if name in present:
            continue
        if name not in available:
            raise InputError(shown(conn.url), f"the server lacks the {name} extension: install its package "
                                              f"{package} (NN: the server's major version)")
        if not superuser:
            raise InputError(shown(conn.url), f"the {name} extension needs a superuser: ask one to run "
                                              f"CREATE EXTENSION {name}; in this database once")


def upgrade(conn: PgConnection, target: int = SCHEMA_VERSION) -> int:
    """Given a connection, create or upgrade the index to ``target`` in one transaction under the schema lock (a
    second batch starting at once waits, then finds it done); return the version it had."""
    try:
        with conn:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            version = index_version(conn)
            check_version(conn, version, writing=True)
            if version < target:
                check_extensions(conn)
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                         "applied timestamptz NOT NULL DEFAULT now(), what text NOT NULL)")
            for number, what, sql in MIGRATIONS:
                if version < number <= target:
                    conn.raw.execute(sql)
                    conn.execute("INSERT INTO schema_version (version, what) VALUES (?, ?)", (number, what))
            check_chinese_trigrams(conn)
    except psycopg.Error as exc:
        raise InputError(shown(conn.url), f"cannot write the index: {' '.join(str(exc).split())}") from None
    return version


def create_index(url: str) -> PgConnection:
    """Given a postgresql:// URL, return a connection to the index there, created or upgraded to this version;
    raise InputError if it cannot be."""
    conn = connect(url)
    try:
        upgrade(conn)
    except InputError:
        conn.close()
        raise
    return conn


def open_index(url: str, writing: bool = False) -> PgConnection:
    """Given a postgresql:// URL, return a connection to the index there, reading only (no rights beyond SELECT are
    used); raise InputError when it is missing, not ours, or of another schema version (unless ``writing``: then
an empty database or an older index a batch will create or upgrade is fine too)."""
    conn = connect(url)
    try:
        check_version(conn, index_version(conn), writing)
    except InputError:
        conn.close()
        raise
    # the planner does not cost unpacking each row's grams array: for a common 2-character word it scanned every
    # row (226 ms at 3,000 letters) where the GIN index answers in 2 ms; reading never wants a scan it can avoid
    conn.execute("SET enable_seqscan = off")
    conn.execute("SET jit = off")  # a plan a disabled step costs 10^10 would be compiled: 200 ms for a 4 ms search
    return conn
