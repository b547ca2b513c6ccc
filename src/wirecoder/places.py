"""Where an event happened: country names, capitals, seats of power and cities, found in text.

Places are only read from the prepositional phrases the coder attaches to an event ("in Singapore",
"at the summit in Jakarta", "in the Kremlin"), so a city whose name is also a common word or a
news agency ("Xinhua") does not turn up by itself.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

import ahocorasick

from wirecoder.actors.kb import KnowledgeBase
from wirecoder.records import Place

# Towns named like common words of news copy: "in March 2022" is not in March, Cambridgeshire, and
# "the police in Police" is rare enough to lose.
_COMMON_WORDS = frozenset(
    {
        "March",
        "May",
        "Police",
        "Union",
        "Independence",
        "Liberty",
        "Central",
        "Deal",
        "Concord",
        "Mobile",
        "Reading",
        "Split",
        "Bath",
        "Progress",
    }
)


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int
    end: int
    place: Place


class PlaceIndex:
    def __init__(self, kb: KnowledgeBase) -> None:
        table: dict[str, Place] = {}
        cities = resources.files("wirecoder") / "data" / "places" / "cities.tsv"
        with cities.open("r", encoding="utf-8") as handle:
            # Rows are sorted by population, so the biggest city of a name wins.
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["name"] not in _COMMON_WORDS:
                    table.setdefault(row["name"], Place(name=row["name"], country=row["country"]))
        regions = resources.files("wirecoder") / "data" / "places" / "regions.tsv"
        with regions.open("r", encoding="utf-8") as handle:
            # Regions, disputed territories and seas news places events in ("the annexation of Crimea").
            for row in csv.DictReader(handle, delimiter="\t"):
                table[row["name"]] = Place(name=row["name"], country=row["country"])
        for country in kb.countries.values():
            for name in country.names:
                table[name] = Place(name=country.name, country=country.code)
            capital = country.capitals[0] if country.capitals else None
            for cap in country.capitals:
                table[cap] = Place(name=cap, country=country.code)
            for seat in country.seats:
                # "in the Kremlin" happened in Moscow.
                table[seat.name] = Place(name=capital or country.name, country=country.code)
        self.names = frozenset(table)
        self._automaton = ahocorasick.Automaton()
        for name, place in table.items():
            self._automaton.add_word(name, (len(name), place))
        self._automaton.make_automaton()

    def find(self, text: str) -> list[PlaceHit]:
        hits: list[PlaceHit] = []
        for end_index, (length, place) in self._automaton.iter(text):
            end = end_index + 1
            start = end - length
            if start > 0 and text[start - 1].isalnum():
                continue
            if end < len(text) and text[end].isalnum():
                continue
            hits.append(PlaceHit(start, end, place))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        chosen: list[PlaceHit] = []
        last_end = -1
        for hit in hits:
            if hit.start >= last_end:
                chosen.append(hit)
                last_end = hit.end
        return chosen
