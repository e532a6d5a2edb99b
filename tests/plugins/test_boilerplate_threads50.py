"""Forum threads and Q&A pages (session 50): a thread's replies in HTML when trafilatura
gave its first post twice, Q&A in HTML, vBulletin's and Reddit's heads, readers' comments
under an article, and the thread's poster as an HTML forum's author."""

from __future__ import annotations

from typing import Any

import pytest

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage
from corearchive_plugins.metadata import MetadataStage


def _boxes(cls: str, texts: list[str]) -> str:
    return "".join(
        f"<div class='{cls}'><b>poster{i}</b><div class='date'>1{i}. Januar 2025</div>"
        f"<div class='body'><p>{t}</p></div></div>"
        for i, t in enumerate(texts)
    )


_THREAD = [
    "Das Offensichtliche habe ich schon probiert, aber bisher hat nichts geholfen.",
    "Nimm Sanitärsilikon und lass es mindestens 24 Stunden aushärten.",
    "Kann ich bestätigen, bei mir genauso.",
]


def test_a_first_post_given_twice_still_heads_the_thread() -> None:
    """trafilatura's text has the first post twice, once glued to the title and date (a
    table's layout): the glued line is the post again, not other prose, and the replies
    come back."""
    from lxml import html as lh

    from corearchive_plugins.boilerplate.records import thread_posts

    tree = lh.fromstring(f"<html><body><main>{_boxes('post', _THREAD)}</main></body></html>")
    title = "Wie dichte ich eine Duschtasse richtig ab?"
    text = "\n".join(
        [_THREAD[0], title, "10. Januar 2025", f"{title} 10. Januar 2025 {_THREAD[0]}"]
    )
    assert thread_posts(tree, text) == _THREAD[1:]


def test_a_title_asked_as_a_question_is_no_prose_beside_the_first_post() -> None:
    """The thread's title ends in a question mark (a sentence by its end) and is the
    page's <h1>: it does not count against the first post, and the replies come back."""
    from lxml import html as lh

    from corearchive_plugins.boilerplate.records import thread_posts

    title = "¿Cómo sellar bien un plato de ducha con silicona sin que salga moho?"
    posts = ["He probado lo típico pero nada ha funcionado.", "Usa silicona sanitaria.",
             "Yo también lo confirmo."]  # fmt: skip
    html = f"<html><body><main><h1>{title}</h1>{_boxes('post', posts)}</main></body></html>"
    tree = lh.fromstring(html)
    assert thread_posts(tree, "\n".join([posts[0], title, "10. Januar 2025"])) == posts[1:]


def test_a_whole_thread_page_keeps_its_replies_in_html(run_stage: Any) -> None:
    """The page as a table's layout gives it (the post twice in trafilatura's text): every
    reply is kept."""
    title = "Wie dichte ich eine Duschtasse richtig ab?"
    posts = "".join(
        f"<div class='post'><div class='author'><b>user{i}</b><small>Beiträge: 3{i}25</small>"
        f"</div><div class='date'>1{i}. Januar 2025</div><div class='body'><p>{t}</p></div>"
        "<div class='actions'><a href='#'>Antworten</a> <a href='#'>Zitieren</a></div></div>"
        for i, t in enumerate(_THREAD)
    )
    menu = "".join(f"<li><a href='/m{i}'>{w}</a></li>" for i, w in enumerate(["Start", "Blog"]))
    html = (
        "<html><body><table><tr><td><a class='skip-link' href='#main'>Zum Inhalt springen</a>"
        f"<nav><ul>{menu}</ul></nav></td></tr><tr><td><main id='main'><div class='content'>"
        f"<h1>{title}</h1>\n{posts}\n</div></main></td></tr></table></body></html>"
    )
    doc = make_document(html, html=True, path="page.html")
    kept = run_stage(BoilerplateStage, doc).kept[0].text.split("\n")
    assert [x for x in kept if x in _THREAD[1:]] == _THREAD[1:]


def _qa_post(kind: str, votes: int, paras: list[str], stamp: str, who: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<div class='{kind}'><div class='votes'>{votes}</div><div class='body'>{body}</div>"
        "<div class='menu'><a>Share</a> <a>Improve this answer</a> <a>Follow</a></div>"
        f"<div class='owner'>{stamp} <a>{who}</a> 2,311 4 19</div>"
        "<div class='comments'><a>Add a comment</a></div></div>"
    )


QA_ANSWERS = [
    "Set the variable in the service file with an Environment= line, then reload the daemon.",
    "On newer versions you can also run systemctl edit and put the line in the override file.",
    "If the value holds spaces, quote the whole assignment or it is split at the first space.",
]


def test_a_qa_pages_answers_left_out_by_trafilatura_come_back_in_html(run_stage: Any) -> None:
    """A Q&A page in HTML: trafilatura keeps the question and the first answer, the line
    model reads the short answers among the votes and buttons as their like; the Q&A rule
    on the page's rendering gives the answers back, without the votes."""
    question = [
        "My service does not see the variables I export in my shell profile.",
        "Where do I set them so that the service gets them at boot?",
    ]
    posts = [_qa_post("question", 12, question, "asked Jan 4, 2024 at 8:15", "ola_n")]
    for i, a in enumerate(QA_ANSWERS):
        posts.append(_qa_post("answer", 30 - 9 * i, [a], f"answered Jan {5 + i}, 2024 at 9:0{i}",
                              f"user_{i}"))  # fmt: skip
    html = (
        "<html><head><title>Environment of a systemd service - Q&amp;A</title></head><body>"
        "<header><a>Questions</a> <a>Tags</a> <a>Users</a> <a>Log in</a></header>"
        "<h1>Environment of a systemd service</h1>"
        f"{posts[0]}<h2>3 Answers</h2>{''.join(posts[1:])}"
        "<aside><h3>Related</h3><ul><li><a>How to start a service after the network?</a></li>"
        "</ul></aside><footer>About · Help · Privacy</footer></body></html>"
    )
    doc = make_document(html, html=True, path="page.html")
    kept = run_stage(BoilerplateStage, doc).kept[0].text.split("\n")
    assert [x for x in kept if x in QA_ANSWERS] == QA_ANSWERS
    assert [x for x in kept if x in question] == question
    assert not [x for x in kept if x.isdigit()]


PHPBB_POSTS = [
    "Since last week my bike's rear brake squeals on every stop, even after a dry night. "
    "The pads look fine to me. Has anyone got an idea what causes that?",
    "Sounds like oil on the disc. Clean it with alcohol and sand the pads lightly.",
    "Or the caliper is loose on its mount. Did you check the bolts yet?",
    "Cleaning the disc did it, it is quiet now. Thanks a lot!",
]


def test_a_thread_read_from_the_pages_text_keeps_its_last_post(run_stage: Any) -> None:
    """A phpBB-like thread, each post a box of one short paragraph: trafilatura keeps next
    to nothing and the page's visible text is read by the line model; the thread's rules
    read the posts under their one-line heads and keep the last, a short thanks."""
    who = ["wheelie_tom", "Anna K.", "spoke_sam", "wheelie_tom"]
    days = ["Mon Feb 12, 2024 9:14 pm", "Mon Feb 12, 2024 10:03 pm",
            "Tue Feb 13, 2024 7:45 am", "Thu Feb 15, 2024 6:20 pm"]  # fmt: skip
    posts = "".join(
        f"<div class='post bg{i % 2 + 1}'><div class='inner'><dl class='postprofile'><dt>"
        f"<a>{w}</a></dt><dd>Posts: {12 + 300 * i}</dd><dd>Joined: 3 Jan 2020</dd></dl>"
        f"<div class='postbody'><h3>{'Re: ' if i else ''}Rear brake squeals</h3>"
        f"<p class='author'>by {w} » {t}</p><div class='content'>{p}</div></div></div></div>"
        for i, (w, t, p) in enumerate(zip(who, days, PHPBB_POSTS, strict=True))
    )
    html = (
        "<html><head><title>Rear brake squeals - Bike Board</title></head><body>"
        "<div class='headerbar'><a>Bike Board</a> <a>Board index</a> <a>FAQ</a> "
        "<a>Register</a> <a>Login</a></div><div id='page-body'>"
        "<h2 class='topic-title'>Rear brake squeals</h2><div class='action-bar'>"
        "<a>Post Reply</a> <span>4 posts • Page 1 of 1</span></div>"
        f"{posts}<div class='action-bar'><a>Post Reply</a> <span>4 posts • Page 1 of 1</span>"
        "</div><div class='jumpbox'><a>Return to “Brakes”</a> <a>Jump to</a></div>"
        "<div class='stat-block'><h3>Who is online</h3><p>Users browsing this forum: "
        "No registered users and 2 guests</p></div></div><div class='footer'><a>Privacy</a>"
        " <a>Terms</a> Powered by phpBB® Forum Software © phpBB Limited</div></body></html>"
    )
    doc = make_document(html, html=True, path="page.html")
    kept = run_stage(BoilerplateStage, doc).kept[0].text.split("\n")
    assert [x for x in kept if x in PHPBB_POSTS] == PHPBB_POSTS


_BOARD_POSTS = [
    "Our kitchen tap keeps dripping even when it is closed all the way. Do I replace the "
    "cartridge or the whole tap?",
    "Usually it is only the ceramic cartridge. It costs a few euros and takes ten minutes.",
    "Swapped the cartridge this morning and it is dry now. Thanks!",
]


def _board(who: list[str]) -> str:
    posts = "".join(
        f"<div class='post'><div class='author'><b>{w}</b><small>Posts: {41 + 900 * i}"
        f"</small></div><div class='date'>{2 + i} August 2025</div><div class='body'>"
        f"<p>{p}</p></div></div>"
        for i, (w, p) in enumerate(zip(who, _BOARD_POSTS, strict=True))
    )
    return (
        "<html><head><title>Dripping kitchen tap - DIY Board</title></head><body>"
        "<nav><a>Forum</a> <a>Plumbing</a></nav><main><h1>Dripping kitchen tap</h1>"
        f"{posts}</main><footer>DIY Board · Privacy · Terms</footer></body></html>"
    )


def test_an_html_threads_author_is_its_first_poster_not_a_name_glued_to_a_count(
    run_stage: Any,
) -> None:
    """trafilatura's metadata read the first post's author box as "Tap Dan Posts" (the
    poster's name glued to the label of their post count): the thread's own first poster
    is the page's author."""
    doc = make_document(_board(["tap_dan", "plumber_joe", "tap_dan"]), html=True,
                        path="page.html")  # fmt: skip
    doc = run_stage(BoilerplateStage, doc).kept[0]
    assert doc.annotations["boilerplate"]["thread"]["posters"][0] == "tap_dan"
    doc = run_stage(MetadataStage, doc).kept[0]
    assert doc.authors == ["tap_dan"]


def test_a_name_glued_to_a_count_label_is_no_author() -> None:
    from corearchive_plugins.metadata import _count_labelled

    page = "<b>tap_dan</b><small>Posts: 41</small>"
    assert _count_labelled(["Tap Dan Posts"], page)
    assert not _count_labelled(["Dan Posts"], "<p>Posts are closed.</p>")
    assert not _count_labelled(["Anna Berg"], "<p>Anna Berg</p><small>Posts: 4</small>")


_QA_TEXT = """Questions Tags Users Companies Log in Sign up

How do I give a systemd service its environment?

Asked 2 years, 3 months ago Modified 8 months ago Viewed 48k times

12

My service does not see the variables I export in my shell profile.

Where do I set them so that the service gets them at boot?

linux systemd environment-variables

Share Improve this question Follow

asked Jan 4, 2024 at 8:15
ola_n
2,311 4 19

2 Answers

30

Set the variable in the service file with an Environment= line, then reload the daemon.

Share Improve this answer Follow

answered Jan 5, 2024 at 9:00
user_0
9,102 3 41

4

On newer versions you can also run systemctl edit and put the line in the override file.

Share Improve this answer Follow

answered Jan 6, 2024 at 9:01
user_1
511 1 7

Related

How to start a service after the network is up?

About Help Privacy Terms
"""


def test_a_questions_figures_over_it_go(run_stage: Any) -> None:
    """The question's figures over its text ("Asked 2 years, 3 months ago Modified 8 months
    ago Viewed 48k times": 12 words, no small line) go with the rest of the Q&A page's
    chrome; the question and the answers stay."""
    doc = make_document(_QA_TEXT)
    kept = run_stage(BoilerplateStage, doc).kept[0].text.split("\n")
    assert not [x for x in kept if "Viewed" in x]
    assert [x for x in kept if x.startswith(("My service", "Where do", "Set the", "On newer"))]
    assert len([x for x in kept if x.endswith((".", "?"))]) >= 4


_VB_THREAD = """Fix-It Forums Forum What's New? Log in Register

Forum › Home › Heating

Radiator stays cold upstairs

Page 1 of 1

11-02-2024, 07:41 PM #1

coldfeet_ann Junior Member 12 posts Join Date: Oct 2024

The radiator upstairs stays cold while the others are hot. I bled it twice. What else?

Reply Quote 0 likes

11-02-2024, 08:15 PM #2

heatpro_rick Senior Member 3,870 posts Join Date: Mar 2009

Check whether the lockshield valve on the other side is open. Someone may have shut it.

Reply Quote 7 likes

11-03-2024, 09:02 AM #3

coldfeet_ann Junior Member 13 posts Join Date: Oct 2024

That was it. Warm again, thanks!

Reply Quote 2 likes

Similar Threads

Boiler pressure drops overnight 10-21-2024

Contact Us Archive Top All times are GMT-5. Powered by vBulletin® © 2024 vBulletin Solutions
"""


def test_a_thread_with_its_times_over_its_posters_is_read(run_stage: Any) -> None:
    """vBulletin's order: each post's time (with its number) over its poster with the
    profile box's figures over its text. The thread is read: every post stays, the posters
    written as names, the similar threads under it go."""
    doc = run_stage(BoilerplateStage, make_document(_VB_THREAD)).kept[0]
    kept = doc.text.split("\n")
    assert "That was it. Warm again, thanks!" in kept
    assert [x for x in kept if x.startswith(("The radiator", "Check whether", "That was"))] == [
        x
        for x in _VB_THREAD.split("\n")
        if x.startswith(("The radiator", "Check whether", "That was"))
    ]
    assert doc.annotations["boilerplate"]["thread"]["posters"] == [
        "coldfeet_ann", "heatpro_rick", "coldfeet_ann"
    ]  # fmt: skip
    assert not [x for x in kept if "Join Date" in x or "Boiler pressure" in x]


def test_a_dateline_over_a_bare_name_is_no_thread_head() -> None:
    """A time over a poster is read only with the poster's figures: an article's dateline
    over its author's name is no post's head."""
    from corearchive_plugins.boilerplate.structures import _time_over_poster

    assert _time_over_poster(["03-14-2025, 09:12 PM #1", "garage_mike Junior Member 42 posts "
                              "Join Date: Feb 2024"], 0, [False, False])  # fmt: skip
    assert not _time_over_poster(["14 March 2025, 09:12", "Jane Doe"], 0, [False, False])


_REDDIT_OP = """reddit Search Reddit Log In Get the app

r/bicycles Members 84k Join

r/bicycles · 3 days ago

u/rusty_chain

Is it worth fixing up a 1990s steel frame?

I found an old steel road bike in my parents' shed. The frame looks fine, the rest is worn.

152 37 comments Share

spokes_amy · 3 days ago

Yes, steel frames last forever. New cables, tyres and a chain and it rides like new.

48 Reply Share

gearhead_88 · 2 days ago

Did exactly that last year and it is now my favourite bike.

21 Reply Share

rusty_chain · 1 day ago

Done, it rides great. Thanks!

9 Reply Share

Related posts
Best tyres for an old road bike? Converting downtube shifters

Reddit Rules Privacy Policy User Agreement Reddit, Inc. © 2025
"""


def test_an_opening_post_with_its_poster_and_title_under_its_head_is_read(run_stage):
    """Reddit's opening post: its one-line head ("r/bicycles · 3 days ago"), then its poster
    alone and its title over its text. The thread is read from it: every comment stays,
    the opening poster is the thread's first."""
    doc = run_stage(BoilerplateStage, make_document(_REDDIT_OP)).kept[0]
    kept = doc.text.split("\n")
    said = [x for x in _REDDIT_OP.split("\n") if x.endswith((".", "!"))]
    assert [x for x in kept if x in said] == said
    assert doc.annotations["boilerplate"]["thread"]["posters"][:2] == [
        "u/rusty_chain",
        "spokes_amy",
    ]
    assert not [x for x in kept if "Related" in x or "Converting" in x]


def test_a_reply_that_trafilatura_took_for_the_article_brings_the_thread_back() -> None:
    """trafilatura kept the thread's third post, not its first: the other posts come back."""
    from lxml import html as lh

    from corearchive_plugins.boilerplate.records import thread_posts

    posts = [*_THREAD, "Danke, das war's! Ich markiere das Thema als gelöst."]
    tree = lh.fromstring(f"<html><body><main>{_boxes('post', posts)}</main></body></html>")
    title = "Duschtasse abdichten?"
    text = "\n".join([title, posts[1], f"{title} 11. Januar 2025 {posts[1]}"])
    assert thread_posts(tree, text) == [posts[0], posts[2], posts[3]]


@pytest.mark.parametrize(
    ("line", "back"),
    [
        ("Highest score (default)", False),
        ('While "werden" has the meaning become,', True),
        ("rsync -av --exclude='.*' ~/ /mnt/backup/", True),
        ("Unless of what?", True),
    ],
)
def test_only_an_answers_sentences_and_code_come_back_in_html(line: str, back: bool) -> None:
    """A sort menu's label between the question's comments and the first answer (Stack
    Exchange's "Highest score (default)") is no answer's line."""
    from corearchive_plugins.boilerplate.refine import _answer_line

    assert _answer_line(line) is back
