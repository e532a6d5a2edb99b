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

# a site's feed of other stories: a time over each headline, the latest first
OTHER_FEED = [
    "18:31",
    "Klopp says goodbye: 'I'm one of you now'",
    "17:55",
    "Sheffield United finish with 16 points",
    "17:12",
    "Pochettino leaves Chelsea by mutual consent",
]


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
    feed = OTHER_FEED
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


# a flash live blog (Investing.com-style), the latest first: three entries of a headline
# alone, then entries with a paragraph; under it the site's feed of other stories
FLASH = [
    "14:45",
    'Powell: Fed needs "greater confidence" before cutting rates',
    "14:30",
    "Fed dot plot shows just one rate cut in 2024, down from three",
    "14:15",
    "Treasury yields fall to their lowest in three months",
    "14:00",
    "Fed holds rates at 5.25%-5.50%, as expected",
    "The Federal Open Market Committee voted unanimously to leave its benchmark rate unchanged.",
    "08:30",
    "US CPI unchanged in May vs 0.1% expected",
    "Consumer prices were flat last month as gasoline fell, the Labor Department said.",
]
OTHER_STORIES = ["Most viewed", *OTHER_FEED]


def test_a_live_blogs_entries_of_a_headline_alone_are_no_feed_of_other_stories():
    """Three entries of a time and a headline alone over the blog's entries with a paragraph
    were removed as a site's feed of its latest stories (s48 acc-live L1c): they are one
    sequence with the entries under them, the times going on back. The feed of other
    stories under its own heading still goes, and so do such entries after a post's
    paragraph when their times start over."""
    from corearchive_plugins.boilerplate.feeds import feed_lines

    lines = ["Live: US inflation data and Fed decision", "Live", *FLASH, *OTHER_STORIES]
    got = [lines[i] for i in feed_lines(lines, [True] * len(lines))]
    assert got == OTHER_STORIES[1:]
    # (the headline-only entries under the blog's last post, continuing its order: kept)
    lines = ["Live", *FLASH[6:], *FLASH[:6]]
    lines = [*lines[:6], "07:45", "Oil rises", "07:30", "Gold steady", "07:15", "Yen weakens"]
    assert feed_lines(lines, [True] * len(lines)) == []
    # (a feed whose times start over under a post's paragraph: still a feed)
    lines = [*FLASH[6:], *OTHER_STORIES[1:]]
    got = [lines[i] for i in feed_lines(lines, [True] * len(lines))]
    assert got == OTHER_STORIES[1:]


def test_a_live_reports_count_stamps_and_its_newest_entrys_word_stamp_are_kept():
    """A stage's "Km 185" / "Km 150" / "Km 60" and a cricket match's overs "19.6" / "16.1"
    over their entries are no clock times: they were removed as short lines, and so was
    the newest entry's word stamp over its headline ("Arrivée" / "Pogacar vainqueur …";
    s48 acc-live L5, L6). A run of stamps of one count's kind, in order, is a run of entries;
    a bare number over a paragraph (a printed page's) is none."""
    from corearchive_plugins.boilerplate.structures import post_times

    lines = [
        "Tour de France : Pogacar s'impose au Plateau de Beille",
        "Actualisation automatique",
        "Arrivée",
        "Pogacar vainqueur à Plateau de Beille",
        "Tadej Pogacar remporte sa troisième victoire d'étape sur ce Tour en lâchant Vingegaard.",
        "Km 185",
        "Vingegaard attaque le premier dans la montée finale, Pogacar revient sans se lever.",
        "Km 150",
        "Dans le Col d'Agnès, le groupe maillot jaune compte encore une vingtaine d'unités.",
        "Km 60",
        "Richard Carapaz passe en tête au sommet du Col de Peyresourde et prend des points.",
        "Publicité",
    ]
    keep = [s.endswith(".") or s.startswith("Tour") for s in lines]
    furniture = [s == "Publicité" for s in lines]
    got = [lines[i] for i in post_times(lines, keep, furniture)]
    assert got == ["Arrivée", "Pogacar vainqueur à Plateau de Beille", "Km 185", "Km 150", "Km 60"]
    overs = ["19.6", "19.1", "16.1", "5.6"]
    lines = [x for o in overs for x in (o, f"Pandya to Rabada, {o} over, full outside off.")]
    keep = [not s[0].isdigit() for s in lines]
    got = [lines[i] for i in post_times(lines, keep, [False] * len(lines))]
    assert got == overs
    pages = ["12", "13", "14", "15"]
    lines = [x for o in pages for x in (o, f"The council met on page {o} of the report.")]
    keep = [not s[0].isdigit() for s in lines]
    assert post_times(lines, keep, [False] * len(lines)) == []


def test_a_results_pages_rows_of_one_shape_are_kept_with_their_heading():
    """A Japanese results page (no prose): the model kept the last row of each table and
    removed the others as short lines outside the text (s48 acc-live L8). Rows of one
    shape in a run, one of them kept, are the page's table; its heading over it stays with
    it, a menu's last item over a table does not, nor does a feed of timed headlines."""
    from corearchive_plugins.boilerplate.facts import sibling_rows

    lines = [
        "ホーム",
        "プロ野球",
        "スコア速報",
        "プロ野球 9月29日の試合結果と順位表",
        "2024年9月29日 21時45分",
        "セ・リーグ",
        "巨人 1-0 広島",
        "阪神 3-2 DeNA",
        "ヤクルト 5-4 中日",
        "順位表",
        "1 巨人 77勝59敗7分 -",
        "2 阪神 74勝63敗6分 3.5",
        "3 DeNA 71勝69敗3分 8.0",
        "4 広島 68勝72敗3分 11.0",
        "最新ニュース",
        "21時30分 巨人が4年ぶりリーグ優勝",
        "20時50分 大谷翔平 54本塁打でシーズン終了",
        "19時15分 阪神・岡田監督が退任へ",
    ]
    kept = {"プロ野球 9月29日の試合結果と順位表", "ヤクルト 5-4 中日", "4 広島 68勝72敗3分 11.0"}
    keep = [s in kept for s in lines]
    got = [lines[i] for i in sibling_rows(lines, keep, [False] * len(lines))]
    assert got == [*lines[5:8], *lines[9:13]]
    # (the menu's last item right over the table is no heading of it; no row kept: no table)
    lines = lines[:3] + lines[6:9]
    keep = [s in kept for s in lines]
    assert [lines[i] for i in sibling_rows(lines, keep, [False] * len(lines))] == lines[3:5]
    assert sibling_rows(lines, [False] * len(lines), [False] * len(lines)) == []


def test_the_page_sentence_under_a_live_blogs_last_post_is_not_its_paragraph():
    """ "Our Standards: The Thomson Reuters Trust Principles." right under the last post's
    paragraph, removed by the model, was kept as that post's second paragraph (s48 acc-live
    L13): a short line the model removed ends the last post's paragraphs."""
    from corearchive_plugins.boilerplate.structures import post_times

    posts = [
        ("1415 GMT", "U.S. stocks opened sharply lower, the Nasdaq down 6% at one point."),
        ("1340 GMT", "The yen has gained more than 10% against the dollar in under a month."),
        ("1100 GMT", "European shares fell for a third day as banks and chipmakers led losses."),
        ("0915 GMT", "Japan's Nikkei closed down 12.4%, its largest one-day point fall ever."),
    ]
    lines = [x for p in posts for x in p]
    # (a post of two paragraphs: the last one's may run on as long)
    lines.insert(4, '"This is a classic positioning washout," said one strategist at a bank.')
    lines += ["Our Standards: The Thomson Reuters Trust Principles.", "Read Next"]
    keep = [not s.endswith(("GMT", "Principles.", "Next")) for s in lines]
    got = [lines[i] for i in post_times(lines, keep, [False] * len(lines))]
    assert got == [p[0] for p in posts]


def test_the_heading_over_a_feed_of_other_stories_goes_with_it(run_stage):
    """A results page's "Últimas noticias" over its feed of other stories stayed, the feed's
    items gone (s48 acc-live L13): the heading right over a feed goes with it; the table
    and the heading over it stay."""
    from test_boilerplate_structures import _clean, _page

    table = [
        "Pos Equipo Pts PJ G E P",
        "1 Real Madrid 95 38 29 8 1",
        "2 Barcelona 85 38 26 7 5",
        "3 Girona 81 38 25 6 7",
        "4 Atlético 76 38 24 4 10",
    ]
    feed = [
        '23:15 Ancelotti: "La Liga ha sido justa"',
        "22:48 Xavi se despide del Barça con una victoria",
        "21:30 Girona, a la Champions por primera vez",
    ]
    text = _page(
        ["Portada", "Fútbol", "LaLiga", "Resultados", "Clasificación"],
        ["Resultados de la jornada 38 de LaLiga y clasificación final"],
        ["Clasificación final"],
        table,
        ["Últimas noticias"],
        feed,
        ["© Diario AS"],
    )
    kept, gone = _clean(run_stage, text)
    assert "Últimas noticias" not in kept, gone
    assert not set(feed) & set(kept)
    assert set(table) <= set(kept), gone


def test_an_articles_fields_an_indicator_list_and_a_menu_of_years_are_no_facts_or_rows():
    """Under an article's text, "Wordcount: 717" / "Published: Nov. 19, 2019, 6:18 p.m." are
    its fields, "VE-I-3: Starkregen und Straße" a list of codes; and "2020 Antonio Andrioli"
    / "2019 Michael Müller" / … a menu of a prize's winners: the facts and the table rows
    kept them (s49 sesscmp, aeb and trafeval dev pages)."""
    from corearchive_plugins.boilerplate.facts import sibling_rows

    for rows in (
        ["Wordcount: 717", "Published: Nov. 19, 2019, 6:18 p.m.", "Updated: Nov. 19, 2019"],
        ["VE-I-1 + 2: Hochwassersperrungen am Rhein", "VE-I-3: Starkregen und Straße",
         "VE-I-4: Witterungsbedingte Verkehrsunfälle"],
    ):  # fmt: skip
        lines = DE_TEXT + rows
        keep = [s in DE_TEXT for s in lines]
        assert fact_rows(lines, keep, [False] * len(lines)) == []
    lines = ["Naturschutzpreis", "Übersicht", "2020 Antonio Andrioli", "2019 Michael Müller",
             "2018 Josef Göppel", "2017 Klaus Töpfer"]  # fmt: skip
    keep = [s.startswith("2017") for s in lines]
    assert sibling_rows(lines, keep, [False] * len(lines)) == []
