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
