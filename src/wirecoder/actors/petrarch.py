"""Import actor and agent dictionaries in the PETRARCH/TABARI formats into wirecoder's YAML schema.

Actors file (one entry per phrase; ``#`` starts a comment; ``<!-- -->`` blocks are comments)::

    UNITED_STATES  [USA]          a phrase and its code; words joined by ``_`` or spaces
    +U.S.                         a synonym of the entry above
    GOLLUM                        an entry coded by date only:
        [HOB < 950601]            before 1995-06-01
        [HOBGOV 19950601 - 19990815]   from .. to, both days included
        [HOBREB > 990816]         after 1999-08-16
        [ZBW]                     the code on any other day

A phrase without a trailing ``_`` matches words it begins ("ARGENTIN" -> Argentina, Argentine);
where date blocks overlap, the one listed first wins; ``[---]`` codes nothing. Dates are YYMMDD
(19YY from 30 up, else 20YY) or YYYYMMDD.

Agents file: ``!MACRO! = WORD, WORD`` defines substitutions; ``PHRASE {PLURALS} [~ROLE]`` gives a
role code placed after the country code. Without ``{}`` a regular plural is added; ``{}`` lists the
plurals (none when empty). Agents whose code goes before the country (``[NGO~]``) have no
equivalent in wirecoder and are reported as skipped.

Undated actors become organisations (one per code, kind ``imported``); dated actors become people
whose role spells carry the dated codes, with the default code filling the days between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from wirecoder.actors.kb import Country
from wirecoder.errors import DictionaryError

_BLOCK_COMMENT = re.compile(r"<!\s*--.*?-->", re.DOTALL)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"^\s*(\S+)\s*(?:(<|>)\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))\s*$")
_LOWER_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "de", "del", "la"})


@dataclass
class _Actor:
    line: int
    phrases: list[str]
    default: str | None = None
    has_default: bool = False
    dated: list[tuple[str | None, date | None, date | None]] = field(default_factory=list)


@dataclass
class ImportResult:
    """The dictionary in wirecoder's schema (``as_yaml_data``) and what could not be carried over."""

    countries: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    agents: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def as_yaml_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.countries:
            data["countries"] = self.countries
        if self.organisations:
            data["organisations"] = self.organisations
        if self.people:
            data["people"] = self.people
        if self.agents:
            data["agents"] = self.agents
        return data


def _strip_comments(text: str) -> list[str]:
    # Block comments are blanked line for line so that reported line numbers stay right.
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return [line.split("#", 1)[0].rstrip() for line in text.splitlines()]


def _day(value: str, path: str, line: int) -> date:
    try:
        if len(value) == 6:
            year = int(value[:2])
            return date(1900 + year if year >= 30 else 2000 + year, int(value[2:4]), int(value[4:6]))
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError as e:
        raise DictionaryError(f"bad date {value!r} in a date restriction", path=path, line=line) from e


def _code(raw: str) -> str | None:
    code = raw.strip().upper()
    return None if code in ("", "---") else code


def phrase_forms(phrase: str) -> list[str]:
    """The spellings wirecoder matches for a PETRARCH phrase: Title Case and UPPER, stem-marked."""
    phrase = phrase.strip()
    exact = phrase.endswith("_")
    words = [w for w in re.split(r"[_\s]+", phrase) if w]
    if not words:
        return []
    titled = []
    for i, word in enumerate(words):
        lowered = word.lower()
        if "." in word:
            titled.append(word)  # U.N., K.U.: initials keep their case
        elif i > 0 and lowered in _LOWER_WORDS:
            titled.append(lowered)
        else:
            titled.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    forms = [" ".join(titled), " ".join(words).upper()]
    if titled[0] == "The" and len(titled) > 1:
        forms.append(" ".join(["the", *titled[1:]]))
    # Single letters or initials are not stems ("U.S." must not match "U.S.A.-based").
    stem = not exact and words[-1][-1:].isalpha()
    return list(dict.fromkeys(f + "*" if stem else f for f in forms))


def parse_actors(text: str, path: str) -> tuple[list[_Actor], list[str]]:
    actors: list[_Actor] = []
    skipped: list[str] = []
    current: _Actor | None = None
    for number, line in enumerate(_strip_comments(text), start=1):
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if current is None:
                raise DictionaryError("a synonym (+) before any entry", path=path, line=number)
            current.phrases.append(stripped[1:].strip())
            continue
        if line[:1].isspace() and stripped.startswith("["):
            if current is None:
                raise DictionaryError("a code block before any entry", path=path, line=number)
            _code_block(current, stripped, path, number, skipped)
            continue
        blocks = _CODE_BLOCK.findall(line)
        phrase = _CODE_BLOCK.sub("", line).strip()
        if not phrase:
            raise DictionaryError(f"an entry without a phrase: {stripped!r}", path=path, line=number)
        current = _Actor(line=number, phrases=[phrase])
        actors.append(current)
        for block in blocks:
            _code_block(current, f"[{block}]", path, number, skipped)
    return actors, skipped


def _code_block(actor: _Actor, block: str, path: str, line: int, skipped: list[str]) -> None:
    inner = block.strip()[1:-1].strip()
    head, _, rest = inner.partition(" ")
    if "/" in head:
        first = head.split("/")[0]
        skipped.append(f"{path}:{line}: several codes {head!r}; kept only {first!r}")
        inner = f"{first} {rest}".strip()
    if inner.startswith(("+++", "###")):
        skipped.append(f"{path}:{line}: special code {inner!r} has no wirecoder equivalent; entry left uncoded")
        actor.has_default = True
        return
    dated = _DATED.match(inner)
    if dated is None:
        actor.default = _code(inner)
        actor.has_default = True
        return
    code = _code(dated.group(1))
    if dated.group(2) == "<":
        actor.dated.append((code, None, _day(dated.group(3), path, line)))
    elif dated.group(2) == ">":
        actor.dated.append((code, _day(dated.group(3), path, line) + timedelta(days=1), None))
    else:
        start, last = _day(dated.group(4), path, line), _day(dated.group(5), path, line)
        if last < start:
            raise DictionaryError(f"date range ends before it starts: {inner!r}", path=path, line=line)
        actor.dated.append((code, start, last + timedelta(days=1)))


Interval = tuple[date | None, date | None]  # [start, end), None = unbounded


def _subtract(interval: Interval, covered: Iterable[Interval]) -> list[Interval]:
    """The parts of ``interval`` not in any of ``covered``."""
    pieces = [interval]
    for c_start, c_end in covered:
        next_pieces: list[Interval] = []
        for start, end in pieces:
            lo, hi = start or date.min, end or date.max
            c_lo, c_hi = c_start or date.min, c_end or date.max
            if c_hi <= lo or c_lo >= hi:
                next_pieces.append((start, end))
                continue
            if c_lo > lo:
                next_pieces.append((start, c_start))
            if c_hi < hi:
                next_pieces.append((c_end, end))
        pieces = next_pieces
    return pieces


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def convert_actors(
    actors: list[_Actor], skipped: list[str], path: str, known_countries: Mapping[str, Country] | None = None
) -> ImportResult:
    """Undated three-letter codes become countries (so "Arnor cleric" is ARNREL), other undated codes
    organisations, dated entries people. ``known_countries``: the base's countries, kept whole."""
    known_countries = known_countries or {}
    result = ImportResult(skipped=skipped)
    by_code: dict[str, dict[str, Any]] = {}
    seen_ids: set[str] = set()
    for actor in actors:
        names = [form for phrase in actor.phrases for form in phrase_forms(phrase)]
        display = names[0].rstrip("*")
        if not actor.dated:
            if actor.default is None:
                if not actor.has_default:
                    skipped.append(f"{path}:{actor.line}: {actor.phrases[0]!r} has no code")
                continue
            entry = by_code.setdefault(
                actor.default, {"code": actor.default, "name": display, "names": [], "kind": "imported"}
            )
            entry["names"].extend(n for n in names if n not in entry["names"])
            continue
        covered: list[Interval] = []
        spells: list[dict[str, Any]] = []
        for code, start, end in actor.dated:
            for piece in _subtract((start, end), covered):
                if code is not None:
                    spells.append(_spell(code, piece))
            covered.append((start, end))
        if actor.default is not None:
            spells.extend(_spell(actor.default, piece) for piece in _subtract((None, None), covered))
        if not spells:
            skipped.append(f"{path}:{actor.line}: {actor.phrases[0]!r} codes nothing on any day")
            continue
        person_id = _slug(display)
        while person_id in seen_ids:
            person_id += "-x"
        seen_ids.add(person_id)
        main_code = actor.default or next(s["code"] for s in spells)
        result.people.append(
            {
                "id": f"petrarch-{person_id}",
                "name": display,
                "aliases": names,
                "surname": display,  # PETRARCH phrases are whole names: no second reference by one word
                "country": main_code[:3],
                "roles": sorted(spells, key=lambda s: s["start"] or date.min),
            }
        )
    for code, entry in by_code.items():
        if len(code) == 3 and code.isalpha():
            # A country: its names also work as adjectives before agents ("Arnor cleric" -> ARNREL).
            # One the base knows keeps everything the base has, since a user entry replaces it whole.
            plain = [n.rstrip("*") for n in entry["names"]]
            known = known_countries.get(code)
            if known is None:
                result.countries.append(
                    {"code": code, "name": entry["name"], "names": entry["names"], "adjectives": plain}
                )
                continue
            result.countries.append(
                {
                    "code": code,
                    "name": known.name,
                    "names": list(dict.fromkeys([*known.names, *entry["names"]])),
                    "adjectives": list(dict.fromkeys([*known.adjectives, *plain])),
                    "demonyms": list(known.demonyms),
                    "capitals": list(known.capitals),
                    "seats": [{"name": seat.name, "role": seat.role} for seat in known.seats],
                }
            )
        else:
            result.organisations.append(entry)
    return result


def _spell(code: str, piece: Interval) -> dict[str, Any]:
    return {
        "office": "imported role",
        "kind": "other",
        "code": code,
        "country": code[:3],
        "start": piece[0],
        "end": piece[1],
    }


def parse_agents(text: str, path: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Agents as wirecoder ``agents`` entries ({role, words}), and the lines that could not be used."""
    macros: dict[str, list[str]] = {}
    by_role: dict[str, list[str]] = {}
    skipped: list[str] = []
    for number, line in enumerate(_strip_comments(text), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        macro = re.match(r"^(![A-Z_]+!)\s*=\s*(.+)$", stripped)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        match = re.match(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$", stripped)
        if match is None:
            raise DictionaryError(f"not an agent line: {stripped!r}", path=path, line=number)
        code = match["code"].replace(" ", "").upper()
        if not code.startswith("~"):
            skipped.append(
                f"{path}:{number}: {match['phrase']!r} [{code}]: codes placed before the country are not supported"
            )
            continue
        role = code[1:]
        if not re.fullmatch(r"(?:[A-Z]{3})+", role):
            skipped.append(f"{path}:{number}: {match['phrase']!r}: role {role!r} is not made of CAMEO role codes")
            continue
        phrases = [match["phrase"]]
        if match["plurals"] is None:
            phrases.append(_plural(match["phrase"]))
        else:
            phrases.extend(p for p in match["plurals"].split(",") if p.strip())
        words = by_role.setdefault(role, [])
        for phrase in phrases:
            for expanded in _expand(phrase.strip(), macros):
                word = " ".join(w for w in re.split(r"[_\s]+", expanded.lower()) if w)
                if word and word not in words:
                    words.append(word)
    return [{"role": role, "words": words} for role, words in by_role.items()], skipped


def _plural(phrase: str) -> str:
    if phrase.endswith(("S", "X", "CH", "SH")):
        return phrase + "ES"
    if phrase.endswith("Y") and phrase[-2:-1] not in "AEIOU":
        return phrase[:-1] + "IES"
    return phrase + "S"


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"![A-Z_]+!", phrase)
    if found is None or found.group(0) not in macros:
        return [phrase]
    out: list[str] = []
    for alternative in macros[found.group(0)]:
        out.extend(_expand(phrase[: found.start()] + alternative + phrase[found.end() :], macros))
    return out


def import_petrarch(
    actors_text: str | None,
    agents_text: str | None,
    *,
    actors_path: str = "actors",
    agents_path: str = "agents",
    known_countries: Mapping[str, Country] | None = None,
) -> ImportResult:
    """Convert a PETRARCH actors file and/or agents file (``known_countries``: the base's countries)."""
    result = ImportResult()
    if actors_text is not None:
        parsed, skipped = parse_actors(actors_text, actors_path)
        result = convert_actors(parsed, skipped, actors_path, known_countries)
    if agents_text is not None:
        agents, skipped = parse_agents(agents_text, agents_path)
        result.agents = agents
        result.skipped.extend(skipped)
    return result
