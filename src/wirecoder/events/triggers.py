"""The coding knowledge: which words trigger which CAMEO code, and where their arguments are.

Loaded from the YAML files in ``wirecoder/data/events/triggers/`` (one per CAMEO root, and
``lexicon.yaml`` with the word lists and the schema).
Besides the rules keyed by lemma for the coder, it yields every inflected surface form of every
trigger so that sentences without one are never parsed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from wirecoder.errors import DictionaryError
from wirecoder.events.cameo import Codebook

PREPOSITIONS = frozenset(
    [
        "with",
        "to",
        "on",
        "upon",
        "against",
        "for",
        "from",
        "of",
        "at",
        "in",
        "into",
        "between",
        "by",
        "near",
        "along",
        "outside",
        "over",
        "about",
        "toward",
        "towards",
    ]
)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    code: str
    pos: Literal["verb", "noun", "adj"]
    lemma: str
    particles: tuple[str, ...] = ()  # "call on", "hold talks": words that must depend on the verb
    modifiers: tuple[str, ...] = ()  # "air strike": words that must modify the noun
    objects: frozenset[str] = frozenset()  # verb rules: the object must be one of these lemmas
    targets: tuple[str, ...] = ("dobj",)  # "dobj", "dative", "topic" or a preposition
    symmetric: bool = False
    target_optional: bool = False
    light_only: bool = False  # nouns that code only as the object of a light verb ("expand trade")
    place_target: bool = False  # a place may stand for the target's country ("arrived in Pretoria")
    passive_target_subject: bool = True
    fields: Mapping[str, str] | None = None  # keyword -> more specific code ("trade" -> 061)

    @property
    def prepositions(self) -> tuple[str, ...]:
        """The targets that are prepositions (not "dobj", "dative" or "topic")."""
        return tuple(t for t in self.targets if t not in _NON_PREP_TARGETS)

    @property
    def label(self) -> str:
        return " ".join((*self.modifiers, self.lemma, *self.particles))


_NON_PREP_TARGETS = frozenset({"dobj", "dative", "topic"})
# In a rule's objects: any object that names an actor ("released a Spanish engineer").
ANY_ACTOR_OBJECT = "@actor"

Requirement = tuple[frozenset[str], ...]  # each set: one of these words must be in the sentence


@dataclass(frozen=True, slots=True)
class TriggerBook:
    verbs: Mapping[str, tuple[TriggerRule, ...]]
    nouns: Mapping[str, tuple[TriggerRule, ...]]
    light_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    reporting_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    digest: str
    path: str
    # surface form -> what else a sentence needs for some rule of that form to match (see may_match)
    requirements: Mapping[str, tuple[Requirement, ...]] = field(default_factory=dict)
    adjectives: Mapping[str, tuple[TriggerRule, ...]] = field(default_factory=dict)

    def may_match(self, words: AbstractSet[str]) -> bool:
        """Could any rule match a sentence made of these lowercased words (before parsing it)?

        A rule needs its trigger word, and every particle, one of its objects ("sign" + "deal"),
        every modifier ("air" + "strike") and, for nouns that code only after a light verb, a light
        verb. This mirrors what the coder can match on a parse, so skipping a sentence that fails it
        loses no event.
        """
        for word in words:
            for requirement in self.requirements.get(word, ()):
                if all(not alternatives.isdisjoint(words) for alternatives in requirement):
                    return True
        return False


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("met",),
    "hold": ("held",),
    "send": ("sent",),
    "fight": ("fought",),
    "shoot": ("shot",),
    "strike": ("struck", "stricken"),
    "give": ("gave", "given"),
    "seize": (),
    "begin": ("began", "begun"),
    "lead": ("led",),
    "take": ("took", "taken"),
    "make": ("made",),
    "sell": ("sold",),
    "buy": ("bought",),
    "pay": ("paid",),
    "speak": ("spoke", "spoken"),
    "say": ("said",),
    "tell": ("told",),
    "withdraw": ("withdrew", "withdrawn"),
    "break": ("broke", "broken"),
    "beat": ("beaten",),
    "draw": ("drew", "drawn"),
    "throw": ("threw", "thrown"),
    "sign": (),
    "lay": ("laid",),
    "set": (),
    "put": (),
    "cut": (),
    "hit": (),
    "quit": (),
    "shut": (),
    "spread": (),
    "upset": (),
    "bring": ("brought",),
    "seek": ("sought",),
    "fly": ("flew", "flown"),
    "freeze": ("froze", "frozen"),
    "forgive": ("forgave", "forgiven"),
    "overthrow": ("overthrew", "overthrown"),
    "slay": ("slew", "slain"),
    "undertake": ("undertook", "undertaken"),
    "win": ("won",),
    "run": ("ran",),
    "blow": ("blew", "blown"),
    "mislead": ("misled",),
    "bid": (),
    "lend": ("lent",),
    "flee": ("fled",),
    "feed": ("fed",),
    "hang": ("hung", "hanged"),
    "deal": ("dealt",),
    "keep": ("kept",),
    "stand": ("stood",),
    "swear": ("swore", "sworn"),
    "teach": ("taught",),
    "think": ("thought",),
    "wage": (),
    "see": ("saw", "seen"),
    "go": ("went", "gone"),
    "come": ("came",),
    "do": ("did", "done"),
    "have": ("had", "has"),
    "be": ("was", "were"),
}


def inflections(lemma: str, pos: str) -> set[str]:
    """Every surface form a lemma can take (over-generating is harmless: it only widens a filter)."""
    forms = {lemma}
    if pos == "adj":
        return forms
    if pos == "noun":
        if lemma.endswith(("s", "x", "ch", "sh")):
            forms.add(lemma + "es")
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.add(lemma[:-1] + "ies")
        else:
            forms.add(lemma + "s")
        return forms
    forms.update(_IRREGULAR.get(lemma, ()))
    stem = lemma
    if lemma.endswith("e"):
        stem = lemma[:-1]
        forms.update({lemma + "s", lemma + "d", stem + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
    else:
        es = "es" if lemma.endswith(("s", "x", "ch", "sh", "z", "o")) else "s"
        forms.update({lemma + es, lemma + "ed", lemma + "ing"})
        # Consonant doubling ("ban" -> "banned", "quit" -> "quitting", "quiz" -> "quizzed"): add both
        # spellings whenever it could apply.
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing", lemma + lemma[-1] + "es"})
    return forms


def _any_form(word: str) -> frozenset[str]:
    # The coder compares particles and objects by word or by lemma: accept every inflection.
    return frozenset(inflections(word, "noun") | inflections(word, "verb"))


def _requirement(rule: TriggerRule, light_forms: frozenset[str]) -> Requirement:
    needs: list[frozenset[str]] = [_any_form(p) for p in rule.particles]
    needs += [frozenset({m}) for m in rule.modifiers]
    if rule.objects and ANY_ACTOR_OBJECT not in rule.objects:
        needs.append(frozenset(f for obj in rule.objects for f in _any_form(obj)))
    if rule.light_only:
        needs.append(light_forms)
    return tuple(needs)


def _words(value: Any, *, path: str, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    bad = [v for v in value if not isinstance(v, str)] if isinstance(value, list) else [value]
    hint = " (YAML reads bare on/off/yes/no as booleans: quote them)" if any(isinstance(v, bool) for v in bad) else ""
    raise DictionaryError(f"{what} must be a list of strings, got {bad!r}{hint}", path=path)


def _rules_from(entry: Mapping[str, Any], codebook: Codebook, path: str) -> list[TriggerRule]:
    code = str(entry.get("code", ""))
    if code not in codebook:
        raise DictionaryError(f"unknown CAMEO code {code!r} in entry {entry!r}", path=path)
    targets = _words(entry.get("targets"), path=path, what="targets") or ("dobj",)
    objects = frozenset(w.lower() for w in _words(entry.get("objects"), path=path, what="objects"))
    fields_raw = entry.get("fields") or {}
    if not isinstance(fields_raw, Mapping):
        raise DictionaryError("fields must map keywords to codes", path=path)
    for field_code in fields_raw.values():
        if str(field_code) not in codebook:
            raise DictionaryError(f"unknown CAMEO code {field_code!r} in fields", path=path)
    fields = {str(k).lower(): str(v) for k, v in fields_raw.items()} or None
    symmetric = bool(entry.get("symmetric", False))
    target_optional = bool(entry.get("target_optional", False))
    light_only = bool(entry.get("light_only", False))
    place_target = bool(entry.get("place_target", False))
    rules: list[TriggerRule] = []
    for phrase in _words(entry.get("verbs"), path=path, what="verbs"):
        words = phrase.lower().split()
        preps = tuple(w for w in words[1:] if w in PREPOSITIONS and w not in targets)
        rules.append(
            TriggerRule(
                code=code,
                pos="verb",
                lemma=words[0],
                particles=tuple(words[1:]),
                objects=objects,
                targets=(*targets, *preps),
                symmetric=symmetric,
                target_optional=target_optional,
                place_target=place_target,
                fields=fields,
            )
        )
    for phrase in _words(entry.get("nouns"), path=path, what="nouns"):
        words = phrase.lower().split()
        noun_targets = _words(entry.get("noun_targets"), path=path, what="noun_targets") or targets
        rules.append(
            TriggerRule(
                code=code,
                pos="noun",
                lemma=words[-1],
                modifiers=tuple(words[:-1]),
                targets=noun_targets,
                symmetric=symmetric,
                target_optional=target_optional,
                light_only=light_only,
                place_target=place_target,
                fields=fields,
            )
        )
    for word in _words(entry.get("adjectives"), path=path, what="adjectives"):
        rules.append(
            TriggerRule(
                code=code,
                pos="adj",
                lemma=word.lower(),
                targets=targets,
                target_optional=target_optional,
                fields=fields,
            )
        )
    return rules


PACKAGED = "wirecoder:data/events/triggers"


@dataclass(frozen=True, slots=True)
class _TriggerFile:
    where: str
    text: str


def _packaged_files() -> list[_TriggerFile]:
    folder = resources.files("wirecoder") / "data" / "events" / "triggers"
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name)
    return [_TriggerFile(f"{PACKAGED}/{e.name}", e.read_text(encoding="utf-8")) for e in entries]


def _user_files(path: Path) -> list[_TriggerFile]:
    try:
        paths = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        files = [_TriggerFile(str(p), p.read_text(encoding="utf-8")) for p in paths]
    except OSError as e:
        raise DictionaryError(f"cannot read: {e.strerror}", path=str(path)) from e
    except UnicodeDecodeError as e:
        raise DictionaryError(f"not UTF-8 text: {e.reason}", path=str(path)) from e
    if not files:
        raise DictionaryError("no .yaml trigger files in this folder", path=str(path))
    return files


def _rule_line(text: str, index: int) -> int | None:
    """The line where entry ``index`` of the file's ``rules`` list starts (composed only on an error)."""
    root = yaml.compose(text)
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "rules" and isinstance(value, yaml.SequenceNode) and index < len(value.value):
                return int(value.value[index].start_mark.line) + 1
    return None


def load_triggers(codebook: Codebook, path: str | Path | None = None) -> TriggerBook:
    """Load a trigger dictionary: the packaged one by default, or a file or folder of YAML files.

    A folder's files are read in name order; their ``rules`` are concatenated (earlier files win
    ties between rules, see the schema in ``lexicon.yaml``) and their word lists are merged.
    """
    files = _packaged_files() if path is None else _user_files(Path(path))
    where = PACKAGED if path is None else str(path)
    entries: list[tuple[_TriggerFile, int, Any]] = []
    lists: dict[str, list[Any]] = {}
    for file in files:
        try:
            data = yaml.safe_load(file.text)
        except yaml.YAMLError as e:
            raise DictionaryError(f"not valid YAML: {e}", path=file.where) from e
        if not isinstance(data, Mapping):
            raise DictionaryError("a trigger file is a mapping ('rules' and word lists)", path=file.where)
        for key, value in data.items():
            if key == "rules":
                if not isinstance(value, list):
                    raise DictionaryError("'rules' must be a list", path=file.where)
                entries.extend((file, index, entry) for index, entry in enumerate(value))
            else:
                lists.setdefault(str(key), []).extend(_words(value, path=file.where, what=str(key)))
    if not entries:
        raise DictionaryError("the dictionary has no 'rules'", path=where)
    tables: dict[str, dict[str, list[TriggerRule]]] = {"verb": {}, "noun": {}, "adj": {}}
    rules: list[TriggerRule] = []
    for file, index, entry in entries:
        try:
            if not isinstance(entry, Mapping):
                raise DictionaryError(f"each rule must be a mapping, got {entry!r}", path=file.where)
            file_rules = _rules_from(entry, codebook, file.where)
        except DictionaryError as e:
            raise DictionaryError(e.detail, path=file.where, line=_rule_line(file.text, index)) from None
        for rule in file_rules:
            tables[rule.pos].setdefault(rule.lemma, []).append(rule)
            rules.append(rule)

    def lexicon(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in lists.get(key, ()))

    light_forms = frozenset(f for verb in lexicon("light_verbs") for f in inflections(verb, "verb"))
    requirements: dict[str, set[Requirement]] = {}
    for rule in rules:
        for form in inflections(rule.lemma, rule.pos):
            requirements.setdefault(form, set()).add(_requirement(rule, light_forms))

    return TriggerBook(
        verbs={k: tuple(v) for k, v in tables["verb"].items()},
        nouns={k: tuple(v) for k, v in tables["noun"].items()},
        adjectives={k: tuple(v) for k, v in tables["adj"].items()},
        light_verbs=lexicon("light_verbs"),
        intent_verbs=lexicon("intent_verbs"),
        intent_adjectives=lexicon("intent_adjectives"),
        reporting_verbs=lexicon("reporting_verbs"),
        negating_verbs=lexicon("negating_verbs"),
        requirements={form: tuple(reqs) for form, reqs in requirements.items()},
        digest=hashlib.sha256("\0".join(f.text for f in files).encode()).hexdigest(),
        path=where,
    )
