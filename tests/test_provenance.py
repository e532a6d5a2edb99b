"""What a run records of itself (s27 provenance auditor): the code that made its output, the
libraries under it, and that ``verify`` holds each manifest to the WARC files it wrote."""

from __future__ import annotations

import importlib.metadata as md
import json
from pathlib import Path

from corearchive import runner
from corearchive.runner import code_digest, files_digest

import pytest
from warcio.archiveiterator import ArchiveIterator


@pytest.fixture
def crawl(seeds: Path, tmp_path: Path) -> Path:
    import shutil

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
