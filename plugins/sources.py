"""Builtin input formats: plain text, HTML, WARC / WARC.gz and JSONL (each also gzipped).

Formats are told by content first and suffix second (``choose_source``); plain text is the
fallback for anything that decodes as text. Text in any common encoding is decoded (BOM,
UTF-8, then charset-normalizer's detection); binary junk is an error, never a crash.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import zlib
from collections.abc import Iterator
from typing import Any

import charset_normalizer
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader, DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed

from corearchive import Document, Failure, InputItem, Source, hookimpl
from corearchive.document import Format

_HTML_RE = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]|<div[\s>]|<p[\s>]",
    re.I,
)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text: NULs (outside UTF-16/32) or many control bytes."""
    sample = data[:65536]
    if not sample or any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls / len(sample) > 0.05


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes of unknown encoding; returns ``(text, encoding)``.

    Order: a byte-order mark, a declared charset that decodes cleanly, strict UTF-8, then
    charset-normalizer's best guess; as a last resort UTF-8 with replacement characters, so
    that bad bytes never stop a run. Raises :class:`NotText` for binary data.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    if looks_binary(data):
        raise NotText("binary content, not text (NUL or control bytes)")
    if declared:
        try:
            codecs.lookup(declared)
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:262144]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace"), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8?"


def _html_charset(data: bytes, content_type: str | None = None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    m = _CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _read_whole(item: InputItem) -> bytes | Failure:
    try:
        data = item.read_all()
    except (EOFError, zlib.error, OSError) as exc:
        kind = "truncated or corrupt gzip" if item.compressed else "unreadable file"
        return Failure(f"{kind}: {exc}")
    if not data.strip():
        return Failure("empty input" if not data else "input holds only white space")
    return data


class TextSource(Source):
    """Plain text, one block per line: the main case (text scraped from news pages)."""

    name = "text"
    suffixes = (".txt", ".text", ".md")

    def sniff(self, head: bytes, item: InputItem) -> float:
        return 0.1  # the fallback for whatever decodes as text

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        data = _read_whole(item)
        if isinstance(data, Failure):
            yield data
            return
        try:
            text, encoding = decode_text(data)
        except NotText as exc:
            yield Failure(str(exc))
            return
        yield _file_doc(item, data, text, "text", encoding)


class HtmlSource(Source):
    """An HTML page saved as a file."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, head: bytes, item: InputItem) -> float:
        start = head.lstrip()[:1024]
        if re.match(rb"(\xef\xbb\xbf)?\s*(<!doctype\s+html|<html)", start, re.I):
            return 0.95
        hits = len(_HTML_RE.findall(head))
        return 0.6 if hits >= 3 else 0.0

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        data = _read_whole(item)
        if isinstance(data, Failure):
            yield data
            return
        try:
            text, encoding = decode_text(data, _html_charset(data))
        except NotText as exc:
            yield Failure(str(exc))
            return
        yield _file_doc(item, data, text, "html", encoding)


def _file_doc(item: InputItem, data: bytes, text: str, fmt: Format, encoding: str) -> Document:
    doc = Document.create(
        raw=data, text=text, uri=item.uri, path=item.path, format=fmt, is_html=fmt == "html",
        content_type="text/html" if fmt == "html" else "text/plain",
    )
    doc.annotations["source"] = {"encoding": encoding}
    return doc


class JsonlSource(Source):
    """JSON Lines: one object per line with ``text`` or ``html``; optional ``url``, ``title``,
    ``date``."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson", ".json")

    def sniff(self, head: bytes, item: InputItem) -> float:
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
        if not first.startswith(b"{"):
            return 0.0
        try:
            obj = json.loads(first)
        except ValueError:
            # A long first line cut off by the head: still JSON-like.
            return 0.5 if b"\n" not in head else 0.3
        return 0.9 if isinstance(obj, dict) else 0.0

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        try:
            stream = item.open()
        except OSError as exc:
            yield Failure(f"unreadable file: {exc}")
            return
        lines = 0
        try:
            with stream:
                for n, line in enumerate(stream, start=1):
                    if not line.strip():
                        continue
                    lines += 1
                    yield self._line(item, n, line)
        except (EOFError, zlib.error, OSError) as exc:
            yield Failure(f"truncated or corrupt input after line {lines}: {exc}")
        if lines == 0:
            yield Failure("empty input")

    @staticmethod
    def _line(item: InputItem, n: int, line: bytes) -> Document | Failure:
        where = f"line {n}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            return Failure(f"invalid JSON: {exc}", where)
        if not isinstance(obj, dict):
            return Failure("a line must hold a JSON object", where)
        html, text = obj.get("html"), obj.get("text")
        body = html if isinstance(html, str) and html.strip() else text
        if not isinstance(body, str) or not body.strip():
            return Failure("the object has no non-empty 'text' or 'html' string", where)
        is_html = body is html
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        doc = Document.create(
            raw=line.rstrip(b"\r\n"), text=body, uri=url or f"{item.uri}#L{n}",
            path=item.path, format="jsonl", locator=f"L{n}", is_html=is_html,
            content_type="text/html" if is_html else "text/plain",
        )
        given: dict[str, Any] = {}
        if isinstance(obj.get("title"), str) and obj["title"].strip():
            doc.title = given["title"] = obj["title"].strip()
        if isinstance(obj.get("date"), str) and obj["date"].strip():
            given["date"] = obj["date"].strip()
        doc.annotations["source"] = {"line": n, "given": given}
        return doc


class WarcSource(Source):
    """WARC / WARC.gz: ``response`` and ``resource`` records with HTML or text payloads.

    Other records (request, metadata, warcinfo, non-text payloads, revisits) are skipped and
    counted. The original record's headers travel with the document so the archive holds a
    copy of the original response, not a re-wrapping.
    """

    name = "warc"
    suffixes = (".warc", ".arc")

    def sniff(self, head: bytes, item: InputItem) -> float:
        return 1.0 if head.startswith(b"WARC/") else 0.0

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        try:
            stream = item.open_raw()
        except OSError as exc:
            yield Failure(f"unreadable file: {exc}")
            return
        n = 0
        with stream:
            it = ArchiveIterator(stream, no_record_parse=False, check_digests=False)
            try:
                for record in it:
                    n += 1
                    result = self._record(item, record, it)
                    if result is not None:
                        yield result
            except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
                yield Failure(f"broken or truncated WARC after {n} records: {exc}",
                              f"record {n + 1}")
        if n == 0:
            yield Failure("no WARC records")

    def _record(self, item: InputItem, record: Any, it: ArchiveIterator) -> Document | None:
        rtype = record.rec_type
        if rtype not in ("response", "resource"):
            item.counts[f"warc {rtype} records"] += 1
            return None
        http = record.http_headers if rtype == "response" else None
        if rtype == "response" and http is None:
            item.counts["warc response records without HTTP headers"] += 1
            return None
        ctype = (http.get_header("Content-Type") if http is not None
                 else record.rec_headers.get_header("Content-Type")) or ""
        media = ctype.split(";")[0].strip().lower()
        if media not in _HTML_TYPES and not media.startswith("text/"):
            item.counts["warc records with non-text payload"] += 1
            return None
        if http is not None and http.get_statuscode() not in ("200", "203"):
            item.counts["warc responses with non-200 status"] += 1
            return None
        raw = record.raw_stream.read()
        payload = _decode_transfer(raw, http)
        is_html = media in _HTML_TYPES or (media != "text/plain" and bool(_HTML_RE.search(payload[:4096])))
        try:
            text, encoding = decode_text(payload, _html_charset(payload, ctype) if is_html else
                                         _html_charset(b"", ctype))
        except NotText:
            item.counts["warc records with binary payload"] += 1
            return None
        rec_id = record.rec_headers.get_header("WARC-Record-ID")
        target = record.rec_headers.get_header("WARC-Target-URI") or f"{item.uri}#{rec_id}"
        headers = {k.lower(): v for k, v in http.headers} if http is not None else {}
        doc = Document.create(
            raw=raw, text=text, uri=target, path=item.path, format="warc",
            locator=rec_id or f"offset {it.get_record_offset()}", is_html=is_html,
            content_type="text/html" if is_html else "text/plain",
            fetched_at=_iso_warc_date(record.rec_headers.get_header("WARC-Date")),
            warc_record_id=rec_id,
            warc_headers=list(record.rec_headers.headers),
            http_head=http.to_bytes() if http is not None else None,
            http_headers=headers,
        )
        doc.annotations["source"] = {"encoding": encoding, "warc_type": rtype,
                                     "offset": it.get_record_offset()}
        return doc


def _decode_transfer(raw: bytes, http: Any) -> bytes:
    """Undo chunked transfer and gzip/deflate/br content encodings, as far as possible."""
    if http is None:
        return raw
    data = raw
    if (http.get_header("Transfer-Encoding") or "").lower() == "chunked":
        try:
            data = ChunkedDataReader(io.BytesIO(data)).read()
        except Exception:
            data = raw
    enc = (http.get_header("Content-Encoding") or "").lower().strip()
    if enc in ("gzip", "x-gzip", "deflate", "br"):
        try:
            data = DecompressingBufferedReader(io.BytesIO(data), decomp_type=enc.replace("x-", "")).read()
        except Exception:
            pass
    return data


def _iso_warc_date(value: str | None) -> str | None:
    """WARC-Date is already ISO 8601 (UTC, ``Z``); keep it if it parses as such."""
    if not value:
        return None
    m = re.match(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)Z$", value.strip())
    return m.group(1) + "Z" if m else None


@hookimpl
def corearchive_register_sources(register: Any) -> None:
    for cls in (TextSource, HtmlSource, JsonlSource, WarcSource):
        register(cls)
