"""Helpers shared by the tests (conftest holds the fixtures)."""

from __future__ import annotations

from pathlib import Path

import computekg
import pytest

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


def problems_of(data_dir: Path) -> list[str]:
    """Every problem `computekg.load` reports, as 'file:line: message' strings."""
    with pytest.raises(computekg.LoadError) as caught:
        computekg.load(data_dir)
    return [str(p) for p in caught.value.problems]
