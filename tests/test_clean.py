"""Cleaning: the two seed articles, the test data folder and small hand-written articles."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecoder.clean import CleanOptions, clean_document, clean_documents, parse_date
from wirecoder.clean.furniture import LINE_RULES, furniture_rule
from wirecoder.clean.paragraphs import paragraph_key
from wirecoder.ingest import read_inputs
from wirecoder.records import Article, RawDocument, Rejected

DATA = Path(__file__).parent / "data" / "ingest"
SHARED = Path(__file__).parents[1] / ".." / "shared"

# Two original body paragraphs that every small test article carries.
LEAD = (
    "Negotiators from the two coastal provinces returned to the table on Friday after a pause of "
    "nearly three months, officials in the capital said."
)
SECOND = (
    "The talks are expected to focus on fishing quotas and the shared use of the northern harbour, "
    "which both provinces have claimed for decades."
)


def text_doc(content: str, **fields: Any) -> RawDocument:
    return RawDocument(id="t1", origin="test", kind="text", content=content, **fields)


def clean(content: str, **fields: Any) -> Article:
    result = clean_document(text_doc(content, **fields))
    assert isinstance(result, Article), result
    return result


def paragraphs(article: Article) -> list[str]:
    return [article.body[start:end] for start, end in article.paragraphs]


def read_one(path: Path) -> RawDocument:
    record = next(read_inputs([path]))
    assert isinstance(record, RawDocument), record
    return record


# --- the seed articles ------------------------------------------------------------------------------


def seed_expectations() -> dict[str, Any]:
    if not (SHARED / "acceptance" / "seeds.json").is_file():
        pytest.skip("../shared (seed articles) is not available")
    expected: dict[str, Any] = json.loads((SHARED / "acceptance" / "seeds.json").read_text(encoding="utf-8"))
    return {item["file"]: item for item in expected["articles"]}


def clean_seed(name: str) -> tuple[Article, dict[str, Any]]:
    expected = seed_expectations()[name]
    result = clean_document(read_one(SHARED / name))
    assert isinstance(result, Article), result
    return result, expected


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["seeds/000_481d47791ed4225a.txt", "seeds/003_66b792bd0c43631e.txt"])
def test_seed_title_date_and_exclusions(name: str) -> None:
    article, expected = clean_seed(name)
    assert article.title == expected["title"]
    assert article.published == date.fromisoformat(expected["published"])
    for text in expected["body_must_exclude"]:
        assert text not in article.body, text
    assert article.body.count(expected["body_paragraph_not_repeated"]) == 1
    assert paragraphs(article) == article.body.split("\n\n")


@pytest.mark.seeds
def test_seed_000_scraped_page() -> None:
    article, _ = clean_seed("seeds/000_481d47791ed4225a.txt")
    caption = (
        "Russia's President Vladimir Putin (R) meets with China's Premier Li Keqiang at the East Asia "
        "Summit in Singapore on Nov. 15, 2018."
    )
    assert article.body.count(caption) == 1
    assert "Photo: Reuters" not in article.body
    assert article.title is not None
    assert article.title not in article.body
    for furniture in ("Published", "Opinion", "News > World", "Comment", "Live"):
        assert furniture not in article.body, furniture
    assert "Li Keqiang disclose that last week's 23rd regular meeting" in article.body
    assert "he looks forward to meeting President Xi Jinping again" in article.body
    assert article.body.endswith("Cross said, according to The Diplomat.")
    assert "\u00a0" not in article.body  # no-break spaces collapsed like any other space


@pytest.mark.seeds
def test_seed_003_wire_item() -> None:
    article, _ = clean_seed("seeds/003_66b792bd0c43631e.txt")
    assert "Jacob Gu" not in article.body
    assert article.byline is None  # "With assistance from" is not the author
    assert not article.body.startswith("date ")
    assert article.body.startswith("Chinese Premier Li Qiang told Russian President Vladimir Putin")
    assert "“benefit regional and even world peace, stability and prosperity.”" in article.body
    assert "Trade between the two countries surged by more than 60% to $240 billion in 2023" in article.body
    assert article.body.endswith("according to the report.")


# --- the test data folder ---------------------------------------------------------------------------


def test_text_article_from_a_file() -> None:
    article = clean_document(read_one(DATA / "article.txt"))
    assert isinstance(article, Article)
    assert article.id == "article.txt"
    assert article.title == "Harbour Talks Resume in Valdoria"
    assert article.published == date(2023, 3, 3)
    assert article.byline == "Mira Okonkwo"
    assert paragraphs(article) == [LEAD, SECOND]
    assert article.content_hash == hashlib.sha256(article.body.encode()).hexdigest()


def test_html_page() -> None:
    article = clean_document(read_one(DATA / "page.html"))
    assert isinstance(article, Article)
    assert article.title == "Harbour Talks Resume in Valdoria"
    assert article.published == date(2023, 3, 3)
    assert article.byline == "Mira Okonkwo"
    assert article.source == "The Coastal Ledger"
    assert paragraphs(article)[:2] == [LEAD, SECOND]
    assert "draft agreement could be ready before the summer recess" in article.body
    for furniture in (
        "Home",
        "Subscribe",
        "Sign in",
        "Facebook",
        "WhatsApp",
        "Most read",
        "Storm Closes Ferry Routes",
        "Copyright",
        "All rights reserved",
        "Privacy policy",
        "By Mira Okonkwo",
    ):
        assert furniture not in article.body, furniture


def test_broken_html_still_gives_its_text() -> None:
    article = clean_document(read_one(DATA / "broken.html"))
    assert isinstance(article, Article)
    assert article.title == "Ferry Strike Ends"
    assert article.body.startswith("Ferry crews in the southern ports ended a four-day strike on Sunday")


def test_declared_fields_win_over_html_metadata_but_the_page_date_wins() -> None:
    page = read_one(DATA / "page.html")
    doc = RawDocument(
        id=page.id,
        origin=page.origin,
        kind="html",
        content=page.content,
        published=date(2023, 3, 2),
        title="Talks Resume",
        source="Ledger Wire",
    )
    article = clean_document(doc)
    assert isinstance(article, Article)
    # Issue 5: the date comes from the page, else the feed (the declared date), else the URL.
    assert (article.title, article.published, article.source) == (
        "Talks Resume",
        date(2023, 3, 3),
        "Ledger Wire",
    )
    assert article.byline == "Mira Okonkwo"


@pytest.mark.parametrize("html", ["<html></html>", "<<<>>>", (DATA / "nav_only.html").read_text()])
def test_html_without_content_is_rejected(html: str) -> None:
    result = clean_document(RawDocument(id="h", origin="test.html", kind="html", content=html))
    assert isinstance(result, Rejected)
    assert (result.stage, result.reason, result.doc_id) == ("clean", "no_content", "h")


def test_a_batch_from_the_folder_keeps_going() -> None:
    results = list(clean_documents(read_inputs([DATA])))
    reasons = {
        result.origin.removeprefix(f"{DATA}/"): result.reason for result in results if isinstance(result, Rejected)
    }
    assert reasons["short.txt"] == "too_short"
    assert reasons["nav_only.html"] == "no_content"
    assert reasons["image.png"] == "binary"  # ingest rejections pass through unchanged
    assert reasons["feed.jsonl:4"] == "missing_text"
    kept = {result.id for result in results if isinstance(result, Article)}
    assert {"article.txt", "page.html", "feed-1", "feed-2", "latin1.txt", "nested.text", "saved_page"} <= kept


def test_jsonl_records_are_cleaned_with_declared_fields() -> None:
    results = {result.origin: result for result in clean_documents(read_inputs([DATA / "feed.jsonl"]))}
    first = results[f"{DATA / 'feed.jsonl'}:1"]
    assert isinstance(first, Article)
    assert first.title == "Fishing Fleet Returns to Port"
    assert first.published == date(2024, 5, 4)
    assert first.source == "Coastal Wire"
    assert first.url == "https://example.org/fleet"
    assert paragraphs(first) == [
        "The fishing fleet returned to port on Saturday after a week-long blockade of the northern "
        "harbour ended, the port authority said."
    ]  # the repeated headline and "With assistance from" are gone


# --- furniture rules, one small article each ----------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        # navigation and share words on their own line, with or without bullets
        "• Live",
        "  • Audio Only",
        "- Home",
        "* Menu",
        "Search",
        "Subscribe",
        "Sign in",
        "Log in",
        "Share",
        "Tweet",
        "Email",
        "Print",
        "• facebook",
        "• twitter",
        "  • google plus",
        "WhatsApp",
        "LinkedIn",
        "Reddit",
        "Telegram",
        "Instagram",
        "YouTube",
        "Facebook Twitter Email",
        "Share on Facebook",
        "Follow us on Twitter",
        # breadcrumbs and section labels
        "News > World",
        "Home › Politics › Europe",
        "Opinion",
        "Analysis",
        "Analysis & Opinion",
        "Breaking",
        "Exclusive",
        "Updated",
        # comment counters
        "Comment",
        "Comments",
        "0",
        "3 Comments",
        "Post with no comments.",
        "Leave a comment",
        "Be the first to comment",
        # credits
        "With assistance from Tomas Lind.",
        "Additional reporting by Tomas Lind in Valdoria",
        "Reporting by Tomas Lind; Editing by Ana Ruiz",
        "Writing by Ana Ruiz",
        "(Reporting by Tomas Lind; Editing by Ana Ruiz)",
        "Editing by Ana Ruiz",
        # feed footers
        "This article was generated from an automated news agency feed without modifications to text.",
        "© 2024 The Coastal Ledger",
        "All rights reserved.",
        "Copyright 2023 The Coastal Ledger. All rights reserved.",
        # a photo credit with no caption
        "Photo: Reuters",
    ],
)
def test_furniture_line_is_removed(furniture: str) -> None:
    article = clean(f"{LEAD}\n\n{furniture}\n\n{SECOND}\n\n{furniture}\n")
    assert paragraphs(article) == [LEAD, SECOND]


def test_every_line_rule_has_a_reason() -> None:
    for rule in LINE_RULES:
        assert rule.why, rule.name


@pytest.mark.parametrize(
    "line",
    [
        "The talks resumed in the capital, where the World News service had reported the first meeting.",
        "Contributing to the crisis, fishing prices rose sharply in the spring.",
        "Copyright disputes between the two publishers went to court last year.",
        "Reporters at the harbour counted 12 ships.",
        "reporting by the agency showed that the catch had fallen by a third since the spring",
        "By Friday the two delegations had agreed on a timetable for the next round.",
        "-5% was the drop in the catch, the ministry said.",
    ],
)
def test_prose_that_resembles_furniture_is_kept(line: str) -> None:
    assert furniture_rule(line) is None
    article = clean(f"{LEAD}\n\n{line}\n\n{SECOND}\n")
    assert line in article.body


@pytest.mark.parametrize("marker", ["RELATED:", "Related:", "Read more:", "See also:", "RELATED"])
def test_related_marker_and_its_headline_are_removed(marker: str) -> None:
    content = f"{LEAD}\n\n{marker}\nFishing Fleet Blockade Enters Second Week\n\n{SECOND}\n"
    article = clean(content)
    assert paragraphs(article) == [LEAD, SECOND]


def test_related_headline_after_a_blank_line_and_a_list_of_links() -> None:
    content = (
        f"{LEAD}\n\nRELATED:\n\n• Fishing Fleet Blockade Enters Second Week\n"
        "• Ferry Routes Closed by Storm\n\n"
        f"{SECOND}\n\nRead more: Harbour Dispute Explained\n"
    )
    assert paragraphs(clean(content)) == [LEAD, SECOND]


def test_related_marker_spares_a_body_paragraph() -> None:
    # A bare marker at the end of a block whose links were lost: the next line is prose, kept.
    article = clean(f"{LEAD}\n\nRelated:\n\n{SECOND}\n")
    assert paragraphs(article) == [LEAD, SECOND]


def test_photo_credit_is_cut_from_the_caption_and_the_caption_kept_once() -> None:
    caption = "Delegates arrive at the harbour office in Valdoria on March 2, 2023."
    content = f"• {caption}\n\n    {caption} | Photo: Reuters\n\n{LEAD}\n\n{SECOND}\n"
    article = clean(content, title="Harbour Talks Resume")
    assert paragraphs(article) == [caption, LEAD, SECOND]


def test_reuters_trailer_glued_to_a_paragraph_is_cut() -> None:
    article = clean(f"{LEAD}\n\n{SECOND} (Reporting by Tomas Lind; Editing by Ana Ruiz)\n")
    assert paragraphs(article) == [LEAD, SECOND]


# --- header: title, dates, byline ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 16 November 2018", date(2018, 11, 16)),
        ("Published: 2018-11-16", date(2018, 11, 16)),
        ("Updated 4 May 2024 10:31 GMT", date(2024, 5, 4)),
        ("Published on March 3, 2023", date(2023, 3, 3)),
        ("Posted Nov. 16, 2018", date(2018, 11, 16)),
        ("Published 2018-11-16T09:15:00Z", date(2018, 11, 16)),
        ("16 November 2018", date(2018, 11, 16)),
        ("Friday, 16 November 2018, 10:31", date(2018, 11, 16)),
    ],
)
def test_date_lines_give_the_date_and_are_removed(line: str, expected: date) -> None:
    article = clean(f"Harbour Talks Resume in Valdoria\n\n{line}\n\n{LEAD}\n\n{SECOND}\n")
    assert article.published == expected
    assert paragraphs(article) == [LEAD, SECOND]


def test_declared_date_wins_but_the_date_line_still_goes() -> None:
    article = clean(f"Published 16 November 2018\n\n{LEAD}\n\n{SECOND}\n", published=date(2018, 11, 15))
    assert article.published == date(2018, 11, 15)
    assert paragraphs(article) == [LEAD, SECOND]


def test_published_line_wins_over_updated_line() -> None:
    article = clean(f"Updated 4 May 2024 10:31 GMT\nPublished 3 May 2024\n\n{LEAD}\n\n{SECOND}\n")
    assert article.published == date(2024, 5, 3)


def test_undatable_timestamp_line_is_removed_without_a_date() -> None:
    article = clean(f"Updated 10:31 GMT\n\n{LEAD}\n\n{SECOND}\n")
    assert article.published is None
    assert paragraphs(article) == [LEAD, SECOND]


def test_dated_title_line() -> None:
    article = clean(f" date 2024-08-22 Harbour Talks Resume, Quotas on the Table\n\n{LEAD}\n\n{SECOND}\n")
    assert article.title == "Harbour Talks Resume, Quotas on the Table"
    assert article.published == date(2024, 8, 22)
    assert paragraphs(article) == [LEAD, SECOND]


def test_declared_title_wins_and_its_repeat_in_the_text_goes() -> None:
    article = clean(
        f"Harbour Talks Resume in Valdoria\n\n{LEAD}\n\n{SECOND}\n", title="Harbour Talks Resume in Valdoria"
    )
    assert paragraphs(article) == [LEAD, SECOND]
    other = clean(f"Harbour Talks Resume in Valdoria\n\n{LEAD}\n\n{SECOND}\n", title="Talks Resume")
    assert other.title == "Talks Resume"
    assert other.body.startswith("Harbour Talks Resume in Valdoria")  # not the declared title: kept


def test_headline_is_the_first_substantive_line_before_the_body() -> None:
    content = (
        "• Live\n• Home\nPolitics > Europe\n\nHarbour Talks Resume in Valdoria\n\n"
        f"Published 3 March 2023\nAnalysis\n\n{LEAD}\n\nA Subheading Inside The Story\n\n{SECOND}\n"
    )
    article = clean(content)
    assert article.title == "Harbour Talks Resume in Valdoria"
    assert paragraphs(article) == [LEAD, "A Subheading Inside The Story", SECOND]


@pytest.mark.parametrize(
    "first",
    [
        "Talks resumed.",  # ends like a sentence
        "Resumed",  # too short to be a headline
        "talks resume in valdoria after a pause",  # does not start with a capital
    ],
)
def test_no_headline_is_invented(first: str) -> None:
    article = clean(f"{first}\n\n{LEAD}\n\n{SECOND}\n")
    assert article.title is None
    assert paragraphs(article)[0] == first


def test_hard_wrapped_body_ends_the_header_zone() -> None:
    wrapped = (
        "Negotiators from the two coastal provinces\nreturned to the table on Friday after a pause\n"
        "of nearly three months, officials said.\n\nThe talks are expected to focus\non fishing quotas.\n\n"
        "By The Harbour\n\nA Subheading Inside The Story\n\n"
    )
    article = clean(wrapped + SECOND)
    assert article.title is None
    assert article.byline is None
    assert paragraphs(article)[2:] == ["By The Harbour", "A Subheading Inside The Story", SECOND]


@pytest.mark.parametrize(
    "line",
    [
        "Dated 12 May 2021, the letter was signed by both ministers.",
        "Published in 2019, the report found the harbour overfished.",
    ],
)
def test_prose_starting_with_a_date_word_is_kept(line: str) -> None:
    article = clean(f"{LEAD}\n\n{line}\n\n{SECOND}\n")
    assert article.published is None
    assert paragraphs(article) == [LEAD, line, SECOND]


def test_no_title_when_the_text_starts_with_the_body() -> None:
    article = clean(f"{LEAD}\n\nA Subheading Inside The Story\n\n{SECOND}\n")
    assert article.title is None
    assert paragraphs(article) == [LEAD, "A Subheading Inside The Story", SECOND]


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Mira Okonkwo", "Mira Okonkwo"),
        ("BY MIRA OKONKWO", "MIRA OKONKWO"),
        ("By Mira Okonkwo and Tomas Lind", "Mira Okonkwo and Tomas Lind"),
        ("By Mira Okonkwo, Coastal Wire", "Mira Okonkwo, Coastal Wire"),
        ("By: Mira Okonkwo | Published 3 March 2023", "Mira Okonkwo"),
    ],
)
def test_byline_at_the_top(line: str, byline: str) -> None:
    article = clean(f"Harbour Talks Resume in Valdoria\n{line}\n\n{LEAD}\n\n{SECOND}\n")
    assert article.byline == byline
    assert paragraphs(article) == [LEAD, SECOND]


def test_assistance_credit_is_not_a_byline() -> None:
    article = clean(f"With assistance from Tomas Lind\n\n{LEAD}\n\n{SECOND}\n")
    assert article.byline is None
    assert "Tomas Lind" not in article.body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 November 2018", date(2018, 11, 16)),
        ("November 16, 2018", date(2018, 11, 16)),
        ("Nov. 16, 2018", date(2018, 11, 16)),
        ("Sept 5, 2018", date(2018, 9, 5)),
        ("November 16th, 2018", date(2018, 11, 16)),
        ("2018-11-16", date(2018, 11, 16)),
        ("2018-11-16T10:31:00+01:00", date(2018, 11, 16)),
        ("4 May 2024 10:31 GMT", date(2024, 5, 4)),
        ("16/11/2018", None),  # day/month order cannot be told: not guessed
        ("Thursday", None),
        ("May 2024", None),
        ("3 hours ago", None),
        ("0999-01-01", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


# --- paragraphs ------------------------------------------------------------------------------------------


def test_paragraph_spans_point_into_the_body() -> None:
    content = f"{LEAD}\n\n{SECOND}\n\n• A first bulleted point about quotas.\n• A second point about the harbour.\n"
    article = clean(content)
    assert paragraphs(article) == [
        LEAD,
        SECOND,
        "A first bulleted point about quotas.",
        "A second point about the harbour.",
    ]
    assert article.body == "\n\n".join(paragraphs(article))
    assert article.paragraphs[0][0] == 0
    assert article.paragraphs[-1][1] == len(article.body)


def test_wrapped_lines_are_joined_and_spaces_collapsed() -> None:
    content = (
        "Negotiators from the two coastal provinces\nreturned to   the table\u00a0on Friday,\r\n"
        "  officials said.\n\n" + SECOND
    )
    article = clean(content)
    assert paragraphs(article) == [
        "Negotiators from the two coastal provinces returned to the table on Friday, officials said.",
        SECOND,
    ]


def test_unicode_is_nfc_and_curly_quotes_are_kept() -> None:
    decomposed = unicodedata.normalize("NFD", "The café in Zürich said “we are open” to visitors. " * 2)
    article = clean(decomposed + "\n\n" + SECOND)
    assert paragraphs(article)[0] == unicodedata.normalize("NFC", decomposed).strip()
    assert "“we are open”" in article.body


def test_repeated_paragraphs_are_kept_once() -> None:
    content = f"{LEAD}\n\n{LEAD.upper()}\n\n{SECOND}\n\n{LEAD.replace(' ', '  ')}\n\n{SECOND}\n"
    assert paragraphs(clean(content)) == [LEAD, SECOND]


def test_content_hash_tells_bodies_apart() -> None:
    first = clean(f"{LEAD}\n\n{SECOND}\n")
    same = clean(f"\n\n{LEAD}\n\n\n{SECOND}\n\nShare\n")
    other = clean(f"{SECOND}\n\n{LEAD}\n")
    assert first.content_hash == same.content_hash == hashlib.sha256(first.body.encode()).hexdigest()
    assert other.content_hash != first.content_hash


# --- rejections --------------------------------------------------------------------------------------------


def test_only_furniture_is_no_content() -> None:
    result = clean_document(text_doc("• Home\n• Share\nNews > World\n\nComments\n0\n© 2024 The Coastal Ledger\n"))
    assert isinstance(result, Rejected)
    assert (result.stage, result.reason, result.doc_id, result.origin) == (
        "clean",
        "no_content",
        "t1",
        "test",
    )
    assert result.detail


def test_short_body_is_too_short_unless_the_minimum_allows_it() -> None:
    doc = text_doc("The harbour reopened on Friday.\n")
    result = clean_document(doc)
    assert isinstance(result, Rejected)
    assert result.reason == "too_short"
    assert "31 characters" in result.detail
    assert isinstance(clean_document(doc, options=CleanOptions(min_body_chars=10)), Article)


def test_clean_documents_streams_and_passes_rejections_through() -> None:
    earlier = Rejected(origin="x.png", stage="ingest", reason="binary", detail="binary", doc_id="x.png")
    results = list(clean_documents([text_doc(f"{LEAD}\n\n{SECOND}\n"), earlier, text_doc("Share\n")]))
    assert isinstance(results[0], Article)
    assert results[1] is earlier
    assert isinstance(results[2], Rejected)
    assert results[2].reason == "no_content"


# --- properties -----------------------------------------------------------------------------------------

_LINES = st.sampled_from(
    [
        LEAD,
        SECOND,
        "",
        "",
        "• Share",
        "News > World",
        "RELATED:",
        "Published 16 November 2018",
        "By Mira Okonkwo",
    ]
) | st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80)


@settings(database=None, deadline=None, max_examples=200)
@given(lines=st.lists(_LINES, max_size=30), kind=st.sampled_from(["text", "html"]))
def test_any_input_gives_a_well_formed_article_or_a_rejection(lines: list[str], kind: Literal["text", "html"]) -> None:
    content = "\n".join(lines)
    result = clean_document(RawDocument(id="p", origin="prop", kind=kind, content=content))
    if isinstance(result, Rejected):
        assert result.reason in {"no_content", "too_short", "not_english"}
        return
    texts = paragraphs(result)
    assert result.body == "\n\n".join(texts)
    assert all(text and text == text.strip() and "\n" not in text for text in texts)
    assert len({paragraph_key(text) for text in texts}) == len(texts)
    assert unicodedata.is_normalized("NFC", result.body)
    assert len(result.body) >= CleanOptions().min_body_chars


@pytest.mark.parametrize(
    ("first", "dateline", "rest"),
    [
        ("MOSCOW, Aug 21 (Reuters) - Russian forces attacked.", "MOSCOW, Aug 21 (Reuters)", "Russian forces attacked."),
        ("KYIV, Ukraine (AP) — Ukraine said so.", "KYIV, Ukraine (AP)", "Ukraine said so."),
        ("NEW DELHI, 21 August (Reuters) - India said.", "NEW DELHI, 21 August (Reuters)", "India said."),
        ("WASHINGTON — The US said so.", "WASHINGTON", "The US said so."),
        ("US - China talks began on Monday.", None, "US - China talks began on Monday."),
        ("NATO - the alliance met.", None, "NATO - the alliance met."),
    ],
)
def test_dateline_is_cut_from_the_body_and_kept(first: str, dateline: str | None, rest: str) -> None:
    text = first + "\n\nA second paragraph follows with more words about it."
    article = clean_document(RawDocument(id="d", origin="d", kind="text", content=text), options=CleanOptions(1))
    assert isinstance(article, Article)
    assert article.dateline == dateline
    assert article.body.startswith(rest)
