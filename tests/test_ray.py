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
