"""WARC and WARC.gz archives in the CC-NEWS layout, written into tmp_path, sound and damaged."""

from __future__ import annotations

import gzip
import io
import zlib
from datetime import date
from pathlib import Path

import pytest

from readers_build import Page, cc_news_records, html_pages, story, warc_gz
from wirecoder.clean import clean_document
from wirecoder.ingest import ReadOptions, read_inputs
from wirecoder.ingest.warc import read_warc
from wirecoder.records import Article, RawDocument, Rejected


def documents(records: list[RawDocument | Rejected]) -> list[RawDocument]:
    return [r for r in records if isinstance(r, RawDocument)]


def reasons(records: list[RawDocument | Rejected]) -> list[str]:
    return [r.reason for r in records if isinstance(r, Rejected)]


def mixed_pages() -> list[Page]:
    pages = html_pages(3)
    pages.insert(1, Page("https://harbour.example/report.pdf", b"%PDF-1.7 binary", content_type="application/pdf"))
    pages.insert(3, Page("https://harbour.example/gone", b"<html>gone</html>", status="404 Not Found"))
    cyrillic = "<html><head><title>Новости</title></head><body><p>Правительство во вторник.</p></body></html>"
    pages.append(
        Page(
            "https://ru.example/2024/05/16/news",
            cyrillic.encode("cp1251"),
            content_type="text/html; charset=windows-1251",
        )
    )
    return pages


def test_cc_news_archive_gives_one_document_per_html_response(tmp_path: Path) -> None:
    data, offsets = warc_gz(cc_news_records(mixed_pages()))
    path = tmp_path / "CC-NEWS-20240516.warc.gz"
    path.write_bytes(data)
    records = list(read_inputs([path]))
    docs = documents(records)
    assert [d.url for d in docs] == [
        "https://harbour.example/2024/05/14/talks-0",
        "https://harbour.example/2024/05/14/talks-1",
        "https://harbour.example/2024/05/14/talks-2",
        "https://ru.example/2024/05/16/news",
    ]
    assert all(d.kind == "html" for d in docs)
    assert docs[0].id == "urn:uuid:00000000-0000-4000-8000-000000000000"
    assert "Правительство во вторник" in docs[3].content  # charset from the HTTP header
    # Rejections name the record and what was wrong with it, in archive order.
    rejected = [r for r in records if isinstance(r, Rejected)]
    assert [(r.reason, r.doc_id) for r in rejected] == [
        ("not_html", "urn:uuid:00000000-0000-4000-8000-000000000001"),
        ("http_status", "urn:uuid:00000000-0000-4000-8000-000000000003"),
    ]
    assert "application/pdf" in rejected[0].detail
    assert "404 Not Found" in rejected[1].detail
    # Each origin's offset is the record's gzip member: seek there and the record inflates.
    for doc in docs:
        offset = int(doc.origin.rsplit("#", 1)[1])
        assert offset in offsets
        head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[offset:])
        assert head.startswith(b"WARC/1.0\r\nWARC-Type: response")
        assert doc.url is not None and doc.url.encode() in head


def test_truncated_last_record_is_rejected_and_everything_before_kept(tmp_path: Path) -> None:
    data, offsets = warc_gz(cc_news_records(html_pages(4)))
    last_response = offsets[-2]  # the final page's response member (its metadata record follows)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: last_response + 200])
    records = list(read_inputs([path]))
    assert len(documents(records)) == 3
    damage = records[-1]
    assert isinstance(damage, Rejected)
    assert damage.reason == "truncated"
    assert damage.origin == f"{path}#{last_response}"
    assert "cut short" in damage.detail


def test_corrupt_member_is_rejected_and_the_records_after_it_still_read(tmp_path: Path) -> None:
    data, offsets = warc_gz(cc_news_records(html_pages(5)))
    broken = bytearray(data)
    second_response = offsets[5]  # warcinfo, then (request, response, metadata) per page
    for index in range(second_response + 40, second_response + 80):
        broken[index] ^= 0xFF
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(broken))
    records = list(read_inputs([path]))
    assert reasons(records) == ["corrupt_archive"]
    assert records[1].origin == f"{path}#{second_response}"
    assert [d.url for d in documents(records)] == [
        f"https://harbour.example/2024/05/14/talks-{n}" for n in (0, 2, 3, 4)
    ]


def test_uncompressed_warc_with_garbage_between_records_and_a_cut_end(tmp_path: Path) -> None:
    records = cc_news_records(html_pages(3))
    garbage = b"this line is not a WARC header\r\nnor is this one\r\n"
    data = b"".join(records[:4]) + garbage + b"".join(records[4:])
    path = tmp_path / "plain.warc"
    path.write_bytes(data[:-30])  # the last metadata record loses its end
    result = list(read_inputs([path]))
    assert reasons(result) == ["corrupt_archive", "truncated"]
    assert len(documents(result)) == 3  # the pages before and after the garbage
    assert "not a WARC header" in next(r for r in result if isinstance(r, Rejected)).detail


def test_archive_is_sniffed_whatever_its_name_and_streamed(tmp_path: Path) -> None:
    data, _ = warc_gz(cc_news_records(html_pages(400)))
    path = tmp_path / "crawl-output.bin"
    path.write_bytes(data)
    with path.open("rb") as handle:
        stream = read_warc(handle, origin=str(path), compressed=True, max_bytes=1_000_000)
        first = next(stream)
        assert isinstance(first, RawDocument)
        assert handle.tell() < len(data) / 4, "one record at a time, not the whole archive"
        assert len(list(stream)) == 399
    assert len(documents(list(read_inputs([path])))) == 400


def test_record_larger_than_the_limit_is_skipped_not_read(tmp_path: Path) -> None:
    pages = html_pages(2)
    pages.insert(1, Page("https://harbour.example/huge", b"<html><p>" + b"x" * 50_000 + b"</p></html>"))
    path = tmp_path / "big.warc.gz"
    path.write_bytes(warc_gz(cc_news_records(pages))[0])
    records = list(read_inputs([path], options=ReadOptions(max_bytes=20_000)))
    assert reasons(records) == ["too_large"]
    assert len(documents(records)) == 2


def test_chunked_and_gzip_encoded_payloads_are_unwrapped(tmp_path: Path) -> None:
    html = story(7).encode()
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (html[:100], html[100:])) + b"0\r\n\r\n"
    pages = [
        Page("https://a.example/chunked", chunked, http_headers=(("Transfer-Encoding", "chunked"),)),
        Page("https://a.example/gzipped", gzip.compress(html), http_headers=(("Content-Encoding", "gzip"),)),
        Page("https://a.example/brotli", b"\x0b\x02\x80", http_headers=(("Content-Encoding", "br"),)),
    ]
    path = tmp_path / "encodings.warc.gz"
    path.write_bytes(warc_gz(cc_news_records(pages))[0])
    records = list(read_inputs([path]))
    docs = documents(records)
    assert [d.content for d in docs] == [html.decode(), html.decode()]
    assert reasons(records) == ["undecodable"]


def test_warc_article_keeps_the_target_uri_and_gets_page_metadata(tmp_path: Path) -> None:
    path = tmp_path / "one.warc.gz"
    path.write_bytes(warc_gz(cc_news_records(html_pages(1)))[0])
    doc = documents(list(read_inputs([path])))[0]
    article = clean_document(doc)
    assert isinstance(article, Article)
    assert article.url == "https://harbour.example/2024/05/14/talks-0"
    assert article.title == "Port talks resume, round 0"
    assert article.published == date(2024, 5, 14)
    assert article.source == "Harbour Times"
    assert article.language == "en"
    assert article.body.startswith("Negotiators for the dock workers")


# warcio's writer leaves a spooled temporary file for the garbage collector to close.
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_archive_written_by_warcio_is_read(tmp_path: Path) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    path = tmp_path / "warcio.warc.gz"
    with path.open("wb") as handle:
        writer = warcio.WARCWriter(handle, gzip=True)
        for page in html_pages(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", page.content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(page.url, "response", payload=io.BytesIO(page.body), http_headers=headers)
            )
    docs = documents(list(read_inputs([path])))
    assert [d.url for d in docs] == [p.url for p in html_pages(3)]
