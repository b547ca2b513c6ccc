"""The story tables of the DuckDB store: signatures in, stories and merged events out.

Every function here runs inside the caller's transaction, on the caller's connection, so that a
batch's articles, events, story memberships and merged-event counts land together or not at all.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt

from wirecoder.stories import Assignment, Mention, StoryIndex, StoryParams, merge_events

PARAMS_KEY = "story_params"
_CHUNK = 500  # ids per IN (...) list


def encode_signature(sig: npt.NDArray[np.uint32]) -> str:
    return base64.b64encode(sig.astype(">u4").tobytes()).decode("ascii")


def decode_signatures(texts: Sequence[str], width: int) -> npt.NDArray[np.uint32]:
    raw = b"".join(base64.b64decode(t) for t in texts)
    return np.frombuffer(raw, dtype=">u4").astype(np.uint32).reshape(len(texts), width)


def stored_params(con: duckdb.DuckDBPyConnection) -> StoryParams:
    """The grouping parameters of this store, written on its first use: signatures only compare under them."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [PARAMS_KEY]).fetchone()
    if row is None:
        params = StoryParams()
        con.execute("INSERT INTO meta VALUES (?, ?)", [PARAMS_KEY, json.dumps(asdict(params))])
        return params
    return StoryParams(**json.loads(row[0]))


def load_index(con: duckdb.DuckDBPyConnection, params: StoryParams) -> StoryIndex:
    """Every stored article's signature, date and story, in an in-memory index."""
    index = StoryIndex(params)
    cursor = con.execute("SELECT article_id, story_id, published, signature FROM story_articles ORDER BY article_id")
    while rows := cursor.fetchmany(50_000):
        ids, stories, days, sigs = zip(*rows, strict=True)
        index.add(ids, stories, days, decode_signatures(sigs, params.num_perm))
    return index


def record(
    con: duckdb.DuckDBPyConnection,
    assignments: Sequence[Assignment],
    sigs: npt.NDArray[np.uint32],
    outlets: Sequence[str],
    published: Sequence[date | None],
    run_id: str,
    now: datetime,
) -> None:
    """Store where each article went (its earlier membership already deleted)."""
    new = [(a.story_id, run_id, now) for a in assignments if a.new_story]
    if new:
        con.executemany("INSERT INTO stories VALUES (?, ?, ?) ON CONFLICT DO NOTHING", new)
    con.executemany(
        "INSERT INTO story_articles VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (a.article_id, a.story_id, outlets[i], published[i], a.matched, a.similarity, encode_signature(sigs[i]))
            for i, a in enumerate(assignments)
        ],
    )


def stories_of(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({marks})"
        found.update(r[0] for r in con.execute(sql, chunk).fetchall())
    return found


def refresh(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str]) -> None:
    """Recompute the merged events of these stories from their articles' events; drop emptied stories.

    Recomputing (rather than counting up) keeps the counts right whatever happened before: a rerun,
    an updated article, a batch written again after a crash.
    """
    for chunk in _chunks(sorted(set(story_ids))):
        marks = ",".join("?" * len(chunk))
        con.execute(
            f"DELETE FROM merged_event_members WHERE merged_id IN "
            f"(SELECT id FROM merged_events WHERE story_id IN ({marks}))",
            chunk,
        )
        con.execute(f"DELETE FROM merged_events WHERE story_id IN ({marks})", chunk)
        rows = con.execute(
            "SELECT sa.story_id, e.id, e.article_id, e.source, e.target, e.code, e.date, e.confidence, "
            "e.sentence_index, sa.outlet, sa.published FROM events e "
            f"JOIN story_articles sa ON sa.article_id = e.article_id WHERE sa.story_id IN ({marks})",
            chunk,
        ).fetchall()
        by_story: dict[str, list[Mention]] = {}
        for story, *fields in rows:
            by_story.setdefault(story, []).append(Mention(*fields))
        merged = [m for story, mentions in sorted(by_story.items()) for m in merge_events(story, mentions)]
        if merged:
            con.executemany(
                "INSERT INTO merged_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (m.id, m.story_id, m.event_id, m.family, m.day, m.num_articles, m.num_sources, m.num_mentions)
                    for m in merged
                ],
            )
            con.executemany(
                "INSERT INTO merged_event_members VALUES (?, ?, ?)",
                [(event_id, m.id, article_id) for m in merged for event_id, article_id in m.members],
            )
        con.execute(
            f"DELETE FROM stories WHERE id IN ({marks}) AND id NOT IN (SELECT story_id FROM story_articles)", chunk
        )


def story_rows(con: duckdb.DuckDBPyConnection, limit: int | None) -> list[dict[str, Any]]:
    """Stories with their articles and merged events, oldest first."""
    sql = (
        "SELECT s.id, min(sa.published) AS first_published, max(sa.published) AS last_published, "
        "count(*) AS num_articles, count(DISTINCT sa.outlet) AS num_sources FROM stories s "
        "JOIN story_articles sa ON sa.story_id = s.id GROUP BY s.id ORDER BY first_published NULLS LAST, s.id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    stories = _dicts(con, sql, [])
    if not stories:
        return []
    by_id = {s["id"]: s for s in stories}
    for s in stories:
        s.update(articles=[], sources=[], titles=[], events=[])
    ids = list(by_id)
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in _dicts(
            con,
            "SELECT sa.story_id, a.id, a.title, a.published, a.source, sa.outlet FROM story_articles sa "
            f"JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({marks}) "
            "ORDER BY a.published NULLS LAST, a.id",
            chunk,
        ):
            story = by_id[row["story_id"]]
            story["articles"].append(row["id"])
            story["titles"].append(row["title"])
            if row["outlet"] not in story["sources"]:
                story["sources"].append(row["outlet"])
        for row in _dicts(
            con,
            "SELECT e.*, m.id AS merged_id, m.story_id AS story, m.num_articles, m.num_sources, m.num_mentions "
            f"FROM merged_events m JOIN events e ON e.id = m.event_id WHERE m.story_id IN ({marks}) "
            "ORDER BY e.date, m.num_articles DESC, m.id",
            chunk,
        ):
            by_id[row["story"]]["events"].append(row)
    return stories


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])
