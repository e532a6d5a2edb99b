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


def test_a_run_whose_stderr_is_closed_or_gone_still_archives(seeds, tmp_path):
    """Standard error closed (``2>&-``) failed the run on ``sys.stderr.isatty()``, exit 3;
    a reader that went away (``2>&1 | head -2``) stopped it at the first error line it did
    not take, nothing committed (acceptance round s24a, findings 2 and 3). The run goes on,
    its messages go nowhere, and its exit status and files tell the outcome."""
    import os
    import subprocess
    import sys

    from corearchive.verify import verify

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")  # (an error line)
    for seed in sorted(seeds.iterdir()):
        (tmp_path / "in" / seed.name).write_bytes(seed.read_bytes())
    args = [sys.executable, "-m", "corearchive", "ingest", str(tmp_path / "in"), "-w", "1"]
    closed = subprocess.run(
        [*args, "-o", str(tmp_path / "a")], preexec_fn=lambda: os.close(2), check=False
    )
    gone = subprocess.Popen([*args, "-o", str(tmp_path / "b")], stderr=subprocess.PIPE)
    assert gone.stderr is not None
    gone.stderr.close()  # (the reader goes away at once: every write is a broken pipe)
    gone.wait(timeout=120)
    for out, code in ((tmp_path / "a", closed.returncode), (tmp_path / "b", gone.returncode)):
        assert code == 1, out  # (1: an input failed, the empty file)
        check = verify(out)
        assert check.ok and check.records == 5, check.listed
