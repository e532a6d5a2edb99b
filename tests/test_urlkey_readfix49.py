"""The address without tracking parameters reads their names as the address's key does
(s49 acc-read F17: an encoded name stayed, an empty part left a trailing "&")."""

from __future__ import annotations

import pytest

from corearchive.urlkey import untracked, url_key


@pytest.mark.parametrize(
    ("uri", "want"),
    [
        ("https://a.com/p?utm%5Fsource=x&id=2", "https://a.com/p?id=2"),
        ("https://a.com/p?a=1&&utm_source=x", "https://a.com/p?a=1"),
        ("https://a.com/p?a=1&&b=2", "https://a.com/p?a=1&&b=2"),  # (none: as given)
    ],
)
def test_untracked_reads_names_as_the_key(uri: str, want: str) -> None:
    assert untracked(uri) == want
    assert url_key(untracked(uri)) == url_key(uri)
