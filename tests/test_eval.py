"""The evaluation harness: reading gold files, matching, scoring, and the `wirecoder eval` command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from wirecoder.cli import main
from wirecoder.errors import GoldFormatError
from wirecoder.evaluate.gold import GoldEvent, GoldItem, load_gold
from wirecoder.evaluate.score import actor_country, score
from wirecoder.records import DateValue, Event


def _event(code: str, source: str | None, target: str | None, day: str = "2024-03-04") -> Event:
    return Event(
        id=f"{code}{source}{target}",
        article_id="a",
        sentence_index=0,
        source=source,
        target=target,
        code=code,
        root=code[:2],
        quad_class=1,
        goldstein=0.0,
        date=DateValue(day=date.fromisoformat(day)),
        evidence="",
        span=(0, 1),
        trigger="x",
    )


def _item(item_id: str, *events: GoldEvent, phenomena: tuple[str, ...] = ()) -> GoldItem:
    return GoldItem(id=item_id, published=date(2024, 3, 5), text="t", events=events, phenomena=phenomena)


def test_actor_country_keeps_bodies_whole() -> None:
    assert actor_country("RUSGOV") == "RUS"
    assert actor_country("IGONAT") == "IGONAT"
    assert actor_country("SOMREBSHB") == "SOM"
    assert actor_country(None) is None


def test_levels_and_actor_modes_are_scored_separately() -> None:
    gold = _item("1", GoldEvent(source="ISRMIL", target="PSE", code="195", date="2024-03-04"))
    report = score([gold], {"1": [_event("190", "ISRGOV", "PSE")]})
    assert report.overall[("root", "country")].tp == 1
    assert report.overall[("root", "actor")].tp == 0  # ISRGOV is not ISRMIL
    assert report.overall[("base", "country")].tp == 0  # 190 is not 195
    assert report.overall[("base", "country")].fp == 1 and report.overall[("base", "country")].fn == 1
    assert (report.dates_right, report.dates_checked) == (1, 1)


def test_either_direction_and_accepted_codes() -> None:
    meeting = GoldEvent(source="CHNGOV", target="RUSGOV", code="042", accept=("040",), either_direction=True)
    report = score([_item("1", meeting)], {"1": [_event("040", "RUSGOV", "CHNGOV")]})
    assert report.overall[("full", "actor")].tp == 1
    one_way = GoldEvent(source="CHNGOV", target="RUSGOV", code="111")
    report = score([_item("1", one_way)], {"1": [_event("111", "RUSGOV", "CHNGOV")]})
    assert report.overall[("root", "country")].tp == 0
    assert report.overall[("root", "any")].tp == 1


def test_matching_is_one_to_one() -> None:
    gold = _item("1", GoldEvent(source="USA", target="RUS", code="163"))
    report = score([gold], {"1": [_event("163", "USAGOV", "RUSGOV"), _event("163", "USAGOV", "RUSGOV")]})
    counts = report.overall[("root", "country")]
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)
    assert counts.precision == 0.5 and counts.recall == 1.0


def test_no_event_items_and_phenomena() -> None:
    items = [
        _item("quiet", phenomena=("negation",)),
        _item("noisy", phenomena=("negation",)),
        _item("ok", GoldEvent(source="FRA", target="DEU", code="040"), phenomena=("passive",)),
    ]
    report = score(items, {"quiet": [], "noisy": [_event("190", "FRA", "DEU")], "ok": []})
    assert report.silent_items["negation"] == (1, 2)
    assert report.by_phenomenon["negation"].fp == 1
    assert report.by_phenomenon["passive"].fn == 1
    assert {m.kind for m in report.misses} == {"miss", "false_alarm"}


def test_dates_at_the_gold_precision() -> None:
    month = GoldEvent(source="FRA", target="DEU", code="040", date="2024-02")
    week = GoldEvent(source="FRA", target="DEU", code="040", date_range=(date(2024, 2, 26), date(2024, 3, 3)))
    right = score([_item("1", month)], {"1": [_event("040", "FRA", "DEU", "2024-02-10")]})
    wrong = score([_item("1", week)], {"1": [_event("040", "FRA", "DEU", "2024-03-04")]})
    assert (right.dates_right, wrong.dates_right) == (1, 0)


def _line(drop: str | None = None, **fields: object) -> str:
    row: dict[str, object] = {"id": "a", "published": "2024-03-05", "text": "x", "events": [], **fields}
    row.pop(drop or "", None)
    return json.dumps(row)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not JSON"),
        (_line(drop="events"), "missing field 'events'"),
        (_line(published="5 March"), "is not a date"),
        (_line(events=[{"source": "RUS", "target": None, "code": 190}]), "not a CAMEO code"),
        (_line(events=[{"source": "rus", "target": None, "code": "190"}]), "not an actor code"),
        (_line(events=[{"source": "RUS", "target": None, "code": "190", "date": "2024-02-30"}]), "does not exist"),
    ],
)
def test_bad_gold_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "g.jsonl"
    good = '{"id": "z", "published": "2024-03-05", "text": "x", "events": []}'
    path.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message) as caught:
        load_gold([path])
    assert caught.value.line == 2 and caught.value.path == str(path)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    line = '{"id": "z", "published": "2024-03-05", "text": "x", "events": []}\n'
    (tmp_path / "a.jsonl").write_text(line, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(line, encoding="utf-8")
    with pytest.raises(GoldFormatError, match="already used"):
        load_gold([tmp_path])


def test_eval_command_codes_and_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "g.jsonl"
    rows = [
        {
            "id": "meet",
            "published": "2024-03-05",
            "text": "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Tuesday.",
            "events": [
                {
                    "source": "CHNGOV",
                    "target": "RUSGOV",
                    "code": "042",
                    "accept": ["040"],
                    "either_direction": True,
                    "date": "2024-03-05",
                }
            ],
        },
        {
            "id": "sport",
            "published": "2024-03-05",
            "text": "Brazil beat Argentina 2-1 in Rio de Janeiro on Sunday.",
            "phenomena": ["discard_sports"],
            "events": [],
        },
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["eval", str(gold), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["items"] == 2 and result["gold_events"] == 1
    assert result["headline"]["tp"] == 1 and result["headline"]["fp"] == 0
    assert result["no_event_items"]["all"] == {"silent": 1, "of": 1}
    assert result["date_accuracy"]["right"] == 1
    assert main(["eval", str(gold)]) == 0
    assert "headline (root code, source and target countries)" in capsys.readouterr().out


def test_eval_command_reports_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    assert main(["eval", str(gold)]) == 1
    assert f"{gold}:1: missing field" in capsys.readouterr().err
    assert main(["eval", str(tmp_path / "none.jsonl")]) == 1
