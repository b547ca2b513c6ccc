"""WARC and WARC.gz archives (the CC-NEWS layout): one ``RawDocument`` per HTML response record.

The archive is streamed: one record's block is in memory at a time, whatever the archive's size.
Records other than responses (warcinfo, request, metadata, revisit) hold no article and are passed
over. A response that is not HTML, not a 2xx, or not decodable becomes a ``Rejected``.

Damage is reported, never fatal: a record cut short at the end of the file is ``truncated``; a
gzip member that does not inflate, or bytes where a record header should be, are
``corrupt_archive``, and reading resumes at the next gzip member (or WARC header) after it. The
two libraries measured for this (warcio 1.8, FastWARC 2.0) both end silently at a truncated last
record, which would lose it without a word; hence this small reader of our own, on zlib.

Each document's ``origin`` is ``archive#offset``: the byte offset of the record's gzip member in
the compressed file when records are compressed one per member (as Common Crawl's are, so the
offset can be used to seek to the record), else the record's offset in the uncompressed stream.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from wirecoder.ingest.decode import Undecodable, decode_bytes, looks_binary, looks_empty
from wirecoder.records import RawDocument, Rejected

__all__ = ["read_warc"]

CHUNK = 1 << 16  # bytes read from the archive at a time
MAX_HEADER_BYTES = 1 << 16  # a WARC or HTTP header block larger than this is damage, not a header
GZIP_MAGIC = b"\x1f\x8b\x08"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_ENCODINGS = frozenset({"gzip", "x-gzip"})
MAX_INFLATE_RATIO = 64
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
_LEGACY_LABELS = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}


class _Damage(Exception):
    """The archive's bytes stop making sense (``reason``: ``truncated`` or ``corrupt_archive``)."""

    def __init__(self, reason: str, detail: str, *, offset: int | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.offset = offset  # of the damaged gzip member, where known


@dataclass(frozen=True, slots=True)
class _Record:
    offset: int
    headers: dict[str, str]  # WARC headers, names lower-cased
    block: bytes


class _Stream:
    """The uncompressed bytes of an archive, read on demand, gzip members inflated one by one."""

    def __init__(self, raw: BinaryIO, *, compressed: bool) -> None:
        self._raw = raw
        self._compressed = compressed
        self._buffer = bytearray()
        self._index = 0  # read position in the buffer
        self._position = 0  # uncompressed position of buffer[0]
        self._raw_read = 0  # compressed bytes read so far
        self._pending = b""  # compressed bytes read but not yet inflated
        self._inflater: zlib._Decompress | None = None
        self._member_offset = 0  # compressed offset of the current member
        self._member_starts: dict[int, int] = {}  # uncompressed position -> compressed offset

    @property
    def position(self) -> int:
        return self._position + self._index

    def offset(self) -> int:
        """Where the next record starts, as a reader of the file would seek to it."""
        here = self.position
        if not self._compressed:
            return here
        if self._index == len(self._buffer) and self._inflater is None:
            return self._raw_read - len(self._pending)  # at a member boundary: the next one starts here
        return self._member_starts.get(here, here)

    def readline(self, limit: int) -> bytes:
        while True:
            end = self._buffer.find(b"\n", self._index, self._index + limit)
            if end >= 0:
                return self._take(end + 1 - self._index)
            if len(self._buffer) - self._index >= limit or not self._fill():
                return self._take(min(limit, len(self._buffer) - self._index))

    def read(self, size: int) -> bytes:
        while len(self._buffer) - self._index < size and self._fill():
            pass
        return self._take(min(size, len(self._buffer) - self._index))

    def skip(self, size: int) -> int:
        skipped = 0
        while skipped < size:
            available = len(self._buffer) - self._index
            if available == 0 and not self._fill():
                break
            step = min(size - skipped, len(self._buffer) - self._index)
            self._take(step)
            skipped += step
        return skipped

    def resync(self) -> bool:
        """After damage: go on from the next gzip member; False when nothing is left to try."""
        if not self._compressed:
            return True  # the record parser skips lines up to the next WARC header itself
        self._inflater = None
        self._position += len(self._buffer)
        self._buffer.clear()
        self._index = 0
        while True:
            found = self._pending.find(GZIP_MAGIC, 1)
            if found >= 0:
                self._pending = self._pending[found:]
                return True
            more = self._raw.read(CHUNK)
            if not more:
                self._pending = b""
                return False
            self._raw_read += len(more)
            self._pending = self._pending[-2:] + more  # keep a magic number split across reads

    def _take(self, size: int) -> bytes:
        data = bytes(self._buffer[self._index : self._index + size])
        self._index += size
        if self._index > CHUNK:
            del self._buffer[: self._index]
            self._position += self._index
            self._index = 0
            self._member_starts = {k: v for k, v in self._member_starts.items() if k >= self._position}
        return data

    def _fill(self) -> bool:
        if not self._compressed:
            data = self._raw.read(CHUNK)
            self._raw_read += len(data)
            self._buffer += data
            return bool(data)
        while True:
            if not self._pending:
                self._pending = self._raw.read(CHUNK)
                self._raw_read += len(self._pending)
                if not self._pending:
                    if self._inflater is not None:
                        raise _Damage(
                            "truncated",
                            f"the gzip member at byte {self._member_offset} is cut short: the archive ends inside it",
                            offset=self._member_offset,
                        )
                    return False
            if self._inflater is None:
                self._member_offset = self._raw_read - len(self._pending)
                self._member_starts[len(self._buffer) + self._position] = self._member_offset
                self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            try:
                data = self._inflater.decompress(self._pending, CHUNK)
            except zlib.error as error:
                raise _Damage(
                    "corrupt_archive",
                    f"the gzip member at byte {self._member_offset} does not inflate ({error})",
                    offset=self._member_offset,
                ) from error
            if self._inflater.eof:
                self._pending = self._inflater.unused_data
                self._inflater = None
            else:
                self._pending = self._inflater.unconsumed_tail
            if data:
                self._buffer += data
                return True


def read_warc(stream: BinaryIO, *, origin: str, compressed: bool, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """Yield a ``RawDocument`` (kind ``html``) per HTML response record of a WARC archive.

    ``stream`` is the archive opened in binary mode, ``compressed`` whether it is gzip (as sniffed);
    ``max_bytes`` bounds one record's block. Rejection reasons: ``not_html``, ``http_status``,
    ``too_large``, ``empty``, ``binary``, ``undecodable`` (one record), ``truncated`` and
    ``corrupt_archive`` (the archive itself, with what came before and after still read).
    """
    for item in _records(_Stream(stream, compressed=compressed), origin=origin, max_bytes=max_bytes):
        yield item if isinstance(item, Rejected) else _document(item, origin=origin)


def _records(stream: _Stream, *, origin: str, max_bytes: int) -> Iterator[_Record | Rejected]:
    recovering = False  # after damage, until the next good record header: report nothing twice
    offset = stream.offset()  # of the record being read, the one a damage report names
    while True:
        try:
            line_offset = stream.offset()
            line = stream.readline(MAX_HEADER_BYTES)
            if not line:
                return
            if not line.strip():
                continue
            offset = line_offset
            if not line.startswith(b"WARC/"):
                if not recovering:
                    recovering = True
                    yield _damage(
                        origin, offset, "corrupt_archive", f"expected a WARC record header, found {line[:40]!r}"
                    )
                continue
            headers = _header_block(stream)
            length = _content_length(headers)
            recovering = False
            record_type = headers.get("warc-type", "")
            if record_type != "response":
                if stream.skip(length) < length:
                    raise _Damage(
                        "truncated", f"the {record_type or 'untyped'} record ends before its {length:,} bytes"
                    )
                continue
            if length > max_bytes:
                if stream.skip(length) < length:
                    raise _Damage("truncated", f"the response record ends before its {length:,} bytes")
                yield _damage(
                    origin,
                    offset,
                    "too_large",
                    f"the record has {length:,} bytes, more than the limit of {max_bytes:,}",
                )
                continue
            block = stream.read(length)
            if len(block) < length:
                raise _Damage(
                    "truncated",
                    f"the response record declares {length:,} bytes but the archive ends after {len(block):,}",
                )
            yield _Record(offset=offset, headers=headers, block=block)
        except _Damage as damage:
            if not recovering:
                where = offset if damage.offset is None else damage.offset
                yield _damage(origin, where, damage.reason, damage.detail)
            recovering = True
            if damage.reason == "truncated" or not stream.resync():
                return


def _header_block(stream: _Stream) -> dict[str, str]:
    headers: dict[str, str] = {}
    size = 0
    while True:
        line = stream.readline(MAX_HEADER_BYTES)
        size += len(line)
        if not line:
            raise _Damage("truncated", "the archive ends inside a record's headers")
        if size > MAX_HEADER_BYTES:
            raise _Damage("corrupt_archive", f"a record's headers run past {MAX_HEADER_BYTES:,} bytes")
        if not line.strip():
            return headers
        name, colon, value = line.decode("utf-8", "replace").partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()


def _content_length(headers: dict[str, str]) -> int:
    raw = headers.get("content-length", "")
    if not raw.isdigit():
        raise _Damage("corrupt_archive", f"a record has no valid Content-Length ({raw!r})")
    return int(raw)


def _document(record: _Record, *, origin: str) -> RawDocument | Rejected:
    where = f"{origin}#{record.offset}"
    url = record.headers.get("warc-target-uri") or None
    doc_id = record.headers.get("warc-record-id", "").strip("<>") or url or where

    def rejected(reason: str, detail: str) -> Rejected:
        return Rejected(origin=where, stage="ingest", reason=reason, detail=detail, doc_id=doc_id)

    head, separator, payload = _split_http(record.block)
    if not separator or not head.startswith(b"HTTP/"):
        return rejected("not_html", "the response holds no HTTP message")
    status_line, *header_lines = head.decode("latin-1").split("\n")
    status = _status(status_line)
    if status is None:
        return rejected("http_status", f"unreadable HTTP status line {status_line.strip()[:60]!r}")
    if not 200 <= status[0] < 300:
        return rejected("http_status", f"HTTP {status[0]} {status[1]}".strip())
    http = _http_headers(header_lines)

    content_type = http.get("content-type") or record.headers.get("warc-identified-payload-type", "")
    media_type, charset = _media_type(content_type)
    if media_type and media_type not in _HTML_TYPES:
        return rejected("not_html", f"the response is {media_type}, not HTML")
    body = _unwrap(payload, http)
    if isinstance(body, Undecodable):
        return rejected(body.reason, body.detail)
    if not media_type and not body.lstrip()[:256].lower().startswith((b"<!doctype html", b"<html")):
        return rejected("not_html", "the response has no content type and does not start like an HTML page")
    text = _decode(body, charset)
    if isinstance(text, Undecodable):
        return rejected(text.reason, text.detail)
    return RawDocument(id=doc_id, origin=where, kind="html", content=text, url=url)


def _split_http(block: bytes) -> tuple[bytes, bytes, bytes]:
    head, separator, payload = block.partition(b"\r\n\r\n")
    if not separator:
        head, separator, payload = block.partition(b"\n\n")
    return head, separator, payload


def _status(line: str) -> tuple[int, str] | None:
    parts = line.strip().split(" ", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    return int(parts[1]), (parts[2] if len(parts) > 2 else "")


def _http_headers(lines: list[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return headers


def _media_type(content_type: str) -> tuple[str, str | None]:
    media, *params = content_type.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def _unwrap(payload: bytes, http: dict[str, str]) -> bytes | Undecodable:
    # Common Crawl stores payloads already decoded and renames the headers (X-Crawler-...), but
    # other crawlers keep the chunked framing and the compression as the server sent them.
    if "chunked" in http.get("transfer-encoding", "").lower():
        payload = _dechunk(payload)
    encoding = http.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        return payload
    if encoding not in _GZIP_ENCODINGS and encoding != "deflate":
        return Undecodable("undecodable", f"the body is {encoding}-encoded, which is not supported")
    wbits = zlib.MAX_WBITS | 16 if encoding in _GZIP_ENCODINGS else zlib.MAX_WBITS | 32
    try:
        # Bounded: a small body that inflates without end is a bomb, not a page.
        return zlib.decompressobj(wbits).decompress(payload, MAX_INFLATE_RATIO * max(len(payload), CHUNK))
    except zlib.error as error:
        return Undecodable("undecodable", f"the {encoding} body does not inflate ({error})")


def _dechunk(payload: bytes) -> bytes:
    out = bytearray()
    position = 0
    while position < len(payload):
        end = payload.find(b"\r\n", position)
        if end < 0:
            break
        size_text = payload[position:end].split(b";")[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return payload  # not chunked after all: keep the bytes as they are
        if size == 0:
            break
        out += payload[end + 2 : end + 2 + size]
        position = end + 2 + size + 2
    return bytes(out)


def _decode(body: bytes, charset: str | None) -> str | Undecodable:
    if charset and not looks_empty(body) and not looks_binary(body):
        try:
            text = body.decode(_LEGACY_LABELS.get(charset, charset))
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common: fall back to looking at the bytes
        else:
            return text
    return decode_bytes(body)


def _damage(origin: str, offset: int, reason: str, detail: str) -> Rejected:
    return Rejected(origin=f"{origin}#{offset}", stage="ingest", reason=reason, detail=detail)
