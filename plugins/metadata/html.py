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

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement

from ..boilerplate.htmltree import guarded_xpaths
from .model import score_rows
from .text import (
    FEATURES,
    Page,
    _features,
    _mk,
    find_dates,
    gather_dates,
    iso_value,
)

_JSONLD_PUB = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_META_PUB = re.compile(
    r'<meta[^>]+(?:property|name|itemprop)\s*=\s*["\'](?:article:published_time|og:published_time|'
    r"datePublished|date|dc\.date|dc\.date\.issued|dcterms\.date|publish[-_]?date|pubdate|"
    r'parsely-pub-date|sailthru\.date|citation_publication_date|article\.published)["\'][^>]*>',
    re.I,
)
_META_NAME = re.compile(r'["\']([^"\']+)["\']')
_CONTENT = re.compile(r'content\s*=\s*["\']([^"\']{6,40})["\']', re.I)
_ATTR_YMD = re.compile(r"\s*((?:19|20)\d\d)(?:-?|/)(\d\d)(?:-?|/)(\d\d)")
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
    *FEATURES,
    "hd_agree",
    "st_agree",
    "synthetic",
    "hd_none",
    "st_none",
    "hd_st_agree",
]
_MAX_HTML_CANDS = 80
#: The record's ``published`` pattern: a structured value is kept as written only if it fits.
_ISO_OK = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")


def _iso_from_attr(v: str) -> date | None:
    m = _ATTR_YMD.match(v)
    return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def html_structured_date(html: str) -> tuple[str | None, str]:
    """``datePublished`` from JSON-LD, else a publication meta tag: (value, where)."""
    for m in _JSONLD_PUB.finditer(html):
        if _iso_from_attr(m.group(1)):
            return m.group(1).strip(), "json-ld datePublished"
    for m in _META_PUB.finditer(html):
        c = _CONTENT.search(m.group(0))
        if c and _iso_from_attr(c.group(1)):
            name = _META_NAME.search(m.group(0))
            return c.group(1).strip(), "meta " + (name.group(1) if name else "")
    return None, ""


_SKIP = ("script", "style", "noscript", "template")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def parse_html(html: str) -> HtmlElement | None:
    """The page parsed as trafilatura parses it (the tree the boilerplate stage shares)."""
    from ..boilerplate.htmltree import load_html  # (a cheap module: lxml only)

    try:
        return load_html(html)
    except Exception:  # lxml raises several types on junk input; no tree then
        return None


def tree_to_text(root: HtmlElement) -> str:
    """A browser-like text rendering of a parsed page: block elements on their own lines,
    scripts and styles left out. The tree is only read (it may be shared with other stages)."""
    skipped: set[Any] = set()
    for bad in root.iter(*_SKIP):
        if bad not in skipped:  # (preorder: a nested one is already in its ancestor's set)
            skipped.update(bad.iter())
            skipped.discard(bad)  # its tail is text of the parent
    out: list[str] = []
    add = out.append
    # (each .tag/.text/.tail access builds a new Python string: read each once)
    for el in root.iter():
        if skipped and el in skipped:
            continue
        tag = el.tag
        if tag.__class__ is not str:  # a comment, processing instruction or entity
            tag = ""
        if tag in _SKIP:
            tail = el.tail
            if tail:
                add(tail)
            continue
        text = el.text
        if tag in _BLOCKS:
            add("\n")
            if text:
                add(text)
            add("\n")
        elif text and tag != "head":
            add(text)
        tail = el.tail
        if tail:
            add(tail)
    return _SPACES.sub(" ", "".join(out))


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

    saved = hx.get_external_parser
    hx.get_external_parser = _text_date_parser  # type: ignore[assignment]
    try:
        yield
    finally:
        hx.get_external_parser = saved


def htmldate_date(
    html: str | HtmlElement, capture: date | None = None, extensive: bool = True
) -> str | None:
    """htmldate's answer (original date; extensive search unless told otherwise), bounded
    by the capture. A tree is only read (htmldate copies it before pruning)."""
    from htmldate import find_date

    kw: dict[str, Any] = {"extensive_search": extensive, "original_date": True}
    if capture:
        kw["max_date"] = capture.isoformat()
    try:
        with without_dateparser():
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
) -> list[dict[str, Any]]:
    """Scored date candidates of an HTML page (``hd``: a precomputed htmldate answer, None
    for none; ``tree``: the page already parsed; ``text``: its :func:`tree_to_text`)."""
    if tree is None:
        tree = parse_html(html)
    if hd is False:
        hd = htmldate_date(tree if tree is not None else html, capture)
    sv, where = html_structured_date(html)
    hd_d = _iso_from_attr(hd) if isinstance(hd, str) else None
    st_d = _iso_from_attr(sv) if sv else None
    if text is None:
        text = tree_to_text(tree) if tree is not None else ""
    page = Page(text)
    cands = gather_dates(page, capture, _MAX_HTML_CANDS)
    if cands:
        _features(cands, page, capture)
    present = {c["date"] for c in cands}
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
    for c in cands:
        f = c["f"]
        f["hd_agree"] = float(c["date"] == hd_d)
        f["st_agree"] = float(c["date"] == st_d)
        f.setdefault("synthetic", 0.0)
        f["hd_none"] = float(hd_d is None)
        f["st_none"] = float(st_d is None)
        f["hd_st_agree"] = float(c["date"] == hd_d == st_d)
        if st_d and c["date"] == st_d and sv and len(sv) > 10 and c.get("time") is None:
            c["html_value"] = sv  # the page's own date-time, with its offset
        if f["hd_agree"]:
            c["cue"] = "htmldate"
    rows = [[c["f"][k] for k in HTML_FEATURES] for c in cands]
    for c, s in zip(cands, score_rows("html", HTML_FEATURES, rows), strict=True):
        c["score"] = s - 100.0 if capture and c["date"] > capture else s
    return cands


def html_value(c: dict[str, Any]) -> str:
    """A chosen HTML candidate as ISO 8601 (the structured date-time where the page has one)."""
    v = c.get("html_value")
    if isinstance(v, str) and _ISO_OK.match(v):
        return v
    return iso_value(c)


#: The keys of trafilatura's metadata the stage reads (as the boilerplate stage shares them).
META_KEYS = ("title", "author", "date", "sitename", "categories", "tags", "url", "description")


def trafilatura_meta(
    tree: HtmlElement | str,
    url: str | None,
    capture: date | None = None,
    extensive: bool = True,
) -> dict[str, Any]:
    """trafilatura's metadata of a page, as a dict of :data:`META_KEYS`; its ``date`` is
    htmldate's answer (original date, extensive search unless told otherwise, bounded by the
    capture), run on the same tree, which is only read. Empty if the extraction fails."""
    config: dict[str, Any] = {"original_date": True, "extensive_search": extensive}
    config["max_date"] = (capture or date.today()).isoformat()
    try:
        with without_dateparser(), guarded_xpaths():
            md = _extract_metadata(tree, url, config)
    except Exception:  # a metadata failure must not lose the document
        return {}
    return {k: getattr(md, k, None) for k in META_KEYS}


def _extract_metadata(tree: HtmlElement | str, url: str | None, config: dict[str, Any]) -> Any:
    """trafilatura.metadata.extract_metadata (2.x) without what the stages never read (the
    license, trafilatura's own ~0.6 ms a page; no author blacklist), with the author,
    category and tag searches of :func:`_extract_author` and :func:`_extract_catstags`
    (no deep copy; expressions that cannot match skipped); the fields of :data:`META_KEYS`
    are equal to trafilatura's on every dev page (``research/metadata/lean_meta.py``)."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import Document as TrafilaturaDocument

    root = parse_html(tree) if isinstance(tree, str) else tree
    if root is None:
        return TrafilaturaDocument()
    md = tm.examine_meta(root)
    if md.author and " " not in md.author:
        md.author = None
    with suppress(Exception):  # (trafilatura logs its JSON-LD bugs and goes on)
        md = tm.extract_meta_json(root, md)
    if not md.title:
        md.title = tm.extract_title(root)
    index: _AttrIndex | None = None
    if not md.author:
        index = _AttrIndex(root)
        md.author = _extract_author(root, index)
    if not md.url:
        md.url = tm.extract_url(root, url)
    if md.url:
        md.hostname = extract_domain(md.url, fast=True)
    config = {**config, "url": md.url}
    md.date = find_date(root, **config)
    if not md.sitename:
        md.sitename = tm.extract_sitename(root)
    if md.sitename:
        md.sitename = md.sitename.lstrip("@")
        if md.sitename and "." not in md.sitename and not md.sitename[0].isupper():
            md.sitename = md.sitename.title()
    elif md.url:
        m = tm.META_URL.match(md.url)
        if m:
            md.sitename = m[1]
    if not md.categories or not md.tags:
        index = index or _AttrIndex(root)
        if not md.categories:
            md.categories = _extract_catstags("category", root, index)
        if not md.tags:
            md.tags = _extract_catstags("tag", root, index)
    md.filedate = config.get("max_date")
    md.clean_and_trim()
    return md


def meta_fields(meta: dict[str, Any]) -> dict[str, Any]:
    """Title, authors, site name and tags (record fields) from trafilatura's metadata."""
    out: dict[str, Any] = {}
    if meta.get("title"):
        out["title"] = meta["title"]
    author = meta.get("author")
    if isinstance(author, str) and author:
        out["authors"] = [a.strip() for a in re.split(r";|\band\b", author) if a.strip()]
    if meta.get("sitename"):
        out["site_name"] = meta["sitename"]
    tags = [*(meta.get("categories") or []), *(meta.get("tags") or [])]
    tags = list(dict.fromkeys(t.strip() for t in tags if isinstance(t, str) and t.strip()))
    if tags:
        out["tags"] = tags
    return out


def trafilatura_fields(html: str, url: str | None) -> dict[str, Any]:
    """Title, authors, site name and tags from trafilatura's metadata extraction."""
    return meta_fields(trafilatura_meta(html, url))


# --- trafilatura's author, category and tag searches without the work that cannot match ---
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
_INDEX_ATTRS = ("class", "id", "rel", "itemprop", "data-testid", "data-component")
_INDEX_ELEMENTS = ("author", "rel")

# (kind, literal): "sub" the literal anywhere in a value, "pre" a value starting with it,
# "eq" a value equal to it; "el" an element of that name anywhere.
_Needles = tuple[tuple[str, str], ...]
_NEEDLES: dict[str, _Needles] = {
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


def _normal(path: str) -> str:
    return " ".join(path.split())


class _AttrIndex:
    """The values of :data:`_INDEX_ATTRS` on a page (and its ``author`` and ``rel``
    elements), for :meth:`may_match` and :meth:`candidates`."""

    __slots__ = ("_starts", "elements", "text", "tree", "values")

    _XPATHS: tuple[Any, Any] | None = None

    @staticmethod
    def _xpaths() -> tuple[Any, Any]:
        """The index expression, returning plain strings and returning smart strings (whose
        ``getparent()`` is the element: asked for only when candidates are)."""
        if _AttrIndex._XPATHS is None:
            from lxml.etree import XPath

            paths = [f"/descendant::*/@{a}" for a in _INDEX_ATTRS]
            paths += [f"/descendant::{e}" for e in _INDEX_ELEMENTS]
            path = "|".join(paths)
            _AttrIndex._XPATHS = (XPath(path, smart_strings=False), XPath(path))
        return _AttrIndex._XPATHS

    def __init__(self, tree: HtmlElement) -> None:
        found = self._xpaths()[0](tree)
        self.tree = tree
        # one entry per node found (an element: ""), so that positions line up with the
        # smart-string evaluation of the same expression in candidates()
        self.values = [v if v.__class__ is str else "" for v in found]
        # (a value may hold a newline: more matches, never fewer)
        self.text = "\n" + "\n".join(self.values) + "\n"
        self.elements = {v.tag for v in found if v.__class__ is not str}
        self._starts: list[int] | None = None

    def may_match(self, needles: _Needles | None) -> bool:
        """False only when no element can match an expression with these needles."""
        if needles is None:  # an expression we have no needles for
            return True
        text = self.text
        for kind, lit in needles:
            if kind == "sub":
                if lit in text:
                    return True
            elif kind == "pre":
                if "\n" + lit in text:
                    return True
            elif kind == "eq":
                if "\n" + lit + "\n" in text:
                    return True
            elif lit in self.elements:
                return True
        return False

    def candidates(self, needles: _Needles) -> list[Any]:
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
        starts = self._starts
        lits = [re.escape(lit) for kind, lit in needles if kind != "el"]
        names = {lit for kind, lit in needles if kind == "el"}
        hits: set[int] = set()
        if lits:
            for m in re.finditer("|".join(lits), self.text):
                hits.add(bisect_right(starts, m.start()) - 1)
        found: list[Any] = self._xpaths()[1](self.tree)
        if names:
            hits.update(i for i, v in enumerate(found) if getattr(v, "tag", None) in names)
        out = []
        for i in sorted(hits):
            if 0 <= i < len(found):
                node: Any = found[i]
                # (an attribute's smart string knows its element; an element is itself)
                out.append(node if hasattr(node, "tag") else node.getparent())
        return list(dict.fromkeys(out))


_STEP = re.compile(r"(^|\|)\s*\.?//")


@lru_cache(maxsize=64)
def _local_forms(path: str) -> tuple[Any, Any]:
    """An expression ``//X[...]|//Y`` of trafilatura's (element tests on the element's own
    name and attributes only) as tests of one element: ``self::X[...]|self::Y`` (does it
    match this element) and ``.//X[...]|.//Y`` (does it match below this element)."""
    from lxml.etree import XPath

    from ..boilerplate.htmltree import guarded

    ns = {"re": "http://exslt.org/regular-expressions"}
    here = guarded(XPath(_STEP.sub(r"\1self::", path.strip()), namespaces=ns))
    below = guarded(XPath(_STEP.sub(r"\1.//", path.strip()), namespaces=ns))
    return here, below


def _with_needles(name: str) -> list[tuple[Any, _Needles | None]]:
    """trafilatura's list ``name`` as it is now (maybe :func:`guarded`), each expression
    with the needles of its original text."""
    import trafilatura.xpaths as tx

    from ..boilerplate.htmltree import originals

    active = getattr(tx, name)
    return [
        (x, _NEEDLES.get(_normal(o.path))) for x, o in zip(active, originals(active), strict=True)
    ]


def _with_originals(name: str) -> list[tuple[Any, _Needles | None]]:
    """trafilatura's list ``name`` in its original form, each expression with its needles."""
    import trafilatura.xpaths as tx

    from ..boilerplate.htmltree import originals

    return [(o, _NEEDLES.get(_normal(o.path))) for o in originals(getattr(tx, name))]


def _extract_catstags(metatype: str, tree: HtmlElement, index: _AttrIndex) -> list[str]:
    """trafilatura.metadata.extract_catstags, skipping the expressions that cannot match."""
    from trafilatura.baseline import block_text
    from trafilatura.utils import line_processing

    results: list[str] = []
    regexpr = "/" + metatype.rstrip("y") + "(?:y|ies|s)?/"
    for catexpr, needles in _with_needles(
        "CATEGORIES_XPATHS" if metatype == "category" else "TAGS_XPATHS"
    ):
        if not index.may_match(needles):
            continue
        results.extend(
            block_text(elem) for elem in catexpr(tree) if re.search(regexpr, elem.attrib["href"])
        )
        if results:
            break
    if metatype == "category" and not results:
        results.extend(
            element.attrib["content"]
            for element in tree.xpath(
                './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
            )
        )
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


def _extract_author(tree: HtmlElement, index: _AttrIndex) -> str | None:
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
    own function. Identical results on every dev page (``research/metadata/lean_meta.py``)."""
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.metadata import extract_author
    from trafilatura.utils import trim

    if tree.getparent() is not None:  # (trafilatura copies the subtree: its own function)
        return extract_author(tree)
    discard = [_local_forms(o.path) for o, _ in _with_originals("AUTHOR_DISCARD_XPATHS")]
    for original, needles in _with_originals("AUTHOR_XPATHS"):
        if needles is None:  # (another trafilatura release: its own function)
            return extract_author(tree)
        if not index.may_match(needles):
            continue
        if "rel" in index.elements:
            return extract_author(tree)
        matches = _local_forms(original.path)[0]
        for elem in index.candidates(needles):
            if not matches(elem):
                continue
            lineage = [elem, *elem.iterancestors()]
            lineage.pop()  # the root (trafilatura's delete_element leaves it)
            if any(here(a) for a in lineage for here, _ in discard):
                continue  # pruned from trafilatura's copy
            if any(below(elem) for _, below in discard):
                return extract_author(tree)
            content = trim(" ".join(elem.itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None
