"""The Python API: code inputs into a store, the way the CLI does."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from wirecoder.config import Settings
from wirecoder.pipeline import Pipeline
from wirecoder.records import Article, CodedArticle, Rejected
from wirecoder.store import DuckDBStore

WRITE_EVERY = 64  # articles per store transaction


@dataclass
class RunSummary:
    run_id: str
    articles: int = 0
    events: int = 0
    words: int = 0
    rejected: int = 0
    skipped: int = 0  # already stored with the same content: not coded again
    stories_new: int = 0  # stories this run started
    stories_joined: int = 0  # articles that joined a story started earlier
    rejected_items: list[Rejected] = field(default_factory=list)

    def describe(self, where: str) -> str:
        return (
            f"coded {self.articles} articles ({self.words} words): {self.events} events, "
            f"{self.rejected} rejected, {self.skipped} skipped as already stored; "
            f"stories: {self.stories_new} new, {self.stories_joined} articles joined existing ones; "
            f"stored in {where} (run {self.run_id})"
        )


def code_into_store(
    inputs: Sequence[str | Path],
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    progress: bool = False,
) -> RunSummary:
    """Read, code and store ``inputs``; returns what the run did. Bad inputs are recorded, not raised.

    Restartable: an article already stored with the same content hash is skipped after cleaning,
    before it is parsed, so running the same inputs again (or again after a killed run) codes only
    what is missing; an updated article (same id, new content) replaces the stored one. Each batch
    of ``WRITE_EVERY`` articles is one transaction. The run is recorded when it starts and marked
    finished at the end, so a killed run stays visible in the ``runs`` table as unfinished.
    """
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
        known = store.stored_hashes()
        bar = tqdm(desc="coding", unit=" articles", disable=not progress, file=None, dynamic_ncols=True)

        def keep(article: Article) -> bool:
            if known.get(article.id) == article.content_hash:
                summary.skipped += 1
                _postfix(bar, summary)
                return False
            known[article.id] = article.content_hash  # a second copy in this run is skipped too
            return True

        batch: list[CodedArticle | Rejected] = []
        for item in _stream(pipeline, inputs, keep):
            batch.append(item)
            if isinstance(item, Rejected):
                summary.rejected += 1
                summary.rejected_items.append(item)
            else:
                summary.articles += 1
                summary.events += len(item.events)
                summary.words += len(item.article.body.split())
                bar.update(1)
            _postfix(bar, summary)
            if len(batch) >= WRITE_EVERY:
                _write(store, batch, summary)
                batch = []
        if batch:
            _write(store, batch, summary)
        bar.close()
        store.finish_run(
            run_id,
            articles=summary.articles,
            events=summary.events,
            rejected=summary.rejected,
            skipped=summary.skipped,
            stories_new=summary.stories_new,
            stories_joined=summary.stories_joined,
        )
    return summary


def _write(store: DuckDBStore, batch: list[CodedArticle | Rejected], summary: RunSummary) -> None:
    result = store.write(batch, summary.run_id)
    summary.stories_new += result.stories_new
    summary.stories_joined += result.stories_joined


def _postfix(bar: tqdm[Any], summary: RunSummary) -> None:
    bar.set_postfix(events=summary.events, rejected=summary.rejected, skipped=summary.skipped, refresh=False)


def _stream(
    pipeline: Pipeline, inputs: Sequence[str | Path], keep: Callable[[Article], bool]
) -> Iterator[CodedArticle | Rejected]:
    yield from pipeline.run(inputs, keep=keep)
