"""The project's own gold set: well-formed, and the coder does not fall below its measured scores.

The floors in tests/data/gold_floor.json are the figures last measured (minus a small margin for
model noise); a change that drops the coder below them fails here. Raise them when the coder improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.evaluate.gold import load_gold
from wirecoder.evaluate.run import code_gold
from wirecoder.evaluate.score import HEADLINE, score
from wirecoder.pipeline import Pipeline

GOLD = Path(__file__).resolve().parents[1] / "gold"
FLOOR = json.loads((Path(__file__).parent / "data" / "gold_floor.json").read_text(encoding="utf-8"))


def test_gold_files_are_well_formed_and_cover_every_root() -> None:
    dev, heldout = load_gold([GOLD / "dev"]), load_gold([GOLD / "heldout"])
    assert len(dev) + len(heldout) >= 400
    assert not {i.text for i in dev} & {i.text for i in heldout}
    lines_per_root: dict[str, int] = {}
    for item in dev + heldout:
        for root in {e.code[:2] for e in item.events}:
            lines_per_root[root] = lines_per_root.get(root, 0) + 1
    assert sorted(lines_per_root) == [f"{n:02d}" for n in range(1, 21)]
    assert min(lines_per_root.values()) >= 15


@pytest.mark.model
@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_coder_stays_above_its_measured_scores(pipeline: Pipeline, part: str) -> None:
    items = load_gold([GOLD / part])
    report = score(items, code_gold(items, pipeline))
    headline = report.overall[HEADLINE]
    floor = FLOOR[part]
    assert headline.f1 >= floor["f1"], (part, headline.as_dict())
    assert headline.precision >= floor["precision"], (part, headline.as_dict())
    kept, of = report.silent_items["all"]
    assert kept / of >= floor["no_event_silent"], (part, kept, of)
