"""Forum threads and Q&A pages (session 50): a thread's replies in HTML when trafilatura
gave its first post twice, Q&A in HTML, vBulletin's and Reddit's heads, readers' comments
under an article, and the thread's poster as an HTML forum's author."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage


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
