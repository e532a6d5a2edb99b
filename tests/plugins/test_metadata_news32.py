"""Metadata stage: the s32 news-types acceptance findings (live blogs, wire bylines, the
site name): an "Updated <time> <date>" line is the page's update, not its publication; a
LiveBlogPosting's own headline and authors, not its updates'; wire bylines."""

from __future__ import annotations

import pytest

from corearchive.testing import make_document
from corearchive_plugins.metadata import MetadataStage

PARAS = [
    f"Paragraph {i}: the city council voted on Tuesday to approve the new bridge budget, and"
    " residents said the decision had taken far too long to arrive after years of delay."
    for i in range(6)
]
BODY = "\n\n".join(PARAS)
_PUBLISHED_META = "<meta property='article:published_time' content='2019-11-20T05:52:00-05:00'>"


def _html(update: str = "", head: str = "", byline: str = "By Jane Doe", body: str = "") -> str:
    paras = body or "".join(f"<p>{p}</p>" for p in PARAS)
    upd = f"<div class='updated'>{update}</div>" if update else ""
    return (
        "<!DOCTYPE html><html><head><title>Council approves bridge budget</title>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Council approves bridge budget</h1><p class='byline'>{byline}</p>"
        f"{upd}{paras}</article><footer>© 2019 Example News</footer></body></html>"
    )


def _record(run_stage, content: str, html: bool, at: str = "2019-11-22T18:00:00Z"):  # type: ignore[no-untyped-def]
    doc = make_document(content, html=html, uri="https://news.example/bridge", fetched_at=at)
    return run_stage(MetadataStage, doc).kept[0]


@pytest.mark.parametrize(
    "update",
    [
        "Updated 2:10 p.m. ET Nov. 22, 2019",
        "Updated 9:00 AM EST Nov 22, 2019",
        "Last updated 14:30 GMT, 22 November 2019",
        "Aktualisiert 14:30 Uhr, 22.11.2019",
    ],
)
def test_an_update_with_a_time_does_not_beat_the_markup_publication_date(
    run_stage, update: str
) -> None:
    """#1: the update's cue stood before a time of day, so the date after it was read as
    uncued, and a live blog's ``published`` moved with every capture."""
    doc = _record(run_stage, _html(update, _PUBLISHED_META), html=True)
    assert doc.published == "2019-11-20T05:52:00-05:00", update


def test_an_update_of_the_publication_day_keeps_the_publication_time(run_stage) -> None:
    """#1, the same day: the page's publication instant, not the update's time."""
    doc = _record(run_stage, _html("Updated 2:10 p.m. ET Nov. 20, 2019", _PUBLISHED_META), True)
    assert doc.published == "2019-11-20T05:52:00-05:00"


def test_an_update_with_a_time_does_not_beat_a_dateline_in_text(run_stage) -> None:
    """#1 in plain text: the dateline above, the update with its time below the byline."""
    text = (
        "Home\n\nNews\n\nNov. 20, 2019\n\nCouncil approves bridge budget\n\nBy Jane Doe\n\n"
        f"Updated 2:10 p.m. ET Nov. 22, 2019\n\n{BODY}\n\n© 2019 Example News"
    )
    doc = _record(run_stage, text, html=False)
    assert doc.published == "2019-11-20"
    assert "Updated 2:10" not in doc.text


def _live_blog(graph: bool) -> str:
    import json

    posting = {
        "@type": "LiveBlogPosting",
        "headline": "Ohio election day 2026: live updates",
        "datePublished": "2026-11-18T14:05:00Z",
        "author": [
            {"@type": "Person", "name": "Maria Chen"},
            {"@type": "Person", "name": "Tom Baxter"},
        ],
        "liveBlogUpdate": [
            {"@type": "BlogPosting", "headline": "Polls open across the state"},
            {"@type": "BlogPosting", "headline": "Governor casts her ballot"},
        ],
    }
    ld = {"@context": "https://schema.org", **({"@graph": [posting]} if graph else posting)}
    head = (
        "<meta name='author' content='Maria Chen'>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    )
    entries = "".join(
        f"<div class='entry'><h3>{h}</h3><p>{p}</p></div>"
        for h, p in zip(
            ["Polls open across the state", "Governor casts her ballot"], PARAS[:2], strict=True
        )
    )
    return _html(head=head, byline="By Maria Chen and Tom Baxter", body=entries).replace(
        "<h1>Council approves bridge budget</h1>", "<h1>Ohio election day 2026: live updates</h1>"
    )


@pytest.mark.parametrize("graph", [False, True])
def test_a_live_blog_is_titled_and_authored_by_its_posting_not_its_updates(
    run_stage, graph: bool
) -> None:
    """#2: trafilatura reads a LiveBlogPosting's ``liveBlogUpdate`` entries in its place:
    the title was the first entry's headline, the second author lost."""
    doc = _record(run_stage, _live_blog(graph), html=True)
    assert doc.title == "Ohio election day 2026: live updates"
    assert doc.authors == ["Maria Chen", "Tom Baxter"]


_KF = ["Kevin Freking", "Lisa Mascaro"]


@pytest.mark.parametrize(
    ("byline", "authors", "agencies"),
    [
        ("By KEVIN FREKING and LISA MASCARO", _KF, None),
        ("By KEVIN FREKING and LISA MASCARO Associated Press", _KF, ["AP"]),
        ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"], ["Reuters"]),
        ("From The Associated Press", [], ["AP"]),
        ("Associated Press", [], ["AP"]),
        ("Reuters", [], ["Reuters"]),
        ("Von dpa", [], ["dpa"]),
        ("AFP", [], ["AFP"]),
        ("By Stan Choe, AP Business Writer", ["Stan Choe"], ["AP"]),
        ("KEVIN FREKING and LISA MASCARO · Associated Press · 3 min read",
         _KF, ["AP"]),
    ],
)  # fmt: skip
def test_wire_bylines(
    run_stage, byline: str, authors: list[str], agencies: list[str] | None
) -> None:
    """#9: an agency is no author, but recorded; a wire role is no author; names in capitals
    in name case."""
    doc = _record(run_stage, _html(byline=byline), html=True)
    assert doc.authors == authors
    assert doc.annotations["metadata"].get("agencies") == agencies


def test_a_wire_dateline_names_the_agency(run_stage) -> None:
    """#9: "WASHINGTON (AP) —" at the start of the story credits AP."""
    body = f"<p>WASHINGTON (AP) — {PARAS[0]}</p>" + "".join(f"<p>{p}</p>" for p in PARAS[1:])
    doc = _record(run_stage, _html(byline="By Jane Doe", body=body), html=True)
    assert doc.authors == ["Jane Doe"]
    assert doc.annotations["metadata"]["agencies"] == ["AP"]


def test_a_wire_byline_in_plain_text(run_stage) -> None:
    text = (
        "Council approves bridge budget\n\nBy KEVIN FREKING and LISA MASCARO, Associated Press"
        f"\n\nNov. 20, 2019\n\n{BODY}\n"
    )
    doc = _record(run_stage, text, html=False)
    assert doc.authors == ["Kevin Freking", "Lisa Mascaro"]
    assert doc.annotations["metadata"]["agencies"] == ["AP"]


def test_a_second_byline_name_is_not_lost_to_the_meta_author(run_stage) -> None:
    """#10: <meta name="author"> names the first author, the visible byline both."""
    for byline, want in [
        ("By Maria Chen and Tom Baxter", ["Maria Chen", "Tom Baxter"]),
        ("Von Stefan Krüger und Julia Wendt", ["Stefan Krüger", "Julia Wendt"]),
    ]:
        head = f"<meta name='author' content='{want[0]}'>"
        doc = _record(run_stage, _html(head=head, byline=byline), html=True)
        assert doc.authors == want, byline


def test_no_agency_on_an_ordinary_byline(run_stage) -> None:
    """What the rule leaves: a person named like an agency's word, a photo's credit."""
    for byline in ("By Michael Bloomberg", "By Ap Dijksterhuis", "Photo: John Roe, AP"):
        doc = _record(run_stage, _html(byline=byline), html=True)
        assert "agencies" not in doc.annotations["metadata"], byline


@pytest.mark.parametrize(
    ("title", "site"),
    [
        (
            "Opinion | The remote work debate is over. Both sides lost. | Metro Times",
            "news.example",
        ),
        ("El Senado aprueba ayuda de 95.000 millones de dólares | AP News", "news.example"),
        ("Council approves bridge budget | metrotimes.com", "metrotimes.com"),
        # a name whose dots are abbreviations' (s33 acc-regress #6: the host stood in)
        ("Flood barrier opens on the river | St. Louis Post-Dispatch", "St. Louis Post-Dispatch"),
        ("Jahresbericht 2023 | WEISSER RING e. V.", "WEISSER RING e. V."),
        ("Jahresbericht 2023 | BUND Naturschutz in Bayern e.V.", "BUND Naturschutz in Bayern e.V."),
        ("Best colleges ranked | U.S. News", "U.S. News"),
        ("Wochenbericht 14. - 20. Januar 2022 | Landkreis", "news.example"),
        ("[Rezi] Love is War - Sehnsucht von R. K. Lilley", "news.example"),
        # a headline of two sentences, a small word before the dot (s34 acc-read #5: the
        # site's name, the headline's place taken by the site's)
        ("Rates cut. Now what? | Example News", "news.example"),
        ("Fed set to cut. Markets wait - Example News", "news.example"),
        ("Example News | The bill is law. Now what?", "news.example"),
    ],
)
def test_the_site_name_is_no_headline(run_stage, title: str, site: str) -> None:
    """#11: trafilatura takes a <title> part with a dot in it for the site's name (an
    address): a headline's sentence or number has one too (the page's host, the address's
    fallback, stands in)."""
    html = _html().replace(
        "<title>Council approves bridge budget</title>", f"<title>{title}</title>"
    )
    doc = _record(run_stage, html, html=True)
    assert doc.site_name == site


def test_the_credit_gate_lets_every_agency_name_through() -> None:
    """The cheap scans before the credit patterns (:func:`.wire.credits`) pass every text the
    bounded patterns match, each agency's name among other words (a gate that missed one
    would drop its agency silently), and not a text without one."""
    from corearchive_plugins.metadata import wire

    texts = [f"Photo by Jane Doe, {n} staff" for n in [*wire._LONG, *wire._ALONE_ONLY]]
    texts += [f"Jane Doe ({n}) —" for n in wire._SHORT]
    texts += [f"Écrit par Zoë·{n}·Köln" for n in wire._SHORT]  # (next to letters of no ASCII)
    texts += [f"MOSKAU – {n.upper()}" for n in wire._LONG]
    # (a dotted capital I and the Kelvin sign are lowercased to ASCII letters)
    texts += ["Quelle: RIA NOVOST\u0130", "Tokio (\u212aYODO NEWS)"]
    for text in texts:
        assert wire._ANY_SHORT.search(text) or wire._ANY_LONG.search(text.lower()), text
        assert wire._may_name_agency(text), text
    for text in (
        "By Jane Doe, Staff Writer. Published Tuesday, in depth",
        "APPLE and SAP shares: APAC markets, Pa. and Ap. — Ölpreis",
    ):
        assert not wire._ANY_SHORT.search(text) and not wire._ANY_LONG.search(text.lower())
        assert not wire._may_name_agency(text), text


LIVE_POSTS = {
    "en": ("Flood warnings live: rivers rise across the Midlands", "By Sam Okafor", [
        ("9 Feb 2026 16.20 GMT", "The Environment Agency has issued a severe flood warning for "
         "the River Severn at Bewdley, where barriers have been up since the morning."),
        ("8 Feb 2026 11.05 GMT", "Rail services between Worcester and Hereford are suspended "
         "after water covered the line near Malvern, the operator says."),
        ("8 Feb 2026 07.40 GMT", "Schools in three counties are closed today, and parents are "
         "asked to check their council's website before setting off."),
        ("7 Feb 2026 09.00 GMT", "Welcome to our live coverage of the floods across the "
         "Midlands, where more rain is forecast for the rest of the week."),
    ]),
    "de": ("Hochwasser im Liveblog: Pegel steigen weiter", "Von Lena Vogt", [
        ("14.01.2026, 18:30 Uhr", "Der Pegel in Passau hat am Abend die Marke von neun Metern "
         "überschritten, die Stadt hat weitere Straßen gesperrt."),
        ("13.01.2026, 12:10 Uhr", "Die Bahn hat den Verkehr zwischen Regensburg und Plattling "
         "eingestellt, weil Wasser auf den Gleisen steht."),
        ("12.01.2026, 07:45 Uhr", "Guten Morgen und willkommen zu unserem Liveblog zum "
         "Hochwasser in Bayern, wo es seit Tagen ununterbrochen regnet."),
    ]),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(LIVE_POSTS))
@pytest.mark.parametrize("newest_first", [True, False])
def test_a_live_blog_without_a_dateline_is_dated_by_its_first_post(
    run_stage, lang: str, newest_first: bool
) -> None:
    """A live blog began with its first post: with no dateline of the page's own, the
    ranker took the newest post's time (the page's first date, the blog's last day; s36
    acc-types #12). Each post's time stays over its post."""
    title, byline, posts = LIVE_POSTS[lang]
    shown = posts if newest_first else posts[::-1]
    lines = ["Home", "News", "Live", title, byline]
    for when, text in shown:
        lines += [when, text, "Share"]
    lines += ["Load earlier posts", "Most read", "Newsletter", "Privacy policy"]
    doc = _record(run_stage, "\n".join(lines), html=False, at="2026-02-10T12:00:00Z")
    assert (doc.published or "")[:10] == {"en": "2026-02-07", "de": "2026-01-12"}[lang]
    assert posts[-1][0] in doc.text.split("\n")


def test_an_html_live_blog_without_a_date_of_its_own_is_dated_by_its_first_post(
    run_stage,
) -> None:
    """The same on an HTML page whose markup states no date: its posts' times, newest
    first, over their texts (the newest one won, over htmldate's first post)."""
    title, byline, posts = LIVE_POSTS["en"]
    body = "".join(
        f"<div class='post'><time>{when}</time><p>{text}</p><button>Share</button></div>"
        for when, text in posts
    )
    page = (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home"
        f"</a></nav><article><h1>{title}</h1><p class='byline'>{byline}</p>{body}</article>"
        "<footer>© 2026 Example News</footer></body></html>"
    )
    doc = _record(run_stage, page, html=True, at="2026-02-10T12:00:00Z")
    assert (doc.published or "")[:10] == "2026-02-07"


COMMENTS = [
    ("dave_k", "14 Feb 2026 09:12", "I think this is great news for the town, and it is long "
     "overdue after years of neglect in the eastern districts.", "3 likes"),
    ("anna.m", "13 Feb 2026 15:20", "Finally some money for the parks in the east of the city, "
     "where the children have nowhere safe to play at all.", "1 like"),
    ("roadwarrior", "12 Feb 2026 18:42", "The roads are in a terrible state, and this is the "
     "wrong priority for a council that keeps raising our taxes.", "7 likes"),
]  # fmt: skip


@pytest.mark.parametrize("heading", ["Comments", "3 comments", ""])
def test_an_articles_comment_thread_is_no_live_blog(run_stage, heading: str) -> None:
    """Readers' comments under an article, each a time over its text, were read as a live
    blog's posts, and the article without a dateline was dated by its first comment (a
    comment section follows the article's end under its heading, "Reply" and "3 likes"
    under each comment). Their dates are the comments', none the page's."""
    lines = ["Home", "News", "Council approves bridge budget", *PARAS[:4]]
    lines += [heading] if heading else []
    for who, when, text, likes in COMMENTS:
        lines += [who, when, text, "Reply", likes]
    lines += ["Most read", "Privacy policy"]
    doc = _record(run_stage, "\n\n".join(lines), html=False, at="2026-02-20T12:00:00Z")
    assert doc.published is None
    assert doc.title == "Council approves bridge budget"


def test_an_articles_dateline_over_its_text_is_not_its_comments(run_stage) -> None:
    """The article's dateline, a time alone over its first paragraph as a comment's is,
    stays its date when its readers' comments follow under their heading: only the
    stamps from the comment section's start on are the comments' (the dateline was set
    aside with them, exxpress.at)."""
    lines = ["Home", "Council approves bridge budget", "Redaktion", "10 Feb 2026 10:29",
             *PARAS[:4], "Kommentare"]  # fmt: skip
    for who, when, text, _ in COMMENTS:
        lines += [f"{who} sagt:", when, text, "Antworten"]
    doc = _record(run_stage, "\n\n".join(lines), html=False, at="2026-02-20T12:00:00Z")
    assert (doc.published or "")[:10] == "2026-02-10"


def test_a_comment_of_one_short_sentence_does_not_date_the_article(run_stage) -> None:
    """Comments of one short sentence each ("About time.") are no paragraphs, so their
    dates were no posts' stamps, the comment section was not looked for among them, and the
    article without a dateline was dated by its first comment (s39 acc-regress D16). A
    comment's date is never the article's."""
    lines = ["Council approves bridge budget", "By Jane Doe", *PARAS[:3], "3 comments"]
    for who, when, text in [
        ("Tom_B", "6 March 2025 11:02", "About time. I cycle there every day."),
        ("harbourshop", "6 March 2025 11:40", "Nobody asked the businesses."),
        ("Ann Marie", "7 March 2025 08:15", "Most of your customers walk anyway."),
    ]:
        lines += [who, when, text, "Reply"]
    doc = _record(run_stage, "\n\n".join(lines), html=False, at="2025-03-10T12:00:00Z")
    assert doc.published is None


def test_a_date_a_paragraph_quotes_does_not_take_the_comments_place(run_stage) -> None:
    """Once its readers' comments' dates are set aside, an article without a dateline was
    dated by a date one of its paragraphs quotes (dziennik.pl: "w terminie publikacyjnym,
    20 października 2020 r." over comments of 2021-05-05). Such a date takes the comments'
    place as it takes a list's: not from running prose."""
    quote = (
        "The court said in January that the hearing set for 20 October 2020 had been"
        " reopened, and months passed before the case came back to the court at all."
    )
    lines = ["Court returns to the pension case", *PARAS[:2], quote, PARAS[2], "Comments (3)"]
    for who, when in [
        ("Tom_B", "2021-05-05 08:31:44"),
        ("harbourshop", "2021-05-05 09:58:37"),
        ("Ann Marie", "2021-05-05 09:16:09"),
    ]:
        lines += [who, when, "The court should have decided this years ago.", "Reply"]
    doc = _record(run_stage, "\n\n".join(lines), html=False, at="2021-05-10T12:00:00Z")
    assert doc.published is None


@pytest.mark.parametrize(
    ("label", "teasers"),
    [("Related stories:", 3), ("Related stories", 3), ("More from Harbour Times:", 2)],
)
def test_a_related_boxs_dates_do_not_date_the_article(run_stage, label, teasers) -> None:
    """A text article without a date of its own was dated by the first teaser of the
    related box under it (s39 acc-regress D18): a list of dated teasers was the list rule's,
    which keeps a page's best date when all its dates are a list's (a listing's), and "More
    from ..." was no related articles' label. Each date of a list under such a label is
    another article's."""
    box = [("Council approves new cycle lanes on Harbour Road", "4 March 2025"),
           ("Ferry fares to rise by ten per cent in April", "28 February 2025"),
           ("Harbour festival returns with record crowds", "21 February 2025")]  # fmt: skip
    lines = ["Harbour authority approves new ferry terminal", *PARAS[:3], label]
    lines += [x for pair in box[:teasers] for x in pair]
    doc = _record(run_stage, "\n".join(lines), html=False, at="2025-03-10T12:00:00Z")
    assert doc.published is None


@pytest.mark.parametrize("label", ["More from Jane Doe", "More from Politics:"])
def test_an_authors_more_from_link_over_the_dateline_is_no_related_box(run_stage, label) -> None:
    """s41 acc-read F8: "More from ..." labels a related box after the article; in its head,
    an author's or a section's link between the byline and the dateline, it made the
    article's own date a teaser's, and the page was undated."""
    lines = ["Harbour authority approves new ferry terminal", "By Jane Doe", label]
    lines += ["4 March 2025", "", *PARAS[:3]]
    doc = _record(run_stage, "\n".join(lines), html=False, at="2025-03-10T12:00:00Z")
    assert (doc.published or "")[:10] == "2025-03-04"
