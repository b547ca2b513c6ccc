"""Report the actor knowledge base's coverage of heads of state/government, and overlapping spells.

    python tools/kb_coverage.py [--staged FILE ...] [ISO3 ...]

``--staged FILE`` loads a people file that is not yet in the package on top of the base, rejecting
people the base already has.

For each country: how many distinct holders of each head office are known from 2000 on, the days
since 2000-01-01 with no known holder (gaps), and days with two holders of the same kind (overlaps).
Exits 1 when a listed country has an overlap.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

from wirecoder.actors.kb import load_knowledge_base

START = date(2000, 1, 1)


def main(argv: list[str]) -> int:
    staged: list[str] = []
    codes: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--staged":
            staged.append(next(args))
        else:
            codes.append(arg)
    kb = load_knowledge_base(staged, strict_extra=True)
    today = date.today()
    wanted = [c.upper() for c in codes] or sorted(kb.countries)
    bad = 0
    for code in wanted:
        for kind in ("head_of_state", "head_of_government"):
            spells = [(p.id, s) for p in kb.people.values() for s in p.roles if s.country == code and kind in s.kinds()]
            if not spells:
                print(f"{code} {kind}: none")
                continue
            gaps: list[str] = []
            overlaps: list[str] = []
            day = START
            gap_start: date | None = None
            while day <= today:
                holders = {pid for pid, s in spells if s.active_on(day)}
                if not holders and gap_start is None:
                    gap_start = day
                if holders and gap_start is not None:
                    gaps.append(f"{gap_start}..{day - timedelta(days=1)}")
                    gap_start = None
                if len(holders) > 1:
                    overlaps.append(f"{day} {sorted(holders)}")
                day += timedelta(days=1)
            if gap_start is not None:
                gaps.append(f"{gap_start}..")
            people = {pid for pid, _ in spells}
            print(f"{code} {kind}: {len(people)} people; gaps {gaps[:6]}; overlap days {len(overlaps)} {overlaps[:3]}")
            bad += bool(overlaps)
    return 1 if bad and codes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
