"""Session 51's fixes of the code reading of session 50's metadata rules (s51 acc-read F7,
F8, F9, F11, F12, F15): a byline of common nouns taken for the title, a Hindi "in" read as
Marathi May, a CMS's default author word, a surname with a count on the page, a CJK
headline "date：topic", a live blog's byline replaced by its latest entry's reporter. The
reader's inputs, or small pages of their shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.metadata import MetadataStage, _count_labelled
from corearchive_plugins.metadata.text import extract

DATA = Path(__file__).parent / "data"


# F7: "Luz de la Fuente" over a dateline, "sin luz" and "la fuente" in the text


def test_a_byline_of_common_nouns_over_a_dateline_is_no_title() -> None:
    text = (DATA / "readfix51_es_byline.txt").read_text("utf-8")
    assert extract(text)["title"] == "La noche en que la ciudad se quedó sin luz"


# F8: Marathi "मे" (May) in Hindi text, where it spells "में" ("in")


def test_hindi_me_between_a_year_and_a_count_is_no_date() -> None:
    text = (DATA / "readfix51_hi_me.txt").read_text("utf-8")
    assert extract(text)["published"] is None


def test_a_marathi_date_day_first_is_still_read() -> None:
    text = "मुंबई, 15 मे 2019\n\nशहरात सलग तीन दिवस पाऊस पडला आणि नदीचे पाणी अनेक भागांत शिरले.\n"
    assert str(extract(text)["published"]) == "2019-05-15"


# F11: "Anna Smith" (meta and byline) dropped for a list's "Smith: 11"


def test_an_author_whose_surname_has_a_count_on_the_page_is_kept(run_stage: Any) -> None:
    page = (DATA / "readfix51_count_author.html").read_text("utf-8")
    assert not _count_labelled(["Anna Smith"], page)
    doc = make_document(page, html=True, path="page.html")
    doc = run_stage(MetadataStage, run_stage(BoilerplateStage, doc).kept[0]).kept[0]
    assert doc.authors == ["Anna Smith"]
    # (the glued name of a forum's profile box, written nowhere whole, is still none)
    assert _count_labelled(["Tap Dan Posts"], "<b>tap_dan</b><small>Posts: 41</small>")


# F15: a live blog's byline replaced by its first (latest) entry's reporter


def test_a_live_blogs_byline_is_its_author_not_its_first_entrys_reporter(run_stage: Any) -> None:
    doc = make_document((DATA / "readfix51_liveblog.txt").read_text("utf-8"))
    doc = run_stage(MetadataStage, run_stage(BoilerplateStage, doc).kept[0]).kept[0]
    meta = doc.annotations["metadata"]
    assert doc.authors == ["Tom Reed"]
    at = meta["lines"]["authors"][0]
    assert "Tom Reed" in (DATA / "readfix51_liveblog.txt").read_text("utf-8").split("\n")[at]


# F9: a CMS's default author word (관리자, 佚名) kept as a person


def test_a_cms_default_author_word_is_no_person(run_stage: Any) -> None:
    from corearchive_plugins.metadata.html import _CJK_META_NAME

    page = (DATA / "readfix51_cjk_admin.html").read_text("utf-8")
    for default in ("관리자", "佚名", "小编", "管理员"):
        doc = make_document(page.replace("관리자", default), html=True, path="page.html")
        doc = run_stage(MetadataStage, run_stage(BoilerplateStage, doc).kept[0]).kept[0]
        assert doc.authors == [], default
    assert _CJK_META_NAME.fullmatch("林佳琪") and _CJK_META_NAME.fullmatch("박지현")


# F12: "2024年3月1日：国务院发布…", a dated headline, read as a date line (no title)


def test_a_cjk_dated_headline_with_a_colon_gives_its_topic_as_title() -> None:
    text = (
        "2024年3月1日：国务院发布新一轮稳增长措施\n\n"
        "国务院常务会议当天审议通过了一系列稳增长措施，涉及扩大内需、稳定就业和支持中小企业发展等多个"
        "方面，会议要求各地抓紧落实。\n\n"
        "会议指出，当前经济运行总体平稳，但仍面临需求不足等挑战，必须加大宏观政策调节力度。\n"
    )
    assert extract(text)["title"] == "国务院发布新一轮稳增长措施"
