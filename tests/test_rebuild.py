"""``corearchive index rebuild``: the index made anew from the archive's own files."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from corearchive.cli import cli
from tests.test_takedown import _shard, _text, _verify


def _rows(index: Path, sql: str) -> set[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(index)) as db:
        return set(db.execute(sql))


def _rebuild(out: Path, *args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, ["index", "rebuild", str(out), *args])
    return r.exit_code, r.output


def _archive(ingest, tmp_path: Path) -> Path:
    """Two runs: JSONL documents with a near copy, and text files with a byte copy (a
    revisit record)."""
    texts = {f"a{i}": _text(i, f"MARK{i}X") for i in range(6)}
    texts["near"] = texts["a1"][:-30]
    a = _shard(tmp_path / "a.jsonl", texts)
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "one.txt").write_text(_text(50, "ONE"), "utf-8")
    (tmp_path / "t" / "two.txt").write_text(_text(51, "TWO"), "utf-8")
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "one-copy.txt").write_text(_text(50, "ONE"), "utf-8")
    assert ingest(str(a), str(tmp_path / "t")).exit_code == 0
    res = ingest(str(tmp_path / "later"))
    assert res.exit_code == 0 and [x["reason"] for x in res.rejects][-1] == "exact_duplicate"
    return res.out


def test_a_lost_index_is_rebuilt_from_the_archive(ingest, tmp_path):
    """A lost index could only be restored from a backup (a stale one re-archived a day's
    documents, exit 0), and there was no way to make one from the archive (s26 acc-life F2,
    F4, F5, F11)."""
    out = _archive(ingest, tmp_path)
    shutil.copy(out / "index.sqlite", tmp_path / "orig.sqlite")
    (out / "index.sqlite").unlink()
    refused = ingest(str(tmp_path / "a.jsonl"), out=out)
    assert refused.exit_code == 2 and f"corearchive index rebuild {out}" in refused.output

    code, said = _rebuild(out)
    assert code == 0, said
    new, old = out / "index.sqlite", tmp_path / "orig.sqlite"
    for sql in (
        "SELECT id, run_id, sha256, uri, warc, warc_offset, raw_record_id FROM documents",
        "SELECT record_id, doc_id, type, sha256, uri, date, warc, warc_offset FROM warc_records",
        "SELECT id, started_at, finished_at FROM runs",
    ):
        assert _rows(new, sql) == _rows(old, sql), sql
    # every archived document's dedup entry is the one the runs made (with its title and
    # authors and its address's canonical key, s31: a headline change is found after a
    # rebuild too; the title was not kept)
    sql = "SELECT id, root, size, sig, uri, byline, ukey FROM dedup_docs"
    kept = _rows(new, sql)
    assert kept and kept <= _rows(old, sql)
    assert _verify(out)[0] == 0
    again = ingest(str(tmp_path / "a.jsonl"), str(tmp_path / "t"), str(tmp_path / "later"), out=out)
    assert again.exit_code == 0 and len(again.records) == 8  # nothing archived twice
    assert _verify(out)[0] == 0


def test_a_rebuild_keeps_the_takedowns_and_the_old_index(ingest, tmp_path):
    out = _archive(ingest, tmp_path)
    gone = ingest(str(tmp_path / "a.jsonl"), out=out).records[0]["id"]
    r = CliRunner().invoke(cli, ["remove", str(out), gone, "--reason", "request"])
    assert r.exit_code == 0, r.output
    code, said = _rebuild(out, "--set", "dedup.num_perm=64")  # other hashing options
    assert code == 0 and "1 takedown" in said, said
    assert (out / "index.sqlite.before-rebuild").is_file()
    again = ingest(str(tmp_path / "a.jsonl"), "--set", "dedup.num_perm=64", "--rescan", out=out)
    assert again.exit_code == 0, again.output
    assert "taken_down" in [x["reason"] for x in again.rejects]
    assert len(again.records) == 7
    assert _verify(out)[0] == 0


def test_an_index_shared_with_another_folder_is_not_rebuilt_from_one(ingest, tmp_path):
    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(i, f"MARK{i}X") for i in range(3)})
    b = _shard(tmp_path / "b.jsonl", {f"b{i}": _text(9 + i, f"MORE{i}X") for i in range(3)})
    first = ingest(str(a), out=tmp_path / "A")
    shared = first.out / "index.sqlite"
    assert ingest(str(b), "--index", str(shared), out=tmp_path / "B").exit_code == 0
    code, said = _rebuild(first.out)
    assert code == 2 and "into other folders" in said, said


def test_a_rebuilt_index_keys_a_print_page_by_its_articles_address(ingest, tmp_path):
    """A print page names its article as its own address (its canonical link): the stage
    keys its index row by the article's address, and a rebuild does the same. The rebuild
    keyed it by the print URL: the revised article, a revision of it before the rebuild,
    was dropped as its near duplicate after (s33 acc-read #1)."""
    from helpers import word_paragraphs

    story = "https://www.metrotimes.example/local/2026/11/12/bridge-closure/"

    def page(paras: list[str], canonical: str = "") -> str:
        link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
        body = "".join(f"<p>{p}</p>" for p in paras)
        return (
            f"<html><head><title>Bridge closure</title>{link}</head><body><article>"
            f"<h1>Bridge closure</h1>{body}</article></body></html>"
        )

    paras = word_paragraphs(10)
    printed = tmp_path / "print.jsonl"
    printed.write_text(json.dumps({"url": story + "?print=1", "html": page(paras, story)}) + "\n")
    revised = tmp_path / "article.jsonl"
    paras[9] = word_paragraphs(1, seed=99)[0]
    revised.write_text(json.dumps({"url": story, "html": page(paras)}) + "\n")
    out = tmp_path / "out"
    assert ingest(str(printed), out=out).exit_code == 0
    sql = "SELECT id, root, size, sig, uri, byline, ukey, address FROM dedup_docs"
    made = _rows(out / "index.sqlite", sql)
    code, said = _rebuild(out)
    assert code == 0, said
    assert _rows(out / "index.sqlite", sql) == made
    res = ingest(str(revised), out=out)
    assert res.exit_code == 0 and not res.rejects, res.rejects
    assert res.records[-1]["duplicate"]["status"] == "revision"
