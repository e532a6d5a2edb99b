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
