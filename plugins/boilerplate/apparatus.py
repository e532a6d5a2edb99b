"""A data article's apparatus in plain text: the lines that go with its tables and charts
(a caption "Table 1: …", a chart's title, "Note: …", "Source: …", "Chart: X / Data: Y") and
the article's text after such a block (s46 acc-data D2, D3).

The line model reads a table or a chart block in the middle of an article as a break: its
short lines score like a menu's, "Source" and "Quelle" are furniture words, a source under a
table and again under a chart is a repeated line; the lines after the block are then
"outside the main text block", and the article's closing paragraphs, its second table, were
lost with it. Two decisions put them back:

* the text resumes (:func:`resumed_text`): a short run of removed lines after the article's
  kept prose that holds a table's row, or that goes on from a chart's kept labelled line
  with another (the evidence that the run is the article's own apparatus, not a box of
  related links), followed by prose, kept
  or a sentence the model scored near its threshold: the prose is the article's, and so are
  the run's lines that are no furniture, its labelled lines too;
* a table's labelled lines (:func:`table_apparatus`): a removed caption right over a kept
  table, labelled note/source lines right under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from corearchive import lazyre as re

from .structures import _prose_line

#: the reason given to the lines these rules keep
APPARATUS_REASON = "a table's or chart's caption, note or source, or the text after them"

#: A label of a table's or chart's note, source or credit, or of its caption, and its colon
#: ("Source: …", "Quelle: …", "Fuente : …", "Источник: …", "Table 1: …", "Chart: X / Data:
#: Y"), in the languages of the line model's lexicon; a word after the label is no label
#: ("Data protection: …" is a footer's)
#: The nouns of a table's, chart's, map's or figure's caption ("Table 1: …", "Karte 2: …"),
#: in the languages of the line model's lexicon: the one list of the stages' caption
#: words; the metadata stage reads a numbered caption by them as no title
CAPTION_NOUNS = (
    r"chart|graph|graphic|map|table|figure|fig\.|"
    r"grafik|karte|tabelle|abbildung|abb\.|"
    r"infographie|graphique|carte|tableau|"
    r"gráfico|mapa|tabla|figura|"
    r"grafico|tabella|"
    r"график|инфографика|карта|таблица|рисунок"
)
_LABEL = re.compile(
    r"(?:sources?|notes?|data|"
    r"quellen?|hinweise?|anmerkung(?:en)?|daten|"
    r"données|fuentes?|notas?|datos|"
    r"fonte|dati|bron|gegevens|"
    r"источники?|примечани[ея]|данные|"
    rf"{CAPTION_NOUNS})"
    r"(?:\s+\d{1,3}[a-z]?)?\s?[:：]\s*\S",
    re.IGNORECASE,
)
#: how lynx writes a table's caption
_LYNX_CAPTION = "CAPTION: "
#: the most words of a labelled line (a note is a sentence or two)
_LABEL_WORDS = 40
#: the most removed lines between the article's prose and the prose it resumes with
_MOST_BREAK = 12
#: the fewest kept prose lines above a break: the page has an article there
_PROSE_ABOVE = 2
#: the lowest model score of a removed closing sentence (the article's: 0.36 and 0.49 on the
#: acc-data pages; a teaser's summary under a related box scores lower, and has no table or
#: labelled line above it)
_CLOSING_SCORE = 0.3
#: a run of two spaces or more between a row's cells, and the most words of such a row and
#: the fewest such rows of a table
_SPACED = re.compile(r"\S {2,}\S")
_ROW_WORDS = 12
_SPACED_ROWS = 2
#: the most lines between a table and its labelled lines (the note under its last row, then
#: its source)
_MOST_APPARATUS = 3


def labelled(line: str) -> bool:
    """Whether ``line`` (stripped) is a table's or chart's labelled caption, note, source or
    credit (:data:`_LABEL`), or a caption as lynx writes it ("CAPTION: …")."""
    if line.startswith(_LYNX_CAPTION):
        return True
    return _LABEL.match(line) is not None and len(line.split()) <= _LABEL_WORDS


def _row(line: str) -> bool:
    """Whether ``line`` is a table's row as a browser copies it: cells between tabs."""
    return "\t" in line


#: a row's leading rank ("1", "2.", "3)") and a figure, a cell's value ("3.412", "47,9%",
#: "-0.4", "12:30", "€1,200", a unit's short word after it: "27.03p", "12kg")
_RANK = re.compile(r"\d{1,3}[.)]?\s")
_FIGURE = re.compile(r"[-+−±]?[$£€¥]?\d[\d.,:/]*(?:%|‰|[$£€¥]|[^\W\d_]{1,3})?")
#: the most words of letters of a ranked row's cells (a list's row is a rank and a
#: headline: "1    Council delays vote on school funding    3h")
_RANKED_WORDS = 4


def _spaced_row(line: str) -> bool:
    """Whether ``line`` (stripped) may be a table's row as w3m or lynx write one: cells set
    off by runs of spaces, a figure among them besides a leading rank, a few words ("PSOE
    3.412 47,9% 9"). A rank and a headline, its time after it ("1    Council delays vote
    on school funding    3h"), is a most-read list's row (s47 read F8)."""
    # (the literal tests first: a row's run of spaces is two spaces; the pattern's search of
    # every kept line of every page cost ~0.1 ms a corpus document)
    if (
        "  " not in line
        or not any(c.isdigit() for c in line)
        or _SPACED.search(line) is None
        or len(words := line.split()) > _ROW_WORDS
    ):
        return False
    ranked = _RANK.match(line) is not None
    cells = words[1:] if ranked else words
    if not any(_FIGURE.fullmatch(w) for w in cells):
        return False
    return not ranked or sum(any(c.isalpha() for c in w) for w in cells) <= _RANKED_WORDS


def _header_row(line: str) -> bool:
    """Whether ``line`` (stripped) may be a table's header as w3m or lynx write one: labels
    set off by runs of spaces, a few words, not a labelled line."""
    return (
        "  " in line
        and _SPACED.search(line) is not None
        and len(line.split()) <= _ROW_WORDS
        and not labelled(line)
    )


def _table_row(line: str) -> bool:
    """Whether ``line`` (stripped) may be a table's row, with tabs (:func:`_row`) or with
    spaces (:func:`_spaced_row`)."""
    return _row(line) or _spaced_row(line)


def _table_in(lines: Sequence[str], gap: range) -> bool:
    """Whether the lines ``gap`` of ``lines`` hold a table: a row with tabs, or
    :data:`_SPACED_ROWS` rows written with spaces (a sentence may have two spaces after a
    full stop)."""
    return any(_row(lines[j]) for j in gap) or (
        sum(_spaced_row(lines[j]) for j in gap) >= _SPACED_ROWS
    )


def resumed_text(
    lines: Sequence[str],
    keep: Sequence[bool],
    score: Sequence[float],
    furniture: Sequence[bool],
) -> list[int]:
    """The removed lines (positions in ``lines``, the non-blank lines stripped; ``keep``,
    ``score`` the model's decisions and scores; ``furniture``, whether a line's cue is
    furniture words or repetition) of a table or chart block in the article and of the
    article's prose after it (see the module's docstring)."""
    n = len(lines)
    found: list[int] = []
    prose_seen = 0
    i = 0
    while i < n:
        if keep[i]:
            # (counted up to :data:`_PROSE_ABOVE` only: a prose test of every kept line of
            # every document to learn no more than that)
            if prose_seen < _PROSE_ABOVE:
                prose_seen += _prose_line(lines[i])
            i += 1
            continue
        a = i  # a run of removed lines from here
        while i < n and not keep[i]:
            i += 1
        b = i  # the next kept line, or the end
        if a == 0 or prose_seen < _PROSE_ABOVE:
            continue
        # (a chart's labelled lines the model cut after its kept note: "Note: …" kept,
        # "Source: …" / "Chart: X / Data: Y" not)
        chart = labelled(lines[a - 1]) and labelled(lines[a])
        if not (chart or _prose_line(lines[a - 1])):
            continue
        # the prose the text resumes with: the kept line after a short break, or the
        # break's first removed sentence near the threshold (its closing paragraph)
        end = min(b, a + _MOST_BREAK + 1)
        # (the model's tests first: most removed lines are furniture or scored low, and
        # the prose test of each cost ~15 µs a corpus document)
        resume = next(
            (
                j
                for j in range(a, end)
                if not furniture[j]
                and score[j] >= _CLOSING_SCORE
                and _prose_line(lines[j])
                and not labelled(lines[j])
            ),
            None,
        )
        if resume is None:
            if b < n and b - a <= _MOST_BREAK and _prose_line(lines[b]):
                resume = b
            else:
                continue
        gap = range(a, resume)
        if not (chart or _table_in(lines, gap)):
            # no table: a box of links, an ad, or a section's "Quelle: …" line between
            # paragraphs, which the dev pages' truths leave out (trafeval's handwerksblatt)
            continue
        found.extend(j for j in gap if labelled(lines[j]) or not furniture[j])
        # the closing sentences: removed prose from ``resume`` on, no furniture among them
        j = resume
        while j < b and _prose_line(lines[j]) and not furniture[j] and not labelled(lines[j]):
            found.append(j)
            j += 1
    return found


def table_apparatus(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The removed labelled lines (:func:`labelled`) of a kept table (tab-separated rows):
    its caption right over it ("Table 1: Biggest rent rises …") and its note and source
    lines under it, up to :data:`_MOST_APPARATUS` lines below its last row; and those of a
    chart, between two kept lines one of which is labelled."""
    n = len(lines)
    found: list[int] = []
    for i in range(n):
        if not (keep[i] and _table_row(lines[i])):
            continue
        if i > 0 and not keep[i - 1] and labelled(lines[i - 1]):
            found.append(i - 1)
        elif (
            i > 1
            and keep[i - 1]
            and not keep[i - 2]
            and _header_row(lines[i - 1])
            and labelled(lines[i - 2])
        ):
            # (over its header, a row of labels without a figure: "Rang   Stadt   Miete je
            # m²   Veränderung"; s48 acc-regress R9)
            found.append(i - 2)
        if i + 1 < n and keep[i + 1] and _table_row(lines[i + 1]):
            continue  # not its last row
        j = i + 1
        while j < n and j - i <= _MOST_APPARATUS and (keep[j] or labelled(lines[j])):
            if not keep[j]:
                found.append(j)
            j += 1
    # a chart's labelled line between two kept lines, one of them labelled too: its source
    # between its kept note and credit ("Note: …" / "Source: …" / "Chart: X / Data: Y")
    found += [
        i
        for i in range(1, n - 1)
        if not keep[i] and keep[i - 1] and keep[i + 1] and labelled(lines[i])
        if labelled(lines[i - 1]) or labelled(lines[i + 1])
    ]
    return found
