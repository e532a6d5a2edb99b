# ruff: noqa: E501
"""Session 52's code reading of session 51 (acc-read F1..F19): each test is a finding's
failing input, trimmed. The fixtures are written for these tests."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.metadata.text import extract


def _kept(run_stage: Any, text: str) -> list[str]:
    """The lines the boilerplate stage keeps of a plain text."""
    return run_stage(BoilerplateStage, make_document(text)).kept[0].text.split("\n")


def test_mailchimp_footer_phrases_are_whole_sentences_not_how_to_openings() -> None:
    """F8: the translated footer sentences are Mailchimp's whole; an article's sentence
    that opens with their first words is no e-mail's line."""
    from corearchive_plugins.boilerplate.mailing import is_mail_furniture

    for line in (
        "Sie können Ihre Einstellungen aktualisieren, indem Sie in der App unten rechts auf Profil tippen.",
        "Puedes actualizar tus preferencias de privacidad en cualquier momento desde el menú de ajustes.",
        "Notre adresse postale est restée la même depuis 1998.",
        "Il nostro indirizzo è cambiato: ora siamo in via Roma 12.",
        "Ons postadres is gewijzigd per 1 januari.",
        "Vous souhaitez modifier la façon dont vous recevez vos factures ? Voici comment faire en ligne.",
    ):
        assert not is_mail_furniture(line), line
    for line in (
        "Sie können Ihre Einstellungen aktualisieren oder sich von dieser Liste abmelden.",
        "Puedes actualizar tus preferencias o darte de baja de esta lista.",
        "Notre adresse postale est :",
    ):
        assert is_mail_furniture(line), line


_NEWS_PROSE = [
    "The city council met on a rainy evening to discuss the long-delayed plan for the river crossing, and members argued for hours about the cost.",
    "Residents who came to the meeting said they had waited far too long for a decision, and several of them asked the council to publish the engineering report in full.",
    "The mayor promised that the report would be released before the end of the month, though she declined to say whether the bridge would be built at all.",
]


def test_a_news_headline_over_its_byline_is_not_taken_for_a_dek() -> None:
    """F6: a long news headline under a ticker's headline, over "By ..." and a date, on a
    page with no blog platform's widget, is the title."""
    head = [
        "Local News",
        "Markets rally as inflation cools in October",
        "City council approves the long-delayed river crossing after a heated six-hour meeting on Tuesday night",
        "By Jane Doe",
        "November 18, 2026",
    ]
    assert extract("\n\n".join(head + _NEWS_PROSE))["title"] == head[2]


def test_a_news_headline_over_a_weekday_date_and_a_caption_is_the_title() -> None:
    """F9: a news headline over a weekday date line and a photo caption is no Blogger
    blog's name over its post's title."""
    head = [
        "Flood defences hold as river reaches record level in Hebden Bridge",
        "Tuesday, 24 November 2026",
        "The flooded market square in Hebden Bridge on Monday night",
    ]
    assert extract("\n\n".join(head + _NEWS_PROSE))["title"] == head[0]


def test_a_caseless_kicker_under_the_headline_is_no_author() -> None:
    """F7: an Arabic or a Hindi genre label under the headline ("economic analysis",
    "special report") is no byline's name."""
    ar = [
        "ارتفاع أسعار الذهب في الأسواق المحلية خلال الأسبوع الماضي",
        "تحليل اقتصادي",
        "الأربعاء 25 نوفمبر 2026",
        "شهدت أسعار الذهب في الأسواق المحلية ارتفاعا ملحوظا خلال الأسبوع الماضي، مدفوعة بزيادة الطلب من المستثمرين والتجار الذين يبحثون عن ملاذ آمن في ظل تقلبات العملة.",
        "ويتوقع خبراء أن تستمر الأسعار في الصعود خلال الأسابيع المقبلة، خاصة إذا استمرت الأوضاع الاقتصادية العالمية على حالها دون تغيير كبير.",
    ]
    hi = [
        "मुंबई में भारी बारिश से जनजीवन अस्त-व्यस्त, कई इलाकों में पानी भरा",
        "विशेष रिपोर्ट",
        "25 नवंबर 2026",
        "मुंबई में पिछले दो दिनों से हो रही भारी बारिश के कारण शहर के कई निचले इलाकों में पानी भर गया है और लोकल ट्रेन सेवाएं भी प्रभावित हुई हैं।",
        "मौसम विभाग ने अगले अड़तालीस घंटों के लिए भारी बारिश की चेतावनी जारी की है और मछुआरों को समुद्र में न जाने की सलाह दी है।",
    ]
    for lines in (ar, hi):
        assert extract("\n\n".join(lines))["authors"] == [], lines[1]


_ZH_PROSE = [
    "据长江水利委员会介绍，今年长江流域首场秋汛已于近日平稳通过，干流主要控制站水位均已回落到警戒水位以下，沿线堤防没有发生重大险情。",
    "水利部门表示，将继续加强雨水情监测预报，科学调度流域水库群，确保冬季枯水期的供水安全和航运安全。",
]


def test_a_photo_credit_under_a_chinese_headline_is_no_byline() -> None:
    """F18: a caption's "（新华社记者 王磊 摄）" credits the photographer, not the author; a
    reporter's credit still gives the author."""
    from corearchive_plugins.metadata.text import cjk_reporters

    head = ["长江流域今年首场秋汛平稳通过", "2026年11月20日 10:02 来源：新华网"]
    caption = "11月19日，几艘货船在长江武汉段航行。（新华社记者 王磊 摄）"
    assert extract("\n\n".join([*head, caption, *_ZH_PROSE]))["authors"] == []
    assert cjk_reporters("（新华社记者王磊摄）") is None
    assert cjk_reporters("新华社合肥11月26日电（记者王磊、李娜）") == ["王磊", "李娜"]


def test_an_issuing_office_under_a_notice_is_no_name() -> None:
    """F19: "国家发改委" (a commission) under a notice's headline is no person."""
    lines = ["关于进一步做好冬季供暖保障工作的通知", "国家发改委", "2026年11月20日", *_ZH_PROSE]
    assert extract("\n\n".join(lines))["authors"] == []


def test_a_publications_follow_line_is_no_byline() -> None:
    """F4: Medium's "Follow" button after a publication's name or in a menu's row gives no
    author; after a person's name it does."""
    from corearchive_plugins.metadata.text import blog_byline_names

    prose = [
        "I spent three weeks testing the new camera in the mountains, carrying it on long hikes, in the rain and in freezing temperatures at dawn.",
        "The autofocus was quick and reliable even in poor light, though the battery drained faster than the manufacturer promised in its brochure.",
    ]
    for line in ("Towards Data Science · Follow", "Subscribe · Follow"):
        text = "\n\n".join(["A long test of the new mountain camera", line, *prose])
        assert extract(text)["authors"] == [], line
    assert blog_byline_names("The Startup · Follow") is None
    assert blog_byline_names("Priya Raman · Follow") == ["Priya Raman"]


def test_a_guides_headings_with_freischalten_and_einkaufsliste_stay() -> None:
    """F3: "Geheime Level freischalten" heads a game guide's step and "Einkaufsliste" an
    article's own list: no paywall's or cart's button on either path; the buttons are."""
    from corearchive_plugins.boilerplate.service import (
        UNLOCK_REASON,
        html_buttons,
        service_chrome,
    )

    para = "Im dritten Kapitel findet ihr hinter dem Wasserfall einen Schalter, der die Tür zur Höhle öffnet."
    lines = ["Geheime Level freischalten", para, "Alle Outfits freischalten", para,
             "Einkaufsliste", "500 g Hähnchenbrust", "2 Paprika", para]  # fmt: skip
    assert service_chrome(lines, [True] * len(lines)) == {}
    assert html_buttons(lines) == []
    buttons = [
        para,
        "Jetzt freischalten",
        para,
        "Alle Testergebnisse freischalten für 4,90 €",
        para,
    ]
    assert service_chrome(buttons, [True] * len(buttons)) == {1: UNLOCK_REASON, 3: UNLOCK_REASON}
    assert html_buttons(buttons) == [1, 3]


def test_a_title_case_heading_opening_with_best_or_cheers_is_no_valediction() -> None:
    """F1: "The Best Garden Tools" over a shop box's products is no sign-off; "Cheers,
    Hannah" is."""
    from corearchive_plugins.boilerplate.signoff import _valediction, sign_off_rows

    for line in ("The Best Garden Tools", "Best Budget Picks", "Cheers Bar And Grill"):
        assert not _valediction(line), line
    for line in ("Cheers, Hannah", "Bis dahin, Jonas", "Best regards", "Thanks again!"):
        assert _valediction(line), line
    para = "The mayor promised that the report would be released before the end of the month, though she declined to say whether the bridge would be built at all."
    lines = [para, "The Best Garden Tools", "Cordless Leaf Blower", "Garden Hose Reel", "Home"]
    assert sign_off_rows(lines, [True, False, False, False, False]) == []


class _NoWalk(frozenset[str]):
    """A set of kept lines that may be looked up, not walked (a walk per added line made
    the check quadratic)."""

    def __iter__(self) -> Any:
        raise AssertionError("walked every kept line")


def test_a_glued_copy_button_is_found_by_lookups_not_by_walking_the_kept_lines() -> None:
    """F10: the glued "Copy" label is found in constant lookups a line."""
    from corearchive_plugins.boilerplate.refine import _glued_copy

    keys = _NoWalk({"summarise_skew <- function(x) {", "The second paragraph of the post."})
    assert _glued_copy("Copysummarise_skew <- function(x) {", keys)
    assert _glued_copy("summarise_skew <- function(x) {Copied!", keys)
    assert not _glued_copy("An aside the extractor dropped from the page, long enough.", keys)
    assert not _glued_copy("summarise_skew <- function(x) { and a much longer tail of words", keys)


def test_seek_links_do_not_read_their_shared_parents_whole_text_for_each_link() -> None:
    """F17: a transcript's seek links in one <div> are retagged without the <div>'s whole
    text read for each (quadratic); a seek link alone in its paragraph is still a time."""
    import lxml.html
    from lxml import etree

    from corearchive_plugins.boilerplate.service import seek_links

    reads: list[str] = []

    class _Counting(lxml.html.HtmlElement):
        def text_content(self) -> Any:
            if self.tag in ("div", "p"):
                reads.append(self.tag)
            return super().text_content()

    parser = lxml.html.HTMLParser()
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=_Counting))
    body = "".join(
        f'<a href="https://www.youtube.com/watch?v=abc&t={i}s">0:{i:02d}</a> Chapter {i}<br>'
        for i in range(50)
    )
    html = (
        f"<html><body><div>{body}</div><p class='ts'><a href='?t=1:05'>1:05</a></p></body></html>"
    )
    tree = lxml.html.fromstring(html, parser=parser)
    links, classes, times = seek_links(tree)
    assert len(links) == 51
    assert times == ["1:05"]
    assert [c for _, c in classes] == ["ts"]
    assert len(reads) <= 1


def test_a_croatian_page_naming_a_polish_city_reads_listopad_as_october() -> None:
    """F11: one Polish letter in a name ("Łódź") on a Croatian page leaves "listopada"
    October; a Czech page's stays November."""
    hr = [
        "Gradsko vijeće odobrilo je novi most preko Save",
        "Objavljeno 21. listopada 2026.",
        "Gradsko vijeće je nakon duge rasprave odobrilo izgradnju novog mosta preko Save, koji će povezati južni dio grada sa središtem i skratiti putovanje za više od dvadeset minuta.",
        "Gradonačelnica je rekla da će radovi početi sljedećeg proljeća, a most bi trebao biti gotov za tri godine. Stanovnici južnih naselja čekali su tu odluku više od deset godina.",
        "Projekt je izradio poljski arhitektonski ured iz Łódźa, koji je prošle godine pobijedio na međunarodnom natječaju s više od četrdeset prijava.",
    ]
    assert extract("\n\n".join(hr))["published"] == "2026-10-21"
    cz = [
        "Městská rada schválila nový most přes řeku",
        "Publikováno 21. listopadu 2026",
        "Městská rada po dlouhé debatě schválila stavbu nového mostu přes řeku, který spojí jižní část města s centrem a zkrátí cestu o více než dvacet minut.",
        "Primátorka řekla, že práce začnou příští jaro a most by měl být hotový za tři roky. Obyvatelé jižních čtvrtí na rozhodnutí čekali přes deset let.",
    ]
    assert extract("\n\n".join(cz))["published"] == "2026-11-21"


def test_a_separator_block_does_not_hide_the_bylines_name(run_stage: Any) -> None:
    """F12: a byline element "12.11.2026 · Jane Doe": the "·" block has no letter case but
    no letter either; the name after it is the author."""
    from corearchive_plugins.metadata import MetadataStage
    from corearchive_plugins.metadata.html import _name_block

    assert _name_block(["·", "Jane Doe"]) == "Jane Doe"
    assert _name_block(["·", "أحمد سمير"]) == "أحمد سمير"
    para = "<p>The city council met on a rainy evening to discuss the long-delayed plan for the river crossing, and members argued for hours about the cost.</p>"
    page = (
        "<html><head><title>River crossing plan delayed again</title></head><body><article>"
        "<h1>River crossing plan delayed again</h1><div class='byline'><span>"
        "12.11.2026</span><span>·</span><span>Jane Doe</span></div>"
        + para * 3
        + "</article></body></html>"
    )
    doc = make_document(page, html=True, path="page.html")
    doc = run_stage(MetadataStage, run_stage(BoilerplateStage, doc).kept[0]).kept[0]
    assert doc.authors == ["Jane Doe"]


def test_a_code_blocks_lead_in_under_a_copy_button_is_put_back() -> None:
    """F16: the block is kept because the line over its lead-in (past the copy button) is
    kept; the lead-in is put back by the same line, not by the button right over it."""
    from types import SimpleNamespace

    import numpy as np

    from corearchive_plugins.boilerplate import _keep_code_blocks

    para = "Before the release we check the types of the whole package once more, strictly."
    lines = [para, "Kopieren", "mypy prüft das statisch:", "$ pip install mypy",
             "$ mypy --strict app/main.py", para]  # fmt: skip
    d = SimpleNamespace(
        idx=list(range(len(lines))),
        keep=np.array([True, False, False, False, False, True]),
        why={1: "chrome", 2: "boilerplate vocabulary", 3: "chrome", 4: "chrome"},
        stripped=list(lines),
        lines=list(lines),
        cols=None,
    )
    _keep_code_blocks(d, [(3, 5)])
    assert d.keep.tolist() == [True, False, True, True, True, True]


def test_a_wordpress_posted_in_line_without_a_colon_gives_its_tags() -> None:
    """F5 (first half): WordPress's "Posted in Cameras, Reviews" is read without a colon,
    its label not kept in the first tag."""
    text = "\n\n".join(
        [
            "A long test of the new mountain camera",
            *_NEWS_PROSE,
            "Posted in Cameras, Reviews, Outdoor",
        ]
    )
    res = extract(text)
    assert res["tags"] == ["Cameras", "Reviews", "Outdoor"]
    assert res["categories"] == ["Cameras", "Reviews", "Outdoor"]
    # (the theme's comment link after a bar is no tag: a dev page's "Abgelegt unter ... |
    # Hinterlasse einen Kommentar")
    line = "Abgelegt unter Blogprojekte, Das Leben | Hinterlasse einen Kommentar"
    text = "\n\n".join(["A long test of the new mountain camera", *_NEWS_PROSE, line])
    assert extract(text)["tags"] == ["Blogprojekte", "Das Leben"]


def test_a_chinese_paragraph_block_naming_commands_is_prose() -> None:
    """F14: Chinese sentences (no spaces, "。") that name commands are a paragraph block,
    as the same sentences in English are; a shell session stays code."""
    from corearchive_plugins.boilerplate.codeblocks import block_is_code

    zh = [
        "首先运行 make build_all --jobs=4 命令，然后等待编译完成，通常需要十分钟左右。",
        "接着执行 ./scripts/deploy.sh --env=prod 把程序发布到服务器上。",
        "最后用 curl 检查一下服务是否正常运行。",
    ]
    assert not block_is_code(zh)
    assert block_is_code(["$ pip install mypy", "$ mypy --strict app/main.py"])


def test_a_contents_label_with_its_colon_reaches_the_service_rules() -> None:
    """F15: "Sommaire:" (its colon glued to the first word) over a removed contents list is
    the contents label, as "Contents" is."""
    from corearchive_plugins.boilerplate.service import CONTENTS_REASON, service_chrome

    para = "Knead the dough for ten minutes until it is smooth and springs back when pressed."
    for label in ("Sommaire:", "Índice:", "Contents"):
        lines = [para, label, "1. Mélanger", para]
        assert service_chrome(lines, [True, True, False, True]) == {1: CONTENTS_REASON}, label


def test_a_text_browsers_substack_header_on_one_line_still_shows_the_platform() -> None:
    """F6 (its follow-up): w3m and lynx write Substack's header buttons on one line
    ("Maschinenraum Abonnieren Anmelden"); the dek under the headline is still no title."""
    head = [
        "(BUTTON) Maschinenraum (BUTTON) Abonnieren (BUTTON) Anmelden",
        "Warum die Digitalisierung der Bahn stockt",
        "Ein Besuch im Stellwerk Hamburg-Harburg und was er über ein Milliardenprojekt verrät",
        "Jonas Brenner",
        "12. Nov. 2026",
    ]
    prose = [
        "Das Stellwerk in Harburg stammt aus dem Jahr 1978. Wer es betritt, sieht Relais, Schalter und eine Wand aus Lämpchen, die anzeigt, welche Weiche gerade wie steht.",
        "Dass es so lange dauert, liegt nicht an der Technik. Die ist, so sagen es alle, mit denen ich gesprochen habe, im Wesentlichen fertig.",
        "Es liegt an Zulassungen, an fehlenden Fachkräften und an einem Vergaberecht, das für solche Projekte nicht gemacht ist.",
    ]
    assert extract("\n\n".join(head + prose))["title"] == head[1]
