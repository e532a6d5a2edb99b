"""Credentials kept out of what a run records about itself and its documents.

A URL's user information (``https://user:secret@host/``, ``ray://token@head:10001``) and
the values of command-line options that look like secrets (``--password X``,
``--api-key=X``, ``--set stage.token=X``) were recorded as they were given: in every
manifest (``run.json`` ``command.argv``, ``config.sets``), and a document's URL in its
record, its reject entry and its WARC-Target-URI (s28 security L2, L3). They are replaced
by ``***``. (The raw input a document was read from is archived byte for byte, credentials
and all: it is the input.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: What stands for a value taken out.
HIDDEN = "***"

#: The user information of a URL (``scheme://USERINFO@``): no ``/``, ``?``, ``#`` or space.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#@\s]+@")

#: An option or setting name that looks like it holds a secret. ("auth", but for
#: "author", "authors", "authority": "authorization" is HTTP's credentials header, and
#: went unredacted into records with "author"; s31 acc-regress #10. Cookies hold sessions.)
_SECRET_NAME = re.compile(
    r"(?i)(pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|access[-_]?key|"
    r"private[-_]?key|credential|cookie|auth(?!or(?!i[sz]ation)))"
)


def redact_url(text: str) -> str:
    """``text`` with the user information of each URL in it replaced by ``***``."""
    if "@" not in text:
        return text
    return _USERINFO.sub(lambda m: f"{m.group(1)}{HIDDEN}@", text)


def redact_setting(text: str) -> str:
    """A ``NAME=VALUE`` (a ``--set``) with its value hidden when NAME looks like a
    secret's; URLs' user information hidden in any case."""
    name, eq, _ = text.partition("=")
    if eq and "/" not in name and _SECRET_NAME.search(name):
        return f"{name}={HIDDEN}"
    return redact_url(text)


def redact_argv(argv: Iterable[str]) -> list[str]:
    """A command line as it may be recorded: the values of options whose name looks like a
    secret's (``--token X``, ``--token=X``), of ``NAME=VALUE`` arguments likewise, and the
    user information of URLs, hidden."""
    out: list[str] = []
    hide_next = False
    for arg in argv:
        if hide_next:
            out.append(HIDDEN)
            hide_next = False
            continue
        if arg.startswith("-") and len(arg) > 1:
            name, eq, value = arg.partition("=")
            if _SECRET_NAME.search(name):
                if eq:
                    out.append(f"{name}={HIDDEN}")
                else:
                    out.append(arg)
                    hide_next = True
                continue
            out.append(f"{name}={redact_setting(value)}" if eq else arg)
            continue
        out.append(redact_setting(arg))
    return out


def redact_value(value: Any, name: str = "") -> Any:
    """A dump's field as it may be recorded (``annotations.source.input_metadata``): a
    string under a name that looks like a secret's (``api_key``, ``password``; a number
    such as ``token_count`` is kept) hidden, URLs' user information hidden, in objects and
    lists at any depth."""
    if isinstance(value, str):
        if name and _SECRET_NAME.search(name):
            return HIDDEN
        return redact_url(value)
    if isinstance(value, dict):
        return {k: redact_value(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_value(v, name) for v in value]
    return value
