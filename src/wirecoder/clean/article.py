"""``RawDocument`` -> ``Article`` (or ``Rejected``): the cleaning stage.

Order: HTML extraction (trafilatura) when the document is HTML; lines; furniture rules; header
(title, date, byline); paragraphs (joined, normalised, repeats dropped); body with spans.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wirecoder.clean.dateline import split_dateline
from wirecoder.clean.furniture import remove_furniture
from wirecoder.clean.header import read_header
from wirecoder.clean.html import extract_html
from wirecoder.clean.paragraphs import build_body, dedupe, group_paragraphs, split_lines
from wirecoder.records import Article, RawDocument, Rejected

__all__ = ["CleanOptions", "clean_document", "clean_documents"]


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """How documents are cleaned.

    min_body_chars: a cleaned body shorter than this is rejected as ``too_short``.
    """

    min_body_chars: int = 80


def clean_document(doc: RawDocument, *, options: CleanOptions = CleanOptions()) -> Article | Rejected:
    """Clean one document into an ``Article``, or say why it cannot be (``no_content``, ``too_short``).

    Values the document declares (``published``, ``title``, ``url``, ``source``) win over those
    found in its text or HTML metadata.
    """
    title, published, byline = doc.title, doc.published, None
    url, source = doc.url, doc.source
    find_title = title is None
    text = doc.content
    if doc.kind == "html":
        extracted = extract_html(doc.content, url=doc.url)
        if extracted is None:
            return _rejected(doc, "no_content", "no article text could be extracted from the HTML page")
        text = extracted.text
        title = title or extracted.title
        published = published or extracted.published
        byline = extracted.author
        url = url or extracted.url
        source = source or extracted.sitename
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
    return Article(
        id=doc.id,
        origin=doc.origin,
        body=body,
        paragraphs=spans,
        title=header.title,
        published=header.published,
        byline=byline or header.byline,
        url=url,
        source=source,
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        dateline=dateline.text if dateline else None,
    )


def clean_documents(
    docs: Iterable[RawDocument | Rejected], *, options: CleanOptions = CleanOptions()
) -> Iterator[Article | Rejected]:
    """Clean a stream of documents; ``Rejected`` records from earlier stages pass through unchanged."""
    for doc in docs:
        yield doc if isinstance(doc, Rejected) else clean_document(doc, options=options)


def _rejected(doc: RawDocument, reason: str, detail: str) -> Rejected:
    return Rejected(origin=doc.origin, stage="clean", reason=reason, detail=detail, doc_id=doc.id)
