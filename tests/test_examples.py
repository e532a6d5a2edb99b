"""The example third-party plugin installs with pip, is listed, runs where configured."""

from __future__ import annotations

import importlib
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import pip_install_target

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "corearchive-readability"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """pip-install the example plugin into a private folder (not the test environment)."""
    target = tmp_path_factory.mktemp("site")
    pip_install_target(target, EXAMPLE)
    return target


def _env(target: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(target), env.get("PYTHONPATH", "")])
    return env


@pytest.mark.slow
def test_installed_plugin_is_listed(installed):
    out = subprocess.run(
        [sys.executable, "-m", "corearchive", "plugins"],
        env=_env(installed),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("readability"))
    assert "corearchive-readability 1.0.0" in line and "stages: readability" in line


@pytest.mark.slow
def test_installed_plugin_runs_where_configured_and_its_fragment_is_enforced(
    installed, seeds, tmp_path, monkeypatch, ingest
):
    monkeypatch.syspath_prepend(str(installed))
    importlib.invalidate_caches()
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        '[pipeline]\nstages = ["boilerplate", "readability", "language"]\n'
        "[stages.readability]\nmin_words = 400\n"
    )
    res = ingest(str(seeds), "--config", str(cfg))
    assert res.exit_code == 0, res.output
    assert [p["stage"] for p in res.records[0]["pipeline"]] == [
        "boilerplate",
        "readability",
        "language",
    ]
    assert res.records[0]["pipeline"][1]["plugin"] == "corearchive-readability"
    for rec in res.records:
        assert rec["annotations"]["readability"]["words"] >= 400
    drops = [r for r in res.rejects if r["kind"] == "dropped"]
    assert drops and all(r["stage"] == "readability" and r["reason"] == "too_short" for r in drops)
    assert len(drops) + len(res.records) == 5

    import corearchive_readability

    def bad(self, doc):
        doc.annotations["readability"] = {"words": "many"}
        return doc

    # --enable puts it where the class declares (after boilerplate), options from --set
    res = ingest(
        str(seeds), "--enable", "readability", "--set", "readability.min_words=400",
        out=tmp_path / "enabled",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert [p["stage"] for p in res.records[0]["pipeline"]] == [
        "boilerplate", "readability", "metadata", "language", "dedup",
    ]  # fmt: skip
    assert res.manifest is not None and res.manifest["config"]["enable"] == ["readability"]

    monkeypatch.setattr(corearchive_readability.ReadabilityStage, "process", bad)
    res = ingest(str(seeds), "--config", str(cfg), out=tmp_path / "bad")
    assert res.exit_code == 1 and res.records == []
    assert all("annotations/readability" in r["error"] for r in res.rejects)


@pytest.mark.slow
def test_example_plugin_own_tests_pass(installed):
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        env=_env(installed),
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "3 passed" in r.stdout


@pytest.mark.slow
def test_the_example_readme_command_runs_the_stage(installed, seeds, tmp_path):
    """The README's command ran a config whose stage list left the example stage out."""
    readme = (EXAMPLE / "README.md").read_text()
    command = readme.split("corearchive ingest ", 1)[1].split("\npytest", 1)[0]
    args = shlex.split(command.replace("\\\n", " "))
    # (its own folder: the set-up's `out/` holds the seeds already, all already_archived)
    assert args[:3] == ["seeds", "-o", "out-readability"], args
    out = tmp_path / "out"
    r = subprocess.run(
        [sys.executable, "-m", "corearchive", "ingest", str(seeds), "-o", str(out), *args[3:]],
        env=_env(installed),
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    record = json.loads((out / "records.jsonl").read_text().splitlines()[0])
    assert "readability" in [p["stage"] for p in record["pipeline"]]
    assert record["annotations"]["readability"]["words"] >= 50
