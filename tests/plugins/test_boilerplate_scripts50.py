"""News pages in non-Latin scripts (s50 acc-scripts N1-N4, N11): direction controls of text
copied from right-to-left sites, copyright notices, chrome words and "read also" boxes in
the scripts the lexicon lacked. The fixtures are written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from corearchive.characters import tidy_text
from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

#: Direction embeddings, overrides, isolates and marks
_CONTROLS = set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# an Arabic news page as a browser copies it from an RTL site: each line wrapped in
# RLE ... PDF or led by an RLM
AR_PAGE = [
    ["الرئيسية", "أخبار", "اقتصاد", "رياضة"],
    ["\u202bافتتاح جسر جديد فوق النهر في مدينة المنصورة\u202c"],
    ["\u202bكتب محمود عادل\u202c"],
    ["\u200fالثلاثاء، ٢٤ نوفمبر ٢٠٢٦"],
    [
        "\u202bافتتح محافظ الدقهلية صباح اليوم الجسر الجديد الذي يربط ضفتي النهر، بعد أعمال"
        " استمرت أكثر من ثلاث سنوات بتكلفة كبيرة.\u202c"
    ],
    [
        "\u202bوقال المحافظ في كلمته إن الجسر سيخفف الزحام عن وسط المدينة ويختصر زمن الرحلة"
        " إلى النصف للسيارات والحافلات.\u202c"
    ],
    [
        "\u202bومن المنتظر أن تبدأ المرحلة الثانية من المشروع في الربيع المقبل، بإنشاء طريق"
        " يصل الجسر بالطريق الدولي الساحلي.\u202c"
    ],
]


def _page(blocks: list[list[str]]) -> str:
    """A browser copy: blocks of lines, blank lines between them."""
    return "\n\n".join("\n".join(b) for b in blocks)


@pytest.mark.parametrize(
    ("given", "want"),
    [
        ("\u202bكتب محمود عادل\u202c", "كتب محمود عادل"),  # an embedding around a line
        ("\u2067שלום\u2069 world", "שלום world"),  # an isolate
        ("\u200fسطر أول\u200f\n  \u200e\u200fسطر ثان", "سطر أول\n  سطر ثان"),  # marks at edges
        ("abc \u061c\n", "abc \n"),  # the Arabic letter mark too, white space kept
        # a mark between words (after a number, before an Arabic comma) may order them: kept
        ("العدد 12\u200f، ثم", None),
        ("bud\u200eget", "budget"),  # (inside a word, as before)
    ],
)
def test_direction_controls_that_change_no_letter_are_dropped(given: str, want: str | None) -> None:
    assert tidy_text(given) == (given if want is None else want)


def test_a_page_copied_with_direction_controls_reads_as_without_them(run_stage: Any) -> None:
    """The controls stayed in the record's text and hid each line's last character (no
    sentence end) and first word (no byline word) from the boilerplate features: the text
    is the one the page gives without them, every paragraph kept."""
    text = _page(AR_PAGE)
    doc = run_stage(BoilerplateStage, make_document(text)).kept[0]
    plain = run_stage(BoilerplateStage, make_document(tidy_text(text))).kept[0]
    assert not _CONTROLS & set(doc.text)
    assert doc.text == plain.text
    for block in AR_PAGE[4:]:
        assert block[0].strip("\u202b\u202c") in doc.text.split("\n")


def test_the_raw_input_keeps_its_direction_controls() -> None:
    """The archive keeps the input's bytes as they came (a WARC's payload, a file)."""
    text = _page(AR_PAGE)
    doc = make_document(text)
    assert doc.raw == text.encode("utf-8")
    assert not _CONTROLS & set(doc.text)
