"""Metadata stage: the s45 multilingual wire-news acceptance findings (W3, W4, W6–W9, W12):
local date forms, tag lists under a copyright line or a share bar, credit lines that are
places/outlets/agencies, non-Latin agency datelines, titles and site names of text pages."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import extract, find_dates, parse_authors
from corearchive_plugins.metadata.wire import credits, split_authors


@pytest.mark.parametrize(
    ("line", "day"),
    [
        # Al Arabiya writes a space before the comma between month and year
        ("نشر في: 12 مارس ,2025: 04:15 م GST", "2025-03-12"),
        ("Publicado el 3 marzo ,2025", "2025-03-03"),
        # NU.nl: day-month-two-digit-year with dashes, a time after it
        ("05-03-25, 07:42", "2025-03-05"),
        ("12-10-24 18:05", "2024-10-12"),
    ],
)
def test_local_date_forms(line: str, day: str) -> None:
    found = find_dates([line])
    assert [str(c["date"]) for c in found] == [day]


@pytest.mark.parametrize("line", ["Tel. 12-03-45", "Bus 10-12-24", "Scores: 3-1-25"])
def test_dashed_two_digit_years_without_a_time_are_not_dates(line: str) -> None:
    # a phone number, a range: no time follows, as on a date line
    assert find_dates([line]) == []


_PARAS = [
    "The city council voted on Tuesday to approve the new bridge budget, after years of delay"
    " and a long debate among residents of the harbour district.",
    "Work on the bridge is expected to begin in the spring and to last for about two years,"
    " the council's spokesperson told reporters after the vote.",
    "Residents said the decision had taken far too long, but welcomed the plan to keep one"
    " lane open for buses during the works.",
]


def _ld_page(ld: str) -> str:
    """An article page with the JSON-LD ``ld`` in its head."""
    return (
        "<html><head><title>Council approves new bridge budget</title>"
        '<meta property="og:site_name" content="Harbour Ledger">'
        f"<script type='application/ld+json'>{ld}</script></head><body><article>"
        "<h1>Council approves new bridge budget</h1>"
        + "".join(f"<p>{p}</p>" for p in _PARAS)
        + "</article></body></html>"
    )


def _page(tail: list[str], between: list[str] | None = None) -> str:
    head = ["Harbour Times", "News", "Council approves new bridge budget", "3 March 2025"]
    return "\n".join([*head, *_PARAS, *(between or []), *tail]) + "\n"


def test_tags_above_a_copyright_sentence() -> None:
    # the footer's notice ends in a full stop: it is no paragraph of the article
    tail = [
        "Topics",
        "Bridges",
        "Harbour council",
        "Transport",
        "Copyright 2025 Harbour Times. All rights reserved. We are not responsible for the"
        " content of external sites.",
    ]
    assert extract(_page(tail))["tags"] == ["Bridges", "Harbour council", "Transport"]


def test_tags_under_a_share_bar_written_a_button_a_line() -> None:
    share = ["Teilen", "Facebook", "X", "WhatsApp", "E-Mail", "Link kopieren"]
    tail = ["Themen", "Brücken", "Stadtrat", "Verkehr", "Anzeige"]
    assert extract(_page(tail, share))["tags"] == ["Brücken", "Stadtrat", "Verkehr"]


@pytest.mark.parametrize(
    "heading",
    ["More on this story", "Leggi anche", "Lees ook", "Veja também", "İlgili Haberler",
     "Berita Terkait", "اقرأ أيضا", "ये भी पढ़ें", "관련 기사", "延伸閱讀"],
)  # fmt: skip
def test_a_related_box_heading_is_no_tag(heading: str) -> None:
    tail = ["Topics", "Bridges", "Transport", heading, "Bus lanes to stay open", "Newsletter"]
    assert extract(_page(tail))["tags"] == ["Bridges", "Transport"]


@pytest.mark.parametrize(
    "label", ["Sujets associés", "Tematy", "관련 태그", "相關標籤", "関連キーワード"]
)
def test_related_tag_labels(label: str) -> None:
    tail = [label, "Bridges", "Transport", "Newsletter"]
    assert extract(_page(tail))["tags"] == ["Bridges", "Transport"]


def test_html_reads_json_ld_keywords(run_stage) -> None:  # type: ignore[no-untyped-def]
    ld = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council'
        ' approves new bridge budget", "keywords": "Bridges, Harbour council, Transport"}'
    )
    html = _ld_page(ld)
    doc = make_document(html, html=True, uri="https://harbour.example/bridge")
    rec = run_stage(MetadataStage, doc).kept[0]
    assert rec.tags == ["Bridges", "Harbour council", "Transport"]


@pytest.mark.parametrize(
    ("lead", "agency"),
    [
        ("МОСКВА, 5 марта. /ТАСС/. Минфин России увеличит продажи валюты.", "TASS"),
        ("МОСКВА, 3 мар — РИА Новости. Курс доллара снизился.", "RIA Novosti"),
        ("ANKARA (AA) - Türkiye'de yıllık enflasyon geriledi.", "Anadolu"),
        ("دبي في 12 مارس/ وام/ أطلق صاحب السمو مبادرة جديدة.", "WAM"),
        ("新华社北京3月5日电 第十四届全国人民代表大会第三次会议开幕。", "Xinhua"),
        ("【北京新華社】全國人大會議今日開幕。", "Xinhua"),
        ("（中央社記者陳家豪台北3日電）立法院今天三讀修正預算法。", "CNA"),
        ("(서울=연합뉴스) 김민수 기자 = 통계청은 5일 소비자물가를 발표했다.", "Yonhap"),
        ("नयी दिल्ली, तीन मार्च (भाषा) मौसम विभाग ने कहा कि गर्मी बढ़ेगी।", "PTI-Bhasha"),
        ("Jakarta (ANTARA) - Badan Pusat Statistik mencatat deflasi.", "ANTARA"),
        ("NEW DELHI, Mar 3 (PTI) The Supreme Court on Monday agreed to hear the plea.", "PTI"),
    ],
)
def test_wire_datelines_of_more_languages(lead: str, agency: str) -> None:
    assert credits(["Headline of the story"], 0, [lead]) == [agency]


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("来源：新华社", "Xinhua"),
        ("Redazione ANSA", "ANSA"),
        ("EUROPA PRESS Madrid", "Europa Press"),
        ("भाषा", "PTI-Bhasha"),
    ],
)
def test_agency_credits_name_no_author(line: str, agency: str) -> None:
    assert split_authors([line]) == ([], [agency])


def test_a_sentence_with_an_agency_in_parentheses_is_no_dateline() -> None:
    assert credits(["Headline"], 0, ["The mayor (AP) said the bridge would open."]) == []


def test_text_credit_under_a_headline_far_down_the_page(run_stage) -> None:  # type: ignore[no-untyped-def]
    menu = ["Le Quotidien", "Actualité", "Politique", "International", "Économie", "Culture"]
    menu += ["Sport", "Abonnez-vous", "Économie › Conjoncture", "Conjoncture"]
    text = "\n".join(
        [*menu, "La BCE baisse de nouveau ses taux", "Par Le Quotidien avec AFP", *_PARAS]
    )
    doc = make_document(text, html=False, uri="https://lequotidien.example/bce")
    rec = run_stage(MetadataStage, doc).kept[0]
    assert rec.annotations["metadata"].get("agencies") == ["AFP"]


def _html_byline(byline: str, site: str = "Harbour Times") -> str:
    return (
        f"<html><head><title>Council approves new bridge budget</title>"
        f"<meta property='og:site_name' content='{site}'></head><body><article>"
        f"<h1>Council approves new bridge budget</h1><div class='byline'>{byline}</div>"
        + "".join(f"<p>{p}</p>" for p in _PARAS)
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "site", "authors"),
    [
        ("记者 王小明 李华", "新华网", ["王小明", "李华"]),
        ("김민수 기자", "연합뉴스", ["김민수"]),
        ("Par Le Figaro avec AFP", "Le Figaro", []),
        ("الجزيرة نت + وكالات", "الجزيرة نت", []),
        ("Redazione ANSA", "ANSA", []),
    ],
)
def test_html_byline_read_as_a_text_byline(
    run_stage, byline: str, site: str, authors: list[str]
) -> None:  # type: ignore[no-untyped-def]
    doc = make_document(_html_byline(byline, site), html=True, uri="https://news.example/a")
    rec = run_stage(MetadataStage, doc).kept[0]
    assert (rec.authors or []) == authors


def test_chinese_reporters_apart_by_spaces_in_text() -> None:
    text = "新华网\n政府工作报告提出今年经济增长目标\n记者 王小明 李华\n" + "\n".join(
        ["报告说，今年将实施更加积极的财政政策，赤字率拟按4%左右安排，比上年提高1个百分点。"] * 3
    )
    assert extract(text)["authors"] == ["王小明", "李华"]


def test_a_dutch_outlets_logo_is_no_byline() -> None:
    text = (
        _page([])
        .replace("3 March 2025", "Door Sanne de Vries en Pieter Bakker\n3 March 2025")
        .replace("Harbour Times", "de Volkskrant")
    )
    assert extract(text)["authors"] == ["Sanne de Vries", "Pieter Bakker"]


_JA = [
    "米国のトランプ大統領は3日、カナダとメキシコからの輸入品に25％の関税を4日に発動すると明らかにした。",
    "関税の発動で北米の自動車産業のサプライチェーンに大きな影響が出るとの懸念が強まっている。",
    "市場では景気減速への警戒感が広がり、3日のニューヨーク株式市場で株価は大幅に値下がりした。",
]


@pytest.mark.parametrize(
    "above",
    [
        # a share bar written one button a line, over the headline
        ["シェア", "X(旧Twitter)", "Facebook", "LINE", "はてなブックマーク"],
        # a two-step breadcrumb under the site's menu
        [
            "東京新聞",
            "ニュース",
            "政治",
            "経済",
            "国際",
            "社会",
            "ホーム",
            "東京新聞 TOKYO Web › 国際",
        ],
    ],
)
def test_text_title_not_a_button_or_a_short_trail(above: list[str]) -> None:
    title = "米、カナダとメキシコに25％関税発動へ　トランプ氏「延期の余地なし」"
    text = "\n".join(["共同通信", *above, title, "2025年3月3日 19:30", *_JA])
    assert extract(text)["title"] == title


_ZH = [
    "（中央社記者陳家豪台北3日電）立法院會今天三讀通過預算法部分條文修正案，未來中央政府總預算案若未能如期審議完成，行政院得依上年度預算執行。",
    "行政院發言人表示，修法內容恐影響政府施政彈性，對此表示遺憾，將審慎評估是否提出覆議。",
    "在野黨團則認為，修法有助於落實國會監督，避免行政部門濫用預算權限。",
]
_ES = [
    "El número de afiliados a la Seguridad Social aumentó en febrero en 100.340 personas.",
    "La ministra ha destacado que el empleo femenino marca nuevos máximos históricos.",
    "Por su parte, el paro registrado bajó en 5.994 personas, la cifra más baja desde 2008.",
]


@pytest.mark.parametrize(
    ("menu", "title", "line", "paras"),
    [
        (["中央社 CNA", "即時", "政治", "國際", "政治"], "立法院三讀修正預算法 行政院表示遺憾",
         "（中央社記者陳家豪台北3日電）", _ZH),
        # (w3m: the site's logo and the byline are the agency's name)
        (["Europa Press", "", "  • Nacional", "", " 1. Economía", " 2. Laboral", ""],
         "La Seguridad Social suma 100.340 afiliados en febrero, su mejor dato desde 2022",
         "\nEuropa Press", ["MADRID, 3 Mar. (EUROPA PRESS) - " + _ES[0], *_ES[1:]]),
    ],
)  # fmt: skip
def test_text_title_not_a_dateline_or_an_agency_alone(
    menu: list[str], title: str, line: str, paras: list[str]
) -> None:
    text = "\n".join([*menu, title, line, "2025/3/3 18:45", "分享", "Facebook", *paras])
    assert extract(text)["title"] == title


_TITLE_PAGES = json.loads((Path(__file__).parent / "data" / "wire45_titles.json").read_text())


@pytest.mark.parametrize("key", sorted(_TITLE_PAGES))
def test_titles_of_the_acceptance_pages(key: str) -> None:
    # the top of the tester's pages (s45 acc-wire W6): a share button, a two-step
    # breadcrumb, a CNA dateline, an agency's byline were their titles
    page = _TITLE_PAGES[key]
    got = extract(page["text"])["title"]
    assert unicodedata.normalize("NFC", got) == unicodedata.normalize("NFC", page["title"])


def test_text_site_name_from_the_logo_the_copyright_holder_names() -> None:
    # no address: the logo over the headline and the footer's holder vouch for each other
    top = ["We use cookies to improve your experience. By continuing you agree to our policy."]
    top += ["Accept", "ZEIT ONLINE", "Politik", "Wirtschaft"]
    text = "\n".join(
        [
            *top,
            "Council approves new bridge budget",
            "3 March 2025",
            *_PARAS,
            "Newsletter",
            "© ZEIT ONLINE 2025",
        ]
    )
    assert extract(text)["site_name"] == "ZEIT ONLINE"


@pytest.mark.parametrize(
    ("keywords", "tags"),
    [
        ('"Bridges, Day: Wednesday, Page Type: Article"', ["Bridges"]),
        ('["Transport", "MA_Abington - abington.wickedlocal.com"]', ["Transport"]),
        ('"' + ", ".join(f"edition {i}" for i in range(30)) + '"', []),
        # (s46 acc-read F13: titles with a colon and brands named by their domain are tags)
        (
            '["Star Wars: The Last Jedi", "Booking.com", "Disney"]',
            ["Star Wars: The Last Jedi", "Booking.com", "Disney"],
        ),
        ('"Covid-19: Impfung, Gesundheit, Berlin"', ["Covid-19: Impfung", "Gesundheit", "Berlin"]),
        # (a CMS's fields, several "Key: value", are no tags)
        ('["Articles", "Time: 20.00", "WC: 2000-2999", "Partner: Factiva"]', ["Articles"]),
        # (s46 acc-regress R9: a CMS's keys by their form, a slug, a machine's name, a
        # generic flag, the site's own name)
        (
            '["Jupiter", "europa plume", "serversidehawk", "videoarticle"]',
            ["Jupiter", "europa plume"],
        ),
        (
            '["Business", "Breaking", "breaking-news", "Popular", "Top-Thema", "Harbour Ledger"]',
            ["Business"],
        ),
    ],
)
def test_json_ld_keywords_not_fields_addresses_or_dumps(
    run_stage, keywords: str, tags: list[str] | None
) -> None:  # type: ignore[no-untyped-def]
    ld = '{"@type": "NewsArticle", "headline": "Council approves", "keywords": ' + keywords + "}"
    html = _ld_page(ld)
    rec = run_stage(MetadataStage, make_document(html, html=True, uri="https://h.example/b")).kept[
        0
    ]
    assert (rec.tags or []) == tags


def test_a_logo_named_by_the_holder_does_not_cut_the_headline() -> None:
    title = "HR Innovation in einer Enterprise 2.0 – Herausforderungen und Chancen"
    text = "\n".join(
        [
            "Wir verwenden Cookies.",
            "HR Innovation",
            "Blog",
            "Themen",
            title,
            "3. März 2025",
            *_PARAS,
            "© 2025 HR Innovation",
        ]
    )
    res = extract(text)
    assert (res["site_name"], res["title"]) == ("HR Innovation", title)


_AR_PAGE = (
    "<html><head><title>القاهرة تستضيف اجتماعا عربيا</title></head><body><article>"
    "<h1>القاهرة تستضيف اجتماعا عربيا لبحث إعادة إعمار غزة</h1>"
    '<div class="info"><div class="byline">القاهرة - أحمد سامي</div></div>'
    "<p>تستضيف العاصمة المصرية القاهرة، الأربعاء، اجتماعا لوزراء الخارجية العرب لبحث الخطة"
    " العربية لإعادة إعمار قطاع غزة.</p><p>وتتضمن الخطة، التي تبلغ كلفتها نحو 53 مليار دولار،"
    " مراحل لإزالة الركام وإعادة بناء البنية التحتية والمساكن على مدى خمس سنوات.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("القاهرة - أحمد سامي", ["أحمد سامي"]),
        ("Berlin - Jane Doe", ["Jane Doe"]),
        # (the name first, its place after: as before)
        ("Mehmet Demir - İstanbul", ["Mehmet Demir"]),
        ("Jane Doe - Staff Writer", ["Jane Doe"]),
        # (a party's short name before its group's: no place, and no person after it)
        ("CDU - Fraktion Erfurt", ["CDU"]),
    ],
)
def test_a_bylines_place_before_a_dash_is_no_author(byline: str, authors: list[str]) -> None:
    """W4: "PLACE - NAME": the one word before the dash was taken for the author."""
    assert parse_authors(byline) == authors


def test_an_html_bylines_place_before_a_dash_is_no_author(run_stage) -> None:
    """W4: the HTML path (trafilatura's author field) gave ['القاهرة'] (Cairo)."""
    doc = run_stage(MetadataStage, make_document(_AR_PAGE, html=True, path="a.html")).kept[0]
    assert doc.authors == ["أحمد سامي"]


_ID_PAGE = """ANTARA News
Ekonomi
BPS: Inflasi Februari 2025 tercatat deflasi 0,09 persen
{byline}
Senin, 3 Maret 2025 11:45 WIB
Jakarta (ANTARA) - Badan Pusat Statistik (BPS) mencatat Indeks Harga Konsumen (IHK) pada \
Februari 2025 mengalami deflasi sebesar 0,09 persen secara tahunan, deflasi pertama \
sejak Maret 2000.
Plt Kepala BPS Amalia Adininggar Widyasanti mengatakan deflasi terutama disebabkan oleh diskon \
tarif listrik sebesar 50 persen yang diberikan pemerintah pada Januari dan Februari.
"""


@pytest.mark.parametrize(
    "byline",
    [
        "Pewarta: Rizky Pratama Editor: Siti Nurhaliza",
        "Wartawan: Rizky Pratama | Editor: Siti Nurhaliza",
        "Reporter: Rizky Pratama",
    ],
)
def test_indonesian_and_malay_reporter_labels_head_a_byline(byline: str) -> None:
    """W4: Antara's "Pewarta:" (reporter) byline gave no author; the editor after it is none."""
    assert extract(_ID_PAGE.format(byline=byline)).get("authors") == ["Rizky Pratama"]


def test_an_html_tag_list_of_numbered_tag_pages_gives_the_tags(run_stage) -> None:
    """W7: a tag list whose links are tag pages by number ("/t/0") gave no tags."""
    html = _AR_PAGE.replace(
        "</article>",
        '<div class="tags"><span>Themen</span><ul><li><a href="/t/0">EZB</a></li>'
        '<li><a href="/t/17">Zinsen</a></li></ul></div></article>',
    )
    doc = run_stage(MetadataStage, make_document(html, html=True, path="a.html")).kept[0]
    assert doc.tags == ["EZB", "Zinsen"]


_LYNX_TEASERS = """[2]lifestyle
[39]Ferris wheel becomes giant Christmas lantern
[40]Meghan McCain: 'The View' hosts aren't 'treated fairly'
[41]Walmart CEO: 'We could go away at any minute'
[42]Amateur MMA fighter dies after brain injury in a bout
[80]CNN
The man whose duvet nearly killed him: How this medical mystery was solved
By Sandee LaMotte, CNN
1 day ago
Washington, DC (CNN) - It began with a cough that would not go away, and after two years \
of tests the doctors had still found nothing that could explain it.
Then a specialist asked the patient about his bedding, and the answer surprised everyone \
in the room.
"""


def test_a_lynx_link_lists_item_is_no_title() -> None:
    """s45 acc-regress R9: on a lynx dump a related story of a list of links ("[41]Walmart
    CEO: …" among "[40]…", "[42]…") was the title over the page's headline."""
    assert extract(_LYNX_TEASERS)["title"] == (
        "The man whose duvet nearly killed him: How this medical mystery was solved"
    )
