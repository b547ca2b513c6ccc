"""WARC ingestion throughput: a synthetic CC-NEWS-like archive read, cleaned, and coded into a store.

    .venv/bin/python benchmarks/warc_ingest.py [--pages 2000] [--code-pages 300] [--non-html 0.1]

Builds a WARC.gz in the CC-NEWS layout (warcinfo, then request + response + metadata records per
page, each record its own gzip member) from news pages generated from templates in this file
(actors, verbs, places and furniture varied by a seeded random generator; a share of responses
are PDFs, images or JSON), then measures, each phase in one process:

* ``read``: ``read_inputs`` over the archive (decompress, parse records, decode): records/s, MB/s;
* ``read+clean``: the same plus ``clean_document`` (trafilatura extraction, metadata, language);
* ``code``: ``wirecoder.api.code_into_store`` over a ``--code-pages`` archive into a fresh DuckDB
  store in a temporary folder (spaCy model load excluded from the rate, reported apart);
* for comparison, iterating the same archive's response records with FastWARC and warcio when
  they are installed (reading only, no decoding), the libraries this reader was measured against.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

LEADERS = [
    ("Russian Foreign Minister Sergei Lavrov", "Moscow"),
    ("Chinese President Xi Jinping", "Beijing"),
    ("U.S. Secretary of State Antony Blinken", "Washington"),
    ("Indian Prime Minister Narendra Modi", "New Delhi"),
    ("Turkish President Recep Tayyip Erdogan", "Ankara"),
    ("French President Emmanuel Macron", "Paris"),
    ("Japanese Prime Minister Fumio Kishida", "Tokyo"),
    ("Brazilian President Luiz Inacio Lula da Silva", "Brasilia"),
]
ACTS = [
    "met {other} to discuss trade and security",
    "criticised {other} over the border dispute",
    "signed an energy agreement with {other}",
    "accused {other} of violating the ceasefire",
    "called on {other} to release the detained journalists",
    "praised {other} for the humanitarian aid",
]
FILLER = [
    "Officials said further talks were expected in the coming weeks.",
    "The ministry did not give further details of the discussions.",
    "Analysts said the talks reflected growing concern over prices and supplies in the region.",
    "Neither side commented on reports that a joint statement had been drafted.",
    "Markets in the region were little changed after the announcement.",
]
NON_HTML = [
    ("application/pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8),
    ("image/jpeg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 16),
    ("application/json", b'{"status": "ok", "items": []}'),
]


def page(rng: random.Random, number: int) -> tuple[str, bytes]:
    """One news page: URL with a date, furniture around an article of a few paragraphs."""
    (leader, city), (other, _) = rng.sample(LEADERS, 2)
    day = 1 + number % 28
    act = rng.choice(ACTS).format(other=other)
    paragraphs = [f"{city.upper()}, May {day} - {leader} {act} on Tuesday, officials said."]
    paragraphs += rng.sample(FILLER, 3)
    title = f"{leader.split()[-1]} {act.split()[0]} {other.split()[-1]}"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Wire {number % 7}</title>'
        f'<meta property="og:site_name" content="Wire {number % 7}">'
        f'<meta property="article:published_time" content="2024-05-{day:02d}T08:00:00Z"></head><body>'
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/business'>Business</a></nav></header>"
        f"<main><article><h1>{title}</h1><p class='byline'>By Staff Reporter</p>{body}</article>"
        "<aside><h3>Most read</h3><ul><li>Markets rally</li><li>Storm warning</li></ul></aside></main>"
        "<footer>Copyright 2024. All rights reserved. Subscribe to our newsletter.</footer></body></html>"
    )
    return f"https://wire{number % 7}.example/2024/05/{day:02d}/story-{number}", html.encode()


def record(warc_type: str, uri: str, block: bytes, content_type: str) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: 2024-05-16T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def build_archive(path: Path, pages: int, non_html: float, seed: int = 5) -> int:
    """Write the archive; returns the number of HTML responses in it."""
    rng = random.Random(seed)
    html_count = 0
    with path.open("wb") as out:
        out.write(gzip.compress(record("warcinfo", "", b"software: benchmark\r\n", "application/warc-fields")))
        for number in range(pages):
            if rng.random() < non_html:
                content_type, payload = rng.choice(NON_HTML)
                uri = f"https://files.example/{number}"
            else:
                content_type = "text/html; charset=utf-8"
                uri, payload = page(rng, number)
                html_count += 1
            http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
            request = f"GET / HTTP/1.1\r\nHost: {uri.split('/')[2]}\r\n\r\n".encode()
            for warc_type, block, ctype in (
                ("request", request, "application/http; msgtype=request"),
                ("response", http.encode() + payload, "application/http; msgtype=response"),
                ("metadata", b"fetchTimeMs: 100\r\n", "application/warc-fields"),
            ):
                out.write(gzip.compress(record(warc_type, uri, block, ctype), compresslevel=6))
    return html_count


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s" if seconds else "n/a"


def bench_read(path: Path) -> None:
    from wirecoder.clean import clean_document
    from wirecoder.ingest import read_inputs
    from wirecoder.records import Article, RawDocument

    size_mb = path.stat().st_size / 1e6
    start = time.perf_counter()
    docs = [r for r in read_inputs([path]) if isinstance(r, RawDocument)]
    read_s = time.perf_counter() - start
    speed = f"{rate(len(docs), read_s)} ({size_mb / read_s:,.1f} MB/s)"
    print(f"read        {len(docs):6,} HTML docs in {read_s:6.2f} s: {speed}")

    start = time.perf_counter()
    articles = 0
    rejected: dict[str, int] = {}
    for item in read_inputs([path]):
        result = clean_document(item) if isinstance(item, RawDocument) else item
        if isinstance(result, Article):
            articles += 1
        else:
            rejected[result.reason] = rejected.get(result.reason, 0) + 1
    clean_s = time.perf_counter() - start
    print(f"read+clean  {articles:6,} articles  in {clean_s:6.2f} s: {rate(articles, clean_s)}; rejected {rejected}")


def bench_libraries(path: Path) -> None:
    try:
        from fastwarc import ArchiveIterator as FastIterator
        from fastwarc import WarcRecordType
    except ImportError:
        print("fastwarc    not installed")
    else:
        start = time.perf_counter()
        with path.open("rb") as handle:
            count = sum(
                1 for r in FastIterator(handle, record_types=WarcRecordType.response) if r.reader.read() is not None
            )
        seconds = time.perf_counter() - start
        print(f"fastwarc    {count:6,} responses in {seconds:6.2f} s: {rate(count, seconds)} (records only)")
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        print("warcio      not installed")
    else:
        start = time.perf_counter()
        count = 0
        with path.open("rb") as handle:
            for r in ArchiveIterator(handle):
                if r.rec_type == "response":
                    r.content_stream().read()
                    count += 1
        seconds = time.perf_counter() - start
        print(f"warcio      {count:6,} responses in {seconds:6.2f} s: {rate(count, seconds)} (records only)")


def bench_code(path: Path, folder: Path) -> None:
    from wirecoder.api import code_into_store
    from wirecoder.config import load_settings
    from wirecoder.pipeline import Pipeline

    settings = load_settings(store={"path": str(folder / "bench.duckdb")})
    start = time.perf_counter()
    pipeline = Pipeline(settings)
    setup_s = time.perf_counter() - start
    start = time.perf_counter()
    summary = code_into_store([path], settings, pipeline=pipeline)
    code_s = time.perf_counter() - start
    print(
        f"code        {summary.articles:6,} articles  in {code_s:6.2f} s: {rate(summary.articles, code_s)} "
        f"({summary.events:,} events, {summary.rejected} rejected; model and dictionaries loaded in {setup_s:.1f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages in the archive that is read and cleaned")
    parser.add_argument("--code-pages", type=int, default=300, help="pages in the archive coded into a store")
    parser.add_argument("--non-html", type=float, default=0.1, help="share of responses that are not HTML")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = folder / "CC-NEWS-bench.warc.gz"
        html = build_archive(big, args.pages, args.non_html)
        print(f"archive     {args.pages:,} responses ({html:,} HTML), {big.stat().st_size / 1e6:.1f} MB gzip")
        bench_read(big)
        bench_libraries(big)
        if args.code_pages:
            small = folder / "CC-NEWS-code.warc.gz"
            build_archive(small, args.code_pages, args.non_html, seed=6)
            bench_code(small, folder)


if __name__ == "__main__":
    main()
