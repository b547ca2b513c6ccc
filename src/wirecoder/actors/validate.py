"""Check actor dictionary files and report every problem with its file and line.

The loader stops at the first bad entry; this checker reads every entry of every file, so a user
fixing a dictionary sees all problems at once. Errors make a file unusable; warnings point at data
that loads but is probably wrong (a person's country the base does not know, two holders of the
same head office on the same day).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml

from wirecoder.actors.kb import (
    HEAD_KINDS,
    KnowledgeBase,
    Person,
    RoleSpell,
    _country,
    _LineLoader,
    _organisation,
    _person,
    _require,
    _section_of,
)
from wirecoder.errors import DictionaryError

# The office kinds of the README's table: the ranked five, org_head and other, and the kinds that only a
# title in agents.yaml looks up (crown prince, elect, deputies kept apart, the other cabinet posts).
SPELL_KINDS = frozenset(
    {"head_of_state", "head_of_government", "deputy_head", "foreign_minister", "defence_minister", "org_head", "other"}
    | {"crown_prince", "elect", "deputy_foreign_minister", "deputy_defence_minister"}
    | {"interior_minister", "finance_minister", "justice_minister", "trade_minister", "economy_minister"}
    | {"energy_minister", "health_minister", "information_minister", "national_security_adviser"}
)
ORGANISATION_KINDS = frozenset({"igo", "ngo", "armed_group", "movement", "agency", "party", "people", "imported"})
SECTIONS = ("countries", "organisations", "people", "agents", "titles")
_CODE = re.compile(r"^[A-Z0-9]{3,}$")
PERSON_FIELDS = frozenset({"id", "name", "aliases", "surname", "country", "roles"})
SPELL_FIELDS = frozenset({"office", "kind", "also", "country", "org", "code", "start", "end"})


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    severity: Literal["error", "warning"]
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"


def check_files(paths: Sequence[str | Path], base: KnowledgeBase) -> list[Problem]:
    """Every problem in ``paths``, checked against ``base`` (the packaged knowledge base)."""
    problems: list[Problem] = []
    for path in paths:
        problems.extend(_check_file(Path(path), base))
    return problems


def _check_file(path: Path, base: KnowledgeBase) -> list[Problem]:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_LineLoader)
    except OSError as e:
        return [Problem(where, None, "error", f"cannot read: {e.strerror}")]
    except UnicodeDecodeError:
        return [Problem(where, None, "error", "not UTF-8 text")]
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return [Problem(where, mark.line + 1 if mark else None, "error", f"not valid YAML: {e}")]
    if data is None:
        return [Problem(where, None, "warning", "the file is empty")]
    if isinstance(data, list):
        section = _section_of(path)
        if section is None:
            message = f"a bare list needs a file name that says its section; use sections ({', '.join(SECTIONS)})"
            return [Problem(where, None, "error", message)]
        sections: Mapping[str, Any] = {section: data}
    elif isinstance(data, Mapping):
        sections = {k: v for k, v in data.items() if k != "__line__"}
    else:
        return [Problem(where, None, "error", "a dictionary file must be a mapping of sections")]
    checker = _FileChecker(where, base)
    for section, rows in sections.items():
        checker.section(str(section), rows)
    checker.overlaps()
    return checker.problems


class _FileChecker:
    def __init__(self, path: str, base: KnowledgeBase) -> None:
        self.path = path
        self.base = base
        self.problems: list[Problem] = []
        self.countries: set[str] = set(base.countries)
        self.organisations: set[str] = set(base.organisations)
        self.people: list[tuple[Person, int | None]] = []
        self.seen: dict[tuple[str, str], int | None] = {}

    def add(self, line: int | None, severity: Literal["error", "warning"], message: str) -> None:
        self.problems.append(Problem(self.path, line, severity, message))

    def section(self, name: str, rows: Any) -> None:
        if name not in SECTIONS:
            self.add(None, "error", f"unknown section {name!r} (expected one of {', '.join(SECTIONS)})")
            return
        if not isinstance(rows, list):
            self.add(None, "error", f"section {name!r} must be a list of entries")
            return
        for row in rows:
            if not isinstance(row, Mapping):
                self.add(None, "error", f"each {name} entry must be a mapping, got {row!r}")
                continue
            line = row.get("__line__")
            try:
                self._row(name, row, line)
            except DictionaryError as e:
                self.add(e.line if e.line is not None else line, "error", str(e).split(": ", 1)[-1])

    def _unique(self, kind: str, key: str, line: int | None) -> None:
        if (kind, key) in self.seen:
            first = self.seen[kind, key]
            self.add(line, "error", f"{kind} {key!r} is defined twice in this file (first at line {first})")
        self.seen[kind, key] = line

    def _row(self, section: str, row: Mapping[str, Any], line: int | None) -> None:
        if section == "countries":
            country = _country(row, self.path)
            self._code(country.code, line)
            self._unique("country", country.code, line)
            self.countries.add(country.code)
        elif section == "organisations":
            org = _organisation(row, self.path)
            self._code(org.code, line)
            self._unique("organisation", org.code, line)
            if org.kind not in ORGANISATION_KINDS:
                self.add(line, "error", f"organisation kind {org.kind!r} is not one of {sorted(ORGANISATION_KINDS)}")
            if org.country and org.country not in self.countries:
                self.add(line, "warning", f"country {org.country!r} is not in the knowledge base")
            self.organisations.add(org.code)
        elif section == "people":
            person = _person(row, self.path)
            self._unique("person", person.id, line)
            if person.country and person.country not in self.countries:
                self.add(line, "warning", f"country {person.country!r} is not in the knowledge base")
            self._unknown_fields(row, PERSON_FIELDS, line, "person")
            spell_rows = [r for r in row.get("roles") or [] if isinstance(r, Mapping)]
            for spell, spell_row in zip(person.roles, spell_rows, strict=False):
                spell_line = spell_row.get("__line__", line)
                self._unknown_fields(spell_row, SPELL_FIELDS, spell_line, "role")
                self._code(spell.code, spell_line)
                for kind in spell.kinds():
                    if kind not in SPELL_KINDS:
                        self.add(spell_line, "error", f"office kind {kind!r} is not one of {sorted(SPELL_KINDS)}")
                if spell.org and spell.org not in self.organisations:
                    self.add(spell_line, "warning", f"organisation {spell.org!r} is not in the knowledge base")
            self.people.append((person, line))
        else:
            words = row.get("words")
            if not words:
                self.add(line, "error", "missing required field 'words'")
            if section == "agents":
                role = str(_require(row, "role", path=self.path)).upper()
                if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", role):
                    self.add(line, "error", f"agent role {role!r} is not a CAMEO role code (three letters, e.g. MIL)")
            else:
                _require(row, "title", path=self.path)
                kind = str(_require(row, "kind", path=self.path))
                if kind not in SPELL_KINDS:
                    self.add(line, "error", f"title kind {kind!r} is not one of {sorted(SPELL_KINDS)}")

    def _unknown_fields(self, row: Mapping[str, Any], known: frozenset[str], line: int | None, what: str) -> None:
        # The loader ignores unknown fields; most come from an unquoted comma in a flow mapping
        # ("{office: Leader, then President, ...}" makes "then President" a field of its own).
        for key in sorted(str(k) for k in row if k != "__line__" and k not in known):
            self.add(line, "warning", f"unknown {what} field {key!r} (a value with a comma needs quotes)")

    def _code(self, code: str, line: int | None) -> None:
        if not _CODE.match(code):
            self.add(line, "error", f"code {code!r} must be upper-case letters or digits, three or more")

    def overlaps(self) -> None:
        """Two people holding the same head office of one country on the same day."""
        mine = {p.id for p, _ in self.people}
        by_country: dict[str, list[tuple[Person, RoleSpell]]] = {}
        everyone = [p for p, _ in self.people] + [p for p in self.base.people.values() if p.id not in mine]
        for person in everyone:
            for spell in person.roles:
                if spell.country is not None and set(spell.kinds()) & set(HEAD_KINDS):
                    by_country.setdefault(spell.country, []).append((person, spell))
        for person, line in self.people:
            for spell in person.roles:
                if spell.country is None:
                    continue
                for other, theirs in by_country.get(spell.country, ()):
                    shared = set(spell.kinds()) & set(theirs.kinds()) & set(HEAD_KINDS)
                    if other.id != person.id and shared and _overlap(spell.start, spell.end, theirs.start, theirs.end):
                        self.add(
                            line,
                            "warning",
                            f"{person.name} ({spell.office}) and {other.name} ({theirs.office}) both hold "
                            f"{sorted(shared)[0]} of {spell.country} on overlapping days",
                        )


def _overlap(a_start: date | None, a_end: date | None, b_start: date | None, b_end: date | None) -> bool:
    low, high = date.min, date.max - timedelta(days=1)
    return (a_start or low) < (b_end or high) and (b_start or low) < (a_end or high)


def summary(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings)"""
    items = list(problems)
    return sum(p.severity == "error" for p in items), sum(p.severity == "warning" for p in items)
