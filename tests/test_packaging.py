"""The wheel installs the host and the builtins under their own names, never bare ``plugins``."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import corearchive

from helpers import pip_install_target

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_layout_and_install(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
    )
    [wheel] = dist.glob("corearchive-*.whl")
    # one version: pyproject reads corearchive.__version__ (it was written in both)
    assert wheel.name.startswith(f"corearchive-{corearchive.__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    assert "corearchive_plugins/language/detect.py" in names
    assert "corearchive_plugins/boilerplate/lines_model.json" in names  # the model ships
    assert "corearchive_plugins/language/short_model.json" in names  # the stacker weights ship
    assert "corearchive/py.typed" in names and "corearchive_plugins/py.typed" in names
    assert not any(n.startswith("plugins/") for n in names)
    # the licence and the notice of the models' sources (s27 packager F1, F2), the schemas (F6)
    licences = {n.split("/", 1)[1] for n in names if ".dist-info/licenses/" in n}
    assert licences == {"licenses/LICENSE", "licenses/NOTICE"}
    for schema in ("record", "config", "reject"):
        assert f"corearchive/schemas/{schema}.schema.json" in names
    eps = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(eps).decode()
    assert "[corearchive]" in text and "language = corearchive_plugins.language" in text
    assert "[pytest11]" in text

    site = tmp_path / "site"
    pip_install_target(site, wheel)
    env = dict(os.environ, PYTHONPATH=str(site))
    code = (
        "import corearchive, corearchive_plugins.sources as s; "
        "print(corearchive.__file__); print(s.__file__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.split()
    assert all(p.startswith(str(site)) for p in out), out
    listing = subprocess.run(
        [sys.executable, "-m", "corearchive", "plugins"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    for stage in ("boilerplate", "metadata", "language", "quality", "dedup"):
        assert f"stages: {stage}" in listing


def test_installed_plugins_map_to_corearchive_plugins(tmp_path):
    # Outside the checkout (no folder named plugins/ on the path), as an installed user runs.
    code = (
        "import corearchive_plugins, importlib.util; print(corearchive_plugins.__file__); "
        "print(importlib.util.find_spec('plugins'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout.split("\n")
    origin = Path(out[0]).resolve()
    # an editable install (the checkout's venv) maps to plugins/; an install of the sdist or the
    # wheel (a distribution's tests of its package) to its own corearchive_plugins/
    assert origin == ROOT / "plugins" / "__init__.py" or origin.parent.name == "corearchive_plugins"
    assert out[1] == "None"


#: what a distribution needs to build, test and document the package from its sdist
SDIST_FOLDERS = ("docs", "schemas", "seeds", "examples", "tests")


def _source_files(folder: Path) -> set[str]:
    skip = {"__pycache__", "build", ".pytest_cache"}
    return {
        p.relative_to(ROOT).as_posix()
        for p in folder.rglob("*")
        if p.is_file()
        and not skip & set(p.relative_to(ROOT).parts)
        and not any(part.endswith(".egg-info") for part in p.parts)
        and p.suffix != ".pyc"
    }


@pytest.mark.slow
def test_sdist_is_a_source_release_a_distribution_can_test_from(tmp_path):
    """The sdist had no licence, docs, schemas, seeds, examples, conftest.py, helpers.py or
    tests/plugins/: 13 collection errors when its tests ran (s27 packager F4)."""
    dist = tmp_path / "dist"
    code = "import sys; from setuptools import build_meta as b; print(b.build_sdist(sys.argv[1]))"
    subprocess.run(
        [sys.executable, "-c", code, str(dist)], cwd=ROOT, check=True, capture_output=True
    )
    [sdist] = dist.glob("corearchive-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for name in ("LICENSE", "NOTICE", "README.md", "pyproject.toml", "MANIFEST.in"):
        assert name in names
    for folder in SDIST_FOLDERS:
        missing = _source_files(ROOT / folder) - names
        assert not missing, missing
    assert "tests/conftest.py" in names and "tests/plugins/test_language.py" in names
    assert "corearchive/schemas/reject.schema.json" in names
    assert "corearchive_plugins" not in {n.split("/")[0] for n in names}  # sources as in git
    assert not any(n.endswith(".pyc") or "__pycache__" in n for n in names)
