"""Matching coded events (as ``wirecoder events --format jsonl`` prints them) against expectations."""

from __future__ import annotations

from datetime import date
from typing import Any


def actor_ok(expected: str | None, actual: str | None) -> bool:
    """An expected bare country ("RUS") accepts any role of it; an expected role code must match."""
    if expected is None:
        return actual is None
    return actual is not None and actual.startswith(expected)


def date_ok(spec: dict[str, Any], event: dict[str, Any]) -> bool:
    day = date.fromisoformat(event["date"])
    if "date" in spec:
        return day == date.fromisoformat(spec["date"])
    if "date_range" in spec:
        low, high = (date.fromisoformat(d) for d in spec["date_range"])
        return low <= day <= high
    return True


def matches(spec: dict[str, Any], event: dict[str, Any], *, check_background: bool = True) -> bool:
    if event["code"] not in [spec["code"], *spec.get("accept", [])]:
        return False
    directions = [(event["source"], event["source_name"], event["target"], event["target_name"])]
    if spec.get("either_direction"):
        directions.append((event["target"], event["target_name"], event["source"], event["source_name"]))
    sources = [spec["source"], *spec.get("also_source", [])]
    for src, src_name, tgt, tgt_name in directions:
        if not any(actor_ok(s, src) or (s == "EUR" and src == "IGOEUREEC") for s in sources):
            continue
        if not actor_ok(spec["target"], tgt):
            continue
        if "source_person" in spec and src_name != spec["source_person"]:
            continue
        if "target_person" in spec and tgt_name != spec["target_person"]:
            continue
        if not date_ok(spec, event):
            continue
        if check_background and event["background"] != bool(spec.get("background", False)):
            continue
        if "place" in spec and event["place"] != spec["place"]:
            continue
        return True
    return False


def violates(item: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether an event is what a ``must_not`` entry of the sample expectations forbids."""
    if "code_prefix" in item and not event["code"].startswith(item["code_prefix"]):
        return False
    pairs = [(event["source"], event["target"]), (event["target"], event["source"])]
    wanted = (item.get("source"), item.get("target"))
    if wanted != (None, None) and not any(
        (wanted[0] is None or actor_ok(wanted[0][:3], s)) and (wanted[1] is None or actor_ok(wanted[1][:3], t))
        for s, t in pairs
    ):
        return False
    if "evidence" in item and item["evidence"] not in event["evidence"]:
        return False
    return date_ok(item, event)
