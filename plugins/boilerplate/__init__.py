"""The ``boilerplate`` stage: keep the main content, remove menus, share bars, related links.

Plain text is cleaned line by line by a text-native model (``lines``: features of each
line's shape, multilingual stop-word density, furniture cues, position, repetition and
its neighbourhood, scored by a small tree ensemble trained offline, evaluated with numpy).
The stage takes plain-text pages in batches (``batch_size``) and scores all their lines in
one numpy pass: the model's cost is mostly numpy's per-call overhead, which a batch shares;
each page gets exactly the decisions it gets alone.
HTML goes through trafilatura in precision mode, fast (its default mode, which compares
with readability and justext, when precision mode kept almost nothing), bounded in size
and time so that one pathological page cannot hang a run; its text is then checked against
the line model's reading of the rendered page (``html_refine``, :mod:`.refine`): lines the
model is sure are furniture go, sure content lines trafilatura left out next to what it kept
come in (the pages of a batch scored together).
Every decision is recorded under ``annotations.boilerplate``; a document left with no
content is dropped with reason ``no_content``.

With ``site_template`` on, the stage also looks across the plain-text documents of each chunk
of the run (64 documents, cut alike by the streaming run and the staged plan): a line that most
of the pages of one site (URL host) and input in the chunk hold is the site's template and is
removed, with the reason ``site template (in N of the site's M documents in this chunk)``
(see :func:`_template`).

HTML is parsed once; the stage leaves these entries in the document's scratch dict for later
local stages (the metadata stage reads them when present, and computes them otherwise):

``doc.work["html_tree"]``
    the lxml tree as :func:`.htmltree.load_html` parsed it (trafilatura's parse, with
    element proxies made in C; after the size cut), untouched: trafilatura extracts from
    its own copy.
``doc.work["html_text"]``
    the page's visible text (:func:`corearchive_plugins.metadata.html.tree_to_text`), when
    the stage needed it (``html_refine``, or to decide on the default-mode fallback).
``doc.work["text_lines"]``
    for plain text, the line model's split of the text it decided on: ``(text, lines,
    indices of the non-blank lines, those lines stripped)``.
``doc.work["text_reflow"]``
    for markdown or hard-wrapped plain text (option ``reflow``), the text joined into one
    block per line that the line model decided on, with each block's input lines
    (:class:`.reflow.Reflowed`); ``text_lines`` is then the split of that text.
``doc.work["text_verdicts"]``
    for plain text, the stage's decisions on the lines of the text it decided on (the
    text of ``text_lines``): which it kept, which it removed and why
    (:class:`.verdicts.LineVerdicts`, with each removed line's kind: another story's
    teaser, a related list's or a feed's item, a menu's, a running head).
``doc.work["trafilatura_meta"]``
    trafilatura's metadata of the same tree
    (:func:`corearchive_plugins.metadata.html.trafilatura_meta`: ``title``, ``author``,
    ``date``, ``sitename``, ``categories``, ``tags``, ``url``, ``description``; absent
    fields are ``None``; an empty dict when it failed), when the ``html_metadata`` option
    is on.
"""

from __future__ import annotations

import html as html_lib
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, groupby, pairwise
from operator import not_
from typing import Any, Literal, cast

from corearchive import Document, Drop, Stage, hookimpl, option
from corearchive import lazyre as re
from corearchive.characters import tidy_text
from corearchive.limits import held, time_limit

from .. import is_post
from .chrome import disclosure, software_chrome, without_button_bars, without_edit_links
from .figures import article_boxes, ascii_lower, hidden_text, may_box, may_hide, restore
from .footnotes import drop_footnote_backlinks, may_have_backlinks
from .lines import CLOSING_MARKS, LINE_ENDS, SENTENCE_MARKS
from .lines import SHORT_REASONS as _SHORT_REASONS
from .listing import new_cards, product_cards
from .mailing import (
    ABOUT_REASON,
    TAGLINE_REASON,
    about_paragraph,
    box_taglines,
    mailchimp_lists,
    may_be_mailchimp,
    release_furniture,
)
from .notes import PAYWALL_LINES, SIGN_UP_REASON, is_paywall, paywall_cut, sign_up_prompts
from .reflow import (
    _MAX_WIDTH,
    _MIN_WIDTH,
    FRONT_MATTER_FIRST,
    FRONT_MATTER_MAX,
    Reflowed,
    broken_words,
    front_matter_size,
    item_number,
    named_markdown,
    reflow_text,
    setext_underlines,
    side_by_side,
    wrapped_within,
)
from .structures import READ_ALSO_LABELS, live_post_times, rating_boxes
from .verdicts import VERDICTS_KEY, LineVerdicts

_SHORT_WORDS = 200
#: the work key of a thread's posts trafilatura left out (:func:`.records.thread_posts`)
_THREAD_KEY = "thread_posts"
_BATCH_CHARS = 400_000
_FALLBACK_SHARE = 0.2
_GATE_MIN_PAGE_WORDS = 300
#: trafilatura's text of fewer words than this, of a page whose visible text has at least
#: _TINY_PAGE_WORDS and _TINY_GAIN times as many, is checked against the line model's
#: cleaning of the visible text (taken when it keeps _TINY_GAIN times the words)
_TINY_WORDS = 40
_TINY_PAGE_WORDS = 150
_TINY_GAIN = 4
_WORD = re.compile(r"\w+")
#: the prefix of a text :func:`_n_words` counts first, in characters per word asked for
_PREFIX_CHARS_PER_WORD = 12


def _n_words(text: str, at_least: int | None = None) -> int:
    """The number of words of ``text``; with ``at_least``, exact only below that: at or
    above it, some number at least that large (the words of a prefix of the text), which is
    all the fallback's comparisons need (the same decisions; on long pages a count over the
    whole text was ~0.4 ms)."""
    if at_least is not None and len(text) > at_least * _PREFIX_CHARS_PER_WORD:
        n = len(_WORD.findall(text, 0, at_least * _PREFIX_CHARS_PER_WORD))
        if n >= at_least:  # (the prefix's words are at most the text's)
            return n
    return len(_WORD.findall(text))  # (a list built in C: ~3x a Python loop over finditer)


class _Timeout(Exception):
    pass


@dataclass(frozen=True)
class BoilerplateOptions:
    threshold: float = option(
        0.5,
        "Keep a line scoring at least this (higher: more precision, less recall). Applies"
        " where the line model decides: plain text, and HTML pages it cleans itself"
        " (method 'lines-fallback'). On other HTML pages trafilatura decides by the markup,"
        " and html_refine's cut-offs are fixed (0.1 / 0.9, chosen out of fold).",
        minimum=0,
        maximum=1,
    )
    model: str = option(
        "",
        "Path of the line model (a JSON file made by research/boilerplate/train.py --out,"
        " relative to the working directory). Empty: the model shipped with the stage"
        " (lines_model.json). Checked when the run starts (version, feature list, trees);"
        " its SHA-256 is in the run's provenance and annotations.boilerplate.model.",
    )
    sequence: bool = option(
        True,
        "Plain text: average the line trees' scores with the model's sequence layer (a small"
        " convolution network over the page's lines; honest CV aeb 0.921 -> 0.924, trafeval"
        " 0.895 -> 0.903). Off: ~0.15 ms less CPU per 5 KB page.",
    )
    keep_removed: bool = option(
        False,
        "Record the text of removed lines under annotations.boilerplate.removed.text: plain"
        " text, and HTML pages the line model cleans itself (method 'lines-fallback'). Of"
        " other HTML pages trafilatura keeps no removed lines (see threshold).",
    )
    reflow: bool = option(
        True,
        "Plain text in markdown (html2text, crawlers' markdown output: links, bullets,"
        " headings), hard-wrapped at a fixed width (lynx or w3m dumps, mail) or with its"
        " links and emphases cut onto lines of their own (BeautifulSoup's get_text('\\n'))"
        " is joined into one block per line before the decisions, which then apply to every"
        " input line of a block; the cleaned text has the blocks' visible text (markdown:"
        " link text without URLs, no images, rules, raw HTML or link-reference definitions;"
        " a table as a markdown table, '| a | b |' rows under a '|---|---|' row, as the HTML"
        " path writes one; a code block's lines as written; each table and code block kept"
        " or removed whole). A text whose lists have bullets (lynx, inscriptis, resiliparse) is"
        " read without them, line for line. Text written one block per line is left as it"
        " is (see corearchive_plugins.boilerplate.reflow).",
    )
    html_max_bytes: int = option(
        5_000_000,
        "HTML larger than this many bytes (UTF-8) is cut to this size before extraction"
        " (annotations.boilerplate.cut says so).",
        minimum=1024,
    )
    html_timeout: float = option(
        10.0,
        "Seconds allowed for extracting one HTML page (0: no limit), counted as CPU time (on"
        " the wall clock at most 20 times that).",
        minimum=0,
    )
    html_fallback: bool = option(
        True,
        "When precision mode keeps under 200 words, also run trafilatura's default mode and "
        "take it if precision kept under a fifth of it (dev: trafeval F1 0.932 -> 0.934; a "
        "second extraction on about 1 page in 6).",
    )
    html_compare: bool = option(
        False,
        "Compare precision mode's output with readability's and justext's (trafilatura's "
        "non-fast mode) before the fallback. Off: the default-mode fallback, which does "
        "compare, covers the pages where precision mode kept little (dev: aeb F1 0.967 both "
        "ways, trafeval 0.935 off, 0.934 on; a quarter more CPU on).",
    )
    site_template: bool = option(
        False,
        "Plain text with a URL (JSONL text, WARC text/plain records; not HTML pages, not a "
        "folder of files): also remove lines that recur on at least half of the different "
        "pages of the same site (URL host) and input file within one chunk of the run (64 "
        "documents, see corearchive.executor.CHUNK_SIZE), and on at least site_template_docs "
        "of them: the site's template (menus, footers, newsletter prompts) where the line "
        "model kept it. A line that a few pages share (a story's teaser on listing pages, a "
        "column's label) stays. Lines of 8 or more words ending a sentence need twice "
        "site_template_docs pages (near copies of an article share them). Chunks are the same "
        "whatever the number of workers and the plan, so the output is too.",
    )
    site_template_docs: int = option(
        3,
        "How many different documents of a site (and at least half of them in the chunk) "
        "must share a line for site_template.",
        minimum=2,
    )
    html_refine: bool = option(
        True,
        "HTML: check trafilatura's text against the line model's reading of the rendered page:"
        " remove its lines the model is sure are furniture, add the page's lines it left out"
        " that the model is sure are content, near what it kept (see"
        " corearchive_plugins.boilerplate.refine; dev, out of fold: aeb F1 0.967 -> 0.969,"
        " trafeval 0.935 -> 0.940). Off: trafilatura's text as it is, ~2 ms less CPU a page.",
    )
    posts: bool = option(
        True,
        "A post (a dump's record that its fields or address say is a social platform's, or"
        " an addressless one with a lang or language tag, of at most 500 characters on at"
        " most 4 lines, one a sentence when several, no brief's headline and byline:"
        " annotations.source.post, docs/stages.md 'Posts') is its own content, kept whole"
        " (method 'post'): the line model, made for pages, dropped 'ok', 'Danke!', an emoji"
        " or a two-sentence Japanese post as no_content. Off: a post's lines are decided as"
        " a page's.",
    )
    html_metadata: bool | Literal["auto"] = option(
        "auto",
        "Collect trafilatura's metadata of the parsed page and leave it in "
        "doc.work['trafilatura_meta'] for the metadata stage (about a quarter of the HTML "
        "cost). auto: when the run has a metadata stage (or the stage does not know the "
        "run's stages); true: always (a plugin stage that reads it); false: never.",
    )


def _decide_grouped(
    texts: list[Any], sizes: list[int], threshold: float, sequence: bool
) -> list[Any]:
    """The line model's decisions on ``texts`` (what ``lines.decide_many`` takes), scored
    in groups of at most :data:`_BATCH_CHARS` characters (``sizes``: each text's): a batch's
    arrays grow with its text (a few dozen bytes per character), and a batch of long pages
    must not take GBs."""
    if not texts:
        return []
    from . import lines as line_model  # (imported by the first page it decides)

    out: list[Any] = []
    start = size = 0
    for i, n in enumerate(sizes):
        if i > start and size + n > _BATCH_CHARS:
            out += line_model.decide_many(texts[start:i], threshold, sequence)
            start, size = i, 0
        size += n
    out += line_model.decide_many(texts[start:], threshold, sequence)
    return out


def _model_info(m: dict[str, Any], shipped: str) -> dict[str, Any]:
    """A loaded line model's entry in the run's provenance."""
    import os

    return {
        "file": os.path.abspath(m["_file"]),
        "shipped": os.path.realpath(m["_file"]) == os.path.realpath(shipped),
        "sha256": m["_sha256"],
        "version": m["version"],
        "features": len(m["features"]),
        **({"made_by": m["provenance"]} if isinstance(m.get("provenance"), dict) else {}),
    }


def _model_tag(m: dict[str, Any]) -> str:
    """The short name of a line model in each record: ``sha256:`` and the first 12 hex
    digits of its file's SHA-256 (the run's provenance has the whole digest)."""
    return "sha256:" + str(m["_sha256"])[:12]


def _active_lines() -> Any:
    from . import lines as line_model

    return line_model._MODEL


def _counts(description: str, *names: str) -> dict[str, Any]:
    """The schema of an object of the counts ``names`` (integers >= 0), all required."""
    return {
        "type": "object",
        "description": description,
        "required": list(names),
        "additionalProperties": False,
        "properties": {n: {"type": "integer", "minimum": 0} for n in names},
    }


_REMOVED = {
    "type": "object",
    "description": "The removed lines as columns of equal length, one entry per removed line "
    "in input order: its index among the input's lines (split on newlines), why it was "
    "removed, the model's score, and (keep_removed) its text. Columns rather than one object "
    "per line: a 5 KB page loses ~25 lines, and building, validating and encoding an object "
    "each cost as much as deciding them.",
    "required": ["line", "reason"],
    "additionalProperties": False,
    "properties": {
        "line": {"type": "array", "items": {"type": "integer", "minimum": 0}},
        "reason": {"type": "array", "items": {"type": "string"}},
        "score": {"type": "array", "items": {"type": "number"}},
        "text": {"type": "array", "items": {"type": "string"}},
    },
}


class BoilerplateStage(Stage):
    """Remove page furniture from plain text and HTML."""

    name = "boilerplate"
    changes_text = True  # (it takes lines out: see Stage.changes_text)
    Options = BoilerplateOptions
    # 64 pages share numpy's per-call cost better than 32 (A/B of the stage: -9 % CPU)
    batch_size = 64
    annotations_schema = {
        "type": "object",
        "required": ["method", "kept_share"],
        "additionalProperties": False,
        "properties": {
            "method": {
                "enum": ["lines", "trafilatura", "trafilatura-fallback", "lines-fallback", "post"],
                "description": "How the content was found (post: a dump's post, kept whole;"
                " option posts).",
            },
            "kept_share": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "Share of the input characters kept.",
            },
            "model": {
                "type": "string",
                "description": "The line model: 'sha256:' and the first 12 hex digits of its"
                " file's SHA-256 (run.json provenance.models has the whole digest and file).",
            },
            "lines_in": {"type": "integer", "minimum": 0},
            "lines_kept": {"type": "integer", "minimum": 0},
            "removed": _REMOVED,
            "cut": _counts(
                "Set when the HTML page was larger than html_max_bytes: its size in bytes and"
                " how much of its start was read (kept_share is of that).",
                "bytes",
                "read",
            ),
            "neutralised": _counts(
                "Set when start tags of the HTML page had over 1,000 attributes (which the"
                " HTML parser would take minutes to read): how many such tags were read"
                " without their attributes, and how many attributes went.",
                "tags",
                "attributes",
            ),
            "consent_notice": {
                "type": "boolean",
                "description": "Set when the HTML page's text began with a site's cookie"
                " notice in its own voice or speaking to its reader (a banner whose markup"
                " names no consent box), removed. (On a text, the line is in removed with its"
                " reason.)",
            },
            "described": {
                "type": "boolean",
                "description": "Set when trafilatura found no main content (precision mode"
                " kept nothing, the default mode the page's lines) and a run of those lines is"
                " the page's description (og:description, twitter:description, description):"
                " the text is that run (a saved post's page without its menus and buttons).",
            },
            "paywall": {
                "type": "boolean",
                "description": "Set when the text ended at a paywall's prompt to subscribe or"
                " log in to read on (removed): the page's text is cut there. The dedup stage"
                " takes such a copy of an earlier version at its address for an excerpt of"
                " it, not a new version.",
            },
            "release_furniture": {
                "type": "integer",
                "minimum": 1,
                "description": "Set when lines of the HTML page's text went as a press"
                ' release\'s contact block or wire mark ("Media contact:" and the lines under'
                ' it, "###", "SOURCE Acme") or a newsletter e-mail\'s line to its reader'
                ' ("View this email in your browser", "Unsubscribe"): how many. (On a'
                " text, each such line is in removed with its reason.)",
            },
            "thread": {
                "type": "object",
                "description": "Set when the page is a thread (a forum's, a comments page):"
                " two posts or more from the text's start, each a poster's name over its time"
                " over its text, kept with their posters and times; the posters in order (the"
                " record's author is the first, who started the thread).",
                "required": ["posts", "posters"],
                "properties": {
                    "posts": {"type": "integer", "minimum": 2},
                    "posters": {"type": "array", "items": {"type": "string"}},
                },
                "additionalProperties": False,
            },
            "products": {
                "type": "integer",
                "minimum": 3,
                "description": "Set when the HTML page is a shop's listing (a category"
                " page): how many product cards it shows, kept in the text one a line, each"
                " its name and price (trafilatura kept the intro alone).",
            },
            "parse_cut": {
                "type": "boolean",
                "description": "Set when the page nests deeper than the HTML parser reads"
                " (libxml2: 2,048 levels): its text was read by a streaming tokenizer.",
            },
            "template": _counts(
                "Set when lines went as the site's template (option site_template): how many,"
                " and how many pages (different texts) of the site the chunk held; each line's"
                " reason in removed says how many of them hold it.",
                "lines",
                "pages",
            ),
            "refine": _counts(
                "HTML with html_refine: how many of trafilatura's lines the line model"
                " removed, and how many lines of the rendered page it added.",
                "removed",
                "added",
            ),
            "columns": {
                "type": "object",
                "description": "Set when lines of the plain text hold two columns side by "
                "side (a layout-preserving OCR or pdftotext -layout export: a gutter of three "
                "spaces or more at the same place on 5 or more lines and 40 % of them): read "
                "across, each such line interleaves two stories, which no text-only reading "
                "undoes; the text is kept as it is. How many lines, and the column where the "
                "right one starts.",
                "required": ["lines", "at"],
                "additionalProperties": False,
                "properties": {
                    "lines": {"type": "integer", "minimum": 1},
                    "at": {"type": "integer", "minimum": 0},
                },
            },
            "reflow": {
                "type": "object",
                "description": "Set when the text was joined into blocks before the "
                "decisions: markdown (each paragraph, heading, list item, table row one "
                "block of its visible text), hard-wrapped (lines joined back, with the "
                "width they were wrapped at), fragments (a sentence's pieces, its links "
                "and emphases on lines of their own, joined back) or bullets (list items "
                "without their bullets, one for one); the number of blocks. "
                "lines_in, lines_kept and removed count input lines.",
                "required": ["layout", "blocks"],
                "additionalProperties": False,
                "properties": {
                    "layout": {"enum": ["markdown", "wrapped", "fragments", "bullets"]},
                    "width": {"type": "integer", "minimum": 1},
                    "blocks": {"type": "integer", "minimum": 0},
                },
            },
        },
    }

    options: BoilerplateOptions
    _model: dict[str, Any] | None = None
    _model_tag = ""

    def _html_metadata(self) -> bool:
        """Whether to collect trafilatura's metadata of an HTML page (``html_metadata``):
        with ``auto``, when the run has the metadata stage, its only reader (s30 corpus
        tester F8: ``--disable metadata`` still paid ~25 % of the HTML CPU for it)."""
        want = self.options.html_metadata
        if want != "auto":
            return bool(want)
        stages = getattr(self.context, "stages", None)
        return stages is None or "metadata" in stages

    @classmethod
    def models(cls, options: BoilerplateOptions) -> dict[str, dict[str, Any]]:
        """The line model (``model`` option, else the shipped one), loaded and checked: one
        for other features, of another version, truncated or empty raises
        ``lines.ModelError`` naming the file (the run stops before any document)."""
        from . import lines as line_model

        m = line_model.load_model(options.model or line_model.MODEL_PATH)
        return {"boilerplate.lines": _model_info(m, line_model.MODEL_PATH)}

    def open(self) -> None:
        """The line model (the module's character tables and the model's arrays, ~50-70 ms
        of CPU with the module's import), once per process: the ``model`` option's file,
        else the shipped one, checked (:func:`.lines.check_model`)."""
        from . import lines as line_model

        self._model = line_model.load_model(self.options.model or line_model.MODEL_PATH)
        self._model_tag = _model_tag(self._model)

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        """As :meth:`Stage.run`; with ``site_template``, the stream (one chunk of the run)
        is read whole first, to find the lines its documents share (see :func:`_template`).
        The evidence goes into each document's scratch (``doc.work``), so a document retried
        alone after a failure gets the same decisions."""
        if not self.options.site_template:
            yield from super().run(docs)
            return
        from corearchive.executor import CHUNK_SIZE, chunked

        # A local stage gets one chunk per call; should the stage ever run on the whole
        # stream (after an ordered stage), it still reads at most a chunk at a time.
        for chunk in chunked(docs, CHUNK_SIZE):
            _template(chunk, self.options.site_template_docs, self.options.reflow)
            yield from super().run(chunk)

    def process(self, doc: Document) -> Document | Drop:
        result = self.process_batch([doc])[0]
        if isinstance(result, Exception):
            raise result
        return result

    def process_batch(self, docs: list[Document]) -> list[Document | Drop | Exception]:
        # Plain-text pages are scored together: the line model's cost is mostly numpy's
        # per-call overhead, which a batch shares (identical decisions, see lines.decide_many).
        if self._model is None:  # (not opened: a test's stage, say)
            self.open()
        if self._model is not None and _active_lines() is not self._model:
            # (another stage instance of this process uses another model)
            from . import lines as line_model

            line_model.activate(self._model)
        # a dump's post is its own content (option posts): not decided as a page's lines
        posts = (
            {id(d) for d in docs if not d.is_html and is_post(d)} if self.options.posts else set()
        )
        texts = [d for d in docs if not d.is_html and id(d) not in posts]
        decided: dict[int, Any] = {}
        # markdown and hard-wrapped texts are decided as their blocks
        split, reflowed = self._reflow(texts) if self.options.reflow and texts else ({}, {})
        got = _decide_grouped(
            [split.get(id(d), d.text) for d in texts],
            [len(d.text) for d in texts],
            self.options.threshold,
            self.options.sequence,
        )
        decided.update(zip(map(id, texts), got, strict=True))
        html: dict[int, tuple[str, dict[str, Any]] | Exception] = {}
        for doc in docs:
            if doc.is_html:
                try:
                    text, ann = self._html(doc)
                    text = _without_software_chrome(_without_release_furniture(doc, text))
                    text = _without_sign_up(text)
                    html[id(doc)] = (text, ann)
                except Exception as exc:
                    # this page alone fails (over html_timeout, say): the batch goes on, and
                    # the page is not run again by the retry of a failed batch
                    html[id(doc)] = exc
        if self.options.html_refine and html:
            self._refine([d for d in docs if d.is_html], html)
        out: list[Document | Drop | Exception] = []
        for doc in docs:
            if id(doc) in posts:
                text, ann = _post_text(doc.text)
            elif doc.is_html:
                result = html[id(doc)]
                if isinstance(result, Exception):
                    out.append(result)
                    continue
                text, ann = result
                if gone := doc.work.pop(_RELEASE_KEY, None):
                    # (counted in the text as refined: the refinement may put a line back,
                    # an article's sentence that reads as one; s42 acc-read F12)
                    shown = set(text.split("\n"))
                    if n := sum(line not in shown for line in gone):
                        ann = {**ann, "release_furniture": n}
                # (the page's characters, decoded from its entities and kept from its own
                # lines where trafilatura's differ, as a plain text's are at its reading:
                # &#7; a control, &shy; a soft hyphen, a decomposed title's letters)
                text = tidy_text(text, done=True)
                lines = text.split("\n")
                if len(lines) > _NOTICE_TEXT_LINES and site_notice(lines[0]):
                    # (a banner in markup that names no consent box: trafilatura kept it
                    # as the text's first paragraph; s47 acc-gov G9)
                    lines = lines[1:]
                    text, ann = "\n".join(lines), {**ann, "consent_notice": True}
                if any(map(disclosure, lines)):
                    # (an affiliate disclosure in the article's markup: trafilatura kept
                    # it as a paragraph; s49 acc-service S6)
                    lines = [ln for ln in lines if not disclosure(ln)]
                    text = "\n".join(lines)
                if drop := _html_buttons(lines):
                    # (a service page's buttons in the article's markup: a recipe's cart
                    # button, a podcast's listen-on button; s49 acc-service S6/S10)
                    lines = [ln for j, ln in enumerate(lines) if j not in drop]
                    text = "\n".join(lines)
                if cut := paywall_cut(lines[-PAYWALL_LINES:]):
                    text, ann = "\n".join(lines[:-cut]), {**ann, "paywall": True}
            else:
                d = decided[id(doc)]
                joined = reflowed.get(id(doc))
                # the line split, for the metadata stage (it splits the page the same way);
                # of the joined text when the input was markdown or hard-wrapped, which the
                # metadata stage then reads too (with each joined line's input lines)
                doc.work["text_lines"] = (joined.text if joined else doc.text, d.lines,
                                          d.idx, d.stripped)  # fmt: skip
                if joined:
                    doc.work["text_reflow"] = joined
                if joined and joined.units:
                    _decide_units(d, joined.units)
                elif not (joined and joined.width):
                    _decide_wrapped(d)
                code = [] if joined and joined.units else _code_blocks(d)
                _keep_code_blocks(d, code)
                _keep_structures(d)
                if joined and joined.sections[1]:
                    _keep_linked_headings(d, joined)
                if joined and joined.sections[0]:
                    _keep_headed_sections(d, joined)
                _keep_service_lines(d)
                _keep_short_runs(d)
                _keep_records(d)
                _keep_fact_rows(d)
                if about := about_paragraph(d.stripped, d.keep.tolist()):
                    _mark(d, dict.fromkeys(about, ABOUT_REASON), True)
                _keep_listing_teasers(d)
                _keep_product_cards(d)
                posters = _keep_thread(d)
                if posters:
                    _name_posters(d, _drop_after_thread(d))
                else:
                    _drop_qa_chrome(d)
                    _drop_comment_section(d)
                _drop_under_comment_form(d)
                _keep_notes(d)
                _drop_front_matter(d)
                _drop_page_furniture(d, "\f" in doc.text)
                _drop_pdf_furniture(d)
                _drop_publisher_chrome(d)
                _drop_ticker(d)
                _drop_encoded_data(d)
                _drop_render_artefacts(d)
                _drop_nested_menu(d, joined)
                _drop_form_lines(d)
                _drop_post_neighbours(d)
                _drop_feed(d)
                _drop_dated_feed(d)
                _drop_related_list(d)
                _drop_browser_widgets(d)
                _drop_ranked_list(d)
                _drop_slide_gallery(d)
                _drop_escaped_urls(d)
                _drop_breadcrumb(d)
                _drop_trail_line(d)
                _drop_consent_notice(d)
                _drop_closing_consent_notice(d)
                _drop_lead_trail(d)
                _drop_toggled_box(d)
                _drop_teaser_marks(d)
                _drop_promo_lines(d)
                _drop_release_furniture(d)
                _drop_software_chrome(d)
                _drop_shop_lines(d)
                _drop_reading_widgets(d)
                _drop_service_chrome(d)
                _drop_page_tools(d)
                _drop_cite_boxes(d)
                if prompts := sign_up_prompts(d.stripped, d.keep.tolist()):
                    # (before the paywall's prompt is looked for under the text: s44 G10)
                    _mark(d, dict.fromkeys(prompts, SIGN_UP_REASON), False)
                found = doc.work.pop(_TEMPLATE_KEY, None)
                gone = _drop_template_lines(d, found) if found else 0
                paywall = _drop_paywall(d)
                if joined and joined.markup:
                    _drop_markup(d, joined.markup)
                elif "===" in doc.text or "---" in doc.text:
                    # (a plain text's setext headings: their underlines are markup too)
                    _drop_markup(d, setext_underlines(d.lines))
                if joined and joined.breaks:
                    _keep_line_breaks(d, joined.breaks)
                if "-\n" in doc.text:  # (a line that ends with a hyphen: a PDF's page end)
                    _join_broken_words(d)
                _keep_code_blocks(d, code, final=True)
                if joined and joined.units:
                    _keep_units_whole(d, joined.units)
                _keep_sign_off(d)
                _drop_contents(d)
                _drop_post_footer_tail(d)
                _drop_by(d, box_taglines, TAGLINE_REASON)
                if _crawl_row(doc):
                    _keep_extracted_article(d)
                text, ann = self._text(d)
                # (the decisions, for the metadata stage: see .verdicts)
                doc.work[VERDICTS_KEY] = _verdicts(joined.text if joined else doc.text, d, ann)
                if "\f" in text:  # (page breaks, read above: a record's text has none)
                    text = "\n".join(filter(None, map(str.strip, re.split("[\n\f]", text))))
                if posters:
                    ann["thread"] = {"posts": len(posters), "posters": posters}
                if gone:
                    ann["template"] = {"lines": gone, "pages": found.pages}
                if paywall:
                    ann["paywall"] = True
                if joined:
                    _to_input_lines(ann, joined)
                if "   " in doc.text:  # (two columns side by side have a gutter)
                    cols = side_by_side(joined.lines if joined else d.lines)
                    if cols:
                        ann["columns"] = {"lines": cols[0], "at": cols[1]}
            if not _visible(text) or (doc.is_html and _only_links(doc, text, ann)):
                detail = {"method": ann["method"], "chars_in": len(doc.text)}
                if "template" in ann:  # (the run report counts these: see the runner)
                    detail["site_template_lines"] = ann["template"]["lines"]
                out.append(Drop("no_content", detail))
                continue
            doc.text = text
            doc.is_html = False
            ann["model"] = self._model_tag
            doc.annotations[self.name] = ann
            out.append(doc)
        return out

    def _refine(
        self, docs: list[Document], html: dict[int, tuple[str, dict[str, Any]] | Exception]
    ) -> None:
        """trafilatura's text of each page in ``html`` (by document id) checked against the
        line model's decisions on the page's rendering (:func:`.refine.refine`), all pages of
        the batch scored together. The rendering is left in ``doc.work["html_text"]``, where
        the metadata stage reads it."""
        from ..metadata.html import tree_to_text

        todo: list[tuple[Document, str, dict[str, Any]]] = []
        for doc in docs:
            got = html[id(doc)]
            tree = doc.work.get("html_tree")
            if isinstance(got, Exception) or tree is None or not got[0].strip():
                continue
            if got[1]["method"] not in ("trafilatura", "trafilatura-fallback"):
                continue
            if not isinstance(doc.work.get("html_text"), str):
                try:
                    doc.work["html_text"] = tree_to_text(tree)
                except Exception:  # (the page keeps trafilatura's text; the batch goes on)
                    continue
            todo.append((doc, *got))
        if not todo:
            return
        from .refine import qa_page, refine

        # the rendering as the line model was trained on pages: blocks stripped, one blank
        # line between them (the rendering's indentation of the source leaves ~7 lines for
        # each line of text; the model's cost grows with the lines)
        rendered = [
            list(filter(None, map(str.strip, doc.work["html_text"].splitlines())))
            for doc, _, _ in todo
        ]
        pages = list(map("\n\n".join, rendered))
        blocks = [
            _pre_blocks(lines, doc.work["html_tree"])
            for lines, (doc, _, _) in zip(rendered, todo, strict=True)
        ]
        # a page with preformatted blocks is read a second time with each block on one line
        # (_one_line_blocks): the block's lines, read one by one as a menu's items, made the
        # paragraph after a code sample read as the article's end (0.08; 0.82 so read). Only
        # a line refine would remove is asked of that reading (see refine's ``spare``): the
        # whole page read so moved other lines' scores (a press contact kept, trafeval HTML
        # 0.952 -> 0.951)
        with_pre = [i for i, b in enumerate(blocks) if b]
        again = [_one_line_blocks(rendered[i], blocks[i]) for i in with_pre]
        decided = _decide_grouped(
            pages + again, list(map(len, pages + again)), self.options.threshold, False
        )
        spare: list[Any] = [None] * len(todo)
        for i, d in zip(with_pre, decided[len(pages) :], strict=True):
            spare[i] = d
        for (doc, text, ann), d, b, s in zip(
            todo, decided[: len(pages)], blocks, spare, strict=True
        ):
            posts, heads, _ = _thread_lines(d)
            new, removed, added = refine(
                text,
                d,
                blocks=b,
                spare=s,
                thread=posts,
                headings=_headings(doc.work["html_tree"]),
                kept=(
                    *doc.work.get("live_times", ()),
                    *doc.work.get(_THREAD_KEY, ()),
                    *doc.work.get("seek_times", ()),
                ),
            )
            if not posts and (qa := qa_page(new, d)) is not None:
                # (a Q&A page: its answers trafilatura left out, without its chrome)
                new, removed, added = qa[0], removed + qa[1], added + qa[2]
            if new.strip() and new != text:  # (trafilatura's text if nothing would be left)
                share = round(min(ann["kept_share"] * len(new) / len(text), 1.0), 4)
                ann = {**ann, "kept_share": share}
                ann["refine"] = {"removed": removed, "added": added}
                posters = [d.stripped[h] for h in heads]
                if posters and set(posters) <= set(new.split("\n")):  # (read as the thread)
                    from .structures import head_poster

                    # (the names alone, as a text page's: "pieter_vBerichten: 41" was kept
                    # whole; s49 finalrev_A)
                    names = [head_poster(p) for p in posters]
                    ann["thread"] = {"posts": len(posters), "posters": names}
                    new = _named_posters_text(new, posters)
                html[id(doc)] = (new, ann)

    @staticmethod
    def _reflow(docs: list[Document]) -> tuple[dict[int, list[str]], dict[int, Reflowed]]:
        """Each document's lines for the line model, by document id, and the texts among
        ``docs`` that were joined into blocks (markdown, hard-wrapped: see :mod:`.reflow`),
        whose lines are the blocks. (The text is split once, here: ~11 µs of a 5 KB page.)"""
        from .lines import _split

        lines: dict[int, list[str]] = {}
        joined: dict[int, Reflowed] = {}
        for doc in docs:
            split = _split(doc.text)
            got = doc.work.pop(_REFLOW_KEY, None) or reflow_text(
                doc.text, split, named_markdown(doc.source.path)
            )
            if got is not None:
                joined[id(doc)] = got
                split = got.text.split("\n")
            lines[id(doc)] = split
        return lines, joined

    def _text(self, d: Any) -> tuple[str, dict[str, Any]]:
        """Text and annotations from the line model's decisions (``lines.Decisions``)."""
        keep_l, scores, reasons = d.columns()
        stripped = d.stripped
        kept = list(compress(stripped, keep_l))
        kept_chars = sum(map(len, kept))
        total = kept_chars
        removed: dict[str, list[Any]] = {"line": [], "reason": [], "score": []}
        if len(kept) < len(keep_l):
            # whole columns (see _REMOVED): on 5 KB pages most lines are furniture
            gone_l = list(map(not_, keep_l))
            gone = list(compress(stripped, gone_l))
            total += sum(map(len, gone))
            removed = {
                "line": list(compress(d.idx, gone_l)),
                "reason": list(compress(reasons, gone_l)),
                "score": list(compress(scores, gone_l)),
            }
            if self.options.keep_removed:
                removed["text"] = gone
        elif self.options.keep_removed:
            removed["text"] = []
        total = total or 1
        return "\n".join(kept), {
            "method": "lines",
            "kept_share": round(min(kept_chars / total, 1.0), 4),
            "lines_in": len(keep_l),
            "lines_kept": len(kept),
            "removed": removed,
        }

    def _html(self, doc: Document) -> tuple[str, dict[str, Any]]:
        html = doc.text
        limit = self.options.html_max_bytes
        # (a character is 1-4 bytes in UTF-8: only a page of over limit/4 characters can
        # be over the limit)
        if len(html) * 4 > limit and len(data := html.encode("utf-8", "surrogatepass")) > limit:
            # cut at the limit's byte, on a character: the page's start is read; the
            # evidence says so (kept_share is of what was read)
            text, ann = self._html_read(doc, data[:limit].decode("utf-8", "ignore"))
            ann["cut"] = {"bytes": len(data), "read": limit}
            return text, ann
        return self._html_read(doc, html)

    def _html_read(self, doc: Document, html: str) -> tuple[str, dict[str, Any]]:
        """The main content of ``html`` (see :meth:`_html`), read by one thread of the
        process at a time: trafilatura's and htmldate's module state, which the calls
        below change for their length, is the process's (see ``htmltree.LIBRARY_LOCK``)."""
        _html_imports()  # (outside the time limits, and before the lock's module is read)
        from .htmltree import LIBRARY_LOCK, neutralise_markup

        # a start tag of over 1,000 attributes, which libxml2 would take minutes to read, is
        # read without them: by every parse below (the fallbacks' too), and said
        html, tags, attributes = neutralise_markup(html)
        with LIBRARY_LOCK:
            text, ann = self._html_extract(doc, html)
        if tags:
            ann["neutralised"] = {"tags": tags, "attributes": attributes}
        return text, ann

    def _html_extract(self, doc: Document, html: str) -> tuple[str, dict[str, Any]]:
        """:meth:`_html_read`'s work, with ``htmltree.LIBRARY_LOCK`` held."""
        # (trafilatura and its own imports are loaded by the first page's call; a run's
        # doc_timeout that fired in the middle of that import left half-initialised modules
        # behind (urllib3 without .util), and every later page of the process failed: the
        # imports are made outside the time limits, see _html_imports)
        html2txt, AttrIndex, guarded_xpaths, load_html, _ = _html_imports()
        method = "trafilatura"
        described = False
        text = ""
        tree: Any = None
        too_deep = False
        cards: list[str] = []
        try:
            # (inside the run's limit per document: corearchive.limits nests them)
            with time_limit(self.options.html_timeout, _Timeout), guarded_xpaths():
                # One parse for the whole chain: trafilatura copies a tree it is given
                # (bare_extraction: ``if tree is filecontent: tree = copy(tree)``), so the
                # tree stays as parsed for the metadata stage, and the fallback calls below
                # copy it instead of parsing the page again.
                tree = load_html(html, checked=True)  # (neutralised: see _html_read)
                if tree is not None:
                    doc.work["html_tree"] = tree
                    # (the markup with its ASCII letters lowered, for the case-blind tests of
                    # a rating's and a hidden text's class names below: made once)
                    low = ascii_lower(html)
                    # the page's attribute values, once: trafilatura's expressions that
                    # cannot match on it are skipped in the calls below (same output)
                    index = AttrIndex(tree)
                    if self._html_metadata():
                        # trafilatura's metadata of the same tree, without what no stage
                        # reads (see trafilatura_meta); an empty dict when it fails
                        from ..metadata import capture_bound
                        from ..metadata.html import trafilatura_meta
                        from ..metadata.text import reference_day

                        # htmldate bounded by the capture's day (without one, today's
                        # in UTC), as the metadata stage bounds it
                        bound = capture_bound(doc)
                        doc.work["trafilatura_meta"] = trafilatura_meta(tree, None, bound,
                                                                        index=index)  # fmt: skip
                        doc.work["trafilatura_meta_bound"] = reference_day(bound)
                    # (a review's rating box, made a paragraph: trafilatura drops an element
                    # whose class names a rating)
                    # (only on a page whose markup names a rating: the box is read from
                    # every element's text, ~1.6 ms a page; closing review boiler)
                    changed = _names_rating(html, low) and bool(rating_boxes(tree))
                    if stamps := live_post_times(tree):
                        # (the times of a live blog's posts, made paragraphs: trafilatura
                        # drops a <time>; refine keeps them, which the line model scores as
                        # a menu's items)
                        changed = True
                        doc.work["live_times"] = stamps
                    # (text hidden for screen readers left out, and an article's charts and
                    # boxes of prose made <div>s: trafilatura drops every <figure> and
                    # <aside>; s46 acc-data D1, D7; tags only: the attribute index holds)
                    # (the walk of every element for hidden text only where the markup
                    # names a hidden class: not on a third of the dev pages, which have an
                    # <aside> or a <figure> only)
                    hide = may_hide(html, low)
                    retagged = (
                        (hidden_text(tree) if hide else []) + article_boxes(tree)
                        if hide or may_box(html)
                        else []
                    )
                    seek_classes: list[tuple[Any, str]] = []
                    try:
                        # (inside the try: the tree is restored whatever raises once its
                        # elements are retagged; s48 read48 F23)
                        if "?t=" in html or "&t=" in html or "#t=" in html:
                            # (a player's seek links, "?t=03:20", made text: chapters)
                            from .service import seek_links

                            links, seek_classes, seek_times = seek_links(tree)
                            retagged += links
                            # (a class taken off: the attribute index is rebuilt below)
                            changed = changed or bool(seek_classes)
                            if seek_times:
                                doc.work["seek_times"] = seek_times
                        if "<time" in html:
                            # (the dates of a listing's records, which trafilatura drops)
                            from .records import record_times

                            retagged += record_times(tree)
                        if may_be_mailchimp(html):
                            # (an archived Mailchimp issue's lists: s51 acc-blogs B3)
                            retagged += mailchimp_lists(tree)
                        if may_have_backlinks(html):
                            # (a footnote's back link "↩": trafilatura dropped the notes
                            # that end in one; s51 acc-blogs B2)
                            # (links taken out: the attribute index is rebuilt below,
                            # or it points trafilatura at the wrong elements; finalrev_A)
                            changed = drop_footnote_backlinks(tree) > 0 or changed
                        if changed:
                            # (the tree changed, so does its index: built once for both)
                            index = AttrIndex(tree)
                        text, method, described, own = self._main_text(doc, tree, index)
                        if captions := _gallery_captions(tree, html, text, own):
                            # a gallery's captions are its content: made paragraphs, and read
                            _captions_as_text(captions)
                            text, method, described, _ = self._main_text(doc, tree, AttrIndex(tree))
                    finally:
                        # (the tree as parsed, for the metadata stage and for the rendering
                        # of the fallbacks below, also when the extraction raised: a page
                        # too deep for trafilatura's recursion is read from its tree; s47
                        # read F11)
                        restore(retagged)
                        for e, cls in seek_classes:
                            e.set("class", cls)
                    if _n_words(text, _SHORT_WORDS) < _SHORT_WORDS and (
                        cards := new_cards(product_cards(tree, html), text)
                    ):
                        # a shop's listing: trafilatura kept its intro, not its products
                        # (an article's box of offers is under a longer text: not read)
                        text = "\n".join([text.rstrip("\n"), *cards])
                    if _n_words(text, _SHORT_WORDS) < _SHORT_WORDS:
                        # a forum's thread: trafilatura kept its first post, not the replies
                        from .records import thread_posts

                        if posts := thread_posts(tree, text):
                            # (kept by the refinement, as a live blog's times: the line
                            # model reads a short reply as a menu's item)
                            doc.work[_THREAD_KEY] = posts
                            text = "\n".join([text.rstrip("\n"), *posts])
                    if (
                        self.options.html_fallback
                        and (n_kept := _n_words(text, _TINY_WORDS)) < _TINY_WORDS
                        and (lines := self._lines_of_page(doc, tree, n_kept)) is not None
                    ):
                        return lines
        except _Timeout:
            raise TimeoutError(
                f"HTML extraction took over {self.options.html_timeout:g} s"
            ) from None
        except RecursionError:
            # trafilatura (and its html2txt) walk nested lists and tables by recursion: a
            # page nested a few thousand levels deep (unclosed <ul>s) is read below as the
            # visible text of its tree, which is rendered without recursion
            text, too_deep = "", True
        if not text.strip():
            # Last resort: the page's visible text, cleaned as plain text.
            from ..metadata.html import stream_text, tree_to_text
            from .htmltree import parse_was_cut

            cut = parse_was_cut()
            if cut:
                # nested deeper than the parser reads: the tree lacks what lies below
                visible = stream_text(html)
            elif too_deep and tree is not None:
                visible = tree_to_text(tree)
            else:
                # (html2txt, and trafilatura's parser, give nothing for "markup" without a
                # tag: a JSONL "html" field that holds plain text was dropped as no_content;
                # it is its own text, entities aside)
                visible = html2txt(html) or ("" if _A_TAG.search(html) else html_lib.unescape(html))
            plain, ann = self._lines_fallback(visible)
            if cut:
                ann["parse_cut"] = True
            return plain, ann
        text = _page_lines(text, tree)
        ann = {"method": method, "kept_share": round(min(len(text) / max(len(html), 1), 1.0), 4)}
        if described:
            ann["described"] = True
        if cards:
            ann["products"] = len(cards)
        return text, ann

    def _main_text(self, doc: Document, tree: Any, index: Any) -> tuple[str, str, bool, str]:
        """trafilatura's text of the page (``index``: its ``AttrIndex``), the method that
        gave it, whether it is the page's description (see :func:`_described_run`), and
        precision mode's text (the page's own text without its furniture, for
        :func:`_gallery_captions`, when a fallback gave the text)."""
        *_, page_xpaths = _html_imports()
        method, described = "trafilatura", False
        with page_xpaths(index):
            text, _ = _extract(tree, "precision", False, fast=not self.options.html_compare)
        precise = text
        # Precision mode now and then prunes most of an article (forum posts, product
        # pages).  When it kept little, ask the default mode too and take that if precision
        # mode kept under a fifth of it: on the dev sets this fires on 5 of 595 pages (all
        # under 200 words), trafeval F1 0.932 -> 0.934, aeb unchanged.  The second call is
        # the cost: under 200 words it runs on 98 of 595 dev pages (under 300, the former
        # limit, on 168 for the same 5 changes).
        n_prec = _n_words(text, _SHORT_WORDS)
        if (
            n_prec < _SHORT_WORDS
            and self.options.html_fallback
            and self._fallback_may_help(doc, tree, n_prec)
        ):
            with page_xpaths(index):
                default, _ = _extract(tree, "default", False)
            # (n_prec < 200: at least 5 n_prec + 1 words decide it)
            if n_prec < _FALLBACK_SHARE * _n_words(default, 5 * n_prec + 1):
                text, method = default, "trafilatura-fallback"
                if (
                    not n_prec
                    and _is_post_page(tree)
                    and (run := _described_run(tree, text)) is not None
                ):
                    # precision mode found no main content, and the default mode kept the
                    # page's every line: on a saved post's page, the lines that are the
                    # page's own description (the post without the site's menus and
                    # buttons: s31 acc-posts #8)
                    text, described = run, True
        if not text.strip():
            method = "trafilatura-fallback"
            with page_xpaths(index):
                text, _ = _extract(tree, "recall", False)
        return text, method, described, precise

    def _lines_of_page(
        self, doc: Document, tree: Any, n_kept: int
    ) -> tuple[str, dict[str, Any]] | None:
        """The page's visible text cleaned by the line model, when trafilatura kept next to
        nothing of a page with much text (a tagline twice, 14 words, of a 1,500-character
        article: it took the wrong element) and the line model keeps several times more;
        else None."""
        page = _visible_text(doc, tree)
        need = max(_TINY_PAGE_WORDS, _TINY_GAIN * (n_kept + 1))
        if _n_words(page, need) < need:
            return None
        plain, ann = self._lines_fallback(page)
        if _n_words(plain, _TINY_GAIN * (n_kept + 1)) < _TINY_GAIN * (n_kept + 1):
            return None
        return plain, ann

    def _lines_fallback(self, visible: str) -> tuple[str, dict[str, Any]]:
        """A page's visible text cleaned by the line model (method ``lines-fallback``)."""
        from . import lines as line_model

        d = line_model.decide(visible, self.options.threshold, self.options.sequence)
        posters = _fallback_thread(d)
        plain, ann = self._text(d)
        ann["method"] = "lines-fallback"
        if posters:
            ann["thread"] = {"posts": len(posters), "posters": posters}
        return plain, ann

    @staticmethod
    def _fallback_may_help(doc: Document, tree: Any, n_prec: int) -> bool:
        """False when the default mode cannot keep five times precision mode's words: the
        page's visible text (the metadata stage's rendering, left in ``doc.work["html_text"]``
        for it) is an upper bound of what trafilatura extracts, except on pages that hide
        their text in attributes or scripts (an app page: little visible text), where the
        default mode always runs. Dev: 67 default calls instead of 98 on 595 pages, the same
        5 fallbacks taken (``research/boilerplate/html_gate.py``)."""
        page = _visible_text(doc, tree)
        # (whether the page has under 300 words, or over five times n_prec)
        n_page = _n_words(page, max(_GATE_MIN_PAGE_WORDS, 5 * n_prec + 1))
        return n_page < _GATE_MIN_PAGE_WORDS or n_prec < _FALLBACK_SHARE * n_page


#: The page's description, by where pages state it, first found first
_DESCRIPTIONS = (
    ".//meta[@property='og:description']",
    ".//meta[@name='twitter:description']",
    ".//meta[@name='description']",
)
#: At most this many lines are searched for the description (a short page's)
_DESCRIBED_LINES = 200
#: What marks a saved post's page (Mastodon's status pages, and other ActivityPub servers'):
#: the ActivityPub object the page shows
_POST_PAGE = ".//link[@rel='alternate'][@type='application/activity+json']"


def _is_post_page(tree: Any) -> bool:
    """Whether the page is a saved post's (a status page): it names its account in Open
    Graph's ``profile:username`` or links the post's ActivityPub object, as Mastodon's status
    pages do. A news article's lead is often its description too (a CMS's habit), and there
    the description is no sign that the lead is the page's whole text (s33 acc-regress #2)."""
    from ..metadata import _profile_username

    try:
        return _profile_username(tree) is not None or tree.find(_POST_PAGE) is not None
    except Exception:  # (a tree that cannot be searched: no post)
        return False


def _described_run(tree: Any, text: str) -> str | None:
    """The run of ``text``'s lines that is the page's description (joined by spaces, white
    space folded, equal to it; or to it without a closing ellipsis, as a prefix), or
    None."""
    want = ""
    try:
        for path in _DESCRIPTIONS:
            for meta in tree.iterfind(path):
                want = " ".join((meta.get("content") or "").split())
                if want:
                    break
            if want:
                break
    except Exception:  # (a tree that cannot be searched: no description)
        return None
    cut = want.endswith(("…", "..."))
    want = want.rstrip(".…").rstrip() if cut else want
    if not want:
        return None
    lines = [" ".join(line.split()) for line in text.split("\n")][:_DESCRIBED_LINES]
    for i, first in enumerate(lines):
        if not first or not want.startswith(first):
            continue
        joined = ""
        for j in range(i, len(lines)):
            if not lines[j]:
                continue
            joined = f"{joined} {lines[j]}" if joined else lines[j]
            if joined == want or (cut and joined.startswith(want)):
                return "\n".join(line for line in lines[i : j + 1] if line)
            if not want.startswith(joined):
                break
    return None


def _visible_text(doc: Document, tree: Any) -> str:
    """The page's visible text (the metadata stage's rendering), made once and left in
    ``doc.work["html_text"]`` for the stages after."""
    from ..metadata.html import tree_to_text

    page = doc.work.get("html_text")
    if not isinstance(page, str):
        page = doc.work["html_text"] = tree_to_text(tree)
    return page


#: The start of a tag, a comment or a doctype: what markup without any lacks.
_A_TAG = re.compile(r"<[A-Za-z!/?]")


#: A page's caption elements: trafilatura drops them as an image's furniture
_CAPTIONS = (
    "//figcaption | //*[@class][contains(@class, 'caption') or contains(@class,"
    " 'slide-description')]"
)
#: The least captions of a gallery, and the least characters of each
_GALLERY_CAPTIONS = 3
_GALLERY_CAPTION_CHARS = 25


def _may_be_gallery(html: str) -> bool:
    """Whether the page's markup may be a gallery's (a cheap test before
    :func:`_gallery_captions`'s search of the tree, ~0.7 ms a page): it names captions (a
    tag's name or class: "caption", "slide-description") at least :data:`_GALLERY_CAPTIONS`
    times, and as often as a third of its paragraphs (``<p``; an article with a photo or
    three among twenty paragraphs is none)."""
    n = html.count("caption")
    if "slide-description" in html:
        n += html.count("slide-description")
    return n >= _GALLERY_CAPTIONS and 3 * n >= html.count("<p")


def _gallery_captions(tree: Any, html: str, text: str, precise: str | None = None) -> list[Any]:
    """A photo gallery's captions, or none: trafilatura drops caption elements
    (``p.caption``, ``div.caption``, ``p.wp-caption-text``, ``span.gallery-caption``,
    ``div.slide-description``, a ``figcaption``) as an article's image furniture, where they
    are a gallery's whole content (s32 news types #4: 0 of 4 captions kept in 6 of 7
    markups). A page is a gallery when it has :data:`_GALLERY_CAPTIONS` captions of
    :data:`_GALLERY_CAPTION_CHARS` characters or more, and their words are at least those of
    the page's own text: ``text``, what trafilatura read of it, less the captions it read.
    An article's captions, a gallery's in an article too, stay furniture (s33 acc-regress
    #1: counted against the page's ``<p>`` only, an article written in ``<div>``s and lists
    lost its body to its slide show's six captions). When ``text`` is the page read as one
    line (the default mode's last resort: its menu, share bar, captions and newsletter in one
    line), the page's own text is ``precise``, precision mode's, without its furniture: the
    menu's and the share bar's words counted as the page's own, and a gallery was left one
    line (s44 genresA's note, s45 left45 item 3)."""
    if not _may_be_gallery(html):
        return []
    try:
        found = [e for e in tree.xpath(_CAPTIONS) if isinstance(e.tag, str)]
    except Exception:  # (an expression a tree's oddity breaks: no gallery)
        return []
    # (the outermost caption elements: a caption's own caption-classed parts are in it)
    inside: set[Any] = set()
    for e in found:
        inside.update(d for d in e.iterdescendants() if d is not e)
    long: list[tuple[Any, str, int]] = []  # (caption, its words joined, how many)
    for e in found:
        if e not in inside:
            words = _WORD.findall(e.text_content())
            if len(" ".join(words)) >= _GALLERY_CAPTION_CHARS:
                long.append((e, " ".join(words), len(words)))
    if len(long) < _GALLERY_CAPTIONS:
        return []
    # (the page read as one line: precision mode's text is its own)
    read = _WORD.findall(precise if precise is not None and "\n" not in text.strip() else text)
    flat = " ".join(read)
    own = len(read) - sum(n for _, joined, n in long if joined in flat)
    if sum(n for _, _, n in long) < own:
        return []
    # Captions read as lines of their own need nothing (an article's figures, which
    # trafilatura kept); read inside a line, they are a page read as one line (the default
    # mode's last resort when precision mode dropped them: a <figure> is dropped whole)
    lines = [" ".join(_WORD.findall(line)) for line in text.split("\n")]
    bounded = "\n" + "\n".join(k for k in lines if k) + "\n"
    lost = [
        e
        for e, joined, _ in long
        if not re.search("\n" + "[ \n]".join(map(re.escape, joined.split())) + "\n", bounded)
    ]
    if len(lost) < _GALLERY_CAPTIONS:
        return []
    outer = {e for e, _, _ in long}
    # (with their own caption-classed parts, which trafilatura would drop in them)
    return [e for e in found if e in outer or any(a in outer for a in e.iterancestors())]


#: What a caption may hold that is a paragraph of its own (a caption holding one is made a
#: ``<div>``, not a ``<p>``: a ``<p>`` in a ``<p>`` is read as one line of the whole page)
_BLOCKS = frozenset({"p", "div", "ul", "ol", "dl", "table", "blockquote", "section"})


def _captions_as_text(captions: list[Any]) -> None:
    """The captions (outermost first) made the page's paragraphs: each a ``<p>`` without a
    class (a ``<div>`` when it holds paragraphs of its own), in a ``<div>`` where it was a
    ``<figure>``'s (trafilatura's precision mode drops a figure whole). The tree in
    ``doc.work["html_tree"]`` is then the page with those elements so."""
    for e in captions:
        e.tag = "div" if any(c.tag in _BLOCKS for c in e) else "p"
        e.attrib.pop("class", None)
        figure = e.getparent()
        if figure is not None and figure.tag == "figure":
            figure.tag = "div"


@lru_cache(maxsize=1)
def _html_imports() -> tuple[Any, Any, Any, Any, Any]:
    """What the HTML path calls, imported once, outside any time limit (see :meth:`_html`)."""
    with held():
        # (and what trafilatura's fallbacks and the metadata stage's HTML path import as
        # they read a page)
        import courlan  # noqa: F401
        import htmldate  # noqa: F401
        import trafilatura.external
        import trafilatura.json_metadata
        import trafilatura.metadata  # noqa: F401
        from trafilatura import html2txt

        from ..metadata import html as _metadata_html  # noqa: F401
        from .htmltree import AttrIndex, guarded_xpaths, load_html, page_xpaths
    return html2txt, AttrIndex, guarded_xpaths, load_html, page_xpaths


def _verdicts(text: str, d: Any, ann: dict[str, Any]) -> LineVerdicts:
    """The stage's decisions on ``text``'s lines (``d``, a ``lines.Decisions``, and
    :meth:`BoilerplateStage._text`'s annotations of it, before they are put in the input's
    lines) for later stages: :class:`.verdicts.LineVerdicts`. (Made of the annotations'
    columns, without a pass over the lines in Python.)"""
    removed = ann["removed"]
    return LineVerdicts(
        text,
        tuple(compress(d.idx, d.keep.tolist())),
        dict(zip(removed["line"], removed["reason"], strict=True)),
    )


def _to_input_lines(ann: dict[str, Any], joined: Reflowed) -> None:
    """The annotations of decisions taken on a text joined into blocks, in terms of the
    input's lines: each removed block stands for every non-blank input line it was made of,
    with the block's reason and score."""
    lines, width = joined.lines, joined.width
    removed = ann["removed"]
    cols: dict[str, list[Any]] = {k: [] for k in removed}
    for j, block in enumerate(removed["line"]):
        rows = joined.rows(block)
        cols["line"] += rows
        for k in ("reason", "score"):
            if k in removed:
                cols[k] += [removed[k][j]] * len(rows)
        if "text" in removed:
            cols["text"] += [lines[i].strip() for i in rows]
    n_in = sum(1 for ln in lines if ln.strip())
    ann["removed"] = cols
    ann["reflow"] = (
        {"layout": "wrapped", "width": width, "blocks": ann["lines_in"]}
        if width
        else {"layout": joined.layout or "markdown", "blocks": ann["lines_in"]}
    )
    ann["lines_in"] = n_in
    ann["lines_kept"] = n_in - len(cols["line"])


_TEMPLATE_KEY = "boilerplate.template"
#: a text's blocks, when :func:`_template` has joined it (see :mod:`.reflow`)
_REFLOW_KEY = "boilerplate.reflow"
#: the lines :func:`_without_release_furniture` took out of an HTML page's text
_RELEASE_KEY = "boilerplate.release_furniture"


def _site(doc: Document) -> tuple[str | None, str]:
    """The group a document's template evidence comes from: its input file and URL host."""
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(doc.source.uri).hostname or "").removeprefix("www.")
    except ValueError:
        host = ""
    return doc.source.path, host


def _template(docs: list[Document], min_docs: int, reflow: bool = True) -> None:
    """Find, per site (see :func:`_site`), the lines of its plain-text documents in ``docs``
    that are the site's template, and leave in each document's scratch
    (``doc.work[_TEMPLATE_KEY]``) a :class:`_Template`: its template lines -> the number of
    the site's documents that hold them, and how many documents the site has in ``docs``.

    A template line recurs on a large share of the site's pages: at least ``min_docs`` of
    them and at least half (see :func:`_template_floor`). A line that a few pages of the
    site share is not, by that alone: a one-paragraph story's paragraph is its teaser on
    the section and tag pages that list it, a column's label or a series note recurs in
    the column's or the series' articles, a quote in the follow-ups (s33 site-crawl
    acceptance test, findings 1 and 3: with "3 documents" the evidence, half the site's
    briefs were dropped as ``no_content`` and a crawl written site by site lost nearly all
    such lines). Documents with the same text count once (an exact copy shares every line).
    With ``reflow``, the lines of a markdown or hard-wrapped text are those of its blocks,
    as the line model decides them (the joined text is left in ``doc.work[_REFLOW_KEY]``
    for :meth:`BoilerplateStage._reflow`, so it is made once)."""
    import hashlib

    groups: dict[tuple[str | None, str], list[Document]] = {}
    for doc in docs:
        site = _site(doc)
        if not doc.is_html and site[1]:  # a page without a host has no site
            groups.setdefault(site, []).append(doc)
    for group in groups.values():
        if len(group) < min_docs:
            continue
        count: dict[str, int] = {}
        seen_texts: set[bytes] = set()
        per_doc: list[tuple[Document, set[str]]] = []
        for doc in group:
            text = doc.text
            if reflow:
                joined = doc.work[_REFLOW_KEY] = reflow_text(
                    text, named=named_markdown(doc.source.path)
                )
                text = joined.text if joined is not None else text
            lines = {ln.strip() for ln in text.splitlines()}
            lines.discard("")
            per_doc.append((doc, lines))
            digest = hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16)
            if digest.digest() in seen_texts:
                continue
            seen_texts.add(digest.digest())
            for ln in lines:
                count[ln] = count.get(ln, 0) + 1
        pages = len(seen_texts)
        floor = _template_floor(pages, min_docs)
        for doc, lines in per_doc:
            shared = {
                ln: n
                for ln in lines
                if (n := count[ln]) >= floor[0] and (n >= floor[1] or not _sentence_like(ln))
            }
            if shared:
                doc.work[_TEMPLATE_KEY] = _Template(shared, pages)


def _template_floor(pages: int, min_docs: int) -> tuple[int, int]:
    """How many of a site's ``pages`` (different texts of one chunk) must hold a line for it
    to be the site's template: a line in general, and a sentence-like one
    (:func:`_sentence_like`). A line needs ``min_docs`` pages and half of them: the template
    is on (nearly) every page, whatever else the chunk holds, so the decision depends less
    on which pages surround a page in the input. A sentence-like line needs twice
    ``min_docs`` pages too: near copies of one article (its print and web versions, a live
    story crawled three times) share all their sentences, and a site's few pages in a chunk
    may all be such copies; a site's boxes of sentence-shaped headlines ("Most read"), its
    copyright line, recur on most of its pages."""
    half = -(-pages // 2)
    return max(min_docs, half), max(2 * min_docs, half)


@dataclass(frozen=True)
class _Template:
    """A document's template evidence (see :func:`_template`)."""

    #: its template lines -> how many of the site's pages hold each
    lines: dict[str, int]
    #: the site's pages in the chunk (different texts)
    pages: int


def _sentence_like(line: str) -> bool:
    """At least 8 words and a sentence end: article text, even when copies share it."""
    return line.endswith(LINE_ENDS) and len(_WORD.findall(line)) >= 8


def _decide_units(d: Any, units: list[tuple[int, int]]) -> None:
    """Keep or remove each code block and table of a markdown text (``units``, spans of its
    blocks) whole, as the text around it: kept when the nearest block with text before it
    or after it is kept. The line model reads prose; on its own it removed a code block's
    lines but the longest and kept a table's header without its rows. Kept lines of a unit
    keep their indentation (code)."""
    import numpy as np

    idx = list(d.idx)
    keep = d.keep.copy()
    why = dict(d.why)
    stripped = list(d.stripped)
    for a, b in units:
        first, end = bisect_left(idx, a), bisect_left(idx, b)
        if first == end:
            continue
        before, after = _past_labels(stripped, first - 1, -1), _past_labels(stripped, end, 1)
        near = [j for j in (before, after) if 0 <= j < len(idx)]
        inside = any(keep[j] for j in near)
        keep[first:end] = inside
        for j in range(first, end):
            why.pop(j, None)
            if inside:
                stripped[j] = d.lines[idx[j]].rstrip()
            else:
                why[j] = "code block or table outside the article"
    if not np.array_equal(keep, d.keep) or why != d.why or stripped != d.stripped:
        d.keep, d.why, d.stripped = keep, why, stripped
        d.cols = None  # (computed from the arrays again)


def _keep_units_whole(d: Any, units: list[tuple[int, int]]) -> None:
    """Put back the lines of a markdown code block or table kept by :func:`_decide_units`
    that a later rule removed: the unit is decided whole ("[Journal]", an INI file's
    section, was read as a text browser's tag markup; s52 acc-md M4). The copy button
    right over a kept block goes, as a plain text's does (s51 B19: "Copy" was kept)."""
    from .codeblocks import copy_button

    idx = list(d.idx)
    keep = d.keep.tolist()
    back: dict[int, None] = {}
    buttons: dict[int, str] = {}
    for a, b in units:
        first, end = bisect_left(idx, a), bisect_left(idx, b)
        if any(keep[first:end]):
            back.update(dict.fromkeys(j for j in range(first, end) if not keep[j]))
            if first and keep[first - 1] and copy_button(d.stripped[first - 1]):
                buttons[first - 1] = COPY_BUTTON_REASON
    if buttons:
        _mark(d, buttons, False)
    if back:
        stripped = list(d.stripped)  # (a kept code line keeps its indentation)
        for j in back:
            stripped[j] = d.lines[idx[j]].rstrip()
        kept = d.keep.copy()
        kept[list(back)] = True
        why = {j: r for j, r in d.why.items() if j not in back}
        d.keep, d.why, d.stripped = kept, why, stripped
        d.cols = None  # (computed from the arrays again)


#: the most button or label lines passed over for a unit's neighbour (:func:`_past_labels`)
_MAX_LABELS = 2


def _past_labels(stripped: list[str], j: int, step: int) -> int:
    """Row ``j``, or the first row from it in direction ``step`` past at most
    :data:`_MAX_LABELS` copy buttons ("Copy", "Kopieren") and one-word labels ("bash",
    "Python") next to a code block: its neighbour. A block between its "Copy" button and a
    removed heading was removed whole, its lead-in "… set a limit:" kept (s52 acc-md M4)."""
    from .codeblocks import copy_button

    for _ in range(_MAX_LABELS):
        if not 0 <= j < len(stripped):
            break
        s = stripped[j]
        if not (copy_button(s) or (len(s) <= 12 and s.isalnum())):
            break
        j += step
    return j


#: the reason of a code block's copy button ("Copy", "Kopieren") removed next to its block
COPY_BUTTON_REASON = "code block's copy button"


def _code_blocks(d: Any) -> list[tuple[int, int]]:
    """The code blocks and shell sessions of a plain text's lines (``d.lines``; found by
    their shape: :func:`.codeblocks.code_spans`), as spans of rows of ``d``."""
    if not any("$ " in s or "(" in s or "=" in s or ";" in s or "{" in s for s in d.stripped):
        return []  # (a page without a mark of code: most pages, no block looked at)
    from .codeblocks import code_spans

    idx = list(d.idx)
    spans = [(bisect_left(idx, a), bisect_left(idx, b)) for a, b in code_spans(d.lines)]
    return [(a, b) for a, b in spans if a < b]


def _keep_code_blocks(d: Any, spans: list[tuple[int, int]], final: bool = False) -> None:
    """Keep each code block or shell session of a plain text (``spans`` of rows, see
    :func:`_code_blocks`) whole when the article goes on around it: when the nearest line
    before or after it that is no copy button is kept (or the line before its lead-in, a
    line ending in ":" that the block's words made read as chrome: "Output of make help:").
    Its lines keep their indentation. A browser copy or a w3m/lynx dump has no fences that
    made markdown's code units, and the line model read a session's lines as chrome ("app"
    in ``pg_dump app``; s51 acc-blogs B1). ``final``: after the other rules, the block's
    copy button ("Copy", lynx's "(BUTTON) Copy") next to it is removed, and a line of a kept
    block another rule removed ("[Journal]" read as a text browser's tag) is put back."""
    import numpy as np

    from .codeblocks import copy_button

    if not spans:
        return
    idx = list(d.idx)
    keep = d.keep.copy()
    why = dict(d.why)
    stripped = list(d.stripped)
    button = [copy_button(s) for s in stripped]
    for first, end in spans:
        before, after = first - 1, end
        while before >= 0 and button[before]:
            before -= 1
        while after < len(idx) and button[after]:
            after += 1
        lead = before if before >= 1 and stripped[before].endswith(":") else -1
        # (a button the rendering set before the block's lead-in: "Kopieren" over "mypy
        # prüft das statisch:" over the block)
        above = lead - 1
        while lead >= 0 and above >= 0 and button[above]:
            above -= 1
        if final:
            inside = 2 * sum(keep[first:end]) > end - first
        else:
            inside = any(keep[j] for j in (before, after, above) if 0 <= j < len(idx))
        if not inside:
            continue  # (the model's decisions stand: a block of a page's chrome)
        keep[first:end] = True
        for j in range(first, end):
            why.pop(j, None)
            stripped[j] = d.lines[idx[j]].rstrip()
        # (the line over the lead-in past its copy buttons, as ``inside`` reads it: the button
        # right over it is removed, "Kopieren" / "mypy prüft das statisch:"; s52 acc-read F16)
        if lead >= 0 and not keep[lead] and above >= 0 and keep[above]:
            keep[lead] = True
            why.pop(lead, None)
        buttons = [*range(before + 1, first), *range(end, after)]
        if lead >= 0:
            buttons += range(above + 1, lead)
        for j in buttons:
            if final and keep[j]:
                keep[j] = False
                why[j] = COPY_BUTTON_REASON
    if not np.array_equal(keep, d.keep) or why != d.why or stripped != d.stripped:
        d.keep, d.why, d.stripped = keep, why, stripped
        d.cols = None  # (computed from the arrays again)


#: the reason of a line decided with the wrapped paragraph it is a piece of
WRAPPED_REASON = "piece of a wrapped paragraph, decided with its other lines"
#: The widths a text not joined is looked at for wrapped paragraphs (:func:`_decide_wrapped`)
_WRAP_WIDTHS = range(_MIN_WIDTH, _MAX_WIDTH + 1)


def _widest_spaced(lines: list[str]) -> int:
    """The length of the longest of ``lines`` that holds a space (0 if none does): the
    longest line, found in C, when it holds one, as a paragraph does."""
    longest = max(lines, key=len, default="")
    if " " in longest:
        return len(longest)
    return max((len(s) for s in lines if " " in s), default=0)


def _decide_wrapped(d: Any) -> None:
    """Keep or remove whole the paragraphs of a text that were wrapped at a width too few
    times for the text to be joined (``reflow.wrap_width``: a short release or newsletter
    at 100 columns): where the line model kept one line of a run of adjacent lines that go
    on with one sentence at forced breaks for the text's widest line
    (:func:`.reflow.wrapped_within`) and removed the next, the run is kept whole when its
    last line ends a sentence. Decided line by line, the middle line of a lead went as a
    caption and a quote's first line as a teaser, leaving fragments ("… aangesloten op
    aquathermie. Ruim" / "Eem."; s41 acc-press F9). (Never removed whole: a paragraph whose
    end mark the test does not know, a Bengali "।", ran on into the share button after it,
    and went with it.)"""
    stripped = d.stripped
    # (the width first, a test in C: most texts have a paragraph wider than any width
    # wrapped at, and are passed over before the tests of their lines)
    width = _widest_spaced(stripped)
    if len(stripped) < 2 or width not in _WRAP_WIDTHS:
        return
    import numpy as np

    keep = d.keep
    idx = np.asarray(d.idx)
    # (only where a kept line and a removed one are adjacent in the input: most texts have
    # none, or have blank lines between their blocks)
    mixed = np.flatnonzero((keep[1:] != keep[:-1]) & (np.diff(idx) == 1)).tolist()
    if not mixed:
        return
    raw = [d.lines[i] for i in idx.tolist()]
    adjacent = (np.diff(idx) == 1).tolist()
    on: dict[int, bool] = {}

    def goes_on(j: int) -> bool:  # (row j's sentence goes on in row j + 1)
        if j not in on:
            on[j] = adjacent[j] and wrapped_within(raw[j : j + 2], width)[0]
        return on[j]

    why: dict[int, str] = {}
    done = -1
    for j in mixed:
        if j <= done or not goes_on(j):
            continue
        a, b = j, j + 1
        while a > 0 and goes_on(a - 1):
            a -= 1
        while b + 1 < len(idx) and goes_on(b):
            b += 1
        done = b
        if stripped[b].endswith(LINE_ENDS):
            why.update((k, WRAPPED_REASON) for k in range(a, b + 1) if not keep[k])
    if why:
        _mark(d, why, True)


#: the reason of a markdown text's line of markup removed by :func:`_drop_markup`
MARKUP_REASON = "markdown markup: a rule, raw HTML or a link-reference definition"


def _drop_markup(d: Any, markup: list[int]) -> None:
    """Remove the kept lines of a markdown text that are markup, no text of the page's
    (``markup``: see ``Reflowed.markup``), with a reason: an ad slot's raw ``<div>``, a
    reference's URL, a rule (s39 acc-md 4, 7); and a plain text's setext headings'
    underlines (:func:`.reflow.setext_underlines`)."""
    rows = set(markup)
    if drop := {j: MARKUP_REASON for j, row in enumerate(d.idx) if row in rows and d.keep[j]}:
        _mark(d, drop, False)


def _keep_line_breaks(d: Any, breaks: dict[int, list[str]]) -> None:
    """Write each kept line of a markdown text that the page's hard line breaks cut
    (``breaks``: see ``Reflowed.breaks``) as its lines: a poem, a list of names, an address
    is decided as the one block it is, and kept with its lines (s34 structure acceptance
    test #3: they ran into one line)."""
    stripped = list(d.stripped)
    for j, row in enumerate(d.idx):
        pieces = breaks.get(row)
        if pieces is not None and d.keep[j]:
            stripped[j] = "\n".join(pieces)
    d.stripped = stripped


def _join_broken_words(d: Any) -> None:
    """Write whole on the first of two kept lines of a ``lines.Decisions`` the word a page's
    end broke between them (:func:`.reflow.broken_words`; a PDF's text: "con-" /
    "structed"): each line stays, the word moves up."""
    rows = [j for j, k in enumerate(d.keep.tolist()) if k]
    found = broken_words([d.stripped[j] for j in rows])
    if found:
        stripped = list(d.stripped)
        for i, (cur, nxt) in found.items():  # (in order: a line's rest after its head)
            stripped[rows[i]], stripped[rows[i + 1]] = cur, nxt
        d.stripped = stripped


def _keep_structures(d: Any) -> None:
    """Keep the removed lines of a ``lines.Decisions`` that belong to a table, a fact box,
    a numbered list or a list's label of the article (:func:`.structures.article_structures`),
    a review's rating (:func:`.structures.article_rating`), a live blog's posts' times
    (:func:`.structures.post_times`) or a dialogue's speakers and turns
    (:func:`.structures.dialogue_turns`) and the heading over it
    (:func:`.structures.dialogue_heading`), with a reason."""
    from .apparatus import APPARATUS_REASON, resumed_text, table_apparatus
    from .lines import CUE_REASONS, FEATURE_INDEX, load_model
    from .structures import (
        CAPITALS_REASON,
        CONTENTS_LIST_REASON,
        CONTENTS_REASON,
        DIALOGUE_REASON,
        HEADING_REASON,
        POST_REASON,
        RATING_REASON,
        STRUCTURE_REASON,
        article_rating,
        article_structures,
        capital_paragraphs,
        contents_headings,
        dialogue_heading,
        dialogue_turns,
        headed_paragraphs,
        post_times,
    )

    # (the line's dominant cue, as its reason says: furniture words, a repeated line)
    cues = {"boilerplate vocabulary", "repeated line", *CUE_REASONS}
    reasons = d.columns()[2]
    furniture = [r in cues for r in reasons]
    words = [r in cues and r != "repeated line" for r in reasons]
    stop = load_model()["stopwords"]  # (the active model's: a frozenset)
    found = article_structures(
        d.stripped, d.keep.tolist(), d.score.tolist(), furniture, words, stop
    )
    if found:
        _mark(d, dict.fromkeys(found, STRUCTURE_REASON), True)
    _keep_tail_lists(d, words, stop)
    _keep_time_facts(d, words)
    _keep_life_dates(d)
    # (a table's or chart's caption, note and source, and the article's text after such a
    # block: the model read the block as the article's end; s46 acc-data D2, D3)
    keep = d.keep.tolist()
    if found := resumed_text(d.stripped, keep, d.score.tolist(), furniture):
        _mark(d, dict.fromkeys(found, APPARATUS_REASON), True)
        keep = d.keep.tolist()
    if found := table_apparatus(d.stripped, keep):
        _mark(d, dict.fromkeys(found, APPARATUS_REASON), True)
    # (after the structures: a heading over a paragraph they kept heads the article's text)
    # (no heading over a cookie or consent notice the model kept: the notice's label)
    if headed := headed_paragraphs(
        d.stripped, d.keep.tolist(), d.score.tolist(), furniture, _notice_text
    ):
        _mark(d, dict.fromkeys(headed, HEADING_REASON), True)
    # (a section's heading the model removed as a repeat of its contents list's entry, and
    # a contents list it kept; the lines with a copy on the page: the model's feature, or
    # the removed lines it read so for a page read in windows)
    if d.X is not None:
        repeated = (d.X[:, FEATURE_INDEX["repeat"]] > 0).tolist()
    else:
        repeated = [r == "repeated line" for r in reasons]
    named, entries = contents_headings(d.stripped, d.keep.tolist(), repeated)
    if named:
        _mark(d, dict.fromkeys(named, CONTENTS_REASON), True)
    if entries:
        _mark(d, dict.fromkeys(entries, CONTENTS_LIST_REASON), False)
    rated = article_rating(d.stripped, d.keep.tolist(), furniture)
    if rated:
        _mark(d, dict.fromkeys(rated, RATING_REASON), True)
    if timed := post_times(d.stripped, d.keep.tolist(), words):
        _mark(d, dict.fromkeys(timed, POST_REASON), True)
    # (a line of cue words alone is no speaker: "Advertisement" over each paragraph it
    # interrupts, read as a repeated line; a page read in windows keeps no feature rows)
    cue_only = d.cue_only_lines()
    alone = words if cue_only is None else [a or b for a, b in zip(words, cue_only, strict=True)]
    if turns := dialogue_turns(d.stripped, d.keep.tolist(), alone):
        _mark(d, dict.fromkeys(turns, DIALOGUE_REASON), True)
    if head := dialogue_heading(d.stripped, d.keep.tolist(), d.score.tolist(), stop):
        _mark(d, dict.fromkeys(head, DIALOGUE_REASON), True)
    capitals = capital_paragraphs(d.stripped, d.keep.tolist(), stop)
    if capitals := [j for j in capitals if j not in d.why]:
        _mark(d, dict.fromkeys(capitals, CAPITALS_REASON), True)


#: a numbered list item's or heading's number before its words ("1. ", "2) ")
_ENTRY_NUMBER = re.compile(r"^\d{1,9}[.)]\s+")


def _rows_of(idx: list[int], lines: Iterable[int]) -> list[int]:
    """The rows of a ``lines.Decisions`` (``idx``: its rows' lines) of the joined text's
    ``lines`` (:attr:`.reflow.Reflowed.sections`), in their order; a blank line has none."""
    return [k for j in lines if (k := bisect_left(idx, j)) < len(idx) and idx[k] == j]


def _keep_linked_headings(d: Any, joined: Reflowed) -> None:
    """Of a markdown heading and a link alone with its text (a contents list's entry:
    ``* [Comprobación](/2)``), the link is the copy: a heading the model removed for the
    repeat (a repeated line, a teaser, a short line), over a kept line, is kept, and a kept
    link with a heading's text removed. The model read both as repeated lines and removed
    the heading, or kept the entry (s52 acc-md M5); markdown says which is which
    (:attr:`.reflow.Reflowed.sections`)."""
    from .lines import TEASER_REASON
    from .structures import CONTENTS_LIST_REASON, CONTENTS_REASON

    # (the model's reasons for such a heading: the repeat, or a short line's, as a numbered
    # entry's words are no repeat of its heading's)
    copied = {"repeated line", TEASER_REASON, *_SHORT_REASONS}
    heads, links = joined.sections
    idx = list(d.idx)

    def key(s: str) -> str:  # (an entry's number as written: "1. The problem")
        return " ".join(_ENTRY_NUMBER.sub("", s).split()).casefold()

    copies: dict[str, list[int]] = {}
    for r in _rows_of(idx, links):
        copies.setdefault(key(d.stripped[r]), []).append(r)
    keep = d.keep.tolist()
    reasons = d.columns()[2]
    named: dict[int, str] = {}
    entries: dict[int, str] = {}
    for r, after in pairwise([*_rows_of(idx, heads), len(keep)]):
        if not (found := copies.get(key(d.stripped[r]))):
            continue
        # (a section's heading: a line of its section kept under it, before the next
        # heading; a box's heading at the page's end, "More from X", heads none)
        if not keep[r] and reasons[r] in copied and any(keep[r + 1 : after]):
            named[r] = CONTENTS_REASON
        entries.update((c, CONTENTS_LIST_REASON) for c in found if keep[c])
    if named:
        _mark(d, named, True)
    if entries:
        _mark(d, entries, False)


def _keep_headed_sections(d: Any, joined: Reflowed) -> None:
    """A markdown heading the model read as a teaser right after the kept article text, over
    a section of a table, a code block or sentences and no link alone, heads the article's
    next section: kept, with the section's units and sentences up to the first other line.
    A Jina article was cut at its first sub-heading after a short lead: the heading a
    "title-like teaser", the table under it "outside the article", the closing sentence a
    short line (s52 acc-md M13). A teaser's heading heads links ("Sur le même sujet" over
    thumbnails): no section."""
    from .lines import TEASER_REASON

    heads, links = joined.sections
    idx = list(d.idx)
    link_rows = set(_rows_of(idx, links))
    unit_rows: dict[int, int] = {}  # (a unit's first row: its end)
    for a, b in joined.units:
        first, end = bisect_left(idx, a), bisect_left(idx, b)
        if first < end:
            unit_rows[first] = end
    keep = d.keep.tolist()
    reasons = d.columns()[2]
    back: dict[int, str] = {}
    for r, after in pairwise([*_rows_of(idx, heads), len(keep)]):
        if keep[r] or reasons[r] != TEASER_REASON or r == 0 or not keep[r - 1]:
            continue
        section: list[int] = []
        j = r + 1
        while j < after:
            if j in unit_rows:
                section.extend(range(j, unit_rows[j]))
                j = unit_rows[j]
            elif j not in link_rows and _sentence_like(d.stripped[j]):
                section.append(j)
                j += 1
            else:
                break
        if section and (j == after or j not in link_rows):
            back.update(dict.fromkeys([r, *section], HEADED_SECTION_REASON))
    if back := {j: why for j, why in back.items() if not keep[j]}:
        _mark(d, back, True)


#: the reason of a heading and its section kept after the article's text (see above)
HEADED_SECTION_REASON = "section of the article under its heading (read as a teaser)"


def _keep_tail_lists(d: Any, words: list[bool], stop: frozenset[str]) -> None:
    """Keep the removed lines of a ``lines.Decisions`` that are the article's list box after
    its last kept line (:func:`.structures.tail_lists`: a review's verdict, its pros and
    cons, specs), with a reason; ``words``, whether a line's cue is the page's furniture
    words, ``stop`` the function words."""
    from .structures import TAIL_REASON, tail_lists

    if found := tail_lists(d.stripped, d.keep.tolist(), words, stop, d.score.tolist()):
        _mark(d, dict.fromkeys(found, TAIL_REASON), True)


def _keep_time_facts(d: Any, words: list[bool]) -> None:
    """Keep the removed lines of a ``lines.Decisions`` that are the article's box of times and
    servings (:func:`.structures.time_facts`), with a reason; ``words``, whether a line's cue
    is the page's furniture words."""
    from .structures import TIME_FACTS_REASON, time_facts

    if found := time_facts(d.stripped, d.keep.tolist(), words):
        _mark(d, dict.fromkeys(found, TIME_FACTS_REASON), True)


def _keep_life_dates(d: Any) -> None:
    """Keep the removed line of a ``lines.Decisions`` that closes an obituary with its
    subject's birth and death (:func:`.structures.life_dates`), with a reason."""
    from .structures import LIFE_DATES_REASON, life_dates

    if found := life_dates(d.stripped, d.keep.tolist()):
        _mark(d, dict.fromkeys(found, LIFE_DATES_REASON), True)


def _keep_service_lines(d: Any) -> None:
    """Keep the removed lines of a ``lines.Decisions`` that are a recipe's or a how-to's
    step labels, nutrition facts on one line or a kept label's only item
    (:func:`.service.service_lines`), or a review's pros list between its labels
    (:func:`.service.verdict_lists`), with their reasons."""
    from .service import (
        HOW_REASON,
        TIP_REASON,
        VERDICT_REASON,
        how_headings,
        service_lines,
        tip_lines,
        verdict_lists,
    )

    short = [r in _SHORT_REASONS for r in d.columns()[2]]
    if found := service_lines(d.stripped, d.keep.tolist(), short):
        _mark(d, found, True)
    if found_lists := verdict_lists(d.stripped, d.keep.tolist()):
        _mark(d, dict.fromkeys(found_lists, VERDICT_REASON), True)
    if tips := tip_lines(d.stripped, d.keep.tolist()):
        _mark(d, dict.fromkeys(tips, TIP_REASON), True)
    if any(s.startswith("Comment ") for s in d.stripped):
        cue = [r == "boilerplate vocabulary" for r in d.columns()[2]]
        if heads := how_headings(d.stripped, d.keep.tolist(), cue):
            _mark(d, dict.fromkeys(heads, HOW_REASON), True)


def _keep_short_runs(d: Any) -> None:
    """Keep the runs of short lines the model removed between two prose lines it kept
    (:func:`.structures.short_runs`: a job ad's tasks and requirements, a manual's list of
    requirements) and the labels and values of a table written a cell a line next to its
    prose (:func:`.structures.pair_runs`: a product's specifications), with a reason."""
    from .structures import (
        PAIRS_REASON,
        SHORT_RUN_REASON,
        pair_runs,
        short_runs,
        short_text_prose,
    )

    # (the prose lines counted once, up to the first over the short text's: a page with
    # an article, most pages, stops there; s45 midrev M7)
    if (prose := short_text_prose(d.stripped, keep := d.keep.tolist())) is None:
        return
    short = [r in _SHORT_REASONS for r in d.columns()[2]]
    if found := short_runs(d.stripped, keep, short, prose):
        _mark(d, dict.fromkeys(found, SHORT_RUN_REASON), True)
        # (a run's line kept may be a prose line: counted again, as the pairs ask)
        if (prose := short_text_prose(d.stripped, keep := d.keep.tolist())) is None:
            return
    if found := pair_runs(d.stripped, keep, short, prose):
        _mark(d, dict.fromkeys(found, PAIRS_REASON), True)


def _keep_records(d: Any) -> None:
    """Keep the removed lines of a page's records, on a page of few kept prose lines
    (:func:`.structures.short_text_prose`): a table of labelled rows written a cell a line
    with its heading (:func:`.records.row_tables`: opening hours) and a listing's dated
    records (:func:`.records.dated_records`: a programme's events), with a reason."""
    from .lines import CUE_REASONS, TEASER_REASON
    from .records import RECORDS_REASON, ROWS_REASON, dated_records, row_tables
    from .structures import short_text_prose

    if (prose := short_text_prose(d.stripped, keep := d.keep.tolist())) is None:
        return
    reasons = d.columns()[2]
    free = [r in _SHORT_REASONS or r == "repeated line" for r in reasons]
    items = [f or r == TEASER_REASON for f, r in zip(free, reasons, strict=True)]
    if found := row_tables(d.stripped, keep, free, prose, items):
        _mark(d, dict.fromkeys(found, ROWS_REASON), True)
        keep = d.keep.tolist()
    words = [r in ("boilerplate vocabulary", *CUE_REASONS) for r in reasons]
    if found := dated_records(d.stripped, keep, words, prose):
        _mark(d, dict.fromkeys(found, RECORDS_REASON), True)


def _keep_fact_rows(d: Any) -> None:
    """Keep the removed rows and headings of a match report's facts under its text
    (:func:`.facts.fact_rows`: line-ups, scorers, figures), with a reason."""
    from .facts import FACTS_REASON, SIBLINGS_REASON, fact_rows, sibling_rows
    from .lines import CUE_REASONS
    from .structures import short_text_prose

    # (a line of the page's furniture words, or one repeated on the page, is no fact)
    cues = {"boilerplate vocabulary", "repeated line", *CUE_REASONS}
    furniture = [r in cues for r in d.columns()[2]]
    if found := fact_rows(d.stripped, d.keep.tolist(), furniture):
        _mark(d, dict.fromkeys(found, FACTS_REASON), True)
    # (a results page's tables of rows of one shape, on a page of few prose lines)
    if short_text_prose(d.stripped, keep := d.keep.tolist()) is not None and (
        found := sibling_rows(d.stripped, keep, furniture)
    ):
        _mark(d, dict.fromkeys(found, SIBLINGS_REASON), True)


def _keep_listing_teasers(d: Any) -> None:
    """Keep the removed headlines and summaries of a listing page's dated teasers
    (:func:`.structures.listing_teasers`), with a reason."""
    from .structures import LISTING_REASON, listing_teasers

    if found := listing_teasers(d.stripped, d.keep.tolist()):
        _mark(d, dict.fromkeys(found, LISTING_REASON), True)


def _keep_product_cards(d: Any) -> None:
    """Keep the names and prices of a shop's grid of product cards
    (:func:`.structures.product_grid`), each price written without its card's button, and
    remove the badges between the cards, with reasons; not on an article's page
    (:func:`.structures.grid_in_article`)."""
    from .structures import CARD_EXTRA_REASON, CARD_REASON, grid_in_article, product_grid

    keep, rewrite, extras = product_grid(d.stripped)
    if not keep or grid_in_article(d.stripped, d.keep.tolist(), keep):
        return
    if rewrite:
        stripped = list(d.stripped)
        for j, price in rewrite.items():
            stripped[j] = price
        d.stripped = stripped
    _mark(d, dict.fromkeys(keep, CARD_REASON), True)
    if extras:
        _mark(d, dict.fromkeys(extras, CARD_EXTRA_REASON), False)


def _thread_lines(d: Any) -> tuple[list[int], list[int], list[int]]:
    """:func:`.structures.posts_and_comments` of a ``lines.Decisions`` (a line of the
    page's furniture words is no poster)."""
    from .structures import posts_and_comments

    return posts_and_comments(d.stripped, d.keep.tolist(), _furniture_words(d))


def _furniture_words(d: Any) -> list[bool]:
    """Whether each line of a ``lines.Decisions`` was removed for the page's furniture
    words (the boilerplate vocabulary, a cue alone)."""
    from .lines import CUE_REASONS

    words = {"boilerplate vocabulary", *CUE_REASONS}
    return [r in words for r in d.columns()[2]]


def _keep_thread(d: Any) -> list[str]:
    """Keep the removed lines of a ``lines.Decisions`` that are a thread's posts or their
    posters and times (:func:`.structures.posts_and_comments`), with a reason, and remove
    the kept lines of readers' comments under an article; return the posters of the
    thread's posts in order (none when the page is no thread). The metadata stage takes
    the first, who started the thread, for its author."""
    from .structures import COMMENTS_REASON, POST_REASON, head_poster, inline_comments

    keep = d.keep.tolist()
    posts, heads, comments = _thread_lines(d)
    if not posts and not comments:
        comments = inline_comments(d.stripped, keep)
    if found := [j for j in posts if not keep[j]]:
        _mark(d, dict.fromkeys(found, POST_REASON), True)
    if found := [j for j in comments if keep[j]]:
        _mark(d, dict.fromkeys(found, COMMENTS_REASON), False)
    # (a poster's name without its profile box's figures or its head's time: the thread's
    # author)
    return [head_poster(d.stripped[h]) for h in heads]


#: the reasons of kept lines over a thread's first post and between its posts removed by
#: :func:`_drop_after_thread`
OVER_THREAD_REASON = "over a thread's first post: its title and the page's bars"
BETWEEN_POSTS_REASON = "between a thread's posts: their buttons"


def _drop_after_thread(d: Any) -> list[int]:
    """Remove the kept lines of a ``lines.Decisions`` under a thread's last post
    (:func:`.structures.after_thread`), over its first post (its title, kept as a
    sentence when it asks a question: "¿Cómo sellar bien un plato de ducha?") and between
    its posts (the buttons under a post, "Reply Quote Report"), with a reason: the thread
    is its posts, each under its poster and time. Returns the lines of the posts'
    posters (none when no thread is read)."""
    from .structures import AFTER_THREAD_REASON, after_thread

    posts, heads, _ = _thread_lines(d)
    if not posts:
        return []
    furniture = _furniture_words(d)
    if found := after_thread(d.stripped, d.keep.tolist(), posts, heads, furniture):
        _mark(d, dict.fromkeys(found, AFTER_THREAD_REASON), False)
    inside = set(posts)
    # (from the first head's first line: a poster under its time is its second)
    top = min(posts)
    if between := [j for j in range(top, max(posts)) if d.keep[j] and j not in inside]:
        # (between a post's text and the next poster: its buttons, "Reply Quote Report")
        _mark(d, dict.fromkeys(between, BETWEEN_POSTS_REASON), False)
    if over := [j for j in range(top) if d.keep[j]]:
        # (over the first post: the thread's title, which the record's title holds as an
        # article's headline, and the page's bars; a thread is a page whose text starts
        # with its posts: :func:`.structures.posts_and_comments`)
        _mark(d, dict.fromkeys(over, OVER_THREAD_REASON), False)
    return heads


def _fallback_thread(d: Any) -> list[str]:
    """The thread's rules (:func:`_keep_thread`, then :func:`_drop_after_thread` and
    :func:`_name_posters`, or :func:`_drop_qa_chrome`) on a ``lines.Decisions`` of an HTML
    page's visible text that the line model reads alone (trafilatura kept next to nothing:
    a phpBB thread's posts are boxes of one short paragraph each); return the thread's
    posters, as :func:`_keep_thread`. The model alone lost the thread's last post, a short
    thanks under the others (s49 forum49's phpBB page in HTML)."""
    posters = _keep_thread(d)
    if posters:
        _name_posters(d, _drop_after_thread(d))
    else:
        _drop_qa_chrome(d)
    return posters


def _drop_qa_chrome(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a Q&A page's chrome around
    its question and answers (:func:`.structures.qa_chrome`), with a reason: the page is
    no thread of posts under their posters (its posters are under the posts), and the model
    kept its votes, tags, buttons and related questions in the posts' context; and keep
    the removed lines of its answers' text, with a reason."""
    from .structures import QA_POST_REASON, QA_REASON, qa_chrome

    posts, found = qa_chrome(d.stripped, d.keep.tolist())
    if posts:
        _mark(d, dict.fromkeys(posts, QA_POST_REASON), True)
    if found:
        _mark(d, dict.fromkeys(found, QA_REASON), False)


def _named_posters_text(text: str, posters: list[str]) -> str:
    """``text`` (an HTML page's, read as a thread whose poster lines are ``posters``) with
    each poster line written as the name alone (:func:`.structures.poster_name`), as
    :func:`_name_posters` writes a text's."""
    from .structures import poster_name

    if not (named := {p: n for p in posters if (n := poster_name(p)) != p}):
        return text
    return "\n".join(named.get(line, line) for line in text.split("\n"))


def _name_posters(d: Any, heads: list[int]) -> None:
    """Write the kept poster lines ``heads`` of a ``lines.Decisions``'s thread as their
    names alone (:func:`.structures.poster_name`): a browser's copy of a post's profile box
    glues the member's figures to the name ("helen_fletch70Posts: 2940 · Joined 7 May
    2010"), and the post's byline is its poster's name and time, not the figures (s48
    kinds set: ~600 words of figures kept on 24 forum pages, each row). After the thread's
    rules, which read a poster's figures (:func:`.structures.posts_and_comments`: a box of
    other threads has none). A kept post's text with its buttons glued on ("… from the
    description. Reply Quote", lynx's) is written without them (:func:`.structures.glued_buttons`;
    the lines kept here are the thread's: the others went, :func:`_drop_after_thread`)."""
    from .structures import glued_buttons, poster_name

    if cut := glued_buttons(d.stripped):
        d.stripped = [cut.get(j, line) if d.keep[j] else line for j, line in enumerate(d.stripped)]
    if named := {
        h: name
        for h in heads
        if d.keep[h] and (name := poster_name(d.stripped[h])) != d.stripped[h]
    }:
        d.stripped = [named.get(j, line) for j, line in enumerate(d.stripped)]


def _drop_comment_section(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are readers' comments between
    the removed headers of a comment section under the article
    (:func:`.comments.comment_section_lines`), with a reason. Not on a thread's page: its
    posts are its text (:func:`_keep_thread`)."""
    from .comments import COMMENT_SECTION_REASON, comment_section_lines

    _drop_by(d, comment_section_lines, COMMENT_SECTION_REASON)


def _drop_under_comment_form(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` under the comment form below the
    article's text (:func:`.structures.comment_form_end`), with a reason: the site's
    sidebar, whose prose the model read as a second text."""
    from .structures import COMMENT_FORM_REASON, comment_form_end

    keep = d.keep.tolist()
    end = comment_form_end(d.stripped, keep)
    if end is not None and (found := [j for j in range(end + 1, len(keep)) if keep[j]]):
        _mark(d, dict.fromkeys(found, COMMENT_FORM_REASON), False)


#: the reason of a line kept by :func:`_keep_notes`
NOTE_REASON = "correction or editor's note of the article"


def _keep_notes(d: Any) -> None:
    """Keep the removed lines of a ``lines.Decisions`` that are a correction or an editor's
    note of the article (:func:`.notes.is_note`), with a reason; a site's template lines are
    removed after this (a note that several pages of a site share is the site's)."""
    import numpy as np

    from .notes import is_note

    found = [j for j in np.flatnonzero(~d.keep).tolist() if is_note(d.stripped[j])]
    if found:
        _mark(d, dict.fromkeys(found, NOTE_REASON), True)


#: the reason of a line removed by :func:`_drop_paywall`
PAYWALL_REASON = "paywall prompt: the text is cut here"


def _drop_paywall(d: Any) -> bool:
    """Remove the last kept lines of a ``lines.Decisions`` that are a paywall's prompt
    (:func:`.notes.paywall_cut`), with a reason; and whether the text ends at a paywall:
    such lines were kept, or the line model removed one of the lines right after the
    text's last. The line model kept "Subscribe to continue reading. Already a subscriber?
    Log in." as often as not, and a re-fetch cut by a paywall then held a line its earlier
    version lacks: a new version of the page, not an excerpt of it (s33 acc-regress #9)."""
    import numpy as np

    kept = np.flatnonzero(d.keep).tolist()
    if not kept:
        return False
    tail = kept[-PAYWALL_LINES:]
    # (each line with its following one, a window's last too: given "", "Already a
    # subscriber?" there was no paywall with "Log in" under it; s35 acc-read #7)
    after = d.stripped[kept[-1] + 1 : kept[-1] + 2 + PAYWALL_LINES]
    if cut := paywall_cut([d.stripped[j] for j in tail], after[0] if after else ""):
        _mark(d, dict.fromkeys(tail[-cut:], PAYWALL_REASON), False)
        return True
    return any(map(is_paywall, after[:PAYWALL_LINES], [*after[1:], ""]))


def _mark(d: Any, reasons: dict[int, str], keep: bool) -> None:
    """Keep (``keep``) or remove the lines of a ``lines.Decisions`` that ``reasons`` names,
    with its reasons; its arrays copied, not changed in place."""
    kept = d.keep.copy()
    kept[list(reasons)] = keep
    why = dict(d.why)
    why.update(reasons)
    d.keep, d.why = kept, why
    d.cols = None  # (computed from the arrays again)


def _put_back(d: Any, rows: Collection[int]) -> None:
    """Keep the lines of a ``lines.Decisions`` at ``rows``, their removal's reasons dropped
    (a line put back keeps no reason, unlike :func:`_mark`'s); its arrays copied."""
    kept = d.keep.copy()
    kept[list(rows)] = True
    gone = set(rows)
    d.keep, d.why = kept, {j: w for j, w in d.why.items() if j not in gone}
    d.cols = None  # (computed from the arrays again)


FRONT_MATTER_REASON = "front matter: the text's fields"


def _drop_front_matter(d: Any) -> None:
    """Remove the lines of a ``lines.Decisions`` that are the text's YAML front matter
    (:func:`.reflow.front_matter_size`). The metadata stage reads its fields from the
    lines; none of it is the text (s36 acc-regress O8: the closing "---" and a field were kept)."""
    if d.stripped and d.stripped[0].startswith(FRONT_MATTER_FIRST):
        head = [d.lines[i] for i in d.idx[:FRONT_MATTER_MAX]]
        if size := front_matter_size(head):
            _mark(d, dict.fromkeys(range(size), FRONT_MATTER_REASON), False)


#: A page number on a line of its own, as printed pages and OCR give it: "5", "— 5 —",
#: "- 12 -", "Page 5", "p. 5", "Seite 5", "[5]"
_PAGE_NUMBER = re.compile(
    r"[-–—(\[]*\s*(?:(?:page|p\.|seite|pagina|pag\.|blz\.)\s*)?\d{1,4}\s*[-–—)\]]*", re.I
)
#: A running head with its page number: at the start or the end, set off by a run of
#: spaces ("4          THE DAILY HERALD, MONDAY, MARCH 3, 1902.", "... 1902.   PAGE 4")
_HEAD_NUMBER = re.compile(
    r"(?:\d{1,4}|[ivxlc]{1,6})\s{3,}\S.*|.*\S\s{3,}(?:page\s*)?(?:\d{1,4}|[ivxlc]{1,6})", re.I
)
PAGE_NUMBER_REASON = "page number"
RUNNING_HEAD_REASON = "running head or foot with its page number"


def _drop_page_furniture(d: Any, paged: bool) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a printed page's furniture,
    as the text's first or last line or next to a page break (``paged``: the text has form
    feeds, as pdftotext and OCR write between pages): a page number alone
    (:data:`_PAGE_NUMBER`), or a running head or foot with its page number set off by
    spaces (:data:`_HEAD_NUMBER`); with a reason. (s30 OCR acceptance test: "— 5 —" kept, a second
    page's head "4  THE DAILY HERALD, ..." kept in the middle of a sentence.)"""
    n = len(d.idx)
    if not n:
        return
    at = {0, n - 1}
    if paged:
        idx = list(d.idx)
        for r, line in enumerate(d.lines):
            if "\f" in line:
                # the next page's first line: this one (pdftotext puts the form feed before
                # it) or the next with text; its last line before it
                k = bisect_left(idx, r)
                at.update(m for m in (k - 1, k, k + 1) if 0 <= m < n)
    drop: dict[int, str] = {}
    for j in sorted(at):
        if not d.keep[j]:
            continue
        s = d.stripped[j]
        if _PAGE_NUMBER.fullmatch(s):
            drop[j] = PAGE_NUMBER_REASON
        elif _HEAD_NUMBER.fullmatch(s):
            drop[j] = RUNNING_HEAD_REASON
    if drop:
        _mark(d, drop, False)


def _drop_pdf_furniture(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a PDF's running heads or feet
    anywhere in its text, told by their page numbers going on, and its contents lines with
    leader dots (:func:`.scholarly.pdf_furniture`), with a reason: a PDF's text without page
    breaks kept them all (s47 acc-gov G4)."""
    from .scholarly import pdf_furniture

    _drop_by(d, pdf_furniture)


def _drop_publisher_chrome(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a journal's or a preprint
    server's metrics, tools and citation box (:func:`.scholarly.publisher_chrome`), with a
    reason: they sit in the article's block and the model kept them (s47 acc-gov G6)."""
    from .scholarly import publisher_chrome

    _drop_by(d, publisher_chrome)


BREADCRUMB_REASON = "breadcrumb trail (its last item is the page's heading under it)"
LEAD_TRAIL_REASON = "breadcrumb trail (sections numbered over the page's heading)"


def _drop_breadcrumb(d: Any) -> None:
    """Remove the kept items of a breadcrumb trail written as an ordered list (as lynx and
    w3m write a trail marked up ``<ol>``, the schema.org way): items numbered from 1 on
    lines one after the other, the last one's text the line right under them, the page's
    heading; with a reason. Its last item, the heading's words, was kept with its number
    ("3. Training am Dienstag fällt aus" over the heading; s42 acc-pages F17, F5: on lynx
    the page's title). An article's numbered list does not repeat the line after it."""
    stripped, idx, keep = d.stripped, d.idx, d.keep
    drop: dict[int, str] = {}
    for j in keep.nonzero()[0].tolist():  # (the kept lines only: ~2 µs a page)
        s = stripped[j]
        if not (s[:1].isdigit() and 0 < j < len(stripped) - 1):
            continue
        if (numbered := item_number(s)) is None:
            continue
        k, end = numbered
        if k < 2 or k > j or stripped[j + 1] != s[end:].lstrip():
            continue
        first = j - k + 1
        if all(
            idx[i + 1] == idx[i] + 1
            and (n := item_number(stripped[i])) is not None
            and n[0] == i - first + 1
            for i in range(first, j)
        ):
            drop.update((i, BREADCRUMB_REASON) for i in range(first, j + 1) if keep[i])
    if drop:
        _mark(d, drop, False)


def _drop_trail_line(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a breadcrumb trail on one
    line over the page's heading (:func:`.trails.trail_lines`), with a reason."""
    from .trails import TRAIL_REASON, trail_lines

    _drop_by(d, trail_lines, TRAIL_REASON)


def _drop_lead_trail(d: Any) -> None:
    """Remove a trail of sections over the headline (:func:`_lead_trail`), with a reason.
    After the consent notices go: a notice's sentence over the trail is no article's prose."""
    if trail := _lead_trail(d):
        _mark(d, dict.fromkeys(trail, LEAD_TRAIL_REASON), False)


#: The most items and words an item of a trail over the headline has (see :func:`_lead_trail`)
_TRAIL_ITEMS, _TRAIL_WORDS, _TRAIL_CHARS = 3, 3, 30
#: The most words of a headline under such a trail; a line of more is prose
_TRAIL_HEADLINE_WORDS = 20
#: How many kept lines under the headline the article's prose starts within (a byline, a
#: date line, a share bar between)
_TRAIL_PROSE_WITHIN = 4


def _lead_trail(d: Any) -> list[int]:
    """The kept lines of a trail of one to :data:`_TRAIL_ITEMS` sections written as an ordered
    list ("1. اقتصاد", "1. हिंदी न्यूज़" / "2. देश": lynx and w3m number an ``<ol>``) over the
    page's headline, before any prose: items numbered from 1 on consecutive lines, each
    a section's name (:data:`_TRAIL_WORDS` words, no sentence's end), the next kept line a
    headline (no sentence's end either), and prose after it. The trail whose last item is the
    headline is :func:`_drop_breadcrumb`'s; this one names the sections alone and was kept
    (s45 acc-wire W11). An article's own list has prose above it or is followed by it."""
    stripped, idx, keep = d.stripped, d.idx, d.keep
    kept = keep.nonzero()[0].tolist()

    def prose(s: str) -> bool:
        return s.rstrip(CLOSING_MARKS)[-1:] in _TRAIL_ENDS or len(s.split()) > _TRAIL_HEADLINE_WORDS

    for pos, j in enumerate(kept):
        s = stripped[j]
        if prose(s):
            return []  # (the article began: a list under it is its own)
        if not s[:1].isdigit() or (numbered := item_number(s)) is None or numbered[0] != 1:
            continue
        run = [j]
        while (
            len(run) < _TRAIL_ITEMS
            and pos + len(run) < len(kept)
            and idx[(nxt := kept[pos + len(run)])] == idx[run[-1]] + 1
            and (n := item_number(stripped[nxt])) is not None
            and n[0] == len(run) + 1
        ):
            run.append(nxt)
        # (the headline, then its byline, date or share bar, then the article's prose)
        rest = kept[pos + len(run) : pos + len(run) + 1 + _TRAIL_PROSE_WITHIN]
        items = [stripped[i][item_number(stripped[i])[1] :] for i in run]  # type: ignore[index]
        if (
            len(rest) >= 2
            and all(
                len(t.split()) <= _TRAIL_WORDS and len(t) <= _TRAIL_CHARS and not prose(t)
                for t in items
            )
            and item_number(stripped[rest[0]]) is None
            and not prose(stripped[rest[0]])
            and any(prose(stripped[i]) for i in rest[1:])
        ):
            return run
        return []
    return []


#: A sentence's last characters, for :func:`_lead_trail`
_TRAIL_ENDS = frozenset(SENTENCE_MARKS + ";")


#: A line that names cookies, as a site's consent notice does in every language
_COOKIES = re.compile(
    # (a word's edges, where a Chinese or Japanese character next to it is one: "では
    # Cookieを使用", no \b there)
    r"(?<![^\W\d_\u3000-\u9fff])cookies?(?![^\W\d_\u3000-\u9fff])"
    r"|ملفات تعريف الارتباط|كوكيز|कुकी|çerez|쿠키|クッキー|куки",
    re.I,
)
#: A notice's wording beside the noun: a site that uses them ("We use cookies", "Diese
#: Website verwendet Cookies", "Nous utilisons des cookies"), their use, policy or
#: settings, or the reader's consent. A lead that names cookies has none of it ("These
#: chocolate chip cookies are soft in the middle": a recipe's lead was dropped as a notice;
#: s44 acc-read F1), nor has a sentence's own past "used", a cookie the object of "for" or
#: "für", a bare "policy" or "agree" ("I used to bake these cookies", "Die Bäckerei nutzt
#: für ihre Cookies nur Butter", "the school's new policy bans cookies": s45 read F6)
_CONSENT_WORDING = re.compile(
    # (the verb of a site's use, in its voice: "use" itself only after "we" or the site)
    r"(?:\b(?:we(?:['’]d)?|wir|(?:this|our)\s+(?:web\s?)?site)\s+(?:\S+\s+){0,2}?(?:use|set)|"
    r"\b(?:uses|using|utilis\w*|utiliz\w*|utilitz\w*|usa\w*|verwende\w*|nutz\w*|setz\w*|"
    r"gebruik\w*|использу\w*))\s+(?:(?!(?:for|für|pour|para|per|voor|in|with|mit|à|to|zu)\s)"
    r"\S+\s+){0,6}?"
    r"\W?cookies?\b|"
    # (the cookies used, their use, policy or settings)
    r"\bcookies?\s+(?:are|werden|sont|se)\s+(?:\S+\s+){0,2}?(?:used|utilis\w*|utiliz\w*|usad\w*)|"
    r"\b(?:use|usage|verwendung|einsatz|nutzung|utilisation|uso|utilizzo|gebruik)\s+"
    r"(?:of|von|des|de|di|van)\s+(?:\S+\s+){0,2}?\W?cookies?\b|"
    r"\bcookies?[- ]?(?:policy|settings|preferences|consent|richtlinie|einstellungen|hinweis|"
    r"nutzung|verwendung|zustimmung|verwaltung|banner)|"
    r"\b(?:politique|pol[ií]tica|param[eè]tres|gestion|settings|einstellungen|policy)\s+"
    r"(?:(?:des|de|du|sur|les|los|las|on|for|zu|für|von|zur)\s+){1,2}cookies?|"
    r"\bcookies?\s+(?:\S+\s+)?(?:ablehnen|zulassen|reject\w*|refuser|rechazar)|"
    r"\b(?:reject|decline|refuse|refuser|rechazar)\w*\s+(?:all\s+|tous\s+les\s+)?cookies?|"
    # (the reader's consent)
    r"\b(?:accept\w*|akzept\w*|consent\w*|einwillig\w*|zustimm\w*|einverstanden|privacy|"
    r"datenschutz\w*|privatsph\w*|confidentialit\w*|acepta\w*|consentimiento|privacidad|accett\w*|"
    r"consenso|toestemming|akkoord|"
    # (pl, id, tr, ru: the reader's consent, the policy, privacy; not the verb "use" alone,
    # which a recipe's lead has: "Bu tarifte çerez olarak … kullanılır", s45 midrev45 M1)
    # ("zgodnie", "согласно": "according to", no consent: s46 read F1)
    r"zgod(?!nie\b)\w*|akceptuj\w*|prywatno\w*|menyetujui|privasi|kebijakan|politika\w*|"
    r"kabul|соглас(?!но\b)\w*|соглаш\w*|конфиденциальн\w*)\b|"
    # (ar, hi, ja, zh, ko: scripts whose words \b does not part)
    r"توافق|الخصوصية|सहमत|नीति|同意|プライバシー|ポリシー|隐私|隱私|동의|개인정보",
    re.I,
)
#: The nouns of :data:`_COOKIES` that name other things too (कुकी the Kuki people of
#: Manipur, çerez snacks, 쿠키 a news site's name, クッキー and куки a baker's cookies) …
_OTHER_SENSES = re.compile(r"कुकी|çerez|쿠키|クッキー|куки", re.I)
#: … and the notice's phrase each makes, the noun beside its use, policy, settings or the
#: reader's acceptance: with a consent word elsewhere on the line only, a Hindi lead on the
#: Kuki and a Turkish one on snack imports ("… çerez ithalatındaki artışı kabul etti …")
#: were removed as notices (s46 read F1)
_NOTICE_PHRASE = re.compile(
    r"कुकी(?:ज़?|ज़|यों)?\s+(?:(?:का|के|की)\s+)?(?:उपयोग|इस्तेमाल|प्रयोग|नीति|सेटिंग|स्वीकार)|"
    r"(?:उपयोग|इस्तेमाल)\s+(?:\S+\s+){0,2}कुकी|"
    r"çerez\w*\s+(?:politika|kullan|kabul|ayar|tercih|onay|izin|bildirim|yönetim)|"
    r"(?:kullan\w*|kabul\s+\w+)\s+çerez|"
    r"쿠키(?:를|는|의|가|에)?\s*(?:사용|정책|설정|수집|허용|동의|저장)|"
    r"クッキー(?:を|の|は|に)?(?:使用|利用|ポリシー|設定|同意|受け入れ|有効)|"
    r"куки\w*\s+(?:\S+\s+)?(?:использ|политик|настро|соглас)|"
    r"(?:использ\w*|файл\w*)\s+(?:\S+\s+)?куки",
    re.I,
)
CONSENT_REASON = "cookie notice over the page (its buttons removed under it)"
#: Literals one of which a line naming cookies holds (:data:`_COOKIES`): tested first, the
#: pattern's look-behind costs ~50 µs on a long line, and the lines asked about are every
#: page's first and last kept ones (s45 midrev45 M6)
_COOKIE_KEYS = (
    "ookie", "OOKIE", "ملفات تعريف", "كوكيز", "कुकी", "çerez", "Çerez", "ÇEREZ", "쿠키",
    "クッキー", "куки", "Куки", "КУКИ",
)  # fmt: skip


def _notice_text(s: str) -> bool:
    """Whether line ``s`` reads as a cookie or consent notice's: a notice
    (:func:`_consent_notice`), or a line of a notice's length (:data:`_NOTICE_WORDS`) that
    names cookies or asks the reader's consent (:data:`_READER_CONSENT`: "Ich bin damit
    einverstanden, dass mir externe Inhalte angezeigt werden"; not a privacy policy's or an
    article's "Akzeptanz"). A long paragraph that mentions cookies once is an article's (a
    section on taste receptors lost its heading: s48 acc-regress R3)."""
    if len(s.split(None, _NOTICE_WORDS)) <= _NOTICE_WORDS:
        return _names_cookies(s) or _READER_CONSENT.search(s) is not None
    return _consent_notice(s)


#: the reader's consent asked by a notice (an embed's, a newsletter's, a cookie banner's)
_READER_CONSENT = re.compile(
    r"\b(?:einverstanden|einwillig\w*|(?:i|you)\s+(?:agree|consent)|consent\s+to|"
    r"j'accepte|vous\s+acceptez|acepto|accetto|ik\s+ga\s+akkoord)\b",
    re.I,
)


def _names_cookies(s: str) -> bool:
    """Whether line ``s`` names cookies (:data:`_COOKIES`, after its literals' test)."""
    return any(k in s for k in _COOKIE_KEYS) and _COOKIES.search(s) is not None


def _drop_consent_notice(d: Any) -> None:
    """Remove the first kept line of a ``lines.Decisions`` when it is a site's cookie
    notice: a sentence that names cookies with the line under it removed (the notice's
    buttons: "Alle akzeptieren", "OK"); with a reason. On a short page (a product with a
    line of description, an empty cart, an imprint) the notice was the longest sentence
    and kept (s42 acc-pages F15); on a long page the article's lines outscore it. A page
    whose only kept line is the notice is left as read: the notice drew the model's
    decisions to it, and its text was not found (a record of the notice is no worse than a
    page dropped as empty), unless the page has a sentence of its own the model removed
    (:func:`_own_sentence`): that is kept instead (a short imprint's lines full of contact
    words scored under its notice, and the record was the notice alone: s44 acc-regress
    R4). A headline that names cookies ends with no stop; an article's lead has its text
    under it, and names no consent (:data:`_CONSENT_WORDING`)."""
    keep = d.keep
    if not len(keep):
        return
    j = int(keep.argmax())  # (the first kept line)
    s = d.stripped[j]
    if not keep[j] or not _consent_notice(s):
        return
    if j + 2 < len(keep) and not keep[j + 1] and keep[j + 2 :].any():
        _mark(d, {j: CONSENT_REASON}, False)
    elif not keep[j + 1 :].any() and (own := _own_sentence(d, j)) is not None:
        _mark(d, {j: CONSENT_REASON}, False)
        _mark(d, dict.fromkeys(_block_of(d, own), ALONE_REASON), True)
    elif keep[j + 1 :].sum() >= _NOTICE_TEXT_LINES and site_notice(s):
        # (its buttons kept under it, or the headline: "Сайт использует файлы cookie.
        # Продолжая работу с сайтом, вы соглашаетесь …" over a ministry's release; s47
        # acc-gov G9)
        _mark(d, {j: CONSENT_REASON}, False)


#: The fewest kept lines under a notice in the site's voice (:func:`site_notice`) for it to
#: go without a removed line under it: the page's text
_NOTICE_TEXT_LINES = 2
#: The longest notice, in words: a paragraph on cookies longer than this is an article's
_NOTICE_WORDS = 60
#: A notice's voice in the languages :data:`_OWN_VOICE` and :data:`_READERS_SITE` miss: the
#: site as a portal ("Este portal utiliza cookies"), Russian's site, "we" and "you"
_NOTICE_VOICE = re.compile(
    r"(?i:\b(?:portal|portail|portale|sitio|sito|сайт\w*|портал\w*|мы|наш\w*|вы|ваш\w*)\b)"
)


def site_notice(s: str) -> bool:
    """Whether line ``s`` is a cookie notice (:func:`_consent_notice`) in the site's own
    voice or speaking to its reader (:data:`_OWN_VOICE`, :data:`_READERS_SITE`,
    :data:`_NOTICE_VOICE`), of a notice's length (:data:`_NOTICE_WORDS`), reporting no one
    (:data:`_REPORTED`): a story's paragraph on cookies reports another's use. It also
    names the site's use of cookies (:data:`_SITE_USES_COOKIES`, :data:`_RU_SITE_USES`) or
    speaks to the reader (:data:`_READERS_SITE`, :data:`_READER_CONSENT`): "wir"/"we" alone
    is a story's voice about all of us too ("Wir akzeptieren Cookies oft, ohne zu lesen, …",
    a lead removed as the notice; s48 acc-regress R2)."""
    return (
        _consent_notice(s)
        and len(s.split()) <= _NOTICE_WORDS
        and _notice_voice(s, _NOTICE_VOICE)
        and any(
            p.search(s) is not None
            for p in (_SITE_USES_COOKIES, _RU_SITE_USES, _READERS_SITE, _READER_CONSENT)
        )
    )


#: Russian's site using cookies or the reader agreeing ("Сайт использует файлы cookie",
#: "вы соглашаетесь"), which :data:`_SITE_USES_COOKIES` and :data:`_READERS_SITE` miss
_RU_SITE_USES = re.compile(r"(?i:\b(?:использу\w*|вы|соглаш\w*)\b)")


def _notice_voice(s: str, *more: re.Pattern[str]) -> bool:
    """Whether line ``s`` speaks in the site's own voice or to its reader
    (:data:`_OWN_VOICE`, :data:`_READERS_SITE`, and the patterns ``more``) and reports no
    one's words (:data:`_REPORTED`): the voice of a notice, not of a story on cookies."""
    return (
        any(p.search(s) is not None for p in (_OWN_VOICE, _READERS_SITE, *more))
        and _REPORTED.search(s) is None
    )


#: a notice's link after its last sentence, on the notice's line ("... use of cookies. More
#: information", "... widerrufen. Mehr erfahren"): a few words without a stop
_LINK_AFTER = re.compile(r"[.!?…]\s+[^.!?…]{1,30}$")
_LINK_WORDS = 3


def _consent_notice(s: str) -> bool:
    """Whether the line ``s`` is a site's cookie notice: it names cookies with a notice's
    wording (:data:`_CONSENT_WORDING`) and ends a sentence, or ends with the notice's link
    after its sentence, run into its line (:data:`_LINK_AFTER`: a notice that the rendering
    wrote with its "More information" link was kept as the only line of 8 generated pages:
    s45 kinds). A line that names cookies only by a noun of other senses
    (:data:`_OTHER_SENSES`) is one in the notice's phrase (:data:`_NOTICE_PHRASE`)."""
    if not _names_cookies(s):
        return False
    if not s.endswith(LINE_ENDS):
        m = _LINK_AFTER.search(s)
        if m is None or len(m[0].split()) > _LINK_WORDS + 1:
            return False
    if _OTHER_SENSES.search(s) is not None and _COOKIES.search(_OTHER_SENSES.sub("", s)) is None:
        # (named only by a noun of other senses: its notice's phrase, not two words apart)
        return _NOTICE_PHRASE.search(s) is not None
    m = _CONSENT_WORDING.search(s)
    if m is not None and _WE_USE.match(m[0]) and _WEB_WORDS.search(s) is None:
        # ("we use cookies" with nothing of the web: a recipe's, the notice's wording further on)
        return _CONSENT_WORDING.search(s, m.end()) is not None
    return m is not None


#: :data:`_CONSENT_WORDING`'s English "we … use … cookies", which a baker writes too ("For
#: this cheesecake we use crushed cookies instead of a pastry crust": a food blog's lead was
#: removed as a notice; s45 read F1's English case) …
_WE_USE = re.compile(r"we(?:['’]d)?\s", re.I)
#: … and what a notice says it is for: the site, the reader's visit, the services and ads
_WEB_WORDS = re.compile(
    r"\b(?:(?:web)?sites?|web|online|internet|brows\w*|visit\w*|experience|services?|content|"
    r"personali[sz]\w*|analy\w*|traffic|partners?|devices?|ads|advert\w*|marketing|social|"
    r"functional\w*|necessary|essential|navigat\w*|privacy|preferences|settings|policy|"
    r"track\w*|store[sd]?|stored|information|data)\b",
    re.I,
)


#: A site's own use of cookies, as its notice words it ("We use cookies", "This website
#: uses cookies", "Diese Website verwendet Cookies", "Ce site utilise des cookies", "Wij
#: gebruiken cookies"): the closing notice's wording. Consent, privacy or the settings
#: alone are no notice's there: a news story's last paragraph about cookies names them
#: ("... its review of cookies and user privacy": s45 midrev M2). Looser than
#: :data:`_CONSENT_WORDING`'s form of the site's use, which a line here passed first: a
#: consent plugin's table ("Set by the GDPR Cookie Consent plugin, this cookie is used to
#: store …") is a notice's too
_SITE_USES_COOKIES = re.compile(
    r"\b(?:use[sd]?|using|utilis\w*|utiliz\w*|usa\w*|verwende\w*|nutz\w*|setz\w*|"
    r"gebruik\w*)\s+(?:\S+\s+){0,6}?\W?cookies?\b",
    re.I,
)
#: The site's own voice in a closing notice: its "we" or "our" (or a verb of use in the
#: first person where the pronoun is left out: "Utilizziamo cookie …", "Usamos cookies …",
#: a kinds page's closing notice), the site itself ("this website", "diese Website"), or its
#: cookies in the passive ("this cookie is used to store …", a consent plugin's table). A
#: story's last paragraph about cookies reports another's use ("Google uses cookies to
#: measure how ads perform, the company said …"), and a paragraph about cookies over it let
#: it pass as a notice's explainer (s46 read F2)
_OWN_VOICE = re.compile(
    r"\b(?:we|us|our|wir|uns\w*|nous|notre|nos|wij|ons|onze|nosotros|nuestr[oa]s?|noi|"
    r"nostr[oaie]|utilizziamo|usiamo|utilizamos|usamos|utilisons)\b|"
    r"\b(?:this|these|our|diese[rs]?|unsere?|ce|cette|ces|notre|deze|onze|est[ae]s?|questo)\s+"
    r"(?:(?:web)?site|website|webseite|seite|sitio|sito|cookies?)\b|"
    r"\bcookies?\s+(?:is|are|werden|wird|sont|est|se)\s+(?:\S+\s+)?(?:used|set|placed|"
    r"verwendet|gesetzt|utilis\w*|usad\w*|utilizad\w*)",
    re.I,
)
#: The site named with the definite article ("The website uses cookies", "Die Website
#: verwendet Cookies", "Le site utilise des cookies", "La web utiliza cookies") or the
#: reader addressed ("you", "Sie", "vous", "usted"): a notice speaks to its reader, a story
#: seldom does; the site's voice too (s46 midrev46 M4: "By continuing to browse the site you
#: are agreeing to the use of cookies" was kept after a page's footer). ("Sie" is the
#: reader's only with its capital: "sie" is she or they.)
_READERS_SITE = re.compile(
    r"(?i:\b(?:the|die|der|das|le|la|el|il|lo|het|o)\s+(?:(?:web)?site|website|webseite|"
    r"sitio(?:\s+web)?|sito(?:\s+web)?|site\s+web)\b|\b(?:esta|questa|la|el)\s+web\b|"
    r"\b(?:you|your|vous|votre|vos|usted)\b)|\b(?:Sie|Ihre[mnrs]?)\b"
)
#: Reported speech: a story's sentence about another's use of cookies ("..., the company
#: said", "according to", "sagte", "selon"), which a notice never has (s46 read F2)
_REPORTED = re.compile(
    r"\b(?:said|says|told|according\s+to|sagte|sagten|zufolge|selon|a\s+déclaré|dijo|"
    r"según|ha\s+detto|secondo)\b",
    re.I,
)
#: The fewest removed lines over a closing notice: the site's footer (its links, "Back to
#: top"), not one line (an ad slot, a caption, a pull quote between two paragraphs), unless
#: the line over that one names cookies as well (a notice's or its explainer's paragraphs,
#: a heading removed between them: "Cookies von Drittanbietern")
_FOOTER_LINES = 2


def _drop_closing_consent_notice(d: Any) -> None:
    """Remove the last kept line of a ``lines.Decisions`` when it is a site's cookie notice
    (:func:`_consent_notice`, worded as the site's use of cookies: :data:`_SITE_USES_COOKIES`)
    at the page's end, apart from the text (at least :data:`_FOOTER_LINES` lines over it
    removed: the site's footer; or one, under a line of the notice's that names cookies) and
    with text kept before it, in the site's own voice (:data:`_OWN_VOICE`) or naming the
    site or its reader (:data:`_READERS_SITE`), reporting no one's words
    (:data:`_REPORTED`), with a reason:
    a banner rendered after the footer was kept under a page's table or list (s45 kinds: on 15 of
    264 generated pages the last kept line). An article's last paragraph that names cookies
    and consent follows the paragraph over it, or one removed line (an "Advertisement"
    slot: s45 midrev M2)."""
    keep = d.keep
    n = len(keep)
    if n < 3 or not keep.any():
        return
    j = n - 1 - int(keep[::-1].argmax())  # (the last kept line)
    if j < 2 or keep[j - 1] or not keep[: j - 1].any():
        return
    s = d.stripped[j]
    if (
        _consent_notice(s)
        and _SITE_USES_COOKIES.search(s) is not None
        and _notice_voice(s)
        and (not keep[j - _FOOTER_LINES : j].any() or _COOKIES.search(d.stripped[j - 2]))
    ):
        _mark(d, {j: CONSENT_REASON}, False)


#: The most lines of a block kept with a page's own sentence on either side of it
_BLOCK_REACH = 3


def _block_of(d: Any, at: int) -> list[int]:
    """The line at ``at`` of a ``lines.Decisions`` and the lines of its block: the lines
    next to it with no blank line between (up to :data:`_BLOCK_REACH` a side) in a text
    whose blocks are apart (a text browser's dump), none a rule removed nor one naming
    cookies; only the line in a text written a block a line. (A paragraph's lines that a
    clause's end kept apart, "... Freiburg. Geschäftsführer:" / "Jonas Meier. Telefon: ...",
    are one block.)"""
    out = [at]
    if len(d.idx) == len(d.lines):  # (no blank line: every line is a block)
        return out
    for step in (-1, 1):
        k = at
        while len(out) <= 2 * _BLOCK_REACH:
            n = k + step
            if not 0 <= n < len(d.idx) or abs(d.idx[n] - d.idx[k]) != 1:
                break
            if n in d.why or _names_cookies(d.stripped[n]):
                break
            out.append(n)
            k = n
            if abs(n - at) >= _BLOCK_REACH:
                break
    return sorted(out)


#: The reason of the line kept for a page whose only kept line was its cookie notice
ALONE_REASON = "the page's own sentence, kept for its cookie notice"
#: ... a sentence of at least this many words
_OWN_MIN_WORDS = 5


def _own_sentence(d: Any, notice: int) -> int | None:
    """The best-scored line of a ``lines.Decisions`` other than its cookie notice (at
    ``notice``) that is a sentence of the page's own: of :data:`_OWN_MIN_WORDS` words or
    more, a sentence's end in it or at its end, no word of cookies, no copyright notice or
    share bar (a wall's page had "© 2025 The Northern Courier. All rights reserved." as
    its sentence, kept with the footer's links around it: the record of a consent wall
    was "About us / Contact / Privacy policy", and a second wall its exact duplicate), and
    removed by the model, not by a rule (a rule's reason says what the line is: a
    breadcrumb, a menu); or None."""
    from ..metadata.text import notice_or_share  # (the metadata stage imports this package)

    best, top = None, -1.0
    for i, s in enumerate(d.stripped):
        if (
            i != notice
            and i not in d.why
            and d.score[i] > top
            and len(_WORD.findall(s)) >= _OWN_MIN_WORDS
            and (s.endswith(LINE_ENDS) or _INNER_STOP.search(s) is not None)
            and not _names_cookies(s)
            and not notice_or_share(s)
        ):
            best, top = i, float(d.score[i])
    return best


#: A sentence's end inside a line, a word after it
_INNER_STOP = re.compile(r"\w[.!?…][\"'”’»)]*\s+\w")


#: A markets ticker's row: an index's, a share's or a currency pair's name (a letter
#: first: "Dow", "S&P 500", "EUR/USD"), its price and its signed change, the change in
#: per cent after it maybe ("Dow 44,210.55 -0.3%", "NWRB 48.12 +1.09 (+2.32%)", "DAX
#: 18.234,12 −0,4 %")
_QUOTE_ROW = re.compile(
    r"[^\W\d_][\w&./^ -]{0,24}?\s+\d[\d.,]*\s+[-+−–]\s?\d[\d.,]*\s?%?"
    r"(?:\s+\(?[-+−–]\s?\d[\d.,]*\s?%\)?)?"
)
#: the fewest rows of a ticker
_TICKER_ROWS = 2
TICKER_REASON = "markets ticker over the article"


def _drop_ticker(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a markets ticker over the
    article: :data:`_TICKER_ROWS` rows (:data:`_QUOTE_ROW`) or more before its first kept
    line that is none, with a reason. A finance portal's strip of index prices ("Dow
    44,210.55 -0.3%" / "S&P 500 6,102.11 +0.1%") over a release opened its text on every
    path of a rendering (s41 acc-press F13); a table of prices within the text stays."""
    rows: list[int] = []
    for j in d.keep.nonzero()[0].tolist():  # (the kept lines only, in order)
        s = d.stripped[j]
        # (the first kept line of most texts has no digit before a sign: one test)
        if not ("%" in s or "+" in s or "-" in s) or _QUOTE_ROW.fullmatch(s) is None:
            break
        rows.append(j)
    if len(rows) >= _TICKER_ROWS:
        _mark(d, dict.fromkeys(rows, TICKER_REASON), False)


#: the reason of a line removed by :func:`_drop_encoded_data`
ENCODED_REASON = "encoded data (base64 or hex), not text"
#: the fewest characters of such a line: a PEM/MIME base64 body is wrapped at 64 or 76, a
#: SHA-256 digest in hex is 64; a word, a hashtag or a product code is far shorter
_ENCODED_CHARS = 64
_ENCODED = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")
_HAS_DIGIT = re.compile(r"\d")


def _drop_encoded_data(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are one run of encoded bytes (an
    inline image's or attachment's base64, a digest in hex) of :data:`_ENCODED_CHARS` or
    more, with a reason. The line model reads such a line as one long word between prose
    lines and kept it (s43 acc-index #13: a search index then held 800 characters of
    base64 as the article's text). A sentence that quotes a digest has spaces and stays; a
    URL has a dot or a colon and is not matched."""
    gone = {}
    for j in d.keep.nonzero()[0].tolist():
        s = d.stripped[j]
        # (one test first: most kept lines are prose, with a space early on)
        if len(s) < _ENCODED_CHARS or " " in s or _ENCODED.fullmatch(s) is None:
            continue
        # base64 mixes cases and digits; hex is digits and one case of a-f
        if _HAS_DIGIT.search(s) and (s.lower() != s or all(c in _HEX for c in s.lower())):
            gone[j] = ENCODED_REASON
    if gone:
        _mark(d, gone, False)


_HEX = frozenset("0123456789abcdef")


def _drop_by(
    d: Any,
    rule: Callable[[list[str], list[bool]], Collection[int] | dict[int, str]],
    reason: str | None = None,
) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that ``rule`` finds among its lines and
    what it kept: positions, each removed with ``reason``, or positions with their reasons
    (``reason`` None). The one body of the ``_drop_*`` steps that ask a rule of their
    module."""
    if not (found := rule(d.stripped, d.keep.tolist())):
        return
    if isinstance(found, dict):
        _mark(d, found, False)
    else:
        assert reason is not None  # (a rule that gives positions alone: its lines' reason)
        _mark(d, dict.fromkeys(found, reason), False)


def _drop_render_artefacts(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that a text browser wrote for what is
    no text (:func:`.artefacts.artefact_lines`: w3m's image placeholders, a tracking
    pixel's markup), with a reason."""
    from .artefacts import ARTEFACT_REASON, artefact_lines, split_markup_lines

    _drop_by(d, artefact_lines, ARTEFACT_REASON)
    # (a tag lynx wrapped over lines: none of them is markup_line's alone)
    _drop_by(d, split_markup_lines, ARTEFACT_REASON)


def _drop_form_lines(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a form's checkboxes or radio
    buttons as lynx and w3m write them (:func:`.artefacts.form_lines`), with a reason."""
    from .artefacts import FORM_REASON, form_lines

    _drop_by(d, form_lines, FORM_REASON)


def _drop_post_neighbours(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a post's links to the posts
    before and after it (:func:`.postnav.post_neighbour_lines`), with a reason."""
    from .postnav import POST_NAV_REASON, post_neighbour_lines

    _drop_by(d, post_neighbour_lines, POST_NAV_REASON)


def _drop_feed(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a site's feed of its latest
    stories, headlines with their times (:func:`.feeds.feed_lines`), with a reason."""
    from .feeds import FEED_HEADING_REASON, FEED_REASON, feed_headings, feed_lines

    _drop_by(d, feed_lines, FEED_REASON)
    # (and its heading over it, whatever the model kept of the feed; s49 live49)
    _drop_by(d, feed_headings, FEED_HEADING_REASON)


def _drop_dated_feed(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a site's list of its latest
    stories, headlines with their dates and times (:func:`.afterlists.dated_feed_lines`)."""
    from .afterlists import DATED_FEED_REASON, dated_feed_lines

    _drop_by(d, dated_feed_lines, DATED_FEED_REASON)


def _drop_related_list(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are lists of other stories under
    their labels after the article (:func:`.afterlists.related_list_lines`)."""
    from .afterlists import RELATED_LIST_REASON, related_list_lines
    from .structures import TAIL_REASON

    # (not a list box kept as the article's by its lines' scores and words: a review's pros
    # and cons under its score, "La nota de Xataka" / "A favor" / "Autonomía sobresaliente"
    # read as a label over headlines; s49 acc-service S2)
    found = [
        j for j in related_list_lines(d.stripped, d.keep.tolist()) if d.why.get(j) != TAIL_REASON
    ]
    if found:
        _mark(d, dict.fromkeys(found, RELATED_LIST_REASON), False)


def _drop_browser_widgets(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a text browser's frame, empty
    field or bare button (:func:`.artefacts.widget_lines`), with a reason."""
    from .artefacts import WIDGET_REASON, widget_lines

    _drop_by(d, widget_lines, WIDGET_REASON)


def _drop_ranked_list(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a numbered list of other
    stories under its label after the article (:func:`.afterlists.ranked_list_lines`)."""
    from .afterlists import RANKED_LIST_REASON, ranked_list_lines

    _drop_by(d, ranked_list_lines, RANKED_LIST_REASON)


def _drop_slide_gallery(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a slide show's gallery as a
    text browser writes it (:func:`.slides.slide_gallery_lines`)."""
    from .slides import SLIDE_GALLERY_REASON, slide_gallery_lines

    _drop_by(d, slide_gallery_lines, SLIDE_GALLERY_REASON)


def _drop_escaped_urls(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are pieces of percent-encoded
    addresses a text browser wrapped (:func:`.artefacts.escaped_url_lines`)."""
    from .artefacts import ESCAPED_URL_REASON, escaped_url_lines

    _drop_by(d, escaped_url_lines, ESCAPED_URL_REASON)


def _drop_nested_menu(d: Any, joined: Reflowed | None) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a nested level's items of a
    menu the model mostly removed (:func:`.artefacts.nested_menu_items`), read on each
    block's first input line as written (the marks a bulleted text loses when joined)."""
    from .artefacts import NESTED_MENU_REASON, nested_menu_items

    if joined is not None:
        # (each block's first non-blank input line, found without listing all of them:
        # this reads every line of every joined page)
        raw, spans = joined.lines, joined.spans
        firsts = []
        for row in d.idx:
            a, b = spans[row] if row < len(spans) else (0, 0)
            firsts.append(next((raw[i] for i in range(a, b) if raw[i].strip()), ""))
    else:
        firsts = [d.lines[row] for row in d.idx]
    if found := nested_menu_items(firsts, d.keep.tolist()):
        _mark(d, dict.fromkeys(found, NESTED_MENU_REASON), False)


#: the reason of a line removed by :func:`_drop_teaser_marks`
TEASER_MARK_REASON = "label, date or price of the teasers after the article's end"
#: the most words of such a line ("You may also like", "March 2, 2024", "£49.99", "Rated
#: 4.5/5 by our readers"), of the teasers' label
_TEASER_MARK_WORDS = 8
_TEASER_LABEL_WORDS = 5


def _drop_teaser_marks(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that go with the teasers after the
    article's end: two or more lines the line model's teaser rule removed
    (:data:`.lines.TEASER_REASON`) under a short label of the site's words right over the
    first ("Latest news", "You may also like": the model's cue phrases; a line that ends
    with a colon introduces the article's own list), and the short lines of
    no sentence from the label to the line right under the last teaser: the label, each
    teaser's date, price or rating ("March 2, 2024", "£49.99", "Rated 4.5/5 by our
    readers"). The rule took the headlines only and left their marks, a label and dates
    without headlines (s37 acc-regress O9, O14). The label may end with a colon ("Related
    stories:", "Read more:"); a sentence that does is no label (more words), and introduces
    the article's own list (s39 acc-regress D18, D19). Without such a label the removed lines
    may be the article's own list, and what the model kept among them its text. Lines kept
    by a later rule (a table, a review's rating) are not looked at."""
    from .lines import TEASER_REASON

    removed = [j for j, r in d.why.items() if r == TEASER_REASON]
    if len(removed) < 2:  # (most pages: no teasers to go with)
        return
    keep = d.keep.tolist()
    text = d.stripped
    last = next(
        (j for j in range(len(keep) - 1, -1, -1) if keep[j] and _sentence_like(text[j])), -1
    )
    teasers = sorted(j for j in removed if j > last and not keep[j])
    label = teasers[0] - 1 if teasers else last
    if (
        len(teasers) < 2
        or label <= last
        or not d.cues()[label]
        or len(_WORD.findall(text[label])) > _TEASER_LABEL_WORDS
    ):
        return
    # (the box goes on over the lines the model removed itself after the last teaser the
    # rule took, its last headlines: the date under the last stayed; s39 acc-regress D18)
    end = teasers[-1]
    while end + 1 < len(keep) and not keep[end + 1]:
        end += 1
    drop = {
        j: TEASER_MARK_REASON
        for j in range(label, min(len(keep), end + 2))
        if keep[j]
        and j not in d.why
        and not text[j].endswith(LINE_ENDS)
        and len(_WORD.findall(text[j])) <= _TEASER_MARK_WORDS
    }
    if drop:
        _mark(d, drop, False)


#: A page whose markup names a rating (a class, an id): there trafilatura drops a review's
#: rating box (:func:`.structures.rating_boxes`; its other such class tokens, "meta",
#: "timestamp", every page's markup names, so a box classed only so is not looked for)
_RATING_MARKUP = re.compile("rating", re.I)
#: the characters other than "i" and "I" that ``re.I`` matches to "i" (no other letter of
#: "rating" has such)
_DOTTED_I = ("\u0130", "\u0131")


def _names_rating(html: str, low: bytes) -> bool:
    """Whether :data:`_RATING_MARKUP` finds a match in ``html`` (``low``: its
    :func:`.figures.ascii_lower`): a search of its lowered UTF-8 for "rating" (~0.1 ms a page
    against ~1.4 ms for the pattern's, which tests every character case-blind), and the
    pattern's only on a page that holds a dotted or dotless i, which re.I reads as an
    "i"."""
    return b"rating" in low or (
        any(c in html for c in _DOTTED_I) and _RATING_MARKUP.search(html) is not None
    )


#: the reason of a line removed by :func:`_drop_promo_lines`
PROMO_REASON = "link to another story ('Read more: <headline>')"
#: A label that points at another story, its colon or a dash between spaces, and the rest of
#: the line: "READ MORE:", "Related:", "SEE ALSO:", "MORE:", "WATCH:", "Lesen Sie auch:",
#: "Lire aussi :", "LIRE AUSSI - " (Le Figaro's; s45 acc-wire W11)
_PROMO = re.compile(
    r"(?i:(?:read (?:more|next)|more|watch|listen|recommended|leer más|"
    + READ_ALSO_LABELS
    + r")\s*:"
    # (a dash after a label that names another story only: "More — and better — jobs …",
    # "Watch - …" open sentences and subheadings; s45 midrev45 M4; so does "Related" alone,
    # "Related – and just as worrying – the rise in rents …": s46 read F16)
    + r"|(?!related\s+[-–—])(?:read (?:more|next)|leer más|"
    + READ_ALSO_LABELS
    + r")\s+[-–—])"
    r"\s*(?P<rest>\S.*)"
)
#: The fewest and the most words of a headline after such a label
_PROMO_WORDS = (3, 25)


def _promo(line: str) -> bool:
    """Whether ``line`` is a link to another story set in the article: a label of
    :data:`_PROMO` and a headline, one phrase without a sentence's end ("READ MORE: Library
    to extend weekend hours starting in January")."""
    if ":" not in line and "-" not in line and "–" not in line and "—" not in line:
        return False  # (most lines: no label's mark, no pattern tried)
    m = _PROMO.fullmatch(line)
    if m is None:
        return False
    rest = m["rest"]
    return (
        _PROMO_WORDS[0] <= len(_WORD.findall(rest)) <= _PROMO_WORDS[1]
        # (a full stop before closing quotes ends a sentence too: 'Listen: the mayor told
        # the crowd that "this bridge belongs to every one of you."' was removed as a
        # link; s41 acc-read unproved 3)
        and not rest.rstrip(CLOSING_MARKS).endswith(".")
        and _INNER_SENTENCE.search(rest) is None
    )


#: A sentence's end inside a line, another sentence after it
_INNER_SENTENCE = re.compile(r"[.!?][\"'”’»)]*\s+[A-Z]")


def _drop_promo_lines(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that link to another story from inside
    the article (:func:`_promo`), with a reason: sites set "READ MORE: <headline>" between a
    wire story's paragraphs, and the line model, reading a line among paragraphs, kept
    them (s40 acc-synd #3: 11 of 18 copies that had one). Not from an HTML page's article,
    where trafilatura keeps them: the held-out pages' bodies keep them too (3 of 115 pages
    lost recall, held-out HTML F1 0.947 -> 0.946)."""
    import numpy as np

    if drop := {j: PROMO_REASON for j in np.flatnonzero(d.keep).tolist() if _promo(d.stripped[j])}:
        _mark(d, drop, False)


def _without_release_furniture(doc: Document, text: str) -> str:
    """trafilatura's ``text`` of HTML page ``doc`` without the
    lines that are a press release's contact block or wire mark or a newsletter e-mail's
    line to its reader (:func:`.mailing.release_furniture`): trafilatura keeps them, inside
    the article's block as the wires and newsletters put them (s41 acc-press F1, F19).
    Before the line model's refinement, which removed a block's label and left its e-mail
    and phone. The lines go to ``doc.work`` (:data:`_RELEASE_KEY`), counted once the text
    is refined."""
    lines = text.split("\n")
    if not (gone := release_furniture(lines)) or len(gone) == len(lines):
        return text
    doc.work[_RELEASE_KEY] = [lines[j] for j in gone]
    return "\n".join(ln for j, ln in enumerate(lines) if j not in gone)


def _drop_release_furniture(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a press release's contact
    block or wire mark or a newsletter e-mail's line to its reader
    (:func:`.mailing.release_furniture`), with a reason: the model kept the e-mail lines and
    the label and e-mail of a contact block whose name and phone it removed (s41 acc-press
    F2, F10)."""
    found = release_furniture(d.stripped, d.keep.tolist())
    if drop := {j: why for j, why in found.items() if d.keep[j]}:
        _mark(d, drop, False)


def _drop_software_chrome(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that a wiki's, a recipe card's or a
    forum's software wrote around the page's text (:func:`.chrome.software_chrome`), with a
    reason: the model read them as the text's lines they sit among (s42 acc-pages F3, F10,
    F13); a kept section heading with its edit link after it is written without it
    (:func:`.chrome.without_edit_links`: "History[edit]"), a kept line with a text
    browser's button bar after its words without the bar (:func:`.chrome.without_button_bars`:
    "23,90 € (BUTTON) In den Warenkorb")."""
    _drop_by(d, software_chrome)
    if heads := without_edit_links(d.stripped, d.keep.tolist()):
        d.stripped = [heads.get(j, line) for j, line in enumerate(d.stripped)]
    if bars := without_button_bars(d.stripped, d.keep.tolist()):
        # (a price before its cart button: the price alone)
        d.stripped = [bars.get(j, line) for j, line in enumerate(d.stripped)]


def _crawl_row(doc: Document) -> bool:
    """Whether the source read ``doc`` from a crawl dump's row (``annotations.source.
    crawl_row``: FineWeb's, datatrove's), whose text is an extractor's output."""
    source = doc.annotations.get("source")
    return isinstance(source, dict) and source.get("crawl_row") is True


def _keep_extracted_article(d: Any) -> None:
    """A crawl row's text without chrome inside it: cleaned at its edges only
    (:mod:`.extracted`; s52 acc-md M2)."""
    from .extracted import keep_extracted

    if back := keep_extracted(d):
        _mark(d, back, True)


def _keep_sign_off(d: Any) -> None:
    """Keep the removed lines of a ``lines.Decisions`` that are a newsletter's sign-off
    under a kept paragraph: valediction, name and role, P.S. (:func:`.signoff.sign_off_rows`;
    the model read them as the page's trailer, s51 acc-blogs B5)."""
    from .signoff import sign_off_rows

    # (the rows are removed lines only: any found changes the decisions)
    if rows := sign_off_rows(d.stripped, d.keep.tolist()):
        _put_back(d, rows)


def _drop_post_footer_tail(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` under a blog post's footer byline
    (:func:`.chrome.post_footer_tail`), with a reason."""
    from .chrome import POST_FOOTER_TAIL_REASON, POSTED_AT_REASON, post_footer_tail

    footers = sorted(j for j, why in d.why.items() if why == POSTED_AT_REASON)
    if tail := post_footer_tail(d.stripped, d.keep.tolist(), footers):
        _mark(d, dict.fromkeys(tail, POST_FOOTER_TAIL_REASON), False)


def _drop_contents(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a post's table of contents
    (:func:`.toc.toc_rows`), and keep the headings its entries name where the model removed
    them as repeated lines under kept text: the copy at the top is the one to drop (s51
    acc-blogs B12)."""
    from .lines import TEASER_REASON
    from .toc import TOC_REASON, toc_rows

    keep = d.keep.tolist()
    rows, heads = toc_rows(d.stripped, keep)
    if not rows:
        return
    back = []
    for h in heads:
        nxt = next((j for j in range(h + 1, len(keep)) if d.stripped[j]), None)
        if (
            not keep[h]
            and d.why.get(h) in ("repeated line", TEASER_REASON)
            and nxt is not None
            and keep[nxt]
        ):
            back.append(h)
    if back:
        _put_back(d, back)
    if drop := [j for j in rows if keep[j]]:
        _mark(d, dict.fromkeys(drop, TOC_REASON), False)


def _drop_cite_boxes(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a post's citation box, its
    label and reference (:func:`.citations.cite_boxes`), with a reason."""
    from .citations import cite_boxes

    _drop_by(d, cite_boxes)


def _drop_shop_lines(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a shop's button with its
    price or an affiliate disclosure (:func:`.chrome.shop_lines`), with a reason."""
    from .chrome import shop_lines

    _drop_by(d, shop_lines)


def _drop_reading_widgets(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a read-time or listen widget
    or a subscribers' label (:func:`.chrome.reading_widgets`), with a reason."""
    from .chrome import reading_widgets

    _drop_by(d, reading_widgets)


def _html_buttons(lines: list[str]) -> set[int]:
    """The positions of an HTML page's text lines that are a service page's buttons
    (:func:`.service.html_buttons`)."""
    from .service import html_buttons

    return set(html_buttons(lines))


def _drop_service_chrome(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a service page's buttons or
    widgets (:func:`.service.service_chrome`: a recipe's shopping-list button, an unlock
    button, a follow button, a video's length, an orphaned contents label), with a reason."""
    from .service import service_chrome

    _drop_by(d, service_chrome)


def _drop_page_tools(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a page's tool, a player's
    control or a screen-reader label whole (:func:`.pagetools.tool_lines`: "Imprimer la
    page", "Воспроизвести", "End of chart" wherever they stand, "Sous-titres", "0:00 / 3:05"
    in a run of tools; s46 acc-data D7, D8, s47 read F3), and a
    kept line's "(opens in new window)" after a link (:func:`.pagetools.without_new_window`)."""
    import numpy as np

    from .pagetools import PAGE_TOOL_REASON, tool_lines, without_new_window

    kept = np.flatnonzero(d.keep).tolist()
    if found := tool_lines(d.stripped, kept, d.keep.tolist()):
        _mark(d, dict.fromkeys(found, PAGE_TOOL_REASON), False)
    # (a kept line's link, its screen-reader suffix written without it)
    if said := without_new_window(d.stripped, kept):
        d.stripped = [said.get(j, line) for j, line in enumerate(d.stripped)]


def _without_software_chrome(text: str) -> str:
    """trafilatura's ``text`` of an HTML page without the lines a wiki's, a recipe card's or
    a forum's software wrote (:func:`.chrome.software_chrome`): trafilatura keeps a thread's
    profile lines inside each post's block (s42 acc-pages F3), and a wiki's section headings
    with their edit links (written without them); the text when they would be all of it."""
    lines = [line.strip() for line in text.split("\n")]
    gone = software_chrome(lines)
    heads = without_edit_links(lines)
    if not (gone or heads) or len(gone) == len(lines):
        return text
    return "\n".join(heads.get(j, line) for j, line in enumerate(lines) if j not in gone)


def _without_sign_up(text: str) -> str:
    """trafilatura's ``text`` of an HTML page without a newsletter's sign-up prompt after
    the article's last paragraph (:func:`.notes.sign_up_prompts`): trafilatura keeps a
    sign-up box inside the article's container (s44 acc-genres G12)."""
    lines = text.split("\n")
    gone = set(sign_up_prompts([ln.strip() for ln in lines], [True] * len(lines)))
    if not gone:
        return text
    return "\n".join(ln for j, ln in enumerate(lines) if j not in gone)


def _drop_toggled_box(d: Any) -> None:
    """Remove the kept lines of a ``lines.Decisions`` that are a box of links with the
    button that shows or hides it (:func:`.structures.toggled_box`), or the copies of a
    caption that its toggle shows whole and cut short (:func:`.structures.expander_copies`),
    with a reason."""
    from .structures import BOX_REASON, COPIES_REASON, expander_copies, toggled_box

    keep = d.keep.tolist()
    if found := toggled_box(d.stripped, keep):
        _mark(d, dict.fromkeys(found, BOX_REASON), False)
        keep = d.keep.tolist()
    if found := expander_copies(d.stripped, keep):
        _mark(d, dict.fromkeys(found, COPIES_REASON), False)


def _drop_template_lines(d: Any, found: _Template) -> int:
    """Remove the kept lines of a ``lines.Decisions`` that are the site's template
    (``found``), with a reason that says how many of the site's pages of the chunk hold the
    line (the evidence is the chunk's: another order of the input gives other neighbours);
    how many lines went."""
    import numpy as np

    drop = {
        j: f"site template (in {n} of the site's {found.pages} documents in this chunk)"
        for j in np.flatnonzero(d.keep).tolist()
        if (n := found.lines.get(d.stripped[j]))
    }
    if drop:
        _mark(d, drop, False)
    return len(drop)


# Fields of trafilatura's Document that are extraction output, not metadata.
_NOT_META = frozenset(["body", "comments", "commentsbody", "raw_text", "text", "fingerprint"])


def _extractor(mode: str, metadata: bool, fast: bool = False, fmt: str = "txt") -> Any:
    """trafilatura's options object for a mode (built once a day: it reads the config). Its
    date bound, ``max_date``, is today's in UTC at the call, not at the process's first call
    (a server's Cleaner, a run across midnight); trafilatura reads it only with
    ``metadata`` (the stage's own dates come from ``metadata.html.trafilatura_meta``,
    bounded by each document's capture)."""
    from ..metadata.text import utc_today

    return _extractor_of_day(mode, metadata, fast, fmt, utc_today().isoformat())


@lru_cache(maxsize=16)
def _extractor_of_day(mode: str, metadata: bool, fast: bool, fmt: str, day: str) -> Any:
    """:func:`_extractor` for the UTC day ``day``."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format=fmt,
        fast=fast,
        precision=mode == "precision",
        recall=mode == "recall",
        comments=mode == "recall",  # what trafilatura.extract's defaults gave before
        tables=True,
        dedup=False,
        with_metadata=metadata,
        # (its own, set_date_params, reads the local time zone, datetime.now().astimezone(),
        # which a TZ of 24 hours or more, e.g. TZ=UTC+24, fails with ValueError, and every
        # HTML page with it; s30 locale tester #5. Today in UTC, as the metadata stage's)
        date_params=cast(
            Any,  # (typed dict[str, str] there; its own holds booleans too)
            {
                "original_date": True,
                "extensive_search": True,
                "max_date": day,
            },
        ),
    )


@contextmanager
def _without_spare_copies() -> Iterator[None]:
    """Within the block, trafilatura's ``_prepare_tree`` cleans the tree it is given in place
    and makes no backup, for fast precision calls without comments: there trafilatura copies
    the page twice more (``tree_cleaning(copy(tree))``, then ``backup = copy(cleaned)``) and
    reads neither the uncleaned tree (its own copy of ours, from ``bare_extraction``) nor the
    backup again (the backup feeds the readability/justext comparison, skipped in fast mode,
    and the comments path; the uncleaned tree the comparison, the baseline rescue outside
    precision mode and the recall retry of the balanced mode). Same output, two deep copies
    (~0.5 ms a page) fewer."""
    import trafilatura.core as tc
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning

    from .htmltree import patched

    saved = tc._prepare_tree

    def prepare(tree: Any, options: Any, url: str | None) -> tuple[Any, Any]:
        if options.fast and options.focus == "precision" and not options.comments:
            return convert_tags(tree_cleaning(tree, options), options, url), None
        return saved(tree, options, url)

    with patched((tc, "_prepare_tree", prepare)):
        yield


@contextmanager
def _empty_elements_keep_tails() -> Iterator[None]:
    """Within the block, trafilatura's pruning of empty elements (``prune_html``) keeps the
    text that follows each one (its tail) in every mode: in precision mode it dropped it, so
    an empty anchor at a paragraph's start (WordPress's ``<span id="more-…"></span>``, an
    icon's ``<i></i>``) took the paragraph's text with it (a lead's three sentences)."""
    import trafilatura.htmlprocessing as hp

    from .htmltree import patched

    saved = hp.prune_html

    def prune(tree: Any, focus: str = "balanced") -> Any:
        return saved(tree, "balanced")

    with patched((hp, "prune_html", prune)):
        yield


@contextmanager
def _table_cells_of_data() -> Iterator[None]:
    """Within the block, a cell of a table of data (one with header cells, ``<th>``) whose
    text is a share button's word ("Email", "Print", "Facebook", "PDF": trafilatura's
    ``textfilter``) is kept when another cell of its row is no such word: trafilatura
    dropped it as a button, so a contact table's header read "| Contact | Phone |  |" (s36
    acc-regress O7) and a table of networks lost its first column ("|  | 3.0bn |"). A row
    of such words alone is a share bar laid out as a table, and goes as before."""
    import trafilatura.main_extractor as tm
    from trafilatura.utils import RE_FILTER, textfilter

    from .htmltree import patched

    saved = tm.process_node  # type: ignore[attr-defined]  # (imported there, not exported)
    # whether each table met has header cells (the lxml element is the key: the dict keeps
    # its proxy, and so its identity, alive)
    headed: dict[Any, bool] = {}

    def process(elem: Any, options: Any) -> Any:
        table = None
        if elem.tag in ("td", "th"):
            table = next(elem.iterancestors("table"), None)
            if table is not None and table not in headed:
                # (asked at the table's first cell: trafilatura renames each cell it has
                # read, the header's too)
                headed[table] = table.find(".//th") is not None
        got = saved(elem, options)
        if got is not None or table is None or not elem.text or not textfilter(elem):
            return got  # (kept, no table's cell, or dropped for another reason: a duplicate)
        if not headed[table]:
            # (a table of data says so by its header cells; a layout table's "E-Mail" label
            # before an address read as text, the label lost, and is left so: held-out
            # HTML page 2e2a0dc5, a club's contacts, F1 0.89 -> 0.74 as a table's rows)
            return got
        others = (c.text_content().strip() for c in elem.getparent() if c is not elem)
        if any(t and not RE_FILTER.match(t) for t in others):
            return elem  # (its text and tail trimmed by process_node)
        return got

    with patched((tm, "process_node", process)):
        yield


@contextmanager
def _lead_of_a_text_block() -> Iterator[None]:
    """Within the block, a ``<div>`` of text laid out with ``<br>``s (its own text, inline
    elements, line breaks) gives its first paragraph too: trafilatura took each text after a
    line break as a paragraph and dropped the ``<div>``'s own text before the first one
    (when it does not read ``<div>``s as paragraphs: a page with enough ``<p>`` text
    elsewhere), so an article's lead paragraph was lost (MacRumors; s26 quality reviewer)."""
    import trafilatura.main_extractor as tm
    from lxml.etree import Element
    from trafilatura.htmlprocessing import process_node
    from trafilatura.settings import INLINE_CONSUMING
    from trafilatura.utils import text_chars_test

    from .htmltree import patched

    saved = tm.handle_other_elements

    def handle(element: Any, potential_tags: set[str], options: Any) -> Any:
        if (
            element.tag == "div"
            and "div" not in potential_tags
            and text_chars_test(element.text)
            and element.find("lb") is not None
        ):
            lead = Element("p")
            lead.text = element.text
            for child in element:
                if child.tag not in INLINE_CONSUMING:
                    break
                lead.append(deepcopy(child))
                child.tag = "done"  # (read here: trafilatura's loop passes it by)
            return process_node(lead, options)
        return saved(element, potential_tags, options)

    with patched((tm, "handle_other_elements", handle)):
        yield


#: The lists of a page's text (trafilatura's tree: ``list`` is its name of ``<ul>``, ``<ol>``
#: and ``<dl>``): one right after a heading or a paragraph, not one that stands alone among
#: a page's widgets (a breakpoint detector's hidden list of screen sizes, aeb dev)
_WILD_LISTS = ".//list[preceding-sibling::*[1][self::head or self::p]]"


@contextmanager
def _lists_in_wild_text() -> Iterator[None]:
    """Within the block, precision mode's search of a page whose main part it did not find
    (no article container: trafilatura reads the page's "wild" elements, anywhere) takes its
    lists too, not only its paragraphs, code, quotes and tables. Precision mode has no later
    rescue (the default mode's baseline, the comparison with readability and jusText outside
    fast mode), so on a bare ``<body>`` a recipe kept its intro and lost its ingredients and
    method, and a glossary's ``<dl>`` lost its terms (s38 acc-regress D2, D13). The lists
    the page's menus are were pruned before the search (link density), as in the main pass;
    a list is taken where it stands in a text (:data:`_WILD_LISTS`). Not the headings: a
    box's label over its list ("TECH", "ACTIVISM") is as often the page's furniture as a
    recipe's "Method" is its text (with them, held-out HTML 0.954 -> 0.946; without, dev
    trafeval 0.952 -> 0.953, held-out 0.954)."""
    import trafilatura.main_extractor as tm

    from .htmltree import patched

    saved_recover, saved_prune = tm.recover_wild_text, tm.prune_unwanted_sections

    class _Wider:
        """The pruned tree of the search, whose one query (trafilatura's expression of wild
        elements) also asks for lists."""

        def __init__(self, tree: Any) -> None:
            self._tree = tree

        def xpath(self, expr: str) -> Any:
            return self._tree.xpath(f"{expr}|{_WILD_LISTS}")

    def prune(*args: Any, **kwargs: Any) -> Any:
        return _Wider(saved_prune(*args, **kwargs))

    def recover(tree: Any, body: Any, options: Any, *args: Any) -> Any:
        if options.focus != "precision":
            return saved_recover(tree, body, options, *args)
        with patched((tm, "prune_unwanted_sections", prune)):
            return saved_recover(tree, body, options, *args)

    with patched((tm, "recover_wild_text", recover)):
        yield


@contextmanager
def _numbered_items(tree: Any) -> Iterator[None]:
    """Within the block, the items of a numbered list (``<ol>``) keep their numbers in
    trafilatura's plain text ("1. Soften the onion."), as the text path keeps a text's own
    "1. ": trafilatura numbers them in markdown only and wrote "- " here, so that "step 4" of
    a recipe's text lost what it refers to (s34 acceptance test on structures, #9). It counts
    an item's siblings, its tree has lost the list's ``start``, ``reversed`` and ``value``
    (``<ol start="4">`` was numbered 1, 2, 3; s35 acc-read #6): each of its lists takes the
    numbers a browser shows from the page's (``tree``) ``<ol>`` whose items it holds
    (:func:`_list_numbers`). A number belongs to its list's item, not to the item's text: a
    plain list whose last step's text was also in a ``start=`` list read "- - - 4.", and a
    step repeated within a list got the number of its last place (s36 acc-read F1)."""
    import trafilatura.xml as tx

    from .htmltree import patched

    saved = tx._list_marker
    # (the page's lists read at its first numbered item: a scan of its whole tree, ~160 µs a
    # dev page, that a page without one does not pay)
    page: list[tuple[list[str], list[str]]] | None = None
    # each of trafilatura's numbered lists: its items' numbers, None where they write their
    # own (the lxml element is the key: the dict keeps its proxy, and so its identity, alive)
    numbers: dict[Any, list[str] | None] = {}

    def marker(item: Any, include_formatting: bool = True) -> str:
        nonlocal page
        parent = item.getparent()
        if parent is None or parent.get("rend") != "ol":
            return saved(item, True)
        if parent not in numbers:
            if page is None:
                page = _page_lists(tree)
            numbers[parent] = _list_numbers(parent, page)
        got = numbers[parent]
        bare = saved(item, False)[:-2]  # (the indent of a nested list)
        if got is None:
            # (items that write their own numbers, "1. Author A": "1. 1. Author A" was the
            # text of a reference list; s35 acc-regress R1)
            return bare
        at = sum(1 for _ in item.itersiblings("item", preceding=True))
        return f"{bare}{got[at]}. "

    with patched((tx, "_list_marker", marker)):
        yield


def _item_key(item: Any) -> str:
    """A list item's text, its spaces collapsed: how an item of trafilatura's tree is
    found in the page's."""
    return " ".join("".join(item.itertext()).split())


def _page_lists(tree: Any) -> list[tuple[list[str], list[str]]]:
    """The page's ``<ol>`` lists: their items' texts (by :func:`_item_key`) and the number a
    browser shows before each (a list's ``start``, ``reversed``, ``type`` and its items'
    ``value``)."""
    lists: list[tuple[list[str], list[str]]] = []
    for ol in tree.iter("ol"):
        items = list(ol.iterchildren("li"))
        step = -1 if ol.get("reversed") is not None else 1
        number = _integer(ol.get("start"), len(items) if step < 0 else 1)
        kind = ol.get("type")
        shown = []
        for li in items:
            number = _integer(li.get("value"), number)
            shown.append(_counter(number, kind))
            number += step
        lists.append((list(map(_item_key, items)), shown))
    return lists


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _counter(number: int, kind: str | None) -> str:
    """An ``<ol>`` item's number as its list's ``type`` shows it: "a"/"A" letters ("b",
    "AA"), "i"/"I" roman numerals ("iv"), else digits (a nested ``<ol type="a">`` was
    numbered "1." "2."; s37 acc-regress O8). Letters and numerals start at 1: a number below
    stays digits."""
    if kind in ("a", "A") and number >= 1:
        out = ""
        while number:
            number, r = divmod(number - 1, 26)
            out = chr(97 + r) + out
    elif kind in ("i", "I") and 1 <= number < 4000:
        out = ""
        for value, numeral in _ROMAN:
            k, number = divmod(number, value)
            out += numeral * k
    else:
        return str(number)
    return out.upper() if kind.isupper() else out


def _list_numbers(items: Any, page: list[tuple[list[str], list[str]]]) -> list[str] | None:
    """The numbers a browser shows before the items of trafilatura's list ``items``: those of
    the page's list (``page``, :func:`_page_lists`) with the same items, else of the first
    that holds them in their order (trafilatura left an item out), else 1, 2, 3; and None
    when the items write these numbers themselves ("1. Author A", "2. Author B"). (A list in
    which some items start with a number, "1. FC Köln" in a league table, is numbered all the
    same: its ranks read 1, 1, 3, 1, 1; s36 acc-read F14.)"""
    keys = list(map(_item_key, items.iterchildren("item")))
    shown = next((numbers for texts, numbers in page if texts == keys), None)
    if shown is None:
        places = ((_in_order(keys, texts), numbers) for texts, numbers in page)
        shown = next(([numbers[i] for i in at] for at, numbers in places if at), None)
    if shown is None:
        shown = [str(n) for n in range(1, len(keys) + 1)]
    own = [item_number(k) for k in keys]
    if keys and all(m and str(m[0]) == n for m, n in zip(own, shown, strict=True)):
        return None
    return shown


def _in_order(keys: list[str], page: list[str]) -> list[int] | None:
    """Where each of ``keys`` stands in ``page`` (the first place after the last key's),
    when ``page`` holds them all in their order, else None."""
    at: list[int] = []
    i = 0
    for key in keys:
        try:
            i = page.index(key, i)
        except ValueError:
            return None
        at.append(i)
        i += 1
    return at


def _integer(value: str | None, default: int) -> int:
    """``value`` read as an integer (an attribute's), else ``default``."""
    try:
        return int(value.strip()) if value is not None else default
    except ValueError:
        return default


def _extract(
    tree: Any, mode: str, metadata: bool, fast: bool = False
) -> tuple[str, dict[str, Any] | None]:
    """The text trafilatura.extract would return for ``tree`` in ``mode`` (``fast``: its fast
    mode, without the comparison with readability and justext), and, when asked, the
    metadata of the same call (the same in fast mode: its date search stays extensive);
    the tree itself is not changed."""
    from trafilatura.core import bare_extraction, determine_returnstring
    from trafilatura.settings import Document as TrafilaturaDocument

    from .htmltree import faster_justext

    options = _extractor(mode, metadata, fast)
    # (fast mode runs no jusText; the others may, and get its faster paragraphs)
    with (
        _without_spare_copies() if fast and mode == "precision" else faster_justext(),
        _empty_elements_keep_tails(),
        _lead_of_a_text_block(),
        _table_cells_of_data(),
        _lists_in_wild_text(),
    ):
        document = bare_extraction(tree, options=options)
    if not isinstance(document, TrafilaturaDocument):  # None: nothing extracted
        return "", None
    meta = None
    if metadata:
        meta = {k: v for k, v in document.as_dict().items() if k not in _NOT_META}
    _terms_with_values(document.body)
    # the text rendering without the YAML metadata header extract() adds with metadata
    with _numbered_items(tree):
        text = determine_returnstring(document, _extractor(mode, False, fast)) or ""
    return _layout_rows(text) if "|" in text else text, meta


def _terms_with_values(body: Any) -> None:
    """The terms of the description lists (``<dl>``) of trafilatura's extracted ``body``
    each with its values on one item: "Population: 120,000". trafilatura makes each ``<dt>``
    and ``<dd>`` an item of its own, so that a fact box read "- Population" / "- 120,000"
    / "- Mayor" / ..., the term and its value apart (s36 acc-regress O7). A value without
    a term before it stays an item of its own."""
    if body is None:
        return
    for dl in body.iter("list"):
        if dl.get("rend") != "dl":
            continue
        term: Any = None
        values: list[Any] = []
        for item in list(dl):
            kind = (item.get("rend") or "")[:3]
            if kind == "dd-" and term is not None:
                values.append(item)
                continue
            _with_values(dl, term, values)
            term, values = (item, []) if kind == "dt-" else (None, [])
        _with_values(dl, term, values)


def _with_values(dl: Any, term: Any, items: list[Any]) -> None:
    """A ``<dt>`` item of trafilatura's tree (in the list ``dl``) given its ``<dd>`` items
    (:func:`_terms_with_values`): "Term: value; value", the ``<dd>`` items gone. A question
    and its answers stay items of their own, and values that end their sentences are
    joined by a space: a FAQ read "Who needs a permit?: Every boat ...", two answers
    "papers with you.; Applications open ..." (s38 acc-read F14)."""
    if term is None:
        return
    head = " ".join("".join(term.itertext()).split())
    if head.endswith(("?", "？", "!", "！")):
        return
    values = [v for item in items if (v := " ".join("".join(item.itertext()).split()))]
    for item in items:
        dl.remove(item)
    if not values:
        return
    # (a term that ends in its own mark is followed by a space: "Population:", a step's
    # number "1." over its text, which read "1.: Für die Creme ...")
    sep = " " if head.endswith((":", "：", ".", ")")) else ": "
    for child in list(term):
        term.remove(child)
    joint = " " if any(v.endswith(LINE_ENDS) for v in values[:-1]) else "; "
    term.text = head + sep + joint.join(values)


#: a cell boundary of trafilatura's table rows (a "|" in a cell's text is escaped: "\|")
_CELL_BAR = re.compile(r"(?<!\\)\|")


def _layout_rows(text: str) -> str:
    """trafilatura's text with the rows of layout tables read as text: a row of empty cells
    ("|  |  |  |", a page laid out by a table's spacer cells) goes, a row with one cell of
    text (a one-column table's too) is that text (the "\\|" of its cell unescaped), and a
    table's head separator ("|---|---|") that no longer follows a row goes with it. Rows
    with two cells of text or more (a table of data) are left as they are."""
    out: list[str] = []
    changed = False
    for line in text.split("\n"):
        row = line.strip()
        if len(row) < 2 or row[0] != "|" or row[-1] != "|":
            out.append(line)
            continue
        if not row.strip("|-: "):  # a head separator
            if out and out[-1].lstrip().startswith("|"):
                out.append(line)
            else:
                changed = True
            continue
        cells = [c.strip() for c in _CELL_BAR.split(row[1:-1])]
        full = [c for c in cells if c]
        if len(full) > 1:
            out.append(line)
            continue
        changed = True
        if full:
            out.append(full[0].replace("\\|", "|"))
    return "\n".join(out) if changed else text


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(BoilerplateStage)


#: A page whose kept text is under this share of its HTML, and made only of a few short
#: lines that are each a link's text, kept nothing of its own: a video page without its
#: article kept "View The Daily Telegraph / View The Herald Sun / ..." (kept_share 0.0004;
#: s29 acc-warcscale L1). On the dev pages (aeb, trafeval, htmldate: 1,088) only that page
#: meets it; the nearest real text, song lyrics, kept 0.0023 in lines of up to 50 characters.
_LINKS_SHARE = 0.002
_LINKS_LINES = 10
_LINK_CHARS = 40


def _post_text(text: str) -> tuple[str, dict[str, Any]]:
    """A post's text kept whole (its lines stripped, blank ones left out), and the
    annotations of that (method ``post``)."""
    lines = [line for line in (x.strip() for x in text.split("\n")) if line]
    kept = "\n".join(lines)
    return kept, {
        "method": "post",
        "kept_share": 1.0,
        "lines_in": len(lines),
        "lines_kept": len(lines),
    }


def _only_links(doc: Document, text: str, ann: dict[str, Any]) -> bool:
    """Whether the kept text of the HTML page ``doc`` is only navigation (see
    :data:`_LINKS_SHARE`): a no_content outcome, not a record."""
    if ann.get("kept_share", 1.0) >= _LINKS_SHARE:
        return False
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines or len(lines) > _LINKS_LINES or max(map(len, lines)) > _LINK_CHARS:
        return False
    tree = doc.work.get("html_tree")
    if tree is None:
        return False
    try:
        anchors = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    except Exception:  # (a tree that cannot be walked: decide nothing)
        return False
    return all(" ".join(ln.split()) in anchors for ln in lines)


#: A comment's delimiter left as a line of trafilatura's text (``-->`` after a comment the
#: page closed early, shown by browsers as it is), tried on the stripped line: with the
#: spaces around it in the pattern (``\s*...?\s*``) a line of n spaces and a letter was
#: split both ways n² times (0.8 s for 20,000 spaces; s35 acc-read #8)
_NO_LINE = re.compile(r"(?://\s*)?-->|<!--")


def _page_lines(text: str, tree: Any) -> str:
    """trafilatura's text of a page (``tree``) without its blank lines, and, but for the
    lines of its preformatted blocks (``<pre>``: code, a poem, a table of text), without
    comment delimiters and the spaces around its lines. trafilatura keeps the spaces of
    text nodes so that code keeps its indentation, and so it kept those of the page's
    source too: lines of 20 spaces and a date line indented by 37 (s34 acc-regress R6);
    browsers collapse them outside ``<pre>``. A stray ``-->`` was a line of its own (D4).
    The lines are told by the page's ``<pre>`` elements: a "<pre" anywhere in the source (a
    comment, a script) kept every line's spaces, and a code sample's ``<!--`` line was
    dropped (s35 acc-read #17, #3). (The tree is read only when a line has such spaces or
    is a delimiter.)"""
    lines = [line for line in text.split("\n") if line.strip()]
    if all(line == (s := line.strip()) and not _NO_LINE.fullmatch(s) for line in lines):
        return "\n".join(lines)
    pre = _pre_lines(tree)
    return "\n".join(
        line if s in pre else s
        for line in lines
        if (s := line.strip()) in pre or not _NO_LINE.fullmatch(s)
    )


def _pre_blocks(lines: list[str], tree: Any) -> dict[str, str]:
    """Each of a page's rendered ``lines`` (stripped) that is a line of a preformatted block
    of its ``tree`` (``<pre>``: code, a poem, a table of text), with its block's text (its
    run of such lines, joined)."""
    pre = _pre_lines(tree)
    blocks: dict[str, str] = {}
    if pre:
        for in_pre, group in groupby(lines, pre.__contains__):
            run = list(group)
            if in_pre and len(run) > 1:
                blocks.update(dict.fromkeys(run, "\n".join(run)))
    return blocks


def _one_line_blocks(lines: list[str], blocks: dict[str, str]) -> str:
    """A page's rendered ``lines`` as the line model reads a page (one blank line between
    them), each run of a preformatted block's lines (``blocks``, :func:`_pre_blocks`) on
    one line."""
    return "\n\n".join(
        out
        for in_pre, run in groupby(lines, blocks.__contains__)
        for out in ([" ".join(run)] if in_pre else run)
    )


def _headings(tree: Any) -> frozenset[str]:
    """The text of each heading (``<h1>`` to ``<h6>``) of a page's ``tree``."""
    return frozenset(h.text_content() for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6"))


def _pre_lines(tree: Any) -> frozenset[str]:
    """The lines, stripped, of the preformatted blocks of a page's ``tree``."""
    return frozenset(
        s for pre in tree.iter("pre") for ln in pre.text_content().split("\n") if (s := ln.strip())
    )


def _visible(text: str) -> bool:
    """Whether ``text`` shows anything: a character that is not white space, a control or
    an invisible format character (zero-width spaces and joiners, byte-order marks: a file
    of only those was kept as a record)."""
    return any(not ch.isspace() and unicodedata.category(ch)[0] not in "CZ" for ch in text)
