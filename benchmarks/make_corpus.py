#!/usr/bin/env python3
"""Generate a realistic scraped-text corpus for the pipeline benchmarks.

Each document looks like a news page copied as text: a site's header (site name, menu
items, a section line), a headline, a byline and a date line, 6-14 paragraphs of sentences
in one language, furniture mixed in ("Share", "Advertisement", image credits), then related
headlines, a tag line and a copyright line. Sentences come from the language dev data in
``../shared/eval/data/lingua/dev/sentences`` (about 60 % English, the rest spread over the
other languages), so language identification and cleaning do real work. About 5 % of the
documents are exact copies of an earlier one (same text under another URL), 10 % near copies
(the same article on another site's template, one sentence edited, lines re-wrapped).

The corpus is written as JSONL shards (``{"url", "text"}`` per line), which both
corearchive and datatrove read::

    python benchmarks/make_corpus.py --docs 10000 --out /tmp/corpus-10k [--shards 8]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/eval/data/lingua/dev/sentences"

MENU = [
    "Home",
    "News",
    "World",
    "Business",
    "Politics",
    "Tech",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Opinion",
    "Video",
    "Weather",
    "Travel",
    "Lifestyle",
    "Markets",
    "Economy",
    "Climate",
    "Education",
    "Podcasts",
    "Newsletters",
]
FURNITURE = [
    "Share",
    "Advertisement",
    "Share this article",
    "Read more",
    "Skip to content",
    "Sign up for our newsletter",
    "Photo: Reuters",
    "Image: Getty Images",
    "Continue reading below",
    "Listen to this article",
]
MONTHS = "January February March April May June July August September October November December"


def load_sentences(data: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted(data.glob("*.txt")):
        lines = [s.strip() for s in path.read_text(encoding="utf-8").splitlines()]
        good = [s for s in lines if 40 <= len(s) <= 400]
        if len(good) >= 50:
            out[path.stem] = good
    return out


class Generator:
    def __init__(self, sentences: dict[str, list[str]], seed: int) -> None:
        self.rng = random.Random(seed)
        self.sentences = sentences
        self.others = [k for k in sentences if k != "en"]
        self.sites = [self._site(i) for i in range(40)]

    def _site(self, i: int) -> dict[str, object]:
        rng = self.rng
        name = (
            rng.choice(["The", "Daily", "Global", "Morning", "Evening"])
            + " "
            + (rng.choice(["Herald", "Courier", "Post", "Times", "Observer", "Gazette", "Wire"]))
        )
        return {
            "name": f"{name} {i}",
            "menu": rng.sample(MENU, rng.randint(6, 14)),
            "domain": f"site{i}.example.com",
        }

    def _lang(self) -> str:
        if "en" in self.sentences and self.rng.random() < 0.6:
            return "en"
        return self.rng.choice(self.others)

    def article(self) -> tuple[str, list[str], list[str]]:
        """(language, headline words, paragraphs) of a new article."""
        rng = self.rng
        lang = self._lang()
        pool = self.sentences[lang]
        paras = [
            " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            for _ in range(rng.randint(6, 14))
        ]
        headline = rng.choice(pool).split()[:12]
        return lang, headline, paras

    def page(self, site: dict[str, object], headline: list[str], paras: list[str]) -> str:
        rng = self.rng
        menu = list(site["menu"])  # type: ignore[call-overload]
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS.split()), rng.randint(2015, 2025)
        lines = [str(site["name"]), *menu, rng.choice(MENU), " ".join(headline)]
        lines.append(
            f"By {rng.choice(['Anna', 'Paul', 'Maria', 'John'])} "
            f"{rng.choice(['Smith', 'Taylor', 'Pineau', 'Novak'])}"
        )
        lines.append(f"Published {month} {day}, {year}")
        lines.append("Share")
        for i, p in enumerate(paras):
            lines.append(p)
            if i in (2, 7) and rng.random() < 0.7:
                lines.append(rng.choice(FURNITURE))
        lines.append("Related")
        lines.extend(" ".join(rng.choice(self.sentences["en"]).split()[:9]) for _ in range(4))
        lines.append("Tags: " + ", ".join(rng.sample(MENU, 3)))
        lines.append(f"© {year} {site['name']}. All rights reserved.")
        return "\n".join(lines) + "\n"

    def near(self, paras: list[str]) -> list[str]:
        """Another edition of an article: one sentence changed, paragraphs re-wrapped."""
        rng = self.rng
        paras = list(paras)
        i = rng.randrange(len(paras))
        words = paras[i].split()
        if len(words) > 6:
            j = rng.randrange(len(words))
            words[j] = words[j].upper() + "s"
        paras[i] = " ".join(words)
        if len(paras) > 3 and rng.random() < 0.5:
            k = rng.randrange(len(paras) - 1)
            paras[k : k + 2] = [paras[k] + " " + paras[k + 1]]
        return paras


def generate(n: int, out: Path, shards: int, seed: int, data: Path) -> dict[str, int]:
    gen = Generator(load_sentences(data), seed)
    rng = gen.rng
    out.mkdir(parents=True, exist_ok=True)
    files = [(out / f"part-{i:03d}.jsonl").open("w", encoding="utf-8") for i in range(shards)]
    recent: list[tuple[str, list[str], list[str], str]] = []
    counts = {"documents": 0, "exact": 0, "near": 0, "bytes": 0}
    try:
        for i in range(n):
            r = rng.random()
            if recent and r < 0.05:
                lang, headline, paras, text = rng.choice(recent)
                counts["exact"] += 1
            elif recent and r < 0.15:
                lang, headline, old, _ = rng.choice(recent)
                paras = gen.near(old)
                text = gen.page(rng.choice(gen.sites), headline, paras)
                counts["near"] += 1
            else:
                lang, headline, paras = gen.article()
                text = gen.page(rng.choice(gen.sites), headline, paras)
                recent.append((lang, headline, paras, text))
                if len(recent) > 500:
                    recent.pop(rng.randrange(len(recent)))
            url = f"https://corpus.example.com/{i:08d}"
            line = json.dumps({"url": url, "text": text}, ensure_ascii=False)
            files[i * shards // n].write(line + "\n")
            counts["documents"] += 1
            counts["bytes"] += len(text.encode())
    finally:
        for f in files:
            f.close()
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    counts = generate(args.docs, args.out, args.shards, args.seed, args.data)
    avg = counts["bytes"] / max(counts["documents"], 1)
    print(
        f"{counts['documents']} documents ({counts['exact']} exact, {counts['near']} near copies),"
        f" {avg / 1000:.1f} KB on average, in {args.shards} shards under {args.out}"
    )


if __name__ == "__main__":
    main()
