"""The hooks a corearchive plugin can implement.

Collector hooks hand the plugin a ``register`` callback (the pattern of simonw/llm): a plugin
offers stages, sources, sinks and commands; the configuration decides what runs and in which
order. Lifecycle and event hooks tell every plugin what happens; their results are ignored.

Hookspecs only ever gain arguments; none is renamed or removed. Implementations may accept
any subset of a hook's arguments, so a plugin written today keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import click

    from .config import RunConfig
    from .document import Document, Drop
    from .report import RunReport
    from .sink import Sink
    from .source import Source
    from .stage import Stage

PROJECT = "corearchive"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def corearchive_register_stages(register: Callable[[type[Stage]], None]) -> None:
    """Offer pipeline stages: call ``register(StageClass)`` once per stage class.

    A registered stage runs only where the configuration names it, so installing a plugin
    never changes what an existing configuration produces. Stage names are unique across all
    plugins; a clash fails at start-up naming both plugins.
    """


@hookspec
def corearchive_register_sources(register: Callable[[type[Source]], None]) -> None:
    """Offer input formats: call ``register(SourceClass)`` once per format reader.

    Each input is read by the registered source whose ``sniff`` is most confident about it.
    """


@hookspec
def corearchive_register_sinks(register: Callable[[type[Sink]], None]) -> None:
    """Offer output writers: call ``register(SinkClass)`` once per sink class.

    Sinks run where ``[output] sinks`` names them, in that order.
    """


@hookspec
def corearchive_register_commands(cli: click.Group) -> None:
    """Add subcommands to the ``corearchive`` command line (``@cli.command()``)."""


@hookspec
def corearchive_configure(config: RunConfig) -> None:
    """Called once the run configuration is resolved and validated, before any stage opens.

    Read it; do not change it (it is frozen in the run manifest). An exception stops the
    run before its first document (exit 3), naming the plugin.
    """


@hookspec
def corearchive_session_start(run_id: str, config: RunConfig) -> None:
    """Called when a run starts, after stages and sinks are opened. An exception stops the
    run before its first document (exit 3), naming the plugin."""


@hookspec
def corearchive_session_finish(run_id: str, report: RunReport, exitstatus: int) -> None:
    """Called when a run ends, after its outputs were committed, with its report. An
    exception is a warning naming the plugin: the run, committed, keeps its exit status."""


@hookspec
def corearchive_document_dropped(document: Document, stage: str, drop: Drop) -> None:
    """A stage dropped ``document`` (an outcome with a reason, not an error)."""


@hookspec
def corearchive_document_failed(
    document: Document | None, source: dict[str, Any], stage: str, error: str
) -> None:
    """Processing failed: ``stage`` raised on ``document``, or an input could not be read
    (``document`` is then None and ``stage`` is ``"input"``). ``source`` names the input."""


def builtin(plugin: object) -> bool:
    """Whether ``plugin`` (a stage, source or sink) is one of corearchive's own builtin
    plugins (``corearchive_plugins``), not a third party's."""
    return type(plugin).__module__.startswith("corearchive_plugins.")
