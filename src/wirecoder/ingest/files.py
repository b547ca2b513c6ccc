"""Walk input paths and yield one ``RawDocument`` (or ``Rejected``) per document, one at a time.

Bad inputs never raise: a missing, unreadable, empty, binary, undecodable or over-large file
becomes a ``Rejected`` with a stable reason code and a plain-words ``detail``.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from wirecoder.ingest.decode import SNIFF_BYTES, Undecodable, decode_bytes, looks_binary
from wirecoder.ingest.jsonl import parse_line, read_jsonl_file, read_jsonl_lines
from wirecoder.records import RawDocument, Rejected

__all__ = ["ReadOptions", "read_inputs"]

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_HTML_STARTS = ("<!doctype html", "<html")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    max_bytes: a larger file is rejected as ``too_large`` before it is read; for JSON Lines the
        limit applies to each line (one document), so a JSONL corpus of any size streams.
    jsonl_fields: renames for JSONL fields, canonical name -> name in the input,
        e.g. ``{"id": "doc_id", "text": "content"}``.
    """

    max_bytes: int = 20_000_000
    jsonl_fields: Mapping[str, str] | None = None


def read_inputs(
    paths: Iterable[str | Path], *, options: ReadOptions = ReadOptions()
) -> Iterator[RawDocument | Rejected]:
    """Yield the documents found under ``paths`` (files or directories), in a stable order.

    Directories are walked recursively, entries sorted by name, hidden files and folders skipped.
    ``.txt``/``.text`` are text, ``.html``/``.htm`` HTML, ``.jsonl``/``.ndjson`` one document per
    line; any other file is sniffed. Files are read one at a time, JSONL line by line.
    """
    if isinstance(paths, str | Path):
        paths = [paths]  # one path, not an iterable of characters
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, options, seen=set())
        else:
            yield from _read_file(path, options)


def _walk(folder: Path, options: ReadOptions, *, seen: set[tuple[int, int]]) -> Iterator[RawDocument | Rejected]:
    try:
        info = folder.stat()
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except OSError as error:
        yield _rejected(folder, "unreadable", f"cannot list the folder: {_why(error)}")
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
    try:
        info = path.stat()
    except FileNotFoundError:
        yield _rejected(path, "not_found", "no such file or folder")
        return
    except OSError as error:
        yield _rejected(path, "unreadable", f"cannot read the file: {_why(error)}")
        return
    if not stat.S_ISREG(info.st_mode):
        # A pipe would block the reader and a socket or device holds no document.
        yield _rejected(path, "unreadable", "not a regular file (a pipe, socket or device)")
        return
    size = info.st_size

    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, size, options)
        return
    if size > options.max_bytes:
        yield _rejected(path, "too_large", f"the file has {size:,} bytes, more than the limit of {options.max_bytes:,}")
        return
    if size == 0:
        yield _rejected(path, "empty", "the file is empty (0 bytes)")
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield _rejected(path, "unreadable", f"cannot read the file: {_why(error)}")
        return

    text = decode_bytes(data)
    if isinstance(text, Undecodable):
        yield _rejected(path, text.reason, text.detail)
        return
    if suffix in TEXT_SUFFIXES:
        yield _document(path, "text", text)
    elif suffix in HTML_SUFFIXES:
        yield _document(path, "html", text)
    else:
        yield from _sniffed(path, text, options)


def _read_jsonl(path: Path, size: int, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    if size == 0:
        yield _rejected(path, "empty", "the file is empty (0 bytes)")
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        yield _rejected(path, "unreadable", f"cannot read the file: {_why(error)}")
        return
    if looks_binary(head):
        yield _rejected(path, "binary", "the content is binary (NUL or control bytes), not JSON Lines")
        return
    records = read_jsonl_file(path, origin=str(path), max_line_bytes=options.max_bytes, fields=options.jsonl_fields)
    yield from _not_blank(path, records)


def _not_blank(path: Path, records: Iterator[RawDocument | Rejected]) -> Iterator[RawDocument | Rejected]:
    # A JSONL file whose lines are all blank gives no record at all: say so rather than stay silent.
    count = 0
    try:
        for record in records:
            count += 1
            yield record
    except OSError as error:
        yield _rejected(path, "unreadable", f"reading stopped part-way: {_why(error)}")
        return
    if count == 0:
        yield _rejected(path, "empty", "the file holds only blank lines")


def _sniffed(path: Path, text: str, options: ReadOptions) -> Iterator[RawDocument | Rejected]:
    start = text.lstrip()[:64].lower()
    if start.startswith(_HTML_STARTS):
        yield _document(path, "html", text)
        return
    lines = text.split("\n")
    first = next((number for number, line in enumerate(lines, start=1) if line.strip()), None)
    if first is not None and lines[first - 1].lstrip().startswith("{"):
        # Try JSONL: only when the first line really is a JSON object; otherwise it is prose.
        probe = parse_line(lines[first - 1], number=first, origin=str(path), file_name=path.name)
        if not (isinstance(probe, Rejected) and probe.reason == "malformed_json"):
            records = read_jsonl_lines(lines, origin=str(path), file_name=path.name, fields=options.jsonl_fields)
            yield from _not_blank(path, records)
            return
    yield _document(path, "text", text)


def _document(path: Path, kind: Literal["text", "html"], content: str) -> RawDocument:
    return RawDocument(id=path.name, origin=str(path), kind=kind, content=content)


def _rejected(path: Path, reason: str, detail: str) -> Rejected:
    return Rejected(origin=str(path), stage="ingest", reason=reason, detail=detail, doc_id=path.name)


def _why(error: OSError) -> str:
    return error.strerror or type(error).__name__
