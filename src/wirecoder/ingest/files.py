"""Walk inputs and yield one ``RawDocument`` (or ``Rejected``) per document, one at a time.

An input is a file, a folder (walked recursively, sorted, hidden entries skipped), a glob pattern
(``"data/*.warc.gz"``), ``-`` for standard input, or an ``http(s)://`` URL (handed to the fetcher,
``wirecoder.ingest.web``). A file's format is sniffed from its first bytes (``ingest.sniff``):
WARC archives and JSON Lines are streamed record by record, whatever their size; feeds, HTML and
text are read whole, up to ``ReadOptions.max_bytes``. gzip around any of them is undone on the fly.

Bad inputs never raise: a missing, unreadable, empty, binary, undecodable, over-large or damaged
input becomes a ``Rejected`` with a stable reason code and a plain-words ``detail``.
"""

from __future__ import annotations

import glob
import gzip
import importlib
import io
import itertools
import logging
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal, cast

from wirecoder.ingest.decode import Undecodable, decode_bytes, looks_binary
from wirecoder.ingest.feeds import parse_feed
from wirecoder.ingest.jsonl import read_jsonl_lines, read_jsonl_stream
from wirecoder.ingest.sniff import HEAD_BYTES, Sniffed, sniff
from wirecoder.ingest.warc import read_warc
from wirecoder.records import RawDocument, Rejected

__all__ = ["STDIN", "ReadOptions", "read_inputs"]

LOGGER = logging.getLogger(__name__)

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
URL_PREFIXES = ("http://", "https://")
_GLOB_CHARS = frozenset("*?[")
READ_CHUNK = 1 << 20  # reading a stream of unknown size, so that a small one costs little


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    max_bytes: a larger document is rejected as ``too_large`` before it is read (a text, HTML or
        feed file; after decompression for gzip). JSON Lines and WARC archives stream: the limit
        applies to each line or record, so a corpus or an archive of any size is read.
    jsonl_fields: renames for JSONL fields, canonical name -> name in the input,
        e.g. ``{"id": "doc_id", "text": "content", "published": "meta.date"}``.
    fetch_options: passed to ``wirecoder.ingest.web.fetch_documents`` for URL inputs (its
        ``FetchOptions``); ``None`` for its defaults.
    """

    max_bytes: int = 20_000_000
    jsonl_fields: Mapping[str, str] | None = None
    fetch_options: object | None = None


def read_inputs(
    paths: Iterable[str | Path], *, options: ReadOptions = ReadOptions()
) -> Iterator[RawDocument | Rejected]:
    """Yield the documents found under ``paths``, in a stable order, one at a time.

    Folders are walked recursively, entries sorted by name, hidden files and folders skipped; a
    glob pattern expands to its sorted matches; ``-`` reads standard input; consecutive URLs are
    fetched together, when they are reached. Formats are sniffed from the content.
    """
    if isinstance(paths, str | Path):
        paths = [paths]  # one path, not an iterable of characters
    for is_url, group in itertools.groupby(paths, key=_is_url):
        if is_url:
            yield from _fetch([str(url) for url in group], options)
            continue
        for given in group:
            if isinstance(given, str) and given == STDIN:
                yield from _read_stdin(options)
            elif isinstance(given, str) and _is_pattern(given):
                yield from _read_pattern(given, options)
            else:
                yield from _read_path(Path(given), options)


def _read_path(path: Path, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    if path.is_dir():
        yield from _walk(path, options, seen=set())
    else:
        yield from _read_file(path, options)


def _is_url(given: str | Path) -> bool:
    return isinstance(given, str) and given.lower().startswith(URL_PREFIXES)


def _is_pattern(given: str) -> bool:
    # A file whose name holds "*" or "[" is still read as itself.
    return any(char in _GLOB_CHARS for char in given) and not os.path.lexists(given)


def _read_pattern(pattern: str, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Rejected(origin=pattern, stage="ingest", reason="not_found", detail="no file matches the pattern")
        return
    for match in matches:
        yield from _read_path(Path(match), options)


def _fetch(urls: list[str], options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    # Imported when a URL is reached: reading files needs none of the fetcher's machinery.
    try:
        web = importlib.import_module("wirecoder.ingest.web")
    except ImportError as error:
        for url in urls:
            yield Rejected(
                origin=url,
                stage="ingest",
                reason="unsupported",
                detail=f"URLs cannot be fetched here ({error})",
                doc_id=url,
            )
        return
    fetch = cast(Callable[..., Iterator[RawDocument | Rejected]], web.fetch_documents)
    if options.fetch_options is None:
        yield from fetch(urls)
    else:
        yield from fetch(urls, options.fetch_options)


def _walk(folder: Path, options: ReadOptions, *, seen: set[tuple[int, int]]) -> Iterator[RawDocument | Rejected]:
    try:
        info = folder.stat()
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except OSError as error:
        yield _rejected(str(folder), folder.name, "unreadable", f"cannot list the folder: {_why(error)}")
        return
    if (info.st_dev, info.st_ino) in seen:
        LOGGER.warning("%s: folder already visited (a symbolic link loop); skipped", folder)
        return
    seen.add((info.st_dev, info.st_ino))
    for name in names:
        path = folder / name
        if path.is_dir():
            yield from _walk(path, options, seen=seen)
        else:
            yield from _read_file(path, options)


def _read_file(path: Path, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    origin, name = str(path), path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        yield _rejected(origin, name, "not_found", "no such file or folder")
        return
    except OSError as error:
        yield _rejected(origin, name, "unreadable", f"cannot read the file: {_why(error)}")
        return
    if not stat.S_ISREG(info.st_mode):
        # A pipe would block the reader and a socket or device holds no document.
        yield _rejected(origin, name, "unreadable", "not a regular file (a pipe, socket or device)")
        return
    if info.st_size == 0:
        yield _rejected(origin, name, "empty", "the file is empty (0 bytes)")
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            handle.seek(0)
            source = _Source(handle, head, origin=origin, name=name, suffix=_suffix(path), size=info.st_size)
            yield from _read_source(source, options)
    except OSError as error:
        yield _rejected(origin, name, "unreadable", f"reading stopped part-way: {_why(error)}")


def _read_stdin(options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    stream = sys.stdin.buffer
    try:
        head = stream.read(HEAD_BYTES)
    except OSError as error:
        yield _rejected(STDIN_ORIGIN, "stdin", "unreadable", f"cannot read standard input: {_why(error)}")
        return
    if not head:
        yield _rejected(STDIN_ORIGIN, "stdin", "empty", "standard input is empty")
        return
    rewound = io.BufferedReader(_Prefixed(head, stream))
    source = _Source(rewound, head, origin=STDIN_ORIGIN, name="stdin", suffix="", size=None)
    try:
        yield from _read_source(source, options)
    except OSError as error:
        yield _rejected(STDIN_ORIGIN, "stdin", "unreadable", f"reading stopped part-way: {_why(error)}")


@dataclass(frozen=True, slots=True)
class _Source:
    """An open input positioned at its start, with what is known of it before reading on."""

    stream: BinaryIO
    head: bytes  # the first HEAD_BYTES bytes (already part of ``stream``)
    origin: str
    name: str  # the document id of a single-document input
    suffix: str  # ".txt", ".warc.gz", "" for standard input
    size: int | None  # in bytes, where known without reading


def _read_source(source: _Source, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    sniffed = sniff(source.head)
    if sniffed.gzip:
        yield from _read_gzip(source, sniffed, options)
    elif sniffed.format == "warc":
        yield from read_warc(source.stream, origin=source.origin, compressed=False, max_bytes=options.max_bytes)
    elif source.suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(source, options)
    elif source.size is not None and source.size > options.max_bytes:
        yield _too_large(source, source.size, options)
    else:
        data = _read_limited(source.stream, options.max_bytes, size=source.size)
        if len(data) > options.max_bytes:
            yield _too_large(source, None, options)
        else:
            yield from _from_bytes(source, data, sniffed, options)


def _read_gzip(source: _Source, sniffed: Sniffed, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    if sniffed.format == "warc":
        yield from read_warc(source.stream, origin=source.origin, compressed=True, max_bytes=options.max_bytes)
        return
    if sniffed.format == "binary":
        yield _rejected(source.origin, source.name, "binary", "gzip data that does not inflate to text")
        return
    inner = cast(BinaryIO, gzip.GzipFile(fileobj=source.stream, mode="rb"))
    inner_suffix = Path(source.name.removesuffix(".gz").removesuffix(".GZ")).suffix.lower()
    try:
        if sniffed.format == "jsonl" or inner_suffix in JSONL_SUFFIXES:
            yield from _jsonl_records(source, inner, options)
            return
        data = _read_limited(inner, options.max_bytes)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield _gzip_damage(source, error)
        return
    if len(data) > options.max_bytes:
        yield _rejected(
            source.origin,
            source.name,
            "too_large",
            f"the file inflates to more than the limit of {options.max_bytes:,} bytes",
        )
        return
    yield from _from_bytes(source, data, sniff(data[:HEAD_BYTES]), options, suffix=inner_suffix)


def _read_jsonl(source: _Source, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    if looks_binary(source.head):
        yield _rejected(
            source.origin, source.name, "binary", "the content is binary (NUL or control bytes), not JSON Lines"
        )
        return
    yield from _jsonl_records(source, source.stream, options)


def _jsonl_records(source: _Source, stream: BinaryIO, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    # A JSONL input whose lines are all blank gives no record at all: say so rather than stay silent.
    records = read_jsonl_stream(
        stream,
        origin=source.origin,
        file_name=source.name,
        max_line_bytes=options.max_bytes,
        fields=options.jsonl_fields,
    )
    count = 0
    try:
        for record in records:
            count += 1
            yield record
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield _gzip_damage(source, error)
        return
    if count == 0:
        yield _rejected(source.origin, source.name, "empty", "the file holds only blank lines")


def _from_bytes(
    source: _Source, data: bytes, sniffed: Sniffed, options: ReadOptions, *, suffix: str | None = None
) -> Iterator[RawDocument | Rejected]:
    suffix = source.suffix if suffix is None else suffix
    if sniffed.format == "feed":
        yield from parse_feed(data, origin=source.origin)
        return
    text = decode_bytes(data)
    if isinstance(text, Undecodable):
        yield _rejected(source.origin, source.name, text.reason, text.detail)
        return
    if sniffed.format == "xml":
        yield _rejected(
            source.origin,
            source.name,
            "unsupported_format",
            "an XML document that is not an RSS or Atom feed (a sitemap, an OPML list?)",
        )
    elif suffix in HTML_SUFFIXES or sniffed.format == "html":
        yield _document(source, "html", text)
    elif suffix in TEXT_SUFFIXES or sniffed.format != "jsonl":
        yield _document(source, "text", text)
    else:
        records = read_jsonl_lines(
            text.split("\n"), origin=source.origin, file_name=source.name, fields=options.jsonl_fields
        )
        yield from _counted(source, records)


def _counted(source: _Source, records: Iterator[RawDocument | Rejected]) -> Iterator[RawDocument | Rejected]:
    count = 0
    for record in records:
        count += 1
        yield record
    if count == 0:
        yield _rejected(source.origin, source.name, "empty", "the file holds only blank lines")


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff them): those, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        target = memoryview(buffer).cast("B")
        if self._head.nbytes:
            size = min(len(target), self._head.nbytes)
            target[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(target))
        target[: len(data)] = data
        return len(data)


def _read_limited(stream: BinaryIO, limit: int, *, size: int | None = None) -> bytes:
    """Up to ``limit + 1`` bytes (one more tells that there was more), without reserving the limit."""
    if size is not None:
        return stream.read(min(size, limit) + 1)  # read(n) allocates n bytes up front
    chunks: list[bytes] = []
    total = 0
    while total <= limit and (chunk := stream.read(min(READ_CHUNK, limit + 1 - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _suffix(path: Path) -> str:
    suffixes = [suffix.lower() for suffix in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[1] == ".gz":
        return "".join(suffixes)
    return path.suffix.lower()


def _document(source: _Source, kind: Literal["text", "html"], content: str) -> RawDocument:
    return RawDocument(id=source.name, origin=source.origin, kind=kind, content=content)


def _too_large(source: _Source, size: int | None, options: ReadOptions) -> Rejected:
    has = f"has {size:,} bytes" if size is not None else "is larger than that"
    return _rejected(
        source.origin, source.name, "too_large", f"the file {has}, more than the limit of {options.max_bytes:,}"
    )


def _gzip_damage(source: _Source, error: Exception) -> Rejected:
    if isinstance(error, EOFError):
        return _rejected(source.origin, source.name, "truncated", f"the gzip data is cut short ({error})")
    return _rejected(source.origin, source.name, "corrupt_archive", f"the gzip data is damaged ({error})")


def _rejected(origin: str, name: str, reason: str, detail: str) -> Rejected:
    return Rejected(origin=origin, stage="ingest", reason=reason, detail=detail, doc_id=name)


def _why(error: OSError) -> str:
    return error.strerror or type(error).__name__
