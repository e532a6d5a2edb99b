"""A journal's or preprint server's furniture around an article, and a PDF's page furniture,
in plain text (s47 acc-gov G6, G4).

A publisher's landing page, copied as text, holds lines that are the platform's, not the
article's: its metrics ("2341 Accesses", "18 Citations", "42 Altmetric", "Explore all
metrics"), its tools ("Download references", "Rights and permissions", "Cite this article"
with the citation string under it, "Pour citer cet article" / "Référence électronique",
arXiv's "Cite as: arXiv:…" and "Submission history" with its "[v1] <date> (1,204 KB)"
lines), a preprint's notice that it is not peer reviewed and the licence sentence of an
open-access article. They sit between the abstract and the references, inside the main
text block, and the line model read them as the article's. :func:`publisher_chrome` finds
them by their shape (a count and a metric's noun; a version line; a label of a tool alone
on its line, and the citation under it), never the article's own sections.

A PDF's text (pdftotext without page breaks, a copy of a report's pages) repeats its
running head or foot on each page, with the page's number set off by spaces ("Summary
Improving the condition …   5", "6   Summary   Improving …", "Drucksache 20/11234   – 2 –
Deutscher Bundestag"), and its contents list has leader dots ("Introduction ......... 5").
:func:`pdf_furniture` finds the heads by their page numbers going on from one to the next
with text between (a table's rows are next to each other), and the contents lines by
their leaders.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from corearchive import lazyre as re

from .structures import stop_end

#: the reason of a line removed by :func:`publisher_chrome`
PUBLISHER_REASON = "a journal's or preprint server's metrics, tools or citation box"
#: the reasons of the lines removed by :func:`pdf_furniture`
RUNNING_HEAD_REASON = "running head or foot with its page number"
TOC_REASON = "contents line with leader dots and a page number"

#: a platform's count of its metrics on its own line ("2341 Accesses", "1.2k Downloads",
#: "18 Citations", "42 Altmetric", "3 Zitate"), in the lexicon's languages
_METRIC = re.compile(
    r"\d[\d,.\s]*[kKM]?\s+(?:accesses|citations?|downloads?|views|altmetric|mentions|"
    r"readers|shares|zugriffe|downloads|zitationen|zitate|aufrufe|"
    r"consultations|téléchargements|vues|accesos|descargas|citas|visualizaciones|"
    r"accessi|citazioni|visualizzazioni|просмотр(?:ов|а)?|скачивани[йя]|цитировани[йя])",
    re.IGNORECASE,
)
#: a label of a platform's tool or box, alone on its line (casefolded, end marks stripped)
_TOOLS = frozenset(
    (
        "explore all metrics",
        "metrics details",
        "article metrics",
        "download references",
        "download citation",
        "download citations",
        "rights and permissions",
        "reprints and permissions",
        "submission history",
        "citation tools",
        "literaturverzeichnis herunterladen",
        "zitierweise",
        "artikel zitieren",
        "diesen artikel zitieren",
        "référence papier",
        "télécharger la référence",
    )
)
#: a label with the article's citation string under it: the next line goes too
_CITE_LABELS = frozenset(
    (
        "cite this article",
        "cite this paper",
        "cite this chapter",
        "cite this",
        "how to cite",
        "how to cite this article",
        "pour citer cet article",
        "référence électronique",
        "citar este artículo",
        "cómo citar este artículo",
        "come citare",
        "citare questo articolo",
        "как цитировать",
    )
)
#: a citation string: a DOI, an arXiv identifier, a year in parentheses, a link, a volume
#: with its issue or its pages ("19(4)", "12 | 2020", "pp. 45-67", "S. 45–67"); a bare year
#: is any paragraph's, a guide's "Since 2020 the seventh edition of the APA manual asks …"
#: under its "How to cite" (s48 read48 F12); Vancouver's year, volume and pages, "2021;110:45-53",
#: "2020;580(7803):123-7", and an issue of five digits (the citation stayed, its label went;
#: s49 acc-read F7)
_CITATION = re.compile(
    r"doi\.org/|\bdoi:|\barxiv:\d|\((?:19|20)\d\d\)|https?://|\b\d{1,4}\s?\(\d{1,5}\)|"
    r"\b(?:19|20)\d\d\s?;\s?\d+(?:\(\d{1,5}\))?:\s?\d|"
    r"\d\s\|\s(?:19|20)\d\d\b|\b(?:pp?|s)\.\s?\d+\s?[-–]\s?\d+",
    re.IGNORECASE,
)
#: arXiv's "Cite as: arXiv:2403.01234 [cs.CL]", its "(or arXiv:… for this version)", its
#: "From: Name [view email]" and a version's line "[v1] Sat, 2 Mar 2024 10:14:31 UTC (1,204 KB)"
_ARXIV = re.compile(
    r"cite as:\s*\S.*|comments:\s*\d{1,4} pages\b.*|"
    r"\(or \S+ \[[\w.-]+\] for this version\)|from:.*\[view email\]|"
    r"\[v\d{1,3}\]\s.*\d{4}.*\(\s*[\d,.]+\s*[kmg]?b\s*\)",
    re.IGNORECASE,
)
#: the first characters of :data:`_ARXIV`'s matches ("Cite as", "Comments", "(or", "From",
#: "[v1]") and of :data:`_CITATION_LINE`'s
_ARXIV_STARTS, _CITATION_STARTS = "cCfF([", "cCzZ"
#: a journal's citation line of the article ("Citation: O'Connor S, Lin M (2024) Effect of …
#: PLoS ONE 19(4): e0301234."): a year in parentheses and a DOI or a volume with its issue
_CITATION_LINE = re.compile(
    r"(?:citation|zitierung|citación|citazione)\s*:\s*\S.*\((?:19|20)\d\d\).*(?:doi\.org/|doi:|\d\(\d{1,3}\)).*",
    re.IGNORECASE,
)
#: a preprint's notice that it is not peer reviewed; an open-access article's licence
#: sentence under a copyright label
_NOTICE = re.compile(
    r".*\bpreprint\b.*\bnot\b.*\b(?:been )?(?:certified by |)peer[- ]review.*|"
    r"(?:copyright\s*:?\s*)?©.*\b(?:open[- ]access article|creative commons|"
    r"distributed under the terms)\b.*",
    re.IGNORECASE,
)
#: the most words of a citation string under its label; the fewest of a paragraph of prose
#: (a citation string's first line, as a text browser wraps it, has fewer)
_CITATION_WORDS, _PROSE_WORDS = 80, 25


def _label(line: str) -> str:
    """``line`` as a label is compared: stripped, casefolded, without its end's ":" or "."."""
    return line.strip().rstrip(":.").strip().casefold()


def publisher_chrome(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """The kept ``lines`` (stripped, one a line) that are a journal's or a preprint server's
    furniture (see the module's docstring), with their reason."""
    found: dict[int, str] = {}
    n = len(lines)
    for j, line in enumerate(lines):
        s = line.strip()
        label = _label(s)
        if label in _CITE_LABELS:
            # the citation string under the label (a second label, "Référence électronique",
            # may come first)
            for k in range(j + 1, min(j + 3, n)):
                nxt = lines[k].strip()
                if _label(nxt) in _CITE_LABELS:
                    continue
                if len(nxt.split()) <= _CITATION_WORDS and _CITATION.search(nxt):
                    found[k] = PUBLISHER_REASON
                elif stop_end(nxt) and len(nxt.split()) > _PROSE_WORDS:
                    # (a paragraph with no citation's mark: the label heads a guide's own
                    # text, "How to cite" / "Since 2020 the seventh edition of the APA
                    # manual asks …"; s48 read48 F12)
                    break
                # (the label removed by the model, its citation string kept: still the box's;
                # a text browser's wrapped citation has its marks on a later line)
                found[j] = PUBLISHER_REASON
                break
            else:
                found[j] = PUBLISHER_REASON
        elif not keep[j] or len(s) > 600:
            continue
        elif (
            label in _TOOLS
            or (len(s) <= 40 and _METRIC.fullmatch(s))
            # (each pattern after the literal its every match holds: the patterns' leading
            # ".*" tried every kept line of every page, ~0.8 ms a corpus document)
            or (s[:1] in _ARXIV_STARTS and _ARXIV.fullmatch(s))
            or (("©" in s or "preprint" in label) and _NOTICE.fullmatch(s))
            or (s[:1] in _CITATION_STARTS and _CITATION_LINE.fullmatch(s))
        ):
            found[j] = PUBLISHER_REASON
    return {j: why for j, why in found.items() if keep[j]}


#: a running head's page number set off by three spaces or more at its start or end
#: ("6   Summary", "… buildings   5"), or in its middle between dashes ("   – 2 –   ")
_HEAD_START = re.compile(r"(\d{1,4})\s{3,}(\S.*)")
_HEAD_END = re.compile(r"(\S.*?)\s{3,}(\d{1,4})")
_HEAD_MIDDLE = re.compile(r"(\S.*?)\s{3,}[-–—]\s?(\d{1,4})\s?[-–—]\s{3,}(\S.*)")
#: a contents line: its entry, leader dots (or "·", "…") and the page number
_TOC_LINE = re.compile(r"\S.*?\s?(?:(?:\.\s?){4,}|(?:·\s?){4,}|…{2,})\s*\d{1,4}")
#: a run of three spaces, which each running head's pattern holds
_WS3 = re.compile(r"\s{3}")
#: The whitespace characters but the space (those of ``str.isspace``, which ``re``'s ``\s``
#: matches), and the ASCII ones among them: a run of three whitespace characters holds two
#: spaces or one of these (:func:`_may_hold_space_run`)
_OTHER_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_OTHER_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
#: what every contents line holds (:func:`_toc_line`): leader dots, spaced dots, middle
#: dots or ellipses
_LEADERS = ("..", ". .", "\u00b7", "\u2026\u2026")
#: the most words of a running head; a contents list's label over its lines
_HEAD_WORDS, _TOC_LABEL_WORDS = 16, 3


#: a running head's page number in its middle, set off by dashes and three spaces each side
#: ("   – 2 –   "): its literals anchor the search, which tries each start once
_MIDDLE_NUMBER = re.compile(r"\s{3}[-–—]\s?(\d{1,4})\s?[-–—]\s{3}")


def _number(s: str) -> bool:
    """Whether ``s`` is a page number of :data:`_HEAD_START`'s form: one to four digits."""
    return 0 < len(s) <= 4 and s.isdecimal()


def _page_number(line: str) -> int | None:
    """The page number of a line shaped like a running head (see :data:`_HEAD_START`), or
    ``None``. The number is found by splitting the line at its first and last whitespace
    and by the dashes around a middle one: the patterns' lazy entries and their runs of
    spaces backtracked over a long line (a run of 10,000 spaces: seconds; s48 read48 F2)."""
    if _WS3.search(line) is None or len(line.split()) > _HEAD_WORDS:
        return None  # (each form holds a run of three spaces: tested first)
    numbers = []
    if (m := _MIDDLE_NUMBER.search(line)) and line[: m.start()].strip() and line[m.end() :].strip():
        numbers.append(m.group(1))
    parts = line.split(None, 1)  # (the line is stripped: no whitespace at its ends)
    if len(parts) == 2 and _number(parts[0]) and len(line) - len(parts[1]) - len(parts[0]) >= 3:
        numbers.append(parts[0])
    parts = line.rsplit(None, 1)
    if len(parts) == 2 and _number(parts[1]) and len(line) - len(parts[0]) - len(parts[1]) >= 3:
        numbers.append(parts[1])
    for number in numbers:  # (in the patterns' order: middle, start, end)
        rest = line.replace(number, " ")
        if sum(c.isalpha() for c in rest) >= 3:
            return int(number)
    return None


def _leaders(body: str, mark: str, spaced: bool) -> tuple[str, int]:
    """``body`` without the run of leader ``mark`` at its end (each one followed by one
    whitespace or none when ``spaced``), and how many marks the run has."""
    i, count = len(body), 0
    while i > 0 and body[i - 1] == mark:
        i -= 1
        count += 1
        if spaced and i >= 2 and body[i - 1].isspace() and body[i - 2] == mark:
            i -= 1
    return body[:i], count


def _number_start(s: str) -> int:
    """Where the digits at the end of ``s`` start (``len(s)`` with none)."""
    at = len(s)
    while at > 0 and s[at - 1].isdecimal():
        at -= 1
    return at


def _last_number(s: str) -> int:
    """The number ``s`` ends in (its digits at its end; 0 with none)."""
    at = _number_start(s)
    return int(s[at:]) if at < len(s) else 0


def _toc_line(s: str) -> bool:
    """Whether stripped line ``s`` is a contents line (:data:`_TOC_LINE`), read from its end:
    its page number, the leader dots ("." or "·" four times or more, each with a space or
    none; "…" twice or more) and an entry before them. The pattern's lazy entry and its
    nested leaders backtracked over a long line of dots (10,000 characters: seconds; s48
    read48 F1)."""
    if not s[-1:].isdigit() or not any(map(s.__contains__, _LEADERS)):
        return False
    at = _number_start(s)
    if not 0 < len(s) - at <= 4:
        return False
    body = s[:at].rstrip()
    for mark, spaced, fewest in ((".", True, 4), ("·", True, 4), ("…", False, 2)):
        entry, count = _leaders(body, mark, spaced)
        # (the entry is a character at least: with none, the pattern takes the first mark)
        if count >= fewest + (not entry):
            return True
    return False


#: a contents list's steps that go down, at most one in this many (a second list after
#: the first starts over)
_TOC_DOWN = 4
#: the share of its words a running head has in common with the one a page or two on
_HEAD_SHARED = 0.5


def _head_words(line: str, number: int) -> set[str]:
    """The words of a running head's ``line`` without its page ``number`` and its dashes."""
    return {w.casefold() for w in line.split() if w != str(number) and any(c.isalnum() for c in w)}


def _same_head(a: str, p: int, b: str, q: int) -> bool:
    """Whether running-head lines ``a`` and ``b`` (page numbers ``p``, ``q``) repeat one
    head: at least :data:`_HEAD_SHARED` of the shorter one's words are the other's (the
    even and the odd pages' heads may differ in order and part). A report's numbered
    section headings, "1   Introduction" and "2   Data and methods", go on by one as pages
    do but differ (s48 read48 F6)."""
    wa, wb = _head_words(a, p), _head_words(b, q)
    return bool(wa and wb) and len(wa & wb) >= _HEAD_SHARED * min(len(wa), len(wb))


def _may_hold_space_run(text: str) -> bool:
    """Whether ``text`` may hold a run of three whitespace characters (what :data:`_WS3`
    finds): every such run holds two spaces or a whitespace character other than the space
    (:data:`_OTHER_SPACES`). Scans for literals in C (~15 µs a corpus document, measured on
    1,000), where :data:`_WS3`'s search tried its class at every character of every line
    (~85 µs: the costliest pattern of the stage)."""
    if "  " in text:
        return True
    # (an ASCII text holds no other character: its test is the nine ASCII ones)
    return any(map(text.__contains__, _OTHER_ASCII_SPACES if text.isascii() else _OTHER_SPACES))


def pdf_furniture(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """The kept ``lines`` (as the text has them, spaces inside kept) that are a PDF's running
    heads or feet or its contents lines (see the module's docstring), with their reason.

    A running head is told by its page: two lines shaped so whose numbers go on by one or
    two, with another line between them (a table's rows with a number at their end stand
    next to each other). A contents line needs a second one in the text."""
    found: dict[int, str] = {}
    # (the page's lines tested at once first: a running head holds a run of three
    # whitespace characters and a contents line its leaders, and most pages have neither.
    # Joined on a character that is neither, so that no run or leader spans two lines)
    joined = "\0".join(lines)
    heads = (
        [(j, p) for j, line in enumerate(lines) if (p := _page_number(line.strip())) is not None]
        if _may_hold_space_run(joined)
        else []
    )
    for (j, p), (k, q) in pairwise(heads):
        if k - j >= 2 and 1 <= q - p <= 2 and _same_head(lines[j], p, lines[k], q):
            found[j] = found[k] = RUNNING_HEAD_REASON
    # (a two-sided layout: the even pages' head, the journal's name, and the odd pages',
    # the authors', share no word; each repeats two pages on. Every head was kept; s49
    # acc-read F6. A page's text between each two: a table's rows stand next to each other)
    for (j, p), (m, _), (k, q) in zip(heads, heads[1:], heads[2:], strict=False):
        if m - j >= 2 and k - m >= 2 and q - p == 2 and _same_head(lines[j], p, lines[k], q):
            found[j] = found[k] = RUNNING_HEAD_REASON
    toc = (
        [j for j, line in enumerate(lines) if _toc_line(line.strip())]
        if any(map(joined.__contains__, _LEADERS))
        else []
    )
    pages = [_last_number(lines[j].strip()) for j in toc]
    # (a contents list's page numbers go on, or start over at a second list, the figures';
    # a price list's leaders end in its prices, in any order: "Dry cut ........ 35" under
    # "… blow-dry ........ 48"; s48 read48 F13)
    down = sum(b < a for a, b in pairwise(pages))
    if len(toc) >= 2 and _TOC_DOWN * down <= len(toc) - 1:
        found.update(dict.fromkeys(toc, TOC_REASON))
        first = toc[0]
        above = lines[first - 1].strip() if first else ""
        if above and len(above.split()) <= _TOC_LABEL_WORDS and not above.endswith((".", ":")):
            found[first - 1] = TOC_REASON
    return {j: why for j, why in found.items() if keep[j]}
