# ruff: noqa: E501
"""Bylines of pages in scripts without capitals (session 50's acceptance test acc-scripts,
findings N5, N7, N8 left by session 50): a bare name under the headline, a Chinese reporter's
credit inside a line, an HTML byline element's place, label and source."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import extract

_MENU = ["Home", "World", "Sport"]


def _page(*lines: str) -> str:
    return "\n\n".join([*_MENU, *lines]) + "\n"


_AR_HEAD = "افتتاح مكتبة عامة جديدة في وسط المدينة بعد ثلاث سنوات من الأعمال"
_AR_BODY = [
    "افتتحت البلدية صباح اليوم المكتبة العامة الجديدة التي تضم أكثر من مئة ألف كتاب وقاعات للقراءة والبحث.",
    "وقال مدير المكتبة إن ساعات العمل ستمتد حتى العاشرة مساء طوال أيام الأسبوع.",
]
_HE_BODY = [
    "העירייה פתחה הבוקר את הספרייה הציבורית החדשה, שבה יותר ממאה אלף ספרים ואולמות קריאה.",
    "לדברי מנהל הספרייה, שעות הפתיחה יוארכו עד עשר בלילה בכל ימות השבוע.",
]
_HI_HEAD = "इंदौर में नई सार्वजनिक लाइब्रेरी का उद्घाटन"
_HI_BODY = [
    "नगर निगम ने बुधवार सुबह शहर की नई सार्वजनिक लाइब्रेरी का उद्घाटन किया, जिसमें एक लाख से ज्यादा किताबें हैं।",
    "लाइब्रेरी के प्रबंधक के अनुसार यह सप्ताह के सभी दिन रात दस बजे तक खुली रहेगी और इंदौर के छात्रों को इसका लाभ मिलेगा।",
]
_KA_BODY = [
    "ქალაქის მერიამ დღეს ახალი საჯარო ბიბლიოთეკა გახსნა, სადაც ასი ათასზე მეტი წიგნია.",
    "ბიბლიოთეკის დირექტორის თქმით, ის კვირის ყველა დღეს ღამის ათ საათამდე იმუშავებს.",
]
_JA_BODY = [
    "市は12日、中央図書館の新館を開館した。蔵書は約10万冊で、閲覧室と学習室を備える。",
    "館長によると、開館時間は毎日午後10時までとなる。",
]
_ZH_BODY = [
    "市图书馆新馆今天上午正式开馆，馆藏图书超过十万册，设有阅览室和自习室。",
    "馆长表示，新馆每天开放至晚上十点。",
]


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        # Arabic: headline / name / date
        ([_AR_HEAD, "خالد يوسف المصري", "١٢/٣/٢٠٢٥", *_AR_BODY], "خالد يوسف المصري"),
        # Hebrew: headline / name / outlet / date
        (
            [
                "ספרייה ציבורית חדשה נפתחה במרכז העיר",
                "דנה לוי",
                "חדשות העיר",
                "12.03.25",
                *_HE_BODY,
            ],
            "דנה לוי",
        ),
        # Hindi: headline / name | place / date (the place is the story's city)
        ([_HI_HEAD, "अमित वर्मा | इंदौर", "12 मार्च 2025, 10:15 AM", *_HI_BODY], "अमित वर्मा"),
        # Georgian
        (
            ["თბილისში ახალი ბიბლიოთეკა გაიხსნა", "გიორგი მაისურაძე", "12 მარტი, 2025", *_KA_BODY],
            "გიორგი მაისურაძე",
        ),
        # Japanese: a name without the space between surname and given name
        (
            [
                "市立図書館の新館が開館 蔵書10万冊",
                "佐々木拓也",
                "2025年3月12日 10時00分",
                *_JA_BODY,
            ],
            "佐々木拓也",
        ),
    ],
)
def test_a_bare_name_under_the_headline_in_a_caseless_script(lines: list[str], name: str) -> None:
    """A person's name alone under the headline, a date line under it (a place's or an
    outlet's short line between at most), in a script without capitals, is the byline (N7);
    the name's line and the line between leave the text, and the headline stays the title
    (N5: "अमित वर्मा | इंदौर" is no headline)."""
    res = extract(_page(*lines))
    assert res["authors"] == [name]
    assert res["title"] == lines[0]


@pytest.mark.parametrize(
    "lines",
    [
        # a section's label the menu writes too
        [_AR_HEAD, "أخبار محلية", "١٢/٣/٢٠٢٥", *_AR_BODY, "أخبار محلية"],
        # a place the story names
        [
            _HI_HEAD,
            "मध्य प्रदेश",
            "12 मार्च 2025, 10:15 AM",
            *_HI_BODY,
            "मध्य प्रदेश सरकार ने भी इसकी सराहना की।",
        ],
        # the headline's words
        ["بيروت تستضيف معرض الكتاب العربي", "معرض الكتاب", "١٢/٣/٢٠٢٥", *_AR_BODY],
        # no date line under it: a sub-heading
        [_AR_HEAD, "خالد يوسف المصري", *_AR_BODY],
        # a cased script: no capital tells a name from a section there (review41 R1)
        [
            "Νέα δημοτική βιβλιοθήκη άνοιξε στο κέντρο",
            "Κεντρική Μακεδονία",
            "12.03.2025",
            "Ο δήμος άνοιξε σήμερα τη νέα δημοτική βιβλιοθήκη με περισσότερα από εκατό χιλιάδες βιβλία και αίθουσες ανάγνωσης.",
        ],
    ],
)
def test_no_bare_name_from_a_label_a_place_or_a_cased_script(lines: list[str]) -> None:
    """A label, a place, the headline's words, a line without a date under it, or a line of
    a cased script in the byline's slot give no author (N7's risk: places, labels)."""
    assert extract(_page(*lines))["authors"] == []


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        # an agency's dateline in the first paragraph
        (
            [
                "市图书馆新馆开馆",
                "2025-03-12 10:00",
                "新华社南京3月12日电（记者张伟、刘芳）" + _ZH_BODY[0],
                _ZH_BODY[1],
            ],
            ["张伟", "刘芳"],
        ),
        # an outlet's reporter on the byline's line
        (["市图书馆新馆开馆", "南方日报记者 周敏", "2025-03-12 10:00", *_ZH_BODY], ["周敏"]),
        # outlet / reporter / place, apart by slashes
        (
            [
                "市圖書館新館開館",
                "聯合報／ 記者黃志明／台中即時報導",
                "2025-03-12 10:00",
                *_ZH_BODY,
            ],
            ["黃志明"],
        ),
        # a Japanese byline in brackets, the outlet after the comma
        (
            [
                "市立図書館の新館が開館 蔵書10万冊",
                "2025年3月12日 10時00分 公開",
                "[佐々木拓也，ITmedia]",
                *_JA_BODY,
            ],
            ["佐々木拓也"],
        ),
    ],
)
def test_a_chinese_reporters_credit_inside_a_line(lines: list[str], names: list[str]) -> None:
    """ "记者/記者" and the names after an outlet's name, a bracket or a slash (N7)."""
    assert extract(_page(*lines))["authors"] == names


def test_the_reporter_learnt_is_no_credit() -> None:
    """A sentence's "记者从…获悉" (the reporter learnt from ...) names no one."""
    lines = [
        "市图书馆新馆开馆",
        "2025-03-12 10:00",
        "记者从市文化局获悉，" + _ZH_BODY[0],
        _ZH_BODY[1],
    ]
    assert extract(_page(*lines))["authors"] == []


def _html(lang: str, head: str, byline: str, body: list[str]) -> str:
    paras = "".join(f"<p>{p * 3}</p>" for p in body)
    return (
        f"<!doctype html><html lang='{lang}'><head><title>{head}</title></head>"
        f"<body><article><h1>{head}</h1>{byline}{paras}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("lang", "head", "byline", "body", "want"),
    [
        # name | place: the place is no second author
        (
            "hi",
            _HI_HEAD,
            "<div class='byline'><p>अमित वर्मा | इंदौर</p><p>12 मार्च 2025, 10:15 AM</p></div>",
            _HI_BODY,
            ["अमित वर्मा"],
        ),
        # a date's line with its label only
        (
            "th",
            "ห้องสมุดใหม่เปิดแล้ว",
            "<div class='byline'><p>วันที่ 12 มีนาคม 2568 - 10:15 น.</p></div>",
            ["เทศบาลเปิดห้องสมุดประชาชนแห่งใหม่ในวันนี้ มีหนังสือมากกว่าหนึ่งแสนเล่มและห้องอ่านหนังสือ"],
            [],
        ),
        # an outlet's reporter
        (
            "zh",
            "市图书馆新馆开馆",
            "<div class='byline'><p>南方日报记者 周敏</p><p>2025-03-12 10:00</p></div>",
            _ZH_BODY,
            ["周敏"],
        ),
        # a Japanese byline in brackets under the date's block
        (
            "ja",
            "市立図書館の新館が開館",
            "<div class='byline'><p>2025年3月12日 10時00分 公開</p><p>[佐々木拓也，ITmedia]</p></div>",
            _JA_BODY,
            ["佐々木拓也"],
        ),
        # a date and the source's credit
        (
            "zh",
            "市图书馆新馆开馆",
            "<div class='byline'><p>2025年03月12日10:00 | 来源：南方网－南方日报</p></div>",
            _ZH_BODY,
            [],
        ),
    ],
)
def test_html_byline_place_label_and_source(
    run_stage, lang: str, head: str, byline: str, body: list[str], want: list[str]
) -> None:
    """An HTML byline element's place, date label and source are no authors (N8)."""
    doc = make_document(
        _html(lang, head, byline, body), html=True, uri=f"https://news.example/{lang}/1"
    )
    assert run_stage(MetadataStage, doc).kept[0].authors == want


def test_a_thai_paragraph_wrapped_by_a_text_browser_is_a_paragraph() -> None:
    """w3m cut a Thai paragraph at 80 columns into lines each too short for prose: the page
    had no paragraph, its tag list after the article was not read and the paragraph's
    second line was the title (th-2 on w3m)."""
    head = "ราคาทุเรียนส่งออกพุ่งสูงสุดในรอบสามปี"
    text = "\n".join(
        [
            "  • หน้าแรก",
            "  • เศรษฐกิจ",
            "",
            head,
            "",
            "วันที่ 12 มีนาคม 2568 - 10:15 น.",
            "",
            "ราคาทุเรียนหมอนทองส่งออกในภาคตะวันออกปรับขึ้นเป็นกิโลกรัมละ 180 บาท สูงที่สุดใน",
            "รอบสามปี เนื่องจากผลผลิตลดลงจากอากาศร้อนจัด",
            "",
            "สมาคมผู้ส่งออกผลไม้ไทยระบุว่า คำสั่งซื้อจากจีนยังคงแข็งแกร่งต่อเนื่อง",
            "",
            "แท็ก",
            "",
            "  • ทุเรียน",
            "  • ส่งออก",
            "",
        ]
    )
    res = extract(text)
    assert res["title"] == head
    assert res["tags"] == ["ทุเรียน", "ส่งออก"]


_HARBOUR = (
    "The provincial assembly passed the harbour bill on Wednesday after a debate that lasted for"
    " most of the week, and the government said that the first works would start in the autumn.\n\n"
    "The bill sets out the rules for the reclamation of land in the western harbour and for the"
    " protection of the waterfront, which residents have asked the government to keep open.\n"
)


@pytest.mark.parametrize(
    ("dateline", "want"),
    [
        # the zone written out, or an offset east of UTC: a day-first region's
        ("Published 05/06/2024, 10:30 AM (Pakistan Standard Time)", "2024-06-05"),
        ("Published 05/06/2024, 5:30pm UK time", "2024-06-05"),
        ("Published 05/06/2024, 10:30 AM UTC+5", "2024-06-05"),
        # no zone: the AM/PM's month first, whatever city the headline names (left on purpose)
        ("Published 05/06/2024, 10:30 AM", "2024-05-06"),
        # +8 is the Philippines' too, which write the month first
        ("Published 05/06/2024, 10:30 AM UTC+8", "2024-05-06"),
    ],
)
def test_a_spelled_out_day_first_zone_orders_an_am_pm_date(dateline: str, want: str) -> None:
    """A plain text that writes its day-first zone out is read day first beside an AM/PM
    clock; a city in the headline is no sign (s50 read50 F5, regress R5)."""
    res = extract(f"Karachi lawmakers pass the new harbour bill\n\n{dateline}\n\n{_HARBOUR}")
    assert res["published"][:10] == want


def test_a_far_byline_word_is_not_part_of_the_name() -> None:
    """A byline with its word below :func:`find_authors`' reach, read as a bare name under
    the headline: the name without the word ("كتب ضحى عرفة" gave "كتب …")."""
    menu = [f"قسم {n}" for n in range(70)]
    lines = [*menu, _AR_HEAD, "كتب خالد يوسف", "١٢/٣/٢٠٢٥", *_AR_BODY]
    assert extract("\n\n".join(lines) + "\n")["authors"] == ["خالد يوسف"]


def test_a_date_block_with_a_label_span_gives_no_author(run_stage) -> None:
    """A byline element that is a labelled date ends the search, as trafilatura's first match
    does: its label's own element, "Datum:", was the author next (livenet.ch)."""
    byline = (
        "<div class='liveArticleAuthorDateBlock'><span class='liveArticleAuthorDateBlockLabel'>"
        "Datum:</span> 19.11.2021</div>"
    )
    body = [
        "Die Gemeinde hat heute die neue Bibliothek eröffnet, mit mehr als hunderttausend Büchern und Lesesälen. "
    ]
    doc = make_document(
        _html("de", "Neue Bibliothek eröffnet", byline, body),
        html=True,
        uri="https://news.example/de/1",
    )
    assert run_stage(MetadataStage, doc).kept[0].authors == []
