"""Language detection and the ``not_english`` rejection, on paragraphs written for these tests."""

from __future__ import annotations

import pytest

from language_samples import ENGLISH, SAMPLES
from readers_build import news_page
from wirecoder.clean import CleanOptions, clean_document
from wirecoder.clean.language import detect_language, foreign_language, language_code
from wirecoder.records import Article, RawDocument, Rejected

FOREIGN = [(code, text) for code, texts in SAMPLES.items() for text in texts]


@pytest.mark.parametrize(("code", "text"), FOREIGN, ids=[f"{c}-{n}" for n, (c, _) in enumerate(FOREIGN)])
def test_foreign_paragraphs_are_detected(code: str, text: str) -> None:
    found = foreign_language(text)
    assert found is not None
    assert found.code == code


@pytest.mark.parametrize("text", ENGLISH, ids=[text[:24] for text in ENGLISH])
def test_english_full_of_foreign_names_and_short_briefs_is_kept(text: str) -> None:
    assert foreign_language(text) is None
    assert foreign_language(text, hint="en-US") is None


@pytest.mark.parametrize("headline", ["Gaza ceasefire holds", "Modi visits Dhaka.", "Sánchez wins in Madrid"])
def test_short_english_is_never_rejected_even_when_cld2_guesses_otherwise(headline: str) -> None:
    assert foreign_language(headline) is None


def test_a_declared_language_confirms_a_short_text_but_never_overrides_the_text() -> None:
    short_french = "Le ministre a démissionné jeudi soir."
    assert foreign_language(short_french) is None  # too short to be sure on its own
    found = foreign_language(short_french, hint="fr-FR")
    assert found is not None
    assert found.describe() == "French (fr)"
    assert foreign_language(ENGLISH[0], hint="fr") is None  # a mislabelled English page


def test_an_english_story_with_a_long_foreign_quote_is_kept() -> None:
    mixed = f"{ENGLISH[6]} {ENGLISH[0]}\n\n{SAMPLES['fr'][2]}\n\n{ENGLISH[1]} {ENGLISH[3]}"
    assert foreign_language(mixed) is None


def test_detection_of_undeterminable_and_odd_input() -> None:
    assert detect_language("").code is None
    assert detect_language("12345 67890 !!!").code is None
    assert detect_language("Control \x00\x07 characters and a lone \ud800 surrogate in English text.").code == "en"


@pytest.mark.parametrize(("tag", "code"), [("fr-FR", "fr"), ("EN", "en"), ("pt_BR", "pt"), ("iw", "he"), ("x", None)])
def test_language_codes(tag: str, code: str | None) -> None:
    assert language_code(tag) == code


def test_clean_rejects_a_french_page_and_keeps_a_mislabelled_english_one() -> None:
    french = news_page("Grève au port", list(SAMPLES["fr"]), lang="fr")
    result = clean_document(RawDocument(id="fr1", origin="fr.html", kind="html", content=french))
    assert isinstance(result, Rejected)
    assert (result.stage, result.reason, result.detail, result.doc_id) == (
        "clean",
        "not_english",
        "detected French (fr)",
        "fr1",
    )
    english = news_page("Talks in Moscow", list(ENGLISH[:3]), lang="fr")
    article = clean_document(RawDocument(id="en1", origin="en.html", kind="html", content=english))
    assert isinstance(article, Article)
    assert article.language == "en"


def test_feed_text_in_russian_is_rejected_and_the_check_can_be_widened_or_off() -> None:
    doc = RawDocument(id="ru1", origin="feed#1", kind="text", content="\n\n".join(SAMPLES["ru"]), language="ru")
    rejected = clean_document(doc)
    assert isinstance(rejected, Rejected)
    assert rejected.detail == "detected Russian (ru)"
    widened = clean_document(doc, options=CleanOptions(languages=("en", "ru")))
    assert isinstance(widened, Article)
    assert widened.language == "ru"
    unchecked = clean_document(doc, options=CleanOptions(languages=None))
    assert isinstance(unchecked, Article)
    assert unchecked.language == "ru"  # the declared language, undetected
