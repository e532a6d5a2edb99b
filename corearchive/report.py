"""The run report: counts, the rejects file, and the end-of-run summary.

Every document read ends in exactly one of: a record (kept), a rejects entry with a reason
(dropped), or a rejects entry with an error (failed). Inputs that cannot be read at all, or
in part, get an error entry too. The counts in ``run.json`` add up:
``documents == kept + dropped + failed``.
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import orjson

from corearchive import lazyre as re

from .atomic import AtomicFile
from .document import CONTROLS, Document, Drop, printable, source_path
from .errors import ExitCode

_ORJSON_OPTS = orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS


def _has_line_breaks(line: bytes) -> bool:
    """Whether the UTF-8 ``line`` holds U+2028, U+2029 or U+0085.

    Each is first looked for by its last byte alone, which ``in`` finds by ``memchr`` (a
    fraction of a microsecond on a record of 8 KB); the three-byte search behind it steps
    through the bytes and took 16 µs a corpus record for the three, two thirds of a record's
    encoding, though almost no record holds one. The last bytes are continuation bytes of
    other characters too (é is C3 A9), so the full search still decides where one is found.
    """
    return (
        (b"\xa8" in line and b"\xe2\x80\xa8" in line)
        or (b"\xa9" in line and b"\xe2\x80\xa9" in line)
        or (b"\x85" in line and b"\xc2\x85" in line)
    )


def dumps(obj: Any) -> bytes:
    """One JSON line (UTF-8, no ASCII escaping, compact; the line and paragraph separators
    U+2028 and U+2029 and the next-line control U+0085 escaped).

    orjson: about ten times faster than the standard library on records; the standard
    library takes what orjson refuses (integers beyond 64 bits, say)."""
    try:
        line = orjson.dumps(obj, option=_ORJSON_OPTS)
    except TypeError:
        line = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
    if _has_line_breaks(line):
        # (valid JSON raw, but line breaks to str.splitlines() and to JavaScript before ES2019:
        # a record with one in its text read as three lines; s27 fidelity tester. The bytes
        # are characters of strings only, never of the JSON's structure)
        line = (
            line.replace(b"\xe2\x80\xa8", b"\\u2028")
            .replace(b"\xe2\x80\xa9", b"\\u2029")
            .replace(b"\xc2\x85", b"\\u0085")
        )
    return line


#: Texts shorter than this are split (:func:`count_words`): numpy's few calls cost more
_SPLIT_BELOW = 512


def count_words(text: str) -> int:
    """The words of ``text``: its runs of characters between white space (or CJK
    punctuation), where each character of a script written without spaces between words
    (Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tibetan: :data:`_UNSPACED`) is a word
    of its own, as dedup's shingles read such text (not to the count: dedup makes a word
    of each CJK punctuation mark as well, and leaves Tibetan joined; a report counts
    words, dedup's shingles need only be stable; s46 acc-read F14). A Japanese text of 676
    characters counted 10 "words" by its spaces (s45 acc-wire W12); a text of other
    scripts is ``len(text.split())``.

    Counted over the text's code points (:func:`_kinds`), without the word objects: where a
    word's character follows one that is not (or starts the text), and each character of
    those scripts. ``split`` made ~650 of them a corpus document, 20 µs of the run's own
    per-document work (this took 5 without the scripts' kinds)."""
    if len(text) < _SPLIT_BELOW and (text.isascii() or not _UNSPACED_ANY.search(text)):
        return len(text.split())
    import numpy as np

    # (the code points through numpy's str conversion, as the boilerplate stage's features;
    # beyond U+FFFF, where no character is white space, as U+FFFF, which is none either;
    # the ideographs beyond it, of the supplementary planes, are counted as such)
    wide = np.array(text).reshape(1).view(np.uint32)[: len(text)]
    points = np.minimum(wide, 0xFFFF)
    # a character's kind: 0 white space (or CJK punctuation), 1 of a word, 2 a word alone
    # (unspaced scripts)
    kind = _kinds().take(points)
    # (CJK ideographs of the supplementary planes, U+20000-U+3FFFF, as _UNSPACED_ANY's; not
    # the tags of a flag emoji or private use beyond them)
    kind[(wide >= 0x20000) & (wide <= 0x3FFFF)] = 2
    word = kind == 1
    starts = np.count_nonzero(word[1:] & ~word[:-1]) + bool(word[0])
    return int(starts + np.count_nonzero(kind == 2))


#: The code point ranges of the scripts written without spaces between words (CJK
#: ideographs and their extensions, kana, Thai, Lao, Tibetan, Myanmar, Khmer)
_UNSPACED = (
    (0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF),
    (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF66, 0xFF9D),
)  # fmt: skip
_UNSPACED_ANY = re.compile(
    "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in (*_UNSPACED, (0x20000, 0x3FFFF))) + "]"
)
#: The CJK punctuation ("、", "。", "「」"): between words, none of its own
_CJK_PUNCTUATION = (0x3000, 0x303F)


@functools.lru_cache(maxsize=1)
def _kinds() -> Any:
    """A kind per code point of the BMP (:func:`count_words`): 0 white space or CJK
    punctuation, 1 a word's character, 2 a character of a script written without spaces
    (:data:`_UNSPACED`)."""
    import numpy as np

    table = np.where(_white_space(), 0, 1).astype(np.uint8)
    for a, b in _UNSPACED:
        table[a : b + 1] = 2
    table[_CJK_PUNCTUATION[0] : _CJK_PUNCTUATION[1] + 1] = 0
    return table


def _white_space() -> Any:
    """A boolean per code point of the BMP: whether it is white space to ``str.split``."""
    import numpy as np

    table = np.zeros(65536, bool)
    table[[i for i in range(65536) if chr(i).isspace()]] = True
    return table


#: The report's count (under ``skipped``) of inputs that name a file the run reads under
#: another name
REPEATED_INPUT = "files named again (a link, another spelling)"


#: The prefix of a source's count (``InputItem.counts``) of something read and worth
#: knowing, not skipped: reported under ``noted`` (e.g. WARC records whose digests fail).
NOTED = "noted: "
#: The language of a kept document without one (no language stage in the run)
NO_LANGUAGE = "none"
#: The noted counts of the kept documents by their ``duplicate.status``: the revisions
#: kept, changed texts at an address archived before (a rejects entry of reason revision if
#: dropped), and the duplicates kept (``dedup.policy = "keep"``: the run said "kept 54" and
#: nothing of the 52 exact or near copies among them; s40 acc-synd #10)
KEPT_BY_STATUS = {
    "revision": "revisions kept (changed text at an address seen before)",
    "exact": "exact duplicates kept (duplicate.status exact)",
    "near": "near duplicates kept (duplicate.status near)",
}
#: Kept documents that resemble a taken-down one (annotations.dedup.taken_down)
TAKEDOWN_FLAGGED = "kept, flagged as like a taken-down document (annotations.dedup.taken_down)"
#: The noted counts of the boilerplate stage's site template (option ``site_template``):
#: the lines removed as the site's template (annotations.boilerplate.template of the kept
#: documents, detail.site_template_lines of the dropped ones), and the documents dropped as
#: no_content with such lines removed (s33 site-crawl acceptance test F12: the run said
#: nothing of them, and those drops looked like the line model's)
TEMPLATE_LINES = "lines removed as their site's template (boilerplate.site_template)"
TEMPLATE_EMPTIED = "dropped as no_content with lines removed as their site's template"
#: Kept documents whose text a paywall cut short (annotations.boilerplate.paywall): a
#: truncated record says so, and the run said nothing of how many (s44 acc-genres G19)
PAYWALL_CUT = "kept, cut short by a paywall (annotations.boilerplate.paywall)"
#: Kept documents that failed a quality rule under ``action = "flag"``, by the first rule
#: failed (annotations.quality.failed); a drop's reason is the rule too
QUALITY_FLAGGED = "kept, flagged by quality: {} (annotations.quality.failed)"


@dataclass
class RunReport:
    """Counts of one run, by outcome, stage and reason."""

    run_id: str
    inputs: int = 0
    documents: int = 0
    kept: int = 0
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    input_errors: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    #: Input files not read: unchanged since a committed run read them whole (see
    #: :mod:`corearchive.unchanged`; counted in ``inputs`` too).
    unchanged_inputs: int = 0
    #: The inputs with an error entry (their paths as ``source.path`` has them): not
    #: recorded as read whole, so read again by the next run.
    inputs_with_errors: set[str] = field(default_factory=set)
    #: The inputs whose error entries all said their bytes are damaged (a truncated record,
    #: a malformed line: :attr:`corearchive.source.Failure.lasting`): recorded as read, with
    #: the damage (see :mod:`corearchive.unchanged`), so not read again while unchanged.
    inputs_damaged: set[str] = field(default_factory=set)
    #: Of :attr:`unchanged_inputs`, those recorded with damage (their error entries are in
    #: the rejects.jsonl of the run that read them)
    unchanged_damaged: int = 0
    #: The runs that archived the documents dropped as ``already_archived``: how many each
    #: (an earlier run with other settings decided them, not this run's: said at the end)
    archived_by: Counter[str] = field(default_factory=Counter)
    #: Inputs read whole but not recorded as such, by why (for the summary, not the
    #: manifest: see :mod:`corearchive.unchanged`)
    not_recorded: Counter[str] = field(default_factory=Counter)
    #: The runs that recorded the unchanged inputs (not read): how many each
    unchanged_by: Counter[str] = field(default_factory=Counter)
    #: The kept documents' volume by language (``und`` when none was told; ``none``
    #: without a language stage): documents, characters and words (:func:`count_words`) of text
    kept_docs: Counter[str] = field(default_factory=Counter)
    kept_chars: Counter[str] = field(default_factory=Counter)
    kept_words: Counter[str] = field(default_factory=Counter)
    #: The dropped documents that had a language when dropped: (stage, reason, language)
    dropped_languages: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def count_kept(self, doc: Document) -> None:
        """A kept document counted: the run's total and its language's volume."""
        self.kept += 1
        code = doc.language.code if doc.language is not None else NO_LANGUAGE
        self.kept_docs[code] += 1
        self.kept_chars[code] += len(doc.text)
        self.kept_words[code] += count_words(doc.text)

    def data_card(self) -> dict[str, Any]:
        """The manifest's ``data``: what the run kept by language (documents, characters,
        words) and its drops by the language the document had (s30 corpus tester F5)."""
        langs = sorted(self.kept_docs, key=lambda c: (-self.kept_chars[c], c))
        dropped: dict[str, dict[str, dict[str, int]]] = {}
        for (stage, reason, code), n in sorted(self.dropped_languages.items()):
            dropped.setdefault(stage, {}).setdefault(reason, {})[code] = n
        return {
            "kept_chars": sum(self.kept_chars.values()),
            "kept_words": sum(self.kept_words.values()),
            "kept_by_language": {
                c: {
                    "documents": self.kept_docs[c],
                    "chars": self.kept_chars[c],
                    "words": self.kept_words[c],
                }
                for c in langs
            },
            "dropped_by_language": dropped,
        }

    def add_data(self, data: dict[str, Any]) -> None:
        """Add a manifest's ``data`` (:meth:`data_card`) to this report's."""
        for code, v in data.get("kept_by_language", {}).items():
            self.kept_docs[code] += v["documents"]
            self.kept_chars[code] += v["chars"]
            self.kept_words[code] += v["words"]
        for stage, reasons in data.get("dropped_by_language", {}).items():
            for reason, codes in reasons.items():
                for code, n in codes.items():
                    self.dropped_languages[(stage, reason, code)] += n

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())

    @property
    def failed_total(self) -> int:
        return sum(self.failed.values())

    @property
    def ok(self) -> bool:
        """True when nothing failed (drops are outcomes, not failures)."""
        return self.failed_total == 0 and self.input_errors == 0

    @property
    def exit_code(self) -> ExitCode:
        """The command's exit status for this report: :attr:`ExitCode.NOTHING_READ` when
        inputs failed and no document was read (and no input was unchanged since an
        earlier run: not every input failed then), else ``OK`` or ``PARTIAL``."""
        if self.ok:
            return ExitCode.OK
        if self.documents == 0 and self.input_errors > 0 and self.unchanged_inputs == 0:
            return ExitCode.NOTHING_READ
        return ExitCode.PARTIAL

    def counts_json(self) -> dict[str, Any]:
        by_stage: dict[str, dict[str, int]] = {}
        for (stage, reason), n in sorted(self.dropped.items()):
            by_stage.setdefault(stage, {})[reason] = n
        return {
            "inputs": self.inputs,
            "unchanged_inputs": self.unchanged_inputs,
            "unchanged_damaged_inputs": self.unchanged_damaged,
            "input_errors": self.input_errors,
            "documents": self.documents,
            "kept": self.kept,
            "dropped": self.dropped_total,
            "failed": self.failed_total,
            "dropped_by_stage": by_stage,
            "failed_by_stage": dict(sorted(self.failed.items())),
            "formats": dict(sorted(self.formats.items())),
            "skipped": dict(self._counted(noted=False)),
            "noted": dict(self._counted(noted=True)),
            "data": self.data_card(),
        }

    def _counted(self, noted: bool) -> list[tuple[str, int]]:
        """The sources' counts, sorted: what was skipped, or what was read and noted (the
        :data:`NOTED` ones, without the prefix)."""
        return [
            (k.removeprefix(NOTED), n)
            for k, n in sorted(self.skipped.items())
            if k.startswith(NOTED) == noted
        ]

    @classmethod
    def from_counts(cls, run_id: str, counts: dict[str, Any]) -> RunReport:
        """The report of a run from its manifest's ``counts`` (:meth:`counts_json`)."""
        report = cls(
            run_id=run_id,
            inputs=counts["inputs"],
            documents=counts["documents"],
            kept=counts["kept"],
            input_errors=counts["input_errors"],
            unchanged_inputs=counts.get("unchanged_inputs", 0),
            unchanged_damaged=counts.get("unchanged_damaged_inputs", 0),
        )
        for stage, reasons in counts["dropped_by_stage"].items():
            for reason, n in reasons.items():
                report.dropped[(stage, reason)] = n
        report.failed.update(counts["failed_by_stage"])
        report.formats.update(counts["formats"])
        report.skipped.update(counts.get("skipped", {}))
        report.skipped.update({NOTED + k: n for k, n in counts.get("noted", {}).items()})
        report.add_data(counts.get("data", {}))
        return report

    def summary(self) -> str:
        """A short table for the end of a run."""
        # (counts with thousands separators, as the progress line has them: "1,024")
        rows: list[tuple[str, str]] = [("inputs", f"{self.inputs:,}")]
        if self.unchanged_inputs:
            rows.append(
                (
                    "unchanged inputs",
                    f"{self.unchanged_inputs:,} (unchanged since an earlier run read them whole:"
                    " not read; --rescan reads them again)",
                )
            )
        if self.unchanged_damaged:
            rows.append(
                (
                    "unchanged inputs with damage",
                    f"{self.unchanged_damaged:,} skipped (their error entries are in the"
                    " rejects.jsonl of the run that read them; --rescan reads them again)",
                )
            )
        rows += [("documents", f"{self.documents:,}"), ("kept", f"{self.kept:,}")]
        for (stage, reason), n in sorted(self.dropped.items()):
            rows.append((f"dropped  {stage}: {reason}", f"{n:,}"))
        for stage, n in sorted(self.failed.items()):
            rows.append((f"failed   {stage}", f"{n:,}"))
        if self.input_errors:
            rows.append(("input errors", f"{self.input_errors:,}"))
        rows += [(f"skipped  {what}", f"{n:,}") for what, n in self._counted(noted=False)]
        rows += [(f"noted    {what}", f"{n:,}") for what, n in self._counted(noted=True)]
        rows += [(f"noted    {what}", f"{n:,}") for what, n in sorted(self.not_recorded.items())]
        rate = self.documents / self.seconds if self.seconds > 0 else 0.0
        rows.append(("time", f"{self.seconds:.2f} s ({rate:,.0f} docs/s)"))
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"  {k.ljust(width)}  {v}" for k, v in rows)


def shown(line: str) -> str:
    """``line`` fit for a terminal: its control characters as escapes (``\\x1b``), a line
    break too (one entry, one line). A file
    name holding an escape sequence reached the terminal raw in the error lines (it could
    move the cursor, retitle the window, hide the line)."""
    return CONTROLS.sub(lambda m: f"\\x{ord(m[0]):02x}", line)


class RunReporter:
    """Receives drops and failures from stages and inputs; writes ``rejects.jsonl``.

    ``on_dropped`` / ``on_failed`` fan the events out (plugin hooks, sinks).
    """

    def __init__(
        self,
        report: RunReport,
        rejects_path: Path,
        *,
        on_dropped: Callable[[Document, str, Drop], None],
        on_failed: Callable[[Document | None, dict[str, Any], str, str], None],
        err: TextIO | None = None,
    ) -> None:
        self.report = report
        self.rejects = AtomicFile(rejects_path, report.run_id, keep_existing=True, lines=True)
        self._on_dropped = on_dropped
        self._on_failed = on_failed
        self.err = err if err is not None else sys.stderr

    def dropped(self, document: Document, stage: str, drop: Drop) -> None:
        self.report.dropped[(stage, drop.reason)] += 1
        if document.language is not None:
            self.report.dropped_languages[(stage, drop.reason, document.language.code)] += 1
        if drop.reason == "already_archived" and isinstance(drop.detail, dict):
            self.report.archived_by[str(drop.detail.get("run_id"))] += 1
        template = drop.detail.get("site_template_lines") if isinstance(drop.detail, dict) else 0
        if template:
            self.report.skipped[NOTED + TEMPLATE_LINES] += template
            self.report.skipped[NOTED + TEMPLATE_EMPTIED] += 1
        entry: dict[str, Any] = {
            "kind": "dropped",
            "run_id": self.report.run_id,
            "id": document.id,
            "stage": stage,
            "reason": drop.reason,
            "detail": drop.detail,
            "source": document.source.to_json(),
        }
        if document.duplicate.status not in ("unique", "unchecked"):
            entry["duplicate"] = document.duplicate.to_json()
        self.rejects.write(dumps(entry))
        self._on_dropped(document, stage, drop)

    def failed(self, document: Document, stage: str, error: str) -> None:
        self.report.failed[stage] += 1
        self.report.inputs_with_errors.add(document.source.path or "")
        source = document.source.to_json()
        self.rejects.write(
            dumps(
                {
                    "kind": "error",
                    "run_id": self.report.run_id,
                    "id": document.id,
                    "stage": stage,
                    "error": error,
                    "source": source,
                }
            )
        )
        print(
            shown(f"error: {document.source.path or document.source.uri}: {stage}: {error}"),
            file=self.err,
        )
        self._on_failed(document, source, stage, error)

    def input_failed(
        self, path: str, uri: str, error: str, where: str | None = None, lasting: bool = False
    ) -> None:
        """An input (or a part of it, ``where``) could not be read; ``lasting``: its bytes
        will always fail so (:attr:`corearchive.source.Failure.lasting`)."""
        self.report.input_errors += 1
        if lasting:
            self.report.inputs_damaged.add(source_path(path))
        else:
            self.report.inputs_with_errors.add(source_path(path))
        source = {"uri": printable(uri), "path": printable(path), "where": where}
        self.rejects.write(
            dumps(
                {
                    "kind": "error",
                    "run_id": self.report.run_id,
                    "id": None,
                    "stage": "input",
                    "error": error,
                    "source": source,
                }
            )
        )
        at = f" ({where})" if where else ""
        print(shown(f"error: {path}{at}: {error}"), file=self.err)
        self._on_failed(None, source, "input", error)
