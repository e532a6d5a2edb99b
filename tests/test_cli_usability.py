"""The command line for a user who reads only --help and the messages (s28 acc-cli review,
left open: H2, M1, M4, M6, M7 and the lows)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Literal

import pytest
from click.testing import CliRunner

from corearchive import Document, Stage
from corearchive.cli import cli
from corearchive.options import option

from helpers import StagePlugin, extra_plugins


@dataclasses.dataclass(frozen=True)
class _ShoutOptions:
    loudness: float = option(0.25, "How loud to shout.", minimum=0, maximum=1)
    style: Literal["caps", "bold"] = option("caps", "How a shout is written.")
    words: list[str] = option(["hey"], "Words to shout.")


class _ShoutStage(Stage):
    name = "shout"
    Options = _ShoutOptions

    def process(self, doc: Document) -> Document:
        return doc


def test_help_leads_to_every_option_with_its_type_and_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`ingest --help` named no stage option; `corearchive options` lists each, a
    third-party plugin's too, from what the stages declare."""
    assert "corearchive options" in " ".join(
        CliRunner().invoke(cli, ["ingest", "--help"]).output.split()
    )
    with extra_plugins(monkeypatch, ("shout", StagePlugin(_ShoutStage))):
        r = CliRunner().invoke(cli, ["options"])
        assert r.exit_code == 0, r.output
        for line in (
            "  boilerplate.threshold = 0.5  (number, 0 to 1)",
            '  dedup.policy = "drop"  (one of: drop, keep)',
            "  language.languages = []  (list of text)",
            '  sinks.warc.prefix = "corearchive"  (text matching ^[A-Za-z0-9._-]+$)',
            "  shout.loudness = 0.25  (number, 0 to 1)",
            '  shout.style = "caps"  (one of: caps, bold)',
            '  shout.words = ["hey"]  (list of text)',
            "      How loud to shout.",
        ):
            assert line in r.output.splitlines(), line
        only = CliRunner().invoke(cli, ["options", "shout"])
        assert "shout.loudness" in only.output and "boilerplate" not in only.output
        typo = CliRunner().invoke(cli, ["options", "shuot"])
        assert typo.exit_code == 2 and "did you mean 'shout'?" in typo.output


def test_options_says_what_the_configuration_here_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s29 integration tester LOW-3: with a corearchive.toml setting the threshold to 0.4,
    `options` showed the default 0.5 alone, and took no --config or --set."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corearchive.toml").write_text("[stages.boilerplate]\nthreshold = 0.4\n")
    r = CliRunner().invoke(
        cli, ["options", "boilerplate", "pipeline", "--set", "pipeline.doc_timeout=5"]
    )
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert "  boilerplate.threshold = 0.5  (number, 0 to 1)" in lines  # (the default)
    assert (
        f"  configured: boilerplate.threshold = 0.4  (set by {tmp_path / 'corearchive.toml'}:"
        " [stages.boilerplate] threshold)"
    ) in lines, lines
    assert "  configured: pipeline.doc_timeout = 5.0" in lines
    r = CliRunner().invoke(cli, ["options", "--disable", "dedup", "--set", "dedup.policy='keep'"])
    assert '  configured: pipeline.stages = ["boilerplate", "metadata", "language"]' in (
        r.output.splitlines()
    )
    bad = CliRunner().invoke(cli, ["options", "--set", "boilerplate.threshold=2"])
    assert bad.exit_code == 2 and "boilerplate.threshold" in bad.output


@pytest.mark.parametrize("inputs_archived", [False, True])
def test_a_bad_setting_is_refused_whatever_the_inputs(
    seeds: Path, tmp_path: Path, inputs_archived: bool
) -> None:
    """`--set 'language.languages=["english"]'` was exit 2 on new inputs, exit 0 (no word)
    where every input was archived already: the stage checked it as a document reached it."""
    out = tmp_path / "o"
    if inputs_archived:
        first = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", str(out), "-w", "1", "-q"])
        assert first.exit_code == 0, first.output
    r = CliRunner().invoke(
        cli,
        [
            "ingest",
            str(seeds),
            "-o",
            str(out),
            "-w",
            "1",
            "--set",
            'language.languages=["english"]',
        ],
    )
    assert r.exit_code == 2, r.output
    assert r.output.strip().splitlines() == [
        "corearchive: error: --set 'language.languages=[\"english\"]': 'english' is no language"
        " code this stage gives (ISO 639-1 in lower case where there is one, e.g. 'en', 'fr',"
        " else ISO 639-3)"
    ]
    assert not (out / "runs").exists() or len(list((out / "runs").iterdir())) == inputs_archived


def _stopped_by(exc: BaseException) -> Any:
    def execute(self: Any) -> None:
        raise exc

    return execute


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["--workers", "0"], 2, "Invalid value for '-w' / '--workers'"),
        (["--worker", "2"], 2, "No such option '--worker'"),
        (["-o", "{tmp}/afile"], 2, "/afile: is a file, not a folder"),
        (["--set", "boilerplate.treshold=1"], 2, "unknown option 'treshold'"),
        (["--terminated"], 143, "terminated; nothing from this run was committed"),
        (["--interrupted"], 130, "interrupted; nothing from this run was committed"),
    ],
)
def test_with_json_every_failure_is_one_json_object_on_stdout(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int,
    said: str,
) -> None:  # fmt: skip
    """click's own errors (a bad option value, -o a file) and a run stopped by SIGTERM or
    Ctrl-C printed nothing on stdout under --json; the human message stays on stderr."""
    from corearchive import cli as cli_mod
    from corearchive.runner import Run

    (tmp_path / "afile").write_text("x")
    if args[0] in ("--terminated", "--interrupted"):
        stop = cli_mod._Terminated() if args[0] == "--terminated" else KeyboardInterrupt()
        monkeypatch.setattr(Run, "execute", _stopped_by(stop))
        monkeypatch.setattr(cli_mod, "_exit_stopped", lambda code, executor: sys.exit(code))
        args = []
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    r = CliRunner().invoke(
        cli, ["ingest", str(seeds), "-o", str(tmp_path / "o"), "--json", "-w", "1", *args]
    )
    assert r.exit_code == code, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 1, r.stdout
    report = json.loads(lines[0])
    assert report["exit_code"] == code and said in report["error"], report
    assert said in r.stderr


def _screen(written: str) -> list[str]:
    """What a terminal shows of ``written``: carriage returns go back to the line's start."""
    lines: list[list[str]] = [[]]
    col = 0
    for ch in written:
        if ch == "\n":
            lines.append([])
            col = 0
        elif ch == "\r":
            col = 0
        else:
            line = lines[-1]
            line[col : col + 1] = [ch]
            col += 1
    return ["".join(line).rstrip() for line in lines]


def test_the_progress_line_is_cleared_before_a_message() -> None:
    """On a terminal a message began where the progress line ended: "… ~0:00 lefterror:
    bad.bin: binary content", "… ~0:02 leftcorearchive: interrupted"."""
    import io

    from corearchive.cli import _Stderr
    from corearchive.progress import Progress

    buffer = io.StringIO()
    err = _Stderr(buffer)
    progress = Progress(3, True, err)
    progress.document()
    progress._tick()
    print("error: bad.bin: binary content, not text", file=err)
    progress._tick(force=False)  # (within its interval: not drawn again yet)
    progress._last = 0
    progress._tick()
    progress.finish()
    err.write("summary\n")
    shown = _screen(buffer.getvalue())
    assert shown[0] == "error: bad.bin: binary content, not text", shown
    assert shown[1].startswith("inputs 0/3 · docs 1 · kept 0") and shown[2] == "summary", shown


@pytest.mark.parametrize("plan", [[], ["--plan", "staged"]], ids=["stream", "staged"])
def test_a_rerun_with_other_settings_says_they_did_not_apply(
    seeds: Path, tmp_path: Path, plan: list[str]
) -> None:
    """A --set changed and the same inputs again: "kept 0 · already_archived 5", exit 0, and
    no word that the new setting applied to no document, nor what would apply it."""
    out = str(tmp_path / "o")

    def ingest(*args: str) -> str:
        r = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", out, "-w", "1", *args])
        assert r.exit_code == 0, r.output
        return r.stderr

    first_run = ingest()
    assert "note:" not in first_run
    again = ingest("--set", "boilerplate.threshold=0.4", *plan)
    first_id = first_run.split()[1]  # ("run RUN_ID → OUT")
    assert (
        f"  note: 5 of the documents dropped as already_archived were archived by earlier runs"
        f" with other settings ({first_id}): this run's settings did not apply to"
        " them. To clean them with these settings, ingest into a new output folder (-o NEW;"
    ) in again, again
    # again with the same --set: the files are unchanged since the second run read them, and
    # not read; their documents are still the first run's
    unchanged = ingest("--set", "boilerplate.threshold=0.4", *plan)
    second_id = again.split()[1]
    assert "  unchanged inputs  5" in unchanged, unchanged
    assert (
        f"  note: the unchanged inputs were last read by {second_id}, which dropped documents"
        " of theirs as already_archived by earlier runs with other settings"
        f" ({first_id}): these settings did not apply to them. To clean them with these"
        " settings, ingest into a new output folder (-o NEW;"
    ) in unchanged, unchanged
    assert "note:" not in ingest("--rescan")  # (the first run's settings: nothing to say)


def test_h_is_help_and_no_command_summary_is_cut_short() -> None:
    """L6: `-h` was "No such option '-h'". L7: the top-level help cut summaries mid-phrase
    ("Print the record schema of the configured pipeline (the config...")."""
    top = CliRunner().invoke(cli, ["-h"])
    assert top.exit_code == 0 and "Commands:" in top.output, top.output
    commands = top.output.split("Commands:")[1]
    assert "..." not in commands, commands
    for args in (["ingest", "-h"], ["index", "rebuild", "-h"], ["verify", "-h"]):
        r = CliRunner().invoke(cli, args)
        assert r.exit_code == 0 and r.output.startswith("Usage: "), (args, r.output)


def test_a_busy_folder_names_the_option_that_waits_longer(seeds: Path, tmp_path: Path) -> None:
    """L11: "in use by another run (waited 0 s); wait for it to finish or pass another -o"
    named no way to wait longer."""
    from filelock import FileLock

    out = tmp_path / "o"
    out.mkdir()
    with FileLock(out / ".corearchive.lock", timeout=0):
        r = CliRunner().invoke(
            cli, ["ingest", str(seeds), "-o", str(out), "--index-timeout", "0", "-w", "1"]
        )
        assert r.exit_code == 75, r.output
        assert "; --index-timeout SECONDS waits longer" in r.stderr
        r = CliRunner().invoke(cli, ["index", "rebuild", str(out), "--timeout", "0"])
        assert r.exit_code == 75, r.output
        assert "; --timeout SECONDS waits longer" in r.stderr


def test_the_summary_says_where_the_drops_and_errors_are(seeds: Path, tmp_path: Path) -> None:
    """L8: the summary counted "input errors 1" and drops, and named no file to look in."""
    out = tmp_path / "o"
    args = ["ingest", str(seeds), str(tmp_path / "nothere"), "-o", str(out), "-w", "1"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 1, r.output
    run_id = r.stderr.split("\nrun ", 1)[1].split()[0]
    assert (
        f"  details: {out / 'rejects.jsonl'}, a line for each drop and error (this run's have"
        f' "run_id": "{run_id}")'
    ) in r.stderr.splitlines()
    r = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", str(tmp_path / "p"), "-w", "1"])
    assert r.exit_code == 0 and "details:" not in r.stderr  # (nothing dropped, nothing failed)


@pytest.mark.parametrize(
    ("sets", "said"),
    [
        (
            ["boilerplate.threshold=0.4", "boilerplate.threshold=0.99"],
            "--set boilerplate.threshold=0.99: boilerplate.threshold is set twice (first --set"
            " boilerplate.threshold=0.4): give it once",
        ),
        (
            ['language.languages=["en"]', "language.languages = fr"],
            "--set 'language.languages = fr': language.languages is set twice (first --set"
            """ 'language.languages=["en"]'): give it once""",
        ),
        (["pipeline.doc_timeout=3", "pipeline.doc_timeout=3"], "pipeline.doc_timeout is set twice"),
    ],
)
def test_an_option_set_twice_is_refused_as_a_stage_disabled_twice_is(
    sets: list[str], said: str
) -> None:
    """L5: `--disable dedup --disable dedup` was an error, two --set of one option not (the
    last won without a word). L1: --set quoted as a shell takes it, in every message."""
    args = [a for s in sets for a in ("--set", s)]
    r = CliRunner().invoke(cli, ["schema", "config", *args])
    assert r.exit_code == 2, r.output
    assert said in r.stderr and r.stderr.count("\n") == 1, r.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["--set", "boilerplate.sequence=yes"],
            "[stages.boilerplate] sequence: 'yes' is not true or false",
        ),
        (
            ["--set", "language.languages=en"],
            """[stages.language] languages: 'en' is not a list of text (in TOML: ["en"])""",
        ),
        (["--set", "dedup.num_perm=abc"], "num_perm: 'abc' is not an integer, 16 to 1024"),
        (["--workers", "abc"], "'abc' is not a valid whole number."),
        (["--index-timeout", "abc"], "'abc' is not a valid number."),
    ],
)
def test_value_errors_are_in_the_users_words(
    seeds: Path, tmp_path: Path, args: list[str], said: str
) -> None:
    """L2: "'yes' is not of type 'boolean'", "'en' is not of type 'array'", "'abc' is not a
    valid integer range", and FINITE FLOAT in the help."""
    r = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", str(tmp_path / "o"), *args])
    assert r.exit_code == 2, r.output
    assert said in r.stderr, r.stderr
    help_text = CliRunner().invoke(cli, ["ingest", "--help"]).output
    assert "FINITE FLOAT" not in help_text and "INTEGER RANGE" not in help_text
    assert "--index-timeout SECONDS" in help_text and "-w, --workers N" in help_text


def test_taking_a_document_down_twice_says_so_and_succeeds(seeds: Path, tmp_path: Path) -> None:
    """L9: the second `remove OUT ID` was exit 2 "not in OUT/records.jsonl: ID": a script
    that retries a takedown failed, and was not told the document was gone already."""
    out = tmp_path / "o"
    r = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", str(out), "-w", "1", "-q"])
    assert r.exit_code == 0, r.output
    first, second = (
        json.loads(line)["id"] for line in (out / "records.jsonl").read_text().splitlines()[:2]
    )
    r = CliRunner().invoke(cli, ["remove", str(out), first, "--reason", "request 1"])
    assert r.exit_code == 0 and r.stdout.startswith(f"taken down {first}: "), r.output
    r = CliRunner().invoke(cli, ["remove", str(out), first, second, "--reason", "again"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"taken down {second}: "), lines
    assert f"{first} was taken down at " in r.stderr and "nothing more to do" in r.stderr
    r = CliRunner().invoke(cli, ["remove", str(out), first, "nosuchid", "--reason", "x"])
    assert r.exit_code == 2 and "nosuchid" in r.stderr and first not in r.stderr, r.output


@pytest.mark.parametrize(
    "command",
    [
        ["index", "rebuild"],
        ["remove", "{out}", "ID", "--reason", "x"],
        ["verify"],
        ["index", "upgrade"],
    ],
)
def test_a_missing_folder_is_said_alike_by_every_command(
    tmp_path: Path, command: list[str]
) -> None:
    """L1: `index rebuild nodir` said click's "Directory 'nodir' does not exist.", `verify
    nodir` and `index upgrade nodir` "nodir: no such folder (OUT is …)"."""
    out = str(tmp_path / "nodir")
    args = [a.replace("{out}", out) for a in command]
    if "{out}" not in command:
        args.insert(len(command) if command[0] == "index" else 1, out)
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 2, r.output
    assert r.stderr == (
        f"corearchive: error: {out}: no such folder (OUT is an output folder of corearchive"
        " ingest)\n"
    ), r.stderr


def test_output_a_file_is_said_in_the_commands_words(seeds: Path, tmp_path: Path) -> None:
    """L1: `-o afile` was click's "Usage: … Error: Invalid value for '-o' / '--out':
    Directory 'afile' is a file.", `-o afile/sub` corearchive's own line."""
    (tmp_path / "afile").write_text("x")
    r = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", str(tmp_path / "afile")])
    assert r.exit_code == 2
    assert r.stderr == f"corearchive: error: -o {tmp_path / 'afile'}: is a file, not a folder\n"


def test_the_progress_line_and_the_summary_count_alike(seeds: Path, tmp_path: Path) -> None:
    """L4: with a missing input the line ended "inputs 5/5" where the summary said "inputs
    6"; the line wrote "docs 1,024" where the summary wrote "3000"."""
    from corearchive.report import RunReport

    out = tmp_path / "o"
    args = ["ingest", str(seeds), str(tmp_path / "nothere"), "-o", str(out), "-w", "1"]
    r = CliRunner().invoke(cli, [*args, "--progress"])
    assert r.exit_code == 1, r.output
    last = _screen(r.stderr)
    line = next(x for x in last if x.startswith("inputs "))
    assert line.startswith("inputs 6/6 (100%) · docs 5 · kept 5"), last
    assert "  inputs        6" in last, last
    report = RunReport("r", inputs=3000, documents=12345, kept=1024)
    assert "documents  12,345" in report.summary() and "kept       1,024" in report.summary()


@pytest.mark.parametrize("plan", ["stream", "staged"])
def test_files_modified_just_before_the_run_are_said_to_be_read_again(
    seeds: Path, tmp_path: Path, plan: str
) -> None:
    """L10: after `cp` the second run read every file again (already_archived 5) and gave
    no reason: a file modified within 2 s of the run is not recorded as read."""
    import shutil

    fresh = tmp_path / "fresh"
    shutil.copytree(seeds, fresh, copy_function=shutil.copyfile)  # (new times, as cp)
    args = ["ingest", str(fresh), "-o", str(tmp_path / "o"), "-w", "1", "--plan", plan]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert "  noted    inputs modified < 2 s before the run (read again next run)  5" in r.stderr
    for f in fresh.iterdir():
        os.utime(f, (1e9, 1e9))
    r = CliRunner().invoke(cli, args)
    assert "modified < 2 s" not in r.stderr, r.stderr


def test_a_double_star_pattern_does_not_count_a_link_loops_names(
    seeds: Path, tmp_path: Path
) -> None:
    """L12: 'loop/**/*.txt' through a link to a folder above gave one file under 41 names:
    "inputs 41 … skipped files named again 40"."""
    from corearchive.inputs import InputItem, expand

    sub = tmp_path / "loop" / "sub"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text((seeds / sorted(p.name for p in seeds.iterdir())[0]).read_text())
    (sub / "up").symlink_to("..")
    again: list[str] = []
    found = list(expand([f"{tmp_path}/loop/**/*.txt"], repeated=again.append))
    assert [i.path for i in found if isinstance(i, InputItem)] == [str(sub / "a.txt")]
    assert again == []
    # (a walk of the folder, and a pattern without **, as before)
    assert [i.path for i in expand([str(tmp_path / "loop")])] == [str(sub / "a.txt")]


def test_a_mistyped_input_makes_no_output_folder(tmp_path: Path) -> None:
    """L3: `ingest nothere -o out5` exited 4 and made out5/ with index.sqlite, warc/ and a
    run's manifest (another at each try)."""
    out = tmp_path / "out5"
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nothere"), "-o", str(out), "--json"])
    assert r.exit_code == 4, r.output
    assert not out.exists()
    assert f"error: {tmp_path / 'nothere'}: no such file or folder" in r.stderr
    assert json.loads(r.stdout) == {
        "exit_code": 4,
        "error": f"no input exists; {out} was not made",
    }


def test_a_pattern_that_matches_nothing_makes_no_output_folder(tmp_path: Path) -> None:
    """README: inputs that all name nothing make no OUT; a missing path made none, but a
    glob matching nothing made a whole OUT (FORMAT.json, index, manifests, warc/) around one
    error line (s32 docs finding 1)."""
    out = tmp_path / "out"
    pattern = str(tmp_path / "nomatch" / "**" / "*.warc.gz")
    args = ["ingest", pattern, str(tmp_path / "nothere"), "-o", str(out), "--json"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 4, r.output
    assert not out.exists()
    assert f"error: {pattern}: a pattern that matches nothing" in r.stderr
    assert json.loads(r.stdout) == {"exit_code": 4, "error": f"no input exists; {out} was not made"}


def test_an_existing_file_named_like_a_pattern_is_read(tmp_path: Path) -> None:
    """A file named "notes[1].txt", the only input, was refused as a pattern that matches
    nothing (exit 4), though the inputs read it as a file when another input came with it
    (s33 acc-read #9): an existing file is itself, whatever its name holds."""
    (tmp_path / "notes[1].txt").write_text(
        "The council approved the budget on Tuesday by seven votes to two.\n", "utf-8"
    )
    out = tmp_path / "out"
    args = ["ingest", str(tmp_path / "notes[1].txt"), "-o", str(out), "--json"]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert "matches nothing" not in r.stderr
    (record,) = (out / "records.jsonl").read_text("utf-8").splitlines()
    assert "notes%5B1%5D.txt" in json.loads(record)["source"]["uri"]


def test_the_readmes_command_summary_has_every_option_of_each_command() -> None:
    """README's "The command line" lagged --help: no --enable, no `schema reject`, no
    options of `options`, `remove --index/--timeout`, `index upgrade/rebuild` (s32 docs
    finding 5). Each command's options (their long names) and choices are on its line."""
    import click

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    block = readme.split("## The command line", 1)[1].split("```", 2)[1]
    lines: dict[str, str] = {}
    current = ""
    for line in block.splitlines():
        if line.startswith("corearchive "):
            words = line.split()
            current = " ".join(words[1:3] if words[1] == "index" else words[1:2])
            lines[current] = line.split("  #")[0]
        elif current:
            lines[current] += " " + line.strip()
    commands: dict[str, click.Command] = {}
    for name, command in cli.commands.items():  # type: ignore[attr-defined]
        if isinstance(command, click.Group):
            commands.update({f"{name} {n}": c for n, c in command.commands.items()})
        else:
            commands[name] = command
    assert sorted(lines) == sorted(commands)
    for name, command in commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                line = lines[name].replace("--[no-]", "--")
                assert any(
                    re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", line) for opt in param.opts
                ), f"README: {name} {param.opts}"
            if isinstance(param.type, click.Choice):
                for choice in param.type.choices:
                    assert str(choice) in lines[name], f"README: {name} {choice}"


def test_executor_and_plan_options_that_do_nothing_are_said(seeds: Path, tmp_path: Path) -> None:
    """--address without --executor ray, --work-dir and --task-mb without --plan staged
    were ignored without a word: a user who typed --address auto ran on this machine not
    knowing (s32 docs finding 10)."""
    out = tmp_path / "out"
    extra = ["--address", "auto", "--task-mb", "5", "--work-dir", str(tmp_path / "w")]
    r = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", str(out), "-w", "1", "-q", *extra])
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines() == [
        "corearchive: warning: --address does nothing without --executor ray: this run is local",
        "corearchive: warning: --work-dir does nothing without --plan staged: this run streams",
        "corearchive: warning: --task-mb does nothing without --plan staged: this run streams",
    ]
    # (with what they go with, or at their defaults, nothing is said)
    staged = ["--plan", "staged", "--task-mb", "5", "--work-dir", str(tmp_path / "w2")]
    r = CliRunner().invoke(cli, ["ingest", str(seeds), "-o", str(tmp_path / "o2"), "-q", *staged])
    assert r.exit_code == 0 and "does nothing" not in r.stderr, r.output
