"""Whether an event was asserted, intended, negated or only hypothetical, and who reported it.

Walks from the trigger up the dependency tree: an intent verb or adjective above it ("plans to",
"is ready to", "looks forward to") makes it an intention, a negation or a negating verb ("did not",
"refused to") cancels it, a conditional ("if") or a speculative modal ("could") makes it
hypothetical, and a reporting verb ("said", "told") above it names the speaker it is attributed to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

from wirecoder.events.triggers import TriggerBook

# "obligation": "Israel must give aid agencies access, X said" is X's demand, not Israel's act.
Status = Literal["asserted", "intent", "negated", "hypothetical", "obligation"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "should"})
_SPECULATIVE_AUX = frozenset({"could", "might", "may"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_INVERTING_AUX = frozenset({"had", "were", "should"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Negating verbs that are acts of refusal themselves ("denied attacking" says the attack did not happen).
_REFUSALS = frozenset({"refuse", "decline", "reject", "rebuff", "spurn"})
_REQUEST_NOUNS = frozenset({"demand", "call", "appeal", "request", "ultimatum", "plea"})
# Warning or vowing that one will act announces the act: the coder turns intended force into a threat
# (13x), with the one who warns as its source.
COMMITMENTS = frozenset({"warn", "threaten", "vow", "pledge", "promise", "swear"})
# Stepping up through these keeps us in the same event: "to meet" -> "plans", "meeting" -> "to".
_CHAIN_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp", "aux", "dobj", "pobj", "compound", "conj", "oprd", "attr"})


@dataclass(frozen=True, slots=True)
class Modality:
    status: Status
    reporter: Token | None  # the reporting verb above the event, if any
    intent_marker: Token | None  # the word that made it an intention
    chain: tuple[Token, ...]  # the trigger and the tokens above it inside the same event
    # "refused to meet": the verb that refused the act, which is then a rejection (CAMEO 12) of its own
    refusal: Token | None = None


def _has_negation(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)


def _aux_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _inverted_conditional(node: Token) -> bool:
    """ "Had Washington recognised the junta, ...": an auxiliary before its subject, outside a question."""
    subjects = [c.i for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _INVERTING_AUX and c.i < subjects[0] for c in node.children
    )


def _neither_subject(node: Token) -> bool:
    """ "Neither Serbia nor Kosovo has agreed": the subject itself negates."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" for g in c.children) for c in node.children
    )


def _own_markers(node: Token, status: Status, marker: Token | None) -> tuple[Status, Token | None]:
    """Auxiliaries and conditional marks on one node of the chain."""
    aux = _aux_words(node)
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in node.children) or _inverted_conditional(node):
        return "hypothetical", marker
    if _neither_subject(node):
        return "negated", marker
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children) and "to" in aux:
        return "hypothetical", marker  # "waited for Iran to respond": wanted, not done
    if aux & _SPECULATIVE_AUX and status in ("asserted", "intent"):
        return "hypothetical", marker  # "Beijing could offer to mediate" is speculation, not an offer
    if "would" in aux and "have" in aux:
        return "hypothetical", marker  # "a resolution that would have imposed sanctions"
    if status != "asserted":
        return status, marker
    if "must" in aux:
        return "obligation", node
    if aux & _FUTURE_AUX:
        return "intent", node
    return status, marker


def analyse(trigger: Token, book: TriggerBook) -> Modality:
    status: Status = "asserted"
    marker: Token | None = None
    chain: list[Token] = [trigger]
    node = trigger
    refusal: Token | None = None
    if _has_negation(node):
        status = "negated"
        if _declared_refusal(node):
            refusal = node  # "Iran will not negotiate with Washington": refusing to, said by the actor
    status, marker = _own_markers(node, status, marker)
    if trigger.dep_ in ("nsubj", "nsubjpass") and _aux_words(trigger.head) & (_SPECULATIVE_AUX | {"would"}):
        status = "hypothetical"  # "a Chinese blockade of Taiwan would wipe $2 trillion off ..."
    reporter: Token | None = None
    steps = 0
    while node.head.i != node.i and steps < 12:
        steps += 1
        dep = node.dep_
        head = node.head
        if dep in ("ccomp", "parataxis") or (dep == "advcl" and head.lemma_.lower() in book.reporting_verbs):
            if head.lemma_.lower() in book.reporting_verbs:
                reporter = head
            elif head.lemma_.lower() in COMMITMENTS and status == "intent" and not _has_negation(head):
                marker = head  # "warned that Turkey would launch an offensive": a threat, coded as intent
                chain.append(head)
            elif _negates(head, book):
                status = "negated"  # "denied that Tehran had supplied missiles"
            break
        # "demands that he step down" is often parsed as a relative clause with "that" as its object
        complement = dep == "acl" or (
            dep == "relcl" and (any(c.dep_ == "mark" for c in node.children) or head.lemma_.lower() in _REQUEST_NOUNS)
        )
        if complement and head.pos_ == "NOUN" and _negates(head, book):
            status = "negated"  # "rejected opposition demands that he step down"
            break
        if dep == "relcl" or (dep == "acl" and node.pos_ == "VERB" and node.i != trigger.i):
            break
        if dep not in _CHAIN_DEPS and dep != "advcl":
            break
        if dep == "conj" and (
            any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
            or any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children)
        ):
            # "did not fire missiles, but its artillery staged drills": a clause of its own, not negated
            break
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if dep == "advcl" and not (head.lemma_.lower() in book.intent_verbs and infinitive):
            # "..., noting that he looks forward to meeting": the adjunct belongs to another event; but
            # "offered on Sunday to host talks" is the offer's complement, parsed as an adjunct
            break
        lemma = head.lemma_.lower()
        if _negates(head, book) and dep in ("xcomp", "dobj", "pcomp", "prep"):
            status = "negated"
            if (
                (lemma in _REFUSALS or _rules_out(head))
                and dep in ("xcomp", "pcomp", "dobj")
                and not _has_negation(head)
            ):
                refusal = head
        if status != "negated" and (
            (
                lemma in book.intent_verbs
                and dep in ("xcomp", "prep", "pcomp", "dobj", "advcl")
                and not _decided_by_vote(head)
            )
            or (lemma in book.intent_adjectives and dep in ("xcomp", "prep", "pcomp"))
            or (lemma == "be" and dep == "xcomp")
        ):
            status, marker = "intent", head
        if _has_negation(head) and head.pos_ in ("VERB", "AUX", "ADJ"):
            status = "negated"
        chain.append(head)
        node = head
        status, marker = _own_markers(node, status, marker)
    if reporter is None:
        reporter = _reporter_above(node, book)
    if status != "negated" or (refusal is not None and _negated_above(chain, refusal)):
        refusal = None
    return Modality(status=status, reporter=reporter, intent_marker=marker, chain=tuple(chain), refusal=refusal)


def _decided_by_vote(verb: Token) -> bool:
    """ "Parliament voted to lift the state of emergency": a vote taken decides the act, it is not a plan."""
    return verb.lemma_.lower() == "vote" and verb.tag_ in ("VBD", "VBN") and not _aux_words(verb) & _FUTURE_AUX


def _declared_refusal(verb: Token) -> bool:
    """ "will not negotiate", "won't accept": an actor announcing it will not act has refused to.

    Not a conditional ("would not attack if ..."), a passive ("will not be freed": who refuses is not
    its subject) or a counterfactual ("would not have").
    """
    aux = _aux_words(verb)
    if verb.pos_ != "VERB" or not aux & {"will", "wo", "'ll", "shall", "would"} or aux & {"have", "be", "been"}:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return not any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONDITIONAL_MARKS for g in c.children)
        for c in verb.children
    )


def _rules_out(token: Token) -> bool:
    """ "ruled out lifting sanctions" refuses what it governs."""
    return token.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)


def _negates(token: Token, book: TriggerBook) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "call":
        # "called for talks", "called on Iran to": an appeal; "called protests", "called a strike": the act
        return any(c.lower_ in ("for", "on", "upon") for c in token.children)
    return lemma in book.negating_verbs or _rules_out(token)


def _negated_above(chain: list[Token], refusal: Token) -> bool:
    """Whether something above the refusal negates it again ("did not refuse to meet")."""
    return any(_has_negation(t) for t in chain[chain.index(refusal) + 1 :])


def _reporter_above(node: Token, book: TriggerBook) -> Token | None:
    """A reporting verb governing the clause the event sits in, however deep."""
    steps = 0
    while node.head.i != node.i and steps < 12:
        steps += 1
        if node.dep_ in ("ccomp", "parataxis", "advcl", "conj") and node.head.lemma_.lower() in book.reporting_verbs:
            return node.head
        node = node.head
    return None


def according_to(token: Token) -> str | None:
    """The source named by an "according to X" phrase anywhere in the token's sentence."""
    for t in token.sent:
        if t.lower_ == "according" and t.nbor(1).lower_ == "to" if t.i + 1 < len(t.doc) else False:
            objects = [c for c in t.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                span = t.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
                return span.text
    return None
