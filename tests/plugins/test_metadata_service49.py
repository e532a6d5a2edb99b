"""Metadata on service pages (session 49's acc-service tester): a tag's apostrophe, and the
URL's slug of a story under its show's or section's name."""

from __future__ import annotations

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage
from corearchive_plugins.metadata.text import _slug_words

PARAS = [
    "Nous avons testé vingt casques sans fil pendant trois mois, au bureau, dans le métro et"
    " en avion, pour trouver ceux qui valent vraiment leur prix.",
    "Le meilleur reste le modèle de Sony, dont la réduction de bruit et l'autonomie n'ont pas"
    " d'égal, même si son prix a encore augmenté cette année.",
]


def _page(head: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>Les meilleurs casques 2026</title>{head}</head><body><article>"
        f"<h1>Les meilleurs casques 2026</h1>{paras}</article></body></html>"
    )


def test_a_tags_apostrophe_inside_a_word_is_kept(run_stage) -> None:
    # S16: trafilatura drops every quote of a meta tag ("Guide d'achat" -> "Guide dachat")
    head = (
        "<meta property='article:tag' content=\"Guide d'achat\">"
        "<meta property='article:tag' content='Audio'>"
    )
    doc = make_document(_page(head), html=True, uri="https://example.fr/casques")
    tags = run_stage(MetadataStage, doc).kept[0].tags
    assert tags == ["Guide d'achat", "Audio"]
    # a quote around a keyword is still no part of it
    doc = make_document(
        _page("<meta name='keywords' content=\"'casques', l'audio\">"),
        html=True,
        uri="https://example.fr/casques",
    )
    assert run_stage(MetadataStage, doc).kept[0].tags == ["casques", "l'audio"]


def test_the_slug_is_the_last_of_the_longest_path_segments() -> None:
    # S14: a podcast episode's address names its show first, with as many words
    url = "https://elpais.com/podcasts/hoy-en-el-pais/2025-02-14/la-vivienda-en-espana.html"
    assert _slug_words(url) == frozenset(("la", "vivienda", "en", "espana"))


def test_a_teaser_under_a_related_label_is_no_tag_line() -> None:
    # S12: "Review Kobo Clara Colour" (four capitalised words, read as two names' tags)
    # under "Leia também" after the article
    from corearchive_plugins.metadata import extract

    body = [
        "Testámos sete leitores de livros digitais durante dois meses, em casa, no comboio e"
        " na praia, para perceber quais valem o dinheiro que custam.",
        "O Kindle Paperwhite continua a ser a escolha mais equilibrada, com um ecrã nítido, boa"
        " autonomia e um preço que baixou este ano.",
    ]
    head = ["Os melhores leitores de livros digitais de 2025", "Por Ana Costa"]
    tail = ["Review Kobo Clara Colour", "Os melhores tablets de 2025"]
    assert not extract("\n\n".join([*head, *body, "Leia também", *tail])).get("tags")
    # without the label, the same line at the page's end is still read as its tags
    assert extract("\n\n".join([*head, *body, *tail[:1]])).get("tags") == [
        "Review Kobo",
        "Clara Colour",
    ]
