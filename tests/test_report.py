"""The report's helpers on a document's path: JSON lines and the kept words' count."""

from __future__ import annotations

import json
import random
import sys

import orjson
import pytest

from corearchive.report import _UNSPACED, count_words, dumps

#: Every white space character str.split knows (none is beyond the BMP)
_SPACES = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()]


def _text(rng: random.Random, n: int) -> str:
    """``n`` characters: words of letters, accents, CJK, astral and NUL characters between
    runs of any white space, at the ends too."""
    word = "abcé漢字😀\x00Ω\U000e0067\U000f0001"
    out: list[str] = []
    while len(out) < n:
        out += rng.choices(_SPACES, k=rng.randint(0, 3))
        out += rng.choices(word, k=rng.randint(1, 8))
    return "".join(out[:n])


def _unspaced(c: str) -> bool:
    """A character of a script written without spaces (each a word: CJK, kana, Thai ...)."""
    o = ord(c)
    return any(a <= o <= b for a, b in _UNSPACED) or 0x20000 <= o <= 0x3FFFF


def _reference_words(text: str) -> int:
    """``len(str.split())`` with each unspaced-script character a word and CJK punctuation
    a separator (s45 acc-wire W12): the words of str.split, each cut at those characters."""
    n = 0
    for w in text.split():
        run = False
        for c in w:
            if _unspaced(c):
                n, run = n + 1, False
            elif 0x3000 <= ord(c) <= 0x303F:
                run = False
            else:
                n, run = n + (not run), True
    return n


@pytest.mark.parametrize("n", [0, 1, 2, 5, 511, 512, 513, 900, 5000])
def test_count_words_is_the_length_of_str_split(n: int) -> None:
    rng = random.Random(n)
    for _ in range(40):
        text = _text(rng, n)
        assert count_words(text) == _reference_words(text), repr(text)
        plain = text.replace("漢", "a").replace("字", "b")
        assert count_words(plain) == len(plain.split()), repr(plain)


def test_count_words_on_long_texts_of_one_kind() -> None:
    for text in (" " * 600, "x" * 600, "\u3000" * 300 + "y" * 300, "\x00" * 700, "😀 " * 400):
        assert count_words(text) == len(text.split())


def test_count_words_of_unspaced_scripts_counts_their_characters() -> None:
    # a Japanese paragraph was 1 "word" (s45 acc-wire W12)
    ja = "米国のトランプ大統領は3日、カナダとメキシコに関税を発動した。"
    assert count_words(ja) == 29  # (its 31 characters but "、" and "。")
    assert count_words(ja * 30) == 29 * 30
    assert count_words("한국어 문장입니다") == 2  # (Korean writes spaces)


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_dumps_escapes_each_line_break_among_characters_sharing_its_last_byte(sep: str) -> None:
    # é (C3 A9), ¨ (C2 A8), … (E2 80 A6) and Å (C3 85) end in the bytes the separators end in
    text = "é¨…Å " * 300 + sep + " tail é"
    line = dumps({"text": text})
    assert line.count(b"\n") == 1 and line.endswith(b"\n")
    assert sep.encode("utf-8") not in line
    assert f"\\u{ord(sep):04x}".encode("ascii") in line
    assert json.loads(line)["text"] == text


def test_dumps_leaves_other_characters_as_orjson_writes_them() -> None:
    record = {"text": "é¨…Å — naïve “quotes” " * 200, "n": 1}
    assert dumps(record) == orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
