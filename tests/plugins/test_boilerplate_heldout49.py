"""Session 49's held-out losses (heldout49): lists a news page shows after its article that
the line model kept as the article's lines. The pages are written for these tests."""

from __future__ import annotations

import time
from typing import Any

from test_boilerplate_structures import _clean

from corearchive_plugins.boilerplate.afterlists import dated_feed_lines, related_list_lines
from corearchive_plugins.boilerplate.artefacts import widget_line


def _page(*blocks: str) -> str:
    """A browser copy: one block a line, blank lines between them."""
    return "\n\n".join(blocks)


_ARTICLE = [
    "Harbour ferry service to resume after winter repairs",
    "The harbour ferry between the old town and the island will run again from Monday, the "
    "port authority said on Tuesday, after two months of repairs to its landing stage.",
    "The crossing takes eleven minutes and carried more than 300,000 passengers last year, "
    "most of them commuters who would otherwise drive around the bay.",
    "Engineers replaced the timber piles that storms had loosened in November and fitted a "
    "new ramp, so that wheelchairs and bicycles can board without help.",
    "Tickets bought before the closure remain valid until the end of the year, and the first "
    "week of crossings will be free for residents of the island.",
]
_LATEST = [
    "Town council approves budget for new library",
    "2023-03-14 18:05",
    "Storm warning issued for the coast on Thursday",
    "2023-03-14 16:40",
    "Local bakery wins national bread award",
    "2023-03-14 09:12",
    "Bridge closed overnight for inspection works",
    "2023-03-13 21:30",
]


_SIGN_UP = (
    "Sign up for our newsletter and get the day's stories in your inbox every morning, "
    "free of charge."
)


def test_a_sites_latest_stories_with_their_dates_and_times_go(run_stage: Any) -> None:
    """A box of the site's latest headlines, each over its date and time, the latest first,
    after the article and over a sentence: the model kept it (the headlines and their
    stamps read as the article's subheads)."""
    kept, _ = _clean(run_stage, "\n".join([*_ARTICLE, *_LATEST, _SIGN_UP]))
    assert all(line in kept for line in _ARTICLE[1:]), kept
    assert not set(_LATEST) & set(kept), kept


def test_stamps_going_forward_or_over_paragraphs_are_no_list() -> None:
    # a schedule goes forward in time
    forward = [_LATEST[6], _LATEST[7], _LATEST[4], _LATEST[5], _LATEST[2], _LATEST[3],
               _LATEST[0], _LATEST[1]]  # fmt: skip
    forward = [x if j % 2 == 0 else s for j, (x, s) in enumerate(zip(forward, [
        "", "2023-03-13 09:00", "", "2023-03-13 12:00", "", "2023-03-14 08:00", "",
        "2023-03-14 18:00"], strict=True))]  # fmt: skip
    assert dated_feed_lines(forward, [True] * len(forward)) == []
    # comments: a poster's name over each stamp, the comment's paragraph under it
    comments = []
    for name, at in [("Anna K.", "2023-03-14 18:05"), ("Tom", "2023-03-14 16:40"),
                     ("Maria Lopez", "2023-03-13 21:30")]:  # fmt: skip
        comments += [
            name,
            at,
            "I took this ferry every day before the closure and it is "
            "good news that it is coming back so soon.",
        ]
    assert dated_feed_lines(comments, [True] * len(comments)) == []
    assert dated_feed_lines(_LATEST, [True] * len(_LATEST)) == list(range(len(_LATEST)))


def test_a_page_ending_with_a_dated_records_date_is_read(run_stage: Any) -> None:
    """Dated records whose last date is the page's last line: the records' test read the
    line under it, past the page's end (an IndexError failed the page)."""
    kept, _ = _clean(run_stage, _page(*_ARTICLE, "Latest news", *_LATEST))
    assert all(line in kept for line in _ARTICLE[1:]), kept


# a Polish news page written for the test: the article, a newsletter's prompt, then the
# site's boxes of other stories under their labels, a section's name between the headlines
_PL_ARTICLE = [
    "Prom do wyspy wraca po zimowym remoncie",
    "Prom między starym miastem a wyspą znów będzie kursował od poniedziałku, poinformował "
    "we wtorek zarząd portu po dwóch miesiącach napraw przystani.",
    "Przeprawa trwa jedenaście minut, a w ubiegłym roku skorzystało z niej ponad 300 tysięcy "
    "pasażerów, głównie osób dojeżdżających do pracy.",
    "Inżynierowie wymienili drewniane pale poluzowane przez listopadowe sztormy i zamontowali "
    "nową rampę dla wózków i rowerów.",
    "Bilety kupione przed zamknięciem zachowują ważność do końca roku, a w pierwszym tygodniu "
    "mieszkańcy wyspy popłyną za darmo.",
]
_PL_NEWSLETTER = [
    "Zapisz się do naszego newslettera!",
    "Raz w tygodniu wyślemy ci najważniejsze wiadomości z regionu, a z subskrypcji możesz "
    "zrezygnować w każdej chwili.",
]
_PL_RELATED = [
    "Powiązane artykuły",
    "Szkoła na wyspie dostanie nowy dach przed wiosną",
    "Rybacy protestują w stolicy przeciw niższym limitom połowów",
    "Region",
    "Nocne pociągi na północ wracają po dziesięciu latach",
    "Radni chcą otworzyć starą latarnię dla zwiedzających",
    "Najczęściej czytane",
    "Jak wiejska piekarnia stała się sławna w całym kraju",
    "Naprawa nadmorskiej drogi po burzy potrwa kilka tygodni",
    "Dziesięć spacerów wzdłuż zatoki na zimowy weekend",
]


def test_lists_of_other_stories_after_the_article_go(run_stage: Any) -> None:
    """The related and most-read boxes after the article's last paragraph: the model kept
    their labels and headlines (as subheads) after the newsletter's sentences."""
    kept, _ = _clean(run_stage, "\n".join([*_PL_ARTICLE, *_PL_NEWSLETTER, *_PL_RELATED]))
    assert all(line in kept for line in _PL_ARTICLE[1:]), kept
    assert not set(_PL_RELATED) & set(kept), kept


def test_an_articles_own_list_at_its_end_is_no_list_of_stories() -> None:
    body = [_PL_ARTICLE[0], *_PL_ARTICLE[1:], "Tour dates"]
    dates = [
        "June 9 – West Palm Beach, FL at the Coral Sky Amphitheatre",
        "June 10 – Tampa, FL at the Credit Union Amphitheatre",
        "June 14 – Alpharetta, GA at the Ameris Bank Amphitheatre",
        "June 17 – Nashville, TN at the Bridgestone Arena",
    ]
    results = [
        "1. Tadej Pogacar (UAE Team Emirates) 5h03'13\"",
        "2. Jonas Vingegaard (Visma-Lease a Bike) à 1'08\"",
        "3. Remco Evenepoel (Soudal Quick-Step) à 2'51\"",
    ]
    hours = [  # (a table's rows as w3m writes them, under a label)
        "Opening hours",
        "Monday           8:30 – 12:00    –",
        "Tuesday          7:30 – 12:00    15:00 – 18:00",
        "Wednesday        8:30 – 13:00    –",
        "Thursday         8:30 – 13:00    –",
    ]
    for items in (dates, results, hours):
        lines = body + items
        assert related_list_lines(lines, [True] * len(lines)) == []
    # (and no list over the article's paragraphs: the boxes are after its last one)
    lines = [_PL_RELATED[0], *_PL_RELATED[1:3], *_PL_ARTICLE[1:]]
    assert related_list_lines(lines, [True] * len(lines)) == []


_WIDGETS = [
    "IFRAME: https://www.example-video.com/embed/ferry-2023",
    "IFRAME:",
    "_" * 66,
    "(BUTTON)",
]


def test_a_text_browsers_frames_fields_and_bare_buttons_go(run_stage: Any) -> None:
    """lynx's lines for an inline frame, an empty field and a button without a label, between
    the article's paragraphs: the model kept them (the article's context)."""
    paragraphs = _ARTICLE[1:]
    lines = [_ARTICLE[0], paragraphs[0], _WIDGETS[0], paragraphs[1], *_WIDGETS[1:3],
             paragraphs[2], _WIDGETS[3], paragraphs[3]]  # fmt: skip
    kept, _ = _clean(run_stage, "\n".join(lines))
    assert all(line in kept for line in paragraphs), kept
    assert not set(_WIDGETS) & set(kept), kept
    # (words with them are the page's: a button's label, a field's prompt, a sentence)
    for line in ["(BUTTON) Subscribe", "Name: ____", "IFRAME: the frame we built", "I_"]:
        assert not widget_line(line), line


def test_a_long_run_of_labels_and_headlines_is_read_once() -> None:
    """Thousands of short lines after the article where no list passes (the headlines share
    their first word): each label's scan read all the lines after it again (read50 F4,
    seconds for 10,000 lines); one pass now, on CPU time, whatever the machine's load."""
    tail = [
        "Related stories" if i % 2 == 0 else f"Council plan number story {i} here"
        for i in range(20_000)
    ]
    lines = [*_ARTICLE, *tail]
    start = time.process_time()
    assert related_list_lines(lines, [True] * len(lines)) == []
    assert time.process_time() - start < 1.5
    # (the same stretch with different stories still goes, from its first label)
    heads = [
        "Storm hits the coast overnight",
        "Museum reopens its doors",
        "Ferry runs again from Monday",
    ]
    lines = [*_ARTICLE, "Sport", "Most read", *heads]
    assert related_list_lines(lines, [True] * len(lines)) == list(range(5, 10))


def test_an_articles_timeline_newest_first_is_no_feed() -> None:
    """A timeline the article announces ("…, latest first:") and goes on after, each entry
    a date and time over a headline: the article's own (read50 F14: removed as the site's
    latest stories). Without the lead-in it reads as the site's box."""
    timeline = [
        "How the day unfolded, latest first:",
        "2024-03-12 14:00",
        "Police close the bridge after the collapse",
        "2024-03-12 09:30",
        "Engineers report cracks in the main pillar",
        "2024-03-11 22:15",
        "Residents report loud noises under the bridge",
        "The city said it would open a temporary ferry service between the two banks on "
        "Thursday and that a new bridge would take at least three years to build.",
    ]
    lines = [*_ARTICLE, *timeline]
    assert dated_feed_lines(lines, [True] * len(lines)) == []
    lines = [*_ARTICLE, *timeline[1:]]
    assert dated_feed_lines(lines, [True] * len(lines)) == list(range(5, 11))


def test_a_headline_is_read_alike_with_or_without_accents_or_bullets() -> None:
    """A short line is a headline by its words, or by the letters of a script without
    spaces, not by a letter outside ASCII; a number opens a headline unless its point or
    bracket marks a list's item (read50 F11)."""
    from corearchive_plugins.boilerplate.afterlists import _headline_line

    for a, b in (("Biden wins Michigan", "Bidén wins Michigan"),
                 ("Economy surprises markets", "Ökonomie überrascht Märkte"),
                 ("10 things to know about the new tax",
                  "* 10 things to know about the new tax")):  # fmt: skip
        assert _headline_line(a) == _headline_line(b), (a, b)
    assert not _headline_line("Bidén wins Michigan")
    assert _headline_line("10 things to know about the new tax")
    assert _headline_line("東京五輪の開催費用が過去最大に")  # (one run of Japanese)
    assert _headline_line("1. Storm hits the northern coast")
