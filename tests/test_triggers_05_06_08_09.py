"""Trigger rules of roots 05, 06, 08 and 09 on sentences written for these tests (real parse, real knowledge base)."""

from __future__ import annotations

import pytest
from tests.helpers import code_text, triples

from wirecoder.pipeline import Pipeline

pytestmark = pytest.mark.model


def _codes(pipeline: Pipeline, text: str, published: str = "2024-05-01") -> set[tuple[str | None, str, str | None]]:
    return triples(code_text(pipeline, text, published))


# -- 05 diplomatic cooperation ------------------------------------------------------------------


def test_coming_to_a_country_defence_is_052(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Hungarian Prime Minister Viktor Orban rushed to Israel's defence on Monday.")
    assert ("HUNGOV", "052", "ISR") in coded


def test_lobbying_partners_to_back_a_country_is_053(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Poland lobbied its NATO allies on Tuesday to back Ukraine's membership bid.")
    assert ("POL", "053", "UKR") in coded


def test_asking_for_forgiveness_is_an_apology(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "The Dutch king asked Indonesians for forgiveness for colonial-era violence on Tuesday.")
    assert any(code == "055" and target == "IDN" for _, code, target in coded)


def test_welcoming_remarks_is_approval_not_hosting(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Beijing welcomed German Chancellor Olaf Scholz's remarks on trade on Friday.")
    assert ("CHN", "051", "DEUGOV") in coded
    assert not any(code == "043" for _, code, _ in coded)


# -- 06 material cooperation --------------------------------------------------------------------


def test_training_another_state_soldiers_is_062(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "British instructors began training Ukrainian marines in southern England on Monday.")
    assert any(code == "062" and target == "UKRMIL" for _, code, target in coded)


def test_training_own_staff_is_no_cooperation(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "The Federal Reserve trained its staff on new payment rules on Monday.")
    assert not any(code.startswith("06") for _, code, _ in coded)


def test_settling_trade_in_local_currencies_is_061(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "China and Brazil agreed last year and began on Monday settling their trade in yuan.")
    assert {("CHN", "061", "BRA"), ("BRA", "061", "CHN")} & coded


def test_linking_payment_systems_is_061(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "China and Pakistan linked their payment systems on Monday.")
    assert ("CHN", "061", "PAK") in coded


def test_extradition_naming_its_giver_is_063(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline, "The extradition of a Mexican cartel leader to the United States by Mexico ended a long saga."
    )
    assert ("MEX", "063", "USA") in coded


def test_tip_off_received_from_another_service_is_064(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline, "German police received a tip-off from Turkish intelligence about the plot, officials said."
    )
    assert ("TURSPY", "064", "DEUCOP") in coded


def test_southern_tip_is_no_tip_off(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Italy's southern tip was hit by heavy storms on Monday.")
    assert not any(code == "064" for _, code, _ in coded)


# -- 08 yield -----------------------------------------------------------------------------------


def test_returning_seized_vessels_names_their_owner(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline, "Iran returned two fishing trawlers it had seized from Pakistan, officials said on Monday."
    )
    assert ("IRN", "0842", "PAK") in coded


def test_handing_back_remains_is_0842(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Germany handed back the remains of 20 people to Namibia on Tuesday.")
    assert ("DEU", "0842", "NAM") in coded


def test_handing_over_helicopters_is_aid_not_a_return(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Slovakia handed over eight helicopters to Ukraine on Monday.")
    assert not any(code.startswith("08") for _, code, _ in coded)


def test_restoring_a_partner_to_the_white_list_is_085(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Japan restored South Korea to its white list of trusted trading partners on Monday.")
    assert ("JPN", "085", "KOR") in coded


def test_reversing_export_curbs_is_085(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "China reversed its export curbs on Japanese seafood on Tuesday.")
    assert any(code == "085" and source == "CHN" for source, code, _ in coded)


def test_bowing_to_protesters_is_a_concession(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline, "Serbia's government bowed to Serbian protesters on Monday and dropped the mining project."
    )
    assert any(code.startswith("08") and source == "SRBGOV" for source, code, _ in coded)


def test_talks_on_disengagement_are_no_disengagement(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Indian and Chinese commanders held talks on disengagement along the border on Sunday.")
    assert not any(code.startswith("087") for _, code, _ in coded)


def test_burning_weapons_is_disarmament(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Dozens of ELN fighters burned their weapons at a ceremony in Colombia on Friday.")
    assert any(code == "0873" for _, code, _ in coded)


# -- 09 investigate -----------------------------------------------------------------------------


def test_police_raiding_a_politician_home_is_a_search(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Brazilian police raided former President Jair Bolsonaro's home on Wednesday.")
    assert ("BRACOP", "091", "BRAELI") in coded
    assert not any(code.startswith("19") for _, code, _ in coded)


def test_searching_an_estate_is_091(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Spanish police searched Colombian singer Shakira's estate near Barcelona on Monday.")
    assert any(code == "091" and source == "ESPCOP" for source, code, _ in coded)


def test_examining_reports_of_abuses_is_092(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "The U.N. is examining reports of abuses by Ethiopian troops in Tigray.")
    assert ("IGOUNO", "092", "ETHMIL") in coded


def test_examining_a_proposal_is_no_investigation(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Kyiv is examining the proposal from Ankara, a Ukrainian official said.")
    assert not any(code.startswith("09") for _, code, _ in coded)


def test_setting_up_a_committee_of_inquiry_is_090(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Kenya's parliament set up a committee of inquiry into abuses by Kenyan police.")
    assert ("KENLEG", "092", "KENCOP") in coded
