"""A page's records in plain text: a timetable of labelled rows, a list of dated events.

Pages that are no article (a town hall's service page, a venue's programme) hold their
content as records the line model reads one line at a time, each line short, with no
sentence: it removed them as a menu's items (s47 kinds: a town page lost its opening hours,
an events page all its events, and the page was dropped as one without content). A record
is decided by its shape here, each line's kind repeating from record to record, on a page
whose kept prose is short (:func:`.structures.short_text_prose`, as for the runs of short
lines and the label / value tables):

* a table of rows, each a label and one to three value cells written a line each, the
  values numbers, ranges of them or marks ("Monday" / "8:30 – 12:00" / "14:00 – 18:00" /
  "Tuesday" / "7:30 – 12:00" / "–"): opening hours, a timetable, a price list with a
  column some rows leave empty; or each row on one line, its cells parted by runs of
  spaces, as text browsers write a table (:func:`row_tables`);
* a run of events, each a date with its time of day over a few lines of its own (its name,
  its place, a note): "Sat 9 August 2025, 12:00" / "Repair café" / "Mill Lane 3, York"
  (:func:`dated_records`); in an HTML page, their dates, which trafilatura drops with every
  ``<time>`` (:func:`record_times`);
* in an HTML page, a forum thread's posts side by side, each with its date and its
  paragraphs, of which trafilatura kept the first alone (:func:`thread_posts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from corearchive import lazyre as re

from .structures import (
    _BRACKETED,
    _CELL_SEP,
    _CLOCK,
    _ITEM_WORDS,
    _KEY_WORDS,
    _NUMBER,
    _YEAR,
    SENTENCE_END,
    _clock,
    _has_time,
    _marks_only,
    _time_alone,
    stop_end,
)

#: the reason of a line kept by :func:`row_tables`
ROWS_REASON = "rows of a table, a label and its values a line each"
#: the reason of a line kept by :func:`dated_records`
RECORDS_REASON = "dated record of a listing: an event's date, name and place"

#: the fewest rows of a table of labelled rows (a week's working days: five)
_MIN_ROWS = 4
#: the most value cells of a row
_MAX_VALUES = 3
#: the most words of a table's heading over it ("Opening hours", "Öffnungszeiten")
_HEAD_WORDS = 6
#: the fewest and most lines of a run of short lines between the kept prose and a table
#: (a list's label and its items over the opening hours: :func:`.structures.short_runs`)
_MIN_RUN = 3
_MAX_RUN = 12
#: a range of two numbers or clock times ("8:30 – 12:00", "9-17", "10.00–18.00 Uhr")
_RANGE = re.compile(rf"({_NUMBER.pattern})\s*[-–—]\s*({_NUMBER.pattern})(?:\s?[^\W\d_]{{1,3}}\.?)?")


@lru_cache(maxsize=4096)
def _value(s: str) -> int:
    """The kind of a table's value cell: 2 a number or a range of numbers, 1 marks alone
    (an empty cell's dash), 0 no value. (Cached, as :func:`_row_label`: a table's cells
    repeat, a week's hours written out week by week, and each is read twice)"""
    if _NUMBER.fullmatch(s) or _RANGE.fullmatch(s):
        return 2
    return 1 if _marks_only(s) else 0


#: a value cell in a row's cells written with one space between them (lynx pads the label's
#: column alone: "Dienstag       8:30 – 12:00 –")
_CELL = re.compile(rf"(?:{_RANGE.pattern}|{_NUMBER.pattern}|[-–—*†]{{1,3}})(?=\s|$)")


def _values(s: str) -> list[int]:
    """The kinds (:func:`_value`) of the value cells of ``s``, a row's cells after its label:
    parted by runs of spaces, or by one space when every cell is a value; [0] when one is
    none."""
    cells = _CELL_SEP.split(s)
    if len(cells) > 1 or _value(s):
        return [_value(c) for c in cells]
    at, out = 0, []
    while at < len(s) and (m := _CELL.match(s, at)) is not None:
        out.append(_value(m.group()))
        at = m.end() + 1
    return out if at >= len(s) and out else [0]


@lru_cache(maxsize=4096)
def _row_label(s: str) -> bool:
    """Whether ``s`` reads as a row's label: a name of at most :data:`_KEY_WORDS` words, no
    figure, no sentence, no image's label ("Monday", "Kinder bis 12 Jahre" has a figure)."""
    return (
        0 < len(s.split()) <= _KEY_WORDS
        and not any(c.isdigit() for c in s)
        and not stop_end(s)
        and _BRACKETED.fullmatch(s) is None
    )


def _rows_at(lines: Sequence[str], i: int, free: Sequence[bool]) -> tuple[int, int]:
    """``(end, rows)`` of the table of labelled rows starting at line ``i`` (``free``: the
    lines the model removed for their shortness or their repetition alone)."""
    n = len(lines)
    rows = 0
    while i < n and free[i]:
        # (a row on one line, its cells parted by runs of spaces: as w3m and lynx write a
        # table, "Montag        8:30 – 12:00    14:00 – 16:00")
        if len(cells := _CELL_SEP.split(lines[i], maxsplit=1)) > 1:
            values = _values(cells[1])
            if not (_row_label(cells[0]) and len(values) <= _MAX_VALUES and all(values)):
                break
            if 2 not in values:
                break
            rows += 1
            i += 1
            continue
        if not _row_label(lines[i]):
            break
        j = i + 1
        numbers = 0
        # (a value the model kept is one all the same: a time it read as the text's)
        while j < n and j - i <= _MAX_VALUES and (v := _value(lines[j])):
            numbers += v == 2
            j += 1
        if not numbers:
            break
        rows += 1
        i = j
    return i, rows


def row_tables(
    lines: Sequence[str],
    keep: Sequence[bool],
    free: Sequence[bool],
    prose: Sequence[int],
    items: Sequence[bool] | None = None,
) -> list[int]:
    """The lines of tables of labelled rows (see the module's docstring) the model removed,
    to be kept, with their heading (a line of at most :data:`_HEAD_WORDS` words right over
    the table, or two: a section's heading over the table's own) and the run of short lines
    between the kept prose and that heading (a list's label and items, as
    :func:`.structures.short_runs` keeps between two prose lines). At least
    :data:`_MIN_ROWS` rows, labels that differ, each row one to :data:`_MAX_VALUES` values,
    a number or a range of numbers among them; after the page's kept prose (``prose``: its
    :func:`.structures.short_text_prose`, a page of few prose lines: an article's share
    bar "Facebook" / "12" / "X" / "5" has that shape), with a heading, at most
    :data:`_MAX_RUN` lines under the kept prose line above it. ``free``: whether the model removed
    a line for its shortness or its repetition alone (a week's hours repeat), not for a
    page's furniture words (a label must be; a value may be any line of its form);
    ``items``: whether a line of the run over the table may be kept, by default ``free``
    (the caller's adds the lines the model removed as teasers after the article's end:
    the table kept under them shows it goes on)."""
    if not prose:
        return []
    n = len(lines)
    out: list[int] = []
    i = prose[0] + 1
    while i < n:
        end, rows = _rows_at(lines, i, free)
        if rows < _MIN_ROWS:
            i += 1
            continue
        # (the labels read only under enough rows: this loop tries every line after the
        # first prose line)
        labels = {_CELL_SEP.split(lines[k])[0].lower() for k in range(i, end)}
        labels -= {lines[k].lower() for k in range(i, end) if _value(lines[k])}
        if len(labels) < rows:
            # (past the whole run: a start further in parses the rest of the same rows again,
            # once a line, and a week written out 500 times took a minute; s48 read48 F3)
            i = end
            continue
        start = i
        for _ in range(2):  # its heading, and a section's heading over that
            h = start - 1
            if h > prose[0] and free[h] and not keep[h] and len(lines[h].split()) <= _HEAD_WORDS:
                if _value(lines[h]) or stop_end(lines[h]):
                    break
                start = h
        # the short lines between the last kept prose line over it and its heading
        above = max((p for p in prose if p < start), default=None)
        if start == i or above is None or start - above - 1 > _MAX_RUN:
            # (a table of the page is under its heading, next to its text: a sidebar's
            # league table, its archive's months and their counts, a weather widget's days
            # over their temperatures are far under it or have none; s47 sesscmp)
            i = end
            continue
        if start - above - 1 >= _MIN_RUN:
            run = range(above + 1, start)
            if all(
                (free if items is None else items)[j]
                and not keep[j]
                and len(w := lines[j].split()) <= _ITEM_WORDS
                and not (len(w) <= 4 and _YEAR.search(lines[j]))
                and _BRACKETED.fullmatch(lines[j]) is None
                for j in run
            ):
                start = above + 1
        out.extend(j for j in range(start, end) if not keep[j])
        i = end
    return out


#: the most characters of an event's date line ("Sat 9 August 2025, 12:00 – 14:00")
_DATE_CHARS = 60
#: the fewest records of a listing
_MIN_RECORDS = 3
#: the most lines of a record after its date (a name, a place, a note, a price)
_RECORD_LINES = 4
#: the most words of a record's line (a note is a sentence or two)
_RECORD_WORDS = 30
#: the fewest prose lines kept outside the records of a page with an article (as
#: :func:`.structures._no_article` counts)
_OWN_PROSE = 3


def _event_date(s: str) -> bool:
    """Whether ``s`` is an event's date alone with its time of day ("Fr 1. August 2025,
    13:30", "mié 12 de febrero de 2025, 19:30"): a news teaser's date has no clock; the
    day's number is its first or second word (a weekday before it; a list's "Kongresshalle
    Berlin2. Oktober 2015 - 12:29" is a name with its date)."""
    return (
        len(s) <= _DATE_CHARS
        and any(w[:1].isdigit() for w in s.split()[:2])
        and _has_time(s)
        and _time_alone(s)
        and _clock(s) is not None
        # (a day besides the clock, or a year: a ticker's "12:14" is none; "12 de febrero de
        # 2025" has no month by the day)
        and (_has_time(rest := _CLOCK.sub(" ", s)) or _YEAR.search(rest) is not None)
    )


def dated_records(
    lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool], prose: Sequence[int]
) -> list[int]:
    """The lines of a listing's dated records (see the module's docstring) the model
    removed, to be kept: at least :data:`_MIN_RECORDS` records one after the other, each an
    event's date with its time of day (:func:`_event_date`) over one to
    :data:`_RECORD_LINES` lines of at most :data:`_RECORD_WORDS` words, no date, the first
    a name (no sentence) in most records; at most half the run's
    lines of a page's furniture words (``furniture``). The last record has as many lines as the
    shortest before it, and its note's sentences up to the longest (the footer's "Phone …"
    under it is no note). On a page whose kept prose outside the records is less than
    :data:`_OWN_PROSE` lines (``prose``: its :func:`.structures.short_text_prose`; the
    model kept none of a programme page's lines and dropped it): an article's sidebar of
    coming events stays removed."""
    n = len(lines)
    dates = [i for i, s in enumerate(lines) if len(s) <= _DATE_CHARS and _event_date(s)]
    if len(dates) < _MIN_RECORDS:
        return []

    def body(a: int, b: int) -> bool:
        """Whether lines ``a`` to ``b`` (excluded) may be a record's lines after its date."""
        return all(
            0 < len(lines[j].split()) <= _RECORD_WORDS and not _event_date(lines[j])
            for j in range(a, b)
        )

    out: list[int] = []
    k = 0
    while k < len(dates):
        m = k
        while (
            m + 1 < len(dates)
            and 2 <= dates[m + 1] - dates[m] <= _RECORD_LINES + 1
            and body(dates[m] + 1, dates[m + 1])
        ):
            m += 1
        if m - k + 1 >= _MIN_RECORDS:
            sizes = [dates[j + 1] - dates[j] - 1 for j in range(k, m)]
            end = dates[m] + 1
            while end < n and end - dates[m] - 1 < min(sizes) and body(end, end + 1):
                end += 1
            while (
                end < n
                and end - dates[m] - 1 < max(sizes)
                and body(end, end + 1)
                and lines[end].endswith(SENTENCE_END)
            ):
                end += 1
            # (a word of the site's furniture in an event's name or street is no sign:
            # "Concerto del coro", "paseo del Prado 18"; most lines of such words are)
            # Each record is named: its line under the date is a title, no sentence, in
            # most records (readers' comments under a post, "Sven | 11.05.2012 15:36" over
            # "Beim Hotel parken. …", begin with what they say; s47 held-out)
            # (the page's last line a date: a record with no name, not an index past the
            # page's end; s49 heldout49)
            named = sum(
                d + 1 < n and not lines[d + 1].endswith(SENTENCE_END) for d in dates[k : m + 1]
            )
            # (a line in every record before the last is a box's label or button, no
            # event's: a video box's "Video" under each teaser; s47 sesscmp)
            shared = set.intersection(
                *({lines[j] for j in range(dates[r] + 1, dates[r + 1])} for r in range(k, m))
            )
            # (and the page has no article besides them: a post's readers' comments are
            # dated records too, under its paragraphs; the notes of events are prose)
            own = sum(not dates[k] <= p < end for p in prose)
            if (
                2 * sum(furniture[dates[k] : end]) <= end - dates[k]
                and 2 * named > m - k + 1
                and own < _OWN_PROSE
                and not (m - k >= 2 and shared)
            ):
                out.extend(j for j in range(dates[k], end) if not keep[j])
        k = m + 1
    return out


#: the most levels from an event's ``<time>`` up to its record's element (``<li>``, a card)
_RECORD_LEVELS = 2


def record_times(tree: Any) -> list[tuple[Any, str]]:
    """Make the ``<time>`` elements of an HTML page's dated records ``<span>`` elements, and
    return them with their tags (for :func:`.figures.restore`: the metadata stage reads the
    tree as parsed). trafilatura deletes every ``<time>``: a programme's events
    (``<li class="event"><time>Sat 9 August 2025, 12:00</time><h3>Repair café</h3>…``)
    were extracted without their dates (s47 kinds). A record is an element at most
    :data:`_RECORD_LEVELS` levels over its time (through a wrapper of the time alone: a
    forum post's header holds its poster too), one of :data:`_MIN_RECORDS` or more of
    one tag beside each other, each with one time, an event's date with its time of day
    (:func:`_event_date`; a teaser's date alone stays dropped)."""
    groups: dict[Any, list[tuple[Any, Any]]] = {}
    for t in tree.iter("time"):
        if not _event_date(" ".join(t.text_content().split())):
            continue
        rec = t.getparent()
        for _ in range(_RECORD_LEVELS):
            if rec is None or (up := rec.getparent()) is None:
                break
            if sum(c.tag == rec.tag for c in up) >= _MIN_RECORDS:
                groups.setdefault(up, []).append((rec, t))
                break
            if len(rec) != 1 or (rec.text or "").strip():
                # (up from a wrapper of the time alone only: a post's header holds its
                # poster and its time, and the thread is read as such; s47)
                break
            rec = up
    out: list[tuple[Any, str]] = []
    for found in groups.values():
        recs = [id(r) for r, _ in found]
        if len(set(recs)) >= _MIN_RECORDS and len(set(recs)) == len(recs):
            out += [(t, t.tag) for _, t in found]
    for t, _ in out:
        t.tag = "span"
    return out


#: the fewest posts of a thread whose missing posts :func:`thread_posts` gives back
_MIN_POSTS = 2
#: the most words of a post's date line ("Posted 12 January 2025 - 08:14")
_DATE_WORDS = 8


def _post_date(e: Any) -> bool:
    """Whether element ``e`` (a post) holds its date: a ``<time>`` or an element whose own
    text is a date or a time alone (:func:`.structures._time_alone`)."""
    for d in e.iter():
        if not isinstance(d.tag, str) or d.tag == "p":
            continue
        said = " ".join((d.text or "").split())
        if d.tag == "time" or (
            said and len(said.split()) <= _DATE_WORDS and _has_time(said) and _time_alone(said)
        ):
            return True
    return False


def _post_text(e: Any) -> list[str]:
    """The paragraphs of post ``e``: its ``<p>`` elements' texts, white space collapsed."""
    return [t for p in e.iter("p") if (t := " ".join(p.text_content().split()))]


def _other_prose(prose: list[str], first: list[str]) -> int:
    """The words of the text's lines of sentences ``prose`` that a thread's first post
    (its paragraphs ``first``) is measured against: a line that is mostly one of its
    paragraphs (and not the paragraph itself) is the post again, not other prose. (A
    table's layout gave trafilatura the post twice, once glued to the thread's title and
    date: "Wie dichte ich …? 15. Januar 2025 Das Offensichtliche …", and the post was half
    the prose no more: the replies of four kinds forum pages were lost in HTML, s50
    forum50.) A short paragraph inside a long
    sentence ("Thanks" in "Thanks to the donors, …") leaves the sentence other prose."""
    n = 0
    for t in prose:
        words = len(t.split())
        if t in first or not any(p in t and 2 * len(p.split()) >= words for p in first):
            n += words
    return n


def thread_posts(tree: Any, text: str) -> list[str]:
    """The paragraphs of a thread's posts in an HTML page that trafilatura's ``text`` left
    out, in the page's order. trafilatura kept a forum thread's first post and pruned the
    replies, short posts in boxes of their own (s47 kinds: forum pages F1 0.56). A thread
    is :data:`_MIN_POSTS` elements or more side by side of one tag and one class, each with
    its date (:func:`_post_date`) and paragraphs of its own; the first post's paragraphs
    are in ``text`` (the page is the thread, not an article with readers' comments under
    it, which trafilatura leaves out whole): each a whole line of it, and at least half the
    words of its sentences. (A substring's test took a "Latest news" box whose first teaser
    repeats the article's lead, or a short first comment, "Thanks", in a paragraph, for a
    thread: the other stories' teasers and readers' comments joined the article; s49
    acc-read F1.)"""
    have = " ".join(text.split())
    lines = {t for line in text.split("\n") if (t := " ".join(line.split()))}
    # (the text's lines of sentences: a thread's title, posters and dates are none, also
    # a title asked as a question, "¿Cómo sellar bien un plato de ducha?": the page's <h1>)
    titles = {" ".join(h.text_content().split()) for h in tree.iter("h1")}
    prose = [t for t in lines if stop_end(t) and t not in titles]
    groups: list[list[Any]] = []
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or len(parent) < _MIN_POSTS:
            continue
        kinds: dict[tuple[str, str], list[Any]] = {}
        for c in parent:
            if isinstance(c.tag, str) and (cls := c.get("class")):
                kinds.setdefault((c.tag, cls), []).append(c)
        groups.extend(posts for posts in kinds.values() if len(posts) >= _MIN_POSTS)
    # (the largest group that is a thread: a menu's items or a footer's links repeat more
    # often than a thread's posts, and hid it when the largest group alone was tried; s48
    # finalrev_A. Of groups of one size, the first in the page, as before)
    groups.sort(key=len, reverse=True)
    for posts in groups:
        if not all(map(_post_date, posts)):
            continue
        # (each post's paragraphs read once: the test, the first post's and the others')
        paras = [_post_text(e) for e in posts]
        if not all(paras):
            continue
        # (the post trafilatura kept: the first, or another it took for the article, a
        # reply of a table's layout; s50 forum50)
        for k, own in enumerate(paras):
            if all(p in lines for p in own) and 2 * sum(len(p.split()) for p in own) >= (
                _other_prose(prose, own)
            ):
                return [p for texts in paras[:k] + paras[k + 1 :] for p in texts if p not in have]
    return []
