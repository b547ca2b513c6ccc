"""The dependency coder on sentences written for these tests (real spaCy parse, real knowledge base)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.helpers import code_text, triples

from wirecoder.pipeline import Pipeline
from wirecoder.records import Article

pytestmark = pytest.mark.model


def test_meeting_in_a_third_country_is_044_with_place_and_weekday_date(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Jakarta on Tuesday.",
        "2023-09-08",
    )
    [event] = coded.events
    assert (event.source, event.code, event.target) == ("INDGOV", "044", "JPNGOV")
    assert event.source_name == "Narendra Modi" and event.target_name == "Fumio Kishida"
    assert event.place is not None and (event.place.name, event.place.country) == ("Jakarta", "IDN")
    assert event.date.day == date(2023, 9, 5)
    assert not event.background


def test_host_and_visit_follow_the_place(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday.", "2023-03-17")
    assert ("JPNGOV", "043", "KORGOV") in triples(coded)


def test_intention_is_not_the_act(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "German Chancellor Olaf Scholz plans to visit India next month.", "2024-09-20")
    assert triples(coded) == {("DEUGOV", "036", "IND")}
    assert coded.events[0].modality == "intent"
    assert coded.events[0].date.day == date(2024, 9, 20)  # stated on the publication day


def test_future_tense_is_an_intention(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Turkey will host talks with Sweden next week.", "2023-01-10")
    assert all(e.code.startswith("03") for e in coded.events)


def test_negation_drops_the_event(pipeline: Pipeline) -> None:
    assert code_text(pipeline, "Poland has not imposed sanctions on Belarus.", "2023-05-02").events == ()
    assert code_text(pipeline, "France did not discuss sanctions with Iran on Monday.", "2023-05-02").events == ()
    assert code_text(pipeline, "Egypt failed to meet Israeli officials.", "2023-05-02").events == ()


def test_conditionals_and_questions_are_not_events(pipeline: Pipeline) -> None:
    assert (
        code_text(pipeline, "If Iran attacks Israel, the United States could impose sanctions.", "2024-04-10").events
        == ()
    )
    assert code_text(pipeline, "Will Russia attack Ukraine again?", "2024-04-10").events == ()


def test_attribution_codes_the_reported_actor(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Ukraine's foreign ministry said Russian troops had shelled Kharkiv on Monday.",
        "2024-08-22",
    )
    [event] = coded.events
    assert (event.source, event.code, event.target) == ("RUSMIL", "194", "UKR")
    assert event.attributed_to is not None and "UKR" in event.attributed_to
    assert event.date.day == date(2024, 8, 19)


def test_passive_voice(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "A Kenyan police post was attacked by al-Shabaab militants on Wednesday.", "2024-05-16")
    [event] = coded.events
    assert event.code.startswith("19") and event.target == "KENCOP"
    assert event.source is not None and event.source.startswith("SOM")


def test_compound_sources_give_one_event_each(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "The United States and the European Union imposed new sanctions on Iran on Monday.",
        "2024-05-15",
    )
    assert triples(coded) == {("USA", "163", "IRN"), ("IGOEUREEC", "163", "IRN")}


def test_intent_inside_a_quote_takes_the_quoted_clause_source(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        '"Brazil is ready to expand trade and investment with Argentina," President Lula said on Friday.',
        "2023-01-24",
    )
    [event] = coded.events
    assert (event.source, event.target) == ("BRA", "ARG")
    assert event.code == "0311" and event.modality == "intent"
    assert event.attributed_to == "Luiz Inacio Lula da Silva"


def test_background_event_keeps_its_own_past_date(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Tensions have run high since Russia's 2014 annexation of Crimea.", "2024-03-18")
    [event] = coded.events
    assert event.code == "192" and event.background
    assert event.date.precision == "year" and event.date.day.year == 2014


def test_same_event_reported_twice_in_an_article_is_one(pipeline: Pipeline) -> None:
    text = (
        "Greek Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan in Athens on Thursday."
        "\n\nMitsotakis and Erdogan met in Athens on Thursday, officials said."
    )
    coded = code_text(pipeline, text, "2023-12-08")
    meetings = [e for e in coded.events if e.code.startswith("04")]
    assert len(meetings) == 1


def test_intention_is_dated_when_stated_not_when_intended(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "India and Pakistan agreed on Monday to hold talks next month.", "2024-03-05")
    [event] = coded.events
    assert event.code == "036" and event.modality == "intent"
    assert event.date.day == date(2024, 3, 4)


def test_headline_is_coded_and_its_to_form_is_an_intention(pipeline: Pipeline) -> None:
    body = "The Kremlin said the trip had been planned for months."
    article = Article(
        id="h",
        origin="h",
        body=body,
        paragraphs=((0, len(body)),),
        published=date(2024, 3, 5),
        title="Putin to visit China next week",
    )
    coded = pipeline.code_article(article)
    [event] = coded.events
    assert (event.source, event.code, event.target) == ("RUSGOV", "036", "CHN")
    assert event.sentence_index == -1 and event.evidence == article.title
    assert event.date.day == date(2024, 3, 5)


def test_a_headline_repeating_the_lead_adds_nothing(pipeline: Pipeline) -> None:
    body = "Russian troops attacked Ukraine on Monday, officials said."
    article = Article(
        id="h2",
        origin="h2",
        body=body,
        paragraphs=((0, len(body)),),
        published=date(2024, 3, 5),
        title="Russian troops attack Ukraine",
    )
    coded = pipeline.code_article(article)
    assert [(e.code, e.sentence_index) for e in coded.events] == [("190", 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran refused on Monday to meet US negotiators in Oman.", {("IRN", "125", "USAGOV")}),
        ("Serbia refused to sign the agreement with Kosovo.", {("SRB", "127", "XKX")}),
        ("Israel did not refuse to meet Hamas mediators.", set()),
        ("Russia denied attacking Ukrainian ports.", set()),
    ],
)
def test_refusing_a_cooperative_act_is_a_rejection(pipeline: Pipeline, text: str, expected: set[object]) -> None:
    assert triples(code_text(pipeline, text, "2024-03-05")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.N. Security Council demanded on Friday that Rwandan troops and M23 rebels withdraw from Goma.",
            {("IGOUNOSCO", "1056", "RWAMIL"), ("IGOUNOSCO", "1056", "CODREBM23")},
        ),
        ("Beijing demanded on Sunday that Ottawa immediately free the detained executive.", {("CHN", "1053", "CAN")}),
        ("The European Union urged Russia to release the detained activists.", {("IGOEUREEC", "0253", "RUS")}),
        ("France urged Iran on Monday to resume talks with the IAEA.", {("FRA", "026", "IRN")}),
    ],
)
def test_what_an_appeal_or_demand_asks_for_refines_it_and_is_not_an_event(
    pipeline: Pipeline, text: str, expected: set[object]
) -> None:
    assert triples(code_text(pipeline, text, "2024-03-05")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said Beijing could eventually offer to mediate between Riyadh and Tehran.",
        "Had Washington recognised the junta in Niamey, aid flows could have resumed, analysts said.",
        "Neither Serbia nor Kosovo has agreed to attend next week's talks in Brussels.",
        "Brazil meet Argentina in Buenos Aires on Tuesday in a World Cup qualifier.",
    ],
)
def test_speculation_inverted_conditionals_neither_and_sport_are_not_events(pipeline: Pipeline, text: str) -> None:
    assert code_text(pipeline, text, "2024-03-05").events == ()


def test_a_trigger_noun_naming_an_actor_is_not_an_event(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Kenyan riot police fired tear gas at protesters in Nairobi on Tuesday.", "2024-03-05")
    assert all(e.code != "145" for e in coded.events)


# -- grammar added for issue 4 (sentences written for these tests) ----------------------------------


def test_it_and_they_stand_for_the_reporting_subject(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Norway said on Monday it would send humanitarian aid to Sudan.", "2024-04-16")
    assert ("NOR", "0333", "SDN") in triples(coded)
    coded = code_text(
        pipeline, "Chile and Peru said on Friday they would hold talks with Bolivia next month.", "2024-04-19"
    )
    assert {("CHL", "036", "BOL"), ("PER", "036", "BOL")} <= triples(coded)


def test_each_other_codes_both_directions(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Thailand and Cambodia accused each other of shelling border villages.", "2025-07-25")
    assert {("THA", "112", "KHM"), ("KHM", "112", "THA")} <= {(s, c[:3], t) for s, c, t in triples(coded)}


def test_passive_release_of_a_person_named_by_nationality(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline, "A Dutch aid worker was released by al-Shabaab militants on Sunday, officials said.", "2024-02-12"
    )
    assert ("SOMREBSHB", "0841", "NLDNGO") in triples(coded)


def test_measured_talks_and_compound_country_agents(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "U.S. and Japanese troops began joint drills in Okinawa on Monday.", "2024-05-13")
    assert {frozenset((s, t)) for s, c, t in triples(coded) if c == "062"} == {frozenset(("USAMIL", "JPNMIL"))}
    coded = code_text(
        pipeline, "The leaders of Kenya and Tanzania held three hours of talks in Arusha on Friday.", "2024-05-17"
    )
    assert {frozenset((s, t)) for s, c, t in triples(coded) if c.startswith("04")} == {frozenset(("KENGOV", "TZAGOV"))}


def test_domestic_agents_take_the_country_the_sentence_places_them_in(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline, "Gunmen abducted 40 villagers in a raid in northern Burkina Faso on Tuesday.", "2024-06-05"
    )
    assert ("BFAREB", "181", "BFACVL") in triples(coded)


def test_toll_participle_is_not_a_second_attack(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Israeli aircraft struck a building in Gaza City on Monday, killing at least 12 people.",
        "2024-06-11",
    )
    assert [e.code[:2] for e in coded.events] == ["19"] or len({e.code for e in coded.events}) == 1


def test_must_in_reported_speech_is_the_speakers_demand(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline, "Armenia must withdraw its troops from the border, Azerbaijan's foreign ministry said.", "2024-06-11"
    )
    assert [(e.source, e.code[:2], e.target) for e in coded.events] == [("AZEGOV", "10", "ARM")]
    # without a speaker it is the writer's opinion
    assert code_text(pipeline, "Armenia must withdraw its troops from the border.", "2024-06-11").events == ()


def test_ruled_out_and_would_have_are_not_acts(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Germany ruled out lifting sanctions on Iran on Tuesday.", "2024-06-11")
    assert all(not e.code.startswith("08") for e in coded.events)
    coded = code_text(
        pipeline, "Canada vetoed a resolution that would have imposed sanctions on Venezuela.", "2024-06-11"
    )
    assert all(not e.code.startswith("16") for e in coded.events)


def test_protest_without_a_named_target_is_aimed_at_the_government(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Thousands of Georgian protesters rallied in Tbilisi on Sunday.", "2024-05-13")
    [event] = [e for e in coded.events if e.code.startswith("14")]
    assert (event.source, event.target) == ("GEOCVL", "GEOGOV") and event.confidence < 0.9


def test_investigation_targets_the_accused(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "The U.N. human rights office opened an investigation on Monday into alleged abuses by Libyan police.",
        "2024-06-10",
    )
    assert any(e.code.startswith("09") and e.target == "LBYCOP" for e in coded.events)


def test_stance_adjective_codes_with_whom_it_is_about(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Brazil's foreign minister said on Tuesday he was optimistic that trade talks with Argentina would "
        "conclude by June.",
        "2024-03-06",
    )
    assert triples(coded) == {("BRAGOV", "013", "ARG")}
    coded = code_text(pipeline, "Polish President Andrzej Duda said he was worried about Belarus.", "2024-03-06")
    assert triples(coded) == {("POLGOV", "012", "BLR")}


def test_stance_adjective_needs_a_linking_verb_and_no_negation(pipeline: Pipeline) -> None:
    assert not code_text(pipeline, "The concerned Japanese ministry praised its own staff.", "2024-03-06").events
    coded = code_text(
        pipeline, "Chile's president said he was not optimistic that Bolivia would return to the talks.", "2024-03-06"
    )
    assert not coded.events


def test_seeing_little_hope_is_pessimism_about_the_other_side(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Indian Prime Minister Narendra Modi said on Friday he saw little hope of a settlement with Pakistan.",
        "2024-03-08",
    )
    assert triples(coded) == {("INDGOV", "012", "PAK")}


def test_sentence_initial_it_stands_for_the_previous_sentences_actor(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Turkey's foreign ministry summoned the Swedish ambassador on Monday over a protest in Stockholm. "
        "It demanded that Sweden punish those responsible.",
        "2024-03-05",
    )
    assert ("TURGOV", "10", "SWE") in {(s, c[:2], t) for s, c, t in triples(coded)}


def test_launched_offensive_is_fighting_not_an_inquiry(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Ethiopia launched a new offensive against Tigrayan forces on Sunday.", "2024-03-04")
    assert {c[:2] for _, c, _ in triples(coded)} == {"19"}
    coded = code_text(pipeline, "Kenya launched an investigation into the shooting by Ugandan police.", "2024-03-04")
    assert {c[:2] for _, c, _ in triples(coded)} == {"09"}


def test_threat_is_aimed_at_who_must_meet_the_condition(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Serbia's opposition leader threatened on Sunday to stage nationwide protests unless President "
        "Aleksandar Vucic called early elections.",
        "2024-03-04",
    )
    assert {(s[:3], c[:2], (t or "")[:3]) for s, c, t in triples(coded)} == {("SRB", "13", "SRB")}
    coded = code_text(
        pipeline,
        "Armed group leaders pledged to carry out more attacks in Niger unless Niamey released their comrades.",
        "2024-03-04",
    )
    assert any(c.startswith("13") and (t or "").startswith("NER") for _, c, t in triples(coded))


def test_call_is_a_phone_call_only_with_someone_called(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "French President Emmanuel Macron called Vladimir Putin on Friday.", "2024-03-08")
    assert triples(coded) == {("FRAGOV", "041", "RUSGOV")}
    coded = code_text(pipeline, "Armenia's opposition called protests in Yerevan on Friday.", "2024-03-08")
    assert not any(c.startswith("04") for _, c, _ in triples(coded))


def test_announced_refusal_is_a_rejection(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline, "Venezuela will not negotiate with Guyana, President Nicolas Maduro said.", "2024-03-08"
    )
    assert {(s[:3], c, t) for s, c, t in triples(coded)} == {("VEN", "125", "GUY")}
    conditional = code_text(
        pipeline, "Venezuela would not negotiate with Guyana if it kept drilling, Maduro said.", "2024-03-08"
    )
    assert not any(c.startswith("12") for _, c, _ in triples(conditional))


def test_dative_to_and_passive_by_as_preposition(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Turkey granted asylum to a former Syrian minister on Tuesday.", "2024-03-06")
    assert ("TUR", "075") in {(s, c) for s, c, _ in triples(coded)}
    assert all((t or "").startswith("SYR") for _, _, t in triples(coded))


def test_concessions_without_a_named_target(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Peru's prime minister resigned on Monday after weeks of protests.", "2024-03-05")
    assert ("PERGOV", "0831", "PER") in triples(coded)
    coded = code_text(pipeline, "Kenya's opposition called off its protests on Sunday.", "2024-03-04")
    assert ("KENOPP", "082", "KENGOV") in triples(coded)


def test_a_vote_taken_is_the_act_not_a_plan(pipeline: Pipeline) -> None:
    coded = code_text(pipeline, "Ecuador's parliament voted on Wednesday to lift the state of emergency.", "2024-03-07")
    assert {c for _, c, _ in triples(coded)} == {"0814"}


def test_what_a_rejected_demand_asks_for_is_not_an_event(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline, "Georgian President Salome Zourabichvili rejected demands that she resign.", "2024-03-07"
    )
    assert not any(c.startswith("08") for _, c, _ in triples(coded))


def test_message_of_condolence_is_condolence(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Indian Prime Minister Narendra Modi sent a message of condolence to Nepal's prime minister on Sunday.",
        "2024-03-04",
    )
    assert ("INDGOV", "018", "NPLGOV") in triples(coded)


def test_received_aid_comes_from_the_giver(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Moldova received 200 million euros in budget support from the European Union on Friday.",
        "2024-03-08",
    )
    assert {(s, c[:2], t) for s, c, t in triples(coded)} == {("IGOEUREEC", "07", "MDA")}


def test_trigger_noun_modifying_another_is_not_a_second_event(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline, "Japan and the Philippines signed a defence cooperation agreement in Manila on Friday.", "2024-03-08"
    )
    assert {c for _, c, _ in triples(coded)} == {"057"}


def test_negation_does_not_cross_into_a_contrasting_clause(pipeline: Pipeline) -> None:
    coded = code_text(
        pipeline,
        "Ethiopia did not attack Eritrea on Monday, but Ethiopian troops shelled Somali positions.",
        "2024-03-05",
    )
    assert triples(coded) == {("ETHMIL", "194", "SOM")}
