"""corearchive: turn raw scraped web text into clean, validated records and WARC archives.

The public API for plugin authors and embedders is listed in ``__all__``; everything else is
internal and may change.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .atomic import AtomicFile
from .cleaner import Cleaned, Cleaner
from .document import Archive, Document, Drop, Duplicate, Language, SourceInfo
from .errors import (
    BusyError,
    ConfigError,
    CoreArchiveError,
    ExitCode,
    IndexMissingError,
    InputError,
    OptionValueError,
    OutputError,
    PlanError,
    PluginError,
    UnfinishedCommitError,
)
from .hookspecs import hookimpl, hookspec
from .manager import collect, make_plugin_manager
from .options import NoOptions, option
from .report import RunReport
from .runner import ingest
from .sink import Sink, SinkContext
from .source import Failure, InputItem, Source
from .stage import FilterStage, Stage, StageContext, StageStats

__all__ = [
    "Archive",
    "AtomicFile",
    "BusyError",
    "Cleaned",
    "Cleaner",
    "ConfigError",
    "CoreArchiveError",
    "Document",
    "Drop",
    "Duplicate",
    "ExitCode",
    "Failure",
    "FilterStage",
    "IndexMissingError",
    "InputError",
    "InputItem",
    "Language",
    "NoOptions",
    "OptionValueError",
    "OutputError",
    "PlanError",
    "PluginError",
    "RunReport",
    "Sink",
    "SinkContext",
    "Source",
    "SourceInfo",
    "Stage",
    "StageContext",
    "StageStats",
    "UnfinishedCommitError",
    "__version__",
    "collect",
    "hookimpl",
    "hookspec",
    "ingest",
    "make_plugin_manager",
    "option",
]
