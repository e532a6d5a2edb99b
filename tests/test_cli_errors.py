"""The command line's errors for a bad -o path and mistyped settings: one line, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from corearchive.cli import cli


def _ingest(seeds: Path, *args: str) -> tuple[int, str]:
    r = CliRunner().invoke(cli, ["ingest", str(seeds), "--workers", "1", *args])
    return r.exit_code, r.output


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_output_where_no_folder_can_be_made(seeds: Path) -> None:
    code, output = _ingest(seeds, "-o", "/proc/nope")
    assert code == 2, output
    assert "Traceback" not in output and "internal error" not in output
    assert "corearchive: error: -o /proc/nope: the output folder cannot be made" in output


def test_output_name_too_long(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / ("a" * 300)
    code, output = _ingest(seeds, "-o", str(out))
    assert code == 2, output
    assert "Traceback" not in output
    assert f"corearchive: error: -o {out}: cannot be used: File name too long" in output


def test_output_under_a_file(seeds: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    code, output = _ingest(seeds, "-o", str(tmp_path / "afile" / "sub"))
    assert code == 2, output
    assert "is a file, not a folder" in output


def test_model_option_to_a_missing_file_is_a_config_error(seeds: Path, tmp_path: Path) -> None:
    code, output = _ingest(
        seeds, "-o", str(tmp_path / "o"), "--set", "boilerplate.model=/nonexist.bin"
    )
    assert code == 2, output
    assert (
        "corearchive: error: --set boilerplate.model=/nonexist.bin: line model /nonexist.bin:"
        " cannot be read (No such file or directory)" in output
    )
    assert "ModelError" not in output and "modelfile.py" not in output


def test_model_option_from_a_config_file_names_its_table(seeds: Path, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[stages.metadata]\nmodel = "/nonexist.json"\n')
    code, output = _ingest(seeds, "-o", str(tmp_path / "o"), "-c", str(config))
    assert code == 2, output
    assert f"{config}: [stages.metadata] model: metadata model /nonexist.json" in output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--set", "boilerplate.treshold=0.4"], "; did you mean 'threshold'?"),
        (["--set", "boilerplat.threshold=0.4"], "; did you mean 'boilerplate'?"),
        (["--disable", "dedupe"], "; did you mean 'dedup'?"),
        (["--set", "pipeline.doc_timout=3"], "; did you mean 'doc_timeout'?"),
        (["--set", "dedup.policy=kepp"], "is not one of: drop, keep; did you mean 'keep'?"),
        (["--set", 'output.sinks=["warcs"]'], "; did you mean 'warc'?"),
        (["--set", "output.sink=x"], "; did you mean 'sinks'?"),
    ],
)
def test_did_you_mean(seeds: Path, tmp_path: Path, args: list[str], said: str) -> None:
    code, output = _ingest(seeds, "-o", str(tmp_path / "o"), *args)
    assert code == 2, output
    assert output.startswith("corearchive: error: ") and output.rstrip().endswith(said), output
    assert not (tmp_path / "o").exists()


def test_no_suggestion_for_a_name_near_nothing(seeds: Path, tmp_path: Path) -> None:
    code, output = _ingest(seeds, "-o", str(tmp_path / "o"), "--set", "dedup.policy=zzzz")
    assert code == 2 and "did you mean" not in output, output


def test_did_you_mean_in_a_config_file(seeds: Path, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    for text, said in (
        ("[stages.boilerplate]\ntreshold = 0.4\n", "did you mean 'threshold'?"),
        ("[pipline]\n", "did you mean 'pipeline'?"),
        ("[pipeline]\nstage = []\n", "did you mean 'stages'?"),
        ("[stages.boilerplat]\n", "did you mean 'boilerplate'?"),
    ):
        config.write_text(text)
        code, output = _ingest(seeds, "-o", str(tmp_path / "o"), "-c", str(config))
        assert code == 2 and output.rstrip().endswith(said), (text, output)


@pytest.mark.parametrize("option", ["-o", "--work-dir"])
def test_empty_folder_name_is_a_usage_error(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["-o", ""] if option == "-o" else ["-o", "out", "--plan", "staged", "--work-dir", ""]
    code, output = _ingest(seeds, *args)
    assert code == 2, output
    assert "the folder name is empty" in output
    assert not (tmp_path / "index.sqlite").exists() and not (tmp_path / "out").exists()


def _command(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "corearchive", *args],
        capture_output=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_output_in_a_locale_without_the_characters_is_escaped_not_a_crash() -> None:
    """``options`` under a Latin-1 stdout (``≤`` in a description): a UnicodeEncodeError
    traceback and nothing printed (s30 locale tester); now the text, the character escaped."""
    done = _command("options", env={"PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("latin-1")
    assert "num_perm" in out and "\\u2264" in out


def test_a_full_stdout_is_one_error_line_and_not_success(seeds: Path, tmp_path: Path) -> None:
    """``ingest --json > /dev/full``: the run committed, then a traceback and exit 1 ("some
    inputs failed") from the report's write. Now: one error line, the run kept, exit 3."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    out = tmp_path / "out"
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "corearchive", "ingest", str(seeds), "-o", str(out), "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    err = done.stderr.decode()
    assert done.returncode == 3, err
    assert "Traceback" not in err
    assert "could not write to standard output" in err
    assert len((out / "records.jsonl").read_text("utf-8").splitlines()) == 5


def test_standard_input_closed_is_an_input_error(tmp_path: Path) -> None:
    """``ingest - <&-``: an AttributeError traceback, exit 3; now an error entry, exit 4."""
    done = subprocess.run(
        [sys.executable, "-m", "corearchive", "ingest", "-", "-o", str(tmp_path / "o")],
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: os.close(0),
    )
    err = done.stderr.decode()
    assert done.returncode == 4, err
    assert "standard input is closed" in err and "Traceback" not in err


def test_text_option_with_undecodable_bytes_is_a_usage_error(seeds: Path, tmp_path: Path) -> None:
    """A ``--set`` value holding a byte the locale does not decode failed with a
    UnicodeEncodeError traceback where it was written; now exit 2, naming the option."""
    value = 'sinks.warc.prefix="caf\udce9"'  # (b"caf\xe9" as Python decodes argv under UTF-8)
    code, out = _ingest(seeds, "-o", str(tmp_path / "o"), "--set", value)
    assert code == 2
    assert "--set" in out and "not utf-8 text" in out
    assert not (tmp_path / "o").exists()


def _in_deleted_folder(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    gone = tmp_path / "gone"
    gone.mkdir()
    return subprocess.run(
        [sys.executable, "-m", "corearchive", *args],
        capture_output=True,
        cwd=gone,
        preexec_fn=lambda: os.rmdir(gone),  # (after the child entered it)
        timeout=120,
    )


def test_a_deleted_working_folder(seeds: Path, tmp_path: Path) -> None:
    """A cron job's ``cd`` into a folder a deploy removed: ``ingest`` (absolute paths) and
    ``options`` ended in a FileNotFoundError traceback, exit 1 (s30 locale tester #4). Now
    absolute paths work, and a relative one is a usage error naming it."""
    done = _in_deleted_folder(tmp_path, "ingest", str(seeds), "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr.decode()
    assert len((tmp_path / "out" / "records.jsonl").read_text("utf-8").splitlines()) == 5
    manifest = json.loads((tmp_path / "out" / "run.json").read_text("utf-8"))
    assert "cwd" not in manifest["command"]
    assert _in_deleted_folder(tmp_path, "options").returncode == 0
    done = _in_deleted_folder(tmp_path, "ingest", str(seeds), "-o", "out2")
    err = done.stderr.decode()
    assert done.returncode == 2 and "Traceback" not in err
    assert "'out2' is relative, and the working folder no longer exists" in err


def test_an_index_path_too_long_for_sqlite_is_named(seeds: Path, tmp_path: Path) -> None:
    """An output folder of ~500 bytes: "unable to open database file", exit 3, no word of
    why (SQLite's 512-byte path limit; s30 locale tester #11). The message says it."""
    deep = tmp_path.joinpath(*["o" * 200] * 3)
    code, out = _ingest(seeds, "-o", str(deep / "out"))
    assert code == 3
    assert "SQLite opens files of paths under 512 bytes" in out


def test_a_refused_run_leaves_no_output_folder(seeds: Path, tmp_path: Path) -> None:
    """A dedup setting refused (bands × rows over num_perm; signatures that do not match the
    shared index's) left an OUT holding only ``.corearchive.lock`` (s30 corpus tester F10)."""
    code, out = _ingest(seeds, "-o", str(tmp_path / "a"), "--set", "dedup.bands=50")
    assert code == 2 and "exceeds num_perm 128" in out
    assert not (tmp_path / "a").exists()
    assert _ingest(seeds, "-o", str(tmp_path / "first"))[0] == 0
    index = str(tmp_path / "first" / "index.sqlite")
    args = ("-o", str(tmp_path / "b"), "--index", index, "--set", "dedup.bands=20")
    code, out = _ingest(seeds, *args, "--set", "dedup.rows=5")
    assert code == 2, out
    assert not (tmp_path / "b").exists()
