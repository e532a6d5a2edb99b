# ruff: noqa: E501
"""News pages in non-Latin scripts (s50 acc-scripts leftovers): a paywall's prompt in
Hebrew, Arabic, Russian, Japanese and Chinese; a Chinese share call and a Japanese feedback
question written as one run of letters. The fixtures are written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.lines import decide_many
from corearchive_plugins.boilerplate.notes import is_paywall

HE_PARAS = [
    "מחקר שפורסם השבוע מצא כי מספר הציפורים הנודדות מעל עמק החולה עלה בשנה האחרונה בכעשרים אחוז לעומת השנה הקודמת.",
    "החוקרים מייחסים את העלייה לשיקום ביצות באזור ולהפסקת הריסוס בשדות הסמוכים לאגם.",
    "לדבריהם, אם המגמה תימשך, העמק עשוי להפוך לאחת מתחנות החניה החשובות בעולם לעגורים.",
]


def _page(blocks: list[list[str]]) -> str:
    return "\n\n".join("\n".join(b) for b in blocks)


def test_a_hebrew_paywall_prompt_ends_the_text(run_stage: Any) -> None:
    """ "להמשך קריאה עליכם להירשם" (to read on you must register) under the last paragraph
    stayed as the text's last line (he-2); it is a paywall's prompt as its English one is."""
    text = _page(
        [
            ["חדשות", "דעות", "כלכלה"],
            ["מחקר: יותר ציפורים נודדות בעמק החולה"],
            ["19 בנובמבר 2026"],
            *[[p] for p in HE_PARAS],
            ["להמשך קריאה עליכם להירשם"],
            ["ציפורים", "טבע", "מדע"],
            ["הארץ - כל הזכויות שמורות"],
        ]
    )
    doc = run_stage(BoilerplateStage, make_document(text)).kept[0]
    kept = doc.text.split("\n")
    assert "להמשך קריאה עליכם להירשם" not in kept
    assert HE_PARAS[-1] in kept


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("להמשך קריאה עליכם להירשם", True),
        ("הכתבה המלאה זמינה למנויים", True),
        ("لمواصلة القراءة يرجى الاشتراك", True),
        ("هذا المحتوى للمشتركين فقط", True),
        ("Чтобы продолжить чтение, подпишитесь", True),
        ("この記事は有料会員限定です。", True),
        ("订阅后继续阅读", True),
        # reading on alone: a link's, no paywall
        ("להמשך קריאה לחצו כאן", False),
        ("Чтобы продолжить чтение, нажмите сюда", False),
    ],
)
def test_paywall_prompts_beyond_latin(line: str, want: bool) -> None:
    assert is_paywall(line) is want


ZH_PARAS = [
    "记者从市农业农村局获悉，今年全市冬小麦播种面积稳定在一百二十万亩左右，播种进度比去年同期略快。",
    "农业专家表示，近期土壤墒情适宜，有利于小麦出苗和冬前壮苗，建议农民做好田间管理。",
    "市里还组织了三十个技术服务队，深入田间地头指导农民科学施肥、防治病虫害。",
]
JA_PARAS = [
    "令和8年4月1日から、市内の資源ごみの収集日が変わります。お住まいの地区の収集日を確認してください。",
    "収集日は市のホームページと広報紙でお知らせします。",
    "ご不明な点は清掃課までお問い合わせください。",
]


def test_a_chinese_share_call_and_a_japanese_feedback_question(run_stage: Any) -> None:
    """ "分享让更多人看到" (zh-4) and "このページの情報は役に立ちましたか？" (ja-3), each one
    run of letters, were kept under the article: cue words of the lexicon now."""
    zh = _page(
        [
            ["首页", "新闻", "农业"],
            ["全市冬小麦播种基本结束"],
            ["2026年11月19日09:16"],
            *[[p] for p in ZH_PARAS],
            ["分享让更多人看到"],
        ]
    )
    kept = run_stage(BoilerplateStage, make_document(zh)).kept[0].text.split("\n")
    assert "分享让更多人看到" not in kept
    assert ZH_PARAS[-1] in kept
    # (the Japanese question is one token, a cue word of the lexicon: the line model's
    # feature; whether the line goes is the model's score, as for any cue line)
    d = decide_many(["このページの情報は役に立ちましたか？"])[0]
    assert d.cues()[0] >= 1
