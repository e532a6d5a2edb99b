"""corearchive.lazyre as a drop-in ``re`` (s51 acc-read F13): a lazy pattern equals its
compiled one, and no module hands a module-level pattern to a function of ``re`` (re's
own, which lazyre re-exports), where a lazy one is a TypeError."""

from __future__ import annotations

import ast
import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from corearchive import lazyre

ROOT = Path(__file__).resolve().parents[1]

_MODULE = textwrap.dedent(
    """
    from corearchive import lazyre as re

    P = re.compile(r"\\d+")
    TABLE = {"num": P}
    """
)


@pytest.fixture
def lazymod(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    name = f"lazyre51_probe_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(_MODULE, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module(name)
    sys.modules.pop(name, None)


def test_a_lazy_copy_equals_the_compiled_pattern(lazymod) -> None:  # type: ignore[no-untyped-def]
    held = lazymod.TABLE["num"]
    assert lazymod.P.search("x5")  # (compiled: the module's name now holds re's pattern)
    assert type(lazymod.P) is not lazyre.LazyPattern
    assert held == lazymod.P and hash(held) == hash(lazymod.P)
    assert {held: 1}[lazymod.P] == 1


_RE_FUNCS = {"search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def _pattern_names(tree: ast.Module) -> set[str]:
    """The names a module may hold a lazy pattern under: those it imports from the project
    and its module-level names bound to a ``re.compile(...)`` (of lazyre, when it is re)."""
    names = {
        a.asname or a.name
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom)
        and (n.level > 0 or (n.module or "").startswith("corearchive"))
        for a in n.names
    }
    for n in tree.body:
        if isinstance(n, ast.Assign | ast.AnnAssign) and isinstance(n.value, ast.Call):
            f = n.value.func
            if isinstance(f, ast.Attribute) and f.attr == "compile":
                targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_no_module_hands_a_pattern_object_to_res_functions() -> None:
    found = []
    for path in [
        *ROOT.joinpath("corearchive").rglob("*.py"),
        *ROOT.joinpath("plugins").rglob("*.py"),
    ]:
        tree = ast.parse(path.read_text("utf-8"))
        names = _pattern_names(tree)
        for n in ast.walk(tree):
            if (
                isinstance(n, ast.Call)
                and isinstance(n.func, ast.Attribute)
                and isinstance(n.func.value, ast.Name)
                and n.func.value.id == "re"
                and n.func.attr in _RE_FUNCS
                and n.args
                and isinstance(n.args[0], ast.Name)
                and n.args[0].id in names
            ):
                found.append(f"{path.relative_to(ROOT)}:{n.lineno}")
    assert found == []
