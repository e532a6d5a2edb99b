"""``corearchive history URL OUT...``: every capture of a page (s31 acc-recrawl #9)."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from corearchive.cli import cli

from helpers import NEWS_WORDS, word_paragraphs

URL = "https://news.example/2026/03/bridge"


def _text(seed: int, n: int = 8) -> str:
    return "\n\n".join(word_paragraphs(n, seed, 50, NEWS_WORDS[:11]))


def _day(path: Any, *lines: dict[str, Any]) -> str:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return str(path)


def _history(*args: str) -> Any:
    return CliRunner().invoke(cli, ["history", *args])


def test_history_lists_every_version_and_refetch_of_a_url(ingest, tmp_path):
    story = _text(1)
    fixed = story + "\n\nCorrection: the budget is forty million dollars, not fourteen."
    out = tmp_path / "arch"
    d1 = _day(tmp_path / "day1.jsonl", {"url": URL, "fetched_at": "2026-11-01T06:00:00Z",
              "title": "Bridge", "text": story},
              {"url": "https://news.example/other", "text": _text(2)})  # fmt: skip
    d2 = _day(tmp_path / "day2.jsonl", {"url": URL + "/", "fetched_at": "2026-11-02T06:00:00Z",
              "title": "Bridge", "text": story})  # fmt: skip
    d3 = _day(tmp_path / "day3.jsonl", {"url": URL + "?utm_source=rss", "title": "Bridge",
              "fetched_at": "2026-11-03T06:00:00Z", "text": fixed})  # fmt: skip
    first = ingest(d1, out=out)
    ingest(d2, out=out)
    ingest(d3, out=out)
    ingest(d2, "--rescan", out=out)  # (the exact copy reported again: one capture)
    ingest(d3, "--rescan", out=out)  # (the revision read again: already archived)
    r = _history(URL, str(out))
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert "3 capture(s), 2 kept as records, 1 dropped" in lines[0]
    assert "canonical key news.example/2026/03/bridge" in lines[0]
    assert [line.split()[:2] for line in lines[1:]] == [
        ["2026-11-01T06:00:00Z", "kept"],
        ["2026-11-02T06:00:00Z", "dropped"],
        ["2026-11-03T06:00:00Z", "kept"],
    ]
    assert "exact_duplicate of" in lines[2] and "reported again by 1 later run(s)" in lines[2]
    assert "revision of" in lines[3] and "reported again by 1 later run(s)" in lines[3]
    r = _history(URL, str(out), "--json")
    data = json.loads(r.output)
    caps = data["captures"]
    assert data["key"] == "news.example/2026/03/bridge"
    assert [(c["kind"], c["status"]) for c in caps] == [
        ("kept", "unique"),
        ("dropped", "exact_duplicate"),
        ("kept", "revision"),
    ]
    v1 = first.records[0]["id"]
    assert caps[0]["id"] == v1 and caps[1]["of"] == v1 and caps[2]["of"] == v1
    assert caps[2]["uri"] == URL + "?utm_source=rss" and caps[0]["title"] == "Bridge"
    assert len(caps[1]["again"]) == 1 and len(caps[2]["again"]) == 1
    # --exact-url: only the URL as written
    exact = json.loads(_history(URL, str(out), "--json", "--exact-url").output)["captures"]
    assert [c["status"] for c in exact] == ["unique"]


def test_history_reads_every_folder_of_a_shared_index(ingest, tmp_path):
    index = tmp_path / "shared.sqlite"
    d1 = _day(tmp_path / "d1.jsonl", {"url": URL, "text": _text(1)})
    d2 = _day(tmp_path / "d2.jsonl", {"url": URL, "text": _text(1)})
    ingest(d1, "--index", str(index), out=tmp_path / "day1")
    ingest(d2, "--index", str(index), out=tmp_path / "day2")
    caps = json.loads(
        _history(URL, str(tmp_path / "day1"), str(tmp_path / "day2"), "--json").output
    )["captures"]
    assert [(c["kind"], c["folder"][-4:]) for c in caps] == [("kept", "day1"), ("dropped", "day2")]


def test_history_of_an_unknown_url_and_of_no_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    r = _history("https://nowhere.example/", str(tmp_path / "empty"))
    assert r.exit_code == 0 and "0 capture(s)" in r.output
    r = _history(URL, str(tmp_path / "missing"))
    assert r.exit_code == 2 and "no such folder" in r.output


def test_history_of_a_local_file_given_by_its_path(ingest, tmp_path, monkeypatch):
    """s32 regression tester #14: a text file's documents have its file: URI; its path, as
    a user types it (relative too), found nothing."""
    page = tmp_path / "page.txt"
    page.write_text(_text(1))
    out = tmp_path / "out"
    assert ingest(str(page), "-o", str(out)).exit_code == 0
    monkeypatch.chdir(tmp_path)
    for given in (str(page), "page.txt", page.as_uri()):
        r = _history(given, str(out))
        assert r.exit_code == 0 and "1 capture(s)" in r.output, (given, r.output)


def test_history_finds_a_saved_page_by_its_own_address(ingest, tmp_path):
    """s32 regression tester #10: a saved HTML page's record keeps its own address in
    ``annotations.metadata.url`` (its canonical link); history looked at the file: URI only."""
    body = "".join(f"<p>{p}</p>" for p in _text(2).split("\n\n"))
    page = tmp_path / "saved.html"
    page.write_text(
        f"<html><head><link rel='canonical' href='{URL}'><title>Bridge</title></head>"
        f"<body><article><h1>Bridge</h1>{body}</article></body></html>"
    )
    out = tmp_path / "out"
    assert ingest(str(page), "-o", str(out)).exit_code == 0
    r = _history(URL, str(out))
    assert r.exit_code == 0 and "1 capture(s)" in r.output, r.output


def test_history_takes_a_pages_own_address_as_the_dedup_stage_does(ingest, tmp_path):
    """A site's root as every page's canonical link (a CMS's mistake, which the dedup stage
    ignores) made every article a capture of the home page (s33 acc-read #15); a canonical
    link to another site's page is no capture of it either. Each stays a capture of its
    own address."""
    site = "https://www.site.example/"
    lines = []
    for i, (path, canonical) in enumerate(
        [("2026/bridge", site), ("2026/budget", site), ("2026/school", "https://x.example/a")]
    ):
        body = "".join(f"<p>{p}</p>" for p in _text(10 + i).split("\n\n"))
        html = (
            f"<html><head><link rel='canonical' href='{canonical}'><title>T{i}</title></head>"
            f"<body><article><h1>T{i}</h1>{body}</article></body></html>"
        )
        lines.append({"url": site + path, "html": html})
    out = tmp_path / "out"
    assert ingest(_day(tmp_path / "site.jsonl", *lines), out=out).exit_code == 0
    for url, found in [
        (site, 0),
        ("https://x.example/a", 0),
        (site + "2026/bridge", 1),
        (site + "2026/school", 1),
    ]:
        r = _history(url, str(out))
        assert r.exit_code == 0 and f": {found} capture(s)" in r.output, (url, r.output)


def test_history_says_a_copy_read_later_was_captured_before_its_original(ingest, tmp_path):
    """Crawls ingested out of date order: the archive keeps the order it read them in
    (the 2024 capture is the record), and history says what the dates say (s37 acc-crawl
    F12: nothing told that the 2023 'copy' was the earlier capture)."""
    from helpers import one_page_warc

    body = "".join(f"<p>{p}</p>" for p in word_paragraphs(6, 3, 50, NEWS_WORDS[:11]))
    page = f"<html><head><title>Bridge</title></head><body><article>{body}</article></body></html>"
    out = tmp_path / "arch"
    for name, date in (
        ("late.warc.gz", "2024-09-01T00:00:00Z"),
        ("early.warc.gz", "2023-09-01T00:00:00Z"),
    ):
        path = one_page_warc(tmp_path / name, URL, page.encode(), date, "text/html")
        assert ingest(str(path), out=out).exit_code == 0
    r = _history(URL, str(out))
    lines = r.output.splitlines()
    assert "2 capture(s), 1 kept as records, 1 dropped" in lines[0]
    assert lines[1].split()[:2] == ["2024-09-01T00:00:00Z", "kept"]
    assert lines[2].split()[:2] == ["2023-09-01T00:00:00Z", "dropped"]
    assert "exact_duplicate of" in lines[2] and "(captured before it)" in lines[2]
    caps = json.loads(_history(URL, str(out), "--json").output)["captures"]
    assert [c.get("before_original", False) for c in caps] == [False, True]


def _capture(record: str | None, at: str, uri: str = URL) -> dict[str, Any]:
    """A record's or a drop entry's source: its address, fetch time and crawl record."""
    return {"uri": uri, "fetched_at": at, "warc_record_id": record}


def test_a_crawl_records_captures_are_one_capture_of_its_first_record(tmp_path):
    """review40 F6: a crawl record kept twice (the crawl file ingested under two names, dedup
    off) was two records; a revisit of it was given the first as its original, its response
    read again the last, two keys of one capture written apart. And a revisit that names no
    record it refers to was given a record read from no crawl record (a file's) as its
    original, "None" matching "None"; its address and date name the original."""
    from corearchive.history import captures

    early = "2024-04-01T08:00:00Z"

    def rec(doc_id: str, record: str | None, run: str, uri: str = URL) -> dict[str, Any]:
        src = _capture(record, early, uri)
        return {"id": doc_id, "title": "Bridge", "duplicate": {"status": "unique"},
                "source": src, "archive": {"run_id": run}}  # fmt: skip

    def drop(doc_id: str, reason: str, record: str, run: str, **detail: str) -> dict[str, Any]:
        src = _capture(record, detail.pop("at", early))
        return {"kind": "dropped", "reason": reason, "id": doc_id, "run_id": run,
                "source": src, "detail": detail}  # fmt: skip

    _day(
        tmp_path / "records.jsonl",
        rec("file", None, "20240401T000000Z-a", "https://other.example/page"),
        rec("first", "<urn:uuid:w>", "20240402T000000Z-b"),
        rec("second", "<urn:uuid:w>", "20240403T000000Z-c"),
    )
    _day(
        tmp_path / "rejects.jsonl",
        drop("again", "already_archived", "<urn:uuid:w>", "20240404T000000Z-d"),
        drop(
            "rv",
            "revisit",
            "<urn:uuid:r>",
            "20240405T000000Z-e",
            refers_to="<urn:uuid:w>",
            at="2024-04-08T08:00:00Z",
        ),
        drop(
            "rv2",
            "revisit",
            "<urn:uuid:r2>",
            "20240406T000000Z-f",
            refers_to_uri=URL,
            refers_to_date=early,
            at="2024-04-15T08:00:00Z",
        ),
    )
    got = {c["id"]: c for c in captures(URL, [tmp_path])}
    assert got["first"]["again"] == ["20240404T000000Z-d"] and got["second"]["again"] == []
    assert got["rv"]["of"] == "first"
    assert got["rv2"]["of"] == "first"
