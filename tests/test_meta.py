"""Meta-tests: the hooks are documented and exercised, every builtin is an entry point."""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import corearchive
from corearchive import hookspecs

ROOT = Path(__file__).resolve().parent.parent


def _hookspec_names() -> list[str]:
    return [
        n
        for n, f in inspect.getmembers(hookspecs, inspect.isfunction)
        if n.startswith("corearchive_")
    ]


def test_every_hookspec_is_documented():
    names = _hookspec_names()
    assert len(names) >= 9
    for name in names:
        doc = inspect.getdoc(getattr(hookspecs, name))
        assert doc and len(doc) > 30, f"{name} needs a docstring"


def test_every_hookspec_is_exercised_by_a_test():
    tests = "\n".join(
        p.read_text("utf-8")
        for p in (ROOT / "tests").rglob("test_*.py")
        if p.name != "test_meta.py"
    )
    for name in _hookspec_names():
        assert name in tests, f"no test implements or calls {name}"


def test_every_plugins_module_is_a_declared_entry_point():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    eps = meta["project"]["entry-points"]["corearchive"]
    plugins = ROOT / "plugins"
    modules = sorted(
        [p.stem for p in plugins.glob("*.py") if p.stem != "__init__"]
        + [p.parent.name for p in plugins.glob("*/__init__.py")]
    )
    assert sorted(eps) == modules
    for name, target in eps.items():
        assert target == f"corearchive_plugins.{name}"  # one name everywhere


def test_public_api_is_curated_and_documented():
    for name in corearchive.__all__:
        obj = getattr(corearchive, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), f"corearchive.{name} needs a docstring"
