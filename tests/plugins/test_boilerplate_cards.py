"""A shop's category page in plain text: its grid of product cards (name, price, button) is
the page's content; the buttons and the badges between the cards are not (s45 cat45: the line
model read each card's lines alone as menu items and buttons and removed the grid)."""

from __future__ import annotations

from test_boilerplate_structures import _clean, _page

from corearchive_plugins.boilerplate.structures import CARD_EXTRA_REASON, product_grid

MENU = ["Skip to main content", "Kettle & Co", "Home", "Shop", "Kitchen", "Garden", "Sale",
        "Contact", "You are here: Home › Kitchen › Knives"]  # fmt: skip
FOOT = ["Previous 1 2 3 Next", "Newsletter", "Stay in the loop: sign up for our newsletter.",
        "Privacy policy", "Terms", "© 2026 Kettle & Co"]  # fmt: skip
NAMES = ["Chef's knife 20 cm", "Paring knife", "Bread knife with wavy edge", "Knife block oak",
         "Whetstone 1000/6000", "Santoku 18 cm"]  # fmt: skip
PRICES = ["£42.00", "£12.50", "£29.90", "£64.00", "£24.99", "£48.00"]


def _cards(price_line: str, badge: str | None = None) -> list[list[str]]:
    """The grid as a browser copy writes it: a block per card, the price glued to the
    button (``price_line`` formats the price), a badge over every other card."""
    out = []
    for k, (name, price) in enumerate(zip(NAMES, PRICES, strict=True)):
        block = [badge] if badge and k % 2 else []
        out.append([*block, name, price_line.format(price)])
    return out


def test_a_grid_of_cards_keeps_names_and_prices_not_buttons_or_badges(run_stage):
    """The names and prices are kept, each price without its "Add to cart"; the "-30%"
    badges and the page's menu and footer are not."""
    text = _page(
        MENU, ["Kitchen knives", "6 results Sort by"], *_cards("{}Add to cart", "-30%"), FOOT
    )
    kept, gone = _clean(run_stage, text)
    for name, price in zip(NAMES, PRICES, strict=True):
        assert name in kept and price in kept
        assert kept.index(price) == kept.index(name) + 1
    assert not any("Add to cart" in s for s in kept)
    assert "-30%" not in kept and gone["-30%"] == CARD_EXTRA_REASON
    assert not set(MENU[2:] + FOOT) & set(kept)


def test_cards_in_lynx_and_w3m_dumps():
    """lynx writes a bullet over each card and "(BUTTON)" before the button, with the
    price after a space; w3m a bullet with an image's label. Both are the same grid."""
    lynx = ["*" if k % 2 else "* -30%" for k in range(6)]
    lines = []
    for mark, name, price in zip(lynx, NAMES, PRICES, strict=True):
        lines += [mark, name, f"{price} (BUTTON) In den Warenkorb"]
    keep, rewrite, extras = product_grid(lines)
    assert sorted(keep) == [j for j in range(len(lines)) if j % 3]
    assert sorted(rewrite.values()) == sorted(PRICES)
    # (the badges go; a bullet alone is left as decided: a footnote's mark looks the same)
    assert [lines[j] for j in extras] == ["* -30%", "* -30%"]


def test_euro_prices_either_side():
    """A price with its currency after ("49,99 €") or before ("€ 18,00") the amount."""
    for fmt in ("{},99 €Ajouter au panier", "€ {},99"):
        lines = [s for k, name in enumerate(NAMES) for s in (name, fmt.format(10 + k))]
        keep, rewrite, _ = product_grid(lines)
        assert sorted(keep) == list(range(len(lines)))
        assert len(rewrite) == (6 if "panier" in fmt else 0)


def test_not_a_grid():
    """Three priced lines are no grid (a product's variants, a teaser box); nor are cards
    whose names repeat, nor lines whose text after the price differs (a price list's
    fees: "Children" / "£5.00 under twelve, with an adult")."""
    three = [
        s for name, p in zip(NAMES[:3], PRICES[:3], strict=True) for s in (name, p + "Add to cart")
    ]
    assert product_grid(three) == ([], {}, [])
    same = [s for p in PRICES for s in ("Gift card", p + "Add to cart")]
    assert product_grid(same) == ([], {}, [])
    fees = [("Adults", "a day"), ("Children", "under twelve, with an adult"),
            ("Seniors", "with a pass"), ("Families", "two adults and two children"),
            ("Groups", "ten people or more")]  # fmt: skip
    notes = [s for who, rest in fees for s in (who, f"£5.00 {rest}")]
    assert product_grid(notes)[0] == []


def test_a_price_list_in_prose_is_left_alone(run_stage):
    """An article that names prices in its sentences has no card shape: its text is as the
    line model decides it."""
    para = ["The council agreed new parking charges on Tuesday after a long debate about the "
            "town centre and the shops that depend on visitors from outside the town.",
            "From April an hour in the Market Street car park will cost £1.50, up from £1.20, "
            "while a full day rises to £6.00 for most drivers."]  # fmt: skip
    kept, _ = _clean(run_stage, _page(MENU, para, FOOT))
    assert para[0] in kept and para[1] in kept


def test_a_table_one_cell_a_line_keeps_its_columns():
    """A test's results written one cell a line (product, price, a "ja" / "nein" column, a
    grade) has the card shape, but a line with text in every gap between two products is a
    column of the table, no badge: its cells are not removed."""
    grades = ["1,7", "1,9", "2,1", "2,4", "2,5", "3,0"]
    lines = []
    for k, (name, grade) in enumerate(zip(NAMES, grades, strict=True)):
        lines += [name, f"{100 + 10 * k} €", "ja" if k % 2 else "nein", grade]
    keep, _, extras = product_grid(lines)
    assert sorted(keep) == [j for j in range(len(lines)) if j % 4 < 2]
    assert extras == []


def test_w3m_image_labels_between_cards_go():
    """w3m writes each card's image as "[i]" after its list bullet, a badge before it."""
    lines = []
    for k, (name, price) in enumerate(zip(NAMES, PRICES, strict=True)):
        lines += ["• -15%[i]" if k % 3 == 1 else "• [i]", name, price + "Add to cart"]
    _, rewrite, extras = product_grid(lines)
    assert [lines[j] for j in extras] == [lines[j] for j in range(3, len(lines), 3)]
    assert sorted(rewrite.values()) == sorted(PRICES)


def test_prices_in_the_currencies_of_the_html_cards():
    """The plain-text grid reads the currencies the HTML cards read (one list: rupees,
    koruna, forint, lei were a card's price in HTML and no price in a text). The buttons in
    the forms that are a button's (glued to a sign, w3m's "[…]", lynx's "(BUTTON)"; a text
    after a space is the price's own: "€18.50 per person", s46 read F5)."""
    for fmt in (
        "₹{},00Add to cart",
        "{},00 Kč [Do košíku]",
        "{}.990 Ft (BUTTON) Kosárba",
        "{},00 lei [Adaugă]",
    ):
        lines = [s for k, name in enumerate(NAMES) for s in (name, fmt.format(10 + k))]
        keep, rewrite, _ = product_grid(lines)
        assert sorted(keep) == list(range(len(lines))), fmt
        assert len(rewrite) == 6, fmt


def test_a_grid_beside_an_article_is_no_content(run_stage):
    """A review's "Related products" box of four cards under its paragraphs is the same
    shape as a category page's grid, but the page's content is the article: the grid is
    left as the model decided (it was kept whole, s46 acc-regress R2)."""
    story = [
        "Test: the new Mahlwerk grinder",
        "The new grinder from Mahlwerk impresses in our test with an even grind and a quiet motor.",
        "Its weakness is cleaning: the bean hopper can only be removed with a tool.",
    ]
    cards = [[name, price] for name, price in zip(NAMES[:4], PRICES[:4], strict=True)]
    text = _page(MENU, story, ["Related products"], *cards, FOOT)
    kept, _ = _clean(run_stage, text)
    assert story[1] in kept and story[2] in kept
    assert not set(NAMES[:4]) & set(kept), kept
