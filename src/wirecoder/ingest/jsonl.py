"""JSON Lines: one document per line, ``{"id", "text" or "html", "published"?, "title"?, "url"?, "source"?}``.

``author`` and ``language`` are read too when present. Field names can be renamed (the input's
``content`` read as ``text``), and a dotted name reaches into nested objects (``meta.date``).

Files are read line by line, so a corpus of any size streams. A bad line becomes a ``Rejected``
with origin ``path:line``; the lines around it still come through.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from wirecoder.records import RawDocument, Rejected

__all__ = ["FIELDS", "parse_published", "read_jsonl_file", "read_jsonl_lines", "read_jsonl_stream"]

# Canonical field names; ReadOptions.jsonl_fields maps some of them to the names an input uses.
FIELDS = ("id", "text", "html", "published", "title", "url", "source", "author", "language")
_SKIP_CHUNK = 1 << 16  # read size while skipping the rest of an over-long line


def read_jsonl_file(
    path: Path,
    *,
    origin: str,
    max_line_bytes: int,
    fields: Mapping[str, str] | None = None,
) -> Iterator[RawDocument | Rejected]:
    """Yield one record per non-blank line of an open-able JSONL file, reading it line by line.

    ``max_line_bytes`` bounds a single line (one document), not the file. The caller has already
    checked that the file exists, is not empty and is not binary.
    """
    with path.open("rb") as handle:
        yield from read_jsonl_stream(
            handle, origin=origin, file_name=path.name, max_line_bytes=max_line_bytes, fields=fields
        )


def read_jsonl_stream(
    handle: BinaryIO,
    *,
    origin: str,
    file_name: str,
    max_line_bytes: int,
    fields: Mapping[str, str] | None = None,
) -> Iterator[RawDocument | Rejected]:
    """Like ``read_jsonl_file``, from a binary stream (standard input, a gzip member)."""
    for number, raw in _binary_lines(handle, max_line_bytes):
        where = f"{origin}:{number}"
        if raw is None:
            yield Rejected(
                origin=where,
                stage="ingest",
                reason="too_large",
                detail=f"line {number} is longer than the limit of {max_line_bytes:,} bytes",
            )
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield Rejected(
                origin=where,
                stage="ingest",
                reason="undecodable",
                detail=f"line {number} is not valid UTF-8 (byte {error.start}); JSON Lines must be UTF-8",
            )
            continue
        record = parse_line(line, number=number, origin=origin, file_name=file_name, fields=fields)
        if record is not None:
            yield record


def read_jsonl_lines(
    lines: Iterable[str],
    *,
    origin: str,
    file_name: str,
    fields: Mapping[str, str] | None = None,
) -> Iterator[RawDocument | Rejected]:
    """Yield one record per non-blank line of already decoded JSONL text (a sniffed file)."""
    for number, line in enumerate(lines, start=1):
        record = parse_line(line, number=number, origin=origin, file_name=file_name, fields=fields)
        if record is not None:
            yield record


def parse_line(
    line: str,
    *,
    number: int,
    origin: str,
    file_name: str,
    fields: Mapping[str, str] | None = None,
) -> RawDocument | Rejected | None:
    """Turn one JSONL line into a ``RawDocument``, a ``Rejected``, or ``None`` for a blank line."""
    if not line.strip():
        return None
    where = f"{origin}:{number}"
    names = {name: (fields or {}).get(name, name) for name in FIELDS}
    try:
        value = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return Rejected(
            origin=where,
            stage="ingest",
            reason="malformed_json",
            detail=f"line {number} is not valid JSON: {error.msg} (column {error.colno})",
        )
    if not isinstance(value, dict):
        return Rejected(
            origin=where,
            stage="ingest",
            reason="malformed_json",
            detail=f"line {number} holds a JSON {_json_type(value)}, expected an object with a text field",
        )

    raw_id = field_value(value, names["id"])
    usable_id = isinstance(raw_id, str | int) and not isinstance(raw_id, bool) and str(raw_id).strip()
    doc_id = str(raw_id).strip() if usable_id else f"{file_name}#{number}"

    kind: Literal["text", "html"]
    for kind in ("text", "html"):
        content = field_value(value, names[kind])
        if content is None:
            continue
        if not isinstance(content, str):
            return Rejected(
                origin=where,
                stage="ingest",
                reason="malformed_json",
                detail=(f"line {number}: field {names[kind]!r} is a JSON {_json_type(content)}, expected a string"),
                doc_id=doc_id,
            )
        if not content.strip():
            return Rejected(
                origin=where,
                stage="ingest",
                reason="empty",
                detail=f"line {number}: field {names[kind]!r} is blank",
                doc_id=doc_id,
            )
        return RawDocument(
            id=doc_id,
            origin=where,
            kind=kind,
            content=content,
            published=parse_published(field_value(value, names["published"])),
            title=_optional_text(field_value(value, names["title"])),
            url=_optional_text(field_value(value, names["url"])),
            source=_optional_text(field_value(value, names["source"])),
            author=_optional_text(field_value(value, names["author"])),
            language=_optional_text(field_value(value, names["language"])),
        )
    return Rejected(
        origin=where,
        stage="ingest",
        reason="missing_text",
        detail=f"line {number} has neither a {names['text']!r} nor an {names['html']!r} field",
        doc_id=doc_id,
    )


def field_value(record: Mapping[str, Any], name: str) -> object:
    """``record[name]``; a dotted name that is not a key reaches into objects: ``meta.date``."""
    if name in record or "." not in name:
        return record.get(name)
    value: object = record
    for part in name.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def parse_published(value: object) -> date | None:
    """``YYYY-MM-DD`` or an ISO 8601 datetime (the date part is taken, as written); else ``None``."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _binary_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    # readline(limit) keeps memory bounded; an over-long line yields None and is skipped to its end.
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _optional_text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if value is None:
        return "null"
    return "string" if isinstance(value, str) else type(value).__name__
