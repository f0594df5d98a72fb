"""A one-word search answered a score tier at a time, newest first, so that it reads only the hits it shows: the
plan of pipeline/index/plan.py gives one word a score of SUBJECT_WEIGHT in the 主旨 and 1 elsewhere, then orders
by date and id; documents' seqs are in date order (plan.SEQ_SPAN), and each engine reads a word's documents in seq
order, stopping at the LIMIT (SQLite: FTS5 in rowid order; PostgreSQL: the texts of its newest documents, then
RUM indexes ordered by seq — pipeline/index/match.py). So the best ``limit`` are the newest of the 主旨 hits, then — only if those
are too few — the newest of the other hits. Within one day the plan orders by id, not seq: the hits of the last day
shown are all read and sorted. The results are the plan's own, rank for rank (tests/test_index_grams.py)."""
from __future__ import annotations

from contextlib import contextmanager

from pipeline.index.match import Tier, engine_tiers
from pipeline.index.plan import SEQ_SPAN, SUBJECT_WEIGHT, is_number_term, seq_range


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


SPAN = "WITH span AS MATERIALIZED (SELECT * FROM documents WHERE seq BETWEEN ? AND ? ORDER BY seq DESC{limit}) "
# planned alone: a range of the seq index (a day's documents, or the newest few), then each one's texts read


def tier_sql(tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list], limit: int | None,
             span: int | None = None) -> tuple[str, list]:
    """Given a tier, the seq bounds, filter conditions on ``d``/``l``, a limit (None: all) and how many of the newest
    documents to read (None: the tier's index, all of them; 0: every document within the bounds, their texts read),
    return the SELECT of the (seq, id) of the tier's newest documents passing the filters and its parameters."""
    if span is None:
        where = " AND ".join([tier.condition, tier.seq_range, *filters[0]])
        sql = (f"SELECT {tier.seq}, d.id FROM {tier.source} LEFT JOIN letters l ON l.id = d.id WHERE {where}"
               f" ORDER BY {tier.order.format(high=int(bounds[1]))}")
        params = [*tier.params, *bounds, *filters[1]]
    else:
        where = " AND ".join([tier.scan[0], *filters[0]])
        sql = (SPAN.format(limit=" LIMIT ?" if span else "") + "SELECT d.seq, d.id FROM span d LEFT JOIN letters l"
               f" ON l.id = d.id WHERE {where} ORDER BY d.seq DESC")
        params = [*bounds, *([span] if span else []), *tier.scan[1], *filters[1]]
    return (sql, params) if limit is None else (f"{sql} LIMIT ?", params + [limit])


def tier_rows(conn, tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list],
              limit: int | None, span: int | None = None) -> list[tuple[int, int]]:
    """Given a tier, the seq bounds, filters, a limit and a span (tier_sql), return the (seq, id) of its newest
    documents passing the filters (newest first when limited)."""
    with planner_settings(conn, tier.settings):
        return [tuple(row) for row in conn.execute(*tier_sql(tier, bounds, filters, limit, span)).fetchall()]


def newest_rows(conn, tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list],
                limit: int) -> list[tuple[int, int]]:
    """Given a tier, seq bounds, filters and a limit, return the (seq, id) of its newest ``limit`` documents passing
    the filters, newest first: from the newest ``tier.probe`` documents when they hold that many (a common word),
    else from the tier's own index."""
    if tier.probe:
        rows = tier_rows(conn, tier, bounds, filters, limit, tier.probe)
        if len(rows) == limit:
            return rows
    return tier_rows(conn, tier, bounds, filters, limit)


def rows_to_ranked(rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Given (seq, id) rows, return them in the plan's order within a tier: day descending, then id."""
    return sorted(rows, key=lambda row: (-(row[0] // SEQ_SPAN), row[1]))


def tier_best(conn, tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list], limit: int,
              skip: set[int]) -> list[tuple[int, int]]:
    """Given a tier, seq bounds, filters, how many to return and the seqs of a better tier to leave out, return the
    (seq, id) of this tier's best ``limit`` documents in the plan's order (all of them when fewer)."""
    rows = [row for row in newest_rows(conn, tier, bounds, filters, limit + len(skip) + 1) if row[0] not in skip]
    if len(rows) > limit and rows[limit][0] // SEQ_SPAN == rows[limit - 1][0] // SEQ_SPAN:
        last_day = rows[limit - 1][0] // SEQ_SPAN  # the day goes on past the limit: read all of it
        day = (max(bounds[0], last_day * SEQ_SPAN), min(bounds[1], (last_day + 1) * SEQ_SPAN - 1))
        rows = [row for row in rows if row[0] // SEQ_SPAN > last_day] + \
            [row for row in tier_rows(conn, tier, day, filters, None, 0) if row[0] not in skip]
    return rows_to_ranked(rows)[:limit]


def tiered_search(conn, engine: str, term: str, since: str | None, until: str | None,
                  filters: tuple[list[str], list], limit: int) -> list[tuple[int, int]]:
    """Given an index connection and its engine, one word (answers_by_tier), the date bounds, every filter's
    condition (the dates' too) and a limit, return the (id, score) of the plan's best ``limit`` documents holding
    it, best first."""
    if limit <= 0:
        return []
    bounds = seq_range(since, until)
    in_subject_tier, everywhere_tier = engine_tiers(engine, term)
    in_subject = tier_best(conn, in_subject_tier, bounds, filters, limit, set())
    ranked = [(doc_id, SUBJECT_WEIGHT) for _, doc_id in in_subject]
    if len(in_subject) == limit:
        return ranked
    elsewhere = tier_best(conn, everywhere_tier, bounds, filters, limit - len(ranked),
                          {seq for seq, _ in in_subject})  # fewer than limit: every 主旨 hit
    return ranked + [(doc_id, 1) for _, doc_id in elsewhere]
