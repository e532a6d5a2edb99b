"""An HTML article's charts, boxes and screen-reader text, made ready for trafilatura
(s46 acc-data D1, D7).

trafilatura's cleaning removes every ``<figure>`` without a table and every ``<aside>``
(``trafilatura.settings.MANUALLY_CLEANED``): a data article lost its charts' titles, notes,
sources and credits and its "How we did this" box, which its plain text keeps. And it reads
no CSS: the text a page hides for screen readers alone ("End of chart", a link's "(opens in
new window)") was kept as the article's. Before extraction, :func:`hidden_text` marks the
visually hidden elements as elements trafilatura deletes, and :func:`article_boxes` makes a
chart's figure or a box of the article's prose a ``<div>``; :func:`restore` undoes both after
it; the markup's tests (:func:`may_hide`, :func:`may_box`) keep the tree walks off
pages without them.
"""

from __future__ import annotations

from typing import Any

from corearchive import lazyre as re

from .apparatus import labelled
from .lines import CUE_WORDS

#: the class names of the common frameworks' visually hidden text (Bootstrap's sr-only and
#: visually-hidden, WordPress's screen-reader-text, GOV.UK's and NHS's prefixed
#: visually-hidden, Drupal's element-invisible / visually-hidden, Foundation's show-for-sr,
#: HTML5 Boilerplate's visuallyhidden), a prefix before them allowed ("govuk-", "u-")
_HIDDEN_CLASS = re.compile(
    r"(?:^|(?<!not)[-_])(?:sr-only|screen-?reader-(?:text|only)|screenreader-?only|visually-?hidden|"
    r"hidden-visually|a11y-hidden|element-invisible|show-for-sr|offscreen)$",
    re.IGNORECASE,
)
#: Tailwind's class that shows a hidden element again, at every width or from a screen's
#: width on ("not-sr-only", "md:not-sr-only"): the element is on screen (s47 read F2). Not
#: on focus or hover only ("sr-only focus:not-sr-only": a skip link, hidden until reached)
_SHOWN_CLASS = re.compile(r"(?:(?:sm|md|lg|xl|2xl|print):)?not-sr-only", re.IGNORECASE)
#: the same names in a page's markup, for the test before the walk
_HIDDEN_MARKUP = re.compile(
    r"sr-only|screen-?reader-?(?:text|only)|visually-?hidden|hidden-visually|a11y-hidden|"
    r"element-invisible|show-for-sr|offscreen",
    re.IGNORECASE,
)
#: more characters than the longest match of :data:`_HIDDEN_MARKUP` ("screen-reader-text")
_HIDDEN_LONGEST = 24
#: the most words of a hidden element that is removed: a label, a link's suffix, a chart's
#: closing line, an image's description; a longer one is left to the extractor (a page that
#: hides its whole text until a script shows it)
_HIDDEN_WORDS = 60
#: a box that is no article's text, by its class, id or heading
_NOT_BOX = re.compile(
    r"related|more|newsletter|sign-?up|subscribe|promo|advert|\bads?\b|share|social|teaser|"
    r"recommend|popular|trending|read-?also|see-?also|sidebar|widget|comment|author-?bio|"
    r"card|quote|"
    # a box that asks the reader to listen, give or buy, or is paid for (s47 read F7)
    r"podcast|briefing|donat(?:e|ion)|spenden|support-?us|sponsor|partner-?content|"
    r"anzeige|werbung|publicidad|publicit[ée]|pubblicit[àa]",
    re.IGNORECASE,
)
#: the lexicon's cue words that label a box's own apparatus, not another box ("Source",
#: "Photo", "Download" over a method box's data): not read as another box's name
_APPARATUS_CUES = frozenset({
    "bild", "bilder", "caption", "credit", "download", "foto", "fotos", "image", "images",
    "photo", "photos", "quelle", "source", "video", "videos",
})  # fmt: skip
#: the most words of a box's last link that asks the reader to act ("Sign up now",
#: "Donate", "Subscribe on your favourite app")
_ACTION_WORDS = 6
#: the fewest words of a box's sentence
_SENTENCE_WORDS = 8
#: the most of a figure's or box's text that is its links' text
_LINK_SHARE = 0.3
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
#: a tag trafilatura deletes with its content, its tail kept (``settings.MANUALLY_CLEANED``)
_DELETED = "noindex"
#: the most words of a chart's figure (a figure that holds a page's comments is none)
_FIGURE_WORDS = 200
#: the elements that hold a figure's note or source line
_NOTE_TAGS = ("p", "div", "span", "small", "figcaption", "cite")
#: what a box of the article's prose does not hold
_NOT_IN_BOX = ("form", "input", "button", "script", "style", "iframe", "video", "audio")
#: the fewest words of a box's sentences
_BOX_WORDS = 20
#: a pull quote's first character
_QUOTES = frozenset("\"“”„«»‘’‚'")
_STOP = re.compile(r"[.!?…](?:[\"'”»)\]]*)\s*$")


#: literals one of which every match of :data:`_HIDDEN_MARKUP` holds, in lower case: tested
#: first, the pattern's search costs ~11 ms on a page without a match (~1 ms the test)
_HIDDEN_KEYS = (
    "sr-only", "screenreader", "screen-reader", "visuallyhidden", "visually-hidden",
    "hidden-visually", "a11y-hidden", "element-invisible", "show-for-sr", "offscreen",
)  # fmt: skip


def ascii_lower(html: str) -> bytes:
    """``html`` in UTF-8 with its ASCII letters lowered (``bytes.lower``): an ASCII word is in
    it where ``html.lower()`` holds it, at the same character (no other character's UTF-8
    holds an ASCII byte), ~0.35 ms for a 140 KB page against ~1.2 ms for ``str.lower``.
    The only characters ``str.lower`` turns into ASCII letters are "İ" (to "i" and a
    combining dot) and the Kelvin sign (to "k"): a word that ends in neither letter is in
    both or in neither (tests/plugins/test_html_speed49.py)."""
    return html.encode("utf-8", "surrogatepass").lower()


#: :data:`_HIDDEN_KEYS` as :func:`ascii_lower` holds them
_HIDDEN_BYTES = tuple(k.encode("ascii") for k in _HIDDEN_KEYS)


def may_hide(html: str, low: bytes | None = None) -> bool:
    """Whether a page's markup may hold what :func:`hidden_text` changes (a visually hidden
    class, :data:`_HIDDEN_MARKUP`, after its literals' test; a page with an ``<aside>`` or
    a ``<figure>`` and no such class needs no walk of every element). ``low``: the page's
    :func:`ascii_lower`, when the caller made it."""
    if low is None:
        low = ascii_lower(html)
    # (the literals' test, as ``k in html.lower()``: no key ends in "i" or "k")
    at = min((i for k in _HIDDEN_BYTES if (i := low.find(k)) >= 0), default=-1)
    if at < 0:
        return False
    # The pattern's search from the first literal's character (the pattern has no anchor
    # nor lookaround: what it finds from there is a match in the page), and before it only
    # when none is found from there (~12 ms for a page without a match, re.I tests every
    # character): a match that starts before it (re.I's "ſ" for "s", "K" for "k") ends
    # within :data:`_HIDDEN_LONGEST` characters after: the same answer
    start = len(low[:at].decode("utf-8", "surrogatepass"))
    return (
        _HIDDEN_MARKUP.search(html, start) is not None
        or _HIDDEN_MARKUP.search(html, 0, start + _HIDDEN_LONGEST) is not None
    )


def may_box(html: str) -> bool:
    """Whether a page's markup may hold what :func:`article_boxes` changes (a ``<figure>``,
    an ``<aside>``)."""
    return "<figure" in html or "<aside" in html


def _classes(e: Any) -> list[str]:
    return (e.get("class") or "").split()


#: the elements that make a block of text (a line of the page's rendering): a hidden
#: element inline in one of them is read by trafilatura without its words and by the
#: rendering with them, in one line
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "td", "th", "tr", "ul",
})  # fmt: skip
#: the blocks that are a paragraph's, a list item's, a heading's or a cell's text (not a
#: page's layout <div>, <footer>, <header>: a post's hidden "Posted on" label stands in
#: one, which the metadata stage reads from the restored tree)
_TEXT_BLOCKS = frozenset({
    "blockquote", "caption", "dd", "dt", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "p", "td", "th",
})  # fmt: skip
#: the elements that draw an icon, without text of their own
_ICONS = frozenset({"i", "svg", "img", "span", "em"})


def _text_block(e: Any) -> Any:
    """The block of text ``e`` (an inline element) stands in: its nearest block ancestor
    when that is one of :data:`_TEXT_BLOCKS`, else None."""
    for a in e.iterancestors():
        if a.tag in _BLOCKS:
            return a if a.tag in _TEXT_BLOCKS else None
    return None


def _text(e: Any) -> str:
    """``e``'s text, its words joined by single spaces."""
    return " ".join(e.text_content().split())


def _icon_label(e: Any) -> bool:
    """Whether the hidden ``e`` is the only text of its parent, next to an icon (an element
    without text): a check-mark cell's "Yes", a rating's "4 out of 5 stars". The label
    is the icon's meaning, and the cell's only text (s47 read F15). Not in a link or a
    button: a share link's "Twitter" by its logo is the link's."""
    parent = e.getparent()
    if parent is None or any(a.tag in ("a", "button") for a in e.iterancestors()):
        return False
    if _text(parent) != _text(e):
        return False
    return any(
        s is not e and s.tag in _ICONS and not s.text_content().strip()
        for s in parent.iterchildren()
    )


def _hidden_elements(tree: Any) -> list[Any]:
    """The elements of ``tree`` in document order whose class names a visually hidden text
    (:data:`_HIDDEN_CLASS`), none a shown one (:data:`_SHOWN_CLASS`), of up to
    :data:`_HIDDEN_WORDS` words."""
    out: list[Any] = []
    for e in tree.iter():
        if not isinstance(e.tag, str):
            continue
        value = e.get("class")
        if not value or (value.isascii() and not any(k in value.lower() for k in _HIDDEN_KEYS)):
            # (no class, or ASCII class names that hold none of the names' literals, lowered:
            # no match of the pattern, whose re.I reads ASCII as str.lower does; ~1 ms of
            # the walk's ~3 so spared on a page)
            continue
        classes = value.split()
        if (
            any(_HIDDEN_CLASS.search(c) for c in classes)
            and not any(_SHOWN_CLASS.fullmatch(c) for c in classes)
            and len(e.text_content().split(None, _HIDDEN_WORDS)) <= _HIDDEN_WORDS
        ):
            out.append(e)
    return out


def hidden_text(tree: Any) -> list[tuple[Any, str]]:
    """Mark the visually hidden elements of ``tree`` (by the class names of
    :data:`_HIDDEN_CLASS`, up to :data:`_HIDDEN_WORDS` words; not one shown again,
    :data:`_SHOWN_CLASS`, nor an icon's label, :func:`_icon_label`) as elements trafilatura
    deletes, their tails kept (:data:`_DELETED`), and return them with their tags, for
    :func:`restore`. One inside a link, or inline in a paragraph's, a list item's, a
    heading's or a cell's text beside other words, is removed. ``aria-hidden`` is no
    reason: it hides from screen readers, not from view."""
    out = [(e, e.tag) for e in _hidden_elements(tree)]
    kept: list[tuple[Any, str]] = []
    for e, tag in out:
        if e.getparent() is None or _icon_label(e):
            continue
        if any(a.tag == "a" for a in e.iterancestors()) or (
            tag not in _BLOCKS
            and (block := _text_block(e)) is not None
            and _text(block) != _text(e)
        ):
            # a link's suffix ("(opens in new window)", "(link is external)"), a word in a
            # paragraph ("The fund is <span class=sr-only>rated</span> 4 out of 5"):
            # removed from the tree for good, as the page's rendering that the refinement
            # reads (made from the restored tree) must lack it too: trafilatura's line
            # without it, the rendering's with it, and the paragraph was added twice (s47
            # read F1)
            e.drop_tree()  # (lxml.html: the tail stays in place)
        else:
            e.tag = _DELETED
            kept.append((e, tag))
    return kept


def restore(retagged: list[tuple[Any, str]]) -> None:
    """Give the elements :func:`hidden_text` and :func:`article_boxes` retagged their tags
    back: the metadata stage reads the same tree, and a hidden "Posted on" is the label of
    a post's date (lemire.me on the dev pages lost its date when the label was removed)."""
    for e, tag in retagged:
        e.tag = tag


def _link_share(e: Any, text: str) -> float:
    linked = sum(len(_text(a)) for a in e.iter("a"))
    return linked / max(len(text), 1)


def _names_other(e: Any) -> bool:
    """Whether ``e``'s class or id, or its first heading, names a box that is no article's
    text (:data:`_NOT_BOX`)."""
    if _NOT_BOX.search(" ".join((e.get("class") or "", e.get("id") or ""))):
        return True
    head = next(e.iter(*_HEADINGS), None)
    if head is None:
        return False
    said = _text(head)
    # (or a furniture word of the line model's lexicon in its heading, in its languages:
    # "Listen to our podcast", "Anzeige", "Werbung"; s47 read F7)
    cues = {w for w in re.findall(r"\w+", said.lower()) if w in CUE_WORDS} - _APPARATUS_CUES
    return bool(cues) or _NOT_BOX.search(said) is not None


def _ends_in_action(e: Any) -> bool:
    """Whether the box ``e``'s last block of text is a link alone, of at most
    :data:`_ACTION_WORDS` words: its call to the reader ("Sign up now", "Donate"); an
    article's box ends with its prose (s47 read F7)."""
    last = None
    for b in e.iter("p", "li", "div"):
        if _text(b):
            last = b
    if last is None or next(last.iter("a"), None) is None:
        return False
    text = _text(last)
    linked = " ".join(_text(a) for a in last.iter("a"))
    return text == linked and len(text.split()) <= _ACTION_WORDS


def _chart(e: Any) -> bool:
    """Whether the figure ``e`` is a chart's: a labelled note, source or credit line
    (:func:`.apparatus.labelled`: "Source: …", "Quelle: …"), at most :data:`_FIGURE_WORDS`
    words, most of them no link's (a teaser card written as a figure has a linked heading
    and a date; a heading alone is no chart's: "Up next", "Imperdibles" over videos and
    teasers on the dev pages)."""
    text = _text(e)
    if not text or len(text.split()) > _FIGURE_WORDS or _link_share(e, text) > _LINK_SHARE:
        return False
    return any(labelled(_text(p)) for p in e.iter(*_NOTE_TAGS))


def _prose_box(e: Any) -> bool:
    """Whether the aside ``e`` holds the article's prose: paragraphs that end a sentence,
    :data:`_BOX_WORDS` words in all, one of :data:`_SENTENCE_WORDS` words or more (a box's
    one-line invitation, "Check out the live TV schedule for …", is none); little of its
    text in links, no form, script or player (a newsletter's, a survey's), no quote (a pull
    quote repeats the text), no name of another box (:func:`_names_other`), and no link
    alone at its end (:func:`_ends_in_action`: a sign-up's, a donation's); fewer words in
    all for a tip (:func:`_tip`)."""
    if next(e.iter(*_NOT_IN_BOX), None) is not None or _names_other(e) or _ends_in_action(e):
        return False
    text = _text(e)
    if not text or _link_share(e, text) > _LINK_SHARE or text[:1] in _QUOTES:
        return False
    said = [
        len(t.split())
        for t in (_text(p) for p in e.iter("p", "li"))
        if _STOP.search(t) and t[:1] not in _QUOTES
    ]
    if not said or max(said) < _SENTENCE_WORDS:
        return False
    return sum(said) >= _BOX_WORDS or _tip(e, text)


#: a tip's label and its colon at a box's start ("Tip:", "Recipe tip:", "Bon à savoir :",
#: "Tipp:", "Consiglio:", "Let op:"): a few words, no figure
_TIP_LABEL = re.compile(r"[^\W\d_][^\W\d_'’ -]*(?:[ '’-][^\W\d_]+){0,2}\s?:\s")


def _tip(e: Any, text: str) -> bool:
    """Whether the aside ``e`` (its text ``text``) is a tip of the article: one labelled
    sentence ("Tip: radiator keys cost a few pounds at any hardware shop."), no link in
    it. trafilatura drops every aside; a one-sentence tip has fewer words than
    :data:`_BOX_WORDS` (s49 acc-service S7: 6 of 12 tips lost in HTML)."""
    return _TIP_LABEL.match(text) is not None and next(e.iter("a"), None) is None


def article_boxes(tree: Any) -> list[tuple[Any, str]]:
    """Make the charts' figures (:func:`_chart`) and the boxes of prose (:func:`_prose_box`)
    in ``tree``'s ``<article>`` elements ``<div>`` elements, a figure's caption too;
    return them with their tags, for :func:`restore`."""
    out: list[tuple[Any, str]] = []
    for art in tree.iter("article"):
        for e in list(art.iter("figure", "aside")):
            if e.tag == "figure" and next(e.iter("table"), None) is None and _chart(e):
                out += [(c, c.tag) for c in e.iter("figcaption")]
            elif not (e.tag == "aside" and _prose_box(e)):
                continue
            out.append((e, e.tag))
    for e, _ in out:
        e.tag = "div"
    return out
