"""Reading a stage's model file (a JSON file shipped in the package, or given by a stage's
``model`` option): once per process and file, with errors that name the file."""

from __future__ import annotations

import json
import os
from typing import Any

#: A model file as it is now: its real path, size and modification time
Key = tuple[str, int, int]


def read_model(
    path: str, what: str, error: type[Exception], loaded: dict[Key, Any]
) -> tuple[Any, Key, bytes | None]:
    """``(model, key, None)`` when ``loaded`` holds the file at ``path`` as it is now (by
    ``key``), else ``(parsed JSON, key, its bytes)`` for the caller to check, prepare and
    keep in ``loaded[key]``. A file that cannot be read, is empty or is not JSON raises
    ``error`` naming it (``what``: "line model", "metadata model")."""
    try:
        st = os.stat(path)
        key = (os.path.realpath(path), st.st_size, st.st_mtime_ns)
        got = loaded.get(key)
        if got is not None:
            return got, key, None
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise error(f"{what} {path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        return json.loads(raw), key, raw
    except (ValueError, UnicodeDecodeError) as exc:
        why = "empty" if not raw.strip() else f"not JSON (truncated?): {exc}"
        raise error(f"{what} {path}: {why}") from exc
