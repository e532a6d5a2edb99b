"""A print (or AMP) version of an article names the article as its own address
(``rel=canonical`` / ``og:url``: ``annotations.metadata.url``): it is compared with the
article's versions as a re-fetch of the article is, and, holding its text, is a near
duplicate of it, not a second copy (s32 news-types acceptance #7)."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.dedup import DedupStage

from helpers import word_paragraphs

STORY = "https://www.metrotimes.example/local/2026/11/12/bridge-closure/"
PARAS = word_paragraphs(10)
FULL = "\n\n".join(PARAS)
#: the print page's furniture: about a fifth of the article's length in words of its own
FURNITURE = "\n\n".join(word_paragraphs(2, seed=7, words=70))


def _furniture(seed: int) -> str:
    return "\n\n".join(word_paragraphs(2, seed=seed, words=70))


def _doc(text: str, uri: str, path: str, own: str | None = None):  # type: ignore[no-untyped-def]
    doc = make_document(text, path=path, uri=uri)
    if own is not None:
        doc.annotations["metadata"] = {"url": own}
    return doc


def _decide(run_stage, docs, across_runs):  # type: ignore[no-untyped-def]
    if across_runs:
        return [d for doc in docs for d in run_stage(DedupStage, [doc]).kept]
    return run_stage(DedupStage, docs).kept


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_print_version_naming_the_article_is_its_near_duplicate(run_stage, across_runs):
    article = _doc(FULL, STORY, "a.jsonl")
    printed = _doc(FULL + "\n\n" + FURNITURE, STORY + "?print=1", "p.jsonl", own=STORY)
    assert _decide(run_stage, [article, printed], across_runs) == [article]
    assert printed.duplicate.status == "near" and printed.duplicate.of == article.id


@pytest.mark.parametrize("across_runs", [False, True])
def test_what_the_canonical_address_does_not_change(run_stage, across_runs):
    """Without a canonical link the print page stays a page of its own (under the near
    threshold); a canonical link to the site's home page, or to another site, is no page's
    address; a re-fetch at the article's own address with a paragraph more is a revision."""
    article = _doc(FULL, STORY, "a.jsonl")
    alone = _doc(FULL + "\n\n" + FURNITURE, STORY + "?print=1", "p.jsonl")
    home = _doc(
        _furniture(8) + "\n\n" + FULL,
        STORY + "?print=2",
        "h.jsonl",
        own="https://metrotimes.example/",
    )
    other = _doc(
        FULL + "\n\n" + _furniture(9),
        STORY + "?print=3",
        "o.jsonl",
        own="https://x.example/a",
    )
    kept = _decide(run_stage, [article, alone, home, other], across_runs)
    assert kept == [article, alone, home, other]
    assert {d.duplicate.status for d in kept} == {"unique"}
    refetch = _doc(FULL + "\n\n" + _furniture(10), STORY, "r.jsonl", own=STORY)
    assert run_stage(DedupStage, [refetch]).kept == [refetch]
    assert refetch.duplicate.status == "revision"


def test_the_article_after_its_print_version_is_decided_alike_in_one_run_and_two(run_stage):
    """The print page came first: the article at its own address is compared with it as a
    version of the page (the print page's index row keeps the article's key), in a later
    run as in the same batch. A later run read the index candidate's key off its fetched
    address (the print URL), found no version at the address, and dropped the article as
    a near duplicate of its own print page; the same two in one batch made it a revision."""
    outcomes = []
    for across_runs in (False, True):
        printed = _doc(FULL + "\n\n" + FURNITURE, STORY + "?print=1", "p.jsonl", own=STORY)
        article = _doc(FULL, STORY, "a.jsonl")
        kept = _decide(run_stage, [printed, article], across_runs)
        outcomes.append(([d.id for d in kept], article.duplicate.status, article.duplicate.of))
        assert article.duplicate.of == printed.id
    assert outcomes[0] == outcomes[1]
    assert outcomes[1][1] == "revision"


@pytest.mark.parametrize("across_runs", [False, True])
@pytest.mark.parametrize("where", ["day{}.html", "day{}.jsonl#L1"])
def test_a_saved_pages_update_is_a_revision_of_it(run_stage, across_runs, where):
    """A saved page (or a dump's line without a URL) is matched by its canonical address as
    the page itself, not as another rendering of it: the next day's save with a paragraph
    added is a revision, as a re-fetch at the address is. It was an "alternate" (its
    fetched address, a file's, is not the one its markup names) and dropped as a near
    duplicate (s33 acc-read #3)."""
    path = where.split("#")[0]
    first = _doc(FULL, f"file:///saved/{where.format(1)}", path.format(1), own=STORY)
    more = FULL + "\n\n" + word_paragraphs(1, seed=42)[0]
    second = _doc(more, f"file:///saved/{where.format(2)}", path.format(2), own=STORY)
    assert _decide(run_stage, [first, second], across_runs) == [first, second]
    assert second.duplicate.status == "revision" and second.duplicate.of == first.id


@pytest.mark.parametrize("across_runs", [False, True])
@pytest.mark.parametrize("query", ["?ref=home", "?page=1"])
def test_a_refetch_at_the_same_address_naming_another_is_a_revision(run_stage, across_runs, query):
    """A page crawled at an address with a query its markup leaves out ("…?ref=home",
    canonical "…/bridge-closure/") is an alternate rendering of its page: its second
    capture, with a correction added, was a near duplicate of its own first one and the
    correction in no record (s43 acc-index #11). Against a version fetched from the same
    address it is that address's new version; against the article's own, still a copy."""
    more = FULL + "\n\n" + word_paragraphs(1, seed=42)[0]
    first = _doc(FULL, STORY + query, "a.jsonl", own=STORY)
    second = _doc(more, STORY + query, "b.jsonl", own=STORY)
    assert _decide(run_stage, [first, second], across_runs) == [first, second]
    assert second.duplicate.status == "revision" and second.duplicate.of == first.id


def test_a_changed_url_key_keys_the_rows_by_the_pages_own_address(run_stage):
    """An index whose address keys were made by another version of the key has them made
    again from the page's own address, as the stage made them: from the fetched one (the
    print URL), the article after its print version was its near duplicate, not its
    revision (s33 acc-read #1, the key's upgrade)."""
    printed = _doc(FULL + "\n\n" + FURNITURE, STORY + "?print=1", "p.jsonl", own=STORY)
    db = run_stage(DedupStage, [printed]).stage.context.catalog.db
    db.execute("UPDATE dedup_meta SET value = '1' WHERE key = 'url_key'")
    db.execute("UPDATE dedup_docs SET ukey = 'stale'")
    article = _doc(FULL, STORY, "a.jsonl")
    assert run_stage(DedupStage, [article]).kept == [article]
    assert article.duplicate.status == "revision" and article.duplicate.of == printed.id


def test_an_index_before_the_address_column_keeps_its_rows_keys_of_their_own_pages(run_stage):
    """An index made before s33 keyed a print page's row by its article's address but kept
    no address column: on the key's version change every row was keyed again from its
    fetched address (the print URL), and the article's next version was unique, not a
    revision of it (s34 acc-read #7, f7/). A row whose key is of another page than its
    fetched address's keeps that page, as the stage and ``index rebuild`` key it; a row keyed
    by its fetched address gets the key of it now (a route, which a key before version 2
    dropped, too)."""
    from corearchive.urlkey import url_key

    printed = _doc(FULL + "\n\n" + FURNITURE, STORY + "?print=1", "p.jsonl", own=STORY)
    routed = "https://spa.example/app#!/story/9"
    spa = _doc("\n\n".join(word_paragraphs(6, seed=11)), routed, "s.jsonl")
    db = run_stage(DedupStage, [printed, spa]).stage.context.catalog.db
    # (the index as 40c7fe2 left it: no address, a key of version 2 / version 1)
    db.execute("UPDATE dedup_docs SET address = NULL")
    db.execute("UPDATE dedup_docs SET ukey = 'spa.example/app' WHERE uri = ?", (routed,))
    db.execute("UPDATE dedup_meta SET value = '2' WHERE key = 'url_key'")
    article = _doc(FULL, STORY, "a.jsonl")
    second = run_stage(DedupStage, [article])
    assert second.kept == [article]
    assert article.duplicate.status == "revision" and article.duplicate.of == printed.id
    keys = dict(second.stage.context.catalog.db.execute("SELECT uri, ukey FROM dedup_docs"))
    assert keys[printed.source.uri] == url_key(STORY) and keys[routed] == url_key(routed)


def test_a_pages_versions_name_the_key_they_share(run_stage):
    """An index groups a page's versions by the key they are matched by, taking the latest
    for the page's current text: records kept only ``source.uri`` (three spellings of one
    address) and the chain of ``duplicate.of`` (s43 acc-index #3)."""
    more = FULL + "\n\n" + word_paragraphs(1, seed=42)[0]
    docs = [
        _doc(FULL, "https://www.metrotimes.example/local/bridge/", "a.jsonl"),
        _doc(more, "http://metrotimes.example/local/bridge?utm_source=rss", "b.jsonl"),
        _doc(FURNITURE, STORY + "?print=1", "p.jsonl", own=STORY),
        _doc("\n\n".join(word_paragraphs(3, seed=99)), "stdin:", "-"),
    ]
    kept = run_stage(DedupStage, docs).kept
    pages = [d.annotations["dedup"].get("page") for d in kept]
    assert pages[:3] == ["metrotimes.example/local/bridge"] * 2 + [STORY.split("//www.")[1][:-1]]
    assert docs[1].duplicate.status == "revision"
    assert pages[3] is None
