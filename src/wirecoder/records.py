"""Typed records that flow through the pipeline.

RawDocument -> Article -> Sentence -> Mention -> Event (-> Story, later).
Every record is a frozen, slotted dataclass: cheap, picklable (for batch workers) and easy to
build by hand in tests. Records point to each other by id and character span, never by object.
Spans are half-open ``(start, end)`` character offsets into ``Article.body``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Span = tuple[int, int]
DatePrecision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document before cleaning, as a reader found it."""

    id: str  # the input's id (JSONL) or file name
    origin: str  # where it came from: a path, "path:line" or a URL
    kind: Literal["text", "html"]
    content: str  # decoded text or HTML
    published: date | None = None  # declared by the input (JSONL field), if any
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet or feed name
    author: str | None = None  # declared by the input (feed, page metadata), if any
    language: str | None = None  # ISO 639-1 code, declared or detected


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be coded, and why. Stored, counted, never silently dropped."""

    origin: str
    stage: str  # "ingest", "clean", "nlp", "code", ...
    reason: str  # stable code: "empty", "binary", "undecodable", "too_large", "malformed_json", ...
    detail: str = ""
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article: body text without furniture, with paragraph spans into it."""

    id: str
    origin: str
    body: str
    paragraphs: tuple[Span, ...]
    title: str | None = None
    published: date | None = None
    byline: str | None = None
    url: str | None = None
    source: str | None = None
    content_hash: str = ""  # sha256 of the body, to tell an updated article from the same one
    dateline: str | None = None  # "MOSCOW, Aug 21 (Reuters)", cut from the body's first paragraph
    language: str | None = None  # ISO 639-1 code of the body, declared or detected


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int  # position within the article
    span: Span
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved calendar date, with the precision the text gave it."""

    day: date  # first day of the period the text denotes
    precision: DatePrecision = "day"
    last_day: date | None = None  # last day of the period (None: same as ``day``)

    @property
    def end(self) -> date:
        return self.last_day or self.day

    def iso(self) -> str:
        return self.day.isoformat()


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO 3166 alpha-3


@dataclass(frozen=True, slots=True)
class Mention:
    """A piece of text that denotes an actor, resolved (or not) as of the article's date."""

    article_id: str
    sentence_index: int
    span: Span
    text: str
    kind: Literal["country", "person", "organisation", "agent", "pronoun", "unknown_person"]
    code: str | None  # CAMEO actor code as of the article date (``RUSGOV``), None if unresolved
    name: str | None = None  # canonical name of the person or organisation
    actor_id: str | None = None  # knowledge-base id
    role: str | None = None  # office or role as the text/base gives it ("President")
    country: str | None = None  # ISO alpha-3
    note: str = ""  # why it resolved the way it did, or why not


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence."""

    id: str
    article_id: str
    sentence_index: int
    source: str | None  # CAMEO actor code; None where CAMEO allows a missing side
    target: str | None
    code: str  # CAMEO event code, validated against the packaged codebook
    root: str
    quad_class: int
    goldstein: float
    date: DateValue
    evidence: str  # the sentence text
    span: Span  # of the evidence sentence in the body
    trigger: str  # the word(s) that triggered the code
    source_name: str | None = None
    target_name: str | None = None
    background: bool = False
    place: Place | None = None
    plover: str | None = None
    plover_mode: str | None = None
    modality: Literal["asserted", "intent"] = "asserted"
    attributed_to: str | None = None  # who said so (code or name), for reported events
    coder: str = "wirecoder.dep_coder.v1"
    confidence: float = 1.0
    extra: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the article says a piece of information comes from ("Xinhua reported")."""

    article_id: str
    sentence_index: int
    span: Span
    text: str  # "a readout from Beijing", "Xinhua News Agency"
    cue: str  # "according to", "reported", "show"


@dataclass(frozen=True, slots=True)
class Fact:
    """A numeric fact stated in the article ("trade surged 60% to $240 billion in 2023")."""

    article_id: str
    sentence_index: int
    span: Span
    subject: str
    value: float
    unit: str  # "USD", "percent", "people", ...
    period: str | None = None
    change_percent: float | None = None
    according_to: str | None = None


QuoteMethod = Literal["said-clause", "colon", "according-to", "pronoun", "previous-speaker", "next-speaker", "none"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote in the body ("...," Lavrov said) and who said it, resolved to an actor.

    ``span`` covers the quoted words without the marks (``body[span[0]:span[1]] == text``); a
    quote that runs on into the next paragraph (wire style: no closing mark) is one Quote per
    paragraph.
    """

    article_id: str
    sentence_index: int  # the sentence the quote opens in
    span: Span
    text: str
    speaker_text: str | None  # the words naming the speaker ("Chinese Premier Li Qiang", "the official")
    speaker_code: str | None  # CAMEO actor code of the speaker as of the article date
    speaker_name: str | None = None  # canonical name, where the speaker is a known person or organisation
    speaker_span: Span | None = None  # of ``speaker_text`` in the body (for a pronoun: its antecedent)
    method: QuoteMethod = "none"  # how the speaker was found
    partial: bool = False  # a fragment inside the writer's own sentence (said that "...")


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything the pipeline learned from one article."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    attributions: tuple[Attribution, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that are copies, updates or rewrites of one report (see ``wirecoder.stories``)."""

    id: str  # never changes once given
    article_ids: tuple[str, ...]
    first_published: date | None = None
    last_published: date | None = None
    sources: tuple[str, ...] = ()  # distinct outlets
    merged_event_ids: tuple[str, ...] = ()
