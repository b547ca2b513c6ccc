"""Fetching over HTTP, politely: URLs -> ``RawDocument`` records (or ``Rejected`` ones).

Politeness, in the order a request meets it:

* **robots.txt** is fetched once per origin (scheme, host, port) and cached for the run. A 2xx is
  parsed (``wirecoder.ingest.robots``: RFC 9309 matching, for the product token ``wirecoder``);
  a 4xx (404, 401, 403, ...) means no rules, everything allowed (RFC 9309, 2.3.1.3); a
  5xx or an unreachable server after the retries means *everything disallowed for this run*
  (RFC 9309, 2.3.1.4: a crawler must assume a complete disallow). A ``Crawl-delay`` for our agent
  lengthens the per-host interval (capped at ``MAX_CRAWL_DELAY``).
* **rate limit**: at least ``FetchOptions.min_interval`` seconds between two requests to the same
  host (``host:port``), across the whole run, robots.txt requests and redirects included.
* **identification**: every request carries ``FetchOptions.user_agent``.
* **retries**: connection errors, timeouts, 429 and 5xx are retried ``max_retries`` times with
  exponential backoff and jitter; a ``Retry-After`` on 429/503 is honoured instead, up to
  ``max_retry_after`` seconds (a longer wait ends the URL as a rejection rather than stall the run).

Redirects are followed by hand (up to ``max_redirects``), so every hop meets robots.txt and the
rate limit of its own host. Bodies are streamed and cut at ``max_bytes``.

Rejection reasons (stage ``"fetch"``): ``bad_url``, ``robots_disallowed``, ``http_<status>``,
``timeout``, ``connection_error``, ``too_many_redirects``, ``too_large``, ``not_html``, and the
decoding ones (``empty``, ``binary``, ``undecodable``).

The clock, sleep and random functions are options so that tests can check the waits without
waiting; the HTTP transport can be replaced too (an ``httpx.BaseTransport``).
"""

from __future__ import annotations

import email.utils
import html
import logging
import random
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from wirecoder import __version__
from wirecoder.ingest.decode import Undecodable, decode_bytes, looks_binary, looks_empty
from wirecoder.ingest.robots import RobotsRules, parse_robots
from wirecoder.ingest.sniff import HEAD_BYTES, sniff
from wirecoder.records import RawDocument, Rejected

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchOptions",
    "Fetched",
    "PoliteClient",
    "document_from_response",
    "expand_item",
    "feed_items",
    "fetch_documents",
    "is_feed",
]

LOGGER = logging.getLogger(__name__)

DEFAULT_USER_AGENT = f"wirecoder/{__version__} (+https://github.com/wirecoder/wirecoder)"
ROBOTS_AGENT = "wirecoder"  # the product token robots.txt groups are matched against
MAX_CRAWL_DELAY = 60.0  # seconds; a larger Crawl-delay would stall a run, so it is capped
MAX_ROBOTS_BYTES = 512_000  # RFC 9309 asks crawlers to parse at least 500 KiB
STAGE = "fetch"
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii"})
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class FetchOptions:
    """How URLs are fetched.

    user_agent: sent with every request, and matched against robots.txt as ``wirecoder``.
    min_interval: seconds between two requests to the same host (raised by a robots Crawl-delay).
    timeout: seconds to connect, and to wait for each read of the response.
    max_retries: retries after a connection error, timeout, 429 or 5xx (0 = try once).
    backoff: wait before the first retry, in seconds; doubled on each later one, up to
        ``max_backoff``, then stretched by up to ``jitter`` (0.25 = 25%) at random.
    max_retry_after: the longest ``Retry-After`` honoured; a longer one gives up on the URL.
    max_bytes: a longer body is cut off and the URL rejected as ``too_large``.
    respect_robots: check robots.txt before each request (turn off only for your own sites).
    follow_feed_items: fetch the linked page of a feed item whose text is shorter than
        ``min_item_chars`` (a summary, not the article).
    clock, sleep, rand: injectable for tests (monotonic seconds, a sleep, a float in [0, 1)).
    transport: an ``httpx`` transport to send requests through (default: the network).
    """

    user_agent: str = DEFAULT_USER_AGENT
    min_interval: float = 1.0
    timeout: float = 20.0
    max_retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 60.0
    jitter: float = 0.25
    max_retry_after: float = 300.0
    max_bytes: int = 20_000_000
    respect_robots: bool = True
    follow_feed_items: bool = True
    min_item_chars: int = 500
    max_redirects: int = 5
    clock: Callable[[], float] = field(default=time.monotonic, compare=False)
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)
    rand: Callable[[], float] = field(default=random.random, compare=False)
    transport: httpx.BaseTransport | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response that came back (any status the caller must look at: 2xx or 304)."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    headers: Mapping[str, str]  # lower-case names
    content: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip().strip("\"'"):
                return value.strip().strip("\"'")
        return None


def fetch_documents(urls: Iterable[str], options: FetchOptions = FetchOptions()) -> Iterator[RawDocument | Rejected]:
    """Fetch each URL and yield its documents: one for a page, one per item for a feed.

    An HTML page becomes ``RawDocument(kind="html", id=final URL, origin=URL, url=final URL)``;
    a ``text/plain`` page a ``kind="text"`` one. An RSS or Atom feed (recognised by its root
    element, whatever its Content-Type) yields its items; an item holding only a summary is
    replaced by its linked page when ``follow_feed_items`` is on. Every failure is a ``Rejected``
    (stage ``"fetch"``) and the other URLs are still fetched.
    """
    if isinstance(urls, str):
        urls = [urls]  # one URL, not an iterable of characters
    with PoliteClient(options) as client:
        for url in urls:
            response = client.get(url)
            if isinstance(response, Rejected):
                yield response
                continue
            if is_feed(response):
                for item in feed_items(response):
                    yield expand_item(item, client)
            else:
                yield document_from_response(response)


# -- the client ---------------------------------------------------------------------------------


class PoliteClient:
    """An HTTP client that checks robots.txt, waits between requests to a host and retries.

    One client per run: it holds the robots.txt cache and the per-host clocks. Close it (or use
    it as a context manager) to release its connections.
    """

    def __init__(self, options: FetchOptions = FetchOptions()) -> None:
        self.options = options
        self._http = httpx.Client(
            headers={"User-Agent": options.user_agent, "Accept": _ACCEPT},
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,  # by hand: each hop meets robots.txt and the rate limit
            transport=options.transport,
        )
        self._last_request: dict[str, float] = {}  # host:port -> clock() at the last request
        self._robots: dict[str, _Robots] = {}  # scheme://host:port -> its rules

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> Fetched | Rejected:
        """GET ``url`` following redirects; a 2xx or 304 response, or a ``Rejected`` saying why not."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            bad = _check_url(current)
            if bad is not None:
                return _rejected(url, "bad_url", bad if current == url else f"redirected to {current}: {bad}")
            if self.options.respect_robots:
                refusal = self._robots_for(current).refusal(current)
                if refusal is not None:
                    return _rejected(url, "robots_disallowed", refusal)
            response = self._get_with_retries(current, headers or {}, origin=url)
            if isinstance(response, Rejected):
                return response
            location = response.headers.get("location")
            if response.status in _REDIRECTS and location:
                current = urljoin(current, location.strip())
                continue
            if 200 <= response.status < 300 or response.status == 304:
                return Fetched(url, current, response.status, response.headers, response.content)
            return _rejected(url, f"http_{response.status}", _status_detail(response.status, current))
        return _rejected(url, "too_many_redirects", f"more than {self.options.max_redirects} redirects")

    # -- one URL, with retries ----------------------------------------------------------------

    def _get_with_retries(self, url: str, headers: Mapping[str, str], *, origin: str) -> Fetched | Rejected:
        options = self.options
        attempt = 0
        while True:
            outcome = self._get_once(url, headers, origin=origin)
            retry_after: float | None = None
            if isinstance(outcome, Rejected):
                if outcome.reason not in ("timeout", "connection_error"):
                    return outcome  # too large, bad URL: trying again gives the same answer
                failure = outcome
            elif outcome.status == 429 or outcome.status >= 500:
                failure = _rejected(origin, f"http_{outcome.status}", _status_detail(outcome.status, url))
                if outcome.status in (429, 503):
                    retry_after = _retry_after(outcome.headers.get("retry-after"), now=time.time())
            else:
                return outcome
            if attempt >= options.max_retries:
                tries = "once" if attempt == 0 else f"{attempt + 1} times"
                return replace(failure, detail=f"{failure.detail} (tried {tries})")
            if retry_after is not None and retry_after > options.max_retry_after:
                return replace(
                    failure,
                    detail=f"{failure.detail}; the server asks to retry after {retry_after:.0f} s, "
                    f"longer than the limit of {options.max_retry_after:.0f} s",
                )
            wait = retry_after if retry_after is not None else self._backoff(attempt)
            LOGGER.info("%s: %s; retrying in %.1f s", url, failure.reason, wait)
            options.sleep(wait)
            attempt += 1

    def _backoff(self, attempt: int) -> float:
        options = self.options
        base = min(options.max_backoff, options.backoff * 2.0**attempt)
        return base * (1 + options.jitter * options.rand())

    def _get_once(self, url: str, headers: Mapping[str, str], *, origin: str) -> Fetched | Rejected:
        self._wait_for_host(url)
        limit = self.options.max_bytes
        try:
            with self._http.stream("GET", url, headers=dict(headers)) as response:
                names = {k.lower(): v for k, v in response.headers.items()}
                declared = names.get("content-length", "")
                if declared.isdigit() and int(declared) > limit and 200 <= response.status_code < 300:
                    detail = f"{url} declares {int(declared):,} bytes, more than the limit of {limit:,}"
                    return _rejected(origin, "too_large", detail)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        return _rejected(origin, "too_large", f"{url} sent more than {limit:,} bytes; stopped reading")
                    chunks.append(chunk)
                return Fetched(origin, url, response.status_code, names, b"".join(chunks))
        except httpx.TimeoutException as error:
            return _rejected(origin, "timeout", f"{url}: no answer within {self.options.timeout:g} s ({_kind(error)})")
        except httpx.UnsupportedProtocol as error:
            return _rejected(origin, "bad_url", f"{url}: {error}")
        except (httpx.TransportError, httpx.DecodingError, httpx.TooManyRedirects) as error:
            return _rejected(origin, "connection_error", f"{url}: {_kind(error)}: {error}")

    def _wait_for_host(self, url: str) -> None:
        host = _host(url)
        interval = self.options.min_interval
        robots = self._robots.get(_origin(url))
        if robots is not None and robots.crawl_delay is not None:
            interval = max(interval, robots.crawl_delay)
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self.options.clock()
            if wait > 0:
                self.options.sleep(wait)
        self._last_request[host] = self.options.clock()

    # -- robots.txt ---------------------------------------------------------------------------

    def _robots_for(self, url: str) -> _Robots:
        origin = _origin(url)
        cached = self._robots.get(origin)
        if cached is None:
            cached = self._fetch_robots(origin)
            self._robots[origin] = cached
        return cached

    def _fetch_robots(self, origin: str) -> _Robots:
        robots_url = f"{origin}/robots.txt"
        current = robots_url
        for _ in range(self.options.max_redirects + 1):
            response = self._get_with_retries(current, {}, origin=robots_url)
            if isinstance(response, Rejected):
                return _Robots.unavailable(f"robots.txt could not be fetched ({response.reason}: {response.detail})")
            location = response.headers.get("location")
            if response.status in _REDIRECTS and location:
                current = urljoin(current, location.strip())
                if _check_url(current) is not None:
                    return _Robots.allow_all()
                continue
            if 200 <= response.status < 300:
                text = response.content[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
                return _Robots(rules=parse_robots(text, ROBOTS_AGENT))
            if 400 <= response.status < 500:
                return _Robots.allow_all()
            return _Robots.unavailable(f"robots.txt answered HTTP {response.status}")
        return _Robots.allow_all()  # RFC 9309: after five redirects, as if it were not there


@dataclass(frozen=True, slots=True)
class _Robots:
    rules: RobotsRules | None  # None: no rules, everything allowed
    unavailable_because: str | None = None  # set: everything is disallowed for this run

    @property
    def crawl_delay(self) -> float | None:
        delay = self.rules.crawl_delay if self.rules is not None else None
        return min(delay, MAX_CRAWL_DELAY) if delay is not None else None

    @classmethod
    def allow_all(cls) -> _Robots:
        return cls(rules=None)

    @classmethod
    def unavailable(cls, why: str) -> _Robots:
        return cls(rules=None, unavailable_because=why)

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids ``url``, or ``None`` when it may be fetched."""
        if self.unavailable_because is not None:
            return f"{self.unavailable_because}; every URL of the site is treated as disallowed for this run"
        if self.rules is not None and not self.rules.allows(url):
            return f"robots.txt of {_origin(url)} disallows {urlsplit(url).path or '/'} for {ROBOTS_AGENT}"
        return None


# -- responses -> documents ---------------------------------------------------------------------


def is_feed(response: Fetched) -> bool:
    """True when the body is an RSS or Atom feed: its root element says so (whatever the
    Content-Type), or the Content-Type says so and the body is some XML."""
    found = sniff(response.content[:HEAD_BYTES]).format
    return found == "feed" or (found == "xml" and response.media_type in _FEED_TYPES)


def feed_items(response: Fetched) -> Iterator[RawDocument | Rejected]:
    """The items of a fetched feed, as ``wirecoder.ingest.feeds.parse_feed`` reads them."""
    from wirecoder.ingest.feeds import parse_feed

    yield from parse_feed(response.content, origin=response.url, feed_url=response.final_url)


def document_from_response(response: Fetched) -> RawDocument | Rejected:
    """A fetched page as a document: HTML or plain text, decoded; anything else rejected."""
    kind = _page_kind(response)
    if kind is None:
        shown = response.media_type or "no Content-Type"
        return _rejected(response.url, "not_html", f"{response.final_url} is {shown}, not an HTML page, text or a feed")
    text = _decode(response)
    if isinstance(text, Undecodable):
        return _rejected(response.url, text.reason, f"{response.final_url}: {text.detail}")
    return RawDocument(id=response.final_url, origin=response.url, kind=kind, content=text, url=response.final_url)


def expand_item(item: RawDocument | Rejected, client: PoliteClient) -> RawDocument | Rejected:
    """A feed item, or its linked page when the item holds only a summary.

    The page document carries the item's date, title, author, language and source (the feed's
    name) as declared values; the cleaning stage prefers the page's own date and author to them
    ("date from the page, else the feed"). When the page cannot be had, the item's summary is
    kept (logged); an item with no text at all then becomes the page's rejection.
    """
    if isinstance(item, Rejected) or not client.options.follow_feed_items:
        return item
    if item.url is None or _check_url(item.url) is not None:
        return item
    if len(_visible_text(item)) >= client.options.min_item_chars:
        return item
    response = client.get(item.url)
    page = response if isinstance(response, Rejected) else document_from_response(response)
    if isinstance(page, Rejected):
        if _visible_text(item):
            LOGGER.warning("%s: %s (%s); keeping the feed's summary", item.url, page.reason, page.detail)
            return item
        return replace(page, doc_id=item.id)
    return replace(
        page,
        published=item.published,
        title=item.title,
        author=item.author,
        source=item.source,
        language=item.language,
    )


def _page_kind(response: Fetched) -> Literal["html", "text"] | None:
    found = sniff(response.content[:HEAD_BYTES]).format
    if found in ("binary", "warc") or looks_binary(response.content[:HEAD_BYTES]):
        return None
    media = response.media_type
    if found == "html" or media in _HTML_TYPES:
        return "html"
    if media == "text/plain" or (found == "text" and media in ("", "application/octet-stream")):
        return "text"
    return None


def _decode(response: Fetched) -> str | Undecodable:
    data = response.content
    if looks_empty(data):
        return Undecodable("empty", "the response body is empty")
    charset = response.charset
    if charset is not None and charset.lower() in _LATIN1_LABELS:
        charset = "cp1252"  # as browsers read them (WHATWG Encoding): curly quotes, not C1 controls
    if charset is not None and not looks_binary(data):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            LOGGER.debug("%s: not %s as declared; detecting the encoding", response.final_url, charset)
    return decode_bytes(data)


def _visible_text(item: RawDocument) -> str:
    text = item.content
    if item.kind == "html":
        text = html.unescape(_TAG.sub(" ", text))
    return _SPACE.sub(" ", text).strip()


# -- small helpers ------------------------------------------------------------------------------


def _check_url(url: str) -> str | None:
    """Why ``url`` cannot be fetched over HTTP, or ``None`` when it can."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as error:
        return f"{url!r} is not a valid URL ({error})"
    if parts.scheme not in ("http", "https"):
        what = f"the scheme {parts.scheme}:" if parts.scheme else "no scheme"
        return f"{url!r} has {what}; only http:// and https:// URLs are fetched"
    if not parts.hostname:
        return f"{url!r} has no host name"
    return None


def _host(url: str) -> str:
    parts = urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    return f"{(parts.hostname or '').lower()}:{parts.port or default}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower().rpartition('@')[2]}"


def _retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date), or ``None``."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def _status_detail(status: int, url: str) -> str:
    try:
        phrase = httpx.codes(status).name.replace("_", " ").lower()
    except ValueError:
        phrase = "unknown status"
    return f"{url} answered HTTP {status} ({phrase})"


def _kind(error: Exception) -> str:
    return type(error).__name__


def _rejected(url: str, reason: str, detail: str) -> Rejected:
    return Rejected(origin=url, stage=STAGE, reason=reason, detail=detail)
