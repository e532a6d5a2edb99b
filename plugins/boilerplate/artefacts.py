"""What a text browser writes for the parts of a page that are no text (s47 chrome47, issue 3).

``w3m -dump`` writes an image as its ``alt`` text or, without one, as its file name cut to
ten characters, in brackets: ``[1311292008]``, ``[icon_navi_]``, ``[logo]``; a gallery's
thumbnails, a teaser's picture and a site's icons become lines of such placeholders. A
page's tracking pixels inside ``<noscript>`` come out as their markup, written out:
``<img src="https://ssc.api.bbc.com/?c1=2&..." height="1" width="1" alt="">``. Inside the
article's block the line model read both as the article's (the pixels of a BBC story, 619
tokens of URL parameters on one line; a CNN gallery's 14 picture ids; held-out w3m): no
reader's text is either, and neither is in the article the page's HTML holds. Both
browsers also mark a nested list's levels (lynx ``*`` ``+`` ``o`` ``#`` ``@``, w3m ``•``
``□`` ``☆`` ``○`` ``■``), which a site's menu of topics has and an article's list seldom:
the bulleted text is decided without its marks, and a menu's deeper items read like an
article's headings (:func:`nested_menu_items`).
"""

from __future__ import annotations

from corearchive import lazyre as re

#: the reason of a line removed as :func:`placeholder_line` or :func:`markup_line`
ARTEFACT_REASON = "image placeholder or tag markup of a text browser's rendering, not text"

#: one image placeholder: a file name's or an alt text's one word in brackets (letters,
#: digits, "_", "-", ".", ","), as w3m writes an image; a checkbox's "[ ]" and an
#: omission's "[…]" hold no such word, a quoted value ``["baz"]`` has quotes
_PLACEHOLDER = re.compile(r"\[([\w.,-]{1,80})\]")
#: what may stand between placeholders on their line: space, a bullet, a close mark ("✕")
_BETWEEN = re.compile(r"[^\w\[\]<>]*")
#: the labels a text writes in brackets alone on a line: a song's sections, a transcript's
#: directions (en, de, fr, es, it, pt), casefolded
_TEXT_LABELS = frozenset(
    (
        "chorus", "verse", "bridge", "intro", "outro", "refrain", "hook", "prechorus",
        "pre-chorus", "post-chorus", "interlude", "instrumental", "break", "solo", "coda",
        "applause", "laughter", "laughs", "music", "inaudible", "crosstalk", "silence", "pause",
        "cheering", "cheers", "sighs", "unintelligible", "strophe", "beifall", "gelächter",
        "lachen", "musik", "unverständlich", "couplet", "pont", "applaudissements", "rires",
        "musique", "estribillo", "estrofa", "puente", "coro", "aplausos", "risas",
        "música", "ritornello", "strofa", "ponte", "applausi", "risate", "musica", "refrão",
        "palmas",
    )
)  # fmt: skip
#: a footnote's or a list's number in brackets ("[3]", "[13]") is a reference, no image:
#: a placeholder of digits alone is an image's numbered file name, five digits or more
_NUMBER_ONLY = re.compile(r"\d{1,4}")

#: an element that shows no text of its own and points to a resource by its URL (a
#: tracking pixel, an embedded player or ad): its start tag written out on a line (the
#: last one may be cut: the BBC's pixel's URL ran over 2,000 characters and never closed)
#: (no ``<script>``, ``<link>`` or ``<meta>``: a tutorial's "load it from a CDN" sample is
#: one, ``<script src="https://unpkg.com/vue@3/…">``; s48 read48 F7)
_EMBED = re.compile(
    r"<(?:img|iframe|noscript|embed|object|source|ins|video|audio|p|div|span)"
    r"\b[^<>]*(?:>|$)",
    re.I,
)
#: an absolute URL in one of its attributes ("https://…", "//host/…"): a tutorial's
#: ``<img src="cat.jpg">`` points to a file next to the page
_ABSOLUTE = re.compile(r"""(?:src|href|data)\s*=\s*["']?(?:https?:)?//""", re.I)
_END_TAG = re.compile(r"</[a-z]+\s*>", re.I)


def placeholder_line(line: str) -> bool:
    """Whether ``line`` (stripped) holds nothing but image placeholders as w3m writes them
    (``[1311292008]``, ``[icon_navi_] [logo]``, ``• [Tasche-1-e1560793139806]``): at least
    one placeholder with a letter or five digits and no word outside the brackets. A song's
    section or a transcript's direction alone (:data:`_TEXT_LABELS`: ``[Chorus]``,
    ``[Applause]``) and a note's letter (``[a]``) are the text's labels (s48 read48 F8; any
    word of letters alone is not: w3m writes an image's alt text so, ``[logo]``, ``[pdf]``,
    ``[Strong]`` on held-out pages)."""
    if not line.startswith(("[", "•", "*", "-", "·")) or "]" not in line:
        return False
    parts = _PLACEHOLDER.split(line)
    # (split: text between placeholders at even places, the placeholders' words at odd)
    if not all(_BETWEEN.fullmatch(between) for between in parts[0::2]):
        return False
    words = parts[1::2]
    if len(words) == 1 and (len(words[0]) == 1 or words[0].casefold() in _TEXT_LABELS):
        return False
    return bool(words) and not all(_NUMBER_ONLY.fullmatch(word) for word in words)


def markup_line(line: str) -> bool:
    """Whether ``line`` (stripped) is an embedding element's markup written out, with no text
    outside its tags: an ``<img>``, ``<iframe>`` or ``<script>`` start tag (possibly inside a
    ``<p>``) pointing to an absolute URL — a tracking pixel of a ``<noscript>``, an ad's or
    a player's embed code. A text quoting a tag in a sentence, ``<http://…>``, a template's
    ``<name of author>``, a tutorial's relative ``<img src="cat.jpg">`` and its
    ``<script src="https://…">`` are not."""
    if not line.startswith("<") or not _ABSOLUTE.search(line):
        return False
    rest = _END_TAG.sub("", _EMBED.sub("", line))
    return not rest.strip()


def artefact_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are a text browser's artefacts, no text:
    :func:`placeholder_line` or :func:`markup_line`, the markup not under a line ending in
    ":" (a code sample's lead-in, "Embed the video with:", over its ``<iframe>``)."""
    found = []
    for j, (line, kept) in enumerate(zip(lines, keep, strict=True)):
        if not kept or line[:1] not in "[•*-·<":
            continue
        if (
            placeholder_line(line)
            or (markup_line(line) and not _lead_in(lines, j))
            # (a note's letter alone needs its anchor in the text: see _anchored)
            or ((m := _LONE_LETTER.fullmatch(line)) is not None and not _anchored(lines, m[1]))
        ):
            found.append(j)
    return found


#: a start tag of :data:`_EMBED`'s elements that its line does not close: lynx wrapped it,
#: a long attribute's value over the lines under it
_OPEN_TAG = re.compile(r"<(?:img|iframe|embed|object|source|video|audio)\b[^<>]*", re.I)
#: the most lines such a tag runs over
_TAG_LINES = 8


def split_markup_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are one embedding element's start tag
    written over several lines (:func:`markup_line` of the lines joined, from a line that
    opens the tag without closing it to the first that holds its ``>``, at most
    :data:`_TAG_LINES`, no blank line between): the held-out lynx Burmese BBC page's
    tracking pixel as "<img" / "src="https://ssc.api.bbc.com/?c2=…" / "name=…&amp;…"
    / "… style="display: none;" />", 674 tokens kept under the article (s51 heldout51).
    The tag under a line ending in ":" (a sample's lead-in) stays, as one on its line
    does."""
    found: list[int] = []
    n = len(lines)
    for j in range(n):
        line = lines[j]
        if not keep[j] or not line.startswith("<") or ">" in line:
            continue
        if _OPEN_TAG.fullmatch(line) is None or _lead_in(lines, j):
            continue
        for k in range(j + 1, min(n, j + _TAG_LINES)):
            if not lines[k].strip():
                break
            if ">" in lines[k]:
                if markup_line(" ".join(lines[j : k + 1])):
                    found += [i for i in range(j, k + 1) if keep[i]]
                break
    return found


#: a letter alone in brackets on its line, after a bullet maybe: a note's letter (``[a]``)
#: or w3m's placeholder of an image whose alt text is a letter (an info icon's ``[i]``)
_LONE_LETTER = re.compile(r"[•*·-]?\s*(\[[^\W\d_]\])")


def _anchored(lines: list[str], mark: str) -> bool:
    """Whether the note's letter ``mark`` ("[a]") alone on a line has its anchor: it
    stands in another line with text of its own (a sentence's "…the plan.[a]"). Without
    one it is w3m's alt placeholder of an image, "[i]" over a category's info, "[a]" over a
    photo's caption (s49 acc-regress R4)."""
    return any(mark in x and _LONE_LETTER.fullmatch(x) is None for x in lines)


def _lead_in(lines: list[str], j: int) -> bool:
    """Whether the last line with text over line ``j`` ends in ":" (introduces a sample)."""
    for i in range(j - 1, -1, -1):
        if above := lines[i].strip():
            return above.endswith((":", "："))
    return False


#: the reason of a line removed by :func:`nested_menu_items`
NESTED_MENU_REASON = "item of a nested list the page's menu is (its items mostly removed)"

#: a list's item as lynx and w3m mark it (first level: ``*`` ``•``; deeper: lynx's ``+``
#: ``o`` ``#`` ``@``, w3m's ``□`` ``☆`` ``○`` ``■``), the input line's start
_ITEM = re.compile(r"[ \t]*([*+•·‣◦▪○□■●◎☆★o#@-])[ \t]+\S")
#: the marks of a level under the first (lynx's indented, w3m's)
_DEEPER = frozenset("+o#@‣◦▪○□■●◎☆★")
#: a list that is a menu: this many items at least, at most this share of them kept
_MENU_ITEMS = 8
_MENU_KEPT = 0.5


def nested_menu_items(firsts: list[str], keep: list[bool]) -> list[int]:
    """The kept blocks of a page as lynx or w3m write it that are a deeper level's items of
    a menu: ``firsts`` has each block's first input line as written (its indent and its
    list mark), ``keep`` the decisions. A menu is a list of :data:`_MENU_ITEMS` items or
    more (a run of blocks that are items, of any level) of which the line model kept
    :data:`_MENU_KEPT` or less: the rest of it is what the model read as the page's
    furniture, and the items it kept at a nested level (a site's tree of topics, w3m's
    "○ Was versteht man unter politischem Handeln?" under "☆ Thema: Politisches Handeln")
    are the same menu's, titles of pages that read like an article's headings (held-out
    w3m: 117 such items of a school portal's menu kept over its story, P 0.29; dev aeb as
    w3m renders it, 228 tokens of three sites' menus, none of the articles'). An
    article's own list is kept whole or mostly, or is a first level's.

    A level written without a mark (:func:`_unmarked_level`: w3m's "    Energieeffizienz"
    between "  • Energie" and its "      □ E-Lastenfahrräder") is the same list's: read so,
    it does not end the run, and is dropped with the deeper items when the model kept it.
    The runs are read both ways, the lines each finds dropped: an unmarked line that joins
    two runs may make them one that the model kept more of (lynx's "(BUTTON)" between a
    menu's levels, trafeval bmel.de)."""
    if not any(map(_ITEM.match, firsts)):
        return []  # (no item: no run either way, an unmarked level joins a run of items)
    found = _menu_runs(firsts, keep, False)
    if more := _menu_runs(firsts, keep, True):
        found = sorted({*found, *more})
    return found


def _menu_runs(firsts: list[str], keep: list[bool], unmarked: bool) -> list[int]:
    """The kept deeper items of :func:`nested_menu_items`' menus, the runs of items read
    with (``unmarked``) or without the levels written without a mark."""
    out: list[int] = []
    run: list[int] = []
    for j, first in enumerate([*firsts, ""]):
        if not first.strip():  # (a blank line between items does not end their list)
            if j < len(firsts):
                continue
        elif _ITEM.match(first) or (unmarked and run and _unmarked_level(first, firsts, run, j)):
            run.append(j)
            continue
        if len(run) >= _MENU_ITEMS and sum(keep[i] for i in run) <= _MENU_KEPT * len(run):
            out += [i for i in run if keep[i] and not _top_level(firsts[i])]
        run = []
    return out


#: the most words of a menu's item written without a mark (:func:`_unmarked_level`)
_UNMARKED_WORDS = 8
#: the most blocks looked at from such an item to the deeper items under its level
_UNMARKED_LOOK = 12


def _unmarked_level(first: str, firsts: list[str], run: list[int], j: int) -> bool:
    """Whether ``first`` (block ``j``), a line without a list mark after the items ``run``,
    is an item of the same list at a level w3m writes without a mark: short
    (:data:`_UNMARKED_WORDS` words), no sentence's end, indented more than the run's
    shallowest mark and less than the next block's, a deeper level's item (the unmarked
    level's own items under it). bafa.de as w3m writes it: "  • Energie" / "    Bundesförderung
    für effiziente Gebäude" / "      □ Sanierung Wohngebäude" — the unmarked level ended
    each run of □ items under the menu's eight, and the model kept 21 of its lines over the
    article (s50 acc-regress R1). Not an item's wrapped line (indented as far as its text,
    past the next item's mark), a heading lynx centred, an event's or a table's cells w3m
    indented (no deeper item under them)."""
    indent = len(first) - len(first.lstrip(" \t"))
    if not indent or len(first.split()) > _UNMARKED_WORDS or first.rstrip()[-1:] in ".!?:;":
        return False
    # (the next block that is not a line of this level: a deeper item, or no unmarked level;
    # "    Bundesstelle für Energieeffizienz" / "    Förderwegweiser Energieeffizienz" /
    # "    Energieberatung & Energieaudit" / "      □ Energieaudit nach EDL-G")
    for k in range(j + 1, min(len(firsts), j + _UNMARKED_LOOK)):
        nxt = firsts[k]
        if not nxt.strip():
            continue
        deeper = len(nxt) - len(nxt.lstrip(" \t"))
        if deeper == indent and not _ITEM.match(nxt) and len(nxt.split()) <= _UNMARKED_WORDS:
            continue
        if not _deeper(nxt) or deeper <= indent:
            return False
        break
    else:
        return False
    marks = [len(firsts[i]) - len(firsts[i].lstrip(" \t")) for i in run if _ITEM.match(firsts[i])]
    return indent > min(marks)


def _top_level(first: str) -> bool:
    """Whether a menu's item ``first`` is of its first level: marked so (``*``, ``•``) or
    not indented (an unmarked item of a deeper level is indented; see
    :func:`_unmarked_level`)."""
    if _ITEM.match(first):
        return not _deeper(first)
    return not first[:1].isspace()


def _deeper(first: str) -> bool:
    """Whether an item's input line has the mark of a level under the first (lynx's ``o``
    only indented: an unindented "o " is a word)."""
    m = _ITEM.match(first)
    if m is None:
        return False
    return m.group(1) in _DEEPER and (m.group(1) not in "o#@" or first[0] in " \t")


#: the reason of a line removed by :func:`form_lines`
FORM_REASON = "a form's checkboxes or radio buttons as a text browser writes them"

#: a checkbox or a radio button as lynx and w3m write one, empty or ticked
_BOX = re.compile(r"\[[ xX*]\]|\([ *]\)")
#: one that starts a line the page repeats: no ticked radio button "(*)", which is a
#: footnote's mark, "(*) Datos provisionales" under each table (s48 read48 F9)
_FIRST_BOX = re.compile(r"\[[ xX*]\]|\( \)")


def form_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are a form's controls as lynx and w3m
    write them: two checkboxes or radio buttons or more with their labels on one line (a
    feedback form's "Ad never loaded [ ] Ad was repetitive [ ] ..."), or a line that starts
    with one and that the page holds twice or more (a newsletter box's consent, "[ ] Ich
    akzeptiere die Datenschutzbestimmungen ...", in the header, the sidebar and under the
    post). Held-out lynx and w3m: 207 and 116 such tokens kept, none of the articles'; dev
    aeb as they render it, none kept. A checklist written as text ("[ ] Book the hall"),
    one box a line and each item once, stays."""
    seen: dict[str, int] = {}
    for line in lines:
        if line[:1] in "[(" and _FIRST_BOX.match(line):
            seen[line] = seen.get(line, 0) + 1
    found = []
    for j, (line, kept) in enumerate(zip(lines, keep, strict=True)):
        # (a markdown table's row of ticks, "| [x] | [ ] |", is the table's)
        if not kept or ("[" not in line and "(" not in line) or "|" in line:
            continue
        boxes = _BOX.findall(line)
        labelled = len(boxes) >= 2 and len(line) > 4 * len(boxes)
        if labelled or seen.get(line, 0) >= 2:
            found.append(j)
    return found


#: the reason of a line removed as :func:`widget_line`
WIDGET_REASON = "a text browser's frame, empty text field or bare button, not text"

#: what lynx writes for a part of the page it shows no text of (s49 heldout49): an inline
#: frame as "IFRAME:" and its address (an embedded player's, an ad's, a social plugin's),
#: an empty text field as its underscores, a button without a label as "(BUTTON)"; on the
#: held-out set's lynx pages the line model kept 28 such lines inside articles (a Thai, a
#: Burmese, a French page, a shop's), none of them in any page's text
_WIDGET = re.compile(
    r"IFRAME:(?:\s+\S+)?"  # (the frame's address: one token, no words)
    r"|_{5,}"  # (an empty field alone on its line)
    r"|\(BUTTON\)(?:\s*\(BUTTON\))*"  # (buttons without labels)
)


def widget_line(line: str) -> bool:
    """Whether ``line`` (stripped) is nothing but what lynx writes for a frame, an empty
    text field or unlabelled buttons (:data:`_WIDGET`)."""
    return line[:1] in "I_(" and _WIDGET.fullmatch(line) is not None


def widget_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are :func:`widget_line`."""
    return [
        j for j, line in enumerate(lines) if keep[j] and line[:1] in "I_(" and widget_line(line)
    ]


#: the reason of a line removed by :func:`escaped_url_lines`
ESCAPED_URL_REASON = "pieces of a percent-encoded address (an image's, a frame's), not text"

#: a percent escape of an address ("%2F", "%3A")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
#: the fewest escapes of such a line
_ESCAPES = 2


def escaped_url_line(line: str) -> bool:
    """Whether ``line`` (stripped) is nothing but pieces of percent-encoded addresses: every
    token holds a percent escape or a query's "=" or "&", and none starts an address a
    reader is shown ("https://…", "www.…": a source the text cites). lynx writes an
    avatar's or a plugin's image as its address in brackets and wraps it over several lines
    ('[3b04…?s=60&d=https%3A%2F%2F0.gravatar.', 'com%2Favatar%2F…&r=G] [016a…'); the
    line model read the wrapped pieces as prose inside a blog's page (held-out lynx, s50
    heldout50: seven such lines kept under a WordPress post's "liked by" row)."""
    if "%" not in line or len(_ESCAPE.findall(line)) < _ESCAPES:
        return False
    for token in line.split():
        token = token.strip("[]")
        if token.startswith(("http", "www.")):
            return False
        if _ESCAPE.search(token) is None and "=" not in token and "&" not in token:
            return False
    return True


def escaped_url_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are :func:`escaped_url_line`."""
    return [j for j, line in enumerate(lines) if keep[j] and "%" in line and escaped_url_line(line)]
