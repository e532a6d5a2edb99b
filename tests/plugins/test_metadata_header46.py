"""The header block around a text page's headline (session 46): a section label over the
headline over its date line, a name in the byline's slot under a three-word headline, and a
menu item opening with "Von" that is no German byline."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import _is_byline, extract

_BODY = (
    "On Monday afternoon a relative told reporters that the family had been informed by "
    "officers, who asked them to come to the station the following morning.\n\n"
    "He said they were waiting for more details and would decide afterwards whether to "
    "speak publicly, since many questions remained open.\n"
)

# (a section label, "News", over the headline over a date line, not a byline; the label
# is also a tag under the story and part of a menu line)
_KICKER_OVER_DATED = (
    "Home\n\nPolitics\n\nEnvironment\n\nLatest News and Reports\n\nHarbour Daily /\nNews\n\n"
    "DNA test confirms identity of Mekong victim\n\n"
    "Submitted on Mon, 2019-01-21 13:49\n\n" + _BODY + "\nTopics\nNews\nPolitics\n"
)

# (a name alone between a three-word headline and a date line, the name again in the
# author's box under the story)
_NAME_UNDER_SHORT_HEADLINE = (
    "EVENTS\n\nFAQ\n\nIMPRINT\n\nEDITORIAL\nThe First Decade\n\nMaximilian Steinbeis\n\n"
    "Sa 13 Jul 2019\n\n" + _BODY + "\nMaximilian Steinbeis\n"
    "Maximilian Steinbeis is a legal journalist and the founder of this blog.\n"
)


# (a pager's link of three words over a post's headline of three capitalised words, which
# is no name in the byline's slot)
_HEADLINE_UNDER_PAGER = (
    "Startseite\n\nBlog\n\nArchiv\n\n← Ältere Beiträge\n\nLiebe Menschen Europas\n\n"
    "Publiziert am 13. Januar 2014 von uriebe\n\n"
    "Wir sind Menschen aus allen Teilen des Landes, und wir schreiben euch, weil wir "
    "gemeinsam etwas verändern wollen, bevor es zu spät ist.\n\n"
    "Durch diese Politik befinden wir uns alle auf einer Rutschbahn steil bergab, und wir "
    "glauben, dass nur ein gemeinsamer Weg hinausführt.\n"
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (_KICKER_OVER_DATED, "DNA test confirms identity of Mekong victim"),
        (_NAME_UNDER_SHORT_HEADLINE, "The First Decade"),
        (_HEADLINE_UNDER_PAGER, "Liebe Menschen Europas"),
    ],
)
def test_the_headline_of_the_header_block_over_its_date_line(text: str, title: str) -> None:
    """The headline is the line over the block's date line: neither the section label
    over it (was "News") nor the name in the byline's slot under it (was "Maximilian
    Steinbeis"); a headline of three capitalised words under a pager's link stays one."""
    assert extract(text)["title"] == title


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Von neuen und alten Medien", False),
        ("Von Anna Schmidt", True),
        ("Von Katharina Müller und Jonas Becker", True),
        ("Von unserem Korrespondenten Max Müller", True),
        ("von dpa, unserer Redaktion", True),
        ("von lupa", True),
        ("von besserwisser eG", True),
        # (German capitalises nouns: a name is two words written as one, before a colon;
        # s46 midrev46 M10)
        ("Von oben herab: Die Politik der Eliten", False),
        ("Von der Leyen fordert mehr Tempo bei Reformen", False),
        ("von einem unserer Reporter", True),
        ("Von Max Müller", True),
        ("von unserem Korrespondenten in Berlin, Max Müller", True),
    ],
)
def test_a_phrase_opening_with_von_is_no_byline(line: str, byline: bool) -> None:
    """ "Von" and a word in small letters opens a phrase (a menu's item, a headline), not a
    byline, unless an agency, "unserer"/"unserem" or a name of two capitalised words
    follows, or it is a user's name in small letters."""
    assert _is_byline(line) is byline
