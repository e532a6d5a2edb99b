"""A shop's category page: its product cards, each a name and a price.

trafilatura takes a shop's category page for an article and keeps its intro alone: each
product card is a link around a heading and a price, next to an "Add to cart" button, which
it prunes as link-heavy furniture (s42 acc-pages F1: "Backpacks" kept "Daypacks for a
morning hike …" and none of its six products; trafilatura alone does the same). What a
shop's listing showed on a day — its products and their prices — is what an archive of it
holds, as it holds a news site's section front with its teasers (docs/stages.md,
"Listings"): the cards are kept, one line each ("Summit 28 Daypack $119.00"), without their
buttons and pictures.

:func:`product_cards` finds them in the page's tree: a grid of :data:`MIN_CARDS` or more
sibling elements each holding one price (an element whose whole text is an amount with its
currency) among at most :data:`_CARD_WORDS` words, the grid not in the page's header, menus
or footer. A product's own page has its price outside any grid before it (its "Customers
also bought" cards are no listing's): no cards then.
"""

from __future__ import annotations

import re
from typing import Any

#: the fewest cards of a listing (a product page's three related products are no listing:
#: its own price comes first, see the module's docstring)
MIN_CARDS = 3
#: the most words of a card (a name, a price, a badge, a rating)
_CARD_WORDS = 25
#: the share of the grid's children that are cards at least (a grid holds its cards, and
#: maybe a banner)
_CARD_SHARE = 0.6
_CURRENCY = r"(?:[$€£¥₹]|US\$|CHF|EUR|USD|GBP|zł|kr|Kč|Ft|lei)"
_AMOUNT = r"\d{1,3}(?:[.,\s ]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
#: an element's whole text that is a price: an amount with its currency before or after it
_PRICE = re.compile(rf"(?:{_CURRENCY}\s?(?:{_AMOUNT})|(?:{_AMOUNT})\s?{_CURRENCY})")
#: a price somewhere in the page's markup (the gate: most pages have none)
_PRICE_IN_HTML = re.compile(r"[$€£¥₹]\s?\d|\d(?:\s|&nbsp;)?(?:€|&euro;|EUR\b|CHF\b|zł|kr\b)")
#: a card's parts that are no product's: its buttons, pictures, scripts
_NOT_TEXT = frozenset(("button", "script", "style", "noscript", "template", "svg", "form"))
_BUTTON_CLASS = re.compile(r"\b(?:button|btn|add[_-]to[_-]cart|add_to_cart|cart)\b", re.I)
#: where a grid of cards is the site's, not the page's
_CHROME = frozenset(("nav", "header", "footer", "aside"))
_WS = re.compile(r"\s+")


def _prices(tree: Any) -> list[Any]:
    """The page's elements whose whole text is a price, in document order."""
    found = []
    for el in tree.iter("span", "p", "div", "strong", "b", "bdi", "ins", "data", "del", "em"):
        text = (el.text or "").strip()
        if not text or len(text) > 20 or len(el):
            continue
        if _PRICE.fullmatch(_WS.sub(" ", text)):
            found.append(el)
    return found


def _card_text(card: Any) -> str:
    """The card's visible text, its buttons and scripts aside, white space folded."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _NOT_TEXT or _BUTTON_CLASS.search(el.get("class") or ""):
            parts.append(el.tail or "")
            return
        parts.append(el.text or "")
        for child in el:
            walk(child)
        parts.append(el.tail or "")

    walk(card)
    parts[-1] = ""  # (the card's own tail is the grid's)
    return _WS.sub(" ", " ".join(parts)).strip()


def _in_chrome(el: Any) -> bool:
    return any(a.tag in _CHROME for a in el.iterancestors())


def _grid(price: Any, holders: dict[Any, int]) -> tuple[Any, Any] | None:
    """The grid that ``price`` is a card of, and that card: its lowest ancestor with
    :data:`MIN_CARDS` element children or more that hold a price (``holders``: how many
    prices each element holds; the elements as keys, which keeps lxml's proxies, and so
    their identity, alive), and the child on the way; None when there is none."""
    child = price
    for grid in price.iterancestors():
        if sum(1 for c in grid if c in holders) >= MIN_CARDS:
            return grid, child
        child = grid
    return None


def product_cards(tree: Any, html: str) -> list[str]:
    """The product cards of a shop's listing page (see the module's docstring), each its
    name and price on one line, in the page's order; empty when the page has none."""
    if len(_PRICE_IN_HTML.findall(html)) < MIN_CARDS:
        return []
    prices = _prices(tree)
    if len(prices) < MIN_CARDS:
        return []
    holders: dict[Any, int] = {}
    for p in prices:
        holders[p] = 1
        for a in p.iterancestors():
            holders[a] = holders.get(a, 0) + 1
    for p in prices:
        if _in_chrome(p):  # (a header's cart total, a footer's shipping threshold)
            continue
        found = _grid(p, holders)
        if found is None:
            return []  # (a product page's own price, before any grid)
        grid, card = found
        if _in_chrome(grid):
            return []
        cards = [c for c in grid if c.tag == card.tag and c in holders]
        elements = [c for c in grid if isinstance(c.tag, str)]
        if len(cards) < MIN_CARDS or len(cards) < _CARD_SHARE * len(elements):
            return []
        lines = [_card_text(c) for c in cards]
        if any(
            not line or len(line.split()) > _CARD_WORDS or holders[c] > 2
            for line, c in zip(lines, cards, strict=True)
        ):
            return []
        return lines
    return []
