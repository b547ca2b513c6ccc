"""Find every knowledge-base name in a text in one pass (Aho-Corasick), on word boundaries.

Proper names are matched case-sensitively ("US" is a country, "us" is not); titles and agent
nouns ("president", "troops") case-insensitively. Overlapping hits are reduced to the leftmost
longest ones, so "Russian Federation" wins over "Russian" and "Li Keqiang" over "Li".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from wirecoder.actors.kb import KnowledgeBase

HitKind = Literal[
    "country",
    "adjective",
    "demonym",
    "capital",
    "seat",
    "organisation",
    "person",
    "surname",
    "title",
    "agent",
]


@dataclass(frozen=True, slots=True)
class Entry:
    kind: HitKind
    ref: str  # country/org code, person id, role code or title word
    role: str | None = None  # for seats: the role they stand for


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]

    def first(self, *kinds: HitKind) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None

    def has(self, *kinds: HitKind) -> bool:
        return self.first(*kinds) is not None


# Surnames that are also everyday capitalised words; alone they resolve only through context.
COMMON_WORD_SURNAMES = frozenset(
    {"May", "Major", "Brown", "Young", "King", "Rice", "Cross", "Long", "Hunt", "Church", "Power", "Bush"}
    # Days and months are surnames too (Godwin Friday), and far more often just dates.
    | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    | {"January", "February", "March", "April", "June", "July", "August", "September", "October", "November"}
    | {"December", "Said", "Rich", "Little", "Strong", "White", "Black", "Green", "Love", "Hope"}
    # Words, places, brands and titles news capitalises for other reasons ("Bondi Beach", "the Shah",
    # "Han Chinese", "Pan-African", "Shaheen missiles", "Ashkenazi Jews", "Nielsen ratings").
    | {"Wine", "Snow", "Earnest", "Price", "Craft", "Burns", "Pace", "Ridge", "Holder", "Sessions", "Meadows"}
    | {"Bondi", "Kellogg", "Nielsen", "Shalom", "Bar", "Ashkenazi", "Shah", "Han", "Pan", "Shaheen", "Yen"}
    # Surnames so widespread that alone they are more often someone the base does not know.
    | {"Khan", "Miller", "Jones", "Johnson", "Kelly", "Lynch", "Patel", "Cohen", "Gandhi", "Lopez", "Gonzalez"}
    | {"Guzman", "Gil"}
)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters ("İ") lower to two; keep them so offsets stay aligned with the text.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Gazetteer:
    """Built once from a knowledge base; ``find`` is cheap per text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        cased: dict[str, list[Entry]] = {}
        folded: dict[str, list[Entry]] = {}

        stems: set[str] = set()

        def add(table: dict[str, list[Entry]], key: str, entry: Entry) -> None:
            key = key.strip()
            if key.endswith("*") and table is cased:
                # "Argentin*": a stem that matches any word it begins (Argentina, Argentine, Argentinian)
                key = key[:-1].rstrip()
                stems.add(key)
            if not key:
                return
            bucket = table.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

        for c in kb.countries.values():
            for name in c.names:
                add(cased, name, Entry("country", c.code))
                if name.startswith("the "):
                    add(cased, "The " + name[4:], Entry("country", c.code))
            for adj in c.adjectives:
                add(cased, adj, Entry("adjective", c.code))
            for dem in c.demonyms:
                add(cased, dem, Entry("demonym", c.code))
            for cap in c.capitals:
                add(cased, cap, Entry("capital", c.code))
            for seat in c.seats:
                add(cased, seat.name, Entry("seat", c.code, seat.role))
        for o in kb.organisations.values():
            for name in o.names:
                add(cased, name, Entry("organisation", o.code))
        for p in kb.people.values():
            for name in (p.name, *p.aliases):
                add(cased, name, Entry("person", p.id))
            if p.surname:
                add(cased, p.surname, Entry("surname", p.id))
        for word in kb.titles:
            add(folded, word, Entry("title", word))
        for word, role in kb.agents.items():
            add(folded, word, Entry("agent", role))

        self._cased = self._automaton(cased, stems)
        self._folded = self._automaton(folded, set())

    @staticmethod
    def _automaton(table: dict[str, list[Entry]], stems: set[str]) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key, entries in table.items():
            automaton.add_word(key, (len(key), tuple(entries), key in stems))
        if len(automaton) == 0:
            automaton.add_word("\x00", (1, (), False))  # an empty automaton cannot be finalised
        automaton.make_automaton()
        return automaton

    @staticmethod
    def _scan(automaton: ahocorasick.Automaton, haystack: str, text: str) -> Iterator[Hit]:
        for end_index, (length, entries, stem) in automaton.iter(haystack):
            end = end_index + 1
            start = end - length
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            if end < len(text) and _is_word_char(text[end]):
                if not stem:
                    continue
                while end < len(text) and _is_word_char(text[end]):
                    end += 1
            yield Hit(start, end, text[start:end], entries)

    def find(self, text: str) -> list[Hit]:
        """Leftmost-longest, non-overlapping hits in ``text``."""
        hits = list(self._scan(self._cased, text, text))
        hits.extend(self._scan(self._folded, _lower_same_length(text), text))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        chosen: list[Hit] = []
        last_end = -1
        for hit in hits:
            if hit.start >= last_end:
                chosen.append(hit)
                last_end = hit.end
        return chosen
