"""Word shingles of an article body, as 32-bit hashes that are the same in every process.

Words are the lowercased text split at whitespace and punctuation; a shingle is ``k`` consecutive
words. Each word is hashed with CRC-32 (stable across processes and Python versions, unlike
``hash``), and the ``k`` word hashes are mixed into one 32-bit shingle hash with fixed odd
multipliers. Splitting with ``str.translate`` and ``bytes.split`` is about five times faster than a
word regex, which matters at 100,000 articles.
"""

from __future__ import annotations

import string
from zlib import crc32

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]

# Punctuation (ASCII and the typographic marks news copy uses) and odd spaces become plain spaces.
_SEPARATORS = str.maketrans(dict.fromkeys(string.punctuation + "“”‘’‚„—–‐−…«»·•\u00a0\u2009\u202f\u200b", " "))
# Fixed odd 64-bit multipliers, one per position in a shingle (up to 8 words).
_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x94D049BB133111EB,
        0xBF58476D1CE4E5B9,
    ],
    dtype=np.uint64,
)


def words(text: str) -> list[str]:
    """The lowercased words of ``text`` (punctuation and case do not tell two copies apart)."""
    return text.lower().translate(_SEPARATORS).split()


def word_hashes(text: str) -> U64:
    """The CRC-32 of each word of ``text``, in order."""
    tokens = text.lower().translate(_SEPARATORS).encode("utf-8").split()
    return np.array(list(map(crc32, tokens)), dtype=np.uint64)


def shingle_hashes(text: str, k: int) -> U64:
    """The distinct 32-bit hashes of the ``k``-word shingles of ``text``.

    A text of fewer than ``k`` words (but at least one) is one shingle; an empty text has none.
    """
    if not 1 <= k <= len(_MIX):
        raise ValueError(f"shingle size must be 1..{len(_MIX)}, not {k}")
    ids = word_hashes(text)
    n = len(ids)
    if n == 0:
        return np.empty(0, dtype=np.uint64)
    width = min(k, n)
    mixed = ids[: n - width + 1] * _MIX[0]
    for i in range(1, width):
        mixed += ids[i : n - width + 1 + i] * _MIX[i]
    return np.unique(mixed >> np.uint64(32))
