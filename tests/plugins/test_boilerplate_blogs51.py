"""Blogs and newsletters (s51 acc-blogs B1-B6, B11, B16, B19): code blocks and shell
sessions of a plain text, footnotes of an HTML post, Mailchimp's and the newsletter
platforms' template lines. The fixtures are written for these tests."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage


def _page(blocks: list[list[str]]) -> str:
    """A browser copy: blocks of lines, blank lines between them."""
    return "\n\n".join("\n".join(b) for b in blocks)


def _kept(run_stage: Any, text: str) -> list[str]:
    """The lines the boilerplate stage keeps of a plain text."""
    return run_stage(BoilerplateStage, make_document(text)).kept[0].text.split("\n")


# a developer blog's post as a browser copies it: a shell session whose commands hold the
# lexicon's chrome words ("app", "share", "help", "login"), a copy button, prose after it
DEV_POST = [
    ["Harbour Labs", "Blog", "Docs", "Jobs"],
    ["Moving our object store to a new region without downtime"],
    ["Priya Raman"],
    ["October 2, 2026"],
    [
        "Last quarter we moved eleven terabytes of user uploads from one region to another"
        " while the service kept running. This post walks through the steps we took and"
        " the one we would skip next time."
    ],
    ["Copying the buckets"],
    ["First, mirror the bucket with the sync command and check what it would copy:"],
    ["Copy"],
    [
        "$ rclone sync --dry-run old:app-share new:app-share --log-level INFO",
        "$ rclone sync old:app-share new:app-share --transfers 64 --checkers 128",
        "Transferred:   11.02 TiB / 11.02 TiB, 100%",
        "Checks:        4210931 / 4210931, 100%",
        "Elapsed time:  9h12m4.1s",
    ],
    [
        "The first full copy took a little over nine hours on the shared link, and the"
        " second one only moved what had changed in the meantime."
    ],
    ["Switching the clients"],
    [
        "We then changed the endpoint in the configuration of every service and rolled the"
        " change out behind a flag, one team at a time, over two days."
    ],
    [
        "Nothing broke, which is the best outcome a migration post can report. The old"
        " buckets stay read-only for another month before we delete them."
    ],
    ["Share", "Twitter", "LinkedIn"],
    ["© 2026 Harbour Labs · Privacy · Terms"],
]


def test_a_shell_session_of_a_plain_text_post_is_kept_with_the_article_after_it(
    run_stage: Any,
) -> None:
    """B1: the session's commands carry chrome words ("app", "share"): read as chrome, the
    block was removed and the article cut after it. The block is code by its shape (a
    prompt opens it, its output follows), kept whole; its copy button goes."""
    kept = _kept(run_stage, _page(DEV_POST))
    for line in DEV_POST[8]:
        assert line in kept
    assert DEV_POST[9][0] in kept  # the prose after the block
    assert DEV_POST[12][0] in kept  # and the article's end
    assert "Copy" not in kept
    assert "© 2026 Harbour Labs · Privacy · Terms" not in kept


def test_a_code_block_keeps_its_indentation(run_stage: Any) -> None:
    """B1: a kept code block's lines are written as the page has them."""
    code = [
        "def retry(call, times=3):",
        "    for attempt in range(times):",
        "        try:",
        "            return call()",
        "        except TimeoutError:",
        "            log.info('attempt %d failed', attempt)",
    ]
    blocks = [*DEV_POST[:7], code, *DEV_POST[9:]]
    kept = _kept(run_stage, _page(blocks))
    for line in code:
        assert line in kept


def test_prose_menus_and_messages_are_no_code_blocks() -> None:
    """A page's lines that carry a sign or two of code but read as text are no block: a
    PHP warning, a link, a menu, a list of items ending in ";"."""
    from corearchive_plugins.boilerplate.codeblocks import code_spans

    lines = [
        "Home | About | Contact",
        "",
        "Strict Standards: Non-static method Gallery::get_option() should not be called"
        " statically in /www/wp-content/plugins/gallery.php on line 813",
        "",
        "https://www.example.org/news/detail/?tx_news_pi1=12&cHash=ab_cd",
        "",
        "  • buy fewer devices ;",
        "  • repair rather than replace ;",
        "",
        "[ reply ]",
    ]
    assert code_spans(lines) == []


def _html(body: str, title: str = "Counting the river's floods") -> str:
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/about'>About</a></nav></header>"
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer><p>© 2026 River Notes</p></footer></body></html>"
    )


_PARAS = (
    "<p>Flood records along the lower river go back to the fourteenth century, when the"
    " town's clerks began to note the height of the water on the bridge piers.<sup><a"
    " href='#fn1' id='fnref1'>1</a></sup></p>"
    "<p>Read together, the marks show that the great floods came in clusters, with long"
    " quiet decades between them, rather than at random intervals.<sup><a href='#fn2'"
    " id='fnref2'>2</a></sup></p>"
    "<p>We compared the clerks' notes with the tree-ring series of the valley and found the"
    " same clusters in both, which makes a copying error unlikely.</p>"
)
_NOTES = (
    "Town archive, bridge accounts 1342-1790, volumes 3 to 41.",
    "Helga Brandt: Floods of the lower river, Hydrology Letters 12 (2019), pp. 33-58.",
)


def test_footnotes_with_back_links_are_kept_in_html(run_stage: Any) -> None:
    """B2: trafilatura dropped a note list whose notes end in a back link ("↩"); the
    back link is no word of the note, the notes are the article's."""
    notes = "".join(
        f"<li id='fn{i}'><p>{n} <a href='#fnref{i}' class='footnote-back'>↩</a></p></li>"
        for i, n in enumerate(_NOTES, 1)
    )
    html = _html(_PARAS + f"<section class='footnotes'><hr><ol>{notes}</ol></section>")
    text = run_stage(BoilerplateStage, make_document(html, html=True, path="doc.html")).kept[0].text
    for n in _NOTES:
        assert any(line.endswith(n) for line in text.split("\n")), text
    assert "↩" not in text


def test_a_copy_button_glued_to_a_code_block_is_not_added() -> None:
    """B4: the page's rendering wrote a code block's "Copy" button on the block's first
    line; refine took that line, sure content by the model, for one trafilatura lacked and
    added it next to trafilatura's own first line of the block."""
    from types import SimpleNamespace

    import numpy as np

    from corearchive_plugins.boilerplate.refine import refine

    kept = [
        "The clusters come out of a short function over the yearly maxima:",
        "clusters <- function(x, gap = 12) {",
        "  runs <- cumsum(c(1, diff(x) > gap))",
        "}",
        "We compared the clerks' notes with the tree-ring series of the valley.",
    ]
    rendered = [kept[0], "Copyclusters <- function(x, gap = 12) {", *kept[2:]]
    d = SimpleNamespace(score=np.full(len(rendered), 0.95), stripped=rendered, X=None, why={})
    new, _, added = refine("\n".join(kept), d)
    assert added == 0
    assert new.split("\n") == kept


def test_mailchimp_footers_in_other_languages_are_mail_furniture() -> None:
    """B3: Mailchimp writes its footer in the list's language; the French, German and
    Spanish lines (and the copyright and address lines among them) were kept as text."""
    from corearchive_plugins.boilerplate.mailing import release_furniture

    body = [
        "Chers membres,",
        "Le jardin partagé ouvre ses nouvelles parcelles au printemps, inscrivez-vous avant"
        " la fin du mois auprès du bureau.",
        "À bientôt au jardin,",
        "Le bureau",
    ]
    footers = {
        "fr": [
            "Voir ce courriel dans votre navigateur",
            "Copyright © 2026 Jardin des Lilas, tous droits réservés.",
            "Notre adresse postale est :",
            "Jardin des Lilas, 4 rue des Vignes, 33000 Bordeaux",
            "Vous souhaitez modifier la façon dont vous recevez nos courriels ?",
            "Vous pouvez mettre à jour vos préférences ou vous désinscrire de cette liste.",
        ],
        "de": [
            "Diese E-Mail im Browser ansehen",
            "Copyright © 2026 Gartenverein Lilien, Alle Rechte vorbehalten.",
            "Möchten Sie ändern, wie Sie diese E-Mails erhalten?",
            "Sie können Ihre Einstellungen aktualisieren oder sich von dieser Liste abmelden.",
        ],
        "es": [
            "Copyright © 2026 Huerto Las Lilas, todos los derechos reservados.",
            "¿Quieres cambiar cómo recibes estos correos?",
            "Puedes actualizar tus preferencias o darte de baja de esta lista.",
        ],
    }
    for footer in footers.values():
        lines = body + footer
        assert sorted(release_furniture(lines)) == list(range(len(body), len(lines)))
    # a copyright line alone, with no e-mail's line around it, is a site's notice: not so
    alone = [*body, "Copyright © 2026 Jardin des Lilas, tous droits réservés."]
    assert release_furniture(alone) == {}


def test_newsletter_platforms_boxes_are_mail_furniture() -> None:
    """B6: Substack's "Thanks for reading NAME! Subscribe for free ..." (and its
    translations) and Ghost's "Sign up for NAME" are the platform's template lines; a
    post's own thanks and a how-to's step are not."""
    from corearchive_plugins.boilerplate.mailing import is_mail_furniture

    for line in (
        "Thanks for reading Harbour Notes! Subscribe for free to receive new posts and"
        " support my work.",
        "Gracias por leer Diario del huerto. Suscríbete gratis para recibir nuevas"
        " publicaciones y apoyar mi trabajo.",
        "Harbour Notes is a reader-supported publication. To receive new posts and support"
        " my work, consider becoming a free or paid subscriber.",
        "Sign up for Harbour Notes",
    ):
        assert is_mail_furniture(line), line
    for line in (
        "Thanks for reading, as always. Tell me what your own garden looks like this year.",
        "Gracias por leer. La semana que viene, la segunda parte del huerto.",
        "Sign up for the museum's tour using the same email as your ticket order.",
    ):
        assert not is_mail_furniture(line), line


def test_post_footer_bylines_and_dashed_read_times_are_widgets() -> None:
    """B11: Blogger's "Posted by NAME at 10:14 AM" and a theme's "— 6 min de lecture" were
    kept in the text; a sentence that says who posted something is the text's."""
    from corearchive_plugins.boilerplate.chrome import reading_widgets

    lines = [
        "Posted by Ines Marlow at 9:42 PM",
        "— 6 min de lecture",
        "Postado por Ana Lima às 18:30",
        "· 4 min read",
        "The notice was posted by the clerk at 9:30 on Monday, a day before the vote.",
    ]
    assert sorted(reading_widgets(lines, [True] * len(lines))) == [0, 1, 2, 3]


# a newsletter issue as a browser copies it from the platform's web page
LETTER = [
    ["The Allotment Letter", "Home", "Archive", "About"],
    ["Issue 41: the first frost"],
    ["Maren Holt"],
    ["November 20, 2026"],
    [
        "The first frost came on Tuesday night, two weeks earlier than last year, and took"
        " the last of the beans with it. The leeks and the kale did not mind at all."
    ],
    [
        "This week I moved the seed potatoes into the shed and covered the rhubarb crowns"
        " with straw. If you have not done so yet, there is still time before the cold sets"
        " in properly."
    ],
    ["Until next week,"],
    ["Maren"],
    ["P.S. The seed swap moved to the church hall on Saturday at ten; bring labelled envelopes."],
    ["Share", "Like", "Comment"],
    ["© 2026 Maren Holt · Privacy · Terms"],
    ["Start writing", "Get the app"],
]


def test_a_newsletters_sign_off_and_ps_are_kept(run_stage: Any) -> None:
    """B5: the valediction, the writer's name and the P.S. under the letter's last
    paragraph were read as the page's trailer; they are the letter's."""
    kept = _kept(run_stage, _page(LETTER))
    for line in ("Until next week,", "Maren", LETTER[8][0]):
        assert line in kept, kept
    assert "© 2026 Maren Holt · Privacy · Terms" not in kept
    assert "Get the app" not in kept


def test_a_cite_this_post_box_is_removed(run_stage: Any) -> None:
    """B16: a research blog's citation box (its label, the post's reference, its copy
    button) under the post is the page's apparatus; the post's own references stay."""
    post = [
        ["Field Notes in Hydrology", "Blog", "Team", "Contact"],
        ["What the clerks saw: flood marks on the old bridge"],
        ["Jonas Weller, November 4, 2026"],
        [
            "The bridge's piers carry flood marks from six centuries. We read them against"
            " the town's accounts and the tree-ring series of the valley and found the same"
            " clusters of great floods in all three."
        ],
        [
            "[1] Brandt, H. (2019). Floods of the lower river. Hydrology Letters, 12, 33-58."
            " https://doi.org/10.1000/hl.2019.12"
        ],
        ["Cite this post"],
        [
            "Weller, J. (2026, November 4). What the clerks saw: flood marks on the old bridge."
            " Field Notes in Hydrology. https://doi.org/10.1000/fnh.2026.41"
        ],
        ["Copy citation"],
        ["Leave a comment"],
    ]
    kept = _kept(run_stage, _page(post))
    assert post[4][0] in kept
    assert "Cite this post" not in kept
    assert post[6][0] not in kept
    assert "Copy citation" not in kept


def test_a_copy_button_over_a_code_blocks_lead_in_is_removed(run_stage: Any) -> None:
    """B19: the rendering set the block's button ("Kopieren") over the lead-in line of the
    block; it is the block's, not the text's."""
    blocks = [
        *DEV_POST[:6],
        [
            "Vorher prüfen wir, was der Abgleich kopieren würde, und lassen den Lauf erst dann"
            " richtig los, wenn die Liste stimmt."
        ],
        ["Kopieren"],
        ["Der Probelauf zeigt das:"],
        DEV_POST[8],
        *DEV_POST[9:],
    ]
    kept = _kept(run_stage, _page(blocks))
    assert "Kopieren" not in kept
    assert DEV_POST[8][0] in kept


def test_lists_of_an_archived_mailchimp_issue_are_kept(run_stage: Any) -> None:
    """B3: trafilatura dropped the lists in a Mailchimp template's text cells (a layout
    table's); they are the issue's."""
    items = ("Plot fee: £35 a year", "Water from April to October", "Tools in the shed")

    def cell(inner: str) -> str:
        return f"<tr><td class='mcnTextContent'>{inner}</td></tr>"

    rows = [
        cell("<h1>Allotments: the new season</h1>"),
        cell(
            "<p>Dear members, the new season starts on the first of March, and this year"
            " we have eight new plots on the east side of the site for those on the list.</p>"
        ),
        cell("<p>What the plot comes with:</p>"),
        *(cell(f"<ul><li>{i}</li></ul>") for i in items),
        cell(
            "<p>Please tell us by the end of February whether you keep your plot, so that"
            " we can offer the free ones to the people waiting for one.</p>"
        ),
        cell("<p>Unsubscribe from this list | Update your preferences</p>"),
    ]
    html = (
        "<!doctype html><html><head><title>Allotments: the new season</title></head><body>"
        "<center><table class='templateContainer'>" + "".join(rows) + "</table></center>"
        "</body></html>"
    )
    doc = make_document(html, html=True, path="issue.html")
    lines = run_stage(BoilerplateStage, doc).kept[0].text.split("\n")
    for i in items:
        assert any(ln.endswith(i) for ln in lines), lines


def test_an_issues_own_copyright_credit_and_heading_between_its_mail_lines_are_kept() -> None:
    """A footer's lines are those next to Mailchimp's own: an issue with "View this email in
    your browser" at its top and "Unsubscribe" at its bottom holds its whole article between
    them, whose heading on copyright and photo credit are no footer's (finalrev_A)."""
    from corearchive_plugins.boilerplate.mailing import release_furniture

    lines = [
        "View this email in your browser",
        "",
        "Weekly Policy Notes",
        "",
        "Copyright reform: what the new directive means",
        "",
        "The directive passed on Tuesday after three years of talks between the member states.",
        "",
        "© Anna Berg / Parliament photo service",
        "",
        "More next week.",
        "",
        "Copyright © 2026 Policy Notes, All rights reserved.",
        "",
        "Unsubscribe | Update preferences",
    ]
    out = release_furniture(lines, [bool(s) for s in lines])
    assert sorted(out) == [0, 12, 14]


def test_the_attribute_index_follows_the_links_the_html_path_takes_out(
    run_stage: Any, monkeypatch: Any
) -> None:
    """The footnotes' back links are taken out of the tree before trafilatura reads it: the
    attribute index it is given is built after, or its positions point at other elements
    (a comments box's class was found on none; finalrev_A)."""
    import corearchive_plugins.boilerplate as bp

    seen: list[tuple[Any, Any]] = []
    main_text = bp.BoilerplateStage._main_text

    def spy(self: Any, doc: Any, tree: Any, index: Any) -> Any:
        seen.append((tree, index))
        return main_text(self, doc, tree, index)

    monkeypatch.setattr(bp.BoilerplateStage, "_main_text", spy)
    notes = "".join(
        f"<li id='fn{i}'><p>{n} <a href='#fnref{i}' class='footnote-back'>↩</a></p></li>"
        for i, n in enumerate(_NOTES, 1)
    )
    html = _html(
        _PARAS + f"<section class='footnotes'><hr><ol>{notes}</ol></section>"
        "<div class='comments'><p>Thanks for this post, a reader writes.</p></div>"
    )
    run_stage(BoilerplateStage, make_document(html, html=True, path="doc.html"))
    tree, index = seen[0]
    found = index.candidates((("sub", "comments"),))
    assert [e.get("class") for e in found] == ["comments"]
    assert all(e.getroottree().getroot() is tree.getroottree().getroot() for e in found)
