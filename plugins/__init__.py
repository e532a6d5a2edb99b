"""corearchive's builtin plugins, installed as ``corearchive_plugins``.

Each module is one plugin, declared in the ``corearchive`` entry-point group of corearchive's
own ``pyproject.toml`` and loaded exactly like a third-party plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corearchive import Document


def is_post(doc: Document) -> bool:
    """Whether the source read ``doc`` as a post (``annotations.source.post``: the
    boilerplate, metadata and language stages treat it as its own whole content)."""
    source: Any = doc.annotations.get("source")
    return isinstance(source, dict) and source.get("post") is True
