"""The ``metadata`` stage: title, authors, site name, publication date and tags.

Plain text is read as the page shows it (:mod:`.text`): the headline near the top of the
article, a byline ("By A and B"), date lines in every common written form and ~20
languages, a site name on the first line, a tag line at the end. Candidate dates and title
lines are ranked by small linear models trained offline (``model.json``; see
``research/metadata``). HTML goes through trafilatura's metadata, and its date through a
ranker over htmldate, the page's structured date and the dates of its text (:mod:`.html`);
the page is parsed once, or not at all when the boilerplate stage left its parse tree and
trafilatura's metadata in ``doc.work`` (``html_tree``, ``trafilatura_meta``). Plain text is
not split into lines again when the boilerplate stage left its split of the same text
(``doc.work["text_lines"]``: the text, its lines, the indices of the non-blank ones and those
lines stripped).

A WARC capture (``fetched_at``, or the HTTP ``Date`` / ``Last-Modified`` headers) bounds the
publication date: a date after it is never chosen; relative dates ("3 hours ago") are
resolved against it, on the capture's own clock (a capture time without an offset is UTC),
and two-digit years read against its year. Without a capture, today's date in UTC is the
bound and the reference (never the machine's time zone). Fields already set (by the input,
e.g. a JSONL ``title``) are kept.
The lines recognised as metadata (title, byline, date line, update-time line, tag line, site
name) are removed from ``text``. The evidence goes under ``annotations.metadata``: every
candidate date with where it was found and its score, the chosen one, a confidence, and the
source of each field.
"""

from __future__ import annotations

import html as htmllib
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from functools import partial
from itertools import chain
from typing import Any
from urllib.parse import urlsplit

from lxml.html import defs as html_defs

from corearchive import Document, Drop, Stage, hookimpl, option
from corearchive import lazyre as re
from corearchive.characters import REFERENCE, TAG, shortened, tidy_field
from corearchive.document import MAX_NAME_CHARS, MAX_NAMES, MAX_TITLE_CHARS
from corearchive.schema import ISO_DATE_OFFSET_PATTERN

from .. import correction_pattern, is_post
from ..boilerplate.htmltree import PERMALINK_MARKS
from ..boilerplate.reflow import Reflowed, front_matter_lines, named_markdown, reflow_text
from ..boilerplate.verdicts import VERDICTS_KEY, LineVerdicts
from . import model as ranker
from .html import (
    copyright_holder,
    html_candidates,
    html_value,
    jsonld_spans,
    meta_fields,
    parse_html,
    trafilatura_meta,
    tree_to_text,
)
from .interstitial import interstitial, listing_units
from .original import original_date
from .text import (
    _BY_WORD,
    _CLOSERS,
    _TITLE_SEP,
    CLOCK_CONFIDENCE,
    HASHTAG_SPACE,
    OLDEST_YEAR,
    DateLines,
    LineSplit,
    Page,
    _compact,
    _segment_cut,
    _slug_tokens,
    _slug_words,
    _url_parts,
    after_reference,
    aside_date,
    author_field_names,
    bracketed_tags,
    choose_posted,
    day_first_locale,
    earliest_year,
    extract,
    extract_lines,
    find_dates,
    front_matter_url,
    hashtag_split,
    headline_of,
    iso_value,
    labelled_tags,
    labelled_update_lines,
    line_index,
    line_split,
    n_words,
    opening_date_lines,
    order_evidence,
    over_the_story,
    parse_capture,
    person_name,
    piece_of_sentence,
    place_words,
    placeholder_day,
    reference_day,
    reference_years,
    related_label,
    resolve_ambiguous,
    section_label,
    share_name,
    short_byline,
    site_as_author,
    site_clock,
    site_name_of,
    title_site,
    unhashed,
    untyped,
    update_lines,
    without_site,
)
from .wire import agency, byline_names, credits, split_authors

__all__ = ["MetadataOptions", "MetadataStage", "extract", "find_dates"]

#: An archived copy's address (Wayback Machine and the archives that copy its scheme): the
#: capture's timestamp, a replay flag, then the original page's address
_ARCHIVED = re.compile(
    r"^https?://[^/]+/(?:[a-z-]+/){0,2}(?P<when>\d{8,14})[a-z_]*/(?P<url>(?:https?:)?//.+)$"
)
#: How many days a server's HTTP Date may be from the capture's before its clock is taken
#: for wrong (time zones and a crawler's queue put them a day apart)
_CLOCK_SKEW_DAYS = 2
#: How far into an HTML page's extracted text a byline is looked for
_HTML_BYLINE_LINES = 8
#: How far into an HTML page's extracted text its headline is looked for (below a kicker
#: or a section line, above the byline)
_HTML_HEADLINE_LINES = 3


#: A run of blank lines (whitespace only) after a line break, then the break before the next
#: line: the first blank line is group 1 (``[^\S\n]`` is the whitespace str.strip removes,
#: but the line break)
_BLANK_RUN = re.compile(r"(\n[^\S\n]*)(?:\n[^\S\n]*)+(?=\n)")
#: The blank lines at the start of a text
_LEADING_BLANK = re.compile(r"(?:[^\S\n]*\n)+")


#: The meta elements that state a page's modification time (Open Graph's, schema.org's
#: microdata)
_MODIFIED_METAS = ("article:modified_time", "og:updated_time", "datemodified")
#: JSON-LD's modification time (in a ld+json script)
_JSONLD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]{4,40})"')
#: (ASCII digits: the record schema's pattern is read so; "২০২০-০৮-২৯T১০:৪৬:০৬+০১:০০", a
#: Bengali page's dateModified, failed the record's validation and lost the record)
_ISO_VALUE = re.compile(ISO_DATE_OFFSET_PATTERN, re.ASCII)


#: An ISO 8601 date-time as markup writes it besides the record's form: its offset without
#: a colon (Facebook's "+0000"), a space for the "T", or no zone (no instant: its date)
_ISO_LOOSE = re.compile(
    r"(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d:?\d\d)?)?",
    re.ASCII,
)


def _iso(v: str) -> bool:
    """Whether ``v`` is a time in the record's ISO 8601 form on a day of the calendar from
    :data:`OLDEST_YEAR` on: WordPress writes "0000-00-00 00:00:00" for a post never
    modified, and "2024-02-30" is no day (s46 acc-read F11)."""
    if not _ISO_VALUE.fullmatch(v):
        return False
    try:
        return date.fromisoformat(v[:10]).year >= OLDEST_YEAR
    except ValueError:
        return False


def _modified_value(v: str) -> str | None:
    """Markup's modification time ``v`` in the record's ISO 8601 form (:data:`_ISO_LOOSE`),
    or None (and None for a day that is none, :func:`_iso`)."""
    if _ISO_VALUE.fullmatch(v):
        return v if _iso(v) else None
    m = _ISO_LOOSE.fullmatch(v)
    if m is None:
        return None
    day, clock, zone = m.groups()
    if clock is None or zone is None:
        value = day
    else:
        value = f"{day}T{clock}{zone if ':' in zone or zone == 'Z' else zone[:3] + ':' + zone[3:]}"
    return value if _iso(value) else None


def _markup_modified(metas: list[Any], html: str) -> dict[str, str] | None:
    """The modification time an HTML page's markup states (:data:`_MODIFIED_METAS`, JSON-LD's
    ``dateModified``), as :func:`_updated` records it, or None: the first in the record's
    ISO form, a meta's before JSON-LD's, else the first of another form made ISO by
    :func:`_modified_value` ("+0000", a zone-less time). A meta's value of another form was
    none, and hid JSON-LD's (s45 read F11)."""
    found: list[tuple[str, str]] = []
    for meta in metas:
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _MODIFIED_METAS and (v := (meta.get("content") or "").strip()):
            found.append((v, f"html (meta {key})"))
    if not any(_iso(v) for v, _ in found):
        # (JSON-LD's is read only when no meta's is of the record's form: a meta's comes
        # first)
        for at, end in jsonld_spans(html):
            if (m := _JSONLD_MODIFIED.search(html, at, end)) is not None:
                found.append((m.group(1).strip(), "html (JSON-LD dateModified)"))
                break
    for v, where in found:
        if _iso(v):
            return {"value": v, "where": where, "text": v, "label": "modified"}
    for v, where in found:
        if (value := _modified_value(v)) is not None:
            return {"value": value, "where": where, "text": v, "label": "modified"}
    return None


#: The cues of a date that tells when the page was changed: an update's label ("Updated",
#: "Aktualisiert", "Обновлено"), a correction's ("Corrected on", "Korrektur")
_CHANGE_CUES = frozenset({"updated", "correction"})


def _updated(
    dates: list[dict[str, Any]],
    chosen: int | None,
    marked: dict[str, str] | None,
    aside: Set[int] = frozenset(),
) -> dict[str, str] | None:
    """When the page was last changed, as it states it: the latest of the dates under an
    update's or a correction's label (``dates``, the stage's candidates, but those at
    ``aside``: another text's, :func:`.text.aside_date`) and the markup's modification time
    (``marked``: :func:`_markup_modified`), not before the publication date
    (``dates[chosen]``); with where it was read, the date as written and its label
    (updated, correction, modified). Which state of a live blog or a corrected story a
    capture holds was not recorded (s44 acc-genres G14); a related teaser's "Updated March
    20, 2024" was the page's (s45 read F10)."""
    found = [
        {"value": d["value"], "where": d["where"], "text": d["text"], "label": cue}
        for k, d in enumerate(dates)
        if (cue := d.get("cue")) in _CHANGE_CUES
        and k not in aside
        and _ISO_VALUE.fullmatch(d.get("value") or "")
    ]
    if marked is not None:
        found.append(marked)
    if chosen is not None:
        day = dates[chosen]["value"][:10]
        found = [u for u in found if u["value"][:10] >= day]
    if not found:
        return None
    # (the latest by its day, then its time as written: "2024-01-15T14:32:00Z" after
    # "2024-01-15")
    return max(found, key=lambda u: (u["value"][:10], len(u["value"]), u["value"]))


#: A correction's word after an update's date on its line ("Last updated: 12 July 2024
#: (correction to paragraph 2)", "Aktualisiert am 3. Mai 2024, Korrektur in Absatz 4"), on
#: lowercased text; not a name's ("Department of Corrections")
_CORRECTION_AFTER = re.compile(correction_pattern())


def _correction_label(
    updated: dict[str, str], where_lines: tuple[str, Callable[[], list[str]]] | None
) -> dict[str, str]:
    """``updated`` labelled a correction when its line says the change was one after the
    date, "Last updated: 12 July 2024 (correction to paragraph 2)" (an update's label
    before it): the dedup stage keeps such a text at another address of the host as a
    revision (s47 acc-gov G8), and the line itself leaves the text as the update's.
    ``where_lines``: how a date's ``where`` names its line, and the lines it counts."""
    if updated["label"] != "updated" or where_lines is None:
        return updated
    prefix, get = where_lines
    where = updated["where"]
    if not where.startswith(prefix) or not (n := where[len(prefix) :]).isdecimal():
        return updated
    lines = get()
    line = lines[int(n)] if int(n) < len(lines) else ""
    at = line.find(updated["text"])
    if at >= 0 and _CORRECTION_AFTER.search(line[at + len(updated["text"]) :].lower()):
        return {**updated, "label": "correction"}
    return updated


def _is_host(name: str, url: str | None) -> bool:
    """Whether a site's name is the host of the page's address ``url`` ("diariodelsur.es",
    "www.diariodelsur.es", "Space.com" at www.space.com), whatever its case."""
    if " " in name or (parts := _url_parts(url)) is None:
        return False
    host = parts[0]
    return bool(host) and name.casefold().removeprefix("www.") == host.removeprefix("www.")


def _address_for_name(name: str, segment: str) -> bool:
    """Whether ``name``, the host of the page's address (:func:`_is_host`), is an address
    that the ``<title>``'s segment ``segment`` names better: written in lower case, as
    trafilatura takes it from the URL ("diariodelsur.es" for "Diario del Sur"); or the
    segment spells it in words an address cannot write, with a space or an apostrophe
    ("LExpress.fr" for "L'Express", "ELESPECTADOR.COM" for "EL ESPECTADOR"). A name written
    with capitals and its domain's suffix is the site's as it writes it ("Space.com",
    "Chefkoch.de": an og:site_name), not "Space" (s45 left45 item 5)."""
    return name == name.lower() or re.search(r"[\s'’]", segment) is not None


#: How many of a plain text's first lines its headline is looked for in (for the credits
#: around it)
_TITLE_REACH = 200


def _tidy_blank_lines(text: str) -> str:
    """``text`` with a blank line (whitespace only) kept only between two lines that are
    not, the first of a run of them: no blank line at its start or end, and one for a run
    ("" if every line is blank)."""
    if not text or text.isspace():
        return ""
    if (m := _LEADING_BLANK.match(text)) is not None:
        text = text[m.end() :]
    text = _BLANK_RUN.sub(r"\1", text)
    # (the blank lines at the end: a run there is no run between two lines)
    cut = text.rfind("\n") + 1
    while cut and (cut == len(text) or text[cut:].isspace()):
        text = text[: cut - 1]
        cut = text.rfind("\n") + 1
    return text


@dataclass(frozen=True)
class MetadataOptions:
    html_dates: bool = option(
        True,
        "Use htmldate's answer (extensive search, original date: the date of trafilatura's "
        "metadata) as a date candidate in HTML.",
    )
    max_title_words: int = option(40, "A title has at most this many words.", minimum=3)
    interstitials: bool = option(
        True,
        "Drop, as no_content with detail.kind, a short page that stands in for an article: an"
        " error page or soft 404, an access-denied page, an 'enable JavaScript' or captcha"
        " interstitial, a consent wall, a paywall-only stub (its prose says so, its title"
        " supporting it; docs/stages.md 'Pages that are no article'). Off: kept as records.",
    )
    earliest_year: int = option(
        1990,
        "The earliest year of a publication date read from a page's running text (a date"
        " line, the text of an HTML page): a year before it in a modern page is mostly"
        " history, not its publication. A structured or labelled date (JSON-LD, a"
        " publication meta tag, a <time datetime>, a dump's date, an 'Originally published'"
        " label) is read back to the year 1000 (a written one to 1500) whatever it is. Set"
        " it to 1600, say, for digitised newspapers (years before 1900 cost a little reading"
        " time).",
        minimum=1500,
        maximum=2100,
    )
    strip_lines: bool = option(
        True,
        "Remove the lines recognised as metadata (headline, byline, date line, tag line, "
        "site name) from text.",
    )
    model: str = option(
        "",
        "Path of the date and title rankers (a JSON file like the shipped model.json, made by"
        " research/metadata/train_dates.py / train_titles.py --out; relative to the working"
        " directory). Empty: the shipped model.json. Checked when the run starts (the"
        " feature names of each ranker); its SHA-256 is in the run's provenance and"
        " annotations.metadata.model.",
    )


_DATE_ITEM = {
    "type": "object",
    "required": ["value", "where"],
    "properties": {
        "value": {"type": "string", "description": "ISO 8601, at the precision written."},
        "where": {"type": "string", "description": "input, text line N, html (...)."},
        "precision": {"enum": ["day", "second"]},
        "text": {"type": "string", "description": "The date as written."},
        "form": {"type": "string", "description": "Written form (iso, num, mdy, dmy, ...)."},
        "cue": {
            "type": ["string", "null"],
            "description": "What the words before it say (published, updated, event, ...).",
        },
        "score": {"type": "number", "description": "Ranker score (higher: more likely)."},
        "rejected": {
            "type": "string",
            "description": "Why the input's date was not taken (after the capture, in the future, a"
            " placeholder, a month or a year only, not read as a date).",
        },
    },
}


def _thread_over(source: str | None) -> bool:
    """Whether a thread's first poster is the page's author rather than the author read
    from ``source`` (the ``sources`` entry of the authors found): any but the input's. An
    HTML forum's author from trafilatura's metadata was a poster's name glued to the count
    of their profile box ("Pieter V Berichten" of "pieter_v" / "Berichten: 41"), or any
    poster's, where the thread's own reading names who started it (s50 forum50). Only an
    author of the page's HTML metadata ("html (trafilatura)"): a byline the text gives
    ("text line 2": a live blog's "By Tom Reed" over its entries, newest first) names the
    page's author, the first entry's reporter does not (read51 F15)."""
    return source is not None and source.startswith("html (") and "byline" not in source


#: a count label's word right after a name: "Berichten: 41", "Posts: 2,940"
_COUNT_LABEL = r"\s*:\s*\d"


def _count_labelled(authors: list[str], page: str) -> bool:
    """Whether one of ``authors`` ends in a word that ``page`` (its markup or text) writes as
    a count's label ("Berichten: 41"): a forum poster's name with the figures of their
    profile box glued on, as trafilatura's metadata reads a post's author box ("Pieter V
    Berichten"; s50 forum50). No name has such a word. A name the page writes whole is
    none so glued: "By Anna Smith" over a list "Smith: 11" (read51 F11)."""
    for a in authors:
        words = a.split()
        if (
            len(words) > 1
            and words[-1][:1].isupper()
            and words[-1].isalpha()
            # (the word first, then no letter before it: a pattern that opens with its
            # literal is looked for by it, ~100x faster over a page's markup than one that
            # opens with a look-behind, tried at every position)
            and re.search(rf"{(w := re.escape(words[-1]))}(?<![^\W\d_]{w}){_COUNT_LABEL}", page)
            and re.search(r"\s+".join(map(re.escape, words)) + r"(?!\w)", page, re.I) is None
        ):
            return True
    return False


def _profile_username(tree: Any, metas: list[Any] | None = None) -> str | None:
    """The account a page names in Open Graph's ``profile:username`` (Mastodon's status and
    profile pages: ``b_meier@social.example``), or None (``metas``: the page's meta elements
    below its root, in document order, when the caller has them: :func:`_page_elements`)."""
    try:
        for meta in tree.iterdescendants("meta") if metas is None else metas:
            if meta.get("property") != "profile:username":
                continue
            value = " ".join((meta.get("content") or "").split())
            if value:
                return value[:300]
    except Exception:  # (a tree that cannot be searched: no name)
        return None
    return None


def _page_elements(tree: Any) -> tuple[list[Any], list[Any], list[Any]]:
    """A page's meta and title elements below its root and its quotations (blockquote and q
    elements, the root too when it is one), each in document order: one walk of the tree
    for the stage's three searches (:func:`_profile_username`, the <title>'s text for
    :func:`.text.headline_of` and :func:`_interstitial`, the quoted dates of
    :func:`.html.html_candidates`), which walked it once each (~0.14 ms a trafeval dev page
    a walk)."""
    metas: list[Any] = []
    titles: list[Any] = []
    quotes: list[Any] = []
    found = {"meta": metas, "title": titles, "blockquote": quotes, "q": quotes}
    for el in tree.iter("meta", "title", "blockquote", "q"):
        if el is not tree or el.tag in ("blockquote", "q"):
            found[el.tag].append(el)
    return metas, titles, quotes


#: Where a site's header stands (its logo's ``<h1>`` in it), and where an article's own
#: heading does (an ``<article>``'s ``<header>`` holds its headline)
_BANNER_TAGS = frozenset(["header", "nav"])
_CONTENT_TAGS = frozenset(["article", "main"])


def _home_link(href: str) -> bool:
    """Whether ``href`` is a link to a site's home page: "/", "https://host/"."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:  # (an address no URL parser reads)
        return False
    return (
        parts.path in ("", "/")
        and (parts.netloc != "" or parts.path == "/")
        and not parts.query
        and not parts.fragment
    )


def _site_heading(h: Any, text: str, site_name: str | None) -> bool:
    """Whether heading ``h`` (its ``text``) is the site's logo, no article's headline: the
    site's name, a link to the site's home page (``<a href="/">``), or in the page's header
    or menu (``<header>``, ``<nav>``, ``role="banner"``) outside an article or its main
    block."""
    if site_name and text.casefold() == site_name.casefold():
        return True
    if any(_home_link(a.get("href") or "") for a in h.iter("a")):
        return True
    banner = False
    for up in h.iterancestors():
        if up.tag in _CONTENT_TAGS or up.get("role") == "main":
            return False  # (an article's <header>)
        banner = banner or up.tag in _BANNER_TAGS or up.get("role") == "banner"
    return banner


def _headline_for_label(tree: Any, site_name: str | None = None) -> tuple[str, str] | None:
    """The page's first ``<h1>`` of two words or more that is no section's name
    (:func:`.text.section_label`) and not the site's logo (:func:`_site_heading`), else the
    first such ``<h2>`` of its only ``<article>``, with its tag: the headline of a page
    whose og:title or ``<title>`` is its section's, "News", "Press Release",
    "Pressemitteilungen" (s41 acc-press F4: the title of a city's or a ministry's every
    release), or whose ``<h1>`` is ("<h1>Events</h1>" over the event's ``<h2>``; s42
    acc-regress D3); None when it has none. (A theme's ``<h1 class="site-title">`` over
    the post's ``<h2 class="entry-title">`` gave the site's name; s42 acc-read F17. A page
    of several articles is a listing, whose first teaser is no title. An ``<h2>`` under the
    article's first paragraph of prose is a sub-heading: "What happens next" was the title
    of a story whose headline is a styled ``<p>``; s43 acc-read F11.)"""
    articles = list(tree.iter("article"))
    h2s = _heads_over_prose(articles[0]) if len(articles) == 1 else iter(())
    for heads in (tree.iter("h1"), h2s):
        for h in heads:
            # (its text as shown, not that of a <style> inside it: a CSS-in-JS site's class
            # rules stand in its headline's <h1>)
            text = " ".join(tree_to_text(h).split())
            if (
                n_words(text) >= 2
                and not section_label(text)
                and not _site_heading(h, text, site_name)
            ):
                return text, h.tag
    return None


#: The fewest words of an article's paragraph of prose (:func:`_heads_over_prose`), more
#: than a headline's or a date's styled as one
_PROSE_WORDS = 12


def _heads_over_prose(article: Any) -> Iterator[Any]:
    """The ``<h2>`` elements of ``article`` above its first ``<p>`` of prose (of
    :data:`_PROSE_WORDS` words or more), as they are asked for: only when no ``<h1>`` is
    the headline (:func:`_headline_for_label`)."""
    for el in article.iter("h2", "p"):
        if el.tag == "h2":
            yield el
        elif n_words(tree_to_text(el)) >= _PROSE_WORDS:
            return


def _headline_line(page: Page, title: str | None) -> int:
    """The line of an HTML page's rendering (``page``: split, as html_candidates read it)
    that is its headline (the last equal to the title up to the main block's start: the
    rendering may begin with the <title>), else the first line of its main block: above it
    is the page's header."""
    want = (title or "").strip()
    top = page.main_start
    if want:
        # (from the main block's start up, the first match: the last from the top. A
        # line is stripped only when it holds the title: a rendering's header is hundreds
        # of lines, each stripped before, ~10 % of the stage's CPU on an HTML page)
        lines = page.lines
        for i in range(min(top, len(lines) - 1), -1, -1):
            line = lines[i]
            if want in line and line.strip() == want:
                return i
    return top


def _http_day(value: str | None) -> datetime | None:
    """An HTTP date header (RFC 9110) as an aware datetime in UTC, or None (also for a time
    that UTC cannot hold: "Fri, 31 Dec 9999 23:59:59 -0100" is in the year 10000)."""
    if not value:
        return None
    try:
        dt = parsedate_to_datetime(value)
        return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


#: An input's date as a record's ``published`` holds it: a day, or a date-time with its
#: offset (fractions of a second kept)
_GIVEN_ISO = re.compile(ISO_DATE_OFFSET_PATTERN)
#: A month or a year alone ("2024-03", "2024"): ISO 8601, but less than the day a record's
#: ``published`` holds
_GIVEN_COARSE = re.compile(r"^\d{4}(?:-\d{2})?$")


#: An HTML tag or a character reference in a dump's field ("<b>opens</b>", "&#8217;")
_MARKUP = re.compile(f"{TAG.pattern}|{REFERENCE.pattern}")


#: An HTML element's tag ("<b>", "</span>", "<br/>"): "std::vector<int>" holds no tag
_HTML_TAG = re.compile(
    r"</?(?:" + "|".join(sorted(html_defs.tags, key=len, reverse=True)) + r")(?:\s[^<>]*)?/?>",
    re.I,
)


#: British and Irish news sites whose address is no .uk or .ie one (PA Media's subscribers)
_BRITISH_COM_HOSTS = frozenset(
    ["theguardian.com", "irishtimes.com", "irishexaminer.com", "irishnews.com", "bbc.com",
     "ft.com", "cityam.com", "news.sky.com", "sky.com"]
)  # fmt: skip
#: The language tags of British and Irish English (lower case, "_" read as "-")
_BRITISH_LOCALES = frozenset(["en-gb", "en-ie", "en-uk"])


def _page_lang_tags(tree: Any, metas: Sequence[Any]) -> list[str | None]:
    """An HTML page's language tags: its ``<html lang>`` and ``xml:lang``, and the
    ``og:locale`` among its ``metas`` (:func:`_page_elements`')."""
    root = tree.getroottree().getroot()
    tags = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    tags += [m.get("content") for m in metas if m.get("property") == "og:locale"]
    return tags


def _british_locale(tree: Any, metas: list[Any]) -> bool:
    """Whether an HTML page's language tag (:func:`_page_lang_tags`) is British or Irish
    English: theguardian.com, irishtimes.com and irishexaminer.com are .com pages, on which
    "By Jane Doe, Dublin, PA" is PA Media's credit, not Pennsylvania's (s36 acc-read F15)."""
    tags = _page_lang_tags(tree, metas)
    return any(t and t.strip().lower().replace("_", "-") in _BRITISH_LOCALES for t in tags)


def _declared_day_first(doc: Document, tree: Any = None, metas: Sequence[Any] = ()) -> bool:
    """Whether the document declares a language tag of a day-first region
    (:func:`.text.day_first_locale`): an HTML page's ``<html lang>`` (or ``xml:lang``), its
    ``og:locale`` or ``Content-Language`` meta, the response's ``Content-Language`` header,
    a dump's ``language`` field. A British page's "03/04/2026 5:30pm" was read month first
    by its AM/PM (s50 acc-regress R5)."""
    tags: list[str | None] = []
    if tree is not None:
        tags += _page_lang_tags(tree, metas)
        tags += [
            m.get("content")
            for m in metas
            if (m.get("http-equiv") or "").lower() == "content-language"
        ]
    headers = doc.source.http_headers or {}
    tags += [v for k, v in headers.items() if k.lower() == "content-language"]
    given = doc.annotations.get("source", {}).get("given", {})
    if isinstance(given, dict) and isinstance(lang := given.get("language"), str):
        tags.append(lang)
    return day_first_locale(tags)


#: The elements that have no end tag ("<br>" right after a word is markup all the same)
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"])  # fmt: skip


def _generic(value: str, tag: re.Match[str]) -> bool:
    """Whether ``tag`` (an :data:`_HTML_TAG` match in ``value``) is a type's parameter, not
    markup: a start tag without attributes right after a word, of an element that has an end
    tag and none in ``value`` ("List<Object>", "Promise<Map>": type names that HTML's are
    too; s37 acc-read F13)."""
    name = tag[0][1:-1]
    return (
        tag.start() > 0
        and value[tag.start() - 1].isalnum()
        and name.isalnum()
        and name.lower() not in _VOID
        and f"</{name.lower()}" not in value.lower()
    )


#: The elements that break a line: a space in a field on one line ("Harbour<br>opens")
_BREAKING = re.compile(r"</?(?:br|hr|p|div|li|h[1-6]|tr|td|th)\b", re.I)


def _tag_as_text(value: str, tag: re.Match[str]) -> str:
    """What a tag of a dump's field ``value`` is as text: itself when a type's parameter
    (:func:`_generic`), a space when it breaks a line, else nothing ("caf<b>é</b>")."""
    if _generic(value, tag):
        return tag[0]
    return " " if _BREAKING.match(tag[0]) else ""


def _as_text(value: str) -> str:
    """A dump's field as text: its HTML tags taken out, then its character references read
    (twice: "&amp;amp;"), its runs of spaces one. Tags are taken out once, before: a title
    that speaks of tags ("&lt;div&gt; and &lt;span&gt;") lost them with the references read,
    and "std::vector<int>" its "<int>" (s36 acc-read F3)."""
    if "<" in value:
        value = _HTML_TAG.sub(lambda m: _tag_as_text(value, m), value)
    for _ in range(2):
        if "&" not in value:
            break
        value = htmllib.unescape(value)
    return " ".join(value.split())


def _tidy_given(doc: Document) -> list[str]:
    """A dump's own title, site name, authors and tags as the page's would be: markup and
    character references read ("Tom &amp; Jerry&#8217;s caf&eacute; <b>opens</b>"), an
    author's byline word and role taken off and a name in capitals in name case ("By JANE
    DOE", "Jane Doe, Staff Writer" -> "Jane Doe"), each author once whatever its case: the
    same strings from an HTML page were, and a dump's gave an index three facet values for
    one person and "&amp;" in its result titles (s35 hygiene acceptance F6); the agencies
    among the authors (:func:`.wire.split_authors`) are returned, no authors. The values as
    given stay in ``annotations.source.given``."""
    agencies: list[str] = []
    for name in ("title", "site_name"):
        value = getattr(doc, name)
        if value and (_MARKUP.search(value) or "  " in value):
            setattr(doc, name, _as_text(value) or None)
    if doc.tags and any(_MARKUP.search(t) for t in doc.tags):
        doc.tags = [t for t in map(_as_text, doc.tags) if t]
    if doc.authors:
        names: dict[str, str] = {}
        # ("Meier, Hamburg": a reporter and the place the text writes; s36 acc-regress R12)
        place = place_words(doc.text)
        for written in doc.authors:
            a = _as_text(written)
            read = (
                author_field_names(a, place, named=True) if _BY_WORD.match(a) or "," in a else [a]
            )
            if "," in a:
                # (the agencies among its comma parts, and the parts of one that names no
                # person: "Reuters, AP" was one made-up author, "Jane Doe, Reuters" lost
                # Reuters; s37 acc-regress R3)
                parts = [p.strip() for p in a.split(",") if p.strip()]
                read = (read or parts) + [p for p in parts if agency(p) and p not in read]
            people, credited = split_authors(read or [a])
            agencies += credited
            # (what is no person's name as a page's byline has none: "Staff", "LD",
            # "Jane Doe https"; s43 acc-index #19)
            for n in filter(None, map(person_name, people)):
                names.setdefault(" ".join(n.casefold().split()), n)
        doc.authors = [n for n in names.values() if n]
    return list(dict.fromkeys(agencies))


def _given_title(doc: Document, sources: dict[str, str], url: str | None) -> None:
    """A dump's own title as a page's ``<title>`` is read: without the site's name at its
    end (the dump's site name, :func:`.text.without_site`), or, when the dump names no site,
    the name its last segment is (:func:`.text.title_site`: "Harbour vote delayed | The
    Harbour Times" gives the title and the site's name); the site's name alone is no title
    (the text's headline is read instead). A dump's fields were taken as given (s43
    acc-index #19)."""
    title = doc.title or ""
    if doc.site_name:
        if _compact(title) == _compact(doc.site_name):
            doc.title = None
            del sources["title"]
        else:
            doc.title = without_site(title, doc.site_name, url)
        return
    parts = _TITLE_SEP.split(" ".join(title.split()))
    head = "".join(parts[:-2]).strip()
    # (a section's name before a headline is none: "Events - Jazz In The Park"; s42 acc-read F3)
    if len(parts) < 3 or section_label(head):
        return
    if site := title_site(title, head, url):
        doc.title, doc.site_name = head, site
        sources["site_name"] = "input (title)"
    elif len(head.split()) >= 3 and _shows_line(doc, head):
        # the page's own headline line is the title's segments before the last: that one
        # is the site's name, whatever its shape ("… | Carnets de cuisine", "… | heise
        # Developer Blog", refused as names; s52 acc-md M10)
        doc.title = head
        if len(last := parts[-1].strip()) <= MAX_SITE_SEGMENT:
            doc.site_name = last
            sources["site_name"] = "input (title)"


#: the longest segment of a given title taken for its site's name (:func:`_given_title`)
MAX_SITE_SEGMENT = 60


def _shows_line(doc: Document, line: str) -> bool:
    """Whether the page's text (as the boilerplate stage split it, its headline kept there
    and in its input: markdown's heading joined, without markup) has ``line`` as a line."""
    shared = doc.work.get("text_lines")
    text = shared[0] if isinstance(shared, tuple) and shared else doc.text or ""
    want = " ".join(line.split()).casefold()
    # (an ATX heading's marks too: a text with no other markdown is read as plain)
    return any(
        " ".join(s.lstrip("# ").split()).casefold() == want for s in text.split("\n") if s.strip()
    )


#: ``doc.work``'s key of an HTML page's ``<title>``, from the stage's parse to its end
_PAGE_TITLE = "metadata_page_title"


def _interstitial(doc: Document) -> Drop | None:
    """A ``no_content`` drop of a page that stands in for an article (an error page, a
    consent wall ...: :mod:`.interstitial`), by its text, its title, its HTML ``<title>``,
    whether a date was found, and the boilerplate stage's paywall mark; else None."""
    page_title = doc.work.pop(_PAGE_TITLE, None)
    paywall = bool((doc.annotations.get("boilerplate") or {}).get("paywall"))
    kind = interstitial(
        doc.text or "",
        [doc.title, page_title if isinstance(page_title, str) else None],
        doc.published is not None,
        paywall,
    )
    if kind is None:
        return None
    return Drop("no_content", {"kind": kind, "title": doc.title, "chars": len(doc.text or "")})


def _tidy_fields(doc: Document) -> dict[str, int]:
    """The document's title, site name, authors and tags with the characters a record's
    text has (:func:`corearchive.characters.tidy_field`: composed, without control and
    invisible characters, on one line: an author facet's "Jane\u200b Doe" was not "Jane
    Doe", a decomposed page's title not the composed query; s35 acceptance F2, F4), its
    tags tidied (:func:`_tidy_tags`), and all within a record's bounds whatever their source
    (:data:`~corearchive.document.MAX_NAME_CHARS` ...: a keywords meta of 1,000 tags, an
    ``og:site_name`` of 2,500 characters; s35 hygiene acceptance F14): what was cut, by
    field, with the size it had (characters of a name, names of a list)."""
    for name in ("title", "site_name"):
        value = getattr(doc, name)
        if value:
            setattr(doc, name, tidy_field(value) or None)
    for name in ("authors", "tags"):
        values = getattr(doc, name)
        if values:
            cleaned = (tidy_field(v) for v in values)
            setattr(doc, name, list(dict.fromkeys(v for v in cleaned if v)))
    if doc.tags:
        doc.tags = _tidy_tags(doc.tags, doc.title)
    cut: dict[str, int] = {}
    for name, limit in (("title", MAX_TITLE_CHARS), ("site_name", MAX_NAME_CHARS)):
        value = getattr(doc, name)
        if value and len(value) > limit:
            cut[name] = len(value)
            setattr(doc, name, shortened(value, limit))
    for name in ("authors", "tags"):
        values = getattr(doc, name)
        if len(values) > MAX_NAMES or any(len(v) > MAX_NAME_CHARS for v in values):
            cut[name] = len(values)
            bounded = (shortened(v, MAX_NAME_CHARS) for v in values[:MAX_NAMES])
            setattr(doc, name, list(dict.fromkeys(bounded)))
    return cut


#: What still joins tags inside one tag: a semicolon or a bar (their full-width and Arabic
#: forms), or the space before a hashtag ("#Council #Pier"; a number sign before a digit is
#: none: "Issue #42", s36 acc-read F20). Commas are each source's own
#: separator, split where it is read (a dump's "Washington, D.C." stays one tag)
_TAG_JOINS = re.compile(rf"\s*[;|؛；｜]\s*|{HASHTAG_SPACE}")
#: The most words of a tag: a subject's name or a term, not a sentence or a headline
_TAG_WORDS = 8
#: The fewest words of a headline that is no subject's name when a tag is it
_HEADLINE_WORDS = 4


def _tidy_tags(tags: list[str], title: str | None = None) -> list[str]:
    """A record's tags as a facet wants them, whatever their source (a keywords meta, a tag
    line, a dump): split at what still joins two (:data:`_TAG_JOINS`), a hashtag's "#", a
    machine's type prefix (:func:`untyped`: "tag:facebook") and runs of spaces taken off,
    none without a letter or digit, and one tag per spelling that differs in case only, the
    first kept ("#Wirtschaft" and "Wirtschaft", "Noticias" and "noticias" split one facet
    value in two on the dev pages: s35 hygiene acceptance F7). A sentence is no tag (more
    than :data:`_TAG_WORDS` words: a lead paragraph, a headline as keywords), nor is the
    page's ``title`` of :data:`_HEADLINE_WORDS` words or more, its site's name after it or
    not ("Why you can't trust the White House … - CNNPolitics"; s43 acc-index #8)."""
    headline = _compact(title) if title and len(title.split()) >= _HEADLINE_WORDS else None
    seen: dict[str, str] = {}
    for tag in tags:
        for joined in _TAG_JOINS.split(tag):
            # (tags each in its brackets, as a text's tag line has them read: a dump's
            # "[Politics] [Harbour]" was one tag, a line's "…, [Politics]" kept them)
            parts = bracketed_tags(joined.strip()) or (joined,)
            for part in chain.from_iterable(map(hashtag_split, parts)):
                part = untyped(unhashed(" ".join(part.split())))
                if (
                    any(map(str.isalnum, part))  # (a "#" or a dash alone is no tag)
                    and len(part.split()) <= _TAG_WORDS
                    and not (
                        headline
                        # (an ASCII tag shorter than the headline's letters cannot hold
                        # them: compacting it only drops characters; another may grow,
                        # "ß" -> "ss")
                        and (len(part) >= len(headline) or not part.isascii())
                        and _compact(part).startswith(headline)
                    )
                ):
                    seen.setdefault(part.casefold(), part)
    return list(seen.values())


def _given_date(
    value: str, capture: date | None = None, url: str | None = None, text: str = ""
) -> tuple[str, date, dict[str, str]] | str | None:
    """An input's publication date (a dump's ``date`` field): ``(ISO value, day, order
    evidence)`` as written when it is ISO 8601 at a day or finer (a date-time with its
    offset, fractions of a second kept), a 14-digit CDX stamp or seconds since 1970 (UTC),
    else as the text reader reads it ("March 4, 2024"; a date-time without an offset gives
    its day); a string saying why when it is a month or a year alone; None when it is no
    date. A numeric day and month that read both ways ("03/12/2024") are ordered as a
    page's are (:func:`.text.order_evidence`: the ``capture``'s day, the page's ``url``,
    its ``text``'s language), not day first whatever the dump: a US dump's dates were nine
    months off, at the confidence of a date the dump states (s35 hygiene acceptance F12)."""
    v = value.strip()
    if _GIVEN_ISO.match(v):
        try:
            when = datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            return None
        return v, when.date(), {}
    if _GIVEN_COARSE.match(v):
        return "a month or a year only: published holds a day at least"
    if v.isdigit() and (len(v) == 14 or 9 <= len(v) <= 10):
        try:
            when = (
                datetime.strptime(v, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
                if len(v) == 14
                else datetime.fromtimestamp(int(v), UTC)
            )
        except (ValueError, OverflowError, OSError):
            return None
        return when.isoformat().replace("+00:00", "Z"), when.date(), {}
    # (the dump states it: read back to the reader's oldest year, "12 August 1899", whatever
    # the earliest year of a page's running text)
    with earliest_year(OLDEST_YEAR):
        found = find_dates([v])
    if not found:
        return None
    c = found[0]
    if c["alt"] is not None:
        # (the date's line first, then the page's: the language is read from its lines)
        resolve_ambiguous([c], capture, [v, *text.split("\n", 200)[:200]], url)
    return iso_value(c), c["date"], order_evidence(c)


#: Why a dump's ``date`` that is no date the stage reads is not taken
_NOT_READ = "not read as a date (ISO 8601, a CDX stamp, epoch seconds or a written day)"


def _given_item(
    written: Any,
    where: str,
    dates: list[dict[str, Any]],
    bound: date | None,
    at: datetime | None,
    doc: Document,
    url: str | None = None,
) -> bool:
    """Append the input's own date ``written`` to ``dates`` as a candidate found ``where``,
    bounded as the page's dates are (one after the capture or in the future is recorded
    with the reason, as is a month, a year or a form not read; a day and month read both
    ways with its order's evidence, :func:`_given_date`): whether it may be chosen."""
    written = str(written).strip()
    got = _given_date(written, bound, url, doc.text or "")
    if isinstance(got, str):  # (a month or a year: said, not dropped in silence)
        dates.append({"value": written, "where": where, "rejected": got})
        return False
    if got is None:  # (nor a form not read)
        dates.append({"value": written, "where": where, "rejected": _NOT_READ})
        return False
    value, day, order = got
    item: dict[str, Any] = {"value": value, "where": where, "precision": _precision(value)}
    item.update(order)
    late = _rejected_given(day, bound, value, at, doc.text or doc.content)
    if late:
        item["rejected"] = late
    dates.append(item)
    return not late


def _rejected_given(
    day: date, bound: date | None, value: str = "", at: datetime | None = None, text: str = ""
) -> str | None:
    """Why ``day`` cannot be a publication date: a placeholder (before the year 1000, or a
    day of :data:`.text.PLACEHOLDER_DAYS`, 1970-01-01 say, whose year the document's
    ``text`` does not write: :func:`.text.placeholder_day`), after the capture bound, or
    (with none) after today in UTC (:func:`.text.after_reference`, the rule of the page's
    own dates: ``value``, the date as ISO 8601, and ``at``, the capture's date-time,
    compare instants); None if it can."""
    if placeholder_day(day, text):
        return "a placeholder, not a date (what systems write for none)"
    if after_reference(day, value, bound, at):
        return f"after the capture ({bound.isoformat()})" if bound else "in the future"
    return None


#: Midnight: a capture time of 00:00:00 is taken for a day without a time (what a capture
#: date becomes in ``fetched_at``)
_MIDNIGHT = time(0, 0)


def capture_at(doc: Document) -> datetime | None:
    """The capture's date-time in its own offset: the dump's capture time as written when
    it had an offset (``annotations.source.given.fetched_at``, the same instant as
    ``fetched_at``), else ``fetched_at`` (UTC; a time without an offset is read as UTC),
    else the HTTP ``Date``; None when unknown."""
    src = doc.source
    utc: datetime | None = None
    if src.fetched_at:
        try:
            utc = datetime.fromisoformat(src.fetched_at.replace("Z", "+00:00"))
        except ValueError:
            utc = None
        if utc is not None and utc.tzinfo is None:
            utc = utc.replace(tzinfo=UTC)
    else:
        utc = _http_day((src.http_headers or {}).get("date"))
    if utc is None:
        return None
    given = doc.annotations.get("source", {}).get("given", {})
    written = given.get("fetched_at") if isinstance(given, dict) else None
    if isinstance(written, str):
        try:
            local = datetime.fromisoformat(written)
        except ValueError:
            local = None
        if local is not None and local.tzinfo is not None and local == utc:
            return local
    return utc


def capture_bound(doc: Document) -> date | None:
    """The latest possible publication day: the capture's day (on its own clock: see
    :func:`capture_at`), the HTTP ``Date`` / ``Last-Modified`` headers' (UTC), or an
    archived copy's capture stamp in its URI, whichever is earliest; None when none is
    known (the reference is then today in UTC: :func:`.text.reference_day`)."""
    src = doc.source
    headers = src.http_headers or {}
    served = _http_day(headers.get("date"))
    at = capture_at(doc)
    captured = at.date() if at is not None and src.fetched_at else parse_capture(src.fetched_at)
    if not src.fetched_at and served is not None:
        captured = served.date()
    days = [captured]
    archived = _ARCHIVED.match(src.uri)
    if archived:
        days.append(parse_capture(archived.group("when")[:8]))
    # A server whose Date is days away from the capture has a wrong clock, and its
    # Last-Modified with it: they bound nothing (a Date three months behind the
    # WARC-Date nulled the page's own publication date)
    if (
        served is None
        or captured is None
        or abs((served.astimezone(UTC).date() - captured).days) <= _CLOCK_SKEW_DAYS
    ):
        days += [
            dt.astimezone(UTC).date()
            for dt in (served, _http_day(headers.get("last-modified")))
            if dt is not None
        ]
    known = [d for d in days if d is not None]
    return min(known) if known else None


def _is_split_of(shared: Any, text: str) -> bool:
    """Whether ``shared`` is a line split of ``text`` as the boilerplate stage leaves it:
    ``(text, lines, indices, stripped lines)``, lists, the indices Python ints (line numbers
    go into the record)."""
    return (
        isinstance(shared, tuple)
        and len(shared) == 4
        and shared[0] == text
        and all(isinstance(x, list) for x in shared[1:])
        and all(type(i) is int for i in shared[2][:1])
    )


def _to_input_lines(
    ann: dict[str, Any],
    dates: list[dict[str, Any]],
    sources: dict[str, str],
    joined: Reflowed,
) -> None:
    """Line numbers of a text joined into blocks (markdown, hard-wrapped: see
    :mod:`corearchive_plugins.boilerplate.reflow`) as the input's: a metadata line stands for
    every non-blank input line of its block, a source or a date for the block's first
    line."""

    def first(where: str, prefix: str) -> str:
        if where.startswith(prefix) and where[len(prefix) :].isdecimal():
            return prefix + str(joined.spans[int(where[len(prefix) :])][0])
        return where

    ann["lines"] = {k: [i for j in v for i in joined.rows(j)] for k, v in ann["lines"].items()}
    for k, v in sources.items():
        sources[k] = first(v, "text line ")
    for item in dates:
        item["where"] = first(item["where"], "text line ")


def _precision(value: str) -> str:
    return "second" if "T" in value else "day"


#: The zero-width non-joiner and joiner: letters' shapes in Persian and Indic words, emoji
#: sequences (kept in a text: see corearchive.characters)
_JOINERS = ("\u200c", "\u200d")


def _joiners_as_written(value: str, text: str) -> str:
    """``value``, a field trafilatura read, spelt as the page's ``text`` writes it: with its
    zero-width (non-)joiners, which trafilatura drops as control characters (a Persian
    headline "بزرگ‌ترین" came out "بزرگترین", its text kept it: the same page's records from
    text and HTML differed; s38 acc-script #9). ``value`` when the text holds no joiner, or
    not the value."""
    if not value or not any(j in text for j in _JOINERS):
        return value
    found = re.search("[\u200c\u200d]?".join(map(re.escape, value)), text)
    return found.group() if found is not None else value


#: The signs a documentation page's heading ends with as its permalink ("¶" of Sphinx, a
#: link's or an anchor's symbol): the HTML reader's (one list for both), but "#" and "§",
#: which end titles as words do ("C#", "Artikel 5 §")
_PERMALINK_MARKS = "".join(sorted(PERMALINK_MARKS - {"#", "§"}))
#: A title's last character when it may end with one: a sign, or the variation selector
#: after an emoji ("⚓️", s42 review R7)
_PERMALINK_ENDS = _PERMALINK_MARKS + "\ufe0f"


def _without_permalink(title: str) -> str | None:
    """``title`` without the permalink sign it ends with (None when nothing else is left);
    a title ending with another emoji keeps it ("I ❤️")."""
    bare = title.rstrip(" \ufe0f")
    if not bare or bare[-1] not in _PERMALINK_MARKS:
        return title
    return bare.rstrip(_PERMALINK_MARKS + " \ufe0f") or None


def _labelled_date(description: str, where: str, label: dict[str, Any]) -> dict[str, Any]:
    """The annotation schema of a date the page states under a label (``original``,
    ``updated``): its value, where it was read (``where`` lists the forms), the date and
    the ``label`` as written."""
    return {
        "type": "object",
        "description": description,
        "required": ["value", "where", "text", "label"],
        "additionalProperties": False,
        "properties": {
            "value": {"type": "string", "pattern": ISO_DATE_OFFSET_PATTERN},
            "where": {"type": "string", "description": where},
            "text": {"type": "string", "description": "The date as written."},
            "label": label,
        },
    }


class MetadataStage(Stage):
    """Fill title, authors, site name, published and tags."""

    name = "metadata"
    changes_text = True  # (it takes lines out: see Stage.changes_text)
    Options = MetadataOptions

    @classmethod
    def changes_text_with(cls, options: Any) -> bool:
        """It takes lines out only with ``strip_lines``."""
        return bool(options.strip_lines)

    # Pages in runs of 64 (as the boilerplate stage hands them on), not one at a time
    # between the language stage's: the stage's code and caches stay in the CPU's caches
    # from one page to the next (with the language stage also at 64: corpus-10000 one
    # worker, 22.3-22.5 -> 20.7-21.2 CPU s; same records)
    batch_size = 64
    annotations_schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "sources": {
                "type": "object",
                "description": "Where each field came from (input, html, text line N, ...).",
                "additionalProperties": {"type": "string"},
            },
            "dates": {
                "type": "array",
                "description": "Every candidate publication date found.",
                "items": _DATE_ITEM,
            },
            "date_chosen": {
                "type": ["integer", "null"],
                "description": "Index of the chosen date in dates.",
            },
            "date_confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "date_bound": {
                "type": ["string", "null"],
                "description": "Upper bound for the publication date (capture, HTTP headers).",
            },
            "original": _labelled_date(
                "A republished page's original publication date, as a label states it ('This"
                " article was first published on 12 March 1968', 'From the archive, 12 March"
                " 1968:'); published stays the page's own date.",
                "text line N, html rendering line N.",
                {"type": "string", "description": "The label, as written."},
            ),
            "listing": {
                "type": "integer",
                "minimum": 1,
                "description": "The page is a listing (a section front, a tag, author or"
                " search page) of this many dated teasers, with no article of its own: no"
                " teaser's date is published, no teaser's headline the title.",
            },
            "published_is_original": {
                "type": "boolean",
                "description": "Whether published is the day of original (the page gives no"
                " other date, or the labelled one was taken for the page's).",
            },
            "updated": _labelled_date(
                "When the page was last changed, as it states it: the latest date under an"
                " update's or a correction's label ('Updated 23.09.2024, 00:12', 'Corrected on"
                " April 10, 2024') or its markup's modification time (article:modified_time,"
                " JSON-LD dateModified), not before published: which state of a live blog or a"
                " corrected story the capture holds.",
                "text line N, html rendering line N, html (meta article:modified_time), html"
                " (meta og:updated_time), html (meta datemodified), html (JSON-LD dateModified).",
                {
                    "type": "string",
                    "enum": ["updated", "correction", "modified"],
                    "description": "An update's label, a correction's (or an update's"
                    " line that names a correction after its date: 'Last updated: 12 July"
                    " 2024 (correction to paragraph 2)'), the markup's modification time.",
                },
            ),
            "publisher": {"type": "string"},
            "agencies": {
                "type": "array",
                "items": {"type": "string"},
                "description": "The news agencies the page credits (its byline, a credit"
                " line by the headline, its dateline: 'WASHINGTON (AP) —'), by their short"
                " names: AP, Reuters, AFP, dpa, ... An agency is never an author.",
            },
            "url": {
                "type": "string",
                "description": "The page's own address as its markup gives it (canonical"
                " link, og:url), when it is not the document's source.uri (a page saved as a"
                " file: file:///...).",
            },
            "categories": {"type": "array", "items": {"type": "string"}},
            "lines": {
                "type": "object",
                "description": "Input line numbers recognised as each field's metadata line.",
                "additionalProperties": {
                    "type": "array",
                    "items": {"type": "integer", "minimum": 0},
                },
            },
            "removed_lines": {
                "type": "integer",
                "minimum": 0,
                "description": "Lines of text removed as metadata.",
            },
            "cut": {
                "type": "object",
                "additionalProperties": {"type": "integer"},
                "description": "Fields cut to a record's bounds (a title of 2,000 characters,"
                " a name of 300, 200 names), whatever their source: the size they had"
                " (characters or names).",
            },
            "model": {
                "type": "string",
                "description": "The date and title rankers: 'sha256:' and the first 12 hex"
                " digits of their file's SHA-256 (run.json provenance.models has the whole).",
            },
        },
    }

    options: MetadataOptions
    _model: dict[str, Any] | None = None
    _model_tag = ""

    @classmethod
    def models(cls, options: MetadataOptions) -> dict[str, dict[str, Any]]:
        """The rankers' file (``model`` option, else the shipped one), loaded and checked:
        one for other features, truncated or empty raises ``model.ModelError`` naming it."""
        import os

        m = ranker.load(options.model or None)
        return {
            "metadata": {
                "file": os.path.abspath(m["_file"]),
                "shipped": os.path.realpath(m["_file"]) == os.path.realpath(ranker.shipped_path()),
                "sha256": m["_sha256"],
                "version": m.get("version", ranker.MODEL_VERSION),
                **({"made_by": m["provenance"]} if isinstance(m.get("provenance"), dict) else {}),
            }
        }

    def open(self) -> None:
        """The rankers (the ``model`` option's file, else the shipped one), checked, once
        per process."""
        self._model = ranker.load(self.options.model or None)
        self._model_tag = "sha256:" + self._model["_sha256"][:12]

    def process(self, doc: Document) -> Document | Drop:
        if self._model is None:  # (not opened: a test's stage, say)
            self.open()
        if ranker.active() is not self._model:
            # (another stage instance of this process uses another model)
            assert self._model is not None
            ranker.activate(self._model)
        bound = self._bound(doc)
        # (two-digit years are read against the capture's year, else UTC today's)
        with reference_years(bound), earliest_year(self.options.earliest_year):
            doc = self._process(doc, bound)
        if doc.title and doc.title[-1] in _PERMALINK_ENDS:
            # (a heading's permalink, "Installation¶" of a Sphinx page as a rendering reads
            # its <h1>; s42 acc-pages F12. The HTML reader drops the link itself:
            # htmltree.drop_permalinks)
            doc.title = _without_permalink(doc.title)
        if self.options.interstitials and (drop := _interstitial(doc)) is not None:
            return drop
        return doc

    def _process(self, doc: Document, bound: date | None) -> Document:
        sources: dict[str, str] = {}
        dates: list[dict[str, Any]] = []
        aside: set[int] = set()  # (the dates at these places are another text's)
        original: dict[str, Any] | None = None
        chosen: int | None = None
        confidence = 0.0
        ann: dict[str, Any] = {}
        units = 0  # (the dated teasers of a listing page: listing_units)
        # (an HTML page's modification time as its markup states it: _markup_modified)
        marked_modified: dict[str, str] | None = None
        british = False  # (an HTML page in British or Irish English: _british_locale)
        # (the lines a date's "where" counts, and how it names them: _correction_label)
        where_lines: tuple[str, Callable[[], list[str]]] | None = None
        # (a forum's thread, as the boilerplate stage read it: its posts under their posters)
        thread = (doc.annotations.get("boilerplate") or {}).get("thread")
        for key in ("title", "authors", "tags", "site_name"):
            if getattr(doc, key):
                sources[key] = "input"
        if agencies := _tidy_given(doc):
            ann["agencies"] = agencies
        at = capture_at(doc)
        if at is not None and at.timetz().replace(tzinfo=None) == _MIDNIGHT:
            at = None  # (a capture date without a time: relative dates count days)
        ann["date_bound"] = bound.isoformat() if bound else None
        url = self._url(doc)  # (several steps read it: once, not a match each)
        if sources.get("title") == "input":
            _given_title(doc, sources, url)
        # (the lines around the headline: a wire byline's agency, a byline's other names)
        scan: tuple[list[str], int] | None = None
        given_fields = doc.annotations.get("source", {}).get("given", {})
        if not isinstance(given_fields, dict):
            given_fields = {}
        if (written := given_fields.get("date")) and _given_item(
            written, "input", dates, bound, at, doc, url
        ):
            # (a day and month that nothing ordered: as a page's undecided order, at most 0.5)
            chosen, confidence = 0, 0.5 if dates[0].get("order") == "undecided" else 0.95
        if doc.content_is_html:
            # the boilerplate stage's parse and trafilatura metadata when it left them: the
            # page is not parsed again, and htmldate (inside trafilatura's metadata) not re-run
            tree = doc.work.get("html_tree")
            if tree is None:
                tree = parse_html(doc.content)
            # (one walk of the tree for its meta, title and quotation elements: see
            # _page_elements)
            metas, titles, quotes = _page_elements(tree) if tree is not None else ([], [], [])
            marked_modified = _markup_modified(metas, doc.content)
            # the first <title>'s text, as tree.findtext(".//title") reads it (a search that
            # walked the whole tree again: lxml's iterator looks ahead for a second one)
            head = (titles[0].text or "") if titles else None
            if tree is not None:  # (for _interstitial)
                doc.work[_PAGE_TITLE] = head
            meta = doc.work.get("trafilatura_meta")
            made = doc.work.get("trafilatura_meta_bound", reference_day(bound))
            if not isinstance(meta, dict) or made != reference_day(bound):
                # (none, or htmldate's answer bounded by another day)
                meta = trafilatura_meta(tree if tree is not None else doc.content, url, bound)
            for key, value in meta_fields(meta).items():
                if key == "title" and n_words(value) > self.options.max_title_words:
                    # (a page's whole text in its <h1> and <title>, 5,497 characters: no
                    # title, as in a plain text; s35 hygiene acceptance F14. Its words as
                    # n_words counts them: by spaces, a Chinese page's 2,480 characters were
                    # one word; s36 acc-read F16)
                    continue
                if not getattr(doc, key):
                    setattr(doc, key, value)
                    sources[key] = "html (trafilatura)"
            if (
                doc.authors
                and sources.get("authors") == "html (trafilatura)"
                and _count_labelled(doc.authors, doc.content)
            ):
                doc.authors = []
                del sources["authors"]
            if doc.authors and sources.get("authors") == "html (trafilatura)":
                self._no_publisher(doc, sources, ann, url)
            own = meta.get("url")
            if (
                isinstance(own, str)
                and own.startswith(("http://", "https://"))
                and own != doc.source.uri
            ):
                # a saved page was cited only as file:///...: its permalink, which a
                # researcher needs (s31 acc-posts #7)
                ann["url"] = own
                if url is None:
                    # (and the address its dates are read by: the canonical's "/2024/03/"
                    # orders "03/12/2024" as the same page's WARC record does; s37
                    # acc-regress O3)
                    url = own
            british = tree is not None and _british_locale(tree, metas)
            if not doc.authors and tree is not None and (user := _profile_username(tree, metas)):
                # a profile's or a post's page names its account (Mastodon's saved status
                # pages: s31 acc-posts #7), which trafilatura's metadata does not read
                doc.authors = [user]
                sources["authors"] = "html (profile:username)"
            if not doc.authors and doc.text:
                self._text_byline(doc, sources, ann)
            if not doc.tags and doc.text:
                self._text_tags(doc, sources, ann)
            # htmldate's answer: trafilatura's date is htmldate (original date, extensive
            # search); False makes html_candidates run it when the metadata has no date key
            hd: Any = meta.get("date", False) if self.options.html_dates else None
            text = doc.work.get("html_text")
            if not isinstance(text, str):
                text = tree_to_text(tree) if tree is not None else ""
            label: str | None = None
            if sources.get("title") == "html (trafilatura)" and doc.title:
                # the headline, not the <title>: "Clymer workshop manual review | MoreBikes"
                title = _joiners_as_written(doc.title, text)
                doc.title = headline_of(title, text, doc.site_name, url, head)
                if related_label(doc.title):
                    # a box's label in the <title> and the <h1> ("More from Business" over
                    # the story's headline): no title; the rendering's, as a plain text's
                    label, doc.title = doc.title, None
                    del sources["title"]
            if not doc.title and text:
                self._rendering_title(doc, text, url, sources)
            if not doc.title and label:
                # (... if it has one: else the label was the page's headline, a book's
                # "More From Less", and the page lost its title; s43 acc-read F9)
                doc.title, sources["title"] = label, "html (trafilatura)"
            if (
                doc.title
                and tree is not None
                and section_label(doc.title)
                and (found := _headline_for_label(tree, doc.site_name))
            ):
                # the page's or the dump's title names its section, the <h1> the page (or,
                # when the <h1> names the section too, the <h2> over its one article)
                doc.title, sources["title"] = found[0], f"html ({found[1]})"
            elif (
                doc.title
                and head
                and section_label(doc.title)
                and doc.title.casefold() in head.casefold()
                and (unlabelled := _segment_cut(head)) != head
                and not section_label(unlabelled)
            ):
                # no <h1>: the <title> without its section's name is the headline ("News |
                # Queen Elizabeth dies at 96", of which trafilatura read "News"), as on a
                # text's first line (s42 acc-regress D14). "News - Harbour Times" names
                # its section and site alone and keeps "News"
                doc.title = unlabelled
                sources["title"] = "html (<title>)"
            if doc.site_name:
                doc.site_name = site_name_of(doc.site_name, doc.title, url)
                if not doc.site_name:
                    del sources["site_name"]
            if (
                head
                and (
                    not doc.site_name
                    or (
                        sources.get("site_name") == "html (trafilatura)"
                        and _is_host(doc.site_name, url)
                    )
                )
                and (
                    site := title_site(
                        head,
                        doc.title or "",
                        url,
                        partial(copyright_holder, doc.content),
                    )
                )
                and (not doc.site_name or _address_for_name(doc.site_name, site))
            ):
                # (a page without og:site_name: the segment its <title> adds to the
                # headline, "… | Halvorsen Bio Investors"; s41 acc-press F17. It names the
                # site better than its address, which trafilatura gives without one:
                # "diariodelsur.es" for "… | Diario del Sur", s44 acc-genres G13)
                doc.site_name = site
                sources["site_name"] = "html (title)"
            page = Page(text)  # (split once: for html_candidates and _headline_line)
            where_lines = ("html rendering line ", lambda: page.lines)
            cands = html_candidates(
                doc.content,
                bound,
                hd=hd,
                tree=tree,
                at=at,
                url=url,
                page=page,
                quotes=quotes,
                day_first=_declared_day_first(doc, tree, metas),
            )
            units, teasers = listing_units(page.lines, cands, doc.text or "")
            if (
                units
                and sources.get("title", "").startswith("html")
                and doc.title
                and doc.title.strip() in {page.lines[k].strip() for k in teasers}
            ):
                # a listing: no teaser's headline is its title, as in a plain text (a page
                # without <title> took its first teaser's <h2>; s37 acc-read F9), and the
                # headline stays in its text
                doc.title = None
                del sources["title"]
            if self.options.strip_lines and doc.title and doc.text:
                self._strip_headline(doc, ann)
            original = original_date(text, "html rendering line")
            top = _headline_line(page, doc.title)
            scan = (page.lines, top)
            idx, conf, _ = choose_posted(page.lines, cands)
            date_lines = DateLines(page, cands)  # (tested once for both searches below)
            if (
                self.options.strip_lines
                and doc.text
                and (upd := update_lines(page, cands, date_lines))
            ):
                # the page's update time is metadata, as in a plain text: "Updated 5 hours
                # ago" made each re-fetch a new revision (s31 acceptance, re-crawl #6)
                removed = self._strip(doc, {"updated": upd}, page.lines)
                ann["removed_lines"] = ann.get("removed_lines", 0) + removed
            if (
                self.options.strip_lines
                and doc.text
                and (
                    opening := opening_date_lines(
                        date_lines,
                        doc.text,
                        _HTML_HEADLINE_LINES,
                        cands[idx] if idx is not None else None,
                    )
                )
            ):
                removed = self._strip(doc, {"published": opening}, page.lines)
                ann["removed_lines"] = ann.get("removed_lines", 0) + removed
            if (
                idx is not None
                and cands[idx]["date"] == bound
                and site_clock(cands, idx, bound, top)
            ):
                for c in cands:
                    c["equals_capture"] = c["date"] == bound
                conf = min(conf, CLOCK_CONFIDENCE)
            for k, c in enumerate(cands):
                value = html_value(c)
                where = (
                    f"html rendering line {c['line']}" if c["line"] >= 0 else f"html ({c['cue']})"
                )
                item = self._item(c, value, where)
                if aside_date(c):
                    aside.add(len(dates))
                if k == idx and chosen is None and not units:
                    chosen, confidence = len(dates), conf
                dates.append(item)
        elif not is_post(doc):
            # (a dump's post, annotations.source.post, is what it says: no headline,
            # byline or date line to take from it; a one-line post was its own title and
            # a two-line one lost its first line to it: s31 acc-posts #12)
            # the boilerplate stage's line split of the same text, when it left one; of the
            # text joined into blocks when the input was markdown or hard-wrapped (a
            # headline wrapped over two lines is one line again, and has no markup)
            shared = doc.work.pop("text_lines", None)
            reflowed = doc.work.pop("text_reflow", None)
            verdicts = doc.work.pop(VERDICTS_KEY, None)
            split: LineSplit | None = None
            if reflowed is not None and reflowed.layout == "fragments":
                shared = reflowed = None  # (read from the input's lines: see below)
            if shared is None and reflowed is None:
                # no boilerplate stage before this one: the stage joins the text itself, and
                # the page is split once for that and for the extraction
                own = None if "\r" in doc.content else doc.content.split("\n")
                reflowed = reflow_text(doc.content, own, named_markdown(doc.source.path))
                if reflowed is not None and reflowed.layout == "fragments":
                    # a text whose links were lines of their own: its metadata lines (a
                    # headline, a byline, a date) are read from the input's lines, as the
                    # metadata model was made for; the sentence pieces joined lose them
                    # (BeautifulSoup's get_text("\n") of the dev pages, joined -> not:
                    # titles 0.729 -> 0.741 (aeb, trafeval), 0.724 -> 0.751 (htmldate),
                    # dates 0.876 -> 0.882)
                    reflowed = None
                if reflowed is None and own is not None:
                    split = line_split(own)
            content = reflowed.text if reflowed is not None else doc.content
            original = original_date(doc.content, "text line")
            where_lines = ("text line ", lambda: doc.content.split("\n"))
            if _is_split_of(shared, content):
                split = shared[1:]
            if not isinstance(verdicts, LineVerdicts) or verdicts.text != content:
                # (the boilerplate stage's decisions, when it left them for the lines read
                # here: the title's pool reads them, :func:`.text.removed_as_others`)
                verdicts = None
            # a markdown text's only level-1 heading is its headline (dev pages as html2text
            # writes them: titles 0.497 -> 0.606, research/boilerplate/REPORT.md v11-lead)
            h1 = reflowed.headings if reflowed is not None else []
            if (own := front_matter_url(content)) is not None and own != doc.source.uri:
                # the page's address its front matter gives (a clipper's "source:", Jina
                # Reader's "URL Source:"), as a saved HTML page's canonical one: recorded,
                # and the address its dates and site are read by when the document has none
                # of its own (a .md file; s39 acc-md 6, 8)
                ann["url"] = own
                url = url or own
            meta, lines = extract_lines(
                content,
                bound.isoformat() if bound else None,
                split,
                h1[0] if len(h1) == 1 else None,
                url=url,
                at=at,
                verdicts=verdicts,
                day_first=_declared_day_first(doc),
            )
            top_line = meta["lines"].get("title")
            if not top_line and (want := meta.get("title")):
                # (a headline kept in the text is not among the metadata's lines: the credits
                # are looked for around it, not around the page's first lines, where "Par Le
                # Figaro avec AFP" under it was out of reach; s45 acc-wire W3. The first line
                # equal to it, :func:`.text.line_index`)
                top_line = [line_index(lines, want, _TITLE_REACH) or 0]
            scan = (lines, (top_line or [0])[0])
            units, teasers = listing_units(lines, meta["candidates"], doc.text or "")
            if units:
                # a listing (s36 acc-types #2): no teaser's date is the page's, no teaser's
                # headline its title (the page's own, "Tag : Réforme des retraites", stays)
                drop = {"published"}
                if (meta["lines"].get("title") or [-1])[0] in teasers:
                    meta["title"] = None
                    drop.add("title")
                meta["lines"] = {k: v for k, v in meta["lines"].items() if k not in drop}
            # (the lines the other fields took: a title line's neighbours to tell it by)
            meta_rows = {i for k, v in meta["lines"].items() if k != "title" for i in v}
            if meta["title"] and _in_a_sentence(
                lines,
                meta["lines"].get("title"),
                meta_rows | {c["line"] for c in meta["candidates"]},
                front_matter_lines(lines),
            ):
                # a line of a paragraph that was not joined (a short or unwrapped text): no
                # headline, and its words stay in the text (s30 OCR tester: "Sons, corn
                # merchants, in Market-street, and" taken and cut out of the article)
                meta["title"] = None
                meta["lines"] = {k: v for k, v in meta["lines"].items() if k != "title"}
            if (
                sources.get("title") == "input"
                and section_label(doc.title or "")
                and meta["title"]
                and not section_label(meta["title"])
                and over_the_story(lines, meta["title"], doc.text or "", doc.title or "")
            ):
                # a dump's title that names the page's section or kind, not the page ("Press
                # Release", "Pressemitteilung - BMLW": the scraper's <title>): the headline
                # the text's ranker found, which then leaves the text as a title line does
                # (s41 acc-press F21: the headline was in neither the title nor the text).
                # Only a headline over the text's body: a sub-heading the ranker took in a
                # text without one is no better than a Title-Case headline beside a section's
                # name ("Events - Jazz In The Park"; s42 acc-read F3)
                doc.title = None
                del sources["title"]
            for key in ("title", "site_name", "authors", "tags"):
                value = meta[key]
                if key == "title" and value and n_words(value) > self.options.max_title_words:
                    continue
                if value and not getattr(doc, key):
                    setattr(doc, key, list(value) if isinstance(value, list) else value)
                    sources[key] = "text " + meta["sources"][key]
            for c in meta["candidates"]:
                where = f"text line {c['line']}" if c["line"] >= 0 else "url"
                item = self._item(c, c["value"], where)
                if c.get("aside"):
                    aside.add(len(dates))
                if c["chosen"] and chosen is None and not units:
                    chosen, confidence = len(dates), meta["published_confidence"]
                dates.append(item)
            if meta["publisher"]:
                ann["publisher"] = meta["publisher"]
                sources["publisher"] = "text " + meta["sources"]["publisher"]
            if meta["categories"]:
                ann["categories"] = meta["categories"]
            if self.options.strip_lines:
                strip = dict(meta["lines"])
                if thread:
                    # (a date line is a post's time there, its byline: it stays in the text)
                    strip = {k: v for k, v in strip.items() if k == "title"}
                if sources.get("title") == "input" and "title" in strip:
                    # the input named the title: of the line the text's ranker took, only
                    # one that is that title leaves the text
                    src = lines
                    given = (doc.title or "").strip()
                    strip["title"] = [
                        i for i in strip["title"] if 0 <= i < len(src) and src[i].strip() == given
                    ]
                elif (
                    "title" in strip
                    and not h1
                    and not _headline_form(lines, strip["title"], meta_rows, url)
                ):
                    # a sentence of a text without a headline (s30 corpus tester: 103 of 307
                    # headline-less texts lost a line): the title is kept, its line stays
                    del strip["title"]
                src = lines
                if reflowed is not None and doc.text == doc.content:
                    # (no boilerplate stage before: the text is the input's, and a joined
                    # line, "# Headline" read as "Headline", leaves it as its input lines)
                    src = reflowed.lines
                    strip = {k: [i for j in v for i in reflowed.rows(j)] for k, v in strip.items()}
                ann["removed_lines"] = self._strip(doc, strip, src)
            ann["lines"] = meta["lines"]
            if reflowed is not None:
                _to_input_lines(ann, dates, sources, reflowed)
        if (
            self.options.strip_lines
            and doc.text
            # (not a page's markup, as a run without the boilerplate stage leaves it: 1.3 ms
            # a page for no line to take)
            and not (doc.is_html and doc.text == doc.content)
            and (upd := labelled_update_lines(doc.text))
        ):
            # an update-time line under its label, wherever it is in the text (an HTML page's
            # dates are read from its rendering's first lines only)
            removed = self._strip(doc, {"updated": upd}, doc.text.split("\n"))
            ann["removed_lines"] = ann.get("removed_lines", 0) + removed
        if (
            chosen is None
            and (written := given_fields.get("created"))
            and _given_item(written, "input (created)", dates, bound, at, doc, url)
        ):
            # a row's creation time, when the page gives no date of its own
            chosen, confidence = len(dates) - 1, 0.5
        if (
            thread
            and (not doc.authors or _thread_over(sources.get("authors")))
            and not share_name(thread["posters"][0])
        ):
            # a thread's author is who started it, its first post's poster (as a post's is
            # its poster; the other posters are in the text, each over their post). Not a
            # share bar's button: a live blog's "Одноклассники" over its first post's time
            # (s44 acc-genres G8)
            doc.authors = thread["posters"][:1]
            sources["authors"] = "the thread's first poster"
            # (no line of the text gave this name: the byline's line, if any, no longer
            # holds the value)
            if isinstance(ann.get("lines"), dict):
                ann["lines"].pop("authors", None)
        if scan is not None and sources.get("authors") != "input":
            self._wire(doc, ann, sources, url, *scan, british)
        if doc.site_name and not doc.content_is_html:
            # (a plain text's site line or a dump's site name; an HTML page's was read so)
            doc.site_name = site_name_of(doc.site_name, doc.title, url)
            if not doc.site_name:
                sources.pop("site_name", None)
        people = [
            a
            for a in doc.authors
            if not site_as_author(a, doc.site_name, url) and not share_name(a)
        ]
        if len(people) < len(doc.authors):
            # (a byline's or a dump's: "The Harbour Times" as its own author; s43 acc-index
            # #19. A share bar's button: "Одноклассники", s44 acc-genres G8)
            doc.authors = people
            if not people:
                sources.pop("authors", None)
        if units:
            ann["listing"] = units
        if chosen is not None:
            doc.published = dates[chosen]["value"]
            sources["published"] = dates[chosen]["where"]
        if original is not None:
            # a republished page's original date, as its label states it: published stays
            # the page's own date (docs/stages.md, "Republished pages")
            ann["original"] = original
            ann["published_is_original"] = (doc.published or "")[:10] == original["value"][:10]
        if (updated := _updated(dates, chosen, marked_modified, aside)) is not None:
            ann["updated"] = _correction_label(updated, where_lines)
        ann.update(sources=sources, dates=dates, date_chosen=chosen, date_confidence=confidence)
        ann["model"] = self._model_tag
        if cut := _tidy_fields(doc):
            ann["cut"] = cut
        doc.annotations[self.name] = ann
        return doc

    @staticmethod
    def _wire(
        doc: Document,
        ann: dict[str, Any],
        sources: dict[str, str],
        url: str | None,
        lines: list[str],
        top: int,
        british: bool = False,
    ) -> None:
        """Wire bylines (s32 news-types acceptance #9, #10; :mod:`.wire`): an agency is no
        author ("LISA MASCARO Associated Press" -> the name; "From The Associated Press" ->
        none), a wire role is none ("AP Business Writer"), all-capital names in name case;
        the agencies the byline, the credit lines around the headline (``lines[top]``; the
        page's address ``url``, :meth:`_url`, or its language tag, ``british``, says whether
        it is British or Irish) and
        the dateline name go to ``annotations.metadata.agencies``. A byline that names the
        authors found and more ("By Maria Chen and Tom Baxter" where the page's meta author
        names Maria Chen) gives them all."""
        people, agencies = split_authors(doc.authors or [])
        if people and doc.is_html:
            # (a page's meta author naming one of the byline's names: a plain text's
            # authors are its byline's already)
            byline = byline_names(lines, top)
            known = {" ".join(b.casefold().split()) for b in byline}
            if len(byline) > len(people) and all(
                " ".join(p.casefold().split()) in known for p in people
            ):
                people = byline
                sources["authors"] = sources.get("authors", "html") + " + byline"
        if people != (doc.authors or []):
            doc.authors = people
        if not people:
            # (the byline or the field named an agency or a wire role only: nothing gave
            # authors, and the record says so)
            sources.pop("authors", None)
        body = [x for x in (doc.text or "")[:2000].split("\n", 12) if x.strip()]
        # (a British or Irish page, by its address or its language tag: "PA" after Bradford
        # is PA Media's there)
        parts = _url_parts(url)
        british = british or (
            parts is not None
            and (
                parts[0].endswith((".uk", ".ie"))
                or parts[0].removeprefix("www.") in _BRITISH_COM_HOSTS
            )
        )
        agencies = list(dict.fromkeys(agencies + credits(lines, top, body, british)))
        if agencies:
            ann["agencies"] = agencies

    @staticmethod
    def _no_publisher(
        doc: Document, sources: dict[str, str], ann: dict[str, Any], url: str | None
    ) -> None:
        """The authors of a page's markup without its site's name (:func:`site_as_author`:
        "CBS News" on cbsnews.com) and, beside other names, its copyright holder
        (:func:`copyright_holder`: "Condé Nast" beside "Molly Wood"), which is the page's
        ``publisher`` when it names none; an author facet's most frequent "authors" of the
        dev pages were publishers (s43 acc-index #7). None left: the text's byline may
        give them (:meth:`_text_byline`)."""
        people = [a for a in doc.authors if not site_as_author(a, doc.site_name, url)]
        if len(people) > 1:
            owners = [a for a in people if copyright_holder(doc.content, a)]
            if owners and len(owners) < len(people):
                people = [a for a in people if a not in owners]
                if "publisher" not in ann:
                    ann["publisher"], sources["publisher"] = owners[0], "html (copyright)"
        doc.authors = people
        if not people:
            del sources["authors"]

    def _text_byline(self, doc: Document, sources: dict[str, str], ann: dict[str, Any]) -> None:
        """Authors from a byline at the top of the article trafilatura extracted ("von
        Daniela Obers"), when the page's markup names none (:func:`short_byline`; dev HTML
        pages: found on 5 of 1,086, each the right name); the line leaves the text as a
        plain text's byline does."""
        lines = doc.text.split("\n", _HTML_BYLINE_LINES)[:_HTML_BYLINE_LINES]
        names, i = short_byline(lines)
        if not names or i is None:
            return
        doc.authors = names
        sources["authors"] = f"html text line {i}"
        if self.options.strip_lines:
            ann["removed_lines"] = self._strip(doc, {"authors": [i]}, lines)

    def _text_tags(self, doc: Document, sources: dict[str, str], ann: dict[str, Any]) -> None:
        """Tags from a labelled tag line of the article trafilatura extracted ("Tags: budget,
        city council"), when the page's markup names none, read as a plain text's
        (:func:`labelled_tags`): the HTML path read none and kept the line in the text,
        while the same page's text rendering gave its tags (s38 acc-regress D1); the line
        leaves the text as a plain text's tag line does. Not the headline's line."""
        lines = doc.text.split("\n")
        title = (doc.title or "").strip()
        # (the lines with a colon: a label ends with one; ~2 µs a page, where a Page of the
        # text, as the plain text's reading scans it, took ~100)
        items = (
            (i, s)
            for i, ln in enumerate(lines)
            if (":" in ln or "：" in ln) and (s := ln.strip()) != title
        )
        if (tagged := labelled_tags(items)) is None:
            return
        doc.tags, i = tagged
        sources["tags"] = f"html text line {i}"
        if self.options.strip_lines:
            removed = self._strip(doc, {"tags": [i]}, lines)
            ann["removed_lines"] = ann.get("removed_lines", 0) + removed

    def _rendering_title(
        self, doc: Document, text: str, url: str | None, sources: dict[str, str]
    ) -> None:
        """The title of an HTML page whose markup names none (no ``<title>``, ``<h1>`` or
        ``og:title``), read off its rendering ``text`` as a plain text's is: a headline
        paragraph over "LONDON, March 4, 2024" was the title of the page's text rendering
        and none of the page (s36 acc-regress O6). Only a line the extraction kept, the
        article's own (a blog's rating widget "5 - Super4321 - geht so" won on a page whose
        article trafilatura cut from its furniture: 1 of 1,085 dev pages has no title)."""
        title = extract_lines(text, url=url)[0]["title"]
        if (
            title
            and title in (doc.text or "").split("\n")
            and n_words(title) <= self.options.max_title_words
        ):
            doc.title = title
            sources["title"] = "html rendering (text)"

    def _strip_headline(self, doc: Document, ann: dict[str, Any]) -> None:
        """The headline out of an HTML page's text when the extraction began with it, as a
        plain text's headline line leaves its text: the record's text had the title twice
        for HTML input only."""
        lines = doc.text.split("\n", _HTML_HEADLINE_LINES)[:_HTML_HEADLINE_LINES]
        # (the title as the record will have it, the text's lines are so already: composed,
        # its mojibake repaired; a decomposed page's title is as the page writes it, a
        # mojibake one as stored, and the headline stayed in the text: s36 acc-regress R10)
        title = tidy_field(doc.title) if doc.title else ""
        for i, line in enumerate(lines):
            if tidy_field(line) == title:
                removed = self._strip(doc, {"title": [i]}, lines)
                ann["removed_lines"] = ann.get("removed_lines", 0) + removed
                return

    @staticmethod
    def _item(c: dict[str, Any], value: str, where: str) -> dict[str, Any]:
        item = {
            "value": value,
            "where": where,
            "precision": _precision(value),
            "text": str(c["text"]),
            "form": c["form"],
            "cue": c.get("cue"),
            "score": round(float(c["score"]), 3),
        }
        if c.get("equals_capture"):
            item["equals_capture"] = True
        if "alternative" in c:  # (a text candidate: already written out)
            item["alternative"], item["order"] = c["alternative"], c["order"]
        else:
            item.update(order_evidence(c))
        return item

    @staticmethod
    def _url(doc: Document) -> str | None:
        """The page's web address: the document's URI, or the original page's when it is
        an archived copy ("https://web.archive.org/web/20190717142834/https://site.de/a")."""
        uri = doc.source.uri
        if "://" not in uri or uri.startswith("file:"):
            return None
        m = _ARCHIVED.match(uri)
        return m.group("url") if m else uri

    @staticmethod
    def _bound(doc: Document) -> date | None:
        """The latest possible publication day (:func:`capture_bound`). Fills
        ``fetched_at`` from the HTTP ``Date`` header when the source gave none."""
        src = doc.source
        served = _http_day((src.http_headers or {}).get("date"))
        if not src.fetched_at and served is not None:
            src.fetched_at = served.astimezone(UTC).isoformat().replace("+00:00", "Z")
        return capture_bound(doc)

    @staticmethod
    def _strip(doc: Document, lines: dict[str, list[int]], src: list[str] | None = None) -> int:
        """Remove the recognised metadata lines from ``doc.text``; the number removed.

        The text may already be cleaned (lines dropped, whitespace stripped), so lines are
        matched by their stripped content, not their number. Nothing is removed if nothing
        would be left. ``src``: the content's lines, if already split.
        """
        if src is None:
            src = doc.content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        drop = {src[i].strip() for ids in lines.values() for i in ids if 0 <= i < len(src)}
        drop.discard("")
        if not drop:
            return 0
        # The text's lines whose stripped text is one to drop, found by a C-level search for
        # each (a handful of lines) instead of splitting and stripping every line of the
        # text; a line is dropped when the text around the hit, to its line's ends, is
        # whitespace (what str.strip removes).
        text = doc.text
        found: set[tuple[int, int]] = set()
        for s in drop:
            pos = text.find(s)
            while pos >= 0:
                if pos and not text[pos - 1].isspace():
                    # (inside a line: "BBC" in "the BBC said")
                    pos = text.find(s, pos + 1)
                    continue
                start = text.rfind("\n", 0, pos) + 1
                end = text.find("\n", pos + len(s))
                end = len(text) if end < 0 else end
                if (start == pos or text[start:pos].isspace()) and (
                    end == pos + len(s) or text[pos + len(s) : end].isspace()
                ):
                    found.add((start, end))
                pos = text.find(s, pos + 1)
        if not found:
            return 0
        # the runs of lines between the dropped ones (a run of no lines left out)
        runs: list[str] = []
        at = 0  # where the next run starts
        for start, end in sorted(found):
            if start > at:
                runs.append(text[at : start - 1])
            at = end + 1
        if at <= len(text):
            runs.append(text[at:])
        kept = _tidy_blank_lines("\n".join(runs))
        if not kept:
            return 0
        doc.text = kept
        return len(found)


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(MetadataStage)


def _in_a_sentence(
    src: list[str], rows: list[int] | None, other: set[int], fields: int = 0
) -> bool:
    """Whether the title line (the first of ``rows``, of the content's lines ``src``) is a
    piece of a sentence that goes on in the next line (:func:`.text.piece_of_sentence`),
    which is no metadata line (``other``: a date line in small letters, "terça-feira, 22 de
    outubro"; a byline), nor one of the first ``fields`` lines, a front matter's (its
    'title: "..."' over "tags:" was taken for a sentence's start: s37 acc-regress O2)."""
    if not rows or not fields <= rows[0] < len(src) - 1 or rows[0] + 1 in other:
        return False
    return piece_of_sentence(src[rows[0]].strip(), src[rows[0] + 1].strip())


#: What ends a sentence (a closing quote or bracket after it), in the scripts the language
#: stage knows: Latin, Devanagari/Bengali danda, Arabic/Urdu, Ethiopic, Khmer, Myanmar, CJK
_SENTENCE_END = re.compile(f"[.!?…。！？।॥؟۔።፧។៕။,;][{re.escape(_CLOSERS)}]*$")


#: A line's last word an abbreviation whose period ends no sentence: a company's or a
#: list's ("Kleiderschrank & Co.", "Apple Inc.", "Smith Bros.", "Tipps, Tricks usw."), a name's
#: ("Martin Luther King Jr.")
_ABBREVIATION_END = re.compile(
    r"(?i)(?<![\w.])(?:co|inc|ltd|corp|bros|cie|etc|usw|bzw|jr|sr|gmbh|ag|kg)\."
    f"[{re.escape(_CLOSERS)}]*$"
)


def _mostly_small(line: str) -> bool:
    """Whether at least half of ``line``'s words start in small letters."""
    words = line.split()
    return 2 * sum(w[:1].islower() for w in words) >= len(words)


def _headline_form(src: list[str], rows: list[int], other: set[int], url: str | None) -> bool:
    """Whether the ranker's title line (the first of ``rows``, of the content's lines
    ``src``) has the evidence of a headline, so that it leaves the text: it does not end as a
    sentence does (an abbreviation's period, "& Co.", ends none in a line whose words mostly
    start in capitals), or a comma ("Council
    approves budget"), or, when it does ("Is this really what I wanted out of life?", a body
    sentence of a text without a headline), it is in capitals ("THE COLLIERY DISPUTE."),
    it asks or exclaims as a block of its own (a blank line
    under it), a metadata line follows it (a byline, a date line: ``other``)
    or the page's address names it (its slug's words are the line's)."""
    if not rows or not 0 <= rows[0] < len(src):
        return True
    line = src[rows[0]].strip()
    if not _SENTENCE_END.search(line) or (
        # (a line of names and capitals, "Die besten Tricks von Marie Kondo für
        # Kleiderschrank & Co."; a body's first sentence may end so too, "The quarterly
        # results were published on Monday by Acme Widgets Inc.", and stays: most of its
        # words start in small letters; s32 regression tester #13)
        _ABBREVIATION_END.search(line) and not _mostly_small(line)
    ):
        return True
    if any(c.isupper() for c in line) and not any(c.islower() for c in line):
        return True
    if line.rstrip(_CLOSERS)[-1:] in "?!…" and (
        rows[0] + 1 == len(src) or not src[rows[0] + 1].strip()
    ):
        # a question or an exclamation set off as a block of its own ("Was ist Creative
        # Commons?", a blank line under it): a headline; a body's sentence goes on in the
        # next line (dev text pages: 52 of 1,088 real headlines were kept in the text)
        return True
    after = next((i for i in range(rows[0] + 1, len(src)) if src[i].strip()), None)
    if after is not None and after in other:
        return True
    slug = _slug_words(url)
    if slug:
        words = set(_slug_tokens(line))
        if len(slug & words) >= max(3, len(slug) // 2):
            return True
    return False
