"""Service pages in plain text, what session 49 left (s49 acc-service S2, S6, S10, S11): a
review's verdict box and a recipe's nutrition table after the article's last paragraph, a
recipe's box of times over its first one, deal buttons without a price, read-time and listen
widgets, an obituary's closing life dates. The pages are written for these tests, not taken
from the acceptance set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.chrome import (
    DEAL_REASON,
    PAYWALL_LABEL_REASON,
    READ_TIME_REASON,
    reading_widgets,
    shop_lines,
)
from corearchive_plugins.boilerplate.structures import (
    article_structures,
    life_dates,
    tail_lists,
    time_facts,
)

VERDICT = (Path(__file__).parent / "data" / "service50_verdict.txt").read_text("utf-8")


def test_a_reviews_verdict_box_after_its_last_paragraph_is_kept(run_stage: Any) -> None:
    """The line model cut the pros and cons after the review's last paragraph as the page's
    furniture after the article: under their labels they are the article's, in their place;
    the related box under its furniture label stays out."""
    doc = run_stage(BoilerplateStage, make_document(VERDICT)).kept[0]
    kept = doc.text.split("\n")
    box = ["Pros", "Warm, full sound for its size", "Fully waterproof body", "Long battery life",
           "Cons", "Harsh treble at high volume", "No charger in the box"]  # fmt: skip
    at = kept.index("Pros")
    assert kept[at : at + len(box)] == box
    assert not {"Most Popular", "Best noise-cancelling headphones of the year"} & set(kept)


PROSE = (
    "The tart keeps for two days in the fridge, and the pastry stays crisp if you warm the "
    "slices in the oven for five minutes before serving them."
)


def test_tail_lists_needs_a_verdicts_labels_or_the_articles_next_number() -> None:
    """A box of short lines after the last kept line is the article's when it holds a pros
    and a cons label, or opens with the number after the article's last numbered heading;
    a related box of the same shape is not."""
    lines = [PROSE, "1. Check the meter", PROSE, "2. Read the tariff", PROSE,
             "3. Look at the taxes", "the energy tax", "the network fee", "VAT at 20 %",
             "Read more", "Cheaper power from April"]  # fmt: skip
    keep = [True] * 5 + [False] * 6
    words = [False] * 9 + [True, False]
    score = [0.9] * 5 + [0.25] * 6
    assert tail_lists(lines, keep, words, frozenset(), score) == [5, 6, 7, 8]
    # (no number after the last kept one: "5." after "2.", or no numbered heading above)
    lines[5] = "5. Look at the taxes"
    assert tail_lists(lines, keep, words, frozenset(), score) == []
    related = [PROSE, "Explore", "Electricity prices in spring", "How to switch your tariff",
               "Smart meters explained", "Heat pumps for flats", "Solar on a balcony"]  # fmt: skip
    keep = [True] + [False] * 6
    score = [0.9] + [0.3] * 6
    assert tail_lists(related, keep, [False] * 7, frozenset(), score) == []


def test_a_verdict_between_kept_lines_is_kept_whatever_its_scores() -> None:
    """Pros and cons between two kept lines, some items kept, the next product's numbered
    heading among them and scores under the list rules' floor: with a pros and a cons label
    the run is the article's; the same run without them is left to the other rules."""
    lines = [PROSE, "Weight\t1.2 kg", "Plus", "Quiet motor", "Long cable", "Minus",
             "Small tank", "2. Aerolux S3", "Plus", "Light", "Minus", "Short battery life",
             "Verdict", PROSE]  # fmt: skip
    keep = [True, True, False, True] + [False] * 9 + [True]
    score = [0.9, 0.8, 0.4, 0.5] + [0.04] * 9 + [0.9]
    words = [False] * 14
    assert tail_lists(lines, keep, words, frozenset(), score) == [2, *range(4, 13)]
    # (the labels kept above the cut count: "Vorteile" / items kept / "Nachteile" / ...)
    keep = [True] * 5 + [False] * 8 + [True]
    assert tail_lists(lines, keep, words, frozenset(), score) == list(range(5, 13))
    plain = [s if s not in ("Plus", "Minus") else "Colours" for s in lines]
    assert tail_lists(plain, keep, words, frozenset(), score) == []


def test_a_labels_bracketed_qualifier_ends_no_sentence() -> None:
    """A label "Nutrition (per serving)" over a table of figures after a recipe's last step is the
    table's label: label and rows kept, from the kept step on one side."""
    lines = ["4. Bake for 35 minutes until golden and leave to cool in the tin.",
             "Nutrition (per serving)", "Energy\t410 kcal", "Protein\t12 g", "Fat\t21 g",
             "Subscribe to our magazine"]  # fmt: skip
    keep = [True] + [False] * 5
    score = [0.95] + [0.25] * 5
    found = article_structures(lines, keep, score, [False] * 6)
    assert found == [1, 2, 3, 4]


def test_a_recipes_box_of_times_over_its_first_paragraph_is_kept() -> None:
    """Times and servings with their labels over the kept paragraph (an abbreviated unit's
    dot is no sentence's end); a time ago and a read time are no such box."""
    lines = ["Home", "Recipes", "Lemon tart", "By Ines Duarte", "Prep: 20 mins",
             "Bake 35 Min.", "Medium", "Makes 8", PROSE]  # fmt: skip
    keep = [False] * 8 + [True]
    assert time_facts(lines, keep, [False] * 9) == [4, 5, 6, 7]
    lines[4:8] = ["Vor 2 Stunden", "5 min read", "Medium", "Updated"]
    assert time_facts(lines, keep, [False] * 9) == []
    # (far from any kept line: a page's schedule in its header)
    lines = ["Prep: 20 mins", "Bake: 35 mins", "Menu", "About", "Shop", "Contact", PROSE]
    assert time_facts(lines, [False] * 6 + [True], [False] * 7) == []


def test_an_obituarys_closing_life_dates_are_kept() -> None:
    """The line under the obituary's last paragraph with its subject's birth and death, in
    the languages' forms; a line with two years and no such words is not."""
    for line in ("Tomas Berg, sculptor, born 12 May 1941; died 3 January 2026",
                 "Ilse Maurer, geboren am 2. Mai 1931 in Kiel, gestorben am 1. Juli 2025",
                 "Odile Fabre, née le 4 mai 1940 à Lyon, morte le 9 mars 2026"):  # fmt: skip
        assert life_dates([PROSE, line, "Most viewed"], [True, False, False]) == [1]
    assert life_dates([PROSE, "Season 2019 to 2025 in review"], [True, False]) == []


def test_deal_buttons_read_times_and_listen_widgets_are_removed() -> None:
    """A deal's button without a price and a page's read-time or listen widget (with the
    recording's length under it), kept by the line model, are removed; prose that names a
    deal or a read is not."""
    assert list(shop_lines(["899 zł w x-kom", "3 kg w domu"], [True, True])) == [0]
    lines = ["View Deal", "Voir l'offre", "Zum Angebot", "Sprawdź cenę", "6 min read",
             "Leestijd 3 minuten", "Écouter cet article", "4 min", "Article réservé aux abonnés",
             "The deal was signed on Monday.", "Read the report"]  # fmt: skip
    keep = [True] * len(lines)
    assert shop_lines(lines, keep) == dict.fromkeys(range(4), DEAL_REASON)
    widgets = reading_widgets(lines, keep)
    assert widgets == {4: READ_TIME_REASON, 5: READ_TIME_REASON, 6: READ_TIME_REASON,
                       7: READ_TIME_REASON, 8: PAYWALL_LABEL_REASON}  # fmt: skip


TIP = (Path(__file__).parent / "data" / "service50_tip.html").read_text("utf-8")


def test_html_a_tip_put_back_after_the_list_it_follows(run_stage: Any) -> None:
    """trafilatura drops the tip's aside and refine puts it back after the last of
    trafilatura's lines before it on the page: its list's last item ("- Clean water for
    rinsing" matched as the page shows it), not the list's heading."""
    doc = run_stage(BoilerplateStage, make_document(TIP, path="tip.html", html=True)).kept[0]
    kept = doc.text.split("\n")
    tip = "Tip: citric acid powder from the baking aisle works even faster than vinegar."
    assert kept.index(tip) == kept.index("- Clean water for rinsing") + 1
    assert kept.index("Method") == kept.index(tip) + 1


def test_refine_keeps_two_headings_in_a_row_between_kept_lines() -> None:
    """A product's numbered heading over its "Pros" label, both removed by their scores
    (the label repeats), between kept lines: both are put back, as one heading is."""
    from corearchive_plugins.boilerplate.refine import _heads_kept

    normed = ["- Small tank", "2. Aerolux S3", "Pros", "- Light", "- Quiet", "Cons"]
    keep = [True, False, False, True, True, False]
    _heads_kept(normed, keep, {"2. Aerolux S3", "Pros", "Cons"})
    assert keep == [True, True, True, True, True, False]
    # (two over prose: a box's label over a teaser's headline, not put back)
    normed = ["- Small tank", "About this article", "Cite this article", "Doe, J. (2026)."]
    keep = [True, False, False, True]
    _heads_kept(normed, keep, {"About this article", "Cite this article"})
    assert keep == [True, False, False, True]
    # (three in a row: a menu's headings, not put back)
    normed = ["Intro text here.", "News", "Sport", "Culture", "More text here."]
    keep = [True, False, False, False, True]
    _heads_kept(normed, keep, {"News", "Sport", "Culture"})
    assert keep == [True, False, False, False, True]


def test_a_heading_with_a_comments_word_is_a_comment_sections_only_by_its_shape() -> None:
    """French "Comment" (how) opens a section's heading; a comment section's heading is the
    word alone, a count, or ends with the word."""
    from corearchive_plugins.boilerplate.refine import _talk_heading

    assert not _talk_heading("Comment nous testons")
    assert all(map(_talk_heading, ["Comments", "3 Kommentare", "Leave a reply"]))


def test_an_asides_labelled_one_sentence_tip_is_the_articles_box() -> None:
    """An aside of one labelled sentence under the box rule's word count is the article's
    tip; one with a link ("Read more: …") or no label is not."""
    from lxml import html as lhtml

    from corearchive_plugins.boilerplate.figures import _prose_box

    def aside(inner: str) -> Any:
        return lhtml.fromstring(f"<aside>{inner}</aside>")

    assert _prose_box(aside("<p>Astuce : ajoutez une pincée de sel à la pâte avant de cuire.</p>"))
    assert not _prose_box(aside('<p>Read more: <a href="/x">why kettles fur up so fast.</a></p>'))
    assert not _prose_box(aside("<p>Radiator keys cost a few pounds at any shop.</p>"))


def test_short_lists_leave_a_contents_list_and_an_icons_name_out() -> None:
    """A run of short lines between kept lines whose entries recur below (a contents list:
    its entries head the sections; a booking box's buttons shown at each offer) is no list
    of the article's; an icon font's name ("keyboard_arrow_down") is no list's line. A
    list of items said once is still kept."""
    from corearchive_plugins.boilerplate.structures import short_lists

    body = [PROSE, "Contents", "1 Why descale", "2 What you need", "3 Method", PROSE,
            "Why descale", PROSE, "What you need", PROSE, "Method", PROSE]  # fmt: skip
    keep = [True, False, False, False, False] + [True] * 7
    score = [0.9] + [0.3] * 4 + [0.9] * 7
    assert short_lists(body, keep, [False] * 12, frozenset(), score) == []
    items = [PROSE, "You need", "White vinegar", "A soft sponge", "Clean water", PROSE]
    keep = [True, False, True, True, False, True]
    score = [0.9, 0.3, 0.5, 0.5, 0.3, 0.9]
    assert short_lists(items, keep, [False] * 6, frozenset(), score) == [1, 4]
    items[1] = "keyboard_arrow_down"
    assert 1 not in short_lists(items, keep, [False] * 6, frozenset(), score)
