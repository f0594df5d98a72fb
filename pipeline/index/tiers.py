"""A one-word search answered a score tier at a time, newest first, so that it reads only the hits it shows: the
plan of pipeline/index/plan.py gives one word a score of SUBJECT_WEIGHT in the 主旨 and 1 elsewhere, then orders
by seq (the date, then the order of a day's letters); each engine reads a word's documents in seq order, stopping
at the LIMIT (SQLite: FTS5 in rowid order; PostgreSQL: the texts of its newest documents, then RUM indexes ordered
by seq — pipeline/index/match.py). So the best ``limit`` are the newest of the 主旨 hits, then — only if those are
too few — the newest of the other hits. The results are the plan's own, rank for rank (tests/test_index_grams.py)."""
from __future__ import annotations

from contextlib import contextmanager

from pipeline.index.match import Tier, engine_tiers
from pipeline.index.plan import SUBJECT_WEIGHT, is_number_term, seq_range


def answers_by_tier(terms: list[str]) -> bool:
    """Given the query terms, return whether the tiers answer them: one word of 2+ characters not written like a
    發文字號 (a letter's own number would be a tier more)."""
    return len(terms) == 1 and len(terms[0]) >= 2 and not is_number_term(terms[0])


@contextmanager
def planner_settings(conn, settings: tuple[str, ...]):
    """Given an index connection and SET LOCAL statements, hold them for what runs inside (a transaction of its
    own; none when there are none)."""
    if not settings:
        yield
        return
    with conn:
        for statement in settings:
            conn.execute(statement)
        yield


SPAN = "WITH span AS MATERIALIZED (SELECT * FROM documents WHERE seq BETWEEN ? AND ? ORDER BY seq DESC LIMIT ?) "
# planned alone: the seq index's newest few, then each one's texts read


def tier_sql(tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list], limit: int,
             span: int = 0) -> tuple[str, list]:
    """Given a tier, the seq bounds, filter conditions on ``d``/``l``, a limit and how many of the newest documents
    to read (0: the tier's index, all of them), return the SELECT of (seq, id, order key) of the tier's newest
    ``limit`` documents passing the filters, in the order of the key, and its parameters."""
    if not span:
        key, order = (clause.format(high=int(bounds[1])) for clause in (tier.key, tier.order))
        where = " AND ".join([tier.condition, tier.seq_range, *filters[0]])
        sql = f"SELECT {tier.seq}, d.id, {key} FROM {tier.source} LEFT JOIN letters l ON l.id = d.id WHERE {where}"
        params = [*tier.params, *bounds, *filters[1]]
    else:
        order = "d.seq DESC"
        where = " AND ".join([tier.scan[0], *filters[0]])
        sql = f"{SPAN}SELECT d.seq, d.id, d.seq FROM span d LEFT JOIN letters l ON l.id = d.id WHERE {where}"
        params = [*bounds, span, *tier.scan[1], *filters[1]]
    return f"{sql} ORDER BY {order} LIMIT ?", params + [limit]


def tier_rows(conn, tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list], limit: int,
              span: int = 0) -> list[tuple]:
    """Given a tier, the seq bounds, filters, a limit and a span (tier_sql), return its (seq, id, order key) rows."""
    with planner_settings(conn, tier.settings):
        return [tuple(row) for row in conn.execute(*tier_sql(tier, bounds, filters, limit, span)).fetchall()]


READ_AHEAD = 64  # rows read past the cut: a tie of RUM's float8 distance (32 neighbours of a day) seldom needs a second pass


def exact_rows(conn, tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list], limit: int,
               span: int = 0) -> list[tuple[int, int]]:
    """Given a tier, seq bounds, filters, a limit and a span (tier_sql), return the (seq, id) of its newest ``limit``
    documents, newest first: an order key may tie neighbours (PostgreSQL's RUM distance is a float8), so rows are
    read until the key after the cut differs from the key at it (READ_AHEAD past it at first), then sorted by seq."""
    wanted = limit + READ_AHEAD
    while True:
        read = tier_rows(conn, tier, bounds, filters, wanted, span)
        if len(read) < wanted or read[-1][2] != read[limit - 1][2]:
            return [(seq, doc_id) for seq, doc_id, _ in sorted(read, reverse=True)[:limit]]
        wanted *= 2


def newest_rows(conn, tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list],
                limit: int) -> list[tuple[int, int]]:
    """Given a tier, seq bounds, filters and a limit, return the (seq, id) of its newest ``limit`` documents passing
    the filters, newest first: from the newest ``tier.probe`` documents when they hold that many (a common word),
    else from the tier's own index."""
    if tier.probe:
        rows = exact_rows(conn, tier, bounds, filters, limit, tier.probe)
        if len(rows) == limit:
            return rows
    return exact_rows(conn, tier, bounds, filters, limit)


def highest_seq(conn, bounds: tuple[int, int]) -> int | None:
    """Given the seq bounds of a search, return the highest seq a document within them has (None: none): RUM's
    distance is a float8 difference, finest from a near bound (then only neighbours within 32 of a day tie)."""
    return conn.execute("SELECT max(seq) FROM documents WHERE seq BETWEEN ? AND ?", bounds).fetchone()[0]


def tiered_search(conn, engine: str, term: str, since: str | None, until: str | None,
                  filters: tuple[list[str], list], limit: int) -> list[tuple[int, int]]:
    """Given an index connection and its engine, one word (answers_by_tier), the date bounds, every filter's
    condition (the dates' too) and a limit, return the (id, score) of the plan's best ``limit`` documents holding
    it, best first."""
    if limit <= 0:
        return []
    low, high = seq_range(since, until)
    high = highest_seq(conn, (low, high))
    if high is None:
        return []
    in_subject_tier, everywhere_tier = engine_tiers(engine, term)
    in_subject = newest_rows(conn, in_subject_tier, (low, high), filters, limit)
    ranked = [(doc_id, SUBJECT_WEIGHT) for _, doc_id in in_subject]
    if len(in_subject) == limit:
        return ranked
    skip = {seq for seq, _ in in_subject}  # fewer than limit: every 主旨 hit, also a hit of the other tier
    elsewhere = newest_rows(conn, everywhere_tier, (low, high), filters, limit - len(ranked) + len(skip))
    return ranked + [(doc_id, 1) for seq, doc_id in elsewhere if seq not in skip][:limit - len(ranked)]
