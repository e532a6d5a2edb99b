"""Input files unchanged since a committed run are counted, not read again (--rescan reads
them): the daily "ingest the whole crawl folder" job (s25 acceptance, acc-ops F12: every
rerun gave each archived document a 500-byte rejects.jsonl line)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corearchive import Document, Stage
from corearchive.cli import cli
from corearchive.report import RunReport

from helpers import ARTICLE, ExplodingPlugin, StagePlugin, extra_plugins

DAY = 86400


def _age(*paths: Path, days: float = 1.0) -> None:
    """Make files look written ``days`` ago (a file modified in the 2 s before a run looked
    at it is not recorded: see corearchive.unchanged.RACY_NS)."""
    t = time.time() - days * DAY
    for p in paths:
        os.utime(p, (t, t))


@pytest.fixture
def crawl(seeds: Path, tmp_path: Path) -> Path:
    """A crawl folder: the five seed articles, written a day ago."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    for f in sorted(seeds.iterdir()):
        shutil.copy(f, folder / f.name)
    _age(*folder.iterdir())
    return folder


def _this_run(res: Any) -> list[dict[str, Any]]:
    """The rejects.jsonl entries of the run ``res``."""
    return [r for r in res.rejects if r["run_id"] == res.manifest["run_id"]]


def _verify(out: Path) -> str:
    got = CliRunner().invoke(cli, ["verify", str(out)])
    assert got.exit_code == 0, got.output
    return got.output


def test_a_rerun_of_an_unchanged_folder_reads_nothing_and_adds_no_reject_lines(
    ingest, crawl, tmp_path
):
    first = ingest(str(crawl))
    assert first.exit_code == 0 and len(first.records) == 5
    size = (first.out / "rejects.jsonl").stat().st_size
    for _ in range(2):
        again = ingest(str(crawl))
        assert again.exit_code == 0, again.output
        counts = again.manifest["counts"]
        assert (counts["inputs"], counts["unchanged_inputs"], counts["documents"]) == (5, 5, 0)
        assert _this_run(again) == []
        assert (again.out / "rejects.jsonl").stat().st_size == size
        assert len(again.records) == 5
    assert "intact" in _verify(first.out)
    # the summary says it, and how to read them anyway
    got = CliRunner().invoke(cli, ["ingest", str(crawl), "-o", str(first.out), "-w", "1"])
    assert got.exit_code == 0
    assert "unchanged inputs  5 (" in got.output and "--rescan reads them again" in got.output


def test_rescan_reads_every_file_again(ingest, crawl):
    ingest(str(crawl))
    again = ingest(str(crawl), "--rescan")
    assert again.manifest["counts"]["unchanged_inputs"] == 0
    assert again.manifest["counts"]["documents"] == 5
    assert {r["reason"] for r in _this_run(again)} == {"already_archived"}
    assert len(_this_run(again)) == 5
    # and records them again: the next run skips them
    assert ingest(str(crawl)).manifest["counts"]["unchanged_inputs"] == 5


def test_the_api_takes_rescan(crawl, tmp_path):
    from corearchive import ingest

    out = tmp_path / "api"
    assert ingest([crawl], out).kept == 5
    assert ingest([crawl], out).unchanged_inputs == 5
    again = ingest([crawl], out, rescan=True)
    assert again.unchanged_inputs == 0
    assert again.dropped[("archive", "already_archived")] == 5


def test_a_file_changed_between_runs_is_read_again(ingest, crawl):
    ingest(str(crawl))
    grown, touched = sorted(crawl.iterdir())[:2]
    with grown.open("a") as f:
        f.write("\nA new paragraph the site added after the first capture of this page.\n")
    _age(grown)  # (its size tells it; its time too old to be a racy one)
    _age(touched, days=0.5)  # the same bytes, another modification time
    again = ingest(str(crawl))
    counts = again.manifest["counts"]
    assert (counts["unchanged_inputs"], counts["documents"]) == (3, 2)
    run2 = _this_run(again)
    # the touched file's document is archived already: its line says so (a changed input)
    assert any(
        r["reason"] == "already_archived" and r["source"]["path"].endswith(touched.name)
        for r in run2
    )
    # the grown one is a new document (archived, or a duplicate of its first version)
    assert not any(
        r.get("reason") == "already_archived" and r["source"]["path"].endswith(grown.name)
        for r in run2
    )
    # both recorded as they are now
    assert ingest(str(crawl)).manifest["counts"]["unchanged_inputs"] == 5


def test_a_file_whose_only_error_is_a_malformed_line_is_not_read_again(ingest, crawl):
    """A malformed line fails the same way on every run (a lasting error entry): the file is
    recorded with its damage, skipped while unchanged, and its line is not re-reported (it
    was read again before s29, its error entry and already_archived lines re-appended)."""
    good = json.dumps({"url": "https://example.org/a", "text": ARTICLE})
    dump = crawl / "dump.jsonl"
    dump.write_text(good + "\n{not json\n")
    _age(dump)
    first = ingest(str(crawl))
    assert first.exit_code == 1 and first.manifest["counts"]["input_errors"] == 1
    again = ingest(str(crawl))
    counts = again.manifest["counts"]
    assert (counts["unchanged_inputs"], counts["input_errors"], counts["documents"]) == (6, 0, 0)
    assert counts["unchanged_damaged_inputs"] == 1
    assert again.exit_code == 0 and _this_run(again) == []


def test_a_file_whose_document_failed_a_stage_is_read_again(ingest, crawl, tmp_path, monkeypatch):
    (crawl / "boom.txt").write_text(ARTICLE.replace("Tuesday", "Tuesday BOOM"))
    _age(crawl / "boom.txt")
    cfg = tmp_path / "c.toml"
    cfg.write_text('[pipeline]\nstages = ["boilerplate", "exploding", "dedup"]\n')
    with extra_plugins(monkeypatch, ("exploding", ExplodingPlugin())):
        first = ingest(str(crawl), "--config", str(cfg))
        assert first.exit_code == 1 and first.manifest["counts"]["failed"] == 1
        again = ingest(str(crawl), "--config", str(cfg))
    counts = again.manifest["counts"]
    assert (counts["unchanged_inputs"], counts["documents"], counts["failed"]) == (5, 1, 1)
    assert [r["source"]["path"].rsplit("/", 1)[1] for r in _this_run(again)] == ["boom.txt"]


def test_a_plugin_the_run_does_not_use_does_not_read_the_files_again(
    ingest, crawl, tmp_path, monkeypatch
):
    """Installing (or disabling) a plugin whose stage the pipeline does not use made the
    next run read every unchanged file again and append its rejects again: the fingerprint
    held every plugin's version (s30 corpus tester F7). It holds those the run uses: its
    stages', its sinks', the sources' (any may read an input), and those that configure."""
    first = ingest(str(crawl))
    assert first.exit_code == 0
    with extra_plugins(monkeypatch, ("exploding", ExplodingPlugin())):
        installed = ingest(str(crawl))
        assert installed.manifest["counts"]["unchanged_inputs"] == 5
        assert "exploding" in installed.manifest["provenance"]["plugins"]
        cfg = tmp_path / "c.toml"
        cfg.write_text('[pipeline]\nstages = ["boilerplate", "exploding", "dedup"]\n')
        used = ingest(str(crawl), "--config", str(cfg))
    assert used.manifest["counts"]["unchanged_inputs"] == 0


def test_another_configuration_reads_the_files_again(ingest, crawl):
    """Documents an earlier run dropped may be kept by another configuration (a language
    added to the allow-list): a file's record holds the run's configuration."""
    first = ingest(str(crawl), "--set", 'language.languages=["fr"]')
    assert first.manifest["counts"]["dropped_by_stage"] == {"language": {"language": 5}}
    same = ingest(str(crawl), "--set", 'language.languages=["fr"]')
    assert same.manifest["counts"]["unchanged_inputs"] == 5
    other = ingest(str(crawl), "--set", 'language.languages=["fr", "en"]')
    assert other.manifest["counts"]["unchanged_inputs"] == 0
    assert other.manifest["counts"]["kept"] == 5


def test_standard_input_and_fresh_files_are_read_again(ingest, crawl):
    """Not recorded: standard input, and a file modified just before the run looked at it
    (a change of the same size within the time stamps' granularity would go unseen)."""
    fresh = crawl / "fresh.txt"
    fresh.write_text(ARTICLE.replace("twelve", "eleven"))
    piped = ARTICLE.replace("twelve", "nine").encode()
    first = ingest(str(crawl), "-", input=piped)
    assert first.exit_code == 0 and first.manifest["counts"]["documents"] == 7
    again = ingest(str(crawl), "-", input=piped)
    counts = again.manifest["counts"]
    assert (counts["inputs"], counts["unchanged_inputs"], counts["documents"]) == (7, 5, 2)
    assert sorted(r["source"]["path"].rsplit("/", 1)[-1] for r in _this_run(again)) == [
        "-",
        "fresh.txt",
    ]


def test_every_input_unchanged_is_no_failure(ingest, crawl, tmp_path):
    """Exit 4 says no document was read because every input failed: not when the inputs
    were unchanged (0), or some unchanged and one missing (1, as for any failed input)."""
    ingest(str(crawl))
    assert ingest(str(crawl)).exit_code == 0
    missing = ingest(str(crawl), str(tmp_path / "nope.jsonl"))
    assert missing.manifest["counts"]["documents"] == 0
    assert missing.exit_code == 1


@pytest.mark.parametrize(
    "how",
    [["-w", "2"], ["-w", "2", "--plan", "staged"], ["-w", "1", "--plan", "staged"]],
    ids=["workers2", "staged2", "staged1"],
)
def test_workers_and_the_staged_plan_skip_alike(ingest, crawl, tmp_path, how):
    """The same runs with --workers 1 (streaming) and ``how``: the same counts, rejects and
    records (the plan enumerates its inputs apart: one skip function)."""
    dump = crawl / "dump.jsonl"
    dump.write_text(json.dumps({"url": "https://example.org/a", "text": ARTICLE}) + "\n{bad\n")
    _age(dump)

    def runs(args: list[str], out: Path) -> list[tuple[Any, ...]]:
        got = []
        for extra in ([], [], ["--rescan"]):
            res = ingest(str(crawl), *args, *extra, out=out)
            c = res.manifest["counts"]
            got.append(
                (
                    res.exit_code,
                    c["inputs"],
                    c["unchanged_inputs"],
                    c["documents"],
                    c["kept"],
                    c["input_errors"],
                    json.dumps(c["dropped_by_stage"], sort_keys=True),
                    sorted((r["kind"], r.get("reason"), r["id"]) for r in _this_run(res)),
                    len(res.records),
                )
            )
        assert "intact" in _verify(out)
        return got

    one = runs(["-w", "1"], tmp_path / "one")
    # (the dump's bad line is damage: recorded, skipped while unchanged)
    assert [g[2] for g in one] == [0, 6, 0]
    assert runs(how, tmp_path / "other") == one


def test_an_index_without_the_inputs_table_still_opens(ingest, crawl):
    """An index made before the table (dropped here: the same schema) is taken: its first
    run reads every file, then records them."""
    first = ingest(str(crawl))
    with sqlite3.connect(first.out / "index.sqlite") as db:
        db.execute("DROP TABLE IF EXISTS inputs")
    db.close()
    again = ingest(str(crawl))
    assert again.exit_code == 0
    assert again.manifest["counts"]["unchanged_inputs"] == 0
    assert len(_this_run(again)) == 5
    assert ingest(str(crawl)).manifest["counts"]["unchanged_inputs"] == 5
    # the staged plan reads the index read-only as it splits: the same
    with sqlite3.connect(first.out / "index.sqlite") as db:
        db.execute("DROP TABLE inputs")
    db.close()
    staged = ingest(str(crawl), "--plan", "staged")
    assert staged.exit_code == 0 and staged.manifest["counts"]["unchanged_inputs"] == 0
    again = ingest(str(crawl), "--plan", "staged")
    assert again.manifest["counts"]["unchanged_inputs"] == 5 and _this_run(again) == []


def test_a_relaunched_plan_keeps_what_it_found_unchanged(ingest, crawl, monkeypatch):
    """A staged run stopped after its plan was made, relaunched: the files it found unchanged
    (in no task) are not taken for inputs added since, and are counted as before."""
    import corearchive.plan as plan_mod

    assert ingest(str(crawl), "--plan", "staged").exit_code == 0
    for name, words in (("new1.txt", "eleven"), ("new2.txt", "thirty")):
        (crawl / name).write_text(ARTICLE.replace("twelve", words) + f"\nNote {name}.")
        _age(crawl / name)
    real_write = plan_mod.write_task

    def stopped(spec: Any, n: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(plan_mod, "write_task", stopped)
    assert ingest(str(crawl), "--plan", "staged").exit_code == 130
    monkeypatch.setattr(plan_mod, "write_task", real_write)
    resumed = ingest(str(crawl), "--plan", "staged")
    assert resumed.exit_code == 0, resumed.output
    counts = resumed.manifest["counts"]
    assert (counts["inputs"], counts["unchanged_inputs"], counts["documents"]) == (7, 5, 2)
    assert ingest(str(crawl), "--plan", "staged").manifest["counts"]["unchanged_inputs"] == 7


class _GrowingStage(Stage):
    """Appends to its document's input file as it processes it: a file written to while the
    run reads it (a crawler still writing)."""

    name = "grower"

    def process(self, doc: Document) -> Document:
        if "GROW" in doc.text and doc.source.path:
            with open(doc.source.path, "a") as f:
                f.write("\nMore text the crawler wrote while the run was reading this file.\n")
        return doc


def test_a_file_that_changed_while_the_run_read_it_is_read_again(
    ingest, crawl, tmp_path, monkeypatch
):
    """(Recorded, if at all, as it was before the run read it; the run also compares its
    state after, and records nothing of a file that changed.)"""
    grows = crawl / "grows.txt"
    grows.write_text(ARTICLE + "\nGROW\n")
    _age(grows)
    cfg = tmp_path / "c.toml"
    cfg.write_text('[pipeline]\nstages = ["boilerplate", "grower", "dedup"]\n')
    with extra_plugins(monkeypatch, ("grower", StagePlugin(_GrowingStage))):
        first = ingest(str(crawl), "--config", str(cfg))
        assert first.exit_code == 0
        _age(grows)  # (not a racy one: its size tells it)
        again = ingest(str(crawl), "--config", str(cfg))
    counts = again.manifest["counts"]
    assert (counts["unchanged_inputs"], counts["documents"]) == (5, 1)


@pytest.mark.parametrize(
    "how", [["-w", "1"], ["-w", "1", "--plan", "staged"]], ids=["stream", "staged"]
)
def test_a_folder_sharing_the_index_reads_the_files_another_folder_read(
    ingest, crawl, tmp_path, how
):
    """s28 integration tester L5: a second output folder on a shared ``--index``, given the
    files the first had read, counted them ``unchanged_inputs`` and wrote no entry for them
    (5 inputs, 0 records, 0 rejects): in that folder, its inputs ended nowhere. A file is
    unchanged for the folder whose run recorded it; another folder reads it (each document
    then ends in its rejects, as archived in the first), and records it for itself."""
    index = tmp_path / "shared.sqlite"
    a, b = tmp_path / "A", tmp_path / "B"
    first = ingest(str(crawl), *how, "--index", str(index), out=a)
    assert len(first.records) == 5
    second = ingest(str(crawl), *how, "--index", str(index), out=b)
    counts = second.manifest["counts"]
    assert (counts["inputs"], counts["unchanged_inputs"], counts["documents"]) == (5, 0, 5)
    assert len(_this_run(second)) == 5  # (each an entry of B: archived already, in A)
    # the folder's own rerun: nothing read
    for _ in range(2):
        again = ingest(str(crawl), *how, "--index", str(index), out=b)
        assert again.manifest["counts"]["unchanged_inputs"] == 5 and _this_run(again) == []


def _cut_warc_gz(folder: Path) -> Path:
    """A WARC.gz of two HTML responses whose last gzip member is cut in half (a crawler
    that crashed as it wrote), written a day ago."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    ends = []
    for k in range(2):
        page = (
            f"<html><head><title>Page {k}</title></head><body><article>"
            + "".join(f"<p>{k} {ARTICLE}</p>" for _ in range(2))
            + "</article></body></html>"
        ).encode()
        head = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1"
        )
        w.write_record(
            w.create_warc_record(
                f"https://news.example/{k}",
                "response",
                payload=io.BytesIO(page),
                length=len(page),
                http_headers=head,
            )
        )
        ends.append(buf.tell())
    data = buf.getvalue()
    crawl = folder / "crawl-01.warc.gz"
    crawl.write_bytes(data[: (ends[0] + ends[1]) // 2])
    _age(crawl)
    return crawl


def test_a_file_with_only_damage_is_recorded_and_skipped_while_unchanged(ingest, crawl):
    """A crawl whose last record is cut (truncated gzip member: the same bytes always fail
    so) was read again on every run: ~1,350 already_archived lines re-appended to
    rejects.jsonl and exit 1 each day (s29 acc-warcscale M1). Now it is recorded with its
    damage and skipped while unchanged; its error entry stays the first run's; --rescan
    reads it again."""
    cut = _cut_warc_gz(crawl)
    first = ingest(str(crawl))
    c = first.manifest["counts"]
    assert (first.exit_code, c["input_errors"], c["documents"]) == (1, 1, 6)
    [error] = [r for r in first.rejects if r["kind"] == "error"]
    assert "truncated" in error["error"] and error["source"]["path"].endswith(cut.name)
    lines = len(first.rejects)

    again = ingest(str(crawl))
    c = again.manifest["counts"]
    assert (c["unchanged_inputs"], c["unchanged_damaged_inputs"]) == (6, 1)
    assert (c["documents"], c["input_errors"]) == (0, 0)
    # exit 0: this run found nothing wrong; the damage was reported (exit 1) by the run
    # that read the file, and the summary says it was skipped
    assert again.exit_code == 0
    summary = RunReport.from_counts("r", again.manifest["counts"]).summary()
    assert "unchanged inputs with damage  1 skipped" in summary
    assert len(again.rejects) == lines and _this_run(again) == []
    assert "intact" in _verify(again.out)

    rescan = ingest(str(crawl), "--rescan")
    c = rescan.manifest["counts"]
    assert (rescan.exit_code, c["input_errors"], c["unchanged_inputs"]) == (1, 1, 0)
    assert c["documents"] == 6


def test_a_file_that_failed_by_an_os_error_is_read_again(ingest, crawl, monkeypatch):
    """An error of the reading, not of the bytes (an OSError: a disk, a network mount) may
    pass next time: the file is not recorded, and read again."""
    from corearchive.source import InputItem

    cut = _cut_warc_gz(crawl)
    real = InputItem.open_raw
    failing = {"on": True}

    def open_raw(self: InputItem, *a: Any, **k: Any) -> Any:
        if failing["on"] and self.path.endswith(cut.name):
            raise OSError(5, "Input/output error")
        return real(self, *a, **k)

    monkeypatch.setattr(InputItem, "open_raw", open_raw)
    first = ingest(str(crawl), "-w", "1")
    assert first.exit_code == 1 and "Input/output error" in first.output
    failing["on"] = False
    again = ingest(str(crawl), "-w", "1")
    c = again.manifest["counts"]
    # read again: its good record archived now, its cut one an error entry
    assert (c["unchanged_inputs"], c["documents"], c["input_errors"]) == (5, 1, 1)
    assert again.exit_code == 1


def test_a_malformed_line_is_damage_an_os_error_is_not():
    from corearchive.source import CorruptCompression, TruncatedGzip, lasting

    assert lasting(TruncatedGzip("cut")) and lasting(CorruptCompression("bad"))
    assert lasting(ValueError("bad JSON")) and lasting(EOFError())
    assert not lasting(OSError(5, "Input/output error")) and not lasting(TimeoutError())
    assert not lasting(MemoryError())


def test_a_file_dated_in_the_future_is_recorded_and_not_read_again(ingest, crawl):
    """A modification time well ahead of the clock (a tarball from a machine ahead, a clock
    skewed): it was counted "modified < 2 s before the run" and read again by every run,
    an ``already_archived`` line each time, until that date (s30 locale tester #12). A
    change now would set a time before it, so it is recorded like any other file; one
    just now is still not."""
    future = time.time() + 365 * DAY
    first_file = sorted(crawl.iterdir())[0]
    os.utime(first_file, (future, future))
    first = ingest(str(crawl))
    assert first.exit_code == 0
    again = ingest(str(crawl))
    assert again.manifest["counts"]["unchanged_inputs"] == 5
    assert _this_run(again) == []
    # just now: not recorded (a write within the clock's step would not show)
    _age(first_file, days=0)
    ingest(str(crawl))
    assert ingest(str(crawl)).manifest["counts"]["unchanged_inputs"] == 4
