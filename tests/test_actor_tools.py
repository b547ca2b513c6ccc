"""The actor tools: `wirecoder actors resolve/show/check/import`, the validator and the PETRARCH import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from wirecoder.actors.kb import load_knowledge_base
from wirecoder.actors.lookup import resolve_text
from wirecoder.actors.petrarch import import_petrarch, phrase_forms
from wirecoder.cli import main

# Our own dictionary in the PETRARCH formats: fictional places, a dated person, stems, synonyms.
PETRARCH_ACTORS = """\
<!-- a block comment
spanning lines -->
VALDORIA  [VLD]  # a country
+VALDORIAN
KESTREL_ISLES_ [KST]
MARROW_  # dated only
\t[VLD < 100601]
\t[VLDGOV 20100601 - 20141231]
\t[VLDREB > 141231]
SOLVANN [VLDGOV]
\t[VLDELI >20200101]
NORTHERN_LEAGUE_OF_TOWNS_ [NLT]
+THE_LEAGUE_
"""
PETRARCH_AGENTS = """\
!CLERGY! = PRIEST, BISHOP
HARBOUR_MASTER [~BUS]
FISHERMAN {FISHERMEN} [~AGR]
TOP_!CLERGY! [~REL]
RELIEF_BODY [NGO~]
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kb = load_knowledge_base()
    result = import_petrarch(PETRARCH_ACTORS, PETRARCH_AGENTS, known_countries=kb.countries)
    path = tmp_path_factory.mktemp("dicts") / "imported.yaml"
    path.write_text(yaml.safe_dump(result.as_yaml_data(), sort_keys=False), encoding="utf-8")
    return path


def test_phrase_forms_mark_stems_and_keep_initials() -> None:
    assert phrase_forms("VALDORIA") == ["Valdoria*", "VALDORIA*"]
    assert phrase_forms("KESTREL_ISLES_") == ["Kestrel Isles", "KESTREL ISLES"]
    assert phrase_forms("THE_LEAGUE_") == ["The League", "THE LEAGUE", "the League"]
    assert phrase_forms("U.N.") == ["U.N."]


def test_import_reports_what_it_cannot_carry() -> None:
    result = import_petrarch(PETRARCH_ACTORS, PETRARCH_AGENTS)
    assert any("RELIEF_BODY" in s and "before the country" in s for s in result.skipped)
    words = {w: a["role"] for a in result.agents for w in a["words"]}
    assert words["harbour master"] == "BUS" and words["harbour masters"] == "BUS"
    assert words["fishermen"] == "AGR" and "fishermans" not in words
    assert words["top priest"] == "REL" and words["top bishop"] == "REL"


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("2009-05-01", "VLD"),  # before 2010-06-01
        ("2010-06-01", "VLDGOV"),  # the range includes its first day
        ("2014-12-31", "VLDGOV"),  # ... and its last
        ("2015-01-01", "VLDREB"),  # after 2014-12-31
    ],
)
def test_dated_petrarch_codes_resolve_by_date(imported: Path, day: str, code: str) -> None:
    kb = load_knowledge_base([imported])
    mentions = resolve_text(kb, "Marrow met the fishermen.", date.fromisoformat(day))
    assert (mentions[0].text, mentions[0].code) == ("Marrow", code)


def test_default_code_fills_the_days_outside_date_blocks(imported: Path) -> None:
    kb = load_knowledge_base([imported])
    assert resolve_text(kb, "Solvann spoke.", date(2019, 1, 1))[0].code == "VLDGOV"
    assert resolve_text(kb, "Solvann spoke.", date(2021, 1, 1))[0].code == "VLDELI"


def test_imported_country_composes_with_agents_and_stems(imported: Path) -> None:
    kb = load_knowledge_base([imported])
    found = {
        m.text: m.code
        for m in resolve_text(kb, "Valdorian fishermen rescued a Kestrel Isles harbour master.", date(2020, 1, 1))
    }
    assert found == {"Valdorian fishermen": "VLDAGR", "Kestrel Isles harbour master": "KSTBUS"}


def test_import_keeps_what_the_base_knows_about_a_country(tmp_path: Path) -> None:
    kb = load_knowledge_base()
    result = import_petrarch("RUSSIA [RUS]\n+RUSSKY_\n", None, known_countries=kb.countries)
    path = tmp_path / "rus.yaml"
    path.write_text(yaml.safe_dump(result.as_yaml_data()), encoding="utf-8")
    merged = load_knowledge_base([path]).countries["RUS"]
    base = kb.countries["RUS"]
    assert "Russky" in merged.names and set(base.names) <= set(merged.names)
    assert set(base.adjectives) <= set(merged.adjectives) and merged.seats == base.seats
    assert merged.capitals == base.capitals


def test_petrarch_validation_dates(shared: Path, tmp_path: Path) -> None:
    """PETRARCH's own DATE records: every dated actor code they expect is found by our resolver."""
    folder = shared / "eval" / "petrarch-unit"
    kb = load_knowledge_base()
    result = import_petrarch(
        (folder / "PETR.Validate.actors.txt").read_text(encoding="utf-8"),
        (folder / "PETR.Validate.agents.txt").read_text(encoding="utf-8"),
        known_countries=kb.countries,
    )
    path = tmp_path / "petr.yaml"
    path.write_text(yaml.safe_dump(result.as_yaml_data(), sort_keys=False), encoding="utf-8")
    kb = load_knowledge_base([path])
    found = expected = 0
    for line in (folder / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["category"] != "DATE" or not record["evaluated"]:
            continue
        day = date(int(record["date"][:4]), int(record["date"][4:6]), int(record["date"][6:]))
        codes = {m.code for m in resolve_text(kb, record["text"], day)}
        for event in record["expected"]:
            for side in ("source", "target"):
                if "-" in event[side]:
                    continue  # "---GOV": an anonymous official, not a dictionary actor
                expected += 1
                found += event[side] in codes
    assert expected >= 40
    assert found == expected


# -- command line ------------------------------------------------------------------------------------


def test_cli_resolve_json_is_dated(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["actors", "resolve", "Premier Li met Putin in Beijing.", "--date", "2018-11-07", "--format", "json"]) == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [(r["mention"], r["name"], r["code"]) for r in rows][:2] == [
        ("Premier Li", "Li Keqiang", "CHNGOV"),
        ("Putin", "Vladimir Putin", "RUSGOV"),
    ]
    assert {"mention", "name", "code", "role", "country"} <= set(rows[0])
    assert main(["actors", "resolve", "Premier Li met Putin.", "--date", "2024-05-16", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "Li Qiang"


def test_cli_resolve_with_user_dictionary(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    assert main(["actors", "resolve", "Marrow spoke.", "--date", "2012-01-01", "--actors", str(imported)]) == 0
    assert "VLDGOV" in capsys.readouterr().out


def test_cli_resolve_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "resolve", "x", "--date", "yesterday"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_cli_show_lists_spells(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "show", "Li Keqiang", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    premier = [r for r in rows if r["office"] == "Premier"]
    assert premier and premier[0]["start"] == "2013-03-15" and premier[0]["end"] == "2023-03-11"
    assert main(["actors", "show", "Nobody Atall"]) == 1
    assert "no person named" in capsys.readouterr().err


def test_cli_check_reports_every_problem_with_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "people:\n"
        "  - id: a\n"
        "    name: Alpha Person\n"
        "    country: FRA\n"
        "    roles:\n"
        "      - {office: President, kind: chief, start: 2020-01-01}\n"
        "  - id: a\n"
        "    name: Alpha Again\n"
        "    country: FRA\n"
        "    roles:\n"
        "      - {office: Mayor, start: 2021-05-01, end: 2020-01-01}\n"
        "  - id: b\n"
        "    name: Beta Person\n"
        "    country: ZZZ\n"
        "  - id: c\n"
        "    name: Gamma Person\n"
        "    country: FRA\n"
        "    roles:\n"
        "      - {office: President, kind: head_of_state, start: 2020-01-01}\n"
        "agents:\n"
        "  - {role: soldiers, words: [legionnaire]}\n",
        encoding="utf-8",
    )
    assert main(["actors", "check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:6: error: office kind 'chief'" in out
    assert f"{bad}:11: error:" in out and "ends (2020-01-01) before it starts" in out
    assert f"{bad}:12: warning: country 'ZZZ'" in out
    assert f"{bad}:15: warning: Gamma Person (President) and Emmanuel Macron (President) both hold head_of_state" in out
    assert f"{bad}:21: error: agent role 'SOLDIERS'" in out
    dup = tmp_path / "dup.yaml"
    dup.write_text("people:\n  - {id: x, name: X One, country: FRA}\n  - {id: x, name: X Two, country: FRA}\n")
    assert main(["actors", "check", str(dup)]) == 1
    assert f"{dup}:3: error: person 'x' is defined twice in this file (first at line 2)" in capsys.readouterr().out


def test_cli_check_clean_file(capsys: pytest.CaptureFixture[str], imported: Path) -> None:
    assert main(["actors", "check", str(imported)]) == 0
    assert "0 error(s)" in capsys.readouterr().err


def test_cli_import_writes_a_loadable_dictionary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    actors = tmp_path / "actors.txt"
    actors.write_text(PETRARCH_ACTORS, encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text(PETRARCH_AGENTS, encoding="utf-8")
    out = tmp_path / "out.yaml"
    code = main(
        ["actors", "import", "--petrarch-actors", str(actors), "--petrarch-agents", str(agents), "-o", str(out)]
    )
    assert code == 0
    assert "skipped:" in capsys.readouterr().err
    kb = load_knowledge_base([out])
    assert "VLD" in kb.countries and kb.agents["harbour master"] == "BUS"
    assert main(["actors", "import", "-o", str(out)]) == 2


def test_cli_import_rejects_a_broken_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    actors = tmp_path / "actors.txt"
    actors.write_text("+ORPHAN_SYNONYM\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(["actors", "import", "--petrarch-actors", str(actors), "-o", str(out)]) == 1
    assert ":1: a synonym (+) before any entry" in capsys.readouterr().err
    assert not out.exists()
