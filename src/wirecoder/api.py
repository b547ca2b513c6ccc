"""The Python API: code inputs into a store, the way the CLI does."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from wirecoder.config import Settings
from wirecoder.pipeline import Pipeline
from wirecoder.records import CodedArticle, Rejected
from wirecoder.store import DuckDBStore

WRITE_EVERY = 64  # articles per store transaction


@dataclass
class RunSummary:
    run_id: str
    articles: int = 0
    events: int = 0
    words: int = 0
    rejected: int = 0
    rejected_items: list[Rejected] = field(default_factory=list)

    def describe(self, where: str) -> str:
        return (
            f"coded {self.articles} articles ({self.words} words): {self.events} events, "
            f"{self.rejected} rejected; stored in {where} (run {self.run_id})"
        )


def code_into_store(
    inputs: Sequence[str | Path],
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    progress: bool = False,
) -> RunSummary:
    """Read, code and store ``inputs``; returns what the run did. Bad inputs are recorded, not raised."""
    pipeline = pipeline or Pipeline(settings)
    provenance = pipeline.provenance
    with DuckDBStore(settings.store.path) as store:
        run_id = store.start_run(
            model=provenance.model,
            coder=provenance.coder,
            dictionaries=provenance.dictionaries,
            inputs=[str(i) for i in inputs],
        )
        summary = RunSummary(run_id=run_id)
        bar = tqdm(desc="coding", unit=" articles", disable=not progress, file=None, dynamic_ncols=True)
        batch: list[CodedArticle | Rejected] = []
        for item in _stream(pipeline, inputs):
            batch.append(item)
            if isinstance(item, Rejected):
                summary.rejected += 1
                summary.rejected_items.append(item)
            else:
                summary.articles += 1
                summary.events += len(item.events)
                summary.words += len(item.article.body.split())
                bar.update(1)
                bar.set_postfix(events=summary.events, rejected=summary.rejected, refresh=False)
            if len(batch) >= WRITE_EVERY:
                store.write(batch, run_id)
                batch = []
        if batch:
            store.write(batch, run_id)
        bar.close()
        store.finish_run(run_id, articles=summary.articles, events=summary.events, rejected=summary.rejected)
    return summary


def _stream(pipeline: Pipeline, inputs: Sequence[str | Path]) -> Iterator[CodedArticle | Rejected]:
    yield from pipeline.run(inputs)
