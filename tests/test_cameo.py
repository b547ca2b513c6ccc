"""Tests for the packaged CAMEO codebook (wirecoder.events.cameo) and its generator."""

from __future__ import annotations

import hashlib
import importlib.util
import math
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecoder.errors import DictionaryError
from wirecoder.events.cameo import ActorRole, CameoCode, Codebook, load_actor_roles

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
BUILD_SCRIPT = REPO_ROOT / "tools" / "build_cameo.py"
DATA = files("wirecoder") / "data" / "cameo"

# Read once at import so that hypothesis can sample from the code list (a Codebook is read-only).
CODEBOOK = Codebook.load()
ALL_CODES = CODEBOOK.codes()

EXPECTED_QUAD = {f"{n:02d}": 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4 for n in range(1, 21)}


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


def test_loads_the_whole_union(codebook: Codebook) -> None:
    # 311 GDELT codes + 1213 (ICEWS only) + 155, 176, 1834, 1951, 1952 (CAMEO 1.1b3 only).
    assert len(codebook) == 317
    assert codebook.codes() == tuple(sorted(codebook.codes()))
    for extra in ("1213", "155", "176", "1834", "1951", "1952"):
        assert extra in codebook


@pytest.mark.parametrize(("root", "quad"), sorted(EXPECTED_QUAD.items()))
def test_every_root_present_with_gdelt_quad_class(codebook: Codebook, root: str, quad: int) -> None:
    entry = codebook.get(root)
    assert entry.level == 1
    assert entry.parent is None
    assert entry.root == root
    assert entry.quad_class == quad


def test_quad_class_follows_root(codebook: Codebook) -> None:
    for code in codebook.codes():
        assert codebook.get(code).quad_class == EXPECTED_QUAD[codebook.root_of(code)]


def test_sub_code_hierarchy(codebook: Codebook) -> None:
    entry = codebook.get("0311")
    assert entry == CameoCode(
        code="0311",
        root="03",
        parent="031",
        level=3,
        name="Express intent to cooperate economically",
        goldstein=5.2,
        quad_class=1,
        plover_type="AGREE",
        plover_mode=None,
    )
    assert codebook.root_of("0311") == "03"
    assert "0311" in codebook.children("031")
    assert codebook.children("0311") == ()
    assert codebook.children("19") == ("190", "191", "192", "193", "194", "195", "196")


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("190", -10.0),  # GDELT -10.0, ICEWS -10
        ("042", 1.9),  # GDELT 1.9, ICEWS 1.9
        ("016", -2.0),  # GDELT -2.0 wins over ICEWS -5
        ("022", 3.2),  # GDELT 3.2 wins over ICEWS 3.4
        ("164", -7.0),  # GDELT -7.0 wins over ICEWS -6.5
        ("165", -6.5),  # GDELT -6.5 wins over ICEWS -7
        ("1213", -4.0),  # not in GDELT: ICEWS -4
        ("1951", -10.0),  # in no score table: inherited from 195
    ],
)
def test_goldstein(codebook: Codebook, code: str, goldstein: float) -> None:
    assert codebook.get(code).goldstein == goldstein


def test_goldstein_in_range(codebook: Codebook) -> None:
    for code in codebook.codes():
        value = codebook.get(code).goldstein
        assert math.isfinite(value)
        assert -10.0 <= value <= 10.0


def test_plover_mapping(codebook: Codebook) -> None:
    # The 2021 CAMEO->PLOVER map files 163 (embargo, boycott, sanctions) under COERCE/restrict,
    # not SANCTION; the rest of root 16 is SANCTION.
    assert codebook.get("163").plover_type == "COERCE"
    assert codebook.get("163").plover_mode == "restrict"
    assert codebook.get("161").plover_type == "SANCTION"
    assert codebook.get("042").plover_type == "CONSULT"
    assert codebook.get("042").plover_mode == "visit"
    # The map lists root 08 twice (CONCEDE, then RETREAT); the first row is kept.
    assert codebook.get("08").plover_type == "CONCEDE"
    # Roots 01 and 02 have no PLOVER equivalent in the map.
    assert codebook.get("01").plover_type is None
    assert codebook.get("0211").plover_type is None
    # Missing from the map: inherits type and mode from the parent.
    drone = codebook.get("1952")
    assert (drone.plover_type, drone.plover_mode) == ("ASSAULT", "heavy-weapons")
    cyber = codebook.get("176")
    assert (cyber.plover_type, cyber.plover_mode) == ("COERCE", None)


def test_every_parent_exists(codebook: Codebook) -> None:
    for code in codebook.codes():
        entry = codebook.get(code)
        if entry.level == 1:
            assert entry.parent is None
        else:
            assert entry.parent is not None
            assert entry.parent in codebook
            assert code in codebook.children(entry.parent)
            assert codebook.get(entry.parent).level == entry.level - 1


def test_names_are_clean(codebook: Codebook) -> None:
    for code in codebook.codes():
        name = codebook.get(code).name
        assert name
        assert name == name.strip()
        assert name.isascii(), (code, name)


@settings(database=None, max_examples=200)
@given(st.sampled_from(ALL_CODES))
def test_code_round_trip(code: str) -> None:
    codebook = CODEBOOK
    entry = codebook.get(code)
    assert entry.code == code
    assert code in codebook
    # The code string is its parent plus one digit, all the way up to the root.
    assert (entry.parent or "") + code[len(entry.parent or "") :] == code
    assert entry.root == code[:2] == codebook.root_of(code)
    assert entry.level == len(code) - 1
    assert len(code) == 2 or entry.parent == code[:-1]
    assert code.isdigit()


@pytest.mark.parametrize("code", ["999", "42", "0", "", "abc", "19511", " 042", "0315", "2100", "21"])
def test_unknown_code_raises_key_error(codebook: Codebook, code: str) -> None:
    assert code not in codebook
    with pytest.raises(KeyError, match="CAMEO"):
        codebook.get(code)
    with pytest.raises(KeyError):
        codebook.root_of(code)
    with pytest.raises(KeyError):
        codebook.children(code)


def test_unknown_code_messages_help(codebook: Codebook) -> None:
    with pytest.raises(KeyError, match="'042'"):
        codebook.get("42")
    with pytest.raises(KeyError, match="nearest known ancestor is '031'"):
        codebook.get("0315")
    with pytest.raises(KeyError, match="leading zeros"):
        codebook.get(42)  # type: ignore[arg-type]
    assert 42 not in codebook
    assert None not in codebook


def test_digest_is_sha256_of_packaged_file(codebook: Codebook) -> None:
    data = (DATA / "event_codes.tsv").read_bytes()
    assert codebook.digest == hashlib.sha256(data).hexdigest()
    assert Codebook.load().digest == codebook.digest


def test_codebook_is_read_only(codebook: Codebook) -> None:
    entry = codebook.get("190")
    with pytest.raises(AttributeError):
        entry.goldstein = 0.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        codebook.extra = 1  # type: ignore[attr-defined]


def test_actor_roles() -> None:
    roles = load_actor_roles()
    for code in ("GOV", "MIL", "COP", "REB", "OPP", "JUD", "BUS", "MED", "IGO", "NGO", "PTY"):
        assert code in roles
    assert roles["GOV"] == ActorRole(
        code="GOV",
        tier="primary",
        label="Government",
        description="Government: the executive, governing parties, coalitions partners, executive divisions",
    )
    assert roles["MED"].tier == "secondary"
    assert roles["PTY"].label == "Political party"
    assert {r.tier for r in roles.values()} == {
        "primary",
        "secondary",
        "tertiary",
        "international_generic",
        "party",
        "gdelt_type_only",
    }
    for role in roles.values():
        assert len(role.code) == 3
        assert role.code.isupper()
        assert role.label
    assert load_actor_roles() is not roles  # no shared cache


def test_malformed_row_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirecoder.events import cameo

    def fake(name: str) -> tuple[str, bytes]:
        header = "code\troot\tparent\tlevel\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\n"
        return f"fake/{name}", (header + "01\t01\t\t1\tX\tnot-a-number\t1\t\t\n").encode()

    monkeypatch.setattr(cameo, "_resource_bytes", fake)
    with pytest.raises(DictionaryError, match=r"fake/event_codes.tsv:2"):
        Codebook.load()


def _load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_cameo", BUILD_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.seeds
def test_packaged_files_match_generator() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent; cannot regenerate the CAMEO tables")
    reference = SHARED / "reference"
    if not (reference / "cameo").is_dir() or not (reference / "plover").is_dir():
        pytest.skip(f"{reference} lacks cameo/ or plover/")
    build = _load_build_script()
    generated: dict[str, str] = build.build(reference)
    assert set(generated) == {"event_codes.tsv", "actor_roles.tsv"}
    for name, text in generated.items():
        packaged = (DATA / name).read_bytes()
        assert packaged == text.encode("utf-8"), (
            f"{name} is stale: run `python tools/build_cameo.py` and commit the result"
        )
