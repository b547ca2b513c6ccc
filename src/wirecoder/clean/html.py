"""Main text and metadata of an HTML page, through trafilatura.

trafilatura prunes navigation, comments and footers and returns one block element per line; the
lines become paragraphs here and then go through the same furniture and paragraph rules as text.
Metadata: title, publication date (htmldate, on the HTML string, from the markup only), author,
site name and canonical URL from trafilatura; the declared language from ``<html lang>``,
``Content-Language`` or ``og:locale``. ``date_from_url`` reads ``/2024/05/16/``-style paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura

__all__ = ["Extracted", "date_from_url", "declared_language", "extract_html"]

# Dates only from the page's markup (meta tags, JSON-LD, <time>, URL), never from a free-text scan
# of the page: an article is full of dates that are not its publication date.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_HEAD_CHARS = 65_536  # the language is declared in the head; no need to scan a long page
_HTML_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I)
_META_LANG = re.compile(
    r"<meta\b[^>]{0,300}?(?:http-equiv\s*=\s*[\"']?content-language|property\s*=\s*[\"']?og:locale)[\"']?"
    r"[^>]{0,300}?content\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)",
    re.I,
)
# /2024/05/16/, /2024-05-16/, /20240516/ as a path segment (a slug may follow the date).
_URL_DATE = re.compile(r"/((?:19|20)\d\d)(?:/|-|_)?(0[1-9]|1[0-2])(?:/|-|_)?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found: the main text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None = None
    published: date | None = None
    author: str | None = None  # several authors come joined with "; "
    url: str | None = None  # the canonical URL when the page gives one
    sitename: str | None = None
    language: str | None = None  # as declared by the page (a hint: pages mislabel themselves)


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
        language=declared_language(html),
    )


def declared_language(html: str) -> str | None:
    """The language tag a page declares (``fr-FR``), from ``<html lang>`` or a meta tag; else ``None``."""
    head = html[:_HEAD_CHARS]
    for pattern in (_HTML_LANG, _META_LANG):
        match = pattern.search(head)
        if match is not None:
            return match[1]
    return None


def date_from_url(url: str | None) -> date | None:
    """The date written in a URL's path (``/2024/05/16/``, ``/2024-05-16-slug``); else ``None``."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for match in _URL_DATE.finditer(path):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue  # 2023/02/30 is not a date
    return None


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
