"""What a run records of itself (s27 provenance auditor): the code that made its output, the
libraries under it, and that ``verify`` holds each manifest to the WARC files it wrote."""

from __future__ import annotations

import importlib.metadata as md
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from corearchive import runner
from corearchive.runner import code_digest, files_digest


@pytest.fixture
def crawl(seeds: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    shutil.copytree(seeds, folder)
    return folder


def _warcinfo(out: Path) -> dict[str, str]:
    with open(sorted((out / "warc").glob("*.warc.gz"))[0], "rb") as f:
        info = next(iter(ArchiveIterator(f)))
        block = info.content_stream().read().decode()
    return dict(line.split(": ", 1) for line in block.splitlines())


def test_provenance_names_the_code_and_the_libraries_under_the_direct_ones(ingest, seeds):
    # Every build said "corearchive/0.1.0" and listed only direct dependencies: a build a day
    # older recorded the same provenance and dated 10 of 268 documents otherwise.
    from lxml import etree

    res = ingest(str(seeds))
    assert res.exit_code == 0, res.output
    prov = res.manifest["provenance"]
    assert prov["code_digest"] == code_digest() and prov["code_digest"].startswith("sha256:")
    libraries = prov["libraries"]
    for name in ("dateparser", "justext", "courlan", "python-dateutil", "regex", "trafilatura"):
        assert libraries[name] == md.version(name), name
    assert libraries["libxml2"] == ".".join(map(str, etree.LIBXML_VERSION))
    assert libraries["libxslt"] == ".".join(map(str, etree.LIBXSLT_VERSION))
    fields = _warcinfo(res.out)
    assert fields["code-digest"] == prov["code_digest"]
    assert json.loads(fields["libraries"]) == libraries


def test_the_code_digest_follows_every_code_and_model_file(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "a.py").write_text("x = 1\n")
    (pkg / "sub" / "model.json").write_text('{"w": [0.5]}')
    (pkg / "sub" / "cache.bin").write_bytes(b"\x00\x01")
    first = files_digest([("pkg", pkg)])
    assert first == files_digest([("pkg", pkg)])
    # (what is no code: byte code, an editor's backup)
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "a.cpython-312.pyc").write_bytes(b"junk")
    (pkg / "a.py~").write_text("old")
    assert files_digest([("pkg", pkg)]) == first
    (pkg / "sub" / "model.json").write_text('{"w": [0.6]}')
    changed = files_digest([("pkg", pkg)])
    assert changed != first
    (pkg / "sub" / "model.json").rename(pkg / "model.json")
    assert files_digest([("pkg", pkg)]) != changed
    assert files_digest([("other", pkg)]) != files_digest([("pkg", pkg)])


def test_other_code_reads_unchanged_inputs_again(ingest, crawl, monkeypatch):
    # (every build is "0.1.0": the version alone kept inputs that other code decides
    # otherwise of from being read again)
    assert ingest(str(crawl)).manifest["counts"]["kept"] == 5
    assert ingest(str(crawl)).manifest["counts"]["unchanged_inputs"] == 5
    monkeypatch.setattr(runner, "code_digest", lambda: "sha256:" + "0" * 64)
    again = ingest(str(crawl))
    assert again.manifest["counts"]["unchanged_inputs"] == 0
    assert again.manifest["counts"]["documents"] == 5


def _verify(out: Path) -> list[str]:
    from corearchive.verify import verify

    got = verify(out, max_listed=None)
    return [t for t, k in zip(got.listed, got.listed_kinds, strict=True) if k == "run"]


def _edit(path: Path, change: Any) -> None:
    m = json.loads(path.read_text("utf-8"))
    change(m)
    path.write_text(json.dumps(m, indent=2), "utf-8")


def _set_threshold(m: dict[str, Any], digest: bool) -> None:
    m["config"]["resolved"]["stages"]["boilerplate"]["threshold"] = 0.8
    if digest:
        from corearchive.config import config_digest

        m["config"]["digest"] = config_digest(m["config"]["resolved"])


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        # (the provenance auditor's edits m1, m2, m3, m5, m6: each was "intact")
        (lambda m: m["provenance"].update(operator="Bcc Tester"), "provenance.operator"),
        (lambda m: _set_threshold(m, False), "is not the digest of its config.resolved"),
        (lambda m: _set_threshold(m, True), "config.digest"),
        (lambda m: m.update(started_at="2099-01-01T00:00:00Z"), "before the run started"),
        (lambda m: m.update(finished_at="2000-01-01T00:00:00Z"), "after the run finished"),
        (lambda m: m["provenance"]["libraries"].update(trafilatura="1.0.0"), "trafilatura"),
        (lambda m: m["provenance"].update(host="other"), "provenance.host"),
        (lambda m: m["provenance"].update(code_digest="sha256:0"), "provenance.code_digest"),
    ],
)
def test_verify_holds_each_manifest_to_its_warcinfo_and_its_config(
    ingest, seeds, edit, said, tmp_path
):
    res = ingest(str(seeds))
    assert res.exit_code == 0, res.output
    assert _verify(res.out) == []
    run_id = res.manifest["run_id"]
    for name in (f"runs/{run_id}.json", "run.json"):
        copy = tmp_path / name.replace("/", "-")
        shutil.copytree(res.out, copy)
        _edit(copy / name, edit)
        got = _verify(copy)
        assert got and all(said in t for t in got), got
        assert all(t.startswith(f"{name} (run {run_id}): ") for t in got), got


def test_config_takes_a_run_manifest_and_the_manifest_says_how_the_run_was_asked(
    ingest, seeds, tmp_path
):
    first = ingest(str(seeds), "--set", "boilerplate.threshold=0.7", "--disable", "dedup")
    assert first.exit_code == 0, first.output
    m = first.manifest
    # (it said "defaults": as if given nothing)
    assert m["config"]["origin"] == "defaults + --set boilerplate.threshold=0.7 + --disable dedup"
    assert m["config"]["sets"] == ["boilerplate.threshold=0.7"]
    assert m["config"]["disable"] == ["dedup"]
    assert m["command"]["plan"] == "stream" and m["command"]["workers"] == 1
    assert m["command"]["argv"] and m["command"]["cwd"]
    for manifest in (first.out / "runs" / f"{m['run_id']}.json", first.out / "run.json"):
        again = ingest(str(seeds), "--config", str(manifest), out=tmp_path / manifest.stem)
        assert again.exit_code == 0, again.output
        assert again.manifest["config"]["digest"] == m["config"]["digest"]
        assert again.manifest["config"]["resolved"] == m["config"]["resolved"]
        assert again.manifest["config"]["origin"] == str(manifest)
        assert [r["text"] for r in again.records] == [r["text"] for r in first.records]
    bad = tmp_path / "bad.json"
    bad.write_text('{"run_id": "x"}')
    refused = ingest(str(seeds), "--config", str(bad), out=tmp_path / "bad")
    assert refused.exit_code == 2 and "no config.resolved" in refused.output


def _rewrite_record(warc: Path, record_id: str) -> None:
    """One letter of the block of the record ``record_id`` changed, its digests recomputed
    (the provenance auditor's tamper.py): every record digest passes."""
    import base64
    import gzip
    import hashlib
    import zlib

    data, pos, out = warc.read_bytes(), 0, []
    while pos < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        dec = d.decompress(data[pos:])
        used = len(data) - pos - len(d.unused_data)
        chunk = data[pos : pos + used]
        head, _, rest = dec.partition(b"\r\n\r\n")
        if f"WARC-Record-ID: {record_id}".encode() in head:
            size = int(
                next(h for h in head.split(b"\r\n") if h.startswith(b"Content-Length:"))[15:]
            )
            block, trailer = bytearray(rest[:size]), rest[size:]
            i = next(i for i in range(size - 1, -1, -1) if chr(block[i]).isalpha())
            block[i] = ord("X") if block[i] != ord("X") else ord("Y")
            digest = "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()
            lines = [
                f"{h.split(b':')[0].decode()}: {digest}".encode()
                if h.startswith((b"WARC-Block-Digest:", b"WARC-Payload-Digest:"))
                else h
                for h in head.split(b"\r\n")
            ]
            chunk = gzip.compress(b"\r\n".join(lines) + b"\r\n\r\n" + bytes(block) + trailer)
        out.append(chunk)
        pos += used
    warc.write_bytes(b"".join(out))


def test_verify_advice_names_what_is_inconsistent(ingest, seeds, tmp_path):
    from corearchive.verify import verify

    res = ingest(str(seeds))
    assert res.exit_code == 0, res.output
    last = res.records[-1]
    # a conversion record rewritten, digests recomputed: the line and the metadata record
    # agree (2 of 3 copies), and the advice was "restore records.jsonl"
    conv = tmp_path / "conv"
    shutil.copytree(res.out, conv)
    _rewrite_record(conv / last["archive"]["warc"], last["archive"]["conversion_record_id"])
    got = verify(conv)
    assert got.kinds == {"warc": 2}, got.listed
    assert (
        "its conversion record" in got.listed[0]
        and "differs from the text of the line" in (got.listed[0])
    )
    assert len(got.repairs) == 1 and got.repairs[0].startswith("restore the WARC files")
    assert "the file changed after the run" in got.listed[1]
    # only the manifest's digest of a WARC file edited: the file is byte-identical, and the
    # advice was "restore the WARC files"
    digest = tmp_path / "digest"
    shutil.copytree(res.out, digest)
    for name in (f"runs/{res.manifest['run_id']}.json", "run.json"):
        _edit(
            digest / name,
            lambda m: m["digests"].update({k: "sha256:" + "0" * 64 for k in m["digests"]}),
        )
    got = verify(digest)
    assert got.kinds == {"warc": 1}, got.listed
    assert "or that digest in the manifest did" in got.listed[0]
    assert len(got.repairs) == 1 and "restore the manifest" in got.repairs[0]


def test_schema_config_checks_the_config_it_is_given(tmp_path):
    from click.testing import CliRunner

    from corearchive.cli import cli

    # (-c was ignored: a missing file, or a JSON one, gave rc 0)
    missing = CliRunner().invoke(cli, ["schema", "config", "-c", str(tmp_path / "none.toml")])
    assert missing.exit_code == 2 and "config file not found" in missing.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[stages.boilerplate]\nnot_an_option = 1\n")
    got = CliRunner().invoke(cli, ["schema", "config", "-c", str(bad)])
    assert got.exit_code == 2 and "not_an_option" in got.output
    good = tmp_path / "good.toml"
    good.write_text("[stages.boilerplate]\nthreshold = 0.4\n")
    got = CliRunner().invoke(cli, ["schema", "config", "-c", str(good)])
    assert got.exit_code == 0 and json.loads(got.output)["properties"]
    assert CliRunner().invoke(cli, ["schema", "config"]).exit_code == 0


def test_conversion_and_metadata_records_of_a_copied_capture_are_dated_when_made(ingest, tmp_path):
    import time

    from helpers import one_page_warc

    page = b"<html><head><title>Budget</title></head><body>" + b"<p>The council met. " * 40
    page += b"</p></body></html>"
    crawl = one_page_warc(
        tmp_path / "crawl.warc.gz",
        "https://news.example.com/budget",
        page,
        "2024-06-03T10:00:05Z",
        "text/html",
    )
    before = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    res = ingest(str(crawl))
    after = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    assert res.exit_code == 0 and len(res.records) == 1, res.output
    with open(sorted((res.out / "warc").glob("*.warc.gz"))[0], "rb") as f:
        dates = {r.rec_type: r.rec_headers.get_header("WARC-Date") for r in ArchiveIterator(f)}
    # the capture keeps its date; what this run made is dated when made (it was 2024's)
    assert dates["response"] == "2024-06-03T10:00:05Z"
    for kind in ("conversion", "metadata"):
        assert before <= dates[kind] <= after, dates
    assert _verify(res.out) == []


def test_each_record_names_the_run_that_archived_it(ingest, seeds, tmp_path):
    # (no record said which run made it: record -> WARC file -> warcinfo -> manifest)
    first = ingest(str(seeds))
    assert first.exit_code == 0, first.output
    run_id = first.manifest["run_id"]
    assert [r["archive"]["run_id"] for r in first.records] == [run_id] * 5
    assert (first.out / "runs" / f"{run_id}.json").is_file()
    # in archive, which differs between runs of the same inputs anyway: the rest is the same
    two = ingest(str(seeds), "--workers", "2", out=tmp_path / "two")
    assert two.manifest["run_id"] != run_id
    assert {r["archive"]["run_id"] for r in two.records} == {two.manifest["run_id"]}

    def rest(res: Any) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "archive"} for r in res.records]

    assert rest(first) == rest(two)
    assert _verify(first.out) == []


def _everything(out: Path) -> bytes:
    """Every file of ``out``, gzip files decompressed (all their members) too."""
    import gzip

    blobs = []
    for p in sorted(out.rglob("*")):
        if p.is_file():
            blobs.append(p.name.encode())
            data = p.read_bytes()
            blobs.append(data)
            if data[:2] == b"\x1f\x8b":
                blobs.append(gzip.decompress(data))
    return b"\n".join(blobs)


@pytest.mark.parametrize("minimal", [False, True])
def test_minimal_provenance_records_nothing_about_the_operator(
    ingest, tmp_path, monkeypatch, minimal
):
    """The archive kept the operator's user and host name (every warcinfo record, every WARC
    file's name), the working folder and install paths, for ever (s29 data-protection
    officer LOW-1): with --set output.provenance=minimal none of them is anywhere in OUT,
    and verify says intact; without it, the run records them as before, with the same
    config digest."""
    from click.testing import CliRunner

    from corearchive.cli import cli

    work = tmp_path / "cwdzqxfolder"
    work.mkdir()
    (work / "a.jsonl").write_text(
        "".join(
            json.dumps({"url": f"https://ex.org/{i}", "text": f"Story {i}. " + "word " * 80}) + "\n"
            for i in range(3)
        ),
        "utf-8",
    )
    monkeypatch.chdir(work)
    monkeypatch.setenv("COREARCHIVE_OPERATOR", "userzqxname")
    monkeypatch.setattr("socket.gethostname", lambda: "hostzqxname")
    out = tmp_path / "out"
    extra = ["--set", "output.provenance=minimal"] if minimal else []
    monkeypatch.setattr(
        "sys.argv", ["/opt/installzqx/bin/corearchive", "ingest", "a.jsonl", "-o", str(out), *extra]
    )
    result = ingest("a.jsonl", *extra, out=out)
    assert result.exit_code == 0, result.output
    seen = _everything(out)
    for private in (b"userzqxname", b"hostzqxname", b"cwdzqxfolder", b"installzqx"):
        assert (private in seen) is not minimal, private
    if not minimal:
        assert any("hostzqxname" in p.name for p in (out / "warc").iterdir())
    r = CliRunner().invoke(cli, ["verify", str(out)])
    assert r.exit_code == 0, r.output
    m = json.loads((out / "run.json").read_text("utf-8"))
    assert m["config"]["resolved"]["output"] == (
        {"sinks": ["warc", "records"], "provenance": "minimal"}
        if minimal
        else {"sinks": ["warc", "records"]}
    )
    # (without the option the resolved configuration, hence its digest, is what it was)


def test_libraries_read_each_package_metadata_once(monkeypatch):
    # Start-up cost: md.version and md.requires each found a package on the path and parsed
    # its metadata file again (two reads a package, ~25 ms of every process's start-up).
    from corearchive.runner import libraries

    reads: list[str] = []
    metadata = md.Distribution.metadata

    def counted(dist: md.Distribution) -> Any:
        meta = metadata.fget(dist)  # type: ignore[attr-defined]
        reads.append(meta["Name"])
        return meta

    monkeypatch.setattr(md.Distribution, "metadata", property(counted))
    found = libraries.__wrapped__()
    n_reads = len(reads)
    packages = [k for k in found if k not in ("libxml2", "libxslt")]
    assert packages and all(found[k] == md.version(k) for k in packages)
    # (corearchive's own requirements, then each package's version and requirements at once)
    assert n_reads - len(packages) == 1, sorted(reads[:n_reads])
