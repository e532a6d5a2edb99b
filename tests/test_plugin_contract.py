"""What the host holds a third-party source or sink to, and what it owes them (s29
acc-sinksrc: a sink that changed the shared record, takedowns a plugin sink never heard
of, a source's wrong format, sniff bugs, date hints, a plugin sink's files in verify)."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from click.testing import CliRunner

from corearchive import AtomicFile, Sink, hookimpl
from corearchive.cli import cli

from helpers import extra_plugins


class _Plugin:
    """A plugin offering the given sinks and sources."""

    def __init__(self, sinks: tuple[type, ...] = (), sources: tuple[type, ...] = ()) -> None:
        self.sinks, self.sources = sinks, sources

    @hookimpl
    def corearchive_register_sinks(self, register: Any) -> None:
        for s in self.sinks:
            register(s)

    @hookimpl
    def corearchive_register_sources(self, register: Any) -> None:
        for s in self.sources:
            register(s)


class Mutating(Sink):
    """Changes the record it is given, and keeps what it was given."""

    name = "mutating"
    seen: list[Any] = []

    def write(self, document: Any, record: dict[str, Any]) -> None:
        Mutating.seen.append(record)
        if len(Mutating.seen) == 2:
            record["title"] = "MUTATED"


def test_a_sink_cannot_change_the_record_the_other_sinks_and_records_jsonl_get(
    ingest, seeds, monkeypatch
):
    """A sink listed before ``records`` that set ``record["title"]`` changed every line of
    records.jsonl, and verify said intact (s29 acc-sinksrc H2): the record a plugin sink
    gets is read-only, and the sink that changes it fails that document alone, named."""
    Mutating.seen = []

    class Annotating(Sink):
        name = "annotating"

        def write(self, document: Any, record: dict[str, Any]) -> None:
            record["annotations"]["mine"] = {"x": 1}

    with extra_plugins(monkeypatch, ("m", _Plugin((Mutating, Annotating)))):
        res = ingest(str(seeds), "--set", 'output.sinks=["mutating", "warc", "records"]')
        bad = ingest(
            str(seeds),
            "--set",
            'output.sinks=["annotating", "records"]',
            out=res.out.parent / "other",
        )
    assert res.exit_code == 1 and len(res.records) == 4
    assert all(r["title"] != "MUTATED" for r in res.records)
    [err] = res.rejects
    assert err["error"].startswith("sink 'mutating': TypeError: the record is read-only")
    assert all("mine" not in r["annotations"] for r in bad.records)
    assert bad.exit_code == 1 and not bad.records
    assert {e["error"].split(":")[0] for e in bad.rejects} == {"sink 'annotating'"}
    assert all("the record is read-only" in e["error"] for e in bad.rejects)
    # reading it is a dict's; its copies are plain, changeable dicts
    rec = Mutating.seen[0]
    assert isinstance(rec, dict) and isinstance(rec["pipeline"], list)
    assert json.loads(json.dumps(rec)) == json.loads(json.dumps(copy.deepcopy(rec)))
    for mine in (copy.deepcopy(rec), pickle.loads(pickle.dumps(rec)), {**rec}):
        mine["title"] = "mine"
        mine["pipeline"].append(1) if type(mine["pipeline"]) is list else None
    with pytest.raises(TypeError, match="read-only"):
        rec["pipeline"].append({})
    with pytest.raises(TypeError, match="read-only"):
        rec["source"].update(uri="x")


class Bulk(Sink):
    """An Elasticsearch bulk file (as corearchive-esbulk): an action line and the record for
    each document, appended run after run."""

    name = "bulk"

    def open(self) -> None:
        self.file = AtomicFile(
            self.context.out / "bulk.ndjson", self.context.run_id, keep_existing=True, lines=True
        )

    def write(self, document: Any, record: dict[str, Any]) -> None:
        self.file.write(
            (
                json.dumps({"index": {"_id": record["id"]}}) + "\n" + json.dumps(record) + "\n"
            ).encode()
        )

    def commit(self) -> None:
        self.file.commit()

    def abort(self) -> None:
        if hasattr(self, "file"):
            self.file.abort()

    def outputs(self) -> list[str]:
        return ["bulk.ndjson"]

    def appended(self) -> dict[str, dict[str, int]]:
        return {"bulk.ndjson": self.file.span()}


class ForgettingBulk(Bulk):
    """The bulk sink that takes documents out of its file for ``corearchive remove``."""

    name = "fbulk"

    def take_down(self, ids: list[str], reason: str) -> bool:
        assert self.context.outputs == ["bulk.ndjson"]
        path = self.context.out / "bulk.ndjson"
        lines = path.read_bytes().splitlines(keepends=True)
        keep = b"".join(
            a + b
            for a, b in zip(lines[::2], lines[1::2], strict=True)
            if json.loads(a)["index"]["_id"] not in ids
        )
        new = AtomicFile(path, self.context.run_id)
        new.write(keep)
        new.commit()
        return True


def _verify(out: Any) -> tuple[int, dict[str, Any]]:
    r = CliRunner().invoke(cli, ["verify", str(out), "--json"])
    return r.exit_code, json.loads(r.output)


@pytest.mark.parametrize("sink", ["bulk", "fbulk"])
def test_a_takedown_reaches_the_plugin_sinks_or_says_it_did_not(ingest, seeds, monkeypatch, sink):
    """``corearchive remove`` left the document's full record in a plugin sink's file, and
    verify said "problems 0" (s29 acc-sinksrc H1). A sink with ``take_down`` rewrites its
    file with the takedown; one without is named by remove, recorded in takedowns.jsonl,
    and verify reports its file while it holds the id."""
    sinks = f'output.sinks=["warc", "records", "{sink}"]'
    with extra_plugins(monkeypatch, ("bulk", _Plugin((Bulk, ForgettingBulk)))):
        res = ingest(str(seeds), "--set", sinks)
        assert res.exit_code == 0, res.output
        out = res.out
        gone = res.records[1]["id"]
        assert (out / "bulk.ndjson").read_bytes().count(gone.encode()) == 2
        r = CliRunner().invoke(cli, ["remove", str(out), gone, "--reason", "test"])
        assert r.exit_code == 0, r.output
        [entry] = [json.loads(x) for x in (out / "takedowns.jsonl").read_text().splitlines()]
        code, got = _verify(out)
        if sink == "fbulk":
            assert "sink 'fbulk': removed" in r.output
            assert entry["sinks"] == {"fbulk": "removed"}
            assert gone.encode() not in (out / "bulk.ndjson").read_bytes()
            assert len((out / "bulk.ndjson").read_bytes().splitlines()) == 8
            assert code == 0, got["listed"]
            # a later run appends to the rewritten file; verify holds it to that run's span
            more = ingest(str(seeds), "--set", sinks, "--rescan", out=out)
            assert more.exit_code == 0, more.output
            assert _verify(out)[0] == 0
        else:
            assert (
                "warning: sink 'bulk' did not confirm the removal of the 1 document(s)" in r.output
            )
            assert entry["sinks"] == {"bulk": "not confirmed: the sink has no take_down"}
            assert code == 1
            assert got["listed"] == [
                f"bulk.ndjson: holds document {gone}, taken down at {entry['at']}: sink 'bulk'"
                " did not confirm its removal (not confirmed: the sink has no take_down)"
            ]
            # taken out by hand: a note, no problem
            lines = (out / "bulk.ndjson").read_bytes().splitlines(keepends=True)
            (out / "bulk.ndjson").write_bytes(b"".join(x for x in lines if gone.encode() not in x))
            code, got = _verify(out)
            assert code == 0 and any("did not confirm" in n for n in got["notes"]), got


def test_verify_checks_the_files_a_plugin_sink_appends_to(ingest, seeds, monkeypatch):
    """A plugin sink's appended file (its span in the manifest) truncated or deleted:
    verify said "problems 0" (s29 acc-sinksrc M4)."""
    with extra_plugins(monkeypatch, ("bulk", _Plugin((Bulk,)))):
        res = ingest(str(seeds), "--set", 'output.sinks=["warc", "records", "bulk"]')
    assert res.exit_code == 0
    bulk = res.out / "bulk.ndjson"
    assert _verify(res.out)[0] == 0
    size = bulk.stat().st_size
    with open(bulk, "r+b") as f:
        f.truncate(1000)
    code, got = _verify(res.out)
    assert code == 1
    assert got["listed"] == [
        f"bulk.ndjson: holds 1,000 bytes, but run {res.manifest['run_id']} left it at"
        f" {size:,} (sink 'bulk'): cut short after the run"
    ]
    bulk.unlink()
    code, got = _verify(res.out)
    assert code == 1
    assert got["listed"] == [
        f"run {res.manifest['run_id']}: its file bulk.ndjson (sink 'bulk') is missing"
    ]


def test_a_source_gives_a_date_hint_the_metadata_stage_checks(ingest, tmp_path, monkeypatch):
    """A feed source had no documented way to pass an item's pubDate: ``doc.published`` set
    by it skipped the metadata stage's checks (a date after the capture kept), and the way
    that works was the jsonl source's ``annotations["source"]["given"]`` internals (s29
    acc-sinksrc M2). ``Document.create(given=...)`` is the public way."""
    from corearchive import Document, Source

    from helpers import ARTICLE

    class Feed(Source):
        name = "feedlike"
        suffixes = (".feed",)

        def sniff(self, head: bytes, item: Any) -> float:
            return 1.0 if item.name.endswith(".feed") else 0.0

        def read(self, item: Any) -> Any:
            for n, day in enumerate(("2026-11-01T07:30:00Z", "2026-11-30T07:30:00Z")):
                page = f"<html><body><article><p>Item {n}. {ARTICLE}</p></article></body></html>"
                yield Document.create(
                    raw=page.encode(), text=page, uri=f"https://example.org/{n}",
                    path=item.path, format=self.name, locator=f"item {n}", is_html=True,
                    fetched_at="2026-11-14T00:00:00Z",
                    given={"date": day, "title": f"Item {n}", "authors": ["A. Writer"]},
                )  # fmt: skip

    (tmp_path / "a.feed").write_text("x")
    with extra_plugins(monkeypatch, ("feedlike", _Plugin(sources=(Feed,)))):
        res = ingest(str(tmp_path / "a.feed"), "--disable", "dedup")
    assert res.exit_code == 0, res.output
    early, late = res.records
    assert early["published"] == "2026-11-01T07:30:00Z"
    assert early["title"] == "Item 0" and early["authors"] == ["A. Writer"]
    assert early["annotations"]["metadata"]["sources"]["published"] == "input"
    assert late["published"] != "2026-11-30T07:30:00Z"
    [hint] = [d for d in late["annotations"]["metadata"]["dates"] if d["where"] == "input"]
    assert "after the capture" in hint["rejected"]
    with pytest.raises(TypeError, match="unknown field 'pubdate'"):
        Document.create(raw=b"x", text="x", uri="u", path=None, format="x", given={"pubdate": 1})


def _docs_example(marker: str) -> Any:
    """The python block of docs/plugins.md that defines ``marker``, as a module."""
    import re
    import sys
    import types
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "plugins.md").read_text("utf-8")
    [code] = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if marker in b]
    module = types.ModuleType(f"docs_example_{marker.lower()}")
    sys.modules[module.__name__] = module
    exec(compile(code, f"docs/plugins.md ({marker})", "exec"), module.__dict__)
    return module


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<lastBuildDate>Sat, 14 Nov 2026 09:00:00 +0000</lastBuildDate>
{items}</channel></rss>"""
ITEM = """<item><title>Story {n}</title><link>https://example.org/{n}</link>
<pubDate>{day} Nov 2026 07:30:00 +0000</pubDate><description>{body}</description></item>
"""


def test_the_source_and_sink_examples_of_the_docs_run(
    tmp_path, monkeypatch, ingest, run_source, run_sink, corearchive_pm
):
    """docs/plugins.md had a stage example only (s29 acc-sinksrc M5): its source and sink
    examples run as written, alone (run_source, run_sink: L3) and in a run, with a takedown
    (H1), and corearchive_pm is collected (L2)."""
    from html import escape

    from helpers import ARTICLE

    src = _docs_example("RssSource")
    snk = _docs_example("TitlesSink")
    items = "".join(
        ITEM.format(n=n, day=day, body=escape(f"<p>Story {n}. {ARTICLE}</p>"))
        for n, day in ((0, "01"), (1, "30"), (2, "02"))
    )
    feed = tmp_path / "news.rss"
    feed.write_text(RSS.format(items=items + "<item><title>empty</title></item>"))
    got = run_source(src.RssSource, feed)
    assert got.score == 0.95 and got.error is None
    assert [d.source.locator for d in got.documents] == ["item 0", "item 1", "item 2"]
    assert [f.where for f in got.failures] == ["item 3"]
    assert got.positions == [{"n": 0}, {"n": 1}, {"n": 2}, {"n": 3}]
    assert [
        d.source.locator for d in run_source(src.RssSource, feed, resume={"n": 1}).documents
    ] == ["item 2"]
    wrote = run_sink(snk.TitlesSink, got.documents, file="t.tsv")
    assert wrote.outputs == ["t.tsv"] and wrote.appended["t.tsv"]["offset"] == 0
    assert len((wrote.out / "t.tsv").read_text().splitlines()) == 3
    assert any(i.stages for i in corearchive_pm.infos.values())

    plugins = (("rss", src), ("titles", snk))
    with extra_plugins(monkeypatch, *plugins):
        res = ingest(
            str(feed), "--set", 'output.sinks=["warc", "records", "titles"]',
            "--disable", "dedup",
        )  # fmt: skip
        assert res.exit_code == 1, res.output  # (the empty item)
        early, late, _ = res.records
        assert early["published"] == "2026-11-01T07:30:00Z" and early["title"] == "Story 0"
        assert late["published"] != "2026-11-30T07:30:00Z"  # (after the capture)
        assert len((res.out / "titles.tsv").read_text().splitlines()) == 3
        r = CliRunner().invoke(cli, ["remove", str(res.out), early["id"], "--reason", "test"])
        assert r.exit_code == 0 and "sink 'titles': removed" in r.output, r.output
    assert early["id"] not in (res.out / "titles.tsv").read_text()
    assert _verify(res.out)[0] == 0


def test_a_run_says_which_source_and_sink_of_earlier_runs_are_not_installed(
    tmp_path, monkeypatch, ingest
):
    """The docs' RSS source uninstalled: the next run read the feed with the builtin HTML
    source, archiving it whole beside its items, without a word (s38 acc-plugin F10); a
    sink's files likewise stopped getting documents. Each is said, with the run that used
    it; with both installed, nothing is."""
    from html import escape

    from helpers import ARTICLE

    src, snk = _docs_example("RssSource"), _docs_example("TitlesSink")
    feed = tmp_path / "news.rss"
    body = escape(f"<p>{ARTICLE}</p>")
    feed.write_text(RSS.format(items=ITEM.format(n=0, day="01", body=body)))
    sinks = ("--set", 'output.sinks=["warc", "records", "titles"]')
    with extra_plugins(monkeypatch, ("rss", src), ("titles", snk)):
        first = ingest(str(feed), *sinks)
        assert first.exit_code == 0 and first.records[0]["source"]["format"] == "rss"
        again = ingest(str(feed), *sinks)
        assert "not installed" not in again.output, again.output
    monkeypatch.undo()  # (neither installed any more)
    later = ingest(str(feed))
    import re

    runs = {first.manifest["run_id"], again.manifest["run_id"]}
    for what in ("source 'rss'", "sink 'titles'"):
        said = re.search(rf"warning: {what}, which run (\S+) used, is not installed", later.output)
        assert said and said[1] in runs, later.output
    assert "the inputs it read are read by the installed sources now" in later.output


def test_corearchive_pm_is_collected_once_whatever_collects_it_again(corearchive_pm):
    """The fixture's infos were empty until ``collect(pm)`` (s29 acc-sinksrc L2); collected
    by the fixture, a test that collects again (as the report's author did) must not see
    each stage twice."""
    from corearchive.manager import collect

    assert corearchive_pm.infos["dedup"].stages == ["dedup"]
    collect(corearchive_pm)
    assert corearchive_pm.infos["dedup"].stages == ["dedup"]
    assert corearchive_pm.infos["sinks"].sinks == ["warc", "records"]
