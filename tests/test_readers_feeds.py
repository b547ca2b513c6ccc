"""RSS 2.0, Atom and RSS 1.0 feeds, sound and broken, parsed from bytes and read from files."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

from readers_build import ATOM, RDF, RSS
from wirecoder.clean import clean_document
from wirecoder.ingest import read_inputs
from wirecoder.ingest.feeds import parse_feed
from wirecoder.records import Article, RawDocument, Rejected


def test_rss_items_with_their_fields_and_the_empty_item_rejected() -> None:
    records = list(parse_feed(RSS.encode(), origin="world.rss", feed_url="https://harbour.example/feeds/world.rss"))
    assert [type(r).__name__ for r in records] == ["RawDocument", "Rejected", "RawDocument"]
    first, empty, last = records
    assert isinstance(first, RawDocument)
    assert first.id == "ht-1001"
    assert first.origin == "world.rss#1"
    assert first.kind == "text"
    assert first.title == "Port reopens & ships return"
    assert first.url == "https://harbour.example/2024/05/16/port-reopens"
    assert first.published == date(2024, 5, 16)  # the feed's own time zone, not UTC's 17 May
    assert first.author == "Ana Ruiz"
    assert first.source == "Harbour Times: World"
    assert first.language == "en"
    # content:encoded wins over the description, as paragraphs, without the script
    assert first.content.split("\n\n") == [
        "The port of Harbour City reopened on Thursday after a two-week strike by dock workers ended with a "
        "pay deal, the port authority said.",
        "Ships that had waited offshore began unloading grain and fuel.",
    ]
    assert isinstance(empty, Rejected)
    assert (empty.reason, empty.origin, empty.doc_id) == ("missing_text", "world.rss#2", "ht-1002")
    # ... and the item after the bad one still comes through
    assert isinstance(last, RawDocument)
    assert last.url == "https://harbour.example/2024/05/15/quotas"  # relative link resolved
    assert last.content.startswith("Fisheries ministers from five coastal states met in Oslo")
    assert "<p>" not in last.content


def test_atom_entries() -> None:
    first, second = parse_feed(ATOM.encode(), origin="coastal.atom")
    assert isinstance(first, RawDocument)
    assert isinstance(second, RawDocument)
    assert first.title == "Ferry strike ends"
    assert first.url == "https://coastal.example/2024/05/12/ferry"
    assert first.published == date(2024, 5, 12)  # <published>, before <updated>
    assert first.author == "Mira Okonkwo"
    assert first.source == "Coastal Wire"
    assert first.content.startswith("Ferry crews in the southern ports ended a four-day strike")
    assert second.content == "Harbour pilots said on Saturday they would return to work on Monday."
    assert second.published == date(2024, 5, 11)  # only <updated>


def test_rss_1_rdf_items() -> None:
    (item,) = parse_feed(RDF.encode(), origin="rdf.xml")
    assert isinstance(item, RawDocument)
    assert (item.title, item.url, item.published, item.source) == (
        "Dam repairs finished",
        "https://rdf.example/2024/05/10/dam",
        date(2024, 5, 10),
        "RDF Wire",
    )


def test_malformed_xml_is_one_rejection_with_the_parser_message() -> None:
    broken = RSS.replace("Port reopens &amp; ships", "Port reopens & ships").encode()
    (record,) = parse_feed(broken, origin="broken.rss")
    assert isinstance(record, Rejected)
    assert record.reason == "malformed_feed"
    assert "not well-formed" in record.detail
    assert "line" in record.detail or ":" in record.detail


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    attack = RSS.replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>',
    ).replace("The port reopened after a two-week strike.", "&leak;")
    records = list(parse_feed(attack.encode(), origin="attack.rss"))
    assert all("TOP-SECRET" not in getattr(r, "content", "") + getattr(r, "detail", "") for r in records)
    assert [r.reason for r in records if isinstance(r, Rejected)] == ["malformed_feed"]


def test_xml_that_is_no_feed_and_a_feed_without_items() -> None:
    (record,) = parse_feed(b"<?xml version='1.0'?><catalog><book>x</book></catalog>", origin="books.xml")
    assert isinstance(record, Rejected)
    assert record.reason == "not_a_feed"
    (empty,) = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>', origin="q.rss")
    assert isinstance(empty, Rejected)
    assert empty.reason == "empty"


def test_feeds_are_found_by_content_in_a_folder_and_bad_ones_do_not_stop_it(tmp_path: Path) -> None:
    (tmp_path / "a_world.rss").write_text(RSS)
    (tmp_path / "b_broken.xml").write_text(RSS.replace("&amp;", "&"))
    (tmp_path / "c_coastal").write_text(ATOM)  # no extension at all
    (tmp_path / "d_rdf.xml.gz").write_bytes(gzip.compress(RDF.encode()))
    (tmp_path / "e_sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    )
    records = list(read_inputs([tmp_path]))
    summary = [(r.origin.removeprefix(f"{tmp_path}/"), getattr(r, "reason", "doc")) for r in records]
    assert summary == [
        ("a_world.rss#1", "doc"),
        ("a_world.rss#2", "missing_text"),
        ("a_world.rss#3", "doc"),
        ("b_broken.xml", "malformed_feed"),
        ("c_coastal#1", "doc"),
        ("c_coastal#2", "doc"),
        ("d_rdf.xml.gz#1", "doc"),
        ("e_sitemap.xml", "unsupported_format"),
    ]


def test_feed_items_clean_into_articles_with_the_feed_metadata() -> None:
    first = next(parse_feed(RSS.encode(), origin="world.rss"))
    assert isinstance(first, RawDocument)
    article = clean_document(first)
    assert isinstance(article, Article)
    assert (article.title, article.published, article.byline, article.source, article.language) == (
        "Port reopens & ships return",
        date(2024, 5, 16),
        "Ana Ruiz",
        "Harbour Times: World",
        "en",
    )
