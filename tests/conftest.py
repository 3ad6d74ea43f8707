"""Shared fixtures. Code tests use the small data set in tests/fixtures/data, never data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import computekg
import pytest
from helpers import FIXTURE_DATA


@pytest.fixture(scope="session")
def kg() -> computekg.KnowledgeGraph:
    return computekg.load(FIXTURE_DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture data, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target

