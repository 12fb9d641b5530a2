"""Shared fixtures: the seed article and a small lexicon for rule tests."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "lavrov-military-diplomacy.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_analysis():
    import framing

    return framing.analyze(framing.read_article(SEED))
