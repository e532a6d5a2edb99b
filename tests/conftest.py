"""Shared fixtures; corearchive.testing (the plugin for plugin authors) is loaded via pytest11."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds() -> Path:
    """The folder of the five seed articles."""
    return SEEDS
