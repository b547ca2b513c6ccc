"""Main text and metadata of an HTML page, through trafilatura.

trafilatura prunes navigation, comments and footers and returns one block element per line; the
lines become paragraphs here and then go through the same furniture and paragraph rules as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura

__all__ = ["Extracted", "extract_html"]

# Dates only from the page's markup (meta tags, JSON-LD, <time>, URL), never from a free-text scan
# of the page: an article is full of dates that are not its publication date.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found: the main text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None = None
    published: date | None = None
    author: str | None = None  # several authors come joined with "; "
    url: str | None = None
    sitename: str | None = None


def extract_html(html: str, *, url: str | None = None) -> Extracted | None:
    """Extract the article of an HTML page; ``None`` when trafilatura finds no main text."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if document is None or isinstance(document, dict):
        return None
    text = document.text if isinstance(document.text, str) else ""
    lines = [line.strip() for line in text.splitlines()]
    body = "\n\n".join(line for line in lines if line)
    if not body:
        return None
    return Extracted(
        text=body,
        title=_text(document.title),
        published=_iso_date(document.date),
        author=_text(document.author),
        url=_text(document.url),
        sitename=_text(document.sitename),
    )


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
