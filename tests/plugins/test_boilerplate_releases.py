"""A press release's contact block and wire marks, a newsletter e-mail's lines to its reader
(:mod:`corearchive_plugins.boilerplate.mailing`): removed on the text and the HTML path."""

from __future__ import annotations

import pytest
from test_boilerplate import _clean, _html_doc

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.mailing import (
    MAIL_REASON,
    about_paragraph,
    contact_block,
    is_mail_furniture,
    release_furniture,
)

_RELEASE = [
    "BERGEN, Norway, March 4, 2025 /PRNewswire/ -- Fjordline Marine today announced an order"
    " for six electric ferries from the county's transport authority, the largest order in the"
    " company's history.",
    "The ferries will carry up to 300 passengers and 80 cars each and will be charged at both"
    " ends of their crossings in under fifteen minutes, the company said in a statement.",
    '"This order shows that zero-emission ferries are now the normal choice for coastal'
    ' routes," said chief executive Ingrid Haugen. "We will deliver the first one in 2027."',
    "About Fjordline Marine",
    "Fjordline Marine designs and builds electric and hybrid vessels for coastal transport."
    " Founded in 1998, the company employs 420 people in Bergen and Gdansk.",
]
_CONTACTS = {
    "en": [
        "Media Contact:",
        "Lars Berg",
        "press@fjordline.example",
        "+47 55 55 01 87",
        "Photo - https://mma.prnewswire.example/media/2311874/ferry.jpg",
        "SOURCE Fjordline Marine AS",
    ],
    "de": [
        "Pressekontakt:",
        "Fjordline Marine GmbH",
        "Unternehmenskommunikation",
        "Anna Weber",
        "Telefon: 040 555-210",
        "E-Mail: presse@fjordline.example",
    ],
    "fr": [
        "Contact presse",
        "Agence Marée – Claire Dubois",
        "claire.dubois@maree.example",
        "+33 6 55 55 98 76",
    ],
    "nl": [
        "Noot voor de redactie, niet voor publicatie:",
        "Voor meer informatie kunt u contact opnemen met Joost Bakker, woordvoerder, via"
        " 06-55598765 of pers@fjordline.example.",
        "###",
    ],
}


@pytest.mark.parametrize("lang", list(_CONTACTS))
def test_a_press_releases_contact_block_goes_whole_on_a_text(run_stage, lang):
    # the line model removed the name and phone and kept the label and the e-mail alone
    # (s41 acc-press F2); the About paragraph is the release's and stays
    page = ["Fjordline Marine", "Newsroom", "Fjordline Marine orders six electric ferries",
            *_RELEASE, *_CONTACTS[lang], "Privacy | Terms"]  # fmt: skip
    kept, removed = _clean(run_stage, page)
    assert kept[-5:] == _RELEASE
    assert set(_CONTACTS[lang]) <= set(removed)


def test_a_newsletters_lines_to_its_reader_go_on_a_text(run_stage):
    # kept by the line model: sentences in the site's voice, next to the issue's own
    # (s41 acc-press F10)
    furniture = [
        "View this email in your browser",
        "You are receiving this email because you signed up for updates at our website or"
        " attended one of our events.",
        "Unsubscribe | Update your preferences",
    ]
    issue = [
        "Riverside Notes: Spring 2025",
        "This spring our volunteers planted 2,400 trees along the river's east bank, and the"
        " first of the new footbridges opened to walkers in April after two years of work.",
        "The county also agreed to protect another 120 acres of wetland north of the mill,"
        " which our members have asked for since 2019, and which birds already use in winter.",
        "Thank you to everyone who came to the spring clean-up and helped us fill 60 bags.",
    ]
    kept, removed = _clean(run_stage, [furniture[0], *issue, *furniture[1:]])
    assert kept[-3:] == issue[1:]
    assert set(furniture) <= set(removed)
    assert MAIL_REASON in {removed[ln] for ln in furniture}


def test_a_press_releases_contact_block_goes_from_an_html_page(run_stage):
    # trafilatura keeps the block inside the <article>, as the wires put it (s41 acc-press F1)
    body = "".join(f"<p>{p}</p>" for p in _RELEASE)
    contact = "".join(f"<p>{ln}</p>" for ln in _CONTACTS["en"])
    page = (
        "<html><head><title>Fjordline Marine orders six electric ferries</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        f"<h1>Fjordline Marine orders six electric ferries</h1>{body}{contact}</article>"
        "<footer>Privacy | Terms</footer></body></html>"
    )
    doc = _html_doc(run_stage, page)
    assert doc.text.split("\n")[-len(_RELEASE) :] == _RELEASE
    assert "press@fjordline.example" not in doc.text
    assert doc.annotations["boilerplate"]["release_furniture"] >= len(_CONTACTS["en"]) - 1


def test_an_articles_paragraph_with_a_phone_under_a_contact_label_stays(run_stage):
    """s42 acc-regress R6: consumer advice under a "Contact:" label, a paragraph of two
    sentences with the airline's number in it, was removed as a press contact's block (a line
    of 24 words or fewer with a phone was the contact's, a sentence or not). A contact's line
    is one sentence at most; the wire's (the Dutch one above) still goes."""
    advice = (
        "Call the airline first. Most have a dedicated line for cancellations, and British"
        " Airways says its line, 0344 493 0787, is open 24 hours."
    )
    page = [
        "How to get help if your flight is cancelled", "", "By Rachel Moss", "5 July 2024", "",
        "Thousands of travellers have had flights cancelled this summer because of strikes and"
        " staff shortages. Here is what you are entitled to.", "",
        "Contact:", advice, "", "Your rights under UK law", "",
        "If your flight is cancelled less than 14 days before departure, you may be entitled to"
        " compensation of up to 520 pounds, depending on the distance.",
    ]  # fmt: skip
    kept, _removed = _clean(run_stage, page)
    assert advice in kept
    assert contact_block(["Contact:", advice], 0) == 0
    nl = _CONTACTS["nl"]
    assert contact_block(["Contact:", nl[1]], 0) == 2
    # (an address's abbreviations and a phone's numbers part no sentences: htmldate dev
    # dlg.org's contact line, ending in no stop)
    dlg = (
        "DLG e.V. Servicebereich Kommunikation und Marketing • Eschborner Landstr. 122 •"
        " 60489 Frankfurt/M. Tel.: +49(0)69/24 788-203"
    )
    assert contact_block(["Ansprechpartner für die Medien", dlg], 0) == 2
    # (nor do an e-mail address's or a phone label's letters: the dotted one-line contact
    # of US/UK releases, s43 acc-read F10)
    for dotted in (
        "Jane Doe, Head of Communications. Tel. +44 20 7946 0000. Email: jane.doe@acme-energy.com.",
        "Jane Smith, Acme Energy Ltd. Phone: 555-123-4567. Email: jsmith@acme-energy.com.",
    ):
        assert contact_block(["Media contact:", dotted], 0) == 2, dotted


def test_what_is_no_contact_block_or_newsletter_furniture():
    # a notice's own sentence with a phone number, no label over it
    notice = "Residents with questions may contact Public Works at 330-555-0120."
    assert release_furniture([notice]) == {}
    # a label with no contact under it: a menu's item, a heading over prose
    assert contact_block(["Contact", "Home", "About us", "Our work"], 0) == 0
    assert contact_block(["Media contacts", _RELEASE[0], "press@x.example"], 0) == 0
    # the block ends at its last contact line: the heading after it is the release's
    block = ["Contact:", "Jane Doe", "Communications Director", "330-555-0102", "About Acme"]
    assert contact_block(block, 0) == 4
    assert contact_block(["Contact: Jane Doe, Communications Director, 330-555-0102"], 0) == 1
    # a sentence that speaks of unsubscribing is the article's; a run of links is not
    assert not is_mail_furniture(
        "The new rule makes it as easy to unsubscribe from a service as it was to sign up."
    )
    assert is_mail_furniture("Advertise with us | Unsubscribe | Manage preferences")
    assert is_mail_furniture("Wird diese E-Mail nicht korrekt angezeigt? Im Browser ansehen")
    assert is_mail_furniture("Vous recevez cette lettre car vous êtes adhérent.")
    # an all-capitals heading is no wire's SOURCE line
    assert release_furniture(["SOURCE OF THE NILE FOUND"]) == {}


def test_sentences_that_open_with_a_mailing_word_or_show_a_web_address_are_the_texts():
    """review2 F1, F2: a sentence that opens with an unsubscribe link's word ("Abmelden
    können sich ...") was removed as a newsletter's line, and the issuer's About paragraph
    with its web address as part of a contact block over it."""
    assert not is_mail_furniture(
        "Abmelden können sich die Läufer bis Freitag im Rathaus, die Startgebühr wird erstattet."
    )
    assert not is_mail_furniture("Unsubscribe rates rose after the company changed its emails.")
    assert is_mail_furniture("Abmelden")
    assert is_mail_furniture(
        "You are receiving this email because you signed up for updates at"
        " riverbendlandtrust.org or attended one of our events."
    )
    about = "Acme Corp makes robots for ports; it was founded in 1998 (www.acme.example)."
    assert contact_block(["Media contact:", "Jane Doe", "+1 555 0100 123", about], 0) == 3
    assert (
        contact_block(["Media contact:", "Jane Doe", "+1 555 0100 123", "About Acme", about], 0)
        == 3
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Vous recevez cette semaine votre avis d'imposition, et le montant a peut-être changé.",
        "Você recebe este benefício automaticamente se já estiver inscrito no Cadastro Único.",
        "If you no longer want to receive these calls, register your number with the list.",
        "You can change your subscription with most carriers to add the blocking service.",
        "You're receiving this treatment because your doctor thinks it will help, she said.",
    ],
)
def test_a_sentence_that_opens_like_a_notice_but_names_no_mail_is_the_texts(sentence):
    """s42 acc-read F1: a notice's opening words ("Vous recevez cette", "you can change
    your subscription") without the e-mail they speak of open ordinary sentences of
    consumer articles, which were removed as a newsletter's lines."""
    assert not is_mail_furniture(sentence)


def test_the_contact_search_is_linear_and_stops_at_an_about_heading_with_marks():
    """s42 acc-read F2, F5: the e-mail pattern tried at each character of a long token
    without "@" took the square of its length (100 KB: 17 s); an About heading with lead
    marks ("-- About Acme Corp --") did not end a contact block, which then took the
    issuer's paragraph with its phone."""
    import time

    start = time.process_time()
    release_furniture(["Media contact:", "a" * 200_000])
    is_mail_furniture("Unsubscribe" + " " * 200_000 + "x")  # (a link's tail, s42 F13)
    assert time.process_time() - start < 1.0  # (quadratic: minutes)
    about = "Acme Corp makes medical equipment. Call 555-123-4567 or write to info@acme.example."
    for heading in ("-- About Acme Corp --", "**About Acme Corp**", "## About Acme Corp"):
        lines = ["Media contact:", "Jane Doe", "jane@acme.example", "", heading, about]
        assert contact_block(lines, 0) == 3


@pytest.mark.parametrize(
    "footer",
    [
        "You can update your preferences at any time.",
        "You can change your subscription settings in your account.",
        "If you no longer wish to receive our marketing emails, click here.",
        "If you don't want to receive these notifications, click here.",
        "You're receiving this as a subscriber to The Daily Brief.",
        "You are receiving this digest because you follow this topic.",
        "Vous recevez ce mail car vous êtes inscrit à notre lettre d'information.",
        "Você está recebendo esta mensagem porque se inscreveu em nosso site.",
    ],
)
def test_a_newsletters_notice_with_the_mails_adjectives_or_other_nouns_goes(footer):
    """review42 R1: the notices' mail nouns had to follow their determiner at once and
    missed "our marketing emails", "these notifications", "ce mail", "esta mensagem"."""
    assert is_mail_furniture(footer)


def test_an_address_right_after_a_korean_bylines_word_is_one():
    """review42 R10: the e-mail pattern's local part is ASCII."""
    import re

    from corearchive_plugins.boilerplate.mailing import EMAIL

    assert re.search(EMAIL, "김민준 기자minjun@example.com")[0] == "minjun@example.com"


_FIGURES = [
    "Lindenau (ots) - Die Stadtwerke Lindenau haben am Dienstag ihr erstes Bürgerkraftwerk in"
    " Betrieb genommen. Die Anlage erzeugt jährlich rund 8,5 Millionen Kilowattstunden Strom.",
    "Mehr als 900 Bürgerinnen und Bürger haben sich mit Beträgen ab 250 Euro an der Anlage"
    " beteiligt. Sie erhalten eine feste Verzinsung von 3,5 Prozent über zehn Jahre.",
    '"Das Bürgerkraftwerk zeigt, dass die Energiewende in Lindenau von den Menschen vor Ort'
    ' getragen wird", sagte Geschäftsführerin Dr. Katrin Vogt bei der Einweihung.',
    "Die wichtigsten Zahlen im Überblick:",
    "Leistung: 7,9 Megawatt Peak",
    "Fläche: 9,2 Hektar",
    "Investition: 6,1 Millionen Euro",
    "CO2-Einsparung: rund 3.600 Tonnen pro Jahr",
    "Über die Stadtwerke Lindenau",
    "Die Stadtwerke Lindenau GmbH versorgen rund 61.000 Kundinnen und Kunden mit Strom, Gas,"
    " Wärme und Trinkwasser. Das Unternehmen gehört zu 100 Prozent der Stadt Lindenau.",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["lines", "blank line between all"])
def test_a_releases_key_figures_and_about_paragraph_stay_in_any_layout(run_stage, sep):
    # with a blank line between all lines (the dev renderings' layout, many scrapers') the
    # model read each figure as a block of its own, a menu's item: the figures went as
    # teasers after the article's end, and the About paragraph with its heading (s41
    # acc-press F20)
    page = ["presseportal.de", "Startseite", "Wirtschaft", "Blaulicht", "Stadtwerke Lindenau GmbH",
            "04.11.2026 – 10:15", "Stadtwerke Lindenau starten Bürgerkraftwerk am Hafen",
            *_FIGURES, "Pressekontakt:", "Stadtwerke Lindenau GmbH", "Jana Becker",
            "Telefon: 03421 555-210", "E-Mail: presse@stadtwerke-lindenau.example",
            "Impressum | Datenschutz | AGB"]  # fmt: skip
    run = run_stage(BoilerplateStage, make_document(sep.join(page)), keep_removed=True)
    kept = run.kept[0].text.split("\n")
    assert kept[-len(_FIGURES) :] == _FIGURES


def test_a_releases_about_heading_and_paragraph_are_kept_after_its_text():
    body = "The company announced the order of six ferries on Monday in a statement to the press."
    contact = ["Media Contact:", "Jane Roe", "press@cedarlane.example"]
    about = [
        "About Cedar Lane Credit Union",
        "Cedar Lane Credit Union serves 48,000 members in northeast Ohio from nine branches.",
    ]
    french = ["À propos d'Alvéa", "Fondé en 1962, le Groupe Alvéa est un acteur européen du"
              " recyclage des métaux et emploie 4 200 personnes."]  # fmt: skip
    for lines in (about, french):
        page = [body, *lines, *contact]
        assert about_paragraph(page, [True, False, False, False, False, False]) == [1, 2]
        assert about_paragraph(page, [True, False, True, False, False, False]) == [1]
        # (before any kept line of the text: no release's end)
        assert about_paragraph(page, [False] * 6) == []
        # a blog's box about its author has the form, but no release's contact by it
        assert about_paragraph([body, *lines], [True, False, False]) == []
    # a site's menu, an author's box, a heading over no sentence that names the issuer
    for lines in (["About us | Advertise | Contact", about[1]],
                  ["About the author", "She has written for the paper since 2009 and lives in"
                   " Ohio with her two children."],
                  ["About Cedar Lane Credit Union", "Read more"],
                  ["About Cedar Lane", "The members of the union meet every Tuesday in the town"
                   " hall of the village."],
                  # a teaser's headline of a figure, its summary naming its place (s43
                  # acc-read F8)
                  ["Over 500 homes flooded in Harbourside", "Harbourside residents were moved"
                   " to the school hall on Sunday after the river burst its banks."],
                  ["About 300 jobs to go at Cedar Lane", "Cedar Lane said on Monday that it"
                   " would close two of its nine branches by the end of the year."]):  # fmt: skip
        assert about_paragraph([body, *lines, *contact], [True] + [False] * 5) == []


def test_a_contact_sentence_wrapped_at_a_width_is_the_contacts():
    # lynx at 100 columns: the sentence shows the phone and e-mail on its second line
    lines = ["Noot voor de redactie, niet voor publicatie:",
             "Voor meer informatie kunt u contact opnemen met Pieter Jansen, woordvoerder, via",
             "06-55512345 of pers@bolderenergie.example.", "Bekijk meer persberichten"]  # fmt: skip
    assert contact_block(lines, 0) == 3
    # (a sentence of the release that goes on with no contact after the label ends it)
    lines[2] = "de gemeente Amersfoort, die het project mede heeft gefinancierd."
    assert contact_block(lines, 0) == 0


@pytest.mark.parametrize(
    "heading",
    [
        "Manage your subscriptions before streaming prices rise again",
        "Unsubscribe rates are rising",
        "Abmelden lohnt sich",
        "Webversion des Spiels erscheint im Mai",
        "Afmelden voor de marathon kan tot vrijdag",
        "Désabonnement : la grande vague des résiliations",
        "Darse de baja del gimnasio, misión imposible",
        "Tech | Unsubscribe rates soar as inboxes overflow",
    ],
)
def test_a_heading_that_opens_with_a_links_words_is_the_texts(heading):
    """s42 acc-read F13: a short line that opened with an unsubscribe link's words was a
    newsletter's line whatever followed, so a headline or a sub-heading on a consumer topic
    was removed and never a title. A link's words alone, with their object or in a run of
    links are still the e-mail's."""
    from corearchive_plugins.metadata.text import _never_title

    assert not is_mail_furniture(heading)
    assert not _never_title(heading)[0]


@pytest.mark.parametrize(
    "link",
    [
        # (s42 acc-read F1: the notices that name the e-mail)
        "You can change your subscription or unsubscribe from this list.",
        "Você está recebendo este e-mail porque se cadastrou no site.",
        "If you no longer wish to receive these emails, click here.",
        # (s42 acc-read F13: a link's words alone, with their object or in a run of links)
        "Unsubscribe",
        "Manage your subscriptions",
        "Unsubscribe from this list",
        "Afmelden voor de nieuwsbrief",
        "Abmelden vom Newsletter",
        "Se désinscrire de la liste",
        "Update your preferences or unsubscribe",
        "Manage Your Subscription this link opens in a new tab",
        "Online-Version anzeigen",
        "Unsubscribe or update your preferences",
        "Newsletter abbestellen | Einstellungen ändern",
        "Unsubscribe · View in browser",
    ],
)
def test_a_links_words_alone_or_a_notice_naming_the_mail_are_the_mails(link):
    assert is_mail_furniture(link)


def test_sub_headings_that_open_with_a_links_words_stay_in_a_text(run_stage):
    """s42 acc-read F13, end to end on the text path."""
    para = (
        "Consumer groups advise checking bank statements for recurring charges and"
        " cancelling the services you have not used in the past three months."
    )
    lines = [para, "", "Unsubscribe rates are rising", "", para.replace("three", "six"), ""]
    lines += ["Abmelden lohnt sich", "", para.replace("three", "four")]
    kept, gone = _clean(run_stage, lines)
    assert "Unsubscribe rates are rising" in kept and "Abmelden lohnt sich" in kept, gone


def test_a_span_of_years_under_a_contact_block_is_no_phone_number():
    """s42 acc-read F11: "1914-1918" and "2023/2024" were read as a phone number's digit
    groups, so a sentence of the release under its contact block that named one went with
    the block."""
    after = 'The exhibition "Shadows of War 1914-1918" runs until 30 June and is open daily.'
    season = "Tickets for the 2023/2024 season go on sale on Monday."
    for line in (after, season):
        lines = ["Press contact:", "Jane Doe", "+49 30 1234567", "", line]
        assert contact_block(lines, 0) == 3, line
    # a phone number of two groups is still one
    assert contact_block(["Press contact:", "Jane Doe", "", "Tel. 6123 4567"], 0) == 4
    assert contact_block(["Press contact:", "Jane Doe", "6123 4567"], 0) == 3


def test_a_line_the_refinement_puts_back_is_not_counted_as_gone(run_stage):
    """s42 acc-read F12: the HTML path counted the lines it took out of trafilatura's text
    before the refinement, which put an article's sentence that opens like a newsletter's
    notice back: the record had the sentence in its text and release_furniture 1."""
    sentence = (
        "Sie erhalten diese Nachricht von einer unbekannten Nummer? Dann sollten Sie vorsichtig"
        " sein und keinen Link anklicken, warnt die Polizei."
    )
    paras = [
        "Die Polizei in Hamburg warnt vor einer neuen Welle betrügerischer Kurznachrichten,"
        " die angeblich von Paketdiensten stammen und auf gefälschte Seiten führen.",
        sentence,
        "In den vergangenen zwei Wochen seien mehr als dreihundert Anzeigen eingegangen, der"
        " Schaden belaufe sich auf mehrere zehntausend Euro, sagte ein Sprecher.",
        "Wer bereits Daten eingegeben habe, solle umgehend seine Bank informieren und die"
        " Zugangsdaten ändern, rät die Verbraucherzentrale.",
    ]
    page = (
        '<html lang="de"><head><title>Polizei warnt vor falschen Paketnachrichten</title>'
        "</head><body><article><h1>Polizei warnt vor falschen Paketnachrichten</h1>"
        "<p>Von Anna Weber, 3. März 2026</p>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</article></body></html>"
    )
    # (the premise: the notice's pattern takes the sentence, the refinement puts it back)
    assert is_mail_furniture(sentence)
    doc = _html_doc(run_stage, page)
    ann = doc.annotations["boilerplate"]
    assert ann.get("refine", {}).get("added")
    assert sentence in doc.text.split("\n")
    assert "release_furniture" not in ann


@pytest.mark.parametrize(
    "heading", ["About Acme Corp", "**About Acme Corp**", "-- About Acme Corp --"]
)
def test_an_about_heading_with_lead_marks_keeps_its_paragraph(heading):
    """Closing review of s42: _ABOUT reads a heading after its lead marks, but the About
    paragraph's gate looked at the line's first character, so a marked heading and its
    paragraph were not kept."""
    from corearchive_plugins.boilerplate.mailing import about_paragraph

    body = "The company said the new plant would open in the spring and employ 400 people."
    lines = [
        body,
        heading,
        "Acme Corp makes widgets for the whole world since 1962 and employs 400.",
        "Media contact:",
        "Jane Doe",
        "jane@acme.example",
    ]
    assert about_paragraph(lines, [True, False, False, True, True, True]) == [1, 2]
