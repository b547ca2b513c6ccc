"""Trigger rules of CAMEO roots 06 (material cooperation), 07 (aid) and 08 (yield) on sentences written
for these tests (real spaCy parse, real knowledge base)."""

from __future__ import annotations

import pytest
from tests.helpers import code_text, triples

from wirecoder.pipeline import Pipeline

pytestmark = pytest.mark.model

DAY = "2024-03-06"


def coded(pipeline: Pipeline, text: str) -> set[tuple[str | None, str, str | None]]:
    return triples(code_text(pipeline, text, DAY))


# -- 06 material cooperation ---------------------------------------------------------------------


def test_trade_link_opened_between_two_states_is_061(pipeline: Pipeline) -> None:
    assert coded(pipeline, "China and Laos opened a new railway on Friday.") == {("CHN", "061", "LAO")}
    assert coded(pipeline, "Russia completed a new gas pipeline to China on Monday.") == {("RUS", "061", "CHN")}


def test_exports_under_a_light_verb_are_061(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Argentina resumed beef exports to China on Monday.") == {("ARG", "061", "CHN")}
    assert coded(pipeline, "Egypt resumed wheat imports from Russia on Monday.") == {("EGY", "061", "RUS")}


def test_exports_that_merely_fall_are_not_events(pipeline: Pipeline) -> None:
    assert coded(pipeline, "The ministry said Russia's exports to Europe fell by half.") == set()


def test_commodity_bought_by_the_barrel_is_061(pipeline: Pipeline) -> None:
    assert coded(pipeline, "India bought 2 million barrels of Russian oil in May.") == {("IND", "061", "RUS")}


def test_extradited_person_is_not_the_target(pipeline: Pipeline) -> None:
    text = "A Colombian drug boss was extradited to the United States by Colombian authorities on Thursday."
    assert ("COLGOV", "063", "USA") in coded(pipeline, text)
    assert all(target == "USA" for _, code, target in coded(pipeline, text) if code == "063")


def test_suspect_transferred_to_an_international_court_is_063(pipeline: Pipeline) -> None:
    text = "Serbian police transferred a former Bosnian Serb general to the International Criminal Court on Friday."
    assert {code for _, code, _ in coded(pipeline, text)} == {"063"}


def test_prisoners_moved_to_prisons_are_not_judicial_cooperation(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Ukraine said Russia transferred 40 children to Russia.") == set()


def test_records_handed_to_foreign_police_are_064(pipeline: Pipeline) -> None:
    text = "Algerian intelligence handed the phone records of three suspected smugglers to French police."
    assert ("DZASPY", "064", "FRACOP") in coded(pipeline, text)


def test_a_record_number_of_jets_is_no_records_handed_over(pipeline: Pipeline) -> None:
    codes = {code for _, code, _ in coded(pipeline, "The Pentagon sent a record number of warplanes to Japan.")}
    assert not any(code.startswith("064") for code in codes)


# -- 07 aid --------------------------------------------------------------------------------------


def test_money_given_to_a_state_is_071_and_its_purpose_refines_it(pipeline: Pipeline) -> None:
    assert coded(pipeline, "The European Union gave Ukraine 1.5 billion euros on Tuesday.") == {
        ("IGOEUREEC", "071", "UKR")
    }
    assert coded(pipeline, "The US gave Israel $3.8 billion in military aid last year.") == {("USA", "072", "ISR")}


def test_money_paid_by_a_company_is_not_aid(pipeline: Pipeline) -> None:
    assert coded(pipeline, "The company provided $2 million to its shareholders.") == set()
    assert coded(pipeline, "Russia spent $10 billion on its army last year.") == set()


def test_supplied_with_names_the_recipient_as_object(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Iran has supplied Russia with hundreds of attack drones.") == {("IRN", "072", "RUS")}
    assert coded(pipeline, "Turkey provided Syria with tents and blankets on Monday.") == {("TUR", "073", "SYR")}


def test_relief_flown_to_a_city_goes_to_its_country(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Jordan airdropped food parcels into northern Gaza on Tuesday.") == {("JOR", "073", "PSE")}
    assert coded(pipeline, "Turkey delivered relief supplies in northern Syria on Tuesday.") == {("TUR", "073", "SYR")}


def test_refuge_given_to_a_former_leader_is_075(pipeline: Pipeline) -> None:
    text = "Former Afghan President Ashraf Ghani has been given refuge by the United Arab Emirates."
    assert coded(pipeline, text) == {("ARE", "075", "AFGELI")}


# -- 08 yield ------------------------------------------------------------------------------------


def test_ban_on_opposition_rallies_lifted_is_0812(pipeline: Pipeline) -> None:
    text = "Tanzania's president on Tuesday lifted a six-year ban on opposition political rallies."
    assert {code for _, code, _ in coded(pipeline, text)} == {"0812"}


def test_objection_dropped_is_a_concession_to_its_target(pipeline: Pipeline) -> None:
    text = "Hungary dropped its objection to Sweden's NATO membership on Monday."
    assert coded(pipeline, text) == {("HUN", "080", "SWE")}


def test_returned_vessels_go_back_to_their_owner(pipeline: Pipeline) -> None:
    text = "Russia returned three Ukrainian navy vessels seized a year ago."
    assert coded(pipeline, text) == {("RUS", "0842", "UKRMIL")}


def test_inspection_team_let_in_is_0862(pipeline: Pipeline) -> None:
    text = "Syria let a team of IAEA inspectors into the Deir ez-Zor site on Monday."
    assert coded(pipeline, text) == {("SYR", "0862", "IGOIAEA")}


def test_agreeing_to_stop_fighting_is_a_ceasefire(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Armenia and Azerbaijan agreed to stop fighting on Sunday.") == {("ARM", "0871", "AZE")}


def test_a_business_quarrel_is_no_ceasefire(pipeline: Pipeline) -> None:
    assert coded(pipeline, "The companies agreed to stop fighting over the patent.") == set()


def test_halted_shelling_of_a_city_deescalates_toward_its_country(pipeline: Pipeline) -> None:
    assert coded(pipeline, "Russia halted shelling of Kharkiv on Tuesday.") == {("RUS", "087", "UKR")}
