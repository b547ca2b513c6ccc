"""The command line, run as a user runs it (a real subprocess for the main path)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wirecoder.cli import main

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wirecoder", *args], capture_output=True, text=True, cwd=REPO, timeout=300
    )


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "sample.duckdb"
    result = _run("code", "sample", "--db", str(db), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines, "the sample produced no events"
    required = {
        "article",
        "source",
        "source_name",
        "target",
        "target_name",
        "code",
        "root",
        "quad_class",
        "goldstein",
        "date",
        "background",
        "place",
        "evidence",
        "span",
    }
    for event in lines:
        assert required <= event.keys()
    assert "coded" in result.stderr  # the summary goes to stderr, stdout stays JSONL
    return db


def test_events_filters_and_formats(sample_db: Path) -> None:
    table = _run("events", "--db", str(sample_db))
    assert table.returncode == 0 and "evidence" in table.stdout.splitlines()[0]
    csv_out = _run("events", "--db", str(sample_db), "--format", "csv", "--code", "04")
    rows = csv_out.stdout.splitlines()
    assert rows[0].startswith("id,article,date")
    jsonl = _run("events", "--db", str(sample_db), "--format", "jsonl", "--since", "2024-01-01")
    assert all(json.loads(line)["date"] >= "2024-01-01" for line in jsonl.stdout.splitlines())


def test_articles_jsonl(sample_db: Path) -> None:
    out = _run("articles", "--db", str(sample_db), "--format", "jsonl")
    articles = [json.loads(line) for line in out.stdout.splitlines()]
    assert articles and all({"id", "title", "published", "body"} <= a.keys() for a in articles)


def test_wrong_option_is_one_line_and_nonzero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--no-such-option"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no-such-option" in err


def test_bad_date_and_missing_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["events", "--db", str(tmp_path / "x.duckdb"), "--since", "2024-13-45"]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["events", "--db", str(tmp_path / "x.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "no store" in err and "Traceback" not in err


def test_bad_setting_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--set", "nlp.modle=x", "events"]) == 1
    assert "nlp.model" in capsys.readouterr().err
