"""Publication dates (and the other fields) from HTML pages.

Date candidates: the dates written in a browser-like text rendering of the page (with the
text features of :mod:`.text`), htmldate's answer (extensive search, original date) and the
page's own structured statement (JSON-LD ``datePublished`` or a publication meta tag), each
with flags saying which sources agree; the shipped listwise ranker (``html`` model) picks
one. Title, authors, site name and tags come from trafilatura's metadata extraction.

The page is parsed once. When the boilerplate stage ran trafilatura before, its tree
(``doc.work["html_tree"]``, never changed here) and metadata (``doc.work["trafilatura_meta"]``,
whose ``date`` is htmldate's answer with the same settings) are used as they are; otherwise
the page is parsed here and trafilatura's metadata extraction, which runs htmldate on the
same tree, gives both the fields and htmldate's date.
"""

from __future__ import annotations

import html as htmllib
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree

from corearchive import lazyre as re
from corearchive.schema import ISO_DATE_OFFSET_PATTERN

if TYPE_CHECKING:
    from lxml.html import HtmlElement

from ..boilerplate.htmltree import (
    LIBRARY_LOCK,
    AttrIndex,
    guarded_xpaths,
    links_below,
    local_forms,
    neutralise_markup,
    patched,
    with_needles,
    with_originals,
)
from .model import score_rows
from .text import (
    _AGENCY,
    _BY_WORD,
    _COPYRIGHT_MARK,
    _RIGHTS_WORDS,
    _ROLE,
    FEATURES,
    STRUCTURED_MIN_YEAR,
    TEXT_ONLY_FEATURES,
    Page,
    _compact,
    _cues,
    _features,
    _mk,
    _person_like,
    address_host,
    after_place,
    after_reference,
    author_field_names,
    blog_byline_names,
    caseless_letters,
    cjk_byline,
    cjk_reporters,
    corrections_scored,
    cue_context,
    current_earliest_year,
    domain_like,
    earliest_year,
    find_dates,
    gather_dates,
    iso_value,
    place_words,
    placeholder_day,
    previous_item,
    reference_day,
    reference_years,
    set_corrections_aside,
    surname_first,
    untyped,
)

#: A JSON-LD publication date: an article's ``datePublished``, a job posting's
#: ``datePosted`` (not a video's ``uploadDate``: an article's embedded video is not the
#: article, and its upload time became the article's on dev pages)
_JSONLD_PUB = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_JSONLD_POSTED = re.compile(r'"datePosted"\s*:\s*"([^"]{8,40})"')
#: A JSON-LD date that is no publication date: when an event takes place, an offer or a
#: posting is valid, a person was born (schema.org's Event, Offer, JobPosting, Person ...).
#: A product page's ``priceValidUntil`` and a job ad's ``validThrough`` were htmldate's answer
#: and the record's ``published``, an event's ``startDate`` the text's only date (s36
#: acc-types #4, #5).
_JSONLD_OTHER = re.compile(
    r'"(?:startDate|endDate|doorTime|validFrom|validThrough|priceValidUntil|expires|'
    r"availabilityStarts|availabilityEnds|birthDate|deathDate|foundingDate|dissolutionDate|"
    r'arrivalTime|departureTime|checkinTime|checkoutTime|scheduledTime)"\s*:\s*"([^"]{8,40})"'
)
_META_PUB = re.compile(
    r'<meta[^>]+(?:property|name|itemprop)\s*=\s*["\'](?:article:published_time|og:published_time|'
    r"datePublished|date|dc\.date|dc\.date\.issued|dcterms\.date|publish[-_]?date|pubdate|"
    r'parsely-pub-date|sailthru\.date|citation_publication_date|article\.published)["\'][^>]*>',
    re.I,
)
_META_NAME = re.compile(r'["\']([^"\']+)["\']')
#: A ``<time>`` element's machine-readable date-time, with a time and its offset
_TIME_ELEMENT = re.compile(
    r"<time\b[^>]*?\bdatetime\s*=\s*[\"']?(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?"
    r"(?:Z|[+-]\d\d:?\d\d))",
    re.I,
)
_CONTENT = re.compile(r'content\s*=\s*["\']([^"\']{6,40})["\']', re.I)
_ATTR_YMD = re.compile(r"\s*(\d{4})(?:-?|/)(\d\d)(?:-?|/)(\d\d)")
#: A ``<time>`` element's machine-readable day (a time may follow)
_TIME_DAY = re.compile(r"<time\b[^>]*?\bdatetime\s*=\s*[\"']?\s*(\d{4}-\d\d-\d\d)", re.I)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "tr",
        "br",
        "section",
        "article",
        "header",
        "footer",
        "time",
        "dd",
        "dt",
        "figcaption",
        "blockquote",
        "td",
        "nav",
        "aside",
        "ul",
        "ol",
        "table",
        "form",
        "title",
    ]
)
HTML_FEATURES = [
    *(k for k in FEATURES if k not in TEXT_ONLY_FEATURES),
    "hd_agree",
    "st_agree",
    "synthetic",
    "hd_none",
    "st_none",
    "hd_st_agree",
]
_MAX_HTML_CANDS = 80
#: The record's ``published`` pattern (:data:`corearchive.schema.ISO_DATE_OFFSET_PATTERN`): a
#: structured value is kept as written only if it fits; a date-time without its offset
#: names no instant, and gives its day
_ISO_OK = re.compile(ISO_DATE_OFFSET_PATTERN)


def _copyright_year(html: str, year: int) -> bool:
    """Whether the page has a copyright notice of ``year`` ("© 2024", "Copyright 2019-2024",
    a ``copyrightYear`` item)."""
    return (
        re.search(rf"(?i)(?:©|&copy;|&#169;|copyright)\s*(?:\d{{4}}\s*[-–]\s*)?{year}\b", html)
        is not None
        or re.search(rf"(?i)copyrightyear[\"']?[^>]*content\s*=\s*[\"']?\s*{year}\b", html)
        is not None
    )


def _iso_from_attr(v: str) -> date | None:
    """The day of a machine-readable date ("2024-03-12T08:00+13:00", "1902/03/03") back to
    :data:`.text.STRUCTURED_MIN_YEAR`: the page states it, whatever the earliest year of its
    running text."""
    m = _ATTR_YMD.match(v)
    if m is None:
        return None
    with earliest_year(STRUCTURED_MIN_YEAR):
        return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _stated(v: str, text: str) -> date | None:
    """:func:`_iso_from_attr`, but None for a placeholder day (:func:`.text.placeholder_day`;
    ``text``: the page's rendering)."""
    d = _iso_from_attr(v)
    return None if d is None or placeholder_day(d, text) else d


def _writes_datetime(html: str) -> bool:
    """Whether a page may hold a ``<time datetime>`` (:data:`_TIME_DAY`,
    :data:`_TIME_ELEMENT`), as the searches for one test it."""
    return "datetime" in html or "DATETIME" in html


def html_structured_date(
    html: str, text: str = "", datetime_written: bool | None = None
) -> tuple[str | None, str]:
    """``datePublished`` from JSON-LD, else a publication meta tag, else a ``<time
    datetime>``'s day before the earliest year of the page's running text (which the text
    and htmldate do not read): (value, where). Back to :data:`.text.STRUCTURED_MIN_YEAR`,
    placeholders aside (:func:`.text.placeholder_day`; ``text``: the page's rendering, where
    a placeholder's year is not written; ``datetime_written``: whether the page writes
    "datetime" or "DATETIME", when the caller knows it: a scan of the whole page)."""
    # (datePublished first: a job posting's datePosted is one where there is none)
    for rx, start, where in (
        (_JSONLD_PUB, '"datePublished"', "json-ld datePublished"),
        (_JSONLD_POSTED, '"datePosted"', "json-ld datePosted"),
    ):
        # (from the property's first mention, where the pattern's first match can begin:
        # str.find scans a page ~3x as fast as the pattern's search for its start; most
        # pages have no datePosted, and a third of the trafeval dev pages no datePublished)
        at = html.find(start)
        for m in rx.finditer(html, at) if at >= 0 else ():
            if _stated(m.group(1), text):
                return m.group(1).strip(), where
    for m in _META_PUB.finditer(html):
        c = _CONTENT.search(m.group(0))
        if c and _stated(c.group(1), text):
            name = _META_NAME.search(m.group(0))
            return c.group(1).strip(), "meta " + (name.group(1) if name else "")
    if datetime_written is None:
        datetime_written = _writes_datetime(html)
    if datetime_written:
        floor = current_earliest_year()
        for m in _TIME_DAY.finditer(html):
            d = _stated(m.group(1), text)
            if d is not None and d.year < floor:
                return m.group(1), "time datetime"
    return None, ""


#: elements whose text a browser does not show as the page's: also an ``<iframe>``'s
#: (fallback markup for browsers without frames, often escaped HTML: "&lt;span data-mce-…")
#: and a ``<textarea>``'s (a form field's value; a hidden one holding an embed's markup:
#: "<form class=…>" lines; s26 quality reviewer)
_SKIP = ("script", "style", "noscript", "template", "iframe", "textarea")
#: A run of spaces, tabs, carriage returns, form and vertical feeds that is not a single
#: space (what :func:`tree_to_text` folds into one space): the rendering's single spaces
#: between words are not matched and replaced by themselves: two thirds of the CPU of
#: ``[ \t\r\f\v]+`` (dev pages: 119 against 179 ms for 494; the same text)
_SPACES = re.compile(r"(?: [ \t\r\f\v]|[\t\r\f\v])[ \t\r\f\v]*")


def parse_html(html: str) -> HtmlElement | None:
    """The page parsed as trafilatura parses it (the tree the boilerplate stage shares)."""
    from ..boilerplate.htmltree import load_html  # (a cheap module: lxml only)

    try:
        return load_html(html)
    except Exception:  # lxml raises several types on junk input; no tree then
        return None


def tree_to_text(root: HtmlElement) -> str:
    """A browser-like text rendering of a parsed page: block elements on lines of their own,
    scripts, styles and comments left out, text in document order. The tree is only read (it
    may be shared with other stages).

    Rendered by an XSLT stylesheet (libxslt, in C: 0.63 ms a page against 0.9 for the
    Python walk over ``root.iter()`` it replaced, which also put an element's tail before
    its children's text, on 276 of 300 trafeval pages); a tree deeper than libxslt's
    recursion allows goes through :func:`_walk_text`, the same rendering without
    recursion."""
    try:
        text = str(_visible_text()(root))
    except etree.XSLTApplyError:
        text = _walk_text(root)
    return _SPACES.sub(" ", text)


def stream_text(html: str) -> str:
    """:func:`tree_to_text`'s rendering made without a tree, by the standard library's
    streaming tokenizer: for a page nested deeper than libxml2 reads (it stops at 2,048
    levels even with ``huge_tree``, and the text below is not in the tree: a page of five
    paragraphs inside 100,000 ``<div>`` elements was dropped as no_content)."""
    return _SPACES.sub(" ", streamed_text(html, _SKIP, _BLOCKS))


def streamed_text(html: str, skip: Collection[str], blocks: Collection[str]) -> str:
    """The text of ``html`` read by the standard library's streaming tokenizer: the text of
    the elements ``skip`` left out, a line break at each start and end of ``blocks``,
    character references decoded."""
    from html.parser import HTMLParser

    parts: list[str] = []
    skipping = [0]

    class _Text(HTMLParser):
        def handle_starttag(self, tag: str, attrs: Any) -> None:
            if tag in skip:
                skipping[0] += 1
            elif tag in blocks:
                parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in skip:
                skipping[0] = max(0, skipping[0] - 1)
            elif tag in blocks:
                parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not skipping[0]:
                parts.append(data)

    reader = _Text(convert_charrefs=True)
    reader.feed(html)
    reader.close()
    return "".join(parts)


@lru_cache(maxsize=1)
def _visible_text() -> etree.XSLT:
    """The stylesheet of :func:`tree_to_text` (compiled once per process)."""
    blocks = "|".join(sorted(_BLOCKS))
    skip = "|".join(_SKIP)
    newline = "<xsl:text>&#10;</xsl:text>"
    return etree.XSLT(
        etree.XML(
            '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:output method="text" encoding="UTF-8"/>'
            f'<xsl:template match="{skip}|comment()|processing-instruction()"/>'
            # (the head's own text is white space between its elements; its title is shown)
            '<xsl:template match="head"><xsl:apply-templates select="*"/></xsl:template>'
            f'<xsl:template match="{blocks}">{newline}<xsl:apply-templates/>{newline}'
            "</xsl:template>"
            "</xsl:stylesheet>"
        )
    )


def _walk_text(root: HtmlElement) -> str:
    """:func:`tree_to_text`'s rendering (before white space is folded) without recursion."""
    out: list[str] = []
    add = out.append
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, el in walk:
        tag = el.tag
        if tag.__class__ is not str or tag in _SKIP:  # (a comment, a script, ...)
            if event == "start":
                walk.skip_subtree()
            elif el.tail:
                add(el.tail)
            continue
        if event == "start":
            if tag in _BLOCKS:
                add("\n")
            if el.text and tag != "head":
                add(el.text)
        else:
            if tag in _BLOCKS:
                add("\n")
            if el.tail:
                add(el.tail)
    return "".join(out)


def html_to_text(html: str) -> str:
    """A browser-like text rendering of an HTML page (see :func:`tree_to_text`)."""
    root = parse_html(html)
    return tree_to_text(root) if root is not None else ""


class _TextDateParser:
    """Stands in for dateparser inside htmldate's extensive search: the first full date
    :func:`.text.find_dates` reads in the string (the ~20 languages and written forms of
    the text path), as a naive datetime (day precision, as htmldate formats it)."""

    def get_date_data(self, string: str) -> dict[str, datetime | None]:
        found = find_dates([string])
        d = found[0]["date"] if found else None
        return {"date_obj": datetime(d.year, d.month, d.day) if d else None}


_TEXT_DATE_PARSER = _TextDateParser()


def _text_date_parser() -> _TextDateParser:
    return _TEXT_DATE_PARSER


@contextmanager
def without_dateparser() -> Iterator[None]:
    """Within the block, htmldate's extensive search reads the strings it gives dateparser
    with our own date reader instead.

    dateparser (with every locale enabled, as htmldate builds it) compiled regexes for a
    few hundred locales on its first calls: ~3 s of CPU per process, 17 calls on the 493
    htmldate dev pages (~6 ms a page over a run of 500 pages). With our reader, htmldate's
    answer changes on 3 of those pages and the stage's chosen date on none (dev accuracy
    unchanged; ``research/metadata/hd_parser.py``). htmldate caches its parses
    (``try_date_expr``) per string, so a string first read in this block keeps our reading
    for the process; every htmldate call of these stages is made in this block.
    """
    import htmldate.extractors as hx

    with LIBRARY_LOCK:
        saved = hx.get_external_parser, hx.month_words
        hx.get_external_parser = _text_date_parser  # type: ignore[assignment]
        words = _month_words()
        if words is not None:
            hx.month_words = lambda: words  # type: ignore[assignment]
        try:
            yield
        finally:
            hx.get_external_parser, hx.month_words = saved


#: A run of ASCII digits (see :class:`_DigitLed`)
_DIGIT_RUN = re.compile(r"[0-9]+")


class _DigitLed:
    """``pattern.findall`` for one of htmldate's page patterns whose every match begins with
    a non-digit followed by an ASCII digit (``\\D([0-9]...)\\D`` and the like), trying only
    the positions just before a run of digits instead of every position of the page.

    The same list: ``findall`` takes, from where the last match ended, the leftmost
    position where the pattern matches, and a match can only begin one character before a
    run of digits. On the 37 dev pages htmldate's page search reaches, its patterns
    scanned ~60,000 characters each, 75-145 ms per pattern over the 37; a page's runs are
    a few hundred."""

    __slots__ = ("pattern",)
    _last: tuple[str, list[int]] = ("", [])

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def findall(self, s: str) -> list[str]:
        last = _DigitLed._last
        if last[0] is not s:  # (the page search runs several patterns over one string)
            last = _DigitLed._last = (s, [m.start() for m in _DIGIT_RUN.finditer(s)])
        match = self.pattern.match
        out: list[str] = []
        end = 0
        for start in last[1]:
            if start > end:  # (the character before the run is at or after the last end)
                m = match(s, start - 1)
                if m is not None:
                    out.append(m[1])
                    end = m.end()
        return out


@lru_cache(maxsize=1)
def _digit_led_patterns() -> dict[int, _DigitLed]:
    """htmldate's page-search patterns :class:`_DigitLed` applies to, by ``id``: each match
    is a non-digit, then an ASCII digit (the copyright and ``/YYYY/MM/DD`` patterns start
    with their own literals, which the regular expression engine already looks for)."""
    import htmldate.core as hc

    names = ("THREE_LOOSE_PATTERN", "SELECT_YMD_PATTERN", "DATESTRINGS_PATTERN",
             "SLASHES_PATTERN", "YYYYMM_PATTERN", "MMYYYY_PATTERN", "SIMPLE_PATTERN")  # fmt: skip
    return {id(p): _DigitLed(p) for p in (getattr(hc, n) for n in names)}


#: A year as htmldate's day-month-year text pattern ends with one, after a space (see
#: :class:`_YearEnded`)
_YEAR_AFTER_SPACE = re.compile(r" (?:199[0-9]|20[0-3][0-9])")
#: A character of htmldate's month words (``[^\W\d_]``, with its pattern's flags)
_MONTH_LETTER = re.compile(r"[^\W\d_]", re.I)


class _YearEnded:
    """``pattern.search`` for htmldate's ``LONG_TEXT_PATTERN`` (its last resort's reading of
    "March 5, 2021" and "5 March 2021" in a page's whole HTML, ``regex_parse``), trying only
    the stretches of the page before one of its years instead of every position of it.

    The same match: each of the pattern's matches ends with a space and a year
    (:data:`_YEAR_AFTER_SPACE`), holds no other (a month word, a day and its suffix come
    before), and begins at most 8 characters before the start of its month word, a run of
    letters ending in the 9 characters before the year. So the leftmost match from ``pos``
    is the leftmost one within the first of those stretches, from 8 characters before the
    letter run found there, that has one; a search that ends with a stretch's year finds
    the matches that end there (the pattern has no lookahead). 3.2 ms a page htmldate's
    page search reaches (23 of the 494 trafeval dev pages), 0.09 with the stretches."""

    __slots__ = ("pattern",)
    _last: tuple[str, list[int]] = ("", [])

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def search(self, s: str, pos: int = 0) -> re.Match[str] | None:
        last = _YearEnded._last
        if last[0] is not s:  # (regex_parse searches one string again after each match)
            last = _YearEnded._last = (s, [m.start() for m in _YEAR_AFTER_SPACE.finditer(s)])
        years = last[1]
        letter, search = _MONTH_LETTER.match, self.pattern.search
        # (a match from pos ends after pos: with a year from pos - 4 on)
        for at in years[bisect_left(years, pos - 4) :]:
            start = max(at - 9, 0)
            while start > 0 and letter(s, start - 1):
                start -= 1
            found = search(s, max(pos, start - 8), at + 5)
            if found is not None:
                return found
        return None


#: The attributes htmldate's ``is_date_candidate`` reads
_CUE_ATTRS = frozenset(("id", "class", "itemprop"))


@lru_cache(maxsize=1)
def _date_cues() -> re.Pattern[str]:
    """What an ``id``, ``class`` or ``itemprop`` value holds when htmldate's (1.11)
    ``is_date_candidate`` takes its element: "date" or "datum" after its D is folded to
    d, its id-or-class cues and its class cues ("footer-info-lastmod" holds "footer").
    Tried on the three attributes alike: a few more elements than it takes, never fewer."""
    import htmldate.core as hc

    cues = (hc.ID_CLASS_CUES.pattern, hc.CLASS_CUES.pattern)
    return re.compile("|".join(("[Dd]at[eu]", *cues)))


def _date_candidates(tree: HtmlElement) -> list[HtmlElement]:
    """htmldate's ``date_candidates`` in its extensive search (its elements that may hold the
    date: a ``footer`` or ``small``, or an element :func:`htmldate.core.is_date_candidate`
    takes), the same list, asking ``is_date_candidate`` only of an element with an ``id``,
    ``class`` or ``itemprop`` value holding one of its cues (:func:`_date_cues`): it read
    every element's attributes in Python (~740 a page it reaches, a third of the trafeval
    dev pages), and most hold none."""
    import htmldate.core as hc

    always, taken, cue = hc.ALWAYS_TAGS, hc.is_date_candidate, _date_cues().search
    out: list[HtmlElement] = []
    for elem in tree.iterdescendants(hc.Element):  # type: ignore[attr-defined]
        if elem.tag in always:
            out.append(elem)
            continue
        for key, value in elem.items():
            if key in _CUE_ATTRS and cue(value):
                if taken(elem):
                    out.append(elem)
                break
    return out


@contextmanager
def faster_htmldate() -> Iterator[None]:
    """Within the block, htmldate's (1.11) search of the page's HTML for date patterns (its
    last resort, ``search_page``) finds the patterns' matches with :class:`_DigitLed`, and
    its day-month-year text pattern's with :class:`_YearEnded`: the same matches, the same
    dates (tests/plugins/test_metadata.py; htmldate's answer on all 1085 dev pages of the
    three sets), at ~0.2 of the CPU (~14 ms a page it runs on, 37 of the 493 trafeval dev
    pages); its extensive search's elements are found by :func:`_date_candidates`."""
    import htmldate.core as hc
    import htmldate.extractors as hx

    with LIBRARY_LOCK:
        saved = hc.plausible_year_filter  # type: ignore[attr-defined]
        long_text = hx.LONG_TEXT_PATTERN
        fast = _digit_led_patterns()

        def plausible_year_filter(htmlstring: str, *, pattern: Any, **kw: Any) -> Any:
            return saved(htmlstring, pattern=fast.get(id(pattern), pattern), **kw)

        candidates = hc.date_candidates

        def date_candidates(tree: HtmlElement, extensive_search: bool) -> list[HtmlElement]:
            if extensive_search:
                return _date_candidates(tree)
            return candidates(tree, extensive_search)

        hc.plausible_year_filter = plausible_year_filter  # type: ignore[attr-defined]
        hx.LONG_TEXT_PATTERN = _YearEnded(long_text)  # type: ignore[assignment]
        hc.date_candidates = date_candidates
        try:
            yield
        finally:
            hc.plausible_year_filter = saved  # type: ignore[attr-defined]
            hx.LONG_TEXT_PATTERN = long_text
            hc.date_candidates = candidates


#: A pattern that matches nothing: htmldate's month-only and year-only patterns, switched off
_NOTHING = re.compile(r"(?!)")


def _strict_dateutil(parse: Callable[..., datetime]) -> Callable[..., datetime]:
    """htmldate's dateutil ``parse`` refusing a string without a year, a month and a day
    (``ValueError``). dateutil fills what a string lacks from today's date ("2020-03" read
    on 24 November: 2020-03-24): read with two different defaults, a reading that changes
    took a part from them."""

    def strict(string: str, **kw: Any) -> datetime:
        kw.pop("default", None)  # (nested: the outer block's reading sets its own)
        a = parse(string, default=datetime(2000, 1, 1), **kw)
        b = parse(string, default=datetime(2001, 2, 2), **kw)
        if (a.year, a.month, a.day) != (b.year, b.month, b.day):
            raise ValueError(f"no day in {string!r}")
        return a

    return strict


def _in_range_as_written(dateobject: datetime, earliest: datetime, latest: datetime) -> bool:
    """htmldate's ``_is_in_range`` on the date-times as written: the bounds are days, and
    a date is compared on its own wall clock (htmldate compares ``timestamp()``s, which
    read a naive date-time in the machine's time zone)."""
    d = dateobject.replace(tzinfo=None)
    return earliest.replace(tzinfo=None) <= d <= latest.replace(tzinfo=None)


@contextmanager
def htmldate_days_only() -> Iterator[None]:
    """Within the block, htmldate answers with a day the page writes, or not at all, and
    its window does not depend on the machine's time zone:

    * its readings of a month or a year alone, which it gives as the 1st of the month or
      January 1st, are switched off (a page whose only date was "since early 2020" got
      2020-01-01 as a day; a meta date after the bound, refused, was read again as its year
      and month: the 1st of the month). Its copyright-year catch-all is dropped too;
    * dateutil's readings of strings without a day are refused (it fills the missing parts
      from today's date: "2020-03" was 2020-03-24 on the 24th);
    * its time window compares dates as written (see :func:`_in_range_as_written`).
    """
    import htmldate.core as hc
    import htmldate.extractors as hx
    import htmldate.validators as hv

    search_page = hc.search_page

    def days_of_page(htmlstring: str, options: Any) -> str | None:
        found: str | None = search_page(htmlstring, options)
        if found is not None and found[4:] == "-01-01" and options.format == "%Y-%m-%d":
            copyright = hc.search_pattern(
                htmlstring, hc.COPYRIGHT_PATTERN, hc.YEAR_PATTERN, hc.YEAR_PATTERN, options
            )
            if copyright is not None and copyright[1] == found[:4]:
                return None  # (the copyright year as January 1st: a year, no day)
        return found

    changes: list[tuple[Any, str, Any]] = [
        (hx, "YM_PATTERN", _NOTHING),
        (hx, "dateutil_parse", _strict_dateutil(hx.dateutil_parse)),  # type: ignore[attr-defined]
        (hc, "YYYYMM_PATTERN", _NOTHING),
        (hc, "MMYYYY_PATTERN", _NOTHING),
        (hc, "SIMPLE_PATTERN", _NOTHING),
        (hc, "search_page", days_of_page),
        (hv, "_is_in_range", _in_range_as_written),
    ]
    with patched(*changes):
        yield


def htmldate_bound(capture: date | None) -> str:
    """htmldate's ``max_date``: the end of the capture's day (without a capture, of today
    in UTC), as a naive ISO date-time (see :func:`_in_range_as_written`)."""
    return reference_day(capture).isoformat() + "T23:59:59.999999"


#: The vowel signs and viramas of the scripts written with combining marks that \w does
#: not take: Indic, Thai, Lao, Tibetan, Myanmar, Khmer (trafilatura's clean-up cut Thai
#: "สมชาย ใจดี" to "ใจด" and Myanmar "ဦးအောင်ကျော်" to "ဦးအောင်က"; s50 acc-scripts N9)
_MARKS = re.compile(r"[\u0900-\u109f\u1780-\u17ff]")
#: What trafilatura splits an author field on (its ``AUTHOR_SPLIT``)
_AUTHOR_PARTS = re.compile(r"/|;|,|\||&|(?:^|\W)[ua]nd(?:$|\W)")
#: A part of an author field that is an abbreviation of the newsroom ("red" = Redaktion)
_NEWSROOM = frozenset(("red", "red.", "(red)", "redaktion", "agenturen", "agentur"))
#: A label and a date or a number ("Stand: 20. April 2020, 14:57 Uhr"; of two words, a full-width
#: colon, an era's name before the year: "کد خبر: ۱۴۰۵…", "更新日：令和8年"; s50 acc-scripts N8)
_LABELLED_NUMBER = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[:：]\s*(?:[^\W\d_]{1,2})?\d")


def _names_part(part: str) -> bool:
    """Whether a part of a page's author field (as written) may hold a person's name: not a
    web address or a domain ("wien.ORF.at", "jungefreiheit.de"), not the newsroom ("red",
    "Agenturen"), not a label with a date ("Stand: 20. April 2020"). trafilatura replaces
    the dots of the first with spaces, title-cases them and drops the numbers ("Wien Orf
    At", "Jungefreiheit De", "Red", "Stand"), after which they read as names."""
    return (
        not domain_like(part)
        and part.strip().lower() not in _NEWSROOM
        and _LABELLED_NUMBER.match(part.strip()) is None
    )


def _place_after(part: str) -> bool:
    """Whether a part of an author field after a person's full name is one capitalised
    word, no agency's: the reporter's place ("Jane Doe, Washington"), which trafilatura
    took for a second author (s35 acc-regress D6); a person is named by two words."""
    return (
        len(ws := part.split()) == 1
        # (or in a script without capitals, where one word after a full name is a place
        # as well: "राहुल शर्मा | भोपाल" gave भोपाल as a second author; s50 acc-scripts N8)
        and ((ws[0][:1].isupper() and ws[0].isalpha()) or caseless_letters(ws[0]))
        and _AGENCY.match(ws[0]) is None
    )


@contextmanager
def _author_fields_as_written(place: Callable[[str], bool] | None = None) -> Iterator[None]:
    """Within the block, trafilatura's ``normalize_authors`` gets the author fields without
    their parts that name no person (:func:`_names_part`), read as the page writes them
    (``place``: the words the page writes as a place, see :func:`.text.surname_first`)."""
    import trafilatura.json_metadata as tj
    import trafilatura.metadata as tmd

    original = tj.normalize_authors

    def normalize(current_authors: str | None, author_string: str) -> str | None:
        if isinstance(author_string, str):
            if "&" in author_string:
                # (unescaped twice, and given on so: a page that escapes its entities twice,
                # "Redacci&amp;oacute;n", was split at the entity's "&" and ";" by
                # trafilatura, the authors Redacci, Oacute, N)
                author_string = htmllib.unescape(htmllib.unescape(author_string))
            given = author_string.strip()
            name = surname_first(given, place) or surname_first(_BY_WORD.sub("", given), place)
            if name is not None:
                # ("Doe, Jane": one name, which trafilatura splits at its comma; taken as it
                # is, before a particle is read as a byline word and an initial loses its
                # point: "de Gaulle, Charles" was "Charles Gaulle", "Doe, J." "J Doe"; s36
                # acc-read F10)
                known = current_authors.split("; ") if current_authors else []
                return "; ".join(dict.fromkeys([*known, name]))
            written = author_string = after_place(author_string)
            if _MARKS.search(written):
                # a script with vowel signs (Devanagari, the other Indic scripts, Thai):
                # trafilatura's clean-up cuts the signs as special characters ("राहुल
                # शर्मा" -> "राहुल शर्म"); the names are read as a byline is instead
                marked = [p for p in _AUTHOR_PARTS.split(written) if p.strip()]
                if len(marked) > 1 and len(marked[0].split()) >= 2:
                    marked = marked[:1] + [p for p in marked[1:] if not _place_after(p)]
                names = [n for p in marked for n in author_field_names(p)]
                if not names:
                    return current_authors
                known = current_authors.split("; ") if current_authors else []
                return "; ".join(dict.fromkeys([*known, *names]))
            parts = [p.strip() for p in _AUTHOR_PARTS.split(written) if p.strip()]
            full = len(parts) > 1 and len(parts[0].split()) >= 2
            kept = [
                p
                for k, p in enumerate(parts)
                if _names_part(p) and not (k and full and _place_after(p))
            ]
            if len(kept) < len(parts):  # (else as it is: trafilatura's own reading)
                if not kept:
                    return current_authors
                author_string = "; ".join(kept)
            if _BY_WORD.match(author_string) or any(map(_ROLE.search, parts[1:])):
                # (a byline's word or a role after a comma: read as a byline first, as
                # trafilatura takes every comma's part for a name and capitalises the word,
                # "By Sam Holt, Chief Reporter" -> "Chief", "di Giulia Romano" -> "Di
                # Giulia Romano"; s34 structure acceptance test #8). As written, with its
                # commas: "By Jane Doe, Staff Writer, and Tom Baxter, Photographer" without
                # its parts that name no one lost Tom Baxter (s37 acc-read F21)
                names = author_field_names(written) or author_field_names(author_string)
                if names:
                    author_string = "; ".join(names)
        return original(current_authors, author_string)

    with LIBRARY_LOCK:
        saved = tmd.normalize_authors  # type: ignore[attr-defined]
        tj.normalize_authors = normalize
        tmd.normalize_authors = normalize  # type: ignore[attr-defined]
        try:
            yield
        finally:
            tj.normalize_authors = original
            tmd.normalize_authors = saved  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str] | None:
    """htmldate's ``month_words()`` (the month names of every dateparser locale, folded as
    htmldate folds them; its extensive search asks for them on pages where no year or
    month is found), read from ``month_words.json`` when that was made for the installed
    dateparser and htmldate, else None (htmldate's own then). htmldate builds the set by
    importing dateparser and loading its 206 locales, ~0.08 s of CPU per process for a
    set of 2,235 words; the file takes ~1 ms. Equal sets: ``tests/plugins/test_metadata.py``."""
    import importlib.metadata as im
    import json
    import os

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "month_words.json")
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if (data["dateparser"], data["htmldate"]) != (im.version("dateparser"),
                                                       im.version("htmldate")):  # fmt: skip
            return None
        return frozenset(data["words"])
    except (OSError, ValueError, KeyError, TypeError, im.PackageNotFoundError):
        return None


@contextmanager
def htmldate_as_we_run_it(capture: date | None) -> Iterator[None]:
    """htmldate as both of its callers here run it (its own :func:`~htmldate.find_date` and
    trafilatura's metadata): no dateparser, the faster searches, only days the page writes,
    and two-digit years read against the capture's."""
    with (
        without_dateparser(),
        faster_htmldate(),
        htmldate_days_only(),
        reference_years(capture),
    ):
        yield


def htmldate_date(
    html: str | HtmlElement, capture: date | None = None, extensive: bool = True
) -> str | None:
    """htmldate's answer (original date; extensive search unless told otherwise), bounded
    by the capture's day (without one, today's in UTC), a day the page writes
    (:func:`htmldate_days_only`). A tree is only read (htmldate copies it before pruning)."""
    from htmldate import find_date

    kw: dict[str, Any] = {"extensive_search": extensive, "original_date": True}
    kw["max_date"] = htmldate_bound(capture)
    try:
        with htmldate_as_we_run_it(capture):
            found: str | None = find_date(html, **kw)
    except Exception:  # htmldate fails on some malformed pages; no answer then
        return None
    return found


def html_candidates(
    html: str,
    capture: date | None = None,
    hd: str | bool | None = False,
    tree: HtmlElement | None = None,
    text: str | None = None,
    at: datetime | None = None,
    url: str | None = None,
    page: Page | None = None,
    quotes: list[HtmlElement] | None = None,
    day_first: bool = False,
) -> list[dict[str, Any]]:
    """Scored date candidates of an HTML page (``hd``: a precomputed htmldate answer, None
    for none; ``tree``: the page already parsed; ``text``: its :func:`tree_to_text`; ``at``:
    the capture's date-time, for relative dates, see :func:`.text.find_relative`; ``url``:
    the page's address, for day/month orders, :func:`.text.gather_dates`; ``page``: the
    :class:`.text.Page` of ``text``, when the caller split it; ``quotes``: the tree's
    blockquote and q elements in document order, ``tree.iter("blockquote", "q")``, when the
    caller found them; ``day_first``: the page declares a day-first region,
    :func:`.text.day_first_locale`). A date
    after the capture's day (without one, after today in UTC) scores 100 less: never chosen."""
    if tree is None:
        tree = parse_html(html)
    if hd is False:
        if tree is None:  # (htmldate parses it: a tag of too many attributes is not read)
            html = neutralise_markup(html)[0]
        hd = htmldate_date(tree if tree is not None else html, capture)
    if page is None:
        if text is None:
            text = tree_to_text(tree) if tree is not None else ""
        page = Page(text)
    datetime_written = _writes_datetime(html)  # (a scan of the whole page: once)
    sv, where = html_structured_date(html, page.text, datetime_written)
    hd_d = _iso_from_attr(hd) if isinstance(hd, str) else None
    st_d = _iso_from_attr(sv) if sv else None
    others = _other_days(html, st_d)
    if hd_d in others:
        hd_d = None  # (htmldate's answer is an event's day, an offer's end: s36 acc-types #5)
    with reference_years(capture):
        # (a machine-readable date decides a written "03/04/2021": s28 integration tester M2;
        # not htmldate's answer, which may be that very text read one way)
        markup = frozenset([st_d] if st_d is not None else [])
        cands = gather_dates(page, capture, _MAX_HTML_CANDS, at, url, markup, day_first)
    # (a correction's dates: never chosen, and no feature of the others': see the function)
    cands, aside = set_corrections_aside(cands, page)
    cands, quoted = _set_quoted_aside(cands, page, tree, quotes)
    if others:
        # (the days the page's data gives an event, an offer's validity, a birth: its
        # text's "Saturday 14 June 2025, 12:00 - 22:00" is the event's, no publication date;
        # but not a date the page labels as its publication's, "Published 4 March 2025" of
        # a match report on the match's day: s37 acc-read F8)
        evented = {id(c) for c in cands if c["date"] in others and not _labelled(c, page)}
        others_aside = [c for c in cands if id(c) in evented]
        cands = [c for c in cands if id(c) not in evented]
    else:
        others_aside = []
    if cands:
        _features(cands, page, capture)
    present = {c["date"] for c in cands}
    if hd_d is not None and (hd_d.month, hd_d.day) == (1, 1) and _copyright_year(html, hd_d.year):
        # htmldate's last resort, the copyright year, as January 1st: a year that is no
        # publication date (the page's text and markup gave none)
        hd_d = None
    for d, src, val in ((hd_d, "htmldate", hd), (st_d, where, sv)):
        if d and d not in present:
            f = dict.fromkeys(FEATURES, 0.0)
            f["bias"] = f["synthetic"] = 1.0
            cands.append(
                {
                    "date": d,
                    "line": -1,
                    "col": 0,
                    "form": "html",
                    "text": val,
                    "time": None,
                    "alt": None,
                    "sep": None,
                    "cue": src,
                    "f": f,
                    "in_para": False,
                }
            )
            present.add(d)
    # the date-times of the page's <time datetime="..."> elements, by day: the precision of
    # a chosen day that the visible text gives without a zone (a time element is the
    # common markup of news sites' bylines; htmldate reads only its day)
    timed: dict[date, str] = {}
    if datetime_written:
        for m in _TIME_ELEMENT.finditer(html):
            v = m.group(1)
            if v[-5] in "+-" and v[-3] != ":":  # (+0100 as +01:00)
                v = v[:-2] + ":" + v[-2:]
            if (d := _iso_from_attr(v)) is not None and _ISO_OK.match(v):
                timed.setdefault(d, v)
    for c in cands:
        f = c["f"]
        f["hd_agree"] = float(c["date"] == hd_d)
        f["st_agree"] = float(c["date"] == st_d)
        f.setdefault("synthetic", 0.0)
        f["hd_none"] = float(hd_d is None)
        f["st_none"] = float(st_d is None)
        f["hd_st_agree"] = float(c["date"] == hd_d == st_d)
        if (
            st_d
            and c["date"] == st_d
            and sv
            and len(sv) > 10
            and (c.get("time") is None or f.get("cue_upd"))
        ):
            # the page's own date-time, with its offset (over an update's time of the same
            # day: "Updated 2:10 p.m. ET Nov. 18" is no publication time; s32 news types #1)
            c["html_value"] = sv
        elif c["date"] in timed and len(iso_value(c)) == 10:
            c["html_value"] = timed[c["date"]]
        if f["hd_agree"]:
            c["cue"] = "htmldate"
            if c["line"] >= 0 and c["date"] != st_d and c["date"] not in timed:
                # (htmldate's answer that neither the page's structured date nor a <time>
                # element gives: the text's date it read, whose words may say it is no
                # publication's, "Closing date: 31 March 2025" of a job ad; s38
                # acc-regress D5)
                c["text_read"] = True
    rows = [[c["f"][k] for k in HTML_FEATURES] for c in cands]
    last = reference_day(capture)
    for c, s in zip(cands, score_rows("html", HTML_FEATURES, rows), strict=True):
        late = c["date"] > last and after_reference(c["date"], html_value(c), capture, at)
        c["score"] = s - 100.0 if late else s
    return (
        cands
        + corrections_scored(aside, HTML_FEATURES)
        + corrections_scored(quoted, HTML_FEATURES, "quotation")
        + corrections_scored(others_aside, HTML_FEATURES, "structured data: no publication")
    )


#: A label that names a date of some kind ("Closing date", "Datum", "Fecha"), not the
#: publication's by its verb
_DATE_WORD = re.compile(r"(?i)\b(?:date|datum|fecha|data|dato)\b")


def _labelled(cand: dict[str, Any], page: Page) -> bool:
    """Whether a date candidate's line labels it as the publication's ("Published 4 March
    2025", "Veröffentlicht am"), before it on its line or on a short line above it."""
    i = cand["line"]
    line = page.lines[i] if 0 <= i < len(page.lines) else ""
    ctx = cue_context(line[: cand["col"]], previous_item(page, i)[1])[0]
    # (a strong cue that names no other date: "Closing date:" of a job ad, "Event date:",
    # are strong labels too)
    return _cues(ctx[-45:])[1] and _DATE_WORD.search(ctx[-45:]) is None


def jsonld_spans(html: str) -> Iterator[tuple[int, int]]:
    """Where the page's JSON-LD scripts stand in ``html``: ``(start, end)`` from each
    "ld+json" to the next ``</script`` (the page's end when none follows), for a pattern to
    read there only: one tried at every quotation mark of a whole page cost ~230 us a
    trafeval page that has JSON-LD. One walk for :func:`_other_days` and the stage's
    modification time, which each wrote it."""
    at = html.find("ld+json")
    while at >= 0:
        end = html.find("</script", at)
        end = len(html) if end < 0 else end
        yield at, end
        at = html.find("ld+json", end)


def _other_days(html: str, published: date | None) -> frozenset[date]:
    """The days the page's JSON-LD gives under a property that is no publication date
    (:data:`_JSONLD_OTHER`), but ``published`` (the page's structured publication day, which
    an event announced on its own day shares)."""
    days: set[date | None] = set()
    for at, end in jsonld_spans(html):
        days.update(_iso_from_attr(m.group(1)) for m in _JSONLD_OTHER.finditer(html, at, end))
    days.discard(None)
    days.discard(published)
    return frozenset(d for d in days if d is not None)


def _set_quoted_aside(
    cands: list[dict[str, Any]],
    page: Page,
    tree: HtmlElement | None,
    elements: list[HtmlElement] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``cands`` without the dates written only inside a quotation (``<blockquote>``,
    ``<q>``), and those dates: a quotation's date is its source's ("Laurence Bloch,
    directrice de France Inter, Télérama, 27 juin 2019" in a blockquote above a story of
    28 June; an embedded post's day), not the page's, and like a correction's it is let
    change neither the choice nor the other dates' features (the page's first date, the
    earliest). A candidate's line counts as quoted when the quotations hold every
    occurrence of it on the page: a date line the article also writes outside them is not
    set aside. (``elements``: the tree's quotations, when the caller found them.)"""
    if tree is None or not cands:
        return cands, []
    if elements is None:
        elements = list(tree.iter("blockquote", "q"))
    # (the outermost quotations: a <q> inside a <blockquote> counted twice, and the page's
    # own dateline, written once outside, was set aside; s36 acc-read F6)
    quotes = [
        " ".join(e.text_content().split())
        for e in elements
        if next(e.iterancestors("blockquote", "q"), None) is None
    ]
    if not quotes:
        return cands, []
    if sum(map(len, quotes)) * 2 >= len(" ".join(page.text.split())):
        # (the quotation is the article: a letter, a reposted release, whose "Published
        # March 4, 2024" lost to a sidebar's date; s36 acc-regress R5)
        return cands, []
    kept: list[dict[str, Any]] = []
    aside: list[dict[str, Any]] = []
    lines = page.lines
    for c in cands:
        i = c["line"]
        line = lines[i].strip() if 0 <= i < len(lines) else ""
        inside = sum(q.count(line) for q in quotes) if line else 0
        if inside and inside >= page.text.count(line):
            aside.append(c)
        else:
            kept.append(c)
    return kept, aside


def html_value(c: dict[str, Any]) -> str:
    """A chosen HTML candidate as ISO 8601 (the structured date-time where the page has one)."""
    v = c.get("html_value")
    if isinstance(v, str) and _ISO_OK.match(v):
        return v
    return iso_value(c)


def _page_places(tree: HtmlElement | str) -> Callable[[str], bool] | None:
    """:func:`.text.place_words` of the text of a page's body, each text node on a line of
    its own (a dateline starts its paragraph), read when first asked (an author field
    written "Surname, Word" is rare); None for a page given as a string."""
    if isinstance(tree, str):
        return None
    found: list[Callable[[str], bool]] = []

    def place(word: str) -> bool:
        if not found:
            found.append(place_words("\n".join(map(str, tree.xpath("//body//text()")))))
        return found[0](word)

    return place


#: The keys of trafilatura's metadata the stage reads (as the boilerplate stage shares them).
META_KEYS = ("title", "author", "date", "sitename", "categories", "tags", "url", "description")


def trafilatura_meta(
    tree: HtmlElement | str,
    url: str | None,
    capture: date | None = None,
    extensive: bool = True,
    index: AttrIndex | None = None,
) -> dict[str, Any]:
    """trafilatura's metadata of a page, as a dict of :data:`META_KEYS`; its ``date`` is
    htmldate's answer (original date, extensive search unless told otherwise, bounded by the
    capture's day or, without one, today's in UTC; a day the page writes: see
    :func:`htmldate_days_only`), run on the same tree, which is only read (``index``: its
    :class:`AttrIndex`, when the caller has it). Empty if the extraction fails."""
    config: dict[str, Any] = {"original_date": True, "extensive_search": extensive}
    config["max_date"] = htmldate_bound(capture)
    try:
        with (
            htmldate_as_we_run_it(capture),
            guarded_xpaths(),
            _author_fields_as_written(_page_places(tree)),
        ):
            md = _extract_metadata(tree, url, config, index)
    except Exception:  # a metadata failure must not lose the document
        return {}
    return {k: getattr(md, k, None) for k in META_KEYS}


def _headline_instead(
    root: HtmlElement, word: str, least: int, parts: Collection[str] = ()
) -> str | None:
    """The page's headline where the title its metadata gives is ``word``, which names no
    page (a template's placeholder, "escenic"; the site's name): the first of ``parts`` (the
    <title>'s own segments), its og:title and its <h1>s of ``least`` words or more that
    neither is ``word`` (:func:`_equal_names`) nor holds it as written (the site "WIRED" in
    "Why Our Brains Are Wired for Music" is a word of the headline); None when none is.
    The override of a placeholder and that of the site's name each looked for it (the
    first asked the first og:title and <h1> only, the case aside)."""
    found = list(parts)
    with suppress(Exception):
        found += [str(t) for t in root.xpath('//meta[@property="og:title"]/@content')]
        found += [" ".join(h.text_content().split()) for h in root.iter("h1")]
    for text in found:
        text = " ".join(text.split())
        if len(text.split()) >= least and not _equal_names(text, word) and word not in text:
            return text
    return None


#: A web archive's address of a page: ``https://web.archive.org/web/20190717140047/URL``
#: (the time stamp may end in a mode, ``id_``, ``im_``)
#: (the inner address's "//" may come as one slash, as trafilatura's URL has it)
_WAYBACK = re.compile(r"https?://web\.archive\.org/web/\d{1,14}[a-z_]*/(https?):/+(.+)", re.I)


def _archived_url(url: str) -> str:
    """The page's own address where ``url`` is the Wayback Machine's copy of it: the site
    of an archived blog is the blog's, not web.archive.org (s26 quality reviewer)."""
    m = _WAYBACK.match(url)
    return f"{m[1]}://{m[2]}" if m else url


def _equal_names(a: str, b: str) -> bool:
    """Whether two names are one but for case, white space and end punctuation."""
    return " ".join(a.casefold().split()).strip(" .:|-–—") == " ".join(b.casefold().split()).strip(
        " .:|-–—"
    )


def _headline_beside_site(root: HtmlElement, title: str, site: str) -> str | None:
    """A page's headline where its ``title`` is its site's name: its ``<title>`` without the
    parts that name the site ("BMJV | Transparenz bei Preisanpassungen"), else its og:title,
    else its first <h1>, of two words or more, that neither is nor holds the site's name
    (:func:`_headline_instead`). None when ``title`` is an <h1> of five words or more (then
    it is the headline, and the site's name was taken from it) or no such text is there."""
    from .text import _TITLE_SEP

    parts: list[str] = []
    with suppress(Exception):
        h1s = [" ".join(h.text_content().split()) for h in root.iter("h1")]
        if len(title.split()) >= 5 and any(_equal_names(h, title) for h in h1s):
            return None  # (a headline, that the site's name was taken from)
        split = _TITLE_SEP.split(" ".join((root.findtext(".//head//title") or "").split()))
        keep = [k for k in range(0, len(split), 2) if not _equal_names(split[k], site)]
        if keep:  # (the parts left, with the separators between them)
            parts.append("".join(split[keep[0] : keep[-1] + 1]))
    return _headline_instead(root, site, 2, parts)


def _title_sitename(root: HtmlElement) -> str | None:
    """trafilatura's ``extract_sitename`` (a part of the <title> with a dot in it: a site's
    address, "example.com | Headline") but for a part that is no address: the headline
    ("Opinion | The remote work debate is over. Both sides lost. | Metro Times" gave the
    site the name "Opinion | The remote work debate is over. Both sides lost."; "El Senado
    aprueba ... 95.000 millones ... | AP News" the Spanish headline: s32 news types #11)."""
    from trafilatura import metadata as tm

    _, *parts = tm.examine_title_element(root)
    return next(
        (p for p in parts if p and "." in p and (domain_like(p.lower()) or _abbreviated(p, root))),
        None,
    )


#: A word whose dot marks an abbreviation: a capital and letters, of at most three ("St.",
#: "Dr.", "Inc.", "V.", "U.S."), a letter alone ("e. V."), or a company's form in any case.
#: A small word of two or three letters before a dot ends a sentence ("Rates cut. Now
#: what?", "The bill is law.": s34 acc-read #5)
_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,3}\.)+")
_COMPANY_FORM = re.compile(r"(?:corp|bros|gmbh|ltda|inc|ltd|co)\.", re.I)
#: An acronym with one dot, at its end: "UK.", "EU.", "NY." (a sentence's end)
_ACRONYM_DOT = re.compile(r"[A-Z]{2,3}\.")


#: A person's initials before a name ("R. K. Lilley", "John F. Kennedy"): a headline's
#: name, a book's author, not a site's abbreviations
_INITIALS = re.compile(r"(?:^|\s)[A-Z]\.\s+(?:[A-Z]\.\s+)*[A-Z][a-z]{2,}")


def _abbreviated(part: str, root: HtmlElement) -> bool:
    """Whether a <title> part is a name whose dots all mark abbreviations ("St. Louis
    Post-Dispatch", "U.S. News", "WEISSER RING e. V.", "Example Media Inc."): a name of a
    few words, not a headline's sentence ("… is over. Both sides lost.": a dot after a
    word of four letters; s33 acc-regress #6: such names gave way to the host; "Rates cut.
    Now what?": a small word's, a question; s34 acc-read #5), nor a headline naming a person
    by initials ("Sehnsucht von R. K. Lilley"), nor the page's <h1>, its headline."""
    words = part.split()
    capitals = part.isupper()
    return (
        len(words) <= 6
        and "?" not in part
        # (an acronym's dot in a part not in capitals ends a sentence: "Storm hits UK.
        # Thousands lose power" was the site's name; a name dots its letters, "U.S.";
        # s35 acc-read #16)
        and all(
            _abbreviation(w) and (capitals or _ACRONYM_DOT.fullmatch(w) is None)
            for w in words
            if "." in w
        )
        and _INITIALS.search(part) is None
        and not any(_equal_names(" ".join(h.text_content().split()), part) for h in root.iter("h1"))
    )


def _abbreviation(word: str) -> bool:
    """Whether a word's dots mark an abbreviation (:data:`_ABBREVIATION`): one that starts
    with a capital ("St.", "U.S."), or of lone letters ("e.", "e.V.": a registered
    association's, whose site name was lost to the host after s34's fix of "cut." above)."""
    if _COMPANY_FORM.fullmatch(word):
        return True
    return _ABBREVIATION.fullmatch(word) is not None and (
        word[0].isupper() or all(len(p) == 1 for p in word[:-1].split("."))
    )


def _extract_metadata(
    tree: HtmlElement | str, url: str | None, config: dict[str, Any], index: AttrIndex | None = None
) -> Any:
    """trafilatura.metadata.extract_metadata (2.x) without what the stages never read (the
    license, trafilatura's own ~0.6 ms a page; the host name, whose first reading loads
    tld's public suffix list, ~26 ms a process; no author blacklist), with the author,
    category and tag searches of :func:`_extract_author` and :func:`_extract_catstags`
    (no deep copy; expressions that cannot match skipped), and the page's head, meta and
    script elements found by one scan (:class:`_HeadScan`); the fields of :data:`META_KEYS`
    are equal to trafilatura's on every dev page (``research/metadata/lean_meta.py``)."""
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import Document as TrafilaturaDocument

    root = parse_html(tree) if isinstance(tree, str) else tree
    if root is None:
        return TrafilaturaDocument()
    if index is not None and index.tree is not root:
        index = None  # (another tree's)
    heads = _HeadScan(root)
    md = tm.examine_meta(heads)
    if md.tags:
        md.tags = _tags_as_written(heads, md.tags)
    if md.author and " " not in md.author and _CJK_META_NAME.fullmatch(md.author.strip()) is None:
        md.author = None
    in_meta = md.title
    with suppress(Exception):  # (trafilatura logs its JSON-LD bugs and goes on)
        md = _extract_meta_json(heads, md)
    if md.title and md.title != in_meta and " " not in md.title.strip():
        # a JSON-LD headline of one word: a template's placeholder ("escenic") where the
        # page's og:title and <h1> say the headline
        md.title = _headline_instead(root, md.title.strip(), 3) or md.title
    if not md.title:
        md.title = tm.extract_title(root)
    if not md.author:
        index = index or AttrIndex(root)
        md.author = _extract_author(root, index)
    if not md.url:
        md.url = tm.extract_url(root, url)
    if md.url:
        md.url = _archived_url(md.url)
    config = {**config, "url": md.url}
    with _htmldate_reads(heads):
        md.date = find_date(root, **config)
    if not md.sitename:
        md.sitename = _title_sitename(root)
    if md.sitename:
        md.sitename = md.sitename.lstrip("@")
        if md.sitename and "." not in md.sitename and not md.sitename[0].isupper():
            md.sitename = md.sitename.title()
    elif md.url:
        m = tm.META_URL.match(md.url)
        if m:
            md.sitename = m[1]
    if md.title and md.sitename and _equal_names(md.title, md.sitename):
        # the site's name for a title (a WebSite's JSON-LD name, "BMJV | Transparenz …"'s
        # first part): the page's own headline, if it names one beside the site
        md.title = _headline_beside_site(root, md.title, md.sitename) or md.title
    if not md.categories or not md.tags:
        index = index or AttrIndex(root)
        if not md.categories:
            md.categories = _extract_catstags("category", root, index, heads)
        if not md.tags:
            md.tags = _extract_catstags("tag", root, index, heads)
        if not md.tags:
            md.tags = _json_ld_tags(heads, md.sitename)
    md.filedate = config.get("max_date")
    md.clean_and_trim()
    return md


#: A JSON string literal, a run of characters outside strings that are neither white space
#: nor a quote, or a quote that opens no string (no closing quote): the pieces of a JSON
#: text that trafilatura's ``JSON_MINIFY.sub(r"\1", text)`` keeps, white space outside
#: strings being what it drops (see :func:`_extract_meta_json`).
_JSON_KEPT = re.compile(r'"(?:\\.|[^"\\])*"|[^\s"]+|"')


#: The ``type`` of the script elements trafilatura reads as JSON-LD (its expression
#: ``.//script[@type="application/ld+json" or @type="application/settings+json"]``)
_JSON_TYPES = ("application/ld+json", "application/settings+json")


class _HeadScan:
    """The ``head``, ``meta`` and ``script`` elements below a page's root, in document
    order, found by one scan of the tree (lxml's C tag scan): what trafilatura's OpenGraph,
    meta-tag, JSON-LD and section searches read. Each of those scanned the whole page
    (libxml2's ``.//head`` and ``.//script`` build a node set of every node first, and the
    ``.//head`` of ElementPath walks the tree): ~0.15-0.2 ms a page each on the trafeval dev
    pages, one scan ~0.15 ms.

    trafilatura's ``examine_meta`` and htmldate's ``examine_header`` and ``json_search``
    are given the scan for the tree (see :func:`_htmldate_reads`): their searches,
    :meth:`xpath` and :meth:`iterfind` of their own expressions, are answered from the scan
    (the same elements in the same order: tests/plugins/test_metadata.py), any other from
    the tree."""

    __slots__ = ("heads", "metas", "root", "schemas", "scripts")

    _OG = './/head/meta[starts-with(@property, "og:")]'
    _HEAD_METAS = ".//head/meta[@content]"
    _METAS = ".//meta"
    _JSON_SCRIPTS = './/script[@type="application/ld+json" or @type="application/settings+json"]'

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.heads: list[HtmlElement] = []
        self.metas: list[HtmlElement] = []
        self.scripts: list[HtmlElement] = []
        #: the parsed JSON of each of :meth:`json_scripts` (None: empty, not JSON, not read
        #: yet), as :func:`_extract_meta_json` read them, for :func:`_json_ld_tags`
        self.schemas: list[Any] = []
        lists = {"head": self.heads, "meta": self.metas, "script": self.scripts}
        for el in root.iterdescendants("head", "meta", "script"):
            lists[el.tag].append(el)

    def xpath(self, path: str, **kw: Any) -> Any:
        """The tree's ``xpath``; from the scan, trafilatura's OpenGraph expression (the meta
        children of a head below the root, with a ``property`` that starts with "og:") and
        the JSON-LD scripts' (:meth:`json_scripts`)."""
        if kw:
            return self.root.xpath(path, **kw)
        if path == self._OG:
            return [
                m
                for m in self.metas
                if m.get("property", "").startswith("og:")
                and (p := m.getparent()) is not None
                and p.tag == "head"
                and p is not self.root
            ]
        if path == self._JSON_SCRIPTS:
            return self.json_scripts()
        return self.root.xpath(path)

    def iterfind(self, path: str, namespaces: Any = None) -> Iterator[Any]:
        """The tree's ``iterfind``; from the scan, in ElementPath's order, trafilatura's
        meta-tag expression (the meta children with a ``content`` of each head in turn) and
        htmldate's (every meta element)."""
        if namespaces is None and path == self._HEAD_METAS:
            return (
                m
                for h in self.heads
                for m in h.iterchildren("meta")
                if m.get("content") is not None
            )
        if namespaces is None and path == self._METAS:
            return iter(self.metas)
        found: Iterator[Any] = self.root.iterfind(path, namespaces)
        return found

    def json_scripts(self) -> list[HtmlElement]:
        """trafilatura's JSON-LD (and settings) script elements."""
        return [s for s in self.scripts if s.get("type") in _JSON_TYPES]

    def in_head(self, el: HtmlElement) -> bool:
        """Whether ``el`` lies below a head element below the root."""
        for a in el.iterancestors():
            if a is self.root:
                return False
            if a.tag == "head":
                return True
        return False


#: A quote trafilatura's tag normalisation drops that is no apostrophe inside a word
_TAG_QUOTE = re.compile(r"\"|(?<!\w)'|'(?!\w)")


def _tags_as_written(heads: _HeadScan, tags: list[str]) -> list[str]:
    """``tags`` as examine_meta read them from the head's tag and keywords metas, each with
    its apostrophes inside words given back: trafilatura drops every quote of a tag ("Guide
    d'achat" became "Guide dachat", s49 acc-service S16). A tag is matched to the meta it
    came from by trafilatura's own normalisation of that meta's content."""
    from trafilatura import metadata as tm
    from trafilatura.utils import HTML_STRIP_TAGS, trim

    if not any("'" in m.get("content", "") or "&" in m.get("content", "") for m in heads.metas):
        return tags
    written: dict[str, str] = {}
    for m in heads.iterfind(_HeadScan._HEAD_METAS):
        if m.get("property", "").lower() != "article:tag" and (
            "property" in m.attrib or m.get("name", "").lower() not in tm.METANAME_TAG
        ):
            continue
        content = HTML_STRIP_TAGS.sub("", m.get("content", "")).strip()
        if content:
            as_written = ", ".join(
                filter(None, _TAG_QUOTE.sub("", trim(htmllib.unescape(content))).split(", "))
            )
            written.setdefault(tm.normalize_tags(content), as_written)
    return [written.get(t, t) for t in tags]


@contextmanager
def _htmldate_reads(heads: _HeadScan) -> Iterator[None]:
    """Within the block, htmldate's search of the meta elements (``examine_header``, its
    ``.//meta``) and of the JSON-LD scripts (``json_search``) of the page ``heads`` scanned
    read them from the scan (two whole-tree scans fewer, ~0.3 ms a page that has neither
    date; the same elements in the same order), any other tree its own."""
    import htmldate.core as hc

    header, scripts = hc.examine_header, hc.json_search  # type: ignore[attr-defined]

    def examine_header(tree: HtmlElement, options: Any) -> str | None:
        return header(heads if tree is heads.root else tree, options)

    def json_search(tree: HtmlElement, options: Any) -> str | None:
        return scripts(heads if tree is heads.root else tree, options)

    with patched((hc, "examine_header", examine_header), (hc, "json_search", json_search)):
        yield


def _without_live_updates(schema: Any) -> Any:
    """A JSON-LD script's object(s) with every LiveBlogPosting's ``liveBlogUpdate`` list
    left out (at the top or in an ``@graph``). trafilatura reads the updates in the
    posting's place: the blog's title was its first entry's headline, its authors those of
    the entries (none: the meta author alone, the second byline name lost; s32 news types
    #2). The page's own headline, authors and publisher are the posting's."""

    def bare(obj: Any) -> Any:
        if isinstance(obj, dict):
            kind = obj.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "liveBlogUpdate" in obj and any(
                isinstance(k, str) and k.lower() == "liveblogposting" for k in kinds
            ):
                return {k: v for k, v in obj.items() if k != "liveBlogUpdate"}
            if isinstance(graph := obj.get("@graph"), list):
                return {**obj, "@graph": [bare(g) for g in graph]}
        return obj

    if isinstance(schema, list):
        return [bare(o) for o in schema]
    return bare(schema)


#: A surrogate code point (what trafilatura's ``normalize_json`` drops)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _normalize_json(string: str) -> str:
    """trafilatura.json_metadata.normalize_json (2.3), the same string, for a page's whole
    JSON-LD text: the surrogates its ``\\u`` escapes may leave are dropped by one regular
    expression instead of trafilatura's Python test of every character of the text (~420,000
    characters over the 494 trafeval dev pages, whose scripts hold a backslash: ~0.2 ms a
    page). Equal strings: tests/plugins/test_metadata.py."""
    from trafilatura.json_metadata import JSON_UNICODE_REPLACE
    from trafilatura.utils import HTML_STRIP_TAGS, trim

    if "\\" in string:
        string = string.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        string = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), string)
        string = htmllib.unescape(_SURROGATE.sub("", string))
    return trim(HTML_STRIP_TAGS.sub("", string))


def _extract_meta_json(heads: _HeadScan, metadata: Any) -> Any:
    """trafilatura.metadata.extract_meta_json (2.3), the same metadata: the JSON-LD scripts'
    white space outside strings is dropped by joining the pieces :data:`_JSON_KEPT` finds
    instead of trafilatura's ``JSON_MINIFY.sub(r"\1", text)``. On Python 3.11 a replacement
    with a group reference is expanded by a Python function for every match (each string
    and each white-space character of the script): ~200 against ~90 µs a page on the dev
    pages. The kept text is the same (every script of the dev pages; a test), and so is its
    normalisation (:func:`_normalize_json`). The scripts are those of the page's
    :class:`_HeadScan`."""
    import json

    from trafilatura.json_metadata import extract_json, extract_json_parse_error

    scripts = heads.json_scripts()
    heads.schemas = [None] * len(scripts)
    for k, elem in enumerate(scripts):
        if not elem.text:
            continue
        element_text = _normalize_json("".join(_JSON_KEPT.findall(elem.text)))
        try:
            # (strict=False as trafilatura: control characters inside strings are read)
            schema = heads.schemas[k] = json.loads(element_text, strict=False)
            metadata = extract_json(_without_live_updates(schema), metadata)
        except json.JSONDecodeError:
            metadata = extract_json_parse_error(element_text, metadata)
    return metadata


def _json_ld_tags(heads: _HeadScan, site: str | None = None) -> list[str]:
    """The ``keywords`` of the page's JSON-LD article (:func:`_json_keywords`), [] if none,
    without a CMS's keys (:func:`_cms_key`; ``site``: the site's name, if known).
    trafilatura reads a page's keywords meta tag, not its article's JSON-LD "keywords": a
    page that gives its tags there alone had none (s45 acc-wire W7). Only scripts that hold
    the word are read: as :func:`_extract_meta_json` parsed them (once a page), or, where
    it could not (its normalised text broken: an unescaped "&quot;" inside a string), as
    written."""
    import json

    scripts = heads.json_scripts()
    parsed = heads.schemas if len(heads.schemas) == len(scripts) else [None] * len(scripts)
    for elem, schema in zip(scripts, parsed, strict=True):
        if not elem.text or '"keywords"' not in elem.text:
            continue
        if schema is None:
            try:
                schema = json.loads(elem.text, strict=False)
            except json.JSONDecodeError:
                continue
        if found := _json_keywords(schema):
            cased = any(not k.islower() for k in found)
            # (two keywords or more of a short key, a colon and a value: a CMS's fields,
            # "Time: 20.00", "WC: 2000-2999", "Partner: Factiva"; one is a title with a
            # colon, "Star Wars: The Last Jedi")
            fields = sum(1 for k in found if _KEYWORD_KEY.match(k)) >= 2
            return [
                k
                for k in found
                if not _cms_key(k, site, cased) and not (fields and _KEYWORD_KEY.match(k))
            ]
    return []


#: The JSON-LD types whose ``keywords`` are the page's tags: an article's or a posting's
#: ("NewsArticle", "BlogPosting", "ReportageNewsArticle", "LiveBlogPosting"), a web page's
_KEYWORDS_TYPES = re.compile(r"(?:Article|Posting|WebPage)$")


def _json_keywords(schema: Any, depth: int = 0) -> list[str]:
    """The ``keywords`` of the first article-like object of a JSON-LD ``schema`` (a string
    of comma-separated words or a list of strings; :data:`_KEYWORDS_TYPES`), found at its
    top, in a list or an ``@graph``; [] if none."""
    if depth > 3:
        return []
    if isinstance(schema, list):
        for item in schema:
            if found := _json_keywords(item, depth + 1):
                return found
        return []
    if not isinstance(schema, dict):
        return []
    if "@graph" in schema:
        return _json_keywords(schema["@graph"], depth + 1)
    types = schema.get("@type")
    types = types if isinstance(types, list) else [types]
    if not any(isinstance(t, str) and _KEYWORDS_TYPES.search(t) for t in types):
        return []
    keywords = schema.get("keywords")
    if isinstance(keywords, str):
        keywords = _TAG_SEP.split(keywords)
    if not isinstance(keywords, list):
        return []
    found = [k.strip() for k in keywords if isinstance(k, str) and k.strip()]
    if len(found) > _KEYWORDS_MAX:
        return []  # (a site's list of its editions or an SEO dump, no article's tags)
    return found


#: The most JSON-LD keywords taken as tags (more: none)
_KEYWORDS_MAX = 20
#: A CMS's field written as a keyword: a key and its value without a space between
#: ("Tag:Recherche", "Lite:true"), a flag's value ("Sponsored: false"), or a field's name
#: before its value ("Day: Wednesday", "Category: Review"). Not a title with a colon:
#: "Star Wars: The Last Jedi", "Covid-19: Impfung" (s46 acc-read F13)
_KEYWORD_FIELD = re.compile(
    r"[^\s:]+:\S|[^:]{1,25}:\s*(?:true|false|yes|no|\d+)$"
    r"|(?i:day|type|tag|tags|category|categories|section|author|format|template|layout"
    r"|channel|subtype|content[ _-]?type|page[ _-]?type)\s*:",
    re.I,
)
#: A keyword written as a field: a key of one or two words, a colon, a value
_KEYWORD_KEY = re.compile(r"[^\s:]+(?: [^\s:]+)?:\s")
#: An address as a keyword: a URL, a host name "www.…", or one with a subdomain
#: ("MA_Abington - abington.wickedlocal.com"). Not a brand named by its domain:
#: "Booking.com", "Amazon.com" (s46 acc-read F13)
_KEYWORD_ADDRESS = re.compile(r"://|\bwww\.|\b[a-z0-9-]+\.[a-z0-9-]+\.[a-z]{2,}\b")
#: The fewest letters of a machine's name written as one word in small letters
#: ("serversidehawk", "videoarticle"), when the other keywords are written in case
_KEYWORD_MACHINE = 12
#: A CMS's generic flags given as keywords: a teaser's or a layout's marks, no subject
#: ("Popular", "Featured", "Top-Thema", "Neu", "Long"); compared case- and hyphen-blind
_KEYWORD_FLAGS = frozenset(
    [
        "popular", "featured", "trending", "breaking", "new", "neu", "nouveau", "nuevo",
        "nuovo", "long", "short", "top", "top-story", "top-thema", "topthema", "hot",
        "exclusive", "exklusiv", "sponsored", "premium", "paid", "free", "paywall",
        "video", "videoarticle", "editors-pick", "must-read",
        "highlight", "highlights", "aufmacher", "teaser", "slider", "hero",
    ]
)  # fmt: skip


def _slug(keyword: str) -> bool:
    """Whether ``keyword`` is a slug: words of small letters joined by hyphens, no space
    ("breaking-news", "изменение-климата")."""
    parts = keyword.split("-")
    return len(parts) > 1 and keyword.islower() and all(p.isalpha() for p in parts)


def _cms_key(keyword: str, site: str | None, cased: bool = False) -> bool:
    """Whether a JSON-LD ``keyword`` is a CMS's key, not a tag, by its form: a field
    (:data:`_KEYWORD_FIELD`), an address (:data:`_KEYWORD_ADDRESS`), a generic flag
    (:data:`_KEYWORD_FLAGS`), a slug (:func:`_slug`: "breaking-news",
    "werkstatt-highlights"), the ``site``'s own name ("The Economist" on The Economist's
    pages), or (``cased``: the other keywords are written in case) a machine's name, one
    long word in small letters (:data:`_KEYWORD_MACHINE`). The tags of a JSON-LD article
    brought "serversidehawk", "breaking-news", "Popular" and the outlet's name (s46
    acc-regress R9)."""
    low = keyword.casefold()
    return (
        (cased and len(keyword) >= _KEYWORD_MACHINE and keyword.isalpha() and keyword.islower())
        or _KEYWORD_FIELD.match(keyword) is not None
        or _KEYWORD_ADDRESS.search(keyword) is not None
        # (in any script: "изменение-климата" passed where its Latin twin was a key; s47
        # read F9. A site that writes all its keywords in small letters still has slugs
        # among them: "mtb-montage", "werkstatt-highlights" beside "tubeless")
        or _slug(keyword)
        or "-".join(low.split()) in _KEYWORD_FLAGS
        or (site is not None and low == site.casefold())
    )


_TAG_SEP = re.compile(r"[,;，、،]")  # (and the Arabic comma: "أوروبا، إرتكاس")
#: Tags that are a CMS's flags, not a subject (a blog's default category, a page type, a
#: layout switch): "post", "Uncategorized", "No Autolink", "Homepage", "Front Page"
_CMS_FLAGS = frozenset(
    [
        "post",
        "page",
        "homepage",
        "home-page",
        "frontpage",
        "front-page",
        "no-autolink",
        "google-news",
        "seo",
        "uncategorized",
        "uncategorised",
        "allgemein",
        "sin-categoría",
        "non-classé",
    ]
)


def _cms_flag(tag: str) -> bool:
    """Whether ``tag`` is a CMS's flag rather than a subject: one of :data:`_CMS_FLAGS`, a
    machine name ("ctp_video", "autoplay_video") or a handle ("@lll")."""
    return (
        "-".join(tag.casefold().split()) in _CMS_FLAGS
        or tag.startswith("@")
        or ("_" in tag and " " not in tag)
    )


#: A copyright notice in a site name: the sign, "(c)", "copyright" and a year ("all rights
#: reserved" after one run of white space: see :data:`_NOTICE_YEARS`)
_COPY_MARK = re.compile(
    r"(?i)(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b)?(?:\s*by\b)?"
    r"|(?<!\s)\s*(?:[-–|,]\s*)?all rights reserved\.?"
)


#: A copyright notice's year or years at a name's end ("The Harbour Times 2024", "ACME
#: 2010-2024"), once its sign is taken off. (Started only where a run of white space
#: starts, and with one run of white space before a dash, not two side by side: a run of
#: n spaces was split every way from each of its places, O(n³) for the search; a 2 KB
#: site name took 15 s, s36 acc-read F12)
_NOTICE_YEARS = re.compile(r"(?<!\s)\s*(?:[-–,]\s*)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\W*$")


#: A site name that names nothing: digits and their separators (a date, a number).
_NO_NAME = re.compile(r"[\d\s./:,-]+")


def meta_fields(meta: dict[str, Any]) -> dict[str, Any]:
    """Title, authors, site name and tags (record fields) from trafilatura's metadata."""
    out: dict[str, Any] = {}
    if meta.get("title"):
        out["title"] = meta["title"]
    author = meta.get("author")
    if isinstance(author, str) and author:
        # trafilatura joins the page's author fields with "; " as written
        names = [n for a in htmllib.unescape(author).split(";") for n in author_field_names(a)]
        if names:
            out["authors"] = list(dict.fromkeys(names))
    site = meta.get("sitename")
    if isinstance(site, str) and site:
        # "&amp;copy; 2016 aryanews.com", "Guinéenews©": the name, without the notice
        # (unescaped twice: pages escape their entities twice, "&amp;copy;")
        written = htmllib.unescape(htmllib.unescape(site))
        site = _COPY_MARK.sub(" ", written)
        if site != written:
            # (the notice's year after the name: "© The Harbour Times 2024"; s35 hygiene F8)
            site = _NOTICE_YEARS.sub("", site)
        site = site.strip(" -|,")
        # (an address for a name, "https://www.hawaiinewsnow.com": its host)
        site = address_host(site)
        if site and not _NO_NAME.fullmatch(site):  # (a date, "02.11.2021": no site's name)
            out["site_name"] = " ".join(site.split())
    tags = [*(meta.get("categories") or []), *(meta.get("tags") or [])]
    described = _compact(meta.get("description") or "") or None
    # a keywords meta tag is one string, "grenzen, selbstfürsorge, achtsamkeit": its tags
    # (its references read first: a page escaping its entities twice, "Body &amp;amp;
    # Fitness", gave the tag "Body &amp" split at the reference's ";"); not the page's
    # description given as its keywords, which a split at its commas made "tags" of its
    # clauses ("in dem behauptet wird"; s43 acc-index #8)
    tags = [
        p
        for t in tags
        if isinstance(t, str) and not (described and _compact(t) == described)
        for p in _TAG_SEP.split(htmllib.unescape(t))
    ]
    # (a machine's prefix off before a CMS's flag is told: "type:post")
    tags = [untyped(t.strip()) for t in tags]
    tags = list(dict.fromkeys(t for t in tags if t and not _cms_flag(t)))
    if tags:
        out["tags"] = tags
    return out


#: A copyright notice's mark and what may stand between it and its holder's name: years,
#: markup comments, white space ("© <!-- -->2019<!-- --> Condé Nast", "Copyright (c)
#: Condé Nast 2019", "&copy; 2020 Prisma Média")
_COPYRIGHT_BEFORE = re.compile(
    r"(?:" + _COPYRIGHT_MARK + r"|&copy;|&#169;)"
    r"(?:\s|<!--.{0,20}?-->|(?:19|20)\d\d|[-–,:]|\(c\))*$",
    re.I,
)
#: What follows a notice's holder: its year or its reservation ("Condé Nast 2019", "Condé
#: Nast. All rights reserved", "Prisma Média - Tous droits réservés"), in the languages of
#: the text's notices (:data:`.text._RIGHTS_WORDS`), read on the markup unescaped ("Tous
#: droits r&eacute;serv&eacute;s")
_COPYRIGHT_AFTER = re.compile(r"\W{0,4}(?:(?:19|20)\d\d|" + _RIGHTS_WORDS + ")", re.I)
#: A notice's year between its mark and the holder's name
_NOTICE_YEAR = re.compile(r"(?:19|20)\d\d")
#: How much markup after a holder's name :data:`_COPYRIGHT_AFTER` reads
_AFTER_CHARS = 80


def copyright_holder(content: str, name: str) -> bool:
    """Whether the page's markup ``content`` names ``name`` as its copyright holder (a
    notice's mark right before the name, and its year or reservation: a photo's credit,
    "© Marcus Bensmann" under a picture, names its author): the site's owner, which sites
    put in their ``author`` meta beside the writers' names ("Condé Nast" with "Molly Wood"
    on wired.com, "Prisma Média" on gala.fr; s43 acc-index #7). An empty name is none (the
    search stood still at it)."""
    if not name.strip():
        return False
    at = content.find(name)
    while at >= 0:
        notice = _COPYRIGHT_BEFORE.search(content, max(0, at - 60), at)
        if notice is not None and (
            # (a year: the digits of the mark's entity, "&#169;", are none; a photo's
            # credit so written was taken for a notice; s44 acc-read F16)
            _NOTICE_YEAR.search(notice.group()) is not None
            or _COPYRIGHT_AFTER.match(
                htmllib.unescape(content[at + len(name) : at + len(name) + _AFTER_CHARS])
            )
            is not None
        ):
            return True
        at = content.find(name, at + len(name))
    return False


# --- trafilatura's author, category and tag searches (see htmltree.AttrIndex) ---


#: A tag page's path by its number, "/t/12" (an alternative of trafilatura's "/tags?/")
_TAG_NUMBER_PATH = r"|/t/\d+(?:[/?#]|$)"


def _extract_catstags(
    metatype: str, tree: HtmlElement, index: AttrIndex, heads: _HeadScan
) -> list[str]:
    """trafilatura.metadata.extract_catstags, skipping the expressions that cannot match
    (``heads``: the tree's :class:`_HeadScan`)."""
    from trafilatura.baseline import block_text
    from trafilatura.utils import line_processing

    results: list[str] = []
    regexpr = "/" + metatype.rstrip("y") + "(?:y|ies|s)?/"
    if metatype == "tag":
        # (and a tag's page by its number, "/t/12", in a tag list's markup: a site's tags
        # were none, s45 acc-wire W7)
        regexpr += _TAG_NUMBER_PATH
    for catexpr, needles in with_needles(
        "CATEGORIES_XPATHS" if metatype == "category" else "TAGS_XPATHS"
    ):
        if not index.may_match(needles):
            continue
        results.extend(
            block_text(elem)
            for elem in links_below(catexpr, tree)
            if re.search(regexpr, elem.attrib["href"])
        )
        if results:
            break
    if metatype == "category" and not results:
        results.extend(element.attrib["content"] for element in _section_metas(heads))
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


def _section_metas(heads: _HeadScan) -> list[Any]:
    """trafilatura's ``.//head//meta[@property="article:section" or contains(@name,
    "subject")][@content]``, the same elements in document order, from the page's
    :class:`_HeadScan`: its meta elements below a head (libxml2's ``.//head`` builds a node
    set of the whole document first: ~0.2 ms a page)."""
    return [
        m
        for m in heads.metas
        if (m.get("property") == "article:section" or "subject" in m.get("name", ""))
        and m.get("content") is not None
        and heads.in_head(m)
    ]


#: A Chinese or Korean person's name as an author meta gives it, without a space ("林佳琪",
#: "박지현"; a one-word author meta is dropped as a handle or a site's, and the byline's
#: reading, "聯合報", took its place; s50 acc-scripts N8): 2..4 Han or Hangul characters,
#: none ending like an outlet's name (社, 报, 網, 台, 일보, 뉴스 ...), none a CMS's default
#: author or a role's word: 관리자 (GnuBoard's, XE's "administrator"), 佚名 ("anonymous"),
#: 小编 ("the editor"), 管理员, 本站, 网友 ... (read51 F9)
_CJK_META_NAME = re.compile(
    r"(?!(?:관리자|운영자|편집자|편집부|기자|佚名|匿名|小编|小編|编辑|編輯|管理员|管理員|本站|网友|網友"
    r"|记者|記者|作者|站长|站長|管理者|編集部|匿名希望)$)"
    r"(?![\u4e00-\u9fff\uac00-\ud7af]*(?:社|报|報|网|網|台|闻|聞|刊|站|部|局|日|일보|뉴스|방송|신문)$)"
    r"[\u4e00-\u9fff\uac00-\ud7af]{2,4}"
)
#: The longest text of a byline element read block by block (:func:`_byline_blocks`): a name
#: and a date line or two. (A longer one is a section, "Richtlinien für Autor/innen" over an
#: author guide's paragraphs, or a comment, which trafilatura's 120 characters pass over)
_BYLINE_BLOCKS_CHARS = 160
#: The digits from which a block of a byline element is a date or a number, no name
_BLOCK_DIGITS = 4


def _byline_blocks(elem: HtmlElement) -> list[str] | None:
    """The texts of a byline element's blocks (its child elements, when it has two or more
    and no text of its own) that hold no date or number (:data:`_BLOCK_DIGITS` digits or
    more, in any script); None for another element. Joined, a name's block and the date's
    under it read as one name ("كتب أحمد سمير" + "الأربعاء، ٢٥ نوفمبر ٢٠٢٦": "أحمد سمير
    الأربعاء"; "송고 2026.11.26 14:30" + "김민수 기자": "송고"; s50 acc-scripts N8)."""
    kids = [k for k in elem if isinstance(k.tag, str)]
    if len(kids) < 2 or (elem.text or "").strip():
        return None
    texts = [" ".join(k.itertext()).strip() for k in kids]
    kept = [t for t in texts if t and sum(map(str.isdigit, t)) < _BLOCK_DIGITS]
    return None if len(kept) == len([t for t in texts if t]) else kept


#: A source's label and its value: a credit of the outlet, no person ("来源：人民网", "出典：")
_SOURCE_LABEL = re.compile(r"(?:来源|來源|出典|出处|出處|source|quelle)\s*[:：]", re.I)


def _label_and_date(content: str) -> bool:
    """Whether a byline element's text ``content`` is a date's line and no name: a date or
    a number (:data:`_BLOCK_DIGITS` digits or more) after one word at most (a label:
    "วันที่ 20 พฤศจิกายน 2569 - 14:05 น.", Thai's "date"), its other parts apart by a bar a
    source's credit at most ("2026年11月19日09:16 | 来源：人民网－人民日报"). Read as a name, the
    label or the source was the author (s50 acc-scripts N8)."""
    if sum(map(str.isdigit, content)) < _BLOCK_DIGITS:
        return False
    parts = [p.strip() for p in re.split(r"\s[|｜]\s", content) if p.strip()]
    for p in parts:
        if _SOURCE_LABEL.match(p):
            continue
        first = next((k for k, ch in enumerate(p) if ch.isdigit()), None)
        if first is None or len(p[:first].split()) > 1:
            return False
        # (a capitalised word after the date may be a name: "Posted 12/03/2020 by Jane Doe",
        # "Datum: 19.11.2021 Autor: Fritz Imhof" are read as before)
        if any(w[:1].isupper() for w in p[first:].split()):
            return False
    return True


#: A reader's comment's element, by a class or an id of it ("comment", "commentlist",
#: "div-comment-49606", "comment-body"), or the form to write one ("comment-respond",
#: "comment-form", "comment-form-author": its field's label "Name" was the author)
_COMMENT_MARK = re.compile(
    r"(?:div-)?comments?(?:-?list|-body|-content|-respond|-form(?:-[a-z]+)?|-\d+)?|respond",
    re.I,
)


def _in_comment(ancestors: list[HtmlElement]) -> bool:
    """Whether one of ``ancestors`` (a byline element's) is a reader's comment
    (:data:`_COMMENT_MARK`): its "author" is the commenter, its blocks the comment's
    sentences ("Ebenfalls alles Gute, du bist meine erste Kommentiererin …" was a blog
    post's author; s51 regress R5)."""
    for a in ancestors:
        if not isinstance(a.tag, str):
            continue
        for tok in (*(a.get("class") or "").split(), a.get("id") or ""):
            if tok and _COMMENT_MARK.fullmatch(tok) is not None:
                return True
    return False


#: The most words of a byline element's block that reads as a name (:func:`_name_block`)
_NAME_BLOCK_WORDS = 4


def _name_block(parts: list[str]) -> str | None:
    """The first of a byline element's blocks (:func:`_byline_blocks`) that reads as a
    name: two or three words written as a name's (:func:`.text._person_like`), or a few
    words of a script without letter case ("أحمد سمير", "김민수 기자") with no sentence's
    mark; None when none does (the first block then: "Earthliŋ" / "Earthliŋ" read whole
    was the name twice). The first block may be a standfirst ("Poet whose spare, luminous
    collections …" over "Richard Holloway"; s51 regress R5)."""
    # (a cased name first, then a caseless script's words — which have letters: a separator
    # "·" has no case either, and hid the name after it; s52 acc-read F12)
    for part in parts:
        if _person_like(part):
            return part
    for part in parts:
        if (
            0 < len(part.split()) <= _NAME_BLOCK_WORDS
            and any(c.isalpha() for c in part)
            and not any(c.lower() != c.upper() for c in part)
            and not any(c in part for c in ",.;:!?،؛")
        ):
            return part
    return None


def _extract_author(tree: HtmlElement, index: AttrIndex) -> str | None:
    """trafilatura.metadata.extract_author without its deep copy of the page and without
    a full-document scan per expression.

    trafilatura prunes a copy of the tree (``AUTHOR_DISCARD_XPATHS``: comments, sidebars,
    ``time``, ``figure`` ...) and takes the first match of its author expressions on the
    pruned copy with 3 to 119 characters of text. Those expressions test an element's own
    name and attributes only, so here each one is tested on the candidates of the
    attribute index (every element it can match, in document order): the same matches
    as on the whole tree. A match is pruned in trafilatura's copy when it or an ancestor
    (not the root, which trafilatura's ``delete_element`` leaves) matches a discard
    expression; a match with a pruned element inside (whose text the pruning changes) and
    a page with a ``rel`` element (``rel='me'`` tests a child's text) go to trafilatura's
    own function. Identical results on every dev page (``research/metadata/lean_meta.py``)
    before this path began to read a match further than trafilatura does (a byline's blocks,
    a reader's comment skipped, a date's line, a CJK or a blog platform's byline; s50, s51):
    the pages sent to trafilatura's own function are read as trafilatura reads them."""
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.metadata import extract_author
    from trafilatura.utils import trim

    if tree.getparent() is not None:  # (trafilatura copies the subtree: its own function)
        return extract_author(tree)
    discard = [local_forms(o.path) for o, _ in with_originals("AUTHOR_DISCARD_XPATHS")]
    for original, needles in with_originals("AUTHOR_XPATHS"):
        if needles is None:  # (another trafilatura release: its own function)
            return extract_author(tree)
        if not index.may_match(needles):
            continue
        if "rel" in index.elements:
            return extract_author(tree)
        matches = local_forms(original.path)[0]
        for elem in index.candidates(needles):
            if not matches(elem):
                continue
            lineage = [elem, *elem.iterancestors()]
            lineage.pop()  # the root (trafilatura's delete_element leaves it)
            if any(here(a) for a in lineage for here, _ in discard):
                continue  # pruned from trafilatura's copy
            if any(below(elem) for _, below in discard):
                return extract_author(tree)
            if _in_comment(lineage[1:]):
                continue  # (a reader's comment's author: "comment-author vcard")
            content = trim(" ".join(elem.itertext()))
            if len(content) < _BYLINE_BLOCKS_CHARS and (parts := _byline_blocks(elem)) is not None:
                if not parts:
                    continue  # (dates and numbers only: "کد خبر: ۱۴۰۵…" / "۱ آذر ۱۴۰۵")
                content = trim(_name_block(parts) or parts[0])
            if content and 2 < len(content) < 120:
                if _label_and_date(content):
                    # (a date's line: "วันที่ 20 พฤศจิกายน 2569", "2026年…| 来源：…"; no name,
                    # and none from the next match either, as trafilatura reads the first: an
                    # element's label, "Datum:", was the author, livenet.ch)
                    return None
                if (names := cjk_byline(content) or cjk_reporters(content)) is not None:
                    # (as a plain text's byline is read: "김민수 기자", "记者 王小明 李华",
                    # "澎湃新闻记者 陈琳")
                    return "; ".join(names)
                if (names := blog_byline_names(content)) is not None:
                    # (a blog's "Pubblicato il 2 novembre 2026 da Giorgio Bassi": trafilatura
                    # kept the label, "Pubblicato il", its date and names cut; s51 acc-blogs
                    # B10)
                    return "; ".join(names)
                return normalize_authors(None, content)
    return None
