#!/usr/bin/env python3
"""Generate wirecoder's packaged CAMEO tables from the shared reference tables.

Run by hand from the repository root, then commit the output::

    python tools/build_cameo.py                       # reads ../shared/reference
    python tools/build_cameo.py DIR                   # another copy of the reference tables
    python tools/build_cameo.py --check               # exit 1 if the packaged files are stale

It reads ``cameo/cameo_event_codes.tsv``, ``cameo/cameo_quadclass.tsv``,
``cameo/CAMEO.goldsteinscale.txt``, ``cameo/CAMEO.type.txt``, ``cameo/cameo_actor_roles.tsv`` and
``plover/cameo_to_plover_2021.tsv`` under the reference folder, and writes
``src/wirecoder/data/cameo/event_codes.tsv`` and ``actor_roles.tsv``. The runtime reads only the
packaged files, never the reference folder. Output is deterministic (sorted, LF line ends, no
timestamps) so that a rerun on unchanged input gives byte-identical files.

The rules applied (see ``src/wirecoder/data/cameo/README.md``):

* codes: every code in ``cameo_event_codes.tsv`` (the union of the CAMEO 1.1b3 manual, the GDELT
  lookup and the ICEWS table). Codes that appear only in the CAMEO→PLOVER map are left out.
* name: CAMEO 1.1b3, else GDELT, else ICEWS.
* goldstein: GDELT, else ICEWS, else the nearest ancestor's value (``goldstein_source`` says which).
* quad_class: GDELT convention by root (01-05 → 1, 06-09 → 2, 10-14 → 3, 15-20 → 4), checked
  against the reference columns.
* plover_type / plover_mode: the CAMEO→PLOVER 2021 map, first row per code; a code missing from the
  map inherits both from its parent (``plover_source`` says which); empty when no ancestor is mapped.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO_ROOT.parent / "shared" / "reference"
DEFAULT_OUT = REPO_ROOT / "src" / "wirecoder" / "data" / "cameo"

EVENT_CODES_FILE = "event_codes.tsv"
ACTOR_ROLES_FILE = "actor_roles.tsv"

EVENT_COLUMNS = (
    "code",
    "root",
    "parent",
    "level",
    "name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "goldstein_source",
    "plover_source",
)
ACTOR_COLUMNS = ("code", "tier", "label", "description")

INHERITED = "inherited:"

# Tier names in cameo_actor_roles.tsv that are notes rather than identifiers.
TIER_RENAMES = {"(GDELT type list only)": "gdelt_type_only"}


class ReferenceError(Exception):
    """The reference tables are missing, malformed or disagree with each other."""


def quad_class_of(root: str) -> int:
    """GDELT QuadClass of a two-digit CAMEO root code."""
    n = int(root)
    if 1 <= n <= 5:
        return 1
    if 6 <= n <= 9:
        return 2
    if 10 <= n <= 14:
        return 3
    if 15 <= n <= 20:
        return 4
    raise ReferenceError(f"root code {root!r} is outside 01-20")


def _read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise ReferenceError(f"missing reference table: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ReferenceError(f"{path}:{i}: wrong number of fields")
    return rows


def _require(rows: list[dict[str, str]], path: Path, columns: Iterable[str]) -> None:
    have = set(rows[0]) if rows else set()
    missing = [c for c in columns if c not in have]
    if missing:
        raise ReferenceError(f"{path}: missing columns {missing}")


def _float_text(value: str) -> str:
    return repr(float(value))


def _write_tsv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["\t".join(columns)]
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell or "\r" in cell or cell != cell.strip():
                raise ReferenceError(f"cell holds a tab, a line break or edge whitespace: {cell!r}")
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def _plover_map(path: Path) -> dict[str, tuple[str, str]]:
    rows = _read_tsv(path)
    _require(rows, path, ("cameo_code", "plover_event", "plover_mode"))
    mapping: dict[str, tuple[str, str]] = {}
    for row in rows:
        code = row["cameo_code"].strip()
        # First row wins: the map lists root 08 twice (CONCEDE, then RETREAT) and 175 twice.
        mapping.setdefault(code, (row["plover_event"].strip(), row["plover_mode"].strip()))
    return mapping


def _gdelt_goldstein(path: Path) -> dict[str, str]:
    rows = _read_tsv(path)
    _require(rows, path, ("CAMEOEVENTCODE", "GOLDSTEINSCALE"))
    return {r["CAMEOEVENTCODE"].strip(): r["GOLDSTEINSCALE"].strip() for r in rows}


def _inherited_from(parent: str, parent_source: str) -> str:
    if parent_source.startswith(INHERITED):
        return parent_source
    return INHERITED + parent


def build_event_codes(reference: Path) -> str:
    """Return the text of ``event_codes.tsv`` built from the reference folder."""
    codes_path = reference / "cameo" / "cameo_event_codes.tsv"
    rows = _read_tsv(codes_path)
    _require(
        rows,
        codes_path,
        (
            "code",
            "level",
            "root_code",
            "parent_code",
            "name_cameo_1.1b3",
            "name_gdelt",
            "name_icews",
            "goldstein_gdelt",
            "goldstein_icews",
            "quadclass_gdelt",
        ),
    )
    quad_path = reference / "cameo" / "cameo_quadclass.tsv"
    quad_rows = _read_tsv(quad_path)
    _require(quad_rows, quad_path, ("root_code", "quadclass_gdelt"))
    quad_table = {r["root_code"]: int(r["quadclass_gdelt"]) for r in quad_rows}
    gdelt_goldstein = _gdelt_goldstein(reference / "cameo" / "CAMEO.goldsteinscale.txt")
    plover = _plover_map(reference / "plover" / "cameo_to_plover_2021.tsv")

    by_code: dict[str, dict[str, str]] = {}
    for row in rows:
        code = row["code"].strip()
        if not (code.isascii() and code.isdigit() and 2 <= len(code) <= 4):
            raise ReferenceError(f"{codes_path}: malformed code {code!r}")
        if code in by_code:
            raise ReferenceError(f"{codes_path}: duplicate code {code!r}")
        by_code[code] = row

    out: dict[str, list[str]] = {}
    for code in sorted(by_code):
        row = by_code[code]
        root = code[:2]
        parent = code[:-1] if len(code) > 2 else ""
        level = len(code) - 1
        if row["root_code"] != root or row["parent_code"] != parent or row["level"] != str(level):
            raise ReferenceError(f"{codes_path}: code {code} has inconsistent root/parent/level")
        if parent and parent not in by_code:
            raise ReferenceError(f"{codes_path}: parent {parent} of {code} is not listed")

        name = row["name_cameo_1.1b3"].strip() or row["name_gdelt"].strip() or row["name_icews"].strip()
        if not name:
            raise ReferenceError(f"{codes_path}: code {code} has no name in any source")

        g_gdelt = row["goldstein_gdelt"].strip()
        g_icews = row["goldstein_icews"].strip()
        if g_gdelt and code in gdelt_goldstein and float(gdelt_goldstein[code]) != float(g_gdelt):
            raise ReferenceError(f"goldstein_gdelt of {code} disagrees with CAMEO.goldsteinscale.txt")
        if g_gdelt:
            goldstein, g_source = _float_text(g_gdelt), "gdelt"
        elif g_icews:
            goldstein, g_source = _float_text(g_icews), "icews"
        elif parent:
            # Parents sort before children, so the parent row is already built. The source names
            # the ancestor the value really came from.
            goldstein = out[parent][5]
            g_source = _inherited_from(parent, out[parent][9])
        else:
            raise ReferenceError(f"root code {code} has no Goldstein value in any source")

        quad = quad_class_of(root)
        if int(row["quadclass_gdelt"]) != quad or quad_table.get(root) != quad:
            raise ReferenceError(f"quad class of {code} disagrees with the reference tables")

        if code in plover:
            p_type, p_mode = plover[code]
            p_source = "cameo2plover"
        elif parent and out[parent][7]:
            p_type, p_mode = out[parent][7], out[parent][8]
            p_source = _inherited_from(parent, out[parent][10])
        else:
            p_type, p_mode, p_source = "", "", ""

        out[code] = [
            code,
            root,
            parent,
            str(level),
            name,
            goldstein,
            str(quad),
            p_type,
            p_mode,
            g_source,
            p_source,
        ]

    for root_num in range(1, 21):
        if f"{root_num:02d}" not in out:
            raise ReferenceError(f"root code {root_num:02d} is missing")
    return _write_tsv(EVENT_COLUMNS, out.values())


def build_actor_roles(reference: Path) -> str:
    """Return the text of ``actor_roles.tsv`` built from the reference folder."""
    roles_path = reference / "cameo" / "cameo_actor_roles.tsv"
    rows = _read_tsv(roles_path)
    _require(rows, roles_path, ("code", "tier_cameo_1.1b3", "label_gdelt_type", "description_cameo_1.1b3"))
    type_path = reference / "cameo" / "CAMEO.type.txt"
    type_rows = _read_tsv(type_path)
    _require(type_rows, type_path, ("CODE", "LABEL"))
    type_labels = {r["CODE"].strip(): r["LABEL"].strip() for r in type_rows}

    seen: set[str] = set()
    out: list[list[str]] = []
    for row in rows:
        code = row["code"].strip()
        if not (len(code) == 3 and code.isascii() and code.isalpha() and code.isupper()):
            raise ReferenceError(f"{roles_path}: malformed role code {code!r}")
        if code in seen:
            raise ReferenceError(f"{roles_path}: duplicate role code {code!r}")
        seen.add(code)
        tier = row["tier_cameo_1.1b3"].strip()
        tier = TIER_RENAMES.get(tier, tier)
        if not tier:
            raise ReferenceError(f"{roles_path}: role {code} has no tier")
        label = row["label_gdelt_type"].strip()
        description = row["description_cameo_1.1b3"].strip()
        if label and code in type_labels and type_labels[code] != label:
            raise ReferenceError(f"{roles_path}: label of {code} disagrees with CAMEO.type.txt")
        if not label:
            # PTY is not in GDELT's type list; the manual's description opens with its name.
            label = description.split(":", 1)[0].strip() if ":" in description else ""
        if not label:
            raise ReferenceError(f"{roles_path}: role {code} has no label")
        out.append([code, tier, label, description])

    not_listed = sorted(set(type_labels) - seen)
    if not_listed:
        raise ReferenceError(f"{type_path}: role codes missing from {roles_path.name}: {not_listed}")
    return _write_tsv(ACTOR_COLUMNS, out)


def build(reference: Path) -> dict[str, str]:
    """Return ``{file name: text}`` for every packaged file this script generates."""
    return {
        EVENT_CODES_FILE: build_event_codes(reference),
        ACTOR_ROLES_FILE: build_actor_roles(reference),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "reference",
        nargs="?",
        type=Path,
        default=DEFAULT_REFERENCE,
        help=f"reference folder holding cameo/ and plover/ (default: {DEFAULT_REFERENCE})",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT})"
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    args = parser.parse_args(argv)
    reference: Path = args.reference
    out_dir: Path = args.out

    try:
        files = build(reference)
    except ReferenceError as exc:
        print(f"build_cameo: {exc}", file=sys.stderr)
        return 2

    stale = []
    for name, text in files.items():
        target = out_dir / name
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        stale.append(name)
        if not args.check:
            out_dir.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            print(f"wrote {target}")
    if args.check and stale:
        print(f"build_cameo: stale packaged files in {out_dir}: {', '.join(stale)}", file=sys.stderr)
        return 1
    if not stale:
        print(f"build_cameo: {out_dir} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
