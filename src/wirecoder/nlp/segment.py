"""Rule-based sentence splitting over an article's paragraphs.

Running spaCy over every sentence only to find its boundaries would cost more than the whole
rest of the pipeline, so sentences are cut here with rules that know news abbreviations
("Nov.", "U.S.", "Gen.") and quotes; only the sentences that can hold an event are parsed later.
"""

from __future__ import annotations

import re

from wirecoder.records import Article, Sentence

# Words that end with a period without ending a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "mt",
        "ft",
        "rev",
        "fr",
        "sr",
        "jr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vs",
        "v",
        "etc",
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "dept",
        "est",
        "approx",
        "fig",
        "al",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "d.c",
    ]
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_abbreviation(text: str, dot_index: int) -> bool:
    match = _WORD_BEFORE.search(text, 0, dot_index + 1)
    if match is None:
        return False
    word = match.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    # A single capital letter before the dot is an initial ("George W. Bush").
    return len(word) == 1


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph's text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        punct_end = match.end()
        first_dot = match.start()
        if text[first_dot] == "." and _is_abbreviation(text, first_dot):
            continue
        spans.append((start, punct_end))
        start = punct_end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        end = len(text.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    """All sentences of an article, in order, with spans into ``article.body``."""
    sentences: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(article.paragraphs):
        paragraph = article.body[p_start:p_end]
        for s_start, s_end in split_paragraph(paragraph):
            start, end = p_start + s_start, p_start + s_end
            sentences.append(
                Sentence(
                    article_id=article.id,
                    index=len(sentences),
                    span=(start, end),
                    text=article.body[start:end],
                    paragraph=p_index,
                )
            )
    return tuple(sentences)
