"""Takedowns and the plugins' sinks: ``corearchive remove`` asks every plugin sink the
archive's runs used (their manifests' ``sinks``) to take the documents out of its files
(:meth:`corearchive.Sink.take_down`), and ``verify`` reports a sink that did not confirm it
while one of its files still holds a document's id.

A takedown left a document's full record in a plugin sink's file (an Elasticsearch bulk
file), and ``verify`` said "problems 0": nothing told a sink about ``remove`` (s29
acc-sinksrc H1). corearchive's own sinks (``records``, ``warc``) are taken care of by
:mod:`corearchive.takedown` itself.
"""

from __future__ import annotations

import contextlib
import json
import mmap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .atomic import Commit
from .catalog import run_manifests
from .document import printable

if TYPE_CHECKING:
    from .catalog import Catalog
    from .manager import Registry
    from .sink import Sink

#: A sink's answer, as ``takedowns.jsonl`` records it under ``sinks``
REMOVED = "removed"
NOT_CONFIRMED = "not confirmed"


@dataclass
class _Use:
    """A plugin sink as the archive's runs used it: with these options, writing these files."""

    name: str
    options: dict[str, Any]
    runs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)


def manifests(out: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(run id, manifest)`` of each readable ``OUT/runs/RUN.json``, oldest first."""
    for path in run_manifests(out):
        with contextlib.suppress(OSError, ValueError):
            m = json.loads(path.read_bytes())
            if isinstance(m, dict):
                yield path.stem, m


def _files_by_sink(uses: list[_Use]) -> dict[str, list[str]]:
    """The files each plugin sink's runs recorded, by sink name (each once, in order)."""
    files: dict[str, list[str]] = {}
    for use in uses:
        have = files.setdefault(use.name, [])
        have += [f for f in use.outputs if f not in have]
    return files


def plugin_sink_uses(out: Path) -> list[_Use]:
    """Each plugin sink (not ``records`` or ``warc``) the runs into ``out`` used, once per
    set of options, with the runs and the files they recorded for it."""
    uses: dict[tuple[str, str], _Use] = {}
    for run, m in manifests(out):
        sinks = m.get("sinks")
        if not isinstance(sinks, list):
            continue
        resolved = (m.get("config") or {}).get("resolved") or {}
        tables = resolved.get("sinks") if isinstance(resolved, dict) else None
        outputs = m.get("outputs") if isinstance(m.get("outputs"), dict) else {}
        for name in sinks:
            if not isinstance(name, str) or name in ("records", "warc"):
                continue
            options = tables.get(name) if isinstance(tables, dict) else None
            options = options if isinstance(options, dict) else {}
            use = uses.setdefault((name, json.dumps(options, sort_keys=True)), _Use(name, options))
            use.runs.append(run)
            files = outputs.get(name) if isinstance(outputs, dict) else None
            for f in files if isinstance(files, list) else []:
                if isinstance(f, str) and f not in use.outputs:
                    use.outputs.append(f)
    return list(uses.values())


def take_down_in_sinks(
    out: Path,
    entries: list[dict[str, Any]],
    reason: str,
    takedown_id: str,
    commit: Commit,
    catalog: Catalog,
    registry: Registry | None,
    err: TextIO | None,
) -> None:
    """Ask each plugin sink the archive's runs used to take the documents of ``entries``
    out (:meth:`Sink.take_down`), and record each one's answer in every entry
    (``"sinks": {NAME: "removed" | "not confirmed" | "failed: …"}``). What a sink writes
    through :class:`~corearchive.AtomicFile` joins the takedown's ``commit`` when it
    confirms; a sink that raises or does not confirm has what it wrote thrown away, and is
    said on ``err`` (the takedown of the archive's own files goes on)."""
    uses = plugin_sink_uses(out)
    if not uses or not entries:
        return
    ids = [str(e["id"]) for e in entries]
    answers: dict[str, str] = {}
    files = _files_by_sink(uses)
    for use in uses:
        got = _ask(out, use, ids, reason, takedown_id, commit, catalog, registry)
        if answers.get(use.name, REMOVED) == REMOVED:
            answers[use.name] = got
    for e in entries:
        e["sinks"] = dict(sorted(answers.items()))
    for name, answer in sorted(answers.items()):
        if answer != REMOVED and err is not None:
            named = ", ".join(printable(f) for f in files[name]) or "no file recorded"
            print(
                f"corearchive: warning: sink {name!r} did not confirm the removal of the"
                f" {len(ids)} document(s) ({answer}): its files ({named}) may still hold"
                " them; take them out there by hand. `corearchive verify` reports every"
                " file of the sink that still holds one (docs/plugins.md, 'Takedowns')",
                file=err,
            )


def _ask(
    out: Path,
    use: _Use,
    ids: list[str],
    reason: str,
    takedown_id: str,
    commit: Commit,
    catalog: Catalog,
    registry: Registry | None,
) -> str:
    """One sink's answer to the takedown of ``ids``."""
    from .options import build_options
    from .sink import Sink, SinkContext
    from .stage import describe_error

    cls = registry.sinks.get(use.name) if registry is not None else None
    if cls is None:
        return "failed: the sink is not installed, or could not be loaded"
    if cls.take_down is Sink.take_down:
        return f"{NOT_CONFIRMED}: the sink has no take_down"
    own = Commit(out, takedown_id)
    sink: Sink | None = None
    try:
        options = build_options(
            cls.Options, use.options, stage=use.name, origin=f"runs/{use.runs[-1]}.json"
        )
        context = SinkContext(
            run_id=takedown_id,
            out=out,
            catalog=catalog,
            provenance={},
            outputs=list(use.outputs),
        )
        sink = cls(options, context)
        with own:
            done = sink.take_down(list(ids), reason)
    except Exception as exc:
        own.abort()
        if sink is not None:
            with contextlib.suppress(Exception):
                sink.abort()
        return f"failed: {describe_error(exc)}"
    if done is not True:
        own.abort()
        return f"{NOT_CONFIRMED}: its take_down returned {done!r}"
    # (its files are put in place with the takedown's, at its commit point)
    commit.absorb(own)
    return REMOVED


def check_sink_takedowns(out: Path, entries: list[dict[str, Any]], result: Any) -> None:
    """For ``verify``: each document of ``entries`` (``takedowns.jsonl``) whose removal a
    plugin sink did not confirm, and whose id one of that sink's files (as the runs'
    manifests name them) still holds, is a problem; where none holds it, a note."""
    pending = [
        (e, name)
        for e in entries
        for name, answer in sorted((e.get("sinks") or {}).items())
        if answer != REMOVED
    ]
    if not pending:
        return
    files = _files_by_sink(plugin_sink_uses(out))
    cleared = 0
    for e, name in pending:
        holding = [f for f in files.get(name, []) if _holds(out, f, str(e["id"]))]
        for f in holding:
            result.problem(
                "run",
                f"{f}: holds document {e['id']}, taken down at {e.get('at')}: sink"
                f" {name!r} did not confirm its removal ({e['sinks'][name]})",
                "take the documents named above out of the plugin sink's files by hand (or"
                " with a release of the plugin whose sink has take_down), then verify again"
                " (docs/plugins.md, 'Takedowns')",
            )
        cleared += not holding
    if cleared:
        result.notes.append(
            f"{cleared} takedown(s) a plugin sink did not confirm: none of its files holds"
            " the document's id (taken out by hand, or never written there)"
        )


def _holds(out: Path, name: str, doc_id: str) -> bool:
    """Whether the file ``name`` of ``out`` holds ``doc_id`` (its bytes, as written)."""
    path = out / name
    if Path(name).is_absolute() or ".." in Path(name).parts:
        return False  # (a manifest's name out of OUT: never opened)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return m.find(doc_id.encode()) >= 0
    except (OSError, ValueError):
        return False
