"""Builtin sinks: ``records`` (OUT/records.jsonl) and ``warc`` (OUT/warc/*.warc.gz).

WARC files are WARC/1.1 with one gzip member per record and a ``warcinfo`` record first
(software, plugin versions, config digest, operator, host); every record carries
``WARC-Warcinfo-ID`` and SHA-1 block and payload digests (Base32, as other tools expect).
Per document: the raw input as a ``resource`` record (or a copy of the original ``response``
record when the input was a WARC), the cleaned text as a ``conversion`` record and the JSON
record as a ``metadata`` record, both with ``WARC-Refers-To`` the raw record. An exact copy of
an archived document becomes a ``revisit`` record (identical-payload-digest profile). Files
rotate near ``max_bytes`` and are named ``PREFIX-TIMESTAMP-SERIAL-HOST.warc.gz``; they are
written under temporary names and renamed when the run commits.
"""

from __future__ import annotations

import io
import json
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corearchive import Document, Drop, Sink, hookimpl, option
from corearchive.atomic import AtomicFile
from corearchive.report import dumps

REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
_REPLACED_HEADERS = {"warc-warcinfo-id", "content-length", "warc-block-digest",
                     "warc-payload-digest", "warc-filename"}


class RecordsSink(Sink):
    """Append each validated record as one line of ``OUT/records.jsonl``."""

    name = "records"

    def open(self) -> None:
        self.file = AtomicFile(self.context.out / "records.jsonl", self.context.run_id,
                               keep_existing=True)

    def write(self, document: Document, record: dict[str, Any]) -> None:
        self.file.write(dumps(record))

    def commit(self) -> None:
        self.file.commit()

    def abort(self) -> None:
        self.file.abort()

    def outputs(self) -> list[str]:
        return ["records.jsonl"]


@dataclass(frozen=True)
class WarcOptions:
    max_bytes: int = option(1_000_000_000, "Start a new WARC file once one reaches this size.",
                            minimum=1)
    prefix: str = option("corearchive", "File name prefix (PREFIX-TIMESTAMP-SERIAL-HOST).",
                         pattern=r"^[A-Za-z0-9._-]+$")
    folder: str = option("warc", "Folder under OUT for the WARC files.",
                         pattern=r"^[A-Za-z0-9._-]+$")


class _WarcFile:
    def __init__(self, path: Path, run_id: str) -> None:
        self.path = path
        self.file = AtomicFile(path, run_id)
        self.writer = WARCWriter(self.file.file, gzip=True, warc_version="WARC/1.1")
        self.warcinfo_id = ""


class WarcSink(Sink):
    """Archive each document's raw input, cleaned text and record."""

    name = "warc"
    Options = WarcOptions

    options: WarcOptions

    def open(self) -> None:
        self.folder = self.context.out / self.options.folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.host = socket.gethostname().replace("-", "_") or "host"
        self.stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime())
        self.serial = 0
        self.files: list[_WarcFile] = []
        self.current: _WarcFile | None = None
        self.ns = uuid.UUID(self.context.catalog.archive_uuid)

    # -- files -------------------------------------------------------------------------------
    def _new_file(self) -> _WarcFile:
        while True:
            name = f"{self.options.prefix}-{self.stamp}-{self.serial:05d}-{self.host}.warc.gz"
            self.serial += 1
            if not (self.folder / name).exists():
                break
        wf = _WarcFile(self.folder / name, self.context.run_id)
        prov = self.context.provenance
        info = {
            "software": prov.get("software", "corearchive"),
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
                          "warc-format/warc-1.1/",
            "hostname": prov.get("host", ""),
            "operator": prov.get("operator", ""),
            "isPartOf": prov.get("run_id", ""),
            "config-digest": prov.get("config_digest", ""),
            "pipeline": json.dumps(prov.get("pipeline", []), separators=(",", ":")),
            "plugins": json.dumps(prov.get("plugins", {}), separators=(",", ":")),
            "python": prov.get("python", ""),
        }
        rec = wf.writer.create_warcinfo_record(name, info)
        wf.warcinfo_id = rec.rec_headers.get_header("WARC-Record-ID")
        wf.writer.write_record(rec)
        self.files.append(wf)
        return wf

    def _file(self) -> _WarcFile:
        if self.current is None or self.current.file.tell() >= self.options.max_bytes:
            self.current = self._new_file()
        return self.current

    def _rid(self, doc_id: str, kind: str) -> str:
        return f"<urn:uuid:{uuid.uuid5(self.ns, f'{doc_id}/{kind}')}>"

    # -- documents ---------------------------------------------------------------------------
    def prepare(self, document: Document) -> None:
        from corearchive import Archive

        wf = self._file()
        src = document.source
        raw_id = (src.warc_record_id if src.format == "warc" and src.warc_record_id
                  else self._rid(document.id, "raw"))
        document.archive = Archive(
            warc=wf.path.relative_to(self.context.out).as_posix(),
            offset=wf.file.tell(),
            raw_record_id=raw_id,
            conversion_record_id=self._rid(document.id, "conversion"),
        )

    def write(self, document: Document, record: dict[str, Any]) -> None:
        wf = self._file()
        arch = document.archive
        assert arch is not None and wf.file.tell() == arch.offset, "prepare/write out of step"
        self._write_raw(wf, document, arch.raw_record_id)
        date = _warc_date(document)
        common = {"WARC-Refers-To": arch.raw_record_id, "WARC-Warcinfo-ID": wf.warcinfo_id,
                  "WARC-Date": date}
        text = document.text.encode("utf-8")
        conv = wf.writer.create_warc_record(
            document.source.uri, "conversion", payload=io.BytesIO(text), length=len(text),
            warc_content_type="text/plain; charset=utf-8",
            warc_headers_dict={"WARC-Record-ID": arch.conversion_record_id, **common},
        )
        wf.writer.write_record(conv)
        blob = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        meta = wf.writer.create_warc_record(
            document.source.uri, "metadata", payload=io.BytesIO(blob), length=len(blob),
            warc_content_type="application/json",
            warc_headers_dict={"WARC-Record-ID": self._rid(document.id, "metadata"), **common},
        )
        wf.writer.write_record(meta)

    def _write_raw(self, wf: _WarcFile, doc: Document, record_id: str) -> None:
        src = doc.source
        original = self._original(doc)
        if original is not None:
            self._write_revisit(wf, doc, record_id, original)
            return
        if src.format == "warc" and src.warc_headers is not None:
            headers = {k: v for k, v in src.warc_headers if k.lower() not in _REPLACED_HEADERS}
            headers["WARC-Warcinfo-ID"] = wf.warcinfo_id
            rtype = headers.get("WARC-Type", "response")
            http = None
            if src.http_head is not None:
                http = _parse_http_head(src.http_head)
            ctype = "application/http; msgtype=response" if http is not None else (
                headers.pop("Content-Type", None) or "text/plain")
            headers.pop("Content-Type", None)
            rec = wf.writer.create_warc_record(
                src.uri, rtype, payload=io.BytesIO(doc.raw), length=len(doc.raw),
                warc_content_type=ctype, warc_headers_dict=headers, http_headers=http)
        else:
            media = {"html": "text/html", "jsonl": "application/json"}.get(src.format,
                                                                           "text/plain")
            rec = wf.writer.create_warc_record(
                src.uri, "resource", payload=io.BytesIO(doc.raw), length=len(doc.raw),
                warc_content_type=media,
                warc_headers_dict={"WARC-Record-ID": record_id, "WARC-Date": _warc_date(doc),
                                   "WARC-Warcinfo-ID": wf.warcinfo_id},
            )
        wf.writer.write_record(rec)

    def _original(self, doc: Document) -> Any:
        """The archived document whose raw bytes this one repeats exactly, if any."""
        dup = doc.duplicate
        if dup.status != "exact" or not dup.of:
            return None
        prior = self.context.catalog.get(dup.of)
        if prior is None or prior.sha256 != doc.source.sha256 or not prior.raw_record_id:
            return None
        return prior

    def _write_revisit(self, wf: _WarcFile, doc: Document, record_id: str, prior: Any) -> None:
        headers = {
            "WARC-Record-ID": record_id,
            "WARC-Date": _warc_date(doc),
            "WARC-Warcinfo-ID": wf.warcinfo_id,
            "WARC-Profile": REVISIT_PROFILE,
            "WARC-Refers-To": prior.raw_record_id,
            "WARC-Refers-To-Target-URI": prior.uri,
            "WARC-Refers-To-Date": prior.archived_at,
            "WARC-Payload-Digest": _sha1_b32(doc.raw),
        }
        http = _parse_http_head(doc.source.http_head) if doc.source.http_head else None
        rec = wf.writer.create_warc_record(
            doc.source.uri, "revisit", payload=io.BytesIO(b""), length=0,
            warc_content_type="application/http; msgtype=response" if http else "",
            warc_headers_dict=headers, http_headers=http)
        wf.writer.write_record(rec)

    def dropped(self, document: Document, stage: str, drop: Drop) -> None:
        """An exact duplicate dropped from the records is still archived, as a revisit."""
        if self._original(document) is None:
            return
        wf = self._file()
        self._write_revisit(wf, document, self._rid(document.id, "raw"),
                            self._original(document))

    # -- commit ------------------------------------------------------------------------------
    def commit(self) -> None:
        for wf in self.files:
            wf.file.commit()

    def abort(self) -> None:
        for wf in getattr(self, "files", []):
            wf.file.abort()

    def outputs(self) -> list[str]:
        return [wf.path.relative_to(self.context.out).as_posix() for wf in self.files]


def _parse_http_head(head: bytes) -> StatusAndHeaders:
    lines = head.decode("iso-8859-1").split("\r\n")
    status_line = lines[0]
    protocol, _, status = status_line.partition(" ")
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        k, _, v = line.partition(":")
        headers.append((k.strip(), v.strip()))
    return StatusAndHeaders(status, headers, protocol=protocol)


def _sha1_b32(data: bytes) -> str:
    import base64
    import hashlib

    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _warc_date(doc: Document) -> str:
    if doc.source.fetched_at:
        return doc.source.fetched_at
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@hookimpl
def corearchive_register_sinks(register: Any) -> None:
    register(WarcSink)
    register(RecordsSink)


__all__ = ["RecordsSink", "WarcSink"]
