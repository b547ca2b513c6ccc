"""Printing an evaluation report: tables for people, one JSON object for programs."""

from __future__ import annotations

from typing import Any

from wirecoder.evaluate.score import ACTOR_MODES, HEADLINE, LEVELS, Counts, Report

_MODE_NAMES = {"any": "code only", "country": "+ countries", "actor": "+ actor codes"}


def report_json(report: Report, *, misses: int | None = None) -> dict[str, Any]:
    listed = report.misses if misses is None else report.misses[:misses]
    return {
        "items": report.items,
        "gold_events": report.gold_events,
        "coded_events": report.coded_events,
        "headline": {"level": HEADLINE[0], "actors": HEADLINE[1], **report.overall[HEADLINE].as_dict()},
        "overall": {
            f"{level}/{mode}": report.overall[(level, mode)].as_dict() for level in LEVELS for mode in ACTOR_MODES
        },
        "by_root": {root: c.as_dict() for root, c in report.by_root.items()},
        "by_phenomenon": {tag: c.as_dict() for tag, c in report.by_phenomenon.items()},
        "no_event_items": {tag: {"silent": kept, "of": of} for tag, (kept, of) in report.silent_items.items()},
        "date_accuracy": {
            "right": report.dates_right,
            "checked": report.dates_checked,
            "accuracy": round(report.date_accuracy, 4),
        },
        "misses": [
            {
                "kind": m.kind,
                "id": m.item.id,
                "origin": m.item.origin,
                "code": m.code,
                "source": m.source,
                "target": m.target,
                "detail": m.detail,
                "text": m.item.text,
            }
            for m in listed
        ],
    }


def _row(name: str, counts: Counts) -> str:
    return (
        f"{name:<22} {counts.tp:>5} {counts.fp:>5} {counts.fn:>5}"
        f"  {counts.precision:>6.3f} {counts.recall:>6.3f} {counts.f1:>6.3f}"
    )


_HEADER = f"{'':<22} {'tp':>5} {'fp':>5} {'fn':>5}  {'P':>6} {'R':>6} {'F1':>6}"


def report_table(report: Report, *, misses: int | None = 50) -> str:
    head = report.overall[HEADLINE]
    lines = [
        f"{report.items} gold items, {report.gold_events} gold events, {report.coded_events} coded events",
        f"headline (root code, source and target countries): P {head.precision:.3f}  R {head.recall:.3f}  "
        f"F1 {head.f1:.3f}",
        f"dates right on matched events: {report.dates_right}/{report.dates_checked} = {report.date_accuracy:.3f}",
        "",
        "by code level and actor agreement",
        _HEADER,
    ]
    for level in LEVELS:
        for mode in ACTOR_MODES:
            lines.append(_row(f"{level:<5} {_MODE_NAMES[mode]}", report.overall[(level, mode)]))
    lines += ["", "by CAMEO root (root code + countries)", _HEADER]
    lines += [_row(root, counts) for root, counts in report.by_root.items()]
    lines += ["", "by phenomenon (root code + countries)", _HEADER]
    for tag, counts in report.by_phenomenon.items():
        silent = report.silent_items.get(tag)
        extra = f"   no-event items kept silent {silent[0]}/{silent[1]}" if silent else ""
        lines.append(_row(tag, counts) + extra)
    if "all" in report.silent_items:
        kept, of = report.silent_items["all"]
        lines.append(f"items that must produce no event: {kept}/{of} produced none")
    shown = report.misses if misses is None else report.misses[:misses]
    if shown:
        lines += ["", f"misses and false alarms ({len(shown)} of {len(report.misses)})"]
        for m in shown:
            label = "MISS " if m.kind == "miss" else "FALSE"
            lines.append(f"{label} {m.item.id:<12} {m.code:<5} {m.source}->{m.target}  ({m.detail})")
            lines.append(f"      {m.item.text[:160]}")
    return "\n".join(lines) + "\n"
