"""Pages that are no article, in plain text: a price list or a timetable one cell a line, a
product's name and price lines, an event list (s45 kinds: on generated non-article pages the
text path lost 75 % of their 1-4-word content lines, and 93 % of a table's rows written one
cell a line). Their short lines are kept where the page is theirs; the site's menus and
footers around them stay removed."""

from __future__ import annotations

from typing import Any

from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateStage

MENU = ["Skip to main content", "Riverside Leisure Centre", "Search", "Home", "Swimming",
        "Fitness", "Courses", "Opening times", "Contact", "About us", "Jobs"]  # fmt: skip
FOOT = ["Riverside Leisure Centre", "Quay Road 4", "1011 AB Amsterdam", "Phone 020 555 0101",
        "© 2025 Riverside Leisure Centre", "Imprint", "Privacy policy", "Cookie settings",
        "Back to top"]  # fmt: skip


def _page(*blocks: list[str]) -> str:
    """A browser copy: one block a line, blank lines between them (the dev sets' layout)."""
    return "\n\n".join(line for b in blocks for line in b)


def _kept(run_stage: Any, text: str) -> list[str]:
    got = run_stage(BoilerplateStage, make_document(text)).kept
    return got[0].text.split("\n") if got else []


def test_a_price_list_one_cell_a_line_is_kept(run_stage):
    """A price list rendered one cell a line, the header's cells glued on one line
    ("ItemPriceNote"), amounts in the European way ("€ 7,50") and a column of footnote
    marks that most rows leave empty: the page is the table; it was removed whole but for
    its one sentence, a menu's items to the model."""
    rows = [("Day ticket adult", "€ 7,50", "*"), ("Day ticket child", "€ 4,25", ""),
            ("Ten-visit card", "€ 62,00", ""), ("Monthly pass", "€ 39,90", "**"),
            ("Annual pass", "€ 399,00", ""), ("Sauna supplement", "€ 6,00", "*"),
            ("Lane hire per hour", "€ 45,00", ""), ("Towel hire", "€ 2,50", "")]  # fmt: skip
    cells = [c for row in rows for c in row if c]
    page = _page(MENU, ["Prices"], ["ItemPriceNote"], cells,
                 ["* Members pay half price. ** Valid for twelve months."], FOOT)  # fmt: skip
    kept = _kept(run_stage, page)
    assert [x for x in kept if x in cells] == cells
    assert not set(MENU[3:] + FOOT[1:]) & set(kept)


def test_a_timetable_one_cell_a_line_without_text_around_it_is_kept(run_stage):
    """A timetable whose page has no prose at all: with its header (glued, as the dev sets'
    rendering writes a row of <th>) the run of stop / departure / arrival cells is the
    page's, not a menu."""
    stops = ["Central Station", "Market Square", "Town Hall", "Hospital", "Park Lane",
             "University", "Harbour", "Airport"]  # fmt: skip
    cells = [c for i, s in enumerate(stops) for c in (s, f"08:{10 + 5 * i}", f"08:{40 + 2 * i}")]
    page = _page(MENU, ["Timetable line 4"], ["StopDepartureArrival"], cells, FOOT)
    kept = _kept(run_stage, page)
    assert [x for x in kept if x in cells] == cells
    assert not set(MENU[3:] + FOOT[1:]) & set(kept)


def test_a_ranking_after_a_japanese_article_is_no_table_of_a_page_without_one():
    """A page has no article when the model kept fewer than three prose lines; a sentence in
    Japanese is one run of letters, no eight words: a ranking's numbers and headlines after
    a Japanese article ("1." / headline ...) were kept as the table of a page without one."""
    from corearchive_plugins.boilerplate.structures import article_structures

    story = ["東京都は二十日、新しい防災計画を発表し、住民への説明会を来月から始める。",
             "計画では、地震や水害に備えた避難所を現在の二倍に増やし、備蓄品も見直すという。",
             "知事は記者会見で、住民一人ひとりの備えが何よりも大切だと強調した。"]  # fmt: skip
    heads = ["大雨で交通が乱れる", "新駅の工事が始まる", "市場が大きく下落", "夏祭りの日程決まる",
             "図書館が改装へ", "電車の新ダイヤ発表", "空港の利用者が増加"]  # fmt: skip
    box = ["アクセスランキング", "一覧"] + [
        c for i, h in enumerate(heads) for c in (f"{i + 1}.", h)
    ]
    # (buttons and links between them, removed)
    gap = ["無料・有料プランを選択", "ご購読の申し込み", "保存", "印刷", "その他", "一覧はこちら"]
    lines = story + gap + box
    keep = [True] * len(story) + [False] * (len(gap) + len(box))
    n = len(lines)
    assert article_structures(lines, keep, [0.3] * n, [False] * n) == []


def test_a_job_ads_lists_between_its_paragraphs_are_kept(run_stage):
    """A job ad's tasks, requirements and benefits, short lines with their headings between
    the ad's intro and its last paragraph: the model read each one alone as a menu's item
    and kept the two paragraphs only."""
    intro = ("We are looking for a motivated colleague to join our maintenance team in Leeds "
             "as soon as possible; the position is full-time, and the salary follows the "
             "collective agreement of the water industry.")  # fmt: skip
    lists = ["Your tasks", "Service and repair of our pumping stations",
             "Keep the maintenance log up to date", "Your profile",
             "A completed apprenticeship as a mechanic", "A driving licence", "We offer",
             "A permanent contract", "Flexible working hours"]  # fmt: skip
    outro = ("Please send your application, with your CV and the names of two referees, to our "
             "personnel office before the end of June; we will reply to every applicant within "
             "two weeks of that date.")  # fmt: skip
    share = ["Share on Facebook", "Share on X", "Print this page"]
    page = _page(MENU, ["Maintenance mechanic (m/f/d)"], share, [intro], lists, [outro], FOOT)
    kept = _kept(run_stage, page)
    assert [x for x in kept if x in [intro, *lists, outro]] == [intro, *lists, outro]
    assert not set(MENU[3:] + FOOT[1:] + share) & set(kept)


def test_a_products_specifications_one_cell_a_line_are_kept(run_stage):
    """A product's page: its specifications, a label and its value a line each, under the
    description the model kept; the model read the labels and values as a menu's items. The
    site's menu and footer (no figures in its items, or figures in the label: "Quay Road 4")
    stay removed."""
    description = (
        "A light and breathable rain jacket for long walks, with taped seams, a hood "
        "that folds into the collar and two zipped pockets for maps and keys."
    )
    specs = ["Material", "Recycled polyester", "Weight", "420 g", "Sizes", "S to XXL",
             "Colour", "Forest green", "Warranty", "3 years", "Item number", "88231"]  # fmt: skip
    page = _page(MENU, ["Home › Jackets › Trail rain jacket"], ["Trail rain jacket"],
                 ["€ 129,00", "In stock", "Add to cart"], [description], specs, FOOT)  # fmt: skip
    kept = _kept(run_stage, page)
    assert [x for x in kept if x in [description, *specs]] == [description, *specs]
    assert not set(MENU[3:] + FOOT[1:]) & set(kept)


BANNER = ("We use cookies to give you the best experience on our website. By continuing to "
          "browse you agree to our use of cookies. More information")  # fmt: skip


def test_a_cookie_banner_after_the_footer_is_removed(run_stage):
    """A cookie banner rendered after the footer, its "More information" link run into its
    line, its buttons under it: the model kept it under the page's price list (a notice at
    the page's end, apart from the text: the footer between)."""
    cells = ["Day ticket adult", "€ 7,50", "Day ticket child", "€ 4,25", "Ten-visit card",
             "€ 62,00", "Monthly pass", "€ 39,90", "Annual pass", "€ 399,00", "Towel hire",
             "€ 2,50"]  # fmt: skip
    page = _page(MENU, ["Prices"], ["ItemPrice"], cells, FOOT, [BANNER, "Accept allReject"])
    kept = _kept(run_stage, page)
    assert [x for x in kept if x in cells] == cells
    assert BANNER not in kept


def test_a_storys_last_paragraph_about_cookies_under_an_ad_line_is_kept(run_stage):
    """A news story about cookies whose last paragraph follows a removed "Advertisement"
    line: one removed line is an ad slot (or a caption, a pull quote), not the site's
    footer, and the paragraph names privacy, not the site's use of cookies; it was removed
    as a closing cookie notice (s45 midrev M2)."""
    story = [
        "The company said on Tuesday that it would push back its plan to phase out "
        "third-party cookies in Chrome until regulators finish their review.",
        "Advertisers have long relied on the small files to follow users across websites and "
        "to measure whether their campaigns lead to sales.",
        "Britain's competition watchdog has been examining whether the replacement tools "
        "would give Google an unfair advantage over rival ad networks.",
    ]
    last = (
        "Google said it would keep working with the regulator and that the new timeline "
        "depends on its review of cookies and user privacy."
    )
    page = _page(["Google delays the end of third-party cookies again"], story,
                 ["Advertisement"], [last])  # fmt: skip
    kept = _kept(run_stage, page)
    assert story[-1] in kept and last in kept


def test_a_news_briefs_section_tags_between_its_paragraphs_stay_removed(run_stage):
    """A short wire brief (four paragraphs: as few prose lines as a kinds page's job ad)
    with its section tags between two paragraphs: a run of capitalised single words is a
    tag list by its form, no list of the text's; it was kept as the short lines between the
    text's paragraphs (s45 midrev M3). A job ad's and a manual's runs are still kept."""
    from corearchive_plugins.boilerplate.structures import short_runs

    paras = [
        "Ferry services between the mainland and the islands were cancelled on Friday as "
        "winds of up to 90 miles an hour swept across the west coast.",
        "The operator said sailings would resume once the weather had eased, probably on "
        "Sunday morning.",
        "Police urged drivers to avoid unnecessary journeys and warned of fallen trees on "
        "several roads.",
        "Forecasters expect the wind to ease by Saturday evening, although heavy rain could "
        "bring flooding to low-lying areas.",
    ]
    tags = ["Scotland", "Weather", "Transport"]
    text = "\n\n".join(["Storm closes ferry routes", *paras[:2], "\n".join(tags), *paras[2:]])
    kept = _kept(run_stage, text + "\n")
    assert set(paras) <= set(kept)
    assert not set(tags) & set(kept)
    # (the rule alone: the model removed each line of the runs for its shortness)
    lists = (["Requirements", "Python 3.9", "5 GB RAM"],
             ["Your tasks", "Plan and coordinate projects", "Your profile"])  # fmt: skip
    for run, found in ((tags, False), (lists[0], True), (lists[1], True)):
        lines = [*paras[:2], *run, *paras[2:]]
        keep = [True, True, *[False] * len(run), True, True]
        got = short_runs(lines, keep, [not k for k in keep])
        assert got == ([2, 3, 4] if found else []), run
