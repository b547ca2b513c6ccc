"""Direct quotes and their speakers: unit tests on hand-written wire copy with hand-built mentions,
then through the real pipeline into a real DuckDB file, the CLI, and the 2024 seed article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.helpers import article_from_text

from wirecoder.api import code_into_store
from wirecoder.cli import main
from wirecoder.config import load_settings
from wirecoder.nlp.segment import split_sentences
from wirecoder.pipeline import Pipeline
from wirecoder.quotes import MAX_QUOTE_CHARS, extract_quotes
from wirecoder.records import Article, Mention, Quote
from wirecoder.store import DuckDBStore

PEOPLE = {
    "Sergei Lavrov": ("RUSGOV", "Sergei Lavrov"),
    "Lavrov": ("RUSGOV", "Sergei Lavrov"),
    "Antony Blinken": ("USAGOV", "Antony Blinken"),
    "Blinken": ("USAGOV", "Antony Blinken"),
    "Wang Yi": ("CHNGOV", "Wang Yi"),
    "Zelenskiy": ("UKRGOV", "Volodymyr Zelenskiy"),
    "Erdogan": ("TURGOV", "Recep Tayyip Erdogan"),
    "Viktor Orban": ("HUNGOV", "Viktor Orban"),
    "Kim Jong Un": ("PRKGOV", "Kim Jong Un"),
    "Putin": ("RUSGOV", "Vladimir Putin"),
    "Macron": ("FRAGOV", "Emmanuel Macron"),
    "Annalena Baerbock": ("DEUGOV", "Annalena Baerbock"),
    "Yoav Gallant": ("ISRGOV", "Yoav Gallant"),
}
PLACES = {"Russia": "RUS", "Ukraine": "UKR", "Moscow": "RUS", "Beijing": "CHN", "West": "WST", "Tehran": "IRN"}


def _article(body: str) -> Article:
    return article_from_text(body, article_id="t")


def _mentions(article: Article) -> list[Mention]:
    """Mentions of the names above wherever they occur (longest first, no overlaps), as the resolver gives them."""
    sentences = split_sentences(article)
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    names = sorted([*PEOPLE, *PLACES], key=len, reverse=True)
    for name in names:
        start = article.body.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                index = next(s.index for s in sentences if s.span[0] <= start < s.span[1])
                if name in PEOPLE:
                    code, canonical = PEOPLE[name]
                    found.append(Mention("t", index, (start, end), name, "person", code, canonical))
                else:
                    found.append(Mention("t", index, (start, end), name, "country", PLACES[name], name))
            start = article.body.find(name, end)
    return sorted(found, key=lambda m: m.span)


def quotes_of(body: str) -> list[Quote]:
    article = _article(body)
    found = extract_quotes(article, split_sentences(article), _mentions(article))
    for quote in found:  # the span is the quoted words, without the marks
        assert body[quote.span[0] : quote.span[1]] == quote.text
    return found


def who(quote: Quote) -> tuple[str | None, str | None, str]:
    return quote.speaker_name or quote.speaker_text, quote.speaker_code, quote.method


# -- wire patterns ------------------------------------------------------------------------------


def test_quote_then_said_clause() -> None:
    [quote] = quotes_of('"We will not accept any ultimatum," Lavrov said on Tuesday.')
    assert quote.text == "We will not accept any ultimatum"  # without the marks and the trailing comma
    assert who(quote) == ("Sergei Lavrov", "RUSGOV", "said-clause")
    assert not quote.partial and quote.sentence_index == 0 and quote.speaker_span == (36, 42)


def test_inverted_said_and_told_reporters() -> None:
    [first, second] = quotes_of(
        "“The door remains open,” said Antony Blinken, the U.S. secretary of state.\n\n"
        "“We are ready to talk,” Erdogan told reporters in Ankara."
    )
    assert who(first) == ("Antony Blinken", "USAGOV", "said-clause")
    assert who(second) == ("Recep Tayyip Erdogan", "TURGOV", "said-clause")


def test_colon_in_the_sentence_and_closing_the_paragraph_before() -> None:
    [first, second] = quotes_of(
        "Russian Foreign Minister Sergei Lavrov told reporters: “The West has chosen confrontation.”\n\n"
        "Blinken said in reply:\n\n"
        '"Russia chose this war."'
    )
    assert who(first) == ("Sergei Lavrov", "RUSGOV", "colon")
    assert who(second) == ("Antony Blinken", "USAGOV", "colon")
    assert not first.partial


def test_said_that_partial_quote() -> None:
    [quote] = quotes_of("Blinken said that the talks had been “candid and constructive” and would go on in May.")
    assert quote.text == "candid and constructive"
    assert quote.partial and who(quote) == ("Antony Blinken", "USAGOV", "said-clause")


def test_speaker_told_someone_that_and_participle() -> None:
    [told, saying] = quotes_of(
        "Wang Yi told Sergei Lavrov in Beijing that relations “have never been better.”\n\n"
        "Putin hit back at the West, saying “the sanctions have failed.”"
    )
    assert who(told) == ("Wang Yi", "CHNGOV", "said-clause")  # the subject, not the one told
    assert who(saying) == ("Vladimir Putin", "RUSGOV", "said-clause")


def test_coordinated_verb_and_introductory_place_keep_the_clause_subject() -> None:
    [denied, saying] = quotes_of(
        "He denied that Moscow had spied on anyone and called the decision “unfounded and hostile”.\n\n"
        "In Moscow, Lavrov threatened to retaliate, saying Russia would answer with “measures the West will not like”."
    )
    assert denied.speaker_text == "He" and denied.method == "pronoun"  # no one named before: left as "He"
    assert who(saying) == ("Sergei Lavrov", "RUSGOV", "said-clause")  # not Moscow


def test_partial_quote_with_the_speaker_after_it() -> None:
    [quote] = quotes_of("Russia is ready to deepen its “all-round practical cooperation,” Wang Yi told Lavrov.")
    assert quote.partial and quote.text == "all-round practical cooperation"
    assert who(quote) == ("Wang Yi", "CHNGOV", "said-clause")


def test_quote_over_several_sentences_is_one_quote() -> None:
    body = "“We are ready. We have always been ready. The other side is not,” Zelenskiy said in Kyiv."
    [quote] = quotes_of(body)
    assert quote.text == "We are ready. We have always been ready. The other side is not"
    assert len(split_sentences(_article(body))) == 3 and quote.sentence_index == 0
    assert who(quote) == ("Volodymyr Zelenskiy", "UKRGOV", "said-clause")


def test_nested_quote_stays_inside_the_outer_one() -> None:
    [quote] = quotes_of("“He told me: ‘We will not retreat,’ and I believe him,” Macron said.")
    assert quote.text == "He told me: ‘We will not retreat,’ and I believe him"
    assert who(quote) == ("Emmanuel Macron", "FRAGOV", "said-clause")


def test_according_to() -> None:
    [quote] = quotes_of("“The strikes will continue until the hostages are home,” according to Yoav Gallant.")
    assert who(quote) == ("Yoav Gallant", "ISRGOV", "according-to")


def test_quoted_as_saying_and_unnamed_speakers() -> None:
    [quoted, official, analysts] = quotes_of(
        "“We are ready for talks,” the Interfax agency quoted Putin as saying.\n\n"
        "“Prices will rise this winter,” a senior official said.\n\n"
        "“The ceasefire will not hold,” analysts said."
    )
    assert who(quoted) == ("Vladimir Putin", "RUSGOV", "said-clause")
    assert who(official) == ("a senior official", None, "said-clause")
    assert who(analysts) == ("analysts", None, "said-clause")


def test_an_earlier_quote_in_the_sentence_does_not_hide_its_speaker() -> None:
    [quote] = quotes_of('Kim Jong Un said the test was a "warning" to "the U.S. and its vassal forces," KCNA reported.')
    assert quote.text == "the U.S. and its vassal forces" and quote.partial  # "warning" is a scare quote
    assert who(quote) == ("Kim Jong Un", "PRKGOV", "said-clause")  # not KCNA, which reported it
    [quote] = quotes_of('Putin vowed "mighty vengeance" and said: "We will win."')
    assert who(quote) == ("Vladimir Putin", "RUSGOV", "colon")


# -- pronouns and runs of quotes -----------------------------------------------------------------


def test_he_said_after_a_named_person() -> None:
    [quote] = quotes_of(
        "Wang Yi met Sergei Lavrov in Beijing on Monday.\n\n“Our friendship has no limits,” he said after the talks."
    )
    # The person the previous sentence is about (its first person), not the last one named.
    assert who(quote) == ("Wang Yi", "CHNGOV", "pronoun")
    assert quote.speaker_text == "Wang Yi" and quote.speaker_span == (0, 7)


def test_she_said_follows_the_speaker_of_the_previous_quote() -> None:
    [first, second] = quotes_of(
        "“Europe stands with Ukraine,” Annalena Baerbock said after meeting Zelenskiy.\n\n"
        "“We will not waver,” she added."
    )
    assert who(first) == ("Annalena Baerbock", "DEUGOV", "said-clause")
    assert who(second) == ("Annalena Baerbock", "DEUGOV", "pronoun")


def test_he_with_no_one_before_is_kept_unresolved() -> None:
    [quote] = quotes_of("“We are not afraid,” he said.")
    assert quote.speaker_text == "he" and quote.speaker_code is None and quote.method == "pronoun"


def test_continuing_quote_takes_the_previous_speaker_only_when_adjacent() -> None:
    carried, running, last, alone = quotes_of(
        "“We will rebuild every city,” Zelenskiy said. “Every village.\n\n"
        "“Every home.”\n\n"
        "The president later met soldiers near the front. The visit lasted two hours.\n\n"
        "“Nobody will be forgotten.”"
    )
    assert who(carried) == ("Volodymyr Zelenskiy", "UKRGOV", "said-clause")
    assert running.text == "Every village." and who(running) == ("Volodymyr Zelenskiy", "UKRGOV", "previous-speaker")
    assert last.text == "Every home." and who(last) == ("Volodymyr Zelenskiy", "UKRGOV", "previous-speaker")
    assert alone.text == "Nobody will be forgotten." and who(alone) == (None, None, "none")


def test_a_speaker_clause_cut_into_its_own_sentence_still_carries_on() -> None:
    first, second = quotes_of('"Why should we pay?" Viktor Orban asked. "Brussels wants our money."')
    assert who(first) == ("Viktor Orban", "HUNGOV", "said-clause")
    assert who(second) == ("Viktor Orban", "HUNGOV", "previous-speaker")


def test_paragraph_that_runs_on_takes_the_next_speaker() -> None:
    first, second = quotes_of("“We will fight on the beaches.\n\n“We shall never surrender,” Zelenskiy said.")
    assert first.text == "We will fight on the beaches." and who(first)[2] == "next-speaker"
    assert who(first)[:2] == who(second)[:2] == ("Volodymyr Zelenskiy", "UKRGOV")


def test_a_new_speaker_is_not_carried_over() -> None:
    first, second = quotes_of("“We want peace,” Putin said. “So do we,” Zelenskiy said.")
    assert who(first)[1] == "RUSGOV" and who(second)[1] == "UKRGOV"


# -- marks ---------------------------------------------------------------------------------------


def test_curly_and_straight_quotes_give_the_same_result() -> None:
    curly = quotes_of("“We will respond to any attack,” Lavrov said. Blinken said the West “will not be deterred.”")
    straight = quotes_of('"We will respond to any attack," Lavrov said. Blinken said the West "will not be deterred."')
    assert [(q.text, who(q), q.partial, q.span) for q in curly] == [
        (q.text, who(q), q.partial, q.span) for q in straight
    ]
    assert [who(q)[1] for q in curly] == ["RUSGOV", "USAGOV"]


def test_single_curly_quotes_are_quotes_and_apostrophes_are_not() -> None:
    first, second = quotes_of(
        "‘We will never give up Crimea’s future,’ Zelenskiy said.\n\n‘The allies’ support is vital,’ Zelenskiy added."
    )
    assert first.text == "We will never give up Crimea’s future"
    assert second.text == "The allies’ support is vital"  # a plural possessive does not close the quote
    assert who(first)[1] == who(second)[1] == "UKRGOV"
    assert quotes_of("Russia’s envoy said the countries’ ties were strong and Ukraine’s allies agreed.") == []


def test_scare_quotes_and_names_in_marks_are_not_quotes() -> None:
    assert (
        quotes_of(
            "Washington’s ‘maximum pressure’ campaign on Tehran went on, and the envoy called the sanctions “illegal”. "
            "China’s “Belt and Road” plan was not discussed."
        )
        == []
    )
    # A one-word answer with its own speaker clause is a quote.
    [quote] = quotes_of("“No,” Lavrov said when asked about a truce.")
    assert quote.text == "No" and who(quote)[1] == "RUSGOV"


def test_unbalanced_marks_do_not_swallow_the_article() -> None:
    body = (
        'Putin said "the operation will go on as planned.\n\n'
        "The Kremlin gave no details. Analysts were divided about what comes next.\n\n"
        "“We expect more strikes,” Zelenskiy said. A stray ” mark and a lone “ mark.\n\n"
        "“Unclosed and never continued. " + "Words go on. " * 200
    )
    [quote] = quotes_of(body)
    assert quote.text == "We expect more strikes" and who(quote)[1] == "UKRGOV"


def test_a_long_unclosed_quote_is_capped() -> None:
    body = "“" + "Talk goes on and on. " * 120 + "\n\n“And on,” Lavrov said."
    found = quotes_of(body)
    assert all(q.span[1] - q.span[0] <= MAX_QUOTE_CHARS for q in found)
    assert [q.text for q in found] == ["And on"]


def test_no_marks_no_quotes() -> None:
    assert quotes_of("Lavrov met Blinken in Geneva.") == []
    assert quotes_of("") == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(['"', "“", "”", "‘", "’", " ", "\n\n", ",", ".", "Lavrov said", "he said", "We won", ":"]),
        max_size=60,
    )
)
def test_any_arrangement_of_marks_is_safe(parts: list[str]) -> None:
    body = "".join(parts)
    for quote in quotes_of(body):
        assert quote.span[0] < quote.span[1] <= len(body)
        assert "\n\n" not in quote.text and len(quote.text) <= MAX_QUOTE_CHARS


# -- through the real pipeline, the store and the CLI ---------------------------------------------

ARTICLE = """ date 2024-03-12 Lavrov warns the West

Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow would respond to any deployment of Western
troops in Ukraine.

"Any such step would be a direct confrontation with Russia," Lavrov told reporters in Moscow. "We have warned
them many times.

"They do not listen."

U.S. Secretary of State Antony Blinken said Washington would keep supporting Kyiv, calling Russia's threats
“reckless and dangerous.”
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    folder = tmp_path_factory.mktemp("quotes")
    (folder / "lavrov.txt").write_text(ARTICLE, encoding="utf-8")
    settings = load_settings(store={"path": str(folder / "q.duckdb")})
    code_into_store([str(folder / "lavrov.txt")], settings, pipeline=pipeline)
    code_into_store([str(folder / "lavrov.txt")], settings, pipeline=pipeline)  # again: replaces, never adds
    return folder / "q.duckdb"


def test_pipeline_codes_and_stores_quotes(store_path: Path) -> None:
    with DuckDBStore(store_path, read_only=True) as store:
        rows = store.quotes(article="lavrov.txt")
        body = store.articles()[0]["body"]
        assert store.table("quotes", "lavrov.txt") == rows
    assert [r["text"] for r in rows] == [
        "Any such step would be a direct confrontation with Russia",
        "We have warned them many times.",
        "They do not listen.",
        "reckless and dangerous.",
    ]
    for row in rows:
        assert body[row["span_start"] : row["span_end"]] == row["text"]
    assert [(r["speaker_code"], r["speaker_name"], r["method"]) for r in rows] == [
        ("RUSGOV", "Sergei Lavrov", "said-clause"),
        ("RUSGOV", "Sergei Lavrov", "previous-speaker"),
        ("RUSGOV", "Sergei Lavrov", "previous-speaker"),
        ("USAGOV", "Antony Blinken", "said-clause"),
    ]
    assert [r["partial"] for r in rows] == [False, False, False, True]


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_quotes_command(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "quotes", "--db", str(store_path), "--format", "jsonl", "--speaker", "rus")
    rows: list[dict[str, Any]] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3 and {r["speaker_code"] for r in rows} == {"RUSGOV"}
    assert {"article", "speaker", "speaker_code", "speaker_name", "method", "partial", "text", "span"} <= rows[0].keys()

    code, out, _ = _cli(capsys, "quotes", "--db", str(store_path), "--format", "csv", "--article", "lavrov.txt")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("article,sentence_index,speaker") and len(lines) == 5

    code, out, _ = _cli(capsys, "quotes", "--db", str(store_path))
    assert code == 0 and "found by" in out.splitlines()[0] and "Antony Blinken" in out

    code, out, _ = _cli(capsys, "quotes", "--db", str(store_path), "--article", "nothing-here")
    assert code == 0 and out == "no quotes\n"


def test_quotes_command_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    code, out, err = _cli(capsys, "quotes", "--db", str(store_path), "--format", "xml")
    assert code == 2 and out == "" and err.count("\n") == 1 and "xml" in err
    code, out, err = _cli(capsys, "quotes", "--db", str(store_path), "--speaker", "RUS GOV")
    assert code == 2 and out == "" and "not an actor code" in err
    code, out, err = _cli(capsys, "quotes", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "no store" in err and "Traceback" not in err


def test_store_made_before_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "old.duckdb"
    with DuckDBStore(db) as store:
        store.con.execute("DROP TABLE quotes")  # as a store from before quotes were stored
    code, _, err = _cli(capsys, "quotes", "--db", str(db))
    assert code == 1 and "code its articles again" in err
    with DuckDBStore(db) as store:  # a writable open adds the table
        assert store.quotes() == []


# -- the 2024 seed ---------------------------------------------------------------------------------


@pytest.mark.seeds
def test_seed_2024_quotes_have_their_speakers(shared: Path, pipeline: Pipeline) -> None:
    [coded] = [c for c in pipeline.run([str(shared / "seeds" / "003_66b792bd0c43631e.txt")]) if hasattr(c, "quotes")]
    found = [(" ".join(q.text.split()[:3]), q.speaker_name, q.speaker_code, q.method, q.partial) for q in coded.quotes]
    assert found == [
        # Li Qiang told Putin that relations "benefit ..." (the paragraph is printed twice, kept once)
        ("benefit regional and", "Li Qiang", "CHNGOV", "said-clause", True),
        # ... their "all-round practical cooperation," Li told his Russian counterpart
        ("all-round practical cooperation", "Li Qiang", "CHNGOV", "said-clause", True),
        # He also pledged to push ... "to a new level," the official Xinhua News Agency reported
        ("to a new", "Li Qiang", "CHNGOV", "pronoun", True),
        # "China and Russia should ...," according to the report (Xinhua's, named the sentence before)
        ("China and Russia", None, None, "according-to", False),
    ]
    assert coded.quotes[-1].speaker_text == "Xinhua"
