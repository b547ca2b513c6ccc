"""People news names often who are not heads of state or government, and the towns conflict news names.

The spokespeople, security chiefs, opposition leaders and armed-group leaders of
``data/actors/people/notables_*.yaml`` (and the group or opposition spells added to existing entries) resolve
as of the article's date: the office's code while it is held, ``<ISO3>ELI`` once it ended (a death included);
common-word and very common surnames need the full name first. The towns of ``tools/places_news.tsv`` are in
the place index under the spellings news uses.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from wirecoder.actors.kb import load_knowledge_base
from wirecoder.actors.resolve import MentionResolver
from wirecoder.actors.validate import check_files
from wirecoder.places import PlaceIndex
from wirecoder.records import Mention


@pytest.fixture(scope="module")
def resolver() -> MentionResolver:
    return MentionResolver(load_knowledge_base())


def _resolve(resolver: MentionResolver, text: str, day: str) -> list[Mention]:
    return list(resolver.resolve_text(text, date.fromisoformat(day)))


def _named(resolver: MentionResolver, text: str, day: str, phrase: str) -> Mention:
    found = [m for m in _resolve(resolver, text, day) if m.text == phrase]
    assert len(found) == 1, _resolve(resolver, text, day)
    return found[0]


@pytest.mark.parametrize(
    ("text", "day", "phrase", "name", "code"),
    [
        # Spokespeople and officials
        ("Peskov said the Kremlin would respond.", "2024-03-01", "Peskov", "Dmitry Peskov", "RUSGOV"),
        ("Maria Zakharova mocked the sanctions.", "2022-05-10", "Maria Zakharova", "Maria Zakharova", "RUSGOV"),
        ("Valery Gerasimov inspected the troops.", "2023-02-01", "Valery Gerasimov", "Valery Gerasimov", "RUSMIL"),
        ("Kyrylo Budanov said the strike worked.", "2023-06-01", "Kyrylo Budanov", "Kyrylo Budanov", "UKRSPYHUR"),
        ("Karine Jean-Pierre briefed reporters.", "2023-04-04", "Karine Jean-Pierre", "Karine Jean-Pierre", "USAGOV"),
        ("Daniel Hagari said troops entered Gaza.", "2023-11-01", "Daniel Hagari", "Daniel Hagari", "ISRMIL"),
        # A commander who became an ambassador keeps one entry and changes code.
        ("Valerii Zaluzhnyi visited the front.", "2023-08-01", "Valerii Zaluzhnyi", "Valerii Zaluzhnyi", "UKRMIL"),
        ("Valerii Zaluzhnyi met British ministers.", "2024-09-01", "Valerii Zaluzhnyi", "Valerii Zaluzhnyi", "UKRGOV"),
        # Opposition leaders, before and after they held office
        ("Navalny was jailed on his return.", "2021-02-02", "Navalny", "Alexei Navalny", "RUSOPP"),
        ("Imran Khan addressed a rally.", "2020-05-01", "Imran Khan", "Imran Khan", "PAKGOV"),
        ("Imran Khan addressed a rally.", "2024-05-01", "Imran Khan", "Imran Khan", "PAKOPP"),
        ("Ekrem Imamoglu opened a metro line.", "2022-06-01", "Ekrem Imamoglu", "Ekrem Imamoglu", "TURGOV"),
        ("Ekrem Imamoglu appeared in court.", "2025-06-01", "Ekrem Imamoglu", "Ekrem Imamoglu", "TUROPP"),
        ("Aung San Suu Kyi remained in detention.", "2023-01-10", "Aung San Suu Kyi", "Aung San Suu Kyi", "MMROPP"),
        # Leaders of armed groups carry the group's code; a group leader who took power changes code.
        ("Nasrallah said Hezbollah was ready.", "2023-11-03", "Nasrallah", "Hassan Nasrallah", "LBNREBHEZ"),
        ("Abu Mohammad al-Julani spoke.", "2020-05-01", "Abu Mohammad al-Julani", "Ahmed al-Sharaa", "SYRREBHTS"),
        ("Ahmed al-Sharaa spoke in Damascus.", "2025-06-01", "Ahmed al-Sharaa", "Ahmed al-Sharaa", "SYRGOV"),
        ("Hemedti signed the agreement.", "2020-01-15", "Hemedti", "Mohamed Hamdan Dagalo", "SDNGOV"),
        ("Hemedti said his forces held the city.", "2024-01-15", "Hemedti", "Mohamed Hamdan Dagalo", "SDNREBRSF"),
        ("Khalifa Haftar met the envoy.", "2019-04-04", "Khalifa Haftar", "Khalifa Haftar", "LBYUAFLNA"),
    ],
)
def test_named_person_as_of_the_date(
    resolver: MentionResolver, text: str, day: str, phrase: str, name: str, code: str
) -> None:
    mention = _named(resolver, text, day, phrase)
    assert (mention.name, mention.code) == (name, code)


@pytest.mark.parametrize(
    ("text", "alive", "dead", "name", "code"),
    [
        # end is exclusive: the day of death is the first day out of office.
        ("Hassan Nasrallah spoke.", "2024-09-26", "2024-09-27", "Hassan Nasrallah", "LBN"),
        ("Yahya Sinwar issued a statement.", "2024-10-15", "2024-10-16", "Yahya Sinwar", "PSE"),
        ("Yevgeny Prigozhin spoke.", "2023-08-22", "2023-08-23", "Yevgeny Prigozhin", "RUS"),
        ("Alexei Navalny spoke.", "2024-02-15", "2024-02-16", "Alexei Navalny", "RUS"),
    ],
)
def test_death_ends_the_spell(
    resolver: MentionResolver, text: str, alive: str, dead: str, name: str, code: str
) -> None:
    before = _named(resolver, text, alive, name)
    after = _named(resolver, text, dead, name)
    assert before.code != f"{code}ELI"
    assert after.code == f"{code}ELI" and "former" in (after.role or "")


def test_a_successor_holds_the_title(resolver: MentionResolver) -> None:
    before = _named(resolver, "Hezbollah's secretary-general spoke.", "2024-01-10", "Hezbollah's secretary-general")
    after = _named(resolver, "Hezbollah's secretary-general spoke.", "2025-01-10", "Hezbollah's secretary-general")
    assert (before.name, before.code) == ("Hassan Nasrallah", "LBNREBHEZ")
    assert (after.name, after.code) == ("Naim Qassem", "LBNREBHEZ")
    adviser = _named(
        resolver,
        "India's national security adviser met his counterpart.",
        "2024-06-01",
        "India's national security adviser",
    )
    assert (adviser.name, adviser.code) == ("Ajit Doval", "INDGOV")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Wine exports rose in May.", "2022-06-01"),  # Bobi Wine
        ("Khan said the verdict was political.", "2024-05-01"),  # Imran Khan and Karim Khan
        ("Mahatma Gandhi led the salt march.", "2024-05-01"),  # Rahul Gandhi
        ("Pakistan tested a Shaheen missile.", "2024-05-01"),  # Suhail Shaheen
        ("He said the talks went well.", "2024-05-01"),  # He Lifeng
    ],
)
def test_common_word_surnames_alone_are_nobody(resolver: MentionResolver, text: str, day: str) -> None:
    assert not [m for m in _resolve(resolver, text, day) if m.kind == "person" and m.name]


def test_common_word_surname_after_the_full_name(resolver: MentionResolver) -> None:
    mentions = _resolve(resolver, "Bobi Wine addressed supporters. Wine said he would run.", "2022-06-01")
    wines = [m for m in mentions if m.text == "Wine"]
    assert wines and all((m.name, m.code) == ("Bobi Wine", "UGAOPP") for m in wines)
    mentions = _resolve(resolver, "ICC prosecutor Karim Khan spoke. Khan said he would appeal.", "2024-03-01")
    assert [m.name for m in mentions if m.text == "Khan"] == ["Karim Khan"]


def test_packaged_people_files_check_clean() -> None:
    base = resources.files("wirecoder") / "data" / "actors"
    paths = [Path(str(base / "people.yaml")), *sorted(Path(str(base / "people")).glob("*.yaml"))]
    problems = check_files(paths, load_knowledge_base())
    assert not problems, [str(p) for p in problems]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("shelling in Khan Younis", "Khan Younis", "PSE"),
        ("a raid in Jenin", "Jenin", "PSE"),
        ("rockets fell in Kiryat Shmona", "Kiryat Shmona", "ISR"),
        ("fighting in Avdiivka", "Avdiivka", "UKR"),
        ("the siege of Kobani", "Kobani", "SYR"),
        ("fighting in El Geneina", "El Geneina", "SDN"),
        ("a drone hit Odessa", "Odessa", "UKR"),  # the Ukrainian port, not the Texan town
    ],
)
def test_news_spellings_of_towns_are_places(text: str, name: str, country: str) -> None:
    places = PlaceIndex(load_knowledge_base())
    hits = [(h.place.name, h.place.country) for h in places.find(text)]
    assert (name, country) in hits


def test_checker_warns_about_an_unquoted_comma(tmp_path: Path) -> None:
    people = tmp_path / "people.yaml"
    people.write_text(
        "- id: x\n  name: X\n  country: RUS\n  roles:\n    - {office: Leader, then President, start: 2020-01-01}\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in check_files([people], load_knowledge_base())]
    assert problems == [f"{people}:5: warning: unknown role field 'then President' (a value with a comma needs quotes)"]
