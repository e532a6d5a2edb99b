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


def _kept(run_stage: Any, blocks: list[list[str]]) -> list[str]:
    """The lines the boilerplate stage keeps of a browser copy of ``blocks``."""
    return run_stage(BoilerplateStage, make_document(_page(blocks))).kept[0].text.split("\n")


# a Hindi article with a "read also" box between its paragraphs, then tags, a most-read
# box and the site's notice
HI_PARAS = [
    "नगर निगम ने बुधवार को शहर की सभी प्रमुख सड़कों पर नई स्ट्रीट लाइटें लगाने का काम शुरू"
    " कर दिया। पहले चरण में पुराने बाजार और स्टेशन रोड को शामिल किया गया है।",
    "निगम आयुक्त के अनुसार नई लाइटें पुरानी लाइटों की तुलना में आधी बिजली खर्च करेंगी और"
    " इनकी देखभाल का जिम्मा ठेकेदार कंपनी के पास रहेगा।",
    "व्यापारियों ने इस फैसले का स्वागत किया है, लेकिन उनका कहना है कि काम रात में किया जाए"
    " ताकि दिन में दुकानों तक पहुंचने में ग्राहकों को परेशानी न हो।",
    "निगम ने बताया कि पूरा काम अगले साल मार्च तक खत्म करने का लक्ष्य रखा गया है और इसके"
    " लिए अलग से बजट मंजूर किया जा चुका है।",
]
HI_BOX = ["यह भी पढ़ें", "शहर में पानी की सप्लाई दो दिन बंद रहेगी", "नए बस स्टैंड का काम फिर अटका"]
HI_PAGE = [
    ["होम", "देश", "शहर", "खेल"],
    ["शहर की सड़कों पर लगेंगी नई स्ट्रीट लाइटें"],
    ["संवाददाता | इंदौर"],
    ["25 नवंबर 2026"],
    [HI_PARAS[0]],
    [HI_PARAS[1]],
    HI_BOX,
    [HI_PARAS[2]],
    [HI_PARAS[3]],
    ["विज्ञापन"],
    ["कॉपीराइट © 2026 उदाहरण समाचार. सर्वाधिकार सुरक्षित"],
]


def test_a_read_also_box_between_the_paragraphs_is_removed(run_stage: Any) -> None:
    """The label and its two headlines stayed in the text: the teaser rule reads after the
    article's last paragraph only, and a list after it needs three headlines (N4)."""
    kept = _kept(run_stage, HI_PAGE)
    for para in HI_PARAS:
        assert para in kept
    for line in HI_BOX:
        assert line not in kept


# a Persian article that ends with two related boxes and the site's notice, which reads as
# a sentence
FA_PARAS = [
    "شهرداری تبریز از آغاز ساخت دومین خط قطار شهری این شهر خبر داد و گفت عملیات اجرایی آن"
    " از هفته آینده در بخش شرقی شهر شروع می‌شود.",
    "به گفته معاون حمل و نقل شهرداری، این خط هفده کیلومتر طول دارد و پانزده ایستگاه در مسیر"
    " آن ساخته خواهد شد.",
    "ساکنان محله‌های شرقی سال‌ها خواستار اتصال این منطقه به مرکز شهر بوده‌اند و ترافیک"
    " خیابان‌های اصلی در ساعات اوج بسیار سنگین است.",
]
FA_CHROME = [
    ["مطالب مرتبط"],
    ["چرا ترافیک تبریز هر سال بدتر می‌شود؟", "افزایش قیمت بلیت اتوبوس از دی ماه"],
    ["پربیننده ترین ها"],
    ["نرخ ارز در بازار امروز", "برنامه بازی‌های هفته آینده لیگ"],
    ["© ۲۰۲۶ خبرگزاری نمونه. این خبرگزاری مسئول محتوای سایت‌های دیگر نیست."],
]


def test_a_notice_that_reads_as_a_sentence_is_not_the_articles_end(run_stage: Any) -> None:
    """The site's notice was read as the article's last paragraph: kept, and the related
    boxes above it with it (N2); the boxes' labels were in no lexicon (N3)."""
    kept = _kept(run_stage, [["خانه", "ایران", "جهان"], ["عنوان خبر قطار شهری تبریز"],
                             *([p] for p in FA_PARAS), *FA_CHROME])  # fmt: skip
    for para in FA_PARAS:
        assert para in kept
    for block in FA_CHROME:
        for line in block:
            assert line not in kept


# Georgian and Armenian articles' share buttons and related labels (N3)
KA_PAGE = [
    ["მთავარი", "საზოგადოება", "ეკონომიკა"],
    ["თბილისში ახალი ავტობუსები გამოჩნდება"],
    ["გაზიარება"],
    [
        "თბილისის მერიამ განაცხადა, რომ მომავალი წლის დასაწყისში ქალაქში ას ორმოცდაათი ახალი"
        " ელექტრო ავტობუსი გამოჩნდება და ძველი ავტობუსები ხაზებიდან მოიხსნება.",
        "მერიის ცნობით, ახალი ავტობუსები ჯერ ყველაზე დატვირთულ ხაზებზე იმუშავებს, მათ შორის"
        " აეროპორტისა და ვაკის მიმართულებით, შემდეგ კი სხვა უბნებშიც.",
    ],
    ["მსგავსი სიახლეები"],
]


def test_georgian_share_and_related_labels_are_removed(run_stage: Any) -> None:
    kept = _kept(run_stage, KA_PAGE)
    assert KA_PAGE[3][0] in kept and KA_PAGE[3][1] in kept
    assert "გაზიარება" not in kept
    assert "მსგავსი სიახლეები" not in kept


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("© ۲۰۲۶ خبرگزاری نمونه. این خبرگزاری مسئول محتوای سایت‌های دیگر نیست.", True),
        ("Copyright 例示日報. All rights reserved. 무단전재 및 재배포 금지", True),
        ("<저작권자(c) 예시뉴스, 무단 전재-재배포 금지>", True),
        ("版权所有，未经授权不得转载", True),
        ("כל הזכויות שמורות לאתר הדוגמה", True),
        ("Copyright 2026 Example Gazette", True),
        # a sentence on copyright, a list's third clause, a short line starting with "(c)"
        (
            "Copyright law changed in 2019, and publishers now hold new rights over the"
            " snippets that search engines show of their stories.",
            False,
        ),
        ("(c) the council shall publish its accounts every year.", False),
        ("The mayor said the bridge would open in spring.", False),
    ],
)
def test_notice_line(line: str, want: bool) -> None:
    from corearchive_plugins.boilerplate.lines import notice_line

    assert notice_line(line) is want


def test_refine_adds_no_notice_that_does_not_start_with_its_sign() -> None:
    """A Korean agency's notice in brackets ("<저작권자(c) …, 무단 전재-재배포 금지>"), which
    the line model was sure of, was added to trafilatura's text under the article (N2)."""
    import numpy as np

    from corearchive_plugins.boilerplate.refine import refine

    class Decisions:  # (the fields refine reads)
        stripped = ["Body one", "Body two", "<저작권자(c) 예시뉴스, 무단 전재-재배포 금지>"]
        score = np.array([0.99, 0.99, 0.95])
        X = None

    assert refine("Body one\nBody two", Decisions())[0].split("\n") == ["Body one", "Body two"]


def test_a_copyright_line_without_a_year_is_no_tag() -> None:
    """A labelled run of tags went on into the notice under it (N11)."""
    from corearchive_plugins.metadata.text import _not_tag

    assert _not_tag("© Example Daily สงวนลิขสิทธิ์")
    assert _not_tag("© 2024 Example Daily")
    assert not _not_tag("ข้าว")


AP_PARAS = [
    "The county health department said on Monday that the risk from the virus continues"
    " because there has not yet been a sustained period of freezing temperatures this year.",
    "Officials urged residents in the affected areas to keep taking precautions against"
    " mosquito bites, including wearing long sleeves and using repellent outdoors.",
    "Three cases have been confirmed in the county since August, the department said, and"
    " all of the patients have since recovered at home.",
]
AP_NOTICE = (
    "© 2026 The Example Press. All rights reserved. This material may not be published,"
    " broadcast, rewritten or redistributed."
)


def test_an_agencys_notice_right_under_its_story_stays(run_stage: Any) -> None:
    """A notice right under the article, no line left out between, is the story's own (the
    dev and held-out truths hold an agency's); only one apart from it is the page's."""
    kept = _kept(run_stage, [["Home", "News", "Health"], ["Virus risk lingers, officials say"],
                             *([p] for p in AP_PARAS), [AP_NOTICE]])  # fmt: skip
    assert AP_PARAS[-1] in kept
    assert AP_NOTICE in kept
