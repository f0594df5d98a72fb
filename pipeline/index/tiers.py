"""A one-word search answered a score tier at a time, newest first, so that it reads only the hits it shows: the
plan of pipeline/index/plan.py gives one word a score of SUBJECT_WEIGHT in the 主旨 and 1 elsewhere, then orders
by date and id; documents' seqs are in date order (plan.SEQ_SPAN), and each engine reads a word's documents in seq
order, stopping at the LIMIT (SQLite: FTS5 in rowid order; PostgreSQL: its newest documents first, then its GIN
indexes when the word is rarer — pipeline/index/match.py). So the best ``limit`` are the newest of the 主旨 hits, then — only if those
are too few — the newest of the other hits. Within one day the plan orders by id, not seq: the hits of the last day
shown are all read and sorted. The results are the plan's own, rank for rank (tests/test_index_grams.py)."""
from __future__ import annotations

from pipeline.index.match import Tier, engine_tiers
from pipeline.index.plan import SEQ_SPAN, SUBJECT_WEIGHT, is_number_term, seq_range


def answers_by_tier(terms: list[str]) -> bool:
    """Given the query terms, return whether the tiers answer them: one word of 2+ characters not written like a
    發文字號 (a letter's own number would be a tier more)."""
    return len(terms) == 1 and len(terms[0]) >= 2 and not is_number_term(terms[0])


def tier_rows(conn, tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list],
              limit: int | None) -> list[tuple[int, int]]:
    """Given a tier, the seq bounds, filter conditions on ``d``/``l`` and a limit (None: all), return the (seq, id)
    of its documents passing the filters, newest seq first (the tier's newest ``probe`` documents first, when
    that finds ``limit``)."""
    where = " AND ".join([tier.condition, f"{tier.seq} BETWEEN ? AND ?", *filters[0]])
    sql = (f"SELECT {tier.seq}, d.id FROM {tier.source} LEFT JOIN letters l ON l.id = d.id WHERE {where}"
           f" ORDER BY {tier.seq} DESC")
    params = [*tier.params, *bounds, *filters[1]]
    if limit is None:
        return [tuple(row) for row in conn.execute(sql.format(documents="documents"), params).fetchall()]
    if tier.probe:
        newest = "(SELECT * FROM documents WHERE seq BETWEEN ? AND ? ORDER BY seq DESC LIMIT ?)"
        rows = conn.execute(sql.format(documents=newest) + " LIMIT ?", [*bounds, tier.probe, *params, limit]).fetchall()
        if len(rows) == limit:
            return [tuple(row) for row in rows]
    return [tuple(row) for row in conn.execute(sql.format(documents="documents") + " LIMIT ?", params + [limit])]


def rows_to_ranked(rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Given (seq, id) rows, return them in the plan's order within a tier: day descending, then id."""
    return sorted(rows, key=lambda row: (-(row[0] // SEQ_SPAN), row[1]))


def tier_best(conn, tier: Tier, bounds: tuple[int, int], filters: tuple[list[str], list], limit: int,
              skip: set[int]) -> list[tuple[int, int]]:
    """Given a tier, seq bounds, filters, how many to return and the seqs of a better tier to leave out, return the
    (seq, id) of this tier's best ``limit`` documents in the plan's order (all of them when fewer)."""
    rows = [row for row in tier_rows(conn, tier, bounds, filters, limit + len(skip) + 1) if row[0] not in skip]
    if len(rows) > limit and rows[limit][0] // SEQ_SPAN == rows[limit - 1][0] // SEQ_SPAN:
        last_day = rows[limit - 1][0] // SEQ_SPAN  # the day goes on past the limit: read all of it
        rows = [row for row in tier_rows(conn, tier, (last_day * SEQ_SPAN, bounds[1]), filters, None)
                if row[0] not in skip]
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
