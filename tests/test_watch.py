"""Watching feeds against a real local HTTP server, into a real DuckDB store.

A round codes only the items not seen before; a restarted watch sends the feed's ETag back (the
server answers 304) and, where the server ignores it, still codes nothing it has seen.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from tests.test_web import FakeClock, LocalSite, Reply, options, page, rss, rss_item

from wirecoder.config import Settings
from wirecoder.ingest.watch import watch_feeds
from wirecoder.pipeline import Pipeline
from wirecoder.store import DuckDBStore

pytestmark = pytest.mark.model

PAGES = {
    "/news/ceasefire.html": page(
        "Ministers agree to extend ceasefire",
        [
            "Turkish Foreign Minister Hakan Fidan met Egyptian Foreign Minister Sameh Shoukry in Cairo on "
            "Monday and both sides agreed to press for a longer ceasefire.",
            "Fidan said Turkey would send more humanitarian aid through the Rafah crossing.",
        ],
        published="2024-03-04T10:00:00Z",
    ),
    "/news/port.html": page(
        "Port strike ends after pay deal",
        [
            "Dock workers ended a nine-day strike at the northern port on Tuesday after the operator "
            "agreed to raise wages by six percent over two years.",
            "Shipping lines said it would take a week to clear the queue of vessels waiting offshore.",
        ],
        published="2024-03-05T09:00:00Z",
    ),
    "/news/rail.html": page(
        "New rail link to the airport opens",
        [
            "The first trains ran on the new rail link between the city centre and the airport on "
            "Wednesday, cutting the journey to eighteen minutes.",
            "The transport ministry said the line would carry twelve thousand passengers a day.",
        ],
        published="2024-03-06T07:30:00Z",
    ),
}


class Feed:
    """A feed whose items can grow between rounds, answering 304 to its own ETag."""

    def __init__(self, site: LocalSite, *, honour_etag: bool = True) -> None:
        self.site = site
        self.items: list[tuple[str, str, str]] = []  # (path, guid, RFC 822 date)
        self.honour_etag = honour_etag

    def add(self, path: str, guid: str, day: str) -> None:
        self.items.append((path, guid, day))

    def body(self) -> bytes:
        items = [
            rss_item(guid, f"Item {guid}", self.site.url(path), "A short summary.", date=day)
            for path, guid, day in self.items
        ]
        return rss(items)

    def __call__(self, headers: Mapping[str, str]) -> Reply:
        etag = f'"v{len(self.items)}"'
        if self.honour_etag and headers.get("if-none-match") == etag:
            return Reply(304, b"", content_type=None)
        return Reply(body=self.body(), content_type="application/rss+xml", headers={"ETag": etag})


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite() as running:
        for path, body in PAGES.items():
            running.routes[path] = Reply(body=body)
        yield running


def _at(settings: Settings, db: Path) -> Settings:
    return settings.model_copy(update={"store": settings.store.model_copy(update={"path": str(db)})})


def _counts(db: Path) -> tuple[int, int]:
    with DuckDBStore(db, read_only=True) as store:
        return len(store.articles()), len(store.runs())


def test_rounds_code_only_new_items_and_a_restart_codes_nothing_seen(
    site: LocalSite, settings: Settings, pipeline: Pipeline, tmp_path: Path
) -> None:
    db = tmp_path / "watch.duckdb"
    feed = Feed(site)
    feed.add("/news/ceasefire.html", "c-1", "Mon, 04 Mar 2024 10:00:00 GMT")
    feed.add("/news/port.html", "p-1", "Tue, 05 Mar 2024 09:00:00 GMT")
    site.routes["/feed.xml"] = feed
    site.routes["/dead-feed.xml"] = Reply(500, b"down", content_type="text/plain")
    clock = FakeClock()
    waits: list[float] = []

    def between_rounds(seconds: float) -> None:
        waits.append(seconds)
        feed.add("/news/rail.html", "r-1", "Wed, 06 Mar 2024 07:30:00 GMT")

    feeds = [site.url("/feed.xml"), site.url("/dead-feed.xml")]
    opts = options(clock, min_interval=0, max_retries=0)
    summary = watch_feeds(
        feeds, _at(settings, db), every_minutes=2, rounds=2, options=opts, pipeline=pipeline, sleep=between_rounds
    )

    first, second = summary.rounds
    assert (first.new_items, second.new_items) == (2, 1)
    assert first.coded is not None and first.coded.articles == 2
    assert second.coded is not None and second.coded.articles == 1
    assert waits == [120.0]  # start to start, and the fake clock did not move during the round
    assert [f.reason for f in first.failures] == ["http_500"]
    for path in PAGES:
        assert site.paths().count(path) == 1  # each page fetched once, in the round it appeared
    with DuckDBStore(db, read_only=True) as store:
        urls = {a["url"] for a in store.articles()}
        rejections = {(r["origin"], r["reason"]) for r in store.rejections()}
    assert urls == {site.url(p) for p in PAGES}
    assert rejections == {(feeds[1], "http_500")}
    assert "2 rounds: 3 new items, 3 articles" in summary.describe(str(db))

    # Restarted: the feed is asked with its ETag and answers 304; nothing is coded, no run added.
    before = _counts(db)
    again = watch_feeds(feeds[:1], _at(settings, db), every_minutes=2, rounds=1, options=opts, pipeline=pipeline)
    (only,) = again.rounds
    assert (only.unchanged, only.new_items, only.coded) == (1, 0, None)
    assert site.requests[-1][1].get("if-none-match") == '"v3"'
    assert _counts(db) == before

    # A server that ignores the ETag sends the whole feed again: the items are known, none coded.
    feed.honour_etag = False
    third = watch_feeds(feeds[:1], _at(settings, db), every_minutes=2, rounds=1, options=opts, pipeline=pipeline)
    assert (third.rounds[0].unchanged, third.rounds[0].new_items) == (0, 0)
    assert _counts(db) == before
    for path in PAGES:
        assert site.paths().count(path) == 1


def test_ctrl_c_stops_the_watch_with_a_summary(
    site: LocalSite, settings: Settings, pipeline: Pipeline, tmp_path: Path
) -> None:
    feed = Feed(site)
    feed.add("/news/port.html", "p-1", "Tue, 05 Mar 2024 09:00:00 GMT")
    site.routes["/feed.xml"] = feed

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    summary = watch_feeds(
        [site.url("/feed.xml")],
        _at(settings, tmp_path / "w.duckdb"),
        every_minutes=1,
        options=options(FakeClock(), min_interval=0),
        pipeline=pipeline,
        sleep=interrupted,
    )

    assert summary.interrupted and len(summary.rounds) == 1
    assert "stopped (interrupted) after 1 rounds: 1 new items, 1 articles" in summary.describe("w.duckdb")


def test_wirecoder_watch_command(site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from wirecoder.cli import main

    one = Feed(site)
    one.add("/news/ceasefire.html", "c-1", "Mon, 04 Mar 2024 10:00:00 GMT")
    two = Feed(site)
    two.add("/news/ceasefire.html", "c-1", "Mon, 04 Mar 2024 10:00:00 GMT")
    two.add("/news/port.html", "p-1", "Tue, 05 Mar 2024 09:00:00 GMT")
    # The feed grows between the first and the second request; it never answers 304 here.
    site.routes["/feed.xml"] = [
        Reply(body=one.body(), content_type="application/rss+xml"),
        Reply(body=two.body(), content_type="application/rss+xml"),
    ]
    db = str(tmp_path / "cli.duckdb")
    args = ["watch", site.url("/feed.xml"), "--every", "0.0001", "--db", db, "--rate", "0", "--format", "jsonl"]

    assert main([*args, "--rounds", "2"]) == 0
    out, err = capsys.readouterr()
    assert "round 1: 1 feeds (0 unchanged), 1 new items: 1 articles" in err
    assert "round 2: 1 feeds (0 unchanged), 1 new items: 1 articles" in err
    assert "watch done after 2 rounds: 2 new items, 2 articles" in err
    assert any('"article": "' + site.url("/news/ceasefire.html") in line for line in out.splitlines())

    assert main([*args, "--rounds", "1"]) == 0
    out, err = capsys.readouterr()
    assert "round 1: 1 feeds (0 unchanged), 0 new items" in err and out == ""
    assert _counts(Path(db)) == (2, 2)
