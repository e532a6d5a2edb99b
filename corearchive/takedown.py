"""``corearchive remove OUT ID... --reason TEXT``: take documents out of an archive (a legal
takedown request, personal data), with a record of it that ``verify`` accepts.

What goes:

* the document's lines of ``records.jsonl`` (the file rewritten without them);
* its records in the WARC file (raw, conversion, metadata), and the revisit records of
  dropped exact copies that refer to its raw record: their bytes are overwritten by one
  *withdrawal record* for the document's records (they are adjacent) and one for each
  revisit record (a WARC ``metadata`` record addressed
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
``taken_down`` instead of archiving it again; and in ``takedown_keys`` (and the log's
``recognise``) the key of its normalised text and its MinHash signature, not the text, by
which the dedup stage refuses its text, or one near it, under any address
(:class:`TakedownMatcher`; docs/archive.md has the table of what is refused and what is
kept, flagged).

All of it is one commit (:class:`~corearchive.atomic.Commit`): the new files are written
under temporary names, the journal is written, the index's transaction commits (the commit
point), then the files are put in place; a takedown killed before its commit point leaves
the archive as it was, one killed after it is finished by the next run into the folder.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib
import itertools
import json
import os
import struct
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from corearchive import lazyre as re

from .atomic import (
    Commit,
    _Op,
    file_sha256,
    output_lock,
    recover_commits,
    remove_leftovers,
    temp_name,
)
from .catalog import Catalog, now_utc, refuse_newer, run_manifests, stamp_folder
from .document import Drop
from .errors import ConfigError, CoreArchiveError
from .sink_takedown import take_down_in_sinks
from .urlkey import page_key

if TYPE_CHECKING:
    import numpy as np


class UnfinishedTakedown(CoreArchiveError):
    """A takedown committed whose files could not all be put in place yet."""


#: The takedown log of an output folder (one JSON line per document taken down).
TAKEDOWNS = "takedowns.jsonl"
#: The start of a records.jsonl line as corearchive writes it: its id first.
_ID_FIRST = re.compile(rb'^\{"id":"([^"\\]*)"')
#: The WARC-Target-URI of a withdrawal record: this, then the document id.
WITHDRAWN_URI = "urn:corearchive:withdrawn:"


#: The hashing of a takedown's MinHash signature: the dedup stage's default (permutations,
#: words per shingle); a run whose dedup stage hashes otherwise compares text keys only.
SIG_PERM = 128
SIG_SHINGLE = 5
#: From this similarity (either way: how much of the new text the withdrawn one holds, or
#: of the withdrawn text the new one holds) a text is a near copy of a withdrawn one.
NEAR = 0.85
#: From this similarity a text is kept but flagged as like a withdrawn one (``similar``).
SIMILAR = 0.5


def _dedup() -> Any:
    return importlib.import_module("corearchive_plugins.dedup")


def sig_params(perm: int = SIG_PERM, shingle: int = SIG_SHINGLE) -> str:
    """The hashing of takedown signatures, as ``takedown_keys.params`` records it (and as the
    dedup stage names its own hashing, ``perm`` and ``shingle`` its options, to match only
    signatures made alike)."""
    return f"perm={perm};shingle={shingle};v={_dedup().DedupStage.index_version}"


def _signature(hasher: Any, norm: bytes) -> tuple[Any, int]:
    """The MinHash signature and shingle count of the normalised text ``norm`` as the dedup
    stage hashes it (:func:`corearchive_plugins.dedup.hashed_part`)."""
    sig, size = hasher.signature(_dedup().hashed_part(norm), normalized=True)
    return sig, int(size)


def fingerprint(text: str) -> dict[str, Any]:
    """What recognises ``text`` (a withdrawn document's) again without keeping it: the
    16-byte key of its normalised text (the dedup stage's exact key: NFKC, case, quotes,
    dashes and white space unified) and its MinHash signature with its shingle count."""
    dedup = _dedup()
    norm = dedup.normalize_bytes(text)
    sig, size = _signature(dedup.MinHasher(SIG_PERM, SIG_SHINGLE), norm)
    return {
        "text_key": hashlib.blake2b(norm, digest_size=16).hexdigest(),
        "signature": base64.b64encode(sig.astype("<u4").tobytes()).decode(),
        "shingles": int(size),
        "params": sig_params(),
    }


def _fingerprint_values(fp: Any) -> tuple[bytes, bytes, int, str]:
    """``fp`` (:func:`fingerprint`, or a takedowns.jsonl entry's ``recognise``) as the index
    keeps it (``takedown_keys``: text_key, sig, shingles, params). One that is no such
    object (a text key or signature that is no string of hex or base64, a signature of
    another length than :data:`SIG_PERM` hashes) raises KeyError, TypeError or ValueError:
    index rebuild stored the signature of a number in the log (``str(12345678)``, 6 bytes),
    and every later run stopped, its dedup stage's matcher unable to use it; verify stopped
    on a signature of another length (s30)."""
    sig = base64.b64decode(fp["signature"])
    if len(sig) != 4 * SIG_PERM:
        raise ValueError(f"a signature of {len(sig)} bytes, not {4 * SIG_PERM}")
    return (bytes.fromhex(fp["text_key"]), sig, int(fp["shingles"]), str(fp["params"]))


def store_fingerprint(db: Any, doc_id: str, fp: dict[str, Any]) -> None:
    """``fp`` (:func:`fingerprint`, or a takedowns.jsonl entry's ``recognise``) of the
    document ``doc_id`` into the index's ``takedown_keys``."""
    db.execute(
        "INSERT OR REPLACE INTO takedown_keys (id, text_key, sig, shingles, params)"
        " VALUES (?, ?, ?, ?, ?)",
        (doc_id, *_fingerprint_values(fp)),
    )


#: The index's takedowns as :class:`TakedownMatcher` rows (see :func:`_takedown_row`)
_TAKEDOWN_ROWS = (
    "SELECT t.id, t.at, t.uri, k.text_key, k.sig, k.shingles, k.params"
    " FROM takedowns t LEFT JOIN takedown_keys k ON k.id = t.id"
)


def _takedown_row(doc_id: str, at: str, uri: str, fp: Any) -> tuple[Any, ...]:
    """A takedown as a :class:`TakedownMatcher` row: its id, time and address, and its
    fingerprint ``fp`` as the index keeps it (:func:`_fingerprint_values`); without a text
    key or signature where ``fp`` is None or unreadable."""
    try:
        return (doc_id, at, uri, *_fingerprint_values(fp))
    except (KeyError, TypeError, ValueError):
        return (doc_id, at, uri, None, None, 0, "")


class TakedownMatcher:
    """The takedowns of an index, to recognise a later document as one of them: by its
    address (``url``), the key of its normalised text (``text``) or a near signature
    (``near``: :data:`NEAR` or more, either way) or a similar one (``similar``:
    :data:`SIMILAR` or more). A ``text`` or ``near`` match is refused (``taken_down``); an
    address alone (a page there whose text is neither) or a ``similar`` text is flagged."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        import numpy as np

        self.ids = [str(r[0]) for r in rows]
        self.ats = [str(r[1]) for r in rows]
        self.uris = [str(r[2] or "") for r in rows]
        # (by the canonical key of the address, as dedup matches a page's versions: a page
        # taken down and fetched again at ...?utm_source=rss was not flagged; s32 acc-read #7)
        self.by_uri = {
            k: i for i, u in reversed(list(enumerate(self.uris))) if (k := page_key(u)) is not None
        }
        self.by_key: dict[bytes, int] = {}  # (the first takedown of a text)
        for i, r in enumerate(rows):
            if r[3] is not None:
                self.by_key.setdefault(bytes(r[3]), i)
        with_sig = [i for i, r in enumerate(rows) if r[4] is not None]
        self.sig_rows = np.array(with_sig, dtype=np.int64)
        self.sig_params = [str(rows[i][6]) for i in with_sig]
        self.sigs = (
            np.frombuffer(b"".join(bytes(rows[i][4]) for i in with_sig), dtype="<u4").reshape(
                len(with_sig), -1
            )
            if with_sig
            else np.zeros((0, SIG_PERM), dtype="<u4")
        )
        self.sizes = np.array([int(rows[i][5]) for i in with_sig], dtype=np.float64)
        #: (the signatures made with a hashing's params, and their shingle counts at least 1)
        self._alike: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    @classmethod
    def load(cls, db: Any) -> TakedownMatcher | None:
        """The takedowns of the index open in ``db``, or None when there are none."""
        try:
            rows = db.execute(_TAKEDOWN_ROWS + " ORDER BY t.at").fetchall()
        except Exception:  # (an index of a release before takedowns or their keys)
            return None
        return cls(rows) if rows else None

    def match(
        self, uri: str, keys: list[bytes], sig: np.ndarray | None, size: int, params: str
    ) -> dict[str, Any] | None:
        """How a document (its address, exact keys, signature and shingle count as the
        dedup stage computes them, with that stage's hashing ``params``) matches a
        takedown: ``{"of", "taken_down_at", "match", "same_address"[, "similarity"]}``,
        the strongest match, or None."""
        import numpy as np

        at: int | None = next((self.by_key[k] for k in keys if k in self.by_key), None)
        kind: str | None = "text" if at is not None else None
        sim: float | None = None
        if at is None and sig is not None and len(self.sig_rows):
            if params not in self._alike:  # (once per hashing, not per document)
                same = np.array([p == params for p in self.sig_params])
                self._alike[params] = (same, np.maximum(self.sizes, 1.0))
            same, b = self._alike[params]
            if same.any() and len(sig) == self.sigs.shape[1]:
                j = (self.sigs == np.asarray(sig, dtype="<u4")).mean(axis=1)
                a = float(max(size, 1))
                inter = j * (a + b) / (1 + j)
                sims = np.where(np.minimum(a, b) >= 20, np.maximum(inter / a, inter / b), j).clip(
                    0, 1
                )
                sims[~same] = 0
                best = int(np.argmax(sims))
                if sims[best] >= SIMILAR:
                    at, sim = int(self.sig_rows[best]), float(sims[best])
                    kind = "near" if sim >= NEAR else "similar"
        key = page_key(uri)
        if kind in (None, "similar") and key is not None and key in self.by_uri:
            if at != self.by_uri[key]:
                sim = None
            at, kind = self.by_uri[key], "url"
        if at is None or kind is None:
            return None
        detail: dict[str, Any] = {
            "of": self.ids[at],
            "taken_down_at": self.ats[at],
            "match": kind,
            "same_address": key is not None and key == page_key(self.uris[at]),
        }
        if sim is not None:
            detail["similarity"] = round(sim, 4)
        return detail


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


def _revisit_at(path: Path, offset: int) -> tuple[str | None, int, str | None]:
    """The WARC-Refers-To of the revisit record at ``offset`` of ``path``, its end, and its
    WARC-Warcinfo-ID (its withdrawal record names its own file's warcinfo, not the one of
    the file that holds the capture it refers to)."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        stream.seek(offset)
        it = ArchiveIterator(stream)
        for record in it:
            refers = record.rec_headers.get_header("WARC-Refers-To")
            info = record.rec_headers.get_header("WARC-Warcinfo-ID")
            kind = record.rec_type
            it.read_to_end()
            end = it.get_record_offset() + it.get_record_length()  # (of the file)
            return (refers if kind == "revisit" else None), end, info
    return None, offset, None


def _find_in_warcs(
    out: Path, ids: set[str]
) -> tuple[dict[str, dict[str, Any]], dict[str, list[tuple[str, int]]]]:
    """The documents ``ids`` that the WARC files of ``out`` hold though ``records.jsonl``
    does not (a WARC file restored from a backup made before their takedown): each one's
    record, from its metadata record (its ``archive`` naming the file it was found in), and
    the revisit records (file, offset) that refer to its raw record."""
    from warcio.archiveiterator import ArchiveIterator

    found: dict[str, dict[str, Any]] = {}
    revisits: dict[str, list[tuple[str, int]]] = {}  # by the raw record id they refer to
    for path in sorted((out / "warc").glob("*.warc*")):
        name = path.relative_to(out).as_posix()
        with contextlib.suppress(Exception), open(path, "rb") as stream:
            it = ArchiveIterator(stream)
            for record in it:
                h = record.rec_headers
                if record.rec_type == "revisit":
                    refers = h.get_header("WARC-Refers-To")
                    if refers:
                        revisits.setdefault(refers, []).append((name, it.get_record_offset()))
                elif record.rec_type == "metadata" and h.get_header("WARC-Refers-To"):
                    data = record.content_stream().read()
                    m = _ID_FIRST.match(data)
                    if m is None or m.group(1).decode() not in ids:
                        continue
                    with contextlib.suppress(ValueError):
                        rec = json.loads(data)
                        arch = rec.get("archive") if isinstance(rec, dict) else None
                        if isinstance(arch, dict):
                            rec["archive"] = {**arch, "warc": name}
                            found[str(rec["id"])] = rec
    by_doc = {
        doc_id: revisits.get(str(rec["archive"].get("raw_record_id")), [])
        for doc_id, rec in found.items()
    }
    return found, by_doc


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
    with_related: bool = False,
    registry: Any = None,
) -> list[dict[str, Any]]:
    """Take the documents ``ids`` out of the archive in ``out`` (see the module docstring);
    returns the takedown entries written. ``with_related``: and the documents
    :func:`find_related` marks to include. ``registry``: the plugins' sinks, asked to take
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
        scanned = _scan_records(records, set(wanted))
        if with_related:
            extra = [r["id"] for r in find_related(records, scanned.found) if r["include"]]
            if extra:
                wanted = list(dict.fromkeys(wanted + extra))
                scanned = _scan_records(records, set(wanted))
        found, cut, in_records, naming = scanned
        if not index.is_file():
            raise ConfigError(f"the index {index} is not there (--index names another)")
        in_warc: dict[str, list[tuple[str, int]]] = {}
        if unlisted := {i for i in wanted if i not in found}:
            # not in records.jsonl: a WARC file restored from a backup may hold it (verify
            # names it "in the archive again")
            more, in_warc = _find_in_warcs(out, unlisted)
            found.update(more)
        done = _taken_down_at(index, [i for i in wanted if i not in found])
        if missing := [i for i in wanted if i not in found and i not in done]:
            raise ConfigError(
                f"not in {records} nor in a WARC file of {out}: {', '.join(missing)} (a"
                " document id is the record's \"id\": docs/archive.md, 'Taking a document"
                " out'; nothing was taken down)"
            )
        for doc_id, when in done.items():
            if err is not None:
                print(
                    f"corearchive: {doc_id} was taken down at {when}, and nothing of it is"
                    " in the archive: nothing more to do",
                    file=err,
                )
        wanted = [i for i in wanted if i in found]
        if not wanted:
            give_up_plan(out, err)
            return []
        # (the lines that name a document taken down, and are none themselves; those named
        # an id not found, or taken down before, have no line of theirs)
        taking = set(wanted)
        naming = [
            n for n in naming if n[2]["duplicate"]["of"] in taking and n[2].get("id") not in taking
        ]
        catalog = Catalog(index, timeout=timeout)
        commit = Commit(out, tid)
        try:
            entries, by_file = _plan(out, catalog, found, wanted, reason, at, in_warc)
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
            # records.jsonl without the lines, and those that named them pointing elsewhere
            relinked = _relink(catalog.db, naming, entries)
            tmp = temp_name(records, tid)
            temps.append(tmp)
            parts = sorted([(o, o + n, b"") for o, n in cut] + relinked)
            _copy_replacing(records, tmp, parts)
            ops.append(_Op(tmp, records, None))
            # the run manifests that name a withdrawn document's input (its file's path, or
            # its address, in `inputs` and on the recorded command line): named no more;
            # and whose records.jsonl span the cut lines moved: where their lines are now
            edits = [(a, b, len(ln)) for a, b, ln in parts]
            for final, data, count in _rewritten_manifests(out, entries, tid, edits):
                tmp = temp_name(final, tid)
                temps.append(tmp)
                _fsynced(tmp, iter([data]))
                # (its time kept: runs of one second are ordered by their manifests' times,
                # catalog.run_manifests)
                was = final.stat()
                os.utime(tmp, ns=(was.st_atime_ns, was.st_mtime_ns))
                ops.append(_Op(tmp, final, None))
                if count:
                    entries[0].setdefault("redacted", {})[final.relative_to(out).as_posix()] = count
            last = run_manifests(out)  # (as the next run reads them: _warn_cut_files)
            for e in entries:
                e["in_records"] = e["id"] in in_records
                e["after_run"] = last[-1].stem if last else None
                e["takedown_run"] = tid  # (its row in the index's runs: what came after)
            entries[0]["cut"] = {"records.jsonl": sum(b - a - k for a, b, k in edits)}
            # (the runs' spans say where their lines are after this cut: removed_bytes)
            entries[0]["spans_moved"] = True
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
        give_up_plan(out, err)
        drop_index_copies(index, err)
    return entries


def index_copies(index: Path) -> list[Path]:
    """The copies of ``index`` that ``index rebuild`` (``.before-rebuild``) and ``index
    upgrade`` (``.vN``) keep beside it: an index as it was, with the rows, addresses and
    signatures of documents taken down since."""
    return sorted(
        p
        for p in index.parent.glob(index.name + ".*")
        if p.is_file()
        and (p.name.endswith(".before-rebuild") or re.fullmatch(r"v\d+", p.suffix[1:] or ""))
    )


def drop_index_copies(index: Path, err: TextIO | None) -> None:
    """Delete :func:`index_copies` after a takedown (s29 acc-erasure LOW-3: the one a
    rebuild kept held the document's rows, address and signature; restored as the index,
    it knew no takedown)."""
    for copy in index_copies(index):
        copy.unlink(missing_ok=True)
        if err is not None:
            print(
                f"corearchive: removed {copy}, a copy of the index as it was before an"
                " `index rebuild` or `index upgrade`: it held the documents taken down",
                file=err,
            )


def unfinished_plan(out: Path) -> Path | None:
    """``OUT/.plan`` when it holds an unfinished staged plan's task files (documents'
    text: ``docs.pkl``), else None (a finished plan leaves ``plan.json`` and
    ``final.done`` only)."""
    from .plan import _FINISHED

    work = out / ".plan"
    if not work.is_dir() or {e.name for e in work.iterdir()} <= _FINISHED:
        return None
    return work


def give_up_plan(out: Path, err: TextIO | None) -> None:
    """Remove an unfinished staged plan's work folder (:func:`unfinished_plan`): killed, it
    kept the text of the documents it had read, taken down or not (s29 acc-erasure
    MEDIUM-2). Called with the folder's lock held, so no run is using it."""
    import shutil

    work = unfinished_plan(out)
    if work is None:
        return
    shutil.rmtree(work)
    if err is not None:
        print(
            f"corearchive: removed {work}, the work folder of an unfinished staged plan"
            " (--plan staged): its task files held the text of the documents it had read."
            " Run that ingest again to archive the others (documents taken down are"
            " refused)",
            file=err,
        )


def _relink(
    db: Any, naming: list[tuple[int, bytes, dict[str, Any]]], entries: list[dict[str, Any]]
) -> list[tuple[int, int, bytes]]:
    """The records.jsonl lines of ``naming`` (offset, line, record) rewritten: each names a
    document taken down as the one it duplicates or revises (``duplicate.of``), and names
    now the root of its cluster in the dedup index as the takedown left it (its first kept
    member: what a later copy is named a duplicate of) when that is another archived
    document, else none; its similarity was to the document withdrawn, and goes (s28
    integration tester L2: a kept revision pointed at a withdrawn id). Each change is noted in
    its takedown entry (``relinked``: id -> the ``of`` and ``similarity`` before), by which
    verify matches the line with its metadata record, which keeps the line as archived.
    Returns ``(start, end, new line)`` for :func:`_copy_replacing`."""
    has_dedup = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'dedup_docs'").fetchone()
    entry_of = {e["id"]: e for e in entries}
    out: list[tuple[int, int, bytes]] = []
    for offset, line, rec in naming:
        dup = rec["duplicate"]
        root = None
        if has_dedup:
            row = db.execute("SELECT root FROM dedup_docs WHERE id = ?", (rec["id"],)).fetchone()
            if (
                row is not None
                and row[0] != rec["id"]
                and db.execute("SELECT 1 FROM documents WHERE id = ?", (row[0],)).fetchone()
            ):
                root = row[0]
        entry_of[dup["of"]].setdefault("relinked", {})[rec["id"]] = {
            "of": dup["of"],
            "similarity": dup.get("similarity"),
        }
        new = {"status": dup.get("status"), "of": root, "similarity": None}
        m = _DUPLICATE.search(line)
        got = (
            line[: m.start()] + b'"duplicate":' + _json_bytes(new) + line[m.end() :] if m else line
        )
        if got == line:  # (written by another JSON tool: the line parsed and written again)
            got = _json_bytes({**rec, "duplicate": {**dup, **new}}) + b"\n"
        out.append((offset, offset + len(line), got))
    return out


#: the ``duplicate`` object of a records.jsonl line (flat: status, of, similarity)
_DUPLICATE = re.compile(rb'"duplicate"\s*:\s*\{[^{}]*\}')


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def relinked_records(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The records takedowns pointed elsewhere (see :func:`_relink`): id -> the
    ``duplicate.of`` and ``similarity`` its line had (the first takedown's: as archived)."""
    got: dict[str, dict[str, Any]] = {}
    for e in entries:
        for rid, was in (e.get("relinked") or {}).items():
            if isinstance(was, dict):
                got.setdefault(rid, was)
    return got


class _Scanned(NamedTuple):
    """What one pass over records.jsonl (:func:`_scan_records`) finds of some documents."""

    #: id -> its record (the line with an archive link, else the first)
    found: dict[str, dict[str, Any]]
    #: (offset, length) of their lines (the lines that go)
    cut: list[tuple[int, int]]
    #: the ids that have a line
    in_records: set[str]
    #: (offset, line, record) of the lines of other documents that name one of them as the
    #: one they duplicate or revise (``duplicate.of``): :func:`_relink` points them elsewhere
    naming: list[tuple[int, bytes, dict[str, Any]]]


def _scan_records(records: Path, targets: set[str]) -> _Scanned:
    """The lines of ``targets`` in ``records`` (records.jsonl) and the lines that name one,
    in one pass (remove read the file for each, and again for the related documents' lines:
    up to four times)."""
    found: dict[str, dict[str, Any]] = {}
    cut: list[tuple[int, int]] = []
    in_records: set[str] = set()
    naming: list[tuple[int, bytes, dict[str, Any]]] = []
    marks = [t.encode() for t in targets]
    for _, offset, line in _lines(records):
        # a record starts with its id (build_record); another JSON tool's line is parsed
        m = _ID_FIRST.match(line)
        if m is not None:
            hit: str | None = m.group(1).decode()
        else:
            try:
                hit = str(json.loads(line).get("id"))
            except (ValueError, AttributeError):
                hit = None
        names = any(t in line for t in marks)
        if hit not in targets and not names:
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if hit in targets and isinstance(rec, dict) and rec.get("id") == hit:
            cut.append((offset, len(line)))
            in_records.add(hit)
            if isinstance(rec.get("archive"), dict) or hit not in found:
                found[hit] = rec
        dup = rec.get("duplicate") if names and isinstance(rec, dict) else None
        if isinstance(dup, dict) and dup.get("of") in targets and rec.get("id") not in targets:
            naming.append((offset, line, rec))
    return _Scanned(found, cut, in_records, naming)


#: Documents matched at a time by :func:`_text_matcher`'s callers (their texts held meanwhile)
_MATCH_BATCH = 256


def _text_matcher(
    matcher: TakedownMatcher,
) -> Callable[[Sequence[tuple[str, str]]], list[dict[str, Any] | None]]:
    """``match(docs)``: how each document ``(uri, text)`` of ``docs`` matches a takedown of
    ``matcher`` (its text's key and signature as the dedup stage computes them). The
    signatures of the texts are made together, in groups of text as the dedup stage makes
    a batch's (one numpy pass a group, not one a text: a text's pass cost ~0.25 ms of
    fixed work), and only where the matcher reads them: not for a text whose key is a
    takedown's, nor when no takedown has a signature."""
    dedup = _dedup()
    hasher = dedup.MinHasher(SIG_PERM, SIG_SHINGLE)
    params = sig_params()

    def match(docs: Sequence[tuple[str, str]]) -> list[dict[str, Any] | None]:
        norms = [dedup.normalize_bytes(text) for _, text in docs]
        keys = [hashlib.blake2b(norm, digest_size=16).digest() for norm in norms]
        sigs: list[Any] = [None] * len(docs)
        sizes = [0] * len(docs)
        if len(matcher.sig_rows):
            todo = [i for i, k in enumerate(keys) if k not in matcher.by_key]
            if todo:
                sig, size = dedup.grouped_signatures(
                    hasher, [dedup.hashed_part(norms[i]) for i in todo]
                )
                for i, row, n in zip(todo, sig, size.tolist(), strict=True):
                    sigs[i], sizes[i] = row, int(n)
        return [
            matcher.match(uri, [key], sig, size, params)
            for (uri, _), key, sig, size in zip(docs, keys, sigs, sizes, strict=True)
        ]

    return match


def find_related(records: Path, found: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The other records of ``records`` (records.jsonl) related to the documents ``found``
    (id: record): a revision or copy that names one (``duplicate.of``,
    ``annotations.dedup.copy_of``), the same text or a near one (``text``, ``near``, as a
    later run refuses), a ``similar`` text, one at the same address (``url``). Each:
    ``{id, uri, title, of, how, include}``; ``include`` (what ``--with-related`` takes
    down too): named by one, or its text the same or near."""
    from .verify import _records

    rows = []
    for doc_id, target in found.items():
        src = target.get("source") if isinstance(target.get("source"), dict) else {}
        text = target.get("text")
        fp = fingerprint(text) if isinstance(text, str) and text.strip() else None
        rows.append(_takedown_row(doc_id, "", str((src or {}).get("uri") or ""), fp))
    if not rows:
        return []
    match = _text_matcher(TakedownMatcher(rows))
    others = (r for _, r in _records(records) if isinstance(r, dict) and r.get("id") not in found)
    out: list[dict[str, Any]] = []
    while batch := list(itertools.islice(others, _MATCH_BATCH)):
        out += _related_of(batch, found, match)
    return out


def _uri_of(rec: dict[str, Any]) -> str:
    """A record's ``source.uri`` ("" without one)."""
    source = rec.get("source")
    return str(source.get("uri") or "") if isinstance(source, dict) else ""


def _related_of(
    batch: list[dict[str, Any]],
    found: dict[str, dict[str, Any]],
    match: Callable[[Sequence[tuple[str, str]]], list[dict[str, Any] | None]],
) -> list[dict[str, Any]]:
    """:func:`find_related` of the records ``batch`` (their texts matched together)."""
    texts = [(_uri_of(rec), rec["text"]) for rec in batch if isinstance(rec.get("text"), str)]
    matched = iter(match(texts))
    out: list[dict[str, Any]] = []
    for rec in batch:
        how: list[str] = []
        of: str | None = None
        dup: dict[str, Any] = rec["duplicate"] if isinstance(rec.get("duplicate"), dict) else {}
        named = False  # (by duplicate.of or copy_of)
        if dup.get("of") in found:
            of, named = str(dup["of"]), True
            how.append(f"{dup.get('status')} of it (duplicate.of)")
        ann = rec.get("annotations")
        dd = ann.get("dedup") if isinstance(ann, dict) else None
        if isinstance(dd, dict) and dd.get("copy_of") in found:
            of, named = str(dd["copy_of"]), True
            how.append("a copy of it (annotations.dedup.copy_of)")
        uri = _uri_of(rec)
        m = next(matched) if isinstance(rec.get("text"), str) else None
        if m is not None:
            of = of or str(m["of"])
            words = {
                "text": "the same text",
                "near": "a text near it",
                "similar": "a text like it",
                "url": "at its address",
            }
            sim = f" (similarity {m['similarity']})" if "similarity" in m else ""
            where = ", at its address" if m["same_address"] and m["match"] != "url" else ""
            how.append(words[str(m["match"])] + sim + where)
        if not how:
            continue
        include = named or (m is not None and m["match"] in ("text", "near"))
        out.append(
            {
                "id": rec.get("id"),
                "uri": uri,
                "title": rec.get("title"),
                "of": of,
                "how": how,
                "include": include,
            }
        )
    return out


def preview(
    out: Path, ids: list[str], index: Path | None = None, with_related: bool = False
) -> dict[str, Any]:
    """What ``corearchive remove OUT IDS`` would do, changing nothing: the documents found
    (``found``: id -> record, in records.jsonl or a WARC file), those taken down already
    (``done``: id -> time), those found nowhere (``missing``), and the related documents
    (:func:`find_related`; with ``with_related`` those included are added to ``found``)."""
    wanted = list(dict.fromkeys(ids))
    records = out / "records.jsonl"
    found: dict[str, dict[str, Any]] = {}
    if records.is_file():
        found = _scan_records(records, set(wanted)).found
    if unlisted := {i for i in wanted if i not in found}:
        found.update(_find_in_warcs(out, unlisted)[0])
    related = find_related(records, found) if records.is_file() else []
    if with_related:
        extra = {str(r["id"]) for r in related if r["include"]}
        if extra:
            more = _scan_records(records, extra).found
            found.update(more)
    done = _taken_down_at(index or out / "index.sqlite", [i for i in wanted if i not in found])
    return {
        "found": found,
        "done": done,
        "missing": [i for i in wanted if i not in found and i not in done],
        "related": related,
    }


def _plan(
    out: Path,
    catalog: Catalog,
    found: dict[str, dict[str, Any]],
    wanted: list[str],
    reason: str,
    at: str,
    in_warc: dict[str, list[tuple[str, int]]] | None = None,
) -> tuple[list[dict[str, Any]], dict[str, list[tuple[int, int, bytes]]]]:
    """The takedown entries and, per WARC file, the byte ranges to overwrite with their
    withdrawal records; the index's changes made (in the catalog's transaction).
    ``in_warc``: the documents found in a WARC file only (:func:`_find_in_warcs`), with
    the revisit records that refer to them."""
    in_warc = in_warc or {}
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
        before = db.execute("SELECT at FROM takedowns WHERE id = ?", (doc_id,)).fetchone()
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
        if before is not None:
            entry["again"] = before[0]  # (taken down before: found again, in a WARC file or line)
        arch = rec.get("archive")
        if isinstance(arch, dict) and before is not None and _withdrawn_at(out, arch, doc_id):
            arch = None  # (its records.jsonl line came back, its WARC records did not)
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
            for w, o in in_warc.get(doc_id, []):
                # the revisit records of its copies in a WARC file restored with it
                refers, r_end, info = _revisit_at(out / w, o)
                if refers == raw_id:
                    by_file.setdefault(w, []).append(
                        (o, r_end, withdrawal_member(doc_id, at, info, r_end - o))
                    )
                    entry["warc"].setdefault(w, {})
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
                    refers, r_end, info = _revisit_at(out / w, o)
                    if refers != raw_id or any(p[0] == o for p in by_file.get(w, [])):
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
                        (o, r_end, withdrawal_member(doc_id, at, info, r_end - o))
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
        text = rec.get("text")
        if isinstance(text, str) and text.strip():
            # (a later run refuses its text, or one near it, under any address)
            entry["recognise"] = fingerprint(text)
            store_fingerprint(db, doc_id, entry["recognise"])
        entries.append(entry)
    return entries, by_file


def redaction_mark(tid: str) -> str:
    """What stands in a run manifest for an input path or address a takedown withdrew."""
    return f"[taken down: {tid}]"


def _input_names(value: str, cwd: str | None) -> set[str]:
    """The addresses a manifest's input ``value`` stands for: itself, and for a path its
    ``file://`` URI (relative to the run's working folder ``cwd``), as a source gives it."""
    names = {value}
    if "://" in value:
        return names
    with contextlib.suppress(OSError, ValueError, RuntimeError):
        path = Path(value)
        if not path.is_absolute():
            if not cwd:
                return names
            path = Path(cwd) / path
        names.add(Path(os.path.normpath(path)).as_uri())
        names.add(path.resolve().as_uri())
    return names


def _names_one(value: str, cwd: str | None, uris: set[str]) -> bool:
    """Whether the manifest's input ``value`` is the file or address of one of ``uris``;
    a relative path of a run that recorded no working folder (``output.provenance =
    "minimal"``) by the end of the file's path."""
    if _input_names(value, cwd) & uris:
        return True
    if cwd or "://" in value or Path(value).is_absolute():
        return False
    rel = Path(os.path.normpath(value)).as_posix()
    if rel.startswith("..") or rel == ".":
        return False
    end = Path("/" + rel).as_uri().removeprefix("file://")  # (percent-escaped as a URI)
    return any(u.startswith("file://") and u.endswith(end) for u in uris)


def moved_span(offset: int, size: int, edits: Sequence[tuple[int, int, int]]) -> tuple[int, int]:
    """Where a span of ``size`` bytes at ``offset`` of a file is after ``edits`` (start, end,
    length of what replaced it; whole lines, sorted): the bytes removed before it move it
    back, those removed inside it make it shorter."""
    before = inside = 0
    for start, end, new in edits:
        if end <= offset:
            before += end - start - new
        elif start < offset + size:
            inside += end - start - new
    return offset - before, size - inside


def _rewritten_manifests(
    out: Path, entries: list[dict[str, Any]], tid: str, edits: list[tuple[int, int, int]]
) -> list[tuple[Path, bytes, int]]:
    """The run manifests (``runs/*.json``, ``run.json``) that a takedown changes: (manifest,
    its new bytes, how many input items it redacted).

    * Those that list the input of a document taken down (``entries``' ``uri``: a file given
      by its path, or an address) in their ``inputs`` or ``command.argv`` have those items
      replaced by :func:`redaction_mark`. A file holding many documents (a shard, a WARC
      file) names none of them and is kept; a document's own address in its record is gone
      with the record. verify does not compare these fields with the WARC files' warcinfo
      records (they hold neither).
    * Those whose ``appended`` span of ``records.jsonl`` the ``edits`` to it move
      (:func:`moved_span`) say where their run's lines are now: a loader reading a run's
      lines by its span read a later run's from the middle of a line after a takedown
      (s43 acc-index #1)."""
    uris = {str(e["uri"]) for e in entries if e.get("uri")}
    folder = out / "runs"
    paths = [*(sorted(folder.glob("*.json")) if folder.is_dir() else []), out / "run.json"]
    mark = redaction_mark(tid)
    changed: list[tuple[Path, bytes, int]] = []
    for path in paths:
        try:
            m = json.loads(path.read_bytes())
        except (OSError, ValueError, RecursionError):
            continue
        if not isinstance(m, dict):
            continue
        count = 0
        if uris and isinstance(m.get("inputs"), list):
            got = m.get("command")
            command: dict[str, Any] = got if isinstance(got, dict) else {}
            cwd = command.get("cwd") if isinstance(command.get("cwd"), str) else None
            named = {i for i in m["inputs"] if isinstance(i, str) and _names_one(i, cwd, uris)}
            if named:
                count = sum(1 for i in m["inputs"] if i in named)
                m["inputs"] = [mark if i in named else i for i in m["inputs"]]
                if isinstance(command.get("argv"), list):
                    count += sum(1 for a in command["argv"] if a in named)
                    command["argv"] = [mark if a in named else a for a in command["argv"]]
        moved = False
        appended = m.get("appended")
        span = appended.get("records.jsonl") if isinstance(appended, dict) else None
        if isinstance(span, dict):
            with contextlib.suppress(KeyError, TypeError, ValueError):
                was = (int(span["offset"]), int(span["bytes"]))
                now = moved_span(*was, edits)
                if now != was:
                    span["offset"], span["bytes"] = now
                    moved = True
        if count or moved:
            data = json.dumps(m, indent=2, ensure_ascii=False).encode() + b"\n"
            changed.append((path, data, count))
    return changed


def _withdrawn_at(out: Path, arch: dict[str, Any], doc_id: str) -> bool:
    """Whether the WARC file ``arch`` names holds, at its offset, the withdrawal record of
    ``doc_id`` (a takedown overwrote its records there)."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(out / str(arch["warc"]), "rb") as stream:
            stream.seek(int(arch["offset"]))
            for record in ArchiveIterator(stream):
                uri = record.rec_headers.get_header("WARC-Target-URI")
                return bool(uri == WITHDRAWN_URI + doc_id)
    except (OSError, KeyError, TypeError, ValueError):
        return False
    return False


def _taken_down_at(index: Path, ids: list[str]) -> dict[str, str]:
    """The time each of ``ids`` that the index lists as taken down was taken down."""
    from .catalog import open_read_only

    if not ids or not index.is_file():
        return {}
    try:
        with contextlib.closing(open_read_only(index, untouched=True)) as con:
            return {
                i: str(row[0])
                for i in ids
                if (row := con.execute("SELECT at FROM takedowns WHERE id = ?", (i,)).fetchone())
            }
    except Exception:
        return {}


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


def apply_takedowns(
    out: Path, runs: dict[str, Any], db: Any, result: Any, entries: list[dict[str, Any]]
) -> None:
    """What verify needs of the takedowns (called once the WARC files are indexed in
    ``db``): the withdrawal records are set aside (each must name a document of
    ``takedowns.jsonl``), each run's count of documents is less those taken down, and a
    WARC file changed by a takedown is checked against the SHA-256 it was left with."""
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
    # every SHA-256 a file has rightly had: its run's, then each takedown's "after" (a
    # file restored from a backup and taken down again starts from an earlier one)
    had = {name: {run.digests[name]} for name, run in owner.items()}
    counted: set[tuple[str, str]] = set()  # (a document taken down twice counts once a run)
    for e in entries:
        run = runs.get(str(e.get("run_id")))
        if run is not None and run.kept is not None and (e["id"], e["run_id"]) not in counted:
            run.kept -= 1
            counted.add((e["id"], e["run_id"]))
        for name, change in (e.get("warc") or {}).items():
            r = owner.get(name)
            if r is not None and isinstance(change, dict) and change.get("before") in had[name]:
                r.digests[name] = str(change.get("after"))
                had[name].add(str(change.get("after")))
    result.notes.append(
        f"{len(known)} document(s) taken down ({TAKEDOWNS}); {len(withdrawn)} withdrawal"
        " record(s) stand in the WARC files where their records were"
    )


def taken_down_drop(doc_id: str, gone: tuple[str, str]) -> Drop:
    """The drop of a document met again after a takedown (``gone``: the takedown's id and
    time, as :meth:`Catalog.taken_down` finds it), by its id or by its raw bytes."""
    how = "id" if gone[0] == doc_id else "raw_bytes"
    return Drop("taken_down", {"of": gone[0], "taken_down_at": gone[1], "match": how})


def removed_bytes(out: Path, name: str, after_run: str) -> int:
    """Bytes of ``name`` (``records.jsonl``) that takedowns made after run ``after_run``
    removed (the file is that much shorter than the run left it), save those of takedowns
    that moved the runs' spans with them (``spans_moved``: the run's span says where it
    ends now; earlier releases' takedowns left the spans as the runs wrote them)."""
    return sum(
        int((e.get("cut") or {}).get(name, 0))
        for e in read_takedowns(out)
        if e.get("after_run") == after_run and not e.get("spans_moved")
    )


#: How the repair line for documents taken down and in the archive again starts
AGAIN_REPAIR = "take the documents named above down again"
#: What other repair lines (restore from a backup) are told then
BACKUP_CAVEAT = (
    " — but never from a backup made before a takedown (takedowns.jsonl, 'at'): it holds"
    " the documents taken down; where the damage is theirs, the first line is the repair"
)


def _again_repair(out: Path, ids: list[str]) -> str:
    return (
        f"{AGAIN_REPAIR}: corearchive remove {out} {' '.join(ids)} --reason 'CASE NUMBER'"
        " (it finds them in records.jsonl or the WARC files). They came back from a backup"
        " made before the takedown (a WARC file, records.jsonl or the index restored), or a"
        " corearchive older than the takedown (before 056fd69) archived them again; do not"
        " go back to such a release after a takedown (docs/archive.md, 'Taking a document"
        " out')"
    )


def order_repairs(result: Any) -> None:
    """When documents taken down are in the archive again, their repair line comes first,
    and the lines that say to restore something from a backup say not to use one made
    before the takedown: such a backup holds them (s29 acc-erasure HIGH-3: two of three
    lines said to restore records.jsonl or the WARC file, which brings them back)."""
    again = [r for r in result.repairs if r.startswith(AGAIN_REPAIR)]
    if not again:
        return
    rest = [
        r + BACKUP_CAVEAT if "backup" in r and BACKUP_CAVEAT not in r else r
        for r in result.repairs
        if r not in again
    ]
    result.repairs[:] = again + rest


def taken_down_again(
    out: Path,
    db: Any,
    result: Any,
    index: Path | None,
    entries: list[dict[str, Any]],
    like: LikeTakenDown | None = None,
) -> None:
    """Every document ``takedowns.jsonl`` (or the folder's index ``index``, its table
    ``takedowns``) lists as taken down is gone: not in ``records.jsonl`` (verify's table
    ``ids``), not in a WARC file (a metadata record of its id or of its raw bytes, in
    ``recs``), and not archived in the index (``documents``). A release from before
    takedowns archived one again, given again, and verify said "intact" (s28 acc-upgrade
    H1). ``like``: the records like a taken-down document, found as verify read them
    (:class:`LikeTakenDown`), reported first."""
    gone: dict[str, tuple[str, str]] = {}
    for e in entries:
        gone[e["id"]] = (str(e.get("sha256") or ""), f"{e.get('at')}: {e.get('reason')}")
    con = _read_index(index)
    if con is not None:
        with contextlib.suppress(Exception):
            for doc_id, sha, at, reason in con.execute(
                "SELECT id, sha256, at, reason FROM takedowns"
            ):
                gone.setdefault(doc_id, (sha, f"{at}: {reason}"))
    try:
        if like is not None:
            like.report(result)
        found: list[tuple[str, str]] = []  # (kind, text) of each
        ids: list[str] = []  # the ids to take down
        for doc_id, (sha, why) in sorted(gone.items()):
            what = f"document {doc_id}, taken down ({why}), is in the archive again"
            row = db.execute("SELECT line FROM ids WHERE id = ?", (doc_id,)).fetchone()
            if row is not None:
                found.append(("records", f"records.jsonl line {row[0]}: {what}"))
                ids.append(doc_id)
            for key, warc, offset in db.execute(
                "SELECT key, warc, offset FROM recs WHERE type = 'metadata'"
                " AND (key = ? OR (src_sha = ? AND src_sha != '')) ORDER BY warc, offset",
                (doc_id, sha),
            ).fetchall():
                same = "" if key == doc_id else f" (its raw bytes, as document {key})"
                found.append(("warc", f"{warc} at {offset}: {what}{same}"))
                ids.append(str(key))
            if con is not None:
                with contextlib.suppress(Exception):
                    if con.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                        assert index is not None
                        found.append(
                            ("index", f"{index.name}: {what} (the index holds it as archived)")
                        )
                        ids.append(doc_id)
        repair = _again_repair(out, list(dict.fromkeys(ids)))
        for kind, text in found:
            result.problem(kind, text, repair)
    finally:
        if con is not None:
            con.close()


def _read_index(index: Path | None) -> Any:
    """A read-only connection to the index ``index``, leaving its folder as it is; None
    where there is no such file or it cannot be opened."""
    if index is None or not index.is_file():
        return None
    from .catalog import open_read_only

    with contextlib.suppress(Exception):
        return open_read_only(index, untouched=True)
    return None


#: What to do about a live record that holds a taken-down document's text
LIKE_REPAIR = (
    "take the documents named above down (corearchive remove OUT ID... --reason ...; first"
    " `corearchive remove OUT ID --dry-run` lists what it would take), or, where one is"
    " rightly archived (another article), re-archive it deliberately with --set"
    " dedup.taken_down='flag' (docs/archive.md, 'Taking a document out')"
)


def _matcher_for_verify(entries: list[dict[str, Any]], con: Any) -> TakedownMatcher | None:
    """The takedowns of ``takedowns.jsonl`` (their ``recognise``) and of the index open in
    ``con`` (its ``takedown_keys``), as a matcher."""
    rows: dict[str, tuple[Any, ...]] = {}
    for e in entries:
        rows[e["id"]] = _takedown_row(
            e["id"], str(e.get("at")), str(e.get("uri") or ""), e.get("recognise")
        )
    if con is not None:
        with contextlib.suppress(Exception):
            for row in con.execute(_TAKEDOWN_ROWS):
                if row[0] not in rows or rows[row[0]][3] is None:
                    rows[row[0]] = tuple(row)
    return TakedownMatcher(list(rows.values())) if rows else None


class LikeTakenDown:
    """Each line of ``records.jsonl`` whose text is a taken-down document's, or near it
    (:class:`TakedownMatcher`): archived after the takedown, and not re-admitted
    deliberately (``annotations.dedup.taken_down``), a problem (it came back: a release
    from before s29 archived recaptures and copies again); else a note.

    Made before verify reads the records (:meth:`open`), given each record as verify
    parses it (:meth:`see`), and reported by :func:`taken_down_again` (verify parsed the
    whole file a third time for it)."""

    def __init__(self, out: Path, entries: list[dict[str, Any]], matcher: TakedownMatcher):
        self.out = out
        self.by_id = {e["id"]: e for e in entries}
        self.match = _text_matcher(matcher)
        #: the index's runs (takedowns among them) in their order
        self.order: dict[str, int] = {}
        #: (line, id, address, match, flagged, run) of each record like a taken-down one
        self.like: list[tuple[int, Any, str, dict[str, Any], bool, str]] = []
        #: the records seen and not yet matched (:meth:`flush`): line, record, address
        self._seen: list[tuple[int, dict[str, Any], str]] = []

    @classmethod
    def open(
        cls, out: Path, index: Path | None, entries: list[dict[str, Any]]
    ) -> LikeTakenDown | None:
        """The check of the takedowns of ``entries`` (takedowns.jsonl's) and of the index
        ``index`` (its ``takedowns`` and ``takedown_keys``), or None when there are none or
        no ``records.jsonl``."""
        if not (out / "records.jsonl").is_file():
            return None
        con = _read_index(index)
        try:
            matcher = _matcher_for_verify(entries, con)
            if matcher is None:
                return None
            check = cls(out, entries, matcher)
            if con is not None:
                with contextlib.suppress(Exception):
                    check.order = {r: n for n, r in con.execute("SELECT rowid, id FROM runs")}
            return check
        finally:
            if con is not None:
                con.close()

    def see(self, n: int, rec: dict[str, Any] | None) -> None:
        """Line ``n`` of ``records.jsonl``, parsed (None: not JSON)."""
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            return
        self._seen.append((n, rec, _uri_of(rec)))
        if len(self._seen) >= _MATCH_BATCH:
            self.flush()

    def flush(self) -> None:
        """The records seen matched, their texts together (:func:`_text_matcher`)."""
        seen, self._seen = self._seen, []
        matched = self.match([(uri, rec["text"]) for _, rec, uri in seen])
        for (n, rec, uri), m in zip(seen, matched, strict=True):
            if m is None or m["of"] == rec.get("id"):
                continue
            ann = rec.get("annotations")
            dd = ann.get("dedup") if isinstance(ann, dict) else None
            flagged = isinstance(dd, dict) and bool(dd.get("taken_down"))
            arch = rec.get("archive") if isinstance(rec.get("archive"), dict) else {}
            run = str((arch or {}).get("run_id") or "")
            self.like.append((n, rec.get("id"), uri, m, flagged, run))

    def report(self, result: Any) -> None:
        """The problems and notes of the records seen."""
        self.flush()
        order, by_id = self.order, self.by_id
        # (the runs' manifests in their order, where the index has not the takedown's run,
        # as after `index rebuild`: run ids of one second compared by their random part put
        # a run before the takedown after it, a problem verify made up)
        position = {p.stem: n for n, p in enumerate(run_manifests(self.out))} if self.like else {}

        def after(run: str, doc_id: str) -> bool:
            """Whether run ``run`` archived after the takedown of ``doc_id``."""
            e = by_id.get(doc_id) or {}
            if run in order and e.get("takedown_run") in order:
                return order[run] > order[str(e["takedown_run"])]
            last = str(e.get("after_run") or "")
            if run in position and last in position:
                return position[run] > position[last]
            return run > last

        noted: dict[str, list[str]] = {}
        for n, doc_id, uri, m, flagged, run in self.like:
            came_back = bool(run) and after(run, m["of"])
            how = m["match"] + (f", similarity {m['similarity']}" if "similarity" in m else "")
            what = (
                f"document {doc_id} ({uri}) is like document {m['of']}, taken down at"
                f" {m['taken_down_at']} (by {how})"
            )
            if m["match"] in ("text", "near") and came_back and not flagged:
                result.problem(
                    "records",
                    f"records.jsonl line {n}: {what}: archived again after it",
                    LIKE_REPAIR,
                )
            else:
                kind = "re-admitted or flagged" if flagged else f"by {m['match']}"
                noted.setdefault(kind, []).append(str(doc_id))
        for kind, ids in sorted(noted.items()):
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            result.notes.append(
                f"{len(ids)} record(s) like a taken-down document ({kind}): {shown}; check"
                " whether they hold what was taken down (`corearchive remove OUT ID --dry-run`"
                " on the taken-down id lists them with their similarity)"
            )


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
