"""The text reader's steps that did the same work more than once a document, cut for speed
with the same answers (session 47, perfmd47): each cut is checked against the plain
definition it replaces, and for the work it no longer does."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

import corearchive_plugins.metadata as md
from corearchive_plugins.metadata import text as mt
from corearchive_plugins.metadata.text import Page, TitlePool

_BODY = (
    "The council met on Tuesday evening and voted on the budget for the coming year, "
    "which raises the spending on schools and roads by a tenth over last year's plan."
)

# a run of one author's teasers over the article's own headline (s44 acc-regress R10), and
# stacked headline-like lines, whose windows of lines below overlap
_TEASERS = f"""Recent from Adam Clark Estes
How the city plans to fix its old water mains
Adam Clark Estes
11/13/19 11:00AM
Why the harbour pier repairs took three whole years
Adam Clark Estes
11/12/19 10:00AM
What the new budget means for the town's schools
Adam Clark Estes
11/11/19 9:00AM
Council approves budget for the coming year
Adam Clark Estes
11/14/19 8:00AM
{_BODY}
{_BODY}
"""

_STACKED = f"""The Harbour Times
Council approves budget for the coming year
Schools and roads get a bigger share of the money
Harbour pier repairs begin in the spring next year
[12]Jane Doe
March 3, 2024
{_BODY}
The pier, closed since the storm of last winter, opens again once its new deck is laid and
inspected by the harbour's engineers.
"""

_PAGES = [_TEASERS, _STACKED]


def _teaser_run_reference(page: Page, pool: TitlePool) -> set[int]:
    """:func:`~.text._teaser_run` as it was defined before the cut: each line under each
    candidate read again."""
    texts, n = page.texts, len(page.texts)
    by_name: dict[str, dict[int, list[int]]] = {}
    for k, i, t in pool.cands:
        if mt.n_words(t) < 4:
            continue
        name = None
        for x in range(k + 1, min(n, k + 1 + mt._TEASER_LINES)):
            s = mt._LINK_MARK.sub("", texts[x]).strip()
            if name is None:
                if s != t and mt._person_like(s):
                    name, at = s, x
            elif page.dates_on(page.items[x][0]):
                by_name.setdefault(name, {}).setdefault(at, []).append(i)
                break
    out: set[int] = set()
    for bylines in by_name.values():
        run: list[int] = []
        for at in [*sorted(bylines), -1]:
            if run and (at < 0 or at - run[-1] > mt._TEASER_GAP):
                if len(run) >= mt._TEASER_RUN:
                    out.update(i for x in run[:-1] for i in bylines[x])
                run = []
            run.append(at)
    return out


@pytest.mark.parametrize("text", _PAGES)
def test_teaser_run_agrees_with_its_definition(text: str) -> None:
    page = Page(text)
    pool = TitlePool(page)
    assert pool.cands
    assert mt._teaser_run(page, pool) == _teaser_run_reference(page, pool)


def test_teaser_run_finds_the_run_of_teasers() -> None:
    page = Page(_TEASERS)
    pool = TitlePool(page)
    heads = {t: i for _, i, t in pool.cands}
    run = mt._teaser_run(page, pool)
    # (the run's last teaser, the article's own headline, stays a candidate)
    assert heads["How the city plans to fix its old water mains"] in run
    assert heads["Council approves budget for the coming year"] not in run


def test_teaser_run_reads_each_line_as_a_name_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # (stacked headlines: the lines under the first are under the next two too; each line
    # of the page is a text of its own)
    page = Page(_STACKED)
    assert len(set(page.texts)) == len(page.texts)
    pool = TitlePool(page)
    seen: Counter[str] = Counter()
    person_like = mt._person_like

    def counted(part: str) -> bool:
        seen[part] += 1
        return person_like(part)

    monkeypatch.setattr(mt, "_person_like", counted)
    mt._teaser_run(page, pool)
    assert seen
    assert max(seen.values()) == 1


def test_host_label_is_read_once_per_address(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://www.harbour-times.co.uk/news/2024/03/council-approves-budget"
    calls: list[Any] = []
    domain_parts = mt._domain_parts

    def counted(u: str | None) -> list[str] | None:
        calls.append(u)
        return domain_parts(u)

    monkeypatch.setattr(mt, "_domain_parts", counted)
    mt._host_label.cache_clear()
    labels = [mt._host_label(url) for _ in range(3)]
    assert labels == ["harbourtimes"] * 3
    assert calls == [url]
    assert mt._host_label(None) is None
    assert mt._host_label("https://x.wordpress.com/a") == mt._host_label.__wrapped__(
        "https://x.wordpress.com/a"
    )


def _tidy_tags_reference(tags: list[str], title: str | None = None) -> list[str]:
    """:func:`_tidy_tags` as defined: every tag part compacted when the title is a
    headline."""
    headline = md._compact(title) if title and len(title.split()) >= md._HEADLINE_WORDS else None
    seen: dict[str, str] = {}
    for tag in tags:
        for joined in md._TAG_JOINS.split(tag):
            parts = md.bracketed_tags(joined.strip()) or (joined,)
            for part in (p for x in parts for p in md.hashtag_split(x)):
                part = md.untyped(md.unhashed(" ".join(part.split())))
                if (
                    any(map(str.isalnum, part))
                    and len(part.split()) <= md._TAG_WORDS
                    and not (headline and md._compact(part).startswith(headline))
                ):
                    seen.setdefault(part.casefold(), part)
    return list(seen.values())


_TITLE = "Council approves the budget for next year"
_TAG_CASES = [
    (["Politics", "Harbour; Budget", "#Council #Pier"], _TITLE),
    # (a tag that is the headline, with the site's name after it, in any case or script)
    (["Council approves the budget for next year - Harbour Times", "Budget"], _TITLE),
    (["COUNCIL APPROVES THE BUDGET FOR NEXT YEAR", "Rat"], _TITLE),
    (["Straße gesperrt wegen Bauarbeiten heute", "Verkehr"], "Strasse gesperrt wegen Bauarbeiten"),
    (["ﬁnal call for the council budget vote", "x"], "Final call for the council"),
    (["Politics", "Budget"], None),
    (["Politics"], "Short title"),
]


@pytest.mark.parametrize(("tags", "title"), _TAG_CASES)
def test_tidy_tags_agrees_with_its_definition(tags: list[str], title: str | None) -> None:
    assert md._tidy_tags(tags, title) == _tidy_tags_reference(tags, title)


def test_tidy_tags_compacts_no_ascii_tag_shorter_than_the_headline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compacted: list[str] = []
    compact = md._compact

    def counted(s: str) -> str:
        compacted.append(s)
        return compact(s)

    monkeypatch.setattr(md, "_compact", counted)
    assert md._tidy_tags(["Politics", "Harbour", "Budget"], _TITLE) == [
        "Politics",
        "Harbour",
        "Budget",
    ]
    assert compacted == [_TITLE]


_AGENCY_TEXTS = [
    "By Jane Doe, Reuters",
    "WASHINGTON (AP) — The council met.",
    "Quelle: dpa",
    "共同通信によると",
    "По данным ТАСС и РИА Новости",
    "وكالة أنباء الإمارات",
    "Anadolu Ajansı muhabiri",
    "中央社記者台北3日電",
    "연합뉴스 기자",
    "भाषा",
    "Sources: Xinhua, Yonhap and Kyodo",
    "Council approves the budget for the coming year",
    "nâ€™asasulayo 2000/- â€œquotedâ€\x9d Müller Ærø",
    "",
]


@pytest.mark.parametrize("text", _AGENCY_TEXTS)
def test_long_agency_keys_by_their_first_character_agree_with_a_scan_of_each(text: str) -> None:
    from corearchive_plugins.metadata import wire

    def scan(low: str) -> bool:
        return any(k in low for k in wire._LONG_KEYS)

    for t in (text, text.upper(), f"x {text} y"):
        low = t.encode("utf-8", "surrogatepass").lower().decode("latin-1")
        assert wire._holds_long_key(low) == scan(low)
        # (each key's start alone beside the text: a lead without its key)
        for key in wire._LONG_KEYS:
            assert wire._holds_long_key(low + key[:-1]) == scan(low + key[:-1])
            assert wire._holds_long_key(low + key)


def test_long_agency_keys_are_all_grouped() -> None:
    from corearchive_plugins.metadata import wire

    grouped = [k for _, keys in wire._LONG_BY_LEAD for k in keys]
    assert sorted([*wire._LONG_ASCII, *grouped]) == sorted(wire._LONG_KEYS)
    assert all(k[0] == lead for lead, keys in wire._LONG_BY_LEAD for k in keys)
