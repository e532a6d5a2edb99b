"""``re`` with module-level patterns compiled on first use.

A module imports it in place of ``re`` (``from corearchive import lazyre as re``); nothing
else in the module changes. Every name of ``re`` is here as it is there, except
:func:`compile`: called while the calling module is being imported, it returns a
:class:`LazyPattern` that compiles the pattern the first time any of its attributes other
than ``pattern`` is read. Called later (inside a function at run time) it is ``re.compile``.

Why: the plugins build ~1,000 patterns at import, 0.55–0.6 s of CPU in every process that
imports them (a one-file run, each spawned worker), while a run uses a fraction of them
(an HTML run never reads the plain-text readers' patterns, a text run the markup's).

What matches is unchanged: the pattern is compiled by ``re.compile`` with the same source and
flags, and every method and attribute is the compiled pattern's own. When it compiles, a lazy
pattern puts the compiled pattern in place of itself under every module-level name of the
module that made it, so a module's functions, which read those names, call the compiled
pattern directly, at no cost per call. Held elsewhere (in a tuple, a dict, a class), it
forwards: a lookup of the method in the instance's dict, ~0.1–0.3 µs a call.

Not supported with a lazy pattern: ``isinstance(p, re.Pattern)`` and ``re.sub(p, ...)``
(or any function of ``re``, or of this module, which are re's, given the pattern object):
they need the compiled pattern (``p.sub(...)`` works). A test walks the sources for such a
call (tests/test_lazyre_readfix51.py; read51 F13). A lazy pattern is equal to, and hashes
as, its compiled pattern (both compile it): a copy held in a table stays equal to the
module's name, which holds the compiled pattern once it compiled.
"""

from __future__ import annotations

import re as _re
import sys
from re import (  # (the module stands for ``re``: every public name of it but compile)
    ASCII,
    DOTALL,
    IGNORECASE,
    LOCALE,
    MULTILINE,
    NOFLAG,
    UNICODE,
    VERBOSE,
    A,
    I,
    L,
    M,
    Match,
    Pattern,
    RegexFlag,
    S,
    U,
    X,
    error,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    purge,
    search,
    split,
    sub,
    subn,
    template,
)
from typing import Any, AnyStr, overload

__all__ = [
    "ASCII",
    "DOTALL",
    "IGNORECASE",
    "LOCALE",
    "MULTILINE",
    "NOFLAG",
    "UNICODE",
    "VERBOSE",
    "A",
    "I",
    "L",
    "LazyPattern",
    "M",
    "Match",
    "Pattern",
    "RegexFlag",
    "S",
    "U",
    "X",
    "compile",
    "compile_pending",
    "error",
    "escape",
    "findall",
    "finditer",
    "fullmatch",
    "match",
    "purge",
    "search",
    "split",
    "sub",
    "subn",
    "template",
]

# Per module namespace: its size when last scanned and the names each lazy pattern is bound to.
_NAMES: dict[int, tuple[int, dict[int, list[str]]]] = {}
# Every lazy pattern made, compiled or not (:func:`compile_pending`)
_MADE: list[LazyPattern] = []


def _initializing(namespace: dict[str, Any]) -> bool:
    """Whether the module owning ``namespace`` is still running its top-level code."""
    spec = namespace.get("__spec__")
    if spec is None:  # (a script, exec'd code: no import machinery to ask)
        return namespace.get("__name__") == "__main__"
    return bool(getattr(spec, "_initializing", False))


class LazyPattern:
    """A pattern compiled by ``re.compile(pattern, flags)`` the first time it is used."""

    pattern: Any  # (``str`` or ``bytes``, as given; read without compiling)

    def __init__(self, pattern: str | bytes, flags: int, namespace: dict[str, Any] | None) -> None:
        self.pattern = pattern
        self._flags = flags
        self._namespace = namespace
        _MADE.append(self)

    def compiled(self) -> Pattern[Any]:
        """The compiled pattern (compiled now if it was not), and put in this one's place."""
        try:
            return self.__dict__["_compiled"]  # type: ignore[no-any-return]
        except KeyError:
            pass
        compiled = _re.compile(self.pattern, self._flags)
        self.__dict__["_compiled"] = compiled
        namespace = self._namespace
        if namespace is not None:
            self._namespace = None
            for name in _bound_names(namespace, self):
                if namespace.get(name) is self:
                    namespace[name] = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only for names not set on the instance: the compiled pattern's attributes. Each one
        # is kept on the instance, so that the next reads find it without coming here.
        if name.startswith("_") and name in ("_flags", "_namespace", "_compiled"):
            raise AttributeError(name)  # (an instance being built: pickle, copy)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (_re.compile, (self.pattern, self._flags))

    def __eq__(self, other: object) -> bool:
        # (compiles the pattern, as a compiled pattern's equality and hash need it: a lazy
        # pattern put in a set or a dict's key, or compared, is compiled then; s52 acc-read
        # F15)
        if type(other) is LazyPattern:
            other = other.compiled()
        return self.compiled() == other

    def __hash__(self) -> int:
        return hash(self.compiled())

    def __repr__(self) -> str:
        return repr(self.compiled())


def _bound_names(namespace: dict[str, Any], pattern: LazyPattern) -> list[str]:
    """The module-level names of ``namespace`` that hold ``pattern``: a scan of the module's
    names, done again only when names were added since the last one."""
    key = id(namespace)
    seen = _NAMES.get(key)
    if seen is None or seen[0] != len(namespace):
        index: dict[int, list[str]] = {}
        for name, value in list(namespace.items()):
            if type(value) is LazyPattern:
                index.setdefault(id(value), []).append(name)
        seen = _NAMES[key] = (len(namespace), index)
    return seen[1].get(id(pattern), [])


def compile_pending() -> int:
    """Compile every lazy pattern not compiled yet (each put in its place, as on its first
    use); return how many were. A process about to fork its workers calls it: they inherit
    the compiled patterns, where each of them would compile the ones it uses (~0.3 s of CPU a
    worker on plain text; all of them, ~0.5 s, once in the parent)."""
    pending = [p for p in _MADE if "_compiled" not in p.__dict__]
    for p in pending:
        p.compiled()
    return len(pending)


@overload
def compile(pattern: AnyStr, flags: int = 0) -> Pattern[AnyStr]: ...
@overload
def compile(pattern: Pattern[AnyStr], flags: int = 0) -> Pattern[AnyStr]: ...
def compile(pattern: Any, flags: int = 0) -> Any:
    """``re.compile``, deferred to the pattern's first use while the caller is imported."""
    if isinstance(pattern, str | bytes):
        namespace = sys._getframe(1).f_globals
        if _initializing(namespace):
            return LazyPattern(pattern, flags, namespace)
    elif isinstance(pattern, LazyPattern):
        pattern = pattern.compiled()
    return _re.compile(pattern, flags)
