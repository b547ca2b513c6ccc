"""MinHash signatures of shingle sets, many documents at a time, with numpy.

Permutation ``p`` maps a 32-bit shingle hash ``x`` to the top 32 bits of ``(a_p * x + b_p) mod 2**64``
(multiply-add-shift hashing, 2-universal for 32-bit keys). Since taking the top bits is monotone,
the minimum is taken over the full 64-bit values and shifted once at the end. The parameters come
from a seeded generator, so signatures made in different processes and runs agree, and the
fraction of equal positions in two signatures estimates the Jaccard similarity of their sets.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]

EMPTY = np.uint32(0xFFFFFFFF)  # every position of a signature of no shingles
_CHUNK = 1 << 20  # shingles hashed per pass: bounds the scratch memory to ~8 MB


class MinHasher:
    """Computes ``num_perm``-value MinHash signatures; the same ``seed`` gives the same signatures."""

    def __init__(self, num_perm: int = 128, seed: int = 1) -> None:
        if num_perm < 1:
            raise ValueError("num_perm must be positive")
        self.num_perm = num_perm
        self.seed = seed
        rng = np.random.default_rng(seed)
        self._a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)

    def signatures(self, shingle_sets: Sequence[U64]) -> U32:
        """One signature row per shingle set (``len(sets) x num_perm``, uint32)."""
        out = np.full((len(shingle_sets), self.num_perm), EMPTY, dtype=np.uint32)
        rows = [i for i, s in enumerate(shingle_sets) if len(s)]
        # Documents are hashed in groups of about _CHUNK shingles: one pass per permutation over the
        # group, then a segmented minimum per document (np.minimum.reduceat).
        start = 0
        while start < len(rows):
            end, total = start, 0
            while end < len(rows) and (end == start or total + len(shingle_sets[rows[end]]) <= _CHUNK):
                total += len(shingle_sets[rows[end]])
                end += 1
            group = rows[start:end]
            out[group] = self._group(shingle_sets, group)
            start = end
        return out

    def _group(self, shingle_sets: Sequence[U64], group: list[int]) -> U32:
        x = np.concatenate([shingle_sets[i] for i in group])
        lengths = np.fromiter((len(shingle_sets[i]) for i in group), dtype=np.int64, count=len(group))
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        mins = np.empty((len(group), self.num_perm), dtype=np.uint64)
        scratch = np.empty_like(x)
        for p in range(self.num_perm):
            np.multiply(x, self._a[p], out=scratch)
            np.add(scratch, self._b[p], out=scratch)
            mins[:, p] = np.minimum.reduceat(scratch, starts)
        return (mins >> np.uint64(32)).astype(np.uint32)


def similarity(signature: U32, others: U32) -> npt.NDArray[np.float64]:
    """Estimated Jaccard similarity of one signature with each row of ``others``."""
    if not len(others):
        return np.empty(0, dtype=np.float64)
    equal = np.count_nonzero(others == signature[None, :], axis=1)
    return np.asarray(equal / others.shape[1], dtype=np.float64)
