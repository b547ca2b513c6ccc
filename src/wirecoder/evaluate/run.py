"""Coding gold items the way real input is coded: each item is a one-article JSONL record."""

from __future__ import annotations

from collections.abc import Sequence

from wirecoder.clean.article import CleanOptions, clean_document
from wirecoder.evaluate.gold import GoldItem
from wirecoder.pipeline import Pipeline
from wirecoder.records import Article, Event, RawDocument

# A gold item is often one short sentence: the article length floor of real input does not apply.
_GOLD_CLEANING = CleanOptions(min_body_chars=1)


def code_gold(items: Sequence[GoldItem], pipeline: Pipeline, *, min_confidence: float = 0.0) -> dict[str, list[Event]]:
    """The events coded for each item id (items the cleaner rejects get none)."""
    articles: list[Article] = []
    for item in items:
        raw = RawDocument(
            id=item.id,
            origin=item.origin,
            kind="text",
            content=item.text,
            published=item.published,
            title=item.title,
        )
        cleaned = clean_document(raw, options=_GOLD_CLEANING)
        if isinstance(cleaned, Article):
            articles.append(cleaned)
    coded: dict[str, list[Event]] = {item.id: [] for item in items}
    for result in pipeline.code_articles(articles):
        coded[result.article.id] = [e for e in result.events if e.confidence >= min_confidence]
    return coded
