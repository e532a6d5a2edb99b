"""Error types and the process exit codes they map to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``corearchive`` command."""

    OK = 0
    #: The run finished and wrote its outputs, but some inputs or documents failed.
    PARTIAL = 1
    #: Bad command line or configuration; nothing was processed.
    USAGE = 2
    #: An unexpected error in corearchive or a plugin stopped the run; outputs were not committed.
    INTERNAL = 3
    #: The run finished, but read no document: every input it was given failed (a path that
    #: does not exist, a glob that matches nothing, files that cannot be read; not one
    #: unchanged since an earlier run, see :mod:`corearchive.unchanged`).
    NOTHING_READ = 4
    #: The output folder or the index is held by another run (after ``--index-timeout``):
    #: nothing was done; try again later (``EX_TEMPFAIL`` of sysexits.h).
    BUSY = 75


class CoreArchiveError(Exception):
    """Base class of corearchive's own errors."""


class ConfigError(CoreArchiveError):
    """The configuration (file, ``--set``, ``--disable``) is invalid."""


class ModelFileError(ConfigError, ValueError):
    """A stage's model file (its ``model`` option) that cannot be used: missing, unreadable,
    truncated, for other features. A configuration error (exit 2) when the option named
    the file; the message names the file and what is wrong."""

    #: The stage option that names the file
    option = "model"


class OptionValueError(ConfigError):
    """A stage option's value its schema lets through but the stage cannot use (a language
    code it never gives, say), raised by :meth:`corearchive.stage.Stage.check_options`; the
    host names where the option was set (the ``--set``, the file's table)."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        #: The option whose value is refused
        self.option = option


class PluginError(CoreArchiveError):
    """A plugin is broken: misspelt hook, duplicate name, invalid schema fragment."""


class InputError(CoreArchiveError):
    """An input cannot be read as any known format; names the input and the cause."""


class StageSetupError(PluginError):
    """A stage could not be built or opened (its model missing, say): the run stops, naming
    it, in the main process and in worker processes alike (where it failed every document
    as a lost worker)."""


class BusyError(CoreArchiveError):
    """The output folder or the index is held by another run: nothing was done; try again
    later (the command exits 75)."""


class IndexBusyError(BusyError):
    """The archive index is held by another run."""


class OutputBusyError(BusyError):
    """The output folder is being written by another run."""


class OutputError(CoreArchiveError, ValueError):
    """The output folder cannot be made or written (a file in its place or on its path, no
    permission, a read-only file system): ``corearchive.ingest()``'s form of the command's
    exit 3. A ``ValueError`` too, as an ``out`` that is a file was before."""


class OutputPathError(OutputError):
    """No folder can be made at the output folder's path (a parent that does not allow
    one, as /proc; a name too long): a usage error (exit 2), not a failure of the disk."""


class IndexMissingError(CoreArchiveError):
    """The output folder's index is gone while the folder holds runs that used it."""


class UnfinishedCommitError(CoreArchiveError):
    """A run killed as it committed left the output folder in a state the next run cannot
    finish on its own (see :func:`corearchive.atomic.recover_commits`)."""


class CommitBlockedError(UnfinishedCommitError):
    """A run stopped after its commit point for lack of space or permission (a full disk, a
    file-size limit, a folder it may not write), and the next run cannot finish its commit
    while that lasts: free space or fix the permissions and run again (the command exits 3,
    as the run that stopped did)."""


class NoLocksError(CoreArchiveError):
    """The file system of the output folder or of the index cannot lock files (NFS mounted
    ``nolock``, some FUSE and SMB mounts): not another run holding it, so not worth
    retrying (the command exits 3, not 75)."""


class ScratchError(CoreArchiveError):
    """A command cannot make the temporary folder it works in (every candidate full or not
    writable): not the archive's fault (``verify`` exits 3, not 1)."""


class OutputLinkError(CoreArchiveError):
    """An entry of the output folder that a run writes (``records.jsonl``, ``warc/``, the
    index…) is a symbolic link: the run would write through it, outside the folder (exit 2)."""


class PlanError(CoreArchiveError):
    """The work folder belongs to another plan, or the pipeline cannot be staged."""
