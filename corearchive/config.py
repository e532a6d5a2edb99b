"""Run configuration: ``corearchive.toml`` (or ``--config``), ``--set`` and ``--disable``.

```toml
[pipeline]
stages = ["boilerplate", "metadata", "language", "dedup"]   # the order they run in
doc_timeout = 60    # seconds a stage may spend on one document (0: no limit)

[stages.language]
languages = ["en", "fr"]

[output]
sinks = ["warc", "records"]

[sinks.warc]
max_bytes = 1_000_000_000
```

Every table is checked against the schema the stages and sinks declare; an unknown key is an
error naming the stage, the key and where it was set.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shlex
import stat
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema_rs

from .errors import ConfigError, OptionValueError
from .manager import Registry
from .options import build_options, describe_type, options_schema

DEFAULT_STAGES = ("boilerplate", "metadata", "language", "dedup")
DEFAULT_SINKS = ("warc", "records")
DEFAULT_CONFIG_NAME = "corearchive.toml"
#: ``[output] provenance``: the run records its operator's user and host name (warcinfo
#: records, WARC file names, manifests), its working folder and install paths (the default)
PROVENANCE_FULL = "full"
#: ... or none of them (data about the operator the archive does not need; s29 LOW-1)
PROVENANCE_MINIMAL = "minimal"
#: The keys of the [pipeline] and [output] tables (and of --set pipeline.KEY, output.KEY):
#: ``corearchive options``, the config schema and examples/corearchive.toml list each.
TABLE_KEYS = {"pipeline": ("stages", "doc_timeout"), "output": ("sinks", "provenance")}
#: Seconds a stage may spend on one document by default: documents take milliseconds; a
#: pathological one (a pattern that goes quadratic on a page of 200,000 dates) fails with
#: a timeout instead of holding the run
DEFAULT_DOC_TIMEOUT = 60.0


@dataclass(frozen=True)
class RunConfig:
    """The resolved configuration of a run."""

    stages: tuple[str, ...]
    stage_options: dict[str, Any]
    sinks: tuple[str, ...]
    sink_options: dict[str, Any]
    #: Where the configuration came from (a file path, or "defaults").
    origin: str
    #: The configuration files read: ``{"path", "sha256", "how"}`` (``how``: ``--config``,
    #: or :data:`FOUND_IN_CWD`), for the manifest (``config.files``) and the summary.
    files: tuple[dict[str, str], ...] = ()
    #: The resolved configuration as plain data, for the manifest and the digest.
    resolved: dict[str, Any] = field(default_factory=dict)
    #: Seconds a stage may spend on one document (``[pipeline] doc_timeout``; 0: no limit).
    doc_timeout: float = DEFAULT_DOC_TIMEOUT
    #: The ``--set`` assignments and ``--disable`` names given, as given (for the manifest)
    sets: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    #: The ``--enable`` names given, as given (for the manifest)
    enabled: tuple[str, ...] = ()
    #: What the configuration asks that has no effect (a ``--set`` for a stage that is not
    #: in the pipeline), for the command line to say.
    warnings: tuple[str, ...] = ()
    #: Where each stage or sink option given was set, by ``(table, name, key)``: the
    #: ``--set`` or the file's table (for errors found later, as a stage opens)
    set_by: dict[tuple[str, str, str], str] = field(default_factory=dict)
    #: What the run records about its operator (``[output] provenance``):
    #: :data:`PROVENANCE_FULL` (user and host name, working folder, install paths) or
    #: :data:`PROVENANCE_MINIMAL` (none of them)
    provenance: str = "full"

    def where(self, name: str, key: str, table: str = "stages") -> str | None:
        """Where the option ``key`` of the stage (sink) ``name`` was set, or None: not set."""
        return self.set_by.get((table, name, key))

    @property
    def digest(self) -> str:
        """``sha256:`` of the resolved configuration, recorded in warcinfo and the manifest."""
        return config_digest(self.resolved)


def config_digest(resolved: Any) -> str:
    """``sha256:`` of a resolved configuration (a manifest's ``config.resolved``): of its
    JSON, keys sorted, no spaces."""
    blob = json.dumps(resolved, sort_keys=True, separators=(",", ":")).encode()
    return "sha256:" + hashlib.sha256(blob).hexdigest()


def _set(assignment: str) -> str:
    """``--set ASSIGNMENT`` as a shell takes it (quoted where it must be: ``--set
    'language.languages=["en"]'``, not ``--set boilerplate.threshold=0.4``), for messages:
    some quoted it always, Python's way, others never."""
    return "--set " + shlex.quote(assignment)


def parse_set(assignment: str) -> tuple[str, str, str, Any]:
    """Parse ``STAGE.KEY=VALUE`` (or ``stages.STAGE.KEY=VALUE``, the config file's table's
    form, as ``sinks.NAME.KEY=VALUE`` is a sink's; ``output.KEY=VALUE``,
    ``pipeline.KEY=VALUE``).

    VALUE is read as a TOML value (``0.7``, ``true``, ``["en", "fr"]``), else as a string.
    Returns ``(table, name, key, value)`` with table ``stages``, ``sinks``, ``output`` or
    ``pipeline``.
    """
    target, sep, text = assignment.partition("=")
    if not sep:
        raise ConfigError(f"{_set(assignment)}: expected STAGE.KEY=VALUE")
    parts = target.strip().split(".")
    # ("stages" is a name no stage may take: stages.STAGE.KEY is [stages.STAGE] KEY)
    if parts[0] in ("sinks", "stages") and len(parts) == 3:
        table, name, key = parts
    elif parts[0] in ("output", "pipeline") and len(parts) == 2:
        table, name, key = parts[0], "", parts[1]
    elif len(parts) == 2 and parts[0] not in ("sinks", "stages"):
        table, (name, key) = "stages", parts
    else:
        raise ConfigError(
            f"{_set(assignment)}: expected STAGE.KEY=VALUE (or stages.STAGE.KEY=VALUE),"
            " sinks.NAME.KEY=VALUE, output.KEY=VALUE or pipeline.KEY=VALUE"
        )
    try:
        value = tomllib.loads(f"v = {text.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = text.strip()
        if value.startswith(("[", "{")):
            # (taken as a string, it met a schema asking for a list, and the message said
            # only that the string was no array)
            raise ConfigError(
                f"{_set(assignment)}: {value} is not a TOML value: the strings of a list are"
                ' quoted (["en", "fr"]), and so is a string that starts with [ or { ("[x]")'
            ) from None
    return table, name, key, value


#: How a ``corearchive.toml`` read from the working folder (not named by ``--config``) is
#: described in the manifest's ``config.files`` and the run's summary.
FOUND_IN_CWD = "found in the working folder"


def _file_entry(path: Path, how: str) -> dict[str, str]:
    from .atomic import file_sha256  # (atomic imports sqlite3 and the catalog: when needed)

    try:
        digest = file_sha256(path)
    except OSError:
        digest = ""
    return {"path": os.path.abspath(path), "sha256": digest, "how": how}


def _refuse_foreign(path: Path) -> None:
    """Refuse to read ``corearchive.toml`` from the working folder when someone else could
    have put it there: owned by another user (root aside), or writable by others. Run in a
    shared or received folder, such a file changed the pipeline without a word on the
    command line (s28 security L4); ``--config`` names a file on purpose and is read."""
    if not hasattr(os, "getuid"):
        return
    try:
        st = path.stat()
    except OSError:
        return
    why = ""
    if st.st_uid not in (os.getuid(), 0):
        why = f"it belongs to another user (uid {st.st_uid})"
    elif st.st_mode & stat.S_IWOTH:
        why = "anyone can write it"
    if why:
        raise ConfigError(
            f"{os.path.abspath(path)} was found in the working folder, but {why}: it is not"
            " read without being named (it would change the run's pipeline); pass --config"
            f" {path} to use it, or run from another folder"
        )


def load_file(path: Path) -> dict[str, Any]:
    """Read a TOML config file; a syntax error names the file and the line. A run's
    manifest (``OUT/runs/RUN.json``, ``OUT/run.json``: a ``.json`` file) gives the
    configuration it recorded (``config.resolved``): the run again, with the same digest."""
    try:
        if path.suffix.lower() == ".json":
            return _recorded(path)
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        hint = " (a UTF-8 byte-order mark starts it: save it without)" if _has_bom(path) else ""
        raise ConfigError(f"{path}: invalid TOML: {exc}{hint}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (TOML is UTF-8): {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None


def _recorded(path: Path) -> dict[str, Any]:
    """The resolved configuration a run's manifest at ``path`` recorded."""
    try:
        manifest = json.loads(path.read_bytes())
    except ValueError as exc:
        raise ConfigError(f"{path}: not a run manifest (invalid JSON: {exc})") from None
    config = manifest.get("config") if isinstance(manifest, dict) else None
    resolved = config.get("resolved") if isinstance(config, dict) else None
    if not isinstance(resolved, dict):
        raise ConfigError(
            f"{path}: not a run manifest (no config.resolved): --config takes a TOML file,"
            " or a run's manifest (OUT/runs/RUN.json) for the configuration it recorded"
        )
    return resolved


def _has_bom(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(3) == b"\xef\xbb\xbf"


def _enable(registry: Registry, stages: list[str], name: str, enabled: list[str]) -> None:
    """Put the installed stage ``name`` into ``stages`` where it declares its place
    (``Stage.after``, else ``Stage.before``), so that a plugin's stage is run without the
    whole stage list written out (s29 plugin author: installing made it available, and
    running it meant copying every builtin stage's name into ``pipeline.stages``). Stages
    ``enabled`` before it with the same place stay before it: the command line's order (two
    stages after one ran in the reverse of it)."""
    if name not in registry.stages:
        raise ConfigError(
            f"--enable {name}: no installed stage {name!r} (available:"
            f" {', '.join(sorted(registry.stages))}){did_you_mean(name, registry.stages)}"
        )
    if name in stages:
        raise ConfigError(
            f"--enable {name}: {name!r} is in the pipeline already ({', '.join(stages)})"
        )
    cls = registry.stages[name]
    after, before = getattr(cls, "after", None), getattr(cls, "before", None)
    if after in stages and before in stages and stages.index(after) > stages.index(before):
        raise ConfigError(
            f"--enable {name}: {registry.owners[('stage', name)].label}: stage {name!r} goes"
            f" after {after!r} and before {before!r}, which this pipeline runs in the other"
            f" order ({', '.join(stages)}): name it where it goes in pipeline.stages"
        )
    if after in stages:
        follow_it = {n for n in enabled if getattr(registry.stages[n], "after", None) == after}
        at = stages.index(after) + 1
        while at < len(stages) and stages[at] in follow_it:
            at += 1
        stages.insert(at, name)
    elif before in stages:
        stages.insert(stages.index(before), name)
    else:
        declared = " or ".join(
            f"{w} {v!r}" for w, v in (("after", after), ("before", before)) if v is not None
        )
        why = (
            f"its place ({declared}) is not in the pipeline ({', '.join(stages)})"
            if declared
            else "the stage declares no place (Stage.after, Stage.before)"
        )
        raise ConfigError(
            f"--enable {name}: {why}: name it where it goes in pipeline.stages, e.g."
            f" --set 'pipeline.stages={json.dumps([*stages, name])}'"
        )


def working_folder() -> Path | None:
    """The working folder, or None where it no longer exists (deleted under the shell that
    started the command: a cron job's ``cd`` into a release folder a deploy removed)."""
    try:
        return Path.cwd()
    except FileNotFoundError:
        return None


def resolve(
    registry: Registry,
    *,
    config_path: Path | None = None,
    sets: Iterable[str] = (),
    disable: Iterable[str] = (),
    cwd: Path | None = None,
    enable: Iterable[str] = (),
) -> RunConfig:
    """Resolve the run configuration from the file, ``--set``, ``--disable`` and
    ``--enable`` (:func:`_enable`).

    Without ``config_path``, ``corearchive.toml`` in ``cwd`` is read if it exists.
    """
    how = "--config"
    if config_path is None and (cwd := cwd or working_folder()) is not None:
        candidate = cwd / DEFAULT_CONFIG_NAME
        if candidate.is_file():
            _refuse_foreign(candidate)
            config_path, how = candidate, FOUND_IN_CWD
    data = load_file(config_path) if config_path else {}
    origin = str(config_path) if config_path else "defaults"
    files = (_file_entry(config_path, how),) if config_path else ()

    _check_known(data, origin, registry)
    pipeline = data.get("pipeline", {})
    stages = list(pipeline.get("stages", DEFAULT_STAGES))
    doc_timeout = float(pipeline.get("doc_timeout", DEFAULT_DOC_TIMEOUT))
    output = data.get("output", {})
    sinks = list(output.get("sinks", DEFAULT_SINKS))
    provenance = output.get("provenance", PROVENANCE_FULL)
    provenance_origin = f"{origin}: [output] provenance"
    stage_tables: dict[str, dict[str, Any]] = {
        k: dict(v) for k, v in data.get("stages", {}).items()
    }
    sink_tables: dict[str, dict[str, Any]] = {k: dict(v) for k, v in data.get("sinks", {}).items()}
    origins: dict[tuple[str, str, str], str] = {}

    set_for: list[tuple[str, str, str]] = []
    stages_origin = sinks_origin = origin  # (what set each list: named in its errors)
    given: dict[tuple[str, str, str], str] = {}
    for assignment in sets:
        table, name, key, value = parse_set(assignment)
        if (first := given.get((table, name, key))) is not None:
            # (the last one won without a word, where --disable given twice is an error)
            raise ConfigError(
                f"{_set(assignment)}: {assignment.partition('=')[0].strip()} is set twice"
                f" (first {_set(first)}): give it once"
            )
        given[(table, name, key)] = assignment
        if table == "pipeline":
            if key == "stages":
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    raise ConfigError(
                        f"{_set(assignment)}: expected a list of stage names,"
                        ' pipeline.stages=["boilerplate", "metadata", ...]'
                    )
                stages = list(value)
                stages_origin = _set(assignment)
                continue
            if key != "doc_timeout":
                raise ConfigError(
                    f"{_set(assignment)}: unknown pipeline key {key!r}"
                    f" ({', '.join(TABLE_KEYS['pipeline'])})"
                    + did_you_mean(key, TABLE_KEYS["pipeline"])
                )
            if not _is_seconds(value):
                raise ConfigError(f"{_set(assignment)}: expected a number of seconds >= 0")
            doc_timeout = float(value)
            continue
        if table == "output":
            if key == "provenance":
                provenance, provenance_origin = value, _set(assignment)
                continue
            if key != "sinks":
                raise ConfigError(
                    f"{_set(assignment)}: unknown output key {key!r}"
                    f" ({', '.join(TABLE_KEYS['output'])})"
                    + did_you_mean(key, TABLE_KEYS["output"])
                )
            sinks = value if isinstance(value, list) else [value]
            sinks_origin = _set(assignment)
            continue
        known = registry.stages if table == "stages" else registry.sinks
        if name not in known:
            kind = "stage" if table == "stages" else "sink"
            hint = (
                f"; the sink's options are set as sinks.{name}.{key}=…"
                if table == "stages" and name in registry.sinks
                else ""
            )
            raise ConfigError(
                f"{_set(assignment)}: unknown {kind} {name!r}"
                f" (available: {', '.join(sorted(known))}){hint or did_you_mean(name, known)}"
            )
        tables = stage_tables if table == "stages" else sink_tables
        tables.setdefault(name, {})[key] = value
        origins[(table, name, key)] = _set(assignment)
        set_for.append((table, name, assignment))

    disabled = list(disable)
    for k, name in enumerate(disabled):
        if name in disabled[:k]:
            raise ConfigError(f"--disable {name}: given twice")
        if name not in stages:
            raise ConfigError(
                f"--disable {name}: {name!r} is not in the pipeline ({', '.join(stages)})"
                + did_you_mean(name, stages)
            )
        stages.remove(name)
    enable = list(enable)
    for k, name in enumerate(enable):
        if name in enable[:k]:
            raise ConfigError(f"--enable {name}: given twice")
        if name in disabled:
            raise ConfigError(f"--enable {name} and --disable {name}: give one")
        _enable(registry, stages, name, enable[:k])

    if not sinks:
        # (the run wrote nothing, yet marked its documents archived in the index: the next
        # run dropped them all as already archived)
        raise ConfigError(
            f"{sinks_origin}: output.sinks is empty: the run would write nothing (the"
            f" default: {', '.join(DEFAULT_SINKS)})"
        )
    for kind, names, known_map, where in (
        ("stage", stages, registry.stages, stages_origin),
        ("sink", sinks, registry.sinks, sinks_origin),
    ):
        for name in names:
            if names.count(name) > 1:  # (a stage run twice cleaned the cleaned text again)
                raise ConfigError(f"{where}: the {kind} {name!r} is listed twice")
            if name not in known_map:
                raise ConfigError(
                    f"{where}: unknown {kind} {name!r} (available: {', '.join(sorted(known_map))})"
                    + did_you_mean(name, known_map)
                )

    stage_options = {
        name: _build(
            registry.stages[name].Options,
            stage_tables.get(name, {}),
            "stages",
            name,
            origin,
            origins,
        )
        for name in registry.stages
    }
    sink_options = {
        name: _build(
            registry.sinks[name].Options, sink_tables.get(name, {}), "sinks", name, origin, origins
        )
        for name in registry.sinks
    }
    # (a stage that changes the text after an ordered one failed only the documents it
    # happened to change, the title or byline lines the metadata stage takes out: the order
    # is refused as a whole instead, s39 acc-regress R6; see Stage.changes_text)
    ordered = next((n for n in stages if registry.stages[n].ordered), None)
    for name in stages[stages.index(ordered) + 1 :] if ordered is not None else ():
        if registry.stages[name].changes_text_with(stage_options[name]):
            raise ConfigError(
                f"{stages_origin}: the stage {name!r} changes documents' text, and comes after"
                f" {ordered!r}, which indexes the text it sees: place {name!r} before"
                f" {ordered!r}"
            )
    for name in stages:
        try:
            registry.stages[name].check_options(stage_options[name])
        except OptionValueError as exc:
            where = origins.get(("stages", name, exc.option), f"{origin}: [stages.{name}]")
            key = "" if where.startswith("--set") else f" {exc.option}"
            raise ConfigError(f"{where}{key}: {exc}") from None
    # (a --set is checked against the options above even so: a typo is an error)
    warnings = tuple(
        f"{_set(assignment)}: the {'stage' if table == 'stages' else 'sink'} {name!r} is not"
        f" in this run ({', '.join(stages if table == 'stages' else sinks)}): it has no effect"
        for table, name, assignment in set_for
        if name not in (stages if table == "stages" else sinks)
    ) + tuple(
        # (the file's tables too: they were passed over in silence)
        f"{origin}: [{table}.{name}]: the {'stage' if table == 'stages' else 'sink'} {name!r}"
        f" is not in this run ({', '.join(run)}): its options have no effect"
        for table, run in (("stages", stages), ("sinks", sinks))
        for name in data.get(table, {})
        if name not in run and not any(t == table and n == name for t, n, _ in set_for)
    )
    if provenance not in (PROVENANCE_FULL, PROVENANCE_MINIMAL):
        raise ConfigError(
            f"{provenance_origin}: expected {PROVENANCE_FULL!r} or {PROVENANCE_MINIMAL!r},"
            f" not {provenance!r}"
        )
    resolved = {
        "pipeline": {"stages": stages, "doc_timeout": doc_timeout},
        "stages": {n: _asdict(stage_options[n]) for n in stages},
        # (provenance only when not the default: the digest of every earlier configuration
        # stays what it was)
        "output": {"sinks": sinks}
        | ({"provenance": provenance} if provenance != PROVENANCE_FULL else {}),
        "sinks": {n: _asdict(sink_options[n]) for n in sinks},
    }
    # (a run given --set said "defaults", as if given nothing)
    shown = " + ".join(
        [
            origin,
            *(_set(a) for a in sets),
            *(f"--disable {n}" for n in disable),
            *(f"--enable {n}" for n in enable),
        ]
    )
    return RunConfig(
        stages=tuple(stages),
        stage_options=stage_options,
        sinks=tuple(sinks),
        sink_options=sink_options,
        origin=shown,
        files=files,
        sets=tuple(sets),
        disabled=tuple(disable),
        enabled=tuple(enable),
        resolved=resolved,
        doc_timeout=doc_timeout,
        provenance=provenance,
        warnings=warnings,
        set_by={
            (table, name, key): origins.get((table, name, key), f"{origin}: [{table}.{name}] {key}")
            for table, tables in (("stages", stage_tables), ("sinks", sink_tables))
            for name, values in tables.items()
            for key in values
        },
    )


def did_you_mean(word: Any, known: Iterable[Any]) -> str:
    """``"; did you mean 'x'?"`` for the known name closest to a mistyped ``word``, or ""."""
    if not isinstance(word, str):
        return ""
    names = {str(k): k for k in known}
    near = difflib.get_close_matches(word, list(names), n=1)
    return f"; did you mean {names[near[0]]!r}?" if near and near[0] != word else ""


def _is_seconds(value: Any) -> bool:
    """A number of seconds >= 0 (a TOML boolean is no number, nor is nan)."""
    return not isinstance(value, bool) and isinstance(value, int | float) and value >= 0


def _check_known(data: dict[str, Any], origin: str, registry: Registry) -> None:
    allowed: dict[str, set[str] | None] = {
        "pipeline": set(TABLE_KEYS["pipeline"]),
        "stages": None,
        "output": set(TABLE_KEYS["output"]),
        "sinks": None,
    }
    for key, value in data.items():
        if key not in allowed:
            raise ConfigError(
                f"{origin}: unknown table [{key}] (known: {', '.join(sorted(allowed))})"
                + did_you_mean(key, allowed)
            )
        if not isinstance(value, dict):
            raise ConfigError(f"{origin}: [{key}] must be a table")
        keys = allowed[key]
        if keys is not None:
            for sub in value:
                if sub not in keys:
                    raise ConfigError(
                        f"{origin}: unknown key {sub!r} in [{key}] ({', '.join(sorted(keys))})"
                        + did_you_mean(sub, keys)
                    )
            for sub, names in value.items():
                if sub == "doc_timeout":
                    if not _is_seconds(names):
                        raise ConfigError(
                            f"{origin}: [{key}] doc_timeout must be a number of seconds >= 0"
                        )
                    continue
                if sub == "provenance":
                    # (a string: "full" or "minimal", checked with the other values)
                    continue
                if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
                    raise ConfigError(f"{origin}: [{key}] {sub} must be a list of names")
        else:
            known = registry.stages if key == "stages" else registry.sinks
            for name in value:
                if not isinstance(value[name], dict):
                    raise ConfigError(f"{origin}: [{key}.{name}] must be a table of options")
                if name not in known:
                    raise ConfigError(
                        f"{origin}: [{key}.{name}]: unknown {key[:-1]} {name!r}"
                        f" (available: {', '.join(sorted(known))})" + did_you_mean(name, known)
                    )


def _build(
    cls: type[Any],
    values: dict[str, Any],
    table: str,
    name: str,
    origin: str,
    origins: dict[tuple[str, str, str], str],
) -> Any:
    kind = "stage" if table == "stages" else "sink"
    schema = options_schema(cls)
    for key, value in values.items():
        if isinstance(value, float) and value != value:  # (TOML has nan; a schema's number too)
            where = origins.get((table, name, key), origin)
            raise ConfigError(f"{where}: [{table}.{name}] {key}: nan is not a number")
        if key not in schema["properties"]:
            where = origins.get((table, name, key), origin)
            known = ", ".join(sorted(schema["properties"])) or "none"
            raise ConfigError(
                f"{where}: unknown option {key!r} for {kind} {name!r} (known options: {known})"
                + did_you_mean(key, schema["properties"])
            )
    if not jsonschema_rs.is_valid(schema, values):
        # The messages are the ``jsonschema`` package's (loaded only for a config in error).
        from jsonschema import Draft202012Validator

        for err in Draft202012Validator(schema).iter_errors(values):
            key = str(err.absolute_path[0]) if err.absolute_path else ""
            where = origins.get((table, name, key), origin)
            # (a table's entry by its name: "thresholds.fineweb_line_punct")
            inner = [str(k) for k in list(err.absolute_path)[1:] if isinstance(k, str)]
            said = ".".join([key, *inner])
            raise ConfigError(f"{where}: [{table}.{name}] {said}: {_said(err)}")
    return build_options(cls, values, stage=name, origin=origin)


def _said(err: Any) -> str:
    """A validation error of an option's value in the user's words: the validator's
    "'yes' is not of type 'boolean'" and "'kepp' is not one of ['drop', 'keep']" as "'yes'
    is not true or false", "'kepp' is not one of: drop, keep; did you mean 'keep'?", and
    "'en' is not a list of text (in TOML: ["en"])"."""
    if err.validator not in ("type", "enum"):
        return str(err.message)
    words = describe_type(err.schema)
    article = "" if words.startswith(("true", "one of")) else "an " if words[0] in "aei" else "a "
    said = f"{err.instance!r} is not {article}{words}"
    if err.validator == "enum" and isinstance(err.validator_value, list):
        said += did_you_mean(err.instance, err.validator_value)
    elif words.startswith("list") and not isinstance(err.instance, list):
        said += f" (in TOML: [{json.dumps(err.instance, ensure_ascii=False)}])"
    return said


def _asdict(options: Any) -> dict[str, Any]:
    import dataclasses

    return {
        f.name: list(v) if isinstance(v := getattr(options, f.name), tuple) else v
        for f in dataclasses.fields(options)
    }
