"""Record and config schemas, composed from what the active stages and sinks declare.

The core record fields are the contract with downstream search indexes and live here; each
stage's evidence goes under ``annotations.<stage>`` and is checked by the fragment that stage
declares. ``corearchive/schemas/record.schema.json`` and ``config.schema.json`` (shipped in
the package; copies in the repository's ``schemas/``) are the compositions for the default
pipeline, kept in sync by a test. ``reject.schema.json`` (a line of ``rejects.jsonl``) is
written by hand and read from the package.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping
from typing import Any

import jsonschema_rs

from .document import BUILTIN_FORMATS, Document
from .errors import PluginError
from .options import options_schema
from .sink import Sink
from .stage import Stage

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_NULLABLE_STRING = {"type": ["string", "null"]}
_STRINGS = {"type": "array", "items": {"type": "string"}}

#: ISO 8601 date or date-time (with optional fraction and offset).
ISO_DATE_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}"
    r"(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$"
)
#: A date, or a date-time with its offset: a time without one names no instant (the
#: builtin stages then give the day; a plugin's zoneless value fails its document)
ISO_DATE_OFFSET_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}"
    r"(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$"
)

#: The builtin sources' keys under ``annotations.source`` (docs/running.md, "Inputs").
_SOURCE_EVIDENCE: dict[str, Any] = {
    "encoding": {"type": "string", "description": "The encoding the input was read in."},
    "encoding_by": {
        "enum": ["declared", "guessed"],
        "description": "How a legacy encoding was found: named by the input (HTTP header,"
        " <meta>), or guessed from its bytes (among the Web's legacy encodings, Windows-1252"
        " unless the bytes say otherwise). Absent when the bytes said it (UTF-8, a byte-order"
        " mark).",
    },
    "line": {"type": "integer", "minimum": 1, "description": "A JSON Lines dump's line (from 1)."},
    "element": {
        "type": "integer",
        "minimum": 0,
        "description": "A JSON array's element, or a pretty-printed file's value (from 0).",
    },
    "row": {"type": "integer", "minimum": 1, "description": "A Parquet file's row (from 1)."},
    "given": {
        "type": "object",
        "description": "A dump's own fields, as given: title, authors, tags, categories,"
        " site_name, date (created: a row's created_at or created_utc, when no other date is"
        " given; it yields to the page's own date).",
    },
    "cut": {
        "type": "object",
        "additionalProperties": {"type": "integer"},
        "description": "A dump's fields cut to their bound: the size given (characters or names).",
    },
    "ignored": {
        "type": "object",
        "additionalProperties": {"type": "string"},
        "description": "A dump's fields in a form not read: the JSON type given.",
    },
    "input_id": {
        "type": "string",
        "description": "A dump's own id (its `id`: a string, or a number as a string).",
    },
    "input_metadata": {
        "type": "object",
        "description": "A dump's other fields, not read into the record (`meta`, a"
        " dataset's name, scores), as given, within 16 KiB (a field past it is named in"
        " `cut` as `input_metadata.NAME`), secrets' values hidden as `***`.",
    },
    "read_as": {
        "enum": ["html", "fragment"],
        "description": "Read as HTML whatever its label said: html, a page; fragment, a"
        " dump's text field that held an HTML fragment (`<p>…</p>`), whose visible text is"
        " the document's.",
    },
    "post": {
        "type": "boolean",
        "description": "A dump's record read as a post: a social platform's (its fields or"
        " address say so, or it has none and a lang or language tag), its text of at most"
        " 500 characters on at most 4 lines, one a sentence when several, no brief's"
        " headline and byline (docs/stages.md, 'Posts').",
    },
    "crawl_row": {
        "type": "boolean",
        "description": "A dump's row cut from a Common Crawl crawl (it names it: FineWeb's"
        " and datatrove's `dump` or `file_path` `CC-MAIN-…`, or `WARC-…` keys), its text"
        " given: its `date` is the capture time; its text, when no chrome is found inside"
        " it, is an extractor's article, cleaned at its edges only.",
    },
    "repost_of": {
        "type": "string",
        "description": "The post this one reposts (a dump's `retweeted_status`, `reblog`:"
        " its id, else address; a text 'RT @user: ...': '@user').",
    },
    "quote_of": {
        "type": "string",
        "description": "The post this one quotes (a dump's `quoted_status`, `quote`,"
        " `quoted_status_id`: its id, else address).",
    },
    "labelled": {"description": "The Content-Type the WARC record's HTTP head gave."},
    "warc_type": {"type": "string", "description": "The input WARC record's type."},
    "offset": {"type": "integer", "minimum": 0, "description": "The input WARC record's offset."},
    "truncated": {
        "description": "Read as far as it goes: WARC-Truncated's reason, or a"
        " compressed input's cut."
    },
    "digests_failed": {
        "type": "object",
        "description": "The digests the input WARC record declared that its bytes fail.",
    },
    "warcinfo": {"type": "object", "description": "The input WARC's own warcinfo record."},
    "content_length_overrun": {
        "type": "integer",
        "minimum": 1,
        "description": "How many bytes the input WARC record's Content-Length ran into the"
        " record after it (its block held that record's start): the payload ends where that"
        " record starts.",
    },
    "segments": {
        "type": "integer",
        "minimum": 1,
        "description": "How many segments of the input WARC's capture, split over several"
        " records (WARC-Segment-Number, continuation records), were joined to read it.",
    },
    "content_encoding_sniffed": {
        "type": "string",
        "description": "A coding the input WARC response's body was in without its"
        " Content-Encoding saying so (gzip), undone to read it.",
    },
    "warc_date": {
        "type": "object",
        "description": "The input WARC record's WARC-Date, when it had none (problem:"
        " missing) or one that is no ISO 8601 date (problem: unreadable; given: the value);"
        " fetched_at_from: 'HTTP Date' when the capture time is the response's Date header.",
    },
}

BASE_RECORD_SCHEMA: dict[str, Any] = {
    "$schema": DIALECT,
    "$id": "https://corearchive.invalid/schemas/record.schema.json",
    "title": "corearchive record",
    "description": "One kept document: the contract with downstream search indexes.",
    "type": "object",
    "required": [
        "id",
        "source",
        "text",
        "title",
        "site_name",
        "authors",
        "tags",
        "published",
        "language",
        "duplicate",
        "archive",
        "pipeline",
        "annotations",
    ],
    "additionalProperties": False,
    "properties": {
        "id": {
            "type": "string",
            "pattern": "^[0-9a-f]{32}$",
            "description": "Stable id: the same input gives the same id on every run.",
        },
        "source": {
            "type": "object",
            "required": ["uri", "path", "format", "sha256", "fetched_at", "warc_record_id"],
            "additionalProperties": False,
            "properties": {
                "uri": {"type": "string", "description": "Where the document came from."},
                "path": {
                    "type": ["string", "null"],
                    "description": "The input path as given (relative where it was).",
                },
                "format": {
                    "type": "string",
                    "enum": list(BUILTIN_FORMATS),
                    "description": "The input format: the name of the source that read it.",
                },
                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "fetched_at": {
                    "type": ["string", "null"],
                    "pattern": ISO_DATE_PATTERN,
                    "description": "Capture date (WARC-Date), if known.",
                },
                "warc_record_id": _NULLABLE_STRING,
            },
        },
        "text": {"type": "string", "minLength": 1, "description": "The cleaned text."},
        "title": _NULLABLE_STRING,
        "site_name": _NULLABLE_STRING,
        "authors": _STRINGS,
        "tags": _STRINGS,
        "published": {
            "type": ["string", "null"],
            "pattern": ISO_DATE_OFFSET_PATTERN,
            "description": "ISO 8601 date or date-time with offset, at the source's precision.",
        },
        "language": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["code", "confidence"],
                    "additionalProperties": False,
                    "properties": {
                        "code": {
                            "type": "string",
                            "pattern": "^([a-z]{2}|[a-z]{3})$",
                            "description": "ISO 639-1 where it exists, else 639-3; und if unknown.",
                        },
                        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                        "script": {
                            "type": ["string", "null"],
                            "pattern": "^[A-Z][a-z]{3}$",
                            "description": "ISO 15924 code of the text's script (Latn, Cyrl,"
                            " Hans, Hant, Jpan, ...); null if unknown. Absent in records"
                            " made before it existed.",
                        },
                    },
                },
            ]
        },
        "duplicate": {
            "type": "object",
            "required": ["status", "of", "similarity"],
            "additionalProperties": False,
            "properties": {
                "status": {
                    "enum": ["unchecked", "unique", "exact", "near", "revision"],
                    "description": "unchecked: no stage of the run looked for duplicates;"
                    " exact: the same text as a document archived before (or the same raw"
                    " input); near: a similar text; revision: a changed text at the address"
                    " of an earlier version, similar to it (a new version of it).",
                },
                "of": {
                    **_NULLABLE_STRING,
                    "description": "The id of the first document of its cluster, which every"
                    " later copy and near copy names; for a revision, the earlier version at"
                    " its address that it resembles most.",
                },
                "similarity": {
                    "type": ["number", "null"],
                    "minimum": 0,
                    "maximum": 1,
                    "description": "Estimated similarity to the document `of` names (an exact"
                    " copy of a near copy of it is near, with its similarity).",
                },
            },
        },
        "archive": {
            "type": ["object", "null"],
            "required": ["warc", "offset", "raw_record_id", "conversion_record_id"],
            "additionalProperties": False,
            "description": "Where the document is in the WARC output (null without a WARC sink).",
            "properties": {
                "warc": {"type": "string", "description": "WARC file name under OUT."},
                "offset": {"type": "integer", "minimum": 0},
                "raw_record_id": {"type": "string"},
                "conversion_record_id": _NULLABLE_STRING,
                "run_id": {
                    "type": "string",
                    "description": "The run that archived it (OUT/runs/RUN_ID.json); records"
                    " of earlier versions have none.",
                },
            },
        },
        "pipeline": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["stage", "plugin", "version"],
                "additionalProperties": False,
                "properties": {
                    "stage": {"type": "string"},
                    "plugin": {"type": "string"},
                    "version": _NULLABLE_STRING,
                },
            },
        },
        "annotations": {
            "type": "object",
            "description": "Each stage's own evidence, keyed by stage name.",
            "properties": {
                "source": {
                    "type": "object",
                    "description": "Evidence of the input reader: encoding, JSONL line and"
                    " given fields, WARC record type and offset. A plugin's source may add"
                    " keys of its own.",
                    "properties": _SOURCE_EVIDENCE,
                },
            },
            "additionalProperties": False,
        },
    },
}


def check_fragment(fragment: Mapping[str, Any], owner: str) -> None:
    """Fail with ``owner`` named if ``fragment`` is not a valid JSON Schema 2020-12."""
    try:
        # jsonschema-rs checks a schema against the meta-schema when it compiles it: the
        # ``jsonschema`` package (~90 ms of imports) is loaded only for a schema it rejects.
        jsonschema_rs.Draft202012Validator(dict(fragment))
    except jsonschema_rs.ValidationError:
        import jsonschema

        try:
            jsonschema.Draft202012Validator.check_schema(fragment)
        except jsonschema.SchemaError as exc:
            raise PluginError(f"{owner}: invalid annotations schema: {exc.message}") from exc


def record_schema(
    stages: Iterable[type[Stage]], formats: Iterable[str] = BUILTIN_FORMATS
) -> dict[str, Any]:
    """The record schema for a pipeline: the core fields plus each stage's fragment.

    ``formats`` are the registered sources' names (a plugin's source adds its own format);
    the builtin ones are always allowed, so that a schema stays valid for old records.
    """
    schema = copy.deepcopy(BASE_RECORD_SCHEMA)
    schema["properties"]["source"]["properties"]["format"]["enum"] = list(
        dict.fromkeys([*BUILTIN_FORMATS, *formats])
    )
    props = schema["properties"]["annotations"]["properties"]
    for stage in stages:
        if stage.annotations_schema is not None:
            props[stage.name] = copy.deepcopy(stage.annotations_schema)
    return schema


def reject_schema() -> dict[str, Any]:
    """The schema of a line of ``rejects.jsonl`` (``corearchive schema reject``), the file the
    package ships."""
    from importlib.resources import files

    text = files("corearchive").joinpath("schemas", "reject.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def config_schema(
    stages: Mapping[str, type[Stage]], sinks: Mapping[str, type[Sink]]
) -> dict[str, Any]:
    """The config file schema: pipeline order, and each stage's and sink's options."""
    return {
        "$schema": DIALECT,
        "$id": "https://corearchive.invalid/schemas/config.schema.json",
        "title": "corearchive configuration (corearchive.toml)",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "pipeline": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "stages": {
                        "type": "array",
                        "items": {"enum": sorted(stages)},
                        "uniqueItems": True,
                        "description": "The stages to run, in order.",
                    },
                    "doc_timeout": {
                        "type": "number",
                        "minimum": 0,
                        "default": 60,
                        "description": "Seconds a stage may spend on one document (0: no"
                        " limit), counted as the CPU time of the worker's thread (on the wall"
                        " clock at most 20 times that); a document that takes longer fails,"
                        " the run goes on.",
                    },
                },
            },
            "stages": {
                "type": "object",
                "additionalProperties": False,
                "properties": {n: options_schema(s.Options) for n, s in sorted(stages.items())},
            },
            "output": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "sinks": {
                        "type": "array",
                        "items": {"enum": sorted(sinks)},
                        "uniqueItems": True,
                        "description": "The sinks to write to, in order.",
                    },
                    "provenance": {
                        "enum": ["full", "minimal"],
                        "default": "full",
                        "description": "What the run records about its operator: 'full',"
                        " the user and host name, working folder and install paths (warcinfo"
                        " records, WARC file names, manifests); 'minimal', none of them.",
                    },
                },
            },
            "sinks": {
                "type": "object",
                "additionalProperties": False,
                "properties": {n: options_schema(s.Options) for n, s in sorted(sinks.items())},
            },
        },
    }


class RecordValidator:
    """Validates records against a composed schema; compiled once per run.

    Every record is checked by jsonschema-rs (compiled Rust, about 50 times faster than the
    pure-Python validator on our records); only a record it rejects goes through the
    ``jsonschema`` package as well, whose messages and paths the reports use (imported and
    compiled then: a run whose records are all valid never loads it).
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._validator: Any = None
        self._fast = jsonschema_rs.Draft202012Validator(schema)

    def errors(self, record: Mapping[str, Any]) -> list[str]:
        """Every violation, as ``path: message`` lines (empty when the record is valid).

        A value JSON cannot hold (NaN or an infinity, which JSON writers turn into ``null``;
        a NumPy scalar; a set) is a violation too, named by its path: the ``jsonschema``
        package takes NaN for a number and a record would be written with ``null`` where
        the schema says a number."""
        try:
            if self._fast.is_valid(record):
                return []
        except ValueError:  # jsonschema-rs: "Unsupported type" (not a JSON value)
            return json_problems(record)
        if self._validator is None:
            import jsonschema

            self._validator = jsonschema.Draft202012Validator(self.schema)
        out = []
        for err in sorted(self._validator.iter_errors(record), key=lambda e: list(e.path)):
            path = "/".join(str(p) for p in err.absolute_path) or "(record)"
            out.append(f"{path}: {err.message}")
        return out or json_problems(record) or ["(record): rejected by jsonschema-rs"]


def json_problems(value: Any, path: str = "") -> list[str]:
    """The values inside ``value`` that JSON cannot hold, as ``path: what`` lines: NaN and
    infinities, NumPy (or other non-builtin) scalars, sets, tuples are fine (lists), keys
    that are not strings. Empty when ``value`` is plain JSON."""
    out: list[str] = []
    here = path or "(record)"
    if value is None or isinstance(value, (str, int)):  # (bool is an int)
        return out
    if type(value) is float:
        if value != value or value in (float("inf"), float("-inf")):
            out.append(f"{here}: {value!r} is not a JSON number (NaN or infinity)")
        return out
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                out.append(f"{here}: key {k!r} ({type(k).__name__}) is not a string")
                continue
            out.extend(json_problems(v, f"{path}/{k}" if path else k))
        return out
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            out.extend(json_problems(v, f"{path}/{i}" if path else str(i)))
        return out
    kind = type(value)
    hint = (
        " (a NumPy value: convert it with int(), float(), bool() or .tolist())"
        if kind.__module__ == "numpy"
        else ""
    )
    out.append(f"{here}: a {kind.__module__}.{kind.__qualname__} is not a JSON value{hint}")
    return out


def build_record(doc: Document, pipeline: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON record of a kept document (validated by the caller): the streaming run and
    the staged plan's write tasks build the same records."""
    lang = doc.language
    return {
        "id": doc.id,
        "source": doc.source.to_json(),
        # (a plain text keeps its form feeds as page breaks for the boilerplate stage: a
        # record's text has none, whichever stages ran: a social post's, a text with the
        # stage disabled; tidy_text(done=True) makes them line breaks, as XML 1.0 has no
        # U+000C; s36 acc-read F18)
        "text": doc.text.replace("\f", "\n"),
        "title": doc.title,
        "site_name": doc.site_name,
        "authors": list(doc.authors),
        "tags": list(doc.tags),
        "published": doc.published,
        "language": (
            {"code": lang.code, "confidence": lang.confidence, "script": lang.script}
            if lang
            else None
        ),
        "duplicate": doc.duplicate.to_json(),
        "archive": doc.archive.to_json() if doc.archive else None,
        "pipeline": pipeline,
        "annotations": doc.annotations,
    }


#: Why a document still HTML gets no record.
STILL_HTML = (
    "the document is still HTML: no stage of the run extracted its text (the boilerplate"
    " stage does; a plugin stage that extracts it sets document.is_html = False)"
)


def schema_failure(errors: list[str]) -> str:
    """The error entry of a record that breaks its schema (its first five violations)."""
    return "record does not match the schema: " + "; ".join(errors[:5])


def record_problem(doc: Document, validator: RecordValidator) -> str | None:
    """Why ``doc`` could not be written as a record now (None if it could).

    Checked as the local stages finish, before the ordered ones: dedup takes a document it
    sees for the original of its later copies, and a document that failed at the record
    after that took its copies with it (dropped as duplicates of a document never
    archived). The record is built without what the ordered stages and the sinks add
    (duplicate status, archive place), which their own schemas cover."""
    if doc.is_html:
        return STILL_HTML
    errors = validator.errors(build_record(doc, []))
    return schema_failure(errors) if errors else None
