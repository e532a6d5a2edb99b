"""The metadata stage's HTML path, cut for speed with the same answers (session 44,
perfhtml44): each cut is checked against the plain definition it replaces."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata import _headline_line
from corearchive_plugins.metadata.text import Page


class _Counted(str):
    """A line that counts its strips."""

    strips = 0

    def strip(self, chars: str | None = None) -> str:  # type: ignore[override]
        _Counted.strips += 1
        return str.strip(self, chars)


def _reference(page: Page, title: str | None) -> int:
    """:func:`_headline_line` as defined: the last line up to the main block's start equal,
    stripped, to the title stripped, else the main block's start."""
    want = (title or "").strip()
    top = page.main_start
    found = [i for i, line in enumerate(page.lines[: top + 1]) if want and line.strip() == want]
    return found[-1] if found else top


_BODY = (
    "The council met on Tuesday evening and voted on the budget for the coming year, "
    "which raises the spending on schools and roads by a tenth over last year's plan."
)


@pytest.mark.parametrize(
    "lines",
    [
        ["Home | News", "Council approves budget", "", "  Council approves budget  ", _BODY],
        ["Council approves budget", "Menu", _BODY, "Council approves budget", _BODY],
        ["Menu", "Council approves budget 2024", "Council approves", _BODY, _BODY],
        ["Council approves budget"],
        ["", "   ", ""],
        [_BODY, _BODY],
    ],
)
@pytest.mark.parametrize(
    "title", ["Council approves budget", " Council approves budget ", "", None, "Nothing"]
)
def test_the_headline_line_is_the_last_title_line_up_to_the_main_block(
    lines: list[str], title: str | None
) -> None:
    page = Page("\n".join(lines))
    assert _headline_line(page, title) == _reference(page, title)


def test_the_headline_line_strips_only_the_lines_holding_the_title() -> None:
    """A rendering's header of hundreds of lines above the headline: each was stripped (a
    tenth of the stage's CPU on an HTML page); only a line that holds the title needs it."""
    header = [f"Menu item {k}" for k in range(300)]
    page = Page("\n".join([*header, "Council approves budget", _BODY, _BODY]))
    assert page.main_start >= 300
    page.lines = [_Counted(line) for line in page.lines]
    _Counted.strips = 0
    assert _headline_line(page, "Council approves budget") == 300
    assert _Counted.strips <= 2
