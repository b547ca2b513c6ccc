"""Kill -9 an ingest half-way, run it again, and compare with a run that was never interrupted:
the same articles, events, stories and merged events, nothing lost, nothing twice."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from tests.storygen import generate

from wirecoder.store import DuckDBStore

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
ARTICLES = 200
# Small parse batches, so progress (and the write of each 64-article batch) comes steadily.
COMMAND = [sys.executable, "-m", "wirecoder", "--set", "nlp.batch_articles=8", "code"]


def _inputs(folder: Path, count: int) -> Path:
    """``count`` short articles as text files, from the generated corpus (stories with copies)."""
    folder.mkdir()
    for a in generate(count // 5, seed=13)[:count]:
        paragraphs = a.body.split("\n\n")[:4]
        text = f" date {a.published.isoformat()} {a.title}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{a.id}.txt").write_text(text, encoding="utf-8")
    return folder


def _code(inputs: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, str(inputs), "--db", str(db), "--format", "jsonl"],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )  # fmt: skip


def _kill_half_way(inputs: Path, db: Path, at: int) -> bool:
    """Start an ingest and kill -9 it once its progress bar shows ``at`` articles coded (at least one
    batch written). False if it finished first."""
    process = subprocess.Popen(
        [*COMMAND, str(inputs), "--db", str(db)], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    os.set_blocking(process.stderr.fileno(), False)
    seen = b""
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            chunk = process.stderr.read() or b""
            seen += chunk
            counts = [int(n) for n in re.findall(rb"coding: (\d+) articles", seen)]
            if counts and counts[-1] >= at:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return True
            if process.poll() is not None:
                return False
            time.sleep(0.05)
        raise AssertionError(f"no progress to {at} articles: {seen[-500:]!r}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()


def _snapshot(db: Path) -> dict[str, Any]:
    with DuckDBStore(db, read_only=True) as store:
        con = store.con
        rows = {
            "articles": con.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall(),
            "events": con.execute("SELECT id, article_id, code FROM events ORDER BY id").fetchall(),
            "stories": con.execute("SELECT article_id, story_id FROM story_articles ORDER BY article_id").fetchall(),
            "story_ids": con.execute("SELECT id FROM stories ORDER BY id").fetchall(),
            "merged": con.execute(
                "SELECT id, story_id, event_id, num_articles, num_sources, num_mentions FROM merged_events ORDER BY id"
            ).fetchall(),
            "members": con.execute("SELECT event_id, merged_id FROM merged_event_members ORDER BY event_id").fetchall(),
        }
        runs = store.runs()
    for name in ("articles", "events", "story_ids", "merged", "members"):
        keys = [r[0] for r in rows[name]]
        assert len(keys) == len(set(keys)), f"duplicate {name}"
    return {"rows": rows, "runs": runs}


def test_kill_and_restart_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", ARTICLES)
    killed_db = tmp_path / "killed.duckdb"
    assert _kill_half_way(inputs, killed_db, at=100), "the ingest finished before it could be killed"
    half = _snapshot(killed_db)
    assert 0 < len(half["rows"]["articles"]) < ARTICLES  # a batch or more landed, not everything
    [run] = half["runs"]
    assert run["finished_at"] is None  # the killed run stays, visibly unfinished

    restart = _code(inputs, killed_db)
    assert restart.returncode == 0, restart.stderr
    skipped = int(re.search(r"(\d+) skipped as already stored", restart.stderr).group(1))  # type: ignore[union-attr]
    assert skipped == len(half["rows"]["articles"])  # what was stored was not coded again

    clean_db = tmp_path / "clean.duckdb"
    clean = _code(inputs, clean_db)
    assert clean.returncode == 0, clean.stderr
    resumed, whole = _snapshot(killed_db), _snapshot(clean_db)
    assert len(whole["rows"]["articles"]) == ARTICLES
    assert len(whole["rows"]["story_ids"]) < ARTICLES  # copies were grouped
    assert any(m[3] > 1 for m in whole["rows"]["merged"]) or not whole["rows"]["events"]
    assert resumed["rows"] == whole["rows"]
    assert [r["finished_at"] is None for r in resumed["runs"]] == [True, False]

    again = _code(inputs, clean_db)  # the same input once more adds nothing
    assert again.returncode == 0 and f"{ARTICLES} skipped" in again.stderr
    assert _snapshot(clean_db)["rows"] == whole["rows"]
