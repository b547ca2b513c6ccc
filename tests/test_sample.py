"""Quality gate on the bundled sample: recall of the hand-coded events, and nothing forbidden coded.

The expectations (tests/data/sample_expected.jsonl) were written with the sample, before the coder
was run on it. The recall floor is pinned in tests/data/sample_floor.json: raise it when the coder
improves; a drop fails the suite.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.matching import matches, violates

from wirecoder.output import event_json
from wirecoder.pipeline import Pipeline
from wirecoder.records import CodedArticle
from wirecoder.store.duckdb import event_record

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "data" / "sample_expected.jsonl"
FLOOR = json.loads((REPO / "tests" / "data" / "sample_floor.json").read_text(encoding="utf-8"))


def _key(origin: str, article_id: str) -> str:
    path = Path(origin.split(":")[0])
    rel = path.resolve().relative_to(REPO).as_posix()
    return f"{rel}#{article_id}" if rel.endswith(".jsonl") else rel


@pytest.fixture(scope="module")
def sample(pipeline: Pipeline) -> dict[str, CodedArticle]:
    out: dict[str, CodedArticle] = {}
    for item in pipeline.run([REPO / "sample"]):
        assert isinstance(item, CodedArticle), item
        out[_key(item.article.origin, item.article.id)] = item
    return out


@pytest.fixture(scope="module")
def expectations() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines() if line.strip()]


def _events(coded: CodedArticle) -> list[dict[str, Any]]:
    return [event_json(event_record(event, "test")) for event in coded.events]


def test_every_sample_article_is_coded(sample: dict[str, CodedArticle], expectations: list[dict[str, Any]]) -> None:
    assert {e["file"] for e in expectations} <= set(sample)


def test_sample_bodies_are_clean(sample: dict[str, CodedArticle], expectations: list[dict[str, Any]]) -> None:
    for spec in expectations:
        article = sample[spec["file"]].article
        assert article.published is not None and article.published.isoformat() == spec["published"], spec["file"]
        for furniture in spec["body_must_exclude"]:
            assert furniture not in article.body, f"{spec['file']}: {furniture!r}"
        if spec.get("repeated_paragraph"):
            assert article.body.count(spec["repeated_paragraph"]) == 1, spec["file"]


def test_sample_recall_and_must_not(sample: dict[str, CodedArticle], expectations: list[dict[str, Any]]) -> None:
    found = total = 0
    violations: list[str] = []
    missed: list[str] = []
    for spec in expectations:
        events = _events(sample[spec["file"]])
        for expected in spec["events"]:
            total += 1
            if any(matches(expected, e) for e in events):
                found += 1
            else:
                near = [e for e in events if expected.get("evidence", "")[:30] in e["evidence"]]
                got = "; ".join(f"{e['source']} {e['code']} {e['target']} {e['date']} {e['background']}" for e in near)
                missed.append(
                    f"{spec['file']}: {expected['code']} {expected['source']}->{expected['target']} "
                    f"{expected.get('date') or expected.get('date_range')} bg={expected.get('background', False)} "
                    f"({expected.get('evidence', '')[:50]}) got: [{got}]"
                )
        for item in spec.get("must_not", []):
            bad = [e for e in events if violates(item, e)]
            if bad:
                violations.append(f"{spec['file']}: {item['what']} <- {bad[0]['code']} {bad[0]['evidence'][:60]}")
    recall = found / total
    report = f"sample recall {found}/{total} = {recall:.2f}\nmissed:\n  " + "\n  ".join(missed)
    report += "\nmust_not violations:\n  " + "\n  ".join(violations)
    print(report)
    assert recall >= FLOOR["recall"], report
    assert len(violations) <= FLOOR["must_not_violations"], report
