from __future__ import annotations

import itertools
import re
import string
from typing import Any

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import CONSENT_REASON, PROMO_REASON, BoilerplateStage, _promo
from corearchive_plugins.boilerplate.reflow import setext_underlines

PARA = (
    "The city council voted on Tuesday to approve a new budget that increases funding for "
    "public schools by twelve percent over the next two years, officials said."
)
PARA2 = (
    "Supporters argued that the money would let districts hire more teachers, reduce class "
    "sizes and repair ageing buildings across the city before the next school year begins."
)


def test_menus_share_and_tag_lists_are_removed(run_stage):
    text = "\n".join(
        [
            "Home",
            "News",
            "Sport",
            "Share",
            PARA,
            "Advertisement",
            PARA2,
            "budget, schools, council, city, education",
            "© 2024 Example News",
        ]
    )
    doc = run_stage(BoilerplateStage, make_document(text), keep_removed=True).kept[0]
    assert doc.text == PARA + "\n" + PARA2
    ann = doc.annotations["boilerplate"]
    assert ann["method"] == "lines" and ann["lines_kept"] == 2
    removed = dict(zip(ann["removed"]["text"], ann["removed"]["reason"], strict=True))
    assert removed["Share"] == removed["Advertisement"] == "boilerplate vocabulary"
    assert "budget, schools, council, city, education" in removed
    assert 0 < ann["kept_share"] < 1
    # columns of equal length, one entry per removed line, indices into the input's lines
    gone = ann["removed"]
    assert len(gone["line"]) == len(gone["reason"]) == len(gone["score"]) == 7
    assert [text.split("\n")[i] for i in gone["line"]] == gone["text"]
    assert all(0 <= s < 0.5 for s in gone["score"])


def test_no_content_is_dropped(run_stage):
    run = run_stage(BoilerplateStage, make_document("Home\nShare\nLog in\nMenu"))
    assert run.kept == [] and run.dropped[0][1].reason == "no_content"


def test_a_text_of_invisible_characters_is_no_content(run_stage):
    # (5,000 lines of zero-width spaces, joiners and byte-order marks were kept as a record)
    text = "\u200b\u200c\u200d\ufeff\u2060\n" * 5000
    run = run_stage(BoilerplateStage, make_document(text))
    assert run.kept == [] and run.dropped[0][1].reason == "no_content"


def test_html_goes_through_trafilatura(run_stage):
    html = (
        f"<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Budget</h1><p>{PARA}</p><p>{PARA2}</p></article>"
        f"<footer>© 2024 Example</footer></body></html>"
    )
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert PARA in doc.text and PARA2 in doc.text and "Home" not in doc.text
    assert doc.annotations["boilerplate"]["method"].startswith("trafilatura")
    assert not doc.is_html


@pytest.mark.skipif(not hasattr(__import__("time"), "tzset"), reason="needs time.tzset")
def test_html_under_a_time_zone_of_24_hours(run_stage, monkeypatch):
    """``TZ=UTC+24`` (glibc takes it): trafilatura's own date settings read the local time
    zone, which Python refuses beyond 24 hours, and every HTML page failed with ValueError
    (s30 locale tester #5)."""
    import time

    from corearchive_plugins.boilerplate import _extractor_of_day as _extractor

    html = f"<html><body><article><h1>Budget</h1><p>{PARA}</p></article></body></html>"
    monkeypatch.setenv("TZ", "UTC+24")
    time.tzset()
    _extractor.cache_clear()
    try:
        run = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html"))
    finally:
        monkeypatch.undo()
        time.tzset()
        _extractor.cache_clear()
    assert not run.failed
    assert PARA in run.kept[0].text


def test_soft_hyphens_leave_the_text_of_html_and_of_text(run_stage):
    # &shy; in a German page kept "Not\xadfall\xaddaten\xadsatz": one word, three terms
    word = "Not&shy;fall&shy;daten&shy;satz"
    html = f"<html><body><article><h1>Budget</h1><p>{word} {PARA}</p><p>{PARA2}</p></article>"
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert "Notfalldatensatz " + PARA in doc.text and "\xad" not in doc.text
    text = make_document(f"Menu\nNot\xadfall\xaddaten\xadsatz {PARA}\n{PARA2}\n")
    assert "\xad" not in text.text  # (as NULs and byte-order marks)
    kept = run_stage(BoilerplateStage, text).kept[0]
    assert "Notfalldatensatz " + PARA in kept.text


def test_html_text_has_no_blank_lines_source_indentation_or_comment_residue(run_stage):
    """trafilatura keeps the spaces of a page's text nodes (for code): a record's text held
    lines of 20 spaces, a date line indented by 37 (s34 acc-regress R6), lines ending in the
    space before a <br> and a stray "-->" (D4). A <pre> block keeps its indentation."""
    html = f"""<html><body><div class="content">
      <div class="info">
          <span class="category">
              Council news:</span>
      </div>
      <h1>Council approves the budget</h1>
      <div class="info"><span class="date">
                     2 June 2020 - 12:09</span>
      </div>
      <div class="main">
         {PARA} {PARA2} <br/> {PARA2} {PARA}<br/> --><br/>
      </div>
    </div></body></html>"""
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    lines = doc.text.split("\n")
    assert "2 June 2020 - 12:09" in lines and PARA in doc.text, lines
    assert all(line.strip() == line and line not in ("", "-->") for line in lines), lines
    code = "def total(values):\n    return sum(values)"
    pre = f"<html><body><article><p>{PARA}</p><pre><code>{code}</code></pre><p>{PARA2}</p>"
    doc = run_stage(BoilerplateStage, make_document(pre, html=True, path="b.html")).kept[0]
    assert code in doc.text, doc.text


def test_a_code_samples_comment_marks_and_indentation_are_its_own(run_stage):
    """Lines of "<!--" and "-->" were dropped from a <pre> code sample as a comment's residue
    (s35 acc-read #3, f3/pre.html); a "<pre" anywhere in the source, here in a comment, kept
    the source's indentation of every line (s35 acc-read #17, f18/r6_comment.html). The
    lines of the page's <pre> blocks keep theirs, the others lose it."""
    code = "&lt;!--\n&lt;nav&gt;\n  &lt;a href='/'&gt;Home&lt;/a&gt;\n&lt;/nav&gt;\n--&gt;"
    html = (
        f"<html><body><article><h1>Commenting out HTML</h1><p>{PARA}</p>"
        f"<pre><code>{code}</code></pre><p>{PARA2}</p></article></body></html>"
    )
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert "<!--\n<nav>\n  <a href='/'>Home</a>\n</nav>\n-->" in doc.text, doc.text
    page = f"""<html><body><div class="content">
      <h1>Council approves the budget</h1>
      <div class="info"><span class="date">
                     2 June 2020 - 12:09</span>
      </div>
      <div class="main">
         {PARA} <br/> {PARA2}
      </div>
    <!-- sidebar widget: <pre> debug output disabled -->
    </div></body></html>"""
    doc = run_stage(BoilerplateStage, make_document(page, html=True, path="b.html")).kept[0]
    lines = doc.text.split("\n")
    assert "2 June 2020 - 12:09" in lines and all(ln == ln.strip() for ln in lines), lines


def test_a_line_of_spaces_in_a_pages_text_is_read_in_linear_time() -> None:
    """Blank lines and comment delimiters were found with spaces around them in the pattern,
    which split a run of n spaces before a letter both ways n² times: 0.8 s for one line of
    20,000 spaces (a padded <pre>: 4 s for the page; s35 acc-read #8)."""
    import time

    from lxml import html as lxml_html

    from corearchive_plugins.boilerplate import _page_lines

    line = " " * 40_000 + "indented_call()"
    tree = lxml_html.fromstring(f"<div><pre>{line}</pre></div>")
    t0 = time.process_time()
    got = _page_lines(f"{line}\n  \n -->\n// -->\n<!--\nThe end.", tree)
    assert time.process_time() - t0 < 0.2
    assert got == f"{line}\nThe end."


def test_a_page_of_which_trafilatura_keeps_next_to_nothing_is_read_by_the_line_model(
    run_stage, monkeypatch
):
    # trafilatura took the wrong element of a page: its text was the site's tagline twice
    # (14 words) for an article of 1,500 characters
    import corearchive_plugins.boilerplate as bp

    monkeypatch.setattr(bp, "_extract", lambda *a, **k: ("Your touchpoint to digital.", None))
    paras = "".join(f"<p>{p} ({n})</p>" for n, p in enumerate((PARA, PARA2) * 4))
    html = f"<html><body><nav><a href='/'>Home</a></nav><div>{paras}</div></body></html>"
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert doc.annotations["boilerplate"]["method"] == "lines-fallback"
    assert PARA in doc.text and PARA2 in doc.text
    # a page with little more text than that keeps trafilatura's
    short = "<html><body><p>Your touchpoint to digital.</p><p>Contact us today.</p></body></html>"
    kept = run_stage(BoilerplateStage, make_document(short, html=True, path="b.html")).kept[0]
    assert kept.text == "Your touchpoint to digital."
    assert kept.annotations["boilerplate"]["method"] == "trafilatura"


def test_an_html_fragment_of_one_element_is_read_as_a_page_body(run_stage):
    # the html field of a dump, a page saved without its head: trafilatura takes a single
    # element without "html" near its start for no HTML, and its text was lost
    for html in (f"<article><p>{PARA}</p><p>{PARA2}</p></article>", f"<div><p>{PARA}</p></div>"):
        res = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html"))
        [doc] = res.kept
        assert PARA in doc.text and doc.annotations["boilerplate"]["method"] == "trafilatura"
    # a fragment with no text at all is still no content
    res = run_stage(BoilerplateStage, make_document("<div><br></div>", html=True, path="b.html"))
    assert not res.kept


def _page(title: str = "Budget vote") -> str:
    return (
        f"<html><head><title>{title} | Example News</title>"
        f"<meta name='author' content='Jane Roe'></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1><p>{PARA}</p><p>{PARA2}</p></article>"
        f"<footer>© 2024 Example</footer></body></html>"
    )


def test_html_tree_and_metadata_are_left_for_later_stages(run_stage):
    from lxml import etree
    from trafilatura.utils import load_html

    html = _page()
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    tree = doc.work["html_tree"]
    # the tree as parsed: extraction worked on a copy (trafilatura prunes what it extracts)
    assert etree.tostring(tree) == etree.tostring(load_html(html))
    assert tree.find(".//nav") is not None
    meta = doc.work["trafilatura_meta"]
    assert meta["title"] == "Budget vote" and meta["author"] == "Jane Roe"
    assert "text" not in meta and "body" not in meta


def test_html_metadata_can_be_turned_off(run_stage):
    doc = run_stage(
        BoilerplateStage, make_document(_page(), html=True, path="a.html"), html_metadata=False
    ).kept[0]
    assert "trafilatura_meta" not in doc.work and "html_tree" in doc.work
    assert PARA in doc.text


def test_threshold_trades_precision_for_recall(run_stage):
    # (a short line in lower case: one in title case between two kept paragraphs is a
    # heading of the text, kept whatever the threshold, s46 acc-data D6)
    text = "\n".join([PARA, "a short line without an end", PARA2])
    loose = run_stage(BoilerplateStage, make_document(text, path="a.txt"), threshold=0.0)
    strict = run_stage(BoilerplateStage, make_document(text, path="b.txt"), threshold=0.95)
    assert len(loose.kept[0].text.splitlines()) == 3
    assert len(strict.kept[0].text.splitlines()) == 2


# ---------------------------------------------------------------- the cleaner's decisions ----
# Small hand-written pages, one per kind of page furniture named in the issue.  Every
# assertion checks a decision of the shipped model (plus its rules) on lines it never saw.

ART = [
    "The regional water authority said on Monday that reservoir levels had fallen to their "
    "lowest point in a decade after three months without significant rain across the valley.",
    "Engineers have begun pumping water from a disused quarry to supply two towns in the north, "
    "and farmers were asked to cut irrigation by a fifth until the end of the month.",
    "“We are asking everyone to take shorter showers and to leave gardens unwatered for now,” "
    "the authority’s director told reporters at a briefing in the town hall.",
    "Forecasters expect light rain later this week, but they warned that it would do little to "
    "refill the reservoirs before the summer, when demand usually peaks.",
]


def _html_doc(run_stage: Any, page: str, **options: Any) -> Any:
    """The kept document of an HTML ``page`` cleaned by the stage with ``options``."""
    return run_stage(
        BoilerplateStage, make_document(page, html=True, path="a.html"), **options
    ).kept[0]


def _clean(run_stage: Any, lines: list[str], **options: Any) -> tuple[list[str], dict[str, str]]:
    """Kept lines and {removed line: reason} of a plain-text page."""
    run = run_stage(BoilerplateStage, make_document("\n".join(lines)), keep_removed=True, **options)
    assert run.kept, run.dropped
    doc = run.kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    removed = dict(zip(gone["text"], gone["reason"], strict=True))
    return doc.text.split("\n"), removed


def test_navigation_menu_is_removed(run_stage):
    menu = ["Home", "World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion"]
    kept, removed = _clean(run_stage, ["Daily Courier", *menu, "Subscribe", *ART])
    assert kept == ART
    assert set(menu) <= set(removed) and "Subscribe" in removed


def test_tag_list_after_the_article_is_removed(run_stage):
    tags = ["Tags", "drought", "water", "farming", "climate", "regional news"]
    kept, _ = _clean(run_stage, ["Drought forces water cuts across the valley", *ART, *tags])
    assert kept[-len(ART) :] == ART
    assert not set(tags) & set(kept)


def test_image_caption_and_credit_are_removed(run_stage):
    caption = "Workers inspect the dry bed of the main reservoir near the northern town"
    credit = "Photo: John Smith/Reuters"
    kept, removed = _clean(
        run_stage,
        ["Drought forces water cuts across the valley", caption, credit, "By Jane Doe", *ART],
    )
    assert set(ART) <= set(kept)
    assert caption in removed and credit in removed


def test_a_deck_under_the_headline_is_no_caption(run_stage):
    # a release's or a story's sub-headline (long, no final punctuation) right under the
    # headline went as an image caption on every text path (s41 acc-press F8: "Vessel cuts
    # fuel costs by up to 70 percent and completes first unmanned berthing at Port of
    # Newark"); a caption sits by a photo's credit (test_image_caption_and_credit_are_removed)
    head = (
        "Valley Water Board Approves the First Emergency Drought Plan for All Twelve Member Towns"
    )
    deck = "Reservoirs fall to their lowest level in twenty years as farmers brace for cuts"
    kept, removed = _clean(run_stage, ["Home", "News", head, deck, "November 3, 2026", *ART])
    assert deck in kept, removed.get(deck)


def test_related_links_block_is_removed(run_stage):
    related = [
        "Related stories",
        "Council approves new budget for road repairs",
        "Farmers fear a second dry summer in a row",
        "Why the river has changed its course",
        "Most read",
        "Local school wins national science award",
        "New bus routes start next month",
    ]
    kept, _ = _clean(run_stage, ["Drought forces water cuts", *ART, *related])
    assert set(ART) <= set(kept)
    assert not set(related) & set(kept)


def test_comment_prompts_and_comments_are_removed(run_stage):
    comments = [
        "12 comments",
        "Leave a comment",
        "You must be logged in to post a comment.",
        "Mark on June 3, 2024 at 9:12 am said:",
        "This is what happens when nobody plans ahead, the same thing happened ten years ago.",
        "Reply",
    ]
    kept, removed = _clean(run_stage, ["Drought forces water cuts", *ART, *comments])
    assert set(ART) <= set(kept)
    header = "Mark on June 3, 2024 at 9:12 am said:"
    for line in ("12 comments", "Leave a comment", "Reply", header):
        assert line in removed, line
    assert "You must be logged in to post a comment." not in kept


def test_one_paragraph_article_survives(run_stage):
    kept, removed = _clean(run_stage, ["Menu", "Search", "Share", ART[0], "Advertisement", "Login"])
    assert kept == [ART[0]]
    assert {"Menu", "Search", "Share", "Advertisement", "Login"} <= set(removed)


def test_page_without_article_is_dropped(run_stage):
    page = "\n".join(
        [
            "Home",
            "News",
            "Sport",
            "Weather",
            "Sign in",
            "Cookie settings",
            "Privacy policy",
            "Terms of use",
            "Contact us",
            "© 2024 Daily Courier. All rights reserved.",
        ]
    )
    run = run_stage(BoilerplateStage, make_document(page))
    assert run.kept == [] and run.dropped[0][1].reason == "no_content"


GERMAN = [
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Sport",
    "Teilen",
    "Der Stadtrat hat am Dienstag einen neuen Haushalt beschlossen, der die Ausgaben für Schulen "
    "in den nächsten zwei Jahren um zwölf Prozent erhöht.",
    "Die Befürworter sagten, mit dem Geld könnten die Bezirke mehr Lehrer einstellen und "
    "marode Gebäude noch vor dem nächsten Schuljahr sanieren.",
    "Mehr zum Thema",
    "Impressum",
    "Datenschutz",
]
FRENCH = [
    "Accueil",
    "International",
    "Économie",
    "Partager",
    "Le conseil municipal a adopté mardi un nouveau budget qui augmente de douze pour cent les "
    "crédits consacrés aux écoles publiques au cours des deux prochaines années.",
    "Selon ses partisans, cet argent permettra aux quartiers d’embaucher davantage "
    "d’enseignants et de rénover des bâtiments vétustes avant la prochaine rentrée.",
    "Lire aussi",
    "Mentions légales",
]


def test_non_english_pages(run_stage):
    for page, body in ((GERMAN, GERMAN[5:7]), (FRENCH, FRENCH[4:6])):
        kept, removed = _clean(run_stage, page)
        assert kept == body, page[0]
        assert set(page) - set(body) == set(removed)


JAPANESE = [
    "ホーム",
    "ニュース",
    "東京都は月曜日、新しい交通計画を発表した。鉄道とバスの路線を全面的に見直すという。",
    "計画によると、来年の春までに駅の周辺に自転車の駐輪場を整備する方針だ。",
    "シェア",
]


#: (body paragraphs of a Chinese and a Turkish page; their furniture words were no cue
#: words, and the advertisement line stayed between the paragraphs: acceptance round s23)
CHINESE = [
    "首页 | 国内 | 国际 | 财经",
    "分享到：微信 微博 QQ空间",
    "政府周二宣布了一系列支持中小企业发展的新措施，包括提供低息贷款、减免部分税费以及简化行政审批程序，以帮助企业应对当前的经济挑战。",
    "广告",
    "相关负责人在新闻发布会上表示，这些措施将在未来三年内逐步实施，预计将惠及全国超过五十万家中小企业。",
    "他指出，政府还将加大对科技创新型企业的扶持力度，鼓励企业加大研发投入，提升核心竞争力。",
]
TURKISH = [
    "Ana Sayfa | Gündem | Ekonomi | Spor",
    "Hükümet salı günü küçük ve orta ölçekli işletmelere yönelik kapsamlı bir destek paketini açıkladı ve paket düşük faizli krediler ile vergi indirimlerini içeriyor.",
    "Reklam",
    "Ekonomi bakanı basın toplantısında yaptığı açıklamada, paketin üç yıl boyunca uygulanacağını ve iki yüz binden fazla şirketi kapsayacağını söyledi.",
    "Bakan, özellikle üretim yapan işletmelere ve teknoloji alanında faaliyet gösteren şirketlere öncelik verileceğini vurguladı.",
]


HEBREW = [
    "ראשי | חדשות | כלכלה | ספורט | תרבות | דעות",
    "שתפו: פייסבוק | וואטסאפ | טוויטר",
    "מליאת הכנסת אישרה הלילה את תקציב המדינה לשנת 2025 ברוב של שישים ושישה חברי כנסת מול חמישים ושניים מתנגדים, לאחר דיון סוער שנמשך שעות ארוכות.",
    "התקציב כולל הגדלה משמעותית של הוצאות הביטחון וקיצוצים במשרדי ממשלה אחרים, לצד העלאת מס ערך מוסף באחוז אחד החל מחודש ינואר.",
    "פרסומת",
    "שר האוצר אמר כי מדובר בתקציב אחראי שנועד להחזיר את היציבות לכלכלה, בעוד שחברי האופוזיציה טענו כי הנטל הוטל בעיקר על מעמד הביניים.",
    "כלכלנים בבנק ישראל הזהירו כי יחס החוב לתוצר צפוי לעלות גם בשנה הבאה, וקראו לממשלה להציג תוכנית רב שנתית להפחתת הגירעון.",
]


HINDI = [
    "होम | देश | विदेश | राज्य | खेल | मनोरंजन | व्यापार",
    "शेयर करें: फेसबुक | ट्विटर | व्हाट्सएप",
    "राजधानी दिल्ली में शुक्रवार सुबह वायु गुणवत्ता सूचकांक चार सौ पचास के पार पहुंच गया, जिसके बाद सरकार ने प्राथमिक स्कूलों को दो दिन के लिए बंद करने का आदेश दिया।",
    "केंद्रीय प्रदूषण नियंत्रण बोर्ड के अनुसार शहर के कई इलाकों में सूक्ष्म कणों का स्तर सुरक्षित सीमा से दस गुना अधिक दर्ज किया गया है।",
    "विज्ञापन",
    "विशेषज्ञों का कहना है कि पड़ोसी राज्यों में पराली जलाने और हवा की धीमी गति के कारण हालात और बिगड़ सकते हैं।",
    "सरकार ने निर्माण कार्यों पर रोक लगा दी है और लोगों से अपील की है कि वे अनावश्यक रूप से घर से बाहर न निकलें।",
]


def test_the_furniture_words_of_more_languages(run_stage):
    """(Hebrew: the model kept its advertisement and share lines, cue words though they
    are now; a line of cue words only is removed by a rule, ``cueonly``. Hindi: its words
    were split at their vowel signs, so none was a cue word.)"""
    for page in (CHINESE, TURKISH, HEBREW, HINDI):
        kept, removed = _clean(run_stage, page)
        body = [ln for ln in page if len(ln) > 40 and "|" not in ln]
        assert kept == body, page[0]
        assert set(page) - set(body) == set(removed)


def test_the_combining_marks_of_every_script_are_inside_words():
    """A vowel sign or tone mark is part of its word in every script, for the line model's
    tokens (the character table) as for its cue phrases (``_TOK``): regex \\w cut Thai,
    Lao, Myanmar and Khmer words at each one ("ข่าว" into "ข" and "าว": the token counts,
    word lengths and lexicon hits of those pages were the pieces', s38 acceptance test #1).
    An emoji's variation selector and a keycap's mark make no token."""
    import unicodedata

    import numpy as np

    from corearchive_plugins.boilerplate import lines

    words = {
        "th": "ข่าวที่เกี่ยวข้อง",  # "related news"
        "lo": "ຂ່າວທີ່ກ່ຽວຂ້ອງ",
        "my": "သတင်းများ",  # "news"
        "km": "ព័ត៌មាន",  # "news"
        "hi": "विज्ञापन",
        "ar": "مُحَمَّد",  # with its vowel points
        "nfd": unicodedata.normalize("NFD", "Café"),
    }
    lex = lines.load_model()["lex"]
    page = [w + " " + w for w in words.values()] + ["\u2764\ufe0f 12", "1\ufe0f\u20e3 one"]
    _, R, *_ = lines._raw_features_many([page], lex)
    assert R[:, 0].tolist() == [2.0] * len(words) + [1.0, 2.0]  # ntok
    for w in words.values():
        assert lines._TOK.findall(w) == [w]
    # one definition: _TOK's marks are the table's word characters, and they are every mark
    # written on a letter in the BMP (categories Mn and Mc), not those written on symbols
    marks = [ord(c) for c in lines._WORD_MARKS]
    assert (lines._CHAR_TABLE[marks] & 128).all()
    every = {
        c
        for c in map(chr, range(65536))
        if unicodedata.category(c) in ("Mn", "Mc")
        and not (0x20D0 <= ord(c) <= 0x20FF or 0xFE00 <= ord(c) <= 0xFE0F)
    }
    assert set(lines._WORD_MARKS) == every
    word = np.flatnonzero(lines._CHAR_TABLE & 128)
    assert all(chr(c).isalnum() or chr(c) in every or c == 95 for c in word.tolist())


#: Two paragraphs of a news page (excerpts of the s38 acceptance tester's pages), a share
#: button and a "read also" label after each (those lines stayed in the text)
SHARE_PAGES = {
    "uk": [
        "У вівторок у Львові після дворічної реконструкції відкрилася центральна бібліотека для дітей, яка тепер має окремий простір для підлітків і зал для занять з робототехніки.",
        "Поділитися",
        "За словами директорки бібліотеки, фонд поповнили майже на вісім тисяч нових книжок українською мовою, значну частину яких передали видавництва та меценати.",
        "Читайте також",
    ],
    "ko": [
        "서울시는 한강을 오가는 수상버스를 내년 봄부터 정식 운항한다고 5일 밝혔다. 수상버스는 마곡에서 잠실까지 일곱 개 선착장을 연결한다.",
        "공유하기",
        '시 관계자는 "출퇴근 시간에는 15분 간격으로 운항해 지하철과 버스의 혼잡을 줄이는 데 도움이 될 것"이라고 설명했다.',
        "관련기사",
    ],
    "fa": [
        "بزرگ\u200cترین کتابخانه عمومی شمال کشور روز سه\u200cشنبه با حضور وزیر فرهنگ و ارشاد اسلامی و جمعی از مسئولان استانی در شهر رشت افتتاح شد.",
        "اشتراک گذاری",
        "این کتابخانه با زیربنای ۸۵۰۰ متر مربع در سه طبقه ساخته شده و بیش از ۲۰۰ هزار جلد کتاب فارسی، عربی و انگلیسی در مخزن آن نگهداری می\u200cشود.",
        "تلگرام",
    ],
    "mr": [
        "पुणे शहरातील मेट्रोच्या नव्या मार्गाचे उद्घाटन मंगळवारी करण्यात आले असून, त्यामुळे शिवाजीनगर ते स्वारगेट हा प्रवास आता केवळ पंधरा मिनिटांत पूर्ण होणार आहे.",
        "शेअर करा",
        "या मार्गावर एकूण पाच स्थानके असून, त्यापैकी तीन स्थानके भूमिगत आहेत. दररोज सुमारे ८०,००० प्रवासी या मार्गाचा वापर करतील, असा अंदाज आहे.",
        "हेही वाचा",
    ],
    "bn": [
        "রাজধানী ঢাকায় মঙ্গলবার মেট্রোরেলের আরও দুটি নতুন স্টেশন যাত্রীদের জন্য খুলে দেওয়া হয়েছে। এর ফলে উত্তরা থেকে মতিঝিল পর্যন্ত পুরো পথে এখন ট্রেন থামবে।",
        "শেয়ার করুন",
        "ঢাকা ম্যাস ট্রানজিট কোম্পানির ব্যবস্থাপনা পরিচালক জানান, প্রতিদিন প্রায় তিন লাখ যাত্রী মেট্রোরেল ব্যবহার করছেন এবং এই সংখ্যা আরও বাড়বে বলে আশা করা হচ্ছে।",
        "আরও পড়ুন",
    ],
}


@pytest.mark.parametrize("lang", sorted(SHARE_PAGES))
def test_share_and_read_also_lines_of_more_languages(run_stage, lang):
    page = SHARE_PAGES[lang]
    kept, removed = _clean(run_stage, page)
    assert kept == page[0::2]
    assert set(removed) == set(page[1::2])


#: A Thai and a Lao news page (written for these tests, in the shape of the s38 acceptance
#: tester's): menu, headline, date, byline, paragraphs, share buttons (inside the Thai
#: article), a related headline under its label, tags, copyright
THAI_PAGE = [
    "หน้าแรก",
    "ข่าวทั่วไป",
    "ต่างประเทศ",
    "กีฬา",
    "นักท่องเที่ยวต่างชาติเดือนมกราคมเพิ่มขึ้นร้อยละสิบสอง",
    "3 กุมภาพันธ์ 2567 เวลา 09:15 น.",
    "โดย วิชัย ศรีสุข",
    "สำนักงานสถิติแห่งชาติเปิดเผยว่าจำนวนนักท่องเที่ยวต่างชาติที่เดินทางเข้าประเทศไทยในเดือนมกราคมเพิ่มขึ้นร้อยละสิบสองเมื่อเทียบกับปีก่อน โดยส่วนใหญ่มาจากจีนและมาเลเซีย",
    "ผู้ประกอบการโรงแรมในภูเก็ตและกระบี่ระบุว่าอัตราการเข้าพักเฉลี่ยสูงกว่าร้อยละแปดสิบ และคาดว่าจะยังคงอยู่ในระดับสูงจนถึงช่วงเทศกาลสงกรานต์",
    "แชร์",
    "เฟซบุ๊ก",
    "ไลน์",
    "ด้านการท่าอากาศยานแห่งประเทศไทยเตรียมเพิ่มเที่ยวบินระหว่างประเทศอีกหลายเส้นทาง เพื่อรองรับความต้องการที่เพิ่มขึ้นในช่วงครึ่งปีแรก",
    "ข่าวที่เกี่ยวข้อง",
    "ราคาน้ำมันดีเซลปรับลดลงห้าสิบสตางค์ต่อลิตร",
    "แท็ก: ท่องเที่ยว, โรงแรม, สถิติ",
    "© 2567 ข่าวเช้าออนไลน์ สงวนลิขสิทธิ์",
]
LAO_PAGE = [
    "ໜ້າຫຼັກ",
    "ຂ່າວພາຍໃນ",
    "ຕ່າງປະເທດ",
    "ກິລາ",
    "ໂຮງໝໍຫຼວງພະບາງເປີດພະແນກໃໝ່ສຳລັບເດັກນ້ອຍ",
    "12 ມີນາ 2024",
    "ກະຊວງສາທາລະນະສຸກລາຍງານວ່າ ໂຮງໝໍແຂວງຫຼວງພະບາງໄດ້ເປີດພະແນກໃໝ່ສຳລັບເດັກນ້ອຍ ເຊິ່ງມີຕຽງນອນຫຼາຍກວ່າຫ້າສິບຕຽງ ແລະ ອຸປະກອນທີ່ທັນສະໄໝ",
    "ທ່ານຫົວໜ້າໂຮງໝໍກ່າວວ່າ ພະແນກນີ້ຈະຊ່ວຍໃຫ້ຄອບຄົວໃນເຂດຊົນນະບົດບໍ່ຈຳເປັນຕ້ອງເດີນທາງໄປນະຄອນຫຼວງວຽງຈັນເພື່ອປິ່ນປົວລູກຫຼານ",
    "ແບ່ງປັນ",
    "ຂ່າວທີ່ກ່ຽວຂ້ອງ",
    "ລາຄານ້ຳມັນໃນນະຄອນຫຼວງວຽງຈັນຫຼຸດລົງ",
    "© 2024 ຂ່າວລາວ",
]


@pytest.mark.parametrize("page", [THAI_PAGE, LAO_PAGE], ids=["th", "lo"])
def test_thai_and_lao_furniture_goes_and_their_paragraphs_stay(run_stage, page):
    """Thai and Lao share buttons and "related news" labels are furniture words (they
    stayed in a Thai page's text, s38 acceptance test #1; one token each only since the
    vowel signs are inside words), and the paragraph after them stays: a line of those
    scripts counts as words of about three letters, not as its few spaced phrases, so a
    paragraph is no short line and a headline is title-like (the related one goes)."""
    kept, _removed = _clean(run_stage, page)
    body = [ln for ln in page if len(ln) > 80]
    assert [ln for ln in kept if len(ln) > 80] == body
    head = page.index(body[0])  # (headline, date, byline: not the body's question)
    assert not set(kept) & set(page[:4] + [ln for ln in page[head:] if len(ln) <= 80])


@pytest.mark.parametrize("n", [1, 2])
def test_a_thai_text_of_a_paragraph_or_two_is_kept(run_stage, n):
    """s40 acc-regress R1: counted in words of its letters, a Thai paragraph read as a line
    of 40 words without a stop word or a sentence end, a list's; a text of one or two of
    them was dropped whole as no_content (the same paragraphs were kept as JSONL or HTML).
    Its stop words are not found among its phrases (their share is taken as prose's), and a
    Thai paragraph ends its sentence without a mark."""
    paras = [
        "สภากรุงเทพมหานครอนุมัติงบประมาณปีหน้าเมื่อวันอังคาร การอภิปรายใช้เวลาหกชั่วโมง"
        " และฝ่ายค้านลงมติไม่เห็นด้วย โรงเรียนจะได้รับเงินเพิ่มสำหรับการซ่อมแซม",
        "กระทรวงสาธารณสุขรายงานว่าจำนวนผู้ป่วยไข้เลือดออกในปีนี้ลดลงจากปีที่แล้วเกือบครึ่งหนึ่ง"
        " เนื่องจากการรณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลายอย่างต่อเนื่องในชุมชน",
    ][:n]
    run = run_stage(BoilerplateStage, make_document("\n\n".join(paras) + "\n"))
    assert run.kept, run.dropped
    assert [ln for ln in run.kept[0].text.split("\n") if ln] == paras


def _feature(rows: list[str], name: str) -> list[float]:
    """The line model's feature ``name`` of each of ``rows``."""
    from corearchive_plugins.boilerplate import lines

    _idx, X = lines.line_features(rows, lines.load_model()["lex"])
    return X[:, lines._FI[name]].tolist()


def test_thai_and_lao_lines_count_words_of_their_letters():
    """A space parts phrases in Thai and Lao, not words: a line of 24+ of their letters counts
    as words of three letters, when that is more than its tokens; a shorter line (a label of
    one cue phrase) and spaced scripts keep their tokens (Chinese: the test below)."""
    from corearchive_plugins.boilerplate import lines

    rows = [
        THAI_PAGE[7],  # a paragraph: 2 tokens
        THAI_PAGE[4],  # a headline: 1 token
        "ข่าวที่เกี่ยวข้อง",  # related news
        LAO_PAGE[7],
        "北京市政府周二宣布，将在今年年底前新建十二座公园，以改善居民的生活环境。",
        "The council approved the budget on Tuesday after a long debate.",
    ]
    ntok = _feature(rows, "ntok")
    letters = [len(lines._NOMARK_LETTERS.findall(r)) for r in rows[:4]]
    assert ntok[:4] == [letters[0] / 3, letters[1] / 3, 1.0, letters[3] / 3]
    assert ntok[0] > 25 and 8 <= ntok[1] <= 25  # not title-like / title-like by length
    assert ntok[5] == 11.0
    titlelike = _feature(rows, "titlelike")
    assert titlelike[0] == 0 and titlelike[1] == 1


#: a Thai menu of ten long section names on one line (s41 acc-read F10)
THAI_MENU = (
    "หน้าแรก ข่าวการเมืองล่าสุด ข่าวเศรษฐกิจการเงิน ข่าวต่างประเทศวันนี้ ข่าวกีฬาฟุตบอล"
    " ข่าวบันเทิงดารา ไลฟ์สไตล์ท่องเที่ยว เทคโนโลยีสารสนเทศ สุขภาพความงาม การศึกษาทั่วไป"
)


def test_a_thai_menu_of_long_items_is_no_paragraph(run_stage):
    """s41 acc-read F10: a Thai navigation line of ten long section names, counted in words
    of three letters, was 42 words with prose's share of stop words and a sentence end: a
    paragraph to the model, kept as the article's first line. Its items, parted by spaces
    and without the function words a paragraph holds, are its words; the paragraphs under
    it are counted as before."""
    from corearchive_plugins.boilerplate import lines

    rows = [THAI_MENU, THAI[2], THAI[3]]
    ntok = _feature(rows, "ntok")
    assert ntok[0] == 10.0
    assert ntok[1:] == [len(lines._NOMARK_LETTERS.findall(r)) / 3 for r in rows[1:]]
    # (the tester's page: the menu, a headline, three paragraphs, a share line)
    body = [
        "รัฐบาลประกาศแผนการลงทุนในโครงสร้างพื้นฐานด้านการขนส่งสาธารณะมูลค่ากว่าหนึ่งแสนล้านบาท"
        " เพื่อพัฒนาระบบรถไฟฟ้าและรถโดยสารประจำทางในกรุงเทพมหานครและปริมณฑล"
        " โดยคาดว่าจะเริ่มก่อสร้างได้ภายในปีหน้า",
        "นายกรัฐมนตรีกล่าวว่าโครงการนี้จะช่วยลดปัญหาการจราจรติดขัดและมลพิษทางอากาศ"
        " ซึ่งเป็นปัญหาสำคัญของเมืองหลวงมาเป็นเวลานาน"
        " และจะสร้างงานให้กับประชาชนหลายหมื่นตำแหน่งในช่วงการก่อสร้าง",
        "นักเศรษฐศาสตร์หลายคนเห็นว่าแผนการลงทุนดังกล่าวจะช่วยกระตุ้นเศรษฐกิจของประเทศในระยะยาว"
        " แต่ก็มีข้อกังวลเรื่องภาระหนี้สาธารณะที่อาจเพิ่มสูงขึ้นในอนาคต",
    ]
    page = [THAI_MENU, "รัฐบาลประกาศแผนลงทุนระบบขนส่งสาธารณะ", *body, "แชร์ Facebook LINE Twitter"]
    kept, removed = _clean(run_stage, page)
    assert THAI_MENU in removed
    assert all(ln in kept for ln in body)


def test_chinese_and_japanese_lines_count_words_of_their_characters():
    """Chinese and Japanese put no space between words: a sentence of 36 Han characters was
    three tokens (its clauses) where its English version has 18 words. A line of 13+ of
    their characters counts as words of 1.6 characters; its stop words are its function
    characters (的, 了, の, に ...), none for a run of headlines. A short label and a Korean
    line (spaced words) keep their tokens."""
    from corearchive_plugins.boilerplate import lines

    rows = [
        "北京市政府周二宣布，将在今年年底前新建十二座公园，以改善居民的生活环境。",
        "東京都は月曜日、新しい交通計画を発表した。鉄道とバスの路線を全面的に見直すという。",
        "河南81家上市公司已复工75家王毅会见越南副总理兼外长范平明",
        "相关新闻",
        "서울시는 화요일 내년부터 모든 시내버스를 전기버스로 바꾸는 계획을 발표했다.",
    ]
    ntok, stop = _feature(rows, "ntok"), _feature(rows, "stop_count")
    han = [len(lines._CJK_LETTERS.findall(r)) for r in rows[:3]]
    assert ntok[0] == han[0] / 1.6 and ntok[2] == han[2] / 1.6
    # (バス is one word in a headline, not in a sentence: test_a_katakana_word_is_one_word)
    assert ntok[1] == han[1] / 1.6
    assert ntok[3:] == [1.0, 9.0]
    assert stop[0] == 3 and stop[1] >= 5  # 在, 以, 的 / は, を, と, の, を ...
    assert stop[2] == 0


def test_a_katakana_word_is_one_word():
    """A run of katakana is a loanword or a name, one word (s42 acc-regress R3): counted at
    1.6 characters a word, a press release's headline of them was 19 words, twice its
    English version, a long line of prose to the model."""
    row = "メイベリン ニューヨーク、ジャパン ブランドサポーターに錦戸 亮が就任！"
    # メイベリン, ニューヨーク, ジャパン, ブランドサポーター, and 7 Han and kana characters
    assert _feature([row], "ntok") == [4 + 7 / 1.6]
    # (but a sentence's loanwords are words of its running text: counted short, a how-to's
    # steps made its article's block shorter and lines of it were lost, s43 acc-regress R7)
    step = "表示されるメニューから「プロパティ」をクリックして、設定を確認します。"
    from corearchive_plugins.boilerplate import lines

    assert _feature([step], "ntok") == [len(lines._CJK_LETTERS.findall(step)) / 1.6]
    # (a sentence that ends inside a quote's or a bracket's close is one too: s44 acc-read
    # F18)
    quoted = "彼はこう言った。「" + step + "」"
    assert _feature([quoted], "ntok") == [len(lines._CJK_LETTERS.findall(quoted)) / 1.6]


#: a Japanese press release (htmldate dev 1649432346, PR TIMES: the release's facts,
#: paragraphs and company profile) over the site's ranking of other releases (headline,
#: company, rank)
JAPANESE_RANKING = [
    "不動産賃貸仲介大手のハウスコム株式会社（所在地：東京都港区 代表取締役社長執行役員：田村 穂 東証一部 コード番号：3275）は、2020年7月1日に岐阜県で岐阜店に続いて2店舗目となる岐阜駅前店（岐阜県岐阜市）を新規オープンしました。この結果、当社直営店は全国 186店舗の体制となりました。",
    "＜新店舗概要＞",
    "岐阜駅前店(ぎふえきまえてん)",
    "住所：〒500-8844",
    "岐阜県岐阜市吉野町5-16 Mビル1階",
    "交通：JR東海道本線 岐阜駅 徒歩1分",
    "営業時間：10:00～18:30 (新型コロナウイルス感染拡大を受け、平日は10:00～18:00の短縮営業を予定)",
    "定休日：水曜日",
    "■ JR東海道本線「岐阜駅」の目の前、名鉄名古屋本線「名鉄岐阜駅」徒歩5分とアクセス抜群！ 岐阜市中心部からスタートするお部屋さがしに便利！",
    "今回オープンする岐阜店はJR東海道本線「岐阜駅」北口ロータリー内の角地の1階。岐阜駅は岐阜県の県庁所在地である岐阜市の中核駅であり、県内随一の繁華街にも至近となっています。",
    "また、名鉄名古屋本線「名鉄岐阜駅」からも徒歩5分圏内のわかりやすい位置にあり、転勤・入学などをきっかけに、他エリアからのお引っ越しを考えるお客様にも訪れやすい立地となっています。",
    "岐阜駅周辺は長良川や金華山も近く身近に自然を感じることができる地域です。また、岐阜市内の主要施設・地域へのアクセスはもちろん、名古屋駅にも約20分で行くことができる、利便性も非常に高い場所となっています。",
    "■ 店舗網を順調に拡大中！全店でオンラインサービス提供！",
    "当社は20年以上前より岐阜県庁に近いエリアに岐阜店を出店しており、岐阜駅からの送迎も行っていますが、今回岐阜駅前への出店となり、さらにさまざまなお客様に対応できるようになりました。",
    "また、WEBカメラでの接客、オンライン内見、IT重説などのオンライン接客の仕組みも全店舗で整っております。新型コロナウイルス感染拡大やその他のご都合でご来店が困難なお客様にもご満足いただけるよう、引き続きさらなる取り組みを進めてまいります。",
    "【ハウスコム株式会社 会社概要】",
    "会社名：ハウスコム株式会社（東証一部 コード番号：3275）",
    "代表者：代表取締役社長執行役員 田村 穂",
    "所在地：〒108-0075 東京都港区港南2-16-1品川イーストワンタワー9階",
    "資本金：4億2,463万円",
    "店舗数：187店舗（直営店186店舗、FC1店舗）2020年6月1日現在",
    "仲介件数：76,856件（2020年3月期）",
    "【リリース発信元】",
    "ハウスコム株式会社 サービス・イノベーション室 森川／相原",
    "TEL：03-6717-6939 FAX：03-6717-6901 URL：https://www.housecom.co.jp/",
    "このプレスリリースには、メディア関係者向けの情報があります。",
    "プレスリリース ランキング",
    "いま話題",
    "今日",
    "今週",
    "今月",
    "「にじさんじ七夕グッズ2020」7月1日(水)12時より発売決定！",
    "いちから株式会社",
    "1",
    "動画の会社を超えて、物語の会社へ。",
    "ワンメディア株式会社",
    "2",
    "キングコング 西野亮廣氏が、株式会社Voicyに株主として参画",
    "株式会社Voicy",
    "3",
    "【株式会社茨城ロボッツ・スポーツエンターテインメント】株主変更並びに増減資による資本増強並びに役...",
    "株式会社茨城ロボッツ・スポーツエンターテインメント",
    "4",
    "メイベリン ニューヨーク、ジャパン ブランドサポーターに錦戸 亮が就任！",
    "日本ロレアル株式会社",
    "5",
    "元サイバーエージェント、元マイクロアドの佐々木誠氏が執行役員COOに就任",
    "株式会社プリンシプル",
    "6",
    "株式会社LARME、シードラウンドにて資金調達を実施。また、株式会社富士山マガジンサービスとの業務提携...",
    "株式会社LARME",
    "7",
    "サントリー緑茶「伊右衛門 特茶（特定保健用食品）」新TV－CM「JUMP」篇 7月1日（水）から全国でオンエ...",
    "サントリー食品インターナショナル株式会社",
    "8",
    "世界初※の144Hz高速大画面を搭載した5G対応のゲーミングスマホ『RedMagic 5』が日本",
    "Nubia Technology Co., Ltd.",
    "9",
    "早稲田大学、世界標準入試システム「The Admissions Office」を採用",
    "株式会社サマデイ",
    "10",
    "【日本製】１日５円の洗える抗菌布マスク！ヤマダ電機に続きビックカメラで販売決定！内側抗菌ガーゼ仕...",
    "宏福商事合同会社",
    "1",
    "88,226 PV / 81,695 UU",
    "「にじさんじ七夕グッズ2020」7月1日(水)12時より発売決定！",
    "いちから株式会社",
    "2",
    "63,771 PV / 60,234 UU",
    "VTuber / バーチャルライバーグループ「にじさんじ」より2名が新たにデビュー！本日より始動！",
]


def test_a_ranking_of_katakana_headlines_is_no_article_text(run_stage):
    """s42 acc-regress R3: the ranking's headlines, counted in words of 1.6 characters, read
    as prose, and the article's block ran over the whole ranking (kept with it: +160 lines
    of the page). A katakana word is one word: the release stays, the ranking goes."""
    kept, _removed = _clean(run_stage, JAPANESE_RANKING)
    at = JAPANESE_RANKING.index("プレスリリース ランキング")
    release = [ln for ln in JAPANESE_RANKING[:at] if len(ln) > 40]
    assert release and all(ln in kept for ln in release)
    headlines = [ln for ln in JAPANESE_RANKING[at + 1 :] if len(ln) > 15 and not ln.isascii()]
    # (all 15 were kept; one ending in "！" still reads as a sentence)
    assert len(headlines) == 15 and len(set(headlines) & set(kept)) <= 1


#: a Chinese sports page (htmldate dev 1500260110): menu, story, its author, then keywords,
#: the previous/next story links and other sports news
CHINESE_PREV_NEXT = [
    "微博|客戶服務|新浪網",
    "首頁",
    "即時",
    "政治",
    "社會",
    "娛樂",
    "國際",
    "兩岸",
    "生活",
    "旅遊",
    "科技",
    "體育",
    "財經",
    "氣象",
    "熱門",
    "獨家",
    "最新雜誌",
    "兩性/書舖",
    "體育新聞 >",
    "北京新浪網",
    "9年來第1次戰勝詹姆斯!NBA歷史第二差紀錄終結",
    "北京新浪網",
    "(2020-01-21 11:12)",
    "分享|",
    "日期:1月21日，凱爾特人在主場以139-107大勝湖人。這是凱爾特人首發控衛肯巴-沃克職業生涯第一次戰勝勒布朗-詹姆斯的球隊。",
    "自從2011年進入NBA之後，肯巴-沃克從未戰勝過詹姆斯。今天這場比賽之前，沃克職業生涯對詹姆斯的戰績是0勝29負（包括全明星賽）。",
    "據統計：NBA歷史上，一名球員對另一名球員的最長全勝紀錄是邁克爾-喬丹對沙曼-道格拉斯（30勝0負）。排在第二的就是詹姆斯對沃克的29勝0負。",
    "很顯然，沃克和凱爾特人今天是憋著一股勁要擊敗詹姆斯。特別是第三節，凱爾特人的一波流讓比賽失去了懸念。",
    "全場比賽，沃克出場30分鐘，13投8中，三分球4投2中，得到20分、7次助攻和4個籃板。凱爾特人用一場酣暢淋漓的大勝終結了沃克職業生涯對詹姆斯全敗的紀錄。",
    "（羅森）",
    "關鍵字：",
    "上一則：騎馬這麼久……其實你的鞍子可能都放錯位置了",
    "下一則：奔波180里后僅得15+13！詹姆斯29連勝被終結",
    "其他體育新聞",
    "更多體育新聞",
    "冰球崛起！為我國奪下首面洛桑冬...",
    "官方！皇馬簽下18歲巴西超新星...",
    "巴薩官方宣布簽下前國米前鋒 違...",
    "2019-2020FIRST ...",
    "NBA／前林書豪好友高富帥嚴重...",
    "官方周最佳:西帝准三雙 卡哇伊...",
    "李澤楷梁洛施分手9年罕見合體 為兒子比賽加油【北京新浪網】",
    "天吶，這居然是李寧！簡直有毒！【北京新浪網】",
    "科比:詹姆斯是湖人是我兄弟,不會去看他超越我【北京新浪網】",
    "新宇宙隊！無敵利物浦刷爆紀錄 刀下斬遍英超18隊【北京新浪網】",
    "梅羅又拼上紀錄了！C羅剛追平 梅西又進球反超【北京新浪網】",
    "更多",
    "北京新浪網 最新體育新聞",
    "更多",
    "中國球迷有牌面！英媒解讀利物浦拜年祝福語",
]


def test_chinese_previous_and_next_links_are_no_article_text(run_stage):
    """s42 acc-regress R3: "上一則：" / "下一則：" (previous / next, a clause of their own before
    the linked headline) are cue words as "previous" and "next" are; the links, read as a
    sentence of 14 words, were kept after the story as its text."""
    kept, removed = _clean(run_stage, CHINESE_PREV_NEXT)
    story = [ln for ln in CHINESE_PREV_NEXT if ln.endswith("。")]
    assert len(story) == 5 and all(ln in kept for ln in story)
    links = [ln for ln in CHINESE_PREV_NEXT if ln.startswith(("上一則", "下一則"))]
    assert len(links) == 2 and all(ln in removed for ln in links)


#: a Chinese news text: two paragraphs, a list of the new line's stations, and a closing
#: paragraph (s40 acc-regress D1)
CHINESE_LIST = [
    "北京地铁新线路今日开通",
    "",
    "北京地铁十七号线北段今天上午正式开通运营，全长约十五公里，共设七座车站。",
    "新线路将大大缩短昌平地区居民进城的时间，预计日均客流可达十万人次以上。",
    "",
    "本线路车站如下：",
    "未来科学城北站",
    "未来科学城站",
    "天通苑东站",
    "太阳宫站",
    "工人体育场站",
    "",
    "地铁公司表示，开通初期的运营时间为每天早上六点至晚上十一点，高峰时段的发车间隔为四分钟左右。",
]


def test_a_chinese_paragraph_after_a_list_is_kept(run_stage):
    """s40 acc-regress D1: the closing paragraph of 46 characters, three tokens to the model,
    was removed as a short line outside the main text block; counted in words of its
    characters it is prose, and it stays with the paragraphs above it."""
    kept, _removed = _clean(run_stage, CHINESE_LIST)
    assert all(ln in kept for ln in CHINESE_LIST if len(ln) > 30)


def test_a_short_page_without_spaces_is_not_taken_for_a_page_without_article(run_stage):
    """The noprose rule (no prose line kept, few words) must not read a Japanese article,
    whose sentences are one or two \\w runs each, as a page without one."""
    kept, removed = _clean(run_stage, JAPANESE)
    assert kept == JAPANESE[2:4]
    assert set(removed) == {"ホーム", "ニュース", "シェア"}


#: A Thai news page: no full stop and few spaces, so no line has 8+ words and a sentence end;
#: the date line ends in "น." (the abbreviation of "o'clock")
THAI = [
    "ฝนตกหนักทำน้ำท่วมหลายพื้นที่ในเชียงใหม่",
    "12 สิงหาคม 2567 เวลา 08:00 น.",
    "กรมป้องกันและบรรเทาสาธารณภัยรายงานว่าฝนตกหนักตลอดคืนทำให้ระดับน้ำในแม่น้ำปิงสูงขึ้นอย่างรวดเร็ว ชาวบ้านหลายร้อยครอบครัวต้องอพยพ",
    "เจ้าหน้าที่ได้นำเรือและรถบรรทุกเข้าช่วยเหลือผู้ที่ติดอยู่ในบ้าน พร้อมแจกอาหารและน้ำดื่มให้ผู้ประสบภัยในอำเภอเมืองและอำเภอสารภี",
    "กรมอุตุนิยมวิทยาคาดว่าฝนจะตกต่อไปอีกสองถึงสามวัน และขอให้ประชาชนริมน้ำติดตามประกาศเตือนภัยอย่างใกล้ชิด",
    "ข่าวที่เกี่ยวข้อง",
    "ราคาน้ำมันปรับขึ้นเป็นสัปดาห์ที่สามติดต่อกัน",
    "แท็ก: น้ำท่วม, เชียงใหม่, ภาคเหนือ",
]


def test_thai_paragraphs_are_prose_though_no_sentence_ends_with_a_mark(run_stage):
    """Thai paragraphs are prose for the rules (measured by letters, not words and a full
    stop): none is taken for a title-like teaser after the article's end (the date line
    ending in "น." was the page's last prose line, so the rule removed every paragraph after
    it), while the related headline and the tag line after the article still are."""
    kept, removed = _clean(run_stage, THAI)
    assert all(ln in kept for ln in THAI[2:5])
    for ln in THAI[6:]:
        assert removed[ln].startswith("title-like teaser"), ln


#: a Thai text's closing paragraphs and wrapped lines: short, none ending with a mark
THAI_SHORT = [
    "กรุงเทพฯ ปรับปรุงระบบระบายน้ำ",
    "",
    THAI[2] + " " + THAI[3],
    "",
    "ชาวบ้านในพื้นที่หลายคนบอกว่ายินดีกับแผนนี้",
    "",
    "แต่กังวลว่างานก่อสร้างจะทำให้การจราจรติดขัดมากขึ้น",
    "",
    "สำนักการระบายน้ำจะเปิดรับฟังความคิดเห็นจากประชาชนในเดือนหน้า",
    "",
    "นอกจากนี้ กรุงเทพมหานครยังจะติดตั้งเครื่องสูบน้ำเพิ่มอีกห้าสิบเครื่อง",
    "ตามจุดที่มีน้ำท่วมขังบ่อยครั้ง",
]


def test_short_thai_lines_under_the_article_are_no_teasers(run_stage):
    """A Thai text's short paragraphs and wrapped lines right under its last long one stay:
    they lack a sentence end as all Thai paragraphs do, and were removed as title-like
    teasers after the article's end once its long lines were prose (s39 acc-regress R1).
    After a label the article left, a related headline still goes (the test above)."""
    kept, removed = _clean(run_stage, THAI_SHORT)
    text = " ".join(kept)
    for ln in THAI_SHORT[2:]:
        assert ln in text, (ln, removed.get(ln))


CLUB_REPORT = [
    "TSV Grünwald 1912 e.V.",
    "Aktuelles",
    "Herren 1 gewinnt Derby gegen Pullach mit 3:1",
    "02.11.2026 | Fußball",
    "Unsere erste Mannschaft hat das Derby gegen den SV Pullach vor 420 Zuschauern verdient mit"
    " 3:1 gewonnen und bleibt damit Tabellenzweiter der Bezirksliga.",
    "Nach einer ausgeglichenen ersten Halbzeit brachte Max Huber unsere Mannschaft in der 38."
    " Minute mit einem Kopfball nach Ecke in Führung. Kurz nach der Pause erhöhte Luca Schmid"
    " auf 2:0.",
    "Pullach kam in der 71. Minute durch einen Foulelfmeter noch einmal heran, doch Jonas Berger"
    " machte in der Nachspielzeit alles klar.",
    "{Q}",
    "Zurück",
    "Unsere Partner",
    "Impressum | Datenschutz",
]


@pytest.mark.parametrize("quote", ["„{}.“", "»{}.«", "‚{}.‘", "“{}.”"])
def test_a_closing_quote_in_german_marks_ends_the_articles_last_sentence(run_stage, quote):
    """A German report whose last paragraph is a quote („…“, »…«, ‚…‘) keeps it: the closing
    mark after the full stop is read as closing the sentence, as ” is in English. Without
    “ ‘ « among the closing marks the paragraph ended in no sentence end and went as a
    title-like teaser after the article's end (s41 acc-press F7)."""
    q = "Trainer Florian Maier: " + quote.format(
        "Die Jungs haben heute über 90 Minuten Moral gezeigt. Ein großes Dankeschön an unsere Fans"
    )
    kept, removed = _clean(run_stage, "\n".join(CLUB_REPORT).replace("{Q}", q).split("\n"))
    assert q in kept, removed.get(q)
    assert "Zurück" not in kept
    # ... and so it does for the structures' and notes' tests of prose (review41 R3)
    from corearchive_plugins.boilerplate import notes, structures

    assert structures._prose(q) and q.endswith(notes._SENTENCE_END)


def test_a_german_closing_quote_ends_a_sentence_only_after_its_end():
    """s42 acc-regress R5: a German closer alone (“ ‘ «, also English and French opening
    quotes) ended "a sentence" in the structures' and notes' tests, and a headline ending on
    a quoted phrase read as prose."""
    from corearchive_plugins.boilerplate import notes, structures

    headline = "Sudan: Erneut Tote auf dem „Weg in die Militärdiktatur“"
    assert not headline.endswith(structures.SENTENCE_END)
    assert not headline.endswith(notes._SENTENCE_END)
    assert "Er sagte: „Wir kommen wieder.“".endswith(structures.SENTENCE_END)
    assert "He said: “We will be back.”".endswith(structures.SENTENCE_END)


def test_a_batch_decides_as_one_page_at_a_time(run_stage, monkeypatch):
    """Pages scored together (the stage's batches) get exactly the decisions, scores and
    reasons they get alone, whatever their neighbours in the batch."""
    from corearchive_plugins.boilerplate import lines

    pages = [
        "\n".join(["Home", "News", "Share", *ART, "Tags: water, drought", "© 2024 Example"]),
        "",  # nothing at all
        "\n\n".join([PARA, "Advertisement", PARA2, "Related: Budget vote delayed"]),
        "\n".join(GERMAN),
        "Menu\nLog in",  # no article
        # no article, but a footer sentence the later stages rank best (the noprose rule)
        "Home\nNews\nSport\nSign in\nContact us\n© 2024 Daily Courier. All rights reserved.",
        "\n".join(FRENCH) + "\nSuivez-nous sur Twitter.",
        ART[0] + "\n" + ART[0] + "\nREAD MORE\n" + ART[1],  # repeats within one page only
        # "İ" lower-cases to two characters: the batch must still line up its positions
        "İSTANBUL\nPaylaş\n" + PARA + "\nİlgili haberler: www.example.com.tr",
        PARA2,
    ]
    batch = lines.decide_many(pages, 0.5)
    # the same batch scored in parts of at most 12 lines (memory's bound; no page is longer)
    monkeypatch.setattr(lines, "_PART_LINES", 12)
    parts = lines.decide_many(pages, 0.5)
    monkeypatch.undo()
    for page, got, part in zip(pages, batch, parts, strict=True):
        alone = lines.decide(page, 0.5)
        for d in (got, part):
            assert d.idx == alone.idx
            assert d.score.tolist() == alone.score.tolist()
            assert d.keep.tolist() == alone.keep.tolist()
            assert d.reasons() == alone.reasons()
    # and through the stage: one run of many documents (split by size into several groups),
    # then each document alone
    import corearchive_plugins.boilerplate as bp

    monkeypatch.setattr(bp, "_BATCH_CHARS", 600)
    docs = [make_document(p, path=f"p{i}.txt") for i, p in enumerate(pages)]
    together = run_stage(BoilerplateStage, docs)
    for i, p in enumerate(pages):
        alone_run = run_stage(BoilerplateStage, make_document(p, path=f"p{i}.txt"))
        mine = [d for d in together.kept if d.source.path == f"p{i}.txt"]
        assert [d.text for d in mine] == [d.text for d in alone_run.kept]
        assert [d.annotations for d in mine] == [d.annotations for d in alone_run.kept]


def test_a_page_longer_than_a_part_is_decided_in_windows(run_stage, monkeypatch):
    """Memory does not grow with a page's lines: a page of more than ``_PART_LINES`` lines
    is scored in windows of as many lines, each as a page of its own, and the stage gives
    one document with every line accounted for."""
    from corearchive_plugins.boilerplate import lines

    one = ["Home", "News", "Share", *ART, "Tags: water, drought", "", "© 2024 Example"]
    page = "\n".join(one * 3)  # three windows, each with a blank line
    monkeypatch.setattr(lines, "_PART_LINES", len(one))
    got = lines.decide(page, 0.5)
    window = lines.decide("\n".join(one), 0.5)
    assert got.lines == page.split("\n")
    assert got.idx == [i + k * len(one) for k in range(3) for i in window.idx]
    assert got.keep.tolist() == window.keep.tolist() * 3
    assert got.reasons() == window.reasons() * 3
    assert got.columns() == tuple(c * 3 for c in window.columns())
    assert got.X is None  # (the feature rows are let go: the reasons are kept)
    out = run_stage(BoilerplateStage, make_document(page, path="long.txt")).kept[0]
    ann = out.annotations["boilerplate"]
    assert ann["lines_in"] == 3 * len(window.idx) == 27
    assert ann["lines_kept"] == 3 * sum(window.keep.tolist())
    assert all(out.text.count(line) == 3 for line in ART) and "Share" not in out.text


def test_html_fallback_to_default_mode_can_be_turned_off(run_stage, monkeypatch):
    import corearchive_plugins.boilerplate as bp

    modes: list[str] = []
    real = bp._extract

    def spy(tree: Any, mode: str, metadata: bool, fast: bool = False) -> Any:
        modes.append(mode)
        return real(tree, mode, metadata, fast)

    monkeypatch.setattr(bp, "_extract", spy)
    page = _page()  # a short article: precision mode keeps under 200 words
    run_stage(BoilerplateStage, make_document(page, html=True, path="a.html"))
    assert modes == ["precision", "default"]
    modes.clear()
    run_stage(BoilerplateStage, make_document(page, html=True, path="b.html"), html_fallback=False)
    assert modes == ["precision"]


def test_html_parse_matches_trafilatura_with_plain_element_classes():
    from lxml import etree
    from lxml.html import HtmlElement
    from trafilatura.utils import load_html as trafilatura_load

    from corearchive_plugins.boilerplate import _extract
    from corearchive_plugins.boilerplate.htmltree import load_html

    form = "<form><input name='q'><label>Find</label></form>"
    html = _page().replace("</article>", form + "</article>")
    ours, theirs = load_html(html), trafilatura_load(html)
    assert etree.tostring(ours) == etree.tostring(theirs)
    # lxml.html would give the form controls their own classes through a Python callback;
    # ours are all plain HtmlElement (trafilatura still takes the tree as it is)
    assert {type(e) for e in ours.iter()} == {HtmlElement}
    assert type(theirs.find(".//input")) is not HtmlElement
    for mode in ("precision", "default", "recall"):
        assert _extract(ours, mode, True) == _extract(theirs, mode, True)
    # what trafilatura refuses, we refuse: no HTML at all
    assert load_html("just some words") is None is trafilatura_load("just some words")
    # bytes in a declared encoding
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>café</p></body></html>"
    tree = load_html(latin.encode("iso-8859-1"))
    assert tree is not None and "café" in tree.text_content()
    # a str is parsed as UTF-8 bytes: the same tree as trafilatura's parse of the str, also
    # when its markup declares another charset; a lone surrogate keeps the str path
    for page in (latin, latin.replace("café", "caf\udce9"), _page().replace("<p>", "<p>€ ")):
        assert etree.tostring(load_html(page)) == etree.tostring(trafilatura_load(page))
    # nesting deeper than libxml2's default limit of 256 levels (unclosed tags repeated):
    # trafilatura's parse stops there and loses the text; ours reads the page
    deep = f"<html><body>{'<div>' * 300}<p>{PARA}</p>{'</div>' * 300}</body></html>"
    assert trafilatura_load(deep) is None or PARA not in trafilatura_load(deep).text_content()
    tree = load_html(deep)
    assert tree is not None and PARA in tree.text_content()


def test_a_deeply_nested_page_keeps_its_article(run_stage):
    deep = f"<html><body>{'<div>' * 400}<p>{PARA}</p><p>{PARA2}</p>{'</div>' * 400}</body></html>"
    out = run_stage(BoilerplateStage, make_document(deep, html=True, path="deep.html")).kept
    assert len(out) == 1 and PARA in out[0].text and PARA2 in out[0].text


def _spy_modes(monkeypatch: Any) -> list[tuple[str, bool]]:
    import corearchive_plugins.boilerplate as bp

    calls: list[tuple[str, bool]] = []
    real = bp._extract

    def spy(tree: Any, mode: str, metadata: bool, fast: bool = False) -> Any:
        calls.append((mode, fast))
        return real(tree, mode, metadata, fast)

    monkeypatch.setattr(bp, "_extract", spy)
    return calls


def test_html_precision_mode_is_fast_unless_asked_to_compare(run_stage, monkeypatch):
    calls = _spy_modes(monkeypatch)
    run_stage(BoilerplateStage, make_document(_page(), html=True, path="a.html"))
    assert calls[0] == ("precision", True)
    # the fallback (default mode) compares with readability and justext
    assert all(not fast for mode, fast in calls[1:])
    calls.clear()
    run_stage(BoilerplateStage, make_document(_page(), html=True, path="b.html"), html_compare=True)
    assert calls[0] == ("precision", False)


def test_html_fallback_skipped_when_the_visible_text_bounds_it(run_stage, monkeypatch):
    calls = _spy_modes(monkeypatch)
    # a short article on a page with much visible furniture: the default mode cannot keep
    # five times precision mode's words, so it is not asked
    item = "<li><a href='/s{}'>Section number {} of the site</a></li>"
    menu = "".join(item.format(i, i) for i in range(40))
    longer = f"<p>{PARA2} Again.</p><p>{PARA} Once more.</p></article>"
    page = _page().replace("<nav>", f"<nav><ul>{menu}</ul>").replace("</article>", longer)
    doc = _html_doc(run_stage, page)
    assert [m for m, _ in calls] == ["precision"]
    assert len(doc.text.split()) < 200  # (short enough for the fallback to be considered)
    assert "html_text" in doc.work and "Section number 7" in doc.work["html_text"]
    # a page with little visible text (text may hide in attributes): the default mode runs
    calls.clear()
    run_stage(BoilerplateStage, make_document(_page(), html=True, path="b.html"))
    assert [m for m, _ in calls] == ["precision", "default"]


def test_a_page_nested_deeper_than_the_parser_reads_keeps_its_text(run_stage):
    # libxml2 stops at 2,048 levels even with huge_tree: five paragraphs inside 100,000
    # <div>s were not in the tree, and the page was dropped as no_content
    paras = "".join(
        f"<p>Paragraph {i} of the council story, which the reporters wrote at length about"
        f" the bridge and the vote on Tuesday evening in the town hall.</p>"
        for i in range(5)
    )
    depth = 5000
    page = f"<html><body>{'<div>' * depth}{paras}{'</div>' * depth}</body></html>"
    doc = make_document(page, html=True, format="html")
    [out] = run_stage(BoilerplateStage, doc).kept
    assert all(f"Paragraph {i} of the council story" in out.text for i in range(5))
    ann = out.annotations["boilerplate"]
    assert ann["method"] == "lines-fallback" and ann["parse_cut"] is True
    shallow = make_document(f"<html><body><div>{paras}</div></body></html>", html=True)
    assert (
        "parse_cut" not in run_stage(BoilerplateStage, shallow).kept[0].annotations["boilerplate"]
    )


def test_html_time_limit_fails_the_page_not_the_run(run_stage, monkeypatch):
    import time

    import corearchive_plugins.boilerplate as bp

    real = bp._extract
    stuck: list[int] = []

    def slow(tree: Any, mode: str, metadata: bool, fast: bool = False) -> Any:
        if "Stuck" in tree.findtext(".//title", ""):
            stuck.append(1)
            # (a page that works, not one that waits: the limit counts CPU time, s49; a
            # spin on the wall clock spent a tenth of it on a loaded machine, and ran past
            # the test's bound before the limit came)
            end = time.thread_time() + 5
            while time.thread_time() < end:
                pass
        return real(tree, mode, metadata, fast)

    monkeypatch.setattr(bp, "_extract", slow)
    docs = [
        make_document(_page("Stuck page"), html=True, path="slow.html"),
        make_document(_page(), html=True, path="fine.html"),
    ]
    t0 = time.thread_time()
    got = run_stage(BoilerplateStage, docs, html_timeout=0.3)
    assert time.thread_time() - t0 < 3
    assert [d.source.path for d in got.kept] == ["fine.html"]
    assert [d.source.path for d, _ in got.failed] == ["slow.html"]
    assert "0.3 s" in got.failed[0][1]
    # the page fails alone in its batch: not run again (it took twice the limit), and the
    # other page is cleaned once
    assert len(stuck) == 1
    assert got.kept[0].annotations["boilerplate"]["method"] == "trafilatura"


def test_html_nested_too_deep_for_trafilatura_is_read_as_its_visible_text(run_stage, monkeypatch):
    # trafilatura walks nested lists and tables by recursion: a page of about a thousand
    # unclosed <ul>s raised RecursionError there (libxml2 keeps 2,048 levels), and the page
    # failed; its html2txt recurses too
    import corearchive_plugins.boilerplate as bp

    def deep(tree: Any, mode: str, metadata: bool, fast: bool = False) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(bp, "_extract", deep)
    html = f"<html><body>{'<ul><li>' * 900}<p>{PARA}</p><p>{PARA2}</p></body></html>"
    run = run_stage(BoilerplateStage, make_document(html, html=True, path="deep.html"))
    assert run.failed == []
    [doc] = run.kept
    assert PARA in doc.text and PARA2 in doc.text
    assert doc.annotations["boilerplate"]["method"] == "lines-fallback"


def test_html_larger_than_the_limit_is_cut(run_stage):
    filler = "<p>" + "Filler paragraph words that keep going on. " * 30 + "</p>"
    page = _page().replace("</article>", "</article>" + filler * 40 + "<p>TAILMARK here</p>")
    doc = _html_doc(run_stage, page, html_max_bytes=4096)
    # the tree is the first 4,096 characters' parse: the article is in it, the tail is not
    text = doc.work["html_tree"].text_content()
    assert PARA[:40] in text and "TAILMARK" not in text


def test_guarded_xpaths_give_the_same_elements():
    from lxml.etree import XPath

    from corearchive_plugins.boilerplate.htmltree import guarded, load_html

    ns = {"re": "http://exslt.org/regular-expressions"}
    tree = load_html(
        "<html><body><div class='author-name'>A</div><div id='x'>B</div><span>C</span>"
        "<p class='byline' id='Author'>D</p><div class=''>E</div></body></html>"
    )
    for src in (
        "//*[re:test(@class, 'author|byline') or contains(@id, 'uth')]",
        "//*[re:test(@id|@class, '^(?:x|byline)$')]",
        "//*[starts-with(@class, 'auth') or re:test(@class, 'x*')]",  # 'x*' matches ''
        "//*[not(re:test(@class, 'author'))]",
    ):
        original = XPath(src, namespaces=ns)
        faster = guarded(original)
        assert faster(tree) == original(tree), src
    assert guarded(XPath("//*[re:test(@class, 'a')]", namespaces=ns)).path == (
        "//*[((@class) and re:test(@class, 'a'))]"
    )
    # a test that is true on the empty string keeps its meaning on elements without it
    empty_true = XPath("//*[re:test(@class, 'x*')]", namespaces=ns)
    assert guarded(empty_true).path == empty_true.path


def test_guarded_xpaths_are_scoped_to_the_block():
    import trafilatura.xpaths as tx

    from corearchive_plugins.boilerplate.htmltree import guarded_xpaths

    before = list(tx.AUTHOR_XPATHS)
    with guarded_xpaths():
        inside = list(tx.AUTHOR_XPATHS)
        with guarded_xpaths():  # nested: still guarded, and once only
            assert list(tx.AUTHOR_XPATHS) == inside
        assert list(tx.AUTHOR_XPATHS) == inside
    assert inside != before and "(@class) and" in inside[0].path
    assert list(tx.AUTHOR_XPATHS) == before
    try:
        with guarded_xpaths():
            raise RuntimeError
    except RuntimeError:
        pass
    assert list(tx.AUTHOR_XPATHS) == before


def _site_docs(texts: list[str], host: str = "news.example.com") -> list[Any]:
    docs = []
    for i, text in enumerate(texts):
        doc = make_document(text, path="crawl.jsonl", format="jsonl")
        doc.source.uri = f"https://{host}/story/{i}"
        docs.append(doc)
    return docs


def _template_page(i: int) -> str:
    body = [
        f"Story {i}: " + PARA.replace("twelve", f"{i + 2} times"),
        "Continue reading below",
        PARA2.replace("teachers", f"{i + 3} teachers"),
    ]
    return "\n".join(["Home", "News", "Share", *body])


def test_site_template_lines_are_removed_when_asked(run_stage):
    """A line that several pages of one site share is template: removed with its reason
    when site_template is on, kept (as the line model decides) when it is off."""
    texts = [_template_page(i) for i in range(4)]
    off = run_stage(BoilerplateStage, _site_docs(texts)).kept
    assert all("Continue reading below" in d.text for d in off)
    on = run_stage(BoilerplateStage, _site_docs(texts), site_template=True, keep_removed=True)
    for doc in on.kept:
        assert "Continue reading below" not in doc.text
        assert PARA2.split(" ")[0] in doc.text  # the article itself stays
        gone = doc.annotations["boilerplate"]["removed"]
        reasons = dict(zip(gone["text"], gone["reason"], strict=True))
        assert reasons["Continue reading below"] == (
            "site template (in 4 of the site's 4 documents in this chunk)"
        )
    # another site's pages, exact copies and too few pages are no evidence
    mixed = _site_docs(texts[:2]) + _site_docs(texts[2:], host="other.example.org")
    copies = _site_docs([texts[0], texts[0], texts[0], texts[1]])
    for docs in (mixed, copies):
        kept = run_stage(BoilerplateStage, docs, site_template=True).kept
        assert all("Continue reading below" in d.text for d in kept)
    two = run_stage(BoilerplateStage, _site_docs(texts), site_template=True, site_template_docs=5)
    assert all("Continue reading below" in d.text for d in two.kept)


def test_site_template_evidence_is_read_on_the_blocks_of_markdown_pages(run_stage):
    """Markdown pages are decided as their blocks: their shared lines are found there too
    (the menu item "[Continue reading below](/more/)" is the line "Continue reading below")."""
    texts = [
        "\n\n".join(
            [
                "  * [Home](/)\n  * [News](/news/)\n  * [Share](/share/)",
                f"Story {i}: " + PARA.replace("twelve", f"{i + 2} times"),
                "[Continue reading below](/more/)",
                PARA2.replace("teachers", f"{i + 3} teachers"),
            ]
        )
        for i in range(4)
    ]
    off = run_stage(BoilerplateStage, _site_docs(texts)).kept
    assert all("Continue reading below" in d.text and "](" not in d.text for d in off)
    on = run_stage(BoilerplateStage, _site_docs(texts), site_template=True, keep_removed=True)
    assert len(on.kept) == 4
    for doc in on.kept:
        assert "Continue reading below" not in doc.text and PARA2.split(" ")[0] in doc.text
        gone = doc.annotations["boilerplate"]["removed"]
        reasons = dict(zip(gone["text"], gone["reason"], strict=True))
        assert reasons["[Continue reading below](/more/)"].startswith("site template")
        assert "boilerplate.reflow" not in doc.work  # (used, not left behind)


def test_site_template_evidence_survives_a_retry_alone(run_stage, monkeypatch):
    """A batch that fails is retried one document at a time: the evidence was gathered for
    the whole chunk first, so the decisions do not change."""
    texts = [_template_page(i) for i in range(4)]
    calls = {"n": 0}
    real = BoilerplateStage.process_batch

    def flaky(self: BoilerplateStage, docs: list[Any]) -> list[Any]:
        calls["n"] += 1
        if len(docs) > 1:
            raise RuntimeError("batch failed")
        return real(self, docs)

    monkeypatch.setattr(BoilerplateStage, "process_batch", flaky)
    kept = run_stage(BoilerplateStage, _site_docs(texts), site_template=True).kept
    assert calls["n"] == 5 and len(kept) == 4
    assert all("Continue reading below" not in d.text for d in kept)


def test_the_shipped_cache_is_a_fresh_build_and_is_used(tmp_path):
    """lines_cache.bin holds what import and load_model would compute (character tables,
    lexicon hash table, tree node arrays): a fresh build must give the same arrays, and its
    stamps must match the model file and the word lists, so that it is actually read."""
    import zlib

    import numpy as np

    from corearchive_plugins.boilerplate import lines

    path = tmp_path / "cache.bin"
    lines.write_cache(path)
    fresh = lines._unpack(zlib.decompress(path.read_bytes()))
    assert fresh.keys() == lines._CACHE.keys()
    for name, a in fresh.items():
        assert a.dtype == lines._CACHE[name].dtype, name
        assert np.array_equal(a, lines._CACHE[name]), name
    with open(lines.MODEL_PATH, "rb") as f:
        assert str(lines._CACHE["model_stamp"]) == lines._model_stamp(f.read())
    assert str(lines._CACHE["tables_stamp"]) == lines._tables_stamp()


def test_the_model_loads_the_same_without_the_cache(monkeypatch):
    """A stale or missing cache is ignored: the arrays are then built, identical."""
    import numpy as np

    from corearchive_plugins.boilerplate import lines

    cached = lines.load_model(lines.MODEL_PATH)
    monkeypatch.setattr(lines, "_CACHE", {})
    monkeypatch.setattr(lines, "_LOADED", {})  # (each file is loaded once per process)
    built = lines.load_model(lines.MODEL_PATH)
    for a, b in zip(cached["stages"], built["stages"], strict=True):
        for k in ("feat", "thr", "val"):
            assert np.array_equal(a["_arrays"][k], b["_arrays"][k])
        assert a["_arrays"]["depth"] == b["_arrays"]["depth"]
        assert a["_arrays"]["ntrees"] == b["_arrays"]["ntrees"]
    for k in ("k", "v", "used"):
        assert np.array_equal(cached["lex"]["table"][k], built["lex"]["table"][k])
    assert np.array_equal(cached["lex"]["pairs"], built["lex"]["pairs"])
    tables = lines._build_tables()  # the module's tables were read from the cache
    assert np.array_equal(tables["t_sent"], lines._SENT_T)
    assert np.array_equal(tables["t_char"], lines._CHAR_TABLE)
    assert np.array_equal(tables["t_lower"], lines._LOWER_T)


def test_fast_precision_extraction_without_spare_copies_is_trafilaturas():
    import trafilatura.core as tc
    from lxml import etree
    from trafilatura import extract

    from corearchive_plugins.boilerplate import _extract
    from corearchive_plugins.boilerplate.htmltree import AttrIndex, load_html, page_xpaths

    comments = "<div id='comments'><p>First! Great post, thanks for sharing it.</p></div>"
    html = _page().replace("</article>", "</article>" + comments)
    tree = load_html(html)
    before = etree.tostring(tree)
    prepare = tc._prepare_tree
    with page_xpaths(AttrIndex(tree)):
        ours, _ = _extract(tree, "precision", False, fast=True)
    theirs = extract(
        html, favor_precision=True, fast=True, include_comments=False, deduplicate=False
    )
    assert ours == theirs and PARA in ours and "First!" not in ours
    assert tc._prepare_tree is prepare  # trafilatura's own function again
    assert etree.tostring(tree) == before  # the shared tree is not cleaned in place


def test_teaser_and_caption_scans_run_only_on_pages_that_name_them():
    # trafilatura scans every extraction's converted tree for teaser and caption blocks; a
    # page none of whose class and id values holds "teaser"/"Teaser" or "caption" has none
    # (cleaning and conversion never write those values): the scans are left out there, and
    # where a value names them the blocks go as in trafilatura's own extraction
    import trafilatura.xpaths as tx
    from trafilatura import extract

    from corearchive_plugins.boilerplate import _extract
    from corearchive_plugins.boilerplate.htmltree import (
        AttrIndex,
        guarded_xpaths,
        load_html,
        page_xpaths,
    )

    teaser = (
        "<div class='Teaser-box'><p>Read our other story about the harbour works now.</p></div>"
    )
    caption = (
        "<div id='img-caption'><p>The harbour at dawn, seen from the old lighthouse.</p></div>"
    )
    plain = _page()
    named = plain.replace("</p><p>", f"</p>{teaser}{caption}<p>")
    lists = ("TEASER_DISCARD_XPATH", "DISCARD_IMAGE_ELEMENTS")
    for html, n in ((plain, 0), (named, 1)):
        tree = load_html(html)
        with guarded_xpaths(), page_xpaths(AttrIndex(tree)):
            assert [len(getattr(tx, name)) for name in lists] == [n, n]
            ours, _ = _extract(tree, "precision", False, fast=True)
        theirs = extract(
            html, favor_precision=True, fast=True, include_comments=False, deduplicate=False
        )
        assert ours == theirs and PARA in ours
        assert "harbour" not in ours  # (the teaser and the caption went)
    assert [len(getattr(tx, name)) for name in lists] == [1, 1]  # (restored)


def test_html_repair_is_trafilaturas():
    from trafilatura.utils import INVALID_XML_CHARS
    from trafilatura.utils import repair_faulty_html as theirs

    from corearchive_plugins.boilerplate.htmltree import _INVALID_XML_CHARS, repair_faulty_html

    # the character list is trafilatura's class, exactly
    assert [c for c in map(chr, range(0x10000)) if INVALID_XML_CHARS.match(c)] == list(
        _INVALID_XML_CHARS
    )
    pages = [
        _page(),
        "<!DOCTYPE html/>\n<html><body><p>a\x00b\x0bc\ufffe</p></body></html>",
        "<html/>\n<body><p>x</p></body>",
        "<p>\x1f only a paragraph</p>",
    ]
    for page in pages:
        assert repair_faulty_html(page, page[:50].lower()) == theirs(page, page[:50].lower())


def test_a_huge_line_is_read_in_part_and_kept_whole(run_stage, monkeypatch):
    """The features read at most a budget of characters of a page (each line up to its
    share): a page far over it (a 10 MB line took 800 MB) is decided as its lines cut to the
    share would be, and what is kept is the whole line."""
    import numpy as np

    from corearchive_plugins.boilerplate import lines

    monkeypatch.setattr(lines, "_FEATURE_CHARS", 20_000)
    monkeypatch.setattr(lines, "_MIN_LINE_CHARS", 2_000)
    huge = " ".join([PARA, PARA2] * 150)  # ~50,000 characters on one line
    page = ["Home", "News", huge, "Share", "© 2024 Example News"]
    cap = 20_000 // len(page)
    m = lines.load_model()
    idx, rows, hashes, *_ = lines._raw_features_many([page], m["lex"])
    cut_idx, cut_rows, cut_hashes, *_ = lines._raw_features_many(
        [[x[:cap] for x in page]], m["lex"]
    )
    assert idx == cut_idx and np.array_equal(rows, cut_rows)
    assert np.array_equal(hashes, cut_hashes)
    # a page under the budget is read whole: its rows are not those of the cut lines
    small = ["Home", "News", huge[:15_000], "Share"]
    _, whole_rows, *_ = lines._raw_features_many([small], m["lex"])
    _, small_cut_rows, *_ = lines._raw_features_many([[x[:cap] for x in small]], m["lex"])
    assert not np.array_equal(whole_rows, small_cut_rows)
    doc = run_stage(BoilerplateStage, make_document("\n".join(page))).kept[0]
    assert doc.text == huge


def test_character_class_counts_per_line_follow_the_class_table():
    """The per-line class counts (letters from the tokens' lengths, the rare classes at
    their positions) equal a count of every character's class in the table, on lines mixing
    capitals, digits, "_", superscripts, CJK, Greek, combining marks and astral characters."""
    from corearchive_plugins.boilerplate import lines

    page = [
        "Hello World_2024 ² déjà-vu, ΑΘΗΝΑ αθήνα",
        "北京 東京 서울 and 3 more: “quoted” | sep",
        "e\u0301te\u0301 naïve CAFÉ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 x_y_z 42",
        "____ 1234 ,,,, ----",
        "plain lower case words only",
    ]
    R = lines._raw_features(page, lines.load_model()["lex"])[1]
    col = {name: i for i, name in enumerate(lines.RAW_NAMES)}
    for row, line in zip(R, page, strict=True):
        cls = [int(lines._ALL_T[min(ord(c), 65535)]) for c in line]
        letters = sum(c & 1 for c in cls)
        upper = sum(1 for c in cls if c & 2)
        digits = sum(1 for c in cls if c & 4)
        cjk = sum(1 for c in cls if c & 8)
        assert row[col["upper_ratio"]] == upper / max(letters, 1.0)
        assert row[col["cjk_ratio"]] == cjk / max(letters, 1.0)
        assert row[col["digit_ratio"]] == digits / len(line)
    # the shortcuts the counts rely on hold for every code point of the table
    T = lines._ALL_T
    assert (((T & 0x7E) == 0) | (T >= lines._T_RARE)).all()  # rare classes are marked
    assert (((T & 1) == 0) | ((T & 128) != 0)).all()  # letters are \w characters
    assert lines._DIGITS_RARE


def test_stage2_ranks_order_ties_by_line_within_each_document():
    """p1's rank within its document (stage 2), ties in line order, as np.lexsort gives it,
    for documents of a batch with equal scores inside and across documents."""
    import numpy as np

    from corearchive_plugins.boilerplate import lines

    rng = np.random.default_rng(3)
    sizes = [5, 1, 0, 9, 4]
    rb = np.concatenate(([0], np.cumsum(sizes)))
    n = int(rb[-1])
    p1 = rng.choice([0.1, 0.5, 0.7, 0.9], n)  # many ties
    X = rng.random((n, lines._NF))
    rank = lines._NF + lines.STAGE2_NAMES.index("p1_rank")
    got = lines._stage2_rows(X, p1, rb, np.arange(n))[:, rank]
    for a, b in itertools.pairwise(rb.tolist()):
        order = np.lexsort((p1[a:b],))  # stable: ties in line order
        want = np.empty(b - a)
        want[order] = np.arange(b - a) / max(b - a - 1, 1)
        assert got[a:b].tolist() == want.tolist()


def test_any_of_expressions_become_unions_with_the_same_nodes():
    from lxml.etree import XPath

    from corearchive_plugins.boilerplate.htmltree import _as_union, load_html

    tree = load_html(
        "<html><body><div class='teaser'><p class='teaser'>a</p><span id='x'>b</span></div>"
        "<section class='Teaser'>c</section><p>d</p><div><p class='teaser'>e</p></div>"
        "</body></html>"
    )
    src = (
        ".//*[self::div or self::p or self::section]"
        "[contains(translate(@class, 'T', 't'), 'teaser')]"
    )
    original = XPath(src)
    union = _as_union(original)
    assert union.path.count("|") == 2 and union.path.startswith(".//div[")
    assert union(tree) == original(tree) and len(original(tree)) == 4  # document order too
    # a positional test is left alone (a position among other siblings)
    positional = XPath(".//*[self::div or self::p][@class][1]")
    assert _as_union(positional) is positional


def test_basic_cleaning_is_guarded_and_skips_the_cookie_part_when_nothing_can_match():
    import importlib

    from trafilatura.settings import BASIC_CLEAN_XPATH

    from corearchive_plugins.boilerplate.htmltree import (
        AttrIndex,
        guarded_xpaths,
        load_html,
        page_xpaths,
    )

    baseline = importlib.import_module("trafilatura.baseline")  # (the module, not the function)
    plain = load_html(
        "<html><body><aside>x</aside><div class='site-footer'>f</div><p class='a'>t</p>"
        "<script>s</script></body></html>"
    )
    banner = load_html(
        "<html><body><div class='Cookie-Banner'>We use cookies</div><p>t</p></body></html>"
    )
    with guarded_xpaths():
        assert baseline.BASIC_CLEAN_XPATH is not BASIC_CLEAN_XPATH
        guarded = baseline.BASIC_CLEAN_XPATH
        for tree in (plain, banner):
            with page_xpaths(AttrIndex(tree)):
                active = baseline.BASIC_CLEAN_XPATH
                assert active(tree) == BASIC_CLEAN_XPATH(tree)
                # no value can match the cookie regexes: the part is left out
                assert ("cookie" in active.chosen.path) == (tree is banner)
            assert baseline.BASIC_CLEAN_XPATH is guarded
    assert baseline.BASIC_CLEAN_XPATH is BASIC_CLEAN_XPATH
    assert [e.get("class") for e in BASIC_CLEAN_XPATH(banner)] == ["Cookie-Banner"]


def test_faster_justext_gives_justexts_paragraphs():
    import copy
    import importlib

    from justext.core import ParagraphMaker, classify_paragraphs, revise_paragraph_classification
    from justext.utils import normalize_whitespace as theirs
    from trafilatura.baseline import basic_cleaning
    from trafilatura.external import jt_stoplist_init, try_justext

    from corearchive_plugins.boilerplate.htmltree import (
        faster_justext,
        load_html,
        normalize_whitespace,
    )

    for s in ["", " ", "a \n\t b", "a\x0b\x0cb", "x\r\n\u2028 y\x85z", "\xa0 a  b \u3000"]:
        assert normalize_whitespace(s) == theirs(s), repr(s)
    html = _page().replace(
        "</article>", "</article><ul><li><a href='/x'>Home</a></li><li>News</li></ul>"
    )
    tree = basic_cleaning(copy.deepcopy(load_html(html)))
    stoplist = jt_stoplist_init()

    def paragraphs() -> list[tuple[Any, ...]]:
        ps = ParagraphMaker.make_paragraphs(tree)
        classify_paragraphs(ps, stoplist, 50, 150, 0.1, 0.2, 0.25, True)
        revise_paragraph_classification(ps, 150)
        return [(p.text, p.class_type, p.dom_path, p.xpath, p.tags_count) for p in ps]

    external = importlib.import_module("trafilatura.external")
    before = paragraphs()
    with faster_justext():
        assert paragraphs() == before
        assert hash(external.JT_STOPLIST) == hash(stoplist)
        faster = try_justext(tree, None, None)
    assert external.JT_STOPLIST is stoplist  # trafilatura's own tuple again
    # the list made in bulk when trafilatura has none yet: the same words, jusText's set
    from justext.core import define_stoplist

    from corearchive_plugins.boilerplate.htmltree import _all_stoplists

    words, lowered = _all_stoplists()
    assert sorted(words) == sorted(stoplist)
    assert lowered == define_stoplist(stoplist)
    external.JT_STOPLIST = None
    try:
        with faster_justext():
            assert [p.text for p in try_justext(tree, None, None)] == [p.text for p in faster]
            assert sorted(external.JT_STOPLIST) == sorted(stoplist)  # (in another order)
            assert (
                importlib.import_module("justext.core").define_stoplist(external.JT_STOPLIST)
                is lowered
            )
    finally:
        external.JT_STOPLIST = stoplist
    assert [p.text for p in faster] == [p.text for p in try_justext(tree, None, None)]
    assert any(PARA[:30] in (p.text or "") for p in faster)


def _seq_reference(sq, X, p1, p2, sizes):
    """The sequence layer written out plainly: per document, line by line, zero beyond its
    edges (what research/boilerplate/v10_seq.py trains with PyTorch's Conv1d; the runtime computes
    on a grid of 2**-18, hence the tolerance)."""
    import numpy as np

    out, a = [], 0
    for n in sizes:
        x = np.concatenate(
            [
                X[a : a + n, : sq["nfeat"]],
                sq["l1"][a : a + n, None] / 4,
                sq["l2"][a : a + n, None] / 4,
            ],
            axis=1,
        )
        z = (x - sq["mu"]) / sq["sd"]
        z = np.clip(z, -6.0, 6.0)
        h = np.maximum(z @ sq["W"] + sq["b"], 0.0)
        for d, w, b in sq["convs_ref"]:  # w: (C_out, C_in, K) as torch holds it
            K = w.shape[2]
            o = np.zeros_like(h)
            for t in range(n):
                acc = b.copy()
                for j in range(K):
                    s = t + (j - K // 2) * d
                    if 0 <= s < n:
                        acc += w[:, :, j] @ h[s]
                o[t] = np.maximum(acc, 0.0)
            h = h + o
        zz = h @ sq["w_out"] + sq["b_out"] + sq["alpha"] * sq["l2"][a : a + n]
        out.append(1 / (1 + np.exp(-zz)))
        a += n
    return np.concatenate(out)


def test_the_sequence_layer_is_a_per_document_convolution():
    """lines._seq_scores (all documents of a batch at once, standardisation folded into the
    first layer, a clip correction for the columns that need it) gives what the layer's plain
    definition gives for each document alone."""
    import numpy as np

    from corearchive_plugins.boilerplate import lines

    rng = np.random.default_rng(5)
    sizes = [5, 1, 0, 9, 4, 30]
    rb = np.concatenate(([0], np.cumsum(sizes)))
    n, nf, C = int(rb[-1]), 6, 4
    X = rng.normal(size=(n, lines._NF))
    X[3, 2] = 500.0  # far outside +-6 standard deviations: the clip must apply
    p1, p2 = rng.random(n), rng.random(n)
    mu = np.concatenate([rng.normal(size=nf), [0.0, 0.0]])
    sd = np.concatenate([rng.random(nf) + 0.5, [1.0, 1.0]])
    # (small weights, as trained ones are: the runtime's grid error stays below the tolerance)
    W, b = rng.normal(size=(nf + 2, C)) * 0.3, rng.normal(size=C) * 0.3
    convs_ref = [(d, rng.normal(size=(C, C, 3)) * 0.2, rng.normal(size=C)) for d in (1, 2)]
    cols = [2, 4]
    net = {
        "w_in": (W / sd[:, None]).tolist(),
        "b_in": (b - (mu / sd) @ W).tolist(),
        "clip_w": W[cols].tolist(),
        "convs": [
            {"dil": d, "w": w.transpose(2, 1, 0).tolist(), "b": bb.tolist()}
            for d, w, bb in convs_ref
        ],
        "w_out": rng.normal(size=C).tolist(),
        "b_out": 0.3,
        "alpha": 0.8,
    }
    shared = {
        "nfeat": nf,
        "clip_cols": cols,
        "clip_mu": mu[cols].tolist(),
        "clip_sd": sd[cols].tolist(),
        "mix": 0.5,
    }
    sq = dict(shared, nets=[net])
    got = lines._seq_scores(lines._seq_prepare(sq), X, p1, p2, rb)
    ref = dict(
        net, mu=mu, sd=sd, W=W, b=b, convs_ref=convs_ref, l1=lines._logit(p1), l2=lines._logit(p2)
    )
    ref["w_out"], ref["nfeat"] = np.asarray(net["w_out"]), nf
    want = _seq_reference(ref, X, p1, p2, sizes)
    assert np.allclose(got, want, rtol=0, atol=1e-5)
    # two nets (the second without convolutions, of another width): the mean of their scores
    W2, b2_ = rng.normal(size=(nf + 2, 3)), rng.normal(size=3)
    net2 = dict(
        net,
        w_in=(W2 / sd[:, None]).tolist(),
        b_in=(b2_ - (mu / sd) @ W2).tolist(),
        clip_w=W2[cols].tolist(),
        convs=[],
        w_out=rng.normal(size=3).tolist(),
        alpha=1.1,
    )
    ref2 = dict(ref, W=W2, b=b2_, convs_ref=[], w_out=np.asarray(net2["w_out"]), alpha=1.1)
    both = lines._seq_scores(lines._seq_prepare(dict(shared, nets=[net, net2])), X, p1, p2, rb)
    assert np.allclose(both, (want + _seq_reference(ref2, X, p1, p2, sizes)) / 2, rtol=0, atol=1e-5)
    # a document's scores do not depend on its neighbours in the batch
    a, b2 = int(rb[3]), int(rb[4])
    alone = lines._seq_scores(
        lines._seq_prepare(sq), X[a:b2], p1[a:b2], p2[a:b2], np.array([0, b2 - a])
    )
    assert alone.tolist() == got[a:b2].tolist()


def test_the_sequence_option_turns_the_layer_off(run_stage):
    """``sequence = false``: the lines are scored by the three tree stages alone (what the
    model gives without its sequence layer); on (the default), the shipped model's layer
    moves the scores."""
    import numpy as np

    from corearchive_plugins.boilerplate import lines

    page = ["Daily Courier", "Home", "World", "Share", *ART, "Related", "Tags: water, drought"]
    text = "\n".join(page)
    model = lines.load_model()
    assert model.get("_seq") is not None  # the shipped model has the layer
    bare = {k: v for k, v in model.items() if k != "_seq"}
    _idx, _p1, trees_only, _X = lines.score_lines(text.split("\n"), bare)
    off = lines.decide(text, 0.5, sequence=False)
    on = lines.decide(text, 0.5)
    # (the rules may move a score across the threshold; the lines they leave alone keep the
    # stages' scores exactly)
    untouched = [not why for why in (off.why.get(j) for j in range(len(off.idx)))]
    assert np.array_equal(off.score[untouched], trees_only[untouched])
    assert not np.allclose(on.score, off.score)
    # the stage passes the option on: its removed lines' scores are those of the same call
    for seq, want in ((True, on), (False, off)):
        run = run_stage(BoilerplateStage, make_document(text), sequence=seq)
        gone = run.kept[0].annotations["boilerplate"]["removed"]
        rows = [j for j, k in enumerate(want.keep.tolist()) if not k]
        assert gone["line"] == [int(want.idx[j]) for j in rows]
        assert gone["score"] == [round(float(want.score[j]), 4) for j in rows]


def test_the_line_model_runs_blas_on_one_thread():
    """Loading a model with a sequence layer leaves BLAS on one thread in the process (more
    only spin beside its small matmuls: twice the CPU time on 2 cores)."""
    from threadpoolctl import threadpool_info

    from corearchive_plugins.boilerplate import lines

    assert lines.load_model().get("_seq") is not None
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas and all(p["num_threads"] == 1 for p in blas)


def test_html_over_the_size_limit_is_cut_at_a_byte_and_says_so(run_stage):
    """A page over html_max_bytes was cut without a word (kept_share of the cut page), and
    the limit counted characters, not bytes."""
    paras = "".join(
        f"<p>Ünïcödé paragraph {i} of the very long report on municipal budgets, in full.</p>"
        for i in range(400)
    )
    page = f"<html><body><article>{paras}</article></body></html>"
    size = len(page.encode())
    assert len(page) < 34_000 < size  # (over the limit in bytes only)
    got = run_stage(BoilerplateStage, make_document(page, html=True), html_max_bytes=34_000)
    [doc] = got.kept
    ann = doc.annotations["boilerplate"]
    assert ann["cut"] == {"bytes": size, "read": 34_000}
    assert "paragraph 0 " in doc.text and "paragraph 399 " not in doc.text
    got = run_stage(BoilerplateStage, make_document(page, html=True))
    assert "cut" not in got.kept[0].annotations["boilerplate"]
    assert "paragraph 399 " in got.kept[0].text


def test_html_without_any_tag_is_read_as_its_text(run_stage):
    """A JSONL "html" field holding plain text was dropped as no_content (html2txt gives
    nothing for a string without tags)."""
    page = f"Budget approved\n\n{PARA}\n\n{PARA2}\n\nTags: budget, city, a < b"
    got = run_stage(BoilerplateStage, make_document(page, html=True))
    [doc] = got.kept
    assert PARA in doc.text and PARA2 in doc.text


_STANDFIRST = (
    "Schools get more money while parks and libraries face cuts, after a long debate in the "
    "council chamber that lasted well into the night."
)
_MORE = [
    "Opponents said the plan would force cuts to parks and libraries, and several members "
    "asked for a review of the spending in the spring before any money is paid out.",
    "The mayor is expected to sign the budget next week, after a final reading at the "
    "council's regular meeting on Monday evening in the city hall.",
]


def _refine_page() -> str:
    # a standfirst outside the article's container (trafilatura loses it) and share, tag
    # and advertisement lines inside it (trafilatura keeps them)
    body = "".join(f"<p>{p}</p>" for p in [PARA, PARA2, *_MORE])
    return (
        "<html><head><title>Budget | Example News</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<div class='intro'><p>{_STANDFIRST}</p></div>"
        f"<article><h1>Council approves budget</h1>{body}"
        "<p>Follow us on Facebook and Twitter for more news.</p>"
        "<p>Advertisement</p><p>Share this article</p><p>Tags: budget, schools, council</p>"
        "</article>"
        "<footer>© 2024 Example</footer></body></html>"
    )


def test_html_text_is_refined_by_the_line_model_on_the_rendered_page(run_stage):
    page = _refine_page()
    plain = _html_doc(run_stage, page, html_refine=False)
    furniture = ["Advertisement", "Share this article", "Tags: budget, schools, council"]
    assert all(f in plain.text for f in furniture) and _STANDFIRST not in plain.text
    doc = run_stage(BoilerplateStage, make_document(page, html=True, path="b.html")).kept[0]
    ann = doc.annotations["boilerplate"]
    assert ann["method"] == "trafilatura" and ann["refine"] == {"removed": 3, "added": 1}
    assert not any(f in doc.text for f in furniture)
    # the standfirst is added where it stands on the page: before the headline
    assert doc.text.split("\n")[:2] == [_STANDFIRST, "Council approves budget"]
    assert doc.text.endswith(_MORE[1] + "\nFollow us on Facebook and Twitter for more news.")
    assert ann["kept_share"] > plain.annotations["boilerplate"]["kept_share"]
    # the rendering the line model read is left for the metadata stage
    assert "Home News Sport" in doc.work["html_text"]


def test_refine_keeps_a_code_sample_whole_and_the_paragraph_after_it(run_stage):
    """The line model read a <pre> code sample's lines one by one, as a menu's items:
    refine removed "-->" and the indented lines and kept the others (s36 acc-read O1,
    f16/page.html). A block's lines are scored as the block, by its best line. The run
    of them also read as the article's end: the paragraph after the sample (0.08) was
    removed; read with the block on one line it is prose (0.82), and stays."""
    intro = (
        "To hide a part of a page from the browser, wrap it in a comment. The comment starts "
        "with a less-than sign, an exclamation mark and two dashes, and it ends with two "
        "dashes and a greater-than sign."
    )
    outro = (
        "Everything between the two markers is ignored by the browser, including other "
        "tags, but a comment cannot hold another comment inside it."
    )
    code = ["&lt;!--", "  &lt;p&gt;This paragraph is hidden.&lt;/p&gt;", "--&gt;",
            "def f(x):", "    if x:", "        return 1", "    return 0"]  # fmt: skip
    shown = ["<!--", "  <p>This paragraph is hidden.</p>", "-->", *code[3:]]
    # (and the paragraph after it)
    got = _after_intro(run_stage, "How to comment out HTML", intro, code, outro, extra=1)
    assert got == [*shown, outro]


def _after_intro(
    run_stage, title: str, intro: str, code: list[str], outro: str, extra: int = 0
) -> list[str]:
    """The kept text's lines after ``intro`` of an article of ``intro``, a <pre> code sample
    of the ``code`` lines and ``outro``, as many as ``code`` has and ``extra`` more."""
    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{intro}</p><pre><code>{chr(10).join(code)}</code></pre><p>{outro}</p>"
        "</article></body></html>"
    )
    doc = _html_doc(run_stage, page)
    lines = doc.text.split("\n")
    return lines[lines.index(intro) + 1 :][: len(code) + extra]


def test_a_code_samples_comment_lines_stay_lines(run_stage):
    """s37 acc-read F7: refine joins a line that starts with ";", "," or ":" to the line
    above (trafilatura breaks a paragraph at an inline <q>), and it glued an INI sample's
    "; comment" lines onto the line above: "[server]; the port to listen on"."""
    intro = (
        "The tide server reads one configuration file at start-up. Its sections are named in"
        " square brackets, and a line that starts with a semicolon is a comment."
    )
    outro = (
        "Restart the server after changing the file. The log says which file it read, so a"
        " typo in the path is easy to spot."
    )
    code = ["[server]", "; the port to listen on", "port = 8080", "; days of readings to keep",
            "retention = 7"]  # fmt: skip
    assert _after_intro(run_stage, "Configuring the tide server", intro, code, outro) == code


@pytest.mark.parametrize("heading", ["Reactions (3)", "Comments (3)", "3 Kommentare"])
def test_refine_adds_no_readers_comment_under_the_article(run_stage, heading):
    """s43 left43: trafilatura leaves a news article's comment section out, and refine
    put its posts back as sure content lines (the model reads a long comment as prose) on
    the HTML path, where the text path dropped them. Nothing under a comment section's
    heading is added; the article's own lines still are."""
    body = [
        "The city council approved a new budget on Tuesday after a debate that lasted more"
        " than six hours, with members split over funding for transport and housing.",
        "Supporters said the plan would fund two new bus lines and repair work on the old"
        " bridge, which has been closed to heavy traffic since last winter.",
        "Opponents argued that the budget relied on optimistic tax forecasts and warned that"
        " cuts could follow next year if revenue falls short of expectations.",
    ]
    posts = [
        "mike_77 said: This is a complete waste of money, the buses are always empty anyway"
        " and nobody asked for them.",
        "Sarah L. replied: I take the bus every day and it is always full, so I am glad they"
        " are adding more lines.",
    ]
    page = (
        "<html><head><title>Council approves budget - City Times</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/p'>Politics</a></nav><article>"
        "<h1>Council approves budget</h1><p class='byline'>By Jane Smith</p>"
        + "".join(f"<p>{p}</p>" for p in body)
        + f"</article><section class='comments'><h2>{heading}</h2>"
        + "".join(f"<div class='comment'><p>{c}</p></div>" for c in posts)
        + "</section><footer>© 2024 City Times</footer></body></html>"
    )
    lines = _html_doc(run_stage, page).text.split("\n")
    assert lines[-len(body) :] == body
    assert not set(posts) & set(lines)


def test_refine_keeps_a_sections_heading_between_kept_lines(run_stage):
    """s42 acc-pages F18: the line model reads a heading alone between blank lines as a
    menu's item, and refine removed an imprint's "Kontakt" over its phone number (a job
    ad's "Benefits", a docs page's "server.workers" likewise). A heading of the page
    between two kept lines of trafilatura's text is the text's."""
    nav = "".join(
        f"<li><a href='/{w}'>{w}</a></li>"
        for w in ["Kaffee", "Espresso", "Zubehör", "Abo", "Geschenke", "Über uns"]
    )
    foot = "".join(
        f"<li><a href='/{w}'>{w}</a></li>"
        for w in ["Versand & Zahlung", "Widerrufsrecht", "AGB", "Datenschutz"]
    )
    page = (
        "<html><head><title>Impressum – Röstwerk Sommer</title></head><body>"
        f"<header><p>Röstwerk Sommer</p><nav><ul>{nav}</ul></nav></header>"
        "<main><article><h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2>"
        "<p>Röstwerk Sommer GmbH<br>Kastanienweg 12<br>79100 Freiburg im Breisgau</p>"
        "<p>Handelsregister: HRB 765432, Amtsgericht Freiburg</p>"
        "<p>Vertreten durch den Geschäftsführer: Jonas Sommer</p>"
        "<h2>Kontakt</h2><p>Telefon: 0761 654321-0</p><p>E-Mail: info@roestwerk-sommer.de</p>"
        "<h2>Verbraucherstreitbeilegung</h2><p>Wir sind nicht bereit oder verpflichtet, an "
        "Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.</p>"
        f"</article></main><footer><ul>{foot}</ul><p>© 2025 Röstwerk Sommer</p></footer>"
        "</body></html>"
    )  # fmt: skip
    doc = _html_doc(run_stage, page)
    assert "refine" in doc.annotations["boilerplate"]
    lines = doc.text.split("\n")
    assert lines[lines.index("Telefon: 0761 654321-0") - 1] == "Kontakt"
    assert "Verbraucherstreitbeilegung" in lines


def test_refine_puts_back_no_ad_slots_heading_between_kept_lines(run_stage):
    """s43 acc-read F12: an ad slot's "<h2>Advertisement</h2>" inside the article is a
    heading between kept lines too, and was put back in the text. An ad slot's label is no
    section's heading; a section's heading between the paragraphs stays."""
    p = [f"<p>{x}</p>" for x in ART]
    for heading, kept in (("Advertisement", False), ("Kontakt", True)):
        page = (
            "<html><head><title>Council approves harbour wall</title></head><body><article>"
            f"<h1>Council approves harbour wall</h1>{p[0]}{p[1]}<h2>{heading}</h2>{p[2]}"
            f"{p[3]}</article></body></html>"
        )
        lines = _html_doc(run_stage, page).text.split("\n")
        assert (heading in lines) is kept, heading
        assert set(ART) <= set(lines)


def test_refine_removes_a_heading_over_lines_it_removes():
    """The heading rule's other side: a heading over lines refine removes goes with them."""

    from corearchive_plugins.boilerplate.refine import refine

    text = "First paragraph of the story.\nWho is online\nUsers browsing: none\nLast one."
    decisions = _decisions(
        [("First paragraph of the story.", 0.99), ("Who is online", 0.05),
         ("Users browsing: none", 0.05), ("Last one.", 0.99)]
    )  # fmt: skip
    out, removed, _ = refine(text, decisions, headings={"Who is online"})
    assert out.split("\n") == ["First paragraph of the story.", "Last one."] and removed == 2


def test_refine_removes_a_comment_sections_heading_between_kept_lines():
    """s43 acc-regress R5: a comment section's heading ("Comments", "3 Kommentare") between
    leaked lines is the page's furniture, not a section's heading of the text."""
    from corearchive_plugins.boilerplate.lines import _FI
    from corearchive_plugins.boilerplate.refine import refine

    prompt = "Want to join the conversation? Please sign in to comment on this article."
    text = f"First paragraph of the story.\nComments\n{prompt}"
    decisions = _decisions(
        [("First paragraph of the story.", 0.99), ("Comments", 0.05), (prompt, 0.4)],
        features=True,
    )
    decisions.X[1, _FI["comment_cue"]] = 1
    out, removed, _ = refine(text, decisions, headings={"Comments"})
    assert "Comments" not in out.split("\n") and removed == 1


def test_refine_keeps_unmatched_lines_and_adds_only_near_the_kept_part():
    from corearchive_plugins.boilerplate.refine import refine

    d = _decisions(
        [
            ("A sure line far above", 0.99),
            ("Menu", 0.01),
            *[(f"x{i}", 0.5) for i in range(6)],
            ("Lost  standfirst", 0.95),
            ("Kept paragraph one", 0.9),
            ("Share this", 0.05),
            ("Lost paragraph", 0.92),
            ("Kept paragraph two", 0.6),
            ("Unsure line", 0.5),
        ]
    )
    text = "Kept paragraph one\nShare this\nA | table | row\nKept  paragraph two"
    out, removed, added = refine(text, d)
    # furniture removed; a line that is no line of the rendering kept; white space of
    # trafilatura's lines and the added lines' collapsed form; the sure line 9 lines above
    # the first kept one, and the unsure one, are not added
    assert out.split("\n") == [
        "Lost standfirst",
        "Kept paragraph one",
        "Lost paragraph",
        "A | table | row",
        "Kept  paragraph two",
    ]
    assert (removed, added) == (1, 2)
    # nothing of the rendering matched: only removals
    assert refine("Other text\nShare this", d) == ("Other text", 1, 0)


def test_word_counts_bounded_below_are_exact_and_above_at_least_the_bound() -> None:
    """The fallback's word counts (_n_words with at_least): exact under the bound, at least
    the bound otherwise, whatever the text (the fallback's decisions are the same)."""
    import random

    from corearchive_plugins.boilerplate import _n_words

    rng = random.Random(3)
    words = ["a", "bb", "Wort", "日本語", "x" * 30, "...", " ", "\n", "—"]
    for _ in range(2000):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "", ",\n"]) for _ in range(rng.randint(0, 3000))
        )
        full = _n_words(text)
        for bound in (1, 5, 200, 300, 1001):
            got = _n_words(text, bound)
            assert got == full if full < bound else got >= bound


def test_an_ad_label_between_an_html_articles_paragraphs_is_removed(run_stage):
    """trafilatura keeps a ``<div class="ad">广告</div>`` between an article's paragraphs; the
    line model scored it 0.46 on the rendering, not under refine's ``low`` (0.1), so the ad
    label stayed in zh, ja, ar, he and hi pages (acceptance round s23, finding 5). A line of
    cue words alone is removed, as the text path's rule removes it."""
    paras = [
        "今年入夏以来，长江流域降水量较常年同期偏少四成以上，四川、重庆、湖北等地相继出现不同程度的旱情。",
        "水利部门表示，目前长江干流水位处于有记录以来同期最低水平，已启动抗旱四级应急响应。",
        "气象专家分析认为，副热带高压持续偏强偏西是造成此次高温少雨天气的主要原因，预计旱情仍将持续。",
        "当地政府已调集抽水设备和送水车辆，优先保障群众饮水安全，同时指导农民调整种植结构。",
    ]
    for label in ("广告", "Advertisement", "إعلان"):
        body = "".join(f"<p>{p}</p>" for p in paras[:2]) + f'<div class="ad">{label}</div>'
        body += "".join(f"<p>{p}</p>" for p in paras[2:])
        page = (
            '<html lang="zh"><head><meta charset="utf-8"><title>长江流域旱情</title></head><body>'
            f"<article><h1>长江流域今年夏季降水偏少</h1>{body}</article></body></html>"
        )
        doc = run_stage(BoilerplateStage, make_document(page, html=True, path="zh.html")).kept[0]
        lines = doc.text.split("\n")
        assert label not in lines and lines[-4:] == paras, label


def test_an_html_page_whose_rendering_is_read_in_windows_is_refined(run_stage, seeds):
    """A page rendered to over 90 K characters is scored in windows, whose decisions keep
    no feature rows: the refinement must not need them (it failed the page)."""
    body = [
        ln.strip()
        for f in sorted(seeds.iterdir())
        for ln in f.read_text("utf-8").splitlines()
        if len(ln.split()) >= 25
    ]
    paras = [f"{p} ({i})" for i in range(60) for p in body][:600]
    page = "<html><body><article><h1>Long</h1>" + "".join(f"<p>{p}</p>" for p in paras)
    page += '<div class="ad">Advertisement</div></article></body></html>'
    assert len(page) > 100_000
    doc = run_stage(BoilerplateStage, make_document(page, html=True, path="long.html")).kept[0]
    assert doc.annotations["boilerplate"]["method"] == "trafilatura"
    assert sum(p in doc.text for p in paras) >= 0.8 * len(paras)  # (trafilatura: 89 %)


def test_refine_reads_a_repeated_line_by_its_lowest_score():
    """A line the rendering holds more than once (furniture repeats) counts with its lowest
    score, in whichever order the copies come."""
    from corearchive_plugins.boilerplate.refine import refine

    # (0.8: not sure enough to be added where it stands)
    for first, second in ((0.8, 0.05), (0.05, 0.8), (0.05, 0.05)):
        d = _decisions(
            [("Subscribe", first), ("Body text here", 0.9), ("Subscribe", second), ("End", 0.9)],
            features=True,
        )
        assert refine("Body text here\nSubscribe\nEnd", d) == ("Body text here\nEnd", 1, 0)
    d = _decisions([("Subscribe", 0.8), ("Body text here", 0.9), ("Subscribe", 0.8)], features=True)
    assert refine("Body text here\nSubscribe", d) == ("Body text here\nSubscribe", 0, 0)


def test_a_long_text_keeps_its_prose_to_its_end(run_stage, seeds):
    """A 200 KB text of article paragraphs (a book chapter, a transcript) kept 29 % of its
    prose, more removed the further into it: the line model's length and place features
    were fitted on web pages of 3-50 KB. A page that long is scored in windows."""
    body = [
        ln.strip()
        for f in sorted(seeds.iterdir())
        for ln in f.read_text("utf-8").splitlines()
        if len(ln.split()) >= 15 and ln.rstrip().endswith((".", '"', "”"))
    ]
    paras: list[str] = []
    while sum(map(len, paras)) < 200_000:
        k = len(paras)
        paras.append(f"{body[k % len(body)]} ({k})")  # (no two lines alike)
    text = "\n\n".join(["A long report", *paras])
    doc = run_stage(BoilerplateStage, make_document(text)).kept[0]
    kept = set(doc.text.split("\n"))
    share = [p in kept for p in paras]
    assert sum(share) / len(paras) > 0.95
    tenth = len(paras) // 10
    assert sum(share[-tenth:]) / tenth > 0.95  # (the end as kept as the start)


def test_html_text_after_an_empty_element_is_kept(run_stage):
    """Precision mode pruned an empty element with the text after it: an empty anchor at a
    paragraph's start (WordPress's ``<span id="more-…"></span>``) took the paragraph (a
    lead's three sentences lost; s26 quality reviewer)."""
    lead = (
        "What does the mayor say today? How should the famous line have read at first? "
        "How do colleagues and critics judge the work of the city's oldest comedian?"
    )
    page = _page().replace(
        f"<p>{PARA2}</p>", f'<p><span id="more-367167"></span>{lead}</p><p>{PARA2}</p>'
    )
    # (trafilatura's text: the line model's refinement may add such a line back when it is
    # sure of it, and was not on the page of the report)
    doc = _html_doc(run_stage, page, html_refine=False)
    assert doc.text.split("\n") == ["Budget vote", PARA, lead, PARA2]


def test_refine_counts_no_sure_furniture_between_a_standfirst_and_the_body():
    """eurosport.de's standfirst, which the line model is sure of (0.95), stood 8 lines
    above trafilatura's first line, past ``near``, across an ad label, "Von" and the like,
    which the model is as sure are furniture: it was lost (s34 acc-regress R5). Those
    lines are no distance; unsure lines still are."""
    from corearchive_plugins.boilerplate.refine import refine

    furniture = [("Werbung", 0.04), ("Ad", 0.07), ("Von", 0.05), ("Share", 0.02)]
    between = [("Photo credit: SID", 0.15), *furniture, ("Published 02/02/2022", 0.23)]
    d = _decisions([("The standfirst", 0.95), *between, *furniture, ("Kept one", 0.99)])
    assert refine("Kept one", d, near=6)[0].split("\n") == ["The standfirst", "Kept one"]
    unsure = [(f"Teaser {i}", 0.2) for i in range(7)]
    d = _decisions([("The standfirst", 0.95), *unsure, *furniture, ("Kept one", 0.99)])
    assert refine("Kept one", d, near=6)[0] == "Kept one"


def test_refine_follows_an_article_cut_into_blocks_past_near():
    """An article the page cuts into blocks, with an ad or a signup box between them
    (Wired: 3 blocks): trafilatura took the first, refine added the sure lines within
    ``near`` lines of it only, and the article's last paragraphs were lost (s26 quality
    reviewer). Each added line now carries the span on; a sure line past ``near`` unsure
    or furniture lines is still not added."""
    from corearchive_plugins.boilerplate.refine import refine

    ads = [(f"Advertisement {i}", 0.3) for i in range(4)]
    far = [(f"Teaser {i}", 0.2) for i in range(7)]
    d = _decisions(
        [
            ("Kept one", 0.95),
            ("Kept two", 0.95),
            *ads,
            ("Second block one", 0.95),
            *ads,
            ("Second block two", 0.95),
            *ads,
            ("Third block", 0.92),
            *far,
            ("A sure teaser far below", 0.99),
        ]
    )
    out, removed, added = refine("Kept one\nKept two", d, near=6)
    assert out.split("\n") == [
        "Kept one",
        "Kept two",
        "Second block one",
        "Second block two",
        "Third block",
    ]
    assert (removed, added) == (0, 3)


def test_html_lead_of_a_text_block_laid_out_with_line_breaks_is_kept(run_stage):
    """A ``<div>`` of text with ``<br>``s between its paragraphs: trafilatura took each
    text after a line break and dropped the first paragraph, the ``<div>``'s own text,
    when the page had enough ``<p>`` text elsewhere (MacRumors: the lead paragraph lost;
    s26 quality reviewer)."""
    lead = (
        "Following the vote, the council plans to publish the full budget in the first half "
        "of next year, according to sources cited by the <em><a href='/x'>Gazette</a></em>."
        " A preview was shared with readers."
    )
    guides = "".join(
        f"<li><a href='/g{i}'><p>Guide {i}: how the city's budget process works, step by "
        f"step, from the first draft to the final vote of the council.</p></a></li>"
        for i in range(4)
    )
    page = (
        "<html><body><div id='content'><div class='article'><h1>Budget vote</h1>"
        f"<div class='content'>{lead}\n<br> <br>{PARA}<br> <br>{PARA2}</div></div>"
        f"<div id='more-guides'><h3>Guides</h3><ul>{guides}</ul></div></div></body></html>"
    )
    doc = _html_doc(run_stage, page, html_refine=False)
    first = lead.replace("<em><a href='/x'>", "").replace("</a></em>", "")
    assert doc.text.split("\n")[:4] == ["Budget vote", first, PARA, PARA2]


@pytest.mark.parametrize("refine", [True, False])
def test_html_lists_of_a_page_without_a_main_container_are_kept(run_stage, refine):
    """A page whose text stands in a bare ``<body>`` (no article container): precision
    mode's search of the page's wild elements took its paragraphs only, so a recipe kept
    its intro and lost its ingredients and method, and a glossary kept its sentences and
    lost its ``<dl>`` (s38 acc-regress D2, D13). A menu of links (after "Related") still
    goes."""
    page = (
        "<html><body><h1>Lemon cake</h1><p>This simple cake is moist and fragrant, and keeps"
        " well for several days in a tin.</p><h3>Ingredients</h3><ul><li>200 g flour</li>"
        "<li>3 eggs</li></ul><h3>Method</h3><ol><li>Heat the oven to 180C.</li><li>Bake"
        " for 40 minutes.</li></ol><h3>Glossary</h3><dl><dt>Zest</dt><dd>The outer skin"
        " of a lemon, grated.</dd></dl><h3>Related</h3><ul><li><a href='/a'>Ten easy"
        " weeknight dinners</a></li><li><a href='/b'>Five cakes</a></li></ul></body></html>"
    )
    doc = _html_doc(run_stage, page, html_refine=refine)
    lines = doc.text.split("\n")
    assert lines[lines.index("- 200 g flour") :] == [
        "- 200 g flour", "- 3 eggs", "1. Heat the oven to 180C.", "2. Bake for 40 minutes.",
        "- Zest: The outer skin of a lemon, grated.",
    ], doc.text  # fmt: skip


def _decisions(scored: list[tuple[str, float]], features: bool = False) -> Any:
    """The fields of lines.Decisions that refine reads, for lines and their scores: no
    feature rows (a page read in windows), or rows of zeros with ``features``."""
    import numpy as np

    from corearchive_plugins.boilerplate.lines import FEATURE_NAMES

    class Decisions:
        def __init__(self) -> None:
            self.stripped = [s for s, _ in scored]
            self.score = np.array([p for _, p in scored])
            self.X = np.zeros((len(scored), len(FEATURE_NAMES))) if features else None

    return Decisions()


def test_refine_drops_a_teaser_trafilatura_put_before_the_article_out_of_page_order():
    """trafilatura's first choice of container held one paragraph (a sidebar's teaser, far
    below the article on the page) and it went on to the article's: the teaser became the
    text's first line (MacRumors; s26 quality reviewer). A line out of the page's order, far
    from the main part, that the model calls furniture goes; one it calls content stays, and
    so does a furniture line in the page's order."""
    from corearchive_plugins.boilerplate.refine import refine

    d = _decisions(
        [
            ("Early note", 0.3),
            *[(f"Menu {i}", 0.05) for i in range(8)],
            ("Headline", 0.6),
            ("Body one", 0.95),
            ("Body two", 0.95),
            *[(f"Comment {i}", 0.2) for i in range(8)],
            ("Guide teaser", 0.39),
            ("Sure teaser", 0.7),
        ]
    )
    text = "Guide teaser\nSure teaser\nHeadline\nBody one\nBody two"
    assert refine(text, d)[0] == "Sure teaser\nHeadline\nBody one\nBody two"
    text = "Early note\nHeadline\nBody one\nBody two"
    assert refine(text, d)[0] == text


def test_refine_matches_lines_whatever_invisible_characters_they_hold():
    """trafilatura's text drops zero-width joiners and soft hyphens that the page's
    rendering keeps: such a line matched no line of trafilatura's, and was neither removed
    as furniture nor known as kept."""
    from corearchive_plugins.boilerplate.refine import refine

    d = _decisions([("Body one", 0.95), ("Read the \u200ciPhone\u200c guide", 0.02)])
    assert refine("Body one\nRead the iPhone guide", d) == ("Body one", 1, 0)


def test_html_layout_table_rows_are_read_as_text(run_stage):
    """A page laid out by a table gave rows of empty pipes ("|  |  |  |") and its text inside
    pipes (s26 quality reviewer: archive.org, kath.net, bayrische-bembel). A row of empty
    cells goes, a row with one cell of text is that text; a table of data stays a table."""
    spacer = "<td width='10'></td>"
    page = (
        "<html><body><table>"
        f"<tr>{spacer}{spacer}{spacer}</tr>"
        f"<tr>{spacer}<td><h1>Budget vote</h1><p>{PARA}</p><p>{PARA2}</p></td>{spacer}</tr>"
        f"<tr>{spacer}<td>© 2024 Example | Imprint</td>{spacer}</tr>"
        "</table></body></html>"
    )
    doc = _html_doc(run_stage, page, html_refine=False)
    # (trafilatura joins a cell's paragraphs on one line)
    assert "|  |" not in doc.text and PARA in doc.text
    assert doc.text.split("\n")[-1] == "© 2024 Example | Imprint"
    from corearchive_plugins.boilerplate import _layout_rows

    data = "| Product | 2020 | 2021 |\n|---|---|---|\n| Petrol | 15.0 | 15.1 |"
    text = f"|  |  |  |\n| Sales by product |  |  |\n|---|---|---|\n{data}\n| a \\| b |  |"
    assert _layout_rows(text) == f"Sales by product\n{data}\na | b"
    # (a one-column table: a column of text)
    assert _layout_rows("| Headline |\n| Posted by Cooper |") == "Headline\nPosted by Cooper"


def test_a_table_cell_named_like_a_share_button_is_kept_in_a_table_of_data(run_stage):
    """trafilatura drops an element whose text is a share button's word ("Email", "Print",
    "Facebook"): a contact table's header read "| Contact | Phone |  |" (s36 acc-regress
    O7), a table of networks lost its first column. A row of such words alone (a share bar
    laid out as a table) still goes, and so does a layout table's label (no header cells:
    "E-Mail" before an address read as text)."""
    page = (
        f"<html><body><article><h1>Networks</h1><p>{PARA}</p><p>{PARA2}</p><table>"
        "<tr><th>Desk</th><th>Phone</th><th>Email</th></tr>"
        "<tr><td>News</td><td>555-0100</td><td>news@example.com</td></tr>"
        "<tr><td>Sport</td><td>555-0101</td><td>sport@example.com</td></tr></table>"
        "<table><tr><th>Network</th><th>Users</th></tr>"
        "<tr><td>Facebook</td><td>3.0bn</td></tr><tr><td>Pinterest</td><td>0.5bn</td></tr>"
        "</table><table><tr><td>Print</td><td>Email</td><td>Twitter</td></tr></table>"
        "<table><tr><td>Phone</td><td>0123 4567</td></tr>"
        "<tr><td>E-Mail</td><td>club@example.org</td></tr></table>"
        "</article></body></html>"
    )
    doc = _html_doc(run_stage, page, html_refine=False)
    lines = doc.text.split("\n")
    assert "| Desk | Phone | Email |" in lines, doc.text
    assert "| Facebook | 3.0bn |" in lines and "| Pinterest | 0.5bn |" in lines, doc.text
    assert not any("Print" in ln for ln in lines), doc.text
    assert "E-Mail" not in doc.text and "club@example.org" in doc.text, doc.text


def test_a_description_lists_term_and_value_are_one_line(run_stage):
    """trafilatura makes each <dt> and <dd> an item: a fact box read "- Population" /
    "- 120,000" / "- Mayor" / ..., each term apart from its value (s36 acc-regress O7)."""
    lines = _after_a_description_list(
        run_stage,
        "<dt>Population</dt><dd>120,000</dd><dt>Mayor:</dt><dd>John <b>Smith</b></dd>"
        "<dt>Twinned with</dt><dd>Shelbyville</dd><dd>Capital City</dd>"
        "<dt>1.</dt><dd>Founded in 1796</dd>",
    )
    # (a term that ends in its own mark, a step's number, is followed by a space: "1.: ...")
    box = ["- Population: 120,000", "- Mayor: John Smith",
           "- Twinned with: Shelbyville; Capital City", "- 1. Founded in 1796"]  # fmt: skip
    assert lines[:4] == box, lines


def _after_a_description_list(run_stage: Any, dl: str) -> list[str]:
    """The lines of the text of an article with the items ``dl`` of a ``<dl>`` after its
    first paragraph, from the list on."""
    page = (
        f"<html><body><article><h1>Springfield</h1><p>{PARA}</p><dl>{dl}</dl><p>{PARA2}</p>"
        "</article></body></html>"
    )
    doc = _html_doc(run_stage, page, html_refine=False)
    lines = doc.text.split("\n")
    return lines[lines.index(PARA) + 1 :]


def test_a_faqs_questions_and_answers_stay_apart(run_stage):
    """s38 acc-read F14: a FAQ's <dl> read "- Who needs a permit?: Every boat ..." and two
    answers "papers with you.; Applications open ...": a question and its answers are
    no fact box's term and values, and sentences end with their own stops."""
    lines = _after_a_description_list(
        run_stage,
        "<dt>Who needs a permit?</dt><dd>Every boat that stays more than two nights.</dd>"
        "<dt>Applying</dt><dd>Fill in the form at the harbour office.</dd>"
        "<dd>Applications open on the first of March.</dd>",
    )
    faq = ["- Who needs a permit?", "- Every boat that stays more than two nights.",
           "- Applying: Fill in the form at the harbour office. Applications open on the"
           " first of March."]  # fmt: skip
    assert lines[:3] == faq, lines


def test_visible_text_leaves_out_iframe_fallbacks_and_textareas():
    """An ``<iframe>``'s fallback markup and a hidden ``<textarea>``'s embed code are no
    text of the page: the line model's reading of the page had them, and refine added
    "<form class=…>" and "&amp;lt;span data-mce-type=…" lines to the text (s26 quality
    reviewer)."""
    from corearchive_plugins.boilerplate.htmltree import load_html
    from corearchive_plugins.metadata.html import tree_to_text

    page = (
        f"<html><body><article><p>{PARA}</p>"
        "<p><iframe src='https://example.com/v'>&amp;lt;span data-mce-type=\"bookmark\""
        "&amp;gt;</iframe></p>"
        "<textarea hidden><form class='consent-form' method='post'></textarea>"
        f"<p>{PARA2}</p></article></body></html>"
    )
    text = tree_to_text(load_html(page))
    assert PARA in text and PARA2 in text
    assert "data-mce" not in text and "form" not in text


def test_refine_invisible_characters_are_unicodes_controls_and_formats():
    import sys
    import unicodedata

    from corearchive_plugins.boilerplate.refine import _INVISIBLE

    chars = map(chr, range(sys.maxunicode + 1))
    want = {c for c in chars if unicodedata.category(c) in ("Cc", "Cf") and not c.isspace()}
    got = {c for c in map(chr, range(sys.maxunicode + 1)) if _INVISIBLE.match(c)}
    # (a later Unicode may have more format characters than this Python's unicodedata)
    assert want <= got
    assert all(unicodedata.category(c) in ("Cc", "Cf", "Cn") for c in got)
    assert not any(c.isspace() for c in got)


def test_refine_matches_lines_trafilatura_composed_or_decoded_and_keeps_the_pages_marks():
    """trafilatura composes a decomposed page (NFD), decodes an entity escaped twice and drops
    joiners and direction marks: such a line matched no line of the page, and refine added
    the page's copy too, so a decomposed page had every paragraph twice (s27 fidelity
    tester F1, F2, F3). Matched now; the line is the page's where its joiners, marks or
    entity text differ, trafilatura's (composed) where only composition, control bytes or
    zero-width spaces do."""
    import unicodedata

    from corearchive_plugins.boilerplate.refine import refine

    nfd = unicodedata.normalize("NFD", "Der Bürgermeister äußerte sich über die Pläne.")
    nfc = unicodedata.normalize("NFC", nfd)
    persian = "این کتاب\u200cها را می\u200cخوانم و از آن\u200cها لذت می\u200cبرم."
    entity = "The chief executive of AT&amp;T answered questions."
    junk = "Am Abend\x84 veröffentlichte\u200b die Kommission ihre Zahlen."
    page = [(nfd, 0.95), (persian, 0.95), (entity, 0.95), (junk, 0.95)]
    text = "\n".join(
        [
            nfc,
            persian.replace("\u200c", ""),
            "The chief executive of AT&T answered questions.",
            "Am Abend veröffentlichte die Kommission ihre Zahlen.",
        ]
    )
    got, removed, added = refine(text, _decisions(page))
    assert (removed, added) == (0, 0)
    assert got.split("\n") == [
        nfc,
        persian,
        entity,
        "Am Abend veröffentlichte die Kommission ihre Zahlen.",
    ]


def _attributes(n: int, form: str = " a{i}=x") -> str:
    return "".join(form.format(i=i) for i in range(n))


def test_a_tag_with_too_many_attributes_is_read_without_them_and_the_page_kept(
    run_stage, monkeypatch
):
    # libxml2 parses a tag with N distinct attributes in ~N^2.5 time, in C, where no time
    # limit interrupts it (30,000 attributes: ~5 s here; at 5 MB, about half an hour). The
    # page was refused whole for it (s28 security H2), its article lost (s28 integration
    # tester L3): the tag is read without its attributes now, and the parser never sees it.
    import time

    from corearchive_plugins.boilerplate import htmltree
    from corearchive_plugins.boilerplate.htmltree import check_markup, neutralise_markup

    parsed: list[Any] = []
    real = htmltree.fromstring
    monkeypatch.setattr(htmltree, "fromstring", lambda t, **kw: parsed.append(t) or real(t, **kw))
    hostile = _page().replace("<article>", f"<article{_attributes(30_000)}>")
    hostile = hostile.replace("</body>", f"<span{_attributes(2_000)}></span></body>")
    fine = _page().replace("<article>", f"<article{_attributes(500)}>")
    docs = [
        make_document(hostile, html=True, path="hostile.html"),
        make_document(fine, html=True, path="fine.html"),
    ]
    t0 = time.process_time()
    got = run_stage(BoilerplateStage, docs)
    assert time.process_time() - t0 < 2
    assert [d.source.path for d in got.kept] == ["hostile.html", "fine.html"] and not got.failed
    kept, alone = got.kept[0], got.kept[1]
    assert kept.text == alone.text and PARA in kept.text
    assert kept.annotations["boilerplate"]["neutralised"] == {"tags": 2, "attributes": 32_000}
    assert "neutralised" not in alone.annotations["boilerplate"]
    for text in parsed:  # (every parse of the run)
        check_markup(text.decode() if isinstance(text, bytes) else text)
    # the scan: the tag bare, the rest as it was; a script's content is text
    many = _attributes(1001)
    page = f"<p>a</p><div{many}>b</div><script{many}>x<i{many}></script>"
    assert neutralise_markup(page) == (
        f"<p>a</p><div>b</div><script>x<i{many}></script>",
        2,
        2002,
    )
    assert neutralise_markup(fine) == (fine, 0, 0)


def test_the_attribute_count_follows_the_parsers_tokens():
    import pytest

    from corearchive_plugins.boilerplate.htmltree import MarkupRefused, check_markup

    def refused(html: str) -> bool:
        try:
            check_markup(html)
        except MarkupRefused:
            return True
        return False

    # (no space between quoted values; quotes, "<" in names: all attributes to libxml2)
    forms = ["a{i}=x ", 'a{i}=">"', "a{i}='x'", "a{i} ", 'a{i}"=x ', '"a{i}=x ', "a{i}<=x\t"]
    for form in forms:
        assert not refused(f"<html><body><div {_attributes(1000, form)}>x</div></body></html>")
        assert refused(f"<html><body><div {_attributes(1001, form)}>x</div></body></html>"), form
    # a script's start tag is a tag; its content, a comment's, are no tags
    assert refused(f"<script{_attributes(1001)}></script>")
    assert not refused(f"<script>var s = '<div{_attributes(1001)}>';</script><p>x</p>")
    assert not refused(f"<!-- <div{_attributes(1001)}> --><p>x</p>")
    assert refused(f"<!--><div{_attributes(1001)}> -->")  # "<!-->" ends the comment
    assert refused(f"<title-x><div{_attributes(1001)}>")  # no <title>
    # one value of 1 MB (an inline image) is one attribute
    assert not refused(f'<img src="data:image/png;base64,{"A" * 1_000_000}" alt=x>')
    with pytest.raises(MarkupRefused, match="at character 12"):
        check_markup(f"<html><body><div{_attributes(1001)}>")


# Corrections and editor's notes, as newsrooms word them, in several languages: each is the
# article's, wherever the page puts it (s28 integration tester M3: "Correction: an earlier
# version of this story misstated the figure ..." ending a story was removed as furniture,
# so that a corrected recapture was an exact copy of the uncorrected story).
NOTES = [
    "Correction: an earlier version of this story misstated the figure; it is 42 percent, "
    "not 24 percent as first reported.",
    "CORRECTION (May 3): A previous version of this article gave the wrong date for the vote.",
    "*Editor's note: This story has been updated to include comment from the ministry.*",
    "Clarification — The report cited was published by the agency, not by the ministry.",
    "This article was amended on 3 May 2021 to correct the name of the council's leader.",
    "An earlier version of this story misidentified the company's chief executive.",
    "Update: The ministry said on Wednesday evening that the talks would resume next week.",
    "Korrektur: In einer früheren Version hieß es, die Abstimmung sei am Montag gewesen.",
    "Anmerkung der Redaktion: Dieser Artikel wurde nachträglich um eine Stellungnahme ergänzt.",
    "Rectificatif : une précédente version de cet article indiquait un chiffre erroné.",
    "Fe de erratas: una versión anterior de esta noticia atribuía la cita al ministro.",
    "Nota della redazione: questo articolo è stato aggiornato con la replica del sindaco.",
    "Correção: uma versão anterior desta reportagem trazia o nome errado do ministro.",
    "Noot van de redactie: in een eerdere versie van dit artikel stond een verkeerd bedrag.",
]
# lines that look like one but are the site's: a corrections policy, a time stamp, a teaser
NOT_NOTES = [
    "Corrections: If you are aware of an inaccuracy or would like to report a correction, "
    "please email us.",
    "Updated: 12:30 PM EST, Tue November 3, 2020",
    "Update: Ministry says the talks will resume next week after the ...",
    "Correction",
]


def test_a_correction_or_editors_note_is_the_articles(run_stage, seeds):
    from corearchive_plugins.boilerplate.notes import is_note

    assert all(map(is_note, NOTES)) and not any(map(is_note, NOT_NOTES))
    # the page's end, after its related links and "Community standards": M3's page
    page = (seeds / "000_8ba00cc28553518d.txt").read_text("utf-8")
    alone = run_stage(BoilerplateStage, make_document(page)).kept[0].text
    docs = [make_document(page + "\n\n" + note + "\n") for note in [*NOTES, *NOT_NOTES]]
    got = run_stage(BoilerplateStage, docs, keep_removed=True).kept
    assert len(got) == len(docs)
    for note, doc in zip(NOTES, got, strict=False):
        assert doc.text == alone + "\n" + note, note
    for doc in got[len(NOTES) :]:
        assert doc.text == alone
    assert NOTES[0] not in got[0].annotations["boilerplate"]["removed"]["text"]
    # above the lead, under the headline, it stays where it is
    lines = PARA + "\n" + PARA2
    page = "Home\nNews\n\n" + NOTES[5] + "\n\n" + lines
    doc = run_stage(BoilerplateStage, make_document(page)).kept[0]
    assert doc.text == NOTES[5] + "\n" + lines


def test_an_html_pages_correction_note_next_to_its_article_is_kept(run_stage):
    # below the article's container, after a box of related links: trafilatura leaves it out,
    # and the line model's reading of the rendered page brings it back (refine)
    paras = [f"{p} ({k})" for k in range(3) for p in (PARA, PARA2)]
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = (
        "<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Budget</h1>{body}</article><div class='related'><h3>Related</h3>"
        f"<ul><li><a href='/a'>Other story one here</a></li></ul><p>{NOTES[0]}</p></div>"
        "<footer>© 2024 Example</footer></body></html>"
    )
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert doc.text.endswith(paras[-1] + "\n" + NOTES[0]) and "Home" not in doc.text


def test_a_table_row_of_many_cells_is_read_in_linear_time_and_its_text_kept(run_stage):
    # trafilatura's handle_table takes len() of the row it builds for each cell, O(cells)
    # in lxml: a row of 40,000 cells took 13.6 s (s28 security M3); at 1 MB the page failed
    # on html_timeout. Rows are cut at MAX_ROW_CELLS cells before extraction.
    import time

    cells = "".join(f"<td>c{i}</td>" for i in range(50_000))
    orphans = "".join(f"<td>o{i}</td>" for i in range(3_000))  # cells outside any row
    page = _page().replace(
        "</article>", f"<table><tr>{cells}</tr></table><table>{orphans}</table></article>"
    )
    t0 = time.process_time()
    # (html_timeout=0: the stage's 10 s limit is wall clock, which a loaded machine reached
    # with 2.8 s of CPU (9.25 s wall; s32 docs finding 8); the CPU time below is the measure)
    got = run_stage(
        BoilerplateStage, [make_document(page, html=True, path="table.html")], html_timeout=0
    )
    took = time.process_time() - t0
    assert not got.failed, got.failed
    (doc,) = got.kept
    assert "c0" in doc.text and "c49999" in doc.text and "o2999" in doc.text
    assert took < 5, took  # (about 2 s; 8 s before, or html_timeout)


def test_long_rows_are_cut_into_rows_of_max_row_cells_in_order():
    from corearchive_plugins.boilerplate.htmltree import MAX_ROW_CELLS, load_html

    n = 2 * MAX_ROW_CELLS + 7
    tree = load_html(
        "<html><body><table><tr>"
        + "".join(f"<td>{i}</td>" for i in range(n))
        + "</tr><tr><td>last</td></tr></table></body></html>"
    )
    assert tree is not None
    rows = tree.findall(".//tr")
    assert [len(r) for r in rows] == [MAX_ROW_CELLS, MAX_ROW_CELLS, 7, 1]
    assert [td.text for r in rows for td in r] == [str(i) for i in range(n)] + ["last"]


def _nav_page(names: list[str], extra: str = "") -> str:
    links = "".join(
        f'<li><a href="https://news.example/{k}">{n}</a></li>' for k, n in enumerate(names)
    )
    return (
        "<html><head><title>Video</title><script>" + "var x = 1;\n" * 6000 + "</script></head>"
        f'<body><div class="video-player"></div>{extra}<div class="more"><ul>{links}</ul></div>'
        "</body></html>"
    )


def test_a_page_whose_kept_text_is_only_a_few_links_is_no_content(run_stage):
    """A video page without its article kept "View The Daily Telegraph / View The Herald
    Sun / ..." as a record (kept_share 0.0004; s29 acc-warcscale L1): a few short lines,
    each a link's text, of a tiny share of the page are no_content."""
    names = ["View The Daily Telegraph", "View The Herald Sun", "View The Gold Coast Bulletin"]
    run = run_stage(BoilerplateStage, make_document(_nav_page(names), html=True, path="v.html"))
    assert run.kept == [] and run.dropped[0][1].reason == "no_content"


def test_short_lines_that_are_not_links_are_kept(run_stage):
    """The same page with a short paragraph of its own (not a link's text) keeps it."""
    page = _nav_page(["View The Herald Sun"], extra="<p>Flood waters rise in Lismore.</p>")
    run = run_stage(BoilerplateStage, make_document(page, html=True, path="v.html"))
    assert [d.text for d in run.kept] and "Lismore" in run.kept[0].text


@pytest.mark.parametrize(
    ("stages", "setting", "collected"),
    [
        (("boilerplate", "metadata", "dedup"), "auto", True),
        # --disable metadata: no stage reads it, and ~25 % of the HTML CPU went to it
        # (s30 corpus tester F8)
        (("boilerplate", "language", "dedup"), "auto", False),
        (("boilerplate", "language", "dedup"), True, True),  # (a plugin stage reads it)
        (("boilerplate", "metadata"), False, False),
        (None, "auto", True),  # (a stage made by a program: the run's stages not known)
    ],
)
def test_html_metadata_is_collected_when_the_run_reads_it(tmp_path, stages, setting, collected):
    from corearchive.executor import local_context
    from corearchive.options import build_options
    from corearchive_plugins.boilerplate import BoilerplateOptions

    opts = build_options(
        BoilerplateOptions, {"html_metadata": setting}, stage="boilerplate", origin="test"
    )
    stage = BoilerplateStage(opts, local_context("t", tmp_path, stages=stages))
    stage.open()
    doc = stage.process(make_document(_page(), html=True, path="a.html"))
    assert ("trafilatura_meta" in doc.work) is collected and "html_tree" in doc.work
    assert PARA in doc.text


def test_trafilaturas_own_date_bound_is_todays_at_each_call_not_the_first_calls(monkeypatch):
    """The trafilatura options are cached per mode: their date bound (``max_date``) was
    today's at the first call, kept for the life of the process (a server's Cleaner, a run
    across midnight UTC). Only ``_extract(..., metadata=True)`` reads it (the stage's own
    dates come from :func:`metadata.html.trafilatura_meta`, bounded by each document's
    capture); it is now the day of the call."""
    from datetime import date

    from corearchive_plugins.boilerplate import _extract
    from corearchive_plugins.boilerplate import _extractor_of_day as _extractor
    from corearchive_plugins.boilerplate.htmltree import load_html
    from corearchive_plugins.metadata import text as textmeta

    head = "<head><meta property='article:published_time' content='2021-03-04'>"
    tree = load_html(_page().replace("<head>", head).replace("© 2024 Example", ""))
    _extractor.cache_clear()
    try:
        monkeypatch.setattr(textmeta, "utc_today", lambda: date(2020, 1, 1))
        _, first = _extract(tree, "precision", True)
        monkeypatch.setattr(textmeta, "utc_today", lambda: date(2022, 1, 1))
        _, later = _extract(tree, "precision", True)
    finally:
        _extractor.cache_clear()
    assert first is not None and later is not None
    assert first["date"] != "2021-03-04"  # after that day's bound
    assert later["date"] == "2021-03-04"


PAYWALLS = [
    "Subscribe to continue reading. Already a subscriber? Log in.",
    "Sorry, this article is for subscribers only.",
    "You have reached your free article limit this month.",
    "Il vous reste 68 % de cet article à lire.",
    "Weiterlesen mit SZ Plus",
    "Dieser Artikel ist nur für Abonnenten verfügbar.",
    "Suscríbete para seguir leyendo",
]
NOT_PAYWALLS = [
    "Subscribe to our newsletter",
    "The paper put up a paywall and asked readers to subscribe to continue reading its"
    " investigations, which angered many of them.",
]


def test_a_members_question_is_a_paywall_only_before_a_log_in(ingest, tmp_path):
    """ "Already a member?" alone is any club's question: a local story ending "Not already a
    member? Sign up at the front desk." lost that line as a paywall's prompt, and was
    flagged cut short (s34 acc-read #6, f6/gym.txt). With the prompt to log in after it, on
    its line or the next, it is a paywall's."""
    from corearchive_plugins.boilerplate.notes import is_paywall, paywall_cut

    member = "Not already a member? Sign up at the front desk."
    assert not is_paywall(member) and not is_paywall("Already a member?", member)
    assert is_paywall("Already a subscriber?", "Log in") and is_paywall(
        "Déjà abonné ? Se connecter"
    )
    assert paywall_cut(["A paragraph of the story.", "Already a subscriber?", "Log in"]) == 2
    story = (
        "Community pool reopens after repairs\n\nThe Riverside community pool reopened on"
        " Saturday after eight months of repairs to its roof and heating system, and more than"
        " three hundred swimmers came on the first day.\n\nThe club that runs the pool said the"
        " new heating would cut its energy bill by a third, and that the lanes for lessons would"
        " be open every weekday from seven in the morning.\n\nMembership costs twenty dollars a"
        f" year for adults and is free for children under twelve.\n\n{member}\n"
    )
    (tmp_path / "gym.txt").write_text(story, "utf-8")
    res = ingest(str(tmp_path / "gym.txt"))
    (rec,) = res.records
    assert rec["text"].endswith(member) and "paywall" not in rec["annotations"]["boilerplate"]


def test_a_newsletter_platforms_paid_preview_prompt_is_cut():
    # a Substack paid post's preview ended with its prompt, kept (s41 acc-press F16)
    from corearchive_plugins.boilerplate.notes import is_paywall, paywall_cut

    prompt = [
        "Keep reading with a 7-day free trial",
        "Subscribe to Water Policy Weekly to keep reading this post and get 7 days of free"
        " access to the full post archives.",
        "Start trial",
    ]
    assert all(map(is_paywall, prompt[:2]))
    assert paywall_cut(["The agreement sets new shortage tiers for Lake Mead.", *prompt]) == 3
    # (a sentence of the story that names a free trial or a newsletter is none)
    assert not is_paywall("The gym offers a 7-day free trial to new members from March.")
    assert not is_paywall("Subscribe to our newsletter to get the weekly tide tables.")


def test_a_members_notice_with_log_in_among_its_words_is_no_paywall(ingest, tmp_path):
    """Any four words could come before the log-in verb: "Already a member? Bring your card
    and log in at any of the new computers." ending a local story was cut as a paywall's
    prompt (s36 acc-read F13, f17/story.txt). Only a prompt's own lead words may."""
    from corearchive_plugins.boilerplate.notes import is_paywall

    notice = "Already a member? Bring your card and log in at any of the new computers."
    assert not is_paywall(notice)
    assert not is_paywall("Already a member? You can log in to book a court.")
    assert not is_paywall("Already a member? Staff will sign in new visitors at the door.")
    assert is_paywall("Déjà abonné ? Veuillez vous connecter.")
    assert is_paywall("Already a subscriber? Tap here to sign in")
    story = "Library opens computer room\n\n" + "\n\n".join([PARA, PARA2, PARA, PARA2])
    (tmp_path / "story.txt").write_text(f"{story}\n\n{notice}\n", "utf-8")
    (rec,) = ingest(str(tmp_path / "story.txt")).records
    assert rec["text"].endswith(notice) and "paywall" not in rec["annotations"]["boilerplate"]


@pytest.mark.parametrize(
    "prompt",
    [
        "Already a subscriber? Please log in.",
        "Already a subscriber? Click here to log in.",
        "Bereits Abonnent? Bitte melden Sie sich an.",
    ],
)
def test_a_members_question_is_a_paywall_with_words_before_the_log_in(ingest, tmp_path, prompt):
    """Only a log-in verb right after the question made it a paywall's: "Please log in",
    "Click here to log in", German's "Bitte melden Sie sich an" stayed in the text, and the
    text was not flagged cut (s35 acc-read #21, f24). A sign-up is still no log-in."""
    from corearchive_plugins.boilerplate.notes import is_paywall

    assert not is_paywall("Not already a member? Please sign up at the front desk.")
    story = "Parks budget approved\n\n" + "\n\n".join([PARA, PARA2, PARA, PARA2])
    (tmp_path / "pw.txt").write_text(f"{story}\n\n{prompt}\n", "utf-8")
    (rec,) = ingest(str(tmp_path / "pw.txt")).records
    assert rec["annotations"]["boilerplate"].get("paywall") is True
    assert "subscriber" not in rec["text"] and "Abonnent" not in rec["text"]


@pytest.mark.parametrize(
    "tail",
    [
        "Most read\nAdvertisement\nAlready a subscriber?\nLog in",
        "Already a subscriber?\nLog in",
        "Already a subscriber?\nPlease log in",
    ],
)
def test_a_log_in_under_the_last_line_read_makes_it_a_paywall(ingest, tmp_path, tail):
    """Each line read for a paywall's prompt is read with the line after it, but the last
    was given "": "Already a subscriber?" as the third removed line after the text, or as
    the text's last kept line, with "Log in" (removed) under it, was no paywall, and in the
    second case stayed in the text (s35 acc-read #7, f7/edge.txt)."""
    story = "\n".join(["Parks budget approved", "By Jane Doe", PARA, PARA2, PARA, PARA2])
    (tmp_path / "pw.txt").write_text(f"{story}\n{tail}\n", "utf-8")
    (rec,) = ingest(str(tmp_path / "pw.txt")).records
    assert rec["text"].endswith(PARA2), rec["text"]
    assert rec["annotations"]["boilerplate"].get("paywall") is True


def test_a_paywalls_prompt_at_the_texts_end_is_removed_and_recorded(run_stage, seeds):
    """s33 acc-regress #9: the prompt stayed in the text (HTML and plain text alike), and a
    re-fetch cut by the paywall, holding a line the full story lacks, was archived as the
    page's newest version. At the end of a text (with the short lines after it) it goes,
    with its reason, and annotations.boilerplate.paywall says the text is cut there."""
    from corearchive_plugins.boilerplate import PAYWALL_REASON
    from corearchive_plugins.boilerplate.notes import is_paywall

    assert all(map(is_paywall, PAYWALLS)) and not any(map(is_paywall, NOT_PAYWALLS))
    page = (seeds / "000_8ba00cc28553518d.txt").read_text("utf-8")
    alone = run_stage(BoilerplateStage, make_document(page)).kept[0]
    assert "paywall" not in alone.annotations["boilerplate"]
    body = alone.text
    docs = [make_document(body + "\n\n" + p + "\n\nLog in\n") for p in PAYWALLS]
    for doc in run_stage(BoilerplateStage, docs).kept:
        ann = doc.annotations["boilerplate"]
        assert doc.text == body and ann["paywall"] is True, ann
    # the prompt under a plain story, which the line model keeps, goes with this rule's
    # reason
    story = "\n\n".join(f"{p} ({k})" for k in range(3) for p in (PARA, PARA2))
    cut = run_stage(BoilerplateStage, make_document(story + "\n\n" + PAYWALLS[0])).kept[0]
    ann = cut.annotations["boilerplate"]
    assert cut.text == story.replace("\n\n", "\n") and ann["paywall"] is True
    assert ann["removed"]["reason"] == [PAYWALL_REASON]
    # in the middle of the text it is the line model's to decide, and no paywall
    middle = run_stage(BoilerplateStage, make_document(PAYWALLS[0] + "\n\n" + body)).kept[0]
    assert "paywall" not in middle.annotations["boilerplate"]
    # an HTML page's text
    paras = "".join(f"<p>{p} ({k})</p>" for k in range(3) for p in (PARA, PARA2))
    html = (
        "<html><head><title>T</title></head><body><article><h1>Budget</h1>"
        f"{paras}<p>{PAYWALLS[0]}</p></article></body></html>"
    )
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert doc.text.endswith(f"{PARA2} (2)") and doc.annotations["boilerplate"]["paywall"]


def _has_trigger(items: list[Any], words: re.Pattern[str], run: str = "") -> bool:
    """Whether every string that a parsed pattern's ``items`` (``re._parser``'s, after the
    literal ``run``) match holds a word of ``words`` (in its lower case) or a letter beyond
    ASCII: in a run of literals, with each branch of a choice, or in what a repeat of one or
    more holds."""
    from re import _constants as c

    def hit(text: str) -> bool:
        # (a letter that no ASCII letter matches case-blind: "ſ" matches "s", "é" none)
        return words.search(text.lower()) is not None or any(
            not ch.isascii() and not re.search(re.escape(ch), string.ascii_letters, re.I)
            for ch in text
        )

    for k, (op, av) in enumerate(items):
        if op is c.LITERAL:
            run += chr(av)
        elif op is c.BRANCH:  # (the parser takes the branches' common first letters out)
            return all(_has_trigger([*b, *items[k + 1 :]], words, run) for b in av[1])
        elif op is c.SUBPATTERN:
            return _has_trigger([*av[-1], *items[k + 1 :]], words, run)
        else:
            if hit(run):
                return True
            run = ""
            repeat = op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)
            if repeat and av[0] >= 1 and _has_trigger(av[2], words):
                return True
    return hit(run)


def test_every_paywall_prompt_holds_a_trigger_word():
    """is_paywall tells a line of ASCII with none of the trigger words from no prompt
    without trying the prompts' patterns (~1.4 µs a line): each alternative of the patterns
    must hold one, or a letter beyond ASCII (the lines that skip the trigger test), else a
    prompt added to them would go unseen."""
    from re import _parser

    from corearchive_plugins.boilerplate.notes import (
        _ALREADY_PAID,
        _PAYWALL,
        _PAYWALL_TRIGGER,
        is_paywall,
    )

    for pattern in (_PAYWALL, _ALREADY_PAID):
        # the prompts: the alternatives after the lead-in and a few words
        op, (_, branches) = _parser.parse(pattern.pattern, pattern.flags)[3]
        assert op is _parser.BRANCH and len(branches) >= 7
        missing = [b for b in branches if not _has_trigger(b, _PAYWALL_TRIGGER)]
        assert not missing, missing
    # the case-blind match of a line beyond ASCII is the patterns': the long s of old print
    assert is_paywall("Subſcribe to continue reading") and is_paywall("CONTINUE READING, LOG IN")


def _crawl_page(own: list[str]) -> str:
    """A page of a site's crawl: the site's furniture that the line model keeps ("Continue
    reading below", "Share this article") around ``own``, the page's own lines."""
    return "\n".join(["Home", "News", "Continue reading below", *own, "Share this article"])


def _article(i: int, *extra: str) -> list[str]:
    """An article's own lines (a headline, two paragraphs), with ``extra`` lines first."""
    return [
        f"Story {i}: council budget vote",
        *extra,
        PARA.replace("twelve", f"{i + 2} times"),
        PARA2.replace("teachers", f"{i + 3} teachers"),
    ]


BRIEF = "The harbour bridge reopens on Monday."


def test_a_one_paragraph_story_is_kept_though_listing_pages_quote_it(run_stage):
    """A one-paragraph story's paragraph is also its teaser on the section and tag pages
    that list it: a few pages of the site share it, but the story holds it as its body. It
    was taken for template (3 pages were the evidence) and the story lost it, or was dropped
    as no_content (s33 site-crawl acceptance test, finding 1); the site's template goes
    still."""
    headline = "Harbour bridge reopens after repairs"
    story = _crawl_page([headline, "Published 1 March 2024", BRIEF])
    listings = [
        _crawl_page([f"Tag: {tag}", headline, BRIEF, *_article(k)[:2]])
        for k, tag in enumerate(["Transport", "Harbour", "Roads"])
    ]
    pages = [story, *listings, *(_crawl_page(_article(i)) for i in range(4, 10))]
    off = run_stage(BoilerplateStage, _site_docs(pages)).kept
    assert off[0].source.uri.endswith("/0") and BRIEF in off[0].text  # (the model keeps it)
    on = run_stage(BoilerplateStage, _site_docs(pages), site_template=True).kept
    assert on[0].source.uri.endswith("/0") and BRIEF in on[0].text.splitlines()
    assert all("Continue reading below" not in d.text for d in on)


def test_short_lines_that_some_articles_repeat_are_not_template(run_stage):
    """A column's label, a series note, a short quote that follow-ups repeat recur on some
    pages of a site, inside each article: they stay, however the input is ordered (a crawl
    written site by site brings more of the site's pages into a chunk: nearly all such lines
    went then; s33 site-crawl acceptance test, finding 3). What recurs on most pages goes."""
    label, quote = "Ask Ellen: money questions answered", "“Enough is enough.”"
    pages = [
        _crawl_page(_article(i, label) if i % 4 == 0 else _article(i, quote) if i % 4 == 1
                    else _article(i))
        for i in range(24)
    ]  # fmt: skip
    other = _site_docs([_crawl_page(_article(i)) for i in range(24)], host="other.example")
    sorted_docs = _site_docs(pages) + other
    mixed = [d for pair in zip(_site_docs(pages), other, strict=True) for d in pair]
    for docs in (sorted_docs, mixed):
        kept = run_stage(BoilerplateStage, docs, site_template=True).kept
        ours = [d for d in kept if "news.example.com" in d.source.uri]
        assert sum(label in d.text for d in ours) == 6
        assert sum(quote in d.text for d in ours) == 6
        assert all("Continue reading below" not in d.text for d in kept)


HEADLINES = [
    "Council approves a budget that raises school funding by a tenth.",
    "Why the harbour bridge closed for three weeks, and what comes next?",
]


def test_a_box_of_sentence_shaped_headlines_on_every_page_is_template(run_stage):
    """A "Most read" box on every page of the site, whose headlines are sentences of 8 words
    or more, was never template (the sentence rule) while a story's own short paragraph
    was: records made of other stories' headlines, two different stories then exact
    duplicates (s33 site-crawl acceptance test, finding 2). A sentence-like line that most
    of the site's pages (and twice site_template_docs) hold is the site's; the near copies
    of one article, which share all their sentences, are not evidence of a template."""
    box = ["Most read", *HEADLINES]
    briefs = [BRIEF, "A new ferry timetable starts in May."]
    pages = [
        _crawl_page([f"Brief {i}", "Published 1 March 2024", briefs[i], *box]) for i in range(2)
    ]
    pages += [_crawl_page([*_article(i), *box]) for i in range(2, 8)]
    off = run_stage(BoilerplateStage, _site_docs(pages)).kept
    assert all(HEADLINES[0] in d.text for d in off)  # (the line model keeps them)
    on = run_stage(BoilerplateStage, _site_docs(pages), site_template=True).kept
    assert len(on) == 8 and not any(h in d.text for d in on for h in HEADLINES)
    assert [briefs[i] in on[i].text for i in range(2)] == [True, True]
    # three versions of one article, the site's only pages in the chunk: kept whole
    versions = [_crawl_page([f"Updated {h}:00", *_article(0)]) for h in (9, 10, 11)]
    kept = run_stage(BoilerplateStage, _site_docs(versions), site_template=True).kept
    assert all(PARA.replace("twelve", "2 times") in d.text for d in kept)


def test_a_template_line_says_how_many_of_the_sites_pages_hold_it(run_stage):
    """The evidence is the chunk's: the reason of a line removed as template says how many
    of the site's pages in the chunk hold it, of how many, and the annotations count the
    lines so removed (s33 site-crawl acceptance test, finding 6: "in 3 documents of the
    site" did not say that the page's neighbours decided)."""
    pages = [_template_page(i) for i in range(5)]
    pages[4] = pages[4].replace("Continue reading below\n", "")
    on = run_stage(BoilerplateStage, _site_docs(pages), site_template=True, keep_removed=True)
    for doc in on.kept[:4]:
        ann = doc.annotations["boilerplate"]
        gone = ann["removed"]
        reasons = dict(zip(gone["text"], gone["reason"], strict=True))
        why = "site template (in 4 of the site's 5 documents in this chunk)"
        assert reasons["Continue reading below"] == why
        template = [r for r in gone["reason"] if r.startswith("site template")]
        assert ann["template"] == {"lines": len(template), "pages": 5}
    assert "template" not in on.kept[4].annotations["boilerplate"]


def test_a_paragraph_with_an_inline_quotation_is_written_once(run_stage):
    """trafilatura breaks a paragraph at an inline <q> ("... do it" / ", the mayor said."),
    and refine added the page's whole line after the pieces: the paragraph twice (s36
    acc-regress O2). The pieces are one line again."""
    page = (
        "<!DOCTYPE html><html><head><title>Mayor keeps promise</title></head><body><article>"
        "<h1>Mayor keeps promise</h1><p class='date'>April 2, 2024</p><p>The city council"
        " voted on Tuesday to approve a new budget for the coming year, after months of debate"
        " among its members and residents. <q>We said on January 5, 2020 that we would do"
        " it</q>, the mayor said.</p><p>Officials said the plan would fund road repairs, two"
        " new libraries and a program to plant trees along the river.</p></article></body>"
        "</html>"
    )
    doc = run_stage(BoilerplateStage, make_document(page, html=True, path="q.html")).kept[0]
    lines = doc.text.split("\n")
    said = [ln for ln in lines if "We said on January 5, 2020" in ln]
    assert len(said) == 1 and said[0].endswith("that we would do it, the mayor said.")
    assert not any(ln.startswith(",") for ln in lines)


def test_only_a_clauses_closing_punctuation_joins_a_line_to_the_one_before():
    from corearchive_plugins.boilerplate.refine import _rejoined

    lines = [
        "Er sagte es",
        ", und ging.",
        "»Noch« nicht, sagte sie.",
        "”Kun ottaa",
        ".NET is",
        ". Und",
    ]
    assert _rejoined(lines) == ["Er sagte es, und ging.", "»Noch« nicht, sagte sie.",
                                "”Kun ottaa", ".NET is. Und"]  # fmt: skip


@pytest.mark.parametrize(
    "furniture",
    [
        "שתפו פייסבוק וואטסאפ כתבות נוספות שביתה בנמל חיפה: העובדים מאיימים בהסלמה",
        "この記事をシェアする ツイート はてなブックマーク 関連記事 ローカル線の存廃議論",
        # (networks the boilerplate stage's lexicon had and the share bar's list had not:
        # review39 R15, one list now)
        "แชร์ เฟซบุ๊ก ไลน์ ข่าวที่เกี่ยวข้อง นายกฯ สั่งเร่งแก้น้ำท่วมภาคเหนือ",
        "공유하기 페이스북 카카오톡 관련기사 부산 지하철 파업 이틀째",
        # (a call to share of two words the lexicon knows in its language: review2 R1)
        "شارك على فيسبوك تويتر واتساب أخبار ذات صلة ارتفاع أسعار الوقود في عمان",
        "Copyright © 2024 日本中央新聞社 All rights reserved.",
        "جميع الحقوق محفوظة © ٢٠٢٤ صحيفة الوطن",
    ],
)
def test_refine_adds_no_copyright_notice_or_share_bar(furniture: str) -> None:
    """s38 acc-script #10: a Hebrew share bar with a related headline and a Japanese
    copyright line under a short article, which the line model scored 0.91 and 0.90 (their
    English twins 0.61, 0.08), were added to trafilatura's text as sure content. A copyright
    notice or a share bar is never added; a sure paragraph still is."""
    from corearchive_plugins.boilerplate.refine import refine

    d = _decisions(
        [("Body one", 0.99), ("Body two", 0.99), ("A lost paragraph", 0.95), (furniture, 0.95)]
    )
    assert refine("Body one\nBody two", d)[0].split("\n") == [
        "Body one",
        "Body two",
        "A lost paragraph",
    ]


def test_a_lede_ending_in_a_colon_under_the_headline_is_no_caption(run_stage):
    """s40 acc-regress D3: "… Results of the final round:" right under the headline, no
    sentence end, went as an image caption; a line ending in a colon leads into what
    follows (a table, a list), as a caption does not."""
    lede = "The club championship was played on Saturday in light rain. Results of the final round:"
    page = [
        "Results of the club championship",
        lede,
        "Name | Club | Score",
        "Anna Berg | Riverside | 71",
        "Tom Hale | Northfield | 73",
        "Jo Park | Riverside | 74",
        "The winner receives the silver cup and a year's free membership.",
    ]
    kept, removed = _clean(run_stage, page)
    assert lede in kept, removed.get(lede)


#: A wire story's paragraphs (s40 acc-synd #3)
_WIRE_PARAS = [
    "HAMBURG (AP) — A severe storm disrupted rail traffic across much of northern Germany on"
    " Wednesday, leaving thousands of commuters stranded for hours at the main stations.",
    "The national weather service had warned on Tuesday of gusts of up to 120 kilometers per"
    " hour, and the railway closed several lines as a precaution, a spokeswoman said.",
    "Firefighters in Hamburg reported more than 400 calls by Wednesday afternoon, most of them"
    " for fallen trees, and no serious injuries were reported in the city, officials said.",
    "Ferries to the North Sea islands stayed in port, and the operator said it expected to"
    " resume its crossings on Thursday morning once the wind had eased, officials said.",
]


@pytest.mark.parametrize(
    "promo",
    [
        "READ MORE: Library to extend weekend hours starting in January",
        "Related: From Big Bang to Present: Snapshots of Our Universe Through Time",
        "SEE ALSO: GOP candidates say Hamas must be eliminated, in first debate",
        "Lire aussi : Guerre Israël-Hamas : ce que l’on sait des premières évacuations",
        # (the labels the metadata stage knew as related articles' and this rule did not:
        # review2 R2, one list now)
        "Lees ook: Gemeente wil nieuwe fietsbrug over de haven bouwen",
        "Czytaj także: Rada miasta przyjęła budżet na przyszły rok",
        "Related posts: Council approves new cycle lanes on Harbour Road",
        # (a dash between spaces after the label, as Le Figaro sets it: s45 acc-wire W11)
        "LIRE AUSSI - Crédit immobilier : les taux continuent de baisser",
        "Read more — Council approves new cycle lanes on Harbour Road",
    ],
)
def test_a_link_to_another_story_between_the_paragraphs_is_removed(run_stage, promo):
    # sites set "READ MORE: <headline>" between a wire story's paragraphs; the line model,
    # reading a line among paragraphs, kept it (11 of 18 copies)
    paras = [*_WIRE_PARAS[:2], promo, *_WIRE_PARAS[2:]]
    text = "\n\n".join(["Prairie Standard", "News", "Storm halts trains in the north", *paras])
    doc = run_stage(BoilerplateStage, make_document(text), keep_removed=True).kept[0]
    assert doc.text.split("\n") == _WIRE_PARAS
    gone = doc.annotations["boilerplate"]["removed"]
    assert dict(zip(gone["text"], gone["reason"], strict=True))[promo] == PROMO_REASON


def test_a_paragraph_that_opens_with_a_label_is_no_link():
    # a sentence after the label, or two, is the article's: "More: ..." in a list, a note
    assert _promo("READ MORE: Library to extend weekend hours starting in January")
    assert not _promo("Related: the council also voted on the budget for the new library.")
    assert not _promo("More: Prices rose 3 percent. Wages rose less than that in the year")
    assert not _promo("Watch: now")
    assert not _promo("More - and more people say so.")
    # (a dash only after a label naming another story: s45 midrev45 M4)
    assert not _promo("More — and better — jobs for young people in the region")
    assert not _promo("Watch – the mayor opens the new bridge over the river")
    # (a full stop before a closing quote ends a sentence as well: s41 acc-read unproved 3)
    assert not _promo('Listen: the mayor told the crowd that "this bridge belongs to you."')
    assert _promo('READ MORE: "We will rebuild," mayor says after the storm')


SETEXT = [
    "Annual General Meeting",
    "======================",
    "",
    "Minutes of the meeting of 4 March 2025, held in the village hall of Riverside.",
    "",
    "Present",
    "-------",
    "Twelve members and the chair, Ms A. Brook, and the treasurer, Mr J. Doe.",
    "",
    "Any other business",
    "------------------",
    "The hall roof needs repairs before the winter; quotes will be sought from builders.",
]


def test_a_plain_texts_setext_underlines_are_markup(run_stage) -> None:
    """s40 acc-regress D5: a plain text's setext headings ("Present" / "-------") kept
    their underlines as lines of the text; the headings stay, the underlines go."""
    kept, removed = _clean(run_stage, SETEXT)
    assert not any(set(line) <= set("=-") for line in kept)
    assert "Present" in kept and "Any other business" in kept
    assert removed["-------"] == removed["======================"]


@pytest.mark.parametrize(
    "lines",
    [
        # a rule under a paragraph, a signature's separator: no heading's underline
        ["A paragraph of the text that goes on for a while, as paragraphs do here.", "-----"],
        ["Jane Doe", "--"],
        # a front matter's rules
        ["---", "title: Hi", "---"],
    ],
)
def test_a_rule_is_no_setext_underline(lines) -> None:
    assert setext_underlines(lines) == []


# A short shop page, one block a line (s42 acc-pages F15: the probe of short pages): its one
# line of description is shorter than the site's cookie notice over it
_SHORT_PRODUCT = [
    "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site.",
    "Tout accepter",
    "Personnaliser",
    "Livraison offerte dès 80 € d'achat",
    "La Maison du Lin",
    "Rechercher",
    "Connexion",
    "Panier (0)",
    "Linge de lit",
    "Linge de table",
    "Salle de bain",
    "Nouveautés",
    "Soldes",
    "Accueil",
    "Linge de lit",
    "Taie d'oreiller en lin – lot de 2",
    "Taie d'oreiller en lin – lot de 2",
    "Rated 4.50 out of 5",
    "39,00 €",
    "Quantité",
    "Ajouter au panier",
    "Deux taies d'oreiller en lin lavé, 65 × 65 cm, avec une fermeture à rabat.",
    "Vous aimerez aussi",
    "Inscrivez-vous à notre newsletter",
    "Votre adresse e-mail",
    "S'abonner",
    "Livraison",
    "Retours",
    "CGV",
    "Mentions légales",
    "Nous contacter",
    "Paiement 100 % sécurisé",
    "© 2025 La Maison du Lin",
]


def test_a_cookie_notice_over_a_short_page_is_removed(run_stage) -> None:
    kept, removed = _clean(run_stage, _SHORT_PRODUCT)
    assert "Deux taies d'oreiller en lin lavé, 65 × 65 cm, avec une fermeture à rabat." in kept
    assert removed[_SHORT_PRODUCT[0]] == CONSENT_REASON
    # a notice that is all the page kept stays: the page is not dropped as empty
    notice = "We use cookies to give you the best possible experience on our website."
    kept, _ = _clean(run_stage, [notice, "Accept all", "Home", "Basket (0)", "Returns"])
    assert kept == [notice]
    # a headline that names cookies is no notice, nor a lead that goes on under it
    recipe = [
        "Chewy Oatmeal Cookies",
        "September 30, 2024",
        PARA.replace("budget", "cookie"),
        PARA2,
    ]
    kept, removed = _clean(run_stage, ["Home", "Recipes", *recipe, "© 2025 Home Bakes"])
    assert CONSENT_REASON not in removed.values()
    assert recipe[2] in kept
    # a recipe's lead that names cookies over a removed "Jump to Recipe" is no notice: it
    # names no consent (s44 acc-read F1)
    lead = (
        "These chocolate chip cookies are soft in the middle, crisp at the edges and ready in"
        " thirty minutes, which makes them the cookies I bake most often for my family."
    )
    page = ["Home | Recipes | Baking | About | Contact", "Soft and Chewy Chocolate Chip Cookies"]
    story = [
        "I have been baking this recipe for more than ten years, and I have changed it a little"
        " every time until it came out the way my children like it best.",
        "The secret is to let the dough rest in the fridge for at least an hour before you bake"
        " it, so that the butter firms up again and the cookies do not spread too much in the"
        " oven.",
        "You can freeze the dough in balls and bake a few at a time whenever you want fresh"
        " cookies in the afternoon.",
        "Share on Facebook | Pin it | Email",
    ]
    text = [*page, lead, "Jump to Recipe", *story]
    kept, removed = _clean(run_stage, [x for line in text for x in (line, "")][:-1])
    assert CONSENT_REASON not in removed.values()
    assert lead in kept
    # (a notice's verb a few words before its noun is a notice's still)
    from corearchive_plugins.boilerplate import _CONSENT_WORDING

    for notice in (
        "Nous utilisons les témoins de navigation (cookies) afin d'opérer nos services.",
        "Auf unserer Website nutzen wir neben technischen erforderlichen Cookies auch andere.",
    ):
        assert _CONSENT_WORDING.search(notice)
    assert not _CONSENT_WORDING.search(lead)
    # "we use cookies" in a baker's words is no notice; with a site's purpose it is one
    from corearchive_plugins.boilerplate import _consent_notice

    baker = (
        "For this no-bake cheesecake we use crushed cookies instead of a pastry crust, and the"
        " filling needs only four ingredients."
    )
    assert not _consent_notice(baker)
    text = [*page[:1], "No-Bake Cookie Cheesecake", baker, "Jump to Recipe", *story]
    kept, removed = _clean(run_stage, [x for line in text for x in (line, "")][:-1])
    assert baker in kept
    for notice in (
        "We use cookies to give you the best experience.",
        "We use cookies and similar technologies to personalise ads.",
        "On this page we use cookies. You can accept or reject them.",
    ):
        assert _consent_notice(notice)


_RU_NOTICE = (
    "Сайт использует файлы cookie. Продолжая работу с сайтом, вы соглашаетесь с их использованием."
)
_RU_RELEASE = [
    "Минобрнауки увеличит число бюджетных мест в региональных вузах",
    "В 2025 году число бюджетных мест в университетах, расположенных за пределами Москвы и"
    " Санкт-Петербурга, будет увеличено на 12 тысяч. Об этом сообщил министр на совещании.",
    "Приоритет получат инженерные, педагогические и медицинские специальности. Распределение"
    " мест проводится по итогам публичного конкурса с учётом потребностей экономики регионов.",
    "Кроме того, министерство продлит программу строительства современных студенческих"
    " кампусов: к 2030 году планируется ввести в эксплуатацию ещё 25 кампусов.",
]


def test_a_notice_in_the_sites_voice_goes_with_the_page_kept_under_it(run_stage):
    """s47 acc-gov G9: a notice over a kept headline (or its kept buttons) was kept, as the
    rule asked for a removed line under it; a banner in markup that names no consent box
    was the HTML text's first paragraph."""
    kept, removed = _clean(run_stage, [_RU_NOTICE, *_RU_RELEASE])
    assert removed.get(_RU_NOTICE) == CONSENT_REASON
    assert kept == _RU_RELEASE
    paras = "".join(f"<p>{x}</p>" for x in _RU_RELEASE[1:])
    html = (
        f"<html><body><div class='b1'><p>{_RU_NOTICE}</p></div><div class='c'>"
        f"<h1>{_RU_RELEASE[0]}</h1>{paras}</div></body></html>"
    )
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert "cookie" not in doc.text
    assert doc.annotations["boilerplate"]["consent_notice"] is True
    assert _RU_RELEASE[-1] in doc.text
    # a story's lead about another's cookies, reported, stays
    lead = (
        "Google uses cookies to measure how ads perform and asks users to accept them, the"
        " company said on Tuesday in a filing to the regulator."
    )
    kept, removed = _clean(run_stage, [lead, *_RU_RELEASE[1:]])
    assert lead in kept


def test_a_storys_lead_about_cookies_in_the_first_person_is_no_site_notice(run_stage):
    """s48 acc-regress R2: "wir" is a story's voice about all of us too; a notice in the
    site's voice with no buttons under it also names the site's use of cookies or speaks
    to its reader (the G9 notice above does both)."""
    from corearchive_plugins.boilerplate import site_notice

    lead = (
        "Wir akzeptieren Cookies oft, ohne zu lesen, was wir da erlauben – das will die"
        " Datenschutzbehörde jetzt ändern."
    )
    story = [
        "Die Behörde hat 40 Webseiten geprüft und bei der Hälfte Verstöße gefunden, teilte sie"
        " am Freitag mit.",
        "Künftig soll der Knopf zum Ablehnen so groß sein wie der zum Zustimmen, heißt es in"
        " dem Entwurf der Behörde.",
    ]
    assert not site_notice(lead)
    assert site_notice(_RU_NOTICE)
    assert site_notice("Wir verwenden Cookies, um unsere Website für Sie zu verbessern.")
    kept, _ = _clean(run_stage, [lead, *story])
    assert lead in kept


# A short imprint as lynx and w3m write it, its cookie notice over it (s44 acc-regress R4)
_IMPRINT_LYNX = """     * [1]Home
     * [2]News
     * [3]Sport
     * [4]About us

   Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer
   Website zu ermöglichen.
   (BUTTON) Akzeptieren (BUTTON) Ablehnen

                                   Impressum

   Holzwerkstatt Meier GmbH, Lindenstraße 4, 79098 Freiburg.
   Geschäftsführer: Jonas Meier. Telefon: 0761 123456. E-Mail:
   info@holzwerkstatt-meier.de

Kontakt

   Telefon: 0761 123456

   © 2025 Example Media Ltd. All rights reserved.

   [5]Privacy · [6]Terms · [7]Cookie settings"""
_IMPRINT_W3M = """  • Home
  • News
  • Sport
  • About us

Wir verwenden Cookies, um Ihnen die bestmögliche Nutzung unserer Website zu
ermöglichen.

Akzeptieren Ablehnen

Impressum

Holzwerkstatt Meier GmbH, Lindenstraße 4, 79098 Freiburg. Geschäftsführer:
Jonas Meier. Telefon: 0761 123456. E-Mail: info@holzwerkstatt-meier.de

Kontakt

Telefon: 0761 123456

© 2025 Example Media Ltd. All rights reserved.

Privacy · Terms · Cookie settings"""


@pytest.mark.parametrize("page", [_IMPRINT_LYNX, _IMPRINT_W3M])
def test_a_short_pages_own_sentence_is_kept_not_its_cookie_notice_alone(run_stage, page):
    # the imprint's lines, full of contact words, scored under the notice, and the record
    # was the notice alone: the page's own sentence is kept instead, with its block
    run = run_stage(BoilerplateStage, make_document(page))
    assert run.kept, run.dropped
    text = run.kept[0].text
    assert "Cookies" not in text
    assert "Holzwerkstatt Meier GmbH, Lindenstraße 4, 79098 Freiburg." in text
    assert "Jonas Meier. Telefon: 0761 123456." in text
    assert "Home" not in text.split("\n") and "Kontakt" not in text.split("\n")


def test_a_headings_permalink_is_dropped_from_the_text_and_the_title(run_stage):
    """s42 review R7: the permalink link of a documentation page's headings (Sphinx's and
    MkDocs' "¶", VuePress's "#", an anchor's "⚓️") was read as the heading's last word: the
    title lost it, every sub-heading of the text kept it. A heading's link with words of its
    own ("C#") stays."""
    from corearchive_plugins.metadata import MetadataStage

    para = (
        "You need a C compiler if no wheel is published for your platform, since the package"
        " contains a small extension module written in C for speed and a parser in C#."
    )
    page = (
        "<html><head><title>Installation — Widget docs</title></head><body><div role=main>"
        '<h1>Installation<a class="headerlink" href="#installation">¶</a></h1>'
        f"<p>{para}</p>"
        '<h2><a class="header-anchor" href="#prerequisites">#</a> Prerequisites</h2>'
        f"<p>{para}</p>"
        '<h2>From source <a href="#from-source">⚓\ufe0f</a></h2>'
        f"<p>{para}</p>"
        '<h2>Bindings for <a href="/csharp">C#</a></h2>'
        f"<p>{para}</p></div></body></html>"
    )
    doc = _html_doc(run_stage, page)
    headings = [line for line in doc.text.split("\n") if line != para]
    assert headings == ["Installation", "Prerequisites", "From source", "Bindings for C#"]
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.title == "Installation"


@pytest.mark.parametrize("mark", ["&para;", "&#182;", " # "])
def test_a_headings_permalink_written_as_an_entity_or_spaced_is_dropped(mark):
    """MkDocs (Python-Markdown's toc) writes its sign as "&para;": the gate looked for the
    character in the markup, and the headings kept it (s44 acc-read F6)."""
    from corearchive_plugins.boilerplate.htmltree import load_html

    page = (
        f'<html><body><article><h1 id="install">Installation<a class="headerlink" '
        f'href="#install">{mark}</a></h1><h2 id="req">Requirements<a class="headerlink" '
        f'href="#req">{mark}</a></h2><p>Some text here.</p></article></body></html>'
    )
    tree = load_html(page)
    assert [h.text_content() for h in tree.iter("h1", "h2")] == ["Installation", "Requirements"]


def test_a_markets_ticker_over_the_article_is_removed(run_stage):
    """s41 acc-press F13: a finance portal's strip of index prices over a release ("Dow
    44,210.55 -0.3%") was kept by the line model and opened the record's text on every path
    of a rendering. The same rows inside the article (a market report's figures) stay."""
    from corearchive_plugins.boilerplate import TICKER_REASON

    ticker = ["Dow 44,210.55 -0.3%", "S&P 500 6,102.11 +0.1%", "Nasdaq 19,884.02 +0.4%"]
    article = [
        "Northwind Robotics Unveils the First Fully Electric Autonomous Harbor Tug",
        "NEW YORK, Nov. 3, 2026 /PRNewswire/ -- Northwind Robotics, Inc., a developer of"
        " autonomous marine systems, today unveiled a fully electric harbor tug that can"
        " assist container ships into berth without a crew on board.",
        "The tug completed its first unmanned berthing operation at the Port of Newark on"
        " October 28, guiding a 300-meter container vessel to its berth.",
        "Shares of technology companies rose on Monday, and the main indexes closed as"
        " follows after a quiet session:",
        *ticker,
        "Trading volumes were below their monthly average, brokers said after the close.",
    ]
    kept, removed = _clean(run_stage, ["FinanceHub", "Markets", "Sign in", *ticker, *article])
    assert all(removed.get(row) == TICKER_REASON for row in ticker), removed
    assert kept[0] == article[0]
    assert kept[-len(ticker) - 1 : -1] == ticker


def test_a_line_of_encoded_bytes_is_removed(run_stage):
    """s43 acc-index #13: an inline image's base64 between two paragraphs was kept as one
    long word, and a search index held it as the article's text. A digest in hex alone on
    a line goes too; a sentence quoting one, and a long URL, stay."""
    import base64

    from corearchive_plugins.boilerplate import ENCODED_REASON

    blob = base64.b64encode(bytes(range(256)) * 2).decode()
    digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    quoted = f"The file's published checksum, {digest}, matched the copy on the court's server."
    url = "https://example.org/archive/2024/03/council-approves-budget-after-six-hour-debate-123"
    article = [
        "City council approves new budget after long debate",
        "The city council approved a new budget on Tuesday after a debate that lasted more"
        " than six hours, with members split over funding for transport and housing.",
        blob,
        "Supporters said the plan would fund two new bus lines and repair work on the old"
        " bridge, which has been closed to heavy traffic since last winter.",
        digest,
        quoted,
        "Opponents argued that the budget relied on optimistic tax forecasts and warned that"
        " cuts could follow next year if revenue falls short.",
    ]
    kept, removed = _clean(run_stage, ["Home | Politics | Business", *article, url])
    assert removed.get(blob) == ENCODED_REASON, removed
    assert removed.get(digest) == ENCODED_REASON, removed
    assert quoted in kept
    assert removed.get(url) != ENCODED_REASON


@pytest.mark.parametrize(
    "line",
    [
        # (a second headline under a quote taken for the title; a byline with its photo's file
        # name; a post's glued date stamp with its author and tags: s43 acc-regress R3)
        "Termine Whisky Tastings Januar – Mai 2020 Halle/Saale und Dessau",
        "Catherine Shu @catherineshu / 2 days [GettyImages-1079941752.jpg?w=600]",
        "20. April 201713. Juni 2017 Matthias Weber Amazon, Big Data, Chatbots, Google, Microsoft",
        "Warning: Use of undefined constant PP_MULTIPLE_AUTHORS_VERSION - assumed "
        "'PP_MULTIPLE_AUTHORS_VERSION' (this will throw an Error in a future version of PHP) in "
        "/home/site/public_html/wp-content/themes/gdg/functions.php on line 45",
    ],
)
def test_a_long_line_under_the_title_that_is_no_deck_is_a_caption(run_stage, line):
    # a deck reads as the story's prose (test_a_deck_under_the_headline_is_no_caption); any
    # other long line without final punctuation right under the title does not stay
    head = "Man muss dem Leben immer um mindestens einen Whisky voraus sein (Humphrey Bogart)"
    kept, _removed = _clean(run_stage, ["Home", "News", head, line, *ART])
    assert line not in kept
    assert set(ART) <= set(kept)


SIGN_UPS = [
    "Sign up to our daily newsletter for the latest headlines.",
    "Abonnieren Sie unseren Newsletter und verpassen Sie keine Nachricht mehr.",
    "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
    "Recibe cada mañana las noticias más importantes en tu correo.",
    "Подпишитесь на нашу рассылку, чтобы получать главные новости дня.",
    "ニュースレターに登録すると、毎朝主要ニュースをお届けします。",
]
#: a sign-up prompt the line model keeps under a story
SIGN_UP_KEPT = (
    "Get our best stories about the harbour and its people delivered to your inbox each week."
)
#: an article's sentences on newsletters, e-mail and signing up: no prompt of the site's
NOT_SIGN_UPS = [
    "The council will send every household a newsletter about the new bins in March.",
    "She said she had signed up for the course after reading about it in the paper.",
]


def test_a_sign_up_prompt_under_the_article_goes_and_uncovers_its_paywall(run_stage):
    """A w3m or lynx dump wraps the sign-up box's sentence, which reflowed read as the
    article's prose: kept in 12 w3m and 7 lynx records, in six languages, and hiding the
    paywall's prompt above it (s44 acc-genres G12, G10). Under the article's last paragraph
    it goes, and the paywall is found; the article's own sentences stay."""
    from corearchive_plugins.boilerplate.notes import SIGN_UP_REASON, is_sign_up, sign_up_prompts

    assert all(map(is_sign_up, SIGN_UPS)) and not any(map(is_sign_up, NOT_SIGN_UPS))
    story = [f"{p} ({k})" for k in range(3) for p in (PARA, PARA2)]
    for prompt in SIGN_UPS:
        lines = [*story, "Topics: Health", prompt]
        assert sign_up_prompts(lines, [True] * len(lines)) == [len(lines) - 1]
        # (above the article's last paragraph it is the article's)
        lines = [*story[:2], prompt, *story[2:]]
        assert sign_up_prompts(lines, [True] * len(lines)) == []
    page = "\n\n".join([*story, PAYWALLS[0], "Log in", SIGN_UP_KEPT])
    doc = run_stage(BoilerplateStage, make_document(page)).kept[0]
    ann = doc.annotations["boilerplate"]
    assert doc.text == "\n".join(story) and ann["paywall"] is True, doc.text
    assert SIGN_UP_REASON in ann["removed"]["reason"]


def test_a_how_tos_sign_up_step_is_no_newsletters_prompt():
    """An article's list of steps ends with "- Sign up for the Disney+ bundle using the same
    email as your Hulu account" (aeb): a list's item, and an e-mail is no newsletter (s44
    genresA's sesscmp check)."""
    from corearchive_plugins.boilerplate.notes import is_sign_up

    assert not is_sign_up("- Sign up for the Disney+ bundle using the same email as your account")
    assert not is_sign_up("Sign up for the Disney+ bundle using the same email as your account")


def test_a_timelines_item_or_a_wrapped_piece_under_the_title_is_no_caption(run_stage):
    # the caption rule's title trigger took the item over it (a timeline's) or a wrapped
    # line's first piece for the title, and removed the next item, the next piece (s44
    # acc-regress R2: a Berlin student village's building phases, a Korean column on w3m)
    items = [
        "1957–1959 Erster Bauabschnitt: 21 ein- bis dreigeschossige Wohngebäude mit 710 "
        "Wohneinheiten",
        "1962–1964 Zweiter Bauabschnitt: Gemeinschaftshaus, Wohnhäuser 12 und 13, "
        "Direktorenwohnhaus",
        "1976–1978 Dritter Bauabschnitt: vier fünfgeschossige Wohnhäuser mit 352 Wohneinheiten",
    ]
    kept, _removed = _clean(
        run_stage, ["Home", "Projekte", "Studentendorf Schlachtensee", *items, *ART]
    )
    assert items[1] in kept
    korean = [
        "[엔터미디어=정덕현의 이슈공감] 엘제이의 리벤지인가, 류화영의 피해자 코스프레인",
        "가. 시작은 엘제이의 일방적인 사진 공개로부터 비롯됐다. 그건 이 사안을 두고 벌어",
        "진 엘제이와 류화영의 진실공방이 어떤 결론을 내더라도 잘못된 일이다. 타인의 동의",
        "를 구하지 않고 일방적으로 두 사람의 관계를 담은 사진을 SNS에 공개한다는 건 분명",
        "한 사생활 침해이고, 나아가 ‘리벤지’의 성격을 가진 SNS 폭로로 여겨지기 때문이다.",
    ]
    kept, removed = _clean(
        run_stage, ["홈", "연예", "엘제이의 리벤지인가, 류화영의 코스프레인가", *korean]
    )
    assert all(_removed_as_caption(removed, k) is False for k in korean), removed


def _removed_as_caption(removed: dict[str, str], line: str) -> bool:
    return removed.get(line, "").startswith("image caption")


@pytest.mark.parametrize(
    "file_name", ["010_Clymer-2010_Clymer-2", "IMG_2034.jpg", "bike-review-2024-final.jpg"]
)
def test_a_photos_file_name_is_no_title_over_a_caption(run_stage, file_name):
    """s44 acc-regress R2: a bike review's photo, written in the text by its file name, stood
    over the review's "Tested by: … RRP: … More info: …" line; the line model took the file
    name for the title, and the caption rule removed the line under it as a caption. A file
    name is no title."""
    review = [
        "I’ve worked on my own vehicles since I was 17 (I wish I still had that MkII Ford "
        "Escort), but this is my first time with a Clymer manual. I’ve got to say, I’m "
        "impressed!",
        "The level of detail is superb, with very clear diagrams and instruction – "
        "particularly useful are the exploded drawings which feature regularly, and really "
        "help you to see how things come apart.",
        "I was a little wary at the title of this book – described as for the ‘CBR600F4’, "
        "this is of course the US version of the Honda I own. I needn’t have worried.",
    ]
    tested = "Tested by: John Milbank RRP: £23.99 More info: www.clymer.co.uk"
    head = ["MoreBikes", "Clymer workshop manual review", "", "13/06/2014 Tony Carter All, Books"]
    kept, removed = _clean(run_stage, [*head, "", "", file_name, "", tested, "", *review])
    assert tested in kept, removed
    assert all(r in kept for r in review)


def test_a_russian_share_bar_goes_and_the_text_stays(run_stage):
    """s44 acc-genres G8: a Russian live blog's share bar ("Поделиться / ВКонтакте / Telegram /
    Одноклассники") kept its last button, which the metadata stage then read as the author:
    the Russian social networks were no words of the lexicon. The entries stay."""
    bar = ["Поделиться", "ВКонтакте", "Telegram", "Одноклассники"]
    entries = [
        "15:10",
        "Уровень воды у Архангельска стабилизировался на отметке 4,2 метра. Подтопленных "
        "домов пока нет.",
        "Поделиться",
        "12:35",
        "Спасатели МЧС взорвали ледовый затор у деревни Усть-Пинега. Вода начала уходить.",
        "Поделиться",
        "09:20",
        "На Северной Двине у Холмогор образовался затор длиной около пяти километров.",
        "Поделиться",
    ]
    head = ["Войти", "Подписаться", "Северные вести", "Главная", "Новости", "Политика",
            "Ледоход на Северной Двине: онлайн-трансляция", "Обновлено 15:10", "Анна Смирнова",
            "3 мая 2024, 07:00"]  # fmt: skip
    foot = ["Теги:", "Ледоход", "Паводок", "Читайте также", "О редакции", "Контакты",
            "© 2024 Северные вести. Все права защищены. 18+"]  # fmt: skip
    kept, removed = _clean(run_stage, [*head, *bar, *entries, *foot])
    assert not set(bar) & set(kept), kept
    assert all(e in kept for e in entries if len(e) > 40), removed


@pytest.mark.parametrize(
    "tail",
    ["PTI ABC XYZ", "PartagerFacebookTwitterE-mailCopier le lien"],
    ids=["agency-sign-off", "glued-share-bar"],
)
def test_an_articles_last_paragraph_with_a_tail_after_its_end_is_no_teaser(run_stage, tail):
    """The last paragraph of a story with words after its final sentence, an agency's
    sign-off ("… could be misused. PTI ABC XYZ") or a share bar a text browser glued on,
    ends in no mark: it was read as a title-like teaser after the article's end and
    removed (s45 acc-wire W1)."""
    last = (
        "The Election Commission has earlier told the court that the disclosure of the "
        f"turnout data could be misused. {tail}"
    )
    page = [
        "The Hindu", "India", "World", "Sport", "News › India",
        "Supreme Court to hear pleas on electoral rolls on Thursday", "PTI",
        "Published - March 03, 2025 02:15 pm IST - NEW DELHI", "Share", "Facebook", "X",
        "NEW DELHI, Mar 3 (PTI) The Supreme Court on Monday agreed to hear on Thursday a batch "
        "of petitions seeking directions to the Election Commission to publish voter data.",
        "A bench headed by the Chief Justice took note of the submissions of senior advocate "
        "Kapil Sibal, who said the matter required urgent consideration.",
        last, "Topics", "Supreme Court", "Election Commission", "More on this story",
        "EC defends voter roll revision", "Opposition to meet on poll data", "Advertisement",
        "© THG PUBLISHING PVT LTD. or its affiliated companies. All rights reserved.",
    ]  # fmt: skip
    kept, _ = _clean(run_stage, page)
    assert last in kept
    assert "Opposition to meet on poll data" not in kept


@pytest.mark.parametrize(
    ("notice", "buttons"),
    [
        (
            "Ta strona korzysta z plików cookie. Korzystając ze strony, wyrażasz zgodę na ich "
            "używanie zgodnie z ustawieniami przeglądarki.",
            ["Akceptuję", "Ustawienia"],
        ),
        (
            "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمتابعة التصفح فإنك توافق "
            "على سياسة الخصوصية.",
            ["موافق", "إعدادات"],
        ),
        (
            "हम आपके अनुभव को बेहतर बनाने के लिए कुकीज़ का उपयोग करते हैं। साइट का उपयोग जारी "
            "रखकर आप हमारी नीति से सहमत होते हैं।",
            ["स्वीकार करें", "सेटिंग्स"],
        ),
        (
            "Kami menggunakan cookie untuk meningkatkan pengalaman Anda. Dengan melanjutkan, "
            "Anda menyetujui Kebijakan Privasi kami.",
            ["Setuju", "Pengaturan"],
        ),
        (
            "Sitemizde çerezler kullanılmaktadır. Detaylı bilgi için Çerez Politikası'nı "
            "inceleyebilirsiniz.",
            ["Kabul Et", "Ayarlar"],
        ),
        (
            "当サイトではサービス向上のためにCookieを使用しています。詳しくはプライバシーポリシー"
            "をご覧ください。",
            ["同意する", "設定"],
        ),
    ],
    ids=["pl", "ar", "hi", "id", "tr", "ja"],
)
def test_a_cookie_notice_in_more_languages_over_a_page_is_removed(run_stage, notice, buttons):
    """Cookie notices in Polish, Arabic, Hindi, Indonesian, Turkish and Japanese were kept
    as the record's first line: the noun was read only as "cookie(s)" between word
    boundaries (none before "を"), the consent wording only in six Western languages, and
    a Hindi sentence's danda was no sentence's end (s45 acc-wire W5)."""
    kept, removed = _clean(run_stage, [notice, *buttons, "Daily Courier", "Home", *ART])
    assert notice in removed and notice not in kept
    assert kept[-len(ART) :] == ART


@pytest.mark.parametrize(
    "lead",
    [
        "発酵バターを使用したクッキーは、サクサクの食感と豊かな香りが魅力です。",
        "Bu tarifte çerez olarak fındık ve kuru üzüm kullanılır, hazırlaması çok kolaydır.",
        "Эти куки мы испекли, используя старый рецепт бабушки из деревни.",
    ],
    ids=["ja", "tr", "ru"],
)
def test_a_recipes_lead_that_names_cookies_in_another_language_is_no_notice(lead):
    """The words of a notice in other languages are the reader's consent, a policy or
    privacy, not the verb "use" alone: a Japanese and a Turkish recipe's lead that uses
    butter for its cookies was removed as a notice (s45 midrev45 M1)."""
    from corearchive_plugins.boilerplate import _consent_notice

    assert not _consent_notice(lead)


def test_a_reports_sentence_with_mail_words_is_no_sign_up_prompt():
    """ "recibe" … "correo" … "su" and "anmelden" … "Sie erhalten" … "Postfach" are a local
    story's closing sentences, not a newsletter's prompt: the last paragraph of a Spanish
    story was removed (s45 read F7). Without the newsletter's name, a paragraph-long line
    is a prompt only when it opens with the verb."""
    from corearchive_plugins.boilerplate.notes import is_sign_up, sign_up_prompts

    reports = [
        "El Ayuntamiento recibe cada semana decenas de quejas por correo de vecinos "
        "preocupados por su barrio.",
        "Wer Fragen hat, kann sich im Rathaus anmelden; Sie erhalten dann einen Termin per "
        "Post in Ihr Postfach.",
    ]
    assert not any(map(is_sign_up, reports))
    lines = [
        "El alcalde presentó ayer el nuevo plan de movilidad para el centro histórico.",
        reports[0],
    ]
    assert sign_up_prompts(lines, [True, True]) == []
    # (the prompts with the verb first still are)
    assert is_sign_up("Want the best stories in your inbox? Sign up here today for free.")
    assert is_sign_up(SIGN_UP_KEPT)


def test_a_sentences_own_used_policy_or_agree_by_cookies_is_no_consent_wording(run_stage):
    """A recipe's lead "I used to bake these cookies …" over a removed "Advertisement" was
    dropped as a cookie notice: "used", "policy", "agree" and "nutzt … für" are a sentence's
    own words (s45 read F6). The notices' wording still is one."""
    from corearchive_plugins.boilerplate import _CONSENT_WORDING

    for own in (
        "I used to bake these cookies every Christmas with my grandmother.",
        "The school's new policy bans cookies and sweets from lunchboxes.",
        "Parents must agree before children are given cookies at school.",
        "Die Bäckerei nutzt für ihre Cookies nur Butter aus der Region.",
    ):
        assert not _CONSENT_WORDING.search(own), own
    for notice in (
        "We use cookies to give you the best possible experience on our website.",
        "Diese Website verwendet Cookies, um Ihnen den besten Service zu bieten.",
        "ZRB verwendet Cookies. Wenn du hier weitersurfst, stimmst du der Cookie-Nutzung zu.",
        "By continuing to browse, you agree to our use of cookies.",
        "Politique des cookies",
    ):
        assert _CONSENT_WORDING.search(notice), notice
    lead = (
        "I used to bake these cookies every Christmas with my grandmother, and now my own"
        " children ask for them as soon as the first snow falls."
    )
    story = [
        "Start by melting the butter in a small pan until it smells of toasted nuts, then let it"
        " cool for ten minutes before you stir in the sugar.",
        "Beat in the eggs one at a time, fold in the flour and the chocolate, and chill the dough"
        " for at least an hour so the cookies keep their shape in the oven.",
        "Bake them for eleven minutes, until the edges are golden and the middles still look a"
        " little soft; they set as they cool on the tray.",
    ]
    text = ["Home | Recipes | Baking | About", "Brown Butter Chocolate Chip Cookies", lead]
    text += ["Advertisement", *story, "© 2025 Home Bakes"]
    kept, removed = _clean(run_stage, [x for line in text for x in (line, "")][:-1])
    assert CONSENT_REASON not in removed.values() and lead in kept


# s46 acc-data D12: w3m and lynx glue a bar's inline buttons into one line
_W3M_GLUED = [
    'Direkt zum InhaltZur Navigation springen',
    '',
    (
        'Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren '
        'und Werbung anzuzeigen.'
    ),
    '',
    'Alle akzeptierenEinstellungenNur notwendige',
    'Rheinische Rundschau',
    '',
    '  • Startseite',
    '  • Politik',
    '  • Wirtschaft',
    '  • Region',
    '  • Daten',
    '  • Sport',
    '  • Kultur',
    '  • Meinung',
    '  • Abo',
    '  • Anmelden',
    '',
    ' 1. Startseite',
    ' 2. Daten',
    '',
    'Kommunalwahl in Lindenau: Alle Ergebnisse im Überblick',
    '',
    'Die CDU bleibt stärkste Kraft im Stadtrat, die Grünen verlieren deutlich.',
    '',
    'Von Daten-Team der Rundschau',
    '',
    'Veröffentlicht am 15.09.2025',
    '',
    'Artikel teilenAuf Facebook teilenAuf X teilenPer WhatsApp teilenLink kopieren',
    '',
    (
        'Bei der Kommunalwahl am Sonntag lag die Wahlbeteiligung in Lindenau bei 51,3 '
        'Prozent und damit leicht über dem Wert von 2020.'
    ),
    '',
    '    Stadtratswahl Lindenau 2025, vorläufiges',
    '                   Endergebnis',
    '  Partei    Stimmen in %    Veränderung    Sitze',
    '   CDU     31,4            +2,1           19',
    '   SPD     22,8            −1,6           14',
    '  Grüne    14,9            −6,3           9',
    '   AfD     13,7            +7,0           8',
    '   FDP     5,2             −0,8           3',
    ' Sonstige  12,0            −0,4           7',
    '',
    'Veränderung in Prozentpunkten gegenüber 2020.',
    '',
    'Quelle: Wahlamt der Stadt Lindenau',
    '',
    'Sitzverteilung im neuen Stadtrat',
    '',
    'Halbkreisdiagramm mit 60 Sitzen.',
    '',
    'Quelle: Stadt Lindenau, vorläufiges Ergebnis',
    '',
    'Grafik: Rundschau',
    '',
    '',
    (
        'Oberbürgermeisterin Karin Seidel (CDU) sprach von einem „klaren Auftrag“. Die '
        'Grünen kündigten an, das Ergebnis in Ruhe aufzuarbeiten.'
    ),
    '',
    'Themen',
    '',
    '  • Kommunalwahl 2025',
    '  • Lindenau',
    '',
    'Artikel teilen',
    '',
    'Der Daten-Newsletter der Rundschau',
    '',
    'Jeden Freitag unsere besten Grafiken.',
    '',
    'E-Mail-Adresse',
    '',
    'Jetzt anmelden',
    '',
    'Mehr zum Thema',
    '',
    '  • Kommentar: Ein Denkzettel für die Ampel vor Ort',
    '  • Stichwahl: Wer wird Bürgermeister?',
    '',
    '  • Impressum',
    '  • Datenschutz',
    '  • Cookie-Einstellungen',
    '  • Kontakt',
    '  • Mediadaten',
    '',
    '© Rheinische Rundschau GmbH 2025',
    '',
    '',
]  # fmt: skip


def test_glued_buttons_are_read_as_their_cue_words():
    """w3m writes a share bar of inline links without the space the markup left out
    ("Artikel teilenAuf Facebook teilen…"): its tokens ("teilenauf") were no cue words, and
    the line read as text. Cut where a small letter meets a capital, its pieces are; a line
    of prose with a glued name ("iPhone", "McDonald's", "PayPal") is no bar of buttons."""
    from corearchive_plugins.boilerplate.lines import decide

    lines = ["Artikel teilenAuf Facebook teilenAuf X teilenPer WhatsApp teilenLink kopieren",
             "Share this storyShare on FacebookShare on XShare on LinkedInCopy link",
             "Direkt zum InhaltZur Navigation springen",
             "He bought an iPhone at McDonald's on Friday and paid by PayPal.",
             "Northby East    Reform UK            12"]  # fmt: skip
    cues = decide("\n\n".join(lines)).cues().tolist()
    assert all(c >= 2 for c in cues[:3])
    assert cues[3:] == [0, 0]


def test_a_glued_share_bar_between_paragraphs_is_removed(run_stage):
    """The same bar between the byline and the first paragraph of a w3m dump was kept with
    the article (s46 acc-data D12: share bars leaked 48 lines in w3m, 23 with whitespace)."""
    doc = run_stage(BoilerplateStage, make_document("\n".join(_W3M_GLUED))).kept[0]
    assert "Artikel teilen" not in doc.text
    assert "Bei der Kommunalwahl am Sonntag lag die Wahlbeteiligung" in doc.text


def test_a_label_doubled_by_its_button_is_no_bar_of_buttons():
    """A search box copied as text glues its label to its button ("SearchSearch",
    "RechercherRechercher"): one cued piece twice is no bar of buttons, and raising its cue
    moved the context features of the whole page (s47 R1: a job page's duties and a course
    page's registration line were lost, a docs page became a near duplicate of its twin)."""
    from corearchive_plugins.boilerplate.lines import decide

    lines = ["SearchSearch", "RechercherRechercher", "SuchenSuchen",
             "SearchShare", "Artikel teilenAuf Facebook teilen"]  # fmt: skip
    cues = decide("\n\n".join(lines)).cues().tolist()
    assert cues[:3] == [0, 0, 0]
    assert cues[3] >= 1 and cues[4] >= 2  # (a line's cue is at most its tokens)
