"""The actor knowledge base: countries, organisations, people with dated roles, agents and titles.

Loaded from the packaged YAML files in ``wirecoder/data/actors/`` and then from any user files,
which add entries or override packaged ones with the same code/id. Every file read is recorded
with its sha256 so a run can say exactly which dictionaries coded it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from wirecoder.errors import DictionaryError

HEAD_KINDS = ("head_of_state", "head_of_government")


@dataclass(frozen=True, slots=True)
class Seat:
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[Seat, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    names: tuple[str, ...]
    kind: str = "igo"
    country: str | None = None
    # Peace operations: the countries where the mission serves ("the UN peacekeeping force in Lebanon").
    deployed: tuple[str, ...] = ()
    # Cities that stand for the organisation in a story that names it ("Brussels paid out" -> the EU).
    seats: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleSpell:
    office: str
    kind: str
    code: str
    country: str | None = None
    org: str | None = None
    start: date | None = None
    end: date | None = None  # exclusive: the first day the office was no longer held
    also: tuple[str, ...] = ()

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def kinds(self) -> tuple[str, ...]:
        return (self.kind, *self.also)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    surname: str
    country: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[RoleSpell, ...] = ()

    def spells_on(self, day: date) -> tuple[RoleSpell, ...]:
        return tuple(r for r in self.roles if r.active_on(day))

    def held_office_before(self, day: date) -> bool:
        return any(r.start is not None and r.start <= day and not r.active_on(day) for r in self.roles)


@dataclass(frozen=True, slots=True)
class Title:
    title: str
    words: tuple[str, ...]
    kind: str
    # An office that belongs to one country wherever it is written ("the pope" is the Holy See's).
    country: str | None = None


@dataclass(frozen=True, slots=True)
class DictionaryFile:
    path: str
    sha256: str


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    countries: Mapping[str, Country]
    organisations: Mapping[str, Organisation]
    people: Mapping[str, Person]
    agents: Mapping[str, str]  # lowercase word(s) -> role code
    titles: Mapping[str, Title]  # lowercase word(s) -> title
    files: tuple[DictionaryFile, ...] = field(default=())

    def holders(self, kind: str, country: str | None, day: date) -> tuple[tuple[Person, RoleSpell], ...]:
        """Everyone holding an office of ``kind`` in ``country`` on ``day``."""
        found: list[tuple[Person, RoleSpell]] = []
        for person in self.people.values():
            for spell in person.spells_on(day):
                if kind in spell.kinds() and (country is None or spell.country == country):
                    found.append((person, spell))
        return tuple(found)


PACKAGED_FILES = ("countries.yaml", "organisations.yaml", "people.yaml", "agents.yaml")


def _as_tuple(value: Any, *, path: str, line: int | None, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise DictionaryError(f"{what} must be a string or a list of strings", path=path, line=line)


def _as_date(value: Any, *, path: str, line: int | None, what: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise DictionaryError(f"{what} must be an ISO date (YYYY-MM-DD), got {value!r}", path=path, line=line)


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A YAML loader that remembers the line of every mapping, for error messages.

    It uses libyaml where PyYAML was built with it: the people files load ~8x faster.
    """


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _require(row: Mapping[str, Any], key: str, *, path: str) -> Any:
    if key not in row or row[key] in (None, ""):
        raise DictionaryError(f"missing required field {key!r}", path=path, line=row.get("__line__"))
    return row[key]


def _country(row: Mapping[str, Any], path: str) -> Country:
    line = row.get("__line__")
    code = str(_require(row, "code", path=path)).upper()
    name = str(_require(row, "name", path=path))
    seats = []
    for seat in row.get("seats") or []:
        if not isinstance(seat, Mapping) or "name" not in seat:
            raise DictionaryError("each seat needs a name and a role", path=path, line=line)
        seats.append(Seat(name=str(seat["name"]), role=str(seat.get("role") or "GOV").upper()))
    names = _as_tuple(row.get("names"), path=path, line=line, what="names")
    return Country(
        code=code,
        name=name,
        names=names or (name,),
        adjectives=_as_tuple(row.get("adjectives"), path=path, line=line, what="adjectives"),
        demonyms=_as_tuple(row.get("demonyms"), path=path, line=line, what="demonyms"),
        capitals=_as_tuple(row.get("capitals"), path=path, line=line, what="capitals"),
        seats=tuple(seats),
    )


def _organisation(row: Mapping[str, Any], path: str) -> Organisation:
    line = row.get("__line__")
    name = str(_require(row, "name", path=path))
    names = _as_tuple(row.get("names"), path=path, line=line, what="names")
    country = row.get("country")
    return Organisation(
        code=str(_require(row, "code", path=path)).upper(),
        name=name,
        names=names or (name,),
        kind=str(row.get("kind") or "igo"),
        country=str(country).upper() if country else None,
        deployed=tuple(c.upper() for c in _as_tuple(row.get("deployed"), path=path, line=line, what="deployed")),
        seats=_as_tuple(row.get("seats"), path=path, line=line, what="seats"),
    )


def _spell(row: Mapping[str, Any], path: str, person_country: str | None) -> RoleSpell:
    line = row.get("__line__")
    office = str(_require(row, "office", path=path))
    country = row.get("country", person_country)
    country = str(country).upper() if country else None
    org = str(row["org"]).upper() if row.get("org") else None
    code = row.get("code") or (org if org else f"{country}GOV" if country else None)
    if not code:
        raise DictionaryError("a role needs a code, a country or an org", path=path, line=line)
    start = _as_date(row.get("start"), path=path, line=line, what="start")
    end = _as_date(row.get("end"), path=path, line=line, what="end")
    if start and end and end <= start:
        raise DictionaryError(f"role {office!r} ends ({end}) before it starts ({start})", path=path, line=line)
    return RoleSpell(
        office=office,
        kind=str(row.get("kind") or "other"),
        code=str(code).upper(),
        country=country,
        org=org,
        start=start,
        end=end,
        also=_as_tuple(row.get("also"), path=path, line=line, what="also"),
    )


def _person(row: Mapping[str, Any], path: str) -> Person:
    line = row.get("__line__")
    name = str(_require(row, "name", path=path))
    country = str(row["country"]).upper() if row.get("country") else None
    roles = row.get("roles") or []
    if not isinstance(roles, list):
        raise DictionaryError("roles must be a list", path=path, line=line)
    surname = row.get("surname") or name.split()[-1]
    return Person(
        id=str(row.get("id") or name.lower().replace(" ", "-")),
        name=name,
        surname=str(surname),
        country=country,
        aliases=_as_tuple(row.get("aliases"), path=path, line=line, what="aliases"),
        roles=tuple(_spell(r, path, country) for r in roles),
    )


@dataclass
class _Builder:
    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    files: list[DictionaryFile] = field(default_factory=list)
    # Packaged files must not define an entry twice (a silent override hides a data error); user
    # files may, because overriding packaged entries is what they are for.
    strict: bool = False

    def add_section(self, section: str, rows: Any, path: str) -> None:
        if section == "agents" or section == "titles":
            self._add_lexicon(section, rows, path)
            return
        if not isinstance(rows, list):
            raise DictionaryError(f"section {section!r} must be a list of entries", path=path)
        for row in rows:
            if not isinstance(row, Mapping):
                raise DictionaryError(f"each {section} entry must be a mapping", path=path)
            if section == "countries":
                c = _country(row, path)
                self.countries[c.code] = c
            elif section == "organisations":
                o = _organisation(row, path)
                self.organisations[o.code] = o
            elif section == "people":
                p = _person(row, path)
                if self.strict and p.id in self.people:
                    raise DictionaryError(f"person id {p.id!r} is defined twice", path=path, line=row.get("__line__"))
                self.people[p.id] = p
            else:
                raise DictionaryError(f"unknown section {section!r}", path=path)

    def _add_lexicon(self, section: str, rows: Any, path: str) -> None:
        if not isinstance(rows, list):
            raise DictionaryError(f"{section} must be a list", path=path)
        for row in rows:
            if not isinstance(row, Mapping):
                raise DictionaryError(f"each {section} entry must be a mapping", path=path)
            line = row.get("__line__")
            words = _as_tuple(row.get("words"), path=path, line=line, what="words")
            if section == "agents":
                role = str(_require(row, "role", path=path)).upper()
                for word in words:
                    self.agents[word.lower()] = role
            else:
                title = Title(
                    title=str(_require(row, "title", path=path)),
                    words=tuple(w.lower() for w in words),
                    kind=str(_require(row, "kind", path=path)),
                    country=str(row["country"]).upper() if row.get("country") else None,
                )
                for word in title.words:
                    self.titles[word] = title

    def build(self) -> KnowledgeBase:
        return KnowledgeBase(
            countries=dict(self.countries),
            organisations=dict(self.organisations),
            people=dict(self.people),
            agents=dict(self.agents),
            titles=dict(self.titles),
            files=tuple(self.files),
        )


_SECTION_BY_FILE = {
    "countries.yaml": "countries",
    "organisations.yaml": "organisations",
    "people.yaml": "people",
}


def _section_of(path: Path) -> str | None:
    """The section a bare list in this file holds: known file names, and any file in a ``people`` folder."""
    return _SECTION_BY_FILE.get(path.name) or ("people" if path.parent.name == "people" else None)


def _load_text(builder: _Builder, text: str, path: str, default_section: str | None, *, packaged: bool = False) -> None:
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DictionaryError(f"not valid YAML: {e}", path=path, line=mark.line + 1 if mark else None) from e
    builder.files.append(DictionaryFile(path=path, sha256=hashlib.sha256(text.encode()).hexdigest()))
    builder.strict = packaged
    if data is None:
        return
    if isinstance(data, list):
        if default_section is None:
            raise DictionaryError(
                "a dictionary file must be a mapping with sections (countries, organisations, people, agents, titles)",
                path=path,
            )
        builder.add_section(default_section, data, path)
        return
    if not isinstance(data, Mapping):
        raise DictionaryError("a dictionary file must be a mapping of sections", path=path)
    for section, rows in data.items():
        if section == "__line__":
            continue
        builder.add_section(str(section), rows, path)


def load_knowledge_base(extra: Sequence[str | Path] = (), *, strict_extra: bool = False) -> KnowledgeBase:
    """Load the packaged knowledge base, then each user file in ``extra`` over it.

    With ``strict_extra`` a user file may not redefine a person the base already has (used to check
    a file meant to extend the base rather than correct it).
    """
    builder = _Builder()
    base = resources.files("wirecoder") / "data" / "actors"
    for name in PACKAGED_FILES:
        text = (base / name).read_text(encoding="utf-8")
        _load_text(builder, text, f"wirecoder:data/actors/{name}", _SECTION_BY_FILE.get(name), packaged=True)
    # People are split by region into data/actors/people/*.yaml; read in name order so runs are reproducible.
    people_dir = base / "people"
    if people_dir.is_dir():
        for entry in sorted(people_dir.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                text = entry.read_text(encoding="utf-8")
                _load_text(builder, text, f"wirecoder:data/actors/people/{entry.name}", "people", packaged=True)
    for path in extra:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as e:
            raise DictionaryError(f"cannot read dictionary: {e.strerror}", path=str(p)) from e
        _load_text(builder, text, str(p), _section_of(p), packaged=strict_extra)
    return builder.build()


def all_names(kb: KnowledgeBase) -> Iterable[str]:
    """Every surface name the base knows, for diagnostics."""
    for c in kb.countries.values():
        yield from c.names
    for o in kb.organisations.values():
        yield from o.names
    for p in kb.people.values():
        yield p.name
        yield from p.aliases
