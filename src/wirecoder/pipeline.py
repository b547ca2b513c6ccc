"""The one place where the stages are composed.

    inputs -> RawDocument -> clean -> Article -> sentences -> mentions (gazetteer + KB, as of the date)
           -> candidate sentences (an actor and a trigger word) -> spaCy parse -> coder -> Events

Costly setup (the spaCy model, the knowledge base and its automata, the trigger book) happens once
when the Pipeline is built; per article the work is cheap except the parse, which runs only on the
sentences that can hold an event, in batches across articles.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language

from wirecoder.actors.kb import KnowledgeBase, load_knowledge_base
from wirecoder.actors.resolve import MentionResolver
from wirecoder.clean import CleanOptions, clean_document
from wirecoder.config import Settings
from wirecoder.dates import find_dates
from wirecoder.events.cameo import Codebook
from wirecoder.events.coder import ArticleState, SentenceCoder
from wirecoder.events.triggers import TriggerBook, load_triggers
from wirecoder.extract import extract_attributions, extract_facts
from wirecoder.ingest import ReadOptions, read_inputs
from wirecoder.nlp.load import model_for
from wirecoder.nlp.segment import split_sentences
from wirecoder.parallel import run_in_processes
from wirecoder.places import PlaceIndex
from wirecoder.quotes import extract_quotes
from wirecoder.records import Article, CodedArticle, Event, Mention, RawDocument, Rejected, Sentence

LOGGER = logging.getLogger(__name__)

_MEETING_FAMILY = frozenset({"040", "042", "043", "044"})


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which dictionaries and model coded a run: stored with every run."""

    model: str
    coder: str
    dictionaries: tuple[tuple[str, str], ...]  # (path, sha256)


TITLE_INDEX = -1  # the sentence index of events coded from the headline


@dataclass
class _Prepared:
    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    by_sentence: dict[int, list[Mention]]
    candidates: list[int]
    reference: date
    # The headline, coded after the body as sentence -1 when it can hold an event.
    title: Sentence | None = None
    title_mentions: tuple[Mention, ...] = ()


class Pipeline:
    """Codes articles. Build once per process; call ``code_articles`` or ``run`` many times."""

    def __init__(
        self,
        settings: Settings,
        *,
        kb: KnowledgeBase | None = None,
        nlp: Language | None = None,
        triggers: TriggerBook | None = None,
    ) -> None:
        self.settings = settings
        self.kb = kb or load_knowledge_base(settings.actors.dictionaries)
        places = PlaceIndex(self.kb)
        self.resolver = MentionResolver(self.kb, places=places)
        self.codebook = Codebook.load()
        self.triggers = triggers or load_triggers(self.codebook, settings.events.triggers or None)
        self.coder = SentenceCoder(
            self.triggers,
            self.codebook,
            places,
            background_days=settings.events.background_days,
            agent_words=self.kb.agents.keys(),
        )
        self.nlp = nlp or model_for(settings.nlp)
        self.symmetric_codes = frozenset(
            {
                r.code
                for rules in (*self.triggers.verbs.values(), *self.triggers.nouns.values())
                for r in rules
                if r.symmetric
            }
            | {"040", "044"}
        )

    @property
    def provenance(self) -> Provenance:
        files = [(f.path, f.sha256) for f in self.kb.files]
        files.append((self.triggers.path, self.triggers.digest))
        files.append(("wirecoder:data/cameo/event_codes.tsv", self.codebook.digest))
        return Provenance(model=self.settings.nlp.model, coder="wirecoder.dep_coder.v1", dictionaries=tuple(files))

    # -- stages ---------------------------------------------------------------------------------

    def read(self, inputs: Iterable[str | Path]) -> Iterator[RawDocument | Rejected]:
        ingest = self.settings.ingest
        options = ReadOptions(max_bytes=ingest.max_bytes, jsonl_fields=ingest.jsonl_fields or None)
        return read_inputs(inputs, options=options)

    def clean(self, doc: RawDocument) -> Article | Rejected:
        return clean_document(doc, options=CleanOptions(min_body_chars=self.settings.clean.min_body_chars))

    def _prepare(self, article: Article) -> _Prepared:
        reference = article.published or date.today()
        sentences = split_sentences(article)
        mentions, _ = self.resolver.resolve_article(article.body, sentences, reference)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
        candidates = [
            s.index
            for s in sentences
            if not self.settings.nlp.parse_candidates_only
            or (self._has_actor(s, by_sentence) and self.coder.may_hold_event(s.text))
        ]
        title, title_mentions = self._prepare_title(article, reference)
        return _Prepared(article, sentences, mentions, by_sentence, candidates, reference, title, title_mentions)

    def _prepare_title(self, article: Article, reference: date) -> tuple[Sentence | None, tuple[Mention, ...]]:
        text = (article.title or "").strip()
        if not text or not self.coder.may_hold_event(text):
            return None, ()
        title = Sentence(article_id=article.id, index=TITLE_INDEX, span=(0, len(text)), text=text)
        mentions = tuple(
            dataclasses.replace(m, sentence_index=TITLE_INDEX)
            for m in self.resolver.resolve_text(text, reference, article.id)
            if m.sentence_index == 0
        )
        if not any(m.code for m in mentions):
            return None, ()
        return title, mentions

    @staticmethod
    def _has_actor(sentence: Sentence, by_sentence: dict[int, list[Mention]]) -> bool:
        if any(m.code for m in by_sentence.get(sentence.index, ())):
            return True
        words = sentence.text.lower().split()
        return any(w in ("he", "she", "his", "her") for w in words)

    def code_articles(
        self, articles: Iterable[Article], *, batch_articles: int | None = None
    ) -> Iterator[CodedArticle]:
        """Code articles, parsing the candidate sentences of ``batch_articles`` articles at a time."""
        size = batch_articles or self.settings.nlp.batch_articles
        batch: list[_Prepared] = []
        for article in articles:
            batch.append(self._prepare(article))
            if len(batch) >= size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def code_article(self, article: Article) -> CodedArticle:
        return next(iter(self._code_batch([self._prepare(article)])))

    def _code_batch(self, batch: Sequence[_Prepared]) -> Iterator[CodedArticle]:
        texts = [(p.sentences[i].text, (n, i)) for n, p in enumerate(batch) for i in p.candidates]
        texts += [(p.title.text, (n, TITLE_INDEX)) for n, p in enumerate(batch) if p.title is not None]
        texts.sort(key=lambda item: len(item[0]))  # similar lengths batch better in the parser
        parsed: dict[tuple[int, int], object] = {}
        for doc, key in self.nlp.pipe(texts, as_tuples=True, batch_size=self.settings.nlp.batch_size):
            parsed[key] = doc
        for n, prepared in enumerate(batch):
            yield self._code_prepared(n, prepared, parsed)

    def _code_prepared(self, n: int, p: _Prepared, parsed: dict[tuple[int, int], object]) -> CodedArticle:
        state = ArticleState(article_id=p.article.id, published=p.reference)
        events: list[Event] = []
        for sentence in p.sentences:
            doc = parsed.get((n, sentence.index))
            mentions = p.by_sentence.get(sentence.index, [])
            dates = find_dates(sentence.text)  # once per sentence, for the coder and the narrative date
            if doc is not None:
                events.extend(self.coder.code(doc, sentence, mentions, state, dates))  # type: ignore[arg-type]
            self.coder.after_sentence(sentence, mentions, state, dates)
        title_doc = parsed.get((n, TITLE_INDEX))
        if p.title is not None and title_doc is not None:
            # After the body: a headline repeats the lead, and the body's event (better parsed, with its
            # date) is the one kept when both give the same event.
            events.extend(self.coder.code(title_doc, p.title, p.title_mentions, state, headline=True))  # type: ignore[arg-type]
        return CodedArticle(
            article=p.article,
            sentences=p.sentences,
            mentions=p.mentions,
            events=tuple(self._dedupe(events)),
            attributions=tuple(extract_attributions(p.article, p.sentences)),
            facts=tuple(extract_facts(p.article, p.sentences)),
            quotes=tuple(extract_quotes(p.article, p.sentences, p.mentions)),
        )

    def _dedupe(self, events: list[Event]) -> list[Event]:
        """One event per (source, target, code, date) within an article.

        Symmetric events count once whichever side the sentence starts with, and the consult family
        (040 and its refinements by place: 042 visit, 043 host, 044 third location) between the same
        two actors on the same day is one meeting, kept in its most specific form.
        """
        kept: dict[tuple[str, ...], Event] = {}
        for event in events:
            # Two meetings of one premier with two Russian leaders are two events: key on the person.
            ends = (event.source_name or event.source or "", event.target_name or event.target or "")
            code = event.code
            if code in _MEETING_FAMILY:
                code = "04*"
            if event.code in self.symmetric_codes or code == "04*":
                ends = (min(ends), max(ends))
            key = (*ends, code, event.date.iso())
            earlier = kept.get(key)
            if (
                earlier is None
                or (earlier.code == "040" and event.code != "040")
                or (earlier.place is None and event.place is not None and earlier.code == event.code)
            ):
                kept[key] = event
        return sorted(kept.values(), key=lambda e: (e.sentence_index, e.span))

    # -- everything ------------------------------------------------------------------------------

    def run(
        self, inputs: Iterable[str | Path], *, keep: Callable[[Article], bool] | None = None
    ) -> Iterator[CodedArticle | Rejected]:
        """Read, clean and code every input; rejections come out in order with the articles.

        keep: called on each cleaned article before it is coded; an article it returns False for is
        dropped there (the store uses it to skip articles it already holds, before the parse).
        """

        def articles() -> Iterator[Article | Rejected]:
            for item in self.read(inputs):
                if isinstance(item, Rejected):
                    yield item
                    continue
                cleaned = self.clean(item)
                if keep is None or isinstance(cleaned, Rejected) or keep(cleaned):
                    yield cleaned

        def batches() -> Iterator[list[Article] | Rejected]:
            pending: list[Article] = []
            for item in articles():
                if isinstance(item, Rejected):
                    yield item
                    continue
                pending.append(item)
                if len(pending) >= self.settings.nlp.batch_articles:
                    yield pending
                    pending = []
            if pending:
                yield pending

        processes = self.settings.nlp.processes or os.cpu_count() or 1
        if processes <= 1:
            for batch in batches():
                if isinstance(batch, Rejected):
                    yield batch
                else:
                    yield from self._safe_code(batch)
            return
        yield from run_in_processes(self, batches(), processes)

    def _safe_code(self, articles: list[Article]) -> Iterator[CodedArticle | Rejected]:
        try:
            yield from list(self.code_articles(articles))
        except Exception as e:
            LOGGER.warning("batch failed (%s); coding its articles one by one", e)
            for article in articles:
                try:
                    yield self.code_article(article)
                except Exception as inner:
                    yield Rejected(
                        origin=article.origin,
                        stage="code",
                        reason="coder_error",
                        detail=f"{type(inner).__name__}: {inner}",
                        doc_id=article.id,
                    )
