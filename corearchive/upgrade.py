"""``corearchive index upgrade``: bring an index made by an older corearchive to this one's
format, in place.

An index records the version of its dedup keys (``dedup_meta``); a run refuses an index of
another version (its near-duplicate signatures would not compare). Where the change from
the older version is one that the archive's own records let redo, the index is upgraded:
the documents concerned are re-hashed from the texts of ``records.jsonl`` (every output
folder whose runs the index holds), in one write transaction of the index, after a copy of
the index as it was is made beside it (``index.sqlite.vN``, by SQLite's backup, so a
consistent one). An interrupted upgrade leaves the index as it was.
"""

from __future__ import annotations

import contextlib
import importlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .atomic import output_lock
from .catalog import Catalog, refuse_newer, stamp_folder
from .errors import ConfigError, IndexMissingError
from .rebuild import json_objects


def _records(folders: list[Path]) -> Iterator[dict[str, object]]:
    """The records of ``records.jsonl`` of each folder (lines that are not JSON objects are
    passed over: verify names them)."""
    for folder in folders:
        for _, record in json_objects(folder / "records.jsonl"):
            yield record


def _folders(db: sqlite3.Connection, out: Path) -> list[Path]:
    """``out`` and the other output folders whose runs the index holds (an index shared
    with ``--index``), those that exist, each once."""
    folders = [out]
    for (named,) in db.execute("SELECT DISTINCT out FROM runs"):
        folder = Path(named)
        if folder.is_dir() and all(folder.resolve() != f.resolve() for f in folders):
            folders.append(folder)
    return folders


def upgrade(out: Path, index: Path | None, timeout: float, err: TextIO) -> str:
    """Upgrade the index of ``out`` (its own, or ``index``) in place; what was done."""
    from .runner import new_run_id

    # the builtin dedup plugin's (the only index format that has changed); imported by
    # name, as the core does not depend on its plugins' modules
    dedup = importlib.import_module("corearchive_plugins.dedup")
    index_version, upgrade_index = dedup.index_version, dedup.upgrade_index
    path = index or out / "index.sqlite"
    if not path.is_file():
        raise IndexMissingError(f"the index {path} is not there")
    with output_lock(out, timeout, err):
        refuse_newer(out, path)
        with contextlib.closing(sqlite3.connect(path)) as probe:
            try:
                found = index_version(probe)
            except sqlite3.DatabaseError as exc:
                raise ConfigError(f"the index {path} cannot be read ({exc})") from exc
        if found is None:
            return f"{path}: no dedup index in it: nothing to do"
        if dedup.needs_rebuild(found):
            # (it said "continue the archive with the corearchive that made it", though a
            # rebuild from the archive's files makes a working index)
            raise ConfigError(dedup.not_upgradable(str(found), path, out))
        backup = path.with_name(f"{path.name}.v{found}")
        catalog = Catalog(path, timeout=timeout)  # the write transaction, held to the end
        try:
            report = upgrade_index(catalog.db, _records(_folders(catalog.db, out)))
            if report.found == report.to:
                catalog.rollback()
                return f"{path}: {report.summary()}"
            # the copy as it was, before the upgrade commits (the transaction's changes
            # are not in it: SQLite's backup reads the committed database)
            with (
                contextlib.closing(sqlite3.connect(path)) as src,
                contextlib.closing(sqlite3.connect(backup)) as dst,
            ):
                src.backup(dst)
            catalog.commit()
            stamp_folder(out, new_run_id())
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                catalog.rollback()
            raise
    return f"{path}: {report.summary()}; the index as it was: {backup}"
