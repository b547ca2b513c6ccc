"""Tell an input's format from its first bytes, whatever its name says.

Order of the checks: gzip magic (then the same checks on the start of what it holds), a
``WARC/1.`` record header, the root element of an XML document (``<rss>``, ``<rdf:RDF>``, an Atom
``<feed>``), an HTML start, a first line that is a JSON object, else text. Only the head of the
input is looked at, so sniffing a 1 GB archive costs the same as sniffing a tweet.
"""

from __future__ import annotations

import codecs
import json
import re
import zlib
from dataclasses import dataclass
from typing import Literal

__all__ = ["HEAD_BYTES", "Format", "Sniffed", "sniff"]

HEAD_BYTES = 8192  # what the readers pass in: enough for an XML prolog, a doctype and a feed's root
GZIP_MAGIC = b"\x1f\x8b"
_INNER_BYTES = 8192  # how much of a gzip member is inflated to look inside it

Format = Literal["warc", "feed", "html", "jsonl", "text", "xml", "binary", "empty"]

# Leading matter an XML or HTML document may open with before its first element: whitespace,
# the XML declaration and other processing instructions, comments, a doctype.
_PROLOG = re.compile(rb"\s*(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>)", re.DOTALL | re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"\s*<([A-Za-z_][\w.:-]*)")
_ATOM_NAMESPACES = (b"http://www.w3.org/2005/Atom", b"http://purl.org/atom/ns#")
_HTML_ROOTS = frozenset({b"html", b"head", b"body"})
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What an input holds: its ``format``, and whether it is gzip-compressed around it."""

    format: Format
    gzip: bool = False


def sniff(head: bytes) -> Sniffed:
    """Sniff the first bytes of an input (``HEAD_BYTES`` of them, or all of a shorter input)."""
    if head.startswith(GZIP_MAGIC):
        inner = _inflate_head(head)
        if inner is None:
            return Sniffed("binary", gzip=True)  # gzip magic, but nothing readable comes out
        return Sniffed(_sniff_plain(inner), gzip=True)
    return Sniffed(_sniff_plain(head))


def _sniff_plain(head: bytes) -> Format:
    if not head.removeprefix(codecs.BOM_UTF8).strip():
        return "empty"
    if head.startswith(_UTF16_BOMS):
        # UTF-16 text (a rare feed export): sniff its ASCII skeleton.
        head = (
            head[2:]
            .decode("utf-16-le" if head.startswith(codecs.BOM_UTF16_LE) else "utf-16-be", "ignore")
            .encode("ascii", "ignore")
        )
    body = head.removeprefix(codecs.BOM_UTF8)
    if body.startswith(b"WARC/1."):
        return "warc"
    if b"\x00" in body:
        return "binary"
    markup = _markup_format(body)
    if markup is not None:
        return markup
    if _first_line_is_object(body):
        return "jsonl"
    return "text"


def _markup_format(body: bytes) -> Format | None:
    position = 0
    while match := _PROLOG.match(body, position):
        if match.end() == position:
            break
        position = match.end()
    element = _FIRST_ELEMENT.match(body, position)
    if element is None:
        lowered = body[position : position + 64].lower()
        return "html" if lowered.lstrip().startswith(b"<!doctype html") else None
    name = element[1]
    local = name.rsplit(b":", 1)[-1].lower()
    if local == b"rss" or (local == b"rdf" and name.endswith(b"RDF")):
        return "feed"
    if local == b"feed":
        root_tag = body[element.start() : body.find(b">", element.start()) + 1 or len(body)]
        return "feed" if any(ns in root_tag for ns in _ATOM_NAMESPACES) else "xml"
    if local in _HTML_ROOTS or body[:position].lower().find(b"<!doctype html") >= 0:
        return "html"
    # Some other XML document (a sitemap, an OPML list): markup, but not one we read.
    return "xml" if body[:position].lstrip().startswith(b"<?xml") else None


def _first_line_is_object(body: bytes) -> bool:
    lines = body.split(b"\n")
    for number, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith(b"{"):
            return False
        try:
            return isinstance(json.loads(line), dict)
        except ValueError:
            # A first line longer than the head cannot be parsed here: its object start is the
            # best evidence there is. A whole line that does not parse is prose in braces.
            return number == len(lines) - 1 and len(body) >= HEAD_BYTES
    return False


def _inflate_head(head: bytes) -> bytes | None:
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        return inflater.decompress(head, _INNER_BYTES)
    except zlib.error:
        return None
