"""The trigger dictionary: packaged files, user folders, and errors that point at the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import article_from_text

from wirecoder.config import load_settings
from wirecoder.errors import DictionaryError
from wirecoder.events.cameo import Codebook
from wirecoder.events.triggers import load_triggers
from wirecoder.pipeline import Pipeline


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


def test_packaged_dictionary_covers_every_root(codebook: Codebook) -> None:
    book = load_triggers(codebook)
    roots = {rule.code[:2] for rules in (*book.verbs.values(), *book.nouns.values()) for rule in rules}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert "meet" in book.verbs and "say" in book.reporting_verbs and "hold" in book.light_verbs
    assert book.path.endswith("data/events/triggers")


def test_folder_merges_rules_and_word_lists_in_name_order(codebook: Codebook, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        'light_verbs: [hold]\nrules:\n  - code: "040"\n    verbs: [meet]\n    targets: [with]\n'
    )
    (tmp_path / "b.yaml").write_text(
        'light_verbs: [stage]\nrules:\n  - code: "190"\n    verbs: [meet]\n    objects: [resistance]\n'
        '  - code: "150"\n    nouns: [drill]\n    light_only: true\n'
    )
    (tmp_path / "notes.txt").write_text("not a trigger file")
    book = load_triggers(codebook, tmp_path)
    assert [rule.code for rule in book.verbs["meet"]] == ["040", "190"]
    assert book.light_verbs == {"hold", "stage"}
    assert book.may_match({"troops", "staged", "drills"})
    assert not book.may_match({"drills", "ended"})


def test_error_names_file_and_line_of_the_bad_rule(codebook: Codebook, tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text('rules:\n  - code: "040"\n    verbs: [meet]\n  - code: "999"\n    verbs: [shout]\n')
    with pytest.raises(DictionaryError, match=r"rules\.yaml:4: unknown CAMEO code '999'"):
        load_triggers(codebook, bad)


def test_unquoted_on_gets_a_hint(codebook: Codebook, tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text('rules:\n  - code: "040"\n    verbs: [meet]\n    targets: [with, on]\n')
    with pytest.raises(DictionaryError, match=r"rules\.yaml:2: .*quote them"):
        load_triggers(codebook, bad)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("rules: [", "not valid YAML"),
        ("- just a list", "a trigger file is a mapping"),
        ("light_verbs: [hold]\n", "has no 'rules'"),
        ("rules: {code: '040'}", "'rules' must be a list"),
    ],
)
def test_malformed_files_are_refused(codebook: Codebook, tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(content)
    with pytest.raises(DictionaryError, match=message):
        load_triggers(codebook, bad)


def test_empty_folder_and_missing_file_are_refused(codebook: Codebook, tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match=r"no \.yaml trigger files"):
        load_triggers(codebook, tmp_path)
    with pytest.raises(DictionaryError, match="cannot read"):
        load_triggers(codebook, tmp_path / "missing.yaml")


def test_setting_replaces_the_packaged_dictionary(pipeline: Pipeline, tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text('rules:\n  - code: "190"\n    verbs: [meet]\n    targets: [with]\n')
    settings = load_settings(overrides=[f"events.triggers={tmp_path}"])
    custom = Pipeline(settings, kb=pipeline.kb, nlp=pipeline.nlp)
    text = "Russian President Vladimir Putin met with Chinese President Xi Jinping in Beijing on Thursday."
    coded = custom.code_article(article_from_text(text, "2024-05-17"))
    assert [(e.code, e.source[:3], (e.target or "")[:3]) for e in coded.events] == [("190", "RUS", "CHN")]
    assert custom.triggers.path == str(tmp_path)
