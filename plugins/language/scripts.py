"""The script a text is written in, as an ISO 15924 code ("Latn", "Cyrl", "Hant", "Jpan").

A language code alone does not tell a search index which analyser a text needs: Serbian is
written in Cyrillic and in Latin letters, Chinese in simplified and traditional characters
(s35 acc-hygiene F15). The script is read off the letters themselves: each code point's
Unicode block is looked up in one vectorised pass (numpy, ~10 µs for the first 2,000 characters;
a Windows-1252 text is Latin without a look), and the most frequent
script wins. Han characters with kana are Japanese ("Jpan"), with hangul Korean ("Kore"),
alone Chinese, told simplified or traditional ("Hans", "Hant") by CLD2, which the stage
already runs and which has a model for each.
"""

from __future__ import annotations

import numpy as np
import pycld2

#: The first code point of each block range and the script of its letters (None: no
#: letters, or letters of several scripts: digits, punctuation, symbols, combining marks)
_BLOCKS: tuple[tuple[int, str | None], ...] = (
    (0x0000, None), (0x0041, "Latn"), (0x005B, None), (0x0061, "Latn"), (0x007B, None),
    (0x00C0, "Latn"), (0x02B0, None), (0x0370, "Grek"), (0x0400, "Cyrl"), (0x0530, "Armn"),
    (0x0590, "Hebr"), (0x0600, "Arab"), (0x0700, "Syrc"), (0x0750, "Arab"), (0x0780, "Thaa"),
    (0x07C0, None), (0x0900, "Deva"), (0x0980, "Beng"), (0x0A00, "Guru"), (0x0A80, "Gujr"),
    (0x0B00, "Orya"), (0x0B80, "Taml"), (0x0C00, "Telu"), (0x0C80, "Knda"), (0x0D00, "Mlym"),
    (0x0D80, "Sinh"), (0x0E00, "Thai"), (0x0E80, "Laoo"), (0x0F00, "Tibt"), (0x1000, "Mymr"),
    (0x10A0, "Geor"), (0x1100, "Hang"), (0x1200, "Ethi"), (0x13A0, "Cher"), (0x1400, None),
    (0x1780, "Khmr"), (0x1800, "Mong"), (0x18B0, None), (0x1C80, "Cyrl"), (0x1C90, "Geor"),
    (0x1CC0, None), (0x1E00, "Latn"), (0x1F00, "Grek"), (0x2000, None), (0x2C00, None),
    (0x2C60, "Latn"), (0x2C80, None), (0x2D00, "Geor"), (0x2D30, None), (0x2DE0, "Cyrl"),
    (0x2E00, None), (0x2E80, "Hani"), (0x2FE0, None), (0x3040, "Hira"), (0x30A0, "Kana"),
    (0x3100, "Bopo"), (0x3130, "Hang"), (0x3190, None), (0x31A0, "Bopo"), (0x31C0, None),
    (0x31F0, "Kana"), (0x3200, None), (0x3400, "Hani"), (0x4DC0, None), (0x4E00, "Hani"),
    (0xA000, "Yiii"), (0xA4D0, None), (0xA640, "Cyrl"), (0xA6A0, None), (0xA720, "Latn"),
    (0xA800, None), (0xAC00, "Hang"), (0xD7B0, "Hang"), (0xD800, None), (0xF900, "Hani"),
    (0xFB00, None), (0xFB1D, "Hebr"), (0xFB50, "Arab"), (0xFE00, None), (0xFE70, "Arab"),
    (0xFF00, None), (0xFF21, "Latn"), (0xFF3B, None), (0xFF41, "Latn"), (0xFF5B, None),
    (0xFF66, "Kana"), (0xFFA0, "Hang"), (0xFFE0, None), (0x20000, "Hani"), (0x40000, None),
)  # fmt: skip
_NAMES: tuple[str | None, ...] = tuple(name for _, name in _BLOCKS)
#: Each code point's index in :data:`_BLOCKS`, up to the last block's start (every code point
#: above it is in the last block): one gather per text instead of a binary search per code
#: point (3 µs against 40 for 2,000 characters)
_LAST = _BLOCKS[-1][0]
_INDEX = np.repeat(
    np.arange(len(_BLOCKS), dtype=np.uint8),
    np.diff([start for start, _ in _BLOCKS] + [_LAST + 1]),
)
#: How much of a text is read (its first characters): the script of a paragraph or two
_MAX_CHARS = 2000
#: Below this share of a Han text's letters, kana or hangul do not make it Japanese or Korean
#: (a Chinese page quoting a Japanese title)
_MIXED_SHARE = 0.05
#: The letters an East Asian character (Han, kana, hangul) is weighed as: a syllable, as
#: pinyin, romaji and romanised Korean write it in about three letters
_SYLLABLE = 3
#: The languages written in East Asian characters: their script is the text's when it holds
#: a third of its (weighed) letters (Chinese lyrics with pinyin under each line, 99 Han
#: characters and 352 Latin letters, were "Latn"; s37 acc-regress O5)
_EAST_LANGUAGES = frozenset(("zh", "ja", "ko"))


def script_of(text: str, language: str | None = None) -> str | None:
    """The ISO 15924 code of the script most of ``text``'s letters are written in, or None
    for a text without letters; an East Asian character counts as a syllable's letters
    (:data:`_SYLLABLE`), and in a ``language`` written in them a third of the letters is
    enough. A text of Chinese characters in ``language`` Japanese is Japanese's ("Jpan":
    "草" alone), in Korean Korean's ("Kore")."""
    text = text[:_MAX_CHARS]
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        pass
    else:  # (most texts: Windows-1252, curly quotes and dashes too, holds Latin letters only)
        return "Latn" if any(map(str.isalpha, text)) else None
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    counts = np.bincount(_INDEX[np.minimum(points, _LAST)], minlength=len(_BLOCKS))
    per: dict[str, int] = {}
    for k in np.flatnonzero(counts).tolist():
        if (name := _NAMES[k]) is not None:
            per[name] = per.get(name, 0) + int(counts[k])
    if not per:
        return None
    han, kana = per.get("Hani", 0), per.get("Hira", 0) + per.get("Kana", 0)
    east = han + kana + per.get("Hang", 0) + per.get("Bopo", 0)
    weighed = _SYLLABLE * east
    total = sum(per.values()) - east + weighed
    if weighed * 2 >= total or (language in _EAST_LANGUAGES and weighed * 3 >= total):
        if (kana and kana >= _MIXED_SHARE * east) or language == "ja":
            return "Jpan"
        if per.get("Hang", 0) >= _MIXED_SHARE * east or language == "ko":
            return "Kore"
        if han:
            return _han_script(text)
    return max(per.items(), key=lambda kv: kv[1])[0]


def _han_script(text: str) -> str:
    """Simplified ("Hans") or traditional ("Hant") Chinese, as CLD2 reads ``text`` ("Hani"
    when it reads neither)."""
    try:
        found = pycld2.detect(text)[2][0][1]
    except pycld2.error:  # (bytes CLD2 cannot take)
        return "Hani"
    return {"zh-Hant": "Hant", "zh": "Hans"}.get(found, "Hani")
