"""Actor resolution as of the article's date (real knowledge base, no parse needed)."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.actors.kb import KnowledgeBase, load_knowledge_base
from wirecoder.actors.resolve import MentionResolver
from wirecoder.places import PlaceIndex
from wirecoder.records import Mention


@pytest.fixture(scope="module")
def resolver() -> MentionResolver:
    return MentionResolver(load_knowledge_base())


def _resolve(resolver: MentionResolver, text: str, day: str) -> list[Mention]:
    return list(resolver.resolve_text(text, date.fromisoformat(day)))


def _one(resolver: MentionResolver, text: str, day: str) -> Mention:
    found = [m for m in _resolve(resolver, text, day) if m.code or m.name]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "day", "name", "code"),
    [
        ("Premier Li said the economy would grow.", "2018-11-16", "Li Keqiang", "CHNGOV"),
        ("Premier Li said the economy would grow.", "2024-08-22", "Li Qiang", "CHNGOV"),
        ("The Chinese premier arrived on Monday.", "2018-11-16", "Li Keqiang", "CHNGOV"),
        ("The Chinese premier arrived on Monday.", "2024-08-22", "Li Qiang", "CHNGOV"),
        ("The German chancellor spoke on Monday.", "2019-06-03", "Angela Merkel", "DEUGOV"),
        ("The German chancellor spoke on Monday.", "2023-06-05", "Olaf Scholz", "DEUGOV"),
        ("Russia's president spoke on Monday.", "2010-06-07", "Dmitry Medvedev", "RUSGOV"),
        ("Russia's president spoke on Monday.", "2015-06-08", "Vladimir Putin", "RUSGOV"),
        ("The British prime minister spoke.", "2022-08-01", "Boris Johnson", "GBRGOV"),
        ("The British prime minister spoke.", "2024-08-01", "Keir Starmer", "GBRGOV"),
        # The office's name picks between two heads: Iran's president heads the government.
        ("Iran's president spoke on Monday.", "2025-03-03", "Masoud Pezeshkian", "IRNGOV"),
        ("Iran's president spoke on Monday.", "2019-03-04", "Hassan Rouhani", "IRNGOV"),
        ("Iran's supreme leader spoke on Monday.", "2019-03-04", "Ali Khamenei", "IRNGOV"),
        # A title that belongs to one state needs no country word.
        ("The pope spoke on Monday.", "2019-03-04", "Pope Francis", "VATGOV"),
        ("The pope spoke on Monday.", "2010-03-01", "Benedict XVI", "VATGOV"),
    ],
)
def test_office_holder_on_the_date(resolver: MentionResolver, text: str, day: str, name: str, code: str) -> None:
    mention = _one(resolver, text, day)
    assert (mention.name, mention.code) == (name, code)


def test_former_office_holder_is_not_gov(resolver: MentionResolver) -> None:
    mention = _one(resolver, "Barack Obama spoke on Monday.", "2019-04-06")
    assert mention.code == "USAELI" and "former" in (mention.role or "")
    assert _one(resolver, "Barack Obama spoke on Monday.", "2013-06-19").code == "USAGOV"
    assert _one(resolver, "Former President Barack Obama spoke on Monday.", "2013-06-19").code == "USAELI"


def test_surname_resolves_to_the_person_named_earlier(resolver: MentionResolver) -> None:
    mentions = _resolve(resolver, "Chinese Premier Li Qiang arrived in Moscow. Li said ties were strong.", "2024-08-22")
    lis = [m for m in mentions if m.text == "Li"]
    assert lis and all(m.name == "Li Qiang" for m in lis)


def test_unknown_but_placed_person_keeps_country_and_role(resolver: MentionResolver) -> None:
    mention = next(
        m
        for m in _resolve(resolver, "Russian Foreign Minister Ivan Petrovsky said so.", "2024-01-10")
        if m.kind == "unknown_person"
    )
    assert mention.code == "RUSGOV" and mention.name == "Ivan Petrovsky"


def test_agents_and_metonyms(resolver: MentionResolver) -> None:
    codes = {
        m.text: m.code
        for m in _resolve(resolver, "Israeli troops entered as the Kremlin and Washington watched.", "2024-01-10")
    }
    assert codes["Israeli troops"] == "ISRMIL"
    assert codes["Kremlin"] == "RUSGOV"
    assert codes["Washington"] == "USA"


def test_user_dictionary_overrides_packaged(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "mine.yaml"
    path.write_text(
        "people:\n  - id: ana-testova\n    name: Ana Testova\n    surname: Testova\n    country: MDA\n"
        "    roles:\n      - {office: Prime Minister, kind: head_of_government, start: 2030-01-01}\n",
        encoding="utf-8",
    )
    kb: KnowledgeBase = load_knowledge_base([path])
    mention = _one(MentionResolver(kb), "Ana Testova spoke.", "2030-02-01")
    assert mention.code == "MDAGOV"
    assert any(f.path == str(path) for f in kb.files)


def test_unknown_full_name_starting_with_a_known_surname_is_not_that_person(resolver: MentionResolver) -> None:
    mentions = _resolve(resolver, "Lee Myung-bak arrived. Later Lee Nak-yon said talks would go on.", "2010-05-03")
    later = [m for m in mentions if m.text.startswith("Lee") and m.span[0] > 20]
    assert later and all(m.name is None and m.code is None for m in later), later
    assert "not in the knowledge base" in (later[0].note or "")
    # A plain back-reference still works.
    mentions = _resolve(resolver, "Lee Myung-bak arrived. Later Lee said talks would go on.", "2010-05-03")
    assert [m.name for m in mentions if m.text == "Lee"] == ["Lee Myung-bak"]


def test_an_agent_takes_the_country_of_where_the_sentence_places_it_not_of_a_target() -> None:
    kb = load_knowledge_base()
    resolver = MentionResolver(kb, places=PlaceIndex(kb))
    lagos = _resolve(resolver, "Police fired tear gas at protesters in Lagos on Monday.", "2004-03-05")
    assert [m.code for m in lagos if m.text in ("Police", "protesters")] == ["NGACOP", "NGACVL"]
    assert not any(m.name == "Ricardo Lagos" for m in lagos)  # the city, not the Chilean president
    tariffs = _resolve(resolver, "The administration imposed tariffs on Pakistan.", "2018-03-05")
    assert [m.code for m in tariffs if m.text == "administration"] != ["PAKGOV"]
