"""The ``boilerplate`` stage: keep the main content, remove menus, share bars, related links.

Plain text is cleaned line by line by a text-native scorer (sentence shape, length,
punctuation, list-likeness, repetition and the neighbouring lines). HTML goes through
trafilatura, bounded in size and time so that one pathological page cannot hang a run.
Every decision is recorded under ``annotations.boilerplate``; a document left with no
content is dropped with reason ``no_content``.
"""

from __future__ import annotations

import re
import signal
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from corearchive import Document, Drop, Stage, hookimpl, option

#: Short lines that are page furniture in many languages (whole-line matches, case-folded).
_FURNITURE = re.compile(
    r"^(share|share this|share this article|share on \w+|tweet|email|print|advertisement|"
    r"advertising|sponsored|read more|more|related|related articles|see also|comments?|"
    r"leave a comment|listen live|get short url|subscribe|sign up|log in|login|sign in|menu|"
    r"home|search|close|next|previous|back to top|cookies?|accept|you may also like|"
    r"anzeige|werbung|teilen|publicité|partager|publicidad|compartir|pubblicità|condividi|"
    r"реклама|поделиться)\W*$",
    re.I,
)
_BOILER_PHRASE = re.compile(
    r"(all rights reserved|©|\(c\) \d{4}|cookie|privacy policy|terms of (use|service)|"
    r"sign up for|subscribe to|newsletter|follow us|click here|community standards|"
    r"on youtube|on facebook|on twitter)",
    re.I,
)
_END_PUNCT = tuple(".!?…:;\"'”’»)]。！？")


def _words(line: str) -> int:
    n = len(line.split())
    # Scripts written without spaces: count about two characters as a word.
    wide = sum(1 for ch in line if unicodedata.east_asian_width(ch) in "WF")
    return max(n, wide // 2)


@dataclass(frozen=True, slots=True)
class LineScore:
    index: int
    score: float
    reason: str


def score_lines(lines: list[str]) -> list[LineScore]:
    """Score every non-empty line in 0..1 (1 = main content), with the main reason."""
    norm = [" ".join(ln.split()).casefold() for ln in lines]
    counts = Counter(n for n in norm if n)
    own: list[tuple[float, str]] = []
    for ln, key in zip(lines, norm, strict=True):
        text = ln.strip()
        if not text:
            own.append((0.0, "empty"))
            continue
        words = _words(text)
        ends = text.endswith(_END_PUNCT)
        commas = text.count(",")
        if counts[key] > 1:
            own.append((0.05, "repeated"))
        elif _FURNITURE.match(text):
            own.append((0.0, "furniture"))
        elif _BOILER_PHRASE.search(text) and words < 25:
            own.append((0.1, "boilerplate phrase"))
        elif (
            words >= 3
            and commas >= 3
            and not ends
            and text.count(". ") == 0
            and max(len(p.split()) for p in text.split(",")) <= 4
        ):
            own.append((0.1, "list"))
        elif words >= 20:
            own.append((0.95 if ends else 0.7, "long"))
        elif words >= 10:
            own.append((0.8 if ends else 0.35, "medium"))
        elif words >= 5:
            own.append((0.55 if ends else 0.15, "short"))
        else:
            own.append((0.05, "very short"))
    out: list[LineScore] = []
    content = [i for i, ln in enumerate(lines) if ln.strip()]
    for pos, i in enumerate(content):
        score, reason = own[i]
        prev_s = own[content[pos - 1]][0] if pos > 0 else 0.0
        next_s = own[content[pos + 1]][0] if pos + 1 < len(content) else 0.0
        if reason in ("short", "medium"):
            # A middling line between two article lines is usually article (a short paragraph).
            score = 0.6 * score + 0.2 * (prev_s + next_s)
        out.append(LineScore(i, round(score, 4), reason))
    return out


class _Timeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`_Timeout` after ``seconds`` (main thread only; elsewhere no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: Any) -> None:
        raise _Timeout()

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass(frozen=True)
class BoilerplateOptions:
    threshold: float = option(
        0.5,
        "Keep a line scoring at least this (higher: more precision, less recall).",
        minimum=0,
        maximum=1,
    )
    keep_removed: bool = option(
        False, "Record the text of removed lines under annotations.boilerplate.removed."
    )
    html_max_bytes: int = option(
        5_000_000, "HTML larger than this is cut to this size before extraction.", minimum=1024
    )
    html_timeout: float = option(
        10.0, "Seconds allowed for extracting one HTML page (0: no limit).", minimum=0
    )


_REMOVED = {
    "type": "object",
    "required": ["line", "reason"],
    "properties": {
        "line": {"type": "integer", "minimum": 0},
        "reason": {"type": "string"},
        "score": {"type": "number"},
        "text": {"type": "string"},
    },
}


class BoilerplateStage(Stage):
    """Remove page furniture from plain text and HTML."""

    name = "boilerplate"
    Options = BoilerplateOptions
    annotations_schema = {
        "type": "object",
        "required": ["method", "kept_share"],
        "additionalProperties": False,
        "properties": {
            "method": {
                "enum": ["lines", "trafilatura", "trafilatura-fallback", "lines-fallback"],
                "description": "How the content was found.",
            },
            "kept_share": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "Share of the input characters kept.",
            },
            "lines_in": {"type": "integer", "minimum": 0},
            "lines_kept": {"type": "integer", "minimum": 0},
            "removed": {"type": "array", "items": _REMOVED},
        },
    }

    options: BoilerplateOptions

    def process(self, doc: Document) -> Document | Drop:
        if doc.is_html:
            text, ann = self._html(doc.text)
        else:
            text, ann = self._text(doc.text)
        if not text.strip():
            return Drop("no_content", {"method": ann["method"], "chars_in": len(doc.text)})
        doc.text = text
        doc.is_html = False
        doc.annotations[self.name] = ann
        return doc

    def _text(self, text: str) -> tuple[str, dict[str, Any]]:
        lines = text.splitlines()
        scores = score_lines(lines)
        kept, removed = [], []
        for s in scores:
            if s.score >= self.options.threshold:
                kept.append(lines[s.index].strip())
            else:
                entry: dict[str, Any] = {"line": s.index, "reason": s.reason, "score": s.score}
                if self.options.keep_removed:
                    entry["text"] = lines[s.index].strip()
                removed.append(entry)
        out = "\n".join(kept)
        total = sum(len(ln.strip()) for ln in lines) or 1
        return out, {
            "method": "lines",
            "kept_share": round(min(sum(len(k) for k in kept) / total, 1.0), 4),
            "lines_in": len(scores),
            "lines_kept": len(kept),
            "removed": removed,
        }

    def _html(self, html: str) -> tuple[str, dict[str, Any]]:
        import trafilatura

        if len(html) > self.options.html_max_bytes:
            html = html[: self.options.html_max_bytes]
        method = "trafilatura"
        try:
            with _time_limit(self.options.html_timeout):
                text = (
                    trafilatura.extract(
                        html,
                        include_comments=False,
                        include_tables=True,
                        favor_precision=True,
                        deduplicate=False,
                    )
                    or ""
                )
                if not text.strip():
                    method = "trafilatura-fallback"
                    text = trafilatura.extract(html, favor_recall=True) or ""
        except _Timeout:
            text, method = "", "trafilatura"
            raise TimeoutError(
                f"HTML extraction took over {self.options.html_timeout:g} s"
            ) from None
        if not text.strip():
            # Last resort: the page's visible text, cleaned as plain text.
            from trafilatura import html2txt

            plain, ann = self._text(html2txt(html) or "")
            ann["method"] = "lines-fallback"
            return plain, ann
        return text, {
            "method": method,
            "kept_share": round(min(len(text) / max(len(html), 1), 1.0), 4),
        }


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(BoilerplateStage)
