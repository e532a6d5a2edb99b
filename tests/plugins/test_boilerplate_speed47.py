"""Cheaper steps of the plain-text boilerplate rules that give the same decisions (s47
perfbp47): each step against the plain definition it replaces, on random lines built of the
pieces that decide it, and for the work it no longer does."""

from __future__ import annotations

import random
import re
from typing import Any

import numpy as np

from corearchive_plugins.boilerplate import apparatus, lines, pagetools, structures

#: pieces of lines: words, marks, figures, spaces and tabs, the toggle words and their cases
#: (the Kelvin sign is a "k", "İ" an "i" to re.I), currencies, labels and brackets
PIECES = [
    "Name", "name", "E-Mail", "Website", "Kommentar", "*", "_", "[", "]", "(", ")", ":",
    " ", " ", "  ", "   ", "\t", "…", ".", "?", "¿", "!", "3", "12", "2024", "1.299", "19,99",
    "€", "$", "EUR", "kr", "lei", "\n", "more", "MORE", "Less", "mehr", "Weniger", "plus",
    "moins", "más", "MÁS", "menos", "\u212a", "İ", "ſ", "the", "Council", "report", "says",
    "opens in new window", "(opens in new window)", "(external link)", "(nouvelle fenêtre)",
    "Source", "Table 1", "Getty", "Von", "Photo", "Key", "events", "Show", "σ", "Σ",
]  # fmt: skip


def _random_lines(seed: int, n: int = 6000) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24))).strip() for _ in range(n)
    ]


class _Watched(str):
    """A line that records the splits asked of it: (method, maxsplit)."""

    asked: list[tuple[str, int]]

    def __new__(cls, s: str) -> _Watched:
        obj = super().__new__(cls, s)
        obj.asked = []
        return obj

    def split(self, sep: Any = None, maxsplit: int = -1) -> list[str]:  # type: ignore[override]
        self.asked.append(("split", maxsplit))
        return str(self).split(sep, maxsplit)

    def rsplit(self, sep: Any = None, maxsplit: int = -1) -> list[str]:  # type: ignore[override]
        self.asked.append(("rsplit", maxsplit))
        return str(self).rsplit(sep, maxsplit)


PARAGRAPH = (
    "The council said on Monday that the new harbour wall would be finished by the end of "
    "next year, two years later than planned, because of the storms of last winter."
)


# -- apparatus: a table's row written with spaces --------------------------------------------


def _plain_spaced_row(line: str) -> bool:
    # (the definition without its gates: s47 read F8's, a figure besides a leading rank)
    if re.search(r"\S {2,}\S", line) is None or len(words := line.split()) > apparatus._ROW_WORDS:
        return False
    ranked = apparatus._RANK.match(line) is not None
    cells = words[1:] if ranked else words
    if not any(apparatus._FIGURE.fullmatch(w) for w in cells):
        return False
    return not ranked or sum(any(c.isalpha() for c in w) for w in cells) <= apparatus._RANKED_WORDS


def test_a_spaced_row_is_told_as_by_its_pattern():
    for line in _random_lines(47):
        assert apparatus._spaced_row(line) == _plain_spaced_row(line), line


def test_a_line_without_two_spaces_is_not_searched(monkeypatch):
    searched: list[str] = []

    class Counted:
        def search(self, s: str) -> Any:
            searched.append(s)
            return re.search(r"\S {2,}\S", s)

    monkeypatch.setattr(apparatus, "_SPACED", Counted())
    assert not apparatus._spaced_row(PARAGRAPH)
    assert apparatus._spaced_row("PSOE      3.412 47,9% 9")
    assert searched == ["PSOE      3.412 47,9% 9"]


# -- pagetools: a link's "(opens in new window)" -------------------------------------------


def _plain_without_new_window(lines_: list[str], kept: list[int]) -> dict[int, str]:
    out = {}
    for j in kept:
        if pagetools._SUFFIX.search(lines_[j]) is not None:
            out[j] = pagetools._SUFFIX.sub("", lines_[j])
    return out


def test_the_new_window_suffix_is_found_as_before():
    got = _random_lines(48)
    got += ["Annual report (opens in new window)", "Bericht(öffnet in neuem Fenster)", "(x)"]
    kept = list(range(len(got)))
    assert pagetools.without_new_window(got, kept) == _plain_without_new_window(got, kept)


def test_the_suffix_is_searched_without_its_optional_space(monkeypatch):
    searched: list[str] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, s: str) -> Any:
            searched.append(s)
            return self.pattern.search(s)

        def sub(self, repl: str, s: str) -> str:
            return self.pattern.sub(repl, s)

    # (a search of the pattern with ``\s?`` in front tries the space at every position)
    monkeypatch.setattr(pagetools, "_SUFFIX", Counted(pagetools._SUFFIX))
    got = pagetools.without_new_window(["Annual report (opens in new window)", "A (b) c"], [0, 1])
    assert got == {0: "Annual report"}
    assert searched == []


# -- structures: headings, prose lines, toggles, comment forms ------------------------------


def _plain_heading(s: str) -> bool:
    words = s.split()
    n = len(words)
    if s.endswith(("?", "？")):
        if n > structures._HEAD_QUESTION_WORDS:
            return False
    elif n > structures._HEAD_WORDS or structures.stop_end(s):
        return False
    if (
        not words
        or words[0].lower() in structures._BYWORDS
        or any(c.isdigit() or c in ":：|/@" for c in s)
        or any(w in lines._CREDIT for w in structures._TOK.findall(s.lower()))
    ):
        return False
    return s.lstrip('¿¡"“„«')[:1].isupper()


def test_a_heading_is_told_as_before():
    got = [*_random_lines(49), "How we did this", "What happens next?", "Von Lisa Borch"]
    for s in got:
        assert structures._heading(s) == _plain_heading(s), s


def test_a_paragraph_is_no_heading_before_its_words_are_split():
    line = _Watched(PARAGRAPH)
    assert not structures._heading(line)
    assert line.asked == []  # (its full stop tells)
    line = _Watched(PARAGRAPH.rstrip("."))
    assert not structures._heading(line)
    assert line.asked == [("split", structures._HEAD_WORDS)]


def _plain_prose_line(s: str) -> bool:
    if not (structures.stop_end(s) or structures._INNER_SENTENCE.search(s) or s.endswith("…")):
        return structures._prose_line(s)  # (the other branch is unchanged)
    if len(s.split()) >= structures._PROSE_WORDS:
        return True
    return len(s) >= structures._CJK_PROSE_CHARS and 10 * len(structures._CJK.findall(s)) > 3 * len(
        s
    )


def test_a_prose_line_is_told_as_before():
    got = [*_random_lines(50), PARAGRAPH, "Ein Satz.", "今日は晴れです。明日は雨が降るでしょう。"]
    for s in got:
        assert structures._prose_line(s) == _plain_prose_line(s), s


def test_a_prose_line_is_split_up_to_the_words_it_needs():
    line = _Watched(PARAGRAPH)
    assert structures._prose_line(line)
    assert line.asked == [("split", structures._PROSE_WORDS - 1)]


def _plain_untoggled(s: str) -> str | None:
    *text, last = s.rsplit(None, 1) or [""]
    before, ellipsis, word = last.rpartition("…")
    if word.lower() not in structures._EXPANDER_WORDS:
        return None
    return " ".join([*text, before + ellipsis]) if ellipsis else "".join(text)


def test_a_toggle_word_is_found_as_before():
    got = [*_random_lines(51), "… on a visit to Vietnam ... more", "behind…MORE", "nothing more."]
    got += ["regardless", "", " ", "Southeast Asian nation. less", "Weniger", "MÁS"]
    for s in got:
        assert structures._untoggled(s) == _plain_untoggled(s), s


def test_a_line_ending_otherwise_is_not_split_for_its_toggle():
    line = _Watched(PARAGRAPH)
    assert structures._untoggled(line) is None
    assert line.asked == []


def test_a_comment_form_is_found_as_before():
    rng = random.Random(52)
    fields = ["Name *", "E-Mail (wird nicht veröffentlicht)", "[    ] eMail", "Website"]
    fields += ["Kommentar", "Leave a Reply", "Post Comment", "* Name", "______ Website"]
    pool = _random_lines(53, 200)
    for _ in range(3000):
        page = [PARAGRAPH] + [
            rng.choice(fields) if rng.random() < 0.5 else rng.choice(pool)
            for _ in range(rng.randint(0, 12))
        ]
        keep = [True] + [rng.random() < 0.5 for _ in page[1:]]
        end = structures.comment_form_end(page, keep)
        # the plain reading: every line's field read in full
        plain = _plain_comment_form_end(page, keep)
        assert end == plain, page


def _plain_field(line: str) -> tuple[int, bool]:
    label = line.lstrip(structures._FIELD_BOX)
    framed = len(label) < len(line)
    if "(" in label:
        label, framed = label[: label.index("(")], True
    bare = label.rstrip(structures._FIELD_FRAME)
    framed = framed or any(c in "*_[]" for c in label[len(bare) :])
    return structures._FIELD_LABELS.get(bare.casefold(), 0), framed


def _plain_comment_form_end(page: list[str], keep: list[bool]) -> int | None:
    original = structures._field
    try:
        structures._field = _plain_field
        return structures.comment_form_end(page, keep)
    finally:
        structures._field = original


def test_a_long_line_is_no_field_before_it_is_folded():
    # (its frame is not looked for: it frames no field)
    assert structures._field(PARAGRAPH + " *") == (0, False)
    assert structures._field("Name *") == (1, True)
    assert structures._field("[    ] E-Mail-Adresse") == (1, True)


# -- structures: a product grid's gate, a live blog's times ---------------------------------


def test_the_price_lines_are_counted_as_at_each_line_start():
    plain = re.compile(rf"^(?:{structures.CURRENCY}|\d[\d.,']*[^\S\n]?{structures.CURRENCY})", re.M)
    for text in ["\n".join(_random_lines(s, 8)) for s in range(54, 2054)]:
        got = structures._PRICE_STARTS.findall("\n" + text)
        assert len(got) == len(plain.findall(text)), text
    # (the search skips to each line's break: a literal the pattern starts with)
    assert structures._PRICE_STARTS.pattern.startswith(("\n", r"\n"))


def test_a_line_without_a_time_is_not_read_as_one(monkeypatch):
    calls: list[int] = []
    plain = structures._paragraph_end

    def counted(lines_: Any, j: int) -> int | None:
        calls.append(j)
        return plain(lines_, j)

    monkeypatch.setattr(structures, "_paragraph_end", counted)
    page = ["Harbour wall", PARAGRAPH, "Weather", PARAGRAPH, "More news", PARAGRAPH]
    assert structures.post_times(page, [True] * len(page), [False] * len(page)) == []
    assert calls == []
    # a live blog's times still are
    live = ["Live: storm over the harbour"]
    for t in ("14:32", "14:10", "13:55", "13:41"):
        live += [t, PARAGRAPH]
    keep = [True, True] + [j % 2 == 0 for j in range(2, len(live))]  # (one time kept)
    assert structures.post_times(live, keep, [False] * len(live)) == [3, 5, 7]


# -- lines: the cue-only lines of a batch ----------------------------------------------------


def test_the_cue_only_lines_are_the_batchs():
    pages = [
        "Advertisement\n\n" + PARAGRAPH + "\n\nShare: Facebook | X\n\nAdvertisement",
        "Harbour news\n\n" + PARAGRAPH + "\n\nPrint\n\nAnzeige",
    ]
    for d in lines.decide_many(pages):
        assert d.alone is not None  # (computed for the batch at once)
        assert d.cue_only_lines() == lines.cue_only(d.X).tolist()
        d.drop_rows()
        assert d.cue_only_lines() is None
    d = lines.decide(pages[0])
    assert np.array(d.cue_only_lines()).any()


# -- mailing: a press contact's label --------------------------------------------------------


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


LABEL_PIECES = [
    "Media contact:", "MEDIA CONTACTS", "Pressekontakt:", "Kontakt:", "Contacto de prensa",
    "Rückfragehinweis:", "FÜR RÜCKFRAGEN:", "Für Rückfragen:", "Inquiries:", "Noot voor de",
    "Investor Relations", "Press office", "ufficio stampa", "\x1c", "\xa0", "\u2003", " ", "* ",
    "- ", "#", "\u212aontakt:", "İnquiries:", "ınquiries:", "Moreover", "Reuters", "Anna Weber",
    "press@acme.example", "+49 69 1234567", "Tel. 030 123456", "www.acme.example", ".", "In",
    "co", "mE", "Prices", "Contacts presse", "Gabinete de prensa", "Assessoria de imprensa",
]  # fmt: skip


def test_a_contact_block_is_found_as_before(monkeypatch):
    from corearchive_plugins.boilerplate import mailing

    rng = random.Random(55)
    pages = [
        ["".join(rng.choice(LABEL_PIECES) for _ in range(rng.randint(1, 3))) for _ in range(8)]
        for _ in range(3000)
    ]
    pages.append(["Media contact:", "Anna Weber", "press@acme.example", PARAGRAPH])
    got = [[mailing.contact_block(p, j) for j in range(len(p))] for p in pages]
    monkeypatch.setattr(mailing, "_LABEL_STARTS", _Everything())
    assert got == [[mailing.contact_block(p, j) for j in range(len(p))] for p in pages]
    assert got[-1][0] == 3


def test_a_line_that_starts_no_label_is_not_matched(monkeypatch):
    from corearchive_plugins.boilerplate import mailing

    asked: list[str] = []

    class Counted:
        def fullmatch(self, s: str) -> Any:
            asked.append(s)
            return mailing._CONTACT_LABEL.fullmatch(s)

    page = ["Moreover, the council said", "Kontakt: press@acme.example", "Anna Weber"]
    monkeypatch.setattr(mailing, "_CONTACT_LABEL", Counted())
    monkeypatch.setattr(mailing, "_ABOUT", re.compile(r"(?!)"))
    assert mailing.contact_block(page, 0) == 0
    assert asked == []


# -- apparatus: the text resumed after a table ----------------------------------------------


def test_a_low_scored_or_furniture_line_is_not_read_for_prose(monkeypatch):
    asked: list[str] = []
    plain = apparatus._prose_line

    def counted(s: str) -> bool:
        asked.append(s)
        return plain(s)

    monkeypatch.setattr(apparatus, "_prose_line", counted)
    page = [PARAGRAPH, PARAGRAPH, "Region  2023  2024", "North  1,200  1,250", "Share", "Ad text."]
    page += ["The rents rose most in the north, the council said on Monday in its report."]
    keep = [True, True, False, False, False, False, True]
    score = [0.9, 0.9, 0.1, 0.1, 0.6, 0.1, 0.8]
    furniture = [False, False, False, False, True, False, False]
    assert apparatus.resumed_text(page, keep, score, furniture) == [2, 3, 5]
    assert not {"Share", "Ad text.", "Region  2023  2024"} & set(asked)
