"""Readers: inputs -> ``RawDocument`` records (or ``Rejected`` ones), streamed one at a time.

Inputs: files, folders, glob patterns, ``-`` (standard input), URLs (``ingest.web``). Formats,
sniffed from the content (``ingest.sniff``): text, HTML, JSON Lines (``ingest.jsonl``), RSS/Atom
feeds (``ingest.feeds``), WARC archives (``ingest.warc``), any of them gzip-compressed.

Rejection reasons used here: ``not_found``, ``unreadable``, ``empty``, ``binary``, ``undecodable``,
``too_large``, ``unsupported_format`` (files); ``truncated``, ``corrupt_archive`` (damaged gzip or
WARC data, with what came before and after still read); ``not_html``, ``http_status`` (WARC
records); ``malformed_feed``, ``not_a_feed`` (feeds); ``malformed_json`` (JSONL lines);
``missing_text`` (a JSONL line or feed item without text); ``unsupported`` (a URL with no fetcher).
"""

from __future__ import annotations

from wirecoder.ingest.decode import Undecodable, decode_bytes
from wirecoder.ingest.files import ReadOptions, read_inputs

__all__ = ["ReadOptions", "Undecodable", "decode_bytes", "read_inputs"]
