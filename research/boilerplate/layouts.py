"""The dev pages in other plain-text layouts, as data folders the shared scorers read
(``--data``): markdown as html2text writes it (body width 78, its defaults otherwise), for
the markdown path of the reflow step (REPORT v11-lead).

    pip install html2text            # research only
    python layouts.py OUT            # OUT/{aeb,trafeval,htmldate}/dev/{text,truth.json,titles.json}
    cd ../../../shared/eval
    python boilerplate_eval.py --data OUT --set aeb --input text -x ../../main/benchmarks/boilerplate_bench.py:extract_text
    python title_eval.py --data OUT --input text -m ../../main/benchmarks/metadata_bench.py:title_text
    python date_eval.py --data OUT/htmldate --input text -m ../../main/benchmarks/metadata_bench.py:date_text

(The hard-wrapped layout needs no folder: ``boilerplate_bench.py`` wraps the pages itself.)
"""

import glob
import os
import shutil
import sys

import html2text

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "eval", "data")


def main(out):
    for s in ("aeb", "trafeval", "htmldate"):
        dst = os.path.join(out, s, "dev", "text")
        os.makedirs(dst, exist_ok=True)
        for extra in ("titles.json", "truth.json"):
            src = os.path.join(EVAL, s, "dev", extra)
            if os.path.exists(src):
                shutil.copy(src, os.path.join(out, s, "dev", extra))
        for f in sorted(glob.glob(os.path.join(EVAL, s, "dev", "html", "*"))):
            h = html2text.HTML2Text()
            h.body_width = 78
            with open(f, "rb") as fh:
                raw = fh.read().decode("utf-8", "replace")
            try:
                md = h.handle(raw)
            except Exception:  # (html2text fails on a few malformed pages: an empty text)
                md = ""
            with open(os.path.join(dst, os.path.basename(f) + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(md)


if __name__ == "__main__":
    main(sys.argv[1])
