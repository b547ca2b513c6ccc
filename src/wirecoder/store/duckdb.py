"""The embedded store: one DuckDB file holding articles, mentions, events, quotes, rejections, runs,
stories and merged events.

Writes are idempotent: coding an article again replaces everything it produced before, inside one
transaction, so a rerun never duplicates and an interrupted write never leaves half an article.
The same transaction puts each article in a story (``wirecoder.stories``) and recomputes the merged
events of every story it touched, so a process killed at any moment leaves the store as it was
after its last whole batch.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from wirecoder import __version__
from wirecoder.errors import SchemaVersionMismatch, StoreError
from wirecoder.records import CodedArticle, Quote, Rejected
from wirecoder.store import stories as story_tables
from wirecoder.stories import StoryIndex, outlet_of

SCHEMA_VERSION = "2"


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None  # source or target starts with this code
    source: str | None = None
    target: str | None = None
    since: date | None = None
    until: date | None = None
    code: str | None = None  # CAMEO code prefix
    article: str | None = None
    run_id: str | None = None
    min_confidence: float | None = None  # the coder's confidence is at least this
    limit: int | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one batch did to the stories."""

    stories_new: int = 0  # stories the batch started
    stories_joined: int = 0  # articles that joined a story started earlier


def _utcnow() -> datetime:
    return datetime.now().replace(microsecond=0)


class DuckDBStore:
    """A wirecoder store in a DuckDB file (or ``":memory:"``)."""

    def __init__(self, path: str | Path = "wirecoder.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only and self.path != ":memory:" and not Path(self.path).exists():
                raise StoreError(f"no store at {self.path}: code some articles first (wirecoder code ...)")
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(f"cannot open the store {self.path}: {e}") from e
        if not read_only:
            self._migrate()
        self._check_version()
        self._index: StoryIndex | None = None  # loaded on the first write

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------

    def _migrate(self) -> None:
        ddl = (resources.files("wirecoder") / "store" / "schema.sql").read_text(encoding="utf-8")
        self.con.execute(ddl)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        elif row[0] == "1":
            self._upgrade_from_1()

    def _upgrade_from_1(self) -> None:
        """Version 1 -> 2: new columns, and every stored article put in a story, in one transaction."""
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute("ALTER TABLE articles ADD COLUMN language TEXT")
            for column in ("skipped", "stories_new", "stories_joined"):
                self.con.execute(f"ALTER TABLE runs ADD COLUMN {column} INTEGER DEFAULT 0")
            index = StoryIndex(story_tables.stored_params(self.con))
            cursor = self.con.execute(
                "SELECT id, body, content_hash, published, source, url, origin, run_id, coded_at FROM articles "
                "ORDER BY coded_at, id"
            )
            rows = cursor.fetchall()
            for start in range(0, len(rows), 500):
                chunk = rows[start : start + 500]
                self._group([r[0] for r in chunk], [r[1] for r in chunk], [r[2] for r in chunk],
                            [r[3] for r in chunk], [outlet_of(r[4], r[5], r[6]) for r in chunk],
                            index, chunk[0][7], chunk[0][8])  # fmt: skip
            story_tables.refresh(self.con, [r[0] for r in self.con.execute("SELECT id FROM stories").fetchall()])
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])
            self.con.execute("COMMIT")
        except duckdb.Error as e:
            self.con.execute("ROLLBACK")
            raise StoreError(f"could not upgrade {self.path} to schema version {SCHEMA_VERSION}: {e}") from e

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as e:
            raise StoreError(f"{self.path} is not a wirecoder store") from e
        if row is None or row[0] != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise SchemaVersionMismatch(
                f"{self.path} has schema version {found}; this wirecoder reads version {SCHEMA_VERSION}"
            )

    # -- runs -------------------------------------------------------------------------------

    def start_run(
        self, *, model: str, coder: str, dictionaries: Sequence[tuple[str, str]], inputs: Sequence[str]
    ) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (id, started_at, wirecoder_version, model, coder, dictionaries, inputs) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                run_id,
                _utcnow(),
                __version__,
                model,
                coder,
                json.dumps(list(dictionaries)),
                json.dumps(list(inputs)),
            ],
        )
        return run_id

    def finish_run(
        self,
        run_id: str,
        *,
        articles: int,
        events: int,
        rejected: int,
        skipped: int = 0,
        stories_new: int = 0,
        stories_joined: int = 0,
    ) -> None:
        """Mark a run finished. A run that never gets here (killed, crashed) keeps ``finished_at`` NULL."""
        self.con.execute(
            "UPDATE runs SET finished_at = ?, articles = ?, events = ?, rejected = ?, skipped = ?, "
            "stories_new = ?, stories_joined = ? WHERE id = ?",
            [_utcnow(), articles, events, rejected, skipped, stories_new, stories_joined, run_id],
        )

    def stored_hashes(self) -> dict[str, str]:
        """Article id -> content hash of every stored article (to skip inputs already coded)."""
        return dict(self.con.execute("SELECT id, content_hash FROM articles").fetchall())

    # -- writes -----------------------------------------------------------------------------

    def write(self, items: Iterable[CodedArticle | Rejected], run_id: str) -> WriteResult:
        """Write a batch in one transaction: all of it lands, or none of it.

        Articles join stories in the same transaction, and the merged events of every story the batch
        touched are recomputed there. An article id seen twice in a batch keeps its last version.
        """
        batch = list(items)
        latest = {i.article.id: i for i in batch if isinstance(i, CodedArticle)}
        rejected = [i for i in batch if isinstance(i, Rejected)]
        return self._write(list(latest.values()), rejected, run_id)

    def _story_index(self) -> StoryIndex:
        if self._index is None:
            self._index = story_tables.load_index(self.con, story_tables.stored_params(self.con))
        return self._index

    def _group(
        self,
        ids: Sequence[str],
        bodies: Sequence[str],
        hashes: Sequence[str],
        published: Sequence[date | None],
        outlets: Sequence[str],
        index: StoryIndex,
        run_id: str,
        now: datetime,
    ) -> WriteResult:
        """Put articles (already stored, old memberships gone) in stories; recompute what they touched."""
        sigs = index.signatures(bodies)
        assignments = index.assign(ids, hashes, published, sigs)
        story_tables.record(self.con, assignments, sigs, outlets, published, run_id, now)
        return WriteResult(
            stories_new=sum(a.new_story for a in assignments),
            stories_joined=sum(not a.new_story for a in assignments),
        )

    def _write(self, coded: Sequence[CodedArticle], rejected: Sequence[Rejected], run_id: str) -> WriteResult:
        now = _utcnow()
        ids = [c.article.id for c in coded]
        result = WriteResult()
        index = self._story_index() if ids else None
        mark = index.checkpoint() if index is not None else None
        try:
            self.con.execute("BEGIN TRANSACTION")
            if ids and index is not None:
                marks = ",".join("?" * len(ids))
                touched = story_tables.stories_of(self.con, ids)  # an updated article may leave its story
                for table in (
                    "events",
                    "mentions",
                    "attributions",
                    "facts",
                    "quotes",
                    "story_articles",
                    "merged_event_members",
                    "articles",
                ):
                    column = "id" if table == "articles" else "article_id"
                    self.con.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", ids)
                origins = [c.article.origin for c in coded]
                self.con.execute(f"DELETE FROM rejections WHERE origin IN ({','.join('?' * len(origins))})", origins)
                self.con.executemany(
                    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES "
                    f"({', '.join('?' * len(ARTICLE_COLUMNS))})",
                    [_article_row(c, run_id, now) for c in coded],
                )
                self._insert("mentions", [_mention_row(m) for c in coded for m in c.mentions])
                self._insert("events", [_event_row(e, run_id) for c in coded for e in c.events])
                self._insert(
                    "attributions",
                    [
                        (a.article_id, a.sentence_index, a.span[0], a.span[1], a.text, a.cue)
                        for c in coded
                        for a in c.attributions
                    ],
                )
                self._insert(
                    "facts",
                    [
                        (
                            f.article_id,
                            f.sentence_index,
                            f.span[0],
                            f.span[1],
                            f.subject,
                            f.value,
                            f.unit,
                            f.period,
                            f.change_percent,
                            f.according_to,
                        )
                        for c in coded
                        for f in c.facts
                    ],
                )
                self._insert("quotes", [_quote_row(q) for c in coded for q in c.quotes])
                articles = [c.article for c in coded]
                result = self._group(
                    ids,
                    [a.body for a in articles],
                    [a.content_hash for a in articles],
                    [a.published for a in articles],
                    [outlet_of(a.source, a.url, a.origin) for a in articles],
                    index,
                    run_id,
                    now,
                )
                story_tables.refresh(self.con, touched | story_tables.stories_of(self.con, ids))
            for r in rejected:
                self.con.execute(
                    "INSERT OR REPLACE INTO rejections VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [r.origin, r.stage, r.reason, r.detail, r.doc_id, run_id, now],
                )
            self.con.execute("COMMIT")
        except BaseException as e:
            self.con.execute("ROLLBACK")
            if index is not None and mark is not None:
                index.rollback(mark)  # the index must say what the store says
            if isinstance(e, duckdb.Error):
                raise StoreError(f"could not write to {self.path}: {e}") from e
            raise
        return result

    def _insert(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            marks = ",".join("?" * len(rows[0]))
            self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    # -- reads ------------------------------------------------------------------------------

    def events(self, query: EventQuery = EventQuery()) -> list[dict[str, Any]]:
        """Per-article events (each with its story and the counts of the merged event it belongs to)."""
        where, params = _event_filters(query)
        if query.article:
            where.append("e.article_id = ?")
            params.append(query.article)
        if query.run_id:
            where.append("e.run_id = ?")
            params.append(query.run_id)
        sql = (
            "SELECT e.*, sa.story_id AS story, m.id AS merged_id, m.num_articles, m.num_sources, m.num_mentions "
            "FROM events e LEFT JOIN story_articles sa ON sa.article_id = e.article_id "
            "LEFT JOIN merged_event_members mm ON mm.event_id = e.id LEFT JOIN merged_events m ON m.id = mm.merged_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date, e.article_id, e.sentence_index, e.code"
        if query.limit:
            sql += f" LIMIT {int(query.limit)}"
        return self._dicts(sql, params)

    def merged_events(self, query: EventQuery = EventQuery()) -> list[dict[str, Any]]:
        """One row per real event: the representative event's columns, its story, counts and articles.

        Filters on actors, codes, dates and confidence apply to the representative; ``article`` and
        ``run_id`` keep merged events with at least one mention from that article or run.
        """
        where, params = _event_filters(query)
        if query.article:
            where.append("m.id IN (SELECT merged_id FROM merged_event_members WHERE article_id = ?)")
            params.append(query.article)
        if query.run_id:
            where.append(
                "m.id IN (SELECT mm.merged_id FROM merged_event_members mm JOIN events x ON x.id = mm.event_id "
                "WHERE x.run_id = ?)"
            )
            params.append(query.run_id)
        sql = (
            "SELECT e.*, m.story_id AS story, m.id AS merged_id, m.num_articles, m.num_sources, m.num_mentions "
            "FROM merged_events m JOIN events e ON e.id = m.event_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date, m.story_id, e.code, m.id"
        if query.limit:
            sql += f" LIMIT {int(query.limit)}"
        rows = self._dicts(sql, params)
        members: dict[str, list[str]] = {}
        ids = [r["merged_id"] for r in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = (
                f"SELECT merged_id, article_id FROM merged_event_members WHERE merged_id IN "
                f"({','.join('?' * len(chunk))}) ORDER BY article_id"
            )
            for merged, article in self.con.execute(sql, chunk).fetchall():
                if article not in members.setdefault(merged, []):
                    members[merged].append(article)
        for row in rows:
            row["articles"] = members.get(row["merged_id"], [])
        return rows

    def stories(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Stories, oldest first: dates, counts, outlets, article ids and merged events."""
        return story_tables.story_rows(self.con, limit)

    def articles(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT * FROM articles ORDER BY published NULLS LAST, id", [])

    def rejections(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT * FROM rejections ORDER BY rejected_at, origin", [])

    def runs(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT * FROM runs ORDER BY started_at", [])

    def mentions(self, article_id: str | None = None) -> list[dict[str, Any]]:
        if article_id:
            return self._dicts("SELECT * FROM mentions WHERE article_id = ? ORDER BY span_start", [article_id])
        return self._dicts("SELECT * FROM mentions ORDER BY article_id, span_start", [])

    def quotes(self, *, article: str | None = None, speaker: str | None = None) -> list[dict[str, Any]]:
        """Stored quotes in article and body order; ``speaker`` is a prefix of the speaker's actor code."""
        where: list[str] = []
        params: list[Any] = []
        if article:
            where.append("article_id = ?")
            params.append(article)
        if speaker:
            where.append("speaker_code LIKE ?")
            params.append(speaker + "%")
        sql = "SELECT * FROM quotes" + (" WHERE " + " AND ".join(where) if where else "")
        try:
            return self._dicts(sql + " ORDER BY article_id, span_start", params)
        except duckdb.CatalogException as e:
            raise StoreError(
                f"{self.path} was made before quotes were stored: code its articles again to extract them"
            ) from e

    def table(self, name: str, article_id: str | None = None) -> list[dict[str, Any]]:
        if name == "quotes":
            return self.quotes(article=article_id)
        if name not in ("attributions", "facts"):
            raise StoreError(f"unknown table {name}")
        if article_id:
            return self._dicts(f"SELECT * FROM {name} WHERE article_id = ? ORDER BY span_start", [article_id])
        return self._dicts(f"SELECT * FROM {name} ORDER BY article_id, span_start", [])

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table in ("articles", "events", "mentions", "rejections", "runs", "stories", "merged_events"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _event_filters(query: EventQuery) -> tuple[list[str], list[Any]]:
    """WHERE clauses on the columns of the events table, aliased ``e``."""
    where: list[str] = []
    params: list[Any] = []
    if query.actor:
        where.append("(e.source LIKE ? OR e.target LIKE ?)")
        params += [query.actor + "%", query.actor + "%"]
    for column, value in (("source", query.source), ("target", query.target), ("code", query.code)):
        if value:
            where.append(f"e.{column} LIKE ?")
            params.append(value + "%")
    if query.since:
        where.append("e.date >= ?")
        params.append(query.since)
    if query.until:
        where.append("e.date <= ?")
        params.append(query.until)
    if query.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(query.min_confidence)
    if query.story:
        where.append("e.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
        params.append(query.story)
    return where, params


ARTICLE_COLUMNS = (
    "id", "origin", "title", "published", "byline", "url", "source", "body", "content_hash", "run_id", "coded_at",
    "language",
)  # fmt: skip


def _article_row(c: CodedArticle, run_id: str, now: datetime) -> tuple[Any, ...]:
    a = c.article
    return (
        a.id,
        a.origin,
        a.title,
        a.published,
        a.byline,
        a.url,
        a.source,
        a.body,
        a.content_hash,
        run_id,
        now,
        a.language,
    )


def _mention_row(m: Any) -> tuple[Any, ...]:
    return (
        m.article_id,
        m.sentence_index,
        m.span[0],
        m.span[1],
        m.text,
        m.kind,
        m.code,
        m.name,
        m.actor_id,
        m.role,
        m.country,
        m.note,
    )


def _quote_row(q: Quote) -> tuple[Any, ...]:
    speaker = q.speaker_span or (None, None)
    return (
        q.article_id,
        q.sentence_index,
        q.span[0],
        q.span[1],
        q.text,
        q.partial,
        q.speaker_text,
        q.speaker_code,
        q.speaker_name,
        speaker[0],
        speaker[1],
        q.method,
    )


EVENT_COLUMNS = (
    "id", "article_id", "sentence_index", "source", "source_name", "target", "target_name", "code", "root",
    "quad_class", "goldstein", "date", "date_precision", "date_end", "background", "place_name", "place_country",
    "plover", "plover_mode", "modality", "attributed_to", "evidence", "span_start", "span_end", "trigger", "coder",
    "confidence", "run_id",
)  # fmt: skip


def event_record(e: Any, run_id: str) -> dict[str, Any]:
    """An event as the events table stores it, as a column -> value mapping."""
    return dict(zip(EVENT_COLUMNS, _event_row(e, run_id), strict=True))


def _event_row(e: Any, run_id: str) -> tuple[Any, ...]:
    return (
        e.id,
        e.article_id,
        e.sentence_index,
        e.source,
        e.source_name,
        e.target,
        e.target_name,
        e.code,
        e.root,
        e.quad_class,
        e.goldstein,
        e.date.day,
        e.date.precision,
        e.date.end,
        e.background,
        e.place.name if e.place else None,
        e.place.country if e.place else None,
        e.plover,
        e.plover_mode,
        e.modality,
        e.attributed_to,
        e.evidence,
        e.span[0],
        e.span[1],
        e.trigger,
        e.coder,
        e.confidence,
        run_id,
    )
