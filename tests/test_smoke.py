from __future__ import annotations

from corearchive.testing import make_document
from corearchive_plugins.language import LanguageStage


def test_ingest_seeds(ingest, seeds):
    res = ingest(str(seeds))
    assert res.exit_code == 0, res.output
    assert len(res.records) == 5


def test_run_stage_fixture(run_stage):
    run = run_stage(
        LanguageStage, make_document("Das ist ein kleiner Test auf Deutsch, mit Wörtern.")
    )
    assert run.kept[0].language.code == "de"
