"""Fetching over HTTP against a real local HTTP server (never the internet).

``LocalSite`` is a ThreadingHTTPServer in a thread serving replies set per path; it records every
request it receives (path and headers), so politeness is checked on the server's side. Waits are
checked through an injected clock and sleep (``FakeClock``): nothing here sleeps for a rate limit
or a backoff, and no assertion depends on how long a request took.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wirecoder.clean import clean_document
from wirecoder.ingest.robots import parse_robots
from wirecoder.ingest.web import (
    DEFAULT_USER_AGENT,
    FetchOptions,
    _retry_after,
    fetch_documents,
)
from wirecoder.records import Article, RawDocument, Rejected

# -- the local site -------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering: a slow server
    length: bool = True  # send Content-Length (else the body runs until the connection closes)


Route = Reply | list[Reply] | Callable[[Mapping[str, str]], Reply]


class LocalSite:
    """A real HTTP server on 127.0.0.1 with replies set per path, recording every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with site._lock:
                    site.requests.append((self.path, headers))
                    reply = site._reply(self.path, headers)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    if reply.content_type:
                        self.send_header("Content-Type", reply.content_type)
                    if reply.length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    def _reply(self, path: str, headers: Mapping[str, str]) -> Reply:
        route = self.routes.get(path)
        count = self._served.get(path, 0)
        self._served[path] = count + 1
        if route is None:
            return Reply(404, b"<html><body>not here</body></html>")
        if isinstance(route, list):
            return route[min(count, len(route) - 1)]
        if isinstance(route, Reply):
            return route
        return route(headers)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite() as running:
        yield running


class FakeClock:
    """Monotonic time that moves only when slept: the waits a client asks for are recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def options(clock: FakeClock, **changes: object) -> FetchOptions:
    base: dict[str, object] = {"clock": clock.clock, "sleep": clock.sleep, "rand": lambda: 0.0, "timeout": 5.0}
    base.update(changes)
    return FetchOptions(**base)  # type: ignore[arg-type]


# -- pages written for these tests ---------------------------------------------------------------


def page(title: str, paragraphs: list[str], *, published: str | None = None, author: str | None = None) -> bytes:
    meta = ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if author:
        meta += f'<meta name="author" content="{author}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{meta}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright The Harbour Gazette</footer></body></html>"
    )
    return html.encode("utf-8")


HARBOUR = page(
    "Port authority opens new container terminal",
    [
        "The regional port authority opened a new container terminal on Monday after four years of "
        "construction, doubling the harbour's capacity for ocean-going ships.",
        "Officials said the terminal would create about 1,200 jobs and take pressure off the old "
        "quays, where ships have waited up to three days for a berth this winter.",
        "Dock workers' unions welcomed the opening but asked for talks on night shifts.",
    ],
    published="2024-05-06T09:00:00Z",
)
BRIDGE = page(
    "Council approves repairs to the river bridge",
    [
        "The city council voted on Wednesday to spend four million euros repairing the old river "
        "bridge, closed to lorries since cracks were found in its piers last autumn.",
        "Work is to start in June and last until the end of the year, the council said.",
    ],
    published="2024-05-08T12:00:00Z",
)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


# -- pages, redirects, identification, robots.txt ------------------------------------------------


def test_page_is_fetched_through_a_redirect_and_identifies_itself(site: LocalSite) -> None:
    clock = FakeClock()
    site.routes["/robots.txt"] = Reply(body=ROBOTS, content_type="text/plain")
    site.routes["/old-address"] = Reply(301, headers={"Location": "/news/terminal.html"})
    site.routes["/news/terminal.html"] = Reply(body=HARBOUR)

    (doc,) = fetch_documents([site.url("/old-address")], options(clock))

    assert isinstance(doc, RawDocument)
    assert doc.kind == "html"
    assert doc.id == doc.url == site.url("/news/terminal.html")
    assert doc.origin == site.url("/old-address")
    assert "new container terminal" in doc.content
    assert site.paths() == ["/robots.txt", "/old-address", "/news/terminal.html"]
    assert {headers["user-agent"] for _, headers in site.requests} == {DEFAULT_USER_AGENT}
    assert DEFAULT_USER_AGENT.startswith("wirecoder/")


def test_robots_txt_is_respected_and_read_once_per_site(site: LocalSite) -> None:
    clock = FakeClock()
    site.routes["/robots.txt"] = Reply(body=ROBOTS, content_type="text/plain")
    site.routes["/news/terminal.html"] = Reply(body=HARBOUR)
    site.routes["/private/memo.html"] = Reply(body=BRIDGE)
    site.routes["/news/bridge.html"] = Reply(body=BRIDGE)

    urls = [site.url(p) for p in ("/news/terminal.html", "/private/memo.html", "/news/bridge.html")]
    got = list(fetch_documents(urls, options(clock)))

    assert [type(d).__name__ for d in got] == ["RawDocument", "Rejected", "RawDocument"]
    refused = got[1]
    assert isinstance(refused, Rejected)
    assert (refused.reason, refused.stage, refused.origin) == ("robots_disallowed", "fetch", urls[1])
    assert "/private/memo.html" in refused.detail
    assert "/private/memo.html" not in site.paths()  # never asked for
    assert site.paths().count("/robots.txt") == 1


def test_robots_txt_can_be_ignored_on_request(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Reply(body=ROBOTS, content_type="text/plain")
    site.routes["/private/memo.html"] = Reply(body=BRIDGE)

    (doc,) = fetch_documents([site.url("/private/memo.html")], options(FakeClock(), respect_robots=False))

    assert isinstance(doc, RawDocument)
    assert site.paths() == ["/private/memo.html"]


def test_missing_robots_txt_allows_and_a_failing_one_disallows_the_site(site: LocalSite) -> None:
    site.routes["/news/terminal.html"] = Reply(body=HARBOUR)
    (doc,) = fetch_documents([site.url("/news/terminal.html")], options(FakeClock()))
    assert isinstance(doc, RawDocument)  # robots.txt answered 404: no rules

    clock = FakeClock()
    site.routes["/robots.txt"] = Reply(503, b"down for maintenance", content_type="text/plain")
    got = list(fetch_documents([site.url("/news/terminal.html")], options(clock, max_retries=1, min_interval=0)))
    (refused,) = got
    assert isinstance(refused, Rejected)
    assert refused.reason == "robots_disallowed"
    assert "HTTP 503" in refused.detail and "treated as disallowed" in refused.detail
    assert site.paths()[-2:] == ["/robots.txt", "/robots.txt"]  # retried once, then given up
    assert site.paths().count("/news/terminal.html") == 1  # only in the first run


ROBOTS_RULES = """
# comments and unknown lines are ignored
Sitemap: http://gazette.invalid/sitemap.xml

User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /news/
Allow: /news/public/

User-agent: WireCoder
User-agent: anotherbot
Disallow: /*?print=    # print views of any page
Disallow: /drafts/
Allow: /drafts/published/
Disallow: /*.pdf$
Allow: /archive/
Disallow: /archive
Crawl-delay: 3
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/", True),
        ("/news/story.html", True),  # the * group does not apply: a group names us
        ("/story.html?print=1", False),  # * matches any run of characters
        ("/story.html?page=2&print=1", True),  # the pattern wants "?print=" right after the path
        ("/drafts/plan.html", False),
        ("/drafts/published/plan.html", True),  # the longer (allow) rule wins
        ("/files/report.pdf", False),
        ("/files/report.pdf?x=1", True),  # $ sees the query too: the URL does not end in .pdf
        ("/files/report.pdfx", True),  # $ anchors the end
        ("/archive/2024/", True),  # /archive/ (allow) is longer than /archive
        ("/archived", False),
        ("/robots.txt", True),
    ],
)
def test_robots_rules_follow_rfc_9309(path: str, allowed: bool) -> None:
    rules = parse_robots(ROBOTS_RULES, "wirecoder")
    assert rules.allows(f"http://gazette.invalid{path}") is allowed


def test_robots_groups_fall_back_to_the_star_group_and_ties_go_to_allow() -> None:
    star = parse_robots(ROBOTS_RULES, "somebot")
    assert not star.allows("http://g.invalid/news/a.html")
    assert star.allows("http://g.invalid/news/public/a.html")
    assert star.crawl_delay is None
    assert parse_robots(ROBOTS_RULES, "wirecoder").crawl_delay == 3.0
    tie = parse_robots("User-agent: *\nDisallow: /page\nAllow: /page\n", "wirecoder")
    assert tie.allows("http://g.invalid/page")
    assert parse_robots("User-agent: *\nDisallow:\n", "wirecoder").allows("http://g.invalid/x")
    assert parse_robots("Disallow: /\n", "wirecoder").allows("http://g.invalid/x")  # no group: no rules
    encoded = parse_robots("User-agent: *\nDisallow: /caf%C3%A9/\n", "wirecoder")
    assert not encoded.allows("http://g.invalid/café/menu") and not encoded.allows("http://g.invalid/caf%c3%a9/")


# -- rate limit, retries, backoff ----------------------------------------------------------------


def test_rate_limit_waits_per_host_across_the_run() -> None:
    clock = FakeClock()
    with LocalSite() as first, LocalSite() as second:
        for s in (first, second):
            s.routes["/a.html"] = Reply(body=HARBOUR)
            s.routes["/b.html"] = Reply(body=BRIDGE)
        urls = [first.url("/a.html"), first.url("/b.html"), second.url("/a.html"), first.url("/a.html")]
        got = list(fetch_documents(urls, options(clock, min_interval=2.5, respect_robots=False)))

    assert all(isinstance(d, RawDocument) for d in got)
    # first: t=1000, then 2.5 s later; second host: no wait; first again: 2.5 s after its last request.
    assert clock.sleeps == [2.5, 2.5]


def test_crawl_delay_lengthens_the_interval(site: LocalSite) -> None:
    clock = FakeClock()
    site.routes["/robots.txt"] = Reply(body=b"User-agent: wirecoder\nCrawl-delay: 5\n", content_type="text/plain")
    site.routes["/a.html"] = Reply(body=HARBOUR)
    site.routes["/b.html"] = Reply(body=BRIDGE)

    got = list(fetch_documents([site.url("/a.html"), site.url("/b.html")], options(clock, min_interval=1)))

    assert all(isinstance(d, RawDocument) for d in got)
    assert clock.sleeps == [5.0, 5.0]  # robots.txt -> a.html -> b.html, each 5 s apart


def test_retry_after_is_honoured_on_429(site: LocalSite) -> None:
    clock = FakeClock()
    site.routes["/busy.html"] = [
        Reply(429, b"slow down", content_type="text/plain", headers={"Retry-After": "7"}),
        Reply(body=HARBOUR),
    ]

    (doc,) = fetch_documents([site.url("/busy.html")], options(clock, min_interval=0, respect_robots=False))

    assert isinstance(doc, RawDocument) and "container terminal" in doc.content
    assert clock.sleeps == [7.0]
    assert site.paths() == ["/busy.html", "/busy.html"]


def test_a_retry_after_too_long_gives_up_at_once(site: LocalSite) -> None:
    site.routes["/busy.html"] = Reply(503, b"", content_type="text/plain", headers={"Retry-After": "86400"})

    (refused,) = fetch_documents([site.url("/busy.html")], options(FakeClock(), respect_robots=False))

    assert isinstance(refused, Rejected) and refused.reason == "http_503"
    assert "86400" in refused.detail
    assert site.paths() == ["/busy.html"]


def test_server_errors_are_retried_with_exponential_backoff_and_jitter(site: LocalSite) -> None:
    clock = FakeClock()
    site.routes["/broken.html"] = Reply(500, b"oops", content_type="text/plain")
    opts = options(clock, min_interval=0, respect_robots=False, backoff=1.0, jitter=0.25, rand=lambda: 0.5)

    (refused,) = fetch_documents([site.url("/broken.html")], opts)

    assert isinstance(refused, Rejected)
    assert (refused.reason, refused.stage) == ("http_500", "fetch")
    assert "HTTP 500" in refused.detail and "tried 4 times" in refused.detail
    assert site.paths() == ["/broken.html"] * 4
    assert clock.sleeps == [1.125, 2.25, 4.5]  # 1, 2, 4 s, each stretched by half the 25% jitter


def test_failures_are_recorded_and_the_rest_still_fetched(site: LocalSite) -> None:
    site.routes["/a.html"] = Reply(body=HARBOUR)
    site.routes["/report.pdf"] = Reply(
        body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01\x02", content_type="application/pdf"
    )
    site.routes["/huge.html"] = Reply(body=b"<html><body>" + b"<p>word</p>" * 2000 + b"</body></html>")
    site.routes["/endless.html"] = Reply(body=b"<html><body>" + b"<p>more</p>" * 2000, length=False)
    site.routes["/slow.html"] = Reply(body=HARBOUR, delay=4.0)
    site.routes["/gone.html"] = Reply(410, b"gone")
    site.routes["/empty.html"] = Reply(body=b"   \n")
    site.routes["/b.html"] = Reply(body=BRIDGE)
    with LocalSite() as closed:
        dead = closed.url("/a.html")  # a port nobody listens on once this site has stopped
    urls = [
        site.url("/a.html"),
        site.url("/missing.html"),
        site.url("/report.pdf"),
        site.url("/huge.html"),
        site.url("/endless.html"),
        site.url("/slow.html"),
        site.url("/gone.html"),
        site.url("/empty.html"),
        "ftp://127.0.0.1/file.html",
        "file:///etc/passwd",
        "www.example.org/no-scheme",
        dead,
        site.url("/b.html"),
    ]
    # robots.txt off: an unreachable robots.txt would refuse the dead host before its page is tried.
    clock = FakeClock()
    opts = options(clock, min_interval=0, max_retries=1, timeout=1.0, max_bytes=10_000, respect_robots=False)

    got = list(fetch_documents(urls, opts))

    outcome = [d.reason if isinstance(d, Rejected) else "ok" for d in got]
    assert outcome == [
        "ok",
        "http_404",
        "not_html",
        "too_large",
        "too_large",
        "timeout",
        "http_410",
        "empty",
        "bad_url",
        "bad_url",
        "bad_url",
        "connection_error",
        "ok",
    ]
    assert [d.origin for d in got] == urls
    assert all(d.stage == "fetch" and d.detail for d in got if isinstance(d, Rejected))
    assert site.paths().count("/slow.html") == 2  # a timeout is retried
    assert site.paths().count("/missing.html") == 1  # a 404 is not
    assert site.paths().count("/huge.html") == 1  # neither is a body over the limit
    assert clock.sleeps == [1.0, 1.0]  # one backoff for the timeout, one for the refused connection


def test_charset_comes_from_the_content_type_header(site: LocalSite) -> None:
    text = "<html><body><p>Переговоры в Москве продолжились во вторник.</p></body></html>"
    site.routes["/ru.html"] = Reply(body=text.encode("koi8-r"), content_type="text/html; charset=KOI8-R")
    site.routes["/plain.txt"] = Reply(body="Café owners met the mayor.".encode("cp1252"), content_type="text/plain")
    quoted = "<html><body><p>\u201cWe will rebuild,\u201d the mayor said.</p></body></html>".encode("cp1252")
    site.routes["/latin.html"] = Reply(body=quoted, content_type="text/html; charset=ISO-8859-1")

    urls = [site.url("/ru.html"), site.url("/plain.txt"), site.url("/latin.html")]
    html_doc, text_doc, latin_doc = fetch_documents(urls, options(FakeClock()))

    assert isinstance(html_doc, RawDocument) and "Переговоры в Москве" in html_doc.content
    assert isinstance(text_doc, RawDocument) and text_doc.kind == "text"
    assert text_doc.content == "Café owners met the mayor."
    # ISO-8859-1 as declared on the web means windows-1252: its curly quotes survive.
    assert isinstance(latin_doc, RawDocument) and "\u201cWe will rebuild,\u201d" in latin_doc.content


def test_retry_after_accepts_an_http_date() -> None:
    now = datetime(2024, 5, 6, 12, 0, tzinfo=UTC)
    later = format_datetime(datetime(2024, 5, 6, 12, 0, 30, tzinfo=UTC), usegmt=True)
    assert _retry_after(later, now=now.timestamp()) == 30.0
    assert _retry_after("120", now=0) == 120.0
    assert _retry_after("soon", now=0) is None
    assert _retry_after(None, now=0) is None


# -- feeds ---------------------------------------------------------------------------------------

LONG_ITEM = " ".join(
    [
        "Fishermen in the northern bay landed the largest herring catch in a decade on Thursday,",
        "the cooperative said, crediting two years of quotas agreed with the neighbouring ports.",
        "Prices at the morning auction fell by a fifth as buyers from inland markets competed for",
        "the surplus, and the cooperative said it would freeze part of the catch for the winter.",
        "Scientists from the marine institute warned that one good season did not mean the stock",
        "had recovered, and asked the ministry to keep the quotas in place for another three years.",
        "The ministry said it would publish its decision after consulting the fishing communities.",
    ]
)


def rss(items: list[str], *, title: str = "Harbour Gazette") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{title}</title><link>http://gazette.invalid/</link>"
        "<description>Local news</description><language>en</language>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def rss_item(guid: str, title: str, link: str, summary: str, *, date: str, author: str | None = None) -> str:
    by = f"<dc:creator>{author}</dc:creator>" if author else ""
    return (
        f"<item><guid isPermaLink='false'>{guid}</guid><title>{title}</title><link>{link}</link>"
        f"<description>{summary}</description><pubDate>{date}</pubDate>{by}</item>"
    )


def test_feed_items_are_followed_to_their_pages(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Reply(body=ROBOTS, content_type="text/plain")
    undated = page("Council approves repairs to the river bridge", ["The city council voted on Wednesday " * 8])
    site.routes["/news/bridge.html"] = Reply(body=undated)
    site.routes["/news/terminal.html"] = Reply(body=HARBOUR)
    feed = rss(
        [
            rss_item(
                "g-1",
                "Bridge repairs approved",
                site.url("/news/bridge.html"),
                "The council voted to repair the bridge.",
                date="Wed, 08 May 2024 12:00:00 GMT",
                author="Ana Ruiz",
            ),
            rss_item(
                "g-2", "Herring catch", site.url("/news/fish.html"), LONG_ITEM, date="Thu, 09 May 2024 08:00:00 GMT"
            ),
            rss_item(
                "g-3",
                "Memo leaked",
                site.url("/private/memo.html"),
                "A memo on the budget leaked.",
                date="Fri, 10 May 2024 08:00:00 GMT",
            ),
            rss_item(
                "g-4",
                "Terminal opens",
                site.url("/news/terminal.html"),
                "The terminal opened.",
                date="Tue, 07 May 2024 10:00:00 GMT",  # the page says 6 May
            ),
            rss_item("g-5", "Gone", site.url("/news/gone.html"), "", date="Sat, 11 May 2024 08:00:00 GMT"),
        ]
    )
    # Served as text/html on purpose: the feed is recognised by its content.
    site.routes["/feed"] = Reply(body=feed, content_type="text/html")

    got = list(fetch_documents([site.url("/feed")], options(FakeClock(), min_interval=0)))

    bridge, fish, memo, terminal, gone = got
    assert isinstance(bridge, RawDocument) and bridge.kind == "html"
    assert bridge.id == bridge.url == site.url("/news/bridge.html")
    assert "city council voted" in bridge.content
    # The feed's values are carried over as declared ones, for the cleaning stage to fall back on.
    assert (bridge.published, bridge.author, bridge.title) == (date(2024, 5, 8), "Ana Ruiz", "Bridge repairs approved")
    assert bridge.source == "Harbour Gazette"
    # A full item is kept as the feed gave it, and its link is not fetched.
    assert isinstance(fish, RawDocument) and fish.kind == "text" and fish.id == "g-2"
    assert "/news/fish.html" not in site.paths()
    # robots.txt forbids the page: the summary is kept, the page never asked for.
    assert isinstance(memo, RawDocument) and memo.content == "A memo on the budget leaked." and memo.id == "g-3"
    assert "/private/memo.html" not in site.paths()
    assert isinstance(terminal, RawDocument) and terminal.kind == "html" and terminal.published == date(2024, 5, 7)
    # Cleaned: the date comes from the page, else the feed.
    cleaned = [clean_document(doc) for doc in (bridge, terminal)]
    assert [a.published if isinstance(a, Article) else a for a in cleaned] == [date(2024, 5, 8), date(2024, 5, 6)]
    # An item without text is the feed reader's rejection, never dropped.
    assert isinstance(gone, Rejected) and gone.doc_id == "g-5"


def test_feed_items_are_not_followed_when_told_not_to(site: LocalSite) -> None:
    site.routes["/news/terminal.html"] = Reply(body=HARBOUR)
    item = rss_item("g-4", "Terminal", site.url("/news/terminal.html"), "Short.", date="Mon, 06 May 2024 10:00:00 GMT")
    site.routes["/feed.xml"] = Reply(body=rss([item]), content_type="application/rss+xml")

    (doc,) = fetch_documents([site.url("/feed.xml")], options(FakeClock(), follow_feed_items=False))

    assert isinstance(doc, RawDocument) and doc.content == "Short." and doc.kind == "text"
    assert "/news/terminal.html" not in site.paths()


def test_a_failed_item_page_without_summary_text_is_a_rejection(site: LocalSite) -> None:
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Gazette</title><id>urn:gazette</id><updated>2024-05-06T10:00:00Z</updated>"
        f"<entry><id>urn:a-1</id><title>Missing</title><link href='{site.url('/news/missing.html')}'/>"
        "<updated>2024-05-06T10:00:00Z</updated><summary>Short note.</summary></entry>"
        "</feed>"
    ).encode()
    site.routes["/atom"] = Reply(body=atom, content_type="application/octet-stream")

    (doc,) = fetch_documents([site.url("/atom")], options(FakeClock(), min_interval=0))

    assert isinstance(doc, RawDocument) and doc.content == "Short note."  # 404 page: the summary stays
    assert "/news/missing.html" in site.paths()


# -- wirecoder fetch, end to end ------------------------------------------------------------------

MEETING = page(
    "Lavrov meets Wang Yi in Beijing",
    [
        "BEIJING, May 7 — Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi "
        "in Beijing on Tuesday to discuss trade and regional security.",
        "Wang Yi praised the talks and said China would deepen cooperation with Russia.",
        "Lavrov invited Wang to visit Moscow later this year, the Russian foreign ministry said.",
    ],
    published="2024-05-07T08:00:00Z",
    author="Staff reporter",
)


@pytest.mark.model
def test_wirecoder_fetch_codes_pages_into_the_store(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wirecoder.cli import main
    from wirecoder.store import DuckDBStore

    site.routes["/robots.txt"] = Reply(body=ROBOTS, content_type="text/plain")
    site.routes["/world/lavrov-wang.html"] = Reply(body=MEETING)
    db = tmp_path / "web.duckdb"
    urls = [site.url("/world/lavrov-wang.html"), site.url("/private/x.html"), site.url("/world/missing.html")]

    code = main(["fetch", *urls, "--db", str(db), "--format", "jsonl", "--rate", "0"])

    out, err = capsys.readouterr()
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert events and all(e["article"] == urls[0] for e in events)
    assert any(e["source"].startswith("RUS") and (e["target"] or "").startswith("CHN") for e in events)
    assert "coded 1 articles" in err and "robots_disallowed" in err and "http_404" in err
    with DuckDBStore(db, read_only=True) as store:
        (article,) = store.articles()
        rejections = {(r["origin"], r["stage"], r["reason"]) for r in store.rejections()}
        (run,) = store.runs()
    assert article["id"] == article["url"] == urls[0]
    assert rejections == {(urls[1], "fetch", "robots_disallowed"), (urls[2], "fetch", "http_404")}
    assert json.loads(run["inputs"]) == urls
    assert site.paths().count("/world/lavrov-wang.html") == 1
