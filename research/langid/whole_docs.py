"""Does CLD2 over a document's paragraphs settle it as well as the cascade does?

Builds 900 multi-sentence documents (12 per language, 3 to 25 dev sentences each, one per
line) from ../shared/eval/data/lingua/dev/sentences, and compares the cascade on the stage's
400-character sample with the stage's path (``detect.analyse`` over the paragraphs, the
cascade where it does not settle). Prints both accuracies and the share settled by CLD2.

    python research/langid/whole_docs.py [DEV_SENTENCES_DIR]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from corearchive_plugins.language import detect as D


def sample(lines: list[str], limit: int = 400, min_chars: int = 80) -> str:
    """The stage's sample: the first paragraphs, up to ``limit`` characters."""
    text = "\n".join(lines)
    if len(text) <= limit:
        return text
    parts: list[str] = []
    size = 0
    for line in lines:
        if len(line) >= min_chars:
            parts.append(line)
            size += len(line) + 1
            if size >= limit:
                break
    return "\n".join(parts)[:limit] if parts else text[:limit]


def main() -> None:
    folder = Path(
        sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/data/lingua/dev/sentences"
    )
    D.load()
    rng = random.Random(7)
    docs = []
    for f in sorted(folder.glob("*.txt")):
        sents = [s for s in f.read_text("utf-8").splitlines() if s.strip()]
        for _ in range(12):
            n = rng.choice([3, 6, 12, 25])
            docs.append((f.stem, rng.sample(sents, min(n, len(sents)))))
    cascade = staged = settled = 0
    for lang, lines in docs:
        c = D.detect(sample(lines))[0]
        got, _ = D.analyse([line for line in lines if len(line) >= 80][:50])
        settled += got is not None
        cascade += c == lang
        staged += (got[0] if got else c) == lang
    n = len(docs)
    print(
        f"{n} documents: cascade {cascade / n:.4f}, CLD2 path + cascade {staged / n:.4f},"
        f" settled by CLD2 {settled / n:.3f}"
    )


if __name__ == "__main__":
    main()
