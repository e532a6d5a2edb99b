"""Code blocks and shell sessions of a plain text (a browser copy, a w3m or lynx dump).

A markdown text marks its code (fences, indentation: :mod:`.reflow` makes them units); a
rendered page's text has no mark left, and its code reads to the line model as chrome: short
lines without a sentence's shape, holding the lexicon's chrome words ("app" in ``pg_dump
app``, "help" in a Makefile, "print" in a script). A post's shell session was removed and the
article was cut after it (s51 acc-blogs B1). Here a block of lines (between blank lines) is
code by its shape: a shell or REPL prompt opening it (the session's output lines follow), or
lines that each carry two or more marks of code (operators, brackets, flags, calls,
``snake_case`` names, ``KEY=value``, a line ending in ``{`` or ``;``) and no sentence."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from corearchive import lazyre as re

if TYPE_CHECKING:
    import numpy as np

#: a shell or REPL prompt opening a line ("$ make help", ">>> import re", "PS> dir")
_PROMPT = re.compile(r"^(?:\$|>>>|PS(?: [A-Z]:\\[^>]*)?>|[A-Z]:\\[^>\s]*>)\s+\S")

#: the first character of a command after a prompt ("make", "./run", "~/bin/x", "_")
_COMMAND_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz./~_")

#: an INI file's section line ("[server]"); w3m writes an image's alt text the same way
#: ("[Chevron]", "[logo]"), so such lines are code only in a block with other code
_SECTION = r"^\s*\[[\w.:-][\w. :-]*\]$"
_SECTION_LINE = re.compile(_SECTION)

#: marks of code with their weights, each counted once per line (indentation is none: a
#: dump indents its lists and lynx all its prose)
_MARKS = tuple(
    (re.compile(p), w)
    for p, w in (
        (r"[{};\\(\[]$|^\s*[})\]]", 1),  # a line ending a statement or opening/closing a block
        (r"\w\(", 1),  # a call: a name right before "("
        (r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", 1),  # snake_case
        (r":=|==|!=|->|=>|::|&&|\|\||<-|\+=|\s\|\s", 1),  # operators
        (r"(?:^|\s)--?[a-zA-Z][\w-]*", 1),  # a command's flags
        (r"^\s*\.?[A-Za-z_][\w.-]*\s*[:+]?=\s*\S|\w=\S", 1),  # an assignment
        (r"^[A-Za-z_][\w.-]*=\S+$", 1),  # a configuration line, KEY=value alone (+1)
        (r"\$[A-Za-z_*@<^]", 1),  # shell variables
        (r"\$[({]|%[-\w]*[sd]\b", 1),  # a shell's substitution, a format string
        (_SECTION, 2),  # an INI file's [section]
        (r"^\s*\.[A-Z]+\b|^\s*@[a-z]+|^#(?:include|define|if|!)", 1),  # .PHONY, decorators
        (r"^(?:CREATE|SELECT|INSERT|UPDATE|DELETE|ALTER|DROP|GRANT|WITH)\s+[A-Z]", 1),  # SQL
        (r"^\s*(?:def|fn|func|let|const|var|import|return|class|pub|use|package)\s+\w", 1),
        (r"^\s*(?:for|if|elif|else|while|try|except|finally|with|match|case)\b.*:$", 1),
    )
)

_URL = re.compile(r"\S+://\S+")

#: a line of prose: a sentence end after enough words
_SENTENCE = re.compile(r"[.!?…。！？।؟]['\")”」』）]?$")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: a character of a script written without spaces between words (Chinese, Japanese, Thai):
#: a sentence of theirs is one or two :data:`_WORD` runs
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]")
#: the fewest such characters of a sentence (five words' worth)
_WIDE_SENTENCE = 10

#: a code block's toolbar button ("Copy", "Copy code", lynx's "(BUTTON) Copy")
_COPY = re.compile(
    r"^(?:\(BUTTON\)\s*)?(?:copy(?: code| to clipboard)?|copied!?|kopieren|code kopieren|"
    r"copier(?: le code)?|copiar(?: código)?|copia(?: codice)?|kopiëren|kopiuj|копировать)$",
    re.IGNORECASE,
)

#: a sign a code block has (a block without one, a menu's, is not looked at further)
_HINT = re.compile(r"[$(=;{\[>\\]|::|->")

#: the longest block looked at as code (a whole page without blank lines is no block)
_MAX_BLOCK = 80


def copy_button(line: str) -> bool:
    """Whether ``line`` (stripped) is a code block's copy button, in a few languages."""
    return len(line) <= 24 and _COPY.match(line) is not None


@lru_cache(maxsize=4096)
def code_marks(line: str) -> int:
    """The weight of the distinct marks of code ``line`` (as written) carries (a URL's
    "?a=b&c_d" are no marks: a link's line is none)."""
    if "://" in line:
        line = _URL.sub("URL", line)
    return sum(w for m, w in _MARKS if m.search(line))


def _sentence(line: str) -> bool:
    """Prose: a sentence end after five words or more (a shell's output line is none), or
    after :data:`_WIDE_SENTENCE` characters of a script without spaces (a Chinese tech
    post's paragraph naming two commands was a code block; s52 acc-read F14)."""
    s = line.strip()
    return _SENTENCE.search(s) is not None and (
        len(_WORD.findall(s)) >= 5 or len(_WIDE.findall(s)) >= _WIDE_SENTENCE
    )


def prompt_line(line: str) -> bool:
    """Whether ``line`` opens with a shell or REPL prompt, a command after it (a name in
    lower case, a path, or a mark of code): a teaser's ">>> Neue Rot-Weiß Karte …" is a
    link's arrows, "$ 5 million" a sum."""
    s = line.strip()
    m = _PROMPT.match(s)
    if m is None:
        return False
    rest = s[m.end() - 1 :]
    return rest[:1] in _COMMAND_FIRST or code_marks(rest) >= 1


#: six plain words in a row: a sentence's run (a page's PHP warning "should not be called
#: statically in ..."), which a line of code hardly has
_PROSE_RUN = re.compile(r"(?:\b[^\W\d_]+ ){5}[^\W\d_]+\b")


def _code_line(line: str) -> bool:
    """A line of code: a prompt's, or two marks of code or more in a line that is no
    sentence, no run of plain words and no message of a dozen words."""
    return prompt_line(line) or (
        code_marks(line) >= 2
        and not _sentence(line)
        and _PROSE_RUN.search(line) is None
        and len(_WORD.findall(line)) < 12  # (a message's words: "Strict Standards: ...")
    )


def block_is_code(block: list[str]) -> bool:
    """Whether a block of non-blank lines (as written) is code: opened by a prompt (a
    session: its output follows), or most of its lines code-like and none a sentence with
    fewer than two marks."""
    if not block or len(block) > _MAX_BLOCK:
        return False
    if prompt_line(block[0]):
        return True
    # (most blocks are prose: half of their lines with six plain words in a row, a test in
    # one search a line, before the marks' dozen; ~4 ms a page of 400 lines without it)
    # (the search stops at the half-th such line: a prose block is not searched to its end)
    half = (len(block) + 1) // 2
    if next(islice(filter(_PROSE_RUN.search, block), half - 1, None), None) is not None:
        return False
    if any(_sentence(s) and code_marks(s) < 2 for s in block):
        return False
    # a line indented under a less indented one needs one mark ("try:" under "def f():");
    # a line without a letter ("}", "...") is no vote
    least = min(len(s) - len(s.lstrip()) for s in block)
    votes = [s for s in block if _WORD.search(s)]
    code_lines = [
        _code_line(s) or (len(s) - len(s.lstrip()) > least and code_marks(s) >= 1) for s in votes
    ]
    sections = [_SECTION_LINE.match(s) is not None for s in votes]
    if any(sections) and not any(c and not x for c, x in zip(code_lines, sections, strict=True)):
        # (section lines alone are no INI file: a run of w3m's image placeholders,
        # "[Chevron]" four times, was a code block; s52 regress R9)
        return False
    code = sum(code_lines)
    if len(block) == 1:
        return code == 1
    return 2 * code > len(votes) > 0


def _lead_in(lines: list[str], i: int) -> bool:
    """Whether the block before line ``i`` (past a copy button) ends in ":", a lead-in."""
    j = i - 1
    while j >= 0 and (not lines[j].strip() or copy_button(lines[j].strip())):
        j -= 1
    return j >= 0 and lines[j].rstrip().endswith(":")


def _code_block(lines: list[str], a: int, b: int) -> bool:
    """Whether lines ``a`` to ``b`` of ``lines`` (a block) are code. A line alone is code
    opened by a prompt, after a lead-in ("... subscribe:") or with many marks: one line of
    a page's error message or a link is none. A text that is one block is no code block."""
    return (
        a < b
        and (a, b) != (0, len(lines))
        and block_is_code(lines[a:b])
        and (b - a > 1 or prompt_line(lines[a]) or code_marks(lines[a]) >= 3 or _lead_in(lines, a))
    )


def code_spans(lines: list[str]) -> list[tuple[int, int]]:
    """The code blocks of ``lines`` (a text's lines, blank lines between blocks) as spans
    ``(first, end)`` of line indices. A copy button opening a block ("(BUTTON) Copy" of a
    lynx dump) is left out of it. A text that is one block is no code block of a page."""
    spans: list[tuple[int, int]] = []
    for i, j in blocks(lines):
        a = i + 1 if copy_button(lines[i].strip()) else i
        if _HINT.search("\n".join(lines[a:j])) and _code_block(lines, a, j):
            spans.append((a, j))
    return spans


def blocks(lines: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The blocks of ``lines`` (runs of non-blank lines between blank ones), in order, as
    spans ``(first, end)`` of line indices."""
    n = len(lines)
    i = 0
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < n and lines[j].strip():
            j += 1
        yield i, j
        i = j


def block_at(lines: list[str], i: int) -> tuple[int, int]:
    """The span of the block (non-blank lines between blank ones) holding line ``i``.
    (At most :data:`_MAX_BLOCK` lines each way: a longer block is no code block.)"""
    a = i
    while a > 0 and lines[a - 1].strip() and i - a <= _MAX_BLOCK:
        a -= 1
    b = i + 1
    while b < len(lines) and lines[b].strip() and b - i <= _MAX_BLOCK:
        b += 1
    return a, b


def uncue_code(
    cue: np.ndarray, docs: list[list[str]], idxs: list[list[int]], rb: np.ndarray
) -> None:
    """Set to 0 (in place) the cue count of each row of ``cue`` that is a line of a code
    block: a chrome word inside code ("app" in ``pg_dump app``, ``SUBSCRIPTION`` in SQL,
    "help" in a Makefile) is no page's button, and read as one it ended the article at the
    block (s51 acc-blogs B1). ``docs`` are the documents' lines, ``idxs`` the line of each
    row of a document, ``rb`` the documents' first rows (as the line model's features have
    them). Only the blocks holding a cued row are looked at."""
    import numpy as np

    rows = np.flatnonzero(cue).tolist()
    if not rows:
        return
    docs_of = np.searchsorted(rb, rows, side="right") - 1
    # (the rows come in order, so a row in the block of the row before it shares its verdict:
    # the block is walked and judged once, not once per cued row. A block's span from
    # block_at is the same from each of its lines, or, cut at _MAX_BLOCK, no code block from
    # any of them; the verdict is the block's first cued row's, as it was when kept by span)
    last_k, last_b, code = -1, -1, False
    for r, k in zip(rows, docs_of.tolist(), strict=True):
        lines = docs[k]
        i = idxs[k][r - int(rb[k])]
        if k != last_k or i >= last_b:
            a, last_b = block_at(lines, i)
            last_k = k
            if copy_button(lines[a].strip()):
                a += 1
            code = (
                a <= i
                and _HINT.search("\n".join(lines[a:last_b])) is not None
                and _code_block(lines, a, last_b)
            )
        if code:
            cue[r] = 0
