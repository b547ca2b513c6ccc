"""Inputs: sniffing, standard input, globs, URLs, a folder of mixed formats, and broken inputs."""

from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc
import types
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

from readers_build import ATOM, RSS, cc_news_records, html_pages, story, warc_gz
from wirecoder.ingest import ReadOptions, read_inputs
from wirecoder.ingest.sniff import sniff
from wirecoder.records import RawDocument, Rejected

ARTICLE = "Fisheries ministers from five coastal states met in Oslo on Wednesday to set next year's catch limits.\n"


def summary(records: Iterable[RawDocument | Rejected], root: Path | None = None) -> list[tuple[str, str]]:
    prefix = f"{root}/" if root else ""
    return [(r.origin.removeprefix(prefix), r.reason if isinstance(r, Rejected) else r.kind) for r in records]


class _Stdin:
    """What ``sys.stdin`` looks like to the reader: a text stream with a binary ``buffer``."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


# --- sniffing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", ("warc", False)),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), ("warc", True)),
        (gzip.compress(b'{"id": 1, "text": "x"}\n'), ("jsonl", True)),
        (gzip.compress(b"Plain prose, compressed.\n"), ("text", True)),
        (b"\x1f\x8b\x08\x00garbage that is no deflate stream", ("binary", True)),
        (RSS.encode(), ("feed", False)),
        (ATOM.encode(), ("feed", False)),
        (b'<?xml version="1.0"?>\n<!-- a comment -->\n<rdf:RDF xmlns:rdf="x">', ("feed", False)),
        (b"<feed><entry>not Atom: no namespace</entry></feed>", ("xml", False)),
        (b'<?xml version="1.0"?><feed xmlns="urn:other"/>', ("xml", False)),
        (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/"/>', ("xml", False)),
        (b"\xef\xbb\xbf<!DOCTYPE html>\n<html><body>x</body></html>", ("html", False)),
        (b"  <html lang='en'><p>x</p>", ("html", False)),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', ("html", False)),
        (b'\n{"id": "a", "text": "JSON Lines"}\n{"id": "b"}\n', ("jsonl", False)),
        (b"{curly} braces open this prose\n", ("text", False)),
        (b"Just prose.\n", ("text", False)),
        (b"PNG\x00\x00\x00binary", ("binary", False)),
        (b"  \n\t", ("empty", False)),
    ],
)
def test_sniff(head: bytes, expected: tuple[str, bool]) -> None:
    found = sniff(head)
    assert (found.format, found.gzip) == expected


# --- standard input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLE.encode(), [("<stdin>", "text")]),
        (story(1).encode(), [("<stdin>", "html")]),
        (
            b'{"id": "s1", "text": "one"}\nnot json\n{"id": "s3", "text": "three"}\n',
            [("<stdin>:1", "text"), ("<stdin>:2", "malformed_json"), ("<stdin>:3", "text")],
        ),
        (gzip.compress(ATOM.encode()), [("<stdin>#1", "text"), ("<stdin>#2", "text")]),
        (b"", [("<stdin>", "empty")]),
    ],
)
def test_standard_input_is_sniffed_like_a_file(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list[tuple[str, str]]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    assert summary(read_inputs(["-"])) == expected


def test_standard_input_streams_a_warc_archive_larger_than_the_sniffed_head(monkeypatch: pytest.MonkeyPatch) -> None:
    data, _ = warc_gz(cc_news_records(html_pages(40)))
    assert len(data) > 8192 * 4
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    docs = [r for r in read_inputs(["-"]) if isinstance(r, RawDocument)]
    assert [d.url for d in docs] == [p.url for p in html_pages(40)]
    assert all(d.origin.startswith("<stdin>#") for d in docs)


# --- globs ---------------------------------------------------------------------------------------


def test_globs_expand_sorted_and_a_pattern_matching_nothing_is_not_found(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text(ARTICLE)
    records = list(read_inputs([f"{tmp_path}/*.txt", f"{tmp_path}/*.warc.gz", f"{tmp_path}/**/d.txt"]))
    assert summary(records, tmp_path) == [
        ("a.txt", "text"),
        ("b.txt", "text"),
        ("*.warc.gz", "not_found"),
        ("sub/d.txt", "text"),
    ]
    assert "no file matches" in records[2].detail  # type: ignore[union-attr]


def test_a_file_whose_name_looks_like_a_pattern_is_read_as_itself(tmp_path: Path) -> None:
    odd = tmp_path / "notes[1].txt"
    odd.write_text(ARTICLE)
    assert summary(read_inputs([str(odd)])) == [(str(odd), "text")]


# --- URLs ----------------------------------------------------------------------------------------


def test_urls_go_to_the_fetcher_lazily_in_runs_and_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def fetch_documents(urls: Iterable[str]) -> Iterator[RawDocument | Rejected]:
        batch = list(urls)
        calls.append(batch)
        for url in batch:
            yield RawDocument(id=url, origin=url, kind="html", content=story(0), url=url)

    fetcher = types.ModuleType("wirecoder.ingest.web")
    fetcher.fetch_documents = fetch_documents  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wirecoder.ingest.web", fetcher)
    (tmp_path / "a.txt").write_text(ARTICLE)
    inputs = ["https://a.example/1", "http://b.example/2", str(tmp_path / "a.txt"), "https://c.example/3"]
    records = read_inputs(inputs)
    assert next(records).origin == "https://a.example/1"
    assert calls == [["https://a.example/1", "http://b.example/2"]]  # the later URL is not fetched yet
    assert [r.origin for r in records] == ["http://b.example/2", str(tmp_path / "a.txt"), "https://c.example/3"]
    assert calls[-1] == ["https://c.example/3"]


def test_urls_without_a_fetcher_are_rejected_as_unsupported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "wirecoder.ingest.web", None)  # importing it now fails
    (tmp_path / "a.txt").write_text(ARTICLE)
    records = list(read_inputs(["https://a.example/1", str(tmp_path / "a.txt")]))
    assert summary(records) == [("https://a.example/1", "unsupported"), (str(tmp_path / "a.txt"), "text")]


# --- a folder of everything ------------------------------------------------------------------------


def test_directory_mix_reads_every_format_and_keeps_going_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "01_article.txt").write_text(ARTICLE)
    (tmp_path / "02_page.html").write_text(story(1))
    (tmp_path / "03_lines.jsonl").write_text(
        json.dumps({"id": "j1", "content": "Text one.", "meta": {"date": "2024-05-01"}, "source": "Wire A"})
        + "\n{broken\n"
        + json.dumps({"id": "j3", "content": "Text three.", "source": "Wire B"})
        + "\n"
    )
    (tmp_path / "04_world.rss").write_text(RSS)
    data, _ = warc_gz(cc_news_records(html_pages(2)))
    (tmp_path / "05_crawl.warc.gz").write_bytes(data)
    (tmp_path / "06_saved").write_text(story(2))  # HTML with no extension
    (tmp_path / "07_latin1.txt").write_bytes("Caf\xe9 owners in Z\xfcrich protested on Monday.\n".encode("latin-1"))
    (tmp_path / "08_garbage.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "09_empty.txt").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "10_text.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    options = ReadOptions(jsonl_fields={"text": "content", "published": "meta.date"})
    records = list(read_inputs([tmp_path], options=options))
    warc_origins = [r.origin.removeprefix(f"{tmp_path}/") for r in records if "#" in r.origin and "warc" in r.origin]
    assert summary(records, tmp_path) == [
        ("01_article.txt", "text"),
        ("02_page.html", "html"),
        ("03_lines.jsonl:1", "text"),
        ("03_lines.jsonl:2", "malformed_json"),
        ("03_lines.jsonl:3", "text"),
        ("04_world.rss#1", "text"),
        ("04_world.rss#2", "missing_text"),
        ("04_world.rss#3", "text"),
        (warc_origins[0], "html"),
        (warc_origins[1], "html"),
        ("06_saved", "html"),
        ("07_latin1.txt", "text"),
        ("08_garbage.txt", "undecodable"),
        ("09_empty.txt", "empty"),
        ("sub/10_text.gz", "text"),
    ]
    jsonl = {r.id: r for r in records if isinstance(r, RawDocument) and r.origin.startswith(f"{tmp_path}/03")}
    assert (jsonl["j1"].published, jsonl["j1"].source) == (date(2024, 5, 1), "Wire A")  # nested field
    assert (jsonl["j3"].published, jsonl["j3"].source) == (None, "Wire B")


# --- broken inputs ---------------------------------------------------------------------------------


def test_truncated_gzip_text_is_rejected_and_the_next_file_read(tmp_path: Path) -> None:
    whole = gzip.compress((ARTICLE * 200).encode())
    (tmp_path / "a_cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "b_next.txt").write_text(ARTICLE)
    records = list(read_inputs([tmp_path]))
    assert summary(records, tmp_path) == [("a_cut.txt.gz", "truncated"), ("b_next.txt", "text")]
    assert "cut short" in records[0].detail  # type: ignore[union-attr]


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"n{n}", "text": f"Line {n} " + "word " * 40}) + "\n" for n in range(300))
    whole = gzip.compress(lines.encode())
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    records = list(read_inputs([path]))
    kept = [r for r in records if isinstance(r, RawDocument)]
    assert len(kept) > 50
    assert [r.id for r in kept] == [f"n{n}" for n in range(len(kept))]
    last = records[-1]
    assert isinstance(last, Rejected)
    assert last.reason in {"truncated", "malformed_json"}  # the cut line, then the cut stream
    assert any(isinstance(r, Rejected) and r.reason == "truncated" for r in records)


def test_invalid_utf8_is_undecodable_and_malformed_xml_is_malformed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Invalid UTF-8: \xc3\x28 " + bytes(range(128, 256)) * 3)
    (tmp_path / "b.xml").write_text(ATOM.replace("</feed>", ""))
    (tmp_path / "c.txt").write_text(ARTICLE)
    assert summary(read_inputs([tmp_path]), tmp_path) == [
        ("a.txt", "undecodable"),
        ("b.xml", "malformed_feed"),
        ("c.txt", "text"),
    ]


def test_fifty_megabyte_text_file_is_rejected_as_too_large_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "a_big.txt"
    with big.open("w") as handle:
        line = "The council met again on Tuesday and adjourned without a vote. " * 16 + "\n"
        while handle.tell() < 50_000_000:
            handle.write(line * 100)
    (tmp_path / "b_small.txt").write_text(ARTICLE)
    tracemalloc.start()
    try:
        records = list(read_inputs([tmp_path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary(records, tmp_path) == [("a_big.txt", "too_large"), ("b_small.txt", "text")]
    assert "more than the limit of 20,000,000" in records[0].detail  # type: ignore[union-attr]
    assert peak < 2_000_000, "the head is sniffed, the rest is never read"


def test_fifty_megabyte_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 50_000_000))
    (record,) = read_inputs([path], options=ReadOptions(max_bytes=1_000_000))
    assert isinstance(record, Rejected)
    assert record.reason == "too_large"


def test_empty_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_bytes(b"")
    (tmp_path / "b.warc.gz").write_bytes(b"")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b""))
    (tmp_path / "d.jsonl").write_bytes(b"\n\n")
    assert summary(read_inputs([tmp_path]), tmp_path) == [
        ("a.rss", "empty"),
        ("b.warc.gz", "empty"),
        ("c.txt.gz", "empty"),
        ("d.jsonl", "empty"),
    ]
