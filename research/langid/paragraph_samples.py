"""Paragraph samples: does reading each paragraph's head find its language as reading it
whole does, and is a foreign paragraph in a page still found?

Builds pages from ../shared/eval/data/lingua/dev/sentences: 6-14 paragraphs of 2-5
sentences of one language (a paragraph of a news page is ~400 characters), and splices 1-3
paragraphs of another language into 800 of them. Reads every page with ``detect.analyse``
twice: whole (every byte, groups of 1,000 characters, as before the samples) and on
samples (the shipped HEAD_CHARS / SAMPLE_CHARS / GROUP_CHARS, or those given; joined by
GROUP_SEPARATOR and, for comparison, by line feeds alone), and prints
per setting: paragraph accuracy on the host and on the foreign paragraphs, pages whose
``mixed`` flag (a second language with >= 20 % of the characters) is right, documents
settled by CLD2, and characters read by CLD2 per page.

    python research/langid/paragraph_samples.py [DEV_SENTENCES_DIR] [HEAD/GROUP ...]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from corearchive_plugins.language import detect as D


def pages(folder: Path, rng: random.Random) -> list[tuple[list[str], list[str]]]:
    sents: dict[str, list[str]] = {}
    for f in sorted(folder.glob("*.txt")):
        sents[f.stem] = [s for s in f.read_text("utf-8").splitlines() if s.strip()]
    langs = sorted(sents)

    def paragraph(lang: str) -> str:
        return " ".join(rng.sample(sents[lang], rng.randint(2, 5)))

    out = []
    for i in range(1600):
        host = langs[i % len(langs)]
        paras = [paragraph(host) for _ in range(rng.randint(6, 14))]
        truth = [host] * len(paras)
        if i % 2:
            other = rng.choice([x for x in langs if x != host])
            for _ in range(rng.choice([1, 1, 2, 3])):
                at = rng.randrange(len(paras) + 1)
                paras.insert(at, paragraph(other))
                truth.insert(at, other)
        keep = [k for k, p in enumerate(paras) if len(p) >= 80]
        out.append(([paras[k] for k in keep], [truth[k] for k in keep]))
    return out


def mixed(paras: list[str], codes: list[str | None]) -> bool:
    chars: dict[str, int] = {}
    for p, c in zip(paras, codes, strict=True):
        if c:
            chars[c] = chars.get(c, 0) + len(p)
    shares = sorted(chars.values(), reverse=True)
    return len(shares) >= 2 and shares[1] / sum(len(p) for p in paras) >= 0.2


def run(
    cases: list[tuple[list[str], list[str]]], head: int, sample: int, group: int, sep: str
) -> str:
    D.HEAD_CHARS, D.SAMPLE_CHARS, D.GROUP_CHARS, D.GROUP_SEPARATOR = head, sample, group, sep
    read = [0]
    real = D._cld2_details

    def counting(text: str, plain: bool = True):  # type: ignore[no-untyped-def]
        read[0] += len(text)
        return real(text, plain)

    D._cld2_details = counting
    host_ok = host_n = foreign_ok = foreign_n = mixed_ok = settled = 0
    try:
        for paras, truth in cases:
            summary, per = D.analyse(paras)
            codes = [c for c, _ in per]
            main = max(set(truth), key=truth.count)
            for t, c in zip(truth, codes, strict=True):
                if t == main:
                    host_n += 1
                    host_ok += c == t
                else:
                    foreign_n += 1
                    foreign_ok += c == t
            mixed_ok += mixed(paras, codes) == mixed(paras, list(truth))
            settled += summary is not None
    finally:
        D._cld2_details = real
    n = len(cases)
    return (
        f"host paragraphs {host_ok / host_n:.4f}, foreign paragraphs {foreign_ok / foreign_n:.4f}"
        f" ({foreign_n}), mixed flag right {mixed_ok}/{n}, settled {settled / n:.3f},"
        f" CLD2 characters per page {read[0] / n:.0f}"
    )


def main() -> None:
    args = sys.argv[1:]
    folder = Path(
        args.pop(0)
        if args and "/" in args[0] and not args[0][0].isdigit()
        else "../shared/eval/data/lingua/dev/sentences"
    )
    shipped = (D.HEAD_CHARS, D.SAMPLE_CHARS, D.GROUP_CHARS, D.GROUP_SEPARATOR)
    cases = pages(folder, random.Random(5))
    print(f"{len(cases)} pages")
    whole = run(cases, 10**9, 0, 1000, "\n")
    print(f"whole (every byte, groups of 1000, joined by line feeds): {whole}")
    settings = [tuple(map(int, a.split("/"))) for a in args] or [(shipped[0], shipped[2])]
    for head, group in settings:
        for sep, name in ((shipped[3], "separator"), ("\n", "line feeds")):
            got = run(cases, head, shipped[1], group, sep)
            print(f"samples head {head} group {group}, joined by {name}: {got}")


if __name__ == "__main__":
    main()
