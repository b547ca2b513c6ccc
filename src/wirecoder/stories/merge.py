"""The same event told by several articles of one story, counted once.

Per-article events of one story are the same real event when they have the same source, the same
target, the same CAMEO base code (three digits) and the same date. The level is the base code, not
the root: one article can hold two different acts of one family between the same two actors on
one day (057 sign an agreement and 051 praise), and the root would fold them into one. The one
place where outlets' phrasing changes the base code of one act is a meeting (042 visit, 043 host,
044 meet elsewhere, 040 consult): these count as one family, "040", as the pipeline's own
per-article dedupe does, and as meetings are mutual their two sides are taken in either order.
The representative of a merged event is the mention with the highest coder confidence, then the
one from a body sentence (before the headline), the earliest article, the earliest sentence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

MEETINGS = frozenset({"040", "042", "043", "044"})  # one family, with sides in either order


@dataclass(frozen=True, slots=True)
class Mention:
    """One per-article event, as the merge needs it."""

    event_id: str
    article_id: str
    source: str | None
    target: str | None
    code: str
    day: date
    confidence: float
    sentence_index: int
    outlet: str
    published: date | None


@dataclass(frozen=True, slots=True)
class MergedEvent:
    id: str
    story_id: str
    event_id: str  # the representative mention
    source: str | None
    target: str | None
    family: str  # CAMEO base code ("040" for the meeting family)
    day: date
    num_articles: int
    num_sources: int
    num_mentions: int
    members: tuple[tuple[str, str], ...]  # (event id, article id) of every mention merged into it


def outlet_of(source: str | None, url: str | None, origin: str) -> str:
    """Who published an article: its declared source, else the host of its URL, else its origin."""
    if source and source.strip():
        return source.strip().casefold()
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return origin


def family_of(code: str) -> str:
    base = code[:3]
    return "040" if base in MEETINGS else base


def merge_key(source: str | None, target: str | None, code: str, day: date) -> tuple[str, str, str, str]:
    family = family_of(code)
    ends = (source or "", target or "")
    if family == "040":
        ends = (min(ends), max(ends))
    return (*ends, family, day.isoformat())


def merged_id(story_id: str, key: tuple[str, str, str, str]) -> str:
    return "m" + hashlib.sha1("\0".join((story_id, *key)).encode()).hexdigest()[:15]


def merge_events(story_id: str, mentions: Iterable[Mention]) -> list[MergedEvent]:
    """The merged events of one story, in date order."""
    groups: dict[tuple[str, str, str, str], list[Mention]] = {}
    for m in mentions:
        groups.setdefault(merge_key(m.source, m.target, m.code, m.day), []).append(m)
    out = []
    for key, members in groups.items():
        rep = min(members, key=_rank)
        out.append(
            MergedEvent(
                id=merged_id(story_id, key),
                story_id=story_id,
                event_id=rep.event_id,
                source=rep.source,
                target=rep.target,
                family=key[2],
                day=rep.day,
                num_articles=len({m.article_id for m in members}),
                num_sources=len({m.outlet for m in members}),
                num_mentions=len(members),
                members=tuple(sorted((m.event_id, m.article_id) for m in members)),
            )
        )
    return sorted(out, key=lambda e: (e.day, e.id))


def _rank(m: Mention) -> tuple[float, bool, date, str, int, str]:
    return (-m.confidence, m.sentence_index < 0, m.published or date.max, m.article_id, m.sentence_index, m.event_id)
