"""Trigger rules of roots 15 (force posture), 17 (coerce) and 18 (assault), on sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.helpers import code_text, triples

from wirecoder.pipeline import Pipeline

pytestmark = pytest.mark.model

DAY = "2024-05-10"


def _codes(pipeline: Pipeline, text: str) -> set[tuple[str | None, str, str | None]]:
    return triples(code_text(pipeline, text, DAY))


# -- 15: force posture ----------------------------------------------------------------------------


def test_own_drills_around_a_rival_are_a_show_of_force(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "China launched large-scale drills around Taiwan on Monday.") == {("CHN", "150", "TWN")}


def test_joint_drills_are_military_cooperation_not_force_posture(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Russia and China held joint naval exercises in the East China Sea on Tuesday.")
    assert coded == {("RUS", "062", "CHN")}
    coded = _codes(pipeline, "Russian warships held drills with Chinese destroyers in the Sea of Japan on Tuesday.")
    assert coded == {("RUSMIL", "062", "CHNMIL")}


def test_a_civil_drill_is_not_coded(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "Firefighters held a drill at the city's main airport on Tuesday.") == set()


def test_missile_fired_into_the_sea_toward_a_rival(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "North Korea fired a ballistic missile into the sea toward Japan on Sunday.")
    assert coded == {("PRK", "150", "JPN")}


def test_troops_massed_near_the_border_with_a_neighbour(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "Russia massed troops near the border with Ukraine on Wednesday.") == {
        ("RUS", "154", "UKR")
    }
    coded = _codes(pipeline, "Azerbaijan moved tanks and artillery toward the border with Armenia on Tuesday.")
    assert coded == {("AZE", "154", "ARM")}


def test_deployed_by_the_hundreds(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline,
        "Hundreds of riot police were deployed in central Minsk on Sunday ahead of a planned opposition rally.",
    )
    # police sent onto the streets are police power (153); the place stands for whom they face
    assert coded == {("BLRCOP", "153", "BLR")}


def test_troops_ordered_onto_the_streets(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Peru's president ordered troops onto the streets of Lima on Thursday.")
    assert coded == {("PERGOV", "154", None)}


def test_troops_ordered_to_withdraw_is_not_a_deployment(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "The Israeli army ordered its troops to withdraw from the town on Friday.")
    assert not any(code.startswith("15") for _, code, _ in coded)


def test_police_flooding_the_streets(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Kenyan police flooded the streets of Nairobi with riot officers on Tuesday.")
    assert {code for _, code, _ in coded} == {"153"}


# -- 17: coerce -----------------------------------------------------------------------------------


def test_land_seized_by_the_hectare(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Israeli authorities seized 300 hectares of Palestinian land near Nablus on Monday.")
    assert coded == {("ISRGOV", "171", "PSE")}


def test_confiscated_headquarters(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline, "Venezuela's government confiscated the headquarters of an opposition newspaper on Friday."
    )
    assert coded == {("VENGOV", "1711", "VENMED")}


def test_women_barred_from_work(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "The Taliban barred women from working for aid groups on Saturday.")
    assert {code for _, code, _ in coded} == {"172"}


def test_hackers_breaking_into_networks(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline, "Russian military hackers broke into the computer networks of Ukraine's energy ministry on Thursday."
    )
    assert coded == {("RUSMIL", "176", "UKRGOV")}


def test_homes_set_on_fire_in_a_village(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Myanmar soldiers set fire to dozens of homes in a village in Rakhine State on Monday.")
    assert coded == {("MMRMIL", "1712", "MMR")}


# -- 18: assault ----------------------------------------------------------------------------------


def test_raped_despite_the_lemmatizer(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Sudanese soldiers raped dozens of women in Khartoum, witnesses said.")
    assert coded == {("SDNMIL", "1821", "SDN")}


def test_rapped_is_criticism_not_rape(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "The United States rapped China over its human rights record on Monday.")
    assert not any(code.startswith("18") for _, code, _ in coded)


def test_a_named_victim_roughed_up(pipeline: Pipeline) -> None:
    coded = _codes(pipeline, "Iranian security forces roughed up a French journalist in Tehran on Friday.")
    assert coded == {("IRNMIL", "182", "FRAMED")}


def test_beating_a_rival_in_an_election_is_not_assault(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "The ruling party beat the opposition in Sunday's election.") == set()


def test_bomb_set_off_inside_a_police_station(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline, "Pakistani Taliban militants detonated a bomb inside a police station in Peshawar on Monday."
    )
    assert coded == {("PAKREBTTP", "183", "PAKCOP")}


def test_beheading_is_killing_by_assault(pipeline: Pipeline) -> None:
    coded = _codes(
        pipeline, "Islamic State militants beheaded a Japanese journalist in Syria, the group said on Saturday."
    )
    assert coded == {("IMGMOSISI", "1823", "JPNMED")}
