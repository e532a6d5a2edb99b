"""A journal's and a preprint server's furniture, and a PDF's running heads and contents
lines, kept inside the text (s47 acc-gov G6, G4; excerpts of the tester's pages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_boilerplate_structures import _clean

from corearchive_plugins.boilerplate.scholarly import (
    PUBLISHER_REASON,
    RUNNING_HEAD_REASON,
    TOC_REASON,
    pdf_furniture,
    publisher_chrome,
)

DATA = Path(__file__).parent / "data"

#: lines of the page in ``data/scholarly47_springer_de.txt``
_SPRINGER = [
    "Bürgerräte als Ergänzung der repräsentativen Demokratie? Befunde aus Baden-Württemberg",
    "1210 Accesses",
    "3 Altmetric",
    "Explore all metrics",
    "Zusammenfassung",
    "Der Beitrag untersucht, unter welchen Bedingungen die Empfehlungen losbasierter "
    "Bürgerräte in die Gesetzgebung einfließen. Grundlage ist eine Analyse von zwölf "
    "Verfahren auf Landes- und Kommunalebene.",
    "Die Ergebnisse zeigen, dass die frühe Einbindung der Verwaltung und ein klares Mandat "
    "die Umsetzungschancen deutlich erhöhen.",
    "1 Einleitung",
    "In den vergangenen Jahren haben Bürgerräte in Deutschland erheblich an Bedeutung "
    "gewonnen. Der Bundestag setzte 2023 erstmals einen eigenen Bürgerrat ein.",
    "Über die Wirkung solcher Verfahren auf politische Entscheidungen ist jedoch wenig bekannt.",
    "Literatur",
    "Fishkin, James S. 2018. Democracy when the people are thinking. Oxford: Oxford "
    "University Press.",
    "Download references",
    "Rights and permissions",
    "Cite this article",
    "Vogel, K., Richter, J. Bürgerräte als Ergänzung der repräsentativen Demokratie? "
    "Z Politikwiss (2024). https://doi.org/10.1007/s41358-024-00371-8",
]  # fmt: skip
_SPRINGER_CHROME = [1, 2, 3, 12, 13, 14, 15]

_ARXIV = [
    "Sparse Mixture-of-Experts Models Are Efficient Multilingual Translators",
    "We study sparse mixture-of-experts (MoE) models for many-to-many machine translation "
    "across 104 languages. Compared with dense models of equal inference cost, our models "
    "improve translation quality for low-resource languages.",
    "Comments: 14 pages, 6 figures. Accepted at ACL 2024",
    "Cite as: arXiv:2403.01234 [cs.CL]",
    "(or arXiv:2403.01234v2 [cs.CL] for this version)",
    "Submission history",
    "From: Priya Raman [view email]",
    "[v1] Sat, 2 Mar 2024 10:14:31 UTC (1,204 KB)",
    "[v2] Thu, 18 Apr 2024 16:02:11 UTC (1,311 KB)",
]  # fmt: skip


def test_springer_metrics_tools_and_citation_box_go(run_stage):
    """Springer's metrics, its "Download references", "Rights and permissions" and the
    "Cite this article" box between the article's text and its end were kept (the tester's
    SpringerLink page as text, P 0.53)."""
    text = (DATA / "scholarly47_springer_de.txt").read_text(encoding="utf-8")
    kept, removed = _clean(run_stage, text)
    for j in _SPRINGER_CHROME:
        assert _SPRINGER[j] not in kept, (_SPRINGER[j], kept)
        assert _SPRINGER[j] in removed
    for j in (5, 6, 8, 9, 11):  # the abstract, the text, the reference
        assert any(line.startswith(_SPRINGER[j][:60]) for line in kept), (_SPRINGER[j], kept)
    assert PUBLISHER_REASON in removed.values()


def test_arxiv_furniture_goes_and_the_abstract_stays():
    found = publisher_chrome(_ARXIV, [True] * len(_ARXIV))
    assert sorted(found) == list(range(2, len(_ARXIV)))


@pytest.mark.parametrize(
    "line",
    [
        "This article is a preprint and has not been certified by peer review "
        "[what does this mean?].",
        "Citation: O'Connor S, Lin M, Okafor D (2024) Effect of a school-based physical activity "
        "programme on adolescent sleep. PLoS ONE 19(4): e0301234.",
        "Copyright: © 2024 O'Connor et al. This is an open access article distributed under the "
        "terms of the Creative Commons Attribution License.",
        "12.5k Downloads",
        "Reprints and permissions",
    ],
)
def test_a_platform_line_goes(line):
    assert publisher_chrome([line], [True]) == {0: PUBLISHER_REASON}


@pytest.mark.parametrize(
    "line",
    [
        "Results",
        "The programme cost £12 per pupil (2024 prices) and was delivered by teachers.",
        "Competing interests: The authors declare no competing interests.",
        "We counted 2341 accesses to the archive in 2023.",
        "Citation counts were taken from Scopus (2024).",
    ],
)
def test_the_articles_own_lines_stay(line):
    assert publisher_chrome([line], [True]) == {}


_NAO = [
    "Improving the condition of school buildings",
    "Summary   Improving the condition of school buildings   5",
    "Summary",
    "1 The Department for Education (the Department) is responsible for ensuring that the "
    "school estate in England is safe and fit for purpose.",
    "6   Summary   Improving the condition of school buildings",
    "2 In 2021 the Department estimated that it would cost £11.4 billion to repair or "
    "replace all defects in the school estate.",
    "Conclusion on value for money",
    "3 The Department does not yet have a full understanding of the condition of the estate.",
    "Summary   Improving the condition of school buildings   7",
    "This report can be found on the National Audit Office website at www.nao.org.uk",
]  # fmt: skip


def test_pdf_running_heads_with_their_page_numbers_go(run_stage):
    """A PDF's text without page breaks: its running heads, with the page number at their
    start or end, were kept in the middle of the report (pdf P 0.69)."""
    kept, removed = _clean(run_stage, "\n\n".join(_NAO))
    for j in (1, 4, 8):
        assert _NAO[j] not in kept, (_NAO[j], kept)
        assert removed.get(_NAO[j]) == RUNNING_HEAD_REASON
    for j in (3, 5, 7):
        assert _NAO[j] in kept


def test_heads_in_the_middle_and_contents_lines():
    lines = [
        "Sommaire",
        "Introduction ........................................ 5",
        "1 Une prise de conscience tardive .................... 7",
        "Introduction",
        "Les effets du changement climatique sont désormais tangibles en France.",
        "Drucksache 20/11234   – 2 –   Deutscher Bundestag – 20. Wahlperiode",
        "C. Alternativen",
        "Keine.",
        "Deutscher Bundestag – 20. Wahlperiode   – 3 –   Drucksache 20/11234",
    ]
    found = pdf_furniture(lines, [True] * len(lines))
    assert found == {0: TOC_REASON, 1: TOC_REASON, 2: TOC_REASON,
                     5: RUNNING_HEAD_REASON, 8: RUNNING_HEAD_REASON}  # fmt: skip


def test_a_tables_rows_with_numbers_stay():
    """A table as a text browser writes it: rows with a number at their end, next to each
    other, are no running heads; one leader line alone is no contents list."""
    rows = ["Arsenal        FC   5", "Chelsea        FC   6", "Liverpool      FC   7",
            "See the guide ........ 4"]  # fmt: skip
    assert pdf_furniture(rows, [True] * len(rows)) == {}


def page_number_reference(s: str) -> int | None:
    """:func:`.scholarly._page_number` by its patterns alone (a running head's three forms;
    each holds a run of three spaces, which :data:`.scholarly._WS3` finds): the definition
    the literal gates (s47) and the split reading (s48) must answer as."""
    from corearchive_plugins.boilerplate import scholarly

    if scholarly._WS3.search(s) and len(s.split()) <= scholarly._HEAD_WORDS:
        for pattern in (scholarly._HEAD_MIDDLE, scholarly._HEAD_START, scholarly._HEAD_END):
            if m := pattern.fullmatch(s):
                number = next(g for g in m.groups() if g.isdigit())
                if sum(c.isalpha() for c in s.replace(number, " ")) >= 3:
                    return int(number)
    return None


def test_the_literal_gates_answer_as_the_patterns_do():
    """The contents-line and running-head tests after their literals (a run of three spaces,
    leader characters, a last digit) answer as the patterns alone (s47: the patterns' lazy
    starts tried every line of every page, ~0.8 ms a corpus document)."""
    import re

    from corearchive_plugins.boilerplate import scholarly

    lines = [
        "Introduction ........ 5",
        "1. Who needs to register . . . . 12",
        "Annexe ···· 40",
        "Sommaire……3",
        "Summary   Improving the condition of school buildings   5",
        "6   Summary   Improving the condition of school buildings",
        "Drucksache 20/11234   – 2 –   Deutscher Bundestag",
        "The council met on 5 March... and voted 12",
        "A plain sentence of an article, nothing more.",
        "Score: 3 - 2",
        "",
    ]
    for s in lines:
        assert scholarly._toc_line(s) == (scholarly._TOC_LINE.fullmatch(s) is not None), s
        plain = page_number_reference(s)
        assert scholarly._page_number(s) == plain, s
    assert re.search(r"\s{3}", lines[4])
