"""Cache every ensemble member's distribution on every dev sample (for stack_fit.py).

For each sample of ../shared/eval/data/lingua/dev (all three kinds) this stores the cleaned
text's fastText top-10, CLD2 (reliable flag + languages), py3langid top-10 and lingua
low-accuracy confidence values over all its languages, plus the shipped detector's answer,
so that combinations can be designed and cross-validated offline without rerunning models.

    .venv/bin/python research/langid/stack_collect.py /work/scratch/lang/members.pkl
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

from corearchive_plugins.language import detect as D

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "data" / "lingua" / "dev"
KINDS = ["sentences", "word-pairs", "single-words"]


def main(out: str) -> None:
    D.load()
    ft, p3, lg_all = D._state["ft"], D._state["p3l"], D._state["lingua_all"]
    rows = []
    t0 = time.process_time()
    for kind in KINDS:
        for f in sorted((DEV / kind).glob("*.txt")):
            lines = [ln for ln in f.read_text("utf-8").split("\n") if ln.strip()]
            for i, raw in enumerate(lines):
                t = D._WS.sub(" ", D._STRIP.sub(" ", raw[: D.MAX_CHARS])).strip()
                sig = bool(t) and D._has_signal(t)
                r = {"kind": kind, "lang": f.stem, "i": i, "text": raw, "clean": t, "sig": sig}
                r["shipped"] = D.detect(raw, with_stage=True)
                if sig:
                    labels, probs = ft.predict(t, k=10)
                    r["ft"] = [(D.canonical_code(lab[9:]), float(p)) for lab, p in zip(labels, probs)]
                    r["cld2"] = D._cld2(t)
                    r["p3l"] = [(D.canonical_code(c), float(p)) for c, p in p3.rank(t)[:10]]
                    r["lingua"] = [
                        (cv.language.iso_code_639_1.name.lower(), cv.value)
                        for cv in lg_all.compute_language_confidence_values(t)
                        if cv.value > 1e-6
                    ]
                rows.append(r)
        print(kind, len(rows), f"{time.process_time() - t0:.0f} CPU-s", flush=True)
    with open(out, "wb") as fh:
        pickle.dump(rows, fh)


if __name__ == "__main__":
    main(sys.argv[1])
