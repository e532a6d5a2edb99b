"""A press release's contact block and wire marks, a newsletter e-mail's lines to its reader
(:mod:`corearchive_plugins.boilerplate.mailing`): removed on the text and the HTML path."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.mailing import (
    MAIL_REASON,
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


def _clean(run_stage, lines):
    run = run_stage(BoilerplateStage, make_document("\n".join(lines)), keep_removed=True)
    doc = run.kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    return doc.text.split("\n"), dict(zip(gone["text"], gone["reason"], strict=True))


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
    run = run_stage(BoilerplateStage, make_document(page, html=True, path="a.html"))
    doc = run.kept[0]
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
    from corearchive_plugins.boilerplate.mailing import contact_block, is_mail_furniture

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
    assert is_mail_furniture("You can change your subscription or unsubscribe from this list.")
    assert is_mail_furniture("Você está recebendo este e-mail porque se cadastrou no site.")
    assert is_mail_furniture("If you no longer wish to receive these emails, click here.")


def test_the_contact_search_is_linear_and_stops_at_an_about_heading_with_marks():
    """s42 acc-read F2, F5: the e-mail pattern tried at each character of a long token
    without "@" took the square of its length (100 KB: 17 s); an About heading with lead
    marks ("-- About Acme Corp --") did not end a contact block, which then took the
    issuer's paragraph with its phone."""
    import time

    start = time.process_time()
    release_furniture(["Media contact:", "a" * 200_000])
    assert time.process_time() - start < 1.0  # (quadratic: minutes)
    about = "Acme Corp makes medical equipment. Call 555-123-4567 or write to info@acme.example."
    for heading in ("-- About Acme Corp --", "**About Acme Corp**", "## About Acme Corp"):
        lines = ["Media contact:", "Jane Doe", "jane@acme.example", "", heading, about]
        assert contact_block(lines, 0) == 3
