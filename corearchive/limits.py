"""Time limits on work in the main thread of a process, which may nest.

A stage's call on one document is limited by the run (``[pipeline] doc_timeout``), and a
stage may limit a part of its own work inside that (the boilerplate stage's HTML
extraction): one ``SIGALRM`` timer serves both, armed for the nearest deadline, and the
limit that expires raises its own exception. In the main thread a limit counts the CPU
time the thread spends in its block, up to :data:`WALL_FACTOR` times the limit on the wall
clock, and :data:`MAX_WAIT` seconds past it at most (:class:`_Entry`): a loaded machine
fails no document that its own work would not.
The alarm interrupts Python code and the regular-expression engine (which checks for
signals as it runs), not a long call into other C code. In another thread (a cleaner in a
web server's worker thread, ``ingest()`` run from a thread) a timer thread raises the
limit's exception in the thread whose time ran out (``PyThreadState_SetAsyncExc``), on the
wall clock: it interrupts Python code only, between two bytecodes (not a regular
expression, nor other C code). Without ``setitimer`` (Windows), the main thread has no
limit.

A worker process of a run also publishes the deadline of its nearest limit, plus
:data:`HARD_GRACE`, in memory its parent watches (:func:`publish_to`): a call stuck past it
in C code that the alarm cannot interrupt (libxml2 on a pathological page), with the
limit's CPU time spent too (:func:`overdue`), gets the worker killed and replaced by the
parent, and the document fails as a timeout (:class:`corearchive.executor.Watchdog`).
"""

from __future__ import annotations

import math
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any


class DocumentTimeout(BaseException):
    """A stage spent longer than the run allows on one document (``doc_timeout``).

    Not an ``Exception``: the handlers with which stages keep going after a failure of
    their own (``except Exception``) must not swallow it and run on without a limit;
    :meth:`corearchive.stage.Stage.run` catches it."""


#: How many times its seconds a limit's block may run on the wall clock while its thread
#: has spent less CPU time than that (a block waiting, not working, still ends) ...
WALL_FACTOR = 20.0
#: ... and at most this many seconds past its limit: a block waiting on a lock, a pipe or
#: another thread's work (which its thread's CPU time does not count) held a worker for
#: 20 minutes under the default limit of 60 s (s50 acc-read F7)
MAX_WAIT = 60.0


class _Entry:
    """A limit in force in the main thread: its deadline on the monotonic clock, the
    exception it raises, and what its time is measured by. A limit counts the CPU time its
    thread spends in the block, not the wall clock: on a loaded machine (2 cores, load 15)
    the wall clock ran 30 times ahead of it, and pages of 0.3 s failed the HTML extraction's
    10 s limit (s49 acc-regress R10). The timer is set on the wall clock, which never runs
    behind the thread's CPU time; when it fires early for the CPU time spent, the deadline
    moves by what is left, up to :data:`WALL_FACTOR` times the limit, and no more than
    :data:`MAX_WAIT` past it. Time spent waiting, or working in other threads or processes,
    is not counted, except by those wall-clock ends."""

    __slots__ = ("cpu_start", "deadline", "make", "seconds", "wall_end")

    def __init__(self, seconds: float, make: Callable[[], BaseException]) -> None:
        now = time.monotonic()
        self.seconds = seconds
        self.make = make
        self.deadline = now + seconds
        self.wall_end = now + seconds + min(seconds * (WALL_FACTOR - 1), MAX_WAIT)
        self.cpu_start = time.thread_time()


#: The limits in force, innermost last.
_active: list[_Entry] = []
#: The SIGALRM handler found when ours was installed (called for an alarm that is not ours).
_previous_handler: Any = None


#: The host program's own timer (``signal.alarm``, ``setitimer``), found pending when the
#: first limit was entered: its deadline on the monotonic clock and its interval. The limits
#: share the one process timer with it; it fires (its handler is called) when it is due, and
#: is armed again when the last limit ends (it was cancelled: a service's own deadline
#: never came while a cleaner ran).
_host: list[tuple[float, float]] = []


#: Seconds past a limit's deadline after which a worker process still inside the block is
#: stuck in C code and killed by its parent (see :func:`publish_to`).
HARD_GRACE = 5.0

#: Doubles per process in the memory a parent watches (:func:`publish_to`): its pid, its
#: hard deadline on the monotonic clock (0: no limit active), the limit's seconds, the
#: process CPU time (``time.process_time``) at which the limit is out for good, and the
#: hard end on the wall clock.
SLOT = 5

#: Where this process publishes its hard deadline: (shared array of doubles, index of its
#: slot); None: nowhere (not a watched worker).
_slot: tuple[Any, int] | None = None


def publish_to(array: Any, index: int) -> None:
    """Publish this process's hard deadlines in ``array[index:index + SLOT]`` (see
    :data:`SLOT`; read by :func:`overdue`)."""
    global _slot
    _slot = (array, index)
    array[index] = os.getpid()
    for i in range(1, SLOT):
        array[index + i] = 0.0


def _publish() -> None:
    assert _slot is not None
    array, index = _slot
    if _active:
        # (the CPU due and the wall end first: the watcher reads the slot unlocked, and a
        # deadline it sees must not come with an older limit's CPU due)
        thread, process = time.thread_time(), time.process_time()
        left = min(e.seconds - (thread - e.cpu_start) for e in _active)
        array[index + 3] = process + max(left, 0.0) + HARD_GRACE
        array[index + 4] = min(e.wall_end for e in _active) + HARD_GRACE
        array[index + 2] = max(e.seconds for e in _active)
        array[index + 1] = min(e.deadline for e in _active) + HARD_GRACE
    else:
        array[index + 1] = 0.0


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user and system) process ``pid`` has spent, from ``/proc`` (None where
    there is none, or the process is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    # (after the command name, which may hold spaces and parentheses: state is field 3,
    # utime and stime fields 14 and 15)
    fields = stat[stat.rfind(b")") + 2 :].split()
    try:
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (IndexError, ValueError):
        return None


def overdue(array: Any, index: int, now: float) -> bool:
    """Whether the process published at ``array[index]`` (:func:`publish_to`) is stuck past
    its hard deadline: a watcher kills it. Past the deadline on the wall clock, it is
    stuck only once it has also spent the limit's CPU time (plus :data:`HARD_GRACE`), or
    run to the limit's end on the wall clock (:data:`WALL_FACTOR`): a call into C code that
    the alarm cannot interrupt runs on a loaded machine many times longer than its CPU
    time, and one of 0.5 s of CPU got its worker killed under a limit of 10 s (the alarm
    that moves the deadline for CPU time left cannot run inside it). Without ``/proc``,
    the wall-clock deadline alone."""
    pid, due = array[index], array[index + 1]
    if pid <= 0 or due <= 0 or now <= due:
        return False
    if now >= array[index + 4]:
        return True
    cpu = process_cpu(int(pid))
    return cpu is None or cpu >= array[index + 3]


def _arm() -> None:
    deadlines = [e.deadline for e in _active] + [d for d, _ in _host]
    delay = min(deadlines) - time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(delay, 1e-4))


def _expired(now: float) -> list[_Entry]:
    """The limits whose time is out at ``now``: past their deadline on the wall clock with
    their thread's CPU time spent, or past their end on the wall clock (:class:`_Entry`).
    One past its deadline whose thread spent less gets the rest as its new deadline."""
    late = [e for e in _active if e.deadline <= now + 1e-3]
    if not late:
        return late
    cpu = time.thread_time()
    out = []
    for e in late:
        left = e.seconds - (cpu - e.cpu_start)
        if left > 1e-3 and now + 1e-3 < e.wall_end:
            e.deadline = min(now + left, e.wall_end)
        else:
            out.append(e)
    if len(out) < len(late) and _slot is not None:
        _publish()  # (the hard deadline the parent watches moves too)
    return out


def _host_due(signum: int, frame: Any) -> bool:
    """Call the host's handler if its timer is due (True: it was)."""
    if not _host or _host[0][0] > time.monotonic() + 1e-3:
        return False
    _, interval = _host.pop()
    if interval > 0:  # (a repeating timer goes on)
        _host.append((time.monotonic() + interval, interval))
    if callable(_previous_handler):
        _previous_handler(signum, frame)
    elif _previous_handler == signal.SIG_DFL:
        # (the default action of SIGALRM ends the process, as the host's alarm would have)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.raise_signal(signal.SIGALRM)
    return True


#: Depth of :func:`held` blocks, and whether a limit expired inside one.
_held = 0
_pending = False


def _on_alarm(signum: int, frame: Any) -> None:
    global _pending
    if not _active:
        if not _host:
            if callable(_previous_handler):
                _previous_handler(signum, frame)
            return
        if not _host_due(signum, frame) or _host:
            _arm()  # (early by a hair, or a repeating timer: armed again)
        return
    if _held:
        now = time.monotonic()
        if not (_host and _host[0][0] <= now + 1e-3) and not _expired(now):
            # (CPU time left: the deadline moved, and the hard one the parent watches with
            # it, inside the held block too; a first import on a loaded machine outlived
            # the hard deadline published as the block began; s49 finalrev_C)
            _arm()
            return
        _pending = True  # (raised when the held block ends)
        return
    if _host and _host_due(signum, frame):
        _arm()  # (for the limits)
        return
    if frame is not None and frame.f_code in _BOOKKEEPING:
        # An alarm inside a limit's own entry or exit (another limit's deadline, as a
        # stage's block ends): raised there, it left the block's entry in _active, expired,
        # and that entry then fired into the next document's call at once and again
        # outside any limit (a traceback, the run lost: 81 in 20,000 nested blocks ending
        # at their deadline). It is raised just after, where the block's code runs.
        signal.setitimer(signal.ITIMER_REAL, 1e-3)
        return
    expired = _expired(time.monotonic())
    if not expired:  # (early: the clock and the timer disagree by a hair, or CPU time left)
        _arm()
        return
    raise min(expired, key=lambda e: e.deadline).make()


#: Limits at least this long are none (about three years)
_NO_LIMIT = 1e8


# -- off the main thread ------------------------------------------------------------------
class _ThreadExpired(BaseException):
    """Raised in a thread whose limit expired (by the timer thread); the limit's block turns
    it into the limit's own exception (:meth:`time_limit.__exit__`)."""


#: Guards the thread limits below; the timer thread waits on it.
_cond = threading.Condition()
#: The limits in force in threads other than the main one, by thread id.
_in_threads: dict[int, list[time_limit]] = {}
#: Depth of :class:`held` blocks by thread (not the main one), and the threads whose limit
#: expired inside one (raised when it ends).
_held_in: dict[int, int] = {}
_pending_in: set[int] = set()
_timer: threading.Thread | None = None
#: When the timer thread wakes next (a limit that ends later needs no wake-up call).
_waiting_until = math.inf


def _set_async(ident: int, exc: type[BaseException] | None) -> None:
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(exc) if exc is not None else None
    )


def _in_bookkeeping(ident: int) -> bool:
    """Whether the thread ``ident`` is inside a limit's own entry or exit (see
    :func:`_on_alarm`: raised there, it would leave the limit's entry behind)."""
    frame = sys._current_frames().get(ident)
    for _ in range(4):  # (the lock or list call it is in, then the limit's code)
        if frame is None:
            return False
        if frame.f_code in _BOOKKEEPING:
            return True
        frame = frame.f_back
    return False


def _fire(limit: time_limit) -> bool:
    """(with _cond held) Raise in ``limit``'s thread, or hold it for its held block; False
    when the thread is in a limit's bookkeeping (asked again in a millisecond)."""
    if _in_bookkeeping(limit.ident or 0):
        return False
    limit.fired = True
    if _held_in.get(limit.ident or 0):
        _pending_in.add(limit.ident or 0)
    else:
        _set_async(limit.ident or 0, _ThreadExpired)
    return True


def _watch_threads() -> None:
    with _cond:
        while True:
            now = time.monotonic()
            nearest = None
            for limits in _in_threads.values():
                if any(lim.fired for lim in limits):
                    continue  # (one at a time per thread: the one raised, not yet out)
                first = min(limits, key=lambda lim: lim.deadline)
                if first.deadline <= now:
                    if not _fire(first):
                        nearest = now + 1e-3 if nearest is None else min(nearest, now + 1e-3)
                elif nearest is None or first.deadline < nearest:
                    nearest = first.deadline
            global _waiting_until
            _waiting_until = math.inf if nearest is None else nearest
            _cond.wait(None if nearest is None else nearest - now)


def _start_timer() -> None:
    """(with _cond held) The timer thread, started once per process (a forked child's is
    not there: started again)."""
    global _timer
    if _timer is None or not _timer.is_alive():
        _timer = threading.Thread(target=_watch_threads, name="corearchive-limits", daemon=True)
        _timer.start()


def _after_fork() -> None:
    """In a forked child: the timer thread is not there, and its lock may have been held."""
    global _cond, _timer, _waiting_until
    _cond = threading.Condition()
    _timer = None
    _waiting_until = math.inf
    _in_threads.clear()
    _held_in.clear()
    _pending_in.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)

_ASYNC = True
try:
    import ctypes as _ctypes

    _ctypes.pythonapi.PyThreadState_SetAsyncExc  # noqa: B018  (not on PyPy)
except (ImportError, AttributeError):
    _ASYNC = False


class time_limit:  # (lower case: used as a function, ``with time_limit(s, Exc):``)
    """Raise ``make()`` if the block runs longer than ``seconds`` (0, or a limit of years,
    or infinity: no limit): in the main thread, of its CPU time, up to :data:`WALL_FACTOR`
    times as long on the wall clock (:class:`_Entry`); in another, on the wall clock.

    A class, not a generator: entering and leaving cost ~2 µs (two ``setitimer`` calls),
    paid per document by stages that take one at a time. The handler stays installed
    once set (an alarm that is not for a limit goes to the handler it replaced)."""

    __slots__ = ("deadline", "entry", "fired", "ident", "make", "seconds")

    def __init__(self, seconds: float, make: Callable[[], BaseException]) -> None:
        self.seconds = seconds
        self.make = make
        self.entry: _Entry | None = None
        #: In a thread other than the main one: its id, the deadline, whether it expired.
        self.ident: int | None = None
        self.deadline = 0.0
        self.fired = False

    def _enter_thread(self) -> None:
        self.ident = threading.get_ident()
        self.deadline = time.monotonic() + self.seconds
        self.fired = False
        with _cond:
            _in_threads.setdefault(self.ident, []).append(self)
            _start_timer()
            if self.deadline < _waiting_until:
                _cond.notify()

    def _exit_thread(self, ident: int, exc: BaseException | None) -> None:
        with _cond:
            limits = _in_threads.get(ident, [])
            if self in limits:
                limits.remove(self)
            if not limits:
                _in_threads.pop(ident, None)
            if self.fired and not isinstance(exc, _ThreadExpired):
                # (expired as the block ended: not raised yet, and never to be)
                _set_async(ident, None)
                _pending_in.discard(ident)
            if self.fired:
                _cond.notify()  # (the timer waits for the thread's other limits again)
        if self.fired and isinstance(exc, _ThreadExpired):
            raise self.make().with_traceback(exc.__traceback__) from None

    def __enter__(self) -> None:
        global _previous_handler
        # (the main thread asked each time: a forked worker's is the thread that forked)
        main = threading.main_thread()
        # (0: no limit; nor is one past _NO_LIMIT, which the timer cannot hold: "inf" or
        # 1e400 from a configuration failed every document with an OverflowError)
        if not 0 < self.seconds < _NO_LIMIT:
            return
        if threading.current_thread() is not main:
            if _ASYNC:
                try:
                    self._enter_thread()
                except BaseException:
                    # (expired before the block started: ``with`` calls no __exit__)
                    self.__exit__(None, None, None)
                    raise
            return
        if not _SETITIMER:
            return
        if signal.getsignal(signal.SIGALRM) is not _on_alarm:
            _previous_handler = signal.signal(signal.SIGALRM, _on_alarm)
        self.entry = _Entry(self.seconds, self.make)
        _active.append(self.entry)
        if _slot is not None:
            _publish()
        try:
            if len(_active) == 1 and not _host:
                left, interval = signal.setitimer(signal.ITIMER_REAL, self.seconds)
                if left > 0:  # (the host's own timer, pending)
                    _host.append((time.monotonic() + left, interval))
                    _arm()
            else:
                # (the nearest deadline, the host's too: set to this limit's alone at each
                # entry, an overdue host timer was put off block after block)
                _arm()
        except BaseException:
            # (a limit of microseconds can expire before the block starts: ``with`` then
            # never calls __exit__, and the stale entry fired every later limit at once)
            self.__exit__()
            raise

    def __exit__(self, *exc: object) -> None:
        ident = self.ident
        if ident is not None:
            self.ident = None
            given = exc[1] if len(exc) > 1 else None
            try:
                self._exit_thread(ident, given)  # type: ignore[arg-type]
            except _ThreadExpired as late:
                # (it came inside this bookkeeping: this block's limit, made its own
                # exception here, or an outer block's, which goes on to it)
                self._exit_thread(ident, late)
                raise
            return
        if self.entry is None:
            return
        _active.remove(self.entry)
        self.entry = None
        if _slot is not None:
            _publish()
        if _active or _host:
            _arm()  # (the host's timer, when no limit is left)
        else:
            signal.setitimer(signal.ITIMER_REAL, 0)


class held:  # (lower case: used as a function, ``with held():``)
    """A block no limit interrupts: a limit that expires inside it raises when it ends.

    For imports made by the first document a process sees (trafilatura's, on the first
    HTML page): an exception raised in the middle of an import leaves half-initialised
    modules in ``sys.modules`` (``urllib3`` without its ``util``), and every later document
    of the process failed on them."""

    __slots__ = ()

    def __enter__(self) -> None:
        global _held
        if threading.current_thread() is not threading.main_thread():
            ident = threading.get_ident()
            with _cond:
                _held_in[ident] = _held_in.get(ident, 0) + 1
            return
        _held += 1

    def __exit__(self, *exc: object) -> None:
        global _held, _pending
        if threading.current_thread() is not threading.main_thread():
            ident = threading.get_ident()
            with _cond:
                depth = _held_in.pop(ident, 1) - 1
                if depth:
                    _held_in[ident] = depth
                    return
                if ident not in _pending_in:
                    return
                _pending_in.discard(ident)
            raise _ThreadExpired  # (the expired limit's block makes it its own)
        _held -= 1
        if _held or not _pending:
            return
        _pending = False
        if not _active:
            return
        expired = _expired(time.monotonic())
        if expired:
            raise min(expired, key=lambda e: e.deadline).make()
        _arm()


_SETITIMER = hasattr(signal, "setitimer")

#: The code of the limits' own bookkeeping, which an alarm must not cut in two (see
#: :func:`_on_alarm`).
_BOOKKEEPING = frozenset(
    f.__code__
    for f in (
        time_limit.__enter__,
        time_limit.__exit__,
        time_limit._enter_thread,
        time_limit._exit_thread,
        _arm,
        _expired,
        _publish,
        held.__enter__,
        held.__exit__,
    )
)


class signals_held:  # (lower case: used as a function, ``with signals_held():``)
    """Within the block (a failed or interrupted run's clean-up: workers stopped, temporary
    files removed, the index rolled back), Ctrl-C, SIGTERM and SIGHUP are ignored, then
    their handlers are back (kill -9 still ends it). A second Ctrl-C 0.02 s after the first
    interrupted the clean-up half-way: the worker pool's shutdown was cut short and the
    process waited for its workers forever at exit. Elsewhere than in the main thread there
    is nothing to hold."""

    def __enter__(self) -> None:
        self.previous: list[tuple[int, Any]] = []
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is not None:
                self.previous.append((sig, signal.signal(sig, signal.SIG_IGN)))

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous:
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
