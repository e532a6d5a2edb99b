"""Plugin manager factory and the registry of what plugins offer.

There is no global manager: :func:`make_plugin_manager` builds one (the CLI builds one per
command, tests build their own). Builtin plugins are entry points of the ``corearchive``
group declared by corearchive itself, loaded exactly like a third-party distribution's.

Debug switches (environment variables):

``COREARCHIVE_DISABLE_PLUGIN_AUTOLOAD=1``
    load only corearchive's own entry points, no third-party ones.
``COREARCHIVE_DISABLE_PLUGINS=a,b``
    do not load the named plugins (``dist:name`` names one of two distributions that use
    the same entry-point name).
``COREARCHIVE_TRACE=1``
    print every hook call to stderr.
"""

from __future__ import annotations

import importlib.metadata
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError
from .hookspecs import PROJECT
from .options import check_defaults
from .schema import record_schema
from .sink import Sink
from .source import Source
from .stage import Stage, describe_error

ENTRY_POINT_GROUP = "corearchive"
_OWN_DIST = "corearchive"


@dataclass
class PluginInfo:
    """A loaded plugin: its entry-point name, distribution and what it provides."""

    name: str
    distribution: str | None
    version: str | None
    stages: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    sinks: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        dist = f"{self.distribution} {self.version}" if self.distribution else "no distribution"
        return f"plugin {self.name!r} ({dist})"


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, plus: any ``corearchive_*`` function is a hook implementation.

    So a misspelt hook (``corearchive_register_stage``) is not silently ignored: it has no
    spec, and :meth:`check` fails naming the plugin.
    """

    def __init__(self) -> None:
        super().__init__(PROJECT)
        self.infos: dict[str, PluginInfo] = {}
        self._warned: set[tuple[str, str]] = set()
        #: ``COREARCHIVE_TRACE``: each hook call is written to stderr (the host calls most
        #: implementations one by one, past pluggy's own tracer: it printed nothing)
        self.tracing = False

    def traced(self, hook: str, plugin: str | None, argnames: Iterable[str]) -> None:
        """With tracing on, write the call of ``hook`` on ``plugin`` to stderr."""
        if self.tracing:
            sys.stderr.write(f"corearchive trace: {hook} [{plugin}] ({', '.join(argnames)})\n")

    def notify(self, hook: str, **kwargs: Any) -> None:
        """Call the event hook ``hook``, whose results are ignored, so that a plugin's
        exception does not stop the run (it did, with exit 3 and nothing committed, over
        one document's event): each implementation is called on its own, and a failure is
        reported on standard error, once per plugin and hook."""
        for _, label, exc in self._each(hook, kwargs):
            if (label, hook) not in self._warned:
                self._warned.add((label, hook))
                print(
                    f"warning: {label}: {hook} raised {type(exc).__name__}: {exc};"
                    " the run goes on (its further failures are not shown)",
                    file=sys.stderr,
                )

    def setup(self, hook: str, **kwargs: Any) -> None:
        """Call the lifecycle hook ``hook`` before the run's first document (``configure``,
        ``session_start``): a plugin's exception stops the run, as a stage that cannot open
        does, with a :class:`PluginError` naming the plugin and how to leave it out (it was
        an "internal error" with the exception alone, whichever plugin raised it)."""
        for name, label, exc in self._each(hook, kwargs):
            leave_out = f" (COREARCHIVE_DISABLE_PLUGINS={name} leaves it out)" if name else ""
            raise PluginError(
                f"{label}: {hook} raised {describe_error(exc)}; nothing was run{leave_out}"
            ) from exc

    def _each(
        self, hook: str, kwargs: dict[str, Any]
    ) -> Iterator[tuple[str | None, str, Exception]]:
        """Each implementation of ``hook`` called on its own (pluggy's order), yielding
        ``(plugin name, plugin label, exception)`` for those that raise."""
        caller = getattr(self.hook, hook)
        impls: list[Any] = caller.get_hookimpls()[::-1]  # (pluggy calls the last first)
        if any(i.wrapper or i.hookwrapper for i in impls):
            impls = [None]  # (a wrapper wants pluggy's own call: made whole)
        for impl in impls:
            try:
                if impl is None:
                    caller(**kwargs)  # (pluggy's tracer writes it)
                else:
                    self.traced(hook, impl.plugin_name, impl.argnames)
                    impl.function(*(kwargs[a] for a in impl.argnames))
            except Exception as exc:
                name = impl.plugin_name if impl is not None else None
                info = self.infos.get(name) if name else None
                label = info.label if info else f"plugin {name!r}" if name else "a plugin"
                yield name, label, exc

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> pluggy.HookimplOpts | None:
        opts = super().parse_hookimpl_opts(plugin, name)
        if opts is None and name.startswith(f"{PROJECT}_"):
            method = getattr(plugin, name, None)
            if callable(method):
                return {
                    "wrapper": False,
                    "hookwrapper": False,
                    "optionalhook": False,
                    "tryfirst": False,
                    "trylast": False,
                    "specname": None,
                }
        return opts

    def add_plugin(
        self, plugin: Any, name: str, distribution: str | None = None, version: str | None = None
    ) -> None:
        """Register ``plugin`` under ``name`` and remember its distribution."""
        info = PluginInfo(name=name, distribution=distribution, version=version)
        if name in self.infos:
            other = self.infos[name]
            hint = (
                f" (COREARCHIVE_DISABLE_PLUGINS={distribution}:{name} or"
                f" ={other.distribution}:{name} leaves one out; or uninstall one)"
                if distribution and other.distribution
                else ""
            )
            raise PluginError(
                f"{info.label}: a plugin named {name!r} is already loaded from {other.label}" + hint
            )
        try:
            self.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            if self.get_plugin(name) is not None:  # (its hooks before the bad one)
                self.unregister(name=name)
            why = self._invalid_hook(plugin, str(exc))
            raise PluginError(f"{info.label}: {why}{leave_out_hint(name)}") from exc
        self.infos[name] = info

    def _invalid_hook(self, plugin: Any, message: str) -> str:
        """One line for pluggy's refusal ``message`` of a hook of ``plugin``: for arguments
        the hook's spec does not give (pluggy's three lines, in its words), the hook as
        written and the arguments it may take."""
        import inspect
        import re

        found = re.search(r"for hook '(\w+)'", message)
        spec = getattr(getattr(self.hook, found[1], None), "spec", None) if found else None
        # (the function as pluggy names it: one written under another name, with
        # ``@hookimpl(specname=...)``, is no attribute of the hook's name: s39 acc-read F17)
        defined = re.search(r"hookimpl definition: (\w+)\(", message)
        function = getattr(plugin, defined[1], None) if defined else None
        if (
            found is None
            or spec is None
            or not callable(function)
            or "can not be found in the hookspec" not in message
        ):
            return " ".join(message.split())
        takes = list(inspect.signature(function).parameters)
        extra = [a for a in takes if a not in spec.argnames]
        written = "" if function.__name__ == found[1] else f" (as {function.__name__})"
        return (
            f"hook {found[1]}{written}({', '.join(takes)}) takes {', '.join(map(repr, extra))},"
            f" which corearchive does not give: it may take any of ({', '.join(spec.argnames)}),"
            " by name"
        )

    def _specified(self) -> list[str]:
        """The names of the hooks there are (those with a spec)."""
        callers = ((n, getattr(self.hook, n)) for n in self.hook.__dict__ if not n.startswith("_"))
        return [n for n, c in callers if isinstance(c, pluggy.HookCaller) and c.has_spec()]

    def check(self, broken: list[tuple[PluginInfo, str]] | None = None) -> None:
        """Fail on hook implementations that match no hookspec (a misspelt hook name); with
        ``broken`` given, unregister such a plugin and add it there instead."""
        from .config import did_you_mean  # (config imports this module)

        for name in list(self.hook.__dict__):
            if name.startswith("_"):
                continue
            caller = getattr(self.hook, name)
            if isinstance(caller, pluggy.HookCaller) and not caller.has_spec():
                for impl in caller.get_hookimpls():
                    if impl.optionalhook:
                        continue
                    plugin = impl.plugin_name
                    info = self.infos.get(plugin) or PluginInfo(plugin, None, None)
                    why = (
                        f"unknown hook {name!r} (see corearchive.hookspecs for the hooks there"
                        f" are){did_you_mean(name, self._specified())}"
                    )
                    if broken is None:
                        raise PluginError(f"{info.label}: {why}{leave_out_hint(plugin)}")
                    if self.get_plugin(plugin) is not None:
                        self.unregister(name=plugin)
                    self.infos.pop(plugin, None)
                    broken.append((info, why))


def leave_out_hint(name: str) -> str:
    """What an error about plugin ``name`` says to run without it."""
    return f" (COREARCHIVE_DISABLE_PLUGINS={name} leaves it out)"


#: Names no stage may take: what the host keeps under them (a stage's name is its key in
#: a record's ``annotations`` and the first part of its ``--set STAGE.KEY``).
_RESERVED_WHY = {
    "source": "annotations.source is the input reader's evidence",
    "pipeline": "--set pipeline.KEY sets the [pipeline] table",
    "output": "--set output.KEY sets the [output] table",
    "stages": "the [stages] table of the config",
    "sinks": "the [sinks] table of the config",
}
RESERVED_STAGE_NAMES = frozenset(_RESERVED_WHY)


def make_plugin_manager(
    plugins: Iterable[tuple[str, Any]] = (),
    *,
    load_entrypoints: bool = True,
    broken: list[tuple[PluginInfo, str]] | None = None,
) -> PluginManager:
    """Build a plugin manager with the hookspecs, entry-point plugins and ``plugins`` given.

    ``plugins`` are ``(name, module_or_object)`` pairs registered after the entry points;
    tests use it to add a plugin without installing it. An installed plugin that cannot be
    loaded raises :class:`PluginError`, or, with a ``broken`` list given (``corearchive
    plugins``, which lists them), is left out and added there with the cause.
    """
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    disabled = {p.strip() for p in os.environ.get("COREARCHIVE_DISABLE_PLUGINS", "").split(",")}
    own_only = os.environ.get("COREARCHIVE_DISABLE_PLUGIN_AUTOLOAD", "") not in ("", "0")
    if load_entrypoints:
        for ep in sorted(
            importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name
        ):
            dist = ep.dist.name if ep.dist else None
            version = ep.dist.version if ep.dist else None
            if (
                ep.name in disabled
                or f"{dist}:{ep.name}" in disabled
                or (own_only and dist != _OWN_DIST)
            ):
                continue
            try:
                module = ep.load()
            except Exception as exc:
                why = f"cannot load {ep.value}: {type(exc).__name__}: {exc}"
                if broken is not None:
                    broken.append((PluginInfo(ep.name, dist, version), why))
                    continue
                raise PluginError(
                    f"plugin {ep.name!r} ({dist or 'no distribution'}): {why}"
                    f" (COREARCHIVE_DISABLE_PLUGINS={ep.name} leaves it out)"
                ) from exc
            try:
                pm.add_plugin(module, ep.name, dist, version)
            except PluginError as exc:
                if broken is None:
                    raise
                # (listed with its cause: a hook whose arguments are not its spec's, a
                # name another distribution took)
                info = PluginInfo(ep.name, dist, version)
                broken.append((info, str(exc).removeprefix(f"{info.label}: ")))
    for name, plugin in plugins:
        if name not in disabled:
            pm.add_plugin(plugin, name)
    pm.check(broken)
    if os.environ.get("COREARCHIVE_TRACE", "") not in ("", "0"):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
        pm.tracing = True
    return pm


@dataclass
class Registry:
    """Every stage, source and sink the loaded plugins offer, by name."""

    stages: dict[str, type[Stage]]
    sources: dict[str, type[Source]]
    sinks: dict[str, type[Sink]]
    #: Which plugin offered each ``(kind, name)``.
    owners: dict[tuple[str, str], PluginInfo]

    def record_schema(self, stages: Iterable[str]) -> dict[str, Any]:
        """The record schema of a pipeline of the named stages, with these sources' formats."""
        return record_schema((self.stages[n] for n in stages), self.sources)


def collect(pm: PluginManager, errors: dict[str, str] | None = None) -> Registry:
    """Ask every plugin what it offers and check it: names unique, schemas valid.

    Each plugin's collector hooks are called on their own so that every offering is
    attributed to its plugin; a clash or a broken declaration fails here, before any
    document, naming the plugin and its distribution. With ``errors`` given (``corearchive
    plugins``, which lists every plugin), a plugin's failure is put there under its name
    instead, and the other plugins are collected: of a clash, the plugin that registers the
    name second is the one in error.
    """
    from .schema import check_fragment

    reg = Registry(stages={}, sources={}, sinks={}, owners={})
    for known in pm.infos.values():  # (collected again: listed once, not twice)
        known.stages.clear()
        known.sources.clear()
        known.sinks.clear()
    kinds: list[tuple[str, str, type[Any], dict[str, Any]]] = [
        ("stage", "corearchive_register_stages", Stage, reg.stages),
        ("source", "corearchive_register_sources", Source, reg.sources),
        ("sink", "corearchive_register_sinks", Sink, reg.sinks),
    ]
    for kind, hook_name, base, table in kinds:
        caller: pluggy.HookCaller = getattr(pm.hook, hook_name)
        # get_hookimpls() is last-registered-first; reverse for a stable, load-ordered listing.
        for impl in reversed(caller.get_hookimpls()):
            info = pm.infos.get(impl.plugin_name) or PluginInfo(impl.plugin_name, None, None)

            def register(
                cls: type[Any],
                _info: PluginInfo = info,
                _kind: str = kind,
                _base: type[Any] = base,
                _table: dict[str, Any] = table,
            ) -> None:
                _register(reg, _info, _kind, _base, _table, cls, check_fragment)

            kwargs = {"register": register} if "register" in impl.argnames else {}
            pm.traced(hook_name, impl.plugin_name, kwargs)
            try:
                impl.function(**kwargs)
            except PluginError as exc:
                if errors is None:
                    raise
                errors.setdefault(info.name, str(exc).removeprefix(f"{info.label}: "))
            except Exception as exc:
                if errors is None:
                    raise PluginError(f"{info.label}: {hook_name} failed: {exc!r}") from exc
                errors.setdefault(info.name, f"{hook_name} failed: {exc!r}")
    return reg


def _register(
    reg: Registry,
    info: PluginInfo,
    kind: str,
    base: type[Any],
    table: dict[str, Any],
    cls: type[Any],
    check_fragment: Callable[[dict[str, Any], str], None],
) -> None:
    if not (isinstance(cls, type) and issubclass(cls, base)):
        raise PluginError(
            f"{info.label}: registered {cls!r} as a {kind}, which is not a"
            f" subclass of {base.__module__}.{base.__name__}"
        )
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name.isidentifier():
        raise PluginError(f"{info.label}: {kind} {cls.__name__} has no valid name ({name!r})")
    if kind == "stage" and name in RESERVED_STAGE_NAMES:
        raise PluginError(
            f"{info.label}: stage name {name!r} is reserved ({_RESERVED_WHY[name]}): choose another"
        )
    if name in table:
        other = reg.owners[(kind, name)]
        raise PluginError(
            f"{info.label}: {kind} name {name!r} is already registered by {other.label}"
            f" (COREARCHIVE_DISABLE_PLUGINS={info.name} or ={other.name} leaves one out)"
        )
    try:
        if kind != "source":
            check_defaults(cls.Options)
    except TypeError as exc:
        raise PluginError(f"{info.label}: {kind} {name!r} options: {exc}") from exc
    if kind == "stage" and cls.annotations_schema is not None:
        check_fragment(cls.annotations_schema, f"{info.label}: stage {name!r}")
    if kind == "stage":
        _check_methods(info, name, cls)
        _check_place(info, name, cls)
    table[name] = cls
    reg.owners[(kind, name)] = info
    getattr(info, kind + "s").append(name)


def _check_place(info: PluginInfo, name: str, cls: type[Stage]) -> None:
    """A stage's ``after`` and ``before`` must not contradict each other: in the builtin
    pipeline's order, or naming one stage or the stage itself (``--enable`` took ``after``
    and ignored ``before`` without a word)."""
    from .config import DEFAULT_STAGES

    after, before = cls.after, cls.before
    order = list(DEFAULT_STAGES)
    if (
        name in (after, before)
        or (after is not None and after == before)
        or (after in order and before in order and order.index(after) > order.index(before))
    ):
        raise PluginError(
            f"{info.label}: stage {name!r} declares after={after!r} and before={before!r},"
            f" which contradict each other (the builtin order: {', '.join(order)}): declare"
            f" one{leave_out_hint(info.name)}"
        )


def _check_methods(info: PluginInfo, name: str, cls: type[Stage]) -> None:
    """A stage's ``process`` and ``process_batch`` take one document (or one list): a wrong
    signature failed every document of the run, each error pointing into the host."""
    import inspect

    for method in ("process", "process_batch", "keep"):
        fn = getattr(cls, method, None)
        if fn is None or fn is getattr(Stage, method, None) or not callable(fn):
            continue
        try:
            inspect.signature(fn).bind(None, None)
        except TypeError as exc:
            raise PluginError(
                f"{info.label}: stage {name!r}: {method}{inspect.signature(fn)} cannot be called"
                f" with one document ({exc}){leave_out_hint(info.name)}"
            ) from exc
        except ValueError:  # (no signature to read: a builtin)
            continue
