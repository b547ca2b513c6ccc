"""Coding in worker processes gives exactly what coding in one process gives, in the same order."""

from __future__ import annotations

from pathlib import Path

from wirecoder.config import load_settings
from wirecoder.pipeline import Pipeline
from wirecoder.records import CodedArticle, Rejected

SAMPLE = Path(__file__).resolve().parents[1] / "sample"


def _events(pipeline: Pipeline, inputs: list[Path]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for item in pipeline.run(inputs):
        if isinstance(item, Rejected):
            out.append(("rejected", item.origin, item.reason))
        else:
            assert isinstance(item, CodedArticle)
            out.extend((e.article_id, e.code, e.source or "", e.target or "", str(e.date)) for e in item.events)
            out.append(("article", item.article.id))
    return out


def test_two_processes_match_one(pipeline: Pipeline, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01binary\xff" * 50)
    inputs = [SAMPLE, broken]
    # Small batches so that several batches are in flight at once.
    single = Pipeline(
        load_settings(overrides=["nlp.processes=1", "nlp.batch_articles=2"]),
        kb=pipeline.kb,
        nlp=pipeline.nlp,
        triggers=pipeline.triggers,
    )
    double = Pipeline(
        load_settings(overrides=["nlp.processes=2", "nlp.batch_articles=2"]),
        kb=pipeline.kb,
        nlp=pipeline.nlp,
        triggers=pipeline.triggers,
    )
    expected = _events(single, inputs)
    assert sum(1 for row in expected if row[0] == "article") >= 10
    assert any(row[0] == "rejected" for row in expected)
    assert _events(double, inputs) == expected
