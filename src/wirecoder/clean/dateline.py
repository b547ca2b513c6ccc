"""Wire-service datelines: "MOSCOW, Aug 21 (Reuters) -" at the head of a story.

The dateline says where the story was filed, not who acted: left in the first sentence, its city
reads as an actor ("MOSCOW" -> RUS) and breaks the parse. It is cut from the body and kept on the
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3})     # MOSCOW, NEW DELHI, ST. PETERSBURG
        (?:,\s(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s[A-Z][A-Za-z.'’\-]+){0,2}))?   # , Ukraine
        (?:,?\s(?P<day>"""
    + _MONTH
    + r"""\s\d{1,2}|\d{1,2}\s"""
    + _MONTH
    + r"""))?                                                          # , Aug 21 / 21 August
        (?:\s\((?P<agency>[A-Za-z][\w .&'’\-]{0,30})\))?                # (Reuters)
        \s?(?:-{1,2}|–|—)\s""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # as written, without the dash
    place: str  # "Moscow"
    agency: str | None


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """The dateline at the start of a paragraph, and the paragraph without it."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None, paragraph
    rest = paragraph[match.end() :]
    if not rest[:1].isupper() and not rest[:1].isdigit() and rest[:1] not in "\"“'‘":
        return None, paragraph
    place = match["place"]
    if not place.isupper() or len(place.replace(".", "")) < 3:
        return None, paragraph
    dateline = Dateline(
        text=paragraph[: match.end()].rstrip(" -–—"),
        place=place.title(),
        agency=match["agency"],
    )
    return dateline, rest
