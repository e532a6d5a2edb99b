"""The dev pages as other widely used HTML-to-text tools render them, as data folders the
shared scorers read (``--data``), to measure how the cleaner holds up on text made by
other tools than the shared set's browser-like rendering (REPORT v13-render).

    pip install inscriptis resiliparse beautifulsoup4 lxml html-text   # research only
    python renderings.py OUT [NAME ...]   # OUT/NAME/{aeb,trafeval}/dev/{text,truth.json}
    cd ../../../shared/eval
    python boilerplate_eval.py --data OUT/NAME --set aeb --input text \\
        -x ../../main/benchmarks/boilerplate_bench.py:extract_text

Renderings (NAME):

- ``inscriptis``: inscriptis.get_text, its defaults (layout kept: tables as columns,
  list bullets, indents).
- ``resiliparse``: resiliparse extract_plain_text(main_content=False), its defaults.
- ``bs4``: BeautifulSoup(html, "lxml").get_text("\\n", strip=True): a line per text node,
  so a paragraph with a link or an emphasis is cut in pieces (a very common scraper's
  output).
- ``bs4raw``: the same without strip (get_text("\\n")): the pieces keep their spaces, and
  the source's newlines and blank lines are kept.
- ``lxmlsrc``: lxml text_content() (scripts and styles removed): lines where the HTML
  source has newlines, each line stripped, runs of blank lines as one.
- ``htmltext``: html_text.extract_text (scrapinghub's html-text; guess_layout: newlines
  around blocks).
- ``lynx``: ``lynx -dump -nolist -width 80`` (Debian's lynx): hard-wrapped at 80 columns,
  lists with ``*`` ``+`` ``o`` bullets and a hanging indent.
- ``w3m``: ``w3m -dump -cols 4000`` (Debian's w3m): a paragraph on one line, lists with
  ``•`` ``○`` ``■`` bullets, form fields as ``[    ]``.
"""

import glob
import os
import re
import shutil
import sys

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "eval", "data")


def _inscriptis(raw):
    import inscriptis

    return inscriptis.get_text(raw)


def _resiliparse(raw):
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(raw, main_content=False)


def _soup(raw):
    from bs4 import BeautifulSoup

    return BeautifulSoup(raw, "lxml")


def _bs4(raw):
    return _soup(raw).get_text("\n", strip=True)


def _bs4raw(raw):
    return _soup(raw).get_text("\n")


def _lxmlsrc(raw):
    import lxml.html

    tree = lxml.html.fromstring(raw.encode("utf-8"))
    for el in tree.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    text = tree.text_content()
    lines = [ln.strip() for ln in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _htmltext(raw):
    import html_text

    return html_text.extract_text(raw)


def _tool(cmd):
    import subprocess

    def render(raw):
        done = subprocess.run(cmd, input=raw.encode("utf-8"), capture_output=True, timeout=60)
        return done.stdout.decode("utf-8", "replace")

    return render


_lynx = _tool(
    ["lynx", "-dump", "-nolist", "-width", "80", "-assume_charset=utf-8",
     "-display_charset=utf-8", "-force_html", "-stdin"]
)
_w3m = _tool(["w3m", "-dump", "-cols", "4000", "-T", "text/html", "-O", "UTF-8", "-I", "UTF-8"])


RENDER = {
    "inscriptis": _inscriptis,
    "resiliparse": _resiliparse,
    "bs4": _bs4,
    "bs4raw": _bs4raw,
    "lxmlsrc": _lxmlsrc,
    "htmltext": _htmltext,
    "lynx": _lynx,
    "w3m": _w3m,
}


def main(out, names):
    for name in names or RENDER:
        fn = RENDER[name]
        for s in ("aeb", "trafeval"):
            dst = os.path.join(out, name, s, "dev", "text")
            os.makedirs(dst, exist_ok=True)
            for extra in ("titles.json", "truth.json"):
                src = os.path.join(EVAL, s, "dev", extra)
                if os.path.exists(src):
                    shutil.copy(src, os.path.join(out, name, s, "dev", extra))
            for f in sorted(glob.glob(os.path.join(EVAL, s, "dev", "html", "*"))):
                with open(f, "rb") as fh:
                    raw = fh.read().decode("utf-8", "replace")
                try:
                    txt = fn(raw)
                except Exception as e:  # a renderer failing on a malformed page: empty text
                    print(name, os.path.basename(f), type(e).__name__, file=sys.stderr)
                    txt = ""
                with open(os.path.join(dst, os.path.basename(f) + ".txt"), "w", encoding="utf-8") as fh:
                    fh.write(txt)
        print(name, "done", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
