"""research/metadata/train_titles.py trains the title ranker on the text as the stage reads
it (session 44): a hard-wrapped page (``lynx -dump``) is joined into blocks by the stage
before its title is ranked, so its headline wrapped over two lines is one candidate there,
and the trainer must see the same candidate (else the page has no right candidate and its
feature rows are not those that run)."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

HEADLINE = (
    "Regional council approves the new harbour bridge after a decade of planning and public"
    " hearings"
)
PARAS = [
    "The regional council voted on Tuesday evening to approve construction of the long-debated"
    " harbour bridge, ending more than ten years of studies, hearings and legal challenges that"
    " had delayed the project several times.",
    "Supporters said the bridge would cut travel times between the two districts by half and"
    " relieve the ferry service, which has struggled with rising passenger numbers since the"
    " old crossing closed for repairs.",
    "Opponents argued that the cost estimates were too optimistic and that the environmental"
    " assessment did not consider the effect on the estuary's bird colonies, which are"
    " protected under national law.",
    "Construction is expected to begin next spring, and the council said the first lanes could"
    " open to traffic within four years if the contractors keep to the agreed schedule and"
    " budget.",
]


def _lynx_like() -> str:
    """A page as ``lynx -dump`` writes it: every block hard-wrapped, the headline too."""
    lines = ["   [1]Home [2]News [3]Sport", "", *textwrap.wrap(HEADLINE, 72), ""]
    lines += ["   By Jane Miller", ""]
    for p in PARAS:
        lines += ["   " + w for w in textwrap.wrap(p, 76)] + [""]
    return "\n".join(lines)


def test_a_wrapped_headline_is_one_labelled_candidate(tmp_path: Path) -> None:
    pytest.importorskip("scipy")  # (the trainer's listwise fit; the "train" extra)
    sys.path.insert(0, str(ROOT / "research" / "metadata"))
    import train_titles

    from corearchive_plugins.metadata.text import title_text

    text = _lynx_like()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "p.txt").write_text(text, "utf-8")
    (tmp_path / "titles.json").write_text(json.dumps({"p": {"title": HEADLINE}}), "utf-8")
    [(_, _, _, cands, x, y, _)] = train_titles.load([tmp_path])
    # the candidate the trainer labels right is the headline the stage gives
    assert cands[int(y.argmax())] == HEADLINE and y.sum() == 1
    assert x.shape[0] == len(cands)
    assert title_text(train_titles.stage_text(text)) == HEADLINE
