"""A plain `pip install .` ships the package, its data and schemas, and nothing at the top of site-packages."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # setuptools reuses a checkout's build/ folder, so records deleted since the last local
    # build would ship again: build from a copy without the ignored build products.
    source = tmp_path_factory.mktemp("source") / "computekg"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "build", "dist", "out", "site", "*.egg-info", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("computekg-*.whl"))


def test_wheel_holds_one_package_with_data_and_schemas(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/", 1)[0] for name in names}
    assert tops == {"computekg", next(t for t in tops if t.endswith(".dist-info"))}
    bundled = sorted((ROOT / "data").glob("*/*.yaml"))
    assert bundled, "the bundled data is empty"
    assert {f"computekg/data/{p.parent.name}/{p.name}" for p in bundled} <= set(names)
    for required in ("computekg/py.typed", "computekg/cli.py", "computekg/schemas/ontology.ttl", "computekg/schemas/deal.schema.json"):
        assert required in names
    assert not any(name.startswith("computekg/tests/") for name in names)


INSTALLED_CHECK = """
import computekg, pathlib, sys
assert "site-packages" in computekg.__file__, computekg.__file__
kg = computekg.load()
assert len(kg.organizations) > 0 and len(kg.deals) > 0
rows = kg.query("SELECT ?d WHERE { ?d a ckg:Deal }")
assert len(rows) == len(kg.deals)
import importlib.util
for name in ("graph", "schemas", "cli"):
    assert importlib.util.find_spec(name) is None, name
print("ok", len(kg.organizations), len(kg.deals))
"""


def test_installed_wheel_works_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    run = subprocess.run([str(python), "-c", INSTALLED_CHECK], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok ")
    command = subprocess.run([str(env_dir / "bin" / "computekg"), "validate"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert command.returncode == 0, command.stderr
    assert command.stdout.startswith("ok: ")


def test_the_checkout_is_collected_as_a_folder_not_a_package(request: pytest.FixtureRequest) -> None:
    # The root's __init__.py imported under the checkout's folder name fails for /tmp/fresh-123.
    root_nodes = [node for node in request.node.listchain() if getattr(node, "path", None) == ROOT]
    assert root_nodes and not any(isinstance(node, pytest.Package) for node in root_nodes)
