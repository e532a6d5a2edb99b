"""Stage base classes: a stage is a generator over documents, with counting and isolation.

A stage subclass implements ``process`` (one document) or ``process_batch`` (a list, for
stages that gain from batching) and returns the document, changed or annotated, or a
:class:`~corearchive.document.Drop`. The base class's ``run`` loop does the rest: it batches,
counts (in, out, dropped by reason, failed, seconds) and isolates failures per document —
a generator that raised cannot be resumed, so the isolation lives here, not in the caller.
"""

from __future__ import annotations

import copy
import errno
import sqlite3
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from .atomic import _PERMISSION_ERRNOS, _SPACE_ERRNOS
from .document import Document, Drop, Duplicate, SourceInfo
from .errors import CoreArchiveError, PluginError, StageSetupError
from .limits import DocumentTimeout, time_limit
from .options import NoOptions
from .report import dumps

if TYPE_CHECKING:
    from .catalog import Catalog


class Reporter(Protocol):
    """Where a stage sends the documents it drops and the failures it isolates."""

    def dropped(self, document: Document, stage: str, drop: Drop) -> None: ...

    def failed(self, document: Document, stage: str, error: str) -> None: ...


@dataclass
class StageContext:
    """What a stage may use from the run: its output folder, the archive catalog, the
    reporter, and the time it may spend on one document (see :meth:`Stage.run`)."""

    run_id: str
    out: Path
    catalog: Catalog
    reporter: Reporter
    #: Seconds a stage's call may take on one document (0: no limit): ``[pipeline]
    #: doc_timeout``.
    doc_timeout: float = 0.0
    #: The names of the run's stages, in order (None: not known, a stage made by a
    #: program): a stage may skip work that only a stage absent from the run would read
    #: (the boilerplate stage's trafilatura metadata, for the metadata stage).
    stages: tuple[str, ...] | None = None


@dataclass
class StageStats:
    """Counts of one stage in one run."""

    docs_in: int = 0
    docs_out: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    failed: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "in": self.docs_in,
            "out": self.docs_out,
            "dropped": dict(sorted(self.dropped.items())),
            "failed": self.failed,
            "seconds": round(self.seconds, 6),
        }


def setup_error(stage: str, exc: Exception, where: str = "") -> StageSetupError:
    """The run-stopping error of a stage that could not be built or opened (``where``: in a
    worker process, say), naming it."""
    return StageSetupError(f"stage {stage!r} could not be set up{where}: {describe_error(exc)}")


def open_stages(stages: Iterable[Stage], where: str = "") -> None:
    """Open ``stages``; the first that fails stops the run, named (:func:`setup_error`)."""
    for stage in stages:
        try:
            stage.open()
        except CoreArchiveError:
            raise  # (its options contradict each other or the index: a usage error)
        except Exception as exc:
            raise setup_error(stage.name, exc, where) from exc


def close_stages(stages: Iterable[Stage]) -> None:
    """Close per-document (local) stages at the end of a run. Their documents are done and
    they hold nothing the outputs need, so one whose ``close()`` raises is a warning naming
    it (the run was thrown away with one worker, and the error ignored with two)."""
    for stage in stages:
        try:
            stage.close()
        except Exception as exc:
            print(
                f"warning: stage {stage.name!r}: close() raised {describe_error(exc)}",
                file=sys.stderr,
            )


def close_ordered(stages: Iterable[Stage]) -> None:
    """Close the ordered stages at the end of a run. What they hold goes into the outputs
    (an index's last rows), so one whose ``close()`` raises stops the run before its
    commit, naming the stage (it was an "internal error" with a traceback)."""
    call_each_or_stop(stages, "close", "stage")


def call_each_or_stop(parts: Iterable[Any], method: str, kind: str) -> None:
    """Call ``method`` of each of ``parts`` (stages or sinks, ``kind``); one that raises
    stops the run before its commit point with a :class:`PluginError` naming it."""
    for part in parts:
        try:
            getattr(part, method)()
        except Exception as exc:
            if isinstance(exc, OSError) and exc.errno in STORAGE_ERRNOS | {errno.EIO}:
                raise  # (the disk's: "cannot write the output FILE: …", exit 3)
            raise PluginError(
                f"{kind} {part.name!r}: {method}() raised {describe_error(exc)}; nothing from"
                " this run was committed"
            ) from exc


def describe_error(exc: BaseException) -> str:
    """One line naming the exception and where it was raised, for reports. A time limit's
    exception is raised by its alarm handler (``corearchive/limits.py``): the place named is
    the code that was running when the time ran out."""
    tb = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename != _LIMITS]
    where = f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
    # (a MemoryError has no message: "MemoryError: " said nothing)
    said = str(exc) or ("out of memory" if isinstance(exc, MemoryError) else "(no message)")
    return f"{type(exc).__name__}: {said}{where}"


_LIMITS = str(Path(__file__).with_name("limits.py"))


#: A document whose text has this many characters or more is processed alone by every
#: stage (see :meth:`Stage.run`).
ALONE_CHARS = 1 << 20


class Stage:
    """Base class of a pipeline stage.

    Class attributes a subclass sets:

    ``name``
        The stage's name: its config table ``[stages.NAME]`` and its record key
        ``annotations.NAME``.
    ``Options``
        A frozen dataclass of its options (see :func:`corearchive.options.option`); the
        config schema is derived from it.
    ``annotations_schema``
        The JSON Schema fragment that ``annotations.NAME`` must match in every record, or
        ``None`` if the stage adds no annotations.
    ``batch_size``
        How many documents ``process_batch`` receives at most.
    ``batch_bytes``
        If not 0, a batch is also cut once its documents hold this many bytes of input and
        text (``raw``, ``content`` and ``text``): what a batch holds in memory stays bounded
        when documents are big (HTML pages), whatever ``batch_size`` is.
    ``ordered``
        ``False`` (the default) for a stage that looks at one document at a time: it may run
        in worker processes, on chunks of documents, and must not use the archive catalog.
        ``True`` for a stage whose decisions depend on the documents before it (an index,
        like ``dedup``): it and every stage after it run in the main process, in input
        order, so that a run gives the same result with any number of workers.
    ``changes_text``
        ``True`` for a stage that changes documents' text (takes lines out, rewrites it):
        it may not follow an ordered stage, which indexes the text it sees (see
        :meth:`_bad_text`), and a configuration that places it there is refused at start
        (a stage that does not say so is held to it document by document); one whose
        options decide it says so in :meth:`changes_text_with`.
    ``after`` / ``before``
        Where ``--enable NAME`` puts the stage: right after the stage named ``after``, else
        right before the one named ``before`` (``None``, the default: it declares no place,
        and is run by naming it in ``pipeline.stages``).
    """

    name: ClassVar[str]
    after: ClassVar[str | None] = None
    before: ClassVar[str | None] = None
    Options: ClassVar[type[Any]] = NoOptions
    annotations_schema: ClassVar[dict[str, Any] | None] = None
    batch_size: ClassVar[int] = 1
    batch_bytes: ClassVar[int] = 0
    ordered: ClassVar[bool] = False
    changes_text: ClassVar[bool] = False

    #: How many documents' time a batch gets (see :meth:`_run_batch`).
    _batch_scale = 1
    #: Set by the host: documents one at a time, whatever ``batch_size`` is (ordered stages
    #: followed by others: see :func:`corearchive.executor.one_at_a_time`)
    one_at_a_time = False
    #: Set by the host on the stages after the first ordered one: its name. They may not
    #: change a document's text (see :meth:`_bad_text`).
    text_fixed_by: str | None = None

    def __init__(self, options: Any, context: StageContext) -> None:
        self.options = options
        self.context = context
        self.stats = StageStats()

    @classmethod
    def models(cls, options: Any) -> dict[str, dict[str, Any]]:
        """The model files the stage decides with under ``options``, checked: a name (such as
        ``boilerplate.lines``) -> a JSON object with at least ``file`` and ``sha256`` (the
        file's digest). Called once per run in the main process, before any document: the
        run's provenance records them (``run.json``, the WARC files' warcinfo) and the
        fingerprint of unchanged inputs includes them, so that another model re-reads the
        inputs. A model the stage cannot use raises (the run stops, naming the stage)."""
        return {}

    @classmethod
    def changes_text_with(cls, options: Any) -> bool:
        """Whether the stage changes documents' text under its ``options``: its
        ``changes_text``, unless an option turns that off (a stage that takes lines out
        only on request overrides this; s40 acc-regress R11: the metadata stage with
        ``strip_lines = false`` after ``dedup`` was refused)."""
        return cls.changes_text

    @classmethod
    def check_options(cls, options: Any) -> None:
        """Refuse options the schema lets through but the stage cannot use: raise
        :class:`~corearchive.errors.OptionValueError` naming the option. Called as the
        configuration is resolved, for each stage of the pipeline, before any input is read
        (a check in :meth:`open` ran only once a document reached the stage: a run whose
        inputs were all archived already passed with a bad value, exit 0)."""

    @classmethod
    def check_index(cls, options: Any, db: Any, index: Path, out: Path) -> None:
        """Refuse (raise :class:`~corearchive.errors.ConfigError`) an index whose tables of
        this stage ``options`` cannot use, read from ``db`` (a read-only connection to the
        index ``index`` of the output folder ``out``). Called in the main process before the
        run opens the index for writing, so that a refused run leaves it byte for byte as
        it was (it was refused from :meth:`open`, after the index had been opened and
        switched to WAL)."""

    # -- lifecycle -------------------------------------------------------------------------
    def open(self) -> None:
        """Acquire resources (models, index tables). Called once per worker before documents."""

    def close(self) -> None:
        """Release resources. Called once per worker after the last document."""

    def forget(self, doc: Document) -> None:
        """``doc`` will not be archived after all (another stage dropped it, or its record or
        a sink failed): undo anything this stage recorded about it in this run, such as an
        index entry (not what earlier runs recorded: a document already archived is dropped
        as such, and stays archived).

        Called on ordered stages only (the others keep nothing across documents), and not
        on the stage that dropped the document itself."""

    def prepare(self, doc: Document) -> None:
        """For an ordered stage: the part of its work that depends on ``doc`` alone (hashing,
        say), done ahead in a worker process when the stage is the first ordered one.
        Store the result in ``doc.work[self.name]``; :meth:`process` must still work
        without it (it is not called when the stage follows another ordered stage).
        Called on a stage object that was not opened (in a worker, without the catalog)."""

    def prepare_batch(self, docs: list[Document]) -> None:
        """:meth:`prepare` for a chunk of documents (override to vectorise)."""
        for doc in docs:
            self.prepare(doc)

    # -- work ------------------------------------------------------------------------------
    def process(self, doc: Document) -> Document | Drop:
        """Process one document: return it (changed or annotated) or a :class:`Drop`."""
        raise NotImplementedError(f"stage {self.name!r} implements neither process nor batch")

    def process_batch(self, docs: list[Document]) -> Sequence[Document | Drop | Exception]:
        """Process a batch, in order; the default calls :meth:`process` per document.

        A stage that batches may give an exception in a document's place: that document
        alone failed (it is reported as :meth:`process` raising would be), the others go on.
        Anything but a document, a :class:`Drop` or an exception (``None``: a forgotten
        ``return``) fails its document with a ``TypeError`` naming what was given.
        Raising fails the batch: its documents are then run again one by one, each as it was
        before the call."""
        return [self.process(d) for d in docs]

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Drive the stage over a stream: batch, count, route drops, isolate failures.

        A document on which a (not ordered) stage spends longer than the run's
        ``doc_timeout`` fails with a :class:`~corearchive.limits.DocumentTimeout`; the run
        goes on."""
        batch: list[Document] = []
        size, cap = 0, self.batch_bytes
        limit = 1 if self.one_at_a_time else self.batch_size
        for doc in docs:
            # A document of a megabyte of text or more runs alone: under a time limit a
            # batch that runs over it is retried document by document, so a pathological
            # one among small ones ran twice (twice doc_timeout: 122 s for a 39 MB text of
            # 10 M lines under 60 s); alone it fails once, and its batch does not wait on it.
            alone = len(doc.text) >= ALONE_CHARS
            if alone and batch:
                yield from self._run_batch(batch)
                batch, size = [], 0
            batch.append(doc)
            if cap:
                size += len(doc.raw) + len(doc.content) + len(doc.text)
            if alone or len(batch) >= limit or (cap and size >= cap):
                yield from self._run_batch(batch)
                batch, size = [], 0
        if batch:
            yield from self._run_batch(batch)

    def _limit(self) -> float:
        # (not on an ordered stage: a call cut short could leave its index half updated)
        return 0.0 if self.ordered else getattr(self.context, "doc_timeout", 0.0)

    def _timeout(self) -> DocumentTimeout:
        return DocumentTimeout(
            f"stage {self.name!r} spent over {self._limit():g} s on the document"
            " (pipeline.doc_timeout)"
        )

    def _run_batch(self, batch: list[Document]) -> Iterator[Document]:
        self.stats.docs_in += len(batch)
        t0 = time.perf_counter()
        results: list[Any]
        # (what the batch call may change in place, for the retry below)
        before = [_snapshot(d) for d in batch] if len(batch) > 1 else []
        # (what a failure is reported under, whatever the stage did to the document; the
        # annotation keys it had, of which the stage may add its own only)
        names = [(d.id, d.source, d.text, d.is_html, set(d.annotations)) for d in batch]
        # A batch gets the time of one document (times the batches found slow, not stuck,
        # so far): one that runs over it is retried document by document below, and only
        # the document that runs over it again fails.
        scale = min(len(batch), self._batch_scale)
        try:
            with time_limit(self._limit() * scale, self._timeout):
                results = list(self.process_batch(batch))
            if len(results) != len(batch):
                raise RuntimeError(
                    f"process_batch returned {len(results)} results for {len(batch)} documents"
                )
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise  # (Ctrl-C, SIGTERM: the run stops)
            if self.ordered and storage_failure(exc):
                raise  # (the index's disk, not the documents: the run stops, said once)
            if len(batch) == 1:
                # (not run again: it would fail again, after as long)
                self._failed(batch[0], exc)
                results = [_REPORTED]
            else:
                # One bad document must not sink its batch: retry one by one to find it,
                # each as it was before the batch call (which may have cleaned some of them
                # already: cleaned twice, a page lost text)
                for doc, snap in zip(batch, before, strict=True):
                    _restore(doc, snap)
                results = [self._isolated(d) for d in batch]
                if isinstance(exc, DocumentTimeout) and _TIMED_OUT not in results:
                    # Slow, not stuck: every document kept to its time alone. Without this
                    # a stage of 0.2 s a document under a 1 s limit ran every batch twice
                    # (15 s to 112 s): the next batches get twice the time, up to theirs.
                    self._batch_scale = min(len(batch), 2 * scale)
        self.stats.seconds += time.perf_counter() - t0
        for doc, (doc_id, source, text, html, keys), result in zip(
            batch, names, results, strict=True
        ):
            if result is _REPORTED or result is _TIMED_OUT:
                continue  # failed and already reported
            if isinstance(result, Document):
                bad = (
                    _bad_document(result, doc_id)
                    or self._bad_annotations(result, keys)
                    or self._bad_text(result, text, html)
                )
                if bad is not None:
                    # (the failure's hooks read them: dedup forgets the document by its text)
                    doc.id, doc.source, doc.text = doc_id, source, text
                    result = bad
            elif isinstance(result, Drop):
                result = _bad_drop(result) or result
            elif not isinstance(result, BaseException):
                result = _not_a_result(result)
            if isinstance(result, BaseException):  # (this document alone failed)
                self._failed(doc, result)
                continue
            if isinstance(result, Drop):
                self.stats.dropped[result.reason] += 1
                self.context.reporter.dropped(doc, self.name, result)
                continue
            self.stats.docs_out += 1
            yield result

    def _bad_annotations(self, doc: Document, before: set[str]) -> ValueError | None:
        """Why the annotations the stage gave ``doc`` cannot go into a record, or None: a key
        other than its own name (the record's ``annotations`` holds each stage's own, checked
        by that stage's fragment: one written by another stage broke the schema with a message
        naming no stage), or its own key with no ``annotations_schema`` to check it by. The
        run and the ``run_stage`` fixture refuse them here, naming the stage."""
        name = self.name
        if foreign := sorted(doc.annotations.keys() - before - {name}):
            return ValueError(
                f"the stage wrote annotations.{', annotations.'.join(foreign)}, not its own: a"
                f" stage writes only annotations.{name} (one that replaces another stage too)"
            )
        if self.annotations_schema is None and name in doc.annotations and name not in before:
            return ValueError(
                f"the stage wrote annotations.{name} but declares no annotations_schema:"
                " declare the JSON Schema of what it writes there"
            )
        return None

    def _bad_text(self, doc: Document, text: str, html: bool) -> ValueError | None:
        """Why a stage after an ordered one may not give ``doc`` back with another text than
        the ``text`` it was given, or None: the ordered stage (``dedup``) indexed the text it
        saw, and ``index rebuild`` hashes the records' texts, so a later change made the
        rebuilt index differ from the run's (copies found live as exact, after a rebuild as
        near or not at all: s38 acc-plugin F2). A page still HTML then (``html``) may have
        its text extracted: no record holds markup."""
        by = self.text_fixed_by
        if by is None or html or doc.text is text or doc.text == text:
            return None
        return ValueError(
            f"the stage changed the document's text after the ordered stage {by!r} took it (its"
            " index holds the text it saw; 'index rebuild' would hash the changed one): a"
            f" stage that changes the text goes before {by!r}"
        )

    def _isolated(self, doc: Document) -> Any:
        """What processing ``doc`` alone gives, or, when it failed (and was reported),
        :data:`_TIMED_OUT` if it ran over its time, else :data:`_REPORTED`."""
        try:
            with time_limit(self._limit(), self._timeout):
                result = self.process_batch([doc])[0]
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt) or (self.ordered and storage_failure(exc)):
                raise
            self._failed(doc, exc)
            return _TIMED_OUT if isinstance(exc, DocumentTimeout) else _REPORTED
        return result

    def _failed(self, doc: Document, exc: BaseException) -> None:
        self.stats.failed += 1
        self.context.reporter.failed(doc, self.name, describe_error(exc))


#: What writing a file fails with when its disk is full, or its folder may not be written
STORAGE_ERRNOS = _SPACE_ERRNOS | _PERMISSION_ERRNOS
#: What SQLite says when it cannot write the index or its temporary files
_STORAGE_SQLITE = ("database or disk is full", "disk I/O error", "readonly database")


def storage_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is the failure of a disk, not of a document: an ordered stage's index
    that cannot be written (or SQLite's temporary files: a full /tmp failed every document
    of a run, "database or disk is full", each its own error entry; s30 storage F3)."""
    if isinstance(exc, sqlite3.OperationalError):
        return any(s in str(exc) for s in _STORAGE_SQLITE)
    return isinstance(exc, OSError) and exc.errno in STORAGE_ERRNOS


#: In a batch's results: the document failed and was reported already (:data:`_TIMED_OUT`:
#: it ran over its time, alone).
_REPORTED = object()
_TIMED_OUT = object()


def _not_a_result(value: Any) -> TypeError:
    """The failure of a stage that gave neither a document, a Drop nor an exception for a
    document (``return None`` forgotten): the document would otherwise vanish unreported."""
    return TypeError(
        f"the stage returned {type(value).__name__}"
        f"{'' if value is None else ' ' + repr(value)[:60]}, not the document, a Drop or an"
        " exception"
    )


#: The fields the host itself reads, and their types (a stage that breaks one would stop the
#: run in the host's code; the record's schema checks the others).
_CORE_FIELDS = (
    ("text", str),
    ("content", str),
    ("raw", bytes),
    ("source", SourceInfo),
    ("duplicate", Duplicate),
    ("annotations", dict),
    ("work", dict),
    ("authors", list),
    ("tags", list),
)


def _bad_document(doc: Document, doc_id: str) -> TypeError | None:
    """Why the document a stage gave in the place of the one with id ``doc_id`` cannot go
    on, or None: another document (another id: the input would vanish, or a document be
    written twice), or a core field of the wrong type."""
    if doc.id != doc_id:
        return TypeError(f"the stage gave back document {doc.id!r} in the place of {doc_id!r}")
    for name, kind in _CORE_FIELDS:
        if not isinstance(value := getattr(doc, name), kind):
            return TypeError(
                f"the stage set the document's {name} to a {type(value).__name__}, not a"
                f" {kind.__name__}"
            )
    return None


def _bad_drop(drop: Drop) -> TypeError | None:
    """Why ``drop`` cannot be reported (its entry in rejects.jsonl must be JSON), or None."""
    if not isinstance(drop.reason, str) or not drop.reason:
        return TypeError(f"the stage dropped the document with the reason {drop.reason!r}")
    try:
        dumps(drop.detail)
    except (TypeError, ValueError, RecursionError, OverflowError) as exc:
        return TypeError(f"the stage's Drop detail is not JSON ({describe_error(exc)})")
    return None


def forget_in(stages: Iterable[Stage], doc: Document, but: str | None = None) -> None:
    """:meth:`Stage.forget` ``doc`` in each of ``stages`` (not the one named ``but``, which
    dropped it). A stage whose ``forget`` raises is warned of on stderr, once per stage, and
    the run goes on: one plugin's mistake stopped the run (exit 3, an internal error,
    nothing committed) where it could at most have left the document counted in its
    state."""
    for st in stages:
        if st.name == but:
            continue
        try:
            st.forget(doc)
        except Exception as exc:
            if not getattr(st, "_forget_warned", False):
                st._forget_warned = True  # type: ignore[attr-defined]
                print(
                    f"warning: stage {st.name!r}: forget raised {describe_error(exc)}; the"
                    " run goes on, the stage's own state may still count the document (its"
                    " further failures are not shown)",
                    file=sys.stderr,
                )


def _snapshot(doc: Document) -> Document:
    """A copy of what a stage may change in place: the fields, their lists and dicts (one
    level deep) and the source and duplicate objects."""
    snap = copy.copy(doc)
    snap.authors, snap.tags = list(doc.authors), list(doc.tags)
    snap.annotations, snap.work = dict(doc.annotations), dict(doc.work)
    snap.source, snap.duplicate = copy.copy(doc.source), copy.copy(doc.duplicate)
    return snap


def _restore(doc: Document, snap: Document) -> None:
    for name in _DOCUMENT_FIELDS:
        setattr(doc, name, getattr(snap, name))


_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))


class FilterStage(Stage):
    """A stage that only keeps or drops: implement :meth:`keep`.

    ``keep`` returns ``True`` to keep the document, ``False`` to drop it (the reason is the
    stage's name), or a reason string (or a :class:`Drop`) to drop it. NumPy's booleans
    (``np.float64(x) > t``) count as ``True`` and ``False``; anything else (``None``: a
    forgotten ``return``) fails the document with a message saying what was returned,
    rather than dropping it unnoticed.
    """

    def keep(self, doc: Document) -> bool | str | Drop:
        raise NotImplementedError

    def process(self, doc: Document) -> Document | Drop:
        verdict = self.keep(doc)
        if verdict is True:
            return doc
        if isinstance(verdict, Drop):
            return verdict
        if isinstance(verdict, str):
            return Drop(reason=verdict)
        if verdict is False:
            return Drop(reason=self.name)
        # a NumPy boolean scalar (a 0-d array or np.bool_), without importing NumPy here
        dtype = getattr(verdict, "dtype", None)
        if getattr(dtype, "kind", None) == "b" and getattr(verdict, "shape", None) == ():
            return doc if bool(verdict) else Drop(reason=self.name)
        raise TypeError(
            f"{type(self).__name__}.keep() returned {verdict!r} ({type(verdict).__name__}); "
            "expected True to keep the document, or False, a reason string or a Drop to drop it"
        )
