"""Tests of the example plugin, using the fixtures corearchive ships for plugin authors."""

from __future__ import annotations

from corearchive_readability import ReadabilityStage

from corearchive.testing import make_document


def test_counts_words_and_sentences(run_stage):
    doc = make_document("One two three. Four five six seven! Eight nine?")
    run = run_stage(ReadabilityStage, doc)
    assert run.kept[0].annotations["readability"] == {
        "words": 9,
        "sentences": 3,
        "words_per_sentence": 3.0,
    }


def test_drops_thin_documents(run_stage):
    run = run_stage(ReadabilityStage, make_document("Too short."), min_words=5)
    assert run.kept == []
    [(_, drop)] = run.dropped
    assert drop.reason == "too_short" and drop.detail == {"words": 2, "min_words": 5}


def test_listed_by_corearchive(corearchive_pm):
    assert "readability" in corearchive_pm.infos
    assert corearchive_pm.infos["readability"].distribution == "corearchive-readability"
