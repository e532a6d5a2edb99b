"""A shop's category page keeps its product cards, each a name and a price (s42 acc-pages
F1); a product's own page and an article with a box of offers get none."""

from __future__ import annotations

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.htmltree import load_html
from corearchive_plugins.boilerplate.listing import product_cards

PACKS = [("Summit 28 Daypack", "$119.00"), ("Trailhead 45 Backpack", "$189.00"),
         ("Expedition 65 Backpack", "$279.00"), ("Kids Explorer 18", "$69.00"),
         ("Hydration Vest 12", "$99.00"), ("Rolltop 30 Waterproof", "$149.00")]  # fmt: skip
INTRO = (
    "Daypacks for a morning hike, and 60-litre packs for a week in the backcountry. All our "
    "packs are fitted in store for free."
)
HEAD = (
    "<header class='site-header'><a class='logo' href='/'>Northwind Outdoor</a><ul>"
    "<li><a href='/account'>My account</a></li><li><a href='/cart'>Cart (0)</a></li></ul>"
    "<nav><ul><li><a href='/tents'>Tents</a></li><li><a href='/backpacks'>Backpacks</a></li>"
    "<li><a href='/sleeping'>Sleeping</a></li><li><a href='/sale'>Sale</a></li></ul></nav>"
    "</header>"
)
FOOT = (
    "<footer><ul><li><a href='/about'>About us</a></li><li><a href='/shipping'>Shipping &amp; "
    "returns</a></li></ul><p>© 2025 Northwind Outdoor Ltd. All rights reserved.</p></footer>"
)


def _cards(products: list[tuple[str, str]]) -> str:
    return "".join(
        f"<li class='product'><a href='#'><img src='/p.jpg' alt=''><h2 class='title'>{name}"
        f"</h2><span class='price'>{price}</span></a><a class='button add_to_cart_button'>"
        "Add to cart</a></li>"
        for name, price in products
    )


def _listing() -> str:
    return (
        "<html><head><title>Backpacks | Northwind Outdoor</title></head><body class='woocommerce'>"
        f"{HEAD}<div id='page'><h1 class='page-title'>Backpacks</h1><div class='term-description'>"
        f"<p>{INTRO}</p></div><div class='toolbar'><span>Showing 1–6 of 6 results</span>"
        "<span>Sort by popularity</span><span>Price: $60 — $280</span></div>"
        f"<ul class='products columns-3'>{_cards(PACKS)}</ul></div>{FOOT}</body></html>"
    )


def _html(run_stage, page: str):
    return run_stage(BoilerplateStage, make_document(page, html=True, path="p.html")).kept[0]


def test_a_shops_listing_keeps_its_product_cards(run_stage):
    """trafilatura kept the category's intro alone; the cards are the listing's content:
    each its name and price on a line, without the button, counted in the evidence."""
    doc = _html(run_stage, _listing())
    assert doc.text.split("\n") == [INTRO, *(f"{name} {price}" for name, price in PACKS)]
    assert doc.annotations["boilerplate"]["products"] == len(PACKS)


def test_a_product_pages_related_products_are_no_listing(run_stage):
    """A product's own page shows its price before the grid of related products: no
    cards."""
    page = (
        "<html><head><title>Ridgeline 2 Tent</title></head><body>"
        f"{HEAD}<main><h1>Ridgeline 2 Tent</h1><p class='price'>$349.00</p><div class='desc'>"
        "<p>A two-person backpacking tent with two doors and two vestibules, so nobody climbs "
        "over anybody at three in the morning. The fly pitches first in the rain.</p></div>"
        "<section class='related'><h2>Customers also bought</h2>"
        f"<ul class='products'>{_cards(PACKS[:4])}</ul></section></main>{FOOT}</body></html>"
    )
    doc = _html(run_stage, page)
    assert "products" not in doc.annotations["boilerplate"]
    assert PACKS[0][0] not in doc.text


def test_cards_in_the_pages_chrome_or_under_a_long_text_are_not_added(run_stage):
    """A grid of offers in the footer is the site's; an article's box of offers is under
    its own long text (trafeval's winfuture page): neither is read as a listing."""
    in_footer = _listing().replace("<ul class='products columns-3'>", "<footer><ul>", 1)
    in_footer = in_footer.replace("</ul></div>", "</ul></footer></div>", 1)
    tree = load_html(in_footer)
    assert product_cards(tree, in_footer) == []
    article = " ".join(["The telescope is the best we have tested in this price range."] * 30)
    page = _listing().replace(f"<p>{INTRO}</p>", f"<p>{article}</p>")
    doc = _html(run_stage, page)
    assert "products" not in doc.annotations["boilerplate"]


def test_a_cards_buttons_and_pictures_are_not_its_text():
    page = _listing().replace("<h2 class='title'>", "<span class='badge'>Sale!</span><h2>")
    got = product_cards(load_html(page), page)
    assert got[0] == "Sale! Summit 28 Daypack $119.00"
    assert not any("Add to cart" in line for line in got)


def _grid(price: str, card: str = "<h3>{name}</h3><span>{price}</span>", head: str = "") -> str:
    """A page with a plain grid of five cards, each priced ``price``, after ``head``."""
    items = "".join(f"<li>{card.format(name=f'Item {i}', price=price)}</li>" for i in range(5))
    return f"<html><body>{head}<main><ul>{items}</ul></main></body></html>"


def test_a_listing_that_trafilatura_kept_is_not_written_twice(run_stage):
    """A short category page whose plain list of cards trafilatura keeps: its cards were
    added under them again, each product twice (s44 acc-read F3)."""
    items = "".join(
        f"<li class='product'><h3>{name}</h3><span class='price'>{price}</span></li>"
        for name, price in PACKS[:5]
    )
    page = (
        "<html><head><title>Daypacks</title></head><body><main><h1>Daypacks</h1>"
        f"<p>Light packs for a morning hike.</p><ul class='products'>{items}</ul></main>"
        "</body></html>"
    )
    text = _html(run_stage, page).text
    for name, _ in PACKS[:5]:
        assert text.count(name) == 1


def test_a_listings_prices_in_a_shops_markup_and_currencies():
    """WooCommerce's price (its symbol in a <span> in a <bdi>), a Swiss price ("CHF 29.90")
    and an entity's currency ("&pound;19.99") were no prices to the gate or to the price's
    test: no cards (s44 acc-read F4, F5)."""
    woo = (
        "<span class='price'><span class='woocommerce-Price-amount amount'><bdi>"
        "<span class='woocommerce-Price-currencySymbol'>$</span>19.99</bdi></span></span>"
    )
    for price, shown in ((woo, "$19.99"), ("CHF 29.90", "CHF 29.90"), ("&pound;19.99", "£19.99")):
        page = _grid(price)
        assert product_cards(load_html(page), page) == [f"Item {i} {shown}" for i in range(5)]


def test_a_promotion_bars_price_does_not_hide_the_listing():
    """A price in no grid before the cards is a product page's own only in the page's
    <main> or marked as a price: a bar's "Free shipping over $50" gave no cards (s44
    acc-read F4)."""
    bar = "<div class='announcement'>Free shipping over <strong>$50</strong></div>"
    page = _grid("$19.99", head=bar)
    assert product_cards(load_html(page), page) == [f"Item {i} $19.99" for i in range(5)]


def test_a_deep_card_and_a_comment_in_a_card():
    """A card's name nested 1,500 elements deep raised RecursionError, which dropped the
    page's extraction; a comment's text was a card's (s44 acc-read F20)."""
    deep = "<span>" * 1500 + "{name}" + "</span>" * 1500
    page = _grid("$9.99", card="<!-- wp:product-card -->" + deep + "<span>{price}</span>")
    assert product_cards(load_html(page), page) == [f"Item {i} $9.99" for i in range(5)]


def test_a_card_is_not_found_in_a_longer_price_and_one_card_is_no_listing():
    """ "Enamel mug $12" was taken as held by "… the Enamel mug $120 set …", and the one card
    left was added as a listing (s45 read F16): a card is held as whole words, and fewer
    than MIN_CARDS new cards are none."""
    from corearchive_plugins.boilerplate.listing import new_cards

    cards = ["Enamel mug $12", "Canvas tote $8", "Wool cap $15"]
    text = "Our shop sells the Enamel mug $120 set and the Canvas tote $8 in three colours."
    assert new_cards(cards, text) == []
    assert new_cards(cards, "Our shop sells the Enamel mug $120 set.") == cards
    assert new_cards(cards, "Enamel mug\n$12\nCanvas tote $8\nWool cap $15") == []
