"""The shipped linear rankers (``model.json``): dates from text (``text``), dates from HTML
(``html``), titles (``title1``: stage 1 on cheap features, ``title``: stage 2 on all).

Each model is a listwise (softmax over a page's candidates) linear scorer trained offline by
``research/metadata/train_dates.py`` / ``train_titles.py`` with page-grouped cross-validation:
``w`` (weights on standardised features), ``mean`` and ``scale``. Standardisation is folded
into the weights once at load time, so scoring a candidate is one dot product.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import mul
from typing import Any

import numpy as np
import numpy.typing as npt

from corearchive.errors import ModelFileError
from corearchive.modelfile import read_model


class LinearModel:
    """A linear score over named features: ``sum(w_k * (x_k - mean_k) / scale_k) + b``."""

    def __init__(self, spec: dict[str, Any], names: list[str]) -> None:
        w, mu, sc = spec["w"], spec.get("mean", {}), spec.get("scale", {})
        self.names = names
        coef = np.array([w.get(k, 0.0) / (sc.get(k, 1.0) or 1.0) for k in names])
        self.coef: npt.NDArray[np.float64] = coef
        self.bias = float(spec.get("intercept", 0.0)) - float(
            sum(coef[j] * mu.get(k, 0.0) for j, k in enumerate(names))
        )

    def score(self, rows: list[list[float]]) -> list[float]:
        """Scores for feature rows ordered as ``names``."""
        if not rows:
            return []
        x = np.asarray(rows, dtype=np.float64)
        return (x @ self.coef + self.bias).tolist()  # type: ignore[no-any-return]


#: The model file format this code reads (``version`` in the file; none: 1)
MODEL_VERSION = 1
#: The models the scorers use in this process (:func:`activate`); None: the shipped ones,
#: loaded by the first score
_ACTIVE: dict[str, Any] | None = None
#: Model files loaded in this process, by (real path, size, modification time)
_LOADED: dict[tuple[str, int, int], dict[str, Any]] = {}
#: The kinds of model a file holds, with the module and name of the feature list each
#: scores (what the code computes)
KINDS = {"text": ("text", "FEATURES"), "html": ("html", "HTML_FEATURES"),
         "title": ("text", "TITLE_FEATURES")}  # fmt: skip


class ModelError(ModelFileError):
    """A metadata model file this code cannot use; its message names the file and what is
    wrong."""


def shipped_path() -> str:
    """The path of the shipped ``model.json``."""
    return str(resources.files(__package__).joinpath("model.json"))


def load(path: str | None = None) -> dict[str, Any]:
    """The rankers of the model file at ``path`` (default: the shipped ``model.json``),
    checked (:func:`check`), once per process and file: ``{kind: spec}`` plus ``_file`` and
    ``_sha256`` (of its bytes). Raises :class:`ModelError` naming the file."""
    path = path or shipped_path()
    specs, key, raw = read_model(path, "metadata model", ModelError, _LOADED)
    if raw is None:
        return specs  # type: ignore[no-any-return]
    check(specs, path)
    specs["_file"] = path
    specs["_sha256"] = hashlib.sha256(raw).hexdigest()
    _LOADED[key] = specs
    return specs  # type: ignore[no-any-return]


def check(specs: Any, path: str = "model") -> None:
    """Raise :class:`ModelError` (naming ``path``) unless ``specs`` holds a ranker of each
    kind (:data:`KINDS`) whose weights, means and scales are numbers on exactly the features
    the code computes for it. (A feature the model did not name scored 0: a model for other
    features ranked titles at 0.10 instead of 0.80, without a word.)"""
    import importlib

    def bad(what: str) -> ModelError:
        return ModelError(
            f"metadata model {path}: {what} (retrain with research/metadata/train_dates.py"
            " / train_titles.py)"
        )

    if not isinstance(specs, dict):
        raise bad(f"a JSON {type(specs).__name__}, not an object")
    if specs.get("version", MODEL_VERSION) != MODEL_VERSION:
        raise bad(f"version {specs['version']!r}; this code reads version {MODEL_VERSION}")
    for kind, (module, attr) in KINDS.items():
        spec = specs.get(kind)
        if not isinstance(spec, dict) or not isinstance(spec.get("w"), dict):
            raise bad(f"no {kind!r} ranker with weights 'w'")
        names = getattr(importlib.import_module(f"{__package__}.{module}"), attr)
        for part in ("w", "mean", "scale"):
            got = spec.get(part, {} if part != "w" else None)
            if not isinstance(got, dict):
                raise bad(f"{kind!r}: {part!r} is no object")
            if (part == "w" or got) and set(got) != set(names):
                missing = sorted(set(names) - set(got))
                extra = sorted(set(got) - set(names))
                raise bad(
                    f"{kind!r}: {part!r} is for other features than the code's"
                    f" {len(names)}: {len(missing)} missing ({', '.join(missing[:3])}"
                    f"{'...' if len(missing) > 3 else ''}), {len(extra)} unknown"
                    f" ({', '.join(extra[:3])}{'...' if len(extra) > 3 else ''})"
                )
            if not all(isinstance(v, (int, float)) for v in got.values()):
                raise bad(f"{kind!r}: {part!r} holds a value that is no number")
        if not isinstance(spec.get("intercept", 0.0), (int, float)):
            raise bad(f"{kind!r}: 'intercept' is no number")


def activate(specs: dict[str, Any]) -> None:
    """Make ``specs`` (from :func:`load`) the rankers of this process's scorers (a metadata
    stage's ``model`` option); the scorers built from others are dropped."""
    global _ACTIVE
    if specs is _ACTIVE:
        return
    _ACTIVE = specs
    from . import text

    for cached in (_model, _row_scorer, text._scorer, text._late_coef, text._late_gain):
        cached.cache_clear()


def active() -> dict[str, Any] | None:
    return _ACTIVE


def _specs() -> dict[str, Any]:
    if _ACTIVE is None:
        activate(load())
    assert _ACTIVE is not None
    return _ACTIVE


@lru_cache(maxsize=8)
def _model(kind: str, names: tuple[str, ...]) -> LinearModel:
    return LinearModel(_specs()[kind], list(names))


def score_rows(kind: str, names: list[str], rows: list[list[float]]) -> list[float]:
    """Score feature rows with the shipped model ``kind`` (``text``, ``html`` or ``title``)."""
    return _model(kind, tuple(names)).score(rows)


@lru_cache(maxsize=8)
def _row_scorer(kind: str, names: tuple[str, ...]) -> Callable[[list[float]], float]:
    m = _model(kind, names)
    coef, bias = m.coef.tolist(), m.bias

    def score(row: list[float]) -> float:
        # Only the nonzero features: most of a row is False or 0, and a zero term adds
        # nothing (the same sum, in the same order). The coefficient comes first: float *
        # bool is computed by the float at once, bool * float goes through int's
        # multiplication and back (the products are equal).
        return sum(map(mul, compress(coef, row), compress(row, row)), bias)

    return score


def model_rows(kind: str, names: list[str]) -> Callable[[list[float]], float]:
    """A scorer of one feature row (a Python list ordered as ``names``) with the shipped model
    ``kind``: for a handful of rows, a Python dot product costs less than numpy's calls."""
    return _row_scorer(kind, tuple(names))


def model_coef(kind: str, names: tuple[str, ...]) -> list[float]:
    """The shipped model ``kind``'s coefficients on raw (unstandardised) feature values,
    ordered as ``names``: what a unit of each feature adds to a score (for bounds on a
    score before every feature is known)."""
    return _model(kind, names).coef.tolist()  # type: ignore[no-any-return]
