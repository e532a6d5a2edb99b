# ruff: noqa: E501
"""Boilerplate of blog and newsletter pages left over from session 51's acc-blogs (session
52): a Ghost sign-up box's tagline, a guestbook's signed entries (no letter's sign-off)."""

from __future__ import annotations

from corearchive_plugins.boilerplate.mailing import box_taglines
from corearchive_plugins.boilerplate.signoff import sign_off_rows

_PARA = "If you have never tried a reader, start with three sites you already visit every week. Give it a month."


def test_a_sign_up_box_s_tagline_goes_with_the_box() -> None:
    """Ghost's box: "Sign up for NAME" / its tagline / the form's messages. The call and the
    messages went; the tagline is the box's too."""
    lines = [
        _PARA,
        "",
        "Sign up for Platform Notes",
        "",
        "A weekly letter about the plumbing of the web.",
        "",
        "Email sent! Check your inbox to complete your signup.",
        "",
        "No spam. Unsubscribe anytime.",
    ]
    keep = [True, False, False, False, True, False, False, False, False]
    assert box_taglines(lines, keep) == [4]
    # (under a kept call, or with a kept line under it, the line is the text's)
    assert box_taglines(lines, [True, False, True, False, True, False, False, False, False]) == []
    assert box_taglines(lines, [True, False, False, False, True, False, True, False, False]) == []


def test_a_guestbook_s_signed_entries_are_no_sign_off() -> None:
    """A guestbook's entries each end with a greeting and a name, with the next entry under
    them: the model's decisions stand (a letter's sign-off ends its text)."""
    entry = "Wir sind sehr erstaunt und gleichzeitig hocherfreut, wie zügig alles geklappt hat, vielen Dank."
    nxt = "Wir durften einen wunderschönen Urlaub in der Villa erleben und kommen gerne wieder."
    lines = [
        entry,
        "Viele Grüße",
        "Christian",
        nxt,
        "We had a wonderful time in the villa, one of the most beautiful places we have been.",
        "Thanks",
        "Rob",
        nxt,
    ]
    keep = [True, False, False, True, True, False, False, True]
    assert sign_off_rows(lines, keep) == []
    # (a newsletter's sign-off at its end is kept)
    letter = [entry, "Until next week,", "Hannah", "Share", "Subscribe"]
    assert sign_off_rows(letter, [True, False, False, False, False]) == [1, 2]
