"""Session 46's code review of the boilerplate rules added in session 45 (s46 read): each
test is the reviewer's input that the rule got wrong, and what the rule was made for."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html as lxml_html

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.reflow import reflow_text, unbullet_joined
from corearchive_plugins.boilerplate.structures import (
    _no_article,
    _prose_line,
    article_structures,
    product_grid,
    rating_boxes,
    short_runs,
    spaced_tables,
)


def _clean(run_stage: Any, lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Kept lines and {removed line: reason} of a plain-text page."""
    run = run_stage(BoilerplateStage, make_document("\n".join(lines)), keep_removed=True)
    doc = run.kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    return doc.text.split("\n"), dict(zip(gone["text"], gone["reason"], strict=True))


# F1: a Hindi lead on the Kuki people of Manipur (कुकी) with "policy" (नीति) on its line, a
# Turkish one on snack imports (çerez) with "admitted" (kabul): the text opens with its lead,
# an ad's label under it
_HI = [
    "होम", "देश", "विदेश", "खेल", "मनोरंजन",
    "मणिपुर में कुकी और मैतेई समुदायों के बीच हिंसा पर सरकार की नीति की विपक्ष ने कड़ी आलोचना की "
    "है और शांति वार्ता की मांग की।",
    "विज्ञापन",
    "इंफाल में गुरुवार को हुई बैठक में कुकी संगठनों के प्रतिनिधियों ने कहा कि वे बातचीत के लिए "
    "तैयार हैं, लेकिन सुरक्षा की गारंटी चाहिए।",
    "गृह मंत्रालय के एक अधिकारी ने बताया कि अगले सप्ताह दिल्ली में दोनों पक्षों के साथ अलग-अलग "
    "बैठकें होंगी और राहत शिविरों की स्थिति पर भी चर्चा होगी।",
    "राज्य में पिछले दो वर्षों से जारी हिंसा में अब तक दो सौ से अधिक लोगों की मौत हो चुकी है और "
    "हजारों लोग विस्थापित हुए हैं।",
    "© 2025 समाचार",
]  # fmt: skip
_TR = [
    "Anasayfa", "Gündem", "Ekonomi", "Spor",
    "Ticaret Bakanı, kuruyemiş ve çerez ithalatındaki artışı kabul etti ve fiyatları düşürmek "
    "için yeni önlemler açıkladı.",
    "Reklam",
    "Bakan, Ankara'da düzenlenen basın toplantısında gümrük vergilerinin geçici olarak "
    "indirileceğini ve stokçulukla mücadelenin sürdürüleceğini söyledi.",
    "Sektör temsilcileri ise kararın market raflarına yansımasının birkaç hafta sürebileceğini "
    "belirtti.",
    "Yeni düzenlemenin önümüzdeki ay Resmi Gazete'de yayımlanması bekleniyor.",
    "© 2025 Haber",
]  # fmt: skip


@pytest.mark.parametrize(("page", "lead"), [(_HI, 5), (_TR, 4)], ids=["hi", "tr"])
def test_a_lead_naming_the_kuki_or_snacks_is_no_cookie_notice(run_stage, page, lead):
    """कुकी (the Kuki) and çerez (snacks) name cookies too, and नीति (policy), kabul
    (accept, admit) are any sentence's words: the two on one line were read as a notice,
    and the lead over its ad's label removed (s46 read F1). Only the notice's phrase, the
    noun beside its use or policy, is one; the notices of the languages stay removed
    (test_a_cookie_notice_in_more_languages_over_a_page_is_removed)."""
    kept, removed = _clean(run_stage, page)
    assert page[lead] in kept, removed.get(page[lead])
    from corearchive_plugins.boilerplate import _consent_notice

    assert _consent_notice("Sitemizde çerezler kullanılmaktadır. Ayrıntılar için tıklayın.")
    assert _consent_notice("हम कुकीज़ का उपयोग करते हैं। जारी रखकर आप सहमत होते हैं।")
    assert not _consent_notice("Zgodnie z danymi firmy sprzedaż cookies wzrosła o połowę.")


def test_a_storys_last_paragraph_on_another_companys_cookies_is_kept(run_stage):
    """A story on ad tracking whose last paragraph reports Google's use of cookies, under an
    ad's label and a paragraph that names cookies: the closing notice's rule took the
    paragraph over for a notice's explainer and removed the last one (s46 read F2). A
    closing notice speaks in the site's voice ("we", "this website")."""
    paras = [
        "The European Commission on Tuesday opened an investigation into how large "
        "advertising networks track people across the web, officials in Brussels said.",
        "Investigators will look at whether consent banners give readers a fair choice, and "
        "whether sites share data with partners before anyone clicks a button.",
        "Privacy groups have long argued that tracking cookies are placed the moment a page "
        "loads, long before a reader has agreed to anything.",
        "Advertisement",
        "Google uses cookies to measure how ads perform, the company said in a statement, "
        "adding that it would cooperate fully with the inquiry.",
        "Home | News | Tech | About us | Contact",
        "© 2025 The Courier",
    ]
    kept, removed = _clean(run_stage, ["Brussels opens inquiry into ad tracking", *paras])
    assert paras[4] in kept, removed.get(paras[4])
    # (the site's own notice in that place still goes)
    notice = "This website uses cookies to measure how our articles perform. Read more."
    page = ["Brussels opens inquiry into ad tracking", *paras[:4], notice, *paras[5:]]
    kept, _ = _clean(run_stage, page)
    assert notice not in kept


def test_a_closing_notice_in_italian_speaks_without_its_we(run_stage):
    """A kinds page's imprint (lynx) with the site's notice after its footer: "Utilizziamo
    cookie …" (we use cookies, the pronoun left out) is the site's voice; the first form of
    the F2 fix kept it (kinds lynx k022)."""
    text = (
        "Note legali\n\n   Logistica Porta Nord\n   corso Garibaldi 118\n   67126 Verona\n"
        "   Telefono: +43 243 541749\n   Email: info@example.it\n\n"
        "   Legale rappresentante: Sara Marino\n\n   Sede legale: Lecce\n\n"
        "   Registro delle imprese: RCS 596229\n\n   © 2025 Bruno & Figli\n"
        "     * Privacy policy\n     * Mappa del sito\n     * Note legali\n     * Contatti\n\n"
        "   Torna su\n\n"
        "   Utilizziamo cookie e tecnologie simili per analizzare il traffico e\n"
        "   personalizzare i contenuti. Puoi modificare le tue preferenze in\n"
        "   qualsiasi momento. Maggiori informazioni\n"
        "   (BUTTON) Accetta tutti (BUTTON) Rifiuta\n"
    )
    kept, _ = _clean(run_stage, text.split("\n"))
    assert "Sede legale: Lecce" in kept
    assert not any(s.startswith("Utilizziamo cookie") for s in kept)


def test_a_price_lists_own_words_after_its_prices_are_kept(run_stage):
    """A boat trip's price list: four "who" / "€… per person" pairs have the shape of a
    shop's grid, and the words shared after the price were cut as its button: "€18.50 per
    person" became "€18.50" (s46 read F5). A button is one by its form (lynx's
    "(BUTTON)", glued to the price); the grid's lines are still kept."""
    page = [
        "Summer boat trips on the lake",
        "The boat leaves the harbour every day at ten and at two, and the trip around the "
        "islands takes about ninety minutes, with a stop at the old lighthouse.",
        "Adults", "€18.50 per person", "Children under 12", "€9.00 per person",
        "Seniors", "€14.00 per person", "Groups of ten or more", "€12.50 per person",
        "Tickets can be bought at the kiosk on the pier or on board; dogs travel free of charge.",
    ]  # fmt: skip
    keep, rewrite, _ = product_grid(page)
    assert keep and rewrite == {}
    kept, _ = _clean(run_stage, page)
    assert [s for s in page if "per person" in s] == [s for s in kept if "per person" in s]
    glued = [s.replace(" per person", "Add to cart") for s in page]
    assert sorted(product_grid(glued)[1].values()) == ["€12.50", "€14.00", "€18.50", "€9.00"]


_BOX = ["Share", "Advertisement", "Most read", "Rank", "Story", "Views", "1",
        "Floods close schools", "12,400", "2", "Train fares to rise", "9,800", "3",
        "New bridge opens", "7,100", "4", "Heatwave warning issued", "6,900", "5",
        "Night market moves", "5,200", "About us", "Contact"]  # fmt: skip
_THAI = [
    "กรุงเทพมหานครเตรียมปรับปรุงระบบระบายน้ำในหลายเขต ก่อนเข้าสู่ฤดูฝนปีนี้ เพื่อลดปัญหาน้ำท่วมขังบนถนนสายหลัก",
    "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่า โครงการนี้จะใช้งบประมาณราว 2,000 ล้านบาท และจะเริ่มดำเนินการในเดือนหน้า",
    "นอกจากนี้ยังมีแผนขุดลอกคลองสายสำคัญ และติดตั้งเครื่องสูบน้ำเพิ่มเติมในจุดเสี่ยงกว่า 30 แห่งทั่วเมือง",
    "ประชาชนสามารถแจ้งจุดที่มีน้ำท่วมขังผ่านแอปพลิเคชันของกรุงเทพมหานครได้ตลอด 24 ชั่วโมง",
]
_HINDI = [
    "राजधानी में अगले सप्ताह से नई मेट्रो लाइन पर यात्री सेवा शुरू होगी, जिससे पूर्वी इलाकों के "
    "लोगों को बड़ी राहत मिलेगी।",
    "अधिकारियों ने बताया कि इस लाइन पर कुल बारह स्टेशन होंगे और हर पांच मिनट में एक ट्रेन चलेगी।",
    "परियोजना पर लगभग दो हजार करोड़ रुपये खर्च हुए हैं और इसका काम तीन साल पहले शुरू हुआ था।",
    "यात्री किराया पहले की तरह दूरी के आधार पर तय होगा और स्मार्ट कार्ड से छूट मिलती रहेगी।",
]


@pytest.mark.parametrize("article", [_THAI, _HINDI], ids=["th", "hi"])
def test_a_thai_or_hindi_article_is_one(article):
    """A Hindi article's sentences end with a danda, a Thai one's with no mark: their
    paragraphs were no prose lines, the page one without an article, and a most-read box
    under it kept as the page's table (s46 read F6)."""
    lines = [*article, *_BOX]
    keep = [True] * len(article) + [False] * len(_BOX)
    assert all(map(_prose_line, article))
    assert not _no_article(lines, keep)
    score = [0.9] * len(article) + [0.1] * len(_BOX)
    assert article_structures(lines, keep, score, [False] * len(lines)) == []


#: Thai headlines of 77-80 characters, no space in them, and a menu's row of short runs
_THAI_HEADS = [
    "นายกรัฐมนตรีประกาศมาตรการช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมในภาคเหนือ",
    "กระทรวงสาธารณสุขเตือนประชาชนเฝ้าระวังโรคไข้เลือดออกที่ระบาดหนักในช่วงฤดูฝนนี้",
    "ตลาดหลักทรัพย์แห่งประเทศไทยปิดตลาดปรับตัวเพิ่มขึ้นจากแรงซื้อของนักลงทุนต่างชาติ",
]
_THAI_MENU = "หน้าแรก ข่าว กีฬา บันเทิง เศรษฐกิจ การเมือง ต่างประเทศ ไลฟ์สไตล์ เทคโนโลยี ติดต่อเรา"


def test_thai_headlines_make_no_article():
    """A line of Thai of 60 characters was prose by its length: three kept headlines read as
    a listing's article (s46 midrev46 M9). Prose has runs apart, long ones; a headline has
    one, a menu many short ones."""
    assert all(len(s) >= 60 for s in _THAI_HEADS)
    assert not any(map(_prose_line, [*_THAI_HEADS, _THAI_MENU]))
    assert _no_article(_THAI_HEADS, [True] * 3)


_BRIEF = [
    "Ferry services between the mainland and the islands were cancelled on Friday as winds "
    "of up to 90 miles an hour swept across the west coast.",
    "The operator said sailings would resume once the weather had eased, probably on Sunday "
    "morning.",
    "Police urged drivers to avoid unnecessary journeys and warned of fallen trees on several "
    "roads.",
    "Forecasters expect the wind to ease by Saturday evening, although heavy rain could bring "
    "flooding to low-lying areas.",
]


@pytest.mark.parametrize(
    ("run", "found"),
    [
        (["اسكتلندا", "الطقس", "النقل"], False),
        (["スコットランド", "天気", "交通"], False),
        (["Scotland", "Weather", "Transport"], False),
        (["業務内容", "プロジェクトの計画と調整", "応募資格"], True),
        (["Requirements", "Python 3.9", "5 GB RAM"], True),
    ],
    ids=["ar-tags", "ja-tags", "en-tags", "ja-list", "en-list"],
)
def test_section_tags_without_capitals_are_tags(run, found):
    """The short runs' guard for section tags asked for capitals: Arabic and Japanese tags
    between a brief's paragraphs were kept as a list of the text (s46 read F7). In a script
    without capitals a tag is one or two short words; a list's longer item keeps its run."""
    lines = [*_BRIEF[:2], *run, *_BRIEF[2:]]
    keep = [True, True, *[False] * len(run), True, True]
    got = short_runs(lines, keep, [not k for k in keep])
    assert got == ([2, 3, 4] if found else [])


def test_a_table_with_chinese_cells_aligned_in_columns_is_found():
    """w3m aligns a table's cells in display columns, two a Chinese character: measured in
    characters, a spec table with Chinese labels had no aligned cells (s46 read F9)."""
    rows = [("型号", "Pixel 8"), ("处理器", "Tensor G3"), ("电池容量", "4575 mAh"),
            ("内存", "8 GB"), ("屏幕尺寸", "6.2 英寸"), ("重量", "187 g")]  # fmt: skip
    lines = [k + " " * (14 - 2 * len(k)) + v for k, v in rows]
    assert spaced_tables(lines) == [(0, 6)]
    # (a Latin one, as before)
    assert spaced_tables([f"{k.ljust(14)}{v}" for k, v in (("Model", "Pixel 8"),
            ("Processor", "Tensor G3"), ("Battery", "4575 mAh"))]) == [(0, 3)]  # fmt: skip


def test_a_code_blocks_comments_keep_their_hash_in_a_bulleted_text():
    """lynx marks a list's deeper levels with "#" and "@": read as bullets on any indented
    line of a bulleted text, a tutorial's shell comments lost their "#" (s46 read F10). A
    "#" is a bullet under another mark's item less indented."""
    text = (
        "Install the tools\n\n   * Python 3.11 or later\n   * git\n   * a text editor\n\n"
        "Then run:\n\n    # update the package lists first\n    sudo apt update\n"
        "    # then install the compiler\n    sudo apt install build-essential\n\nThat is all."
    )
    got = reflow_text(text)
    assert got is not None
    assert "    # update the package lists first" in got.text.split("\n")
    assert "    # then install the compiler" in got.text.split("\n")
    assert "Python 3.11 or later" in got.text.split("\n")
    menu = ["     * Staatsregierung", "          + Ministerpräsident", "",
            "                    # Lebenslauf", "                    # Stellung und Aufgaben",
            "                         @ Videos", "   Impressum"]  # fmt: skip
    spans = [(i, i + 1) for i in range(len(menu))]
    assert unbullet_joined(menu, menu, spans) == [
        "Staatsregierung", "Ministerpräsident", "", "Lebenslauf", "Stellung und Aufgaben",
        "Videos", "   Impressum"]  # fmt: skip


def test_a_slide_counter_is_no_rating():
    """A slideshow's counter "2/5" beside its caption, on a page whose markup names a rating
    elsewhere, was made a paragraph of the text as a review's rating (s46 read F15): a
    score alone is one in a box named a rating."""
    page = (
        "<html><body><article><h1>Ten walks in the Alps</h1><div class='gallery'>"
        "<div class='counter'><span>2/5</span></div><p>The path above the lake climbs for two "
        "hours before it reaches the hut, where walkers can stop for lunch.</p></div>"
        "<div class='rating-widget'></div></article></body></html>"
    )
    tree = lxml_html.fromstring(page)
    assert rating_boxes(tree) == []
    assert tree.xpath("//div[@class='counter']")
    scored = lxml_html.fromstring(page.replace("'counter'", "'review-score'"))
    assert rating_boxes(scored) == ["2/5"]


def test_a_subheading_after_related_and_a_dash_is_no_promo(run_stage):
    """ "Related – and just as worrying – …" opens a subheading: the promo's dash form took
    the bare "Related" for a read-also label (s46 read F16). "LIRE AUSSI - …" and
    "Related stories – …" still go."""
    sub = "Related – and just as worrying – the rise in rents across the north"
    page = ["Home | News | Sport", "House prices fall for a third month",
            "House prices fell for the third month in a row in March, the building society "
            "said on Tuesday, as higher mortgage rates kept buyers away.",
            "The average home now costs about 4,000 pounds less than at the peak last summer, "
            "with the sharpest falls in the south east.",
            sub,
            "Rents in Leeds, Manchester and Newcastle rose by more than nine per cent over the "
            "year, as landlords passed on the cost of their own loans.",
            "Tenants' groups said many families were now spending half of their income on rent, "
            "and called on the government to act.",
            "© 2025 The Courier"]  # fmt: skip
    kept, removed = _clean(run_stage, page)
    assert sub in kept, removed.get(sub)
    from corearchive_plugins.boilerplate import _promo

    assert _promo("LIRE AUSSI - Guerre en Ukraine : les dernières infos du front")
    assert _promo("Related stories – Library to extend weekend hours in January")


def _closing(last: str) -> bool:
    """Whether ``last``, the last kept line under a kept table and a removed footer, is
    removed as a closing cookie notice."""
    from types import SimpleNamespace

    import numpy as np

    from corearchive_plugins.boilerplate import _drop_closing_consent_notice

    lines = ["Name | Price | Stock", "Widget A | 10 | 5", "Widget B | 12 | 3", "Home",
             "About", "Contact", "Imprint", last]  # fmt: skip
    keep = np.array([True] * 3 + [False] * 4 + [True])
    d = SimpleNamespace(keep=keep, stripped=lines, why={}, cols=None)
    _drop_closing_consent_notice(d)
    return not bool(d.keep[-1])


@pytest.mark.parametrize(
    "notice",
    [
        "The website uses cookies to improve your experience. By continuing you accept the "
        "privacy policy.",
        "Die Website verwendet Cookies. Mit der weiteren Nutzung stimmen Sie der "
        "Datenschutzerklärung zu.",
        "By continuing to browse the site you are agreeing to the use of cookies. Find out "
        "more in the privacy policy.",
        "This website uses cookies to measure how our articles perform. Read more.",
    ],
)
def test_a_closing_notice_naming_the_site_or_its_reader_goes(notice):
    """A closing notice in the third person ("The website uses cookies", "Die Website") or
    speaking to its reader ("you", "Sie") is the site's, as one with its "we" is; the F2
    fix kept them (s46 midrev46 M4)."""
    assert _closing(notice)


@pytest.mark.parametrize(
    "story",
    [
        "Google uses cookies to measure how ads perform, the company said in a statement, "
        "adding that it would cooperate fully with the inquiry.",
        "The site uses cookies to follow you across the web, according to the regulator, "
        "which will decide on the case in the spring.",
    ],
)
def test_a_storys_report_on_cookies_is_no_closing_notice(story):
    """Reported speech is a story's, even naming a site and its reader (s46 read F2)."""
    assert not _closing(story)
