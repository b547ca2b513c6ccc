"""Matching coded events to gold events and counting what agrees.

An event matches a gold event at a code *level* (root: 2 digits, base: 3, full: the whole code,
any of the gold's accepted codes) and an *actor* mode: ``any`` ignores the actors, ``country``
compares each side's country (or organisation), ``actor`` the whole actor code. Each gold event is
matched to at most one coded event and the other way round.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from wirecoder.evaluate.gold import GoldEvent, GoldItem
from wirecoder.records import Event

Level = Literal["root", "base", "full"]
ActorMode = Literal["any", "country", "actor"]
LEVELS: tuple[Level, ...] = ("root", "base", "full")
ACTOR_MODES: tuple[ActorMode, ...] = ("any", "country", "actor")
_LEVEL_DIGITS = {"root": 2, "base": 3, "full": 4}
# Codes whose first letters name a body, not a country: the body is the "country".
_BODY_PREFIXES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG"})


def actor_country(code: str | None) -> str | None:
    """The country an actor code belongs to ("RUSGOV" -> "RUS"), or the body ("IGONAT")."""
    if code is None:
        return None
    return code[:6] if code[:3] in _BODY_PREFIXES else code[:3]


def _code_at(code: str, level: Level) -> str:
    return code[: _LEVEL_DIGITS[level]]


def code_matches(gold: GoldEvent, code: str, level: Level) -> bool:
    return any(_code_at(c, level) == _code_at(code, level) for c in gold.codes)


def _actor_matches(wanted: str | None, found: str | None, mode: ActorMode) -> bool:
    if mode == "any":
        return True
    if mode == "country":
        return actor_country(wanted) == actor_country(found)
    return wanted == found


def actors_match(gold: GoldEvent, event: Event, mode: ActorMode) -> bool:
    directions = [(event.source, event.target)]
    if gold.either_direction:
        directions.append((event.target, event.source))
    return any(
        _actor_matches(gold.source, source, mode) and _actor_matches(gold.target, target, mode)
        for source, target in directions
    )


def date_matches(gold: GoldEvent, event: Event) -> bool:
    day = event.date.day
    if gold.date_range is not None:
        return gold.date_range[0] <= day <= gold.date_range[1]
    if gold.date is not None:
        return day.isoformat().startswith(gold.date)
    return True


def match_item(
    gold: Sequence[GoldEvent], coded: Sequence[Event], level: Level, mode: ActorMode
) -> list[tuple[int, int]]:
    """Pairs (gold index, coded index), one-to-one; exact codes are paired before accepted ones."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for g, wanted in enumerate(gold):
        candidates = [
            (0 if e.code == wanted.code else 1, c)
            for c, e in enumerate(coded)
            if c not in used and code_matches(wanted, e.code, level) and actors_match(wanted, e, mode)
        ]
        if candidates:
            best = min(candidates)[1]
            used.add(best)
            pairs.append((g, best))
    return pairs


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold event no coded event matched (``kind="miss"``) or a coded event no gold event wanted."""

    kind: Literal["miss", "false_alarm"]
    item: GoldItem
    code: str
    source: str | None
    target: str | None
    detail: str


@dataclass
class Report:
    items: int = 0
    gold_events: int = 0
    coded_events: int = 0
    overall: dict[tuple[Level, ActorMode], Counts] = field(default_factory=dict)
    by_root: dict[str, Counts] = field(default_factory=dict)
    by_phenomenon: dict[str, Counts] = field(default_factory=dict)
    silent_items: dict[str, tuple[int, int]] = field(default_factory=dict)  # tag -> (kept silent, of)
    dates_right: int = 0
    dates_checked: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates_checked if self.dates_checked else 1.0


# The headline comparison: root code with the right source and target countries.
HEADLINE: tuple[Level, ActorMode] = ("root", "country")


def score(items: Iterable[GoldItem], coded: Mapping[str, Sequence[Event]]) -> Report:
    report = Report()
    report.overall = {(level, mode): Counts() for level in LEVELS for mode in ACTOR_MODES}
    by_root: dict[str, Counts] = defaultdict(Counts)
    by_phenomenon: dict[str, Counts] = defaultdict(Counts)
    silent: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in items:
        events = list(coded.get(item.id, ()))
        report.items += 1
        report.gold_events += len(item.events)
        report.coded_events += len(events)
        for level in LEVELS:
            for mode in ACTOR_MODES:
                pairs = match_item(item.events, events, level, mode)
                counts = report.overall[(level, mode)]
                counts.tp += len(pairs)
                counts.fn += len(item.events) - len(pairs)
                counts.fp += len(events) - len(pairs)
        pairs = match_item(item.events, events, *HEADLINE)
        matched_gold = {g for g, _ in pairs}
        matched_coded = {c for _, c in pairs}
        item_counts = Counts(len(pairs), len(events) - len(pairs), len(item.events) - len(pairs))
        for g, c in pairs:
            by_root[item.events[g].code[:2]].tp += 1
            if item.events[g].dated:
                report.dates_checked += 1
                if date_matches(item.events[g], events[c]):
                    report.dates_right += 1
        for g, wanted in enumerate(item.events):
            if g not in matched_gold:
                by_root[wanted.code[:2]].fn += 1
                report.misses.append(
                    Miss("miss", item, wanted.code, wanted.source, wanted.target, _closest(wanted, events))
                )
        for c, event in enumerate(events):
            if c not in matched_coded:
                by_root[event.code[:2]].fp += 1
                report.misses.append(
                    Miss("false_alarm", item, event.code, event.source, event.target, f"trigger {event.trigger!r}")
                )
        tags = item.phenomena or ("untagged",)
        for tag in tags:
            by_phenomenon[tag].add(item_counts)
            if not item.events:
                silent[tag][1] += 1
                silent[tag][0] += not events
        if not item.events:
            silent["all"][1] += 1
            silent["all"][0] += not events
    report.by_root = dict(sorted(by_root.items()))
    report.by_phenomenon = dict(sorted(by_phenomenon.items()))
    report.silent_items = {tag: (kept, of) for tag, (kept, of) in sorted(silent.items())}
    return report


def _closest(wanted: GoldEvent, events: Sequence[Event]) -> str:
    """What the coder did instead, to make a miss easy to read."""
    if not events:
        return "no event coded"
    for mode in ("country", "any"):
        for event in events:
            if code_matches(wanted, event.code, "root") and actors_match(wanted, event, mode):
                return f"coded {event.code} {event.source}->{event.target}"
    return "coded " + ", ".join(f"{e.code} {e.source}->{e.target}" for e in events)
