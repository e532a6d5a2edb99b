"""HTML parsed as trafilatura parses it, with element proxies made in C.

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

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)

__all__ = ["load_html"]

# trafilatura.utils.HTML_PARSER's options
_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
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


def load_html(html: str | bytes) -> HtmlElement | None:
    """The page's tree, or None when it is no HTML (the logic of trafilatura's ``load_html``
    for a string or bytes, with the C-level element lookup)."""
    from trafilatura.utils import decode_file, is_dubious_html, repair_faulty_html

    text = decode_file(html)
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    text = repair_faulty_html(text, beginning)
    tree: HtmlElement | None = None
    fallback = False
    try:
        tree = fromstring(text, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _from_bytes(text)
        fallback = True
    except Exception:  # as trafilatura: no tree from this pass
        tree = None
    if (tree is None or len(tree) < 1) and not fallback:
        tree = _from_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        tree = None
    return tree
