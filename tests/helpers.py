"""Small helpers for tests that code a single text."""

from __future__ import annotations

from datetime import date

from wirecoder.pipeline import Pipeline
from wirecoder.records import Article, CodedArticle


def code_text(pipeline: Pipeline, text: str, published: str, article_id: str = "test") -> CodedArticle:
    paragraphs = []
    start = 0
    for chunk in text.split("\n\n"):
        begin = text.index(chunk, start)
        paragraphs.append((begin, begin + len(chunk)))
        start = begin + len(chunk)
    article = Article(
        id=article_id,
        origin=article_id,
        body=text,
        paragraphs=tuple(paragraphs),
        published=date.fromisoformat(published),
    )
    return pipeline.code_article(article)


def triples(coded: CodedArticle) -> set[tuple[str | None, str, str | None]]:
    return {(e.source, e.code, e.target) for e in coded.events}
