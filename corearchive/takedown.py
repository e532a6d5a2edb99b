"""``corearchive remove OUT ID... --reason TEXT``: take documents out of an archive (a legal
takedown request, personal data), with a record of it that ``verify`` accepts.

What goes:

* the document's lines of ``records.jsonl`` (the file rewritten without them);
* its records in the WARC file (raw, conversion, metadata), and the revisit records of
  dropped exact copies that refer to its raw record: their bytes are overwritten by one
  *withdrawal record* each (a WARC ``metadata`` record addressed
  ``urn:corearchive:withdrawn:ID``, holding the id and the time, no content of the
  document), exactly as long as what it replaces, as gzip members of their own. Every other
  record stays where it was, byte for byte: the offsets that the other lines and their
  metadata records hold stay true, and no other record is re-written;
* the document in the index (its archived entry, its dedup keys, its WARC records' rows):
  it is no duplicate source, and no revisit will refer to it.

What is kept: ``OUT/takedowns.jsonl``, one line per document (id, reason, time, the WARC
file's SHA-256 before and after, the run that archived it), which verify reads to accept
the changed file digests and counts; and a row in the index's ``takedowns`` table, by which
a later run drops the document (its id, or its raw bytes under another id) as
``taken_down`` instead of archiving it again.

All of it is one commit (:class:`~corearchive.atomic.Commit`): the new files are written
under temporary names, the journal is written, the index's transaction commits (the commit
point), then the files are put in place; a takedown killed before its commit point leaves
the archive as it was, one killed after it is finished by the next run into the folder.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import struct
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .atomic import (
    Commit,
    _Op,
    file_sha256,
    output_lock,
    recover_commits,
    remove_leftovers,
    temp_name,
)
from .catalog import Catalog, now_utc, refuse_newer, stamp_folder
from .errors import ConfigError, CoreArchiveError
from .sink_takedown import take_down_in_sinks


class UnfinishedTakedown(CoreArchiveError):
    """A takedown committed whose files could not all be put in place yet."""


#: The takedown log of an output folder (one JSON line per document taken down).
TAKEDOWNS = "takedowns.jsonl"
#: The start of a records.jsonl line as corearchive writes it: its id first.
_ID_FIRST = re.compile(rb'^\{"id":"([^"\\]*)"')
#: The WARC-Target-URI of a withdrawal record: this, then the document id.
WITHDRAWN_URI = "urn:corearchive:withdrawn:"


def _record_ranges(path: Path, offset: int, raw_id: str) -> tuple[int, str | None]:
    """Where the document's records (raw, conversion, metadata) that start at ``offset``
    of the WARC file ``path`` end, and their warcinfo id; checked to be the document's."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        stream.seek(offset)
        it = ArchiveIterator(stream)
        seen: list[tuple[str, str | None, str | None]] = []
        end = offset
        warcinfo = None
        for record in it:
            h = record.rec_headers
            seen.append(
                (record.rec_type, h.get_header("WARC-Record-ID"), h.get_header("WARC-Refers-To"))
            )
            # (the metadata record's, last: a copied capture names its crawl's warcinfo)
            warcinfo = h.get_header("WARC-Warcinfo-ID") or warcinfo
            it.read_to_end()
            end = it.get_record_offset() + it.get_record_length()  # (of the file)
            if len(seen) == 3:
                break
    if (
        len(seen) != 3
        or seen[0][1] != raw_id
        or seen[1][0] != "conversion"
        or seen[1][2] != raw_id
        or seen[2][0] != "metadata"
        or seen[2][2] != raw_id
    ):
        raise ConfigError(
            f"{path.name} at {offset}: not the document's records (raw {raw_id}, its conversion"
            " and metadata records); verify the archive first"
        )
    return end, warcinfo


def _revisit_at(path: Path, offset: int) -> tuple[str | None, int]:
    """The WARC-Refers-To of the revisit record at ``offset`` of ``path``, and its end."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        stream.seek(offset)
        it = ArchiveIterator(stream)
        for record in it:
            refers = record.rec_headers.get_header("WARC-Refers-To")
            kind = record.rec_type
            it.read_to_end()
            end = it.get_record_offset() + it.get_record_length()  # (of the file)
            return (refers if kind == "revisit" else None), end
    return None, offset


def _withdrawal(doc_id: str, at: str, warcinfo: str | None, pad: int) -> bytes:
    """The uncompressed bytes of a withdrawal record, its payload padded by ``pad`` spaces."""
    body = json.dumps({"withdrawn": doc_id, "at": at}).encode() + b"\n" + b" " * pad
    digest = base64.b32encode(hashlib.sha1(body).digest()).decode()
    headers = [
        "WARC/1.1",
        "WARC-Type: metadata",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        f"WARC-Date: {at}",
        f"WARC-Target-URI: {WITHDRAWN_URI}{doc_id}",
        *([f"WARC-Warcinfo-ID: {warcinfo}"] if warcinfo else []),
        "Content-Type: application/json",
        f"WARC-Block-Digest: sha1:{digest}",
        f"Content-Length: {len(body)}",
    ]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body + b"\r\n\r\n"


def _member(data: bytes, extra: int, level: int = 0) -> bytes:
    """``data`` as one gzip member (at deflate ``level``; 0, stored, has a size known in
    advance), with an extra field of ``extra`` bytes in all (0, or 6 to 65,537)."""
    flags = b"\x04" if extra else b"\x00"
    header = b"\x1f\x8b\x08" + flags + b"\x00\x00\x00\x00\x00\xff"
    if extra:
        # one subfield "CA" of zeros (RFC 1952 2.3.1.1)
        header += struct.pack("<H", extra - 2) + b"CA" + struct.pack("<H", extra - 6)
        header += b"\x00" * (extra - 6)
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    body = c.compress(data) + c.flush()
    return header + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)


def withdrawal_member(doc_id: str, at: str, warcinfo: str | None, size: int) -> bytes:
    """A gzip member of exactly ``size`` bytes holding a withdrawal record of ``doc_id``:
    the record compressed, its payload padded with spaces (stored uncompressed, for a
    big size) and the member's gzip extra field filling the rest."""
    small = len(_member(_withdrawal(doc_id, at, warcinfo, 0), 0, 9))
    if size <= small + 65537:
        for pad in range(64):
            data = _withdrawal(doc_id, at, warcinfo, pad)
            rest = size - len(_member(data, 0, 9))
            if rest == 0 or 6 <= rest <= 65537:
                return _member(data, rest, 9)
            if rest < 0:
                break
    else:
        pad = max(0, size - len(_withdrawal(doc_id, at, warcinfo, 0)) - 1000)
        for _ in range(64):
            data = _withdrawal(doc_id, at, warcinfo, pad)
            rest = size - len(_member(data, 0))
            if rest == 0 or 6 <= rest <= 60000:
                return _member(data, rest)
            pad = max(0, pad + rest - 1000)
    raise ConfigError(
        f"the records of {doc_id} take {size} bytes, too few for a withdrawal record in their place"
    )


def _lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """(line number from 1, byte offset, the line with its newline) of ``path``."""
    offset = 0
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            yield n, offset, line
            offset += len(line)


def _fsynced(path: Path, chunks: Iterator[bytes]) -> None:
    with open(path, "wb") as f:
        for chunk in chunks:
            f.write(chunk)
        f.flush()
        os.fsync(f.fileno())


def _copy_replacing(src: Path, dst: Path, parts: list[tuple[int, int, bytes]]) -> None:
    """``src`` copied to ``dst`` with each ``(start, end, member)`` of ``parts`` (sorted,
    ``end - start == len(member)``) in place of its bytes."""

    def chunks() -> Iterator[bytes]:
        with open(src, "rb") as f:
            at = 0
            for start, end, member in parts:
                while at < start:
                    piece = f.read(min(1 << 20, start - at))
                    if not piece:
                        raise ConfigError(f"{src} ends before byte {start}")
                    at += len(piece)
                    yield piece
                f.seek(end)
                at = end
                yield member
            while piece := f.read(1 << 20):
                yield piece

    _fsynced(dst, chunks())


def remove(
    out: Path,
    ids: list[str],
    reason: str,
    *,
    index: Path | None = None,
    timeout: float = 30.0,
    err: TextIO | None = None,
    registry: Any = None,
) -> list[dict[str, Any]]:
    """Take the documents ``ids`` out of the archive in ``out`` (see the module docstring);
    returns the takedown entries written. ``registry``: the plugins' sinks, asked to take
    them out of their files (:mod:`corearchive.sink_takedown`)."""
    from .runner import new_run_id

    if not reason.strip():
        raise ConfigError("--reason: say why the documents are taken down (it is kept)")
    wanted = list(dict.fromkeys(ids))
    records = out / "records.jsonl"
    index = index or out / "index.sqlite"
    tid = new_run_id()
    at = now_utc()
    with output_lock(out, timeout, err):
        refuse_newer(out, index)
        recover_commits(out, err)
        remove_leftovers(out, tid, err)
        if not records.is_file():
            raise ConfigError(f"{records} is not there: no documents to take down")
        found: dict[str, dict[str, Any]] = {}
        cut: list[tuple[int, int]] = []  # (offset, length) of the lines that go
        targets = set(wanted)
        for _, offset, line in _lines(records):
            # a record starts with its id (build_record); another JSON tool's line is parsed
            m = _ID_FIRST.match(line)
            if m is not None:
                hit = m.group(1).decode()
            else:
                try:
                    hit = str(json.loads(line).get("id"))
                except (ValueError, AttributeError):
                    continue
            if hit not in targets:
                continue
            with contextlib.suppress(ValueError):
                rec = json.loads(line)
                if isinstance(rec, dict) and rec.get("id") == hit:
                    cut.append((offset, len(line)))
                    if isinstance(rec.get("archive"), dict) or hit not in found:
                        found[hit] = rec
        if missing := [i for i in wanted if i not in found]:
            raise ConfigError(
                f"not in {records}: {', '.join(missing)} (a document id is the record's"
                ' "id"; nothing was taken down)'
            )
        if not index.is_file():
            raise ConfigError(f"the index {index} is not there (--index names another)")
        catalog = Catalog(index, timeout=timeout)
        commit = Commit(out, tid)
        try:
            entries, by_file = _plan(out, catalog, found, wanted, reason, at)
            take_down_in_sinks(out, entries, reason, tid, commit, catalog, registry, err)
            ops: list[_Op] = []
            temps: list[Path] = []
            for name, parts in sorted(by_file.items()):
                final = out / name
                tmp = temp_name(final, tid)
                temps.append(tmp)
                before = file_sha256(final)
                _copy_replacing(final, tmp, sorted(parts))
                after = file_sha256(tmp)
                for e in entries:
                    if name in e["warc"]:
                        e["warc"][name] = {"before": before, "after": after}
                ops.append(_Op(tmp, final, None))
            # records.jsonl without the lines
            tmp = temp_name(records, tid)
            temps.append(tmp)
            _copy_replacing(records, tmp, [(o, o + n, b"") for o, n in sorted(cut)])
            ops.append(_Op(tmp, records, None))
            last = sorted((out / "runs").glob("*.json"))
            for e in entries:
                e["after_run"] = last[-1].stem if last else None
            entries[0]["cut"] = {"records.jsonl": sum(n for _, n in cut)}
            log = out / TAKEDOWNS
            tmp = temp_name(log, tid)
            temps.append(tmp)
            _fsynced(
                tmp,
                iter([b"".join(json.dumps(e, sort_keys=True).encode() + b"\n" for e in entries)]),
            )
            ops.append(_Op(tmp, log, log.stat().st_size if log.exists() else None))
            for op in ops:
                commit.add(op)
            commit._temps.extend(temps)
            commit.prepare(index)
            # the commit point: the index's transaction, with the takedown as a finished run
            # (which is how recover_commits tells a committed one)
            catalog.start_run(tid, out)
            catalog.finish_run(tid, json.dumps({"taken_down": len(entries)}))
            catalog.commit()
        except BaseException:
            with contextlib.suppress(Exception):
                catalog.rollback()
            commit.abort()
            raise
        try:
            commit.publish()
        except OSError as exc:
            raise UnfinishedTakedown(
                f"the takedown committed, but its files are not all in place ({exc}): the"
                f" next `corearchive remove` or `corearchive ingest` into {out} puts them"
                " there (verify says so meanwhile)"
            ) from exc
        stamp_folder(out, tid)
    return entries


def _plan(
    out: Path,
    catalog: Catalog,
    found: dict[str, dict[str, Any]],
    wanted: list[str],
    reason: str,
    at: str,
) -> tuple[list[dict[str, Any]], dict[str, list[tuple[int, int, bytes]]]]:
    """The takedown entries and, per WARC file, the byte ranges to overwrite with their
    withdrawal records; the index's changes made (in the catalog's transaction)."""
    db = catalog.db
    has_warc_table = (
        db.execute("SELECT 1 FROM sqlite_master WHERE name = 'warc_records'").fetchone() is not None
    )
    has_dedup = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'dedup_docs'").fetchone()
    entries: list[dict[str, Any]] = []
    by_file: dict[str, list[tuple[int, int, bytes]]] = {}
    for doc_id in wanted:
        rec = found[doc_id]
        src: dict[str, Any] = rec["source"] if isinstance(rec.get("source"), dict) else {}
        sha = str(src.get("sha256") or "")
        row = db.execute("SELECT run_id FROM documents WHERE id = ?", (doc_id,)).fetchone()
        entry: dict[str, Any] = {
            "id": doc_id,
            "reason": reason,
            "at": at,
            "run_id": row[0] if row else None,
            "uri": src.get("uri"),
            "sha256": sha,
            "warc": {},
            "withdrawn_records": [],
        }
        arch = rec.get("archive")
        if isinstance(arch, dict):
            name, offset, raw_id = (
                str(arch["warc"]),
                int(arch["offset"]),
                str(arch["raw_record_id"]),
            )
            path = out / name
            end, warcinfo = _record_ranges(path, offset, raw_id)
            by_file.setdefault(name, []).append(
                (offset, end, withdrawal_member(doc_id, at, warcinfo, end - offset))
            )
            entry["warc"][name] = {}
            entry["withdrawn_records"].append(raw_id)
            if has_warc_table:
                # the revisit records of its exact copies: of dropped copies, withdrawn with
                # it; of kept ones (a document of their own), refused
                for rid, other, w, o in db.execute(
                    "SELECT record_id, doc_id, warc, warc_offset FROM warc_records"
                    " WHERE sha256 = ? AND type = 'revisit'",
                    (sha,),
                ).fetchall():
                    if not (out / w).is_file():
                        continue
                    refers, r_end = _revisit_at(out / w, o)
                    if refers != raw_id:
                        continue
                    if (
                        other not in found
                        and db.execute(
                            "SELECT 1 FROM documents WHERE id = ? AND raw_record_id = ?",
                            (other, rid),
                        ).fetchone()
                    ):
                        raise ConfigError(
                            f"document {other} is archived as a revisit of {doc_id} (the same"
                            f" bytes): take it down too (corearchive remove {out} {doc_id}"
                            f" {other} ...)"
                        )
                    by_file.setdefault(w, []).append(
                        (o, r_end, withdrawal_member(doc_id, at, warcinfo, r_end - o))
                    )
                    entry["warc"].setdefault(w, {})
                    entry["withdrawn_records"].append(rid)
                db.execute("DELETE FROM warc_records WHERE doc_id = ?", (doc_id,))
                db.executemany(
                    "DELETE FROM warc_records WHERE record_id = ?",
                    [(r,) for r in entry["withdrawn_records"]],
                )
        # the index forgets it: not archived, no duplicate source
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        if has_dedup:
            _forget_in_dedup_index(db, doc_id)
        db.execute(
            "INSERT OR REPLACE INTO takedowns (id, sha256, uri, reason, at) VALUES (?, ?, ?, ?, ?)",
            (doc_id, sha, str(src.get("uri") or ""), reason, at),
        )
        entries.append(entry)
    return entries, by_file


def _forget_in_dedup_index(db: Any, doc_id: str) -> None:
    """Take ``doc_id`` out of the dedup index, and its cluster with it where it was the root.

    The cluster's dropped members (its copies and near copies, whose text is in no archive)
    are forgotten too: met again, each is decided anew, the first kept. They kept the
    withdrawn document as their root, and a later run dropped them, and copies of them, as
    duplicates of a document in no archive (s28 dedup tester M3). Members that are archived
    (kept under ``policy = "keep"``) stay, the first of them the cluster's new root."""
    gone = [n for (n,) in db.execute("SELECT n FROM dedup_docs WHERE id = ?", (doc_id,))]
    members = db.execute(
        "SELECT n, id FROM dedup_docs WHERE root = ? AND id != ? ORDER BY n", (doc_id, doc_id)
    ).fetchall()
    archived = [
        (n, m)
        for n, m in members
        if db.execute("SELECT 1 FROM documents WHERE id = ?", (m,)).fetchone() is not None
    ]
    kept = {n for n, _ in archived}
    gone += [n for n, _ in members if n not in kept]
    if archived:
        db.execute("UPDATE dedup_docs SET root = ? WHERE root = ?", (archived[0][1], doc_id))
    # (one statement per table: the key tables have no index on n, each is one scan)
    for i in range(0, len(gone), 500):
        part = gone[i : i + 500]
        marks = ",".join("?" * len(part))
        for table in ("dedup_lsh", "dedup_exact", "dedup_docs"):
            db.execute(f"DELETE FROM {table} WHERE n IN ({marks})", part)


# -- for verify ---------------------------------------------------------------------------


def read_takedowns(out: Path) -> list[dict[str, Any]]:
    """The entries of ``OUT/takedowns.jsonl`` (none when there is no file)."""
    path = out / TAKEDOWNS
    if not path.is_file():
        return []
    entries = []
    for line in path.read_bytes().splitlines():
        with contextlib.suppress(ValueError):
            e = json.loads(line)
            if isinstance(e, dict) and isinstance(e.get("id"), str):
                entries.append(e)
    return entries


def apply_takedowns(out: Path, runs: dict[str, Any], db: Any, result: Any) -> None:
    """What verify needs of the takedowns (called once the WARC files are indexed in
    ``db``): the withdrawal records are set aside (each must name a document of
    ``takedowns.jsonl``), each run's count of documents is less those taken down, and a
    WARC file changed by a takedown is checked against the SHA-256 it was left with."""
    entries = read_takedowns(out)
    withdrawn = db.execute(
        "SELECT id, warc, offset, uri FROM recs WHERE type = 'metadata' AND uri LIKE ?",
        (WITHDRAWN_URI + "%",),
    ).fetchall()
    if not entries and not withdrawn:
        return
    known = {e["id"] for e in entries}
    for rid, warc, offset, uri in withdrawn:
        if uri[len(WITHDRAWN_URI) :] not in known:
            result.problem(
                "warc",
                f"{warc} at {offset}: withdrawal record {rid} names a document that"
                f" {TAKEDOWNS} does not",
            )
    db.execute("DELETE FROM recs WHERE type = 'metadata' AND uri LIKE ?", (WITHDRAWN_URI + "%",))
    if withdrawn:
        result.warc_records["metadata"] -= len(withdrawn)
    owner = {name: run for run in runs.values() for name in run.digests}
    for e in entries:
        run = runs.get(str(e.get("run_id")))
        if run is not None and run.kept is not None:
            run.kept -= 1
        for name, change in (e.get("warc") or {}).items():
            r = owner.get(name)
            if (
                r is not None
                and isinstance(change, dict)
                and r.digests[name] == change.get("before")
            ):
                r.digests[name] = str(change.get("after"))
    result.notes.append(
        f"{len(entries)} document(s) taken down ({TAKEDOWNS}); {len(withdrawn)} withdrawal"
        " record(s) stand in the WARC files where their records were"
    )


def removed_bytes(out: Path, name: str, after_run: str) -> int:
    """Bytes of ``name`` (``records.jsonl``) that takedowns made after run ``after_run``
    removed (the file is that much shorter than the run left it)."""
    return sum(
        int((e.get("cut") or {}).get(name, 0))
        for e in read_takedowns(out)
        if e.get("after_run") == after_run
    )


#: What to do when a document taken down is in the archive again
AGAIN_REPAIR = (
    "take the documents named above down again (corearchive remove OUT ID... --reason ...):"
    " a corearchive older than the takedown (one that does not know takedowns, before"
    " 056fd69) archived them again; do not go back to such a release after a takedown"
    " (docs/archive.md, 'Taking documents down')"
)


def taken_down_again(out: Path, db: Any, result: Any, index: Path | None) -> None:
    """Every document ``takedowns.jsonl`` (or the folder's index ``index``, its table
    ``takedowns``) lists as taken down is gone: not in ``records.jsonl`` (verify's table
    ``ids``), not in a WARC file (a metadata record of its id or of its raw bytes, in
    ``recs``), and not archived in the index (``documents``). A release from before
    takedowns archived one again, given again, and verify said "intact" (s28 acc-upgrade
    H1)."""
    gone: dict[str, tuple[str, str]] = {}
    for e in read_takedowns(out):
        gone[e["id"]] = (str(e.get("sha256") or ""), f"{e.get('at')}: {e.get('reason')}")
    con = None
    if index is not None and index.is_file():
        from .catalog import open_read_only

        with contextlib.suppress(Exception):
            con = open_read_only(index, untouched=True)
            for doc_id, sha, at, reason in con.execute(
                "SELECT id, sha256, at, reason FROM takedowns"
            ):
                gone.setdefault(doc_id, (sha, f"{at}: {reason}"))
    try:
        for doc_id, (sha, why) in sorted(gone.items()):
            what = f"document {doc_id}, taken down ({why}), is in the archive again"
            row = db.execute("SELECT line FROM ids WHERE id = ?", (doc_id,)).fetchone()
            if row is not None:
                result.problem("records", f"records.jsonl line {row[0]}: {what}", AGAIN_REPAIR)
            for key, warc, offset in db.execute(
                "SELECT key, warc, offset FROM recs WHERE type = 'metadata'"
                " AND (key = ? OR (src_sha = ? AND src_sha != '')) ORDER BY warc, offset",
                (doc_id, sha),
            ).fetchall():
                same = "" if key == doc_id else f" (its raw bytes, as document {key})"
                result.problem("warc", f"{warc} at {offset}: {what}{same}", AGAIN_REPAIR)
            if con is not None:
                with contextlib.suppress(Exception):
                    if con.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                        assert index is not None
                        result.problem(
                            "index",
                            f"{index.name}: {what} (the index holds it as archived)",
                            AGAIN_REPAIR,
                        )
    finally:
        if con is not None:
            con.close()


def warn_taken_down_again(out: Path, index: Path, err: TextIO) -> None:
    """Say, before a run, when the index holds as archived a document it lists as taken
    down (by id or by raw bytes): a release from before takedowns archived it again, into
    ``records.jsonl`` and the WARC files, and a run given it again only said
    ``taken_down`` (s28 acc-upgrade H1)."""
    from .catalog import open_read_only

    if not index.is_file():
        return
    try:
        with contextlib.closing(open_read_only(index, untouched=True)) as con:
            rows = con.execute(
                "SELECT t.id, t.at, d.id, d.run_id FROM takedowns t JOIN documents d"
                " ON d.id = t.id OR d.sha256 = t.sha256 ORDER BY d.archived_at"
            ).fetchall()
    except Exception:  # (no takedowns table yet, an unreadable index: the run says)
        return
    if not rows:
        return
    gone, at, doc_id, run = rows[-1]
    same = "" if doc_id == gone else f" (its raw bytes, as document {doc_id})"
    others = f" and {len(rows) - 1} more" if len(rows) > 1 else ""
    print(
        f"corearchive: warning: document {gone}, taken down at {at}, is in the archive"
        f" again{same}{others}: run {run} archived it after the takedown (a corearchive"
        " that does not know takedowns: an older release), into records.jsonl and the WARC"
        f" files. Take it down again: corearchive remove {out} {doc_id} --reason ...;"
        " `corearchive verify` names every one",
        file=err,
    )
