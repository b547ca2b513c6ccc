"""How stored events, articles and quotes are shown: JSON objects, CSV rows and terminal tables."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

EVENT_FIELDS = (
    "id",
    "article",
    "date",
    "date_precision",
    "source",
    "source_name",
    "target",
    "target_name",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "plover_mode",
    "background",
    "modality",
    "place",
    "attributed_to",
    "trigger",
    "confidence",
    "evidence",
    "span",
    "coder",
    "story",
    "num_articles",
    "num_sources",
    "num_mentions",
)


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """The public JSON shape of a stored event.

    A merged event (a row of ``DuckDBStore.merged_events``) has its own ``id``, the representative
    mention's fields and evidence, ``event`` (that mention's id) and ``articles`` (every article
    telling it). A per-article event has its own ``id`` and ``merged`` (the merged event it counts
    in). Both carry ``story``, ``num_articles``, ``num_sources`` and ``num_mentions``.
    """
    place = {"name": row["place_name"], "country": row["place_country"]} if row.get("place_name") else None
    merged = "articles" in row
    out = {
        "id": row["merged_id"] if merged else row["id"],
        "article": row["article_id"],
        "date": _iso(row["date"]),
        "date_precision": row["date_precision"],
        "source": row["source"],
        "source_name": row["source_name"],
        "target": row["target"],
        "target_name": row["target_name"],
        "code": row["code"],
        "root": row["root"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "background": bool(row["background"]),
        "modality": row["modality"],
        "place": place,
        "attributed_to": row["attributed_to"],
        "trigger": row["trigger"],
        "confidence": row["confidence"],
        "evidence": row["evidence"],
        "span": [row["span_start"], row["span_end"]],
        "coder": row["coder"],
        "story": row.get("story"),
        "num_articles": row.get("num_articles"),
        "num_sources": row.get("num_sources"),
        "num_mentions": row.get("num_mentions"),
    }
    if merged:
        out["event"] = row["id"]
        out["articles"] = list(row["articles"])
    else:
        out["merged"] = row.get("merged_id")
    return out


QUOTE_FIELDS = (
    "article",
    "sentence_index",
    "speaker",
    "speaker_code",
    "speaker_name",
    "method",
    "partial",
    "text",
    "span",
    "speaker_span",
)


def quote_json(row: dict[str, Any]) -> dict[str, Any]:
    """The public JSON shape of a stored quote."""
    speaker_span = [row["speaker_start"], row["speaker_end"]] if row["speaker_start"] is not None else None
    return {
        "article": row["article_id"],
        "sentence_index": row["sentence_index"],
        "speaker": row["speaker_text"],
        "speaker_code": row["speaker_code"],
        "speaker_name": row["speaker_name"],
        "method": row["method"],
        "partial": bool(row["partial"]),
        "text": row["text"],
        "span": [row["span_start"], row["span_end"]],
        "speaker_span": speaker_span,
    }


def article_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "title": row["title"],
        "published": _iso(row["published"]),
        "byline": row["byline"],
        "url": row["url"],
        "source": row["source"],
        "origin": row["origin"],
        "language": row.get("language"),
        "body": row["body"],
    }


def story_json(row: dict[str, Any]) -> dict[str, Any]:
    """The public JSON shape of a story: its articles (ids as ``wirecoder articles`` shows them),
    outlets, dates and merged events with their counts."""
    return {
        "id": row["id"],
        "title": next((t for t in row["titles"] if t), None),
        "first_published": _iso(row["first_published"]),
        "last_published": _iso(row["last_published"]),
        "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
        "sources": list(row["sources"]),
        "articles": list(row["articles"]),
        "events": [
            {
                "id": e["merged_id"],
                "date": _iso(e["date"]),
                "source": e["source"],
                "target": e["target"],
                "code": e["code"],
                "root": e["root"],
                "num_articles": e["num_articles"],
                "num_sources": e["num_sources"],
                "num_mentions": e["num_mentions"],
                "evidence": e["evidence"],
                "article": e["article_id"],
            }
            for e in row["events"]
        ],
    }


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def jsonl(objects: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)


def csv_text(objects: Sequence[dict[str, Any]], fields: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    for obj in objects:
        row = []
        for name in fields:
            value = obj.get(name)
            if isinstance(value, dict):
                value = value.get("name") if value else ""
            elif isinstance(value, list):
                value = "-".join(str(v) for v in value)
            row.append("" if value is None else value)
        writer.writerow(row)
    return buffer.getvalue()


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str], *, width: int | None = None) -> str:
    """A plain-text table that fits the terminal: the last column is cut to what is left."""
    width = width or shutil.get_terminal_size((140, 24)).columns
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, value in enumerate(row[:-1]):
            widths[i] = min(max(widths[i], len(value)), 28)
    used = sum(widths[:-1]) + 2 * (len(headers) - 1)
    widths[-1] = max(20, width - used)

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, value in enumerate(values):
            w = widths[i]
            parts.append(value if len(value) <= w else value[: w - 1] + "…")
        return "  ".join(p.ljust(widths[i]) for i, p in enumerate(parts)).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(out) + "\n"


def events_table(events: Sequence[dict[str, Any]]) -> str:
    rows = []
    for e in events:
        place = e["place"]["name"] if e["place"] else ""
        who_from = e["source"] or "-"
        if e["source_name"]:
            who_from += f" ({e['source_name']})"
        who_to = e["target"] or "-"
        if e["target_name"]:
            who_to += f" ({e['target_name']})"
        flags = ("bg " if e["background"] else "") + ("intent" if e["modality"] == "intent" else "")
        told = e.get("num_articles") or ""
        rows.append((e["date"], who_from, e["code"], who_to, place, flags.strip(), told, e["evidence"]))
    return table(rows, ("date", "source", "code", "target", "place", "flags", "articles", "evidence"))


def stories_table(stories: Sequence[dict[str, Any]]) -> str:
    rows = []
    for s in stories:
        days = s["first_published"] or ""
        if s["last_published"] and s["last_published"] != s["first_published"]:
            days += f" - {s['last_published']}"
        top = max(s["events"], key=lambda e: e["num_articles"], default=None)
        event = f"{top['source'] or '-'} {top['code']} {top['target'] or '-'} ×{top['num_articles']}" if top else ""
        rows.append((s["id"], days, s["num_articles"], s["num_sources"], len(s["events"]), event, s["title"] or ""))
    return table(rows, ("story", "published", "articles", "sources", "events", "main event", "title"))


def articles_table(articles: Sequence[dict[str, Any]]) -> str:
    rows = [(a["id"], a["published"] or "", a["title"] or "", f"{len(a['body'].split())} words") for a in articles]
    return table(rows, ("id", "published", "title", "body"))


def quotes_table(quotes: Sequence[dict[str, Any]]) -> str:
    rows = []
    for q in quotes:
        who = q["speaker_code"] or "-"
        if q["speaker_name"] or q["speaker"]:
            who += f" ({q['speaker_name'] or q['speaker']})"
        text = f"“{q['text']}”" + (" (partial)" if q["partial"] else "")
        rows.append((q["article"], q["sentence_index"], who, q["method"], text))
    return table(rows, ("article", "sentence", "speaker", "found by", "quote"))
