"""Forum threads, comment pages and Q&A pages (session 49): a thread's bylines without the
profile box's figures, one-line heads, and the buttons and votes between posts."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_boilerplate_structures import _clean, _page
from test_boilerplate_threads48 import FOOT, MENU, NL_POSTS, THREAD_DE

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

DATA = Path(__file__).parent / "data"


def _kept(run_stage, name: str) -> list[str]:
    html = name.endswith(".html")
    text = (DATA / name).read_text(encoding="utf-8")
    doc = make_document(text, html=html, path="page.html" if html else "p")
    return run_stage(BoilerplateStage, doc).kept[0].text.split("\n")


def test_a_posters_figures_go_from_the_posts_byline(run_stage):
    """A poster's line with its profile box's figures glued on ("lukas180Beiträge: 2198 ·
    Registriert seit 7. Oktober 2012") is kept as the post's byline: its name alone."""
    kept, _ = _clean(run_stage, _page(MENU, ["Duschtasse abdichten"], *THREAD_DE, FOOT))
    assert [x for x in kept if x in {"thomas_k18", "lukas180", "anna296"}] == [
        "thomas_k18",
        "lukas180",
        "anna296",
    ]
    assert not [x for x in kept if "Beiträge" in x]
    said = [post[2] for post in THREAD_DE]
    assert [x for x in kept if x in said] == said


@pytest.mark.parametrize("name", ["threads48_forum_nl.txt", "threads48_forum_nl.html"])
def test_a_boards_posters_are_written_without_their_figures(run_stage, name):
    """A Dutch board's thread, as text and as HTML: each poster's line is its name
    ("pieter_v", not "pieter_vBerichten: 41"), the posts whole."""
    kept = _kept(run_stage, name)
    assert [x for x in kept if x in NL_POSTS] == NL_POSTS
    assert [x for x in kept if x.startswith(("pieter_v", "loodgieter_jan"))] == [
        "pieter_v",
        "loodgieter_jan",
        "pieter_v",
    ]


# a Reddit-like page (written for session 49, as HTML and its browser copy): each post's
# poster and time on one line ("fixit_fran · 4 hr. ago"), a vote widget's line under it
# ("▲ 88 ▼ Reply Share")
REDDIT_POSTS = [
    "Before paying for a pump, clean the filter and check the drain hose for kinks. Nine times "
    "out of ten that is all it is.",
    "A ten year old machine from a good brand is worth one repair. Two repairs, replace it.",
    "The filter was completely clogged. It drains again, thanks everyone.",
]


@pytest.mark.parametrize("name", ["threads49_reddit_en.txt", "threads49_reddit_en.html"])
def test_a_thread_of_one_line_heads_keeps_its_replies(run_stage, name):
    """Posts under one-line heads ("oldtimer_dave · 3 hr. ago"), with a vote widget's line
    between them: the page was read as no thread (its heads looked for on two lines, the
    vote widget's line too long for a post's buttons) and the last replies were lost."""
    kept = _kept(run_stage, name)
    assert [x for x in kept if x in REDDIT_POSTS] == REDDIT_POSTS
    assert not [x for x in kept if "▲" in x]


def test_one_line_heads_make_a_thread_of_a_plain_text(run_stage):
    """The same form in a page built here: three posts under one-line heads, their short
    replies kept, the buttons out."""
    posts = [
        ["maria_k · 2 days ago", "How long should a new lawn be left before the first cut?"],
        ["green_tom · 2 days ago", "Wait until the grass is about eight centimetres tall."],
        ["lisa.b · 1 day ago", "Same here, worked fine."],
    ]
    page = _page(MENU, *[[*p, "Reply Share"] for p in posts], FOOT)
    kept, _ = _clean(run_stage, page)
    said = [p[1] for p in posts]
    assert [x for x in kept if x in said] == said
    assert "Reply Share" not in kept


def test_a_phpbb_thread_under_its_one_line_heads_keeps_its_last_reply(run_stage):
    """A phpBB thread as text: each post's poster over its figures and a repeated title,
    then "von Klaus W. » Mo 12. Feb 2024, 22:03" over the text. The poster over its figures
    read as a two-line head inside the posts' buttons and ended the run: the page was no
    thread and its last reply was lost."""
    kept = _kept(run_stage, "threads48_phpbb_de.txt")
    replies = [
        "Das klingt nach Luft im System. Entlüfte mal alle Heizkörper und füll danach Wasser nach.",
        "Oder die Pumpe läuft bei der Absenkung zu hoch. Welche Stufe ist eingestellt?",
        "Entlüften hat geholfen, seitdem ist Ruhe. Danke euch!",
    ]
    assert [x for x in kept if x in replies] == replies
    assert "von heizungsneuling » Do 15. Feb 2024, 18:20" in kept
    assert "Re: Heizung macht nachts Klopfgeräusche" not in kept


QA_EN = [
    "I back up my home folder with rsync -av ~/ /mnt/backup/, but it also copies every dot file "
    "and dot folder, including caches that are several gigabytes large.",
    "Is there a way to tell rsync to skip everything whose name starts with a dot?",
    "Use an exclude pattern. A leading dot is matched by a pattern starting with a dot:",
    "rsync -av --exclude='.*' ~/ /mnt/backup/",
    "The pattern applies at every level, so hidden files inside subfolders are skipped too.",
    "Thanks, the exclude pattern did it.",
]
QA_FR = [
    "Utilisez datetime.strptime avec le format qui correspond à vos données :",
    "from datetime import datetime",
    'd = datetime.strptime("14/03/2025", "%d/%m/%Y").date()',
    "Merci, c'est exactement ce qu'il me fallait. – claire_dev 14 mars 2023 à 9:31",
    "Si vous utilisez déjà pandas, l'option dayfirst de pd.to_datetime convertit toute la "
    "colonne d'un coup.",
]


@pytest.mark.parametrize(
    ("name", "said", "chrome"),
    [
        (
            "threads48_qa_en.txt",
            QA_EN,
            ["Viewed 48k times", "Share Improve this answer Follow", "rsync backup hidden-files",
             "Hot Network Questions", "402k 54 1,046"],
        ),
        (
            "threads49_qa_fr.txt",
            QA_FR,
            ["Partager Améliorer cette réponse Suivre", "python datetime csv", "23",
             "Comment convertir une chaîne en date en Python ?", "Questions liées"],
        ),
    ],
)  # fmt: skip
def test_a_qa_pages_chrome_goes_its_posts_stay(run_stage, name, said, chrome):
    """A Stack-Exchange-like page (en, and a French one written for session 49): the
    question, the answers with their commands and the comments stay; the votes, tags,
    share bars, posters' figures and related questions the model kept between and under
    the posts go, the posts' stamps ("answered Mar 3, 2023 at 10:31") stay as bylines."""
    kept = _kept(run_stage, name)
    assert [x for x in kept if x in said] == said
    assert not set(chrome) & set(kept)
    assert any(x.startswith(("answered ", "répondu ")) for x in kept)


# a board's thread whose poster lines carry the figures without a label's colon
THREAD_SPACED = [
    ["jdoe Member 1,234 posts Joined 2019 12 likes", "12 March 2025",
     "My router drops the connection every evening around eight. Has anyone seen this?",
     "Reply"],
    ["netfix Senior Member 8,410 posts Joined 2011", "12 March 2025",
     "Check whether a firmware update runs on a schedule at that time.", "Reply"],
    ["jdoe Member 1,235 posts Joined 2019 12 likes", "13 March 2025", "That was it, thanks.",
     "Reply"],
]  # fmt: skip


def test_a_posters_spaced_figures_go_from_the_byline(run_stage):
    """A poster's line whose figures have no label's colon ("jdoe Member 1,234 posts Joined
    2019 12 likes") is the post's byline as its name alone, the thread read whole."""
    kept, _ = _clean(run_stage, _page(MENU, ["Router drops every evening"], *THREAD_SPACED, FOOT))
    said = [post[2] for post in THREAD_SPACED]
    assert [x for x in kept if x in said] == said
    assert [x for x in kept if x.startswith(("jdoe", "netfix"))] == ["jdoe", "netfix", "jdoe"]


# a thread as lynx writes it after the reflow: the buttons under a post glued to its text
THREAD_GLUED = [
    ["chris_h44Posts: 2794", "26 January 2025",
     "Hi all, my tomato leaves turn yellow from the bottom up. Any advice would be much "
     "appreciated!", "Reply Quote Report"],
    ["helen684Posts: 688 · Joined 7 September 2010", "4 December 2025",
     "Could you post a photo? It's hard to tell from the description. Reply Quote"],
    ["laura557Posts: 1332", "8 October 2025",
     "Sounds like overwatering to me; let the soil dry out between waterings. Reply Quote"],
    ["emma554Posts: 3114", "12 August 2025", "Thanks, that did the trick!", "Reply Quote"],
]  # fmt: skip


def test_a_posts_glued_buttons_make_no_end_of_the_thread(run_stage):
    """A post's text with its buttons glued on ("… from the description. Reply Quote",
    lynx's reflow) is the post's text, written without them: it ended no sentence, and the
    thread ended at the post over it (its later replies lost)."""
    page = _page(MENU, ["Tomato leaves turning yellow"], *THREAD_GLUED, FOOT)
    kept, _ = _clean(run_stage, page)
    said = [
        "Could you post a photo? It's hard to tell from the description.",
        "Sounds like overwatering to me; let the soil dry out between waterings.",
        "Thanks, that did the trick!",
    ]
    assert [x for x in kept if x in said] == said
    assert not [x for x in kept if "Reply" in x]


def test_a_qa_pages_label_over_its_answers_comes_not_back():
    """The answers' text the model removed comes back, not a label over them (Stack
    Exchange's "Sorted by:", a trafeval page's "without" snippet: it ended with a colon
    and was read as a sentence announcing a command)."""
    from corearchive_plugins.boilerplate.structures import qa_chrome

    lines = [
        "Why is it 'ich wurde ausgeraubt' and not 'ich war ausgeraubt'?",
        "asked Mar 3, 2014 at 20:37",
        "user5105",
        "2 Answers",
        "Sorted by:",
        "The first is the passive voice of the event, the second the state after it.",
        "answered Mar 3, 2014 at 21:02",
        "tonym",
        "Hot Network Questions",
    ]
    keep = [True, True, False, True, False, False, True, False, True]
    posts, chrome = qa_chrome(lines, keep)
    assert posts == [5]
    assert {3, 8} <= set(chrome)


@pytest.mark.parametrize(
    "name",
    ["threads49_reddit_en.txt", "threads49_reddit_en.html", "threads48_forum_nl.html"],
)
def test_the_threads_posters_are_names_alone_in_its_annotation(run_stage, name):
    """The metadata stage takes a thread's first poster for its author: a one-line head's
    whole line ("u/kitchen_guy · 5 hr. ago") and an HTML page's poster with its figures
    ("pieter_vBerichten: 41") were the author (s49 finalrev_A)."""
    html = name.endswith(".html")
    text = (DATA / name).read_text(encoding="utf-8")
    doc = make_document(text, html=html, path="page.html" if html else "p")
    posters = (
        run_stage(BoilerplateStage, doc).kept[0].annotations["boilerplate"]["thread"]["posters"]
    )
    assert len(posters) >= 2
    for p in posters:
        # (no head's separator and time, no figure's label and count)
        assert not any(mark in p for mark in ("·", "»", ":", " ago", "Berichten")), p
        assert len(p.split()) <= 2, p


def test_a_page_with_its_stamps_over_the_texts_is_no_qa_page():
    """A parliament's written question writes "Asked <date>" over the question and
    "Answered <date>" over the answer: the answer's paragraphs under the last stamp were
    removed as a Q&A page's footer (read50 F8). Stack Exchange's text stands over its stamp."""
    from corearchive_plugins.boilerplate.structures import qa_chrome

    lines = [
        "Written question: Rail fares for disabled passengers",
        "Asked by Jane Smith (Northtown)",
        "Asked 3 March 2024",
        "To ask the Secretary of State for Transport, what steps he is taking to reduce rail "
        "fares for disabled passengers travelling at peak times.",
        "Answered 10 March 2024",
        "Answered by Tom Brown, Minister of State for Rail",
        "The Government is committed to making rail travel accessible to all passengers, and "
        "the Disabled Persons Railcard already offers a third off most fares.",
        "We are working with the industry to extend the discount to peak times on more "
        "routes, and we will publish the results of a trial later this year.",
    ]
    assert qa_chrome(lines, [True] * len(lines)) == ([], [])
