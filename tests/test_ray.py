"""The Ray executor on a local Ray instance gives the same output as the local executor."""

from __future__ import annotations

from test_executor import _comparable, _corpus


def test_ray_executor_gives_the_same_output_as_the_local_one(ingest, tmp_path):
    # The builtin stages only: Ray workers import plugins from installed packages, not
    # from the test folder.
    corpus = _corpus(tmp_path / "in.jsonl")
    texts = corpus.read_text().splitlines()
    local = ingest(str(corpus), "--workers", "2", out=tmp_path / "local")
    on_ray = ingest(str(corpus), "--executor", "ray", "--workers", "2", out=tmp_path / "ray")
    assert local.exit_code == on_ray.exit_code == 0
    assert _comparable(local) == _comparable(on_ray)
    statuses = {r["duplicate"]["status"] for r in on_ray.rejects if r.get("duplicate")}
    assert statuses == {"exact", "near"}
    assert len(on_ray.records) + len(on_ray.rejects) == len(texts)


def test_staged_plan_on_ray_gives_the_same_output_as_the_local_pool(ingest, tmp_path):
    from test_plan import _same, _split, _warc_types

    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 4)
    local = ingest(str(folder), "--plan", "staged", "--workers", "2", out=tmp_path / "local")
    on_ray = ingest(
        str(folder), "--plan", "staged", "--executor", "ray", "--workers", "2",
        out=tmp_path / "ray",
    )  # fmt: skip
    assert local.exit_code == on_ray.exit_code == 0
    left, right = _same(local, on_ray)
    assert left == right
    assert _warc_types(tmp_path / "local") == _warc_types(tmp_path / "ray")
    statuses = {r["duplicate"]["status"] for r in on_ray.rejects if r.get("duplicate")}
    assert statuses == {"exact", "near"}


def test_an_interrupted_ray_run_ends_without_the_interpreters_teardown(
    ingest, tmp_path, monkeypatch
):
    """After Ctrl-C, Ray's threads crashed the interpreter's teardown now and then (exit 139,
    not 130): a Ray run stopped by a signal ends with os._exit once its clean-up is done,
    with 130 (SIGINT) or 143 (SIGTERM); a local one with sys.exit as before."""
    import os

    from corearchive import cli
    from corearchive.runner import Run

    exits = []

    def fake_exit(code):
        exits.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", fake_exit)
    corpus = _corpus(tmp_path / "in.jsonl")
    for signal_exc, code in ((KeyboardInterrupt, 130), (cli._Terminated, 143)):

        def stopped(self, exc=signal_exc):
            raise exc

        monkeypatch.setattr(Run, "execute", stopped)
        assert ingest(str(corpus), "--executor", "ray").exit_code == code
        assert ingest(str(corpus)).exit_code == code
    assert exits == [130, 143]


def test_a_cluster_that_cannot_be_joined_is_a_usage_error_before_any_input(ingest, tmp_path):
    # --address auto with no cluster: a run of one document never tried it (exit 0), one of
    # 400 failed mid-run, exit 3, with Ray's traceback
    import pytest

    from corearchive.errors import ConfigError
    from corearchive.executor import start_ray

    class NoCluster:
        def is_initialized(self) -> bool:
            return False

        def init(self, **kwargs: object) -> None:
            raise ConnectionError("Could not find any running Ray instance.\nmore")

    with pytest.raises(ConfigError, match="cannot join the Ray cluster at --address 'auto': "
                       "Could not find any running Ray instance; start one"):  # fmt: skip
        start_ray(NoCluster(), 2, "auto")
    (tmp_path / "a.txt").write_text("A short page.\n")
    res = ingest(str(tmp_path / "a.txt"), "--executor", "ray", "--address", "auto",
                 "--workers", "2")  # fmt: skip
    assert res.exit_code == 2, res.output
    assert "cannot join the Ray cluster at --address 'auto'" in res.output
    assert "Traceback" not in res.output
