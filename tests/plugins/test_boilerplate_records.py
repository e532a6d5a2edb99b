"""A page's records in plain text (s47 kinds): a town hall's service page with its opening
hours written one cell a line, a venue's programme of dated events. The line model reads
each line alone, short, as a menu's item, and removed them (the programme page was dropped
whole); the records are kept by their shape on a page of little prose, the site's menus,
teasers and footer around them stay removed."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

MENU = ["Skip to main content", "Borough of Exeter", "Search", "Home", "Services",
        "Waste and recycling", "Parking", "Events", "Contact", "About us", "Jobs"]  # fmt: skip
FOOT = ["Borough of Exeter", "Mill Lane 51", "13288 Exeter", "Phone +44 1392 265000",
        "© 2025 Borough of Exeter. All rights reserved.", "Imprint", "Privacy policy",
        "Cookie settings", "Back to top"]  # fmt: skip
TEASERS = ["Latest news", "7 February 2024", "Bulky waste collection dates", "26 June 2025",
           "Public consultation on the new local plan", "25 December 2024",
           "Road closure on Park Avenue"]  # fmt: skip


def _page(*blocks: list[str]) -> str:
    """A browser copy: one block a line, blank lines between them (the dev sets' layout)."""
    return "\n\n".join(line for b in blocks for line in b)


def _kept(run_stage: Any, text: str) -> list[str]:
    got = run_stage(BoilerplateStage, make_document(text)).kept
    return got[0].text.split("\n") if got else []


def test_opening_hours_and_the_list_over_them_are_kept(run_stage):
    """A service page: one paragraph, a list of the documents to bring under its label, then
    the opening hours, each day a label over one or two time ranges ("–" where the
    afternoon is closed). The model kept the paragraph alone."""
    intro = ["Applying for a residents' parking permit",
             "Please bring a valid photo ID and proof of address to your appointment at "
             "the town hall."]  # fmt: skip
    needs = [
        "What you need",
        "The completed application form",
        "Proof of address (not older than three months)",
        "Vehicle registration document",
    ]
    hours = ["Opening hours", "Monday", "8:30 – 12:00", "14:00 – 16:00", "Tuesday",
             "8:30 – 12:00", "–", "Wednesday", "7:30 – 13:00", "14:00 – 18:00", "Thursday",
             "8:30 – 12:00", "–", "Friday", "7:30 – 12:00", "–"]  # fmt: skip
    page = _page(MENU, intro, needs, hours, TEASERS, FOOT)
    kept = _kept(run_stage, page)
    want = [x for x in needs + hours if x != "–"]
    assert [x for x in kept if x in want] == want
    assert not set(MENU[3:] + TEASERS + FOOT[1:]) & set(kept)


def test_a_programme_of_dated_events_is_kept(run_stage):
    """A venue's programme: each event its date with a time of day, its name, its place and
    now and then a note. No line is prose of eight words: the model kept none, and the
    page was dropped as one without content."""
    events = ["Wed 12 February 2025, 13:00", "Open-air cinema", "Station Road 14, York",
              "Suitable for ages 6 and up, registration required.",
              "Sat 22 February 2025, 10:30", "Photography exhibition opening",
              "Mill Lane 37, York", "Mon 24 February 2025, 19:30",
              "Jazz evening with the Clarke Trio", "High Street 12, York",
              "Tickets available at the box office.", "Fri 28 February 2025, 19:30",
              "Choir concert", "Church Street 51, York"]  # fmt: skip
    page = _page(MENU, ["Events in February"], events, FOOT)
    kept = _kept(run_stage, page)
    assert [x for x in kept if x in events] == events
    assert not set(MENU[3:] + FOOT[1:]) & set(kept)


def test_dated_teasers_without_a_time_of_day_are_no_records():
    """A sidebar's news teasers, a date over a headline, have no time of day: they stay as
    the model decided them."""
    from corearchive_plugins.boilerplate.records import dated_records

    n = len(TEASERS)
    assert dated_records(TEASERS, [False] * n, [False] * n, []) == []


def test_a_share_bar_with_counts_is_no_table_of_rows():
    """Labels over counts ("Facebook" / "12" ...) before the page's prose: no table (the
    rows are looked for after the kept prose only)."""
    from corearchive_plugins.boilerplate.records import row_tables

    bar = ["Facebook", "12", "X", "5", "LinkedIn", "3", "Email", "1"]
    lines = [*bar, "A paragraph of the page that the model kept as its only prose line here."]
    keep = [False] * len(bar) + [True]
    assert row_tables(lines, keep, [True] * len(lines), [len(bar)]) == []


def test_opening_hours_a_row_a_line_are_kept():
    """As w3m writes the table: each day's row on one line, its cells parted by runs of
    spaces; after the page's one kept paragraph. (lynx's layout: the next test)"""
    from corearchive_plugins.boilerplate.records import row_tables

    rows = ["Opening hours", "Montag             8:30 – 12:00    14:00 – 16:00",
            "Dienstag           8:30 – 12:00    –", "Mittwoch           8:30 – 12:00",
            "Donnerstag         7:30 – 13:00    14:00 – 18:00",
            "Freitag            7:30 – 13:00    –"]  # fmt: skip
    lines = ["Sperrmüll wird auf Antrag bis zu vier Mal im Jahr kostenlos abgeholt.", *rows,
             "Das könnte Sie auch interessieren"]  # fmt: skip
    keep = [True] + [False] * (len(lines) - 1)
    assert row_tables(lines, keep, [True] * len(lines), [0]) == list(range(1, len(rows) + 1))


def test_readers_comments_under_a_post_are_no_dated_records():
    """Readers' comments, a poster and a time over what they say, under a post of a few
    paragraphs: each begins with a sentence, no event's name, and the post is prose of its
    own; they stay as the model decided them (s47: a held-out blog post kept them)."""
    from corearchive_plugins.boilerplate.records import dated_records

    post = ["Wir fahren mit dem Auto nach Paris und wissen nicht, wo wir parken sollen.",
            "Das Hotel bietet einen privaten Parkplatz an, der 24 Euro am Tag kostet.",
            "Also, liebes Internet, welche Lösung schlägst du vor? Was kostet sie?"]  # fmt: skip
    comments = ["Sven | 11.05.2012 15:36", "Beim Hotel parken. Der Preis ist doch ok.",
                "Wenn schon, denn schon. Viel Spaß.", "Jutta | 11.05.2012 18:02",
                "Man kann mit dem Auto reinfahren, braucht aber ein Navi.",
                "jovelstefan | 12.05.2012 18:47",
                "Vielleicht sollte ich die einfach mal rausnehmen.",
                "Ja, er lebt noch."]  # fmt: skip
    lines = post + comments
    keep = [True] * len(post) + [False] * len(comments)
    n = len(lines)
    assert dated_records(lines, keep, [False] * n, [0, 1, 2]) == []


def test_opening_hours_as_lynx_writes_them_are_kept():
    """As lynx writes the table: the label's column padded, the values one space apart
    ("Dienstag       8:30 – 12:00 –")."""
    from corearchive_plugins.boilerplate.records import row_tables

    rows = ["Montag         8:30 – 12:00 14:00 – 16:00",
            "Dienstag       8:30 – 12:00 –",
            "Mittwoch       8:30 – 12:00 15:00 – 16:00",
            "Donnerstag     7:30 – 13:00 –"]  # fmt: skip
    lines = ["Sperrmüll wird auf Antrag bis zu vier Mal im Jahr kostenlos abgeholt.",
             "Öffnungszeiten", *rows, "Das könnte Sie auch interessieren"]  # fmt: skip
    keep = [True] + [False] * (len(lines) - 1)
    assert row_tables(lines, keep, [True] * len(lines), [0]) == [1, 2, 3, 4, 5]


_EVENTS = [("Wed 12 February 2025, 13:00", "Open-air cinema", "Station Road 14, York"),
           ("Sat 22 February 2025, 10:30", "Photo exhibition opening", "Mill Lane 37, York"),
           ("Mon 24 February 2025, 19:30", "Jazz evening with a trio", "High Street 12, York"),
           ("Fri 28 February 2025, 19:30", "Choir concert", "Church Street 51, York")]  # fmt: skip


def test_an_html_programme_keeps_its_dates(run_stage):
    """trafilatura deletes every <time>: a programme's events were extracted without their
    dates. The dates of records side by side are kept; the tree is given back as parsed
    (the metadata stage reads its <time> elements)."""
    items = "".join(
        f"<li class='event'><time>{w}</time><h3>{n}</h3><p>{p}</p></li>" for w, n, p in _EVENTS
    )
    html = (
        "<html><head><title>Events in February</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/events'>Events</a></nav>"
        f"<main><h1>Events in February</h1><ul class='events'>{items}</ul></main>"
        "<footer>© 2025 Bath Arts Centre</footer></body></html>"
    )
    doc = make_document(html, html=True)
    got = run_stage(BoilerplateStage, doc).kept
    text = got[0].text
    assert all(w in text for w, _, _ in _EVENTS)
    assert all(n in text for _, n, _ in _EVENTS)
    tree = got[0].work.get("html_tree")
    assert tree is None or len(list(tree.iter("time"))) == len(_EVENTS)


def test_a_value_the_model_kept_does_not_cut_the_table():
    """The model kept one of the times as the text's (read with the paragraph over it):
    the rows go on through it."""
    from corearchive_plugins.boilerplate.records import row_tables

    rows = ["Monday", "7:30 – 12:00", "Tuesday", "7:30 – 12:00", "14:00 – 18:00",
            "Wednesday", "8:30 – 12:00", "Thursday", "8:30 – 13:00"]  # fmt: skip
    lines = ["Due to sewer works, Mill Lane will be closed to through traffic for two weeks.",
             "Opening hours", *rows]  # fmt: skip
    keep = [True] + [False] * (len(lines) - 1)
    keep[5] = True  # (Tuesday's first time)
    free = [not k for k in keep]
    got = row_tables(lines, keep, free, [0])
    assert got == [j for j in range(1, len(lines)) if not keep[j]]


def test_a_sidebar_table_far_under_the_text_is_no_table_of_rows():
    """A sidebar's league table (club / played / points, a cell a line) far under the
    page's short text, past its teasers: no table of the page (s47: a news page's widget
    was kept)."""
    from corearchive_plugins.boilerplate.records import row_tables

    teasers = [f"Headline number {j} of the sports desk today" for j in range(14)]
    table = ["Bundesliga", "Bayern", "5", "13", "Wolfsburg", "5", "13", "Dortmund", "5", "12",
             "Leverkusen", "5", "10", "Mainz", "5", "10"]  # fmt: skip
    lines = ["The striker scored twice as his side won the derby on Saturday night.",
             *teasers, *table]  # fmt: skip
    keep = [True] + [False] * (len(lines) - 1)
    assert row_tables(lines, keep, [True] * len(lines), [0]) == []


def test_a_video_box_of_dated_teasers_is_no_listing():
    """A video box under a short wire story: each teaser a date with its time, a headline
    and the box's "Video" label; a line in every record is the box's, no event's."""
    from corearchive_plugins.boilerplate.records import dated_records

    box = ["29 July 2025, 20:18", "Tourists leave the city for fear of the virus", "Video",
           "29 July 2025, 20:15", "Live at nine", "Video",
           "29 July 2025, 18:05", "Camp cleared in the north", "All videos"]  # fmt: skip
    n = len(box)
    assert dated_records(box, [False] * n, [False] * n, []) == []


_POSTS = [("thomas_s10", "Beiträge: 564", "16. September 2025",
           "Hallo zusammen, ich habe das Problem jetzt seit etwa zwei Wochen und weiß nicht "
           "mehr weiter. Das Offensichtliche habe ich schon probiert, aber bisher hat nichts "
           "geholfen."),
          ("julia327", "Beiträge: 3436", "14. Oktober 2025",
           "Kann ich bestätigen, bei mir genauso."),
          ("jonas821", "Beiträge: 3454", "28. April 2025",
           "Nimm Sanitärsilikon und lass es mindestens 24 Stunden aushärten.")]  # fmt: skip


def test_an_html_thread_keeps_its_replies(run_stage):
    """A forum thread in HTML, each post a box with its poster, date, text and buttons:
    trafilatura kept the first post and pruned the short replies. The replies' paragraphs
    are given back, in order; the buttons stay out, and the posters' figures but on a
    poster's line (the thread rule keeps a post's poster as its byline; its profile box's
    figures glued to it since session 48)."""
    posts = "".join(
        f"<div class='post'><div class='author'><b>{u}</b><small>{info}</small></div>"
        f"<div class='date'>{d}</div><div class='body'><p>{t}</p></div>"
        "<div class='actions'><a href='#'>Antworten</a> <a href='#'>Zitieren</a></div></div>"
        for u, info, d, t in _POSTS
    )
    html = (
        "<html><head><title>Wie dichte ich eine Duschtasse richtig ab?</title></head><body>"
        "<nav><a href='/'>Startseite</a> <a href='/forum'>Forum</a></nav>"
        "<main><article><h1>Wie dichte ich eine Duschtasse richtig ab?</h1>"
        f"{posts}</article></main><footer>© 2025 Heimwerkerforum</footer></body></html>"
    )
    got = run_stage(BoilerplateStage, make_document(html, html=True)).kept
    lines = got[0].text.split("\n")
    said = [t for *_, t in _POSTS]
    assert [x for x in lines if x in said] == said
    assert not any("Zitieren" in x for x in lines)
    assert all(x.startswith(tuple(u for u, *_ in _POSTS)) for x in lines if "Beiträge" in x)


def test_readers_comments_under_an_article_are_no_thread():
    """Comments under an article, boxes of a poster, a date and a paragraph: the article's
    text is not their first box, and trafilatura's choice to leave them out stands."""
    from lxml import html as lh

    from corearchive_plugins.boilerplate.records import thread_posts

    article = "The council approved the new harbour plan on Monday after a long debate."
    comments = "".join(
        f"<div class='comment'><b>{u}</b><span>{d}</span><p>{t}</p></div>" for u, _, d, t in _POSTS
    )
    tree = lh.fromstring(f"<html><body><article><p>{article}</p></article>{comments}</body></html>")
    assert thread_posts(tree, article) == []


def test_a_thread_after_a_longer_menu_is_still_read():
    """A menu whose items repeat more often than the thread's posts (five <li> of one
    class) hid the thread: only the largest group of boxes was tried (s48 finalrev_A)."""
    from lxml import html as lh

    from corearchive_plugins.boilerplate.records import thread_posts

    menu = "".join(f"<li class='m'><a href='/{k}'>Item {k}</a></li>" for k in range(5))
    posts = "".join(
        f"<div class='post'><b>{u}</b><div class='date'>{d}</div><p>{t}</p></div>"
        for u, _, d, t in _POSTS
    )
    first = _POSTS[0][3]
    for page in (f"<ul>{menu}</ul>", ""):
        tree = lh.fromstring(f"<html><body>{page}<main>{posts}</main></body></html>")
        assert thread_posts(tree, first) == [t for *_, t in _POSTS[1:]]
