"""Regressions of session 48 fixed in session 49 (tester acc-regress's R-findings):
short lone lines kept as headings (R7). Excerpts of the tester's pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

_DATA = Path(__file__).parent / "data"


def _kept(run_stage: Any, text: str) -> list[str]:
    run = run_stage(BoilerplateStage, make_document(text))
    return run.kept[0].text.split("\n")


@pytest.mark.parametrize("head", ["Written by Rachael Link", "By Anna Berg"])
def test_a_lone_byline_over_a_short_paragraph_is_no_heading(run_stage, head):
    """R7: once a lone heading over a paragraph that does not go on was refused by a pop-up
    title's words only, a teaser's byline passed as a heading (aeb-lynx e593d7). A short
    section's heading still is one ("Attending this event")."""
    page = (_DATA / "regfix48_event_en.txt").read_text()
    kept = _kept(run_stage, page)
    assert "Attending this event" in kept
    kept = _kept(run_stage, page.replace("Attending this event", head))
    assert head not in kept


def test_a_teaser_printed_twice_with_its_summary_is_no_entrys_heading(run_stage):
    """R6: a teaser's headline printed twice, each time over the same summary (a timeline's
    axis "1945 1960 1980 2000 2020" over a magazine's teaser, furche.at), had its second
    copy spared as the one heading prose under a box of headlines; the summary under it is
    a copy too, no entry's paragraph of its own."""
    summary = (
        "Die Ökonomie der Aufmerksamkeit ist ein Motor der Industriegesellschaft. Aber in "
        "Krisensituationen erweist sich Aufmerksamkeit als zusätzlicher Stressfaktor."
    )
    story = (
        "Plötzlich ist alles anders. Die Gewissheiten des Lebens in einer wohlhabenden "
        "Gesellschaft, in der das allermeiste gut funktioniert, werden durch einen "
        "Unsichtbaren in Frage gestellt. Eine unsichtbare Gefahr, deren Ausmaße statistisch "
        "hochgerechnet werden, erzeugt Unsicherheit und eine Angst, die genährt wird."
    )
    axis = "1945 1960 1980 2000 2020"
    text = "\n\n".join(
        ["Gesellschaft", "Achtsam durch die Krise", axis, summary, axis, summary, "Ursula Baatz"]
        + [story] * 3
        + ["Gesellschaft", "Achtsam durch die Krise", "Impressum", "Datenschutz"]
    )
    assert axis not in _kept(run_stage, text)


def test_a_sections_heading_listed_in_a_box_over_a_repeated_caption_is_kept(run_stage):
    """R6's fix spares no copy over a summary printed twice; a section's heading listed in
    a box at the top and standing over a picture's caption repeated under each section is
    still the one copy over prose (dev cubadebate.cu)."""
    caption = "IV Pleno del Comité Central del Partido. Foto: Estudios Revolución."
    heads = [
        "Prepararse para dirigir a la medida de Cuba",
        "Código de las Familias: código de justicia social",
    ]
    para = (
        "Hay que haber transitado por un municipio o una provincia para saber cómo se hacen "
        "las cosas, añadió Morales Ojeda, y no pedir a los demás lo que no se sea capaz de hacer."
    )
    lines = ["Díaz-Canel insta a debatir en la base problemas de sociedad en Cuba", *heads]
    lines += ["Compartir en Facebook", para, para.replace("cosas", "tareas")]
    for i, h in enumerate(heads):
        lines += [h, caption, para.replace("municipio", f"municipio {i}")]
    kept = _kept(run_stage, "\n\n".join(lines))
    assert all(h in kept for h in heads), kept
