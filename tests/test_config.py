from __future__ import annotations

import json
import re

import pytest

from corearchive import ConfigError
from corearchive.config import DEFAULT_STAGES, parse_set, resolve
from corearchive.manager import collect, make_plugin_manager

from helpers import TaggerPlugin


@pytest.fixture
def registry():
    return collect(make_plugin_manager([("tagger", TaggerPlugin())]))


def write(tmp_path, text):
    p = tmp_path / "corearchive.toml"
    p.write_text(text, "utf-8")
    return p


def test_default_pipeline_order(registry, tmp_path):
    cfg = resolve(registry, cwd=tmp_path)
    assert cfg.stages == DEFAULT_STAGES == ("boilerplate", "metadata", "language", "dedup")
    assert cfg.origin == "defaults"
    assert cfg.sinks == ("warc", "records")


def test_installed_third_party_stage_does_not_run_unless_named(registry, tmp_path):
    assert "tagger" in registry.stages
    assert "tagger" not in resolve(registry, cwd=tmp_path).stages


def test_file_sets_order_and_options(registry, tmp_path):
    path = write(
        tmp_path,
        """
[pipeline]
stages = ["tagger", "boilerplate", "language"]
[stages.boilerplate]
threshold = 1
[stages.tagger]
label = "hello"
""",
    )
    cfg = resolve(registry, config_path=path)
    assert cfg.stages == ("tagger", "boilerplate", "language")
    assert cfg.stage_options["boilerplate"].threshold == 1.0  # int accepted for a float
    assert cfg.stage_options["tagger"].label == "hello"
    assert cfg.origin == str(path)
    assert cfg.resolved["stages"]["tagger"] == {"label": "hello"}


def test_corearchive_toml_in_the_working_folder_is_read(registry, tmp_path):
    write(tmp_path, '[pipeline]\nstages = ["language"]\n')
    assert resolve(registry, cwd=tmp_path).stages == ("language",)


def test_unknown_option_names_stage_key_and_file(registry, tmp_path):
    path = write(tmp_path, "[stages.boilerplate]\nthreshhold = 0.2\n")
    with pytest.raises(ConfigError) as err:
        resolve(registry, config_path=path)
    msg = str(err.value)
    assert str(path) in msg and "'threshhold'" in msg and "'boilerplate'" in msg
    assert "known options: " in msg and "threshold" in msg


def test_a_stage_or_sink_listed_twice_is_refused(registry, tmp_path):
    # it ran twice: the second cleaned the first one's text again
    path = write(tmp_path, '[pipeline]\nstages = ["boilerplate", "metadata", "boilerplate"]\n')
    with pytest.raises(ConfigError, match="the stage 'boilerplate' is listed twice"):
        resolve(registry, config_path=path)
    with pytest.raises(ConfigError, match="the sink 'records' is listed twice"):
        resolve(registry, sets=['output.sinks=["records", "warc", "records"]'])


def test_an_empty_sink_list_is_refused(registry, tmp_path):
    # the run wrote nothing, yet marked its documents archived: the next run dropped them
    with pytest.raises(ConfigError, match=r"output\.sinks is empty: the run would write nothing"):
        resolve(registry, sets=["output.sinks=[]"])
    path = write(tmp_path, "[output]\nsinks = []\n")
    with pytest.raises(ConfigError, match=f"{re.escape(str(path))}.*output\\.sinks is empty"):
        resolve(registry, config_path=path)


def test_wrong_value_type_names_stage_key_and_file(registry, tmp_path):
    path = write(tmp_path, '[stages.dedup]\npolicy = "burn"\n')
    with pytest.raises(
        ConfigError, match=r"corearchive.toml: \[stages.dedup\] policy: 'burn' is not one of"
    ):
        resolve(registry, config_path=path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[pipeline]\nstages = ["boilerplate", "nosuch"]\n', "unknown stage 'nosuch'"),
        ("[stages.nosuch]\nx = 1\n", r"\[stages.nosuch\]: unknown stage 'nosuch'"),
        ("[weird]\nx = 1\n", r"unknown table \[weird\]"),
        ("[pipeline]\norder = []\n", "unknown key 'order' in \\[pipeline\\]"),
        ('[output]\nsinks = ["nosink"]\n', "unknown sink 'nosink'"),
        ("[pipeline\n", "invalid TOML"),
    ],
)
def test_config_errors(registry, tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        resolve(registry, config_path=write(tmp_path, text))


def test_missing_config_file(registry, tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        resolve(registry, config_path=tmp_path / "nope.toml")


def test_set_overrides_one_option_and_is_named_in_errors(registry, tmp_path):
    path = write(tmp_path, "[stages.language]\nmin_letters = 3\n")
    cfg = resolve(
        registry,
        config_path=path,
        sets=[
            "language.min_letters=40",
            'language.languages=["en", "fr"]',
            "sinks.warc.prefix=mycrawl",
        ],
    )
    assert cfg.stage_options["language"].min_letters == 40
    assert cfg.stage_options["language"].languages == ["en", "fr"]
    assert cfg.sink_options["warc"].prefix == "mycrawl"
    with pytest.raises(ConfigError, match=r"--set language.colour=1: unknown option 'colour'"):
        resolve(registry, sets=["language.colour=1"], cwd=tmp_path)
    with pytest.raises(ConfigError, match="unknown stage 'langauge'"):
        resolve(registry, sets=["langauge.min_letters=1"], cwd=tmp_path)


def test_parse_set_values():
    assert parse_set("a.b=0.5") == ("stages", "a", "b", 0.5)
    assert parse_set("a.b=true") == ("stages", "a", "b", True)
    assert parse_set("a.b=plain words") == ("stages", "a", "b", "plain words")
    assert parse_set('a.b=["x"]') == ("stages", "a", "b", ["x"])
    assert parse_set("sinks.warc.max_bytes=10") == ("sinks", "warc", "max_bytes", 10)
    for bad in ("nokey", "a=1", "a.b.c.d=1"):
        with pytest.raises(ConfigError):
            parse_set(bad)
    assert parse_set('a.b="[x]"') == ("stages", "a", "b", "[x]")


def test_set_mistakes_get_a_hint(registry, tmp_path):
    # (each said only that the value or the name was wrong, not what to write)
    with pytest.raises(ConfigError, match=r'\[en\] is not a TOML value.*\["en", "fr"\]'):
        resolve(registry, sets=["language.languages=[en]"], cwd=tmp_path)
    # the config file's [stages.dedup] as --set stages.dedup.policy: refused, with a hint,
    # where sinks.NAME.KEY is a sink's (s38 acc-plugin F9); now the same as dedup.policy
    assert parse_set("stages.dedup.policy=keep") == ("stages", "dedup", "policy", "keep")
    long = resolve(registry, sets=["stages.dedup.policy=keep"], cwd=tmp_path)
    short = resolve(registry, sets=["dedup.policy=keep"], cwd=tmp_path)
    assert long.stage_options["dedup"].policy == "keep" and long.digest == short.digest
    with pytest.raises(ConfigError, match=r"unknown option 'polcy' for stage 'dedup'"):
        resolve(registry, sets=["stages.dedup.polcy=keep"], cwd=tmp_path)
    with pytest.raises(ConfigError, match=r"set as sinks\.warc\.max_bytes="):
        resolve(registry, sets=["warc.max_bytes=1000"], cwd=tmp_path)
    # the table's form short of its key: the form's message, not "unknown stage 'stages'"
    # (s39 acc-read F16)
    for short_of_key in ("stages.boilerplate=1", "sinks.warc=1"):
        with pytest.raises(ConfigError, match=r"expected STAGE\.KEY=VALUE \(or stages\."):
            parse_set(short_of_key)


def test_disable_drops_a_stage(registry, tmp_path):
    cfg = resolve(registry, disable=["dedup", "metadata"], cwd=tmp_path)
    assert cfg.stages == ("boilerplate", "language")
    with pytest.raises(ConfigError, match="--disable tagger: 'tagger' is not in the pipeline"):
        resolve(registry, disable=["tagger"], cwd=tmp_path)


def test_digest_changes_with_options(registry, tmp_path):
    a = resolve(registry, cwd=tmp_path)
    b = resolve(registry, sets=["boilerplate.threshold=0.9"], cwd=tmp_path)
    assert a.digest != b.digest and a.digest == resolve(registry, cwd=tmp_path).digest
    assert a.digest.startswith("sha256:")


def test_doc_timeout_from_the_file_and_set_and_its_errors(registry, tmp_path):
    assert resolve(registry, cwd=tmp_path).doc_timeout == 60.0
    path = write(tmp_path, "[pipeline]\ndoc_timeout = 5\n")
    cfg = resolve(registry, config_path=path)
    assert cfg.doc_timeout == 5.0 and cfg.resolved["pipeline"]["doc_timeout"] == 5.0
    cfg = resolve(registry, config_path=path, sets=["pipeline.doc_timeout=0"])
    assert cfg.doc_timeout == 0.0  # no limit
    with pytest.raises(ConfigError, match="expected a number of seconds"):
        resolve(registry, config_path=path, sets=["pipeline.doc_timeout=-1"])
    with pytest.raises(ConfigError, match="expected a list of stage names"):
        resolve(registry, config_path=path, sets=["pipeline.stages=language"])
    with pytest.raises(ConfigError, match="unknown pipeline key 'stage'"):
        resolve(registry, config_path=path, sets=['pipeline.stage=["language"]'])


def test_the_stages_set_on_the_command_line_and_sets_that_do_nothing(registry, tmp_path):
    """The stage list was only in a config file (a copy of the whole default list, to add a
    plugin's stage); a --set for a stage the run leaves out was taken without a word."""
    cfg = resolve(registry, cwd=tmp_path, sets=['pipeline.stages=["boilerplate", "language"]'])
    assert cfg.stages == ("boilerplate", "language") and not cfg.warnings
    cfg = resolve(
        registry,
        cwd=tmp_path,
        sets=["dedup.threshold=0.8", "language.min_letters=20"],
        disable=["dedup"],
    )
    assert cfg.warnings == (
        "--set dedup.threshold=0.8: the stage 'dedup' is not in this run (boilerplate,"
        " metadata, language): it has no effect",
    )
    with pytest.raises(ConfigError, match=r"^--set 'pipeline.stages=.*unknown stage 'nothere'"):
        resolve(registry, cwd=tmp_path, sets=['pipeline.stages=["boilerplate", "nothere"]'])
    with pytest.raises(ConfigError, match=r"^--set 'output.sinks=.*unknown sink 'nosink'"):
        resolve(registry, cwd=tmp_path, sets=['output.sinks=["nosink"]'])
    with pytest.raises(ConfigError, match="doc_timeout must be a number of seconds"):
        resolve(registry, config_path=write(tmp_path, '[pipeline]\ndoc_timeout = "1m"\n'))


def test_a_files_options_for_a_stage_not_in_the_run_are_said(tmp_path):
    """A --set for a stage not in the run said it has no effect; the same option in the
    config file was passed over in silence (acceptance round s23b)."""
    from corearchive.config import resolve
    from corearchive.manager import collect, make_plugin_manager

    cfg = tmp_path / "c.toml"
    cfg.write_text("[stages.language]\nmin_confidence = 0.3\n")
    registry = collect(make_plugin_manager())
    run = resolve(registry, config_path=cfg, disable=["language"])
    assert run.warnings == (
        f"{cfg}: [stages.language]: the stage 'language' is not in this run (boilerplate,"
        " metadata, dedup): its options have no effect",
    )
    assert resolve(registry, config_path=cfg).warnings == ()
    with pytest.raises(ConfigError, match="--disable dedup: given twice"):
        resolve(registry, disable=["dedup", "dedup"])


def test_the_run_says_which_config_files_it_read_and_how(seeds, tmp_path, monkeypatch):
    # s28 security L4: a corearchive.toml of the working folder changed the pipeline, and
    # the run's manifest said nothing of the file beyond its name among the origins
    import hashlib
    import json

    from click.testing import CliRunner

    from corearchive.cli import cli

    toml = write(tmp_path, '[pipeline]\nstages = ["boilerplate", "metadata"]\n')
    monkeypatch.chdir(tmp_path)
    got = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", "out", "-w", "1"])
    assert got.exit_code == 0, got.output
    assert f"(config: {toml}; the file was found in the working folder)" in got.output
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    sha = "sha256:" + hashlib.sha256(toml.read_bytes()).hexdigest()
    assert manifest["config"]["files"] == [
        {"path": str(toml), "sha256": sha, "how": "found in the working folder"}
    ]
    got = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", "o2", "-w", "1", "-c", str(toml)])
    manifest = json.loads((tmp_path / "o2" / "run.json").read_text())
    assert manifest["config"]["files"] == [{"path": str(toml), "sha256": sha, "how": "--config"}]


def test_a_working_folders_config_anyone_may_write_is_not_read_unnamed(registry, tmp_path):
    import os

    path = write(tmp_path, '[pipeline]\nstages = ["language"]\n')
    os.chmod(path, 0o666)
    with pytest.raises(ConfigError, match="anyone can write it: it is not read without"):
        resolve(registry, cwd=tmp_path)
    assert resolve(registry, config_path=path).stages == ("language",)  # named: read
    os.chmod(path, 0o664)  # (group-writable: a group's shared folder, umask 002)
    assert resolve(registry, cwd=tmp_path).stages == ("language",)


def test_enable_puts_a_plugins_stage_where_it_declares(tmp_path):
    """A plugin author: installing a stage made it available, and running it meant writing
    out every builtin stage in pipeline.stages (s29 acc-sinksrc L1). ``--enable NAME`` puts
    it after the stage its class names in ``after`` (else before ``before``)."""
    from corearchive import Stage

    from helpers import StagePlugin

    class Words(Stage):
        name = "words"
        after = "boilerplate"

    class Early(Stage):
        name = "early"
        after = "nosuchstage"
        before = "metadata"

    class Nowhere(Stage):
        name = "nowhere"

    registry = collect(
        make_plugin_manager(
            [(c.name, StagePlugin(c)) for c in (Words, Early, Nowhere)]  # type: ignore[misc]
        )
    )
    cfg = resolve(registry, enable=["words"], cwd=tmp_path)
    assert cfg.stages == ("boilerplate", "words", "metadata", "language", "dedup")
    assert cfg.enabled == ("words",) and cfg.origin == "defaults + --enable words"
    # the same pipeline written out: the same configuration (a rerun is not a new one)
    listed = '["boilerplate", "words", "metadata", "language", "dedup"]'
    assert cfg.digest == resolve(registry, sets=[f"pipeline.stages={listed}"], cwd=tmp_path).digest
    # "after" not in the pipeline: before "before"; both enabled, each in its place
    cfg = resolve(registry, enable=["early", "words"], cwd=tmp_path)
    assert cfg.stages == ("boilerplate", "words", "early", "metadata", "language", "dedup")
    with pytest.raises(ConfigError, match=r"its place \(after 'boilerplate'\) is not in the"):
        resolve(registry, enable=["words"], sets=['pipeline.stages=["metadata"]'], cwd=tmp_path)
    with pytest.raises(ConfigError, match=r"declares no place.*pipeline\.stages="):
        resolve(registry, enable=["nowhere"], cwd=tmp_path)
    with pytest.raises(ConfigError, match=r"no installed stage 'wrods'.*did you mean 'words'"):
        resolve(registry, enable=["wrods"], cwd=tmp_path)
    with pytest.raises(ConfigError, match="'metadata' is in the pipeline already"):
        resolve(registry, enable=["metadata"], cwd=tmp_path)
    with pytest.raises(ConfigError, match="--enable words: given twice"):
        resolve(registry, enable=["words", "words"], cwd=tmp_path)
    with pytest.raises(ConfigError, match="--enable dedup and --disable dedup: give one"):
        resolve(registry, enable=["dedup"], disable=["dedup"], cwd=tmp_path)


def test_enabled_stages_of_one_place_run_in_the_command_lines_order(tmp_path):
    """Two stages both ``after = "metadata"`` ran in the reverse of the ``--enable`` order,
    and a stage after 'dedup' and before 'boilerplate' was placed after dedup without a word
    (s38 acc-plugin F3, F4)."""
    from corearchive import PluginError, Stage

    from helpers import StagePlugin

    def stage(name: str, **place: str) -> type[Stage]:
        return type(name.title(), (Stage,), {"name": name, **place})

    a, b, c = (
        stage("a", after="metadata"),
        stage("b", after="metadata"),
        stage("c", before="language"),
    )
    registry = collect(make_plugin_manager([(s.name, StagePlugin(s)) for s in (a, b, c)]))
    # (right after 'metadata' comes before right before 'language'; a tie: as given)
    for order, placed in [("abc", "abc"), ("bac", "bac"), ("cba", "bac"), ("cab", "abc")]:
        got = resolve(registry, enable=list(order), cwd=tmp_path).stages
        assert got == ("boilerplate", "metadata", *placed, "language", "dedup")
    # contradictions: refused as the plugin loads (the builtin order), or as it is enabled
    for place in ({"after": "dedup", "before": "boilerplate"}, {"after": "x", "before": "x"}):
        with pytest.raises(
            PluginError,
            match=r"plugin 'bad'.*stage 'bad' declares after=.*"
            "contradict each other",
        ):
            collect(make_plugin_manager([("bad", StagePlugin(stage("bad", **place)))]))
    odd = stage("odd", after="language", before="metadata")
    with pytest.raises(PluginError, match="contradict"):
        collect(make_plugin_manager([("odd", StagePlugin(odd))]))
    late = stage("late", after="metadata", before="language")
    registry = collect(make_plugin_manager([("late", StagePlugin(late))]))
    with pytest.raises(ConfigError, match=r"--enable late: plugin 'late'.*in the other order"):
        resolve(
            registry,
            enable=["late"],
            sets=['pipeline.stages=["language", "metadata"]'],
            cwd=tmp_path,
        )


def test_provenance_minimal_in_a_config_file_and_in_a_runs_manifest(registry, tmp_path):
    """docs/archive.md: `provenance = "minimal"` under [output] in corearchive.toml does
    what --set output.provenance=minimal does; it was refused ("[output] provenance must be
    a list of names", s32 docs finding 3), and so was --config with the manifest of any run
    made with it (its resolved configuration records the value)."""
    path = write(tmp_path, '[output]\nsinks = ["warc", "records"]\nprovenance = "minimal"\n')
    cfg = resolve(registry, config_path=path)
    assert cfg.provenance == "minimal"
    by_set = resolve(registry, cwd=tmp_path / "none", sets=["output.provenance=minimal"])
    assert cfg.resolved == by_set.resolved and cfg.digest == by_set.digest
    manifest = tmp_path / "run.json"
    manifest.write_text(json.dumps({"config": {"resolved": cfg.resolved}}), "utf-8")
    again = resolve(registry, config_path=manifest)
    assert again.provenance == "minimal" and again.digest == cfg.digest
    with pytest.raises(ConfigError, match=r"provenance: expected 'full' or 'minimal', not 'some'"):
        resolve(registry, config_path=write(tmp_path, '[output]\nprovenance = "some"\n'))
