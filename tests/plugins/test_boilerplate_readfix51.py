"""Session 51's fixes of the code reading of session 50's boilerplate rules (s51 acc-read
F1–F6, F10, F14): a "More recipes" box put back, two walks quadratic in a page's lines, a
read-also box of four headlines, a rights phrase in prose, a run of direction marks, a
question's environment line, an adviser's commission. Small pages of the reader's shapes."""

from __future__ import annotations

from corearchive_plugins.boilerplate import structures

_PARAS = [
    "Roast for about an hour and a half, basting twice, until the juices run clear and the "
    "skin is deep golden and crisp all over.",
    "Let it rest for fifteen minutes before carving, and pour the pan juices over the meat "
    "when you serve it with potatoes and greens.",
]


# F1: a box of teasers with their times after the article's end is no box of the recipe's


def test_a_box_of_teasers_with_times_after_the_article_stays_out() -> None:
    lines = [*_PARAS, "More recipes you will love", "Quick tomato pasta 20 mins",
             "Creamy mushroom risotto 40 mins", "Thai green curry 35 mins", "Banana bread 1 hour",
             "Newsletter", "Privacy policy"]  # fmt: skip
    keep = [True, True] + [False] * 7
    assert structures.time_facts(lines, keep, [False] * 9) == []


def test_a_box_of_times_over_the_first_paragraph_is_still_kept() -> None:
    lines = ["Lemon garlic roast chicken", "Prep: 15 mins", "Cook: 1 hour 30 mins", "Easy",
             "Serves 4", *_PARAS]  # fmt: skip
    keep = [False] * 5 + [True, True]
    assert structures.time_facts(lines, keep, [False] * 7) == [1, 2, 3, 4]
