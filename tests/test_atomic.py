"""AtomicFile: the position it reports is where the bytes are, through appends and cuts."""

from __future__ import annotations

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


def test_a_commit_that_cannot_be_decided_keeps_its_files(tmp_path):
    # The journal's index is gone (moved, another disk not mounted): whether the run
    # committed is unknown, so neither its temporary files nor its journal are touched.
    import io
    import json

    from corearchive.atomic import recover_commits, remove_leftovers

    run = "20260101T000000Z-abc123"
    tmp = tmp_path / f".records.jsonl.{run}.tmp"
    tmp.write_bytes(b"line\n")
    journal = tmp_path / f".commit.{run}.json"
    journal.write_text(
        json.dumps(
            {
                "run": run,
                "index": str(tmp_path / "gone.sqlite"),
                "renames": [[str(tmp), str(tmp_path / "records.jsonl")]],
            }
        )
    )
    err = io.StringIO()
    keep = recover_commits(tmp_path, err)
    assert remove_leftovers(tmp_path, "20260101T000001Z-def456", err, keep) == []
    assert tmp.exists() and journal.exists() and not (tmp_path / "records.jsonl").exists()
    assert f"cannot tell whether run {run}" in err.getvalue()
