"""The code-point tables of lines.py, built with numpy's vectorised str methods, against
what the regexes and str methods they stand for say for every BMP code point."""

import re

import numpy as np

from corearchive_plugins.boilerplate import lines as L

bmp = "".join(map(chr, range(65536)))
ref = np.zeros(65536, np.uint8)
parts = (r"[.!?…。！？]", "[\"'”’»)]", r"\s", "[\"'“‘«(]", r"[^\W\d_]")
for bit, rx in zip((1, 2, 4, 8, 16), parts, strict=True):
    ref[[m.start() for m in re.finditer(rx, bmp)]] |= bit
print("sentence table", np.array_equal(ref, L._SENT_T))
ct = np.zeros(65536, np.uint8)
for cp, ch in enumerate(bmp):
    v = 0
    if ch.isalpha():
        v |= 1
        v |= 2 if ch.isupper() else 0
        cjk = 0x3040 <= cp <= 0x30FF or 0x3400 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
        v |= 8 if cjk else 0
    elif ch.isdigit():
        v |= 4
    v |= 128 if re.match(r"\w", ch) else 0
    ct[cp] = v
print("char table", np.array_equal(ct, L._CHAR_TABLE & ~np.uint8(16 | 32 | 64)))
print("decimal", np.array_equal(np.array([c.isdecimal() for c in bmp]), (L._FIRST_T & 8) > 0))
print("lower", np.array_equal(np.array([ord(c.lower()[0]) for c in bmp], np.uint32), L._LOWER_T))
