"""The stage base classes' contracts, as plugin authors meet them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from corearchive import Document
from corearchive.stage import Drop, FilterStage
from corearchive.testing import make_document


def _gate(verdict: Any) -> type[FilterStage]:
    class Gate(FilterStage):
        name = "gate"

        def keep(self, doc: Document) -> Any:
            return verdict

    return Gate


@pytest.mark.parametrize(
    ("verdict", "kept", "reason"),
    [
        (True, True, None),
        (np.bool_(True), True, None),
        (np.float64(3.0) > 2.0, True, None),
        (np.array(True), True, None),
        (False, False, "gate"),
        (np.bool_(False), False, "gate"),
        ("too_short", False, "too_short"),
        (Drop(reason="spam"), False, "spam"),
    ],
)
def test_filter_stage_verdicts(
    run_stage: Any, verdict: Any, kept: bool, reason: str | None
) -> None:
    got = run_stage(_gate(verdict), make_document("Some text of a page."))
    assert len(got.kept) == int(kept)
    assert [drop.reason for _, drop in got.dropped] == ([reason] if reason else [])
    assert not got.failed


@pytest.mark.parametrize("verdict", [None, 1, 0.5, np.array([True, False]), np.int64(1)])
def test_filter_stage_other_verdicts_fail_the_document(run_stage: Any, verdict: Any) -> None:
    # a forgotten ``return`` (None) must not drop every document unnoticed
    got = run_stage(_gate(verdict), make_document("Some text of a page."))
    assert not got.kept and not got.dropped
    assert len(got.failed) == 1
    assert "keep() returned" in got.failed[0][1]
    assert "expected True" in got.failed[0][1]
