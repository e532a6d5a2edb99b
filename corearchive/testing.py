"""A pytest plugin for plugin authors (and corearchive's own tests).

Installed with corearchive (``pytest11`` entry point), it offers:

``make_document(text, ...)``
    a :class:`~corearchive.Document` as a source would have made it.
``run_stage(StageClass, docs, **options)`` (fixture)
    run one stage over documents with a real catalog in a temporary folder; returns the
    kept documents, the drops and the failures. It checks what a run would: the options
    against the stage's option schema (:class:`~corearchive.ConfigError`), and what the
    stage put in a document's annotations against its ``annotations_schema`` (a document
    whose record a run would refuse is among the failures, with the run's message).
``ingest(*args)`` (fixture)
    run ``corearchive ingest ARGS -o OUT`` in-process; returns the exit code, the output and
    the parsed ``records.jsonl``, ``rejects.jsonl`` and ``run.json``.
``run_source(SourceClass, path, resume=None)`` (fixture)
    read one input file with one source as a run would (its ``sniff`` first; a document
    of another format or anything but a document or :class:`~corearchive.Failure` is a
    failure naming the source); returns the score, documents, failures, counts, the
    position after each result, and the error that stopped the reading, if any.
``run_sink(SinkClass, docs, **options)`` (fixture)
    write documents through one sink into a temporary output folder as a run would
    (options checked, ``open``, ``prepare``, ``write`` with the read-only record,
    ``commit``); returns the folder and what the sink says for the manifest.
``corearchive_pm`` (fixture)
    a fresh plugin manager with every installed plugin loaded and collected (its
    ``infos[NAME].stages``, ``sources``, ``sinks`` filled, as a run's are).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .catalog import Catalog
from .document import Document, Drop, Format
from .errors import ConfigError
from .manager import PluginManager, make_plugin_manager
from .options import build_options, options_schema
from .schema import RecordValidator
from .stage import Stage, StageContext


def make_document(
    text: str,
    *,
    path: str = "doc.txt",
    format: Format = "text",
    html: bool = False,
    raw: bytes | None = None,
    uri: str | None = None,
    **source_fields: Any,
) -> Document:
    """A document as a source would make it from ``text`` (raw bytes: its UTF-8); ``uri``
    its address (default: the file URI of ``path``), as a WARC or dump gives one."""
    return Document.create(
        raw=raw if raw is not None else text.encode("utf-8"),
        text=text,
        uri=uri if uri is not None else Path(path).resolve().as_uri(),
        path=path,
        format=format,
        is_html=html,
        content_type="text/html" if html else "text/plain",
        **source_fields,
    )


class RecordingReporter:
    """A stage reporter that collects what a stage drops and where it fails."""

    def __init__(self) -> None:
        self.dropped_docs: list[tuple[Document, Drop]] = []
        self.failed_docs: list[tuple[Document, str]] = []

    def dropped(self, document: Document, stage: str, drop: Drop) -> None:
        self.dropped_docs.append((document, drop))

    def failed(self, document: Document, stage: str, error: str) -> None:
        self.failed_docs.append((document, error))


@dataclass
class StageRun:
    """The outcome of :func:`run_stage`."""

    kept: list[Document]
    dropped: list[tuple[Document, Drop]]
    failed: list[tuple[Document, str]]
    stage: Stage


def stage_runner(tmp_path: Path) -> Callable[..., StageRun]:
    """A ``run_stage`` function whose catalog lives under ``tmp_path``."""
    catalog_holder: dict[str, Catalog] = {}

    def run_stage(
        stage_cls: type[Stage], docs: Iterable[Document] | Document, **options: Any
    ) -> StageRun:
        if isinstance(docs, Document):
            docs = [docs]
        if "c" in catalog_holder:
            catalog_holder["c"].commit()
        catalog = Catalog(tmp_path / "index.sqlite")
        catalog_holder["c"] = catalog
        rec = RecordingReporter()
        ctx = StageContext(run_id="test", out=tmp_path, catalog=catalog, reporter=rec)
        _check_options(stage_cls, options)
        opts = build_options(stage_cls.Options, options, stage=stage_cls.name, origin="test")
        stage = stage_cls(opts, ctx)
        stage.open()
        docs = list(docs)
        kept = []
        for doc in stage.run(docs):
            problems = _annotation_problems(stage_cls, doc)
            if problems:
                rec.failed_docs.append(
                    (doc, "record does not match the schema: " + "; ".join(problems[:5]))
                )
            else:
                kept.append(doc)
        stage.close()
        return StageRun(kept=kept, dropped=rec.dropped_docs, failed=rec.failed_docs, stage=stage)

    return run_stage


def _check_options(stage_cls: Any, options: dict[str, Any], kind: str = "stage") -> None:
    """The options as a run checks its config (:class:`ConfigError`: a run exits 2 on them)."""
    import jsonschema

    schema = options_schema(stage_cls.Options)
    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(schema).iter_errors(options)
    )
    if error is not None:
        where = "/".join(map(str, error.absolute_path)) or "(options)"
        raise ConfigError(f"{kind} {stage_cls.name!r}: {where}: {error.message}")


def _annotation_problems(stage_cls: type[Stage], doc: Document) -> list[str]:
    """What a run's record validation would refuse in the stage's own fragment of ``doc``'s
    annotations, against its ``annotations_schema`` (the run's validator, values JSON cannot
    hold included). Keys not its own, and its own without a schema, the stage's run loop
    refuses itself (:meth:`~corearchive.stage.Stage.run`), as in a run."""
    name = stage_cls.name
    if name not in doc.annotations or stage_cls.annotations_schema is None:
        return []
    out: list[str] = []
    path = f"annotations/{name}"
    # (the validator names paths inside the fragment, "(record)" for its top)
    for line in RecordValidator(stage_cls.annotations_schema).errors(doc.annotations[name]):
        where, _, message = line.partition(": ")
        out.append(f"{path}{'' if where == '(record)' else '/' + where}: {message}")
    return out


@pytest.fixture
def run_stage(tmp_path: Path) -> Callable[..., StageRun]:
    """Run one stage over documents: ``run_stage(MyStage, docs, option=value)``.

    Successive calls in one test share the catalog (each call is committed like a run).
    """
    return stage_runner(tmp_path)


@pytest.fixture
def corearchive_pm() -> PluginManager:
    """A fresh plugin manager with all installed plugins, collected (as a run does: its
    ``infos`` list what each plugin offers; they were empty until ``collect(pm)``)."""
    from .manager import collect

    pm = make_plugin_manager()
    collect(pm)
    return pm


@dataclass
class SourceRun:
    """What :func:`run_source` read of one input."""

    #: the source's ``sniff`` of the input (a run reads it with the most confident source)
    score: float
    documents: list[Document]
    failures: list[Any]
    #: ``item.counts`` (added to a run's report under ``skipped``)
    counts: dict[str, int]
    #: ``item.position`` after each result (documents and failures, in order)
    positions: list[Any]
    #: the exception that ended the reading (a run's input error), or None
    error: BaseException | None = None


def source_runner() -> Callable[..., SourceRun]:
    """The function behind the :func:`run_source` fixture."""
    from .inputs import _make_item, _sniff, read_results
    from .source import Failure, Source

    def run_source(source_cls: type[Source], path: str | Path, *, resume: Any = None) -> SourceRun:
        item = _make_item(str(path))
        item.resume = resume
        source = source_cls()
        got = SourceRun(_sniff(source, item.head(), item), [], [], {}, [])
        try:
            for result in read_results(source, item):
                if isinstance(result, Failure):
                    got.failures.append(result)
                else:
                    got.documents.append(result)
                got.positions.append(item.position)
        except Exception as exc:
            got.error = exc
        got.counts = dict(item.counts)
        return got

    return run_source


@pytest.fixture
def run_source() -> Callable[..., SourceRun]:
    """Read one input with one source: ``run_source(MySource, path, resume=None)``."""
    return source_runner()


@dataclass
class SinkRun:
    """What :func:`run_sink` wrote: the output folder and the sink's manifest entries."""

    out: Path
    outputs: list[str]
    appended: dict[str, dict[str, int]]
    digests: dict[str, str]
    sink: Any


def sink_runner(tmp_path: Path) -> Callable[..., SinkRun]:
    """The function behind the :func:`run_sink` fixture."""
    from .atomic import Commit
    from .schema import build_record
    from .sink import Sink, SinkContext, read_only

    calls = {"n": 0}

    def run_sink(
        sink_cls: type[Sink], docs: Iterable[Document] | Document, **options: Any
    ) -> SinkRun:
        if isinstance(docs, Document):
            docs = [docs]
        calls["n"] += 1
        out = tmp_path / "sink-out"
        out.mkdir(exist_ok=True)
        run_id = f"20260101T000000Z-{calls['n']:06x}"
        _check_options(sink_cls, options, "sink")
        opts = build_options(sink_cls.Options, options, stage=sink_cls.name, origin="test")
        catalog = Catalog(out / "index.sqlite")
        ctx = SinkContext(run_id=run_id, out=out, catalog=catalog, provenance={})
        sink = sink_cls(opts, ctx)
        sink.open()
        commit = Commit(out, run_id)
        try:
            for doc in docs:
                sink.prepare(doc)
                sink.write(doc, read_only(build_record(doc, [])))
            with commit:
                sink.commit()
            commit.publish()
        except BaseException:
            commit.abort()
            sink.abort()
            raise
        finally:
            catalog.commit()
        return SinkRun(out, sink.outputs(), sink.appended(), sink.digests(), sink)

    return run_sink


@pytest.fixture
def run_sink(tmp_path: Path) -> Callable[..., SinkRun]:
    """Write documents through one sink: ``run_sink(MySink, docs, option=value)``; each
    call is a run into the same folder (``result.out``)."""
    return sink_runner(tmp_path)


@dataclass
class IngestResult:
    """The outcome of one in-process ``corearchive ingest``."""

    exit_code: int
    output: str
    out: Path
    records: list[dict[str, Any]]
    rejects: list[dict[str, Any]]
    manifest: dict[str, Any] | None


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def run_ingest(*args: str, out: Path, input: bytes | None = None) -> IngestResult:
    """Run ``corearchive ingest ARGS -o OUT --quiet`` in-process and read its outputs."""
    from click.testing import CliRunner

    from .cli import cli

    runner = CliRunner()
    # One worker unless the test asks for more: a pool per test would only cost time.
    workers = (
        []
        if any(a in ("-w", "--workers") or a.startswith("--workers=") for a in args)
        else ["--workers", "1"]
    )
    result = runner.invoke(
        cli,
        ["ingest", *args, "-o", str(out), "--quiet", *workers],
        input=input,
        catch_exceptions=False,
    )
    manifest = None
    if (out / "run.json").exists():
        manifest = json.loads((out / "run.json").read_text("utf-8"))
    return IngestResult(
        exit_code=result.exit_code,
        output=result.output,
        out=out,
        records=_jsonl(out / "records.jsonl"),
        rejects=_jsonl(out / "rejects.jsonl"),
        manifest=manifest,
    )


@pytest.fixture
def ingest(tmp_path: Path) -> Callable[..., IngestResult]:
    """``ingest(*inputs_and_options, out=None, input=None)``: run the CLI in-process.

    ``out`` defaults to ``tmp_path / "out"``; ``input`` is passed as standard input.
    """

    def _ingest(*args: str, out: Path | None = None, input: bytes | None = None) -> IngestResult:
        return run_ingest(*args, out=out or tmp_path / "out", input=input)

    return _ingest
