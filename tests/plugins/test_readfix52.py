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
