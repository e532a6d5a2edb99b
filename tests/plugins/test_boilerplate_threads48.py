"""Forum threads and Q&A pages in plain text (session 48): a thread's posts, each a poster
over its time over its text, are found in more of the forms real forums write them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_boilerplate_structures import _clean, _page

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

MENU = ["Inicio", "Foros", "Bricolaje", "Normas", "Contacto"]
FOOT = ["Aviso legal", "Política de privacidad", "© 2025 Foro Bricolaje"]

# a Spanish thread: its dates written "5 de abril de 2025"
THREAD_ES = [
    ["miguel_navarro", "5 de abril de 2025",
     "He probado lo típico pero de momento nada ha funcionado con la junta de la ducha. "
     "¿Alguien sabe qué silicona usar?", "Responder"],
    ["sara639", "6 de abril de 2025", "Usa silicona sanitaria y déjala curar al menos 24 horas.",
     "Responder"],
    ["diego_r", "7 de abril de 2025", "Me pasa lo mismo.", "Responder"],
]  # fmt: skip


def test_a_spanish_threads_dates_are_its_posts_times(run_stage):
    """ "5 de abril de 2025" is a post's time: a Spanish forum's thread was no thread (its
    dates unread, "de" between the day and the month) and its short replies were lost."""
    kept, _ = _clean(
        run_stage, _page(MENU, ["Silicona para la junta de la ducha"], *THREAD_ES, FOOT)
    )
    said = [x for post in THREAD_ES for x in post[:3]]  # (posters and times: the bylines)
    assert [x for x in kept if x in said] == said


# a board's thread: each poster's line with the figures of its profile box glued on, the
# replies' with the member's join date (a date, no post's time)
THREAD_DE = [
    ["thomas_k18Beiträge: 3825", "12. März 2025",
     "Hallo zusammen, meine Duschtasse ist an der Wand undicht und das Silikon löst sich. "
     "Womit dichte ich sie am besten ab?", "Antworten"],
    ["lukas180Beiträge: 2198 · Registriert seit 7. Oktober 2012", "13. März 2025",
     "Nimm Sanitärsilikon und lass es mindestens 24 Stunden aushärten.", "Antworten Zitieren"],
    ["anna296Beiträge: 398", "14. März 2025", "Kann ich bestätigen, bei mir genauso.",
     "Antworten Zitieren"],
]  # fmt: skip


def test_a_posters_line_with_its_figures_heads_a_post(run_stage):
    """ "lukas180Beiträge: 2198 · Registriert seit 7. Oktober 2012" is a poster with the
    figures of the profile box: the join date in it made it no poster, the thread ended at
    the first post and the short replies were lost."""
    page = _page(MENU, ["Duschtasse abdichten"], *THREAD_DE, FOOT)
    kept, _ = _clean(run_stage, page)
    said = [post[2] for post in THREAD_DE]
    assert [x for x in kept if x in said] == said


def test_a_threads_question_over_its_first_post_is_no_article(run_stage):
    """The thread's title, a question the line model kept as a sentence, is no article's
    text over readers' comments: the thread under it is read."""
    page = _page(MENU, ["¿Qué silicona para la ducha?"], *THREAD_ES, FOOT)
    kept, _ = _clean(run_stage, page)
    said = [post[2] for post in THREAD_ES]
    assert [x for x in kept if x in said] == said


def test_a_question_under_an_articles_text_keeps_its_comments_out(run_stage):
    """An article whose kept text ends in a question, over its readers' comments: the
    question is no thread's title, and the comments stay out (as at the session's start)."""
    from test_boilerplate_pagetypes import FILM, THREAD_EN

    comments = [x for post in THREAD_EN[2:4] for x in post]
    text = [*FILM, "Will it find the audience it deserves?"]
    kept, _ = _clean(run_stage, _page(MENU, ["A harbour film"], text, comments, FOOT))
    assert FILM[0] in kept
    assert not {"allotment_jo", "Posted 3 June 2026 - 09:12", THREAD_EN[3][2]} & set(kept)


# the forum's box of other threads under the last post: dates and question-like titles
RELATED_ES = ["También te puede interesar", "10 de diciembre de 2023",
              "Hojas de tomate amarillas, ¿qué hago mal?", "6 de marzo de 2024",
              "¿Cómo purgar los radiadores antes del invierno?", "25 de julio de 2025",
              "El wifi se corta tras actualizar el kernel"]  # fmt: skip


def test_the_other_threads_under_a_threads_last_post_go(run_stage):
    """Under a thread's last post and its buttons, the box of the forum's other threads
    (dates and question-like titles the line model kept in the posts' context) is no part
    of the thread."""
    page = _page(MENU, ["¿Qué silicona para la ducha?"], *THREAD_ES, RELATED_ES, FOOT)
    kept, _ = _clean(run_stage, page)
    said = [post[2] for post in THREAD_ES]
    assert [x for x in kept if x in said] == said
    assert not set(RELATED_ES) & set(kept)


def test_a_thread_going_on_past_an_unread_post_keeps_its_lines(run_stage):
    """A thread whose run of posts ends at a post of another form (a poster line of four
    words) goes on under it: a later poster over a time and a sentence keeps the lines
    after the run as they were."""
    odd = ["Juan Carlos de Madrid", "8 de abril de 2025", "Yo lo hice con silicona neutra.",
           "Responder"]  # fmt: skip
    more = ["lucia_m", "9 de abril de 2025", "Gracias a todos, ya está sellada.", "Responder"]
    page = _page(MENU, ["¿Qué silicona para la ducha?"], *THREAD_ES, odd, more, FOOT)
    kept, _ = _clean(run_stage, page)
    assert {odd[2], more[2]} <= set(kept)


# Small forum pages written for session 48 in the forms of real forum software, each as
# HTML and as its browser copy (research/boilerplate/prep_extra.render): a Dutch board
# (posters with their figures), a phpBB thread (de), a Stack-Exchange-like Q&A (en), a
# Reddit-like comment page (es), a Discourse topic (fr)
DATA = Path(__file__).parent / "data"


def _fixture(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _kept(run_stage, name: str) -> list[str]:
    html = name.endswith(".html")
    doc = make_document(_fixture(name), html=html, path="page.html" if html else "p")
    return run_stage(BoilerplateStage, doc).kept[0].text.split("\n")


NL_POSTS = [
    "Onze mengkraan in de badkamer blijft druppelen, ook als hij helemaal dicht staat. Moet ik "
    "het binnenwerk vervangen of de hele kraan?",
    "Meestal is het alleen het keramische binnenwerk. Dat kost een tientje en is in tien "
    "minuten gewisseld.",
    "Binnenwerk vervangen, hij is droog. Bedankt!",
]


@pytest.mark.parametrize("name", ["threads48_forum_nl.txt", "threads48_forum_nl.html"])
def test_a_box_of_other_threads_is_no_post_of_a_thread_of_figured_posters(run_stage, name):
    """A Dutch board's thread, each poster with its figures ("pieter_vBerichten: 41"), over
    a box of other threads (a label, a date, a question): the box read as one more post and
    was kept; a poster without figures under posters with them is no post of the run."""
    kept = _kept(run_stage, name)
    assert [x for x in kept if x in NL_POSTS] == NL_POSTS
    assert not {"Vergelijkbare onderwerpen", "Hoe ontkalk ik een thermostaatkraan?"} & set(kept)


def test_a_phpbb_threads_replies_stay_in_html(run_stage):
    """A phpBB thread in HTML (each post's date in a line of its own, "von Klaus W. » Mo 12.
    Feb 2024, 22:03"): its replies stay kept with the thread rules of session 48."""
    kept = _kept(run_stage, "threads48_phpbb_de.html")
    replies = [
        "Das klingt nach Luft im System. Entlüfte mal alle Heizkörper und füll danach Wasser nach.",
        "Oder die Pumpe läuft bei der Absenkung zu hoch. Welche Stufe ist eingestellt?",
    ]
    assert [x for x in kept if x in replies] == replies


@pytest.mark.parametrize("name", ["threads48_qa_en.txt", "threads48_qa_en.html"])
def test_a_question_and_its_answers_stay_whole(run_stage, name):
    """A Stack-Exchange-like page: the question and each answer's paragraphs are kept (the
    thread rules read no thread in it: its posters are under the posts)."""
    kept = _kept(run_stage, name)
    said = [
        "Is there a way to tell rsync to skip everything whose name starts with a dot?",
        "The pattern applies at every level, so hidden files inside subfolders are skipped too.",
        "Thanks, the exclude pattern did it.",
    ]
    assert [x for x in kept if x in said] == said


def test_a_threads_posters_are_named_without_their_figures(run_stage):
    """The thread's posters the stage names (the metadata stage's author: the first) are
    their names, not their profile box's figures."""
    page = _page(MENU, ["Duschtasse abdichten"], *THREAD_DE, FOOT)
    doc = run_stage(BoilerplateStage, make_document(page)).kept[0]
    assert doc.annotations["boilerplate"]["thread"]["posters"] == [
        "thomas_k18",
        "lukas180",
        "anna296",
    ]


def test_a_threads_question_over_its_first_post_goes_as_a_headline(run_stage):
    """The thread's question over its first post is its title (the record's, as an
    article's headline is): the line model kept it as a sentence."""
    kept, _ = _clean(run_stage, _page(MENU, ["¿Qué silicona para la ducha?"], *THREAD_ES, FOOT))
    assert "¿Qué silicona para la ducha?" not in kept
    assert "Me pasa lo mismo." in kept


def test_a_threads_question_under_its_trail_is_no_article(run_stage):
    """The breadcrumb trail on one line over the thread's question ends in the question
    too ("Foros › Bricolaje › ¿Qué silicona para la ducha?"), and both were kept as
    sentences: neither is an article's text over readers' comments."""
    trail = ["Foros › Bricolaje › ¿Qué silicona para la ducha?", "¿Qué silicona para la ducha?"]
    kept, _ = _clean(run_stage, _page(MENU, trail, *THREAD_ES, FOOT))
    said = [post[2] for post in THREAD_ES]
    assert [x for x in kept if x in said] == said
    assert not set(trail) & set(kept)


def test_the_buttons_between_a_threads_posts_go(run_stage):
    """The buttons under each post ("Responder") are no part of the thread: kept by the
    line model in the posts' context, they went into the record's text."""
    page = _page(MENU, ["Silicona para la junta de la ducha"], *THREAD_ES, FOOT)
    kept, _ = _clean(run_stage, page)
    said = [post[2] for post in THREAD_ES]
    assert [x for x in kept if x in said] == said
    assert "Responder" not in kept
