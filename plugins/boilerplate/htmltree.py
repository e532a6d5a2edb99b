"""HTML parsed as trafilatura parses it, with element proxies made in C; trafilatura's
XPath expressions in a form libxml2 evaluates faster, with the same results.

:func:`load_html` is :func:`trafilatura.utils.load_html` (same decoding, repairs, parser
options and fallbacks) with one difference: lxml.html's parser looks up the Python class of
every element proxy through a Python callback (``HtmlElementClassLookup.lookup``, which
gives form controls their own classes), and trafilatura's XPath pruning creates thousands
of proxies per page. Our parser gives every element the plain :class:`~lxml.html.HtmlElement`
through lxml's C-level default lookup. Neither trafilatura, htmldate nor the metadata stage
uses the form classes' extra API, so extraction output is identical (checked on every dev
page, ``research/boilerplate/html_fastparse.py``) and trafilatura's extraction costs ~20 %
less CPU. Trees are still ``HtmlElement`` instances, which trafilatura takes as they are.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.etree import XPath
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)

from corearchive import lazyre as re

__all__ = ["AttrIndex", "guarded", "guarded_xpaths", "links_below", "load_html", "page_xpaths"]

# trafilatura.utils.HTML_PARSER's options, and huge_tree: without it libxml2 stops at
# 256 levels of nesting ("Excessive depth in document") and the page's text is lost; pages
# with unclosed inline tags repeated go that deep (a page of 300 unclosed <div>s gave no
# record at all)
_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement,
        comment=HtmlComment,
        pi=HtmlProcessingInstruction,
        entity=HtmlEntity,
    )
)


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        tree: HtmlElement = fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # lxml raises several types on junk input (trafilatura logs and goes on)
        return None
    return tree


#: The characters of trafilatura's ``INVALID_XML_CHARS`` class, one by one.
_INVALID_XML_CHARS = tuple(
    map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])
)


def repair_faulty_html(htmlstring: str, beginning: str) -> str:
    """trafilatura.utils.repair_faulty_html, the same string: its removal of the characters
    libxml2 refuses runs only when one is there. The regular expression scans the whole page
    (~0.4 ms for the dev pages' ~145,000 characters) to find none on almost every page; a
    ``str`` search for each of the 29 characters (a ``memchr`` per character on most
    pages) answers in a quarter of that."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS

    if any(c in htmlstring for c in _INVALID_XML_CHARS):
        htmlstring = INVALID_XML_CHARS.sub("", htmlstring)
    # (the rest as trafilatura has it)
    if "doctype" in beginning:
        firstline, _, rest = htmlstring.partition("\n")
        htmlstring = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in htmlstring[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            htmlstring = FAULTY_HTML.sub(r"\1>", htmlstring, count=1)
            break
    return htmlstring


def _utf8(text: str) -> str | bytes:
    """``text`` as UTF-8 bytes, or as it is when it does not encode (lone surrogates)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text


_TAG = re.compile(r"<[A-Za-z][\w:-]*[\s/>]")


#: The elements whose content is raw text, no markup (HTML's raw-text and escapable
#: raw-text elements, and the obsolete ones parsers still read so)
_RAW_TEXT_ELEMENTS = (
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "textarea",
    "title",
)
#: Attributes that one tag may have. libxml2 checks each attribute of a tag against the
#: ones before it, in C: a tag with N distinct attributes takes ~N^2.5 time to parse (s28
#: security review H2; this parser, CPU s: 1,000 attributes 0.002, 5,000 0.02, 10,000 0.1,
#: 20,000 0.4, 80,000 14; at the 5 MB html_max_bytes, ~30 min), which no time limit can
#: interrupt. No page of the dev sets has a tag with over 100 attributes (one over 60).
MAX_ATTRIBUTES = 1000
_TAG_START = r"<[A-Za-z][^\s/>]*+"
#: One attribute, tokenised as the HTML5 rules that libxml2 2.14 follows: after spaces or
#: ``/``, or nothing after a quoted value; a name may hold quotes or ``<``; a value quoted or
#: not. Possessive and atomic: read once, without backtracking.
_ATTRIBUTE = r"(?>[\s/]*+[^\s/>][^\s/>=]*+(?>\s*+=\s*+(?>\"[^\"]*+\"|'[^']*+'|[^\s>]*+))?+)"
#: The page from its start up to a tag with over MAX_ATTRIBUTES attributes (or to its end):
#: text and tags with fewer, each read once (a search for the many-attribute tag would
#: start again at each "<" inside a tag: quadratic, 36 s on a 5 MB page so made).
_FEW_ATTRIBUTES = rf"{_ATTRIBUTE}{{0,{MAX_ATTRIBUTES}}}+(?!{_ATTRIBUTE})"
_UP_TO_MANY_ATTRIBUTES = re.compile(
    r"(?:[^<]++"
    # a comment (HTML5's ends, "<!-->" included), to its end or the page's
    r"|<!--(?:>|->|[^-]*+(?:-(?!-!?>)[^-]*+)*+(?:--!?>)?)"
    # an element that holds no tags: its start tag's attributes, then its content as text
    # (minified scripts have "a<b c d …" by the thousand: 854 "attributes" on a dev page),
    # to its end tag or the page's end. (Each name spelt out: a capturing group and a
    # backreference inside a possessive repeat make Python 3.11's re fail, "SystemError:
    # The span of capturing group is wrong".)
    + "".join(
        rf"|(?i:<{e})(?=[\s/>]|\Z){_FEW_ATTRIBUTES}[^>]*+>?"
        rf"[^<]*+(?:<(?!(?i:/{e}))[^<]*+)*+(?:(?i:</{e}))?"
        for e in _RAW_TEXT_ELEMENTS
    )
    + rf"|<(?![A-Za-z])|{_TAG_START}{_FEW_ATTRIBUTES})*+"
)


class MarkupRefused(ValueError):
    """The page has markup that the parser would take too long to read (see
    :data:`MAX_ATTRIBUTES`): the page is not parsed."""


def check_markup(text: str) -> None:
    """Raise :class:`MarkupRefused` when a tag of ``text`` has over :data:`MAX_ATTRIBUTES`
    attributes (one linear scan)."""
    if len(text) > 2 * MAX_ATTRIBUTES:
        end = _UP_TO_MANY_ATTRIBUTES.match(text).end()  # type: ignore[union-attr]
        if end < len(text):
            raise MarkupRefused(
                f"HTML refused: a tag with over {MAX_ATTRIBUTES:,} attributes (at character"
                f" {end:,}), which the HTML parser would take minutes to read"
            )


_TAG_NAME = re.compile(r"<([A-Za-z][^\s/>]*+)")
_ATTRIBUTES = re.compile(_ATTRIBUTE)
_TAG_REST = re.compile(rf"{_ATTRIBUTE}*+[^>]*+>?")
_RAW_TEXT = frozenset(_RAW_TEXT_ELEMENTS)


def neutralise_markup(text: str) -> tuple[str, int, int]:
    """``text`` with each start tag of over :data:`MAX_ATTRIBUTES` attributes (see
    :func:`check_markup`) replaced by the bare tag, its name without attributes, and how
    many tags and attributes went. The parser never reads such a tag, and the rest of the
    page is read as it is: its article was lost with the page, which one hostile tag failed
    (s28 integration tester L3). One linear scan, as :func:`check_markup`, and one more
    over each such tag."""
    if len(text) <= 2 * MAX_ATTRIBUTES:
        return text, 0, 0
    parts: list[str] = []
    pos = tags = attributes = 0
    while (end := _UP_TO_MANY_ATTRIBUTES.match(text, pos).end()) < len(text):  # type: ignore[union-attr]
        name = _TAG_NAME.match(text, end)
        if name is None:  # (cannot be: the scan stops at a start tag)
            break
        rest = _TAG_REST.match(text, name.end())
        stop = rest.end() if rest is not None else len(text)
        tags += 1
        attributes += sum(1 for _ in _ATTRIBUTES.finditer(text, name.end(), stop))
        parts += [text[pos:end], f"<{name.group(1)}>"]
        pos = stop
        if name.group(1).lower() in _RAW_TEXT:
            # its content is text up to its end tag, as the scan reads it
            close = re.compile(rf"</{re.escape(name.group(1))}", re.IGNORECASE).search(text, pos)
            stop = close.start() if close is not None else len(text)
            parts.append(text[pos:stop])
            pos = stop
    if not tags:
        return text, 0, 0
    parts.append(text[pos:])
    return "".join(parts), tags, attributes


#: Cells one table row may have for the extractor. trafilatura's ``handle_table`` takes
#: ``len()`` of the row it builds for each cell (O(cells) in lxml): a row of N cells takes
#: ~N^2 time (s28 security M3: a 390 KB page of one row of 40,000 cells, 13.6 s of
#: handle_table; at 1 MB, the html_timeout and the page failed). A longer row is cut into
#: rows of this many cells (its text kept, in order); so are cells that stand in a table
#: outside any row (which trafilatura gathers in one row). The 1,088 HTML pages of the
#: eval sets (dev and test) have at most 35 cells in a row.
MAX_ROW_CELLS = 500

_CELLS = frozenset(("td", "th"))


def split_long_rows(tree: HtmlElement) -> int:
    """Cut every table row of ``tree`` with over :data:`MAX_ROW_CELLS` cells into rows of
    that many (in place, linear); the number of rows made."""
    made = 0
    for elem in list(tree.iter("tr", "table")):
        if len(elem) <= MAX_ROW_CELLS:  # (counted in C: the list only of a long one)
            continue
        cells = [c for c in elem if c.tag in _CELLS]
        if len(cells) <= MAX_ROW_CELLS:
            continue
        if elem.tag == "tr":
            # the cells past the first MAX_ROW_CELLS go to new rows after this one
            after = elem
            for i in range(MAX_ROW_CELLS, len(cells), MAX_ROW_CELLS):
                row = elem.makeelement("tr", {})
                row.extend(cells[i : i + MAX_ROW_CELLS])
                after.addnext(row)
                after = row
                made += 1
        else:
            # cells right in the table: each run of MAX_ROW_CELLS in a row of its own
            for i in range(0, len(cells), MAX_ROW_CELLS):
                group = cells[i : i + MAX_ROW_CELLS]
                row = elem.makeelement("tr", {})
                group[0].addprevious(row)
                row.extend(group)
                made += 1
    return made


#: The signs a heading's permalink shows: Sphinx's and MkDocs' "¶", a link's or an anchor's
#: symbol, a "#" or "§"
PERMALINK_MARKS = frozenset("¶🔗⚓#§")
#: Around the sign: spaces, zero-width spaces, the emoji's variation selector ("⚓️")
_AROUND_MARK = " \t\n\r\u00a0\u200b\ufe0f"
#: What a page that may hold such a link holds: a sign, as a character or an entity
#: (Python-Markdown's ``toc`` writes "&para;": MkDocs' headings kept their "¶"; s44 acc-read
#: F6), or a link whose text ends with a "#" (spaces around it too). (Substring tests: a
#: page without a character beyond Latin-1 skips the signs' at once; the regular expression
#: of the five took 1.3 ms a dev page, a third of its parse)
_PERMALINK_HINTS = (
    "¶", "🔗", "⚓", "§", "#</a>", "&para;", "&#182;", "&#xb6;", "&#xB6;", "&sect;", "&#167;",
    "&#xa7;", "&#xA7;", "# </a>",
)  # fmt: skip
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def drop_permalinks(tree: HtmlElement, html: str) -> int:
    """Take out of ``tree``'s headings (in place) each link whose whole text is one
    permalink sign (:data:`PERMALINK_MARKS`), the text after it kept; the number taken out.
    The sign is the page's navigation, not the heading's words: the extractor and the
    metadata both read it, a Sphinx page's title was "Installation¶" and every sub-heading
    of its text "Prerequisites¶" (s42 review R7). ``html``, the page's markup, spares the
    walk on the pages that show no sign (most)."""
    if not any(hint in html for hint in _PERMALINK_HINTS):
        return 0
    links = [
        a
        for h in tree.iter(_HEADINGS)
        for a in h.iter("a")
        if a.text_content().strip(_AROUND_MARK) in PERMALINK_MARKS
    ]
    for a in links:
        a.drop_tree()
    return len(links)


def parse_was_cut() -> bool:
    """Whether the last :func:`load_html` of this process stopped at libxml2's depth limit
    (2,048 levels with ``huge_tree``): what lies deeper is not in its tree."""
    return any("Excessive depth" in e.message for e in _PARSER.error_log)


def load_html(html: str | bytes, checked: bool = False) -> HtmlElement | None:
    """The page's tree, or None when it is no HTML (the logic of trafilatura's ``load_html``
    for a string or bytes, with the C-level element lookup). A start tag of over
    :data:`MAX_ATTRIBUTES` attributes is read without them (:func:`neutralise_markup`; the
    parser would take minutes on it); ``checked``: the caller did that already."""
    from trafilatura.utils import decode_file, is_dubious_html

    text = decode_file(html)
    if not checked:
        text = neutralise_markup(text)[0]
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    text = repair_faulty_html(text, beginning)
    tree: HtmlElement | None = None
    fallback = False
    try:
        # libxml2 reads UTF-8 bytes as they are (the parser's encoding), where a str is
        # converted from Python's internal form first: the same tree (every dev page of
        # the three sets, tests/test_htmltree.py) for ~25 % less parsing CPU. Only text
        # that encodes cleanly (no lone surrogates) is given as bytes.
        tree = fromstring(_utf8(text), parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _from_bytes(text)
        fallback = True
    except Exception:  # as trafilatura: no tree from this pass
        tree = None
    if (tree is None or len(tree) < 1) and not fallback:
        tree = _from_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        # trafilatura takes one element without "html" near the start for no HTML; but an
        # HTML fragment ("<article><p>…</p></article>", the html field of a dump, a page
        # saved without its head) is one: read as the body of a page (its text was lost).
        # Words without markup stay no HTML.
        if _TAG.search(text) is None:
            return None
        try:
            tree = fromstring(_utf8(f"<html><body>{text}</body></html>"), parser=_PARSER)
        except Exception:
            tree = None
        if tree is not None and not "".join(tree.itertext()).strip():
            tree = None  # (nothing to read: as trafilatura says)
    if tree is not None:
        split_long_rows(tree)
        drop_permalinks(tree, text)
    return tree


_XPATH_CALL = re.compile(
    r"(re:test|contains|starts-with)\((@[\w-]+(?:\|@[\w-]+)*),\s*'([^']*)'(?:,\s*'([^']*)')?\)"
)


def guarded(expression: XPath) -> XPath:
    """The same XPath with each attribute test preceded by the attribute's existence:
    ``re:test(@class, 'p')`` becomes ``((@class) and re:test(@class, 'p'))``. Equal
    results when the test is false on the empty string (checked for each pattern, left
    alone otherwise); libxml2 skips the test, and lxml its Python regex callback, on
    elements without the attribute (trafilatura's author expressions: ~35 % less CPU)."""

    def guard(m: re.Match[str]) -> str:
        fn, attr, lit, flags = m.groups()
        if fn == "re:test":  # (flags: lxml reads "i" as IGNORECASE, "g" is for replace)
            empty_true = re.search(lit, "", re.I if "i" in (flags or "") else 0) is not None
        else:
            empty_true = lit == "" or flags is not None  # (no such call: left alone)
        return m.group(0) if empty_true else f"(({attr}) and {m.group(0)})"

    ns = {"re": "http://exslt.org/regular-expressions"}
    return XPath(_XPATH_CALL.sub(guard, expression.path), namespaces=ns)


@lru_cache(maxsize=1)
def _xpath_lists() -> list[tuple[list[Any], list[Any], list[Any]]]:
    """trafilatura's lists of XPath expressions: (the list, its expressions, guarded)."""
    import trafilatura.xpaths as tx

    out = []
    for value in vars(tx).values():
        if isinstance(value, list) and value and all(isinstance(x, XPath) for x in value):
            out.append((value, list(value), [guarded(_as_union(x)) for x in value]))
    return out


_ANY_OF = re.compile(r"\.//\*\[ ?((?:self::[\w-]+(?: or )?)+)\] ?(\[.*\])")
_POSITIONAL = re.compile(r"position\(|last\(|\[\s*\d")


def _as_union(expression: XPath) -> XPath:
    """``.//*[self::a or self::b][P]`` as ``.//a[P]|.//b[P]``: the same node set, in
    document order (``P`` is tested on the same elements, and neither form has a
    position in it), and ~15-25 % less CPU: libxml2 finds elements by name in its
    descendant scan, where ``self::`` tests run as a predicate on every element
    (trafilatura's pruning expressions; ``research/boilerplate/v9_union.py``). Other
    shapes, and any with a positional test, are returned as they are."""
    m = _ANY_OF.fullmatch(" ".join(expression.path.split()))
    if m is None or _POSITIONAL.search(m.group(2)):
        return expression
    names = re.findall(r"self::([\w-]+)", m.group(1))
    union = "|".join(f".//{name}{m.group(2)}" for name in names)
    return XPath(union, namespaces={"re": "http://exslt.org/regular-expressions"})


_depth = 0

#: Held by every block that changes trafilatura's, htmldate's or jusText's module state
#: (:func:`patched`, :func:`guarded_xpaths`, :func:`page_xpaths`, :func:`faster_justext`,
#: the metadata stage's htmldate blocks) and by the boilerplate stage around a page's whole
#: HTML extraction: that state is the process's, so two threads (a Cleaner each, or
#: ``ingest()`` from two threads) took each other's lists and functions (about half of the
#: HTML pages failed with ``zip() argument 2 is longer than argument 1``, and a save/restore
#: could interleave and leave a patch in place). One thread at a time reads a page's HTML;
#: the rest of the stages run in parallel. Reentrant: the blocks nest. ~0.1 µs a block on
#: one thread.
LIBRARY_LOCK = threading.RLock()

# A fork (a process pool started by another thread) waits until no thread holds the
# libraries' state, and the child gets it free: a child forked while another thread held
# it waited on it for good (ingest(workers=2) from two threads hung), and could have
# inherited a half-changed state.
os.register_at_fork(
    before=LIBRARY_LOCK.acquire,
    after_in_parent=LIBRARY_LOCK.release,
    after_in_child=LIBRARY_LOCK._at_fork_reinit,  # type: ignore[attr-defined]
)


@contextmanager
def patched(*changes: tuple[Any, str, Any]) -> Iterator[None]:
    """Within the block, each ``(module, name, value)`` of ``changes``: the module's attribute
    ``name`` is ``value`` (a library's function replaced by a faster or corrected one); put
    back as it was after the block, however it ends. Holds :data:`LIBRARY_LOCK`."""
    with LIBRARY_LOCK:
        saved = [(module, name, getattr(module, name)) for module, name, _ in changes]
        for module, name, value in changes:
            setattr(module, name, value)
        try:
            yield
        finally:
            for module, name, value in reversed(saved):
                setattr(module, name, value)


@contextmanager
def guarded_xpaths() -> Iterator[None]:
    """Within the block, trafilatura's pruning, extraction and metadata expressions (its
    ``xpaths`` module's lists) are their :func:`guarded` forms: the same results, ~12 % less
    CPU for a precision extraction. The lists are trafilatura's module objects, changed in
    place and restored when the outermost block ends: every module that imported them sees
    the change, and only for the block. Identical output on every dev page in precision,
    default and recall modes, and identical metadata
    (``research/boilerplate/html_fastparse.py``, ``research/metadata/lean_meta.py``)."""
    tb = _baseline_module()

    global _depth
    lists = _xpath_lists()
    with LIBRARY_LOCK:  # (_depth and the lists: one thread's at a time)
        if _depth == 0:
            for target, _, faster in lists:
                target[:] = faster
            # (its module's own expression: html2txt, baseline and jusText's input cleaning)
            tb.BASIC_CLEAN_XPATH = _basic_clean()[1]
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
            if _depth == 0:
                for target, original, _ in lists:
                    target[:] = original
                tb.BASIC_CLEAN_XPATH = _basic_clean()[0]


def _baseline_module() -> Any:
    """The module ``trafilatura.baseline`` (``import trafilatura.baseline as tb`` gives the
    function ``trafilatura.baseline``, which the package exports under the same name)."""
    import importlib

    return importlib.import_module("trafilatura.baseline")


@lru_cache(maxsize=1)
def _basic_clean() -> tuple[XPath, XPath]:
    """``trafilatura.settings.BASIC_CLEAN_XPATH`` and its :func:`guarded` form (its
    cookie-consent tests ran lxml's Python regex callback on every element, twice)."""
    from trafilatura.settings import BASIC_CLEAN_XPATH

    return BASIC_CLEAN_XPATH, guarded(BASIC_CLEAN_XPATH)


def originals(active: list[Any]) -> list[Any]:
    """The original expressions of one of trafilatura's XPath lists, whether
    :func:`guarded_xpaths` has replaced them at the moment or not."""
    for target, original, _ in _xpath_lists():
        if target is active:
            return original
    return list(active)


# --- trafilatura's expressions skipped where no attribute of the page can match ---
#
# Each of trafilatura's author, category and tag XPath expressions matches only elements
# with a given attribute value: ``@class='tags'``, ``contains(@class, 'cat-links')``,
# ``re:test(@class, '^(?:tag|postmeta|meta)')`` ... Most pages have none of these values, and
# then the expression's full-document scan (and, for the author, a deep copy of the tree
# pruned before the scan) finds nothing. One XPath collects the values of the attributes
# these expressions test, joined by newlines; an expression runs only when one of its
# literals is in that text (a superset of what it can match: a value equal to, starting
# with or containing the literal). The needles are keyed by the expression's text as
# trafilatura 2.3 writes it; an expression whose text differs (another release) always runs.

#: The attributes the expressions below test, and the elements (``//author``; ``rel='me'``
#: is a test on a child element named ``rel``) that match without any attribute.
INDEX_ATTRS = ("class", "id", "rel", "itemprop", "data-testid", "data-component")
INDEX_ELEMENTS = ("author", "rel")

# (kind, literal): "sub" the literal anywhere in a value, "pre" a value starting with it,
# "eq" a value equal to it; "el" an element of that name anywhere.
Needles = tuple[tuple[str, str], ...]
_COMMENT_NEEDLES: Needles = (
    ("pre", "Comment"),
    ("pre", "comment"),
    ("pre", "comol"),
    ("pre", "disqus_thread"),
    ("pre", "dsq-comments"),
    ("sub", "article-comments"),
    ("sub", "post-comments"),
)
NEEDLES: dict[str, Needles] = {
    # AUTHOR_XPATHS: every literal of the first two contains "uthor" except these
    "//*[self::a or self::address or self::div or self::link or self::p or self::span or "
    "self::strong][ @rel='author' or @id='author' or @class='author' or @itemprop='author name' "
    "or rel='me' or @data-testid='AuthorCard' or @data-testid='AuthorURL' or re:test(@class, "
    "'author-?name|AuthorName|authorName')]|//author": (
        ("sub", "uthor"),
        ("el", "author"),
        ("el", "rel"),
    ),
    "//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][ @class='byline' "
    "or @class='username' or @class='byl' or @class='BBL' or contains(@itemprop, 'author') or "
    "re:test(@id, 'author|zuozhe|bianji|xiaobian') or re:test(@class, 'author|channel-name|"
    "zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name')]": (
        ("eq", "byline"),
        ("eq", "username"),
        ("eq", "byl"),
        ("eq", "BBL"),
        ("sub", "author"),
        ("sub", "zuozhe"),
        ("sub", "bianji"),
        ("sub", "xiaobian"),
        ("sub", "channel-name"),
        ("sub", "submitted-by"),
        ("sub", "posted-by"),
        ("sub", "journalist-name"),
    ),
    "//*[ contains(@data-component, 'Byline') or contains(@itemprop, 'author') or "
    "re:test(@id, '[Aa]uthor') or re:test(@class, '[Aa]uthor|screenname|writer|[Bb]yline')]": (
        ("sub", "Byline"),
        ("sub", "uthor"),
        ("sub", "screenname"),
        ("sub", "writer"),
        ("sub", "yline"),
    ),
    # CATEGORIES_XPATHS
    "//div[ re:test(@class, '^(?:post-?info|post-?meta|meta|entry-meta|entry-info|"
    "entry-utility)') or starts-with(@id, 'postpath')]//a[@href]": (
        ("pre", "postinfo"),
        ("pre", "post-info"),
        ("pre", "postmeta"),
        ("pre", "post-meta"),
        ("pre", "meta"),
        ("pre", "entry-meta"),
        ("pre", "entry-info"),
        ("pre", "entry-utility"),
        ("pre", "postpath"),
    ),
    "//p[starts-with(@class, 'postmeta') or starts-with(@class, 'entry-categories') or "
    "@class='postinfo' or @id='filedunder']//a[@href]": (
        ("pre", "postmeta"),
        ("pre", "entry-categories"),
        ("eq", "postinfo"),
        ("eq", "filedunder"),
    ),
    "//footer[starts-with(@class, 'entry-meta') or starts-with(@class, 'entry-footer')]"
    "//a[@href]": (("pre", "entry-meta"), ("pre", "entry-footer")),
    "//*[self::li or self::span][@class='post-category' or @class='postcategory' or "
    "@class='entry-category' or contains(@class, 'cat-links')]//a[@href]": (
        ("eq", "post-category"),
        ("eq", "postcategory"),
        ("eq", "entry-category"),
        ("sub", "cat-links"),
    ),
    "//header[@class='entry-header']//a[@href]": (("eq", "entry-header"),),
    "//div[@class='row' or @class='tags']//a[@href]": (("eq", "row"), ("eq", "tags")),
    # RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH, REMOVE_COMMENTS_XPATH (the
    # extraction's first full-tree scans; "[Cc]omment(?!ary)" needs a value starting with
    # "Comment" or "comment")
    ".//*[self::div or self::section or self::aside][ re:test(@id, 'mvp-post-add-(?:box|wrap)|"
    "infinite-?scroll') or re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ "
    "not(.//h1) or re:test(@id, 'mvp-post-add-(?:box|wrap)') or re:test(@class, "
    "'mvp-post-add-(?:box|wrap)')]": (
        ("sub", "mvp-post-add-box"),
        ("sub", "mvp-post-add-wrap"),
        ("sub", "infinitescroll"),
        ("sub", "infinite-scroll"),
    ),
    ".//*[self::div or self::section or self::aside]"
    "[contains(@class, 'elementor-share-buttons')]": (("sub", "elementor-share-buttons"),),
    # TEASER_DISCARD_XPATH, DISCARD_IMAGE_ELEMENTS (a full scan of the converted tree each,
    # in every extraction; translate() lowers the T of "Teaser" alone)
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "contains(translate(@id, 'T', 't'), 'teaser') or contains(translate(@class, 'T', 't'), "
    "'teaser')]": (("sub", "teaser"), ("sub", "Teaser")),
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "contains(@id, 'caption') or contains(@class, 'caption')]": (("sub", "caption"),),
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ "
    "re:test(@id, '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or "
    "re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')][ not(self::ol or "
    "self::ul) or re:test(@id, '^(?:[Cc]omment(?!ary)|comol)') or re:test(@class, "
    "'^[Cc]omment(?!ary)|(?:article|post)-comments')]": _COMMENT_NEEDLES,
    ".//*[self::div or self::list or self::section or self::details][ re:test(@id, "
    "'^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or re:test(@class, "
    "'^[Cc]omment(?!ary)|(?:article|post)-comments')]": _COMMENT_NEEDLES,
    # TAGS_XPATHS
    "//div[@class='tags']//a[@href]": (("eq", "tags"),),
    "//p[starts-with(@class, 'entry-tags')]//a[@href]": (("pre", "entry-tags"),),
    "//div[@class='row' or @class='jp-relatedposts' or @class='entry-utility' or "
    "re:test(@class, '^(?:tag|postmeta|meta)')]//a[@href]": (
        ("eq", "row"),
        ("eq", "jp-relatedposts"),
        ("eq", "entry-utility"),
        ("pre", "tag"),
        ("pre", "postmeta"),
        ("pre", "meta"),
    ),
    "//*[@class='entry-meta' or contains(@class, 'topics') or contains(@class, 'tags-links')]"
    "//a[@href]": (("eq", "entry-meta"), ("sub", "topics"), ("sub", "tags-links")),
}


def normal_path(path: str) -> str:
    return " ".join(path.split())


@lru_cache(maxsize=256)
def _needles_of(original: Any) -> Needles | None:
    """The needles of one of trafilatura's original expressions, looked up once (its text
    normalised: ~5 lists of expressions at each extraction call)."""
    return NEEDLES.get(normal_path(original.path))


#: Up to this many indexed values of one attribute holding a literal, :meth:`AttrIndex.candidates`
#: asks libxml2 for those nodes only (above, it reads every value's node of that attribute).
_FEW_HITS = 48
#: Up to this many candidates of several lists are put in document order by their
#: ancestors' child positions (above, by one walk of the page's elements).
_FEW_TO_ORDER = 64


@lru_cache(maxsize=256)
def _positional(path: str) -> XPath:
    return XPath(path)


def _in_document_order(elements: list[Any], tree: Any) -> list[Any]:
    """``elements`` (of ``tree``'s document, no two alike) in document order. (libxml2 may
    leave a broken page with several top-level elements: a second ``<html>`` after the
    first; an absolute expression reads them all.)"""
    if len(elements) > _FEW_TO_ORDER:
        root = tree.getroottree().getroot()
        tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
        order = {e: i for i, e in enumerate(e for top in tops for e in top.iter())}
        return sorted(elements, key=order.__getitem__)

    def path(elem: Any) -> list[int]:
        out = []
        parent = elem.getparent()
        while parent is not None:
            out.append(parent.index(elem))
            elem, parent = parent, parent.getparent()
        out.append(sum(1 for _ in elem.itersiblings(preceding=True)))  # (a top-level one)
        return out[::-1]

    return sorted(elements, key=path)


class AttrIndex:
    """The values of :data:`INDEX_ATTRS` on a page (and its ``author`` and ``rel``
    elements), for :meth:`may_match` and :meth:`candidates`.

    Read attribute by attribute (one expression each, and one for the elements): the values
    are grouped by attribute, each group in document order. A group's expression is all
    :meth:`candidates` evaluates again to reach the elements of its values (the union of
    all groups, which it evaluated before, cost as much as the index itself, ~0.6 ms a page,
    at each author search)."""

    __slots__ = (
        "_found",
        "_groups",
        "_starts",
        "elements",
        "found",
        "memo",
        "text",
        "tree",
        "values",
    )

    _XPATHS: tuple[tuple[Any, ...], Any] | None = None

    @staticmethod
    def _xpaths() -> tuple[tuple[Any, ...], Any]:
        """Each attribute's expression, returning plain strings, and the elements'."""
        if AttrIndex._XPATHS is None:
            AttrIndex._XPATHS = (
                tuple(XPath(AttrIndex._path(a), smart_strings=False) for a in INDEX_ATTRS),
                XPath("|".join(f"/descendant::{e}" for e in INDEX_ELEMENTS)),
            )
        return AttrIndex._XPATHS

    @staticmethod
    def _path(attribute: str) -> str:
        return f"/descendant::*/@{attribute}"

    def __init__(self, tree: HtmlElement) -> None:
        attributes, elements = self._xpaths()
        self.tree = tree
        values: list[str] = []
        #: the index in values of each attribute's first value, and the elements' (their
        #: entries are "")
        self._groups: list[int] = []
        for path in attributes:
            self._groups.append(len(values))
            values.extend(path(tree))
        #: The page's elements of :data:`INDEX_ELEMENTS`, in document order.
        self.found: list[Any] = elements(tree)
        self._groups.append(len(values))
        values.extend([""] * len(self.found))
        self.values = values
        # (a value may hold a newline: more matches, never fewer)
        self.text = "\n" + "\n".join(values) + "\n"
        self.elements = {e.tag for e in self.found}
        self._starts: list[int] | None = None
        #: What the page's expressions decided once, for the page's later calls.
        self.memo: dict[str, Any] = {}
        #: Whether the page holds each needle asked (:meth:`may_match`): the extraction's,
        #: the author's, the categories' and the tags' expressions ask the same ones (on
        #: the trafeval dev pages 59 tests a page, of 17 needles, each a search of the
        #: index's text)
        self._found: dict[tuple[str, str], bool] = {}

    def may_match(self, needles: Needles | None) -> bool:
        """False only when no element can match an expression with these needles."""
        if needles is None:  # an expression we have no needles for
            return True
        found = self._found
        for needle in needles:
            hit = found.get(needle)
            if hit is None:
                hit = found[needle] = self._holds(*needle)
            if hit:
                return True
        return False

    def _holds(self, kind: str, lit: str) -> bool:
        """Whether the page holds the needle: an indexed value with ``lit`` in it (``sub``),
        starting with it (``pre``) or equal to it (``eq``), or an element so named."""
        if kind == "sub":
            return lit in self.text
        if kind == "pre":
            return "\n" + lit in self.text
        if kind == "eq":
            return "\n" + lit + "\n" in self.text
        return lit in self.elements

    def candidates(self, needles: Needles) -> list[Any]:
        """The elements, in document order, with an indexed value holding one of the
        literals or with one of the element names: every element an expression with these
        needles can match, and a few more."""
        from bisect import bisect_right

        if self._starts is None:
            starts, pos = [], 1
            for v in self.values:
                starts.append(pos)
                pos += len(v) + 1
            self._starts = starts
        starts, groups = self._starts, self._groups
        lits = [re.escape(lit) for kind, lit in needles if kind != "el"]
        names = {lit for kind, lit in needles if kind == "el"}
        hits: dict[int, list[int]] = {}  # an attribute's group: its values' positions in it
        if lits:
            for m in re.finditer("|".join(lits), self.text):
                i = bisect_right(starts, m.start()) - 1
                g = bisect_right(groups, i) - 1
                if g < len(INDEX_ATTRS):  # (not the elements' empty entries)
                    hits.setdefault(g, []).append(i - groups[g])
        found: list[Any] = [e for e in self.found if e.tag in names]
        parts = len(hits) + bool(found)
        for g, positions in sorted(hits.items()):
            positions = sorted(set(positions))
            path = self._path(INDEX_ATTRS[g])
            if len(positions) <= _FEW_HITS:
                # Only the nodes at the hits' positions, by the attribute's expression with a
                # positional predicate: libxml2 builds the node set in C, and Python gets a
                # handful of smart strings instead of one per value of the attribute
                test = " or ".join(f"position()={k + 1}" for k in positions)
                nodes = _positional(f"({path})[{test}]")(self.tree)
            else:
                every = _positional(path)(self.tree)
                nodes = [every[k] for k in positions if k < len(every)]
            # (an attribute's smart string knows its element)
            found.extend(node.getparent() for node in nodes)
        found = list(dict.fromkeys(found))
        # (one group's elements are in document order already)
        return _in_document_order(found, self.tree) if parts > 1 else found


_STEP = re.compile(r"(^|\|)\s*\.?//")


@lru_cache(maxsize=64)
def local_forms(path: str) -> tuple[Any, Any]:
    """An expression ``//X[...]|//Y`` of trafilatura's (element tests on the element's own
    name and attributes only) as tests of one element: ``self::X[...]|self::Y`` (does it
    match this element) and ``.//X[...]|.//Y`` (does it match below this element)."""
    from lxml.etree import XPath

    ns = {"re": "http://exslt.org/regular-expressions"}
    here = guarded(XPath(_STEP.sub(r"\1self::", path.strip()), namespaces=ns))
    below = guarded(XPath(_STEP.sub(r"\1.//", path.strip()), namespaces=ns))
    return here, below


_LINKS_BELOW = "//a[@href]"


def _top_level_union(path: str) -> bool:
    """Whether ``path`` has a ``|`` outside its predicates, brackets and string literals."""
    return len(_union_parts(path)) > 1


@lru_cache(maxsize=64)
def _outer_form(path: str) -> Any:
    """``//X[...]`` of an expression ``//X[...]//a[@href]``, compiled (None: another shape)."""
    from lxml.etree import XPath

    p = normal_path(path)
    if not (p.startswith("//") and p.endswith(_LINKS_BELOW)) or _top_level_union(p):
        return None
    outer = p[: -len(_LINKS_BELOW)]
    if not outer.endswith("]"):  # (only a predicate-closed step, so the cut is a step boundary)
        return None
    return XPath(outer, namespaces={"re": "http://exslt.org/regular-expressions"})


def links_below(expression: Any, tree: HtmlElement) -> list[Any]:
    """The result of ``expression`` on ``tree`` for trafilatura's category and tag
    expressions, ``//X[...]//a[@href]``: the elements ``//X[...]`` matches, then in Python
    the ``a`` elements with an ``href`` below the outermost ones (a match inside another
    adds no link), in document order. The same list as the expression's (every dev page,
    ``research/metadata/links_below.py``) at half the CPU: libxml2 evaluates ``//a[@href]``
    below every match, nested ``row`` divs over and over, and sorts the merged sets; any
    other shape runs as it is."""
    outer = _outer_form(expression.path)
    if outer is None:
        return list(expression(tree))
    found = outer(tree)
    if not found:
        return []
    matched = set(found)
    out: list[Any] = []
    for elem in found:  # (document order; outermost matches are disjoint)
        if any(a in matched for a in elem.iterancestors()):
            continue
        out.extend(a for a in elem.iterdescendants("a") if a.get("href") is not None)
    return out


def with_needles(name: str) -> list[tuple[Any, Needles | None]]:
    """trafilatura's list ``name`` as it is now (maybe :func:`guarded`), each expression
    with the needles of its original text."""
    import trafilatura.xpaths as tx

    active = getattr(tx, name)
    pairs = zip(active, originals(active), strict=True)
    return [(x, _needles_of(o)) for x, o in pairs]


def with_originals(name: str) -> list[tuple[Any, Needles | None]]:
    """trafilatura's list ``name`` in its original form, each expression with its needles."""
    import trafilatura.xpaths as tx

    return [(o, _needles_of(o)) for o in originals(getattr(tx, name))]


#: The extraction's lists whose expressions :func:`page_xpaths` leaves out on a page: their
#: tests are on ``class`` and ``id`` values, which trafilatura's cleaning and conversion
#: copy or remove but never write, so the values of the page's own tree bound those of
#: every tree derived from it.
PAGE_LISTS = (
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "REMOVE_COMMENTS_XPATH",
    "TEASER_DISCARD_XPATH",
    "DISCARD_IMAGE_ELEMENTS",
)


@contextmanager
def page_xpaths(index: AttrIndex) -> Iterator[None]:
    """Within the block, the lists of :data:`PAGE_LISTS` hold only the expressions that can
    match on the page ``index`` was made from (or on a tree trafilatura derives from it):
    each list is only pruned with, so an expression that matches nothing can go. To be
    used inside :func:`guarded_xpaths` and around calls on that page only; the lists are
    restored when the block ends."""
    tb = _baseline_module()
    import trafilatura.xpaths as tx

    with LIBRARY_LOCK:
        saved = []
        for name in PAGE_LISTS:
            target = getattr(tx, name)
            keep = [x for x, needles in with_needles(name) if index.may_match(needles)]
            saved.append((target, list(target)))
            target[:] = keep
        basic_clean = tb.BASIC_CLEAN_XPATH
        if basic_clean is _basic_clean()[1] and _cookie_part() is not None:
            tb.BASIC_CLEAN_XPATH = _PageBasicClean(index)
        try:
            yield
        finally:
            for target, items in saved:
                target[:] = items
            tb.BASIC_CLEAN_XPATH = basic_clean


class _PageBasicClean:
    """``BASIC_CLEAN_XPATH`` (guarded) for one page: on its first call, the form without the
    cookie-banner part when :func:`_cookie_part`'s regexes find nothing in the page's
    indexed values, else the whole expression. Decided when first needed (the fast
    precision call never cleans this way; the regex scan costs ~0.5 ms a page), once a
    page (``AttrIndex.memo``)."""

    __slots__ = ("chosen", "index")

    def __init__(self, index: AttrIndex) -> None:
        self.index = index
        self.chosen: XPath | None = None

    def __call__(self, tree: Any) -> Any:
        if self.chosen is None:
            chosen = self.index.memo.get("basic_clean")
            if chosen is None:
                part = _cookie_part()
                assert part is not None  # (installed only when there is one)
                without, tests = part
                cookies = any(rx.search(self.index.text) for rx in tests)
                chosen = self.index.memo["basic_clean"] = _basic_clean()[1] if cookies else without
            self.chosen = chosen
        return self.chosen(tree)


def _union_parts(path: str) -> list[str]:
    """The parts of ``path`` split at its top-level ``|``."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(path):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(path[start:i])
            start = i + 1
    return [*parts, path[start:]]


_LOOKAROUND = re.compile(r"\(\?<?[=!]|\\[AZ]")


@lru_cache(maxsize=1)
def _cookie_part() -> tuple[XPath, list[re.Pattern[str]]] | None:
    """``BASIC_CLEAN_XPATH`` (guarded) without its last part, ``.//*[re:test(@class, P,
    'i') or re:test(@id, P, 'i')]`` (cookie-consent banners), and the regexes of that part
    as they search the page's indexed values joined by newlines (``AttrIndex.text``,
    multi-line): when none finds anything there, no class or id of the page, nor of a tree
    trafilatura derives from it, can match, and the part (~1.6 ms of the ~2 ms of each
    evaluation) is left out. None when the expression has another shape."""
    original = " ".join(_basic_clean()[0].path.split())
    *rest, last = _union_parts(original)
    calls = _XPATH_CALL.findall(last)
    shape = " ".join(_XPATH_CALL.sub("T", last).split())
    if (
        not rest
        or not calls
        or shape != ".//*[" + " or ".join(["T"] * len(calls)) + "]"
        or any(fn != "re:test" or _LOOKAROUND.search(lit) for fn, _, lit, _ in calls)
        or any(
            a.lstrip("@") not in INDEX_ATTRS for _, attrs, _, _ in calls for a in attrs.split("|")
        )
    ):
        return None
    ns = {"re": "http://exslt.org/regular-expressions"}
    flags = [re.M | (re.I if "i" in (f or "") else 0) for _, _, _, f in calls]
    tests = {
        (lit, fl): re.compile(lit, fl) for (_, _, lit, _), fl in zip(calls, flags, strict=True)
    }
    return guarded(XPath("|".join(rest), namespaces=ns)), list(tests.values())


# --- jusText (trafilatura's second opinion in its default mode), same output, less CPU ---

#: A run of whitespace holding a line break (the whole run: ``\s*`` is greedy both sides).
_WS_BREAK = re.compile(r"\s*[\n\r]\s*")
#: A run of whitespace without one.
_WS_OTHER = re.compile(r"[^\S\n\r]+")


def normalize_whitespace(text: str) -> str:
    """``justext.utils.normalize_whitespace``, the same string: each run of whitespace
    becomes a line feed when it holds ``\\n`` or ``\\r``, else a space. jusText does it in one
    ``re.sub`` with a Python callback per run (~1.3 million calls for 120 pages); here two
    ``re.sub`` with fixed replacements: the first replaces whole runs holding a break (a
    maximal run, so the line feed it leaves is between non-space characters), the second
    the runs left, which hold none (``research/boilerplate/v9_justext.py``)."""
    return _WS_OTHER.sub(" ", _WS_BREAK.sub("\n", text))


@lru_cache(maxsize=1)
def _fast_paragraph() -> type:
    """A subclass of ``justext.paragraph.Paragraph`` with the same attributes and values:
    the path strings (``dom_path``, ``xpath``) made when first read, from a copy of the
    path taken at creation (its entries are tuples; jusText makes ~600 paragraphs a page,
    most left empty and dropped, each building both strings), and ``text`` (read ~8 times
    a paragraph by the classification, each time a join and a whitespace pass) kept
    while its text nodes are unchanged."""
    from justext.paragraph import Paragraph  # type: ignore[import-untyped]

    class FastParagraph(Paragraph):  # type: ignore[misc]
        def __init__(self, path: Any) -> None:  # (not Paragraph's: no eager strings)
            self._elements = list(path._elements)
            self._dom: str | None = None
            self._xpath: str | None = None
            self._text: tuple[int, str] | None = None
            self.text_nodes: list[str] = []
            self.chars_count_in_links = 0
            self.tags_count = 0
            self.class_type = ""

        @property
        def dom_path(self) -> str:
            if self._dom is None:
                self._dom = ".".join(e[0] for e in self._elements)
            return self._dom

        @property
        def xpath(self) -> str:
            if self._xpath is None:
                # (jusText's "%s[%d]" % (tag, order), written as ruff wants it)
                self._xpath = "/" + "/".join(f"{e[0]}[{e[1]:d}]" for e in self._elements)
            return self._xpath

        @property
        def text(self) -> str:
            nodes = self.text_nodes
            cached = self._text
            if cached is not None and cached[0] == len(nodes):  # (nodes are only appended)
                return cached[1]
            text = normalize_whitespace("".join(nodes).strip())
            self._text = (len(nodes), text)
            return text

        def append_text(self, text: str) -> str:
            text = normalize_whitespace(text)
            self.text_nodes.append(text)
            return text

    return FastParagraph


@contextmanager
def faster_justext() -> Iterator[None]:
    """Within the block, jusText's paragraph maker makes :func:`_fast_paragraph`
    paragraphs, and trafilatura hands jusText its stop list as a tuple with a kept hash
    (:func:`_hashed_stoplist`): the same paragraphs, classes and text at about a third of
    the CPU (trafilatura's default mode runs jusText on about 1 page in 3 of those it
    sees; ``research/boilerplate/v9_justext.py``). Both are restored when the block ends."""
    import importlib

    jc: Any = importlib.import_module("justext.core")
    te: Any = importlib.import_module("trafilatura.external")  # (its JT_STOPLIST is typed None)

    with LIBRARY_LOCK:
        saved = jc.Paragraph, te.JT_STOPLIST, te.jt_stoplist_init, jc.define_stoplist
        jc.Paragraph = _fast_paragraph()
        if saved[1] is not None:
            te.JT_STOPLIST = _hashed_stoplist(saved[1])
        else:  # (made on first use, by this function: made hashed, from the files in bulk)

            def init() -> tuple[str, ...]:
                hashed = _hashed_stoplist(_all_stoplists()[0])
                te.JT_STOPLIST = hashed
                return hashed

            te.jt_stoplist_init = init

        def define_stoplist(stoplist: Any) -> Any:
            # jusText's set of the list's lower-cased words: made with the list (identical)
            if _HASHED and stoplist is _HASHED[0][1] and _HASHED[0][0] is _all_stoplists()[0]:
                return _all_stoplists()[1]
            return saved[3](stoplist)

        jc.define_stoplist = define_stoplist
        try:
            yield
        finally:
            jc.Paragraph, te.jt_stoplist_init, jc.define_stoplist = saved[0], saved[2], saved[3]
            if te.JT_STOPLIST is not None:  # the plain tuple again (made here: trafilatura's own)
                te.JT_STOPLIST = _HASHED[0][0] if _HASHED else te.JT_STOPLIST


@lru_cache(maxsize=1)
def _all_stoplists() -> tuple[tuple[str, ...], frozenset[str]]:
    """What ``trafilatura.external.jt_stoplist_init`` makes (the words of every jusText stop
    list, each lower-cased, as a tuple) and what jusText's ``define_stoplist`` makes of it
    (their set), equal to theirs (``tests/plugins/test_boilerplate.py``): each file is
    decoded and lower-cased whole, not word by word, and the set is made once. ~0.09 s of
    CPU less per process (the first default-mode page pays it)."""
    import pkgutil

    from justext.utils import get_stoplists  # type: ignore[import-untyped]

    words: set[str] = set()
    for language in get_stoplists():
        lines = (pkgutil.get_data("justext", f"stoplists/{language}.txt") or b"").splitlines()
        if lines:  # (one decode and lower() of the joined lines: the same words)
            words.update(b"\n".join(lines).decode("utf8").lower().split("\n"))
    return tuple(words), frozenset(words)


class _HashedTuple(tuple):  # type: ignore[type-arg]
    """A tuple whose hash is computed once (a plain tuple's is computed on every call)."""

    _hash: int

    def __hash__(self) -> int:
        return self._hash


#: (trafilatura's stop list tuple, the same as a :class:`_HashedTuple`), once made.
_HASHED: list[tuple[tuple[str, ...], tuple[str, ...]]] = []


def _hashed_stoplist(words: tuple[str, ...]) -> tuple[str, ...]:
    """trafilatura's all-languages jusText stop list (154,484 words), equal as a tuple,
    with its hash kept: jusText's ``classify_paragraphs`` looks the list up in an
    ``lru_cache`` (``define_stoplist``), which hashes its key on every call, ~3 ms a page."""
    if _HASHED and _HASHED[0][0] is words:
        return _HASHED[0][1]
    plain = tuple(words)
    out = _HashedTuple(plain)
    out._hash = hash(plain)
    _HASHED[:] = [(words if type(words) is tuple else plain, out)]
    return out
