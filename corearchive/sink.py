"""Sinks: writers of kept documents (records file, WARC archives, a plugin's own index).

Every output is written under a temporary name and made final in :meth:`Sink.commit`, so an
interrupted run leaves no half-written file under a final name.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from .atomic import scratch_root
from .options import NoOptions

if TYPE_CHECKING:
    from .catalog import Catalog
    from .document import Document, Drop


@dataclass
class SinkContext:
    """What a sink may use from the run."""

    run_id: str
    out: Path
    catalog: Catalog
    #: Software, plugin versions, config digest, operator and host: provenance for archives.
    provenance: dict[str, Any]
    #: Where the files written under ``out`` end up, when the host moves them there (the
    #: staged plan writes each task's files apart): new file names must be free there too.
    final_out: Path | None = None

    def scratch(self, name: str) -> Path:
        """A private folder for a sink that needs file paths, not a stream (a SQLite
        database, a library that writes its own files): ``OUT/.corearchive-scratch-RUN/NAME``,
        made on the first call. The host removes it when the run ends, committed or not, and
        the next run into the folder removes one that a run killed outright left (files a
        sink made elsewhere stayed for good). What should become an output is copied into an
        :class:`~corearchive.AtomicFile` in :meth:`Sink.commit`
        (:meth:`~corearchive.AtomicFile.write_file`)."""
        if not _SCRATCH_NAME.fullmatch(name):
            raise ValueError(f"a scratch folder's name is a plain file name, not {name!r}")
        path = scratch_root(self.out, self.run_id) / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def remove_scratch(self) -> None:
        """Remove the run's scratch folders (:meth:`scratch`); the host calls it."""
        shutil.rmtree(scratch_root(self.out, self.run_id), ignore_errors=True)


#: A scratch folder's name: a plain file name, not hidden
_SCRATCH_NAME = re.compile(r"[\w-][\w.-]*")


class Sink:
    """Base class of an output writer.

    For each kept document the host calls :meth:`prepare` on every sink (a sink that places
    the document, like the WARC writer, fills ``document.archive`` there), then builds and
    validates the record, then calls :meth:`write` on every sink. A sink must not write
    anything in ``prepare`` that it cannot take back: a record that fails validation is never
    written.
    """

    name: ClassVar[str]
    Options: ClassVar[type[Any]] = NoOptions

    def __init__(self, options: Any, context: SinkContext) -> None:
        self.options = options
        self.context = context

    def open(self) -> None:
        """Create temporary outputs."""

    def prepare(self, document: Document) -> None:
        """Reserve a place for ``document`` before its record is built."""

    def write(self, document: Document, record: dict[str, Any]) -> None:
        """Write one kept document and its validated record. Every sink gets the same
        ``record`` object, validated once: a sink must not change it."""

    def discard(self, document: Document) -> None:
        """Take back :meth:`write` of ``document``: a later sink failed on it."""

    def dropped(self, document: Document, stage: str, drop: Drop) -> None:
        """A document was dropped (the WARC sink archives exact duplicates as revisits)."""

    def commit(self) -> None:
        """Make every output final (rename temporaries into place).

        Write the outputs through :class:`corearchive.AtomicFile` and call its ``commit``
        here: the rename (or append, ``keep_existing=True``) then waits for the run's commit
        point, so the files appear with the run's records and WARC files, or not at all
        when the run fails after this call. A file renamed here by the sink itself is
        published at once, before the run has committed."""

    def abort(self) -> None:
        """Remove temporaries: the run failed and nothing it wrote is kept."""

    def outputs(self) -> list[str]:
        """The files this run wrote, relative to the output folder (for the manifest)."""
        return []

    def appended(self) -> dict[str, dict[str, int]]:
        """Of each file of :meth:`outputs` that runs add to (``records.jsonl``), where this
        run's bytes are: ``{"offset": …, "bytes": …}`` (:meth:`AtomicFile.span`), for the
        manifest: a loader reads one run's records from there."""
        return {}

    def digests(self) -> dict[str, str]:
        """``sha256:HEX`` of each file of :meth:`outputs` that the run wrote whole and no
        later run changes (the manifest records them; ``verify`` checks them), taken in
        :meth:`commit`. A file that later runs add to has none."""
        return {}


def commit_sinks(sinks: Iterable[Sink]) -> None:
    """Commit each sink. One whose ``commit()`` raises stops the run before its commit
    point, naming the sink (it was an "internal error" with a traceback)."""
    from .stage import call_each_or_stop

    call_each_or_stop(sinks, "commit", "sink")
