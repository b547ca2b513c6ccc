"""Reading gold files: hand-coded sentences with the events they must produce (format: gold/README.md)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirecoder.errors import GoldFormatError

_CODE = re.compile(r"^\d{2,4}$")
_ACTOR = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_Fail = Callable[[str], GoldFormatError]  # makes the error for the line being read


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str | None
    code: str
    accept: tuple[str, ...] = ()
    either_direction: bool = False
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_range: tuple[dt.date, dt.date] | None = None
    attributed_to: str | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return (self.code, *self.accept)

    @property
    def dated(self) -> bool:
        return self.date is not None or self.date_range is not None


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    published: dt.date
    text: str
    events: tuple[GoldEvent, ...]
    title: str | None = None
    phenomena: tuple[str, ...] = ()
    note: str | None = None
    origin: str = ""  # path:line


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.jsonl`` files named or found (recursively, sorted) in the folders named."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.jsonl") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise GoldFormatError("no such file or folder", path=str(path))
    if not found:
        raise GoldFormatError("no gold files (*.jsonl) found", path=", ".join(str(p) for p in paths))
    return found


def load_gold(paths: Iterable[str | Path]) -> list[GoldItem]:
    """Every item of the gold files; a malformed line raises GoldFormatError with its file and line."""
    items: list[GoldItem] = []
    seen: dict[str, str] = {}
    for path in gold_files(paths):
        for number, item in _read_file(path):
            if item.id in seen:
                raise GoldFormatError(f"id {item.id!r} already used at {seen[item.id]}", path=str(path), line=number)
            seen[item.id] = item.origin
            items.append(item)
    return items


def _read_file(path: Path) -> Iterator[tuple[int, GoldItem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise GoldFormatError(f"cannot read: {e}", path=str(path)) from e
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldFormatError(f"not JSON: {e.msg}", path=str(path), line=number) from e
        yield number, _item(row, f"{path}:{number}", path=str(path), line=number)


def _item(row: Any, origin: str, *, path: str, line: int) -> GoldItem:
    def fail(message: str) -> GoldFormatError:
        return GoldFormatError(message, path=path, line=line)

    if not isinstance(row, dict):
        raise fail("a gold line must be a JSON object")
    for key in ("id", "published", "text", "events"):
        if key not in row:
            raise fail(f"missing field {key!r}")
    if not isinstance(row["id"], str) or not row["id"]:
        raise fail("'id' must be a non-empty string")
    if not isinstance(row["text"], str) or not row["text"].strip():
        raise fail("'text' must be a non-empty string")
    published = _day(row["published"], "published", fail)
    if not isinstance(row["events"], list):
        raise fail("'events' must be a list ([] for a text that must produce no event)")
    phenomena = row.get("phenomena") or []
    if not isinstance(phenomena, list) or not all(isinstance(p, str) for p in phenomena):
        raise fail("'phenomena' must be a list of strings")
    title = row.get("title")
    if title is not None and not isinstance(title, str):
        raise fail("'title' must be a string")
    return GoldItem(
        id=row["id"],
        published=published,
        text=row["text"],
        events=tuple(_event(e, fail) for e in row["events"]),
        title=title or None,
        phenomena=tuple(phenomena),
        note=row.get("note"),
        origin=origin,
    )


def _event(row: Any, fail: _Fail) -> GoldEvent:
    if not isinstance(row, dict):
        raise fail("each event must be a JSON object")
    code = row.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise fail(f"event code {code!r} is not a CAMEO code (2-4 digits, as a string)")
    accept = row.get("accept") or []
    if not isinstance(accept, list) or not all(isinstance(a, str) and _CODE.match(a) for a in accept):
        raise fail(f"'accept' of event {code} must be a list of CAMEO codes")
    source = row.get("source")
    if not isinstance(source, str) or not _ACTOR.match(source):
        raise fail(f"event {code}: source {source!r} is not an actor code")
    target = row.get("target")
    if target is not None and (not isinstance(target, str) or not _ACTOR.match(target)):
        raise fail(f"event {code}: target {target!r} is not an actor code or null")
    when = row.get("date")
    if when is not None:
        if not isinstance(when, str) or not _PARTIAL_DATE.match(when):
            raise fail(f"event {code}: date {when!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        _check_partial(when, fail)
    span = row.get("date_range")
    date_range = None
    if span is not None:
        if not isinstance(span, list) or len(span) != 2:
            raise fail(f"event {code}: date_range must be [first, last]")
        first, last = (_day(d, "date_range", fail) for d in span)
        if last < first:
            raise fail(f"event {code}: date_range ends before it starts")
        date_range = (first, last)
    attributed = row.get("attributed_to")
    return GoldEvent(
        source=source,
        target=target,
        code=code,
        accept=tuple(accept),
        either_direction=bool(row.get("either_direction", False)),
        date=when,
        date_range=date_range,
        attributed_to=attributed if isinstance(attributed, str) else None,
    )


def _day(value: Any, field: str, fail: _Fail) -> dt.date:
    if not isinstance(value, str):
        raise fail(f"{field!r} must be a date string (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise fail(f"{field!r}: {value!r} is not a date (YYYY-MM-DD)") from e


def _check_partial(value: str, fail: _Fail) -> None:
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as e:
        raise fail(f"date {value!r} does not exist") from e
