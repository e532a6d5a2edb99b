"""``corearchive remove``: a document taken out of the archive (a takedown request)."""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from corearchive.cli import cli

WORDS = [
    "river",
    "council",
    "budget",
    "school",
    "harbour",
    "winter",
    "market",
    "garden",
    "station",
    "library",
    "museum",
    "bridge",
    "teacher",
    "doctor",
    "farmer",
    "engine",
    "summer",
    "autumn",
    "village",
    "forest",
    "mountain",
    "island",
    "coast",
    "election",
    "festival",
    "concert",
    "theatre",
    "hospital",
    "railway",
    "factory",
    "orchard",
    "meadow",
    "valley",
]


def _text(seed: int, marker: str) -> str:
    rng = random.Random(seed)
    sentences = [
        " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(12)
    ]
    return f"{marker} " + " ".join(sentences)


def _shard(path: Path, docs: dict[str, str]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"url": f"https://ex.org/{k}", "text": t}) + "\n" for k, t in docs.items()
        ),
        "utf-8",
    )
    return path


def _warc_bytes(out: Path) -> bytes:
    return b"".join(gzip.decompress(p.read_bytes()) for p in sorted((out / "warc").glob("*.gz")))


def _verify(out: Path) -> tuple[int, dict]:
    r = CliRunner().invoke(cli, ["verify", "--json", str(out)])
    return r.exit_code, json.loads(r.output)


def _remove(out: Path, *ids: str, reason: str = "court order 12/2026") -> tuple[int, str]:
    r = CliRunner().invoke(cli, ["remove", str(out), *ids, "--reason", reason])
    return r.exit_code, r.output


def test_a_document_taken_down_is_gone_and_verify_accepts_it(ingest, tmp_path):
    """Removing one document by hand left verify reporting 165 problems for ever (the later
    records' offsets, the file's SHA-256, the index, the run's count; s26 acc-life F6), and
    there was no command for it."""
    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(i, f"MARKA{i}X") for i in range(6)})
    b = _shard(tmp_path / "b.jsonl", {f"b{i}": _text(100 + i, f"MARKB{i}X") for i in range(4)})
    first = ingest(str(a))
    second = ingest(str(b))
    assert first.exit_code == second.exit_code == 0 and len(second.records) == 10
    out = first.out
    gone = first.records[2]
    offsets = {r["id"]: (r["archive"]["warc"], r["archive"]["offset"]) for r in second.records}
    assert b"MARKA2X" in _warc_bytes(out)

    code, said = _remove(out, gone["id"])
    assert code == 0, said
    lines = [json.loads(x) for x in (out / "records.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in lines] == [r["id"] for r in second.records if r["id"] != gone["id"]]
    # the other records are where they were, byte for byte (their lines are unchanged)
    assert all(offsets[r["id"]] == (r["archive"]["warc"], r["archive"]["offset"]) for r in lines)
    data = _warc_bytes(out)
    assert b"MARKA2X" not in data and b"MARKA3X" in data  # its text, raw and record: gone
    entry = json.loads((out / "takedowns.jsonl").read_text("utf-8"))
    assert entry["id"] == gone["id"] and entry["reason"] == "court order 12/2026"
    code, report = _verify(out)
    assert code == 0, report
    assert report["problems"] == 0
    assert any("taken down" in n for n in report["notes"])

    # given again (read again, or the same bytes under another path): dropped, not archived
    copy = shutil.copy(a, tmp_path / "a-copy.jsonl")
    again = ingest(str(a), str(copy), "--rescan")
    assert again.exit_code == 0
    assert len(again.records) == 9
    down = [x for x in again.rejects if x.get("reason") == "taken_down"]
    assert len(down) == 2 and {x["detail"]["of"] for x in down} == {gone["id"]}
    assert "shorter" not in again.output and "truncated" not in again.output
    assert _verify(out)[0] == 0


def test_an_unknown_id_takes_nothing_down(ingest, tmp_path):
    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(i, f"MARK{i}") for i in range(3)})
    res = ingest(str(a))
    before = {p: p.read_bytes() for p in res.out.rglob("*") if p.is_file()}
    code, said = _remove(res.out, res.records[0]["id"], "0123456789abcdef0123456789abcdef")
    assert code == 2 and "0123456789abcdef0123456789abcdef" in said
    assert {p: p.read_bytes() for p in res.out.rglob("*") if p.is_file()} == before


def test_the_revisits_of_its_dropped_copies_go_with_it(ingest, tmp_path):
    """An exact copy dropped by dedup is archived as a revisit record referring to the
    document's raw record: left, it would refer to records no longer there."""
    text = _text(7, "MARKCOPYX")
    (tmp_path / "one.txt").write_text(text, "utf-8")
    (tmp_path / "two.txt").write_text(_text(8, "OTHERX"), "utf-8")
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "one-again.txt").write_text(text, "utf-8")  # the same bytes
    first = ingest(str(tmp_path / "one.txt"), str(tmp_path / "two.txt"))
    second = ingest(str(tmp_path / "later"))
    assert [x["reason"] for x in second.rejects] == ["exact_duplicate"]
    assert b"WARC-Type: revisit" in _warc_bytes(first.out)
    code, said = _remove(first.out, first.records[0]["id"])
    assert code == 0, said
    data = _warc_bytes(first.out)
    assert b"MARKCOPYX" not in data and b"WARC-Type: revisit" not in data
    code, report = _verify(first.out)
    assert code == 0, report


def test_a_withdrawal_names_the_warcinfo_of_its_own_file(ingest, tmp_path):
    """The revisit of a later run's exact copy is in that run's WARC file: its withdrawal
    record names that file's warcinfo, not the one of the file holding the document
    (s39 acc-interop 4: a reader of one file alone finds every record's warcinfo in it)."""
    from warcio.archiveiterator import ArchiveIterator

    text = _text(9, "MARKINFOX")
    (tmp_path / "one.txt").write_text(text, "utf-8")
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "one-again.txt").write_text(text, "utf-8")
    first = ingest(str(tmp_path / "one.txt"))
    ingest(str(tmp_path / "later"))
    assert len(list((first.out / "warc").glob("*.gz"))) == 2
    assert _remove(first.out, first.records[0]["id"])[0] == 0
    withdrawals = 0
    for path in sorted((first.out / "warc").glob("*.gz")):
        with open(path, "rb") as stream:
            records = [r.rec_headers for r in ArchiveIterator(stream)]
        own = {
            h.get_header("WARC-Record-ID")
            for h in records
            if h.get_header("WARC-Type") == "warcinfo"
        }
        for h in records:
            if (h.get_header("WARC-Target-URI") or "").startswith("urn:corearchive:withdrawn:"):
                withdrawals += 1
                assert h.get_header("WARC-Warcinfo-ID") in own, path.name
    assert withdrawals == 2


def test_the_staged_plan_drops_a_taken_down_document_too(ingest, tmp_path):
    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(i, f"MARK{i}X") for i in range(3)})
    res = ingest(str(a))
    assert _remove(res.out, res.records[1]["id"])[0] == 0
    copy = shutil.copy(a, tmp_path / "a-copy.jsonl")
    again = ingest(str(copy), "--plan", "staged")
    assert again.exit_code == 0, again.output
    assert sorted(x["reason"] for x in again.rejects) == [
        "already_archived",
        "already_archived",
        "taken_down",
    ]
    assert len(again.records) == 2


def test_a_withdrawal_record_fills_exactly_the_bytes_it_replaces():
    from corearchive.takedown import withdrawal_member

    for size in (420, 421, 425, 426, 1000, 65_000, 65_900, 66_000, 70_000, 1_234_567):
        member = withdrawal_member("f" * 32, "2026-11-24T00:00:00Z", "<urn:uuid:x>", size)
        assert len(member) == size
        data = gzip.decompress(member)
        assert data.startswith(b"WARC/1.1\r\nWARC-Type: metadata\r\n")
        assert b"urn:corearchive:withdrawn:" + b"f" * 32 in data


def test_two_takedowns_in_one_file_and_one_killed_after_its_commit_point(
    ingest, tmp_path, monkeypatch
):
    from corearchive import atomic

    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(i, f"MARK{i}X") for i in range(5)})
    res = ingest(str(a))
    ids = [r["id"] for r in res.records]
    assert _remove(res.out, ids[0])[0] == 0
    # the second is killed after the index committed, before its files are in place
    monkeypatch.setattr(
        atomic.Commit, "publish", lambda self: (_ for _ in ()).throw(OSError(5, "EIO"))
    )
    code, said = _remove(res.out, ids[3])
    assert code == 3 and "the takedown committed" in said, said
    monkeypatch.undo()
    assert list(res.out.glob(".commit.*.json")), said  # its journal
    again = ingest(str(a), "--rescan")  # finishes the commit first, then drops both
    assert again.exit_code == 0, again.output
    assert [r["id"] for r in again.records] == [ids[1], ids[2], ids[4]]
    assert sorted(x["reason"] for x in again.rejects)[-2:] == ["taken_down", "taken_down"]
    assert len((res.out / "takedowns.jsonl").read_text("utf-8").splitlines()) == 2
    data = _warc_bytes(res.out)
    assert b"MARK0X" not in data and b"MARK3X" not in data and b"MARK4X" in data
    code, report = _verify(res.out)
    assert code == 0, report


def test_a_takedown_killed_before_its_commit_point_changes_nothing(ingest, tmp_path, monkeypatch):
    from corearchive.catalog import Catalog

    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(i, f"MARK{i}X") for i in range(3)})
    res = ingest(str(a))
    before = {
        p: p.read_bytes() for p in res.out.rglob("*") if p.is_file() and "index" not in p.name
    }
    monkeypatch.setattr(Catalog, "commit", lambda self: (_ for _ in ()).throw(OSError(28, "full")))
    code, _ = _remove(res.out, res.records[1]["id"])
    assert code == 3
    monkeypatch.undo()
    after = {p: p.read_bytes() for p in res.out.rglob("*") if p.is_file() and "index" not in p.name}
    assert after == before  # (no temporary file nor journal left either)
    assert _verify(res.out)[0] == 0
    assert len(ingest(str(a), "--rescan").records) == 3  # still archived, not taken down


def test_a_document_of_a_run_without_the_warc_sink_is_taken_down_too(ingest, tmp_path):
    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(i, f"MARK{i}X") for i in range(3)})
    res = ingest(str(a), "--set", 'output.sinks=["records"]')
    code, said = _remove(res.out, res.records[0]["id"])
    assert code == 0 and "no WARC records" in said, said
    code, report = _verify(res.out)
    assert code == 0 and report["records"] == 2, report
    assert "metadata" not in report["warc_records"]
    again = ingest(str(a), "--set", 'output.sinks=["records"]', "--rescan")
    assert [x["reason"] for x in again.rejects][-3:] == [
        "taken_down",
        "already_archived",
        "already_archived",
    ]


def test_a_document_taken_down_and_archived_again_by_an_older_release_is_named(
    ingest, tmp_path, monkeypatch
):
    """A release from before takedowns (one that ignores the index's ``takedowns``) put a
    taken-down document back into records.jsonl, the WARC files and the index; verify said
    "intact", and the next run only counted it ``taken_down`` (s28 acc-upgrade H1)."""
    from corearchive.catalog import Catalog
    from corearchive.takedown import TakedownMatcher

    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(i, f"MARKA{i}X") for i in range(4)})
    first = ingest(str(a))
    out, gone = first.out, first.records[1]["id"]
    assert _remove(out, gone)[0] == 0
    with monkeypatch.context() as m:  # the older release: takedowns unknown
        m.setattr(Catalog, "taken_down", lambda self, doc_id, sha256: None)
        m.setattr(TakedownMatcher, "load", classmethod(lambda cls, db: None))
        back = ingest(str(a), "--rescan")
    assert back.exit_code == 0 and [r["id"] for r in back.records].count(gone) == 1

    code, report = _verify(out)
    assert code == 1, report
    assert report["by_kind"] == {"warc": 1, "records": 1, "index": 1, "run": 0}, report
    assert all(gone in x and "taken down" in x and "again" in x for x in report["listed"])
    assert any(f"corearchive remove {out} {gone}" in r for r in report["repair"])

    again = ingest(str(a), "--rescan")
    assert again.exit_code == 0
    assert f"document {gone}, taken down at" in again.output, again.output
    assert f"corearchive remove {out} {gone}" in again.output

    # taken down again, as both say: intact
    assert _remove(out, gone, reason="again")[0] == 0
    code, report = _verify(out)
    assert code == 0, report
    assert "taken down at" not in ingest(str(a), "--rescan").output


def test_after_a_takedown_its_dropped_copies_are_decided_again_without_it(ingest, tmp_path):
    """s28 dedup tester M3: after the kept copy of a story was taken down, its dropped near
    copies kept it as their cluster root in the dedup index, so given again the first was
    kept (unique) and the others were dropped as near duplicates of the withdrawn document:
    in no archive. The index forgets the dropped members of its cluster (their text is
    nowhere); a kept member (policy keep) becomes the cluster's root."""
    story = _text(7, "STORY")
    shard = _shard(
        tmp_path / "a.jsonl",
        {
            "a1": story,
            "a2": story + " An added sentence closes the copy of this story.",
            "a3": story.replace("STORY", "COPY OF THE STORY"),
        },
    )
    first = ingest(str(shard))
    assert len(first.records) == 1
    gone = first.records[0]["id"]
    assert _remove(first.out, gone)[0] == 0
    # (since s29 its copies are refused as taken_down: they hold its text; re-admitted
    # deliberately, they are decided as below)
    refused = ingest(str(shard), "--rescan")
    assert [x["reason"] for x in refused.rejects[-3:]] == ["taken_down"] * 3
    again = ingest(str(shard), "--rescan", "--set", "dedup.taken_down='flag'")
    run = again.manifest["run_id"]
    [kept] = [r for r in again.records if r["archive"]["run_id"] == run]
    assert kept["source"]["uri"] == "https://ex.org/a2" and kept["duplicate"]["status"] == "unique"
    dropped = {
        r["source"]["uri"]: r for r in again.rejects if r["run_id"] == run and r["stage"] == "dedup"
    }
    a3 = dropped["https://ex.org/a3"]
    assert a3["duplicate"]["of"] == kept["id"] != gone


def test_a_kept_member_of_its_cluster_becomes_the_root(ingest, tmp_path):
    story = _text(8, "STORY")
    first = ingest(
        str(_shard(tmp_path / "a.jsonl", {"a1": story, "a2": story + " An added closing line."})),
        "--set",
        "dedup.policy='keep'",
    )
    a1, a2 = first.records
    assert a2["duplicate"]["of"] == a1["id"]
    assert _remove(first.out, a1["id"])[0] == 0
    b = _shard(tmp_path / "b.jsonl", {"b1": story.replace("STORY", "THE STORY")})
    refused = ingest(str(b), "--set", "dedup.policy='keep'")  # (s29: its text, near)
    assert [x["reason"] for x in refused.rejects] == ["taken_down"]
    later = ingest(
        str(b), "--rescan", "--set", "dedup.policy='keep'", "--set", "dedup.taken_down='flag'"
    )
    assert later.records[-1]["duplicate"]["of"] == a2["id"]


def test_no_record_names_a_document_taken_down(ingest, tmp_path):
    """s28 integration tester L2: after the first version of a story was taken down, the kept
    revision's record still said ``duplicate: {status: revision, of: <the withdrawn id>}``,
    and so did the kept near copies of a document taken down: a pointer to no record. The
    takedown points them at the cluster's new root (its first kept member: the document a
    later copy is then named a duplicate of) or at none, with no similarity (it was to the
    document withdrawn); verify accepts the lines as the takedown left them (the WARC
    metadata records keep the line as archived)."""
    story = _text(9, "STORY")
    copies = {"a1": story, "a2": story + " An added closing line.", "a3": story + " Another."}
    first = ingest(str(_shard(tmp_path / "a.jsonl", copies)), "--set", "dedup.policy='keep'")
    a1, a2, a3 = first.records
    assert a2["duplicate"]["of"] == a3["duplicate"]["of"] == a1["id"]
    # a revision: the same address again, its text changed
    v1 = _text(10, "REPORT")
    ingest(str(_shard(tmp_path / "v1.jsonl", {"v": v1})))
    v2_text = v1.replace("REPORT", "REPORT (corrected: 42 percent, not 24)")
    later = ingest(str(_shard(tmp_path / "v2.jsonl", {"v": v2_text})))
    first_v, v2 = later.records[-2:]
    assert v2["duplicate"]["status"] == "revision" and v2["duplicate"]["of"] == first_v["id"]
    assert _remove(first.out, a1["id"], first_v["id"])[0] == 0
    lines = [json.loads(x) for x in (first.out / "records.jsonl").read_text("utf-8").splitlines()]
    by_id = {r["id"]: r for r in lines}
    assert set(by_id) == {a2["id"], a3["id"], v2["id"]}
    # a2 is the cluster's root now, a3 its member; v2 a revision of a version withdrawn
    assert by_id[a2["id"]]["duplicate"] == {"status": "near", "of": None, "similarity": None}
    assert by_id[a3["id"]]["duplicate"] == {"status": "near", "of": a2["id"], "similarity": None}
    assert by_id[v2["id"]]["duplicate"] == {"status": "revision", "of": None, "similarity": None}
    # the rest of each line as it was
    for r in (a2, a3, v2):
        assert {**by_id[r["id"]], "duplicate": None} == {**r, "duplicate": None}
    code, report = _verify(first.out)
    assert code == 0 and report["problems"] == 0, report
    # a later copy of the withdrawn text is refused (s29 takedowns stick); re-admitted on
    # purpose, it names the live root, as the record of a3 does
    copy = str(_shard(tmp_path / "b.jsonl", {"b": story + " A third ending."}))
    refused = ingest(copy, "--set", "dedup.policy='keep'")
    assert [r["reason"] for r in refused.rejects if r.get("stage") == "dedup"][-1] == "taken_down"
    again = ingest(copy, "--set", "dedup.policy='keep'", "--set", "dedup.taken_down='flag'")
    assert again.records[-1]["duplicate"]["of"] == a2["id"]
    assert _verify(first.out)[0] == 0
    # the index made anew from the files: the same
    (first.out / "index.sqlite").unlink()
    assert CliRunner().invoke(cli, ["index", "rebuild", str(first.out)]).exit_code == 0
    assert _verify(first.out)[0] == 0


def _reads_of_records(monkeypatch) -> list[str]:
    """The opens of a records.jsonl to read it, from now on (a list that grows)."""
    import builtins

    opened: list[str] = []
    open_ = builtins.open

    def counted(file, mode="r", *args, **kwargs):
        if str(file).endswith("records.jsonl") and "r" in mode:
            opened.append(str(file))
        return open_(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counted)
    return opened


def test_remove_reads_the_records_once_to_find_the_lines_to_change(ingest, tmp_path, monkeypatch):
    """remove read records.jsonl for the documents' lines, then again for the lines that
    name one (duplicate.of), then copied it without them: three reads of a file of every
    record; one pass finds both (and with --with-related, one more finds the related
    documents: the file was read five times)."""
    story = _text(11, "STORY")
    copies = {"a1": story, "a2": story + " An added closing line.", "o": _text(12, "OTHER")}
    first = ingest(str(_shard(tmp_path / "a.jsonl", copies)), "--set", "dedup.policy='keep'")
    a1, a2, _ = first.records
    assert a2["duplicate"]["of"] == a1["id"]
    spare = tmp_path / "spare"
    shutil.copytree(first.out, spare)
    opened = _reads_of_records(monkeypatch)
    assert _remove(first.out, a1["id"])[0] == 0
    assert len(opened) == 2  # (the scan, the copy without its line)
    lines = [json.loads(x) for x in (first.out / "records.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in lines] == [a2["id"], first.records[2]["id"]]
    assert lines[0]["duplicate"] == {"status": "near", "of": None, "similarity": None}
    opened.clear()
    r = CliRunner().invoke(cli, ["remove", str(spare), a1["id"], "--with-related", "--reason", "x"])
    assert r.exit_code == 0 and f"taken down {a2['id']}" in r.output, r.output
    assert len(opened) == 4  # (the scan, the related, the scan of them, the copy)
    monkeypatch.undo()
    assert _verify(first.out)[0] == _verify(spare)[0] == 0


def _line(uri: str, text: str, **more: str) -> str:
    return json.dumps({"url": uri, "text": text, **more}) + "\n"


def test_a_recapture_or_a_copy_of_a_taken_down_text_is_refused(ingest, tmp_path):
    """s29 acc-erasure HIGH-1/2: after a takedown, a recapture of the page (the same text,
    other bytes) and the same text under another address were archived again as unique,
    with no word: the index had forgotten the text. The takedown keeps its text key and
    MinHash signature (not the text): the same text or a near one, under any address, is
    refused as taken_down, naming the takedown and how it matched; a page at the address
    whose text is another one is kept, flagged."""
    story = _text(11, "ZEPHYRINE QUACKENBUSH")
    first = ingest(
        str(_shard(tmp_path / "a.jsonl", {"story": story, "other": _text(12, "OTHERX")}))
    )
    gone = first.records[0]["id"]
    assert _remove(first.out, gone)[0] == 0
    url = "https://ex.org/story"
    near = story.replace("Zephyrine", "Zeph", 1) + " Updated at noon."
    later = tmp_path / "later.jsonl"
    later.write_text(
        _line(url, story, title="Recaptured: other bytes")  # a recapture, the same text
        + _line("https://mirror.example/copy", story.upper())  # the text elsewhere
        + _line(url, near)  # a near version at the address
        + _line("https://agg.example/near", near)  # ... and elsewhere
        + _line(url, _text(13, "ANOTHER STORY AT THE ADDRESS")),  # another text there
        "utf-8",
    )
    res = ingest(str(later))
    assert res.exit_code == 0, res.output
    down = [x for x in res.rejects if x["reason"] == "taken_down"]
    assert [(x["source"]["uri"], x["stage"]) for x in down] == [
        (url, "dedup"),
        ("https://mirror.example/copy", "dedup"),
        (url, "dedup"),
        ("https://agg.example/near", "dedup"),
    ]
    assert all(x["detail"]["of"] == gone and x["detail"]["taken_down_at"] for x in down)
    assert [x["detail"]["match"] for x in down] == ["text", "text", "near", "near"]
    assert [x["detail"]["same_address"] for x in down] == [True, False, True, False]
    assert down[2]["detail"]["similarity"] >= 0.85
    [kept] = [r for r in res.records if r["archive"]["run_id"] == res.manifest["run_id"]]
    assert "ANOTHER STORY" in kept["text"]
    flag = kept["annotations"]["dedup"]["taken_down"]
    assert flag["of"] == gone and flag["match"] == "url"
    assert res.manifest["counts"]["noted"]
    # nothing of the text is kept: its key and signature
    entry = json.loads((first.out / "takedowns.jsonl").read_text("utf-8"))
    assert set(entry["recognise"]) == {"text_key", "signature", "shingles", "params"}
    assert b"QUACKENBUSH" not in _warc_bytes(first.out)

    # re-admitted deliberately: kept, flagged
    again = ingest(str(later), "--rescan", "--set", "dedup.taken_down='flag'")
    run = again.manifest["run_id"]
    mine = [r for r in again.records if r["archive"]["run_id"] == run]
    assert mine[0]["annotations"]["dedup"]["taken_down"]["match"] == "text"
    assert all(r["annotations"]["dedup"]["taken_down"]["of"] == gone for r in mine)


def test_a_taken_down_text_is_refused_by_the_staged_plan_too(ingest, tmp_path):
    story = _text(21, "STORYX")
    first = ingest(str(_shard(tmp_path / "a.jsonl", {"s": story, "o": _text(22, "OTHERX")})))
    assert _remove(first.out, first.records[0]["id"])[0] == 0
    later = _shard(tmp_path / "b.jsonl", {"copy": story, "new": _text(23, "NEWX")})
    res = ingest(str(later), "--plan", "staged")
    assert res.exit_code == 0, res.output
    assert [(x["source"]["uri"], x["reason"], x["detail"]["match"]) for x in res.rejects] == [
        ("https://ex.org/copy", "taken_down", "text")
    ]
    assert len(res.records) == 2


def test_the_takedown_keys_survive_an_index_rebuild(ingest, tmp_path):
    story = _text(31, "STORYX")
    first = ingest(str(_shard(tmp_path / "a.jsonl", {"s": story, "o": _text(32, "OTHERX")})))
    assert _remove(first.out, first.records[0]["id"])[0] == 0
    r = CliRunner().invoke(cli, ["index", "rebuild", str(first.out)])
    assert r.exit_code == 0, r.output
    res = ingest(str(_shard(tmp_path / "b.jsonl", {"copy": story})))
    assert [x["reason"] for x in res.rejects] == ["taken_down"]


@pytest.mark.parametrize("signature", [12345678, "AAAAAAAA"])
def test_a_mangled_fingerprint_in_the_log_stops_neither_verify_nor_a_later_run(
    ingest, tmp_path, signature
):
    """A takedowns.jsonl whose ``recognise`` another tool wrote or an edit mangled: index
    rebuild stored its signature (a number's digits read as base64: 6 bytes) and every later
    run stopped (exit 3, the dedup stage's matcher unable to use it); verify stopped on a
    signature of another length. Such a fingerprint is left out, as verify left out one it
    could not read (s30: one conversion of a fingerprint, takedown._fingerprint_values)."""
    story = _text(33, "STORYX")
    first = ingest(str(_shard(tmp_path / "a.jsonl", {"s": story, "o": _text(34, "OTHERX")})))
    assert _remove(first.out, first.records[0]["id"])[0] == 0
    log = first.out / "takedowns.jsonl"
    entry = json.loads(log.read_text("utf-8"))
    entry["recognise"]["signature"] = signature
    log.write_text(json.dumps(entry) + "\n", "utf-8")
    assert _verify(first.out)[0] == 0
    r = CliRunner().invoke(cli, ["index", "rebuild", str(first.out)])
    assert r.exit_code == 0, r.output
    res = ingest(str(_shard(tmp_path / "b.jsonl", {"new": _text(35, "NEWX"), "copy": story})))
    assert res.exit_code == 0, res.output
    # (its address is still known: the copy at another one is archived, the text unknown)
    run = res.manifest["run_id"]
    assert len([x for x in res.records if x["archive"]["run_id"] == run]) == 2
    assert not res.rejects


def test_verify_names_a_live_record_with_a_taken_down_text(ingest, tmp_path, monkeypatch):
    """s29 acc-erasure HIGH-1: the recapture archived again after the takedown, verify said
    "intact". A record archived after a takedown with its text (or one near it), and not
    re-admitted deliberately, is a problem; one archived before it, or flagged, a note. Each
    record is matched as verify reads it for its other checks (s30: it read them again)."""
    from corearchive.takedown import TakedownMatcher

    story = _text(41, "STORYX")
    first = ingest(str(_shard(tmp_path / "a.jsonl", {"s": story, "o": _text(42, "OTHERX")})))
    gone = first.records[0]["id"]
    assert _remove(first.out, gone)[0] == 0
    later = tmp_path / "later.jsonl"
    later.write_text(_line("https://ex.org/s", story, title="a recapture"), "utf-8")
    with monkeypatch.context() as m:  # a release that did not know texts of takedowns
        m.setattr(TakedownMatcher, "load", classmethod(lambda cls, db: None))
        back = ingest(str(later))
    [came] = [r for r in back.records if r["archive"]["run_id"] == back.manifest["run_id"]]
    opened = _reads_of_records(monkeypatch)
    code, report = _verify(first.out)
    monkeypatch.undo()
    # (the records' archive links, then the checks of each record, that one among them:
    # verify parsed the file a third time to match it against the takedowns)
    assert len(opened) == 2
    assert code == 1 and report["by_kind"]["records"] == 1, report
    [said] = report["listed"]
    assert came["id"] in said and gone in said and "by text" in said, said
    assert any("corearchive remove OUT" in r for r in report["repair"])
    assert _remove(first.out, came["id"])[0] == 0
    assert _verify(first.out)[0] == 0

    # re-admitted deliberately: a note, not a problem
    later.write_text(_line("https://ex.org/s", story, title="another recapture"), "utf-8")
    flagged = ingest(str(later), "--set", "dedup.taken_down='flag'")
    assert flagged.records[-1]["annotations"]["dedup"]["taken_down"]["of"] == gone
    code, report = _verify(first.out)
    assert code == 0, report
    assert any("re-admitted or flagged" in n for n in report["notes"]), report["notes"]


def test_a_document_back_from_a_restored_warc_file_is_taken_down_again(ingest, tmp_path):
    """s29 acc-erasure HIGH-3: a WARC file restored from a backup made before a takedown
    held the document again; verify said "take the documents named above down again", but
    remove refused (not in records.jsonl, exit 2), and two repair lines said to restore
    records.jsonl or the WARC file from a backup, which brings it back. remove finds it in
    the WARC files, with the revisits of its copies; verify is intact after it; the same
    command again says it is done (exit 0)."""
    text = _text(51, "MARKGONEX")
    (tmp_path / "one.txt").write_text(text, "utf-8")
    (tmp_path / "two.txt").write_text(_text(52, "OTHERX"), "utf-8")
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "one-again.txt").write_text(text, "utf-8")  # a revisit of it
    first = ingest(str(tmp_path / "one.txt"), str(tmp_path / "two.txt"))
    ingest(str(tmp_path / "later"))
    out, gone = first.out, first.records[0]["id"]
    backup = tmp_path / "backup"
    shutil.copytree(out, backup)
    assert _remove(out, gone)[0] == 0
    for f in (backup / "warc").glob("*.gz"):  # the WARC files restored from the backup
        shutil.copy(f, out / "warc" / f.name)
    assert b"MARKGONEX" in _warc_bytes(out)
    code, report = _verify(out)
    assert code == 1, report
    first_line = report["repair"][0]
    assert first_line.startswith("take the documents named above down again"), report
    assert f"corearchive remove {out} {gone} " in first_line
    assert all("never from a backup made before a takedown" in r for r in report["repair"][1:])

    code, said = _remove(out, gone, reason="again")
    assert code == 0, said
    assert "found again" in said
    data = _warc_bytes(out)
    assert b"MARKGONEX" not in data and b"WARC-Type: revisit" not in data
    code, report = _verify(out)
    assert code == 0, report
    assert any("1 document(s) taken down" in n for n in report["notes"]), report["notes"]

    # the same command again: done already, exit 0, nothing changed
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    code, said = _remove(out, gone, reason="again")
    assert code == 0 and "was taken down at" in said, said
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_records_line_restored_after_a_takedown_is_taken_out_again(ingest, tmp_path):
    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(60 + i, f"MARK{i}X") for i in range(3)})
    res = ingest(str(a))
    out, gone = res.out, res.records[1]["id"]
    saved = (out / "records.jsonl").read_bytes()
    assert _remove(out, gone)[0] == 0
    (out / "records.jsonl").write_bytes(saved)  # records.jsonl from the backup
    assert _verify(out)[0] == 1
    code, said = _remove(out, gone, reason="again")
    assert code == 0 and "its line in records.jsonl" in said, said
    code, report = _verify(out)
    assert code == 0, report


def test_remove_dry_run_lists_the_related_documents_and_with_related_takes_them(ingest, tmp_path):
    """s29 acc-erasure MEDIUM-1: remove printed only the id; the revision at the same address
    (duplicate.of the id), and a syndicated copy, were not mentioned, and there was no dry
    run: the officer searched records.jsonl by hand."""
    story = _text(71, "ZEPHYRINE STORY")
    url = "https://ex.org/story"
    a = tmp_path / "a.jsonl"
    a.write_text(_line(url, story) + _line("https://ex.org/o", _text(72, "OTHERX")), "utf-8")
    first = ingest(str(a))
    gone = first.records[0]["id"]
    b = tmp_path / "b.jsonl"
    revision = story + " " + _text(73, "A CORRECTION")[:200]
    half = " ".join(story.split()[: len(story.split()) * 2 // 3]) + " " + _text(74, "MORE")
    b.write_text(_line(url, revision) + _line("https://syndic.example/x", half), "utf-8")
    second = ingest(str(b), "--set", "dedup.policy='keep'")
    rev, syn = second.records[2:]
    assert rev["duplicate"]["status"] == "revision" and rev["duplicate"]["of"] == gone
    before = {p: p.read_bytes() for p in first.out.rglob("*") if p.is_file()}
    r = CliRunner().invoke(cli, ["remove", str(first.out), gone, "--dry-run"])
    assert r.exit_code == 0, r.output
    assert {p: p.read_bytes() for p in first.out.rglob("*") if p.is_file()} == before
    lines = r.output.splitlines()
    assert any(gone in x and url in x for x in lines[:2]), r.output
    [rev_line] = [x for x in lines if rev["id"] in x]
    assert rev_line.lstrip().startswith("*") and "duplicate.of" in rev_line, r.output
    [syn_line] = [x for x in lines if syn["id"] in x]
    assert "similarity" in syn_line, r.output

    r = CliRunner().invoke(
        cli, ["remove", str(first.out), gone, "--with-related", "--reason", "case 12"]
    )
    assert r.exit_code == 0, r.output
    assert f"taken down {rev['id']}" in r.output
    kept = [json.loads(x)["id"] for x in (first.out / "records.jsonl").read_text().splitlines()]
    assert gone not in kept and rev["id"] not in kept
    assert _verify(first.out)[0] == 0


def test_remove_clears_an_unfinished_staged_plan(ingest, tmp_path):
    """s29 acc-erasure MEDIUM-2: a staged plan killed mid-way kept the documents' text in
    OUT/.plan (docs.pkl) after remove, and verify said "intact"."""
    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(80 + i, f"MARK{i}X") for i in range(3)})
    res = ingest(str(a))
    task = res.out / ".plan" / "tasks" / "000001" / "process"
    task.mkdir(parents=True)
    (res.out / ".plan" / "plan.json").write_text("{}")
    (task / "docs.pkl").write_bytes(b"MARK1X text of a document read")
    r = CliRunner().invoke(cli, ["remove", str(res.out), res.records[1]["id"], "--dry-run"])
    assert "would also remove" in r.output and ".plan" in r.output, r.output
    code, said = _remove(res.out, res.records[1]["id"])
    assert code == 0 and ".plan" in said, said
    assert not (res.out / ".plan").exists()


def test_a_takedown_killed_after_its_commit_point_is_finished_by_the_command_verify_names(
    ingest, tmp_path, monkeypatch
):
    """s29 acc-erasure MEDIUM-4: verify said "the next `corearchive ingest … -o k`
    finishes …" (the officer has no input to give), and running the same remove again
    finished the commit, then exited 2 ("not in records.jsonl … nothing was taken down")."""
    from corearchive import atomic

    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(90 + i, f"MARK{i}X") for i in range(3)})
    res = ingest(str(a))
    gone = res.records[1]["id"]
    with monkeypatch.context() as m:
        m.setattr(atomic.Commit, "publish", lambda self: (_ for _ in ()).throw(OSError(5, "EIO")))
        assert _remove(res.out, gone)[0] == 3
    code, report = _verify(res.out)
    assert code == 1
    [said] = [x for x in report["listed"] if "killed as it committed" in x]
    assert f"corearchive index upgrade {res.out}" in said, said
    code, said = _remove(res.out, gone)  # the same command again
    assert code == 0 and f"{gone} was taken down at" in said, said
    assert _verify(res.out)[0] == 0
    assert b"MARK1X" not in _warc_bytes(res.out)


def test_index_upgrade_finishes_a_killed_takedown(ingest, tmp_path, monkeypatch):
    from corearchive import atomic

    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(95 + i, f"MARK{i}X") for i in range(3)})
    res = ingest(str(a))
    with monkeypatch.context() as m:
        m.setattr(atomic.Commit, "publish", lambda self: (_ for _ in ()).throw(OSError(5, "EIO")))
        assert _remove(res.out, res.records[0]["id"])[0] == 3
    r = CliRunner().invoke(cli, ["index", "upgrade", str(res.out)])
    assert r.exit_code == 0, r.output
    assert _verify(res.out)[0] == 0


def test_remove_deletes_the_copy_of_the_index_a_rebuild_kept(ingest, tmp_path):
    """s29 acc-erasure LOW-3: index.sqlite.before-rebuild (from an index rebuild before the
    takedown) kept the document's rows, address and signature, and remove ignored it."""
    a = _shard(tmp_path / "a.jsonl", {f"a{i}": _text(110 + i, f"MARK{i}X") for i in range(3)})
    res = ingest(str(a))
    assert CliRunner().invoke(cli, ["index", "rebuild", str(res.out)]).exit_code == 0
    copy = res.out / "index.sqlite.before-rebuild"
    assert copy.is_file()
    r = CliRunner().invoke(cli, ["remove", str(res.out), res.records[0]["id"], "--dry-run"])
    assert "index.sqlite.before-rebuild" in r.output, r.output
    code, said = _remove(res.out, res.records[0]["id"])
    assert code == 0 and "index.sqlite.before-rebuild" in said, said
    assert not copy.exists()
    assert _verify(res.out)[0] == 0


def test_a_long_text_is_signed_as_the_dedup_stage_signs_it(ingest, tmp_path, monkeypatch):
    """The stage hashes a text's first _HASH_MAX_CHARS characters for its signature; the
    takedown's signature must be made the same way, or a long text's near copy is missed."""
    from corearchive_plugins import dedup

    monkeypatch.setattr(dedup, "_HASH_MAX_CHARS", 400)
    story = _text(121, "LONGSTORYX") + " " + _text(122, "TAIL")
    first = ingest(str(_shard(tmp_path / "a.jsonl", {"s": story, "o": _text(123, "OTHERX")})))
    assert _remove(first.out, first.records[0]["id"])[0] == 0
    # the same first 400 characters, another tail: the stage's signatures are equal
    copy = story[:600] + " " + _text(124, "ANOTHER TAIL ENTIRELY")
    res = ingest(str(_shard(tmp_path / "b.jsonl", {"copy": copy})))
    assert [(x["reason"], x["detail"]["match"]) for x in res.rejects] == [("taken_down", "near")]


@pytest.mark.parametrize("minimal", [False, True])
def test_a_name_in_a_taken_down_inputs_path_is_gone_from_the_manifests(
    ingest, tmp_path, monkeypatch, minimal
):
    """The person's name in an input file's path stayed in run.json and runs/*.json
    (`inputs`, `command.argv`) after `remove` (s29 data-protection officer, MEDIUM-3): they
    now hold a mark naming the takedown; verify accepts the folder."""
    tips = tmp_path / "tips"
    tips.mkdir()
    page = tips / "zephyrine-quackenbush-court-story.html"
    page.write_text(f"<html><body><p>{_text(7, 'MARKZQX')}</p></body></html>", "utf-8")
    other = tips / "harbour.html"
    other.write_text(f"<html><body><p>{_text(8, 'MARKHX')}</p></body></html>", "utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    monkeypatch.setattr(
        "sys.argv",
        ["corearchive", "ingest", "tips/" + page.name, "tips/harbour.html", "-o", str(out)],
    )
    # (output.provenance = "minimal": the manifests hold no working folder to resolve
    # the relative paths with)
    extra = ["--set", "output.provenance=minimal"] if minimal else []
    first = ingest("tips/" + page.name, "tips/harbour.html", *extra, out=out)
    assert first.exit_code == 0, first.output
    gone = next(r for r in first.records if "quackenbush" in r["source"]["uri"])
    manifests = [out / "run.json", *sorted((out / "runs").glob("*.json"))]
    assert all(b"quackenbush" in p.read_bytes() for p in manifests)

    code, said = _remove(out, gone["id"])
    assert code == 0, said
    entry = json.loads((out / "takedowns.jsonl").read_text("utf-8"))
    for p in manifests:
        assert b"quackenbush" not in p.read_bytes(), p
        m = json.loads(p.read_bytes())
        mark = f"[taken down: {entry['takedown_run']}]"
        assert m["inputs"] == [mark, "tips/harbour.html"]
        assert mark in m["command"]["argv"] and "tips/harbour.html" in m["command"]["argv"]
    assert entry["redacted"] == {p.relative_to(out).as_posix(): 2 for p in manifests}
    code, report = _verify(out)
    assert code == 0 and report["problems"] == 0, report


def test_a_taken_down_address_is_matched_by_its_canonical_key():
    """s32 acc-read #7: the address check compared URLs as written, while dedup treats
    ``?utm_source=``, ``www.``, a trailing slash as the same page: a page taken down and
    fetched again at ...?utm_source=rss with another text was not flagged. ``stdin:`` and a
    line of a dump (``file:///d.jsonl#L3``) are no page's address (#11): no address match."""
    from corearchive.takedown import TakedownMatcher

    rows = [
        ("a" * 32, "2026-11-01T00:00:00Z", "https://n.example/s7", None, None, 0, ""),
        ("b" * 32, "2026-11-02T00:00:00Z", "stdin:", None, None, 0, ""),
        ("c" * 32, "2026-11-03T00:00:00Z", "file:///d/dump.jsonl#L3", None, None, 0, ""),
    ]
    matcher = TakedownMatcher(rows)

    def match(uri: str):  # type: ignore[no-untyped-def]
        return matcher.match(uri, [], None, 0, "")

    for uri in (
        "https://n.example/s7",
        "https://n.example/s7?utm_source=rss",
        "http://www.n.example/s7/",
        "https://N.example/s7#comments",
    ):
        got = match(uri)
        assert got is not None and got["of"] == "a" * 32, uri
        assert got["match"] == "url" and got["same_address"] is True
    for uri in ("https://n.example/s8", "https://n.example/s7?page=2", "stdin:",
                "file:///d/dump.jsonl#L3"):  # fmt: skip
        assert match(uri) is None, uri


def test_verify_lists_no_record_type_of_count_zero_after_a_takedown(ingest, tmp_path):
    """The only document taken down: verify said "WARC files 1 (0 metadata, 1 warcinfo)"
    (--json: "metadata": 0), its withdrawal record set aside but its type kept (s32 docs
    finding 9)."""
    res = ingest(str(_shard(tmp_path / "a.jsonl", {"a": _text(0, "MARKAX")})))
    assert res.exit_code == 0 and len(res.records) == 1
    assert _remove(res.out, res.records[0]["id"])[0] == 0
    code, got = _verify(res.out)
    assert code == 0, got["listed"]
    assert got["warc_records"] == {"warcinfo": 1}
    text = CliRunner().invoke(cli, ["verify", str(res.out)]).output
    assert "WARC files      1 (1 warcinfo)" in text, text


def test_texts_matched_together_match_as_each_alone(monkeypatch):
    """find_related and verify match their records' texts in batches, their signatures made
    together in groups of text (and none for a text whose key is a takedown's): each
    document's match is the one it has alone, across groups (a group of two texts here)."""
    import corearchive_plugins.dedup as dedup
    from corearchive import takedown as td

    monkeypatch.setattr(dedup, "_HASH_GROUP_CHARS", 2 * len(_text(1, "a")))
    gone = [_text(k, f"gone{k}") for k in range(3)]
    rows = [
        td._takedown_row(f"t{k}", "", f"https://e.example/{k}", td.fingerprint(t))
        for k, t in enumerate(gone)
    ]
    match = td._text_matcher(td.TakedownMatcher(rows))
    docs = [
        ("https://other.example/a", gone[0]),  # the same text
        ("https://e.example/1", gone[1].replace("gone1", "again1")),  # near, same address
        ("https://e.example/2", _text(50, "new")),  # at a takedown's address only
        ("https://other.example/b", _text(51, "new")),  # nothing
        ("https://other.example/c", " ".join([gone[2]] * 4)),  # text near, longer
        ("https://other.example/d", ""),
    ]
    together = match(docs)
    assert together == [match([d])[0] for d in docs]
    assert [m and m["match"] for m in together][:4] == ["text", "near", "url", None]


def _span_lines(out: Path, manifest: Path) -> list[dict]:
    """The records.jsonl lines of a run as a loader reads them: by its manifest's span."""
    span = json.loads(manifest.read_text("utf-8"))["appended"]["records.jsonl"]
    with open(out / "records.jsonl", "rb") as f:
        f.seek(span["offset"])
        data = f.read(span["bytes"])
    return [json.loads(x) for x in data.splitlines()]


def test_a_takedown_moves_the_later_runs_spans_to_where_their_lines_are(ingest, tmp_path):
    """A loader reads each run's new lines by its manifest's ``appended`` span (docs/running.md):
    after a takedown of a first run's records the second run's span started in the middle
    of a line, and verify said "intact" (s43 acc-index #1). The spans say where the lines
    are now, the runs' as the takedown left them (a record relinked by it included)."""
    story = _text(8, "STORY")
    a = {f"a{i}": _text(i, f"MARKA{i}X") for i in range(4)}
    a["a4"] = story
    first = ingest(str(_shard(tmp_path / "a.jsonl", a)), "--set", "dedup.policy='keep'")
    b = {f"b{i}": _text(100 + i, f"MARKB{i}X") for i in range(3)}
    b["b3"] = story + " An added closing line."  # (names a4 as its duplicate: relinked)
    second = ingest(str(_shard(tmp_path / "b.jsonl", b)), "--set", "dedup.policy='keep'")
    out = first.out
    # (the second run's manifest is run.json's: two runs of one second sort by their suffix)
    last = out / "runs" / (json.loads((out / "run.json").read_text("utf-8"))["run_id"] + ".json")
    runs = sorted((out / "runs").glob("*.json"), key=lambda p: p == last)
    assert len(runs) == 2 and second.records[-1]["duplicate"]["of"] == first.records[4]["id"]
    gone = [first.records[1]["id"], first.records[4]["id"]]
    assert _remove(out, *gone)[0] == 0
    kept_first = [r["id"] for r in first.records if r["id"] not in gone]
    assert [r["id"] for r in _span_lines(out, runs[0])] == kept_first
    later = _span_lines(out, runs[1])
    assert [r["id"] for r in later] == [r["id"] for r in second.records[5:]]
    assert later[-1]["duplicate"]["of"] is None  # (the relinked line, in its run's span)
    assert _span_lines(out, out / "run.json") == later
    assert _verify(out)[0] == 0
    third = ingest(str(_shard(tmp_path / "c.jsonl", {"c0": _text(200, "MARKC0X")})))
    assert third.exit_code == 0 and "holds" not in third.output, third.output
    assert [r["id"] for r in _span_lines(out, out / "run.json")] == [third.records[-1]["id"]]
