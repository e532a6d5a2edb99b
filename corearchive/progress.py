"""Progress on stderr for long runs: inputs, documents, rate, time left.

Shown only when enabled (stderr is a terminal and not ``--quiet``); redrawn at most a few
times a second so that it costs nothing measurable per document.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import TextIO

from .source import InputItem

_INTERVAL = 0.25


class Progress:
    """The progress line. With the inputs' sizes known (files), the share done and the time
    left are reckoned in bytes read (compressed bytes for a compressed input), so that one big
    WARC file has an estimate before it ends, and inputs of uneven sizes a fair one; else by
    the inputs finished."""

    def __init__(
        self,
        total_inputs: int,
        enabled: bool,
        stream: TextIO,
        items: Sequence[InputItem] = (),
        not_read: int = 0,
    ) -> None:
        self.total = total_inputs
        self.enabled = enabled
        self.stream = stream
        #: of ``total_inputs``, those the run does not read (unchanged, unreadable, named
        #: again): counted as done from the start, so that the line ends at the summary's
        #: count of inputs (it said "inputs 10/10" where the summary said "inputs 11")
        self.not_read = not_read
        self.inputs_started = 0
        self.docs = 0
        self.kept_docs = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._width = 0
        # (a stat per input, only for a progress line that is shown)
        sizes = [it.size() for it in items] if enabled else []
        #: total bytes of the inputs, when every size is known (else 0)
        self._total_bytes = 0 if None in sizes else sum(s for s in sizes if s is not None)
        self._sizes = dict(zip(map(id, items), sizes, strict=False))
        self._done_bytes = 0  # of the inputs finished
        self._item: InputItem | None = None

    def input_started(self, item: InputItem) -> None:
        if self._item is not None:
            self._done_bytes += self._sizes.get(id(self._item)) or 0
        self._item = item
        self.inputs_started += 1
        self._tick()

    def _share_done(self) -> float | None:
        """The share of the inputs' bytes read, when known."""
        if not self._total_bytes:
            return None
        if self._item is None:  # (before the first input, and after the last)
            return min(1.0, self._done_bytes / self._total_bytes)
        size = self._sizes.get(id(self._item)) or 0
        read = self._item.bytes_read()
        if read is None:
            # (None before the input is opened, and after it is closed: read through, a
            # small input read whole at once; the line stood at 0 % through such a run)
            read = size if self._item.read_through() else 0
        return min(1.0, (self._done_bytes + min(read, size)) / self._total_bytes)

    def document(self) -> None:
        self.docs += 1
        if self.enabled and not self.docs & 63:
            self._tick()

    def kept(self) -> None:
        self.kept_docs += 1

    def _tick(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < _INTERVAL:
            return
        self._last = now
        elapsed = now - self.start
        rate = self.docs / elapsed if elapsed > 0 else 0.0
        done = max(self.inputs_started - 1, 0)
        started = self.inputs_started + self.not_read
        left = share = ""
        frac = self._share_done()
        if frac is not None:
            share = f" ({frac:.0%})"
            if frac >= 0.01 and not force:  # (the first percent is mostly start-up)
                left = f" · ~{_fmt(elapsed / frac * (1 - frac))} left"
        elif done and self.total > self.not_read:
            remaining = elapsed / done * (self.total - self.not_read - done)
            left = f" · ~{_fmt(remaining)} left"
        line = (
            f"inputs {started:,}/{self.total:,}{share} · docs {self.docs:,}"
            f" · kept {self.kept_docs:,} · {rate:,.0f} docs/s · {_fmt(elapsed)}{left}"
        )
        self._draw(line, final=force)

    def _draw(self, line: str, final: bool) -> None:
        """The line over the last one (``final``: for good, with its line break). A stream
        with ``write_status`` (the command line's stderr) draws it, and clears it before
        any other text written to it (a message began where the line ended)."""
        if not final and len(line) >= (columns := _columns(self.stream)):
            # (redrawn with \r: a line wider than the terminal wraps, and each redraw left
            # the wrapped rest behind on a narrow one; the final line stays whole)
            line = line[: max(columns - 2, 1)] + "…"
        status = getattr(self.stream, "write_status", None)
        if status is not None:
            status(line, final)
            return
        pad = " " * max(self._width - len(line), 0)
        self._width = len(line)
        self.stream.write("\r" + line + pad + ("\n" if final else ""))
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            if self._item is not None:  # (every input read: the last one too)
                self._done_bytes += self._sizes.get(id(self._item)) or 0
                self._item = None
            self._tick(force=True)


def _columns(stream: TextIO) -> int:
    """The width of the terminal ``stream`` writes to (``COLUMNS`` first, as the shell and
    Python's own help take it); a large number where it is no terminal or cannot be told."""
    try:
        if not stream.isatty():
            return 1 << 16
        columns = int(os.environ.get("COLUMNS", ""))
        if columns > 0:
            return columns
    except ValueError:
        pass
    try:
        return os.get_terminal_size(stream.fileno()).columns or 1 << 16
    except (AttributeError, OSError, ValueError):
        return 1 << 16


def _fmt(seconds: float) -> str:
    s = int(seconds)
    return (
        f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )
