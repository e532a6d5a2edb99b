"""The ``dedup`` stage: exact and near duplicates against everything archived before.

* Exact: the cleaned text after normalising Unicode (NFKC), case, quotes, dashes and white
  space; and the raw bytes (an archived document with the same SHA-256).
* Near: MinHash signatures (word shingles, multiply-xor hashing vectorised with numpy) with
  LSH banding; candidates are verified by their estimated Jaccard similarity.

The index lives in the run's archive catalog (SQLite), so a later run reads and extends it.
Every duplicate points at the first archived member of its cluster. By default duplicates
are dropped (their rejects entry carries the ``duplicate`` object); ``policy = "keep"`` keeps
them, tagged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import xxhash

from corearchive import Document, Drop, Duplicate, Stage, hookimpl, option

#: Bytes that belong to words: ASCII letters, digits and ``_``, and every non-ASCII byte
#: (letters of other scripts; punctuation was made ASCII by NFKC and the quote mapping).
_WORD_BYTES = np.zeros(256, dtype=bool)
_WORD_BYTES[[ord(c) for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"]] = (
    True
)
_WORD_BYTES[128:] = True
#: Base of the byte hash of words (odd, so invertible modulo 2**64) and its inverse.
_BASE = np.uint64(0x9E3779B97F4A7C15)
_BASE_INV = np.uint64(pow(0x9E3779B97F4A7C15, -1, 2**64))
#: Multiplier of the rolling hash that combines word hashes into shingle hashes (FNV prime).
_ROLL = np.uint64(0x100000001B3)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS dedup_docs (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    root TEXT NOT NULL,
    size INTEGER NOT NULL,
    sig BLOB
);
CREATE TABLE IF NOT EXISTS dedup_exact (
    key BLOB NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, n)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dedup_lsh (
    key INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, n)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dedup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


_SINGLE = re.compile("[‘’‚‛′`´]")
_DOUBLE = re.compile("[“”„‟″«»]")
_DASH = re.compile("[‐‑‒–—―−]")


def normalize(text: str) -> str:
    """The text that exact duplicates share: NFKC, case-folded, quotes/dashes/space unified."""
    # Regexes, not str.translate with a dict: ten times faster on text with few such marks.
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    t = _DASH.sub("-", _DOUBLE.sub('"', _SINGLE.sub("'", text.casefold())))
    return " ".join(t.split())


class MinHasher:
    """MinHash signatures of word shingles by one-permutation hashing (OPH).

    Classic MinHash applies ``num_perm`` hash functions to every shingle (``num_perm × n``
    multiplications per document). OPH hashes each shingle once, splits the hash range into
    ``num_perm`` bins and keeps the minimum of each bin; bins left empty (short documents)
    borrow from the next filled bin, mixed with the distance ("densification", Shrivastava
    2017), so that the share of equal bins still estimates Jaccard similarity. Values are
    32-bit: two different shingle sets agree on a bin by chance once in four billion.
    """

    def __init__(self, num_perm: int = 128, shingle: int = 5, seed: int = 1) -> None:
        self.num_perm = num_perm
        self.shingle = shingle
        self.seed = np.uint64(seed * 0x9E3779B97F4A7C15 % 2**64)
        # Offsets that make a borrowed value differ per distance (densification).
        self._fill = _mix(np.arange(1, num_perm + 1, dtype=np.uint64) ^ self.seed) >> np.uint64(32)
        self._powers(1 << 14)

    def _powers(self, n: int) -> None:
        """Powers of the byte-hash base and of its inverse modulo 2**64, for ``n`` bytes."""
        with np.errstate(over="ignore"):
            pw = np.cumprod(np.full(n, _BASE, dtype=np.uint64))
            ipw = np.cumprod(np.full(n, _BASE_INV, dtype=np.uint64))
        one = np.ones(1, dtype=np.uint64)
        self._pw = np.concatenate([one, pw[:-1]])
        self._ipw = np.concatenate([one, ipw[:-1]])

    def word_hashes(self, normalized: str) -> np.ndarray:
        """A 64-bit hash of every word (run of ASCII letters, digits, ``_`` or non-ASCII bytes).

        Vectorised over the UTF-8 bytes: with prefix sums of ``byte·B^i`` the hash of the
        bytes ``s..e`` is ``(P[e] - P[s])·B^-s`` (the base is odd, so it has an inverse modulo
        2**64). About four times faster than a regex split plus one hash call per word.
        """
        b = np.frombuffer(normalized.encode("utf-8"), dtype=np.uint8)
        if len(b) >= len(self._pw):
            self._powers(1 << len(b).bit_length())
        mask = _WORD_BYTES[b]
        edges = np.diff(mask.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
        starts = np.flatnonzero(edges == 1)
        ends = np.flatnonzero(edges == -1)
        with np.errstate(over="ignore"):
            terms = (b.astype(np.uint64) + np.uint64(1)) * self._pw[: len(b)]
            prefix = np.concatenate([np.zeros(1, dtype=np.uint64), np.cumsum(terms)])
            words: np.ndarray = (prefix[ends] - prefix[starts]) * self._ipw[starts]
        return words

    def shingles(self, text: str, *, normalized: bool = False) -> np.ndarray:
        """Distinct 64-bit hashes of the word ``shingle``-grams of the normalised text,
        combined from the word hashes with a polynomial rolling hash in numpy."""
        wh = self.word_hashes(text if normalized else normalize(text))
        k = min(self.shingle, max(len(wh), 1))
        n = len(wh) - k + 1
        if n <= 0:
            return np.zeros(1, dtype=np.uint64)
        acc = wh[:n].copy()
        with np.errstate(over="ignore"):
            for j in range(1, k):
                acc = acc * _ROLL + wh[j : j + n]
        return np.unique(_mix(acc ^ self.seed))

    def signature(self, text: str, *, normalized: bool = False) -> tuple[np.ndarray, int]:
        """The signature (``num_perm`` uint32 values) and the number of distinct shingles."""
        h = self.shingles(text, normalized=normalized)
        p = self.num_perm
        bins = (h % np.uint64(p)).astype(np.intp)
        vals = (h >> np.uint64(32)).astype(np.uint32)
        sig = np.full(p, np.iinfo(np.uint32).max, dtype=np.uint32)
        np.minimum.at(sig, bins, vals)
        filled = np.bincount(bins, minlength=p) > 0
        if not filled.all():
            idx = np.flatnonzero(filled)
            empty = np.flatnonzero(~filled)
            # The next filled bin to the right, circularly.
            pos = np.searchsorted(idx, empty) % len(idx)
            src = idx[pos]
            dist = (src - empty) % p
            sig[empty] = sig[src] ^ self._fill[dist].astype(np.uint32)
        return sig, len(h)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, vectorised: spreads every input bit over the output."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        out: np.ndarray = x ^ (x >> np.uint64(31))
        return out


def similarity(
    sig_a: np.ndarray, size_a: int, sig_b: np.ndarray, size_b: int, measure: str
) -> float:
    """Estimated Jaccard similarity, or containment of the smaller shingle set in the larger.

    Containment is estimated from the Jaccard estimate J and the set sizes:
    ``|A∩B| = J·(|A|+|B|)/(1+J)``, divided by ``min(|A|,|B|)``. It forgives what one copy
    adds around the shared article (another site's leftover furniture, an added paragraph).
    """
    j = float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)
    if measure == "jaccard" or j == 0.0:
        return j
    inter = j * (size_a + size_b) / (1.0 + j)
    return min(inter / max(min(size_a, size_b), 1), 1.0)


@dataclass(frozen=True)
class DedupOptions:
    policy: Literal["drop", "keep"] = option(
        "drop", "drop: duplicates go to rejects; keep: they are kept, tagged."
    )
    exact_policy: Literal["drop", "keep", "same"] = option(
        "same", "Policy for exact duplicates ('same': as policy)."
    )
    threshold: float = option(
        0.7,
        "Estimated similarity (see measure) from which two documents are near duplicates.",
        minimum=0,
        maximum=1,
    )
    measure: Literal["jaccard", "containment"] = option(
        "containment",
        "jaccard: shared shingles over all; containment: over those of the smaller document.",
    )
    min_shingles: int = option(
        20,
        "With containment, a document with fewer shingles than this is compared by Jaccard"
        " (a few words are contained in many texts).",
        minimum=1,
    )
    num_perm: int = option(128, "MinHash permutations.", minimum=16, maximum=1024)
    bands: int = option(32, "LSH bands (num_perm must divide by it).", minimum=1)
    shingle: int = option(5, "Words per shingle.", minimum=1, maximum=20)


class DedupStage(Stage):
    """Find exact and near duplicates against the persistent index."""

    name = "dedup"
    Options = DedupOptions
    ordered = True
    annotations_schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "method": {"enum": ["text", "raw", "minhash"]},
            "candidates": {
                "type": "integer",
                "minimum": 0,
                "description": "LSH candidates checked.",
            },
        },
    }

    options: DedupOptions

    def open(self) -> None:
        opts = self.options
        if opts.num_perm % opts.bands:
            raise ValueError(
                f"dedup: num_perm {opts.num_perm} is not a multiple of bands {opts.bands}"
            )
        self.db = self.context.catalog
        for stmt in _SCHEMA.strip().split(";"):
            if stmt.strip():
                self.db.execute(stmt)
        # The hashing must stay the same for the life of an index: record it, check it.
        params = f"perm={opts.num_perm};bands={opts.bands};shingle={opts.shingle};v=7"
        row = self.db.execute("SELECT value FROM dedup_meta WHERE key = 'params'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO dedup_meta VALUES ('params', ?)", (params,))
        elif row[0] != params:
            raise ValueError(
                f"dedup: the index was built with {row[0]}; these options give {params}."
                " Use the same num_perm, bands and shingle, or another --index."
            )
        self.hasher = MinHasher(opts.num_perm, opts.shingle)
        self.rows = opts.num_perm // opts.bands

    def _band_keys(self, sig: np.ndarray) -> list[int]:
        keys = []
        for b in range(self.options.bands):
            chunk = sig[b * self.rows : (b + 1) * self.rows].tobytes()
            # 56 bits of hash, 7 of band: one signed 64-bit SQLite integer per key.
            keys.append((b << 56) | (xxhash.xxh64_intdigest(chunk) >> 8))
        return keys

    def _root(self, doc_id: str) -> str:
        row = self.db.execute("SELECT root FROM dedup_docs WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else doc_id

    def process(self, doc: Document) -> Document | Drop:
        norm = normalize(doc.text)
        exact_keys = self._exact_keys(doc, norm)
        ann: dict[str, Any] = {}
        dup: Duplicate | None = None
        marks = ",".join("?" * len(exact_keys))
        row = self.db.execute(
            f"SELECT d.root FROM dedup_exact e JOIN dedup_docs d ON d.n = e.n"
            f" WHERE e.key IN ({marks}) ORDER BY d.n LIMIT 1",
            exact_keys,
        ).fetchone()
        if row:
            dup, ann["method"] = Duplicate("exact", row[0], 1.0), "text"
        else:
            raw = self.db.execute(
                "SELECT id FROM documents WHERE sha256 = ? LIMIT 1", (doc.source.sha256,)
            ).fetchone()
            if raw:
                dup, ann["method"] = Duplicate("exact", self._root(raw[0]), 1.0), "raw"
        sig, size = self.hasher.signature(norm, normalized=True)
        keys = self._band_keys(sig)
        if dup is None:
            dup, n_cands = self._near(sig, size, keys)
            ann["candidates"] = n_cands
            if dup is not None:
                ann["method"] = "minhash"
        doc.duplicate = dup or Duplicate("unique")
        doc.annotations[self.name] = ann
        # Dropped or kept, a duplicate joins its cluster in the index: a later copy of it then
        # finds the same cluster, even where it resembles this member more than the first one.
        self._insert(doc, exact_keys, sig, size, keys)
        if dup is None:
            return doc
        policy = self.options.policy
        if dup.status == "exact" and self.options.exact_policy != "same":
            policy = self.options.exact_policy
        if policy == "drop":
            return Drop(f"{dup.status}_duplicate", {"duplicate": dup.to_json()})
        return doc

    def _near(self, sig: np.ndarray, size: int, keys: list[int]) -> tuple[Duplicate | None, int]:
        marks = ",".join("?" * len(keys))
        cands = self.db.execute(
            f"SELECT DISTINCT d.n, d.root, d.size, d.sig FROM dedup_lsh l"
            f" JOIN dedup_docs d ON d.n = l.n WHERE l.key IN ({marks}) ORDER BY d.n",
            keys,
        ).fetchall()
        best: tuple[float, int, str] | None = None
        opts = self.options
        for n, root, other_size, blob in cands:
            other = np.frombuffer(blob, dtype=np.uint32)
            small = min(size, other_size) < opts.min_shingles
            measure = "jaccard" if small else opts.measure
            sim = similarity(sig, size, other, other_size, measure)
            if sim >= self.options.threshold and (best is None or sim > best[0]):
                best = (sim, n, root)
        if best is None:
            return None, len(cands)
        return Duplicate("near", best[2], round(best[0], 4)), len(cands)

    def forget(self, doc: Document) -> None:
        row = self.db.execute("SELECT n, sig FROM dedup_docs WHERE id = ?", (doc.id,)).fetchone()
        if row:
            n, blob = row
            # The band keys are recomputed from the signature, so no index on n is needed.
            keys = self._band_keys(np.frombuffer(blob, dtype=np.uint32))
            self.db.db.executemany(
                "DELETE FROM dedup_lsh WHERE key = ? AND n = ?", [(k, n) for k in keys]
            )
            self.db.db.executemany(
                "DELETE FROM dedup_exact WHERE key = ? AND n = ?",
                [(k, n) for k in self._exact_keys(doc)],
            )
            self.db.execute("DELETE FROM dedup_docs WHERE n = ?", (n,))

    @staticmethod
    def _exact_keys(doc: Document, norm_text: str | None = None) -> list[bytes]:
        """Keys of the normalised cleaned text and of the normalised input: two documents
        sharing either are exact duplicates (the second catches re-wrapped copies, whose
        line-based cleaning may differ)."""
        if norm_text is None:
            norm_text = normalize(doc.text)
        keys = [hashlib.blake2b(norm_text.encode(), digest_size=16).digest()]
        if doc.content is not doc.text:
            content = hashlib.blake2b(normalize(doc.content).encode(), digest_size=16).digest()
            if content != keys[0]:
                keys.append(content)
        return keys

    def _insert(
        self,
        doc: Document,
        exact_keys: list[bytes],
        sig: np.ndarray,
        size: int,
        keys: list[int],
    ) -> None:
        root = doc.duplicate.of if doc.duplicate.of else doc.id
        cur = self.db.execute(
            "INSERT OR IGNORE INTO dedup_docs (id, root, size, sig) VALUES (?, ?, ?, ?)",
            (doc.id, root, size, sig.tobytes()),
        )
        if cur.rowcount:
            n = cur.lastrowid
            self.db.db.executemany(
                "INSERT INTO dedup_exact (key, n) VALUES (?, ?)", [(k, n) for k in exact_keys]
            )
            self.db.db.executemany(
                "INSERT INTO dedup_lsh (key, n) VALUES (?, ?)", [(k, n) for k in keys]
            )


@hookimpl
def corearchive_register_stages(register: Any) -> None:
    register(DedupStage)
