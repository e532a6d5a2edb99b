"""Patterns written several times, folded into one (s52 fold52): where the copies differed,
each rule now reads what one of them read and the other did not."""

from __future__ import annotations

from corearchive_plugins.boilerplate.chrome import offer_line
from corearchive_plugins.boilerplate.htmltree import load_html
from corearchive_plugins.boilerplate.listing import product_cards
from corearchive_plugins.boilerplate.service import PRICE_REASON, service_chrome


def test_a_brazilian_shops_cards_are_read() -> None:
    """A card priced "R$ 949" (the shop's button read it, the cards did not)."""
    names = ["Fone Pulse 2", "Caixa Beat Mini", "Relógio Fit 5"]
    cards = "".join(
        f"<li class='product'><h2>{n}</h2><span class='price'>R$ {p}</span></li>"
        for n, p in zip(names, ["949", "1.299,90", "349,50"], strict=True)
    )
    html = f"<html><body><main><h1>Áudio</h1><ul class='products'>{cards}</ul></main></body></html>"
    assert product_cards(load_html(html), html) == [
        "Fone Pulse 2 R$ 949", "Caixa Beat Mini R$ 1.299,90", "Relógio Fit 5 R$ 349,50"
    ]  # fmt: skip


def test_a_shops_button_with_an_amount_of_four_digits_unparted() -> None:
    """A shop's button "$1299 at Best Buy", its thousands not parted (the cards' price read
    it, the shop's button did not: only "$1,299")."""
    assert offer_line("$1299 at Best Buy")
    assert offer_line("Galaxy S25 - 1049 € chez Fnac")


def test_a_price_alone_by_a_cart_button_in_other_currencies() -> None:
    """A price in kronor, yen or with one decimal next to a cart button (the shop's button
    read them, the price alone did not)."""
    for price in ("249 kr", "¥1,280", "€ 12,5", "1 299 Kč"):
        lines = ["Add to cart", price]
        assert service_chrome(lines, [True, True]).get(1) == PRICE_REASON, price


def test_a_mail_footers_rights_line_without_the_word_copyright() -> None:
    """A Mailchimp footer's notice that names its rights, not "©" or "Copyright", first
    (a site's notice, :func:`.lines.notice_line`, read it; the footer's copyright line did
    not)."""
    from corearchive_plugins.boilerplate.mailing import release_furniture

    lines = [
        "Le jardin partagé ouvre ses nouvelles parcelles au printemps, inscrivez-vous avant"
        " la fin du mois auprès du bureau.",
        "Voir ce courriel dans votre navigateur",
        "Jardin des Lilas — tous droits réservés.",
        "Vous souhaitez modifier la façon dont vous recevez nos courriels ?",
        "Vous pouvez mettre à jour vos préférences ou vous désinscrire de cette liste.",
    ]
    assert sorted(release_furniture(lines)) == [1, 2, 3, 4]


def test_a_blog_footers_long_names_and_uhr() -> None:
    """Blogger's post footer, one pattern for both stages: names of more than 50 characters
    (the metadata read them, the text's rule did not), a German "Uhr" after the time (the
    text's rule read it, the metadata did not)."""
    from corearchive_plugins.boilerplate.chrome import POSTED_AT_REASON, reading_widgets
    from corearchive_plugins.metadata.text import blog_byline_names

    long = "Posted by Maria Fernanda Oliveira-Santos and Johann Sebastian Weber at 9:42 PM"
    assert reading_widgets([long], [True]) == {0: POSTED_AT_REASON}
    assert blog_byline_names("Eingestellt von Uwe Petersen um 21:05 Uhr") == ["Uwe Petersen"]
