"""Watching feeds: poll them every N minutes and code the items not seen before into the store.

What a watch remembers lives in the store's own DuckDB file, in two tables this module creates
(``CREATE TABLE IF NOT EXISTS``), so that a restarted watch neither downloads an unchanged feed
again nor codes an item twice:

* ``watch_feeds(feed, etag, last_modified, checked_at)``: the validators of the feed's last
  response, sent back as ``If-None-Match`` / ``If-Modified-Since`` (a 304 costs no download);
* ``watch_items(feed, item, seen_at)``: the ids of the items already coded, per feed.

Items are marked seen only after the round's articles are written, so a watch killed mid-round
fetches and codes those items again next time; the store replaces an article coded twice, so
nothing is duplicated. The store file is opened only for these short reads and writes, never
held between rounds, so other commands can read it while a watch sleeps.

``code_documents`` is also what ``wirecoder fetch`` codes its documents with.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from wirecoder.api import RunSummary, code_into_store
from wirecoder.config import Settings
from wirecoder.ingest.web import FetchOptions, PoliteClient, expand_item, feed_items, is_feed
from wirecoder.pipeline import Pipeline
from wirecoder.records import RawDocument, Rejected
from wirecoder.store import DuckDBStore

__all__ = ["RoundSummary", "WatchSummary", "code_documents", "watch_feeds"]

LOGGER = logging.getLogger(__name__)

_STATE_DDL = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    feed TEXT PRIMARY KEY,        -- the feed URL as the watch was given it
    etag TEXT,
    last_modified TEXT,
    checked_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_items (
    feed TEXT NOT NULL,
    item TEXT NOT NULL,           -- the item's id (guid, else link) as the feed reader gives it
    seen_at TIMESTAMP NOT NULL,
    PRIMARY KEY (feed, item)
);
"""


@dataclass
class RoundSummary:
    """What one polling round did."""

    number: int
    feeds: int = 0
    unchanged: int = 0  # feeds that answered 304 Not Modified
    new_items: int = 0
    coded: RunSummary | None = None  # None: nothing new, nothing coded
    failures: list[Rejected] = field(default_factory=list)  # feeds that could not be read

    def describe(self) -> str:
        text = f"round {self.number}: {self.feeds} feeds ({self.unchanged} unchanged), {self.new_items} new items"
        if self.coded is not None:
            c = self.coded
            text += f": {c.articles} articles, {c.events} events, {c.rejected} rejected (run {c.run_id})"
        return text


@dataclass
class WatchSummary:
    """What a whole watch did, for the summary printed when it stops."""

    rounds: list[RoundSummary] = field(default_factory=list)
    interrupted: bool = False

    def describe(self, where: str) -> str:
        runs = [r.coded for r in self.rounds if r.coded is not None]
        articles = sum(r.articles for r in runs)
        events = sum(r.events for r in runs)
        rejected = sum(r.rejected for r in runs)
        new = sum(r.new_items for r in self.rounds)
        how = "stopped (interrupted)" if self.interrupted else "done"
        return (
            f"watch {how} after {len(self.rounds)} rounds: {new} new items, {articles} articles, "
            f"{events} events, {rejected} rejected; stored in {where}"
        )


def code_documents(
    documents: Iterable[RawDocument | Rejected],
    settings: Settings,
    *,
    inputs: Sequence[str],
    pipeline: Pipeline | None = None,
    progress: bool = False,
) -> RunSummary:
    """Code documents already read (fetched pages, feed items) into the store, as one run.

    ``inputs`` is what the run records as its inputs (the URLs). Documents keep their own
    ``origin`` and ``id``; rejections go into the store with the run like any reader's.
    """
    base = pipeline or Pipeline(settings)
    return code_into_store(list(inputs), settings, pipeline=_GivenDocuments(base, documents), progress=progress)


class _GivenDocuments(Pipeline):
    """``base``'s stages, with a reader that hands out documents already in hand.

    ``code_into_store`` reads its inputs through ``Pipeline.read``; replacing that stage is how
    fetched documents reach it without a detour through a temporary file (which would turn
    every origin into that file's name and drop what JSONL does not carry).
    """

    def __init__(self, base: Pipeline, documents: Iterable[RawDocument | Rejected]) -> None:
        # Share the loaded model and dictionaries instead of building them again (seconds).
        vars(self).update(vars(base))
        self._documents = documents

    def read(self, inputs: Iterable[str | Path]) -> Iterator[RawDocument | Rejected]:
        return iter(self._documents)


def watch_feeds(
    feeds: Sequence[str],
    settings: Settings,
    *,
    every_minutes: float,
    rounds: int | None = None,
    options: FetchOptions | None = None,
    pipeline: Pipeline | None = None,
    progress: bool = False,
    on_round: Callable[[RoundSummary], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchSummary:
    """Poll ``feeds`` every ``every_minutes`` (start to start) and code their new items.

    Stops after ``rounds`` rounds (``None``: until interrupted). Ctrl-C stops it cleanly: the
    round in progress is abandoned (its items are fetched again next time) and the summary so far
    is returned with ``interrupted`` set. ``on_round`` is called after each round.
    """
    options = options or FetchOptions()
    summary = WatchSummary()
    state = _WatchState(settings.store.path)
    try:
        base = pipeline or Pipeline(settings)
        with PoliteClient(options) as client:
            started = options.clock()
            while rounds is None or len(summary.rounds) < rounds:
                if summary.rounds:
                    sleep(max(0.0, every_minutes * 60 - (options.clock() - started)))
                started = options.clock()
                done = _one_round(len(summary.rounds) + 1, feeds, client, state, settings, base, progress)
                summary.rounds.append(done)
                if on_round is not None:
                    on_round(done)
    except KeyboardInterrupt:
        summary.interrupted = True
    return summary


@dataclass
class _FeedNews:
    feed: str
    etag: str | None
    last_modified: str | None
    items: list[RawDocument | Rejected]
    keys: list[str]


def _one_round(
    number: int,
    feeds: Sequence[str],
    client: PoliteClient,
    state: _WatchState,
    settings: Settings,
    pipeline: Pipeline,
    progress: bool,
) -> RoundSummary:
    result = RoundSummary(number=number, feeds=len(feeds))
    news: list[_FeedNews] = []
    for feed in feeds:
        polled = _poll(feed, client, state)
        if isinstance(polled, Rejected):
            LOGGER.warning("%s: %s (%s)", feed, polled.reason, polled.detail)
            result.failures.append(polled)
        elif polled is None:
            result.unchanged += 1
        else:
            news.append(polled)
    result.new_items = sum(len(n.items) for n in news)
    if result.new_items or result.failures:
        # Failures go to the store too (its rejections table keeps one row per URL and reason).
        documents = _expanded(news, client, result.failures)
        result.coded = code_documents(documents, settings, inputs=list(feeds), pipeline=pipeline, progress=progress)
    state.remember(news)
    return result


def _expanded(
    news: Sequence[_FeedNews], client: PoliteClient, failures: Sequence[Rejected]
) -> Iterator[RawDocument | Rejected]:
    yield from failures
    for feed in news:
        for item in feed.items:
            yield expand_item(item, client)


def _poll(feed: str, client: PoliteClient, state: _WatchState) -> _FeedNews | Rejected | None:
    """The feed's unseen items; ``None`` when it has not changed; a ``Rejected`` when unreadable."""
    etag, last_modified, seen = state.load(feed)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    response = client.get(feed, headers=headers)
    if isinstance(response, Rejected):
        return response
    if response.status == 304:
        return None
    if not is_feed(response):
        return Rejected(
            origin=feed,
            stage="fetch",
            reason="not_a_feed",
            detail=f"{response.final_url} is {response.media_type or 'untyped'}, not an RSS or Atom feed",
        )
    items: list[RawDocument | Rejected] = []
    keys: list[str] = []
    for item in feed_items(response):
        if isinstance(item, Rejected) and item.doc_id is None:
            # A feed-level rejection (malformed XML, no items): it is news each time, not an item.
            return item
        key = item.id if isinstance(item, RawDocument) else str(item.doc_id)
        if key in seen or key in keys:
            continue
        items.append(item)
        keys.append(key)
    return _FeedNews(feed, response.headers.get("etag"), response.headers.get("last-modified"), items, keys)


class _WatchState:
    """The watch tables in the store file, opened for each read or write and closed again."""

    def __init__(self, path: str) -> None:
        self.path = path

    def load(self, feed: str) -> tuple[str | None, str | None, set[str]]:
        with DuckDBStore(self.path) as store:
            store.con.execute(_STATE_DDL)
            row = store.con.execute("SELECT etag, last_modified FROM watch_feeds WHERE feed = ?", [feed]).fetchone()
            seen = {r[0] for r in store.con.execute("SELECT item FROM watch_items WHERE feed = ?", [feed]).fetchall()}
        etag, last_modified = row if row is not None else (None, None)
        return etag, last_modified, seen

    def remember(self, news: Sequence[_FeedNews]) -> None:
        if not news:
            return
        now = datetime.now().replace(microsecond=0)
        with DuckDBStore(self.path) as store:
            store.con.execute(_STATE_DDL)
            store.con.execute("BEGIN TRANSACTION")
            for feed in news:
                store.con.execute(
                    "INSERT OR REPLACE INTO watch_feeds VALUES (?, ?, ?, ?)",
                    [feed.feed, feed.etag, feed.last_modified, now],
                )
                if feed.keys:
                    store.con.executemany(
                        "INSERT OR IGNORE INTO watch_items VALUES (?, ?, ?)",
                        [(feed.feed, key, now) for key in feed.keys],
                    )
            store.con.execute("COMMIT")
