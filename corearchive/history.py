"""``corearchive history URL OUT...``: every capture of one page in an archive (s31
acc-recrawl #9).

A page re-crawled daily leaves a record for each version kept (unique, revision) and a
``rejects.jsonl`` line for each re-fetch dropped (an exact or near copy of a version, an
excerpt of one, already archived). Both files are read in each output folder given (several
when they share an ``--index``); a capture belongs to the page when its address has the
page's canonical key (:func:`corearchive.urlkey.url_key`: the same page at a trivially
different URL) or, with ``exact``, when it is the URL as given.

A document read again (``--rescan``, or a file touched) is reported again with the new
run's id: an archived one as ``already_archived``, a dropped one as the same duplicate
again. Either is one capture, listed once with the later runs that reported it again
(``again``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .rebuild import json_objects
from .sink_takedown import manifests
from .urlkey import own_address, url_key


def page_key(url: str, exact: bool = False) -> str | None:
    """What the captures of ``url`` are matched by: its canonical key, or (``exact``) the
    address as written."""
    return url if exact else url_key(url)


def _field(obj: dict[str, Any], name: str) -> dict[str, Any]:
    """The object under ``name`` (an empty one when there is none)."""
    value = obj.get(name)
    return value if isinstance(value, dict) else {}


def _run_order(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Per run of ``folder`` (``runs/RUN_ID.json``): its start time and where it appended to
    records.jsonl and rejects.jsonl, which order the runs of a folder (two runs may start in
    the same second)."""
    order: dict[str, tuple[str, int, int]] = {}
    for run_id, m in manifests(folder):
        appended = _field(m, "appended")
        order[run_id] = (
            str(m.get("started_at") or ""),
            int(_field(appended, "records.jsonl").get("offset") or 0),
            int(_field(appended, "rejects.jsonl").get("offset") or 0),
        )
    return order


def _capture_id(line: dict[str, Any]) -> str | None:
    """The crawl record a record or a drop entry ``line`` was read from (its WARC record's
    id), None for a document read from none. A capture is its crawl record, whatever
    document id it was read under: a copy of the crawl file under another name gives its
    revisits (s39 acc-regress R5) and its responses (s40 acc-read F21) again. The one key of
    a capture for the drop entries, the records read again and the revisits' originals
    (three ways once: review40 F6)."""
    rid = _field(line, "source").get("warc_record_id")
    return str(rid) if rid else None


def _entry(
    kind: str, status: Any, line: dict[str, Any], run_id: Any, title: Any, folder: Path, seq: int
) -> dict[str, Any]:
    """A capture as :func:`captures` lists it, from a record or a drop entry (``line``)."""
    dup = _field(line, "duplicate")
    return {
        "kind": kind,
        "status": status,
        "of": dup.get("of"),
        "similarity": dup.get("similarity"),
        "id": line.get("id"),
        "run_id": run_id,
        "fetched_at": _field(line, "source").get("fetched_at"),
        "uri": _field(line, "source").get("uri"),
        "title": title,
        "folder": str(folder),
        "again": [],
        "_seq": seq,
        "_record": _capture_id(line),
    }


def captures(url: str, folders: list[Path], exact: bool = False) -> list[dict[str, Any]]:
    """The captures of ``url`` in ``folders``, in the order of their runs (their start, then
    where they appended to the files), then of their fetch time, then of the files."""
    key = page_key(url, exact)

    def ours(obj: dict[str, Any]) -> bool:
        # (a saved page's own address, annotations.metadata.url, as well as where it was
        # read from: a file's captures are cited by the page's address; s32 regression #10;
        # the own address as the dedup stage takes it, own_address: a site's root as every
        # page's canonical link is no page's address; s33 acc-read #15)
        fetched = _field(obj, "source").get("uri")
        fetched = fetched if isinstance(fetched, str) else None
        own = own_address(fetched, _field(_field(obj, "annotations"), "metadata").get("url"))
        return any(uri is not None and page_key(uri, exact) == key for uri in (fetched, own))

    out: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    seq = 0
    runs: dict[str, tuple[str, int, int]] = {}
    for folder in folders:
        runs.update(_run_order(folder))
        for _, rec in json_objects(folder / "records.jsonl"):
            if not ours(rec):
                continue
            seq += 1
            dup = _field(rec, "duplicate")
            run_id = _field(rec, "archive").get("run_id")
            out.append(
                _entry("kept", dup.get("status"), rec, run_id, rec.get("title"), folder, seq)
            )
        for _, rej in json_objects(folder / "rejects.jsonl"):
            if rej.get("kind") != "dropped" or not ours(rej):
                continue
            seq += 1
            reason = str(rej.get("reason"))
            doc_id = str(rej.get("id"))
            if reason == "revisit" and (rid := _capture_id(rej)):
                doc_id = rid  # (a crawl's revisit record is that record wherever it is read)
            if (first := seen.get((doc_id, reason))) is not None:
                first["again"].append(rej.get("run_id"))
                continue
            title = _field(_field(rej, "detail"), "copy").get("title")
            entry = _entry("dropped", reason, rej, rej.get("run_id"), title, folder, seq)
            if reason == "revisit":  # (a crawl's revisit record: see _originals)
                entry["refers"] = _field(rej, "detail")
            seen[(doc_id, reason)] = entry
            out.append(entry)
    _originals(out, folders)
    # a kept document read again (already_archived) is the same capture as its record
    kept = {e["id"]: e for e in out if e["kind"] == "kept"}
    for e in out:
        # (an earlier crawl read after a later one: the archive keeps the order it read
        # them in, and history says what the dates say; s37 acc-crawl F12)
        first = kept.get(e["of"]) if e["kind"] == "dropped" else None
        if first is not None and str(e["fetched_at"] or "~") < str(first["fetched_at"] or ""):
            e["before_original"] = True
    # (or its crawl record read from a copy of the crawl file, under another document id:
    # the same capture, as its revisits are; s40 acc-read F21. The first record of a crawl
    # record, as a revisit's original is: see _originals)
    by_record: dict[str, dict[str, Any]] = {}
    for e in kept.values():
        if e["_record"]:
            by_record.setdefault(e["_record"], e)
    again = [
        (e, k)
        for e in out
        if e["status"] == "already_archived"
        and (k := kept.get(e["id"]) or by_record.get(e["_record"])) is not None
    ]
    for e, k in again:
        k["again"] += [e["run_id"], *e["again"]]
    gone = {id(a) for a, _ in again}
    out = [e for e in out if id(e) not in gone]

    def rank(e: dict[str, Any]) -> tuple[tuple[str, int, int], str, int]:
        run = str(e["run_id"] or "")
        # (a run without its manifest: by the time in its id, 20261124T145121Z-...)
        when = f"{run[:4]}-{run[4:6]}-{run[6:8]}T{run[9:11]}:{run[11:13]}:{run[13:15]}Z"
        return runs.get(run, (when, 0, 0)), str(e["fetched_at"] or ""), e["_seq"]

    out.sort(key=rank)
    for e in out:
        del e["_seq"], e["_record"]
    return out


def _originals(found: list[dict[str, Any]], folders: list[Path]) -> None:
    """Give each crawl's revisit in ``found`` (a drop entry, reason ``revisit``) the id of
    the record its original is archived as (``of``: the record read from the crawl record it
    refers to, or captured at the address and date it names), or ``original_missing`` when
    no record of ``folders`` is it (a revisit of an earlier crawl not ingested here: the
    archive holds no copy of it)."""
    wanted = [e for e in found if e["status"] == "revisit"]
    if not wanted:
        return
    by_record: dict[str, str] = {}
    by_capture: dict[tuple[str, str], str] = {}
    refs = {str(r) for e in wanted if (r := e["refers"].get("refers_to"))}
    caps = {(str(e["refers"].get("refers_to_uri")), str(e["refers"].get("refers_to_date")))
            for e in wanted}  # fmt: skip
    for folder in folders:
        for _, rec in json_objects(folder / "records.jsonl"):
            src = _field(rec, "source")
            if (rid := _capture_id(rec)) in refs:
                by_record.setdefault(rid, str(rec.get("id")))
            if (cap := (str(src.get("uri")), str(src.get("fetched_at")))) in caps:
                by_capture.setdefault(cap, str(rec.get("id")))
    for e in wanted:
        refers = e.pop("refers")
        e["of"] = by_record.get(str(refers.get("refers_to"))) or by_capture.get(
            (str(refers.get("refers_to_uri")), str(refers.get("refers_to_date")))
        )
        e["original_missing"] = e["of"] is None


def summary(url: str, found: list[dict[str, Any]], exact: bool) -> str:
    """The text ``corearchive history`` prints."""
    key = page_key(url, exact)
    kept = sum(e["kind"] == "kept" for e in found)
    lines = [
        f"{url} ({'as given' if exact else f'canonical key {key}'}): {len(found)} capture(s),"
        f" {kept} kept as records, {len(found) - kept} dropped"
    ]
    for e in found:
        what = e["status"] or "?"
        if e["of"]:
            what += f" of {e['of']}"
        elif e.get("original_missing"):
            what += " (its original is not in the archive)"
        if e.get("before_original"):
            what += " (captured before it)"
        if e["similarity"] is not None and e["status"] not in ("unique", "exact_duplicate"):
            what += f" ({e['similarity']})"
        title = f'  "{e["title"]}"' if e["title"] else ""
        uri = f"  {e['uri']}" if e["uri"] != url else ""
        again = f"  (reported again by {len(e['again'])} later run(s))" if e["again"] else ""
        lines.append(
            f"  {e['fetched_at'] or '-':25s} {e['kind']:7s} {e['id']}  {what}{title}{uri}"
            f"  run {e['run_id'] or '-'}{again}"
        )
    return "\n".join(lines)
