"""corearchive.lazyre: module-level patterns compiled on first use, matching as re's."""

from __future__ import annotations

import copy
import importlib
import pickle
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from corearchive import lazyre

_MODULE = textwrap.dedent(
    """
    from corearchive import lazyre as re

    WORD = re.compile(r"(?i)\\bcolou?r\\b")
    NUMBERS = re.compile(rb"\\d+", re.M)
    BOTH = re.compile(f"{WORD.pattern}|x+")
    HELD = (re.compile("ab+"), re.compile("c+", re.I))


    def word(text):
        return WORD.search(text)


    def inner(text):
        return re.compile("[a-z]+").findall(text)
    """
)


@pytest.fixture
def lazymod(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    name = f"lazyre_probe_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module(name)
    yield module
    sys.modules.pop(name, None)


def test_module_patterns_wait_for_their_first_use(lazymod) -> None:
    for name in ("WORD", "NUMBERS", "BOTH"):
        assert type(getattr(lazymod, name)) is lazyre.LazyPattern, name
        assert "_compiled" not in vars(getattr(lazymod, name))  # (.pattern read: not compiled)
    assert lazymod.BOTH.pattern == r"(?i)\bcolou?r\b|x+"


def test_a_used_pattern_takes_its_module_name_compiled(lazymod) -> None:
    lazy = lazymod.WORD
    assert lazymod.word("the Colour red").group() == "Colour"
    assert type(lazymod.WORD) is re.Pattern  # the module's functions now read re's own
    assert lazymod.WORD is lazy.compiled()
    assert type(lazymod.NUMBERS) is lazyre.LazyPattern  # the others still wait


def test_same_answers_as_re(lazymod) -> None:
    cases = [
        (lazymod.WORD, r"(?i)\bcolou?r\b", 0, "a COLOR and a colour, colours"),
        (lazymod.NUMBERS, rb"\d+", re.M, b"12 abc\n345"),
        (lazymod.HELD[0], "ab+", 0, "xabbbyab"),
        (lazymod.HELD[1], "c+", re.I, "aCcCb"),
    ]
    for lazy, source, flags, text in cases:
        real = re.compile(source, flags)
        assert lazy.flags == real.flags and lazy.groups == real.groups
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
        dash = "-" if isinstance(text, str) else b"-"
        assert lazy.sub(dash, text) == real.sub(dash, text)
        assert lazy.split(text) == real.split(text)
    assert lazymod.HELD[0].search("xab").span() == (1, 3)  # (held in a tuple: forwards)


def test_compiled_at_once_outside_an_import(lazymod) -> None:
    assert type(lazyre.compile("a+")) is re.Pattern
    assert lazymod.inner("ab1cd") == ["ab", "cd"]
    assert lazyre.compile(lazymod.HELD[0]) is lazymod.HELD[0].compiled()


def test_copies_and_pickles_are_compiled_patterns(lazymod) -> None:
    lazy = lazymod.HELD[1]
    for other in (pickle.loads(pickle.dumps(lazy)), copy.copy(lazy), copy.deepcopy(lazy)):
        assert type(other) is re.Pattern
        assert (other.pattern, other.flags) == ("c+", re.compile("c+", re.I).flags)


def test_importing_the_plugins_compiles_few_patterns() -> None:
    # Start-up: a process that imports every plugin compiled ~1,000 patterns of ours
    # (0.55-0.6 s of CPU); now only those read at import (composed through .flags).
    code = textwrap.dedent(
        """
        import re._compiler as rc, sys
        orig, n = rc.compile, [0]
        def counting(p, flags=0):
            f = sys._getframe(1)
            while f is not None and f.f_globals.get("__name__") in ("re", "corearchive.lazyre"):
                f = f.f_back
            if f is not None and f.f_globals.get("__name__", "").startswith("corearchive"):
                n[0] += 1
            return orig(p, flags)
        rc.compile = counting
        import corearchive.cli, corearchive_plugins.boilerplate, corearchive_plugins.metadata
        import corearchive_plugins.metadata.html, corearchive_plugins.sources
        import corearchive_plugins.dedup, corearchive_plugins.language
        print(n[0])
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) < 150


def test_every_name_of_re() -> None:
    for name in re.__all__:
        assert hasattr(lazyre, name), name
        if name != "compile":
            assert getattr(lazyre, name) is getattr(re, name), name


def test_compile_pending_compiles_every_lazy_pattern(lazymod) -> None:
    # (s51 perf51: a parent compiles them before it forks its workers, which inherit them)
    assert type(lazymod.NUMBERS) is lazyre.LazyPattern
    held = lazymod.HELD[0]
    assert lazyre.compile_pending() >= 4
    assert type(lazymod.NUMBERS) is re.Pattern and type(lazymod.WORD) is re.Pattern
    assert "_compiled" in vars(held)
    assert lazyre.compile_pending() == 0


def test_forked_workers_inherit_compiled_patterns(tmp_path: Path) -> None:
    # A run with two processes (this one and a forked worker) compiles every pattern made
    # so far in the main process before the fork (each compiled those it used).
    code = textwrap.dedent(
        f"""
        import json
        import os
        import sys
        from pathlib import Path
        from corearchive import lazyre
        from corearchive.cli import main
        at_fork = []
        def pending():
            at_fork.append(sum("_compiled" not in p.__dict__ for p in lazyre._MADE))
        os.register_at_fork(before=pending)
        src = Path({str(tmp_path)!r}) / "in.jsonl"
        src.write_text("".join(json.dumps({{"text": f"Doc {{i}}. " * 40}}) + "\\n"
                               for i in range(300)))
        sys.argv = ["corearchive", "ingest", str(src), "-o", str(Path({str(tmp_path)!r}) / "out"),
                    "-q", "-w", "2"]
        try:
            main()
        except SystemExit:
            pass
        print(at_fork)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "[0]", out.stdout + out.stderr
