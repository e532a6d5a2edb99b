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
also bought" cards are no listing's): no cards then. A price in no grid that is not the
page's own (not in its <main>, not marked as a price: a promotion bar's "Free shipping over
$50") is passed over.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from corearchive import lazyre as re

#: the fewest cards of a listing (a product page's three related products are no listing:
#: its own price comes first, see the module's docstring)
MIN_CARDS = 3
#: the most words of a card (a name, a price, a badge, a rating)
_CARD_WORDS = 25
#: the share of the grid's children that are cards at least (a grid holds its cards, and
#: maybe a banner)
_CARD_SHARE = 0.6
#: a price's currency, its sign or its code, before or after the amount (the one list of
#: the HTML cards' prices and of the plain-text grid's, :mod:`.structures`: the two lists
#: had drifted apart, ₹ and Kč on one, ₩ on the other)
CURRENCY_SIGNS = "$€£¥₹₩"
CURRENCY_CODES = r"US\$|CHF|EUR|USD|GBP|zł|kr|Kč|Ft|lei"
CURRENCY = rf"(?:[{CURRENCY_SIGNS}]|{CURRENCY_CODES})"
#: an amount: its thousands parted by a point, a comma or a space (French and Polish write
#: "1 299", a no-break space maybe: ``\s`` holds it), one or two decimals
_AMOUNT = r"\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
#: a price: an amount with its currency before or after it, a space or none between
#: ("$19.99", "1 299 €", "R$ 949"); the one pattern of a card's price here, of a shop's
#: button (:data:`.chrome._OFFER`) and of a price alone (:data:`.service._PRICE`), which
#: were three and had drifted apart (R$ and US$ on two, ¥, kr and lei on two)
PRICE = rf"(?:(?:{CURRENCY}|R\$)\s?(?:{_AMOUNT})|(?:{_AMOUNT})\s?{CURRENCY})"
#: an element's whole text that is a price
_PRICE = re.compile(PRICE)
#: what is between a price's currency and its amount in the markup: a space, or the tags
#: of the elements that hold them ("<span>$</span>19.99")
_GAP = r"(?:\s|&nbsp;|</?(?:span|bdi|sup|sub)\b[^<>]{0,120}>){0,4}"
#: a price somewhere in the page's markup (the gate: most pages have none): the currencies
#: of :data:`_PRICE`, before or after a digit, or a currency's entity before one
#: ("&pound;19.99"). The gate's list and the price's were two and disagreed: a grid priced
#: "CHF 29.90" or "&euro; 19,99" had no cards (s44 acc-read F5). The lookahead in front
#: is implied by the rest (a match begins with a digit, a currency's first character or an
#: entity's "&", in any case ``re.I`` reads them in): the same matches, but a position where
#: none can begin is left after one test of its character instead of the whole alternation
#: (~26 ms for a 140 KB page without it, ~12 with it; s46 perf46)
_PRICE_IN_HTML_STARTS = (
    CURRENCY_SIGNS
    + "&"
    + "".join(sorted({code.lstrip("\\")[0].lower() for code in CURRENCY_CODES.split("|")}))
)
_PRICE_IN_HTML = re.compile(
    rf"(?=[{re.escape(_PRICE_IN_HTML_STARTS)}\d])(?:"
    rf"(?:{CURRENCY}|&(?:pound|euro|yen|dollar|#36|#163|#165|#8364|#x24|#xa3|#x20ac);)"
    rf"{_GAP}\d|\d{_GAP}(?:{CURRENCY}|&euro;))",
    re.I,
)
#: the elements inside a price, besides its text: a currency's symbol and the amount in
#: their own ("<bdi><span>$</span>19.99</bdi>", as WooCommerce writes every price)
_IN_PRICE = frozenset(("span", "bdi", "sup", "sub"))
#: the most elements inside a price
_IN_PRICE_MAX = 4
#: a card's parts that are no product's: its buttons, pictures, scripts
_NOT_TEXT = frozenset(("button", "script", "style", "noscript", "template", "svg", "form"))
_BUTTON_CLASS = re.compile(r"\b(?:button|btn|add[_-]to[_-]cart|add_to_cart|cart)\b", re.I)
#: where a grid of cards is the site's, not the page's
_CHROME = frozenset(("nav", "header", "footer", "aside"))
_WS = re.compile(r"\s+")


def _price_text(el: Any) -> str:
    """The text of ``el`` that may be a price: its own, or its whole text when all inside
    it is a price's parts (:data:`_IN_PRICE`, WooCommerce's currency symbol in a <span> in
    a <bdi>: its prices were never read; s44 acc-read F4); "" for anything else."""
    if not len(el):
        return el.text or ""
    inner = list(el.iterdescendants())
    if len(inner) > _IN_PRICE_MAX or any(d.tag not in _IN_PRICE for d in inner):
        return ""
    return str(el.text_content())


def _prices(tree: Any) -> list[Any]:
    """The page's elements whose whole text is a price, in document order; of a price's
    elements inside each other, the outermost."""
    found = []
    for el in tree.iter("span", "p", "div", "strong", "b", "bdi", "ins", "data", "del", "em"):
        text = _price_text(el).strip()
        if not text or len(text) > 20:
            continue
        if _PRICE.fullmatch(_WS.sub(" ", text)):
            found.append(el)
    outer = set(found)
    return [el for el in found if not any(a in outer for a in el.iterancestors())]


def _card_text(card: Any, prices: set[Any]) -> str:
    """The card's visible text, its buttons, scripts and comments aside, white space folded;
    a price of ``prices`` as one word ("$19.99" of "<span>$</span>19.99"). Walked with a
    stack: a card nested a thousand levels deep raised RecursionError, and that dropped the
    page's extraction (s44 acc-read F20)."""
    parts: list[str] = []
    stack: list[Any] = [card]  # (an element to read, or a tail's text to add)
    while stack:
        el = stack.pop()
        if isinstance(el, str):
            parts.append(el)
            continue
        tail = "" if el is card else (el.tail or "")  # (the card's own tail is the grid's)
        if (
            not isinstance(el.tag, str)  # (a comment: "<!-- wp:product-card -->")
            or el.tag in _NOT_TEXT
            or _BUTTON_CLASS.search(el.get("class") or "")
        ):
            parts.append(tail)
            continue
        if el in prices:
            parts += [_price_text(el), tail]
            continue
        parts.append(el.text or "")
        stack.append(tail)
        stack.extend(reversed(el))
    return _WS.sub(" ", " ".join(parts)).strip()


def _own_price(price: Any) -> bool:
    """Whether ``price``, in no grid, is a product's own on its page (in the page's <main>
    or <article>, or marked as a price: itemprop, a class that names one), not a promotion
    bar's ("Free shipping over $50"): the listing's cards are not read after a product's
    own price, and are after a promotion's (s44 acc-read F4)."""
    if price.get("itemprop") == "price" or "price" in (price.get("class") or "").lower():
        return True
    return any(a.tag in ("main", "article") for a in price.iterancestors())


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
    # (the scan stops at the MIN_CARDS-th price: a listing's markup holds hundreds)
    if len(list(islice(_PRICE_IN_HTML.finditer(html), MIN_CARDS))) < MIN_CARDS:
        return []
    prices = _prices(tree)
    price_set = set(prices)
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
            if _own_price(p):
                return []  # (a product page's own price, before any grid)
            continue
        grid, card = found
        if _in_chrome(grid):
            return []
        cards = [c for c in grid if c.tag == card.tag and c in holders]
        elements = [c for c in grid if isinstance(c.tag, str)]
        if len(cards) < MIN_CARDS or len(cards) < _CARD_SHARE * len(elements):
            return []
        lines = [_card_text(c, price_set) for c in cards]
        if any(
            not line or len(line.split()) > _CARD_WORDS or holders[c] > 2
            for line, c in zip(lines, cards, strict=True)
        ):
            return []
        return lines
    return []


def _key(line: str) -> str:
    return _WS.sub(" ", line).strip().casefold()


def new_cards(cards: list[str], text: str) -> list[str]:
    """The card lines of ``cards`` that ``text`` does not hold already (white space and
    case aside, whole words: "Enamel mug $12" is not in "… Enamel mug $120 set"), when
    :data:`MIN_CARDS` of them at least are left (one card is no listing): trafilatura keeps
    a plain list of cards at times, and each product was written twice (s44 acc-read F3;
    s45 read F16)."""
    if not cards:
        return cards
    have = _key(text)
    new = [c for c in cards if re.search(r"(?<!\w)" + re.escape(_key(c)) + r"(?!\w)", have) is None]
    return new if len(new) >= MIN_CARDS else []
