"""Trigger rules of roots 12 (reject), 19 (fight) and 20 (mass violence) on sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.helpers import code_text, triples

from wirecoder.pipeline import Pipeline

pytestmark = pytest.mark.model

DAY = "2024-05-10"


def _codes(pipeline: Pipeline, text: str) -> set[str]:
    return {e.code for e in code_text(pipeline, text, DAY).events}


# -- 19: the attack as the object of launch / carry out / order ----------------------------------


def test_launched_a_drone_attack_is_aerial(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Russia launched a massive drone attack on Kyiv on Monday.", DAY)
    assert triples(coded) == {("RUS", "195", "UKR")}


def test_carried_out_an_attack(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Hamas carried out an attack on Israel on Saturday.", DAY)
    assert triples(coded) == {("PSEREBHMS", "190", "ISR")}


def test_launched_a_ground_offensive_in_a_place(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Israel launched a ground offensive in Gaza on Friday.", DAY)
    assert triples(coded) == {("ISR", "190", "PSE")}


def test_carried_out_an_air_strike_singular(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Israeli forces carried out an air strike on Beirut on Tuesday.", DAY)
    assert triples(coded) == {("ISRMIL", "195", "LBN")}


def test_ordered_a_siege(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Israel's defence minister ordered a complete siege of the Gaza Strip on Monday.", DAY)
    assert triples(coded) == {("ISRGOV", "191", "PSE")}


def test_launching_other_things_is_not_an_attack(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "North Korea launched a military satellite on Tuesday.") == set()
    assert _codes(pipeline, "China launched a charm offensive in Europe on Monday.") == set()
    assert _codes(pipeline, "Workers launched a strike at the port of Antwerp on Monday.") == set()


# -- 19: the weapon or the place refines the code ---------------------------------------------


def test_roadside_bomb_attack_is_a_roadside_bombing(pipeline: Pipeline) -> None:
    text = "Taliban insurgents attacked an Afghan army convoy with a roadside bomb on Sunday."
    coded = code_text(pipeline, text, DAY)
    assert triples(coded) == {("AFGREBTAL", "1833", "AFGMIL")}


def test_militants_storming_a_hotel_is_unconventional_violence(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Militants stormed a hotel in Mogadishu on Friday, killing 12 people.", DAY)
    assert {e.code for e in coded.events} == {"180"}
    coded = code_text(pipeline, "Russian troops stormed the town of Marinka on Tuesday.", DAY)
    assert triples(coded) == {("RUSMIL", "190", "UKR")}


def test_land_measured_out_is_property_not_territory(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Israeli authorities seized 300 acres of Palestinian land in the West Bank.", DAY)
    assert {e.code[:2] for e in coded.events} == {"17"}


def test_verbal_attack_on_a_policy_is_criticism(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Trump attacked Biden's handling of the economy on Tuesday.", DAY)
    assert {e.code for e in coded.events} == {"111"}


def test_chemical_plant_hit_by_missiles_is_not_a_chemical_attack(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Russian missiles hit a chemical plant in Ukraine's Sumy region on Monday.", DAY)
    assert {e.code[:2] for e in coded.events} == {"19"}


# -- 20: mass violence ------------------------------------------------------------------------


def test_forcibly_expelled_thousands(pipeline: Pipeline) -> None:
    text = "Ethiopian troops forcibly expelled thousands of Tigrayans from Humera, rights groups said."
    assert {(e.source, e.code) for e in code_text(pipeline, text, DAY).events} == {("ETHMIL", "201")}


def test_expelled_hundreds_of_thousands(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Myanmar's army expelled hundreds of thousands of Rohingya from Rakhine state.", DAY)
    assert triples(coded) == {("MMRMIL", "201", "MMRCVL")}  # the Rohingya are civilians of Myanmar


def test_chemical_agent_as_object(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Russian forces used chloropicrin against Ukrainian troops, the U.S. said.", DAY)
    assert triples(coded) == {("RUSMIL", "2041", "UKRMIL")}


def test_rockets_with_sarin_and_dropped_cylinders(pipeline: Pipeline) -> None:
    text = "Syrian government forces fired rockets loaded with sarin at rebel-held suburbs of Damascus."
    assert _codes(pipeline, text) == {"2041"}
    assert _codes(pipeline, "Syrian forces dropped chlorine cylinders on the town of Douma.") == {"2041"}


def test_chemical_weapons_attack_is_not_also_a_plain_attack(pipeline: Pipeline) -> None:
    text = "The Syrian army carried out a chemical weapons attack near Damascus, killing dozens."
    assert triples(code_text(pipeline, text, DAY)) == {("SYRMIL", "2041", "SYR")}


def test_tear_gas_is_crowd_control_not_a_chemical_weapon(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "Kenyan police used tear gas against protesters in Nairobi.") == {"175"}


# -- 12: reject ---------------------------------------------------------------------------------


def test_ruled_out_concessions(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Ukraine ruled out any territorial concessions to Russia on Tuesday.", DAY)
    assert triples(coded) == {("UKR", "120", "RUS")}


def test_ruling_out_foul_play_or_declining_exports_is_no_rejection(pipeline: Pipeline) -> None:
    assert _codes(pipeline, "Police ruled out foul play in the death of the diplomat.") == set()
    assert _codes(pipeline, "Exports from Germany declined in March.") == set()


def test_in_defiance_of_sanctions(pipeline: Pipeline) -> None:
    text = "North Korea fired a ballistic missile into the sea in defiance of UN sanctions on Friday."
    assert ("PRK", "128", "IGOUNO") in triples(code_text(pipeline, text, DAY))


def test_rejecting_calls_to_resign_is_1231(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "President Lukashenko rejected opposition calls to resign.", DAY)
    assert ("BLRGOV", "1231", "BLROPP") in triples(coded)
