from __future__ import annotations

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

PARA = (
    "The city council voted on Tuesday to approve a new budget that increases funding for "
    "public schools by twelve percent over the next two years, officials said."
)
PARA2 = (
    "Supporters argued that the money would let districts hire more teachers, reduce class "
    "sizes and repair ageing buildings across the city before the next school year begins."
)


def test_menus_share_and_tag_lists_are_removed(run_stage):
    text = "\n".join(
        [
            "Home",
            "News",
            "Sport",
            "Share",
            PARA,
            "Advertisement",
            PARA2,
            "budget, schools, council, city, education",
            "© 2024 Example News",
        ]
    )
    doc = run_stage(BoilerplateStage, make_document(text), keep_removed=True).kept[0]
    assert doc.text == PARA + "\n" + PARA2
    ann = doc.annotations["boilerplate"]
    assert ann["method"] == "lines" and ann["lines_kept"] == 2
    removed = {r["text"]: r["reason"] for r in ann["removed"]}
    assert removed["Share"] == removed["Advertisement"] == "boilerplate vocabulary"
    assert "budget, schools, council, city, education" in removed
    assert 0 < ann["kept_share"] < 1


def test_no_content_is_dropped(run_stage):
    run = run_stage(BoilerplateStage, make_document("Home\nShare\nLog in\nMenu"))
    assert run.kept == [] and run.dropped[0][1].reason == "no_content"


def test_html_goes_through_trafilatura(run_stage):
    html = (
        f"<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Budget</h1><p>{PARA}</p><p>{PARA2}</p></article>"
        f"<footer>© 2024 Example</footer></body></html>"
    )
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    assert PARA in doc.text and PARA2 in doc.text and "Home" not in doc.text
    assert doc.annotations["boilerplate"]["method"].startswith("trafilatura")
    assert not doc.is_html


def test_threshold_trades_precision_for_recall(run_stage):
    text = "\n".join([PARA, "A short line without an end", PARA2])
    loose = run_stage(BoilerplateStage, make_document(text, path="a.txt"), threshold=0.0)
    strict = run_stage(BoilerplateStage, make_document(text, path="b.txt"), threshold=0.9)
    assert len(loose.kept[0].text.splitlines()) == 3
    assert len(strict.kept[0].text.splitlines()) == 2
