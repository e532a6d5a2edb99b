"""Regressions of session 46 fixed in session 47 (tester regress47's R-findings): a labelled
source or credit line kept in HTML with no table or chart by it (R3), button and pop-up lines
kept as headings (R2), a wrapped CJK w3m page read as not wrapped (R6). Excerpts of the
tester's pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

_TABLE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Unemployment falls in every region | Riverside Courier</title></head><body>
<header><div class="logo">Riverside Courier</div><nav><ul><li><a href="/0">Home</a></li>
<li><a href="/1">News</a></li><li><a href="/2">Business</a></li></ul></nav></header>
<main><article><h1>Unemployment falls in every region</h1>
<p>Unemployment fell in every region in the last quarter, official figures published on
Friday show.</p>
<table><tr><th>Region</th><th>Rate</th></tr><tr><td>North</td><td>4.1%</td></tr>
<tr><td>South</td><td>3.6%</td></tr></table>
<p>Source: Office for National Statistics</p>
<p>Note: Figures are seasonally adjusted.</p>
<p>Economists said the fall was smaller than expected and warned that hiring had slowed in
the last month.</p>
<p>The central bank meets next week to decide on interest rates.</p>
<p>{last}</p>
</article></main><footer><a href="/impressum">Impressum</a> <a href="/privacy">Privacy</a></footer>
</body></html>"""


def _html_text(run_stage: Any, html: str) -> list[str]:
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="p.html")).kept[0]
    return doc.text.split("\n")


def test_a_source_line_is_kept_by_its_table_not_after_the_last_paragraph(run_stage):
    """R3: the refinement keeps a table's "Source: …" and "Note: …" (s46 acc-data D2), but
    also kept a photo's credit or an agency's name after the article's last paragraph, with
    no table or chart by it ("Source: Getty Images", "Quelle: dpa")."""
    for last in ("Source: Getty Images", "Source: dpa"):
        text = _html_text(run_stage, _TABLE_PAGE.replace("{last}", last))
        assert "Source: Office for National Statistics" in text
        assert "Note: Figures are seasonally adjusted." in text
        assert last not in text


def _text_page(run_stage: Any, lines: list[str]) -> tuple[list[str], dict[str, str]]:
    run = run_stage(BoilerplateStage, make_document("\n\n".join(lines)), keep_removed=True)
    doc = run.kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    return doc.text.split("\n"), dict(zip(gone["text"], gone["reason"], strict=True))


_MENU = ["Skip to content", "Rheinische Rundschau", "Startseite", "Politik", "Wirtschaft",
         "Region", "Kultur", "Anmelden"]  # fmt: skip
_FOOT = ["Themen", "Mode", "Handel", "Artikel teilen", "Impressum", "Datenschutz", "Kontakt",
         "© 2025 Rheinische Rundschau"]  # fmt: skip


def test_a_pop_ups_title_over_its_one_line_is_no_heading(run_stage):
    """R2: a heading over a kept paragraph (s46 acc-data D6) took a pop-up's title with the
    text the model kept under it ("Story Saved" over "You can find this story in My
    Bookmarks."; an excerpt of a dev page): a lone heading's paragraph must go on, with
    kept text or sentences."""
    page = (Path(__file__).parent / "data" / "regfix47_walesonline.txt").read_text()
    kept, _ = _text_page(run_stage, [page])
    assert any(x.startswith("The woman's identity is not known") for x in kept)
    assert "Story Saved" not in kept


def test_a_consent_notice_has_no_heading(run_stage):
    """R2: an embed's label over its consent text ("Empfohlener redaktioneller Inhalt" over
    "… Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.") is no
    heading of the article, on a page of several headings too."""
    label = "Empfohlener redaktioneller Inhalt"
    embed = [label, "An dieser Stelle findet Ihr einen externen Inhalt von Instagram, der den "
             "Artikel ergänzt.", "Ich bin damit einverstanden, dass mir externe Inhalte "
             "angezeigt werden. Damit können personenbezogene Daten an Drittplattformen "
             "übermittelt werden."]  # fmt: skip
    story = [
        "Crocs sind ein Paradebeispiel für den Ugly Shoe Trend, der seit Jahren anhält.",
        "Die Marke setzt auf Kooperationen mit Designern und Stars, und das zahlt sich aus.",
        "Das sorgt für Aufmerksamkeit auf beiden Seiten, sagen Fachleute aus dem Handel.",
        "2021 und 2022 hat die Marke ein beachtliches Wachstum verzeichnet, vor allem online.",
    ]
    kept, _ = _text_page(run_stage, [*_MENU, "Der Schuh, den alle hassen", story[0], *embed,
                                     *story[1:2], *embed, *story[2:3], *embed, *story[3:],
                                     *_FOOT])  # fmt: skip
    assert story[-1] in kept and label not in kept


# a Chinese story as a text browser writes a page whose source broke its paragraphs' lines at
# 20 characters (40 columns), five paragraphs run on one line past that, under a bulleted menu
_ZH_MENU = ["  • 首页", "  • 时政", "  • 资讯", "  • 财经", "  • 生活", "  • 视频"]
_ZH_WORDS = "中美两国在气候变化公共卫生和经济复苏等领域拥有广泛的共同利益双方加强对话与合作十分重要"


def _zh_page() -> tuple[list[str], list[tuple[int, int]]]:
    """The dump's lines and its wrapped paragraphs (each its first line and its lines)."""
    lines, wrapped = [*_ZH_MENU, ""], []
    for k in range(18):
        text = (_ZH_WORDS[k:] + _ZH_WORDS)[:95] + "。"
        para = [text[i : i + 20] for i in range(0, len(text), 20)]
        wrapped.append((len(lines), len(para)))
        lines += [*para, ""]
        if k % 4 == 0:  # (a paragraph the source did not break: 50 to 90 characters)
            lines += [(_ZH_WORDS * 3)[k : k + 50 + 10 * k // 4] + "。", ""]
    return lines, wrapped


def test_a_wrapped_chinese_dump_is_read_as_wrapped():
    """R6: a bulleted dump with lines past its width is taken as wrapped only when half of
    its breaks go on; the test looked for a small letter next, and Chinese has no case: a
    wrapped Chinese dump's breaks went on by none, and its paragraphs were left in pieces."""
    from corearchive_plugins.boilerplate.reflow import few_breaks

    lines, wrapped = _zh_page()
    found = few_breaks(lines)
    assert found is not None
    width, forced = found
    assert width == 40
    for first, n in wrapped:
        assert forced[first : first + n] == [True] * (n - 1) + [False]
