"""Line-level boilerplate ("furniture") rules, kept as data.

A line is compared after its bullet ("•", "-", "*", ...) is stripped, case-insensitively. Three kinds
of rules:

* ``LABELS``: whole lines that are a navigation, share, section or comment label (exact match), or
  a row of them ("Facebook Twitter Email");
* ``LINE_RULES``: whole lines matched by a pattern (breadcrumbs, credits, feed footers, ...);
* ``INLINE_RULES``: a credit at the end of an otherwise good line, cut off and the rest kept.

``RELATED_MARKER`` lines ("RELATED:", "Read more:") are dropped with the link headline that follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "INLINE_RULES",
    "LABELS",
    "LINE_RULES",
    "RELATED_MARKER",
    "LineRule",
    "furniture_rule",
    "is_label_row",
    "looks_like_headline",
    "remove_furniture",
    "strip_bullet",
    "strip_inline",
]

# A list bullet at the start of a line; a bare hyphen needs a space after it (so "-5%" stays).
BULLET = re.compile(r"^\s*(?:[•·▪◦‣●*]|[-–—](?=\s))\s*")


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    pattern: re.Pattern[str]
    why: str
    max_words: int = 40  # longer lines are prose; it also bounds the regex's work on long lines


def _rule(name: str, pattern: str, why: str, *, max_words: int = 40, ignore_case: bool = True) -> LineRule:
    return LineRule(name, re.compile(pattern, re.IGNORECASE if ignore_case else 0), why, max_words)


# Exact labels, compared casefolded, whitespace collapsed and trailing ".:!|»›" removed.
# Site navigation and media switches that scrapers keep as separate lines.
_NAVIGATION = {
    "live", "live updates", "live now", "audio only", "audio", "video", "videos", "watch", "watch live",
    "listen", "listen to this article", "listen to article", "home", "homepage", "world", "news",
    "latest", "latest news", "top stories", "menu", "main menu", "search", "subscribe", "subscribe now",
    "sign in", "sign up", "log in", "login", "log out", "register", "my account", "newsletter",
    "newsletters", "skip to content", "skip to main content", "skip navigation", "back to top", "close",
    "show more", "load more", "read more", "see more", "next", "previous", "next article",
    "previous article", "advertisement", "advertising", "sponsored", "sponsored content", "ad",
    "privacy policy", "cookie policy", "cookie settings", "accept cookies", "terms of use",
    "terms of service", "contact us", "about us", "sitemap", "rss", "podcasts", "photos", "gallery",
    "photo gallery", "trending", "trending now", "most read", "most popular", "most viewed",
    "editor's picks", "you may also like", "recommended", "follow us", "topics", "tags", "politics",
    "business", "economy", "markets", "sport", "sports", "technology", "tech", "science", "health",
    "culture", "entertainment", "lifestyle", "travel", "climate", "environment", "world news",
    "us news", "uk news", "asia", "europe", "africa", "americas", "middle east",
}  # fmt: skip
# Share buttons and social networks, alone on a line.
_SHARE = {
    "share", "share this", "share this article", "share this story", "share article", "tweet", "email",
    "e-mail", "print", "copy link", "link copied", "facebook", "twitter", "x", "google plus", "google+",
    "whatsapp", "linkedin", "reddit", "telegram", "instagram", "youtube", "pinterest", "tumblr",
    "flipboard", "messenger", "vk", "weibo", "wechat", "tiktok", "threads", "bluesky", "mastodon",
    "pocket",
}  # fmt: skip
# Section labels standing alone above or below an article.
_SECTIONS = {
    "opinion", "analysis", "analysis & opinion", "analysis and opinion", "commentary", "editorial",
    "feature", "features", "breaking", "breaking news", "exclusive", "updated", "update", "developing",
    "developing story", "explainer", "interview", "fact check", "live blog", "news analysis",
}  # fmt: skip
# Comment widgets.
_COMMENTS = {
    "comment", "comments", "leave a comment", "leave a reply", "be the first to comment",
    "post with no comments", "no comments", "no comments yet", "add comment", "add a comment",
    "view comments", "show comments", "join the conversation", "comments are closed",
}  # fmt: skip
LABELS: frozenset[str] = frozenset(_NAVIGATION | _SHARE | _SECTIONS | _COMMENTS)

_SHARE_WORD = "|".join(re.escape(word) for word in sorted(_SHARE, key=len, reverse=True))
_LABEL_SEPARATORS = re.compile(r"[|·•,/]")  # between the items of a flattened menu or share row
_LABEL_MAX_WORDS = max(len(label.split()) for label in LABELS)
MAX_ROW_WORDS = 16  # a longer line is prose even when it starts with "World news"
_CREDIT = r"(?:photo|photograph|picture|image|video|file photo|photo credit|credit)s?"  # "Photo:", "Images:"
_SEGMENT = r"[\w&'’.()-]+(?: [\w&'’.()-]+){0,3}"  # one breadcrumb step: at most four words

LINE_RULES: tuple[LineRule, ...] = (
    _rule(
        "breadcrumb",
        rf"{_SEGMENT}(?:\s*[>»›]\s*{_SEGMENT})+",
        "'News > World': the site's section path, not article text",
        max_words=16,
    ),
    _rule(
        "share_to",
        r"(?:click to )?(?:share|post|send|email|e-mail|tweet|pin)(?: this| the)?"
        r"(?: article| story| page| link)?"
        rf"(?: on| via| to| with)\s+(?:{_SHARE_WORD})\b.{{0,60}}",
        "'Share on Facebook', 'Click to email (opens in new window)': share buttons",
        max_words=12,
    ),
    _rule(
        "follow_us",
        rf"follow (?:us|\S+) on (?:{_SHARE_WORD})\b.{{0,60}}",
        "'Follow us on Twitter': a social-media plug",
        max_words=12,
    ),
    _rule(
        "comment_count",
        r"\d{1,5}|\d{1,5}\s+comments?|comments?\s*\(\d{1,5}\)|be the first to comment\W*",
        "'0', '3 Comments': comment counters left behind by the comment widget",
    ),
    _rule(
        "reading_time",
        r"\d{1,3}\s*(?:min|mins|minutes?)(?: read)?|(?:estimated )?reading time\b.{0,30}",
        "'4 min read': page furniture",
    ),
    _rule(
        "relative_time",
        r"(?:updated|posted|published)?\s*\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?)\s+ago",
        "'Updated 3 hours ago': a timestamp relative to the scrape, not a date",
    ),
    _rule(
        "credit",
        r"\(?\s*(?i:with (?:additional )?assistance from|additional reporting by|reporting by|writing by"
        r"|written by|editing by|edited by|compiled by|graphics by)\s+\(?[A-Z].{0,200}"
        r"|(?i:contributing|contributors?)\s*:.{0,200}",
        "'With assistance from …', '(Reporting by …; Editing by …)': staff credits, not the story "
        "(and not the author byline: those names must not become actors). A name follows, capitalised: "
        "'reporting by the agency showed' on a wrapped line is prose",
        ignore_case=False,
    ),
    _rule(
        "feed_footer",
        r"this (?:article|story|content|item) (?:was|has been|is) (?:\w+ ){0,3}"
        r"(?:generated|published|produced|created|syndicated|distributed|provided)\b"
        r".*\b(?:feed|agency|wire|syndicat\w*|automat\w*)\b.*",
        "'This article was generated from an automated news agency feed …': a feed disclaimer",
    ),
    _rule(
        "originally_appeared",
        r"this (?:article|story) (?:was )?(?:originally |first )?(?:appeared|published)"
        r" (?:in|on|at)\b.{0,120}",
        "'This story originally appeared in …': a syndication note",
    ),
    _rule(
        "copyright",
        r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})).{0,160}|copyright\b.{0,80}\b(?:19|20)\d\d\b.{0,40}",
        "'© 2024 …', 'Copyright …': the page footer",
        max_words=30,
    ),
    _rule(
        "rights_reserved",
        r".{0,120}\ball rights reserved\b.{0,60}",
        "'… All rights reserved.': the page footer",
        max_words=25,
    ),
    _rule(
        "newsletter",
        r"(?:sign up|subscribe) (?:for|to) (?:our|the) .{0,60}\bnewsletters?\b.{0,80}",
        "'Sign up for our daily newsletter': a marketing plug",
        max_words=25,
    ),
    _rule(
        "photo_credit_line",
        rf"\(?\s*(?:{_CREDIT}\s*:|image source\s*,)\s*[^.:]{{1,60}}\)?",
        "'Photo: Reuters' alone on a line: a credit, with no caption to keep",
        max_words=12,
    ),
)

INLINE_RULES: tuple[LineRule, ...] = (
    _rule(
        "photo_credit",
        rf"\s*\|\s*{_CREDIT}\s*:\s*[^|]{{1,80}}$",
        "' | Photo: Reuters' after a caption: keep the caption, drop the credit (so a repeated caption "
        "with and without the credit reads the same and is kept once)",
    ),
    _rule(
        "photo_credit_paren",
        r"\s*\((?:photo|photograph|picture|image)s?(?: credit)?\s*:\s*[^()]{1,60}\)\s*$",
        "'(Photo: AP)' after a caption",
    ),
    _rule(
        "reuters_trailer",
        r"\s*\((?:additional )?(?:reporting|writing|editing) by [^()]{1,200}\)\s*$",
        "'(Reporting by …; Editing by …)' glued to the last paragraph: staff credits",
    ),
)

# "RELATED:" and friends: the marker and the link headline after it are both furniture, and the
# headline must not be coded as an event of this article.
RELATED_MARKER = re.compile(
    r"(?:related|related articles?|related stories|related news|related coverage|read more|read also"
    r"|also read|see also|more on this|more on this story|recommended|recommended reading|must read"
    r"|don'?t miss|more from [\w .&'’-]{1,40}|more stories|more news)\s*:\s*(?P<rest>.*)"
    r"|related(?: articles?| stories| news| coverage)?",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"[.!?;,:]$")
_CLOSERS = "\"'”’»)]"
_TRAILING = ".:!|»›- "


def strip_bullet(line: str) -> str:
    """The line without a leading list bullet and surrounding whitespace."""
    return BULLET.sub("", line, count=1).strip()


def label_key(line: str) -> str:
    """How a line is compared with ``LABELS``: no bullet, casefolded, spaces collapsed."""
    return " ".join(strip_bullet(line).casefold().split()).rstrip(_TRAILING)


def furniture_rule(line: str) -> str | None:
    """The name of the rule that makes ``line`` furniture (``"label"`` for ``LABELS``), or ``None``."""
    text = " ".join(strip_bullet(line).split())
    if not text:
        return None
    if label_key(text) in LABELS:
        return "label"
    if is_label_row(text):
        return "label_row"
    words = len(text.split())
    for rule in LINE_RULES:
        if words <= rule.max_words and rule.pattern.fullmatch(text):
            return rule.name
    if RELATED_MARKER.fullmatch(text):
        return "related"
    return None


def is_label_row(text: str) -> bool:
    """True when the line is nothing but ``LABELS`` in a row ("Facebook Twitter Email", "Home | World").

    Menus and share bars flattened into one line. Checked word by word (not by one big regex, which
    backtracks exponentially on long runs of label words).
    """
    words = _LABEL_SEPARATORS.sub(" ", label_key(text)).split()
    if not 2 <= len(words) <= MAX_ROW_WORDS:
        return False
    ends = [True] + [False] * len(words)  # ends[i]: words[:i] splits into labels
    for end in range(1, len(words) + 1):
        ends[end] = any(
            ends[start] and " ".join(words[start:end]) in LABELS for start in range(max(0, end - _LABEL_MAX_WORDS), end)
        )
    return ends[-1]


def strip_inline(line: str) -> str:
    """``line`` with any trailing credit (``INLINE_RULES``) cut off."""
    for rule in INLINE_RULES:
        line = rule.pattern.sub("", line)
    return line


def looks_like_headline(line: str, *, max_words: int = 20) -> bool:
    """Short, and not ending like a sentence: how a headline or a link title reads."""
    text = strip_bullet(line).rstrip(_CLOSERS).rstrip()
    words = text.split()
    return 0 < len(words) <= max_words and not _SENTENCE_END.search(text)


def remove_furniture(lines: Sequence[str]) -> list[str | None]:
    """Map each line to ``None`` (furniture) or to itself with inline credits cut off.

    Blank lines stay ``""`` so paragraph breaks survive. After a bare "RELATED:" marker the next
    non-blank line (the link headline) is dropped too, and so are further headline-like lines of the
    same block (a list of links).
    """
    out: list[str | None] = []
    after_marker = False  # the previous non-blank line was a bare RELATED: marker
    in_links = False  # inside the block of link headlines after a marker
    for line in lines:
        if not line.strip():
            out.append("")
            in_links = False
            continue
        link = (after_marker and looks_like_headline(line, max_words=30)) or (in_links and looks_like_headline(line))
        after_marker = in_links = False
        if link:
            out.append(None)
            in_links = True
            continue
        marker = RELATED_MARKER.fullmatch(" ".join(strip_bullet(line).split()))
        if marker is not None:
            out.append(None)
            after_marker = not marker["rest"]
            continue
        if furniture_rule(line) is not None:
            out.append(None)
            continue
        stripped = strip_inline(line)
        out.append(stripped if stripped.strip() else None)
    return out
