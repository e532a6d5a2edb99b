"""The ``records`` and ``warc`` sinks: OUT/records.jsonl and OUT/warc/*.warc.gz.

Checked end to end through ``corearchive ingest`` (the ``ingest`` fixture): WARC/1.1 with one
gzip member per record, a warcinfo record first in every file, SHA-1 Base32 block and payload
digests, resource/conversion/metadata records per document, copies of original WARC records,
revisits for exact duplicates, rotation, ``warcio check`` / ``warcio extract``, records that
point at their raw record, accumulation across runs, and runs that fail leaving nothing.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corearchive.catalog import Catalog
from corearchive.sink import SinkContext
from corearchive.testing import make_document
from corearchive_plugins.dedup import DedupStage
from corearchive_plugins.sinks import (
    DATE_BASIS_HEADER,
    GIVEN_DATE_HEADER,
    GIVEN_ID_HEADER,
    REVISIT_PROFILE,
    RecordsSink,
    WarcOptions,
    WarcSink,
)

WARCIO = [sys.executable, "-c", "import sys; from warcio.cli import main; main(sys.argv[1:])"]
NAME_RE = re.compile(r"^corearchive-(\d{14})-(\d{5})-([^-/]+)\.warc\.gz$")
B32_SHA1 = re.compile(r"^sha1:[A-Z2-7]{32}$")

HTML = (
    b'<!doctype html><html><head><meta charset="utf-8"><title>Council approves budget</title>'
    b"</head><body><nav>Home | News | Sport</nav><article><h1>Council approves budget</h1>"
    + b"".join(
        b"<p>Paragraph %d: the city council approved the budget for next year after a long "
        b"debate about schools, roads and the new library in the old town centre.</p>" % i
        for i in range(10)
    )
    + b"</article><footer>Copyright 2024</footer></body></html>"
)
PLAIN = (
    "Notes from the harbour. The ferry to the island now leaves every two hours, and the "
    "harbour master expects more traffic in summer when the tourists arrive in large numbers. "
) * 6


@pytest.fixture(autouse=True)
def _no_stray_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs never pick up a corearchive.toml from wherever pytest was started."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)


# -- helpers ---------------------------------------------------------------------------------
@dataclass
class Rec:
    """One record of a WARC file, read from its own gzip member."""

    file: Path
    offset: int
    headers: list[tuple[str, str]]
    block: bytes

    def get(self, name: str) -> str | None:
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def count(self, name: str) -> int:
        return sum(1 for k, _ in self.headers if k.lower() == name.lower())

    @property
    def type(self) -> str | None:
        return self.get("WARC-Type")

    @property
    def id(self) -> str | None:
        return self.get("WARC-Record-ID")

    @property
    def payload(self) -> bytes:
        """The block minus an HTTP header block, if the record has one."""
        if (self.get("Content-Type") or "").startswith("application/http"):
            return self.block.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in self.block else b""
        return self.block


def read_members(path: Path) -> list[tuple[int, bytes]]:
    """Every gzip member of ``path``: (offset, decompressed bytes)."""
    data = path.read_bytes()
    members = []
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(wbits=31)
        out = d.decompress(data[pos:])
        assert d.eof, f"{path.name}: truncated gzip member at {pos}"
        members.append((pos, out))
        pos = len(data) - len(d.unused_data)
    return members


def read_warc(path: Path) -> list[Rec]:
    """Parse a WARC file by hand, checking one record per gzip member and the framing."""
    recs = []
    for offset, raw in read_members(path):
        head, sep, rest = raw.partition(b"\r\n\r\n")
        assert sep, f"{path.name}@{offset}: no end of headers"
        lines = head.decode("utf-8").split("\r\n")
        assert lines[0] == "WARC/1.1", f"{path.name}@{offset}: {lines[0]!r}"
        headers = []
        for line in lines[1:]:
            k, _, v = line.partition(":")
            headers.append((k.strip(), v.strip()))
        rec = Rec(path, offset, headers, b"")
        length = int(rec.get("Content-Length") or -1)
        assert len(rest) == length + 4, (
            f"{path.name}@{offset}: one record per member, Content-Length {length}, "
            f"{len(rest)} bytes follow the headers"
        )
        assert rest[length:] == b"\r\n\r\n"
        rec.block = rest[:length]
        recs.append(rec)
    return recs


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_files(out: Path) -> list[Path]:
    return sorted((out / "warc").glob("*.warc.gz")) if (out / "warc").exists() else []


def all_records(out: Path) -> list[Rec]:
    return [r for f in warc_files(out) for r in read_warc(f)]


def warcio(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*WARCIO, *args], capture_output=True, text=True, timeout=60, check=False)


def assert_warcio_check(out: Path) -> None:
    files = warc_files(out)
    assert files
    res = warcio("check", "-v", *map(str, files))
    assert res.returncode == 0, res.stdout + res.stderr
    # Per-record lines are indented (file names are not, and may contain anything).
    problems = [
        line for line in res.stdout.splitlines() if line.startswith(" ") and "fail" in line.lower()
    ]
    assert problems == [], res.stdout
    assert res.stdout.count("digest pass") >= sum(
        1 for f in files for r in read_warc(f) if r.type != "revisit"
    )


def assert_well_formed(out: Path) -> dict[str, Rec]:
    """Checks every WARC file under OUT; returns the records by id."""
    by_id: dict[str, Rec] = {}
    for f in warc_files(out):
        assert NAME_RE.match(f.name), f.name
        recs = read_warc(f)
        assert recs[0].type == "warcinfo", f"{f.name} does not start with warcinfo"
        assert [r.type for r in recs].count("warcinfo") == 1
        assert recs[0].get("WARC-Filename") == f.name
        info_id = recs[0].id
        for r in recs:
            assert r.id and re.match(r"^<urn:uuid:[0-9a-f-]{36}>$", r.id), r.id
            assert r.id not in by_id, f"record id {r.id} used twice"
            by_id[r.id] = r
            assert r.get("WARC-Date")
            assert r.count("Content-Length") == 1 and r.count("WARC-Record-ID") == 1
            assert r.get("WARC-Block-Digest") == sha1_b32(r.block), (f.name, r.offset)
            if r.type == "warcinfo":
                continue
            assert r.get("WARC-Warcinfo-ID") == info_id, (f.name, r.offset, r.type)
            assert r.count("WARC-Warcinfo-ID") == 1
            assert r.get("WARC-Target-URI")
            digest = r.get("WARC-Payload-Digest")
            assert digest and B32_SHA1.match(digest), digest
            if r.type != "revisit":
                assert digest == sha1_b32(r.payload), (f.name, r.offset, r.type)
    return by_id


def assert_documents_archived(
    out: Path, records: list[dict[str, Any]], by_id: dict[str, Rec]
) -> None:
    """Each record points at its raw record; conversion and metadata refer to it."""
    lines = (out / "records.jsonl").read_bytes().splitlines()
    line_of = {json.loads(line)["id"]: line for line in lines}
    for rec in records:
        arch = rec["archive"]
        assert not Path(arch["warc"]).is_absolute()
        path = out / arch["warc"]
        assert path.is_file()
        raw = by_id[arch["raw_record_id"]]
        assert raw.file == path and raw.offset == arch["offset"]
        assert raw.type in ("resource", "response", "revisit")
        assert raw.get("WARC-Target-URI") == rec["source"]["uri"]
        conv = by_id[arch["conversion_record_id"]]
        assert conv.type == "conversion" and conv.file == path
        assert conv.get("WARC-Refers-To") == arch["raw_record_id"]
        assert conv.get("WARC-Target-URI") == rec["source"]["uri"]  # (a conversion of it)
        assert conv.get("Content-Type") == "text/plain; charset=utf-8"
        assert conv.block == rec["text"].encode("utf-8")
        metas = [
            r
            for r in by_id.values()
            if r.type == "metadata" and r.get("WARC-Refers-To") == arch["raw_record_id"]
        ]
        assert len(metas) == 1
        assert metas[0].get("Content-Type") == "application/json"
        # (not the page's own address: replay tools served the JSON as the page)
        uri = "urn:corearchive:record:" + rec["source"]["uri"]
        assert metas[0].get("WARC-Target-URI") == uri
        assert metas[0].block == line_of[rec["id"]]  # byte for byte the records.jsonl line
        assert json.loads(metas[0].block) == rec


def seed_dir(seeds: Path, dest: Path, names: list[str] | None = None) -> Path:
    dest.mkdir(parents=True)
    for p in sorted(seeds.iterdir()):
        if names is None or p.name in names:
            shutil.copy(p, dest / p.name)
    return dest


def _plain_record(w: WARCWriter, uri: str, rtype: str, date: str, **headers: str) -> Any:
    """A record of type ``rtype`` holding PLAIN as text/plain."""
    text = PLAIN.encode("utf-8")
    return w.create_warc_record(
        uri,
        rtype,
        payload=io.BytesIO(text),
        length=len(text),
        warc_content_type="text/plain",
        warc_headers_dict={"WARC-Date": date, **headers},
    )


def make_warc(path: Path) -> tuple[str, str]:
    """A WARC with an HTML response (real HTTP header block) and a text/plain resource."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True, warc_version="WARC/1.1")
        http = StatusAndHeaders(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(HTML))),
                ("Server", "nginx"),
                ("Set-Cookie", "a=1"),
                ("Set-Cookie", "b=2"),
            ],
            protocol="HTTP/1.1",
        )
        resp = w.create_warc_record(
            "https://news.example.com/2024/budget",
            "response",
            payload=io.BytesIO(HTML),
            length=len(HTML),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-03-05T10:20:30Z", "WARC-IP-Address": "192.0.2.7"},
        )
        w.write_record(resp)
        res = _plain_record(
            w, "https://news.example.com/notes.txt", "resource", "2024-03-05T10:21:00Z"
        )
        w.write_record(res)
    return (
        resp.rec_headers.get_header("WARC-Record-ID"),
        res.rec_headers.get_header("WARC-Record-ID"),
    )


def original_records(path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    with open(path, "rb") as f:
        for r in ArchiveIterator(f):
            out[r.rec_headers.get_header("WARC-Record-ID")] = {
                "type": r.rec_type,
                "uri": r.rec_headers.get_header("WARC-Target-URI"),
                "date": r.rec_headers.get_header("WARC-Date"),
                "ip": r.rec_headers.get_header("WARC-IP-Address"),
                "http": r.http_headers.headers if r.http_headers else None,
                "status": r.http_headers.get_statuscode() if r.http_headers else None,
                "payload": r.content_stream().read(),
            }
    return out


def leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def assert_nothing_final(out: Path) -> None:
    assert warc_files(out) == []
    assert not (out / "records.jsonl").exists()
    assert not (out / "run.json").exists()
    assert leftovers(out) == []


# -- seeds: layout, digests, records ---------------------------------------------------------
def test_seeds_archive_layout(ingest, seeds):
    res = ingest(str(seeds))
    assert res.exit_code == 0, res.output
    assert len(res.records) == 5
    files = warc_files(res.out)
    assert len(files) == 1
    assert leftovers(res.out) == []
    assert res.manifest is not None
    assert res.manifest["outputs"]["warc"] == [f"warc/{files[0].name}"]
    assert res.manifest["outputs"]["records"] == ["records.jsonl"]

    by_id = assert_well_formed(res.out)
    assert_documents_archived(res.out, res.records, by_id)
    recs = read_warc(files[0])
    # warcinfo, then resource / conversion / metadata per document, in that order.
    assert [r.type for r in recs] == ["warcinfo"] + ["resource", "conversion", "metadata"] * 5
    for rec in res.records:
        raw = by_id[rec["archive"]["raw_record_id"]]
        assert raw.type == "resource"
        # (the encoding the source told: without it a UTF-8 file replayed as Latin-1)
        assert raw.get("Content-Type") == "text/plain; charset=utf-8"
        assert raw.block == Path(rec["source"]["path"]).read_bytes()
        assert raw.get("WARC-Payload-Digest") == raw.get("WARC-Block-Digest")
        assert "sha1:" + base64.b32encode(
            bytes.fromhex(hashlib.sha1(raw.block).hexdigest())
        ).decode() == raw.get("WARC-Payload-Digest")
        assert rec["archive"]["warc"] == f"warc/{files[0].name}"
    assert_warcio_check(res.out)


def test_warcinfo_provenance(ingest, seeds):
    res = ingest(str(seeds))
    assert res.exit_code == 0, res.output
    info = read_warc(warc_files(res.out)[0])[0]
    assert info.get("Content-Type") == "application/warc-fields"
    fields = dict(line.split(": ", 1) for line in info.block.decode().splitlines())
    prov = res.manifest["provenance"]
    assert fields["software"] == prov["software"]
    assert fields["software"].startswith("corearchive/")
    assert fields["config-digest"] == res.manifest["config"]["digest"]
    assert fields["isPartOf"] == res.manifest["run_id"]
    assert fields["format"] == "WARC File Format 1.1"
    plugins = json.loads(fields["plugins"])
    assert plugins["sinks"]["distribution"] == "corearchive"
    assert plugins["sinks"]["version"]
    assert plugins == prov["plugins"]
    libraries = json.loads(fields["libraries"])
    assert libraries == prov["libraries"] and libraries["trafilatura"]
    assert json.loads(fields["pipeline"]) == res.manifest["pipeline"]


def test_warcio_extract_at_record_offsets(ingest, seeds):
    res = ingest(str(seeds))
    assert res.exit_code == 0, res.output
    for rec in res.records:
        arch = rec["archive"]
        # Seeking to the offset yields this document's raw record first.
        with open(res.out / arch["warc"], "rb") as f:
            f.seek(arch["offset"])
            first = next(iter(ArchiveIterator(f)))
            assert first.rec_headers.get_header("WARC-Record-ID") == arch["raw_record_id"]
            assert first.rec_type == "resource"
            assert first.content_stream().read() == Path(rec["source"]["path"]).read_bytes()
    # And the command line tool, for two of them.
    for rec in res.records[:2]:
        arch = rec["archive"]
        ext = subprocess.run(
            [*WARCIO, "extract", str(res.out / arch["warc"]), str(arch["offset"])],
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert ext.returncode == 0, ext.stderr
        assert ext.stdout.startswith(b"WARC/1.1\r\n")
        assert f"WARC-Record-ID: {arch['raw_record_id']}".encode() in ext.stdout
        assert b"WARC-Type: resource" in ext.stdout
        assert ext.stdout.endswith(Path(rec["source"]["path"]).read_bytes())


def test_formats_archived_as_resources(ingest, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.html").write_bytes(HTML)
    (src / "notes.txt").write_text(PLAIN, "utf-8")
    line = json.dumps({"url": "https://example.org/a", "text": PLAIN.replace("harbour", "port")})
    (src / "items.jsonl").write_text(line + "\n", "utf-8")
    res = ingest(str(src))
    assert res.exit_code == 0, res.output
    assert len(res.records) == 3
    by_id = assert_well_formed(res.out)
    assert_documents_archived(res.out, res.records, by_id)
    want = {
        "html": ("text/html; charset=utf-8", HTML),
        "text": ("text/plain; charset=utf-8", PLAIN.encode()),
        "jsonl": ("application/json", line.encode()),
    }
    for rec in res.records:
        raw = by_id[rec["archive"]["raw_record_id"]]
        ctype, body = want[rec["source"]["format"]]
        assert raw.type == "resource"
        assert raw.get("Content-Type") == ctype
        assert raw.block == body
    assert_warcio_check(res.out)


def test_a_text_files_raw_record_says_its_encoding(ingest, tmp_path):
    text = PLAIN.replace("the", "thé") + " El niño, el año, à la française: “quoted” – €"
    (tmp_path / "w.txt").write_bytes(text.encode("cp1252"))
    res = ingest(str(tmp_path / "w.txt"))
    assert res.exit_code == 0, res.output
    by_id = assert_well_formed(res.out)
    [rec] = res.records
    raw = by_id[rec["archive"]["raw_record_id"]]
    assert raw.get("Content-Type") == "text/plain; charset=windows-1252"
    assert raw.block.decode("windows-1252") == text


# -- rotation ------------------------------------------------------------------------------
def test_rotation_small_max_bytes(ingest, seeds):
    res = ingest(str(seeds), "--set", "sinks.warc.max_bytes=2000")
    assert res.exit_code == 0, res.output
    files = warc_files(res.out)
    assert len(files) >= 3
    serials = [int(NAME_RE.match(f.name).group(2)) for f in files]
    assert len(set(serials)) == len(files)
    by_id = assert_well_formed(res.out)  # each file starts with its own warcinfo
    infos = {read_warc(f)[0].id for f in files}
    assert len(infos) == len(files)
    assert_documents_archived(res.out, res.records, by_id)
    assert sorted(res.manifest["outputs"]["warc"]) == sorted(f"warc/{f.name}" for f in files)
    # A document's records never straddle two files, and no file is only a warcinfo.
    for f in files:
        types = [r.type for r in read_warc(f)]
        assert len(types) > 1
        assert types.count("resource") == types.count("conversion") == types.count("metadata")
    assert_warcio_check(res.out)


def test_rotation_max_bytes_below_warcinfo_size(ingest, seeds):
    """Even when a warcinfo record alone reaches max_bytes, each file holds a document."""
    res = ingest(str(seeds), "--set", "sinks.warc.max_bytes=1")
    assert res.exit_code == 0, res.output
    assert len(res.records) == 5
    files = warc_files(res.out)
    assert len(files) == 5
    by_id = assert_well_formed(res.out)
    assert_documents_archived(res.out, res.records, by_id)
    assert {r["archive"]["warc"] for r in res.records} == {f"warc/{f.name}" for f in files}


def test_rotation_default_keeps_one_file(ingest, seeds):
    res = ingest(str(seeds), "--set", "sinks.warc.max_bytes=1000000")
    assert res.exit_code == 0, res.output
    assert len(warc_files(res.out)) == 1


# -- records.jsonl across runs -------------------------------------------------------------
def test_records_accumulate_and_rerun_adds_nothing(ingest, seeds, tmp_path):
    names = sorted(p.name for p in seeds.iterdir())
    a = seed_dir(seeds, tmp_path / "a", names[:3])
    b = seed_dir(seeds, tmp_path / "b", names[3:])
    out = tmp_path / "out"

    r1 = ingest(str(a), out=out)
    assert r1.exit_code == 0, r1.output
    first = (out / "records.jsonl").read_bytes()
    assert len(r1.records) == 3

    r2 = ingest(str(b), out=out)
    assert r2.exit_code == 0, r2.output
    after = (out / "records.jsonl").read_bytes()
    assert after.startswith(first)
    assert len(r2.records) == 5
    assert len({r["id"] for r in r2.records}) == 5
    assert len(warc_files(out)) == 2
    by_id = assert_well_formed(out)
    assert_documents_archived(out, r2.records, by_id)

    warcs = {f.name: f.read_bytes() for f in warc_files(out)}
    r3 = ingest(str(a), str(b), out=out)
    assert r3.exit_code == 0, r3.output
    assert (out / "records.jsonl").read_bytes() == after
    assert {f.name: f.read_bytes() for f in warc_files(out)} == warcs
    assert r3.manifest["outputs"]["warc"] == []
    run3 = [e for e in r3.rejects if e["run_id"] == r3.manifest["run_id"]]
    assert len(run3) == 5
    assert {(e["stage"], e["reason"]) for e in run3} == {("archive", "already_archived")}
    assert r3.manifest["counts"]["kept"] == 0
    assert leftovers(out) == []
    assert_warcio_check(out)


# -- exact duplicates: revisits ------------------------------------------------------------
def _revisits(out: Path) -> list[Rec]:
    return [r for r in all_records(out) if r.type == "revisit"]


def test_duplicate_in_same_run_is_a_revisit(ingest, seeds, tmp_path):
    src = seed_dir(seeds, tmp_path / "in")
    orig = sorted(src.iterdir())[0]
    shutil.copy(orig, src / "zz_copy.txt")
    res = ingest(str(src))
    assert res.exit_code == 0, res.output
    assert len(res.records) == 5
    drops = [e for e in res.rejects if e["kind"] == "dropped"]
    assert [(d["stage"], d["reason"]) for d in drops] == [("dedup", "exact_duplicate")]

    by_id = assert_well_formed(res.out)
    assert_documents_archived(res.out, res.records, by_id)
    original = next(r for r in res.records if r["source"]["path"].endswith(orig.name))
    raw = by_id[original["archive"]["raw_record_id"]]
    [rv] = _revisits(res.out)
    assert rv.get("WARC-Profile") == REVISIT_PROFILE
    assert rv.get("WARC-Refers-To") == raw.id
    assert rv.get("WARC-Refers-To-Target-URI") == raw.get("WARC-Target-URI")
    assert rv.get("WARC-Refers-To-Date") == raw.get("WARC-Date")
    assert rv.get("WARC-Payload-Digest") == raw.get("WARC-Payload-Digest")
    assert rv.get("WARC-Target-URI") == drops[0]["source"]["uri"]
    assert rv.block == b""
    # No HTTP headers: the empty block claims no application/http media type.
    assert not (rv.get("Content-Type") or "").startswith("application/http")
    assert rv.id not in {r["archive"]["raw_record_id"] for r in res.records}
    assert_warcio_check(res.out)


def test_duplicate_in_later_run_from_other_path(ingest, seeds, tmp_path):
    out = tmp_path / "out"
    r1 = ingest(str(seeds), out=out)
    assert r1.exit_code == 0, r1.output
    orig = sorted(seeds.iterdir())[2]
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(orig, other / "renamed.txt")
    first_files = warc_files(out)

    r2 = ingest(str(other / "renamed.txt"), out=out)
    assert r2.exit_code == 0, r2.output
    assert len(r2.records) == 5
    new_files = [f for f in warc_files(out) if f not in first_files]
    assert len(new_files) == 1
    assert r2.manifest["outputs"]["warc"] == [f"warc/{new_files[0].name}"]
    recs = read_warc(new_files[0])
    assert [r.type for r in recs] == ["warcinfo", "revisit"]
    by_id = assert_well_formed(out)
    original = next(r for r in r1.records if r["source"]["path"].endswith(orig.name))
    raw = by_id[original["archive"]["raw_record_id"]]
    rv = recs[1]
    assert raw.file in first_files
    assert rv.get("WARC-Refers-To") == raw.id
    assert rv.get("WARC-Refers-To-Date") == raw.get("WARC-Date")
    assert (
        rv.get("WARC-Payload-Digest")
        == raw.get("WARC-Payload-Digest")
        == sha1_b32(orig.read_bytes())
    )
    assert rv.get("WARC-Warcinfo-ID") == recs[0].id

    # Rerun: the duplicate is archived already, so nothing new, not even a revisit.
    r3 = ingest(str(other / "renamed.txt"), out=out)
    assert r3.exit_code == 0, r3.output
    assert len(warc_files(out)) == len(first_files) + 1
    assert r3.manifest["outputs"]["warc"] == []
    assert len(_revisits(out)) == 1
    assert_well_formed(out)  # record ids still unique
    assert_warcio_check(out)


def test_kept_exact_duplicate_gets_its_own_revisit(ingest, seeds, tmp_path):
    src = seed_dir(seeds, tmp_path / "in", [sorted(p.name for p in seeds.iterdir())[0]])
    orig = next(src.iterdir())
    shutil.copy(orig, src / "zz_copy.txt")
    res = ingest(str(src), "--set", 'dedup.policy="keep"')
    assert res.exit_code == 0, res.output
    assert len(res.records) == 2
    first, dup = sorted(res.records, key=lambda r: r["source"]["path"])
    assert dup["duplicate"]["status"] == "exact"
    by_id = assert_well_formed(res.out)
    assert_documents_archived(res.out, res.records, by_id)
    raw = by_id[first["archive"]["raw_record_id"]]
    rv = by_id[dup["archive"]["raw_record_id"]]
    assert raw.type == "resource"
    assert rv.type == "revisit"
    assert rv.id != raw.id
    assert rv.get("WARC-Refers-To") == raw.id
    assert_warcio_check(res.out)


def test_dropped_duplicate_waits_for_its_original(ingest, seeds, tmp_path, monkeypatch):
    """With a batching stage after dedup, the original is written after the copy is dropped."""
    from corearchive_plugins.language import LanguageStage

    monkeypatch.setattr(LanguageStage, "batch_size", 16)
    cfg = tmp_path / "c.toml"
    cfg.write_text('[pipeline]\nstages = ["boilerplate", "metadata", "dedup", "language"]\n')
    src = seed_dir(seeds, tmp_path / "in")
    shutil.copy(sorted(src.iterdir())[0], src / "zz_copy.txt")
    res = ingest(str(src), "-c", str(cfg))
    assert res.exit_code == 0, res.output
    assert len(res.records) == 5
    by_id = assert_well_formed(res.out)
    [rv] = _revisits(res.out)
    assert by_id[rv.get("WARC-Refers-To")].type == "resource"
    assert_warcio_check(res.out)


# -- WARC input ------------------------------------------------------------------------------
def test_warc_input_copies_original_records(ingest, tmp_path):
    src = tmp_path / "crawl.warc.gz"
    resp_id, res_id = make_warc(src)
    orig = original_records(src)
    res = ingest(str(src))
    assert res.exit_code == 0, res.output
    assert len(res.records) == 2
    by_id = assert_well_formed(res.out)
    assert_documents_archived(res.out, res.records, by_id)
    assert {r["archive"]["raw_record_id"] for r in res.records} == {resp_id, res_id}
    for rec in res.records:
        assert rec["source"]["warc_record_id"] == rec["archive"]["raw_record_id"]

    copied = original_records(warc_files(res.out)[0])
    for rid in (resp_id, res_id):
        want, got = orig[rid], copied[rid]
        assert got["type"] == want["type"]
        assert got["uri"] == want["uri"]
        assert got["date"] == want["date"]
        assert got["payload"] == want["payload"]
    assert copied[resp_id]["ip"] == "192.0.2.7"
    assert copied[resp_id]["status"] == "200"
    assert copied[resp_id]["http"] == orig[resp_id]["http"]  # repeated Set-Cookie kept
    resp = by_id[resp_id]
    assert resp.get("Content-Type") == "application/http; msgtype=response"
    assert resp.payload == HTML
    assert resp.block.startswith(b"HTTP/1.1 200 OK\r\n")
    assert by_id[res_id].get("Content-Type") == "text/plain"
    assert by_id[res_id].block == PLAIN.encode()
    assert_warcio_check(res.out)

    # warcio extract at the record's offset gives the original response record.
    rec = next(r for r in res.records if r["archive"]["raw_record_id"] == resp_id)
    ext = subprocess.run(
        [*WARCIO, "extract", str(res.out / rec["archive"]["warc"]), str(rec["archive"]["offset"])],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert ext.returncode == 0, ext.stderr
    assert f"WARC-Record-ID: {resp_id}".encode() in ext.stdout
    assert b"WARC-Type: response" in ext.stdout
    assert b"HTTP/1.1 200 OK" in ext.stdout and ext.stdout.endswith(HTML)


def test_wet_conversion_records_are_read_and_copied(ingest, tmp_path):
    # Common Crawl's WET files: a warcinfo record, then the pages' text as conversion
    # records that refer to the crawl's response records
    src = tmp_path / "CC-MAIN-x.warc.wet.gz"
    text = PLAIN.encode("utf-8")
    with open(src, "wb") as f:
        w = WARCWriter(f, gzip=True, warc_version="WARC/1.0")
        w.write_record(w.create_warcinfo_record("CC-MAIN-x.warc.wet.gz", {"software": "cc"}))
        conv = _plain_record(
            w,
            "https://news.example.com/2024/notes",
            "conversion",
            "2024-03-05T10:21:00Z",
            **{
                "WARC-Refers-To": "<urn:uuid:6d058c4c-6e5c-4e3f-9e39-4b8f5c6a0f01>",
                "WARC-Identified-Content-Language": "eng",
            },
        )
        w.write_record(conv)
    conv_id = conv.rec_headers.get_header("WARC-Record-ID")
    res = ingest(str(src))
    assert res.exit_code == 0, res.output
    [rec] = res.records
    assert rec["source"]["uri"] == "https://news.example.com/2024/notes"
    assert rec["source"]["format"] == "warc" and rec["source"]["warc_record_id"] == conv_id
    assert rec["source"]["fetched_at"].startswith("2024-03-05T10:21:00")
    assert rec["text"].split("\n")[0] in PLAIN
    by_id = assert_well_formed(res.out)
    # the original conversion record is copied, its reference kept
    copied = by_id[conv_id]
    assert copied.get("WARC-Type") == "conversion" and copied.block == text
    assert copied.get("WARC-Refers-To") == "<urn:uuid:6d058c4c-6e5c-4e3f-9e39-4b8f5c6a0f01>"
    assert_warcio_check(res.out)


def test_warc_input_recrawled_is_a_revisit_and_its_copy_none(ingest, tmp_path):
    """The same pages captured again (other records, the same payloads) are revisits of
    the first captures; a copy of the first WARC under another name holds the very records
    archived already: no capture to record (s27 reprocessing tester: a revisit of the same
    record id and date for each, a capture that never was)."""
    src = tmp_path / "crawl.warc.gz"
    resp_id, res_id = make_warc(src)
    out = tmp_path / "out"
    r1 = ingest(str(src), out=out)
    assert r1.exit_code == 0, r1.output
    copy = tmp_path / "again.warc.gz"
    shutil.copy(src, copy)
    before = len(all_records(out))
    r2 = ingest(str(copy), out=out)
    assert r2.exit_code == 0, r2.output
    # (the same records: already archived, not duplicates of themselves; s37 acc-crawl F16)
    assert sorted(r["reason"] for r in r2.rejects) == ["already_archived"] * 2
    assert len(all_records(out)) == before and not _revisits(out)
    recrawl = tmp_path / "recrawl.warc.gz"
    make_warc(recrawl)  # (new record ids)
    r3 = ingest(str(recrawl), out=out)
    assert r3.exit_code == 0, r3.output
    assert len(r3.records) == 2
    by_id = assert_well_formed(out)
    revisits = {r.get("WARC-Refers-To"): r for r in _revisits(out)}
    assert set(revisits) == {resp_id, res_id}
    rv = revisits[resp_id]
    assert rv.get("WARC-Refers-To-Date") == "2024-03-05T10:20:30Z"
    assert rv.get("WARC-Refers-To-Target-URI") == "https://news.example.com/2024/budget"
    assert rv.get("WARC-Payload-Digest") == by_id[resp_id].get("WARC-Payload-Digest")
    assert rv.get("Content-Type") == "application/http; msgtype=response"
    assert rv.block.startswith(b"HTTP/1.1 200 OK\r\n") and rv.block.endswith(b"\r\n\r\n")
    assert revisits[res_id].get("WARC-Refers-To-Date") == "2024-03-05T10:21:00Z"
    assert_warcio_check(out)


def _dedup_crawl(path: Path, page: bytes) -> tuple[str, str]:
    """A dedup'd crawl as Browsertrix, warcprox and Heritrix write it: a page captured, then
    fetched again a week later (an identical-payload revisit as warcio writes it, with the
    original's address and date but not its id), then answered "not modified" (a revisit
    naming the original's record id), and a revisit of a page captured by an earlier crawl
    (its original in no file here). Returns the original's record id and its payload
    digest."""
    uri = "https://news.example/2024/04/bridge"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        rec = w.create_warc_record(
            uri, "response", payload=io.BytesIO(page), length=len(page), http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-04-01T08:00:00Z"},
        )  # fmt: skip
        w.write_record(rec)
        original = rec.rec_headers.get_header("WARC-Record-ID")
        digest = rec.rec_headers.get_header("WARC-Payload-Digest")
        again = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(
            w.create_revisit_record(
                uri, digest, uri, "2024-04-01T08:00:00Z", http_headers=again,
                warc_headers_dict={"WARC-Date": "2024-04-08T08:00:00Z"},
            )
        )  # fmt: skip
        same = StatusAndHeaders("304 Not Modified", [], protocol="HTTP/1.1")
        w.write_record(
            w.create_revisit_record(
                uri, digest, uri, "2024-04-01T08:00:00Z", http_headers=same,
                warc_headers_dict={
                    "WARC-Date": "2024-04-15T08:00:00Z",
                    "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/server-not-modified",
                    "WARC-Refers-To": original,
                },
            )
        )  # fmt: skip
        w.write_record(
            w.create_revisit_record(
                "https://news.example/2023/old", "sha1:MFCHTFUHBLHCEFFJYRUZ22T25CT7IJGG",
                "https://news.example/2023/old", "2023-12-01T00:00:00Z", http_headers=again,
                warc_headers_dict={"WARC-Date": "2024-04-02T08:00:00Z"},
            )
        )  # fmt: skip
    return original, digest


@pytest.mark.parametrize(
    "how",
    [
        ["--workers", "1"],
        # (tasks of a record or two: the revisits' originals are another task's)
        ["--plan", "staged", "--workers", "2", "--task-mb", "0.001"],
    ],
)
def test_a_crawls_revisit_records_are_archived_and_named(ingest, tmp_path, how):
    """A crawl's revisit records (s37 acc-crawl F6) were skipped and counted: the re-fetch
    was in no output and not in history, and a revisit whose original is in an earlier
    crawl lost its address. Each is now a drop entry, stage input, reason revisit, naming
    it and the capture it refers to; those whose original the archive holds are copied into
    it, referring to the original's copy (its id, address and date, as WARC 1.1 and warcio
    write them); the others are not (no reader could resolve them)."""
    from click.testing import CliRunner

    from corearchive.cli import cli

    from helpers import word_paragraphs

    body = "".join(f"<p>{p}</p>" for p in word_paragraphs(6, 5))
    page = f"<html><head><title>Bridge</title></head><body><article>{body}</article></body></html>"
    crawl = tmp_path / "crawl.warc.gz"
    original, digest = _dedup_crawl(crawl, page.encode())
    out = tmp_path / "out"
    res = ingest(str(crawl), *how, out=out)
    assert res.exit_code == 0, res.output
    assert [r["archive"]["raw_record_id"] for r in res.records] == [original]
    entries = [(r["stage"], r["reason"], r["source"]["uri"], r["source"]["fetched_at"],
                r["detail"].get("refers_to_uri"), r["detail"].get("refers_to_date"))
               for r in res.rejects]  # fmt: skip
    uri = "https://news.example/2024/04/bridge"
    assert sorted(entries) == [
        ("input", "revisit", "https://news.example/2023/old", "2024-04-02T08:00:00Z",
         "https://news.example/2023/old", "2023-12-01T00:00:00Z"),
        ("input", "revisit", uri, "2024-04-08T08:00:00Z", uri, "2024-04-01T08:00:00Z"),
        ("input", "revisit", uri, "2024-04-15T08:00:00Z", uri, "2024-04-01T08:00:00Z"),
    ]  # fmt: skip
    counts = res.manifest["counts"]
    assert counts["documents"] == 4 and counts["dropped_by_stage"] == {"input": {"revisit": 3}}
    by_id = assert_well_formed(out)
    revisits = sorted(_revisits(out), key=lambda r: r.get("WARC-Date"))
    dates = ["2024-04-08T08:00:00Z", "2024-04-15T08:00:00Z"]
    assert [r.get("WARC-Date") for r in revisits] == dates
    for rv in revisits:
        assert rv.get("WARC-Refers-To") == original and by_id[original].type == "response"
        assert rv.get("WARC-Refers-To-Target-URI") == uri
        assert rv.get("WARC-Refers-To-Date") == "2024-04-01T08:00:00Z"
    assert revisits[0].get("WARC-Payload-Digest") == digest
    # (the crawl's profile: warcio writes WARC 1.0's, which WARC 1.1 readers take too)
    assert revisits[0].get("WARC-Profile").endswith("/revisit/identical-payload-digest")
    assert revisits[1].get("WARC-Profile").endswith("/server-not-modified")
    assert revisits[1].block.startswith(b"HTTP/1.1 304 Not Modified\r\n")
    assert_warcio_check(out)
    assert CliRunner().invoke(cli, ["verify", str(out)]).exit_code == 0
    hist = json.loads(CliRunner().invoke(cli, ["history", uri, str(out), "--json"]).output)
    first = res.records[0]["id"]
    assert [(c["fetched_at"], c["status"], c["of"]) for c in hist["captures"]] == [
        ("2024-04-01T08:00:00Z", "unique", None),
        ("2024-04-08T08:00:00Z", "revisit", first),
        ("2024-04-15T08:00:00Z", "revisit", first),
    ]
    old = CliRunner().invoke(cli, ["history", "https://news.example/2023/old", str(out)]).output
    assert "1 capture(s)" in old and "revisit (its original is not in the archive)" in old
    # read again: nothing new in the archive
    again = ingest(str(crawl), "--rescan", *how, out=out)
    assert again.exit_code == 0, again.output
    assert len(_revisits(out)) == 2 and len(all_records(out)) == len(by_id)
    # the index made anew from the archive knows the revisits' records
    assert CliRunner().invoke(cli, ["index", "rebuild", str(out)]).exit_code == 0
    assert CliRunner().invoke(cli, ["verify", str(out)]).exit_code == 0
    assert ingest(str(crawl), "--rescan", *how, out=out).exit_code == 0
    assert len(_revisits(out)) == 2
    # the crawl file copied under another name: its revisits were archived again, and
    # history listed each re-fetch twice (s39 acc-regress R5)
    copy = tmp_path / "copy-of-crawl.warc.gz"
    copy.write_bytes(crawl.read_bytes())
    assert ingest(str(copy), *how, out=out).exit_code == 0
    assert len(_revisits(out)) == 2
    hist = json.loads(CliRunner().invoke(cli, ["history", uri, str(out), "--json"]).output)
    assert [c["status"] for c in hist["captures"]].count("revisit") == 2
    # ... and its response too, a capture of its own "already archived" (s40 acc-read F21)
    assert [(c["fetched_at"], c["status"]) for c in hist["captures"]] == [
        ("2024-04-01T08:00:00Z", "unique"),
        ("2024-04-08T08:00:00Z", "revisit"),
        ("2024-04-15T08:00:00Z", "revisit"),
    ]


def test_a_segmented_capture_is_archived_whole(ingest, tmp_path):
    """The archive held segment 1 of a segmented capture alone (half an HTTP message, its
    segments never following) and the continuation's bytes in no output (s37 acc-crawl F5):
    its copy is now the capture as one response record, whole."""
    from click.testing import CliRunner

    from corearchive.cli import cli

    from helpers import word_paragraphs

    paragraphs = word_paragraphs(8, 7)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><head><title>Bridge</title></head><body><article>{body}</article></body></html>"
    data, half = page.encode(), len(page) // 2
    crawl = tmp_path / "seg.warc.gz"
    with open(crawl, "wb") as f:
        w = WARCWriter(f, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        first = w.create_warc_record(
            "https://news.example/seg", "response", payload=io.BytesIO(data[:half]),
            length=half, http_headers=http, warc_headers_dict={"WARC-Segment-Number": "1"},
        )  # fmt: skip
        w.write_record(first)
        origin = first.rec_headers.get_header("WARC-Record-ID")
        w.write_record(
            w.create_warc_record(
                "https://news.example/seg", "continuation", payload=io.BytesIO(data[half:]),
                length=len(data) - half,
                warc_headers_dict={"WARC-Segment-Number": "2", "WARC-Segment-Origin-ID": origin,
                                   "WARC-Segment-Total-Length": str(len(data))},
            )
        )  # fmt: skip
    res = ingest(str(crawl))
    assert res.exit_code == 0, res.output
    [record] = res.records
    assert paragraphs[-1] in record["text"]  # (in the continuation)
    assert "truncated" not in record["annotations"]["source"]
    by_id = assert_well_formed(res.out)
    copy = by_id[origin]
    assert copy.type == "response" and copy.payload == data
    assert copy.get("WARC-Segment-Number") is None and copy.get("WARC-Truncated") is None
    assert [r.type for r in all_records(res.out)].count("continuation") == 0
    assert_warcio_check(res.out)
    assert CliRunner().invoke(cli, ["verify", str(res.out)]).exit_code == 0


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_earlier_crawl_is_the_original_whatever_the_files_are_named(ingest, tmp_path, workers):
    """Two crawls of a page in files whose names sort the later first (crawls named by job
    or collection): the capture of 2023 is the original, the one of 2024 its revisit (s37
    acc-crawl F12: the 2023 capture was a revisit referring to a capture made a year after
    it)."""
    from helpers import one_page_warc, word_paragraphs

    uri = "https://news.example/2023/09/bridge"
    body = "".join(f"<p>{p}</p>" for p in word_paragraphs(6, 3))
    page = f"<html><head><title>Bridge</title></head><body><article>{body}</article></body></html>"
    crawls = tmp_path / "crawls"
    crawls.mkdir()
    jobs = {"a-job.warc.gz": "2024-09-01T00:00:00Z", "b-job.warc.gz": "2023-09-01T00:00:00Z"}
    for name, date in jobs.items():
        one_page_warc(crawls / name, uri, page.encode(), date, "text/html")
    res = ingest(str(crawls), "--workers", workers)
    assert res.exit_code == 0, res.output
    assert [r["source"]["fetched_at"] for r in res.records] == ["2023-09-01T00:00:00Z"]
    assert [(r["reason"], r["source"]["path"].rsplit("/", 1)[-1]) for r in res.rejects] == [
        ("exact_duplicate", "a-job.warc.gz")
    ]
    (revisit,) = _revisits(res.out)
    assert revisit.get("WARC-Date") == "2024-09-01T00:00:00Z"
    assert revisit.get("WARC-Refers-To-Date") == "2023-09-01T00:00:00Z"
    assert_warcio_check(res.out)


@pytest.mark.parametrize("how", [["--set", 'dedup.policy="keep"'], ["--disable", "dedup"]])
def test_warc_input_twice_never_reuses_record_ids(ingest, tmp_path, how):
    src = tmp_path / "crawl.warc.gz"
    resp_id, _ = make_warc(src)
    shutil.copy(src, tmp_path / "again.warc.gz")
    res = ingest(str(src), str(tmp_path / "again.warc.gz"), *how)
    assert res.exit_code == 0, res.output
    assert len(res.records) == 4
    by_id = assert_well_formed(res.out)  # every record id once
    assert_documents_archived(res.out, res.records, by_id)
    raw_ids = [r["archive"]["raw_record_id"] for r in res.records]
    assert len(set(raw_ids)) == 4
    assert resp_id in raw_ids
    for rec in res.records:
        raw = by_id[rec["archive"]["raw_record_id"]]
        if raw.type == "revisit":
            assert raw.get("WARC-Refers-To") != raw.id
            assert by_id[raw.get("WARC-Refers-To")].type in ("response", "resource")
    assert_warcio_check(res.out)


# -- failed and interrupted runs -------------------------------------------------------------
def _interrupt_on(n: int, fn: Any) -> Any:
    calls = {"n": 0}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == n:
            raise KeyboardInterrupt
        return fn(*args, **kwargs)

    return wrapper


def test_interrupt_in_warc_sink_leaves_nothing(ingest, seeds, monkeypatch):
    monkeypatch.setattr(WarcSink, "write", _interrupt_on(3, WarcSink.write))
    res = ingest(str(seeds))
    assert res.exit_code == 130
    assert_nothing_final(res.out)
    assert not (res.out / "rejects.jsonl").exists()
    monkeypatch.undo()
    again = ingest(str(seeds))  # nothing was committed: everything is archived now
    assert again.exit_code == 0, again.output
    assert len(again.records) == 5


def test_interrupt_in_stage_leaves_nothing(ingest, seeds, monkeypatch):
    # One document per batch, so that the interrupt comes after three are indexed.
    monkeypatch.setattr(DedupStage, "batch_size", 1)
    monkeypatch.setattr(DedupStage, "process_batch", _interrupt_on(4, DedupStage.process_batch))
    res = ingest(str(seeds), "--set", "sinks.warc.max_bytes=2000")
    assert res.exit_code == 130
    assert_nothing_final(res.out)


def test_interrupt_in_records_sink_keeps_earlier_runs(ingest, seeds, tmp_path, monkeypatch):
    names = sorted(p.name for p in seeds.iterdir())
    out = tmp_path / "out"
    r1 = ingest(str(seed_dir(seeds, tmp_path / "a", names[:2])), out=out)
    assert r1.exit_code == 0, r1.output
    before = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.suffix in (".gz", ".jsonl", ".json")
    }
    monkeypatch.setattr(RecordsSink, "write", _interrupt_on(2, RecordsSink.write))
    r2 = ingest(str(seed_dir(seeds, tmp_path / "b", names[2:])), out=out)
    assert r2.exit_code == 130
    after = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.suffix in (".gz", ".jsonl", ".json")
    }
    assert after == before
    assert leftovers(out) == []


def test_failure_after_sinks_committed_is_undone(ingest, seeds, tmp_path, monkeypatch):
    """The catalog commit fails after the sinks renamed their files: they are taken back."""
    names = sorted(p.name for p in seeds.iterdir())
    out = tmp_path / "out"
    monkeypatch.setattr(Catalog, "commit", _interrupt_on(1, Catalog.commit))
    r0 = ingest(str(seed_dir(seeds, tmp_path / "a", names[:2])), out=out)
    assert r0.exit_code == 130
    assert warc_files(out) == [] and not (out / "records.jsonl").exists()
    assert leftovers(out) == []
    monkeypatch.undo()

    r1 = ingest(str(tmp_path / "a"), out=out)
    assert r1.exit_code == 0, r1.output
    records = (out / "records.jsonl").read_bytes()
    files = warc_files(out)
    monkeypatch.setattr(Catalog, "commit", _interrupt_on(1, Catalog.commit))
    r2 = ingest(str(seed_dir(seeds, tmp_path / "b", names[2:])), out=out)
    assert r2.exit_code == 130
    assert (out / "records.jsonl").read_bytes() == records
    assert warc_files(out) == files
    assert leftovers(out) == []


def test_document_failing_in_warc_sink_leaves_no_partial_records(ingest, seeds, monkeypatch):
    from corearchive_plugins import sinks

    real = sinks._fast_record
    calls = {"n": 0}

    def flaky(rtype: str, *args: Any) -> bytes:
        if rtype == "metadata":
            calls["n"] += 1
            if calls["n"] == 2:
                raise ValueError("disk on fire")
        return real(rtype, *args)

    # the factory of the records every document gets
    monkeypatch.setattr(sinks, "_fast_record", flaky)
    res = ingest(str(seeds))
    assert res.exit_code == 1
    assert len(res.records) == 4
    errors = [e for e in res.rejects if e["kind"] == "error"]
    assert len(errors) == 1 and errors[0]["stage"] == "sink"
    assert "disk on fire" in errors[0]["error"]
    by_id = assert_well_formed(res.out)
    assert_documents_archived(res.out, res.records, by_id)
    # Only the four kept documents are in the archive: no orphan raw or conversion record.
    assert len(by_id) == 1 + 3 * 4
    assert_warcio_check(res.out)


def test_no_warc_file_when_no_document_is_written(ingest, seeds, monkeypatch):
    from corearchive.schema import RecordValidator

    monkeypatch.setattr(RecordValidator, "errors", lambda self, record: ["nope: invalid"])
    res = ingest(str(seeds))
    assert res.exit_code == 1
    assert res.records == []
    assert warc_files(res.out) == []
    assert res.manifest["outputs"]["warc"] == []
    assert leftovers(res.out) == []


def test_records_sink_alone(ingest, seeds):
    res = ingest(str(seeds), "--set", 'output.sinks=["records"]')
    assert res.exit_code == 0, res.output
    assert len(res.records) == 5
    assert all(r["archive"] is None for r in res.records)
    assert warc_files(res.out) == []
    lines = (res.out / "records.jsonl").read_bytes().splitlines()
    assert [json.loads(line) for line in lines] == res.records


def test_document_failing_in_records_sink_leaves_no_warc_records(ingest, seeds, monkeypatch):
    real = RecordsSink.write
    calls = {"n": 0}

    def flaky(self: RecordsSink, document: Any, record: dict[str, Any]) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("no space left on device")
        real(self, document, record)

    monkeypatch.setattr(RecordsSink, "write", flaky)
    res = ingest(str(seeds))
    assert res.exit_code == 1
    assert len(res.records) == 4
    by_id = assert_well_formed(res.out)
    assert len(by_id) == 1 + 3 * 4


# -- the sink API directly -------------------------------------------------------------------
def _context(out: Path, catalog: Catalog, run_id: str = "r1") -> SinkContext:
    return SinkContext(
        run_id=run_id,
        out=out,
        catalog=catalog,
        provenance={
            "software": "corearchive/test",
            "run_id": run_id,
            "config_digest": "abc",
            "plugins": {},
            "pipeline": [],
        },
    )


def test_sinks_discard_takes_back_a_written_document(tmp_path):
    out = tmp_path / "out"
    catalog = Catalog(tmp_path / "index.sqlite")
    ctx = _context(out, catalog)
    warc, records = WarcSink(WarcOptions(), ctx), RecordsSink(None, ctx)
    docs = [
        make_document(f"Document number {i}. " + PLAIN, path=str(tmp_path / f"d{i}.txt"))
        for i in range(3)
    ]
    warc.open()
    records.open()
    for i, doc in enumerate(docs):
        warc.prepare(doc)
        assert doc.archive is not None
        record = {"id": doc.id, "archive": doc.archive.to_json()}
        warc.write(doc, record)
        records.write(doc, record)
        if i == 1:  # say a third sink failed on it: both take it back
            records.discard(doc)
            warc.discard(doc)
            warc.discard(doc)  # twice is harmless
        else:
            catalog.add(
                doc.id,
                run_id="r1",
                sha256=doc.source.sha256,
                uri=doc.source.uri,
                warc=doc.archive.warc,
                warc_offset=doc.archive.offset,
                raw_record_id=doc.archive.raw_record_id,
            )
    # Discarding an older document, after another was written, changes nothing.
    warc.discard(docs[0])
    records.discard(docs[0])
    warc.commit()
    records.commit()
    rows = catalog.execute("SELECT doc_id FROM warc_records").fetchall()
    catalog.commit()

    assert sorted(r[0] for r in rows) == sorted([docs[0].id, docs[2].id])
    lines = [json.loads(line) for line in (out / "records.jsonl").read_text().splitlines()]
    assert [r["id"] for r in lines] == [docs[0].id, docs[2].id]
    recs = all_records(out)
    assert [r.type for r in recs] == ["warcinfo"] + ["resource", "conversion", "metadata"] * 2
    by_id = assert_well_formed(out)
    for line in lines:
        raw = by_id[line["archive"]["raw_record_id"]]
        assert raw.offset == line["archive"]["offset"]
    assert warc.outputs() == [f"warc/{warc_files(out)[0].name}"]
    assert_warcio_check(out)


def test_warc_sink_abort_removes_temporaries(tmp_path):
    out = tmp_path / "out"
    catalog = Catalog(tmp_path / "index.sqlite")
    ctx = _context(out, catalog)
    warc, records = WarcSink(WarcOptions(max_bytes=1), ctx), RecordsSink(None, ctx)
    warc.open()
    records.open()
    for i in range(3):
        doc = make_document(f"Text {i}. " + PLAIN, path=str(tmp_path / f"d{i}.txt"))
        warc.prepare(doc)
        warc.write(doc, {"id": doc.id})
        records.write(doc, {"id": doc.id})
    assert len(leftovers(out)) == 4  # three WARC files (max_bytes=1) and records.jsonl
    warc.abort()
    records.abort()
    catalog.rollback()
    assert leftovers(out) == []
    assert warc_files(out) == [] and not (out / "records.jsonl").exists()


def test_record_ids_are_name_based_uuids():
    """The WARC record ids are uuid5 of the archive's namespace and a name, however built."""
    import random
    import uuid

    from corearchive_plugins.sinks import uuid5_str

    rng = random.Random(3)
    for _ in range(500):
        ns = uuid.UUID(int=rng.getrandbits(128))
        name = "".join(rng.choice("abc/é漢\x00 ") for _ in range(rng.randint(0, 30)))
        assert uuid5_str(ns.bytes, name) == str(uuid.uuid5(ns, name))


def test_sha1_b32_is_base64s_base32() -> None:
    """The records' SHA-1 digests are base64.b32encode's, whatever the bytes."""
    import random

    from corearchive_plugins.sinks import _sha1_b32

    rng = random.Random(5)
    for data in [
        b"",
        b"\x00" * 7,
        b"\xff" * 64,
        *(rng.randbytes(rng.randint(0, 99)) for _ in range(2000)),
    ]:
        assert _sha1_b32(data) == sha1_b32(data)


@pytest.mark.parametrize(
    "uri",
    ["https://example.org/a?b=1", "https://ü.example/ä", "", "https://x/a\r\nWARC-Type: evil\n"],
)
def test_fast_record_is_a_warc_record_warcio_reads(uri: str) -> None:
    from corearchive_plugins.sinks import _fast_record, _sha1_b32

    payload = "Ünïcode text\r\nwith lines\n".encode()
    headers = {
        "WARC-Refers-To": "<urn:uuid:1>",
        "WARC-Warcinfo-ID": "<urn:uuid:2>",
        "WARC-Date": "2024-05-01T10:00:00Z",
    }
    raw = _fast_record("conversion", "<urn:uuid:3>", uri, "text/plain", payload, headers)
    records = []
    for rec in ArchiveIterator(io.BytesIO(raw), check_digests="raise"):
        records.append((rec, rec.content_stream().read()))
    ((rec, content),) = records
    h = rec.rec_headers
    assert h.protocol == "WARC/1.1"
    assert rec.rec_type == "conversion"
    assert h.get_header("WARC-Record-ID") == "<urn:uuid:3>"
    assert h.get_header("WARC-Date") == "2024-05-01T10:00:00Z"
    assert h.get_header("WARC-Refers-To") == "<urn:uuid:1>"
    assert h.get_header("WARC-Warcinfo-ID") == "<urn:uuid:2>"
    assert h.get_header("Content-Type") == "text/plain"
    assert h.get_header("WARC-Block-Digest") == h.get_header("WARC-Payload-Digest")
    assert h.get_header("WARC-Block-Digest") == _sha1_b32(payload)
    # The URI stays one header line: CR dropped, LF a space, stripped.
    want = uri.replace("\r", "").replace("\n", " ").strip()
    assert f"\r\nWARC-Target-URI: {want}\r\n".encode() in raw
    assert [k for k, _ in h.headers].count("WARC-Type") == 1
    assert content == payload
    assert raw.endswith(payload + b"\r\n\r\n")


def test_record_line_is_encoded_once_per_record_object() -> None:
    from corearchive_plugins.sinks import record_line

    rec = {"id": "a", "text": "Grüße"}
    line = record_line(rec)
    assert json.loads(line) == rec and line.endswith(b"\n")
    assert record_line(rec) is line  # the second sink gets the same bytes
    other = {"id": "b", "text": "x"}
    assert json.loads(record_line(other)) == other
    assert json.loads(record_line(dict(rec))) == rec


def test_a_copied_capture_keeps_its_crawls_warcinfo(ingest, tmp_path):
    """A copy of a crawl's record named this run's warcinfo (operator, host, the archiving
    day): read as WARC, the 2024 capture was made by whoever ran the archive (s27
    provenance auditor F3). It keeps the crawl's WARC-Warcinfo-ID; the conversion and
    metadata records, which this run made, name its own."""
    src = tmp_path / "crawl.warc.gz"
    with open(src, "wb") as f:
        w = WARCWriter(f, gzip=True, warc_version="WARC/1.1")
        info = w.create_warcinfo_record("crawl.warc.gz", {"software": "heritrix/3.4"})
        w.write_record(info)
        crawl_info = info.rec_headers.get_header("WARC-Record-ID")
        w.write_record(
            _plain_record(
                w,
                "https://news.example.com/a",
                "resource",
                "2024-06-03T10:00:05Z",
                **{"WARC-Warcinfo-ID": crawl_info},
            )
        )
        w.write_record(
            _plain_record(w, "https://news.example.com/b", "resource", "2024-06-03T10:00:06Z")
        )
    res = ingest(str(src), "--set", "dedup.policy=keep")
    assert res.exit_code == 0 and len(res.records) == 2, res.output
    records = all_records(res.out)
    [own] = [r.id for r in records if r.type == "warcinfo"]
    by_id = {r.id: r for r in records}
    for rec in res.records:
        raw = by_id[rec["archive"]["raw_record_id"]]
        crawl = rec["source"]["uri"].endswith("/a")
        assert raw.get("WARC-Warcinfo-ID") == (crawl_info if crawl else own)
    assert {r.get("WARC-Warcinfo-ID") for r in records if r.type in ("conversion", "metadata")} == {
        own
    }
    assert_warcio_check(res.out)
    from click.testing import CliRunner

    from corearchive.cli import cli

    assert CliRunner().invoke(cli, ["verify", str(res.out)]).exit_code == 0


def test_a_warc_address_with_spaces_is_kept_escaped_without_a_stray_line(tmp_path):
    """warcio logged "Replacing spaces in invalid WARC-Target-URI: ..." for each such record,
    printed by logging's last resort amid the run's lines, naming no file (s29 WARC tester:
    35 lines a run on a crawl)."""
    from helpers import one_page_warc

    path = one_page_warc(
        tmp_path / "crawl.warc.gz",
        "https://news.example.com/2024/the budget",
        HTML,
        "2024-03-05T10:20:30Z",
        "text/html; charset=utf-8",
    )
    out = tmp_path / "out"
    # (as the program: pytest's log capture would take the line in-process)
    r = subprocess.run(
        [sys.executable, "-m", "corearchive", "ingest", str(path), "-o", str(out), "-w", "1"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert "Replacing spaces" not in r.stderr and "kept 1" in " ".join(r.stderr.split())
    [rec] = [json.loads(x) for x in (out / "records.jsonl").read_text("utf-8").splitlines()]
    assert rec["source"]["uri"] == "https://news.example.com/2024/the%20budget"


def test_warc_copy_of_a_record_without_a_readable_warc_date(ingest, tmp_path):
    """A response without WARC-Date, or with one that is no W3C-ISO8601 date, is copied under
    an id of the archive's own, with a valid date: the HTTP Date's when the response has
    one, else the copy's own; the record says what the input held. The copy took the ingest
    time as its capture date under the crawl's record id, and the unreadable date was copied
    verbatim, an invalid WARC (s37 acc-crawl F3, F4)."""
    from helpers import word_paragraphs

    src = tmp_path / "odd.warc"
    ids = {}
    with open(src, "wb") as f:
        w = WARCWriter(f, gzip=False, warc_version="WARC/1.1")
        for seed, (name, date, served) in enumerate(
            (
                ("served", None, "Tue, 05 Mar 2024 10:20:30 GMT"),
                ("bare", None, None),
                ("unreadable", "01/08/2024 10:00", None),
                ("fine", "2024-03-06T08:00:00Z", None),
            )
        ):
            body = "".join(f"<p>{p}</p>" for p in word_paragraphs(6, seed=seed))
            page = f"<html><head><title>{name}</title></head><body><article>{body}</article>"
            page = (page + "</body></html>").encode()
            extra = [("Date", served)] if served else []
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8"), *extra], "HTTP/1.1"
            )
            rec = w.create_warc_record(
                f"https://news.example.com/{name}",
                "response",
                payload=io.BytesIO(page),
                length=len(page),
                http_headers=http,
            )
            if date is None:
                rec.rec_headers.remove_header("WARC-Date")
            else:
                rec.rec_headers.replace_header("WARC-Date", date)
            ids[name] = rec.rec_headers.get_header("WARC-Record-ID")
            w.write_record(rec)
    r = ingest(str(src))
    assert r.exit_code == 0, r.output
    recs = {rec["source"]["uri"].rsplit("/", 1)[1]: rec for rec in r.records}
    notes = {name: rec["annotations"]["source"].get("warc_date") for name, rec in recs.items()}
    assert notes == {
        "served": {"problem": "missing", "fetched_at_from": "HTTP Date"},
        "bare": {"problem": "missing"},
        "unreadable": {"problem": "unreadable", "given": "01/08/2024 10:00"},
        "fine": None,
    }
    fetched = {name: rec["source"]["fetched_at"] for name, rec in recs.items()}
    assert fetched == {
        "served": "2024-03-05T10:20:30Z",
        "bare": None,
        "unreadable": None,
        "fine": "2024-03-06T08:00:00Z",
    }
    by_id = assert_well_formed(out := r.out)
    for name, rec in recs.items():
        copy = by_id[rec["archive"]["raw_record_id"]]
        assert copy.type == "response"
        assert (copy.id == ids[name]) == (name == "fine"), name
        date = copy.get("WARC-Date") or ""
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date), (name, date)
        if fetched[name]:
            assert date == fetched[name]
        # the copy itself says what its date is and what the crawl wrote (s38 acc-regress
        # D20: a reader of the WARC alone took the copy's date for the capture's)
        said = {h: copy.get(h) for h in (DATE_BASIS_HEADER, GIVEN_DATE_HEADER, GIVEN_ID_HEADER)}
        assert said == {
            "served": {DATE_BASIS_HEADER: "http-date", GIVEN_DATE_HEADER: None,
                       GIVEN_ID_HEADER: ids[name]},
            "bare": {DATE_BASIS_HEADER: "archived", GIVEN_DATE_HEADER: None,
                     GIVEN_ID_HEADER: ids[name]},
            "unreadable": {DATE_BASIS_HEADER: "archived", GIVEN_DATE_HEADER: "01/08/2024 10:00",
                           GIVEN_ID_HEADER: ids[name]},
            "fine": dict.fromkeys(said),
        }[name], name  # fmt: skip
    assert_warcio_check(out)


@pytest.mark.parametrize("plan", ["stream", "staged"])
def test_a_crawl_warc_read_again_under_another_name_is_already_archived(ingest, tmp_path, plan):
    """Heritrix writes WEB-….warc.gz.open and renames it when it closes it: read once under
    each name, its records were exact duplicates of themselves, and history listed a second
    capture that never was (s37 acc-crawl F16). The same record (bytes, address, record id)
    archived by an earlier run is already_archived; a recrawl (new record ids) is still a
    revisit."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    make_warc(crawl / "WEB-00000.warc.gz.open")
    out = tmp_path / "out"
    r1 = ingest(str(crawl), "--plan", plan, out=out)
    assert r1.exit_code == 0, r1.output
    assert len(r1.records) == 2
    (crawl / "WEB-00000.warc.gz.open").rename(crawl / "WEB-00000.warc.gz")
    r2 = ingest(str(crawl), "--plan", plan, out=out)
    assert r2.exit_code == 0, r2.output
    mine = [r for r in r2.rejects if r.get("run_id") == r2.manifest["run_id"]]
    assert sorted((r["stage"], r["reason"]) for r in mine) == [("archive", "already_archived")] * 2
    assert {r["detail"]["of"] for r in mine} == {r["id"] for r in r1.records}
    assert not _revisits(out)
