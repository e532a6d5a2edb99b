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


class _Counted(list[str]):
    """A page's lines that count each visit of a line (by index or by a walk)."""

    visits = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        item = super().__getitem__(i)
        self.visits += len(item) if isinstance(i, slice) else 1
        return item

    def __iter__(self):  # type: ignore[no-untyped-def]
        for s in super().__iter__():
            self.visits += 1
            yield s


# F3: short_lists walked the whole page for each candidate list (8,000 lines: 141 s)


def test_short_lists_visit_each_line_a_bounded_number_of_times() -> None:
    body: list[str] = []
    keep: list[bool] = []
    for i in range(500):
        body += [f"This is a kept paragraph number {i} that ends a sentence with enough words.",
                 f"Fresh basil leaves {i}a", f"Ripe tomatoes sliced {i}b",
                 f"Olive oil drizzle {i}c"]  # fmt: skip
        keep += [True, False, True, False]
    lines = _Counted(body)
    found = structures.short_lists(lines, keep, [False] * len(body), frozenset(), [0.3] * len(body))
    assert len(found) == 998  # (the lists are still given back)
    assert lines.visits < 40 * len(body)


# F2: tail_lists walked from each cut to the page's end through kept list lines


def test_tail_lists_visit_each_line_a_bounded_number_of_times() -> None:
    n = 2000
    lines = _Counted(
        [
            ("Fast charging speed" if i % 2 else "Great battery life") + f" x{i % 5}"
            for i in range(n)
        ]
    )
    keep = [i % 2 == 0 for i in range(n)]
    assert structures.tail_lists(lines, keep, [False] * n, frozenset(), [0.3] * n) == []
    assert lines.visits < 400 * n


def test_a_verdict_box_after_the_last_paragraph_is_still_kept() -> None:
    lines = [*_PARAS, "Pros", "Warm, full sound for its size", "Fully waterproof body",
             "Cons", "Harsh treble at high volume", "No charger in the box", _PARAS[0]]  # fmt: skip
    keep = [True, True, False, False, True, False, False, False, True]
    assert structures.tail_lists(lines, keep, [False] * 9, frozenset(), [0.3] * 9) == [
        2,
        3,
        5,
        6,
        7,
    ]


# F4: a read-also box of four headlines (its stated most) was never removed


def test_a_read_also_box_of_one_to_four_headlines_is_found_five_are_a_list() -> None:
    import numpy as np

    from corearchive_plugins.boilerplate.lines import _BOX_HEADLINES, _read_also_boxes

    for h in range(1, _BOX_HEADLINES + 2):
        # (prose, the label, h headlines, prose)
        n = h + 3
        label = np.zeros(n, bool)
        label[1] = True
        head = np.zeros(n, bool)
        head[2 : 2 + h] = True
        first = np.zeros(n, int)
        end = np.full(n, n)
        box = _read_also_boxes(label, head, first, end)
        assert box.tolist() == [False] + [h <= _BOX_HEADLINES] * (h + 1) + [False], h


# F5: a rights phrase in an article's last paragraph read as a site's notice


def test_a_paragraph_on_rights_is_no_notice_a_notice_still_is() -> None:
    from corearchive_plugins.boilerplate.lines import notice_line

    assert not notice_line(
        "Under the ruling, all rights reserved by the label in the 1998 contract return to "
        "the singer at the end of this year, her lawyer said."
    )
    for notice in (
        "Example News. All rights reserved.",
        "Сайт Пример. Все права защищены",
        "Example Gazette | Tous droits réservés © 2026",
        "All Rights Reserved",
    ):
        assert notice_line(notice), notice


# F10: a question's first line with a version number removed as the question's figures


def test_a_questions_environment_line_is_its_text_its_figures_are_not() -> None:
    assert not structures._qa_figures("Environment: Python 3.12 on Ubuntu 22.04 with pandas 2.2")
    assert not structures._qa_figures("Windows 11 23H2, Excel 365")
    assert structures._qa_figures(
        "Asked 2 years, 3 months ago Modified 8 months ago Viewed 48k times"
    )
    assert structures._qa_figures("Posée il y a 2 ans · Modifiée il y a 8 mois · Vue 12k fois")


# F14: a finance article's sentence on advisers' commissions removed as a disclosure


def test_an_articles_sentence_on_commissions_is_no_disclosure() -> None:
    from corearchive_plugins.boilerplate.chrome import disclosure

    assert not disclosure(
        "Advisers may earn a commission on the products you buy through them, so always ask "
        "how they are paid before you agree to anything."
    )
    for note in ("If you make a purchase, we may earn a commission.",
                 "If you buy something from a Verge link, Vox Media may earn a commission.",
                 "Si vous achetez, nous pouvons percevoir une commission."):  # fmt: skip
        assert disclosure(note), note
