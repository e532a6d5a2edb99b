"""The plain-text path's cheaper steps that give the same answers (s50 perf50)."""

from __future__ import annotations

import random

from corearchive_plugins.boilerplate import chrome


class _Counted(str):
    """A line that counts how often its characters are walked one by one."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return super().__iter__()


def _old_shop_lines(lines: list[str], keep: list[bool]) -> dict[int, str]:
    """shop_lines as written in s49 (the digit walk first)."""
    out: dict[int, str] = {}
    for j, (s, k) in enumerate(zip(lines, keep, strict=True)):
        if not k:
            continue
        if (
            any(c.isdigit() for c in s)
            and len(s.split()) <= chrome._OFFER_WORDS
            and chrome._OFFER.fullmatch(s)
        ):
            out[j] = chrome.OFFER_REASON
        elif chrome.disclosure(s):
            out[j] = chrome.DISCLOSURE_REASON
    return out


def test_shop_lines_walks_no_prose_line() -> None:
    # A prose line (more words than a shop's button) is not walked for a digit.
    prose = _Counted("The council met on Tuesday and voted to raise the budget by 3 percent.")
    _Counted.walks = 0
    assert chrome.shop_lines([prose], [True]) == {}
    assert _Counted.walks == 0


def test_shop_lines_same_answers() -> None:
    pieces = [
        "$19.99", "£5", "€ 12,50", "at", "Amazon", "from", "Best Buy", "chez", "Fnac", "bei",
        "Otto", "—", "-", "Apple AirPods Pro", "٣٠", "²", "may earn a commission",
        "affiliate links", "If you buy something", "the", "word", "Walmart", "١٢", "12",
    ]  # fmt: skip
    rng = random.Random(50)
    lines = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    keep = [rng.random() < 0.9 for _ in lines]
    assert chrome.shop_lines(lines, keep) == _old_shop_lines(lines, keep)
    assert any(chrome.shop_lines(lines, keep).values())


def test_disclosure_letters_spelt_out() -> None:
    # disclosure's gate names _DISCLOSURE_LETTERS' letters one by one: the same ones
    import inspect

    source = inspect.getsource(chrome.disclosure)
    assert all(f'"{x}" in low' in source for x in chrome._DISCLOSURE_LETTERS)
    lines = [
        "Vox Media may earn a commission", "affiliate links", "A FILM by", "promise",
        "Provision", "prowizja", "nothing here", "Cet article contient des liens d'affiliation",
    ]  # fmt: skip
    for line in lines:
        low = line.lower()
        gate = any(x in low for x in chrome._DISCLOSURE_LETTERS)
        assert chrome.disclosure(line) == (
            gate and len(line.split()) <= 60 and chrome._DISCLOSURE.search(line) is not None
        )
