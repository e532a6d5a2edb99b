"""Cheaper steps of the HTML path that give the same results (s46 perf46): the price gate of
a shop's listing (:func:`corearchive_plugins.boilerplate.listing.product_cards`)."""

from __future__ import annotations

import random
import re
from typing import Any

from corearchive_plugins.boilerplate import listing
from corearchive_plugins.boilerplate.htmltree import load_html

#: The gate's pattern as first written (s44): no lookahead
PLAIN_GATE = re.compile(
    rf"(?:{listing.CURRENCY}|&(?:pound|euro|yen|dollar|#36|#163|#165|#8364|#x24|#xa3|"
    rf"#x20ac);){listing._GAP}\d|\d{listing._GAP}(?:{listing.CURRENCY}|&euro;)",
    re.I,
)

#: Pieces of markup the gate reads, every currency in every case re.I matches it in (the
#: Kelvin sign is a "k", "Ł" an "ł", "İ" and "ı" no "i" of "lei"), digits of two scripts,
#: entities, the tags between a currency and its amount, and text that holds none
PIECES = [
    *"$€£¥₹", "US$", "us$", "Us$", "CHF", "chf", "EUR", "eur", "USD", "usd", "GBP", "gbp",
    "zł", "ZŁ", "Zł", "kr", "KR", "\u212ar", "Kč", "KČ", "kč", "Ft", "FT", "ft", "lei", "LEI",
    "Lİ", "lıi", "&pound;", "&EURO;", "&euro;", "&#36;", "&#x20AC;", "&yen;", "&nbsp;", "&amp;",
    "<span class='amount'>", "</span>", "<bdi>", "</bdi>", "<sup>", "<div>", "<span", ">",
    *"0123456789", "١٩", "19.99", "1,299", " ", "\n", "\t", "left", "soft", "euro", "Kr.",
    "price", "Add to cart", "<a href='/p/12'>", "color:#333",
]  # fmt: skip


def _random_markup(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def test_the_price_gate_finds_the_plain_patterns_matches():
    rng = random.Random(46)
    texts = [_random_markup(rng, rng.randint(1, 60)) for _ in range(4000)]
    texts += ["", "$19.99", "19,99 €", "<span>$</span>19", "CHF 29.90", "&euro; 19,99", "5 ft"]
    texts.append(" ".join(f"Item {i} <span class='p'>&pound;</span> {i}.99" for i in range(50)))
    for text in texts:
        got = [m.span() for m in listing._PRICE_IN_HTML.finditer(text)]
        assert got == [m.span() for m in PLAIN_GATE.finditer(text)], text


class _Counted:
    """A pattern that counts the matches its caller took."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.taken = 0

    def _count(self, matches: Any) -> Any:
        for m in matches:
            self.taken += 1
            yield m

    def finditer(self, s: str) -> Any:
        return self._count(self.pattern.finditer(s))

    def findall(self, s: str) -> list[str]:
        found = self.pattern.findall(s)
        self.taken += len(found)
        return found


def test_the_price_gate_reads_no_further_than_it_needs(monkeypatch):
    # a page with 200 prices in its markup (a shop's scripts, say) and no grid of cards: the
    # gate stops at the third, and the page gets no cards, as before
    prices = " ".join(f"<p>Offer {i}: ${i}.00 today only, see the details</p>" for i in range(200))
    html = f"<html><body><article>{prices}</article></body></html>"
    counted = _Counted(listing._PRICE_IN_HTML)
    monkeypatch.setattr(listing, "_PRICE_IN_HTML", counted)
    tree = load_html(html)
    assert listing.product_cards(tree, html) == []
    assert counted.taken == listing.MIN_CARDS
    # under MIN_CARDS prices: no cards, and the gate said so
    counted.taken = 0
    few = "<html><body><p>Tickets $12.00 or $10.00 for members.</p></body></html>"
    assert listing.product_cards(load_html(few), few) == []
    assert counted.taken == 2
