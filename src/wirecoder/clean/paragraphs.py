"""Lines -> paragraphs -> body with paragraph spans.

Paragraphs break on blank lines, on removed (furniture/header) lines and around a bullet-prefixed
line. Inside a paragraph wrapped lines are joined and whitespace collapsed. A paragraph that repeats
an earlier one (same text, ignoring case and spacing) is dropped: scraped pages repeat photo
captions and lead paragraphs, and every copy would otherwise be coded again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from wirecoder.clean.furniture import BULLET, strip_bullet
from wirecoder.records import Span

__all__ = ["PARAGRAPH_SEPARATOR", "build_body", "dedupe", "group_paragraphs", "paragraph_key", "split_lines"]

PARAGRAPH_SEPARATOR = "\n\n"
# Invisible characters that only get in the way of matching: zero-width space, word joiner,
# byte-order mark, soft hyphen. (Zero-width (non-)joiners are left: some scripts need them.)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_SPACE = re.compile(r"\s+")


def split_lines(text: str) -> list[str]:
    """NFC-normalised lines of ``text``, with every newline convention read as ``\\n``."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _NEWLINES.sub("\n", text).split("\n")


def group_paragraphs(lines: Sequence[str | None]) -> list[str]:
    """Join lines into normalised paragraphs (``None`` = a removed line, which also breaks)."""
    paragraphs: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            text = normalise(" ".join(current))
            if text:
                paragraphs.append(text)
            current.clear()

    for line in lines:
        if line is None or not line.strip():
            close()
            continue
        if BULLET.match(line):
            # A bullet item is a paragraph of its own: a caption bullet followed by the same caption
            # with its photo credit must stay two paragraphs so the repeat can be dropped.
            close()
            current.append(strip_bullet(line))
            close()
            continue
        current.append(line)
    close()
    return paragraphs


def normalise(text: str) -> str:
    """Collapse every run of whitespace (no-break spaces included) to one space, and strip."""
    return _SPACE.sub(" ", text).strip()


def paragraph_key(text: str) -> str:
    """What two paragraphs must share to count as the same: text, ignoring case and spacing."""
    return normalise(text).casefold()


def dedupe(paragraphs: Iterable[str]) -> list[str]:
    """Keep the first of paragraphs that repeat an earlier one."""
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        key = paragraph_key(paragraph)
        if key not in seen:
            seen.add(key)
            kept.append(paragraph)
    return kept


def build_body(paragraphs: Sequence[str]) -> tuple[str, tuple[Span, ...]]:
    """Join ``paragraphs`` with blank lines; return the body and each paragraph's ``(start, end)``."""
    spans: list[Span] = []
    offset = 0
    for paragraph in paragraphs:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(paragraphs), tuple(spans)
