"""Regressions of session 46 fixed in session 47 (tester regress47's R-findings): a labelled
source or credit line kept in HTML with no table or chart by it (R3), button and pop-up lines
kept as headings (R2), a wrapped CJK w3m page read as not wrapped (R6). Excerpts of the
tester's pages."""

from __future__ import annotations

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
