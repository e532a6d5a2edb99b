"""A Chinese live blog's posts (a time over a sentence ending in "。") are neither a
forum thread's posts nor a site's feed of its latest stories (s48 acc-regress R1)."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.feeds import _headline
from corearchive_plugins.boilerplate.structures import _poster

_POSTS = [
    ("18:45", "暴雨仍在持续，气象部门将预警级别提升为红色。"),
    ("18:20", "市区三所学校提前放学，学生已由家长接回。"),
    ("17:55", "市长召开紧急会议，部署防汛救灾工作。"),
    ("17:30", "多条道路出现积水，部分公交线路临时改道。"),
]
_PAGE = [
    "城市日报",
    "Politik",
    "Sport",
    "Kultur",
    "Live: 市政府公布老旧小区改造计划",
    "记者王丽 · 14.03.2024",
    "分享 Facebook X WhatsApp",
    *[x for post in _POSTS for x in post],
    "© 2024 城市日报",
    "Impressum · Datenschutz",
]


def test_chinese_live_posts_are_kept(run_stage: Any) -> None:
    """Every post's time and sentence stays: the page was dropped as no_content (a thread's
    rules took each sentence for a poster) or lost its posts as a feed."""
    run = run_stage(BoilerplateStage, make_document("\n\n".join(_PAGE)))
    assert run.kept, run.dropped
    kept = run.kept[0].text.split("\n")
    for time, sentence in _POSTS:
        assert time in kept and sentence in kept


def test_a_sentence_of_a_spaceless_script_is_no_poster_nor_headline() -> None:
    """A short Chinese sentence is one "word": its marks tell it from a name or a headline."""
    sentence = "暴雨仍在持续，气象部门将预警级别提升为红色。"
    assert not _poster(sentence)
    assert not _headline(sentence)
    assert _poster("王丽") and _headline("暴雨持续 预警升级")
    # (a question is a feed's headline in any script: an Arabic site's feed stays one)
    assert _headline("هل تنهار الهدنة في طرابلس الليبية بشكل كامل؟")
