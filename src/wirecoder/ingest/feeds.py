"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one ``RawDocument`` per item, parsed from bytes.

feedparser does the format work (namespaces, RSS/Atom/RDF differences, relative links, HTML
sanitising). Its parser never resolves external entities; a document that is not well-formed XML
(which includes one declaring its own entities) is rejected whole as ``malformed_feed`` rather
than read by feedparser's lenient fallback, whose guesses we could not vouch for.

An item's text is its full content (``content:encoded``, Atom ``<content>``) when it has one,
else its description or summary; HTML is turned into paragraphs of plain text here, since a feed
item holds the article itself and no page furniture for the HTML extractor to remove.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser  # type: ignore[import-untyped]

from wirecoder.records import RawDocument, Rejected

__all__ = ["parse_feed"]

# feedparser sets "bozo" for these too, but they only say a declared encoding was overridden or
# the HTTP content type was not an XML one: the document itself parsed fine.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "pre"}
)
_HIDDEN = frozenset({"script", "style", "noscript", "template"})
_TAG = re.compile(r"<[^>]{0,500}>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


def parse_feed(data: bytes, *, origin: str, feed_url: str | None = None) -> Iterator[RawDocument | Rejected]:
    """Yield one ``RawDocument`` per item of an RSS or Atom feed, or a ``Rejected`` per bad item.

    ``origin`` names the feed (a path or URL); items get ``origin#N`` (N counts from 1).
    ``feed_url`` resolves relative item links. A feed that is not well-formed XML gives one
    ``Rejected`` (``malformed_feed``); one that parses but is no RSS/Atom feed gives
    ``not_a_feed``; an item with no text gives ``missing_text``. Items are never dropped silently.
    """
    # No base URL for feedparser: it would resolve every guid against it as if it were a link.
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, _HARMLESS):
        yield Rejected(
            origin=origin,
            stage="ingest",
            reason="malformed_feed",
            detail=f"the feed is not well-formed XML: {problem}",
        )
        return
    if not parsed.get("version"):
        yield Rejected(
            origin=origin,
            stage="ingest",
            reason="not_a_feed",
            detail="the XML parsed, but it is not an RSS or Atom feed",
        )
        return
    channel: Mapping[str, Any] = parsed.get("feed", {})
    source = _plain(channel.get("title")) or _host(channel.get("link") or feed_url)
    language = _language(channel.get("language"))
    entries = parsed.get("entries", [])
    if not entries:
        yield Rejected(origin=origin, stage="ingest", reason="empty", detail="the feed has no items")
        return
    for number, entry in enumerate(entries, start=1):
        yield _item(entry, number=number, origin=origin, source=source, language=language, base=feed_url)


def _item(
    entry: Mapping[str, Any], *, number: int, origin: str, source: str | None, language: str | None, base: str | None
) -> RawDocument | Rejected:
    where = f"{origin}#{number}"
    url = _plain(entry.get("link"))
    if url and base:
        url = urljoin(base, url)  # a relative item link, as some feeds write them
    doc_id = _plain(entry.get("id")) or url or where
    text = _body(entry)
    if not text:
        return Rejected(
            origin=where,
            stage="ingest",
            reason="missing_text",
            detail=f"item {number} has no content, description or summary",
            doc_id=doc_id,
        )
    return RawDocument(
        id=doc_id,
        origin=where,
        kind="text",
        content=text,
        published=_entry_date(entry),
        title=_plain(entry.get("title")),
        url=url,
        source=source,
        author=_plain(entry.get("author")),
        language=_language(_content_language(entry)) or language,
    )


def _body(entry: Mapping[str, Any]) -> str:
    # Full content first (the longest part when there are several), then the summary.
    contents = sorted(entry.get("content") or [], key=lambda part: len(part.get("value") or ""), reverse=True)
    for part in contents:
        text = _to_text(part.get("value") or "", part.get("type") or "text/html")
        if text:
            return text
    detail = entry.get("summary_detail") or {}
    return _to_text(entry.get("summary") or "", detail.get("type") or "text/html")


def _to_text(value: str, content_type: str) -> str:
    if not value.strip():
        return ""
    if content_type.lower() not in _HTML_TYPES and not _TAG.search(value):
        return _tidy(value)
    reader = _FragmentText()
    reader.feed(value)
    reader.close()
    return _tidy("".join(reader.parts))


class _FragmentText(HTMLParser):
    """The text of an HTML fragment, a blank line around each block element, scripts left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0  # depth inside script/style

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n"))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    # The date as the feed wrote it (its own time zone: a story of 16 May 23:30 New York time is
    # a 16 May story), falling back to feedparser's UTC reading for formats we do not know.
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            day = _written_date(raw.strip())
            if day is not None:
                return day
        parsed = entry.get(f"{key}_parsed")
        if parsed is not None:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def _written_date(raw: str) -> date | None:
    try:
        return datetime.fromisoformat(raw).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        return None


def _content_language(entry: Mapping[str, Any]) -> str | None:
    for part in entry.get("content") or []:
        value = part.get("language")
        if isinstance(value, str) and value:
            return value
    return None


def _language(value: object) -> str | None:
    """``en-US`` -> ``en``: the ISO 639-1 part of a declared language tag."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None


def _plain(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = _SPACES.sub(" ", html.unescape(_TAG.sub("", value))).strip() if "<" in value else value.strip()
    return text or None


def _host(url: object) -> str | None:
    if not isinstance(url, str) or not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
