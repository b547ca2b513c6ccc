"""Direct quotes in an article body and who said them.

Works on the text and on the article's resolved actor mentions only (no parse), in two steps:

1. Find the quote marks: straight and curly double quotes, guillemets, and curly single quotes
   (‘…’) told apart from apostrophes (Russia’s, the countries’ ties). A quote ends at its closing
   mark, at a paragraph break, or after ``MAX_QUOTE_CHARS``; an opening mark that never closes is
   skipped, unless the paragraph runs on into one that opens with a mark again (the wire way of
   quoting several paragraphs), so a stray mark never swallows the rest of the article.
2. Find each quote's speaker, first rule that applies:

   - ``colon``: ``Lavrov said: "..."`` (also across a paragraph break);
   - ``said-clause``: a reporting verb before the quote in its sentence (``Li told Putin that
     relations "..."``, ``He pledged to push ... "to a new level"``) or in the clause after it
     (``"...," Lavrov said`` / ``"...," said Lavrov`` / ``"...," Li told reporters``);
   - ``according-to``: ``"...," according to X`` or ``according to X, ... "..."``; "according to the
     report" points back to the report named just before ("Xinhua reported");
   - ``pronoun``: the clause's subject is he/she: the speaker of an earlier quote, or else the first
     person named, in the nearest sentence back that names one;
   - ``previous-speaker``: a quote that opens its sentence right after another quote's sentence
     (or paragraph) carries on that quote's speaker;
   - ``next-speaker``: a paragraph whose quote runs on into the next one takes that one's speaker.

Embedded quotes of one or two words without a speaker clause of their own (scare quotes: the
‘maximum pressure’ campaign) and short title-case names in marks are not quotes of a speaker and
are left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from wirecoder.extract import extract_attributions
from wirecoder.nlp.segment import split_paragraph
from wirecoder.records import Article, Mention, Quote, QuoteMethod, Sentence, Span

MAX_QUOTE_CHARS = 1500  # a quote longer than this is an unmatched mark, not a quote
MAX_CLAUSE_CHARS = 250  # how far after a closing mark its reporting clause is looked for
MAX_SUBJECT_WORDS = 10  # "Sergei Lavrov, Russia's foreign minister, said": longer is not a subject
SCARE_WORDS = 2  # embedded quotes this short, with no speaker clause, are scare quotes

_DOUBLE_OPEN = "“«"
_DOUBLE_CLOSE = "”»"
_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_MARKS = frozenset(_DOUBLE_OPEN + _DOUBLE_CLOSE + _STRAIGHT + _SINGLE_OPEN + _SINGLE_CLOSE)
_MARK = re.compile("[" + re.escape("".join(sorted(_MARKS))) + "]")
_BEFORE_OPEN = frozenset("([{—–-/") | frozenset(_DOUBLE_OPEN + _STRAIGHT + _SINGLE_OPEN)

# Reporting verbs that close a quote ('"...," X said'), finite forms.
_SAY = (
    r"said|says|say|told|tells|tell|added|adds|wrote|writes|warned|warns|insisted|insists|asked|asks|"
    r"stressed|stresses|noted|notes|declared|declares|explained|explains|argued|argues|claimed|claims|"
    r"replied|replies|responded|responds|stated|states|announced|announces|urged|urges|tweeted|tweets|"
    r"posted|remarked|recalled|recalls|commented|concluded|continued|continues|affirmed|asserted|"
    r"emphasi[sz]ed|emphasi[sz]es|acknowledged|admitted|predicted|complained|countered|retorted|quipped|"
    r"joked|shouted|exclaimed|cautioned|observed|conceded|boasted|reported|reports|confirmed|denied|"
    r"pleaded|suggested|agreed|vowed|pledged|promised|threatened|demanded|disclosed|disclose|revealed|"
    r"reiterated|maintained|charged|predicts|hinted"
)
# Participles that hang a quote on the main clause's subject ("Putin hit back, saying "..."").
_SAY_ING = (
    r"saying|adding|telling|writing|warning|insisting|stressing|noting|declaring|explaining|arguing|"
    r"claiming|urging|calling|describing|vowing|pledging|promising|accusing|asking|recalling"
)
# Verbs that frame a quote inside the writer's own sentence ("called the move "reckless"").
_FRAME = (
    r"called|calls|described|describes|dubbed|branded|labell?ed|termed|accused|accuses|condemned|"
    r"critici[sz]ed|praised|hailed|denounced|welcomed"
)
_AFTER_VERB = re.compile(rf"(?<![\w-])(?:{_SAY})\b")
_BEFORE_VERB = re.compile(rf"(?<![\w-])(?P<verb>{_SAY}|{_SAY_ING}|{_FRAME})\b")
_PARTICIPLE = re.compile(rf"(?:{_SAY_ING})$")
# "He denied the charge and called it "...": the verb shares the clause's subject.
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:then|also|later)\s+)?$")
_LEADING_PRONOUN = re.compile(r"\b(?P<pronoun>he|she)\b", re.I)
_INVERTED = re.compile(rf"(?P<verb>{_SAY})\s+(?P<who>[^,.;:!?]+)")
_QUOTED_AS = re.compile(r"\bquoted\s+(?P<who>[^,.;:!?]+?)\s+as\s+(?:saying|telling)\b")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:!?“”\"‘]{2,80}?)(?=\s*(?:[,.;:!?“”\"‘]|$))", re.I)
# "he also said", "she had earlier told": the pronoun subject of a reporting verb.
_PRONOUN = re.compile(
    r"\b(?P<pronoun>he|she|they|we|i)\b(?:\s+(?:also|later|then|again|further|earlier|previously|once|"
    r"repeatedly|reportedly|has|had|have|would|will|did|was|were|is))*\s*$",
    re.I,
)
_DOCUMENT = re.compile(
    r"^(?:the|a|an|this|that)\s+(?:\w+\s+)?(?:report|statement|readout|transcript|communiqu[eé]|release|"
    r"text|document|broadcast|dispatch|article|post)$",
    re.I,
)
_CUT_WHO = re.compile(r"\s+(?:in|on|at|during|after|before|from|to|when|while|who|which)\s.*$", re.S)
_SMALL_WORDS = frozenset({"a", "an", "and", "the", "of", "for", "in", "on", "to", "at", "by", "with", "or"})
_DETERMINERS = frozenset({"the", "a", "an", "one", "two", "three", "several", "some", "many", "another"})
_SPEAKER_NOUNS = frozenset(
    {
        "official", "officials", "source", "sources", "analyst", "analysts", "diplomat", "diplomats", "expert",
        "experts", "witness", "witnesses", "resident", "residents", "critics", "protesters", "police", "lawmakers",
        "ministers", "leaders", "aides", "spokesman", "spokeswoman", "spokesperson", "observers", "officers",
        "commanders",
    }
)  # fmt: skip
_PERSON_KINDS = frozenset({"person", "unknown_person"})  # who can be "he" or "she"


def _rank(mention: Mention) -> int:
    """Which mention speaks for a clause that names several (lower first; ties: the first or closest)."""
    if mention.kind == "person" and mention.code:
        return 0
    if mention.kind in ("agent", "organisation") and mention.code:
        return 1
    if mention.kind in _PERSON_KINDS:
        return 2
    if mention.code:
        return 3
    return 4


@dataclass(frozen=True, slots=True)
class _Marked:
    """A quote as the scan found it, before its speaker."""

    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph end for a quote that runs on
    start: int  # the words, without the marks and the trailing comma
    end: int
    continued: bool  # runs on into the next paragraph (no closing mark)


@dataclass(frozen=True, slots=True)
class _Speaker:
    text: str | None
    mention: Mention | None
    method: QuoteMethod
    span: Span | None = None


_NOBODY = _Speaker(None, None, "none")


def extract_quotes(article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Quote]:
    """The direct quotes of ``article`` in body order, each with its speaker where one is found.

    ``sentences`` are the article's sentences and ``mentions`` its resolved actor mentions (spans
    into ``article.body``). Never raises on unbalanced or odd marks; see the module docstring for
    the rules.
    """
    if _MARK.search(article.body) is None:
        return []
    return _Quotes(article, sentences, mentions).extract()


class _Quotes:
    def __init__(self, article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> None:
        self.article = article
        self.body = article.body
        self.sentences = sorted(sentences, key=lambda s: s.span[0])
        self.sentence_starts = [s.span[0] for s in self.sentences]
        self.paragraphs = sorted(article.paragraphs) or [(0, len(self.body))]
        self.paragraph_starts = [p[0] for p in self.paragraphs]
        self.marked = self._scan()
        inside = [(q.open, q.close if q.continued else q.close + 1) for q in self.marked]
        # The writer's words only: clauses are read with every quote blanked out (same offsets), so
        # words inside quotes never name a speaker ("I met Putin," he said) nor split a clause.
        pieces: list[str] = []
        done = 0
        for a, b in inside:
            pieces += [self.body[done:a], " " * (b - a)]
            done = b
        self.text = "".join([*pieces, self.body[done:]])
        self.mentions = sorted(
            (m for m in mentions if not any(a <= m.span[0] and m.span[1] <= b for a, b in inside)),
            key=lambda m: (m.span[0], -m.span[1]),
        )
        self.speakers: list[Mention] = []  # mentions found as speakers so far, in body order

    # -- step 1: the marks --------------------------------------------------------------------

    def _paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def _paragraph_end(self, pos: int) -> int:
        start, end = self.paragraphs[self._paragraph_of(pos)]
        if start <= pos < end:
            return end
        gap = self.body.find("\n\n", pos)
        return len(self.body) if gap < 0 else gap

    def _opens(self, i: int) -> str | None:
        """The family ("d" double, "s" single) of an opening mark at ``i``, or None."""
        body = self.body
        char = body[i]
        after = body[i + 1] if i + 1 < len(body) else ""
        before = body[i - 1] if i > 0 else " "
        if not after or after.isspace():
            return None
        free = before.isspace() or before in _BEFORE_OPEN
        if char in _DOUBLE_OPEN or (char == _STRAIGHT and free):
            return "d"
        if char == _SINGLE_OPEN and free and not after.isdigit():  # ’90s
            return "s"
        return None

    def _closes(self, i: int, family: str) -> bool:
        body = self.body
        char = body[i]
        before = body[i - 1]
        if family == "d":
            return char in _DOUBLE_CLOSE or (char == _STRAIGHT and not before.isspace())
        after = body[i + 1] if i + 1 < len(body) else ""
        # An apostrophe has a letter on both sides (Russia’s, don’t).
        return char == _SINGLE_CLOSE and not before.isspace() and not after.isalnum()

    def _find_close(self, i: int, limit: int, family: str) -> int | None:
        body = self.body
        fallback: int | None = None
        j = i + 1
        while True:
            found = _MARK.search(body, j, limit)
            if found is None:
                return fallback
            j = found.start()
            if family == "s" and self._opens(j) == "d":
                inner = self._find_close(j, limit, "d")  # a quote inside the quote: jump it
                j = (inner if inner is not None else j) + 1
                continue
            if self._closes(j, family):
                # "the countries’ ties": a plural possessive before a lower-case word is an apostrophe
                # if a likelier close follows.
                if family == "s" and body[j - 1] == "s" and body[j + 1 : j + 3].strip()[:1].islower():
                    fallback = j if fallback is None else fallback
                    j += 1
                    continue
                return j
            if family == "d" and self._opens(j) == "d":
                return fallback  # another opening mark first: the first one is stray
            j += 1

    def _scan(self) -> list[_Marked]:
        body = self.body
        found: list[_Marked] = []
        i = 0
        while (mark := _MARK.search(body, i)) is not None:
            i = mark.start()
            family = self._opens(i)
            if family is None:
                i += 1
                continue
            paragraph_end = self._paragraph_end(i)
            close = self._find_close(i, min(paragraph_end, i + 1 + MAX_QUOTE_CHARS), family)
            continued = False
            if close is None:
                nxt = self._paragraph_of(i) + 1
                runs_on = (
                    paragraph_end - i <= MAX_QUOTE_CHARS
                    and nxt < len(self.paragraphs)
                    and self.paragraphs[nxt][0] < len(body)
                    and self._opens(self.paragraphs[nxt][0]) == family
                )
                if not runs_on:
                    i += 1  # an unmatched mark: not a quote
                    continue
                close, continued = paragraph_end, True
            start, end = i + 1, close
            while start < end and body[start].isspace():
                start += 1
            while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
                end -= 1
            if any(c.isalnum() for c in body[start:end]):
                found.append(_Marked(i, close, start, end, continued))
            i = close + 1
        return found

    # -- step 2: the speakers -----------------------------------------------------------------

    def _sentence_at(self, pos: int) -> int:
        """Position (in ``self.sentences``) of the sentence holding ``pos``, or the one before it."""
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def _sentence_index(self, pos: int) -> int:
        if not self.sentences:
            return 0
        k = self._sentence_at(pos)
        sentence = self.sentences[k]
        if pos >= sentence.span[1] and k + 1 < len(self.sentences):
            return self.sentences[k + 1].index
        return sentence.index

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.span[0] and m.span[1] <= end]

    def _best(self, start: int, end: int, *, closest_to: int | None = None) -> Mention | None:
        found = self._mentions_in(start, end)
        if not found:
            return None
        if closest_to is None:
            return min(found, key=_rank)  # ties: the first
        return min(found, key=lambda m: (_rank(m), closest_to - m.span[1]))

    def _who(
        self, start: int, end: int, method: QuoteMethod, *, closest: bool = False, longer: bool = False
    ) -> _Speaker | None:
        """The speaker named in ``body[start:end]`` (a clause's subject): a mention, a pronoun or words."""
        text = self.text[start:end]
        pronoun = _PRONOUN.search(text)
        if pronoun and not text[: pronoun.start()].strip(" ,"):
            return self._pronoun(start + pronoun.start("pronoun"), pronoun.group("pronoun"))
        mention = self._best(start, end, closest_to=end if closest else None)
        if mention is not None:
            return self._found(mention, method)
        words = " ".join(text.strip(" ,;:—–-").split())
        if not _speaker_words(words, MAX_SUBJECT_WORDS if longer else MAX_SUBJECT_WORDS // 2):
            return None
        offset = start + text.find(words.split()[0])
        return _Speaker(words, None, method, (offset, offset + len(words)))

    def _subject(self, start: int, end: int, method: QuoteMethod) -> _Speaker | None:
        """The subject of the clause ``body[start:end]``: a leading he/she, else its best-ranked actor."""
        mention = self._best(start, end)
        pronoun = _LEADING_PRONOUN.search(self.text, start, end)
        if pronoun and (mention is None or pronoun.start() < mention.span[0]):
            return self._pronoun(pronoun.start(), pronoun.group("pronoun"))
        return None if mention is None else self._found(mention, method)

    def _found(self, mention: Mention, method: QuoteMethod) -> _Speaker:
        codes = {m.code for m in self.mentions if m.span == mention.span}
        if len(codes) > 1:  # "the two countries": a group, no one actor speaks for it
            return _Speaker(mention.text, None, method, mention.span)
        return _Speaker(mention.text, mention, method, mention.span)

    def _pronoun(self, pos: int, pronoun: str) -> _Speaker:
        """He/she: an earlier quote's speaker, or the first person named, in the nearest sentence back."""
        if pronoun.lower() in ("he", "she") and self.sentences:
            k = self._sentence_at(pos)
            for back in range(k, max(-1, k - 4), -1):
                lo = self.sentences[back].span[0]
                hi = min(self.sentences[back].span[1], pos)
                speakers = [m for m in self.speakers if lo <= m.span[0] and m.span[1] <= hi]
                if speakers:
                    return self._found(speakers[-1], "pronoun")
                people = [m for m in self._mentions_in(lo, hi) if m.kind in _PERSON_KINDS]
                if people:
                    return self._found(people[0], "pronoun")
        return _Speaker(pronoun, None, "pronoun", (pos, pos + len(pronoun)))

    def _before(self, start: int, end: int, method: QuoteMethod) -> _Speaker | None:
        """The subject of the last reporting verb in ``body[start:end]``, the text before a quote."""
        text = self.text[start:end]
        verbs = list(_BEFORE_VERB.finditer(text))
        if not verbs:
            return None
        verb = verbs[-1]
        clause = max(text.rfind(";", 0, verb.start()), text.rfind(":", 0, verb.start())) + 1
        head = text[clause : verb.start()]
        if (_PARTICIPLE.match(verb.group("verb")) and head.rstrip().endswith(",")) or _COORDINATED.search(head):
            # "Putin hit back, saying" / "He denied it and called": the clause's subject.
            return self._subject(start + clause, start + verb.start(), method)
        last_comma = head.rfind(",")
        if head[last_comma + 1 :].strip():
            # "..., China's Premier Li Keqiang said that": the words right before the verb.
            return self._who(start + clause + last_comma + 1, start + verb.start(), method, closest=True)
        # "Sergei Lavrov, Russia's foreign minister, said": the first part that names someone.
        position = start + clause
        for part in head.split(","):
            found = self._who(position, position + len(part), method)
            if found is not None:
                return found
            position += len(part) + 1
        return None

    def _after(self, quote: _Marked, limit: int) -> _Speaker | None:
        """The reporting clause after a closing mark: '"...," Lavrov said' / 'said Lavrov' / 'according to'."""
        last = self.body[quote.start : quote.close].rstrip()[-1:]
        tail_start = quote.close + 1
        tail = self.text[tail_start:limit]
        if quote.continued or not (last in ",?!—–-…" or tail.lstrip().startswith(",")):
            return None
        stripped = tail.lstrip(" ,—–-\u00a0")
        offset = tail_start + len(tail) - len(stripped)
        spans = split_paragraph(stripped)
        clause = stripped[: spans[0][1]] if spans else stripped
        according = _ACCORDING.match(clause)
        if according:
            return self._according(offset + according.start("who"), offset + according.end("who"))
        quoted = _QUOTED_AS.search(clause)
        if quoted:
            return self._who(offset + quoted.start("who"), offset + quoted.end("who"), "said-clause")
        inverted = _INVERTED.match(clause)
        if inverted:
            who = _CUT_WHO.sub("", inverted.group("who"))
            return self._who(offset + inverted.start("who"), offset + inverted.start("who") + len(who), "said-clause")
        verb = _AFTER_VERB.search(clause)
        if verb is None or len(clause[: verb.start()].split()) > MAX_SUBJECT_WORDS:
            return None
        return self._before(offset, offset + verb.end(), "said-clause")

    def _according(self, start: int, end: int, *, longer: bool = False) -> _Speaker | None:
        words = " ".join(self.text[start:end].split())
        if _DOCUMENT.match(words):
            # "according to the report": the report named in the sentences just before.
            k = self._sentence_at(start)
            for attribution in reversed(list(extract_attributions(self.article, self.sentences[max(0, k - 2) : k]))):
                if _DOCUMENT.match(attribution.text):
                    continue
                mention = self._best(*attribution.span)
                if mention is not None:
                    return self._found(mention, "according-to")
                return _Speaker(attribution.text, None, "according-to", attribution.span)
        return self._who(start, end, "according-to", longer=longer)

    def _head(self, quote: _Marked) -> Span:
        """The span of the writer's text before the quote in its sentence."""
        start = quote.open
        if self.sentences:
            k = self._sentence_at(quote.open)
            if self.sentences[k].span[0] <= quote.open < self.sentences[k].span[1]:
                start = self.sentences[k].span[0]
        return max(start, self.paragraphs[self._paragraph_of(quote.open)][0]), quote.open

    def _colon_before(self, quote: _Marked, head: Span) -> _Speaker | None:
        text = self.text[head[0] : head[1]].rstrip()
        if text.endswith(":"):
            return self._before(head[0], head[0] + len(text) - 1, "colon") or self._who(
                head[0], head[0] + len(text) - 1, "colon", closest=True
            )
        if text.strip():
            return None
        # "Lavrov told reporters:" closing the paragraph before.
        before = self.text[: quote.open].rstrip()
        if not before.endswith(":") or quote.open - len(before) > 4:
            return None
        k = self._sentence_at(len(before) - 1)
        lo = self.sentences[k].span[0] if self.sentences else max(0, len(before) - 200)
        return self._before(lo, len(before) - 1, "colon")

    def extract(self) -> list[Quote]:
        found: list[tuple[_Marked, str, _Speaker, bool]] = []
        for n, quote in enumerate(self.marked):
            following = self.marked[n + 1].open if n + 1 < len(self.marked) else len(self.body)
            limit = min(self._paragraph_end(quote.close), following, quote.close + 1 + MAX_CLAUSE_CHARS)
            head = self._head(quote)
            head_text = self.text[head[0] : head[1]]
            text = self.body[quote.start : quote.end]
            embedded = bool(head_text.strip()) and not head_text.rstrip().endswith((":", ","))
            partial = embedded or text[0].islower()
            after = self._after(quote, limit)
            if partial and len(text.split()) <= SCARE_WORDS and after is None:
                continue  # the 'maximum pressure' campaign
            speaker = (
                self._colon_before(quote, head)
                or (self._before(*head, "said-clause") if head_text.strip() else None)
                or after
                or self._head_according(head)
                or (self._previous(quote, found[-1]) if found and not head_text.strip() else None)
                or _NOBODY
            )
            if speaker.method == "none" and _title_like(text):
                continue  # "Belt and Road", a newspaper's name
            if speaker.mention is not None:
                self.speakers.append(speaker.mention)
            found.append((quote, text, speaker, partial))
        # A paragraph whose quote runs on into the next one takes the next one's speaker.
        for n in range(len(found) - 2, -1, -1):
            quote, text, speaker, partial = found[n]
            later = found[n + 1][2]
            if quote.continued and speaker.method == "none" and later.method != "none":
                found[n] = (quote, text, replace(later, method="next-speaker"), partial)
        return [self._quote(*item) for item in found]

    def _head_according(self, head: Span) -> _Speaker | None:
        found = list(_ACCORDING.finditer(self.text, head[0], head[1]))
        if not found:
            return None
        return self._according(found[-1].start("who"), found[-1].end("who"), longer=True)

    def _previous(self, quote: _Marked, before: tuple[_Marked, str, _Speaker, bool]) -> _Speaker | None:
        """A quote opening its sentence right after the previous quote's sentence carries on its speaker."""
        last, _, said, _ = before
        if said.method == "none":
            return None
        ended = max(last.close - 1, last.start)
        if said.span is not None and said.span[0] > last.close:
            ended = said.span[0]  # '"Why?" Orban asked.' may be a sentence of its own
        if self._sentence_index(quote.open) - self._sentence_index(ended) > 1:
            return None
        return replace(said, method="previous-speaker")

    def _quote(self, quote: _Marked, text: str, speaker: _Speaker, partial: bool) -> Quote:
        mention = speaker.mention
        return Quote(
            article_id=self.article.id,
            sentence_index=self._sentence_index(quote.start),
            span=(quote.start, quote.end),
            text=text,
            speaker_text=speaker.text,
            speaker_code=mention.code if mention else None,
            speaker_name=mention.name if mention else None,
            speaker_span=speaker.span,
            method=speaker.method,
            partial=partial,
        )


def _speaker_words(words: str, most: int) -> bool:
    """Whether words that no mention covers can still name a speaker ("Cross", "the official", "analysts")."""
    split = words.split()
    if not split or len(split) > most:
        return False
    return split[0][:1].isupper() or split[0].lower() in _DETERMINERS or split[-1].lower() in _SPEAKER_NOUNS


def _title_like(text: str) -> bool:
    """Short, title-case and unpunctuated: a name in marks ("Belt and Road"), not speech."""
    words = text.split()
    if len(words) > 6 or text[-1:] in ".?!,;:":
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _SMALL_WORDS for w in words)
