"""Attributions ("according to a readout from Beijing", "Xinhua reported") and numeric facts
("trade surged by more than 60% to $240 billion in 2023") stated in an article."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from wirecoder.records import Article, Attribution, Fact, Sentence

_ACCORDING_TO = re.compile(r"\baccording to (?P<who>[^,.;:“”\"]{3,80}?)(?=[,.;:“”\"]|$)", re.IGNORECASE)
# "..., the official Xinhua News Agency reported." / "Chinese customs data show." / "state media said"
_REPORTED = re.compile(
    r"(?:^|[,“”\"]\s*)(?P<who>(?:the\s+)?(?:official\s+|state\s+|state-run\s+)?[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,5}?)"
    r"\s+(?P<cue>reported|reports|said in a statement|data show|data showed|figures show|figures showed|"
    r"news agency reported|quoted)\s*[.”\"]?\s*$"
)
_AGENCY_WORDS = re.compile(
    r"\b(?:news agency|agency|media|television|tv|radio|newspaper|data|figures|statement|readout|report|"
    r"ministry|office|spokesperson|spokesman|spokeswoman|Xinhua|TASS|Reuters|AFP|AP|Bloomberg|Interfax|"
    r"RIA|KCNA|IRNA|Yonhap|Kyodo|Anadolu|Al Jazeera|BBC|CNN)\b",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^(?:the\s+)?(?:official\s+|state-run\s+)?", re.IGNORECASE)

_SCALE = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_CURRENCY_SIGN = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY"}
_CURRENCY_WORD = {
    "dollars": "USD",
    "euros": "EUR",
    "yuan": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "pounds": "GBP",
}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?P<sign>[$€£¥])\s?(?P<num>{_NUMBER})\s*(?P<scale>thousand|million|mln|billion|bn|trillion|m)?\b"
    rf"|(?P<num2>{_NUMBER})\s*(?P<scale2>thousand|million|billion|trillion)?\s+(?P<cur>dollars|euros|yuan|roubles|rubles|pounds)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"(?P<num>{_NUMBER})\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_CHANGE = re.compile(
    rf"\b(?P<dir>surged|rose|grew|jumped|climbed|increased|soared|fell|dropped|declined|decreased|slumped|plunged)"
    r"(?:\s+by)?(?:\s+(?:more than|over|about|around|nearly|almost|some|roughly))?"
    rf"\s+(?P<num>{_NUMBER})\s?(?:%|percent|per cent)",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?:in|for|during)\s+(?P<period>(?:the\s+)?(?:first|second|third|fourth)?\s*(?:quarter of\s+)?(?:19|20)\d{2})\b"
)
_SUBJECT_VERB = re.compile(
    r"\b(?:surged|rose|grew|jumped|climbed|increased|soared|fell|dropped|declined|decreased|slumped|plunged|"
    r"accounts? for|accounted for|reached|totall?ed|stood at|amounted to|was|were|is|are)\b",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def extract_attributions(article: Article, sentences: Sequence[Sentence]) -> Iterator[Attribution]:
    seen: set[str] = set()
    for sentence in sentences:
        found: list[tuple[int, int, str, str]] = []
        for match in _ACCORDING_TO.finditer(sentence.text):
            found.append((match.start("who"), match.end("who"), match.group("who").strip(), "according to"))
        reported = _REPORTED.search(sentence.text)
        if reported and _AGENCY_WORDS.search(reported.group("who")):
            who = _LEADING_ARTICLE.sub("", reported.group("who").strip())
            start = reported.start("who") + reported.group("who").find(who)
            found.append((start, start + len(who), who, reported.group("cue")))
        for start, end, who, cue in found:
            key = who.lower()
            if key in seen:
                continue
            seen.add(key)
            offset = sentence.span[0]
            yield Attribution(
                article_id=article.id,
                sentence_index=sentence.index,
                span=(offset + start, offset + end),
                text=who,
                cue=cue,
            )


def extract_facts(article: Article, sentences: Sequence[Sentence]) -> Iterator[Fact]:
    for sentence in sentences:
        text = sentence.text
        change = _CHANGE.search(text)
        change_span = change.span("num") if change else None
        period_match = _PERIOD.search(text)
        period = period_match.group("period").strip() if period_match else None
        verb = _SUBJECT_VERB.search(text)
        subject = text[: verb.start()].strip(" ,") if verb and verb.start() > 0 else None
        source = None
        according = _ACCORDING_TO.search(text)
        reported = _REPORTED.search(text)
        if according:
            source = according.group("who").strip()
        elif reported:
            source = _LEADING_ARTICLE.sub("", reported.group("who").strip())
        values: list[tuple[int, int, float, str]] = []
        for m in _MONEY.finditer(text):
            if m.group("sign"):
                value = _number(m.group("num")) * _SCALE.get((m.group("scale") or "").lower(), 1.0)
                unit = _CURRENCY_SIGN[m.group("sign")]
            else:
                value = _number(m.group("num2")) * _SCALE.get((m.group("scale2") or "").lower(), 1.0)
                unit = _CURRENCY_WORD[m.group("cur").lower()]
            values.append((m.start(), m.end(), value, unit))
        for m in _PERCENT.finditer(text):
            if change_span and m.start("num") == change_span[0]:
                continue  # the change, not a level
            values.append((m.start(), m.end(), _number(m.group("num")), "percent"))
        for start, end, value, unit in sorted(values):
            offset = sentence.span[0]
            yield Fact(
                article_id=article.id,
                sentence_index=sentence.index,
                span=(offset + start, offset + end),
                subject=subject or text[:start].strip(" ,"),
                value=value,
                unit=unit,
                period=period,
                change_percent=_number(change.group("num")) if change and unit != "percent" else None,
                according_to=source,
            )
        if change and not values:
            offset = sentence.span[0]
            yield Fact(
                article_id=article.id,
                sentence_index=sentence.index,
                span=(offset + change.start(), offset + change.end()),
                subject=subject or "",
                value=_number(change.group("num")),
                unit="percent change",
                period=period,
                change_percent=_number(change.group("num")),
                according_to=source,
            )
