"""Turn gazetteer hits into actor mentions, resolved as of the article's date.

A mention is assembled from adjacent hits the way news writes actors:
``[country's | Country-adjective] [title | agent]* [person]`` ("Russia's President Vladimir Putin",
"Chinese Premier Li Qiang", "Israeli troops", "his Russian counterpart Mikhail Mishustin",
"Chinese and Russian heads of government"). It is then resolved:

* a named person gets the code of the office they held on the article's date; a former
  office-holder gets ``<country>ELI`` (CAMEO's code for former officials), never ``GOV``;
* a title without a name ("the Chinese premier") resolves to whoever held that office that day;
* a surname alone ("Li said") resolves to the person of that surname introduced earlier in the
  same article, else to the only office-holder of that surname on that date, else stays unresolved;
* an unknown name after a placed title ("Russian Foreign Minister Ivan Petrov") keeps the
  country and role the text gives.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from wirecoder.actors.gazetteer import COMMON_WORD_SURNAMES, Entry, Gazetteer, Hit
from wirecoder.actors.kb import HEAD_KINDS, KnowledgeBase, Organisation, Person, RoleSpell, Title
from wirecoder.dates import CALENDAR_NAMES
from wirecoder.places import PlaceIndex
from wirecoder.records import Mention, Sentence

_POSSESSIVE_GAP = re.compile(r"^[’']s\s+$")
_ADJACENT_GAP = re.compile(r"^\s+$")
_PRONOUN_OWNER = re.compile(r"\b(?:its|their|his|her|our)\s+$", re.I)
_OWNED_BY_PRONOUN = "owned by a possessive pronoun"
# "the leaders of (the) Japan and South Korea"
_OF_LINK = re.compile(r"\s+(?:of|for|from)\s+(?:the\s+)?")
# Weapons and war machines named without an owner: where they are is where they strike, not whose they are.
_WEAPONS = re.compile(
    r"\b(?:drones?|missiles?|warplanes?|jets?|bombers?|aircraft|helicopters?|gunships?|warships?|frigates?|"
    r"destroyers?|submarines?|carriers?|tanks?|artillery)$",
    re.IGNORECASE,
)
_DESCRIBING_WORD = (
    r"(?:[a-z]+-[a-z-]+|nuclear|heavy|heavily|elite|special|armed|armou?red|riot|paramilitary|regular|"
    r"additional|fresh|new|senior|top|masked|unmanned|ballistic|cruise|naval|combat|attack|stealth|spy|"
    r"reconnaissance|surveillance|patrol|ground|military|security|advanced|modern|latest)"
)
_DESCRIBING_GAP = re.compile(rf"^\s+(?:{_DESCRIBING_WORD}\s+){{1,3}}$")
# a model name before a weapon: "U.S. Abrams tanks", "Iranian Shahed drones", "U.S. F-16 jets"
_MODEL_GAP = re.compile(rf"^\s+(?:(?:{_DESCRIBING_WORD}|[A-Z][\w-]*)\s+){{1,3}}$")
_SERVING_LINK = re.compile(r"\s+(?:of|for|from|to)\s+(?:the\s+)?")
# Agents who serve a principal: "an adviser to Ukrainian President Volodymyr Zelenskiy" is his side's.
_SERVING_AGENTS = re.compile(r"(?:adviser|advisor|aide|spokes(?:man|woman|person))s?$", re.IGNORECASE)
_AND_LINK = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_AND_GAP = re.compile(r"^\s*(?:,\s*)?(?:and|or|&)\s+$|^,\s*$")
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-|late|then-|erstwhile)\s*$", re.IGNORECASE)
_UNKNOWN_NAME_AFTER = re.compile(r"^\s+((?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+)")
_DYAD = re.compile(
    r"\b(?:the two|both)\s+(?:countries|nations|sides|neighbou?rs|governments|states|leaders|capitals)\b",
    re.IGNORECASE,
)
_DYAD_NOTE = "the article's two main countries"
HOME_NOTE = "the country the article is about"  # an agent placed by the article, not by its sentence
_CALENDAR_WORDS = frozenset(word.title() for word in CALENDAR_NAMES)
_BLOC = re.compile(r"\bthe (?:\d+-(?:nation|member|country) |[a-z]+-nation )?bloc\b", re.IGNORECASE)
_HEAD_KINDS = ("head_of_state", "head_of_government")
# A place the sentence puts something in: "in Lagos", "in northern Burkina Faso", "in the central
# village of Moura", "across the country's north" does not count (no name follows).
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|around|throughout)\s+(?:the\s+|a\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?west(?:ern)?|"
    r"north-?east(?:ern)?|south-?west(?:ern)?|south-?east(?:ern)?|far|restive|remote|rural)\s+)?"
    r"(?:(?:city|town|village|province|region|state|district) of\s+)?$",
    re.I,
)
_CAPITALISED_NEXT = re.compile(r"^\s[A-Z]")
_NOT_A_NAME = frozenset(
    {"League", "Court", "Summit", "Party", "Council", "Ministry", "Office", "Cup", "Day", "Group", "Forum"}
)

# "pro-Russian separatists", "anti-American protesters": the named side is not who they are.
_PRO_ANTI_BEFORE = re.compile(r"\b(?:pro|anti)-$", re.I)
# A vessel's name is not its namesake: "MV Abdullah", "the tanker MT Sounion", "USS Carl Vinson".
_VESSEL_NAME = re.compile(
    r"\b(?:MV|M/V|MT|M/T|MS|M/S|SS|HMS|USS|USNS|HMAS|HMCS|INS|FV|RV|LNG|MSC)\.?\s+((?:[A-Z][\w'’\-]*\s?){1,3})"
)
_TAKEN_HOSTAGE = re.compile(r"\b(?:take|takes|took|taken|taking|hold|holds|held|holding|kept|keep)\b[^.;]*$", re.I)
_FLAGGED = re.compile(r"-(?:flagged|registered)\b")
# Markets and currencies named after a place are not actors: "Tokyo shares", "Chinese stocks", "the U.S. dollar".
_MARKET_AFTER = re.compile(
    r"^(?:[’']s)?\s+(?:shares|stocks|equities|bonds|bond|yields|futures|markets?|stock\s+(?:markets?|exchanges?|index)|"
    r"bourses?|index|indices|indexes|currency|dollars?|yen|yuan|renminbi|rupees?|rupiah|won|pounds?|sterling|"
    r"euros?|francs?|lira|rand|real|peso|pesos|crude|gas\s+prices|blue\s+chips|tech\s+stocks|exporters|"
    r"importers|investors|traders|benchmark)\b",
    re.I,
)
# Seas and regions named after a country: "the Indian Ocean", "the Persian Gulf".
_GEO_AFTER = re.compile(r"\s+(?:Ocean|Sea|Gulf|Peninsula|Subcontinent|Plateau|Highlands|Riviera)\b")
# "<Country>-led": a coalition or force led by that country acts as its military ("Saudi-led coalition
# warplanes" -> SAUMIL, "the U.S.-led coalition" -> USAMIL, "a Kenyan-led police mission" -> KENCOP).
_LED_BY = re.compile(
    r"-led((?:\s+(?:military|multinational|international|naval|air|peacekeeping|security|Arab|western|Western|"
    r"coalition|alliance|task\s+force|force|forces|mission|operation|offensive|campaign))*)\b"
)
_LED_GROUP = re.compile(r"\b(?:coalition|alliance|force|forces|mission|operation|offensive|campaign)\b")
# "Two officers of Russia's GRU", "militants from the Islamic State": people of an organisation.
_MEMBERS_OF = re.compile(
    r"\b(members|officers|agents|operatives|personnel|staff|employees|supporters|loyalists|followers|"
    r"representatives|delegates|envoys|commanders|leaders|fighters|militants|gunmen|soldiers|troops|"
    r"officials|spies|member|officer|agent|operative|commander|leader|fighter|militant|official|spy)"
    r"\s+(?:of|from)\s+(?:the\s+|a\s+)?$",
    re.I,
)
# Koreas: "the North" and "the South" in an article that names either Korea.
_KOREA_SIDE = re.compile(r"\bthe (North|South)\b(?!\s+[A-Z])(?!-)")
_KOREAS = {"North": "PRK", "South": "KOR"}
# UN peace operations: the mission itself, when the sentence or article names it or its host country.
_UN_PEACEKEEPING = re.compile(r"\bpeace(?:keep|-keep)", re.I)

# Roles that describe who someone is rather than an office; a person keeps these.
_PERSONAL_ROLES = frozenset({"GOV", "ELI"})
_KIND_PRIORITY = {k: i for i, k in enumerate((*HEAD_KINDS, "deputy_head", "foreign_minister", "defence_minister"))}


@dataclass
class ArticleContext:
    """What earlier sentences of one article established; lives only while that article is coded."""

    day: date
    people: list[Mention] = field(default_factory=list)  # resolved or placed people, in order
    countries: Counter[str] = field(default_factory=Counter)
    organisations: list[Mention] = field(default_factory=list)

    # knowledge-base id -> the surname the base records (Lee Myung-bak's is "Lee", not "Myung-bak")
    surnames: dict[str, str] = field(default_factory=dict)

    def person_by_surname(self, surname: str) -> Mention | None:
        for mention in reversed(self.people):
            name = mention.name or ""
            recorded = self.surnames.get(mention.actor_id or "")
            if recorded == surname or name == surname or name.split()[-1:] == [surname]:
                return mention
            if recorded is None and name.endswith(" " + surname):
                return mention
        return None

    def last_holder(self, kind_title: Title, kb: KnowledgeBase) -> Mention | None:
        for mention in reversed(self.people):
            person = kb.people.get(mention.actor_id or "")
            if person and any(kind_title.kind in s.kinds() for s in person.spells_on(self.day)):
                return mention
        return None

    def home(self) -> str | None:
        """The country an article is about, when one clearly dominates its mentions."""
        top = self.countries.most_common(2)
        if not top or top[0][1] < 2:
            return None
        if len(top) == 2 and top[0][1] < 2 * top[1][1]:
            return None
        return top[0][0]

    def dyad(self) -> tuple[str, str] | None:
        top = [code for code, _ in self.countries.most_common(2)]
        return (top[0], top[1]) if len(top) == 2 else None


@dataclass(frozen=True, slots=True)
class _Phrase:
    hits: tuple[Hit, ...]
    possessive_end: bool
    former: bool
    coordinated: tuple[Hit, ...] = ()  # extra adjectives/countries sharing the same head


def _best_spell(spells: tuple[RoleSpell, ...]) -> RoleSpell:
    return min(spells, key=lambda s: min(_KIND_PRIORITY.get(k, 99) for k in s.kinds()))


class MentionResolver:
    """Resolves the mentions of one article at a time; build once, call per article."""

    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer | None = None, places: PlaceIndex | None = None) -> None:
        self.kb = kb
        self.gazetteer = gazetteer or Gazetteer(kb)
        self.places = places
        self._surname_index: dict[str, list[Person]] = {}
        for person in kb.people.values():
            self._surname_index.setdefault(person.surname, []).append(person)
        # city -> the organisations seated there ("Brussels" -> the EU)
        self._seats: dict[str, list[str]] = {}
        for code, org in kb.organisations.items():
            for seat in org.seats:
                self._seats.setdefault(seat, []).append(code)

    # -- public -----------------------------------------------------------------------------

    def resolve_article(
        self, body: str, sentences: tuple[Sentence, ...], day: date
    ) -> tuple[tuple[Mention, ...], ArticleContext]:
        """All actor mentions of an article, sentence by sentence, with the context they built."""
        context = ArticleContext(day=day)
        hits = self._adjust_hits(body, self.gazetteer.find(body))
        mentions: list[Mention] = []
        position = 0
        for sentence in sentences:
            start, end = sentence.span
            own: list[Hit] = []
            while position < len(hits) and hits[position].start < end:
                if hits[position].start >= start and hits[position].end <= end:
                    own.append(hits[position])
                position += 1
            mentions.extend(self.resolve_sentence(body, sentence, own, context))
        return tuple(self._home_agents(mentions, context)), context

    def _adjust_hits(self, body: str, hits: list[Hit]) -> list[Hit]:
        """Drop the hits that only look like actors and add the ones a single word cannot show.

        Dropped: names of vessels ("MV Abdullah"), the side a group is for or against ("pro-Russian
        separatists"), places that name a market or currency ("Tokyo shares"), and country adjectives
        inside another proper name ("Central American University"). Added: "-led" after a country
        ("Saudi-led coalition"), an agent of the country that leads it.
        """
        vessels = [(m.start(1), m.start(1) + len(m.group(1).rstrip())) for m in _VESSEL_NAME.finditer(body)]
        flags = {}  # a ship stands for its flag state: "the Bangladeshi-flagged bulk carrier MV Abdullah"
        for a, b in vessels:
            flag = next((h for h in reversed(hits) if h.end <= a and a - h.end < 60), None)
            if (
                flag is not None
                and flag.has("country", "adjective")
                and _FLAGGED.match(body, flag.end)
                and "." not in body[flag.end : a]  # the same sentence
            ):
                flags[a] = Hit(a, b, body[a:b], (Entry("country", flag.entries[0].ref),))
        named_orgs = {e.ref for h in hits for e in h.entries if e.kind == "organisation"}
        seated = {
            seat: code
            for seat, codes in self._seats.items()
            for code in codes
            if any(named.startswith(code) for named in named_orgs)
        }
        out: list[Hit] = []
        for k, hit in enumerate(hits):
            kind = hit.entries[0].kind
            if kind == "capital" and hit.text in seated:
                hit = Hit(hit.start, hit.end, hit.text, (Entry("organisation", seated[hit.text]),))
                kind = "organisation"
            vessel = next(((a, b) for a, b in vessels if a <= hit.start < b), None)
            if vessel is not None:
                if vessel[0] in flags and hit.start == vessel[0]:
                    out.append(flags.pop(vessel[0]))
                continue
            if kind != "agent" and kind != "title" and _PRO_ANTI_BEFORE.search(body[max(0, hit.start - 5) : hit.start]):
                continue
            if hit.text.lower() == "hostage" and _TAKEN_HOSTAGE.search(body[max(0, hit.start - 50) : hit.start]):
                continue  # "took its 23 crew members hostage": a predicate, the crew are the actor
            place = kind in ("country", "adjective", "demonym", "capital")
            if place and (_MARKET_AFTER.match(body[hit.end : hit.end + 40]) or _GEO_AFTER.match(body, hit.end)):
                continue
            if kind == "adjective" and _inside_name(body, hit, hits[k - 1] if k else None):
                continue
            out.append(hit)
            if kind in ("country", "adjective"):
                led = self._led_hit(body, hit, hits[k + 1] if k + 1 < len(hits) else None)
                if led is not None:
                    out.append(led)
        out.extend(flags.values())  # a ship named without a person's name in it
        out.sort(key=lambda h: h.start)
        return out

    @staticmethod
    def _led_hit(body: str, hit: Hit, nxt: Hit | None) -> Hit | None:
        led = _LED_BY.match(body, hit.end)
        if led is None:
            return None
        end = led.end()
        if nxt is not None and nxt.start < end:
            end = nxt.start
        text = body[hit.end : end].rstrip()
        end = hit.end + len(text)
        follows = nxt is not None and nxt.has("agent") and _ADJACENT_GAP.match(body[end : nxt.start]) is not None
        if not (_LED_GROUP.search(text) or follows):
            return None
        return Hit(hit.end, end, text, (Entry("agent", "MIL"),))

    def resolve_text(self, text: str, day: date, article_id: str = "") -> tuple[Mention, ...]:
        """Mentions in a free text (one pseudo-article), for the CLI and tests."""
        from wirecoder.nlp.segment import split_paragraph

        sentences = tuple(
            Sentence(article_id=article_id, index=i, span=(s, e), text=text[s:e])
            for i, (s, e) in enumerate(split_paragraph(text))
        )
        mentions, _ = self.resolve_article(text, sentences, day)
        return mentions

    def resolve_sentence(
        self, body: str, sentence: Sentence, hits: list[Hit], context: ArticleContext
    ) -> list[Mention]:
        out: list[Mention] = []
        phrases = self._phrases(body, hits, sentence.span[0])
        for k, phrase in enumerate(phrases):
            member = self._member_of(body, sentence, phrase, phrases[k - 1] if k else None)
            if member is not None:
                self._remember(member, context)
                out.append(member)
            for resolved in self._resolve_phrase(body, sentence, phrase, context):
                mentions = [resolved]
                if resolved.code is None and resolved.kind == "agent" and resolved.role:
                    serving = _SERVING_AGENTS.search(resolved.text) is not None
                    owners = _countries_after(body, phrase.hits[-1].end, phrases[k + 1 :], serving=serving)
                    group = self._group_after(body, phrase.hits[-1].end, phrases[k + 1 :])
                    if group is not None:
                        # "militants from the Islamic State", "officials of the UN refugee agency"
                        mentions = [_of_group(resolved, group)]
                    elif _PRONOUN_OWNER.search(body[max(0, resolved.span[0] - 8) : resolved.span[0]]):
                        # "its drones": the coder finds whose; a place in the sentence would mislead
                        mentions = [dataclasses.replace(resolved, note=_OWNED_BY_PRONOUN)]
                    elif owners:
                        mentions = [_owned(resolved, code) for code in owners]
                    else:
                        mentions = [self._domestic(resolved, sentence, hits, context)]
                for mention in mentions:
                    self._remember(mention, context)
                    out.append(mention)
        out.extend(self._korea_sides(sentence, out, context))
        out = self._peace_missions(body, sentence, out, hits, context)
        for match in _BLOC.finditer(sentence.text):
            if context.organisations:
                bloc = context.organisations[-1]
                span = (sentence.span[0] + match.start(), sentence.span[0] + match.end())
                out.append(
                    dataclasses.replace(
                        bloc,
                        sentence_index=sentence.index,
                        span=span,
                        text=match.group(0),
                        note=f"'the bloc' refers back to {bloc.name}",
                    )
                )
        for match in _DYAD.finditer(sentence.text):
            dyad = context.dyad()
            if dyad is None:
                continue
            span = (sentence.span[0] + match.start(), sentence.span[0] + match.end())
            for code in dyad:
                out.append(self._country_mention(sentence, span, match.group(0), code, _DYAD_NOTE))
        out.sort(key=lambda m: m.span)
        return out

    def _group_after(self, body: str, end: int, following: Sequence[_Phrase]) -> Organisation | None:
        """The organisation an agent phrase is "of": "fighters of Hamas", "militants from the Islamic State"."""
        link = _OF_LINK.match(body, end)
        if link is None or not following or following[0].hits[0].start != link.end():
            return None
        hits = following[0].hits
        orgs = [h.first("organisation") for h in hits if h.has("organisation")]
        if len(orgs) != 1 or any(h.has("title", "person", "surname") for h in hits):
            return None
        entry = orgs[0]
        organisation = self.kb.organisations.get(entry.ref) if entry is not None else None
        return organisation if organisation is not None and organisation.kind != "people" else None

    def _member_of(self, body: str, sentence: Sentence, phrase: _Phrase, previous: _Phrase | None) -> Mention | None:
        """People the base has no agent word for, named as an organisation's: "two officers of Russia's GRU"."""
        start = phrase.hits[0].start
        window = max(sentence.span[0], start - 60)
        found = _MEMBERS_OF.search(body[window:start])
        if found is None:
            return None
        noun_start = window + found.start(1)
        noun_end = noun_start + len(found.group(1))
        if previous is not None and previous.hits[-1].end >= noun_start:
            return None  # an agent word the resolver already owns ("fighters of Hamas")
        group = self._group_after(body, noun_end, (phrase,))
        if group is None:
            return None
        return Mention(
            article_id=sentence.article_id,
            sentence_index=sentence.index,
            span=(noun_start, noun_end),
            text=body[noun_start:noun_end],
            kind="organisation",
            code=group.code,
            name=group.name,
            actor_id=group.code,
            role=found.group(1).lower(),
            country=group.country,
            note=f"of {group.name}",
        )

    def _korea_sides(self, sentence: Sentence, found: list[Mention], context: ArticleContext) -> list[Mention]:
        """ "the North" and "the South" in an article that names either Korea: PRK and KOR."""
        if not (context.countries["KOR"] or context.countries["PRK"]):
            return []
        out = []
        for match in _KOREA_SIDE.finditer(sentence.text):
            span = (sentence.span[0] + match.start(), sentence.span[0] + match.end())
            if any(m.span[0] < span[1] and span[0] < m.span[1] for m in found):
                continue
            code = _KOREAS[match.group(1)]
            mention = self._country_mention(
                sentence, span, match.group(0), code, "the other Korea, in an article about the Koreas"
            )
            self._remember(mention, context)
            out.append(mention)
        return out

    def _peace_missions(
        self, body: str, sentence: Sentence, found: list[Mention], hits: Sequence[Hit], context: ArticleContext
    ) -> list[Mention]:
        """UN peacekeepers are their mission: the one the sentence or article names ("UN peacekeepers ... the
        MONUSCO mission"), else the one serving where the sentence puts them ("the U.N. peacekeeping force in
        Lebanon" -> UNIFIL)."""
        missions = {code: o for code, o in self.kb.organisations.items() if o.deployed}
        if not missions:
            return found
        named = [m.code for m in found if m.code in missions]
        named += [m.code for m in reversed(context.organisations) if m.code in missions]
        out = []
        for m in found:
            blue = m.code == "IGOUNO" and _UN_PEACEKEEPING.search(m.text) is not None
            blue = blue or (
                m.kind == "agent" and m.role == "PKO" and bool(named) and named[0] in [x.code for x in found]
            )
            if blue:
                mission = named[0] if named else self._mission_where(sentence, hits, missions, m, context)
                if mission is not None:
                    organisation = missions[mission]
                    m = dataclasses.replace(
                        m,
                        kind="organisation",
                        code=mission,
                        name=organisation.name,
                        actor_id=mission,
                        country=None,
                        note=f"the UN mission {organisation.names[0]}",
                    )
            out.append(m)
        return out

    def _mission_where(
        self,
        sentence: Sentence,
        hits: Sequence[Hit],
        missions: dict[str, Organisation],
        mention: Mention,
        context: ArticleContext,
    ) -> str | None:
        placed = self._domestic(
            dataclasses.replace(mention, kind="agent", code=None, role="PKO", country=None), sentence, hits, context
        )
        if placed.country is None:
            return None
        serving = [code for code, o in missions.items() if placed.country in o.deployed]
        return serving[0] if len(serving) == 1 else None

    def _organisation_fields(self, org: str) -> dict[str, str | None]:
        organisation = self.kb.organisations[org]
        return {
            "kind": "organisation",
            "code": org,
            "name": organisation.name,
            "actor_id": org,
            "country": organisation.country,
        }

    def _country_mention(self, sentence: Sentence, span: tuple[int, int], text: str, code: str, note: str) -> Mention:
        """A country named by a phrase that is not its name ("the two sides", "the North")."""
        return Mention(
            article_id=sentence.article_id,
            sentence_index=sentence.index,
            span=span,
            text=text,
            kind="country",
            code=code,
            name=self.kb.countries[code].name if code in self.kb.countries else None,
            actor_id=code,
            country=code,
            note=note,
        )

    def _remember(self, mention: Mention, context: ArticleContext) -> None:
        if mention.kind in ("person", "unknown_person") and mention.name:
            context.people.append(mention)
            known = self.kb.people.get(mention.actor_id or "")
            if known is not None:
                context.surnames[known.id] = known.surname
        if mention.kind == "organisation" and mention.code and mention.code.startswith("IGO"):
            context.organisations.append(mention)
        if mention.country and mention.kind != "pronoun":
            context.countries[mention.country] += 1

    def _domestic(
        self, mention: Mention, sentence: Sentence, hits: Sequence[Hit], context: ArticleContext | None = None
    ) -> Mention:
        """An agent with no nationality ("police", "students", "the government") belongs to the country
        where the sentence places it ("in Lagos", "in northern Burkina Faso"); the article's main
        country is tried once the whole article is read (``_home_agents``)."""
        if _WEAPONS.search(mention.text):
            return mention  # "a drone strike in Kabul", "drones launched at Kyiv": weapons go where they strike
        # (is a town, where, country, name): a country named as the place beats a town, "the village of
        # Solhan in northern Burkina Faso" (there is a Solhan in Turkey too).
        found: list[tuple[bool, int, str, str]] = [
            (False, h.start - sentence.span[0], h.entries[0].ref, h.text)
            for h in hits
            if h.entries[0].kind == "country"
        ]
        if self.places is not None:
            found += [
                (True, h.start, h.place.country, h.place.name)
                for h in self.places.find(sentence.text)
                if h.place.country
            ]
        known = set(context.countries) if context is not None else set()
        for town, start, country, name in sorted(found):
            if town and known and country not in known:
                continue  # a town of that name elsewhere: "the city of Nara" in an article about Japan, not Mali
            # Only a place the sentence puts something in ("in Lagos", "outside the Kremlin"): a
            # country named as the target ("tariffs on Pakistan") says nothing of the agent's.
            if _LOCATIVE_BEFORE.search(sentence.text[max(0, start - 40) : start]):
                return _owned(mention, country, f"country of {name}, where the sentence places it")
        return mention

    @staticmethod
    def _home_agents(mentions: list[Mention], context: ArticleContext) -> list[Mention]:
        """Agents still without a country belong to the country the article is about, if one dominates."""
        home = context.home()
        # The only country an article names once is where its militias, villagers and police are, but
        # not whose "administration" it is: "the administration imposed tariffs on Pakistan".
        only = next(iter(context.countries)) if len(context.countries) == 1 else None
        # "the two leaders" already stands for both sides: its "leaders" is not the home country's
        dyads = [m.span for m in mentions if m.note == _DYAD_NOTE]
        out = []
        for m in mentions:
            in_dyad = any(a <= m.span[0] and m.span[1] <= b for a, b in dyads)
            if (
                m.code is None
                and m.kind == "agent"
                and m.role
                and m.note != _OWNED_BY_PRONOUN
                and not in_dyad
                and not _WEAPONS.search(m.text)
            ):
                country = home or (only if m.role.isupper() and m.role != "GOV" else None)
                if country is not None:
                    m = _owned(m, country, HOME_NOTE)
            out.append(m)
        return out

    # -- phrase assembly ------------------------------------------------------------------------

    def _phrases(self, body: str, hits: list[Hit], sentence_start: int) -> list[_Phrase]:
        phrases: list[_Phrase] = []
        i = 0
        while i < len(hits):
            group = [hits[i]]
            coordinated: list[Hit] = []
            possessive = False
            j = i
            while j + 1 < len(hits):
                current, nxt = hits[j], hits[j + 1]
                gap = body[current.end : nxt.start]
                if (
                    _POSSESSIVE_GAP.match(gap)
                    and current.has(
                        "country",
                        "capital",
                        "organisation",
                        "person",
                        "surname",
                        "seat",
                        "adjective",
                        "title",
                    )
                    and (nxt.has("title", "agent", "person", "surname") or self._own_group(current, nxt))
                ) or (
                    (gap == "" or _ADJACENT_GAP.match(gap) or _described_agent(current, gap, nxt))
                    and self._continues(current, nxt)
                ):
                    group.append(nxt)
                elif (
                    _AND_GAP.match(gap)
                    and (current.has("adjective") or (current.has("country") and current.entries[0].kind == "country"))
                    and (nxt.has("adjective") or (current.has("adjective") and nxt.entries[0].kind == "country"))
                    and j + 2 < len(hits)
                    and hits[j + 2].has("title", "agent")
                    and _ADJACENT_GAP.match(body[nxt.end : hits[j + 2].start] or " ")
                ):
                    coordinated.append(current)
                    group = [g for g in group if g is not current]
                    group.append(nxt)
                else:
                    break
                j += 1
            after = body[group[-1].end : group[-1].end + 3]
            possessive = after.startswith(("'s", "’s"))
            before = body[max(sentence_start, group[0].start - 12) : group[0].start]
            if coordinated:
                before = body[max(sentence_start, coordinated[0].start - 12) : coordinated[0].start]
            phrases.append(
                _Phrase(
                    hits=tuple(group),
                    possessive_end=possessive,
                    former=bool(_FORMER_BEFORE.search(before)),
                    coordinated=tuple(coordinated),
                )
            )
            i = j + 1
        return phrases

    def _own_group(self, current: Hit, nxt: Hit) -> bool:
        """A country's own named group: "Russia's GRU", "Lebanon's Hezbollah" (not "Russia's UN envoy")."""
        org = nxt.first("organisation")
        place = current.first("country", "adjective")
        if org is None or place is None or current.has("organisation"):
            return False
        organisation = self.kb.organisations.get(org.ref)
        return organisation is not None and organisation.country == place.ref

    def _continues(self, current: Hit, nxt: Hit) -> bool:
        if current.has("adjective", "title", "agent") and nxt.has("title", "agent", "person", "surname"):
            return True
        # "the paramilitary Rapid Support Forces", "Islamist al-Shabaab": an agent noun describing a group
        org = nxt.first("organisation")
        if current.has("agent") and org is not None:
            organisation = self.kb.organisations.get(org.ref)
            if organisation is not None and organisation.kind not in ("igo", "people"):
                return True
        if current.has("country", "adjective") and self._own_group(current, nxt):
            return True  # "Sudanese RSF"
        # "US troops", "UK government", "Kenya Defence Forces"
        if current.has("country") and nxt.has("agent", "title"):
            return True
        # "NATO Secretary-General Mark Rutte", "EU officials", "al-Shabaab militants"
        return current.has("organisation") and nxt.has("title", "person", "agent")

    # -- resolution ------------------------------------------------------------------------------

    def _resolve_phrase(self, body: str, sentence: Sentence, phrase: _Phrase, context: ArticleContext) -> list[Mention]:
        hits = phrase.hits
        span = (
            (phrase.coordinated[0].start if phrase.coordinated else hits[0].start),
            hits[-1].end,
        )
        text = body[span[0] : span[1]]
        day = context.day

        def make(**kw: object) -> Mention:
            return Mention(
                article_id=sentence.article_id,
                sentence_index=sentence.index,
                span=span,
                text=text,
                **kw,  # type: ignore[arg-type]
            )

        country: str | None = None
        role: str | None = None
        title: Title | None = None
        person_entry: Entry | None = None
        surname_entries: list[Entry] = []
        org: str | None = None
        seat_role: str | None = None
        people_role: str | None = None
        for hit in hits:
            entry = hit.entries[0]
            if hit.has("person"):
                person_entry = hit.first("person")
            elif hit.has("surname") and person_entry is None:
                surname_entries = [e for e in hit.entries if e.kind == "surname"]
                # A surname that is also another name ("Jordan" the country, "Wagner" the group) is the
                # person only when the article introduced them or a title says so.
                shared = len(surname_entries) < len(hit.entries) or (
                    self.places is not None and hit.text in self.places.names
                )  # "in Lagos" is the city, not Ricardo Lagos
                if shared and title is None and context.person_by_surname(hit.text) is None:
                    surname_entries = []
            if entry.kind in ("country", "adjective", "demonym", "capital") and country is None:
                country = entry.ref
            elif entry.kind == "seat":
                country, seat_role = entry.ref, entry.role
            elif entry.kind == "organisation":
                organisation = self.kb.organisations.get(entry.ref)
                if organisation is not None and organisation.kind == "people" and organisation.country:
                    # "Tigrayans", "Yazidi women": a people of one country, civilians unless the text says more
                    country = country or organisation.country
                    people_role = "CVL"
                else:
                    org = entry.ref
            elif entry.kind == "title":
                title = self.kb.titles.get(entry.ref)
            elif entry.kind == "agent":
                role = entry.ref

        if title is not None and country is None and org is None:
            country = title.country  # "the pope" is the Holy See's wherever it is written
        if role is None and title is None and people_role is not None:
            role = people_role

        if surname_entries and self._longer_unknown_name(body, hits[-1]):
            # "Lee Nak-yon" is not "Lee" Myung-bak: a known surname followed by more of a name the
            # base does not know is someone else.
            surname_entries = []
            if not (country or title or role or org):
                following = _UNKNOWN_NAME_AFTER.match(body[hits[-1].end : hits[-1].end + 60])
                name = f"{hits[-1].text} {following.group(1)}" if following else hits[-1].text
                return [make(kind="person", code=None, name=None, note=f"{name!r} is not in the knowledge base")]

        if person_entry is not None:
            person = self.kb.people[person_entry.ref]
            resolved = self._person_mention(make, person, day, former=phrase.former, text_title=title)
            person_index = next(i for i, h in enumerate(hits) if h.has("person"))
            if role is not None and any(h.has("agent") for h in hits[person_index + 1 :]) and resolved.country:
                # "President Xi Jinping's government": the government acts, the man is mentioned.
                person_end = hits[person_index].end
                named = dataclasses.replace(resolved, span=(span[0], person_end), text=body[span[0] : person_end])
                government = make(
                    kind="agent",
                    code=f"{resolved.country}{role}",
                    country=resolved.country,
                    role=role,
                    note=f"{role} of {person.name}",
                )
                return [named, government]
            return [resolved]

        if surname_entries:
            by_surname = self._resolve_surname(hits[-1].text, surname_entries, title, country, context)
            if isinstance(by_surname, Mention):
                return [make(**_copy_fields(by_surname), note=f"second reference to {by_surname.name}")]
            if by_surname is not None:
                return [self._person_mention(make, by_surname, day, former=phrase.former, text_title=title)]
            if not (country or title or role or org):
                return [make(kind="person", code=None, name=None, note=f"surname {hits[-1].text!r}: ambiguous")]

        unknown = _UNKNOWN_NAME_AFTER.match(body[hits[-1].end : hits[-1].end + 60])
        if unknown and (title is None and role is not None) and len(unknown.group(1).split()) < 2:
            unknown = None  # after an agent noun ("troops Monday") only a full name counts
        if unknown and set(unknown.group(1).split()) & (_NOT_A_NAME | _CALENDAR_WORDS):
            unknown = None
        placed = country is not None or org is not None
        if unknown and (title is not None or role is not None) and placed:  # noqa: SIM102 - two separate reasons
            if hits[-1].has("title", "agent"):
                # "Russian Foreign Minister Ivan Petrov", "Iranian foreign ministry spokesman Nasser Kanaani"
                name = unknown.group(1)
                office_role = role or "GOV"
                code = (org or f"{country}{office_role}") if not phrase.former else f"{country}ELI"
                end = hits[-1].end + unknown.end()
                return [
                    Mention(
                        article_id=sentence.article_id,
                        sentence_index=sentence.index,
                        span=(span[0], end),
                        text=body[span[0] : end],
                        kind="unknown_person",
                        code=code,
                        name=name,
                        role=title.title if title else hits[-1].text,
                        country=country,
                        note="not in the knowledge base; country and role from the text",
                    )
                ]
        if title is not None and (country is not None or org is not None):
            holder = self._holder(title, country, org, context)
            if holder is not None and not phrase.former:
                return [self._person_mention(make, holder, day, former=False, text_title=title)]
            base = org or country
            return [
                make(
                    kind="agent",
                    code=org if org else f"{base}{'ELI' if phrase.former else 'GOV'}",
                    role=title.title,
                    country=country,
                    note="office without a known holder on this date",
                )
            ]

        if title is not None and country is None and org is None:
            if _CAPITALISED_NEXT.match(body[hits[-1].end : hits[-1].end + 3]):
                return []  # part of a name: "Premier League", "President Hotel"
            holder_mention = context.last_holder(title, self.kb)
            if holder_mention is not None:
                return [make(**_copy_fields(holder_mention), note=f"'{text}' refers back to {holder_mention.name}")]
            return [make(kind="agent", code=None, role=title.title, note="title without a country or holder")]

        if role is not None and (country or org):
            if org is not None and (country is None or self._org_wins(org, country)):
                # The group's own code already says what it is ("al-Shabaab militants" -> SOMREBSHB).
                return [make(**self._organisation_fields(org), role=role)]
            codes = [country, *(h.entries[0].ref for h in phrase.coordinated)]
            return [make(kind="agent", code=f"{c}{role}", country=c, role=role) for c in codes if c]
        if role is not None:
            return [make(kind="agent", code=None, role=role, note="agent without a country")]

        if org is not None:
            return [make(**self._organisation_fields(org))]
        if country is not None:
            code = f"{country}{seat_role}" if seat_role else country
            c = self.kb.countries.get(country)
            return [
                make(
                    kind="country",
                    code=code,
                    name=c.name if c else None,
                    actor_id=country,
                    country=country,
                    note="seat of power" if seat_role else "",
                )
            ]
        return []

    def _org_wins(self, org: str, country: str) -> bool:
        """A national group's own code beats country + agent ("Sudanese paramilitary RSF" -> SDNREBRSF);
        an international body does not ("British UN peacekeepers" -> GBRPKO)."""
        organisation = self.kb.organisations[org]
        return organisation.country == country or (organisation.country is None and organisation.kind != "igo")

    def _person_mention(
        self, make: object, person: Person, day: date, *, former: bool, text_title: Title | None
    ) -> Mention:
        assert callable(make)
        spells = person.spells_on(day)
        if spells and not former:
            spell = _best_spell(spells)
            return make(  # type: ignore[no-any-return]
                kind="person",
                code=spell.code,
                name=person.name,
                actor_id=person.id,
                role=spell.office,
                country=spell.country or person.country,
            )
        if text_title is not None and not former and person.country:
            # The text titles them in office ("Foreign Minister Israel Katz"); the base may lag behind it.
            return make(  # type: ignore[no-any-return]
                kind="person",
                code=f"{person.country}GOV",
                name=person.name,
                actor_id=person.id,
                role=text_title.title,
                country=person.country,
                note="office as the text gives it; the knowledge base has no spell on this date",
            )
        past = [r for r in person.roles if r.start is not None and r.start <= day and not r.active_on(day)]
        country = person.country or (past[-1].country if past else None)
        if past or former:
            office = (
                max(past, key=lambda r: r.start or day).office if past else (text_title.title if text_title else "")
            )
            return make(  # type: ignore[no-any-return]
                kind="person",
                code=f"{country}ELI" if country else None,
                name=person.name,
                actor_id=person.id,
                role=f"former {office}".strip(),
                country=country,
                note="former office-holder on this date",
            )
        return make(  # type: ignore[no-any-return]
            kind="person",
            code=country,
            name=person.name,
            actor_id=person.id,
            role=None,
            country=country,
            note="held no office in the knowledge base on this date",
        )

    def _longer_unknown_name(self, body: str, hit: Hit) -> bool:
        following = _UNKNOWN_NAME_AFTER.match(body[hit.end : hit.end + 60])
        if following is None:
            return False
        word = following.group(1).split()[0].rstrip("'’")
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if word in _NOT_A_NAME or word in _CALENDAR_WORDS:
            return False
        lowered = word.lower()
        return lowered not in self.kb.agents and lowered not in self.kb.titles and not word.isupper()

    def _holder(self, title: Title, country: str | None, org: str | None, context: ArticleContext) -> Person | None:
        if country is not None and org is None and title.kind in _HEAD_KINDS:
            # The office's own name decides between the heads of one country: Iran's president heads
            # the government, its head of state is the Supreme Leader.
            named = {
                person.id: person
                for kind in _HEAD_KINDS
                for person, spell in self.kb.holders(kind, country, context.day)
                if any(word in spell.office.lower() for word in title.words)
                and not spell.office.lower().startswith(("vice", "deputy", "first vice"))
            }
            if len(named) == 1:
                return next(iter(named.values()))
        found = [
            person
            for person, spell in self.kb.holders(title.kind, country, context.day)
            if org is None or spell.org == org
        ]
        if org is not None and country is None:
            found = [p for p, s in self.kb.holders(title.kind, None, context.day) if s.org == org]
        unique = {p.id: p for p in found}
        return next(iter(unique.values())) if len(unique) == 1 else None

    def _resolve_surname(
        self,
        surname: str,
        entries: list[Entry],
        title: Title | None,
        country: str | None,
        context: ArticleContext,
    ) -> Person | Mention | None:
        earlier = context.person_by_surname(surname)
        if earlier is not None:
            return earlier
        candidates = [self.kb.people[e.ref] for e in entries]
        day = context.day
        if title is not None:
            titled = [
                p
                for p in candidates
                if any(title.kind in s.kinds() and (country is None or s.country == country) for s in p.spells_on(day))
            ]
            if len(titled) == 1:
                return titled[0]
        if surname in COMMON_WORD_SURNAMES:
            return None
        if country is not None:
            candidates = [p for p in candidates if p.country == country]
        active = [p for p in candidates if p.spells_on(day)]
        if len(active) == 1:
            return active[0]
        if len(candidates) == 1 and not active:
            return candidates[0]
        return None


_NAME_QUALIFIERS = frozenset({"Latin", "Central", "North", "South", "Native"})
# Heads of institution names: "Central American University", "Pan African Parliament".
_NAME_HEADS = re.compile(
    r"\s(?:University|College|Institute|Academy|School|Museum|Hospital|Foundation|Society|Association|Federation|"
    r"Church|Airlines|Airways|Bank|Company|Corporation|Studies)\b"
)


def _inside_name(body: str, hit: Hit, previous: Hit | None) -> bool:
    """A country adjective that is part of another proper name: "Central American University",
    "Latin American", "the Royal Dutch ..."; not "Shi'ite Iraqi militias" (no name follows)."""
    before = re.search(r"(?:^|(?<=[\s(\"“‘]))([A-Z][a-z]+)\s$", body[max(0, hit.start - 30) : hit.start])
    if before is None:
        return False
    word = before.group(1)
    word_start = hit.start - len(word) - 1
    if previous is not None and previous.end > word_start:
        return False  # the word before is a name the base knows ("Bosnian Serb")
    if word in _NAME_QUALIFIERS:
        return True
    if word in _CALENDAR_WORDS or re.search(r"(?:^|[.!?:;\"“”]\s*|\n)$", body[max(0, word_start - 3) : word_start]):
        return False  # a sentence or a quote starts with it ("Senior American officials said")
    return _NAME_HEADS.match(body, hit.end) is not None


def _described_agent(current: Hit, gap: str, nxt: Hit) -> bool:
    """ "a U.S. nuclear-armed submarine", "Russian long-range bombers", "the first U.S. Abrams tanks":
    the country's agent with words describing it in between."""
    if not (current.has("country", "adjective") and nxt.has("agent")):
        return False
    if _DESCRIBING_GAP.match(gap):
        return True
    return bool(_WEAPONS.search(nxt.text)) and _MODEL_GAP.match(gap) is not None


def _countries_after(body: str, end: int, following: Sequence[_Phrase], *, serving: bool = False) -> list[str]:
    """The countries an agent phrase is "of": "the leaders of Japan and South Korea" -> JPN, KOR.

    ``serving``: the agent serves someone, so "to" links it too ("an adviser to Ukraine's president").
    """
    link = (_SERVING_LINK if serving else _OF_LINK).match(body, end)
    if link is None:
        return []
    position, codes = link.end(), []
    for phrase in following:
        hit = phrase.hits[0]
        if hit.start != position or hit.entries[0].kind not in ("country", "adjective"):
            break
        if len(phrase.hits) > 1 and not phrase.hits[1].has("agent", "title"):
            break  # "negotiators for Colombia's government", not "leaders of Russia Today"
        codes.append(hit.entries[0].ref)
        joint = _AND_LINK.match(body, phrase.hits[-1].end)
        if joint is None:
            break
        position = joint.end()
    return codes


def _of_group(agent: Mention, group: Organisation) -> Mention:
    return dataclasses.replace(
        agent,
        kind="organisation",
        code=group.code,
        name=group.name,
        actor_id=group.code,
        country=group.country,
        note=f"of {group.name}",
    )


def _owned(agent: Mention, country: str, why: str = "") -> Mention:
    # A bare title ("the premier", "leaders") carries its office name as role; the office implies GOV.
    role = agent.role if agent.role and agent.role.isupper() else "GOV"
    return dataclasses.replace(agent, code=f"{country}{role}", country=country, note=why or f"of {country}")


def _copy_fields(m: Mention) -> dict[str, object]:
    return {
        "kind": m.kind,
        "code": m.code,
        "name": m.name,
        "actor_id": m.actor_id,
        "role": m.role,
        "country": m.country,
    }
