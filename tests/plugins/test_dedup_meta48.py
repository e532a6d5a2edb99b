"""A corrected version of a document at another address of the same host (s47 acc-gov G8):
a revision of the record it nearly copies, kept, not a near duplicate dropped."""

from __future__ import annotations

from corearchive.testing import make_document
from corearchive_plugins.dedup import DedupStage

from helpers import word_paragraphs

PAGE = "https://court.example/judgments/2024/smith-v-minister"
PARAS = word_paragraphs(10)
NOTICE = "Last updated: 12 July 2024 (correction to paragraph 2)"


def _corrected() -> str:
    """The page's text with a notice over it and a word of its second paragraph changed."""
    paras = list(PARAS)
    paras[1] = paras[1].replace(paras[1].split()[3], "amended", 1)
    return NOTICE + "\n\n" + "\n\n".join(paras)


def _doc(text: str, uri: str, path: str):  # type: ignore[no-untyped-def]
    return make_document(text, path=path, uri=uri)


def test_corrected_version_on_the_same_host_is_a_revision(run_stage):  # type: ignore[no-untyped-def]
    first = _doc("\n\n".join(PARAS), PAGE + ".html", "a.jsonl")
    fixed = _doc(_corrected(), PAGE + "-corrected.html", "b.jsonl")
    kept = run_stage(DedupStage, [first, fixed]).kept
    assert kept == [first, fixed]
    assert fixed.duplicate.status == "revision" and fixed.duplicate.of == first.id
    assert fixed.annotations["dedup"]["revision"] == "correction"


def test_without_a_notice_or_on_another_host_it_is_a_near_duplicate(run_stage):  # type: ignore[no-untyped-def]
    first = _doc("\n\n".join(PARAS), PAGE + ".html", "a.jsonl")
    plain = _doc(_corrected().replace(NOTICE, "Judgment summary"), PAGE + "-2.html", "b.jsonl")
    other = _doc(_corrected(), "https://mirror.example/smith-v-minister", "c.jsonl")
    kept = run_stage(DedupStage, [first, plain, other]).kept
    assert kept == [first]
    assert plain.duplicate.status == "near" and other.duplicate.status == "near"


def test_correction_notice() -> None:
    from corearchive_plugins.dedup import correction_notice

    assert correction_notice("Text\nCorrection: An earlier version misstated the budget.\n")
    assert correction_notice("Corrected on 3 May 2024 to fix a name")
    assert correction_notice("Berichtigung vom 3. Mai 2024: Absatz 2 geändert")
    # a name, a menu's word, a sentence in prose without a date
    assert not correction_notice("The Department of Corrections said on 3 May 2024 it agreed")
    assert not correction_notice("Home\nCorrections\nContact")
    assert not correction_notice(
        "Prison officers said the corrections system needed more staff and better training, "
        "and that the unions had asked for talks with ministers about pay and conditions."
    )


def test_tracked_copy_kept_names_its_clean_address(run_stage):  # type: ignore[no-untyped-def]
    """Two exact copies, the one with tracking parameters read first: it is the record (the
    stream keeps the first), and it names its address without them (s47 acc-gov G13)."""
    clean = "https://www.gov.example/news/flood-funding"
    tracked = _doc("\n\n".join(PARAS), clean + "?utm_source=twitter&utm_medium=social", "a.jsonl")
    plain = _doc("\n\n".join(PARAS), clean, "b.jsonl")
    kept = run_stage(DedupStage, [tracked, plain]).kept
    assert kept == [tracked]
    assert tracked.annotations["dedup"]["untracked_uri"] == clean
    assert tracked.source.uri.endswith("utm_medium=social")  # (as given)
    assert plain.duplicate.status == "exact"
    # an address without tracking parameters has no such field
    other = _doc(_corrected().replace(NOTICE, "Other"), "https://x.example/a?id=3", "c.jsonl")
    run_stage(DedupStage, [other])
    assert "untracked_uri" not in other.annotations["dedup"]


def test_untracked() -> None:
    from corearchive.urlkey import untracked

    assert untracked("https://a.example/p?utm_source=x&id=3&fbclid=y#top") == (
        "https://a.example/p?id=3#top"
    )
    assert untracked("https://a.example/p?id=3") == "https://a.example/p?id=3"
    assert untracked("file:///d/a.txt?utm_source=x") == "file:///d/a.txt?utm_source=x"


def test_notice_read_by_the_metadata_stage_counts(run_stage):  # type: ignore[no-untyped-def]
    """The update line "Last updated: 12 July 2024 (correction to paragraph 2)" leaves the
    text in the metadata stage, which labels the update a correction: that makes the
    corrected copy a revision too (s47 acc-gov G8, WARC and JSONL forms)."""
    from corearchive_plugins.metadata import MetadataStage

    first = _doc("Home\nJudgments\n" + "\n\n".join(PARAS), PAGE + ".html", "a.jsonl")
    fixed = _doc("Home\nJudgments\n" + _corrected(), PAGE + "-corrected.html", "b.jsonl")
    meta = run_stage(MetadataStage, [first, fixed]).kept
    assert NOTICE not in fixed.text
    assert fixed.annotations["metadata"]["updated"]["label"] == "correction"
    kept = run_stage(DedupStage, meta).kept
    assert kept == [first, fixed]
    assert fixed.duplicate.status == "revision" and fixed.duplicate.of == first.id


def test_corrected_version_decided_from_work_done_ahead(tmp_path, run_stage):  # type: ignore[no-untyped-def]
    """With workers the text is read in ``prepare_batch`` and only ``doc.work`` reaches the
    decision: the notice must travel there too (a flag after the post's kind)."""
    from corearchive.catalog import Catalog
    from corearchive.config import build_options
    from corearchive.stage import StageContext
    from corearchive.testing import RecordingReporter
    from corearchive_plugins.dedup import DedupOptions

    first = _doc("\n\n".join(PARAS), PAGE + ".html", "a.jsonl")
    fixed = _doc(_corrected(), PAGE + "-corrected.html", "b.jsonl")
    ctx = StageContext("r", tmp_path, Catalog(tmp_path / "w.sqlite"), RecordingReporter())
    opts = build_options(DedupOptions, {}, stage="dedup", origin="test")
    DedupStage(opts, ctx).prepare_batch([first, fixed])
    assert fixed.work["dedup"][8:] == (True,) and len(first.work["dedup"]) == 7
    kept = run_stage(DedupStage, [first, fixed]).kept
    assert kept == [first, fixed]
    assert fixed.duplicate.status == "revision" and fixed.duplicate.of == first.id
    assert fixed.annotations["dedup"]["revision"] == "correction"
