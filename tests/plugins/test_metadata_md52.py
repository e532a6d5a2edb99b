"""Crawler markdown's titles (s52 acc-md M14): Jina Reader's ``Title:`` with its site's
segment, over a content without a headline or under a masthead. Written for these tests."""

from __future__ import annotations

SENTENCES = (
    "Firefighters battled a wildfire in the hills west of the city on Monday that forced the"
    " evacuation of about 2,000 residents from three villages, regional authorities said.\n\n"
    "Strong winds and temperatures above 40C pushed the fire across a main road in the"
    " afternoon, and six water-bombing aircraft joined the firefighters on the ground.\n\n"
    "No injuries had been reported by the evening, the regional emergency service said.\n"
)


def _record(ingest, tmp_path, title: str, url: str, content: str) -> dict:
    (tmp_path / "jina.txt").write_text(
        f"Title: {title}\n\nURL Source: {url}\n\nPublished Time: 2025-08-11T19:40:00Z\n\n"
        f"Markdown Content:\n{content}{SENTENCES}"
    )
    (rec,) = ingest(str(tmp_path / "jina.txt"), "--disable", "dedup").records
    return rec


def test_a_masthead_heading_is_the_site_and_the_header_gives_the_headline(ingest, tmp_path):
    """M14: the content's only heading is the masthead, the header title's last segment:
    the record's title was "Coastline Daily" (its site's name too)."""
    rec = _record(
        ingest, tmp_path,
        "Wildfire near Valencia forces evacuation of 2,000 residents | Coastline Daily",
        "https://www.coastlinedaily.example/world/valencia-wildfire",
        "Coastline Daily\n===============\n\n* [World](https://www.coastlinedaily.example/w)\n"
        "* [Climate](https://www.coastlinedaily.example/c)\n\n",
    )  # fmt: skip
    assert rec["title"] == "Wildfire near Valencia forces evacuation of 2,000 residents"


def test_a_header_title_without_a_headline_in_the_content_loses_the_sites_name(ingest, tmp_path):
    """M14: without a headline in the content the header's title is the record's, and its
    site's segment of four words, which spells the address, stayed on."""
    rec = _record(
        ingest, tmp_path,
        "Wildfires force evacuations west of Valencia - The Northern Echo Example",
        "https://www.northernecho.example/news/wildfires-valencia",
        "",
    )  # fmt: skip
    assert rec["title"] == "Wildfires force evacuations west of Valencia"


def test_a_firecrawl_title_whose_headline_the_page_shows_loses_the_blogs_name(ingest, tmp_path):
    """M10: Firecrawl's ``metadata.title`` is the page's <title>, "Headline | Blog Name";
    a blog name in sentence case, or one that does not spell the host, was refused as a
    site's name and the title kept whole. The page's markdown shows the headline."""
    import json

    md = (
        "# Pain de seigle au levain, la version de ma grand-mère\n\n"
        "Le pain de seigle de ma grand-mère levait toute une nuit près du poêle, et sa croûte"
        " épaisse tenait une semaine entière.\n\nJ'ai mis trois hivers à retrouver le goût de"
        " ce pain, en changeant la farine, l'eau et le temps de pousse.\n"
    )
    row = {"url": "https://cuisine.example/2026/10/27/pain-de-seigle/", "markdown": md,
           "metadata": {"title": "Pain de seigle au levain, la version de ma grand-mère"
                                 " | Carnets de cuisine", "statusCode": 200}}  # fmt: skip
    (tmp_path / "fire.jsonl").write_text(json.dumps(row) + "\n")
    (rec,) = ingest(str(tmp_path / "fire.jsonl"), "--disable", "dedup").records
    assert rec["title"] == "Pain de seigle au levain, la version de ma grand-mère"
    assert rec["site_name"] == "Carnets de cuisine"
