"""The in-process runner: inputs → sources → stages → record → sinks, then commit.

Stages are chained generators and never know how they are driven. The runner owns the
transaction of a run: outputs are written under temporary names and the catalog inside one
SQLite transaction; only when every document is through are the outputs and ``run.json``
made durable, the catalog committed (the commit point) and the outputs put in place
(:class:`~corearchive.atomic.Commit`, with a journal that the next run into the folder
finishes from if this one is killed after the commit point). Anything that escapes (a bug,
Ctrl-C) aborts all of it, so an interrupted run leaves no half-written file under a final
name.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import hashlib
import json
import os
import re
import secrets
import socket
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TextIO, TypeVar

from . import __version__
from .atomic import Commit, output_lock, recover_commits, remove_leftovers, write_atomic
from .catalog import (
    DEFAULT_CACHE_MB,
    Catalog,
    create_index,
    index_entry,
    indexed_runs,
    manifest_index,
    open_read_only,
    refuse_newer,
    remove_new_index,
    run_manifests,
    stamp_folder,
)
from .config import PROVENANCE_MINIMAL, RunConfig, working_folder
from .document import BUILTIN_FORMATS, Document, Drop, printable, source_path
from .errors import (
    ConfigError,
    CoreArchiveError,
    IndexMissingError,
    ModelFileError,
    OutputError,
    PluginError,
)
from .executor import (
    CHUNK_SIZE,
    ChunkResult,
    InlineExecutor,
    LocalPart,
    PoolExecutor,
    RemoteExecutor,
    WorkerSpec,
    add_stats,
    chunked_by_input,
    local_context,
    one_at_a_time,
    split_stages,
)
from .hookspecs import builtin
from .inputs import (
    Unresolved,
    captures_first,
    expand,
    item_source,
    read_error,
    read_results,
)
from .limits import signals_held
from .manager import PluginManager, Registry
from .progress import Progress
from .redact import redact_argv, redact_setting, redact_url
from .report import (
    KEPT_BY_STATUS,
    NOTED,
    PAYWALL_CUT,
    QUALITY_FLAGGED,
    REPEATED_INPUT,
    TAKEDOWN_FLAGGED,
    TEMPLATE_LINES,
    RunReport,
    RunReporter,
)
from .schema import (
    STILL_HTML,
    RecordValidator,
    build_record,
    json_problems,
    schema_failure,
)
from .sink import Sink, SinkContext, commit_sinks, read_only
from .source import FETCH_STAGE, Failure, InputItem, Source, fetch_failed
from .stage import (
    STORAGE_ERRNOS,
    Stage,
    StageContext,
    StageStats,
    close_ordered,
    describe_error,
    forget_in,
    open_stages,
    setup_error,
)
from .takedown import removed_bytes, taken_down_drop, warn_taken_down_again
from .unchanged import UnchangedInputs, fingerprint

ARCHIVE_STAGE = "archive"


@dataclass
class RunOptions:
    """How to run, beyond the configuration: where from, where to, how loud."""

    inputs: Sequence[str]
    out: Path
    index: Path | None = None
    index_timeout: float = 30.0
    #: SQLite page cache of the index, in MB (memory against insert speed on big indexes).
    index_cache_mb: int = DEFAULT_CACHE_MB
    quiet: bool = False
    progress: bool | None = None  # None: only when stderr is a terminal
    stdin: bytes | None = None
    err: TextIO | None = None
    #: Processes for the document-local stages (1: all in this process).
    workers: int = 1
    #: Local stages only in worker processes (``workers`` of them), never in this one: a
    #: crash in C code costs only its document. Otherwise this process is one of the
    #: ``workers``: it runs chunks while it would wait for theirs.
    isolate: bool = False
    #: ``local`` (a process pool on this machine) or ``ray``.
    executor: str = "local"

    def own_paths(self) -> list[Path]:
        """What the run writes (its output folder and index): never read as its input."""
        return [self.out, *([self.index] if self.index else [])]

    #: Ray cluster address (``--executor ray``); none: start a local Ray instance.
    address: str | None = None
    #: ``stream`` (the pipeline in one pass) or ``staged`` (see :mod:`corearchive.plan`).
    plan: str = "stream"
    #: The staged plan's work folder (default: ``OUT/.plan``).
    work_dir: Path | None = None
    #: The staged plan cuts inputs bigger than this (MB) into tasks of about this size.
    task_mb: float = 256.0
    #: Start a new index although the folder's runs used one that is gone (``--new-index``).
    new_index: bool = False
    #: Read every input file, also those unchanged since a committed run read them whole
    #: (``--rescan``; see :mod:`corearchive.unchanged`).
    rescan: bool = False


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + secrets.token_hex(3)


class Run:
    """One ingest run. Build it, then call :meth:`execute`."""

    def __init__(
        self, pm: PluginManager, registry: Registry, config: RunConfig, options: RunOptions
    ) -> None:
        self.pm = pm
        self.registry = registry
        self.config = config
        self.options = options
        self.run_id = new_run_id()
        self.report = RunReport(run_id=self.run_id)
        #: True once the outputs and the catalog are committed (what fails after that, a
        #: hook, leaves them as they are)
        self.committed = False
        self._finished_at: str | None = None
        self.err = options.err if options.err is not None else sys.stderr
        self._local_stats: dict[str, StageStats] = {}
        self._ordered: list[Stage] = []
        #: the last error of a document at a sink (see _emit)
        self._sink_error = ""
        self._models: dict[str, dict[str, Any]] | None = None
        #: The sources the inputs are placed (_resolve) and read (_read) with: one choice each
        self._reading: dict[str, Source] = {}
        self.pipeline = [self._describe("stage", n) for n in config.stages]
        self.validator = RecordValidator(registry.record_schema(config.stages))

    def _describe(self, kind: str, name: str) -> dict[str, Any]:
        info = self.registry.owners[(kind, name)]
        return {"stage": name, "plugin": info.distribution or info.name, "version": info.version}

    def models(self) -> dict[str, dict[str, Any]]:
        """The model files of the run's stages (:meth:`corearchive.stage.Stage.models`),
        checked once, in this process, before any document: a model a stage cannot use stops
        the run here, naming the stage and the file (every document failed, or was decided
        by a model for other features without a word)."""
        if self._models is None:
            found: dict[str, dict[str, Any]] = {}
            for name in self.config.stages:
                cls = self.registry.stages[name]
                try:
                    found.update(cls.models(self.config.stage_options[name]))
                except ModelFileError as exc:
                    where = self.config.where(name, exc.option)
                    if where is None:  # (the shipped model: not the configuration's fault)
                        raise setup_error(name, exc) from exc
                    # (was "stage ... could not be set up: ModelError: ... at
                    # modelfile.py:30", exit 3, without the --set that named the file)
                    raise ConfigError(f"{where}: {exc}") from None
                except CoreArchiveError:
                    raise
                except Exception as exc:
                    raise setup_error(name, exc) from exc
            self._models = dict(sorted(found.items()))
        return self._models

    def provenance(self) -> dict[str, Any]:
        prov = self._provenance()
        if self.config.provenance == PROVENANCE_MINIMAL:
            # (output.provenance = "minimal": nothing about the operator, nor where the
            # model files are installed, their names and SHA-256 only)
            for key in _MINIMAL:
                del prov[key]
            prov["minimal"] = True  # (the sinks record none of it either)
            prov["models"] = {
                name: {**m, "file": Path(str(m["file"])).name} if "file" in m else m
                for name, m in prov["models"].items()
            }
        return prov

    def _argv(self) -> list[str]:
        """The command line, as recorded; with ``output.provenance = "minimal"`` the
        program by its name (not the folder it is installed in)."""
        argv = redact_argv(printable(a) for a in sys.argv)
        if argv and self.config.provenance == PROVENANCE_MINIMAL:
            argv[0] = Path(argv[0]).name
        return argv

    def _provenance(self) -> dict[str, Any]:
        plugins = {
            name: {"distribution": i.distribution, "version": i.version}
            for name, i in sorted(self.pm.infos.items())
        }
        return {
            "software": f"corearchive/{__version__}",
            "python": sys.version.split()[0],
            "libraries": libraries(),
            # (every build says 0.1.0: the code and model files that made the output)
            "code_digest": code_digest(),
            "plugins": plugins,
            "pipeline": self.pipeline,
            "config_digest": self.config.digest,
            # (which model files decided: their SHA-256, see Stage.models)
            "models": self.models(),
            "operator": os.environ.get("COREARCHIVE_OPERATOR") or _user(),
            "host": socket.gethostname(),
            "run_id": self.run_id,
        }

    # -- the run -----------------------------------------------------------------------------
    def execute(self) -> RunReport:
        """Run the pipeline over the inputs and commit the outputs; one run at a time per
        output folder (:func:`~corearchive.atomic.output_lock`), once what killed runs left
        there is finished or cleared."""
        # (the run's processes collect young objects less often: executor.freeze_heap; a
        # program that runs ingest keeps its own thresholds)
        thresholds = gc.get_threshold()
        try:
            return self._execute()
        finally:
            gc.set_threshold(*thresholds)

    def _execute(self) -> RunReport:
        opts = self.options
        if opts.plan == "staged":
            from .plan import check_staged_pipeline

            check_staged_pipeline(self.registry, self.config)
        with output_lock(opts.out, opts.index_timeout, self.err):
            index = opts.index or opts.out / "index.sqlite"
            # (before anything is changed: a folder or index of a newer format)
            refuse_newer(opts.out, index)
            recover_commits(opts.out, self.err)
            remove_leftovers(opts.out, self.run_id, self.err)
            earlier = run_manifests(opts.out)
            refuse = opts.index is None and not opts.new_index
            if refuse:
                _refuse_lost_index(earlier, opts.out, index)
            _unknown_runs(earlier, opts.out, index, self.err, refuse_stale=refuse)
            _warn_cut_files(earlier, opts.out, self.err)
            _warn_missing_warcs(earlier, opts.out, self.err)
            _warn_absent_plugins(earlier, self.registry, self.err)
            warn_taken_down_again(opts.out, index, self.err)
            self._check_index(index)
            # (what a first run that fails before its commit made is taken away: a hook or
            # a cluster that failed at the start left a new folder holding an empty index)
            if opts.plan == "staged":
                from .plan import StagedPlan

                # (not here: a staged plan stopped is relaunched from what it left)
                report = StagedPlan(self, opts.work_dir).execute()
            else:
                made = [p for p in (opts.out / "warc", opts.out / "runs") if not p.exists()]
                # (the index only if this run makes it: a run that found none, then failed,
                # deleted the one another run had made meanwhile and committed into; s29
                # acc-review M1)
                new_index = create_index(index)
                try:
                    report = self._stream()
                except BaseException:
                    if not self.committed:
                        _remove_made(made, index, new_index)
                    raise
            if self.committed:
                stamp_folder(opts.out, self.run_id)
            return report

    def _check_index(self, index: Path) -> None:
        """The stages' refusals of the index (:meth:`Stage.check_index`), made before the
        run opens it for writing: a refused run left it changed (tables added, WAL mode),
        though the message said to upgrade it "as it was" (s28 acc-upgrade L1)."""
        if not index.is_file():
            return
        try:
            db = open_read_only(index, untouched=True)
        except sqlite3.Error:
            return  # (the run says what is wrong with it)
        with contextlib.closing(db):
            for name in self.config.stages:
                try:
                    self.registry.stages[name].check_index(
                        self.config.stage_options[name], db, index, self.options.out
                    )
                except sqlite3.DatabaseError:
                    return  # (no index, or a damaged one: the run says, opening it)

    def _stream(self) -> RunReport:
        opts = self.options
        out = opts.out
        started = time.time()
        catalog = Catalog(
            opts.index or out / "index.sqlite",
            timeout=opts.index_timeout,
            cache_mb=opts.index_cache_mb,
            temp_in_memory=True,
        )
        self.catalog = catalog
        sinks: list[Sink] = []
        stages: list[Stage] = []
        reporter = RunReporter(
            self.report,
            out / "rejects.jsonl",
            on_dropped=lambda d, s, drop: self._dropped(sinks, d, s, drop),
            on_failed=lambda d, src, s, e: self._failed(d, src, s, e),
            err=self.err,
        )
        executor: InlineExecutor | RemoteExecutor | None = None
        commit = Commit(out, self.run_id)
        sctx = SinkContext(run_id=self.run_id, out=out, catalog=catalog, provenance={})
        try:
            catalog.start_run(self.run_id, out, at=_iso(started))
            self.pm.setup("corearchive_configure", config=self.config)
            sctx.provenance = self.provenance()
            for name in self.config.sinks:
                sinks.append(
                    _set_up_sink(
                        name,
                        partial(self.registry.sinks[name], self.config.sink_options[name], sctx),
                    )
                )
            ctx = StageContext(
                run_id=self.run_id,
                out=out,
                catalog=catalog,
                reporter=reporter,
                doc_timeout=self.config.doc_timeout,
                stages=tuple(self.config.stages),
            )
            for name in self.config.stages:
                stages.append(self.registry.stages[name](self.config.stage_options[name], ctx))
            local, ordered = split_stages(stages)
            # Only ordered stages keep state across documents: they are the ones to forget
            # (the reporter's callbacks read this list).
            self._ordered = ordered
            one_at_a_time(ordered)
            executor = self._executor(local, ordered)
            for sink in sinks:
                _set_up_sink(sink.name, sink.open)
            executor.open()
            open_stages(ordered)
            self.pm.setup("corearchive_session_start", run_id=self.run_id, config=self.config)

            unchanged = UnchangedInputs(catalog.db, self.fingerprint(), opts.rescan, out)
            items = self._resolve(reporter, unchanged)
            progress = Progress(
                total_inputs=self.report.inputs,
                not_read=self.report.inputs - len(items),
                enabled=(not opts.quiet)
                and (opts.progress if opts.progress is not None else self.err.isatty()),
                stream=self.err,
                items=items,
            )
            docs: Iterable[Document] = self._read(items, reporter, progress)
            docs = self._skip_archived(docs, reporter)
            results = executor.map(chunked_by_input(docs, CHUNK_SIZE))
            docs = self._replay(results, reporter)
            for stage in ordered:
                docs = stage.run(docs)
            guard = read_only_records(sinks)
            for doc in docs:
                self._emit(doc, sinks, reporter, catalog, guard)
                progress.kept()
            executor.close()
            close_ordered(ordered)
            progress.finish()
            # (in the run's transaction: committed with it, or not at all)
            unchanged.record(
                catalog.db,
                self.run_id,
                self.report.inputs_with_errors,
                self.report.not_recorded,
                self.report.inputs_damaged,
            )
            self.report.seconds = time.time() - started

            # The files become visible together, after the index's commit (Commit)
            with commit:
                commit_sinks(sinks)
                reporter.rejects.commit()
                counts = self.report.counts_json()
                manifest = self.manifest(
                    started,
                    catalog.path,
                    counts,
                    {s.name: self._stats(s) for s in stages},
                    {s.name: s.outputs() for s in sinks},
                    {name: d for s in sinks for name, d in s.digests().items()},
                    {
                        "rejects.jsonl": reporter.rejects.span(),
                        **{name: sp for s in sinks for name, sp in s.appended().items()},
                    },
                )
                self.write_manifest(manifest)
            self.commit_point(commit, catalog, counts)
        except BaseException:
            with signals_held():  # (a second Ctrl-C must not cut the clean-up short)
                if executor is not None:
                    _quietly(executor.abort)
                if not self.committed:
                    _quietly(commit.abort)
                    for sink in sinks:
                        _quietly(sink.abort)
                    _quietly(reporter.rejects.abort)
                    _quietly(catalog.rollback)
                _quietly(sctx.remove_scratch)
            raise
        sctx.remove_scratch()
        return self.session_finish()

    def session_finish(self) -> RunReport:
        """Tell the plugins the run is over (``corearchive_session_finish``, with its exit
        status), and return its report: the last step of a streamed run and of a staged
        plan's (:mod:`corearchive.plan`)."""
        self.pm.notify(
            "corearchive_session_finish",
            run_id=self.run_id,
            report=self.report,
            exitstatus=int(self.report.exit_code),
        )
        return self.report

    def fingerprint(self) -> str:
        """What an input's record in the index holds of this run's reading and decisions
        (see :func:`corearchive.unchanged.fingerprint`)."""
        prov = self.provenance()
        used = self.used_plugins()
        plugins = {name: v for name, v in prov["plugins"].items() if name in used}
        return fingerprint(self.config.digest, plugins, prov["models"], prov["code_digest"])

    def used_plugins(self) -> set[str]:
        """The plugins that may change what this run reads and decides: those of its stages
        and sinks, every source's (any may read an input) and those that configure a run.
        A plugin installed or disabled that offers only other stages or sinks made the next
        run read every unchanged file again (s30 corpus tester F7)."""
        stages, sinks = set(self.config.stages), set(self.config.sinks)
        used = {
            info.name
            for (kind, name), info in self.registry.owners.items()
            if kind == "source"
            or (kind == "stage" and name in stages)
            or (kind == "sink" and name in sinks)
        }
        hook = self.pm.hook.corearchive_configure
        return used | {impl.plugin_name for impl in hook.get_hookimpls()}

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        """``OUT/runs/RUN.json`` and ``OUT/run.json`` (inside the run's :class:`Commit`)."""
        blob = json.dumps(manifest, indent=2, ensure_ascii=False).encode() + b"\n"
        write_atomic(self.options.out / "runs" / f"{self.run_id}.json", blob, self.run_id)
        write_atomic(self.options.out / "run.json", blob, self.run_id)

    def _finishing(self) -> str:
        """When the run finished: taken once, by the manifest, and the index records the
        same time."""
        if self._finished_at is None:
            self._finished_at = _iso(time.time())
        return self._finished_at

    def commit_point(self, commit: Commit, catalog: Catalog, counts: dict[str, Any]) -> None:
        """The journal of ``commit`` written, the index committed (the commit point: from
        here the run is kept, by this process or the next run into the folder), then the
        files put in place."""
        commit.prepare(catalog.path)
        catalog.finish_run(self.run_id, json.dumps(counts), at=self._finishing())
        catalog.commit()
        self.committed = True
        commit.publish()

    def _executor(
        self, local: list[Stage], ordered: list[Stage]
    ) -> InlineExecutor | RemoteExecutor:
        for st in local:
            st.context = local_context(
                self.run_id, self.options.out, self.config.doc_timeout, self.config.stages
            )
        prepare = ordered[0] if ordered and _prepares(ordered[0]) else None
        # Documents going on to the ordered stage (dedup) have their record checked first:
        # one that failed later had been taken for the original of its copies. Not when
        # stages follow it: they may extract the text or add what the schema asks for (a
        # boilerplate stage after dedup: every HTML page failed as "still HTML").
        check = self.validator if len(ordered) == 1 else None
        inline = InlineExecutor(LocalPart(local, prepare, check))
        ray = self.options.executor == "ray"
        # (--isolate with one worker: one worker process, so that a document stuck in C code
        # can be killed with it, see executor.Watchdog)
        one = self.options.workers <= 1 and not self.options.isolate
        if not ray and (one or (not local and prepare is None)):
            return inline
        spec = WorkerSpec(
            registry=self.registry,
            config=self.config,
            run_id=self.run_id,
            out=self.options.out,
            local=[st.name for st in local],
            prepare=prepare.name if prepare else None,
            check=check is not None,
        )
        if ray:
            from .ray_executor import RayExecutor

            return RayExecutor(self.options.workers, spec, inline, self.options.address)
        if self.options.isolate:
            pool = PoolExecutor(self.options.workers, spec, inline)
            pool.isolated = True
            return pool
        return PoolExecutor(self.options.workers - 1, spec, inline, steal=True)

    def _replay(self, results: Iterable[ChunkResult], reporter: RunReporter) -> Iterator[Document]:
        """The local part's outcomes, in input order: report drops and failures, pass on the
        kept documents to the ordered stages."""
        ordered = {st.name: st for st in self._ordered}
        for res in results:
            for name, stats in res.stats.items():
                if name in ordered:  # the time of its prepare step
                    ordered[name].stats.seconds += stats.seconds
                else:
                    add_stats(self._local_stats.setdefault(name, StageStats()), stats)
            for ev in res.events:
                if ev.kind == "kept":
                    yield ev.doc
                elif ev.kind == "dropped":
                    assert ev.drop is not None
                    reporter.dropped(ev.doc, ev.stage, ev.drop)
                else:
                    reporter.failed(ev.doc, ev.stage, ev.error)

    def _resolve(self, reporter: RunReporter, unchanged: UnchangedInputs) -> list[InputItem]:
        """The items to read: the inputs resolved, but for the files ``unchanged`` since a
        committed run read them (counted)."""
        items: list[InputItem] = []
        opts = self.options

        def repeated(path: str) -> None:
            self.report.inputs += 1
            self.report.skipped[REPEATED_INPUT] += 1

        for it in expand(
            opts.inputs,
            stdin=opts.stdin,
            skip=opts.own_paths(),
            spool_dir=opts.out,
            repeated=repeated,
        ):
            self.report.inputs += 1
            if isinstance(it, Unresolved):
                reporter.input_failed(it.path, it.uri, it.error)
            elif not unchanged.unchanged(it.path, a_file=_a_file(it)):
                items.append(it)
        self.report.unchanged_inputs = unchanged.count
        self.report.unchanged_damaged = unchanged.damaged
        self.report.unchanged_by = unchanged.recorded_by
        self._reading = self._sources()
        return captures_first(items, self._reading)

    def _sources(self) -> dict[str, Source]:
        return {name: cls() for name, cls in self.registry.sources.items()}

    def _read(
        self, items: list[InputItem], reporter: RunReporter, progress: Progress
    ) -> Iterator[Document]:
        sources = self._reading
        for item in items:
            progress.input_started(item)
            source: Source | None = None
            key = source_path(item.path)
            try:
                source = item_source(item, sources)
                self.report.formats[source.name] += 1
                for result in read_results(source, item):
                    if isinstance(result, Failure):
                        reporter.input_failed(
                            item.path, item.uri, result.error, result.where, result.lasting
                        )
                        continue
                    if result.source.path != key:
                        # (a source that names its documents' input otherwise: their errors
                        # would not be told as this input's, which is read again next time)
                        self.report.inputs_with_errors.add(key)
                    self.report.documents += 1
                    progress.document()
                    yield result
            except Exception as exc:
                reporter.input_failed(item.path, item.uri, read_error(source, exc))
            for what, n in item.counts.items():
                self.report.skipped[what] += n

    def _skip_archived(self, docs: Iterable[Document], reporter: RunReporter) -> Iterator[Document]:
        """Drop documents whose id is archived already (a rerun adds nothing)."""
        # Inputs are read once each (see inputs.expand) and an id includes its input's path,
        # so an id can repeat only within one input: remember ids per input, not per run
        # (memory must not grow with the number of documents).
        seen: set[str] = set()
        current: str | None = None
        in_warc = "warc" in self.config.sinks  # (see catalog.WITH_WARC)
        for doc in docs:
            if doc.source.path != current:
                current = doc.source.path
                seen.clear()
            if (failed := fetch_failed(doc)) is not None:
                reporter.dropped(doc, FETCH_STAGE, failed)
                continue
            if (gone := self.catalog.taken_down(doc.id, doc.source.sha256)) is not None:
                # (corearchive remove: the index forgot it, so it would be archived again)
                reporter.dropped(doc, ARCHIVE_STAGE, taken_down_drop(doc.id, gone))
                continue
            prior = self.catalog.get(doc.id, in_warc=in_warc)
            src = doc.source
            if prior is None and doc.id not in seen and (src.read_again or src.same_record):
                prior = self.catalog.get_same(
                    src.sha256, src.uri, self.run_id, in_warc=in_warc, record_id=src.same_record
                )
            if prior is not None or doc.id in seen:
                detail = {
                    "of": prior.id if prior else doc.id,
                    "run_id": prior.run_id if prior else self.run_id,
                    "archived_at": prior.archived_at if prior else None,
                }
                reporter.dropped(doc, ARCHIVE_STAGE, Drop("already_archived", detail))
                continue
            seen.add(doc.id)
            yield doc

    def _emit(
        self,
        doc: Document,
        sinks: list[Sink],
        reporter: RunReporter,
        catalog: Catalog,
        read_only_record: bool,
    ) -> None:
        failed = self.report.failed["sink"]
        emit(
            doc, self.pipeline, sinks, reporter, self.validator, catalog, self.run_id,
            read_only_record,
        )  # fmt: skip
        if (
            self.report.failed["sink"] >= SINK_FAILURES_STOP
            and self.report.failed["sink"] > failed
            and self.report.kept == 0
        ):
            # Every document so far failed at a sink: the output cannot be written, not a
            # document's fault (a sink broken for all of them made a committed run of error
            # entries, exit 1, whose copies' drops pointed at documents never archived;
            # s30 storage F1).
            raise CoreArchiveError(
                f"the sinks failed on each of the first {SINK_FAILURES_STOP} documents (the"
                f" last: {self._sink_error}): the output cannot be written; nothing from"
                " this run was committed"
            )

    def _failed(self, doc: Document | None, source: dict[str, Any], stage: str, error: str) -> None:
        if stage == "sink":
            self._sink_error = error
        if doc is not None:
            forget_in(self._ordered, doc)
        self.pm.notify(
            "corearchive_document_failed", document=doc, source=source, stage=stage, error=error
        )

    def _dropped(self, sinks: list[Sink], doc: Document, stage: str, drop: Drop) -> None:
        # The stage that dropped the document decides what it keeps of it; the others forget.
        forget_in(self._ordered, doc, but=stage)
        for sink in sinks:
            try:
                sink.dropped(doc, stage, drop)
            except Exception as exc:
                # (what it failed to write, a revisit record, say, leaves the output
                # incomplete: the run stops, naming the sink)
                raise CoreArchiveError(
                    f"sink {sink.name!r} failed on a dropped document ({doc.source.uri}):"
                    f" {describe_error(exc)}"
                ) from exc
        self.pm.notify("corearchive_document_dropped", document=doc, stage=stage, drop=drop)

    def build_record(self, doc: Document) -> dict[str, Any]:
        """The JSON record of a kept document (validated by the caller)."""
        return build_record(doc, self.pipeline)

    def manifest(
        self,
        started: float,
        index: Path,
        counts: dict[str, Any],
        stages: dict[str, StageStats],
        outputs: dict[str, list[str]],
        digests: dict[str, str],
        appended: dict[str, dict[str, int]],
    ) -> dict[str, Any]:
        """The run's manifest (``run.json`` and ``runs/RUN_ID.json``); the staged plan's
        final step writes the same. ``digests``: ``sha256:HEX`` of the files the run wrote
        whole (its WARC files), by their names in ``outputs``; ``appended``: where the run's
        bytes are in the files runs add to (``records.jsonl``, ``rejects.jsonl``)."""
        minimal = self.config.provenance == PROVENANCE_MINIMAL
        cwd = working_folder()
        return {
            "run_id": self.run_id,
            "started_at": _iso(started),
            "finished_at": self._finishing(),
            "seconds": round(self.report.seconds, 3),
            "exit_code": int(self.report.exit_code),
            "inputs": [redact_url(printable(i)) for i in self.options.inputs],
            **index_entry(index, self.options.out),
            # the versions of what the run's stages keep in the index (the dedup keys): the
            # package version does not say it (0.1.0 across index versions 8 and 9)
            "index_formats": {
                name: version
                for name in self.config.stages
                if (version := getattr(self.registry.stages[name], "index_version", None))
                is not None
            },
            # (how the run was asked for: a rerun with the recorded config is
            # `ingest … --config runs/RUN.json`)
            "command": {
                # (user:password@ of URLs, values of options named like secrets: redact.py)
                "argv": self._argv(),
                **({} if minimal or cwd is None else {"cwd": printable(str(cwd))}),
                "plan": self.options.plan,
                "executor": self.options.executor,
                "workers": self.options.workers,
            },
            "config": {
                "origin": " + ".join(redact_setting(p) for p in self.config.origin.split(" + ")),
                "sets": [redact_setting(s) for s in self.config.sets],
                # (the files read, and how: a corearchive.toml of the working folder changes
                # the run without a word on its command line)
                "files": [dict(f) for f in self.config.files],
                "disable": list(self.config.disabled),
                "enable": list(self.config.enabled),
                "digest": self.config.digest,
                "resolved": self.config.resolved,
            },
            "pipeline": self.pipeline,
            "sinks": list(self.config.sinks),
            "provenance": self.provenance(),
            "counts": counts,
            "stages": {name: st.to_json() for name, st in stages.items()},
            "outputs": {"rejects": ["rejects.jsonl"], **outputs},
            "digests": dict(sorted(digests.items())),
            "appended": dict(sorted(appended.items())),
            # the runs that archived the documents this one dropped as already_archived
            # (another run's settings decided them: the command line says so)
            "already_archived_by": dict(sorted(self.report.archived_by.items())),
        }

    def _stats(self, stage: Stage) -> StageStats:
        if stage in self._ordered:
            return stage.stats
        return self._local_stats.get(stage.name, StageStats())


@functools.cache
def libraries() -> dict[str, str]:
    """The installed versions of what corearchive's own dependencies (not its extras) need,
    all the way down, and of the C libraries lxml is built on: what read, cleaned and dated
    the documents besides corearchive (trafilatura, htmldate, and under them justext,
    courlan, dateparser, python-dateutil, regex, lxml with libxml2 and libxslt: the HTML
    rendering is an XSLT stylesheet), for a run's provenance; a run's figures are
    reproduced with the same ones. (The direct dependencies only were listed: a build with
    another dateparser recorded the same provenance and dated documents otherwise.)"""
    import importlib.metadata as md

    try:
        todo = [r for r in md.requires("corearchive") or [] if "extra ==" not in r]
    except md.PackageNotFoundError:  # (run from a source tree that is not installed)
        return {}
    found: dict[str, str] = {}
    seen: set[str] = set()
    while todo:
        name = re.split(r"[\s<>=!~;\[(]", todo.pop(), maxsplit=1)[0]
        key = re.sub(r"[-_.]+", "-", name).lower()
        if not key or key in seen:
            continue
        seen.add(key)
        try:
            # (one read of the package's metadata for both: md.version and md.requires
            # each found the package on the path and parsed its metadata file again, half
            # of a process's start-up in this function)
            meta = md.distribution(name).metadata
        except md.PackageNotFoundError:  # (a dependency for another platform or Python)
            continue
        found[key] = meta["Version"]
        todo += [r for r in meta.get_all("Requires-Dist") or [] if "extra ==" not in r]
    with contextlib.suppress(ImportError):
        from lxml import etree

        found["libxml2"] = ".".join(map(str, etree.LIBXML_VERSION))
        found["libxslt"] = ".".join(map(str, etree.LIBXSLT_VERSION))
    return dict(sorted(found.items()))


#: The files of corearchive's packages that :func:`code_digest` covers: the code and the
#: model and data files the stages load (lines_model.json, month_words.json...)
_CODE_SUFFIXES = (".py", ".json", ".bin")


@functools.cache
def code_digest() -> str:
    """``sha256:`` of the code and data files that decide a run's output
    (:func:`files_digest` of the installed ``corearchive`` and ``corearchive_plugins``
    packages: their ``.py`` files and the model and data files the stages load). Every
    build said "corearchive/0.1.0": two builds whose records differ (text in 8 of 268
    documents, dates in 10) recorded the same provenance. Computed once per process
    (~10 ms: 2 MB)."""
    import importlib

    from . import __file__ as own

    plugins = importlib.import_module("corearchive_plugins").__file__
    return files_digest(
        [
            ("corearchive", Path(own or "").parent),
            ("corearchive_plugins", Path(plugins or "").parent),
        ]
    )


def files_digest(roots: Iterable[tuple[str, Path]]) -> str:
    """``sha256:`` over the sorted paths (``NAME/relative/path``) and bytes of every
    ``.py``, ``.json`` and ``.bin`` file under each ``(NAME, folder)`` of ``roots``
    (``__pycache__`` left out): each file as ``PATH NUL LENGTH NUL BYTES``."""
    h = hashlib.sha256()
    for name, root in roots:
        files = sorted(
            (p.relative_to(root).as_posix(), p)
            for p in root.rglob("*")
            if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts and p.is_file()
        )
        for rel, path in files:
            data = path.read_bytes()
            h.update(f"{name}/{rel}\0{len(data)}\0".encode())
            h.update(data)
    return "sha256:" + h.hexdigest()


def _remove_made(made: list[Path], index: Path, new_index: tuple[int, int] | None) -> None:
    """Remove what a run that failed before its commit made (``made``: empty folders;
    ``new_index``: the index, when this run made it, :func:`create_index`), so that a
    first run that fails leaves no index of nothing behind; an index another run uses as
    well is kept (:func:`remove_new_index`)."""
    if new_index is not None:
        remove_new_index(index, new_index)
    with contextlib.suppress(OSError):
        for path in made:
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def _a_file(item: InputItem) -> bool:
    """Whether ``item`` is a file read in place (not standard input, a pipe's copy, bytes
    given): only those are recorded as read, and skipped when unchanged."""
    return item.path != "-" and item.spool is None and item.data is None


def _manifest(path: Path) -> dict[str, Any]:
    """A run's manifest, or an empty one when it cannot be read."""
    try:
        got = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return got if isinstance(got, dict) else {}


def _unknown_runs(
    earlier: list[Path], out: Path, index: Path, err: TextIO, *, refuse_stale: bool
) -> None:
    """Earlier runs into ``out`` (``earlier``: their manifests) that the index this run uses
    does not know: the documents they archived are unknown to this run, which archives them
    again if given again (the same ids twice in ``records.jsonl``).

    With ``refuse_stale``, runs that used this very index (the folder's own) refuse the
    run: the index is older than they are, an older backup put back (the way the docs gave
    for a lost one), and the run archived their documents again (273, exit 0, after a
    warning). Others (another ``--index``, a deleted ``index.sqlite``) are warned of."""
    if not earlier:
        return
    try:
        known = indexed_runs(index)
    except sqlite3.Error:
        return  # (the run itself says what is wrong with its index)
    unknown = [p for p in earlier if p.stem not in known]
    stale = [
        path.stem
        for path in (unknown if refuse_stale else [])
        if (used := manifest_index(_manifest(path), out, path.stem)) is not None and used[1]
    ]
    if stale:
        raise IndexMissingError(
            f"the index {index} does not know {len(stale)} earlier run(s) into {out} that"
            f" used it (the last {stale[-1]}): it is older than they are (an older backup"
            " put back?), and a run would archive their documents again. Put back the latest"
            " backup, or bring this one up to date from the archive (corearchive index"
            f" rebuild {out}), or pass --new-index (new_index=True in corearchive.ingest) to go"
            " on with it anyway"
        )
    if unknown:
        print(
            f"corearchive: warning: {len(unknown)} earlier run(s) into {out} (the last"
            f" {unknown[-1].stem}) are not in the index {index}: the documents they archived"
            " are unknown to this run and archived again if given again (--index names the"
            " index they used)",
            file=err,
        )


def _refuse_lost_index(earlier: list[Path], out: Path, index: Path) -> None:
    """Refuse a run into ``out`` whose index (the folder's own) is gone while its earlier
    runs (``earlier``: their manifests) used it: a new index knows none of their documents,
    and the run archived every one of them again (``records.jsonl`` 436 → 1,305 lines)
    after one line of warning, exit 0, in an unattended job."""
    if index.exists():
        return
    used: list[tuple[str, Path, bool]] = []
    for path in earlier:
        manifest = _manifest(path)
        if isinstance(named := manifest.get("index"), str) and Path(named).name == index.name:
            resolved = manifest_index(manifest, out, path.stem)
            if resolved is not None:
                used.append((path.stem, *resolved))
    others = [(run, where) for run, where, own in used if not own]
    if used and len(others) == len(used):
        # (a folder whose runs used another folder's index, as a bounded folder's do)
        last, other = others[-1]
        raise IndexMissingError(
            f"{out} has no index of its own ({index} is not there); its {len(used)} run(s)"
            f" used the index {other} (the last {last}): pass --index {other} to go on with"
            " it, or --new-index to start a new one anyway"
        )
    if used:
        used_runs = [run for run, _, _ in used]
        raise IndexMissingError(
            f"the index {index} is gone, but {out} holds {len(used)} run(s) that used it (the"
            f" last {used_runs[-1]}): a new index would archive their documents again. Restore"
            " the index (a backup of index.sqlite, then `corearchive index rebuild"
            f" {out}` if the backup is older than the last run), or make it anew from the"
            f" archive: corearchive index rebuild {out} (--new-index, new_index=True in"
            " corearchive.ingest, starts an empty one anyway)"
        )


def _warn_missing_warcs(earlier: list[Path], out: Path, err: TextIO) -> None:
    """Say when a WARC file an earlier run wrote (its manifest's ``outputs.warc``) is not in
    ``out``: the index still holds its documents as archived, so this run skips them as
    ``already_archived`` when given again, and they never enter the archive again (a
    deleted WARC file and the same inputs given again: exit 0, kept 0, no word). One stat
    per file. The way back is the file itself, from a backup."""
    missing: list[tuple[str, str]] = []
    for path in earlier:
        manifest = _manifest(path)
        outputs = manifest.get("outputs")
        names = outputs.get("warc") if isinstance(outputs, dict) else None
        if not isinstance(names, list):
            continue
        for name in names:
            if not isinstance(name, str) or Path(name).is_absolute():
                continue
            try:
                there = (out / name).is_file()
            except OSError:
                continue
            if not there:
                missing.append((path.stem, name))
    if not missing:
        return
    run, name = missing[-1]
    others = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
    print(
        f"corearchive: warning: {printable(name)} (of run {run}){others} is missing from"
        f" {out}: the index holds the documents archived in it, so this run skips them as"
        " already archived if given again, and the archive does not hold them. Restore the"
        f" file from a backup (its SHA-256 is in runs/{run}.json); `corearchive verify`"
        " names what is lost (docs/archive.md, 'Repairing an archive')",
        file=err,
    )


def _warn_absent_plugins(earlier: list[Path], registry: Registry, err: TextIO) -> None:
    """Say which sources and sinks earlier runs into the folder used (their manifests'
    ``counts.formats``: a document's format is its source's name; ``sinks``) that are not
    installed now. A source plugin uninstalled had its inputs read again by a builtin
    source without a word (an RSS feed archived whole, as one more HTML document beside its
    items; s38 acc-plugin F10), and a sink's files no longer get the run's documents nor
    its takedowns (which ``remove`` and ``verify`` say, later)."""
    last: dict[tuple[str, str], str] = {}
    for path in earlier:
        manifest = _manifest(path)
        counts = manifest.get("counts")
        formats = counts.get("formats") if isinstance(counts, dict) else None
        sinks = manifest.get("sinks")
        for kind, names in (("source", formats), ("sink", sinks)):
            for name in names if isinstance(names, dict | list) else ():
                if isinstance(name, str):
                    last[kind, name] = path.stem
    installed = {
        "source": {*registry.sources, *BUILTIN_FORMATS},
        "sink": set(registry.sinks),
    }
    for (kind, name), run in sorted(last.items()):
        if name in installed[kind]:
            continue
        then = (
            "the inputs it read are read by the installed sources now, as other documents"
            if kind == "source"
            else "its files get no document of this run, nor a takedown"
        )
        print(
            f"corearchive: warning: {kind} {printable(name)!r}, which run {run} used, is not"
            f" installed (or could not be loaded): {then}; install its plugin again to go on"
            " as before (`corearchive plugins` lists what is installed)",
            file=err,
        )


def _warn_cut_files(earlier: list[Path], out: Path, err: TextIO) -> None:
    """Say when ``records.jsonl`` or ``rejects.jsonl`` is shorter than the last run left it
    (its manifest's ``appended`` span ends past the file's end): moved away, truncated or
    replaced, as a log rotation does. The run goes on and appends from the file's end, but
    the earlier runs' spans then point at other runs' lines (or nowhere), and verify reports
    their documents as missing: said before the run, not found a month later."""
    for path in reversed(earlier):
        appended = _manifest(path).get("appended")
        if not isinstance(appended, dict) or not appended:
            continue
        for name, span in sorted(appended.items()):
            try:
                end = int(span["offset"]) + int(span["bytes"])
            except (KeyError, TypeError, ValueError):
                continue
            try:
                size = (out / name).stat().st_size
            except FileNotFoundError:
                size = 0
            except OSError:
                continue
            short = end - size - removed_bytes(out, name, path.stem)
            if short == 1 and _last_byte(out / name, size) not in (b"", b"\n"):
                # (its final line break alone is gone, an editor's save: this run puts it
                # back before its lines, and every span is right; verify found nothing, and
                # the warning said it reports documents missing; s29 acc-review)
                continue
            if short > 0:
                print(
                    f"corearchive: warning: {out / name} holds {size:,} bytes, but run"
                    f" {path.stem} left it at {end:,} (moved away, truncated or replaced?):"
                    " this run appends from its end, and the earlier runs' lines are not"
                    " where their manifests' `appended` spans say (verify reports their"
                    " documents as missing); keep the file whole, or start a new output"
                    " folder",
                    file=err,
                )
        return  # (the last run's manifest with spans: the ones before it end earlier)


def _last_byte(path: Path, size: int) -> bytes:
    """The byte at ``size - 1`` in ``path`` (b"" when there is none)."""
    if size <= 0:
        return b""
    try:
        with open(path, "rb") as f:
            f.seek(size - 1)
            return f.read(1)
    except OSError:
        return b""


_T = TypeVar("_T")


def _set_up_sink(name: str, make: Callable[[], _T]) -> _T:
    """``make()`` (a sink's construction or ``open``), its failure a :class:`PluginError`
    naming the sink (it was an "internal error" with the exception alone), as a stage's is."""
    try:
        return make()
    except CoreArchiveError:
        raise  # (its own message: a sink's option that contradicts the run, say)
    except Exception as exc:
        raise PluginError(f"sink {name!r} could not be set up: {describe_error(exc)}") from exc


#: A run whose first this many documents all fail at a sink stops (see Run._emit)
SINK_FAILURES_STOP = 20


def read_only_records(sinks: list[Sink]) -> bool:
    """Whether :func:`emit` hands the sinks each record read-only: one of them is a plugin's
    (it changed the record the sinks after it wrote, records.jsonl too, and the document's
    annotations). Asked once per run (emit asked it of every document)."""
    return not all(builtin(s) for s in sinks)


def emit(
    doc: Document,
    pipeline: list[dict[str, Any]],
    sinks: list[Sink],
    reporter: RunReporter,
    validator: RecordValidator,
    catalog: Catalog,
    run_id: str,
    read_only_record: bool,
) -> None:
    """One kept document: its record, validated, to every sink (all or none), then the
    catalog; counted as kept, or reported as failed. The streaming run and the staged
    plan's write tasks both emit through here. ``read_only_record``: the record goes to
    the sinks read-only (:func:`read_only_records` of ``sinks``)."""
    if doc.is_html:
        # (a record whose text is the page's markup: --disable boilerplate gave those
        # without a word)
        reporter.failed(doc, "record", STILL_HTML)
        return
    written: list[Sink] = []
    current: Sink | None = None
    try:
        for current in sinks:
            current.prepare(doc)
        current = None
        record = build_record(doc, pipeline)
        errors = validator.errors(record)
        if errors:
            reporter.failed(doc, "record", schema_failure(errors))
            return
        if read_only_record:
            # (a plugin's sink gets what it cannot change)
            record = read_only(record)
        for current in sinks:
            current.write(doc, record)
            written.append(current)
    except Exception as exc:
        # All sinks or none: take back what the earlier sinks wrote for this document.
        for sink in reversed(written):
            _quietly(lambda sink=sink: sink.discard(doc))
        # (the output cannot take it, a full disk or a folder it may not write: no
        # document's fault, it stops the run; EACCES/EPERM were each document's error,
        # and the run committed with exit 1; s30 storage F1, F4)
        if isinstance(exc, OSError) and exc.errno in STORAGE_ERRNOS:
            # the output's disk, not the document: the run stops here, said once (a full
            # disk gave an error line for each document after it, taken for theirs)
            raise
        what = describe_error(exc)
        if current is not None:
            what = f"sink {current.name!r}: {what}"
        if isinstance(exc, (TypeError, ValueError)):
            # a value no JSON writer takes (a NumPy scalar in a stage's annotations): name
            # where it is, which names the stage that put it there
            found = json_problems(doc.annotations, "annotations")
            if found:
                what += "; " + "; ".join(found[:5])
        reporter.failed(doc, "sink", what)
        return
    arch = doc.archive
    catalog.add(
        doc.id,
        run_id=run_id,
        sha256=doc.source.sha256,
        uri=doc.source.uri,
        warc=arch.warc if arch else None,
        warc_offset=arch.offset if arch else None,
        raw_record_id=arch.raw_record_id if arch else None,
    )
    reporter.report.count_kept(doc)
    if (kept_as := KEPT_BY_STATUS.get(doc.duplicate.status)) is not None:
        reporter.report.skipped[NOTED + kept_as] += 1
    dedup = doc.annotations.get("dedup")
    if isinstance(dedup, dict) and dedup.get("taken_down"):
        reporter.report.skipped[NOTED + TAKEDOWN_FLAGGED] += 1
    boilerplate = doc.annotations.get("boilerplate")
    if isinstance(boilerplate, dict):
        if "template" in boilerplate:
            reporter.report.skipped[NOTED + TEMPLATE_LINES] += boilerplate["template"]["lines"]
        if boilerplate.get("paywall") is True:
            reporter.report.skipped[NOTED + PAYWALL_CUT] += 1
    quality = doc.annotations.get("quality")
    if isinstance(quality, dict) and quality.get("failed"):
        first = quality["failed"][0]
        rule = first.get("rule") if isinstance(first, dict) else None
        reporter.report.skipped[NOTED + QUALITY_FLAGGED.format(rule)] += 1


def _prepares(stage: Stage) -> bool:
    """Whether a stage does part of its work ahead (overrides prepare or prepare_batch)."""
    cls = type(stage)
    return cls.prepare is not Stage.prepare or cls.prepare_batch is not Stage.prepare_batch


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


#: What ``output.provenance = "minimal"`` leaves out of the provenance (warcinfo, manifest)
_MINIMAL = ("operator", "host")


def _user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:
        return "unknown"


def _quietly(fn: Any) -> None:
    # Cleaning up after a failure must not hide the failure itself.
    with contextlib.suppress(Exception):
        fn()


def ingest(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    config: str | os.PathLike[str] | None = None,
    settings: Iterable[str] = (),
    disable: Iterable[str] = (),
    enable: Iterable[str] = (),
    workers: int = 1,
    index: str | os.PathLike[str] | None = None,
    index_timeout: float = 30.0,
    rescan: bool = False,
    new_index: bool = False,
    err: TextIO | None = None,
) -> RunReport:
    """``corearchive ingest`` inside a program: the run over ``inputs`` (files, folders,
    globs) into ``out``, committed as the command commits it, its report returned.

    ``config``, ``settings`` (``"STAGE.KEY=VALUE"``) and ``disable`` are ``--config``,
    ``--set`` and ``--disable``; ``workers`` processes (default 1: this one); ``rescan``:
    ``--rescan`` (read also the files unchanged since a run read them whole);
    ``new_index``: ``--new-index``. The configuration is ``config``, else
    ``./corearchive.toml`` of the working folder when there is one, as for the command.
    Errors raise
    instead of exiting: :class:`~corearchive.ConfigError` (the configuration), and other
    :class:`~corearchive.CoreArchiveError` subclasses (the folder held by another run
    after ``index_timeout``: :class:`~corearchive.BusyError`; an index that is gone:
    :class:`~corearchive.IndexMissingError`; a staged plan to see to:
    :class:`~corearchive.PlanError`; an ``out`` that is a file or cannot be made or
    written: :class:`~corearchive.OutputError`, also a ``ValueError``), ``ValueError`` for
    no inputs; inputs that fail are in the report
    (``report.exit_code``) and ``out/rejects.jsonl``, as for the command. Warnings go to
    ``err`` (default: standard error). For pages the program holds, without an output
    folder, see :class:`~corearchive.Cleaner`."""
    from .config import resolve
    from .manager import collect, make_plugin_manager

    if isinstance(inputs, str | os.PathLike):
        raise TypeError("inputs is a list of paths, not one path")
    if not inputs:
        # (a glob of a missing day's shards gave [], and a committed run of nothing, exit 0)
        raise ValueError("no inputs: ingest takes at least one path")
    if Path(out).exists() and not Path(out).is_dir():
        raise OutputError(f"{os.fspath(out)}: is a file, not a folder (out is the output folder)")
    pm = make_plugin_manager()
    registry = collect(pm)
    resolved = resolve(
        registry,
        config_path=Path(config) if config is not None else None,
        sets=settings,
        disable=disable,
        enable=enable,
    )
    try:  # (the command's exit 3: said here as one of corearchive's errors)
        Path(out).mkdir(parents=True, exist_ok=True)
        if not os.access(out, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, "no permission to write in it")
    except OSError as exc:
        raise OutputError(
            f"{os.fspath(out)}: the output folder cannot be made or written ({exc.strerror or exc})"
        ) from exc
    options = RunOptions(
        inputs=[os.fspath(i) for i in inputs],
        out=Path(out),
        index=Path(index) if index is not None else None,
        index_timeout=index_timeout,
        quiet=True,
        progress=False,
        err=err,
        workers=workers,
        rescan=rescan,
        new_index=new_index,
    )
    return Run(pm, registry, resolved, options).execute()
