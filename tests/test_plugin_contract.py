"""What the host holds a third-party source or sink to, and what it owes them (s29
acc-sinksrc: a sink that changed the shared record, takedowns a plugin sink never heard
of, a source's wrong format, sniff bugs, date hints, a plugin sink's files in verify)."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest

from corearchive import Sink, hookimpl

from helpers import extra_plugins


class _Plugin:
    """A plugin offering the given sinks and sources."""

    def __init__(self, sinks: tuple[type, ...] = (), sources: tuple[type, ...] = ()) -> None:
        self.sinks, self.sources = sinks, sources

    @hookimpl
    def corearchive_register_sinks(self, register: Any) -> None:
        for s in self.sinks:
            register(s)

    @hookimpl
    def corearchive_register_sources(self, register: Any) -> None:
        for s in self.sources:
            register(s)


class Mutating(Sink):
    """Changes the record it is given, and keeps what it was given."""

    name = "mutating"
    seen: list[Any] = []

    def write(self, document: Any, record: dict[str, Any]) -> None:
        Mutating.seen.append(record)
        if len(Mutating.seen) == 2:
            record["title"] = "MUTATED"


def test_a_sink_cannot_change_the_record_the_other_sinks_and_records_jsonl_get(
    ingest, seeds, monkeypatch
):
    """A sink listed before ``records`` that set ``record["title"]`` changed every line of
    records.jsonl, and verify said intact (s29 acc-sinksrc H2): the record a plugin sink
    gets is read-only, and the sink that changes it fails that document alone, named."""
    Mutating.seen = []

    class Annotating(Sink):
        name = "annotating"

        def write(self, document: Any, record: dict[str, Any]) -> None:
            record["annotations"]["mine"] = {"x": 1}

    with extra_plugins(monkeypatch, ("m", _Plugin((Mutating, Annotating)))):
        res = ingest(str(seeds), "--set", 'output.sinks=["mutating", "warc", "records"]')
        bad = ingest(
            str(seeds),
            "--set",
            'output.sinks=["annotating", "records"]',
            out=res.out.parent / "other",
        )
    assert res.exit_code == 1 and len(res.records) == 4
    assert all(r["title"] != "MUTATED" for r in res.records)
    [err] = res.rejects
    assert err["error"].startswith("sink 'mutating': TypeError: the record is read-only")
    assert all("mine" not in r["annotations"] for r in bad.records)
    assert bad.exit_code == 1 and not bad.records
    assert {e["error"].split(":")[0] for e in bad.rejects} == {"sink 'annotating'"}
    assert all("the record is read-only" in e["error"] for e in bad.rejects)
    # reading it is a dict's; its copies are plain, changeable dicts
    rec = Mutating.seen[0]
    assert isinstance(rec, dict) and isinstance(rec["pipeline"], list)
    assert json.loads(json.dumps(rec)) == json.loads(json.dumps(copy.deepcopy(rec)))
    for mine in (copy.deepcopy(rec), pickle.loads(pickle.dumps(rec)), {**rec}):
        mine["title"] = "mine"
        mine["pipeline"].append(1) if type(mine["pipeline"]) is list else None
    with pytest.raises(TypeError, match="read-only"):
        rec["pipeline"].append({})
    with pytest.raises(TypeError, match="read-only"):
        rec["source"].update(uri="x")
