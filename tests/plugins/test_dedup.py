from __future__ import annotations

import json
import os
import sys
import threading
import time
import unicodedata
from typing import Any

import numpy as np
import pytest

import corearchive_plugins.dedup as dedup_module
from corearchive import ConfigError, Drop, Duplicate
from corearchive.catalog import Catalog
from corearchive.options import build_options
from corearchive.plan import doc_ref
from corearchive.report import RunReport
from corearchive.stage import StageContext
from corearchive.testing import RecordingReporter, make_document, stage_runner
from corearchive_plugins.dedup import (
    WIDE_SPACES,
    DedupOptions,
    DedupStage,
    MinHasher,
    _key_bytes,
    _KeyBuffer,
    _KeyFilter,
    _SigCache,
    normalize,
    normalize_bytes,
    normalized_pair,
    similarity,
)

BASE = (
    "The city council voted on Tuesday to approve a new budget that increases funding for "
    "public schools by twelve percent over the next two years, officials said. Supporters "
    "argued that the money would let districts hire more teachers, reduce class sizes and "
    "repair ageing buildings. Opponents warned that the plan relies on optimistic revenue "
    "forecasts and could force cuts to other services if the local economy slows down. "
    "The mayor is expected to sign the measure next week after a final review by lawyers."
)
OTHER = (
    "Heavy rain flooded several roads in the northern districts overnight, and emergency "
    "crews worked until dawn to clear fallen trees. Residents were asked to avoid travel "
    "unless necessary, and two schools stayed closed while engineers inspected a bridge. "
    "Forecasters expect the weather to improve by the weekend, with sunshine on Sunday."
)


def test_normalize_folds_case_quotes_dashes_and_space():
    assert normalize("“Hello”  —\tWORLD’s\n\nend") == normalize('"hello" - world\'s end')
    assert normalize("Ｆｕｌｌ　width") == "full width"
    # ASCII text takes a shorter path: the same result as the general one.
    assert normalize("It`s  A\tTEST\r\n") == "it's a test" == normalize("It’s  A\tTEST\r\n")


def _reference_normalize(text: str) -> str:
    """normalize as it was written first (keys in existing indexes were made by it)."""
    marks = {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
    t = unicodedata.normalize("NFKC", text).casefold()
    return " ".join("".join(marks.get(c, c) for c in t).split())


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t ",
        "  lead and trail  ",
        "a\x1cb\x1dc\x1ed\x1ff\x0bg\x0ch",
        "next\x85line and\u2028separators\u2029here \u1680ogham",
        "no-break\xa0space, thin\u2009space, ideographic\u3000space",
        "Straße «Zitat» — ‘x’ `y´ ﬁne ½ Ｆｕｌｌ",
        "Привет,   мир!\n\nЁлка – ΣΊΣΥΦΟΣ",
        "plain ASCII `text`\r\n  with\ttabs",
        "e\u0301 combining \u00a8 diaeresis",
    ],
)
def test_normalize_matches_the_reference_on_bytes(text):
    want = _reference_normalize(text)
    assert normalize(text) == want
    assert normalize_bytes(text) == want.encode("utf-8")


def test_nfkc_by_lines_is_nfkc_of_the_text():
    """normalize_bytes puts a text that is not in NFKC in it line by line: the same text as
    unicodedata.normalize on the whole, whatever comes before and after the line feeds
    (combining marks, Hangul jamo, compatibility characters, marks that reorder)."""
    import random

    from corearchive_plugins.dedup import _nfkc

    pieces = [
        "\n", "\n\n", " ", "e", "E", "a", "\u0301", "\u0308", "\u0323", "\u0345", "\u1100",
        "\u1161", "\u11a8", "\uac00", "…", "²", "\xa0", "ﬁ", "Ｆ", "\u0928\u093c", "\u0915",
        "\u093c", "\u09c7", "\u09be", "\u0b47", "\u0b3e", "´", "¨", "\u2126", "ΐ", "ϓ",
        "\r", "\u0653", "\u0627", "\u3099", "\u304b", "\U0001d15e", "x",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)
    for cp in range(sys.maxunicode + 1):
        if not 0xD800 <= cp <= 0xDFFF:
            text = f"a\n{chr(cp)}\u0301\n{chr(cp)}"
            assert _nfkc(text) == unicodedata.normalize("NFKC", text), hex(cp)


def test_wide_spaces_are_all_the_non_ascii_space_normalisation_leaves():
    """normalize_bytes squeezes ASCII white space on bytes and sends only texts with one of
    WIDE_SPACES to str.split: no other white space may survive NFKC and case folding."""
    left = set()
    for cp in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        folded = unicodedata.normalize("NFKC", chr(cp)).casefold()
        left.update(c for c in folded if c.isspace() and not c.isascii())
    assert left == set(WIDE_SPACES)


@pytest.mark.parametrize(
    "kept",
    [
        [1, 2, 4],  # runs of kept and of dropped lines
        [0, 1, 2, 3, 4, 5, 6],  # every line
        [6],  # the last only
        [],  # none: an empty text
    ],
)
def test_text_and_input_are_normalised_from_the_input_lines(kept):
    lines = [
        "MENU · Home · News",
        "\u0301Ｆｕｌｌ width “quotes” — and ﬁ",  # a combining mark opens the line
        "  Straße\u00a0ΣΑΣ e",
        "Share\x85",
        "e\u0301",
        "",
        "© 2024\u2028 Example `news`  ",
    ]
    doc = make_document("\n".join(lines))
    doc.text = "\n".join(lines[i] for i in kept)
    text, content = normalized_pair(doc)
    assert text == normalize(doc.text).encode("utf-8")
    assert content == normalize(doc.content).encode("utf-8")
    # a text that is not a selection of the input's lines: each normalised whole
    doc.text = "Straße ΣΑΣ\nMENU"
    assert normalized_pair(doc) == (
        normalize(doc.text).encode("utf-8"),
        normalize(doc.content).encode("utf-8"),
    )
    doc.content = doc.text
    assert normalized_pair(doc) == (normalize(doc.text).encode("utf-8"), None)


def test_exact_duplicate_within_a_run(run_stage):
    a = make_document(BASE, path="a.txt")
    b = make_document(BASE.upper().replace(" ", "  "), path="b.txt")
    run = run_stage(DedupStage, [a, b])
    assert [d.id for d in run.kept] == [a.id]
    [(doc, drop)] = run.dropped
    assert doc is b and drop.reason == "exact_duplicate"
    assert drop.detail == {
        "duplicate": {"status": "exact", "of": a.id, "similarity": 1.0},
        "copy": {"title": None, "authors": [], "uri": b.source.uri},
        "of": {"id": a.id, "title": None, "authors": [], "uri": a.source.uri},
    }
    assert b.duplicate.status == "exact" and b.duplicate.of == a.id


def test_a_duplicates_rejects_entry_shows_the_title_and_authors_of_both(run_stage):
    """s28 dedup tester M1: a reject held ids and a similarity, not the headline or byline
    of the copy dropped nor of the document it copies (four outlets' headlines lost). Both
    are in the entry now: the one it copies from the batch, or from the index (a run
    before; an index of a release before s29 has none: null)."""
    a = make_document(BASE, path="a.txt")
    a.title, a.authors = "Council backs budget", ["Jane Roe"]
    b = make_document(BASE.replace("twelve", "fifteen"), path="b.txt")
    b.title, b.authors = "Schools win in budget vote", ["Wire staff"]
    run = run_stage(DedupStage, [a, b])
    [(_, drop)] = run.dropped
    assert drop.detail["copy"] == {
        "title": "Schools win in budget vote",
        "authors": ["Wire staff"],
        "uri": b.source.uri,
    }
    kept = {"id": a.id, "title": "Council backs budget", "authors": ["Jane Roe"]}
    assert drop.detail["of"] == {**kept, "uri": a.source.uri}
    # a later run: the kept one as the index has it
    c = make_document(BASE, path="c.txt")
    c.title = "Budget passes"
    [(_, later)] = run_stage(DedupStage, [c]).dropped
    assert later.detail["of"] == {**kept, "uri": a.source.uri}
    assert later.detail["copy"]["title"] == "Budget passes"


def test_near_duplicate_points_to_the_first_member_of_its_cluster(run_stage):
    a = make_document(BASE, path="a.txt")
    b = make_document(BASE.replace("twelve", "fifteen"), path="b.txt")
    c = make_document(BASE.replace("twelve", "fifteen").replace("Tuesday", "Monday"), path="c.txt")
    run = run_stage(DedupStage, [a, b, c], policy="keep")
    assert [d.duplicate.status for d in run.kept] == ["unique", "near", "near"]
    assert b.duplicate.of == a.id and c.duplicate.of == a.id  # not b: the cluster's first
    assert 0.7 <= b.duplicate.similarity < 1.0


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_copy_of_a_near_member_is_not_called_identical_to_the_root(run_stage, across_runs):
    """An exact copy of a cluster's member (a near duplicate of its first document) is
    reported as a near duplicate of the cluster's root, with its similarity to the root
    (not 1.0: the texts differ) and the member it copies."""
    a = make_document(BASE, path="a.txt")
    b = make_document(BASE.replace("twelve", "fifteen"), path="b.txt")
    c = make_document(BASE.replace("twelve", "fifteen").upper(), path="c.txt")
    if across_runs:
        run_stage(DedupStage, [a, b])
        run = run_stage(DedupStage, [c])
    else:
        run = run_stage(DedupStage, [a, b, c])
    assert b.duplicate.status == "near" and b.duplicate.of == a.id
    # (it was called an exact duplicate of the root, whose text is not its own: s28 M4)
    assert c.duplicate.status == "near" and c.duplicate.of == a.id
    assert c.duplicate.similarity == b.duplicate.similarity < 1.0
    assert c.annotations["dedup"] == {"method": "text", "copy_of": b.id}
    assert run.dropped[-1][1].reason == "near_duplicate"
    assert run.dropped[-1][1].detail["duplicate"]["similarity"] == b.duplicate.similarity
    assert run.dropped[-1][1].detail["copy_of"] == b.id  # (s40 acc-synd #7)


ZH = (
    "今年入夏以来，长江流域降水量较常年同期偏少四成以上，四川、重庆、湖北等地相继出现不同程度的旱情，"
    "部分地区农作物受到影响。水利部门表示，目前长江干流水位处于有记录以来同期最低水平，已启动抗旱四级"
    "应急响应，并组织上游水库向下游补水。气象专家分析认为，副热带高压持续偏强偏西是造成此次高温少雨"
    "天气的主要原因，预计未来一周旱情仍将持续。当地政府已调集抽水设备和送水车辆，优先保障群众饮水安全。"
)
ZH_OTHER = (
    "北京市政府周一宣布了新的交通计划。为了改善市民的日常生活，将重新审查铁路和公交线路，并在最拥挤的"
    "路段增加班次，以缓解早晚高峰的压力。根据计划，明年春天之前将在车站周围修建自行车停车场，并逐步"
    "拆除人行道上的台阶，让老人和儿童能够更加安全地出行。市民对此普遍表示欢迎，但也有人担心施工影响交通。"
)
TH = (
    "กรมอุตุนิยมวิทยาประกาศเตือนภัยฝนตกหนักในภาคเหนือและภาคตะวันออกเฉียงเหนือตลอดสัปดาห์นี้ "
    "ประชาชนที่อาศัยอยู่ในพื้นที่เสี่ยงควรเตรียมพร้อมรับมือกับน้ำท่วมฉับพลันและดินถล่ม "
    "เจ้าหน้าที่ได้เตรียมเครื่องสูบน้ำและเรือไว้ช่วยเหลือผู้ประสบภัยในหลายจังหวัดแล้ว"
)


@pytest.mark.parametrize("text", [ZH, TH], ids=["zh", "th"])
def test_near_copies_in_scripts_without_spaces_are_found(run_stage, text):
    """A Chinese, Japanese or Thai paragraph was one "word" (no spaces), so a page had a
    handful of word shingles, and a copy with one sentence changed shared few of them: a
    Japanese copy was called unique. A character of such a script is a word of its own."""
    a = make_document(text, path="a.txt")
    cut = text[: len(text) * 3 // 4] + text[len(text) * 3 // 4 + 6 :]  # six characters out
    b = make_document(cut, path="b.txt")
    other = make_document(ZH_OTHER if text is ZH else OTHER, path="o.txt")
    run = run_stage(DedupStage, [a, b, other], policy="keep")
    assert [d.duplicate.status for d in run.kept] == ["unique", "near", "unique"]
    assert b.duplicate.of == a.id and b.duplicate.similarity >= 0.9
    hasher = MinHasher()
    assert len(hasher.shingles(text)) > len(text.replace(" ", "")) // 2  # (character 5-grams)


def test_characters_of_scripts_without_spaces_are_spaced_as_the_pattern_says():
    """_spaced (a split by the pattern's group, gated by the characters' first bytes) gives
    what a template sub of _UNSPACED gives, on such pages, pages that share their lead bytes
    (Hindi, Vietnamese, emoji) and random bytes (invalid UTF-8 too)."""
    import random

    def by_sub(data: bytes) -> bytes:
        return dedup_module._UNSPACED.sub(rb"\g<0> ", data)

    pages = [ZH, TH, "नमस्ते दुनिया २०२४", "Tiếng Việt có dấu", "ok 😀 𠀀𠀁", "ဗမာ ខ្មែរ ລາວ", ""]
    rng = random.Random(5)
    alphabet = [bytes([b]) for b in (0x20, 0x41, 0x80, 0x82, 0x9F, 0xA0, 0xAF, 0xB0, 0xB8, 0xBB)]
    alphabet += [bytes([b]) for b in (0xBC, 0xBF, 0xE0, 0xE1, 0xE2, 0xE3, 0xE9, 0xEA, 0xF0, 0xF1)]
    data = [p.encode() for p in pages]
    data += [b"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(20000)]
    for d in data:
        assert dedup_module._spaced(d) == by_sub(d), d


def test_a_long_text_is_hashed_in_windows_to_the_same_words(monkeypatch):
    # A 39 MB text made power tables of 2**26 entries each (1 GB, kept for the run): long
    # data is hashed in windows cut between words, to the same hashes.
    rng = np.random.default_rng(3)
    words = [
        "".join(rng.choice(list("abcdefghij"), size=int(n))) for n in rng.integers(1, 40, 3000)
    ]
    words[1000] = "x" * 500  # (a word longer than a window: never cut)
    data = " ".join(words).encode()
    whole_h, whole_s = MinHasher()._words_in(data)
    monkeypatch.setattr(dedup_module, "_WINDOW", 256)
    hasher = MinHasher()
    h, st = hasher._words(data)
    assert len(h) == len(words) == len(whole_h)
    assert (h == whole_h).all() and (st == whole_s).all()
    assert len(hasher._pw) < len(data) / 2  # (as long as a window and a word, not the data)
    assert (hasher.shingles(data.decode()) == MinHasher().shingles(data.decode())).all()


def test_distinct_documents_stay_distinct(run_stage, seeds):
    docs = [make_document(p.read_text("utf-8"), path=p.name) for p in sorted(seeds.glob("*"))]
    run = run_stage(DedupStage, [*docs, make_document(OTHER, path="o.txt")])
    assert len(run.kept) == 6 and all(d.duplicate.status == "unique" for d in run.kept)


def test_index_persists_across_runs(run_stage):
    a = make_document(BASE, path="week1/a.txt")
    assert run_stage(DedupStage, a).kept
    # A later run (a new stage over the same catalog) finds last week's copy.
    b = make_document(BASE.replace("Tuesday", "Wednesday"), path="week2/a.txt")
    run = run_stage(DedupStage, b)
    assert run.kept == [] and run.dropped[0][1].reason == "near_duplicate"
    assert b.duplicate.of == a.id


def test_rewrapped_copy_is_exact(run_stage):
    text = BASE.replace(". ", ".\n")
    rewrapped = "\r\n\r\n".join(text.splitlines())
    a = make_document(text, path="a.txt")
    b = make_document(rewrapped, path="b.txt")
    b.text = "only part of it survived cleaning differently"
    run = run_stage(DedupStage, [a, b])
    assert run.dropped[0][1].reason == "exact_duplicate"  # by the normalised input


def test_exact_policy_can_differ(run_stage):
    a = make_document(BASE, path="a.txt")
    b = make_document(BASE, path="b.txt")
    c = make_document(BASE.replace("twelve", "fifteen"), path="c.txt")
    run = run_stage(DedupStage, [a, b, c], policy="drop", exact_policy="keep")
    assert [d.id for d in run.kept] == [a.id, b.id]
    assert [drop.reason for _, drop in run.dropped] == ["near_duplicate"]


def test_forget_removes_a_document_from_the_index(run_stage):
    a = make_document(BASE, path="a.txt")
    run = run_stage(DedupStage, a)
    run.stage.forget(a)
    b = make_document(BASE, path="b.txt")
    assert run_stage(DedupStage, b).kept == [b]


def test_changed_hashing_parameters_are_refused(run_stage):
    run_stage(DedupStage, make_document(BASE))
    with pytest.raises(ConfigError, match=r"was built with .*Run with the index.s options"):
        run_stage(DedupStage, make_document(OTHER), num_perm=64, bands=16)


def test_similarity_measures():
    h = MinHasher(128, 5)
    long_text = BASE + " " + OTHER
    sa, na = h.signature(BASE)
    sb, nb = h.signature(long_text)
    j = similarity(sa, na, sb, nb, "jaccard")
    c = similarity(sa, na, sb, nb, "containment")
    assert 0.3 < j < 0.8 and c > 0.85  # BASE is contained in BASE + OTHER
    so, no = h.signature(OTHER)
    assert similarity(sa, na, so, no, "containment") < 0.1
    assert np.array_equal(h.signature(BASE)[0], sa)  # deterministic


# -- batches, the in-memory key buffer, concurrent runs ---------------------------------------
VARIANTS = [
    BASE,
    OTHER,
    BASE.replace("twelve", "fifteen"),  # near
    BASE.upper(),  # exact (normalised text)
    OTHER.replace("Sunday", "Saturday").replace("dawn", "noon"),  # near
    "Short note.",
    "short NOTE.",  # exact
    "",
    BASE + " " + OTHER,  # holds BASE and OTHER: adds much to either (unique, s28 H2)
    OTHER + " Read more.",  # held by the previous: near by containment
]


def _statuses(run) -> list[tuple[str, str | None, float | None]]:
    docs = [*run.kept, *(d for d, _ in run.dropped)]
    docs.sort(key=lambda d: d.source.path)
    return [(d.duplicate.status, d.duplicate.of, d.duplicate.similarity) for d in docs]


def test_a_batch_decides_as_documents_one_by_one(tmp_path, monkeypatch):
    def docs():
        return [make_document(t, path=f"{i:02d}.txt") for i, t in enumerate(VARIANTS)]

    batched = stage_runner(tmp_path / "batched")(DedupStage, docs(), policy="keep")
    monkeypatch.setattr(DedupStage, "batch_size", 1)
    single = stage_runner(tmp_path / "single")(DedupStage, docs(), policy="keep")
    got = _statuses(batched)
    assert got == _statuses(single)
    ids = {d.source.path: d.id for d in batched.kept}
    assert [s for s, _, _ in got] == [
        "unique", "unique", "near", "exact", "near", "unique", "exact", "unique", "unique",
        "near",
    ]  # fmt: skip
    assert got[4][1] == ids["01.txt"] and got[9][1] in (ids["01.txt"], ids["08.txt"])


def test_batch_signatures_equal_single_ones():
    h = MinHasher(128, 5)
    texts = [normalize(t) for t in VARIANTS]
    sigs, sizes = h.signatures(texts)
    for i, t in enumerate(texts):
        sig, size = h.signature(t, normalized=True)
        assert np.array_equal(sigs[i], sig) and sizes[i] == size
        assert size == len(h.shingles(t, normalized=True))
    # No shingle spans two texts of a batch: one text's shingles do not depend on the others.
    assert h.signatures(["alpha beta", "gamma delta epsilon"])[1].tolist() == [1, 1]


def test_band_keys_are_6_byte_integers_per_band():
    h = MinHasher(128, 5)
    sigs, _ = h.signatures([normalize(BASE), normalize(OTHER)])
    keys = h.band_keys(sigs, 16, 3)
    assert keys.shape == (2, 16) and keys.dtype == np.int64
    assert (keys >= 0).all() and (keys < 2**47).all()
    assert ((keys >> 40) == np.arange(16)).all()  # the band number in the top bits
    # One changed value in band 0 changes band 0's key only.
    changed = sigs.copy()
    changed[0, 1] ^= 1
    other = h.band_keys(changed, 16, 3)
    assert other[0, 0] != keys[0, 0] and np.array_equal(other[0, 1:], keys[0, 1:])


def test_key_buffer_lookup_matches_brute_force():
    rng = np.random.default_rng(3)
    buf = _KeyBuffer()
    rows: list[tuple[int, int]] = []
    for b in range(37):  # 37 additions: several merges, several segments left
        keys = rng.integers(0, 500, size=int(rng.integers(1, 60)))
        ns = np.full(len(keys), b, dtype=np.int64)
        buf.add(keys.astype(np.int64), ns)
        rows += zip(keys.tolist(), ns.tolist(), strict=True)
    assert len(buf.segments) < 37 and buf.rows == len(rows)
    query = np.array([0, 7, 42, 499, 777], dtype=np.int64)
    k, n = buf.lookup(query)
    assert sorted(zip(k.tolist(), n.tolist(), strict=True)) == sorted(
        r for r in rows if r[0] in set(query.tolist())
    )
    dk, dn = buf.drain()
    assert sorted(zip(dk.tolist(), dn.tolist(), strict=True)) == sorted(rows)
    assert (np.diff(dk) >= 0).all() and buf.rows == 0 and buf.lookup(query)[0].size == 0


def _lsh_rows(run) -> int:
    return run.stage.db.execute("SELECT count(*) FROM dedup_lsh").fetchone()[0]


def test_buffered_keys_reach_the_index_at_close_and_forgotten_ones_do_not(run_stage):
    a = make_document(BASE, path="a.txt")
    o = make_document(OTHER, path="o.txt")
    run = run_stage(DedupStage, [a, o])
    # run_stage has closed the stage: the buffer was flushed, without a's rows if forgotten
    # before. Forget a now (after the flush): its rows go from the table.
    assert _lsh_rows(run) == 2 * 16
    run.stage.forget(a)
    assert _lsh_rows(run) == 16
    b = make_document(BASE.replace("twelve", "fifteen"), path="b.txt")
    assert run_stage(DedupStage, b).kept == [b] and b.duplicate.status == "unique"


def test_forgetting_a_buffered_document_keeps_its_rows_out(tmp_path, monkeypatch):
    run = stage_runner(tmp_path)
    ctx_run = run(DedupStage, [])  # an open stage whose catalog we drive by hand
    stage = ctx_run.stage
    a = make_document(BASE, path="a.txt")
    o = make_document(OTHER, path="o.txt")
    stage.process_batch([a, o])
    stage.forget(a)  # a's band keys are still in the buffer
    c = make_document(BASE.replace("Tuesday", "Friday"), path="c.txt")
    [res] = stage.process_batch([c])
    assert res is c and c.duplicate.status == "unique"  # not matched to the forgotten a
    stage.close()
    assert _lsh_rows(ctx_run) == 2 * 16  # o and c, not a


def test_buffer_flushed_mid_run_is_still_searched(tmp_path, monkeypatch):
    monkeypatch.setattr(dedup_module, "_BUFFER_ROWS", 16)  # flush after every document
    monkeypatch.setattr(DedupStage, "batch_size", 1)
    a = make_document(BASE, path="a.txt")
    b = make_document(BASE.replace("twelve", "fifteen"), path="b.txt")
    run = stage_runner(tmp_path)(DedupStage, [a, b], policy="keep")
    assert b.duplicate.status == "near" and b.duplicate.of == a.id
    assert _lsh_rows(run) == 2 * 16 and run.stage.buffer.rows == 0


def _from_jaccard(j: float, size_a: int, size_b: int, measure: str) -> float:
    """The similarity of one pair as the stage computed it before its batch was vectorised
    (the reference the numpy version must equal): containment of ``a`` (the new document)
    in ``b`` (s28: it was of the smaller of the two)."""
    if measure == "jaccard" or j == 0.0:
        return j
    inter = j * (size_a + size_b) / (1.0 + j)
    return min(inter / max(size_a, 1), 1.0)


@pytest.mark.parametrize("measure", ["containment", "jaccard"])
def test_batch_similarities_are_the_scalar_formula_bit_for_bit(measure):
    """The batch's numpy similarities must be the very floats of the scalar formula: a
    decision (threshold, ties) and the rounded similarity in a record depend on them."""
    rng = np.random.default_rng(11)
    same = rng.integers(0, 129, size=20_000)
    same[:50] = 0
    size_a = rng.integers(1, 3000, size=20_000)
    size_b = rng.integers(1, 3000, size=20_000)
    size_b[:100] = rng.integers(1, 25, size=100)  # small documents: Jaccard
    got = dedup_module._similarities(same / 128, size_a, size_b, measure, 20)
    rows = zip((same / 128).tolist(), size_a.tolist(), size_b.tolist(), got.tolist(), strict=True)
    for j, a, b, g in rows:
        small = min(a, b) < 20
        assert g == _from_jaccard(j, a, b, "jaccard" if small else measure)


def test_key_filter_never_hides_an_added_key():
    rng = np.random.default_rng(5)
    f = _KeyFilter()
    added = rng.integers(0, 1 << 47, size=200_000, dtype=np.int64)
    for part in np.array_split(added, 7):  # in several additions, duplicates included
        f.add(np.concatenate([part, part[:10]]))
    assert f.may_contain(added).all()
    absent = rng.integers(0, 1 << 47, size=100_000, dtype=np.int64)
    assert f.may_contain(absent).mean() < 0.01  # 200 k keys in 32 M bits: ~0.006 %
    g = _KeyFilter()
    assert g.load(f.to_bytes()) and np.array_equal(g.words, f.words)


def _near_copies(n: int) -> list[str]:
    return [BASE.replace("twelve", w) for w in ("fifteen", "ten", "nine", "eight")[:n]]


def test_key_filter_is_saved_with_the_run_and_loaded_by_the_next(run_stage, monkeypatch):
    a = make_document(BASE, path="week1/a.txt")
    run_stage(DedupStage, a)
    built: list[int] = []
    real_add = _KeyFilter.add

    def counting_add(self: _KeyFilter, keys: np.ndarray) -> None:
        built.append(len(keys))
        real_add(self, keys)

    monkeypatch.setattr(_KeyFilter, "add", counting_add)
    b = make_document(_near_copies(1)[0], path="week2/b.txt")
    run_stage(DedupStage, b)
    assert b.duplicate.status == "near" and b.duplicate.of == a.id
    # b's keys only (16 band keys, one exact key): the filter was loaded, not rebuilt
    assert built == [17]


def test_key_filter_is_rebuilt_after_additions_that_did_not_save_it(run_stage, monkeypatch):
    """A program that adds documents without saving the filter (an older version) leaves a
    stale saved copy; the trigger deletes it, so the next run rebuilds and finds them."""
    run_stage(DedupStage, make_document(OTHER, path="week1/o.txt"))  # saves a filter
    monkeypatch.setattr(DedupStage, "_save_filter", lambda self: None)
    a = make_document(BASE, path="week2/a.txt")
    run_stage(DedupStage, a)
    monkeypatch.undo()
    b = make_document(_near_copies(1)[0], path="week3/b.txt")
    c = make_document(BASE, path="week3/c.txt")
    run = run_stage(DedupStage, [b, c])
    assert run.kept == [] and b.duplicate.status == "near" and b.duplicate.of == a.id
    assert c.duplicate.status == "exact" and c.duplicate.of == a.id  # its exact key too


def test_key_filter_keeps_forgotten_keys_harmlessly(run_stage):
    a = make_document(BASE, path="week1/a.txt")
    run = run_stage(DedupStage, a)
    run.stage.forget(a)
    b = make_document(_near_copies(1)[0], path="week2/b.txt")
    later = run_stage(DedupStage, b)
    assert later.kept == [b] and b.duplicate.status == "unique"
    assert later.stage.filter.may_contain(
        later.stage._band_keys(np.stack([later.stage.hasher.signature(BASE)[0]]))
    ).all()  # a's keys still pass the filter: SQLite, which forgot them, decides


def test_signature_cache_answers_as_the_index(tmp_path):
    """Candidates found in the cache and read from the index are the same rows; a
    forgotten document is dropped from both."""
    run = stage_runner(tmp_path)(DedupStage, [])
    stage = run.stage
    docs = [make_document(t, path=f"{i}.txt") for i, t in enumerate([BASE, OTHER])]
    stage.process_batch(docs)
    ns = np.array([1, 2, 3], dtype=np.int64)  # 3 is no document
    cold = stage._candidate_rows(ns)
    warm = stage._candidate_rows(ns)
    assert all(np.array_equal(x, y) for x, y in zip(cold, warm, strict=True))
    assert cold[0].tolist() == [1, 2] and cold[2].shape == (2, 128)
    stage.forget(docs[0])
    assert stage._candidate_rows(ns)[0].tolist() == [2]
    cache = _SigCache(4, 2)
    cache.put(np.array([1, 5]), np.array([7, 8]), np.array([[1, 2], [3, 4]], dtype=np.uint16))
    hit, _ = cache.find(np.array([1, 5, 9]))
    assert hit.tolist() == [False, True, False]  # 1 and 5 share slot 1: the later one stays


def test_exact_keys_ending_in_nul_survive_the_buffer_and_the_flush(tmp_path, monkeypatch):
    """numpy's S16 strips trailing NUL bytes when it hands out an element: the buffered
    exact keys go back to bytes whole, so a copy is found before and after the flush."""
    key = b"\x07" * 14 + b"\x00\x00"
    assert _key_bytes(np.array([key, b"x" * 16], dtype="S16")) == [key, b"x" * 16]
    monkeypatch.setattr(DedupStage, "_exact_keys", staticmethod(lambda doc, norms=None: [key]))
    monkeypatch.setattr(DedupStage, "batch_size", 1)
    a, b = make_document(BASE, path="a.txt"), make_document(OTHER, path="b.txt")
    run_stage = stage_runner(tmp_path)
    run = run_stage(DedupStage, [a, b], policy="keep")
    assert b.duplicate.status == "exact" and b.duplicate.of == a.id  # from the buffer
    rows = run.stage.db.execute("SELECT key, n FROM dedup_exact").fetchall()
    assert rows == [(key, 1), (key, 2)]  # flushed whole (b, a duplicate, joins its cluster)
    c = make_document(OTHER + " Again.", path="c.txt")
    run_stage(DedupStage, [c], policy="keep")
    assert c.duplicate.status == "exact" and c.duplicate.of == a.id  # from SQLite


def test_merge_finds_index_keys_ending_in_nul(tmp_path):
    """The staged plan's merge looks the run's exact keys up in the index whole."""
    import sqlite3

    key = b"\x05" * 15 + b"\x00"
    db = sqlite3.connect(tmp_path / "index.sqlite")
    db.execute("CREATE TABLE dedup_exact (key BLOB, n INTEGER)")
    db.execute("INSERT INTO dedup_exact VALUES (?, 7)", (key,))
    keys = np.array([key], dtype="S16")
    sql = "SELECT key, n FROM dedup_exact WHERE key IN ({})"
    k, r = DedupStage._with_index(db, sql, True, keys, np.array([0], dtype=np.int64))
    assert _key_bytes(k) == [key, key] and r.tolist() == [0, 7 - dedup_module._INDEX_REF]


def test_two_runs_on_one_index_take_turns(tmp_path):
    """A second run on the same index waits for the first to commit, then sees its documents
    (including the band keys the first run only held in memory until it closed)."""
    path = tmp_path / "index.sqlite"

    def stage_on(catalog: Catalog) -> DedupStage:
        ctx = StageContext(run_id="r", out=tmp_path, catalog=catalog, reporter=RecordingReporter())
        stage = DedupStage(build_options(DedupOptions, {}, stage="dedup", origin="test"), ctx)
        stage.open()
        return stage

    first_catalog = Catalog(path)
    first = stage_on(first_catalog)
    a = make_document(BASE, path="week1/a.txt")
    first.process_batch([a])
    second: dict[str, Any] = {}

    def second_run() -> None:
        catalog = Catalog(path, timeout=20)  # waits for the first run's write lock
        second["started"] = time.monotonic()
        stage = stage_on(catalog)
        b = make_document(BASE.replace("Tuesday", "Thursday"), path="week2/b.txt")
        second["result"] = stage.process_batch([b])[0]
        second["doc"] = b
        stage.close()
        catalog.commit()

    t = threading.Thread(target=second_run)
    t.start()
    time.sleep(0.5)
    assert "started" not in second  # still waiting
    first.close()
    committed = time.monotonic()
    first_catalog.commit()
    t.join(30)
    assert second["started"] >= committed
    assert isinstance(second["result"], Drop) and second["doc"].duplicate.of == a.id


def test_hashing_ahead_in_prepare_decides_as_hashing_in_process(tmp_path):
    def docs():
        return [make_document(t, path=f"{i:02d}.txt") for i, t in enumerate(VARIANTS)]

    plain = stage_runner(tmp_path / "plain")(DedupStage, docs(), policy="keep")
    prepared = docs()
    ctx = StageContext("r", tmp_path, Catalog(tmp_path / "x.sqlite"), RecordingReporter())
    opts = build_options(DedupOptions, {}, stage="dedup", origin="test")
    # prepare_batch runs in a worker, on another stage object: only doc.work crosses.
    DedupStage(opts, ctx).prepare_batch(prepared[:4])
    DedupStage(opts, ctx).prepare_batch(prepared[4:])
    assert all("dedup" in d.work for d in prepared)
    # what crosses back is plain bytes: a numpy row cost as much again to unpickle in the
    # main process as the rest of the work (~33 -> ~17 µs a document, pickled both ways)
    for d in prepared:
        keys, sig, size, uri, byline, address, site_name = d.work["dedup"]
        assert byline is None and site_name is None  # (no title, no authors, no site's name)
        assert (
            uri == address == d.source.uri and type(sig) is bytes and len(sig) == 4 * opts.num_perm
        )
        assert all(type(k) is bytes for k in keys) and type(size) is int
    ahead = stage_runner(tmp_path / "ahead")(DedupStage, prepared, policy="keep")
    assert _statuses(ahead) == _statuses(plain)
    assert not any(d.work for d in prepared)  # scratch is not kept


def test_huge_documents_are_hashed_in_bounded_groups(monkeypatch):
    monkeypatch.setattr(dedup_module, "_HASH_GROUP_CHARS", 300)
    monkeypatch.setattr(dedup_module, "_HASH_MAX_CHARS", 200)
    stage = DedupStage.__new__(DedupStage)
    stage.hasher = MinHasher(128, 5)
    docs = [make_document(t, path=f"{i}.txt") for i, t in enumerate(VARIANTS)]
    _, sigs, sizes = stage._hash(docs)
    for d, sig, size in zip(docs, sigs, sizes, strict=True):
        want, n = stage.hasher.signature(normalize(d.text)[:200], normalized=True)
        assert np.array_equal(sig, want) and size == n


def _global_corpus() -> tuple[list[str], list[str]]:
    """Texts of an earlier run, and of this run: uniques, exact and near copies of each
    other, and of the earlier run's documents."""
    rng = np.random.default_rng(5)
    words = [f"w{i}" for i in range(400)]

    def text() -> str:
        return " ".join(rng.choice(words, size=120).tolist())

    earlier = [text() for _ in range(6)]
    base = [text() for _ in range(8)]
    run = []
    for i, t in enumerate(base):
        run.append(t)
        if i % 2:
            run.append(t.upper())  # exact (case)
        if i % 3 == 0:
            run.append(t.replace(t.split()[5], "changed", 1))  # near
    near_earlier = earlier[1].replace(earlier[1].split()[9], "other", 1)
    run += [
        earlier[0],
        near_earlier,
        text(),
        near_earlier.upper(),
        run[1].upper(),
    ]  # copies of members
    run.insert(2, base[4])  # a copy before its first occurrence... of a later unique
    return earlier, run


def _decisions(docs, results) -> list[tuple[Any, ...]]:
    return [
        (d.duplicate.status, d.duplicate.of, d.duplicate.similarity, d.annotations.get("dedup"),
         r.reason if isinstance(r, Drop) else None)
        for d, r in zip(docs, results, strict=True)
    ]  # fmt: skip


@pytest.mark.parametrize(("batch", "merge_rows"), [(512, 1 << 18), (3, 1 << 18), (512, 5)])
def test_global_steps_decide_as_the_streaming_stage(tmp_path, monkeypatch, batch, merge_rows):
    """Sorted key files per task, a merge per band (over key ranges when a merge task may
    hold only ``merge_rows`` keys), then decisions in global order: the streaming stage's
    decisions, cross-run ones included, whatever the batches."""
    import shutil

    import corearchive_plugins.dedup as dedup_module

    monkeypatch.setattr(dedup_module, "_MERGE_PART_ROWS", merge_rows)

    earlier, texts = _global_corpus()
    opts = build_options(DedupOptions, {}, stage="dedup", origin="test")

    def stage_on(index):
        ctx = StageContext("r", tmp_path, Catalog(index), RecordingReporter())
        st = DedupStage(opts, ctx)
        st.open()
        return st

    first = stage_on(tmp_path / "earlier.sqlite")
    first.process_batch([make_document(t, path=f"e{i}.txt") for i, t in enumerate(earlier)])
    first.close()
    first.context.catalog.commit()
    first.context.catalog.db.close()

    def docs():
        return [make_document(t, path=f"{i:02d}.txt") for i, t in enumerate(texts)]

    # streaming
    shutil.copy(tmp_path / "earlier.sqlite", tmp_path / "stream.sqlite")
    st = stage_on(tmp_path / "stream.sqlite")
    stream_docs = docs()
    stream = []
    for i in range(0, len(stream_docs), batch):
        stream += st.process_batch(stream_docs[i : i + batch])
    st.close()

    # global steps: three tasks
    shutil.copy(tmp_path / "earlier.sqlite", tmp_path / "global.sqlite")
    gdocs = docs()
    tasks = [gdocs[:7], gdocs[7:15], gdocs[15:]]
    folders = []
    for t, task in enumerate(tasks):
        worker = DedupStage(opts, StageContext("r", tmp_path, None, RecordingReporter()))
        worker.prepare_batch(task)
        folders.append(tmp_path / "keys" / f"{t}")
        worker.write_keys(
            [(doc_ref(t, i), d.work["dedup"]) for i, d in enumerate(task)],
            folders[-1],
        )
    merger = DedupStage(opts, StageContext("r", tmp_path, None, RecordingReporter()))
    for part in range(merger.merge_parts):
        merger.merge_keys(part, folders, tmp_path / "global.sqlite", tmp_path / "merged")
    # merged a key range at a time or all at once: the same files
    monkeypatch.setattr(dedup_module, "_MERGE_PART_ROWS", 1 << 30)
    for part in range(merger.merge_parts):
        merger.merge_keys(part, folders, tmp_path / "global.sqlite", tmp_path / "whole")
        with (
            np.load(tmp_path / "merged" / f"part-{part:03d}.npz") as a,
            np.load(tmp_path / "whole" / f"part-{part:03d}.npz") as b,
        ):
            assert all(np.array_equal(a[k], b[k]) for k in ("keys", "offsets", "refs"))
            assert len(b["keys"]) > 0 or part < merger.merge_parts - 1  # exact groups exist
    gl = stage_on(tmp_path / "global.sqlite")

    def no_sql(*args: Any) -> Any:
        raise AssertionError("the merged files answer the look-ups")

    gl._exact_lookup = gl._lsh_lookup = no_sql  # type: ignore[method-assign]
    refs = [doc_ref(t, i) for t, task in enumerate(tasks) for i in range(len(task))]
    out = []
    for i in range(0, len(gdocs), batch):
        out += gl.process_global(gdocs[i : i + batch], refs[i : i + batch], tmp_path / "merged")
    gl.close()

    got, want = _decisions(gdocs, out), _decisions(stream_docs, stream)
    assert got == want
    statuses = [s for s, *_ in want]
    assert statuses.count("exact") >= 5 and statuses.count("near") >= 3
    earlier_ids = {make_document(t, path=f"e{i}.txt").id for i, t in enumerate(earlier)}
    assert {"exact", "near"} == {s for s, of, *_ in want if of in earlier_ids}
    assert sum(1 for _, _, sim, ann, _ in want if "copy_of" in ann and sim < 1.0) == 2
    # the index the global steps leave is the streaming one
    for table in ("dedup_docs", "dedup_exact", "dedup_lsh"):
        rows = [
            sorted(s.context.catalog.execute(f"SELECT * FROM {table}").fetchall()) for s in (st, gl)
        ]
        assert rows[0] == rows[1]


@pytest.mark.parametrize("n", [1, 5, 4096, 4097, 20_000])
def test_power_table_holds_the_powers_modulo_2_64(n):
    base = 0x9E3779B97F4A7C15
    table = dedup_module._power_table(np.uint64(base), n)
    assert len(table) == n
    for i in {0, n // 2, n - 1, min(1, n - 1), min(4096, n - 1)}:
        assert int(table[i]) == pow(base, i, 2**64)


@pytest.mark.parametrize("plan", ["stream", "staged"])
def test_a_rerun_keeps_what_earlier_runs_indexed(ingest, seeds, tmp_path, plan):
    # The same inputs again are dropped as already archived, and each drop called the dedup
    # stage's forget(), which removed the earlier run's index entries: copies of those
    # documents under other names were then archived anew (found by a fuzzing helper).
    import json

    texts = [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(
        "".join(
            json.dumps({"url": f"https://a.example/{i}", "text": t}) + "\n"
            for i, t in enumerate(texts)
        )
    )
    # exact copies under other addresses
    b.write_text(
        "".join(
            json.dumps({"url": f"https://b.example/{i}", "text": t}) + "\n"
            for i, t in enumerate(texts)
        )
    )
    out = tmp_path / "o"
    # The rerun reads the file again by --rescan: without it, a file unchanged since the
    # first run is not read again (counted: unchanged_inputs), unless it was modified under
    # 2 s before that run looked at it (unchanged.RACY_NS), as a file written just before
    # is. On a loaded machine 2 s passed, the rerun skipped it, and no document was dropped
    # as already archived: the test failed now and then. The file's time is set 60 s back,
    # so the run records it whatever the load.
    os.utime(a, (time.time() - 60, time.time() - 60))
    assert len(ingest(str(a), "--plan", plan, out=out).records) == 5
    again = ingest(str(a), "--plan", plan, "--rescan", out=out)
    assert {r["reason"] for r in again.rejects if r["run_id"] == again.manifest["run_id"]} == {
        "already_archived"
    }
    copies = ingest(str(b), "--plan", plan, out=out)
    assert len(copies.records) == 5  # (records.jsonl: the first run's five, no more)
    reasons = [r["reason"] for r in copies.rejects if r["run_id"] == copies.manifest["run_id"]]
    assert reasons == ["exact_duplicate"] * 5


@pytest.mark.parametrize("plan", ["stream", "staged"])
def test_a_rerun_reports_each_duplicate_as_the_first_run_did(ingest, tmp_path, plan):
    # A near copy dropped by a first run was reported on a rerun as an exact copy of its
    # cluster, similarity 1.0: its own entry from the first run matched its exact keys.
    import json

    from test_executor import _corpus

    corpus = _corpus(tmp_path / "all.jsonl", n=60)
    out = tmp_path / "o"

    def dups(res: Any) -> dict[str, tuple[str, Any]]:
        run = res.manifest["run_id"]
        return {
            r["id"]: (r["reason"], r["detail"]["duplicate"])
            for r in res.rejects
            if r["run_id"] == run and r["stage"] == "dedup"
        }

    first = dups(ingest(str(corpus), "--plan", plan, out=out))
    assert {reason for reason, _ in first.values()} == {"exact_duplicate", "near_duplicate"}
    again = dups(ingest(str(corpus), "--plan", plan, out=out))
    assert again == first
    assert json.loads((out / "run.json").read_text())["counts"]["kept"] == 0


def test_a_fuller_version_read_after_an_excerpt_is_kept(run_stage):
    """s28 tester H2: containment was measured over the smaller document, so an excerpt
    read first was "1.0" of the full story, which was dropped. A new document is measured
    by how much of it the kept one holds: the full story adds much of itself, and is kept;
    the excerpt read after the full story adds nothing, and is dropped, its rejects entry
    saying the measure, the similarity, both sizes and the kept copy's address (an excerpt
    holding most of it: one of less than half is an item of a compilation, s36 below)."""
    story = BASE + " " + OTHER
    excerpt = make_document(BASE, path="excerpt.txt")
    full = make_document(story, path="full.txt")
    run = run_stage(DedupStage, [excerpt, full])
    assert run.kept == [excerpt, full] and full.duplicate.status == "unique"
    assert full.annotations["dedup"]["candidates"] == 1  # (compared, and kept)
    # an excerpt read after the full story adds nothing to it: dropped, and said so
    later = make_document(story.rsplit(". ", 2)[0].replace("Tuesday", "Monday"), path="later.txt")
    run = run_stage(DedupStage, [later])
    [(doc, drop)] = run.dropped
    assert doc is later and later.duplicate.of == full.id
    match = drop.detail["match"]
    assert match["measure"] == "containment" and match["similarity"] >= 0.85
    assert match["id"] == full.id and match["uri"] == full.source.uri
    assert match["shingles"] < match["match_shingles"]
    assert match["jaccard"] < match["similarity"]


STORY = "https://news.example/2026/11/budget"
UPDATE = " Updated on Wednesday: the council published the full text of the budget."
#: A story long enough that an added sentence changes a tenth of it
LONG = BASE + " " + OTHER


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_changed_text_at_an_address_seen_before_is_a_revision_kept(run_stage, across_runs):
    """s28 tester H1: a recapture of an archived URL with its text changed (a paragraph
    added, a figure corrected) was a near duplicate of the first version, dropped by
    default: the archive kept the uncorrected story only. It is a new version: kept, tagged
    revision of the version it resembles most; an unchanged recapture stays an exact
    duplicate; a near copy at another address is still a near duplicate (M4: and a copy
    of the revision elsewhere is an exact duplicate of the revision, not of v1)."""
    v1 = make_document(LONG, path="crawl1.jsonl", uri=STORY)
    same = make_document(LONG, path="crawl2.jsonl", uri=STORY, locator="1")
    v2 = make_document(LONG + UPDATE, path="crawl2.jsonl", uri=STORY, locator="2")
    v3 = make_document(
        (LONG + UPDATE).replace("twelve percent", "fourteen percent"),
        path="crawl3.jsonl",
        uri=STORY,
    )
    v2_elsewhere = make_document(LONG + UPDATE, path="b.jsonl", uri="https://b.example/x")
    syndicated = make_document(
        LONG.replace("Tuesday", "Monday"), path="c.jsonl", uri="https://c.example/y"
    )
    docs = [v1, same, v2, v3, v2_elsewhere, syndicated]
    if across_runs:
        kept = [d for doc in docs for d in run_stage(DedupStage, [doc]).kept]
    else:
        kept = run_stage(DedupStage, docs).kept
    assert kept == [v1, v2, v3]
    assert same.duplicate == Duplicate("exact", v1.id, 1.0)
    assert v2.duplicate.status == "revision" and v2.duplicate.of == v1.id
    assert 0.7 <= v2.duplicate.similarity < 1.0
    assert v3.duplicate.status == "revision" and v3.duplicate.of == v2.id  # the closest
    assert v2_elsewhere.duplicate == Duplicate("exact", v2.id, 1.0)
    assert syndicated.duplicate.status == "near" and syndicated.duplicate.of == v1.id


def test_revisions_follow_the_policy_when_asked(run_stage):
    v1 = make_document(LONG, path="crawl1.jsonl", uri=STORY)
    v2 = make_document(LONG + UPDATE, path="crawl2.jsonl", uri=STORY)
    copy = make_document(LONG + UPDATE, path="b.jsonl", uri="https://b.example/x")
    run = run_stage(DedupStage, [v1, v2, copy], revision_policy="same")
    assert run.kept == [v1]
    (d2, drop2), (d3, drop3) = run.dropped
    assert d2 is v2 and drop2.reason == "revision" and v2.duplicate.of == v1.id
    assert drop2.detail["match"]["uri"] == STORY
    # a copy of the dropped revision elsewhere: a near duplicate of v1 (not exact: M4)
    assert d3 is copy and drop3.reason == "near_duplicate" and copy.duplicate.of == v1.id
    assert copy.annotations["dedup"]["copy_of"] == v2.id


def test_the_run_report_counts_the_revisions_kept(ingest, tmp_path):
    a, b = tmp_path / "run1.jsonl", tmp_path / "run2.jsonl"
    a.write_text(json.dumps({"url": STORY, "text": LONG}) + "\n")
    b.write_text(
        json.dumps({"url": STORY, "text": LONG}) + "\n"
        + json.dumps({"url": STORY, "text": LONG + UPDATE}) + "\n"
    )  # fmt: skip
    ingest(str(a))
    res = ingest(str(b))
    assert [r["duplicate"]["status"] for r in res.records] == ["unique", "revision"]
    assert res.manifest["counts"]["noted"] == {
        "revisions kept (changed text at an address seen before)": 1
    }
    summary = RunReport.from_counts("r", res.manifest["counts"]).summary()
    assert "noted    revisions kept (changed text at an address seen before)  1" in summary


def test_the_run_report_counts_the_duplicates_kept(ingest, tmp_path):
    """s40 acc-synd #10: with ``dedup.policy=keep`` the run said "kept 3" and nothing of
    the copies among them."""
    src = tmp_path / "all.jsonl"
    texts = [LONG, LONG, LONG + UPDATE]
    src.write_text("".join(json.dumps({"url": f"https://s{k}.example/x", "text": t}) + "\n"
                           for k, t in enumerate(texts)))  # fmt: skip
    res = ingest(str(src), "--set", "dedup.policy=keep")
    assert [r["duplicate"]["status"] for r in res.records] == ["unique", "exact", "near"]
    assert res.manifest["counts"]["noted"] == {
        "exact duplicates kept (duplicate.status exact)": 1,
        "near duplicates kept (duplicate.status near)": 1,
    }


def _weather(city: str, high: int, low: int, sky: str, wind: str, day: str) -> str:
    return (
        f"{city} weather for {day}. Expect {sky} skies through the afternoon with a high near"
        f" {high} degrees and an overnight low around {low}. Winds from the {wind} at 10 to 15"
        " miles per hour. This forecast is provided by the National Weather Service and is"
        " updated every six hours. Conditions may change rapidly; check back for the latest"
        " information before making travel plans. For severe weather alerts, sign up for text"
        " notifications on our website or download our free mobile app, available for iPhone"
        " and Android devices. Data and forecasts are provided for informational purposes only."
    )


def test_different_stories_sharing_a_template_are_not_near_duplicates(run_stage):
    """s28 tester H3: at the threshold 0.7, two weather reports of other cities, days and
    figures sharing a site's template and disclaimer (estimated containment 0.72) were near
    duplicates, and the second was dropped. A light edit of one article is still one."""
    a = make_document(_weather("Springfield", 71, 52, "partly cloudy", "southwest", "Tuesday"))
    b = make_document(
        _weather("Riverside", 64, 47, "mostly sunny", "northeast", "Wednesday"), path="b.txt"
    )
    edited = make_document(BASE.replace("twelve", "fifteen"), path="e.txt")
    run = run_stage(DedupStage, [a, b, make_document(BASE, path="base.txt"), edited])
    assert run.kept[:2] == [a, b] and b.duplicate.status == "unique"
    assert [d for d, _ in run.dropped] == [edited] and edited.duplicate.status == "near"


def test_forget_removes_the_rows_of_a_text_over_the_hashed_length(run_stage):
    """The index holds the band keys of a text's first ``_HASH_MAX_CHARS`` characters
    (:func:`hashed_part`); forget recomputed them from the whole text, so a text over 1 M
    characters kept its band rows in the index (an erasure that left them)."""
    long = " ".join(f"w{i} harbour" for i in range(100_000))
    assert len(long) > dedup_module._HASH_MAX_CHARS
    a = make_document(long, path="a.txt")
    o = make_document(OTHER, path="o.txt")
    run = run_stage(DedupStage, [a, o])
    assert _lsh_rows(run) == 2 * 16
    run.stage.forget(a)
    assert _lsh_rows(run) == 16


#: Three short briefs, each the whole of its story, as a section front's teasers hold them
BRIEFS = [
    "Bridge closed after lorry strike. The A59 bridge near the city will stay closed until at"
    " least Friday after a lorry hit one of its supports on Tuesday night, the county council"
    " said, and buses will take a diversion through the villages to the north.",
    "Library to open on Sundays. The central library will open on Sundays from April after"
    " the council found sixty thousand pounds in its budget to pay for extra staff, the"
    " cabinet member for culture said at a meeting of the full council on Monday.",
    "Ring road roadworks delayed. Resurfacing of the outer ring road will start in June, two"
    " months later than planned, because of a shortage of contractors, the city council said,"
    " adding that the work would be done at night to spare the morning traffic.",
]


def test_a_brief_read_after_the_front_that_holds_it_is_kept(run_stage):
    """s36 acc-types #2a: a section front whose teasers hold the full text of short briefs
    was read first; each brief's own page, held whole by the front (containment 1.0), was
    dropped as its near duplicate, the brief in no record, and whether it survived depended
    on the crawl's order. A document covering under half of the larger one that holds it,
    at another address, is an item of it, no copy: the briefs are kept, in either order."""
    front = "York news. Latest. " + " Wed 5 Mar 2025. ".join(BRIEFS) + " Load more. Most read."
    docs = [make_document(front, uri="https://courier.example/york/")] + [
        make_document(b, uri=f"https://courier.example/york/2025/03/b{n}")
        for n, b in enumerate(BRIEFS)
    ]
    run = run_stage(DedupStage, docs)
    assert run.kept == docs and not run.dropped
    assert all(d.duplicate.status == "unique" for d in docs)
    # ... and a brief's second copy is still its copy, wherever it is
    again = make_document(BRIEFS[1] + " Share this story.", uri="https://other.example/b1")
    run = run_stage(DedupStage, [again])
    [(doc, _)] = run.dropped
    assert doc.duplicate.status == "near" and doc.duplicate.of == docs[2].id


def test_a_shortened_copy_holding_most_of_a_story_elsewhere_is_its_copy(run_stage):
    """An excerpt of one article at another address (a syndicated cut: the story without
    its last sentences) that covers more than half of it is still its near duplicate."""
    story = BASE + " " + OTHER
    full = make_document(story, uri="https://news.example/budget")
    cut = make_document(story.rsplit(". ", 3)[0] + ".", uri="https://wire.example/budget")
    run = run_stage(DedupStage, [full, cut])
    assert run.kept == [full]
    assert cut.duplicate.status == "near" and cut.duplicate.of == full.id


def test_with_jaccard_a_larger_copy_elsewhere_is_measured_by_the_threshold(run_stage):
    """With ``measure="jaccard"``, whether a document is an item of a larger one was read
    from Jaccard's similarity as if it were the share of the smaller held: a copy holding
    all of a story and as much again (Jaccard ~0.45) was never its near duplicate under a
    ``threshold`` of 0.4, a hidden floor of 0.5 (s37 acc-read F18). (Jaccard 9/19 here.)"""
    from helpers import word_paragraphs

    paragraphs = word_paragraphs(19, seed=5)
    story = make_document("\n\n".join(paragraphs[:9]), uri="https://one.example.org/a")
    larger = make_document("\n\n".join(paragraphs), uri="https://two.example.net/b")
    run = run_stage(DedupStage, [story, larger], measure="jaccard", threshold=0.4)
    assert run.kept == [story]
    assert larger.duplicate.status == "near" and larger.duplicate.of == story.id
    assert 0.4 <= larger.duplicate.similarity < 0.5


def test_a_page_rendered_with_its_furniture_and_a_fuller_version_are_one_story(run_stage, tmp_path):
    """s37 acc-regress R4: a page's text rendering was no copy of its HTML rendering that
    kept the site's menus and tables (it covered under half of it: "an item of a
    compilation"), nor was a story's short first version a copy of its fuller one. A
    compilation is under its own headline, not its items': under the same headline the
    smaller one is the story's copy, read after the larger one in the batch or the index;
    a document under another headline is still an item of the larger one."""
    from helpers import word_paragraphs

    furniture = "\n".join(word_paragraphs(3, seed=11, words=70))
    page = make_document(furniture + "\n" + BASE + "\n" + furniture[:300], path="page.html")
    page.title = "Council approves budget | The Courier"
    page.site_name = "The Courier"
    clean = make_document(BASE, path="page.html.txt")
    clean.title = "Council approves budget"
    run = run_stage(DedupStage, [page, clean])
    assert run.kept == [page]
    assert clean.duplicate.status == "near" and clean.duplicate.of == page.id
    # a short first version read after the fuller one, in a later run (the index's)
    first = make_document(BASE.split(". ")[0] + ". " + BASE.split(". ")[1] + ".", path="v1.txt")
    first.title = "Council approves budget"
    run = run_stage(DedupStage, [first])
    [(doc, _)] = run.dropped
    assert doc.duplicate.status == "near" and doc.duplicate.of == page.id
    # under a headline of its own, the same text is an item of the page, kept
    item = make_document(BASE, path="item.txt")
    item.title = "Schools get twelve percent more"
    run = stage_runner(tmp_path / "other")(DedupStage, [page, item])
    assert run.kept == [page, item] and item.duplicate.status == "unique"


@pytest.mark.parametrize("across_runs", [False, True])
def test_a_related_copy_under_the_threshold_names_its_nearest(run_stage, across_runs):
    """s40 acc-synd #2: a short story's update on another site (two paragraphs added) is
    under the threshold, no duplicate, and was kept with no pointer to its story: it
    names the story's record and its similarity (annotations.dedup.nearest). Another
    story names nothing."""
    from helpers import word_paragraphs

    paras = word_paragraphs(4, seed=11)
    story = make_document("\n\n".join(paras), path="a.txt", uri="https://a.example/s")
    added = word_paragraphs(2, seed=12)
    update = make_document(
        "\n\n".join([added[0], *paras, added[1]]), path="b.txt", uri="https://b.example/s"
    )
    other = make_document(
        "\n\n".join(word_paragraphs(4, seed=13)), path="c.txt", uri="https://c.example/s"
    )
    if across_runs:
        run_stage(DedupStage, [story])
        kept = run_stage(DedupStage, [update, other]).kept
    else:
        kept = run_stage(DedupStage, [story, update, other]).kept[1:]
    assert kept == [update, other]
    assert update.duplicate.status == "unique"
    near = update.annotations["dedup"]["nearest"]
    assert near["id"] == story.id and 0.5 <= near["similarity"] < 0.85
    assert "nearest" not in other.annotations["dedup"]
