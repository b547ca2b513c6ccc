"""Grouping articles into stories, incrementally: each new article joins the story of its most similar
earlier article, or starts a story of its own.

Candidates come from LSH banding of MinHash signatures; a candidate counts only when its estimated
Jaccard similarity reaches ``threshold`` and the two publication dates are at most ``max_days``
apart. The date guard is what keeps apart two near-identical reports of different events about the
same actors (a second meeting of the same two leaders a week later); three days lets a story run
over a weekend and take its late follow-ups, while a weekly recurrence stays out. An article
without a date is compared with all candidates. A story, once given an id, keeps it: a new article
that resembles two stories joins the closer one and never merges them.

The index lives in memory and is rebuilt from the stored signatures (see ``StoryIndex.add``); it
can roll back to a checkpoint so a failed store transaction leaves it as the store is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from wirecoder.stories.lsh import band_keys
from wirecoder.stories.minhash import EMPTY, MinHasher, similarity
from wirecoder.stories.shingles import shingle_hashes

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]

# Bucket keys are per band AND per span of days (as long as the date window), so that a bucket holds
# what about a week of news put in it rather than the whole store. An article is filed under the
# span of its date and looks in the one or two spans its window touches.
_UNDATED = np.uint64(0x5BD1E9955BD1E995)  # the span key of an article without a date
_SPAN_MULT = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True, slots=True)
class StoryParams:
    """How articles are compared. Stored with the signatures: a store keeps the params it was made with.

    Chosen from similarity distributions measured on the generated corpus (tests/storygen.py, 600
    stories, 3,976 articles; exact Jaccard of word shingles): with 3-word shingles, the most similar
    earlier article of the same story (within three days) has Jaccard >= 0.218 for 99.5% of
    articles (0.243 at 1%), while the most similar article of ANOTHER story within three days,
    same-actor stories included, stays under 0.196 for 99.5% (0.238 at most). 2-word shingles
    separate no better (0.278 vs 0.260) and 4-words worse (0.180 vs 0.162). Rewrites sit at
    Jaccard 0.2-0.4, so banding must catch low similarities: 64 bands of 2 rows make a pair at
    0.22 a candidate 95% of the time (at 0.05, 15%; the date buckets keep that cheap). The join
    threshold 0.22 gave pairwise precision 0.986 / recall 0.982 at 3,000 stories (0.20: 0.953 /
    0.990; 0.25: 0.997 / 0.970).
    """

    shingle: int = 3  # words per shingle
    num_perm: int = 128
    bands: int = 64
    rows: int = 2
    threshold: float = 0.22  # estimated Jaccard with the closest earlier article needed to join its story
    max_days: int = 3  # publication dates further apart than this never join
    seed: int = 1

    def key(self) -> str:
        return f"k{self.shingle}-p{self.num_perm}-b{self.bands}x{self.rows}-s{self.seed}"


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went."""

    article_id: str
    story_id: str
    new_story: bool  # True: the article started this story
    matched: str | None  # the earlier article it resembled most
    similarity: float | None


def story_id_for(article_id: str, content_hash: str) -> str:
    """A story's id: derived from the article (and version) that started it, so reruns give the same ids."""
    return "s" + hashlib.sha1(f"{article_id}\0{content_hash}".encode()).hexdigest()[:15]


class _Runs:
    """(bucket key, row) pairs in a few sorted runs, merged like a binary counter: O(log n) runs.

    Sorted numpy arrays take ~12 bytes a pair where a dict of lists takes ~80, and a whole batch of
    keys is looked up with one ``searchsorted`` per run.
    """

    def __init__(self) -> None:
        self.runs: list[tuple[U64, I32]] = []

    def push(self, keys: U64, rows: I32) -> None:
        order = np.argsort(keys, kind="stable")
        self.runs.append((keys[order], rows[order]))
        while len(self.runs) > 1 and len(self.runs[-2][0]) <= 2 * len(self.runs[-1][0]):
            (k2, r2), (k1, r1) = self.runs.pop(), self.runs.pop()
            keys_, rows_ = np.concatenate((k1, k2)), np.concatenate((r1, r2))
            order = np.argsort(keys_, kind="stable")
            self.runs.append((keys_[order], rows_[order]))

    def lookup(self, keys: U64, owners: I64) -> tuple[I64, I32]:
        """Every (owner, row) with ``keys[i]`` filed under ``row``, where ``owners[i]`` asked for it."""
        order = np.argsort(keys)  # sorted probes walk the runs in order: far fewer cache misses
        keys, owners = keys[order], owners[order]
        found_owner: list[I64] = []
        found_row: list[I32] = []
        for run_keys, run_rows in self.runs:
            left = np.searchsorted(run_keys, keys, side="left")
            right = np.searchsorted(run_keys, keys, side="right")
            counts = right - left
            hit = counts > 0
            if not hit.any():
                continue
            counts, left = counts[hit], left[hit]
            # The positions left[i] .. right[i]-1 for each hit, flattened.
            offsets = np.repeat(left - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
            positions = offsets + np.arange(int(counts.sum()))
            found_owner.append(np.repeat(owners[hit], counts))
            found_row.append(run_rows[positions])
        if not found_owner:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int32)
        return np.concatenate(found_owner), np.concatenate(found_row)

    def drop_rows_from(self, size: int) -> None:
        self.runs = [(k[r < size], r[r < size]) for k, r in self.runs if len(k)]


class StoryIndex:
    """Articles seen so far, their signatures, dates and stories, with an LSH table over them."""

    def __init__(self, params: StoryParams = StoryParams()) -> None:
        self.params = params
        self.hasher = MinHasher(params.num_perm, params.seed)
        self._ids: list[str] = []
        self._stories: list[str] = []
        self._days = np.empty(0, dtype=np.int64)  # date ordinals, -1 for an unknown date
        self._alive = np.empty(0, dtype=bool)
        self._sigs = np.empty((0, params.num_perm), dtype=np.uint32)
        self._row_of: dict[str, int] = {}
        self._runs = _Runs()
        self._undated = 0  # rows without a date
        self._removed: list[int] = []  # rows taken out since the last checkpoint

    def __len__(self) -> int:
        return len(self._row_of)

    def signatures(self, texts: Sequence[str]) -> U32:
        return self.hasher.signatures([shingle_hashes(t, self.params.shingle) for t in texts])

    def story_of(self, article_id: str) -> str | None:
        row = self._row_of.get(article_id)
        return self._stories[row] if row is not None else None

    # -- building --------------------------------------------------------------------------------

    def add(self, article_ids: Sequence[str], stories: Sequence[str], days: Sequence[date | None], sigs: U32) -> None:
        """Put articles whose stories are already known (loaded from the store) into the index."""
        for article_id in article_ids:
            self.remove(article_id)
        first = len(self._ids)
        ordinals = _ordinals(days)
        self._grow(sigs, ordinals)
        for i, article_id in enumerate(article_ids):
            self._ids.append(article_id)
            self._stories.append(stories[i])
            self._row_of[article_id] = first + i
        self._file(self._bands(sigs), ordinals, first)

    def assign(
        self, article_ids: Sequence[str], hashes: Sequence[str], days: Sequence[date | None], sigs: U32
    ) -> list[Assignment]:
        """Give each article a story, in order, each seeing the ones before it; adds them to the index.

        An id already in the index (an updated version of a stored article) is taken out first.
        """
        first = len(self._ids)
        ordinals = _ordinals(days)
        bands = self._bands(sigs)
        undated_before = self._undated
        self._grow(sigs, ordinals)
        # The batch is filed before it is grouped; an article only looks at rows before its own.
        self._file(bands, ordinals, first)
        candidates = self._candidates(
            bands, ordinals, first, any_undated=undated_before > 0 or bool((ordinals < 0).any())
        )
        out: list[Assignment] = []
        for i, article_id in enumerate(article_ids):
            self.remove(article_id)
            row = first + i
            best_row, best_sim = self._best(sigs[i], int(ordinals[i]), candidates[i])
            if best_row is None:
                story = story_id_for(article_id, hashes[i])
                out.append(Assignment(article_id, story, True, None, None))
            else:
                story = self._stories[best_row]
                out.append(Assignment(article_id, story, False, self._ids[best_row], round(best_sim, 4)))
            self._ids.append(article_id)
            self._stories.append(story)
            self._row_of[article_id] = row
        return out

    def _bands(self, sigs: U32) -> U64:
        return band_keys(sigs, self.params.bands, self.params.rows)

    @property
    def _width(self) -> int:
        return 2 * self.params.max_days + 1

    def _filed_keys(self, bands: U64, ordinals: I64) -> U64:
        spans = (ordinals // self._width).astype(np.uint64) * _SPAN_MULT
        return np.where((ordinals < 0)[:, None], bands ^ _UNDATED, bands ^ spans[:, None])

    def _candidates(self, bands: U64, ordinals: I64, first: int, *, any_undated: bool) -> list[I64]:
        """Per batch article, the rows before it that share a bucket with it (all rows, without a date)."""
        n, b = bands.shape
        lo = ((ordinals - self.params.max_days) // self._width).astype(np.uint64) * _SPAN_MULT
        hi = ((ordinals + self.params.max_days) // self._width).astype(np.uint64) * _SPAN_MULT
        parts = [bands ^ lo[:, None]]
        if (lo != hi).any():
            parts.append((bands ^ hi[:, None])[lo != hi])
        owner_parts = [np.repeat(np.arange(n, dtype=np.int64), b)]
        if len(parts) > 1:
            owner_parts.append(np.repeat(np.flatnonzero(lo != hi), b))
        if any_undated:
            parts.append(bands ^ _UNDATED)
            owner_parts.append(np.repeat(np.arange(n, dtype=np.int64), b))
        keys = np.concatenate([p.ravel() for p in parts])
        owners = np.concatenate(owner_parts)
        found_owner, found_row = self._runs.lookup(keys, owners)
        before = found_row < first + found_owner
        pairs = np.unique(found_owner[before] * (1 << 32) + found_row[before].astype(np.int64))
        owner_of = pairs >> 32
        rows = pairs & 0xFFFFFFFF
        cuts = np.searchsorted(owner_of, np.arange(n + 1))
        out = [rows[cuts[i] : cuts[i + 1]] for i in range(n)]
        for i in np.flatnonzero(ordinals < 0):
            out[i] = np.flatnonzero(self._alive[: first + i])
        return out

    def _best(self, sig: U32, day: int, candidates: I64) -> tuple[int | None, float]:
        if sig[0] == EMPTY and (sig == EMPTY).all():
            return None, 0.0  # no words: nothing to compare
        if not len(candidates):
            return None, 0.0
        days = self._days[candidates]
        keep = self._alive[candidates]
        if day >= 0:
            keep &= (days < 0) | (np.abs(days - day) <= self.params.max_days)
        rows = np.sort(candidates[keep])
        if not len(rows):
            return None, 0.0
        sims = similarity(sig, self._sigs[rows])
        top = float(sims.max())
        if top < self.params.threshold:
            return None, top
        # Ties go to the smallest article id, so the outcome does not depend on the order rows were loaded.
        best = min((int(r) for r in rows[sims == top]), key=self._ids.__getitem__)
        return best, top

    def _grow(self, sigs: U32, ordinals: I64) -> None:
        size, n = len(self._ids), len(ordinals)
        if size + n > len(self._sigs):
            capacity = max(1024, 2 * (size + n))
            self._sigs = _resized(self._sigs, capacity)
            self._days = _resized(self._days, capacity)
            self._alive = _resized(self._alive, capacity)
        self._sigs[size : size + n] = sigs
        self._days[size : size + n] = ordinals
        self._alive[size : size + n] = True
        self._undated += int((ordinals < 0).sum())

    def _file(self, bands: U64, ordinals: I64, first: int) -> None:
        n, b = bands.shape
        rows = np.repeat(np.arange(first, first + n, dtype=np.int32), b)
        self._runs.push(self._filed_keys(bands, ordinals).ravel(), rows)

    def remove(self, article_id: str) -> None:
        row = self._row_of.pop(article_id, None)
        if row is not None:
            self._alive[row] = False
            self._removed.append(row)

    # -- rollback --------------------------------------------------------------------------------

    def checkpoint(self) -> tuple[int, dict[str, int]]:
        self._removed = []
        return len(self._ids), dict(self._row_of)

    def rollback(self, mark: tuple[int, dict[str, int]]) -> None:
        """Forget everything added or removed since ``checkpoint()``."""
        size, row_of = mark
        self._undated -= int((self._days[size : len(self._ids)] < 0).sum())
        self._alive[size:] = False
        del self._ids[size:], self._stories[size:]
        self._runs.drop_rows_from(size)
        for row in self._removed:
            if row < size:
                self._alive[row] = True
        self._removed = []
        self._row_of = row_of


def _resized(array: npt.NDArray[Any], capacity: int) -> npt.NDArray[Any]:
    grown = np.zeros((capacity, *array.shape[1:]), dtype=array.dtype)
    grown[: len(array)] = array
    return grown


def _ordinals(days: Sequence[date | None]) -> I64:
    return np.array([d.toordinal() if d is not None else -1 for d in days], dtype=np.int64)
