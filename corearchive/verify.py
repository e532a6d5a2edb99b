"""``corearchive verify OUT``: a fixity check of an output folder.

An archive is only as good as the proof that it is intact. This reads every WARC file under
``OUT/warc`` whole, with warcio's digest checks (``WARC-Block-Digest`` and
``WARC-Payload-Digest`` of every record, as ``warcio check`` does), and then every record of
``OUT/records.jsonl`` against the archive: its raw record is where ``archive.warc`` and
``archive.offset`` say, and its conversion record refers to that raw record and holds the
record's ``text``, byte for byte. What the WARC files hold is indexed in a temporary SQLite
file, so the check takes the same memory for any size of archive.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: How many problems a report lists (all are counted).
MAX_LISTED = 50


@dataclass
class Verification:
    """What ``verify`` found: counts, and the problems (at most :data:`MAX_LISTED` listed)."""

    warc_files: int = 0
    warc_records: Counter[str] = field(default_factory=Counter)
    records: int = 0
    problems: int = 0
    listed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problems == 0

    def problem(self, text: str) -> None:
        self.problems += 1
        if len(self.listed) < MAX_LISTED:
            self.listed.append(text)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "warc_files": self.warc_files,
            "warc_records": dict(sorted(self.warc_records.items())),
            "records": self.records,
            "problems": self.problems,
            "listed": self.listed,
        }

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.warc_records.items()))
        lines = [
            f"  WARC files      {self.warc_files} ({kinds or 'no records'})",
            f"  records         {self.records}",
            f"  problems        {self.problems}",
        ]
        lines += [f"    {p}" for p in self.listed]
        if self.problems > len(self.listed):
            lines.append(f"    … and {self.problems - len(self.listed)} more")
        return "\n".join(lines)


def _warc_files(out: Path) -> list[Path]:
    folder = out / "warc"
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name.endswith((".warc", ".warc.gz"))
    )


def _scan(path: Path, rel: str, db: sqlite3.Connection, result: Verification) -> None:
    """Every record of one WARC file: digests checked, payload hashed, indexed in ``db``."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with open(path, "rb") as stream:
            it = ArchiveIterator(stream, check_digests=True)
            for record in it:
                digest = hashlib.sha256()
                content = record.content_stream()
                while piece := content.read(1 << 20):
                    digest.update(piece)
                headers = record.rec_headers
                rid = headers.get_header("WARC-Record-ID") or ""
                offset = it.get_record_offset()
                n += 1
                result.warc_records[record.rec_type or "?"] += 1
                if record.digest_checker.passed is False:
                    for why in record.digest_checker.problems:
                        result.problem(f"{rel} at {offset} ({rid}): {why}")
                db.execute(
                    "INSERT OR IGNORE INTO recs VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        rid,
                        rel,
                        offset,
                        record.rec_type,
                        headers.get_header("WARC-Refers-To"),
                        digest.hexdigest(),
                    ),
                )
    except Exception as exc:  # warcio raises many kinds on damaged files
        result.problem(f"{rel}: unreadable after {n} records: {type(exc).__name__}: {exc}")


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any] | None]]:
    with open(path, "rb") as f:
        for n, line in enumerate(f, start=1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except (ValueError, RecursionError):  # (a line nested thousands deep)
                    yield n, None


def verify(out: Path) -> Verification:
    """Check the output folder ``out`` (see the module docstring)."""
    result = Verification()
    with tempfile.TemporaryDirectory(prefix="corearchive-verify-") as tmp:
        db = sqlite3.connect(Path(tmp) / "recs.sqlite")
        db.execute(
            "CREATE TABLE recs (id TEXT PRIMARY KEY, warc TEXT, offset INTEGER, type TEXT,"
            " refers_to TEXT, sha256 TEXT)"
        )
        for path in _warc_files(out):
            result.warc_files += 1
            _scan(path, path.relative_to(out).as_posix(), db, result)
        db.commit()
        records = out / "records.jsonl"
        if records.exists():
            for n, rec in _records(records):
                result.records += 1
                _check_record(n, rec, out, db, result)
        db.close()
    return result


def _check_record(
    n: int, rec: dict[str, Any] | None, out: Path, db: sqlite3.Connection, result: Verification
) -> None:
    where = f"records.jsonl line {n}"
    if not isinstance(rec, dict):
        result.problem(f"{where}: not a JSON object")
        return
    archive = rec.get("archive")
    if not isinstance(archive, dict):
        return  # (a run without the WARC sink)
    where = f"{where} ({rec.get('id')})"

    def find(rid: Any) -> tuple[str, int, str, str | None, str] | None:
        row = db.execute(
            "SELECT warc, offset, type, refers_to, sha256 FROM recs WHERE id = ?", (rid,)
        ).fetchone()
        return tuple(row) if row else None

    raw_id = archive.get("raw_record_id")
    raw = find(raw_id)
    if raw is None:
        result.problem(f"{where}: its raw record {raw_id} is in no WARC file")
    elif (raw[0], raw[1]) != (archive.get("warc"), archive.get("offset")):
        result.problem(
            f"{where}: its raw record is at {raw[0]} {raw[1]}, not at"
            f" {archive.get('warc')} {archive.get('offset')}"
        )
    conv_id = archive.get("conversion_record_id")
    if conv_id is None:
        return
    conv = find(conv_id)
    if conv is None:
        result.problem(f"{where}: its conversion record {conv_id} is in no WARC file")
        return
    if conv[2] != "conversion" or conv[3] != raw_id:
        result.problem(f"{where}: {conv_id} is no conversion of {raw_id}")
    text = rec.get("text")
    if not isinstance(text, str) or hashlib.sha256(text.encode("utf-8")).hexdigest() != conv[4]:
        result.problem(f"{where}: its text differs from its conversion record {conv_id}")
