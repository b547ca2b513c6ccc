"""Who a token of a parsed sentence stands for: mentions, pronouns, compounds and subjects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from wirecoder.records import Mention

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "csubj"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers"})
# Pronouns for a country, organisation or group: "Iran said it would free ...", "they would step up".
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
RECIPROCALS = frozenset({"each other", "one another"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Dependencies through which a clause without a subject borrows its head's subject
# ("China is willing to deepen ...", "X met Y and signed ...", "..., noting that ...").
_CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp", "prep", "pobj", "dobj", "oprd", "ccomp"})
_ARG_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos"})
# What a statement is about hangs on its trigger as a clause, an object or a prepositional phrase.
_TOPIC_DEPS = frozenset({"ccomp", "xcomp", "acl", "dobj", "obj", "prep", "advcl"})


def _is_preposition(token: Token) -> bool:
    # "pumped gas to China": the parser often labels a "to" after the object as a dative
    return token.dep_ in ("prep", "agent") or (token.dep_ == "dative" and token.pos_ == "ADP")


def clause_tokens(head: Token) -> list[Token]:
    """The tokens of ``head``'s own clause: its subtree without embedded clauses."""
    out = [head]
    stack = [c for c in head.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    return out


@dataclass
class SentenceActors:
    """Maps the tokens of one parsed sentence to the actor mentions that cover them."""

    doc: Doc
    offset: int  # where the sentence starts in the article body
    mentions: Sequence[Mention]
    fallback_person: Mention | None = None  # the subject person of the previous sentences
    fallback_group: Sequence[Mention] = ()  # the first actor other than a person in the previous sentences
    by_token: list[list[Mention]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_token = [[] for _ in self.doc]
        if not self.mentions:
            return
        for token in self.doc:
            start = self.offset + token.idx
            end = start + len(token.text)
            for mention in self.mentions:
                if mention.span[0] <= start and end <= mention.span[1]:
                    self.by_token[token.i].append(mention)

    def direct(self, token: Token) -> list[Mention]:
        return [m for m in self.by_token[token.i] if m.code is not None]

    def actors_of(self, token: Token, *, with_conjuncts: bool = True, _depth: int = 0) -> list[Mention]:
        """The actors a noun phrase headed by ``token`` denotes (conjuncts included)."""
        found = self.direct(token)
        if not found and token.lower_ in PERSON_PRONOUNS:
            antecedent = self.antecedent(token)
            if antecedent is not None:
                found = [antecedent]
        if not found and token.lower_ in GROUP_PRONOUNS:
            found = self.group_antecedent(token)
        if not found and _depth < 2:
            for child in token.children:
                if child.dep_ in _ARG_MODIFIER_DEPS:
                    found = self.actors_of(child, with_conjuncts=False, _depth=_depth + 1)
                    if found:
                        break
            if not found and token.dep_ != "pobj":
                # "heads of government", "the leaders of Russia and China"
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ == "of":
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                found = self.actors_of(pobj, _depth=_depth + 1)
        if with_conjuncts:
            # "Ghana's President Nana Akufo-Addo and Ivorian President ...": the conjunct may hang on
            # the apposition that names the person.
            heads = [token, *(c for c in token.children if c.dep_ == "appos")]
            for conj in (c for head in heads for c in head.conjuncts):
                if conj.i > token.i:
                    found = found + self.actors_of(conj, with_conjuncts=False, _depth=_depth)
        unique: dict[tuple[str | None, tuple[int, int]], Mention] = {}
        for mention in found:
            unique.setdefault((mention.code, mention.span), mention)
        return list(unique.values())

    def mentions_within(self, token: Token) -> list[Mention]:
        """Every actor mention inside the phrase ``token`` heads, in text order, each once."""
        unique: dict[tuple[str | None, tuple[int, int]], Mention] = {}
        for t in token.subtree:
            for mention in self.direct(t):
                unique.setdefault((mention.code, mention.span), mention)
        return list(unique.values())

    def antecedent(self, pronoun: Token) -> Mention | None:
        """The person a he/she/his/her most likely refers to.

        The subject of an enclosing clause wins ("Li said during his meeting", "Putin said ... he looks
        forward"); otherwise the person the previous sentences were about.
        """
        node = pronoun
        while node.head.i != node.i:
            node = node.head
            for child in node.children:
                if child.dep_ in SUBJECT_DEPS and child.i != pronoun.i and child.lower_ not in PERSON_PRONOUNS:
                    people = [m for m in self.direct(child) if m.kind in ("person", "unknown_person")]
                    if people:
                        return people[0]
        return self.fallback_person

    def group_antecedent(self, pronoun: Token) -> list[Mention]:
        """What an it/its/they/their stands for: the subject of a clause that encloses it.

        "Iran said it would free ..." -> Iran; "Jordan and Egypt said they would ..." -> both. "it"
        never stands for a person.
        """
        node = pronoun
        while node.head.i != node.i:
            node = node.head
            for child in node.children:
                if child.dep_ not in SUBJECT_DEPS or child.left_edge.i <= pronoun.i <= child.right_edge.i:
                    continue
                if child.lower_ in GROUP_PRONOUNS or child.lower_ in PERSON_PRONOUNS:
                    continue
                found = self.actors_of(child)
                if pronoun.lower_ in ("it", "its"):
                    found = [m for m in found if m.kind not in ("person", "unknown_person")]
                if found:
                    return found
        clause = pronoun.head
        if pronoun.dep_ in SUBJECT_DEPS and (
            clause.dep_ == "ROOT"
            or (clause.dep_ in ("ccomp", "parataxis") and clause.head.dep_ == "ROOT" and clause.head.i > clause.i)
        ):
            # "China's foreign ministry lodged a protest. It demanded ...", "It also flew medicines to
            # Syria, the ministry said": the previous sentences' actor
            return list(self.fallback_group)
        return []

    def is_reciprocal(self, token: Token) -> bool:
        """ "each other", "one another" as an argument."""
        if token.lower_ not in ("other", "another"):
            return False
        return any(c.lower_ in ("each", "one") for c in token.children) or (
            token.i > 0 and f"{token.doc[token.i - 1].lower_} {token.lower_}" in RECIPROCALS
        )

    def subject_actors(self, verb: Token) -> tuple[list[Mention], bool]:
        """The actors doing ``verb``: its own subject, or the subject it borrows from the clause above.

        Returns (actors, explicit): ``explicit`` is True when a subject was found in the text, even if
        it names no actor (so callers do not keep climbing past "the economy grew").
        """
        node = verb
        for _ in range(8):
            for child in node.children:
                if child.dep_ in ("nsubj", "csubj"):
                    if child.lower_ in ("who", "which", "that") and node.dep_ == "relcl":
                        return self.actors_of(node.head), True
                    return self.actors_of(child), True
            if node.dep_ == "relcl":
                return self.actors_of(node.head), True
            if node.dep_ not in _CONTROL_DEPS or node.head.i == node.i:
                break
            if node.dep_ == "ccomp":
                break
            node = node.head
        return [], False

    def passive_agent(self, verb: Token) -> list[Mention]:
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        for child in verb.children:
            # the parser sometimes labels a passive's "by" as a plain preposition
            if child.dep_ == "agent" or (passive and child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.actors_of(pobj)
        return []

    def prep_objects(self, head: Token, preps: Sequence[str]) -> list[Mention]:
        found: list[Mention] = []
        for child in head.children:
            if _is_preposition(child) and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(self._neighbour(pobj) or self.actors_of(pobj) or self._origin(pobj))
        return found

    def _neighbour(self, thing: Token) -> list[Mention]:
        """Across a border, the other side: "to its disputed border with China" -> China."""
        if thing.lemma_.lower() not in ("border", "frontier", "boundary"):
            return []
        if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in thing.children):
            return []  # "Gaza's border with Egypt" names a place, Gaza's
        return self.prep_objects(thing, ["with"])

    def _origin(self, thing: Token) -> list[Mention]:
        """Whose a thing is by where it comes from: "tariffs on goods from Mexico" -> Mexico."""
        return [
            m
            for child in thing.children
            if child.dep_ == "prep" and child.lower_ == "from"
            for pobj in child.children
            if pobj.dep_ == "pobj"
            for m in self.actors_of(pobj)
        ]

    def nested_prep_objects(self, head: Token, preps: Sequence[str], *, depth: int = 2) -> list[Mention]:
        """Like ``prep_objects``, also looking inside nested phrases ("opportunities in fields with Moscow")."""
        found = self.prep_objects(head, preps)
        if found or depth == 0:
            return found
        for child in head.children:
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(self.nested_prep_objects(pobj, preps, depth=depth - 1))
        return found

    def topic_actors(self, head: Token, sources: Sequence[Mention]) -> list[Mention]:
        """Who a statement is about: the actors in what follows its trigger, other than the speaker's side.

        "optimistic that talks with the United States would succeed" -> USA; "saw little hope of a
        breakthrough in the dispute with Tehran" -> IRN; "confident that Finland and Sweden would join"
        -> both. The first complement, object or prepositional phrase that names one wins.
        """
        own = {m.country for m in sources if m.country}
        for child in head.children:
            if child.i < head.i or child.dep_ not in _TOPIC_DEPS:
                continue
            found: dict[str | None, Mention] = {}
            for token in child.subtree:
                for mention in self.direct(token):
                    if mention.country not in own and mention.country is not None:
                        found.setdefault(mention.country, mention)
            if found:
                return list(found.values())
        return []

    def objects(self, verb: Token, kinds: Sequence[str]) -> list[Mention]:
        found: list[Mention] = []
        for child in verb.children:
            if ("dobj" in kinds and child.dep_ in ("dobj", "obj")) or ("dative" in kinds and child.dep_ == "dative"):
                if child.pos_ == "ADP":  # "granted asylum to Assad": a dative "to" names its object
                    found.extend(m for pobj in child.children if pobj.dep_ == "pobj" for m in self.actors_of(pobj))
                else:
                    found.extend(self.actors_of(child))
        return found
