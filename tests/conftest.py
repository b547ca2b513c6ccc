"""Shared fixtures: one real spaCy pipeline per test session, and the ../shared folder when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.config import Settings, load_settings
from wirecoder.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    """The real pipeline: packaged knowledge base, trigger book and the spaCy model."""
    return Pipeline(settings)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository (it is only there in CI and development)")
    return SHARED
