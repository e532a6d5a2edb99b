"""Text titles (session 49, titlesfix49): a video's running time and a day's schedule are no
live blog's clock times, and a wiki's jump links and a page's send/print tools are never
titles (the two records titles49's live-blog veto made worse on the dev pages)."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import (
    Page,
    TitlePool,
    _goes_back,
    _never_title,
    _running_time,
    no_title_lines,
)

_PARA = (
    "The claim spread quickly on social media over the weekend, and several officials were "
    "asked about it at news conferences in the days that followed."
)


def _vetoed(text: str) -> set[str]:
    """The candidates' texts :func:`no_title_lines` rules out on page ``text``."""
    page = Page(text)
    pool = TitlePool(page)
    for j in range(len(pool.rows)):
        pool.complete(j)
    lines = no_title_lines(page, pool)
    return {t for _, i, t in pool.cands if i in lines}


# (a news story with its videos, each a running time over its title, the second one's title
# repeated as its caption; the dev page htmldate 1684405920)
_VIDEOS = "\n\n".join(
    [
        _PARA,
        "1:07",
        "Trump says he has nothing to do with questions regarding Kamala Harris",
        _PARA,
        "1:26",
        "In this race to win: Biden, Harris sign official nomination documents",
        "In this race to win: Biden, Harris sign official nomination documents",
        "A look at the claim:",
        _PARA,
        "0:48",
        "Groups vow to fight sexist, racist coverage of Kamala Harris",
        _PARA,
    ]
)


def test_a_videos_title_under_its_running_time_is_no_live_post() -> None:
    assert "In this race to win: Biden, Harris sign official nomination documents" not in _vetoed(
        _VIDEOS
    )


# (a wiki's schedule: times going forward over what a villager does; dev stardewvalleywiki)
_SCHEDULE = "\n\n".join(
    [
        "Penny",
        "From Stardew Valley Wiki",
        "Schedule",
        "Spring",
        "8:10 AM",
        "Leaves her trailer and goes outside to read near the town graveyard",
        "12:30 PM",
        "Returns to the trailer to wash dishes and tidy up her room",
        "4:00 PM",
        "Leaves the trailer again to go outside the saloon where she reads",
        _PARA,
    ]
)


def test_a_schedules_first_row_is_no_live_post() -> None:
    assert "Leaves her trailer and goes outside to read near the town graveyard" not in _vetoed(
        _SCHEDULE
    )


@pytest.mark.parametrize(
    ("lines", "j", "running"),
    [
        (["Para.", "1:26", "Video title here", "Video title here"], 1, True),
        (["Watch the video", "12:47", "Storm hits the coast"], 1, True),
        (["Listen", "1:02:33", "Episode 4: the long road"], 1, True),
        (["Para.", "22:41", "Turnout reaches record high", "More text."], 1, False),
        (["Play video", "22:41 CET", "Turnout reaches record high"], 1, False),
    ],
)
def test_running_time(lines: list[str], j: int, running: bool) -> None:
    assert _running_time(lines, j) is running


def test_goes_back() -> None:
    assert _goes_back(22 * 60 + 41, 21 * 60 + 15)
    assert _goes_back(30, 23 * 60 + 5)  # "00:30" over "23:05": across midnight
    assert not _goes_back(8 * 60 + 10, 12 * 60 + 30)  # a schedule: forward
    assert _goes_back(None, 60)


@pytest.mark.parametrize(
    ("line", "never"),
    [
        ("Jump to:\tnavigation,\tsearch", True),
        ("Jump to: navigation, search", True),
        ("Wechseln zu: Navigation, Suche", True),
        ("Aller à : navigation, rechercher", True),
        ("Saltar a: navegación, búsqueda", True),
        ("Send this page to someone via email", True),
        ("Email this page", True),
        ("Print this page", True),
        ("Diese Seite drucken", True),
        ("Envoyer cette page par e-mail", True),
        ("Imprimir esta página", True),
        # (headlines with the words)
        ("Jump to conclusions: why markets fell", False),
        ("Print this page, says the court", False),
        ("Send the page back to Congress: Senate votes", False),
    ],
)
def test_site_tools_are_never_titles(line: str, never: bool) -> None:
    assert _never_title(line)[0] is never
