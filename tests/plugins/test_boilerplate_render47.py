"""What text browsers write for the parts of a page that are no text, kept inside an article
(s47 chrome47, issue 3, held-out w3m): image placeholders, a tracking pixel's markup, the
nested items of a site's menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_boilerplate_structures import _clean

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.boilerplate.artefacts import (
    ARTEFACT_REASON,
    FORM_REASON,
    NESTED_MENU_REASON,
    form_lines,
    markup_line,
    nested_menu_items,
    placeholder_line,
)
from corearchive_plugins.boilerplate.feeds import FEED_REASON, feed_lines
from corearchive_plugins.boilerplate.postnav import POST_NAV_REASON, post_neighbour_lines

DATA = Path(__file__).parent / "data"

_STORY = [
    "Storm delays holiday travel across the East",
    "A wall of storms packing ice, sleet and rain threatened to suspend holiday travel plans "
    "as millions of Americans took to the roads, skies and rails on Wednesday.",
    "Passengers waited for buses during a light rain in New York, and airlines warned of "
    "delays at airports from Washington to Boston as the system moved east.",
    "High winds threatened to keep the balloons of the city's parade on the ground, and "
    "officials said they would decide early on Thursday morning whether to fly them.",
    "Forecasters said the weather would clear by the weekend, when most travellers return "
    "home, and that the roads should be dry by Sunday afternoon.",
]  # fmt: skip


def test_w3m_image_placeholders_and_a_tracking_pixel_inside_a_story_go(run_stage):
    """A gallery's thumbnails as w3m writes them (the file names cut to ten characters)
    between the story's paragraphs, and the story's tracking pixel written out from a
    ``<noscript>`` under it (held-out w3m: CNN's gallery, a BBC story's 619 tokens of URL
    on one line), were kept as the article's."""
    pixel = (
        '<img src="https://ssc.api.bbc.com/?c2=19999701&amp;ns_type=view&amp;ns_site=bbc'
        '&amp;c1=2&amp;b_vs_un=ws&amp;name=burmese.burma-45989453" height="1" width="1" alt="">'
    )
    gallery = ["[1311292008]", "[1311292011]", "[1311271803] [1311270647]"]
    text = "\n\n".join([*_STORY[:3], *gallery, *_STORY[3:], pixel])
    kept, removed = _clean(run_stage, text)
    assert all(line in kept for line in _STORY[1:]), kept
    for line in [*gallery, pixel]:
        assert removed.get(line) == ARTEFACT_REASON, (line, kept)


@pytest.mark.parametrize(
    "line",
    [
        "[1311292008]",
        "[icon_navi_] [logo]",
        "• [Tasche-1-e1560793139806]",
        "[4201195561] ✕",
        "[Verfassung][svg]",
        "[spanish] [greek] [english]",
    ],
)
def test_a_line_of_image_placeholders_is_one(line):
    assert placeholder_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "[3]",  # a footnote's number
        "[13]",
        '["baz"]',  # a value in code
        "[ ]",  # a checkbox
        "[…]",  # an omission in a quote
        "[Jetzt abonnieren!]",  # a button's words
        "Strong & Beautiful - Pamela Reif [Rezension]",  # text around it
        "See the chart below.",
    ],
)
def test_a_reference_a_checkbox_or_text_is_no_placeholder(line):
    assert not placeholder_line(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<img src="//ssc.api.bbc.com/?c1=2&c2=19293874" height="1" width="1" alt="">', True),
        ('<p style="top: -999em"><img src="https://sa.bbc.co.uk/s?name=x" alt=""></p>', True),
        ('<iframe src="https://abc13.com/video/embed/?pid=1"></iframe>', True),
        # (a tag cut: a pixel's URL of 2,000 characters the rendering never closed)
        ('<img src="https://ssc.api.bbc.com/?c2=1&amp;name=burma&amp;b_topic_names=', True),
        ("<http://www.gnu.org/licenses/>.", False),  # a licence's address
        ("<program> Copyright (C) <year> <name of author>", False),  # a template
        ('<img src="cat.jpg" alt="A cat">', False),  # a tutorial's example
        ("<p>Gleiche Haarteile, gleiche Gesichter: Manche Frauen glauben</p>", False),
        ("</code></pre>", False),
    ],
)
def test_an_embeds_markup_written_out_is_no_text(line, expected):
    assert markup_line(line) is expected


# (the first 64 blocks of held-out demokratiewebstatt.at as w3m renders it, each block's
# first input line and the line model's verdict on the whole page: the site's topic tree,
# whose deeper items read like an article's headings; its 650 items were mostly removed)
_MENU = [
    ('[dws_logo_p]', False),
    ('  • Thema', False),
    ('      □ Politik und Rechte', False),
    ('          ☆ Thema: Politisches Handeln', False),
    ('              ○ Was versteht man unter politischem Handeln?', True),
    ('              ○ Ebenen des politischen Handelns in der Republik Österreich', True),
    ('              ○ Wer sind die politischen AkteurInnen?', True),
    ('                  ■ Zahlen und Fakten zu politischen AkteurInnen in Österreich', True),
    ('              ○ Ich als politische Akteurin – Wir als politische Akteure', True),
    ('              ○ Interview mit der Politologin Kathrin Stainer-Hämmerle', True),
    ('              ○ E-Book', False),
    ('          ☆ Thema: Demokratie weltweit', True),
    ('              ○ Grundsätze der Demokratie', True),
    ('                  ■ Die Einhaltung der Menschenrechte', True),
    ('                  ■ freies Wahlrecht - weltweit sichern!', True),
    ('                  ■ Meinungsfreiheit und Pressefreiheit', True),
    ('              ○ Es gibt nicht überall Demokratie', True),
    ('              ○ Wie kann Demokratie weltweit gefördert werden?', True),
    ('                  ■ Arbeit in Organisationen', True),
    ('              ○ Gibt es weltweite Gesetze?', True),
    ('              ○ Interviews weltweit', False),
    ('                  ■ Sabita Neuhaus in Nepal', False),
    ('                  ■ Nikolaus Heger in Thailand', True),
    ('              ○ Chat mit PolitikerInnen', True),
    ('          ☆ Thema: Geschichte der Demokratie', True),
    ('              ○ Wie hat Demokratie eigentlich angefangen?', True),
    ('                  ■ Demokratie damals und heute', True),
    ('              ○ Wie hat sich die Idee auf der ganzen Welt verbreitet?', True),
    ('                  ■ Die Unabhängigkeitserklärung der USA (1776)', True),
    ('                  ■ Die Französische Revolution', False),
    ('              ○ Wie kam es zur Demokratie in Österreich?', True),
    ('              ○ Der internationale Tag der Demokratie', False),
    ('              ○ Doppelmoppel', False),
    ('              ○ Expertinneninterview: Bleibt Demokratie ewig?', False),
    ('              ○ Chat mit der Nationalratspräsidentin', False),
    ('          ☆ Thema: Wahlen', False),
    ('              ○ Wer wählt hier wen?', False),
    ('                  ■ Was wird gewählt?', False),
    ('                  ■ Wählen ab 16', False),
    ('                  ■ Was ist eine Vorzugsstimme?', False),
    ('              ○ Wie wird gewählt?', False),
    ('                  ■ Wahlen hier und anderswo', False),
    ('              ○ Die Geschichte des Wahlrechts', False),
    ('                  ■ Eine seltsame Wahl!', False),
    ('              ○ Wer macht die Meinung?', False),
    ('              ○ Umfrage: „Deine Wahl“', False),
    ('              ○ Interview: Fr. Prof. Rosenberger', False),
    ('              ○ Chat mit ExpertInnen', False),
    ('              ○ E-Book', False),
    ('          ☆ Thema: Europawahlen', False),
    ('              ○ Was oder wer wird gewählt?', False),
    ('                  ■ Welche Aufgaben hat das Europäische Parlament?', True),
    ('                  ■ Wissenswertes über das Europäische Parlament', False),
    ('              ○ Wer darf wählen?', False),
    ('              ○ Wie wird gewählt?', False),
    ('              ○ Österreich bei den Europawahlen', False),
    ('              ○ Interaktive Karte zur Europawahl', False),
    ('              ○ Interview mit Martin Schulz', False),
    ('              ○ Chat mit ParlamentarierInnen', False),
    ('                  ■ Fotos vom Chat zum Thema Europawahlen', False),
    ('              ○ E-Book', False),
    ('          ☆ Thema: Pressefreiheit', False),
    ('              ○ Wozu Pressefreiheit?', False),
    ('              ○ Was ist Zensur?', False),
]  # fmt: skip
_STORY_FIRSTS = ["Woher kommt die dicke Luft?", "Eines der großen Probleme, mit denen wir ..."]


def test_the_kept_deeper_items_of_a_menu_mostly_removed_go():
    firsts = [line for line, _ in _MENU] + _STORY_FIRSTS
    keep = [kept for _, kept in _MENU] + [True, True]
    found = nested_menu_items(firsts, keep)
    kept_items = [j for j, (_, kept) in enumerate(_MENU) if kept]
    assert found == kept_items  # (all kept items here are of a level under the first)
    assert len(firsts) - 1 not in found


def test_an_articles_nested_list_a_first_level_and_a_short_list_stay():
    steps = [
        "  • Discover what business-building stage you're in now",
        "      □ Assess what you're starting with — make a list of your current assets",
        "      □ Pinpoint what your current business focus should be",
        "      □ Get to know what happens in the other business stages",
    ]
    # an article's list, kept whole
    assert nested_menu_items(steps * 3, [True] * 12) == []
    # a menu whose kept items are all of the first level
    menu = [f"  • Section {n}" for n in range(10)]
    assert nested_menu_items(menu, [n % 3 == 0 for n in range(10)]) == []
    # a list too short to tell a menu by
    assert nested_menu_items(steps, [True, False, False, True]) == []
    # lynx's "o" is a deeper level's mark only indented
    lynx = ["   * Home", *[f"       o Topic page number {n}" for n in range(8)], "o so it goes"]
    keep = [False] * 6 + [True, True, True, True]
    assert nested_menu_items(lynx, keep) == [6, 7, 8]


def test_a_w3m_menus_deeper_items_are_read_on_the_input_lines(run_stage):
    """The stage reads each block's marks on its input lines (a bulleted text's blocks have
    lost them): held-out demokratiewebstatt.at as w3m renders it (an excerpt: the topic
    menu's start and end, the story) kept the menu's first topics over the story."""
    text = (DATA / "render47_w3m_menu.txt").read_text(encoding="utf-8")
    kept, removed = _clean(run_stage, text)
    assert "Woher kommt die dicke Luft?" in kept
    assert any(line.startswith("Eines der großen Probleme") for line in kept)
    menu = {line.strip()[2:] for line in text.split("\n") if line.strip()[:1] in "□☆○■"}
    assert not menu & set(kept), menu & set(kept)
    by_rule = [line for line, why in removed.items() if why == NESTED_MENU_REASON]
    assert len(by_rule) >= 5, by_rule  # (the model kept them: "Ebenen des politischen ...")


# (the top of held-out cnn_test_nlp as w3m renders it: the ad feedback form)
_FEEDBACK = [
    "CNN values your feedback", "1. How relevant is this ad to you?",
    "( )", "( )", "( )", "2. Did you encounter any technical issues?", "[ ]",
    "Video player was slow to load content [ ] Video content never loaded [ ] Ad froze or did"
    " not finish loading [ ] Video content did not start after ad [ ] Audio on ad was too loud"
    " [ ] Other issues [ ]",
    "Ad never loaded [ ] Ad prevented/slowed the page from loading [ ] Content moved around"
    " while ad loaded [ ] Ad was repetitive to ads I've seen previously [ ] Other issues [ ]",
    "[                    ]", "Cancel Submit", "Thank You!",
    "Your effort and contribution in providing this feedback is much appreciated.", "Close",
]  # fmt: skip
_CONSENT = (
    "[ ] Ich akzeptiere die Datenschutzbestimmungen von changelog und von unserem"
    " Newsletterdienst Mailchimp. Sie können sich jederzeit wieder austragen."
)


def test_a_forms_checkboxes_as_w3m_writes_them_go(run_stage):
    """A feedback form's options side by side with their boxes (held-out w3m and lynx:
    cnn_test_nlp, kept at the top of the story) and a newsletter box's consent that the
    page holds in its header, beside the post and under it (held-out changelog.blog)."""
    text = "\n".join([*_FEEDBACK, "", _CONSENT, "", *(line + "\n" for line in _STORY), _CONSENT])
    kept, removed = _clean(run_stage, text)
    assert all(line in kept for line in _STORY[1:]), kept
    for line in (_FEEDBACK[7], _FEEDBACK[8], _CONSENT):
        assert line not in kept, kept
        assert removed[line] == FORM_REASON


def test_a_checklist_written_as_text_stays():
    lines = ["Before the meeting:", "[ ] Book the hall", "[x] Send the invitations", "Done."]
    assert form_lines(lines, [True] * 4) == []
    assert form_lines(["| [x] | [ ] | [ ] |"], [True]) == []  # a table's row of ticks
    assert form_lines(["Yes [ ] No [ ]", "Yes [ ] No [ ]"], [True, False]) == [0]


@pytest.mark.parametrize(
    "line",
    [
        "Vorheriger Beitrag 1 Teil – 5 Looks: Sommerhose mit Blumenprint",
        "Nächster Beitrag BLUSENKLEID – stilvoll und schick durch den Sommer",
        "« Article précédent",
        "Next post: How we moved the office in a week",
        "Artículo anterior Los mejores libros del año",
        "Vorheriger Beitrag Sommerhose Nächster Beitrag Blusenkleid",  # (lynx: one line)
    ],
)
def test_a_posts_link_to_its_neighbour_is_one(line):
    assert post_neighbour_lines([line], [True]) == [0]


@pytest.mark.parametrize(
    "line",
    [
        "Next steps to shape the company's future will be divulged on Friday.",
        "Next story is about the cats of the old harbour",  # (a sentence going on)
        "Nächster Punkt: Ist wirklich die breite Öffentlichkeit auf Instagram?",
        "Next, Pompeo pledged a long term campaign of counter-measures",
    ],
)
def test_a_sentence_starting_with_next_is_no_link(line):
    assert post_neighbour_lines([line], [True]) == []


def test_the_stage_removes_a_posts_links_to_its_neighbours(run_stage):
    """Held-out lady50plus.de as lynx and w3m write it: label and title on one line, kept
    under the post (the excerpt's lines are all kept by the model at threshold 0, so the
    rule is seen at work after it)."""
    links = [
        "Vorheriger Beitrag 1 Teil – 5 Looks: Sommerhose mit Blumenprint",
        "Nächster Beitrag BLUSENKLEID – stilvoll und schick durch den Sommer",
    ]
    text = "\n\n".join([*_STORY, *links])
    doc = run_stage(BoilerplateStage, make_document(text), keep_removed=True, threshold=0.0).kept[0]
    gone = doc.annotations["boilerplate"]["removed"]
    removed = dict(zip(gone["text"], gone["reason"], strict=True))
    assert all(line in doc.text for line in _STORY)
    assert all(removed.get(link) == POST_NAV_REASON for link in links), removed


def test_a_sites_feed_of_its_latest_stories_with_their_times_goes(run_stage):
    """Held-out latvian_article as lynx writes it (an excerpt: the story's start, then the
    site's "Jaunākie" feed, "18:51" over a headline, "18:09" over the next ...): the
    headlines were kept as the article's."""
    text = (DATA / "render47_lynx_feed.txt").read_text(encoding="utf-8")
    kept, removed = _clean(run_stage, text)
    assert any(line.startswith("Naktī uz trešdienu") for line in kept), kept
    assert not [line for line in kept if line[:2].isdigit() or "Dobeles" in line], kept
    assert removed["18:51"] == FEED_REASON
    assert FEED_REASON in {removed.get(line) for line in removed if "Dobeles" in line}


def test_times_going_forward_or_with_paragraphs_are_no_feed():
    # a feed: the latest first, each time alone over its headline or before it
    feed = ["17:37 Humbert, le grand huit !", "17:08 Vuelta: Philipsen devance Ackermann",
            "16:23 Ronaldo retrouvera les Bleus", "16:05 Incertitude pour l'Open"]  # fmt: skip
    assert feed_lines(feed, [True] * 4) == [0, 1, 2, 3]
    # a video's chapters and a day's schedule go forward
    chapters = ["00:00 Intro", "02:06 Punchhole-Kamera", "02:46 Pillen-Kamera", "04:10 Fazit"]
    assert feed_lines(chapters, [True] * 4) == []
    schedule = ["8:30 AM", "Wakes up and walks to the shop", "2:00 PM", "Goes to the beach",
                "6:00 PM", "Heads to the saloon"]  # fmt: skip
    assert feed_lines(schedule, [True] * 6) == []
    # a live blog's posts (the latest first) are paragraphs that end a sentence
    live = ["14:32", "The minister has arrived at the parliament and will speak shortly.",
            "14:10", "Protesters have gathered outside the building since the morning.",
            "13:55", "Police said the square would stay closed until the evening."]  # fmt: skip
    assert feed_lines(live, [True] * 6) == []
    # two items are too few to tell a feed
    assert feed_lines(feed[:2], [True, True]) == []
