"""Coding batches of articles in worker processes.

Workers are forked from the process that built the Pipeline, so they share its loaded model and
knowledge base copy-on-write instead of loading them again. Where fork is not available the
workers build their own Pipeline from the same settings. Batches come back in input order, and a
batch that fails inside a worker is coded article by article there, exactly as in one process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING

from wirecoder.records import Article, CodedArticle, Rejected

if TYPE_CHECKING:
    from wirecoder.pipeline import Pipeline

# Each worker process holds one Pipeline: set before fork, or built by the spawn initializer.
_WORKER: Pipeline | None = None


def _init_spawned(settings: object) -> None:
    from wirecoder.config import Settings
    from wirecoder.pipeline import Pipeline

    global _WORKER
    assert isinstance(settings, Settings)
    _WORKER = Pipeline(settings)


def _code(batch: list[Article]) -> list[CodedArticle | Rejected]:
    assert _WORKER is not None, "worker started without a pipeline"
    return list(_WORKER._safe_code(batch))


def run_in_processes(
    pipeline: Pipeline, batches: Iterable[list[Article] | Rejected], processes: int
) -> Iterator[CodedArticle | Rejected]:
    """Code each batch in a pool of ``processes`` workers; rejections pass straight through in order."""
    global _WORKER
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        _WORKER = pipeline
        pool = multiprocessing.get_context("fork").Pool(processes)
    else:
        pool = multiprocessing.get_context("spawn").Pool(
            processes, initializer=_init_spawned, initargs=(pipeline.settings,)
        )
    # At most two batches per worker are in flight: Pool.imap would read the whole input ahead.
    window: deque[AsyncResult[list[CodedArticle | Rejected]] | Rejected] = deque()
    try:
        for batch in batches:
            # A rejection keeps its place in the stream without a trip through a worker.
            window.append(batch if isinstance(batch, Rejected) else pool.apply_async(_code, (batch,)))
            while len(window) > 2 * processes:
                yield from _take(window.popleft())
        while window:
            yield from _take(window.popleft())
    finally:
        pool.terminate()
        pool.join()
        _WORKER = None


def _take(item: AsyncResult[list[CodedArticle | Rejected]] | Rejected) -> list[CodedArticle | Rejected]:
    return [item] if isinstance(item, Rejected) else item.get()
