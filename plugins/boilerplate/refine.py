"""trafilatura's text of an HTML page checked against the line model's reading of the page.

trafilatura decides by the page's markup (containers, classes, link density); the line model
(:mod:`.lines`) by each line's wording and its neighbourhood in the rendered page. They err
in different places: trafilatura keeps the "Read also:" / "Related articles" / photo-credit
lines that sit inside the article's container, and loses a standfirst, a first paragraph or a
list that sits outside it; the line model sees those as the furniture or the prose they are.
:func:`refine` takes trafilatura's lines and

* removes a line the model, on the rendered page, is sure is furniture (score under
  ``low``);
* keeps a line that is a correction or an editor's note of the article (:mod:`.notes`),
  whatever its score;
* adds a line of the rendered page that trafilatura left out and the model is sure is
  content (score at least ``high``) or that is such a note, where it stands on the page,
  when it lies within
  ``near`` non-blank lines of the part of the page trafilatura kept or of a line added
  before it (1, 3 and 6 were tried with the thresholds; unbounded was not; the chain of
  added lines: an article cut into blocks between ads, aeb F1 0.971 -> 0.974, trafeval
  unchanged, with the model's in-sample scores).

Lines are matched by their text with white space collapsed; a trafilatura line that is no
line of the rendering (a table row, list item with its marker, text joined across inline
blocks) is kept as it is. The thresholds were chosen on out-of-fold line scores of the dev
pages (5 folds by page, the model's trees retrained without the fold; chosen on four folds,
measured on the fifth): aeb F1 0.967 -> 0.969, trafeval 0.935 -> 0.940 (research/boilerplate/
REPORT.md, v12). Most of the gain is the added lines; the removals are about neutral out of
fold (the model is less sure of furniture inside an article than in-sample figures say).
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter
from collections.abc import Collection, Container, Mapping
from itertools import compress
from typing import Any

from corearchive import lazyre as re

from .lines import FEATURE_INDEX, READ_ALSO_REASON, cue_only, notice_line
from .notes import is_note, is_sign_up

#: trafilatura lines the line model scores under this are removed (chosen on 4 of 5 folds,
#: each time: 0.1 / 0.9 / 6 on four, 0.05 / 0.9 / 6 on one)
LOW = 0.1
#: lines of the rendered page that trafilatura left out and the model scores at least this
#: are added
HIGH = 0.9
#: how many lines of the rendered page before the first and after the last of trafilatura's
#: lines an added line may stand
NEAR = 6


#: The control and format characters (Unicode Cc and Cf) that are not white space: zero-width
#: spaces and joiners, soft hyphens, byte-order marks, bidirectional marks. trafilatura's text
#: drops them and the page's rendering keeps them (a test checks the list against unicodedata).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def _norm(line: str) -> str:
    # (str.split() splits on the white space re's \s matches; ~3x re.sub on short lines)
    return " ".join(line.split())


def _key(line: str) -> str:
    """A line as trafilatura's text and the page's rendering are matched: white space
    collapsed, the invisible characters (:data:`_INVISIBLE`) dropped, composed (NFC) and
    entities decoded. trafilatura composes the page's text and decodes an entity escaped
    twice ("&amp;lt;p&amp;gt;" -> "<p>", where the page shows "&lt;p&gt;"): such a line
    matched no line of the page, which refine then added again, so that a page written
    decomposed (NFD) had each paragraph twice (s27 fidelity tester)."""
    if line.isascii():
        return _norm(html.unescape(line)) if "&" in line else _norm(line)
    if not line.isprintable():
        line = _INVISIBLE.sub("", line)
    if "&" in line:
        line = html.unescape(line)
    return _norm(unicodedata.normalize("NFC", line))


#: What a line of the page shown loses all the same: control characters (a page's stray
#: C1 bytes, "\x84" for a Windows-1252 quote), soft hyphens, zero-width spaces, word joiners
#: and byte-order marks (line-break hints that split a word's terms in a search index)
_HINTS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\xad\u200b\u2060\ufeff]")


def _page_line(page: str, line: str) -> str:
    """The page's own line (``page``, as shown) for trafilatura's ``line`` where they differ
    by more than composition and the characters of :data:`_HINTS`: by the page's joiners
    and direction marks (a Persian word's zero-width non-joiner, an emoji's joiners, the
    marks that order right-to-left text), which trafilatura drops, or by an entity escaped
    twice, which it decodes twice ("AT&T" where the page shows "AT&amp;T"). A decomposed
    page's line stays trafilatura's, composed (NFC, as the web's text is exchanged and the
    truth of the dev pages is written)."""
    if not page.isprintable():
        page = _norm(_HINTS.sub("", page))
    if unicodedata.normalize("NFC", page) == _norm(line):
        return line
    return page


#: What no line of prose starts with: the punctuation that closes a clause (a full stop,
#: "!" and "?" when a space or the line's end follows: ".NET" and "..." start lines). Not a
#: quotation mark or a bracket: "»" and "”" open quotations in German and Finnish, and
#: ")" and "}" start lines of code
_CLOSING = frozenset(",;:")
_ENDING = frozenset(".!?")


def _goes_on(line: str) -> bool:
    """Whether ``line`` starts with a clause's closing punctuation (see :data:`_CLOSING`)."""
    c = line[:1]
    return c in _CLOSING or (c in _ENDING and line[1:2] in ("", " "))


def _rejoined(lines: list[str], pre: Container[str] = ()) -> list[str]:
    """trafilatura's lines with a line that starts with a clause's closing punctuation joined
    to the line before: trafilatura breaks a paragraph at an inline ``<q>`` ("... do it" /
    ", the mayor said."), and the page's whole line, matching neither piece, was added after
    them: the paragraph twice (s36 acc-regress O2). Not a line of a preformatted block
    (``pre``: their :func:`_key`), whose line breaks are its text: an INI file's or Lisp's
    "; comment" lines were glued onto the line above (s37 acc-read F7)."""
    if not any(map(_goes_on, lines[1:])):
        return lines
    out = [lines[0]]
    for ln in lines[1:]:
        if out[-1] and _goes_on(ln) and _key(ln) not in pre:
            out[-1] += ln
        else:
            out.append(ln)
    return out


def refine(
    text: str,
    decisions: Any,
    low: float = LOW,
    high: float = HIGH,
    near: int = NEAR,
    blocks: Mapping[str, str] | None = None,
    spare: Any = None,
    thread: list[int] | None = None,
    headings: Collection[str] = (),
    kept: Collection[str] = (),
) -> tuple[str, int, int]:
    """``text`` (trafilatura's, one block per line) with the lines the line model's
    ``decisions`` on the page's rendering (``lines.Decisions``) say are furniture removed and
    the sure content lines it lacks added (see the module's docstring); and how many lines
    were removed and added. ``blocks``: the lines of the page's preformatted blocks, each
    with its block's text (``boilerplate._pre_blocks``): such a line is scored as its
    block, with the best score of the block's lines. The model reads a code sample's lines
    ("if x:", "return 0") as a menu's items: refine removed a sample's indented lines and
    kept the others (s36 acc-read O1). ``spare``: the model's decisions on the same page
    with each such block on one line; a line outside the blocks that this reading calls
    content (0.5 or more, each time the page shows it) is not removed (the block's lines,
    read as a run of menu items, made the paragraph after a code sample read as the
    article's end: 0.08, so read 0.82; a press contact under a <pre> address rose from
    0.09 to 0.11 only). ``thread``: the lines of the rendering that are a thread's posts
    with their posters and times (:func:`.structures.posts_and_comments`), if it is one: see
    :func:`_as_thread`. ``headings``: the text of the page's headings; one between kept
    lines is not removed (see :func:`_heads_kept`)."""
    score = decisions.score
    scores: list[float] = score.tolist()
    stripped = decisions.stripped
    # the page's lines as shown (white space collapsed: the browser does), and as matched
    shown = list(map(" ".join, map(str.split, stripped)))
    rendered = list(map(_key, stripped))
    # the page's own characters for a line of trafilatura's that is a line of the page
    # (_page_line: its joiners and direction marks, an entity escaped twice; s27 fidelity
    # tester)
    own = dict(zip(reversed(rendered), reversed(shown), strict=True))
    # a line that occurs more than once gets its lowest score (furniture repeats): the
    # pairs in falling score order, the last written wins (ties: equal scores)
    order = score.argsort(kind="stable")[::-1].tolist()
    score_of = dict(
        zip(map(rendered.__getitem__, order), map(scores.__getitem__, order), strict=True)
    )
    # a line of cue words alone ("Advertisement", "广告", "Share: X | Facebook"): a rule, not
    # the model's score, removes it from a text (the score is often over ``low``), and
    # trafilatura keeps such a <div> between an article's paragraphs
    # (a page read in windows keeps no feature rows: see lines.decide_many)
    if len(rendered) and decisions.X is not None:
        for j in cue_only(decisions.X).nonzero()[0].tolist():
            score_of[rendered[j]] = 0.0
    # ... and so does a "read also" box inside the article (s50 acc-scripts N4). (Not a
    # site's notice that trafilatura kept under the article, which the rules remove from a
    # text when it stands apart from it: the held-out truths hold CNN's "© 2014 Cable News
    # Network … All Rights Reserved." under its stories, and held-out HTML lost two)
    for j, why in getattr(decisions, "why", {}).items():
        if why == READ_ALSO_REASON:
            score_of[rendered[j]] = 0.0
    # each line as it is scored: a line of a preformatted block as its block
    part_of = {_key(k): _key(v) for k, v in blocks.items()} if blocks else {}
    lines = _rejoined(text.split("\n"), part_of)
    normed = list(map(_key, lines))
    for k, whole in part_of.items():
        if k in score_of:
            score_of[whole] = max(score_of.get(whole, 0.0), score_of[k])
    scored = [part_of.get(k, k) for k in normed] if part_of else normed
    lines = [
        _page_line(page, ln) if k and (page := own.get(k)) is not None and page != ln else ln
        for ln, k in zip(lines, normed, strict=True)
    ]
    # (a correction or an editor's note of the article is kept, whatever its score: see
    # .notes)
    ours = {_key(k) for k in kept}
    keep = [
        score_of.get(k, 1.0) >= low or is_note(ln) or k in ours
        for ln, k in zip(normed, scored, strict=True)
    ]
    if spare is not None:
        # (a line shown twice by its lowest score: the pairs in falling order, the last wins)
        again = spare.score.argsort(kind="stable")[::-1].tolist()
        content = dict(zip(map(_key, map(spare.stripped.__getitem__, again)),
                           (spare.score[again] >= 0.5).tolist(), strict=True))  # fmt: skip
        wholes = set(part_of.values())
        for j, k in enumerate(scored):
            if not keep[j] and content.get(k, False) and k not in wholes:
                keep[j] = True
    if not all(keep):
        # (a table's or chart's labelled note, source or credit next to a kept line: the
        # model reads "Quelle: …", "Source: …" as furniture; s46 acc-data D2)
        _notes_kept(normed, keep)
    if headings and not all(keep):
        # (a comment section's heading is the page's, not a section of the text:
        # "Comments", "3 Kommentare" over a sign-in prompt; s43 acc-regress R5; nor an ad
        # slot's label: s43 acc-read F12)
        X = decisions.X
        talk = X[:, FEATURE_INDEX["comment_cue"]] > 0 if X is not None and len(X) else []
        # (a heading with a comment's word that reads as a comment section's: French
        # "Comment nous testons", "how we test", is none; s49 acc-service S8)
        _heads_kept(
            normed,
            keep,
            {k for k in map(_key, headings) if not _AD_LABEL.fullmatch(k)}
            - {k for k in compress(rendered, talk) if _talk_heading(k)},
        )
    _drop_strays(scored, keep, rendered, score_of, near)
    kept = list(compress(lines, keep))
    kept_norms = list(compress(normed, keep))
    removed = len(lines) - len(kept)
    if thread and (posts := _as_thread(kept_norms, rendered, thread)) is not None:
        out = [ln for ln, k in zip(kept, kept_norms, strict=True) if k not in posts]
        in_order = [shown[i] for i in thread]
        return "\n".join(out + in_order), removed, len(in_order) - (len(kept) - len(out))
    have = set(kept_norms)
    have.discard("")
    n = len(rendered)
    start = next((i for i in range(n) if rendered[i] in have), None)
    if start is None:
        return "\n".join(kept), removed, 0
    end = next(i for i in range(n - 1, -1, -1) if rendered[i] in have)
    joined = " ".join(kept_norms)
    # the span an added line may stand in grows with each line added: an article whose
    # body the page cuts into several blocks (Wired: 3) goes on a few lines past an ad or a
    # signup box, beyond ``near`` lines of the block trafilatura took
    sure = (score >= high).tolist()
    from ..metadata.text import notice_or_share  # (the metadata stage imports this package)

    def sure_at(i: int) -> bool:
        # a note of the article near it comes in as a sure line (asked only of the lines
        # looked at: a page's thousand table lines cost 0.25 ms when all were); a copyright
        # notice or a share bar does not, however sure the model is of it (a Hebrew share
        # bar with a related headline, a Japanese copyright line under a short article were
        # added: 0.91, 0.90; their English twins scored 0.61, 0.08; s38 acc-script #10)
        if not sure[i] and is_note(rendered[i]):
            sure[i] = True
        elif sure[i] and (
            notice_or_share(shown[i]) or notice_line(shown[i]) or is_sign_up(shown[i])
        ):
            # (nor a newsletter's sign-up prompt: s44 acc-genres G12)
            sure[i] = False
        return bool(sure[i])

    # (the distance counts the lines the model does not call sure furniture: "Werbung",
    # "Ad", "Von" between a standfirst and the body took it past ``near``: eurosport.de,
    # s34 acc-regress R5)
    lo, gap = start, 0
    for i in range(start - 1, -1, -1):
        gap += scores[i] >= low
        if gap > near:
            break
        if sure_at(i) and rendered[i] not in joined:
            lo, gap = i, 0
    hi, gap = end, 0
    X = decisions.X
    talk_at = X[:, FEATURE_INDEX["comment_cue"]] if X is not None and len(X) == n else None
    for i in range(end + 1, n):
        gap += scores[i] >= low
        if gap > near:
            break
        if talk_at is not None and talk_at[i] > 0 and shown[i].count(" ") < _TALK_WORDS:
            # (a comment section's heading, "Reactions (3)", "3 Kommentare": the readers'
            # posts under it, which trafilatura left out, are no article's lines however
            # sure the model is of their prose, nor is the heading, which the model may
            # call content; s43 left43)
            break
        if sure_at(i) and rendered[i] not in joined:
            hi, gap = i, 0
    # each added line goes after the last of trafilatura's lines before it on the page
    # (a list's item, a step or a table's row of trafilatura's matched as the page shows it,
    # without its "- ", "1. " or "| … |": a tip after a list was put under the list's
    # heading, the last line that matched; s49 acc-service S7)
    bare = _bare_keys(kept_norms)
    glued_keys = frozenset(k for k in kept_norms if len(k) >= _GLUED_MIN)
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for i in range(lo, hi + 1):
        line = rendered[i]
        if line in have:
            anchor = line
        elif line in bare:
            anchor = bare[line]
        elif sure_at(i) and line not in joined and not _glued_copy(line, glued_keys):
            after.setdefault(anchor, []).append(shown[i])
    if not after:
        return "\n".join(kept), removed, 0
    added = sum(map(len, after.values()))
    out = after.pop(None, [])
    for ln, nm in zip(kept, kept_norms, strict=True):
        out.append(ln)
        more = after.pop(nm, None)
        if more:
            out += more
    return "\n".join(out), removed, added


#: the most characters a button's label glued to a kept line may add to it ("Copy")
_GLUED_CHARS = 12
#: the shortest kept line looked for inside a rendered one (shorter ones are words)
_GLUED_MIN = 12


def _glued_copy(line: str, keys: frozenset[str]) -> bool:
    """Whether the rendered ``line`` is a kept line with a short label glued to it: a code
    block's "Copy" button before its first line ("Copysummarise_skew <- function(x) {"),
    which the rendering writes inline with the block's first line. It matched no kept line
    and was added next to the real one (s51 acc-blogs B4). ``keys``: the kept lines of
    :data:`_GLUED_MIN` characters or more. (The line's slices looked up, at most
    :data:`_GLUED_CHARS` characters shorter: walking every kept line for every added one
    cost the square of the page's lines, 3,000 x 3,000 1.6 s; s52 acc-read F10)"""
    if not keys:
        return False
    n = len(line)
    for d in range(1, _GLUED_CHARS + 1):
        if n - d < _GLUED_MIN:
            break
        if any(line[o : o + n - d] in keys for o in range(d + 1)):
            return True
    return False


#: a list item's or a numbered step's mark as trafilatura writes it
_ITEM_MARK = re.compile(r"(?:[-*•] |\d{1,3}\. )")


def _bare_keys(kept_norms: list[str]) -> dict[str, str]:
    """trafilatura's kept lines that carry a list item's mark ("- A radiator key", "1. Heat
    the oil") or are a table's row ("| Weight | 254 g |"), by the line the page's rendering
    shows for them ("A radiator key", "Weight 254 g")."""
    out: dict[str, str] = {}
    for k in kept_norms:
        if k.startswith("|") and k.endswith("|"):
            cells = [c.strip() for c in k.strip("|").split("|")]
            bare = " ".join(c for c in cells if c and set(c) - set("-: "))
        elif m := _ITEM_MARK.match(k):
            bare = k[m.end() :]
        else:
            continue
        if bare:
            out.setdefault(bare, k)
    return out


#: The most words of a comment section's heading ("Reactions (3)", "Leave a reply",
#: "Join the conversation"): a line of talk words, not a sentence about comments
_TALK_WORDS = 5

#: An ad slot's label, as a heading between an article's paragraphs ("<h2>Advertisement</h2>"):
#: no section's heading, put back by :func:`_heads_kept` (s43 acc-read F12); a heading of
#: other cue words is one ("Kontakt" over an imprint's phone number)
_AD_LABEL = re.compile(
    r"(?i)\W*(?:advertisements?|advertising|ad|ads|sponsored|anzeige|werbung|publicité"
    r"|publicidad|pubblicità|advertentie|reklame|reklama|广告|広告|광고)\W*"
)


def _notes_kept(normed: list[str], keep: list[bool]) -> None:
    """Keep in ``keep`` each of trafilatura's lines (``normed``, as matched) that is a
    table's or chart's labelled note, source or credit (:func:`.apparatus.labelled`) next to
    a kept line, or next to such a line kept (a chart's "Source: …" / "Chart: X / Data: Y"
    under its note). Only by a table or a chart: a table's row or another labelled line
    (the chart's caption or note) within :data:`_NOTE_SPAN` lines; and not a photo's or an
    agency's credit ("Source: Getty Images", "Quelle: dpa" under the article's last
    paragraph were kept as a table's source: s47 regress R3)."""
    from .apparatus import labelled
    from .lines import _CREDIT, _TOK

    n = len(normed)
    marks = [labelled(x) for x in normed]
    table = [x.startswith("|") for x in normed]

    def note(j: int) -> bool:
        if not marks[j]:
            return False
        lo, hi = max(0, j - _NOTE_SPAN), min(n, j + _NOTE_SPAN + 1)
        if not any(table[i] or (marks[i] and i != j) for i in range(lo, hi)):
            return False
        value = normed[j].partition(":")[2]
        return not any(w in _CREDIT for w in _TOK.findall(value.lower()))

    for j in range(n):
        if not keep[j] and ((j > 0 and keep[j - 1]) or (j + 1 < n and keep[j + 1])) and note(j):
            keep[j] = True
    for j in range(n - 2, -1, -1):  # (upwards: a run of them over a kept line)
        if not keep[j] and keep[j + 1] and note(j):
            keep[j] = True


#: the most lines between a labelled note and the table's row or the chart's other labelled
#: line it belongs to
_NOTE_SPAN = 3


def _talk_heading(line: str) -> bool:
    """Whether ``line``, which has a comment's word, reads as a comment section's heading: a
    word alone ("Comments"), a count ("3 Kommentare", "Reactions (3)") or the comment's word
    last ("Leave a reply", "Join the discussion"); not "Comment nous testons"."""
    from .lines import _COMMENT_WORDS, _TOK

    words = _TOK.findall(line.lower())
    return (
        len(words) <= 1
        or any(c.isdigit() for c in line)
        or (bool(words) and words[-1] in _COMMENT_WORDS)
    )


def _heads_kept(normed: list[str], keep: list[bool], headings: Container[str]) -> None:
    """Keep in ``keep`` each of trafilatura's lines (``normed``, as matched) that is a
    heading of the page (``headings``) between kept lines, the one under it no heading: a
    section's heading inside the text. The line model reads a heading alone between blank
    lines as a menu's item: refine removed an imprint's "Kontakt" over its phone number, a
    job ad's "Benefits" over its list, a docs page's "server.workers" over its text (s42
    acc-pages F18). A heading over lines that go ("Who is online" / "Users browsing this
    forum: …") goes with them, and one over the text's first line (a deck) as before. Two
    headings in a row count as one ("2. Xiaomi G20" / "Zalety" over the product's pros:
    both were removed, and its pros read as the first product's cons; s49 acc-service S8)."""
    n = len(normed)
    j = n - 2
    while j > 0:
        if keep[j] or normed[j] not in headings:
            j -= 1
            continue
        # (the run of removed headings that ends at j: one, or two in a row over a list or
        # a table, a product's name and its list's label; two over prose were a box's
        # label and its teaser's headline, "About this article" / "Cite this article")
        a = (
            j - 1
            if j > 1
            and normed[j - 1] in headings
            and not keep[j - 1]
            and (_ITEM_MARK.match(normed[j + 1]) is not None or normed[j + 1].startswith("|"))
            else j
        )
        if keep[a - 1] and keep[j + 1] and normed[j + 1] not in headings:
            for k in range(a, j + 1):
                keep[k] = True
            j = a - 1
        else:
            j -= 1


def _as_thread(kept: list[str], rendered: list[str], thread: list[int]) -> set[str] | None:
    """The thread's lines (as matched) when trafilatura's ``kept`` lines (as matched) are
    lines of the thread on the page (``rendered``, its lines as matched; ``thread``, the
    thread's lines there) or lines before it (its title); else None. trafilatura took a
    thread's first post for the article and left out the others, and put the first post's
    poster and time after its text (s36 acc-types #9, HTML: 1 of 3 posts kept): such a
    text is the thread, its posts in the page's order under their posters and times."""
    posts = {rendered[i] for i in thread}
    place = dict(zip(reversed(rendered), range(len(rendered) - 1, -1, -1), strict=True))
    if any(k and k not in posts and place.get(k, thread[0]) >= thread[0] for k in kept):
        return None
    return posts


def _drop_strays(
    normed: list[str],
    keep: list[bool],
    rendered: list[str],
    score_of: dict[str, float],
    near: int,
) -> None:
    """Remove from ``keep`` the lines of trafilatura's text that stand out of the page's
    order, far from its main part (the largest group of its lines on the page, each within
    ``near`` lines of the next): before the main part in the text but over ``near`` lines
    after it on the page, or the other way round; and that the line model calls furniture
    (score under 0.5). trafilatura puts a sidebar's teaser first when its first choice of
    container held one paragraph and it went on to the article's (MacRumors: a guide's
    blurb as the text's first line; s26 quality reviewer)."""
    n = len(rendered)
    # each line's first and last place on the page (dicts built in C: the last pair wins)
    first_at = dict(zip(reversed(rendered), range(n - 1, -1, -1), strict=True))
    last_at = dict(zip(rendered, range(n), strict=True))
    spots = sorted(
        {(first_at[ln], ln) for ln, k in zip(normed, keep, strict=True) if k and ln in first_at}
    )
    if len(spots) < 2:
        return
    # groups of trafilatura's lines on the page, weighed by their characters
    best, best_chars = (0, 0), -1
    first, chars = 0, 0
    for j, (i, ln) in enumerate(spots):
        if j and i - spots[j - 1][0] > near:
            if chars > best_chars:
                best, best_chars = (spots[first][0], spots[j - 1][0]), chars
            first, chars = j, 0
        chars += len(ln)
    if chars > best_chars:
        best = (spots[first][0], spots[-1][0])
    lo, hi = best[0] - near, best[1] + near
    main = [
        j for j, ln in enumerate(normed) if keep[j] and best[0] <= first_at.get(ln, -1) <= best[1]
    ]
    if not main:
        return
    for j, ln in enumerate(normed):
        if not keep[j] or ln not in first_at or score_of.get(ln, 1.0) >= 0.5:
            continue
        # out of the page's order: before the main part in the text, after it on the page
        # (or the other way round)
        if (j < main[0] and first_at[ln] > hi) or (j > main[-1] and last_at[ln] < lo):
            keep[j] = False


def qa_page(text: str, decisions: Any) -> tuple[str, int, int] | None:
    """``text`` (an HTML page's, as refined) of a Q&A page (:func:`.structures.qa_chrome`
    on the line model's ``decisions`` on its rendering) with its answers' lines that it
    lacks added, each after the last of its lines before it on the page, and the page's
    chrome the rule finds (votes, tags, buttons, related questions) removed; and how many
    lines were removed and added. None when the page is no Q&A page. trafilatura took the
    question and the first answer and left out the others (a French fixture's last answer,
    s49 forum49), and refine added none of them: the model reads a short answer among the
    votes and buttons as their like (0.25)."""
    from .structures import qa_chrome

    lines = decisions.stripped
    posts, chrome = qa_chrome(lines, decisions.keep.tolist())
    if not posts and not chrome:
        return None
    rendered = list(map(_key, lines))
    # (a line of chrome that the page shows once: "23" as a vote's count, not also a line
    # of an answer's code)
    seen = Counter(rendered)
    drop = {rendered[j] for j in chrome if seen[rendered[j]] == 1}
    out = [ln for ln in text.split("\n") if _key(ln) not in drop]
    removed = text.count("\n") + 1 - len(out)
    have = {_key(ln) for ln in out}
    # each missing answer line after the last line of the text before it on the page
    # (``posts`` is in the page's order: the anchor is carried along, each line read once;
    # a look back from each answer's line was quadratic on a long page)
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    done = 0
    for i in posts:
        for j in range(done, i):
            if rendered[j] in have:
                anchor = rendered[j]
        done = i
        if rendered[i] in have or not _answer_line(lines[i]):
            continue
        after.setdefault(anchor, []).append(" ".join(lines[i].split()))
    added = sum(map(len, after.values()))
    if not added:
        return "\n".join(out), removed, 0
    new = after.pop(None, [])
    for ln in out:
        new.append(ln)
        new += after.pop(_key(ln), [])
    return "\n".join(new), removed, added


#: the marks of a line of code or a command (a sort menu's "Highest score (default)" has
#: brackets only)
_ANSWER_CODE = frozenset("=;/\\\"'$<>~`*#%{}")


def _answer_line(line: str) -> bool:
    """Whether ``line``, a line of a Q&A page's answer by :func:`.structures.qa_chrome`
    that trafilatura left out, comes back in HTML: a sentence, one that goes on on the next
    line (its last mark a comma or a colon), or a line of code. Not a label between the
    question's comments and the first answer: "Highest score (default)", the sort menu's
    (trafeval's german.stackexchange page, whose "without" snippets hold "Sorted by")."""
    return line.endswith((".", "!", "?", ",", ":", "…")) or bool(_ANSWER_CODE.intersection(line))
