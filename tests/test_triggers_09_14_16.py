"""Trigger rules of CAMEO roots 09 (investigate), 14 (protest) and 16 (reduce relations), on sentences
written for these tests in wire-copy style (real spaCy parse, real knowledge base)."""

from __future__ import annotations

import pytest
from tests.helpers import code_text, triples

from wirecoder.pipeline import Pipeline

pytestmark = pytest.mark.model

DAY = "2024-05-08"


def _codes(pipeline: Pipeline, text: str) -> set[tuple[str | None, str, str | None]]:
    return triples(code_text(pipeline, text, DAY))


# -- 09 investigate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ukrainian prosecutors opened a criminal case against three Russian commanders on Tuesday.",
            {("UKRJUD", "091", "RUSMIL")},
        ),
        (
            "Swiss prosecutors launched criminal proceedings against two Nigerian businessmen on Monday.",
            {("CHEJUD", "091", "NGABUS")},
        ),
        (
            "Pakistani police searched the home of former Prime Minister Imran Khan on Saturday.",
            {("PAKCOP", "091", "PAKELI")},
        ),
        (
            "Amnesty International researchers gathered evidence of Sudanese soldiers' abuses in Darfur.",
            {("NGOAMN", "092", "SDNMIL")},
        ),
        (
            "UNIFIL said on Monday it had opened an inquiry into Israel's shelling of its positions near Naqoura.",
            {("IGOUNIFIL", "093", "ISR")},
        ),
    ],
)
def test_investigations_code_with_their_sub_code(pipeline: Pipeline, text: str, expected: set) -> None:
    assert _codes(pipeline, text) == expected


def test_war_crimes_inquiry_targets_the_country_where_they_were_committed(pipeline: Pipeline) -> None:
    text = "The International Criminal Court opened an investigation into alleged war crimes committed in Georgia."
    assert _codes(pipeline, text) == {("IGOICC", "094", "GEO")}


def test_searching_rubble_is_no_investigation(pipeline: Pipeline) -> None:
    text = "Rescuers searched the rubble of the collapsed building for survivors on Monday."
    assert _codes(pipeline, text) == set()


# -- 14 protest ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thousands of opposition supporters poured into the streets of Tbilisi on Sunday.",
            {("GEOOPP", "141", "GEOGOV")},
        ),
        (
            "Garment workers in Bangladesh launched an indefinite strike on Monday over the new pension law.",
            {("BGDLAB", "1432", "BGDGOV")},
        ),
        (
            "Hundreds of Kenyan doctors joined a nationwide strike on Wednesday.",
            {("KENHLH", "143", "KENGOV")},
        ),
        (
            "Hungarian farmers blocked the airport in Budapest with tractors on Monday.",
            {("HUNAGR", "144", "HUNGOV")},
        ),
        (
            "Palestinian youths threw stones at Israeli troops in Hebron on Friday.",
            {("PSE", "145", "ISRMIL")},
        ),
    ],
)
def test_protest_phrasings(pipeline: Pipeline, text: str, expected: set) -> None:
    assert _codes(pipeline, text) == expected


def test_blocking_roads_for_a_resignation_is_1441(pipeline: Pipeline) -> None:
    text = (
        "Protesters barricaded the main highway into La Paz on Tuesday to demand the resignation "
        "of President Luis Arce."
    )
    assert ("BOLCVL", "1441", "BOLGOV") in _codes(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's media regulator blocked access to the website of the Latvian broadcaster on Friday.",
        "The Israeli military launched a strike on a Hezbollah position in southern Lebanon.",
    ],
)
def test_blocking_a_website_or_an_air_strike_is_no_protest(pipeline: Pipeline, text: str) -> None:
    assert not {code for _, code, _ in _codes(pipeline, text) if code.startswith("14")}


# -- 16 reduce relations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington froze $200 million in military aid to Egypt on Thursday.",
            {("USA", "1622", "EGY")},
        ),
        (
            "The Netherlands paused $50 million in development aid to Mali on Friday.",
            {("NLD", "1621", "MLI")},
        ),
        (
            "Turkey put its mediation between Russia and Ukraine on hold on Monday.",
            {("TUR", "165", "RUS"), ("TUR", "165", "UKR")},
        ),
        (
            "Iran withdrew the accreditation of two IAEA inspectors on Saturday.",
            {("IRN", "1662", "IGOIAEA")},
        ),
        (
            "Mali's junta ended the mandate of the UN peacekeeping mission on Friday.",
            {("MLIGOV", "1661", "IGOUNO")},
        ),
        (
            "Ethiopia expelled aid workers from the Tigray region on Monday.",
            {("ETH", "1663", "ETHNGO")},
        ),
        (
            "The European Union imposed restrictions on Chinese steel imports on Wednesday.",
            {("IGOEUREEC", "163", "CHN")},
        ),
        (
            "Colombia suspended dialogue with the ELN on Monday.",
            {("COL", "164", "COLREBELN")},
        ),
        (
            "Niger's junta withdrew from the defence pact with France on Thursday.",
            {("NERGOV", "160", "FRA")},
        ),
    ],
)
def test_reducing_relations(pipeline: Pipeline, text: str, expected: set) -> None:
    assert _codes(pipeline, text) == expected


def test_journalists_accreditation_is_repression_not_expulsion(pipeline: Pipeline) -> None:
    text = "Niger withdrew the accreditation of French journalists on Tuesday."
    assert _codes(pipeline, text) == {("NER", "172", "FRAMED")}


@pytest.mark.parametrize(
    "text",
    [
        "The government cut fuel subsidies on Monday.",
        "Microsoft scrapped the deal with Activision on Monday.",
    ],
)
def test_budget_cuts_and_business_deals_are_no_reduced_relations(pipeline: Pipeline, text: str) -> None:
    assert _codes(pipeline, text) == set()
