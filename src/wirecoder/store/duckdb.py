"""The embedded store: one DuckDB file holding articles, mentions, events, quotes, rejections and runs.

Writes are idempotent: coding an article again replaces everything it produced before, inside one
transaction, so a rerun never duplicates and an interrupted write never leaves half an article.
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

SCHEMA_VERSION = "1"


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

    def finish_run(self, run_id: str, *, articles: int, events: int, rejected: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, articles = ?, events = ?, rejected = ? WHERE id = ?",
            [_utcnow(), articles, events, rejected, run_id],
        )

    # -- writes -----------------------------------------------------------------------------

    def write(self, items: Iterable[CodedArticle | Rejected], run_id: str) -> None:
        """Write a batch in one transaction: all of it lands, or none of it."""
        batch = list(items)
        coded = [i for i in batch if isinstance(i, CodedArticle)]
        rejected = [i for i in batch if isinstance(i, Rejected)]
        self._write(coded, rejected, run_id)

    def _write(self, coded: Sequence[CodedArticle], rejected: Sequence[Rejected], run_id: str) -> None:
        now = _utcnow()
        ids = [c.article.id for c in coded]
        try:
            self.con.execute("BEGIN TRANSACTION")
            if ids:
                marks = ",".join("?" * len(ids))
                for table in ("events", "mentions", "attributions", "facts", "quotes", "articles"):
                    column = "id" if table == "articles" else "article_id"
                    self.con.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", ids)
                origins = [c.article.origin for c in coded]
                self.con.execute(f"DELETE FROM rejections WHERE origin IN ({','.join('?' * len(origins))})", origins)
                self.con.executemany(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            for r in rejected:
                self.con.execute(
                    "INSERT OR REPLACE INTO rejections VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [r.origin, r.stage, r.reason, r.detail, r.doc_id, run_id, now],
                )
            self.con.execute("COMMIT")
        except duckdb.Error as e:
            self.con.execute("ROLLBACK")
            raise StoreError(f"could not write to {self.path}: {e}") from e

    def _insert(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            marks = ",".join("?" * len(rows[0]))
            self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    # -- reads ------------------------------------------------------------------------------

    def events(self, query: EventQuery = EventQuery()) -> list[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        if query.actor:
            where.append("(source LIKE ? OR target LIKE ?)")
            params += [query.actor + "%", query.actor + "%"]
        if query.source:
            where.append("source LIKE ?")
            params.append(query.source + "%")
        if query.target:
            where.append("target LIKE ?")
            params.append(query.target + "%")
        if query.since:
            where.append("date >= ?")
            params.append(query.since)
        if query.until:
            where.append("date <= ?")
            params.append(query.until)
        if query.code:
            where.append("code LIKE ?")
            params.append(query.code + "%")
        if query.article:
            where.append("article_id = ?")
            params.append(query.article)
        if query.run_id:
            where.append("run_id = ?")
            params.append(query.run_id)
        if query.min_confidence is not None:
            where.append("confidence >= ?")
            params.append(query.min_confidence)
        sql = "SELECT * FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date, article_id, sentence_index, code"
        if query.limit:
            sql += f" LIMIT {int(query.limit)}"
        return self._dicts(sql, params)

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
        for table in ("articles", "events", "mentions", "rejections", "runs"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


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
