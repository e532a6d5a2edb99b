"""Text titles (session 50, titles50): the boilerplate stage hands its line decisions on to
the metadata stage (:class:`corearchive_plugins.boilerplate.verdicts.LineVerdicts`), which
reads them in the title pool; and small fixes left by session 49 (a headline that ends
with its day, the back-to-top link, a template's placeholder, a running head's numbers, a
score's dash)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corearchive import Document
from corearchive.options import build_options
from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage
from corearchive_plugins.boilerplate.afterlists import RELATED_LIST_REASON
from corearchive_plugins.boilerplate.verdicts import VERDICTS_KEY, LineVerdicts, line_kind
from corearchive_plugins.metadata import MetadataOptions, MetadataStage
from corearchive_plugins.metadata.text import (
    Page,
    TitlePool,
    _never_title,
    _segment_cut,
    extract_lines,
    no_title_lines,
)

_PARA = (
    "The council said on Tuesday that the work would start next spring and take about two "
    "years, with the main road closed for three months of it."
)


def _data(name: str) -> str:
    return (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")


def _boilerplate() -> BoilerplateStage:
    opts = build_options(BoilerplateOptions, {}, stage="boilerplate", origin="test")
    return BoilerplateStage(opts, None)  # type: ignore[arg-type]


def _metadata() -> MetadataStage:
    opts = build_options(MetadataOptions, {}, stage="metadata", origin="test")
    return MetadataStage(opts, None)  # type: ignore[arg-type]


def _pipeline(text: str) -> Document:
    """``text`` through the boilerplate stage, then the metadata stage, as a run has it."""
    got = _boilerplate().process_batch([make_document(text, path="p")])[0]
    assert isinstance(got, Document)
    return _metadata().process(got)


_ARTICLE = "\n\n".join(
    [
        "Home",
        "News",
        "Sport",
        "Bridge repairs to close the main road for three months",
        "By Jane Doe",
        "12 March 2024",
        _PARA,
        _PARA.replace("council", "mayor"),
        _PARA.replace("Tuesday", "Monday"),
    ]
)


def test_the_boilerplate_stage_leaves_its_decisions_for_later_stages() -> None:
    doc = _boilerplate().process_batch([make_document(_ARTICLE, path="p")])[0]
    assert isinstance(doc, Document)
    ver = doc.work[VERDICTS_KEY]
    assert isinstance(ver, LineVerdicts)
    lines = _ARTICLE.split("\n")
    assert ver.text == _ARTICLE
    # every non-blank line is kept or removed, with its reason, and the kept ones make the text
    assert sorted([*ver.kept, *ver.removed]) == [i for i, s in enumerate(lines) if s.strip()]
    assert [lines[i] for i in ver.kept] == doc.text.split("\n") or ver.first_kept is not None
    assert lines[ver.first_kept or 0] == _PARA
    assert all(isinstance(r, str) and r for r in ver.removed.values())
    assert ver.kind(ver.first_kept or 0) is None


def test_a_line_kind_names_the_stages_rule() -> None:
    assert line_kind(RELATED_LIST_REASON) == "related"
    assert line_kind("short line outside the main text block") == "other"


def test_the_title_pool_reads_the_decisions() -> None:
    """A candidate the boilerplate stage removed as a related list's item (a menu's, a
    feed's) is no title; one it removed by its model's reasons, as it removes headlines,
    stays one."""
    lines = _ARTICLE.split("\n")
    alone = extract_lines(_ARTICLE)[0]["title"]
    assert alone == "Bridge repairs to close the main road for three months"
    i = lines.index(alone)
    paras = tuple(k for k, s in enumerate(lines) if s == _PARA or s.startswith("The "))
    other = LineVerdicts(_ARTICLE, paras, {i: "short line outside the main text block"})
    assert extract_lines(_ARTICLE, verdicts=other)[0]["title"] == alone
    related = LineVerdicts(_ARTICLE, paras, {i: RELATED_LIST_REASON})
    assert extract_lines(_ARTICLE, verdicts=related)[0]["title"] != alone


def test_a_results_pages_headline_with_its_day() -> None:
    """A results page (no paragraph: the metadata stage's story ended at its first line)
    whose headline ends with its day after a comma (s48 acc-live results-en-1)."""
    doc = _pipeline(_data("titles50_results_en.txt"))
    assert doc.title == "Premier League results: final day, Sunday 19 May 2024"
    # the stage alone (no decisions): no feed's item or menu's line as the title
    alone = _metadata().process(make_document(_data("titles50_results_en.txt"), path="p"))
    assert alone.title in (None, "Premier League results: final day, Sunday 19 May 2024")


def _cands(text: str) -> set[str]:
    return {t for _, _, t in TitlePool(Page(text)).cands}


@pytest.mark.parametrize(
    ("line", "candidate"),
    [
        ("Premier League results: final day, Sunday 19 May 2024", True),
        ("Match reports: the final round – 19 May 2024", True),
        # (the date the sentence goes on into: a teaser's, a day's page; dev htmldate
        # 1756260927's sidebar)
        ("Horóscopo do dia: previsões para 1 de novembro de 2020", False),
        ("Last updated: Sunday, 19 May 2024", False),
    ],
)
def test_a_headline_that_ends_with_its_day(line: str, candidate: bool) -> None:
    text = "\n\n".join(["Home", line, "By Jane Doe", _PARA, _PARA])
    assert (line in _cands(text)) is candidate


def test_a_recipes_short_headline_over_its_byline() -> None:
    """A three-word headline over its byline and date, far over the text's main block (the
    recipe's steps): a candidate by the kept text's head (s49 acc-service recipe-fr-1)."""
    assert _pipeline(_data("titles50_recipe_fr.txt")).title == "Quiche lorraine traditionnelle"


@pytest.mark.parametrize(
    "line",
    ["Nach oben", "Back to top ↑", "↑ Zurück nach oben", "Retour en haut de page", "{{nrcoTitle}}"],
)
def test_back_to_top_links_and_placeholders_are_never_titles(line: str) -> None:
    assert _never_title.__wrapped__(line)[0]


@pytest.mark.parametrize(
    "line",
    ["Back to the top of the world: climbers return", "Nach oben gerichtet: Zinsen steigen"],
)
def test_headlines_with_those_words_stay(line: str) -> None:
    assert not _never_title.__wrapped__(line)[0]


def _vetoed(text: str) -> set[str]:
    page = Page(text)
    pool = TitlePool(page)
    lines = no_title_lines(page, pool)
    return {t for _, i, t in pool.cands if i in lines}


def test_a_running_head_recurs_with_other_page_numbers() -> None:
    """A running head is printed on other pages with their numbers; a line copied with the
    same number is one line twice (a headline with its figure), no running head."""
    head = "Improving the condition of school buildings   {}"
    pages = "\n\n".join([head.format(4), _PARA, _PARA, "\f" + head.format(5), _PARA, _PARA])
    assert head.format(4) in _vetoed(pages)
    copied = "\n\n".join([head.format(4), _PARA, _PARA, head.format(4), _PARA, _PARA])
    assert head.format(4) not in _vetoed(copied)


@pytest.mark.parametrize(
    ("title", "cut"),
    [
        ("Real Madrid 0 - 4 Barcelona", "Real Madrid 0 - 4 Barcelona"),
        ("Arsenal 2 - 1 Everton: Gunners win | BBC Sport", "Arsenal 2 - 1 Everton: Gunners win"),
        ("SW082 – 82 Gründe zum weiter hören", "82 Gründe zum weiter hören"),
    ],
)
def test_a_scores_dash_is_no_segment_separator(title: str, cut: str) -> None:
    assert _segment_cut(title) == cut


def test_a_press_releases_headline_as_the_first_kept_line() -> None:
    """The headline is the kept text's first line, under a cookie notice the metadata stage
    read as the page's first paragraph, and a reference under the story outranked it: the
    page had no title (s47 acc-gov uni-de-1)."""
    doc = _pipeline(_data("titles50_uni_de.txt"))
    assert doc.title == "Neue Methode zur Früherkennung von Sepsis"


def test_a_press_releases_headline_right_over_the_kept_text() -> None:
    """w3m's rendering of the same page: the boilerplate stage removed the headline, the
    line right over the first paragraph it kept (s47 acc-gov uni-de-1, w3m)."""
    doc = _pipeline(_data("titles50_uni_de_w3m.txt"))
    assert doc.title == "Neue Methode zur Früherkennung von Sepsis"
