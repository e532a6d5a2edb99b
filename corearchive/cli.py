"""The ``corearchive`` command line."""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import logging
import math
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from corearchive import lazyre as re

from . import __version__
from .catalog import DEFAULT_CACHE_MB
from .config import FOUND_IN_CWD, RunConfig, resolve, working_folder
from .document import printable
from .errors import (
    CommitBlockedError,
    ConfigError,
    CoreArchiveError,
    ExitCode,
    IndexBusyError,
    IndexMissingError,
    OutputBusyError,
    OutputLinkError,
    OutputPathError,
    PlanError,
    ScratchError,
    UnfinishedCommitError,
)
from .executor import collect_young_less_often
from .manager import (
    PluginInfo,
    PluginManager,
    Registry,
    collect,
    leave_out_hint,
    make_plugin_manager,
)
from .schema import config_schema, reject_schema
from .stage import STORAGE_ERRNOS


class _Command(click.Command):
    """A command whose ``--json`` holds for click's own errors too (a bad option value, an
    unknown option, a missing argument): with ``--json`` among the arguments, the error is
    also one JSON object on stdout, ``{"exit_code": 2, "error": ...}``, as the command's
    own errors are (stdout was empty: a wrapper reading it as JSON had nothing to read)."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:  # fmt: skip
        wants_json = any(p.name == "as_json" for p in self.params) and "--json" in (
            args[: args.index("--")] if "--" in args else args
        )
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
            _refuse_undecodable(self, ctx)
            _refuse_relative_without_cwd(self, ctx)
            return ctx
        except click.ClickException as exc:
            if wants_json:
                click.echo(json.dumps({"exit_code": exc.exit_code, "error": exc.format_message()}))
            raise


def _refuse_undecodable(command: click.Command, ctx: click.Context) -> None:
    """A text option (a reason, a ``--set`` value) holding bytes the locale's encoding does
    not decode (UTF-8 typed into an EUC-JP terminal) refused as a usage error naming it: it
    failed later, with a traceback, where it was written (JSON, SQLite). Paths may hold such
    bytes (they name files as the system does): those are not text options."""
    for param in command.params:
        if isinstance(param.type, click.Path | click.File) or param.name == "inputs":
            continue
        value = ctx.params.get(param.name or "")
        values = value if isinstance(value, tuple | list) else (value,)
        for v in values:
            if isinstance(v, str) and _SURROGATE.search(v):
                shown = v.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
                raise click.BadParameter(
                    f"'{shown}' holds bytes that are not {sys.getfilesystemencoding()} text,"
                    " the encoding of this locale: type it in the locale's encoding",
                    ctx,
                    param,
                )


_SURROGATE = re.compile("[\udc80-\udcff]")


def _refuse_relative_without_cwd(command: click.Command, ctx: click.Context) -> None:
    """A relative path when the working folder no longer exists (deleted under the shell: a
    cron job's ``cd`` into a release folder a deploy removed) refused as a usage error
    naming it; it failed later with a traceback, or as "no such file". Absolute paths do."""
    if working_folder() is not None:
        return
    for param in command.params:
        if not isinstance(param.type, click.Path) and param.name != "inputs":
            continue
        value = ctx.params.get(param.name or "")
        for v in value if isinstance(value, tuple | list) else (value,):
            if isinstance(v, str | os.PathLike) and _is_relative_path(os.fspath(v)):
                raise click.BadParameter(
                    f"'{printable(os.fspath(v))}' is relative, and the working folder no longer"
                    " exists (deleted since the shell entered it): give an absolute path, or"
                    " cd to a folder that exists",
                    ctx,
                    param,
                )


def _is_relative_path(name: str) -> bool:
    """A file name relative to the working folder: not absolute, not ``-`` (standard
    input), not a URL."""
    return bool(name) and name != "-" and not os.path.isabs(name) and "://" not in name


class _Group(click.Group):
    """Loads plugin commands lazily, so a broken plugin cannot break ``--help``."""

    command_class = _Command

    def _load(self, ctx: click.Context) -> None:
        if getattr(self, "_plugins_loaded", False):
            return
        self._plugins_loaded = True
        try:
            pm = make_plugin_manager()
        except CoreArchiveError:
            return  # reported by the command that needs the plugins
        pm.hook.corearchive_register_commands(cli=self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load(ctx)
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            self._load(ctx)
        return super().get_command(ctx, cmd_name)


class _FiniteFloat(click.FloatRange):
    """A float range that refuses nan and inf (FloatRange lets them through, and they
    failed the run later, in int())."""

    name = "number"  # (the user read "'abc' is not a valid finite float")

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        result = super().convert(value, param, ctx)
        if not math.isfinite(result):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return result


_FINITE_SECONDS = _FiniteFloat(min=0)


class _Count(click.IntRange):
    """A whole number in a range (click's own said "'abc' is not a valid integer range")."""

    name = "whole number"


class _FolderPath(click.Path):
    """A folder a run writes: an empty one (``-o "$OUT"`` with OUT unset) is refused; it was
    the working folder, which the run filled without a word. (A file is refused by ingest,
    in its own words: click's were "Directory 'afile' is a file.")"""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and not value:
            self.fail(
                "the folder name is empty (an unset variable?); '.' is the working folder",
                param,
                ctx,
            )
        return super().convert(value, param, ctx)


class _Stderr:
    """Standard error that never ends a run: closed (``2>&-``: Python's ``sys.stderr`` is
    None, and the run failed on ``isatty``) or gone (``2>&1 | head -2``: the first line the
    reader did not take raised BrokenPipeError, and the run stopped with nothing
    committed), what is written goes nowhere from then on; the run's outcome is its exit
    status and its files."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream if stream is not None else open(os.devnull, "w")  # noqa: SIM115
        #: the length of the progress line on the terminal now, if any (see write_status)
        self._status = 0

    def write_status(self, line: str, final: bool = False) -> None:
        """Draw the progress line (:class:`corearchive.progress.Progress`) over the last;
        ``final``: for good, ended by a line break. Any other text written first clears it
        (a message began where the line ended: "… ~0:00 lefterror: bad.bin: …")."""
        pad = " " * max(self._status - len(line), 0)
        self._status = 0
        self.write("\r" + line + pad + ("\n" if final else ""))
        self._status = 0 if final else len(line)
        self.flush()

    def _mute(self) -> None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, self.stream.fileno())  # (the fd too: C code and workers)
        os.close(devnull)
        self.stream = open(os.devnull, "w")  # noqa: SIM115

    def write(self, text: str) -> int:
        if self._status and text:
            width, self._status = self._status, 0
            self.write("\r" + " " * width + "\r")
        try:
            return int(self.stream.write(text))
        except (BrokenPipeError, ValueError):  # (ValueError: the stream was closed)
            self._mute()
            return len(text)
        except OSError as exc:
            self._failed(exc)
            return len(text)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except (BrokenPipeError, ValueError):
            self._mute()
        except OSError as exc:
            self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        if exc.errno != errno.EPIPE:
            raise exc
        self._mute()

    def isatty(self) -> bool:
        try:
            return bool(self.stream.isatty())
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class _Stdout(_Stderr):
    """Standard output that never ends a command with a traceback: gone (``| head -1``),
    what is left goes nowhere, as on stderr; failing (``--json > file`` on a full disk: the
    run was committed, then the report's write raised ENOSPC, a traceback and exit 1, "some
    inputs failed"), the error is kept for :func:`main` to report, and the rest goes
    nowhere. Characters its encoding has no code for (``≤`` under Latin-1) are escaped, as
    Python escapes them on stderr, instead of failing the whole text."""

    #: the error that stopped the writing, if any
    lost: OSError | None = None

    def __init__(self, stream: Any) -> None:
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")
        super().__init__(stream)

    def _failed(self, exc: OSError) -> None:
        if exc.errno != errno.EPIPE and self.lost is None:
            self.lost = exc
        self._mute()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corearchive")
def cli() -> None:
    """Clean raw scraped web text into validated JSON records and WARC archives."""
    if not isinstance(sys.stderr, _Stderr):
        sys.stderr = _Stderr(sys.stderr)
    if not isinstance(sys.stdout, _Stdout):
        sys.stdout = _Stdout(sys.stdout)
    # warcio logs "Replacing spaces in invalid WARC-Target-URI: ..." for each such record of
    # an input WARC, which logging's last resort printed amid the run's own lines, naming no
    # file (35 a run on a crawl: s29 WARC tester); the address is kept %20-escaped, as the
    # record's source.uri says. A program's own logging set-up is its own (not here).
    logging.getLogger("warcio").setLevel(logging.ERROR)


#: Whether the command runs as the program (:func:`main`), not called in another's process.
_STANDALONE = False


def _stopped_before_the_run(command: Callable[..., None]) -> Callable[..., None]:
    """A signal before the run began (the plugins' and libraries' imports take a moment)
    was click's "Aborted!" with exit 1 ("some inputs failed"), or a traceback: it ends the
    command with 130 or 143 and says so. The run's own are handled inside the command."""

    @functools.wraps(command)
    def wrapped(*args: Any, **kwargs: Any) -> None:
        handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, *_TERMINATING)}
        try:
            with _sigterm_as_interrupt():
                command(*args, **kwargs)
        except KeyboardInterrupt as exc:  # (and _Terminated: SIGTERM)
            code = exc.code if isinstance(exc, _Terminated) else 130
            _say("stopped before the run began; nothing was written", code, kwargs.get("as_json"))
            sys.exit(code)
        finally:
            # (the signals a stopped run ignores until its process exits, see
            # _sigterm_as_interrupt, are back as they were for a caller in the same process)
            if not _STANDALONE and threading.current_thread() is threading.main_thread():
                for sig, handler in handlers.items():
                    signal.signal(sig, handler if handler is not None else signal.SIG_DFL)

    return wrapped


def _config_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options that make a run's configuration (``ingest``, and ``schema``, which shows
    the schema of the pipeline the same options configure)."""
    for opt in reversed(
        [
            click.option(
                "-c",
                "--config",
                "config_path",
                type=click.Path(dir_okay=False, path_type=Path),
                help="Config file (default: ./corearchive.toml if present).",
            ),
            click.option(
                "--set",
                "sets",
                multiple=True,
                metavar="STAGE.KEY=VALUE",
                help="Override one option (repeatable); VALUE is a TOML value (STAGE.KEY or"
                ' stages.STAGE.KEY). Also pipeline.stages=["boilerplate", ...],'
                " pipeline.doc_timeout=S,"
                " output.sinks=[...], sinks.NAME.KEY=VALUE (a sink's option). Every"
                " option, with its default and type: corearchive options [STAGE].",
            ),
            click.option(
                "--disable",
                "disable",
                multiple=True,
                metavar="STAGE",
                help="Leave a stage out of this run (repeatable).",
            ),
            click.option(
                "--enable",
                "enable",
                multiple=True,
                metavar="STAGE",
                help="Run an installed plugin's stage, put where it declares (after or before"
                " a builtin stage), without writing out pipeline.stages (repeatable).",
            ),
        ]
    ):
        f = opt(f)
    return f


def _setup() -> tuple[PluginManager, Registry]:
    pm = make_plugin_manager()
    return pm, collect(pm)


def _exit_stopped(code: int, executor: str) -> NoReturn:
    """End a run stopped by a signal with ``code`` (130, 143), its clean-up done, without
    the interpreter's teardown: after a Ray run, Ray's threads, left by the interrupted
    actors, crashed it now and then (exit 139 instead of 130, in about 3 of 17 interrupts);
    after a run with local workers, it joined the worker pool's thread, which an interrupt
    could leave blocked on a pipe nobody reads (a hang after Ctrl-C twice). Nothing is left
    for the teardown to do: the run's files are closed, its workers stopped. (In another
    program's process, a test's, the command ends with SystemExit.)"""
    if executor == "ray" or _STANDALONE:
        from .inputs import remove_spools

        remove_spools()  # (what the teardown's finalizers did)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)
    sys.exit(code)


def _fail(message: str, code: ExitCode, as_json: bool = False) -> NoReturn:
    """End the command with ``code``, saying why on stderr (and, ``as_json``, on stdout as
    ``{"exit_code", "error"}``: a wrapper reading stdout as JSON had nothing to read on 2,
    3 or 75)."""
    _say(f"error: {message}", code, as_json)
    sys.exit(int(code))


def _say(message: str, code: int, as_json: bool | None) -> None:
    """``corearchive: MESSAGE`` on stderr, and ``as_json`` the JSON object of a command that
    ends with ``code`` on stdout (see :func:`_fail`)."""
    if as_json:
        error = message.removeprefix("error: ")
        with contextlib.suppress(OSError, ValueError):  # (stdout gone: stderr still says it)
            click.echo(json.dumps({"exit_code": int(code), "error": error}))
    click.echo(f"corearchive: {message}", err=True)


@cli.command(short_help="Clean INPUTS into records and WARC files under OUT.")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--out",
    "out",
    type=_FolderPath(path_type=Path),
    required=True,
    help="Output folder (records.jsonl, rejects.jsonl, run.json, warc/).",
)
@_config_options
@click.option(
    "--index",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Archive index (SQLite) to use and extend; default OUT/index.sqlite.",
)
@click.option(
    "--new-index",
    is_flag=True,
    help="Start a new index although OUT's earlier runs used one that is gone (their"
    " documents are archived again if given again).",
)
@click.option(
    "--rescan",
    is_flag=True,
    help="Read every input file, also those unchanged (path, size, modification time) since"
    " a committed run read them whole with no error; they are counted and not read otherwise.",
)
@click.option(
    "--index-timeout",
    type=_FINITE_SECONDS,
    metavar="SECONDS",
    default=30.0,
    show_default=True,
    help="Seconds to wait for an index or output folder held by another run.",
)
@click.option(
    "--index-cache-mb",
    type=_Count(min=1),
    metavar="MB",
    default=DEFAULT_CACHE_MB,
    show_default=True,
    help="Memory for the index's page cache: more makes inserts into a large index a little"
    " faster, and the main process's memory grows by as much once the index outgrows it.",
)
@click.option(
    "-w",
    "--workers",
    type=_Count(min=1),
    metavar="N",
    default=None,
    help="Processes for the per-document stages [default: the number of cores]: this one,"
    " between its own work, and N-1 workers (N workers with --isolate).",
)
@click.option(
    "--isolate",
    is_flag=True,
    help="Run the per-document stages only in worker processes, so that a document that"
    " crashes one (C code, the OOM killer) costs only itself; about 20 % slower on 2 cores.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where the per-document stages run: local processes, or Ray workers"
    ' (pip install "corearchive[ray]").',
)
@click.option(
    "--address",
    metavar="ADDR",
    help="With --executor ray: the cluster to join (default: start a local Ray instance).",
)
@click.option(
    "--plan",
    type=click.Choice(["stream", "staged"]),
    default="stream",
    show_default=True,
    help="stream: one pass, dedup and writers in this process; staged: steps over files with"
    " intermediate state under --work-dir, resumable, every step parallel but dedup's"
    " decisions (for many cores or a Ray cluster).",
)
@click.option(
    "--work-dir",
    type=_FolderPath(path_type=Path),
    default=None,
    help="With --plan staged: folder of the intermediate files [default: OUT/.plan];"
    " relaunching with it redoes only unfinished tasks.",
)
@click.option(
    "--task-mb",
    type=_FiniteFloat(min=0.001),
    metavar="MB",
    default=256.0,
    show_default=True,
    help="With --plan staged: inputs bigger than this are cut into tasks of about this size"
    " (ranges of their documents).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Force the progress line on or off (default: on when stderr is a terminal).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the run's report (its manifest, OUT/runs/RUN_ID.json) on stdout at its end;"
    ' a run that fails to start or finish prints {"exit_code": N, "error": "..."} instead.',
)
@_stopped_before_the_run
def ingest(
    inputs: tuple[str, ...],
    out: Path,
    config_path: Path | None,
    sets: tuple[str, ...],
    disable: tuple[str, ...],
    enable: tuple[str, ...],
    index: Path | None,
    new_index: bool,
    rescan: bool,
    index_timeout: float,
    index_cache_mb: int,
    workers: int | None,
    isolate: bool,
    executor: str,
    address: str | None,
    plan: str,
    work_dir: Path | None,
    task_mb: float,
    quiet: bool,
    progress: bool | None,
    as_json: bool,
) -> None:
    """Clean INPUTS (files, folders, globs, - for stdin) into records and WARC files under OUT.

    Exit status: 0 all inputs processed (or unchanged since an earlier run), 1 some inputs
    or documents failed (see OUT/rejects.jsonl), 4 no document was read (every input
    failed), 2 usage or
    configuration error, 75 the output folder or index is held by another run (try again
    later), 3 the run could not finish (its output could not be written: a full disk, a
    read-only folder; or an internal error), 130 interrupted, 143 terminated (SIGTERM);
    nothing is committed on 3, 75, 130 and 143.
    """
    from .executor import default_workers
    from .runner import Run, RunOptions

    try:
        pm, registry = _setup()
        config: RunConfig = resolve(
            registry, config_path=config_path, sets=sets, disable=disable, enable=enable
        )
    except CoreArchiveError as exc:
        _fail(str(exc), ExitCode.USAGE, as_json)
    for warning in config.warnings:
        click.echo(f"corearchive: warning: {warning}", err=True)
    for warning in _options_that_do_nothing(executor, plan):
        click.echo(f"corearchive: warning: {warning}", err=True)
    if str(out) == "-":
        # (it made a folder named "-": the output is a folder, never standard output)
        _fail(
            "-o -: the output is a folder (records.jsonl, warc/ ...), not standard output;"
            " --json prints the run's report on stdout",
            ExitCode.USAGE,
            as_json,
        )
    for option_name, folder in (("-o", out), ("--work-dir", work_dir), ("--index", index)):
        if folder is not None and (why := _not_a_folder(folder, file=option_name == "--index")):
            _fail(f"{option_name} {folder}: {why}", ExitCode.USAGE, as_json)
    for name in inputs:
        # (the run wrote its outputs into the folder, then said it was no input, exit 1)
        if name != "-" and os.path.isdir(name) and Path(name).resolve() == out.resolve():
            _fail(
                f"{name} is the output folder (-o) too: the output goes into a folder of its"
                " own (one inside an input folder is passed over when that is read)",
                ExitCode.USAGE,
                as_json,
            )
    if not out.exists() and all(map(_missing, inputs)):
        # (a mistyped input made OUT, its index, warc/ and a run's manifest, each try)
        from .inputs import _is_glob
        from .report import shown

        for name in inputs:
            what = "a pattern that matches nothing" if _is_glob(name) else "no such file or folder"
            click.echo(shown(f"error: {name}: {what}"), err=True)
        _fail(f"no input exists; {out} was not made", ExitCode.NOTHING_READ, as_json)
    options = RunOptions(
        inputs=inputs,
        out=out,
        index=index,
        new_index=new_index,
        rescan=rescan,
        index_timeout=index_timeout,
        index_cache_mb=index_cache_mb,
        workers=workers or default_workers(),
        isolate=isolate,
        executor=executor,
        address=address,
        plan=plan,
        work_dir=work_dir,
        task_mb=task_mb,
        quiet=quiet,
        progress=progress,
    )
    if executor == "ray":
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            _fail(
                '--executor ray needs Ray: pip install "corearchive[ray]"', ExitCode.USAGE, as_json
            )

    run = Run(pm, registry, config, options)
    try:
        with _sigterm_as_interrupt():
            report = run.execute()
    except (IndexBusyError, OutputBusyError) as exc:
        # (transient: a scheduler retries it later, where a usage error needs a person)
        _fail(f"{exc}; --index-timeout SECONDS waits longer", ExitCode.BUSY, as_json)
    except OutputPathError as exc:
        _fail(f"-o {exc}; {_committed(run)}", ExitCode.USAGE, as_json)
    except CommitBlockedError as exc:
        # (an earlier run's commit that waits for space or permissions: the output cannot
        # be written, as for the run that stopped; no person needs to untangle anything)
        _fail(f"{exc}; nothing from this run was done", ExitCode.INTERNAL, as_json)
    except (
        UnfinishedCommitError,
        IndexMissingError,
        PlanError,
        ConfigError,
        OutputLinkError,
    ) as exc:
        # (a stage's options that contradict each other or the index, found as it opens)
        _fail(str(exc), ExitCode.USAGE, as_json)
    except _Terminated as exc:
        _say(f"terminated; {_committed(run)}", exc.code, as_json)
        _exit_stopped(exc.code, executor)
    except KeyboardInterrupt:
        _say(f"interrupted; {_committed(run)}", 130, as_json)
        _exit_stopped(130, executor)
    except CoreArchiveError as exc:
        _fail(str(exc), ExitCode.INTERNAL, as_json)
    except (OSError, sqlite3.OperationalError) as exc:
        if (why := _cannot_write(exc, index or out / "index.sqlite")) is None:
            import traceback

            traceback.print_exc()
            why = f"internal error: {exc!r}"
        done = _committed(run)
        if done == _COMMITTED_BEFORE and isinstance(exc, OSError):
            # (FORMAT.json not stamped: the rerun stamps it; nothing said so; s30 F7)
            done += (
                f"; once the disk is seen to, the next `corearchive ingest … -o {out}` writes"
                " what is missing (`corearchive verify` names it)"
            )
        _fail(f"{why}; {done}", ExitCode.INTERNAL, as_json)
    except SystemExit as exc:
        # (a plugin's sys.exit() in a hook, a sink or a source: it ended the run with its
        # code, 0 often, and no word; a stage's fails only its document)
        _fail(
            f"a plugin ended the run with sys.exit({exc.code!r}); {_committed(run)}",
            ExitCode.INTERNAL,
            as_json,
        )
    except Exception as exc:
        import traceback

        traceback.print_exc()
        _fail(f"internal error: {exc!r}; {_committed(run)}", ExitCode.INTERNAL, as_json)
    if not quiet:
        # (the configuration named when a file was read: one picked up from the working
        # folder changes a run without a word on its command line)
        origin = "" if config.origin == "defaults" else f" (config: {config.origin})"
        if any(f["how"] == FOUND_IN_CWD for f in config.files):
            origin = f" (config: {config.origin}; the file was {FOUND_IN_CWD})"
        click.echo(f"run {report.run_id} → {out}{origin}", err=True)
        click.echo(report.summary(), err=True)
        if report.dropped_total or report.failed_total or report.input_errors:
            # (the summary counted them and did not say where they are)
            click.echo(
                f"  details: {out / 'rejects.jsonl'}, a line for each drop and error (this"
                f' run\'s have "run_id": "{report.run_id}")',
                err=True,
            )
        if note := _settings_not_applied(report, out, config.digest):
            click.echo(note, err=True)
    if as_json:
        # the run's own report, for a wrapper (OUT/run.json is the folder's last run's,
        # which may be another's by the time it reads it)
        click.echo((out / "runs" / f"{report.run_id}.json").read_text("utf-8"), nl=False)
    sys.exit(int(report.exit_code))


def _settings_not_applied(report: Any, out: Path, digest: str) -> str | None:
    """The summary's note when documents dropped as already archived were archived by runs
    with other settings (their manifests' config digest): the run's settings did not apply
    to them, which the summary did not say (a --set changed, the run "kept 0", exit 0). So
    too for inputs not read, unchanged since a run (with these settings) that dropped their
    documents so."""

    @functools.cache  # (a run named by several readers, and again per reader)
    def manifest(run_id: str) -> dict[str, Any]:
        try:
            found = json.loads((out / "runs" / f"{run_id}.json").read_bytes())
        except (OSError, ValueError):  # (another folder's run, on a shared index)
            return {}
        return found if isinstance(found, dict) else {}

    def other(archived_by: dict[str, int]) -> tuple[int, list[str]]:
        count, runs = 0, list[str]()
        for run_id, n in sorted(archived_by.items()):
            theirs = (manifest(run_id).get("config") or {}).get("digest")
            if theirs is not None and theirs != digest:
                count, runs = count + n, [*runs, run_id]
        return count, runs

    def named(runs: list[str]) -> str:
        return ", ".join(runs[:3]) + (f" and {len(runs) - 3} more" if len(runs) > 3 else "")

    to_do = (
        " To clean them with these settings, ingest into a new output folder (-o NEW;"
        " docs/archive.md, 'Reprocessing an archive')."
    )
    count, runs = other(report.archived_by)
    if count:
        return (
            f"  note: {count:,} of the documents dropped as already_archived were archived by"
            f" earlier runs with other settings ({named(runs)}): this run's settings did not"
            " apply to them." + to_do
        )
    readers = [r for r in sorted(report.unchanged_by) if r != report.run_id]
    runs = sorted({r for reader in readers for r in other(
        manifest(reader).get("already_archived_by") or {})[1]})  # fmt: skip
    if runs:
        return (
            f"  note: the unchanged inputs were last read by {named(readers)}, which dropped"
            f" documents of theirs as already_archived by earlier runs with other settings"
            f" ({named(runs)}): these settings did not apply to them." + to_do
        )
    return None


def _need_folder(out: Path, as_json: bool = False) -> None:
    """Exit 2 unless ``out`` is a folder, in the words of every command that takes an OUT
    (click's check said "Directory 'nodir' does not exist." for rebuild and remove, and
    "nodir: no such folder" for verify and upgrade)."""
    if not out.is_dir():
        what = "no such folder" if not out.exists() else "not a folder"
        _fail(f"{out}: {what} (OUT is an output folder of corearchive ingest)", ExitCode.USAGE,
              as_json)  # fmt: skip


def _options_that_do_nothing(executor: str, plan: str) -> list[str]:
    """``--address`` without ``--executor ray``, ``--work-dir`` or ``--task-mb`` without
    ``--plan staged``, given: the run went ahead without them and said nothing (a user who
    typed ``--address auto`` ran on this machine, not knowing; s32 docs finding 10), where
    a ``--set`` for a stage not in the run is said."""
    from click.core import ParameterSource

    ctx = click.get_current_context()

    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) not in (None, ParameterSource.DEFAULT)

    said = []
    if executor != "ray" and given("address"):
        said.append("--address does nothing without --executor ray: this run is local")
    for option, name in (("--work-dir", "work_dir"), ("--task-mb", "task_mb")):
        if plan != "staged" and given(name):
            said.append(f"{option} does nothing without --plan staged: this run streams")
    return said


def _missing(name: str) -> bool:
    """Whether the input ``name`` names nothing: a path to nothing, or a pattern that
    matches nothing (not ``-``)."""
    import glob

    from .inputs import _is_glob

    try:
        if name == "-" or os.path.lexists(name):
            # (an existing file is read as itself whatever its name holds, as inputs.expand
            # reads it: "notes[1].txt" was refused as a pattern matching nothing; s33
            # acc-read #9)
            return False
        if _is_glob(name):
            # (a pattern that matched nothing made OUT, where a missing path did not: s32
            # docs finding 1)
            return next(glob.iglob(name, recursive=True), None) is None
        return True
    except ValueError:  # (a NUL in the name)
        return True


def _committed(run: Any) -> str:
    """What an error's message says of the run's outputs."""
    from .atomic import journal_path

    if not run.committed:
        return "nothing from this run was committed" + _plan_kept(run)
    if journal_path(run.options.out, run.run_id).exists():
        return (
            "the run committed, but not all of its files are in place yet: the next"
            f" `corearchive ingest … -o {run.options.out}` puts them there"
        )
    return _COMMITTED_BEFORE


#: What :func:`_committed` says of a failure after the run's commit
_COMMITTED_BEFORE = "the run's outputs were committed before it"


def _plan_kept(run: Any) -> str:
    """What a staged plan that stopped keeps for its relaunch (the message said only
    "nothing from this run was committed"; the work folder held 6 MB on a full disk; s30
    storage F11), or ""."""
    opts = run.options
    if getattr(opts, "plan", None) != "staged":
        return ""
    work = opts.work_dir or opts.out / ".plan"
    from .atomic import _tree_size

    size = _tree_size(os.fspath(work))
    if not size:
        return ""
    return (
        f"; the tasks it finished are kept in {work} ({size / 1e6:,.1f} MB): the same command"
        " again resumes from them (on a full disk, free space first: at its peak a staged"
        " plan needs several times the output's size, docs/scaling.md)"
    )


def _not_a_folder(path: Path, file: bool = False) -> str | None:
    """Why ``path`` cannot be the folder (``file``: the file) a run writes, or None: it is
    (or would be made inside) something that is not a folder. Said before the run starts
    instead of as an "internal error" with a traceback from the first ``mkdir``."""
    try:
        return _not_a_folder_why(path, file)
    except OSError as exc:  # (a name too long: a traceback and exit 1, "some inputs failed")
        return f"cannot be used: {exc.strerror or exc}"


def _not_a_folder_why(path: Path, file: bool) -> str | None:
    if path.exists():
        if file and path.is_dir():
            return "is a folder, not a file"
        if not file and not path.is_dir():
            return "is a file, not a folder"
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                return f"cannot be made: {parent} is a file, not a folder"
            break
    return None


#: The longest path SQLite opens, in bytes (the unix VFS's MAX_PATHNAME)
_SQLITE_MAX_PATH = 512


def _cannot_write(exc: OSError | sqlite3.OperationalError, index: Path | None = None) -> str | None:
    """What the user is told when the run stopped because its output could not be written
    (a full disk, a read-only or forbidden folder), or None for another error. ``index``:
    the run's index file (SQLite says "readonly database" when its folder is read-only)."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        if "full" in text or "readonly" in text or "unable to open" in text:
            folder = index.parent if index is not None else None
            long = len(os.fsencode(os.path.abspath(index))) if index is not None else 0
            if "unable to open" in text and long + len("-journal") >= _SQLITE_MAX_PATH:
                return (
                    f"cannot write the index: its path is {long:,} bytes long, and SQLite"
                    f" opens files of paths under {_SQLITE_MAX_PATH} bytes (its own files"
                    " beside it, -journal and -wal, included): a shorter output folder,"
                    " or --index at a shorter path"
                )
            if folder is not None and folder.is_dir() and not os.access(folder, os.W_OK):
                return f"cannot write the index: its folder {folder} is not writable ({text})"
            if "full" in text and folder is not None and _room(folder):
                # (its own disk has room: the full one is SQLite's temporary folder, which
                # nothing named; s30 storage F3)
                tmp = sqlite_temp_folder()
                return (
                    f"cannot write the index {index}: {text}, though its disk has room:"
                    f" SQLite's temporary files go to {tmp}, full or too small (set"
                    " SQLITE_TMPDIR, or TMPDIR, to a folder on a disk with room)"
                )
            # (the index named: with --index it is on another disk than the output)
            return f"cannot write the index{f' {index}' if index else ''}: {text}"
        return None
    if exc.errno in STORAGE_ERRNOS:  # (writing the output: inputs' are report entries)
        where = f" {exc.filename}" if exc.filename else ""
        said = f"cannot write the output{where}: {exc.strerror or exc}"
        if exc.errno == errno.EFBIG:
            # (the limit, not the disk: "File too large" named neither; s30 storage F8)
            said += " (a file-size limit: ulimit -f, a quota, or the file system's largest file)"
        folder = Path(exc.filename).parent if isinstance(exc.filename, str) else None
        if folder is None and index is not None:
            folder = index.parent
        if exc.errno == errno.ENOSPC and folder is not None:
            # (df -h showed 50 MB free: the disk had no inode left for a new file, and the
            # message gave no hint; s30 storage F8)
            if _no_inodes(folder):
                said += f" (no inode left on the disk of {folder}, though it has room: df -i)"
            elif (free := _free_mb(folder)) is not None and free >= 4:
                said += (
                    f" (its disk has {free:,} MB free now that the run's temporary files are"
                    " gone: if it had as much before, it ran out of inodes (df -i) or of a"
                    " quota)"
                )
        return said
    if exc.errno == errno.EIO:
        # (a traceback and "internal error: OSError(5, 'Input/output error')"; s30 F7)
        where = f" {exc.filename}" if exc.filename else ""
        return (
            f"cannot write the output{where}: {exc.strerror or exc} (the disk reported an"
            " error: see the system log, dmesg)"
        )
    return None


def _disk_of(folder: Path) -> os.statvfs_result | None:
    """``statvfs`` of the disk ``folder`` is on: of its nearest existing folder (a run's
    new output folder is gone again when the run failed before writing anything)."""
    for place in (folder, *folder.parents):
        try:
            return os.statvfs(place)
        except FileNotFoundError:
            continue
        except (OSError, AttributeError):
            return None
    return None


def _no_inodes(folder: Path) -> bool:
    """Whether the disk of ``folder`` has no inode left (and some space)."""
    st = _disk_of(folder)
    return st is not None and st.f_files > 0 and st.f_favail == 0 and st.f_bavail > 0


def _free_mb(folder: Path) -> int | None:
    st = _disk_of(folder)
    return None if st is None else st.f_bavail * st.f_frsize >> 20


def _room(folder: Path) -> bool:
    """Whether the disk of ``folder`` has a few MB free (and inodes)."""
    st = _disk_of(folder)
    if st is None:
        return False
    return st.f_bavail * st.f_frsize >= (4 << 20) and (st.f_files == 0 or st.f_favail > 0)


def sqlite_temp_folder() -> str:
    """The folder SQLite puts its temporary files in (its unix VFS: the first of
    SQLITE_TMPDIR, TMPDIR, /var/tmp, /usr/tmp, /tmp that is a folder it may write; else the
    working folder)."""
    for name in (os.environ.get("SQLITE_TMPDIR"), os.environ.get("TMPDIR")):
        if name and os.path.isdir(name) and os.access(name, os.W_OK | os.X_OK):
            return name
    for name in ("/var/tmp", "/usr/tmp", "/tmp"):
        if os.path.isdir(name) and os.access(name, os.W_OK | os.X_OK):
            return name
    return os.getcwd()


def _hooks_of(pm: Any, name: str) -> list[str]:
    """The hooks a plugin implements beyond registering stages, sources and sinks (its
    lifecycle and event hooks), without the ``corearchive_`` prefix; none for a plugin
    that could not be loaded."""
    plugin = pm.get_plugin(name)
    if plugin is None:
        return []
    names = (c.name.removeprefix("corearchive_") for c in pm.get_hookcallers(plugin) or ())
    listed = ("register_stages", "register_sources", "register_sinks")
    return sorted(n for n in names if n not in listed)


def _place(stage: Any) -> str:
    """Where a stage runs unless a config says otherwise: its place in the default
    pipeline, or the place ``--enable`` puts it (``after``, else ``before``)."""
    from .config import DEFAULT_STAGES

    if stage.name in DEFAULT_STAGES:
        return f"default pipeline, {DEFAULT_STAGES.index(stage.name) + 1} of {len(DEFAULT_STAGES)}"
    if stage.after or stage.before:
        return " or ".join(
            f"{w} {v}" for w, v in (("after", stage.after), ("before", stage.before)) if v
        )
    return "no place: named in pipeline.stages"


def _location(pm: Any, name: str) -> str | None:
    """The file a plugin was loaded from (an editable install's is in its source folder)."""
    plugin = pm.get_plugin(name)
    if plugin is None:
        return None
    # (a plugin is a module, or an object of a class defined in one)
    module = plugin if hasattr(plugin, "__file__") else sys.modules.get(type(plugin).__module__)
    return getattr(module, "__file__", None)


@cli.command(short_help="List every plugin and what it provides.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def plugins(as_json: bool) -> None:
    """List every plugin: name, distribution, version, the file it was loaded from, and what
    it provides, each stage with its place (the options of its stages and sinks:
    corearchive options)."""
    # A broken plugin is listed with its cause (exit 2), not in place of the list: this is
    # the command that shows what is installed.
    broken: list[tuple[PluginInfo, str]] = []
    problem = None
    try:
        pm = make_plugin_manager(broken=broken)
    except CoreArchiveError as exc:  # (hooks that break the manager's own checks)
        _fail(str(exc), ExitCode.USAGE, as_json)
    errors: dict[str, str] = {}
    stages: dict[str, Any] = {}
    try:
        stages = collect(pm, errors).stages
    except CoreArchiveError as exc:
        problem = str(exc)
    rows: list[dict[str, Any]] = [
        {
            "name": i.name,
            "distribution": i.distribution,
            "version": i.version,
            "location": _location(pm, i.name),
            "stages": i.stages,
            "places": {n: _place(stages[n]) for n in i.stages if n in stages},
            "sources": i.sources,
            "sinks": i.sinks,
            "hooks": _hooks_of(pm, i.name),
            "error": why,
        }
        for i, why in [*((i, errors.get(i.name)) for i in pm.infos.values()), *broken]
    ]
    broken += [(i, errors[i.name]) for i in pm.infos.values() if i.name in errors]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
    else:
        for r in rows:
            named = {
                k: [f"{n} ({r['places'][n]})" if n in r["places"] else n for n in r[k]]
                for k in ("stages", "sources", "sinks", "hooks")
            }
            provides = "; ".join(f"{k}: {', '.join(v)}" for k, v in named.items() if v) or "nothing"
            if r["error"]:
                provides = f"BROKEN: {r['error']}"
            click.echo(
                f"{r['name']:<12} {r['distribution'] or '-'} {r['version'] or '-'}  {provides}"
                f"  [{r['location'] or '-'}]"
            )
    for info, why in broken:
        hint = "" if "COREARCHIVE_DISABLE_PLUGINS=" in why else leave_out_hint(info.name)
        click.echo(f"corearchive: error: {info.label}: {why}{hint}", err=True)
    if problem:
        click.echo(f"corearchive: error: {problem}", err=True)
    if broken or problem:
        sys.exit(int(ExitCode.USAGE))


@cli.command(short_help="List every stage's and sink's options: default, type, what it does.")
@click.argument("names", nargs=-1, metavar="[STAGE|SINK]...")
@_config_options
def options(
    names: tuple[str, ...],
    config_path: Path | None,
    sets: tuple[str, ...],
    disable: tuple[str, ...],
    enable: tuple[str, ...],
) -> None:
    """List every option --set and the config file take: name, default, type and what it
    does, for each stage and sink installed (a plugin's too), or only those NAMES; and the
    value a run here would use where the configuration (./corearchive.toml, --config,
    --set, as for ingest) sets one."""
    from .config import (
        DEFAULT_DOC_TIMEOUT,
        DEFAULT_SINKS,
        DEFAULT_STAGES,
        PROVENANCE_FULL,
        PROVENANCE_MINIMAL,
        did_you_mean,
    )
    from .options import describe_options

    try:
        _, registry = _setup()
        config = resolve(
            registry, config_path=config_path, sets=sets, disable=disable, enable=enable
        )
    except CoreArchiveError as exc:
        _fail(str(exc), ExitCode.USAGE)
    known = {**registry.sinks, **registry.stages}
    for name in names:
        if name not in known and name not in ("pipeline", "output"):
            _fail(
                f"{name}: no such stage or sink (available: {', '.join(sorted(known))})"
                + did_you_mean(name, [*known, "pipeline", "output"]),
                ExitCode.USAGE,
            )
    lines = [
        'Options, as --set NAME=VALUE (VALUE a TOML value: 0.5, true, "text", ["en"])',
        "or in corearchive.toml ([stages.STAGE], [sinks.SINK]); as JSON Schema:",
        "corearchive schema config.",
    ]
    if not names or "pipeline" in names:
        lines += [
            "",
            "pipeline",
            f"  pipeline.stages = {json.dumps(list(DEFAULT_STAGES))}"
            f"  (list of: {', '.join(sorted(registry.stages))})",
            "      The stages to run, in order.",
            *_configured(
                list(config.stages) != list(DEFAULT_STAGES), list(config.stages), "pipeline.stages"
            ),
            f"  pipeline.doc_timeout = {DEFAULT_DOC_TIMEOUT:g}  (number, >= 0)",
            "      Seconds a stage may spend on one document (0: no limit).",
            *_configured(
                config.doc_timeout != DEFAULT_DOC_TIMEOUT,
                config.doc_timeout,
                "pipeline.doc_timeout",
            ),
        ]
    if not names or "output" in names:
        lines += [
            "",
            "output",
            f"  output.sinks = {json.dumps(list(DEFAULT_SINKS))}"
            f"  (list of: {', '.join(sorted(registry.sinks))})",
            "      The sinks to write to, in order.",
            *_configured(
                list(config.sinks) != list(DEFAULT_SINKS), list(config.sinks), "output.sinks"
            ),
            f'  output.provenance = "{PROVENANCE_FULL}"'
            f'  ("{PROVENANCE_FULL}" or "{PROVENANCE_MINIMAL}")',
            "      What the run records about its operator: user and host name, working",
            '      folder, install paths ("full"), or none of them ("minimal").',
            *_configured(
                config.provenance != PROVENANCE_FULL, config.provenance, "output.provenance"
            ),
        ]
    tables: list[tuple[str, dict[str, Any], str]] = [
        ("stage", registry.stages, ""),
        ("sink", registry.sinks, "sinks."),
    ]
    for kind, table, prefix in tables:
        for name, cls in sorted(table.items()):
            if names and name not in names:
                continue
            info = registry.owners[(kind, name)]
            fields = describe_options(cls.Options, prefix + name) or ["  (no options)"]
            by = f"{info.distribution or info.name} {info.version or ''}".rstrip()
            lines += ["", f"{kind} {name} (plugin {by})", *fields]
            # (a corearchive.toml setting 0.4 showed the default 0.5 alone: s29 integration
            # tester LOW-3)
            values = (config.stage_options if kind == "stage" else config.sink_options).get(name)
            for (where_table, owner, key), where in sorted(config.set_by.items()):
                if owner == name and where_table == kind + "s" and values is not None:
                    value = getattr(values, key, None)
                    lines += _configured(True, value, f"{prefix}{name}.{key}", where)
    click.echo("\n".join(lines))


def _configured(changed: bool, value: Any, key: str, where: str = "") -> list[str]:
    """The line ``corearchive options`` gives a value the configuration sets, or none."""
    if not changed:
        return []
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return [f"  configured: {key} = {shown}{f'  (set by {where})' if where else ''}"]


@cli.command(short_help="Check the archive in OUT: its WARC digests and records.")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option(
    "--timeout",
    type=_FINITE_SECONDS,
    metavar="SECONDS",
    default=3600.0,
    show_default=True,
    help="Seconds to wait for a run writing OUT to finish before checking it.",
)
@click.option("--all", "show_all", is_flag=True, help="List every problem (all are counted).")
@click.option(
    "--max-problems",
    type=_Count(min=0),
    metavar="N",
    default=None,
    help="List at most N problems (default 50; with --json, all).",
)
def verify(
    out: Path, as_json: bool, timeout: float, show_all: bool, max_problems: int | None
) -> None:
    """Check the archive in OUT: every WARC record's digests, and every record's raw and
    conversion records (where records.jsonl says, with its text). Exit 0 when intact, 1
    when not, 2 when OUT is not a folder (or a usage error), 3 when the check could not be
    made (no temporary folder to work in: set TMPDIR), 75 when a run held OUT for longer
    than --timeout. The check holds OUT's lock: a run started meanwhile waits for it
    (up to its --index-timeout)."""
    from .atomic import output_lock
    from .verify import MAX_LISTED
    from .verify import verify as check

    # (click's own check printed its usage text, not JSON, under --json)
    _need_folder(out, as_json)
    # (every problem is counted; the text lists the first 50 unless told, --json all)
    if show_all:
        limit = None
    elif max_problems is not None:
        limit = max_problems
    else:
        limit = None if as_json else MAX_LISTED
    try:
        # (a run that committed during the check showed as damage: raw records in no WARC
        # file, 1,228 problems in an intact archive of 42,562 records)
        with output_lock(out, timeout, sys.stderr, reading=True):
            result = check(out, limit)
    except OutputBusyError as exc:
        _fail(str(exc), ExitCode.BUSY, as_json)
    except ScratchError as exc:
        _fail(str(exc), ExitCode.INTERNAL, as_json)
    except sqlite3.OperationalError as exc:
        if "full" not in str(exc):
            raise
        import tempfile

        # (its table of the WARC records, in the temporary folder: not the archive's fault)
        _fail(
            f"cannot check {out}: its temporary index in {tempfile.gettempdir()} cannot be"
            f" written ({exc}): set TMPDIR to a folder on a disk with room (about 1.7 KB a"
            " document)",
            ExitCode.INTERNAL,
            as_json,
        )
    try:
        if as_json:
            click.echo(json.dumps(result.to_json(), indent=2))
        else:
            click.echo(f"{out}: {'intact' if result.ok else 'NOT intact'}")
            click.echo(result.summary())
    except BrokenPipeError:
        # The reader went away (`verify OUT | head -1`): the exit status still says what
        # the check found (click made it 1, "not intact", for an intact archive); what is
        # left unwritten goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(int(ExitCode.OK if result.ok else ExitCode.PARTIAL))


def _maintenance_options(
    index_help: str, timeout_help: str
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--index`` and ``--timeout`` of the commands that change an archive in place
    (remove, index upgrade, index rebuild)."""

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        f = click.option(
            "--timeout",
            type=_FINITE_SECONDS,
            metavar="SECONDS",
            default=30.0,
            show_default=True,
            help=timeout_help,
        )(f)
        return click.option(
            "--index",
            "index_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help=index_help,
        )(f)

    return decorate


_USED_INDEX = "The index the folder's runs used, where it is not OUT/index.sqlite."


@contextlib.contextmanager
def _maintenance_errors(
    failed: str, internal: tuple[type[CoreArchiveError], ...] = ()
) -> Iterator[None]:
    """The exit of a command that changes an archive in place: 75 when a run holds OUT or
    the index, 2 for what the command refuses, 3 for a failure of the disk or the index
    (``failed``, with ``{}`` for the cause: the archive is as it was) and for the errors of
    ``internal``."""
    try:
        yield
    except (IndexBusyError, OutputBusyError) as exc:
        _fail(f"{exc}; --timeout SECONDS waits longer", ExitCode.BUSY)
    except internal as exc:
        _fail(str(exc), ExitCode.INTERNAL)
    except CoreArchiveError as exc:
        _fail(str(exc), ExitCode.USAGE)
    except (OSError, sqlite3.Error) as exc:
        _fail(failed.format(exc), ExitCode.INTERNAL)


@cli.command(short_help="Take documents out of the archive in OUT (a takedown request).")
@click.argument("out", type=click.Path(path_type=Path))
@click.argument("ids", nargs=-1, required=True)
@click.option(
    "--reason",
    help="Why (kept in OUT/takedowns.jsonl and the index): a case number, no personal data."
    " Required unless --dry-run.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Change nothing: list what would be taken out, and the related documents"
    " (revisions and copies of it, its text or a near one elsewhere, the same address).",
)
@click.option(
    "--with-related",
    is_flag=True,
    help="Take out too the related documents --dry-run marks with '*' (revisions and copies"
    " that name it, the same or a near text).",
)
@_maintenance_options(_USED_INDEX, "Seconds to wait for a run holding OUT or the index.")
def remove(
    out: Path,
    ids: tuple[str, ...],
    reason: str | None,
    dry_run: bool,
    with_related: bool,
    index_path: Path | None,
    timeout: float,
) -> None:
    """Take documents IDS out of the archive in OUT (a takedown request): their lines of
    records.jsonl and their WARC records go (a document's records replaced by one
    withdrawal record as long as they are, and each revisit of a copy of it by one of its
    own, so no other record moves), the index forgets them, and OUT/takedowns.jsonl
    records each (id, reason, time), which verify accepts. A later run drops them, given
    again, as taken_down. All or nothing. Exit 0 done (an id taken down already is said,
    and not an error: a retry succeeds), 2 an id not in the archive (nothing done), 75 OUT
    or the index held by a run."""
    from .takedown import UnfinishedTakedown
    from .takedown import remove as take_down

    _need_folder(out)
    if dry_run:
        _remove_preview(out, list(ids), index_path, with_related)
        return
    if reason is None:
        _fail("--reason: say why the documents are taken down (a case number)", ExitCode.USAGE)
    registry = None
    with contextlib.suppress(Exception):  # (a broken plugin must not stop a takedown)
        registry = collect(make_plugin_manager())
    with _maintenance_errors("nothing was taken down ({})", internal=(UnfinishedTakedown,)):
        entries = take_down(
            out,
            list(ids),
            str(reason),
            index=index_path,
            timeout=timeout,
            err=sys.stderr,
            with_related=with_related,
            registry=registry,
        )
    for e in entries:
        what = ["its line in records.jsonl"] if e.get("in_records") else []
        if e["warc"]:
            copies = len(e["withdrawn_records"]) - 1
            refs = (
                f", and {copies} reference(s) of copies to it, each by one of its own"
                if copies > 0
                else ""
            )
            what.append(
                f"its page, text and record in the WARC files ({', '.join(sorted(e['warc']))}),"
                f" replaced by one withdrawal record{refs}"
            )
        elif e.get("in_records"):
            what.append("no WARC records (archived by a run without the warc sink)")
        what.append("its entries in the index")
        what += [f"sink {n!r}: {a}" for n, a in (e.get("sinks") or {}).items()]
        again = f" (taken down before, at {e['again']}; found again)" if e.get("again") else ""
        click.echo(f"taken down {e['id']}{again}: {'; '.join(what)}")


def _remove_preview(out: Path, ids: list[str], index: Path | None, with_related: bool) -> None:
    """``remove --dry-run``: what would be taken out, and the related documents."""
    from .takedown import index_copies, preview, unfinished_plan

    with _maintenance_errors("{}"):
        p = preview(out, ids, index, with_related)
    click.echo(f"would take down {len(p['found'])} document(s) (--dry-run: nothing changed):")
    for doc_id, rec in p["found"].items():
        src = rec.get("source") if isinstance(rec.get("source"), dict) else {}
        arch = rec.get("archive") if isinstance(rec.get("archive"), dict) else {}
        title = f' "{rec["title"]}"' if rec.get("title") else ""
        where = f"in {arch.get('warc')}" if arch else "no WARC records"
        click.echo(f"  {doc_id}  {(src or {}).get('uri')}{title}  ({where})")
    for doc_id, when in p["done"].items():
        click.echo(f"  {doc_id}: taken down already, at {when}; nothing of it is left")
    for doc_id in p["missing"]:
        click.echo(f"  {doc_id}: not found (not in records.jsonl nor in a WARC file)")
    if p["related"]:
        click.echo(
            "related documents ('*': taken out too with --with-related; the others only if"
            " you name them):"
        )
        for r in p["related"]:
            mark = "*" if r["include"] else " "
            title = f' "{r["title"]}"' if r.get("title") else ""
            click.echo(f"  {mark} {r['id']}  {r['uri']}{title}: {'; '.join(r['how'])}")
    else:
        click.echo("related documents: none in records.jsonl")
    for copy in index_copies(index or out / "index.sqlite"):
        click.echo(f"would also remove {copy}: a copy of the index as it was (it holds them)")
    if (work := unfinished_plan(out)) is not None:
        click.echo(
            f"would also remove {work}: an unfinished staged plan's work folder (it holds the"
            " text of the documents it read)"
        )
    if p["missing"]:
        sys.exit(ExitCode.USAGE)


@cli.command(short_help="List every capture of a URL in OUT: records and drops, over all runs.")
@click.argument("url")
@click.argument("outs", nargs=-1, required=True, metavar="OUT...",
                type=click.Path(path_type=Path))  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option(
    "--exact-url",
    is_flag=True,
    help="Only captures at URL as written (default: at any URL with its canonical key:"
    " scheme, host case, www., default port, fragment, tracking parameters, trailing slash"
    " aside).",
)
def history(url: str, outs: tuple[Path, ...], as_json: bool, exact_url: bool) -> None:
    """List every capture of the page at URL in the output folders OUT (several when they
    share an --index): the versions kept as records (unique, revision) and the re-fetches
    dropped (exact or near copies, excerpts, already archived, a crawl's revisit records:
    of the record that is their original, or with theirs not in the archive; a copy
    captured before the record it repeats, read in a later run, says so), from records.jsonl and
    rejects.jsonl, in the order of their runs. A drop reported again by a later run (a
    --rescan) is listed once. Exit 0 (also when nothing is found), 2 an OUT that is no
    folder."""
    from .history import captures, page_key, summary

    for out in outs:
        _need_folder(out, as_json)
    if "://" not in url and url != "stdin:" and os.path.exists(url):
        # a local file's path, as a user of text files types it: the file: URI its
        # documents have (its real path; s32 regression tester #14)
        url = Path(os.path.realpath(url)).as_uri()
    found = captures(url, list(outs), exact=exact_url)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "url": url,
                    "key": page_key(url, exact_url),
                    "folders": [str(o) for o in outs],
                    "captures": found,
                },
                ensure_ascii=False,
            )
        )
    else:
        click.echo(summary(url, found, exact_url))


@cli.group()
def index() -> None:
    """Manage an output folder's index (index.sqlite)."""


@index.command(short_help="Upgrade the index of OUT, made by an older corearchive, in place.")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@_maintenance_options(_USED_INDEX, "Seconds to wait for a run holding OUT or the index.")
@click.option(
    "--skip-missing-folders",
    is_flag=True,
    help="Upgrade although output folders of the index's runs are not found (their"
    " documents keep the old hashing).",
)
def upgrade(out: Path, index_path: Path | None, timeout: float, skip_missing_folders: bool) -> None:
    """Upgrade the index of OUT, made by an older corearchive, to this one's format, in place
    (the documents concerned are re-hashed from OUT's records.jsonl; a copy of the index as
    it was is kept beside it as index.sqlite.vN). With --index, OUT may not exist yet (a
    new folder on a shared index). Exit 0 when done (or nothing to do), 2 when the index
    cannot be upgraded, 75 when a run holds OUT or the index."""
    from .upgrade import upgrade as run_upgrade

    with _maintenance_errors("the index was not upgraded ({}); it is as it was"):
        click.echo(run_upgrade(out, index_path, timeout, sys.stderr, skip_missing_folders))


@index.command(short_help="Make OUT's index anew from the archive's own files.")
@click.argument("out", type=click.Path(path_type=Path))
@_config_options
@_maintenance_options(
    "Where the index goes, if not OUT/index.sqlite.", "Seconds to wait for a run holding OUT."
)
def rebuild(
    out: Path,
    config_path: Path | None,
    sets: tuple[str, ...],
    disable: tuple[str, ...],
    enable: tuple[str, ...],
    index_path: Path | None,
    timeout: float,
) -> None:
    """Make OUT's index anew from the archive's own files (runs/, records.jsonl, the WARC
    files, rejects.jsonl, takedowns.jsonl): for an index lost, damaged, or restored from an
    older backup, or to change the dedup hashing options (--set dedup.num_perm=...). The old
    index is kept as index.sqlite.before-rebuild. No run may use the index meanwhile. What
    no file holds is not rebuilt (docs/running.md). Exit 0 done, 2 nothing to rebuild from,
    75 OUT held by a run."""
    import importlib

    from .rebuild import rebuild as run_rebuild

    _need_folder(out)

    with _maintenance_errors("the index was not rebuilt ({}); it is as it was"):
        _, registry = _setup()
        config = resolve(
            registry, config_path=config_path, sets=sets, disable=disable, enable=enable
        )
        options = (
            config.stage_options.get("dedup")
            or importlib.import_module("corearchive_plugins.dedup").DedupOptions()
        )
        click.echo(run_rebuild(out, index_path, options, timeout, sys.stderr))


@cli.command(short_help="Print the record, config or reject schema (JSON Schema).")
@click.argument("which", type=click.Choice(["record", "config", "reject"]))
@_config_options
def schema(
    which: str,
    config_path: Path | None,
    sets: tuple[str, ...],
    disable: tuple[str, ...],
    enable: tuple[str, ...],
) -> None:
    """Print the record schema of the configured pipeline (the config file, --set and
    --disable as for ingest), the config file schema (the configuration given by --config,
    --set and --disable checked first, as ingest checks it: an error exits 2), or the schema
    of a line of rejects.jsonl."""
    if which == "reject":
        click.echo(json.dumps(reject_schema(), indent=2, ensure_ascii=False))
        return
    try:
        _, registry = _setup()
        if which == "config":
            if config_path is not None or sets or disable or enable:
                # (checked as ingest would: -c was ignored, and a missing file gave rc 0)
                resolve(
                    registry, config_path=config_path, sets=sets, disable=disable, enable=enable
                )
            data = config_schema(registry.stages, registry.sinks)
        else:
            cfg = resolve(
                registry, config_path=config_path, sets=sets, disable=disable, enable=enable
            )
            data = registry.record_schema(cfg.stages)
    except CoreArchiveError as exc:
        _fail(str(exc), ExitCode.USAGE)
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


class _Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a scheduler's time limit, ``docker stop``) or SIGHUP (the terminal
    or ssh session went away), handled as Ctrl-C; ``code``: the exit status that says which."""

    def __init__(self, signum: int = signal.SIGTERM) -> None:
        super().__init__(signum)
        self.code = 128 + signum


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM unwinds the run as Ctrl-C does: temporary outputs removed,
    worker processes stopped, nothing committed. It used to kill the main process at once,
    leaving its hidden temporary files and an orphaned worker behind. Processes forked in
    the block get the default action back (a pool stops its workers with SIGTERM)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # (signal handlers can only be set in the main thread)
        return

    def on_signal(signum: int, frame: Any) -> None:
        # The first signal stops the run; the ones after it (Ctrl-C twice, SIGTERM twice)
        # are ignored from here on: one that came before the clean-up held them
        # (limits.signals_held) cut it short, and the run's temporary files stayed (the
        # ctrl-c twice test, 0.02 s apart, 1 run in 17 on a loaded machine; s32)
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise _Terminated(signum)

    # (Ctrl-C only where Python's own handler has it: ignored when the command began, as a
    # script's background job has it, it stays ignored)
    interrupt = (
        [signal.SIGINT] if signal.getsignal(signal.SIGINT) is signal.default_int_handler else []
    )
    previous = {sig: signal.signal(sig, on_signal) for sig in (*interrupt, *_TERMINATING)}
    _reset_sigterm_in_children()
    stopped = False
    try:
        yield
    except KeyboardInterrupt:  # (and _Terminated)
        # stopped, its clean-up done: the command ends now, and a second signal (Ctrl-C
        # twice, SIGTERM twice) must not kill it half-way through saying so
        stopped = True
        for sig in (signal.SIGINT, *_TERMINATING):
            signal.signal(sig, signal.SIG_IGN)
        raise
    finally:
        if not stopped:  # (ended, or failed otherwise: the handlers as they were)
            for sig, handler in previous.items():
                signal.signal(sig, handler)


#: Signals that stop a run as Ctrl-C does (SIGHUP: where the system has it)
_TERMINATING = (signal.SIGTERM, *((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()))


@functools.cache
def _reset_sigterm_in_children() -> None:
    os.register_at_fork(
        after_in_child=lambda: [signal.signal(sig, signal.SIG_DFL) for sig in _TERMINATING]
    )


def main() -> None:
    """Console-script entry point."""
    # BLAS on one thread in the run's processes (the workers inherit it), set before numpy
    # is first imported (by the plugins): processes are the unit of parallelism, the line
    # model's matmuls are small, and it sets one thread as it loads anyway (see
    # corearchive_plugins.boilerplate.lines._one_blas_thread); OpenBLAS's second thread
    # started, and spun after numpy's first BLAS calls, for ~25 ms of CPU per process
    # (numpy's import and a matmul: 117 -> 90 ms, 8 runs each). A user's own value stays.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # Young objects collected every GC_YOUNG allocations from here, not from the run's
    # freeze_heap on: the plugins' imports and models (almost all of them alive for the
    # process) were walked by ~70 collections before it, ~25 ms of CPU in a process that
    # ingests one HTML page (one collection after it; the same records)
    collect_young_less_often()
    global _STANDALONE
    _STANDALONE = True
    try:
        cli(prog_name="corearchive")
    except SystemExit as exc:
        lost = getattr(sys.stdout, "lost", None)
        if lost is None:
            raise
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        click.echo(
            f"corearchive: error: could not write to standard output ({lost.strerror or lost}):"
            " what the command printed there is lost; what it did is done and kept",
            err=True,
        )
        raise SystemExit(ExitCode.INTERNAL if code == ExitCode.OK else code) from None
