"""Find date expressions in news sentences and resolve them against a reference date.

``find_dates`` is purely lexical: it returns what the text says ("last week's", "on Thursday",
"Nov. 15, 2018") with enough parsed detail to resolve it later. ``resolve`` turns one mention into a
``DateValue`` relative to a reference date (the publication date, or the date the narrative is at).
The two steps are separate because the right reference and tense are only known to the caller.

Conventions follow wire-service style: a bare weekday names a day of the past week (the reference day
itself when it is the same weekday), "last week" is the previous Monday–Sunday calendar week, and a
month or day without a year is the nearest plausible one.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from wirecoder.records import DateValue

__all__ = ["DateMention", "MentionKind", "Unit", "find_dates", "resolve"]

MentionKind = Literal["absolute", "weekday", "relative", "year", "month"]
Unit = Literal["day", "week", "weekend", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text.

    Named parts (``year``, ``month``, ``day``, ``weekday``) hold what the text names. ``unit`` and
    ``offset`` hold relative expressions: "last week" is ``unit="week", offset=-1``; "two days ago" is
    ``unit="day", offset=-2``. For a weekday or a month name, ``offset`` is -1 for "last", +1 for
    "next", 0 for "this" (months only), and None when the tense of the clause decides.
    """

    span: tuple[int, int]
    text: str
    kind: MentionKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, as date.weekday()
    unit: Unit | None = None
    offset: int | None = None


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# A day-and-month with no year is put in the previous (or, for future events, next) year when the
# reference year would move it further than this from the reference date.
_YEAR_ROLLOVER = timedelta(days=61)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_FULL_MONTHS = frozenset(name for name in _MONTHS if len(name) > 4 or name in {"may", "june", "july"})
_WEEKDAYS = {
    name: number
    for number, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
# Weekday and full month names, lower-cased: words that name a time, not a thing.
CALENDAR_NAMES = _FULL_MONTHS | frozenset(_WEEKDAYS)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_UNITS: dict[str, Unit] = {
    "day": "day",
    "week": "week",
    "weekend": "weekend",
    "month": "month",
    "year": "year",
}
_OFFSETS = {"last": -1, "this": 0, "next": 1}
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

# Month names that are also common English words: only capitalised, and only in a date-like context.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})

# Words that, right before a bare month name or year, show it is used as a date.
_MONTH_CUES = _words("on since by until till from during of before after between through throughout around")
_YEAR_CUES = _MONTH_CUES | _words("the year fiscal spring summer autumn fall winter circa")
# "and"/"to" count as a cue only after another month or year: "from January to March", "2019 and 2020".
_LINKS = _words("and or to through until till")

# After a year-shaped number these make it a quantity, whatever comes before it.
_UNIT_WORDS = _words(
    """
    million billion trillion thousand mln bn percent km kilometers kilometres miles meters metres
    feet tons tonnes barrels hectares acres dollars euros yuan rubles roubles yen rupees pounds mw gw kw
    gmt utc bst cet est edt pst hrs"""
)
# Counted things: a quantity unless a preposition ("in 2022 people voted") says it is a year.
_COUNT_WORDS = _words(
    """
    people persons troops soldiers officers workers civilians residents refugees migrants children
    members votes voters cases deaths casualties prisoners detainees hostages protesters demonstrators
    students jobs units vehicles tanks missiles rockets drones aircraft planes ships homes houses
    buildings points seats delegates participants respondents signatures times"""
)
# Nouns (and election adjectives) that make "a 2019 report", "2022 invasion" a year used as a modifier.
_EVENT_WORDS = _words(
    """
    invasion annexation election elections vote referendum war conflict summit meeting talks visit
    trip agreement accord deal treaty pact ceasefire truce offensive counteroffensive incursion attack
    attacks bombing bombings coup uprising revolution protest protests crackdown crisis massacre
    earthquake floods pandemic outbreak report survey census study law ruling verdict decision
    resolution declaration statement budget plan strategy sanctions embargo blockade deployment
    withdrawal pullout raid strike strikes assassination killing killings shooting clashes riots
    campaign race olympics games championship season tournament memorandum communique speech
    mobilisation mobilization occupation siege crash disaster explosion blast hurricane midterms
    primaries inauguration negotiations escalation intervention operation ban reform reforms amendment
    constitution act bill decree indictment trial arrest conviction default recession lockdown shutdown
    bailout standoff dispute incident purge hack cyberattack presidential parliamentary legislative
    general midterm municipal regional local federal"""
)
# Names that contain a weekday but are not dates ("Black Friday", "the Sunday Times").
_WEEKDAY_NAME_BEFORE = _words("black good holy super cyber ash palm easter maundy shrove bloody giving")
_WEEKDAY_NAME_AFTER = _words(
    "times telegraph express mirror herald post mail independent star people sport tribune review"
)

_APOS = "['’]"
_MONTH_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)(?!\w)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
# A 4-digit year that is not part of a longer number, a decimal, a time, a range or a percentage.
_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\w|[.,:/\-–]\d|\s*%)"
# Within a full date the year must also not be a count: "June 5, 2000 people".
_DATE_YEAR = rf"(?P<year>{_YEAR}(?!\s+(?:{'|'.join(sorted(_UNIT_WORDS | _COUNT_WORDS))})\b))"
_NOT_AFTER_NUMBER = r"(?<![\w$€£¥#.,:/])(?<!\d[\-–])"

_MONTH_DAY_RE = re.compile(
    rf"(?P<lead>\bon\s+)?(?:\b(?P<wd>{_WEEKDAY}),?\s+)?\b(?P<mon>{_MONTH_ANY})\s+{_DAY}(?:,?\s+{_DATE_YEAR})?",
    re.IGNORECASE,
)
_DAY_MONTH_RE = re.compile(
    rf"(?P<lead>\bon\s+)?(?:\b(?P<wd>{_WEEKDAY}),?\s+)?{_NOT_AFTER_NUMBER}{_DAY}\s+(?:of\s+)?"
    rf"(?P<mon>{_MONTH_ANY})(?:,?\s+{_DATE_YEAR})?",
    re.IGNORECASE,
)
_ISO_RE = re.compile(
    r"(?P<lead>\bon\s+)?(?<![\w\-–/.])(?P<year>19\d\d|20\d\d|2100)-(?P<mon>\d\d)-(?P<day>\d\d)(?![\w\-/])"
)
_MONTH_RE = re.compile(
    rf"(?P<lead>\bin\s+)?(?P<mod>\b(?:early|mid|late|last|next|this)(?:\s+|-))?\b(?P<mon>{_MONTH_ANY})"
    rf"(?:\s+{_DATE_YEAR})?(?P<poss>{_APOS}s\b)?",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(
    rf"(?P<lead>\bin\s+)?(?P<mod>\b(?:early|mid|late)(?:\s+|-))?{_NOT_AFTER_NUMBER}(?P<year>{_YEAR})"
    rf"(?P<poss>{_APOS}s\b)?",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    rf"(?P<lead>\bon\s+)?(?:\b(?P<mod>early|late|last|next|this)\s+)?\b(?P<wd>{_WEEKDAY})(?!\w)"
    rf"(?P<poss>{_APOS}s\b)?(?:\s+(?:morning|afternoon|evening|night)\b)?",
    re.IGNORECASE,
)
_PERIOD_RE = re.compile(
    rf"\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next)\s+(?P<unit>week|weekend|month|year)\b(?:{_APOS}s\b)?",
    re.IGNORECASE,
)
_DAY_WORD_RE = re.compile(
    rf"\b(?:the\s+day\s+(?P<two>before\s+yesterday|after\s+tomorrow)|(?P<word>today|tonight|yesterday|tomorrow)"
    rf"(?:\s+(?:morning|afternoon|evening|night)\b)?|(?P<lastnight>last\s+night)|this\s+(?:morning|afternoon|evening))"
    rf"\b(?:{_APOS}s\b)?",
    re.IGNORECASE,
)
_AGO_RE = re.compile(
    rf"\b(?P<n>\d{{1,3}}|a\s+couple\s+of|{'|'.join(_NUMBER_WORDS)})\s+(?P<unit>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d")
_MONTH_GATE_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_RELATIVE_GATE_WORDS = ("last", "this", "next", "ago", "today", "tonight", "yesterday", "tomorrow", "the day")
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)\s+$")
_POSSESSOR_RE = re.compile(rf"(?:\w{_APOS}s|s{_APOS})\s+$")
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")
_LINKED_MONTH_RE = re.compile(rf"\b{_MONTH_FULL}\s+(?:{'|'.join(_LINKS)})\s+$", re.IGNORECASE)
_LINKED_YEAR_RE = re.compile(rf"(?<![\d,.])(?:19|20)\d\d\s+(?:{'|'.join(_LINKS)})\s+$")
_DAY_FOLLOWS_RE = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?(?!\w)")


# Between overlapping mentions of the same length, the more specific kind is kept.
_PRIORITY: dict[MentionKind, int] = {"absolute": 0, "month": 1, "year": 2, "weekday": 3, "relative": 4}


def find_dates(text: str) -> list[DateMention]:
    """All date expressions in a sentence, left to right, non-overlapping (longest match wins)."""
    # Most sentences hold no date: cheap substring gates keep the full patterns off them.
    lowered = text.lower()
    has_digit = _DIGIT_RE.search(text) is not None
    has_month = _MONTH_GATE_RE.search(lowered) is not None
    candidates: list[DateMention] = []
    if has_digit:
        candidates += _find_absolute(text)
        candidates += _find_years(text)
    if has_month:
        candidates += _find_months(text)
    if "day" in lowered:
        candidates += _find_weekdays(text)
    if any(word in lowered for word in _RELATIVE_GATE_WORDS):
        candidates += _find_relative(text)
    chosen: list[DateMention] = []
    for mention in sorted(candidates, key=lambda m: (m.span[0] - m.span[1], _PRIORITY[m.kind], m.span[0])):
        if all(mention.span[1] <= other.span[0] or mention.span[0] >= other.span[1] for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.span[0])


def resolve(mention: DateMention, reference: date, *, future: bool = False) -> DateValue | None:
    """The calendar date a mention denotes, relative to ``reference`` (the publication date or the
    narrative date). ``future=True`` when the clause speaks of something to come ("will meet on Monday").

    Returns None when the mention cannot be a real date (February 29 in a year without one).
    """
    try:
        if mention.kind == "absolute":
            return _resolve_absolute(mention, reference, future)
        if mention.kind == "weekday" and mention.weekday is not None:
            return DateValue(_resolve_weekday(mention.weekday, mention.offset, reference, future))
        if mention.kind == "month" and mention.month is not None:
            return _month_value(_resolve_month_year(mention, reference, future), mention.month)
        if mention.kind == "year" and mention.year is not None:
            return _year_value(mention.year)
        if mention.unit is not None and mention.offset is not None:
            return _shift(mention.unit, mention.offset, reference)
    except (ValueError, OverflowError):
        return None
    return None


# --- finding -----------------------------------------------------------------------------------------


def _mention(
    text: str,
    span: tuple[int, int],
    kind: MentionKind,
    *,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    weekday: int | None = None,
    unit: Unit | None = None,
    offset: int | None = None,
) -> DateMention:
    start, end = span
    return DateMention(span, text[start:end], kind, year, month, day, weekday, unit, offset)


def _prev_word(text: str, start: int) -> str:
    found = _PREV_WORD_RE.search(text, max(0, start - 30), start)
    return found.group(1).lower() if found else ""


def _next_word(text: str, end: int) -> str:
    found = _NEXT_WORD_RE.match(text, end)
    return found.group(1).lower() if found else ""


def _month_of(token: str) -> int | None:
    """The month a matched name denotes, or None for an uncapitalised "may"/"march" (a verb or noun)."""
    key = token.rstrip(".").lower()
    if key in _AMBIGUOUS_MONTHS and not token[0].isupper():
        return None
    return _MONTHS[key]


def _optional_int(value: str | None) -> int | None:
    return int(value) if value is not None else None


def _find_absolute(text: str) -> Iterator[DateMention]:
    for pattern in (_MONTH_DAY_RE, _DAY_MONTH_RE):
        for match in pattern.finditer(text):
            month = _month_of(match["mon"])
            if month is None or _prev_word(text, match.start("mon")) == "long":  # China's Long March 5 rocket
                continue
            day, year = int(match["day"]), _optional_int(match["year"])
            if day > monthrange(year or 2000, month)[1]:  # 2000: a leap year, so "Feb. 29" stays possible
                continue
            weekday = _WEEKDAYS[match["wd"].lower()] if match["wd"] else None
            yield _mention(text, match.span(), "absolute", year=year, month=month, day=day, weekday=weekday)
    for match in _ISO_RE.finditer(text):
        year, month, day = int(match["year"]), int(match["mon"]), int(match["day"])
        if not 1 <= month <= 12 or not 1 <= day <= monthrange(year, month)[1]:
            continue
        yield _mention(text, match.span(), "absolute", year=year, month=month, day=day)


def _find_months(text: str) -> Iterator[DateMention]:
    for match in _MONTH_RE.finditer(text):
        month = _month_of(match["mon"])
        if month is None:
            continue
        year = _optional_int(match["year"])
        if year is None and not _bare_month_ok(text, match):
            continue
        # "last/this/next March" moves a yearless month; "early", "mid" and "late" do not.
        offset = _OFFSETS.get((match["mod"] or "").strip(" -").lower()) if year is None else None
        yield _mention(text, match.span(), "month", year=year, month=month, offset=offset)


def _bare_month_ok(text: str, match: re.Match[str]) -> bool:
    """A month name standing alone must be capitalised, unabbreviated and used as a date."""
    token = match["mon"]
    if not token[0].isupper() or token.lower() not in _FULL_MONTHS:
        return False  # an abbreviation ("Nov", "Aug") needs a day or a year after it
    if _DAY_FOLLOWS_RE.match(text, match.end("mon")):
        return False  # "in March 3": the absolute date is the better reading
    if match["lead"] or match["mod"]:
        return True
    start = match.start("mon")
    prev = _prev_word(text, start)
    if prev in _MONTH_CUES:
        return True
    if prev in _LINKS:
        return _LINKED_MONTH_RE.search(text, max(0, start - 30), start) is not None
    return bool(match["poss"]) and token.lower() != "may"  # "January's election", not "May's government"


def _find_years(text: str) -> Iterator[DateMention]:
    for match in _YEAR_RE.finditer(text):
        start = match.start("year")
        end = match.end()
        following = _next_word(text, end)
        if following in _UNIT_WORDS:
            continue
        prev = _prev_word(text, match.start())
        if match["lead"] or match["mod"] or prev in {"since", "during"}:
            ok = True
        elif following in _COUNT_WORDS:
            ok = False
        else:
            window = text[max(0, start - 30) : start]
            ok = (
                prev in _YEAR_CUES
                or bool(match["poss"])
                or following in _EVENT_WORDS
                or _POSSESSOR_RE.search(window) is not None
                or (prev in _LINKS and _LINKED_YEAR_RE.search(window) is not None)
            )
        if ok:
            yield _mention(text, (match.start(), end), "year", year=int(match["year"]))


def _find_weekdays(text: str) -> Iterator[DateMention]:
    for match in _WEEKDAY_RE.finditer(text):
        mod = (match["mod"] or "").lower()
        prev = _prev_word(text, match.start())
        if mod in {"last", "next"} and prev == "the":
            continue  # "the last Thursday of the month" is not last week's Thursday
        if not match["lead"] and not mod:
            after = _NEXT_WORD_RE.match(text, match.end("wd"))
            if prev in _WEEKDAY_NAME_BEFORE or (
                after and after.group(1)[0].isupper() and after.group(1).lower() in _WEEKDAY_NAME_AFTER
            ):
                continue
        wd = _WEEKDAYS[match["wd"].lower()]
        yield _mention(text, match.span(), "weekday", weekday=wd, offset=_OFFSETS.get(mod) if mod != "this" else None)


def _find_relative(text: str) -> Iterator[DateMention]:
    for match in _PERIOD_RE.finditer(text):
        which = match["which"].lower()
        if which != "this" and _prev_word(text, match.start()) == "the":
            continue  # "over the last year", "the next week or so": rolling periods, not calendar ones
        unit = _UNITS[match["unit"].lower()]
        kind: MentionKind = "month" if unit == "month" else "year" if unit == "year" else "relative"
        yield _mention(text, match.span(), kind, unit=unit, offset=_OFFSETS[which])
    for match in _DAY_WORD_RE.finditer(text):
        if match["two"]:
            offset = -2 if match["two"].lower().startswith("before") else 2
        elif match["lastnight"]:
            offset = -1
        elif match["word"]:
            word = match["word"]
            prev = _PREV_WORD_RE.search(text, max(0, match.start() - 30), match.start())
            if word[0].isupper() and prev and prev.group(1)[0].isupper():
                continue  # "USA Today", "Russia Today": a title, not a day
            offset = _DAY_WORDS[word.lower()]
        else:
            offset = 0
        yield _mention(text, match.span(), "relative", unit="day", offset=offset)
    for match in _AGO_RE.finditer(text):
        n_text = re.sub(r"\s+", " ", match["n"].lower())
        count = 2 if n_text == "a couple of" else int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text]
        if count:
            yield _mention(text, match.span(), "relative", unit=_UNITS[match["unit"].lower()], offset=-count)


# --- resolving ---------------------------------------------------------------------------------------


def _resolve_absolute(mention: DateMention, reference: date, future: bool) -> DateValue | None:
    if mention.month is None or mention.day is None:
        return None
    if mention.year is not None:
        return DateValue(date(mention.year, mention.month, mention.day))
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, mention.month, mention.day))
        except ValueError:
            continue
    if mention.weekday is not None:
        # "Thursday, Nov. 15": the weekday tells the year; take the nearest year that agrees with it.
        agreeing = [day for day in candidates if day.weekday() == mention.weekday]
        if agreeing:
            return DateValue(min(agreeing, key=lambda day: (abs((day - reference).days), day > reference)))
    day = date(reference.year, mention.month, mention.day)
    if not future and day - reference > _YEAR_ROLLOVER:
        day = day.replace(year=day.year - 1)
    elif future and reference - day > _YEAR_ROLLOVER:
        day = day.replace(year=day.year + 1)
    return DateValue(day)


def _resolve_weekday(weekday: int, offset: int | None, reference: date, future: bool) -> date:
    if offset == -1:  # "last Monday": that day of the previous calendar week
        return _monday(reference) - timedelta(days=7 - weekday)
    if offset == 1:  # "next Monday": the first one after the reference day
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    if future:
        return reference + timedelta(days=(weekday - reference.weekday()) % 7)
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def _resolve_month_year(mention: DateMention, reference: date, future: bool) -> int:
    month = mention.month or 1
    if mention.year is not None:
        return mention.year
    if mention.offset == 0:
        return reference.year
    if mention.offset == -1:  # "last March": the most recent one before the current month
        return reference.year if month < reference.month else reference.year - 1
    if mention.offset == 1:
        return reference.year if month > reference.month else reference.year + 1
    if future:
        return reference.year if month >= reference.month else reference.year + 1
    return reference.year if month <= reference.month else reference.year - 1


def _shift(unit: Unit, offset: int, reference: date) -> DateValue:
    if unit == "day":
        return DateValue(reference + timedelta(days=offset))
    if unit in ("week", "weekend"):
        monday = _monday(reference) + timedelta(weeks=offset)
        if unit == "weekend":
            return DateValue(monday + timedelta(days=5), "week", monday + timedelta(days=6))
        return DateValue(monday, "week", monday + timedelta(days=6))
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + offset
        return _month_value(index // 12, index % 12 + 1)
    return _year_value(reference.year + offset)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_value(year: int, month: int) -> DateValue:
    return DateValue(date(year, month, 1), "month", date(year, month, monthrange(year, month)[1]))


def _year_value(year: int) -> DateValue:
    return DateValue(date(year, 1, 1), "year", date(year, 12, 31))
