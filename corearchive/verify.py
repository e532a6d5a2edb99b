"""``corearchive verify OUT``: a fixity check of an output folder.

An archive is only as good as the proof that it is intact. This reads every WARC file under
``OUT/warc`` whole, with warcio's digest checks (``WARC-Block-Digest`` and
``WARC-Payload-Digest`` of every record, as ``warcio check`` does), and then every record of
``OUT/records.jsonl`` against the archive: its raw record is where ``archive.warc`` and
``archive.offset`` say, and its conversion record refers to that raw record and holds the
record's ``text``, byte for byte. The WARC ``metadata`` record of a document holds its line of
``records.jsonl`` (compared as JSON values, so a file rewritten by another JSON tool is the
same), and the two are checked against each other both ways: a line edited after archiving
(any field, its archive link removed included), a line repeated, and a line deleted (or the
whole file) are all found; the last only for runs whose manifest (``OUT/runs/RUN.json``,
named by the ``isPartOf`` of a file's ``warcinfo`` record) lists the ``records`` sink.
What does not need records lines is checked too: each run's WARC files are there and hold
as many documents as its manifest says it kept, ``records.jsonl`` holds as many records as
the runs wrote, no record id is used twice, every raw record belongs to a document, a record
cut short is named (warcio leaves its digests unchecked), and a raw record's content is what
its document's ``source.sha256`` says (content rewritten with its WARC digests recomputed).
A run killed as it committed (its journal ``OUT/.commit.RUN.json`` left) is named, and so is
a document the folder's index holds as archived that no WARC file holds (later runs would
skip it as already archived).
A record that cannot be read (damaged gzip data, garbled headers) is named, and the file is
read on from the next record (the next gzip member, or line, that starts one). Bytes after
the last record that form no record, and records without the mandatory WARC fields, are
named. Each WARC file's SHA-256 is the one its run's manifest recorded (``digests``): a
header edited in place, which no record digest covers, is found. A run that a WARC file
names (its ``warcinfo`` record's ``isPartOf``) without a manifest is named: the checks
above that rest on it are not made. Not checked: the manifests
themselves (and WARC headers of files written before manifests had digests). What the
WARC files hold is indexed in a temporary SQLite file, so the check takes the same memory
for any size of archive.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib
import io
import json
import math
import sqlite3
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import orjson
from warcio.bufferedreaders import DecompressingBufferedReader

from .atomic import file_sha256, leftovers, own_folder_link, pending_commits
from .catalog import (
    ARCHIVE_FORMAT,
    FORMAT_FILE,
    folder_format,
    index_format,
    indexed_runs,
    manifest_index,
    open_read_only,
)
from .document import printable
from .errors import ConfigError, ScratchError
from .report import shown
from .sink_takedown import check_sink_takedowns, manifests
from .source import GZIP_MEMBER, next_warc_line, next_warc_member
from .takedown import (
    LikeTakenDown,
    apply_takedowns,
    order_repairs,
    read_takedowns,
    relinked_records,
    taken_down_again,
)

#: How many problems a report lists by default (all are counted; ``--all``,
#: ``--max-problems N`` and ``--json`` list more).
MAX_LISTED = 50


#: What a problem is about: ``warc``, a WARC file or record (unreadable, a digest that
#: fails, a record cut short or of no document, a file missing or changed since its run);
#: ``records``, a line of ``records.jsonl`` against the archive (edited, repeated, deleted,
#: its records not there); ``index``, the index the runs used (unreadable, deleted,
#: replaced, a document it holds as archived not in the archive); ``run``, a run's manifest,
#: counts or unfinished commit.
ProblemKind = Literal["warc", "records", "index", "run"]


@dataclass
class Verification:
    """What ``verify`` found: counts, and the problems (at most ``max_listed`` listed,
    every one when None; all counted, by kind)."""

    warc_files: int = 0
    warc_records: Counter[str] = field(default_factory=Counter)
    records: int = 0
    problems: int = 0
    listed: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)
    #: the kind of each listed problem
    listed_kinds: list[str] = field(default_factory=list)
    #: what is worth knowing and is no damage (a killed run's temporary files)
    notes: list[str] = field(default_factory=list)
    #: the indexes the runs used, as checked (the folder's own, where the folder is now,
    #: or another, by its path), with how many runs used each
    indexes: list[str] = field(default_factory=list)
    max_listed: int | None = MAX_LISTED
    #: how to repair what was found (see :data:`_WARC_REPAIR`, :data:`_INDEX_REPAIR`)
    repairs: list[str] = field(default_factory=list)
    #: the WARC files (as named in OUT) with a damaged or changed record found
    damaged: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return self.problems == 0

    def problem(self, kind: ProblemKind, text: str, repair: str | None = None) -> None:
        # (fit for a terminal, as ingest's error lines: a damaged record's bytes, quoted by
        # warcio, wrote ESC and other controls to it)
        text = _shown(text)
        self.problems += 1
        self.kinds[kind] += 1
        if repair is not None and repair not in self.repairs:
            self.repairs.append(repair)
        if self.max_listed is None or len(self.listed) < self.max_listed:
            self.listed.append(text)
            self.listed_kinds.append(kind)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "warc_files": self.warc_files,
            # (+: without a type whose count is 0, the metadata records of a run whose only
            # documents were taken down, their withdrawal records set aside: s32 docs #9)
            "warc_records": dict(sorted((+self.warc_records).items())),
            "records": self.records,
            "problems": self.problems,
            "by_kind": {k: self.kinds[k] for k in ("warc", "records", "index", "run")},
            "listed": self.listed,
            "listed_details": [
                {"kind": k, "text": t} for k, t in zip(self.listed_kinds, self.listed, strict=True)
            ],
            "notes": self.notes,
            "indexes": self.indexes,
            "repair": self.repairs,
        }

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted((+self.warc_records).items()))
        lines = [
            f"  WARC files      {self.warc_files} ({kinds or 'no records'})",
            f"  records         {self.records}",
            *(f"  {'index' if i == 0 else '':<16}{_shown(x)}" for i, x in enumerate(self.indexes)),
            f"  problems        {self.problems}"
            + (
                " (" + ", ".join(f"{n} {k}" for k, n in sorted(self.kinds.items())) + ")"
                if self.problems
                else ""
            ),
        ]
        lines += [f"    {p}" for p in self.listed]
        if self.problems > len(self.listed):
            lines.append(
                f"    … and {self.problems - len(self.listed)} more (--all lists every one)"
            )
        lines += [f"  to repair: {r}" for r in self.repairs]
        lines += [f"  note: {_shown(n)}" for n in self.notes]
        return "\n".join(lines)


#: What to do when WARC records are lost or damaged (:attr:`Verification.repairs`)
_WARC_REPAIR = (
    "restore the WARC files named above from a backup (`sha256sum FILE` must give the"
    " `digests` entry of its run's manifest, runs/RUN.json), then verify again. Giving the"
    " same inputs again does not bring their documents back: the index holds them as"
    " archived (already_archived). See docs/archive.md, 'Repairing an archive'"
)
#: What to do when a WARC file's SHA-256 is not its manifest's, and nothing in it is damaged
_DIGEST_REPAIR = (
    "compare the WARC files named above with a backup: where the backup's `sha256sum` is the"
    " `digests` entry of the run's manifest, restore the file from it; where the file is the"
    " backup's, byte for byte, restore the manifest (runs/RUN.json, and run.json for the last"
    " run) instead; then verify again. See docs/archive.md, 'Repairing an archive'"
)
#: What to do when records.jsonl lost, changed or repeated lines
_RECORDS_REPAIR = (
    "restore records.jsonl from a backup (each document's line as archived is also in its"
    " WARC metadata record). See docs/archive.md, 'Repairing an archive'"
)
#: What to do when the index the runs used is missing or stale
_INDEX_REPAIR = (
    "restore the index from a backup taken after the last run (an older one does not know"
    " the later runs' documents, and archives them again if given again). See"
    " docs/archive.md, 'Repairing an archive'"
)


def _shown(text: str) -> str:
    """``text`` fit for a terminal: control characters as escapes (``\\x1b``), as in
    ingest's error lines (``report.shown``), and bytes that are not UTF-8 as ``\\xff``."""
    return shown(printable(text))


def _warc_files(out: Path, runs: dict[str, _Run]) -> list[Path]:
    """The WARC files in ``OUT/warc`` and in the folders the runs' manifests name for
    theirs (``sinks.warc.folder``: a run with another folder was reported as archiving
    nothing)."""
    folders = {out / "warc"}
    for run in runs.values():
        for name in run.warcs:
            if not Path(name).is_absolute() and ".." not in Path(name).parts:
                folders.add((out / name).parent)
    return sorted(
        p
        for folder in folders
        if folder.is_dir()
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name.endswith((".warc", ".warc.gz"))
    )


def _scan(path: Path, rel: str, db: sqlite3.Connection, result: Verification) -> None:
    """Every record of one WARC file: digests checked, payload hashed, indexed in ``db`` (a
    ``metadata`` record with the document id it holds, a ``warcinfo`` record with its run).
    A record that cannot be read (damaged gzip data, malformed headers) is named, and the
    file is read on from the next record (the next gzip member, or line, that starts one):
    one damaged record does not hide the intact ones after it."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    start = 0  # where the reading (re)starts
    end = 0  # where the last record read ends
    said = io.StringIO()  # what warcio writes to stderr (see _StrictGzip)
    with open(path, "rb") as stream, contextlib.redirect_stderr(said):
        gzipped = stream.read(len(GZIP_MEMBER)) == GZIP_MEMBER
        while True:
            record = None  # (the record being read: its headers are)
            try:
                stream.seek(start)
                it = ArchiveIterator(stream, check_digests=True)
                it.reader = _StrictGzip(stream)
                # (warcio writes a warning and the stray bytes to stderr when a record is not
                # followed by blank lines: the problems list says it, stdout is --json's)
                it.INC_RECORD = ""
                for record in it:
                    end = _scan_record(path, rel, db, result, it, record)
                    record = None
                    n += 1
            except Exception as exc:  # warcio raises many kinds on damaged files
                if gzipped and not isinstance(exc, zlib.error):
                    # (a member whose first bytes do not decompress, which warcio read as
                    # uncompressed: its message quoted the compressed bytes)
                    exc = _gzip_error(stream, end) or exc
                what = "damaged gzip data" if isinstance(exc, zlib.error) else type(exc).__name__
                cause = " ".join(f"{what}: {exc}".split())
                if len(cause) > 200:
                    cause = cause[:200] + "…"
                if record is not None:  # (its headers were read: its data is damaged)
                    rid = record.rec_headers.get_header("WARC-Record-ID") or "(no id)"
                    cause = f"{record.rec_type or '?'} record {rid}: {cause}"
                after = next_warc_member(stream, end) if gzipped else next_warc_line(stream, end)
                if after is None:
                    result.problem(
                        "warc", f"{rel}: unreadable after {n} records: {cause}", _WARC_REPAIR
                    )
                    rest = b""  # (the rest is that record's)
                    break
                result.problem(
                    "warc",
                    f"{rel} at {end}: a record that cannot be read ({cause}); read on from"
                    f" the next record, at byte {after}",
                    _WARC_REPAIR,
                )
                start = end = after
                continue
            # bytes after the last record that warcio passes over in silence (a gzip
            # member's start, say); an uncompressed file's records end with blank lines
            stream.seek(end)
            rest = stream.read(1 << 16)
            break
    if said.getvalue().strip():
        # (what _StrictGzip does not catch, from another version of warcio, say: named
        # with the file, not left bare on the terminal)
        first = said.getvalue().strip().splitlines()[0]
        result.problem("warc", f"{rel}: warcio reported: {first[:200]}")
    if rest.strip(b"\r\n"):
        size = path.stat().st_size
        result.problem("warc", f"{rel}: {size - end} bytes after the last record are no record")


def _gzip_error(stream: Any, at: int) -> zlib.error | None:
    """zlib's error on the gzip member at ``at`` (its first MB), if it starts one."""
    stream.seek(at)
    data = stream.read(1 << 20)
    if not data.startswith(GZIP_MEMBER):
        return None
    try:
        zlib.decompressobj(31).decompress(data)
    except zlib.error as exc:
        return exc
    return None


class _StrictGzip(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader of a WARC file, except for gzip data that turns out damaged after
    some of it was decompressed: warcio writes zlib's error to stderr (no file, no offset)
    and takes the rest of the file for nothing, so one flipped bit lost every record after
    it (374 of 763 records read, 73 bare lines ``Error -3 while decompressing data:
    incorrect data check``); here the error is raised, and :func:`_scan` names the record
    and reads on from the next gzip member. (A member whose first bytes do not decompress
    is read as uncompressed data, as warcio does: it is then no record, which is named.)"""

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor is not None and data and self.num_block_read:
            out: bytes = self.decompressor.decompress(data)
            return out
        result: bytes = super()._decompress(data)
        return result


def _scan_record(
    path: Path,
    rel: str,
    db: sqlite3.Connection,
    result: Verification,
    it: Any,
    record: Any,
) -> int:
    """One record of :func:`_scan`, read by ``it``: checked and indexed; returns where it
    ends."""
    digest = hashlib.sha256()
    # (the payload as stored, its HTTP encodings not undone: what a document's source.sha256
    # digests)
    content = record.raw_stream
    kept = bytearray()
    keep = record.rec_type in ("metadata", "warcinfo")
    while piece := content.read(1 << 20):
        digest.update(piece)
        if keep and len(kept) < _KEEP_MAX:
            kept += piece
    headers = record.rec_headers
    rid = headers.get_header("WARC-Record-ID") or ""
    it.read_to_end()  # (what the iterator does next: the record's length known)
    offset = it.get_record_offset()  # (of the file: warcio starts from its position)
    end: int = offset + it.get_record_length()
    result.warc_records[record.rec_type or "?"] += 1
    if missing := [h for h in _MANDATORY if not headers.get_header(h)]:
        # (warcio reads any lines after a record as one: "WARC/1.1" appended)
        result.problem("warc", f"{rel} at {offset}: no WARC record (without {', '.join(missing)})")
    if record.digest_checker.passed is False:
        for why in record.digest_checker.problems:
            result.problem("warc", f"{rel} at {offset} ({rid}): {why}")
    elif (
        record.digest_checker.passed is None
        and (block_digest := headers.get_header("WARC-Block-Digest"))
        and (size := (headers.get_header("Content-Length") or "0").strip()) != "0"
    ):
        # warcio checks nothing of a revisit (its block, the HTTP head, is checked here from
        # the file) nor of a record that ends before its length (a record of no length has
        # nothing to check)
        ok = _block_digest_ok(path, offset, end - offset, block_digest, size)
        if ok is None:
            result.problem(
                "warc", f"{rel} at {offset} ({rid}): cut short, its digests unchecked", _WARC_REPAIR
            )
        elif not ok:
            result.problem(
                "warc", f"{rel} at {offset} ({rid}): block digest mismatch", _WARC_REPAIR
            )
    cur = db.execute(
        "INSERT OR IGNORE INTO recs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            rid,
            rel,
            offset,
            record.rec_type,
            headers.get_header("WARC-Refers-To"),
            digest.hexdigest(),
            headers.get_header("WARC-Warcinfo-ID"),
            *_payload_keys(record.rec_type, bytes(kept) if keep else None),
            headers.get_header("WARC-Target-URI"),
        ),
    )
    if cur.rowcount == 0:
        result.problem("warc", f"{rel} at {offset}: record id {rid} is used twice")
    elif record.rec_type == "warcinfo":
        fields = _warc_fields(bytes(kept))
        db.execute(
            "INSERT INTO infos VALUES (?, ?, ?, ?)",
            (rel, fields.get("isPartOf"), headers.get_header("WARC-Date"), json.dumps(fields)),
        )
    return end


def _warc_fields(payload: bytes) -> dict[str, str]:
    """The ``name: value`` lines of a warcinfo record (application/warc-fields)."""
    fields: dict[str, str] = {}
    for line in payload.decode("utf-8", "replace").splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields.setdefault(name.strip(), value.strip())
    return fields


def _block_digest_ok(path: Path, offset: int, length: int, expected: str, size: str) -> bool | None:
    """Whether the block of the record at ``offset`` (``length`` bytes in the file, a gzip
    member in a ``.gz`` file; ``size``, its Content-Length) has the digest ``expected``
    (``sha1:BASE32``, ``sha256:HEX`` ...); None when the record is shorter than its
    Content-Length or the digest's algorithm unknown. For the records warcio does not check
    (revisits)."""
    algo, _, value = expected.strip().partition(":")
    try:
        h = hashlib.new(algo.lower().replace("-", ""))
    except ValueError:
        return None
    with open(path, "rb") as f:
        f.seek(offset)
        data = f.read(length)
    if path.name.endswith(".gz"):
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)
        except zlib.error:
            return False
    _, sep, block = data.partition(b"\r\n\r\n")  # (after the WARC headers)
    if not sep or not size.isdigit() or len(block) < int(size):
        return None
    h.update(block[: int(size)])
    digest = h.digest()
    return value == base64.b32encode(digest).decode() or value.lower() == digest.hex()


#: The fields every WARC record has (WARC 1.1, section 5)
_MANDATORY = ("WARC-Record-ID", "Content-Length", "WARC-Date", "WARC-Type")


#: How much of a metadata or warcinfo payload is read for its document id or run.
_KEEP_MAX = 64 << 20


def _payload_keys(
    rec_type: str, payload: bytes | None
) -> tuple[str | None, str | None, str | None]:
    """A ``metadata`` record's document id, :func:`_canonical` digest and source.sha256; a
    ``warcinfo`` record's run (``isPartOf``)."""
    if payload is None:
        return None, None, None
    if rec_type == "warcinfo":
        for line in payload.decode("utf-8", "replace").splitlines():
            name, _, value = line.partition(":")
            if name.strip() == "isPartOf":
                return value.strip() or None, None, None
        return None, None, None
    try:
        doc = _loads(payload)
    except (ValueError, RecursionError):
        return None, hashlib.sha256(payload).hexdigest(), None
    if not isinstance(doc, dict):
        return None, _canonical(doc), None
    rid, source = doc.get("id"), doc.get("source")
    sha = source.get("sha256") if isinstance(source, dict) else None
    return _str(rid), _canonical(doc), _str(sha)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _canonical(value: Any) -> str:
    """A digest of a JSON value that ignores how it was written (key order, spacing,
    escapes): a records.jsonl rewritten by another JSON tool is the same record."""
    try:
        data = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except (TypeError, orjson.JSONEncodeError):  # (an integer over 64 bits, a lone surrogate)
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        data = text.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def _loads(data: bytes) -> Any:
    """JSON from bytes: orjson (3-4 times faster), or the standard parser for what orjson
    refuses (integers over 64 bits); NaN, Infinity and numbers beyond a double's range are no
    JSON here (orjson would write them as null, so a line with them would match its archived
    copy)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data, parse_constant=_no_constant, parse_float=_finite)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    """A JSON number as a float; one beyond the range of a double (``1e999``) is refused,
    as orjson refuses it (it would be infinity, which orjson writes as null)."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is beyond the range of a number")
    return value


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any] | None]]:
    with open(path, "rb") as f:
        for n, line in enumerate(f, start=1):
            if line.strip():
                try:
                    yield n, _loads(line)
                except (ValueError, RecursionError):  # (a line nested thousands deep)
                    yield n, None


@dataclass
class _Run:
    """What a run's manifest says it wrote: its sinks, how many records (``kept``), its
    WARC files, and the index it used."""

    sinks: list[str]
    kept: int | None
    warcs: list[str]
    #: the index it used, where it is for the folder now (see catalog.manifest_index), and
    #: whether it is the folder's own
    index: Path | None = None
    own_index: bool = False
    #: ``sha256:HEX`` of each WARC file as the run wrote it
    digests: dict[str, str] = field(default_factory=dict)
    #: the WARC file names of its manifest that are no file of OUT (absolute, with "..",
    #: through a link out of it): reported, never opened (s28 security review L1: a hostile
    #: manifest had verify hash /etc/hostname or read /dev/zero)
    outside: list[str] = field(default_factory=list)


def _inside(out: Path, name: str) -> bool:
    """Whether ``name`` (a manifest's, relative to ``out``) is a path inside ``out``."""
    path = Path(name)
    if not name or path.is_absolute() or ".." in path.parts:
        return False
    try:
        if (out / path).resolve().is_relative_to(out.resolve()):
            return True
        # (or inside the folder an own link of warc/ or runs/ leads to: see refuse_links)
        top = out / path.parts[0]
        return own_folder_link(top) and (out / path).resolve().is_relative_to(top.resolve())
    except (OSError, ValueError, RuntimeError):
        return False


def _manifests(out: Path) -> dict[str, _Run]:
    """The runs with a readable manifest in ``OUT/runs`` (or ``OUT/run.json``, the last
    run's)."""
    runs: dict[str, _Run] = {}
    folder = out / "runs"
    for path in [*(sorted(folder.glob("*.json")) if folder.is_dir() else []), out / "run.json"]:
        try:
            m = json.loads(path.read_bytes())
            kept = m.get("counts", {}).get("kept")
            run_id = str(m["run_id"])
            index = manifest_index(m, out, run_id)
            digests = m.get("digests", {})
            warcs = [str(x) for x in m.get("outputs", {}).get("warc", [])]
            runs[run_id] = _Run(
                [str(x) for x in m.get("sinks", [])],
                kept if isinstance(kept, int) else None,
                [name for name in warcs if _inside(out, name)],
                index[0] if index else None,
                index[1] if index else False,
                {str(k): str(d) for k, d in digests.items()} if isinstance(digests, dict) else {},
                [name for name in warcs if not _inside(out, name)],
            )
        except (ValueError, RecursionError, KeyError, TypeError, AttributeError, OSError):
            continue
    return runs


def _note_leftovers(out: Path, result: Verification) -> None:
    """A note of the temporary files runs left in ``out`` (no damage: the next ingest into
    the folder removes a killed run's)."""
    left = list(leftovers(out))
    if not left:
        return
    size = 0
    for path, _ in left:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    runs = ", ".join(sorted({run or "(a copy of standard input)" for _, run in left}))
    result.notes.append(
        f"{len(left)} temporary file(s), {size / 1e6:.1f} MB, of run(s) {runs}: a run in"
        " progress, or one killed (the next ingest into the folder removes a killed run's)"
    )


def verify(out: Path, max_listed: int | None = MAX_LISTED) -> Verification:
    """Check the output folder ``out`` (see the module docstring); list at most
    ``max_listed`` problems (every one: None)."""
    result = Verification(max_listed=max_listed)
    records = out / "records.jsonl"
    runs = _manifests(out)
    warcs = _warc_files(out, runs)
    # (an empty runs/ is what a run killed before its commit leaves: no output; a run
    # killed as it committed leaves its journal, which is named below)
    manifests = (out / "runs").is_dir() and any((out / "runs").glob("*.json"))
    journals = pending_commits(out)
    _note_leftovers(out, result)
    if not (warcs or records.exists() or (out / "run.json").exists() or manifests or journals):
        result.problem(
            "run", f"{out}: no corearchive output here (no run.json, records.jsonl or warc/)"
        )
        return result
    for journal in journals:
        result.problem(
            "run",
            f"{journal.name}: a run (an ingest, or a remove) was killed as it committed;"
            f" finish it: `corearchive index upgrade {out}` (it finishes the commit first,"
            " and with an index up to date does nothing else), or the same command again;"
            " any command that writes the folder finishes or undoes it, or says what stands"
            " in the way",
        )
    try:
        scratch = tempfile.TemporaryDirectory(prefix="corearchive-verify-")
    except OSError as exc:
        # (a traceback and exit 1, "not intact", when /tmp, /var/tmp and the working folder
        # were full; s30 storage F5)
        raise ScratchError(
            f"cannot make a temporary folder to check {out} in ({exc.strerror or exc}):"
            " set TMPDIR to a folder on a disk with room (about 1.7 KB a document)"
        ) from exc
    with scratch as tmp:
        db = sqlite3.connect(Path(tmp) / "recs.sqlite")
        db.execute(
            "CREATE TABLE recs (id TEXT PRIMARY KEY, warc TEXT, offset INTEGER, type TEXT,"
            " refers_to TEXT, sha256 TEXT, warcinfo TEXT, key TEXT, canon TEXT, src_sha TEXT,"
            " uri TEXT)"
        )
        # the warcinfo records: their file, run (isPartOf), WARC-Date and fields (JSON)
        db.execute("CREATE TABLE infos (warc TEXT, run TEXT, date TEXT, fields TEXT)")
        # the metadata records a records line has been matched to, and by which line
        db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, line INTEGER)")
        # the document ids of records.jsonl, and the line of each (an id is one document)
        db.execute("CREATE TABLE ids (id TEXT PRIMARY KEY, line INTEGER)")
        for path in warcs:
            result.warc_files += 1
            before = result.problems
            _scan(path, path.relative_to(out).as_posix(), db, result)
            if result.problems > before:
                result.damaged.add(path.relative_to(out).as_posix())
        db.execute("CREATE INDEX meta_canon ON recs (canon) WHERE type = 'metadata'")
        db.execute("CREATE INDEX refs ON recs (refers_to)")
        db.execute("CREATE INDEX meta_key ON recs (key) WHERE type = 'metadata'")
        db.commit()
        # documents taken out (corearchive remove): their withdrawal records, counts, digests
        # (takedowns.jsonl, read once: every check of takedowns below works on it)
        takedowns = read_takedowns(out)
        apply_takedowns(out, runs, db, result, takedowns)
        have_records = records.is_file()
        # (each record matched against the takedowns as it is read for the checks below)
        like = LikeTakenDown.open(out, out / "index.sqlite", takedowns)
        if have_records:
            _linked_lines(records, db)
            relinked = relinked_records(takedowns)
            db.execute("CREATE TABLE dup_of (line INTEGER, id TEXT, status TEXT, of TEXT)")
            for n, rec in _records(records):
                result.records += 1
                _check_record(n, rec, db, result, out, relinked)
                _note_reference(n, rec, db)
                if like is not None:
                    like.see(n, rec)
            _check_references(runs, db, result)
            (again,) = db.execute("SELECT COUNT(*) FROM superseded").fetchone()
            if again:
                result.notes.append(
                    f"{again} records.jsonl line(s) without an archive link (of runs without"
                    " the warc sink) name documents a later line archived into a WARC file:"
                    " the later line is the document's"
                )
        elif records.exists():
            result.problem("records", f"{records.name} is not a file")
        _check_unmatched(runs, have_records, db, result)
        _check_archive(runs, have_records, out, db, result)
        _check_provenance(out, db, result)
        lines = _check_index(out / "index.sqlite", runs, db, result)
        taken_down_again(out, db, result, out / "index.sqlite", takedowns, like)
        _check_missing_manifests(runs, db, result, lines)
        _check_runs_indexed(out, runs, result)
        _check_revisits(out, runs, db, result)
        _check_drops(out, runs, db, result, takedowns, have_records)
        _check_plugin_files(out, runs, result, takedowns)
        _check_rejects_length(out, result)
        check_sink_takedowns(out, takedowns, result)
        order_repairs(result)
        db.close()
    _note_unhashed_warcs(out, runs, result)
    _note_index_versions(out, runs, result)
    _check_format(out, runs, result)
    return result


#: What to do when FORMAT.json is missing or cannot be read
_FORMAT_REPAIR = (
    "put FORMAT.json back from a backup, or write it again: corearchive index upgrade {out}"
    " (docs/archive.md, 'Format version')"
)


def _used_indexes(out: Path, runs: dict[str, _Run]) -> list[Path]:
    """The indexes the runs used (and the folder's own), those that are files, sorted."""
    indexes = {out / "index.sqlite", *(r.index for r in runs.values() if r.index is not None)}
    return sorted(p for p in indexes if p.is_file())


def _check_format(out: Path, runs: dict[str, _Run], result: Verification) -> None:
    """The folder's stamp (``FORMAT.json``, see :func:`catalog.folder_format`): unreadable
    or not a format number, of a newer format than this verify knows (its checks may miss
    what that one wrote), or missing from a folder that a corearchive of format 1 or later
    wrote (its takedowns, or its runs in the index: an older release would write it again
    and undo its takedowns). verify said nothing of these (s28 integration tester L1)."""
    repair = _FORMAT_REPAIR.format(out=out)
    try:
        found = folder_format(out)
    except ConfigError as exc:
        # (index upgrade refuses a damaged stamp, as every writing command does: it writes a
        # missing one; s29 integration tester LOW-1)
        result.problem(
            "run",
            str(exc),
            f"put FORMAT.json back from a backup, or delete the damaged {out / FORMAT_FILE}"
            f" and write it again: corearchive index upgrade {out} (docs/archive.md, 'Format"
            " version')",
        )
        return
    if found > ARCHIVE_FORMAT:
        result.problem(
            "run",
            f"{out / FORMAT_FILE}: archive format {found}, written by a newer corearchive"
            f" (this one knows format {ARCHIVE_FORMAT}): its checks may miss what that one"
            " wrote; verify the folder with that corearchive or a newer one",
        )
        return
    if found:
        return
    why = []
    if (out / "takedowns.jsonl").is_file():
        why.append("it has takedowns")
    for index in _used_indexes(out, runs) if runs else []:
        try:
            with contextlib.closing(open_read_only(index, untouched=True)) as con:
                if not index_format(con):
                    continue
                marks = ",".join("?" * len(runs))
                (newest,) = con.execute(
                    f"SELECT MAX(format) FROM runs WHERE id IN ({marks})", list(runs)
                ).fetchone()
        except (sqlite3.Error, ValueError):
            continue
        if newest:
            why.append(f"its runs are of archive format {newest} ({index.name})")
            break
    if why:
        result.problem(
            "run",
            f"{out / FORMAT_FILE} is missing, though a corearchive of archive format 1 or later"
            f" wrote the folder ({'; '.join(why)}): a release that does not know formats"
            " would write it, and undo its takedowns",
            repair,
        )


def _note_unhashed_warcs(out: Path, runs: dict[str, _Run], result: Verification) -> None:
    """A note of the WARC files whose run recorded no SHA-256 of them (manifests of older
    releases have no ``digests``): their records' digests are checked, the file's is not,
    so a header edited in place is not found there (it was "intact" with no word; s28
    acc-upgrade M3)."""
    unhashed = {
        (run_id, name)
        for run_id, run in runs.items()
        if "warc" in run.sinks
        for name in run.warcs
        if name not in run.digests and (out / name).is_file()
    }
    if unhashed:
        n_runs = len({r for r, _ in unhashed})
        result.notes.append(
            f"{len(unhashed)} WARC file(s) of {n_runs} run(s) written before runs recorded"
            " file digests (an older corearchive): their records' digests are checked, the"
            " files' SHA-256 is not (a header edited in place is not found there)"
        )


def _note_index_versions(out: Path, runs: dict[str, _Run], result: Verification) -> None:
    """A note when an index the folder's runs used is of an older dedup version: the
    next ingest is refused until it is upgraded (verify said "intact" and nothing more;
    s28 acc-upgrade L3)."""
    try:
        dedup = importlib.import_module("corearchive_plugins.dedup")
    except ImportError:
        return
    indexes = {(out / "index.sqlite", True)} | {
        (r.index, r.own_index) for r in runs.values() if r.index is not None
    }
    for index, own in sorted(indexes):
        if not index.is_file():
            continue
        try:
            with contextlib.closing(open_read_only(index, untouched=True)) as con:
                version = dedup.index_version(con)
        except (sqlite3.Error, ValueError):
            continue
        if version is None or version >= dedup.DedupStage.index_version:
            continue
        target = f"{out}" + ("" if own else f" --index {index}")
        command = (
            f"corearchive index rebuild {target}"
            if dedup.needs_rebuild(version)
            else f"corearchive index upgrade {target}"
        )
        result.notes.append(
            f"{_index_name(out, index, own)} holds a dedup index of version {version}, made by"
            f" an older corearchive (this one uses {dedup.DedupStage.index_version}): the next"
            f" ingest is refused until it is brought up to date: {command}"
        )


def _linked_lines(records: Path, db: sqlite3.Connection) -> None:
    """The last line of each document id in ``records`` with an archive link (table
    ``linked``), and an empty table ``superseded`` of the lines without one that such a
    later line stands for (filled by :func:`_check_record`)."""
    db.execute("CREATE TABLE linked (id TEXT PRIMARY KEY, line INTEGER)")
    db.execute("CREATE TABLE superseded (line INTEGER)")
    db.executemany(
        "INSERT OR REPLACE INTO linked VALUES (?, ?)",
        (
            (rec["id"], n)
            for n, rec in _records(records)
            if isinstance(rec, dict)
            and isinstance(rec.get("id"), str)
            and isinstance(rec.get("archive"), dict)
        ),
    )


def _note_reference(n: int, rec: dict[str, Any] | None, db: sqlite3.Connection) -> None:
    """The document a records line names as the one it duplicates or revises, for
    :func:`_check_references`."""
    if not isinstance(rec, dict):
        return
    dup = rec.get("duplicate")
    if isinstance(dup, dict) and isinstance(of := dup.get("of"), str):
        db.execute(
            "INSERT INTO dup_of VALUES (?, ?, ?, ?)", (n, rec.get("id"), dup.get("status"), of)
        )


def _check_references(runs: dict[str, _Run], db: sqlite3.Connection, result: Verification) -> None:
    """Each records line's ``duplicate.of`` names a document with a record of its own (a
    kept revision named a dropped re-fetch at its address, in no record, and verify said
    nothing; s32 acc-read #2). Not checked where a run used an index shared with other
    folders: the document named may be archived in one of those."""
    if any(r.index is not None and not r.own_index for r in runs.values()):
        return
    for line, doc_id, status, of in db.execute(
        "SELECT line, id, status, of FROM dup_of WHERE of NOT IN (SELECT id FROM ids) ORDER BY line"
    ).fetchall():
        result.problem(
            "records",
            f"records.jsonl line {line} ({doc_id}): its duplicate.of ({status} of {of}) names"
            " a document that has no record (one dropped, see rejects.jsonl): the record"
            " points at no text",
        )


def _check_record(
    n: int,
    rec: dict[str, Any] | None,
    db: sqlite3.Connection,
    result: Verification,
    out: Path,
    relinked: dict[str, dict[str, Any]] | None = None,
) -> None:
    where = f"records.jsonl line {n}"
    if not isinstance(rec, dict):
        result.problem("records", f"{where}: not a JSON object")
        return
    where = f"{where} ({rec.get('id')})"
    doc_id = rec.get("id")
    if isinstance(doc_id, str) and not isinstance(rec.get("archive"), dict):
        later = db.execute("SELECT line FROM linked WHERE id = ?", (doc_id,)).fetchone()
        if later is not None and later[0] > n:
            # a line of a run without the warc sink, whose document a later run archived
            # into a WARC file (catalog.WITH_WARC): that line is the document's
            db.execute("INSERT INTO superseded VALUES (?)", (n,))
            return
    twice = ""
    if isinstance(doc_id, str):
        first = db.execute("SELECT line FROM ids WHERE id = ?", (doc_id,)).fetchone()
        if first is not None:
            # (a document archived twice: a run that did not know the earlier ones, with an
            # index of its own, say; a line repeated as it is is said below instead)
            twice = f"{where}: the document of line {first[0]} again (ids are unique)"
        else:
            db.execute("INSERT INTO ids VALUES (?, ?)", (doc_id, n))
    # The line as archived (its metadata record, the same JSON value), once.
    canon = _canonical(rec)
    was = (relinked or {}).get(doc_id) if isinstance(doc_id, str) else None
    dup = rec.get("duplicate")
    if was is not None and isinstance(dup, dict):
        # a takedown pointed the line's duplicate.of away from the document it withdrew
        # (takedown._relink): the line as archived had that document, and a similarity
        canon = _canonical({**rec, "duplicate": {**dup, **was}})
    same = db.execute(
        "SELECT r.id, s.line FROM recs r LEFT JOIN seen s ON s.id = r.id"
        " WHERE r.type = 'metadata' AND r.canon = ? ORDER BY s.line IS NOT NULL LIMIT 1",
        (canon,),
    ).fetchone()
    if same is not None and same[1] is not None:
        result.problem(
            "records",
            f"{where}: repeats line {same[1]} (metadata record {same[0]})",
            _RECORDS_REPAIR,
        )
        return
    if twice:
        result.problem("records", twice)
    if same is not None:
        db.execute("INSERT INTO seen VALUES (?, ?)", (same[0], n))
    archive = rec.get("archive")
    if not isinstance(archive, dict):
        if same is None:
            # an archived document whose line lost its archive link
            meta = _unseen_meta(db, "key", rec.get("id"))
            if meta is not None:
                db.execute("INSERT INTO seen VALUES (?, ?)", (meta[0], n))
                result.problem(
                    "records",
                    f"{where}: differs from its metadata record {meta[0]} ({meta[1]} at"
                    f" {meta[2]}){_fields_that_differ(out / meta[1], meta[2], rec)}, and has"
                    " no archive link",
                    _RECORDS_REPAIR,
                )
        return
    before = result.problems

    def find(rid: Any) -> tuple[str, int, str, str | None, str] | None:
        if not isinstance(rid, str):
            return None
        row = db.execute(
            "SELECT warc, offset, type, refers_to, sha256 FROM recs WHERE id = ?", (rid,)
        ).fetchone()
        return tuple(row) if row else None

    raw_id = archive.get("raw_record_id")
    raw = find(raw_id)
    if raw is None:
        result.problem(
            "records", f"{where}: its raw record {raw_id} is in no WARC file", _WARC_REPAIR
        )
    elif (raw[0], raw[1]) != (archive.get("warc"), archive.get("offset")):
        result.problem(
            "records",
            f"{where}: its raw record is at {raw[0]} {raw[1]}, not at"
            f" {archive.get('warc')} {archive.get('offset')}",
        )
    conv_id = archive.get("conversion_record_id")
    if conv_id is not None:
        conv = find(conv_id)
        if conv is None:
            result.problem(
                "records",
                f"{where}: its conversion record {conv_id} is in no WARC file",
                _WARC_REPAIR,
            )
        else:
            if conv[2] != "conversion" or conv[3] != raw_id:
                result.problem("records", f"{where}: {conv_id} is no conversion of {raw_id}")
            text = rec.get("text")
            if (
                not isinstance(text, str)
                or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() != conv[4]
            ):
                if same is not None:
                    # the line is its metadata record's, byte for byte: 2 of the 3 copies
                    # agree, and the conversion record is the one that changed (the advice
                    # was to restore records.jsonl)
                    result.damaged.add(conv[0])
                    result.problem(
                        "warc",
                        f"{where}: its conversion record {conv_id} ({conv[0]} at {conv[1]})"
                        " differs from the text of the line and of its metadata record",
                        _WARC_REPAIR,
                    )
                else:
                    result.problem(
                        "records",
                        f"{where}: its text differs from its conversion record {conv_id}",
                        _RECORDS_REPAIR,
                    )
    if same is None:
        meta = _unseen_meta(db, "refers_to", raw_id)
        if meta is not None:
            db.execute("INSERT INTO seen VALUES (?, ?)", (meta[0], n))
        if result.problems == before and raw is not None:
            # (a change the checks above do not see: a title, a date, an id)
            result.problem(
                "records",
                f"{where}: differs from its metadata record {meta[0]}"
                f"{_fields_that_differ(out / meta[1], meta[2], rec)}"
                if meta is not None
                else f"{where}: its metadata record (refers to {raw_id}) is in no WARC file",
                # (its WARC file cut short or damaged: the line is not what to restore; the
                # advice was "restore records.jsonl", intact; s30 storage F10)
                _RECORDS_REPAIR
                if meta is not None and meta[1] not in result.damaged
                else _WARC_REPAIR,
            )


def _fields_that_differ(warc: Path, offset: int, rec: dict[str, Any]) -> str:
    """`` in FIELD, FIELD`` for the top-level fields where ``rec`` and the metadata record
    at ``offset`` of ``warc`` differ (a line whose title was edited said only "differs");
    empty when the record cannot be read again."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(warc, "rb") as f:
            f.seek(offset)
            record = next(iter(ArchiveIterator(f)))
            archived = _loads(record.content_stream().read())
    except Exception:  # (the file changed since it was scanned, or is damaged there)
        return ""
    if not isinstance(archived, dict):
        return ""
    names = sorted(
        k for k in set(rec) | set(archived) if _canonical(rec.get(k)) != _canonical(archived.get(k))
    )
    return f" in {', '.join(printable(k) for k in names)}" if names else ""


def _unseen_meta(
    db: sqlite3.Connection, column: Literal["key", "refers_to"], value: Any
) -> tuple[str, str, int] | None:
    """A ``metadata`` record with ``column`` equal to ``value`` that no line has matched yet."""
    if not isinstance(value, str):
        return None
    row = db.execute(
        f"SELECT id, warc, offset FROM recs WHERE type = 'metadata' AND {column} = ?"
        " AND id NOT IN (SELECT id FROM seen) ORDER BY warc, offset LIMIT 1",
        (value,),
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def _check_unmatched(
    runs: dict[str, _Run], have_records: bool, db: sqlite3.Connection, result: Verification
) -> None:
    """The metadata records no line matched, of runs that wrote ``records.jsonl`` (a deleted
    line; a missing file is named by :func:`_check_archive`). A run without a manifest is
    named once and not checked."""
    unmatched = db.execute(
        "SELECT r.id, r.warc, r.offset, r.key, i.key FROM recs r"
        " LEFT JOIN recs i ON i.id = r.warcinfo AND i.type = 'warcinfo'"
        " WHERE r.type = 'metadata' AND r.id NOT IN (SELECT id FROM seen)"
        " ORDER BY r.warc, r.offset"
    )
    unknown: set[str] = set()
    for rid, warc, offset, doc_id, run in unmatched:
        if run not in runs:
            # (a run without a manifest is named by _check_missing_manifests)
            if not run and warc not in unknown:
                unknown.add(warc)
                result.problem("run", f"{warc}: no warcinfo record names its run")
            continue
        if have_records and "records" in runs[run].sinks:
            result.problem(
                "records",
                f"{warc} at {offset}: metadata record {rid} (document {doc_id}) has no line in"
                " records.jsonl",
                _RECORDS_REPAIR,
            )


#: What to do when a run's manifest contradicts itself or the WARC files the run wrote
_MANIFEST_REPAIR = (
    "restore the run's manifest (runs/RUN.json, and run.json for the last run) from a backup"
    " taken after the run, or, if the WARC file's SHA-256 is not its manifest's either, the"
    " WARC file; then verify again. See docs/archive.md, 'Repairing an archive'"
)

#: The fields a run's warcinfo records and its manifest both hold: warcinfo field, the
#: manifest's (a path), and whether the warcinfo holds it as JSON
_SHARED_FIELDS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("software", ("provenance", "software"), False),
    ("hostname", ("provenance", "host"), False),
    ("operator", ("provenance", "operator"), False),
    ("python", ("provenance", "python"), False),
    ("config-digest", ("config", "digest"), False),
    ("config-digest", ("provenance", "config_digest"), False),
    ("code-digest", ("provenance", "code_digest"), False),
    ("pipeline", ("provenance", "pipeline"), True),
    ("pipeline", ("pipeline",), True),
    ("plugins", ("provenance", "plugins"), True),
    ("libraries", ("provenance", "libraries"), True),
)


def _field(m: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(m, dict) or key not in m:
            return None
        m = m[key]
    return m


def _check_provenance(out: Path, db: sqlite3.Connection, result: Verification) -> None:
    """Each manifest (``runs/*.json``, ``run.json``) is what the warcinfo records of the WARC
    files its run wrote say (operator, host, software, Python, libraries, plugins, pipeline,
    config and code digests; their WARC-Date within the run's times), and its
    ``config.digest`` is the digest of its ``config.resolved``. An edited operator, config,
    library version, host or start time was "intact", though the checksummed WARC files
    said otherwise (s27 provenance auditor F2)."""
    folder = out / "runs"
    paths = [*(sorted(folder.glob("*.json")) if folder.is_dir() else []), out / "run.json"]
    for path in paths:
        try:
            m = json.loads(path.read_bytes())
            run_id = str(m["run_id"])
        except (ValueError, RecursionError, KeyError, TypeError, OSError):
            continue
        _check_manifest(path.relative_to(out).as_posix(), run_id, m, db, result)


def _check_manifest(
    name: str, run_id: str, m: dict[str, Any], db: sqlite3.Connection, result: Verification
) -> None:
    """:func:`_check_provenance` of the manifest ``m`` (the file ``name`` of OUT)."""
    from .config import config_digest

    def problem(text: str) -> None:
        result.problem("run", f"{name} (run {run_id}): {text}", _MANIFEST_REPAIR)

    config = m.get("config")
    if isinstance(config, dict) and "resolved" in config and "digest" in config:
        got = config_digest(config["resolved"])
        if got != config["digest"]:
            problem(
                f"config.digest {config['digest']} is not the digest of its config.resolved"
                f" ({got}): the manifest was edited"
            )
    start = _when(m.get("started_at"))
    end = _when(m.get("finished_at"))
    made = _when(run_id.partition("-")[0])  # (the run id begins with when it was made)
    command = m.get("command")
    # (a staged plan relaunched starts again: the files of its first launch are older)
    staged = not isinstance(command, dict) or command.get("plan") != "stream"
    low = made if staged else start
    for warc, date, blob in db.execute(
        "SELECT warc, date, fields FROM infos WHERE run = ? ORDER BY warc", (run_id,)
    ):
        fields = json.loads(blob)
        for key, where, as_json in _SHARED_FIELDS:
            want = _field(m, where)
            if key not in fields or want is None:
                continue  # (one of them does not hold it: older versions)
            have: Any = fields[key]
            if as_json:
                with contextlib.suppress(ValueError):
                    have = json.loads(have)
            elif not isinstance(want, str):
                want = str(want)
            if have == want:
                continue
            pairs = [(".".join(where), want, key, have)]
            if isinstance(want, dict) and isinstance(have, dict):
                # (name the entries that differ: a library's version, say)
                pairs = [
                    (f"{'.'.join(where)}.{k}", want.get(k), f"{key} {k}", have.get(k))
                    for k in sorted(set(want) | set(have))
                    if want.get(k) != have.get(k)
                ]
            for mine, w, theirs, h in pairs:
                problem(
                    f"{mine} {_cut(_json(w))} is not the {theirs} {_cut(_json(h))} of the"
                    f" warcinfo record of {warc}, which the run wrote"
                )
        at = _when(date)
        if at is None:
            continue
        # (the warcinfo records of a staged plan's tasks are dated by the clocks of the
        # machines that ran them, on a cluster: minutes of slack, against edits of days)
        if low is not None and at < low - _CLOCK_SLACK:
            problem(
                f"the warcinfo record of {warc} was written at {date}, before the run"
                f" started ({m.get('started_at') if not staged else run_id})"
            )
        if end is not None and at >= end + 1 + _CLOCK_SLACK:
            problem(
                f"the warcinfo record of {warc} was written at {date}, after the run"
                f" finished ({m.get('finished_at')})"
            )


#: Seconds a warcinfo record may be dated outside its run's start and finish (clock skew)
_CLOCK_SLACK = 300


def _json(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _cut(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _when(text: Any) -> float | None:
    """Seconds since the epoch of a UTC time ``2026-11-24T04:30:13Z`` (a fraction of a
    second dropped: a manifest's times are to the second) or ``20261124T043013Z``."""
    import calendar
    import time

    if not isinstance(text, str):
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S", "%Y%m%dT%H%M%S"):
        with contextlib.suppress(ValueError):
            return float(calendar.timegm(time.strptime(text.split(".")[0].rstrip("Z"), fmt)))
    return None


def _check_missing_manifests(
    runs: dict[str, _Run], db: sqlite3.Connection, result: Verification, lines: dict[str, int]
) -> None:
    """Every run that wrote a WARC file of the folder (its ``warcinfo`` record's
    ``isPartOf``), or lines of its ``records.jsonl`` (``lines``: by the folder's index, for
    runs without the warc sink), has a manifest: the checks of its files' SHA-256, its
    counts and its records lines rest on it. With ``runs/`` deleted verify said "intact",
    every one of them silently skipped; one manifest removed showed only as a count."""
    files: dict[str, list[str]] = {}
    for run, warc in db.execute(
        "SELECT DISTINCT key, warc FROM recs WHERE type = 'warcinfo' AND key IS NOT NULL"
        " ORDER BY key, warc"
    ):
        if run not in runs:
            files.setdefault(run, []).append(warc)
    for run, names in files.items():
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        result.problem(
            "run",
            f"run {run} (its warcinfo in {shown}) has no manifest in runs/: its WARC files'"
            " SHA-256, its counts and its records.jsonl lines are not checked (restore"
            f" runs/{run}.json from a backup)",
        )
    for run, n in sorted(lines.items()):
        if run not in runs and run not in files:
            result.problem(
                "run",
                f"run {run} ({n} documents of records.jsonl by the index) has no manifest in"
                f" runs/: its counts are not checked (restore runs/{run}.json from a backup)",
            )


def _check_index(
    index: Path, runs: dict[str, _Run], db: sqlite3.Connection, result: Verification
) -> dict[str, int]:
    """Every document the folder's index (``OUT/index.sqlite``, when the runs used it) holds
    as archived in a WARC file is there: one that is not is skipped as already archived by
    every later run, and so never archived again. Returns the runs without a manifest that
    the index says archived documents of ``records.jsonl`` (with how many)."""
    lines: Counter[str] = Counter()
    if not index.is_file():
        return lines
    try:
        # (a check leaves the archive as it found it)
        con = open_read_only(index, untouched=True)
    except sqlite3.Error as exc:
        result.problem("index", f"{index.name}: cannot be read ({exc})")
        return lines
    try:
        elsewhere = _runs_of_other_folders(con, index.parent)
        rows = con.execute("SELECT id, run_id, raw_record_id FROM documents")
        while chunk := rows.fetchmany(4096):
            for doc_id, run_id, rid in chunk:
                if run_id not in runs:
                    if db.execute("SELECT 1 FROM ids WHERE id = ?", (doc_id,)).fetchone():
                        lines[run_id] += 1
                    elif run_id in elsewhere:
                        # (a folder that shares this index, a bounded folder's successor
                        # given --index: its documents are in its own WARC files; each was
                        # a false problem here, 298 of them)
                        continue
                if rid is None:
                    continue
                if db.execute("SELECT 1 FROM recs WHERE id = ?", (rid,)).fetchone() is None:
                    result.problem(
                        "index",
                        f"{index.name}: document {doc_id} (run {run_id}) is archived in no WARC"
                        f" file (its raw record {rid}); later runs skip it as already archived",
                        _WARC_REPAIR,
                    )
    except sqlite3.Error as exc:
        result.problem("index", f"{index.name}: cannot be read ({exc})")
    finally:
        con.close()
    return lines


def _check_plugin_files(
    out: Path, runs: dict[str, _Run], result: Verification, takedowns: list[dict[str, Any]]
) -> None:
    """The files the runs' plugin sinks wrote (their manifests' ``outputs``) are there; one
    that runs add to (``appended``) is not shorter than the last run left it; one whose
    SHA-256 a run recorded (``digests``, docs/plugins.md) is unchanged. An edited or deleted
    sink file was "intact" (s26 plugin author F9), and so was a truncated or deleted
    appended one (s29 acc-sinksrc M4). A file of a sink asked to take documents down
    (:meth:`corearchive.Sink.take_down`; by hand where it did not confirm) is not held to
    what the runs before the takedown recorded of it."""
    # the last run before a takedown each sink was asked to make: its files changed then
    # (by the sink, or by hand where it did not confirm)
    rewritten: dict[str, str] = {}
    for e in takedowns:
        for name in e.get("sinks") or {}:
            if isinstance(after := e.get("after_run"), str):
                rewritten[name] = max(rewritten.get(name, ""), after)
    last: dict[str, tuple[str, str, int | None]] = {}  # file: (run, sink, end of its span)
    for run_id, m in manifests(out):
        run = runs.get(run_id)
        outputs: dict[str, Any] = m["outputs"] if isinstance(m.get("outputs"), dict) else {}
        appended: dict[str, Any] = m["appended"] if isinstance(m.get("appended"), dict) else {}
        owner = {
            f: sink
            for sink, files in outputs.items()
            if sink not in ("records", "warc", "rejects") and isinstance(files, list)
            for f in files
            if isinstance(f, str)
        }
        for f, sink in owner.items():
            span = appended.get(f)
            end = None
            with contextlib.suppress(KeyError, TypeError, ValueError):
                end = int(span["offset"]) + int(span["bytes"])  # type: ignore[index]
            last[f] = (run_id, sink, end)
        digests = run.digests if run is not None else {}
        for name, want in digests.items():
            if run is not None and (name in run.warcs or name in run.outside):
                continue  # (checked, or reported, with the WARC files)
            if owner.get(name, "") in rewritten and run_id <= rewritten[owner[name]]:
                continue
            path = out / name
            if not _inside(out, name):
                result.problem(
                    "run", f"run {run_id}: its manifest names {name!r}, not a file of OUT"
                )
            elif not path.is_file():
                result.problem("run", f"run {run_id}: its file {name} is missing")
            elif file_sha256(path) != want:
                result.problem(
                    "run",
                    f"{name}: its SHA-256 is not the {want} that run {run_id} recorded as it"
                    " wrote the file: the file changed after the run",
                )
    for name, (run_id, sink, end) in sorted(last.items()):
        if name in runs.get(run_id, _Run([], None, [])).digests:
            continue  # (said above)
        if not _inside(out, name):
            result.problem("run", f"run {run_id}: its manifest names {name!r}, not a file of OUT")
            continue
        try:
            size = (out / name).stat().st_size if (out / name).is_file() else None
        except OSError:
            size = None
        if size is None:
            result.problem("run", f"run {run_id}: its file {name} (sink {sink!r}) is missing")
        elif end is not None and size < end and run_id > rewritten.get(sink, ""):
            result.problem(
                "run",
                f"{name}: holds {size:,} bytes, but run {run_id} left it at {end:,} (sink"
                f" {sink!r}): cut short after the run",
            )


#: What to do when rejects.jsonl is shorter than the last run left it
_REJECTS_REPAIR = (
    "put rejects.jsonl back from a backup (it accumulates: keep it whole; docs/running.md,"
    " 'Daily runs')"
)


def _check_rejects_length(out: Path, result: Verification) -> None:
    """``rejects.jsonl`` is not shorter than the last run that appended to it left it (its
    manifest's ``appended`` span, less what takedowns since cut): emptied or deleted, it was
    "intact", though ingest's warning for it says verify reports it, and ``history`` and
    ``index rebuild`` read it (s32 docs finding 6). Its final line break alone gone (an
    editor's save) is not said, as ingest does not."""
    from .takedown import removed_bytes

    last: tuple[str, int] | None = None
    for run_id, m in manifests(out):
        appended = m.get("appended")
        span = appended.get("rejects.jsonl") if isinstance(appended, dict) else None
        with contextlib.suppress(KeyError, TypeError, ValueError):
            last = (run_id, int(span["offset"]) + int(span["bytes"]))  # type: ignore[index]
    if last is None or last[1] <= 0:
        return
    run_id, end = last
    path = out / "rejects.jsonl"
    try:
        size = path.stat().st_size if path.is_file() else None
    except OSError:
        return
    if size is None:
        result.problem(
            "run",
            f"rejects.jsonl is missing, but run {run_id} left it at {end:,} bytes: the"
            " documents dropped and the errors of the runs are not recorded",
            _REJECTS_REPAIR,
        )
        return
    short = end - size - removed_bytes(out, "rejects.jsonl", run_id)
    if short == 1 and size > 0:
        with open(path, "rb") as f:
            f.seek(size - 1)
            if f.read(1) != b"\n":
                return
    if short > 0:
        result.problem(
            "run",
            f"rejects.jsonl holds {size:,} bytes, but run {run_id} left it at {end:,}:"
            " cut short after the run (moved away, truncated or replaced?); the runs' lines"
            " are not where their manifests' `appended` spans say",
            _REJECTS_REPAIR,
        )


def _runs_of_other_folders(con: sqlite3.Connection, out: Path) -> set[str]:
    """The runs the index ``con`` records as made into another output folder than ``out``
    (the index's ``runs.out``, compared resolved; a run whose folder cannot be told, a
    moved folder's, counts as this one's)."""
    here = out.resolve()
    other: set[str] = set()
    with contextlib.suppress(sqlite3.Error):
        for run_id, named in con.execute("SELECT id, out FROM runs"):
            # (the folder as the run was given it: from its working folder, which may have
            # been this folder's parent, as for two folders side by side)
            for there in (Path(named), here.parent / named):
                try:
                    there = there.resolve()
                except (OSError, ValueError, TypeError):
                    continue
                if there != here and (there / "runs" / f"{run_id}.json").exists():
                    other.add(run_id)
                    break
    return other


def _check_revisits(
    out: Path, runs: dict[str, _Run], db: sqlite3.Connection, result: Verification
) -> None:
    """Every revisit record's original (WARC-Refers-To) is in a WARC file of the folder, or,
    in a folder sharing its index with others, in the index's records of another folder's
    (noted: those files are not checked here). A revisit whose original is nowhere stands
    for bytes the archive does not hold (it was "intact")."""
    dangling = db.execute(
        "SELECT r.id, r.warc, r.offset, r.refers_to FROM recs r WHERE r.type = 'revisit'"
        " AND r.refers_to IS NOT NULL AND NOT EXISTS (SELECT 1 FROM recs o"
        " WHERE o.id = r.refers_to) ORDER BY r.warc, r.offset"
    ).fetchall()
    if not dangling:
        return
    known: set[str] = set()
    for index in _used_indexes(out, runs):
        with (
            contextlib.suppress(sqlite3.Error),
            contextlib.closing(open_read_only(index, untouched=True)) as con,
        ):
            for _, _, _, original in dangling:
                # (the run that archived it: one of another folder's, or this one's,
                # whose file has lost it)
                row = con.execute(
                    "SELECT d.run_id FROM warc_records w LEFT JOIN documents d"
                    " ON d.id = w.doc_id WHERE w.record_id = ?",
                    (original,),
                ).fetchone()
                if row is not None and row[0] not in runs:
                    known.add(original)
    elsewhere = 0
    for rid, warc, offset, original in dangling:
        if original in known:
            elsewhere += 1
        else:
            result.problem(
                "warc",
                f"{warc} at {offset}: revisit record {rid} refers to {original}, which is in"
                " no WARC file (the bytes it stands for are not in the archive)",
            )
    if elsewhere:
        result.notes.append(
            f"{elsewhere} revisit record(s) refer to records of another folder that shares the"
            " index (their WARC files are not checked here)"
        )


#: What to do when documents were dropped as duplicates of nothing archived
_DROPS_REPAIR = (
    "give those documents' inputs again (`corearchive ingest INPUTS -o OUT`, with --rescan"
    " for inputs read whole before): the run that failed them archives them; where one was"
    " dropped as a duplicate of itself, first `corearchive index rebuild OUT` (its index holds"
    " its copy's entry with it as the cluster's root, a release before s30 left it)"
)


def _check_drops(
    out: Path,
    runs: dict[str, _Run],
    db: sqlite3.Connection,
    result: Verification,
    takedowns: list[dict[str, Any]],
    have_records: bool,
) -> None:
    """Every document ``rejects.jsonl`` drops as a duplicate (``detail.duplicate.of``) of
    itself, or of a document not archived, is archived since (by a later run): in
    ``records.jsonl`` or in an index the runs used (a run without the records sink, a folder
    sharing the index); else its text is nowhere in the archive. A document that failed at a
    sink (its folder not writable) left its copies dropped against it, and the rerun dropped
    it as a duplicate of itself: 54 of 441 documents never archived, and verify said 0
    problems (s30 storage F1). Documents taken down are not asked for."""
    rejects = out / "rejects.jsonl"
    if not rejects.is_file() or not have_records:
        return
    gone = {e["id"] for e in takedowns}

    def archived(doc_id: str) -> bool:
        return db.execute("SELECT 1 FROM ids WHERE id = ?", (doc_id,)).fetchone() is not None

    suspect: list[tuple[int, str, str]] = []
    for n, entry in _records(rejects):
        if entry is None or entry.get("kind") != "dropped":
            continue
        detail = entry.get("detail")
        dup = detail.get("duplicate") if isinstance(detail, dict) else None
        of = dup.get("of") if isinstance(dup, dict) else None
        own = entry.get("id")
        if not isinstance(of, str) or not isinstance(own, str) or of in gone or own in gone:
            continue
        if (of == own or not archived(of)) and not archived(own):
            suspect.append((n, own, of))
    if not suspect:
        return
    known: set[str] = set()
    readable = False
    wanted = sorted({x for _, own, of in suspect for x in (own, of)})
    for index in _used_indexes(out, runs):
        with (
            contextlib.suppress(sqlite3.Error),
            contextlib.closing(open_read_only(index, untouched=True)) as con,
        ):
            for i in range(0, len(wanted), 500):
                part = wanted[i : i + 500]
                marks = ",".join("?" * len(part))
                sql = f"SELECT id FROM documents WHERE id IN ({marks})"
                known.update(r[0] for r in con.execute(sql, part))
            readable = True
    if not readable:
        return  # (no index to ask whether they are archived elsewhere: not said)
    for n, own, of in suspect:
        if own in known or (of != own and of in known):
            continue
        what = "itself" if of == own else f"{of}, which is not archived either"
        result.problem(
            "records",
            f"rejects.jsonl line {n}: document {own} was dropped as a duplicate of {what}:"
            " its text is nowhere in the archive",
            _DROPS_REPAIR,
        )


def _check_runs_indexed(out: Path, runs: dict[str, _Run], result: Verification) -> None:
    """Every run with a manifest in ``OUT/runs`` is in the index it used: a deleted
    ``index.sqlite`` was "intact", and the next run archived every document again."""
    by_index: dict[tuple[Path, bool], list[str]] = {}
    for run_id, run in runs.items():
        if run.index is not None and (out / "runs" / f"{run_id}.json").is_file():
            by_index.setdefault((run.index, run.own_index), []).append(run_id)
    for (index, own), run_ids in sorted(by_index.items()):
        # (the folder's own index where the folder is now, copied or moved: a copy's
        # verify checked the original's, named by the absolute path its runs were given)
        name = _index_name(out, index, own)
        whose = "the folder's own" if own else "another folder's, or shared"
        own_one = "folder's own " if own else ""
        result.indexes.append(f"{name} ({whose}): {len(run_ids)} run(s)")
        try:
            known = indexed_runs(index)
        except sqlite3.Error as exc:
            result.problem("index", f"{name}: cannot be read ({exc})")
            continue
        missing = sorted(r for r in run_ids if r not in known)
        if missing:
            what = "is missing" if not index.is_file() else "does not hold them"
            result.problem(
                "index",
                f"{len(missing)} run(s) into this folder (the last {missing[-1]}) used the"
                f" {own_one}index {name}, which {what}: a later run does not know the"
                " documents they archived, and archives them again if given again",
                _INDEX_REPAIR,
            )


def _index_name(out: Path, index: Path, own: bool) -> str:
    """How verify names an index its runs used: the folder's own by its name in the
    folder, another by its path (absolute: its runs' manifests resolve it)."""
    if own:
        with contextlib.suppress(ValueError):
            return index.relative_to(out).as_posix()
    return str(index)


def _check_archive(
    runs: dict[str, _Run],
    have_records: bool,
    out: Path,
    db: sqlite3.Connection,
    result: Verification,
) -> None:
    """What holds with or without records lines: each run's WARC files and documents are
    all there, ``records.jsonl`` holds as many records as the runs wrote, every raw record
    belongs to a document, and its content is what the document's ``source.sha256`` says."""
    archived = dict(
        db.execute(
            "SELECT i.key, COUNT(*) FROM recs r JOIN recs i ON i.id = r.warcinfo"
            " AND i.type = 'warcinfo' WHERE r.type = 'metadata' GROUP BY i.key"
        ).fetchall()
    )
    # documents whose warcinfo record (which names their run) cannot be read
    (lost,) = db.execute(
        "SELECT COUNT(*) FROM recs r WHERE r.type = 'metadata' AND NOT EXISTS"
        " (SELECT 1 FROM recs i WHERE i.id = r.warcinfo AND i.type = 'warcinfo')"
    ).fetchone()
    unattributed = (
        f" that can be told ({lost} more name a warcinfo record that is not there or cannot"
        " be read)"
        if lost
        else ""
    )
    rewritten = db.execute(
        "SELECT m.id, r.id, r.warc, r.offset FROM recs m JOIN recs r ON r.id = m.refers_to"
        " WHERE m.type = 'metadata' AND m.src_sha IS NOT NULL AND m.src_sha != r.sha256"
        " AND (r.type = 'resource' OR (r.type = 'response'"
        " AND (r.uri LIKE 'http:%' OR r.uri LIKE 'https:%'))) ORDER BY r.warc, r.offset"
    ).fetchall()
    result.damaged.update(warc for _, _, warc, _ in rewritten)
    for run_id, run in runs.items():
        for name in run.outside:
            result.problem(
                "run", f"run {run_id}: its manifest names the WARC file {name!r}, not a file of OUT"
            )
        if "warc" not in run.sinks:
            continue
        for name in run.warcs:
            if not (out / name).is_file():
                result.problem(
                    "warc", f"run {run_id}: its WARC file {name} is missing", _WARC_REPAIR
                )
            elif (want := run.digests.get(name)) and file_sha256(out / name) != want:
                # (what the records' digests miss too: a header edited, records added or
                # reordered, a file replaced by another with valid digests)
                if name in result.damaged:
                    result.problem(
                        "warc",
                        f"{name}: its SHA-256 is not the {want} that run {run_id} recorded as"
                        " it wrote the file: the file changed after the run",
                        _WARC_REPAIR,
                    )
                else:
                    # (each record of it is sound: the file or the manifest's digest may
                    # have changed; "restore the WARC" was said of a file byte-identical)
                    result.problem(
                        "warc",
                        f"{name}: its SHA-256 is not the {want} that run {run_id} recorded as"
                        " it wrote the file, though its records are sound: the file changed"
                        " after the run, or that digest in the manifest did",
                        _DIGEST_REPAIR,
                    )
        if run.kept is not None and archived.get(run_id, 0) != run.kept:
            result.problem(
                "run",
                f"run {run_id} archived {run.kept} documents; the WARC files hold"
                f" {archived.get(run_id, 0)} of them{unattributed}",
            )
    wrote = [r.kept for r in runs.values() if "records" in r.sinks and r.kept is not None]
    if not have_records:
        for run_id, run in runs.items():
            if "records" in run.sinks and run.kept:
                result.problem(
                    "records",
                    f"records.jsonl is missing: run {run_id} wrote {run.kept} records to it",
                    _RECORDS_REPAIR,
                )
    if have_records and wrote and result.records != sum(wrote):
        result.problem(
            "records",
            f"records.jsonl holds {result.records} records; the runs in runs/ wrote {sum(wrote)}",
            _RECORDS_REPAIR,
        )
    for rid, warc, offset, rtype in db.execute(
        "SELECT id, warc, offset, type FROM recs r WHERE type IN ('resource', 'response')"
        " AND NOT EXISTS (SELECT 1 FROM recs c WHERE c.refers_to = r.id) ORDER BY warc, offset"
    ):
        result.problem("warc", f"{warc} at {offset}: {rtype} record {rid} belongs to no document")
    # (a response under an address that is not http(s) is read with its HTTP head as the
    # payload, which the document's digest does not cover)
    for meta, rid, warc, offset in rewritten:
        result.problem(
            "warc",
            f"{warc} at {offset}: the content of {rid} is not what its document's"
            f" source.sha256 says (metadata record {meta})",
            _WARC_REPAIR,
        )
