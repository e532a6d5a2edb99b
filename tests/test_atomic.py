"""AtomicFile: the position it reports is where the bytes are, through appends and cuts."""

from __future__ import annotations

import pytest

from corearchive.atomic import AtomicFile


def test_tell_follows_writes_and_truncates_of_a_file_that_grows(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"earlier run\n")
    f = AtomicFile(path, "r1", keep_existing=True)
    assert f.tell() == 12
    f.write(b"one\n")
    at = f.tell()
    f.write("twö\n".encode())
    assert f.tell() == at + 5
    f.truncate(at)  # take back the last line
    f.write(b"three\n")
    assert f.tell() == 12 + 4 + 6
    f.commit()
    assert path.read_bytes() == b"earlier run\none\nthree\n"
    assert path.stat().st_size == f.tell()


def test_tell_of_a_new_file(tmp_path):
    f = AtomicFile(tmp_path / "a.warc.gz", "r1")
    assert f.tell() == 0
    f.write(b"x" * 1000)
    f.truncate(10)
    f.write(b"yz")
    f.commit()
    assert (tmp_path / "a.warc.gz").read_bytes() == b"x" * 10 + b"yz" and f.tell() == 12


class _FullDisk:
    """A file whose buffered bytes cannot be flushed: close() fails as on a full disk."""

    def __init__(self, f):
        self.f = f
        self.closed = False

    def close(self):
        self.f.close()
        self.closed = True
        raise OSError(28, "No space left on device")


def test_abort_removes_the_temporary_file_when_closing_it_fails(tmp_path):
    path = tmp_path / "records.jsonl"
    f = AtomicFile(path, "r1")
    f.write(b"x" * 100)
    f.file = _FullDisk(f.file)  # type: ignore[assignment]
    f.abort()  # does not raise: the file is thrown away
    assert list(tmp_path.iterdir()) == []


def test_a_commit_that_cannot_be_decided_stops_the_next_run_and_keeps_its_files(tmp_path):
    # The journal's index is gone (moved, another disk not mounted): whether the run
    # committed is unknown. Its files stay, and no run goes ahead (a run appending to
    # records.jsonl meanwhile would make the pending append wrong).
    import json

    from corearchive.atomic import recover_commits
    from corearchive.errors import UnfinishedCommitError

    run = "20260101T000000Z-abc123"
    tmp = tmp_path / f".records.jsonl.{run}.tmp"
    tmp.write_bytes(b"line\n")
    journal = tmp_path / f".commit.{run}.json"
    journal.write_text(
        json.dumps(
            {
                "run": run,
                "index": str(tmp_path / "gone.sqlite"),
                "ops": [[tmp.name, "records.jsonl", None]],
            }
        )
    )
    with pytest.raises(UnfinishedCommitError, match=f"run {run} was killed as it committed"):
        recover_commits(tmp_path)
    assert tmp.exists() and journal.exists() and not (tmp_path / "records.jsonl").exists()
    journal.write_text("{")  # damaged: the same
    with pytest.raises(UnfinishedCommitError, match="its journal cannot be read"):
        recover_commits(tmp_path)


def test_a_cumulative_file_is_appended_to_not_copied(tmp_path):
    # A run's temporary file holds only its own bytes (an archive's records file was copied
    # whole by every run); the append is made again once after a crash in the middle of it.
    from corearchive.atomic import _append

    path = tmp_path / "records.jsonl"
    path.write_bytes(b"earlier\n")
    f = AtomicFile(path, "r1", keep_existing=True)
    f.write(b"new\n")
    f.file.flush()
    assert f.tmp.read_bytes() == b"new\n"
    with pytest.raises(ValueError, match="this run's bytes start at 8"):
        f.truncate(3)
    f.commit()
    assert path.read_bytes() == b"earlier\nnew\n" and not f.tmp.exists()
    # a crash halfway through an append, then the append made again from the journal
    f.tmp.write_bytes(b"new\n")
    path.write_bytes(b"earlier\nne")
    _append(f.tmp, path, 8)
    assert path.read_bytes() == b"earlier\nnew\n" and not f.tmp.exists()
    # a crash after the append, before its part was deleted: not appended twice
    f.tmp.write_bytes(b"new\n")
    _append(f.tmp, path, 8)
    assert path.read_bytes() == b"earlier\nnew\n" and not f.tmp.exists()
    # the file changed since by another program (another run's lines after it): refused
    f.tmp.write_bytes(b"new\n")
    path.write_bytes(b"earlier\nnew\nmore lines\n")
    with pytest.raises(OSError, match="changed by another program"):
        _append(f.tmp, path, 8)
    assert path.read_bytes() == b"earlier\nnew\nmore lines\n" and f.tmp.exists()
    path.write_bytes(b"earlier\nnew\n")
    f.abort()  # after the commit: the file as it was before the run
    assert path.read_bytes() == b"earlier\n"


def test_a_file_of_lines_whose_last_was_cut_gets_a_newline_first(tmp_path):
    # records.jsonl cut short by another program or a full disk: the run's first line was
    # glued to the cut one, and both were lost as JSON
    path = tmp_path / "records.jsonl"
    path.write_bytes(b'{"id": 1}\n{"id": 2, "te')
    f = AtomicFile(path, "r1", keep_existing=True, lines=True)
    f.write(b'{"id": 3}\n')
    f.commit()
    assert path.read_bytes().splitlines()[-1] == b'{"id": 3}'
    whole = tmp_path / "whole.jsonl"
    whole.write_bytes(b'{"id": 1}\n')
    g = AtomicFile(whole, "r1", keep_existing=True, lines=True)
    g.write(b'{"id": 2}\n')
    g.commit()
    assert whole.read_bytes() == b'{"id": 1}\n{"id": 2}\n'


def test_the_index_takes_the_umask_as_the_other_outputs(seeds, tmp_path, ingest):
    # under a group's umask 002 every output was group-writable but index.sqlite (0644):
    # SQLite makes its files 0644 less the umask; its -wal and -shm take the database's mode
    import os
    import stat

    old = os.umask(0o002)
    try:
        res = ingest(str(seeds), out=tmp_path / "o")
    finally:
        os.umask(old)
    assert res.exit_code == 0
    modes = {
        p.name: stat.S_IMODE(p.stat().st_mode)
        for p in [res.out / "index.sqlite", res.out / "records.jsonl", res.out / "run.json"]
    }
    assert set(modes.values()) == {0o664}, modes


def test_the_sha256_of_a_committed_file_is_of_its_bytes(tmp_path):
    # a sink's digests(), called after commit(), failed with "flush of closed file" and the
    # run with it (s26 plugin author F10)
    import hashlib

    from corearchive.atomic import Commit

    new = AtomicFile(tmp_path / "new.bin", "r1")
    new.write(b"abc")
    before = new.sha256()
    new.commit()
    assert new.sha256() == before == "sha256:" + hashlib.sha256(b"abc").hexdigest()
    grown = tmp_path / "grown.jsonl"
    grown.write_bytes(b"earlier")  # (no newline: this run's bytes start with one)
    f = AtomicFile(grown, "r1", keep_existing=True, lines=True)
    f.write(b"line\n")
    before = f.sha256()
    f.commit()
    assert f.sha256() == before == "sha256:" + hashlib.sha256(b"\nline\n").hexdigest()
    with Commit(tmp_path, "r2") as group:  # (committed, not yet put in place)
        g = AtomicFile(tmp_path / "g.bin", "r2")
        g.write(b"xyz")
        g.commit()
        assert g.sha256() == "sha256:" + hashlib.sha256(b"xyz").hexdigest()
        group.publish()
    assert g.sha256() == "sha256:" + hashlib.sha256(b"xyz").hexdigest()


def test_a_killed_runs_temporary_files_in_the_users_own_linked_folders_are_removed(tmp_path):
    """s29 acc-review L1: os.walk did not enter a linked warc/ (a disk of its own): each
    kill -9 of a run left its partial WARC file there for good; runs/ the same."""
    import os

    from corearchive.atomic import remove_leftovers, temp_name

    out, disk, other = tmp_path / "out", tmp_path / "disk", tmp_path / "other"
    for folder in (out, disk / "warc", disk / "runs", other):
        folder.mkdir(parents=True)
    os.symlink(disk / "warc", out / "warc")
    os.symlink(disk / "runs", out / "runs")
    os.symlink(other, out / "notmine")  # (no folder of the run's: not entered)
    os.symlink(other, disk / "warc" / "deeper")  # (a link below the linked folder: neither)
    killed, elsewhere = "20261124T010101Z-abcdef", "20261124T010102Z-123456"
    temp_name(out / "rejects.jsonl", killed).write_bytes(b"x")  # (every run has it in OUT)
    partial = temp_name(disk / "warc" / "a.warc.gz", killed)
    manifest = temp_name(disk / "runs" / f"{killed}.json", killed)
    # (the linked folder is another output folder's as well: its run in progress)
    running = temp_name(disk / "warc" / "b.warc.gz", elsewhere)
    beyond = [temp_name(other / "c.warc.gz", killed)]
    for path in (partial, manifest, running, *beyond):
        path.write_bytes(b"x")
    removed = remove_leftovers(out, "20261124T020202Z-000000")
    assert not partial.exists() and not manifest.exists()
    assert running.exists() and all(p.exists() for p in beyond)
    assert len(removed) == 3


def test_a_files_digest_is_kept_as_it_is_written_and_read_again_after_a_cut(tmp_path, monkeypatch):
    # The WARC files' SHA-256 (the manifest's fixity values) was taken by reading each file
    # again at the commit, after the workers had finished: the run's serial tail.
    import hashlib

    from corearchive import atomic

    f = AtomicFile(tmp_path / "a.warc.gz", "r1", digest=True)
    f.write(b"first record")
    f.write(b"second record")

    def read_again(path):
        raise AssertionError(f"{path} read again")

    with monkeypatch.context() as m:
        m.setattr(atomic, "file_sha256", read_again)
        assert f.sha256() == "sha256:" + hashlib.sha256(b"first recordsecond record").hexdigest()
    f.truncate(len(b"first record"))  # (discard(): a later sink failed on the document)
    f.write(b"third")
    assert f.sha256() == "sha256:" + hashlib.sha256(b"first recordthird").hexdigest()
    f.commit()
    assert f.sha256() == "sha256:" + hashlib.sha256(b"first recordthird").hexdigest()


def test_the_os_is_asked_to_write_a_growing_file_out_as_it_grows(tmp_path, monkeypatch):
    # All of a run's files were still in memory at its commit, and its fsync waited for
    # all of them (~0.2 s for 10,000 documents, after the workers had finished)
    from corearchive import atomic

    calls = []
    monkeypatch.setattr(atomic, "WRITEBACK_BYTES", 100)
    monkeypatch.setattr(atomic, "_sync_file_range", lambda: lambda *a: calls.append(a[1:]))
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"x" * 50)
    f = AtomicFile(path, "r1", keep_existing=True)
    for _ in range(5):
        f.write(b"y" * 60)
    f.truncate(50 + 60)
    for _ in range(3):
        f.write(b"z" * 60)
    f.commit()
    # (offsets in the temporary file, which holds this run's bytes; 0 bytes: to its end)
    assert calls == [(0, 0, 2), (120, 0, 2), (60, 0, 2)]
    assert path.read_bytes() == b"x" * 50 + b"y" * 60 + b"z" * 180


def test_a_runs_warc_files_are_not_read_again_for_their_digests(
    seeds, tmp_path, ingest, monkeypatch
):
    import hashlib

    from corearchive import atomic

    def read_again(path):
        raise AssertionError(f"{path} read again")

    monkeypatch.setattr(atomic, "file_sha256", read_again)
    res = ingest(str(seeds), out=tmp_path / "o")
    assert res.exit_code == 0, res.output
    digests = res.manifest["digests"]
    warcs = sorted((res.out / "warc").glob("*.warc.gz"))
    assert warcs and len(digests) == len(warcs)
    for path in warcs:
        want = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        assert digests[path.relative_to(res.out).as_posix()] == want
