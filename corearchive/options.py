"""Stage options: a frozen dataclass is the single declaration; its JSON Schema is derived.

A field's ``metadata`` carries the description and extra JSON Schema keywords::

    @dataclass(frozen=True)
    class Options:
        threshold: float = option(0.5, "Keep lines scoring at least this.", minimum=0, maximum=1)
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, Literal, TypeVar

import jsonschema_rs

from .errors import ConfigError

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """Options of a stage that takes none."""


def option(default: Any, description: str, **schema: Any) -> Any:
    """Declare one option: its default, a description, and extra JSON Schema keywords."""
    meta = {"description": description, "schema": schema}
    if isinstance(default, list | dict | set):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is type(None):
        return {"type": "null"}
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (list, tuple) and args:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin is dict and len(args) == 2:
        return {"type": "object", "additionalProperties": _type_schema(args[1])}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(a) for a in args]}
    raise TypeError(f"unsupported option type {tp!r}")


def options_schema(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema of an options dataclass: one property per field, no others allowed."""
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        prop = _type_schema(hints[f.name])
        prop.update(f.metadata.get("schema", {}))
        if "description" in f.metadata:
            prop["description"] = f.metadata["description"]
        if f.default is not dataclasses.MISSING:
            prop["default"] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            prop["default"] = f.default_factory()
        props[f.name] = prop
    return {"type": "object", "properties": props, "additionalProperties": False}


def check_defaults(cls: type[Any]) -> None:
    """Raise TypeError when a default of ``cls`` breaks its own option's schema (a string
    for an int, a number below its minimum): a plugin's mistake, which no config value
    would show, found at start-up instead of inside the stage, document after document."""
    for name, prop in options_schema(cls)["properties"].items():
        if "default" not in prop:
            continue
        schema = {k: v for k, v in prop.items() if k not in ("default", "description")}
        value = _as_json(prop["default"])
        try:
            # jsonschema-rs: the ``jsonschema`` package (~90 ms of imports at every start)
            # is loaded only for a default it rejects, for the message
            if jsonschema_rs.Draft202012Validator(schema).is_valid(value):
                continue
        except ValueError:  # (a value no JSON holds: jsonschema says what is wrong)
            pass
        import jsonschema

        error = jsonschema.exceptions.best_match(
            jsonschema.Draft202012Validator(schema).iter_errors(value)
        )
        if error is not None:
            raise TypeError(f"the default of {name!r}, {value!r}, is invalid: {error.message}")


def _as_json(value: Any) -> Any:
    """Tuples as lists (how options arrive from TOML), recursively."""
    if isinstance(value, tuple | list):
        return [_as_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    return value


def build_options(cls: type[T], values: dict[str, Any], *, stage: str, origin: str) -> T:
    """Instantiate ``cls`` from config values already validated against its schema.

    Integers are accepted where a float is declared (TOML ``1`` for ``1.0``); lists become
    tuples where a tuple is declared so that options stay hashable and frozen.
    """
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(values) - names)
    if unknown:
        raise ConfigError(
            f"unknown option {unknown[0]!r} for stage {stage!r} in {origin}"
            f" (known: {', '.join(sorted(names)) or 'none'})"
        )
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if hints[key] is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        elif typing.get_origin(hints[key]) is tuple and isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return cls(**kwargs)


def describe_options(cls: type[Any], prefix: str) -> list[str]:
    """Lines for ``corearchive options``: each option of the options dataclass ``cls`` as
    ``PREFIX.NAME = DEFAULT  (TYPE)`` and its description, read from its schema (so a
    plugin's options are listed as the builtin stages' are)."""
    import textwrap

    lines = []
    for name, prop in options_schema(cls)["properties"].items():
        default = prop.get("default", dataclasses.MISSING)
        shown = (
            "(no default)"
            if default is dataclasses.MISSING
            else "(not set)"
            if default is None
            else json.dumps(_as_json(default), ensure_ascii=False)
        )
        lines.append(f"  {prefix}.{name} = {shown}  ({describe_type(prop)})")
        if prop.get("description"):
            lines += textwrap.wrap(
                prop["description"], 96, initial_indent=" " * 6, subsequent_indent=" " * 6
            )
    return lines


def describe_type(prop: dict[str, Any]) -> str:
    """A value's JSON Schema in words: ``number, 0 to 1``, ``one of: drop, keep``."""
    if "enum" in prop:
        return "one of: " + ", ".join(json.dumps(v) if not isinstance(v, str) else v
                                      for v in prop["enum"])  # fmt: skip
    if "anyOf" in prop:
        return " or ".join(describe_type(p) for p in prop["anyOf"])
    kind = prop.get("type")
    if isinstance(kind, list):
        return " or ".join(describe_type({**prop, "type": k}) for k in kind)
    if kind == "array":
        return "list of " + describe_type(prop.get("items", {}))
    if kind == "object":
        return "table of " + describe_type(prop.get("additionalProperties") or {})
    words = {
        "boolean": "true or false",
        "integer": "integer",
        "number": "number",
        "string": "text",
        "null": "none",
    }.get(str(kind), "any value")
    low, high = prop.get("minimum"), prop.get("maximum")
    if low is not None and high is not None:
        words += f", {low} to {high}"
    elif low is not None:
        words += f", >= {low}"
    elif high is not None:
        words += f", <= {high}"
    if "pattern" in prop:
        words += f" matching {prop['pattern']}"
    return words
