"""Time limits on work in the main thread of a process, which may nest.

A stage's call on one document is limited by the run (``[pipeline] doc_timeout``), and a
stage may limit a part of its own work inside that (the boilerplate stage's HTML
extraction): one ``SIGALRM`` timer serves both, armed for the nearest deadline, and the
limit that expires raises its own exception. The alarm interrupts Python code and the
regular-expression engine (which checks for signals as it runs), not a long call into
other C code; elsewhere than in a main thread, or without ``setitimer`` (Windows), there
is no limit.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class DocumentTimeout(BaseException):
    """A stage spent longer than the run allows on one document (``doc_timeout``).

    Not an ``Exception``: the handlers with which stages keep going after a failure of
    their own (``except Exception``) must not swallow it and run on without a limit;
    :meth:`corearchive.stage.Stage.run` catches it."""


#: The limits in force, innermost last: (deadline on the monotonic clock, the exception).
_active: list[tuple[float, Callable[[], BaseException]]] = []
_previous_handler: Any = None


def _arm() -> None:
    delay = min(d for d, _ in _active) - time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(delay, 1e-4))


def _on_alarm(signum: int, frame: Any) -> None:
    now = time.monotonic()
    expired = [entry for entry in _active if entry[0] <= now + 1e-3]
    if not expired:  # (early: the clock and the timer disagree by a hair)
        _arm()
        return
    _, make = min(expired, key=lambda e: e[0])
    raise make()


@contextmanager
def time_limit(seconds: float, make: Callable[[], BaseException]) -> Iterator[None]:
    """Raise ``make()`` if the block runs longer than ``seconds`` (0: no limit)."""
    global _previous_handler
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    entry = (time.monotonic() + seconds, make)
    if not _active:
        _previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
    _active.append(entry)
    try:
        _arm()
        yield
    finally:
        _active.remove(entry)
        if _active:
            _arm()
        else:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, _previous_handler)
            _previous_handler = None
