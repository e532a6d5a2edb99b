"""The characters of a record's text and fields (corearchive.characters; docs/stages.md, "What
happens to the characters"), on every path: plain text, HTML, a dump's fields."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from corearchive.characters import (
    repair_mojibake,
    shortened,
    tidy_field,
    tidy_text,
    unescape_references,
)

#: An article's paragraphs, long enough for the boilerplate stage to keep them
_PARAS = [
    "The harbour council voted on Tuesday to approve a new budget for the waterfront cafe"
    " district, ending a debate that had lasted for more than eighteen months in the town.",
    "Council members said the plan would fund repairs to the old pier and new lighting along"
    " the promenade, where traders have complained about the dark evenings for years.",
    "Opponents argued that the money should have gone to housing instead, and several"
    " residents spoke against the proposal at the public meeting held in the town hall.",
]


@pytest.mark.parametrize(
    ("given", "want"),
    [
        ("alpha\x07beta \x1b\x7f", "alphabeta "),  # controls dropped
        ("one\x0btwo\u2028three\u2029four", "one\ntwo\nthree\nfour"),  # line breaks
        ("page\x0cbreak", "page\x0cbreak"),  # (a page break, until the text is done)
        ("\x84Brave New Woman\x93 \x85 \x9c \x8f", "„Brave New Woman“ … œ "),  # C1 as cp1252
        ("al\u200bpha wo\u2060rd \ufeffbom so\xadft", "alpha word bom soft"),  # invisible
        ("bud\u200eget \u05e9\u05dc\u05d5\u05dd\u200f.", "budget \u05e9\u05dc\u05d5\u05dd\u200f."),
        ("cafe\u0301 Go\u0308teborg", "café Göteborg"),  # composed (NFC)
        # joiners that spell words and emoji stay (Persian, Devanagari, a family emoji)
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", None),
        ("\u0915\u094d\u200d\u0937", None),
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467", None),
        ("plain text, tab\tand line\nbreaks, no-break\xa0space", None),
    ],
)
def test_tidy_text(given: str, want: str | None) -> None:
    assert tidy_text(given) == (given if want is None else want)


@pytest.mark.parametrize(
    ("given", "want"),
    [
        ("the councilâ€™s cafÃ© budget", "the council’s café budget"),
        ("he said â€œfinalâ€\x9d and left", "he said “final” and left"),
        ("Ã‰lodie Brunner", "Élodie Brunner"),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "Привет мир"),
        # lead bytes of Latin Extended-A, Greek and Arabic letters (s36 acc-read F4)
        ("GdaÅ„sk", "Gdańsk"),
        # a two-byte mojibake holds the character it stands for: no text about mojibake
        ("Vorraussetzung: SayunÂ´s Request", "Vorraussetzung: Sayun´s Request"),
        ("Î‘Î¸Î®Î½Î±", "Αθήνα"),
        ("Ù…Ø±Ø\xadØ¨Ø§", "مرحبا"),
        ("one\nNybyggt kontor med hÃ¶gt i tak\nthree", "one\nNybyggt kontor med högt i tak\nthree"),
        # no mojibake: as written
        ("SÃO PAULO, Ávila, Ðorðe, â", None),
        ("plain café text", None),
    ],
)
def test_repair_mojibake(given: str, want: str | None) -> None:
    assert repair_mojibake(given) == (given if want is None else want)
    assert tidy_text(given) == (given if want is None else want)


def test_tidy_text_done_has_no_page_break() -> None:
    assert tidy_text("one\x0ctwo", done=True) == "one\ntwo"


def _tidied_by_the_tables(text: str, done: bool) -> str:
    """tidy_text's character steps as written first: each character looked up in the
    table, a composed text checked before it is composed."""
    from corearchive.characters import _DONE_TABLE, _MARK_IN_WORD, _TEXT_TABLE

    text = text.translate(_DONE_TABLE if done else _TEXT_TABLE)
    if "\u200e" in text or "\u200f" in text:
        text = _MARK_IN_WORD.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


@pytest.mark.parametrize("done", [False, True])
@pytest.mark.parametrize(
    "around", ["plain café text ", "текст на русском ", "東京タワー ", "tab\tand\r\nbreaks "]
)
def test_tidy_text_changes_each_character_as_its_table_says(around: str, done: bool) -> None:
    # every character a table changes, alone and in runs, in a Latin-1 text and in wider
    # ones: the replacements (one str.replace per character found) give what a lookup of
    # each character in the table gives
    from corearchive.characters import _DONE_TABLE

    for c in map(chr, _DONE_TABLE):
        for text in (around + c + around, c * 3 + around + c, around + c + "\u200b\x85\x0c"):
            assert tidy_text(text, done) == _tidied_by_the_tables(text, done), repr(text)
    # no character a table gives is one it changes (the replacements' order is free)
    given = "".join(v for v in _DONE_TABLE.values() if v)
    assert given.translate(_DONE_TABLE) == given


@pytest.mark.parametrize(
    "text",
    [
        "the councilâ€™s cafÃ© budget",
        "Ã‰lodie, Ðorðe, Â´, ÃO, â, âx, â€, à€™, ß\x80, Â",
        "ïÂ\x80 Ï¿½ ÂÂ© àà€€",
        "no lead here, café, тест",
    ],
)
def test_the_mojibake_pattern_finds_what_an_alternation_of_its_leads_finds(text: str) -> None:
    # (the pattern starts with the lead bytes' class, which the regex engine scans for: the
    # same matches as the alternation of two-byte and three-byte leads it replaced)
    import re

    from corearchive.characters import _CONTINUATION, _MOJIBAKE

    alternation = re.compile(
        f"(?:[\u00c2-\u00df]|[\u00e0-\u00ef][{_CONTINUATION}])[{_CONTINUATION}]"
    )
    assert [m.span() for m in _MOJIBAKE.finditer(text)] == [
        m.span() for m in alternation.finditer(text)
    ]
    for i in range(len(text)):
        got, want = _MOJIBAKE.search(text, i), alternation.search(text, i)
        assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize(
    ("given", "want"),
    [
        # escaped by a scraper: decoded once ("&amp;amp;" escaped twice keeps one)
        (
            "Smith &amp; Sons, caf&eacute; here, it&#8217;s fine, &amp;amp; twice,"
            " &#x2014; dash, AT&T.",
            "Smith & Sons, café here, it’s fine, &amp; twice, — dash, AT&T.",
        ),
        # a text that speaks of HTML, or holds a tag, or one reference: as written
        ("Write &lt;p&gt; to start a paragraph, &amp; close it.", None),
        ("<b>caf&eacute;</b> and it&#8217;s", None),
        ("Tom &amp; Jerry", None),
        ("AT&T and R&D; &madeup; &#xZZ;", None),
        # one reference inside a word is the escaping step's (s43 acc-index #17); one
        # alone, a word of its own, may be a text's word about it
        ("The firm&#8217;s profits rose.", "The firm’s profits rose."),
        ("Lunch at the caf&eacute; on Sunday.", "Lunch at the café on Sunday."),
        ("Type the reference &eacute; in the source.", None),
        # a text that shows the characters beside their references speaks of them (s36
        # acc-read F5)
        ("In HTML, write &copy; for © and &eacute; for é.", None),
        # ... or a reference alone as a word and its character further on (s38 acc-read F6)
        (
            "To get an accented letter, type the reference &eacute; in the source file, then"
            " save it.\nFor the copyright sign, type &copy; in the footer of every page you"
            " publish.\nThe browser shows the words résumé and café, and © 2024 The Press.",
            None,
        ),
        # (an escaped text writes its references in words: a pasted letter is no sign)
        (
            "The caf&eacute; reopened on Monday and it&#8217;s busy again; the owners of the"
            " other café in the square said they were pleased.",
            "The café reopened on Monday and it’s busy again; the owners of the"
            " other café in the square said they were pleased.",
        ),
        # ... not one that holds a character of one of its references elsewhere, as an
        # escaped text with a quotation mark its author pasted does (s37 acc-read F3)
        (
            "The mayor&#8217;s plan was approved &#8211; by nine votes.\n"
            "Residents’ groups said they would watch the costs, caf&eacute; owners too.",
            "The mayor’s plan was approved – by nine votes.\n"
            "Residents’ groups said they would watch the costs, café owners too.",
        ),
        # ... nor one whose reference stands alone when another is inside a word: its
        # references are escapes, its pasted "€" no sign (s39 acc-read F4)
        (
            "Caf&eacute; owners in Lyon say their costs rose by 200 &euro; a month.\n"
            "At one caf&eacute; the lunch menu went from 12€ to 14€.",
            "Café owners in Lyon say their costs rose by 200 € a month.\n"
            "At one café the lunch menu went from 12€ to 14€.",
        ),
    ],
)
def test_unescape_references(given: str, want: str | None) -> None:
    assert unescape_references(given) == (given if want is None else want)


def test_tidy_field() -> None:
    assert tidy_field(" Jane\u200b Doe ") == "Jane Doe"
    assert tidy_field("Cafe\u0301\nde la\tGare\x07") == "Café de la Gare"
    assert tidy_field("\u200b") == ""
    # a run of white space is one space: "Harbour   Times" was another facet value (s36
    # acc-read F17); a lone no-break space stays
    assert tidy_field("Harbour \t Times") == tidy_field("Harbour   Times") == "Harbour Times"
    assert tidy_field("A\u00a0B") == "A\u00a0B"


@pytest.mark.parametrize(
    ("value", "limit", "want"),
    [
        ("hello world", 6, "hello"),
        ("ab\U0001f1e9\U0001f1ea cd", 3, "ab"),  # a flag's two regional indicators
        ("ab\U0001f1e9\U0001f1ea cd", 4, "ab\U0001f1e9\U0001f1ea"),
        ("Cafe\u0301s", 4, "Caf"),  # a letter and its accent
        ("a\U0001f469\u200d\U0001f467b", 3, "a"),  # an emoji's ZWJ sequence
        ("short", 10, "short"),
    ],
)
def test_a_bounded_field_is_cut_between_characters(value: str, limit: int, want: str) -> None:
    """A field cut at its bound by code points split a flag, an emoji sequence or a letter
    from its accent (s36 acc-read F9)."""
    assert shortened(value, limit) == want


def _record_texts(records: list[dict]) -> dict[str, dict]:
    return {Path(r["source"]["path"]).name: r for r in records}


def test_a_records_text_has_no_form_feed_whichever_stages_ran(ingest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Only the boilerplate stage's plain-text path took a text's page breaks out: a social
    post's text, and a text with that stage disabled, kept "\\f" (s36 acc-read F18, f23,
    f7/ff.txt)."""
    post = {
        "id_str": "1790000000000000001",
        "created_at": "Wed Oct 10 20:19:24 +0000 2018",
        "user": {"screen_name": "harbourtimes", "name": "Harbour Times"},
        "text": "Council approves the harbour plan.\fWorks start in spring, the mayor says.",
        "url": "https://twitter.com/harbourtimes/status/1790000000000000001",
    }
    (tmp_path / "post.jsonl").write_text(json.dumps(post) + "\n", "utf-8")
    (tmp_path / "ff.txt").write_text(f"{_PARAS[0]}\n{_PARAS[1]}\n\f{_PARAS[2]}\n", "utf-8")
    (rec,) = ingest(str(tmp_path / "post.jsonl")).records
    assert (
        rec["text"] == "Council approves the harbour plan.\nWorks start in spring, the mayor says."
    )
    out = tmp_path / "out2"
    (rec,) = ingest(str(tmp_path / "ff.txt"), "--disable", "boilerplate", out=out).records
    assert rec["text"] == f"{_PARAS[0]}\n{_PARAS[1]}\n\n{_PARAS[2]}\n"


def test_plain_text_html_and_dump_fields_are_tidy(ingest, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    odd = "Marker test: alpha\u200bbeta \x07gamma\x0cdelta bud\u200eget cafe\u0301 \x84quoted\x93."
    inp = tmp_path / "in"
    inp.mkdir()
    text = "Harbour budget\n\n" + "\n".join([*_PARAS[:2], odd, _PARAS[2]]) + "\n"
    (inp / "a.txt").write_text(unicodedata.normalize("NFD", text), "utf-8")
    body = "".join(f"<p>{p}</p>" for p in _PARAS[:2])
    page = (
        "<!doctype html><html><head><title>Cafe\u0301 budget approved</title></head><body>"
        f"<article><h1>Cafe\u0301 budget approved</h1>{body}"
        "<p>Marker test: alpha&#8203;beta &#7;gamma\x0cdelta epsilon zeta eta theta iota"
        f" kappa lambda mu.</p><p>{_PARAS[2]}</p></article></body></html>"
    )
    (inp / "b.html").write_text(page, "utf-8")
    row = {
        "url": "https://j.example/nfd",
        "title": "Pier\u200b plan cafe\u0301 â€“ Ã‰lodie",
        "authors": ["Jane\u200b Doe"],
        "tags": ["pier\u200b", "council\x07"],
        "site_name": "Harbour\u2060 Times",
        "text": "\n".join(_PARAS) + "\nEntities: caf&eacute; and it&#8217;s here.",
    }
    (inp / "c.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    res = ingest(str(inp), "--disable", "dedup")
    got = _record_texts(res.records)
    a, b, c = got["a.txt"], got["b.html"], got["c.jsonl"]
    assert "Marker test: alphabeta gamma\ndelta budget café „quoted“." in a["text"]
    assert "Marker test: alphabeta gamma delta epsilon" in b["text"]
    assert b["title"] == "Café budget approved"
    assert (c["title"], c["authors"], c["tags"], c["site_name"]) == (
        "Pier plan café – Élodie",
        ["Jane Doe"],
        ["pier", "council"],
        "Harbour Times",
    )
    assert "Entities: café and it’s here." in c["text"]
    for r in got.values():
        assert unicodedata.is_normalized("NFC", r["text"]), r["source"]["path"]
        assert not any(ch in r["text"] for ch in "\x07\x0c\u200b\u200e\u2060")


def test_mojibake_of_utf8_read_as_latin1_is_repaired() -> None:
    """UTF-8 read as Latin-1 holds C1 controls for the continuation bytes of punctuation
    ("council\u00e2\u0080\u0099s"): not found as mojibake, then read as Windows-1252, it was
    "councilâ€™s" (s36 acc-regress R1)."""
    assert tidy_text("The city council\u00e2\u0080\u0099s budget") == "The city council’s budget"


def test_a_pages_markup_loses_nuls_boms_and_soft_hyphens_as_a_table_would_take_them() -> None:
    """Document.create reads a page's markup for the NULs, byte-order marks and soft hyphens
    it takes out (a form feed or a vertical tab a space) by one ``str.replace`` each, not by
    ``str.translate``, which looked every character of a page up in its table (6.4 ms a
    140,000-character dev page with one soft hyphen, against 0.27). The same markup as the
    table gives, on pages made of every mix of those characters and others."""
    import random

    from corearchive.document import Document, _markup_tidied

    table = {0x00: None, 0xFEFF: None, 0xAD: None, 0x0B: " ", 0x0C: " "}
    rng = random.Random(37)
    alphabet = "\x00\ufeff\xad\x0b\x0c \n<p>aé€😀\u200b\r\t"
    for _ in range(3000):
        page = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert _markup_tidied(page) == page.translate(table), repr(page)
    page = "<p>Not\xadfall\xaddaten\ufeff alpha\fbeta\vgamma\x00 café</p>"
    doc = Document.create(
        raw=page.encode(), text=page, uri="x.html", path=None, format="html", is_html=True
    )
    assert doc.content == "<p>Notfalldaten alpha beta gamma café</p>"
