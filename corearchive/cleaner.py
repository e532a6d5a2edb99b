"""Cleaning inside another program: the configured stages over pages it holds already.

A crawler's item pipeline, a notebook or a service has its pages in memory and wants the
records, not an output folder::

    from corearchive import Cleaner

    with Cleaner() as cleaner:
        got = cleaner.clean(page_bytes, url="https://example.org/a", fetched_at="2024-05-01")
        if got.kept:
            index(got.record)          # the record, validated against the record schema
        else:
            log(got.stage, got.reason or got.error)

The stages, their order and options are those ``corearchive ingest`` would run with the same
configuration (``./corearchive.toml``, ``settings`` as ``--set``, ``disable`` as
``--disable``); each document comes out as a :class:`Cleaned`: its record, or the stage that
dropped it and why, or the error. Nothing is written and nothing is archived: a record's
``archive`` is null. Duplicates are found among the documents of one cleaner (its index is
a temporary file, removed by :meth:`Cleaner.close`); to find them against an archive, and to
archive, run ``corearchive ingest``.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import shutil
import sqlite3
import tempfile
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .catalog import Catalog
from .config import resolve
from .document import Document, Drop, capture_time, make_id
from .executor import CHUNK_SIZE, LocalPart, chunked_by_input, local_context, split_stages
from .executor import one_at_a_time as _one_at_a_time
from .inputs import _item, choose_source, read_error, read_results
from .manager import PluginManager, collect, make_plugin_manager
from .runner import _prepares, new_run_id
from .schema import STILL_HTML, RecordValidator, build_record, schema_failure
from .source import FETCH_STAGE, HEAD_SIZE, Failure, InputItem, Source, fetch_failed
from .stage import Stage, StageContext, close_stages, describe_error, forget_in, open_stages

#: What a page given as a mapping is read as: one object of a JSON Lines dump.
_OBJECT_FORMAT = "jsonl"


#: Documents read between two checkpoints of a cleaner's index (:meth:`Cleaner._checkpoint`).
CHECKPOINT_DOCS = 1000


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What became of one document.

    ``record`` is the document's JSON record, validated against the configured pipeline's
    record schema, when it was kept. Otherwise ``stage`` names where it ended: the stage
    that dropped it (``reason`` and ``detail`` say why, as in ``rejects.jsonl``) or that
    failed on it (``error``); ``"input"`` when the page could not be read at all,
    ``"record"`` when its record broke the schema, and ``"cleaner"`` with reason
    ``already_cleaned`` when this cleaner read the same document before (the same bytes
    from the same URL: its result was given then). ``uri`` names the document (its URL, or
    ``urn:sha256:…`` of a page given without one)."""

    uri: str
    record: dict[str, Any] | None = None
    stage: str | None = None
    reason: str | None = None
    detail: Any = None
    error: str | None = None

    @property
    def kept(self) -> bool:
        """Whether the document has a record."""
        return self.record is not None


class _Outcomes:
    """The stages' reporter: each document's drop or failure, by id, until it is taken."""

    def __init__(self, ordered: list[Stage], pm: PluginManager) -> None:
        self.ordered = ordered
        self.pm = pm
        #: by document id, in the order they ended (a page given twice has one id twice)
        self.ended: dict[str, list[Cleaned]] = defaultdict(list)

    def dropped(self, document: Document, stage: str, drop: Drop) -> None:
        # (as the run does: the stage that dropped it decides what it keeps of it)
        forget_in(self.ordered, document, but=stage)
        self.ended[document.id].append(
            Cleaned(document.source.uri, stage=stage, reason=drop.reason, detail=drop.detail)
        )
        self.pm.notify("corearchive_document_dropped", document=document, stage=stage, drop=drop)

    def failed(self, document: Document, stage: str, error: str) -> None:
        forget_in(self.ordered, document)
        self.ended[document.id].append(Cleaned(document.source.uri, stage=stage, error=error))
        self.pm.notify(
            "corearchive_document_failed",
            document=document,
            source=document.source.to_json(),
            stage=stage,
            error=error,
        )

    def take(self, doc_id: str) -> Cleaned | None:
        """The first outcome of a document of this id not yet taken."""
        got = self.ended.get(doc_id)
        if not got:
            return None
        first = got.pop(0)
        if not got:
            del self.ended[doc_id]
        return first


class Cleaner:
    """The configured pipeline's stages, run in this process over pages given as values.

    ``config``: a config file (default: ``./corearchive.toml`` if present); ``settings``:
    ``"STAGE.KEY=VALUE"`` overrides, as ``--set`` takes them; ``disable``: stages to leave
    out, as ``--disable``. A configuration error raises :class:`~corearchive.ConfigError`
    here. Use it as a context manager, or call :meth:`close`.

    Threads: a cleaner's calls take turns. A :meth:`clean` from a second thread waits for
    the one under way, and a :meth:`clean_many` iteration holds the cleaner until it ends
    or is closed (a ``for`` loop left early closes it). Within one thread, a call made
    while that thread's ``clean_many()`` iteration is open raises ``RuntimeError``. For
    work in parallel, make one cleaner per thread (README, "Threads and asyncio")."""

    def __init__(
        self,
        config: str | Path | None = None,
        *,
        settings: Iterable[str] = (),
        disable: Iterable[str] = (),
        enable: Iterable[str] = (),
    ) -> None:
        if any(isinstance(v, str) for v in (settings, disable, enable)):
            raise TypeError("settings, disable and enable take a list of strings, not one string")
        self.pm = pm = make_plugin_manager()
        self.registry = registry = collect(pm)
        self.config = resolve(
            registry,
            config_path=Path(config) if config is not None else None,
            sets=settings,
            disable=disable,
            enable=enable,
        )
        pm.setup("corearchive_configure", config=self.config)
        self.run_id = new_run_id()
        _remove_stale_folders()
        self._tmp = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX))
        (self._tmp / _OWNER).write_text(_owner_of(os.getpid()) or str(os.getpid()))
        self._catalog: Catalog | None = None
        try:
            self._catalog = Catalog(self._tmp / "index.sqlite")
            self._catalog.start_run(self.run_id, self._tmp)
            stages = [
                registry.stages[name](self.config.stage_options[name], self._context(None))
                for name in self.config.stages
            ]
            local, ordered = split_stages(stages)
            self._outcomes = _Outcomes(ordered, pm)
            for st in ordered:
                st.context = self._context(self._outcomes)
            for st in local:
                st.context = local_context(
                    self.run_id, self._tmp, self.config.doc_timeout, self.config.stages
                )
            _one_at_a_time(ordered)
            self._ordered = ordered
            self.pipeline = [self._describe(n) for n in self.config.stages]
            self.validator = RecordValidator(registry.record_schema(self.config.stages))
            check = self.validator if len(ordered) == 1 else None
            prepare = ordered[0] if ordered and _prepares(ordered[0]) else None
            self._local = LocalPart(local, prepare, check)
            open_stages(local)
            open_stages(ordered)
        except BaseException:
            self._discard()
            raise
        self._sources: dict[str, Source] = {n: cls() for n, cls in registry.sources.items()}
        self._closed = False
        #: the ids of the documents read (16 bytes each)
        self._seen: set[bytes] = set()
        #: len(_seen) at the last checkpoint of the index
        self._checkpointed = 0
        self._pid = os.getpid()
        # (its calls take turns: threads sharing one lost documents in silence, 121 of 220)
        self._lock = threading.Lock()
        self._holder: int | None = None
        # (a cleaner dropped without close(): its folder went with it only at close, and
        # every request of a service that made one left one in /tmp for good)
        self._remove_tmp = weakref.finalize(self, shutil.rmtree, str(self._tmp), True)

    def _context(self, reporter: Any) -> StageContext:
        assert self._catalog is not None
        return StageContext(
            run_id=self.run_id,
            out=self._tmp,
            catalog=self._catalog,
            reporter=reporter,
            doc_timeout=self.config.doc_timeout,
            stages=tuple(self.config.stages),
        )

    def _describe(self, name: str) -> dict[str, Any]:
        info = self.registry.owners[("stage", name)]
        return {"stage": name, "plugin": info.distribution or info.name, "version": info.version}

    # -- the public calls ----------------------------------------------------------------

    def clean(
        self,
        page: str | bytes | Mapping[str, Any],
        *,
        url: str | None = None,
        fetched_at: str | datetime | date | float | None = None,
    ) -> Cleaned:
        """Clean one page: raw scraped text or HTML markup, as ``str`` or as ``bytes`` (its
        encoding found as for a file), told apart by its content, or a mapping read as one
        object of a JSON Lines dump (its ``url`` wins over ``url=``). ``url`` and
        ``fetched_at`` (a datetime, or ISO 8601, UTC when it has no offset; a publication
        date after it is not taken) are the record's ``source.uri`` and
        ``source.fetched_at``. Content that holds several documents (a WARC file, a JSON
        Lines dump) raises ``ValueError``: give it to :meth:`clean_many`."""
        if url is not None and not isinstance(url, str):
            raise TypeError(f"url is a string, not {type(url).__name__}")
        when = _utc(fetched_at)
        with self._turn():
            if (n := self._documents_in(page, url)) > 1:
                # (said before any is cleaned: cleaned, they were then "already cleaned" for
                # the clean_many() the message sends them to)
                raise ValueError(f"the page holds {n} documents: clean_many() reads each of them")
            try:
                results = list(self._clean_held([(page, url, when)]))
            finally:
                self._checkpoint()
        if not results:  # (a WARC of request records alone, say)
            return Cleaned(url or "", stage="input", error="the page holds no document")
        return results[0]

    def _documents_in(self, page: Any, url: str | None) -> int:
        """How many documents ``page`` holds (0 when it cannot be read as one)."""
        try:
            item = _page_item(page, url)
            source, _ = choose_source(item, self._sources)
            return sum(not isinstance(r, Failure) for r in read_results(source, item))
        except Exception:  # (its result says why)
            return 0

    def clean_many(self, pages: Iterable[str | bytes | Mapping[str, Any]]) -> Iterator[Cleaned]:
        """Clean pages as they come, in order, one result per document read; batched
        internally (the stages are faster on batches), so results trail the pages by up to
        a batch. A page is ``str`` or ``bytes`` as for :meth:`clean` (bytes may also be a
        whole WARC, JSON Lines or other input file: one result per document in it), or a
        mapping read as one object of a JSON Lines dump: the text under ``text`` (or
        ``html``, ``content``…), with ``url``, ``fetched_at``, ``title``… as
        ``corearchive ingest`` reads dumps (README, "Inputs")."""
        return self._clean((p, None, None) for p in pages)

    def close(self) -> None:
        """Close the stages and remove the cleaner's temporary index (after the call of
        another thread under way, if any)."""
        if self._closed:
            return
        if self._holder == threading.get_ident():  # (inside this thread's clean_many loop)
            self._close()
            return
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            close_stages(self._local.stages)
            close_stages(self._ordered)
        finally:
            self._discard()

    @contextlib.contextmanager
    def _turn(self) -> Iterator[None]:
        """The cleaner for this thread until the block ends: another thread's call waits."""
        if os.getpid() != self._pid:  # (said before the lock: a fork's copy may be held)
            raise RuntimeError(_FORKED)
        me = threading.get_ident()
        if self._holder == me:
            raise RuntimeError(
                "this Cleaner is in use by a clean_many() iteration of this thread: finish or"
                " close it first, or use another Cleaner"
            )
        with self._lock:
            self._holder = me
            try:
                yield
            finally:
                self._holder = None

    def __enter__(self) -> Cleaner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the work ------------------------------------------------------------------------

    def _discard(self) -> None:
        if self._catalog is not None:
            catalog, self._catalog = self._catalog, None
            with contextlib.suppress(sqlite3.Error):
                catalog.rollback()  # (and closes it)
        if getattr(self, "_remove_tmp", None) is not None:
            self._remove_tmp()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def _clean(
        self, pages: Iterable[tuple[str | bytes | Mapping[str, Any], str | None, str | None]]
    ) -> Iterator[Cleaned]:
        with self._turn():
            try:
                yield from self._clean_held(pages)
            finally:
                self._checkpoint()

    def _checkpoint(self) -> None:
        """Every :data:`CHECKPOINT_DOCS` documents read, between two calls: the index's
        transaction committed and its write-ahead log emptied (it grew for the cleaner's
        whole life: 7.1 MB over 21,000 documents)."""
        if self._catalog is None or len(self._seen) - self._checkpointed < CHECKPOINT_DOCS:
            return
        self._checkpointed = len(self._seen)
        with contextlib.suppress(sqlite3.Error):
            self._catalog.checkpoint()

    def _clean_held(
        self, pages: Iterable[tuple[str | bytes | Mapping[str, Any], str | None, str | None]]
    ) -> Iterator[Cleaned]:
        if self._closed:
            raise ValueError("the cleaner is closed")
        if os.getpid() != self._pid:
            # (a cleaner made before a fork and used in the children: their SQLite
            # connections to one index went wrong in silence, duplicates missed)
            raise RuntimeError(_FORKED)
        # Read failures come out in their page's place: each is held, by page number, until
        # the documents read before it are out.
        failed: dict[int, list[Cleaned]] = {}
        broke: list[BaseException] = []
        # the documents read whose results are not given yet (by id)
        pending: dict[str, Document] = {}
        read = self._read(pages, failed, broke, pending)
        try:
            for chunk in chunked_by_input(read, CHUNK_SIZE):
                yield from self._run(chunk, failed, pending)
        finally:
            if pending:
                self._unread(pending.values())
        for n in sorted(failed):
            yield from failed.pop(n)
        if broke:
            # the caller's pages raised: the results of the pages taken before are out first
            # (they were lost with the batch they were in: 60 of 700)
            raise broke[0]

    def _unread(self, docs: Iterable[Document]) -> None:
        """Undo what cleaning ``docs`` left, their results not given (the caller stopped
        early, a break, up to a batch and a page ahead of the last result it took): given
        again, they are cleaned again (they were ``already_cleaned``, their records lost)."""
        for doc in docs:
            self._seen.discard(bytes.fromhex(doc.id))
            ended = self._outcomes.ended.pop(doc.id, [])
            if any(c.error is not None for c in ended):
                continue  # (a failure: the ordered stages forgot it then)
            dropped_by = {c.stage for c in ended}
            # (as for a drop: not the stage that dropped it)
            forget_in([st for st in self._ordered if st.name not in dropped_by], doc)

    def _read(
        self,
        pages: Iterable[tuple[str | bytes | Mapping[str, Any], str | None, str | None]],
        failed: dict[int, list[Cleaned]],
        broke: list[BaseException],
        pending: dict[str, Document],
    ) -> Iterator[Document]:
        taken = iter(pages)
        for n in itertools.count():
            try:
                page, url, fetched_at = next(taken)
            except StopIteration:
                return
            except Exception as exc:  # (the caller's iterator: raised after the results)
                broke.append(exc)
                return
            try:
                item = _page_item(page, url)
            except (TypeError, ValueError) as exc:  # (a None among the pages: its result)
                failed.setdefault(n, []).append(Cleaned(url or "", stage="input", error=str(exc)))
                continue
            uri = item.uri
            source: Source | None = None
            try:
                source, _ = choose_source(item, self._sources)
                for got in read_results(source, item):
                    if isinstance(got, Failure):
                        failed.setdefault(n, []).append(
                            Cleaned(uri, stage="input", error=got.error)
                        )
                        continue
                    if (
                        isinstance(page, Mapping)
                        and uri == (url or "").strip()
                        and got.source.uri == f"{uri}#{got.source.locator}"
                    ):
                        # a mapping with no address of its own: url= is its address, as
                        # fetched_at= is its capture time (it was named by its line of
                        # its hash, urn:sha256:…#L1; s33 acc-read #16)
                        got.source.uri = uri
                    # no file: the id is made from the URI (the URL), as a dump's documents'
                    # would be without their file's path
                    got.source.path = None
                    got.id = make_id(got.source.uri, got.source.locator, got.source.sha256)
                    if (drop := fetch_failed(got)) is not None:  # (as ingest drops it)
                        failed.setdefault(n, []).append(
                            Cleaned(got.source.uri, stage=FETCH_STAGE, reason=drop.reason,
                                    detail=drop.detail)
                        )  # fmt: skip
                        continue
                    key = bytes.fromhex(got.id)
                    if key in self._seen:
                        # the same bytes from the same address: the same document, whose
                        # result was given (it was kept again, or a duplicate of itself,
                        # as it fell in another batch or the same), as ingest reports one
                        # archived already
                        failed.setdefault(n, []).append(
                            Cleaned(
                                got.source.uri,
                                stage="cleaner",
                                reason="already_cleaned",
                                detail={"of": got.id},
                            )
                        )
                        continue
                    self._seen.add(key)
                    pending[got.id] = got
                    if fetched_at is not None:
                        got.source.fetched_at = fetched_at
                    got.work["cleaner_page"] = n
                    yield got
            except Exception as exc:
                failed.setdefault(n, []).append(
                    Cleaned(uri, stage="input", error=read_error(source, exc))
                )

    def _run(
        self,
        chunk: list[Document],
        failed: dict[int, list[Cleaned]],
        pending: dict[str, Document],
    ) -> Iterator[Cleaned]:
        outcomes = self._outcomes
        pages = [doc.work.pop("cleaner_page") for doc in chunk]
        kept: list[Document] = []
        for ev in self._local.run(chunk).events:
            if ev.kind == "kept":
                kept.append(ev.doc)
            elif ev.kind == "dropped":
                assert ev.drop is not None
                outcomes.dropped(ev.doc, ev.stage, ev.drop)
            else:
                outcomes.failed(ev.doc, ev.stage, ev.error)
        docs: Iterable[Document] = kept
        for st in self._ordered:
            docs = st.run(docs)
        records: dict[str, list[Cleaned]] = defaultdict(list)
        for doc in docs:
            records[doc.id].append(self._record(doc))
        for doc, n in zip(chunk, pages, strict=True):
            # (the pages before this one that could not be read, in their place)
            for k in sorted(k for k in failed if k < n):
                yield from failed.pop(k)
            # (a page given twice has one id twice: its record first, as dedup keeps the first)
            got = records[doc.id].pop(0) if records.get(doc.id) else outcomes.take(doc.id)
            if got is None:  # (a stage that neither kept nor reported it)
                got = Cleaned(doc.source.uri, stage="record", error="the document was lost")
            del pending[doc.id]
            yield got

    def _record(self, doc: Document) -> Cleaned:
        uri = doc.source.uri
        if doc.is_html:
            return self._failed(doc, STILL_HTML)
        record = build_record(doc, self.pipeline)
        try:
            errors = self.validator.errors(record)
        except Exception as exc:  # (a value no JSON takes, in a stage's annotations)
            errors = [describe_error(exc)]
        if errors:
            return self._failed(doc, schema_failure(errors))
        return Cleaned(uri, record=record)

    def _failed(self, doc: Document, error: str) -> Cleaned:
        """A kept document whose record could not be made: failed at ``record``."""
        ended = self._outcomes.ended
        self._outcomes.failed(doc, "record", error)  # (the ordered stages forget it)
        got = ended[doc.id].pop()
        if not ended[doc.id]:
            del ended[doc.id]
        return got


_FORKED = (
    "this Cleaner was made in another process (before a fork): make one in each process that cleans"
)

#: A cleaner's temporary folder (in the system's temporary folder), and the file in it that
#: names the process that made it
_TMP_PREFIX = "corearchive-cleaner-"
_OWNER = "owner"


def _owner_of(pid: int) -> str | None:
    """``"PID START"``: the process ``pid`` and its start time (Linux's ``/proc``: a pid used
    again by another process has another); None when no such process runs. Without
    ``/proc``: ``"PID"`` while the process runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except OSError:  # (another user's: running)
        pass
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return str(pid)
    # (field 22, counted after the command name, which may hold spaces and parentheses)
    fields = stat[stat.rfind(")") + 2 :].split()
    return f"{pid} {fields[19]}" if len(fields) > 19 else str(pid)


def _remove_stale_folders() -> None:
    """Remove the temporary folders of cleaners whose process is gone (killed: its
    ``close()`` and finaliser never ran, and a service restarted after each kill left one
    folder, its index, per kill). A folder is left alone when its process still runs, or
    it names none (made by another version, or being made)."""
    for folder in Path(tempfile.gettempdir()).glob(_TMP_PREFIX + "*"):
        try:
            owner = (folder / _OWNER).read_text().split()
            pid = int(owner[0])
        except (OSError, ValueError, IndexError):
            continue
        now = _owner_of(pid)
        if now is None or (len(owner) > 1 and len(now.split()) > 1 and now.split() != owner):
            shutil.rmtree(folder, ignore_errors=True)


def _page_item(page: str | bytes | Mapping[str, Any], url: str | None) -> InputItem:
    """A page as an input item: its bytes as an input would hold them, named by its URI
    (named "-" as standard input is: no file, no suffix to go by)."""
    data, uri = _page_bytes(page, url)
    return _item("-", uri, data[:HEAD_SIZE], data)


def _page_bytes(page: str | bytes | Mapping[str, Any], url: str | None) -> tuple[bytes, str]:
    """A page's bytes as an input would hold them, and the URI that names it."""
    if isinstance(page, Mapping):
        try:
            text = json.dumps(page, ensure_ascii=False, default=str)
        except (TypeError, ValueError) as exc:  # (a mapping that holds itself)
            raise ValueError(f"a page given as a mapping is no JSON object: {exc}") from exc
        data = text.encode("utf-8", "surrogatepass")
        given = page.get("url")
        # (its own URL names it where it fails, as its document would be named)
        if isinstance(given, str) and given.strip():
            return data, given.strip()
    url = url.strip() if url else None  # (a blank URL is none: it became "%20%20")
    if isinstance(page, Mapping):
        return data, url or f"urn:sha256:{hashlib.sha256(data).hexdigest()}"
    if isinstance(page, str):
        data = page.encode("utf-8", "surrogatepass")
    elif isinstance(page, bytes | bytearray | memoryview):
        data = bytes(page)
    else:
        raise TypeError(f"a page is str, bytes or a mapping, not {type(page).__name__}")
    return data, url or f"urn:sha256:{hashlib.sha256(data).hexdigest()}"


def _utc(when: Any) -> str | None:
    """A capture time as the records hold it (:func:`~corearchive.document.capture_time`:
    the forms a dump's ``fetched_at`` takes); ``ValueError`` for any other value."""
    if when is None:
        return None
    got = capture_time(when)
    if got is None:
        raise ValueError(
            f"fetched_at is no capture time: {when!r} (a datetime or date, ISO 8601, a"
            " 14-digit CDX stamp or seconds since 1970, in 1990-2200)"
        )
    return got
