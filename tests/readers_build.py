"""Builders for real-shaped reader inputs: WARC records (CC-NEWS layout), news pages and feeds.

WARCs are written by hand to the WARC 1.0 format, each record gzip-compressed as its own member
the way Common Crawl writes them, so the tests need no WARC library.
"""

from __future__ import annotations

import gzip
import uuid
from dataclasses import dataclass

WARC_DATE = "2024-05-16T10:00:00Z"


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    http_headers: tuple[tuple[str, str], ...] = ()


def news_page(title: str, paragraphs: list[str], *, published: str | None = None, lang: str = "en") -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Harbour Times</title>'
        f'<meta property="og:site_name" content="Harbour Times">{meta}</head><body>'
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright Harbour Times</footer></body></html>"
    )


def story(number: int) -> str:
    return news_page(
        f"Port talks resume, round {number}",
        [
            f"Negotiators for the dock workers and the port authority met for round {number} of talks on "
            "Tuesday, the authority said, after a strike that has kept ships waiting offshore for a week.",
            "The union said it would put any offer to a vote of its members, while the authority warned "
            "that fuel and grain deliveries to the region were running short.",
        ],
        published="2024-05-14",
    )


def record(warc_type: str, uri: str | None, block: bytes, *, content_type: str, record_id: str | None = None) -> bytes:
    headers = [
        ("WARC-Type", warc_type),
        ("WARC-Record-ID", f"<urn:uuid:{record_id or uuid.uuid4()}>"),
        ("WARC-Date", WARC_DATE),
    ]
    if uri is not None:
        headers.append(("WARC-Target-URI", uri))
    headers += [("Content-Type", content_type), ("Content-Length", str(len(block)))]
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return b"WARC/1.0\r\n" + head.encode() + b"\r\n" + block + b"\r\n\r\n"


def http_response(page: Page) -> bytes:
    headers = [("Content-Type", page.content_type), *page.http_headers]
    if not any(name.lower() == "transfer-encoding" for name, _ in page.http_headers):
        headers.append(("Content-Length", str(len(page.body))))
    head = "".join(f"{name}: {value}\r\n" for name, value in headers)
    return f"HTTP/1.1 {page.status}\r\n{head}\r\n".encode("latin-1") + page.body


def cc_news_records(pages: list[Page]) -> list[bytes]:
    """warcinfo, then request + response + metadata for each page, as CC-NEWS archives hold them."""
    records = [
        record(
            "warcinfo", None, b"software: test-writer\r\nformat: WARC/1.0\r\n", content_type="application/warc-fields"
        )
    ]
    for number, page in enumerate(pages):
        request = b"GET / HTTP/1.1\r\nHost: example.org\r\nUser-Agent: test\r\n\r\n"
        records.append(record("request", page.url, request, content_type="application/http; msgtype=request"))
        records.append(
            record(
                "response",
                page.url,
                http_response(page),
                content_type="application/http; msgtype=response",
                record_id=f"00000000-0000-4000-8000-{number:012d}",
            )
        )
        records.append(record("metadata", page.url, b"fetchTimeMs: 120\r\n", content_type="application/warc-fields"))
    return records


def warc_gz(records: list[bytes]) -> tuple[bytes, list[int]]:
    """The records gzip-compressed one per member; returns the bytes and each member's offset."""
    out = bytearray()
    offsets = []
    for item in records:
        offsets.append(len(out))
        out += gzip.compress(item, mtime=0)
    return bytes(out), offsets


def html_pages(count: int) -> list[Page]:
    return [Page(f"https://harbour.example/2024/05/14/talks-{n}", story(n).encode()) for n in range(count)]


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Times: World</title>
  <link>https://harbour.example/</link>
  <language>en-gb</language>
  <item>
    <title>Port reopens &amp; ships return</title>
    <link>https://harbour.example/2024/05/16/port-reopens</link>
    <guid isPermaLink="false">ht-1001</guid>
    <pubDate>Thu, 16 May 2024 23:30:00 -0400</pubDate>
    <dc:creator>Ana Ruiz</dc:creator>
    <description>The port reopened after a two-week strike.</description>
    <content:encoded><![CDATA[<p>The port of Harbour City reopened on Thursday after a two-week strike by
      dock workers ended with a pay deal, the port authority said.</p>
      <p>Ships that had waited offshore began unloading grain and fuel.</p>
      <script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>An item with nothing in it</title>
    <link>https://harbour.example/2024/05/16/empty</link>
    <guid>ht-1002</guid>
  </item>
  <item>
    <title>Ministers meet on fishing quotas</title>
    <link>/2024/05/15/quotas</link>
    <guid>ht-1003</guid>
    <pubDate>Wed, 15 May 2024 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;Fisheries ministers from five coastal states met in Oslo on Wednesday to
      set next year's catch limits, officials said.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Coastal Wire</title>
  <link href="https://coastal.example/"/>
  <id>tag:coastal.example,2024:feed</id>
  <updated>2024-05-16T12:00:00Z</updated>
  <entry>
    <title type="html">Ferry strike &lt;em&gt;ends&lt;/em&gt;</title>
    <link rel="alternate" href="https://coastal.example/2024/05/12/ferry"/>
    <id>tag:coastal.example,2024:ferry</id>
    <published>2024-05-12T22:15:00-05:00</published>
    <updated>2024-05-13T09:00:00Z</updated>
    <author><name>Mira Okonkwo</name></author>
    <summary>Crews ended a strike.</summary>
    <content type="html">&lt;p&gt;Ferry crews in the southern ports ended a four-day strike on Sunday after
      the operator agreed to hire more staff, the union said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summary only</title>
    <link rel="alternate" href="https://coastal.example/2024/05/11/summary"/>
    <id>tag:coastal.example,2024:summary</id>
    <updated>2024-05-11T07:00:00Z</updated>
    <summary>Harbour pilots said on Saturday they would return to work on Monday.</summary>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Wire</title><link>https://rdf.example/</link>
    <description>Old-style feed</description></channel>
  <item rdf:about="https://rdf.example/2024/05/10/dam">
    <title>Dam repairs finished</title>
    <link>https://rdf.example/2024/05/10/dam</link>
    <description>Engineers finished repairs to the river dam on Friday, the water board said.</description>
    <dc:date>2024-05-10T16:00:00Z</dc:date>
  </item>
</rdf:RDF>
"""
