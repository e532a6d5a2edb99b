"""Live blogs, match reports and results pages (s49 live49, what s48's acc-live left): a match
report's facts under its text, its headings with them."""

from __future__ import annotations

from corearchive_plugins.boilerplate.facts import fact_rows

# a match report's end (SZ-style, s48 acc-live match-de-1): the text's last paragraph, the
# facts under their heading, then the page's chrome
DE_TEXT = [
    "Die Pfälzer, die in der zweiten Liga lange gegen den Abstieg gespielt hatten, drängten "
    "in der zweiten Hälfte auf den Ausgleich, fanden aber kaum Lücken.",
]
DE_FACTS = [
    "Aufstellungen",
    "Leverkusen: Kovar - Kossounou, Tah, Hincapié - Frimpong, Xhaka, Andrich, Grimaldo - "
    "Hofmann, Wirtz - Schick",
    "Kaiserslautern: Krahl - Elvedi, Tomiak, Kraus - Puchacz, Raschl, Ritter, Redondo - "
    "Tachie, Ache, Hanslik",
    "Tor: 1:0 Xhaka (16.)",
    "Gelb-Rot: Kossounou (44.)",
    "Zuschauer: 74 322 (ausverkauft)",
]
DE_CHROME = ["Anzeige", "Mehr zum Thema", "Newsletter abonnieren", "© Süddeutsche Zeitung GmbH"]


def test_a_match_reports_facts_under_its_text_are_kept_with_their_heading():
    """The scorer, the cards, the attendance and the block's heading were removed as short
    lines outside the main text block, the line-ups kept (s48 acc-live L6): the block of
    labelled values right under the text's last paragraph is kept whole, its heading too."""
    lines = DE_TEXT + DE_FACTS + DE_CHROME
    # (the model kept the paragraph and the two line-ups)
    keep = [s in DE_TEXT or s in DE_FACTS[1:3] for s in lines]
    furniture = [s in ("Anzeige", "Newsletter abonnieren") for s in lines]
    got = [lines[i] for i in fact_rows(lines, keep, furniture)]
    assert got == [DE_FACTS[0], *DE_FACTS[3:]]


def test_a_block_of_labelled_lines_not_under_the_text_or_with_links_stays_removed():
    """The same rows under two removed short lines (a box's label under an ad's), a contact
    box of links and addresses, or a box of furniture words are no match report's facts."""
    lines = [*DE_TEXT, "Anzeige", "Mehr zum Thema", *DE_FACTS[3:]]
    keep = [s in DE_TEXT for s in lines]
    assert fact_rows(lines, keep, [False] * len(lines)) == []
    contact = [
        "Kontakt",
        "E-Mail: redaktion@example.de",
        "Web: https://www.example.de/kontakt",
        "Twitter: @example",
    ]
    lines = DE_TEXT + contact
    keep = [s in DE_TEXT for s in lines]
    assert fact_rows(lines, keep, [False] * len(lines)) == []
    tags = ["Themen: Fußball, DFB-Pokal, Bayer Leverkusen", "Teilen: Facebook, X, WhatsApp"]
    lines = DE_TEXT + tags
    keep = [s in DE_TEXT for s in lines]
    assert fact_rows(lines, keep, [False, True, True]) == []


def test_a_match_reports_facts_are_kept_by_the_stage(run_stage):
    """The stage keeps a match report's line-ups, stats and their headings under its text
    (BBC-style: "Line-ups" / two line-ups / "Match stats" / three figures), and the page's
    "Related topics" box and its feed of other stories still go (s48 acc-live L6)."""
    from test_boilerplate_structures import _clean, _page

    head = ["Home", "News", "Sport", "Weather", "Football", "Scores & Fixtures", "Tables"]
    story = [
        "Manchester City 3-1 West Ham: Pep Guardiola's side win fourth successive title",
        "Manchester City became the first team to win four successive English top-flight "
        "titles as they beat West Ham on the final day of the season.",
        "Phil Foden scored twice in the opening 18 minutes to settle any nerves, and although "
        "Mohammed Kudus pulled one back with a spectacular overhead kick, Rodri restored the "
        "two-goal cushion shortly after half-time.",
        "He doubled the lead when he turned in Jeremy Doku's low cross.",
    ]
    facts = [
        "Man City: Ortega Moreno, Walker, Dias, Gvardiol, Aké, Rodri, Kovacic, Foden, "
        "De Bruyne, Doku, Haaland",
        "West Ham: Areola, Coufal, Zouma, Kilman, Emerson, Ward-Prowse, Soucek, Bowen, "
        "Paquetá, Kudus, Antonio",
    ]
    stats = [
        "Possession: Man City 78%, West Ham 22%",
        "Shots: Man City 26, West Ham 4",
        "Shots on target: Man City 10, West Ham 1",
    ]
    feed = [
        "18:31",
        "Klopp says goodbye: 'I'm one of you now'",
        "17:55",
        "Sheffield United finish with 16 points",
        "17:12",
        "Pochettino leaves Chelsea by mutual consent",
    ]
    text = _page(
        head,
        *([x] for x in story),
        ["Line-ups"],
        facts,
        ["Match stats"],
        stats,
        ["Related topics"],
        ["Premier League"],
        ["Manchester City"],
        ["Top stories"],
        feed,
        ["Terms of Use", "About the BBC"],
        ["Copyright 2024 BBC. All rights reserved."],
    )
    kept, gone = _clean(run_stage, text)
    assert {"Line-ups", "Match stats", *facts, *stats} <= set(kept), gone
    assert not {"Related topics", "Top stories", *feed} & set(kept)
