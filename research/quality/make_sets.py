"""Build the real-article sets the quality stage's false drops are measured on.

    python research/quality/make_sets.py OUT

OUT/aeb_bodies: the aeb dev articles' true bodies (truth.json), one .txt each;
OUT/lingua_sentences.jsonl: every lingua dev sentence, one document each (short texts);
OUT/lingua_paragraphs.jsonl: 10 sentences (shuffled) of one language per document,
five paragraphs (lines) of two.
"""

import json
import random
import sys
from pathlib import Path

EVAL = Path("/work/shared/eval/data")


def main(out: Path) -> None:
    bodies = out / "aeb_bodies"
    bodies.mkdir(parents=True, exist_ok=True)
    truth = json.loads((EVAL / "aeb/dev/truth.json").read_text())
    for name, page in truth.items():
        body = page.get("articleBody") or ""
        if body.strip():
            (bodies / f"{name[:16]}.txt").write_text(body)
    with (
        open(out / "lingua_sentences.jsonl", "w") as one,
        open(out / "lingua_paragraphs.jsonl", "w") as ten,
    ):
        for path in sorted((EVAL / "lingua/dev/sentences").glob("*.txt")):
            sents = [s for s in path.read_text().splitlines() if s.strip()]
            # (the files are sorted: a bot's templated sentences follow each other, which
            # the repetition rules take for what they are; shuffled, as in an article)
            random.Random(path.stem).shuffle(sents)
            for i, s in enumerate(sents):
                one.write(json.dumps({"url": f"https://lingua/{path.stem}/s{i}", "text": s}) + "\n")
            for i in range(0, len(sents) - 9, 10):
                # (five lines of two sentences: paragraphs, as an article's text has them)
                text = "\n".join(" ".join(sents[j : j + 2]) for j in range(i, i + 10, 2))
                ten.write(json.dumps({"url": f"https://lingua/{path.stem}/p{i}", "text": text}) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
