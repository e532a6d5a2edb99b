"""Print pip constraints that hold every direct dependency of corearchive to the release series
of its declared lower bound (``name>=X.Y,<X.(Y+1)`` for ``name>=X.Y``), near what
``uv pip install --resolution lowest-direct`` does with pip alone:
``pip install -c <(python .ci/lowest_constraints.py) .`` installs the oldest releases the
project claims to work with (.ci/lowest runs the tests on them)."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def constraints(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    deps = tomllib.loads(pyproject.read_text("utf-8"))["project"]["dependencies"]
    out = []
    for dep in deps:
        name = re.match(r"[A-Za-z0-9._-]+", dep)
        low = re.search(r">=\s*([0-9][^,;\s]*)", dep)
        if name is None or low is None:
            sys.exit(f"no lower bound: {dep!r}")
        parts = low.group(1).split(".")
        parts[-1] = str(int(parts[-1]) + 1)
        out.append(f"{name.group(0)}>={low.group(1)},<{'.'.join(parts)}")
    return out


if __name__ == "__main__":
    print("\n".join(constraints()))
