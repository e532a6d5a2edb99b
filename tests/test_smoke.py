from __future__ import annotations

from corearchive.testing import make_document
from corearchive_plugins.language import LanguageStage


def test_ingest_seeds(ingest, seeds):
    res = ingest(str(seeds))
    assert res.exit_code == 0, res.output
    assert len(res.records) == 5


def test_run_stage_fixture(run_stage):
    run = run_stage(
        LanguageStage, make_document("Das ist ein kleiner Test auf Deutsch, mit Wörtern.")
    )
    assert run.kept[0].language.code == "de"


def test_the_cli_runs_blas_on_one_thread_unless_told_otherwise():
    """The command sets OPENBLAS_NUM_THREADS=1 before numpy is imported (processes are the
    unit of parallelism; a second BLAS thread only cost CPU), keeping a user's own value."""
    import os
    import subprocess
    import sys

    script = (
        "import os, sys\n"
        "from corearchive.cli import main\n"
        "sys.argv = ['corearchive', '--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(os.environ.get('OPENBLAS_NUM_THREADS'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    for given, want in ((None, "1"), ("3", "3")):
        if given:
            env["OPENBLAS_NUM_THREADS"] = given
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        assert out[-1] == want
