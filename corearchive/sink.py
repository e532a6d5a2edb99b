"""Sinks: writers of kept documents (records file, WARC archives, a plugin's own index).

Every output is written under a temporary name and made final in :meth:`Sink.commit`, so an
interrupted run leaves no half-written file under a final name.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from corearchive import lazyre as re

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
    #: For :meth:`Sink.take_down` only: the files the runs that used the sink with these
    #: options recorded (their :meth:`Sink.outputs`), relative to ``out``.
    outputs: list[str] = field(default_factory=list)

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
        ``record``, validated once: a sink must not change it. In a run with a plugin's sink
        it is read-only (:func:`read_only`: its dicts and lists raise ``TypeError`` when
        changed, which fails the document, naming the sink); a sink that wants to add to it
        changes a copy (``copy.deepcopy(record)`` or ``{**record, ...}``)."""

    def discard(self, document: Document) -> None:
        """Take back :meth:`write` of ``document``: a later sink failed on it."""

    def dropped(self, document: Document, stage: str, drop: Drop) -> None:
        """A document was dropped, in the main process, as it is: ``stage`` is the stage
        that dropped it (``drop.reason``: ``no_content``, ``language``, ``exact_duplicate``,
        ``near_duplicate``, ``revision``, a plugin stage's own) or ``archive``
        (``already_archived``: an earlier run archived it; ``taken_down``: ``corearchive
        remove`` took it out, and it was met again). The WARC sink archives exact
        duplicates as revisits. A sink that raises here stops the run, naming it."""

    def commit(self) -> None:
        """Make every output final (rename temporaries into place).

        Write the outputs through :class:`corearchive.AtomicFile` and call its ``commit``
        here: the rename (or append, ``keep_existing=True``) then waits for the run's commit
        point, so the files appear with the run's records and WARC files, or not at all
        when the run fails after this call. A file renamed here by the sink itself is
        published at once, before the run has committed."""

    def abort(self) -> None:
        """Remove temporaries: the run failed and nothing it wrote is kept."""

    def take_down(self, ids: list[str], reason: str) -> bool:
        """``corearchive remove``: take the documents ``ids`` (a legal takedown, personal
        data) out of the files earlier runs of this sink wrote, and return True once done.

        The host calls it on a sink made with the options the archive's runs used (once
        for each set of options, with ``self.context.outputs`` the files those runs
        recorded, and ``self.context.run_id`` the takedown's id), without :meth:`open`.
        Write each changed file anew through :class:`corearchive.AtomicFile` (``keep_existing``
        off) and call its ``commit()`` here: it is put in place with the takedown, at its
        commit point, or not at all. (A sink for a service, not files, sends its deletions
        here.) Anything but True, an exception included, leaves the sink's files as they
        were: ``remove`` says that the sink did not confirm, records it in
        ``takedowns.jsonl``, and ``verify`` reports each of the sink's files that still holds
        a document's id. The default does nothing and returns False."""
        return False

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


#: What a sink that changes the record it was given fails with
READ_ONLY = (
    "the record is read-only: a sink must not change it (every sink and records.jsonl get"
    " the same record); change a copy: copy.deepcopy(record)"
)


class ReadOnlyDict(dict[str, Any]):
    """A dict of a record that a sink is given (:func:`read_only`): reading it is a dict's
    (``json``, ``orjson``, ``isinstance(x, dict)``); changing it raises ``TypeError``. A
    copy (``dict(r)``, ``copy.copy``, ``copy.deepcopy``, a pickle) is a plain dict."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(READ_ONLY)

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> Any:
        return (dict, (dict(self),))


class ReadOnlyList(list[Any]):
    """A list of a record that a sink is given (:func:`read_only`); see :class:`ReadOnlyDict`."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(READ_ONLY)

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse

    def __reduce__(self) -> Any:
        return (list, (list(self),))


def read_only(value: Any) -> Any:
    """``value`` (a record) with its dicts and lists, at every depth, read-only copies
    (:class:`ReadOnlyDict`, :class:`ReadOnlyList`); strings and numbers are shared. What a
    run gives its sinks when one of them is a plugin's: a sink that changed the record
    changed what the sinks after it wrote (``records.jsonl`` too) without a word, and the
    document's annotations with it (s29 acc-sinksrc H2)."""
    t = type(value)
    if t is dict:
        return ReadOnlyDict({k: v if type(v) in _LEAF else read_only(v) for k, v in value.items()})
    if t is list:
        return ReadOnlyList([v if type(v) in _LEAF else read_only(v) for v in value])
    if t is tuple:
        return tuple(v if type(v) in _LEAF else read_only(v) for v in value)
    if isinstance(value, dict):  # (a subclass: OrderedDict, a Counter)
        return read_only(dict(value))
    if isinstance(value, list | tuple):
        return read_only(list(value))
    return value


#: What :func:`read_only` gives as it is, without a call (most of a record's values)
_LEAF = frozenset((str, int, float, bool, type(None)))


def commit_sinks(sinks: Iterable[Sink]) -> None:
    """Commit each sink. One whose ``commit()`` raises stops the run before its commit
    point, naming the sink (it was an "internal error" with a traceback)."""
    from .stage import call_each_or_stop

    call_each_or_stop(sinks, "commit", "sink")
