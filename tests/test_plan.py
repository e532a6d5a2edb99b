"""--plan staged: the same output as the streaming run, from files, resumable."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import gzip
import io
import itertools
import json
import os
import pickle
import shutil
import uuid
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from test_executor import CONFIG, _comparable, _corpus
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corearchive import Stage, hookimpl
from corearchive import plan as plan_mod

from helpers import ARTICLE, ExplodingPlugin, StagePlugin, extra_plugins

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _split(corpus: Path, folder: Path, parts: int) -> Path:
    """The corpus as ``parts`` files, documents dealt round-robin: copies and near copies
    land in other files than their originals (other tasks of the plan)."""
    folder.mkdir()
    lines = corpus.read_text().splitlines()
    for k in range(parts):
        (folder / f"part{k}.jsonl").write_text("\n".join(lines[k::parts]) + "\n")
    return folder


def _same(a: Any, b: Any) -> tuple[Any, Any]:
    """Records in order, rejects by id (a streaming run reports them as its batches go)."""
    ra, rb = _comparable(a), _comparable(b)

    def rejects(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # An already_archived entry names the run and time of the archived copy.
        out = [
            {**r, "detail": {k: v for k, v in r["detail"].items() if k == "of"}}
            if r.get("reason") == "already_archived"
            else r
            for r in entries
        ]
        return sorted(out, key=lambda r: (r["id"] or "", json.dumps(r, sort_keys=True)))

    return (ra[0], rejects(ra[1]), ra[2]), (rb[0], rejects(rb[1]), rb[2])


def _warc_types(out: Path) -> Counter[str]:
    types: Counter[str] = Counter()
    for path in sorted((out / "warc").glob("*.warc.gz")):
        with path.open("rb") as f:
            for rec in ArchiveIterator(f):
                types[rec.rec_type] += 1
    types.pop("warcinfo", None)
    return types


def _cross_task_duplicates(res: Any) -> int:
    """Duplicates whose first copy was read from another input file."""
    path_of = {r["id"]: r["source"]["path"] for r in [*res.records, *res.rejects] if r["id"]}
    return sum(
        1
        for r in [*res.records, *res.rejects]
        if (of := (r.get("duplicate") or {}).get("of")) and path_of.get(of) != r["source"]["path"]
    )


@pytest.mark.parametrize("workers", ["1", "2"])
def test_staged_plan_gives_the_streaming_output(ingest, tmp_path, monkeypatch, workers):
    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 4)
    cfg = tmp_path / "c.toml"
    cfg.write_text(CONFIG.format(policy="drop"))
    with extra_plugins(monkeypatch, ("exploding", ExplodingPlugin())):
        stream = ingest(str(folder), "--config", str(cfg), out=tmp_path / "stream")
        staged = ingest(
            str(folder), "--config", str(cfg), "--plan", "staged", "--workers", workers,
            out=tmp_path / "staged",
        )  # fmt: skip
    assert stream.exit_code == staged.exit_code == 1  # the BOOM documents failed
    # (the staged plan's run.json said exit_code 0 and seconds 0.0: the manifest was
    # written before the run took the plan's report)
    assert stream.manifest["exit_code"] == staged.manifest["exit_code"] == 1
    assert staged.manifest["seconds"] > 0
    left, right = _same(stream, staged)
    assert left == right
    assert staged.manifest["plan"]["tasks"] == 4
    # dedup ran as global steps: sorted key files, a merge per band, then the decisions
    assert list(staged.manifest["plan"]["steps"]) == [
        "process", "merge", "clusters", "write", "final"
    ]  # fmt: skip
    statuses = Counter(r["duplicate"]["status"] for r in staged.rejects if r.get("duplicate"))
    assert statuses["exact"] and statuses["near"]
    assert _cross_task_duplicates(staged) > 5
    counts = staged.manifest["counts"]
    assert counts["kept"] + counts["dropped"] + counts["failed"] == counts["documents"]
    assert _warc_types(tmp_path / "stream") == _warc_types(tmp_path / "staged")


def test_staged_plan_dedups_against_an_earlier_run(ingest, tmp_path):
    """A second run, streaming or staged, on the index of a first: the same decisions."""
    corpus = _corpus(tmp_path / "all.jsonl")
    lines = corpus.read_text().splitlines()
    first, second = tmp_path / "first", tmp_path / "second"
    _split_lines(lines[: len(lines) // 2], first, 2)
    _split_lines(lines[len(lines) // 2 :], second, 3)
    base = ingest(str(first), out=tmp_path / "base")
    assert base.exit_code == 0
    shutil.copytree(tmp_path / "base", tmp_path / "stream")
    shutil.copytree(tmp_path / "base", tmp_path / "staged")
    stream = ingest(str(second), out=tmp_path / "stream")
    staged = ingest(str(second), "--plan", "staged", "--workers", "2", out=tmp_path / "staged")
    assert stream.exit_code == staged.exit_code == 0
    left, right = _same(stream, staged)
    assert left == right
    earlier = {r["id"] for r in base.records}
    of_earlier = [r for r in [*staged.records, *staged.rejects] if r["duplicate"]["of"] in earlier]
    assert of_earlier  # decided against the first run's documents
    # The staged run extended the index as the streaming one did: a third run agrees.
    # (--rescan: it read the inputs again only while they were under 2 s old, written by
    # this test, and skipped them as unchanged on a loaded machine: a flaky test)
    again_stream = ingest(str(second), "--rescan", out=tmp_path / "stream")
    again_staged = ingest(str(second), "--rescan", "--plan", "staged", out=tmp_path / "staged")
    assert _same(again_stream, again_staged)[0] == _same(again_stream, again_staged)[1]
    reasons = {
        r["reason"] for r in again_staged.rejects if r["run_id"] == again_staged.manifest["run_id"]
    }
    # Kept documents are archived; the duplicates dropped last time are duplicates again.
    assert "already_archived" in reasons
    assert reasons <= {"already_archived", "exact_duplicate", "near_duplicate"}


def _split_lines(lines: list[str], folder: Path, parts: int) -> None:
    folder.mkdir()
    for k in range(parts):
        (folder / f"p{k}.jsonl").write_text("\n".join(lines[k::parts]) + "\n")


def test_byte_copies_in_other_tasks_are_archived_as_revisits(ingest, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:6]
    for p in seeds:
        shutil.copy(p, folder / p.name)
    # Byte copies under other names: exact duplicates read by another task.
    shutil.copy(seeds[0], folder / "zz-copy-0.txt")
    shutil.copy(seeds[3], folder / "zz-copy-3.txt")
    stream = ingest(str(folder), out=tmp_path / "stream")
    staged = ingest(str(folder), "--plan", "staged", "--workers", "2", out=tmp_path / "staged")
    assert _same(stream, staged)[0] == _same(stream, staged)[1]
    types = _warc_types(tmp_path / "staged")
    assert types["revisit"] == 2
    assert types == _warc_types(tmp_path / "stream")


def test_a_bad_input_is_an_error_entry_and_loses_nothing(ingest, tmp_path):
    folder = _split(_corpus(tmp_path / "all.jsonl", n=60), tmp_path / "in", 3)
    (folder / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n' * 50)[:40])
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 40)
    stream = ingest(str(folder), str(tmp_path / "missing.txt"), out=tmp_path / "stream")
    staged = ingest(
        str(folder), str(tmp_path / "missing.txt"), "--plan", "staged", "--workers", "2",
        out=tmp_path / "staged",
    )  # fmt: skip
    assert stream.exit_code == staged.exit_code == 1
    left, right = _same(stream, staged)
    assert left == right
    errors = [r for r in staged.rejects if r["kind"] == "error"]
    assert {Path(r["source"]["path"]).name for r in errors} >= {"broken.jsonl.gz", "missing.txt"}
    counts = staged.manifest["counts"]
    assert counts["documents"] >= 60
    assert counts["kept"] + counts["dropped"] + counts["failed"] == counts["documents"]


def test_a_relaunch_after_a_crash_redoes_only_unfinished_tasks(ingest, tmp_path, monkeypatch):
    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 4)
    stream = ingest(str(folder), out=tmp_path / "stream")
    out = tmp_path / "staged"
    real_write = plan_mod.write_task

    def crash_at_task_2(spec: Any, n: int) -> None:
        if n == 2:
            raise KeyboardInterrupt  # the run is killed in the middle of the write step
        real_write(spec, n)

    monkeypatch.setattr(plan_mod, "write_task", crash_at_task_2)
    crashed = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert crashed.exit_code == 130
    # Nothing of the run is committed, its finished tasks are kept.
    assert not (out / "records.jsonl").exists() and not (out / "run.json").exists()
    assert not list((out / "warc").glob("*.warc.gz")) if (out / "warc").exists() else True
    tasks = out / ".plan" / "tasks"
    assert all((tasks / f"{n:06d}" / "process" / "done").exists() for n in range(4))
    assert [(tasks / f"{n:06d}" / "write" / "done").exists() for n in range(4)] == [
        True,
        True,
        False,
        False,
    ]

    calls: Counter[str] = Counter()
    real_process = plan_mod.process_task

    def counting_process(spec: Any, n: int, parts: Any) -> None:
        calls["process"] += 1
        real_process(spec, n, parts)

    def counting_write(spec: Any, n: int) -> None:
        calls[f"write{n}"] += 1
        real_write(spec, n)

    monkeypatch.setattr(plan_mod, "process_task", counting_process)
    monkeypatch.setattr(plan_mod, "write_task", counting_write)
    resumed = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert resumed.exit_code == 0
    assert calls == {"write2": 1, "write3": 1}  # the rest was finished before the crash
    assert "4 of 4 tasks were processed and 2 written before it stopped" in resumed.output
    assert not tasks.exists()  # a committed plan keeps no intermediate files
    assert resumed.manifest["run_id"] == crashed_run_id(out)
    left, right = _same(stream, resumed)
    assert left == right
    assert _warc_types(tmp_path / "stream") == _warc_types(out)


class _Payload:
    """A pickle that runs a command when loaded (the s28 security review's H1)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("name", ["sigs.pkl", "docs.pkl", "counts.pkl"])
def test_a_relaunch_refuses_a_planted_pickle_without_running_it(
    ingest, tmp_path, monkeypatch, name
):
    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 4)
    out = tmp_path / "staged"
    real_write = plan_mod.write_task

    def crash_at_task_2(spec: Any, n: int) -> None:
        if n == 2:
            raise KeyboardInterrupt
        real_write(spec, n)

    monkeypatch.setattr(plan_mod, "write_task", crash_at_task_2)
    assert ingest(str(folder), "--plan", "staged", "--workers", "1", out=out).exit_code == 130
    monkeypatch.setattr(plan_mod, "write_task", real_write)
    # Someone who can write to the work folder replaces a finished task's file.
    planted = out / ".plan" / "tasks" / "000002" / "process" / name
    marker = tmp_path / "pwned"
    planted.write_bytes(pickle.dumps(_Payload(marker)))
    resumed = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert not marker.exists()  # the payload did not run
    assert resumed.exit_code == 2
    assert str(planted) in resumed.output and "posix.system" in resumed.output
    assert "Traceback" not in resumed.output
    assert not (out / "records.jsonl").exists()


@pytest.mark.parametrize("where", ["before its files are in place", "after"])
def test_a_relaunch_after_a_stop_past_the_commit_point_is_that_run_done(
    ingest, tmp_path, monkeypatch, where
):
    # The command is stopped after its run committed (its files put in place by the next
    # run into the folder, or already in place), before it put its work folder away: the
    # relaunch started a second run over the same inputs, which wrote a rejects.jsonl line
    # for each document (already archived) and a run.json that kept nothing.
    from corearchive import atomic, runner

    folder = _split(_corpus(tmp_path / "all.jsonl", n=40), tmp_path / "in", 2)
    out = tmp_path / "staged"
    target = atomic.Commit if where == "after" else runner.Run
    name = "publish" if where == "after" else "commit_point"
    real = getattr(target, name)

    def stopped(self: Any, *args: Any) -> None:
        if where == "after":
            real(self, *args)
        else:  # the index committed, the files not yet in place
            commit, catalog, _ = args
            commit.prepare(catalog.path)
            catalog.finish_run(self.run_id, "{}")
            catalog.commit()
            self.committed = True
        raise KeyboardInterrupt

    monkeypatch.setattr(target, name, stopped)
    first = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert first.exit_code == 130
    monkeypatch.setattr(target, name, real)
    run_id = crashed_run_id(out)
    again = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert again.exit_code == 0, again.output
    assert "nothing more to do" in again.output
    assert [p.stem for p in (out / "runs").iterdir()] == [run_id]
    assert again.manifest["run_id"] == run_id and again.manifest["counts"]["kept"] > 0
    assert {r["run_id"] for r in again.rejects} <= {run_id}
    assert sorted(p.name for p in (out / ".plan").iterdir()) == ["final.done", "plan.json"]
    # a rerun of the finished plan is a new run, as after a clean finish
    rerun = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert rerun.exit_code == 0 and rerun.manifest["run_id"] != run_id
    assert rerun.manifest["counts"]["kept"] == 0


def crashed_run_id(out: Path) -> str:
    """The run id kept in the plan (a relaunch finishes the same run)."""
    return str(json.loads((out / ".plan" / "plan.json").read_text())["run_id"])


def test_a_work_folder_of_another_plan_is_refused(ingest, tmp_path):
    folder = _split(_corpus(tmp_path / "all.jsonl", n=20), tmp_path / "in", 2)
    work = tmp_path / "work"
    work.mkdir()
    (work / "plan.json").write_text(
        json.dumps({"run_id": "x", "inputs": ["other"], "config_digest": "y", "tasks": []})
    )
    res = ingest(str(folder), "--plan", "staged", "--work-dir", str(work), out=tmp_path / "o")
    assert res.exit_code == 2
    assert "another --work-dir" in res.output


def test_a_work_folder_on_another_file_system(ingest, tmp_path):
    # --work-dir on a local disk, the output elsewhere: the WARC shards cannot be renamed
    # across file systems (the run failed at its very end, after its commit point): they are
    # copied beside their final names before it.
    import tempfile

    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("no second file system at hand")
    folder = _split(_corpus(tmp_path / "all.jsonl", n=20), tmp_path / "in", 2)
    with tempfile.TemporaryDirectory(dir=shm) as work:
        staged = ingest(str(folder), "--plan", "staged", "--work-dir", work, out=tmp_path / "o")
        stream = ingest(str(folder), out=tmp_path / "s")
    assert staged.exit_code == 0, staged.output
    assert _same(stream, staged)[0] == _same(stream, staged)[1]
    assert _warc_types(tmp_path / "o") == _warc_types(tmp_path / "s")
    assert not list((tmp_path / "o").rglob("*.tmp"))


def _warc_of(corpus: Path, path: Path, gz: bool = True) -> Path:
    """The corpus's texts as a WARC: each a resource record after a request record
    (skipped, and counted as such)."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)

    def add(uri: str, rtype: str, payload: bytes, **kw: Any) -> None:
        rec = w.create_warc_record(
            uri, rtype, payload=io.BytesIO(payload), length=len(payload), **kw
        )
        w.write_record(rec)

    for i, line in enumerate(corpus.read_text().splitlines()):
        uri = f"https://example.com/{i}"
        request = StatusAndHeaders(
            f"GET /{i} HTTP/1.1", [("Host", "example.com")], is_http_request=True
        )
        add(uri, "request", b"", http_headers=request)
        add(uri, "resource", json.loads(line)["text"].encode(), warc_content_type="text/plain")
    path.write_bytes(buf.getvalue())
    return path


@pytest.mark.parametrize("kind", ["jsonl", "jsonl.gz", "warc", "warc.gz", "parquet"])
def test_a_big_input_is_cut_into_tasks_with_the_same_output(ingest, tmp_path, kind):
    # (the tasks after the first resume reading at their part: a seek, or for a compressed
    # file a decompression of what comes before)
    corpus = _corpus(tmp_path / "all.jsonl")
    data = {
        "jsonl": corpus,
        "jsonl.gz": tmp_path / "all.jsonl.gz",
        "warc": _warc_of(corpus, tmp_path / "all.warc", gz=False),
        "warc.gz": _warc_of(corpus, tmp_path / "all.warc.gz"),
    }.get(kind, corpus)
    if kind == "jsonl.gz":
        data.write_bytes(gzip.compress(corpus.read_bytes()))
    if kind == "parquet":
        pa, pq = pytest.importorskip("pyarrow"), pytest.importorskip("pyarrow.parquet")
        data = tmp_path / "all.parquet"
        rows = [json.loads(line) for line in corpus.read_text().splitlines()]
        pq.write_table(pa.Table.from_pylist(rows), data, row_group_size=50)
    mb = data.stat().st_size / 5 / 1024 / 1024  # about five tasks
    stream = ingest(str(data), out=tmp_path / "stream")
    staged = ingest(
        str(data), "--plan", "staged", "--task-mb", f"{mb:.6f}", "--workers", "2",
        out=tmp_path / "staged",
    )  # fmt: skip
    assert stream.exit_code == staged.exit_code == 0
    assert staged.manifest["plan"]["tasks"] >= 3  # whole chunks of 64 a task
    plan = json.loads((tmp_path / "staged" / ".plan" / "plan.json").read_text())
    assert all(len(t) == 1 for t in plan["tasks"])  # a range of a big file is a task
    assert all(t[0][3] is not None for t in plan["tasks"][1:])  # each resumes at its part
    # the intermediate files are gone once the run is committed
    assert sorted(p.name for p in (tmp_path / "staged" / ".plan").iterdir()) == [
        "final.done",
        "plan.json",
    ]
    left, right = _same(stream, staged)
    assert left == right
    assert staged.manifest["counts"]["inputs"] == 1
    if kind == "warc":
        assert staged.manifest["counts"]["skipped"] == stream.manifest["counts"]["skipped"] != {}
    assert _cross_task_duplicates(staged) == 0  # one input: every copy is in the same file
    assert {r["duplicate"]["status"] for r in staged.rejects} == {"exact", "near"}


def test_a_big_json_array_cut_into_tasks_gives_the_same_output(ingest, tmp_path):
    # a JSON array is not resumable: each task reads it from its start, and skips what the
    # tasks before it read
    corpus = _corpus(tmp_path / "all.jsonl")
    data = tmp_path / "all.json"
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    data.write_text(json.dumps(rows, indent=1))
    mb = data.stat().st_size / 3 / 1024 / 1024
    stream = ingest(str(data), out=tmp_path / "stream")
    staged = ingest(str(data), "--plan", "staged", "--task-mb", f"{mb:.6f}", out=tmp_path / "s")
    assert stream.exit_code == staged.exit_code == 0
    assert len(stream.records) > 100 and staged.manifest["plan"]["tasks"] >= 2
    left, right = _same(stream, staged)
    assert left == right


def test_big_files_are_counted_in_parallel_and_cut_as_one_by_one(ingest, tmp_path, monkeypatch):
    # the split step read every big file in the driver, one after the other; several are
    # now counted as tasks of their own (here on the local pool of 2 workers)
    folder = _split(_corpus(tmp_path / "all.jsonl", n=600), tmp_path / "in", 3)
    mb = (folder / "part0.jsonl").stat().st_size / 3 / 1024 / 1024
    counted: list[str] = []
    real_map = plan_mod.TaskRunner.map

    def recording_map(self: Any, fn: Any, calls: Any, **kw: Any) -> None:
        if fn is plan_mod.split_task:
            counted.extend(f"{c[1]} on {self.workers}" for c in calls)
        real_map(self, fn, calls, **kw)

    monkeypatch.setattr(plan_mod.TaskRunner, "map", recording_map)
    args = [str(folder), "--plan", "staged", "--task-mb", f"{mb:.6f}"]
    stream = ingest(str(folder), out=tmp_path / "stream")
    staged = ingest(*args, "--workers", "2", out=tmp_path / "staged")
    assert stream.exit_code == staged.exit_code == 0
    assert counted == [f"{folder}/part{k}.jsonl on 2" for k in range(3)]  # on the pool
    plan = json.loads((tmp_path / "staged" / ".plan" / "plan.json").read_text())
    one = ingest(*args, "--workers", "1", out=tmp_path / "one")
    assert one.exit_code == 0, one.output
    assert plan == {
        **json.loads((tmp_path / "one" / ".plan" / "plan.json").read_text()),
        "run_id": plan["run_id"],
        "stat_time_ns": plan["stat_time_ns"],
    }
    paths = [part[0] for t in plan["tasks"] for part in t]
    assert paths == sorted(paths)  # input order
    assert len(plan["tasks"]) >= 6 and not (tmp_path / "staged" / ".plan" / "split").exists()
    left, right = _same(stream, staged)
    assert left == right


def test_split_input_cuts_by_results(tmp_path):
    from corearchive.manager import collect, make_plugin_manager

    corpus = _corpus(tmp_path / "all.jsonl", n=400)
    registry = collect(make_plugin_manager())
    size = corpus.stat().st_size
    assert plan_mod.split_input(registry, str(corpus), size + 1) == [[str(corpus), 0, None]]
    tasks = plan_mod.split_input(registry, str(corpus), size // 4 + 1)
    # 100 results a task, rounded up to whole chunks of 64; a task after the first resumes
    # at the line of the result before its part (its offset and number), read again and
    # skipped
    starts = [0, *itertools.accumulate(map(len, corpus.read_bytes().splitlines(True)))]
    assert tasks == [[str(corpus), 0, 128, None],
                     [str(corpus), 128, 256, [starts[127], 128]],
                     [str(corpus), 256, 384, [starts[255], 256]],
                     [str(corpus), 384, None, [starts[383], 384]]]  # fmt: skip


def test_the_drop_and_failure_hooks_are_called_as_in_a_streaming_run(ingest, tmp_path, monkeypatch):
    from corearchive import hookimpl

    calls: dict[str, Counter[tuple[str, ...]]] = {}
    current: list[str] = []

    class Listener:
        @staticmethod
        @hookimpl
        def corearchive_document_dropped(document: Any, stage: str, drop: Any) -> None:
            calls[current[0]][("dropped", document.id, stage, drop.reason)] += 1

        @staticmethod
        @hookimpl
        def corearchive_document_failed(document: Any, source: Any, stage: str, error: str) -> None:
            doc_id = document.id if document is not None else source["path"]
            calls[current[0]][("failed", doc_id, stage)] += 1

    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 3)
    cfg = tmp_path / "c.toml"
    cfg.write_text(CONFIG.format(policy="drop"))
    missing = str(tmp_path / "missing.txt")
    plugins = [("exploding", ExplodingPlugin()), ("listener", Listener())]
    with extra_plugins(monkeypatch, *plugins):
        for kind, extra in (("stream", []), ("staged", ["--plan", "staged", "--workers", "2"])):
            current[:] = [kind]
            calls[kind] = Counter()
            res = ingest(str(folder), missing, "--config", str(cfg), *extra, out=tmp_path / kind)
            assert res.exit_code == 1
    assert calls["stream"] == calls["staged"]
    kinds = Counter((c[0], c[-1] if c[0] == "failed" else c[3]) for c in calls["staged"])
    assert kinds[("failed", "input")] == 1
    assert kinds[("failed", "exploding")] and kinds[("dropped", "asked_to")]
    assert kinds[("dropped", "exact_duplicate")] and kinds[("dropped", "near_duplicate")]


def test_a_local_staged_run_does_not_import_ray(tmp_path):
    import subprocess
    import sys

    corpus = _corpus(tmp_path / "all.jsonl", n=30)
    code = (
        "import sys\n"
        "from corearchive.testing import run_ingest\n"
        "from pathlib import Path\n"
        f"res = run_ingest({str(corpus)!r}, '--plan', 'staged', '--workers', '2',"
        f" out=Path({str(tmp_path / 'o')!r}))\n"
        "assert res.exit_code == 0, res.output\n"
        "assert 'ray' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_warc_record_archived_before_keeps_its_id_only_once(ingest, tmp_path):
    """A WARC read again under another name, duplicates kept: the copies' raw records get
    new ids, as in a streaming run (a record id is never used twice in an archive)."""
    corpus = _corpus(tmp_path / "all.jsonl", n=12)
    first = _warc_of(corpus, tmp_path / "first.warc.gz")
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(first, again / "copy.warc.gz")
    base = ingest(str(first), out=tmp_path / "base")
    assert base.exit_code == 0
    shutil.copytree(tmp_path / "base", tmp_path / "stream")
    shutil.copytree(tmp_path / "base", tmp_path / "staged")
    keep = ("--set", 'dedup.policy="keep"')
    stream = ingest(str(again), *keep, out=tmp_path / "stream")
    staged = ingest(str(again), *keep, "--plan", "staged", out=tmp_path / "staged")
    assert stream.exit_code == staged.exit_code == 0
    assert _same(stream, staged)[0] == _same(stream, staged)[1]
    used = [r["archive"]["raw_record_id"] for r in staged.records]
    assert len(used) == len(set(used))
    base_ids = {r["archive"]["raw_record_id"] for r in base.records}
    fresh = [r for r in staged.records[len(base.records) :]]
    assert fresh and not {r["archive"]["raw_record_id"] for r in fresh} & base_ids


def test_copies_of_a_warc_record_in_other_tasks_get_new_record_ids(ingest, tmp_path):
    corpus = _corpus(tmp_path / "all.jsonl", n=12)
    folder = tmp_path / "in"
    folder.mkdir()
    _warc_of(corpus, folder / "a.warc.gz")
    shutil.copy(folder / "a.warc.gz", folder / "b.warc.gz")
    keep = ("--set", 'dedup.policy="keep"')
    stream = ingest(str(folder), *keep, out=tmp_path / "stream")
    staged = ingest(str(folder), *keep, "--plan", "staged", "--workers", "2", out=tmp_path / "s")
    assert stream.exit_code == staged.exit_code == 0
    assert _same(stream, staged)[0] == _same(stream, staged)[1]

    def record_ids(res: Any) -> list[bool]:
        # Whether each record kept its source's WARC-Record-ID (the first copy only).
        return [r["archive"]["raw_record_id"] == r["source"]["warc_record_id"] for r in res.records]

    assert record_ids(staged) == record_ids(stream)
    assert True in record_ids(staged) and False in record_ids(staged)


def test_site_template_evidence_is_the_same_in_every_plan(ingest, tmp_path):
    """The boilerplate stage's site_template looks across the documents of a chunk: the
    streaming run (1 or 2 workers) and the staged plan (several inputs, and one input cut
    into tasks that start inside a chunk) chunk alike, so the records are equal."""
    corpus = _corpus(tmp_path / "all.jsonl")
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    for i, row in enumerate(rows):
        if i % 2 == 0:  # shared by half of the pages (a template line needs half of its
            # site's in the chunk): whether it is template depends on which pages are grouped
            # together
            parts = row["text"].split("\n\n")
            row["text"] = "\n\n".join([*parts[:2], "Continue reading below", *parts[2:]])
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows))
    folder = _split(corpus, tmp_path / "in", 3)
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        '[pipeline]\nstages = ["boilerplate", "metadata", "language", "dedup"]\n'
        "[stages.boilerplate]\nsite_template = true\n"
    )
    mb = corpus.stat().st_size / 5 / 1024 / 1024
    runs = {
        "one file": ingest(str(corpus), "--config", str(cfg), out=tmp_path / "s1"),
        "one file, 2 workers": ingest(
            str(corpus), "--config", str(cfg), "--workers", "2", out=tmp_path / "s2"
        ),
        "one file, staged in tasks": ingest(
            str(corpus),
            *("--config", str(cfg), "--plan", "staged", "--task-mb", f"{mb:.6f}"),
            *("--workers", "2"),
            out=tmp_path / "p1",
        ),
    }
    split = {
        "three files": ingest(str(folder), "--config", str(cfg), out=tmp_path / "s3"),
        "three files, staged": ingest(
            str(folder), "--config", str(cfg), "--plan", "staged", out=tmp_path / "p2"
        ),
    }
    assert runs["one file, staged in tasks"].manifest["plan"]["tasks"] >= 3
    for group in (runs, split):
        results = list(group.values())
        assert all(r.exit_code == 0 for r in results)
        first = _same(results[0], results[0])[0]
        for name, r in list(group.items())[1:]:
            assert _same(results[0], r)[1] == first, name
        removed = [
            reason
            for rec in results[0].records
            for reason in rec["annotations"]["boilerplate"].get("removed", {}).get("reason", [])
        ]
        assert any(reason.startswith("site template") for reason in removed)


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="needs /dev/fd")
def test_a_pipe_is_an_error_entry_of_the_staged_plan(ingest, seeds, tmp_path):
    # its tasks reopen their inputs, which a pipe does not allow
    r, w = os.pipe()
    os.write(w, b"A piped article that the staged plan cannot split into tasks.\n")
    os.close(w)
    try:
        res = ingest(str(seeds), f"/dev/fd/{r}", "--plan", "staged")
        left = os.read(r, 1000)
    finally:
        os.close(r)
    assert res.exit_code == 1 and len(res.records) == 5
    [err] = [e for e in res.rejects if e["kind"] == "error"]
    assert err["source"]["path"] == f"/dev/fd/{r}" and "not pipes" in err["error"]
    assert left.startswith(b"A piped article")  # refused unread, not copied first


def test_stdin_is_a_usage_error_of_the_staged_plan(ingest, seeds):
    res = ingest(str(seeds), "-", "--plan", "staged", input=b"An article on standard input.\n")
    assert res.exit_code == 2 and "reads files, not standard input" in res.output
    assert res.records == []


def test_small_files_are_grouped_into_a_few_tasks_per_worker(ingest, tmp_path):
    """A folder of many small inputs is not a task (and a WARC file) per input: consecutive
    files are grouped into about four tasks per worker, with the streaming run's output."""
    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 40)
    stream = ingest(str(folder), out=tmp_path / "stream")
    staged = ingest(str(folder), "--plan", "staged", "--workers", "1", out=tmp_path / "staged")
    assert stream.exit_code == staged.exit_code == 0
    assert 4 <= staged.manifest["plan"]["tasks"] <= 5
    assert len(list((tmp_path / "staged" / "warc").glob("*.warc.gz"))) <= 5
    plan = json.loads((tmp_path / "staged" / ".plan" / "plan.json").read_text())
    paths = [part[0] for t in plan["tasks"] for part in t]
    assert paths == sorted(str(p) for p in folder.iterdir())  # every file once, in order
    left, right = _same(stream, staged)
    assert left == right
    assert _cross_task_duplicates(staged) > 5


def test_group_parts_keeps_ranges_of_big_files_as_tasks_of_their_own(tmp_path):
    files = []
    for k in range(13):
        files.append(tmp_path / f"f{k:02d}")
        files[-1].write_bytes(b"x" * (500 if k == 6 else 10))
    per_file: list[Any] = [[[str(f), 0, None]] for f in files]
    per_file[6] = [[str(files[6]), 0, 64, None], [str(files[6]), 64, None, 7]]  # cut in two

    def names(tasks: list[Any]) -> list[str]:
        return [" ".join(Path(p[0]).name[1:] for p in t) for t in tasks]

    # 120 bytes of small files for one worker: groups of up to 30 bytes (the big file's
    # ranges are tasks of their own, and a group does not span them)
    assert names(plan_mod.group_parts(per_file, task_bytes=1000, workers=1)) == [
        "00 01 02", "03 04 05", "06", "06", "07 08 09", "10 11 12"
    ]  # fmt: skip
    # two workers: groups of up to 15 bytes; --task-mb caps a group too
    alone = ["00", "01", "02", "03", "04", "05", "06", "06", "07", "08", "09", "10", "11", "12"]
    assert names(plan_mod.group_parts(per_file, task_bytes=1000, workers=2)) == alone
    assert names(plan_mod.group_parts(per_file, task_bytes=10, workers=1)) == alone


def test_a_plan_of_single_part_tasks_is_relaunched(ingest, tmp_path, monkeypatch):
    """A plan.json written before tasks were lists of parts (``[path, start, stop]``)."""
    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 4)
    stream = ingest(str(folder), out=tmp_path / "stream")
    out = tmp_path / "staged"
    real_process = plan_mod.process_task

    def crash_at_task_1(spec: Any, n: int, parts: Any) -> None:
        if n == 1:
            raise KeyboardInterrupt
        real_process(spec, n, parts)

    monkeypatch.setattr(plan_mod, "process_task", crash_at_task_1)
    assert ingest(str(folder), "--plan", "staged", "--workers", "1", out=out).exit_code == 130
    plan_file = out / ".plan" / "plan.json"
    plan = json.loads(plan_file.read_text())
    assert [len(t) for t in plan["tasks"]] == [1, 1, 1, 1]
    plan_file.write_text(json.dumps({**plan, "tasks": [t[0] for t in plan["tasks"]]}))
    monkeypatch.setattr(plan_mod, "process_task", real_process)
    resumed = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert resumed.exit_code == 0, resumed.output
    left, right = _same(stream, resumed)
    assert left == right


def _six_stories(tmp_path: Path) -> Path:
    """A JSONL dump of six documents, http://x.example/0 to /5, the same article each."""
    data = tmp_path / "in.jsonl"
    data.write_text(
        "".join(
            json.dumps({"url": f"http://x.example/{k}", "text": f"Story {k}. " + ARTICLE}) + "\n"
            for k in range(6)
        )
    )
    return data


class _LambdaStage(Stage):
    """Leaves an object that does not pickle in one document's annotations."""

    name = "lambda"
    annotations_schema = {"type": "object"}

    def process(self, doc: Any) -> Any:
        if doc.source.uri.endswith("/3"):
            doc.annotations["lambda"] = {"f": lambda: None}
        return doc


def test_a_document_that_does_not_pickle_fails_alone_in_the_plan(ingest, tmp_path, monkeypatch):
    """It stopped the staged plan (exit 3, nothing committed); a streaming run's worker
    fails it alone, under the stage name "worker", and so does the plan now."""
    data = _six_stories(tmp_path)
    cfg = tmp_path / "c.toml"
    cfg.write_text('[pipeline]\nstages = ["lambda", "boilerplate", "dedup"]\n')
    with extra_plugins(monkeypatch, ("lambda", StagePlugin(_LambdaStage))):
        runs = {
            len(args): ingest(str(data), "--config", str(cfg), *args, out=tmp_path / str(len(args)))
            for args in (["--plan", "staged", "--workers", "1"], ["--plan", "staged"])
        }
    for res in runs.values():
        assert res.exit_code == 1, res.output
        [err] = [r for r in res.rejects if r["kind"] == "error"]
        assert err["stage"] == "worker" and "pickle" in err["error"], err
        assert err["source"]["uri"] == "http://x.example/3"
        assert res.manifest["counts"]["kept"] + res.manifest["counts"]["dropped"] == 5


class _Colour(enum.Enum):
    RED = 1


@dataclasses.dataclass
class _Info:
    n: int


class _TypesStage(Stage):
    """Annotates each document with values of other types than JSON's, as a plugin may: an
    Enum, a UUID, a dataclass, a zoned datetime; document 3 a Decimal (no JSON form), document
    4 a set (the record refuses it: it fails in the sinks)."""

    name = "types"
    annotations_schema = {"type": "object"}

    def process(self, doc: Any) -> Any:
        doc.annotations["types"] = {
            "e": _Colour.RED,
            "u": uuid.UUID(int=5),
            "dc": _Info(3),
            "z": datetime.datetime(2024, 1, 2, tzinfo=ZoneInfo("Europe/Paris")),
        }
        if doc.source.uri.endswith("/3"):
            doc.annotations["types"]["d"] = decimal.Decimal("1.5")
        if doc.source.uri.endswith("/4"):  # (pickles, and fails in the write step's sinks)
            doc.annotations["types"]["s"] = {1, 2}
        return doc


def test_plugin_annotations_of_other_types_than_json_go_as_the_stream_plan_has_them(
    ingest, tmp_path, monkeypatch
):
    """The task files' restricted reader refused a plugin's Enum, UUID, dataclass or zoned
    datetime, and a run's own Archive (write/later.pkl): the staged run stopped (exit 2,
    "planted?"), where the stream plan archives them (s28 integration tester H1, H2). A
    value with no JSON form fails its document alone, in both plans."""
    data = _six_stories(tmp_path)
    cfg = tmp_path / "c.toml"
    cfg.write_text('[pipeline]\nstages = ["types", "boilerplate"]\n')
    with extra_plugins(monkeypatch, ("types", StagePlugin(_TypesStage))):
        runs = [
            ingest(str(data), "--config", str(cfg), *args, out=tmp_path / str(k))
            for k, args in enumerate(
                (["--workers", "1"], ["--plan", "staged", "--workers", "1"], ["--plan", "staged"])
            )
        ]
    for res in runs:
        assert res.exit_code == 1, res.output
        errors = [r for r in res.rejects if r["kind"] == "error"]
        assert sorted(e["source"]["uri"] for e in errors) == [
            "http://x.example/3",
            "http://x.example/4",
        ], errors
        assert len(res.records) == 4
    stream, *staged = runs
    for res in staged:
        assert _comparable(res)[0] == _comparable(stream)[0]  # (the records)
        [err] = [r for r in res.rejects if r["source"]["uri"].endswith("/3")]
        assert "is not JSON serializable" in err["error"], err
    assert stream.records[0]["annotations"]["types"]["u"] == "00000000-0000-0000-0000-000000000005"


class _NoteSink:
    """A plugin sink (a file of its own): the staged plan does not join its parts."""

    @staticmethod
    @hookimpl
    def corearchive_register_sinks(register: Any) -> None:
        from corearchive import Sink

        class Notes(Sink):
            name = "notes"

        register(Notes)


class _Counter(Stage):
    name = "counter"
    annotations_schema = {"type": "object"}

    def process(self, doc: Any) -> Any:
        doc.annotations["counter"] = {"n": 1}
        return doc


def test_what_the_staged_plan_cannot_run_is_refused_by_name(ingest, seeds, tmp_path, monkeypatch):
    """A plugin sink's output was left in the tasks' folders and deleted with them (exit 0,
    its file missing); a plain stage after dedup was refused as if it were ordered. Refused
    before the output folder is made (it was left holding a lock file and an empty .plan/;
    s32 docs finding 12)."""
    cfg = tmp_path / "sinks.toml"
    cfg.write_text('[output]\nsinks = ["warc", "records", "notes"]\n')
    with extra_plugins(monkeypatch, ("notes", _NoteSink())):
        res = ingest(str(seeds), "--config", str(cfg), "--plan", "staged", out=tmp_path / "a")
    assert res.exit_code == 2, res.output
    assert "['notes']" in res.output and "--plan stream" in res.output
    assert not res.records and not (tmp_path / "a").exists()
    cfg = tmp_path / "after.toml"
    cfg.write_text('[pipeline]\nstages = ["boilerplate", "dedup", "counter"]\n')
    with extra_plugins(monkeypatch, ("counter", StagePlugin(_Counter))):
        res = ingest(str(seeds), "--config", str(cfg), "--plan", "staged", out=tmp_path / "b")
        assert res.exit_code == 2, res.output
        assert "['counter'] after it" in res.output and "before dedup" in res.output
        assert not (tmp_path / "b").exists()
        # the same pipeline streams
        res = ingest(str(seeds), "--config", str(cfg), out=tmp_path / "c")
    assert res.exit_code == 0 and len(res.records) == 5, res.output


def test_a_relaunch_refuses_a_plan_whose_inputs_or_index_changed(ingest, tmp_path, monkeypatch):
    """A killed staged run relaunched after an input was edited archived the old text under
    the old id (a part of a split file was read from stale offsets: 10,001 documents from
    10,000), one added to an input folder was ignored, and after another run committed
    into the index the relaunch failed on a UNIQUE constraint, a traceback (acceptance
    round s24d, findings 1-4). The relaunch says what changed and how to start afresh."""
    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 4)
    out = tmp_path / "staged"
    real_write = plan_mod.write_task

    def crash(spec: Any, n: int) -> None:
        raise KeyboardInterrupt  # killed in the write step

    monkeypatch.setattr(plan_mod, "write_task", crash)
    assert ingest(str(folder), "--plan", "staged", "--workers", "1", out=out).exit_code == 130
    monkeypatch.setattr(plan_mod, "write_task", real_write)
    first = sorted(folder.iterdir())[0]
    kept = first.read_bytes()
    with first.open("ab") as f:  # an input edited (appended to)
        f.write(json.dumps({"text": "A late story about the council budget."}).encode() + b"\n")
    r = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert r.exit_code == 2 and "the inputs changed since the plan" in r.output, r.output
    assert f"1 edited: {first}" in r.output and "start afresh" in r.output
    first.write_bytes(kept)
    os.utime(first, ns=(0, 0))  # (its size as it was, its time not)
    assert "1 edited" in ingest(str(folder), "--plan", "staged", out=out).output
    # put the time back as the plan has it, add a file
    stats = json.loads((out / ".plan" / "plan.json").read_text())["stats"]
    os.utime(first, ns=(stats[str(first)][1], stats[str(first)][1]))
    (folder / "zz_added.jsonl").write_text(json.dumps({"text": "Another story."}) + "\n")
    r = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert r.exit_code == 2 and "1 added:" in r.output and "zz_added.jsonl" in r.output
    (folder / "zz_added.jsonl").unlink()
    # another run commits into the index meanwhile: the plan's archived checks are stale
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"text": "A story of another run, committed meanwhile."}) + "\n")
    assert ingest(str(other), out=out).exit_code == 0
    r = ingest(str(folder), "--plan", "staged", "--workers", "1", out=out)
    assert r.exit_code == 2 and "1 other run(s) committed into the index" in r.output, r.output
    assert "Traceback" not in r.output
    shutil.rmtree(out / ".plan")  # (as the message says: afresh)
    assert ingest(str(folder), "--plan", "staged", "--workers", "1", out=out).exit_code == 0


def test_a_relaunch_with_another_task_size_says_it_is_not_used(ingest, tmp_path, monkeypatch):
    """--task-mb changed on a relaunch was ignored in silence (acceptance round s24d)."""
    folder = _split(_corpus(tmp_path / "all.jsonl"), tmp_path / "in", 4)
    out = tmp_path / "staged"
    real_write = plan_mod.write_task

    def crash(spec: Any, n: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(plan_mod, "write_task", crash)
    assert ingest(str(folder), "--plan", "staged", "--workers", "1", out=out).exit_code == 130
    monkeypatch.setattr(plan_mod, "write_task", real_write)
    r = ingest(str(folder), "--plan", "staged", "--workers", "1", "--task-mb", "8", out=out)
    assert r.exit_code == 0, r.output
    assert "--task-mb 8 is not used" in r.output and "tasks of 256 MB" in r.output


@pytest.mark.parametrize(
    "how",
    [["-w", "1"], ["-w", "2"], ["-w", "2", "--plan", "staged"]],
    ids=["stream1", "stream2", "staged2"],
)
def test_a_copy_read_from_a_warc_and_from_a_plain_file_keeps_the_capture(
    ingest, seeds, tmp_path, how
):
    """s28 dedup tester M2: a page's scraped text (named a_..., so listed first) was kept and
    the WARC capture of the same page (its URL, capture date, HTTP headers) dropped as its
    duplicate: the survivor of a cluster is its first document. Web captures are read first
    in a run now, whatever the names: the capture is kept, the plain copies dropped as its
    duplicates, with any number of workers and either plan; the rejects name both sides."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (seeds / "003_2ea200033685fe5d.txt").read_text("utf-8")
    (folder / "a_scraped.txt").write_text(text, "utf-8")
    (folder / "b_dump.jsonl").write_text(
        json.dumps({"text": text, "title": "Scraped copy", "authors": ["A. Scraper"]}) + "\n"
    )
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(
        w.create_warc_record(
            "https://news.example/story",
            "resource",
            payload=io.BytesIO(text.encode()),
            length=len(text.encode()),
            warc_content_type="text/plain",
            warc_headers_dict={"WARC-Date": "2015-11-27T08:00:00Z"},
        )
    )
    (folder / "c_capture.warc.gz").write_bytes(buf.getvalue())
    got = ingest(str(folder), *how)
    assert got.exit_code == 0, got.output
    [kept] = got.records
    assert kept["source"]["uri"] == "https://news.example/story"
    assert kept["source"]["fetched_at"].startswith("2015-11-27")
    drops = sorted(
        (r["source"]["path"], r["reason"], r["detail"]["duplicate"]["of"]) for r in got.rejects
    )
    assert [(Path(p).name, reason, of) for p, reason, of in drops] == [
        ("a_scraped.txt", "exact_duplicate", kept["id"]),
        ("b_dump.jsonl", "exact_duplicate", kept["id"]),
    ]
    [dump] = [r for r in got.rejects if r["source"]["path"].endswith("b_dump.jsonl")]
    assert dump["detail"]["copy"]["title"] == "Scraped copy"
    assert dump["detail"]["copy"]["authors"] == ["A. Scraper"]
    assert dump["detail"]["of"]["uri"] == "https://news.example/story"
    assert dump["detail"]["of"]["id"] == kept["id"]
