"""Metadata stage: the s45 multilingual wire-news acceptance findings (W3, W4, W6–W9, W12):
local date forms, tag lists under a copyright line or a share bar, credit lines that are
places/outlets/agencies, non-Latin agency datelines, titles and site names of text pages."""

from __future__ import annotations

import pytest

from corearchive_plugins.metadata.text import find_dates


@pytest.mark.parametrize(
    ("line", "day"),
    [
        # Al Arabiya writes a space before the comma between month and year
        ("نشر في: 12 مارس ,2025: 04:15 م GST", "2025-03-12"),
        ("Publicado el 3 marzo ,2025", "2025-03-03"),
        # NU.nl: day-month-two-digit-year with dashes, a time after it
        ("05-03-25, 07:42", "2025-03-05"),
        ("12-10-24 18:05", "2024-10-12"),
    ],
)
def test_local_date_forms(line: str, day: str) -> None:
    found = find_dates([line])
    assert [str(c["date"]) for c in found] == [day]


@pytest.mark.parametrize("line", ["Tel. 12-03-45", "Bus 10-12-24", "Scores: 3-1-25"])
def test_dashed_two_digit_years_without_a_time_are_not_dates(line: str) -> None:
    # a phone number, a range: no time follows, as on a date line
    assert find_dates([line]) == []
