"""Actor lookups for people and tools: resolve a piece of text as of a date, find a person's spells."""

from __future__ import annotations

import unicodedata
from datetime import date

from wirecoder.actors.kb import KnowledgeBase, Person
from wirecoder.actors.resolve import MentionResolver
from wirecoder.nlp.segment import split_sentences
from wirecoder.places import PlaceIndex
from wirecoder.records import Article, Mention


def resolve_text(kb: KnowledgeBase, text: str, day: date, resolver: MentionResolver | None = None) -> list[Mention]:
    """Every actor mention in ``text`` (one article), resolved as of ``day``."""
    resolver = resolver or MentionResolver(kb, places=PlaceIndex(kb))
    article = Article(id="text", origin="text", body=text, paragraphs=((0, len(text)),), published=day)
    mentions, _ = resolver.resolve_article(text, split_sentences(article), day)
    return list(mentions)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def find_people(kb: KnowledgeBase, query: str) -> list[Person]:
    """People whose id, name or alias equals ``query`` (ignoring case and accents); else by surname."""
    wanted = _fold(query)
    exact = [p for p in kb.people.values() if wanted in {_fold(p.id), _fold(p.name), *(_fold(a) for a in p.aliases)}]
    if exact:
        return exact
    return [p for p in kb.people.values() if _fold(p.surname) == wanted]
