"""Small helpers for tests that code a single text."""

from __future__ import annotations

from datetime import date

from wirecoder.pipeline import Pipeline
from wirecoder.records import Article, CodedArticle


def article_from_text(text: str, published: str | None = None, article_id: str = "test") -> Article:
    """An article whose body is ``text``, paragraphs split at blank lines."""
    paragraphs = []
    start = 0
    for chunk in text.split("\n\n"):
        begin = text.index(chunk, start)
        paragraphs.append((begin, begin + len(chunk)))
        start = begin + len(chunk)
    return Article(
        id=article_id,
        origin=article_id,
        body=text,
        paragraphs=tuple(paragraphs),
        published=date.fromisoformat(published) if published else None,
    )


def code_text(pipeline: Pipeline, text: str, published: str, article_id: str = "test") -> CodedArticle:
    return pipeline.code_article(article_from_text(text, published, article_id))


def triples(coded: CodedArticle) -> set[tuple[str | None, str, str | None]]:
    return {(e.source, e.code, e.target) for e in coded.events}
