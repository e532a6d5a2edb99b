"""Progress on stderr for long runs: inputs, documents, rate, time left.

Shown only when enabled (stderr is a terminal and not ``--quiet``); redrawn at most a few
times a second so that it costs nothing measurable per document.
"""

from __future__ import annotations

import time
from typing import TextIO

_INTERVAL = 0.25


class Progress:
    def __init__(self, total_inputs: int, enabled: bool, stream: TextIO) -> None:
        self.total = total_inputs
        self.enabled = enabled
        self.stream = stream
        self.inputs_started = 0
        self.docs = 0
        self.kept_docs = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._width = 0

    def input_started(self, path: str) -> None:
        self.inputs_started += 1
        self._tick()

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
        left = ""
        if done and self.total:
            remaining = elapsed / done * (self.total - done)
            left = f" · ~{_fmt(remaining)} left"
        line = (
            f"inputs {self.inputs_started}/{self.total} · docs {self.docs:,}"
            f" · kept {self.kept_docs:,} · {rate:,.0f} docs/s · {_fmt(elapsed)}{left}"
        )
        pad = " " * max(self._width - len(line), 0)
        self._width = len(line)
        self.stream.write("\r" + line + pad)
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self._tick(force=True)
            self.stream.write("\n")
            self.stream.flush()


def _fmt(seconds: float) -> str:
    s = int(seconds)
    return (
        f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )
