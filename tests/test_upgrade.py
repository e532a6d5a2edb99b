"""An index made by an older corearchive: refused with the way on, upgraded in place."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from corearchive.cli import cli
from corearchive_plugins import dedup as dedup_module
from corearchive_plugins.dedup import MinHasher
from tests.plugins.test_dedup import BASE, OTHER, TH, ZH, ZH_OTHER


def _write(path: Path, texts: dict[str, str]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"url": f"https://example.org/{k}", "text": t}) + "\n"
            for k, t in texts.items()
        ),
        "utf-8",
    )
    return path


def _tables(index: Path) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    """The dedup index's documents and band keys, by document id (numbers may differ)."""
    with contextlib.closing(sqlite3.connect(index)) as db:
        docs = set(db.execute("SELECT id, root, size, sig FROM dedup_docs"))
        lsh = set(db.execute("SELECT l.key, d.id FROM dedup_lsh l JOIN dedup_docs d USING (n)"))
    return docs, lsh


def _v8(monkeypatch: pytest.MonkeyPatch) -> None:
    """This corearchive as it was at index version 8 (7d18fe9^): characters of scripts
    written without spaces were not words of their own."""
    monkeypatch.setattr(dedup_module, "_INDEX_VERSION", 8)
    monkeypatch.setattr(dedup_module.DedupStage, "index_version", 8, raising=False)
    monkeypatch.setattr(MinHasher, "_space", staticmethod(bytes), raising=False)


def test_an_index_of_version_8_is_upgraded_in_place_and_the_archive_goes_on(
    ingest, tmp_path, monkeypatch
):
    """An archive of HEAD~120 (index version 8) could not be continued: "Use the same
    num_perm, bands, rows and shingle, or another --index" though they were the same, and a
    run that followed it with another --index archived every document given again twice
    (s26 acc-life F2). Now the message names the versions and the command, and
    ``corearchive index upgrade OUT`` re-hashes the documents concerned from the records:
    the index is then the one this version would have built."""
    texts = {"zh": ZH, "th": TH, "zh2": ZH_OTHER, "en": BASE, "en2": OTHER}
    first = _write(tmp_path / "a.jsonl", texts)
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        _v8(m)
        old = ingest(str(first), out=out)
    assert old.exit_code == 0 and len(old.records) == 5
    assert old.manifest is not None

    cut = ZH[: len(ZH) * 3 // 4] + ZH[len(ZH) * 3 // 4 + 6 :]  # a near copy, 6 characters out
    second = _write(tmp_path / "b.jsonl", {"zh-copy": cut})
    refused = ingest(str(second), str(first), out=out)
    assert refused.exit_code == 2
    assert "made by an older corearchive (dedup index version 8" in refused.output
    assert "uses version 9" in refused.output and "it is unchanged" in refused.output
    assert f"corearchive index upgrade {out}" in refused.output
    assert "another --index" not in refused.output
    assert len(refused.records) == 5

    r = CliRunner().invoke(cli, ["index", "upgrade", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "upgraded from version 8 to 9" in r.output and "3 re-hashed" in r.output, r.output
    assert (out / "index.sqlite.v8").is_file()  # the index as it was
    # the upgraded index is the one version 9 builds of the same documents
    ref = ingest(str(first), out=tmp_path / "ref")
    assert ref.exit_code == 0
    assert _tables(out / "index.sqlite") == _tables(tmp_path / "ref" / "index.sqlite")
    assert _tables(out / "index.sqlite.v8") != _tables(tmp_path / "ref" / "index.sqlite")

    again = CliRunner().invoke(cli, ["index", "upgrade", str(out)], catch_exceptions=False)
    assert again.exit_code == 0 and "at version 9 already" in again.output

    # (--rescan: a first run that took over 2 s to look at a.jsonl recorded it as read,
    # and this one then skipped it unread: no already_archived, seen under load, s29)
    go_on = ingest(str(second), str(first), "--rescan", out=out)
    assert go_on.exit_code == 0, go_on.output
    assert len(go_on.records) == 5  # nothing archived twice
    reasons = sorted(x["reason"] for x in go_on.rejects[-6:])
    assert reasons == ["already_archived"] * 5 + ["near_duplicate"]  # (version 8 missed it)
    assert go_on.manifest is not None and go_on.manifest["index_formats"] == {"dedup": 9}
    v = CliRunner().invoke(cli, ["verify", str(out)])
    assert v.exit_code == 0, v.output


def test_an_upgrade_keeps_an_earlier_upgrades_copy_of_the_index(ingest, tmp_path, monkeypatch):
    """s29 acc-review (a suspicion, confirmed): the copy of the index as it was went to
    index.sqlite.vN over the one an earlier upgrade left there (of an index restored
    since), without a word."""
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        _v8(m)
        res = ingest(str(_write(tmp_path / "a.jsonl", {"zh": ZH, "en": BASE})), out=out)
    assert res.exit_code == 0, res.output
    earlier = out / "index.sqlite.v8"
    shutil.copyfile(out / "index.sqlite", earlier)
    with contextlib.closing(sqlite3.connect(earlier)) as db:
        db.execute("CREATE TABLE the_earlier_copy (x)")
        db.commit()
    r = CliRunner().invoke(cli, ["index", "upgrade", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert f"the index as it was: {out / 'index.sqlite.v8.1'}" in r.output
    with contextlib.closing(sqlite3.connect(earlier)) as db:
        assert db.execute(
            "SELECT name FROM sqlite_master WHERE name = 'the_earlier_copy'"
        ).fetchone()
    assert _tables(out / "index.sqlite.v8.1") != _tables(out / "index.sqlite")


def test_changed_hashing_options_name_the_indexs_options_not_another_index(tmp_path):
    """Following "or another --index" archived the folder's documents a second time."""
    from corearchive_plugins.dedup import _refusal

    msg = _refusal(
        "perm=128;bands=16;rows=3;shingle=5;v=9",
        "perm=64;bands=16;rows=3;shingle=5;v=9",
        tmp_path / "index.sqlite",
        tmp_path,
    )
    assert "--set dedup.num_perm=128" in msg and "or another --index" not in msg
    assert f"corearchive index rebuild {tmp_path} --set" in msg


def test_an_index_of_a_newer_or_unknown_version_says_so(tmp_path):
    from corearchive_plugins.dedup import _refusal

    newer = _refusal(
        "perm=128;bands=16;rows=3;shingle=5;v=10",
        "perm=128;bands=16;rows=3;shingle=5;v=9",
        tmp_path / "index.sqlite",
        tmp_path,
    )
    assert "made by a newer corearchive (dedup index version 10" in newer
    older = _refusal(
        "perm=128;bands=16;rows=3;shingle=5;v=7",
        "perm=128;bands=16;rows=3;shingle=5;v=9",
        tmp_path / "elsewhere.sqlite",
        tmp_path,
    )
    assert "version 7" in older and "upgrades in place only from 8" in older
    assert f"corearchive index rebuild {tmp_path} --index {tmp_path / 'elsewhere.sqlite'}" in older


def test_an_upgrade_that_fails_leaves_the_index_as_it_was(ingest, tmp_path, monkeypatch):
    first = _write(tmp_path / "a.jsonl", {"zh": ZH, "th": TH, "en": BASE})
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        _v8(m)
        assert ingest(str(first), out=out).exit_code == 0
    before = _tables(out / "index.sqlite")
    real = dedup_module.upgrade_index

    def failing(db, records):  # the work done, then a failure before the commit
        real(db, records)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dedup_module, "upgrade_index", failing)
    r = CliRunner().invoke(cli, ["index", "upgrade", str(out)])
    assert r.exit_code == 3 and "the index was not upgraded" in r.output
    assert _tables(out / "index.sqlite") == before
    with contextlib.closing(sqlite3.connect(out / "index.sqlite")) as db:
        assert db.execute("SELECT value FROM dedup_meta").fetchone()[0].endswith(";v=8")


def test_a_version_8_index_made_before_the_saved_filter_is_upgraded(ingest, tmp_path, monkeypatch):
    """Indexes of the first ~430 commits (before 22b1d38) have no ``dedup_filter`` table:
    ``index upgrade``, where the refused ingest sends the user, failed with "no such table:
    dedup_filter" (exit 3; s28 acc-upgrade M1)."""
    first = _write(tmp_path / "a.jsonl", {"zh": ZH, "th": TH, "en": BASE})
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        _v8(m)
        assert ingest(str(first), out=out).exit_code == 0
    with contextlib.closing(sqlite3.connect(out / "index.sqlite")) as db:  # the old layout
        db.execute("DROP TRIGGER dedup_filter_stale")
        db.execute("DROP TABLE dedup_filter")
        db.commit()
    r = CliRunner().invoke(cli, ["index", "upgrade", str(out)])
    assert r.exit_code == 0, r.output
    assert "upgraded from version 8 to 9" in r.output and "2 re-hashed" in r.output, r.output
    go_on = ingest(str(first), out=out)
    assert go_on.exit_code == 0, go_on.output
    assert [x["reason"] for x in go_on.rejects] == ["already_archived"] * 3


def test_an_index_of_the_first_releases_names_index_rebuild(ingest, tmp_path):
    """A version-1 index (the first commit's: its hashing records no ``rows``): ingest said
    "Run with the index's options ()", and ``index upgrade`` "continue the archive with the
    corearchive that made it"; ``index rebuild`` works, and both now name it (s28
    acc-upgrade M1)."""
    first = _write(tmp_path / "a.jsonl", {"zh": ZH, "en": BASE})
    out = tmp_path / "out"
    assert ingest(str(first), out=out).exit_code == 0
    with contextlib.closing(sqlite3.connect(out / "index.sqlite")) as db:
        db.execute("UPDATE dedup_meta SET value = 'perm=128;bands=16;shingle=5;v=1'")
        db.commit()
    refused = ingest(str(first), out=out)
    assert refused.exit_code == 2
    assert "()" not in refused.output, refused.output
    assert f"corearchive index rebuild {out}" in refused.output, refused.output
    up = CliRunner().invoke(cli, ["index", "upgrade", str(out)])
    assert up.exit_code == 2, up.output
    assert "version 1" in up.output and f"corearchive index rebuild {out}" in up.output, up.output
    assert "the corearchive that made it" not in up.output
    rb = CliRunner().invoke(cli, ["index", "rebuild", str(out)])
    assert rb.exit_code == 0, rb.output
    go_on = ingest(str(first), out=out)
    assert go_on.exit_code == 0, go_on.output
    assert [x["reason"] for x in go_on.rejects] == ["already_archived"] * 2


def test_the_folder_and_the_index_carry_the_archive_format_and_a_newer_one_is_refused(
    ingest, tmp_path
):
    """Neither the folder nor the index said which format wrote it: a rolled-back release
    wrote a current archive and undid a takedown (s28 acc-upgrade H1b). Both are stamped
    now; a release of an older format refuses (exit 2, nothing changed), and a release
    that does not know formats at all stops at the index's guard before it writes."""
    from corearchive.catalog import ARCHIVE_FORMAT, FORMAT_FILE

    first = _write(tmp_path / "a.jsonl", {"en": BASE, "zh": ZH})
    out = tmp_path / "out"
    assert ingest(str(first), out=out).exit_code == 0
    assert json.loads((out / FORMAT_FILE).read_text())["archive_format"] == ARCHIVE_FORMAT
    index = out / "index.sqlite"
    with contextlib.closing(sqlite3.connect(index)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == ARCHIVE_FORMAT
        assert db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()[0] == "1"
        # a release that does not know formats writes its run as it always did: refused
        with pytest.raises(sqlite3.IntegrityError, match="written by a newer corearchive"):
            db.execute("INSERT INTO runs (id, started_at, out) VALUES ('r', 'now', 'x')")

    def files() -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and ".lock" not in p.name}

    # the folder of a newer format
    (out / FORMAT_FILE).write_text(json.dumps({"archive_format": ARCHIVE_FORMAT + 1}))
    before = files()
    commands = [
        ["ingest", str(first), "-o", str(out), "-w", "1", "-q"],
        ["remove", str(out), "0" * 32, "--reason", "x"],
        ["index", "upgrade", str(out)],
        ["index", "rebuild", str(out)],
    ]
    for args in commands:
        r = CliRunner().invoke(cli, args)
        assert r.exit_code == 2, (args, r.output)
        assert f"written by a newer corearchive (archive format {ARCHIVE_FORMAT + 1}" in r.output
        assert files() == before, args
    # the index of a newer format (shared by a folder of this one's, say)
    (out / FORMAT_FILE).write_text(json.dumps({"archive_format": ARCHIVE_FORMAT}))
    with contextlib.closing(sqlite3.connect(index)) as db:
        db.execute(f"PRAGMA user_version = {ARCHIVE_FORMAT + 1}")
    before = files()
    for args in commands:
        r = CliRunner().invoke(cli, args)
        assert r.exit_code == 2, (args, r.output)
        assert f"the index {index} was written by a newer corearchive" in r.output, r.output
        assert files() == before, args


def test_an_index_of_an_older_release_is_stamped_by_the_next_run(ingest, tmp_path):
    """An index of a release before formats (runs without ``format``, no guard, no stamp)
    is stamped in the next run's transaction: refused runs leave it as it was."""
    first = _write(tmp_path / "a.jsonl", {"en": BASE})
    out = tmp_path / "out"
    assert ingest(str(first), out=out).exit_code == 0
    index = out / "index.sqlite"
    with contextlib.closing(sqlite3.connect(index)) as db:  # as a release before formats
        db.execute("DROP TRIGGER runs_format_guard")
        db.execute("ALTER TABLE runs DROP COLUMN format")
        db.execute("DELETE FROM meta WHERE key = 'format'")
        db.execute("PRAGMA user_version = 0")
        db.commit()
    (out / "FORMAT.json").unlink()
    assert ingest(str(first), out=out).exit_code == 0
    assert (out / "FORMAT.json").is_file()
    with contextlib.closing(sqlite3.connect(index)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert {f for (f,) in db.execute("SELECT format FROM runs")} == {None, 1}
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("INSERT INTO runs (id, started_at, out) VALUES ('r', 'now', 'x')")


def test_the_upgrade_of_a_shared_index_finds_its_folders_from_any_working_folder(
    tmp_path, monkeypatch
):
    """Older releases recorded each run's folder as given (relative): run from another
    working folder, the upgrade found no folder, re-hashed nothing and said exit 0; a near
    copy of the Chinese text was then missed (s28 acc-upgrade M2). The folders are looked
    for from the index's and OUT's folders too; one not found refuses, naming it."""
    from corearchive.testing import run_ingest

    (tmp_path / "sh" / "B").mkdir(parents=True)
    (tmp_path / "else").mkdir()
    first = _write(tmp_path / "a.jsonl", {"zh": ZH, "en": BASE})
    monkeypatch.chdir(tmp_path)
    with monkeypatch.context() as m:
        _v8(m)
        old = run_ingest(str(first), "--index", "sh/shared.sqlite", out=Path("sh/A"))
    assert old.exit_code == 0, old.output
    monkeypatch.chdir(tmp_path / "else")
    index = tmp_path / "sh" / "shared.sqlite"
    args = ["index", "upgrade", str(tmp_path / "sh" / "B"), "--index", str(index)]

    # a folder of the index's runs not found: refused, the index as it was
    (tmp_path / "sh" / "A").rename(tmp_path / "sh" / "A-moved")
    before = index.read_bytes()
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 2, r.output
    assert "not found from here: sh/A (2 documents)" in r.output, r.output
    assert "--skip-missing-folders" in r.output
    assert index.read_bytes() == before
    shutil.copytree(tmp_path / "sh", tmp_path / "copy")
    skip = ["index", "upgrade", str(tmp_path / "copy" / "B"), "--skip-missing-folders"]
    r = CliRunner().invoke(cli, [*skip, "--index", str(tmp_path / "copy" / "shared.sqlite")])
    assert r.exit_code == 0 and "0 re-hashed" in r.output, r.output

    # found from another working folder: re-hashed
    (tmp_path / "sh" / "A-moved").rename(tmp_path / "sh" / "A")
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert "1 re-hashed" in r.output, r.output


def test_the_upgrade_finishes_a_run_killed_after_its_commit_point_first(
    ingest, tmp_path, monkeypatch
):
    """A run of an older release killed after its commit point leaves its records in a
    journal: the upgrade ignored it, re-hashed nothing of them, and a near copy was missed
    (s28 acc-upgrade M2b). It finishes the commit first, as ingest does."""
    from corearchive import atomic

    out = tmp_path / "out"
    with monkeypatch.context() as m:
        _v8(m)
        assert ingest(str(_write(tmp_path / "a.jsonl", {"en": BASE})), out=out).exit_code == 0
        m.setattr(atomic.Commit, "publish", lambda self: (_ for _ in ()).throw(OSError(5, "EIO")))
        killed = ingest(str(_write(tmp_path / "b.jsonl", {"zh": ZH})), out=out)
    assert killed.exit_code == 3 and list(out.glob(".commit.*.json"))
    r = CliRunner().invoke(cli, ["index", "upgrade", str(out)])
    assert r.exit_code == 0, r.output
    assert "finished the commit of run" in r.output and "1 re-hashed" in r.output, r.output
    assert not list(out.glob(".commit.*.json"))


def _as_an_older_release_left_it(index: Path) -> None:
    """The index as releases before the takedowns and formats left it: no ``inputs`` or
    ``takedowns`` table, no format, rollback journal (not WAL)."""
    with contextlib.closing(sqlite3.connect(index, isolation_level=None)) as db:
        for statement in (
            "DROP TABLE inputs",
            "DROP TABLE takedowns",
            "DROP TRIGGER runs_format_guard",
            "ALTER TABLE runs DROP COLUMN format",
            "DELETE FROM meta WHERE key = 'format'",
            "PRAGMA user_version = 0",
            "PRAGMA journal_mode = DELETE",
            "VACUUM",
        ):
            db.execute(statement)
    assert not index.with_name(index.name + "-wal").exists()


def test_a_refused_run_and_a_failed_upgrade_leave_an_older_index_byte_for_byte(
    ingest, tmp_path, monkeypatch
):
    """Refused (exit 2, "upgrade it in place"), a run had added tables to the index of an
    older release and switched it to WAL; a failed upgrade too, though it said "it is as it
    was" (s28 acc-upgrade L1)."""
    first = _write(tmp_path / "a.jsonl", {"zh": ZH, "en": BASE})
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        _v8(m)
        assert ingest(str(first), out=out).exit_code == 0
    index = out / "index.sqlite"
    _as_an_older_release_left_it(index)
    before = index.read_bytes()
    for plan in ("stream", "staged"):
        refused = ingest(str(first), "--plan", plan, out=out)
        assert refused.exit_code == 2 and "index upgrade" in refused.output, refused.output
        assert index.read_bytes() == before, plan
    real = dedup_module.upgrade_index

    def failing(db, records):  # the work done, then a failure before the commit
        real(db, records)
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(dedup_module, "upgrade_index", failing)
        r = CliRunner().invoke(cli, ["index", "upgrade", str(out)])
    assert r.exit_code == 3 and "it is as it was" in r.output, r.output
    assert index.read_bytes() == before
    assert not index.with_name(index.name + "-wal").exists()
    r = CliRunner().invoke(cli, ["index", "upgrade", str(out)])
    assert r.exit_code == 0, r.output
    assert ingest(str(first), out=out).exit_code == 0


def test_the_suggested_upgrade_works_for_a_folder_not_made_yet(ingest, tmp_path, monkeypatch):
    """A new folder on a shared index of an older release: the refused ingest names
    ``corearchive index upgrade NEW --index P``, which said "Directory 'NEW' does not exist"
    when NEW was not there (s28 acc-upgrade L5)."""
    first = _write(tmp_path / "a.jsonl", {"zh": ZH, "en": BASE})
    shared = tmp_path / "shared.sqlite"
    with monkeypatch.context() as m:
        _v8(m)
        assert ingest(str(first), "--index", str(shared), out=tmp_path / "A").exit_code == 0
    new = tmp_path / "C"
    refused = ingest(str(first), "--index", str(shared), out=new)
    assert refused.exit_code == 2
    command = f"corearchive index upgrade {new} --index {shared}"
    assert command in refused.output, refused.output
    shutil.rmtree(new, ignore_errors=True)
    r = CliRunner().invoke(cli, command.split()[1:])
    assert r.exit_code == 0, r.output
    assert "1 re-hashed" in r.output and not new.exists()
    go_on = ingest(str(first), "--index", str(shared), out=new)
    assert go_on.exit_code == 0, go_on.output
    assert [x["reason"] for x in go_on.rejects] == ["already_archived"] * 2
    r = CliRunner().invoke(cli, ["index", "upgrade", str(tmp_path / "D")])
    assert r.exit_code == 2 and "no such folder" in r.output, r.output


def test_verify_says_what_is_wrong_with_format_json(ingest, tmp_path):
    """s28 integration tester L1: verify said 'problems 0', exit 0, on a folder whose
    FORMAT.json was garbage (which ingest refuses), said a string, said a newer format
    (whose writes this verify may not know), or was gone from a folder this release wrote
    (an older release would then write it, and undo its takedowns). Each is a problem now;
    ``index upgrade`` writes a missing one again, as the repair says."""
    from corearchive.catalog import ARCHIVE_FORMAT, FORMAT_FILE

    out = tmp_path / "out"
    assert ingest(str(_write(tmp_path / "a.jsonl", {"en": BASE})), out=out).exit_code == 0

    def verify() -> tuple[int, str]:
        r = CliRunner().invoke(cli, ["verify", str(out)])
        return r.exit_code, r.output

    assert verify()[0] == 0
    good = (out / FORMAT_FILE).read_bytes()
    for text, said in [
        (b"{not json", "cannot be read"),
        (b'{"archive_format": "1"}', "cannot be read"),
        (b'{"format": 1}', "cannot be read"),
        (json.dumps({"archive_format": ARCHIVE_FORMAT + 1}).encode(), "newer corearchive"),
    ]:
        (out / FORMAT_FILE).write_bytes(text)
        code, output = verify()
        assert code == 1 and said in output and FORMAT_FILE in output, (text, output)
        if said == "cannot be read":
            # (the repair verify gives works: upgrade refuses a damaged stamp, writes a lost
            # one; s29 integration tester LOW-1)
            assert f"delete the damaged {out / FORMAT_FILE}" in " ".join(output.split())
    (out / FORMAT_FILE).unlink()
    code, output = verify()
    assert code == 1 and f"{FORMAT_FILE} is missing" in output, output
    assert f"corearchive index upgrade {out}" in output
    r = CliRunner().invoke(cli, ["index", "upgrade", str(out)])
    assert r.exit_code == 0 and f"{out / FORMAT_FILE} written again" in r.output, r.output
    assert (out / FORMAT_FILE).read_bytes() == good and verify()[0] == 0
    # a string is refused by the commands that write, as verify says
    (out / FORMAT_FILE).write_bytes(b'{"archive_format": "1"}')
    r = CliRunner().invoke(cli, ["remove", str(out), "0" * 32, "--reason", "x"])
    assert r.exit_code == 2 and "cannot be read" in r.output


def test_an_index_before_the_address_column_is_keyed_alike_by_upgrade_run_and_rebuild(
    ingest, tmp_path
):
    """An index made before s33 keyed a print page's row by its article's address but kept
    no address column; the key's version change keyed it again from the print URL at the
    next run, ``index upgrade`` said "nothing to do", and the article fetched next was no
    revision of the print page (s34 acc-read #7, f7/). The upgrade keys the rows again as
    the run and ``index rebuild`` do, and says so; the article is then a revision."""
    paras = "".join(f"<p>{p}</p>" for p in (BASE, OTHER))
    page = (
        '<html><head><title>Storm</title><link rel="canonical"'
        ' href="https://news.example.com/2026/11/storm"></head><body><article><h1>Storm</h1>'
        f"{paras}</article></body></html>"
    )
    given = tmp_path / "print.jsonl"
    given.write_text(
        json.dumps({"url": "https://news.example.com/print/storm", "content": page}) + "\n"
    )
    out = tmp_path / "out"
    assert ingest(str(given), out=out).exit_code == 0
    index = out / "index.sqlite"
    with contextlib.closing(sqlite3.connect(index)) as db:
        keyed = db.execute("SELECT ukey FROM dedup_docs").fetchall()
        assert keyed == [("news.example.com/2026/11/storm",)]
        # (as 40c7fe2 left it: no address kept, a key of version 2)
        db.execute("UPDATE dedup_docs SET address = NULL")
        db.execute("UPDATE dedup_meta SET value = '2' WHERE key = 'url_key'")
        db.commit()
    up = CliRunner().invoke(cli, ["index", "upgrade", str(out)], catch_exceptions=False)
    assert up.exit_code == 0 and "address keys made again" in up.output, up.output
    with contextlib.closing(sqlite3.connect(index)) as db:
        assert db.execute("SELECT ukey FROM dedup_docs").fetchall() == keyed
    rb = CliRunner().invoke(cli, ["index", "rebuild", str(out)], catch_exceptions=False)
    assert rb.exit_code == 0, rb.output
    with contextlib.closing(sqlite3.connect(index)) as db:
        assert db.execute("SELECT ukey FROM dedup_docs").fetchall() == keyed
    article = tmp_path / "article.jsonl"
    more = f"{BASE}\n\n{OTHER}\n\n{ZH}"
    article.write_text(
        json.dumps({"url": "https://news.example.com/2026/11/storm", "text": more}) + "\n"
    )
    res = ingest(str(article), out=out)
    assert res.records[-1]["duplicate"]["status"] == "revision", res.records[-1]
