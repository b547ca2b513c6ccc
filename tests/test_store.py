"""The DuckDB store: idempotent writes, rejections, runs and queries, on a real DuckDB file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirecoder.api import code_into_store
from wirecoder.config import load_settings
from wirecoder.errors import StoreError
from wirecoder.pipeline import Pipeline
from wirecoder.store import DuckDBStore, EventQuery

ARTICLE = """ date 2023-09-08 Modi and Kishida meet in Jakarta

Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Jakarta on Tuesday,
on the sidelines of a regional summit.

The two leaders agreed to deepen defence cooperation, officials said.
"""


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "modi.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return [str(folder)]


def test_coding_twice_duplicates_nothing(tmp_path: Path, inputs: list[str], pipeline: Pipeline) -> None:
    settings = load_settings(store={"path": str(tmp_path / "w.duckdb")})
    first = code_into_store(inputs, settings, pipeline=pipeline)
    with DuckDBStore(settings.store.path) as store:
        before = store.counts()
        events_before = {e["id"] for e in store.events()}
    second = code_into_store(inputs, settings, pipeline=pipeline)
    with DuckDBStore(settings.store.path) as store:
        after = store.counts()
        events_after = {e["id"] for e in store.events()}
        assert len(store.runs()) == 2
    # The second run finds the article stored with the same content and skips it before the parse.
    assert first.articles == 1 and second.articles == 0 and second.skipped == 1
    assert events_before == events_after and events_before
    assert {k: v for k, v in before.items() if k != "runs"} == {k: v for k, v in after.items() if k != "runs"}


def test_rejections_are_recorded_and_the_rest_is_coded(tmp_path: Path, inputs: list[str], pipeline: Pipeline) -> None:
    settings = load_settings(store={"path": str(tmp_path / "w.duckdb")})
    summary = code_into_store(inputs, settings, pipeline=pipeline)
    assert summary.articles == 1 and summary.rejected == 2
    with DuckDBStore(settings.store.path) as store:
        reasons = {Path(r["origin"]).name: r["reason"] for r in store.rejections()}
        assert reasons == {"empty.txt": "empty", "photo.txt": "binary"}
        [run] = store.runs()
        assert run["articles"] == 1 and run["rejected"] == 2 and "events/triggers" in run["dictionaries"]


def test_event_queries(tmp_path: Path, inputs: list[str], pipeline: Pipeline) -> None:
    settings = load_settings(store={"path": str(tmp_path / "w.duckdb")})
    code_into_store(inputs, settings, pipeline=pipeline)
    with DuckDBStore(settings.store.path, read_only=True) as store:
        assert store.events(EventQuery(actor="IND"))
        assert store.events(EventQuery(source="JPN")) == [] or all(
            e["source"].startswith("JPN") for e in store.events(EventQuery(source="JPN"))
        )
        assert store.events(EventQuery(since=date(2030, 1, 1))) == []
        assert all(e["code"].startswith("04") for e in store.events(EventQuery(code="04")))


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, inputs: list[str], pipeline: Pipeline) -> None:
    settings = load_settings(store={"path": str(tmp_path / "w.duckdb")})
    [coded] = [c for c in pipeline.run(inputs) if hasattr(c, "events")]
    with DuckDBStore(settings.store.path) as store:
        store.con.execute("DROP TABLE facts")  # make the batch fail half-way through
        with pytest.raises(StoreError):
            store.write([coded], "run-x")
        assert store.counts()["articles"] == 0 and store.counts()["events"] == 0


def test_opening_something_that_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        DuckDBStore(tmp_path / "missing.duckdb", read_only=True)


def test_an_updated_article_replaces_the_old_one(tmp_path: Path, inputs: list[str], pipeline: Pipeline) -> None:
    settings = load_settings(store={"path": str(tmp_path / "w.duckdb")})
    code_into_store(inputs, settings, pipeline=pipeline)
    path = Path(inputs[0]) / "modi.txt"
    path.write_text(ARTICLE.replace("defence cooperation", "trade and defence cooperation"), encoding="utf-8")
    summary = code_into_store(inputs, settings, pipeline=pipeline)
    assert summary.articles == 1 and summary.skipped == 0  # same id, new content: coded again
    with DuckDBStore(settings.store.path, read_only=True) as store:
        [article] = store.articles()
        assert "trade and defence" in article["body"]
        assert store.counts()["stories"] == 1  # the old version's story emptied and was dropped
        events = store.events()
        assert events and all(e["story"] and e["merged_id"] for e in events)
        merged = store.merged_events()
        assert sum(m["num_mentions"] for m in merged) == len(events)
        assert all(m["articles"] == ["modi.txt"] for m in merged)


def test_a_version_1_store_is_upgraded(tmp_path: Path, inputs: list[str], pipeline: Pipeline) -> None:
    settings = load_settings(store={"path": str(tmp_path / "old.duckdb")})
    code_into_store(inputs, settings, pipeline=pipeline)
    with DuckDBStore(settings.store.path) as store:  # make it look like a store written before stories
        for table in ("stories", "story_articles", "merged_events", "merged_event_members"):
            store.con.execute(f"DROP TABLE {table}")
        store.con.execute("ALTER TABLE articles DROP COLUMN language")
        for column in ("skipped", "stories_new", "stories_joined"):
            store.con.execute(f"ALTER TABLE runs DROP COLUMN {column}")
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        store.con.execute("DELETE FROM meta WHERE key = 'story_params'")
    with pytest.raises(StoreError, match="schema version 1"):
        DuckDBStore(settings.store.path, read_only=True)
    with DuckDBStore(settings.store.path) as store:
        assert store.counts()["stories"] == 1
        assert store.merged_events() and store.articles()[0]["language"] is None
