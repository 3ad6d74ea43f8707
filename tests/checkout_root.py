"""pytest plugin: collect the repository root as a plain folder, not as a package.

The root holds the package's __init__.py, and pytest would set that package up by importing
it under the checkout folder's name, which fails when the name is not an identifier (a clone
into /tmp/fresh-123). The tests import the installed computekg instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if path == REPO_ROOT:
        return pytest.Dir.from_parent(parent, path=path)
    return None
