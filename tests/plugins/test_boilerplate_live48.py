"""Live blogs and sports pages (s48 acc-live): a live blog's own entry times and headlines
kept, in text and in HTML, and the entries of sports pages (line-ups, scorers) no teasers."""

from __future__ import annotations

from lxml import html as lh

from corearchive_plugins.boilerplate.structures import live_post_times, post_times

# a German live blog under its dateline, newest entry first (tagesschau-style, s48 acc-live L2)
DE_POSTS = [
    ("21:48 Uhr", "Kretschmer: Wir haben das Land nicht aufgegeben",
     "Ministerpräsident Michael Kretschmer hat sich vor Anhängern in Dresden erleichtert gezeigt."),
    ("21:15 Uhr", "Grüne und SPD knapp über fünf Prozent",
     "Nach der jüngsten Hochrechnung liegen Grüne und SPD nur knapp über der Fünf-Prozent-Hürde."),
    ("20:32 Uhr", "",
     "Die Wahlbeteiligung lag nach Angaben der Landeswahlleiterin bei rund 74 Prozent."),
    ("18:00 Uhr", "Prognose: CDU 31,5 Prozent, AfD 30,5 Prozent",
     "Laut der ARD-Prognose von infratest dimap kommt die CDU auf 31,5 Prozent."),
]  # fmt: skip


def _de_lines(dateline: bool) -> list[str]:
    lines = ["Landtagswahl in Sachsen: CDU knapp vor AfD"]
    if dateline:
        lines += ["Stand: 01.09.2024 21:48 Uhr"]
    lines += [
        "Bei der Landtagswahl in Sachsen liegt die CDU laut Hochrechnungen knapp vor der AfD."
    ]
    for when, head, text in DE_POSTS:
        lines += [when] + ([head] if head else []) + [text]
    return [*lines, "Mehr zum Thema"]


def test_a_dateline_over_the_lead_does_not_break_the_run_of_entry_times():
    """ "Stand: 01.09.2024 21:48 Uhr" over the lead is a stamp over a paragraph at the newest
    entry's minute: it joined the run as its first entry, read as a drop of the clock, and
    the blog failed the order test, losing "21:48 Uhr" and "18:00 Uhr" (s48 acc-live L2)."""
    for dateline in (False, True):
        lines = _de_lines(dateline)
        # (the model kept the text, the dateline and two of the times)
        keep = [s not in ("21:48 Uhr", "18:00 Uhr", "Mehr zum Thema") for s in lines]
        got = [lines[i] for i in post_times(lines, keep, [False] * len(lines))]
        assert got == ["21:48 Uhr", "18:00 Uhr"]


def test_an_html_entrys_restored_time_stands_over_its_headline():
    """Each restored time was written right before the entry's paragraph, under its
    headline: "Water rescues under way / 11:58 PM / Police said …" read as the previous
    entry's headline undated (s48 acc-live L3). It stands where the ``<time>`` stood."""
    entries = "".join(
        f"<div class='block'><p><time>{when}</time></p>{f'<h3>{head}</h3>' if head else ''}"
        f"<p>{text}</p></div>"
        for when, head, text in DE_POSTS
    )
    tree = lh.fromstring(f"<html><body><article><h1>Liveblog</h1>{entries}</article></body></html>")
    assert live_post_times(tree) == [w for w, _, _ in DE_POSTS]
    body = [" ".join(e.text_content().split()) for e in tree.iter("p", "h3")]
    body = [x for x in body if x]
    for when, head, text in DE_POSTS:
        at = body.index(text)
        # (the restored <p> right under the <time>'s own, then the headline, the text)
        assert body[at - (2 if head else 1)] == when, body
