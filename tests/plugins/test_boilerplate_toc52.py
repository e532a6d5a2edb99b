# ruff: noqa: E501
"""A post's table of contents in a plain text (session 52; s51 acc-blogs B12): the run of
entries at the top that come back, in order, as the text's headings is the copy to drop."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.toc import toc_rows

#: A research blog's post as w3m dumps it (its contents a bulleted list), up to its notes
W3M_POST = [
    "  • Measure Theory & Coffee",
    "  • Posts",
    "  • Papers",
    "  • About",
    "",
    "Why the median is not enough: reporting skewed outcomes",
    "",
    "Ines Kowalczyk",
    "",
    "1 November 2026",
    "",
    "  • Contents",
    "  • 1. The problem",
    "  • 2. A better summary",
    "  • 3. References",
    "",
    "1. The problem",
    "",
    "Length of hospital stay, income and citation counts share an awkward property: most observations",
    "are small and a few are enormous. Reporting the median alone hides exactly the part of the",
    "distribution that drives costs.[1]",
    "",
    "Consider a ward where the median stay is four days. The mean may still be nine, because a handful",
    "of patients stay for months. For budgeting, the mean is the quantity that matters, since the total",
    "is the mean times the number of patients:",
    "",
    "T = n · E[X]",
    "",
    "2. A better summary",
    "",
    "We recommend reporting three numbers together: the median, the mean and the share of the total",
    "contributed by the top 5 % of observations.[2] In our sample of 214 published trials, only 11 did",
    "so.",
    "",
    "A short R function computes all three:",
    "",
    "Copy",
    "",
    "summarise_skew <- function(x) {",
    "  q <- quantile(x, 0.95)",
    "  c(median = median(x), mean = mean(x),",
    "    top5_share = sum(x[x > q]) / sum(x))",
    "}",
    "",
    "3. References",
    "",
    "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
    "",
    "[1] Altman, D. G., & Bland, J. M. (1994). Quartiles, quintiles, centiles, and other quantiles. BMJ,",
    "309(6960), 996. https://doi.org/10.1136/bmj.309.6960.996 ↩",
    "",
    "[2] Kowalczyk, I., & Moreau, P. (2025). Summarising heavy-tailed outcomes in clinical trials.",
]


def test_the_contents_copy_is_dropped_and_the_headings_kept(run_stage: Any) -> None:
    """The contents' "3. References" was kept over the text while the model kept the real
    heading as well: each heading stands once, where the text has it."""
    kept = (
        run_stage(BoilerplateStage, make_document("\n".join(W3M_POST) + "\n"))
        .kept[0]
        .text.split("\n")
    )
    for heading in ("1. The problem", "2. A better summary", "3. References"):
        assert kept.count(heading) == 1, heading
    assert kept.index("1. The problem") < kept.index(
        "Length of hospital stay, income and citation counts share an awkward property: most observations are small and a few are enormous. Reporting the median alone hides exactly the part of the distribution that drives costs.[1]"
    )
    assert kept.index("3. References") > kept.index("2. A better summary")


def test_a_menu_repeated_in_the_footer_or_a_chorus_is_no_contents() -> None:
    """Short lines that come back in a run (a footer's menu, a song's chorus) or over other
    short lines are no table of contents; entries whose headings stand over paragraphs are."""
    para = "This paragraph has more than eight words in it, as a paragraph under a heading has."
    menu = [
        "Home",
        "News",
        "Sport",
        "Weather",
        "",
        para,
        "",
        para,
        "",
        "Home",
        "News",
        "Sport",
        "Weather",
    ]
    assert toc_rows(menu, [True] * len(menu)) == ([], [])
    chorus = [
        "Oh the river",
        "Runs to the sea",
        "And so do we",
        "",
        para,
        "",
        "Oh the river",
        "Runs to the sea",
        "And so do we",
        "",
        para,
    ]
    assert toc_rows(chorus, [True] * len(chorus)) == ([], [])
    post = [
        "Contents",
        "Why",
        "How",
        "What next",
        "",
        "Why",
        para,
        "",
        "How",
        para,
        "",
        "What next",
        para,
    ]
    assert toc_rows(post, [True] * len(post)) == ([1, 2, 3], [5, 8, 11])
