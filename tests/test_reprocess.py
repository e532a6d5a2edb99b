"""Reprocessing an archive: cleaning again what it archived, from its own WARC files (the
original inputs gone), as an archive team does when the pipeline improves (s27 acceptance
tester, reprocessing)."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from click.testing import CliRunner

from corearchive.cli import cli
from corearchive.testing import IngestResult

_WORDS = [
    "council",
    "budget",
    "parks",
    "debate",
    "costs",
    "maintenance",
    "river",
    "bridge",
    "school",
    "teachers",
    "water",
    "energy",
    "housing",
    "market",
    "prices",
    "transport",
    "rail",
    "station",
    "museum",
    "library",
    "hospital",
    "doctors",
    "nurses",
    "police",
    "court",
    "judge",
    "farmers",
    "harvest",
    "weather",
    "storm",
]


def _story(rng: random.Random, sentences: int = 8) -> str:
    return " ".join(
        " ".join(rng.choice(_WORDS) for _ in range(14)).capitalize() + "." for _ in range(sentences)
    )


def _inputs(folder: Path) -> Path:
    """A dump of three lines (address, title, authors, date; no capture time) and a text
    file whose only date is "TODAY" (no date without a capture time)."""
    rng = random.Random(7)
    folder.mkdir()
    with open(folder / "dump.jsonl", "w", encoding="utf-8") as f:
        for i in range(3):
            line = {
                "url": f"https://news.example.com/a{i}",
                "title": f"Dump title {i}",
                "authors": ["Ann Example"],
                "date": "2019-05-01",
                "text": _story(rng),
            }
            if i == 0:
                line["fetched_at"] = "2019-05-02T10:00:00Z"
            f.write(json.dumps(line) + "\n")
    (folder / "page.txt").write_text(
        f"Local News\nCouncil approves the parks budget\nTODAY\n{_story(rng)}\n\nShare this\n"
    )
    return folder


def _by_uri(res: IngestResult) -> dict[str, dict]:
    return {r["source"]["uri"]: r for r in res.records}


def test_an_archive_read_back_from_its_warc_files_gives_its_records_again(ingest, tmp_path):
    """A dump's line was skipped (its raw record is JSON) and its cleaned text cleaned again
    in its place, without the dump's title, authors and date; a file's archiving time became
    its capture time, and "TODAY" in it the archiving day."""
    first = ingest(str(_inputs(tmp_path / "in")), out=tmp_path / "out")
    assert first.exit_code == 0 and len(first.records) == 4, first.output
    again = ingest(str(tmp_path / "out" / "warc"), out=tmp_path / "new")
    assert again.exit_code == 0, again.output
    old, new = _by_uri(first), _by_uri(again)
    assert sorted(new) == sorted(old)
    for uri, record in old.items():
        got = new[uri]
        for field in ("title", "authors", "published", "text", "tags", "site_name"):
            assert got[field] == record[field], (uri, field)
        assert got["source"]["fetched_at"] == record["source"]["fetched_at"]
        assert got["source"]["format"] == "warc"
        # (the copy of the raw record is read, not corearchive's own conversion record)
        assert got["source"]["warc_record_id"] == record["archive"]["raw_record_id"]
    assert new["https://news.example.com/a1"]["title"] == "Dump title 1"
    assert new["https://news.example.com/a0"]["source"]["fetched_at"] == "2019-05-02T10:00:00Z"
    assert new["https://news.example.com/a1"]["source"]["fetched_at"] is None
    assert [r["source"]["fetched_at"] for u, r in new.items() if u.startswith("file:")] == [None]
    skipped = again.manifest["counts"]["skipped"]  # type: ignore[index]
    assert "warc records with non-text payload" not in skipped
    assert skipped["warc conversion records of a page read"] == 4


def test_an_output_folder_named_as_input_gives_its_warc_files(ingest, tmp_path):
    """`ingest OLD -o NEW` read OLD's records.jsonl first (as a dump), dropped the raw
    inputs of its WARC files as that dump's duplicates, and made error entries of its
    rejects, manifests and index."""
    first = ingest(str(_inputs(tmp_path / "in")), out=tmp_path / "out")
    assert first.exit_code == 0
    again = ingest(str(tmp_path / "out"), out=tmp_path / "new")
    assert again.exit_code == 0, again.output
    assert "is a corearchive output folder: its WARC files are read" in again.output
    assert sorted(_by_uri(again)) == sorted(_by_uri(first)) and not again.rejects
    assert again.manifest["counts"]["inputs"] == 1  # type: ignore[index]

    # found inside a folder, it is not read, and the message says why
    (tmp_path / "holder").mkdir()
    (tmp_path / "out").rename(tmp_path / "holder" / "out")
    held = ingest(str(tmp_path / "holder"), out=tmp_path / "new2")
    assert held.exit_code == 4, held.output
    assert "no files in this folder but corearchive output folders" in held.output
    # a pattern of the run's own output is no input, and says so
    own = ingest(str(tmp_path / "holder" / "out" / "warc" / "*.warc.gz"),
                 out=tmp_path / "holder" / "out")  # fmt: skip
    assert "this pattern matches only the run's own output (-o)" in own.output, own.output


def test_an_output_folder_inside_an_input_folder_with_other_files_is_said(ingest, tmp_path):
    """docs/archive.md: an output folder found inside an input folder is not read ("the
    message says so"); it was said only when the folder held nothing else: with a file
    beside it, its WARC files went unread in silence (s32 docs finding 16). Said by a
    walk of the folder and of a pattern's folders, once per run."""
    first = ingest(str(_inputs(tmp_path / "in")), out=tmp_path / "holder" / "old")
    assert first.exit_code == 0
    shutil.copy(next((tmp_path / "in").iterdir()), tmp_path / "holder" / "beside.txt")
    note = (
        f"corearchive: note: passed over {tmp_path / 'holder' / 'old'}: a corearchive output"
        " folder, not read inside an input folder; name one to read its WARC files"
    )
    for i, name in enumerate([str(tmp_path / "holder"), str(tmp_path / "h*")]):
        res = ingest(name, out=tmp_path / f"new{i}")
        assert res.exit_code == 0, res.output
        assert res.manifest["counts"]["inputs"] == 1  # type: ignore[index]
        assert res.output.count(note) == 1, res.output


def test_records_jsonl_read_as_a_dump_keeps_addresses_and_capture_times(ingest, tmp_path):
    """A record's address and capture time are under ``source`` (``uri``, ``fetched_at``):
    read as a dump, every one was lost (the dump's own path took the address's place)."""
    first = ingest(str(_inputs(tmp_path / "in")), out=tmp_path / "out")
    again = ingest(str(tmp_path / "out" / "records.jsonl"), "--set", "dedup.policy=keep",
                   out=tmp_path / "rt")  # fmt: skip
    assert again.exit_code == 0, again.output
    old, new = _by_uri(first), _by_uri(again)
    assert sorted(new) == sorted(old)
    for uri, record in old.items():
        assert new[uri]["source"]["fetched_at"] == record["source"]["fetched_at"]
        assert new[uri]["title"] == record["title"]


def test_records_lines_escape_the_unicode_line_separators(ingest, tmp_path):
    """U+2028, U+2029 and U+0085 were written raw: valid JSON, but str.splitlines() (and
    JavaScript before ES2019) cut the record into three lines (s27 fidelity tester F8)."""
    rng = random.Random(3)
    story = _story(rng).replace(". ", ".\u2028", 1).replace(". ", ".\u2029", 1)
    story = story.replace(". ", ".\x85", 1)
    dump = tmp_path / "d.jsonl"
    # (a dump's other field passes through as given; the text's separators are line breaks
    # and its U+0085 the ellipsis of its Windows-1252 byte: corearchive.characters)
    note = "a\u2028b\u2029c\x85d"
    row = {"url": "https://a.example/x", "text": story, "note": note}
    dump.write_text(json.dumps(row) + "\n", "utf-8")
    res = ingest(str(dump))
    assert res.exit_code == 0, res.output
    raw = (res.out / "records.jsonl").read_text("utf-8")
    assert len(raw.splitlines()) == 1 and "\\u2028" in raw and "\\u0085" in raw
    [rec] = res.records
    assert rec["annotations"]["source"]["input_metadata"]["note"] == note
    assert not any(ch in rec["text"] for ch in "\u2028\u2029\x85") and "\u2026" in rec["text"]
    assert CliRunner().invoke(cli, ["verify", str(res.out)]).exit_code == 0


def test_a_dumps_social_posts_reprocess_as_posts(ingest, tmp_path):
    """Read back from their ``resource`` records, a dump's posts ("ok", "Danke!", "草", a
    repost) were cleaned as pages: method lines, every one no_content (s36 acc-regress O1).
    A post is read again as it was first: kept whole, its author and repost reference too."""
    (tmp_path / "in").mkdir()
    posts = [
        {"id": "1", "text": "ok", "lang": "en", "user": {"screen_name": "jd"}},
        {"id": "2", "text": "Danke! #Wirtschaft", "lang": "de", "favourites_count": 3},
        {"id": "3", "text": "草", "lang": "ja", "type": "tweet"},
        {"id": "4", "text": "RT @bob: Storm warning for the coast on March 5", "lang": "en"},
    ]
    (tmp_path / "in" / "posts.jsonl").write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts), "utf-8"
    )
    first = ingest(str(tmp_path / "in"), "--disable", "dedup", out=tmp_path / "out")
    assert first.exit_code == 0 and len(first.records) == 4, first.output
    again = ingest(str(tmp_path / "out"), "--disable", "dedup", out=tmp_path / "new")
    assert again.exit_code == 0 and not again.rejects, again.output
    old, new = _by_uri(first), _by_uri(again)
    assert sorted(new) == sorted(old)
    for uri, record in old.items():
        got = new[uri]
        assert got["annotations"]["boilerplate"]["method"] == "post", uri
        for field in ("text", "title", "authors", "language"):
            assert got[field] == record[field], (uri, field)
        src, was = got["annotations"]["source"], record["annotations"]["source"]
        assert (src.get("post"), src.get("repost_of")) == (was.get("post"), was.get("repost_of"))
