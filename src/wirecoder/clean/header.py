"""Title, publication date and byline from the top of a text dump.

Header forms understood:

* a first line ``date 2024-08-22 China Premier Meets Putin, …`` (date and title of a feed item);
* date lines ``Published 16 November 2018``, ``Published: 2018-11-16``, ``Updated 4 May 2024 10:31 GMT``,
  ``Published on March 3, 2023``, or a date alone on a line near the top;
* a byline ``By Jane Doe`` near the top;
* for scraped pages with no declared title, the headline: the first substantive line of 3-20 words
  without a final full stop, before the first body paragraph.

Dates are parsed with a fixed list of formats; a date that does not parse is left out, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from wirecoder.clean.furniture import BULLET, looks_like_headline, strip_bullet

__all__ = ["DATE_FORMATS", "Header", "parse_date", "read_header"]

DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%d %b, %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
)
MIN_YEAR, MAX_YEAR = 1900, 2100
TITLE_WORDS = (3, 20)  # a headline is 3-20 words
MAX_DATE_LINE_WORDS = 12  # "Updated 4 May 2024 10:31 GMT"; longer lines are prose that mentions a date
BODY_PARAGRAPH_WORDS = 12  # a paragraph this long that ends like a sentence is body text (or a caption)
HEADER_BODY_PARAGRAPHS = 2  # the header zone (byline, bare dates) ends with the second body-like paragraph

# "date 2024-08-22 China Premier Meets Putin": the first line of some feed dumps.
DATED_TITLE = re.compile(r"\s*date\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2}(?:T\S*)?)\s+(?P<title>\S.*)", re.IGNORECASE)
# "Published 16 November 2018", "Updated: 2018-11-16", "Published on March 3, 2023".
DATE_LINE = re.compile(
    r"(?P<label>(?:first |last )?(?:published|updated|posted|modified|dated?))\b"
    r"(?:\s+on)?\s*[:|-]?\s*(?P<rest>.*)",
    re.IGNORECASE,
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By Jane Doe | Published …".
BYLINE = re.compile(r"by\s*:?\s+(?P<name>[^|]+?)\s*(?:\|\s*(?P<rest>.*))?", re.IGNORECASE)
_NAME_JOINERS = frozenset({"and", "&", "de", "van", "von", "der", "den", "al", "bin", "la", "le", "di", "da", "du"})
# Words that follow "By" in prose ("By Friday, ...", "By the end of ..."), never a name.
_NOT_NAMES = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "the", "this", "that", "then", "now",
    }
)  # fmt: skip
_WEEKDAY = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
    r"\.?,?\s+",
    re.IGNORECASE,
)
# "Nov." and "Sept" -> "Nov", "Sep", the abbreviations strptime knows.
_MONTH_ABBREVIATION = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?:t\b)?\.?", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# What may follow a date on a date line: "10:31 GMT", "at 9.30 a.m. EST", "- 14:02 (UTC+1)".
TIME_ONLY = re.compile(
    r"[-|,–]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|\(?(?:UTC|GMT)[^)]*\)?"
    r"|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Header:
    """What the top of a document said, and which lines said it (indexes into the line list)."""

    title: str | None = None
    published: date | None = None
    byline: str | None = None
    consumed: frozenset[int] = frozenset()


def parse_date(text: str) -> date | None:
    """A calendar date written in one of the header forms, or ``None``.

    Whatever follows the date is ignored ("4 May 2024 10:31 GMT"). Numeric day/month orders other
    than ISO are ambiguous and are not read.
    """
    found = _parse_leading_date(text)
    return found[0] if found is not None else None


def _parse_leading_date(text: str) -> tuple[date, str] | None:
    """The date at the start of ``text`` and the rest of the text after it."""
    cleaned = text.strip().strip(",;|")
    try:
        day = _plausible(datetime.fromisoformat(cleaned).date())
    except ValueError:
        day = None
    if day is not None:
        return day, ""
    cleaned = _WEEKDAY.sub("", cleaned, count=1)
    cleaned = _MONTH_ABBREVIATION.sub(lambda match: match[1], cleaned)
    cleaned = _ORDINAL.sub(r"\1", cleaned)
    tokens = cleaned.split()
    for size in range(min(len(tokens), 4), 0, -1):  # the longest leading run of words that parses
        candidate = " ".join(tokens[:size]).rstrip(",.")
        if candidate[:4].isdigit() and "T" in candidate:
            candidate = candidate.split("T", 1)[0]  # an ISO datetime with a zone fromisoformat refused
        for form in DATE_FORMATS:
            try:
                day = _plausible(datetime.strptime(candidate, form).date())
            except ValueError:
                continue
            if day is not None:
                return day, " ".join(tokens[size:])
    return None


def read_header(
    lines: Sequence[str | None],
    *,
    title: str | None = None,
    published: date | None = None,
    find_title: bool = True,
) -> Header:
    """Read title, date and byline from ``lines`` (``None`` = already removed, ``""`` = blank).

    Declared values (``title``, ``published``) win over what the text says; the lines that held
    header information are reported in ``Header.consumed`` either way, so the caller drops them.
    """
    consumed: set[int] = set()
    dated: date | None = None  # from a "Published"/bare date line
    updated: date | None = None  # from an "Updated" line: used only when nothing better is found
    byline: str | None = None
    body_lines = 0  # body-like paragraphs seen so far
    block_words, block_end = 0, ""  # the paragraph being read: its length and last line
    first = True
    for index, line in enumerate(lines):
        if line is None or not line.strip():
            if block_words >= BODY_PARAGRAPH_WORDS and _SENTENCE_END.search(block_end):
                body_lines += 1
            block_words = 0
            continue
        text = " ".join(strip_bullet(line).split())

        if first:
            first = False
            match = DATED_TITLE.fullmatch(text)
            if match is not None and (day := parse_date(match["date"])) is not None:
                consumed.add(index)
                dated = dated or day
                title = title or match["title"].strip()
                continue

        in_zone = body_lines < HEADER_BODY_PARAGRAPHS
        words = len(text.split())
        if words <= MAX_DATE_LINE_WORDS:
            found = _date_line(text, bare_allowed=in_zone)
            if found is not None:
                day, is_update = found
                consumed.add(index)
                if day is not None and is_update:
                    updated = updated or day
                elif day is not None:
                    dated = dated or day
                continue

        if in_zone and (name := _byline(text)) is not None:
            consumed.add(index)
            byline = byline or name
            continue

        if (
            title is None
            and find_title
            and body_lines == 0
            and _is_title(text)
            and _stands_alone(lines, index, consumed)
        ):
            title = text
            consumed.add(index)
            continue
        if in_zone and title is not None and text.casefold() == " ".join(title.split()).casefold():
            consumed.add(index)  # the headline repeated above the body
            continue

        block_words, block_end = block_words + words, text

    return Header(
        title=title,
        published=published or dated or updated,
        byline=byline,
        consumed=frozenset(consumed),
    )


def _date_line(text: str, *, bare_allowed: bool) -> tuple[date | None, bool] | None:
    """``(date or None, is_update)`` when ``text`` is a date line, else ``None``."""
    match = DATE_LINE.fullmatch(text)
    if match is not None:
        is_update = any(word in match["label"].lower() for word in ("updated", "modified"))
        found = _parse_leading_date(match["rest"])
        if found is not None and _only_time_after(found[1]):
            return found[0], is_update
        if TIME_ONLY.fullmatch(match["rest"]):
            return None, is_update  # "Updated 10:31 GMT": a timestamp line we cannot date; drop it
        return None
    if bare_allowed and (found := _parse_leading_date(text)) is not None:
        day, rest = found
        if _only_time_after(rest):
            return day, False
    return None


def _only_time_after(rest: str) -> bool:
    # After the date of a date line: nothing, a time, or another "|"-separated header item.
    return not rest or TIME_ONLY.fullmatch(rest) is not None or rest.startswith(("|", "·", "•"))


def _byline(text: str) -> str | None:
    match = BYLINE.fullmatch(text)
    if match is None:
        return None
    name = match["name"].strip().rstrip(",")
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= 8 or words[0].casefold() in _NOT_NAMES or not words[0][0].isupper():
        return None
    if _SENTENCE_END.search(name):
        return None
    if not all(word[0].isupper() or word.casefold() in _NAME_JOINERS for word in words):
        return None
    return name


def _stands_alone(lines: Sequence[str | None], index: int, consumed: set[int]) -> bool:
    """True when the line is a block of its own, not one line of a wrapped paragraph.

    Header lines (byline, date) may sit right under the headline in the same block.
    """
    before = lines[index - 1] if index > 0 else None
    if before is not None and before.strip() and index - 1 not in consumed:
        return False
    after = lines[index + 1] if index + 1 < len(lines) else None
    if after is None or not after.strip() or BULLET.match(after):
        return True
    text = " ".join(strip_bullet(after).split())
    return _byline(text) is not None or _date_line(text, bare_allowed=True) is not None


def _is_title(text: str) -> bool:
    low, high = TITLE_WORDS
    words = text.split()
    initial = next((char for char in text if char.isalnum()), "")
    return (
        low <= len(words) <= high
        and looks_like_headline(text, max_words=high)
        and (initial.isupper() or initial.isdigit())
    )


def _plausible(day: date) -> date | None:
    # A year outside MIN_YEAR..MAX_YEAR is a misread number, not a publication date.
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None
