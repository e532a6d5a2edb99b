from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from corearchive.manager import collect, make_plugin_manager
from corearchive.schema import BASE_RECORD_SCHEMA, RecordValidator, config_schema, record_schema

from helpers import TagStage

ROOT = Path(__file__).resolve().parent.parent
#: the schemas the package ships, and the repository's copies of them
SCHEMA_FOLDERS = (ROOT / "corearchive" / "schemas", ROOT / "schemas")


def _builtin_registry(monkeypatch):
    monkeypatch.setenv("COREARCHIVE_DISABLE_PLUGIN_AUTOLOAD", "1")
    return collect(make_plugin_manager())


def test_checked_in_record_schema_is_the_composition_of_every_builtin_stage(monkeypatch):
    """The default pipeline's stages and the opt-in quality stage's annotations (each
    stage's optional), as the config schema has every builtin stage's options: a record of
    a run with --enable quality did not validate against it (annotations admit no other
    stage; s31 acc-pretrain #8)."""
    reg = _builtin_registry(monkeypatch)
    composed = record_schema(
        reg.stages[n] for n in ("boilerplate", "metadata", "language", "quality", "dedup")
    )
    for folder in SCHEMA_FOLDERS:
        on_disk = json.loads((folder / "record.schema.json").read_text("utf-8"))
        assert on_disk == composed, (
            f"regenerate: corearchive schema record --enable quality > {folder}/record..."
        )
    assert set(reg.stages) == {"boilerplate", "metadata", "language", "quality", "dedup"}


def test_a_record_of_a_quality_run_is_valid_against_the_shipped_schema(ingest, seeds, tmp_path):
    res = ingest(
        str(seeds), "--enable", "quality", "--set", "quality.action=flag", out=tmp_path / "o"
    )
    assert res.exit_code == 0, res.output
    shipped = json.loads((SCHEMA_FOLDERS[0] / "record.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(shipped)
    assert res.records and all("quality" in r["annotations"] for r in res.records)
    for record in res.records:
        assert list(validator.iter_errors(record)) == []


def test_checked_in_config_schema_is_the_composition(monkeypatch):
    reg = _builtin_registry(monkeypatch)
    for folder in SCHEMA_FOLDERS:
        on_disk = json.loads((folder / "config.schema.json").read_text("utf-8"))
        assert on_disk == config_schema(reg.stages, reg.sinks), folder


def test_the_package_ships_the_schemas_of_the_repository():
    """schemas/*.json were listed as package data of corearchive but lay outside it: no
    install had them, and the reject schema could not be had at all (s27 packager F6)."""
    shipped, top = SCHEMA_FOLDERS
    names = sorted(p.name for p in top.glob("*.json"))
    assert names == ["config.schema.json", "record.schema.json", "reject.schema.json"]
    assert sorted(p.name for p in shipped.glob("*.json")) == names
    for name in names:
        assert (shipped / name).read_bytes() == (top / name).read_bytes(), name


def test_schema_reject_prints_the_shipped_reject_schema():
    from click.testing import CliRunner

    from corearchive.cli import cli
    from corearchive.schema import reject_schema

    r = CliRunner().invoke(cli, ["schema", "reject"])
    assert r.exit_code == 0, r.output
    shipped = (SCHEMA_FOLDERS[0] / "reject.schema.json").read_text("utf-8")
    assert r.output == shipped
    assert json.loads(r.output) == reject_schema()
    assert reject_schema()["title"] == "A line of rejects.jsonl"


def test_composed_schemas_are_valid_2020_12(monkeypatch):
    reg = _builtin_registry(monkeypatch)
    Draft202012Validator.check_schema(record_schema(reg.stages.values()))
    Draft202012Validator.check_schema(config_schema(reg.stages, reg.sinks))


def test_examples_config_validates_against_config_schema(monkeypatch):
    import tomllib

    reg = _builtin_registry(monkeypatch)
    data = tomllib.loads((ROOT / "examples" / "corearchive.toml").read_text("utf-8"))
    Draft202012Validator(config_schema(reg.stages, reg.sinks)).validate(data)


def test_examples_config_lists_every_builtin_option_at_its_default(monkeypatch):
    """The annotated example is the options' reference: none missing, none stale."""
    import tomllib

    reg = _builtin_registry(monkeypatch)
    data = tomllib.loads((ROOT / "examples" / "corearchive.toml").read_text("utf-8"))
    props = config_schema(reg.stages, reg.sinks)["properties"]
    for table in ("stages", "sinks"):
        for name, schema in props[table]["properties"].items():
            given = data[table].get(name, {})
            defaults = {k: v["default"] for k, v in schema["properties"].items()}
            assert given == defaults, f"examples/corearchive.toml [{table}.{name}]"


def test_each_active_stage_fragment_lands_under_its_name():
    schema = record_schema([TagStage])
    props = schema["properties"]["annotations"]["properties"]
    assert props["tagger"] == TagStage.annotations_schema
    assert "boilerplate" not in props
    # The base is never mutated by a composition.
    assert "tagger" not in BASE_RECORD_SCHEMA["properties"]["annotations"]["properties"]


def _record(**over):
    rec = {
        "id": "0" * 32,
        "source": {
            "uri": "file:///a.txt",
            "path": "a.txt",
            "format": "text",
            "sha256": "a" * 64,
            "fetched_at": None,
            "warc_record_id": None,
        },
        "text": "hello",
        "title": None,
        "site_name": None,
        "authors": [],
        "tags": [],
        "published": "2015-11-27T06:00:00+00:00",
        "language": {"code": "en", "confidence": 0.9},
        "duplicate": {"status": "unique", "of": None, "similarity": None},
        "archive": None,
        "pipeline": [{"stage": "tagger", "plugin": "x", "version": None}],
        "annotations": {"tagger": {"labels": ["a"]}},
    }
    rec.update(over)
    return rec


def test_record_validator_enforces_core_fields_and_fragments():
    v = RecordValidator(record_schema([TagStage]))
    assert v.errors(_record()) == []
    assert any(
        "annotations/tagger/labels/0" in e
        for e in v.errors(_record(annotations={"tagger": {"labels": [1]}}))
    )
    assert any(
        "unknown" in e or "was unexpected" in e
        for e in v.errors(_record(annotations={"stranger": {}}))
    )
    assert v.errors(_record(published="27/11/2015"))
    assert v.errors(_record(language={"code": "english", "confidence": 0.5}))
    assert v.errors(_record(duplicate={"status": "maybe", "of": None, "similarity": None}))
    assert v.errors(_record(text=""))
    assert v.errors(_record(extra=1))
    assert v.errors(_record(published="2015-11-27")) == []
    # a date-time names its offset (a zoneless one names no instant)
    assert v.errors(_record(published="2015-11-27T06:00:00+00:00")) == []
    assert v.errors(_record(published="2015-11-27T06:00:00.5Z")) == []
    assert v.errors(_record(published="2015-11-27T06:00:00"))


def test_values_json_cannot_hold_are_violations_named_by_path():
    """NaN passed the ``jsonschema`` fallback (a float) and the record was written with
    ``null`` where its schema says a number; a NumPy scalar raised out of jsonschema-rs."""
    import numpy as np

    v = RecordValidator(record_schema([TagStage]))
    nan = v.errors(_record(language={"code": "en", "confidence": float("nan")}))
    assert nan == ["language/confidence: nan is not a JSON number (NaN or infinity)"]
    assert v.errors(_record(language={"code": "en", "confidence": float("inf")}))
    for value in (np.float64(0.5), np.int64(1)):
        got = v.errors(_record(language={"code": "en", "confidence": value}))
        assert len(got) == 1 and got[0].startswith("language/confidence: a numpy.")
        assert "int(), float()" in got[0]
    assert v.errors(_record(language={"code": "en", "confidence": 0.5})) == []


def test_schema_record_takes_the_options_of_a_run(monkeypatch, tmp_path):
    """``schema record`` took only --config: the README's recipe (a plugin's stage added
    with --set) could not be checked against its schema."""
    from click.testing import CliRunner

    from corearchive.cli import cli

    def annotations(*args: str) -> set[str]:
        r = CliRunner().invoke(cli, ["schema", "record", *args])
        assert r.exit_code == 0, r.output
        return set(json.loads(r.output)["properties"]["annotations"]["properties"])

    assert "dedup" in annotations()
    assert "dedup" not in annotations("--disable", "dedup")
    assert annotations("--set", 'pipeline.stages=["language"]') == {"language", "source"}


def test_every_kind_of_reject_line_is_valid_against_the_shipped_schema(
    ingest, seeds, tmp_path, monkeypatch
):
    # rejects.jsonl had no schema, and its fields were half documented (s26 docs tester 10)
    from helpers import ARTICLE, ExplodingPlugin, extra_plugins

    docs = tmp_path / "in"
    docs.mkdir()
    for p in sorted(seeds.glob("*.txt"))[:2]:
        (docs / p.name).write_bytes(p.read_bytes())
        (docs / f"copy-{p.name}").write_bytes(p.read_bytes() + b"\n")  # (an exact copy)
    (docs / "boom.txt").write_text(ARTICLE.replace("Tuesday", "Tuesday BOOM"))
    (docs / "drop.txt").write_text(ARTICLE.replace("Tuesday", "Tuesday DROPME"))
    (docs / "menu.txt").write_text("Home\nShare\nAdvertisement\n")
    (docs / "bin.dat").write_bytes(b"\x00\x01\x02" * 50)
    (docs / "d.jsonl").write_text('{"text": 5}\n' + json.dumps({"text": ARTICLE}) + "\n")
    cfg = tmp_path / "c.toml"
    cfg.write_text('[pipeline]\nstages = ["boilerplate", "exploding", "metadata", "dedup"]\n')
    with extra_plugins(monkeypatch, ("exploding", ExplodingPlugin())):
        res = ingest(str(docs), "--config", str(cfg))
        again = ingest(str(docs), "--config", str(cfg), "--rescan")  # (already archived)
    lines = res.rejects + again.rejects
    kinds = {(r["kind"], r["stage"], r.get("reason")) for r in lines}
    assert {
        ("dropped", "dedup", "exact_duplicate"),
        ("dropped", "exploding", "asked_to"),
        ("dropped", "boilerplate", "no_content"),
        ("dropped", "archive", "already_archived"),
        ("error", "exploding", None),
        ("error", "input", None),
    } <= kinds
    from corearchive.schema import reject_schema

    schema = reject_schema()
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    for line in lines:
        assert not list(validator.iter_errors(line)), line
    # and the schema refuses what is not a reject line
    assert list(validator.iter_errors({"kind": "error", "run_id": "r", "id": None,
                                       "stage": "dedup", "error": "x", "source": {}}))  # fmt: skip


def test_every_option_set_takes_is_in_options_the_config_schema_and_the_example(monkeypatch):
    """`corearchive options` says it lists "every option --set and the config file take",
    README that examples/corearchive.toml has every option: output.provenance, which --set
    and the config file take, was in none of them, nor in the config schema (a config using
    it failed the shipped schema; s32 docs finding 4). Each key --set takes -- the [pipeline]
    and [output] keys and every builtin stage's and sink's options -- is accepted by --set at
    its default, listed by `options`, in the config schema and in the example config."""
    import tomllib

    from click.testing import CliRunner

    from corearchive import ConfigError
    from corearchive.cli import cli
    from corearchive.config import TABLE_KEYS, resolve

    reg = _builtin_registry(monkeypatch)
    props = config_schema(reg.stages, reg.sinks)["properties"]
    example = tomllib.loads((ROOT / "examples" / "corearchive.toml").read_text("utf-8"))
    listed = CliRunner().invoke(cli, ["options"], env={"COREARCHIVE_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert listed.exit_code == 0, listed.output
    options = {line.split(" = ")[0].strip() for line in listed.output.splitlines() if " = " in line}
    keys: list[tuple[str, tuple[str, ...], Any]] = []  # (--set name, path in the TOML, default)
    for table, names in TABLE_KEYS.items():
        for key in names:
            keys.append((f"{table}.{key}", (table, key), props[table]["properties"][key]))
    for table, prefix in (("stages", ""), ("sinks", "sinks.")):
        for name, schema in props[table]["properties"].items():
            for key, field in schema["properties"].items():
                keys.append((f"{prefix}{name}.{key}", (table, name, key), field))
    assert {k for k, _, _ in keys} >= {"output.provenance", "pipeline.doc_timeout"}
    for name, path, field in keys:
        assert name in options, f"corearchive options: {name}"
        value: Any = example
        for part in path:
            assert part in value, f"examples/corearchive.toml: {name}"
            value = value[part]
        if "default" in field:
            assert value == field["default"], f"examples/corearchive.toml: {name}"
            resolve(reg, cwd=ROOT / "tests", sets=[f"{name}={json.dumps(value)}"])
    Draft202012Validator(config_schema(reg.stages, reg.sinks)).validate(example)
    # (and nothing else in those tables: --set refuses what is not listed)
    for table in TABLE_KEYS:
        with pytest.raises(ConfigError, match=f"unknown {table} key"):
            resolve(reg, cwd=ROOT / "tests", sets=[f"{table}.nosuchkey=1"])
