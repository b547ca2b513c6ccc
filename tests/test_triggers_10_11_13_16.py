"""Trigger rules of roots 10-13 and 16 (demand, disapprove, reject, threaten, reduce relations) on
sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.helpers import code_text, triples

from wirecoder.pipeline import Pipeline

pytestmark = pytest.mark.model

DAY = "2024-05-10"


def _triples(pipeline: Pipeline, text: str) -> set[tuple[str | None, str, str | None]]:
    return triples(code_text(pipeline, text, DAY))


# -- 11: disapproval, accusation, official complaint ---------------------------------------------


def test_voiced_unease_over_a_plan_is_disapproval(pipeline: Pipeline) -> None:
    text = "Turkey voiced unease over Sweden's decision to allow the protest."
    assert _triples(pipeline, text) == {("TUR", "110", "SWE")}


def test_hit_back_at_is_criticism(pipeline: Pipeline) -> None:
    text = "Beijing hit back at Washington on Monday over the new chip curbs."
    assert _triples(pipeline, text) == {("CHN", "111", "USA")}


def test_name_calling_a_sham(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Moscow called the British government a sham.") == {("RUS", "111", "GBRGOV")}


def test_blamed_the_blast_on_names_the_accused(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Ukraine blamed the blast on Russia.") == {("UKR", "112", "RUS")}


def test_held_responsible_is_an_accusation(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Serbia held Kosovo responsible for the violence.") == {("SRB", "112", "XKX")}


def test_summoning_a_charge_d_affaires_is_an_official_complaint(pipeline: Pipeline) -> None:
    text = "The Philippines summoned China's charge d'affaires over the incident."
    assert _triples(pipeline, text) == {("PHL", "114", "CHNGOV")}


def test_not_a_complaint_when_a_meeting_is_summoned(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Japan said on Monday it had summoned a meeting of its security council.") == set()


def test_blamed_the_weather_names_no_one(pipeline: Pipeline) -> None:
    text = "Russia blamed the weather on Monday for delays in the grain shipments to Egypt."
    assert _triples(pipeline, text) == set()


# -- 12: rejection -------------------------------------------------------------------------------


def test_spurned_calls_for_talks_targets_the_other_side(pipeline: Pipeline) -> None:
    text = "Venezuela's government spurned calls for talks with the opposition on Monday."
    assert _triples(pipeline, text) == {("VENGOV", "125", "VENOPP")}


def test_brushed_off_appeals_from_the_callers(pipeline: Pipeline) -> None:
    text = "Russia brushed off appeals from the United Nations for a ceasefire in Ukraine."
    assert _triples(pipeline, text) == {("RUS", "1246", "IGOUNO")}


def test_dismissed_overtures(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Pakistan dismissed India's overtures on Friday.") == {("PAK", "120", "IND")}


def test_ruled_out_easing_sanctions(pipeline: Pipeline) -> None:
    text = "The United States ruled out any easing of sanctions on Cuba on Thursday."
    assert _triples(pipeline, text) == {("USA", "1244", "CUB")}


def test_ruled_out_sanctions_relief(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "EU leaders ruled out any sanctions relief for Iran.") == {("IGOEUREEC", "1244", "IRN")}


def test_refused_to_let_a_partner_re_export_arms(pipeline: Pipeline) -> None:
    text = "Switzerland refused to let Spain re-export Swiss-made armoured vehicles."
    assert _triples(pipeline, text) == {("CHE", "1212", "ESP")}


def test_rejection_noun_targets_whose_offer(pipeline: Pipeline) -> None:
    text = "Hungary's flat rejection of Sweden's offer of talks surprised diplomats."
    assert _triples(pipeline, text) == {("HUN", "125", "SWE")}


def test_refusing_to_let_players_talk_is_no_event(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Germany's coach refused to let his players speak to reporters.") == set()


# -- 13: threats and ultimatums ------------------------------------------------------------------


def test_hours_to_surrender_is_an_ultimatum(pipeline: Pipeline) -> None:
    text = "Sudan's army gave the Rapid Support Forces 24 hours to surrender their weapons."
    assert ("SDNMIL", "139", "SDNREBRSF") in _triples(pipeline, text)


def test_threatened_tariffs_on_goods_from(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Trump threatened to slap tariffs on imports from Mexico.") == {("USAELI", "1312", "MEX")}


def test_a_deadline_for_investors_is_no_ultimatum(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "The company gave investors 30 days to respond to the offer.") == set()


# -- 16: cutting aid, talks and arms ---------------------------------------------------------------


def test_froze_deliveries_of_arms_to(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Germany froze deliveries of tanks to Saudi Arabia.") == {("DEU", "1622", "SAU")}


def test_put_talks_on_hold(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "Japan put talks with China on hold on Tuesday.") == {("JPN", "164", "CHN")}


def test_put_aid_on_hold(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "The United States put military aid to Egypt on hold.") == {("USA", "1622", "EGY")}


def test_paused_to_answer_questions_is_no_cut(pipeline: Pipeline) -> None:
    assert _triples(pipeline, "The minister paused to answer questions from Japanese reporters.") == set()
