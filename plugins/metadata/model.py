"""The shipped linear rankers (``model.json``): dates from text (``text``), dates from HTML
(``html``), titles (``title1``: stage 1 on cheap features, ``title``: stage 2 on all).

Each model is a listwise (softmax over a page's candidates) linear scorer trained offline by
``research/metadata/train_dates.py`` / ``train_titles.py`` with page-grouped cross-validation:
``w`` (weights on standardised features), ``mean`` and ``scale``. Standardisation is folded
into the weights once at load time, so scoring a candidate is one dot product.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from itertools import compress
from operator import mul
from typing import Any

import numpy as np
import numpy.typing as npt


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


@lru_cache(maxsize=1)
def _specs() -> dict[str, Any]:
    raw = resources.files(__package__).joinpath("model.json").read_text("utf-8")
    return json.loads(raw)  # type: ignore[no-any-return]


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
