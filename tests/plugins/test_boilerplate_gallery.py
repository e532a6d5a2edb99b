"""A photo gallery's captions are its content (s32 news-types acceptance #4): trafilatura
drops caption elements as an article's image furniture, and a gallery lost all of them."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

CAPTIONS = [
    "Dancers from Ballet Folklórico Quetzalli lead the parade down Main Street on Saturday.",
    "A child in calavera face paint watches the floats from her father's shoulders downtown.",
    "Families built ofrendas with marigolds and photographs along the riverside promenade.",
    "Organisers said about 12,000 people lined the route, a record for the annual event.",
]
FORMS = {
    "p.caption": ("<p class='caption'>", "</p>"),
    "figcaption in a div": ("<figcaption>", "</figcaption>"),
    "p.wp-caption-text": ("<p class='wp-caption-text'>", "</p>"),
    "div.caption": ("<div class='caption'>", "</div>"),
    "span.gallery-caption": ("<span class='gallery-caption'>", "</span>"),
    "div.slide-description": ("<div class='slide-description'>", "</div>"),
}


def _gallery(open_tag: str, close_tag: str) -> str:
    slides = "".join(
        f"<div class='slide'><img src='/p{k}.jpg' alt=''><div class='counter'>Photo {k + 1}/4"
        f"</div>{open_tag}{c}{close_tag}</div>"
        for k, c in enumerate(CAPTIONS)
    )
    return (
        "<!DOCTYPE html><html><head><title>Day of the Dead parade in photos</title></head>"
        "<body><nav><a href='/'>Home</a> <a href='/photos'>Photos</a></nav><main>"
        "<h1>Day of the Dead parade in photos</h1><p class='date'>Published November 2, 2026"
        f"</p><div class='gallery'>{slides}</div></main><footer>© 2026 Example News</footer>"
        "</body></html>"
    )


@pytest.mark.parametrize("form", FORMS)
def test_a_gallerys_captions_are_kept(run_stage, form: str) -> None:
    html = _gallery(*FORMS[form])
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="g.html")).kept[0]
    assert all(c in doc.text for c in CAPTIONS), (form, doc.text)


def test_an_articles_image_captions_stay_as_they_were(run_stage, monkeypatch) -> None:
    """What the rule leaves: an article whose prose outweighs its captions is read as
    before."""
    paras = "".join(
        f"<p>Paragraph {k}: the city council voted on Tuesday to approve the new bridge budget,"
        " and residents said the decision had taken far too long to arrive after years of"
        " delay and debate in the chamber.</p>"
        for k in range(6)
    )
    figs = "".join(
        f"<figure><img src='/p{k}.jpg'><p class='caption'>{c}</p></figure>"
        for k, c in enumerate(CAPTIONS[:3])
    )
    html = (
        "<!DOCTYPE html><html><head><title>Council approves bridge budget</title></head><body>"
        f"<article><h1>Council approves bridge budget</h1>{figs}{paras}</article></body></html>"
    )
    from lxml import html as lxml_html

    import corearchive_plugins.boilerplate as bp

    assert bp._gallery_captions_as_text(lxml_html.fromstring(html)) == 0
    doc = run_stage(BoilerplateStage, make_document(html, html=True, path="a.html")).kept[0]
    monkeypatch.setattr(bp, "_gallery_captions_as_text", lambda tree: 0)
    was = run_stage(BoilerplateStage, make_document(html, html=True, path="b.html")).kept[0]
    assert "Paragraph 5" in doc.text and doc.text == was.text
