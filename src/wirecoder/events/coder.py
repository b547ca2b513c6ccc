"""The dependency coder: who did what to whom in one parsed sentence.

For every token that a rule of the trigger book names, it finds the source and target actors from
the parse (subject/object, passive agent, possessives, "between X and Y", the clause a noun sits
in), decides whether the event was asserted, intended or negated, and dates and places it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from wirecoder.actors.resolve import HOME_NOTE
from wirecoder.dates import CALENDAR_NAMES, DateMention, find_dates, resolve
from wirecoder.events.cameo import Codebook
from wirecoder.events.modality import COMMITMENTS, Modality, according_to, analyse
from wirecoder.events.syntax import SentenceActors, clause_tokens
from wirecoder.events.triggers import ANY_ACTOR_OBJECT, TriggerBook, TriggerRule
from wirecoder.places import PlaceIndex
from wirecoder.records import DateValue, Event, Mention, Place, Sentence

CODER_NAME = "wirecoder.dep_coder.v1"

_ADJUNCT_PREPS = frozenset(
    ["during", "in", "at", "after", "before", "on", "following", "amid", "ahead", "since", "with", "throughout", "for"]
)
_PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside"})
_NARRATIVE_WINDOW = timedelta(days=10)
_MEETING_CODES = frozenset({"040"})
# Roots whose target may be a place standing for its country: force, coercion, assault, fighting.
_PLACE_TARGET_ROOTS = frozenset({"15", "17", "18", "19", "20"})
_ATTACK_ROOTS = frozenset({"18", "19", "20"})
_CONDITIONS = frozenset({"if", "unless", "until"})
_TIME_NOUNS = CALENDAR_NAMES | {"day", "night", "morning", "afternoon", "evening", "weekend"}
# Verbs that link a subject to an adjective of stance ("was optimistic", "remained confident").
_LINKING_VERBS = frozenset({"be", "remain", "sound", "seem", "appear", "feel", "stay"})
_FORCE_ROLES = frozenset({"MIL", "COP", "UAF", "REB", "INS", "SEP", "PKO"})
# Refinement of an intention: the intended act's root -> the 03x code for intending it.
_INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "02": "", "01": ""}
_INTENT_BY_CODE = {
    "045": "039",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "081": "0351",
    "0841": "0353",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "0871": "0356",
    "163": "1312",
    "161": "1313",
    "162": "1311",
    "166": "1313",
}
_REQUEST_ROOTS = frozenset({"02", "10"})
# Appeals (02) and demands (10) for an act: the act's code (or its prefix) -> the request's code.
_APPEAL_FOR = {
    "061": "0211",
    "062": "0212",
    "063": "0213",
    "064": "0214",
    "06": "021",
    "05": "022",
    "057": "022",
    "071": "0231",
    "072": "0232",
    "073": "0233",
    "074": "0234",
    "07": "023",
    "081": "0251",
    "0841": "0253",
    "084": "0253",
    "085": "0254",
    "086": "0255",
    "087": "0256",
    "0871": "0256",
    "0874": "0256",
    "08": "025",
    "04": "026",
    "046": "026",
    "045": "028",
}
_DEMAND_FOR = {
    "061": "1011",
    "062": "1012",
    "063": "1013",
    "064": "1014",
    "06": "101",
    "05": "102",
    "071": "1031",
    "072": "1032",
    "073": "1033",
    "074": "1034",
    "07": "103",
    "081": "1051",
    "0841": "1053",
    "084": "1053",
    "085": "1054",
    "086": "1055",
    "087": "1056",
    "0871": "1056",
    "0874": "1056",
    "08": "105",
    "04": "106",
    "046": "106",
    "045": "108",
}
# Refusing a cooperative act is a rejection (CAMEO 12): the refused act's code (or its prefix) -> 12x.
_REFUSAL_FOR = {
    "045": "126",
    "057": "127",
    "061": "1211",
    "062": "1212",
    "081": "1241",
    "0841": "1243",
    "084": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
    "0871": "1246",
    "0874": "1246",
    "02": "120",
    "03": "120",
    "04": "125",
    "05": "120",
    "06": "121",
    "07": "122",
    "08": "124",
    "09": "120",
}
_THREAT_BY_ROOT = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}


@dataclass
class ArticleState:
    """What the coder carries from one sentence to the next within an article."""

    article_id: str
    published: date
    narrative: date | None = None  # the day the story is at ("On Thursday, ...")
    last_person: Mention | None = None
    last_group: tuple[Mention, ...] = ()
    seen: set[tuple[str | None, str | None, str, str]] = field(default_factory=set)

    @property
    def reference(self) -> date:
        return self.narrative or self.published


@dataclass(frozen=True, slots=True)
class _Draft:
    rule: TriggerRule
    trigger: Token
    sources: list[Mention]
    targets: list[Mention]
    modality: Modality
    pair_mode: bool = False  # "between X and Y": sources and targets are one list to pair up
    both_ways: bool = False  # "accused each other": every source toward every other source


# "held four hours of talks", "a new round of talks": the measured noun is the light verb's object.
_MEASURE_NOUNS = frozenset(
    {
        "hour",
        "day",
        "week",
        "month",
        "round",
        "series",
        "set",
        "wave",
        "spate",
        "string",
        "number",
        "couple",
        "kind",
        "package",
        "size",
        "part",
        "campaign",
        "policy",
        "message",
        "letter",
        "act",
        "acts",
    }
)
# Heads that count or portion what their "of" phrase names: the verb acts on the goods.
_PARTITIVES = frozenset(
    {
        "first",
        "second",
        "third",
        "last",
        "rest",
        "remainder",
        "batch",
        "tranche",
        "consignment",
        "thousand",
        "hundred",
        "dozen",
        "ten",
        "score",
        "some",
        "all",
        "most",
        "many",
        "several",
        "more",
        "number",
        "lot",
        "pair",
        "couple",
        "container",
        "crate",
        "load",
        "truckload",
        "planeload",
        "shipload",
        "box",
        "piece",
        "unit",
        "quantity",
        "cargo",
        "fleet",
        "squadron",
        "array",
    }
)
# Verbs that report the toll of an attack in a trailing participle (", killing 13 civilians").
_CONSEQUENCES = frozenset({"kill", "injure", "wound", "leave", "destroy", "damage"})
# Adjunct prepositions that place a noun's event before or around the clause's, not inside it: the
# clause's subject did not do it ("raised its alert after the attack on a Moscow concert hall").
_CIRCUMSTANCE_PREPS = frozenset({"after", "amid", "following", "since", "before", "ahead", "despite"})
_MONTH_NAMES = frozenset({"March", "May"})  # months that are also trigger nouns
# Words that put a sentence on a sports page: countries there are teams ("Brazil beat Argentina").
_SPORTS = re.compile(
    r"\b(?:World Cup|qualifier|Olympics?|Euro 20\d\d|semi-?finals?|quarter-?finals?|tournament|championship|"
    r"striker|midfielder|goalkeeper|forwards|equali[sz]er|scored|kick-?off|penalty shootout|friendly match|"
    r"national team|squad|Grand Prix|Test match|innings|wickets?|medal)\b",
)
_EDGE_PUNCTUATION = ".,;:!?\"'()[]“”‘—-"


# Forms the English lemmatizer gets wrong that triggers depend on ("staged" -> "stag").
# The forms of "be" come out of the lemmatizer as they are.
_LEMMA_FIXES = {
    "staged": "stage",
    "staging": "stage",
    "stages": "stage",
    **dict.fromkeys(("is", "are", "was", "were", "been", "being", "'s", "'re"), "be"),
    **dict.fromkeys(("had", "has", "having"), "have"),  # the tagger leaves auxiliary "had" unlemmatised
}


def _lemma(token: Token) -> str:
    return _LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


class SentenceCoder:
    def __init__(
        self,
        book: TriggerBook,
        codebook: Codebook,
        places: PlaceIndex,
        *,
        background_days: int = 30,
        agent_words: Iterable[str] = (),
    ):
        self.book = book
        self.codebook = codebook
        self.places = places
        self.background = timedelta(days=background_days)
        self._agent_words: frozenset[str] = frozenset(agent_words)

    # -- candidate filter -----------------------------------------------------------------------

    def may_hold_event(self, sentence_text: str) -> bool:
        """Cheap test on raw text: does any word of the sentence take a trigger form?"""
        words = {w.strip(_EDGE_PUNCTUATION) for w in sentence_text.lower().replace("’", "'").split()}
        # "Russia's" and "talks'" also stand for their bare words
        words |= {w[:-2] for w in words if w.endswith("'s")} | {w.rstrip("'") for w in words if w.endswith("'")}
        return self.book.may_match(words)

    # -- main entry -----------------------------------------------------------------------------

    def code(
        self,
        doc: Doc,
        sentence: Sentence,
        mentions: Sequence[Mention],
        state: ArticleState,
        date_mentions: list[DateMention] | None = None,
        *,
        headline: bool = False,
    ) -> list[Event]:
        """The events of one parsed sentence; ``headline`` for an article's title (its grammar differs)."""
        actors = SentenceActors(
            doc,
            sentence.span[0],
            mentions,
            fallback_person=state.last_person,
            fallback_group=() if headline else state.last_group,  # a headline is read before its body
        )
        if sentence.text.rstrip().endswith("?"):
            return []
        if date_mentions is None:
            date_mentions = find_dates(sentence.text)
        drafts = [d for token in doc for d in self._drafts(token, actors)]
        drafts = self._fold_requests(drafts, actors)
        # "warned that Turkey would launch an offensive": the offensive is the threat; the warning is
        # not a second, vaguer one
        markers = {d.modality.intent_marker.i for d in drafts if d.modality.intent_marker is not None}
        drafts = [d for d in drafts if not (d.rule.code == "130" and d.trigger.i in markers)]
        if headline:
            drafts = [_headline_draft(d) for d in drafts]
        events: list[Event] = []
        for draft in drafts:
            events.extend(self._events(draft, doc, sentence, actors, date_mentions, state))
        if events and _SPORTS.search(sentence.text):
            # On the sports page a bare country is a team: "Brazil meet Argentina", "bombarded the goal".
            events = [e for e in events if not _bare_country(e.source)]
        return events

    def after_sentence(
        self,
        sentence: Sentence,
        mentions: Sequence[Mention],
        state: ArticleState,
        date_mentions: list[DateMention] | None = None,
    ) -> None:
        """Move the article state past a sentence (called for every sentence, parsed or not)."""
        for mention in find_dates(sentence.text) if date_mentions is None else date_mentions:
            value = resolve(mention, state.published)
            if value is None or value.precision != "day":
                continue
            if state.published - _NARRATIVE_WINDOW <= value.day <= state.published:
                state.narrative = value.day
                break
        people = [m for m in mentions if m.kind in ("person", "unknown_person") and m.name]
        if people:
            state.last_person = people[0]
        coded = [m for m in mentions if m.code and m.country]
        groups = [m for m in coded if m.kind not in ("person", "unknown_person")]
        if groups:
            state.last_group = (groups[0],)

    # -- appeals and demands ---------------------------------------------------------------------

    @staticmethod
    def _request_addressees(verb: Token, actors: SentenceActors) -> list[Mention]:
        """Who is asked: the subject of the clause that says what is demanded."""
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp"):
                subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                found = [m for s in subjects for m in actors.actors_of(s)]
                if found:
                    return found
        # the parser often misses the subjunctive ("demanded that Moscow free ..."): any subject after it
        for token in verb.subtree:
            if token.i > verb.i and token.dep_ in ("nsubj", "nsubjpass"):
                found = actors.actors_of(token)
                if found:
                    return found
        return []

    def _fold_requests(self, drafts: list[_Draft], actors: SentenceActors) -> list[_Draft]:
        """What an appeal or a demand asks for is not an event: it refines the appeal's code.

        "urged Iran to release the sailors" is 0253 (appeal for release), not a release; "demanded that
        Rwandan troops withdraw" is 1056. The appeal's target is whoever is asked to act.
        """
        drafts = [
            dataclasses.replace(d, targets=self._request_addressees(d.trigger, actors))
            if d.rule.code[:2] in _REQUEST_ROOTS and not d.targets
            else d
            for d in drafts
        ]
        requests = [d for d in drafts if d.rule.code[:2] in _REQUEST_ROOTS]
        if not requests:
            return drafts
        folded: set[int] = set()
        refined: dict[int, _Draft] = {}
        for request in requests:
            for inner in drafts:
                if inner is request or inner.trigger.i == request.trigger.i:
                    continue
                if not _asked_for(inner.trigger, request.trigger):
                    continue
                folded.add(id(inner))
                code = _requested_code(request.rule.code[:2], inner.rule.code) or request.rule.code
                targets = request.targets or inner.sources
                rule = dataclasses.replace(request.rule, code=code, fields=None)
                refined[id(request)] = dataclasses.replace(request, rule=rule, targets=targets)
        return [refined.get(id(d), d) for d in drafts if id(d) not in folded]

    # -- triggers -------------------------------------------------------------------------------

    def _drafts(self, token: Token, actors: SentenceActors) -> list[_Draft]:
        lemma = _lemma(token)
        drafts: list[_Draft] = []
        if lemma in _CONSEQUENCES and (
            (token.tag_ == "VBG" and token.dep_ in ("advcl", "acl") and self._coded(token.head))
            or (token.dep_ == "relcl" and token.head.pos_ == "NOUN" and _lemma(token.head) in self.book.nouns)
        ):
            # "struck a bus ..., killing dozens", "a drone strike that killed three soldiers": the toll of
            # the strike, not a second attack
            return []
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            rule = self._verb_rule(token, lemma, actors)
            if rule is not None:
                draft = self._verb_draft(token, rule, actors)
                if draft is not None:
                    drafts.append(draft)
        elif token.pos_ == "ADJ" and lemma in self.book.adjectives:
            draft = self._adjective_draft(token, self.book.adjectives[lemma][0], actors)
            if draft is not None:
                drafts.append(draft)
        elif token.pos_ in ("NOUN", "PROPN"):
            rule = self._noun_rule(token, lemma)
            if rule is not None and self._under_inquiry(token, actors):
                return []  # "an inquiry into Iran's crackdown on protesters": alleged, not reported
            if rule is not None and rule.code[:2] in _ATTACK_ROOTS and self._means_of_attack(token, rule, actors):
                return []  # "killed Nasrallah in a massive air strike": how he was killed, not a second attack
            if rule is not None:
                draft = self._noun_draft(token, rule, actors)
                if draft is not None:
                    drafts.append(draft)
        return drafts

    def _means_of_attack(self, noun: Token, noun_rule: TriggerRule, actors: SentenceActors) -> bool:
        """ "killed Nasrallah in a massive air strike": the strike is how the verb's own doer acted.

        Not when the verb names no doer ("was killed in an Israeli air strike": the noun does) or the
        noun is the graver act ("killed 1,400 people in a chemical weapons attack").
        """
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "with", "by", "through", "using"):
            return False
        verb = noun.head.head
        if verb.pos_ != "VERB" or not any(c.dep_ in ("nsubj", "agent") for c in verb.children):
            return False
        if noun_rule.code.startswith("20"):
            return False
        rule = self._verb_rule(verb, _lemma(verb), actors)
        return rule is not None and rule.code[:2] in _ATTACK_ROOTS

    def _under_inquiry(self, noun: Token, actors: SentenceActors) -> bool:
        node = noun
        for _ in range(3):
            if node.head.i == node.i:
                return False
            node = node.head
            lemma = _lemma(node)
            # the rule that codes the word above, not any rule of its lemma: "launched an offensive" is
            # no inquiry although "launched an investigation" is one
            rule = self._noun_rule(node, lemma) if node.pos_ == "NOUN" else self._verb_rule(node, lemma, actors)
            if rule is not None and rule.code.startswith("09"):
                return True
        return False

    def _coded(self, token: Token) -> bool:
        """Whether a trigger word heads ``token`` or its nearest verb or noun above it."""
        for node in (token, token.head):
            lemma = _lemma(node)
            if lemma in self.book.verbs or lemma in self.book.nouns:
                return True
        return False

    def _verb_rule(self, verb: Token, lemma: str, actors: SentenceActors) -> TriggerRule | None:
        rules = self.book.verbs.get(lemma, ())
        if not rules:
            return None
        near: set[str] = set()
        for child in verb.children:
            if child.dep_ == "prep" and any(c.dep_ == "pobj" and c.lower_ in _TIME_NOUNS for c in child.children):
                continue  # "called Putin on Friday" is no "call on"
            near.update((child.lower_, _lemma(child)))
            if child.dep_ in ("prep", "dobj", "prt", "advmod", "xcomp"):
                for grandchild in child.children:
                    near.update((grandchild.lower_, _lemma(grandchild)))
            elif child.dep_ in ("ccomp", "advcl"):
                # "mulling whether to let Ukraine strike": the clause's conjunction, not its words
                near.update(g.lower_ for g in child.children if g.dep_ == "mark")
        obj = self._object_token(verb)
        obj_lemma = _lemma(obj) if obj is not None else None
        best: tuple[int, TriggerRule] | None = None
        for rule in rules:
            if rule.particles and not all(p in near for p in rule.particles):
                continue
            score = 4 * len(rule.particles)
            if rule.objects:
                if obj_lemma in rule.objects or (obj is not None and obj.lower_ in rule.objects):
                    score += 2  # by lemma or as written: lists hold "talks" and "arms", whose lemmas differ
                elif ANY_ACTOR_OBJECT in rule.objects and obj is not None and actors.actors_of(obj):
                    score += 1  # "released a Spanish engineer": any object that names an actor
                else:
                    continue
            if best is None or score > best[0]:
                best = (score, rule)
        return best[1] if best else None

    @staticmethod
    def _object_token(verb: Token) -> Token | None:
        if verb.dep_ == "acl":
            return _partitive_whole(verb.head)
        for child in verb.children:
            if child.dep_ in ("dobj", "obj", "nsubjpass"):
                return _partitive_whole(child)
        return None

    def _noun_rule(self, noun: Token, lemma: str) -> TriggerRule | None:
        rules = self.book.nouns.get(lemma, ()) or self.book.nouns.get(noun.lower_, ())
        if not rules:
            return None
        if noun.text in _MONTH_NAMES:
            return None  # "in March 2022"
        if noun.dep_ == "compound" and noun.head.i != noun.i:
            if self._is_actor_word(noun.head):
                return None  # "riot police", "attack helicopters", "protest leaders" name actors, not events
            if _lemma(noun.head) in self.book.nouns:
                return None  # "a defence cooperation agreement", "ceasefire talks": the head is the event
        modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        best: tuple[int, TriggerRule] | None = None
        for rule in rules:
            if rule.modifiers and not all(m in modifiers for m in rule.modifiers):
                continue
            score = len(rule.modifiers)
            if best is None or score > best[0]:
                best = (score, rule)
        return best[1] if best else None

    @staticmethod
    def _provokers(verb: Token, sources: list[Mention], actors: SentenceActors) -> list[Mention]:
        own = {m.country for m in sources}
        found: list[Mention] = []
        for child in verb.children:
            clause = child
            if child.dep_ == "prep" and child.lower_ in ("after", "amid", "following"):
                clause = next((c for c in child.children if c.dep_ in ("pcomp", "pobj")), child)
            elif child.dep_ != "advcl" or not any(c.lower_ in ("after", "as") for c in child.children):
                continue
            for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                found += [m for m in actors.actors_of(subject) if m.country and m.country not in own]
        return found

    @staticmethod
    def _goods_owner(noun: Token, actors: SentenceActors) -> list[Mention]:
        """Whose goods a handover moves: "the delivery of (20,000 tonnes of) Indian wheat" -> India."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return actors.actors_of(pobj) or SentenceCoder._goods_owner(pobj, actors)
        return []

    def _is_actor_word(self, token: Token) -> bool:
        return token.lower_ in self._agent_words or _lemma(token) in self._agent_words

    # -- arguments ------------------------------------------------------------------------------

    def _verb_draft(self, verb: Token, rule: TriggerRule, actors: SentenceActors) -> _Draft | None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        targets: list[Mention] = []
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        force_subject = False
        if verb.dep_ == "acl" and verb.tag_ == "VBD":
            # a misparse of a plain clause: "Boko Haram militants slaughtered ..." as "militants (who were)
            # slaughtered"; a past participle would be VBN
            sources = actors.actors_of(verb.head)
        elif verb.dep_ == "acl":  # "sanctions imposed by the US against Moscow"
            sources = actors.passive_agent(verb)
            if verb.tag_ == "VBN" and not rule.objects:
                # "talks between the army and the RSF, mediated by Saudi Arabia": the noun is the object
                targets.extend(actors.actors_of(verb.head) or actors.prep_objects(verb.head, ["between"]))
        elif passive:
            sources = actors.passive_agent(verb)
            subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if rule.objects:
                objects = subjects  # "was released by JNIM": the subject is the object, its owner the target
            elif rule.passive_target_subject:
                for child in subjects:
                    # "interceptors for Ukraine were promised by Germany": the subject's beneficiary
                    targets.extend(actors.actors_of(child) or actors.prep_objects(child, [*rule.targets, "for"]))
            if not sources and rule.code.startswith("15"):
                # "riot police were deployed across Moscow": the force itself is the actor
                sources = [m for child in subjects for m in actors.actors_of(child)]
                targets = []
                force_subject = True
        else:
            sources, _ = actors.subject_actors(verb)
        if (
            rule.code[:3] in ("042", "043", "044")
            and rule.particles
            and (passive or any(not actors.actors_of(o) for o in objects))
        ):
            return None  # "flew 300 police officers to Haiti", "food was flown to Syria": carrying, not a visit
        if rule.code == "042" and rule.particles and all((m.code or "")[3:6] in _FORCE_ROLES for m in sources):
            return None  # "Russian troops began arriving in Belarus" is a deployment, not a visit
        if rule.code[:3] in ("042", "043") and any(
            c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in _MACHINES for c in verb.children
        ):
            return None  # "the first U.S. Abrams tanks have arrived in Ukraine": a delivery, not a visit
        if rule.code.startswith("02") and verb.tag_ == "VBN" and verb.dep_ == "advcl":
            return None  # "Asked whether Tokyo had been told, a spokesman declined to comment"
        if len(sources) >= 2 and any(actors.is_reciprocal(o) for o in objects):
            return _Draft(rule, verb, sources, [], analyse(verb, self.book), both_ways=True)
        preps = rule.prepositions
        if not passive and not rule.objects:
            targets.extend(actors.objects(verb, rule.targets))
        elif not passive and "dative" in rule.targets:
            targets.extend(actors.objects(verb, ["dative"]))  # "gave Ukraine 14 tanks"
        targets.extend(actors.prep_objects(verb, preps))
        if not targets:
            # "cut ties with Tehran", "requested the extradition of X from the United States": the
            # preposition hangs on the object.
            for child in objects:
                targets.extend(actors.prep_objects(child, preps))
        if not targets and rule.particles:
            # "paused $95 million in budget support to Ethiopia": deeper inside the phrase
            targets.extend(actors.nested_prep_objects(verb, preps))
            for child in verb.children:
                # "declined to comment on the findings of German doctors": on the rule's own word
                if not targets and child.dep_ in ("xcomp", "dobj", "ccomp") and _lemma(child) in rule.particles:
                    targets.extend(actors.nested_prep_objects(child, preps))
        if not targets and rule.code[:2] in _ATTACK_ROOTS:
            # "struck a car carrying PKK militants": who was in what was hit
            targets.extend(
                m
                for o in objects
                for acl in o.children
                if acl.dep_ == "acl"
                for c in acl.children
                if c.dep_ in ("dobj", "obj")
                for m in actors.actors_of(c)
            )
        if not targets and rule.code[:2] in _ATTACK_ROOTS:
            # "struck what New Delhi said was a militant camp inside Pakistani territory": whose ground
            # the thing hit stands on
            own = {m.country for m in sources}
            targets.extend(
                m for o in objects for m in actors.mentions_within(o) if m.kind == "country" and m.country not in own
            )
        if rule.objects and not targets and "dobj" in rule.targets:
            # "seized a Greek tanker": the object's owner is the target.
            for child in objects:
                targets.extend(actors.actors_of(child))
        if not targets and rule.code.startswith("09"):
            arguments = [
                *objects,
                *(p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"),
            ]
            if passive:
                arguments += [c for c in verb.children if c.dep_ == "nsubjpass"]
            targets = _perpetrators(arguments, actors)
        if not targets and rule.code.startswith("045"):
            targets = [m for m in _mediated_parties(verb, actors) if m.country not in {s.country for s in sources}]
        if not sources and verb.dep_ in ("ccomp", "conj") and _lemma(verb.head) in COMMITMENTS:
            # "Katz vowed that the army would seize ...": the one who vows stands for the act
            sources, _ = actors.subject_actors(verb.head)
        if not targets and "topic" in rule.targets:
            targets = actors.topic_actors(verb, sources) or [
                m for o in objects for m in actors.topic_actors(o, sources)
            ]  # "voiced confidence that the peace process in Congo would deliver"
        pair_mode = False
        if "between" in rule.targets and not sources:
            pair = actors.prep_objects(verb, ["between"])
            if len(pair) >= 2:
                sources, targets, pair_mode = pair[:1], pair[1:], True
        if not sources:
            return None
        if not targets and rule.code.startswith("15"):
            # "Taiwan put its forces on alert after China began war games": the posture answers someone
            targets = self._provokers(verb, sources, actors)
        if not targets and (rule.place_target or rule.code[:2] in _PLACE_TARGET_ROOTS):
            arguments = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass") and not force_subject]
            arguments += _prep_objects(verb, rule.targets)
            targets = self._place_targets(arguments, actors)
        return _Draft(rule, verb, sources, targets, analyse(verb, self.book), pair_mode)

    def _adjective_draft(self, adjective: Token, rule: TriggerRule, actors: SentenceActors) -> _Draft | None:
        """A stance said with an adjective: "X was cautiously optimistic that talks with Y would succeed"."""
        head = adjective.head
        if adjective.dep_ not in ("acomp", "oprd") or _lemma(head) not in _LINKING_VERBS:
            return None  # "the countries concerned", "a confident team": not a stance anyone took
        sources, _ = actors.subject_actors(adjective)
        if not sources:
            return None
        preps = rule.prepositions
        targets = actors.nested_prep_objects(adjective, preps)
        if not targets and "topic" in rule.targets:
            targets = actors.topic_actors(adjective, sources)
        # the linking verb carries the negation and the reporting clause ("was not optimistic", "said")
        return _Draft(rule, adjective, sources, targets, analyse(head, self.book))

    def _place_targets(self, arguments: list[Token], actors: SentenceActors) -> list[Mention]:
        """A place attacked or occupied stands for its country ("shelled Kharkiv" -> UKR)."""
        found: list[Mention] = []
        for token in arguments:
            start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
            for hit in self.places.find(token.doc.text[start:end]):
                if hit.place.country:
                    span = (actors.offset + start + hit.start, actors.offset + start + hit.end)
                    found.append(
                        Mention(
                            article_id="",
                            sentence_index=0,
                            span=span,
                            text=hit.place.name,
                            kind="country",
                            code=hit.place.country,
                            name=None,
                            country=hit.place.country,
                            note=f"place {hit.place.name} stands for its country",
                        )
                    )
        return found

    def _noun_draft(self, noun: Token, rule: TriggerRule, actors: SentenceActors) -> _Draft | None:
        own_sources: list[Mention] = []
        own_targets = actors.nested_prep_objects(noun, [t for t in rule.targets if t != "between"])
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and actors.direct(child)):
                own_sources.extend(actors.actors_of(child))
            elif child.dep_ == "prep" and child.lower_ == "by":
                own_sources.extend(actors.prep_objects(noun, ["by"]))
            elif child.dep_ == "acl" and child.pos_ == "VERB":
                own_sources.extend(actors.passive_agent(child))
                own_targets.extend(actors.prep_objects(child, rule.targets))
        pair = actors.prep_objects(noun, ["between"])
        if len(pair) < 2 and noun.dep_ == "nsubj":
            pair = actors.prep_objects(noun.head, ["between"])  # "fighting broke out between X and Y"
        modality_anchor = noun
        context = noun.head if noun.dep_ in ("compound", "conj") else noun
        if context.dep_ == "pobj" and context.head.lower_ == "of" and _lemma(context.head.head) in _MEASURE_NOUNS:
            context = context.head.head  # "held four hours of talks"
        elif context.dep_ == "pobj" and context.head.lower_ == "in" and _is_amount(context.head.head):
            context = context.head.head  # "received 1.5 billion euros in financial assistance"
        role = context.dep_
        governor = context.head
        fires = (bool(own_sources) or len(pair) >= 2) and not rule.light_only
        gov_sources: list[Mention] = []
        gov_targets: list[Mention] = []
        if role in ("dobj", "obj") and governor.pos_ in ("VERB", "AUX"):
            if _lemma(governor) in _RECEIVING_VERBS and not rule.code.startswith("04"):
                # "Ukraine received 1.5 billion euros in aid from the EU": the giver is in the "from" phrase
                givers = next(
                    (found for node in (governor, context, noun) if (found := actors.prep_objects(node, ["from"]))), []
                )
                receivers, _ = actors.subject_actors(governor)
                if not givers or not receivers or own_sources:
                    return None
                return _Draft(rule, noun, givers, receivers, analyse(governor, self.book))
            if _lemma(governor) in self.book.light_verbs:
                fires = True
                gov_sources, _ = actors.subject_actors(governor)
                gov_targets = actors.prep_objects(governor, rule.targets) + actors.objects(governor, ["dative"])
                if not gov_targets and context.i != noun.i:
                    gov_targets = actors.nested_prep_objects(context, rule.targets)
                if not gov_targets and rule.code[:2] in _ATTACK_ROOTS:
                    # "carried out bombings in Kenya": a country named as the place is the one attacked
                    gov_targets = [m for m in actors.prep_objects(governor, ["in", "inside"]) if m.kind == "country"]
                modality_anchor = governor
            elif _lemma(governor) in self.book.verbs and not own_sources:
                return None  # the verb codes on its own ("condemned the attack")
        elif role in ("nsubj", "nsubjpass") and _lemma(governor) in self.book.light_verbs:
            # "joint drills were staged by Russian and Chinese warships", "the delivery of Indian wheat to
            # Afghanistan was completed", "talks resumed"
            fires = True
            if role == "nsubjpass":
                gov_sources = actors.passive_agent(governor)
            gov_targets = actors.prep_objects(governor, rule.targets)
            modality_anchor = governor
            if not own_sources and not gov_sources and rule.code.startswith("07"):
                own_sources = self._goods_owner(noun, actors)
        elif role == "pobj" and governor.dep_ == "prep" and governor.lower_ in _ADJUNCT_PREPS and not rule.light_only:
            clause = governor.head
            if _lemma(clause) in self.book.negating_verbs:
                return None  # "blamed Azerbaijani troops for the shelling": an allegation, not the blamer's act
            circumstance = governor.lower_ in _CIRCUMSTANCE_PREPS and rule.code[:2] >= "13"
            if clause.pos_ in ("VERB", "AUX") and not circumstance:
                fires = True
                gov_sources, _ = actors.subject_actors(clause)
                gov_targets = actors.objects(clause, ["dobj", "dative"])
                modality_anchor = clause
        if not fires:
            return None
        if len(pair) >= 2 and not own_sources:
            return _Draft(rule, noun, pair[:1], pair[1:], analyse(modality_anchor, self.book), True)
        sources = own_sources or gov_sources
        targets = own_targets or gov_targets
        if not sources:
            return None
        if not targets and rule.code.startswith("09"):
            targets = _perpetrators([noun], actors)  # "an investigation into alleged war crimes by the army"
        if not targets and (rule.place_target or rule.code[:2] in _PLACE_TARGET_ROOTS):
            targets = self._place_targets(_prep_objects(noun, rule.targets), actors)
            if not targets and rule.code.startswith("042") and noun.dep_ == "pobj":
                # "signed a pact in Kyiv during a visit by Starmer": the visit is where the clause is
                own = {m.country for m in sources}
                places = self._place_targets(_prep_objects(noun.head.head, ("in", "at")), actors)
                targets = [m for m in places if m.country not in own]
        return _Draft(rule, noun, sources, targets, analyse(modality_anchor, self.book))

    # -- events ---------------------------------------------------------------------------------

    def _events(
        self,
        draft: _Draft,
        doc: Doc,
        sentence: Sentence,
        actors: SentenceActors,
        date_mentions: list[DateMention],
        state: ArticleState,
    ) -> list[Event]:
        status = draft.modality.status
        code = self._specific_code(draft.rule, doc)
        if _lemma(draft.trigger) in _KILLING_VERBS and _mass_victims(draft.trigger):
            code = "202"  # "killed more than 1,000 people in Ardamata" is a mass killing
        if code.startswith("191") and draft.sources and all(_civilian(m) for m in draft.sources):
            code = "1442"  # "farmers blockaded border crossings": protesters obstruct, they impose no blockade
        if status == "negated" and draft.modality.refusal is not None:
            refused = _refusal_code(code)
            if refused is None:
                return []
            code, status = refused, "asserted"
        elif status in ("negated", "hypothetical"):
            return []
        intent = status == "intent"
        if intent:
            intended = self._intent_code(code)
            if intended is None:
                return []
            code = intended
        draft = self._speakers_own(draft, actors)
        if code.startswith("13") and not draft.targets and not draft.both_ways:
            # "threatened to call protests unless Ruto's government ...": the threat is aimed at whoever
            # must meet the condition
            draft = dataclasses.replace(draft, targets=_condition_parties(draft, actors))
        if status == "obligation":
            # "Pashinyan must resign, the opposition said": the speaker demands it of the subject
            pairs = self._demand_pairs(draft, actors)
            code = _requested_code("10", code) or "100"
        else:
            pairs = self._pairs(draft)
        if not pairs:
            return []
        pairs = [(source, target or _implicit_target(code, source)) for source, target in pairs]
        when = self._date(draft, doc, sentence, date_mentions, state, intent=intent)
        place = None if intent else self._place(draft, doc, sentence)
        attributed = self._attribution(draft, actors)
        events = []
        for source, target in pairs:
            event_code = code
            if code in _MEETING_CODES and place is not None and place.country:
                event_code = self._meeting_code(source, target, place.country)
            events.append(self._event(event_code, draft, source, target, when, place, attributed, sentence, state))
        return events

    @staticmethod
    def _speakers_own(draft: _Draft, actors: SentenceActors) -> _Draft:
        """ "Israel's defence minister vowed the army would ...": an agent the article placed by its
        main country belongs to the speaker's country when the speaker is an official of one."""
        speaker = draft.modality.reporter or draft.modality.intent_marker
        if speaker is None or not any(m.note == HOME_NOTE for m in draft.sources):
            return draft
        voices, _ = actors.subject_actors(speaker)
        # an official in office, known to the knowledge base: not a king of 1683 or a former minister
        countries = {m.country for m in voices if m.kind == "person" and m.country and (m.code or "")[3:] == "GOV"}
        if len(countries) != 1:
            return draft
        [country] = countries
        sources = [
            dataclasses.replace(
                m, code=f"{country}{(m.code or '')[3:]}", country=country, note=f"of {country}, the speaker's"
            )
            if m.note == HOME_NOTE and m.country != country
            else m
            for m in draft.sources
        ]
        return dataclasses.replace(draft, sources=sources)

    @staticmethod
    def _demand_pairs(draft: _Draft, actors: SentenceActors) -> list[tuple[Mention, Mention | None]]:
        reporter = draft.modality.reporter
        if reporter is None:
            return []  # an unattributed "must" is the writer's opinion
        speakers, _ = actors.subject_actors(reporter)
        addressees = {m.code: m for m in draft.sources}.values()
        return [(s, a) for s in speakers for a in addressees if s.code != a.code]

    def _specific_code(self, rule: TriggerRule, doc: Doc) -> str:
        if not rule.fields:
            return rule.code
        words = {t.lower_ for t in doc} | {_lemma(t) for t in doc}
        for keyword, code in rule.fields.items():
            if keyword in words:
                return code
        return rule.code

    def _intent_code(self, code: str) -> str | None:
        if code in _INTENT_BY_CODE:
            return _INTENT_BY_CODE[code]
        root = code[:2]
        if root in _INTENT_BY_ROOT:
            mapped = _INTENT_BY_ROOT[root]
            return mapped or None
        if root == "03":
            return code
        if root in _THREAT_BY_ROOT:
            return _THREAT_BY_ROOT[root]
        return None  # intending to criticise or to demand is not an event of its own

    @staticmethod
    def _pairs(draft: _Draft) -> list[tuple[Mention, Mention | None]]:
        rule = draft.rule
        pairs: list[tuple[Mention, Mention | None]] = []
        sources = list({m.code: m for m in draft.sources}.values())
        targets = list({m.code: m for m in draft.targets if m.code not in {s.code for s in sources}}.values())
        if draft.pair_mode:
            everyone = sources + targets
            return [(a, b) for i, a in enumerate(everyone) for b in everyone[i + 1 :] if a.code != b.code]
        if draft.both_ways:
            return [(a, b) for a in sources for b in sources if a.code != b.code]
        if targets:
            pairs = [(s, t) for s in sources for t in targets if s.code != t.code]
        elif rule.symmetric and len(sources) >= 2:
            pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :] if a.code != b.code]
        elif rule.target_optional:
            pairs = [(s, None) for s in sources]
        return pairs

    def _meeting_code(self, source: Mention, target: Mention | None, place_country: str) -> str:
        if target is None or not source.country or not target.country:
            return "040"
        if place_country == target.country and place_country != source.country:
            return "042"
        if place_country == source.country and place_country != target.country:
            return "043"
        if place_country not in (source.country, target.country):
            return "044"
        return "040"

    # -- when and where --------------------------------------------------------------------------

    def _date(
        self,
        draft: _Draft,
        doc: Doc,
        sentence: Sentence,
        mentions: list[DateMention],
        state: ArticleState,
        *,
        intent: bool,
    ) -> DateValue:
        chain = list(draft.modality.chain)
        marker = draft.modality.intent_marker
        stated_only = intent and marker is not None and marker in chain
        if stated_only:
            # An intention is dated when it was stated ("agreed on Monday to meet"), not when the
            # intended act will happen ("to meet next month").
            chain = chain[max(chain.index(marker), 1) :]  # type: ignore[arg-type]
        reporter = draft.modality.reporter
        if reporter is not None:
            chain.append(reporter)
        chain_ids = {t.i: rank for rank, t in enumerate(chain)}
        trigger_ids = {t.i for t in chain} if stated_only else {draft.trigger.i} | {t.i for t in chain}
        best: tuple[int, DateMention] | None = None
        loose: list[tuple[int, DateMention]] = []
        for mention in mentions:
            head = self._date_head(doc, mention)
            if head is None:
                continue
            rank = self._attachment(head, chain_ids, trigger_ids)
            if rank is not None:
                if best is None or rank < best[0]:
                    best = (rank, mention)
            else:
                loose.append((abs(head.i - draft.trigger.i), mention))
        chosen = best[1] if best else None
        if chosen is None and loose and not intent:
            chosen = min(loose, key=lambda item: item[0])[1]
        if chosen is not None:
            value = resolve(chosen, state.published)
            if value is not None:
                return value
        return DateValue(day=state.reference)

    @staticmethod
    def _date_head(doc: Doc, mention: DateMention) -> Token | None:
        span = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
        return span.root if span is not None else None

    @staticmethod
    def _attachment(head: Token, chain_ids: dict[int, int], trigger_ids: set[int]) -> int | None:
        """How close to the event a date is attached: its rank in the event's chain, or None."""
        node = head
        for _ in range(10):
            if node.i in chain_ids:
                return chain_ids[node.i]
            if node.head.i == node.i:
                return None
            if node.i != head.i and node.pos_ in ("VERB", "AUX") and node.i not in trigger_ids:
                return None  # it belongs to another clause
            node = node.head
        return None

    def _place(self, draft: _Draft, doc: Doc, sentence: Sentence) -> Place | None:
        hits = self.places.find(sentence.text)
        if not hits:
            return None
        anchors = [draft.trigger, *draft.modality.chain[1:3]]
        for anchor in anchors:
            for token in sorted(clause_tokens(anchor), key=lambda t: abs(t.i - draft.trigger.i)):
                if token.dep_ != "prep" or token.lower_ not in _PLACE_PREPS:
                    continue
                start, end = token.idx, token.right_edge.idx + len(token.right_edge.text)
                inside = [h for h in hits if start <= h.start and h.end <= end]
                if inside:
                    return inside[-1].place
        return None

    def _attribution(self, draft: _Draft, actors: SentenceActors) -> str | None:
        reporter = draft.modality.reporter
        if reporter is not None:
            speakers, _ = actors.subject_actors(reporter)
            if speakers:
                return speakers[0].name or speakers[0].code
            for child in reporter.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return doc_span_text(child)
        return according_to(draft.trigger)

    # -- assembly -------------------------------------------------------------------------------

    def _event(
        self,
        code: str,
        draft: _Draft,
        source: Mention,
        target: Mention | None,
        when: DateValue,
        place: Place | None,
        attributed: str | None,
        sentence: Sentence,
        state: ArticleState,
    ) -> Event:
        entry = self.codebook.get(code)
        # Recalled: the period it happened in began before the window ("last month", "in 2022").
        background = when.day < state.published - self.background
        target_code = target.code or "" if target else ""
        # Two people of one country meeting the same day are two events: the names are part of the id.
        names = (source.name or "", target.name or "" if target else "")
        key = "|".join((state.article_id, source.code or "", target_code, code, when.iso(), *names))
        confidence = 0.9
        if source.kind == "pronoun" or draft.trigger.lower_ in ("he", "she"):
            confidence -= 0.1
        if when.precision != "day":
            confidence -= 0.05
        if target is not None and target.note.startswith("implied"):
            confidence -= 0.1
        return Event(
            id=hashlib.sha1(key.encode()).hexdigest()[:16],
            article_id=state.article_id,
            sentence_index=sentence.index,
            source=source.code,
            target=target.code if target else None,
            code=code,
            root=entry.root,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            date=when,
            evidence=sentence.text,
            span=sentence.span,
            trigger=draft.trigger.text,
            source_name=source.name if source.kind in ("person", "unknown_person", "organisation") else None,
            target_name=target.name if target and target.kind in ("person", "unknown_person", "organisation") else None,
            background=background,
            place=place,
            plover=entry.plover_type,
            plover_mode=entry.plover_mode,
            modality="intent" if draft.modality.status == "intent" else "asserted",
            attributed_to=attributed,
            coder=CODER_NAME,
            confidence=round(confidence, 2),
        )


# Who a domestic act with no target in the text is aimed at, by the CAMEO conventions for domestic
# events: protests and strikes by non-state actors target their government; curfews, states of
# emergency and bans by the state target its country.
_NON_STATE_ROLES = frozenset({"CVL", "OPP", "LAB", "EDU", "HLH", "AGR", "BUS", "MED", "REF", "NGO", "HRI", "ENV"})
_STATE_ROLES = frozenset({"GOV", "COP", "MIL", "JUD", "SPY", "LEG"})


def _implicit_target(code: str, source: Mention) -> Mention | None:
    country, role = source.country, (source.code or "")[3:6]
    if not country or not source.code or not source.code.startswith(country):
        return None
    if (code.startswith("14") or code in _YIELD_TO_STATE) and (role in _NON_STATE_ROLES or source.code == country):
        implied = f"{country}GOV"  # protests, or calling them off, are aimed at the government
    elif (code.startswith("17") or code in _YIELD_TO_COUNTRY) and role in _STATE_ROLES:
        implied = country  # a curfew imposed or lifted, a prime minister resigning: toward the country
    else:
        return None
    return dataclasses.replace(
        source,
        code=implied,
        kind="agent",
        name=None,
        actor_id=None,
        role=implied[3:] or None,
        note="implied: the text names no target",
    )


# Verbs whose subject gets what the noun gives ("received aid from", "won praise from").
_RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "secure", "win", "accept"})
# Concessions with no target named: by the state, to its country; by others, to the government.
_YIELD_TO_COUNTRY = frozenset({"081", "0813", "0814", "0831"})
_YIELD_TO_STATE = frozenset({"082", "0873"})
_KILLING_VERBS = frozenset({"kill", "execute", "murder", "slaughter", "massacre", "gun", "shoot", "butcher"})
_MASS = 100  # victims from which CAMEO's "engage in mass killings" (202) applies


# Things that arrive somewhere without visiting anyone.
_MACHINES = frozenset(
    {
        "tank",
        "drone",
        "missile",
        "jet",
        "warplane",
        "aircraft",
        "plane",
        "helicopter",
        "ship",
        "vessel",
        "warship",
        "frigate",
        "destroyer",
        "submarine",
        "carrier",
        "shipment",
        "cargo",
        "consignment",
        "weapon",
        "shell",
        "system",
        "battery",
        "howitzer",
        "truck",
        "convoy",
    }
)
_CIVILIAN_ROLES = frozenset({"CVL", "AGR", "LAB", "EDU", "OPP", "BUS", "MED", "REL", "HLH"})


def _civilian(mention: Mention) -> bool:
    return (mention.code or "")[3:6] in _CIVILIAN_ROLES


def _mass_victims(verb: Token) -> bool:
    for victims in (c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")):
        for token in victims.subtree:
            if token.lemma_.lower() in ("hundred", "thousand") and token.tag_ == "NNS":
                return True  # "hundreds of civilians"
            if token.like_num:
                try:
                    if float(token.text.replace(",", "")) >= _MASS:
                        return True
                except ValueError:
                    continue
    return False


def _perpetrators(arguments: Iterable[Token], actors: SentenceActors) -> list[Mention]:
    """Who is investigated: the doers inside what is investigated ("reports that Bangladeshi security
    forces killed ...", "alleged war crimes by Russian forces")."""
    found: list[Mention] = []
    for argument in arguments:
        for token in argument.subtree:
            if token.dep_ == "poss" or (token.dep_ == "amod" and token.i < token.head.i and token.head.i != argument.i):
                found += actors.actors_of(token)  # "Iran's crackdown", "a German-ordered air strike"
            elif token.dep_ == "agent" or (token.dep_ == "prep" and token.lower_ == "by"):
                found += [m for p in token.children if p.dep_ == "pobj" for m in actors.actors_of(p)]
            elif token.dep_ in ("ccomp", "acl", "relcl") and token.pos_ in ("VERB", "AUX"):
                found += [m for c in token.children if c.dep_ == "nsubj" for m in actors.actors_of(c)]
    return found


def _prep_objects(head: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of ``head``'s prepositions among ``preps`` (tokens, not actors)."""
    wanted = set(preps)
    return [p for c in head.children if c.dep_ == "prep" and c.lower_ in wanted for p in c.children if p.dep_ == "pobj"]


def _partitive_whole(token: Token) -> Token:
    """The goods a quantity counts: "the first of four air defence systems", "13,000 containers of shells"."""
    for _ in range(2):
        if not (token.like_num or token.tag_ == "CD" or _lemma(token) in _PARTITIVES):
            break
        if any(c.lower_ == "$" or c.tag_ == "$" for c in token.subtree):
            break  # "$300 million of its reserves" is money, whatever it is drawn from
        whole = next(
            (
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if whole is None:
            break
        token = whole
    return token


def _is_amount(token: Token) -> bool:
    """ "1.5 billion euros", "$95 million", "40,000 tonnes": a quantity that a noun after "in" specifies."""
    counted = any(c.dep_ == "nummod" or c.tag_ == "CD" for c in token.children) or token.tag_ == "CD"
    return counted and token.dep_ in ("dobj", "obj", "nsubjpass", "pobj", "nsubj")


def _condition_parties(draft: _Draft, actors: SentenceActors) -> list[Mention]:
    """The actors named as subjects of an "if"/"unless" clause under a threat, other than its source."""
    own = {m.code for m in draft.sources}
    countries = {m.country for m in draft.sources}  # "if its concerns are ignored": its = the source
    anchors = [draft.trigger, draft.modality.intent_marker]
    for anchor in (a for a in anchors if a is not None):
        for token in anchor.subtree:
            if token.dep_ != "advcl" or not any(c.lower_ in _CONDITIONS for c in token.children if c.dep_ == "mark"):
                continue
            found = [
                m
                for subject in token.children
                if subject.dep_ in ("nsubj", "nsubjpass")
                for m in actors.actors_of(subject)
                if m.code not in own and not (m.country in countries and _bare_country(m.code))
            ]
            if found:
                return found
    return []


def _bare_country(code: str | None) -> bool:
    return code is not None and len(code) == 3


def _asked_for(inner: Token, request: Token) -> bool:
    """Whether ``inner`` sits in the complement of the request verb ("urged X to <inner>")."""
    node = inner
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.head.i == request.i:
            return node.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl", "pobj")
        if node.head.i == request.head.i and request.dep_ in ("dobj", "obj") and _for_to_clause(node):
            return True  # "renewed her plea on Tuesday for Beijing to free ...": parsed onto the verb
        if node.dep_ in ("relcl", "acl") and node.i != inner.i:
            return False
        node = node.head
    return False


def _mediated_parties(verb: Token, actors: SentenceActors) -> list[Mention]:
    """Who a broker brought together: "a ceasefire between Thailand and Cambodia ... following talks
    brokered by Malaysia", "Saudi Arabia and Iran agreed ... under a deal brokered by China"."""
    for token in verb.sent:
        if token.lower_ == "between" and token.dep_ == "prep":
            found = actors.prep_objects(token.head, ["between"])
            if len(found) >= 2:
                return found
    node = verb
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = [m for s in subjects for m in actors.actors_of(s)]
            if found:
                return found
    return []


def _for_to_clause(node: Token) -> bool:
    """ "for Beijing to free the two Canadians": an infinitive with its own subject after "for"."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in node.children
    )


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The entry for ``code``, else for its base code, else for its root."""
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def _requested_code(root: str, inner: str) -> str | None:
    """The 02x/10x code for asking for an act with CAMEO code ``inner``."""
    return _by_prefix(_APPEAL_FOR if root == "02" else _DEMAND_FOR, inner)


def _refusal_code(code: str) -> str | None:
    """ "refused to meet" -> 125; refusing to criticise or to attack is not an event of its own."""
    return _by_prefix(_REFUSAL_FOR, code)


def _headline_draft(draft: _Draft) -> _Draft:
    """Headline grammar: "Putin to visit China" announces a visit, it does not report one."""
    trigger = draft.trigger
    to_form = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and trigger.dep_ == "ROOT"
    if to_form and draft.modality.status == "asserted":
        return dataclasses.replace(
            draft, modality=dataclasses.replace(draft.modality, status="intent", intent_marker=trigger)
        )
    return draft


def doc_span_text(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text
