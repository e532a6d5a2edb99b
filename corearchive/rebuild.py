"""``corearchive index rebuild OUT``: a new index made from the archive's own files, for an
index that is lost, damaged, stale (an older backup restored) or of other hashing options.

What the index holds and where it comes from:

* ``runs``: the manifests (``OUT/runs/*.json``);
* ``documents`` (what is archived, and where): the lines of ``records.jsonl``, each line's
  run found by the manifests' ``appended`` spans;
* ``warc_records`` (the raw and revisit records, which revisits refer to and record ids
  must not repeat): the WARC files' headers, each raw record's document from the lines,
  a revisit's from ``rejects.jsonl`` (the dropped exact copy with its bytes and address,
  or the crawl's revisit record with its record id);
* the dedup index: the records' texts, hashed with the configured options (``--set
  dedup.num_perm=...`` makes an index of other options);
* ``takedowns``: ``OUT/takedowns.jsonl``.

Not in any file, so not rebuilt: the dedup entries of dropped duplicates (their text is not
kept; a copy of one is still found through its kept root), the exact key of a document's
plain-text input where it differs from its cleaned text, the inputs read whole (the next run
reads every input again, and skips what is archived), and the namespace of the record ids
(new ids differ from the old, never equal them). The index is built under a temporary name
and put in place at the end; the old one, if any, is kept as ``index.sqlite.before-rebuild``.
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .atomic import output_lock, recover_commits, remove_leftovers, temp_name
from .catalog import (
    ARCHIVE_FORMAT,
    Catalog,
    open_read_only,
    refuse_newer,
    run_manifests,
    stamp_folder,
)
from .errors import ConfigError
from .takedown import read_takedowns, store_fingerprint


def json_objects(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(byte offset, object)`` of each line of the JSON Lines file ``path`` that is a JSON
    object (other lines are passed over: verify names them); nothing if it is not there."""
    offset = 0
    if not path.is_file():
        return
    with open(path, "rb") as f:
        for line in f:
            with contextlib.suppress(ValueError):
                rec = json.loads(line)
                if isinstance(rec, dict):
                    yield offset, rec
            offset += len(line)


def _warc_heads(out: Path) -> Iterator[tuple[str, str, str, str, str, int, str | None]]:
    """(record id, type, target URI, date, file, offset, refers-to) of every raw and revisit
    record of the WARC files under ``OUT/warc``."""
    from warcio.archiveiterator import ArchiveIterator

    folder = out / "warc"
    for path in sorted(folder.glob("*.warc*")) if folder.is_dir() else []:
        if path.name.startswith("."):
            continue
        rel = path.relative_to(out).as_posix()
        with open(path, "rb") as stream:
            it = ArchiveIterator(stream)
            for record in it:
                kind = record.rec_type
                if kind in ("resource", "response", "revisit"):
                    h = record.rec_headers
                    yield (
                        h.get_header("WARC-Record-ID") or "",
                        kind,
                        h.get_header("WARC-Target-URI") or "",
                        h.get_header("WARC-Date") or "",
                        rel,
                        it.get_record_offset(),
                        h.get_header("WARC-Refers-To"),
                    )


def rebuild(
    out: Path, index: Path | None, dedup_options: Any, timeout: float, err: TextIO | None
) -> str:
    """Rebuild the index of ``out`` (see the module docstring); what was done."""
    from .runner import new_run_id

    dedup = importlib.import_module("corearchive_plugins.dedup")
    sinks = importlib.import_module("corearchive_plugins.sinks")
    target = index or out / "index.sqlite"
    rid = new_run_id()
    with output_lock(out, timeout, err):
        refuse_newer(out, target)
        recover_commits(out, err)
        remove_leftovers(out, rid, err)
        manifests = []
        for path in run_manifests(out):
            with contextlib.suppress(ValueError, OSError):
                manifests.append(json.loads(path.read_bytes()))
        if not manifests and not (out / "records.jsonl").is_file():
            raise ConfigError(f"{out}: no runs/ and no records.jsonl: nothing to rebuild from")
        _refuse_shared(target, out, {str(m.get("run_id")) for m in manifests})
        tmp = temp_name(target, rid)
        catalog = Catalog(tmp, timeout=timeout)
        try:
            db = catalog.db
            spans: list[tuple[int, int, str]] = []
            finished: dict[str, str] = {}
            for m in manifests:
                run_id = str(m.get("run_id"))
                finished[run_id] = str(m.get("finished_at") or m.get("started_at") or "")
                db.execute(
                    "INSERT OR REPLACE INTO runs (id, started_at, finished_at, out, counts,"
                    " format) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        run_id,
                        str(m.get("started_at") or ""),
                        finished[run_id],
                        str(out),
                        json.dumps(m.get("counts") or {}),
                        ARCHIVE_FORMAT,
                    ),
                )
                span = (m.get("appended") or {}).get("records.jsonl")
                if isinstance(span, dict) and span.get("bytes"):
                    spans.append((int(span["offset"]), int(span["bytes"]), run_id))
            spans.sort()
            starts = [s[0] for s in spans]
            # takedowns made after a run shortened the file: a line's offset then lies
            # earlier than its run's span says; the spans are read in order, each run's
            # lines after the previous run's
            taken = read_takedowns(out)
            gone = {e["id"] for e in taken}

            def run_of(offset: int) -> str:
                i = bisect.bisect_right(starts, offset) - 1
                return spans[i][2] if i >= 0 else "(unknown)"

            sha_of: dict[str, str] = {}
            docs = 0
            for offset, rec in json_objects(out / "records.jsonl"):
                doc_id, src, arch = rec.get("id"), rec.get("source"), rec.get("archive")
                if not isinstance(doc_id, str) or not isinstance(src, dict) or doc_id in gone:
                    continue
                run_id = run_of(offset) if not taken else "(unknown)"
                if run_id == "(unknown)":  # (manifests without spans, or after a takedown)
                    run_id = _run_by_warc(arch, manifests)
                arch = arch if isinstance(arch, dict) else {}
                catalog.add(
                    doc_id,
                    run_id=run_id,
                    sha256=str(src.get("sha256") or ""),
                    uri=str(src.get("uri") or ""),
                    warc=arch.get("warc"),
                    warc_offset=arch.get("offset"),
                    raw_record_id=arch.get("raw_record_id"),
                )
                if arch.get("raw_record_id"):
                    sha_of[str(arch["raw_record_id"])] = doc_id + "\0" + str(src.get("sha256"))
                docs += 1
            db.execute(
                "UPDATE documents SET archived_at = coalesce((SELECT finished_at FROM runs"
                " WHERE runs.id = documents.run_id), archived_at)"
            )
            # the WARC sink's table
            for stmt in sinks._SCHEMA.split(";"):
                if stmt.strip():
                    db.execute(stmt)
            dropped = {}
            crawl_revisits = {}  # (a crawl's revisit records, whose copies keep their ids)
            for _, rej in json_objects(out / "rejects.jsonl"):
                s = rej.get("source")
                if rej.get("reason") == "exact_duplicate" and isinstance(s, dict):
                    dropped[(s.get("sha256"), s.get("uri"))] = rej.get("id")
                elif rej.get("reason") == "revisit" and isinstance(s, dict):
                    crawl_revisits[s.get("warc_record_id")] = rej.get("id")
            raw = 0
            for rec_id, kind, uri, date, warc, offset, refers in list(_warc_heads(out)):
                if kind == "revisit" and rec_id not in sha_of:
                    of = sha_of.get(refers or "")
                    if of is None:
                        continue
                    sha = of.split("\0")[1]
                    doc = dropped.get((sha, uri)) or crawl_revisits.get(rec_id) or ""
                    row = (rec_id, doc, "revisit", sha, uri, date, warc, offset)
                elif rec_id in sha_of:
                    doc, sha = sha_of[rec_id].split("\0")
                    row = (rec_id, doc, "revisit" if kind == "revisit" else "raw", sha, uri, date,
                           warc, offset)  # fmt: skip
                else:
                    continue
                raw += 1
                db.execute(
                    "INSERT OR IGNORE INTO warc_records (record_id, doc_id, type, sha256, uri,"
                    " date, warc, warc_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
            n = dedup.rebuild_index(
                db,
                (
                    rec
                    for _, rec in json_objects(out / "records.jsonl")
                    if rec.get("id") not in gone
                ),
                dedup_options,
            )
            for e in taken:
                db.execute(
                    "INSERT OR REPLACE INTO takedowns (id, sha256, uri, reason, at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (e["id"], str(e.get("sha256") or ""), str(e.get("uri") or ""),
                     str(e.get("reason") or ""), str(e.get("at") or "")),
                )  # fmt: skip
                if isinstance(e.get("recognise"), dict):
                    with contextlib.suppress(KeyError, TypeError, ValueError):
                        store_fingerprint(db, e["id"], e["recognise"])
            catalog.commit()
        except BaseException:
            with contextlib.suppress(Exception):
                catalog.rollback()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)
            raise
        kept = target.with_name(target.name + ".before-rebuild")
        if target.exists():
            # the old index as it was (its log folded in), then the new one in its place
            with (
                contextlib.closing(sqlite3.connect(target)) as src,
                contextlib.closing(sqlite3.connect(kept)) as dst,
            ):
                src.backup(dst)
            for suffix in ("-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
        stamp_folder(out, rid)
    return (
        f"{target}: rebuilt from {len(manifests)} run manifest(s), {docs} records, {raw} WARC"
        f" raw/revisit records, {n} documents in the dedup index, {len(taken)} takedown(s)"
        + (f"; the index as it was: {kept}" if kept.exists() else "")
    )


def _run_by_warc(arch: Any, manifests: list[dict[str, Any]]) -> str:
    """The run whose manifest lists the WARC file of ``arch`` (after a takedown the
    records' byte spans no longer match the manifests')."""
    if isinstance(arch, dict):
        for m in manifests:
            if arch.get("warc") in ((m.get("outputs") or {}).get("warc") or []):
                return str(m.get("run_id"))
    return "(unknown)"


def _refuse_shared(index: Path, out: Path, runs: set[str]) -> None:
    """Refuse to rebuild an index that holds runs into other folders (``--index`` shared):
    made from ``out`` alone, it would forget their documents."""
    if not index.is_file():
        return
    try:
        with contextlib.closing(open_read_only(index, untouched=True)) as db:
            others = [
                (run, named)
                for run, named in db.execute(
                    "SELECT id, out FROM runs WHERE finished_at IS NOT NULL"
                )
                # (another folder's run: its manifest is there; a path as a run was given
                # it, relative to where it ran, may not resolve from here: not counted)
                if run not in runs
                and Path(named).resolve() != out.resolve()
                and (Path(named) / "runs" / f"{run}.json").is_file()
            ]
    except sqlite3.Error:
        return  # (a damaged index: what the rebuild is for)
    if others:
        raise ConfigError(
            f"the index {index} holds {len(others)} run(s) into other folders (the last into"
            f" {others[-1][1]}): rebuilt from {out} alone it would forget their documents;"
            " restore it from a backup instead"
        )
