"""Live blogs and sports pages (s48 acc-live): a live blog's own entry times and headlines
kept, in text and in HTML, and the entries of sports pages (line-ups, scorers) no teasers."""

from __future__ import annotations

import pytest
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


FR_POSTS = [
    ("23h41", "Gabriel Attal annonce qu'il remettra sa démission lundi",
     "Le premier ministre a annoncé qu'il remettrait sa démission au président de la République."),
    ("23h05", "Les projections de sièges affinées",
     "Selon nos projections, le Nouveau Front populaire obtiendrait entre 180 et 205 sièges."),
    ("22h30", "Jean-Luc Mélenchon appelle à gouverner",
     "Le leader insoumis a demandé au président de nommer un premier ministre de gauche."),
    ("21h12", "La participation en forte hausse",
     "La participation s'élèverait à 67 %, selon les estimations de plusieurs instituts."),
    ("20h00", "Les premières estimations sont tombées",
     "Le Nouveau Front populaire arriverait en tête, devant Ensemble et le RN."),
]  # fmt: skip


def test_an_inline_read_also_link_inside_an_entry_does_not_split_the_run():
    """An entry's inline link, "Lire aussi : Législatives 2024 : les résultats dans votre
    commune" (9 words), was no button of the entry: the run of five entries split into two
    and three, and the newest entry, whose time and headline the model removed, was lost
    (s48 acc-live L14)."""
    lines = ["Législatives 2024 : la soirée électorale en direct"]
    for k, (when, head, text) in enumerate(FR_POSTS):
        lines += [when, head, text]
        if k == 1:
            lines.append("Lire aussi : Législatives 2024 : les résultats dans votre commune")
    lines.append("Les plus lus")
    lost = {"23h41", FR_POSTS[0][1]}
    keep = [x not in lost and x != "Les plus lus" for x in lines]
    got = [lines[i] for i in post_times(lines, keep, [False] * len(lines))]
    assert got == ["23h41", FR_POSTS[0][1]]


POST = "The minister said the talks would go on until late tonight in the capital."


@pytest.mark.parametrize(
    "times",
    [
        ["19.02 EST", "18.41 EST", "18.15 EST", "17.50 EST"],
        ["1447 GMT", "1415 GMT", "1302 GMT", "1130 GMT"],
        ["19時30分", "18時05分", "17時20分", "午後4時10分"],
        ["11:58 PM EDT", "11:20 PM EDT", "10:05 PM EDT", "8:30 PM EDT"],
    ],
)
def test_an_html_live_blogs_times_with_a_zone_or_in_japanese_are_entry_times(times):
    """A Guardian's "19.02 EST", a wire's "1447 GMT", NHK's "19時30分": no entry time was
    found, and every time was dropped with the ``<time>`` (s48 acc-live L4)."""
    page = "".join(f"<div class='block'><p><time>{t}</time></p><p>{POST}</p></div>" for t in times)
    tree = lh.fromstring(f"<html><body><article>{page}</article></body></html>")
    assert live_post_times(tree) == times


def test_an_html_live_blogs_flash_entries_of_a_headline_alone_keep_their_times():
    """A flash blog's entries, a ``<time>`` over a headline and a paragraph under some of
    them only, lost every time (s48 acc-live L4); a list of times over headlines alone is a
    feed of other stories still, no live blog's."""
    heads = [
        ("14:45", "Powell says the Fed needs greater confidence before cutting", ""),
        ("14:30", "Fed dot plot shows just one rate cut this year", ""),
        ("14:00", "Fed holds rates at 5.25%-5.50%, as expected", f"<p>{POST}</p>"),
        ("08:31", "S&amp;P 500 futures jump 1% after cooler CPI", ""),
    ]
    page = "".join(
        f"<div class='block'><p><time>{t}</time></p><h3>{h}</h3>{p}</div>" for t, h, p in heads
    )
    tree = lh.fromstring(f"<html><body><article>{page}</article></body></html>")
    assert live_post_times(tree) == [t for t, _, _ in heads]
    feed = page.replace(f"<p>{POST}</p>", "")
    tree = lh.fromstring(f"<html><body><aside>{feed}</aside></body></html>")
    assert live_post_times(tree) == []


def test_a_match_reports_line_ups_and_a_chronologys_items_are_no_teasers(run_stage):
    """A line-up ("Benfica: Trubin; Bah, António Silva, …"), the scorers, a chronology's
    items ("2013年4月 黒田総裁のもとで…") after the article's last paragraph read as title-like
    teasers and were removed (s48 acc-live L6); a related box after the article still goes."""
    from test_boilerplate_structures import _clean, _page

    head = ["Futebol", "Modalidades", "Internacional", "Fora de Campo"]
    story = [
        "Benfica-FC Porto, 4-1: águias goleiam no clássico",
        "O Benfica venceu o FC Porto por 4-1 no Estádio da Luz e relançou a luta pelo título, "
        "ficando a três pontos do líder Sporting.",
        "Di María abriu o marcador aos 43 minutos, de penálti, e Kökçü, Pavlidis e Amdouni "
        "completaram a goleada na segunda parte. Samu reduziu para os dragões.",
    ]
    rows = [
        "Benfica: Trubin; Bah, António Silva, Otamendi, Carreras; Florentino, Aursnes, Kökçü; "
        "Di María, Pavlidis, Akturkoglu",
        "FC Porto: Diogo Costa; João Mário, Nehuén Pérez, Otávio, Francisco Moura; Nico "
        "González, Alan Varela, Fábio Vieira; Pepê, Samu, Galeno",
        "Golos: Di María (43' g.p.), Kökçü (67'), Pavlidis (72'), Amdouni (90+2'); Samu (77')",
    ]
    feed = [
        '22:10 Bruno Lage: "Esta vitória é dos adeptos"',
        '21:55 Vítor Bruno: "Não há desculpas"',
        "21:40 As notas dos jogadores do Benfica",
    ]
    text = _page(
        head, *([x] for x in story), ["Ficha de jogo"], rows, ["Partilhar"], ["Mais lidas"], feed
    )
    kept, gone = _clean(run_stage, text + "\n\n© Cofina Media")
    assert set(rows) <= set(kept), gone
    assert not set(feed) & set(kept)
    items = [
        "2013年4月 黒田総裁のもとで異次元緩和を開始",
        "2016年1月 マイナス金利政策の導入を決定",
        "2016年9月 長短金利操作（イールドカーブ・コントロール）を導入",
        "2023年4月 植田和男氏が総裁に就任",
    ]
    lead = [
        "日本銀行は19日の金融政策決定会合で、マイナス金利政策の解除を決めた。17年ぶりの利上げと"
        "なる。植田総裁は記者会見で、賃金と物価の好循環が確認できたと述べた。"
    ]
    kept, gone = _clean(
        run_stage,
        _page(
            ["ニュース", "経済", "政治"],
            ["日銀、マイナス金利を解除"],
            lead,
            ["これまでの経緯"],
            items,
            ["関連ニュース"],
        ),
    )
    assert set(items) <= set(kept), gone


def test_an_entrys_headline_listed_in_a_key_events_box_is_kept_under_its_time(run_stage):
    """A "Key events" box ("Destacados") lists the entries' headlines: both copies were
    removed as repeated teasers, and the entries' times with them (s48 acc-live L7). The
    copy that heads the entry's paragraph stays, with its time."""
    from test_boilerplate_structures import _clean

    heads = [
        "El Gobierno decreta tres días de luto oficial",
        "La Generalitat eleva a 92 los fallecidos en la provincia de Valencia",
    ]
    posts = [
        ["22:41", heads[0], "El Consejo de Ministros ha aprobado en una reunión extraordinaria "
         "tres días de luto oficial por las víctimas de la DANA, desde la medianoche del jueves."],
        ["21:15", heads[1], "El centro de coordinación de emergencias ha confirmado 92 víctimas "
         "mortales en la provincia de Valencia y dos en Castilla-La Mancha."],
        ["19:02", "Renfe mantiene suspendida la circulación del AVE entre Madrid y Valencia al "
         "menos durante tres días por los daños en las vías."],
        ["16:30", 'Sánchez: "No os vamos a dejar solos"', "El presidente del Gobierno ha "
         "comparecido desde la Moncloa para transmitir su apoyo a los afectados."],
    ]  # fmt: skip
    text = "\n\n".join(
        [
            "Portada\nEspaña\nInternacional\nEconomía\nDeportes",
            "DANA en Valencia, en directo | Al menos 95 muertos por las inundaciones",
            "Valencia - 30 oct 2024 - 07:00 CET",
            "Compartir en Whatsapp",
            "Destacados",
            "\n".join(heads),
            *("\n\n".join(p) for p in posts),
            "Ver más actualizaciones",
            "Aviso legal\nPolítica de cookies",
        ]
    )
    kept, gone = _clean(run_stage, text)
    assert kept.count(heads[0]) == 1 and kept.count(heads[1]) == 1, gone
    for when, head in zip(("22:41", "21:15"), heads, strict=True):
        assert kept.index(when) + 1 == kept.index(head), kept


MINUTES = ["90+3'", "89 min", "84'", "56'", "1'"]
MATCH_POSTS = [
    "GOAL! Barcelona score a fourth as Raphinha curls one in from the edge of the box.",
    "Yellow card for Vinícius Júnior, booked for dissent after the referee's whistle.",
    "Ancelotti makes a double change, with Modric and Brahim coming on for the hosts.",
    "Lewandowski again, heading in a Koundé cross at the near post for his second.",
    "We are under way at the Bernabéu, Barcelona kicking off from right to left.",
]


def test_a_match_reports_minutes_are_its_entry_times():
    """A minute-by-minute report's stamps, "89 min", "84'", "90+3'", are no clock times: in
    HTML every one was dropped with its ``<time>``, in text the model's removed ones stayed
    out (s48 acc-live L5)."""
    from corearchive_plugins.boilerplate.structures import _minute

    assert [_minute(m) for m in (*MINUTES, "90'+3", "Km 185", "1-0")] == [
        93, 89, 84, 56, 1, 93, None, None
    ]  # fmt: skip
    page = "".join(
        f"<div class='block'><p><time>{m}</time></p><p>{p}</p></div>"
        for m, p in zip(MINUTES, MATCH_POSTS, strict=True)
    )
    tree = lh.fromstring(f"<html><body><article>{page}</article></body></html>")
    assert live_post_times(tree) == MINUTES
    lines = [x for m, p in zip(MINUTES, MATCH_POSTS, strict=True) for x in (m, p)]
    keep = [x in MATCH_POSTS or x in ("84'", "56'") for x in lines]
    assert [lines[i] for i in post_times(lines, keep, [False] * len(lines))] == [
        "90+3'", "89 min", "1'"
    ]  # fmt: skip
    # (minutes out of a match's order: no report's)
    lines[0], lines[4] = lines[4], lines[0]
    assert post_times(lines, keep, [False] * len(lines)) == []


def _titlelike(rows: list[str]):
    import numpy as np

    from corearchive_plugins.boilerplate.lines import _FI

    X = np.zeros((len(rows), max(_FI.values()) + 1))
    X[:, _FI["titlelike"]] = 1
    return X


def test_a_lone_label_over_items_and_a_reference_lists_years_are_no_line_up_or_chronology():
    """A shop's "Zahlungsarten: PayPal, Klarna, Kreditkarte, Vorkasse" alone, and lynx's
    reference list with a year in its addresses ("402. file:///noticias.php?y=2019&m=11")
    were spared as a line-up and a chronology: 436 junk lines kept on one page (s49 R5).
    Line-ups in pairs, a scorers' line with its minutes and a chronology still are."""
    from corearchive_plugins.boilerplate.lines import _listed_rows

    shop = [
        "Sehr leise und gleichmäßig. – Anna K.",
        "Zahlungsarten: PayPal, Klarna, Kreditkarte, Vorkasse",
    ]
    assert not _listed_rows(shop, _titlelike(shop)).any()
    refs = [
        f"{400 + i}. file:///noticias.php?y={2019 - i // 12}&m={12 - i % 12}" for i in range(30)
    ]
    refs += [f"{430 + i}. https://example.org/{2018 + i}-antonio-andrioli" for i in range(4)]
    assert not _listed_rows(refs, _titlelike(refs)).any()
    sport = [
        "Benfica: Trubin; Bah, António Silva, Otamendi, Carreras; Florentino, Aursnes",
        "FC Porto: Diogo Costa; João Mário, Nehuén Pérez, Otávio, Francisco Moura",
    ]
    assert _listed_rows(sport, _titlelike(sport)).all()
    goals = ["Golos: Di María (43' g.p.), Kökçü (67'), Pavlidis (72'), Amdouni (90+2')"]
    assert _listed_rows(goals, _titlelike(goals)).all()
    # (a booking list under the goals' lines, dev everardoherrera.com)
    cards = [
        "3-1: Kenner Gutiérrez con golazo de media distancia",
        "Amarillas: 25-Jeancarlo Sánchez, 5-Richard Steven, 11-Reimond Salas, 12-Jossimar Olivero",
    ]
    assert _listed_rows(cards, _titlelike(cards))[1]
    chron = ["2013年4月 黒田総裁のもとで異次元緩和を開始", "2016年1月 マイナス金利政策の導入を決定",
             "Feb. 24, 2022 - Russia invades",
             "24 janvier 2023 : le plan est présenté"]  # fmt: skip
    assert _listed_rows(chron, _titlelike(chron)).all()


def test_an_events_bare_time_in_its_item_is_not_written_twice():
    """An event list's ``<li><time>Fr 1. August 2025, 13:30</time><h3>Repair-Café</h3>…``:
    the time's text is the item's line's own; the restored copy beside it wrote the date
    twice, "Fr 1. August 2025, 13:30 Fr 1. August 2025, 13:30 Repair-Café" (s49
    acc-regress R12, kinds k037)."""
    events = [
        ("Fr 1. August 2025, 13:30", "Repair-Café", "Bei Regen im Saal."),
        ("Sa 9. August 2025, 12:00", "Vortrag: Wetzlar", "Bringen Sie Geräte mit."),
        ("Di 12. August 2025, 18:30", "Open-Air-Kino", ""),
        ("Di 19. August 2025, 12:30", "Bastelnachmittag für Kinder", ""),
        ("Do 28. August 2025, 11:30", "Wochenmarkt", ""),
    ]  # fmt: skip
    items = "".join(
        f"<li><time>{when}</time><h3>{head}</h3><p>Bahnhofstraße 42, Regensburg</p>"
        + (f"<p>{text}</p>" if text else "")
        + "</li>"
        for when, head, text in events
    )
    tree = lh.fromstring(f"<html><body><main><ul>{items}</ul></main></body></html>")
    assert live_post_times(tree) != []
    page = tree.text_content()
    for when, _, _ in events:
        assert page.count(when) == 1, page
