from __future__ import annotations

import numpy as np
import pytest

from corearchive.testing import make_document
from corearchive_plugins.dedup import DedupStage, MinHasher, normalize, similarity

BASE = (
    "The city council voted on Tuesday to approve a new budget that increases funding for "
    "public schools by twelve percent over the next two years, officials said. Supporters "
    "argued that the money would let districts hire more teachers, reduce class sizes and "
    "repair ageing buildings. Opponents warned that the plan relies on optimistic revenue "
    "forecasts and could force cuts to other services if the local economy slows down. "
    "The mayor is expected to sign the measure next week after a final review by lawyers."
)
OTHER = (
    "Heavy rain flooded several roads in the northern districts overnight, and emergency "
    "crews worked until dawn to clear fallen trees. Residents were asked to avoid travel "
    "unless necessary, and two schools stayed closed while engineers inspected a bridge. "
    "Forecasters expect the weather to improve by the weekend, with sunshine on Sunday."
)


def test_normalize_folds_case_quotes_dashes_and_space():
    assert normalize("“Hello”  —\tWORLD’s\n\nend") == normalize('"hello" - world\'s end')
    assert normalize("Ｆｕｌｌ　width") == "full width"


def test_exact_duplicate_within_a_run(run_stage):
    a = make_document(BASE, path="a.txt")
    b = make_document(BASE.upper().replace(" ", "  "), path="b.txt")
    run = run_stage(DedupStage, [a, b])
    assert [d.id for d in run.kept] == [a.id]
    [(doc, drop)] = run.dropped
    assert doc is b and drop.reason == "exact_duplicate"
    assert drop.detail == {"duplicate": {"status": "exact", "of": a.id, "similarity": 1.0}}
    assert b.duplicate.status == "exact" and b.duplicate.of == a.id


def test_near_duplicate_points_to_the_first_member_of_its_cluster(run_stage):
    a = make_document(BASE, path="a.txt")
    b = make_document(BASE.replace("twelve", "fifteen"), path="b.txt")
    c = make_document(BASE.replace("twelve", "fifteen").replace("Tuesday", "Monday"), path="c.txt")
    run = run_stage(DedupStage, [a, b, c], policy="keep")
    assert [d.duplicate.status for d in run.kept] == ["unique", "near", "near"]
    assert b.duplicate.of == a.id and c.duplicate.of == a.id  # not b: the cluster's first
    assert 0.7 <= b.duplicate.similarity < 1.0


def test_distinct_documents_stay_distinct(run_stage, seeds):
    docs = [make_document(p.read_text("utf-8"), path=p.name) for p in sorted(seeds.glob("*"))]
    run = run_stage(DedupStage, [*docs, make_document(OTHER, path="o.txt")])
    assert len(run.kept) == 6 and all(d.duplicate.status == "unique" for d in run.kept)


def test_index_persists_across_runs(run_stage):
    a = make_document(BASE, path="week1/a.txt")
    assert run_stage(DedupStage, a).kept
    # A later run (a new stage over the same catalog) finds last week's copy.
    b = make_document(BASE.replace("Tuesday", "Wednesday"), path="week2/a.txt")
    run = run_stage(DedupStage, b)
    assert run.kept == [] and run.dropped[0][1].reason == "near_duplicate"
    assert b.duplicate.of == a.id


def test_rewrapped_copy_is_exact(run_stage):
    text = BASE.replace(". ", ".\n")
    rewrapped = "\r\n\r\n".join(text.splitlines())
    a = make_document(text, path="a.txt")
    b = make_document(rewrapped, path="b.txt")
    b.text = "only part of it survived cleaning differently"
    run = run_stage(DedupStage, [a, b])
    assert run.dropped[0][1].reason == "exact_duplicate"  # by the normalised input


def test_exact_policy_can_differ(run_stage):
    a = make_document(BASE, path="a.txt")
    b = make_document(BASE, path="b.txt")
    c = make_document(BASE.replace("twelve", "fifteen"), path="c.txt")
    run = run_stage(DedupStage, [a, b, c], policy="drop", exact_policy="keep")
    assert [d.id for d in run.kept] == [a.id, b.id]
    assert [drop.reason for _, drop in run.dropped] == ["near_duplicate"]


def test_forget_removes_a_document_from_the_index(run_stage):
    a = make_document(BASE, path="a.txt")
    run = run_stage(DedupStage, a)
    run.stage.forget(a)
    b = make_document(BASE, path="b.txt")
    assert run_stage(DedupStage, b).kept == [b]


def test_changed_hashing_parameters_are_refused(run_stage):
    run_stage(DedupStage, make_document(BASE))
    with pytest.raises(ValueError, match="the index was built with"):
        run_stage(DedupStage, make_document(OTHER), num_perm=64, bands=16)


def test_similarity_measures():
    h = MinHasher(128, 5)
    long_text = BASE + " " + OTHER
    sa, na = h.signature(BASE)
    sb, nb = h.signature(long_text)
    j = similarity(sa, na, sb, nb, "jaccard")
    c = similarity(sa, na, sb, nb, "containment")
    assert 0.3 < j < 0.8 and c > 0.85  # BASE is contained in BASE + OTHER
    so, no = h.signature(OTHER)
    assert similarity(sa, na, so, no, "containment") < 0.1
    assert np.array_equal(h.signature(BASE)[0], sa)  # deterministic
