# ruff: noqa: E501
"""Metadata of pages in non-Latin scripts (session 50's acceptance test acc-scripts, findings
N5..N10): month names of more languages, titles and bylines of caseless scripts."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import _title_text, extract, find_dates

_BODY = {
    "bg": "Общината обяви, че новата линия ще бъде готова до края на следващата година и ще обслужва над сто хиляди пътници дневно.",
    "ka": "ქალაქის მერიამ განაცხადა, რომ ახალი ხაზი მომავალი წლის ბოლომდე დასრულდება და დღეში ასი ათას მგზავრს მოემსახურება.",
    "hy": "Քաղաքապետարանը հայտարարել է, որ նոր գիծը պատրաստ կլինի հաջորդ տարվա վերջին և օրական կսպասարկի հարյուր հազար ուղևոր։",
    "ta": "புதிய பாதை அடுத்த ஆண்டு இறுதிக்குள் தயாராகும் என்றும் நாள்தோறும் ஒரு லட்சம் பயணிகளுக்கு சேவை செய்யும் என்றும் மாநகராட்சி தெரிவித்தது.",
    "ur": "بلدیہ نے اعلان کیا ہے کہ نئی لائن اگلے سال کے آخر تک تیار ہو جائے گی اور روزانہ ایک لاکھ مسافروں کو سہولت دے گی۔",
    "mr": "नवीन मार्ग पुढील वर्षाच्या अखेरीस तयार होईल आणि दररोज एक लाख प्रवाशांना सेवा देईल, असे महापालिकेने सांगितले.",
    "ar": "أعلنت البلدية أن الخط الجديد سيكون جاهزا بحلول نهاية العام المقبل وسيخدم أكثر من مئة ألف راكب يوميا.",
}


@pytest.mark.parametrize(
    ("lang", "dateline", "want"),
    [
        ("bg", "14 октомври 2025, 09:40", "2025-10-14"),
        ("ka", "3 მარტი, 2025", "2025-03-03"),
        ("ka", "ოქტომბრის 14, 2025", "2025-10-14"),
        ("hy", "7 փետրվարի 2025", "2025-02-07"),
        ("hy", "7 փետրվար 2025", "2025-02-07"),
        ("ta", "9 செப்டம்பர் 2025", "2025-09-09"),
        ("ur", "11 اکتوبر 2025", "2025-10-11"),
        ("mr", "१२ ऑगस्ट २०२५", "2025-08-12"),
        ("ar", "5 أكتوبر/تشرين الأول 2025", "2025-10-05"),
        ("ar", "5 أكتوبر / تشرين الأول 2025", "2025-10-05"),
    ],
)
def test_month_names_of_more_languages(lang: str, dateline: str, want: str) -> None:
    """A date line under the headline, its month in the page's language (N10)."""
    text = f"Headline of the page in its script\n\n{dateline}\n\n{_BODY[lang]}\n"
    assert extract(text)["published"] == want


@pytest.mark.parametrize(
    "dated",
    [
        "令和7年6月1日から、市立図書館の開館時間は午後8時までになります。",
        "2025年6月1日より市立図書館の開館時間を延長する",
        "2025年6月1日 市立図書館の開館時間は午後8時までになります。",
    ],
)
def test_a_sentence_that_starts_with_a_date_holds_no_headline(dated: str) -> None:
    """The rest of a body sentence after its leading date is no headline candidate (N6):
    it continues the sentence (a particle, a comma) or ends with a full stop."""
    assert _title_text(dated, find_dates([dated]), True) is None


def test_a_headline_after_a_date_is_kept() -> None:
    """A headline glued after a date stays a candidate; after a date and a comma too (the
    comma of a sentence going on was Chinese or Japanese only: "12 May 2024, Minister
    resigns …" lost its headline; s50 finalrev_B)."""
    s = "2025年6月1日 市立図書館 開館時間を延長"
    assert _title_text(s, find_dates([s]), True) == "市立図書館 開館時間を延長"
    s = "12 May 2024, Minister resigns over the budget scandal"
    assert _title_text(s, find_dates([s]), False) == "Minister resigns over the budget scandal"


def test_a_dateline_with_a_japanese_clock_is_no_headline() -> None:
    """ "2025年5月20日 9時30分 公開" is a date line, not a headline (N6)."""
    head = "図書館の開館時間が変わります"
    body = "市の教育委員会は、利用者の要望を受けて開館時間の見直しを進めてきたと説明している。"
    text = f"ホーム\n2025年5月20日 9時30分 公開\n{head}\n{body}\n{body}\n"
    assert extract(text)["title"] == head


def test_a_headline_over_a_byline_and_a_place_in_a_caseless_script() -> None:
    """The headline over a bare name and a place line, then the date, is the title, not the
    place (N5: the lines between do not hide the date line from the headline)."""
    head = "কর্ণফুলী নদীর নতুন সেতু আগামী মাসে খুলে দেওয়া হবে"
    lines = [
        "প্রচ্ছদ",
        "সারাদেশ",
        "রাজনীতি",
        "খেলা",
        head,
        "রফিকুল ইসলাম",
        "চট্টগ্রাম",
        "১২ মার্চ ২০২৫",
        "চট্টগ্রামের কর্ণফুলী নদীর ওপর নির্মিত নতুন সেতুটি আগামী মাসে যান চলাচলের জন্য খুলে দেওয়া হবে বলে জানিয়েছে সড়ক ও জনপথ অধিদপ্তর।",
        "সেতুটি চালু হলে শহরের দক্ষিণাঞ্চলের সঙ্গে যোগাযোগ সহজ হবে এবং যানজট অনেকটাই কমবে বলে আশা করছেন স্থানীয় বাসিন্দারা।",
    ]
    assert extract("\n\n".join(lines) + "\n")["title"] == head


def test_a_spaceless_thai_headline_is_a_candidate() -> None:
    """A Thai headline without spaces is no "one-word" line (N5: words counted by letters)."""
    head = "ฝนตกหนักทำให้น้ำท่วมถนนหลายสายในเชียงใหม่"
    lines = [
        "หน้าแรก",
        "ข่าวภูมิภาค",
        head,
        "12 มีนาคม 2568",
        "กรมอุตุนิยมวิทยารายงานว่าฝนตกหนักต่อเนื่องตลอดคืนที่ผ่านมา ทำให้น้ำท่วมขังถนนหลายสายในตัวเมืองเชียงใหม่ และการจราจรติดขัดอย่างหนักในช่วงเช้า",
        "เจ้าหน้าที่เทศบาลได้นำเครื่องสูบน้ำออกมาระบายน้ำในจุดที่ท่วมขัง และแนะนำให้ประชาชนหลีกเลี่ยงเส้นทางดังกล่าว",
        "แท็ก",
        "น้ำท่วม",
    ]
    assert extract("\n\n".join(lines) + "\n")["title"] == head


_PROSE_KO = "시 교육청은 올해 겨울방학 동안 모든 초등학교 도서관을 주민에게 개방하기로 했다고 밝혔다. 개방 시간은 평일 오전 9시부터 오후 6시까지다. "


def _html_ko(head: str, byline: str) -> str:
    return (
        f"<!doctype html><html lang='ko'><head><title>학교 도서관 주민에 개방</title>{head}</head>"
        "<body><article><h1>학교 도서관 주민에 개방</h1>"
        f"{byline}<p>{_PROSE_KO * 3}</p><p>{_PROSE_KO * 2}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "byline"),
    [
        # a byline element whose blocks are the name and its date lines (N8)
        ("", "<div class='byline'><p>등록 2025.03.12 10:20</p><p>이서연 기자</p></div>"),
        ("", "<div class='byline'><p>이서연 기자</p><p>입력 2025.03.12 10:20</p></div>"),
        # a one-word Korean name in the author meta (N8)
        ("<meta name='author' content='이서연'>", "<div class='byline'><p>교육일보</p></div>"),
    ],
)
def test_html_byline_blocks_and_a_cjk_meta_name(run_stage, head: str, byline: str) -> None:
    """The name of a byline element, not its date block's label; a one-word meta name."""
    doc = make_document(_html_ko(head, byline), html=True, uri="https://news.example/ko/1")
    assert run_stage(MetadataStage, doc).kept[0].authors == ["이서연"]


@pytest.mark.parametrize(
    ("byline", "name"),
    [("ผู้เขียน: วิภาวดี แสงทอง", "วิภาวดี แสงทอง"), ("প্রতিবেদক: তানিয়া রহমান", "তানিয়া রহমান")],
)
def test_thai_and_bengali_byline_words(byline: str, name: str) -> None:
    """A byline with Thai's or Bengali's "writer"/"reporter" label gives its name (N7)."""
    lines = [
        "หน้าแรก",
        "ฝนตกหนักทำให้น้ำท่วมถนนหลายสายในเชียงใหม่",
        byline,
        "12 มีนาคม 2568",
        "กรมอุตุนิยมวิทยารายงานว่าฝนตกหนักต่อเนื่องตลอดคืนที่ผ่านมา ทำให้น้ำท่วมขังถนนหลายสายในตัวเมืองเชียงใหม่ และการจราจรติดขัดอย่างหนักในช่วงเช้า",
        "เจ้าหน้าที่เทศบาลได้นำเครื่องสูบน้ำออกมาระบายน้ำในจุดที่ท่วมขัง และแนะนำให้ประชาชนหลีกเลี่ยงเส้นทางดังกล่าว",
    ]
    assert extract("\n\n".join(lines) + "\n")["authors"] == [name]
