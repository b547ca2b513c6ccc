"""Locality-sensitive banding of MinHash signatures.

A signature of ``bands * rows`` values is cut into ``bands`` bands; two documents become candidates
when all ``rows`` values of at least one band agree, which happens with probability
``1 - (1 - s**rows) ** bands`` for Jaccard similarity ``s``. Each band is hashed to one 64-bit key,
salted with the band number, so all bands can share one dictionary.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]

_MULT = np.uint64(0x9E3779B97F4A7C15)
_SALT = np.uint64(0xD6E8FEB86659FD93)


def band_keys(signatures: U32, bands: int, rows: int) -> U64:
    """``len(signatures) x bands`` keys; the signatures need at least ``bands * rows`` values."""
    n, width = signatures.shape
    if bands * rows > width:
        raise ValueError(f"{bands} bands of {rows} rows need {bands * rows} values; signatures have {width}")
    cut = signatures[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    keys = np.zeros((n, bands), dtype=np.uint64)
    for r in range(rows):
        keys = (keys + cut[:, :, r]) * _MULT  # a polynomial hash of the band's values, wrapping mod 2**64
        keys ^= keys >> np.uint64(29)
    salt = (np.arange(bands, dtype=np.uint64) + np.uint64(1)) * _SALT
    return keys ^ salt[None, :]


def candidate_probability(s: float, bands: int, rows: int) -> float:
    """Probability that two documents of Jaccard similarity ``s`` share at least one band."""
    return float(1.0 - (1.0 - s**rows) ** bands)
