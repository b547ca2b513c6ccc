"""``RawDocument`` -> ``Article`` (or ``Rejected``): the cleaning stage.

Order: HTML extraction (trafilatura) when the document is HTML; lines; furniture rules; header
(title, date, byline); paragraphs (joined, normalised, repeats dropped); body with spans; the
language check (a non-English article is rejected as ``not_english``, never coded).

Where metadata comes from, first found wins:

* published: for HTML, the page's markup, then the date the input declared (feed, JSONL), then a
  date in the URL; for text, the declared date, then a date line in the text, then the URL.
* title, source (outlet), url: what the input declared, then the page (title, site name,
  canonical URL). A WARC record's target URI is its declared url.
* byline: the page's author, then the input's (a feed item's author), then a "By ..." line.
* language: the detected language of the body; the declared one (``<html lang>``, a feed's
  ``<language>``) when the detector cannot tell.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from wirecoder.clean.dateline import split_dateline
from wirecoder.clean.furniture import remove_furniture
from wirecoder.clean.header import read_header
from wirecoder.clean.html import date_from_url, extract_html
from wirecoder.clean.language import language_code, language_verdict
from wirecoder.clean.paragraphs import build_body, dedupe, group_paragraphs, split_lines
from wirecoder.records import Article, RawDocument, Rejected

__all__ = ["CleanOptions", "clean_document", "clean_documents"]


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """How documents are cleaned.

    min_body_chars: a cleaned body shorter than this is rejected as ``too_short``.
    languages: ISO 639-1 codes of the languages that are coded; an article detected in another
        is rejected as ``not_english``. ``None`` turns the check off.
    """

    min_body_chars: int = 80
    languages: Collection[str] | None = ("en",)


def clean_document(doc: RawDocument, *, options: CleanOptions = CleanOptions()) -> Article | Rejected:
    """Clean one document into an ``Article``, or say why it cannot be.

    Rejection reasons: ``no_content``, ``too_short``, ``not_english``. See the module docstring
    for where each metadata field comes from.
    """
    title, published, byline = doc.title, doc.published, doc.author
    url, source, declared_language = doc.url, doc.source, doc.language
    find_title = title is None
    text = doc.content
    if doc.kind == "html":
        extracted = extract_html(doc.content, url=doc.url)
        if extracted is None:
            return _rejected(doc, "no_content", "no article text could be extracted from the HTML page")
        text = extracted.text
        title = title or extracted.title
        published = extracted.published or published
        byline = extracted.author or byline
        url = url or extracted.url
        source = source or extracted.sitename
        declared_language = extracted.language or declared_language
        find_title = False  # trafilatura leaves the headline out of the text; do not promote a subhead

    lines: list[str | None] = list(remove_furniture(split_lines(text)))
    header = read_header(lines, title=title, published=published, find_title=find_title)
    for index in header.consumed:
        lines[index] = None

    paragraphs = dedupe(group_paragraphs(lines))
    dateline = None
    if paragraphs:
        dateline, paragraphs[0] = split_dateline(paragraphs[0])
    body, spans = build_body(paragraphs)
    if not body:
        return _rejected(doc, "no_content", "nothing is left once navigation, credits and footers are removed")
    if len(body) < options.min_body_chars:
        return _rejected(
            doc,
            "too_short",
            f"the cleaned body has {len(body)} characters, fewer than the minimum of {options.min_body_chars}",
        )
    language = language_code(declared_language)
    if options.languages is not None:
        sample = f"{header.title or ''}\n\n{body}"
        found, foreign = language_verdict(sample, hint=declared_language, accept=options.languages)
        if foreign:
            return _rejected(doc, "not_english", f"detected {found.describe()}")
        language = found.code or language
    return Article(
        id=doc.id,
        origin=doc.origin,
        body=body,
        paragraphs=spans,
        title=header.title,
        published=header.published or date_from_url(url or doc.url),
        byline=byline or header.byline,
        url=url,
        source=source,
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        dateline=dateline.text if dateline else None,
        language=language,
    )


def clean_documents(
    docs: Iterable[RawDocument | Rejected], *, options: CleanOptions = CleanOptions()
) -> Iterator[Article | Rejected]:
    """Clean a stream of documents; ``Rejected`` records from earlier stages pass through unchanged."""
    for doc in docs:
        yield doc if isinstance(doc, Rejected) else clean_document(doc, options=options)


def _rejected(doc: RawDocument, reason: str, detail: str) -> Rejected:
    return Rejected(origin=doc.origin, stage="clean", reason=reason, detail=detail, doc_id=doc.id)
