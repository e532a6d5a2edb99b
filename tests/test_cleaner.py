"""corearchive.Cleaner: the configured stages over pages a program holds, in its process."""

from __future__ import annotations

import gzip
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from corearchive import Cleaned, Cleaner, ConfigError
from corearchive.testing import IngestResult

#: What a cleaner's record and an ingest's record of the same page share (the ids and the
#: source differ: no file, and a cleaner archives nothing).
_SAME = ("text", "title", "authors", "site_name", "tags", "published", "language", "pipeline")

_MENU = "Home\nWorld\nSport\nShare\nAdvertisement\n"


_WORDS = tuple(
    [
        "river",
        "council",
        "budget",
        "school",
        "harbour",
        "market",
        "station",
        "library",
        "museum",
        "hospital",
        "garden",
        "bridge",
        "tunnel",
        "festival",
        "election",
        "court",
        "farmer",
        "teacher",
        "doctor",
        "engineer",
        "artist",
        "pilot",
        "forest",
        "mountain",
        "village",
        "island",
        "coast",
        "valley",
        "factory",
        "orchestra",
        "stadium",
        "airport",
    ]
)


def _article(n: int) -> str:
    """A news page of its own (no near duplicate of another ``n``'s): headline, menu lines,
    six sentences, a copyright line."""
    rng = random.Random(n)
    sentences = "".join(
        f"The {' '.join(rng.sample(_WORDS, 3))} story number {n} went on, as the"
        f" {' '.join(rng.sample(_WORDS, 4))} report of the town said on Tuesday {i}.\n"
        for i in range(6)
    )
    headline = f"Council approves the {rng.choice(_WORDS)} plan number {n}"
    return f"{headline}\n{_MENU}{sentences}© 2024 Example News\n"


@pytest.fixture
def cleaner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cleaner:
    monkeypatch.chdir(tmp_path)  # (no corearchive.toml of the checkout's)
    with Cleaner() as c:
        yield c  # type: ignore[misc]


def test_records_are_those_of_an_ingest_of_the_same_pages(
    seeds: Path, ingest: object, tmp_path: Path, cleaner: Cleaner
) -> None:
    ran: IngestResult = ingest(str(seeds))  # type: ignore[operator]
    by_sha = {r["source"]["sha256"]: r for r in ran.records}
    files = sorted(seeds.iterdir())
    got = list(cleaner.clean_many(f.read_bytes() for f in files))
    assert len(got) == len(files) == len(by_sha) == 5
    for cleaned in got:
        assert cleaned.kept, cleaned
        record = cleaned.record
        assert record is not None
        want = by_sha[record["source"]["sha256"]]
        assert {k: record[k] for k in _SAME} == {k: want[k] for k in _SAME}
        assert record["archive"] is None and record["source"]["path"] is None
        assert record["duplicate"]["status"] == "unique"


def test_one_page_with_its_address_and_capture_time(cleaner: Cleaner) -> None:
    got = cleaner.clean(
        _article(1).encode("cp1252"), url="https://example.org/a", fetched_at="2024-05-01T10:00"
    )
    assert got.kept and got.record is not None
    assert got.uri == got.record["source"]["uri"] == "https://example.org/a"
    assert got.record["source"]["fetched_at"] == "2024-05-01T10:00:00Z"  # (no offset: UTC)
    text = got.record["text"]
    assert "story number 1 went on" in text
    assert "Advertisement" not in text and "Share" not in text
    assert got.record["title"] == _article(1).split("\n")[0]
    # the id is made from the address, as a dump's document's is: the same page at another
    # address is another document (and an exact duplicate of the first)
    again = cleaner.clean(_article(1), url="https://example.org/b")
    assert not again.kept and (again.stage, again.reason) == ("dedup", "exact_duplicate")
    assert again.detail["duplicate"]["of"] == got.record["id"]


def test_capture_time_as_a_datetime_with_its_offset(cleaner: Cleaner) -> None:
    when = datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    got = cleaner.clean(_article(2), fetched_at=when)
    assert got.record is not None and got.record["source"]["fetched_at"] == "2024-05-01T10:00:00Z"
    with pytest.raises(ValueError, match="fetched_at"):
        cleaner.clean(_article(3), fetched_at="yesterday")


def test_a_page_without_content_is_dropped_with_its_reason(cleaner: Cleaner) -> None:
    got = cleaner.clean(_MENU)
    assert not got.kept and got.record is None
    assert (got.stage, got.reason) == ("boilerplate", "no_content")
    assert got.uri.startswith("urn:sha256:")


def test_html_is_told_by_its_content(cleaner: Cleaner) -> None:
    body = "".join(
        f"<p>Paragraph {i} of the story, long enough to be read as prose.</p>" for i in range(8)
    )
    page = (
        "<!doctype html><html><head><title>A story</title></head><body><nav>Home</nav>"
        f"<article>{body}</article></body></html>"
    )
    got = cleaner.clean(page)
    assert got.record is not None
    assert got.record["source"]["format"] == "html"
    assert "Paragraph 3 of the story" in got.record["text"] and "<p>" not in got.record["text"]


def test_results_keep_the_pages_order_with_unreadable_pages_in_their_place(
    cleaner: Cleaner,
) -> None:
    pages: list[str | bytes] = [_article(10), b"\x00\x01\x02\xff" * 200, _MENU, _article(11)]
    got = list(cleaner.clean_many(pages))
    assert [g.stage for g in got] == [None, "input", "boilerplate", None]
    assert "binary" in (got[1].error or "")
    assert got[0].record is not None and "story number 10 went" in got[0].record["text"]
    assert got[3].record is not None and "story number 11 went" in got[3].record["text"]


def test_many_pages_in_batches_keep_their_order(cleaner: Cleaner) -> None:
    pages = [_article(n) if n % 7 else b"\x00\x01\x02\xff" * 200 for n in range(150)]
    got = list(cleaner.clean_many(pages))
    assert len(got) == 150
    for n, g in enumerate(got):
        if n % 7 == 0:
            assert g.stage == "input", (n, g)
        else:
            assert g.record is not None and f"story number {n} went" in g.record["text"], (n, g)


def test_mappings_are_read_as_dump_objects(cleaner: Cleaner) -> None:
    got = list(
        cleaner.clean_many(
            [
                {"text": _article(20), "url": "https://example.org/20", "title": "Given"},
                {"no_text": 1},
            ]
        )
    )
    assert got[0].record is not None
    assert got[0].record["source"]["uri"] == "https://example.org/20"
    assert got[0].record["title"] == "Given"
    assert got[1].stage == "input" and "no non-empty" in (got[1].error or "")


def test_url_names_a_mapping_without_an_address(cleaner: Cleaner) -> None:
    """``clean(mapping, url=…)`` named a mapping without a ``url`` by its hash's line,
    ``urn:sha256:…#L1``, where ``fetched_at=`` was taken (s33 acc-read #16): ``url=`` is its
    address; the mapping's own ``url`` still wins."""
    page = {"text": _article(21)}
    got = cleaner.clean(page, url=" https://b.example/y ", fetched_at="2024-05-01T00:00:00Z")
    assert got.uri == "https://b.example/y" and got.record is not None
    assert got.record["source"]["uri"] == "https://b.example/y"
    assert got.record["source"]["fetched_at"] == "2024-05-01T00:00:00Z"
    own = cleaner.clean(
        {"text": _article(22), "url": "https://a.example/x"}, url="https://b.example/y"
    )
    assert own.uri == "https://a.example/x"
    bare = cleaner.clean({"text": _article(23)})
    assert bare.uri.startswith("urn:sha256:") and bare.uri.endswith("#L1")


def test_a_file_of_several_documents(cleaner: Cleaner) -> None:
    lines = [json.dumps({"text": _article(n), "url": f"https://example.org/{n}"}) for n in (30, 31)]
    blob = gzip.compress(("\n".join(lines) + "\n").encode())
    with pytest.raises(ValueError, match="holds 2 documents"):
        cleaner.clean(blob)
    got = list(cleaner.clean_many([blob]))
    assert [g.uri for g in got] == ["https://example.org/30", "https://example.org/31"]
    assert all(g.kept for g in got)


def test_the_same_document_twice_is_cleaned_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with Cleaner(disable=["dedup"]) as c:
        got = list(c.clean_many([_article(40), _article(41)]))
        again = c.clean(_article(40))
    assert [g.kept for g in got] == [True, True]
    assert got[0].record is not None and got[0].record["duplicate"]["status"] == "unchecked"
    # the same document again (same bytes, same URL) is reported as cleaned already, in
    # another batch as in the same (kept again, or a duplicate of itself, by its batch)
    assert (again.stage, again.reason) == ("cleaner", "already_cleaned")
    assert again.detail == {"of": got[0].record["id"]}


def test_settings_and_config_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Cleaner(settings=["boilerplate.keep_removed=true"]) as c:
        got = c.clean(_article(50))
    assert got.record is not None and got.record["annotations"]["boilerplate"]["removed"]
    with pytest.raises(ConfigError, match="no_such_option"):
        Cleaner(settings=["boilerplate.no_such_option=1"])
    with pytest.raises(TypeError):
        Cleaner(disable="dedup")  # type: ignore[arg-type]
    (tmp_path / "corearchive.toml").write_text('[pipeline]\nstages = ["boilerplate"]\n')
    with Cleaner() as c:  # ./corearchive.toml, as ingest reads it
        got = c.clean(_article(51))
    assert got.record is not None and [p["stage"] for p in got.record["pipeline"]] == [
        "boilerplate"
    ]


def test_close_removes_the_index_and_ends_the_cleaner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    c = Cleaner()
    work = c._tmp
    assert (work / "index.sqlite").exists()
    assert c.clean(_article(60)).kept
    c.close()
    c.close()  # (twice is fine)
    assert not work.exists()
    with pytest.raises(ValueError, match="closed"):
        c.clean(_article(61))


def test_cleaned_is_a_plain_value() -> None:
    c = Cleaned("urn:x", stage="boilerplate", reason="no_content")
    assert not c.kept and c == Cleaned("urn:x", stage="boilerplate", reason="no_content")


def test_ingest_in_a_program(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from filelock import FileLock

    from corearchive import CoreArchiveError, ExitCode, ingest

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "archive"
    report = ingest([seeds], out)
    assert (report.kept, report.exit_code) == (5, ExitCode.OK)
    assert len((out / "records.jsonl").read_text().splitlines()) == 5
    err = io.StringIO()
    again = ingest([str(seeds), str(tmp_path / "nope")], out, err=err, rescan=True)
    assert again.exit_code == ExitCode.PARTIAL and again.kept == 0
    assert again.dropped[("archive", "already_archived")] == 5 and "nope" in err.getvalue()
    with pytest.raises(ConfigError, match="no_such_option"):
        ingest([seeds], out, settings=["boilerplate.no_such_option=1"])
    with pytest.raises(TypeError):
        ingest(str(seeds), out)  # type: ignore[arg-type]
    with FileLock(out / ".corearchive.lock", timeout=0), pytest.raises(CoreArchiveError):
        ingest([seeds], out, index_timeout=0.2)  # (held by another run: raised, not exited)


def test_pages_that_raise_or_are_none_lose_no_results(cleaner: Cleaner) -> None:
    # a page iterator that raised lost the results of the pages of its batch taken before
    # (60 of 700), and a None page (an item without a body) raised too
    def pages():
        for n in range(70):
            yield None if n == 3 else _article(100 + n)
        raise ConnectionError("the crawl's connection dropped")

    got: list[Cleaned] = []
    with pytest.raises(ConnectionError):
        for result in cleaner.clean_many(pages()):
            got.append(result)
    assert len(got) == 70
    assert got[3].stage == "input" and "not NoneType" in (got[3].error or "")
    assert all(g.kept for i, g in enumerate(got) if i != 3)
    assert cleaner.clean(None).stage == "input"  # type: ignore[arg-type]


def test_a_cleaner_not_closed_leaves_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import gc

    monkeypatch.chdir(tmp_path)
    c = Cleaner()
    assert c.clean(_article(200)).kept
    work = c._tmp
    del c
    gc.collect()
    assert not work.exists()


def test_ingest_of_no_inputs_is_an_error(tmp_path: Path) -> None:
    from corearchive import ingest

    with pytest.raises(ValueError, match="no inputs"):
        ingest([], tmp_path / "o")
    assert not (tmp_path / "o").exists()


def test_ingests_errors_are_public_and_json_says_why(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the busy error was corearchive.errors.OutputBusyError, not public; an out that is a
    # file raised a bare FileExistsError; --json printed nothing on 75
    import json as json_mod

    from click.testing import CliRunner
    from filelock import FileLock

    import corearchive
    from corearchive.cli import cli

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "o"
    out.mkdir()
    with FileLock(out / ".corearchive.lock", timeout=0):
        with pytest.raises(corearchive.BusyError):
            corearchive.ingest([seeds], out, index_timeout=0.1)
        r = CliRunner().invoke(
            cli, ["ingest", str(seeds), "-o", str(out), "--index-timeout", "0.1", "--json"]
        )
    assert r.exit_code == 75
    assert json_mod.loads(r.stdout) == {
        "exit_code": 75,
        "error": r.stderr.split("error: ", 1)[1].strip(),
    }
    (tmp_path / "f").write_text("x")
    with pytest.raises(ValueError, match="is a file, not a folder"):
        corearchive.ingest([seeds], tmp_path / "f")


def test_the_same_page_twice_in_a_batch_or_apart_gives_one_answer(cleaner: Cleaner) -> None:
    # a crawler re-seeing a URL had it kept or dropped by whether it fell in one batch
    page = {"text": _article(300), "url": "https://example.org/300"}
    first = list(cleaner.clean_many([page, page]))
    later = cleaner.clean(_article(300), url="https://example.org/300")
    apart = list(cleaner.clean_many([page]))
    assert first[0].kept
    assert [r.reason for r in (first[1], *apart)] == ["already_cleaned"] * 2
    assert later.reason == "exact_duplicate"  # (a text page, not the dump line: another document)


def test_fetched_at_takes_the_dump_readers_forms() -> None:
    from datetime import date

    from corearchive.cleaner import _utc

    assert (
        _utc("20240501100000") == _utc(1714557600) == _utc("1714557600") == ("2024-05-01T10:00:00Z")
    )
    assert _utc(date(2024, 5, 1)) == "2024-05-01T00:00:00Z"
    for bad in ("yesterday", "", "0001-01-01T00:00:00+01:00", [1]):
        with pytest.raises(ValueError, match="fetched_at is no capture time"):
            _utc(bad)


def test_a_cleaner_used_after_a_fork_says_so(cleaner: Cleaner, monkeypatch: pytest.MonkeyPatch):
    # a cleaner shared into a fork-based pool missed duplicates in silence (27 of 800)
    import os

    pid = os.getpid()
    monkeypatch.setattr(os, "getpid", lambda: pid + 1)
    with pytest.raises(RuntimeError, match="made in another process"):
        cleaner.clean(_article(400))
    monkeypatch.setattr(os, "getpid", lambda: pid)
    assert cleaner.clean(_article(400), url="   ").uri.startswith("urn:sha256:")  # (blank: none)


def test_a_caller_that_stops_early_leaves_nothing_held(cleaner: Cleaner) -> None:
    # a break in the middle of a batch left its other documents' outcomes in the cleaner,
    # and its pages given again were already_cleaned: their records never given
    pages = [_article(i) for i in range(40)]
    menus = [f"Home\nWorld {i}\nShare\n" for i in range(40)]  # (dropped: no content)
    mixed = [p for pair in zip(pages, menus, strict=True) for p in pair]
    for n, _ in enumerate(cleaner.clean_many(mixed)):
        if n == 9:
            break
    assert not cleaner._outcomes.ended
    # a copy of a page cleaned but not taken is no duplicate: that page is not in the index
    copy = cleaner.clean(pages[15], url="https://elsewhere.example/15")
    assert copy.kept, (copy.reason, copy.detail)
    again = list(cleaner.clean_many(mixed[10:]))
    assert len(again) == 70 and all(c.error is None for c in again)
    # given again, the pages cleaned but not taken are cleaned again (page 15 now the copy's
    # duplicate)
    assert [c.reason for c in again[0::2]] == [None] * 10 + ["exact_duplicate"] + [None] * 24
    assert [c.reason for c in again[1::2]] == ["no_content"] * 35
    # and a page whose result was taken stays cleaned
    [first] = cleaner.clean_many(mixed[:1])
    assert first.reason == "already_cleaned"


def test_ingest_in_a_program_can_start_a_new_index(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the error told the program to pass --new-index, which ingest() could not take
    import corearchive

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "o"
    assert corearchive.ingest([seeds], out).kept == 5
    (out / "index.sqlite").unlink()
    with pytest.raises(corearchive.IndexMissingError, match=r"new_index=True in corearchive"):
        corearchive.ingest([seeds], out)
    again = corearchive.ingest([seeds], out, new_index=True)
    assert again.exit_code == 0 and (out / "index.sqlite").exists()


def test_a_killed_cleaners_folder_is_removed_by_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a service killed (SIGTERM, SIGKILL) left its cleaner's folder in /tmp, and no later
    # start removed it: one folder per kill
    import os
    import subprocess
    import sys
    import tempfile

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    code = (
        "import os, corearchive; c = corearchive.Cleaner(); print(c._tmp, flush=True); os._exit(9)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    dead = Path(out.stdout.strip())
    assert dead.is_dir() and dead.parent == tmp_path, out.stderr
    live = Cleaner()  # (this process's: running)
    assert not dead.exists()
    with Cleaner() as other:
        assert live._tmp.exists() and other._tmp.exists()
    assert live._tmp.exists()
    live.close()
    assert not live._tmp.exists()


def test_a_url_that_is_no_string_is_a_type_error_naming_it(cleaner: Cleaner) -> None:
    # it was AttributeError: 'int' object has no attribute 'strip'
    with pytest.raises(TypeError, match="url is a string, not int"):
        cleaner.clean(_article(700), url=5)  # type: ignore[arg-type]
    assert cleaner.clean(_article(700), url="https://example.org/700").kept


def test_ingest_into_a_folder_it_cannot_make_is_a_corearchive_error(
    seeds: Path, tmp_path: Path
) -> None:
    # it was a raw FileNotFoundError / NotADirectoryError; the README says run errors are
    # CoreArchiveErrors (the command's exit 3)
    import corearchive

    (tmp_path / "afile").write_text("x")
    with pytest.raises(corearchive.CoreArchiveError, match="cannot be made or written") as got:
        corearchive.ingest([seeds], tmp_path / "afile" / "out")
    assert type(got.value).__name__ == "OutputError"
    with pytest.raises(corearchive.CoreArchiveError, match="is a file, not a folder"):
        corearchive.ingest([seeds], tmp_path / "afile")


def test_a_text_over_the_limit_is_refused_before_any_stage_in_a_thread_too(
    cleaner: Cleaner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # s28 acc-embed M2: a 35 MB text page in a worker thread ran 16 s and was kept (no
    # limit off the main thread), and a 52 MB JSONL line took 1 GB; a text over
    # inputs.MAX_TEXT_CHARS is an input error, in whatever thread
    import threading

    from corearchive import inputs

    monkeypatch.setattr(inputs, "MAX_TEXT_CHARS", 20_000)
    long_page = _article(1) * 100  # (~50,000 characters)
    got: list[Cleaned] = []
    worker = threading.Thread(target=lambda: got.append(cleaner.clean(long_page)))
    worker.start()
    worker.join()
    (res,) = got
    assert not res.kept and res.stage == "input"
    assert res.error is not None
    assert "characters: over the 20,000 one document may hold" in res.error
    assert cleaner.clean(_article(2)).kept  # (a page under it, as before)


def test_a_cleaners_index_is_committed_and_its_log_emptied_every_so_many_documents(
    cleaner: Cleaner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # s28 acc-embed L3: the index was one transaction for the cleaner's whole life, so its
    # write-ahead log only grew (7.1 MB over 21,000 documents) and a reader saw no row
    import sqlite3

    from corearchive import cleaner as cleaner_mod

    monkeypatch.setattr(cleaner_mod, "CHECKPOINT_DOCS", 5)
    for i in range(6):
        assert cleaner.clean(_article(i)).kept
    got = list(cleaner.clean_many(_article(i) for i in range(6, 12)))
    assert all(c.kept for c in got)
    index = cleaner._tmp / "index.sqlite"
    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        assert db.execute("SELECT count(*) FROM dedup_docs").fetchone()[0] == 12
    finally:
        db.close()
    assert index.with_name("index.sqlite-wal").stat().st_size == 0
    # and duplicates are still found across the checkpoints
    again = cleaner.clean(_article(3) + "\n")
    assert not again.kept and again.reason is not None and "duplicate" in again.reason
